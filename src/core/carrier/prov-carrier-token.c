#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "prov-carrier-token.h"

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".CarrierToken", SECRET_SCHEMA_NONE,
    {
      { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
prov_carrier_token_store_async (const char          *profile,
                                const char          *token,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = g_strdup_printf (_("Provisioner: API token for carrier profile “%s”"), profile);

  g_task_set_source_tag (task, prov_carrier_token_store_async);
  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, on_stored, task,
                         "profile", profile,
                         NULL);
}

gboolean
prov_carrier_token_store_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

void
prov_carrier_token_lookup_async (const char          *profile,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, prov_carrier_token_lookup_async);
  secret_password_lookup (token_schema (), cancellable, on_looked_up, task,
                          "profile", profile,
                          NULL);
}

/* NULL without an error when no token is stored for the profile. Free the
 * token with secret_password_free(), which clears the memory. */
char *
prov_carrier_token_lookup_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
prov_carrier_token_clear_async (const char          *profile,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, prov_carrier_token_clear_async);
  secret_password_clear (token_schema (), cancellable, on_cleared, task,
                         "profile", profile,
                         NULL);
}

gboolean
prov_carrier_token_clear_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
