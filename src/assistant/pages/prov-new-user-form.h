#pragma once

#include <adwaita.h>

#include "prov-assistant-page.h"

G_BEGIN_DECLS

/* What the carriers' portals ask of a new user: first name, prefix, last
 * name, e-mail and the language of announcements and voicemail, written to
 * the order as they are typed. Emits "changed" after every edit. */
#define PROV_TYPE_NEW_USER_FORM (prov_new_user_form_get_type ())
G_DECLARE_FINAL_TYPE (ProvNewUserForm, prov_new_user_form, PROV, NEW_USER_FORM, AdwPreferencesGroup)

void      prov_new_user_form_load          (ProvNewUserForm *self,
                                            ProvPageContext *context);
gboolean  prov_new_user_form_get_complete  (ProvNewUserForm *self);
char     *prov_new_user_form_dup_full_name (ProvNewUserForm *self);
void      prov_new_user_form_focus_first   (ProvNewUserForm *self);

G_END_DECLS
