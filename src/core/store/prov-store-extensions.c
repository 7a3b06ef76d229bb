#include "prov-store-private.h"

/* PBX extensions per customer account: one number, one user. An order
 * takes its extension when it is placed; a draft only proposes one. The
 * carrier's list (the customer's products, TMF637, as last fetched) and
 * the extensions this till's orders took make up what is in use: the
 * carrier's name for a number wins, and ended products free theirs. */

typedef struct {
  char *account;
  char *number;
  char *name;
  char *order_uuid;
} ExtensionArgs;

static void
extension_args_free (ExtensionArgs *args)
{
  g_free (args->account);
  g_free (args->number);
  g_free (args->name);
  g_free (args->order_uuid);
  g_free (args);
}

static void
free_pair (GStrv *pair)
{
  g_strfreev (pair[0]);
  g_strfreev (pair[1]);
  g_free (pair);
}

static void
worker_list_extensions (StoreWorker *worker,
                        GTask       *task,
                        gpointer     data)
{
  ExtensionArgs *args = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) numbers = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  GStrv *both;
  sqlite3_stmt *statement;
  int rc;

  assert_on_worker (worker);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "WITH at_carrier AS ("
                                                "  SELECT (SELECT CAST (json_extract (c.value, '$.value') AS TEXT) "
                                                "          FROM json_each (p.body, '$.productCharacteristic') c "
                                                "          WHERE json_extract (c.value, '$.name') = 'extension.number') AS number, "
                                                "         (SELECT CAST (json_extract (c.value, '$.value') AS TEXT) "
                                                "          FROM json_each (p.body, '$.productCharacteristic') c "
                                                "          WHERE json_extract (c.value, '$.name') IN ('extension.name', 'user.display-name') "
                                                "          ORDER BY json_extract (c.value, '$.name') LIMIT 1) AS name "
                                                "  FROM carrier_products p WHERE p.account = ?1 "
                                                "  AND coalesce (json_extract (p.body, '$.status'), 'active') "
                                                "      NOT IN ('terminated', 'cancelled', 'aborted', 'aborted ')), "
                                                "every AS ("
                                                "  SELECT number, name, 0 AS rank FROM at_carrier "
                                                "  WHERE number GLOB '[0-9]*' AND number NOT GLOB '*[^0-9]*' "
                                                "  UNION ALL SELECT number, name, 1 FROM extensions WHERE account = ?1) "
                                                "SELECT number, coalesce ((SELECT name FROM every e2 WHERE e2.number = e.number "
                                                "                          AND coalesce (e2.name, '') != '' ORDER BY rank LIMIT 1), '') "
                                                "FROM every e GROUP BY number ORDER BY length (number), number",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_bind_text (statement, 1, args->account);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_strv_builder_add (numbers, _prov_store_column_text (statement, 0));
      g_strv_builder_add (names, _prov_store_column_text (statement, 1));
    }
  if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  _prov_store_statement_done (statement);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  both = g_new0 (GStrv, 2);
  both[0] = g_strv_builder_end (numbers);
  both[1] = g_strv_builder_end (names);
  g_task_return_pointer (task, both, (GDestroyNotify) free_pair);
}

/* The extensions an account has, shortest and lowest first, with the
 * names of their users ("" when none was given). */
void
prov_store_list_extensions_async (ProvStore           *self,
                                  const char          *account,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ExtensionArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (account != NULL);

  args = g_new0 (ExtensionArgs, 1);
  args->account = g_strdup (account);
  _prov_store_push (self, worker_list_extensions, args, (GDestroyNotify) extension_args_free, NULL,
                    cancellable, callback, user_data, prov_store_list_extensions_async);
}

GStrv
prov_store_list_extensions_finish (ProvStore     *self,
                                   GAsyncResult  *result,
                                   GStrv         *names,
                                   GError       **error)
{
  GStrv *pair;
  GStrv numbers;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  pair = g_task_propagate_pointer (G_TASK (result), error);
  if (pair == NULL)
    return NULL;

  numbers = pair[0];
  if (names != NULL)
    *names = pair[1];
  else
    g_strfreev (pair[1]);
  g_free (pair);

  return numbers;
}

/* Notes @number as taken in @account. With @keep_first, a number another
 * order took first stays that order's: placing does not fail on the
 * till's own list, the carrier has the last word. */
gboolean
_prov_store_worker_record_extension (StoreWorker  *worker,
                                     const char   *account,
                                     const char   *number,
                                     const char   *name,
                                     const char   *order_uuid,
                                     gboolean      keep_first,
                                     GError      **error)
{
  sqlite3_stmt *statement;

  assert_on_worker (worker);

  statement = _prov_store_worker_prepare (worker,
                                          keep_first
                                          ? "INSERT OR IGNORE INTO extensions (account, number, name, order_id, created_at) "
                                          "VALUES (?1, ?2, ?3, (SELECT id FROM orders WHERE uuid = ?4), ?5)"
                                          : "INSERT INTO extensions (account, number, name, order_id, created_at) "
                                          "VALUES (?1, ?2, ?3, (SELECT id FROM orders WHERE uuid = ?4), ?5)",
                                          error);
  if (statement == NULL)
    return FALSE;

  _prov_store_bind_text (statement, 1, account);
  _prov_store_bind_text (statement, 2, number);
  _prov_store_bind_text (statement, 3, name);
  _prov_store_bind_text (statement, 4, order_uuid);
  sqlite3_bind_int64 (statement, 5, g_get_real_time ());

  return _prov_store_worker_run (worker, statement, error);
}

static void
worker_add_extension (StoreWorker *worker,
                      GTask       *task,
                      gpointer     data)
{
  ExtensionArgs *args = data;
  g_autoptr(GError) error = NULL;

  if (!_prov_store_worker_require_db (worker, &error) ||
      !_prov_store_worker_record_extension (worker, args->account, args->number, args->name, args->order_uuid, FALSE, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Fails when the account already has this number: two tills may have
 * proposed it at the same time. */
void
prov_store_add_extension_async (ProvStore           *self,
                                const char          *account,
                                const char          *number,
                                const char          *name,
                                const char          *order_uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ExtensionArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (account != NULL && number != NULL);

  args = g_new0 (ExtensionArgs, 1);
  args->account = g_strdup (account);
  args->number = g_strdup (number);
  args->name = g_strdup (name);
  args->order_uuid = g_strdup (order_uuid);
  _prov_store_push (self, worker_add_extension, args, (GDestroyNotify) extension_args_free, NULL,
                    cancellable, callback, user_data, prov_store_add_extension_async);
}

gboolean
prov_store_add_extension_finish (ProvStore     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _prov_store_finish (self, result, prov_store_add_extension_async, error);
}
