/* Running provisioner-cli from a test, as a script would. */
#include "prov-test-cli.h"
#include "prov-test-util.h"

/* Runs provisioner-cli with @arguments (NULL-terminated) and @input (or
 * nothing) on its standard input. */
int
prov_test_run_cli_argv (const char  *input,
                        char       **out,
                        char       **err,
                        GPtrArray   *arguments)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = prov_test_make_tmp_dir ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("PROVISIONER_CLI"));
  for (guint i = 0; i < arguments->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (arguments, i));

  /* The tool must touch nothing of the developer's: not the keyring, not
   * the app's database. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", home, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, out, err, &error);
  g_assert_no_error (error);
  prov_test_remove_tree (home);

  return g_subprocess_get_exit_status (process);
}

void
prov_test_add_arguments (GPtrArray  *arguments,
                         const char *first_argument,
                         va_list     args)
{
  for (const char *argument = first_argument; argument != NULL; argument = va_arg (args, const char *))
    g_ptr_array_add (arguments, (gpointer) argument);
  g_ptr_array_add (arguments, NULL);
}

int
prov_test_run_cli (char       **out,
                   char       **err,
                   const char  *first_argument,
                   ...)
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  va_list args;

  va_start (args, first_argument);
  prov_test_add_arguments (arguments, first_argument, args);
  va_end (args);
  return prov_test_run_cli_argv (NULL, out, err, arguments);
}

/* As prov_test_run_cli, with @input on standard input; what it printed
 * replaces @out and @err. */
int
prov_test_run_cli_input (const char  *input,
                         char       **out,
                         char       **err,
                         const char  *first_argument,
                         ...)
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  va_list args;

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  va_start (args, first_argument);
  prov_test_add_arguments (arguments, first_argument, args);
  va_end (args);
  return prov_test_run_cli_argv (input, out, err, arguments);
}
