#include <string.h>

#include <glib/gi18n.h>

#include "prov-cli.h"

static int
import_csv (const char *database,
            const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ProvCliStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  guint added = 0, known = 0;

  if (!g_file_get_contents (file, &text, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  prov_stock_parse_csv (text, length, &items, &problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", file, (const char *) g_ptr_array_index (problems, i));

  if (items->len > 0)
    {
      store = prov_cli_open_store (database, &error);
      if (store == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      prov_store_add_stock_async (store, items, NULL, prov_cli_store, &result);
      if (!prov_store_add_stock_finish (store, prov_cli_await (&result), &added, &known, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  g_print (_("Added %u to stock; %u were already in stock; %u lines could not be used.\n"),
           added, known, problems->len);

  return problems->len > 0 ? 1 : 0;
}

/* As at the counter: a SIM is picked by the last four digits on it. */
#define MIN_FIND_DIGITS 4
#define MAX_LISTED 100

static int
find (const char *database,
      const char *digits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCliStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint total = 0;

  for (const char *p = digits; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      {
        g_printerr (_("“%s” is not the end of a SIM or device number\n"), digits);
        return 2;
      }

  if (strlen (digits) < MIN_FIND_DIGITS)
    {
      g_printerr (_("Give at least the last %u digits of the SIM or device number\n"), MIN_FIND_DIGITS);
      return 2;
    }

  store = prov_cli_open_store (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  prov_store_find_stock_async (store, ~0u, digits, 0, MAX_LISTED, NULL, prov_cli_store, &result);
  items = prov_store_find_stock_finish (store, prov_cli_await (&result), &total, &error);
  if (items == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < items->len; i++)
    {
      ProvStockItem *item = g_ptr_array_index (items, i);

      g_print ("%s\t%s\t%s\t%s\n", prov_id_kind_to_id (item->kind), item->identifier,
               prov_stock_status_get_title (item->status), item->model != NULL ? item->model : "");
    }

  /* On stderr: scripts read the list from stdout. */
  if (total > items->len)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u item ends in %s; only the newest %u are listed. Give more digits.\n",
                             "%u items end in %s; only the newest %u are listed. Give more digits.\n", total),
                total, digits, items->len);

  return items->len == 0 ? 1 : total > items->len ? 3 : 0;
}

/* provisioner-cli stock import FILE | stock find DIGITS */
int
prov_cli_stock (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("import FILE | find DIGITS — the SIMs and devices in stock"));
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The order database (default: the one the app uses)"), N_("PATH") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("import reads a CSV file with a column of ICCIDs or IMEIs, optionally a kind "
                                      "(sim or device) and a model; a header row is optional. Every number is checked; "
                                      "lines that cannot be used are listed and the others are added.\n"
                                      "find lists the stock whose number ends in DIGITS (at least four); when "
                                      "more than 100 match, it lists the newest, says how many match in all, "
                                      "and exits with status 3."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (argc == 3 && g_str_equal (argv[1], "import"))
    return import_csv (database, argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "find"))
    return find (database, argv[2]);

  g_printerr ("%s\n", _("Usage: provisioner-cli stock [--database PATH] import FILE | find DIGITS"));
  return 2;
}
