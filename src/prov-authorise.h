#pragma once

#include <gtk/gtk.h>

#include "prov-session.h"
#include "prov-store.h"

G_BEGIN_DECLS

/* @who does it; @authorised_by is the manager who allowed them, or NULL
 * when @who is a manager. */
typedef void (*ProvAuthorisedFunc) (const char *who,
                                    const char *authorised_by,
                                    gpointer    user_data);

void prov_authorise (ProvSession        *session,
                     ProvStore          *store,
                     GtkWindow          *parent,
                     const char         *request,
                     ProvAuthorisedFunc  func,
                     gpointer            user_data,
                     GDestroyNotify      destroy);

G_END_DECLS
