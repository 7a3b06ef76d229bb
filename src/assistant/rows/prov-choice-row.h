#pragma once

#include <adwaita.h>

#include "prov-assistant-page.h"

G_BEGIN_DECLS

/* One of a few choices, its id kept in an order field and, when the row
 * names one, what the clerk saw in another (for the overview). */
typedef struct {
  const char *id;
  const char *label;   /* translatable, untranslated here */
} ProvChoice;

#define PROV_TYPE_CHOICE_ROW (prov_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (ProvChoiceRow, prov_choice_row, PROV, CHOICE_ROW, AdwComboRow)

void        prov_choice_row_set_choices     (ProvChoiceRow    *self,
                                             const ProvChoice *choices,
                                             guint             n_choices);
/* Choices whose labels are already translated, e.g. from the catalog;
 * @ids and @labels are of the same length. */
void        prov_choice_row_set_dynamic     (ProvChoiceRow    *self,
                                             const char * const *ids,
                                             const char * const *labels);
/* The catalog's offerings of @role, by name (none when @catalog is NULL). */
void        prov_choice_row_set_offerings   (ProvChoiceRow    *self,
                                             ProvCatalog      *catalog,
                                             const char       *role);
void        prov_choice_row_load            (ProvChoiceRow    *self,
                                             ProvPageContext  *context);
const char *prov_choice_row_get_selected_id (ProvChoiceRow    *self);
void        prov_choice_row_select          (ProvChoiceRow    *self,
                                             const char       *id);

/* The countries of the store's customers' addresses. */
const ProvChoice *prov_choice_get_countries (guint *n_choices);

G_END_DECLS
