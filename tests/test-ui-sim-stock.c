/* Picking the SIM from stock by its last four digits on the SIM page: a
 * unique ending fills the ICCID by itself; an ending two SIMs share lists
 * both and the clerk chooses, with the keyboard only. */
#include <string.h>

#include "prov-test-app.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define TIMEOUT_MS 30000

typedef struct {
  char *unique;
  char *shared_a;
  char *shared_b;
} Sims;

/* Three valid test ICCIDs: one whose last four digits no other has, and
 * two that end alike. */
static Sims
find_sims (void)
{
  g_autoptr(GHashTable) by_ending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Sims sims = { 0 };

  for (guint serial = 0; sims.shared_b == NULL; serial++)
    {
      g_autofree char *iccid = prov_test_make_iccid (serial);
      const char *ending = iccid + strlen (iccid) - 4;
      const char *earlier = g_hash_table_lookup (by_ending, ending);

      if (earlier != NULL && serial > 10000)
        {
          sims.shared_a = g_strdup (earlier);
          sims.shared_b = g_strdup (iccid);
        }
      else if (earlier == NULL)
        g_hash_table_insert (by_ending, g_strdup (ending), g_strdup (iccid));
    }

  /* Serial 7 is far from any other with the same ending in this range. */
  sims.unique = prov_test_make_iccid (7);
  g_assert_cmpstr (sims.unique + 16, !=, sims.shared_a + 16);
  return sims;
}

static void
import_stock (ProvTestApp *app,
              const Sims  *sims)
{
  g_autofree char *contents = g_strdup_printf ("iccid,kind,model\n%s,sim,Nano\n%s,sim,Nano\n%s,sim,eSIM card\n",
                                               sims->unique, sims->shared_a, sims->shared_b);
  g_autofree char *csv = prov_test_app_write_file (app, "sims.csv", contents);
  g_autofree char *printed = prov_test_app_run_cli (app, "stock", "import", csv);
}

static void
test_pick_sim_by_last_digits (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(ProvOrder) order = NULL;
  g_autofree char *window = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uuid = NULL;
  Sims sims;
  int exit_status;

  if (!prov_test_have_display ())
    {
      g_test_skip ("Needs an X display and xdotool");
      return;
    }

  sims = find_sims ();
  sandbox_start (&sandbox, "--state-delay=3000", NULL);
  app = prov_test_app_new_on_carrier (sandbox.root);
  import_stock (app, &sims);
  prov_test_app_start_synced (app, &window);

  uuid = prov_test_app_mobile_user_to_sim (app, "bakk", "Eva", "Visser", "eva@bakkerij.example");

  /* A unique ending: the SIM is picked, the page is complete. */
  prov_test_app_keys ("alt+f", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, sims.unique + strlen (sims.unique) - 4);
  g_usleep (800 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("alt+n", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page number shown", 0, TIMEOUT_MS));

  /* Back, and an ending two SIMs share: both are listed, newest in stock
   * first, and the clerk picks the second with the arrow keys and Enter. */
  prov_test_app_keys ("alt+b", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page sim shown", 1, TIMEOUT_MS));
  prov_test_app_keys ("alt+f", "ctrl+a", "BackSpace", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, sims.shared_a + strlen (sims.shared_a) - 4);
  g_assert_true (prov_test_app_wait_for_names (app, (const char *[]) {
    "2 SIMs in stock end in these digits", sims.shared_a, sims.shared_b, NULL }, TIMEOUT_MS));
  prov_test_app_screenshot ("mobile-user-sim-from-stock");
  prov_test_app_keys ("Down", "Return", NULL);
  g_usleep (800 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_keys ("Return", NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, "Assistant page number shown", 1, TIMEOUT_MS));

  /* SIGTERM: what is pending is written before the app ends. */
  prov_test_app_terminate (app);
  g_assert_true (prov_test_app_wait_exit (app, TIMEOUT_MS, &exit_status));

  path = prov_test_app_dup_database_path (app);
  store = prov_test_open_store (path, NULL);
  order = prov_test_load (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prov_order_get_field (order, PROV_ORDER_FIELD_SIM_ICCID), ==, sims.shared_a);
  prov_test_close_store (g_steal_pointer (&store));

  sandbox_remove (&sandbox);
  g_free (sims.unique);
  g_free (sims.shared_a);
  g_free (sims.shared_b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/sim/pick-by-last-digits", test_pick_sim_by_last_digits);

  return g_test_run ();
}
