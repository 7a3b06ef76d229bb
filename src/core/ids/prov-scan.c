#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-scan.h"

G_DEFINE_BOXED_TYPE (ProvScan, prov_scan, prov_scan_copy, prov_scan_free)

typedef struct {
  const char *ai;
  guint       fixed_length;  /* 0: variable, ended by GS or the end */
  guint       max_length;
  ProvIdKind  id_kind;
} AiDefinition;

/* The application identifiers a device box or SIM carrier shows; 8040–8043
 * carry the identifiers a counter scans. */
static const AiDefinition ai_definitions[] = {
  { "00", 18, 18, PROV_ID_KIND_UNKNOWN },     /* SSCC */
  { "01", 14, 14, PROV_ID_KIND_UNKNOWN },     /* GTIN */
  { "02", 14, 14, PROV_ID_KIND_UNKNOWN },
  { "10", 0, 20, PROV_ID_KIND_UNKNOWN },      /* batch */
  { "11", 6, 6, PROV_ID_KIND_UNKNOWN },       /* production date */
  { "13", 6, 6, PROV_ID_KIND_UNKNOWN },
  { "15", 6, 6, PROV_ID_KIND_UNKNOWN },
  { "17", 6, 6, PROV_ID_KIND_UNKNOWN },       /* expiry */
  { "21", 0, 20, PROV_ID_KIND_UNKNOWN },      /* serial number */
  { "22", 0, 20, PROV_ID_KIND_UNKNOWN },
  { "240", 0, 30, PROV_ID_KIND_UNKNOWN },
  { "241", 0, 30, PROV_ID_KIND_UNKNOWN },
  { "8040", 0, 16, PROV_ID_KIND_IMEI },
  { "8041", 0, 16, PROV_ID_KIND_IMEI },       /* the second IMEI of a dual-SIM phone */
  { "8042", 0, 32, PROV_ID_KIND_EID },
  { "8043", 0, 20, PROV_ID_KIND_ICCID },
};

/* AIM symbology identifiers whose data is a GS1 element string. */
static const char * const gs1_symbologies[] = { "C1", "e0", "d2", "Q3", "J1" };

static void
element_free (ProvScanElement *element)
{
  g_free (element->ai);
  g_free (element->value);
  g_free (element);
}

static const AiDefinition *
lookup_ai (const char *data)
{
  for (guint i = 0; i < G_N_ELEMENTS (ai_definitions); i++)
    if (g_str_has_prefix (data, ai_definitions[i].ai))
      return &ai_definitions[i];

  return NULL;
}

/* Both forms of element string obey the same lengths. */
static gboolean
add_element (ProvScan           *scan,
             const AiDefinition *definition,
             const char         *value,
             gsize               length)
{
  ProvScanElement *element;

  if (length == 0 || length > definition->max_length ||
      (definition->fixed_length > 0 && length != definition->fixed_length))
    {
      scan->error = g_strdup_printf (_("The data of application identifier %s has the wrong length"), definition->ai);
      return FALSE;
    }

  element = g_new0 (ProvScanElement, 1);
  element->ai = g_strdup (definition->ai);
  element->value = g_strndup (value, length);
  g_ptr_array_add (scan->elements, element);

  return TRUE;
}

/* "(01)09506000134352(8040)490154203237518": how people type them. */
static gboolean
parse_bracketed (ProvScan   *scan,
                 const char *data)
{
  const char *p = data;

  while (*p == '(')
    {
      const char *close = strchr (p, ')');
      const AiDefinition *definition;
      const char *next;
      g_autofree char *ai = NULL;

      if (close == NULL)
        return FALSE;
      ai = g_strndup (p + 1, close - p - 1);
      definition = lookup_ai (ai);
      if (definition == NULL || strlen (ai) != strlen (definition->ai))
        {
          scan->error = g_strdup_printf (_("The code has an application identifier (%s) that Provisioner does not know"), ai);
          return TRUE;
        }
      next = strchr (close, '(');
      if (!add_element (scan, definition, close + 1, next != NULL ? (gsize) (next - close - 1) : strlen (close + 1)))
        return TRUE;
      p = next != NULL ? next : close + strlen (close);
    }

  return *p == '\0' && scan->elements->len > 0;
}

