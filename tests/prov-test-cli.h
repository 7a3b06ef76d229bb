#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* provisioner-cli ($PROVISIONER_CLI) in a home of its own; each returns
 * its exit status. */
int  prov_test_run_cli_argv  (const char  *input,
                              char       **out,
                              char       **err,
                              GPtrArray   *arguments);
void prov_test_add_arguments (GPtrArray   *arguments,
                              const char  *first_argument,
                              va_list      args);
int  prov_test_run_cli       (char       **out,
                              char       **err,
                              const char  *first_argument,
                              ...) G_GNUC_NULL_TERMINATED;
int  prov_test_run_cli_input (const char  *input,
                              char       **out,
                              char       **err,
                              const char  *first_argument,
                              ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
