/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application shell in real windows: first-run welcome, roles kept
 * across a restart, the About/Preferences/Shortcuts actions, Close, a
 * refused database, and a second launch presenting the first window.
 * Needs a display; skips without one unless QING_TEST_REQUIRE_DISPLAY=1.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qing-application.h"
#include "qing-preferences.h"
#include "qing-background.h"
#include "qing-generator.h"
#include "qing-store.h"
#include "qing-store-composite.h"
#include "counselor/qing-counselor-view.h"
#include "mentor/qing-mentor-view.h"
#include "parent/qing-parent-view.h"
#include "qing-welcome.h"
#include "qing-window.h"

static gboolean have_display;

#define REQUIRE_DISPLAY()                                   \
  G_STMT_START {                                            \
    if (!have_display)                                      \
      {                                                     \
        g_test_skip ("No display; set QING_TEST_REQUIRE_DISPLAY=1 to fail instead"); \
        return;                                             \
      }                                                     \
  } G_STMT_END

typedef struct
{
  char            *dir;
  char            *db_path;
  QingClock       *clock;
  gboolean         role_views;
  QingApplication *app;
} Fixture;

static void
reset_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_settings_reset (settings, "roles");
  g_settings_reset (settings, "visible-role");
  g_settings_reset (settings, "background");
  g_settings_reset (settings, "crisis-steps");
  g_settings_reset (settings, "reminder-time");
}

static void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
spin_a_little (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static QingApplication *
start_app (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  QingApplication *app = qing_application_new_for_test (fixture->clock, fixture->db_path);

  /* The shell alone: role pages are placeholders unless a test sets them. */
  g_object_set (app, "role-views", fixture->role_views, NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  return app;
}

static QingWindow *
app_window (QingApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (QING_IS_WINDOW (window));
  return QING_WINDOW (window);
}

static gboolean
backup_written (gpointer data)
{
  g_autoptr (GPtrArray) backups = qing_store_list_backups (data);
  return backups->len == 1;
}

/* Closes the app's windows, shuts the app down and checks nothing leaks. */
static void
stop_app (QingApplication *app)
{
  /* Let today's backup (a thread) finish before the folder goes away. */
  if (qing_application_get_store (app) != NULL)
    spin_until (backup_written, (gpointer) qing_application_get_database_path (app));

  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      g_object_ref (l->data);
      gtk_window_destroy (GTK_WINDOW (l->data));
    }
  spin_a_little ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (QING_IS_WINDOW (l->data))
      g_assert_finalize_object (l->data);
    else
      g_object_unref (l->data);
  g_list_free (windows);
  /* app.quit also stops the services (timer, reminders). */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin_a_little ();
  /* Not g_assert_finalize_object: GtkApplication keeps a reference to
   * itself once it has loaded resources from resource-base-path. */
  g_object_unref (app);
}

static void
fixture_setup (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 11, 29, 19, 30, 0);
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("qing-app-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "qingting.db", NULL);
  fixture->clock = qing_clock_new_manual (now);
  reset_settings ();
}

static void
remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture *fixture, gconstpointer data)
{
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_clear_object (&fixture->clock);
}

static void
test_first_run_shows_welcome (Fixture *fixture, gconstpointer data)
{
  QingApplication *app;
  QingWindow *window;

  REQUIRE_DISPLAY ();
  app = start_app (fixture);
  window = app_window (app);

  g_assert_cmpstr (qing_window_get_visible_page (window), ==, "welcome");
  g_assert_true (QING_IS_WELCOME (qing_window_get_welcome (window)));
  /* Nothing chosen yet: Continue is off. */
  g_assert_false (qing_welcome_get_can_continue (QING_WELCOME (qing_window_get_welcome (window))));
  g_assert_true (qing_window_get_clock (window) == fixture->clock);
  {
    int min_width = -1;
    gtk_widget_get_size_request (GTK_WIDGET (window), &min_width, NULL);
    g_assert_cmpint (min_width, >, 0);
    g_assert_cmpint (min_width, <=, 360);
  }
  stop_app (app);
}

