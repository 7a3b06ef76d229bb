#include <string.h>

#include "prov-order-reference.h"

/* Crockford's alphabet: no I, L, O or U, which are read for 1, 1, 0 and V. */
static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#define N_DATA_CHARS 8
#define N_CHARS (N_DATA_CHARS + 1)

static int
symbol_value (char c)
{
  const char *found;

  c = g_ascii_toupper (c);
  /* What Crockford's decoding allows for the letters left out. */
  if (c == 'O')
    c = '0';
  else if (c == 'I' || c == 'L')
    c = '1';

  found = c != '\0' ? strchr (alphabet, c) : NULL;
  return found != NULL ? (int) (found - alphabet) : -1;
}

/* Luhn mod N over base-32 symbols: catches every single wrong character
 * and every swap of two neighbours but that of 0 and Z. */
static char
check_symbol (const char *data)
{
  guint total = 0;
  gsize length = strlen (data);

  for (gsize i = 0; i < length; i++)
    {
      guint value = (guint) symbol_value (data[length - 1 - i]);

      if (i % 2 == 0)
        {
          value *= 2;
          value = value / 32 + value % 32;
        }
      total += value;
    }

  return alphabet[(32 - total % 32) % 32];
}

static char *
format_grouped (const char *symbols)
{
  return g_strdup_printf (PROV_ORDER_REFERENCE_PREFIX "-%.3s-%.3s-%.3s", symbols, symbols + 3, symbols + 6);
}

char *
prov_order_reference_from_uuid (const char *uuid)
{
  char hex[11] = { 0 };
  char symbols[N_CHARS + 1] = { 0 };
  guint64 bits;
  guint n_hex = 0;

  g_return_val_if_fail (uuid != NULL, NULL);

  for (const char *p = uuid; *p != '\0' && n_hex < 10; p++)
    if (g_ascii_isxdigit (*p))
      hex[n_hex++] = *p;
  g_return_val_if_fail (n_hex == 10, NULL);

  bits = g_ascii_strtoull (hex, NULL, 16);
  for (int i = N_DATA_CHARS - 1; i >= 0; i--, bits >>= 5)
    symbols[i] = alphabet[bits & 31];
  symbols[N_DATA_CHARS] = check_symbol (symbols);

  return format_grouped (symbols);
}

/*
 * Reads @text as a reference, typed or scanned, with or without its
 * dashes and in either case. On success @normalized is the grouped form.
 * @check_failed tells a reference with a wrong check character from text
 * that is no reference at all.
 */
gboolean
prov_order_reference_normalize (const char  *text,
                                char       **normalized,
                                gboolean    *check_failed)
{
  char symbols[N_CHARS + 1] = { 0 };
  gsize n = 0;
  const char *p;
  char check;

  g_return_val_if_fail (text != NULL, FALSE);

  if (normalized != NULL)
    *normalized = NULL;
  if (check_failed != NULL)
    *check_failed = FALSE;

  if (g_ascii_strncasecmp (text, PROV_ORDER_REFERENCE_PREFIX, strlen (PROV_ORDER_REFERENCE_PREFIX)) != 0)
    return FALSE;

  for (p = text + strlen (PROV_ORDER_REFERENCE_PREFIX); *p != '\0'; p++)
    {
      int value;

      if (*p == '-' || *p == ' ')
        continue;
      if ((value = symbol_value (*p)) < 0 || n == N_CHARS)
        return FALSE;
      symbols[n++] = alphabet[value];
    }
  if (n != N_CHARS)
    return FALSE;

  check = symbols[N_DATA_CHARS];
  symbols[N_DATA_CHARS] = '\0';
  if (check_symbol (symbols) != check)
    {
      if (check_failed != NULL)
        *check_failed = TRUE;
      return FALSE;
    }

  symbols[N_DATA_CHARS] = check;
  if (normalized != NULL)
    *normalized = format_grouped (symbols);
  return TRUE;
}

/* The start of the uuid a valid reference stands for, as the store keeps
 * uuids: "3f2a9c41-b7". */
char *
prov_order_reference_dup_uuid_prefix (const char *normalized)
{
  guint64 bits = 0;
  g_autofree char *hex = NULL;
  guint n = 0;

  g_return_val_if_fail (prov_order_reference_normalize (normalized, NULL, NULL), NULL);

  for (const char *p = normalized + strlen (PROV_ORDER_REFERENCE_PREFIX); *p != '\0' && n < N_DATA_CHARS; p++)
    if (*p != '-')
      {
        bits = (bits << 5) | (guint64) symbol_value (*p);
        n++;
      }

  hex = g_strdup_printf ("%010" G_GINT64_MODIFIER "x", bits);
  return g_strdup_printf ("%.8s-%.2s", hex, hex + 8);
}
