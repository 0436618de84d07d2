/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school calendar page of Preferences in a real window, on a temporary
 * database with a manual clock (Monday 30 November 2026): a fresh install
 * has no term, so the mentor's plan page offers "Set Up the School
 * Calendar"; Preferences opens on the calendar page, the suggestion adds
 * the autumn term in one click, the Add dialog adds a holiday, a make-up
 * day and a key period, a make-up day on a Monday is refused with a
 * sentence, a removal is undone; the store has it all, and the plan page
 * then shows the cycle instead of "outside every term".
 * Needs a display; skips without one.  No sleeps to wait for timers.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mentor/qing-mentor-view.h"
#include "mentor/qing-plan-page.h"
#include "qing-application.h"
#include "qing-calendar-page.h"
#include "qing-preferences.h"
#include "qing-repository.h"
#include "qing-store-calendar.h"
#include "test-mentor-util.h"

static gboolean have_display;

typedef struct
{
  char *dir;
  QingClock *clock;
  QingStore *store;
  QingPreferencesWindow *prefs;
  GtkWindow *mentor_window;
  QingMentorView *mentor;
} Fixture;

static void
spin_a_little (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* The first button under @widget, visible or not, that activates @action. */
static GtkWidget *
find_action_button (GtkWidget *widget, const char *action)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many mapped remove buttons the page shows. */
static guint
count_remove_buttons (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "calendar.remove")
             == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_remove_buttons (child);
  return n;
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
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *path = NULL;
  gint64 mentor;

  if (!have_display)
    return;
  f->dir = g_dir_make_tmp ("qing-calendar-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "qingting.db", NULL);
  now = g_date_time_new_local (2026, 11, 30, 8, 0, 0);
  f->clock = qing_clock_new_manual (now);
  f->store = qing_store_open (path, f->clock, &error);
  g_assert_no_error (error);
  /* A mentor with a class of one, so the roster has a header. */
  mentor = mentor_add_staff (f->store, "王老师");
  g_assert_true (qing_store_set_local_person (f->store, QING_ROLE_MENTOR, mentor, &error));
  g_assert_no_error (error);
  mentor_add_student (f->store, "张小明", mentor_add_group (f->store, "初二（1）班", mentor));

  f->mentor = QING_MENTOR_VIEW (qing_mentor_view_new (f->store, f->clock, NULL));
  f->mentor_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->mentor_window, 360, 720);
  gtk_window_set_child (f->mentor_window, GTK_WIDGET (f->mentor));
  gtk_window_present (f->mentor_window);

  f->prefs = qing_preferences_window_new_with_store (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->prefs), 360, 720);
  gtk_window_present (GTK_WINDOW (f->prefs));
  spin_a_little ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (!have_display)
    return;
  gtk_window_destroy (GTK_WINDOW (f->prefs));
  gtk_window_destroy (f->mentor_window);
  spin_a_little ();
  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_clear_object (&f->clock);
  remove_dir (f->dir);
  g_free (f->dir);
}

static GDate
day (GDateYear y, GDateMonth m, GDateDay d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static void
set_calendar (GtkCalendar *calendar, GDateYear y, GDateMonth m, GDateDay d)
{
  g_autoptr (GDateTime) dt = g_date_time_new_local (y, m, d, 12, 0, 0);

  gtk_calendar_select_day (calendar, dt);
}

/* Opens the Add dialog of @action and fills it in; "save" or "cancel". */
static void
fill_dialog (QingCalendarPage *page, const char *action, const char *name, guint kind,
             const GDate *first, const GDate *last, const char *response)
{
  AdwMessageDialog *dialog;
  AdwComboRow *kind_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  dialog = qing_calendar_page_get_dialog (page);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "qing-name")), name);
  kind_row = g_object_get_data (G_OBJECT (dialog), "qing-kind");
  if (kind_row != NULL)
    adw_combo_row_set_selected (kind_row, kind);
  set_calendar (g_object_get_data (G_OBJECT (dialog), "qing-first"), g_date_get_year (first),
                g_date_get_month (first), g_date_get_day (first));
  set_calendar (g_object_get_data (G_OBJECT (dialog), "qing-last"), g_date_get_year (last),
                g_date_get_month (last), g_date_get_day (last));
  adw_message_dialog_response (dialog, response);
  spin_a_little ();
  g_assert_null (qing_calendar_page_get_dialog (page));
}

