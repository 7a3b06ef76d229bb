#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "prov-ids.h"
#include "prov-order-reference.h"

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

static ProvId *
id_new (ProvIdKind  kind,
        const char *input)
{
  ProvId *id = g_new0 (ProvId, 1);

  id->kind = kind;
  id->input = g_strdup (input != NULL ? input : "");

  return id;
}

G_GNUC_PRINTF (3, 4)
static ProvId *
fail (ProvId        *id,
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

static ProvId *
succeed (ProvId *id)
{
  id->valid = TRUE;
  id->problem = PROV_ID_PROBLEM_NONE;
  g_clear_pointer (&id->message, g_free);

  return id;
}

/* Spaces, hyphens, dots and slashes are how people group digits; they are
 * never part of the identifier. */
static char *
strip_separators (const char *text)
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

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static gboolean
all_hex (const char *text)
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

static ProvId *
fail_bad_character (ProvId     *id,
                    const char *text,
                    gboolean    allow_hex)
{
  const char *bad = first_bad_character (text, allow_hex);
  g_autofree char *character = NULL;

  /* Nothing left once prefixes and filler are removed ("0x", "FFFF"). */
  if (bad == NULL)
    return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH, _("This is too short to be an %s"),
                 prov_id_kind_get_title (id->kind));

  character = g_strndup (bad, g_utf8_skip[*(const guchar *) bad]);

  if (allow_hex)
    return fail (id, PROV_ID_PROBLEM_BAD_CHARACTERS,
                 _("An %s has only the digits 0–9 and the letters A–F; “%s” is not one of them"),
                 prov_id_kind_get_title (id->kind), character);

  return fail (id, PROV_ID_PROBLEM_BAD_CHARACTERS,
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
static char
luhn_expected (const char *with_check_digit)
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

  if (!all_digits (digits))
    return fail_bad_character (id, digits, FALSE);

  if (!g_str_has_prefix (digits, "89"))
    return fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                 _("An ICCID starts with 89 (telecommunications); this one starts with %.2s"), digits);

  if (length == 18)
    {
      id->check_digit = prov_luhn_check_digit (digits, 10);
      id->suggestion = g_strdup_printf ("%s%c", digits, id->check_digit);
      return fail (id, PROV_ID_PROBLEM_MISSING_CHECK_DIGIT,
                   _("This ICCID has 18 digits: its check digit is missing. With it, it would be %s"),
                   id->suggestion);
    }

  if (length != 19 && length != 20)
    return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An ICCID has 19 or 20 digits; this one has %u"), (guint) length);

  id->normalized = g_strdup (digits);
  id->check_digit = expected = luhn_expected (digits);
  if (digits[length - 1] == expected)
    return succeed (id);

  if (length == 19)
    {
      /* 19 digits failing Luhn is either a wrong last digit or an ICCID
       * printed without its check digit: only the clerk can tell. */
      id->suggestion = g_strdup_printf ("%s%c", digits, prov_luhn_check_digit (digits, 10));
      return fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
                   _("The check digit does not match: the last digit should be %c. If the SIM shows no check digit, the full ICCID is %s. Check the number on the SIM"),
                   expected, id->suggestion);
    }

  return fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
               _("The check digit does not match: the last digit should be %c. Check the number on the SIM"),
               expected);
}

static ProvId *
parse_imei (ProvId     *id,
            const char *digits)
{
  gsize length = strlen (digits);
  char expected;

  if (!all_digits (digits))
    return fail_bad_character (id, digits, FALSE);

  if (length == 14)
    {
      /* The check digit is a function of the 14 digits (TS 23.003 B.2);
       * adding it cannot pick the wrong device. */
      id->check_digit = prov_luhn_check_digit (digits, 10);
      id->normalized = g_strdup_printf ("%s%c", digits, id->check_digit);
      return succeed (id);
    }

  if (length != 15)
    return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An IMEI has 15 digits; this one has %u"), (guint) length);

  id->normalized = g_strdup (digits);
  id->check_digit = expected = luhn_expected (digits);
  if (digits[length - 1] == expected)
    return succeed (id);

  return fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
               _("The check digit does not match: the last digit should be %c. Check the number on the box or dial *#06#"),
               expected);
}

