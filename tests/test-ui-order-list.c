/* The order list as the clerk uses it: orders in the database appear, and
 * typing anywhere in the window searches them. */
#include <string.h>

#include "prov-order-filter.h"
#include "prov-order-reference.h"
#include "prov-test-app.h"
#include "prov-test-util.h"

#define TIMEOUT_MS 30000

static void
seed (ProvTestApp *app,
      const char  *count)
{
  g_autofree char *seeder = g_test_build_filename (G_TEST_BUILT, "seed-orders", NULL);
  g_autofree char *database = prov_test_app_dup_database_path (app);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, seeder, database, count, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* Polls until the rows on screen satisfy @check, for at most TIMEOUT_MS. */
static char **
wait_for_rows (ProvTestApp *app,
               gboolean   (*check) (char **rows, gconstpointer data),
               gconstpointer data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  char **rows = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GError) error = NULL;

      g_strfreev (rows);
      rows = prov_test_app_dup_row_labels (app, &error);
      g_assert_no_error (error);
      if (check (rows, data))
        return rows;
      g_usleep (200 * G_TIME_SPAN_MILLISECOND);
    }

  return rows;
}

static gboolean
first_row_contains (char          **rows,
                    gconstpointer   text)
{
  return rows[0] != NULL && strstr (rows[0], text) != NULL;
}

static gboolean
only_row_contains (char          **rows,
                   gconstpointer   text)
{
  return g_strv_length (rows) == 1 && strstr (rows[0], text) != NULL;
}

static void
test_orders_listed_and_searched (void)
{
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;
  g_auto(GStrv) rows = NULL;
  int exit_status = -1;

  if (!prov_test_have_display ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  app = prov_test_app_new (&error);
  g_assert_no_error (error);
  seed (app, "300");
  prov_test_app_start (app, &error);
  g_assert_no_error (error);

  g_assert_true (prov_test_app_wait_for_log (app, "Order list populated (300 orders)", TIMEOUT_MS));
  window = prov_test_app_find_window (app, "Provisioner", TIMEOUT_MS);
  g_assert_nonnull (window);

  /* Newest first: the seeder's first order is the most recent. */
  rows = wait_for_rows (app, first_row_contains, "PO-100000");
  g_assert_true (first_row_contains (rows, "PO-100000"));
  g_assert_cmpuint (g_strv_length (rows), >, 1);
  g_clear_pointer (&rows, g_strfreev);

  g_assert_true (prov_test_app_focus_window (window, TIMEOUT_MS));
  prov_test_app_xdotool (&error, "type", "--delay", "40", "PO-100042", NULL);
  g_assert_no_error (error);

  rows = wait_for_rows (app, only_row_contains, "PO-100042");
  g_assert_true (only_row_contains (rows, "PO-100042"));
  g_clear_pointer (&rows, g_strfreev);

  prov_test_app_xdotool (&error, "key", "--clearmodifiers", "ctrl+q", NULL);
  g_assert_no_error (error);
  g_assert_true (prov_test_app_wait_exit (app, 10000, &exit_status));
  g_assert_cmpint (exit_status, ==, 0);
}

/* The uuid of the seeded order with own reference @reference. */
static char *
dup_seeded_uuid (ProvTestApp *app,
                 const char  *reference)
{
  g_autofree char *database = prov_test_app_dup_database_path (app);
  g_autoptr(ProvStore) store = prov_test_open_store (database, NULL);
  g_autoptr(ProvOrderFilter) filter = prov_order_filter_new (reference, 0, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  char *uuid;

  prov_store_list_orders_async (store, filter, 0, 10, NULL, prov_test_store_result, &result);
  orders = prov_store_list_orders_finish (store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 1);
  uuid = g_strdup (prov_order_get_uuid (g_ptr_array_index (orders, 0)));
  prov_test_close_store (store);

  return uuid;
}

/* The barcode on a printed confirmation, scanned in the main window,
 * opens its order; a reference with a wrong character says so. */
static void
test_scanned_reference_opens_order (void)
{
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *scanned = NULL;
  g_autofree char *misread = NULL;
  g_autofree char *opened = NULL;
  g_auto(GStrv) opened_windows = NULL;

  if (!prov_test_have_display ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  app = prov_test_app_new (&error);
  g_assert_no_error (error);
  seed (app, "300");
  uuid = dup_seeded_uuid (app, "PO-100042");
  reference = prov_order_reference_from_uuid (uuid);
  prov_test_app_start (app, &error);
  g_assert_no_error (error);

  g_assert_true (prov_test_app_wait_for_log (app, "Order list populated (300 orders)", TIMEOUT_MS));
  window = prov_test_app_find_window (app, "Provisioner", TIMEOUT_MS);
  g_assert_nonnull (window);
  g_assert_true (prov_test_app_focus_window (window, TIMEOUT_MS));

  /* A misread last character: a message, and no order opened. */
  misread = g_strdup (reference);
  misread[strlen (misread) - 1] = misread[strlen (misread) - 1] == 'A' ? 'B' : 'A';
  scanned = g_strconcat (misread, "\n", NULL);
  prov_test_app_type (PROV_TEST_SCANNER_DELAY, scanned);
  g_assert_true (prov_test_app_wait_for_names (app, (const char *[]) {
    "This order reference has a wrong character: check it against the confirmation", NULL
  }, TIMEOUT_MS));
  g_clear_pointer (&scanned, g_free);

  scanned = g_strconcat (reference, "\n", NULL);
  prov_test_app_type (PROV_TEST_SCANNER_DELAY, scanned);
  opened = g_strdup_printf ("Order window shows order %s", uuid);
  g_assert_true (prov_test_app_wait_for_log (app, opened, TIMEOUT_MS));
  g_free (window);
  window = prov_test_app_find_window (app, "Order", TIMEOUT_MS);
  g_assert_nonnull (window);
  /* Only that order: the misread one opened nothing. */
  opened_windows = prov_test_app_dup_log_lines (app, "Order window shows order");
  g_assert_cmpuint (g_strv_length (opened_windows), ==, 1);
  prov_test_app_screenshot ("order-opened-by-reference");

  prov_test_app_terminate (app);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/order-list/listed-and-searched", test_orders_listed_and_searched);
  g_test_add_func ("/ui/order-list/scanned-reference-opens-order", test_scanned_reference_opens_order);

  return g_test_run ();
}
