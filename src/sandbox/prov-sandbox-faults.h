#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PROV_SANDBOX_FAULT_NONE,
  PROV_SANDBOX_FAULT_SERVER_ERROR,   /* 500 or 503 */
  PROV_SANDBOX_FAULT_THROTTLE,       /* 429 with Retry-After */
  PROV_SANDBOX_FAULT_DROP,           /* connection closed without an answer */
  PROV_SANDBOX_FAULT_DROP_AFTER,     /* the request is carried out, the answer lost */
  PROV_SANDBOX_FAULT_MALFORMED,      /* 200 with broken JSON */
  PROV_SANDBOX_FAULT_TIMEOUT,        /* no answer for a long time */
  PROV_SANDBOX_FAULT_REDIRECT,       /* 302 to another order, the work not done */
  PROV_SANDBOX_FAULT_DEEP_NESTING,   /* the work is done, the answer nested 100,000 deep */
} ProvSandboxFault;

/* Per-request probabilities (0–1) of each fault, and latency. */
typedef struct {
  double   error_rate;
  double   throttle_rate;
  double   drop_rate;
  double   malformed_rate;
  double   timeout_rate;
  double   redirect_rate;
  double   nesting_rate;
  guint    latency_ms;
  guint    retry_after_s;
  GRand   *rand;
} ProvSandboxFaults;

ProvSandboxFault prov_sandbox_faults_pick (ProvSandboxFaults *faults);

G_END_DECLS
