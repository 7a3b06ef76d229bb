/* E-mails through the carrier (TMF681), each exactly once: through a
 * carrier that drops connections before or after the work, after an
 * attempt whose answer was lost (sent, or not), and a refused one left for
 * the clerk. */
#include <string.h>

#include "prov-carrier-client.h"
#include "prov-sync-messages.h"
#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define MESSAGES 30
#define MAX_PASSES 60

typedef struct {
  Sandbox            sandbox;
  ProvCarrierClient *client;
  char              *dir;
  ProvStore         *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  /* @data: the sandbox's options, separated by spaces (two at most). */
  g_auto(GStrv) options = g_strsplit (data != NULL ? data : "", " ", 3);

  sandbox_start (&fixture->sandbox, options[0], options[0] != NULL ? options[1] : NULL, NULL);
  fixture->client = prov_carrier_client_new (fixture->sandbox.root, "test-token", 5);
  fixture->dir = prov_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "orders.db", NULL);
  fixture->store = prov_test_open_store (path, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  prov_test_close_store (fixture->store);
  g_clear_object (&fixture->store);
  prov_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->client);
  sandbox_remove (&fixture->sandbox);
}

static JsonNode *
build_email (const char *uuid,
             const char *to)
{
  const ProvEmail email = {
    .external_id = uuid, .to_email = to, .from_email = "winkel@provisioner.example",
    .subject = "Your new services", .body = "Dear customer, your services are ready.",
  };

  return prov_tmf681_build_email (&email);
}

static void
queue (Fixture    *fixture,
       const char *uuid,
       JsonNode   *body)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  prov_store_queue_message_async (fixture->store, uuid, NULL, body, NULL, prov_test_store_result, &result);
  g_assert_true (prov_store_queue_message_finish (fixture->store, prov_test_await (&result), &error));
  g_assert_no_error (error);
}

static ProvMessagesReport
pass (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ProvMessagesReport report = { 0 };

  /* Everything queued is due: the test does not wait out the retry delay. */
  prov_sync_send_messages_async (fixture->store, fixture->client, G_MAXINT64, NULL, prov_test_store_result, &result);
  g_assert_true (prov_sync_send_messages_finish (fixture->store, prov_test_await (&result), &report, &error));
  g_assert_no_error (error);
  return report;
}

static GPtrArray *
stored (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *messages;

  prov_store_list_messages_async (fixture->store, NULL, -1, NULL, prov_test_store_result, &result);
  messages = prov_store_list_messages_finish (fixture->store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  return messages;
}

/* How often the carrier has each externalId. */
static GHashTable *
count_at_carrier (Fixture *fixture)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint offset = 0;; offset += 100)
    {
      g_autofree char *path = g_strdup_printf ("tmf-api/communicationManagement/v4/communicationMessage"
                                               "?offset=%u&limit=100", offset);
      g_autoptr(JsonNode) page = NULL;
      JsonArray *messages;

      /* The sandbox drops connections on purpose: ask again. */
      for (guint attempt = 0; page == NULL && attempt < 20; attempt++)
        page = sandbox_try_get_json (&fixture->sandbox, path);
      g_assert_nonnull (page);
      messages = json_node_get_array (page);
      for (guint i = 0; i < json_array_get_length (messages); i++)
        {
          const char *id = prov_tmf681_get_external_id (json_array_get_object_element (messages, i));
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));

          g_hash_table_insert (counts, g_strdup (id), GUINT_TO_POINTER (count + 1));
        }
      if (json_array_get_length (messages) < 100)
        break;
    }

  return counts;
}

