#include "prov-scan-decoder.h"
#include "prov-scan-listener.h"

/*
 * Hears barcode scans anywhere in a window. Keys keep going where they go,
 * so typing is never delayed; when a burst turns out to be a scan, the text
 * it typed into the focused field is put back as it was, the suffix key is
 * swallowed (Enter must not press the default button), and "scanned" is
 * emitted with the decoded scan.
 */

/* How long after the last key a burst without suffix counts as ended:
 * generous, as the main loop may be late to deliver queued keys. */
#define IDLE_DELAY_MS 150

struct _ProvScanListener
{
  GObject          parent_instance;

  GtkWidget       *widget;          /* not owned: it owns us */
  ProvScanDecoder *decoder;
  GSettings       *settings;

  GtkEditable     *burst_target;
  char            *text_before_burst;
  int              position_before_burst;
  guint            idle_source;
  /* The last key's event time, and when we saw it, to tell event time
   * from the clock when keys stop coming. */
  gint64           last_event_us;
  gint64           last_event_seen_us;
};

G_DEFINE_FINAL_TYPE (ProvScanListener, prov_scan_listener, G_TYPE_OBJECT)

enum {
  SCANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gunichar
key_to_character (guint           keyval,
                  GdkModifierType state)
{
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      return '\n';
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
    case GDK_KEY_KP_Tab:
      return '\t';
    default:
      break;
    }

  /* Wedge scanners type GS1's FNC1 separator as Ctrl+]. */
  if ((state & GDK_CONTROL_MASK) && keyval == GDK_KEY_bracketright)
    return PROV_SCAN_GS;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return 0;

  return gdk_keyval_to_unicode (keyval);
}

static void
forget_burst (ProvScanListener *self)
{
  g_clear_weak_pointer (&self->burst_target);
  g_clear_pointer (&self->text_before_burst, g_free);
}

static void
remember_burst_target (ProvScanListener *self)
{
  GtkRoot *root = gtk_widget_get_root (self->widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  forget_burst (self);

  /* The focus is often the entry's inner text widget; its editable parent
   * holds the text. */
  while (focus != NULL && !GTK_IS_EDITABLE (focus))
    focus = gtk_widget_get_parent (focus);
  while (focus != NULL && GTK_IS_EDITABLE (gtk_widget_get_parent (focus)))
    focus = gtk_widget_get_parent (focus);

  if (focus == NULL)
    return;

  g_set_weak_pointer (&self->burst_target, GTK_EDITABLE (focus));
  self->text_before_burst = g_strdup (gtk_editable_get_text (self->burst_target));
  self->position_before_burst = gtk_editable_get_position (self->burst_target);
}

/* FALSE when the burst held no barcode: a fast typist, whose text stays
 * where it was typed. */
static gboolean
deliver_scan (ProvScanListener *self)
{
  g_autofree char *raw = prov_scan_decoder_take_scan (self->decoder);
  g_autoptr(ProvScan) scan = prov_scan_parse (raw);

  if (prov_scan_find_id (scan, ~(1u << PROV_ID_KIND_UNKNOWN)) == NULL && !scan->gs1)
    {
      g_debug ("Fast typing, not a scan: “%s” kept as typed", scan->data);
      forget_burst (self);
      return FALSE;
    }

  if (self->burst_target != NULL)
    {
      gtk_editable_set_text (self->burst_target, self->text_before_burst);
      gtk_editable_set_position (self->burst_target, self->position_before_burst);
    }
  forget_burst (self);

  g_debug ("Scanned %s in %s", scan->data, G_OBJECT_TYPE_NAME (self->widget));
  g_signal_emit (self, signals[SCANNED], 0, scan);
  return TRUE;
}

static gboolean
on_keys_stopped (gpointer user_data)
{
  ProvScanListener *self = user_data;

  self->idle_source = 0;
  if (prov_scan_decoder_check_idle (self->decoder,
                                    self->last_event_us + g_get_monotonic_time () - self->last_event_seen_us)
      == PROV_SCAN_FEED_SCAN)
    (void) deliver_scan (self);

  return G_SOURCE_REMOVE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ProvScanListener      *self)
{
  gunichar character = key_to_character (keyval, state);
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  gint64 time_us;
  ProvScanFeed feed;

  if (character == 0)
    return GDK_EVENT_PROPAGATE;

  /* When the key was pressed, not when we got to it: a busy main loop
   * must not make a scanner look like a person. */
  time_us = (gint64) gdk_event_get_time (event) * 1000;
  self->last_event_us = time_us;
  self->last_event_seen_us = g_get_monotonic_time ();
  g_debug ("Key %u at %" G_GINT64_FORMAT " ms", character, time_us / 1000);
  feed = prov_scan_decoder_feed (self->decoder, character, time_us);

  g_clear_handle_id (&self->idle_source, g_source_remove);

  switch (feed)
    {
    case PROV_SCAN_FEED_BURST_STARTED:
      remember_burst_target (self);
      G_GNUC_FALLTHROUGH;
    case PROV_SCAN_FEED_BURST_CONTINUED:
      self->idle_source = g_timeout_add (MAX (IDLE_DELAY_MS, 3 * prov_scan_decoder_get_max_gap_ms (self->decoder)),
                                         on_keys_stopped, self);
      return GDK_EVENT_PROPAGATE;

    case PROV_SCAN_FEED_SCAN:
      /* The terminator (Enter, Tab) of fast typing does its usual job. */
      return deliver_scan (self) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

    case PROV_SCAN_FEED_SWALLOW:
      return GDK_EVENT_STOP;

    case PROV_SCAN_FEED_KEY:
    default:
      forget_burst (self);
      return GDK_EVENT_PROPAGATE;
    }
}

static void
apply_settings (ProvScanListener *self)
{
  prov_scan_decoder_set_limits (self->decoder,
                                g_settings_get_uint (self->settings, "scanner-max-key-gap"),
                                g_settings_get_uint (self->settings, "scanner-min-length"));
}

ProvScanListener *
prov_scan_listener_new (GtkWidget *widget)
{
  ProvScanListener *self;
  GtkEventController *controller;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (PROV_TYPE_SCAN_LISTENER, NULL);
  self->widget = widget;
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (apply_settings), self, G_CONNECT_SWAPPED);
  apply_settings (self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (widget, controller);

  return self;
}

static void
prov_scan_listener_dispose (GObject *object)
{
  ProvScanListener *self = PROV_SCAN_LISTENER (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  forget_burst (self);
  g_clear_object (&self->decoder);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prov_scan_listener_parent_class)->dispose (object);
}

static void
prov_scan_listener_class_init (ProvScanListenerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = prov_scan_listener_dispose;

  signals[SCANNED] = g_signal_new ("scanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   PROV_TYPE_SCAN | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
prov_scan_listener_init (ProvScanListener *self)
{
  self->decoder = prov_scan_decoder_new ();
}
