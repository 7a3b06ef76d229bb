#include <string.h>

#include "prov-rfc3339.h"

/* g_date_time_format_iso8601 writes an offset of whole hours as "+01",
 * which RFC 3339 does not allow: it wants "+01:00", or "Z" for UTC. */
char *
prov_rfc3339_format (GDateTime *time)
{
  g_autofree char *local = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *offset = NULL;

  if (g_date_time_get_utc_offset (time) == 0)
    return g_strconcat (local, "Z", NULL);

  offset = g_date_time_format (time, "%:z");
  return g_strconcat (local, offset, NULL);
}

static gboolean
digits (const char *text,
        guint       count)
{
  for (guint i = 0; i < count; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* RFC 3339 section 5.6, date-time: 2026-11-30T09:15:00Z,
 * 2026-11-30T10:15:00.250+01:00; and a real date and time. */
gboolean
prov_rfc3339_is_valid (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  const char *rest;

  if (text == NULL || strlen (text) < 20 ||
      !digits (text, 4) || text[4] != '-' || !digits (text + 5, 2) || text[7] != '-' || !digits (text + 8, 2) ||
      (text[10] != 'T' && text[10] != 't') ||
      !digits (text + 11, 2) || text[13] != ':' || !digits (text + 14, 2) || text[16] != ':' || !digits (text + 17, 2))
    return FALSE;

  rest = text + 19;
  if (*rest == '.')
    {
      rest++;
      if (!g_ascii_isdigit (*rest))
        return FALSE;
      while (g_ascii_isdigit (*rest))
        rest++;
    }

  if ((*rest == 'Z' || *rest == 'z') && rest[1] == '\0')
    ;
  else if ((*rest == '+' || *rest == '-') && digits (rest + 1, 2) && rest[3] == ':' && digits (rest + 4, 2) &&
           rest[6] == '\0')
    ;
  else
    return FALSE;

  /* The fields are in range: no 2026-02-30, no 25:00. A leap second
   * (:60) is valid RFC 3339 that GLib does not take. */
  if (text[17] == '6' && text[18] == '0')
    return TRUE;
  parsed = g_date_time_new_from_iso8601 (text, NULL);

  return parsed != NULL;
}
