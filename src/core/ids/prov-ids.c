#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "prov-ids-private.h"

/*
 * Identifiers of SIMs, devices and lines, after their standards:
 * ICCID ITU-T E.118, IMEI/IMEISV 3GPP TS 23.003, MEID 3GPP2 S.R0048,
 * ESN TIA, EID GSMA SGP.29, IMSI ITU-T E.212, numbers ITU-T E.164,
 * PAC and STAC Ofcom's switching codes.
 */

G_DEFINE_BOXED_TYPE (ProvId, prov_id, prov_id_copy, prov_id_free)

ProvId *
prov_id_copy (const ProvId *id)
{
  ProvId *copy = g_new0 (ProvId, 1);

  *copy = *id;
  copy->input = g_strdup (id->input);
  copy->normalized = g_strdup (id->normalized);
  copy->message = g_strdup (id->message);
  copy->suggestion = g_strdup (id->suggestion);
  copy->decimal = g_strdup (id->decimal);
  copy->hex = g_strdup (id->hex);
  copy->pseudo_esn = g_strdup (id->pseudo_esn);
  copy->imei = g_strdup (id->imei);

  return copy;
}

void
prov_id_free (ProvId *id)
{
  if (id == NULL)
    return;

  g_free (id->input);
  g_free (id->normalized);
  g_free (id->message);
  g_free (id->suggestion);
  g_free (id->decimal);
  g_free (id->hex);
  g_free (id->pseudo_esn);
  g_free (id->imei);
  g_free (id);
}

ProvId *
_prov_id_new (ProvIdKind  kind,
              const char *input)
{
  ProvId *id = g_new0 (ProvId, 1);

  id->kind = kind;
  id->input = g_strdup (input != NULL ? input : "");

  return id;
}

G_GNUC_PRINTF (3, 4)
ProvId *
_prov_id_fail (ProvId        *id,
               ProvIdProblem  problem,
               const char    *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_free (id->message);
  id->message = g_strdup_vprintf (format, args);
  va_end (args);

  id->problem = problem;
  id->valid = FALSE;

  return id;
}

ProvId *
_prov_id_succeed (ProvId *id)
{
  id->valid = TRUE;
  id->problem = PROV_ID_PROBLEM_NONE;
  g_clear_pointer (&id->message, g_free);

  return id;
}

/* Spaces, hyphens, dots and slashes are how people group digits; they are
 * never part of the identifier. */
char *
_prov_ids_strip_separators (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '-' && *p != '.' && *p != '/')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* The number written by the first @length characters of @text. */
static guint64
parse_prefix (const char *text,
              gsize       length,
              guint       base)
{
  char buffer[21] = { 0 };

  g_assert (length < sizeof buffer);
  memcpy (buffer, text, length);

  return g_ascii_strtoull (buffer, NULL, base);
}

gboolean
_prov_ids_all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

gboolean
_prov_ids_all_hex (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

static const char *
first_bad_character (const char *text,
                     gboolean    allow_hex)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!(allow_hex ? g_ascii_isxdigit (*p) : g_ascii_isdigit (*p)))
      return p;

  return NULL;
}

ProvId *
_prov_id_fail_bad_character (ProvId     *id,
                             const char *text,
                             gboolean    allow_hex)
{
  const char *bad = first_bad_character (text, allow_hex);
  g_autofree char *character = NULL;

  /* Nothing left once prefixes and filler are removed ("0x", "FFFF"). */
  if (bad == NULL)
    return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH, _("This is too short to be an %s"),
                 prov_id_kind_get_title (id->kind));

  character = g_strndup (bad, g_utf8_skip[*(const guchar *) bad]);

  if (allow_hex)
    return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHARACTERS,
                 _("An %s has only the digits 0–9 and the letters A–F; “%s” is not one of them"),
                 prov_id_kind_get_title (id->kind), character);

  return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHARACTERS,
               _("An %s has only digits; “%s” is not a digit"),
               prov_id_kind_get_title (id->kind), character);
}

/* The Luhn check digit (ISO/IEC 7812) of @digits in base 10 or 16, as the
 * character it is written with. */
char
prov_luhn_check_digit (const char *digits,
                       guint       base)
{
  guint total = 0;
  gsize length = strlen (digits);

  g_return_val_if_fail (base == 10 || base == 16, '\0');

  for (gsize i = 0; i < length; i++)
    {
      guint value = g_ascii_xdigit_value (digits[length - 1 - i]);

      /* Doubled from the rightmost payload digit, which sits next to the
       * check digit. */
      if (i % 2 == 0)
        {
          value *= 2;
          if (value >= base)
            value = value - base + 1;
        }
      total += value;
    }

  return "0123456789ABCDEF"[(base - total % base) % base];
}

