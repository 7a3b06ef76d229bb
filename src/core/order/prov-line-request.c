#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-line-request.h"
#include "prov-order-field.h"
#include "prov-rfc3339.h"

/*
 * Flow 5's requests on a customer's lines (DESIGN.md): which menu each is
 * in and where it starts, what it sends (TMF622 action, the line's status)
 * and whether the carrier has anything to do, what its page asks, and the
 * portal's rules (warranty, restore window). The assistant, the CLI and
 * placing read them from here.
 */

#define ACTIVE    PROV_LINE_REQUEST_FROM_ACTIVE
#define SUSPENDED PROV_LINE_REQUEST_FROM_SUSPENDED
#define ENDED     PROV_LINE_REQUEST_FROM_ENDED
#define CUSTOMER  PROV_LINE_REQUEST_FROM_CUSTOMER

#define NEW    PROV_LINE_REQUEST_NEW
#define MODIFY PROV_LINE_REQUEST_MODIFY
#define DELETE PROV_LINE_REQUEST_DELETE

#define ADDS     PROV_LINE_ACTION_ADD
#define MODIFIES PROV_LINE_ACTION_MODIFY
#define ENDS     PROV_LINE_ACTION_DELETE

#define ASKS(x) PROV_LINE_REQUEST_ASKS_##x

/* DESIGN.md flow 5, in the portal's order: new, modify, delete. Suspend is
 * in the portal's delete menu but only changes the line's status: on the
 * wire it is a modify, as restore is. */
static const ProvLineRequest requests[] = {
  { "new-line", N_("_New Line"), NEW, CUSTOMER, ADDS, NULL, TRUE, ASKS (PLAN) | ASKS (DEVICE) | ASKS (SIM) | ASKS (EMPLOYEE) },
  { "warranty-replacement", N_("_Warranty Replacement"), NEW, ACTIVE, MODIFIES, NULL, TRUE, ASKS (WARRANTY) | ASKS (DEVICE) },
  { "accessory", N_("_Accessory"), NEW, ACTIVE, ADDS, NULL, TRUE, ASKS (ACCESSORY) },
  { "port-carrier", N_("_Port to Another Carrier"), NEW, ACTIVE | SUSPENDED, MODIFIES, NULL, TRUE, ASKS (PORT) },
  { "transfer-liability", N_("_Transfer of Liability"), NEW, ACTIVE | SUSPENDED, MODIFIES, NULL, TRUE, ASKS (LIABILITY) },
  { "stipend-enrol", N_("Enrol in the _Stipend"), NEW, ACTIVE, MODIFIES, NULL, FALSE, ASKS (NOTHING) },
  { "activate-in-stock", N_("Activate a Device in _Stock"), NEW, CUSTOMER, ADDS, NULL, TRUE, ASKS (PLAN) | ASKS (DEVICE) | ASKS (SIM) | ASKS (EMPLOYEE) },
  { "change-features", N_("Change _Features"), MODIFY, ACTIVE, MODIFIES, NULL, TRUE, ASKS (FEATURES) },
  { "change-plan", N_("Change Pla_n"), MODIFY, ACTIVE | SUSPENDED, MODIFIES, NULL, TRUE, ASKS (PLAN) },
  { "change-number", N_("Change Nu_mber"), MODIFY, ACTIVE, MODIFIES, NULL, TRUE, ASKS (NUMBER) },
  { "assign-device", N_("Assign a _Device"), MODIFY, ACTIVE, MODIFIES, NULL, TRUE, ASKS (DEVICE) },
  { "new-sim", N_("New S_IM"), MODIFY, ACTIVE | SUSPENDED, MODIFIES, NULL, TRUE, ASKS (SIM) },
  { "restore", N_("_Restore"), MODIFY, SUSPENDED | ENDED, MODIFIES, "active", TRUE, ASKS (NOTHING) },
  { "assign-employee", N_("Assign to an _Employee"), MODIFY, ACTIVE | SUSPENDED, MODIFIES, NULL, FALSE, ASKS (EMPLOYEE) },
  { "suspend", N_("S_uspend"), DELETE, ACTIVE, MODIFIES, "suspended", TRUE, ASKS (SUSPEND_REASON) },
  { "disconnect", N_("Dis_connect"), DELETE, ACTIVE | SUSPENDED, ENDS, NULL, TRUE, ASKS (TERMINATION) },
  { "stipend-leave", N_("_Leave the Stipend"), DELETE, ACTIVE, MODIFIES, NULL, FALSE, ASKS (NOTHING) },
};

