#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The sandbox's listening socket and its clients' connections. */
typedef struct _ProvSandboxListener ProvSandboxListener;

ProvSandboxListener *prov_sandbox_listener_new  (SoupServer           *server,
                                                 guint                 port,
                                                 guint                 idle_timeout_s,
                                                 guint                 request_timeout_s,
                                                 guint                *bound_port,
                                                 GError              **error);
void                 prov_sandbox_listener_free (ProvSandboxListener  *self);

G_END_DECLS
