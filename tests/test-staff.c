/* Staff and their PINs: Argon2id hashes only, checked off the main loop;
 * PIN rules by role; wrong PINs lock a person, across a restart, until the
 * wait is over or a manager unlocks them; the last manager stays. */
#include <string.h>

#include <sodium.h>

#include "prov-pin-hash.h"
#include "prov-store.h"
#include "prov-store-error.h"
#include "prov-test-util.h"

#define MANAGER_PIN "246813"
#define CLERK_PIN   "975319"

static char *
hash_pin (const char *pin)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *hash;

  prov_pin_hash_async (pin, NULL, prov_test_store_result, &result);
  hash = prov_pin_hash_finish (prov_test_await (&result), &error);
  g_assert_no_error (error);
  return hash;
}

static gboolean
verify_pin (const char  *hash,
            const char  *pin,
            char       **new_hash)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean right;

  prov_pin_verify_async (hash, pin, NULL, prov_test_store_result, &result);
  right = prov_pin_verify_finish (prov_test_await (&result), new_hash, &error);
  g_assert_no_error (error);
  return right;
}

/* libsodium's Argon2id string with the interactive limits; a salt of its
 * own each time; a hash made under weaker limits is made again. */
static void
test_hash_format (void)
{
  g_autofree char *first = hash_pin ("1234");
  g_autofree char *second = hash_pin ("1234");
  g_autofree char *expected_params = g_strdup_printf ("$argon2id$v=19$m=%zu,t=%llu,p=1$",
                                                      (size_t) crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024,
                                                      (unsigned long long) crypto_pwhash_OPSLIMIT_INTERACTIVE);
  g_autofree char *new_hash = NULL;
  char weak[crypto_pwhash_STRBYTES];

  g_assert_true (g_str_has_prefix (first, expected_params));
  g_assert_true (prov_pin_hash_is_argon2id (first));
  g_assert_null (strstr (first, "1234"));
  g_assert_cmpstr (first, !=, second);

  g_assert_true (verify_pin (first, "1234", &new_hash));
  g_assert_null (new_hash);
  g_assert_false (verify_pin (first, "1235", &new_hash));
  g_assert_false (verify_pin (first, "", &new_hash));
  g_assert_false (verify_pin ("not a hash", "1234", &new_hash));

  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_cmpint (crypto_pwhash_str (weak, "1234", 4, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN), ==, 0);
  g_assert_true (verify_pin (weak, "1234", &new_hash));
  g_assert_nonnull (new_hash);
  g_assert_true (g_str_has_prefix (new_hash, expected_params));
  g_assert_true (verify_pin (new_hash, "1234", NULL));
}

static void
test_pin_rules (void)
{
  const struct {
    ProvStaffRole role;
    const char   *pin;
    gboolean      fine;
  } cases[] = {
    { PROV_STAFF_ROLE_CLERK, "1234", TRUE },
    { PROV_STAFF_ROLE_CLERK, "123", FALSE },
    { PROV_STAFF_ROLE_CLERK, "12a4", FALSE },
    { PROV_STAFF_ROLE_CLERK, "", FALSE },
    { PROV_STAFF_ROLE_MANAGER, "12345", FALSE },
    { PROV_STAFF_ROLE_MANAGER, "123456", TRUE },
    { PROV_STAFF_ROLE_MANAGER, "1234567890123", FALSE },
    { PROV_STAFF_ROLE_CLERK, "١٢٣٤", FALSE },   /* Arabic-Indic digits: not what the keypad sends */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *problem = prov_staff_check_pin (cases[i].role, cases[i].pin);

      g_test_message ("%s %s: %s", prov_staff_role_to_id (cases[i].role), cases[i].pin, problem ? problem : "fine");
      g_assert_true ((problem == NULL) == cases[i].fine);
    }
}

typedef struct {
  char      *dir;
  char      *path;
  ProvStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = prov_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "orders.db", NULL);
  fixture->store = prov_test_open_store (fixture->path, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  prov_test_close_store (fixture->store);
  prov_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static ProvStaffMember *
add (ProvStore     *store,
     const char    *name,
     ProvStaffRole  role,
     const char    *pin,
     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *hash = hash_pin (pin);

  prov_store_add_staff_async (store, name, role, hash, NULL, prov_test_store_result, &result);
  return prov_store_add_staff_finish (store, prov_test_await (&result), error);
}

static ProvStaffMember *
try_pin (ProvStore             *store,
         const ProvStaffMember *member,
         const char            *pin)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_hash = NULL;
  gboolean right = verify_pin (member->pin_hash, pin, &new_hash);
  ProvStaffMember *tried;

  prov_store_record_pin_try_async (store, member->id, right, new_hash, NULL, prov_test_store_result, &result);
  tried = prov_store_change_staff_finish (store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  return tried;
}

/* Neither the database nor its WAL holds a PIN, only its hash. */
static void
test_no_pin_in_the_database (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ProvStaffMember) manager = add (fixture->store, "Marit de Vries", PROV_STAFF_ROLE_MANAGER, MANAGER_PIN, NULL);
  g_autoptr(ProvStaffMember) clerk = add (fixture->store, "Sem Bakker", PROV_STAFF_ROLE_CLERK, CLERK_PIN, NULL);
  g_autoptr(ProvStaffMember) tried = try_pin (fixture->store, clerk, CLERK_PIN);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_assert_nonnull (manager);
  g_assert_nonnull (clerk);
  g_assert_true (prov_test_file_contains (wal, "$argon2id$") || prov_test_file_contains (fixture->path, "$argon2id$"));
  g_assert_false (prov_test_file_contains (fixture->path, MANAGER_PIN));
  g_assert_false (prov_test_file_contains (wal, MANAGER_PIN));
  g_assert_false (prov_test_file_contains (fixture->path, CLERK_PIN));
  g_assert_false (prov_test_file_contains (wal, CLERK_PIN));
}

