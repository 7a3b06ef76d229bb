#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The store's people at the till. Stored: never renumber, only append. */
typedef enum {
  PROV_STAFF_ROLE_CLERK = 1,
  PROV_STAFF_ROLE_MANAGER = 2,
} ProvStaffRole;

/* The fewest digits of a PIN, by role. */
#define PROV_STAFF_CLERK_PIN_DIGITS   4
#define PROV_STAFF_MANAGER_PIN_DIGITS 6
/* Longer is no PIN a clerk types at a till. */
#define PROV_STAFF_PIN_MAX_DIGITS     12

/* Wrong PINs in a row that lock a person, and for how long. */
#define PROV_STAFF_MAX_WRONG_PINS     5
#define PROV_STAFF_LOCKOUT_USEC       (15 * 60 * G_USEC_PER_SEC)

/* A staff member as the store keeps them; the PIN only as its hash. */
typedef struct {
  gint64         id;
  char          *name;
  ProvStaffRole  role;
  gboolean       active;
  char          *pin_hash;        /* Argon2id, crypto_pwhash_str's format */
  guint          wrong_pins;      /* in a row */
  gint64         locked_until;    /* real time in µs; 0: not locked */
  gint64         created_at;
} ProvStaffMember;

#define PROV_TYPE_STAFF_MEMBER (prov_staff_member_get_type ())
GType            prov_staff_member_get_type   (void);
ProvStaffMember *prov_staff_member_copy       (const ProvStaffMember *member);
void             prov_staff_member_free       (ProvStaffMember       *member);
gboolean         prov_staff_member_is_locked  (const ProvStaffMember *member,
                                               gint64                 now);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProvStaffMember, prov_staff_member_free)

gboolean         prov_staff_role_is_valid     (int            value);
const char      *prov_staff_role_to_id        (ProvStaffRole  role);
gboolean         prov_staff_role_from_id      (const char    *id,
                                               ProvStaffRole *out_role);
const char      *prov_staff_role_get_title    (ProvStaffRole  role);

char            *prov_staff_check_pin         (ProvStaffRole  role,
                                               const char    *pin);
char            *prov_staff_check_new_pin     (ProvStaffRole  role,
                                               const char    *pin,
                                               const char    *repeated);
char            *prov_staff_check_name        (const char    *name);

G_END_DECLS
