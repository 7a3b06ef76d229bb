#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-ids.h"
#include "prov-order-rules.h"
#include "prov-typed-date.h"

#define MIN_EXTENSION_DIGITS 2
#define MAX_EXTENSION_DIGITS 5

static gboolean
all_digits (const char *value)
{
  if (*value == '\0')
    return FALSE;

  for (const char *c = value; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;

  return TRUE;
}

char *
prov_rule_check_required (const char *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (*trimmed == '\0')
    return g_strdup (_("Required"));

  return NULL;
}

/* Enough to catch typing slips; the carrier checks the mailbox. */
char *
prov_rule_check_email (const char *value)
{
  const char *at;
  const char *dot;

  if (value == NULL || *value == '\0')
    return g_strdup (_("Required"));

  at = strchr (value, '@');
  dot = at != NULL ? strrchr (at, '.') : NULL;
  if (strchr (value, ' ') != NULL || at == NULL || at == value || strchr (at + 1, '@') != NULL ||
      dot == NULL || dot == at + 1 || dot[1] == '\0')
    return g_strdup (_("Not an e-mail address, e.g. name@example.com"));

  return NULL;
}

static char *
dup_not_a_date (ProvDateOrder order)
{
  g_autofree char *example = prov_typed_date_dup_example (order);
  g_autofree char *iso = prov_typed_date_dup_example (PROV_DATE_ORDER_YMD);

  if (order == PROV_DATE_ORDER_YMD)
    /* Translators: %s is an example date such as 2026-12-01 */
    return g_strdup_printf (_("Not a date: type it as %s"), iso);
  /* Translators: the two %s are example dates, such as 01-12-2026 and 2026-12-01 */
  return g_strdup_printf (_("Not a date: type it as %s or %s"), example, iso);
}

/* YYYY-MM-DD, today or later. */
char *
prov_rule_check_start_date (const char *value,
                            GDateTime  *today)
{
  ProvDateOrder order = prov_date_order_of_locale ();
  GDate date;

  if (value == NULL || *value == '\0')
    return g_strdup (_("Required"));

  if (!prov_typed_date_parse (value, order, &date))
    return dup_not_a_date (order);

  if (g_date_get_year (&date) < g_date_time_get_year (today) ||
      (g_date_get_year (&date) == (guint) g_date_time_get_year (today) &&
       (g_date_get_month (&date) < (guint) g_date_time_get_month (today) ||
        (g_date_get_month (&date) == (guint) g_date_time_get_month (today) &&
         g_date_get_day (&date) < g_date_time_get_day_of_month (today)))))
    return g_strdup (_("The start date cannot be in the past"));

  return NULL;
}

/* 2–5 digits, not in use, and as long as the account's other extensions
 * once it has one (fixed_length 0: none yet). */
char *
prov_rule_check_extension (const char         *value,
                           const char * const *in_use,
                           guint               fixed_length)
{
  gsize length;

  if (value == NULL || *value == '\0')
    return g_strdup (_("Required"));

  if (!all_digits (value))
    return g_strdup (_("Only digits"));

  length = strlen (value);
  if (fixed_length != 0 && length != fixed_length)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This account's extensions have %u digit",
                                         "This account's extensions have %u digits", fixed_length),
                            fixed_length);

  if (length < MIN_EXTENSION_DIGITS || length > MAX_EXTENSION_DIGITS)
    return g_strdup_printf (_("An extension has %d to %d digits"), MIN_EXTENSION_DIGITS, MAX_EXTENSION_DIGITS);

  if (in_use != NULL && g_strv_contains (in_use, value))
    return g_strdup_printf (_("Extension %s is already in use"), value);

  return NULL;
}

/* The lowest free extension of the account's length (3 digits for a
 * first one), starting at 10…0 + 1, e.g. 101. */
char *
prov_rule_next_extension (const char * const *in_use,
                          guint               fixed_length)
{
  guint length = fixed_length != 0 ? fixed_length : 3;
  guint first = 1;
  guint last = 1;

  for (guint i = 1; i < length; i++)
    first *= 10;
  last = first * 10 - 1;

  for (guint candidate = first + 1; candidate <= last; candidate++)
    {
      g_autofree char *text = g_strdup_printf ("%u", candidate);

      if (in_use == NULL || !g_strv_contains (in_use, text))
        return g_steal_pointer (&text);
    }

  return NULL;
}