static gboolean
has_page (QingWindow *window, const char *name)
{
  return adw_view_stack_get_child_by_name (qing_window_get_view_stack (window), name) != NULL;
}

static void
test_roles_kept_across_restart (Fixture *fixture, gconstpointer data)
{
  QingApplication *app;
  QingWindow *window;
  QingWelcome *welcome;

  REQUIRE_DISPLAY ();
  app = start_app (fixture);
  window = app_window (app);
  welcome = QING_WELCOME (qing_window_get_welcome (window));

  qing_welcome_set_role_chosen (welcome, QING_ROLE_PARENT, TRUE);
  qing_welcome_set_role_chosen (welcome, QING_ROLE_COUNSELOR, TRUE);
  g_assert_true (qing_welcome_get_can_continue (welcome));
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.continue", NULL);

  g_assert_cmpstr (qing_window_get_visible_page (window), ==, "roles");
  g_assert_true (has_page (window, "family"));
  g_assert_false (has_page (window, "mentor"));
  g_assert_true (has_page (window, "counselor"));
  /* Until a role's view exists, its page says what the role does. */
  g_assert_true (ADW_IS_STATUS_PAGE (qing_window_get_role_page (window, QING_ROLE_COUNSELOR)));
  adw_view_stack_set_visible_child_name (qing_window_get_view_stack (window), "counselor");
  stop_app (app);

  /* A new application and window: the choice is still there. */
  app = start_app (fixture);
  window = app_window (app);
  g_assert_cmpstr (qing_window_get_visible_page (window), ==, "roles");
  g_assert_true (has_page (window, "family"));
  g_assert_true (has_page (window, "counselor"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (qing_window_get_view_stack (window)),
                   ==, "counselor");
  stop_app (app);
}

/* The window opens at the size it had, and keeps the size it is given. */
static void
test_window_size_remembered (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  QingApplication *app;
  QingWindow *window;
  int width = 0, height = 0;

  REQUIRE_DISPLAY ();
  g_settings_set_int (settings, "window-width", 720);
  g_settings_set_int (settings, "window-height", 560);
  app = start_app (fixture);
  window = app_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 560);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1024);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  stop_app (app);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* With every role held, the window still fits a 360 px wide phone screen. */
static void
test_narrow_width (Fixture *fixture, gconstpointer data)
{
  QingApplication *app;
  QingWindow *window;
  GtkWidget *content;
  int minimum = -1;
  const char *all[] = { "parent", "mentor", "counselor", NULL };

  REQUIRE_DISPLAY ();
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);
    g_settings_set_strv (settings, "roles", all);
  }
  app = start_app (fixture);
  window = app_window (app);
  spin_a_little ();
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, >, 0);
  g_assert_cmpint (minimum, <=, 360);

  /* The welcome page too. */
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);
    g_settings_reset (settings, "roles");
  }
  g_assert_cmpstr (qing_window_get_visible_page (window), ==, "welcome");
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  stop_app (app);
}

static void
test_role_page_hook (Fixture *fixture, gconstpointer data)
{
  QingApplication *app;
  QingWindow *window;
  GtkWidget *view;

  REQUIRE_DISPLAY ();
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);
    const char *roles[] = { "mentor", NULL };
    g_settings_set_strv (settings, "roles", roles);
  }
  app = start_app (fixture);
  window = app_window (app);
  g_assert_cmpstr (qing_window_get_visible_page (window), ==, "roles");

  view = gtk_label_new ("mentor view");
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  qing_window_set_role_page (window, QING_ROLE_MENTOR, view);
  g_assert_true (qing_window_get_role_page (window, QING_ROLE_MENTOR) == view);
  g_assert_true (adw_view_stack_get_child_by_name (qing_window_get_view_stack (window), "mentor")
                 == view);
  /* A page set for a role not held waits until the role is taken up. */
  qing_window_set_role_page (window, QING_ROLE_PARENT, gtk_label_new ("family view"));
  g_assert_null (qing_window_get_role_page (window, QING_ROLE_PARENT));
  qing_settings_set_role (qing_window_get_settings (window), QING_ROLE_PARENT, TRUE);
  g_assert_true (GTK_IS_LABEL (qing_window_get_role_page (window, QING_ROLE_PARENT)));
  qing_window_show_role (window, QING_ROLE_PARENT);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (qing_window_get_view_stack (window)),
                   ==, "family");
  stop_app (app);
  g_assert_null (view);
}