const ProvLineRequest *
prov_line_requests_get_all (guint *n_requests)
{
  *n_requests = G_N_ELEMENTS (requests);
  return requests;
}

/* NULL for an id that names no request. */
const ProvLineRequest *
prov_line_request_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (requests); i++)
    if (g_str_equal (requests[i].id, id))
      return &requests[i];

  return NULL;
}

/* The request @order makes (its first line's), or NULL when it is none. */
const ProvLineRequest *
prov_line_request_for_order (ProvOrder *order)
{
  g_return_val_if_fail (PROV_IS_ORDER (order), NULL);

  if (prov_order_get_kind (order) != PROV_ORDER_KIND_LINE_LIFECYCLE || prov_order_get_n_lines (order) == 0)
    return NULL;

  return prov_line_request_lookup (prov_order_line_get_field (prov_order_get_line (order, 0),
                                                             PROV_ORDER_FIELD_REQUEST_TYPE));
}

/* The request's name without its mnemonic, translated. */
const char *
prov_line_request_get_title (const ProvLineRequest *request)
{
  static GHashTable *plain;
  static GMutex lock;
  const char *title;

  g_return_val_if_fail (request != NULL, NULL);

  g_mutex_lock (&lock);
  if (plain == NULL)
    plain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  title = g_hash_table_lookup (plain, _(request->title));
  if (title == NULL)
    {
      GString *without = g_string_new (_(request->title));

      for (char *underscore; (underscore = strchr (without->str, '_')) != NULL;)
        g_string_erase (without, underscore - without->str, 1);
      title = without->str;
      g_hash_table_insert (plain, g_strdup (_(request->title)), g_string_free (without, FALSE));
    }
  g_mutex_unlock (&lock);

  return title;
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

/*
 * A draft of @request on @line (NULL for a request that starts from the
 * customer): one item naming the line's product, the request's id and
 * what the line is now (its number, when it ended), and what the request
 * itself sets (a status). @restore_window_days is the carrier profile's.
 */
ProvOrder *
prov_line_request_new_order (const ProvLineRequest *request,
                             ProvProductLine       *line,
                             const char            *customer_id,
                             const char            *customer_name,
                             guint                  restore_window_days,
                             const char            *created_by)
{
  ProvOrder *order;
  ProvOrderLine *item;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (line == NULL || PROV_IS_PRODUCT_LINE (line), NULL);
  g_return_val_if_fail ((line == NULL) == ((request->starts & CUSTOMER) != 0), NULL);

  order = prov_order_new (PROV_ORDER_KIND_LINE_LIFECYCLE, created_by);
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_ID, customer_id);
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME, customer_name);
  /* The enterprise portal's customers are companies. */
  prov_order_set_field (order, PROV_ORDER_FIELD_CUSTOMER_KIND, "business");

  item = prov_order_get_line (order, 0);
  prov_order_line_set_action (item, request->wire_action);
  prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_TYPE, request->id);
  prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_TYPE_NAME, prov_line_request_get_title (request));
  prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_PRODUCT_STATUS, request->product_status);

  if (line != NULL)
    {
      GDateTime *ended = prov_product_line_get_termination_date (line);

      /* An accessory is a product of its own, relying on the line. */
      if (request->wire_action == PROV_LINE_ACTION_ADD)
        prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_RELIES_ON, prov_product_line_get_id (line));
      else
        prov_order_line_set_product_ref (item, prov_product_line_get_id (line));
      prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_LINE_NUMBER,
                                 prov_product_line_get_number (line) != NULL ? prov_product_line_get_number (line)
                                                                             : prov_product_line_get_id (line));
      /* What the request replaces goes back to the store once it is done. */
      if (request->asks & ASKS (SIM))
        prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_OLD_ICCID, prov_product_line_get_iccid (line));
      if (request->asks & ASKS (DEVICE))
        prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_OLD_IMEI, prov_product_line_get_imei (line));
      if (ended != NULL)
        {
          g_autofree char *text = prov_rfc3339_format (ended);

          prov_order_line_set_field (item, PROV_ORDER_FIELD_REQUEST_LINE_ENDED, text);
        }
    }

  if (g_str_equal (request->id, "restore"))
    {
      g_autofree char *days = g_strdup_printf ("%u", restore_window_days);

      prov_order_set_field (order, PROV_ORDER_FIELD_REQUEST_RESTORE_WINDOW_DAYS, days);
    }

  return order;
}

