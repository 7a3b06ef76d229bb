#include <glib/gi18n.h>

#include "prov-scan-entry.h"

/*
 * An entry for identifiers that says, as they are typed or scanned, what
 * they are and whether they are valid, in a line under the field. It
 * accepts the kinds in its "kinds" mask (1 << ProvIdKind; 0: any).
 */

struct _ProvScanEntry
{
  AdwBin     parent_instance;

  GtkEntry  *entry;
  GtkLabel  *status_label;

  guint32    kinds;
  ProvId    *id;
  char      *problem;   /* set from outside, e.g. "already used by order …" */
};

G_DEFINE_FINAL_TYPE (ProvScanEntry, prov_scan_entry, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_KINDS,
  PROP_TEXT,
  PROP_PLACEHOLDER_TEXT,
  PROP_LABEL,
  PROP_VALID,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static ProvIdKind
only_kind (guint32 kinds)
{
  for (int kind = 1; kind <= PROV_ID_KIND_LAST; kind++)
    if (kinds == (1u << kind))
      return kind;

  return PROV_ID_KIND_UNKNOWN;
}

/* "8931 4404 0000 0000 008": groups of four are how numbers are read aloud
 * and compared with the print on a SIM carrier. */
static char *
group_digits (const char *normalized)
{
  GString *grouped = g_string_new (NULL);

  if (normalized[0] == '+')
    return g_strdup (normalized);

  for (guint i = 0; normalized[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (grouped, ' ');
      g_string_append_c (grouped, normalized[i]);
    }

  return g_string_free (grouped, FALSE);
}

static ProvId *
validate (ProvScanEntry *self,
          const char    *text)
{
  ProvIdKind kind = only_kind (self->kinds);
  ProvId *id = kind != PROV_ID_KIND_UNKNOWN ? prov_id_parse (kind, text)
             : self->kinds != 0 ? prov_id_recognize_among (text, self->kinds)
             : prov_id_recognize (text);

  if (self->kinds != 0 && id->valid && !(self->kinds & (1u << id->kind)))
    {
      id->valid = FALSE;
      id->problem = PROV_ID_PROBLEM_UNRECOGNIZED;
      g_free (id->message);
      /* Translators: "This is an IMEI, which is not taken here" */
      id->message = g_strdup_printf (_("This is an %s, which is not taken here"), prov_id_kind_get_title (id->kind));
    }

  return id;
}

/* Digits still being typed are no error yet: the shortest number a field
 * takes (an ESN) has 8 characters, the ones typed by hand 14 or more. */
static gboolean
is_incomplete (const ProvId *id,
               const char   *text)
{
  guint characters = 0;

  if (id->problem != PROV_ID_PROBLEM_WRONG_LENGTH && id->problem != PROV_ID_PROBLEM_UNRECOGNIZED)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        characters++;
      else if (*p != ' ' && *p != '-')
        return FALSE;
    }

  return characters < 14;
}

static void
update_status (ProvScanEntry *self)
{
  GtkWidget *entry = GTK_WIDGET (self->entry);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  gboolean was_valid = prov_scan_entry_get_valid (self);
  g_autofree char *status = NULL;
  gboolean failed;

  g_clear_pointer (&self->id, prov_id_free);
  if (*text != '\0')
    self->id = validate (self, text);

  failed = self->problem != NULL || (self->id != NULL && !self->id->valid && !is_incomplete (self->id, text));
  if (self->problem != NULL)
    status = g_strdup (self->problem);
  else if (self->id == NULL)
    status = g_strdup ("");
  else if (!self->id->valid && !failed)
    status = g_strdup (_("Keep typing, or scan the barcode"));
  else if (self->id->valid)
    {
      g_autofree char *grouped = group_digits (self->id->normalized);
      /* Translators: "ICCID · 8931 4404 0000 0000 008" */
      status = g_strdup_printf (_("%s · %s"), prov_id_kind_get_title (self->id->kind), grouped);
    }
  else
    status = g_strdup (self->id->message);

  gtk_label_set_text (self->status_label, status);
  /* GTK 4.8 reads no description from the described-by relation. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), *status != '\0');

  if (failed)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_entry_set_icon_from_icon_name (self->entry, GTK_ENTRY_ICON_SECONDARY, "dialog-warning-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_entry_set_icon_from_icon_name (self->entry, GTK_ENTRY_ICON_SECONDARY,
                                         prov_scan_entry_get_valid (self) ? "emblem-ok-symbolic" : NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }

  if (was_valid != prov_scan_entry_get_valid (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
on_changed (ProvScanEntry *self)
{
  g_clear_pointer (&self->problem, g_free);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
on_activate (ProvScanEntry *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

GtkWidget *
prov_scan_entry_new (guint32 kinds)
{
  return g_object_new (PROV_TYPE_SCAN_ENTRY, "kinds", kinds, NULL);
}

const ProvId *
prov_scan_entry_get_id (ProvScanEntry *self)
{
  g_return_val_if_fail (PROV_IS_SCAN_ENTRY (self), NULL);

  return self->id;
}

gboolean
prov_scan_entry_get_valid (ProvScanEntry *self)
{
  g_return_val_if_fail (PROV_IS_SCAN_ENTRY (self), FALSE);

  return self->id != NULL && self->id->valid && self->problem == NULL;
}

const char *
prov_scan_entry_get_text (ProvScanEntry *self)
{
  g_return_val_if_fail (PROV_IS_SCAN_ENTRY (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
prov_scan_entry_set_text (ProvScanEntry *self,
                          const char    *text)
{
  g_return_if_fail (PROV_IS_SCAN_ENTRY (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

/* Puts the first identifier of @scan this entry takes into it; FALSE when
 * the scan holds none. */
gboolean
prov_scan_entry_take_scan (ProvScanEntry  *self,
                           const ProvScan *scan)
{
  ProvId *id;

  g_return_val_if_fail (PROV_IS_SCAN_ENTRY (self), FALSE);

  id = prov_scan_find_id (scan, self->kinds != 0 ? self->kinds : ~0u);
  if (id == NULL)
    return FALSE;

  prov_scan_entry_set_text (self, id->normalized != NULL ? id->normalized : id->input);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);

  return TRUE;
}

/* A problem only the caller knows of, shown until the text changes. */
void
prov_scan_entry_show_problem (ProvScanEntry *self,
                              const char    *message)
{
  g_return_if_fail (PROV_IS_SCAN_ENTRY (self));

  g_free (self->problem);
  self->problem = g_strdup (message);
  update_status (self);
}

static gboolean
prov_scan_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (PROV_SCAN_ENTRY (widget)->entry));
}

