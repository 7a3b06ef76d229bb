#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define PROV_STORE_ERROR (prov_store_error_quark ())
GQuark prov_store_error_quark (void);

typedef enum {
  PROV_STORE_ERROR_FAILED,
  PROV_STORE_ERROR_CORRUPT,
  PROV_STORE_ERROR_UNREADABLE,
  PROV_STORE_ERROR_DISK_FULL,
  PROV_STORE_ERROR_TOO_NEW,
  PROV_STORE_ERROR_NOT_FOUND,
  PROV_STORE_ERROR_NOT_EDITABLE,
  PROV_STORE_ERROR_IDENTIFIER_TAKEN,
  PROV_STORE_ERROR_CLOSED,
  PROV_STORE_ERROR_BUSY,
  PROV_STORE_ERROR_ALREADY_THERE,
  PROV_STORE_ERROR_LAST_MANAGER,
  PROV_STORE_ERROR_OWN_REQUEST,
} ProvStoreError;

void prov_store_set_sqlite_error (GError     **error,
                                  sqlite3     *db,
                                  const char  *detail);

G_END_DECLS