typedef struct
{
  GType type;
} FindWindow;

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr (GListModel) toplevels = NULL;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return find_toplevel (((FindWindow *) data)->type) != NULL;
}

static void
check_action_opens (QingApplication *app, const char *action, GType type, gboolean owned)
{
  FindWindow find = { type };
  GtkWindow *window;

  g_assert_null (find_toplevel (type));
  g_action_group_activate_action (G_ACTION_GROUP (app), action, NULL);
  spin_until (toplevel_shown, &find);
  window = find_toplevel (type);
  g_assert_nonnull (window);
  if (owned)
    {
      /* A window of its own: closing it frees it. */
      g_object_ref (window);
      gtk_window_destroy (window);
      spin_a_little ();
      g_assert_finalize_object (window);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
    }
}

static void
test_actions_open_windows (Fixture *fixture, gconstpointer data)
{
  QingApplication *app;
  g_auto (GStrv) quit_accels = NULL;
  g_auto (GStrv) close_accels = NULL;

  REQUIRE_DISPLAY ();
  app = start_app (fixture);
  app_window (app);

  check_action_opens (app, "about", ADW_TYPE_ABOUT_WINDOW, TRUE);
  check_action_opens (app, "preferences", QING_TYPE_PREFERENCES_WINDOW, TRUE);
  /* The shortcuts window belongs to the main window and is only hidden. */
  check_action_opens (app, "shortcuts", GTK_TYPE_SHORTCUTS_WINDOW, FALSE);

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  close_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.close");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");
  g_assert_cmpstr (close_accels[0], ==, "<Control>w");
  stop_app (app);
}

static void
test_close_action (Fixture *fixture, gconstpointer data)
{
  QingApplication *app;
  QingWindow *window;

  REQUIRE_DISPLAY ();
  app = start_app (fixture);
  window = g_object_ref (app_window (app));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  spin_a_little ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (window);
  stop_app (app);
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_preferences_edit_settings (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *steps = NULL;
  QingPreferencesWindow *prefs;
  GtkWidget *text_view;
  int hour = -1, minute = -1;

  REQUIRE_DISPLAY ();
  qing_settings_set_role (settings, QING_ROLE_MENTOR, TRUE);
  qing_settings_set_role (settings, QING_ROLE_MENTOR, TRUE);
  g_assert_true (qing_settings_has_role (settings, QING_ROLE_MENTOR));
  g_assert_false (qing_settings_has_role (settings, QING_ROLE_PARENT));

  g_assert_true (qing_settings_get_time (settings, "reminder-time", &hour, &minute));
  g_assert_cmpint (hour, ==, 20);
  g_assert_cmpint (minute, ==, 0);
  g_assert_true (qing_settings_get_time (settings, "digest-time", &hour, &minute));
  g_assert_cmpint (hour, ==, 7);
  g_assert_cmpint (minute, ==, 30);
  g_settings_set_string (settings, "reminder-time", "25:00");
  g_assert_false (qing_settings_get_time (settings, "reminder-time", &hour, &minute));
  g_settings_reset (settings, "reminder-time");

  steps = qing_settings_dup_crisis_steps (settings);
  g_assert_cmpstr (steps, ==, qing_crisis_steps_default ());
  g_assert_nonnull (strstr (steps, "120"));

  /* The window shows and edits the same keys. */
  prefs = qing_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (prefs));
  spin_a_little ();
  text_view = find_descendant (GTK_WIDGET (prefs), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "Call 张老师 at 6601.", -1);
  g_clear_pointer (&steps, g_free);
  steps = qing_settings_dup_crisis_steps (settings);
  g_assert_cmpstr (steps, ==, "Call 张老师 at 6601.");
  g_object_ref (prefs);
  gtk_window_destroy (GTK_WINDOW (prefs));
  spin_a_little ();
  g_assert_finalize_object (prefs);
}

