#include <glib/gi18n.h>

#include "prov-scan-listener.h"
#include "prov-stock-window.h"
#include "widgets/prov-scan-entry.h"

struct _ProvStockWindow
{
  AdwWindow         parent_instance;

  AdwToastOverlay  *toast_overlay;
  ProvScanEntry    *scan_entry;
  GtkWidget        *added_group;
  GtkListBox       *added_list;

  ProvStore        *store;
  ProvScanListener *listener;
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (ProvStockWindow, prov_stock_window, ADW_TYPE_WINDOW)

ProvStockWindow *
prov_stock_window_new (ProvStore *store)
{
  ProvStockWindow *self = g_object_new (PROV_TYPE_STOCK_WINDOW, NULL);

  self->store = g_object_ref (store);

  return self;
}

static void
toast (ProvStockWindow *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_added (ProvStockWindow     *self,
            const ProvStockItem *item,
            gboolean             was_known)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf ("%s · %s%s%s", prov_id_kind_get_title (item->kind),
                              was_known ? _("Already in stock") : _("Added"),
                              item->model != NULL ? " · " : "", item->model != NULL ? item->model : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->identifier);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (item->kind == PROV_ID_KIND_ICCID ? "auth-sim-symbolic"
                                                                                             : "phone-symbolic"));
  gtk_list_box_prepend (self->added_list, row);
  gtk_widget_set_visible (self->added_group, TRUE);
}

typedef struct {
  ProvStockWindow *self;
  ProvStockItem   *item;
} AddRequest;

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autofree AddRequest *request = user_data;
  g_autoptr(ProvStockWindow) self = request->self;
  g_autoptr(ProvStockItem) item = request->item;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  if (!prov_store_add_stock_finish (PROV_STORE (source), result, &added, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        prov_scan_entry_show_problem (self->scan_entry, error->message);
      return;
    }

  show_added (self, item, added == 0);
  /* Ready for the next scan; what was added is listed below. */
  prov_scan_entry_set_text (self->scan_entry, "");
}

static void
add_entered (ProvStockWindow *self)
{
  const ProvId *id = prov_scan_entry_get_id (self->scan_entry);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_stock_item_free);
  AddRequest *request;

  if (!prov_scan_entry_get_valid (self->scan_entry))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
      return;
    }

  request = g_new0 (AddRequest, 1);
  request->self = g_object_ref (self);
  request->item = prov_stock_item_new (id->kind, id->normalized, NULL);
  g_ptr_array_add (items, prov_stock_item_copy (request->item));

  prov_store_add_stock_async (self->store, items, self->cancellable, on_added, request);
}

static void
on_scanned (ProvStockWindow *self,
            ProvScan        *scan)
{
  g_autofree char *message = NULL;

  if (prov_scan_entry_take_scan (self->scan_entry, scan))
    {
      add_entered (self);
      return;
    }

  /* Translators: a scan that is neither a SIM nor a device, e.g. "Scanned +31201234567: …" */
  message = g_strdup_printf (_("Scanned %s: not a SIM or device number"), scan->data);
  toast (self, message);
}

static void
show_import_result (ProvStockWindow *self,
                    guint            added,
                    guint            known,
                    GPtrArray       *problems)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u SIM or device was added to stock.",
                                             "%u SIMs and devices were added to stock.", added), added);
  if (known > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u was already in stock.",
                                                 "%u were already in stock.", known), known);
    }

  if (problems->len > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "This line could not be used:",
                                                 "These %u lines could not be used:", problems->len),
                              problems->len);
      for (guint i = 0; i < problems->len && i < 15; i++)
        g_string_append_printf (body, "\n%s", (const char *) g_ptr_array_index (problems, i));
      if (problems->len > 15)
        g_string_append_printf (body, "\n%s", _("…"));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       problems->len > 0 ? _("Stock Imported, With Problems")
                                                                         : _("Stock Imported"),
                                                       body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  ProvStockWindow *self;
  GPtrArray       *problems;
} ImportRequest;

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree ImportRequest *request = user_data;
  g_autoptr(ProvStockWindow) self = request->self;
  g_autoptr(GPtrArray) problems = request->problems;
  g_autoptr(GError) error = NULL;
  guint added = 0, known = 0;

  if (!prov_store_add_stock_finish (PROV_STORE (source), result, &added, &known, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  show_import_result (self, added, known, problems);
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ProvStockWindow) self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  ImportRequest *request;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  prov_stock_parse_csv (contents, length, &items, &problems);
  if (items->len == 0)
    {
      show_import_result (self, 0, 0, problems);
      return;
    }

  request = g_new0 (ImportRequest, 1);
  request->self = g_object_ref (self);
  request->problems = g_steal_pointer (&problems);
  prov_store_add_stock_async (self->store, items, self->cancellable, on_imported, request);
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  ProvStockWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_file_load_contents_async (file, self->cancellable, on_file_loaded, g_object_ref (self));
    }

  g_object_unref (chooser);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ProvStockWindow *self = PROV_STOCK_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Stock"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("Spreadsheet files (CSV)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);

  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
prov_stock_window_dispose (GObject *object)
{
  ProvStockWindow *self = PROV_STOCK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->listener);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (prov_stock_window_parent_class)->dispose (object);
}

static void
prov_stock_window_class_init (ProvStockWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prov_stock_window_dispose;

  g_type_ensure (PROV_TYPE_SCAN_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/prov-stock-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvStockWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ProvStockWindow, scan_entry);
  gtk_widget_class_bind_template_child (widget_class, ProvStockWindow, added_group);
  gtk_widget_class_bind_template_child (widget_class, ProvStockWindow, added_list);
  gtk_widget_class_bind_template_callback (widget_class, add_entered);

  gtk_widget_class_install_action (widget_class, "stock.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "stock.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prov_stock_window_init (ProvStockWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_object_set (self->scan_entry, "kinds", PROV_STOCK_KINDS, NULL);
  /* Ready to scan or type the moment it opens. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->scan_entry));

  self->listener = prov_scan_listener_new (GTK_WIDGET (self));
  g_signal_connect_object (self->listener, "scanned", G_CALLBACK (on_scanned), self, G_CONNECT_SWAPPED);
}
