#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-pin-rule.h"

/* A PIN nobody's specification limits still has to fit the carrier's
 * characteristic value; no real PIN comes near this. */
#define LONGEST_PIN 64

struct _ProvPinRule
{
  guint  min_digits;
  guint  max_digits;
  char  *factory_pin;
};

G_DEFINE_BOXED_TYPE (ProvPinRule, prov_pin_rule, prov_pin_rule_copy, prov_pin_rule_free)

/* @max_digits 0: no upper limit stated. */
ProvPinRule *
prov_pin_rule_new (guint       min_digits,
                   guint       max_digits,
                   const char *factory_pin)
{
  ProvPinRule *rule = g_new0 (ProvPinRule, 1);

  rule->min_digits = MAX (min_digits, 1);
  rule->max_digits = max_digits == 0 ? LONGEST_PIN : MIN (MAX (max_digits, rule->min_digits), LONGEST_PIN);
  rule->factory_pin = g_strdup (factory_pin != NULL && *factory_pin != '\0' ? factory_pin : NULL);
  return rule;
}

ProvPinRule *
prov_pin_rule_copy (const ProvPinRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return prov_pin_rule_new (rule->min_digits, rule->max_digits, rule->factory_pin);
}

void
prov_pin_rule_free (ProvPinRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->factory_pin);
  g_free (rule);
}

guint
prov_pin_rule_get_min_digits (const ProvPinRule *rule)
{
  return rule != NULL ? rule->min_digits : 1;
}

guint
prov_pin_rule_get_max_digits (const ProvPinRule *rule)
{
  return rule != NULL ? rule->max_digits : LONGEST_PIN;
}

const char *
prov_pin_rule_get_factory_pin (const ProvPinRule *rule)
{
  return rule != NULL ? rule->factory_pin : NULL;
}

/* NULL when @pin will do, else a translated message for beside the field.
 * The factory PIN is accepted: the user then changes it at first login. */
char *
prov_pin_rule_check (const ProvPinRule *rule,
                     const char        *pin)
{
  guint min = prov_pin_rule_get_min_digits (rule);
  guint max = prov_pin_rule_get_max_digits (rule);
  gsize length = pin != NULL ? strlen (pin) : 0;

  if (length == 0)
    return g_strdup (_("Required"));

  for (const char *c = pin; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return g_strdup (_("Only digits"));

  if (prov_pin_rule_must_change (rule, pin))
    return NULL;

  if (length < min || length > max)
    return prov_pin_rule_dup_hint (rule);

  return NULL;
}

gboolean
prov_pin_rule_must_change (const ProvPinRule *rule,
                           const char        *pin)
{
  return rule != NULL && rule->factory_pin != NULL && g_strcmp0 (pin, rule->factory_pin) == 0;
}

/* How many digits, as the field's hint and its message. */
char *
prov_pin_rule_dup_hint (const ProvPinRule *rule)
{
  guint min = prov_pin_rule_get_min_digits (rule);
  guint max = prov_pin_rule_get_max_digits (rule);

  if (max >= LONGEST_PIN)
    return min <= 1 ? g_strdup (_("A PIN is made of digits"))
                    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A PIN has at least %u digit",
                                                    "A PIN has at least %u digits", min), min);
  if (min == max)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A PIN has %u digit", "A PIN has %u digits", min), min);

  /* Translators: "A PIN has 4 to 8 digits" */
  return g_strdup_printf (_("A PIN has %u to %u digits"), min, max);
}
