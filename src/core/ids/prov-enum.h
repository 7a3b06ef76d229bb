#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Stored enums are exchanged by their nicks (stable ids); these look them
 * up for any registered enum type. */
const char *prov_enum_get_nick  (GType       type,
                                 int         value);
gboolean    prov_enum_from_nick (GType       type,
                                 const char *nick,
                                 int        *out_value);

G_END_DECLS
