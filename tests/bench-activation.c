/* A counter activation as a script plays it: a mobile user for an
 * existing customer, typed at a person's pace (60 ms a key) with the SIM
 * scanned at a wedge scanner's (5 ms a key). Prints, per run and as the
 * median, the clerk's keystrokes (a chord counts once; the scanner's
 * characters are counted apart) and the seconds from Ctrl+1 to the order
 * being placed. */
#include <string.h>

#include "prov-bench-keys.h"
#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define RUNS 3
#define TIMEOUT_MS 30000

int
main (int   argc,
      char *argv[])
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autofree char *window = NULL;
  double seconds[RUNS];
  guint keystrokes[RUNS];
  guint scanned = 0;

  /* The helpers find their scripts through GTest's build paths. */
  g_test_init (&argc, &argv, NULL);

  if (!prov_test_have_display ())
    {
      g_printerr ("bench-activation needs an X display and xdotool\n");
      return 77;
    }

  sandbox_start (&sandbox, "--state-delay=60000", NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *iccid = prov_test_make_iccid (4200 + run);
      ProvBenchCount count = { 0 };
      gint64 started;

      prov_test_app_focus_window (window, TIMEOUT_MS);
      started = g_get_monotonic_time ();
      prov_bench_press (&count, "ctrl+1");
      prov_bench_wait_page (app, "stocktaking", run);
      if (!prov_test_app_focus_assistant (app, "Stocktaking", TIMEOUT_MS))
        g_error ("Run %u: the assistant did not get the keyboard", run + 1);
      prov_bench_type (&count, "bakk");
      g_usleep (1000 * G_TIME_SPAN_MILLISECOND);
      prov_bench_press (&count, "Return");
      prov_bench_wait_page (app, "subscription", run);
      prov_bench_press (&count, "alt+n");
      prov_bench_wait_page (app, "add-ons", run);
      prov_bench_press (&count, "alt+n");
      prov_bench_wait_page (app, "user", run);
      prov_bench_type (&count, "Sanne");
      prov_bench_press (&count, "Tab");
      prov_bench_press (&count, "Tab");
      prov_bench_type (&count, "de Vries");
      prov_bench_press (&count, "Tab");
      prov_bench_type (&count, "sanne@bakkerij.example");
      prov_bench_press (&count, "alt+n");
      prov_bench_wait_page (app, "sim", run);
      prov_bench_scan (&count, iccid);
      prov_bench_wait_page (app, "number", run);
      prov_bench_press (&count, "alt+n");
      prov_bench_wait_page (app, "extension", run);
      prov_bench_press (&count, "alt+u");
      g_usleep (PROV_TEST_BUTTON_CLICK_MS * G_TIME_SPAN_MILLISECOND);
      prov_bench_press (&count, "Tab");
      prov_bench_type (&count, "4821");
      prov_bench_press (&count, "Tab");
      prov_bench_type (&count, "020");
      prov_bench_press (&count, "Return");
      prov_bench_wait_page (app, "confirm", run);
      prov_bench_press (&count, "alt+o");
      if (!prov_test_app_wait_for_log_count (app, " placed as queued", run, TIMEOUT_MS))
        g_error ("Run %u: the order was not placed", run + 1);

      seconds[run] = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
      keystrokes[run] = count.keystrokes;
      scanned = count.scanned;
      g_print ("run %u: %u keystrokes, %u scanned characters, %.1f s from Ctrl+1 to placed\n",
               run + 1, count.keystrokes, count.scanned, seconds[run]);
    }

  g_print ("counter activation (mobile user, SIM scanned): %u keystrokes, %u scanned characters, "
           "median %.1f s over %d runs\n", keystrokes[0], scanned, prov_bench_median (seconds, RUNS), RUNS);

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
  return 0;
}
