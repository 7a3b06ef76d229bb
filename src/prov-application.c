#include <glib/gi18n.h>
#include <glib-unix.h>

#include "prov-carrier-profile.h"
#include "prov-carrier-token.h"
#include "prov-carrier-url.h"
#include "prov-authorise.h"
#include "prov-flows.h"
#include "prov-session.h"
#include "prov-new-order-menu.h"
#include "prov-preferences-window.h"
#include "prov-stock-window.h"
#include "prov-window.h"

#include "prov-application-private.h"

G_DEFINE_FINAL_TYPE (ProvApplication, prov_application, ADW_TYPE_APPLICATION)

ProvApplication *
prov_application_new (void)
{
  return g_object_new (PROV_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/com/example/Provisioner",
                       /* For the screensaver: the till locks when it starts. */
                       "register-session", TRUE,
                       NULL);
}

GSettings *
prov_application_get_settings (ProvApplication *self)
{
  g_return_val_if_fail (PROV_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The carrier profile the till orders from now. */
GSettings *
prov_application_get_carrier_profile (ProvApplication *self)
{
  g_return_val_if_fail (PROV_IS_APPLICATION (self), NULL);

  return self->profile_settings;
}

/* Who does what the till does now, for its timeline and confirmations:
 * the staff member signed in, or the computer's user where no till runs
 * (a test driving one window). */
const char *
prov_current_staff_name (void)
{
  GApplication *application = g_application_get_default ();
  const char *name = NULL;

  if (PROV_IS_APPLICATION (application) && PROV_APPLICATION (application)->session != NULL)
    name = prov_session_get_name (PROV_APPLICATION (application)->session);

  return name != NULL ? name : g_get_user_name ();
}

ProvSession *
prov_application_get_session (ProvApplication *self)
{
  g_return_val_if_fail (PROV_IS_APPLICATION (self), NULL);
  return self->session;
}

ProvStore *
prov_application_get_store (ProvApplication *self)
{
  g_return_val_if_fail (PROV_IS_APPLICATION (self), NULL);

  return self->store;
}

ProvSyncScheduler *
prov_application_get_scheduler (ProvApplication *self)
{
  g_return_val_if_fail (PROV_IS_APPLICATION (self), NULL);

  return self->scheduler;
}

/* ---- the carrier profile ------------------------------------------------ */

typedef struct {
  ProvApplication *self;
  char            *profile_id;
  char            *base_url;
  char            *dealer_code;
} CarrierSetup;

static void
carrier_setup_free (CarrierSetup *setup)
{
  g_object_unref (setup->self);
  g_free (setup->profile_id);
  g_free (setup->base_url);
  g_free (setup->dealer_code);
  g_free (setup);
}

static void
on_token_looked_up (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CarrierSetup *setup = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = prov_carrier_token_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      carrier_setup_free (setup);
      return;
    }

  /* Without a keyring the sandbox still works; a real carrier will refuse
   * and the sync indicator says why. */
  if (error != NULL)
    g_warning ("The carrier's access token could not be read: %s", error->message);

  prov_sync_scheduler_set_carrier (setup->self->scheduler, setup->profile_id, setup->base_url,
                                   token, setup->dealer_code);
  carrier_setup_free (setup);
}

static void configure_carrier (ProvApplication *self);

/* Points the sync loop at the active carrier profile, again whenever the
 * profile or its settings change. */
static void
configure_carrier (ProvApplication *self)
{
  g_autofree char *profile_id = g_settings_get_string (self->settings, "carrier-profile");
  g_autofree char *url = NULL;
  g_autofree char *base_url = NULL;
  CarrierSetup *setup;

  if (self->profile_settings != NULL)
    g_signal_handlers_disconnect_by_func (self->profile_settings, configure_carrier, self);
  g_clear_object (&self->profile_settings);
  self->profile_settings = prov_carrier_profile_settings_new (profile_id);
  g_signal_connect_swapped (self->profile_settings, "changed", G_CALLBACK (configure_carrier), self);

  if (self->token_lookup != NULL)
    g_cancellable_cancel (self->token_lookup);
  g_clear_object (&self->token_lookup);

  url = g_settings_get_string (self->profile_settings, "base-url");
  base_url = prov_carrier_url_normalize (url, NULL);
  if (base_url == NULL)
    {
      prov_sync_scheduler_set_carrier (self->scheduler, NULL, NULL, NULL, NULL);
      return;
    }

  setup = g_new0 (CarrierSetup, 1);
  setup->self = g_object_ref (self);
  setup->profile_id = g_steal_pointer (&profile_id);
  setup->base_url = g_steal_pointer (&base_url);
  setup->dealer_code = g_settings_get_string (self->profile_settings, "dealer-code");
  self->token_lookup = g_cancellable_new ();
  prov_carrier_token_lookup_async (setup->profile_id, self->token_lookup, on_token_looked_up, setup);
}

/* ---- notifications ------------------------------------------------------ */

static void
on_scheduler_order_changed (ProvSyncScheduler *scheduler,
                            ProvOrder         *order,
                            ProvApplication   *self)
{
  ProvOrderState state = prov_order_get_state (order);
  const char *customer = prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME);
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;

  if (customer == NULL)
    customer = prov_order_kind_get_title (prov_order_get_kind (order));

  switch (state)
    {
    case PROV_ORDER_STATE_COMPLETED:
      notification = g_notification_new (_("Order Completed"));
      /* Translators: %s is the customer's name */
      body = g_strdup_printf (_("The carrier completed the order for %s."), customer);
      break;

    case PROV_ORDER_STATE_NEEDS_ATTENTION:
    case PROV_ORDER_STATE_PENDING:
      notification = g_notification_new (_("Order Needs Attention"));
      /* Translators: %s is the customer's name */
      body = g_strdup_printf (_("The carrier needs something more for the order for %s. Open it to see what."), customer);
      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      break;

    default:
      return;
    }

  g_notification_set_body (notification, body);
  g_debug ("Notification for order %s: %s", prov_order_get_uuid (order), body);
  g_notification_set_default_action_and_target (notification, "app.show-order", "s", prov_order_get_uuid (order));
  id = g_strconcat ("order-", prov_order_get_uuid (order), NULL);
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
on_store_problem_response (AdwMessageDialog *dialog,
                           const char       *response,
                           ProvApplication  *self)
{
  if (g_str_equal (response, "quit"))
    g_application_quit (G_APPLICATION (self));
}

static void
show_store_problem (ProvApplication *self,
                    GtkWindow       *parent)
{
  AdwMessageDialog *dialog;

  if (self->store_error != NULL)
    {
      if (PROV_IS_WINDOW (parent))
        prov_window_show_store_failed (PROV_WINDOW (parent), self->store_error);

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Orders Cannot Be Opened"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("%s\n\nProvisioner cannot save orders until this is solved. Nothing was changed or deleted."),
                                      self->store_error->message);
      adw_message_dialog_add_responses (dialog, "close", _("_Close"), "quit", _("_Quit"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "quit", ADW_RESPONSE_DESTRUCTIVE);
    }
  else if (self->store_moved_aside != NULL)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Order Database Was Damaged"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("Provisioner could not read its order database. The damaged file was kept as “%s” and a new, empty database was started, so you can keep working. Ask your support desk to recover the orders in the damaged file."),
                                      self->store_moved_aside);
      adw_message_dialog_add_response (dialog, "close", _("_OK"));
      g_clear_pointer (&self->store_moved_aside, g_free);
    }
  else
    return;

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_store_problem_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_store_opened (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ProvApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (!prov_store_open_finish (PROV_STORE (source), result, &self->store_moved_aside, &error))
    {
      g_warning ("Could not open the order database: %s", error->message);
      self->store_error = g_steal_pointer (&error);
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    show_store_problem (self, window);
}

/* A till being shut down sends SIGTERM: leave through the normal path so
 * that everything pending is written before the process ends. */
static gboolean
on_termination_signal (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static void
prov_application_activate (GApplication *application)
{
  ProvApplication *self = PROV_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (prov_window_new (GTK_APPLICATION (self), self->store, self->scheduler, self->session,
                                            prov_new_order_menu_get_model (self->new_order_menu)));
      gtk_window_present (window);
      show_store_problem (self, window);
    }
  else
    gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
open_preferences (const char *who,
                  const char *authorised_by,
                  gpointer    user_data)
{
  ProvApplication *self = PROV_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ProvPreferencesWindow *preferences = prov_preferences_window_new (self->settings, self->store);

  g_debug ("Preferences opened by %s%s%s", who, authorised_by != NULL ? ", allowed by " : "",
           authorised_by != NULL ? authorised_by : "");
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  /* The application's: the till hides it when it locks. */
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The carrier profiles, the store profile and its staff are a manager's. */
static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ProvApplication *self = PROV_APPLICATION (user_data);
  g_autofree char *request = g_strdup_printf (_("%s asks to change the carrier profiles, the store profile and "
                                                "its staff. Only a manager may allow it."),
                                              prov_session_get_name (self->session));

  prov_authorise (self->session, self->store, gtk_application_get_active_window (GTK_APPLICATION (self)), request,
                  open_preferences, g_object_ref (self), g_object_unref);
}

static void
stock_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ProvApplication *self = PROV_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ProvStockWindow *stock = prov_stock_window_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (stock), parent);
  gtk_window_set_application (GTK_WINDOW (stock), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (stock));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ProvApplication *self = PROV_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Provisioner developers", NULL };

  adw_show_about_window (parent,
                         "application-icon", APP_ID,
                         "application-name", _("Provisioner"),
                         "developer-name", _("The Provisioner developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Activate SIMs and draft carrier orders at the counter, online or offline"),
                         "developers", developers,
                         /* Translators: your name and e-mail, one per line */
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
help_shown (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GtkWindow *window = GTK_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (window, result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The help could not be opened: %s"), error->message);

      if (PROV_IS_WINDOW (window))
        prov_window_show_toast (PROV_WINDOW (window), message);
      else
        g_warning ("%s", message);
    }
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ProvApplication *self = PROV_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_uri_full (parent, "help:" APP_ID, GDK_CURRENT_TIME, NULL, help_shown, NULL);
}

static void
sync_now_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ProvApplication *self = PROV_APPLICATION (user_data);

  prov_sync_scheduler_sync_now (self->scheduler);
}

static void
sign_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  prov_session_lock (PROV_APPLICATION (user_data)->session, "sign-out");
}

