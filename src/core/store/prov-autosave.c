#include "prov-autosave.h"

/*
 * Saves an order after every change, off the main thread.
 *
 * Saves are coalesced rather than delayed: the first change is written at
 * once; changes made while that write is under way are written together as
 * soon as it finishes. A timer-based debounce would lose every edit of its
 * window in a crash; this loses at most the edits of one write.
 */

#define RETRY_AFTER_FAILURE_SECONDS 5

struct _ProvAutosave
{
  GObject       parent_instance;

  ProvStore    *store;
  ProvOrder    *order;
  GCancellable *cancellable;

  gboolean      in_flight;
  gboolean      dirty;
  GError       *error;
  guint         retry_source;
  GPtrArray    *flush_waiters;
};

G_DEFINE_FINAL_TYPE (ProvAutosave, prov_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SAVED,
  N_PROPS
};

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_save       (ProvAutosave *self);
static void on_order_changed (ProvAutosave *self);

ProvAutosave *
prov_autosave_new (ProvStore *store,
                   ProvOrder *order)
{
  ProvAutosave *self;

  g_return_val_if_fail (PROV_IS_STORE (store), NULL);
  g_return_val_if_fail (PROV_IS_ORDER (order), NULL);

  self = g_object_new (PROV_TYPE_AUTOSAVE, NULL);
  self->store = g_object_ref (store);
  self->order = g_object_ref (order);
  g_signal_connect_swapped (order, "changed", G_CALLBACK (on_order_changed), self);

  return self;
}

ProvOrder *
prov_autosave_get_order (ProvAutosave *self)
{
  g_return_val_if_fail (PROV_IS_AUTOSAVE (self), NULL);

  return self->order;
}

/* TRUE when everything the order holds is in the database. */
gboolean
prov_autosave_get_saved (ProvAutosave *self)
{
  g_return_val_if_fail (PROV_IS_AUTOSAVE (self), FALSE);

  return !self->in_flight && !self->dirty && self->error == NULL;
}

/* The last save's error, until a save succeeds again. */
const GError *
prov_autosave_get_error (ProvAutosave *self)
{
  g_return_val_if_fail (PROV_IS_AUTOSAVE (self), NULL);

  return self->error;
}

static void
complete_flush_waiters (ProvAutosave *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->flush_waiters);

  self->flush_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (self->error != NULL)
        g_task_return_error (task, g_error_copy (self->error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static gboolean
retry_save (gpointer user_data)
{
  ProvAutosave *self = user_data;

  self->retry_source = 0;
  if (!self->in_flight)
    start_save (self);

  return G_SOURCE_REMOVE;
}

static void
on_save_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ProvAutosave) self = user_data;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_saved = prov_autosave_get_saved (self);

  self->in_flight = FALSE;

  if (!prov_store_save_order_finish (PROV_STORE (source), result, &conflicts, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      /* Keep the edits in memory and try again: the disk may be freed. */
      self->dirty = TRUE;
      if (self->retry_source == 0)
        self->retry_source = g_timeout_add_seconds (RETRY_AFTER_FAILURE_SECONDS, retry_save, self);
      g_signal_emit (self, signals[FAILED], 0, error);
      complete_flush_waiters (self);
    }
  else
    {
      g_clear_error (&self->error);
      g_signal_emit (self, signals[SAVED], 0, conflicts);

      if (self->dirty)
        start_save (self);
      else
        complete_flush_waiters (self);
    }

  if (was_saved != prov_autosave_get_saved (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
}

static void
start_save (ProvAutosave *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);

  self->dirty = FALSE;
  self->in_flight = TRUE;
  prov_store_save_order_async (self->store, self->order, self->cancellable,
                               on_save_finished, g_object_ref (self));
}

static void
on_order_changed (ProvAutosave *self)
{
  gboolean was_saved = prov_autosave_get_saved (self);

  if (self->in_flight)
    self->dirty = TRUE;
  else
    start_save (self);

  if (was_saved != prov_autosave_get_saved (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
}

void
prov_autosave_flush_async (ProvAutosave        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PROV_IS_AUTOSAVE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, prov_autosave_flush_async);

  if (self->dirty && !self->in_flight)
    start_save (self);

  if (!self->in_flight && !self->dirty)
    {
      if (self->error != NULL)
        g_task_return_error (task, g_error_copy (self->error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_add (self->flush_waiters, g_steal_pointer (&task));
}

/* Fails with the last save's error when the order could not be saved. */
gboolean
prov_autosave_flush_finish (ProvAutosave  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
prov_autosave_dispose (GObject *object)
{
  ProvAutosave *self = PROV_AUTOSAVE (object);

  if (self->order != NULL)
    g_signal_handlers_disconnect_by_data (self->order, self);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_object (&self->order);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (prov_autosave_parent_class)->dispose (object);
}

static void
prov_autosave_finalize (GObject *object)
{
  ProvAutosave *self = PROV_AUTOSAVE (object);

  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_ptr_array_unref (self->flush_waiters);

  G_OBJECT_CLASS (prov_autosave_parent_class)->finalize (object);
}

static void
prov_autosave_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ProvAutosave *self = PROV_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_SAVED:
      g_value_set_boolean (value, prov_autosave_get_saved (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prov_autosave_class_init (ProvAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = prov_autosave_dispose;
  object_class->finalize = prov_autosave_finalize;
  object_class->get_property = prov_autosave_get_property;

  properties[PROP_SAVED] =
    g_param_spec_boolean ("saved", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After each successful write, with the identifiers other orders hold. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
prov_autosave_init (ProvAutosave *self)
{
  self->cancellable = g_cancellable_new ();
  self->flush_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}
