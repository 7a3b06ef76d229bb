/* A full disk keeps the last good draft and says so. Runs on a real, tiny
 * tmpfs mounted in a private user and mount namespace. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "prov-autosave.h"
#include "prov-test-util.h"

static const char *small_disk;

static void
fill_disk (const char *path)
{
  static char block[4096];
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
}

static char *
big_text (gsize length)
{
  char *text = g_malloc (length + 1);

  for (gsize i = 0; i < length; i++)
    text[i] = 'a' + (i % 26);
  text[length] = '\0';

  return text;
}

static void
on_failed (ProvAutosave  *autosave,
           const GError  *error,
           GError       **slot)
{
  g_clear_error (slot);
  *slot = g_error_copy (error);
}

static void
test_full_disk_keeps_last_good_draft (void)
{
  g_autofree char *path = g_build_filename (small_disk, "orders.db", NULL);
  g_autofree char *filler = g_build_filename (small_disk, "filler", NULL);
  g_autofree char *notes = big_text (256 * 1024);
  g_autoptr(ProvStore) store = prov_test_open_store (path, NULL);
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autoptr(ProvOrder) loaded = NULL;
  g_autoptr(ProvAutosave) autosave = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) failure = NULL;
  g_autoptr(GError) error = NULL;

  autosave = prov_autosave_new (store, order);
  g_signal_connect (autosave, "failed", G_CALLBACK (on_failed), &failure);

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jan Jansen");
  prov_autosave_flush_async (autosave, NULL, prov_test_store_result, &result);
  g_assert_true (prov_autosave_flush_finish (autosave, prov_test_await (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  fill_disk (filler);

  prov_order_set_field (order, "notes", notes);
  prov_autosave_flush_async (autosave, NULL, prov_test_store_result, &result);
  g_assert_false (prov_autosave_flush_finish (autosave, prov_test_await (&result), &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_DISK_FULL);
  g_assert_error (failure, PROV_STORE_ERROR, PROV_STORE_ERROR_DISK_FULL);
  g_assert_false (prov_autosave_get_saved (autosave));
  g_clear_error (&error);
  g_clear_object (&result);

  /* What was saved before is intact, and the store still reads. */
  loaded = prov_test_load (store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prov_order_get_field (loaded, PROV_ORDER_FIELD_CUSTOMER_NAME), ==, "Jan Jansen");
  g_assert_null (prov_order_get_field (loaded, "notes"));
  g_clear_object (&loaded);

  /* Space freed: the edits kept in memory reach the disk. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  prov_autosave_flush_async (autosave, NULL, prov_test_store_result, &result);
  g_assert_true (prov_autosave_flush_finish (autosave, prov_test_await (&result), &error));
  g_assert_no_error (error);
  g_assert_true (prov_autosave_get_saved (autosave));

  loaded = prov_test_load (store, prov_order_get_uuid (order), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prov_order_get_field (loaded, "notes"), ==, notes);
}

int
main (int   argc,
      char *argv[])
{
  small_disk = prov_test_run_on_small_disk (argc, argv, "512k");

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/full-disk-keeps-last-good-draft", test_full_disk_keeps_last_good_draft);

  return g_test_run ();
}