static void
parse_element_string (ProvScan   *scan,
                      const char *data)
{
  const char *p = data;

  /* A leading FNC1 only marks the symbol as GS1. */
  while (*p == PROV_SCAN_GS)
    p++;

  while (*p != '\0')
    {
      const AiDefinition *definition = lookup_ai (p);
      gsize ai_length;
      gsize length;

      if (definition == NULL)
        {
          scan->error = g_strdup_printf (_("The code has an application identifier Provisioner does not know, at “%.4s”"), p);
          return;
        }

      ai_length = strlen (definition->ai);
      p += ai_length;

      if (definition->fixed_length > 0)
        length = MIN (definition->fixed_length, strlen (p));
      else
        {
          const char *end = strchr (p, PROV_SCAN_GS);
          length = end != NULL ? (gsize) (end - p) : strlen (p);
        }

      if (!add_element (scan, definition, p, length))
        return;
      p += length;
      if (*p == PROV_SCAN_GS)
        p++;
    }
}

static gboolean
symbology_is_gs1 (const char *symbology)
{
  if (symbology == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (gs1_symbologies); i++)
    if (strcmp (symbology, gs1_symbologies[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Without an AIM prefix, an element string is recognised by its shape:
 * only a complete parse into a product and an identifier counts, so an
 * ICCID or IMEI is never mistaken for one. */
static gboolean
looks_like_element_string (const char *data)
{
  g_autoptr(ProvScan) trial = NULL;

  if (strchr (data, PROV_SCAN_GS) != NULL || data[0] == '(')
    return TRUE;

  if (!g_str_has_prefix (data, "01") && !g_str_has_prefix (data, "804"))
    return FALSE;

  trial = g_new0 (ProvScan, 1);
  trial->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) element_free);
  parse_element_string (trial, data);

  return trial->error == NULL && trial->elements->len >= 2;
}

static void
collect_ids (ProvScan *scan)
{
  if (!scan->gs1)
    {
      g_ptr_array_add (scan->ids, prov_id_recognize (scan->data));
      return;
    }

  for (guint i = 0; i < scan->elements->len; i++)
    {
      ProvScanElement *element = g_ptr_array_index (scan->elements, i);
      const AiDefinition *definition = lookup_ai (element->ai);

      /* A box names one product; a repeated 01 does not change it. */
      if (strcmp (element->ai, "01") == 0 && scan->gtin == NULL)
        scan->gtin = g_strdup (element->value);
      else if (definition != NULL && definition->id_kind != PROV_ID_KIND_UNKNOWN)
        g_ptr_array_add (scan->ids, prov_id_parse (definition->id_kind, element->value));
    }
}

ProvScan *
prov_scan_parse (const char *raw)
{
  ProvScan *scan = g_new0 (ProvScan, 1);
  const char *data = raw;
  gsize length;

  scan->raw = g_strdup (raw);
  scan->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) element_free);
  scan->ids = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_id_free);

  /* AIM symbology identifier: "]", a letter, a modifier character. */
  if (data[0] == ']' && g_ascii_isalpha (data[1]) && data[2] != '\0')
    {
      scan->symbology = g_strndup (data + 1, 2);
      data += 3;
    }

  length = strlen (data);
  while (length > 0 && (data[length - 1] == '\r' || data[length - 1] == '\n' || data[length - 1] == '\t'))
    length--;
  scan->data = g_strndup (data, length);

  scan->gs1 = symbology_is_gs1 (scan->symbology) || looks_like_element_string (scan->data);
  if (scan->gs1 && !parse_bracketed (scan, scan->data) && scan->error == NULL)
    parse_element_string (scan, scan->data);

  if (scan->error == NULL)
    collect_ids (scan);

  return scan;
}

/* The first identifier of one of @kinds (a mask of 1 << ProvIdKind). */
ProvId *
prov_scan_find_id (const ProvScan *scan,
                   guint32         kinds)
{
  for (guint i = 0; i < scan->ids->len; i++)
    {
      ProvId *id = g_ptr_array_index (scan->ids, i);

      if (kinds & (1u << id->kind))
        return id;
    }

  return NULL;
}

ProvScan *
prov_scan_copy (const ProvScan *scan)
{
  return prov_scan_parse (scan->raw);
}

void
prov_scan_free (ProvScan *scan)
{
  if (scan == NULL)
    return;

  g_free (scan->raw);
  g_free (scan->symbology);
  g_free (scan->data);
  g_clear_pointer (&scan->elements, g_ptr_array_unref);
  g_clear_pointer (&scan->ids, g_ptr_array_unref);
  g_free (scan->gtin);
  g_free (scan->error);
  g_free (scan);
}