static const GActionEntry app_actions[] = {
  { "sign-out", sign_out_activated },
  { "sync-now", sync_now_activated },
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "stock", stock_activated },
  { "about", about_activated },
  { "help", help_activated },
};

/* What only someone signed in may do. */
static const char * const signed_in_actions[] = {
  "new-order", "new-order-in-tier", "resume-order", "show-order", "preferences", "stock", "sign-out", NULL
};

/* What the sign-in does not show while the till is locked: every window
 * but the main one, and the main one's own messages (a damaged database
 * said at start, before anyone signs in). */
static gboolean
shows_while_locked (GtkWindow *window)
{
  return PROV_IS_WINDOW (window) ||
         (ADW_IS_MESSAGE_DIALOG (window) && PROV_IS_WINDOW (gtk_window_get_transient_for (window)));
}

static void
hide_while_locked (ProvApplication *self,
                   GtkWindow       *window)
{
  if (shows_while_locked (window) || !gtk_widget_get_visible (GTK_WIDGET (window)))
    return;

  if (!g_ptr_array_find (self->hidden_windows, window, NULL))
    g_ptr_array_add (self->hidden_windows, g_object_ref (window));
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
}

/* A window that shows itself again while the till is locked (a reload
 * finishing, a dialog closing over it just after the lock) is hidden
 * again at once: the till shows nothing but the sign-in. */
