/* The sandbox holds like a real server against hostile clients: deeply
 * nested and huge bodies, numbers JSON cannot keep, malformed shapes,
 * clients that close, many at once, or send half a request and wait. It
 * answers after all of it, and its database is intact. */
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sys/resource.h>

#include <sqlite3.h>

#include "prov-test-sandbox.h"
#include "prov-test-util.h"

#define ORDERS_PATH "/tmf-api/productOrderingManagement/v4/productOrder"

static guint16
sandbox_port (Sandbox *sandbox)
{
  guint port = 0;

  g_assert_true (sscanf (sandbox->root, "http://127.0.0.1:%u/", &port) == 1);
  return (guint16) port;
}

static GSocketConnection *
connect_raw (Sandbox *sandbox)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_timeout (client, 10);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", sandbox_port (sandbox), NULL, &error);
  g_assert_no_error (error);

  return connection;
}

static void
send_text (GSocketConnection *connection,
           const char        *text,
           gsize              length)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), text, length, NULL, NULL,
                             &error);
  g_assert_no_error (error);
}

/* The status of the answer on @connection, 0 when the sandbox closed it
 * without one; a read that times out fails the test. */
static guint
read_status (GSocketConnection *connection)
{
  char buffer[64] = { 0 };
  gsize got = 0;
  guint status = 0;
  g_autoptr(GError) error = NULL;

  g_input_stream_read_all (g_io_stream_get_input_stream (G_IO_STREAM (connection)), buffer, sizeof buffer - 1,
                           &got, NULL, &error);
  g_assert_no_error (error);
  if (got > 0)
    sscanf (buffer, "HTTP/1.1 %u", &status);

  return status;
}

/* One request on a connection of its own, closed by us once answered. */
static guint
raw_request (Sandbox    *sandbox,
             const char *method,
             const char *body,
             gsize       length)
{
  g_autoptr(GSocketConnection) connection = connect_raw (sandbox);
  g_autofree char *head = g_strdup_printf ("%s " ORDERS_PATH " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                           "Content-Type: application/json\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n"
                                           "Connection: close\r\n\r\n", method, length);

  send_text (connection, head, strlen (head));
  if (length > 0)
    send_text (connection, body, length);

  return read_status (connection);
}

static SoupMessage *
post (Sandbox    *sandbox,
      const char *resource,
      const char *method,
      const char *json,
      char      **answer)
{
  g_autofree char *uri = g_strconcat (sandbox->base, resource, NULL);
  SoupMessage *message = soup_message_new (method, uri);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (message, "application/json", body);
  reply = soup_session_send_and_read (sandbox->session, message, NULL, &error);
  g_assert_no_error (error);
  if (answer != NULL)
    *answer = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));

  return message;
}

static guint
get_status (Sandbox    *sandbox,
            const char *resource)
{
  g_autofree char *uri = g_strconcat (sandbox->base, resource, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = soup_session_send_and_read (sandbox->session, message, NULL, &error);
  g_assert_no_error (error);

  return soup_message_get_status (message);
}

static void
assert_database_intact (Sandbox *sandbox)
{
  g_autofree char *path = g_build_filename (sandbox->dir, "carrier.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *check = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &check, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (check, 0), ==, "ok");
  sqlite3_finalize (check);
  sqlite3_close (db);
}

static guint64
peak_memory_kb (Sandbox *sandbox)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (sandbox->process));
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);

  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