static ProvId *
parse_imeisv (ProvId     *id,
              const char *digits)
{
  g_autofree char *body = NULL;

  if (!all_digits (digits))
    return fail_bad_character (id, digits, FALSE);

  if (strlen (digits) != 16)
    return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An IMEISV has 16 digits; this one has %u"), (guint) strlen (digits));

  /* TAC and serial number, then a two-digit software version. */
  body = g_strndup (digits, 14);
  id->normalized = g_strdup (digits);
  id->imei = g_strdup_printf ("%s%c", body, prov_luhn_check_digit (body, 10));

  return succeed (id);
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
  if (length == 19 && all_digits (meid))
    {
      g_autofree char *body = g_strndup (meid, 18);
      char expected = prov_luhn_check_digit (body, 10);

      if (meid[18] != expected)
        {
          id->check_digit = expected;
          return fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
                       _("The check digit does not match: the last digit should be %c"), expected);
        }
      meid[18] = '\0';
      length = 18;
    }

  if (length == 18 && all_digits (meid))
    {
      /* Decimal form back to hex. */
      guint64 manufacturer = parse_prefix (meid, 10, 10);
      guint64 serial = g_ascii_strtoull (meid + 10, NULL, 10);

      if (manufacturer > G_MAXUINT32 || serial > 0xFFFFFF)
        return fail (id, PROV_ID_PROBLEM_BAD_CHARACTERS,
                     _("This is not a decimal MEID: its parts are out of range"));

      g_free (meid);
      meid = g_strdup_printf ("%08" G_GINT64_MODIFIER "X%06" G_GINT64_MODIFIER "X", manufacturer, serial);
      length = 14;
    }

  if (!all_hex (meid))
    return fail_bad_character (id, meid, TRUE);

  if (length == 15)
    {
      g_autofree char *body = g_strndup (meid, 14);
      /* Base 16 for hexadecimal MEIDs, base 10 when every digit is decimal. */
      guint base = all_digits (body) ? 10 : 16;
      char expected = prov_luhn_check_digit (body, base);

      if (meid[14] != expected)
        {
          id->check_digit = expected;
          return fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
                       _("The check digit does not match: the last digit should be %c"), expected);
        }
      meid[14] = '\0';
      length = 14;
    }

  if (length != 14)
    return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An MEID has 14 hexadecimal digits (15 with its check digit), or 18 in decimal form (19 with its check digit); this one has %u"), (guint) length);

  /* 3GPP2 gives MEIDs the regional codes A0 to FF; below are IMEIs. */
  if (g_ascii_xdigit_value (meid[0]) < 0xA)
    {
      g_autofree char *region = g_strndup (meid, 2);

      return fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                   _("An MEID's regional code (its first two hexadecimal digits) is A0 to FF, not %s: "
                     "is this an IMEI?"), region);
    }

  id->normalized = g_strdup (meid);
  id->check_digit = prov_luhn_check_digit (meid, all_digits (meid) ? 10 : 16);
  add_meid_forms (id, meid);

  return succeed (id);
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

  if (length == 11 && all_digits (esn))
    {
      /* Decimal form: manufacturer 0–255 in 3 digits, serial in 8. */
      manufacturer = parse_prefix (esn, 3, 10);
      serial = g_ascii_strtoull (esn + 3, NULL, 10);
      if (manufacturer > 0xFF || serial > 0xFFFFFF)
        return fail (id, PROV_ID_PROBLEM_BAD_CHARACTERS,
                     _("This is not a decimal ESN: its parts are out of range"));
    }
  else if (length == 8 && all_hex (esn))
    {
      manufacturer = parse_prefix (esn, 2, 16);
      serial = g_ascii_strtoull (esn + 2, NULL, 16);
    }
  else if (!all_hex (esn))
    return fail_bad_character (id, esn, TRUE);
  else
    return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An ESN has 8 hexadecimal or 11 decimal digits; this one has %u"), (guint) length);

  id->hex = g_strdup_printf ("%02" G_GINT64_MODIFIER "X%06" G_GINT64_MODIFIER "X", manufacturer, serial);
  id->decimal = g_strdup_printf ("%03" G_GUINT64_FORMAT "%08" G_GUINT64_FORMAT, manufacturer, serial);
  id->normalized = g_strdup (id->hex);

  return succeed (id);
}

static guint
mod97 (const char *digits)
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
  if (!all_digits (digits))
    return fail_bad_character (id, digits, FALSE);

  if (strlen (digits) != 32)
    return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An EID has 32 digits; this one has %u"), (guint) strlen (digits));

  id->normalized = g_strdup (digits);
  if (mod97 (digits) != 1)
    {
      /* The last two digits make the number ≡ 1 (mod 97), as in IBAN. */
      g_autofree char *zeroed = g_strdup (digits);
      zeroed[30] = zeroed[31] = '0';
      id->suggestion = g_strdup_printf ("%.30s%02u", digits, 98 - mod97 (zeroed));
      return fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
                   _("The check digits do not match: the last two digits should be %s"),
                   id->suggestion + 30);
    }

  return succeed (id);
}