static void
test_each_once_through_faults (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GHashTable) counts = NULL;
  guint sent = 0;
  guint passes = 0;

  for (guint i = 0; i < MESSAGES; i++)
    {
      g_autofree char *to = g_strdup_printf ("customer%u@example.org", i);
      char *uuid = g_uuid_string_random ();
      g_autoptr(JsonNode) body = build_email (uuid, to);

      queue (fixture, uuid, body);
      g_ptr_array_add (uuids, uuid);
    }

  while (sent < MESSAGES && passes++ < MAX_PASSES)
    {
      ProvMessagesReport report = pass (fixture);

      sent += report.sent + report.recovered;
      g_assert_cmpuint (report.refused, ==, 0);
    }
  g_assert_cmpuint (sent, ==, MESSAGES);

  messages = stored (fixture);
  g_assert_cmpuint (messages->len, ==, MESSAGES);
  for (guint i = 0; i < messages->len; i++)
    g_assert_cmpint (((ProvQueuedMessage *) g_ptr_array_index (messages, i))->state, ==, PROV_MESSAGE_SENT);
  counts = count_at_carrier (fixture);
  for (guint i = 0; i < uuids->len; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_ptr_array_index (uuids, i))), ==, 1);
}

/* An attempt recorded, its answer lost: sent by the carrier, it is found
 * and not sent again; never sent, it is sent now. */
static void
test_lost_answers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *arrived = g_uuid_string_random ();
  g_autofree char *lost = g_uuid_string_random ();
  g_autoptr(JsonNode) arrived_body = build_email (arrived, "arrived@example.org");
  g_autoptr(JsonNode) lost_body = build_email (lost, "lost@example.org");
  g_autoptr(JsonNode) at_carrier = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = NULL;
  ProvMessagesReport report;
  const char *uuids[] = { arrived, lost };

  queue (fixture, arrived, arrived_body);
  queue (fixture, lost, lost_body);
  for (guint i = 0; i < G_N_ELEMENTS (uuids); i++)
    {
      g_autoptr(GAsyncResult) recorded = NULL;

      prov_store_record_message_async (fixture->store, uuids[i], PROV_MESSAGE_QUEUED, TRUE, 0, NULL, NULL, NULL,
                                       prov_test_store_result, &recorded);
      g_assert_true (prov_store_record_message_finish (fixture->store, prov_test_await (&recorded), &error));
      g_assert_no_error (error);
    }
  prov_carrier_client_send_message_async (fixture->client, arrived_body, NULL, prov_test_store_result, &result);
  at_carrier = prov_carrier_client_send_message_finish (fixture->client, prov_test_await (&result), arrived, &error);
  g_assert_no_error (error);

  report = pass (fixture);
  g_assert_cmpuint (report.recovered, ==, 1);
  g_assert_cmpuint (report.sent, ==, 1);

  counts = count_at_carrier (fixture);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, arrived)), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, lost)), ==, 1);
}

/* The carrier refuses an e-mail it cannot take: kept for the clerk with
 * the reason, and not tried again. */
static void
test_refused_kept_for_the_clerk (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(JsonNode) body = build_email (uuid, "someone@example.org");
  g_autoptr(GPtrArray) messages = NULL;
  ProvQueuedMessage *message;
  ProvMessagesReport report;

  /* No receiver: TMF681 requires one. */
  json_object_remove_member (json_node_get_object (body), "receiver");
  queue (fixture, uuid, body);
  report = pass (fixture);
  g_assert_cmpuint (report.refused, ==, 1);
  report = pass (fixture);
  g_assert_cmpuint (report.refused + report.sent + report.retried, ==, 0);

  messages = stored (fixture);
  g_assert_cmpuint (messages->len, ==, 1);
  message = g_ptr_array_index (messages, 0);
  g_assert_cmpint (message->state, ==, PROV_MESSAGE_NEEDS_ATTENTION);
  g_assert_nonnull (strstr (message->problem, "receiver"));
  g_assert_cmpuint (message->attempts, ==, 1);
}

/* Its attempt recorded, as when an answer was lost. */
static void
record_attempt (Fixture    *fixture,
                const char *uuid)
{
  g_autoptr(GAsyncResult) recorded = NULL;
  g_autoptr(GError) error = NULL;

  prov_store_record_message_async (fixture->store, uuid, PROV_MESSAGE_QUEUED, TRUE, 0, NULL, NULL, NULL,
                                   prov_test_store_result, &recorded);
  g_assert_true (prov_store_record_message_finish (fixture->store, prov_test_await (&recorded), &error));
  g_assert_no_error (error);
}

