/* provisioner-cli: the counter's work from a terminal or a script. */
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "prov-cli.h"

typedef struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "id", prov_cli_id, N_("Check identifiers: ICCID, IMEI, MEID, ESN, EID, IMSI, phone numbers, PAC, STAC, IBAN") },
  { "stock", prov_cli_stock, N_("Import SIMs and devices into stock, or find them by their last digits") },
  { "order", prov_cli_order, N_("List, show, export and import orders") },
  { "sync", prov_cli_sync, N_("Send the orders waiting in the outbox to the carrier, once") },
  { "staff", prov_cli_staff, N_("Add the store's staff, unlock or deactivate them, set their PINs") },
};

void
prov_cli_store (GObject      *source,
                GAsyncResult *result,
                gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

GAsyncResult *
prov_cli_await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

ProvStore *
prov_cli_open_store (const char  *path,
                     GError     **error)
{
  g_autofree char *default_path = prov_store_dup_default_path ();
  g_autoptr(ProvStore) store = prov_store_new (path != NULL ? path : default_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *moved_aside = NULL;

  prov_store_open_async (store, NULL, prov_cli_store, &result);
  if (!prov_store_open_finish (store, prov_cli_await (&result), &moved_aside, error))
    return NULL;

  if (moved_aside != NULL)
    g_printerr (_("The order database was damaged; it was kept as %s and a new one was started.\n"), moved_aside);

  return g_steal_pointer (&store);
}

/* Waits for everything queued on the store, then closes it. */
void
prov_cli_close_store (ProvStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  prov_store_close_async (store, NULL, prov_cli_store, &result);
  if (!prov_store_close_finish (store, prov_cli_await (&result), &error))
    g_printerr (_("The order database could not be closed: %s\n"), error->message);
  g_object_unref (store);
}

/* Text from an import file or from the carrier, as a terminal may show it:
 * control characters (which could clear the screen, retitle the window or
 * forge a line of list's tab-separated output) and the marks that reverse
 * or isolate text direction are written out as visible escapes, "\x1b"
 * or "\u202e"; bytes that are not UTF-8 become U+FFFD. */
char *
prov_cli_dup_safe (const char *text)
{
  g_autofree char *valid = NULL;
  GString *safe;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  safe = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (safe, "\\n");
      else if (c == '\r')
        g_string_append (safe, "\\r");
      else if (c == '\t')
        g_string_append (safe, "\\t");
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_printf (safe, "\\x%02x", c);
      else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f ||
               c == 0x061c)
        g_string_append_printf (safe, "\\u%04x", c);
      else
        g_string_append_unichar (safe, c);
    }

  return g_string_free (safe, FALSE);
}

static void
print_usage (void)
{
  g_print ("%s\n\n", _("Usage: provisioner-cli COMMAND [OPTION…]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-8s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “provisioner-cli COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage ();
      return argc < 2 ? 2 : 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("Unknown command “%s”.\n\n"), argv[1]);
  print_usage ();
  return 2;
}
