#pragma once

#include <glib.h>

#include "prov-id-kind.h"

G_BEGIN_DECLS

/* The rules the order pages check as the clerk types. Each returns NULL
 * when the value is fine, or a translated message saying what is wrong,
 * shown next to the field. */
char *prov_rule_check_required     (const char          *value);
char *prov_rule_check_email        (const char          *value);
char *prov_rule_check_start_date   (const char          *value,
                                    GDateTime           *today);
char *prov_rule_check_extension    (const char          *value,
                                    const char * const  *in_use,
                                    guint                fixed_length);
char *prov_rule_next_extension     (const char * const  *in_use,
                                    guint                fixed_length);
char *prov_rule_check_area_code    (const char          *value);
char *prov_rule_check_birth_date   (const char          *value,
                                    GDateTime           *today);
char *prov_rule_check_past_date    (const char          *value,
                                    GDateTime           *today);
char *prov_rule_check_account_pin  (const char          *value);
char *prov_rule_check_identifier   (ProvIdKind           kind,
                                    const char          *value);

G_END_DECLS
