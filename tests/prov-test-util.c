#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "prov-line-request.h"
#include "prov-order-field.h"
#include "prov-test-util.h"

void
prov_test_store_result (GObject      *source,
                        GAsyncResult *result,
                        gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

GAsyncResult *
prov_test_await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
prov_test_percentile (double *values,
                      guint   count,
                      guint   percent)
{
  g_return_val_if_fail (count > 0 && percent <= 100, 0);

  qsort (values, count, sizeof values[0], compare_doubles);
  return values[MIN (count - 1, (guint64) count * percent / 100)];
}

char *
prov_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("provisioner-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
prov_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          prov_test_remove_tree (child);
        else
          g_unlink (child);
      }

  g_rmdir (path);
}

ProvStore *
prov_test_open_store (const char  *path,
                      char       **moved_aside_path)
{
  g_autoptr(ProvStore) store = prov_store_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  prov_store_open_async (store, NULL, prov_test_store_result, &result);
  prov_store_open_finish (store, prov_test_await (&result), moved_aside_path, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

GPtrArray *
prov_test_save (ProvStore  *store,
                ProvOrder  *order,
                GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *conflicts = NULL;

  prov_store_save_order_async (store, order, NULL, prov_test_store_result, &result);
  prov_store_save_order_finish (store, prov_test_await (&result), &conflicts, error);

  return conflicts;
}

ProvOrder *
prov_test_load (ProvStore   *store,
                const char  *uuid,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_load_order_async (store, uuid, NULL, prov_test_store_result, &result);
  return prov_store_load_order_finish (store, prov_test_await (&result), error);
}

gboolean
prov_test_transition (ProvStore       *store,
                      ProvOrder       *order,
                      ProvOrderState   to,
                      GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_transition_async (store, order, to, "test", "because the test says so", NULL,
                               prov_test_store_result, &result);
  return prov_store_transition_finish (store, prov_test_await (&result), error);
}

void
prov_test_close_store (ProvStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  prov_store_close_async (store, NULL, prov_test_store_result, &result);
  prov_store_close_finish (store, prov_test_await (&result), &error);
  g_assert_no_error (error);
}

static char *
dup_with_luhn (const char *body)
{
  guint sum = 0;
  gsize length = strlen (body);

  for (gsize i = 0; i < length; i++)
    {
      guint digit = body[length - 1 - i] - '0';

      if (i % 2 == 0)
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }

  return g_strdup_printf ("%s%u", body, (10 - sum % 10) % 10);
}

/* An ICCID of the test range with its Luhn check digit. */
char *
prov_test_make_iccid (guint serial)
{
  g_autofree char *body = g_strdup_printf ("893144040001%07u", serial);

  return dup_with_luhn (body);
}

/* An IMEI of a test type allocation code with its Luhn check digit. */
char *
prov_test_make_imei (guint serial)
{
  g_autofree char *body = g_strdup_printf ("35293509%06u", serial);

  return dup_with_luhn (body);
}

/* A test that fails aborts; what it started must not outlive it: a left
 * over sandbox keeps the harness waiting on its output pipe, a left over
 * app takes the next test's start-up for a second instance. */
void
prov_test_die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/*
 * For tests of a full disk: re-runs this test in a private user and mount
 * namespace with a tmpfs of @size (for example "512k") and returns its
 * path there. Exits with a TAP skip where that cannot be done.
 */
const char *
prov_test_run_on_small_disk (int         argc,
                             char      **argv,
                             const char *size)
{
  const char *small_disk = g_getenv ("PROV_TEST_SMALL_DISK");
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  g_autofree char *script = NULL;
  g_autoptr(GPtrArray) args = NULL;

  if (small_disk != NULL)
    return small_disk;

  dir = prov_test_make_tmp_dir ();
  self = g_file_read_link ("/proc/self/exe", NULL);
  args = g_ptr_array_new ();
  script = g_strdup_printf ("d=$1; shift; "
                            "if ! mount -t tmpfs -o size=%s tmpfs \"$d\" 2>/dev/null; then "
                            "  rmdir \"$d\"; echo '1..0 # SKIP cannot mount a small tmpfs here'; exit 0; fi; "
                            "PROV_TEST_SMALL_DISK=\"$d\" \"$@\"; status=$?; umount \"$d\"; rmdir \"$d\"; exit $status",
                            size);

  g_ptr_array_add (args, (char *) "unshare");
  g_ptr_array_add (args, (char *) "--user");
  g_ptr_array_add (args, (char *) "--map-root-user");
  g_ptr_array_add (args, (char *) "--mount");
  g_ptr_array_add (args, (char *) "sh");
  g_ptr_array_add (args, (char *) "-c");
  g_ptr_array_add (args, script);
  g_ptr_array_add (args, (char *) "sh");
  g_ptr_array_add (args, dir);
  g_ptr_array_add (args, self);
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  execvp ("unshare", (char **) args->pdata);
  g_print ("1..0 # SKIP unshare is not available: %s\n", g_strerror (errno));
  exit (0);
}

/* Whether the file at @path holds the bytes of @needle anywhere. */
gboolean
prov_test_file_contains (const char *path,
                         const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

ProvProductLine *
prov_test_product_line (const char *id,
                        const char *status,
                        const char *number,
                        guint       ended_days_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) ended = g_date_time_add_days (now, -(gint) ended_days_ago);
  g_autofree char *ended_text = g_date_time_format_iso8601 (ended);
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  json = g_strdup_printf ("[{\"id\":\"%s\",\"status\":\"%s\",\"name\":\"Voice Advanced\","
                          "\"startDate\":\"2025-01-01T09:00:00Z\"%s%s%s"
                          "\"productCharacteristic\":[{\"name\":\"MSISDN\",\"value\":\"%s\"}],"
                          "\"relatedParty\":[{\"id\":\"emp-1\",\"name\":\"Eva de Boer\",\"role\":\"User\","
                          "\"@referredType\":\"Individual\"}]}]",
                          id, status, g_str_equal (status, "terminated") ? ",\"terminationDate\":\"" : ",",
                          g_str_equal (status, "terminated") ? ended_text : "",
                          g_str_equal (status, "terminated") ? "\"," : "", number);
  node = json_from_string (json, NULL);
  g_assert_nonnull (node);
  lines = prov_product_lines_from_tmf637 (node);
  g_assert_cmpuint (lines->len, ==, 1);

  return g_object_ref (g_ptr_array_index (lines, 0));
}

/* A draft of @id on a line it starts from (ended 10 days ago for a
 * restore), with every question it asks answered; serial numbers its
 * identifiers. */
ProvOrder *
prov_test_answered_request (const char *id,
                            guint       serial)
{
  const ProvLineRequest *request = prov_line_request_lookup (id);
  g_autoptr(ProvProductLine) line = NULL;
  g_autofree char *product_id = g_strdup_printf ("product-%u", serial);
  g_autofree char *iccid = prov_test_make_iccid (serial);
  g_autofree char *imei = prov_test_make_imei (serial);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) bought = g_date_time_add_days (today, -100);
  g_autofree char *purchase = g_date_time_format (bought, "%Y-%m-%d");
  ProvOrderLine *item;
  ProvOrder *order;

  g_assert_nonnull (request);
  if ((request->starts & PROV_LINE_REQUEST_FROM_CUSTOMER) == 0)
    line = prov_test_product_line (product_id,
                                   (request->starts & PROV_LINE_REQUEST_FROM_ACTIVE) != 0 ? "active"
                                   : (request->starts & PROV_LINE_REQUEST_FROM_SUSPENDED) != 0 ? "suspended"
                                                                                              : "terminated",
                                   "+31612000001", 10);
  order = prov_line_request_new_order (request, line, "c0ffee00-0000-4000-8000-000000000007",
                                       "Van Leeuwen Logistiek B.V.", 30, "Sem Bakker");
  item = prov_order_get_line (order, 0);
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_EMAIL, "it@vanleeuwen.example");

  if (request->asks & (PROV_LINE_REQUEST_ASKS_PLAN | PROV_LINE_REQUEST_ASKS_ACCESSORY))
    prov_order_line_set_field (item, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID,
                               request->asks & PROV_LINE_REQUEST_ASKS_ACCESSORY ? "acc-case" : "voice-professional");
  if (request->asks & PROV_LINE_REQUEST_ASKS_DEVICE)
    prov_order_line_set_field (item, PROV_ORDER_FIELD_DEVICE_IMEI, imei);
  if (request->asks & PROV_LINE_REQUEST_ASKS_SIM)
    prov_order_line_set_field (item, PROV_ORDER_FIELD_SIM_ICCID, iccid);
  if (request->asks & PROV_LINE_REQUEST_ASKS_NUMBER)
    prov_order_line_set_field (item, PROV_ORDER_FIELD_NUMBER_MSISDN, "+31612345679");
  if (request->asks & PROV_LINE_REQUEST_ASKS_WARRANTY)
    {
      prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_PURCHASE_DATE, purchase);
      prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_DAMAGE, PROV_LINE_REQUEST_DAMAGE_NONE);
      prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_CHARGEBACK_ACCEPTED, "true");
    }
  if (request->asks & PROV_LINE_REQUEST_ASKS_PORT)
    {
      prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_GAINING_CARRIER, "Other Mobile");
      prov_order_line_set_field (item, PROV_ORDER_FIELD_NUMBER_CONSENT, "true");
    }
  if (request->asks & PROV_LINE_REQUEST_ASKS_LIABILITY)
    {
      prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_LIABILITY_TO, PROV_LINE_REQUEST_LIABILITY_PERSONAL);
      prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_OTHER_PARTY, "Eva de Boer");
      prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_CONSENT, "true");
    }
  if (request->asks & PROV_LINE_REQUEST_ASKS_EMPLOYEE)
    prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_EMPLOYEE, "Noah Visser");
  if (request->asks & PROV_LINE_REQUEST_ASKS_SUSPEND_REASON)
    prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_SUSPEND_REASON, PROV_LINE_REQUEST_SUSPEND_LOST);
  if (request->asks & PROV_LINE_REQUEST_ASKS_TERMINATION)
    prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_TERMINATION_ACCEPTED, "true");
  if (request->asks & PROV_LINE_REQUEST_ASKS_FEATURES)
    prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_FEATURES, "roaming-eu");

  return order;
}