static gint64
find_exception (QingStore *store, const char *name, guint *out_n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = qing_store_list_calendar_exceptions (store, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      QingCalendarRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->name, name) == 0)
        id = row->id;
    }
  *out_n = rows->len;
  return id;
}

/* The make-up day called @name in the store: the weekday it follows. */
static guint
exception_follows (QingStore *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = qing_store_list_calendar_exceptions (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      QingCalendarRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->name, name) == 0)
        return row->follows_weekday;
    }
  g_assert_not_reached ();
}

/* The subtitle of the row titled @title under @widget, or NULL. */
static const char *
row_subtitle (GtkWidget *widget, const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = row_subtitle (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The roster's "Set Up the School Calendar…" button. */
static GtkWidget *
roster_calendar_button (Fixture *f)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->mentor), QING_TYPE_MENTOR_VIEW,
                                                    "calendar_button"));
}

static void
check_no_term_on_plan_page (Fixture *f)
{
  GtkWidget *plan = qing_mentor_view_get_plan_page (f->mentor);
  GtkWidget *setup = find_action_button (plan, "app.preferences-page");

  qing_plan_page_reload (QING_PLAN_PAGE (plan));
  g_assert_nonnull (setup);
  g_assert_true (gtk_widget_get_visible (setup));
  g_assert_cmpstr (
      g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (setup)), NULL),
      ==, "calendar");
}

static void
test_fresh_install (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) terms = NULL;
  g_autoptr (GPtrArray) periods = NULL;
  GDate first, last;
  QingCalendarPage *page;
  QingCalendarRow *row;
  GtkWidget *plan, *button;
  gint64 holiday;
  guint n;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }
  check_no_term_on_plan_page (f);
  g_assert_true (gtk_widget_get_mapped (roster_calendar_button (f)));

  qing_preferences_window_show_page (f->prefs, "calendar");
  spin_a_little ();
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (f->prefs)),
                   ==, "calendar");
  page = QING_CALENDAR_PAGE (
      adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (f->prefs)));
  g_assert_cmpuint (count_remove_buttons (GTK_WIDGET (page)), ==, 0);

  /* One click on the suggestion adds the autumn term. */
  button = find_action_button (GTK_WIDGET (page), "calendar.add-suggested-term");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  spin_a_little ();
  terms = qing_store_list_terms (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (terms->len, ==, 1);
  row = g_ptr_array_index (terms, 0);
  first = day (2026, 9, 1);
  last = day (2027, 1, 20);
  g_assert_cmpint (g_date_compare (&row->first, &first), ==, 0);
  g_assert_cmpint (g_date_compare (&row->last, &last), ==, 0);
  g_assert_false (gtk_widget_get_mapped (button));
  g_assert_cmpuint (count_remove_buttons (GTK_WIDGET (page)), ==, 1);

  /* A holiday, a make-up day, a refused make-up day, a key period. */
  first = day (2027, 1, 1);
  last = day (2027, 1, 3);
  fill_dialog (page, "calendar.add-exception", "元旦", 0, &first, &last, "save");
  first = last = day (2026, 12, 26);
  fill_dialog (page, "calendar.add-exception", "元旦调休", 1, &first, &last, "save");
  /* 元旦 closes school on Friday 1 January only: its make-up day follows
   * Friday's timetable unless the user picks another weekday. */
  g_assert_cmpuint (exception_follows (f->store, "元旦调休"), ==, G_DATE_FRIDAY);
  first = last = day (2026, 12, 28);
  fill_dialog (page, "calendar.add-exception", "周一", 1, &first, &last, "save");
  g_assert_cmpstr (qing_calendar_page_get_last_toast (page), ==,
                   "A make-up school day must be a Saturday or a Sunday.");
  first = day (2027, 1, 4);
  last = day (2027, 1, 15);
  fill_dialog (page, "calendar.add-key-period", "期末考试", 2, &first, &last, "save");
  fill_dialog (page, "calendar.add-key-period", "取消的", 0, &first, &last, "cancel");
  holiday = find_exception (f->store, "元旦", &n);
  g_assert_cmpint (holiday, >, 0);
  g_assert_cmpuint (n, ==, 2);
  periods = qing_store_list_key_periods (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, 1);
  row = g_ptr_array_index (periods, 0);
  g_assert_cmpint (row->kind, ==, QING_KEY_PERIOD_EXAM);
  /* Closer attention is on by default: at-risk students weekly. */
  g_assert_cmpint (row->intervals[QING_CADENCE_MENTOR_AT_RISK], ==, QING_CADENCE_PERIOD_WEEK);

  /* Undo brings a key period back with its closer attention. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.remove", "(sx)",
                                             "key_periods", row->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.undo-remove", NULL));
  g_clear_pointer (&periods, g_ptr_array_unref);
  periods = qing_store_list_key_periods (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, 1);
  row = g_ptr_array_index (periods, 0);
  g_assert_cmpstr (row->name, ==, "期末考试");
  g_assert_cmpint (row->intervals[QING_CADENCE_MENTOR_AT_RISK], ==, QING_CADENCE_PERIOD_WEEK);
  spin_a_little ();
  g_assert_cmpuint (count_remove_buttons (GTK_WIDGET (page)), ==, 4);

  /* Remove the holiday, undo, remove it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.remove", "(sx)",
                                             "calendar_exceptions", holiday));
  g_assert_cmpint (find_exception (f->store, "元旦", &n), ==, 0);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (qing_calendar_page_get_last_toast (page), "元旦"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.undo-remove", NULL));
  holiday = find_exception (f->store, "元旦", &n);
  g_assert_cmpint (holiday, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.remove", "(sx)",
                                             "calendar_exceptions", holiday));
  g_assert_cmpint (find_exception (f->store, "元旦", &n), ==, 0);
  g_assert_cmpint (find_exception (f->store, "元旦调休", &n), >, 0);
  g_assert_cmpuint (n, ==, 1);
  spin_a_little ();
  g_assert_cmpuint (count_remove_buttons (GTK_WIDGET (page)), ==, 3);

  /* The plan page now has a cycle and no longer sends the mentor here. */
  plan = qing_mentor_view_get_plan_page (f->mentor);
  qing_plan_page_reload (QING_PLAN_PAGE (plan));
  g_assert_false (gtk_widget_get_visible (find_action_button (plan, "app.preferences-page")));
  g_assert_false (gtk_widget_get_visible (roster_calendar_button (f)));
  g_assert_null (strstr (qing_mentor_view_get_header_text (f->mentor), "outside"));
}

