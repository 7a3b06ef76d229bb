#pragma once

#include "prov-ids.h"

G_BEGIN_DECLS

/* Shared by prov-ids.c (SIMs and devices), prov-ids-account.c (numbers,
 * accounts, orders) and prov-ids-recognize.c. */

ProvId *_prov_id_new (ProvIdKind  kind,
                      const char *input);
ProvId *_prov_id_fail (ProvId        *id,
                       ProvIdProblem  problem,
                       const char    *format,
                       ...) G_GNUC_PRINTF (3, 4);
ProvId *_prov_id_succeed (ProvId *id);
char *_prov_ids_strip_separators (const char *text);
gboolean _prov_ids_all_digits (const char *text);
gboolean _prov_ids_all_hex (const char *text);
ProvId *_prov_id_fail_bad_character (ProvId     *id,
                                     const char *text,
                                     gboolean    allow_hex);
char _prov_ids_luhn_expected (const char *with_check_digit);
guint _prov_ids_mod97 (const char *digits);
ProvId *_prov_id_parse_e164 (ProvId     *id,
                             const char *text);
gboolean _prov_ids_matches_letters_digits (const char *code,
                                           gboolean    letters_first);
gboolean _prov_ids_all_alnum (const char *text);
ProvId *_prov_id_parse_iban (ProvId     *id,
                             const char *text);
ProvId *_prov_id_parse_switching_code (ProvId     *id,
                                       const char *text);
ProvId *_prov_id_parse_order_reference (ProvId     *id,
                                        const char *text);

G_END_DECLS
