#include "prov-json-guard.h"
#include "prov-store-private.h"

/* The customers' products at the carrier (TMF637), kept so the order pages
 * know the users and extensions a customer has while offline. A refresh
 * replaces one customer's products at once. */

typedef struct {
  char     *account;
  JsonNode *products;
} SaveProductsArgs;

static void
save_products_args_free (SaveProductsArgs *args)
{
  g_free (args->account);
  g_clear_pointer (&args->products, json_node_unref);
  g_free (args);
}

static gboolean
write_products (StoreWorker  *worker,
                gpointer      data,
                GError      **error)
{
  SaveProductsArgs *args = data;
  JsonArray *products = json_node_get_array (args->products);
  sqlite3_stmt *forget;
  sqlite3_stmt *insert = NULL;
  gint64 now = g_get_real_time ();

  if (!(forget = _prov_store_worker_prepare (worker, "DELETE FROM carrier_products WHERE account = ?", error)))
    return FALSE;

  _prov_store_bind_text (forget, 1, args->account);
  if (!_prov_store_worker_run (worker, forget, error) ||
      !(insert = _prov_store_worker_prepare (worker,
                                             "INSERT OR REPLACE INTO carrier_products (account, product_id, body, fetched_at) "
                                             "VALUES (?, ?, ?, ?)",
                                             error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (products); i++)
    {
      JsonObject *product = json_array_get_object_element (products, i);
      g_autofree char *body = NULL;

      if (product == NULL || prov_json_object_get_string (product, "id") == NULL)
        continue;

      body = json_to_string (json_array_get_element (products, i), FALSE);
      _prov_store_bind_text (insert, 1, args->account);
      _prov_store_bind_text (insert, 2, prov_json_object_get_string (product, "id"));
      _prov_store_bind_text (insert, 3, body);
      sqlite3_bind_int64 (insert, 4, now);
      if (!_prov_store_worker_run (worker, insert, error))
        return FALSE;
    }

  return TRUE;
}

static void
worker_save_products (StoreWorker *worker,
                      GTask       *task,
                      gpointer     data)
{
  _prov_store_worker_return_write (worker, task, write_products, data);
}

/* Replaces what the till knows of @account's products with @products, a
 * JSON array of TMF637 Product objects. */
void
prov_store_save_products_async (ProvStore           *self,
                                const char          *account,
                                JsonNode            *products,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  SaveProductsArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (account != NULL);
  g_return_if_fail (products != NULL && JSON_NODE_HOLDS_ARRAY (products));

  args = g_new0 (SaveProductsArgs, 1);
  args->account = g_strdup (account);
  args->products = json_node_copy (products);

  _prov_store_push (self, worker_save_products, args, (GDestroyNotify) save_products_args_free, NULL,
                    cancellable, callback, user_data, prov_store_save_products_async);
}

gboolean
prov_store_save_products_finish (ProvStore     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  SaveProductsArgs *args;

  if (!_prov_store_finish (self, result, prov_store_save_products_async, error))
    return FALSE;

  /* Whatever shows this customer's lines reads them again. */
  args = _prov_store_request_get_args (G_TASK (result));
  _prov_store_announce_products (self, args->account);
  return TRUE;
}

typedef struct {
  JsonNode *products;
  gint64    fetched_at;
} ListedProducts;

static void
listed_products_free (ListedProducts *listed)
{
  g_clear_pointer (&listed->products, json_node_unref);
  g_free (listed);
}

static void
worker_list_products (StoreWorker *worker,
                      GTask       *task,
                      gpointer     data)
{
  const char *account = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) products = json_array_new ();
  sqlite3_stmt *statement;
  ListedProducts *listed;
  gint64 fetched_at = 0;
  int rc;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker, "SELECT body, fetched_at FROM carrier_products WHERE account = ? ORDER BY product_id",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_bind_text (statement, 1, account);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      JsonNode *product = json_from_string (_prov_store_column_text (statement, 0), NULL);

      fetched_at = MAX (fetched_at, sqlite3_column_int64 (statement, 1));

      if (product != NULL && JSON_NODE_HOLDS_OBJECT (product))
        json_array_add_element (products, product);
      else if (product != NULL)
        json_node_unref (product);
    }
  if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  _prov_store_statement_done (statement);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  listed = g_new0 (ListedProducts, 1);
  listed->products = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (listed->products, g_steal_pointer (&products));
  listed->fetched_at = fetched_at;
  g_task_return_pointer (task, listed, (GDestroyNotify) listed_products_free);
}

/* @account's products as the carrier last listed them: a JSON array of
 * TMF637 Product objects (empty when never listed), and in *fetched_at
 * when they were listed (real time in µs; 0 for never). */
void
prov_store_list_products_async (ProvStore           *self,
                                const char          *account,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (account != NULL);

  _prov_store_push (self, worker_list_products, g_strdup (account), g_free, NULL,
                    cancellable, callback, user_data, prov_store_list_products_async);
}

JsonNode *
prov_store_list_products_finish (ProvStore     *self,
                                 GAsyncResult  *result,
                                 gint64        *fetched_at,
                                 GError       **error)
{
  ListedProducts *listed = _prov_store_finish_pointer (self, result, prov_store_list_products_async, error);
  JsonNode *products;

  if (listed == NULL)
    return NULL;

  if (fetched_at != NULL)
    *fetched_at = listed->fetched_at;
  products = g_steal_pointer (&listed->products);
  listed_products_free (listed);
  return products;
}