/* The decimal check digit @with_check_digit should end in. */
char
_prov_ids_luhn_expected (const char *with_check_digit)
{
  g_autofree char *payload = g_strndup (with_check_digit, strlen (with_check_digit) - 1);

  return prov_luhn_check_digit (payload, 10);
}

static ProvId *
parse_iccid (ProvId     *id,
             const char *text)
{
  g_autofree char *digits = g_ascii_strup (text, -1);
  gsize length = strlen (digits);
  char expected;

  /* SIMs store the ICCID in BCD padded with F; readers pass it on. */
  while (length > 0 && digits[length - 1] == 'F')
    digits[--length] = '\0';

  if (!_prov_ids_all_digits (digits))
    return _prov_id_fail_bad_character (id, digits, FALSE);

  if (!g_str_has_prefix (digits, "89"))
    return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                 _("An ICCID starts with 89 (telecommunications); this one starts with %.2s"), digits);

  if (length == 18)
    {
      id->check_digit = prov_luhn_check_digit (digits, 10);
      id->suggestion = g_strdup_printf ("%s%c", digits, id->check_digit);
      return _prov_id_fail (id, PROV_ID_PROBLEM_MISSING_CHECK_DIGIT,
                   _("This ICCID has 18 digits: its check digit is missing. With it, it would be %s"),
                   id->suggestion);
    }

  if (length != 19 && length != 20)
    return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An ICCID has 19 or 20 digits; this one has %u"), (guint) length);

  id->normalized = g_strdup (digits);
  id->check_digit = expected = _prov_ids_luhn_expected (digits);
  if (digits[length - 1] == expected)
    return _prov_id_succeed (id);

  if (length == 19)
    {
      /* 19 digits failing Luhn is either a wrong last digit or an ICCID
       * printed without its check digit: only the clerk can tell. */
      id->suggestion = g_strdup_printf ("%s%c", digits, prov_luhn_check_digit (digits, 10));
      return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
                   _("The check digit does not match: the last digit should be %c. If the SIM shows no check digit, the full ICCID is %s. Check the number on the SIM"),
                   expected, id->suggestion);
    }

  return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
               _("The check digit does not match: the last digit should be %c. Check the number on the SIM"),
               expected);
}

static ProvId *
parse_imei (ProvId     *id,
            const char *digits)
{
  gsize length = strlen (digits);
  char expected;

  if (!_prov_ids_all_digits (digits))
    return _prov_id_fail_bad_character (id, digits, FALSE);

  if (length == 14)
    {
      /* The check digit is a function of the 14 digits (TS 23.003 B.2);
       * adding it cannot pick the wrong device. */
      id->check_digit = prov_luhn_check_digit (digits, 10);
      id->normalized = g_strdup_printf ("%s%c", digits, id->check_digit);
      return _prov_id_succeed (id);
    }

  if (length != 15)
    return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An IMEI has 15 digits; this one has %u"), (guint) length);

  id->normalized = g_strdup (digits);
  id->check_digit = expected = _prov_ids_luhn_expected (digits);
  if (digits[length - 1] == expected)
    return _prov_id_succeed (id);

  return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
               _("The check digit does not match: the last digit should be %c. Check the number on the box or dial *#06#"),
               expected);
}

static ProvId *
parse_imeisv (ProvId     *id,
              const char *digits)
{
  g_autofree char *body = NULL;

  if (!_prov_ids_all_digits (digits))
    return _prov_id_fail_bad_character (id, digits, FALSE);

  if (strlen (digits) != 16)
    return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An IMEISV has 16 digits; this one has %u"), (guint) strlen (digits));

  /* TAC and serial number, then a two-digit software version. */
  body = g_strndup (digits, 14);
  id->normalized = g_strdup (digits);
  id->imei = g_strdup_printf ("%s%c", body, prov_luhn_check_digit (body, 10));

  return _prov_id_succeed (id);
}

