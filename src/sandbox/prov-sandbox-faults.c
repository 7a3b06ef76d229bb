#include "prov-sandbox-faults.h"

/* One draw per request; a drop happens before or after the work half the
 * time each, because "did my order arrive?" is the hard case. */
ProvSandboxFault
prov_sandbox_faults_pick (ProvSandboxFaults *faults)
{
  double draw = g_rand_double (faults->rand);

  if ((draw -= faults->error_rate) < 0)
    return PROV_SANDBOX_FAULT_SERVER_ERROR;
  if ((draw -= faults->throttle_rate) < 0)
    return PROV_SANDBOX_FAULT_THROTTLE;
  if ((draw -= faults->drop_rate) < 0)
    return g_rand_boolean (faults->rand) ? PROV_SANDBOX_FAULT_DROP : PROV_SANDBOX_FAULT_DROP_AFTER;
  if ((draw -= faults->malformed_rate) < 0)
    return PROV_SANDBOX_FAULT_MALFORMED;
  if ((draw -= faults->timeout_rate) < 0)
    return PROV_SANDBOX_FAULT_TIMEOUT;
  if ((draw -= faults->redirect_rate) < 0)
    return PROV_SANDBOX_FAULT_REDIRECT;
  if ((draw -= faults->nesting_rate) < 0)
    return PROV_SANDBOX_FAULT_DEEP_NESTING;

  return PROV_SANDBOX_FAULT_NONE;
}
