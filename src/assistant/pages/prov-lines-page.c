#include <glib/gi18n.h>

#include "prov-assistant-page.h"
#include "prov-choice-row.h"
#include "prov-lines-page.h"

/*
 * A new customer's lines, one at a time as the dealer portal has them:
 * the line type, then a package of that type, which brings its products
 * (TMF620 bundled offerings) and its long-distance rates. The clerk
 * removes or adds products, saves the line and adds the next. Saved lines
 * are listed above, each to edit or remove.
 */

static const struct {
  const char *role;
  const char *id;
  const char *label;
} line_types[] = {
  { PROV_OFFERING_ROLE_LINE_VOICE, "voice", N_("Voice and data") },
  { PROV_OFFERING_ROLE_LINE_DATA, "data", N_("Data only") },
};

struct _ProvLinesPage
{
  AdwBin               parent_instance;

  ProvPageContext     *context;
  int                  editing;        /* the line in the editor, or -1 */
  gboolean             filling;
  GPtrArray           *line_rows;      /* the saved lines' rows */
  GPtrArray           *product_rows;   /* the edited line's products */

  AdwPreferencesGroup *lines_group;
  AdwPreferencesGroup *editor_group;
  ProvChoiceRow       *line_type_row;
  ProvChoiceRow       *package_row;
  GtkLabel            *package_problem;
  AdwActionRow        *rates_row;
  AdwPreferencesGroup *products_group;
  ProvChoiceRow       *add_product_row;
  GtkButton           *add_product_button;
  GtkButton           *save_line_button;
  GtkButton           *add_line_button;
};

static void prov_lines_page_iface_init (ProvAssistantPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProvLinesPage, prov_lines_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PROV_TYPE_ASSISTANT_PAGE, prov_lines_page_iface_init))

static void show_lines (ProvLinesPage *self);

static ProvCatalog *
catalog_of (ProvLinesPage *self)
{
  return prov_sync_scheduler_get_catalog (self->context->scheduler);
}

static ProvOrderLine *
edited_line (ProvLinesPage *self)
{
  if (self->context == NULL || self->editing < 0 || (guint) self->editing >= prov_order_get_n_lines (self->context->order))
    return NULL;
  return prov_order_get_line (self->context->order, self->editing);
}

static gboolean
line_is_complete (ProvOrderLine *line)
{
  return prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID) != NULL;
}

static const char *
role_of_line_type (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (line_types); i++)
    if (g_strcmp0 (line_types[i].id, id) == 0)
      return line_types[i].role;
  return NULL;
}

/* "Visual voicemail, Mobile hotspot 15 GB": the products' names. */
static char *
dup_product_names (ProvLinesPage  *self,
                   char          **ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      ProvOffering *product = prov_catalog_lookup (catalog_of (self), ids[i]);

      g_ptr_array_add (names, (gpointer) (product != NULL ? prov_offering_get_name (product) : ids[i]));
    }
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static char **
dup_product_ids (ProvOrderLine *line)
{
  const char *ids = prov_order_line_get_field (line, PROV_ORDER_FIELD_LINE_PRODUCT_IDS);

  return ids != NULL ? g_strsplit (ids, ",", -1) : g_new0 (char *, 1);
}

static void
set_products (ProvLinesPage  *self,
              ProvOrderLine  *line,
              char          **ids)
{
  g_autofree char *joined = g_strjoinv (",", ids);
  g_autofree char *names = dup_product_names (self, ids);

  prov_order_line_set_field (line, PROV_ORDER_FIELD_LINE_PRODUCT_IDS, joined);
  prov_order_line_set_field (line, PROV_ORDER_FIELD_LINE_PRODUCT_NAMES, names);
}

/* ---- the edited line's products ------------------------------------------ */

static void show_products (ProvLinesPage *self);