static void
add_meid_forms (ProvId     *id,
                const char *meid)
{
  guint8 bytes[7];
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize digest_length = sizeof digest;
  guint64 manufacturer;
  guint64 serial;

  for (guint i = 0; i < 7; i++)
    bytes[i] = g_ascii_xdigit_value (meid[2 * i]) << 4 | g_ascii_xdigit_value (meid[2 * i + 1]);

  /* Decimal form: the first 32 bits as 10 digits, the last 24 as 8. */
  manufacturer = parse_prefix (meid, 8, 16);
  serial = g_ascii_strtoull (meid + 8, NULL, 16);
  id->decimal = g_strdup_printf ("%010" G_GUINT64_FORMAT "%08" G_GUINT64_FORMAT, manufacturer, serial);
  id->hex = g_strdup (meid);

  /* Pseudo-ESN: 0x80, then the low 24 bits of SHA-1 over the 56 bits. */
  g_checksum_update (sha1, bytes, sizeof bytes);
  g_checksum_get_digest (sha1, digest, &digest_length);
  id->pseudo_esn = g_strdup_printf ("80%02X%02X%02X", digest[17], digest[18], digest[19]);
}

static ProvId *
parse_meid (ProvId     *id,
            const char *text)
{
  g_autofree char *meid = g_ascii_strup (text, -1);
  gsize length = strlen (meid);

  /* The decimal form may carry its check digit: Luhn over its 18 digits. */
  if (length == 19 && _prov_ids_all_digits (meid))
    {
      g_autofree char *body = g_strndup (meid, 18);
      char expected = prov_luhn_check_digit (body, 10);

      if (meid[18] != expected)
        {
          id->check_digit = expected;
          return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
                       _("The check digit does not match: the last digit should be %c"), expected);
        }
      meid[18] = '\0';
      length = 18;
    }

  if (length == 18 && _prov_ids_all_digits (meid))
    {
      /* Decimal form back to hex. */
      guint64 manufacturer = parse_prefix (meid, 10, 10);
      guint64 serial = g_ascii_strtoull (meid + 10, NULL, 10);

      if (manufacturer > G_MAXUINT32 || serial > 0xFFFFFF)
        return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHARACTERS,
                     _("This is not a decimal MEID: its parts are out of range"));

      g_free (meid);
      meid = g_strdup_printf ("%08" G_GINT64_MODIFIER "X%06" G_GINT64_MODIFIER "X", manufacturer, serial);
      length = 14;
    }

  if (!_prov_ids_all_hex (meid))
    return _prov_id_fail_bad_character (id, meid, TRUE);

  if (length == 15)
    {
      g_autofree char *body = g_strndup (meid, 14);
      /* Base 16 for hexadecimal MEIDs, base 10 when every digit is decimal. */
      guint base = _prov_ids_all_digits (body) ? 10 : 16;
      char expected = prov_luhn_check_digit (body, base);

      if (meid[14] != expected)
        {
          id->check_digit = expected;
          return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
                       _("The check digit does not match: the last digit should be %c"), expected);
        }
      meid[14] = '\0';
      length = 14;
    }

  if (length != 14)
    return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An MEID has 14 hexadecimal digits (15 with its check digit), or 18 in decimal form (19 with its check digit); this one has %u"), (guint) length);

  /* 3GPP2 gives MEIDs the regional codes A0 to FF; below are IMEIs. */
  if (g_ascii_xdigit_value (meid[0]) < 0xA)
    {
      g_autofree char *region = g_strndup (meid, 2);

      return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                   _("An MEID's regional code (its first two hexadecimal digits) is A0 to FF, not %s: "
                     "is this an IMEI?"), region);
    }

  id->normalized = g_strdup (meid);
  id->check_digit = prov_luhn_check_digit (meid, _prov_ids_all_digits (meid) ? 10 : 16);
  add_meid_forms (id, meid);

  return _prov_id_succeed (id);
}

static ProvId *
parse_esn (ProvId     *id,
           const char *text)
{
  g_autofree char *esn = g_ascii_strup (text, -1);
  gsize length = strlen (esn);
  guint64 manufacturer;
  guint64 serial;

  if (g_str_has_prefix (esn, "0X") || g_str_has_prefix (esn, "0H"))
    {
      memmove (esn, esn + 2, length - 1);
      length -= 2;
    }

  if (length == 11 && _prov_ids_all_digits (esn))
    {
      /* Decimal form: manufacturer 0–255 in 3 digits, serial in 8. */
      manufacturer = parse_prefix (esn, 3, 10);
      serial = g_ascii_strtoull (esn + 3, NULL, 10);
      if (manufacturer > 0xFF || serial > 0xFFFFFF)
        return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHARACTERS,
                     _("This is not a decimal ESN: its parts are out of range"));
    }
  else if (length == 8 && _prov_ids_all_hex (esn))
    {
      manufacturer = parse_prefix (esn, 2, 16);
      serial = g_ascii_strtoull (esn + 2, NULL, 16);
    }
  else if (!_prov_ids_all_hex (esn))
    return _prov_id_fail_bad_character (id, esn, TRUE);
  else
    return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An ESN has 8 hexadecimal or 11 decimal digits; this one has %u"), (guint) length);

  id->hex = g_strdup_printf ("%02" G_GINT64_MODIFIER "X%06" G_GINT64_MODIFIER "X", manufacturer, serial);
  id->decimal = g_strdup_printf ("%03" G_GUINT64_FORMAT "%08" G_GUINT64_FORMAT, manufacturer, serial);
  id->normalized = g_strdup (id->hex);

  return _prov_id_succeed (id);
}

