#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gio/gunixsocketaddress.h>

#include "prov-sandbox-listener.h"

/*
 * The sandbox accepts its connections itself and hands each to SoupServer,
 * because SoupServer 3.2.3 (Debian 12) does not hold like a real server:
 * - it never closes an idle keep-alive connection that the client closed
 *   (fixed upstream in 3.3.0): one descriptor stays in CLOSE-WAIT per
 *   client connection until the process runs out of them;
 * - it has no timeout for a client that sends half a request, or nothing;
 * - its listen backlog is GLib's default of 10.
 * Here every connection has a deadline (idle, or with a request under way)
 * and is closed when it passes, or as soon as its client has closed it;
 * the listen backlog is deep.
 *
 * SoupServer 3.2.3 keeps a connection alive after an answer only while it
 * has a listener of its own (request_finished checks priv->listeners), so
 * every connection handed to it was closed after its first answer, with
 * no "Connection: close": Python's http.client failed on its second
 * request. It gets a listener nobody can reach, a socket in the abstract
 * namespace bound to this process, and keeps connections alive as RFC
 * 9112 says.
 */

#define LISTEN_BACKLOG 1024
#define SWEEP_INTERVAL_MS 500
#define RETRY_ACCEPT_MS 50

typedef struct {
  GSocketConnection *connection;
  gint64             deadline;
  guint              requests;   /* under way */
} Client;

struct _ProvSandboxListener
{
  SoupServer      *server;
  GSocketListener *listener;
  GCancellable    *cancellable;
  GHashTable      *clients;      /* GSocket → Client */
  gint64           idle_timeout_us;
  gint64           request_timeout_us;
  guint            sweep_id;
};

static void
client_free (Client *client)
{
  g_object_unref (client->connection);
  g_free (client);
}

static gboolean
peer_has_closed (GSocket *socket)
{
  char byte;
  gssize got = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);

  return got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

/* Closes what is over; returns how many connections were closed. */
static guint
sweep (ProvSandboxListener *self)
{
  GHashTableIter iter;
  GSocket *socket;
  Client *client;
  gint64 now = g_get_monotonic_time ();
  guint closed = 0;

  g_hash_table_iter_init (&iter, self->clients);
  while (g_hash_table_iter_next (&iter, (gpointer *) &socket, (gpointer *) &client))
    {
      if (g_socket_is_closed (socket))
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }

      if (now < client->deadline && (client->requests > 0 || !peer_has_closed (socket)))
        continue;

      /* SoupServer's own objects for it may stay behind (the 3.2.3 leak);
       * the descriptor does not. */
      g_io_stream_close (G_IO_STREAM (client->connection), NULL, NULL);
      g_hash_table_iter_remove (&iter);
      closed++;
    }

  return closed;
}

static gboolean
on_sweep (gpointer user_data)
{
  sweep (user_data);
  return G_SOURCE_CONTINUE;
}

static Client *
find_client (ProvSandboxListener *self,
             SoupServerMessage   *message)
{
  GSocket *socket = soup_server_message_get_socket (message);

  return socket != NULL ? g_hash_table_lookup (self->clients, socket) : NULL;
}

static void
on_request_started (SoupServer          *server,
                    SoupServerMessage   *message,
                    ProvSandboxListener *self)
{
  Client *client = find_client (self, message);

  if (client == NULL)
    return;

  client->requests++;
  client->deadline = g_get_monotonic_time () + self->request_timeout_us;
}

static void
on_request_ended (SoupServer          *server,
                  SoupServerMessage   *message,
                  ProvSandboxListener *self)
{
  Client *client = find_client (self, message);

  if (client == NULL)
    return;

  if (client->requests > 0)
    client->requests--;
  if (client->requests == 0)
    client->deadline = g_get_monotonic_time () + self->idle_timeout_us;
}

static void accept_next (ProvSandboxListener *self);