static void
test_bodies (void)
{
  Sandbox sandbox = { 0 };
  GString *nested = g_string_new (NULL);
  g_autofree char *huge = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(SoupMessage) message = NULL;
  const gsize huge_length = 50 * 1024 * 1024;
  guint64 peak_before;

  /* Under AddressSanitizer, freed memory is held in quarantine (256 MB by
   * default) and the peak would count what the sandbox let go of. */
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    {
      g_autofree char *options = g_strconcat (g_getenv ("ASAN_OPTIONS"), ":quarantine_size_mb=1", NULL);
      g_setenv ("ASAN_OPTIONS", options, TRUE);
    }
  sandbox_start (&sandbox, NULL, NULL);

  /* 100,000 levels, about 200 KB: refused, not a crash. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, ']');
  g_assert_cmpuint (raw_request (&sandbox, "POST", nested->str, nested->len), ==, 400);
  g_string_free (nested, TRUE);

  /* 50 MB: refused without being kept (it took 336 MB when it was). */
  huge = g_malloc (huge_length);
  memset (huge, ' ', huge_length);
  huge[0] = '{';
  huge[huge_length - 1] = '}';
  peak_before = peak_memory_kb (&sandbox);
  g_assert_cmpuint (raw_request (&sandbox, "POST", huge, huge_length), ==, 413);
  g_assert_cmpuint (peak_memory_kb (&sandbox) - peak_before, <, 16 * 1024);

  /* A number JSON cannot keep is refused, and the list still reads. */
  message = post (&sandbox, "productOrder", "POST", "{\"productOrderItem\":[],\"x\":1e999}", NULL);
  g_assert_cmpuint (soup_message_get_status (message), ==, 400);
  g_clear_object (&message);
  g_assert_cmpuint (get_status (&sandbox, "productOrder"), ==, 200);

  /* Shapes the definitions do not allow, named in the TMF Error. */
  message = post (&sandbox, "productOrder", "POST", "{\"productOrderItem\":\"x\"}", &answer);
  g_assert_cmpuint (soup_message_get_status (message), ==, 400);
  g_assert_nonnull (strstr (answer, "productOrderItem"));
  g_assert_nonnull (strstr (answer, "\"code\""));
  g_assert_nonnull (strstr (answer, "\"reason\""));
  g_clear_object (&message);
  g_clear_pointer (&answer, g_free);

  message = post (&sandbox, "productOrder", "POST",
                  "{\"productOrderItem\":[{\"id\":\"1\",\"action\":\"replace\"}]}", &answer);
  g_assert_cmpuint (soup_message_get_status (message), ==, 400);
  g_assert_nonnull (strstr (answer, "productOrderItem[0].action"));
  g_clear_object (&message);
  g_clear_pointer (&answer, g_free);

  message = post (&sandbox, "productOrder", "POST",
                  "{\"requestedStartDate\":\"garbage\",\"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\"}]}", &answer);
  g_assert_cmpuint (soup_message_get_status (message), ==, 400);
  g_assert_nonnull (strstr (answer, "requestedStartDate"));
  g_clear_object (&message);
  g_clear_pointer (&answer, g_free);

  /* A PATCH cannot put a bare number among the characteristics. */
  message = post (&sandbox, "productOrder", "POST",
                  "{\"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\",\"product\":{\"productCharacteristic\":"
                  "[{\"name\":\"ICCID\",\"value\":\"8931440000000000017\"}]}}]}", &answer);
  g_assert_cmpuint (soup_message_get_status (message), ==, 201);
  g_clear_object (&message);
  {
    g_autoptr(JsonNode) created = json_from_string (answer, NULL);
    g_autofree char *resource = g_strconcat ("productOrder/",
                                             json_object_get_string_member (json_node_get_object (created), "id"), NULL);

    g_clear_pointer (&answer, g_free);
    message = post (&sandbox, resource, "PATCH",
                    "{\"productOrderItem\":[{\"id\":\"1\",\"action\":\"add\",\"product\":{\"productCharacteristic\":[1]}}]}",
                    &answer);
    g_assert_cmpuint (soup_message_get_status (message), ==, 400);
    g_assert_nonnull (strstr (answer, "productCharacteristic[0]"));
    g_clear_object (&message);
  }

  g_assert_cmpuint (get_status (&sandbox, "productOrder"), ==, 200);
  sandbox_stop (&sandbox);
  assert_database_intact (&sandbox);
  sandbox_remove (&sandbox);
}

/* A stored order that cannot be read is the carrier's fault: 500. */
static void
test_unreadable_record (void)
{
  Sandbox sandbox = { 0 };
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;

  sandbox_start (&sandbox, NULL, NULL);
  g_assert_cmpuint (get_status (&sandbox, "productOrder"), ==, 200);
  sandbox_stop (&sandbox);

  path = g_build_filename (sandbox.dir, "carrier.db", NULL);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO orders (id, external_id, state, body, created_at, state_since, seq) "
                                     "VALUES ('broken', 'x', 'acknowledged', '{\"id\": inf.0}', 0, 0, 0)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  sandbox_start (&sandbox, NULL, NULL);
  g_assert_cmpuint (get_status (&sandbox, "productOrder"), ==, 500);
  g_assert_cmpuint (get_status (&sandbox, "productOrder/broken"), ==, 500);
  sandbox_remove (&sandbox);
}

