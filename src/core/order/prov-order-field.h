#pragma once

#include <glib.h>

#include "prov-id-kind.h"

G_BEGIN_DECLS

/* Keys code refers to by name; every key is declared in prov-order-field.c. */
#define PROV_ORDER_FIELD_CUSTOMER_ID         "customer.id"
#define PROV_ORDER_FIELD_CUSTOMER_NAME       "customer.name"
#define PROV_ORDER_FIELD_CUSTOMER_UUID       "customer.uuid"
#define PROV_ORDER_FIELD_REFERENCE           "reference"
#define PROV_ORDER_FIELD_START_DATE          "stocktaking.start-date"
#define PROV_ORDER_FIELD_CONTRACT_MONTHS     "stocktaking.contract-months"
#define PROV_ORDER_FIELD_OFFERING_ID         "subscription.offering-id"
#define PROV_ORDER_FIELD_OFFERING_NAME       "subscription.offering-name"
#define PROV_ORDER_FIELD_MSISDN              "number.msisdn"
#define PROV_ORDER_FIELD_ICCID               "sim.iccid"
#define PROV_ORDER_FIELD_IMEI                "device.imei"
#define PROV_ORDER_FIELD_PIN                 "extension.pin"
#define PROV_ORDER_FIELD_NEXT_EXTENSION      "extension.next-available"
#define PROV_ORDER_FIELD_PIN_CHANGE_REQUIRED "extension.pin-change-required"
#define PROV_ORDER_FIELD_SIM_MODE            "sim.mode"
#define PROV_ORDER_FIELD_FOLLOWS             "follows.order"
/* The carrier answered a create of this order with success. */
#define PROV_ORDER_FIELD_CARRIER_ACCEPTED    "carrier.accepted"
/* A line's settings: "setting." and the characteristic's name. */
#define PROV_ORDER_FIELD_SETTING_PREFIX      "setting."

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
