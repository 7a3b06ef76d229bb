#pragma once

#include <glib-object.h>

#include "prov-id-kind.h"

G_BEGIN_DECLS

typedef enum {
  PROV_ID_PROBLEM_NONE,
  PROV_ID_PROBLEM_EMPTY,
  PROV_ID_PROBLEM_BAD_CHARACTERS,
  PROV_ID_PROBLEM_WRONG_LENGTH,
  PROV_ID_PROBLEM_BAD_PREFIX,
  PROV_ID_PROBLEM_BAD_CHECK_DIGIT,
  PROV_ID_PROBLEM_MISSING_CHECK_DIGIT,
  PROV_ID_PROBLEM_UNRECOGNIZED,
} ProvIdProblem;

/* What an identifier is, its canonical form, what follows from it, and on
 * failure why, in words a clerk can act on. */
typedef struct {
  ProvIdKind     kind;
  gboolean       valid;
  char          *input;
  char          *normalized;
  ProvIdProblem  problem;
  char          *message;
  /* The check digit the number should have, or '\0' when not applicable. */
  char           check_digit;
  /* Shown to the clerk, never applied: e.g. an ICCID with its check digit. */
  char          *suggestion;
  char          *decimal;      /* MEID, ESN */
  char          *hex;          /* MEID, ESN */
  char          *pseudo_esn;   /* MEID */
  char          *imei;         /* IMEISV */
} ProvId;

#define PROV_TYPE_ID (prov_id_get_type ())
GType   prov_id_get_type  (void);
ProvId *prov_id_copy      (const ProvId *id);
void    prov_id_free      (ProvId       *id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvId, prov_id_free)

ProvId *prov_id_parse     (ProvIdKind    kind,
                           const char   *text);
ProvId *prov_id_recognize (const char   *text);
ProvId *prov_id_recognize_among (const char *text,
                                 guint32     kinds);
char   *prov_id_to_json   (const ProvId *id);
char   *prov_id_dup_masked (const ProvId *id);

char    prov_luhn_check_digit (const char *digits,
                               guint       base);

G_END_DECLS