/* A national area code, with or without its leading zero: 1 to 5 digits. */
char *
prov_rule_check_area_code (const char *value)
{
  gsize length = value != NULL ? strlen (value) : 0;

  if (length == 0)
    return g_strdup (_("Required"));

  if (!all_digits (value) || length > 5)
    return g_strdup (_("An area code is 1 to 5 digits, e.g. 020"));

  return NULL;
}

/* A person's date of birth: a real date, in the past, of someone old
 * enough to sign a contract (18) and not implausibly old. */
/* A date typed in the clerk's form, and @today as a date: NULL when both
 * are there, else what is wrong with @value. */
static char *
dup_typed_day_problem (const char *value,
                       GDateTime  *today,
                       GDate      *date,
                       GDate      *now)
{
  ProvDateOrder order = prov_date_order_of_locale ();

  if (value == NULL || *value == '\0')
    return g_strdup (_("Required"));

  if (!prov_typed_date_parse (value, order, date))
    return dup_not_a_date (order);

  g_date_clear (now, 1);
  g_date_set_dmy (now, g_date_time_get_day_of_month (today), g_date_time_get_month (today),
                  g_date_time_get_year (today));
  return NULL;
}

char *
prov_rule_check_birth_date (const char *value,
                            GDateTime  *today)
{
  char *problem;
  GDate date;
  GDate now;
  int age;

  if ((problem = dup_typed_day_problem (value, today, &date, &now)) != NULL)
    return problem;

  if (g_date_compare (&date, &now) >= 0)
    return g_strdup (_("A date of birth lies in the past"));

  age = g_date_get_year (&now) - g_date_get_year (&date);
  if (g_date_get_month (&now) < g_date_get_month (&date) ||
      (g_date_get_month (&now) == g_date_get_month (&date) && g_date_get_day (&now) < g_date_get_day (&date)))
    age--;
  if (age < 18)
    return g_strdup (_("The customer must be 18 or older to sign a contract"));
  if (age > 120)
    return g_strdup (_("Check the year: that is more than 120 years ago"));

  return NULL;
}

/* A day that has been: a date of purchase, typed in the clerk's form. */
char *
prov_rule_check_past_date (const char *value,
                           GDateTime  *today)
{
  char *problem;
  GDate date;
  GDate now;

  if ((problem = dup_typed_day_problem (value, today, &date, &now)) != NULL)
    return problem;

  if (g_date_compare (&date, &now) > 0)
    return g_strdup (_("That day is still to come"));

  return NULL;
}

/* The PIN the customer gives when calling support: 4 to 8 digits, and not
 * one anybody would guess (all the same digit, or a run such as 1234). */
char *
prov_rule_check_account_pin (const char *value)
{
  gsize length = value != NULL ? strlen (value) : 0;
  gboolean same = TRUE;
  gboolean rising = TRUE;
  gboolean falling = TRUE;

  if (length == 0)
    return g_strdup (_("Required"));

  if (!all_digits (value) || length < 4 || length > 8)
    return g_strdup (_("An account PIN is 4 to 8 digits"));

  for (gsize i = 1; i < length; i++)
    {
      same &= value[i] == value[0];
      rising &= value[i] == value[i - 1] + 1;
      falling &= value[i] == value[i - 1] - 1;
    }
  if (same || rising || falling)
    return g_strdup (_("Too easy to guess: avoid repeated digits and runs such as 1234"));

  return NULL;
}

/* Required, and valid as an identifier of @kind (a phone number in E.164,
 * an IBAN, …), with the identifier's own explanation when not. */
char *
prov_rule_check_identifier (ProvIdKind  kind,
                            const char *value)
{
  g_autoptr(ProvId) id = NULL;

  if (value == NULL || *value == '\0')
    return g_strdup (_("Required"));

  id = prov_id_parse (kind, value);
  if (!id->valid)
    return g_strdup (id->message);

  return NULL;
}
