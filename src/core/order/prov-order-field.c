#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-catalog.h"
#include "prov-ids.h"
#include "prov-order-field.h"

/*
 * Every field an order can hold, declared once: what the pages write, the
 * overview and the printout show (in this order), "make another" keeps,
 * and the carrier gets. Nothing reaches the carrier unless it is declared
 * so here: display texts (names of what was picked, summaries) stay on
 * this till. Characteristic names are the carrier contract and do not
 * change with the keys' spelling.
 */

#define LINE PROV_FIELD_LINE
#define SHOWN (PROV_FIELD_SHOWN | PROV_FIELD_PRINTED)
#define KEPT PROV_FIELD_CARRIED_OVER
#define SEARCHED PROV_FIELD_SEARCHED

#define TEXT PROV_FIELD_TEXT, PROV_ID_KIND_UNKNOWN
#define ID(kind) PROV_FIELD_IDENTIFIER, PROV_ID_KIND_##kind
#define DATE PROV_FIELD_DATE, PROV_ID_KIND_UNKNOWN
#define BOOLEAN PROV_FIELD_BOOLEAN, PROV_ID_KIND_UNKNOWN
#define CHOICE PROV_FIELD_CHOICE, PROV_ID_KIND_UNKNOWN
#define NUMBER PROV_FIELD_NUMBER, PROV_ID_KIND_UNKNOWN
#define SECRET PROV_FIELD_SECRET, PROV_ID_KIND_UNKNOWN

#define NEVER PROV_FIELD_CARRIER_NEVER, NULL
#define CHARACTERISTIC(name) PROV_FIELD_CARRIER_CHARACTERISTIC, name
#define RESOURCE(name) PROV_FIELD_CARRIER_RESOURCE, name
#define ORDER(member) PROV_FIELD_CARRIER_ORDER, member
#define OFFERING(member) PROV_FIELD_CARRIER_OFFERING, member
#define CUSTOMER(member) PROV_FIELD_CARRIER_CUSTOMER, member