/* Gives a request from elsewhere (an import) the name the till shows for
 * it, and the line it is for: what a request drafted here has from the
 * start. */
void
prov_line_request_describe (ProvOrder *order)
{
  const ProvLineRequest *request = prov_line_request_for_order (order);
  ProvOrderLine *line;

  if (request == NULL)
    return;

  line = prov_order_get_line (order, 0);
  prov_order_line_set_field (line, PROV_ORDER_FIELD_REQUEST_TYPE_NAME, prov_line_request_get_title (request));
  if (prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_LINE_NUMBER) == NULL)
    prov_order_line_set_field (line, PROV_ORDER_FIELD_REQUEST_LINE_NUMBER,
                               prov_order_line_get_product_ref (line) != NULL
                                 ? prov_order_line_get_product_ref (line)
                                 : prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_RELIES_ON));
}

/* The carrier profile's say on approvals: a request whose id is in
 * @without_approval (NULL: none) is approved by the policy when placed;
 * every other waits for a manager. Called as it is placed, so the profile
 * of that moment counts. */
void
prov_line_request_apply_policy (ProvOrder          *order,
                                const char * const *without_approval)
{
  const ProvLineRequest *request;

  g_return_if_fail (PROV_IS_ORDER (order));

  request = prov_line_request_for_order (order);
  if (request == NULL)
    return;

  prov_order_set_field (order, PROV_ORDER_FIELD_REQUEST_NEEDS_APPROVAL,
                        without_approval != NULL && g_strv_contains (without_approval, request->id) ? "false" : NULL);
}

static GDateTime *
parse_day (const char *date)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = NULL;

  if (date == NULL || strlen (date) != 10)
    return NULL;
  iso = g_strconcat (date, "T00:00:00", NULL);
  return g_date_time_new_from_iso8601 (iso, local);
}

/* The portal's warranty rule: bought within a year, and no damage that the
 * warranty does not cover. NULL when the device can be replaced;
 * otherwise why not, and what to offer instead. */
char *
prov_line_request_check_warranty (const char *purchase_date,
                                  const char *damage,
                                  GDateTime  *today)
{
  g_autoptr(GDateTime) bought = parse_day (purchase_date);
  GTimeSpan age;

  if (purchase_date == NULL || *purchase_date == '\0')
    return g_strdup (_("Enter the date the device was bought"));
  if (bought == NULL)
    return g_strdup (_("Enter the date of purchase as YYYY-MM-DD"));

  age = g_date_time_difference (today, bought);
  if (age < 0)
    return g_strdup (_("The date of purchase is in the future"));
  if (age > (GTimeSpan) PROV_LINE_REQUEST_WARRANTY_DAYS * G_TIME_SPAN_DAY)
    return g_strdup (_("The device was bought more than a year ago and is out of warranty: offer an upgrade "
                       "(a new line with a device) instead"));

  if (damage == NULL)
    return g_strdup (_("Say whether the device is damaged"));
  if (g_str_equal (damage, PROV_LINE_REQUEST_DAMAGE_PHYSICAL))
    return g_strdup (_("The warranty does not cover physical damage: offer an upgrade (a new line with a device) instead"));
  if (g_str_equal (damage, PROV_LINE_REQUEST_DAMAGE_LIQUID))
    return g_strdup (_("The warranty does not cover liquid damage: offer an upgrade (a new line with a device) instead"));
  if (g_str_equal (damage, PROV_LINE_REQUEST_DAMAGE_BATTERY))
    return g_strdup (_("The warranty does not cover battery damage: offer an upgrade (a new line with a device) instead"));
  if (!g_str_equal (damage, PROV_LINE_REQUEST_DAMAGE_NONE))
    return g_strdup (_("Say whether the device is damaged"));

  return NULL;
}

