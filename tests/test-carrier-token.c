/* The carrier token lives in the Secret Service. Runs on a session bus of
 * its own, with its own unlocked gnome-keyring-daemon in a throw-away home:
 * another test may have started a keyring on the shared bus already. */
#include <errno.h>
#include <unistd.h>

#include <libsecret/secret.h>

#include "prov-carrier-token.h"
#include "prov-test-util.h"

static char *home;

/* The throw-away home, set before the session bus starts: the bus starts
 * services (the Secret Service too, when it is asked for before the
 * daemon below has claimed its name) with its own environment, and those
 * must find this home's keyring, not the user's. */
static void
make_home (void)
{
  const char *dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR" };
  g_autofree char *made = prov_test_make_tmp_dir ();

  g_setenv ("HOME", made, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (made, dirs[i], NULL);
      g_mkdir_with_parents (dir, 0700);
      g_setenv (dirs[i], dir, TRUE);
    }
}

/* The daemon claims the Secret Service's name on the bus a moment after
 * it returns: asked for before, the bus would start a second one. */
static void
wait_for_secret_service (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (bus != NULL && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                               "org.freedesktop.DBus", "NameHasOwner",
                                                               g_variant_new ("(s)", "org.freedesktop.secrets"),
                                                               G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                                               -1, NULL, NULL);
      gboolean owned = FALSE;

      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        return;
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
}

static gboolean
start_keyring (void)
{
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path ("gnome-keyring-daemon");

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL || program == NULL)
    return FALSE;

  home = g_strdup (g_getenv ("HOME"));

  /* A non-empty password, or the daemon asks for one. */
  daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                             G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             "gnome-keyring-daemon", "--unlock", "--components=secrets", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (daemon, "provisioner-test", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  wait_for_secret_service ();
  return TRUE;
}

static char *
lookup (const char *profile)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;
  char *token;

  prov_carrier_token_lookup_async (profile, NULL, prov_test_store_result, &result);
  secret = prov_carrier_token_lookup_finish (prov_test_await (&result), &error);
  g_assert_no_error (error);

  token = g_strdup (secret);
  secret_password_free (secret);
  return token;
}

static void
store (const char *profile,
       const char *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  prov_carrier_token_store_async (profile, token, NULL, prov_test_store_result, &result);
  g_assert_true (prov_carrier_token_store_finish (prov_test_await (&result), &error));
  g_assert_no_error (error);
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *sandbox = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *other = NULL;
  g_autofree char *gone = NULL;

  if (home == NULL)
    {
      g_test_skip ("needs a session bus and gnome-keyring-daemon");
      return;
    }

  missing = lookup ("sandbox");
  g_assert_null (missing);

  store ("sandbox", "s3cret-token");
  store ("other-carrier", "another-token");
  sandbox = lookup ("sandbox");
  g_assert_cmpstr (sandbox, ==, "s3cret-token");

  /* A new token replaces the old one for the same profile only. */
  store ("sandbox", "rotated-token");
  replaced = lookup ("sandbox");
  other = lookup ("other-carrier");
  g_assert_cmpstr (replaced, ==, "rotated-token");
  g_assert_cmpstr (other, ==, "another-token");

  prov_carrier_token_clear_async ("sandbox", NULL, prov_test_store_result, &cleared);
  g_assert_true (prov_carrier_token_clear_finish (prov_test_await (&cleared), &error));
  g_assert_no_error (error);
  gone = lookup ("sandbox");
  g_assert_null (gone);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("PROV_TEST_OWN_BUS") == NULL)
    {
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      g_setenv ("PROV_TEST_OWN_BUS", "1", TRUE);
      make_home ();
      g_ptr_array_add (args, (char *) "dbus-run-session");
      g_ptr_array_add (args, (char *) "--");
      g_ptr_array_add (args, self);
      for (int i = 1; i < argc; i++)
        g_ptr_array_add (args, argv[i]);
      g_ptr_array_add (args, NULL);

      execvp ("dbus-run-session", (char **) args->pdata);
      g_print ("1..0 # SKIP dbus-run-session is not available: %s\n", g_strerror (errno));
      return 0;
    }

  g_test_init (&argc, &argv, NULL);
  start_keyring ();

  g_test_add_func ("/carrier-token/store-lookup-clear", test_store_lookup_clear);

  status = g_test_run ();
  if (home != NULL)
    prov_test_remove_tree (home);

  return status;
}
