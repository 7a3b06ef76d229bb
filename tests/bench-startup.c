/* Start-up time as the clerk sees it: from starting the process to the main
 * window's first drawn frame. Prints every run and the median. */
#include "prov-test-app.h"

#define RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  double times_ms[RUNS];

  if (!prov_test_have_display ())
    {
      g_printerr ("bench-startup needs an X display and xdotool\n");
      return 77;
    }

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ProvTestApp) app = NULL;
      gint64 started = g_get_monotonic_time ();
      int exit_status;

      app = prov_test_app_spawn (&error);
      if (app == NULL)
        g_error ("Could not start the app: %s", error->message);

      if (!prov_test_app_wait_for_log (app, "Main window drew its first frame", 60000))
        g_error ("The main window drew no frame within a minute");

      times_ms[run] = (g_get_monotonic_time () - started) / 1000.0;
      g_print ("run %u: %.1f ms\n", run + 1, times_ms[run]);

      prov_test_app_terminate (app);
      prov_test_app_wait_exit (app, 10000, &exit_status);
    }

  qsort (times_ms, RUNS, sizeof times_ms[0], compare_doubles);
  g_print ("startup to first frame: median %.1f ms (min %.1f, max %.1f, %d runs)\n",
           times_ms[RUNS / 2], times_ms[0], times_ms[RUNS - 1], RUNS);

  return 0;
}
