#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "prov-ids-private.h"
#include "prov-order-reference.h"

/* Telling which kind an identifier is from its shape alone, as a scan
 * into no particular field needs, and writing one out as JSON. */

static gboolean
plausible_mcc (const char *digits)
{
  return digits[0] >= '2' && digits[0] <= '7';
}

/* Which kind @text most likely is, by its shape: what a scan into a
 * field that takes several kinds, or into no field at all, needs. */
static ProvIdKind
guess_kind (const char *stripped)
{
  gsize length = strlen (stripped);
  g_autofree char *upper = g_ascii_strup (stripped, -1);
  gsize unpadded = length;

  if (stripped[0] == '+' || (g_str_has_prefix (stripped, "00") && length >= 10 && length <= 17))
    return PROV_ID_KIND_E164;

  /* Country, check digits, then the account: 15 to 34 characters. */
  if (length >= 15 && length <= 34 && g_ascii_isalpha (upper[0]) && g_ascii_isalpha (upper[1]) &&
      g_ascii_isdigit (upper[2]) && g_ascii_isdigit (upper[3]) && _prov_ids_all_alnum (upper))
    return PROV_ID_KIND_IBAN;

  if (g_str_has_prefix (upper, PROV_ORDER_REFERENCE_PREFIX) && length == 12)
    return PROV_ID_KIND_ORDER_REFERENCE;

  if (_prov_ids_matches_letters_digits (upper, TRUE))
    return PROV_ID_KIND_PAC;
  if (_prov_ids_matches_letters_digits (upper, FALSE))
    return PROV_ID_KIND_STAC;

  while (unpadded > 0 && upper[unpadded - 1] == 'F')
    unpadded--;

  if (_prov_ids_all_digits (stripped))
    {
      switch (length)
        {
        case 32:
          return PROV_ID_KIND_EID;
        case 19:
          /* A decimal MEID with its check digit starts with its regional
           * code A0–FF as 2684354560 to 4294967295; an ICCID with 89. */
          return g_str_has_prefix (stripped, "89") ? PROV_ID_KIND_ICCID : PROV_ID_KIND_MEID;
        case 20:
          return PROV_ID_KIND_ICCID;
        case 18:
          return g_str_has_prefix (stripped, "89") ? PROV_ID_KIND_ICCID : PROV_ID_KIND_MEID;
        case 16:
          return PROV_ID_KIND_IMEISV;
        case 15:
          if (_prov_ids_luhn_expected (stripped) == stripped[length - 1] || !plausible_mcc (stripped))
            return PROV_ID_KIND_IMEI;
          return PROV_ID_KIND_IMSI;
        case 14:
          return PROV_ID_KIND_IMEI;
        case 11:
          return PROV_ID_KIND_ESN;
        default:
          return PROV_ID_KIND_UNKNOWN;
        }
    }

  if (g_str_has_prefix (upper, "89") && (unpadded == 19 || unpadded == 20) && length == 20)
    return PROV_ID_KIND_ICCID;

  if (_prov_ids_all_hex (upper))
    {
      if (length == 14 || length == 15)
        return PROV_ID_KIND_MEID;
      if (length == 8)
        return PROV_ID_KIND_ESN;
    }

  return PROV_ID_KIND_UNKNOWN;
}

ProvId *
prov_id_recognize (const char *text)
{
  g_autofree char *stripped = _prov_ids_strip_separators (text != NULL ? text : "");
  ProvIdKind kind;

  if (*stripped == '\0')
    return _prov_id_fail (_prov_id_new (PROV_ID_KIND_UNKNOWN, text), PROV_ID_PROBLEM_EMPTY, _("Nothing was entered"));

  kind = guess_kind (stripped);
  if (kind == PROV_ID_KIND_UNKNOWN)
    return _prov_id_fail (_prov_id_new (PROV_ID_KIND_UNKNOWN, text), PROV_ID_PROBLEM_UNRECOGNIZED,
                 _("“%s” is not an ICCID, IMEI, EID, MEID, ESN, IMSI, phone number or switching code"),
                 text);

  return prov_id_parse (kind, text);
}

/*
 * Like prov_id_recognize, for a field that takes only @kinds (a mask of
 * 1 << ProvIdKind): a mistyped IMEI in a device field is an IMEI with a
 * wrong check digit, not an IMSI.
 */
ProvId *
prov_id_recognize_among (const char *text,
                         guint32     kinds)
{
  g_autoptr(ProvId) recognized = prov_id_recognize (text);
  g_autoptr(ProvId) closest = NULL;

  if (recognized->problem == PROV_ID_PROBLEM_EMPTY || (kinds & (1u << recognized->kind)))
    return g_steal_pointer (&recognized);

  for (int kind = 1; kind <= PROV_ID_KIND_LAST; kind++)
    {
      g_autoptr(ProvId) candidate = NULL;

      if (!(kinds & (1u << kind)))
        continue;

      candidate = prov_id_parse (kind, text);
      if (candidate->valid)
        return g_steal_pointer (&candidate);

      /* Right shape, wrong check digit: the likeliest reading. */
      if (closest == NULL && (candidate->problem == PROV_ID_PROBLEM_BAD_CHECK_DIGIT ||
                              candidate->problem == PROV_ID_PROBLEM_MISSING_CHECK_DIGIT))
        closest = g_steal_pointer (&candidate);
    }

  if (closest != NULL)
    return g_steal_pointer (&closest);

  return g_steal_pointer (&recognized);
}

/* Input can be any bytes; JSON strings are UTF-8, so what is not becomes
 * U+FFFD. */
static void
add_optional (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);
      json_builder_add_string_value (builder, valid);
    }
  else
    json_builder_add_null_value (builder);
}

/* One line of JSON, as provisioner-cli id prints it. */
char *
prov_id_to_json (const ProvId *id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char check_digit[2] = { id->check_digit, '\0' };

  json_builder_begin_object (builder);
  add_optional (builder, "input", id->input);
  add_optional (builder, "kind", prov_id_kind_to_id (id->kind));
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, id->valid);
  add_optional (builder, "normalized", id->normalized);
  add_optional (builder, "check_digit", id->check_digit != '\0' ? check_digit : NULL);
  add_optional (builder, "suggestion", id->suggestion);
  add_optional (builder, "decimal", id->decimal);
  add_optional (builder, "hex", id->hex);
  add_optional (builder, "pseudo_esn", id->pseudo_esn);
  add_optional (builder, "imei", id->imei);
  add_optional (builder, "error", id->message);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

