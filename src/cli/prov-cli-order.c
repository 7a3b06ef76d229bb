#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "prov-cli.h"
#include "prov-json-guard.h"
#include "prov-line-request.h"
#include "prov-order-placing.h"
#include "prov-tmf622.h"

/* provisioner-cli order list | show UUID | export UUID… | import FILE:
 * the orders of the till, for the back office and its scripts. */

#define MAX_LISTED 1000

static gchar **states_option;
static gchar **kinds_option;
static char *search_option;

static gboolean
parse_mask (char      **ids,
            gboolean  (*from_id) (const char *, int *),
            guint32    *mask,
            GError    **error)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      int value;

      if (!from_id (ids[i], &value))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Unknown state or kind “%s”"), ids[i]);
          return FALSE;
        }
      *mask |= 1u << value;
    }

  return TRUE;
}

static gboolean
state_from_id (const char *id,
               int        *value)
{
  ProvOrderState state;

  if (!prov_order_state_from_id (id, &state))
    return FALSE;
  *value = state;
  return TRUE;
}

static gboolean
kind_from_id (const char *id,
              int        *value)
{
  ProvOrderKind kind;

  if (!prov_order_kind_from_id (id, &kind))
    return FALSE;
  *value = kind;
  return TRUE;
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

static int
list_orders (ProvStore *store)
{
  g_autoptr(ProvOrderFilter) filter = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  guint32 states = 0;
  guint32 kinds = 0;

  if (!parse_mask (states_option, state_from_id, &states, &error) ||
      !parse_mask (kinds_option, kind_from_id, &kinds, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  filter = prov_order_filter_new (search_option, states, kinds);
  prov_store_list_orders_async (store, filter, 0, MAX_LISTED, NULL, prov_cli_store, &result);
  orders = prov_store_list_orders_finish (store, prov_cli_await (&result), &error);
  if (orders == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* uuid, kind, state, last change, customer: tab-separated for scripts. */
  for (guint i = 0; i < orders->len; i++)
    {
      ProvOrder *order = g_ptr_array_index (orders, i);
      g_autofree char *updated = format_time (prov_order_get_updated_at (order));
      g_autofree char *customer = prov_cli_dup_safe (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME));

      g_print ("%s\t%s\t%s\t%s\t%s\n", prov_order_get_uuid (order), prov_order_kind_to_id (prov_order_get_kind (order)),
               prov_order_state_to_id (prov_order_get_state (order)), updated, customer);
    }

  return 0;
}

static ProvOrder *
load (ProvStore   *store,
      const char  *uuid,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_load_order_async (store, uuid, NULL, prov_cli_store, &result);
  return prov_store_load_order_finish (store, prov_cli_await (&result), error);
}

static void
print_fields (GHashTable *fields,
              const char *indent)
{
  const ProvOrderField *declared;
  guint n_declared;

  declared = prov_order_field_get_all (&n_declared);
  for (guint i = 0; i < n_declared; i++)
    {
      const char *value = g_hash_table_lookup (fields, declared[i].key);
      g_autofree char *safe = NULL;

      if (value == NULL)
        continue;
      safe = prov_cli_dup_safe (value);
      /* PINs stay on the till: their presence is enough to know. */
      g_print ("%s%s: %s\n", indent, prov_order_field_get_title (&declared[i]),
               declared[i].kind == PROV_FIELD_SECRET ? "••••" : safe);
    }
}

static int
show_order (ProvStore  *store,
            const char *uuid)
{
  g_autoptr(ProvOrder) order = NULL;
  g_autoptr(GHashTable) own = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;

  if ((order = load (store, uuid, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print (_("Order %s\n"), prov_order_get_uuid (order));
  g_print (_("Kind: %s\n"), prov_order_kind_get_title (prov_order_get_kind (order)));
  g_print (_("State: %s\n"), prov_order_state_get_title (prov_order_get_state (order)));
  if (prov_order_get_carrier_id (order) != NULL)
    {
      g_autofree char *carrier_id = prov_cli_dup_safe (prov_order_get_carrier_id (order));

      g_print (_("At the carrier: %s\n"), carrier_id);
    }

  keys = prov_order_dup_field_keys (order);
  for (guint i = 0; keys[i] != NULL; i++)
    g_hash_table_insert (own, keys[i], (gpointer) prov_order_get_field (order, keys[i]));
  print_fields (own, "");

  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);

      g_autofree char *line_id = prov_cli_dup_safe (prov_order_line_get_id (line));
      g_autofree char *product = prov_cli_dup_safe (prov_order_line_get_product_ref (line));
      g_autofree char *line_state = prov_cli_dup_safe (prov_order_line_get_state (line));

      g_print (_("Line %s (%s)"), line_id, prov_line_action_to_id (prov_order_line_get_action (line)));
      if (prov_order_line_get_product_ref (line) != NULL)
        g_print (_(", product %s"), product);
      if (prov_order_line_get_state (line) != NULL)
        g_print (_(", %s at the carrier"), line_state);
      g_print ("\n");
      print_fields (prov_order_line_get_fields (line), "  ");
    }

  prov_store_list_events_async (store, uuid, NULL, prov_cli_store, &listed);
  events = prov_store_list_events_finish (store, prov_cli_await (&listed), &error);
  if (events == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s\n", _("Timeline:"));
  for (guint i = 0; i < events->len; i++)
    {
      ProvOrderEvent *event = g_ptr_array_index (events, i);
      g_autofree char *at = format_time (event->at);

      g_autofree char *actor = prov_cli_dup_safe (event->who);
      g_autofree char *manager = prov_cli_dup_safe (event->authorised_by);
      g_autofree char *reason = prov_cli_dup_safe (event->reason);
      g_autofree char *who = event->authorised_by != NULL ? g_strdup_printf (_("%s, allowed by %s"), actor, manager)
                                                          : g_strdup (actor);

      g_print ("  %s  %s  %s%s%s\n", at, who, prov_order_state_get_title (event->to_state),
               event->reason != NULL ? " — " : "", reason);
    }

  return 0;
}

/* The TMF622 ProductOrder_Create of each order, as one JSON array; the
 * PINs only when asked for with --with-pins. */
static int
export_orders (ProvStore  *store,
               char      **uuids,
               gboolean    with_pins)
{
  g_autoptr(JsonArray) bodies = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autoptr(ProvOrder) order = NULL;
      g_autoptr(GError) error = NULL;

      if ((order = load (store, uuids[i], &error)) == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (!with_pins)
        prov_order_forget_secrets (order);
      json_array_add_element (bodies, prov_tmf622_build_order_export (order));
    }

  json_node_set_array (root, bodies);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);

  return 0;
}

/* As new: an import never changes an order the till has. */
static gboolean
place (ProvStore    *store,
       ProvOrder    *order,
       ProvCatalog  *catalog,
       const char   *who,
       GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_place_new_order_async (store, order, catalog, who, NULL, prov_cli_store, &result);
  return prov_store_place_order_finish (store, prov_cli_await (&result), error);
}

/* The catalog the app last fetched from its carrier, as the store keeps
 * it: imported orders are checked against what their products allow, as
 * the assistant checks them. NULL when there is none. */
static ProvCatalog *
load_app_catalog (ProvStore *store)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) cached = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = NULL;
  gint64 fetched_at = 0;

  if (schema == NULL)
    return NULL;

  settings = g_settings_new (APP_ID);
  profile = g_settings_get_string (settings, "carrier-profile");
  prov_store_load_catalog_async (store, profile, NULL, prov_cli_store, &result);
  cached = prov_store_load_catalog_finish (store, prov_cli_await (&result), &fetched_at, &error);
  if (cached == NULL || fetched_at == 0)
    return NULL;

  return prov_catalog_new_from_json (cached, fetched_at, NULL);
}

/*
 * Orders in ProductOrder_Create form, a JSON array of them: each is read,
 * checked as the assistant checks it, and placed on its own (it is placed
 * whole or not at all); every refused order is named with its reasons.
 */
#define MAX_IMPORT_BYTES (16 * 1024 * 1024)

static int
import_orders (ProvStore  *store,
               const char *file,
               const char *as)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *bodies;
  gsize length = 0;
  guint placed = 0;
  guint refused = 0;
  g_autoptr(ProvCatalog) catalog = NULL;
  g_auto(GStrv) without_approval = NULL;
  g_autoptr(ProvStaffMember) staff = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  const char *who = g_get_user_name ();

  /* Once the till has staff, orders come in under a person's name, who
   * proves it with their PIN (standard input). */
  prov_store_list_staff_async (store, NULL, prov_cli_store, &listed);
  everyone = prov_store_list_staff_finish (store, prov_cli_await (&listed), &error);
  if (everyone == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (everyone->len > 0)
    {
      if (as == NULL)
        {
          g_printerr ("%s\n", _("The till has staff: name who imports with --as, and give their PIN on standard input"));
          return 2;
        }
      if ((staff = prov_cli_sign_in (store, as, 0, &error)) == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      who = staff->name;
    }

  /* A batch from a back office is kilobytes; this is no such batch. */
  {
    GStatBuf info;

    if (g_stat (file, &info) == 0 && info.st_size > MAX_IMPORT_BYTES)
      {
        g_printerr (_("%s: %lld bytes; an import file holds at most %d\n"), file, (long long) info.st_size,
                    MAX_IMPORT_BYTES);
        return 1;
      }
  }

  if (!g_file_get_contents (file, &text, &length, &error) ||
      (root = prov_json_parse_guarded (text, length, PROV_JSON_MAX_DEPTH, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", file, error->message);
      return 1;
    }

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_printerr (_("%s: not a JSON array of orders\n"), file);
      return 1;
    }

  catalog = load_app_catalog (store);
  without_approval = prov_cli_dup_requests_without_approval ();
  bodies = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (bodies); i++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(ProvOrder) order = prov_tmf622_read_order_create (json_array_get_element (bodies, i),
                                                                  who, problems);
      JsonObject *object = prov_json_array_get_object (bodies, i);
      const char *name = prov_json_object_get_string (object, "externalId");
      g_autoptr(GError) place_error = NULL;

      if (order != NULL)
        {
          prov_line_request_apply_policy (order, (const char * const *) without_approval);
          g_ptr_array_extend_and_steal (problems, prov_order_collect_problems (order, catalog));
          if (problems->len == 0 && !place (store, order, catalog, who, &place_error))
            g_ptr_array_add (problems, g_strdup (place_error->message));
        }

      if (problems->len == 0)
        {
          placed++;
          g_print (_("Order %u (%s): placed as %s\n"), i + 1, prov_order_get_uuid (order),
                   prov_order_state_get_title (prov_order_get_state (order)));
          continue;
        }

      refused++;
      {
        g_autofree char *safe_name = prov_cli_dup_safe (name);

        g_printerr (_("Order %u (%s) is refused:\n"), i + 1, name != NULL ? safe_name : _("no externalId"));
      }
      for (guint j = 0; j < problems->len; j++)
        {
          g_autofree char *problem = prov_cli_dup_safe (g_ptr_array_index (problems, j));

          g_printerr ("  %s\n", problem);
        }
    }

  g_print (_("Placed %u orders; %u refused.\n"), placed, refused);
  return refused > 0 ? 1 : 0;
}

static gboolean
is_decision (const char *verb)
{
  return g_str_equal (verb, "approve") || g_str_equal (verb, "decline") || g_str_equal (verb, "ask") ||
         g_str_equal (verb, "cancel");
}

int
prov_cli_order (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("list | show UUID | export UUID… | import FILE | approve|decline|ask|cancel UUID — the till's orders"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCliStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *as = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *question = NULL;
  gboolean with_pins = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The order database (default: the one the app uses)"), N_("PATH") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as,
      N_("import, approve, decline, ask, cancel: the staff member who does it; their PIN is read from "
         "standard input"), N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("decline, cancel: why, for the timeline and the requester"), N_("TEXT") },
    { "question", 0, 0, G_OPTION_ARG_STRING, &question,
      N_("ask: the question the requester answers before placing the request again"), N_("TEXT") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search_option,
      N_("list: orders whose customer, reference or numbers contain TEXT"), N_("TEXT") },
    { "state", 0, 0, G_OPTION_ARG_STRING_ARRAY, &states_option,
      N_("list: orders in this state (draft, queued, completed, …); may be repeated"), N_("STATE") },
    { "with-pins", 0, 0, G_OPTION_ARG_NONE, &with_pins,
      N_("export: include the log-on, transfer and account PINs, readable by anyone with the file; "
         "without it they are left out"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &kinds_option,
      N_("list: orders of this kind (mobile-user, user-extension, …); may be repeated"), N_("KIND") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("list prints one line per order: uuid, kind, state, last change, customer.\n"
                                      "show prints an order's fields, lines and timeline; PINs are not shown.\n"
                                      "export prints the orders as a JSON array of TMF622 ProductOrder_Create, "
                                      "without PINs unless --with-pins.\n"
                                      "import reads such an array, checks each order as the assistant does and "
                                      "places those that pass; each refused order is named with its reasons.\n"
                                      "approve, decline (--reason) and ask (--question) decide on a request awaiting "
                                      "approval, cancel cancels a placed order; each as the manager --as, never on "
                                      "their own request."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (argc < 2 || !(g_str_equal (argv[1], "list") ? argc == 2
                    : g_str_equal (argv[1], "show") || g_str_equal (argv[1], "import") ||
                      is_decision (argv[1]) ? argc == 3
                    : g_str_equal (argv[1], "export") ? argc >= 3 : FALSE))
    {
      g_printerr ("%s\n", _("Usage: provisioner-cli order [--database PATH] list [--search TEXT] [--state STATE]… "
                            "[--kind KIND]… | show UUID | export UUID… | import FILE | "
                            "approve|decline|ask|cancel UUID --as NAME [--reason TEXT | --question TEXT]"));
      return 2;
    }

  store = prov_cli_open_store (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (argv[1], "list"))
    return list_orders (store);
  if (g_str_equal (argv[1], "show"))
    return show_order (store, argv[2]);
  if (g_str_equal (argv[1], "export"))
    return export_orders (store, argv + 2, with_pins);
  if (is_decision (argv[1]))
    return prov_cli_order_decide (store, argv[1], argv[2], as, reason, question);

  return import_orders (store, argv[2], as);
}