static void
test_refused_database (Fixture *fixture, gconstpointer data)
{
  static const char junk[] = "This is a shopping list, not a database.\n";
  g_autofree char *after = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  QingApplication *app;
  QingWindow *window;

  REQUIRE_DISPLAY ();
  g_file_set_contents (fixture->db_path, junk, -1, &error);
  g_assert_no_error (error);

  app = start_app (fixture);
  window = app_window (app);
  g_assert_nonnull (qing_application_get_store_error (app));
  g_assert_null (qing_application_get_store (app));
  g_assert_cmpstr (qing_window_get_visible_page (window), ==, "error");

  /* The refused file is left exactly as it was. */
  g_file_get_contents (fixture->db_path, &after, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, length, junk, sizeof junk - 1);
  stop_app (app);
}

static void
test_database_opened (Fixture *fixture, gconstpointer data)
{
  QingApplication *app;
  QingWindow *window;

  REQUIRE_DISPLAY ();
  app = start_app (fixture);
  window = app_window (app);
  g_assert_no_error ((GError *) qing_application_get_store_error (app));
  g_assert_nonnull (qing_application_get_store (app));
  g_assert_true (qing_window_get_store (window) == qing_application_get_store (app));
  g_assert_true (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  /* Today's backup (the day of the injected clock) is written next to it. */
  spin_until (backup_written, fixture->db_path);
  {
    g_autofree char *expected = g_strconcat (fixture->db_path, ".backup-2026-11-29", NULL);
    g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));
  }
  stop_app (app);
}

/* review: an application left running (in the background, for the
 * reminders) makes the next day's backup too, not only one at start-up. */
static gboolean
second_backup_written (gpointer data)
{
  g_autoptr (GPtrArray) backups = qing_store_list_backups (data);
  return backups->len == 2;
}

static void
test_backup_next_day (Fixture *fixture, gconstpointer data)
{
  g_autofree char *next = g_strconcat (fixture->db_path, ".backup-2026-11-30", NULL);
  QingApplication *app;

  REQUIRE_DISPLAY ();
  app = start_app (fixture);
  spin_until (backup_written, fixture->db_path);
  g_assert_false (g_file_test (next, G_FILE_TEST_EXISTS));

  /* From 19:30 to the next morning: the backup alarm fires after midnight. */
  qing_clock_advance (fixture->clock, 12 * 60 * 60);
  spin_until (second_backup_written, fixture->db_path);
  g_assert_true (g_file_test (next, G_FILE_TEST_EXISTS));

  g_unlink (next); /* stop_app() waits for exactly one backup */
  stop_app (app);
}

static void
test_demo_fills_empty_database (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  QingApplication *app;
  gboolean empty = TRUE;

  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_auto (GStrv) roles = NULL;
  GtkWindow *window;

  REQUIRE_DISPLAY ();
  g_settings_set_strv (settings, "roles", NULL); /* a first run */
  app = qing_application_new_for_test (fixture->clock, fixture->db_path);
  g_object_set (app, "demo", TRUE, NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  g_assert_nonnull (qing_application_get_store (app));
  g_assert_true (qing_generator_is_empty (QING_STORE (qing_application_get_store (app)),
                                          &empty, &error));
  g_assert_no_error (error);
  g_assert_false (empty);

  /* the demo speaks for all three roles, so it opens on their pages */
  roles = g_settings_get_strv (settings, "roles");
  g_assert_cmpuint (g_strv_length (roles), ==, 3);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_cmpstr (qing_window_get_visible_page (QING_WINDOW (window)), ==, "roles");
  stop_app (app);
}

/* Turning "Keep running in the background" on writes the login entry that
 * starts the app hidden; turning it off removes it. */
static void
test_background_setting_autostart (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *entry = NULL;
  g_autofree char *contents = NULL;
  QingApplication *app;

  REQUIRE_DISPLAY ();
  app = start_app (fixture);
  entry = qing_background_get_autostart_path ();
  g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));

  g_settings_set_boolean (settings, "background", TRUE);
  spin_a_little ();
  g_assert_true (g_file_get_contents (entry, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "--background"));

  g_settings_set_boolean (settings, "background", FALSE);
  spin_a_little ();
  g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
  stop_app (app);
}

