#include <glib/gi18n.h>
#include <adwaita.h>

#include "prov-application.h"
#include "prov-assistant.h"
#include "widgets/prov-focus-log.h"
#include "prov-assistant-page.h"
#include "prov-autosave.h"
#include "prov-flows.h"
#include "prov-line-request.h"
#include "prov-scan-listener.h"

/*
 * Builds the flow from its page widgets, keeps Forward in step with each
 * page's validation, skips pages the choices made pointless, saves every
 * change (ProvAutosave), remembers the page for resuming, routes scans to
 * the page's fields, and places the order from the Confirm page.
 */

struct _ProvAssistant
{
  GObject          parent_instance;

  GtkAssistant    *assistant;
  ProvAutosave    *autosave;
  ProvScanListener *scan_listener;
  ProvPageContext  context;
  GPtrArray       *pages;        /* ProvAssistantPage */
  GPtrArray       *overlays;     /* AdwToastOverlay around each page */
  GtkWidget       *another_button;
  GtkWidget       *back_button;
  GtkWidget       *place_button;
  gboolean         placing;
  guint            focus_source;
  /* Where the page put the focus, kept there until the clerk acts. */
  GtkWidget       *placed_focus;
  /* The first widget the page's focus_first focused. */
  GtkWidget       *first_placed;
  gboolean         guarding_focus;
  gboolean         placing_focus;
  guint            focus_restores;
};

G_DEFINE_FINAL_TYPE (ProvAssistant, prov_assistant, G_TYPE_OBJECT)

gboolean
prov_assistant_supports_kind (ProvOrderKind kind)
{
  return prov_flow_can_draft (prov_flows_lookup (kind));
}

static ProvAssistantPage *
page_at (ProvAssistant *self,
         int            index)
{
  return index >= 0 && (guint) index < self->pages->len ? g_ptr_array_index (self->pages, index) : NULL;
}

static int
find_page (ProvAssistant     *self,
           ProvAssistantPage *page)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (g_ptr_array_index (self->pages, i) == page)
      return (int) i;
  return -1;
}

/* The page's title in this flow. */
static const char *
page_title (ProvAssistant     *self,
            ProvAssistantPage *page)
{
  const char *title = prov_flow_get_page_title (self->context.flow, prov_assistant_page_get_id (page));

  return title != NULL ? title : prov_assistant_page_get_title (page);
}

static void
show_toast (ProvAssistant *self,
            const char    *message)
{
  int current = gtk_assistant_get_current_page (self->assistant);

  if (current >= 0 && (guint) current < self->overlays->len)
    adw_toast_overlay_add_toast (g_ptr_array_index (self->overlays, current), adw_toast_new (message));
}

static void
update_complete (ProvAssistant     *self,
                 ProvAssistantPage *page)
{
  int index = find_page (self, page);

  gboolean complete = prov_assistant_page_get_complete (page);

  gtk_assistant_set_page_complete (self->assistant, g_ptr_array_index (self->overlays, index), complete);
  /* The last page's own button, which GtkAssistant does not manage. */
  if (index == (int) self->pages->len - 1 && self->place_button != NULL)
    gtk_widget_set_sensitive (self->place_button, complete);
}

static void
on_page_changed (ProvAssistant     *self,
                 ProvAssistantPage *page)
{
  update_complete (self, page);
}

static void
on_page_go_to (ProvAssistant     *self,
               const char        *id,
               ProvAssistantPage *page)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (g_str_equal (prov_assistant_page_get_id (g_ptr_array_index (self->pages, i)), id))
      gtk_assistant_set_current_page (self->assistant, (int) i);
}

static void
on_page_next (ProvAssistant     *self,
              ProvAssistantPage *page)
{
  if (prov_assistant_page_get_complete (page) &&
      find_page (self, page) == gtk_assistant_get_current_page (self->assistant) &&
      gtk_assistant_get_current_page (self->assistant) < (int) self->pages->len - 1)
    gtk_assistant_next_page (self->assistant);
}

/* Forward goes to the next page the choices made so far still need. */
static int
next_page (int      current,
           gpointer user_data)
{
  ProvAssistant *self = user_data;
  int next = current + 1;

  while (page_at (self, next) != NULL &&
         prov_assistant_page_should_skip (page_at (self, next), &self->context))
    next++;

  return page_at (self, next) != NULL ? next : -1;
}

