#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

#include "prov-cli.h"
#include "prov-pin-hash.h"

/*
 * provisioner-cli staff: the back office's way to add people, unlock and
 * deactivate them and set PINs. PINs come from standard input, one per
 * line, the acting manager's first; they are never arguments, which any
 * other user of the computer could read in the process list.
 */

#define PIN_LINE_MAX 64

/* The next line of standard input, without its end, or NULL at its end.
 * The buffer it was read into is wiped. */
static char *
read_pin (void)
{
  char line[PIN_LINE_MAX];
  char *pin = NULL;

  if (fgets (line, sizeof line, stdin) != NULL)
    {
      line[strcspn (line, "\r\n")] = '\0';
      pin = g_strdup (line);
    }
  sodium_memzero (line, sizeof line);

  return pin;
}

static GPtrArray *
list_staff (ProvStore  *store,
            GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_list_staff_async (store, NULL, prov_cli_store, &result);
  return prov_store_list_staff_finish (store, prov_cli_await (&result), error);
}

static ProvStaffMember *
find_member (GPtrArray  *staff,
             const char *name)
{
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      ProvStaffMember *member = g_ptr_array_index (staff, i);
      g_autofree char *a = g_utf8_casefold (member->name, -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (g_str_equal (a, b))
        return member;
    }
  return NULL;
}

/* Whether @name may act, with @pin read from standard input: active, not
 * locked out, in @role if given (0: any), and the PIN theirs. A wrong PIN
 * counts against them; a right one clears their count. */
ProvStaffMember *
prov_cli_sign_in (ProvStore      *store,
                  const char     *name,
                  ProvStaffRole   role,
                  GError        **error)
{
  g_autoptr(GPtrArray) staff = list_staff (store, error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ProvStaffMember) tried = NULL;
  ProvStaffMember *member;
  char *pin;
  gboolean right = FALSE;

  if (staff == NULL)
    return NULL;

  member = find_member (staff, name);
  if (member == NULL || !member->active)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("Nobody called “%s” may use this till"), name);
      return NULL;
    }
  if (prov_staff_member_is_locked (member, g_get_real_time ()))
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (member->locked_until / G_USEC_PER_SEC);
      g_autofree char *time = g_date_time_format (until, "%H:%M");

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("%s is locked after too many wrong PINs until %s, or until a manager unlocks them"),
                   member->name, time);
      return NULL;
    }
  if (role != 0 && member->role != role)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("Only a manager may do this, and %s is not one"),
                   member->name);
      return NULL;
    }

  pin = read_pin ();
  if (pin == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("No PIN for %s on standard input"), member->name);
      return NULL;
    }

  prov_store_try_pin_async (store, member, pin, NULL, prov_cli_store, &result);
  prov_pin_wipe (pin);
  tried = prov_store_try_pin_finish (store, prov_cli_await (&result), &right, error);
  if (tried == NULL)
    return NULL;
  if (!right)
    {
      if (prov_staff_member_is_locked (tried, g_get_real_time ()))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("Wrong PIN for %s: locked for %d minutes, or until a manager unlocks them"),
                     tried->name, (int) (PROV_STAFF_LOCKOUT_USEC / (60 * G_USEC_PER_SEC)));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("Wrong PIN for %s"), tried->name);
      return NULL;
    }

  return g_steal_pointer (&tried);
}

/* A new PIN for someone in @role from standard input, hashed. */
static char *
read_new_pin_hash (ProvStaffRole   role,
                   GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *problem = NULL;
  char *pin = read_pin ();
  char *hash;

  if (pin == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("No new PIN on standard input"));
      return NULL;
    }
  if ((problem = prov_staff_check_pin (role, pin)) != NULL)
    {
      prov_pin_wipe (pin);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, problem);
      return NULL;
    }

  prov_pin_hash_async (pin, NULL, prov_cli_store, &result);
  prov_pin_wipe (pin);
  hash = prov_pin_hash_finish (prov_cli_await (&result), error);
  return hash;
}

static ProvStaffMember *
finish_change (ProvStore     *store,
               GAsyncResult **result,
               GError       **error)
{
  return prov_store_change_staff_finish (store, prov_cli_await (result), error);
}

