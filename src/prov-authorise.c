#include "prov-authorise.h"
#include "prov-override-dialog.h"

/*
 * What only a manager may do: a manager signed in just does it; a clerk
 * gets the manager override (prov-override-dialog.c), which allows that
 * one thing, and both names go on the timeline. Nobody signed in: nothing
 * happens (the till is locked).
 */

typedef struct {
  char               *who;
  ProvAuthorisedFunc  func;
  gpointer            user_data;
  GDestroyNotify      destroy;
} Authorising;

static void
authorising_free (gpointer data)
{
  Authorising *authorising = data;

  if (authorising->destroy != NULL)
    authorising->destroy (authorising->user_data);
  g_free (authorising->who);
  g_free (authorising);
}

static void
authorising_closure_free (gpointer  data,
                          GClosure *closure)
{
  authorising_free (data);
}

static void
on_allowed (ProvOverrideDialog    *dialog,
            const ProvStaffMember *manager,
            Authorising           *authorising)
{
  authorising->func (authorising->who, manager->name, authorising->user_data);
}

/* Runs @func once it is allowed: @request is the sentence the override
 * shows ("Sem Bakker asks to cancel this order."). @destroy frees
 * @user_data when @func has run or never will. */
void
prov_authorise (ProvSession        *session,
                ProvStore          *store,
                GtkWindow          *parent,
                const char         *request,
                ProvAuthorisedFunc  func,
                gpointer            user_data,
                GDestroyNotify      destroy)
{
  Authorising *authorising;
  ProvOverrideDialog *dialog;

  g_return_if_fail (PROV_IS_SESSION (session));

  if (prov_session_get_staff (session) == NULL)
    {
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  if (prov_session_is_manager (session))
    {
      func (prov_session_get_name (session), NULL, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  authorising = g_new0 (Authorising, 1);
  authorising->who = g_strdup (prov_session_get_name (session));
  authorising->func = func;
  authorising->user_data = user_data;
  authorising->destroy = destroy;

  dialog = prov_override_dialog_new (parent, store, authorising->who, request);
  g_signal_connect_data (dialog, "allowed", G_CALLBACK (on_allowed), authorising, authorising_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
