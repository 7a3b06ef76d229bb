#include <glib/gi18n.h>
#include <adwaita.h>

#include "prov-assistant-page.h"
#include "prov-customer-products.h"

G_DEFINE_INTERFACE (ProvAssistantPage, prov_assistant_page, GTK_TYPE_WIDGET)

enum { CHANGED, NEXT, GO_TO, PLACE, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
default_should_skip (ProvAssistantPage *self,
                     ProvPageContext   *context)
{
  return FALSE;
}

static gboolean
default_take_scan (ProvAssistantPage *self,
                   const ProvScan    *scan)
{
  return FALSE;
}

/* The page's first field, wherever the focus is: child_focus moves on
 * from a focus already inside the page, so it starts from none. Called
 * twice, it must land on the same field (the assistant calls it again to
 * undo focus moves the clerk did not make). */
static void
default_focus_first (ProvAssistantPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    {
      g_object_ref (focus);
      gtk_root_set_focus (root, NULL);
      if (!gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD))
        gtk_widget_grab_focus (focus);
      g_object_unref (focus);
      return;
    }

  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
prov_assistant_page_default_init (ProvAssistantPageInterface *iface)
{
  iface->focus_first = default_focus_first;
  iface->should_skip = default_should_skip;
  iface->take_scan = default_take_scan;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[NEXT] = g_signal_new ("next", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[GO_TO] = g_signal_new ("go-to", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[PLACE] = g_signal_new ("place", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

const char *
prov_assistant_page_get_id (ProvAssistantPage *self)
{
  g_return_val_if_fail (PROV_IS_ASSISTANT_PAGE (self), NULL);
  return PROV_ASSISTANT_PAGE_GET_IFACE (self)->id;
}

const char *
prov_assistant_page_get_title (ProvAssistantPage *self)
{
  g_return_val_if_fail (PROV_IS_ASSISTANT_PAGE (self), NULL);
  return PROV_ASSISTANT_PAGE_GET_IFACE (self)->get_title (self);
}

void
prov_assistant_page_load (ProvAssistantPage *self,
                          ProvPageContext   *context)
{
  g_return_if_fail (PROV_IS_ASSISTANT_PAGE (self));
  PROV_ASSISTANT_PAGE_GET_IFACE (self)->load (self, context);
}

gboolean
prov_assistant_page_get_complete (ProvAssistantPage *self)
{
  g_return_val_if_fail (PROV_IS_ASSISTANT_PAGE (self), FALSE);
  return PROV_ASSISTANT_PAGE_GET_IFACE (self)->get_complete (self);
}

gboolean
prov_assistant_page_should_skip (ProvAssistantPage *self,
                                 ProvPageContext   *context)
{
  ProvAssistantPageInterface *iface;

  g_return_val_if_fail (PROV_IS_ASSISTANT_PAGE (self), FALSE);

  iface = PROV_ASSISTANT_PAGE_GET_IFACE (self);
  return prov_flow_skips_page (context->flow, iface->id, context->order) || iface->should_skip (self, context);
}

gboolean
prov_assistant_page_take_scan (ProvAssistantPage *self,
                               const ProvScan    *scan)
{
  g_return_val_if_fail (PROV_IS_ASSISTANT_PAGE (self), FALSE);
  return PROV_ASSISTANT_PAGE_GET_IFACE (self)->take_scan (self, scan);
}

void
prov_assistant_page_focus_first (ProvAssistantPage *self)
{
  g_return_if_fail (PROV_IS_ASSISTANT_PAGE (self));
  PROV_ASSISTANT_PAGE_GET_IFACE (self)->focus_first (self);
}

void
prov_assistant_page_changed (ProvAssistantPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
prov_assistant_page_request_next (ProvAssistantPage *self)
{
  g_signal_emit (self, signals[NEXT], 0);
}

void
prov_assistant_page_request_place (ProvAssistantPage *self)
{
  g_signal_emit (self, signals[PLACE], 0);
}

void
prov_assistant_page_request_page (ProvAssistantPage *self,
                                  const char        *id)
{
  g_signal_emit (self, signals[GO_TO], 0, id);
}

void
prov_page_set_field (ProvPageContext *context,
                     const char      *key,
                     const char      *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (g_strcmp0 (prov_order_get_field (context->order, key), *trimmed != '\0' ? trimmed : NULL) == 0)
    return;

  prov_order_set_field (context->order, key, *trimmed != '\0' ? trimmed : NULL);
}

void
prov_page_show_problem (GtkWidget  *field,
                        GtkLabel   *label,
                        const char *message)
{
  gboolean failed = message != NULL;

  gtk_label_set_label (label, failed ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), failed);

  if (failed)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
prov_page_set_offerings (GtkWidget  *combo_row,
                         GListModel *offerings,
                         gboolean    with_none,
                         const char *selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = with_none ? 0 : GTK_INVALID_LIST_POSITION;
  guint offset = with_none ? 1 : 0;

  if (with_none)
    gtk_string_list_append (names, _("None"));

  for (guint i = 0; offerings != NULL && i < g_list_model_get_n_items (offerings); i++)
    {
      g_autoptr(ProvOffering) offering = g_list_model_get_item (offerings, i);
      g_autofree char *fee = prov_offering_dup_fee_label (offering);
      /* Translators: an offering and its fee, e.g. "Data 10 GB — € 10.00 a month" */
      g_autofree char *label = *fee != '\0' ? g_strdup_printf (_("%s — %s"), prov_offering_get_name (offering), fee)
                                             : g_strdup (prov_offering_get_name (offering));

      gtk_string_list_append (names, label);
      if (g_strcmp0 (selected_id, prov_offering_get_id (offering)) == 0)
        selected = i + offset;
    }

  if (offerings != NULL)
    g_object_set_data_full (G_OBJECT (combo_row), "prov-offerings", g_object_ref (offerings), g_object_unref);
  else
    g_object_set_data (G_OBJECT (combo_row), "prov-offerings", NULL);
  g_object_set_data (G_OBJECT (combo_row), "prov-with-none", GINT_TO_POINTER (with_none));

  adw_combo_row_set_model (ADW_COMBO_ROW (combo_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo_row), selected);
}

ProvOffering *
prov_page_get_offering (GtkWidget *combo_row)
{
  GListModel *offerings = g_object_get_data (G_OBJECT (combo_row), "prov-offerings");
  guint offset = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (combo_row), "prov-with-none")) ? 1 : 0;
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo_row));
  g_autoptr(ProvOffering) offering = NULL;

  if (offerings == NULL || selected == GTK_INVALID_LIST_POSITION || selected < offset)
    return NULL;

  offering = g_list_model_get_item (offerings, selected - offset);
  /* The list keeps it alive. */
  return offering;
}

char *
prov_page_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

typedef struct {
  ProvPageRefreshed refreshed;
  gpointer          user_data;
} RefreshClosure;

static void
on_customer_products_refreshed (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autofree RefreshClosure *closure = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_customer_products_refresh_finish (PROV_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The customer's products were not read from the carrier: %s", error->message);
      return;
    }

  closure->refreshed (closure->user_data);
}

void
prov_page_refresh_customer_products (ProvPageContext   *context,
                                     const char        *account,
                                     GCancellable      *cancellable,
                                     ProvPageRefreshed  refreshed,
                                     gpointer           user_data)
{
  ProvCarrierSession *session;
  RefreshClosure *closure;

  g_return_if_fail (context != NULL);
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  session = context->scheduler != NULL ? prov_sync_scheduler_get_reachable_session (context->scheduler) : NULL;
  if (account == NULL || session == NULL)
    return;

  closure = g_new0 (RefreshClosure, 1);
  closure->refreshed = refreshed;
  closure->user_data = user_data;
  prov_customer_products_refresh_async (context->store, session, account, cancellable,
                                        on_customer_products_refreshed, closure);
}
