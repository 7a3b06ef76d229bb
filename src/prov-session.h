#pragma once

#include <gio/gio.h>

#include "prov-staff.h"

G_BEGIN_DECLS

/* Who is signed in at the till, if anyone, and when the till locks. */
#define PROV_TYPE_SESSION (prov_session_get_type ())
G_DECLARE_FINAL_TYPE (ProvSession, prov_session, PROV, SESSION, GObject)

ProvSession           *prov_session_new            (GSettings             *settings);
const ProvStaffMember *prov_session_get_staff      (ProvSession           *self);
const char            *prov_session_get_name       (ProvSession           *self);
gboolean               prov_session_is_manager     (ProvSession           *self);
void                   prov_session_sign_in        (ProvSession           *self,
                                                    const ProvStaffMember *member);
void                   prov_session_lock           (ProvSession           *self,
                                                    const char            *why);
void                   prov_session_note_activity  (ProvSession           *self);

G_END_DECLS
