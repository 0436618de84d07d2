/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Screenshots of the parent view (built, not a test): the real window on a
 * temporary database filled with the demo data, at a fixed moment, on one
 * page — "today" (a timer running for one child), "timer" (a timer at
 * 12:34) or "child" (the child whose mood journal shows a drop).  Run it on an X display of the window's
 * size; it saves the screen with ImageMagick's `import -window root`.
 *
 *   GSETTINGS_BACKEND=memory parent-shots PAGE OUT.png WIDTH HEIGHT
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "parent/qing-parent-view.h"
#include "qing-timer-service.h"
#include "qing-application.h"
#include "qing-window.h"

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The child to show: the one with a mood alert, else the first. */
static gint64
pick_child (QingParentView *view, GListModel *children)
{
  QingChildPage *page = qing_parent_view_get_child_page (view);
  gint64 first = 0;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr (QingPerson) child = g_list_model_get_item (children, i);

      if (first == 0)
        first = qing_person_get_id (child);
      qing_child_page_set_child (page, child);
      if (qing_child_page_get_alert_text (page) != NULL)
        return qing_person_get_id (child);
    }
  return first;
}

/* A second view, on its own connection to the database, opened as if
 * Qingting started again two hours after a talk: it asks about the timer. */
static void
show_stale_question (QingParentView *view, QingClock *clock, const char *db, gint64 child)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autoptr (QingClock) later_clock = NULL;
  g_autoptr (QingStore) store = NULL;
  g_autoptr (QingTimerService) service = NULL;
  GtkWindow *window;

  gtk_widget_activate_action (GTK_WIDGET (view), "parent.start", "x", child);
  qing_clock_advance (clock, 25 * 60);
  now = qing_clock_get_now (clock);
  later = g_date_time_add_hours (now, 2);
  later_clock = qing_clock_new_manual (later);
  store = qing_store_open (db, later_clock, NULL);
  g_assert (store != NULL);
  service = qing_timer_service_new (store, later_clock, NULL);
  window = GTK_WINDOW (adw_application_window_new (gtk_window_get_application (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))))));
  gtk_window_set_default_size (window, 360, 500);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      qing_parent_view_new (store, later_clock, service));
  gtk_window_present (window);
}

/* Brings the view to @page, with @child as the child shown. */
static void
go_to_page (QingParentView *view, QingClock *clock, const char *db, const char *page,
            gint64 child)
{
  GtkWidget *widget = GTK_WIDGET (view);

  if (g_str_equal (page, "today"))
    {
      /* One child with a talk going on, one still to come. */
      gtk_widget_activate_action (widget, "parent.start", "x", child);
      qing_clock_advance (clock, 9 * 60 + 12);
      gtk_widget_activate_action (widget, "parent.back", NULL);
    }
  else if (g_str_equal (page, "timer"))
    {
      gtk_widget_activate_action (widget, "parent.start", "x", child);
      qing_clock_advance (clock, 12 * 60 + 34);
    }
  else if (g_str_equal (page, "finish"))
    {
      gtk_widget_activate_action (widget, "parent.start", "x", child);
      qing_clock_advance (clock, 16 * 60 + 5);
      gtk_widget_activate_action (widget, "parent.finish-timer", "x", child);
    }
  else if (g_str_equal (page, "child"))
    gtk_widget_activate_action (widget, "parent.open-child", "x", child);
  else if (g_str_equal (page, "mood"))
    gtk_widget_activate_action (widget, "parent.record-mood", "x", child);
  else if (g_str_equal (page, "add-child"))
    gtk_widget_activate_action (widget, "parent.add-child", NULL);
  else if (g_str_equal (page, "add-talk"))
    gtk_widget_activate_action (widget, "parent.add-talk", "x", child);
  else if (g_str_equal (page, "remove-child"))
    gtk_widget_activate_action (widget, "parent.remove-child", "x", child);
  else if (g_str_equal (page, "stale"))
    show_stale_question (view, clock, db, child);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) files = g_dir_open (dir, 0, NULL);
  const char *name;

  while (files != NULL && (name = g_dir_read_name (files)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

/* The real application on a demo database, with only the parent role. */
static QingApplication *
start_app (QingClock *clock, const char *db, int width, int height)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  const char *roles[] = { "parent", NULL };
  QingApplication *app;

  g_settings_set_strv (settings, "roles", roles);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  app = qing_application_new_for_test (clock, db);
  g_object_set (app, "demo", TRUE, "role-views", TRUE, NULL);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  spin_for (500);
  return app;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr (GDateTime) now = g_date_time_new (tz, 2026, 11, 29, 19, 20, 0);
  g_autoptr (QingClock) clock = qing_clock_new_manual (now);
  g_autofree char *dir = g_dir_make_tmp ("qing-shots-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *command = NULL;
  g_autoptr (GListModel) children = NULL;
  QingApplication *app;
  QingParentView *view;
  GtkWindow *window;

  if (argc != 5)
    {
      g_printerr ("Usage: %s today|timer|child|finish|mood|add-child|add-talk|remove-child|"
                  "stale "
                  "OUT.png WIDTH HEIGHT\n", argv[0]);
      return 2;
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QING_LOCALEDIR") ? g_getenv ("QING_LOCALEDIR")
                                                                : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();

  app = start_app (clock, db, atoi (argv[3]), atoi (argv[4]));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  view = QING_PARENT_VIEW (qing_window_get_role_page (QING_WINDOW (window), QING_ROLE_PARENT));
  children = qing_store_list_children_model (QING_STORE (qing_application_get_store (app)),
                                             qing_parent_view_get_guardian_id (view));
  go_to_page (view, clock, db, argv[1], pick_child (view, children));
  /* Long enough for the demo's toast to go. */
  spin_for (6000);

  command = g_strdup_printf ("import -window root %s", argv[2]);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    return 1;
  gtk_window_destroy (window);
  spin_for (100);
  remove_dir (dir);
  return 0;
}