static void
prov_scan_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ProvScanEntry *self = PROV_SCAN_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KINDS:
      g_value_set_uint (value, self->kinds);
      break;
    case PROP_TEXT:
      g_value_set_string (value, prov_scan_entry_get_text (self));
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, gtk_entry_get_placeholder_text (self->entry));
      break;
    case PROP_VALID:
      g_value_set_boolean (value, prov_scan_entry_get_valid (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_scan_entry_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ProvScanEntry *self = PROV_SCAN_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KINDS:
      self->kinds = g_value_get_uint (value);
      update_status (self);
      break;
    case PROP_TEXT:
      prov_scan_entry_set_text (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER_TEXT:
      gtk_entry_set_placeholder_text (self->entry, g_value_get_string (value));
      break;
    case PROP_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_value_get_string (value), -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_scan_entry_finalize (GObject *object)
{
  ProvScanEntry *self = PROV_SCAN_ENTRY (object);

  g_clear_pointer (&self->id, prov_id_free);
  g_free (self->problem);

  G_OBJECT_CLASS (prov_scan_entry_parent_class)->finalize (object);
}

static void
prov_scan_entry_class_init (ProvScanEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = prov_scan_entry_get_property;
  object_class->set_property = prov_scan_entry_set_property;
  object_class->finalize = prov_scan_entry_finalize;
  widget_class->grab_focus = prov_scan_entry_grab_focus;

  properties[PROP_KINDS] =
    g_param_spec_uint ("kinds", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-scan-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvScanEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, ProvScanEntry, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
prov_scan_entry_init (ProvScanEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->status_label, NULL,
                                  -1);
}