/* From the moment a page puts the focus on its first field until the
 * clerk presses a key or a pointer button, any other move of the focus is
 * undone: GtkAssistant moves it on its own after "prepare" (to Next on a
 * complete page), and a busy till delivers that move late. Page code may
 * move it too (a list that arrives later); the page's focus_first then
 * says where it belongs. The count keeps two movers from ping-ponging. */
#define MAX_FOCUS_RESTORES 8

/* Entering a page's list of rows from outside, GTK may move the focus
 * on by one within the same call (First Name, then Prefix, seen under
 * load): the first widget the page focused is where it meant to be. */
static void
place_focus (ProvAssistant     *self,
             ProvAssistantPage *page)
{
  GtkWidget *focus;

  g_clear_weak_pointer (&self->first_placed);
  self->placing_focus = TRUE;
  prov_assistant_page_focus_first (page);
  focus = gtk_window_get_focus (GTK_WINDOW (self->assistant));
  if (self->first_placed != NULL && focus != self->first_placed &&
      gtk_widget_is_ancestor (self->first_placed, GTK_WIDGET (page)))
    gtk_widget_grab_focus (self->first_placed);
  self->placing_focus = FALSE;
  g_clear_weak_pointer (&self->first_placed);
  g_set_weak_pointer (&self->placed_focus, gtk_window_get_focus (GTK_WINDOW (self->assistant)));
}

static gboolean
restore_page_focus (gpointer user_data)
{
  ProvAssistant *self = user_data;
  ProvAssistantPage *page = page_at (self, gtk_assistant_get_current_page (self->assistant));

  self->focus_source = 0;
  if (page == NULL || !self->guarding_focus)
    return G_SOURCE_REMOVE;

  self->focus_restores++;
  place_focus (self, page);
  return G_SOURCE_REMOVE;
}

static void
on_focus_moved_unasked (ProvAssistant *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self->assistant));

  if (self->placing_focus)
    {
      if (self->first_placed == NULL && focus != NULL)
        g_set_weak_pointer (&self->first_placed, focus);
      return;
    }

  if (!self->guarding_focus || self->focus_source != 0 || self->focus_restores >= MAX_FOCUS_RESTORES ||
      focus == self->placed_focus)
    return;

  self->focus_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, restore_page_focus, self, NULL);
}

static gboolean
focus_current_page (gpointer user_data)
{
  ProvAssistant *self = user_data;
  ProvAssistantPage *page = page_at (self, gtk_assistant_get_current_page (self->assistant));

  self->focus_source = 0;
  if (page == NULL)
    return G_SOURCE_REMOVE;

  place_focus (self, page);
  self->guarding_focus = TRUE;
  self->focus_restores = 0;
  /* Only now is the page ready for the keyboard. */
  g_debug ("Assistant page %s shown", prov_assistant_page_get_id (page));
  return G_SOURCE_REMOVE;
}

/* The clerk's own moves, by key or pointer, are theirs to keep. */
static gboolean
on_key_pressed (ProvAssistant *self)
{
  self->guarding_focus = FALSE;
  return GDK_EVENT_PROPAGATE;
}

static void
on_pointer_pressed (ProvAssistant *self)
{
  self->guarding_focus = FALSE;
}

static void
on_prepare (ProvAssistant *self,
            GtkWidget     *overlay)
{
  int index = gtk_assistant_get_current_page (self->assistant);
  ProvAssistantPage *page = page_at (self, index);

  if (page == NULL)
    return;

  prov_assistant_page_load (page, &self->context);
  /* A page may name itself after what it loaded (flow 5's request). Only
   * then is the title set again: setting it lays the header and sidebar
   * out anew, which on a busy till moved the focus the page had just put
   * (test-ui-flows, one run in three under stress-ng). */
  {
    g_autofree char *shown = NULL;

    g_object_get (gtk_assistant_get_page (self->assistant, overlay), "title", &shown, NULL);
    if (g_strcmp0 (shown, page_title (self, page)) != 0)
      gtk_assistant_set_page_title (self->assistant, overlay, page_title (self, page));
  }
  update_complete (self, page);
  /* The Confirm page has its own buttons: Place Order says what it does. */
  gtk_widget_set_visible (self->back_button, index == (int) self->pages->len - 1);
  gtk_widget_set_visible (self->place_button, index == (int) self->pages->len - 1);
  if (self->another_button != NULL)
    gtk_widget_set_visible (self->another_button, index == (int) self->pages->len - 1);
  prov_order_set_current_page (self->context.order, prov_assistant_page_get_id (page));
  /* After GtkAssistant's own focus move, which follows "prepare" and would
   * put a complete page's focus on Next instead of its first field. */
  g_clear_handle_id (&self->focus_source, g_source_remove);
  self->guarding_focus = FALSE;
  self->focus_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, focus_current_page, self, NULL);
}

