#include <string.h>

#include <glib/gi18n-lib.h>

#include "prov-ids.h"
#include "prov-stock.h"

G_DEFINE_BOXED_TYPE (ProvStockItem, prov_stock_item, prov_stock_item_copy, prov_stock_item_free)

ProvStockItem *
prov_stock_item_new (ProvIdKind  kind,
                     const char *identifier,
                     const char *model)
{
  ProvStockItem *item = g_new0 (ProvStockItem, 1);

  item->kind = kind;
  item->identifier = g_strdup (identifier);
  item->status = PROV_STOCK_STATUS_IN_STOCK;
  item->model = model != NULL && *model != '\0' ? g_strdup (model) : NULL;

  return item;
}

ProvStockItem *
prov_stock_item_copy (const ProvStockItem *item)
{
  ProvStockItem *copy = prov_stock_item_new (item->kind, item->identifier, item->model);

  copy->status = item->status;
  copy->added_at = item->added_at;

  return copy;
}

void
prov_stock_item_free (ProvStockItem *item)
{
  if (item == NULL)
    return;

  g_free (item->identifier);
  g_free (item->model);
  g_free (item);
}

const char *
prov_stock_status_get_title (ProvStockStatus status)
{
  switch (status)
    {
    case PROV_STOCK_STATUS_IN_STOCK:
      return _("In stock");
    case PROV_STOCK_STATUS_RESERVED:
      return _("Reserved");
    case PROV_STOCK_STATUS_ASSIGNED:
      return _("Assigned");
    case PROV_STOCK_STATUS_USED:
      return _("Used");
    case PROV_STOCK_STATUS_FAULTY:
      return _("Faulty");
    case PROV_STOCK_STATUS_RETURNED:
      return _("Returned");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* SIMs by ICCID; devices by IMEI, or MEID and ESN for CDMA phones. */
gboolean
prov_stock_accepts_kind (ProvIdKind kind)
{
  return (PROV_STOCK_KINDS & (1u << kind)) != 0;
}

/* ------------------------------------------------------------------------ */
/* CSV, as exported by distributors and spreadsheets                        */

static char
detect_delimiter (const char *first_line)
{
  guint commas = 0, semicolons = 0, tabs = 0;

  for (const char *p = first_line; *p != '\0' && *p != '\n'; p++)
    {
      commas += *p == ',';
      semicolons += *p == ';';
      tabs += *p == '\t';
    }

  if (tabs > commas && tabs > semicolons)
    return '\t';
  return semicolons > commas ? ';' : ',';
}

/* One record; quoted fields may hold the delimiter and doubled quotes. */
static GPtrArray *
split_record (const char *line,
              char        delimiter)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == delimiter)
        {
          g_ptr_array_add (fields, g_strstrip (g_string_free (field, FALSE)));
          field = g_string_new (NULL);
        }
      else
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_strstrip (g_string_free (field, FALSE)));

  return fields;
}

typedef struct {
  int        identifier;
  int        kind;
  int        model;
  ProvIdKind header_kind;
} Columns;

static ProvIdKind
kind_from_word (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (g_str_equal (lower, "sim") || g_str_equal (lower, "iccid"))
    return PROV_ID_KIND_ICCID;
  if (g_str_equal (lower, "device") || g_str_equal (lower, "phone") || g_str_equal (lower, "imei"))
    return PROV_ID_KIND_IMEI;
  if (g_str_equal (lower, "meid"))
    return PROV_ID_KIND_MEID;
  if (g_str_equal (lower, "esn"))
    return PROV_ID_KIND_ESN;

  return PROV_ID_KIND_UNKNOWN;
}

