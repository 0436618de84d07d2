/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-window.h"

struct _QingWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (QingWindow, qing_window, ADW_TYPE_APPLICATION_WINDOW)

static void
qing_window_class_init (QingWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/qing-window.ui");
}

static void
qing_window_init (QingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

QingWindow *
qing_window_new (QingApplication *application)
{
  return g_object_new (QING_TYPE_WINDOW, "application", application, NULL);
}
