#include <glib/gi18n-lib.h>

#include "prov-pin-hash.h"
#include "prov-store-error.h"
#include "prov-store-private.h"

/*
 * The store's staff: who may use the till, in which role, with their PIN
 * as an Argon2id hash only (prov-pin-hash.c makes and checks it, never
 * here: this runs on the store's worker). Wrong PINs are counted here, in
 * the same transaction that reads the count, so that two tries at once
 * cannot both slip under the limit, and the count survives a restart.
 */

#define STAFF_COLUMNS "id, name, role, active, pin_hash, wrong_pins, locked_until, created_at"

static gpointer
read_member (sqlite3_stmt *statement)
{
  ProvStaffMember *member = g_new0 (ProvStaffMember, 1);

  member->id = sqlite3_column_int64 (statement, 0);
  member->name = g_strdup (_prov_store_column_text (statement, 1));
  member->role = sqlite3_column_int (statement, 2);
  member->active = sqlite3_column_int (statement, 3) != 0;
  member->pin_hash = g_strdup (_prov_store_column_text (statement, 4));
  member->wrong_pins = sqlite3_column_int (statement, 5);
  member->locked_until = sqlite3_column_int64 (statement, 6);
  member->created_at = sqlite3_column_int64 (statement, 7);

  return member;
}

/* The member named @name (any case), or NULL without an error. */
static ProvStaffMember *
worker_find_member (StoreWorker  *worker,
                    const char   *name,
                    gint64        id,
                    GError      **error)
{
  sqlite3_stmt *statement = _prov_store_worker_prepare (worker,
                                                        "SELECT " STAFF_COLUMNS " FROM staff "
                                                        "WHERE name = ?1 COLLATE NOCASE OR id = ?2",
                                                        error);
  ProvStaffMember *member = NULL;
  int rc;

  if (statement == NULL)
    return NULL;

  _prov_store_bind_text (statement, 1, name);
  sqlite3_bind_int64 (statement, 2, id);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    member = read_member (statement);
  else if (rc != SQLITE_DONE)
    prov_store_set_sqlite_error (error, worker->db, NULL);
  _prov_store_statement_done (statement);

  return member;
}

static ProvStaffMember *
worker_require_member (StoreWorker  *worker,
                       const char   *name,
                       gint64        id,
                       GError      **error)
{
  GError *local_error = NULL;
  ProvStaffMember *member = worker_find_member (worker, name, id, &local_error);

  if (member == NULL && local_error == NULL)
    g_set_error (&local_error, PROV_STORE_ERROR, PROV_STORE_ERROR_NOT_FOUND,
                 _("Nobody called “%s” works at this till"), name != NULL ? name : "");
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return member;
}

/* ---- adding ------------------------------------------------------------ */

typedef struct {
  char            *name;
  ProvStaffRole    role;
  char            *pin_hash;
  ProvStaffMember *added;   /* out */
} AddArgs;

static void
add_args_free (AddArgs *args)
{
  g_free (args->name);
  g_free (args->pin_hash);
  prov_staff_member_free (args->added);
  g_free (args);
}

static gboolean
write_member (StoreWorker  *worker,
              gpointer      data,
              GError      **error)
{
  AddArgs *args = data;
  g_autoptr(ProvStaffMember) existing = NULL;
  sqlite3_stmt *insert;

  if ((existing = worker_find_member (worker, args->name, -1, error)) != NULL)
    {
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_ALREADY_THERE,
                   _("“%s” works at this till already"), existing->name);
      return FALSE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  if (!(insert = _prov_store_worker_prepare (worker,
                                             "INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)",
                                             error)))
    return FALSE;
  _prov_store_bind_text (insert, 1, args->name);
  sqlite3_bind_int (insert, 2, args->role);
  _prov_store_bind_text (insert, 3, args->pin_hash);
  sqlite3_bind_int64 (insert, 4, g_get_real_time ());
  if (!_prov_store_worker_run (worker, insert, error))
    return FALSE;

  args->added = worker_require_member (worker, args->name, -1, error);
  return args->added != NULL;
}

static void
worker_add_member (StoreWorker *worker,
                   GTask       *task,
                   gpointer     data)
{
  AddArgs *args = data;
  g_autoptr(GError) error = NULL;

  if (!_prov_store_worker_write (worker, write_member, args, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&args->added), (GDestroyNotify) prov_staff_member_free);
}

