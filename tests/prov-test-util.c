#include <sys/prctl.h>
#include <string.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "prov-test-util.h"

void
prov_test_store_result (GObject      *source,
                        GAsyncResult *result,
                        gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

GAsyncResult *
prov_test_await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
prov_test_percentile (double *values,
                      guint   count,
                      guint   percent)
{
  g_return_val_if_fail (count > 0 && percent <= 100, 0);

  qsort (values, count, sizeof values[0], compare_doubles);
  return values[MIN (count - 1, (guint64) count * percent / 100)];
}

char *
prov_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("provisioner-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
prov_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          prov_test_remove_tree (child);
        else
          g_unlink (child);
      }

  g_rmdir (path);
}

ProvStore *
prov_test_open_store (const char  *path,
                      char       **moved_aside_path)
{
  g_autoptr(ProvStore) store = prov_store_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  prov_store_open_async (store, NULL, prov_test_store_result, &result);
  prov_store_open_finish (store, prov_test_await (&result), moved_aside_path, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

GPtrArray *
prov_test_save (ProvStore  *store,
                ProvOrder  *order,
                GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *conflicts = NULL;

  prov_store_save_order_async (store, order, NULL, prov_test_store_result, &result);
  prov_store_save_order_finish (store, prov_test_await (&result), &conflicts, error);

  return conflicts;
}

ProvOrder *
prov_test_load (ProvStore   *store,
                const char  *uuid,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_load_order_async (store, uuid, NULL, prov_test_store_result, &result);
  return prov_store_load_order_finish (store, prov_test_await (&result), error);
}

gboolean
prov_test_transition (ProvStore       *store,
                      ProvOrder       *order,
                      ProvOrderState   to,
                      GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  prov_store_transition_async (store, order, to, "test", "because the test says so", NULL,
                               prov_test_store_result, &result);
  return prov_store_transition_finish (store, prov_test_await (&result), error);
}

void
prov_test_close_store (ProvStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  prov_store_close_async (store, NULL, prov_test_store_result, &result);
  prov_store_close_finish (store, prov_test_await (&result), &error);
  g_assert_no_error (error);
}

/* An ICCID of the test range with its Luhn check digit. */
char *
prov_test_make_iccid (guint serial)
{
  g_autofree char *body = g_strdup_printf ("893144040001%07u", serial);
  guint sum = 0;
  gsize length = strlen (body);

  for (gsize i = 0; i < length; i++)
    {
      guint digit = body[length - 1 - i] - '0';

      if (i % 2 == 0)
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }

  return g_strdup_printf ("%s%u", body, (10 - sum % 10) % 10);
}

/* A test that fails aborts; what it started must not outlive it: a left
 * over sandbox keeps the harness waiting on its output pipe, a left over
 * app takes the next test's start-up for a second instance. */
void
prov_test_die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}
