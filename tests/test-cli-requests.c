/* Flow 5 from the back office: provisioner-cli imports every request,
 * exports it as it came, and lets a manager (never the requester) approve,
 * decline, ask or cancel. */
#include <string.h>

#include <json-glib/json-glib.h>

#include "prov-line-request.h"
#include "prov-test-cli.h"
#include "prov-test-util.h"
#include "prov-tmf622.h"

#define MARIT_PIN "135790\n"
#define JOOST_PIN "246802\n"
#define SEM_PIN   "2468\n"

static void
add_staff (const char *database)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (prov_test_run_cli_input (MARIT_PIN, &out, &err, "staff", "-d", database, "add", "Marit de Vries",
                                            "--role", "manager", NULL), ==, 0);
  g_assert_cmpint (prov_test_run_cli_input (MARIT_PIN "246802\n", &out, &err, "staff", "-d", database, "add",
                                            "Joost Smit", "--role", "manager", "--as", "Marit de Vries", NULL), ==, 0);
  g_assert_cmpint (prov_test_run_cli_input (MARIT_PIN "2468\n", &out, &err, "staff", "-d", database, "add",
                                            "Sem Bakker", "--as", "Marit de Vries", NULL), ==, 0);
}

/* Every request, as ProductOrder_Create bodies in one file; @uuids gets
 * their references in the order of the requests. */
static char *
write_requests (const char *dir,
                GStrv      *uuids)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *bodies = json_array_new ();
  g_autoptr(GStrvBuilder) references = g_strv_builder_new ();
  g_autofree char *text = NULL;
  char *path = g_build_filename (dir, "requests.json", NULL);
  const ProvLineRequest *requests;
  guint n_requests;

  requests = prov_line_requests_get_all (&n_requests);
  for (guint i = 0; i < n_requests; i++)
    {
      g_autoptr(ProvOrder) order = prov_test_answered_request (requests[i].id, 300 + i);

      g_strv_builder_add (references, prov_order_get_uuid (order));
      json_array_add_element (bodies, prov_tmf622_build_order_export (order));
    }
  json_node_take_array (root, bodies);
  text = json_to_string (root, TRUE);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  *uuids = g_strv_builder_end (references);

  return path;
}

static char *
export_all (const char         *database,
            const char * const *uuids)
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *out = NULL;

  g_ptr_array_add (arguments, (gpointer) "order");
  g_ptr_array_add (arguments, (gpointer) "-d");
  g_ptr_array_add (arguments, (gpointer) database);
  g_ptr_array_add (arguments, (gpointer) "export");
  for (guint i = 0; uuids[i] != NULL; i++)
    g_ptr_array_add (arguments, (gpointer) uuids[i]);
  g_ptr_array_add (arguments, NULL);
  g_assert_cmpint (prov_test_run_cli_argv (NULL, &out, &err, arguments), ==, 0);

  return out;
}

