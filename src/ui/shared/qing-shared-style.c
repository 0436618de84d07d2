/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "qing-resources.h"
#include "qing-shared-style.h"

#define CSS_RESOURCE "/io/github/qingting/Qingting/ui/shared/qing-shared.css"

/* Loads the shared widgets' style sheet into @widget's display, once per
 * display, so that the widgets look right in any program that uses them
 * (the app, the tests, the widget gallery). */
void
qing_shared_style_ensure (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr (GtkCssProvider) provider = NULL;

  /* referencing the resource links it into programs that use only the
   * shared widgets (tests, the gallery); its constructor registers it */
  (void) qing_get_resource ();
  if (display == NULL || g_object_get_data (G_OBJECT (display), "qing-shared-css"))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, CSS_RESOURCE);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "qing-shared-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/* Sets @color to the theme's named color @name (e.g. "accent_bg_color",
 * which libadwaita changes for dark mode), or to @fallback when the theme
 * does not define it. */
void
qing_shared_style_lookup_color (GtkWidget  *widget,
                                const char *name,
                                const char *fallback,
                                GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

/* Sets @color to @widget's text color with its alpha multiplied by @alpha. */
void
qing_shared_style_get_foreground (GtkWidget *widget,
                                  double     alpha,
                                  GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  color->alpha *= alpha;
}