static void
on_window_visible (GtkWindow       *window,
                   GParamSpec      *pspec,
                   ProvApplication *self)
{
  if (self->session != NULL && prov_session_get_staff (self->session) == NULL)
    hide_while_locked (self, window);
}

/* Locked, every window but the main one goes (its sign-in shows there):
 * drafts stay saved, and what they show stays hidden until someone signs
 * in, when they come back. */
static void
on_staff_changed (ProvApplication *self)
{
  gboolean signed_in = prov_session_get_staff (self->session) != NULL;

  for (guint i = 0; signed_in_actions[i] != NULL; i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), signed_in_actions[i])),
                                 signed_in);

  if (!signed_in)
    {
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        hide_while_locked (self, l->data);
      return;
    }

  for (guint i = 0; i < self->hidden_windows->len; i++)
    gtk_window_present (g_ptr_array_index (self->hidden_windows, i));
  g_ptr_array_set_size (self->hidden_windows, 0);
}

static gboolean
on_window_event (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 gpointer                  user_data)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_KEY_PRESS || type == GDK_BUTTON_PRESS || type == GDK_MOTION_NOTIFY || type == GDK_SCROLL ||
      type == GDK_TOUCH_BEGIN)
    prov_session_note_activity (PROV_APPLICATION (user_data)->session);
  return GDK_EVENT_PROPAGATE;
}