static void
on_remove_product (GtkButton     *button,
                   ProvLinesPage *self)
{
  ProvOrderLine *line = edited_line (self);
  const char *removed = g_object_get_data (G_OBJECT (button), "prov-product-id");
  g_auto(GStrv) ids = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) remaining = NULL;
  guint position = 0;

  if (line == NULL)
    return;

  ids = dup_product_ids (line);
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], removed) != 0)
      g_strv_builder_add (kept, ids[i]);
    else
      position = i;
  remaining = g_strv_builder_end (kept);
  set_products (self, line, remaining);
  show_products (self);

  /* The keyboard stays in the list: on the next product, or on Add. */
  if (position < self->product_rows->len)
    gtk_widget_grab_focus (g_object_get_data (g_ptr_array_index (self->product_rows, position), "prov-remove"));
  else if (self->product_rows->len > 0)
    gtk_widget_grab_focus (g_object_get_data (g_ptr_array_index (self->product_rows, self->product_rows->len - 1),
                                              "prov-remove"));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_product_row));
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static GtkWidget *
new_product_row (ProvLinesPage *self,
                 const char    *id)
{
  ProvOffering *product = prov_catalog_lookup (catalog_of (self), id);
  const char *name = product != NULL ? prov_offering_get_name (product) : id;
  g_autofree char *fee = product != NULL ? prov_offering_dup_fee_label (product) : g_strdup ("");
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fee);
  /* Tab goes from one Remove to the next: the row itself does nothing. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "prov-product-id", g_strdup (id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_product), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "prov-remove", remove);
  return row;
}

/* What can still be added: the line products the line lacks. */
static void
list_addable_products (ProvLinesPage  *self,
                       char          **in_line)
{
  g_autoptr(GListModel) products = catalog_of (self) != NULL
    ? prov_catalog_list (catalog_of (self), PROV_OFFERING_ROLE_LINE_PRODUCT, NULL, NULL, NULL) : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; products != NULL && i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(ProvOffering) product = g_list_model_get_item (products, i);
      g_autofree char *fee = prov_offering_dup_fee_label (product);

      if (g_strv_contains ((const char * const *) in_line, prov_offering_get_id (product)))
        continue;
      g_ptr_array_add (ids, (gpointer) prov_offering_get_id (product));
      g_ptr_array_add (labels, *fee != '\0' ? g_strdup_printf (_("%s — %s"), prov_offering_get_name (product), fee)
                                            : g_strdup (prov_offering_get_name (product)));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);

  prov_choice_row_set_dynamic (self->add_product_row, (const char * const *) ids->pdata,
                               (const char * const *) labels->pdata);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_product_row), ids->len > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_product_button), ids->len > 1);
}

static void
show_products (ProvLinesPage *self)
{
  ProvOrderLine *line = edited_line (self);
  g_auto(GStrv) ids = line != NULL ? dup_product_ids (line) : g_new0 (char *, 1);

  for (guint i = 0; i < self->product_rows->len; i++)
    adw_preferences_group_remove (self->products_group, g_ptr_array_index (self->product_rows, i));
  g_ptr_array_set_size (self->product_rows, 0);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *row = new_product_row (self, ids[i]);

      adw_preferences_group_add (self->products_group, row);
      g_ptr_array_add (self->product_rows, row);
    }
  /* Add stays last. */
  g_object_ref (self->add_product_row);
  adw_preferences_group_remove (self->products_group, GTK_WIDGET (self->add_product_row));
  adw_preferences_group_add (self->products_group, GTK_WIDGET (self->add_product_row));
  g_object_unref (self->add_product_row);

  list_addable_products (self, ids);
}

static void
on_add_product (ProvLinesPage *self)
{
  ProvOrderLine *line = edited_line (self);
  const char *added = prov_choice_row_get_selected_id (self->add_product_row);
  g_auto(GStrv) ids = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) with_added = NULL;

  if (line == NULL || added == NULL)
    return;

  ids = dup_product_ids (line);
  g_strv_builder_addv (builder, (const char **) ids);
  g_strv_builder_add (builder, added);
  with_added = g_strv_builder_end (builder);
  set_products (self, line, with_added);
  show_products (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_product_row));
}

/* ---- the edited line's type and package ---------------------------------- */

