#include <string.h>

#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-sim-page.h"
#include "widgets/prov-scan-entry.h"

/* The SIM: scanned, typed, or picked from stock by its last four digits
 * (asking when more than one SIM ends in them); or connected later. */

#define SIM_KINDS ((1u << PROV_ID_KIND_ICCID) | (1u << PROV_ID_KIND_EID))

struct _ProvSimPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GCancellable        *lookup;
  GPtrArray           *candidates;   /* ProvStockItem */
  gboolean             filling;

  AdwPreferencesGroup *mode_group;
  AdwActionRow        *mode_row;
  GtkToggleButton     *now_button;
  GtkToggleButton     *later_button;
  GtkLabel            *later_note;
  AdwPreferencesGroup *now_group;
  AdwPreferencesGroup *stock_group;
  ProvScanEntry       *iccid_entry;
  AdwEntryRow         *last_digits_row;
  GtkLabel            *last_digits_problem;
  GtkLabel            *candidates_hint;
  GtkListBox          *candidates_list;
};

static void prov_sim_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvSimPage, prov_sim_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_sim_page_iface_init))

static gboolean
connect_later (ProvSimPage *self)
{
  return gtk_toggle_button_get_active (self->later_button);
}

static void
show_mode (ProvSimPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->now_group), !connect_later (self));
  gtk_widget_set_visible (GTK_WIDGET (self->stock_group), !connect_later (self));
  gtk_widget_set_visible (GTK_WIDGET (self->later_note), connect_later (self));
}

static void
on_mode_selected (ProvSimPage *self)
{
  show_mode (self);
  if (self->filling || self->context == NULL)
    return;

  prov_page_set_field (self->context, PROV_ORDER_FIELD_SIM_MODE, connect_later (self) ? "later" : "now");
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_iccid_changed (ProvSimPage *self)
{
  if (self->filling || self->context == NULL)
    return;

  /* Kept as typed: a half-scanned number is not lost. */
  prov_page_set_field (self->context, PROV_ORDER_FIELD_SIM_ICCID, prov_scan_entry_get_text (self->iccid_entry));
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_iccid_activated (ProvSimPage *self)
{
  prov_assistant_page_request_next (PROV_ASSISTANT_PAGE (self));
}

static void
hide_candidates (ProvSimPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->candidates_hint), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->candidates_list), FALSE);
}

static void
pick (ProvSimPage         *self,
      const ProvStockItem *item)
{
  prov_scan_entry_set_text (self->iccid_entry, item->identifier);
  hide_candidates (self);
  prov_page_show_problem (GTK_WIDGET (self->last_digits_row), self->last_digits_problem, NULL);
  /* The list just vanished under the focus: Enter now moves on. */
  gtk_widget_grab_focus (GTK_WIDGET (self->iccid_entry));
}

static void
on_candidate_activated (ProvSimPage   *self,
                        GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->candidates->len)
    pick (self, g_ptr_array_index (self->candidates, index));
}

