#include <gdk/gdk.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "prov-barcode.h"
#include "prov-confirmation-layout.h"

/*
 * The confirmation as a column of items, each a row of up to three text
 * cells or a drawing (barcodes, a logo, signature lines), measured once
 * and then cut into pages. An item never breaks across pages, and a
 * heading stays with what follows it.
 */

#define MM (72.0 / 25.4)

typedef enum {
  ITEM_TEXT,
  ITEM_LOGO,
  ITEM_BARCODES,
  ITEM_SIGNATURES,
} ItemKind;

typedef struct {
  ItemKind     kind;
  PangoLayout *cells[3];
  double       cell_x[3];
  double       space_before;
  double       height;
  gboolean     keep_with_next;
  gboolean     rule_above;
  /* Where pagination put it. */
  guint        page;
  double       y;
} Item;

struct _ProvConfirmationLayout
{
  GObject           parent_instance;

  ProvConfirmation *confirmation;
  ProvPaper         paper;
  double            width;
  double            height;
  double            margin;
  double            text_width;
  double            font_size;
  PangoContext     *context;
  GArray           *items;
  guint             n_pages;
  GdkPixbuf        *logo;
  double            logo_width;
};

G_DEFINE_FINAL_TYPE (ProvConfirmationLayout, prov_confirmation_layout, G_TYPE_OBJECT)

static void
item_clear (Item *item)
{
  for (guint i = 0; i < G_N_ELEMENTS (item->cells); i++)
    g_clear_object (&item->cells[i]);
}

static PangoLayout *
new_cell (ProvConfirmationLayout *self,
          const char             *markup,
          double                  width,
          double                  size_factor,
          PangoAlignment          alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (self->font_size * size_factor * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static double
cell_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static Item *
add_item (ProvConfirmationLayout *self,
          ItemKind                kind,
          double                  space_before,
          double                  height)
{
  Item item = { kind, { NULL, NULL, NULL }, { 0, 0, 0 }, space_before, height, FALSE, FALSE, 0, 0 };

  g_array_append_val (self->items, item);
  return &g_array_index (self->items, Item, self->items->len - 1);
}

/* A row of cells; @fractions of the text width say where each starts and
 * how wide it is. The row is as tall as its tallest cell. */
static Item *
add_row (ProvConfirmationLayout *self,
         double                  space_before,
         double                  size_factor,
         guint                   n_cells,
         const char * const     *markups,
         const double           *starts,
         const double           *widths,
         const PangoAlignment   *alignments)
{
  Item *item = add_item (self, ITEM_TEXT, space_before, 0);

  for (guint i = 0; i < n_cells; i++)
    {
      if (markups[i] == NULL || *markups[i] == '\0')
        continue;
      item->cells[i] = new_cell (self, markups[i], widths[i] * self->text_width, size_factor, alignments[i]);
      item->cell_x[i] = starts[i] * self->text_width;
      item->height = MAX (item->height, cell_height (item->cells[i]));
    }

  return item;
}

static Item *
add_text (ProvConfirmationLayout *self,
          double                  space_before,
          double                  size_factor,
          const char             *markup)
{
  static const double starts[] = { 0 };
  static const double widths[] = { 1 };
  static const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT };

  return add_row (self, space_before, size_factor, 1, &markup, starts, widths, alignments);
}

static void
append_line (GString *text,
             char    *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
  g_free (line);
}

static void
add_header (ProvConfirmationLayout *self)
{
  const ProvStoreProfile *store = prov_confirmation_get_store (self->confirmation);
  const char *carrier = prov_confirmation_get_carrier_name (self->confirmation);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *reference = NULL;
  gboolean receipt = self->paper == PROV_PAPER_RECEIPT;

  if (self->logo != NULL)
    add_item (self, ITEM_LOGO, 0, gdk_pixbuf_get_height (self->logo) * self->logo_width / gdk_pixbuf_get_width (self->logo));

  if (store->name != NULL && *store->name != '\0')
    append_line (details, g_markup_printf_escaped ("<span size='larger' weight='bold'>%s</span>", store->name));
  if (store->address != NULL && *store->address != '\0')
    append_line (details, g_markup_escape_text (store->address, -1));
  if (store->phone != NULL && *store->phone != '\0')
    /* Translators: the store's phone number in the confirmation's header */
    append_line (details, g_markup_printf_escaped (_("Phone %s"), store->phone));
  if (store->dealer_code != NULL && *store->dealer_code != '\0')
    /* Translators: the store's code at the carrier, in the confirmation's header */
    append_line (details, g_markup_printf_escaped (_("Dealer code %s"), store->dealer_code));
  if (carrier != NULL && *carrier != '\0')
    /* Translators: in the confirmation's header; %s is the carrier's name */
    append_line (details, g_markup_printf_escaped (_("Carrier: %s"), carrier));
  title = g_markup_printf_escaped ("<span size='xx-large' weight='bold'>%s</span>\n%s", _("Order Confirmation"),
                                   prov_confirmation_get_kind_title (self->confirmation));

  /* A sheet has the store and the title side by side; a roll one under
   * the other. */
  if (receipt)
    {
      if (details->len > 0)
        add_text (self, self->logo != NULL ? 6 : 0, 1, details->str);
      add_text (self, 10, 1, title);
    }
  else
    {
      static const double starts[] = { 0, 0.5 };
      static const double widths[] = { 0.5, 0.5 };
      static const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT };
      const char *markups[] = { details->str, title };

      add_row (self, self->logo != NULL ? 6 : 0, 1, 2, markups, starts, widths, alignments);
    }

  /* Translators: the short order reference, printed above its barcodes */
  reference = g_markup_printf_escaped ("%s <b>%s</b>", _("Order reference"),
                                       prov_confirmation_get_reference (self->confirmation));
  add_text (self, 8, 1.1, reference)->keep_with_next = TRUE;
  /* A Code 128 bar needs at least about 0.25 mm to be read by a counter
   * scanner; the QR beside it (below it on a roll) for phones. */
  add_item (self, ITEM_BARCODES, 4, receipt ? 36 + 6 + 64 : 64);
}

