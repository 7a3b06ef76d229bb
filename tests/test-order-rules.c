/* The checks the order pages run as the clerk types. */
#include <string.h>

#include "prov-order-rules.h"
#include "prov-pin-rule.h"
#include "prov-typed-date.h"

static void
assert_ok (char *message)
{
  g_assert_null (message);
}

static void
assert_problem (char       *message,
                const char *part)
{
  g_assert_nonnull (message);
  if (strstr (message, part) == NULL)
    g_error ("“%s” does not say “%s”", message, part);
  g_free (message);
}

static void
test_email (void)
{
  assert_ok (prov_rule_check_email ("fenna@example.nl"));
  assert_problem (prov_rule_check_email (""), "Required");
  assert_problem (prov_rule_check_email ("fenna.example.nl"), "e-mail");
  assert_problem (prov_rule_check_email ("fenna@example"), "e-mail");
  assert_problem (prov_rule_check_email ("fen na@example.nl"), "e-mail");
  assert_problem (prov_rule_check_email ("@example.nl"), "e-mail");
}

static void
test_start_date (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 22, 9, 0, 0);

  assert_ok (prov_rule_check_start_date ("2026-11-22", today));
  assert_ok (prov_rule_check_start_date ("2027-01-01", today));
  assert_problem (prov_rule_check_start_date ("2026-11-21", today), "past");
  assert_problem (prov_rule_check_start_date ("2025-12-31", today), "past");
  assert_problem (prov_rule_check_start_date ("2026-02-30", today), "Not a date");
  assert_problem (prov_rule_check_start_date ("22-11-2026", today), "Not a date");
}

/* A date of birth: a real date, in the past, of someone 18 to 120. */
static void
test_birth_date (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 22, 9, 0, 0);

  assert_ok (prov_rule_check_birth_date ("1985-03-12", today));
  assert_ok (prov_rule_check_birth_date ("2008-11-22", today));
  assert_problem (prov_rule_check_birth_date ("2008-11-23", today), "18");
  assert_problem (prov_rule_check_birth_date ("2026-11-22", today), "past");
  assert_problem (prov_rule_check_birth_date ("2030-01-01", today), "past");
  assert_problem (prov_rule_check_birth_date ("1900-01-01", today), "120");
  assert_problem (prov_rule_check_birth_date ("1985-02-30", today), "Not a date");
  assert_problem (prov_rule_check_birth_date ("", today), "Required");
}

/* A date of purchase: a real day, today at the latest. */
static void
test_past_date (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 22, 9, 0, 0);

  assert_ok (prov_rule_check_past_date ("2026-11-22", today));
  assert_ok (prov_rule_check_past_date ("2025-01-31", today));
  assert_problem (prov_rule_check_past_date ("2026-11-23", today), "still to come");
  assert_problem (prov_rule_check_past_date ("2026-02-30", today), "Not a date");
  assert_problem (prov_rule_check_past_date ("", today), "Required");
}

/* The customer's support PIN: 4 to 8 digits, not one anybody guesses. */
static void
test_account_pin (void)
{
  assert_ok (prov_rule_check_account_pin ("4821"));
  assert_ok (prov_rule_check_account_pin ("90817263"));
  assert_problem (prov_rule_check_account_pin (""), "Required");
  assert_problem (prov_rule_check_account_pin ("482"), "4 to 8");
  assert_problem (prov_rule_check_account_pin ("123456789"), "4 to 8");
  assert_problem (prov_rule_check_account_pin ("48a1"), "4 to 8");
  assert_problem (prov_rule_check_account_pin ("0000"), "guess");
  assert_problem (prov_rule_check_account_pin ("1234"), "guess");
  assert_problem (prov_rule_check_account_pin ("98765"), "guess");
}

/* Phone numbers and IBANs: required, then the identifier's own words. */
static void
test_identifiers (void)
{
  assert_ok (prov_rule_check_identifier (PROV_ID_KIND_E164, "+31612345678"));
  assert_ok (prov_rule_check_identifier (PROV_ID_KIND_IBAN, "NL91ABNA0417164300"));
  assert_problem (prov_rule_check_identifier (PROV_ID_KIND_E164, ""), "Required");
  assert_problem (prov_rule_check_identifier (PROV_ID_KIND_E164, "0612"), "country code");
  assert_problem (prov_rule_check_identifier (PROV_ID_KIND_IBAN, "NL91ABNA0417164301"), "IBAN");
}

static void
test_extension (void)
{
  const char *in_use[] = { "101", "102", "104", NULL };

  assert_ok (prov_rule_check_extension ("12", NULL, 0));
  assert_ok (prov_rule_check_extension ("12345", NULL, 0));
  assert_problem (prov_rule_check_extension ("1", NULL, 0), "2 to 5");
  assert_problem (prov_rule_check_extension ("123456", NULL, 0), "2 to 5");
  assert_problem (prov_rule_check_extension ("1a3", NULL, 0), "Only digits");
  /* Once the account has extensions, their length is fixed. */
  assert_ok (prov_rule_check_extension ("103", in_use, 3));
  assert_problem (prov_rule_check_extension ("1003", in_use, 3), "have 3 digits");
  assert_problem (prov_rule_check_extension ("102", in_use, 3), "already in use");
}

static void
test_next_extension (void)
{
  const char *in_use[] = { "101", "102", "104", NULL };
  const char *two_digits[] = { "11", "12", NULL };
  g_autofree char *next = prov_rule_next_extension (in_use, 3);
  g_autofree char *first = prov_rule_next_extension (NULL, 0);
  g_autofree char *short_next = prov_rule_next_extension (two_digits, 2);

  g_assert_cmpstr (next, ==, "103");
  g_assert_cmpstr (first, ==, "101");
  g_assert_cmpstr (short_next, ==, "13");
}

