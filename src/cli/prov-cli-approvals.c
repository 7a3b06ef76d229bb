#include <glib/gi18n.h>

#include "prov-carrier-profile.h"
#include "prov-cli.h"
#include "prov-line-request.h"
#include "prov-store-error.h"

/*
 * provisioner-cli order approve | decline | ask | cancel UUID --as NAME:
 * the back office decides on a request of flow 5 as a manager at the till
 * would. The manager proves who they are with their PIN (standard input);
 * the store refuses a decision on their own request.
 */

static ProvOrder *
load (ProvStore   *store,
      const char  *uuid,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_load_order_async (store, uuid, NULL, prov_cli_store, &result);
  return prov_store_load_order_finish (store, prov_cli_await (&result), error);
}

/* The request types the app's carrier profile lets go without approval;
 * NULL (every one waits) without the app's settings. */
char **
prov_cli_dup_requests_without_approval (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettings) profile = NULL;
  g_autofree char *profile_id = NULL;

  if (schema == NULL)
    return NULL;

  settings = g_settings_new (APP_ID);
  profile_id = g_settings_get_string (settings, "carrier-profile");
  profile = prov_carrier_profile_settings_new (profile_id);

  return g_settings_get_strv (profile, "requests-without-approval");
}

int
prov_cli_order_decide (ProvStore  *store,
                       const char *verb,
                       const char *uuid,
                       const char *as,
                       const char *reason,
                       const char *question)
{
  g_autoptr(ProvStaffMember) manager = NULL;
  g_autoptr(ProvOrder) order = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ProvOrderState state = 0;
  gboolean decided;

  if (as == NULL)
    {
      g_printerr ("%s\n", _("Name the manager who decides with --as, and give their PIN on standard input"));
      return 2;
    }
  if ((g_str_equal (verb, "decline") || g_str_equal (verb, "cancel")) && question != NULL)
    {
      g_printerr (_("%s takes --reason, not --question\n"), verb);
      return 2;
    }
  if (g_str_equal (verb, "ask") && reason != NULL)
    {
      g_printerr ("%s\n", _("ask takes --question, not --reason"));
      return 2;
    }
  if (g_str_equal (verb, "decline") && reason == NULL)
    {
      g_printerr ("%s\n", _("Say why the request is declined with --reason"));
      return 2;
    }
  if (g_str_equal (verb, "ask") && question == NULL)
    {
      g_printerr ("%s\n", _("Give the question for the requester with --question"));
      return 2;
    }

  if ((manager = prov_cli_sign_in (store, as, PROV_STAFF_ROLE_MANAGER, &error)) == NULL ||
      (order = load (store, uuid, &error)) == NULL)
    {
      g_autofree char *safe = prov_cli_dup_safe (error->message);

      g_printerr ("%s\n", safe);
      return 1;
    }

  if (g_str_equal (verb, "cancel"))
    {
      prov_store_cancel_order_async (store, order, manager->name, NULL,
                                     reason != NULL ? reason : _("Cancelled by the back office"),
                                     NULL, prov_cli_store, &result);
      decided = prov_store_transition_finish (store, prov_cli_await (&result), &error);
      state = prov_order_get_state (order);
    }
  else
    {
      ProvApprovalDecision decision = g_str_equal (verb, "approve") ? PROV_APPROVAL_APPROVE
                                      : g_str_equal (verb, "decline") ? PROV_APPROVAL_DECLINE
                                                                      : PROV_APPROVAL_ASK;

      prov_store_decide_approval_async (store, order, decision, manager->name, NULL,
                                        decision == PROV_APPROVAL_ASK ? question : reason,
                                        NULL, prov_cli_store, &result);
      decided = prov_store_decide_approval_finish (store, prov_cli_await (&result), &state, &error);
    }

  if (!decided)
    {
      g_autofree char *safe = prov_cli_dup_safe (error->message);

      g_printerr ("%s\n", safe);
      return g_error_matches (error, PROV_STORE_ERROR, PROV_STORE_ERROR_OWN_REQUEST) ? 3 : 1;
    }

  g_print (_("%s is %s.\n"), uuid, prov_order_state_get_title (state));
  return 0;
}