static void
limit_descriptors (gpointer user_data)
{
  struct rlimit limit = { 40, 40 };

  prov_test_die_with_parent (NULL);
  setrlimit (RLIMIT_NOFILE, &limit);
}

/* Clients that close their connections do not use up the sandbox's
 * descriptors: with 40 of them it answers 300 requests in a row. */
static void
test_closed_connections (void)
{
  Sandbox sandbox = { 0 };

  sandbox.child_setup = limit_descriptors;
  sandbox_start (&sandbox, NULL, NULL);

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *uri = g_strconcat (sandbox.base, "productOrder?limit=1", NULL);
      g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
      g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
      g_autoptr(GBytes) reply = NULL;
      g_autoptr(GError) error = NULL;

      /* A keep-alive request, then the client goes: its session closes. */
      reply = soup_session_send_and_read (session, message, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (message), ==, 200);
    }

  sandbox_remove (&sandbox);
}

typedef struct {
  guint  pending;
  guint  created;
  guint  failed;
} Burst;

static void
on_burst_answer (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Burst *burst = user_data;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);

  reply = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (reply != NULL && soup_message_get_status (message) == SOUP_STATUS_CREATED)
    burst->created++;
  else
    burst->failed++;
  burst->pending--;
}

/* 200 keep-alive POSTs at once, each on its own connection: none is
 * reset, none is carried out twice. */
static void
test_parallel_posts (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GHashTable) at_carrier = NULL;
  g_autofree char *uri = NULL;
  Burst burst = { 0 };

  sandbox_start (&sandbox, NULL, NULL);
  session = soup_session_new_with_options ("timeout", 30, "max-conns", 200, "max-conns-per-host", 200, NULL);
  uri = g_strconcat (sandbox.base, "productOrder", NULL);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
      g_autofree char *json = g_strdup_printf ("{\"externalId\":\"burst-%u\",\"productOrderItem\":[{\"id\":\"1\","
                                               "\"action\":\"add\"}]}", i);
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (message, "application/json", body);
      burst.pending++;
      soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, on_burst_answer, &burst);
    }
  while (burst.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (burst.failed, ==, 0);
  g_assert_cmpuint (burst.created, ==, 200);
  at_carrier = sandbox_list_our_orders (&sandbox);
  g_assert_cmpuint (g_hash_table_size (at_carrier), ==, 200);

  sandbox_remove (&sandbox);
}

/* Connections that send half a request and wait are closed after the
 * request timeout; ones that send nothing after the idle timeout. */
static void
test_idle_connections (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(GPtrArray) half_sent = g_ptr_array_new_with_free_func (g_object_unref);
  const char *half = "POST " ORDERS_PATH " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"produ";

  sandbox_start (&sandbox, "--idle-timeout=1", "--request-timeout=2", NULL);

  for (guint i = 0; i < 150; i++)
    {
      GSocketConnection *connection = connect_raw (&sandbox);

      if (i % 2 == 0)
        send_text (connection, half, strlen (half));
      g_ptr_array_add (half_sent, connection);
    }

  /* Each is closed by the sandbox: our read ends without an answer. */
  for (guint i = 0; i < half_sent->len; i++)
    g_assert_cmpuint (read_status (g_ptr_array_index (half_sent, i)), ==, 0);

  g_assert_cmpuint (get_status (&sandbox, "productOrder"), ==, 200);
  sandbox_stop (&sandbox);
  assert_database_intact (&sandbox);
  sandbox_remove (&sandbox);
}