/* The carrier profile's window: a line that ended longer ago than
 * @window_days days cannot be restored. NULL when it can, or when the
 * till cannot tell (no end, no window). */
char *
prov_line_request_check_restore (const char *ended,
                                 const char *window_days,
                                 GDateTime  *now)
{
  g_autoptr(GDateTime) end = prov_rfc3339_is_valid (ended) ? g_date_time_new_from_iso8601 (ended, NULL) : NULL;
  g_autoptr(GDateTime) local_end = NULL;
  g_autofree char *day = NULL;
  guint64 days;

  if (end == NULL || window_days == NULL ||
      !g_ascii_string_to_unsigned (window_days, 10, 0, 3650, &days, NULL))
    return NULL;

  if (g_date_time_difference (now, end) <= (GTimeSpan) days * G_TIME_SPAN_DAY)
    return NULL;

  local_end = g_date_time_to_local (end);
  day = g_date_time_format (local_end, "%x");
  /* Translators: "The line ended on 10/23/2026, more than 30 days ago: …" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The line ended on %s, more than %u day ago: the carrier no longer restores it",
                                       "The line ended on %s, more than %u days ago: the carrier no longer restores it",
                                       (gulong) days),
                          day, (guint) days);
}

static void
require (GPtrArray     *problems,
         ProvOrderLine *line,
         const char    *key,
         const char    *message)
{
  const char *value = prov_order_line_get_field (line, key);

  if (value == NULL || *value == '\0')
    g_ptr_array_add (problems, g_strdup (message));
}

static void
require_true (GPtrArray     *problems,
              ProvOrderLine *line,
              const char    *key,
              const char    *message)
{
  if (g_strcmp0 (prov_order_line_get_field (line, key), "true") != 0)
    g_ptr_array_add (problems, g_strdup (message));
}

static gboolean
is_one_of (const char *value,
           ...)
{
  va_list choices;
  gboolean found = FALSE;

  va_start (choices, value);
  for (const char *choice = va_arg (choices, const char *); choice != NULL; choice = va_arg (choices, const char *))
    found |= g_strcmp0 (value, choice) == 0;
  va_end (choices);

  return found;
}

/* What keeps a request from being placed, by the portal's rules: what its
 * question needs answered, the warranty and the restore window. Adds
 * nothing for an order that is no request of flow 5. */
void
prov_line_request_collect_problems (ProvOrder *order,
                                    GDateTime *now,
                                    GPtrArray *problems)
{
  const ProvLineRequest *request;
  ProvOrderLine *line;
  ProvLineRequestAsks asks;
  g_autofree char *problem = NULL;

  if (prov_order_get_kind (order) != PROV_ORDER_KIND_LINE_LIFECYCLE)
    return;

  request = prov_line_request_for_order (order);
  if (request == NULL)
    {
      g_ptr_array_add (problems, g_strdup (_("The order does not say which request it is")));
      return;
    }
  if (prov_order_get_n_lines (order) != 1)
    {
      g_ptr_array_add (problems, g_strdup (_("A request changes one line")));
      return;
    }

  line = prov_order_get_line (order, 0);
  asks = request->asks;
  if (prov_order_line_get_action (line) != request->wire_action ||
      g_strcmp0 (prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_PRODUCT_STATUS), request->product_status) != 0)
    g_ptr_array_add (problems, g_strdup_printf (_("The order does not do what a request “%s” does"),
                                                prov_line_request_get_title (request)));
  if ((request->starts & CUSTOMER) == 0 && prov_order_line_get_product_ref (line) == NULL &&
      prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_RELIES_ON) == NULL)
    g_ptr_array_add (problems, g_strdup (_("The request does not say which line it is for")));

  /* An added line's product is every new line's rule (placing's own). */
  if ((asks & ASKS (PLAN)) && request->wire_action != ADDS)
    require (problems, line, PROV_ORDER_FIELD_SUBSCRIPTION_OFFERING_ID, _("Choose a plan"));
  if (asks & ASKS (DEVICE))
    require (problems, line, PROV_ORDER_FIELD_DEVICE_IMEI, _("Scan the device or pick it from stock"));
  if (asks & ASKS (SIM))
    require (problems, line, PROV_ORDER_FIELD_SIM_ICCID, _("Scan the SIM or pick it from stock"));
  if (asks & ASKS (NUMBER))
    require (problems, line, PROV_ORDER_FIELD_NUMBER_MSISDN, _("Reserve a new number"));
  if (asks & ASKS (PORT))
    {
      require (problems, line, PROV_ORDER_FIELD_REQUEST_GAINING_CARRIER, _("Choose the carrier the line goes to"));
      require_true (problems, line, PROV_ORDER_FIELD_NUMBER_CONSENT,
                    _("The customer must agree to end the line's contract here"));
    }
  if (asks & ASKS (LIABILITY))
    {
      if (!is_one_of (prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_LIABILITY_TO),
                      PROV_LINE_REQUEST_LIABILITY_PERSONAL, PROV_LINE_REQUEST_LIABILITY_CORPORATE, NULL))
        g_ptr_array_add (problems, g_strdup (_("Say whether the line goes to a person or to a company")));
      require (problems, line, PROV_ORDER_FIELD_REQUEST_OTHER_PARTY, _("Enter who takes the line over"));
      require_true (problems, line, PROV_ORDER_FIELD_REQUEST_CONSENT, _("Both parties must consent to the transfer"));
    }
  if (asks & ASKS (EMPLOYEE))
    require (problems, line, PROV_ORDER_FIELD_REQUEST_EMPLOYEE, _("Enter the employee the line is for"));
  if ((asks & ASKS (SUSPEND_REASON)) &&
      !is_one_of (prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_SUSPEND_REASON),
                  PROV_LINE_REQUEST_SUSPEND_LOST, PROV_LINE_REQUEST_SUSPEND_STOLEN,
                  PROV_LINE_REQUEST_SUSPEND_TEMPORARY, NULL))
    g_ptr_array_add (problems, g_strdup (_("Choose why the line is suspended: lost, stolen or temporarily")));
  if (asks & ASKS (TERMINATION))
    require_true (problems, line, PROV_ORDER_FIELD_REQUEST_TERMINATION_ACCEPTED,
                  _("Confirm that the customer knows of the early termination fee"));
  if (asks & ASKS (FEATURES))
    require (problems, line, PROV_ORDER_FIELD_REQUEST_FEATURES, _("Choose the features the line is to have"));

  if (asks & ASKS (WARRANTY))
    {
      problem = prov_line_request_check_warranty (prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_PURCHASE_DATE),
                                                  prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_DAMAGE), now);
      if (problem != NULL)
        g_ptr_array_add (problems, g_steal_pointer (&problem));
      require_true (problems, line, PROV_ORDER_FIELD_REQUEST_CHARGEBACK_ACCEPTED,
                    _("Confirm that the customer knows of the chargeback when the old device is not returned"));
    }

  if (g_str_equal (request->id, "restore"))
    {
      problem = prov_line_request_check_restore (prov_order_line_get_field (line, PROV_ORDER_FIELD_REQUEST_LINE_ENDED),
                                                 prov_order_get_field (order, PROV_ORDER_FIELD_REQUEST_RESTORE_WINDOW_DAYS),
                                                 now);
      if (problem != NULL)
        g_ptr_array_add (problems, g_steal_pointer (&problem));
    }
}
