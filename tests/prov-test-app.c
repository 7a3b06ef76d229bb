#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "prov-test-app.h"
#include "prov-test-util.h"

typedef struct {
  char   *line;
  gint64  seen_at;
} LogLine;

typedef struct {
  GMainLoop  *loop;
  const char *needle;
  gboolean    found;
  gboolean    timed_out;
} LogWait;

struct _ProvTestApp
{
  gboolean          keyfile_settings;
  GSubprocess      *process;
  GDataInputStream *log;
  char             *home;
  /* Every line read so far: messages may come in any order. */
  GArray           *lines;
  GCancellable     *log_cancellable;
  gboolean          log_closed;
  LogWait          *waiter;   /* the test's wait_for_log, if one runs */
};

static void
log_line_clear (LogLine *line)
{
  g_free (line->line);
}

gboolean
prov_test_have_display (void)
{
  return g_getenv ("DISPLAY") != NULL && g_find_program_in_path ("xdotool") != NULL;
}

static const char * const xdg_dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

/* A throw-away home for one run; the app is not started yet, so a test can
 * put a database in place first. */
ProvTestApp *
prov_test_app_new (GError **error)
{
  g_autoptr(ProvTestApp) app = g_new0 (ProvTestApp, 1);

  app->lines = g_array_new (FALSE, FALSE, sizeof (LogLine));
  g_array_set_clear_func (app->lines, (GDestroyNotify) log_line_clear);
  app->home = g_dir_make_tmp ("provisioner-test-XXXXXX", error);
  if (app->home == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (xdg_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (app->home, xdg_dirs[i], NULL);
      g_mkdir_with_parents (dir, 0700);
    }

  return g_steal_pointer (&app);
}

char *
prov_test_app_dup_database_path (ProvTestApp *app)
{
  g_autofree char *dir = g_build_filename (app->home, "XDG_DATA_HOME", "provisioner", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, "orders.db", NULL);
}

/* Writes @contents to @name in the app's home; returns the path. */
char *
prov_test_app_write_file (ProvTestApp *app,
                          const char  *name,
                          const char  *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (app->home, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* `provisioner-cli COMMAND SUBCOMMAND --database=… ARGUMENT` on the app's
 * database, as the back office runs it while the app is open; asserts it
 * succeeds and returns what it printed. */
static void seed_staff (ProvTestApp *app);

char *
prov_test_app_run_cli (ProvTestApp *app,
                       const char  *command,
                       const char  *subcommand,
                       const char  *argument)
{
  g_autofree char *database = prov_test_app_dup_database_path (app);
  g_autofree char *database_option = g_strconcat ("--database=", database, NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *input = NULL;
  char *printed = NULL;

  /* The till has staff: orders come in under the clerk's name and PIN. */
  if (g_str_equal (command, "order") && g_str_equal (subcommand, "import"))
    {
      seed_staff (app);
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE, &error,
                                  g_getenv ("PROVISIONER_CLI"), command, subcommand, database_option, argument,
                                  "--as", PROV_TEST_CLERK, NULL);
      input = PROV_TEST_CLERK_PIN "\n";
    }
  else
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("PROVISIONER_CLI"),
                                command, subcommand, database_option, argument, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &printed, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return printed;
}

/* The bus hands the app's name on only after it has seen the killed
 * process's connection close; a new instance started before that finds the
 * name taken, passes its activation to the dead one and exits. */
static gboolean
wait_for_bus_name_released (guint timeout_ms)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (bus != NULL && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean owned = FALSE;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", "com.example.Provisioner"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      if (reply == NULL)
        return FALSE;
      g_variant_get (reply, "(b)", &owned);
      if (!owned)
        return TRUE;
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }

  return FALSE;
}

static void read_next_line (ProvTestApp *app);

static char *
run_staff_cli (const char *database,
               const char *input,
               const char *first_argument,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PROVISIONER_CLI"));
  g_ptr_array_add (argv, (gpointer) "staff");
  g_ptr_array_add (argv, (gpointer) "-d");
  g_ptr_array_add (argv, (gpointer) database);
  va_start (args, first_argument);
  for (const char *argument = first_argument; argument != NULL; argument = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) argument);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_getenv ("PROVISIONER_CLI"));
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("provisioner-cli staff %s failed: %s", first_argument, err);

  return out;
}

/* Every till has staff now: a manager, and the clerk the tests sign in
 * as (PROV_TEST_CLERK), added as the back office would before the app
 * first starts. */
