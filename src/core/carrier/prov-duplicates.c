#include <glib/gi18n-lib.h>

#include "prov-duplicates.h"
#include "prov-json-guard.h"
#include "prov-tmf629.h"

/*
 * A customer at the counter may already be the carrier's: the portal lists
 * the carrier's customers that share the name and address, the e-mail, the
 * phone number or the ID document's number. Values are compared as a clerk
 * would read them: case, spaces and punctuation do not count.
 */

/* Letters and digits only, case-folded: "1234 AB" and "1234ab" are one. */
static char *
dup_comparable (const char *text)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;

  folded = g_utf8_casefold (text, -1);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (kept, c);
    }

  return kept->len > 0 ? g_string_free (g_steal_pointer (&kept), FALSE) : NULL;
}

static gboolean
same (const char *typed,
      const char *theirs)
{
  g_autofree char *a = dup_comparable (typed);
  g_autofree char *b = dup_comparable (theirs);

  return a != NULL && b != NULL && g_str_equal (a, b);
}

/* Whether any of the customer's contact media of @medium_type has @field
 * equal to @typed. */
static gboolean
has_medium (JsonObject *customer,
            const char *medium_type,
            const char *field,
            const char *typed)
{
  JsonArray *media = prov_json_object_get_array (customer, "contactMedium");

  for (guint i = 0; typed != NULL && media != NULL && i < json_array_get_length (media); i++)
    {
      JsonObject *medium = prov_json_array_get_object (media, i);
      JsonObject *characteristic = prov_json_object_get_object (medium, "characteristic");

      if (g_strcmp0 (prov_json_object_get_string (medium, "mediumType"), medium_type) == 0 &&
          same (typed, prov_json_object_get_string (characteristic, field)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_characteristic (JsonObject *customer,
                    const char *name,
                    const char *typed)
{
  JsonArray *characteristics = prov_json_object_get_array (customer, "characteristic");

  for (guint i = 0; typed != NULL && characteristics != NULL && i < json_array_get_length (characteristics); i++)
    {
      JsonObject *characteristic = prov_json_array_get_object (characteristics, i);

      if (g_strcmp0 (prov_json_object_get_string (characteristic, "name"), name) == 0 &&
          same (typed, prov_json_object_get_string (characteristic, "value")))
        return TRUE;
    }

  return FALSE;
}

void
prov_duplicate_free (ProvDuplicate *duplicate)
{
  if (duplicate == NULL)
    return;

  json_object_unref (duplicate->customer);
  g_free (duplicate);
}

ProvCustomerProfile *
prov_customer_profile_copy (const ProvCustomerProfile *profile)
{
  ProvCustomerProfile *copy = g_new0 (ProvCustomerProfile, 1);

  copy->name = g_strdup (profile->name);
  copy->postcode = g_strdup (profile->postcode);
  copy->email = g_strdup (profile->email);
  copy->phone = g_strdup (profile->phone);
  copy->id_number = g_strdup (profile->id_number);
  copy->external_id = g_strdup (profile->external_id);

  return copy;
}

/* Only for copies: their strings are owned. */
void
prov_customer_profile_free (ProvCustomerProfile *profile)
{
  if (profile == NULL)
    return;

  g_free ((char *) profile->name);
  g_free ((char *) profile->postcode);
  g_free ((char *) profile->email);
  g_free ((char *) profile->phone);
  g_free ((char *) profile->id_number);
  g_free ((char *) profile->external_id);
  g_free (profile);
}

ProvDuplicateReasons
prov_customer_profile_match (const ProvCustomerProfile *profile,
                             JsonObject                *carrier_customer)
{
  ProvDuplicateReasons reasons = PROV_DUPLICATE_NONE;

  g_return_val_if_fail (profile != NULL, PROV_DUPLICATE_NONE);

  if (carrier_customer == NULL)
    return PROV_DUPLICATE_NONE;

  if (same (profile->name, prov_json_object_get_string (carrier_customer, "name")) &&
      has_medium (carrier_customer, "postalAddress", "postCode", profile->postcode))
    reasons |= PROV_DUPLICATE_NAME_AND_ADDRESS;
  if (has_medium (carrier_customer, "email", "emailAddress", profile->email))
    reasons |= PROV_DUPLICATE_EMAIL;
  if (has_medium (carrier_customer, "phone", "phoneNumber", profile->phone))
    reasons |= PROV_DUPLICATE_PHONE;
  if (has_characteristic (carrier_customer, PROV_CUSTOMER_ID_NUMBER_CHARACTERISTIC, profile->id_number))
    reasons |= PROV_DUPLICATE_ID_NUMBER;
  if (has_characteristic (carrier_customer, PROV_TMF629_EXTERNAL_ID, profile->external_id))
    reasons |= PROV_DUPLICATE_SAME_ORDER;

  return reasons;
}

/* "Same name and address, same e-mail", for the duplicate list. */
char *
prov_duplicate_reasons_dup_label (ProvDuplicateReasons reasons)
{
  static const struct {
    ProvDuplicateReasons reason;
    const char *label;
  } labels[] = {
    { PROV_DUPLICATE_NAME_AND_ADDRESS, N_("same name and address") },
    { PROV_DUPLICATE_EMAIL, N_("same e-mail") },
    { PROV_DUPLICATE_PHONE, N_("same phone number") },
    { PROV_DUPLICATE_ID_NUMBER, N_("same ID document") },
    { PROV_DUPLICATE_SAME_ORDER, N_("created for this order") },
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if ((reasons & labels[i].reason) != 0)
      {
        if (text->len > 0)
          /* Translators: between the reasons a customer may be a duplicate */
          g_string_append (text, _(", "));
        g_string_append (text, g_dgettext (GETTEXT_PACKAGE, labels[i].label));
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
