#include "prov-test-app.h"

#define STARTUP_TIMEOUT_MS 30000
#define TIMEOUT_MS STARTUP_TIMEOUT_MS
#define EXIT_TIMEOUT_MS    10000

static ProvTestApp *
start_app_and_find_window (char **out_window)
{
  g_autoptr(GError) error = NULL;
  ProvTestApp *app = prov_test_app_spawn (&error);

  g_assert_no_error (error);
  g_assert_true (prov_test_app_wait_for_log (app, "Main window drew its first frame", STARTUP_TIMEOUT_MS));

  *out_window = prov_test_app_find_window (app, "Provisioner", STARTUP_TIMEOUT_MS);
  g_assert_nonnull (*out_window);

  return app;
}

static void
test_window_appears_and_quits_with_keyboard (void)
{
  g_autoptr(ProvTestApp) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;
  int exit_status = -1;

  if (!prov_test_have_display ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  app = start_app_and_find_window (&window);

  g_assert_true (prov_test_app_focus_window (window, TIMEOUT_MS));
  prov_test_app_xdotool (&error, "key", "--clearmodifiers", "ctrl+q", NULL);
  g_assert_no_error (error);

  g_assert_true (prov_test_app_wait_exit (app, EXIT_TIMEOUT_MS, &exit_status));
  g_assert_cmpint (exit_status, ==, 0);
}

/* A till that is shut down sends SIGTERM; the app must leave cleanly. */
static void
test_terminate_signal_exits_cleanly (void)
{
  g_autoptr(ProvTestApp) app = NULL;
  g_autofree char *window = NULL;
  int exit_status = -1;

  if (!prov_test_have_display ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  app = start_app_and_find_window (&window);
  prov_test_app_terminate (app);

  g_assert_true (prov_test_app_wait_exit (app, EXIT_TIMEOUT_MS, &exit_status));
  g_assert_cmpint (exit_status, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/smoke/window-appears-and-quits-with-keyboard", test_window_appears_and_quits_with_keyboard);
  g_test_add_func ("/ui/smoke/terminate-signal-exits-cleanly", test_terminate_signal_exits_cleanly);

  return g_test_run ();
}