static ProvId *
parse_imsi (ProvId     *id,
            const char *digits)
{
  gsize length = strlen (digits);

  if (!all_digits (digits))
    return fail_bad_character (id, digits, FALSE);

  /* A 3-digit country code, a 2- or 3-digit network code, then the
   * subscriber: 15 digits at most, rarely fewer than 14. */
  if (length < 14 || length > 15)
    return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An IMSI has 14 or 15 digits; this one has %u"), (guint) length);

  if (digits[0] == '0' || digits[0] == '1')
    return fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                 _("An IMSI starts with a mobile country code from 2 to 7; this one starts with %c"), digits[0]);

  id->normalized = g_strdup (digits);
  return succeed (id);
}

static ProvId *
parse_e164 (ProvId     *id,
            const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;

  if (g_str_has_prefix (p, "+"))
    p++;
  else if (g_str_has_prefix (p, "00"))
    p += 2;
  else
    return fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                 _("Write the number with its country code, starting with + (for example +31 20 123 4567)"));

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '(' && *p != ')')
        return fail (id, PROV_ID_PROBLEM_BAD_CHARACTERS,
                     _("A phone number has only digits after the +; “%c” is not a digit"), *p);
    }

  if (digits->len > 0 && digits->str[0] == '0')
    return fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                 _("A country code never starts with 0"));

  if (digits->len < 8 || digits->len > 15)
    return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An international number has 8 to 15 digits after the +; this one has %u"), (guint) digits->len);

  id->normalized = g_strdup_printf ("+%s", digits->str);
  return succeed (id);
}

static gboolean
matches_letters_digits (const char *code,
                        gboolean    letters_first)
{
  if (strlen (code) != 9)
    return FALSE;

  for (guint i = 0; i < 9; i++)
    {
      gboolean letter_here = letters_first ? i < 3 : i >= 6;

      if (letter_here ? !g_ascii_isalpha (code[i]) : !g_ascii_isdigit (code[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
all_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/* ISO 13616: the length of each SEPA country's IBAN. */
static const struct {
  char  country[3];
  guint length;
} iban_lengths[] = {
  { "AD", 24 }, { "AT", 20 }, { "BE", 16 }, { "BG", 22 }, { "CH", 21 }, { "CY", 28 }, { "CZ", 24 },
  { "DE", 22 }, { "DK", 18 }, { "EE", 20 }, { "ES", 24 }, { "FI", 18 }, { "FR", 27 }, { "GB", 22 },
  { "GI", 23 }, { "GR", 27 }, { "HR", 21 }, { "HU", 28 }, { "IE", 22 }, { "IS", 26 }, { "IT", 27 },
  { "LI", 21 }, { "LT", 20 }, { "LU", 20 }, { "LV", 21 }, { "MC", 27 }, { "MT", 31 }, { "NL", 18 },
  { "NO", 15 }, { "PL", 28 }, { "PT", 25 }, { "RO", 24 }, { "SE", 24 }, { "SI", 19 }, { "SK", 24 },
  { "SM", 27 }, { "VA", 22 },
};

static guint
iban_length_of (const char *country)
{
  for (guint i = 0; i < G_N_ELEMENTS (iban_lengths); i++)
    if (strncmp (iban_lengths[i].country, country, 2) == 0)
      return iban_lengths[i].length;

  return 0;
}

/* Country code and check digits moved to the end, letters as 10 to 35:
 * a valid IBAN is then ≡ 1 (mod 97). */
static guint
iban_remainder (const char *iban)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *rotated = g_strdup_printf ("%s%.4s", iban + 4, iban);

  for (const char *p = rotated; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else
        g_string_append_printf (digits, "%d", *p - 'A' + 10);
    }

  return mod97 (digits->str);
}

static ProvId *
parse_iban (ProvId     *id,
            const char *text)
{
  g_autofree char *iban = g_ascii_strup (text, -1);
  gsize length = strlen (iban);
  guint expected_length;

  if (!all_alnum (iban))
    return fail_bad_character (id, iban, FALSE);

  if (length < 5 || !g_ascii_isalpha (iban[0]) || !g_ascii_isalpha (iban[1]) ||
      !g_ascii_isdigit (iban[2]) || !g_ascii_isdigit (iban[3]))
    return fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                 _("An IBAN starts with its country code and two check digits, like NL91"));

  expected_length = iban_length_of (iban);
  if (expected_length == 0)
    {
      g_autofree char *country = g_strndup (iban, 2);

      return fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                   _("Direct debit takes accounts in the SEPA countries; %s is not one of them"), country);
    }

  if (length != expected_length)
    {
      g_autofree char *country = g_strndup (iban, 2);

      return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                   _("An IBAN from %s has %u characters; this one has %u"), country, expected_length, (guint) length);
    }

  if (iban_remainder (iban) != 1)
    return fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
                 _("This IBAN does not add up (mod 97): a character is mistyped"));

  id->normalized = g_steal_pointer (&iban);
  return succeed (id);
}