static void
on_scanned (ProvAssistant  *self,
            const ProvScan *scan)
{
  ProvAssistantPage *page = page_at (self, gtk_assistant_get_current_page (self->assistant));
  g_autofree char *message = NULL;
  const ProvId *first;

  if (page == NULL || prov_assistant_page_take_scan (page, scan))
    return;

  first = scan->ids->len > 0 ? g_ptr_array_index (scan->ids, 0) : NULL;
  if (first != NULL)
    /* Translators: e.g. "Scanned IMEI 356938035643809: no field on this page takes it" */
    message = g_strdup_printf (_("Scanned %s %s: no field on this page takes it"),
                               prov_id_kind_get_title (first->kind), first->normalized ? first->normalized : first->input);
  else
    message = g_strdup_printf (_("Scanned “%s”: not a SIM or device number"), scan->data);

  show_toast (self, message);
}

static void
on_autosave_failed (ProvAssistant *self,
                    const GError  *error)
{
  g_autofree char *message = g_strdup_printf (_("Not saved: %s. What you typed stays here; it is saved as soon as it can be."),
                                              error->message);
  show_toast (self, message);
}

/* ---- placing the order -------------------------------------------------- */

typedef struct {
  ProvAssistant *self;
  gboolean       another;
  gboolean       stay;      /* the flow goes on after placing */
} Placing;

static void
placing_free (Placing *placing)
{
  placing->self->placing = FALSE;
  g_object_unref (placing->self);
  g_free (placing);
}

static void
start_another (ProvAssistant *self)
{
  g_autoptr(ProvOrder) next = prov_order_new_another (self->context.order);
  ProvAssistant *another;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self->assistant));

  /* As the portal does: back to its step, for the same customer, with
   * what the clerk chose before. */
  prov_order_set_current_page (next, self->context.flow->another_starts_at);

  another = prov_assistant_new (self->context.store, self->context.scheduler, next);
  prov_assistant_present (another, parent);
  g_object_unref (another);
}

static void
finish_placing (Placing *placing)
{
  ProvAssistant *self = placing->self;

  g_debug ("Order %s placed as %s", prov_order_get_uuid (self->context.order),
           prov_order_state_to_id (prov_order_get_state (self->context.order)));
  prov_sync_scheduler_sync_now (self->context.scheduler);
  /* The reseller portal goes on to its Notifications; what was created
   * is not changed from here. */
  if (placing->stay)
    {
      /* Placed, the order is the sender's: its state moves on, and saving
       * it as a draft again would only be refused. */
      g_signal_handlers_disconnect_by_data (self->autosave, self);
      g_clear_object (&self->autosave);
      gtk_widget_set_sensitive (GTK_WIDGET (self->assistant), TRUE);
      prov_assistant_page_load (page_at (self, gtk_assistant_get_current_page (self->assistant)), &self->context);
      update_complete (self, page_at (self, gtk_assistant_get_current_page (self->assistant)));
      gtk_assistant_next_page (self->assistant);
      gtk_assistant_commit (self->assistant);
      placing_free (placing);
      return;
    }
  if (placing->another)
    start_another (self);
  /* What comes next happens in the order's window: its inventory. */
  if (prov_order_get_state (self->context.order) == PROV_ORDER_STATE_AWAITING_INVENTORY)
    g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "show-order",
                                    g_variant_new_string (prov_order_get_uuid (self->context.order)));
  gtk_window_destroy (GTK_WINDOW (self->assistant));
  placing_free (placing);
}

/* Nothing is lost: the draft stays saved, the clerk can try again. */
static void
placing_failed (Placing      *placing,
                const GError *error)
{
  g_autofree char *message = g_strdup_printf (_("The order could not be placed: %s"), error->message);

  gtk_widget_set_sensitive (GTK_WIDGET (placing->self->assistant), TRUE);
  show_toast (placing->self, message);
  placing_free (placing);
}

static void
on_placed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Placing *placing = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_place_order_finish (PROV_STORE (source), result, &error))
    placing_failed (placing, error);
  else
    finish_placing (placing);
}

