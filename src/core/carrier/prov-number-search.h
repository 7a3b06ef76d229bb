#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the clerk asks of the carrier's numbers (TMF685 availability
 * check). Any member but pool and count may be NULL. */
typedef struct {
  const char *pool;       /* "geographic" (the public pool), or a customer's */
  const char *prefix;     /* E.164, e.g. "+44121737" */
  const char *grade;      /* "gold", "silver", "standard" */
  const char *contains;   /* digits the number must contain */
  const char *selection;  /* "next", "random" or "contains" */
  guint       count;
} ProvNumberSearch;

/* A free number as the carrier offered it. */
typedef struct {
  char *msisdn;   /* E.164 */
  char *grade;
} ProvAvailableNumber;

void                 prov_available_number_free  (ProvAvailableNumber    *number);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvAvailableNumber, prov_available_number_free)

ProvNumberSearch    *prov_number_search_copy     (const ProvNumberSearch *search);
void                 prov_number_search_free     (ProvNumberSearch       *search);
JsonNode            *prov_number_search_build    (const ProvNumberSearch *search);
/* The numbers of a carrier's AvailabilityCheck that meet @search: a
 * carrier may ignore criteria its API does not declare, so each one is
 * checked; a GPtrArray of ProvAvailableNumber, at most search->count. */
GPtrArray           *prov_number_search_read     (const ProvNumberSearch *search,
                                                  JsonNode               *answer,
                                                  guint                  *n_refused);

G_END_DECLS