static void
seed_staff (ProvTestApp *app)
{
  g_autofree char *database = prov_test_app_dup_database_path (app);
  g_autofree char *listed = run_staff_cli (database, NULL, "list", NULL);
  g_autofree char *manager_pin = g_strconcat (PROV_TEST_MANAGER_PIN, "\n", NULL);
  g_autofree char *clerk_pins = g_strconcat (PROV_TEST_MANAGER_PIN, "\n", PROV_TEST_CLERK_PIN, "\n", NULL);

  if (*listed != '\0')
    return;

  g_free (run_staff_cli (database, manager_pin, "add", PROV_TEST_MANAGER, "--role", "manager", NULL));
  g_free (run_staff_cli (database, clerk_pins, "add", PROV_TEST_CLERK, "--as", PROV_TEST_MANAGER, NULL));
}

/* @name signs in from the keyboard, as at the counter, once the sign-in
 * has been shown more than @shown_before times since the app started. */
gboolean
prov_test_app_sign_in (ProvTestApp *app,
                       const char  *name,
                       const char  *pin,
                       guint        shown_before)
{
  g_autofree char *window = NULL;
  g_autofree char *signed_in = g_strdup_printf ("Signed in as %s", name);
  guint signed_in_before;

  {
    g_auto(GStrv) lines = prov_test_app_dup_log_lines (app, signed_in);

    signed_in_before = g_strv_length (lines);
  }
  if (!prov_test_app_wait_for_log_count (app, "Sign-in shown", shown_before, 30000))
    return FALSE;
  window = prov_test_app_find_window (app, "Provisioner", 30000);
  if (window == NULL || !prov_test_app_focus_window (window, 30000))
    return FALSE;

  prov_test_app_type (PROV_TEST_HUMAN_DELAY, name);
  prov_test_app_keys ("Return", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, pin);
  prov_test_app_keys ("Return", NULL);
  return prov_test_app_wait_for_log_count (app, signed_in, signed_in_before, 30000);
}

gboolean
prov_test_app_start (ProvTestApp  *app,
                     GError      **error)
{
  if (!prov_test_app_start_locked (app, error))
    return FALSE;

  if (prov_test_have_display () && !prov_test_app_sign_in (app, PROV_TEST_CLERK, PROV_TEST_CLERK_PIN, 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "The clerk could not sign in");
      return FALSE;
    }
  return TRUE;
}

/* Starts the app and leaves it at its sign-in. */
gboolean
prov_test_app_start_locked (ProvTestApp  *app,
                            GError      **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  const char *binary = g_getenv ("PROVISIONER_BINARY");

  g_assert_nonnull (binary);
  seed_staff (app);
  /* An app of an earlier test (or of this one, killed) may still be
   * leaving the bus: started now, this one would hand over to it. */
  g_assert_true (wait_for_bus_name_released (10000));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, "HOME", app->home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (app->home, xdg_dirs[i], NULL);
      g_subprocess_launcher_setenv (launcher, xdg_dirs[i], dir, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG",
                                g_getenv ("PROV_TEST_APP_DEBUG") != NULL ? g_getenv ("PROV_TEST_APP_DEBUG") : "Provisioner",
                                TRUE);
  /* Window sizes and profiles the test changes must not outlive it: in
   * memory, or in the throw-away home when the test set some up. */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", app->keyfile_settings ? "keyfile" : "memory", TRUE);

  g_subprocess_launcher_set_child_setup (launcher, prov_test_die_with_parent, NULL, NULL);
  app->process = g_subprocess_launcher_spawn (launcher, error, binary, NULL);
  if (app->process == NULL)
    return FALSE;

  app->log = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app->process));
  app->log_cancellable = g_cancellable_new ();
  read_next_line (app);
  return TRUE;
}

/* Points the sandbox carrier profile at base_url, before the app starts. */
void
prov_test_app_set_carrier (ProvTestApp *app,
                           const char  *base_url)
{
  g_autofree char *dir = g_build_filename (app->home, "XDG_CONFIG_HOME", "glib-2.0", "settings", NULL);
  g_autofree char *path = g_build_filename (dir, "keyfile", NULL);
  g_autofree char *contents = g_strdup_printf ("[com/example/Provisioner/carrier-profiles/sandbox]\n"
                                               "base-url='%s'\n"
                                               "dealer-code='D-1001'\n", base_url);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  app->keyfile_settings = TRUE;
}

