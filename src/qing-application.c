/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-application.h"
#include "qing-window.h"

struct _QingApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (QingApplication, qing_application, ADW_TYPE_APPLICATION)

static void
qing_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (qing_window_new (QING_APPLICATION (app)));
  gtk_window_present (window);
}

static void
qing_application_class_init (QingApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = qing_application_activate;
}

static void
qing_application_init (QingApplication *self)
{
}

QingApplication *
qing_application_new (void)
{
  return g_object_new (QING_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/qingting/Qingting",
                       NULL);
}
