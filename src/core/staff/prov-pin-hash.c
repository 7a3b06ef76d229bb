#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "prov-pin-hash.h"

/*
 * Each PIN is hashed with a random salt, so two people with the same PIN
 * have different hashes, and Argon2id makes trying every 4-digit PIN on a
 * stolen database slow. A PIN lives in memory only as long as its hash
 * takes: every copy made here is wiped (sodium_memzero) when done.
 */

#define HASH_PREFIX "$argon2id$"

static gboolean
ensure_sodium (GError **error)
{
  static gsize started;   /* 1: ready, 2: failed */

  if (g_once_init_enter (&started))
    g_once_init_leave (&started, sodium_init () >= 0 ? 1 : 2);

  if (started != 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PIN cannot be checked: libsodium did not start"));
      return FALSE;
    }
  return TRUE;
}

/* Wipes a PIN typed or read, then frees it. */
void
prov_pin_wipe (char *pin)
{
  if (pin == NULL)
    return;

  sodium_memzero (pin, strlen (pin));
  g_free (pin);
}

typedef struct {
  char *hash;   /* NULL when hashing */
  char *pin;
} PinJob;

static void
pin_job_free (PinJob *job)
{
  g_free (job->hash);
  prov_pin_wipe (job->pin);
  g_free (job);
}

static char *
hash_pin (const char  *pin,
          GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str (hash, pin, strlen (pin),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("The PIN could not be stored: not enough memory to protect it"));
      return NULL;
    }

  return g_strdup (hash);
}

static void
hash_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  PinJob *job = data;
  GError *error = NULL;
  char *hash;

  if (!ensure_sodium (&error) || (hash = hash_pin (job->pin, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

void
prov_pin_hash_async (const char          *pin,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PinJob *job = g_new0 (PinJob, 1);

  g_return_if_fail (pin != NULL);

  job->pin = g_strdup (pin);
  g_task_set_source_tag (task, prov_pin_hash_async);
  g_task_set_task_data (task, job, (GDestroyNotify) pin_job_free);
  g_task_run_in_thread (task, hash_in_thread);
}

char *
prov_pin_hash_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  gboolean  matched;
  char     *new_hash;   /* when the stored one is weaker than today's limits */
} Verdict;

static void
verdict_free (Verdict *verdict)
{
  g_free (verdict->new_hash);
  g_free (verdict);
}

static void
verify_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  PinJob *job = data;
  Verdict *verdict;
  GError *error = NULL;

  if (!ensure_sodium (&error))
    {
      g_task_return_error (task, error);
      return;
    }

  verdict = g_new0 (Verdict, 1);
  verdict->matched = prov_pin_hash_is_argon2id (job->hash) &&
                     crypto_pwhash_str_verify (job->hash, job->pin, strlen (job->pin)) == 0;
  if (verdict->matched &&
      crypto_pwhash_str_needs_rehash (job->hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    verdict->new_hash = hash_pin (job->pin, NULL);

  g_task_return_pointer (task, verdict, (GDestroyNotify) verdict_free);
}

/* Whether @pin is the one @hash was made of. */
void
prov_pin_verify_async (const char          *hash,
                       const char          *pin,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PinJob *job = g_new0 (PinJob, 1);

  g_return_if_fail (hash != NULL && pin != NULL);

  job->hash = g_strdup (hash);
  job->pin = g_strdup (pin);
  g_task_set_source_tag (task, prov_pin_verify_async);
  g_task_set_task_data (task, job, (GDestroyNotify) pin_job_free);
  g_task_run_in_thread (task, verify_in_thread);
}

/* FALSE without @error for a wrong PIN. When the PIN is right but its
 * hash was made under weaker limits than today's, @new_hash is the hash
 * to store in its place (else NULL). */
gboolean
prov_pin_verify_finish (GAsyncResult  *result,
                        char         **new_hash,
                        GError       **error)
{
  Verdict *verdict;
  gboolean matched;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  verdict = g_task_propagate_pointer (G_TASK (result), error);
  if (verdict == NULL)
    return FALSE;

  matched = verdict->matched;
  if (new_hash != NULL)
    *new_hash = g_steal_pointer (&verdict->new_hash);
  verdict_free (verdict);

  return matched;
}

gboolean
prov_pin_hash_is_argon2id (const char *hash)
{
  return hash != NULL && g_str_has_prefix (hash, HASH_PREFIX);
}
