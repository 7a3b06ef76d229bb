#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "prov-confirmation.h"

G_BEGIN_DECLS

/* Stored in GSettings ("confirmation-paper"): never renumber. */
typedef enum {
  PROV_PAPER_PAGE = 0,      /* A4 or Letter, as the region has it */
  PROV_PAPER_RECEIPT = 1,   /* an 80 mm thermal roll */
} ProvPaper;

/* The paper roll's width, and what a thermal head cannot reach. */
#define PROV_RECEIPT_WIDTH_MM 80.0

/*
 * A confirmation set on paper, in points: cut into pages of a sheet, or,
 * on a roll, one page as long as its content.
 */
#define PROV_TYPE_CONFIRMATION_LAYOUT (prov_confirmation_layout_get_type ())
G_DECLARE_FINAL_TYPE (ProvConfirmationLayout, prov_confirmation_layout, PROV, CONFIRMATION_LAYOUT, GObject)

ProvConfirmationLayout *prov_confirmation_layout_new          (ProvConfirmation       *confirmation,
                                                               ProvPaper               paper,
                                                               double                  sheet_width,
                                                               double                  sheet_height);
ProvPaper               prov_confirmation_layout_get_paper    (ProvConfirmationLayout *self);
guint                   prov_confirmation_layout_get_n_pages  (ProvConfirmationLayout *self);
double                  prov_confirmation_layout_get_width    (ProvConfirmationLayout *self);
double                  prov_confirmation_layout_get_height   (ProvConfirmationLayout *self);
gboolean                prov_confirmation_layout_draw_page    (ProvConfirmationLayout *self,
                                                               cairo_t                *cr,
                                                               guint                   page,
                                                               GError                **error);

G_END_DECLS
