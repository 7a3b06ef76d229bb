#include "prov-state-style.h"

/* The style classes style.css colours an order's state by: one per group
 * of the order list's filter. */
static const char * const group_style_classes[] = {
  [PROV_ORDER_STATE_GROUP_ALL] = NULL,
  [PROV_ORDER_STATE_GROUP_DRAFTS] = "draft",
  [PROV_ORDER_STATE_GROUP_WAITING] = "waiting",
  [PROV_ORDER_STATE_GROUP_ATTENTION] = "attention",
  [PROV_ORDER_STATE_GROUP_AT_CARRIER] = "at-carrier",
  [PROV_ORDER_STATE_GROUP_COMPLETED] = "completed",
  [PROV_ORDER_STATE_GROUP_CANCELLED] = "cancelled",
  [PROV_ORDER_STATE_GROUP_APPROVAL] = "approval",
};

G_STATIC_ASSERT (G_N_ELEMENTS (group_style_classes) == PROV_ORDER_STATE_GROUP_LAST + 1);

/* Gives @widget (a state's badge or label) the style of @group, and none
 * of the others'. */
void
prov_state_style_apply (GtkWidget           *widget,
                        ProvOrderStateGroup  group)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (group <= PROV_ORDER_STATE_GROUP_LAST);

  for (guint i = 0; i < G_N_ELEMENTS (group_style_classes); i++)
    if (group_style_classes[i] != NULL && i != group)
      gtk_widget_remove_css_class (widget, group_style_classes[i]);

  if (group_style_classes[group] != NULL)
    gtk_widget_add_css_class (widget, group_style_classes[group]);
}
