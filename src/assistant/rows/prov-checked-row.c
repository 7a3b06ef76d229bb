#include <glib/gi18n.h>

#include "prov-checked-row.h"
#include "prov-ids.h"
#include "prov-order-rules.h"
#include "prov-typed-date.h"

/*
 * Pages of a new customer ask a dozen plain fields each; this row carries
 * what every one of them does: write the order field as it is typed
 * (identifiers and dates in the form the carrier wants, once they are
 * valid), and show the rule's message beside the field. An empty field is
 * pointed out only once something was typed in it, or when revealed.
 */

struct _ProvCheckedRow
{
  AdwEntryRow      parent_instance;

  char            *field;
  char            *rule;
  ProvPageContext *context;
  gboolean         filling;
  gboolean         revealed;

  GtkLabel        *problem_label;
};

G_DEFINE_FINAL_TYPE (ProvCheckedRow, prov_checked_row, ADW_TYPE_ENTRY_ROW)

enum { PROP_0, PROP_FIELD, PROP_RULE, PROP_SECRET, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { FIELD_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
text_of (ProvCheckedRow *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self));
}

static gboolean
rule_is (ProvCheckedRow *self,
         const char     *rule)
{
  return g_strcmp0 (self->rule, rule) == 0;
}

char *
prov_checked_row_dup_problem (ProvCheckedRow *self)
{
  const char *text = text_of (self);
  g_autoptr(GDateTime) today = NULL;

  g_return_val_if_fail (PROV_IS_CHECKED_ROW (self), NULL);

  if (self->rule == NULL || rule_is (self, "optional"))
    return NULL;
  if (rule_is (self, "required"))
    return prov_rule_check_required (text);
  if (rule_is (self, "email"))
    return prov_rule_check_email (text);
  if (rule_is (self, "phone"))
    return prov_rule_check_identifier (PROV_ID_KIND_E164, text);
  if (rule_is (self, "optional-emails"))
    {
      g_auto(GStrv) addresses = g_strsplit_set (text, ",; ", -1);

      for (guint i = 0; addresses[i] != NULL; i++)
        if (*addresses[i] != '\0')
          {
            char *problem = prov_rule_check_email (addresses[i]);

            if (problem != NULL)
              return problem;
          }
      return NULL;
    }
  if (rule_is (self, "optional-phone"))
    return *text != '\0' ? prov_rule_check_identifier (PROV_ID_KIND_E164, text) : NULL;
  if (rule_is (self, "iban"))
    return prov_rule_check_identifier (PROV_ID_KIND_IBAN, text);
  if (rule_is (self, "imei"))
    return prov_rule_check_identifier (PROV_ID_KIND_IMEI, text);
  if (rule_is (self, "iccid"))
    return prov_rule_check_identifier (PROV_ID_KIND_ICCID, text);
  if (rule_is (self, "account-pin"))
    return prov_rule_check_account_pin (text);

  today = g_date_time_new_now_local ();
  if (rule_is (self, "birth-date"))
    return prov_rule_check_birth_date (text, today);
  if (rule_is (self, "start-date"))
    return prov_rule_check_start_date (text, today);
  if (rule_is (self, "past-date"))
    return prov_rule_check_past_date (text, today);

  g_critical ("ProvCheckedRow: no rule “%s”", self->rule);
  return NULL;
}

gboolean
prov_checked_row_is_valid (ProvCheckedRow *self)
{
  g_autofree char *problem = prov_checked_row_dup_problem (self);

  return problem == NULL;
}

static void
show_problem (ProvCheckedRow *self)
{
  g_autofree char *problem = prov_checked_row_dup_problem (self);
  gboolean shown = self->revealed || *text_of (self) != '\0';

  prov_page_show_problem (GTK_WIDGET (self), self->problem_label, shown ? problem : NULL);
}

void
prov_checked_row_reveal (ProvCheckedRow *self)
{
  g_return_if_fail (PROV_IS_CHECKED_ROW (self));

  self->revealed = TRUE;
  show_problem (self);
}

/* What the order keeps: an identifier in its normalized form and a date
 * as ISO 8601 once they are valid, anything else as typed. */
