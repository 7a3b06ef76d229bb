#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PROV_CARRIER_URL_ERROR (prov_carrier_url_error_quark ())
GQuark prov_carrier_url_error_quark (void);

typedef enum {
  PROV_CARRIER_URL_ERROR_EMPTY,
  PROV_CARRIER_URL_ERROR_MALFORMED,
  PROV_CARRIER_URL_ERROR_INSECURE,
  PROV_CARRIER_URL_ERROR_UNSUPPORTED_SCHEME,
  PROV_CARRIER_URL_ERROR_HAS_QUERY,
  PROV_CARRIER_URL_ERROR_HAS_CREDENTIALS,
} ProvCarrierUrlError;

char     *prov_carrier_url_normalize   (const char  *text,
                                        GError     **error);
gboolean  prov_carrier_url_is_loopback (const char  *url);

G_END_DECLS
