#include "prov-session.h"

/*
 * The till is signed in to one staff member at a time. It locks when they
 * sign out, on Ctrl+L, when the screensaver starts, and after
 * "lock-after-minutes" without a key pressed or the pointer moved in any
 * of its windows (0: never). Locking only forgets who is signed in: the
 * drafts are saved as they are typed, and the windows hide what they show
 * until someone signs in again.
 */

#define IDLE_CHECK_SECONDS 5

struct _ProvSession
{
  GObject          parent_instance;

  GSettings       *settings;
  ProvStaffMember *staff;
  gint64           last_activity;
  guint            idle_source;
};

G_DEFINE_FINAL_TYPE (ProvSession, prov_session, G_TYPE_OBJECT)

enum { PROP_0, PROP_STAFF, N_PROPS };
static GParamSpec *properties[N_PROPS];

static gboolean
check_idle (gpointer user_data)
{
  ProvSession *self = user_data;
  int minutes = g_settings_get_int (self->settings, "lock-after-minutes");

  if (self->staff != NULL && minutes > 0 &&
      g_get_monotonic_time () - self->last_activity >= (gint64) minutes * 60 * G_USEC_PER_SEC)
    prov_session_lock (self, "idle");

  return G_SOURCE_CONTINUE;
}

ProvSession *
prov_session_new (GSettings *settings)
{
  ProvSession *self = g_object_new (PROV_TYPE_SESSION, NULL);

  self->settings = g_object_ref (settings);
  self->last_activity = g_get_monotonic_time ();
  self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, check_idle, self);
  g_source_set_name_by_id (self->idle_source, "[provisioner] idle lock");

  return self;
}

/* NULL while the till is locked. */
const ProvStaffMember *
prov_session_get_staff (ProvSession *self)
{
  g_return_val_if_fail (PROV_IS_SESSION (self), NULL);

  return self->staff;
}

/* The name the timeline and the confirmation give whoever does something
 * now; NULL while locked. */
const char *
prov_session_get_name (ProvSession *self)
{
  g_return_val_if_fail (PROV_IS_SESSION (self), NULL);

  return self->staff != NULL ? self->staff->name : NULL;
}

gboolean
prov_session_is_manager (ProvSession *self)
{
  g_return_val_if_fail (PROV_IS_SESSION (self), FALSE);

  return self->staff != NULL && self->staff->role == PROV_STAFF_ROLE_MANAGER;
}

void
prov_session_sign_in (ProvSession           *self,
                      const ProvStaffMember *member)
{
  g_return_if_fail (PROV_IS_SESSION (self));
  g_return_if_fail (member != NULL);

  prov_staff_member_free (self->staff);
  self->staff = prov_staff_member_copy (member);
  self->last_activity = g_get_monotonic_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

/* Forgets who is signed in; @why goes to the debug log ("sign-out",
 * "idle", "screensaver"). */
void
prov_session_lock (ProvSession *self,
                   const char  *why)
{
  g_return_if_fail (PROV_IS_SESSION (self));

  if (self->staff == NULL)
    return;

  g_debug ("Till locked (%s); %s signed out", why, self->staff->name);
  g_clear_pointer (&self->staff, prov_staff_member_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

/* A key or the pointer in one of the till's windows. */
void
prov_session_note_activity (ProvSession *self)
{
  g_return_if_fail (PROV_IS_SESSION (self));

  self->last_activity = g_get_monotonic_time ();
}

static void
prov_session_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ProvSession *self = PROV_SESSION (object);

  switch (prop_id)
    {
    case PROP_STAFF:
      g_value_set_boxed (value, self->staff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_session_finalize (GObject *object)
{
  ProvSession *self = PROV_SESSION (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_pointer (&self->staff, prov_staff_member_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prov_session_parent_class)->finalize (object);
}

static void
prov_session_class_init (ProvSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = prov_session_get_property;
  object_class->finalize = prov_session_finalize;

  /* Who is signed in; NULL while the till is locked. */
  properties[PROP_STAFF] = g_param_spec_boxed ("staff", NULL, NULL, PROV_TYPE_STAFF_MEMBER,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prov_session_init (ProvSession *self)
{
}