static void
show_rates (ProvLinesPage *self,
            ProvOffering  *package)
{
  GPtrArray *prices = package != NULL ? prov_offering_get_usage_prices (package) : NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  g_autofree char *fee = package != NULL ? prov_offering_dup_fee_label (package) : g_strdup ("");
  g_autofree char *shown = NULL;

  for (guint i = 0; prices != NULL && i < prices->len; i++)
    g_ptr_array_add (labels, prov_usage_price_dup_label (g_ptr_array_index (prices, i)));
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv ("\n", (char **) labels->pdata);

  /* Translators: a package's fee, then its long-distance rates, one a line */
  shown = g_strdup_printf (_("%s\n%s"), *fee != '\0' ? fee : _("No monthly fee"),
                           *joined != '\0' ? joined : _("No long-distance rates in this package"));
  adw_action_row_set_subtitle (self->rates_row, shown);
  if (edited_line (self) != NULL)
    prov_order_line_set_field (edited_line (self), PROV_ORDER_FIELD_LINE_RATES, joined);
}

/* Choosing a package fills in what it bundles, replacing what the
 * previous one brought. */
static void
take_package (ProvLinesPage *self,
              gboolean       package_changed)
{
  ProvOrderLine *line = edited_line (self);
  const char *id = prov_choice_row_get_selected_id (self->package_row);
  ProvOffering *package = id != NULL && catalog_of (self) != NULL ? prov_catalog_lookup (catalog_of (self), id) : NULL;

  if (line == NULL)
    return;

  if (package_changed)
    {
      const char * const *bundled = package != NULL ? prov_offering_get_bundled_ids (package) : NULL;
      g_auto(GStrv) none = g_new0 (char *, 1);

      prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, id);
      prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME,
                                 package != NULL ? prov_offering_get_name (package) : NULL);
      set_products (self, line, bundled != NULL ? (char **) bundled : none);
    }

  show_rates (self, package);
  show_products (self);
  prov_page_show_problem (GTK_WIDGET (self->package_row), self->package_problem,
                          id == NULL ? _("The carrier's catalog has no package of this type") : NULL);
}

static void
list_packages (ProvLinesPage *self)
{
  ProvOrderLine *line = edited_line (self);
  const char *role = role_of_line_type (prov_choice_row_get_selected_id (self->line_type_row));
  g_autoptr(GListModel) packages = catalog_of (self) != NULL && role != NULL
    ? prov_catalog_list (catalog_of (self), role, NULL, NULL, NULL) : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; packages != NULL && i < g_list_model_get_n_items (packages); i++)
    {
      g_autoptr(ProvOffering) package = g_list_model_get_item (packages, i);

      if (!prov_offering_has_role (package, PROV_OFFERING_ROLE_LINE_PACKAGE))
        continue;
      /* The name only: the fee is beside the rates, not cut off here. */
      g_ptr_array_add (ids, (gpointer) prov_offering_get_id (package));
      g_ptr_array_add (labels, g_strdup (prov_offering_get_name (package)));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);

  self->filling = TRUE;
  prov_choice_row_set_dynamic (self->package_row, (const char * const *) ids->pdata,
                               (const char * const *) labels->pdata);
  if (line != NULL)
    prov_choice_row_select (self->package_row, prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID));
  self->filling = FALSE;

  /* A line whose package is not of its type (or has none yet) takes the
   * type's first one. */
  take_package (self, line != NULL && g_strcmp0 (prov_choice_row_get_selected_id (self->package_row),
                                                 prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID)) != 0);
}