/* Five wrong PINs in a row lock a person for a quarter of an hour; the
 * lock is in the database, so a restart does not lift it; a manager can. */
static void
test_lockout_survives_restart (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(ProvStaffMember) manager = add (fixture->store, "Marit de Vries", PROV_STAFF_ROLE_MANAGER, MANAGER_PIN, NULL);
  g_autoptr(ProvStaffMember) clerk = add (fixture->store, "Sem Bakker", PROV_STAFF_ROLE_CLERK, CLERK_PIN, NULL);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ProvStaffMember) unlocked = NULL;
  ProvStaffMember *reloaded = NULL;
  gint64 before = g_get_real_time ();

  for (guint i = 0; i < PROV_STAFF_MAX_WRONG_PINS; i++)
    {
      g_autoptr(ProvStaffMember) tried = try_pin (fixture->store, clerk, "0000");

      g_assert_true (prov_staff_member_is_locked (tried, g_get_real_time ()) == (i + 1 == PROV_STAFF_MAX_WRONG_PINS));
      if (i == 2)
        {
          /* The count itself is kept: a restart does not start it again. */
          prov_test_close_store (fixture->store);
          fixture->store = prov_test_open_store (fixture->path, NULL);
          prov_store_list_staff_async (fixture->store, NULL, prov_test_store_result, &result);
          staff = prov_store_list_staff_finish (fixture->store, prov_test_await (&result), &error);
          g_assert_no_error (error);
          g_clear_object (&result);
          g_assert_cmpuint (((ProvStaffMember *) g_ptr_array_index (staff, 1))->wrong_pins, ==, 3);
          g_clear_pointer (&staff, g_ptr_array_unref);
        }
    }

  prov_test_close_store (fixture->store);
  fixture->store = prov_test_open_store (fixture->path, NULL);
  prov_store_list_staff_async (fixture->store, NULL, prov_test_store_result, &result);
  staff = prov_store_list_staff_finish (fixture->store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (staff->len, ==, 2);
  reloaded = g_ptr_array_index (staff, 1);   /* by name: Marit, Sem */
  g_assert_cmpstr (reloaded->name, ==, "Sem Bakker");
  g_assert_true (prov_staff_member_is_locked (reloaded, g_get_real_time ()));
  g_assert_cmpint (reloaded->locked_until, >=, before + PROV_STAFF_LOCKOUT_USEC);
  g_assert_false (prov_staff_member_is_locked (reloaded, reloaded->locked_until));

  prov_store_unlock_staff_async (fixture->store, reloaded->id, NULL, prov_test_store_result, &result);
  unlocked = prov_store_change_staff_finish (fixture->store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_false (prov_staff_member_is_locked (unlocked, g_get_real_time ()));
  g_assert_cmpuint (unlocked->wrong_pins, ==, 0);
}

/* The till always keeps an active manager; names are one per person,
 * whatever their case. */
static void
test_last_manager_stays (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ProvStaffMember) manager = add (fixture->store, "Marit de Vries", PROV_STAFF_ROLE_MANAGER, MANAGER_PIN, NULL);
  g_autoptr(ProvStaffMember) second = NULL;
  g_autoptr(ProvStaffMember) changed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (add (fixture->store, "MARIT DE VRIES", PROV_STAFF_ROLE_CLERK, CLERK_PIN, &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_ALREADY_THERE);
  g_clear_error (&error);

  prov_store_set_staff_active_async (fixture->store, manager->id, FALSE, NULL, prov_test_store_result, &result);
  g_assert_null (prov_store_change_staff_finish (fixture->store, prov_test_await (&result), &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_LAST_MANAGER);
  g_clear_error (&error);
  g_clear_object (&result);

  prov_store_set_staff_role_async (fixture->store, manager->id, PROV_STAFF_ROLE_CLERK, NULL, prov_test_store_result,
                                   &result);
  g_assert_null (prov_store_change_staff_finish (fixture->store, prov_test_await (&result), &error));
  g_assert_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_LAST_MANAGER);
  g_clear_error (&error);
  g_clear_object (&result);

  /* With a second manager, the first may go; deactivated, they keep
   * their name and row. */
  second = add (fixture->store, "Joost Smit", PROV_STAFF_ROLE_MANAGER, "864209", &error);
  g_assert_no_error (error);
  prov_store_set_staff_active_async (fixture->store, manager->id, FALSE, NULL, prov_test_store_result, &result);
  changed = prov_store_change_staff_finish (fixture->store, prov_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_false (changed->active);
  g_assert_cmpstr (changed->name, ==, "Marit de Vries");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staff/hash-format", test_hash_format);
  g_test_add_func ("/staff/pin-rules", test_pin_rules);
  g_test_add ("/staff/no-pin-in-the-database", Fixture, NULL, fixture_set_up, test_no_pin_in_the_database,
              fixture_tear_down);
  g_test_add ("/staff/lockout-survives-restart", Fixture, NULL, fixture_set_up, test_lockout_survives_restart,
              fixture_tear_down);
  g_test_add ("/staff/last-manager-stays", Fixture, NULL, fixture_set_up, test_last_manager_stays,
              fixture_tear_down);

  return g_test_run ();
}
