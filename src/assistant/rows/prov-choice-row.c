#include <glib/gi18n.h>

#include "prov-choice-row.h"

/*
 * A combo row bound to an order field: the field keeps the choice's id,
 * the "name-field" what the clerk read (the overview and the printout show
 * names, not ids). An order without a choice yet takes the first one, so
 * what the page shows is what the order holds.
 */

struct _ProvChoiceRow
{
  AdwComboRow      parent_instance;

  char            *field;
  char            *name_field;
  GPtrArray       *ids;
  ProvPageContext *context;
  gboolean         filling;
};

G_DEFINE_FINAL_TYPE (ProvChoiceRow, prov_choice_row, ADW_TYPE_COMBO_ROW)

enum { PROP_0, PROP_FIELD, PROP_NAME_FIELD, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { FIELD_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const ProvChoice countries[] = {
  { "NL", N_("Netherlands") },
  { "BE", N_("Belgium") },
  { "DE", N_("Germany") },
  { "GB", N_("United Kingdom") },
  { "US", N_("United States") },
  { "CA", N_("Canada") },
};

const ProvChoice *
prov_choice_get_countries (guint *n_choices)
{
  *n_choices = G_N_ELEMENTS (countries);
  return countries;
}

const char *
prov_choice_row_get_selected_id (ProvChoiceRow *self)
{
  guint selected;

  g_return_val_if_fail (PROV_IS_CHOICE_ROW (self), NULL);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  return selected < self->ids->len ? g_ptr_array_index (self->ids, selected) : NULL;
}

static void
store_choice (ProvChoiceRow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (self));

  if (self->field != NULL)
    prov_page_set_field (self->context, self->field, prov_choice_row_get_selected_id (self));
  if (self->name_field != NULL)
    prov_page_set_field (self->context, self->name_field,
                         selected < self->ids->len ? gtk_string_list_get_string (GTK_STRING_LIST (labels), selected)
                                                   : NULL);
}

static void
on_selected (ProvChoiceRow *self)
{
  if (self->filling || self->context == NULL)
    return;

  store_choice (self);
  g_signal_emit (self, signals[FIELD_CHANGED], 0);
}

void
prov_choice_row_select (ProvChoiceRow *self,
                        const char    *id)
{
  g_return_if_fail (PROV_IS_CHOICE_ROW (self));

  for (guint i = 0; i < self->ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->ids, i), id) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (self), i);
        return;
      }
}

void
prov_choice_row_set_dynamic (ProvChoiceRow      *self,
                             const char * const *ids,
                             const char * const *labels)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *kept = g_strdup (prov_choice_row_get_selected_id (self));

  g_return_if_fail (PROV_IS_CHOICE_ROW (self));

  g_ptr_array_set_size (self->ids, 0);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_ptr_array_add (self->ids, g_strdup (ids[i]));
      gtk_string_list_append (names, labels[i]);
    }

  self->filling = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (names));
  prov_choice_row_select (self, kept);
  self->filling = FALSE;
}

void
prov_choice_row_set_choices (ProvChoiceRow    *self,
                             const ProvChoice *choices,
                             guint             n_choices)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < n_choices; i++)
    {
      g_ptr_array_add (ids, (gpointer) choices[i].id);
      g_ptr_array_add (labels, (gpointer) _(choices[i].label));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);

  prov_choice_row_set_dynamic (self, (const char * const *) ids->pdata, (const char * const *) labels->pdata);
}

void
prov_choice_row_set_offerings (ProvChoiceRow *self,
                               ProvCatalog   *catalog,
                               const char    *role)
{
  g_autoptr(GListModel) offerings = catalog != NULL ? prov_catalog_list (catalog, role, NULL, NULL, NULL) : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; offerings != NULL && i < g_list_model_get_n_items (offerings); i++)
    {
      g_autoptr(ProvOffering) offering = g_list_model_get_item (offerings, i);

      /* The catalog holds them. */
      g_ptr_array_add (ids, (gpointer) prov_offering_get_id (offering));
      g_ptr_array_add (names, (gpointer) prov_offering_get_name (offering));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (names, NULL);

  prov_choice_row_set_dynamic (self, (const char * const *) ids->pdata, (const char * const *) names->pdata);
}

void
prov_choice_row_load (ProvChoiceRow   *self,
                      ProvPageContext *context)
{
  const char *value;

  g_return_if_fail (PROV_IS_CHOICE_ROW (self));
  g_return_if_fail (context != NULL);

  self->context = context;
  value = self->field != NULL ? prov_order_get_field (context->order, self->field) : NULL;

  self->filling = TRUE;
  if (value != NULL)
    prov_choice_row_select (self, value);
  else if (self->ids->len > 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self), 0);
  self->filling = FALSE;

  /* An id the choices no longer have (the catalog changed) is not kept. */
  if (self->field != NULL && g_strcmp0 (value, prov_choice_row_get_selected_id (self)) != 0)
    store_choice (self);
}

static void
prov_choice_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ProvChoiceRow *self = PROV_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_NAME_FIELD:
      g_value_set_string (value, self->name_field);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_choice_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ProvChoiceRow *self = PROV_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      break;
    case PROP_NAME_FIELD:
      g_free (self->name_field);
      self->name_field = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_choice_row_finalize (GObject *object)
{
  ProvChoiceRow *self = PROV_CHOICE_ROW (object);

  g_free (self->field);
  g_free (self->name_field);
  g_ptr_array_unref (self->ids);

  G_OBJECT_CLASS (prov_choice_row_parent_class)->finalize (object);
}

static void
prov_choice_row_class_init (ProvChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = prov_choice_row_get_property;
  object_class->set_property = prov_choice_row_set_property;
  object_class->finalize = prov_choice_row_finalize;

  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_FIELD] = g_param_spec_string ("name-field", NULL, NULL, NULL,
                                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FIELD_CHANGED] = g_signal_new ("field-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
prov_choice_row_init (ProvChoiceRow *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected), NULL);
}
