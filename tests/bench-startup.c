/* Start-up as the clerk sees it: from starting the process to the main
 * window's first frame, and to the order list showing its orders, with an
 * empty database and with 100,000 orders; and the resident memory then.
 * Prints every run and the medians. */
#include <stdlib.h>
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-util.h"

#define RUNS 5

typedef struct {
  double first_frame_ms;
  double populated_ms;
  double rss_mib;
} Run;

static double
resident_mib (ProvTestApp *app,
              const char  *pid)
{
  g_autofree char *status_path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (status_path, &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;

  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static void
seed (const char *database,
      const char *count)
{
  g_autofree char *seeder = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "seed-orders", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, seeder, database, count, NULL);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    g_error ("Could not seed the database: %s", error->message);
}

static Run
measure (const char *orders)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvTestApp) app = prov_test_app_new (&error);
  g_autofree char *database = NULL;
  g_autofree char *pid = NULL;
  Run run = { -1, -1, -1 };
  gint64 started;
  int exit_status;

  if (app == NULL)
    g_error ("%s", error->message);

  if (orders != NULL)
    {
      database = prov_test_app_dup_database_path (app);
      seed (database, orders);
    }

  started = g_get_monotonic_time ();
  if (!prov_test_app_start (app, &error))
    g_error ("Could not start the app: %s", error->message);

  if (!prov_test_app_wait_for_log (app, "Main window drew its first frame", 60000))
    g_error ("The main window drew no frame within a minute");
  run.first_frame_ms = (prov_test_app_get_log_time (app, "Main window drew its first frame") - started) / 1000.0;

  if (orders != NULL)
    {
      if (!prov_test_app_wait_for_log (app, "Order list populated", 60000))
        g_error ("The order list was not populated within a minute");
      /* Populated means seen: whichever of the two came last. */
      run.populated_ms = MAX (run.first_frame_ms,
                              (prov_test_app_get_log_time (app, "Order list populated") - started) / 1000.0);
    }

  pid = g_strdup (prov_test_app_get_pid (app));
  run.rss_mib = resident_mib (app, pid);

  prov_test_app_terminate (app);
  prov_test_app_wait_exit (app, 10000, &exit_status);

  return run;
}

static void
report (const char *label,
        const char *orders)
{
  double first_frame[RUNS], populated[RUNS], rss[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      Run run = measure (orders);

      first_frame[i] = run.first_frame_ms;
      populated[i] = run.populated_ms;
      rss[i] = run.rss_mib;
      g_print ("%s run %u: first frame %.1f ms", label, i + 1, run.first_frame_ms);
      if (orders != NULL)
        g_print (", list populated %.1f ms", run.populated_ms);
      g_print (", resident %.1f MiB\n", run.rss_mib);
    }

  g_print ("%s: first frame median %.1f ms", label, prov_test_percentile (first_frame, RUNS, 50));
  if (orders != NULL)
    g_print (", window with list populated median %.1f ms", prov_test_percentile (populated, RUNS, 50));
  g_print (", resident memory median %.1f MiB (%d runs)\n", prov_test_percentile (rss, RUNS, 50), RUNS);
}

int
main (int   argc,
      char *argv[])
{
  if (!prov_test_have_display ())
    {
      g_printerr ("bench-startup needs an X display and xdotool\n");
      return 77;
    }

  report ("empty database", NULL);
  report ("100000 orders", "100000");

  return 0;
}
