/* A counter activation as a script plays it: a mobile user for an
 * existing customer, typed at a person's pace (60 ms a key) with the SIM
 * scanned at a wedge scanner's (5 ms a key). Prints, per run and as the
 * median, the clerk's keystrokes (a chord counts once; the scanner's
 * characters are counted apart) and the seconds from Ctrl+1 to the order
 * being placed. */
#include <stdlib.h>
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define RUNS 3
#define TIMEOUT_MS 30000
#define HUMAN_DELAY "60"

typedef struct {
  guint keystrokes;
  guint scanned;
} Count;

static void
press (Count      *count,
       const char *key)
{
  prov_test_app_keys (key, NULL);
  count->keystrokes++;
}

static void
type (Count      *count,
      const char *text)
{
  prov_test_app_type (HUMAN_DELAY, text);
  count->keystrokes += g_utf8_strlen (text, -1);
}

static void
scan (Count      *count,
      const char *barcode)
{
  g_autofree char *burst = g_strconcat (barcode, "\n", NULL);

  prov_test_app_type ("5", burst);
  count->scanned += strlen (burst);
}

static void
wait_page (ProvTestApp *app,
           const char  *page,
           guint        seen_before)
{
  g_autofree char *line = g_strdup_printf ("Assistant page %s shown", page);

  if (!prov_test_app_wait_for_log_count (app, line, seen_before, TIMEOUT_MS))
    g_error ("The %s page did not show", page);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

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
      Count count = { 0 };
      gint64 started;

      prov_test_app_focus_window (window, TIMEOUT_MS);
      started = g_get_monotonic_time ();
      press (&count, "ctrl+1");
      wait_page (app, "stocktaking", run);
      if (!prov_test_app_focus_assistant (app, "Stocktaking", TIMEOUT_MS))
        g_error ("Run %u: the assistant did not get the keyboard", run + 1);
      type (&count, "bakk");
      g_usleep (1000 * G_TIME_SPAN_MILLISECOND);
      press (&count, "Return");
      wait_page (app, "subscription", run);
      press (&count, "alt+n");
      wait_page (app, "add-ons", run);
      press (&count, "alt+n");
      wait_page (app, "user", run);
      type (&count, "Sanne");
      press (&count, "Tab");
      press (&count, "Tab");
      type (&count, "de Vries");
      press (&count, "Tab");
      type (&count, "sanne@bakkerij.example");
      press (&count, "alt+n");
      wait_page (app, "sim", run);
      scan (&count, iccid);
      wait_page (app, "number", run);
      press (&count, "alt+n");
      wait_page (app, "extension", run);
      press (&count, "alt+u");
      g_usleep (PROV_TEST_BUTTON_CLICK_MS * G_TIME_SPAN_MILLISECOND);
      press (&count, "Tab");
      type (&count, "4821");
      press (&count, "Tab");
      type (&count, "020");
      press (&count, "Return");
      wait_page (app, "confirm", run);
      press (&count, "alt+o");
      if (!prov_test_app_wait_for_log_count (app, " placed as queued", run, TIMEOUT_MS))
        g_error ("Run %u: the order was not placed", run + 1);

      seconds[run] = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
      keystrokes[run] = count.keystrokes;
      scanned = count.scanned;
      g_print ("run %u: %u keystrokes, %u scanned characters, %.1f s from Ctrl+1 to placed\n",
               run + 1, count.keystrokes, count.scanned, seconds[run]);
    }

  qsort (seconds, RUNS, sizeof (double), compare_doubles);
  g_print ("counter activation (mobile user, SIM scanned): %u keystrokes, %u scanned characters, "
           "median %.1f s over %d runs\n", keystrokes[0], scanned, seconds[RUNS / 2], RUNS);

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
  return 0;
}
