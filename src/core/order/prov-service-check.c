#include <glib/gi18n-lib.h>

#include "prov-order-rules.h"
#include "prov-service-check.h"

/*
 * The reseller portal's validity report: everything that keeps the
 * services from being created, and the minor faults that only keep
 * something from working until they are fixed, each with the page where
 * the clerk fixes it.
 */

void
prov_validity_item_free (ProvValidityItem *item)
{
  if (item == NULL)
    return;

  g_free (item->message);
  g_free (item);
}

static void
add (GPtrArray            *report,
     ProvValiditySeverity  severity,
     const char           *page_id,
     char                 *message)
{
  ProvValidityItem *item = g_new0 (ProvValidityItem, 1);

  item->severity = severity;
  item->page_id = page_id;
  item->message = message;
  g_ptr_array_add (report, item);
}

/* A field's rule problem, said with the field's name. */
static void
add_rule_problem (GPtrArray  *report,
                  const char *page_id,
                  const char *what,
                  char       *problem)
{
  if (problem == NULL)
    return;

  /* Translators: a field, then what is wrong with it, e.g. "Customer's e-mail: Required" */
  add (report, PROV_VALIDITY_ERROR, page_id, g_strdup_printf (_("%s: %s"), what, problem));
  g_free (problem);
}

static void
check_customer (ProvOrder *order,
                GPtrArray *report)
{
  if (prov_order_get_field (order, PROV_ORDER_FIELD_RESELLER_ID) == NULL)
    add (report, PROV_VALIDITY_ERROR, "customer", g_strdup (_("Choose the reseller the customer comes under")));

  if (g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_MODE), "existing") == 0)
    {
      if (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_ID) == NULL)
        add (report, PROV_VALIDITY_ERROR, "customer", g_strdup (_("Choose the existing customer")));
      return;
    }

  add_rule_problem (report, "customer", _("Customer's name"),
                    prov_rule_check_required (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_NAME)));
  add_rule_problem (report, "customer", _("Customer's e-mail"),
                    prov_rule_check_email (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_EMAIL)));
  add_rule_problem (report, "customer", _("Account PIN"),
                    prov_rule_check_account_pin (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_ACCOUNT_PIN)));
  if (prov_order_get_field (order, PROV_ORDER_FIELD_CUSTOMER_PHONE) == NULL)
    add (report, PROV_VALIDITY_WARNING, "customer",
         g_strdup (_("The customer has no phone number: the carrier cannot text them about faults until they have one")));
}

static void
check_numbers_and_settings (ProvOrder   *order,
                            ProvCatalog *catalog,
                            GPtrArray   *report)
{
  const char *service = prov_order_get_field (order, PROV_ORDER_FIELD_SERVICE_TYPE);
  GPtrArray *settings = catalog != NULL && service != NULL ? prov_catalog_get_settings (catalog, service) : NULL;
  guint n_numbers = 0;

  if (service == NULL)
    add (report, PROV_VALIDITY_ERROR, "service", g_strdup (_("Choose a service type")));

  for (guint i = 0; i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);
      const char *number = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN);

      if (number == NULL)
        continue;
      n_numbers++;

      if (g_strcmp0 (prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_SOURCE), "cache") == 0)
        /* Translators: %s is a phone number */
        add (report, PROV_VALIDITY_WARNING, "numbers",
             g_strdup_printf (_("%s was picked from this till's reserve while the carrier could not be asked: "
                                "it may have gone meanwhile, and the service on it is not created until the carrier "
                                "confirms it"), number));

      for (guint s = 0; settings != NULL && s < settings->len; s++)
        {
          const ProvServiceSetting *setting = g_ptr_array_index (settings, s);
          g_autofree char *key = g_strconcat (PROV_ORDER_FIELD_SETTING_PREFIX, setting->name, NULL);
          char *problem = prov_service_setting_check (setting, prov_order_line_get_field (line, key));

          if (problem != NULL)
            {
              /* Translators: a phone number, then what is wrong with one of its settings */
              add (report, PROV_VALIDITY_ERROR, "settings", g_strdup_printf (_("%s: %s"), number, problem));
              g_free (problem);
            }
        }
    }

  if (n_numbers == 0)
    add (report, PROV_VALIDITY_ERROR, "numbers", g_strdup (_("Add at least one number")));
}

static void
check_billing (ProvOrder   *order,
               ProvCatalog *catalog,
               GPtrArray   *report)
{
  const char *price_list = prov_order_get_field (order, PROV_ORDER_FIELD_BILLING_PRICE_LIST);

  if (price_list == NULL)
    {
      add (report, PROV_VALIDITY_ERROR, "billing", g_strdup (_("Choose a price list")));
      return;
    }

  for (guint i = 0; catalog != NULL && i < prov_order_get_n_lines (order); i++)
    {
      ProvOrderLine *line = prov_order_get_line (order, i);
      const char *number = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_MSISDN);
      const char *grade = prov_order_line_get_field (line, PROV_ORDER_FIELD_NUMBER_GRADE);

      if (number != NULL && prov_catalog_find_number_price (catalog, price_list, grade != NULL ? grade : "standard") == NULL)
        /* Translators: a phone number, then its grade (gold, silver, standard) */
        add (report, PROV_VALIDITY_ERROR, "billing",
             g_strdup_printf (_("%s: the price list has no price for %s numbers"), number,
                              grade != NULL ? grade : "standard"));
    }
}

GPtrArray *
prov_service_check (ProvOrder   *order,
                    ProvCatalog *catalog)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GPtrArray *report = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_validity_item_free);

  g_return_val_if_fail (PROV_IS_ORDER (order), report);

  check_customer (order, found);
  /* A customer account alone has no service, numbers or settings. */
  if (g_strcmp0 (prov_order_get_field (order, PROV_ORDER_FIELD_SERVICE_ACCOUNT_ONLY), "true") != 0)
    check_numbers_and_settings (order, catalog, found);
  check_billing (order, catalog, found);

  /* Errors first; within each, the pages' order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < found->len; i++)
      if (((ProvValidityItem *) g_ptr_array_index (found, i))->severity == (pass == 0 ? PROV_VALIDITY_ERROR
                                                                                         : PROV_VALIDITY_WARNING))
        g_ptr_array_add (report, g_ptr_array_index (found, i));

  return report;
}

guint
prov_service_check_count (GPtrArray            *report,
                          ProvValiditySeverity  severity)
{
  guint count = 0;

  for (guint i = 0; i < report->len; i++)
    count += ((ProvValidityItem *) g_ptr_array_index (report, i))->severity == severity;
  return count;
}