static void
on_flushed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Placing *placing = user_data;
  ProvAssistant *self = placing->self;
  g_autoptr(GError) error = NULL;

  if (!prov_autosave_flush_finish (PROV_AUTOSAVE (source), result, &error))
    {
      placing_failed (placing, error);
      return;
    }

  /* The store decides where the order goes (queued, awaiting its SIM, an
   * approval, …) and records it, in one step; the carrier profile of this
   * moment says which requests need no approval. */
  if (PROV_IS_APPLICATION (g_application_get_default ()))
    {
      GSettings *profile = prov_application_get_carrier_profile (PROV_APPLICATION (g_application_get_default ()));
      g_auto(GStrv) without_approval = profile != NULL ? g_settings_get_strv (profile, "requests-without-approval") : NULL;

      prov_line_request_apply_policy (self->context.order, (const char * const *) without_approval);
    }
  prov_store_place_order_async (self->context.store, self->context.order,
                                prov_sync_scheduler_get_catalog (self->context.scheduler),
                                prov_current_staff_name (), NULL, on_placed, placing);
}

/* Every page before @until must be complete, not only the ones visited
 * this time: a resumed draft may have skipped over one. */
static gboolean
check_all_complete (ProvAssistant *self,
                    guint          until)
{
  for (guint i = 0; i < until; i++)
    {
      ProvAssistantPage *page = g_ptr_array_index (self->pages, i);

      if (prov_assistant_page_should_skip (page, &self->context))
        continue;

      prov_assistant_page_load (page, &self->context);
      if (!prov_assistant_page_get_complete (page))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not complete yet"), page_title (self, page));

          gtk_assistant_set_current_page (self->assistant, (int) i);
          show_toast (self, message);
          return FALSE;
        }
    }

  return TRUE;
}

static void
place_order (ProvAssistant *self,
             gboolean       another,
             gboolean       stay)
{
  Placing *placing;
  int current = gtk_assistant_get_current_page (self->assistant);

  if (self->placing || self->autosave == NULL)
    return;

  /* Placed from within the flow, the pages up to this one make the order. */
  if (!check_all_complete (self, stay ? (guint) current : self->pages->len))
    return;

  self->placing = TRUE;
  placing = g_new0 (Placing, 1);
  placing->self = g_object_ref (self);
  placing->another = another;
  placing->stay = stay;

  gtk_widget_set_sensitive (GTK_WIDGET (self->assistant), FALSE);
  prov_autosave_flush_async (self->autosave, NULL, on_flushed, placing);
}

static void
on_place_requested (ProvAssistant     *self,
                    ProvAssistantPage *page)
{
  place_order (self, FALSE, TRUE);
}

/* The reseller portal's Finish: where the clerk asked to go next. */
static void
finish (ProvAssistant *self)
{
  const char *after = prov_order_get_field (self->context.order, PROV_ORDER_FIELD_NOTIFY_AFTER);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self->assistant));
  GApplication *application = g_application_get_default ();

  if (g_strcmp0 (after, "again") == 0)
    {
      g_autoptr(ProvOrder) next = prov_order_new_another (self->context.order);
      ProvAssistant *another;

      prov_order_set_current_page (next, self->context.flow->another_starts_at);
      /* A customer this order creates is the next one's too, once the
       * carrier has them (see prov_sync_ensure_customer_async). */
      if (prov_order_get_field (next, PROV_ORDER_FIELD_CUSTOMER_ID) == NULL)
        prov_order_set_field (next, PROV_ORDER_FIELD_FOLLOWS_ORDER, prov_order_get_uuid (self->context.order));
      another = prov_assistant_new (self->context.store, self->context.scheduler, next);
      prov_assistant_present (another, parent);
      g_object_unref (another);
    }
  else if (g_strcmp0 (after, "customer") == 0 && parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.search-for", "s",
                                prov_order_get_field (self->context.order, PROV_ORDER_FIELD_CUSTOMER_NAME));
  else
    g_action_group_activate_action (G_ACTION_GROUP (application), "show-order",
                                    g_variant_new_string (prov_order_get_uuid (self->context.order)));

  g_debug ("Order %s finished, going to %s", prov_order_get_uuid (self->context.order), after != NULL ? after : "service");
  gtk_window_destroy (GTK_WINDOW (self->assistant));
}

static void
on_place_clicked (ProvAssistant *self)
{
  if (self->context.flow->end == PROV_FLOW_END_FINISHES)
    finish (self);
  else
    place_order (self, FALSE, FALSE);
}

static void
on_back_clicked (ProvAssistant *self)
{
  gtk_assistant_previous_page (self->assistant);
}

static void
on_another_clicked (ProvAssistant *self)
{
  place_order (self, TRUE, FALSE);
}