static char *
dup_cell_markup (const char *text,
                 gboolean    bold)
{
  return bold ? g_markup_printf_escaped ("<b>%s</b>", text) : g_markup_escape_text (text, -1);
}

static void
add_block (ProvConfirmationLayout      *self,
           const ProvConfirmationBlock *block,
           gboolean                    *charges_started)
{
  gboolean receipt = self->paper == PROV_PAPER_RECEIPT;

  switch (block->kind)
    {
    case PROV_CONFIRMATION_HEADING:
      {
        g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", block->title);
        Item *item = add_text (self, 10, 1.15, markup);

        item->keep_with_next = TRUE;
        item->rule_above = TRUE;
        *charges_started = FALSE;
        break;
      }

    case PROV_CONFIRMATION_ENTRY:
      if (receipt)
        {
          g_autofree char *markup = g_markup_printf_escaped ("<span size='smaller'>%s</span>\n%s", block->title,
                                                             block->value);
          add_text (self, 3, 1, markup);
        }
      else
        {
          static const double starts[] = { 0, 0.34 };
          static const double widths[] = { 0.32, 0.66 };
          static const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT };
          g_autofree char *title = g_markup_escape_text (block->title, -1);
          g_autofree char *value = g_markup_escape_text (block->value, -1);
          const char *markups[] = { title, value };

          add_row (self, 2, 1, 2, markups, starts, widths, alignments);
        }
      break;

    case PROV_CONFIRMATION_CHARGE:
    case PROV_CONFIRMATION_TOTAL:
      {
        static const double starts[] = { 0, 0.52, 0.76 };
        static const double widths[] = { 0.5, 0.22, 0.24 };
        static const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT };
        gboolean total = block->kind == PROV_CONFIRMATION_TOTAL;
        g_autofree char *title = dup_cell_markup (block->title, total);
        g_autofree char *one_time = dup_cell_markup (block->one_time, total);
        g_autofree char *monthly = dup_cell_markup (block->monthly, total);
        const char *markups[] = { title, one_time, monthly };

        if (!*charges_started)
          {
            g_autofree char *one_time_title = g_markup_printf_escaped ("<span size='smaller'>%s</span>", _("One-time"));
            g_autofree char *monthly_title = g_markup_printf_escaped ("<span size='smaller'>%s</span>", _("Monthly"));
            const char *titles[] = { NULL, one_time_title, monthly_title };

            add_row (self, 2, 1, 3, titles, starts, widths, alignments)->keep_with_next = TRUE;
            *charges_started = TRUE;
          }
        add_row (self, total ? 6 : 2, 1, 3, markups, starts, widths, alignments);
        break;
      }

    case PROV_CONFIRMATION_NOTE:
    default:
      {
        g_autofree char *markup = g_markup_escape_text (block->value, -1);

        add_text (self, 3, 1, markup);
        break;
      }
    }
}