static void
test_every_request_round_trips (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (dir, "second.db", NULL);
  g_autofree char *again = g_build_filename (dir, "again.json", NULL);
  g_auto(GStrv) uuids = NULL;
  g_autofree char *file = write_requests (dir, &uuids);
  g_autofree char *exported = NULL;
  g_autofree char *reexported = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (prov_test_run_cli (&out, &err, "order", "-d", first, "import", file, NULL) != 0)
    g_error ("%s%s", out, err);
  g_assert_nonnull (strstr (out, "Placed 17 orders; 0 refused"));
  /* Every request waits for a manager. */
  g_assert_cmpuint (g_strv_length (uuids), ==, 17);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "-d", first, "list", "--state", "awaiting-approval", NULL), ==, 0);
  {
    g_auto(GStrv) listed = g_strsplit (out, "\n", -1);

    g_assert_cmpuint (g_strv_length (listed) - 1, ==, 17);
  }

  exported = export_all (first, (const char * const *) uuids);
  g_assert_true (g_file_set_contents (again, exported, -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (prov_test_run_cli (&out, &err, "order", "-d", second, "import", again, NULL), ==, 0);
  reexported = export_all (second, (const char * const *) uuids);
  g_assert_cmpstr (reexported, ==, exported);

  prov_test_remove_tree (dir);
}

static void
test_decisions (void)
{
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *database = g_build_filename (dir, "orders.db", NULL);
  g_auto(GStrv) uuids = NULL;
  g_autofree char *file = write_requests (dir, &uuids);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  /* new-line, warranty-replacement, accessory, port-carrier */
  const char *approved = uuids[0];
  const char *declined = uuids[1];
  const char *asked = uuids[2];
  const char *cancelled = uuids[3];

  add_staff (database);
  g_assert_cmpint (prov_test_run_cli_input (MARIT_PIN, &out, &err, "order", "-d", database, "import", file,
                                            "--as", "Marit de Vries", NULL), ==, 0);

  /* Not on one's own request, not as a clerk, not without a PIN. */
  g_assert_cmpint (prov_test_run_cli_input (MARIT_PIN, &out, &err, "order", "-d", database, "approve", approved,
                                            "--as", "Marit de Vries", NULL), ==, 3);
  g_assert_nonnull (strstr (err, "Marit de Vries placed this request"));
  g_assert_cmpint (prov_test_run_cli_input (SEM_PIN, &out, &err, "order", "-d", database, "approve", approved,
                                            "--as", "Sem Bakker", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Only a manager"));
  g_assert_cmpint (prov_test_run_cli_input (NULL, &out, &err, "order", "-d", database, "approve", approved,
                                            "--as", "Joost Smit", NULL), ==, 1);
  g_assert_cmpint (prov_test_run_cli_input (JOOST_PIN, &out, &err, "order", "-d", database, "approve", approved,
                                            NULL), ==, 2);

  g_assert_cmpint (prov_test_run_cli_input (JOOST_PIN, &out, &err, "order", "-d", database, "approve", approved,
                                            "--as", "Joost Smit", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Queued"));

  g_assert_cmpint (prov_test_run_cli_input (JOOST_PIN, &out, &err, "order", "-d", database, "decline", declined,
                                            "--as", "Joost Smit", NULL), ==, 2);
  g_assert_cmpint (prov_test_run_cli_input (JOOST_PIN, &out, &err, "order", "-d", database, "decline", declined,
                                            "--as", "Joost Smit", "--reason", "Out of warranty per the supplier", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Declined"));

  g_assert_cmpint (prov_test_run_cli_input (JOOST_PIN, &out, &err, "order", "-d", database, "ask", asked,
                                            "--as", "Joost Smit", "--reason", "Which case?", NULL), ==, 2);
  g_assert_cmpint (prov_test_run_cli_input (JOOST_PIN, &out, &err, "order", "-d", database, "ask", asked,
                                            "--as", "Joost Smit", "--question", "Which colour of case?", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "More Information Needed"));

  g_assert_cmpint (prov_test_run_cli_input (JOOST_PIN, &out, &err, "order", "-d", database, "cancel", cancelled,
                                            "--as", "Joost Smit", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Cancelled"));

  /* The timeline says who decided and why. */
  g_assert_cmpint (prov_test_run_cli_input (NULL, &out, &err, "order", "-d", database, "show", declined, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Joost Smit"));
  g_assert_nonnull (strstr (out, "Out of warranty per the supplier"));
  g_assert_cmpint (prov_test_run_cli_input (NULL, &out, &err, "order", "-d", database, "show", asked, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Which colour of case?"));

  /* Decided is decided. */
  g_assert_cmpint (prov_test_run_cli_input (JOOST_PIN, &out, &err, "order", "-d", database, "approve", declined,
                                            "--as", "Joost Smit", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Declined"));

  prov_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/requests/every-request-round-trips", test_every_request_round_trips);
  g_test_add_func ("/cli/requests/decisions", test_decisions);

  return g_test_run ();
}