/* The whole program: the role views plug into the window's pages and
 * share the application's timer service. */
static void
test_role_views_plugged (Fixture *fixture, gconstpointer data)
{
  QingApplication *app;
  QingWindow *window;
  QingTimerService *service;
  const char *roles[] = { "parent", "mentor", "counselor", NULL };

  REQUIRE_DISPLAY ();
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);
    g_settings_set_strv (settings, "roles", roles);
  }
  fixture->role_views = TRUE;
  app = start_app (fixture);
  window = app_window (app);
  spin_a_little ();
  g_assert_true (QING_IS_PARENT_VIEW (qing_window_get_role_page (window, QING_ROLE_PARENT)));
  g_assert_true (QING_IS_MENTOR_VIEW (qing_window_get_role_page (window, QING_ROLE_MENTOR)));
  g_assert_true (QING_IS_COUNSELOR_VIEW (qing_window_get_role_page (window, QING_ROLE_COUNSELOR)));
  service = qing_application_get_timer_service (app);
  g_assert_nonnull (service);
  g_assert_true (qing_window_get_timer_service (window) == service);
  g_assert_true (qing_parent_view_get_timer_service (
                   QING_PARENT_VIEW (qing_window_get_role_page (window, QING_ROLE_PARENT)))
                 == service);
  g_assert_true (qing_mentor_view_get_timer_service (
                   QING_MENTOR_VIEW (qing_window_get_role_page (window, QING_ROLE_MENTOR)))
                 == service);
  {
    g_autoptr (QingTimerService) counselor_service = NULL;
    g_object_get (qing_window_get_role_page (window, QING_ROLE_COUNSELOR),
                  "timer-service", &counselor_service, NULL);
    g_assert_true (counselor_service == service);
  }
  stop_app (app);
}

/* mentorfix: the morning digest starts as soon as this user becomes a
 * mentor (the mentor view makes the local mentor on first use), not only
 * after a restart. */
static void
test_digest_for_new_mentor (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  const char *roles[] = { "mentor", NULL };
  QingApplication *app;

  REQUIRE_DISPLAY ();
  g_settings_set_strv (settings, "roles", roles);
  app = start_app (fixture);
  g_assert_null (qing_application_get_digest (app));
  g_assert_cmpint (qing_store_ensure_local_person (qing_application_get_store (app),
                                                   QING_ROLE_MENTOR, QING_PERSON_STAFF, "王老师",
                                                   &error), >, 0);
  g_assert_no_error (error);
  spin_a_little ();
  g_assert_true (QING_IS_DIGEST (qing_application_get_digest (app)));
  stop_app (app);
}

/* The local mentor exists first; choosing the mentor role starts the digest. */
static void
test_digest_when_role_chosen (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  const char *roles[] = { "parent", "mentor", NULL };
  QingApplication *app;

  REQUIRE_DISPLAY ();
  app = start_app (fixture);
  g_assert_cmpint (qing_store_ensure_local_person (qing_application_get_store (app),
                                                   QING_ROLE_MENTOR, QING_PERSON_STAFF, "王老师",
                                                   &error), >, 0);
  g_assert_no_error (error);
  spin_a_little ();
  g_assert_null (qing_application_get_digest (app));
  g_settings_set_strv (settings, "roles", roles);
  spin_a_little ();
  g_assert_true (QING_IS_DIGEST (qing_application_get_digest (app)));
  stop_app (app);
}

typedef struct
{
  QingApplication *app;
  gboolean         checked;
  guint            n_windows;
} BackgroundCheck;

