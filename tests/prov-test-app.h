#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long a button pressed by its mnemonic takes to click: it clicks when
 * its pressed look ends. */
#define PROV_TEST_BUTTON_CLICK_MS 500

/* xdotool's --delay for typing: it waits half of it after each press and
 * half after each release. A person's keys come at least 60 ms apart; a
 * scanner's keys come within the 35 ms the scan decoder allows between
 * them. The person was once 60 ("30 ms apart"): now and then all of a
 * phone number came within 35 ms, and was taken for a scan. */
#define PROV_TEST_HUMAN_DELAY "120"
#define PROV_TEST_SCANNER_DELAY "5"

/* The real provisioner binary, started the way a clerk starts it, in a
 * throw-away home so tests never touch the developer's own data. */
typedef struct _ProvTestApp ProvTestApp;

ProvTestApp *prov_test_app_new            (GError      **error);
/* The staff every test till has; the harness signs in as the clerk. */
#define PROV_TEST_MANAGER      "Marit de Vries"
#define PROV_TEST_MANAGER_PIN  "135790"
#define PROV_TEST_CLERK        "Sem Bakker"
#define PROV_TEST_CLERK_PIN    "2468"

void         prov_test_app_set_setting    (ProvTestApp  *app,
                                           const char   *key,
                                           const char   *value);
gboolean     prov_test_app_start_locked   (ProvTestApp  *app,
                                           GError      **error);
gboolean     prov_test_app_sign_in        (ProvTestApp  *app,
                                           const char   *name,
                                           const char   *pin,
                                           guint         shown_before);
gboolean     prov_test_app_start          (ProvTestApp  *app,
                                           GError      **error);
ProvTestApp *prov_test_app_spawn          (GError      **error);
char        *prov_test_app_dup_database_path (ProvTestApp *app);
char        *prov_test_app_write_file    (ProvTestApp  *app,
                                          const char   *name,
                                          const char   *contents);
char        *prov_test_app_run_cli       (ProvTestApp  *app,
                                          const char   *command,
                                          const char   *subcommand,
                                          const char   *argument);
void         prov_test_app_set_carrier    (ProvTestApp  *app,
                                           const char   *base_url);
char       **prov_test_app_dup_accessible_names (ProvTestApp *app,
                                           GError      **error);
char       **prov_test_app_dup_row_labels (ProvTestApp  *app,
                                           GError      **error);
gboolean     prov_test_app_wait_for_log   (ProvTestApp  *app,
                                           const char   *needle,
                                           guint         timeout_ms);
gint64       prov_test_app_get_log_time   (ProvTestApp  *app,
                                           const char   *needle);
char        *prov_test_app_find_window    (ProvTestApp  *app,
                                           const char   *title,
                                           guint         timeout_ms);
gboolean     prov_test_app_focus_window   (const char   *window,
                                           guint         timeout_ms);
gboolean     prov_test_app_xdotool        (GError      **error,
                                           ...) G_GNUC_NULL_TERMINATED;
gboolean     prov_test_app_wait_exit      (ProvTestApp  *app,
                                           guint         timeout_ms,
                                           int          *exit_status);
void         prov_test_app_terminate      (ProvTestApp  *app);
gboolean     prov_test_app_crash_and_restart (ProvTestApp *app,
                                           GError      **error);
const char  *prov_test_app_get_home       (ProvTestApp  *app);
const char  *prov_test_app_get_pid        (ProvTestApp  *app);
void         prov_test_app_free           (ProvTestApp  *app);

gboolean     prov_test_have_display       (void);

gboolean     prov_test_app_wait_for_names (ProvTestApp        *app,
                                           const char * const *needles,
                                           guint               timeout_ms);
void         prov_test_app_screenshot     (const char   *name);
void         prov_test_app_expect_page    (ProvTestApp  *app,
                                           const char   *page,
                                           guint         seen_before,
                                           const char   *screenshot);
void         prov_test_app_choose         (const char   *mnemonic,
                                           guint         downs);
gboolean     prov_test_app_tab_to         (ProvTestApp  *app,
                                           const char   *needle,
                                           guint         max_tabs);
gboolean     prov_test_app_tab_to_next    (ProvTestApp  *app,
                                           const char   *needle,
                                           guint         max_tabs);
char       **prov_test_app_dup_log_lines  (ProvTestApp  *app,
                                           const char   *needle);
char        *prov_test_app_dup_logged_uuid (ProvTestApp *app,
                                            const char  *needle);
void         prov_test_app_keys           (const char   *first,
                                           ...) G_GNUC_NULL_TERMINATED;
void         prov_test_app_press_button   (const char   *mnemonic);
gboolean     prov_test_app_focus_assistant (ProvTestApp *app,
                                            const char  *page_title,
                                            guint        timeout_ms);
void         prov_test_app_type           (const char   *delay,
                                           const char   *text);
gboolean     prov_test_app_wait_for_log_count (ProvTestApp *app,
                                           const char   *needle,
                                           guint         count,
                                           guint         timeout_ms);
void         prov_test_app_activate_action (const char  *name,
                                            const char  *string_target);
ProvTestApp *prov_test_app_new_on_carrier (const char  *carrier_url);
void         prov_test_app_start_synced   (ProvTestApp  *app,
                                           char        **window);
ProvTestApp *prov_test_app_spawn_synced   (const char   *carrier_url,
                                           char        **window);
/* Driving the flows from the keyboard, as a clerk does. */
gboolean     prov_test_app_sync_until_log (ProvTestApp  *app,
                                           const char   *needle,
                                           guint         tries,
                                           guint         wait_ms);
void         prov_test_app_type_new_user  (const char   *first,
                                           const char   *last,
                                           const char   *email);
void         prov_test_app_type_new_subscriber (const char *first,
                                                const char *last,
                                                const char *email);
void         prov_test_app_next_page      (ProvTestApp  *app,
                                           const char   *key,
                                           const char   *page);
char        *prov_test_app_start_order    (ProvTestApp  *app,
                                           const char   *shortcut,
                                           const char   *search,
                                           const char   *next_page);
char        *prov_test_app_mobile_user_to_sim (ProvTestApp *app,
                                               const char  *search,
                                               const char  *first,
                                               const char  *last,
                                               const char  *email);
char        *prov_test_app_extension_for_new_subscriber (ProvTestApp *app,
                                                         const char  *search,
                                                         const char  *first,
                                                         const char  *last,
                                                         const char  *email);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvTestApp, prov_test_app_free)

G_END_DECLS
