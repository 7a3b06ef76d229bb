#include <glib/gi18n.h>

#include "prov-request-progress.h"

/*
 * Where a request of flow 5 stands, at a glance above its timeline:
 * placed, approved, at the carrier, completed. The steps it has passed
 * are marked done, the one it is at current; where it stopped (sent back,
 * declined, refused, cancelled) that step is marked stopped and says why.
 */

typedef enum {
  STEP_PLACED,
  STEP_APPROVED,
  STEP_AT_CARRIER,
  STEP_COMPLETED,
  N_STEPS,
} Step;

struct _ProvRequestProgress
{
  AdwPreferencesGroup parent_instance;

  GtkBox    *steps;
  GtkLabel  *placed_label;
  GtkLabel  *approved_label;
  GtkLabel  *carrier_label;
  GtkLabel  *completed_label;
};

G_DEFINE_FINAL_TYPE (ProvRequestProgress, prov_request_progress, ADW_TYPE_PREFERENCES_GROUP)

/* The step @state has reached, and whether the request stopped there. */
static gboolean
step_of (ProvOrderState  state,
         Step           *reached,
         gboolean       *stopped)
{
  *stopped = FALSE;
  switch (state)
    {
    case PROV_ORDER_STATE_DRAFT:
    case PROV_ORDER_STATE_READY:
      return FALSE;
    case PROV_ORDER_STATE_AWAITING_APPROVAL:
      *reached = STEP_PLACED;
      return TRUE;
    case PROV_ORDER_STATE_INFO_REQUESTED:
    case PROV_ORDER_STATE_DECLINED:
      *reached = STEP_PLACED;
      *stopped = TRUE;
      return TRUE;
    case PROV_ORDER_STATE_QUEUED:
      *reached = STEP_APPROVED;
      return TRUE;
    case PROV_ORDER_STATE_COMPLETED:
      *reached = STEP_COMPLETED;
      return TRUE;
    case PROV_ORDER_STATE_NEEDS_ATTENTION:
    case PROV_ORDER_STATE_REJECTED:
    case PROV_ORDER_STATE_FAILED:
    case PROV_ORDER_STATE_PARTIAL:
    case PROV_ORDER_STATE_CANCELLED:
      *reached = STEP_AT_CARRIER;
      *stopped = TRUE;
      return TRUE;
    default:
      *reached = STEP_AT_CARRIER;
      return TRUE;
    }
}

/* Shows where @order stands; hidden for an order that is no request of
 * flow 5, or not placed yet. */
void
prov_request_progress_show (ProvRequestProgress *self,
                            ProvOrder           *order)
{
  GtkLabel *labels[N_STEPS] = { self->placed_label, self->approved_label, self->carrier_label, self->completed_label };
  ProvOrderState state = prov_order_get_state (order);
  g_autofree char *description = NULL;
  gboolean stopped;
  Step reached;

  g_return_if_fail (PROV_IS_REQUEST_PROGRESS (self));

  if (prov_order_get_kind (order) != PROV_ORDER_KIND_LINE_LIFECYCLE || !step_of (state, &reached, &stopped))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  for (Step step = 0; step < N_STEPS; step++)
    {
      GtkWidget *label = GTK_WIDGET (labels[step]);

      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_remove_css_class (label, "heading");
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_remove_css_class (label, "success");
      if (step < reached || (step == reached && reached == STEP_COMPLETED))
        gtk_widget_add_css_class (label, "success");
      else if (step == reached)
        gtk_widget_add_css_class (label, stopped ? "error" : "heading");
      else
        gtk_widget_add_css_class (label, "dim-label");
    }

  /* Translators: the request's progress for screen readers: the step it
   * is at, then its state, e.g. "At the Carrier: In Progress" */
  description = g_strdup_printf (_("Progress: %s, %s"), gtk_label_get_label (labels[reached]),
                                 prov_order_state_get_title (state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->steps), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->steps), description);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  g_debug ("Request %s: %s", prov_order_get_uuid (order), description);
}

static void
prov_request_progress_class_init (ProvRequestProgressClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Provisioner/widgets/prov-request-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvRequestProgress, steps);
  gtk_widget_class_bind_template_child (widget_class, ProvRequestProgress, placed_label);
  gtk_widget_class_bind_template_child (widget_class, ProvRequestProgress, approved_label);
  gtk_widget_class_bind_template_child (widget_class, ProvRequestProgress, carrier_label);
  gtk_widget_class_bind_template_child (widget_class, ProvRequestProgress, completed_label);
}

static void
prov_request_progress_init (ProvRequestProgress *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
