#pragma once

#include <adwaita.h>

#include "prov-assistant-page.h"

G_BEGIN_DECLS

/* An entry row bound to one order field, checked as the clerk types by a
 * named rule, with the rule's message next to it. */
#define PROV_TYPE_CHECKED_ROW (prov_checked_row_get_type ())
G_DECLARE_FINAL_TYPE (ProvCheckedRow, prov_checked_row, PROV, CHECKED_ROW, AdwEntryRow)

void      prov_checked_row_load      (ProvCheckedRow  *self,
                                      ProvPageContext *context);
char     *prov_checked_row_dup_problem (ProvCheckedRow *self);
gboolean  prov_checked_row_is_valid  (ProvCheckedRow  *self);
void      prov_checked_row_store     (ProvCheckedRow  *self);
void      prov_checked_row_reveal    (ProvCheckedRow  *self);

G_END_DECLS