static const ProvOrderField fields[] = {
  /* The order */
  { "customer.id", N_("Customer number at the carrier"), TEXT, KEPT, ORDER ("relatedParty.id") },
  /* The till's own record of the customer, who may not be at the carrier yet. */
  { "customer.uuid", N_("Customer at this till"), TEXT, KEPT, NEVER },
  { "customer.name", N_("Customer"), TEXT, SHOWN | KEPT | SEARCHED, ORDER ("relatedParty.name") },
  { "customer.email", N_("Customer's e-mail"), TEXT, KEPT, CUSTOMER ("contactMedium.email") },

  /* Where a new customer's order goes, and who to call about it */
  { "carrier.profile", N_("Carrier"), CHOICE, 0, NEVER },
  { "carrier.name", N_("Carrier"), TEXT, SHOWN, NEVER },
  { "order.type", N_("Order type"), CHOICE, 0, CHARACTERISTIC ("orderType") },
  { "order.type-name", N_("Order type"), TEXT, SHOWN, NEVER },
  { "contact.name", N_("Contact person"), TEXT, SHOWN, CUSTOMER ("characteristic.contactName") },
  { "contact.phone", N_("Contact phone"), ID (E164), SHOWN, CUSTOMER ("characteristic.contactPhone") },

  /* A reseller's customer (add services): the reseller they come under */
  { "reseller.id", N_("Reseller"), CHOICE, KEPT, CUSTOMER ("relatedParty.reseller") },
  { "reseller.name", N_("Reseller"), TEXT, SHOWN | KEPT, NEVER },
  { "customer.mode", N_("New or existing customer"), CHOICE, KEPT, NEVER },
  { "service.account-only", N_("Only a customer account"), BOOLEAN, 0, NEVER },
  /* The service type every number's line gets as its offering. */
  { "service.type", N_("Service type"), CHOICE, KEPT, NEVER },
  { "service.type-name", N_("Service type"), TEXT, SHOWN | KEPT, NEVER },
  /* The last number search, kept with the draft */
  { "numbers.count", N_("How many numbers"), NUMBER, 0, NEVER },
  { "numbers.prefix", N_("Number prefix"), TEXT, 0, NEVER },
  { "numbers.grade", N_("Number grade"), CHOICE, 0, NEVER },
  { "numbers.selection", N_("How numbers are chosen"), CHOICE, 0, NEVER },
  { "numbers.contains", N_("Digits the number contains"), TEXT, 0, NEVER },
  { "numbers.pool", N_("Number pool"), CHOICE, 0, NEVER },
  /* What the clerk asked after the services were created */
  { "notify.after", N_("After finishing"), CHOICE, 0, NEVER },
  { "billing.price-list", N_("Price list"), CHOICE, 0, CHARACTERISTIC ("priceList") },
  { "billing.price-list-name", N_("Price list"), TEXT, SHOWN, NEVER },
  { "confirm.terms-agreed", N_("Terms and conditions agreed"), BOOLEAN, 0, NEVER },
  { "confirm.warnings-accepted", N_("Warnings accepted"), BOOLEAN, 0, NEVER },

  /* A new customer, created at the carrier (TMF629) before the order */
  { "customer.kind", N_("Person or business"), CHOICE, 0, CUSTOMER ("engagedParty.@referredType") },
  { "customer.phone", N_("Customer's phone number"), ID (E164), SHOWN | KEPT, CUSTOMER ("contactMedium.phone") },
  { "customer.birth-date", N_("Date of birth"), DATE, 0, CUSTOMER ("characteristic.birthDate") },
  { "customer.company-number", N_("Company registration number"), TEXT, SHOWN, CUSTOMER ("characteristic.companyNumber") },
  { "customer.id-type", N_("ID document"), CHOICE, 0, CUSTOMER ("characteristic.idDocumentType") },
  { "customer.id-number", N_("ID document number"), TEXT, 0, CUSTOMER ("characteristic.idDocumentNumber") },
  { "customer.language", N_("Preferred language"), CHOICE, 0, CUSTOMER ("characteristic.preferredLanguage") },
  { "customer.account-pin", N_("Account PIN for phone support"), SECRET, KEPT, CUSTOMER ("characteristic.accountPin") },
  { "service.street", N_("Street and number"), TEXT, SHOWN, CUSTOMER ("postalAddress.street1") },
  { "service.postcode", N_("Postcode"), TEXT, SHOWN, CUSTOMER ("postalAddress.postCode") },
  { "service.city", N_("City"), TEXT, SHOWN, CUSTOMER ("postalAddress.city") },
  { "service.country", N_("Country"), CHOICE, 0, CUSTOMER ("postalAddress.country") },
  /* A new customer's billing, listing and payment */
  { "billing.same-as-service", N_("Billing address as service address"), BOOLEAN, 0, NEVER },
  { "billing.street", N_("Billing street and number"), TEXT, SHOWN, CUSTOMER ("billingAddress.street1") },
  { "billing.postcode", N_("Billing postcode"), TEXT, SHOWN, CUSTOMER ("billingAddress.postCode") },
  { "billing.city", N_("Billing city"), TEXT, SHOWN, CUSTOMER ("billingAddress.city") },
  { "billing.country", N_("Billing country"), CHOICE, 0, CUSTOMER ("billingAddress.country") },
  { "directory.listing", N_("Directory listing"), CHOICE, 0, CUSTOMER ("characteristic.directoryListing") },
  { "directory.listing-name", N_("Directory listing"), TEXT, SHOWN, NEVER },
  { "listing.same-as-service", N_("Listing address as service address"), BOOLEAN, 0, NEVER },
  { "listing.street", N_("Listed street and number"), TEXT, SHOWN, CUSTOMER ("listingAddress.street1") },
  { "listing.postcode", N_("Listed postcode"), TEXT, SHOWN, CUSTOMER ("listingAddress.postCode") },
  { "listing.city", N_("Listed city"), TEXT, SHOWN, CUSTOMER ("listingAddress.city") },
  { "listing.country", N_("Listed country"), CHOICE, 0, CUSTOMER ("listingAddress.country") },
  { "bill.format", N_("Bill"), CHOICE, 0, CUSTOMER ("characteristic.billFormat") },
  { "bill.format-name", N_("Bill"), TEXT, SHOWN, NEVER },
  { "payment.method", N_("Payment method"), CHOICE, 0, CUSTOMER ("characteristic.paymentMethod") },
  { "payment.method-name", N_("Payment method"), TEXT, SHOWN, NEVER },
  /* Shown and printed masked: see prov_order_summary_lines(). */
  { "payment.iban", N_("IBAN"), ID (IBAN), SHOWN, CUSTOMER ("characteristic.iban") },
  { "payment.account-holder", N_("Account holder"), TEXT, SHOWN, CUSTOMER ("characteristic.accountHolder") },
  { "payment.terminal-reference", N_("Terminal payment reference"), TEXT, SHOWN,
    CUSTOMER ("characteristic.paymentReference") },
  /* The clerk saw the carrier's possible duplicates and chose to create
   * the customer anyway; "checked" is FALSE when the carrier could not be
   * asked, and sending asks again. */
  { "customer.duplicates-checked", N_("Duplicate customers checked"), BOOLEAN, 0, NEVER },
  { "customer.new-confirmed", N_("Confirmed as a new customer"), BOOLEAN, 0, NEVER },
  /* Written before the customer is created: an answer lost after it means
   * asking the carrier before creating them again. */
  { "customer.creation-started", N_("Customer creation started"), BOOLEAN, 0, NEVER },
  { PROV_ORDER_FIELD_CARRIER_ACCEPTED, N_("Accepted by the carrier"), BOOLEAN, 0, NEVER },
  /* The order whose placed line this one changes (a SIM connected later). */
  { "follows.order", N_("Follows order"), TEXT, 0, NEVER },

  /* Its line: what is ordered */
  { "stocktaking.portfolio-id", N_("Portfolio"), CHOICE, LINE | KEPT, CHARACTERISTIC ("stocktaking.portfolio-id") },
  { "stocktaking.portfolio-name", N_("Portfolio"), TEXT, LINE | SHOWN | KEPT, NEVER },
  { "subscription.offering-id", N_("Product"), CHOICE, LINE | KEPT, OFFERING ("id") },
  { "subscription.offering-name", N_("Product"), TEXT, LINE | SHOWN | KEPT, OFFERING ("name") },
  { "subscription.data-id", N_("Data package"), CHOICE, LINE, CHARACTERISTIC ("subscription.data-id") },
  { "subscription.data-name", N_("Data package"), TEXT, LINE | SHOWN, NEVER },
  { "subscription.sms-id", N_("SMS package"), CHOICE, LINE, CHARACTERISTIC ("subscription.sms-id") },
  { "subscription.sms-name", N_("SMS package"), TEXT, LINE | SHOWN, NEVER },

  /* A new customer's line: its type, and what its package bundles as the
   * clerk left it */
  { "line.type", N_("Line type"), CHOICE, LINE, CHARACTERISTIC ("lineType") },
  { "line.type-name", N_("Line type"), TEXT, LINE | SHOWN, NEVER },
  { "line.product-ids", N_("Products"), CHOICE, LINE, CHARACTERISTIC ("includedProducts") },
  { "line.product-names", N_("Products"), TEXT, LINE | SHOWN, NEVER },
  { "line.rates", N_("Long distance"), TEXT, LINE | SHOWN, NEVER },

  /* The order again: agreed terms */
  { "reference", N_("Own reference"), TEXT, SHOWN | KEPT | SEARCHED, ORDER ("note") },
  { "stocktaking.start-date", N_("Start date"), DATE, SHOWN | KEPT, ORDER ("requestedStartDate") },

  /* The line's options and user */
  { "stocktaking.contract-months", N_("Contract duration (months)"), NUMBER, LINE | SHOWN | KEPT,
    CHARACTERISTIC ("stocktaking.contract-months") },
  { "addons.ids", N_("Add-ons"), CHOICE, LINE | KEPT, CHARACTERISTIC ("addons.ids") },
  { "addons.names", N_("Add-ons"), TEXT, LINE | SHOWN | KEPT, NEVER },
  { "addons.country", N_("Country of the add-ons"), CHOICE, LINE | KEPT, CHARACTERISTIC ("addons.country") },
  { "user.mode", N_("New or existing user"), CHOICE, LINE, CHARACTERISTIC ("user.mode") },
  { "user.display-name", N_("User"), TEXT, LINE | SHOWN, CHARACTERISTIC ("user.display-name") },
  { "user.first-name", N_("First name"), TEXT, LINE, CHARACTERISTIC ("user.first-name") },
  { "user.prefix", N_("Prefix"), TEXT, LINE, CHARACTERISTIC ("user.prefix") },
  { "user.last-name", N_("Last name"), TEXT, LINE, CHARACTERISTIC ("user.last-name") },
  { "user.email", N_("User's e-mail"), TEXT, LINE | SHOWN, CHARACTERISTIC ("user.email") },
  { "user.language", N_("Language"), CHOICE, LINE, CHARACTERISTIC ("user.language") },
  { "user.language-name", N_("Language of announcements"), TEXT, LINE | SHOWN, NEVER },

  /* The line's SIM, number and device */
  { "sim.mode", N_("SIM connected"), CHOICE, LINE, CHARACTERISTIC ("sim.mode") },
  { "sim.iccid", N_("SIM (ICCID)"), ID (ICCID), LINE | SHOWN | SEARCHED, RESOURCE ("ICCID") },
  { "number.msisdn", N_("Phone number"), ID (E164), LINE | SHOWN | SEARCHED, RESOURCE ("MSISDN") },
  { "number.summary", N_("Number"), TEXT, LINE | SHOWN, NEVER },
  { "number.grade", N_("Number grade"), CHOICE, LINE, CHARACTERISTIC ("grade") },
  /* "carrier": reserved from a search; "cache": this till's own reserve,
   * picked while the carrier could not be asked. */
  { "number.source", N_("Where the number came from"), CHOICE, LINE, NEVER },
  { "number.mode", N_("New number or port-in"), CHOICE, LINE, CHARACTERISTIC ("number.mode") },
  { "number.country", N_("Country of the number"), CHOICE, LINE, CHARACTERISTIC ("number.country") },
  { "number.donor-provider", N_("Current provider"), TEXT, LINE, CHARACTERISTIC ("number.donor-provider") },
  { "number.donor-account", N_("Account number at the current provider"), TEXT, LINE,
    CHARACTERISTIC ("number.donor-account") },
  { "number.transfer-pin", N_("Transfer PIN"), SECRET, LINE, CHARACTERISTIC ("number.transfer-pin") },
  { "number.billing-zip", N_("Billing ZIP code"), TEXT, LINE, CHARACTERISTIC ("number.billing-zip") },
  { "number.account-holder", N_("Account holder"), TEXT, LINE, CHARACTERISTIC ("number.account-holder") },
  { "number.pac", N_("PAC or STAC"), ID (PAC), LINE, CHARACTERISTIC ("number.pac") },
  { "number.contract-type", N_("Prepaid or postpaid"), CHOICE, LINE, CHARACTERISTIC ("number.contract-type") },
  { "number.contract-number", N_("Contract number"), TEXT, LINE, CHARACTERISTIC ("number.contract-number") },
  { "number.wished-date", N_("Wished porting date"), DATE, LINE, CHARACTERISTIC ("number.wished-date") },
  { "number.consent", N_("Consent to end the old contract"), BOOLEAN, LINE, CHARACTERISTIC ("number.consent") },
  { "device.imei", N_("Device (IMEI)"), ID (IMEI), LINE | SHOWN | SEARCHED, CHARACTERISTIC ("IMEI") },
  { "device.imei2", N_("Second IMEI"), ID (IMEI), LINE | SHOWN, CHARACTERISTIC ("IMEI2") },
  { "device.meid", N_("Device (MEID)"), ID (MEID), LINE | SHOWN | SEARCHED, CHARACTERISTIC ("MEID") },
  { "device.esn", N_("Device (ESN)"), ID (ESN), LINE | SHOWN | SEARCHED, CHARACTERISTIC ("ESN") },

  /* The line's PBX extension */
  { "extension.subscriber", N_("Subscriber"), CHOICE, LINE, CHARACTERISTIC ("extension.subscriber") },
  { "extension.next-available", N_("Next available extension"), BOOLEAN, LINE | KEPT, NEVER },
  { "extension.number", N_("Extension"), NUMBER, LINE | SHOWN, CHARACTERISTIC ("extension.number") },
  { "extension.name", N_("Name shown on calls"), TEXT, LINE | SHOWN, CHARACTERISTIC ("extension.name") },
  { "extension.pin", N_("Log-on PIN"), SECRET, LINE, CHARACTERISTIC (PROV_CATALOG_PIN_CHARACTERISTIC) },
  { "extension.pin-change-required", N_("PIN to be changed at first login"), BOOLEAN, LINE,
    CHARACTERISTIC ("extension.pin-change-required") },
  { "extension.area-code", N_("Area code"), TEXT, LINE | SHOWN | KEPT, CHARACTERISTIC ("extension.area-code") },
  { "confirm.end-user-billing", N_("End user billing"), BOOLEAN, LINE, CHARACTERISTIC ("confirm.end-user-billing") },

  /* What the clerk asked of the till */
  { "confirm.print", N_("Print the confirmation"), BOOLEAN, 0, NEVER },
  { "confirm.save-pdf", N_("Save the confirmation as PDF"), BOOLEAN, 0, NEVER },
  { "notes", N_("Notes"), TEXT, 0, NEVER },
};

