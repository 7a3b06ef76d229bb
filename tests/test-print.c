/* The order confirmation as the customer takes it home: a PDF that reads
 * back (pdftotext) with the store, every line, the prices and what to do
 * next, in the clerk's language and without secrets, and whose barcodes
 * (pdftoppm, then zbarimg) give the order's reference. On a sheet and on
 * an 80 mm roll. Run in English, German (LANGUAGE=de) and Dutch. */
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "prov-carrier-profile.h"
#include "prov-order-field.h"
#include "prov-order-print.h"
#include "prov-order-reference.h"
#include "prov-test-util.h"

/* Who drafts the orders printed here: the confirmation names them. */
#define STAFF_MEMBER "Sem Bakker"
#define STORE_NAME "Telefoonwinkel Centrum"
#define STORE_STREET "Oudegracht 12"
#define STORE_PHONE "+31 30 123 4567"
#define DEALER_CODE "DLR-4711"
#define CARRIER_NAME "Telco Noord"
#define MM_IN_POINTS (72.0 / 25.4)

typedef struct {
  char        *dir;
  ProvCatalog *catalog;
} Fixture;

static char *
run_capture (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  /* zbarimg exits 4 when it finds no barcode: the caller's assertions say so. */
  return out;
}

static char *
read_pdf (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  return run_capture (argv);
}

/* "Page size: 226.77 x 612.3 pts" and "Pages: 1" of pdfinfo. */
static void
read_pdf_size (const char *path,
               double     *width,
               double     *height,
               guint      *pages)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_capture (argv);
  const char *size = strstr (info, "Page size:");
  const char *count = strstr (info, "Pages:");

  g_assert_nonnull (size);
  g_assert_nonnull (count);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", width, height), ==, 2);
  *pages = (guint) g_ascii_strtoull (count + strlen ("Pages:") + strspn (count + strlen ("Pages:"), " "), NULL, 10);
}

/* Every barcode zbarimg finds on the first page, as "CODE-128:…" lines. */
static char *
decode_barcodes (const char *dir,
                 const char *pdf)
{
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, "-1.png", NULL);
  const char *render[] = { "pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", "-png", pdf, prefix, NULL };
  const char *decode[] = { "zbarimg", "-q", png, NULL };
  g_autofree char *ignored = run_capture (render);

  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  return run_capture (decode);
}

/* A small logo, as a store would pick one. */
static char *
make_logo (const char *dir)
{
  char *path = g_build_filename (dir, "logo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 60);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.3, 0.7);
  cairo_rectangle (cr, 10, 10, 180, 40);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "sandbox", "demo-catalog.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettings) carrier = prov_carrier_profile_settings_new ("sandbox");
  g_autofree char *logo = NULL;

  fixture->dir = prov_test_make_tmp_dir ();
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  fixture->catalog = prov_catalog_new_from_json (json_parser_get_root (parser), 1, &error);
  g_assert_no_error (error);

  logo = make_logo (fixture->dir);
  g_settings_set_string (settings, "store-name", STORE_NAME);
  g_settings_set_string (settings, "store-street", STORE_STREET);
  g_settings_set_string (settings, "store-city", "3511 AB Utrecht");
  g_settings_set_string (settings, "store-phone", STORE_PHONE);
  g_settings_set_string (settings, "store-logo", logo);
  g_settings_set_string (carrier, "dealer-code", DEALER_CODE);
  g_settings_set_string (carrier, "name", CARRIER_NAME);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  prov_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->catalog);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not on the confirmation:\n%s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” must not be on the confirmation:\n%s", needle, text);
}

/* "€ 14.50" as the catalog prices it, written as the confirmation does. */
static char *
dup_amount (double amount)
{
  return g_strdup_printf ("€ %.2f", amount);
}

static double
monthly_fee (Fixture    *fixture,
             const char *offering_id)
{
  ProvOffering *offering = prov_catalog_lookup (fixture->catalog, offering_id);
  const char *currency;
  double amount = 0;

  g_assert_nonnull (offering);
  g_assert_true (prov_offering_get_monthly_fee (offering, &amount, &currency));
  return amount;
}

static double
one_time_fee (Fixture    *fixture,
              const char *offering_id)
{
  const char *currency;
  double amount = 0;

  prov_offering_get_one_time_fee (prov_catalog_lookup (fixture->catalog, offering_id), &amount, &currency);
  return amount;
}

