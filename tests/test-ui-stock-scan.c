/* Scanning SIMs and device boxes into stock, as at the counter: xdotool
 * types like a keyboard-wedge scanner (a few ms per key, then Enter). */
#include <string.h>

#include "prov-test-app.h"

#define TIMEOUT_MS 30000

static char *
read_stock_window (ProvTestApp *app)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "a11y-stock-rows.py", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *output = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              "/usr/bin/python3", script, prov_test_app_get_pid (app), NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);

  return output;
}

static char *
wait_for_text (ProvTestApp *app,
               const char  *needle)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  char *seen = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      g_free (seen);
      seen = read_stock_window (app);
      if (strstr (seen, needle) != NULL)
        return seen;
      g_usleep (200 * G_TIME_SPAN_MILLISECOND);
    }

  g_test_message ("never saw “%s”; last seen:\n%s", needle, seen);
  /* What the app said meanwhile, into the test log. */
  prov_test_app_wait_for_log (app, "\x01", 1000);
  return seen;
}

/* The Enter in the same burst, as a scanner sends it: typed by a second
 * xdotool, it came 118 ms after the code on a busy machine, and the app
 * rightly took the code for typing. */
static void
scan (const char *code)
{
  g_autofree char *burst = g_strconcat (code, "\n", NULL);

  prov_test_app_type (PROV_TEST_SCANNER_DELAY, burst);
}

static void
test_scan_into_stock (void)
{
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;
  g_autofree char *stock = NULL;
  g_autofree char *seen = NULL;
  int exit_status = -1;

  if (!prov_test_have_display ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  app = prov_test_app_spawn (&error);
  g_assert_no_error (error);
  g_assert_true (prov_test_app_wait_for_log (app, "Main window drew its first frame", TIMEOUT_MS));
  window = prov_test_app_find_window (app, "Provisioner", TIMEOUT_MS);
  g_assert_nonnull (window);

  /* Open Stock with the keyboard only. */
  g_assert_true (prov_test_app_focus_window (window, TIMEOUT_MS));
  prov_test_app_xdotool (&error, "key", "--clearmodifiers", "ctrl+i", NULL);
  g_assert_no_error (error);
  stock = prov_test_app_find_window (app, "Stock", TIMEOUT_MS);
  g_assert_nonnull (stock);
  /* Scan only once the window can take keys, as a clerk would. */
  seen = wait_for_text (app, "entry:");
  g_assert_nonnull (strstr (seen, "entry:"));
  g_clear_pointer (&seen, g_free);
  g_assert_true (prov_test_app_focus_window (stock, TIMEOUT_MS));

  /* A SIM carrier with a 19-digit ICCID, padded with F as SIMs store it. */
  scan ("8931440400000000008F");
  seen = wait_for_text (app, "row: 8931440400000000008 | ICCID");
  g_assert_nonnull (strstr (seen, "row: 8931440400000000008 | ICCID"));
  g_clear_pointer (&seen, g_free);

  /* A dual-SIM phone box: GS1 with the IMEIs under AIs 8040 and 8041. */
  scan ("(01)09506000134352(8040)490154203237518(8041)356938035643809");
  seen = wait_for_text (app, "row: 490154203237518 | IMEI");
  g_assert_nonnull (strstr (seen, "row: 490154203237518 | IMEI"));
  g_clear_pointer (&seen, g_free);

  /* Typed by a person, one digit wrong: nothing is added, and the field
   * says what the check digit should be. */
  prov_test_app_xdotool (&error, "type", "--delay", "120", "490154203237517", NULL);
  g_assert_no_error (error);
  seen = wait_for_text (app, "should be 8");
  g_assert_nonnull (strstr (seen, "| The check digit does not match: the last digit should be 8"));
  g_assert_null (strstr (seen, "row: 490154203237517"));

  prov_test_app_terminate (app);
  g_assert_true (prov_test_app_wait_exit (app, 10000, &exit_status));
  g_assert_cmpint (exit_status, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/stock/scan-into-stock", test_scan_into_stock);

  return g_test_run ();
}