/* A service's settings, one field per characteristic its product
 * specification in the carrier's catalog declares: "setting.NAME" goes to
 * the carrier as the characteristic NAME of its line. */
static const ProvOrderField setting_field = {
  PROV_ORDER_FIELD_SETTING_PREFIX "*", N_("Setting"), PROV_FIELD_TEXT, PROV_ID_KIND_UNKNOWN,
  PROV_FIELD_LINE | PROV_FIELD_SHOWN, PROV_FIELD_CARRIER_CHARACTERISTIC, "*"
};

/* NULL for a key nobody declared. */
const ProvOrderField *
prov_order_field_lookup (const char *key)
{
  static GHashTable *by_key;
  static gsize built;

  if (g_once_init_enter (&built))
    {
      by_key = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        g_hash_table_insert (by_key, (gpointer) fields[i].key, (gpointer) &fields[i]);
      g_once_init_leave (&built, 1);
    }

  if (key != NULL && g_str_has_prefix (key, PROV_ORDER_FIELD_SETTING_PREFIX) &&
      key[strlen (PROV_ORDER_FIELD_SETTING_PREFIX)] != '\0')
    return &setting_field;

  return key != NULL ? g_hash_table_lookup (by_key, key) : NULL;
}

/* The name @key has at the carrier: a setting's is its characteristic's. */
const char *
prov_order_field_get_carrier_name (const ProvOrderField *field,
                                   const char           *key)
{
  if (field == &setting_field)
    return key + strlen (PROV_ORDER_FIELD_SETTING_PREFIX);
  return field->carrier_name;
}

