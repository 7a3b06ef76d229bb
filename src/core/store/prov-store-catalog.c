#include "prov-catalog.h"
#include "prov-store-private.h"

/* The carrier's catalog, kept so the order pages work offline: an object
 * with a list per TMF620 resource (productOffering, productSpecification).
 * Each item is one row; a refresh replaces a carrier's catalog at once. */

typedef struct {
  char     *carrier;
  JsonNode *catalog;
} SaveArgs;

static void
save_args_free (SaveArgs *args)
{
  g_free (args->carrier);
  g_clear_pointer (&args->catalog, json_node_unref);
  g_free (args);
}

static gboolean
worker_insert_items (StoreWorker   *worker,
                     sqlite3_stmt  *insert,
                     const char    *carrier,
                     const char    *resource,
                     JsonArray     *items,
                     gint64         now,
                     GError       **error)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *body = NULL;

      if (item == NULL || !JSON_NODE_HOLDS_VALUE (json_object_get_member (item, "id")) ||
          json_object_get_string_member (item, "id") == NULL)
        continue;

      body = json_to_string (json_array_get_element (items, i), FALSE);
      _prov_store_bind_text (insert, 1, carrier);
      _prov_store_bind_text (insert, 2, resource);
      _prov_store_bind_text (insert, 3, json_object_get_string_member (item, "id"));
      _prov_store_bind_text (insert, 4, body);
      sqlite3_bind_int64 (insert, 5, now);
      if (!_prov_store_worker_run (worker, insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_catalog (StoreWorker  *worker,
               gpointer      data,
               GError      **error)
{
  SaveArgs *args = data;
  JsonObject *catalog = json_node_get_object (args->catalog);
  sqlite3_stmt *forget;
  sqlite3_stmt *insert = NULL;
  gint64 now = g_get_real_time ();
  JsonObjectIter iter;
  const char *resource;
  JsonNode *items;

  if (!(forget = _prov_store_worker_prepare (worker, "DELETE FROM catalog_cache WHERE carrier = ?", error)))
    return FALSE;

  _prov_store_bind_text (forget, 1, args->carrier);
  if (!_prov_store_worker_run (worker, forget, error) ||
      !(insert = _prov_store_worker_prepare (worker,
                                             "INSERT OR IGNORE INTO catalog_cache (carrier, resource, resource_id, body, fetched_at) "
                                             "VALUES (?, ?, ?, ?, ?)",
                                             error)))
    return FALSE;

  json_object_iter_init (&iter, catalog);
  while (json_object_iter_next (&iter, &resource, &items))
    if (JSON_NODE_HOLDS_ARRAY (items) &&
        !worker_insert_items (worker, insert, args->carrier, resource, json_node_get_array (items), now, error))
      return FALSE;

  return TRUE;
}

static void
worker_save_catalog (StoreWorker *worker,
                     GTask       *task,
                     gpointer     data)
{
  _prov_store_worker_return_write (worker, task, write_catalog, data);
}

void
prov_store_save_catalog_async (ProvStore           *self,
                               const char          *carrier,
                               JsonNode            *catalog,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SaveArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (carrier != NULL);
  g_return_if_fail (catalog != NULL && JSON_NODE_HOLDS_OBJECT (catalog));

  args = g_new0 (SaveArgs, 1);
  args->carrier = g_strdup (carrier);
  args->catalog = json_node_copy (catalog);

  _prov_store_push (self, worker_save_catalog, args, (GDestroyNotify) save_args_free, NULL,
                    cancellable, callback, user_data, prov_store_save_catalog_async);
}

gboolean
prov_store_save_catalog_finish (ProvStore     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _prov_store_finish (self, result, prov_store_save_catalog_async, error);
}

typedef struct {
  JsonNode *catalog;
  gint64    fetched_at;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->catalog, json_node_unref);
  g_free (loaded);
}

static JsonArray *
resource_list (JsonObject *catalog,
               const char *resource)
{
  if (!json_object_has_member (catalog, resource))
    json_object_set_array_member (catalog, resource, json_array_new ());
  return json_object_get_array_member (catalog, resource);
}

static void
worker_load_catalog (StoreWorker *worker,
                     GTask       *task,
                     gpointer     data)
{
  const char *carrier = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *catalog = json_object_new ();
  Loaded *loaded = g_new0 (Loaded, 1);
  sqlite3_stmt *statement;
  int rc = SQLITE_DONE;

  assert_on_worker (worker);

  loaded->catalog = json_node_init_object (json_node_alloc (), catalog);
  resource_list (catalog, PROV_CATALOG_OFFERINGS);
  json_object_unref (catalog);

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "SELECT resource, body, fetched_at FROM catalog_cache "
                                                "WHERE carrier = ? ORDER BY rowid",
                                                &error)))
    goto failed;

  _prov_store_bind_text (statement, 1, carrier);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      if (!json_parser_load_from_data (parser, _prov_store_column_text (statement, 1), -1, &error))
        break;
      json_array_add_element (resource_list (catalog, _prov_store_column_text (statement, 0)),
                              json_node_copy (json_parser_get_root (parser)));
      loaded->fetched_at = sqlite3_column_int64 (statement, 2);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    prov_store_set_sqlite_error (&error, worker->db, NULL);
  _prov_store_statement_done (statement);

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

  _prov_store_push (self, worker_load_catalog, g_strdup (carrier), g_free, NULL,
                    cancellable, callback, user_data, prov_store_load_catalog_async);
}

/* The cached catalog (an object with an empty productOffering list when
 * none was ever fetched) and when it was fetched, in microseconds since
 * the epoch (0: never). */
JsonNode *
prov_store_load_catalog_finish (ProvStore     *self,
                                GAsyncResult  *result,
                                gint64        *fetched_at,
                                GError       **error)
{
  Loaded *loaded;
  JsonNode *catalog;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  if (fetched_at != NULL)
    *fetched_at = loaded->fetched_at;
  catalog = g_steal_pointer (&loaded->catalog);
  loaded_free (loaded);

  return catalog;
}
