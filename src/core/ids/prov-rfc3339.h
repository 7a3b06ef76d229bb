#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Date-times as the TM Forum APIs carry them: RFC 3339, which is a strict
 * subset of what GLib's ISO 8601 functions read and write. */
char     *prov_rfc3339_format   (GDateTime  *time);
gboolean  prov_rfc3339_is_valid (const char *text);

G_END_DECLS
