#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the product's specification says of the PIN a user logs on to the
 * system with: how many digits it has, and the factory PIN that makes the
 * user choose another at first login. Without a specification a PIN is
 * any number of digits and nothing forces a change. */
typedef struct _ProvPinRule ProvPinRule;

#define PROV_TYPE_PIN_RULE (prov_pin_rule_get_type ())
GType         prov_pin_rule_get_type         (void) G_GNUC_CONST;

ProvPinRule  *prov_pin_rule_new              (guint              min_digits,
                                              guint              max_digits,
                                              const char        *factory_pin);
ProvPinRule  *prov_pin_rule_copy             (const ProvPinRule *rule);
void          prov_pin_rule_free             (ProvPinRule       *rule);
guint         prov_pin_rule_get_min_digits   (const ProvPinRule *rule);
guint         prov_pin_rule_get_max_digits   (const ProvPinRule *rule);
const char   *prov_pin_rule_get_factory_pin  (const ProvPinRule *rule);
char         *prov_pin_rule_check            (const ProvPinRule *rule,
                                              const char        *pin);
gboolean      prov_pin_rule_must_change      (const ProvPinRule *rule,
                                              const char        *pin);
char         *prov_pin_rule_dup_hint         (const ProvPinRule *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvPinRule, prov_pin_rule_free)

G_END_DECLS
