/* Test and benchmark helper: fills an order database with COUNT realistic
 * orders in one transaction (ProvStore writes one durable order at a time,
 * which would take minutes for 100,000).
 * Usage: seed-orders DATABASE COUNT */
#include <stdlib.h>

#include "prov-test-util.h"

static const char * const first_names[] = {
  "Jan", "Anna", "Piet", "Sanne", "Mohammed", "Fatima", "Lars", "Eva", "Daan", "Noor",
  "Lukas", "Mia", "Thomas", "Julia", "Sven", "Emma", "Ahmet", "Lea", "Bram", "Sophie",
};
static const char * const last_names[] = {
  "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Yılmaz", "El Amrani", "Peeters",
};
static const ProvOrderState states[] = {
  PROV_ORDER_STATE_DRAFT, PROV_ORDER_STATE_READY, PROV_ORDER_STATE_QUEUED,
  PROV_ORDER_STATE_AWAITING_SIM, PROV_ORDER_STATE_NEEDS_ATTENTION, PROV_ORDER_STATE_IN_PROGRESS,
  PROV_ORDER_STATE_COMPLETED, PROV_ORDER_STATE_COMPLETED, PROV_ORDER_STATE_COMPLETED,
  PROV_ORDER_STATE_CANCELLED,
};

static void
check (sqlite3 *db,
       int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    g_error ("seed-orders: %s", sqlite3_errmsg (db));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ProvStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (622);
  sqlite3_stmt *insert = NULL;
  sqlite3 *db = NULL;
  gint64 now = g_get_real_time ();
  long count;

  if (argc != 3)
    {
      g_printerr ("Usage: seed-orders DATABASE COUNT\n");
      return 2;
    }
  count = atol (argv[2]);

  /* Let the store create its schema, then write behind its back. */
  store = prov_test_open_store (argv[1], NULL);
  prov_test_close_store (store);
  g_clear_object (&store);

  check (db, sqlite3_open (argv[1], &db));
  check (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL));
  check (db, sqlite3_prepare_v2 (db,
                                 "INSERT INTO orders (uuid, kind, state, customer_name, reference, msisdn, iccid, imei, "
                                 "payload, current_page, created_by, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'confirm', 'seed', ?, ?)",
                                 -1, &insert, NULL));

  for (long i = 0; i < count; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                                               last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
      g_autofree char *reference = g_strdup_printf ("PO-%06ld", 100000 + i);
      g_autofree char *msisdn = g_strdup_printf ("+316%08d", g_rand_int_range (rand, 0, 99999999));
      g_autofree char *iccid = g_strdup_printf ("893144%013ld", 1000000000L + i);
      g_autofree char *imei = g_strdup_printf ("35%013ld", 2000000000L + i);
      g_autofree char *payload = g_strdup_printf ("{\"customer.name\":\"%s\",\"device.imei\":\"%s\","
                                                  "\"number.msisdn\":\"%s\",\"reference\":\"%s\",\"sim.iccid\":\"%s\"}",
                                                  name, imei, msisdn, reference, iccid);
      /* Spread over the last 90 days, the newest first. */
      gint64 updated = now - (gint64) i * (90LL * G_TIME_SPAN_DAY / MAX (count, 1));

      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 2, PROV_ORDER_KIND_FIRST + i % (PROV_ORDER_KIND_LAST - PROV_ORDER_KIND_FIRST + 1));
      sqlite3_bind_int (insert, 3, states[g_rand_int_range (rand, 0, G_N_ELEMENTS (states))]);
      sqlite3_bind_text (insert, 4, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 5, reference, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 6, msisdn, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 7, iccid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 8, imei, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 9, payload, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 10, updated);
      sqlite3_bind_int64 (insert, 11, updated);
      check (db, sqlite3_step (insert));
      sqlite3_reset (insert);
    }

  sqlite3_finalize (insert);
  check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL));
  sqlite3_close (db);

  return 0;
}
