#pragma once

#include "prov-catalog.h"
#include "prov-order.h"

G_BEGIN_DECLS

/* Who sold it: the store as the header of its confirmations shows it. */
typedef struct {
  char *name;
  char *address;       /* may hold several lines */
  char *phone;
  char *dealer_code;
  char *logo_path;     /* an image file, or NULL */
} ProvStoreProfile;

ProvStoreProfile *prov_store_profile_new  (const char       *name,
                                           const char       *address,
                                           const char       *phone,
                                           const char       *dealer_code,
                                           const char       *logo_path);
void              prov_store_profile_free (ProvStoreProfile *profile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvStoreProfile, prov_store_profile_free)

typedef enum {
  PROV_CONFIRMATION_HEADING,   /* a section: title */
  PROV_CONFIRMATION_ENTRY,     /* title and value */
  PROV_CONFIRMATION_CHARGE,    /* title, one_time and monthly, either may be "" */
  PROV_CONFIRMATION_TOTAL,     /* as a charge, the sum of its currency */
  PROV_CONFIRMATION_NOTE,      /* value: a paragraph of its own */
} ProvConfirmationBlockKind;

typedef struct {
  ProvConfirmationBlockKind  kind;
  char                      *title;
  char                      *value;
  char                      *one_time;
  char                      *monthly;
} ProvConfirmationBlock;

/*
 * What the customer takes home, in the clerk's language and free of
 * secrets: the blocks of its body in reading order, and what the header
 * and the foot show. Laying it out on paper is the printer's job.
 */
#define PROV_TYPE_CONFIRMATION (prov_confirmation_get_type ())
G_DECLARE_FINAL_TYPE (ProvConfirmation, prov_confirmation, PROV, CONFIRMATION, GObject)

ProvConfirmation       *prov_confirmation_new               (ProvOrder              *order,
                                                             ProvCatalog            *catalog,
                                                             const ProvStoreProfile *store,
                                                             const char             *carrier_name,
                                                             const char             *clerk,
                                                             GDateTime              *printed_at);
const ProvStoreProfile *prov_confirmation_get_store         (ProvConfirmation       *self);
const char             *prov_confirmation_get_carrier_name  (ProvConfirmation       *self);
const char             *prov_confirmation_get_kind_title    (ProvConfirmation       *self);
const char             *prov_confirmation_get_reference     (ProvConfirmation       *self);
const char             *prov_confirmation_get_clerk         (ProvConfirmation       *self);
const char             *prov_confirmation_get_printed_at    (ProvConfirmation       *self);
GPtrArray              *prov_confirmation_get_blocks        (ProvConfirmation       *self);

G_END_DECLS
