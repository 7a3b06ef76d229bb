/* A new wireless customer as a script plays it: a business with two lines
 * (a product removed from the first), paid by direct debit, a possible
 * duplicate declined; then both phones and SIMs scanned and the order
 * sent. Typed at a person's pace (60 ms a key), scanned at a wedge
 * scanner's (5 ms a key). Prints, per run and as the median, the clerk's
 * keystrokes (a chord counts once; the scanner's characters apart) and the
 * seconds from Ctrl+Shift+W to the order sent with its inventory. */
#include <string.h>

#include "prov-bench-keys.h"
#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define RUNS 3
#define TIMEOUT_MS 30000

static void
wait_log (ProvTestApp *app,
          const char  *needle,
          guint        seen_before)
{
  if (!prov_test_app_wait_for_log_count (app, needle, seen_before, TIMEOUT_MS))
    g_error ("Not logged: %s", needle);
}

static void
choose (ProvBenchCount *count,
        const char     *mnemonic,
        guint           downs)
{
  prov_bench_press (count, mnemonic);
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  for (guint i = 0; i < downs; i++)
    prov_bench_press (count, "Down");
  prov_bench_press (count, "Return");
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
}

static void
play (ProvTestApp    *app,
      guint           run,
      ProvBenchCount *count)
{
  g_autofree char *sim_1 = prov_test_make_iccid (6100 + 2 * run);
  g_autofree char *sim_2 = prov_test_make_iccid (6101 + 2 * run);
  /* Each run its own phones: a device already on an order is refused. */
  g_autofree char *imei_1 = prov_test_make_imei (6100 + 3 * run);
  g_autofree char *imei_2 = prov_test_make_imei (6101 + 3 * run);
  g_autofree char *imei_3 = prov_test_make_imei (6102 + 3 * run);
  g_autofree char *box = g_strdup_printf ("(01)09506000134352(8040)%s(8041)%s", imei_1, imei_2);

  prov_bench_press (count, "ctrl+shift+w");
  prov_bench_wait_page (app, "carrier", run);
  if (!prov_test_app_focus_assistant (app, "Carrier and Contact", TIMEOUT_MS))
    g_error ("Run %u: the assistant did not get the keyboard", run + 1);
  prov_bench_type (count, "Anna de Boer");
  prov_bench_press (count, "Tab");
  prov_bench_type (count, "+31612345678");
  prov_bench_press (count, "Return");

  prov_bench_wait_page (app, "profile", run);
  choose (count, "alt+p", 1);
  prov_bench_press (count, "Tab");
  prov_bench_type (count, "Jansen Installatie B.V.");
  prov_bench_press (count, "Tab");
  prov_bench_type (count, "30123456");
  prov_bench_press (count, "Tab");
  prov_bench_press (count, "Tab");
  prov_bench_type (count, "NW1234567");
  prov_bench_press (count, "Tab");
  prov_bench_type (count, "info@example.org");
  prov_bench_press (count, "Tab");
  prov_bench_type (count, "+31302345678");
  prov_bench_press (count, "Tab");
  prov_bench_press (count, "Tab");
  prov_bench_type (count, "4821");
  prov_bench_press (count, "Return");

  prov_bench_wait_page (app, "addresses", run);
  prov_bench_type (count, "Stationsweg 1");
  prov_bench_press (count, "Tab");
  prov_bench_type (count, "3511 AA");
  prov_bench_press (count, "Tab");
  prov_bench_type (count, "Utrecht");
  prov_bench_press (count, "alt+n");

  prov_bench_wait_page (app, "lines", run);
  for (guint i = 0; i < 5; i++)
    prov_bench_press (count, "Tab");
  prov_bench_press (count, "Return");
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  prov_bench_press (count, "alt+s");
  prov_bench_press (count, "alt+l");
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  choose (count, "alt+t", 1);
  prov_bench_press (count, "alt+s");
  prov_bench_press (count, "alt+n");

  prov_bench_wait_page (app, "options", run);
  /* Earlier runs made more customers like this one: any count will do. */
  wait_log (app, "Possible duplicates of order", run);
  prov_bench_type (count, "NL91ABNA0417164300");
  prov_bench_press (count, "Tab");
  prov_bench_press (count, "Tab");
  prov_bench_type (count, "Jansen Installatie");
  prov_bench_press (count, "alt+n");
  prov_bench_press (count, "alt+o");

  /* The order's own window takes the scans. */
  {
    g_auto(GStrv) placed = NULL;
    g_autofree char *uuid = NULL;
    g_autofree char *shown = NULL;
    g_autofree char *scanned = NULL;
    g_autofree char *sent = NULL;
    const char * const scans[] = { box, sim_1, sim_2, imei_3 };

    wait_log (app, " placed as awaiting-inventory", run);
    placed = prov_test_app_dup_log_lines (app, " placed as awaiting-inventory");
    uuid = g_strndup (strstr (placed[run], "Order ") + strlen ("Order "), 36);
    shown = g_strdup_printf ("Order %s shows its inventory", uuid);
    scanned = g_strdup_printf ("Inventory of order %s", uuid);
    sent = g_strdup_printf ("Order %s sent with its inventory", uuid);
    wait_log (app, shown, 0);
    g_usleep (1000 * G_TIME_SPAN_MILLISECOND);

    for (guint i = 0; i < G_N_ELEMENTS (scans); i++)
      {
        prov_bench_scan (count, scans[i]);
        wait_log (app, scanned, i);
      }
    prov_bench_press (count, "alt+s");
    wait_log (app, sent, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autofree char *window = NULL;
  double seconds[RUNS];
  ProvBenchCount first = { 0 };

  /* The helpers find their scripts through GTest's build paths. */
  g_test_init (&argc, &argv, NULL);

  if (!prov_test_have_display ())
    {
      g_printerr ("bench-new-customer needs an X display and xdotool\n");
      return 77;
    }

  sandbox_start (&sandbox, "--state-delay=60000", NULL);
  app = prov_test_app_spawn_synced (sandbox.root, &window);

  for (guint run = 0; run < RUNS; run++)
    {
      ProvBenchCount count = { 0 };
      gint64 started;

      prov_test_app_focus_window (window, TIMEOUT_MS);
      started = g_get_monotonic_time ();
      play (app, run, &count);
      seconds[run] = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
      if (run == 0)
        first = count;
      /* The order's window goes; the next run starts from the list. */
      prov_test_app_keys ("Escape", NULL);
      g_usleep (500 * G_TIME_SPAN_MILLISECOND);
      g_print ("run %u: %u keystrokes, %u scanned characters, %.1f s from Ctrl+Shift+W to sent\n",
               run + 1, count.keystrokes, count.scanned, seconds[run]);
    }

  g_print ("new wireless customer (business, two lines, four scans): %u keystrokes, %u scanned characters, "
           "median %.1f s over %d runs\n", first.keystrokes, first.scanned, prov_bench_median (seconds, RUNS), RUNS);

  prov_test_app_terminate (app);
  sandbox_remove (&sandbox);
  return 0;
}
