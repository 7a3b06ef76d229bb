#include <string.h>

#include <glib/gi18n-lib.h>

#include <gio/gio.h>

#include "prov-carrier-url.h"

G_DEFINE_QUARK (prov-carrier-url-error-quark, prov_carrier_url_error)

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* TRUE when @url names this computer (localhost, 127.0.0.0/8, ::1). */
gboolean
prov_carrier_url_is_loopback (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return host != NULL && host_is_loopback (host);
}

/*
 * Checks an API base address typed by the store staff and returns it in the
 * form the carrier client joins paths to (always ending in a slash).
 *
 * Orders carry personal data and API tokens, so plain http is refused except
 * on loopback, where only the project's own carrier sandbox can listen.
 */
char *
prov_carrier_url_normalize (const char  *text,
                            GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *scheme;
  const char *host;
  const char *path;

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, PROV_CARRIER_URL_ERROR, PROV_CARRIER_URL_ERROR_EMPTY,
                           _("Enter the address of the carrier’s API"));
      return NULL;
    }

  uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, &parse_error);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, PROV_CARRIER_URL_ERROR, PROV_CARRIER_URL_ERROR_MALFORMED,
                   _("“%s” is not a web address; it should look like https://api.carrier.example/"),
                   stripped);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (!host_is_loopback (host))
        {
          g_set_error_literal (error, PROV_CARRIER_URL_ERROR, PROV_CARRIER_URL_ERROR_INSECURE,
                               _("The address must start with https://; plain http:// is only allowed for a sandbox on this computer"));
          return NULL;
        }
    }
  else if (g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, PROV_CARRIER_URL_ERROR, PROV_CARRIER_URL_ERROR_UNSUPPORTED_SCHEME,
                   _("Addresses starting with “%s:” are not supported; use https://"),
                   scheme);
      return NULL;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, PROV_CARRIER_URL_ERROR, PROV_CARRIER_URL_ERROR_HAS_QUERY,
                           _("The address must not contain “?” or “#”"));
      return NULL;
    }

  /* Credentials in the address would end up in GSettings in plain text. */
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, PROV_CARRIER_URL_ERROR, PROV_CARRIER_URL_ERROR_HAS_CREDENTIALS,
                           _("The address must not contain a user name or password; the API token is kept in the keyring"));
      return NULL;
    }

  path = g_uri_get_path (uri);
  if (g_str_has_suffix (path, "/"))
    return g_uri_to_string (uri);
  else
    {
      g_autofree char *with_slash = g_strconcat (path, "/", NULL);
      g_autoptr(GUri) normalized = g_uri_build (G_URI_FLAGS_NONE,
                                                g_uri_get_scheme (uri),
                                                NULL,
                                                host,
                                                g_uri_get_port (uri),
                                                with_slash, NULL, NULL);
      return g_uri_to_string (normalized);
    }
}