/* Adds @name in @role with the hash of their PIN (prov_pin_hash_async);
 * refused with PROV_STORE_ERROR_ALREADY_THERE when the name is taken, in
 * any case. */
void
prov_store_add_staff_async (ProvStore           *self,
                            const char          *name,
                            ProvStaffRole        role,
                            const char          *pin_hash,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  AddArgs *args;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (name != NULL && prov_staff_role_is_valid (role) && pin_hash != NULL);

  args = g_new0 (AddArgs, 1);
  args->name = g_strstrip (g_strdup (name));
  args->role = role;
  args->pin_hash = g_strdup (pin_hash);
  _prov_store_push (self, worker_add_member, args, (GDestroyNotify) add_args_free, NULL,
                    cancellable, callback, user_data, prov_store_add_staff_async);
}

ProvStaffMember *
prov_store_add_staff_finish (ProvStore     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_add_staff_async, error);
}

typedef struct {
  char          *name;
  ProvStaffRole  role;
} NewMember;

static void
new_member_free (NewMember *new_member)
{
  g_free (new_member->name);
  g_free (new_member);
}

static void
on_new_member_added (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ProvStaffMember *member = prov_store_add_staff_finish (PROV_STORE (source), result, &error);

  if (member == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, member, (GDestroyNotify) prov_staff_member_free);
}

