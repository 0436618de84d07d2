/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Style sheet and theme colors shared by the widgets of src/ui/shared.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void qing_shared_style_ensure (GtkWidget *widget);
void qing_shared_style_lookup_color (GtkWidget  *widget,
                                     const char *name,
                                     const char *fallback,
                                     GdkRGBA    *color);
void qing_shared_style_get_foreground (GtkWidget *widget,
                                       double     alpha,
                                       GdkRGBA   *color);

G_END_DECLS
