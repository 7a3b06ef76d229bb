#include <glib/gi18n.h>
#include <adwaita.h>

#include "prov-authorise.h"
#include "prov-order-cancel.h"

/*
 * Cancelling an order that was placed but is not with the carrier (it
 * waits for its SIM, its inventory or an approval, or for the clerk): the
 * clerk confirms, a manager allows it (prov_authorise), and the store
 * cancels it as one core operation. An order the sender may be sending is
 * not offered: only the carrier could cancel it then.
 */

typedef struct {
  GtkWindow *parent;
  ProvStore *store;
  ProvOrder *order;
} Cancelling;

static void
cancelling_free (gpointer data)
{
  Cancelling *cancelling = data;

  g_clear_object (&cancelling->parent);
  g_clear_object (&cancelling->store);
  g_clear_object (&cancelling->order);
  g_free (cancelling);
}

gboolean
prov_order_cancel_is_offered (ProvOrder *order)
{
  ProvOrderState state = prov_order_get_state (order);

  return state != PROV_ORDER_STATE_DRAFT && state != PROV_ORDER_STATE_READY &&
         prov_order_state_check_transition (state, PROV_ORDER_STATE_CANCELLED, NULL);
}

static void
on_cancelled (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_transition_finish (PROV_STORE (source), result, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("The Order Was Not Cancelled"),
                                                                             error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_authorised (const char *who,
               const char *authorised_by,
               gpointer    user_data)
{
  Cancelling *cancelling = user_data;

  g_debug ("Order %s cancelled by %s%s%s", prov_order_get_uuid (cancelling->order), who,
           authorised_by != NULL ? ", allowed by " : "", authorised_by != NULL ? authorised_by : "");
  prov_store_cancel_order_async (cancelling->store, cancelling->order, who, authorised_by,
                                 _("Cancelled at the counter"), NULL, on_cancelled,
                                 g_object_ref (cancelling->parent));
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Cancelling *cancelling = user_data;
  ProvSession *session = g_object_get_data (G_OBJECT (dialog), "prov-session");
  g_autofree char *request = NULL;

  if (!g_str_equal (response, "cancel-order"))
    {
      cancelling_free (cancelling);
      return;
    }

  /* Translators: the manager override's request; %s is the clerk */
  request = g_strdup_printf (_("%s asks to cancel this order. Only a manager may allow it."),
                             prov_session_get_name (session));
  prov_authorise (session, cancelling->store, cancelling->parent, request, on_authorised, cancelling,
                  cancelling_free);
}

/* Asks whether to cancel @order, then for a manager's leave when the
 * clerk is no manager. */
void
prov_order_cancel_ask (GtkWindow   *parent,
                       ProvSession *session,
                       ProvStore   *store,
                       ProvOrder   *order)
{
  Cancelling *cancelling = g_new0 (Cancelling, 1);
  AdwMessageDialog *dialog;

  cancelling->parent = g_object_ref (parent);
  cancelling->store = g_object_ref (store);
  cancelling->order = g_object_ref (order);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Cancel This Order?"),
                                                       _("It is not sent to the carrier, and the SIMs and devices "
                                                         "on it go back to stock. A manager allows this.")));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Order"), "cancel-order", _("C_ancel Order"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-order", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data_full (G_OBJECT (dialog), "prov-session", g_object_ref (session), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), cancelling);
  gtk_window_present (GTK_WINDOW (dialog));
}