static char *
get_answer (Sandbox    *sandbox,
            const char *resource,
            guint      *status)
{
  g_autofree char *uri = g_strconcat (sandbox->base, resource, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = soup_session_send_and_read (sandbox->session, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);

  return g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
}

/* Paging that is not a whole number in range is refused, never read as a
 * first page; an offset past the end is an empty page. */
static void
test_paging_out_of_range (void)
{
  Sandbox sandbox = { 0 };
  const char * const refused[] = {
    "productOrder?offset=-1", "productOrder?offset=2147483648", "productOrder?offset=4294967296",
    "productOrder?offset=1e20", "productOrder?limit=abc", "productOrder?limit=1e9", "productOrder?limit=",
    "productOrder?offset=%2B1",
  };
  g_autofree char *answer = NULL;
  guint status = 0;

  sandbox_start (&sandbox, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_free (answer);
      answer = get_answer (&sandbox, refused[i], &status);
      g_test_message ("%s: %u %s", refused[i], status, answer);
      g_assert_cmpuint (status, ==, 400);
    }

  g_free (answer);
  answer = get_answer (&sandbox, "productOrder?offset=2147483647&limit=10", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (answer, ==, "[]");
  g_free (answer);
  answer = get_answer (&sandbox, "productOrder?offset=0&limit=0", &status);
  g_assert_cmpuint (status, ==, 200);

  sandbox_stop (&sandbox);
  sandbox_remove (&sandbox);
}

/* The carrier's files hold customers' details and PINs: its owner's only. */
static void
test_files_are_private (void)
{
  Sandbox sandbox = { 0 };
  g_autofree char *database = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *capture = NULL;
  g_autofree char *capture_option = NULL;
  GStatBuf info;

  /* The capture holds every body received, PINs and all. */
  sandbox.dir = prov_test_make_tmp_dir ();
  capture = g_build_filename (sandbox.dir, "capture.jsonl", NULL);
  capture_option = g_strconcat ("--capture=", capture, NULL);
  sandbox_start (&sandbox, capture_option, NULL);
  g_assert_cmpuint (get_status (&sandbox, "productOrder"), ==, 200);
  g_assert_cmpint (g_stat (capture, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  database = g_build_filename (sandbox.dir, "carrier.db", NULL);
  wal = g_strconcat (database, "-wal", NULL);

  g_assert_cmpint (g_stat (database, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  if (g_stat (wal, &info) == 0)
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  sandbox_stop (&sandbox);
  sandbox_remove (&sandbox);
}

/* One whole answer from @input: its status; its body is read past. */
static guint
read_whole_answer (GDataInputStream *input)
{
  g_autoptr(GError) error = NULL;
  guint status = 0;
  gsize length = 0;
  char *line;

  while ((line = g_data_input_stream_read_line (input, NULL, NULL, &error)) != NULL)
    {
      g_strchomp (line);
      if (status == 0)
        sscanf (line, "HTTP/1.1 %u", &status);
      else if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        length = g_ascii_strtoull (line + 15, NULL, 10);
      if (*line == '\0')
        {
          g_free (line);
          break;
        }
      g_free (line);
    }
  g_assert_no_error (error);
  if (length > 0)
    {
      g_autofree char *body = g_malloc (length);
      gsize got = 0;

      g_input_stream_read_all (G_INPUT_STREAM (input), body, length, &got, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (got, ==, length);
    }

  return status;
}

/* A connection stays open for the client's next request (RFC 9112 9.3):
 * three requests, one connection, three answers. */
static void
test_keep_alive (void)
{
  Sandbox sandbox = { 0 };
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GDataInputStream) input = NULL;
  const char *request = "GET /tmf-api/productOrderingManagement/v4/productOrder?limit=1 HTTP/1.1\r\n"
                        "Host: 127.0.0.1\r\n\r\n";

  sandbox_start (&sandbox, NULL, NULL);
  connection = connect_raw (&sandbox);
  input = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (input), FALSE);
  for (guint i = 0; i < 3; i++)
    {
      send_text (connection, request, strlen (request));
      g_assert_cmpuint (read_whole_answer (input), ==, 200);
    }

  sandbox_stop (&sandbox);
  sandbox_remove (&sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/hostile/bodies", test_bodies);
  g_test_add_func ("/sandbox/hostile/unreadable-record", test_unreadable_record);
  g_test_add_func ("/sandbox/hostile/closed-connections", test_closed_connections);
  g_test_add_func ("/sandbox/hostile/parallel-posts", test_parallel_posts);
  g_test_add_func ("/sandbox/hostile/idle-connections", test_idle_connections);
  g_test_add_func ("/sandbox/hostile/paging-out-of-range", test_paging_out_of_range);
  g_test_add_func ("/sandbox/hostile/files-are-private", test_files_are_private);
  g_test_add_func ("/sandbox/hostile/keep-alive", test_keep_alive);

  return g_test_run ();
}