/* Sets the app's GSettings @key to @value (GVariant text) before it
 * starts; the app then keeps its settings in the throw-away home. */
void
prov_test_app_set_setting (ProvTestApp *app,
                           const char  *key,
                           const char  *value)
{
  g_autofree char *dir = g_build_filename (app->home, "XDG_CONFIG_HOME", "glib-2.0", "settings", NULL);
  g_autofree char *path = g_build_filename (dir, "keyfile", NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  g_key_file_set_value (keyfile, "com/example/Provisioner", key, value);
  g_key_file_save_to_file (keyfile, path, &error);
  g_assert_no_error (error);
  app->keyfile_settings = TRUE;
}

/* Every accessible name the app shows, as "role: name". */
char **
prov_test_app_dup_accessible_names (ProvTestApp  *app,
                                    GError      **error)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "a11y-names.py", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, error,
                              "/usr/bin/python3", script, g_subprocess_get_identifier (app->process), NULL);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, error) ||
      !g_subprocess_wait_check (process, NULL, error))
    return NULL;

  g_strchomp (output);
  return *output == '\0' ? g_new0 (char *, 1) : g_strsplit (output, "\n", -1);
}

ProvTestApp *
prov_test_app_spawn (GError **error)
{
  g_autoptr(ProvTestApp) app = prov_test_app_new (error);

  if (app == NULL || !prov_test_app_start (app, error))
    return NULL;

  return g_steal_pointer (&app);
}

/* The accessible labels of the order rows the list shows, read through
 * AT-SPI as a screen reader would. */
char **
prov_test_app_dup_row_labels (ProvTestApp  *app,
                              GError      **error)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "a11y-order-rows.py", NULL);
  g_autofree char *pid = g_strdup (g_subprocess_get_identifier (app->process));
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, error,
                              "/usr/bin/python3", script, pid, NULL);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, error) ||
      !g_subprocess_wait_check (process, NULL, error))
    return NULL;

  g_strchomp (output);
  return *output == '\0' ? g_new0 (char *, 1) : g_strsplit (output, "\n", -1);
}

static const LogLine *
find_line (GArray     *lines,
           const char *needle)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const LogLine *line = &g_array_index (lines, LogLine, i);

      if (strstr (line->line, needle) != NULL)
        return line;
    }

  return NULL;
}

/* When a line containing @needle was read, in monotonic time; 0 if never. */
gint64
prov_test_app_get_log_time (ProvTestApp *app,
                            const char  *needle)
{
  const LogLine *line = find_line (app->lines, needle);

  return line != NULL ? line->seen_at : 0;
}

static void read_next_line (ProvTestApp *app);

/* Reads the app's output for as long as it runs, whether or not a test
 * waits: no line is lost between two waits. */
static void
on_line_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  ProvTestApp *app;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  app = user_data;
  if (line == NULL)
    {
      app->log_closed = TRUE;
      if (app->waiter != NULL)
        g_main_loop_quit (app->waiter->loop);
      return;
    }

  g_test_message ("app: %s", line);
  {
    LogLine entry = { g_strdup (line), g_get_monotonic_time () };
    g_array_append_val (app->lines, entry);
  }
  if (app->waiter != NULL && strstr (line, app->waiter->needle) != NULL)
    {
      app->waiter->found = TRUE;
      g_main_loop_quit (app->waiter->loop);
    }

  read_next_line (app);
}

static void
read_next_line (ProvTestApp *app)
{
  g_data_input_stream_read_line_async (app->log, G_PRIORITY_DEFAULT, app->log_cancellable, on_line_read, app);
}

static gboolean
on_log_timeout (gpointer user_data)
{
  LogWait *wait = user_data;

  wait->timed_out = TRUE;
  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

gboolean
prov_test_app_wait_for_log (ProvTestApp *app,
                            const char  *needle,
                            guint        timeout_ms)
{
  LogWait wait = { NULL, needle, FALSE, FALSE };
  guint timeout_id;

  if (find_line (app->lines, needle) != NULL)
    return TRUE;
  if (app->log_closed)
    return FALSE;

  wait.loop = g_main_loop_new (NULL, FALSE);
  app->waiter = &wait;
  timeout_id = g_timeout_add (timeout_ms, on_log_timeout, &wait);
  g_main_loop_run (wait.loop);
  app->waiter = NULL;

  if (!wait.timed_out)
    g_source_remove (timeout_id);
  g_main_loop_unref (wait.loop);

  return wait.found;
}

static char *
run_xdotool_output (GError **error,
                    const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, error);
  if (process == NULL)
    return NULL;

  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, error))
    return NULL;

  if (!g_subprocess_get_successful (process))
    return NULL;

  return g_strstrip (g_steal_pointer (&output));
}