/* The make-up day dialog: the weekday picked in "Follows the timetable of"
 * is stored and shown in the row's subtitle. */
static void
test_makeup_follows (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog;
  QingCalendarPage *page;
  AdwComboRow *follows;
  const char *subtitle;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }
  qing_preferences_window_show_page (f->prefs, "calendar");
  spin_a_little ();
  page = QING_CALENDAR_PAGE (
      adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (f->prefs)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.add-exception", NULL));
  dialog = qing_calendar_page_get_dialog (page);
  follows = g_object_get_data (G_OBJECT (dialog), "qing-follows");
  g_assert_nonnull (follows);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (follows)));
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "qing-name")),
                         "国庆调休");
  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (dialog), "qing-kind"), 1);
  set_calendar (g_object_get_data (G_OBJECT (dialog), "qing-first"), 2026, 10, 11);
  /* No holiday nearby: Monday by default. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (follows)));
  g_assert_cmpuint (adw_combo_row_get_selected (follows), ==, 0);
  adw_combo_row_set_selected (follows, G_DATE_FRIDAY - G_DATE_MONDAY);
  adw_message_dialog_response (dialog, "save");
  spin_a_little ();

  g_assert_cmpuint (exception_follows (f->store, "国庆调休"), ==, G_DATE_FRIDAY);
  subtitle = row_subtitle (GTK_WIDGET (page), "国庆调休");
  g_assert_nonnull (subtitle);
  g_assert_nonnull (strstr (subtitle, "Make-up school day · "));
  g_assert_true (g_str_has_suffix (subtitle, " · Follows Friday's timetable"));
}

/* Edit a term through its dialog; an overlapping second term is refused. */
static void
test_edit_term (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) terms = NULL;
  QingCalendarPage *page;
  QingCalendarRow *row;
  GDate first = day (2026, 9, 1), last = day (2027, 1, 22);
  gint64 id;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }
  id = qing_store_add_term (f->store, "秋季学期", &first, &last, &error);
  g_assert_no_error (error);
  qing_preferences_window_show_page (f->prefs, "calendar");
  spin_a_little ();
  page = QING_CALENDAR_PAGE (
      adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (f->prefs)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.edit-term", "x", id));
  {
    AdwMessageDialog *dialog = qing_calendar_page_get_dialog (page);

    g_assert_nonnull (dialog);
    g_assert_cmpstr (
        gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "qing-name"))),
        ==, "秋季学期");
    g_assert_null (g_object_get_data (G_OBJECT (dialog), "qing-kind"));
  }
  adw_message_dialog_response (qing_calendar_page_get_dialog (page), "cancel");
  spin_a_little ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.edit-term", "x", id));
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (
                             G_OBJECT (qing_calendar_page_get_dialog (page)), "qing-name")),
                         "2026年秋季学期");
  set_calendar (g_object_get_data (G_OBJECT (qing_calendar_page_get_dialog (page)), "qing-first"),
                2026, 8, 31);
  adw_message_dialog_response (qing_calendar_page_get_dialog (page), "save");
  spin_a_little ();

  /* The next term is suggested after this one: spring 2027. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.add-term", NULL));
  {
    AdwMessageDialog *dialog = qing_calendar_page_get_dialog (page);
    g_autoptr (GDateTime) suggested
        = gtk_calendar_get_date (g_object_get_data (G_OBJECT (dialog), "qing-first"));

    g_assert_cmpint (g_date_time_get_year (suggested), ==, 2027);
    g_assert_cmpint (g_date_time_get_month (suggested), ==, 2);
    g_assert_cmpint (g_date_time_get_day_of_month (suggested), ==, 15);
    adw_message_dialog_response (dialog, "cancel");
    spin_a_little ();
  }
  first = day (2027, 1, 10);
  last = day (2027, 7, 10);
  fill_dialog (page, "calendar.add-term", "重叠", 0, &first, &last, "save");
  g_assert_cmpstr (qing_calendar_page_get_last_toast (page), ==,
                   "This term overlaps another term.");

  terms = qing_store_list_terms (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (terms->len, ==, 1);
  row = g_ptr_array_index (terms, 0);
  g_assert_cmpstr (row->name, ==, "2026年秋季学期");
  g_assert_cmpuint (g_date_get_day (&row->first), ==, 31);
}

static gboolean
backup_written (const char *db_path)
{
  g_autoptr (GPtrArray) backups = qing_store_list_backups (db_path);

  return backups != NULL && backups->len > 0;
}

/* app.preferences-page('calendar'), as the mentor's buttons do, opens
 * Preferences on the calendar page of the application's store. */
