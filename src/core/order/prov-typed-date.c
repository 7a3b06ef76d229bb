#include <langinfo.h>
#include <string.h>

#include "prov-typed-date.h"

/* Which of day, month and year a strftime format names first decides the
 * order; formats that name none (or start with the year) read as ISO. */
ProvDateOrder
prov_date_order_from_format (const char *strftime_format)
{
  for (const char *c = strftime_format; c != NULL && *c != '\0'; c++)
    {
      if (*c != '%' || c[1] == '\0')
        continue;
      c++;
      if (*c == 'E' || *c == 'O')   /* alternative-era modifiers */
        c++;
      switch (*c)
        {
        case 'd': case 'e':
          return PROV_DATE_ORDER_DMY;
        case 'm': case 'b': case 'B':
          return PROV_DATE_ORDER_MDY;
        case 'y': case 'Y': case 'F':
          return PROV_DATE_ORDER_YMD;
        default:
          break;
        }
    }

  return PROV_DATE_ORDER_YMD;
}

ProvDateOrder
prov_date_order_of_locale (void)
{
  return prov_date_order_from_format (nl_langinfo (D_FMT));
}

/* Up to three groups of digits separated by one of . - / or a space. */
static gboolean
split_numbers (const char *text,
               guint       numbers[3],
               guint       digits[3])
{
  guint n = 0;
  const char *c = text;

  while (*c == ' ')
    c++;
  while (*c != '\0' && n < 3)
    {
      guint value = 0;
      guint length = 0;

      while (g_ascii_isdigit (*c) && length < 4)
        {
          value = value * 10 + (guint) (*c - '0');
          length++;
          c++;
        }
      if (length == 0 || g_ascii_isdigit (*c))
        return FALSE;
      numbers[n] = value;
      digits[n] = length;
      n++;

      if (*c == '\0' || n == 3)
        break;
      if (strchr (".-/ ", *c) == NULL)
        return FALSE;
      c++;
    }

  while (*c == ' ')
    c++;
  return n == 3 && *c == '\0';
}

/* FALSE when @text is not a whole date in ISO form or in @order. A year
 * of two digits is this century's. */
gboolean
prov_typed_date_parse (const char    *text,
                       ProvDateOrder  order,
                       GDate         *date)
{
  guint numbers[3], digits[3];
  guint day, month, year, year_digits;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || !split_numbers (text, numbers, digits))
    return FALSE;

  /* A four-digit first group is a year: ISO, whatever the locale says. */
  if (digits[0] == 4)
    order = PROV_DATE_ORDER_YMD;

  switch (order)
    {
    case PROV_DATE_ORDER_DMY:
      day = numbers[0], month = numbers[1], year = numbers[2], year_digits = digits[2];
      break;
    case PROV_DATE_ORDER_MDY:
      month = numbers[0], day = numbers[1], year = numbers[2], year_digits = digits[2];
      break;
    case PROV_DATE_ORDER_YMD:
    default:
      year = numbers[0], month = numbers[1], day = numbers[2], year_digits = digits[0];
      break;
    }

  if (year_digits == 2)
    year += 2000;
  else if (year_digits != 4)
    return FALSE;
  if (day > 31 || month > 12 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
prov_typed_date_dup_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* 1 December of this year, as @order writes it: for a field's hint. */
char *
prov_typed_date_dup_example (ProvDateOrder order)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  switch (order)
    {
    case PROV_DATE_ORDER_DMY:
      return g_strdup_printf ("01-12-%04d", year);
    case PROV_DATE_ORDER_MDY:
      return g_strdup_printf ("12/01/%04d", year);
    case PROV_DATE_ORDER_YMD:
    default:
      return g_strdup_printf ("%04d-12-01", year);
    }
}
