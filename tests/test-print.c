/* The order confirmation as the customer takes it home: a PDF that reads
 * back (pdftotext) with the overview, in the clerk's language, and
 * without secrets. Run in English, German (LANGUAGE=de) and Dutch. */
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "prov-order-print.h"
#include "prov-test-util.h"
#include "prov-tmf622.h"

static char *
read_pdf (const char *path)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "pdftotext", path, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return text;
}

static void
test_confirmation_pdf (void)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "clerk");
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "confirmation.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *title = g_getenv ("PROV_EXPECT_TITLE");
  const char *customer_label = g_getenv ("PROV_EXPECT_CUSTOMER_LABEL");

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Bakkerij de Vries");
  prov_order_set_field (order, PROV_ORDER_FIELD_OFFERING_NAME, "Advanced User");
  prov_order_set_field (order, "user.display-name", "Sanne de Vries");
  prov_order_set_field (order, PROV_ORDER_FIELD_ICCID, "89314404000132922221");
  prov_order_set_field (order, "extension.number", "101");
  prov_order_set_field (order, "extension.pin", "4821");

  g_assert_cmpint (prov_order_print (order, NULL, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  text = read_pdf (path);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (strstr (text, customer_label));
  g_assert_nonnull (strstr (text, "Bakkerij de Vries"));
  g_assert_nonnull (strstr (text, "Sanne de Vries"));
  g_assert_nonnull (strstr (text, "89314404000132922221"));
  g_assert_nonnull (strstr (text, prov_order_get_uuid (order)));
  /* The voicemail PIN is the user's secret. */
  g_assert_null (strstr (text, "4821"));

  prov_test_remove_tree (dir);
}

/* A new customer's order: every line with its package, device and SIM,
 * both addresses, and the payment method with the IBAN masked; no
 * account PIN. */
static void
test_multi_line_confirmation_pdf (void)
{
  g_autoptr(ProvOrder) order = prov_order_new (PROV_ORDER_KIND_NEW_WIRELESS_CUSTOMER, "clerk");
  g_autofree char *dir = prov_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "confirmation.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  ProvOrderLine *first = prov_order_get_line (order, 0);
  ProvOrderLine *second = prov_order_add_line (order);

  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, "Jansen Installatie B.V.");
  prov_order_set_field (order, "customer.account-pin", "4821");
  prov_order_set_field (order, "service.street", "Stationsweg 1");
  prov_order_set_field (order, "service.city", "Utrecht");
  prov_order_set_field (order, "billing.street", "Postbus 77");
  prov_order_set_field (order, "billing.city", "Amersfoort");
  prov_order_set_field (order, "payment.method-name", "Direct debit");
  prov_order_set_field (order, "payment.iban", "NL91ABNA0417164300");
  prov_order_line_set_field (first, PROV_ORDER_FIELD_OFFERING_NAME, "Family Share, 2 lines");
  prov_order_line_set_field (first, PROV_ORDER_FIELD_IMEI, "490154203237518");
  prov_order_line_set_field (first, PROV_ORDER_FIELD_ICCID, "89314404000100000513");
  prov_order_line_set_field (second, PROV_ORDER_FIELD_OFFERING_NAME, "Data-only 10 GB");
  prov_order_line_set_field (second, PROV_ORDER_FIELD_IMEI, "352935090123457");
  prov_order_line_set_field (second, PROV_ORDER_FIELD_ICCID, "89314404000100000521");

  g_assert_cmpint (prov_order_print (order, NULL, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  text = read_pdf (path);
  g_test_message ("%s", text);
  for (guint i = 0; i < 2; i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);

      g_assert_nonnull (strstr (text, prov_order_line_get_field (line, PROV_ORDER_FIELD_OFFERING_NAME)));
      g_assert_nonnull (strstr (text, prov_order_line_get_field (line, PROV_ORDER_FIELD_IMEI)));
      g_assert_nonnull (strstr (text, prov_order_line_get_field (line, PROV_ORDER_FIELD_ICCID)));
    }
  g_assert_nonnull (strstr (text, "Stationsweg 1"));
  g_assert_nonnull (strstr (text, "Postbus 77"));
  g_assert_nonnull (strstr (text, "Direct debit"));
  /* The IBAN only as the customer recognises it. */
  g_assert_nonnull (strstr (text, "NL** **** **** **43 00"));
  g_assert_null (strstr (text, "NL91ABNA0417164300"));
  g_assert_null (strstr (text, "0417164300"));
  g_assert_null (strstr (text, "4821"));

  prov_test_remove_tree (dir);
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

  if (!gtk_init_check () || g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("Needs a display and pdftotext");
      return g_test_run ();
    }

  g_test_add_func ("/print/confirmation-pdf", test_confirmation_pdf);
  g_test_add_func ("/print/multi-line-confirmation-pdf", test_multi_line_confirmation_pdf);

  return g_test_run ();
}