static void
test_app_action (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GList) toplevels = NULL;
  QingPreferencesWindow *prefs = NULL;
  QingApplication *app;
  GList *windows;
  gint64 deadline;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }
  path = g_build_filename (f->dir, "app.db", NULL);
  app = qing_application_new_for_test (f->clock, path);
  g_object_set (app, "role-views", FALSE, NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences-page",
                                  g_variant_new_string ("calendar"));
  spin_a_little ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (QING_IS_PREFERENCES_WINDOW (l->data) && l->data != f->prefs)
      prefs = l->data;
  g_assert_nonnull (prefs);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (prefs)),
                   ==, "calendar");
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* Let today's backup (a thread) finish before the folder goes away. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!backup_written (path))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin_a_little ();
  g_object_unref (app);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The toasts are compared with the English sentences. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add ("/calendar-page/fresh-install", Fixture, NULL, fixture_set_up, test_fresh_install,
              fixture_tear_down);
  g_test_add ("/calendar-page/makeup-follows", Fixture, NULL, fixture_set_up, test_makeup_follows,
              fixture_tear_down);
  g_test_add ("/calendar-page/edit-term", Fixture, NULL, fixture_set_up, test_edit_term,
              fixture_tear_down);
  g_test_add ("/calendar-page/app-action", Fixture, NULL, fixture_set_up, test_app_action,
              fixture_tear_down);
  return g_test_run ();
}