static void
send_directly (Fixture    *fixture,
               const char *uuid,
               JsonNode   *body)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) at_carrier = NULL;

  prov_carrier_client_send_message_async (fixture->client, body, NULL, prov_test_store_result, &result);
  at_carrier = prov_carrier_client_send_message_finish (fixture->client, prov_test_await (&result), uuid, &error);
  g_assert_no_error (error);
}

/* The carrier answers "failed" (TMF681): the e-mail is not counted as
 * sent, the carrier's word is kept for the clerk, and it is not sent again. */
static void
test_failed_is_not_sent (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(JsonNode) body = build_email (uuid, "someone@mistyped.invalid");
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GHashTable) counts = NULL;
  ProvQueuedMessage *message;
  ProvMessagesReport report;

  queue (fixture, uuid, body);
  report = pass (fixture);
  g_assert_cmpuint (report.sent, ==, 0);
  g_assert_cmpuint (report.failed, ==, 1);
  report = pass (fixture);
  g_assert_cmpuint (report.sent + report.failed + report.retried + report.refused, ==, 0);

  messages = stored (fixture);
  message = g_ptr_array_index (messages, 0);
  g_assert_cmpint (message->state, ==, PROV_MESSAGE_FAILED);
  g_assert_nonnull (strstr (message->problem, "could not send"));
  g_assert_nonnull (message->carrier_id);
  counts = sandbox_count_by_reference (&fixture->sandbox, "messages");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, uuid)), ==, 1);
}

/* Another carrier counts half its messages in X-Total-Count. An e-mail
 * whose answer was lost is on the list's second page, past what the
 * header says: found there, and not sent again. */
static void
test_total_lower_than_list (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(JsonNode) body = build_email (uuid, "late@example.org");
  g_autoptr(GHashTable) counts = NULL;
  ProvMessagesReport report;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *other = g_uuid_string_random ();
      g_autoptr(JsonNode) other_body = build_email (other, "earlier@example.org");

      send_directly (fixture, other, other_body);
    }

  queue (fixture, uuid, body);
  record_attempt (fixture, uuid);
  send_directly (fixture, uuid, body);

  report = pass (fixture);
  g_assert_cmpuint (report.recovered, ==, 1);
  g_assert_cmpuint (report.sent, ==, 0);
  counts = sandbox_count_by_reference (&fixture->sandbox, "messages");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, uuid)), ==, 1);
}

/* A carrier that lists messages with only required members (none, in
 * TMF681): after a lost answer nothing can show whether the e-mail went.
 * It waits for the clerk, and is not sent a second time. */
static void
test_unprovable_absence_asks_the_clerk (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(JsonNode) body = build_email (uuid, "once@example.org");
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GHashTable) counts = NULL;
  ProvQueuedMessage *message;
  ProvMessagesReport report;

  queue (fixture, uuid, body);
  record_attempt (fixture, uuid);
  send_directly (fixture, uuid, body);

  report = pass (fixture);
  g_assert_cmpuint (report.refused, ==, 1);
  report = pass (fixture);
  g_assert_cmpuint (report.sent + report.refused + report.retried, ==, 0);

  messages = stored (fixture);
  message = g_ptr_array_index (messages, 0);
  g_assert_cmpint (message->state, ==, PROV_MESSAGE_NEEDS_ATTENTION);
  g_assert_nonnull (strstr (message->problem, "cannot tell whether this one was sent"));
  counts = sandbox_count_by_reference (&fixture->sandbox, "messages");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, uuid)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, options, func) g_test_add (path, Fixture, options, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync-messages/each-once-through-faults", "--drop-rate=0.3", test_each_once_through_faults);
  ADD ("/sync-messages/lost-answers", NULL, test_lost_answers);
  ADD ("/sync-messages/refused-kept-for-the-clerk", NULL, test_refused_kept_for_the_clerk);
  ADD ("/sync-messages/another-carrier", "--other-carrier", test_lost_answers);
  ADD ("/sync-messages/failed-is-not-sent", NULL, test_failed_is_not_sent);
  ADD ("/sync-messages/total-lower-than-list", "--other-carrier", test_total_lower_than_list);
  ADD ("/sync-messages/unprovable-absence-asks-the-clerk", "--other-carrier --bare-answers",
       test_unprovable_absence_asks_the_clerk);
#undef ADD

  return g_test_run ();
}
