#pragma once

#include <glib.h>

#include "prov-id-kind.h"

G_BEGIN_DECLS

/* Every field an order can hold, by its key: code names a field by its
 * constant, never by a string (tests/check-field-keys.py holds to that).
 * The registry in prov-order-field.c describes each one. */
#define PROV_ORDER_FIELD_CUSTOMER_ID                   "customer.id"
#define PROV_ORDER_FIELD_CUSTOMER_UUID                 "customer.uuid"
#define PROV_ORDER_FIELD_CUSTOMER_NAME                 "customer.name"
#define PROV_ORDER_FIELD_CUSTOMER_EMAIL                "customer.email"

#define PROV_ORDER_FIELD_CARRIER_PROFILE               "carrier.profile"
#define PROV_ORDER_FIELD_CARRIER_NAME                  "carrier.name"
/* The carrier answered a create of this order with success. */
#define PROV_ORDER_FIELD_CARRIER_ACCEPTED              "carrier.accepted"

#define PROV_ORDER_FIELD_ORDER_TYPE                    "order.type"
#define PROV_ORDER_FIELD_ORDER_TYPE_NAME               "order.type-name"

#define PROV_ORDER_FIELD_CONTACT_NAME                  "contact.name"
#define PROV_ORDER_FIELD_CONTACT_PHONE                 "contact.phone"

#define PROV_ORDER_FIELD_RESELLER_ID                   "reseller.id"
#define PROV_ORDER_FIELD_RESELLER_NAME                 "reseller.name"

#define PROV_ORDER_FIELD_CUSTOMER_MODE                 "customer.mode"

#define PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY          "service.account-only"
#define PROV_ORDER_FIELD_SERVICE_TYPE                  "service.type"
#define PROV_ORDER_FIELD_SERVICE_TYPE_NAME             "service.type-name"

#define PROV_ORDER_FIELD_NUMBERS_COUNT                 "numbers.count"
#define PROV_ORDER_FIELD_NUMBERS_PREFIX                "numbers.prefix"
#define PROV_ORDER_FIELD_NUMBERS_GRADE                 "numbers.grade"
#define PROV_ORDER_FIELD_NUMBERS_SELECTION             "numbers.selection"
#define PROV_ORDER_FIELD_NUMBERS_CONTAINS              "numbers.contains"
#define PROV_ORDER_FIELD_NUMBERS_POOL                  "numbers.pool"

#define PROV_ORDER_FIELD_NOTIFY_AFTER                  "notify.after"

#define PROV_ORDER_FIELD_BILLING_PRICE_LIST            "billing.price-list"
#define PROV_ORDER_FIELD_BILLING_PRICE_LIST_NAME       "billing.price-list-name"

#define PROV_ORDER_FIELD_CONFIRM_TERMS_AGREED          "confirm.terms-agreed"
#define PROV_ORDER_FIELD_CONFIRM_WARNINGS_ACCEPTED     "confirm.warnings-accepted"

#define PROV_ORDER_FIELD_CUSTOMER_KIND                 "customer.kind"
#define PROV_ORDER_FIELD_CUSTOMER_PHONE                "customer.phone"
#define PROV_ORDER_FIELD_CUSTOMER_BIRTH_DATE           "customer.birth-date"
#define PROV_ORDER_FIELD_CUSTOMER_COMPANY_NUMBER       "customer.company-number"
#define PROV_ORDER_FIELD_CUSTOMER_ID_TYPE              "customer.id-type"
#define PROV_ORDER_FIELD_CUSTOMER_ID_NUMBER            "customer.id-number"
#define PROV_ORDER_FIELD_CUSTOMER_LANGUAGE             "customer.language"
#define PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN          "customer.account-pin"

#define PROV_ORDER_FIELD_SERVICE_STREET                "service.street"
#define PROV_ORDER_FIELD_SERVICE_POSTCODE              "service.postcode"
#define PROV_ORDER_FIELD_SERVICE_CITY                  "service.city"
#define PROV_ORDER_FIELD_SERVICE_COUNTRY               "service.country"

#define PROV_ORDER_FIELD_BILLING_SAME_AS_SERVICE       "billing.same-as-service"
#define PROV_ORDER_FIELD_BILLING_STREET                "billing.street"
#define PROV_ORDER_FIELD_BILLING_POSTCODE              "billing.postcode"
#define PROV_ORDER_FIELD_BILLING_CITY                  "billing.city"
#define PROV_ORDER_FIELD_BILLING_COUNTRY               "billing.country"