static gboolean
on_retry_accept (gpointer user_data)
{
  accept_next (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_accepted (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ProvSandboxListener *self = user_data;
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GError) error = NULL;
  Client *client;

  connection = g_socket_listener_accept_finish (G_SOCKET_LISTENER (source), result, NULL, &error);
  if (connection == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Out of descriptors, most likely: close what can be closed and
       * take the waiting connection a moment later. */
      g_debug ("Accepting a connection: %s", error->message);
      sweep (self);
      g_timeout_add (RETRY_ACCEPT_MS, on_retry_accept, self);
      return;
    }

  sweep (self);

  local = g_socket_connection_get_local_address (connection, NULL);
  remote = g_socket_connection_get_remote_address (connection, NULL);
  client = g_new0 (Client, 1);
  client->connection = g_object_ref (connection);
  client->deadline = g_get_monotonic_time () + self->idle_timeout_us;
  g_hash_table_insert (self->clients, g_socket_connection_get_socket (connection), client);

  if (!soup_server_accept_iostream (self->server, G_IO_STREAM (connection), local, remote, &error))
    {
      g_debug ("Serving a connection: %s", error->message);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      g_hash_table_remove (self->clients, g_socket_connection_get_socket (connection));
    }

  accept_next (self);
}

static void
accept_next (ProvSandboxListener *self)
{
  g_socket_listener_accept_async (self->listener, self->cancellable, on_accepted, self);
}

static gboolean
give_server_a_listener (SoupServer  *server,
                        GError     **error)
{
  g_autofree char *name = g_strdup_printf ("provisioner-sandbox-keep-alive-%d-%p", getpid (), (gpointer) server);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new_with_type (name, -1, G_UNIX_SOCKET_ADDRESS_ABSTRACT);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);

  return socket != NULL && g_socket_bind (socket, address, FALSE, error) && g_socket_listen (socket, error) &&
         soup_server_listen_socket (server, socket, 0, error);
}

/* Listens on 127.0.0.1:@port (0: any free port) for @server. */
ProvSandboxListener *
prov_sandbox_listener_new (SoupServer  *server,
                           guint        port,
                           guint        idle_timeout_s,
                           guint        request_timeout_s,
                           guint       *bound_port,
                           GError     **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  g_autoptr(GSocketAddress) bound = NULL;
  ProvSandboxListener *self;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL || !g_socket_bind (socket, address, TRUE, error))
    return NULL;

  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_listen (socket, error) || (bound = g_socket_get_local_address (socket, error)) == NULL)
    return NULL;

  self = g_new0 (ProvSandboxListener, 1);
  self->server = g_object_ref (server);
  self->listener = g_socket_listener_new ();
  self->cancellable = g_cancellable_new ();
  self->clients = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) client_free);
  self->idle_timeout_us = (gint64) MAX (idle_timeout_s, 1) * G_USEC_PER_SEC;
  self->request_timeout_us = (gint64) MAX (request_timeout_s, 1) * G_USEC_PER_SEC;

  if (!g_socket_listener_add_socket (self->listener, socket, NULL, error))
    {
      prov_sandbox_listener_free (self);
      return NULL;
    }

  if (!give_server_a_listener (server, error))
    {
      prov_sandbox_listener_free (self);
      return NULL;
    }

  g_signal_connect (server, "request-started", G_CALLBACK (on_request_started), self);
  g_signal_connect (server, "request-finished", G_CALLBACK (on_request_ended), self);
  g_signal_connect (server, "request-aborted", G_CALLBACK (on_request_ended), self);
  self->sweep_id = g_timeout_add (SWEEP_INTERVAL_MS, on_sweep, self);

  *bound_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  accept_next (self);

  return self;
}

void
prov_sandbox_listener_free (ProvSandboxListener *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->sweep_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (self->server, self);
  g_socket_listener_close (self->listener);
  g_clear_object (&self->listener);
  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->clients);
  g_object_unref (self->server);
  g_free (self);
}
