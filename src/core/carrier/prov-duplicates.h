#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the clerk typed of a new customer, to find them at the carrier
 * before creating them twice. Any member may be NULL. */
typedef struct {
  const char *name;
  const char *postcode;
  const char *email;
  const char *phone;       /* E.164 */
  const char *id_number;   /* of the ID document */
  const char *external_id; /* the order a customer was created for */
} ProvCustomerProfile;

/* Why a carrier's customer may be this one. */
typedef enum {
  PROV_DUPLICATE_NONE = 0,
  PROV_DUPLICATE_NAME_AND_ADDRESS = 1 << 0,
  PROV_DUPLICATE_EMAIL = 1 << 1,
  PROV_DUPLICATE_PHONE = 1 << 2,
  PROV_DUPLICATE_ID_NUMBER = 1 << 3,
  PROV_DUPLICATE_SAME_ORDER = 1 << 4,   /* created for this very order */
} ProvDuplicateReasons;

/* The characteristic of a TMF629 Customer that holds its ID document's
 * number. */
#define PROV_CUSTOMER_ID_NUMBER_CHARACTERISTIC "idDocumentNumber"

/* A carrier's customer that may be the one at the counter, and why. */
typedef struct {
  JsonObject           *customer;   /* TMF629 Customer */
  ProvDuplicateReasons  reasons;
} ProvDuplicate;

void                 prov_duplicate_free              (ProvDuplicate             *duplicate);
ProvCustomerProfile *prov_customer_profile_copy       (const ProvCustomerProfile *profile);
void                 prov_customer_profile_free       (ProvCustomerProfile       *profile);
ProvDuplicateReasons prov_customer_profile_match      (const ProvCustomerProfile *profile,
                                                       JsonObject                *carrier_customer);
char                *prov_duplicate_reasons_dup_label (ProvDuplicateReasons       reasons);

G_END_DECLS