static void
on_line_type_changed (ProvLinesPage *self)
{
  ProvOrderLine *line = edited_line (self);
  const char *type = prov_choice_row_get_selected_id (self->line_type_row);

  if (self->filling || line == NULL)
    return;

  prov_order_line_set_field (line, PROV_ORDER_FIELD_LINE_TYPE, type);
  for (guint i = 0; i < G_N_ELEMENTS (line_types); i++)
    if (g_strcmp0 (line_types[i].id, type) == 0)
      prov_order_line_set_field (line, PROV_ORDER_FIELD_LINE_TYPE_NAME, _(line_types[i].label));
  list_packages (self);
  show_lines (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_package_changed (ProvLinesPage *self)
{
  if (self->filling)
    return;

  take_package (self, TRUE);
  show_lines (self);
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

/* ---- the lines ----------------------------------------------------------- */

static void
edit_line (ProvLinesPage *self,
           int            index)
{
  ProvOrderLine *line;
  g_autofree char *title = NULL;

  self->editing = index;
  line = edited_line (self);
  gtk_widget_set_visible (GTK_WIDGET (self->editor_group), line != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->products_group), line != NULL);
  show_lines (self);
  if (line == NULL)
    return;

  /* Translators: the order line being edited, e.g. "Line 2" */
  title = g_strdup_printf (_("Line %d"), index + 1);
  adw_preferences_group_set_title (self->editor_group, title);

  self->filling = TRUE;
  prov_choice_row_select (self->line_type_row, prov_order_line_get_field (line, PROV_ORDER_FIELD_LINE_TYPE));
  self->filling = FALSE;
  if (prov_order_line_get_field (line, PROV_ORDER_FIELD_LINE_TYPE) == NULL)
    on_line_type_changed (self);
  else
    list_packages (self);
}

static void
on_edit_clicked (GtkButton     *button,
                 ProvLinesPage *self)
{
  edit_line (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "prov-line")));
  gtk_widget_grab_focus (GTK_WIDGET (self->line_type_row));
}

static void
on_remove_line_clicked (GtkButton     *button,
                        ProvLinesPage *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "prov-line"));

  if (prov_order_get_n_lines (self->context->order) < 2)
    return;

  prov_order_remove_line (self->context->order, index);
  edit_line (self, self->editing == index ? -1 : self->editing > index ? self->editing - 1 : self->editing);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_line_button));
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static GtkWidget *
new_line_button (ProvLinesPage *self,
                 const char    *icon,
                 const char    *label,
                 int            index,
                 GCallback      clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "prov-line", GINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

static void
show_lines (ProvLinesPage *self)
{
  ProvOrder *order = self->context->order;
  guint n_lines = prov_order_get_n_lines (order);

  for (guint i = 0; i < self->line_rows->len; i++)
    adw_preferences_group_remove (self->lines_group, g_ptr_array_index (self->line_rows, i));
  g_ptr_array_set_size (self->line_rows, 0);

  for (guint i = 0; i < n_lines; i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);
      const char *package = prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME);
      const char *products = prov_order_line_get_field (line, PROV_ORDER_FIELD_LINE_PRODUCT_NAMES);
      /* Translators: an order line and its package, e.g. "Line 1: Family Share, 2 lines" */
      g_autofree char *title = g_strdup_printf (_("Line %u: %s"), i + 1, package != NULL ? package : _("no package yet"));
      g_autofree char *edit_label = g_strdup_printf (_("Edit line %u"), i + 1);
      g_autofree char *remove_label = g_strdup_printf (_("Remove line %u"), i + 1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), products != NULL ? products : "");
      gtk_widget_set_focusable (row, FALSE);
      if ((int) i == self->editing)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_line_button (self, "document-edit-symbolic", edit_label, i,
                                                                          G_CALLBACK (on_edit_clicked)));
      if (n_lines > 1)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_line_button (self, "user-trash-symbolic", remove_label, i,
                                                                          G_CALLBACK (on_remove_line_clicked)));
      adw_preferences_group_add (self->lines_group, row);
      g_ptr_array_add (self->line_rows, row);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_line_button),
                            edited_line (self) != NULL && line_is_complete (edited_line (self)));
}

static void
on_save_line (ProvLinesPage *self)
{
  if (edited_line (self) == NULL || !line_is_complete (edited_line (self)))
    return;

  edit_line (self, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_line_button));
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

static void
on_add_line (ProvLinesPage *self)
{
  prov_order_add_line (self->context->order);
  edit_line (self, (int) prov_order_get_n_lines (self->context->order) - 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->line_type_row));
  prov_assistant_page_changed (PROV_ASSISTANT_PAGE (self));
}

