#include <glib/gi18n-lib.h>

#include "prov-line-request.h"

#define ACTIVE    PROV_LINE_REQUEST_FROM_ACTIVE
#define SUSPENDED PROV_LINE_REQUEST_FROM_SUSPENDED
#define ENDED     PROV_LINE_REQUEST_FROM_ENDED
#define CUSTOMER  PROV_LINE_REQUEST_FROM_CUSTOMER

/* DESIGN.md flow 5, in the portal's order: new, modify, delete. */
static const ProvLineRequest requests[] = {
  { "new-line", N_("_New Line"), PROV_LINE_REQUEST_NEW, CUSTOMER },
  { "warranty-replacement", N_("_Warranty Replacement"), PROV_LINE_REQUEST_NEW, ACTIVE },
  { "accessory", N_("_Accessory"), PROV_LINE_REQUEST_NEW, ACTIVE },
  { "port-carrier", N_("_Port to Another Carrier"), PROV_LINE_REQUEST_NEW, ACTIVE | SUSPENDED },
  { "transfer-liability", N_("_Transfer of Liability"), PROV_LINE_REQUEST_NEW, ACTIVE | SUSPENDED },
  { "stipend-enrol", N_("_Enrol in the Stipend"), PROV_LINE_REQUEST_NEW, ACTIVE },
  { "activate-in-stock", N_("Activate a Device in _Stock"), PROV_LINE_REQUEST_NEW, CUSTOMER },
  { "change-features", N_("Change _Features"), PROV_LINE_REQUEST_MODIFY, ACTIVE },
  { "change-plan", N_("Change _Plan"), PROV_LINE_REQUEST_MODIFY, ACTIVE | SUSPENDED },
  { "change-number", N_("Change Nu_mber"), PROV_LINE_REQUEST_MODIFY, ACTIVE },
  { "assign-device", N_("Assign a _Device"), PROV_LINE_REQUEST_MODIFY, ACTIVE },
  { "new-sim", N_("New S_IM"), PROV_LINE_REQUEST_MODIFY, ACTIVE | SUSPENDED },
  { "restore", N_("_Restore"), PROV_LINE_REQUEST_MODIFY, SUSPENDED | ENDED },
  { "assign-employee", N_("Assign to an _Employee"), PROV_LINE_REQUEST_MODIFY, ACTIVE | SUSPENDED },
  { "suspend", N_("S_uspend"), PROV_LINE_REQUEST_DELETE, ACTIVE },
  { "disconnect", N_("Dis_connect"), PROV_LINE_REQUEST_DELETE, ACTIVE | SUSPENDED },
  { "stipend-leave", N_("_Leave the Stipend"), PROV_LINE_REQUEST_DELETE, ACTIVE },
};

const ProvLineRequest *
prov_line_requests_get_all (guint *n_requests)
{
  *n_requests = G_N_ELEMENTS (requests);
  return requests;
}

/* Whether @request starts from a line whose TMF637 status is @status. */
gboolean
prov_line_request_starts_from_status (const ProvLineRequest *request,
                                      const char            *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return (request->starts & ACTIVE) != 0;
  if (g_strcmp0 (status, "suspended") == 0)
    return (request->starts & SUSPENDED) != 0;
  if (g_strcmp0 (status, "terminated") == 0)
    return (request->starts & ENDED) != 0;

  return FALSE;
}