static void
on_new_pin_hashed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NewMember *new_member = g_task_get_task_data (task);
  g_autofree char *hash = NULL;
  GError *error = NULL;
  ProvStore *store;

  if ((hash = prov_pin_hash_finish (result, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  store = g_task_get_source_object (task);
  prov_store_add_staff_async (store, new_member->name, new_member->role, hash, g_task_get_cancellable (task),
                              on_new_member_added, g_steal_pointer (&task));
}

/* As prov_store_add_staff_async, for @pin itself: it is hashed first, in
 * a thread of its own (prov_pin_hash_async). What the sign-in's first
 * manager, the Staff page and provisioner-cli staff add do. */
void
prov_store_add_staff_with_pin_async (ProvStore           *self,
                                     const char          *name,
                                     ProvStaffRole        role,
                                     const char          *pin,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  NewMember *new_member;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (name != NULL && prov_staff_role_is_valid (role) && pin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_store_add_staff_with_pin_async);
  new_member = g_new0 (NewMember, 1);
  new_member->name = g_strdup (name);
  new_member->role = role;
  g_task_set_task_data (task, new_member, (GDestroyNotify) new_member_free);
  prov_pin_hash_async (pin, cancellable, on_new_pin_hashed, task);
}

ProvStaffMember *
prov_store_add_staff_with_pin_finish (ProvStore     *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_add_staff_with_pin_async, error);
}

/* ---- reading ----------------------------------------------------------- */

static void
worker_list_staff (StoreWorker *worker,
                   GTask       *task,
                   gpointer     data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement;

  if (!_prov_store_worker_require_db (worker, &error) ||
      !(statement = _prov_store_worker_prepare (worker,
                                                "SELECT " STAFF_COLUMNS " FROM staff ORDER BY name COLLATE NOCASE",
                                                &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _prov_store_worker_return_rows (worker, task, statement, read_member, (GDestroyNotify) prov_staff_member_free);
}

/* Everyone, active or not, by name: a GPtrArray of ProvStaffMember. */
void
prov_store_list_staff_async (ProvStore           *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (PROV_IS_STORE (self));

  _prov_store_push (self, worker_list_staff, NULL, NULL, NULL,
                    cancellable, callback, user_data, prov_store_list_staff_async);
}

GPtrArray *
prov_store_list_staff_finish (ProvStore     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_list_staff_async, error);
}

/* ---- changing one person ----------------------------------------------- */

typedef enum {
  CHANGE_PIN_TRIED,      /* @right: the PIN typed was theirs */
  CHANGE_PIN,            /* @pin_hash is their new PIN's */
  CHANGE_ACTIVE,         /* @active */
  CHANGE_ROLE,           /* @role */
  CHANGE_UNLOCK,
} Change;

typedef struct {
  gint64           id;
  Change           change;
  gboolean         right;
  gboolean         active;
  ProvStaffRole    role;
  char            *pin_hash;
  ProvStaffMember *changed;   /* out */
} ChangeArgs;

static void
change_args_free (ChangeArgs *args)
{
  g_free (args->pin_hash);
  prov_staff_member_free (args->changed);
  g_free (args);
}

static guint
worker_count_active_managers (StoreWorker  *worker,
                              GError      **error)
{
  sqlite3_stmt *statement = _prov_store_worker_prepare (worker,
                                                        "SELECT count(*) FROM staff WHERE active AND role = ?",
                                                        error);
  guint count = 0;

  if (statement == NULL)
    return 0;
  sqlite3_bind_int (statement, 1, PROV_STAFF_ROLE_MANAGER);
  if (sqlite3_step (statement) == SQLITE_ROW)
    count = sqlite3_column_int (statement, 0);
  else
    prov_store_set_sqlite_error (error, worker->db, NULL);
  _prov_store_statement_done (statement);

  return count;
}

static gboolean
write_change (StoreWorker  *worker,
              gpointer      data,
              GError      **error)
{
  ChangeArgs *args = data;
  g_autoptr(ProvStaffMember) member = worker_require_member (worker, NULL, args->id, error);
  gint64 now = g_get_real_time ();
  sqlite3_stmt *update;

  if (member == NULL)
    return FALSE;

  switch (args->change)
    {
    case CHANGE_PIN_TRIED:
      if (args->right)
        {
          member->wrong_pins = 0;
          member->locked_until = 0;
          if (args->pin_hash != NULL)
            {
              g_free (member->pin_hash);
              member->pin_hash = g_strdup (args->pin_hash);
            }
        }
      else if (++member->wrong_pins >= PROV_STAFF_MAX_WRONG_PINS)
        {
          /* Locked; the next five tries come after the wait. */
          member->wrong_pins = 0;
          member->locked_until = now + PROV_STAFF_LOCKOUT_USEC;
        }
      break;
    case CHANGE_PIN:
      g_free (member->pin_hash);
      member->pin_hash = g_strdup (args->pin_hash);
      member->wrong_pins = 0;
      member->locked_until = 0;
      break;
    case CHANGE_UNLOCK:
      member->wrong_pins = 0;
      member->locked_until = 0;
      break;
    case CHANGE_ACTIVE:
    case CHANGE_ROLE:
      {
        gboolean loses_manager = member->active && member->role == PROV_STAFF_ROLE_MANAGER &&
                                 ((args->change == CHANGE_ACTIVE && !args->active) ||
                                  (args->change == CHANGE_ROLE && args->role != PROV_STAFF_ROLE_MANAGER));
        guint managers = loses_manager ? worker_count_active_managers (worker, error) : 0;

        if (error != NULL && *error != NULL)
          return FALSE;
        if (loses_manager && managers <= 1)
          {
            g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_LAST_MANAGER,
                         _("%s is the till's last manager: make someone else a manager first"), member->name);
            return FALSE;
          }
        if (args->change == CHANGE_ACTIVE)
          member->active = args->active;
        else
          member->role = args->role;
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (!(update = _prov_store_worker_prepare (worker,
                                             "UPDATE staff SET role = ?2, active = ?3, pin_hash = ?4, wrong_pins = ?5, "
                                             "  locked_until = ?6 WHERE id = ?1",
                                             error)))
    return FALSE;
  sqlite3_bind_int64 (update, 1, member->id);
  sqlite3_bind_int (update, 2, member->role);
  sqlite3_bind_int (update, 3, member->active);
  _prov_store_bind_text (update, 4, member->pin_hash);
  sqlite3_bind_int (update, 5, member->wrong_pins);
  sqlite3_bind_int64 (update, 6, member->locked_until);
  if (!_prov_store_worker_run (worker, update, error))
    return FALSE;

  args->changed = g_steal_pointer (&member);
  return TRUE;
}

static void
worker_change_member (StoreWorker *worker,
                      GTask       *task,
                      gpointer     data)
{
  ChangeArgs *args = data;
  g_autoptr(GError) error = NULL;

  if (!_prov_store_worker_write (worker, write_change, args, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&args->changed), (GDestroyNotify) prov_staff_member_free);
}

static void
push_change (ProvStore           *self,
             ChangeArgs          *args,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  _prov_store_push (self, worker_change_member, args, (GDestroyNotify) change_args_free, NULL,
                    cancellable, callback, user_data, prov_store_change_staff_finish);
}

static ChangeArgs *
change_args_new (gint64 id,
                 Change change)
{
  ChangeArgs *args = g_new0 (ChangeArgs, 1);

  args->id = id;
  args->change = change;
  return args;
}

/* Records a PIN typed for @id: a wrong one counts towards the lockout, a
 * right one clears the count (and stores @new_hash, when checking it gave
 * one: see prov_pin_verify_finish). */
void
prov_store_record_pin_try_async (ProvStore           *self,
                                 gint64               id,
                                 gboolean             right,
                                 const char          *new_hash,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ChangeArgs *args = change_args_new (id, CHANGE_PIN_TRIED);

  args->right = right;
  args->pin_hash = g_strdup (new_hash);
  push_change (self, args, cancellable, callback, user_data);
}

void
prov_store_set_staff_pin_async (ProvStore           *self,
                                gint64               id,
                                const char          *pin_hash,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ChangeArgs *args = change_args_new (id, CHANGE_PIN);

  g_return_if_fail (pin_hash != NULL);

  args->pin_hash = g_strdup (pin_hash);
  push_change (self, args, cancellable, callback, user_data);
}

/* Refused with PROV_STORE_ERROR_LAST_MANAGER for the last active manager:
 * a till without one could never approve, unlock or add anyone again. */
void
prov_store_set_staff_active_async (ProvStore           *self,
                                   gint64               id,
                                   gboolean             active,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ChangeArgs *args = change_args_new (id, CHANGE_ACTIVE);

  args->active = active;
  push_change (self, args, cancellable, callback, user_data);
}

/* Refused as prov_store_set_staff_active_async for the last manager. */
void
prov_store_set_staff_role_async (ProvStore           *self,
                                 gint64               id,
                                 ProvStaffRole        role,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ChangeArgs *args = change_args_new (id, CHANGE_ROLE);

  g_return_if_fail (prov_staff_role_is_valid (role));

  args->role = role;
  push_change (self, args, cancellable, callback, user_data);
}

void
prov_store_unlock_staff_async (ProvStore           *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  push_change (self, change_args_new (id, CHANGE_UNLOCK), cancellable, callback, user_data);
}

/* The finish of every change above: the person as they are now. */
ProvStaffMember *
prov_store_change_staff_finish (ProvStore     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _prov_store_finish_pointer (self, result, prov_store_change_staff_finish, error);
}

/* ---- a PIN typed ------------------------------------------------------- */

typedef struct {
  gint64   id;
  gboolean right;
} PinTry;

static void
on_pin_try_recorded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ProvStaffMember *member = prov_store_change_staff_finish (PROV_STORE (source), result, &error);

  if (member == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, member, (GDestroyNotify) prov_staff_member_free);
}

static void
on_pin_checked (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PinTry *pin_try = g_task_get_task_data (task);
  g_autofree char *new_hash = NULL;
  GError *error = NULL;
  ProvStore *store;

  pin_try->right = prov_pin_verify_finish (result, &new_hash, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Recorded whatever happens to the caller: a wrong PIN counts. */
  store = g_task_get_source_object (task);
  prov_store_record_pin_try_async (store, pin_try->id, pin_try->right, new_hash, NULL, on_pin_try_recorded,
                                   g_steal_pointer (&task));
}

/* Checks @pin against @member's (in a thread of its own) and records the
 * try: what signing in and a manager override do. */
void
prov_store_try_pin_async (ProvStore             *self,
                          const ProvStaffMember *member,
                          const char            *pin,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  GTask *task;
  PinTry *pin_try;

  g_return_if_fail (PROV_IS_STORE (self));
  g_return_if_fail (member != NULL && pin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_store_try_pin_async);
  pin_try = g_new0 (PinTry, 1);
  pin_try->id = member->id;
  g_task_set_task_data (task, pin_try, g_free);
  prov_pin_verify_async (member->pin_hash, pin, cancellable, on_pin_checked, task);
}

/* The person as they are after the try (locked, perhaps); @right says
 * whether the PIN was theirs. */
ProvStaffMember *
prov_store_try_pin_finish (ProvStore     *self,
                           GAsyncResult  *result,
                           gboolean      *right,
                           GError       **error)
{
  ProvStaffMember *member = _prov_store_finish_pointer (self, result, prov_store_try_pin_async, error);

  if (right != NULL)
    *right = member != NULL && ((PinTry *) g_task_get_task_data (G_TASK (result)))->right;
  return member;
}
