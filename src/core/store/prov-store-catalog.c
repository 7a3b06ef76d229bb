#include "prov-store-private.h"

/* The carrier's catalog, kept so the order pages work offline. Each
 * offering is one row; a refresh replaces a carrier's offerings at once. */

typedef struct {
  char     *carrier;
  JsonNode *offerings;
} SaveArgs;

static void
save_args_free (SaveArgs *args)
{
  g_free (args->carrier);
  g_clear_pointer (&args->offerings, json_node_unref);
  g_free (args);
}

static void
worker_save_catalog (StoreWorker *worker,
                     GTask       *task,
                     gpointer     data)
{
  SaveArgs *args = data;
  JsonArray *offerings = json_node_get_array (args->offerings);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *forget;
  sqlite3_stmt *insert;
  gint64 now = g_get_real_time ();

  assert_on_worker (worker);

  if (!worker_require_db (worker, &error) ||
      !worker_begin (worker, &error) ||
      !(forget = worker_prepare (worker, "DELETE FROM catalog_cache WHERE carrier = ? AND resource = 'productOffering'",
                                 &error)))
    goto failed;

  bind_text (forget, 1, args->carrier);
  if (!worker_run (worker, forget, &error) ||
      !(insert = worker_prepare (worker,
                                 "INSERT INTO catalog_cache (carrier, resource, resource_id, body, fetched_at) "
                                 "VALUES (?, 'productOffering', ?, ?, ?)",
                                 &error)))
    goto failed;

  for (guint i = 0; i < json_array_get_length (offerings); i++)
    {
      JsonObject *offering = json_array_get_object_element (offerings, i);
      g_autofree char *body = NULL;

      if (offering == NULL || !json_object_has_member (offering, "id"))
        continue;

      body = json_to_string (json_array_get_element (offerings, i), FALSE);
      bind_text (insert, 1, args->carrier);
      bind_text (insert, 2, json_object_get_string_member (offering, "id"));
      bind_text (insert, 3, body);
      sqlite3_bind_int64 (insert, 4, now);
      if (!worker_run (worker, insert, &error))
        goto failed;
    }

  if (!worker_commit (worker, &error))
    goto failed;

  g_task_return_boolean (task, TRUE);
  return;

failed:
  if (worker->db != NULL)
    worker_rollback (worker);
  g_task_return_error (task, g_steal_pointer (&error));
}

void
prov_store_save_catalog_async (ProvStore           *self,
                               const char          *carrier,
                               JsonNode            *offerings,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SaveArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (carrier != NULL);
  g_return_if_fail (offerings != NULL && JSON_NODE_HOLDS_ARRAY (offerings));

  args = g_new0 (SaveArgs, 1);
  args->carrier = g_strdup (carrier);
  args->offerings = json_node_copy (offerings);

  prov_store_push (self, worker_save_catalog, args, (GDestroyNotify) save_args_free, NULL,
                   cancellable, callback, user_data, prov_store_save_catalog_async);
}

gboolean
prov_store_save_catalog_finish (ProvStore     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  JsonNode *offerings;
  gint64    fetched_at;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->offerings, json_node_unref);
  g_free (loaded);
}

static void
worker_load_catalog (StoreWorker *worker,
                     GTask       *task,
                     gpointer     data)
{
  const char *carrier = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *offerings = json_array_new ();
  Loaded *loaded = g_new0 (Loaded, 1);
  sqlite3_stmt *statement;
  int rc = SQLITE_DONE;

  assert_on_worker (worker);

  loaded->offerings = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (loaded->offerings, offerings);

  if (!worker_require_db (worker, &error) ||
      !(statement = worker_prepare (worker,
                                    "SELECT body, fetched_at FROM catalog_cache "
                                    "WHERE carrier = ? AND resource = 'productOffering' ORDER BY rowid",
                                    &error)))
    goto failed;

  bind_text (statement, 1, carrier);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      if (!json_parser_load_from_data (parser, column_text (statement, 0), -1, &error))
        break;
      json_array_add_element (offerings, json_node_copy (json_parser_get_root (parser)));
      loaded->fetched_at = sqlite3_column_int64 (statement, 1);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  statement_done (statement);

  if (error != NULL)
    goto failed;

  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
  return;

failed:
  loaded_free (loaded);
  g_task_return_error (task, g_steal_pointer (&error));
}

void
prov_store_load_catalog_async (ProvStore           *self,
                               const char          *carrier,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (carrier != NULL);

  prov_store_push (self, worker_load_catalog, g_strdup (carrier), g_free, NULL,
                   cancellable, callback, user_data, prov_store_load_catalog_async);
}

/* The cached offerings (an empty list when none were ever fetched) and
 * when they were fetched, in microseconds since the epoch (0: never). */
JsonNode *
prov_store_load_catalog_finish (ProvStore     *self,
                                GAsyncResult  *result,
                                gint64        *fetched_at,
                                GError       **error)
{
  Loaded *loaded;
  JsonNode *offerings;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  if (fetched_at != NULL)
    *fetched_at = loaded->fetched_at;
  offerings = g_steal_pointer (&loaded->offerings);
  loaded_free (loaded);

  return offerings;
}