/* What may be shown or printed of @id: for an IBAN its country and last
 * four characters only ("NL** **** **** **43 00"); other kinds whole. */
char *
prov_id_dup_masked (const ProvId *id)
{
  GString *masked;
  gsize length;

  g_return_val_if_fail (id != NULL, NULL);

  if (id->kind != PROV_ID_KIND_IBAN || id->normalized == NULL)
    return g_strdup (id->normalized != NULL ? id->normalized : id->input);

  length = strlen (id->normalized);
  masked = g_string_new (NULL);
  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (masked, ' ');
      g_string_append_c (masked, i < 2 || i >= length - 4 ? id->normalized[i] : '*');
    }

  return g_string_free (masked, FALSE);
}

/* Ofcom's switching codes: a PAC (keep the number) is three letters and six
 * digits, a STAC (leave without the number) six digits and three letters. */
static ProvId *
parse_switching_code (ProvId     *id,
                      const char *text)
{
  g_autofree char *code = g_ascii_strup (text, -1);
  gboolean is_pac = id->kind == PROV_ID_KIND_PAC;

  if (!matches_letters_digits (code, is_pac))
    return fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 is_pac ? _("A PAC is three letters followed by six digits, like ABC123456")
                        : _("A STAC is six digits followed by three letters, like 123456ABC"));

  id->normalized = g_steal_pointer (&code);
  return succeed (id);
}

/* The reference printed on this till's confirmations. */
static ProvId *
parse_order_reference (ProvId     *id,
                       const char *text)
{
  g_autofree char *normalized = NULL;
  gboolean check_failed;

  if (!prov_order_reference_normalize (text, &normalized, &check_failed))
    return fail (id, check_failed ? PROV_ID_PROBLEM_BAD_CHECK_DIGIT : PROV_ID_PROBLEM_WRONG_LENGTH,
                 check_failed ? _("This order reference has a wrong character: check it against the confirmation")
                              : _("An order reference is PRV followed by nine letters and digits, like PRV-7KQ-2M9-XAC"));

  id->normalized = g_steal_pointer (&normalized);
  return succeed (id);
}

ProvId *
prov_id_parse (ProvIdKind  kind,
               const char *text)
{
  ProvId *id = id_new (kind, text);
  g_autofree char *stripped = strip_separators (text != NULL ? text : "");

  if (*stripped == '\0')
    return fail (id, PROV_ID_PROBLEM_EMPTY, _("Enter or scan the %s"), prov_id_kind_get_title (kind));

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
      return parse_e164 (id, stripped);
    case PROV_ID_KIND_PAC:
    case PROV_ID_KIND_STAC:
      return parse_switching_code (id, stripped);
    case PROV_ID_KIND_IBAN:
      return parse_iban (id, stripped);
    case PROV_ID_KIND_ORDER_REFERENCE:
      return parse_order_reference (id, stripped);
    case PROV_ID_KIND_UNKNOWN:
    default:
      return fail (id, PROV_ID_PROBLEM_UNRECOGNIZED, _("This is not a code Provisioner knows"));
    }
}

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
      g_ascii_isdigit (upper[2]) && g_ascii_isdigit (upper[3]) && all_alnum (upper))
    return PROV_ID_KIND_IBAN;

  if (g_str_has_prefix (upper, PROV_ORDER_REFERENCE_PREFIX) && length == 12)
    return PROV_ID_KIND_ORDER_REFERENCE;

  if (matches_letters_digits (upper, TRUE))
    return PROV_ID_KIND_PAC;
  if (matches_letters_digits (upper, FALSE))
    return PROV_ID_KIND_STAC;

  while (unpadded > 0 && upper[unpadded - 1] == 'F')
    unpadded--;

  if (all_digits (stripped))
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
          if (luhn_expected (stripped) == stripped[length - 1] || !plausible_mcc (stripped))
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

  if (all_hex (upper))
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
  g_autofree char *stripped = strip_separators (text != NULL ? text : "");
  ProvIdKind kind;

  if (*stripped == '\0')
    return fail (id_new (PROV_ID_KIND_UNKNOWN, text), PROV_ID_PROBLEM_EMPTY, _("Nothing was entered"));

  kind = guess_kind (stripped);
  if (kind == PROV_ID_KIND_UNKNOWN)
    return fail (id_new (PROV_ID_KIND_UNKNOWN, text), PROV_ID_PROBLEM_UNRECOGNIZED,
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