#define PROV_ORDER_FIELD_DIRECTORY_LISTING             "directory.listing"
#define PROV_ORDER_FIELD_DIRECTORY_LISTING_NAME        "directory.listing-name"

#define PROV_ORDER_FIELD_LISTING_SAME_AS_SERVICE       "listing.same-as-service"
#define PROV_ORDER_FIELD_LISTING_STREET                "listing.street"
#define PROV_ORDER_FIELD_LISTING_POSTCODE              "listing.postcode"
#define PROV_ORDER_FIELD_LISTING_CITY                  "listing.city"
#define PROV_ORDER_FIELD_LISTING_COUNTRY               "listing.country"

#define PROV_ORDER_FIELD_BILL_FORMAT                   "bill.format"
#define PROV_ORDER_FIELD_BILL_FORMAT_NAME              "bill.format-name"

#define PROV_ORDER_FIELD_PAYMENT_METHOD                "payment.method"
#define PROV_ORDER_FIELD_PAYMENT_METHOD_NAME           "payment.method-name"
#define PROV_ORDER_FIELD_PAYMENT_IBAN                  "payment.iban"
#define PROV_ORDER_FIELD_PAYMENT_ACCOUNT_HOLDER        "payment.account-holder"
#define PROV_ORDER_FIELD_PAYMENT_TERMINAL_REFERENCE    "payment.terminal-reference"

#define PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED   "customer.duplicates-checked"
#define PROV_ORDER_FIELD_CUSTOMER_NEW_CONFIRMED        "customer.new-confirmed"
#define PROV_ORDER_FIELD_CUSTOMER_CREATION_STARTED     "customer.creation-started"

#define PROV_ORDER_FIELD_FOLLOWS_ORDER                 "follows.order"

#define PROV_ORDER_FIELD_STOCKTAKING_PORTFOLIO_ID      "stocktaking.portfolio-id"
#define PROV_ORDER_FIELD_STOCKTAKING_PORTFOLIO_NAME    "stocktaking.portfolio-name"

#define PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID      "subscription.offering-id"
#define PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME    "subscription.offering-name"
#define PROV_ORDER_FIELD_SUBSCRIPTION_DATA_ID          "subscription.data-id"
#define PROV_ORDER_FIELD_SUBSCRIPTION_DATA_NAME        "subscription.data-name"
#define PROV_ORDER_FIELD_SUBSCRIPTION_SMS_ID           "subscription.sms-id"
#define PROV_ORDER_FIELD_SUBSCRIPTION_SMS_NAME         "subscription.sms-name"

#define PROV_ORDER_FIELD_LINE_TYPE                     "line.type"
#define PROV_ORDER_FIELD_LINE_TYPE_NAME                "line.type-name"
#define PROV_ORDER_FIELD_LINE_PRODUCT_IDS              "line.product-ids"
#define PROV_ORDER_FIELD_LINE_PRODUCT_NAMES            "line.product-names"
#define PROV_ORDER_FIELD_LINE_RATES                    "line.rates"

#define PROV_ORDER_FIELD_REFERENCE                     "reference"

#define PROV_ORDER_FIELD_STOCKTAKING_START_DATE        "stocktaking.start-date"
#define PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS   "stocktaking.contract-months"

#define PROV_ORDER_FIELD_ADDONS_IDS                    "addons.ids"
#define PROV_ORDER_FIELD_ADDONS_NAMES                  "addons.names"
#define PROV_ORDER_FIELD_ADDONS_COUNTRY                "addons.country"

#define PROV_ORDER_FIELD_USER_MODE                     "user.mode"
#define PROV_ORDER_FIELD_USER_DISPLAY_NAME             "user.display-name"
#define PROV_ORDER_FIELD_USER_FIRST_NAME               "user.first-name"
#define PROV_ORDER_FIELD_USER_PREFIX                   "user.prefix"
#define PROV_ORDER_FIELD_USER_LAST_NAME                "user.last-name"
#define PROV_ORDER_FIELD_USER_EMAIL                    "user.email"
#define PROV_ORDER_FIELD_USER_LANGUAGE                 "user.language"
#define PROV_ORDER_FIELD_USER_LANGUAGE_NAME            "user.language-name"