static void
add_foot (ProvConfirmationLayout *self)
{
  const char *clerk = prov_confirmation_get_clerk (self->confirmation);
  g_autofree char *served = NULL;
  g_autofree char *customer_caption = g_markup_escape_text (_("Customer's signature"), -1);
  g_autofree char *clerk_caption = g_markup_escape_text (_("Clerk's signature"), -1);
  Item *signatures;

  if (clerk != NULL && *clerk != '\0')
    /* Translators: at the foot of the confirmation: the clerk's name, then a date and time */
    served = g_markup_printf_escaped (_("Served by %s on %s"), clerk, prov_confirmation_get_printed_at (self->confirmation));
  else
    /* Translators: at the foot of the confirmation; %s is a date and time */
    served = g_markup_printf_escaped (_("Printed on %s"), prov_confirmation_get_printed_at (self->confirmation));
  add_text (self, 16, 1, served)->keep_with_next = TRUE;

  /* Room to sign above each line, the caption under it. */
  signatures = add_item (self, ITEM_SIGNATURES, 8, 0);
  signatures->cells[0] = new_cell (self, customer_caption,
                                   self->paper == PROV_PAPER_RECEIPT ? self->text_width : self->text_width * 0.45,
                                   0.9, PANGO_ALIGN_LEFT);
  signatures->cells[1] = new_cell (self, clerk_caption,
                                   self->paper == PROV_PAPER_RECEIPT ? self->text_width : self->text_width * 0.45,
                                   0.9, PANGO_ALIGN_LEFT);
  signatures->height = self->paper == PROV_PAPER_RECEIPT
                         ? 2 * (30 + cell_height (signatures->cells[0])) + 6
                         : 30 + cell_height (signatures->cells[0]);
}

/* The space a page keeps at its foot for "Page 1 of 2". */
static double
page_number_space (ProvConfirmationLayout *self)
{
  return self->paper == PROV_PAPER_PAGE ? self->font_size * 2.5 : 0;
}

static void
paginate (ProvConfirmationLayout *self)
{
  double top = self->margin;
  double bottom = self->height - self->margin - page_number_space (self);
  double y = top;
  guint page = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      double needed = item->space_before + item->height;

      /* A heading or a caption leaves with what it introduces. */
      for (guint j = i; j + 1 < self->items->len && g_array_index (self->items, Item, j).keep_with_next; j++)
        needed += g_array_index (self->items, Item, j + 1).space_before + g_array_index (self->items, Item, j + 1).height;

      if (self->paper == PROV_PAPER_PAGE && y > top && y + needed > bottom)
        {
          page++;
          y = top;
        }

      if (y > top)
        y += item->space_before;
      item->page = page;
      item->y = y;
      y += item->height;
    }

  self->n_pages = page + 1;
  /* A roll is cut where the content ends. */
  if (self->paper == PROV_PAPER_RECEIPT)
    self->height = y + self->margin;
}

