#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "prov-assistant-page.h"
#include "prov-checked-row.h"
#include "prov-choice-row.h"
#include "prov-notifications-page.h"
#include "prov-order-print.h"
#include "prov-tmf681.h"

/*
 * The reseller portal's last step: the log of the creation, e-mails to
 * the customer and to others (sent through the carrier, TMF681, from the
 * outbox: they go when the network allows, once each), and where to go
 * after Finish.
 */

static const ProvChoice afters[] = {
  { "service", N_("The new services") },
  { "customer", N_("The customer's orders") },
  { "again", N_("More services for this customer") },
};

struct _ProvNotificationsPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  GCancellable        *cancellable;
  GPtrArray           *log_rows;

  AdwPreferencesGroup *log_group;
  GtkCheckButton      *to_customer_check;
  AdwActionRow        *to_customer_row;
  ProvCheckedRow      *others_row;
  AdwEntryRow         *subject_row;
  GtkTextView         *body_view;
  GtkCheckButton      *attach_check;
  GtkButton           *send_button;
  GtkLabel            *sent_label;
  ProvChoiceRow       *after_row;
};

static void prov_notifications_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvNotificationsPage, prov_notifications_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_notifications_page_iface_init))

static void list_log (ProvNotificationsPage *self);

/* ---- the creation's log ---------------------------------------------------- */

static void
add_log_row (ProvNotificationsPage *self,
             const char            *title,
             const char            *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (self->log_group, row);
  g_ptr_array_add (self->log_rows, row);
}

static void
on_messages_listed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ProvNotificationsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = prov_store_list_messages_finish (PROV_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || messages == NULL)
    return;

  for (guint i = 0; i < messages->len; i++)
    {
      ProvQueuedMessage *message = g_ptr_array_index (messages, i);
      JsonObject *body = JSON_NODE_HOLDS_OBJECT (message->body) ? json_node_get_object (message->body) : NULL;
      JsonArray *receivers = body != NULL && json_object_has_member (body, "receiver")
                             ? json_object_get_array_member (body, "receiver") : NULL;
      JsonObject *receiver = receivers != NULL && json_array_get_length (receivers) > 0
                             ? json_array_get_object_element (receivers, 0) : NULL;
      /* Translators: an e-mail's receiver */
      g_autofree char *title = g_strdup_printf (_("E-mail to %s"), receiver != NULL
                                                ? json_object_get_string_member_with_default (receiver, "email", "?")
                                                : "?");
      const char *state = message->state == PROV_MESSAGE_SENT ? _("Sent by the carrier")
                          : message->state == PROV_MESSAGE_NEEDS_ATTENTION ||
                            message->state == PROV_MESSAGE_FAILED ? message->problem
                          : _("Queued: goes out as soon as the carrier can be reached");

      add_log_row (self, title, state);
      g_debug ("%s: %s", title, state);
    }
}

static void
on_events_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ProvNotificationsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = prov_store_list_events_finish (PROV_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  for (guint i = 0; i < self->log_rows->len; i++)
    adw_preferences_group_remove (self->log_group, g_ptr_array_index (self->log_rows, i));
  g_ptr_array_set_size (self->log_rows, 0);

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const ProvOrderEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (event->at / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format (at, "%X");
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s", when, event->who,
                                                   event->reason != NULL ? " · " : "",
                                                   event->reason != NULL ? event->reason : "");

      add_log_row (self, prov_order_state_get_title (event->to_state), subtitle);
    }

  prov_store_list_messages_async (self->context->store, prov_order_get_uuid (self->context->order), -1,
                                  self->cancellable, on_messages_listed, self);
}

static void
list_log (ProvNotificationsPage *self)
{
  prov_store_list_events_async (self->context->store, prov_order_get_uuid (self->context->order), self->cancellable,
                                on_events_listed, self);
}

/* ---- e-mails ---------------------------------------------------------------- */

static char *
dup_body (ProvNotificationsPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The confirmation as the customer would print it. */
static GBytes *
dup_confirmation_pdf (ProvNotificationsPage  *self,
                      GError                **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "provisioner", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "confirmation.pdf", NULL);
  if (!prov_order_print_to_pdf (self->context->order, prov_sync_scheduler_get_catalog (self->context->scheduler),
                                PROV_PAPER_PAGE, path, error) ||
      !g_file_get_contents (path, &contents, &length, error))
    return NULL;
  g_unlink (path);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
on_queued (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ProvNotificationsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!prov_store_queue_message_finish (PROV_STORE (source), result, &error))
    {
      gtk_label_set_label (self->sent_label, error->message);
      return;
    }

  if (self->context == NULL)
    return;
  prov_sync_scheduler_sync_now (self->context->scheduler);
  list_log (self);
}

static void
queue_email (ProvNotificationsPage *self,
             const char            *to,
             const char            *to_name,
             GBytes                *attachment)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *body_text = dup_body (self);
  const ProvEmail email = {
    .external_id = uuid,
    .to_email = to,
    .to_name = to_name,
    .from_email = "orders@provisioner.example",
    .from_name = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_RESELLER_NAME),
    .subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row)),
    .body = body_text,
    .attachment_name = attachment != NULL ? "confirmation.pdf" : NULL,
    .attachment = attachment,
  };
  g_autoptr(JsonNode) message = prov_tmf681_build_email (&email);

  g_debug ("E-mail %s to %s queued for order %s%s", uuid, to, prov_order_get_uuid (self->context->order),
           attachment != NULL ? ", confirmation attached" : "");
  prov_store_queue_message_async (self->context->store, uuid, prov_order_get_uuid (self->context->order), message,
                                  NULL, on_queued, g_object_ref (self));
}