/* What the test log needs when a window does not come: whether the app
 * still runs, which windows of that title there are, and where its
 * threads wait. */
static void
describe_missing_window (ProvTestApp *app,
                         const char  *title)
{
  const char *pid = g_subprocess_get_identifier (app->process);
  g_autofree char *pattern = g_strdup_printf ("^%s$", title);
  const char *any[] = { "xdotool", "search", "--name", pattern, NULL };
  g_autofree char *windows = run_xdotool_output (NULL, any);
  g_autofree char *command = NULL;
  g_autofree char *stacks = NULL;
  g_autofree char *gdb = g_find_program_in_path ("gdb");

  g_autofree char *ended = NULL;
  gint64 drained = g_get_monotonic_time () + G_TIME_SPAN_SECOND;

  /* What the app wrote last is still in the pipe: read it into the log. */
  while (!app->log_closed && g_get_monotonic_time () < drained)
    g_main_context_iteration (NULL, FALSE);

  if (pid == NULL)
    ended = g_subprocess_get_if_signaled (app->process)
            ? g_strdup_printf ("killed by signal %d", g_subprocess_get_term_sig (app->process))
            : g_strdup_printf ("exited with status %d", g_subprocess_get_exit_status (app->process));
  g_test_message ("No window “%s” of the app (pid %s, %s); windows of that title: %s", title,
                  pid != NULL ? pid : "?", pid != NULL ? "running" : ended,
                  windows != NULL && *windows != '\0' ? windows : "none");
  /* Who else is on the display and on the machine. */
  {
    g_autofree char *clients = NULL;
    g_autofree char *processes = NULL;

    if (g_spawn_command_line_sync ("sh -c 'xlsclients -a -l 2>&1 | grep -c Window; xdpyinfo 2>&1 | head -3'",
                                   &clients, NULL, NULL, NULL))
      g_test_message ("X clients with windows, then the display: %s", clients);
    if (g_spawn_command_line_sync ("ps -eo pid,ppid,stat,etime,comm", &processes, NULL, NULL, NULL))
      g_test_message ("%s", processes);
  }

  if (pid == NULL || gdb == NULL)
    return;

  command = g_strdup_printf ("gdb -q -batch -p %s -ex \"thread apply all bt 12\"", pid);
  if (g_spawn_command_line_sync (command, &stacks, NULL, NULL, NULL))
    g_test_message ("%s", stacks);
}

char *
prov_test_app_find_window (ProvTestApp *app,
                           const char  *title,
                           guint        timeout_ms)
{
  g_autofree char *pid = g_strdup (g_subprocess_get_identifier (app->process));
  g_autofree char *pattern = g_strdup_printf ("^%s$", title);
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    {
      /* --all: xdotool joins its criteria with "or" by default. */
      const char *argv[] = { "xdotool", "search", "--all", "--onlyvisible", "--pid", pid, "--name", pattern, NULL };
      g_autofree char *found = run_xdotool_output (NULL, argv);

      if (found != NULL && *found != '\0')
        {
          char *newline = strchr (found, '\n');

          if (newline != NULL)
            *newline = '\0';
          return g_steal_pointer (&found);
        }

      g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }

  describe_missing_window (app, title);
  return NULL;
}

/* Gives @window the keyboard and waits until the X server says it has it:
 * a window's own start-up may still move the focus after it is mapped. */
gboolean
prov_test_app_focus_window (const char *window,
                            guint       timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;
  guint stable = 0;

  /* Without a window manager X may send keys to the window under the
   * pointer: put it where the keys should go. */
  prov_test_app_xdotool (NULL, "mousemove", "--window", window, "40", "40", NULL);

  while (g_get_monotonic_time () < deadline)
    {
      const char *focus_argv[] = { "xdotool", "getwindowfocus", NULL };
      g_autofree char *focused = run_xdotool_output (NULL, focus_argv);

      /* Focused for a second: whatever the window manager or the toolkit
       * still had queued has happened. */
      if (g_strcmp0 (focused, window) == 0)
        {
          if (++stable == 3)
            return TRUE;
        }
      else
        {
          stable = 0;
          prov_test_app_xdotool (NULL, "windowfocus", window, NULL);
        }

      g_usleep (100 * G_TIME_SPAN_MILLISECOND);
    }

  return FALSE;
}

