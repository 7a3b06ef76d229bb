#include <glib/gi18n.h>

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

  /* Before the first catalog, a mobile user can still be drafted: the
   * tier is then chosen on the Subscription page. */
  if (n_tiers == 0)
    {
      g_menu_append (self->tiers, _("_Mobile User"), "app.new-order::mobile-user");
      give_shortcut (self, "app.new-order::mobile-user");
      return;
    }

  for (guint i = 0; i < n_tiers; i++)
    {
      g_autoptr(ProvOffering) tier = g_list_model_get_item (voice, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (prov_offering_get_name (tier), NULL);
      g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_string (prov_offering_get_id (tier)));
      g_autofree char *detailed = g_action_print_detailed_name ("app.new-mobile-user", target);

      g_menu_item_set_action_and_target_value (item, "app.new-mobile-user", target);
      g_menu_append_item (self->tiers, item);
      give_shortcut (self, detailed);
    }
}

ProvNewOrderMenu *
prov_new_order_menu_new (GtkApplication    *application,
                         ProvSyncScheduler *scheduler)
{
  ProvNewOrderMenu *self;
  g_autoptr(GMenu) extensions = g_menu_new ();
  g_autoptr(GMenu) wireless = g_menu_new ();
  g_autoptr(GMenu) resellers = g_menu_new ();

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PROV_IS_SYNC_SCHEDULER (scheduler), NULL);

  self = g_object_new (PROV_TYPE_NEW_ORDER_MENU, NULL);
  /* The application owns the menu: no reference back to it. */
  self->application = application;
  self->scheduler = g_object_ref (scheduler);

  g_menu_append_section (self->menu, _("Mobile User"), G_MENU_MODEL (self->tiers));
  g_menu_append (extensions, _("_User Extension"), "app.new-order::user-extension");
  g_menu_append_section (self->menu, _("Hosted PBX"), G_MENU_MODEL (extensions));
  gtk_application_set_accels_for_action (application, "app.new-order::user-extension",
                                         (const char *[]) { "<primary><shift>n", NULL });
  g_menu_append (wireless, _("New _Wireless Customer"), "app.new-order::new-wireless-customer");
  g_menu_append_section (self->menu, _("Wireless Dealer"), G_MENU_MODEL (wireless));
  g_menu_append (resellers, _("Add _Services"), "app.new-order::add-services");
  g_menu_append_section (self->menu, _("Reseller Billing"), G_MENU_MODEL (resellers));
  gtk_application_set_accels_for_action (application, "app.new-order::add-services",
                                         (const char *[]) { "<primary><shift>a", NULL });
  gtk_application_set_accels_for_action (application, "app.new-order::new-wireless-customer",
                                         (const char *[]) { "<primary><shift>w", NULL });

  g_signal_connect_object (scheduler, "notify::catalog", G_CALLBACK (fill_tiers), self, G_CONNECT_SWAPPED);
  fill_tiers (self);

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
