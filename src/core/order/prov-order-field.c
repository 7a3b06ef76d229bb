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
#define PRODUCT(member) PROV_FIELD_CARRIER_PRODUCT, member

static const ProvOrderField fields[] = {
  /* The order */
  { PROV_ORDER_FIELD_CUSTOMER_ID, N_("Customer number at the carrier"), TEXT, KEPT, ORDER ("relatedParty.id") },
  /* The till's own record of the customer, who may not be at the carrier yet. */
  { PROV_ORDER_FIELD_CUSTOMER_UUID, N_("Customer at this till"), TEXT, KEPT, NEVER },
  { PROV_ORDER_FIELD_CUSTOMER_NAME, N_("Customer"), TEXT, SHOWN | KEPT | SEARCHED, ORDER ("relatedParty.name") },
  { PROV_ORDER_FIELD_CUSTOMER_EMAIL, N_("Customer's e-mail"), TEXT, KEPT, CUSTOMER ("contactMedium.email") },

  /* Where a new customer's order goes, and who to call about it */
  { PROV_ORDER_FIELD_CARRIER_PROFILE, N_("Carrier"), CHOICE, 0, NEVER },
  { PROV_ORDER_FIELD_CARRIER_NAME, N_("Carrier"), TEXT, SHOWN, NEVER },
  { PROV_ORDER_FIELD_ORDER_TYPE, N_("Order type"), CHOICE, 0, CHARACTERISTIC ("orderType") },
  { PROV_ORDER_FIELD_ORDER_TYPE_NAME, N_("Order type"), TEXT, SHOWN, NEVER },
  { PROV_ORDER_FIELD_CONTACT_NAME, N_("Contact person"), TEXT, SHOWN, CUSTOMER ("characteristic.contactName") },
  { PROV_ORDER_FIELD_CONTACT_PHONE, N_("Contact phone"), ID (E164), SHOWN, CUSTOMER ("characteristic.contactPhone") },

  /* A reseller's customer (add services): the reseller they come under */
  { PROV_ORDER_FIELD_RESELLER_ID, N_("Reseller"), CHOICE, KEPT, CUSTOMER ("relatedParty.reseller") },
  { PROV_ORDER_FIELD_RESELLER_NAME, N_("Reseller"), TEXT, SHOWN | KEPT, NEVER },
  { PROV_ORDER_FIELD_CUSTOMER_MODE, N_("New or existing customer"), CHOICE, KEPT, NEVER },
  { PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY, N_("Only a customer account"), BOOLEAN, 0, NEVER },
  /* The service type every number's line gets as its offering. */
  { PROV_ORDER_FIELD_SERVICE_TYPE, N_("Service type"), CHOICE, KEPT, NEVER },
  { PROV_ORDER_FIELD_SERVICE_TYPE_NAME, N_("Service type"), TEXT, SHOWN | KEPT, NEVER },
  /* The last number search, kept with the draft */
  { PROV_ORDER_FIELD_NUMBERS_COUNT, N_("How many numbers"), NUMBER, 0, NEVER },
  { PROV_ORDER_FIELD_NUMBERS_PREFIX, N_("Number prefix"), TEXT, 0, NEVER },
  { PROV_ORDER_FIELD_NUMBERS_GRADE, N_("Number grade"), CHOICE, 0, NEVER },
  { PROV_ORDER_FIELD_NUMBERS_SELECTION, N_("How numbers are chosen"), CHOICE, 0, NEVER },
  { PROV_ORDER_FIELD_NUMBERS_CONTAINS, N_("Digits the number contains"), TEXT, 0, NEVER },
  { PROV_ORDER_FIELD_NUMBERS_POOL, N_("Number pool"), CHOICE, 0, NEVER },
  /* What the clerk asked after the services were created */
  { PROV_ORDER_FIELD_NOTIFY_AFTER, N_("After finishing"), CHOICE, 0, NEVER },
  { PROV_ORDER_FIELD_BILLING_PRICE_LIST, N_("Price list"), CHOICE, 0, CHARACTERISTIC ("priceList") },
  { PROV_ORDER_FIELD_BILLING_PRICE_LIST_NAME, N_("Price list"), TEXT, SHOWN, NEVER },
  { PROV_ORDER_FIELD_CONFIRM_TERMS_AGREED, N_("Terms and conditions agreed"), BOOLEAN, 0, NEVER },
  { PROV_ORDER_FIELD_CONFIRM_WARNINGS_ACCEPTED, N_("Warnings accepted"), BOOLEAN, 0, NEVER },

  /* A new customer, created at the carrier (TMF629) before the order */
  { PROV_ORDER_FIELD_CUSTOMER_KIND, N_("Person or business"), CHOICE, 0, CUSTOMER ("engagedParty.@referredType") },
  { PROV_ORDER_FIELD_CUSTOMER_PHONE, N_("Customer's phone number"), ID (E164), SHOWN | KEPT, CUSTOMER ("contactMedium.phone") },
  { PROV_ORDER_FIELD_CUSTOMER_BIRTH_DATE, N_("Date of birth"), DATE, 0, CUSTOMER ("characteristic.birthDate") },
  { PROV_ORDER_FIELD_CUSTOMER_COMPANY_NUMBER, N_("Company registration number"), TEXT, SHOWN, CUSTOMER ("characteristic.companyNumber") },
  { PROV_ORDER_FIELD_CUSTOMER_ID_TYPE, N_("ID document"), CHOICE, 0, CUSTOMER ("characteristic.idDocumentType") },
  { PROV_ORDER_FIELD_CUSTOMER_ID_NUMBER, N_("ID document number"), TEXT, 0, CUSTOMER ("characteristic.idDocumentNumber") },
  { PROV_ORDER_FIELD_CUSTOMER_LANGUAGE, N_("Preferred language"), CHOICE, 0, CUSTOMER ("characteristic.preferredLanguage") },
  { PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN, N_("Account PIN for phone support"), SECRET, KEPT, CUSTOMER ("characteristic.accountPin") },
  { PROV_ORDER_FIELD_SERVICE_STREET, N_("Street and number"), TEXT, SHOWN, CUSTOMER ("postalAddress.street1") },
  { PROV_ORDER_FIELD_SERVICE_POSTCODE, N_("Postcode"), TEXT, SHOWN, CUSTOMER ("postalAddress.postCode") },
  { PROV_ORDER_FIELD_SERVICE_CITY, N_("City"), TEXT, SHOWN, CUSTOMER ("postalAddress.city") },
  { PROV_ORDER_FIELD_SERVICE_COUNTRY, N_("Country"), CHOICE, 0, CUSTOMER ("postalAddress.country") },
  /* A new customer's billing, listing and payment */
  { PROV_ORDER_FIELD_BILLING_SAME_AS_SERVICE, N_("Billing address as service address"), BOOLEAN, 0, NEVER },
  { PROV_ORDER_FIELD_BILLING_STREET, N_("Billing street and number"), TEXT, SHOWN, CUSTOMER ("billingAddress.street1") },
  { PROV_ORDER_FIELD_BILLING_POSTCODE, N_("Billing postcode"), TEXT, SHOWN, CUSTOMER ("billingAddress.postCode") },
  { PROV_ORDER_FIELD_BILLING_CITY, N_("Billing city"), TEXT, SHOWN, CUSTOMER ("billingAddress.city") },
  { PROV_ORDER_FIELD_BILLING_COUNTRY, N_("Billing country"), CHOICE, 0, CUSTOMER ("billingAddress.country") },
  { PROV_ORDER_FIELD_DIRECTORY_LISTING, N_("Directory listing"), CHOICE, 0, CUSTOMER ("characteristic.directoryListing") },
  { PROV_ORDER_FIELD_DIRECTORY_LISTING_NAME, N_("Directory listing"), TEXT, SHOWN, NEVER },
  { PROV_ORDER_FIELD_LISTING_SAME_AS_SERVICE, N_("Listing address as service address"), BOOLEAN, 0, NEVER },
  { PROV_ORDER_FIELD_LISTING_STREET, N_("Listed street and number"), TEXT, SHOWN, CUSTOMER ("listingAddress.street1") },
  { PROV_ORDER_FIELD_LISTING_POSTCODE, N_("Listed postcode"), TEXT, SHOWN, CUSTOMER ("listingAddress.postCode") },
  { PROV_ORDER_FIELD_LISTING_CITY, N_("Listed city"), TEXT, SHOWN, CUSTOMER ("listingAddress.city") },
  { PROV_ORDER_FIELD_LISTING_COUNTRY, N_("Listed country"), CHOICE, 0, CUSTOMER ("listingAddress.country") },
  { PROV_ORDER_FIELD_BILL_FORMAT, N_("Bill"), CHOICE, 0, CUSTOMER ("characteristic.billFormat") },
  { PROV_ORDER_FIELD_BILL_FORMAT_NAME, N_("Bill"), TEXT, SHOWN, NEVER },
  { PROV_ORDER_FIELD_PAYMENT_METHOD, N_("Payment method"), CHOICE, 0, CUSTOMER ("characteristic.paymentMethod") },
  { PROV_ORDER_FIELD_PAYMENT_METHOD_NAME, N_("Payment method"), TEXT, SHOWN, NEVER },
  /* Shown and printed masked: see prov_order_summary_lines(). */
  { PROV_ORDER_FIELD_PAYMENT_IBAN, N_("IBAN"), ID (IBAN), SHOWN, CUSTOMER ("characteristic.iban") },
  { PROV_ORDER_FIELD_PAYMENT_ACCOUNT_HOLDER, N_("Account holder"), TEXT, SHOWN, CUSTOMER ("characteristic.accountHolder") },
  { PROV_ORDER_FIELD_PAYMENT_TERMINAL_REFERENCE, N_("Terminal payment reference"), TEXT, SHOWN,
    CUSTOMER ("characteristic.paymentReference") },
  /* The clerk saw the carrier's possible duplicates and chose to create
   * the customer anyway; "checked" is FALSE when the carrier could not be
   * asked, and sending asks again. */
  { PROV_ORDER_FIELD_CUSTOMER_DUPLICATES_CHECKED, N_("Duplicate customers checked"), BOOLEAN, 0, NEVER },
  { PROV_ORDER_FIELD_CUSTOMER_NEW_CONFIRMED, N_("Confirmed as a new customer"), BOOLEAN, 0, NEVER },
  /* Written before the customer is created: an answer lost after it means
   * asking the carrier before creating them again. */
  { PROV_ORDER_FIELD_CUSTOMER_CREATION_STARTED, N_("Customer creation started"), BOOLEAN, 0, NEVER },
  { PROV_ORDER_FIELD_CARRIER_ACCEPTED, N_("Accepted by the carrier"), BOOLEAN, 0, NEVER },
  /* The order whose placed line this one changes (a SIM connected later). */
  { PROV_ORDER_FIELD_FOLLOWS_ORDER, N_("Follows order"), TEXT, 0, NEVER },

  /* Its line: what is ordered */
  { PROV_ORDER_FIELD_STOCKTAKING_PORTFOLIO_ID, N_("Portfolio"), CHOICE, LINE | KEPT, CHARACTERISTIC ("stocktaking.portfolio-id") },
  { PROV_ORDER_FIELD_STOCKTAKING_PORTFOLIO_NAME, N_("Portfolio"), TEXT, LINE | SHOWN | KEPT, NEVER },
  { PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, N_("Product"), CHOICE, LINE | KEPT, OFFERING ("id") },
  { PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME, N_("Product"), TEXT, LINE | SHOWN | KEPT, OFFERING ("name") },
  { PROV_ORDER_FIELD_SUBSCRIPTION_DATA_ID, N_("Data package"), CHOICE, LINE, CHARACTERISTIC ("subscription.data-id") },
  { PROV_ORDER_FIELD_SUBSCRIPTION_DATA_NAME, N_("Data package"), TEXT, LINE | SHOWN, NEVER },
  { PROV_ORDER_FIELD_SUBSCRIPTION_SMS_ID, N_("SMS package"), CHOICE, LINE, CHARACTERISTIC ("subscription.sms-id") },
  { PROV_ORDER_FIELD_SUBSCRIPTION_SMS_NAME, N_("SMS package"), TEXT, LINE | SHOWN, NEVER },

  /* A new customer's line: its type, and what its package bundles as the
   * clerk left it */
  { PROV_ORDER_FIELD_LINE_TYPE, N_("Line type"), CHOICE, LINE, CHARACTERISTIC ("lineType") },
  { PROV_ORDER_FIELD_LINE_TYPE_NAME, N_("Line type"), TEXT, LINE | SHOWN, NEVER },
  { PROV_ORDER_FIELD_LINE_PRODUCT_IDS, N_("Products"), CHOICE, LINE, CHARACTERISTIC ("includedProducts") },
  { PROV_ORDER_FIELD_LINE_PRODUCT_NAMES, N_("Products"), TEXT, LINE | SHOWN, NEVER },
  { PROV_ORDER_FIELD_LINE_RATES, N_("Long distance"), TEXT, LINE | SHOWN, NEVER },

  /* The order again: agreed terms */
  { PROV_ORDER_FIELD_REFERENCE, N_("Own reference"), TEXT, SHOWN | KEPT | SEARCHED, ORDER ("note") },
  { PROV_ORDER_FIELD_STOCKTAKING_START_DATE, N_("Start date"), DATE, SHOWN | KEPT, ORDER ("requestedStartDate") },

  /* The line's options and user */
  { PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS, N_("Contract duration (months)"), NUMBER, LINE | SHOWN | KEPT,
    CHARACTERISTIC ("stocktaking.contract-months") },
  { PROV_ORDER_FIELD_ADDONS_IDS, N_("Add-ons"), CHOICE, LINE | KEPT, CHARACTERISTIC ("addons.ids") },
  { PROV_ORDER_FIELD_ADDONS_NAMES, N_("Add-ons"), TEXT, LINE | SHOWN | KEPT, NEVER },
  { PROV_ORDER_FIELD_ADDONS_COUNTRY, N_("Country of the add-ons"), CHOICE, LINE | KEPT, CHARACTERISTIC ("addons.country") },
  { PROV_ORDER_FIELD_USER_MODE, N_("New or existing user"), CHOICE, LINE, CHARACTERISTIC ("user.mode") },
  { PROV_ORDER_FIELD_USER_DISPLAY_NAME, N_("User"), TEXT, LINE | SHOWN, CHARACTERISTIC ("user.display-name") },
  { PROV_ORDER_FIELD_USER_FIRST_NAME, N_("First name"), TEXT, LINE, CHARACTERISTIC ("user.first-name") },
  { PROV_ORDER_FIELD_USER_PREFIX, N_("Prefix"), TEXT, LINE, CHARACTERISTIC ("user.prefix") },
  { PROV_ORDER_FIELD_USER_LAST_NAME, N_("Last name"), TEXT, LINE, CHARACTERISTIC ("user.last-name") },
  { PROV_ORDER_FIELD_USER_EMAIL, N_("User's e-mail"), TEXT, LINE | SHOWN, CHARACTERISTIC ("user.email") },
  { PROV_ORDER_FIELD_USER_LANGUAGE, N_("Language"), CHOICE, LINE, CHARACTERISTIC ("user.language") },
  { PROV_ORDER_FIELD_USER_LANGUAGE_NAME, N_("Language of announcements"), TEXT, LINE | SHOWN, NEVER },

  /* The line's SIM, number and device */
  { PROV_ORDER_FIELD_SIM_MODE, N_("SIM connected"), CHOICE, LINE, CHARACTERISTIC ("sim.mode") },
  { PROV_ORDER_FIELD_SIM_ICCID, N_("SIM (ICCID)"), ID (ICCID), LINE | SHOWN | SEARCHED, RESOURCE ("ICCID") },
  { PROV_ORDER_FIELD_NUMBER_MSISDN, N_("Phone number"), ID (E164), LINE | SHOWN | SEARCHED, RESOURCE ("MSISDN") },
  { PROV_ORDER_FIELD_NUMBER_SUMMARY, N_("Number"), TEXT, LINE | SHOWN, NEVER },
  { PROV_ORDER_FIELD_NUMBER_GRADE, N_("Number grade"), CHOICE, LINE, CHARACTERISTIC ("grade") },
  /* "carrier": reserved from a search; "cache": this till's own reserve,
   * picked while the carrier could not be asked. */
  { PROV_ORDER_FIELD_NUMBER_SOURCE, N_("Where the number came from"), CHOICE, LINE, NEVER },
  { PROV_ORDER_FIELD_NUMBER_MODE, N_("New number or port-in"), CHOICE, LINE, CHARACTERISTIC ("number.mode") },
  { PROV_ORDER_FIELD_NUMBER_COUNTRY, N_("Country of the number"), CHOICE, LINE, CHARACTERISTIC ("number.country") },
  { PROV_ORDER_FIELD_NUMBER_DONOR_PROVIDER, N_("Current provider"), TEXT, LINE, CHARACTERISTIC ("number.donor-provider") },
  { PROV_ORDER_FIELD_NUMBER_DONOR_ACCOUNT, N_("Account number at the current provider"), TEXT, LINE,
    CHARACTERISTIC ("number.donor-account") },
  { PROV_ORDER_FIELD_NUMBER_TRANSFER_PIN, N_("Transfer PIN"), SECRET, LINE, CHARACTERISTIC ("number.transfer-pin") },
  { PROV_ORDER_FIELD_NUMBER_BILLING_ZIP, N_("Billing ZIP code"), TEXT, LINE, CHARACTERISTIC ("number.billing-zip") },
  { PROV_ORDER_FIELD_NUMBER_ACCOUNT_HOLDER, N_("Account holder"), TEXT, LINE, CHARACTERISTIC ("number.account-holder") },
  { PROV_ORDER_FIELD_NUMBER_PAC, N_("PAC or STAC"), ID (PAC), LINE, CHARACTERISTIC ("number.pac") },
  { PROV_ORDER_FIELD_NUMBER_CONTRACT_TYPE, N_("Prepaid or postpaid"), CHOICE, LINE, CHARACTERISTIC ("number.contract-type") },
  { PROV_ORDER_FIELD_NUMBER_CONTRACT_NUMBER, N_("Contract number"), TEXT, LINE, CHARACTERISTIC ("number.contract-number") },
  { PROV_ORDER_FIELD_NUMBER_WISHED_DATE, N_("Wished porting date"), DATE, LINE, CHARACTERISTIC ("number.wished-date") },
  { PROV_ORDER_FIELD_NUMBER_CONSENT, N_("Consent to end the old contract"), BOOLEAN, LINE, CHARACTERISTIC ("number.consent") },
  { PROV_ORDER_FIELD_DEVICE_IMEI, N_("Device (IMEI)"), ID (IMEI), LINE | SHOWN | SEARCHED, CHARACTERISTIC ("IMEI") },
  { PROV_ORDER_FIELD_DEVICE_IMEI2, N_("Second IMEI"), ID (IMEI), LINE | SHOWN, CHARACTERISTIC ("IMEI2") },
  { PROV_ORDER_FIELD_DEVICE_MEID, N_("Device (MEID)"), ID (MEID), LINE | SHOWN | SEARCHED, CHARACTERISTIC ("MEID") },
  { PROV_ORDER_FIELD_DEVICE_ESN, N_("Device (ESN)"), ID (ESN), LINE | SHOWN | SEARCHED, CHARACTERISTIC ("ESN") },

  /* The line's PBX extension */
  { PROV_ORDER_FIELD_EXTENSION_SUBSCRIBER, N_("Subscriber"), CHOICE, LINE, CHARACTERISTIC ("extension.subscriber") },
  { PROV_ORDER_FIELD_EXTENSION_NEXT_AVAILABLE, N_("Next available extension"), BOOLEAN, LINE | KEPT, NEVER },
  { PROV_ORDER_FIELD_EXTENSION_NUMBER, N_("Extension"), NUMBER, LINE | SHOWN, CHARACTERISTIC ("extension.number") },
  { PROV_ORDER_FIELD_EXTENSION_NAME, N_("Name shown on calls"), TEXT, LINE | SHOWN, CHARACTERISTIC ("extension.name") },
  { PROV_ORDER_FIELD_EXTENSION_PIN, N_("Log-on PIN"), SECRET, LINE, CHARACTERISTIC (PROV_CATALOG_PIN_CHARACTERISTIC) },
  { PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED, N_("PIN to be changed at first login"), BOOLEAN, LINE,
    CHARACTERISTIC ("extension.pin-change-required") },
  { PROV_ORDER_FIELD_EXTENSION_AREA_CODE, N_("Area code"), TEXT, LINE | SHOWN | KEPT, CHARACTERISTIC ("extension.area-code") },
  { PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING, N_("End user billing"), BOOLEAN, LINE, CHARACTERISTIC ("confirm.end-user-billing") },

  /* What the clerk asked of the till */
  { PROV_ORDER_FIELD_CONFIRM_PRINT, N_("Print the confirmation"), BOOLEAN, 0, NEVER },
  { PROV_ORDER_FIELD_CONFIRM_SAVE_PDF, N_("Save the confirmation as PDF"), BOOLEAN, 0, NEVER },
  { PROV_ORDER_FIELD_NOTES, N_("Notes"), TEXT, 0, NEVER },

  /* Flow 5: what is asked of one of the customer's lines. The request's
   * id goes to the carrier on its item; the line is named by the item's
   * product id (prov_order_line_get_product_ref). */
  { PROV_ORDER_FIELD_REQUEST_TYPE, N_("Request"), CHOICE, LINE, CHARACTERISTIC ("requestType") },
  { PROV_ORDER_FIELD_REQUEST_TYPE_NAME, N_("Request"), TEXT, LINE | SHOWN, NEVER },
  { PROV_ORDER_FIELD_REQUEST_LINE_NUMBER, N_("Line"), TEXT, LINE | SHOWN | SEARCHED, NEVER },
  /* When the line ended (RFC 3339), for the restore window. */
  { PROV_ORDER_FIELD_REQUEST_LINE_ENDED, N_("Line ended"), TEXT, LINE, NEVER },
  { PROV_ORDER_FIELD_REQUEST_OLD_ICCID, N_("SIM replaced"), TEXT, LINE | SHOWN, NEVER },
  { PROV_ORDER_FIELD_REQUEST_OLD_IMEI, N_("Device replaced"), TEXT, LINE | SHOWN, NEVER },
  { PROV_ORDER_FIELD_REQUEST_RESTORE_WINDOW_DAYS, N_("Days a line can be restored"), NUMBER, 0, NEVER },
  { PROV_ORDER_FIELD_REQUEST_PRODUCT_STATUS, N_("Line status asked for"), CHOICE, LINE, PRODUCT ("status") },
  { PROV_ORDER_FIELD_REQUEST_RELIES_ON, N_("For the line"), TEXT, LINE, PRODUCT ("reliesOn") },
  { PROV_ORDER_FIELD_REQUEST_SUSPEND_REASON, N_("Reason"), CHOICE, LINE, CHARACTERISTIC ("suspendReason") },
  { PROV_ORDER_FIELD_REQUEST_SUSPEND_REASON_NAME, N_("Reason"), TEXT, LINE | SHOWN, NEVER },
  { PROV_ORDER_FIELD_REQUEST_PURCHASE_DATE, N_("Date of purchase"), DATE, LINE | SHOWN, CHARACTERISTIC ("purchaseDate") },
  { PROV_ORDER_FIELD_REQUEST_DAMAGE, N_("Damage"), CHOICE, LINE, CHARACTERISTIC ("damage") },
  { PROV_ORDER_FIELD_REQUEST_DAMAGE_NAME, N_("Damage"), TEXT, LINE | SHOWN, NEVER },
  /* The carrier learns the customer was told, as the portal records it. */
  { PROV_ORDER_FIELD_REQUEST_CHARGEBACK_ACCEPTED, N_("Chargeback warning read"), BOOLEAN, LINE,
    CHARACTERISTIC ("chargebackAcknowledged") },
  { PROV_ORDER_FIELD_REQUEST_TERMINATION_ACCEPTED, N_("Early termination warning read"), BOOLEAN, LINE,
    CHARACTERISTIC ("earlyTerminationAcknowledged") },
  { PROV_ORDER_FIELD_REQUEST_GAINING_CARRIER, N_("Gaining carrier"), TEXT, LINE | SHOWN, CHARACTERISTIC ("gainingCarrier") },
  { PROV_ORDER_FIELD_REQUEST_LIABILITY_TO, N_("Liability goes to"), CHOICE, LINE, CHARACTERISTIC ("liabilityTo") },
  { PROV_ORDER_FIELD_REQUEST_LIABILITY_TO_NAME, N_("Liability goes to"), TEXT, LINE | SHOWN, NEVER },
  { PROV_ORDER_FIELD_REQUEST_OTHER_PARTY, N_("Other party"), TEXT, LINE | SHOWN, CHARACTERISTIC ("otherParty") },
  { PROV_ORDER_FIELD_REQUEST_CONSENT, N_("Consent of both parties"), BOOLEAN, LINE, CHARACTERISTIC ("consent") },
  { PROV_ORDER_FIELD_REQUEST_EMPLOYEE, N_("Employee"), TEXT, LINE | SHOWN | SEARCHED, CHARACTERISTIC ("employee") },
  { PROV_ORDER_FIELD_REQUEST_FEATURES, N_("Features"), TEXT, LINE | SHOWN, CHARACTERISTIC ("features") },
  { PROV_ORDER_FIELD_REQUEST_NEEDS_APPROVAL, N_("Needs approval"), BOOLEAN, 0, NEVER },
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
