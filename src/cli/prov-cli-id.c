#include <glib/gi18n.h>

#include "prov-cli.h"
#include "prov-enum.h"
#include "prov-ids.h"

/* provisioner-cli id [--kind KIND] VALUE…: one JSON line per value. Exit
 * status 1 when any value is not valid. */
int
prov_cli_id (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("VALUE… — check identifiers"));
  g_autoptr(GError) error = NULL;
  g_autofree char *kind_name = NULL;
  ProvIdKind kind = PROV_ID_KIND_UNKNOWN;
  int status = 0;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("Read every value as this kind (iccid, imei, imeisv, meid, esn, eid, imsi, e164, pac, stac) instead of recognising it"),
      N_("KIND") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Prints one line of JSON per value: kind, valid, normalized form, "
                                      "derived values (check digit, decimal and hex forms, pseudo-ESN) and the error."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (kind_name != NULL)
    {
      int value;

      if (!prov_enum_from_nick (PROV_TYPE_ID_KIND, kind_name, &value) || value == PROV_ID_KIND_UNKNOWN)
        {
          g_printerr (_("Unknown kind “%s”\n"), kind_name);
          return 2;
        }
      kind = value;
    }

  /* "--" ends the options, so that values may start with "-"; GOption
   * leaves it in place. */
  if (argc >= 2 && g_str_equal (argv[1], "--"))
    {
      argv[1] = argv[0];
      argv++;
      argc--;
    }

  if (argc < 2)
    {
      g_printerr ("%s\n", _("Give at least one value to check"));
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(ProvId) id = kind != PROV_ID_KIND_UNKNOWN ? prov_id_parse (kind, argv[i]) : prov_id_recognize (argv[i]);
      g_autofree char *json = prov_id_to_json (id);

      g_print ("%s\n", json);
      if (!id->valid)
        status = 1;
    }

  return status;
}