static void
on_stock_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = prov_store_find_stock_finish (PROV_STORE (source), result, NULL, &error);
  ProvSimPage *self;
  GtkWidget *child;
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PROV_SIM_PAGE (user_data);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidates_list))) != NULL)
    gtk_list_box_remove (self->candidates_list, child);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  if (found == NULL)
    {
      prov_page_show_problem (GTK_WIDGET (self->last_digits_row), self->last_digits_problem, error->message);
      return;
    }

  if (found->len == 0)
    {
      /* Translators: %s is four digits */
      message = g_strdup_printf (_("No SIM in stock ends in %s. Scan the SIM instead, or add it to stock first."),
                                 gtk_editable_get_text (GTK_EDITABLE (self->last_digits_row)));
      prov_page_show_problem (GTK_WIDGET (self->last_digits_row), self->last_digits_problem, message);
      return;
    }

  if (found->len == 1)
    {
      pick (self, g_ptr_array_index (found, 0));
      return;
    }

  /* More than one: the clerk chooses. */
  self->candidates = g_steal_pointer (&found);
  for (guint i = 0; i < self->candidates->len; i++)
    {
      const ProvStockItem *item = g_ptr_array_index (self->candidates, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->identifier);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->model != NULL ? item->model : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* Enter on a candidate picks it instead of pressing the assistant's
       * default button with the SIM that was there before. */
      gtk_widget_set_receives_default (row, TRUE);
      gtk_list_box_append (self->candidates_list, row);
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u SIM in stock ends in these digits: choose one",
                                          "%u SIMs in stock end in these digits: choose one", self->candidates->len),
                             self->candidates->len);
  /* Not a mistake of the clerk's: a question, not an error. */
  gtk_label_set_label (self->candidates_hint, message);
  gtk_widget_set_visible (GTK_WIDGET (self->candidates_hint), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->candidates_list), TRUE);
  /* The choice is the next thing to do: arrows and Enter pick one. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->candidates_list, 0)));
}

static void
on_last_digits_changed (ProvSimPage *self)
{
  const char *digits = gtk_editable_get_text (GTK_EDITABLE (self->last_digits_row));

  hide_candidates (self);
  prov_page_show_problem (GTK_WIDGET (self->last_digits_row), self->last_digits_problem, NULL);
  if (self->context == NULL || strlen (digits) != 4 || strspn (digits, "0123456789") != 4)
    return;

  g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  self->lookup = g_cancellable_new ();
  prov_store_find_stock_async (self->context->store, 1u << PROV_ID_KIND_ICCID, digits, PROV_STOCK_STATUS_IN_STOCK, 20,
                               self->lookup, on_stock_found, self);
}

static const char *
prov_sim_page_get_title (ProvAssistantPage *page)
{
  return _("SIM");
}

static void
prov_sim_page_load (ProvAssistantPage *page,
                    ProvPageContext   *context)
{
  ProvSimPage *self = PROV_SIM_PAGE (page);
  const char *iccid = prov_order_get_field (context->order, PROV_ORDER_FIELD_SIM_ICCID);

  self->context = context;
  self->filling = TRUE;
  if (g_strcmp0 (prov_order_get_field (context->order, PROV_ORDER_FIELD_SIM_MODE), "later") == 0)
    gtk_toggle_button_set_active (self->later_button, TRUE);
  else
    gtk_toggle_button_set_active (self->now_button, TRUE);
  prov_scan_entry_set_text (self->iccid_entry, iccid != NULL ? iccid : "");
  self->filling = FALSE;
  show_mode (self);

  if (prov_order_get_field (context->order, PROV_ORDER_FIELD_SIM_MODE) == NULL)
    prov_page_set_field (context, PROV_ORDER_FIELD_SIM_MODE, "now");
}

static gboolean
prov_sim_page_get_complete (ProvAssistantPage *page)
{
  ProvSimPage *self = PROV_SIM_PAGE (page);

  return self->context != NULL && (connect_later (self) || prov_scan_entry_get_valid (self->iccid_entry));
}

/* A scanned ICCID or EID lands here, and the flow moves on. */
static gboolean
prov_sim_page_take_scan (ProvAssistantPage *page,
                         const ProvScan    *scan)
{
  ProvSimPage *self = PROV_SIM_PAGE (page);

  if (prov_scan_find_id (scan, SIM_KINDS) == NULL)
    return FALSE;

  if (connect_later (self))
    gtk_toggle_button_set_active (self->now_button, TRUE);

  if (!prov_scan_entry_take_scan (self->iccid_entry, scan))
    return FALSE;

  if (prov_scan_entry_get_valid (self->iccid_entry))
    prov_assistant_page_request_next (page);
  return TRUE;
}

static void
prov_sim_page_focus_first (ProvAssistantPage *page)
{
  ProvSimPage *self = PROV_SIM_PAGE (page);

  gtk_widget_grab_focus (connect_later (self) ? GTK_WIDGET (self->later_button) : GTK_WIDGET (self->iccid_entry));
}

static void
prov_sim_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->focus_first = prov_sim_page_focus_first;
  iface->id = "sim";
  iface->get_title = prov_sim_page_get_title;
  iface->load = prov_sim_page_load;
  iface->get_complete = prov_sim_page_get_complete;
  iface->take_scan = prov_sim_page_take_scan;
}

static void
prov_sim_page_dispose (GObject *object)
{
  ProvSimPage *self = PROV_SIM_PAGE (object);

  if (self->lookup != NULL)
    g_cancellable_cancel (self->lookup);
  g_clear_object (&self->lookup);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_sim_page_parent_class)->dispose (object);
}

static void
prov_sim_page_class_init (ProvSimPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_sim_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/assistant/pages/prov-sim-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, mode_group);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, mode_row);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, now_button);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, later_button);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, later_note);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, now_group);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, stock_group);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, iccid_entry);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, last_digits_row);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, last_digits_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, candidates_hint);
  gtk_widget_class_bind_template_child (widget_class, ProvSimPage, candidates_list);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_iccid_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_iccid_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_last_digits_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_candidate_activated);
}

static void
prov_sim_page_init (ProvSimPage *self)
{
  g_type_ensure (PROV_TYPE_SCAN_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_set (self->iccid_entry, "kinds", SIM_KINDS, NULL);
}

/* Where the SIM is being connected now (an order's overview), "later" is
 * no choice. */
void
prov_sim_page_set_offers_later (ProvSimPage *self,
                                gboolean     offers_later)
{
  g_return_if_fail (PROV_IS_SIM_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->mode_group), offers_later);
}