guint
_prov_ids_mod97 (const char *digits)
{
  guint remainder = 0;

  for (const char *p = digits; *p != '\0'; p++)
    remainder = (remainder * 10 + (*p - '0')) % 97;

  return remainder;
}

static ProvId *
parse_eid (ProvId     *id,
           const char *digits)
{
  if (!_prov_ids_all_digits (digits))
    return _prov_id_fail_bad_character (id, digits, FALSE);

  if (strlen (digits) != 32)
    return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An EID has 32 digits; this one has %u"), (guint) strlen (digits));

  id->normalized = g_strdup (digits);
  if (_prov_ids_mod97 (digits) != 1)
    {
      /* The last two digits make the number ≡ 1 (mod 97), as in IBAN. */
      g_autofree char *zeroed = g_strdup (digits);
      zeroed[30] = zeroed[31] = '0';
      id->suggestion = g_strdup_printf ("%.30s%02u", digits, 98 - _prov_ids_mod97 (zeroed));
      return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
                   _("The check digits do not match: the last two digits should be %s"),
                   id->suggestion + 30);
    }

  return _prov_id_succeed (id);
}

static ProvId *
parse_imsi (ProvId     *id,
            const char *digits)
{
  gsize length = strlen (digits);

  if (!_prov_ids_all_digits (digits))
    return _prov_id_fail_bad_character (id, digits, FALSE);

  /* A 3-digit country code, a 2- or 3-digit network code, then the
   * subscriber: 15 digits at most, rarely fewer than 14. */
  if (length < 14 || length > 15)
    return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An IMSI has 14 or 15 digits; this one has %u"), (guint) length);

  if (digits[0] == '0' || digits[0] == '1')
    return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                 _("An IMSI starts with a mobile country code from 2 to 7; this one starts with %c"), digits[0]);

  id->normalized = g_strdup (digits);
  return _prov_id_succeed (id);
}


ProvId *
prov_id_parse (ProvIdKind  kind,
               const char *text)
{
  ProvId *id = _prov_id_new (kind, text);
  g_autofree char *stripped = _prov_ids_strip_separators (text != NULL ? text : "");

  if (*stripped == '\0')
    return _prov_id_fail (id, PROV_ID_PROBLEM_EMPTY, _("Enter or scan the %s"), prov_id_kind_get_title (kind));

  switch (kind)
    {
    case PROV_ID_KIND_ICCID:
      return parse_iccid (id, stripped);
    case PROV_ID_KIND_IMEI:
      return parse_imei (id, stripped);
    case PROV_ID_KIND_IMEISV:
      return parse_imeisv (id, stripped);
    case PROV_ID_KIND_MEID:
      return parse_meid (id, stripped);
    case PROV_ID_KIND_ESN:
      return parse_esn (id, stripped);
    case PROV_ID_KIND_EID:
      return parse_eid (id, stripped);
    case PROV_ID_KIND_IMSI:
      return parse_imsi (id, stripped);
    case PROV_ID_KIND_E164:
      return _prov_id_parse_e164 (id, stripped);
    case PROV_ID_KIND_PAC:
    case PROV_ID_KIND_STAC:
      return _prov_id_parse_switching_code (id, stripped);
    case PROV_ID_KIND_IBAN:
      return _prov_id_parse_iban (id, stripped);
    case PROV_ID_KIND_ORDER_REFERENCE:
      return _prov_id_parse_order_reference (id, stripped);
    case PROV_ID_KIND_UNKNOWN:
    default:
      return _prov_id_fail (id, PROV_ID_PROBLEM_UNRECOGNIZED, _("This is not a code Provisioner knows"));
    }
}