static void
on_send (ProvNotificationsPage *self)
{
  g_autoptr(GBytes) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) others = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->others_row)), ",; ", -1);
  const char *customer_email = prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_EMAIL);
  guint queued = 0;
  g_autofree char *message = NULL;

  if (!prov_checked_row_is_valid (self->others_row))
    {
      prov_checked_row_reveal (self->others_row);
      return;
    }

  if (gtk_check_button_get_active (self->attach_check) && (attachment = dup_confirmation_pdf (self, &error)) == NULL)
    {
      gtk_label_set_label (self->sent_label, error->message);
      return;
    }

  if (gtk_check_button_get_active (self->to_customer_check) && customer_email != NULL)
    {
      queue_email (self, customer_email, prov_order_get_field (self->context->order, PROV_ORDER_FIELD_CUSTOMER_NAME),
                   attachment);
      queued++;
    }
  for (guint i = 0; others[i] != NULL; i++)
    if (*others[i] != '\0')
      {
        queue_email (self, others[i], NULL, attachment);
        queued++;
      }

  message = queued > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u e-mail queued: it goes out through the carrier as soon as it can",
                                                       "%u e-mails queued: they go out through the carrier as soon as it can",
                                                       queued), queued)
                       : g_strdup (_("Nobody to send to: tick the customer or give other addresses"));
  gtk_label_set_label (self->sent_label, message);
  gtk_editable_set_text (GTK_EDITABLE (self->others_row), "");
}

/* ---- the page ---------------------------------------------------------------- */

/* After each pass of the sender, the log says what became of the e-mails. */
static void
on_syncing_changed (ProvNotificationsPage *self)
{
  if (self->context != NULL && !prov_sync_scheduler_get_syncing (self->context->scheduler))
    list_log (self);
}

static void
prov_notifications_page_load (ProvAssistantPage *page,
                              ProvPageContext   *context)
{
  ProvNotificationsPage *self = PROV_NOTIFICATIONS_PAGE (page);
  const char *customer_email = prov_order_get_field (context->order, PROV_ORDER_FIELD_CUSTOMER_EMAIL);
  const char *name = prov_order_get_field (context->order, PROV_ORDER_FIELD_CUSTOMER_NAME);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

  if (self->context == NULL)
    g_signal_connect_object (context->scheduler, "notify::syncing", G_CALLBACK (on_syncing_changed), self,
                             G_CONNECT_SWAPPED);
  self->context = context;
  adw_action_row_set_subtitle (self->to_customer_row, customer_email != NULL ? customer_email
                                                      : _("The customer has no e-mail address"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_customer_row), customer_email != NULL);
  prov_checked_row_load (self->others_row, context);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->subject_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->subject_row), _("Your new services"));
  if (gtk_text_buffer_get_char_count (buffer) == 0)
    {
      /* Translators: the start of the e-mail to the customer; %s is their name */
      g_autofree char *text = g_strdup_printf (_("Dear %s,\n\nYour new services have been ordered. The confirmation "
                                                 "is attached.\n"), name != NULL ? name : _("customer"));

      gtk_text_buffer_set_text (buffer, text, -1);
    }
  prov_choice_row_load (self->after_row, context);
  list_log (self);
}

static gboolean
prov_notifications_page_get_complete (ProvAssistantPage *page)
{
  return TRUE;
}

static void
prov_notifications_page_focus_first (ProvAssistantPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (PROV_NOTIFICATIONS_PAGE (page)->to_customer_check));
}

static const char *
prov_notifications_page_get_title (ProvAssistantPage *page)
{
  return _("Notifications");
}

static void
prov_notifications_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "notifications";
  iface->get_title = prov_notifications_page_get_title;
  iface->load = prov_notifications_page_load;
  iface->get_complete = prov_notifications_page_get_complete;
  iface->focus_first = prov_notifications_page_focus_first;
}

static void
prov_notifications_page_dispose (GObject *object)
{
  ProvNotificationsPage *self = PROV_NOTIFICATIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->log_rows, g_ptr_array_unref);
  self->context = NULL;

  G_OBJECT_CLASS (prov_notifications_page_parent_class)->dispose (object);
}

static void
prov_notifications_page_class_init (ProvNotificationsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_notifications_page_dispose;

  g_type_ensure (PROV_TYPE_CHECKED_ROW);
  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-notifications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvNotificationsPage, log_group);
  gtk_widget_class_bind_template_child (widget_class, ProvNotificationsPage, to_customer_check);
  gtk_widget_class_bind_template_child (widget_class, ProvNotificationsPage, to_customer_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNotificationsPage, others_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNotificationsPage, subject_row);
  gtk_widget_class_bind_template_child (widget_class, ProvNotificationsPage, body_view);
  gtk_widget_class_bind_template_child (widget_class, ProvNotificationsPage, attach_check);
  gtk_widget_class_bind_template_child (widget_class, ProvNotificationsPage, send_button);
  gtk_widget_class_bind_template_child (widget_class, ProvNotificationsPage, sent_label);
  gtk_widget_class_bind_template_child (widget_class, ProvNotificationsPage, after_row);
  gtk_widget_class_bind_template_callback (widget_class, on_send);
}

static void
prov_notifications_page_init (ProvNotificationsPage *self)
{
  self->log_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  prov_choice_row_set_choices (self->after_row, afters, G_N_ELEMENTS (afters));
}