/* ---- the page ------------------------------------------------------------ */

static void
prov_lines_page_load (ProvAssistantPage *page,
                      ProvPageContext   *context)
{
  ProvLinesPage *self = PROV_LINES_PAGE (page);
  ProvOrder *order = context->order;
  int first_incomplete = -1;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  self->context = context;

  for (guint i = 0; i < G_N_ELEMENTS (line_types); i++)
    {
      g_autoptr(GListModel) packages = catalog_of (self) != NULL
        ? prov_catalog_list (catalog_of (self), line_types[i].role, NULL, NULL, NULL) : NULL;

      if (packages != NULL && g_list_model_get_n_items (packages) > 0)
        {
          g_ptr_array_add (ids, (gpointer) line_types[i].id);
          g_ptr_array_add (labels, (gpointer) _(line_types[i].label));
        }
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  self->filling = TRUE;
  prov_choice_row_set_dynamic (self->line_type_row, (const char * const *) ids->pdata,
                               (const char * const *) labels->pdata);
  self->filling = FALSE;

  /* A resumed draft, or a line added on the last page, opens on the first
   * line still without a package. */
  for (guint i = 0; i < prov_order_get_n_lines (order) && first_incomplete < 0; i++)
    if (!line_is_complete (prov_order_get_line (order, i)))
      first_incomplete = (int) i;
  edit_line (self, first_incomplete >= 0 ? first_incomplete : edited_line (self) != NULL ? self->editing : -1);
  g_debug ("Lines of draft %s: %u, editing line %d", prov_order_get_uuid (order), prov_order_get_n_lines (order),
           self->editing + 1);
}

static gboolean
prov_lines_page_get_complete (ProvAssistantPage *page)
{
  ProvLinesPage *self = PROV_LINES_PAGE (page);

  for (guint i = 0; self->context != NULL && i < prov_order_get_n_lines (self->context->order); i++)
    if (!line_is_complete (prov_order_get_line (self->context->order, i)))
      return FALSE;

  return self->context != NULL;
}

static void
prov_lines_page_focus_first (ProvAssistantPage *page)
{
  ProvLinesPage *self = PROV_LINES_PAGE (page);

  gtk_widget_grab_focus (edited_line (self) != NULL ? GTK_WIDGET (self->line_type_row)
                                                    : GTK_WIDGET (self->add_line_button));
}

static const char *
prov_lines_page_get_title (ProvAssistantPage *page)
{
  return _("Lines");
}

static void
prov_lines_page_iface_init (ProvAssistantPageInterface *iface)
{
  iface->id = "lines";
  iface->get_title = prov_lines_page_get_title;
  iface->load = prov_lines_page_load;
  iface->get_complete = prov_lines_page_get_complete;
  iface->focus_first = prov_lines_page_focus_first;
}

static void
prov_lines_page_dispose (GObject *object)
{
  ProvLinesPage *self = PROV_LINES_PAGE (object);

  g_clear_pointer (&self->line_rows, g_ptr_array_unref);
  g_clear_pointer (&self->product_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (prov_lines_page_parent_class)->dispose (object);
}

static void
prov_lines_page_class_init (ProvLinesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prov_lines_page_dispose;

  g_type_ensure (PROV_TYPE_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Provisioner/assistant/pages/prov-lines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, lines_group);
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, editor_group);
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, line_type_row);
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, package_row);
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, package_problem);
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, rates_row);
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, products_group);
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, add_product_row);
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, add_product_button);
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, save_line_button);
  gtk_widget_class_bind_template_child (widget_class, ProvLinesPage, add_line_button);
  gtk_widget_class_bind_template_callback (widget_class, on_line_type_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_package_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_product);
  gtk_widget_class_bind_template_callback (widget_class, on_save_line);
  gtk_widget_class_bind_template_callback (widget_class, on_add_line);
}

static void
prov_lines_page_init (ProvLinesPage *self)
{
  self->editing = -1;
  self->line_rows = g_ptr_array_new ();
  self->product_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
