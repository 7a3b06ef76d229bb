#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "prov-store-error.h"
#include "prov-store-private.h"
#include "prov-store-snapshot.h"

/* ------------------------------------------------------------------------ */
/* Reservations                                                             */

gboolean
_prov_store_worker_reserve_identifiers (StoreWorker          *worker,
                                        sqlite3_int64         order_id,
                                        ProvOrderSnapshot    *snapshot,
                                        gint64                now,
                                        GPtrArray            *conflicts,
                                        GError              **error)
{
  sqlite3_stmt *release = _prov_store_worker_prepare (worker, "DELETE FROM reservations WHERE order_id = ?", error);
  sqlite3_stmt *holder;
  sqlite3_stmt *reserve;

  if (release == NULL)
    return FALSE;
  sqlite3_bind_int64 (release, 1, order_id);
  if (!_prov_store_worker_run (worker, release, error))
    return FALSE;

  holder = _prov_store_worker_prepare (worker,
                                       "SELECT o.uuid, o.customer_name, o.state FROM reservations r "
                                       "JOIN orders o ON o.id = r.order_id WHERE r.kind = ? AND r.value = ?",
                                       error);
  reserve = _prov_store_worker_prepare (worker,
                                        "INSERT INTO reservations (kind, value, order_id, field, reserved_at, line_position) "
                                        "VALUES (?, ?, ?, ?, ?, ?)",
                                        error);
  if (holder == NULL || reserve == NULL)
    return FALSE;

  for (guint i = 0; i < snapshot->identifiers->len; i++)
    {
      ProvOrderIdentifier *identifier = g_ptr_array_index (snapshot->identifiers, i);
      int rc;

      sqlite3_bind_int (holder, 1, identifier->kind);
      _prov_store_bind_text (holder, 2, identifier->value);
      rc = sqlite3_step (holder);
      if (rc == SQLITE_ROW)
        {
          ProvReservationConflict *conflict = g_new0 (ProvReservationConflict, 1);

          conflict->field = g_strdup (identifier->field);
          conflict->kind = identifier->kind;
          conflict->value = g_strdup (identifier->value);
          conflict->holder_uuid = g_strdup (_prov_store_column_text (holder, 0));
          conflict->holder_customer = g_strdup (_prov_store_column_text (holder, 1));
          conflict->holder_state = sqlite3_column_int (holder, 2);
          g_ptr_array_add (conflicts, conflict);
          _prov_store_statement_done (holder);
          continue;
        }
      _prov_store_statement_done (holder);
      if (rc != SQLITE_DONE)
        {
          prov_store_set_sqlite_error (error, worker->db, NULL);
          return FALSE;
        }

      sqlite3_bind_int (reserve, 1, identifier->kind);
      _prov_store_bind_text (reserve, 2, identifier->value);
      sqlite3_bind_int64 (reserve, 3, order_id);
      _prov_store_bind_text (reserve, 4, identifier->field);
      sqlite3_bind_int64 (reserve, 5, now);
      sqlite3_bind_int (reserve, 6, identifier->line);
      if (!_prov_store_worker_run (worker, reserve, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */

gboolean
_prov_store_worker_write_lines (StoreWorker        *worker,
                                sqlite3_int64       order_id,
                                ProvOrderSnapshot  *snapshot,
                                GError            **error)
{
  sqlite3_stmt *forget = _prov_store_worker_prepare (worker, "DELETE FROM order_lines WHERE order_id = ?", error);
  sqlite3_stmt *insert;

  if (forget == NULL)
    return FALSE;
  sqlite3_bind_int64 (forget, 1, order_id);
  if (!_prov_store_worker_run (worker, forget, error))
    return FALSE;

  insert = _prov_store_worker_prepare (worker,
                                       "INSERT INTO order_lines (order_id, position, line_id, action, product_ref, state, payload) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                       error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < snapshot->lines->len; i++)
    {
      ProvLineSnapshot *line = g_ptr_array_index (snapshot->lines, i);

      sqlite3_bind_int64 (insert, 1, order_id);
      sqlite3_bind_int (insert, 2, i);
      _prov_store_bind_text (insert, 3, line->line_id);
      sqlite3_bind_int (insert, 4, line->action);
      _prov_store_bind_text (insert, 5, line->product_ref);
      _prov_store_bind_text (insert, 6, line->state);
      _prov_store_bind_text (insert, 7, line->payload);
      if (!_prov_store_worker_run (worker, insert, error))
        return FALSE;
    }

  return TRUE;
}

/* Gives @order the lines stored for it. */
gboolean
_prov_store_worker_read_lines (StoreWorker    *worker,
                               sqlite3_int64   order_id,
                               ProvOrder      *order,
                               GError        **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *statement;
  int rc;

  statement = _prov_store_worker_prepare (worker,
                                          "SELECT line_id, action, product_ref, state, payload FROM order_lines "
                                          "WHERE order_id = ? ORDER BY position",
                                          error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, order_id);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_autoptr(ProvOrderLine) line = prov_order_line_new (_prov_store_column_text (statement, 0));

      prov_order_line_set_action (line, sqlite3_column_int (statement, 1));
      prov_order_line_set_product_ref (line, _prov_store_column_text (statement, 2));
      prov_order_line_set_state (line, _prov_store_column_text (statement, 3));
      if (!prov_order_fields_from_json (prov_order_line_get_fields (line), _prov_store_column_text (statement, 4), error))
        {
          _prov_store_statement_done (statement);
          return FALSE;
        }
      g_ptr_array_add (lines, g_steal_pointer (&line));
    }
  _prov_store_statement_done (statement);

  if (rc != SQLITE_DONE)
    {
      prov_store_set_sqlite_error (error, worker->db, NULL);
      return FALSE;
    }

  if (lines->len > 0)
    prov_order_set_lines (order, lines);

  return TRUE;
}