static void
on_cancel (ProvAssistant *self)
{
  /* Nothing to confirm: the draft is saved and stays in the list. */
  gtk_window_destroy (GTK_WINDOW (self->assistant));
}



static gboolean
show_help (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  ProvAssistant *self = g_object_get_data (G_OBJECT (widget), "prov-assistant");
  ProvAssistantPage *page = page_at (self, gtk_assistant_get_current_page (self->assistant));
  g_autofree char *uri = NULL;

  uri = prov_flow_dup_help_uri (self->context.flow, page != NULL ? prov_assistant_page_get_id (page) : NULL);
  gtk_show_uri (GTK_WINDOW (self->assistant), uri, GDK_CURRENT_TIME);
  return TRUE;
}

/* ---- building ----------------------------------------------------------- */

static void
add_page (ProvAssistant *self,
          const char    *id,
          gboolean       last)
{
  /* Every flow's pages exist: prov_flows_check ran at start. */
  ProvAssistantPage *page = g_object_new (prov_flows_find_page_type (id), NULL);
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  gtk_assistant_append_page (self->assistant, overlay);
  gtk_assistant_set_page_title (self->assistant, overlay, page_title (self, page));
  gtk_assistant_set_page_type (self->assistant, overlay, last ? GTK_ASSISTANT_PAGE_CUSTOM : GTK_ASSISTANT_PAGE_CONTENT);
  /* A page the flow leaves out for this order (flow 5's number page for
   * a suspension) is not listed in the sidebar either. */
  gtk_widget_set_visible (overlay, !prov_flow_skips_page (self->context.flow, id, self->context.order));

  /* Pages keep a pointer to the context, which lives in the controller:
   * the controller stays until the last page is gone. */
  g_object_set_data_full (G_OBJECT (page), "prov-assistant", g_object_ref (self), g_object_unref);
  g_signal_connect_object (page, "changed", G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "next", G_CALLBACK (on_page_next), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "go-to", G_CALLBACK (on_page_go_to), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "place", G_CALLBACK (on_place_requested), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->pages, page);
  g_ptr_array_add (self->overlays, overlay);
}

static void
on_destroy (GtkWidget     *window,
            ProvAssistant *self)
{
  self->guarding_focus = FALSE;
  g_clear_handle_id (&self->focus_source, g_source_remove);
  /* The pages go with the window: one waiting for an answer (the
   * carrier's list of the customer's extensions) must not write to an
   * order that has been placed meanwhile. Their dispose cancels it. */
  for (guint i = 0; i < self->pages->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->pages, i), self);
  g_ptr_array_set_size (self->pages, 0);
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  g_signal_handlers_disconnect_by_data (self->scan_listener, self);
  g_object_unref (self);
}