#define PROV_ORDER_FIELD_SIM_MODE                      "sim.mode"
#define PROV_ORDER_FIELD_SIM_ICCID                     "sim.iccid"

#define PROV_ORDER_FIELD_NUMBER_MSISDN                 "number.msisdn"
#define PROV_ORDER_FIELD_NUMBER_SUMMARY                "number.summary"
#define PROV_ORDER_FIELD_NUMBER_GRADE                  "number.grade"
#define PROV_ORDER_FIELD_NUMBER_SOURCE                 "number.source"
#define PROV_ORDER_FIELD_NUMBER_MODE                   "number.mode"
#define PROV_ORDER_FIELD_NUMBER_COUNTRY                "number.country"
#define PROV_ORDER_FIELD_NUMBER_DONOR_PROVIDER         "number.donor-provider"
#define PROV_ORDER_FIELD_NUMBER_DONOR_ACCOUNT          "number.donor-account"
#define PROV_ORDER_FIELD_NUMBER_TRANSFER_PIN           "number.transfer-pin"
#define PROV_ORDER_FIELD_NUMBER_BILLING_ZIP            "number.billing-zip"
#define PROV_ORDER_FIELD_NUMBER_ACCOUNT_HOLDER         "number.account-holder"
#define PROV_ORDER_FIELD_NUMBER_PAC                    "number.pac"
#define PROV_ORDER_FIELD_NUMBER_CONTRACT_TYPE          "number.contract-type"
#define PROV_ORDER_FIELD_NUMBER_CONTRACT_NUMBER        "number.contract-number"
#define PROV_ORDER_FIELD_NUMBER_WISHED_DATE            "number.wished-date"
#define PROV_ORDER_FIELD_NUMBER_CONSENT                "number.consent"

#define PROV_ORDER_FIELD_DEVICE_IMEI                   "device.imei"
#define PROV_ORDER_FIELD_DEVICE_IMEI2                  "device.imei2"
#define PROV_ORDER_FIELD_DEVICE_MEID                   "device.meid"
#define PROV_ORDER_FIELD_DEVICE_ESN                    "device.esn"

#define PROV_ORDER_FIELD_EXTENSION_SUBSCRIBER          "extension.subscriber"
#define PROV_ORDER_FIELD_EXTENSION_NEXT_AVAILABLE      "extension.next-available"
#define PROV_ORDER_FIELD_EXTENSION_NUMBER              "extension.number"
#define PROV_ORDER_FIELD_EXTENSION_NAME                "extension.name"
#define PROV_ORDER_FIELD_EXTENSION_PIN                 "extension.pin"
#define PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED "extension.pin-change-required"
#define PROV_ORDER_FIELD_EXTENSION_AREA_CODE           "extension.area-code"

#define PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING      "confirm.end-user-billing"
#define PROV_ORDER_FIELD_CONFIRM_PRINT                 "confirm.print"
#define PROV_ORDER_FIELD_CONFIRM_SAVE_PDF              "confirm.save-pdf"

#define PROV_ORDER_FIELD_NOTES                         "notes"

/* Flow 5: a request on one of a customer's lines */
#define PROV_ORDER_FIELD_REQUEST_TYPE                  "request.type"
#define PROV_ORDER_FIELD_REQUEST_TYPE_NAME             "request.type-name"
#define PROV_ORDER_FIELD_REQUEST_LINE_NUMBER           "request.line-number"
#define PROV_ORDER_FIELD_REQUEST_LINE_ENDED            "request.line-ended"
/* The SIM and device a request replaces: back to stock once it is done. */
#define PROV_ORDER_FIELD_REQUEST_OLD_ICCID             "request.old-iccid"
#define PROV_ORDER_FIELD_REQUEST_OLD_IMEI              "request.old-imei"
#define PROV_ORDER_FIELD_REQUEST_RESTORE_WINDOW_DAYS   "request.restore-window-days"
#define PROV_ORDER_FIELD_REQUEST_PRODUCT_STATUS        "request.product-status"
#define PROV_ORDER_FIELD_REQUEST_RELIES_ON             "request.relies-on"
#define PROV_ORDER_FIELD_REQUEST_SUSPEND_REASON        "request.suspend-reason"
#define PROV_ORDER_FIELD_REQUEST_SUSPEND_REASON_NAME   "request.suspend-reason-name"
#define PROV_ORDER_FIELD_REQUEST_PURCHASE_DATE         "request.purchase-date"
#define PROV_ORDER_FIELD_REQUEST_DAMAGE                "request.damage"
#define PROV_ORDER_FIELD_REQUEST_DAMAGE_NAME           "request.damage-name"
#define PROV_ORDER_FIELD_REQUEST_CHARGEBACK_ACCEPTED   "request.chargeback-accepted"
#define PROV_ORDER_FIELD_REQUEST_TERMINATION_ACCEPTED  "request.termination-accepted"
#define PROV_ORDER_FIELD_REQUEST_GAINING_CARRIER       "request.gaining-carrier"
#define PROV_ORDER_FIELD_REQUEST_LIABILITY_TO          "request.liability-to"
#define PROV_ORDER_FIELD_REQUEST_LIABILITY_TO_NAME     "request.liability-to-name"
#define PROV_ORDER_FIELD_REQUEST_OTHER_PARTY           "request.other-party"
#define PROV_ORDER_FIELD_REQUEST_CONSENT               "request.consent"
#define PROV_ORDER_FIELD_REQUEST_EMPLOYEE              "request.employee"
#define PROV_ORDER_FIELD_REQUEST_FEATURES              "request.features"
/* "false" when the carrier profile lets this request type go without a
 * manager's approval (set when it is placed). */
