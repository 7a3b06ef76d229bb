#include <glib/gi18n.h>

#include "prov-application-private.h"
#include "prov-assistant.h"
#include "prov-flows.h"
#include "prov-order-window.h"
#include "prov-window.h"

/*
 * The application's orders: a new one in its flow's assistant (with the
 * current customer where the flow takes one), a draft resumed, a placed
 * one shown in its window.
 */

static void
show_order_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  ProvApplication *self = PROV_APPLICATION (user_data);
  GtkWindow *parent;
  ProvOrderWindow *window;

  g_application_activate (G_APPLICATION (self));
  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  window = prov_order_window_new (self->store, self->scheduler, g_variant_get_string (parameter, NULL));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  /* The application's: the till hides it when it locks. */
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

/* Opens @order, a draft, in its flow's assistant; the customer view
 * opens flow 5's requests so. */
void
prov_application_open_assistant (ProvApplication *self,
                                 ProvOrder       *order)
{
  g_autoptr(ProvAssistant) assistant = prov_assistant_new (self->store, self->scheduler, order);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_set_object (&self->last_order, order);
  prov_assistant_present (assistant, parent);
}

/* The customer is read when the new order starts, not when the last one
 * was opened: it may have been chosen since. */
static void
take_current_customer (ProvApplication *self,
                       ProvOrder       *order)
{
  static const char * const customer_fields[] = {
    PROV_ORDER_FIELD_CUSTOMER_ID, PROV_ORDER_FIELD_CUSTOMER_UUID, PROV_ORDER_FIELD_CUSTOMER_NAME, PROV_ORDER_FIELD_CUSTOMER_EMAIL, NULL
  };

  if (self->last_order == NULL || prov_order_get_customer_account (self->last_order) == NULL ||
      !prov_flows_lookup (prov_order_get_kind (order))->starts_with_current_customer)
    return;

  for (guint i = 0; customer_fields[i] != NULL; i++)
    prov_order_set_field (order, customer_fields[i], prov_order_get_field (self->last_order, customer_fields[i]));
}

static void
new_order_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ProvApplication *self = PROV_APPLICATION (user_data);
  g_autoptr(ProvOrder) order = NULL;
  ProvOrderKind kind;

  if (!prov_order_kind_from_id (g_variant_get_string (parameter, NULL), &kind) ||
      !prov_assistant_supports_kind (kind))
    {
      g_warning ("No order flow for “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  g_application_activate (G_APPLICATION (self));
  order = prov_order_new (kind, prov_current_staff_name ());
  take_current_customer (self, order);
  prov_application_open_assistant (self, order);
}

/* The portal's Ordering menu opens the mobile-user assistant with the
 * chosen tier (a voice product) already on its first page: the target
 * is the kind's id and the tier's offering id. */
static void
new_order_in_tier_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  ProvApplication *self = PROV_APPLICATION (user_data);
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (self->scheduler);
  const char *kind_id = NULL;
  const char *tier_id = NULL;
  ProvOffering *tier;
  g_autoptr(ProvOrder) order = NULL;
  ProvOrderKind kind;

  g_variant_get (parameter, "(&s&s)", &kind_id, &tier_id);
  if (!prov_order_kind_from_id (kind_id, &kind) || !prov_assistant_supports_kind (kind))
    {
      g_warning ("No order flow for “%s”", kind_id);
      return;
    }

  g_application_activate (G_APPLICATION (self));
  order = prov_order_new (kind, prov_current_staff_name ());
  take_current_customer (self, order);
  tier = catalog != NULL ? prov_catalog_lookup (catalog, tier_id) : NULL;
  if (tier != NULL && prov_offering_has_role (tier, PROV_OFFERING_ROLE_VOICE))
    {
      prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, prov_offering_get_id (tier));
      prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME, prov_offering_get_name (tier));
    }
  prov_application_open_assistant (self, order);
}

static void
on_draft_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ProvApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvOrder) order = prov_store_load_order_finish (PROV_STORE (source), result, &error);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (order == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The draft could not be opened: %s"), error->message);

      if (PROV_IS_WINDOW (window))
        prov_window_show_toast (PROV_WINDOW (window), message);
      return;
    }

  if (!prov_assistant_supports_kind (prov_order_get_kind (order)))
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "show-order",
                                      g_variant_new_string (prov_order_get_uuid (order)));
      return;
    }

  prov_application_open_assistant (self, order);
}

static void
resume_order_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  ProvApplication *self = PROV_APPLICATION (user_data);

  g_application_activate (G_APPLICATION (self));
  prov_store_load_order_async (self->store, g_variant_get_string (parameter, NULL), NULL,
                               on_draft_loaded, g_object_ref (self));
}

static const GActionEntry order_actions[] = {
  { "new-order", new_order_activated, "s" },
  { "new-order-in-tier", new_order_in_tier_activated, "(ss)" },
  { "resume-order", resume_order_activated, "s" },
  { "show-order", show_order_activated, "s" },
};

void
_prov_application_add_order_actions (ProvApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), order_actions, G_N_ELEMENTS (order_actions), self);
}