static gboolean
check_background_and_quit (gpointer data)
{
  BackgroundCheck *check = data;

  check->checked = TRUE;
  check->n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (check->app)));
  g_action_group_activate_action (G_ACTION_GROUP (check->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

/* Started at login (--background) with the background setting on, the app
 * runs without a window until app.quit. */
static void
test_background_start (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  char *argv[] = { (char *) "qingting", (char *) "--background", NULL };
  BackgroundCheck check = { NULL, FALSE, 0 };
  int status;

  REQUIRE_DISPLAY ();
  g_settings_set_boolean (settings, "background", TRUE);
  check.app = qing_application_new_for_test (fixture->clock, fixture->db_path);
  g_idle_add (check_background_and_quit, &check);
  status = g_application_run (G_APPLICATION (check.app), 2, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.checked);
  g_assert_cmpuint (check.n_windows, ==, 0);
  spin_until (backup_written, fixture->db_path);
  g_object_unref (check.app);
  g_settings_reset (settings, "background");
}

static void
on_activate_count (GApplication *app, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
on_second_instance_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* A second launch of the program hands over to the first instance, which
 * presents its window instead of opening a second one. */
static void
test_single_instance (Fixture *fixture, gconstpointer data)
{
  g_autoptr (QingApplication) app = NULL;
  g_autoptr (GSubprocess) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *program = NULL;
  const char *build_root = g_getenv ("QING_BUILD_ROOT");
  guint activations = 0;
  gboolean done = FALSE;

  REQUIRE_DISPLAY ();
  if (build_root == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      if (g_strcmp0 (g_getenv ("QING_TEST_REQUIRE_DISPLAY"), "1") == 0)
        g_error ("QING_BUILD_ROOT and a session bus are needed");
      g_test_skip ("Needs QING_BUILD_ROOT and a session bus");
      return;
    }
  g_setenv ("QING_DATABASE", fixture->db_path, TRUE);

  app = qing_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_count), &activations);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_application_activate (G_APPLICATION (app));
  g_assert_cmpuint (activations, ==, 1);

  program = g_build_filename (build_root, "src", "qingting", NULL);
  second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, program, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (second, NULL, on_second_instance_done, &done);
  spin_until (flag_set, &done);
  spin_a_little ();

  g_assert_cmpuint (activations, ==, 2);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  stop_app (g_steal_pointer (&app));
  g_unsetenv ("QING_DATABASE");
}

/* timer fix: closing the window with "Keep running in the background" on
 * and off (issue 4, part 7). */
typedef struct
{
  QingApplication *app;
  guint            poll_id;      /* waits for the window and the backup */
  guint            idle_id;      /* runs only while the application does */
  guint            guard_id;     /* quits a program that would not */
  guint            n_idles;
  gboolean         closed;
  gboolean         shut_down;
  gboolean         alive_after_close;
  gboolean         forced;
} CloseCheck;

static gboolean
still_running_after_close (gpointer data)
{
  CloseCheck *check = data;

  /* g_application_run() drains the main loop after the shutdown. */
  if (check->shut_down)
    {
      check->idle_id = 0;
      return G_SOURCE_REMOVE;
    }
  /* A few main loop iterations after the last window went, the
   * application still runs: quit it as the user would (app.quit). */
  if (++check->n_idles < 20)
    return G_SOURCE_CONTINUE;
  check->idle_id = 0;
  check->alive_after_close = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (check->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
close_window_when_ready (gpointer data)
{
  CloseCheck *check = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (check->app));

  /* Today's backup holds the application while it runs: let it finish. */
  if (window == NULL
      || !backup_written ((gpointer) qing_application_get_database_path (check->app)))
    return G_SOURCE_CONTINUE;
  check->poll_id = 0;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  check->closed = TRUE;
  check->idle_id = g_idle_add (still_running_after_close, check);
  return G_SOURCE_REMOVE;
}

static void
on_close_check_shutdown (GApplication *app, gpointer data)
{
  ((CloseCheck *) data)->shut_down = TRUE;
}

static gboolean
quit_by_force (gpointer data)
{
  CloseCheck *check = data;

  check->guard_id = 0;
  check->forced = TRUE;
  g_application_quit (G_APPLICATION (check->app));
  return G_SOURCE_REMOVE;
}

/* Runs the application with the "background" setting @background, closes
 * its only window once it is up, and says what happened after. */
static void
run_and_close_window (Fixture *fixture, gboolean background, CloseCheck *check)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  char *argv[] = { (char *) "qingting", NULL };
  int status;

  g_settings_set_boolean (settings, "background", background);
  check->app = qing_application_new_for_test (fixture->clock, fixture->db_path);
  g_object_set (check->app, "role-views", FALSE, NULL);
  g_signal_connect (check->app, "shutdown", G_CALLBACK (on_close_check_shutdown), check);
  check->poll_id = g_timeout_add (10, close_window_when_ready, check);
  check->guard_id = g_timeout_add_seconds (20, quit_by_force, check);
  status = g_application_run (G_APPLICATION (check->app), 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_clear_handle_id (&check->poll_id, g_source_remove);
  g_clear_handle_id (&check->idle_id, g_source_remove);
  g_clear_handle_id (&check->guard_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (check->app, check);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (check->app)));
  g_clear_object (&check->app);
  g_settings_reset (settings, "background");
}

/* With the background setting on, closing the window keeps the
 * application running (held) for the reminders, until app.quit. */
static void
test_background_close_keeps_running (Fixture *fixture, gconstpointer data)
{
  CloseCheck check = { NULL };

  REQUIRE_DISPLAY ();
  run_and_close_window (fixture, TRUE, &check);
  g_assert_true (check.closed);
  g_assert_true (check.alive_after_close);
  g_assert_true (check.shut_down);
  g_assert_false (check.forced);
}

/* With it off, closing the last window lets the application quit by
 * itself: nothing runs after it, and nobody had to quit it. */
static void
test_close_last_window_quits (Fixture *fixture, gconstpointer data)
{
  CloseCheck check = { NULL };

  REQUIRE_DISPLAY ();
  run_and_close_window (fixture, FALSE, &check);
  g_assert_true (check.closed);
  g_assert_false (check.alive_after_close);
  g_assert_true (check.shut_down);
  g_assert_false (check.forced);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  have_display = gtk_init_check ();
  if (!have_display && g_strcmp0 (g_getenv ("QING_TEST_REQUIRE_DISPLAY"), "1") == 0)
    g_error ("No display, but QING_TEST_REQUIRE_DISPLAY=1");
  if (have_display)
    adw_init ();

#define ADD(path, func) \
  g_test_add ("/app/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("first-run-shows-welcome", test_first_run_shows_welcome);
  ADD ("roles-kept-across-restart", test_roles_kept_across_restart);
  ADD ("window-size-remembered", test_window_size_remembered);
  ADD ("narrow-width", test_narrow_width);
  ADD ("role-page-hook", test_role_page_hook);
  ADD ("actions-open-windows", test_actions_open_windows);
  ADD ("close-action", test_close_action);
  ADD ("preferences-edit-settings", test_preferences_edit_settings);
  ADD ("database-opened", test_database_opened);
  ADD ("backup-next-day", test_backup_next_day);
  ADD ("refused-database", test_refused_database);
  ADD ("demo-fills-empty-database", test_demo_fills_empty_database);
  ADD ("background-start", test_background_start);
  ADD ("background-setting-autostart", test_background_setting_autostart);
  ADD ("role-views-plugged", test_role_views_plugged);
  ADD ("single-instance", test_single_instance);
  ADD ("digest-for-new-mentor", test_digest_for_new_mentor);
  ADD ("digest-when-role-chosen", test_digest_when_role_chosen);
  /* timer fix */
  ADD ("background-close-keeps-running", test_background_close_keeps_running);
  ADD ("close-last-window-quits", test_close_last_window_quits);
#undef ADD

  return g_test_run ();
}