/* Flow 1: one mobile user, the number ported in, a factory PIN to
 * change, and a transfer PIN and an account PIN that are the customer's. */
static ProvOrder *
new_one_line_order (void)
{
  ProvOrder *order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, STAFF_MEMBER);

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Bakkerij de Vries");
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, "voice-advanced");
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME, "Advanced User");
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_DATA_ID, "data-10gb");
  prov_order_set_field (order, PROV_ORDER_FIELD_SUBSCRIPTION_DATA_NAME, "Data 10 GB");
  prov_order_set_field (order, PROV_ORDER_FIELD_ADDONS_IDS, "addon-roaming-world");
  prov_order_set_field (order, PROV_ORDER_FIELD_ADDONS_NAMES, "Roaming World");
  prov_order_set_field (order, PROV_ORDER_FIELD_USER_DISPLAY_NAME, "Sanne de Vries");
  prov_order_set_field (order, PROV_ORDER_FIELD_SIM_ICCID, "89314404000132922221");
  prov_order_set_field (order, PROV_ORDER_FIELD_DEVICE_IMEI, "490154203237518");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_MODE, "port-in");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_MSISDN, "+31612345678");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_DONOR_PROVIDER, "KPN");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_WISHED_DATE, "2026-12-15");
  prov_order_set_field (order, PROV_ORDER_FIELD_NUMBER_TRANSFER_PIN, "998877");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN, "5190");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_NUMBER, "101");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_PIN, "0000");
  prov_order_set_field (order, PROV_ORDER_FIELD_EXTENSION_PIN_CHANGE_REQUIRED, "true");
  prov_order_set_field (order, PROV_ORDER_FIELD_STOCKTAKING_START_DATE, "2026-12-01");
  prov_order_set_field (order, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS, "24");
  prov_order_set_field (order, PROV_ORDER_FIELD_CONFIRM_END_USER_BILLING, "false");

  return order;
}

/* What both papers must show of the one-line order. */
static void
assert_one_line_content (Fixture    *fixture,
                         ProvOrder  *order,
                         const char *text)
{
  g_autofree char *reference = prov_order_reference_from_uuid (prov_order_get_uuid (order));
  g_autofree char *voice = dup_amount (monthly_fee (fixture, "voice-advanced"));
  g_autofree char *data = dup_amount (monthly_fee (fixture, "data-10gb"));
  g_autofree char *roaming = dup_amount (monthly_fee (fixture, "addon-roaming-world"));
  g_autofree char *connection = dup_amount (one_time_fee (fixture, "voice-advanced"));
  g_autofree char *monthly_total = dup_amount (monthly_fee (fixture, "voice-advanced") + monthly_fee (fixture, "data-10gb") +
                                               monthly_fee (fixture, "addon-roaming-world"));
  /* The staff member who served the customer: who drafted the order. */
  const char *clerk = prov_order_get_created_by (order);

  /* Who sold it. */
  assert_contains (text, STORE_NAME);
  assert_contains (text, STORE_STREET);
  assert_contains (text, STORE_PHONE);
  assert_contains (text, DEALER_CODE);
  assert_contains (text, CARRIER_NAME);
  assert_contains (text, clerk);
  /* The order, its line, and how to find it again. */
  assert_contains (text, g_getenv ("PROV_EXPECT_TITLE"));
  assert_contains (text, reference);
  assert_contains (text, "Bakkerij de Vries");
  assert_contains (text, "Advanced User");
  assert_contains (text, "Data 10 GB");
  assert_contains (text, "Roaming World");
  assert_contains (text, "Sanne de Vries");
  assert_contains (text, "89314404000132922221");
  assert_contains (text, "490154203237518");
  assert_contains (text, "+31612345678");
  assert_contains (text, "KPN");
  /* Prices from the catalog, and their sums. */
  assert_contains (text, voice);
  assert_contains (text, data);
  assert_contains (text, roaming);
  assert_contains (text, connection);
  assert_contains (text, monthly_total);
  /* What was agreed and what comes next, in the clerk's words. */
  assert_contains (text, g_getenv ("PROV_EXPECT_START_DATE"));
  assert_contains (text, g_getenv ("PROV_EXPECT_PORT_DATE"));
  assert_contains (text, g_getenv ("PROV_EXPECT_CONTRACT"));
  assert_contains (text, g_getenv ("PROV_EXPECT_BILLING"));
  assert_contains (text, g_getenv ("PROV_EXPECT_SIGNATURE"));
  assert_contains (text, "Fair use applies");
  /* The factory PIN is to be changed, so it is said. */
  assert_contains (text, "0000");
  /* Secrets stay off paper. */
  assert_lacks (text, "998877");
  assert_lacks (text, "5190");
}