gboolean
prov_test_app_xdotool (GError **error,
                       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, error);
  if (process == NULL)
    return FALSE;

  return g_subprocess_wait_check (process, NULL, error);
}

typedef struct {
  GMainLoop *loop;
  gboolean   exited;
} ExitWait;

static void
on_process_exited (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExitWait *wait = user_data;

  wait->exited = g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  g_main_loop_quit (wait->loop);
}

static gboolean
on_exit_timeout (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

gboolean
prov_test_app_wait_exit (ProvTestApp *app,
                         guint        timeout_ms,
                         int         *exit_status)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ExitWait wait = { loop, FALSE };
  guint timeout_id = g_timeout_add (timeout_ms, on_exit_timeout, loop);

  g_subprocess_wait_async (app->process, cancellable, on_process_exited, &wait);
  g_main_loop_run (loop);

  if (!wait.exited)
    {
      g_cancellable_cancel (cancellable);
      /* Let the cancelled wait report before its stack frame goes away. */
      g_main_loop_run (loop);
      return FALSE;
    }

  g_source_remove (timeout_id);

  if (g_subprocess_get_if_signaled (app->process))
    *exit_status = 128 + g_subprocess_get_term_sig (app->process);
  else
    *exit_status = g_subprocess_get_exit_status (app->process);

  return TRUE;
}

void
prov_test_app_terminate (ProvTestApp *app)
{
  g_auto(GStrv) criticals = prov_test_app_dup_log_lines (app, "-CRITICAL **");

  g_subprocess_send_signal (app->process, SIGTERM);
  /* A critical is a programming error even when the test's checks pass. */
  for (guint i = 0; criticals[i] != NULL; i++)
    g_test_message ("%s", criticals[i]);
  g_assert_cmpuint (g_strv_length (criticals), ==, 0);
}

const char *
prov_test_app_get_pid (ProvTestApp *app)
{
  return g_subprocess_get_identifier (app->process);
}

const char *
prov_test_app_get_home (ProvTestApp *app)
{
  return app->home;
}

void
prov_test_app_free (ProvTestApp *app)
{
  if (app->process != NULL && g_subprocess_get_identifier (app->process) != NULL)
    {
      g_subprocess_force_exit (app->process);
      g_subprocess_wait (app->process, NULL, NULL);
    }

  if (app->log_cancellable != NULL)
    g_cancellable_cancel (app->log_cancellable);
  g_clear_object (&app->log_cancellable);
  g_clear_object (&app->log);
  g_clear_object (&app->process);
  g_clear_pointer (&app->lines, g_array_unref);

  if (app->home != NULL)
    prov_test_remove_tree (app->home);
  g_free (app->home);
  g_free (app);
}

/* Polls the accessible names until, joined, they contain every needle. */
gboolean
prov_test_app_wait_for_names (ProvTestApp        *app,
                              const char * const *needles,
                              guint               timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) names = prov_test_app_dup_accessible_names (app, &error);
      g_autofree char *all = names != NULL ? g_strjoinv ("\n", names) : g_strdup ("");
      gboolean found = TRUE;

      for (guint i = 0; needles[i] != NULL; i++)
        found = found && strstr (all, needles[i]) != NULL;
      if (found)
        return TRUE;

      g_usleep (300 * G_TIME_SPAN_MILLISECOND);
    }

  return FALSE;
}

/* A screenshot of the whole screen into $PROV_SCREENSHOT_DIR/name.png, when
 * the directory is set and ImageMagick is there. */
void
prov_test_app_screenshot (const char *name)
{
  const char *dir = g_getenv ("PROV_SCREENSHOT_DIR");
  g_autofree char *import = g_find_program_in_path ("import");
  g_autofree char *file = NULL;
  g_autoptr(GSubprocess) process = NULL;

  if (dir == NULL || import == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, import, "-window", "root", file, NULL);
  if (process != NULL)
    g_subprocess_wait (process, NULL, NULL);
}

/* Every line read so far that contains needle. */
char **
prov_test_app_dup_log_lines (ProvTestApp *app,
                             const char  *needle)
{
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();

  for (guint i = 0; i < app->lines->len; i++)
    {
      const LogLine *line = &g_array_index (app->lines, LogLine, i);

      if (strstr (line->line, needle) != NULL)
        g_strv_builder_add (found, line->line);
    }

  return g_strv_builder_end (found);
}

