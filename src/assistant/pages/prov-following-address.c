#include <glib/gi18n.h>

#include "prov-checked-row.h"
#include "prov-choice-row.h"
#include "prov-following-address.h"

/*
 * While its switch is on, the address is the service address: the rows
 * show it, insensitive, and the order keeps a copy (the carrier gets every
 * address it needs). Switched off, the clerk types another one.
 */

static const char * const parts[] = { "street", "postcode", "city", "country" };

struct _ProvFollowingAddress
{
  AdwPreferencesGroup  parent_instance;

  char                *prefix;
  ProvPageContext     *context;
  gboolean             filling;
  gboolean             used;

  GtkSwitch           *same_switch;
  ProvCheckedRow      *street_row;
  ProvCheckedRow      *postcode_row;
  ProvCheckedRow      *city_row;
  ProvChoiceRow       *country_row;
};

G_DEFINE_FINAL_TYPE (ProvFollowingAddress, prov_following_address, ADW_TYPE_PREFERENCES_GROUP)

enum { PROP_0, PROP_PREFIX, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
dup_key (ProvFollowingAddress *self,
         const char           *part)
{
  return g_strconcat (self->prefix, ".", part, NULL);
}

static gboolean
follows_service (ProvFollowingAddress *self)
{
  return gtk_switch_get_active (self->same_switch);
}

static void
load_rows (ProvFollowingAddress *self)
{
  prov_checked_row_load (self->street_row, self->context);
  prov_checked_row_load (self->postcode_row, self->context);
  prov_checked_row_load (self->city_row, self->context);
  prov_choice_row_load (self->country_row, self->context);
}

void
prov_following_address_follow (ProvFollowingAddress *self)
{
  gboolean same;

  g_return_if_fail (PROV_IS_FOLLOWING_ADDRESS (self));

  same = follows_service (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->street_row), !same);
  gtk_widget_set_sensitive (GTK_WIDGET (self->postcode_row), !same);
  gtk_widget_set_sensitive (GTK_WIDGET (self->city_row), !same);
  gtk_widget_set_sensitive (GTK_WIDGET (self->country_row), !same);
  if (!same || !self->used || self->context == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *service = g_strconcat ("service.", parts[i], NULL);
      g_autofree char *key = dup_key (self, parts[i]);

      prov_page_set_field (self->context, key, prov_order_get_field (self->context->order, service));
    }
  load_rows (self);
}

/* What a listing the customer does not want must not carry. */
void
prov_following_address_set_used (ProvFollowingAddress *self,
                                 gboolean              used)
{
  g_return_if_fail (PROV_IS_FOLLOWING_ADDRESS (self));

  self->used = used;
  gtk_widget_set_visible (GTK_WIDGET (self), used);
  if (self->context == NULL)
    return;

  if (!used)
    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        g_autofree char *key = dup_key (self, parts[i]);

        prov_page_set_field (self->context, key, NULL);
      }
  else if (follows_service (self))
    prov_following_address_follow (self);
  else
    {
      prov_checked_row_store (self->street_row);
      prov_checked_row_store (self->postcode_row);
      prov_checked_row_store (self->city_row);
      prov_choice_row_load (self->country_row, self->context);
    }
}

static void
on_field_changed (ProvFollowingAddress *self)
{
  if (self->filling)
    return;

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_same_toggled (ProvFollowingAddress *self)
{
  g_autofree char *key = NULL;

  if (self->filling || self->context == NULL)
    return;

  key = dup_key (self, "same-as-service");
  prov_page_set_field (self->context, key, follows_service (self) ? "true" : "false");
  prov_following_address_follow (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
prov_following_address_load (ProvFollowingAddress *self,
                             ProvPageContext      *context)
{
  g_autofree char *same_key = NULL;
  ProvCheckedRow *rows[] = { self->street_row, self->postcode_row, self->city_row };

  g_return_if_fail (PROV_IS_FOLLOWING_ADDRESS (self));

  self->context = context;
  same_key = dup_key (self, "same-as-service");

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *key = dup_key (self, parts[i]);

      g_object_set (rows[i], "field", key, NULL);
    }
  {
    g_autofree char *key = dup_key (self, "country");

    g_object_set (self->country_row, "field", key, NULL);
  }
  gtk_switch_set_active (self->same_switch, g_strcmp0 (prov_order_get_field (context->order, same_key), "false") != 0);
  if (self->used)
    load_rows (self);
  self->filling = FALSE;

  prov_following_address_follow (self);
}

gboolean
prov_following_address_get_complete (ProvFollowingAddress *self)
{
  g_return_val_if_fail (PROV_IS_FOLLOWING_ADDRESS (self), FALSE);

  return !self->used ||
         (prov_checked_row_is_valid (self->street_row) && prov_checked_row_is_valid (self->postcode_row) &&
          prov_checked_row_is_valid (self->city_row));
}

static void
prov_following_address_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ProvFollowingAddress *self = PROV_FOLLOWING_ADDRESS (object);

  switch (prop_id)
    {
    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_following_address_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ProvFollowingAddress *self = PROV_FOLLOWING_ADDRESS (object);

  switch (prop_id)
    {
    case PROP_PREFIX:
      g_free (self->prefix);
      self->prefix = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_following_address_finalize (GObject *object)
{
  g_free (PROV_FOLLOWING_ADDRESS (object)->prefix);

  G_OBJECT_CLASS (prov_following_address_parent_class)->finalize (object);
}

static void
prov_following_address_class_init (ProvFollowingAddressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = prov_following_address_get_property;
  object_class->set_property = prov_following_address_set_property;
  object_class->finalize = prov_following_address_finalize;

  /* "billing" or "listing": whose fields these are. */
  properties[PROP_PREFIX] = g_param_spec_string ("prefix", NULL, NULL, NULL,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  g_type_ensure (PROV_TYPE_CHECKED_ROW);
  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-following-address.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvFollowingAddress, same_switch);
  gtk_widget_class_bind_template_child (widget_class, ProvFollowingAddress, street_row);
  gtk_widget_class_bind_template_child (widget_class, ProvFollowingAddress, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, ProvFollowingAddress, city_row);
  gtk_widget_class_bind_template_child (widget_class, ProvFollowingAddress, country_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_same_toggled);
}

static void
prov_following_address_init (ProvFollowingAddress *self)
{
  const ProvChoice *countries;
  guint n_countries;

  self->used = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  countries = prov_choice_get_countries (&n_countries);
  prov_choice_row_set_choices (self->country_row, countries, n_countries);
}
