/* Helper for test-autosave-crash: types into a draft like a fast clerk,
 * one edit every INTERVAL ms, saying each edit once it is made, until it is
 * killed. Usage: autosave-typist DATABASE INTERVAL_MS */
#include <stdio.h>
#include <stdlib.h>

#include "prov-autosave.h"

static ProvOrder *order;
static guint edits;

static gboolean
type_next (gpointer user_data)
{
  g_autofree char *value = g_strdup_printf ("edit-%u", ++edits);

  prov_order_set_field (order, "notes", value);
  printf ("edit %u\n", edits);
  fflush (stdout);

  return G_SOURCE_CONTINUE;
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ProvStore *store = PROV_STORE (source);

  if (!prov_store_open_finish (store, result, NULL, &error))
    g_error ("%s", error->message);

  order = prov_order_new (PROV_ORDER_KIND_MOBILE_USER, "typist");
  /* Kept alive until the process is killed. */
  g_object_ref (prov_autosave_new (store, order));

  printf ("order %s\n", prov_order_get_uuid (order));
  fflush (stdout);

  g_timeout_add (GPOINTER_TO_UINT (user_data), type_next, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ProvStore *store;

  if (argc != 3)
    return 2;

  store = prov_store_new (argv[1]);
  prov_store_open_async (store, NULL, on_opened, GUINT_TO_POINTER (atoi (argv[2])));
  g_main_loop_run (loop);

  return 0;
}
