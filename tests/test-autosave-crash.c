/* SIGKILL in the middle of a burst of edits loses at most the last edit
 * and never damages the database. */
#include <signal.h>
#include <string.h>
#include <stdlib.h>

#include "prov-test-util.h"

#define EDIT_INTERVAL_MS "40"

static void
assert_database_intact (const char *path)
{
  sqlite3_stmt *statement = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 0), ==, "ok");
  sqlite3_finalize (statement);
  sqlite3_close (db);
}

static void
test_kill_during_edits (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.db", NULL);
  g_autofree char *typist = g_test_build_filename (G_TEST_BUILT, "autosave-typist", NULL);

  /* Kill at different points of the burst. */
  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GDataInputStream) output = NULL;
      g_autoptr(ProvStore) store = NULL;
      g_autoptr(ProvOrder) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *uuid = NULL;
      guint kill_after = 7 + g_test_rand_int_range (0, 40);
      guint last_edit = 0;
      const char *notes;
      guint saved_edit;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                  typist, path, EDIT_INTERVAL_MS, NULL);
      g_assert_no_error (error);
      output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

      while (last_edit < kill_after)
        {
          g_autofree char *line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);

          g_assert_no_error (error);
          g_assert_nonnull (line);
          if (g_str_has_prefix (line, "order "))
            uuid = g_strdup (line + strlen ("order "));
          else if (g_str_has_prefix (line, "edit "))
            last_edit = atoi (line + strlen ("edit "));
        }

      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, NULL);
      g_assert_true (g_subprocess_get_if_signaled (process));

      assert_database_intact (path);

      store = prov_test_open_store (path, NULL);
      loaded = prov_test_load (store, uuid, &error);
      g_assert_no_error (error);
      notes = prov_order_get_field (loaded, "notes");
      g_assert_nonnull (notes);
      g_assert_true (g_str_has_prefix (notes, "edit-"));
      saved_edit = atoi (notes + strlen ("edit-"));

      g_test_message ("round %u: killed after edit %u, edit %u was saved", round, last_edit, saved_edit);
      g_assert_cmpuint (saved_edit + 1, >=, last_edit);
    }

  prov_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/autosave/kill-during-edits", test_kill_during_edits);

  return g_test_run ();
}