static char *
dup_stored_value (ProvCheckedRow *self)
{
  const char *text = text_of (self);
  GDate date;

  if (!prov_checked_row_is_valid (self))
    return g_strdup (text);

  if ((rule_is (self, "phone") || rule_is (self, "optional-phone") || rule_is (self, "iban") ||
       rule_is (self, "imei") || rule_is (self, "iccid")) && *text != '\0')
    {
      g_autoptr(ProvId) id = prov_id_parse (rule_is (self, "iban") ? PROV_ID_KIND_IBAN
                                            : rule_is (self, "imei") ? PROV_ID_KIND_IMEI
                                            : rule_is (self, "iccid") ? PROV_ID_KIND_ICCID
                                                                      : PROV_ID_KIND_E164, text);

      return g_strdup (id->normalized);
    }

  if ((rule_is (self, "birth-date") || rule_is (self, "start-date") || rule_is (self, "past-date")) &&
      prov_typed_date_parse (text, prov_date_order_of_locale (), &date))
    return prov_typed_date_dup_iso (&date);

  return g_strdup (text);
}

/* Writes what the row shows to its field again, e.g. once it is shown
 * after being left out. */
void
prov_checked_row_store (ProvCheckedRow *self)
{
  g_autofree char *value = NULL;

  g_return_if_fail (PROV_IS_CHECKED_ROW (self));

  value = dup_stored_value (self);
  if (self->field != NULL && self->context != NULL)
    prov_page_set_field (self->context, self->field, value);
}

static void
on_changed (ProvCheckedRow *self)
{
  if (self->filling || self->context == NULL)
    return;

  prov_checked_row_store (self);
  show_problem (self);
  g_signal_emit (self, signals[FIELD_CHANGED], 0);
}

void
prov_checked_row_load (ProvCheckedRow  *self,
                       ProvPageContext *context)
{
  const char *value;

  g_return_if_fail (PROV_IS_CHECKED_ROW (self));
  g_return_if_fail (context != NULL);

  self->context = context;
  value = self->field != NULL ? prov_order_get_field (context->order, self->field) : NULL;

  /* What was typed stays as typed (a date in the clerk's own form) while
   * it says what the order holds. */
  self->filling = TRUE;
  {
    g_autofree char *typed = dup_stored_value (self);

    if (g_strcmp0 (*typed != '\0' ? typed : NULL, value) != 0)
      gtk_editable_set_text (GTK_EDITABLE (self), value != NULL ? value : "");
  }
  self->filling = FALSE;

  show_problem (self);
}

static void
prov_checked_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ProvCheckedRow *self = PROV_CHECKED_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;
    case PROP_SECRET:
      g_value_set_boolean (value, !gtk_text_get_visibility (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self)))));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_checked_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ProvCheckedRow *self = PROV_CHECKED_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      break;
    case PROP_RULE:
      g_free (self->rule);
      self->rule = g_value_dup_string (value);
      break;
    case PROP_SECRET:
      /* Typed while the customer watches, and the next one in the queue. */
      gtk_text_set_visibility (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self))), !g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_checked_row_finalize (GObject *object)
{
  ProvCheckedRow *self = PROV_CHECKED_ROW (object);

  g_free (self->field);
  g_free (self->rule);

  G_OBJECT_CLASS (prov_checked_row_parent_class)->finalize (object);
}

static void
prov_checked_row_class_init (ProvCheckedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = prov_checked_row_get_property;
  object_class->set_property = prov_checked_row_set_property;
  object_class->finalize = prov_checked_row_finalize;

  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* required, optional, email, optional-emails (a list), phone (E.164),
   * optional-phone, iban, birth-date,
   * start-date or account-pin */
  properties[PROP_RULE] = g_param_spec_string ("rule", NULL, NULL, "required",
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECRET] = g_param_spec_boolean ("secret", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FIELD_CHANGED] = g_signal_new ("field-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/assistant/rows/prov-checked-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvCheckedRow, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
prov_checked_row_init (ProvCheckedRow *self)
{
  self->rule = g_strdup ("required");
  gtk_widget_init_template (GTK_WIDGET (self));
}