/* With PROV_SCREENSHOT_DIR set (and in English), the README's pictures:
 * the page as a customer holds it. */
static void
keep_for_readme (const char *pdf,
                 const char *name)
{
  const char *dir = g_getenv ("PROV_SCREENSHOT_DIR");
  g_autofree char *prefix = NULL;
  const char *argv[] = { "pdftoppm", "-r", "110", "-png", "-singlefile", pdf, NULL, NULL };
  g_autofree char *ignored = NULL;

  if (dir == NULL || !g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "en"))
    return;

  prefix = g_build_filename (dir, name, NULL);
  argv[6] = prefix;
  ignored = run_capture (argv);
}

static void
assert_barcodes_give (const char *dir,
                      const char *pdf,
                      const char *reference)
{
  g_autofree char *decoded = decode_barcodes (dir, pdf);
  g_autofree char *code128 = g_strdup_printf ("CODE-128:%s", reference);
  g_autofree char *qr = g_strdup_printf ("QR-Code:%s", reference);

  g_test_message ("zbarimg: %s", decoded);
  assert_contains (decoded, code128);
  assert_contains (decoded, qr);
}

static void
test_one_line_page (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ProvOrder) order = new_one_line_order ();
  g_autofree char *path = g_build_filename (fixture->dir, "confirmation.pdf", NULL);
  g_autofree char *reference = prov_order_reference_from_uuid (prov_order_get_uuid (order));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
  double width, height;
  guint pages;

  g_assert_true (prov_order_print_to_pdf (order, fixture->catalog, PROV_PAPER_PAGE, path, &error));
  g_assert_no_error (error);

  text = read_pdf (path);
  g_test_message ("%s", text);
  assert_one_line_content (fixture, order, text);
  assert_barcodes_give (fixture->dir, path, reference);
  keep_for_readme (path, "confirmation-a4");

  /* The region's sheet (A4 here, Letter in the United States). */
  read_pdf_size (path, &width, &height, &pages);
  g_assert_cmpfloat_with_epsilon (width, gtk_paper_size_get_width (paper, GTK_UNIT_POINTS), 1);
  g_assert_cmpfloat_with_epsilon (height, gtk_paper_size_get_height (paper, GTK_UNIT_POINTS), 1);
  g_assert_cmpuint (pages, ==, 1);
}

/* The layout of pdftotext -bbox: every word's box, to check that none
 * leaves the paper or its margins. */
static void
assert_words_within (const char *path,
                     double      left,
                     double      right)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *boxes = run_capture (argv);
  const char *p = boxes;
  guint n_words = 0;

  while ((p = strstr (p, "<word xMin=\"")) != NULL)
    {
      double x_min, x_max, y_min, y_max;

      g_assert_cmpint (sscanf (p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                               &x_min, &y_min, &x_max, &y_max), ==, 4);
      if (x_min < left || x_max > right)
        g_error ("A word runs off the roll (%.1f to %.1f, printable %.1f to %.1f): %.60s", x_min, x_max, left, right, p);
      n_words++;
      p++;
    }
  g_assert_cmpuint (n_words, >, 50);
}

/* The same content on the counter's receipt printer: 80 mm wide, one
 * page as long as it needs, nothing beyond the 72 mm a head prints. */
static void
test_one_line_receipt (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ProvOrder) order = new_one_line_order ();
  g_autofree char *path = g_build_filename (fixture->dir, "receipt.pdf", NULL);
  g_autofree char *reference = prov_order_reference_from_uuid (prov_order_get_uuid (order));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  double width, height;
  guint pages;

  g_assert_true (prov_order_print_to_pdf (order, fixture->catalog, PROV_PAPER_RECEIPT, path, &error));
  g_assert_no_error (error);

  read_pdf_size (path, &width, &height, &pages);
  g_test_message ("receipt: %.1f x %.1f pt, %u page(s)", width, height, pages);
  g_assert_cmpfloat_with_epsilon (width, 80 * MM_IN_POINTS, 0.5);
  g_assert_cmpuint (pages, ==, 1);
  assert_words_within (path, 4 * MM_IN_POINTS, 76 * MM_IN_POINTS);

  text = read_pdf (path);
  g_test_message ("%s", text);
  assert_one_line_content (fixture, order, text);
  assert_barcodes_give (fixture->dir, path, reference);
  keep_for_readme (path, "confirmation-receipt");
}

