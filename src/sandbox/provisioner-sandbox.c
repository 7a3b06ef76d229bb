/* provisioner-sandbox: a stand-in carrier on loopback for the demo and the
 * integration tests, speaking the TMF622, TMF620, TMF629 and TMF685 subset
 * Provisioner uses. */
#include <locale.h>
#include <stdio.h>

#include <glib-unix.h>

#include "prov-sandbox-database.h"
#include "prov-sandbox-server.h"

static gboolean
on_signal (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— a TM Forum carrier sandbox on loopback");
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(ProvSandboxOrders) orders = NULL;
  g_autofree char *database = NULL;
  g_autofree char *capture_path = NULL;
  sqlite3 *db;
  ProvSandboxFaults faults = { 0 };
  ProvSandboxDelays delays = { 0 };
  ProvSandboxServer *server;
  int port = 8622;
  int state_delay_ms = 3000;
  int acknowledged_delay_ms = -1;
  int in_progress_delay_ms = -1;
  int latency_ms = 0;
  int retry_after_s = 1;
  int seed = 0;
  gboolean other_carrier = FALSE;
  gboolean bare_answers = FALSE;
  int idle_timeout_s = 15;
  int request_timeout_s = 60;
  int restore_window_days = PROV_SANDBOX_RESTORE_WINDOW_DAYS;
  guint bound_port = 0;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (0: any free one; default 8622)", "PORT" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "SQLite file for the carrier's orders", "PATH" },
    { "state-delay", 0, 0, G_OPTION_ARG_INT, &state_delay_ms, "Milliseconds an order stays acknowledged and then inProgress (default 3000)", "MS" },
    { "acknowledged-delay", 0, 0, G_OPTION_ARG_INT, &acknowledged_delay_ms, "Milliseconds in acknowledged, overriding --state-delay", "MS" },
    { "in-progress-delay", 0, 0, G_OPTION_ARG_INT, &in_progress_delay_ms, "Milliseconds in inProgress, overriding --state-delay", "MS" },
    { "capture", 0, 0, G_OPTION_ARG_FILENAME, &capture_path, "Append every request body to this file, one JSON line each", "PATH" },
    { "latency", 0, 0, G_OPTION_ARG_INT, &latency_ms, "Delay every answer by this many milliseconds", "MS" },
    { "error-rate", 0, 0, G_OPTION_ARG_DOUBLE, &faults.error_rate, "Share of requests answered 500 or 503", "0–1" },
    { "throttle-rate", 0, 0, G_OPTION_ARG_DOUBLE, &faults.throttle_rate, "Share of requests answered 429 with Retry-After", "0–1" },
    { "retry-after", 0, 0, G_OPTION_ARG_INT, &retry_after_s, "Seconds in the Retry-After of a 429", "S" },
    { "drop-rate", 0, 0, G_OPTION_ARG_DOUBLE, &faults.drop_rate, "Share of connections dropped, before or after the work", "0–1" },
    { "malformed-rate", 0, 0, G_OPTION_ARG_DOUBLE, &faults.malformed_rate, "Share of answers with broken JSON (the work is done)", "0–1" },
    { "timeout-rate", 0, 0, G_OPTION_ARG_DOUBLE, &faults.timeout_rate, "Share of requests answered only after 20 s", "0–1" },
    { "redirect-rate", 0, 0, G_OPTION_ARG_DOUBLE, &faults.redirect_rate, "Share of requests redirected (302) to another order, the work not done", "0–1" },
    { "nesting-rate", 0, 0, G_OPTION_ARG_DOUBLE, &faults.nesting_rate, "Share of answers nested 100,000 levels deep (the work is done)", "0–1" },
    { "other-carrier", 0, 0, G_OPTION_ARG_NONE, &other_carrier, "Behave like another carrier that follows the spec: ignore the externalId and state filters and the number criteria, page by 50, list other tills' orders first, count half the list in X-Total-Count, answer an order create with only productOrderItem and a customer create with only engagedParty, answer a reservation with more numbers than asked (some malformed, valid for ever)", NULL },
    { "bare-answers", 0, 0, G_OPTION_ARG_NONE, &bare_answers, "List and answer orders, customers and e-mails with only the members their definitions require (nothing then says whose they are)", NULL },
    { "idle-timeout", 0, 0, G_OPTION_ARG_INT, &idle_timeout_s, "Close a connection after this many seconds without a request (default 15)", "S" },
    { "request-timeout", 0, 0, G_OPTION_ARG_INT, &request_timeout_s, "Close a connection whose request has not been answered after this many seconds (default 60)", "S" },
    { "restore-window", 0, 0, G_OPTION_ARG_INT, &restore_window_days, "Days after its end a line can still be restored (default 30)", "DAYS" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed for the fault draws (0: random)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (database == NULL)
    {
      g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "provisioner-sandbox", NULL);
      g_mkdir_with_parents (directory, 0700);
      database = g_build_filename (directory, "carrier.db", NULL);
    }

  db = prov_sandbox_database_open (database, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  delays.acknowledged_ms = MAX (acknowledged_delay_ms >= 0 ? acknowledged_delay_ms : state_delay_ms, 0);
  delays.in_progress_ms = MAX (in_progress_delay_ms >= 0 ? in_progress_delay_ms : state_delay_ms, 0);
  orders = prov_sandbox_orders_new (db, &delays);
  prov_sandbox_orders_set_restore_window (orders, MAX (restore_window_days, 0));

  faults.latency_ms = MAX (latency_ms, 0);
  faults.retry_after_s = MAX (retry_after_s, 0);
  faults.rand = seed != 0 ? g_rand_new_with_seed (seed) : g_rand_new ();

  server = prov_sandbox_server_new (db, orders, &faults, capture_path, &error);
  if (server == NULL || !prov_sandbox_server_listen (server, port, MAX (idle_timeout_s, 1), MAX (request_timeout_s, 1),
                                                        &bound_port, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (other_carrier)
    prov_sandbox_server_behave_as_other_carrier (server);
  if (bare_answers)
    prov_sandbox_server_answer_bare (server);

  /* Scripts and tests wait for this line and read the port from it. */
  printf ("Carrier sandbox listening on http://127.0.0.1:%u/\n", bound_port);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_signal, loop);
  g_unix_signal_add (SIGINT, on_signal, loop);
  g_main_loop_run (loop);

  prov_sandbox_server_free (server);
  g_clear_pointer (&orders, prov_sandbox_orders_free);
  sqlite3_close (db);
  g_rand_free (faults.rand);

  return 0;
}
