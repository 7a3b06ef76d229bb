#include <glib/gi18n-lib.h>

#include "prov-store-error.h"

G_DEFINE_QUARK (prov-store-error-quark, prov_store_error)

/* Turns SQLite's last error into one the clerk can act on. */
void
prov_store_set_sqlite_error (GError     **error,
                             sqlite3     *db,
                             const char  *detail)
{
  int code = sqlite3_errcode (db) & 0xff;
  const char *message = detail != NULL ? detail : sqlite3_errmsg (db);

  switch (code)
    {
    case SQLITE_FULL:
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_DISK_FULL,
                   _("The disk is full, so the latest changes could not be saved. The last saved version is kept. Free some disk space to continue."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_CORRUPT,
                   _("The order database is damaged (%s)"), message);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_UNREADABLE,
                   _("The order database cannot be opened for writing (%s)"), message);
      break;

    default:
      g_set_error (error, PROV_STORE_ERROR, PROV_STORE_ERROR_FAILED,
                   _("The order database reported an error: %s"), message);
    }
}