static int
add (ProvStore     *store,
     const char    *name,
     ProvStaffRole  role,
     const char    *as)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = list_staff (store, &error);
  g_autoptr(ProvStaffMember) manager = NULL;
  g_autoptr(ProvStaffMember) added = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *problem = prov_staff_check_name (name);
  g_autofree char *hash = NULL;

  if (staff == NULL || problem != NULL)
    {
      g_printerr ("%s\n", staff == NULL ? error->message : problem);
      return 1;
    }

  /* The first person sets the till up: a manager, vouched for by nobody. */
  if (staff->len == 0 && role != PROV_STAFF_ROLE_MANAGER)
    {
      g_printerr ("%s\n", _("The first person at the till is a manager: add them with --role manager"));
      return 1;
    }
  if (staff->len > 0 && as == NULL)
    {
      g_printerr ("%s\n", _("A manager adds people: name them with --as"));
      return 2;
    }
  if (staff->len > 0 && (manager = prov_cli_sign_in (store, as, PROV_STAFF_ROLE_MANAGER, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if ((hash = read_new_pin_hash (role, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  prov_store_add_staff_async (store, name, role, hash, NULL, prov_cli_store, &result);
  added = prov_store_add_staff_finish (store, prov_cli_await (&result), &error);
  if (added == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print (_("Added %s as %s.\n"), added->name, prov_staff_role_get_title (added->role));
  return 0;
}

static int
list (ProvStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = list_staff (store, &error);
  gint64 now = g_get_real_time ();

  if (staff == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* name, role, status: tab-separated, one person a line. */
  for (guint i = 0; i < staff->len; i++)
    {
      ProvStaffMember *member = g_ptr_array_index (staff, i);

      g_print ("%s\t%s\t%s\n", member->name, prov_staff_role_to_id (member->role),
               !member->active ? "inactive" : prov_staff_member_is_locked (member, now) ? "locked" : "active");
    }
  return 0;
}

/* unlock, deactivate, activate and set-pin: one person, changed. */
static int
change (ProvStore  *store,
        const char *verb,
        const char *name,
        const char *as)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = list_staff (store, &error);
  g_autoptr(ProvStaffMember) actor = NULL;
  g_autoptr(ProvStaffMember) changed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *hash = NULL;
  ProvStaffMember *member;

  if (staff == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if ((member = find_member (staff, name)) == NULL)
    {
      g_printerr (_("Nobody called “%s” works at this till\n"), name);
      return 1;
    }

  /* Only a manager changes others; anyone may set their own PIN, knowing
   * the one they have. */
  if (as == NULL && !g_str_equal (verb, "set-pin"))
    {
      g_printerr ("%s\n", _("A manager does this: name them with --as"));
      return 2;
    }
  actor = prov_cli_sign_in (store, as != NULL ? as : member->name,
                            as != NULL ? PROV_STAFF_ROLE_MANAGER : 0, &error);
  if (actor == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (verb, "set-pin"))
    {
      if ((hash = read_new_pin_hash (member->role, &error)) == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      prov_store_set_staff_pin_async (store, member->id, hash, NULL, prov_cli_store, &result);
    }
  else if (g_str_equal (verb, "unlock"))
    prov_store_unlock_staff_async (store, member->id, NULL, prov_cli_store, &result);
  else
    prov_store_set_staff_active_async (store, member->id, g_str_equal (verb, "activate"), NULL, prov_cli_store, &result);

  changed = finish_change (store, &result, &error);
  if (changed == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (verb, "set-pin"))
    g_print (_("%s has a new PIN.\n"), changed->name);
  else if (g_str_equal (verb, "unlock"))
    g_print (_("%s is unlocked.\n"), changed->name);
  else if (changed->active)
    g_print (_("%s may use the till again.\n"), changed->name);
  else
    g_print (_("%s may no longer use the till; their name stays on every order they handled.\n"), changed->name);
  return 0;
}

int
prov_cli_staff (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("add NAME | list | unlock NAME | deactivate NAME | "
                                                              "activate NAME | set-pin NAME — the till's staff"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvCliStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *role_id = NULL;
  g_autofree char *as = NULL;
  ProvStaffRole role = PROV_STAFF_ROLE_CLERK;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The order database (default: the one the app uses)"), N_("PATH") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_id, N_("add: clerk (the default) or manager"), N_("ROLE") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("The manager who does this; their PIN is read first"), N_("MANAGER") },
    { NULL }
  };
  const char *verb;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("PINs are read from standard input, one per line: the acting manager's "
                                      "first, then the new PIN. The first person added is a manager and needs "
                                      "no --as. A clerk's PIN has at least 4 digits, a manager's at least 6.\n"
                                      "list prints one person a line: name, role, active, locked or inactive."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  verb = argc >= 2 ? argv[1] : "";
  if (!(g_str_equal (verb, "list") ? argc == 2
        : g_strv_contains ((const char *[]) { "add", "unlock", "deactivate", "activate", "set-pin", NULL }, verb)
        ? argc == 3 : FALSE) ||
      (role_id != NULL && !prov_staff_role_from_id (role_id, &role)))
    {
      g_printerr ("%s\n", _("Usage: provisioner-cli staff [--database PATH] add NAME [--role clerk|manager] "
                            "[--as MANAGER] | list | unlock NAME --as MANAGER | deactivate NAME --as MANAGER | "
                            "activate NAME --as MANAGER | set-pin NAME [--as MANAGER]"));
      return 2;
    }

  store = prov_cli_open_store (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (verb, "list"))
    return list (store);
  if (g_str_equal (verb, "add"))
    return add (store, argv[2], role, as);
  return change (store, verb, argv[2], as);
}