/* Flow 3: a business with many lines, so the sheet runs over a page;
 * addresses, the IBAN masked, no account PIN. */
static void
test_multi_line_page (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, STAFF_MEMBER);
  g_autofree char *path = g_build_filename (fixture->dir, "confirmation.pdf", NULL);
  g_autofree char *reference = prov_order_reference_from_uuid (prov_order_get_uuid (order));
  g_autofree char *text = NULL;
  g_autofree char *monthly_total = NULL;
  g_autoptr(GError) error = NULL;
  double width, height, total = 0;
  guint pages;
  const guint n_lines = 8;

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jansen Installatie B.V.");
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN, "4821");
  prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_STREET, "Stationsweg 1");
  prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_POSTCODE, "3511 ED");
  prov_order_set_field (order, PROV_ORDER_FIELD_SERVICE_CITY, "Utrecht");
  prov_order_set_field (order, PROV_ORDER_FIELD_BILLING_STREET, "Postbus 77");
  prov_order_set_field (order, PROV_ORDER_FIELD_BILLING_CITY, "Amersfoort");
  prov_order_set_field (order, PROV_ORDER_FIELD_PAYMENT_METHOD_NAME, "Direct debit");
  prov_order_set_field (order, PROV_ORDER_FIELD_PAYMENT_IBAN, "NL91ABNA0417164300");
  for (guint i = 0; i < n_lines; i++)
    {
      ProvOrderLine *line = i == 0 ? prov_order_get_line (order, 0) : prov_order_add_line (order);
      const char *package = i % 2 == 0 ? "line-family-2" : "line-data-10gb";
      g_autofree char *imei = prov_test_make_imei (100 + i);
      g_autofree char *iccid = prov_test_make_iccid (100 + i);

      prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, package);
      prov_order_line_set_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME, prov_offering_get_name (prov_catalog_lookup (fixture->catalog, package)));
      prov_order_line_set_field (line, PROV_ORDER_FIELD_DEVICE_IMEI, imei);
      prov_order_line_set_field (line, PROV_ORDER_FIELD_SIM_ICCID, iccid);
      prov_order_line_set_field (line, PROV_ORDER_FIELD_STOCKTAKING_CONTRACT_MONTHS, "24");
      total += monthly_fee (fixture, package);
    }

  g_assert_true (prov_order_print_to_pdf (order, fixture->catalog, PROV_PAPER_PAGE, path, &error));
  g_assert_no_error (error);

  text = read_pdf (path);
  g_test_message ("%s", text);
  for (guint i = 0; i < n_lines; i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);

      assert_contains (text, prov_order_line_get_field (line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_NAME));
      assert_contains (text, prov_order_line_get_field (line, PROV_ORDER_FIELD_DEVICE_IMEI));
      assert_contains (text, prov_order_line_get_field (line, PROV_ORDER_FIELD_SIM_ICCID));
    }
  monthly_total = dup_amount (total);
  assert_contains (text, monthly_total);
  assert_contains (text, reference);
  assert_contains (text, "Stationsweg 1");
  assert_contains (text, "3511 ED Utrecht");
  assert_contains (text, "Postbus 77");
  assert_contains (text, "Direct debit");
  /* The IBAN only as the customer recognises it. */
  assert_contains (text, "NL** **** **** **43 00");
  assert_lacks (text, "NL91ABNA0417164300");
  assert_lacks (text, "0417164300");
  assert_lacks (text, "4821");

  /* Over a page: each says which of how many it is. */
  read_pdf_size (path, &width, &height, &pages);
  g_assert_cmpuint (pages, >=, 2);
  assert_contains (text, g_getenv ("PROV_EXPECT_PAGE_1_OF_2"));
  assert_barcodes_give (fixture->dir, path, reference);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PROV_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("Needs a display");
      return g_test_run ();
    }

  g_test_add ("/print/one-line-page", Fixture, NULL, fixture_set_up, test_one_line_page, fixture_tear_down);
  g_test_add ("/print/one-line-receipt", Fixture, NULL, fixture_set_up, test_one_line_receipt, fixture_tear_down);
  g_test_add ("/print/multi-line-page", Fixture, NULL, fixture_set_up, test_multi_line_page, fixture_tear_down);

  return g_test_run ();
}