/* The X server drops a killed client's windows only once it has handled
 * the closed connection; until then a search for the app's window could
 * find the dead one. */
static gboolean
wait_for_windows_gone (const char *pid,
                       guint       timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GSubprocess) search = NULL;
      g_autofree char *found = NULL;
      g_autofree char *complaint = NULL;

      /* No match exits 1 with nothing said; no connection says so. */
      search = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, NULL,
                                 "xdotool", "search", "--pid", pid, "--name", ".", NULL);
      if (search != NULL && g_subprocess_communicate_utf8 (search, NULL, NULL, &found, &complaint, NULL) &&
          *g_strstrip (found) == '\0' && *g_strstrip (complaint) == '\0')
        return TRUE;
      g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }

  return FALSE;
}

/* Kills the app as a power cut would (SIGKILL) and starts it again on the
 * same home, with a fresh log. */
gboolean
prov_test_app_crash_and_restart (ProvTestApp  *app,
                                 GError      **error)
{
  g_autofree char *pid = g_strdup (g_subprocess_get_identifier (app->process));

  g_subprocess_force_exit (app->process);
  g_subprocess_wait (app->process, NULL, NULL);
  g_assert_true (wait_for_bus_name_released (5000));
  g_assert_true (wait_for_windows_gone (pid, 10000));

  if (app->log_cancellable != NULL)
    g_cancellable_cancel (app->log_cancellable);
  g_clear_object (&app->log_cancellable);
  g_clear_object (&app->log);
  g_clear_object (&app->process);
  g_array_set_size (app->lines, 0);
  app->log_closed = FALSE;

  return prov_test_app_start (app, error);
}

/* A new assistant window shows on top of the main window; without a
 * window manager, keys sent before it has the focus go to the window under
 * it. GtkAssistant names its window after the page shown. */
gboolean
prov_test_app_focus_assistant (ProvTestApp *app,
                               const char  *page_title,
                               guint        timeout_ms)
{
  g_autofree char *window = prov_test_app_find_window (app, page_title, timeout_ms);

  return window != NULL && prov_test_app_focus_window (window, timeout_ms);
}

/* A button pressed by its mnemonic (e.g. "alt+u") clicks when its pressed
 * look ends, a moment later: keys sent before then land in the old focus. */
void
prov_test_app_press_button (const char *mnemonic)
{
  prov_test_app_keys (mnemonic, NULL);
  g_usleep (PROV_TEST_BUTTON_CLICK_MS * G_TIME_SPAN_MILLISECOND);
}

/* The order uuid in the last log line holding @needle, as in "Assistant
 * for order UUID opened on page …". */
char *
prov_test_app_dup_logged_uuid (ProvTestApp *app,
                               const char  *needle)
{
  g_auto(GStrv) lines = prov_test_app_dup_log_lines (app, needle);
  const char *start;

  g_assert_nonnull (lines[0]);
  start = strstr (lines[g_strv_length (lines) - 1], "order ");
  g_assert_nonnull (start);

  return g_strndup (start + strlen ("order "), 36);
}

/* xdotool key, one key after the other, as a person presses them. */
void
prov_test_app_keys (const char *first,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *key;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  g_ptr_array_add (argv, (gpointer) "key");
  g_ptr_array_add (argv, (gpointer) "--clearmodifiers");
  g_ptr_array_add (argv, (gpointer) "--delay");
  g_ptr_array_add (argv, (gpointer) "100");
  va_start (args, first);
  for (key = first; key != NULL; key = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) key);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

void
prov_test_app_type (const char *delay,
                    const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *chrt = g_find_program_in_path ("chrt");

  /* A scanner is a device of its own: its keys come a few ms apart
   * however busy the till is. xdotool shares the CPU with the load the
   * UI tests run under, and a 50 ms stall in the middle of a burst made
   * a scan look typed; with a real-time priority (root only) it keeps
   * the scanner's pace. */
  if (g_str_equal (delay, PROV_TEST_SCANNER_DELAY) && chrt != NULL && geteuid () == 0)
    {
      g_autoptr(GSubprocess) process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, chrt, "--fifo", "10",
                                                         "xdotool", "type", "--delay", delay, text, NULL);

      if (process != NULL && g_subprocess_wait_check (process, NULL, &error))
        return;
      g_test_message ("chrt could not run xdotool (%s); typed without a real-time priority", error->message);
      g_clear_error (&error);
    }

  prov_test_app_xdotool (&error, "type", "--delay", delay, text, NULL);
  g_assert_no_error (error);
}