static gboolean
name_mentions (const char *name,
               const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (name, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
is_stock_identifier (const char *cell)
{
  g_autoptr(ProvId) id = prov_id_recognize_among (cell, PROV_STOCK_KINDS);

  return id->valid && prov_stock_accepts_kind (id->kind);
}

/* An identifier, or one mistyped: eight digits or more. A line with one
 * is data, reported when it cannot be used, never skipped as a header. */
static gboolean
looks_like_identifier (const char *cell)
{
  guint digits = 0;

  for (const char *p = cell; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) ? 1 : 0;

  return digits >= 8 || is_stock_identifier (cell);
}

/* A record's columns where there is no header: the identifier is the
 * first cell that is one, the kind the first other cell naming a kind
 * ("sim", "device", …), the model the first cell left. */
static void
guess_columns (GPtrArray *fields,
               Columns   *columns)
{
  *columns = (Columns) { -1, -1, -1, PROV_ID_KIND_UNKNOWN };

  for (guint i = 0; i < fields->len && columns->identifier < 0; i++)
    if (is_stock_identifier (g_ptr_array_index (fields, i)))
      columns->identifier = i;
  if (columns->identifier < 0)
    columns->identifier = 0;

  for (guint i = 0; i < fields->len && columns->kind < 0; i++)
    if ((int) i != columns->identifier && kind_from_word (g_ptr_array_index (fields, i)) != PROV_ID_KIND_UNKNOWN)
      columns->kind = i;

  for (guint i = 0; i < fields->len && columns->model < 0; i++)
    if ((int) i != columns->identifier && (int) i != columns->kind)
      columns->model = i;
}

/* A first line naming its columns is a header; one with an identifier in
 * any of its cells (or what looks like a mistyped one) is data, whatever
 * words the others hold ("sim", "Model B"). Names are matched by the words in them: "ICCID or IMEI",
 * "Serial number", "Type", "Product description". */
static gboolean
read_header (GPtrArray *fields,
             Columns   *columns)
{
  static const char * const identifier_words[] = { "iccid", "imei", "meid", "esn", "identifier", "serial", "number", "code", "id", NULL };
  static const char * const kind_words[] = { "kind", "type", NULL };
  static const char * const model_words[] = { "model", "description", "product", "name", NULL };
  gboolean header = FALSE;

  for (guint i = 0; i < fields->len; i++)
    if (looks_like_identifier (g_ptr_array_index (fields, i)))
      {
        guess_columns (fields, columns);
        return FALSE;
      }

  *columns = (Columns) { -1, -1, -1, PROV_ID_KIND_UNKNOWN };

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_ptr_array_index (fields, i), -1);

      if (columns->kind < 0 && name_mentions (name, kind_words))
        columns->kind = i;
      else if (columns->identifier < 0 && name_mentions (name, identifier_words))
        {
          columns->identifier = i;
          columns->header_kind = kind_from_word (name);
        }
      else if (columns->model < 0 && name_mentions (name, model_words))
        columns->model = i;
      else
        continue;

      header = TRUE;
    }

  if (!header)
    guess_columns (fields, columns);
  else if (columns->identifier < 0)
    columns->identifier = columns->kind != 0 && columns->model != 0 ? 0 : 1;

  return header;
}

static const char *
field_at (GPtrArray *fields,
          int        index)
{
  return index >= 0 && (guint) index < fields->len ? g_ptr_array_index (fields, index) : NULL;
}

/* The file as UTF-8 text: a byte order mark says UTF-16 (little or big
 * endian) or UTF-8; without one it is taken as UTF-8 already. */
static char *
decode (const char *data,
        gsize       length,
        gsize      *text_length)
{
  const guchar *bytes = (const guchar *) data;
  const char *charset = NULL;
  char *text;

  if (length >= 2 && bytes[0] == 0xff && bytes[1] == 0xfe)
    charset = "UTF-16LE";
  else if (length >= 2 && bytes[0] == 0xfe && bytes[1] == 0xff)
    charset = "UTF-16BE";

  if (charset != NULL)
    {
      text = g_convert_with_fallback (data + 2, (length - 2) & ~(gsize) 1, "UTF-8", charset, "\xef\xbf\xbd",
                                      NULL, text_length, NULL);
      if (text != NULL)
        return text;
    }

  if (length >= 3 && bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf)
    {
      data += 3;
      length -= 3;
    }

  text = g_malloc (length + 1);
  memcpy (text, data, length);
  text[length] = '\0';
  *text_length = length;

  return text;
}

