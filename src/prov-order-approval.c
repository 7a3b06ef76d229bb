#include <glib/gi18n.h>
#include <adwaita.h>

#include "prov-authorise.h"
#include "prov-order-approval.h"
#include "prov-store-error.h"

/*
 * A manager's decision on a request of flow 5 at the till: approve it,
 * decline it with a reason, or ask its requester a question. A clerk gets
 * the manager override (prov_authorise); the store records the decision
 * and refuses one on the deciding manager's own request, which is said
 * here in words.
 */

typedef struct {
  GtkWindow            *parent;
  ProvStore            *store;
  ProvOrder            *order;
  ProvApprovalDecision  decision;
  char                 *text;
} Deciding;

static void
deciding_free (gpointer data)
{
  Deciding *deciding = data;

  g_clear_object (&deciding->parent);
  g_clear_object (&deciding->store);
  g_clear_object (&deciding->order);
  g_free (deciding->text);
  g_free (deciding);
}

gboolean
prov_order_approval_is_offered (ProvOrder *order)
{
  return prov_order_get_state (order) == PROV_ORDER_STATE_AWAITING_APPROVAL;
}

gboolean
prov_approval_decision_from_id (const char           *id,
                                ProvApprovalDecision *out_decision)
{
  static const char * const ids[] = { [PROV_APPROVAL_APPROVE] = "approve", [PROV_APPROVAL_DECLINE] = "decline",
                                      [PROV_APPROVAL_ASK] = "ask" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (g_strcmp0 (ids[i], id) == 0)
      {
        *out_decision = i;
        return TRUE;
      }

  return FALSE;
}

static void
on_decided (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  ProvOrderState state = 0;

  if (!prov_store_decide_approval_finish (PROV_STORE (source), result, &state, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Nothing Was Decided"),
                                                                             error->message));

      g_debug ("Approval refused: %s", error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_debug ("Request decided: %s", prov_order_state_to_id (state));
  gtk_widget_activate_action (GTK_WIDGET (parent), "app.sync-now", NULL);
}

static void
on_authorised (const char *who,
               const char *authorised_by,
               gpointer    user_data)
{
  Deciding *deciding = user_data;

  prov_store_decide_approval_async (deciding->store, deciding->order, deciding->decision, who, authorised_by,
                                    deciding->text, NULL, on_decided, g_object_ref (deciding->parent));
}

static void
authorise (Deciding    *deciding,
           ProvSession *session)
{
  g_autofree char *request = NULL;

  switch (deciding->decision)
    {
    case PROV_APPROVAL_APPROVE:
      /* Translators: the manager override's request; %s is the clerk */
      request = g_strdup_printf (_("%s asks to approve this request. Only a manager may allow it."),
                                 prov_session_get_name (session));
      break;
    case PROV_APPROVAL_DECLINE:
      /* Translators: the manager override's request; %s is the clerk */
      request = g_strdup_printf (_("%s asks to decline this request. Only a manager may allow it."),
                                 prov_session_get_name (session));
      break;
    case PROV_APPROVAL_ASK:
    default:
      /* Translators: the manager override's request; %s is the clerk */
      request = g_strdup_printf (_("%s asks to send this request back with a question. Only a manager may allow it."),
                                 prov_session_get_name (session));
      break;
    }

  prov_authorise (session, deciding->store, deciding->parent, request, on_authorised, deciding, deciding_free);
}

static void
on_text_changed (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "decide", *text != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Deciding *deciding = user_data;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "prov-entry");
  ProvSession *session = g_object_get_data (G_OBJECT (dialog), "prov-session");

  if (!g_str_equal (response, "decide"))
    {
      deciding_free (deciding);
      return;
    }

  deciding->text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  authorise (deciding, session);
}

/* Decides on @order: approving at once (a clerk is asked for a manager
 * first); declining and asking after the reason or the question. */
void
prov_order_approval_decide (GtkWindow            *parent,
                            ProvSession          *session,
                            ProvStore            *store,
                            ProvOrder            *order,
                            ProvApprovalDecision  decision)
{
  Deciding *deciding = g_new0 (Deciding, 1);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gboolean decline = decision == PROV_APPROVAL_DECLINE;

  deciding->parent = g_object_ref (parent);
  deciding->store = g_object_ref (store);
  deciding->order = g_object_ref (order);
  deciding->decision = decision;

  if (decision == PROV_APPROVAL_APPROVE)
    {
      authorise (deciding, session);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, decline ? _("Decline This Request?") : _("Ask the Requester"),
                                                       decline ? _("The request is closed and is not sent to the carrier; "
                                                                   "what it held goes back to stock. The requester reads "
                                                                   "the reason.")
                                                               : _("The request goes back to the requester, who answers "
                                                                   "by changing it and placing it again.")));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  decline ? _("Reason") : _("Question"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), decline ? _("Why it is declined") : _("What the requester should answer"));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Waiting"),
                                    "decide", decline ? _("_Decline") : _("_Send Back"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "decide", decline ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "decide", FALSE);
  adw_message_dialog_set_default_response (dialog, "decide");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data (G_OBJECT (dialog), "prov-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "prov-session", g_object_ref (session), g_object_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (on_text_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), deciding);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