static void
prov_confirmation_layout_finalize (GObject *object)
{
  ProvConfirmationLayout *self = PROV_CONFIRMATION_LAYOUT (object);

  g_clear_object (&self->confirmation);
  g_clear_object (&self->context);
  g_clear_object (&self->logo);
  g_array_unref (self->items);

  G_OBJECT_CLASS (prov_confirmation_layout_parent_class)->finalize (object);
}

static void
prov_confirmation_layout_class_init (ProvConfirmationLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prov_confirmation_layout_finalize;
}

static void
prov_confirmation_layout_init (ProvConfirmationLayout *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, (GDestroyNotify) item_clear);
}

/* Text measured in points, without hinting, so that what was measured
 * is what any printer's resolution draws. */
static PangoContext *
new_points_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}

static void
load_logo (ProvConfirmationLayout *self)
{
  const char *path = prov_confirmation_get_store (self->confirmation)->logo_path;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;

  /* Four pixels a point: sharp on a 300 dpi printer. */
  self->logo_width = self->paper == PROV_PAPER_RECEIPT ? MIN (self->text_width, 40 * MM) : 45 * MM;
  self->logo = gdk_pixbuf_new_from_file_at_scale (path, (int) (self->logo_width * 4), (int) (20 * MM * 4), TRUE, &error);
  if (self->logo == NULL)
    {
      g_warning ("The store's logo %s is left out: %s", path, error->message);
      return;
    }
  /* Kept within its box: a tall logo is narrower. */
  self->logo_width = MIN (self->logo_width, gdk_pixbuf_get_width (self->logo) / 4.0);
}

/*
 * @sheet_width and @sheet_height, in points, are the paper's; for a
 * receipt only the width counts, and the height follows the content.
 */
ProvConfirmationLayout *
prov_confirmation_layout_new (ProvConfirmation *confirmation,
                              ProvPaper         paper,
                              double            sheet_width,
                              double            sheet_height)
{
  ProvConfirmationLayout *self;
  GPtrArray *blocks;
  gboolean charges_started = FALSE;

  g_return_val_if_fail (PROV_IS_CONFIRMATION (confirmation), NULL);
  g_return_val_if_fail (sheet_width > 0, NULL);

  self = g_object_new (PROV_TYPE_CONFIRMATION_LAYOUT, NULL);
  self->confirmation = g_object_ref (confirmation);
  self->paper = paper;
  self->width = sheet_width;
  self->height = sheet_height;
  /* An 80 mm roll prints on its middle 72 mm: 4 mm each side, and a little
   * more so that a right-aligned amount does not touch the edge. */
  self->margin = paper == PROV_PAPER_RECEIPT ? 4.5 * MM : 18 * MM;
  self->text_width = self->width - 2 * self->margin;
  self->font_size = paper == PROV_PAPER_RECEIPT ? 8 : 10;
  self->context = new_points_context ();
  load_logo (self);

  add_header (self);
  blocks = prov_confirmation_get_blocks (confirmation);
  for (guint i = 0; i < blocks->len; i++)
    add_block (self, g_ptr_array_index (blocks, i), &charges_started);
  add_foot (self);
  paginate (self);

  return self;
}

ProvPaper
prov_confirmation_layout_get_paper (ProvConfirmationLayout *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION_LAYOUT (self), PROV_PAPER_PAGE);
  return self->paper;
}

guint
prov_confirmation_layout_get_n_pages (ProvConfirmationLayout *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION_LAYOUT (self), 0);
  return self->n_pages;
}

double
prov_confirmation_layout_get_width (ProvConfirmationLayout *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION_LAYOUT (self), 0);
  return self->width;
}

/* A sheet's height, or how long a receipt is. */
double
prov_confirmation_layout_get_height (ProvConfirmationLayout *self)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION_LAYOUT (self), 0);
  return self->height;
}

