#include <glib/gi18n.h>

#include "prov-sync-indicator.h"

/* The header bar's view of the sync loop: online or offline, how many
 * orders wait, when the carrier was last reached, and Sync Now. */

struct _ProvSyncIndicator
{
  GtkWidget          parent_instance;

  ProvSyncScheduler *scheduler;

  GtkMenuButton     *button;
  GtkStack          *icon_stack;
  GtkImage          *icon;
  GtkSpinner        *spinner;
  GtkLabel          *summary;
  GtkLabel          *connection;
  GtkLabel          *details;
  GtkLabel          *problem;
};

G_DEFINE_FINAL_TYPE (ProvSyncIndicator, prov_sync_indicator, GTK_TYPE_WIDGET)

static char *
dup_last_sync_text (gint64 last_sync)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *clock = NULL;

  if (last_sync == 0)
    return g_strdup (_("Not synced since Provisioner started"));

  time = g_date_time_new_from_unix_local (last_sync / G_USEC_PER_SEC);
  clock = g_date_time_format (time, "%X");
  /* Translators: %s is a time of day */
  return g_strdup_printf (_("Last synced at %s"), clock);
}

static void
update (ProvSyncIndicator *self)
{
  gboolean online = prov_sync_scheduler_get_online (self->scheduler);
  gboolean syncing = prov_sync_scheduler_get_syncing (self->scheduler);
  guint queued = prov_sync_scheduler_get_queued (self->scheduler);
  const char *problem = prov_sync_scheduler_get_last_problem (self->scheduler);
  g_autofree char *last_sync = dup_last_sync_text (prov_sync_scheduler_get_last_sync (self->scheduler));
  g_autofree char *queued_text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;

  queued_text = queued == 0 ? g_strdup (_("No orders waiting"))
                            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order waiting", "%u orders waiting", queued), queued);

  if (!online)
    summary = queued == 0 ? g_strdup (_("Offline"))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Offline · %u waiting", "Offline · %u waiting", queued), queued);
  else if (syncing)
    summary = g_strdup (_("Syncing…"));
  else if (queued > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u waiting", "%u waiting", queued), queued);
  else
    summary = g_strdup (_("Online"));

  gtk_label_set_label (self->summary, summary);
  gtk_image_set_from_icon_name (self->icon, online ? "network-transmit-receive-symbolic" : "network-offline-symbolic");
  gtk_stack_set_visible_child_name (self->icon_stack, syncing ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->spinner, syncing);

  gtk_label_set_label (self->connection, online ? _("The carrier can be reached")
                                               : _("Offline: orders are kept and sent when the carrier can be reached"));
  details = g_strdup_printf ("%s\n%s", queued_text, last_sync);
  gtk_label_set_label (self->details, details);
  gtk_label_set_label (self->problem, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), problem != NULL);

  if (online)
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "warning");

  accessible = g_strdup_printf (_("Carrier connection: %s. %s. %s"), summary, queued_text, last_sync);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

void
prov_sync_indicator_set_scheduler (ProvSyncIndicator *self,
                                   ProvSyncScheduler *scheduler)
{
  g_return_if_fail (PROV_IS_SYNC_INDICATOR (self));
  g_return_if_fail (PROV_IS_SYNC_SCHEDULER (scheduler));

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_func (self->scheduler, update, self);
  g_set_object (&self->scheduler, scheduler);

  g_signal_connect_object (scheduler, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
prov_sync_indicator_dispose (GObject *object)
{
  ProvSyncIndicator *self = PROV_SYNC_INDICATOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PROV_TYPE_SYNC_INDICATOR);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (prov_sync_indicator_parent_class)->dispose (object);
}

static void
prov_sync_indicator_class_init (ProvSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_sync_indicator_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, ProvSyncIndicator, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, ProvSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, ProvSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, ProvSyncIndicator, summary);
  gtk_widget_class_bind_template_child (widget_class, ProvSyncIndicator, connection);
  gtk_widget_class_bind_template_child (widget_class, ProvSyncIndicator, details);
  gtk_widget_class_bind_template_child (widget_class, ProvSyncIndicator, problem);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
prov_sync_indicator_init (ProvSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
