#include <glib/gi18n.h>

#include "prov-flows.h"
#include "prov-new-order-menu.h"

/* Ctrl+1 to Ctrl+9 open the tiers in the catalog's order, as the portal's
 * menu lists them; a catalog with more tiers still lists them all. */
#define MAX_TIER_SHORTCUTS 9

struct _ProvNewOrderMenu
{
  GObject            parent_instance;

  GtkApplication    *application;
  ProvSyncScheduler *scheduler;
  GMenu             *menu;
  GMenu             *tiers;
  const ProvFlow    *tiers_flow;      /* the flow whose entry is one per tier */
  GPtrArray         *tier_actions;    /* detailed action names with a shortcut */
};

G_DEFINE_FINAL_TYPE (ProvNewOrderMenu, prov_new_order_menu, G_TYPE_OBJECT)

static void
forget_tier_shortcuts (ProvNewOrderMenu *self)
{
  for (guint i = 0; i < self->tier_actions->len; i++)
    gtk_application_set_accels_for_action (self->application, g_ptr_array_index (self->tier_actions, i),
                                           (const char *[]) { NULL });
  g_ptr_array_set_size (self->tier_actions, 0);
}

static void
give_shortcut (ProvNewOrderMenu *self,
               const char       *detailed_action)
{
  g_autofree char *accel = NULL;

  if (self->tier_actions->len >= MAX_TIER_SHORTCUTS)
    return;

  accel = g_strdup_printf ("<primary>%u", self->tier_actions->len + 1);
  gtk_application_set_accels_for_action (self->application, detailed_action, (const char *[]) { accel, NULL });
  g_ptr_array_add (self->tier_actions, g_strdup (detailed_action));
}

/* The detailed name of the action that starts an order of @flow's kind. */
static char *
dup_new_order_action (const ProvFlow *flow)
{
  g_autoptr(GVariant) kind = g_variant_ref_sink (g_variant_new_string (prov_order_kind_to_id (flow->kind)));

  return g_action_print_detailed_name ("app.new-order", kind);
}

static void
fill_tiers (ProvNewOrderMenu *self)
{
  ProvCatalog *catalog = prov_sync_scheduler_get_catalog (self->scheduler);
  g_autoptr(GListModel) voice = NULL;
  guint n_tiers;

  forget_tier_shortcuts (self);
  g_menu_remove_all (self->tiers);

  if (catalog != NULL)
    voice = prov_catalog_list (catalog, PROV_OFFERING_ROLE_VOICE, NULL, NULL, NULL);
  n_tiers = voice != NULL ? g_list_model_get_n_items (voice) : 0;

  /* Before the first catalog, such an order can still be drafted: the
   * tier is then chosen on its first page. */
  if (n_tiers == 0)
    {
      g_autofree char *detailed = dup_new_order_action (self->tiers_flow);

      g_menu_append (self->tiers, _(self->tiers_flow->menu_label), detailed);
      give_shortcut (self, detailed);
      return;
    }

  for (guint i = 0; i < n_tiers; i++)
    {
      g_autoptr(ProvOffering) tier = g_list_model_get_item (voice, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (prov_offering_get_name (tier), NULL);
      g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new ("(ss)", prov_order_kind_to_id (self->tiers_flow->kind),
                                                                      prov_offering_get_id (tier)));
      g_autofree char *detailed = g_action_print_detailed_name ("app.new-order-in-tier", target);

      g_menu_item_set_action_and_target_value (item, "app.new-order-in-tier", target);
      g_menu_append_item (self->tiers, item);
      give_shortcut (self, detailed);
    }
}

/* One section per flow in the menu, in the flows' order (prov-flows.c). */
ProvNewOrderMenu *
prov_new_order_menu_new (GtkApplication    *application,
                         ProvSyncScheduler *scheduler)
{
  ProvNewOrderMenu *self;
  const ProvFlow *flows;
  guint n_flows;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (scheduler), NULL);

  self = g_object_new (PROV_TYPE_NEW_ORDER_MENU, NULL);
  /* The application owns the menu: no reference back to it. */
  self->application = application;
  self->scheduler = g_object_ref (scheduler);

  flows = prov_flows_get_all (&n_flows);
  for (guint i = 0; i < n_flows; i++)
    {
      const ProvFlow *flow = &flows[i];
      g_autoptr(GMenu) section = NULL;
      g_autofree char *detailed = NULL;

      if (flow->menu_section == NULL || !prov_flow_can_draft (flow))
        continue;

      if (flow->menu_lists_tiers && self->tiers_flow == NULL)
        {
          self->tiers_flow = flow;
          g_menu_append_section (self->menu, _(flow->menu_section), G_MENU_MODEL (self->tiers));
          continue;
        }

      section = g_menu_new ();
      detailed = dup_new_order_action (flow);
      g_menu_append (section, _(flow->menu_label), detailed);
      g_menu_append_section (self->menu, _(flow->menu_section), G_MENU_MODEL (section));
      if (flow->menu_accel != NULL)
        gtk_application_set_accels_for_action (application, detailed, (const char *[]) { flow->menu_accel, NULL });
    }

  if (self->tiers_flow != NULL)
    {
      g_signal_connect_object (scheduler, "notify::catalog", G_CALLBACK (fill_tiers), self, G_CONNECT_SWAPPED);
      fill_tiers (self);
    }

  return self;
}

GMenuModel *
prov_new_order_menu_get_model (ProvNewOrderMenu *self)
{
  g_return_val_if_fail (PROV_IS_NEW_ORDER_MENU (self), NULL);

  return G_MENU_MODEL (self->menu);
}

static void
prov_new_order_menu_finalize (GObject *object)
{
  ProvNewOrderMenu *self = PROV_NEW_ORDER_MENU (object);

  g_clear_object (&self->scheduler);
  g_clear_object (&self->menu);
  g_clear_object (&self->tiers);
  g_clear_pointer (&self->tier_actions, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_new_order_menu_parent_class)->finalize (object);
}

static void
prov_new_order_menu_class_init (ProvNewOrderMenuClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prov_new_order_menu_finalize;
}

static void
prov_new_order_menu_init (ProvNewOrderMenu *self)
{
  self->menu = g_menu_new ();
  self->tiers = g_menu_new ();
  self->tier_actions = g_ptr_array_new_with_free_func (g_free);
}