/* Waits until more than count lines contain needle. */
gboolean
prov_test_app_wait_for_log_count (ProvTestApp *app,
                                  const char  *needle,
                                  guint        count,
                                  guint        timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    {
      g_auto(GStrv) lines = prov_test_app_dup_log_lines (app, needle);

      if (g_strv_length (lines) > count)
        return TRUE;
      /* Reading the app's output needs the main loop to run. */
      prov_test_app_wait_for_log (app, "\x01 no such line", 200);
    }

  return FALSE;
}

/* gapplication action com.example.Provisioner NAME [TARGET]: what a
 * notification or another program does to the running app. */
void
prov_test_app_activate_action (const char *name,
                               const char *string_target)
{
  g_autofree char *target = string_target != NULL ? g_strdup_printf ("'%s'", string_target) : NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                              "gapplication", "action", "com.example.Provisioner", name, target, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* A throw-away home whose carrier profile points at carrier_url; the app
 * is not started yet. */
ProvTestApp *
prov_test_app_new_on_carrier (const char *carrier_url)
{
  g_autoptr(GError) error = NULL;
  ProvTestApp *app = prov_test_app_new (&error);

  g_assert_no_error (error);
  prov_test_app_set_carrier (app, carrier_url);
  return app;
}

/* Starts the app and waits for its first sync (catalog and reserved
 * numbers in) and its main window focused; the window id in *window. */
void
prov_test_app_start_synced (ProvTestApp  *app,
                            char        **window)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (prov_test_app_start (app, &error));
  g_assert_no_error (error);

  *window = prov_test_app_find_window (app, "Provisioner", 30000);
  g_assert_nonnull (*window);
  g_assert_true (prov_test_app_wait_for_names (app, (const char *[]) { "Last synced at", NULL }, 30000));
  g_assert_true (prov_test_app_focus_window (*window, 30000));
}

ProvTestApp *
prov_test_app_spawn_synced (const char  *carrier_url,
                            char       **window)
{
  ProvTestApp *app = prov_test_app_new_on_carrier (carrier_url);

  prov_test_app_start_synced (app, window);
  return app;
}

static gboolean
tab_until (ProvTestApp *app,
           const char  *needle,
           gboolean     move_first,
           guint        max_tabs)
{
  for (guint tabs = 0; tabs <= max_tabs; tabs++)
    {
      g_auto(GStrv) moves = prov_test_app_dup_log_lines (app, "Focus on ");
      guint n_moves = g_strv_length (moves);

      if ((tabs > 0 || !move_first) && n_moves > 0 && strstr (moves[n_moves - 1], needle) != NULL)
        return TRUE;
      if (tabs == max_tabs)
        break;
      prov_test_app_keys ("Tab", NULL);
      prov_test_app_wait_for_log_count (app, "Focus on ", n_moves, 2000);
    }

  return FALSE;
}

/* Presses Tab until the assistant logs the keyboard on a widget whose
 * description holds @needle, at most @max_tabs times: what a clerk does,
 * without a count that changes whenever a row comes or goes. */
gboolean
prov_test_app_tab_to (ProvTestApp *app,
                      const char  *needle,
                      guint        max_tabs)
{
  return tab_until (app, needle, FALSE, max_tabs);
}

/* The same, from the widget after the one with the keyboard. */
gboolean
prov_test_app_tab_to_next (ProvTestApp *app,
                           const char  *needle,
                           guint        max_tabs)
{
  return tab_until (app, needle, TRUE, max_tabs);
}

/* Waits for the assistant's @page to show for the (@seen_before + 1)th
 * time, then photographs it as @screenshot unless that is NULL. */
void
prov_test_app_expect_page (ProvTestApp *app,
                           const char  *page,
                           guint        seen_before,
                           const char  *screenshot)
{
  g_autofree char *line = g_strdup_printf ("Assistant page %s shown", page);

  g_assert_true (prov_test_app_wait_for_log_count (app, line, seen_before, 30000));
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  if (screenshot != NULL)
    prov_test_app_screenshot (screenshot);
}

/* A combo row opened by its mnemonic; @downs entries down, then taken. */
void
prov_test_app_choose (const char *mnemonic,
                      guint       downs)
{
  prov_test_app_keys (mnemonic, NULL);
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  for (guint i = 0; i < downs; i++)
    prov_test_app_keys ("Down", NULL);
  prov_test_app_keys ("Return", NULL);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
}

