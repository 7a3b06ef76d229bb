#include "prov-order-filter.h"

G_DEFINE_BOXED_TYPE (ProvOrderFilter, prov_order_filter, prov_order_filter_copy, prov_order_filter_free)

ProvOrderFilter *
prov_order_filter_new (const char *text,
                       guint32     states,
                       guint32     kinds)
{
  ProvOrderFilter *filter = g_new0 (ProvOrderFilter, 1);
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  filter->text = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
  filter->states = states;
  filter->kinds = kinds;

  return filter;
}

ProvOrderFilter *
prov_order_filter_copy (const ProvOrderFilter *filter)
{
  ProvOrderFilter *copy;

  if (filter == NULL)
    return NULL;

  copy = prov_order_filter_new (filter->text, filter->states, filter->kinds);
  copy->customer_id = g_strdup (filter->customer_id);
  return copy;
}

/* Only the orders of the customer the carrier knows as @customer_id
 * (NULL: everyone's). */
void
prov_order_filter_set_customer (ProvOrderFilter *filter,
                                const char      *customer_id)
{
  g_free (filter->customer_id);
  filter->customer_id = g_strdup (customer_id);
}

void
prov_order_filter_free (ProvOrderFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->text);
  g_free (filter->customer_id);
  g_free (filter);
}

gboolean
prov_order_filter_equal (const ProvOrderFilter *a,
                         const ProvOrderFilter *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->text, b->text) == 0 && a->states == b->states && a->kinds == b->kinds &&
         g_strcmp0 (a->customer_id, b->customer_id) == 0;
}

/* "%text%" for LIKE … ESCAPE '\', with the clerk's % and _ taken literally,
 * or NULL when there is nothing to search for. */
char *
prov_order_filter_dup_like_pattern (const ProvOrderFilter *filter)
{
  GString *pattern;

  if (filter == NULL || filter->text == NULL)
    return NULL;

  pattern = g_string_new ("%");
  for (const char *p = filter->text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}