/* In the order the overview and the printout show them. */
const ProvOrderField *
prov_order_field_get_all (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

const char *
prov_order_field_get_title (const ProvOrderField *field)
{
  return _(field->title);
}

/* Whether @key belongs to an order line; keys nobody declared belong to
 * the order. */
gboolean
prov_order_field_is_line (const char *key)
{
  const ProvOrderField *field = prov_order_field_lookup (key);

  return field != NULL && (field->flags & PROV_FIELD_LINE) != 0;
}

/* How @value reads to the customer: NULL for what must not be read (a
 * secret) or says nothing (a picked item's id, whose name is a field of
 * its own); an IBAN only as far as lets the customer recognise it. */
char *
prov_order_field_dup_readable_value (const ProvOrderField *field,
                                     const char           *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || *value == '\0' || field->kind == PROV_FIELD_CHOICE || field->kind == PROV_FIELD_SECRET)
    return NULL;

  if (field->kind == PROV_FIELD_IDENTIFIER && field->id_kind == PROV_ID_KIND_IBAN)
    {
      g_autoptr(ProvId) iban = prov_id_parse (PROV_ID_KIND_IBAN, value);

      return prov_id_dup_masked (iban);
    }

  return g_strdup (value);
}

/* As prov_order_field_dup_readable_value, for a field the printout shows. */
char *
prov_order_field_dup_printed_value (const ProvOrderField *field,
                                    const char           *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  return (field->flags & PROV_FIELD_PRINTED) != 0 ? prov_order_field_dup_readable_value (field, value) : NULL;
}