ProvAssistant *
prov_assistant_new (ProvStore         *store,
                    ProvSyncScheduler *scheduler,
                    ProvOrder         *order)
{
  const ProvFlow *flow = prov_flows_lookup (prov_order_get_kind (order));
  ProvAssistant *self;
  GtkWidget *another = NULL;
  GtkWidget *confirm_buttons;
  g_autoptr(GtkEventController) shortcuts = NULL;

  g_return_val_if_fail (prov_flow_can_draft (flow), NULL);

  self = g_object_new (PROV_TYPE_ASSISTANT, NULL);
  self->context.flow = flow;
  self->context.order = g_object_ref (order);
  self->context.store = g_object_ref (store);
  self->context.scheduler = g_object_ref (scheduler);
  self->autosave = prov_autosave_new (store, order);
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (on_autosave_failed), self, G_CONNECT_SWAPPED);

  self->assistant = GTK_ASSISTANT (g_object_new (GTK_TYPE_ASSISTANT, "use-header-bar", TRUE, NULL));
  gtk_window_set_title (GTK_WINDOW (self->assistant), prov_order_kind_get_title (prov_order_get_kind (order)));
  gtk_window_set_default_size (GTK_WINDOW (self->assistant), 760, 680);
  gtk_window_set_modal (GTK_WINDOW (self->assistant), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->assistant), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  prov_order_kind_get_title (prov_order_get_kind (order)), -1);
  g_object_set_data (G_OBJECT (self->assistant), "prov-assistant", self);

  for (guint i = 0; flow->pages[i].id != NULL; i++)
    add_page (self, flow->pages[i].id, flow->pages[i + 1].id == NULL);

  /* One box for Confirm's own buttons: GtkAssistant gives every button it
   * is handed the width of the widest, which made the window grow. */
  confirm_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->back_button = gtk_button_new_with_mnemonic (_("_Back"));
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (on_back_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (confirm_buttons), self->back_button);

  if (flow->another_label != NULL)
    {
      another = gtk_button_new_with_mnemonic (_(flow->another_label));
      gtk_widget_set_tooltip_text (another, _(flow->another_tooltip));
      g_signal_connect_object (another, "clicked", G_CALLBACK (on_another_clicked), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (confirm_buttons), another);
      self->another_button = another;
    }

  /* Place Order comes last, where Next was. */
  self->place_button = gtk_button_new_with_mnemonic (_(flow->place_label));
  gtk_widget_add_css_class (self->place_button, "suggested-action");
  g_signal_connect_object (self->place_button, "clicked", G_CALLBACK (on_place_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (confirm_buttons), self->place_button);
  gtk_assistant_add_action_widget (self->assistant, confirm_buttons);

  gtk_assistant_set_forward_page_func (self->assistant, next_page, self, NULL);
  g_signal_connect_object (self->assistant, "prepare", G_CALLBACK (on_prepare), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assistant, "cancel", G_CALLBACK (on_cancel), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assistant, "close", G_CALLBACK (on_cancel), self, G_CONNECT_SWAPPED);
  prov_focus_log_attach (GTK_WINDOW (self->assistant));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->assistant), keys);
  }
  {
    GtkGesture *clicks = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (clicks), 0);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (clicks), GTK_PHASE_CAPTURE);
    g_signal_connect_object (clicks, "pressed", G_CALLBACK (on_pointer_pressed), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->assistant), GTK_EVENT_CONTROLLER (clicks));
  }
  g_signal_connect_object (self->assistant, "notify::focus-widget", G_CALLBACK (on_focus_moved_unasked), self,
                           G_CONNECT_SWAPPED);
  /* The window holds the controller: it lives as long as the flow is open. */
  g_signal_connect (self->assistant, "destroy", G_CALLBACK (on_destroy), g_object_ref (self));

  self->scan_listener = prov_scan_listener_new (GTK_WIDGET (self->assistant));
  g_signal_connect_object (self->scan_listener, "scanned", G_CALLBACK (on_scanned), self, G_CONNECT_SWAPPED);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F1, 0),
                                                          gtk_callback_action_new (show_help, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->assistant), g_steal_pointer (&shortcuts));

  return self;
}

/* Opens the flow, on the page the draft was left on. */
void
prov_assistant_present (ProvAssistant *self,
                        GtkWindow     *parent)
{
  /* A request sent back with a question opens on its question: its
   * first page, not where it was placed from. */
  const char *resume = prov_order_get_state (self->context.order) == PROV_ORDER_STATE_INFO_REQUESTED
                       ? NULL : prov_order_get_current_page (self->context.order);

  g_return_if_fail (PROV_IS_ASSISTANT (self));

  gtk_window_set_transient_for (GTK_WINDOW (self->assistant), parent);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self->assistant), gtk_window_get_application (parent));

  for (guint i = 0; resume != NULL && i < self->pages->len; i++)
    if (g_str_equal (prov_assistant_page_get_id (g_ptr_array_index (self->pages, i)), resume))
      {
        gtk_assistant_set_current_page (self->assistant, (int) i);
        break;
      }

  gtk_window_present (GTK_WINDOW (self->assistant));
  g_debug ("Assistant for order %s opened on page %s", prov_order_get_uuid (self->context.order),
           prov_assistant_page_get_id (page_at (self, gtk_assistant_get_current_page (self->assistant))));
}

GtkWindow *
prov_assistant_get_window (ProvAssistant *self)
{
  g_return_val_if_fail (PROV_IS_ASSISTANT (self), NULL);
  return GTK_WINDOW (self->assistant);
}

static void
prov_assistant_finalize (GObject *object)
{
  ProvAssistant *self = PROV_ASSISTANT (object);

  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_weak_pointer (&self->placed_focus);
  g_clear_weak_pointer (&self->first_placed);
  g_clear_object (&self->scan_listener);
  g_clear_object (&self->autosave);
  g_clear_object (&self->context.order);
  g_clear_object (&self->context.store);
  g_clear_object (&self->context.scheduler);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->overlays, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_assistant_parent_class)->finalize (object);
}

static void
prov_assistant_class_init (ProvAssistantClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prov_assistant_finalize;
}

static void
prov_assistant_init (ProvAssistant *self)
{
  self->pages = g_ptr_array_new ();
  self->overlays = g_ptr_array_new ();
}