#define PROV_ORDER_FIELD_REQUEST_NEEDS_APPROVAL        "request.needs-approval"

/* A line's settings: "setting." and the characteristic's name. */
#define PROV_ORDER_FIELD_SETTING_PREFIX "setting."

/* What a field holds, for pages, the overview and the printout. */
typedef enum {
  PROV_FIELD_TEXT,
  PROV_FIELD_IDENTIFIER,   /* of the field's id_kind */
  PROV_FIELD_DATE,
  PROV_FIELD_BOOLEAN,      /* "true" or "false" */
  PROV_FIELD_CHOICE,       /* one of a list the page offers */
  PROV_FIELD_MONEY,
  PROV_FIELD_NUMBER,
  PROV_FIELD_SECRET,       /* PINs: never shown in full, never printed */
} ProvFieldKind;

/* How a field reaches the carrier, if at all. */
typedef enum {
  PROV_FIELD_CARRIER_NEVER,            /* kept on this till only */
  PROV_FIELD_CARRIER_CHARACTERISTIC,   /* a productCharacteristic of its line */
  PROV_FIELD_CARRIER_RESOURCE,         /* a characteristic and a realizingResource */
  PROV_FIELD_CARRIER_ORDER,            /* a member of the order itself */
  PROV_FIELD_CARRIER_OFFERING,         /* the line's productOffering */
  PROV_FIELD_CARRIER_CUSTOMER,         /* the TMF629 customer created for the order */
  PROV_FIELD_CARRIER_PRODUCT,          /* a member of its line's product: status, or
                                        * reliesOn (a productRelationship) */
} ProvFieldCarrier;

typedef enum {
  PROV_FIELD_LINE         = 1 << 0,  /* belongs to an order line, not the order */
  PROV_FIELD_SHOWN        = 1 << 1,  /* in the overview */
  PROV_FIELD_PRINTED      = 1 << 2,  /* on the confirmation */
  PROV_FIELD_CARRIED_OVER = 1 << 3,  /* kept by "make another" */
  PROV_FIELD_SEARCHED     = 1 << 4,  /* found by the order list's search */
} ProvFieldFlags;

typedef struct {
  const char       *key;
  const char       *title;          /* translatable, untranslated here */
  ProvFieldKind     kind;
  ProvIdKind        id_kind;        /* for PROV_FIELD_IDENTIFIER */
  ProvFieldFlags    flags;
  ProvFieldCarrier  carrier;
  /* The characteristic's or resource's name, or the order member. */
  const char       *carrier_name;
} ProvOrderField;

const ProvOrderField *prov_order_field_lookup    (const char           *key);
const ProvOrderField *prov_order_field_get_all   (guint                *n_fields);
const char           *prov_order_field_get_title (const ProvOrderField *field);
char                 *prov_order_field_dup_readable_value (const ProvOrderField *field,
                                                          const char           *value);
char                 *prov_order_field_dup_printed_value  (const ProvOrderField *field,
                                                          const char           *value);
gboolean              prov_order_field_is_line   (const char           *key);
const char           *prov_order_field_get_carrier_name (const ProvOrderField *field,
                                                         const char           *key);

G_END_DECLS
