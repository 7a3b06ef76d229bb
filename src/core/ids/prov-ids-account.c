#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-ids-private.h"
#include "prov-order-reference.h"

/* Identifiers of numbers, accounts and orders: ITU-T E.164 numbers,
 * Ofcom's switching codes, SEPA IBANs and this till's order references. */

ProvId *
_prov_id_parse_e164 (ProvId     *id,
                     const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;

  if (g_str_has_prefix (p, "+"))
    p++;
  else if (g_str_has_prefix (p, "00"))
    p += 2;
  else
    return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                 _("Write the number with its country code, starting with + (for example +31 20 123 4567)"));

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '(' && *p != ')')
        return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHARACTERS,
                     _("A phone number has only digits after the +; “%c” is not a digit"), *p);
    }

  if (digits->len > 0 && digits->str[0] == '0')
    return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                 _("A country code never starts with 0"));

  if (digits->len < 8 || digits->len > 15)
    return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 _("An international number has 8 to 15 digits after the +; this one has %u"), (guint) digits->len);

  id->normalized = g_strdup_printf ("+%s", digits->str);
  return _prov_id_succeed (id);
}

gboolean
_prov_ids_matches_letters_digits (const char *code,
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

gboolean
_prov_ids_all_alnum (const char *text)
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

  return _prov_ids_mod97 (digits->str);
}

ProvId *
_prov_id_parse_iban (ProvId     *id,
                     const char *text)
{
  g_autofree char *iban = g_ascii_strup (text, -1);
  gsize length = strlen (iban);
  guint expected_length;

  if (!_prov_ids_all_alnum (iban))
    return _prov_id_fail_bad_character (id, iban, FALSE);

  if (length < 5 || !g_ascii_isalpha (iban[0]) || !g_ascii_isalpha (iban[1]) ||
      !g_ascii_isdigit (iban[2]) || !g_ascii_isdigit (iban[3]))
    return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                 _("An IBAN starts with its country code and two check digits, like NL91"));

  expected_length = iban_length_of (iban);
  if (expected_length == 0)
    {
      g_autofree char *country = g_strndup (iban, 2);

      return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_PREFIX,
                   _("Direct debit takes accounts in the SEPA countries; %s is not one of them"), country);
    }

  if (length != expected_length)
    {
      g_autofree char *country = g_strndup (iban, 2);

      return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                   _("An IBAN from %s has %u characters; this one has %u"), country, expected_length, (guint) length);
    }

  if (iban_remainder (iban) != 1)
    return _prov_id_fail (id, PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
                 _("This IBAN does not add up (mod 97): a character is mistyped"));

  id->normalized = g_steal_pointer (&iban);
  return _prov_id_succeed (id);
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
ProvId *
_prov_id_parse_switching_code (ProvId     *id,
                               const char *text)
{
  g_autofree char *code = g_ascii_strup (text, -1);
  gboolean is_pac = id->kind == PROV_ID_KIND_PAC;

  if (!_prov_ids_matches_letters_digits (code, is_pac))
    return _prov_id_fail (id, PROV_ID_PROBLEM_WRONG_LENGTH,
                 is_pac ? _("A PAC is three letters followed by six digits, like ABC123456")
                        : _("A STAC is six digits followed by three letters, like 123456ABC"));

  id->normalized = g_steal_pointer (&code);
  return _prov_id_succeed (id);
}

/* The reference printed on this till's confirmations. */
ProvId *
_prov_id_parse_order_reference (ProvId     *id,
                                const char *text)
{
  g_autofree char *normalized = NULL;
  gboolean check_failed;

  if (!prov_order_reference_normalize (text, &normalized, &check_failed))
    return _prov_id_fail (id, check_failed ? PROV_ID_PROBLEM_BAD_CHECK_DIGIT : PROV_ID_PROBLEM_WRONG_LENGTH,
                 check_failed ? _("This order reference has a wrong character: check it against the confirmation")
                              : _("An order reference is PRV followed by nine letters and digits, like PRV-7KQ-2M9-XAC"));

  id->normalized = g_steal_pointer (&normalized);
  return _prov_id_succeed (id);
}