static gboolean
draw_barcodes (ProvConfirmationLayout  *self,
               cairo_t                 *cr,
               const Item              *item,
               GError                 **error)
{
  const char *reference = prov_confirmation_get_reference (self->confirmation);
  double x = self->margin;

  if (self->paper == PROV_PAPER_RECEIPT)
    return prov_barcode_draw (cr, PROV_BARCODE_CODE128, reference, x, item->y, self->text_width, 36, error) &&
           prov_barcode_draw (cr, PROV_BARCODE_QR, reference, x, item->y + 42, self->text_width, 64, error);

  return prov_barcode_draw (cr, PROV_BARCODE_CODE128, reference, x, item->y, 70 * MM, item->height, error) &&
         prov_barcode_draw (cr, PROV_BARCODE_QR, reference, x + 80 * MM, item->y, item->height, item->height, error);
}

static void
draw_signatures (ProvConfirmationLayout *self,
                 cairo_t                *cr,
                 const Item             *item)
{
  double caption = cell_height (item->cells[0]);

  for (guint i = 0; i < 2; i++)
    {
      /* Side by side on a sheet, one under the other on a roll. */
      double x = self->margin + (self->paper == PROV_PAPER_PAGE ? i * self->text_width * 0.55 : 0);
      double line_y = item->y + 30 + (self->paper == PROV_PAPER_RECEIPT ? i * (30 + caption + 6) : 0);
      double length = self->paper == PROV_PAPER_PAGE ? self->text_width * 0.45 : self->text_width;

      cairo_move_to (cr, x, line_y);
      cairo_line_to (cr, x + length, line_y);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      cairo_move_to (cr, x, line_y + 2);
      pango_cairo_show_layout (cr, item->cells[i]);
    }
}

static void
draw_page_number (ProvConfirmationLayout *self,
                  cairo_t                *cr,
                  guint                   page)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (self->n_pages < 2)
    return;

  /* Translators: at the foot of each page of a confirmation that runs over one */
  text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  layout = new_cell (self, text, self->text_width, 0.9, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, self->margin, self->height - self->margin - cell_height (layout));
  pango_cairo_show_layout (cr, layout);
}

/* Draws page @page (from 0) with its top left corner at the origin of @cr,
 * in points. */
gboolean
prov_confirmation_layout_draw_page (ProvConfirmationLayout  *self,
                                    cairo_t                 *cr,
                                    guint                    page,
                                    GError                 **error)
{
  g_return_val_if_fail (PROV_IS_CONFIRMATION_LAYOUT (self), FALSE);
  g_return_val_if_fail (page < self->n_pages, FALSE);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->page != page)
        continue;

      if (item->rule_above)
        {
          cairo_move_to (cr, self->margin, item->y - 3);
          cairo_line_to (cr, self->margin + self->text_width, item->y - 3);
          cairo_set_line_width (cr, 0.3);
          cairo_stroke (cr);
        }

      switch (item->kind)
        {
        case ITEM_LOGO:
          cairo_save (cr);
          cairo_translate (cr, self->margin, item->y);
          cairo_scale (cr, self->logo_width / gdk_pixbuf_get_width (self->logo),
                       self->logo_width / gdk_pixbuf_get_width (self->logo));
          gdk_cairo_set_source_pixbuf (cr, self->logo, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          break;

        case ITEM_BARCODES:
          if (!draw_barcodes (self, cr, item, error))
            {
              cairo_restore (cr);
              return FALSE;
            }
          break;

        case ITEM_SIGNATURES:
          draw_signatures (self, cr, item);
          break;

        case ITEM_TEXT:
        default:
          for (guint c = 0; c < G_N_ELEMENTS (item->cells); c++)
            if (item->cells[c] != NULL)
              {
                cairo_move_to (cr, self->margin + item->cell_x[c], item->y);
                pango_cairo_show_layout (cr, item->cells[c]);
              }
          break;
        }
    }

  draw_page_number (self, cr, page);
  cairo_restore (cr);
  return TRUE;
}