/*
 * Reads SIMs and devices from CSV: a column of identifiers, optionally a
 * kind ("sim", "device", "iccid", "imei", …) and a model, with or without a
 * header row. Every identifier is validated; each line that cannot be used
 * is reported ("Line 7: …") and the others are returned. FALSE when no line
 * could be used. @data is read whole, @length bytes (-1: up to its NUL),
 * NUL bytes and all: a line that is not text is reported, not a reason to
 * stop.
 */
gboolean
prov_stock_parse_csv (const char  *data,
                      gssize       length,
                      GPtrArray  **items,
                      GPtrArray  **problems)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) prov_stock_item_free);
  g_autoptr(GPtrArray) reported = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  gsize text_length = 0;
  char delimiter;
  Columns columns = { 0, -1, -1, PROV_ID_KIND_UNKNOWN };
  gboolean first_record = TRUE;
  gboolean headed = FALSE;
  const char *start;

  text = decode (data, length < 0 ? strlen (data) : (gsize) length, &text_length);
  for (start = text; start < text + text_length;)
    {
      const char *end = memchr (start, '\n', text + text_length - start);
      gsize line_length = (end != NULL ? end : text + text_length) - start;

      g_ptr_array_add (lines, g_strndup (start, line_length));
      /* A line with a NUL in it is not text: marked so, length kept. */
      if (memchr (start, '\0', line_length) != NULL || !g_utf8_validate (start, line_length, NULL))
        {
          g_free (g_ptr_array_steal_index (lines, lines->len - 1));
          g_ptr_array_add (lines, NULL);
        }
      start += line_length + 1;
    }

  delimiter = detect_delimiter (text);

  for (guint number = 0; number < lines->len; number++)
    {
      char *line = g_ptr_array_index (lines, number);
      g_autoptr(GPtrArray) fields = NULL;
      g_autoptr(ProvId) id = NULL;
      const char *identifier;
      const char *kind_word;
      ProvIdKind kind;

      if (line == NULL)
        {
          g_ptr_array_add (reported, g_strdup_printf (_("Line %u: is not text (it holds a NUL byte or is not UTF-8)"),
                                                      number + 1));
          continue;
        }

      g_strchomp (line);
      if (*line == '\0' || line[0] == '#')
        continue;

      fields = split_record (line, delimiter);
      if (first_record)
        {
          first_record = FALSE;
          headed = read_header (fields, &columns);
          if (headed)
            continue;
        }
      /* Without a header, each line's columns are found by what they hold. */
      if (!headed)
        guess_columns (fields, &columns);

      identifier = field_at (fields, columns.identifier);
      kind_word = field_at (fields, columns.kind);
      kind = kind_word != NULL ? kind_from_word (kind_word) : columns.header_kind;

      if (identifier == NULL || *identifier == '\0')
        {
          g_ptr_array_add (reported, g_strdup_printf (_("Line %u: there is no SIM or device number"), number + 1));
          continue;
        }

      id = kind != PROV_ID_KIND_UNKNOWN ? prov_id_parse (kind, identifier)
                                        : prov_id_recognize_among (identifier, PROV_STOCK_KINDS);
      if (!id->valid)
        g_ptr_array_add (reported, g_strdup_printf (_("Line %u: %s: %s"), number + 1, identifier, id->message));
      else if (!prov_stock_accepts_kind (id->kind))
        g_ptr_array_add (reported, g_strdup_printf (_("Line %u: %s is an %s, not a SIM or device number"),
                                                    number + 1, identifier, prov_id_kind_get_title (id->kind)));
      else
        g_ptr_array_add (found, prov_stock_item_new (id->kind, id->normalized, field_at (fields, columns.model)));
    }

  if (items != NULL)
    *items = g_ptr_array_ref (found);
  if (problems != NULL)
    *problems = g_ptr_array_ref (reported);

  return found->len > 0;
}