/* ---- driving the flows ------------------------------------------------- */

/* Presses Sync Now (F5) until the log has @needle, waiting @wait_ms after
 * each press, at most @tries times, then the usual 30 s; whether it came. */
gboolean
prov_test_app_sync_until_log (ProvTestApp *app,
                              const char  *needle,
                              guint        tries,
                              guint        wait_ms)
{
  for (guint i = 0; i < tries; i++)
    {
      if (prov_test_app_wait_for_log (app, needle, wait_ms))
        return TRUE;
      prov_test_app_keys ("F5", NULL);
    }
  return prov_test_app_wait_for_log (app, needle, 30000);
}

/* A new user's first name, last name (past the field between them) and
 * e-mail, typed from the first name on; the focus stays on the e-mail. */
void
prov_test_app_type_new_user (const char *first,
                             const char *last,
                             const char *email)
{
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, first);
  prov_test_app_keys ("Tab", "Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, last);
  prov_test_app_keys ("Tab", NULL);
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, email);
}

/* A new subscriber of a hosted PBX, as prov_test_app_type_new_user, then
 * on to the log-on PIN: past the language, the check box and the name
 * shown on calls (it follows the subscriber's). */
void
prov_test_app_type_new_subscriber (const char *first,
                                   const char *last,
                                   const char *email)
{
  prov_test_app_type_new_user (first, last, email);
  prov_test_app_keys ("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", NULL);
}

static guint
count_log_lines (ProvTestApp *app,
                 const char  *needle)
{
  g_auto(GStrv) lines = prov_test_app_dup_log_lines (app, needle);

  return g_strv_length (lines);
}

/* Presses @key and waits for the assistant to show @page (once more than
 * it had). */
void
prov_test_app_next_page (ProvTestApp *app,
                         const char  *key,
                         const char  *page)
{
  g_autofree char *line = g_strdup_printf ("Assistant page %s shown", page);
  guint before = count_log_lines (app, line);

  prov_test_app_keys (key, NULL);
  g_assert_true (prov_test_app_wait_for_log_count (app, line, before, 30000));
}

/* A new order opened with @shortcut on its first page, Stocktaking, with
 * the customer that typing @search finds taken by Enter: the assistant
 * moves on to @next_page. The order's uuid. */
char *
prov_test_app_start_order (ProvTestApp *app,
                           const char  *shortcut,
                           const char  *search,
                           const char  *next_page)
{
  char *uuid;

  prov_test_app_next_page (app, shortcut, "stocktaking");
  g_assert_true (prov_test_app_focus_assistant (app, "Stocktaking", 30000));
  uuid = prov_test_app_dup_logged_uuid (app, "opened on page");
  prov_test_app_type (PROV_TEST_HUMAN_DELAY, search);
  /* The customer search answers as typing pauses. */
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  prov_test_app_next_page (app, "Return", next_page);

  return uuid;
}

/* Flow 1 (Ctrl+1) up to its SIM page: the customer @search finds, the
 * tier and add-ons as they are, a new user. The order's uuid. */
char *
prov_test_app_mobile_user_to_sim (ProvTestApp *app,
                                  const char  *search,
                                  const char  *first,
                                  const char  *last,
                                  const char  *email)
{
  g_autofree char *uuid = prov_test_app_start_order (app, "ctrl+1", search, "subscription");

  prov_test_app_next_page (app, "alt+n", "add-ons");
  prov_test_app_next_page (app, "alt+n", "user");
  prov_test_app_type_new_user (first, last, email);
  prov_test_app_next_page (app, "alt+n", "sim");

  return g_steal_pointer (&uuid);
}

/* Flow 2 (Ctrl+Shift+N) up to its Extension page, for the customer
 * @search finds, with a new subscriber; the focus ends on the log-on PIN,
 * past the language, the check box and the name shown on calls. The
 * order's uuid. */
char *
prov_test_app_extension_for_new_subscriber (ProvTestApp *app,
                                            const char  *search,
                                            const char  *first,
                                            const char  *last,
                                            const char  *email)
{
  g_autofree char *uuid = prov_test_app_start_order (app, "ctrl+shift+n", search, "add-ons");

  prov_test_app_next_page (app, "alt+n", "extension");
  prov_test_app_press_button ("alt+u");
  prov_test_app_type_new_subscriber (first, last, email);

  return g_steal_pointer (&uuid);
}