static void
test_pin (void)
{
  g_autoptr(ProvPinRule) extension = prov_pin_rule_new (4, 8, "0000");
  g_autoptr(ProvPinRule) mobile = prov_pin_rule_new (3, 8, "000");

  assert_ok (prov_pin_rule_check (extension, "4821"));
  assert_ok (prov_pin_rule_check (extension, "0000"));
  assert_problem (prov_pin_rule_check (extension, "482"), "4 to 8");
  assert_problem (prov_pin_rule_check (extension, "48a1"), "Only digits");
  g_assert_true (prov_pin_rule_must_change (extension, "0000"));
  g_assert_false (prov_pin_rule_must_change (extension, "4821"));
  g_assert_false (prov_pin_rule_must_change (extension, "00000"));
  g_assert_false (prov_pin_rule_must_change (extension, NULL));
  /* The mobile portal's factory PIN has three digits. */
  assert_ok (prov_pin_rule_check (mobile, "000"));
  g_assert_true (prov_pin_rule_must_change (mobile, "000"));
  g_assert_false (prov_pin_rule_must_change (mobile, "0000"));
  /* A factory PIN shorter than the rule's digits is still the factory PIN. */
  {
    g_autoptr(ProvPinRule) short_factory = prov_pin_rule_new (4, 6, "00");

    assert_ok (prov_pin_rule_check (short_factory, "00"));
    assert_problem (prov_pin_rule_check (short_factory, "12"), "4 to 6");
  }
  assert_ok (prov_rule_check_area_code ("020"));
  assert_problem (prov_rule_check_area_code ("02a"), "area code");
}

static void
assert_date (const char    *typed,
             ProvDateOrder  order,
             const char    *expected_iso)
{
  GDate date;
  g_autofree char *iso = NULL;

  if (expected_iso == NULL)
    {
      g_assert_false (prov_typed_date_parse (typed, order, &date));
      return;
    }

  g_assert_true (prov_typed_date_parse (typed, order, &date));
  iso = prov_typed_date_dup_iso (&date);
  g_assert_cmpstr (iso, ==, expected_iso);
}

/* Dates as clerks type them: ISO anywhere, and their locale's order. */
static void
test_typed_dates (void)
{
  g_assert_cmpint (prov_date_order_from_format ("%d-%m-%y"), ==, PROV_DATE_ORDER_DMY);   /* nl_NL */
  g_assert_cmpint (prov_date_order_from_format ("%d.%m.%Y"), ==, PROV_DATE_ORDER_DMY);   /* de_DE */
  g_assert_cmpint (prov_date_order_from_format ("%m/%d/%Y"), ==, PROV_DATE_ORDER_MDY);   /* en_US */
  g_assert_cmpint (prov_date_order_from_format ("%Y-%m-%d"), ==, PROV_DATE_ORDER_YMD);   /* sv_SE */
  g_assert_cmpint (prov_date_order_from_format ("%Od/%Om/%Ey"), ==, PROV_DATE_ORDER_DMY);
  g_assert_cmpint (prov_date_order_from_format (""), ==, PROV_DATE_ORDER_YMD);

  assert_date ("2026-12-01", PROV_DATE_ORDER_DMY, "2026-12-01");
  assert_date ("2026-12-01", PROV_DATE_ORDER_MDY, "2026-12-01");
  assert_date ("1-12-2026", PROV_DATE_ORDER_DMY, "2026-12-01");
  assert_date ("01.12.2026", PROV_DATE_ORDER_DMY, "2026-12-01");
  assert_date ("01-12-26", PROV_DATE_ORDER_DMY, "2026-12-01");
  assert_date (" 12/1/2026 ", PROV_DATE_ORDER_MDY, "2026-12-01");
  assert_date ("1 12 2026", PROV_DATE_ORDER_DMY, "2026-12-01");
  assert_date ("29-02-2028", PROV_DATE_ORDER_DMY, "2028-02-29");
  assert_date ("29-02-2027", PROV_DATE_ORDER_DMY, NULL);
  assert_date ("12/13/2026", PROV_DATE_ORDER_MDY, "2026-12-13");
  assert_date ("13/12/2026", PROV_DATE_ORDER_MDY, NULL);
  assert_date ("1-12-202", PROV_DATE_ORDER_DMY, NULL);
  assert_date ("1-12", PROV_DATE_ORDER_DMY, NULL);
  assert_date ("1-12-2026-5", PROV_DATE_ORDER_DMY, NULL);
  assert_date ("1_12_2026", PROV_DATE_ORDER_DMY, NULL);
  assert_date ("0-12-2026", PROV_DATE_ORDER_DMY, NULL);
  assert_date ("99999-12-01", PROV_DATE_ORDER_YMD, NULL);
  assert_date ("tomorrow", PROV_DATE_ORDER_DMY, NULL);
  assert_date ("", PROV_DATE_ORDER_DMY, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/order-rules/email", test_email);
  g_test_add_func ("/order-rules/start-date", test_start_date);
  g_test_add_func ("/order-rules/typed-dates", test_typed_dates);
  g_test_add_func ("/order-rules/past-date", test_past_date);
  g_test_add_func ("/order-rules/extension", test_extension);
  g_test_add_func ("/order-rules/next-extension", test_next_extension);
  g_test_add_func ("/order-rules/pin", test_pin);
  g_test_add_func ("/order-rules/birth-date", test_birth_date);
  g_test_add_func ("/order-rules/account-pin", test_account_pin);
  g_test_add_func ("/order-rules/identifiers", test_identifiers);

  return g_test_run ();
}
