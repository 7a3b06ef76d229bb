#include <adwaita.h>

#include "prov-focus-log.h"

/* Where the keyboard is, in the debug log: keyboard-only tests move by
 * it instead of counting Tabs through rows that come and go. */
static void
on_focus_moved (GtkWindow  *window,
                GParamSpec *pspec,
                gpointer    user_data)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  GtkWidget *row;
  GtkWidget *group;
  const char *label;

  if (focus == NULL)
    return;
  row = gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW);
  group = gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_GROUP);
  label = gtk_widget_get_tooltip_text (focus);
  /* A menu button's toggle: the button says what it is. */
  if (label == NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) != NULL)
    label = gtk_widget_get_tooltip_text (gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON));
  if (label == NULL && GTK_IS_BUTTON (focus))
    label = gtk_button_get_label (GTK_BUTTON (focus));
  g_debug ("Focus on %s '%s' in row '%s' of group '%s'", G_OBJECT_TYPE_NAME (focus), label != NULL ? label : "",
           row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "",
           group != NULL && adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) != NULL
           ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : "");
}

void
prov_focus_log_attach (GtkWindow *window)
{
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (on_focus_moved), NULL);
}
