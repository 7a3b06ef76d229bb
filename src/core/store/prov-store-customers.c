#include "prov-order-field.h"
#include "prov-store-private.h"

/* Customers known at this counter: the ones created here and the ones
 * found at the carrier, so the customer search works offline. */

static void
worker_save_customer (StoreWorker *worker,
                      GTask       *task,
                      gpointer     data)
{
  ProvCustomer *customer = data;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;
  gint64 now = g_get_real_time ();

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "INSERT INTO customers (uuid, carrier_id, name, email, phone, details, "
                                                "                       created_at, updated_at) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5, ?7, ?6, ?6) "
                                                "ON CONFLICT (uuid) DO UPDATE SET carrier_id = ?2, name = ?3, email = ?4, phone = ?5, "
                                                "  details = ?7, updated_at = ?6",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_bind_text (statement, 1, prov_customer_get_uuid (customer));
  _prov_store_bind_text (statement, 2, prov_customer_get_carrier_id (customer));
  _prov_store_bind_text (statement, 3, prov_customer_get_name (customer));
  _prov_store_bind_text (statement, 4, prov_customer_get_email (customer));
  _prov_store_bind_text (statement, 5, prov_customer_get_phone (customer));
  sqlite3_bind_int64 (statement, 6, now);
  {
    g_autofree char *details = prov_customer_dup_details_json (customer);

    _prov_store_bind_text (statement, 7, details);
  }

  if (!_prov_store_worker_run (worker, statement, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
prov_store_save_customer_async (ProvStore           *self,
                                ProvCustomer        *customer,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (PROV_IS_CUSTOMER (customer));

  _prov_store_push (self, worker_save_customer, g_object_ref (customer), g_object_unref, NULL,
                    cancellable, callback, user_data, prov_store_save_customer_async);
}

gboolean
prov_store_save_customer_finish (ProvStore     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _prov_store_finish (self, result, prov_store_save_customer_async, error);
}

typedef struct {
  char  *text;
  char  *digits;
  guint  limit;
} SearchArgs;

static void
search_args_free (SearchArgs *args)
{
  g_free (args->text);
  g_free (args->digits);
  g_free (args);
}

/* The digits of a phone number, ICCID or IMEI typed or scanned, without
 * leading zeros (a national "06…" is found in "+316…"), or NULL when
 * @text is not such a number: six digits at least, so a short search
 * does not match every line of the carrier's answers. */
static char *
dup_identifier_digits (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c))
        {
          if (digits->len > 0 || *c != '0')
            g_string_append_c (digits, *c);
        }
      else if (*c != ' ' && *c != '+' && *c != '-' && *c != '/')
        return NULL;
    }

  return digits->len >= 6 ? g_string_free (g_steal_pointer (&digits), FALSE) : NULL;
}

static gpointer
read_customer (sqlite3_stmt *statement)
{
  ProvCustomer *customer = prov_customer_new_from_row (_prov_store_column_text (statement, 0),
                                                       _prov_store_column_text (statement, 1),
                                                       _prov_store_column_text (statement, 2),
                                                       _prov_store_column_text (statement, 3),
                                                       _prov_store_column_text (statement, 4));

  prov_customer_set_details_json (customer, _prov_store_column_text (statement, 5));
  return customer;
}

static void
worker_search_customers (StoreWorker *worker,
                         GTask       *task,
                         gpointer     data)
{
  SearchArgs *args = data;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "SELECT uuid, carrier_id, name, email, phone, details FROM customers c "
                                                "WHERE ?1 = '' OR instr (lower (name), lower (?1)) > 0 "
                                                "   OR instr (lower (coalesce (email, '')), lower (?1)) > 0 "
                                                "   OR instr (coalesce (phone, ''), ?1) > 0 "
                                                "   OR carrier_id = ?1 "
                                                /* A line's number, SIM or device, from what the
                                                 * carrier last listed or the till's own orders. */
                                                "   OR (?3 IS NOT NULL AND c.carrier_id IS NOT NULL AND EXISTS ("
                                                "         SELECT 1 FROM carrier_products p "
                                                "         WHERE p.account = c.carrier_id AND instr (p.body, ?3) > 0)) "
                                                "   OR (?3 IS NOT NULL AND EXISTS ("
                                                "         SELECT 1 FROM orders o "
                                                "         WHERE (o.customer_id = c.id OR json_extract (o.payload, '$.\"' || ?4 || '\"') = c.carrier_id) "
                                                "           AND (instr (coalesce (o.msisdn, ''), ?3) > 0 OR instr (coalesce (o.iccid, ''), ?3) > 0 "
                                                "                OR instr (coalesce (o.imei, ''), ?3) > 0))) "
                                                "ORDER BY name COLLATE NOCASE LIMIT ?2",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_bind_text (statement, 1, args->text);
  sqlite3_bind_int (statement, 2, args->limit);
  _prov_store_bind_text (statement, 3, args->digits);
  _prov_store_bind_text (statement, 4, PROV_ORDER_FIELD_CUSTOMER_ID);
  _prov_store_worker_return_rows (worker, task, statement, read_customer, g_object_unref);
}

/* Customers whose name, e-mail, phone or customer number contains text
 * ("" for all), or one of whose lines has the phone number, ICCID or IMEI
 * typed. */
void
prov_store_search_customers_async (ProvStore           *self,
                                   const char          *text,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  SearchArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));

  args = g_new0 (SearchArgs, 1);
  args->text = g_strstrip (g_strdup (text != NULL ? text : ""));
  args->digits = dup_identifier_digits (args->text);
  args->limit = limit;

  _prov_store_push (self, worker_search_customers, args, (GDestroyNotify) search_args_free, NULL,
                    cancellable, callback, user_data, prov_store_search_customers_async);
}

GPtrArray *
prov_store_search_customers_finish (ProvStore     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_search_customers_async, error);
}
