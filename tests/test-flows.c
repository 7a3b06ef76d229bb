#include <gtk/gtk.h>

#include "prov-assistant.h"
#include "prov-assistant-page.h"
#include "prov-flows.h"
#include "prov-line-request.h"
#include "prov-test-util.h"

/* The flows table (src/assistant/prov-flows.c) holds: one entry per order
 * kind, in the kinds' order, naming only pages that declare those ids. */

static void
test_every_flow_holds (void)
{
  g_autoptr(GError) error = NULL;
  const ProvFlow *flows;
  guint n_flows;

  g_assert_true (prov_flows_check (&error));
  g_assert_no_error (error);

  flows = prov_flows_get_all (&n_flows);
  g_assert_cmpuint (n_flows, ==, PROV_ORDER_KIND_LAST - PROV_ORDER_KIND_FIRST + 1);
  for (int kind = PROV_ORDER_KIND_FIRST; kind <= PROV_ORDER_KIND_LAST; kind++)
    {
      const ProvFlow *flow = prov_flows_lookup (kind);

      g_assert_true (flow == &flows[kind - PROV_ORDER_KIND_FIRST]);
      g_assert_cmpint (flow->kind, ==, kind);
      g_assert_nonnull (flow->icon_name);
      g_assert_true (prov_assistant_supports_kind (kind) == prov_flow_can_draft (flow));
      for (guint i = 0; prov_flow_can_draft (flow) && flow->pages[i].id != NULL; i++)
        {
          GType type = prov_flows_find_page_type (flow->pages[i].id);
          g_autoptr(ProvAssistantPage) page = NULL;

          g_assert_true (g_type_is_a (type, PROV_TYPE_ASSISTANT_PAGE));
          page = g_object_ref_sink (g_object_new (type, NULL));
          g_assert_cmpstr (prov_assistant_page_get_id (page), ==, flow->pages[i].id);
        }
    }
}

/* A mistyped page id is an error, never some other page. */
static void
test_unknown_page_is_an_error (void)
{
  static const ProvFlowPage pages[] = { { "stocktaking" }, { "subscripton" }, { "confirm" }, { NULL } };
  static const ProvFlowPage twice[] = { { "stocktaking" }, { "confirm" }, { "confirm" }, { NULL } };
  ProvFlow flow = *prov_flows_lookup (PROV_ORDER_KIND_MOBILE_USER);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (prov_flows_find_page_type ("subscripton"), ==, G_TYPE_INVALID);

  flow.pages = pages;
  g_assert_false (prov_flow_check (&flow, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "subscripton"));
  g_clear_error (&error);

  flow.pages = twice;
  g_assert_false (prov_flow_check (&flow, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Another order starting on a page the flow does not have. */
  flow = *prov_flows_lookup (PROV_ORDER_KIND_USER_EXTENSION);
  flow.another_starts_at = "numbers";
  g_assert_false (prov_flow_check (&flow, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* Flow 5 is drafted from a customer's line, not from the New Order menu;
 * its number page is there only for a change of number or a port. */
static void
test_line_requests_start_from_lines (void)
{
  const ProvFlow *flow = prov_flows_lookup (PROV_ORDER_KIND_LINE_LIFECYCLE);
  g_autoptr(ProvProductLine) line = prov_test_product_line ("product-1", "active", "+31612000001", 0);
  g_autoptr(ProvOrder) suspend = prov_line_request_new_order (prov_line_request_lookup ("suspend"), line,
                                                              "C-1", "Van Leeuwen", 30, "clerk");
  g_autoptr(ProvOrder) number = prov_line_request_new_order (prov_line_request_lookup ("change-number"), line,
                                                             "C-1", "Van Leeuwen", 30, "clerk");
  g_autoptr(ProvOrder) port = prov_line_request_new_order (prov_line_request_lookup ("port-carrier"), line,
                                                           "C-1", "Van Leeuwen", 30, "clerk");

  g_assert_true (prov_flow_can_draft (flow));
  g_assert_true (prov_assistant_supports_kind (PROV_ORDER_KIND_LINE_LIFECYCLE));
  g_assert_null (flow->menu_section);
  g_assert_true (prov_flow_skips_page (flow, "number", suspend));
  g_assert_false (prov_flow_skips_page (flow, "number", number));
  g_assert_false (prov_flow_skips_page (flow, "number", port));
  g_assert_false (prov_flow_skips_page (flow, "request", suspend));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("Needs a display");
      return g_test_run ();
    }

  g_test_add_func ("/flows/every-flow-holds", test_every_flow_holds);
  g_test_add_func ("/flows/unknown-page-is-an-error", test_unknown_page_is_an_error);
  g_test_add_func ("/flows/line-requests-start-from-lines", test_line_requests_start_from_lines);

  return g_test_run ();
}