/* Any key or pointer in any of the till's windows keeps it from locking. */
static void
on_window_added (ProvApplication *self,
                 GtkWindow       *window)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_window_event), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  g_signal_connect_object (window, "notify::visible", G_CALLBACK (on_window_visible), self, 0);
}

static void
on_screensaver_changed (ProvApplication *self)
{
  gboolean active = FALSE;

  g_object_get (self, "screensaver-active", &active, NULL);
  if (active)
    prov_session_lock (self->session, "screensaver");
}

static void
prov_application_startup (GApplication *application)
{
  ProvApplication *self = PROV_APPLICATION (application);

  G_APPLICATION_CLASS (prov_application_parent_class)->startup (application);

  /* A flow that names a page nobody declares is a mistake of the build:
   * stop here, before a clerk drafts an order in it. */
  {
    g_autoptr(GError) error = NULL;

    if (!prov_flows_check (&error))
      g_error ("%s", error->message);
  }

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);

  {
    g_autofree char *path = prov_store_dup_default_path ();

    /* Queued first: every read the windows make waits for it. */
    self->store = prov_store_new (path);
    prov_store_open_async (self->store, NULL, on_store_opened, g_object_ref (self));
  }

  self->scheduler = prov_sync_scheduler_new (self->store, g_network_monitor_get_default ());
  g_signal_connect_object (self->scheduler, "order-changed", G_CALLBACK (on_scheduler_order_changed), self, 0);
  g_signal_connect_swapped (self->settings, "changed::carrier-profile", G_CALLBACK (configure_carrier), self);
  configure_carrier (self);
  self->new_order_menu = prov_new_order_menu_new (GTK_APPLICATION (self), self->scheduler);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  _prov_application_add_order_actions (self);

  /* Nobody is signed in at start. */
  self->session = prov_session_new (self->settings);
  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->session, "notify::staff", G_CALLBACK (on_staff_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "window-added", G_CALLBACK (on_window_added), NULL);
  g_signal_connect (self, "notify::screensaver-active", G_CALLBACK (on_screensaver_changed), NULL);
  on_staff_changed (self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.sign-out",
                                         (const char *[]) { "<primary>l", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<primary>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.stock",
                                         (const char *[]) { "<primary>i", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.sync-now",
                                         (const char *[]) { "F5", "<primary>r", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help",
                                         (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<primary>w", NULL });

  g_unix_signal_add (SIGTERM, on_termination_signal, self);
  g_unix_signal_add (SIGINT, on_termination_signal, self);
}

static void
on_store_closed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *closed = user_data;

  if (!prov_store_close_finish (PROV_STORE (source), result, &error))
    g_warning ("The order database could not be closed: %s", error->message);
  *closed = TRUE;
}

static void
prov_application_shutdown (GApplication *application)
{
  ProvApplication *self = PROV_APPLICATION (application);
  gboolean closed = FALSE;

  G_APPLICATION_CLASS (prov_application_parent_class)->shutdown (application);

  /* No more carrier work: an order in flight is asked about next time. */
  prov_sync_scheduler_set_carrier (self->scheduler, NULL, NULL, NULL, NULL);

  /* Queued behind every save still on its way, and waited for: the
   * process must not end with its last writes only in the WAL. */
  prov_store_close_async (self->store, NULL, on_store_closed, &closed);
  while (!closed)
    g_main_context_iteration (NULL, TRUE);
}

static void
prov_application_finalize (GObject *object)
{
  ProvApplication *self = PROV_APPLICATION (object);

  if (self->token_lookup != NULL)
    g_cancellable_cancel (self->token_lookup);
  g_clear_object (&self->token_lookup);
  g_clear_object (&self->last_order);
  g_clear_object (&self->new_order_menu);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->profile_settings);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->store_moved_aside, g_free);

  G_OBJECT_CLASS (prov_application_parent_class)->finalize (object);
}

static void
prov_application_class_init (ProvApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = prov_application_finalize;
  app_class->activate = prov_application_activate;
  app_class->startup = prov_application_startup;
  app_class->shutdown = prov_application_shutdown;
}

static void
prov_application_init (ProvApplication *self)
{
}
