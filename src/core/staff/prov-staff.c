#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-enum.h"
#include "prov-staff.h"

G_DEFINE_BOXED_TYPE (ProvStaffMember, prov_staff_member, prov_staff_member_copy, prov_staff_member_free)

ProvStaffMember *
prov_staff_member_copy (const ProvStaffMember *member)
{
  ProvStaffMember *copy = g_new0 (ProvStaffMember, 1);

  *copy = *member;
  copy->name = g_strdup (member->name);
  copy->pin_hash = g_strdup (member->pin_hash);

  return copy;
}

void
prov_staff_member_free (ProvStaffMember *member)
{
  if (member == NULL)
    return;

  g_free (member->name);
  g_free (member->pin_hash);
  g_free (member);
}

/* Locked out after too many wrong PINs, until @locked_until. */
gboolean
prov_staff_member_is_locked (const ProvStaffMember *member,
                             gint64                 now)
{
  return member->locked_until > now;
}

typedef struct {
  const char *id;      /* stable: the CLI and exports */
  const char *title;
} RoleInfo;

static const RoleInfo roles[] = {
  [PROV_STAFF_ROLE_CLERK] = { "clerk", N_("Clerk") },
  [PROV_STAFF_ROLE_MANAGER] = { "manager", N_("Manager") },
};

gboolean
prov_staff_role_is_valid (int value)
{
  return value == PROV_STAFF_ROLE_CLERK || value == PROV_STAFF_ROLE_MANAGER;
}

const char *
prov_staff_role_to_id (ProvStaffRole role)
{
  g_return_val_if_fail (prov_staff_role_is_valid (role), NULL);

  return roles[role].id;
}

gboolean
prov_staff_role_from_id (const char    *id,
                         ProvStaffRole *out_role)
{
  for (int role = PROV_STAFF_ROLE_CLERK; role <= PROV_STAFF_ROLE_MANAGER; role++)
    if (g_strcmp0 (id, roles[role].id) == 0)
      {
        *out_role = role;
        return TRUE;
      }

  return FALSE;
}

const char *
prov_staff_role_get_title (ProvStaffRole role)
{
  g_return_val_if_fail (prov_staff_role_is_valid (role), NULL);

  return g_dgettext (GETTEXT_PACKAGE, roles[role].title);
}

/* Why @pin cannot be the PIN of someone in @role, or NULL: digits only,
 * at least 4 for a clerk and 6 for a manager (who allows what clerks may
 * not), at most 12. */
char *
prov_staff_check_pin (ProvStaffRole  role,
                      const char    *pin)
{
  guint least = role == PROV_STAFF_ROLE_MANAGER ? PROV_STAFF_MANAGER_PIN_DIGITS : PROV_STAFF_CLERK_PIN_DIGITS;
  gsize length = pin != NULL ? strlen (pin) : 0;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (pin[i]))
      return g_strdup (_("A PIN has digits only"));

  if (length < least && role == PROV_STAFF_ROLE_MANAGER)
    return g_strdup_printf (ngettext ("A manager's PIN has at least %u digit", "A manager's PIN has at least %u digits",
                                      least), least);
  if (length < least)
    return g_strdup_printf (ngettext ("A clerk's PIN has at least %u digit", "A clerk's PIN has at least %u digits",
                                      least), least);
  if (length > PROV_STAFF_PIN_MAX_DIGITS)
    return g_strdup_printf (_("A PIN has at most %u digits"), PROV_STAFF_PIN_MAX_DIGITS);

  return NULL;
}

/* Why a new PIN, typed twice as @pin and @repeated, cannot be the PIN of
 * someone in @role, or NULL. */
char *
prov_staff_check_new_pin (ProvStaffRole  role,
                          const char    *pin,
                          const char    *repeated)
{
  char *problem = prov_staff_check_pin (role, pin);

  if (problem == NULL && g_strcmp0 (pin, repeated) != 0)
    problem = g_strdup (_("The two PINs differ: type the same PIN twice"));
  return problem;
}

/* Why @name cannot name a staff member, or NULL. */
char *
prov_staff_check_name (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*stripped == '\0')
    return g_strdup (_("Enter the name colleagues know this person by"));
  if (!g_utf8_validate (stripped, -1, NULL) || g_utf8_strlen (stripped, -1) > 80)
    return g_strdup (_("A name has at most 80 characters"));
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return g_strdup (_("A name has no control characters"));

  return NULL;
}
