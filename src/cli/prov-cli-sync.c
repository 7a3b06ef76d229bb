#include <glib/gi18n.h>

#include <libsecret/secret.h>

#include "prov-carrier-profile.h"
#include "prov-carrier-token.h"
#include "prov-carrier-url.h"
#include "prov-cli.h"
#include "prov-sync.h"

typedef struct {
  char *id;
  char *base_url;
  char *dealer_code;
} Profile;

static void
profile_clear (Profile *profile)
{
  g_clear_pointer (&profile->id, g_free);
  g_clear_pointer (&profile->base_url, g_free);
  g_clear_pointer (&profile->dealer_code, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Profile, profile_clear)

/* The carrier profile the app uses, unless the command line names one. */
static gboolean
read_profile (const char  *carrier,
              Profile     *profile,
              GError     **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autofree char *url = NULL;

  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *id = g_settings_get_string (settings, "carrier-profile");
      g_autoptr(GSettings) active = prov_carrier_profile_settings_new (id);

      profile->id = g_strdup (id);

      url = g_settings_get_string (active, "base-url");
      profile->dealer_code = g_settings_get_string (active, "dealer-code");
    }

  if (carrier != NULL)
    {
      g_free (url);
      url = g_strdup (carrier);
    }

  if (url == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No carrier is set up: give one with --carrier"));
      return FALSE;
    }

  profile->base_url = prov_carrier_url_normalize (url, error);
  return profile->base_url != NULL;
}

static void
add_report (ProvSyncReport       *total,
            const ProvSyncReport *report)
{
  total->sent += report->sent;
  total->recovered += report->recovered;
  total->retried += report->retried;
  total->refused += report->refused;
  total->updated += report->updated;
  total->failed += report->failed;
}

static gboolean
on_time_up (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* A run with no --wait gets this long beyond it, whatever the carrier
 * does: a pass over a slow or self-contradicting carrier must end. */
#define DEFAULT_TIME_LIMIT_S 120

/* provisioner-cli sync: sends what is due in the outbox, once, then asks
 * the carrier about the orders it has, and says what happened. */
int
prov_cli_sync (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— send the outbox to the carrier once"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCliStore) store = NULL;
  g_autoptr(ProvCarrierClient) client = NULL;
  g_autoptr(ProvSync) sync = NULL;
  g_autoptr(GAsyncResult) polled = NULL;
  g_autofree char *database = NULL;
  g_autofree char *carrier = NULL;
  char *token = NULL;
  ProvSyncReport total = { 0 };
  ProvSyncReport report = { 0 };
  g_auto(Profile) profile = { 0 };
  gint64 next_due = -1;
  gint64 deadline;
  int wait_s = 0;
  int timeout_s = 30;
  int time_limit_s = -1;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint time_up = 0;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The order database (default: the one the app uses)"), N_("PATH") },
    { "carrier", 'c', 0, G_OPTION_ARG_STRING, &carrier,
      N_("The carrier's API address (default: the app's carrier profile)"), N_("URL") },
    { "wait", 'w', 0, G_OPTION_ARG_INT, &wait_s,
      N_("Keep sending orders that wait for a retry, for up to this many seconds (default: 0, send only what is due now)"),
      N_("SECONDS") },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout_s,
      N_("Seconds to wait for each answer from the carrier (default: 30)"), N_("SECONDS") },
    { "time-limit", 0, 0, G_OPTION_ARG_INT, &time_limit_s,
      N_("Stop after this many seconds in all, whatever the carrier does; what was under way is looked up before "
         "it is sent again (default: the wait plus 120)"), N_("SECONDS") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (!read_profile (carrier, &profile, &error) ||
      (store = prov_cli_open_store (database, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* The profile's token, from the keyring; none for a sandbox is fine. */
  if (profile.id != NULL)
    {
      g_autoptr(GAsyncResult) looked_up = NULL;
      g_autoptr(GError) keyring_error = NULL;

      prov_carrier_token_lookup_async (profile.id, NULL, prov_cli_store, &looked_up);
      token = prov_carrier_token_lookup_finish (prov_cli_await (&looked_up), &keyring_error);
      if (keyring_error != NULL)
        g_printerr (_("The keyring cannot be reached, so no token is sent: %s\n"), keyring_error->message);
    }

  client = prov_carrier_client_new (profile.base_url, token, (guint) CLAMP (timeout_s, 1, 600));
  secret_password_free (g_steal_pointer (&token));
  sync = prov_sync_new (store, client, profile.dealer_code);

  /* Everything due now, and with --wait what comes due before the
   * deadline; the rest stays queued. */
  deadline = g_get_real_time () + (gint64) MAX (wait_s, 0) * G_USEC_PER_SEC;
  if (time_limit_s < 0)
    time_limit_s = MAX (wait_s, 0) + DEFAULT_TIME_LIMIT_S;
  time_up = g_timeout_add_seconds (MAX (time_limit_s, 1), on_time_up, cancellable);
  for (;;)
    {
      g_autoptr(GAsyncResult) result = NULL;
      gboolean done;

      prov_sync_send_due_async (sync, cancellable, prov_cli_store, &result);
      done = !prov_sync_send_due_finish (sync, prov_cli_await (&result), &report, &next_due, &error);
      add_report (&total, &report);
      if (done || next_due < 0)
        break;
      if (report.sent + report.recovered + report.retried + report.refused + report.failed > 0)
        continue;
      if (next_due >= deadline)
        break;
      g_usleep (CLAMP (next_due - g_get_real_time (), 1000, G_USEC_PER_SEC));
    }

  if (error == NULL)
    {
      prov_sync_poll_async (sync, cancellable, prov_cli_store, &polled);
      if (prov_sync_poll_finish (sync, prov_cli_await (&polled), &report, &error))
        add_report (&total, &report);
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&error);
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   _("Stopped after %d seconds (--time-limit). Orders under way are looked up at the carrier "
                     "before they are sent again."),
                   MAX (time_limit_s, 1));
    }
  else
    g_source_remove (time_up);

  g_print (_("Carrier: %s\n"), profile.base_url);
  g_print (_("Sent: %u\nFound at the carrier after an earlier attempt: %u\nTo be tried again: %u\n"
             "Refused by the carrier (need attention): %u\nState changes from the carrier: %u\nFailed here: %u\n"),
           total.sent, total.recovered, total.retried, total.refused, total.updated, total.failed);
  if (next_due >= 0)
    g_print ("%s\n", _("Orders are still waiting in the outbox."));

  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return total.failed > 0 || next_due >= 0 ? 1 : 0;
}
