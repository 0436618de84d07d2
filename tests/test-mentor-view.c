/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor view in a real window: a temporary database and a manual
 * clock; import a class list (preview first), add a student by hand,
 * search by pinyin initials, plan the cycle, run a talk with the timer
 * advanced past 15:00 through the clock, finish it and see the roster row
 * turn done; edit the plan (skip, swap, move) and export it; propose a
 * care level, log a talk with parents and record a peer session; a crisis
 * flag cannot be saved without who was told.
 * Needs a display; skips without one.  No sleeps: the main context is
 * spun with a deadline.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mentor/qing-flag-dialog.h"
#include "mentor/qing-import-dialog.h"
#include "mentor/qing-mentor-view.h"
#include "mentor/qing-plan-page.h"
#include "shared/qing-chip-group.h"
#include "qing-roster-status.h"
#include "qing-store-calendar.h"
#include "qing-store-peer.h"
#include "qing-store-plan.h"

static gboolean have_display;

typedef struct
{
  char           *dir;
  QingClock      *clock;
  QingStore      *store;
  GtkWindow      *window;
  QingMentorView *view;
} Fixture;

static void
spin_a_little (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

typedef gboolean (*Condition) (Fixture *f, gpointer data);

/* Spins the main context until @done holds, failing after 10 s. */
static void
spin_until (Condition done, Fixture *f, gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (f, data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
has_n_rows (Fixture *f, gpointer n)
{
  return g_list_model_get_n_items (qing_mentor_view_get_visible_rows (f->view)) == GPOINTER_TO_UINT (n);
}

/* The visible button under @widget that activates @action, or NULL. */
static GtkWidget *
find_action_button (GtkWidget *widget, const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget)
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

static GDate *
make_date (int year, int month, int day)
{
  return g_date_new_dmy (day, month, year);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GDate) first = make_date (2026, 9, 1);
  g_autoptr (GDate) last = make_date (2027, 1, 22);

  if (!have_display)
    return;
  f->dir = g_dir_make_tmp ("qing-mentor-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "qingting.db", NULL);
  /* Monday 30 November 2026, 08:00 local time. */
  now = g_date_time_new_local (2026, 11, 30, 8, 0, 0);
  f->clock = qing_clock_new_manual (now);
  f->store = qing_store_open (path, f->clock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_store_add_term (f->store, "秋季学期", first, last, &error), >, 0);
  g_assert_no_error (error);

  f->view = QING_MENTOR_VIEW (qing_mentor_view_new (f->store, f->clock, NULL));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 360, 720);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  spin_a_little ();
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
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (!have_display)
    return;
  /* The view goes with its window: nothing keeps it alive. */
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  gtk_window_destroy (f->window);
  spin_a_little ();
  g_assert_null (f->view);
  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_clear_object (&f->clock);
  remove_dir (f->dir);
  g_free (f->dir);
}

#define REQUIRE_DISPLAY()                               \
  G_STMT_START {                                        \
    if (!have_display)                                  \
      {                                                 \
        g_test_skip ("No display");                     \
        return;                                         \
      }                                                 \
  } G_STMT_END

static void
import_fixture (Fixture *f, const char *name, guint expect_rows)
{
  g_autofree char *path = g_build_filename (QING_TEST_FIXTURES, "roster", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  QingImportDialog *dialog;

  qing_mentor_view_import_file (f->view, file);
  dialog = QING_IMPORT_DIALOG (qing_mentor_view_get_dialog (f->view));
  g_assert_true (QING_IS_IMPORT_DIALOG (dialog));
  g_assert_cmpuint (qing_import_dialog_get_n_rows (dialog), ==, expect_rows);
  g_assert_cmpuint (qing_import_dialog_get_n_problems (dialog), ==, 0);
  g_assert_true (qing_import_dialog_can_import (dialog));
  {
    g_autofree char *count = g_strdup_printf ("%u", expect_rows);

    g_assert_nonnull (strstr (qing_import_dialog_get_summary (dialog), count));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL));
  spin_a_little ();
}

static QingRosterEntry *
find_row (Fixture *f, gint64 student_id)
{
  GListModel *rows = qing_mentor_view_get_visible_rows (f->view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (QingRosterEntry) row = g_list_model_get_item (rows, i);

      if (qing_roster_entry_get_student_id (row) == student_id)
        return row;
    }
  return NULL;
}

static gboolean
row_is_done (Fixture *f, gpointer student_id)
{
  QingRosterEntry *row = find_row (f, GPOINTER_TO_SIZE (student_id));

  return row != NULL && qing_roster_entry_get_state (row) == QING_ROSTER_DONE;
}

/* Import: preview first (nothing saved), then the roster. */
static void
test_import_and_search (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = NULL;
  g_autoptr (GFile) bad_file = NULL;
  g_autoptr (GPtrArray) students = NULL;
  g_autoptr (GError) error = NULL;
  QingImportDialog *preview;
  AdwMessageDialog *form;
  GListModel *rows;

  REQUIRE_DISPLAY ();
  g_assert_cmpstr (qing_mentor_view_get_page (f->view), ==, "empty");

  /* A file with bad rows: every problem listed, Import disabled. */
  bad = g_build_filename (QING_TEST_FIXTURES, "roster", "bad-rows.csv", NULL);
  bad_file = g_file_new_for_path (bad);
  qing_mentor_view_import_file (f->view, bad_file);
  preview = QING_IMPORT_DIALOG (qing_mentor_view_get_dialog (f->view));
  g_assert_cmpuint (qing_import_dialog_get_n_problems (preview), >, 0);
  g_assert_false (qing_import_dialog_can_import (preview));
  /* Import refuses: nothing is saved. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "import.commit", NULL);
  students = qing_store_list_students (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (students->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (preview));
  g_assert_cmpstr (qing_mentor_view_get_page (f->view), ==, "empty");

  import_fixture (f, "class-45.csv", 45);
  g_assert_cmpstr (qing_mentor_view_get_page (f->view), ==, "roster");
  rows = qing_mentor_view_get_visible_rows (f->view);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 45);
  g_assert_nonnull (strstr (qing_mentor_view_get_header_text (f->view), "45"));

  /* Add 张三 by hand. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.add-student", NULL));
  form = ADW_MESSAGE_DIALOG (qing_mentor_view_get_dialog (f->view));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (form));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "qing-name"), "张三");
  adw_message_dialog_response (form, "save");
  spin_until (has_n_rows, f, GUINT_TO_POINTER (46));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 46);

  /* Pinyin initials: zs → 张三 only. */
  qing_mentor_view_set_search (f->view, "zs");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  {
    g_autoptr (QingRosterEntry) row = g_list_model_get_item (rows, 0);
    g_assert_cmpstr (qing_roster_entry_get_name (row), ==, "张三");
  }
  qing_mentor_view_set_search (f->view, "李雨桐");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  qing_mentor_view_set_search (f->view, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 46);
}

/* Plan the cycle, talk past 15:00 on the injected clock, see it done. */
static void
test_plan_and_talk (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  QingPlanPage *plan_page;
  GListModel *plan;
  g_autoptr (QingPlanItem) first = NULL;
  QingRosterEntry *row;
  gint64 student_id;
  GtkWindow *finish;

  REQUIRE_DISPLAY ();
  import_fixture (f, "class-45.csv", 45);
  plan_page = QING_PLAN_PAGE (qing_mentor_view_get_plan_page (f->view));
  for (guint weekday = 1; weekday <= 5; weekday++)
    {
      g_assert_true (qing_plan_page_add_slot (plan_page, weekday, 12 * 60 + 30, 30, 2, "午休", &error));
      g_assert_no_error (error);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.show-plan", NULL));
  g_assert_cmpstr (qing_mentor_view_get_page (f->view), ==, "plan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.plan-cycle", NULL));
  spin_a_little ();
  g_assert_cmpstr (qing_plan_page_get_result_text (plan_page), !=, "");
  plan = qing_plan_page_get_plan (plan_page);
  g_assert_cmpuint (g_list_model_get_n_items (plan), >, 0);
  /* Cycles start on the Monday of the term's first week: cycle 7 runs
   * Nov 23–Dec 6, five school days left with two seats each.
   * More students than seats: the page says how many will not fit instead
   * of overbooking. */
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 10);
  g_assert_nonnull (strstr (qing_plan_page_get_result_text (plan_page), "35"));

  first = g_list_model_get_item (plan, 0);
  student_id = qing_plan_item_get_student_id (first);
  row = find_row (f, student_id);
  g_assert_nonnull (row);
  g_assert_cmpint (qing_roster_entry_get_state (row), !=, QING_ROSTER_DONE);

  /* The talk: start, 15:30 on the clock, finish, save. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.start", "x", student_id));
  g_assert_cmpstr (qing_mentor_view_get_page (f->view), ==, "timer");
  qing_clock_advance (f->clock, 15 * 60 + 30);
  spin_a_little ();
  /* The shared timer page's own Finish button reaches the mentor view. */
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (f->view), "mentor.finish-timer"), "clicked");
  finish = qing_mentor_view_get_dialog (f->view);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (finish));
  /* mentorfix: a topic, a note, shared with the counselor. */
  gtk_toggle_button_set_active (qing_chip_group_get_chip (g_object_get_data (G_OBJECT (finish), "qing-topics"),
                                                          "study"), TRUE);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (finish), "qing-note"), "期中考试压力大");
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (finish), "qing-shared"), TRUE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (finish), "save");
  /* The roster follows the store and refreshes itself in an idle. */
  spin_until (row_is_done, f, GSIZE_TO_POINTER (student_id));

  g_assert_cmpstr (qing_mentor_view_get_page (f->view), ==, "roster");
  row = find_row (f, student_id);
  g_assert_nonnull (row);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_DONE);
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, 0);
  g_assert_nonnull (strstr (qing_mentor_view_get_header_text (f->view), "1"));

  /* The saved talk has the topic, the note and the visibility chosen. */
  {
    QingViewer viewer = { qing_store_get_local_person (f->store, QING_ROLE_MENTOR, NULL),
                          QING_ROLE_MENTOR };
    g_autoptr (GPtrArray) talks = qing_store_list_talks (f->store, &viewer, student_id, 0,
                                                         G_MAXINT64, &error);
    QingTalk *talk;

    g_assert_no_error (error);
    g_assert_cmpuint (talks->len, ==, 1);
    talk = g_ptr_array_index (talks, 0);
    g_assert_nonnull (qing_talk_get_topics (talk));
    g_assert_cmpstr (qing_talk_get_topics (talk)[0], ==, "study");
    g_assert_null (qing_talk_get_topics (talk)[1]);
    g_assert_cmpstr (qing_talk_get_note (talk), ==, "期中考试压力大");
    g_assert_cmpint (qing_talk_get_visibility (talk), ==, QING_VISIBILITY_COUNSELOR);
  }

  /* The plan entry turned done too. */
  qing_plan_model_refresh (plan);
  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr (QingPlanItem) item = g_list_model_get_item (plan, i);

      if (qing_plan_item_get_student_id (item) == student_id)
        g_assert_cmpint (qing_plan_item_get_status (item), ==, QING_PLAN_DONE);
    }
}

static gboolean
row_has_name (Fixture *f, gpointer name)
{
  GListModel *rows = qing_mentor_view_get_visible_rows (f->view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (QingRosterEntry) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (qing_roster_entry_get_name (row), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* mentorfix: edit a student's name, then move the student to another group. */
static void
test_edit_and_move_student (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (QingRosterEntry) first = NULL;
  g_autoptr (QingGroup) club = NULL;
  g_autoptr (GPtrArray) members = NULL;
  AdwMessageDialog *form;
  gint64 student_id, mentor_id;

  REQUIRE_DISPLAY ();
  import_fixture (f, "class-45.csv", 45);
  first = g_list_model_get_item (qing_mentor_view_get_visible_rows (f->view), 0);
  student_id = qing_roster_entry_get_student_id (first);

  /* Edit: a new name, saved and shown in the roster. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.edit-student", "x",
                                             student_id));
  form = ADW_MESSAGE_DIALOG (qing_mentor_view_get_dialog (f->view));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (form));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "qing-name"), "欧阳晨曦");
  adw_message_dialog_response (form, "save");
  spin_until (row_has_name, f, (gpointer) "欧阳晨曦");
  {
    g_autoptr (QingPerson) person = qing_store_get_person (f->store, student_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (qing_person_get_name (person), ==, "欧阳晨曦");
  }

  /* Move to another class of the mentor's: the student leaves this roster
   * (a move keeps one class per student; see qing_store_move_to_group()). */
  mentor_id = qing_store_get_local_person (f->store, QING_ROLE_MENTOR, &error);
  g_assert_no_error (error);
  club = qing_group_new (QING_GROUP_CLASS, "初二（2）班", mentor_id);
  g_assert_true (qing_store_add_group (f->store, club, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.move-student", "x",
                                             student_id));
  form = ADW_MESSAGE_DIALOG (qing_mentor_view_get_dialog (f->view));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (form));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (
                        g_object_get_data (G_OBJECT (form), "qing-groups"))), ==, 1);
  gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (form), "qing-groups"), 0);
  adw_message_dialog_response (form, "save");
  spin_until (has_n_rows, f, GUINT_TO_POINTER (44));
  g_assert_false (row_has_name (f, (gpointer) "欧阳晨曦"));
  members = qing_store_list_group_students (f->store, qing_group_get_id (club), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpint (qing_person_get_id (g_ptr_array_index (members, 0)), ==, student_id);
}

/* ui2: a move to a group named in the dialog makes a group of the kind
 * of the group shown, so the student really leaves it. */
static void
test_move_to_new_group (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (QingRosterEntry) first = NULL;
  g_autoptr (QingGroup) current = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) left = NULL;
  QingGroup *made = NULL;
  AdwMessageDialog *form;
  gint64 student_id;

  REQUIRE_DISPLAY ();
  import_fixture (f, "class-45.csv", 45);
  current = qing_store_get_group (f->store, qing_mentor_view_get_group_id (f->view), &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (qing_mentor_view_get_visible_rows (f->view), 0);
  student_id = qing_roster_entry_get_student_id (first);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.move-student", "x",
                                             student_id));
  form = ADW_MESSAGE_DIALOG (qing_mentor_view_get_dialog (f->view));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (form));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "qing-new-group"), "初二（5）班");
  adw_message_dialog_response (form, "save");
  spin_until (has_n_rows, f, GUINT_TO_POINTER (44));
  g_assert_null (find_row (f, student_id));

  groups = qing_store_list_groups (f->store, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (qing_group_get_name (g_ptr_array_index (groups, i)), "初二（5）班") == 0)
      made = g_ptr_array_index (groups, i);
  g_assert_nonnull (made);
  g_assert_cmpint (qing_group_get_kind (made), ==, qing_group_get_kind (current));
  members = qing_store_list_group_students (f->store, qing_group_get_id (made), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpint (qing_person_get_id (g_ptr_array_index (members, 0)), ==, student_id);
  left = qing_store_list_group_students (f->store, qing_group_get_id (current), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 44);
}

static QingPlanItem *
plan_item (GListModel *plan, gint64 entry_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr (QingPlanItem) item = g_list_model_get_item (plan, i);

      if (qing_plan_item_get_id (item) == entry_id)
        return item;
    }
  return NULL;
}

static QingPlanPage *
plan_cycle (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  QingPlanPage *plan_page = QING_PLAN_PAGE (qing_mentor_view_get_plan_page (f->view));

  for (guint weekday = 1; weekday <= 5; weekday++)
    {
      g_assert_true (qing_plan_page_add_slot (plan_page, weekday, 12 * 60 + 30, 30, 2, "午休", &error));
      g_assert_no_error (error);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.show-plan", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.plan-cycle", NULL));
  spin_a_little ();
  return plan_page;
}

/* Skip, swap and move planned talks; export the plan as iCalendar. */
static void
test_plan_edit_export (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ics_path = NULL;
  g_autofree char *ics = NULL;
  g_autoptr (GFile) ics_file = NULL;
  QingPlanPage *plan_page;
  GListModel *plan;
  gint64 a, b, c;
  guint a_minute, b_minute;
  GDate a_day, b_day;
  GtkWindow *move;
  QingPlanItem *item;

  REQUIRE_DISPLAY ();
  import_fixture (f, "class-45.csv", 45);
  plan_page = plan_cycle (f);
  plan = qing_plan_page_get_plan (plan_page);
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 10);
  {
    g_autoptr (QingPlanItem) ia = g_list_model_get_item (plan, 0);
    g_autoptr (QingPlanItem) ib = g_list_model_get_item (plan, 3);
    g_autoptr (QingPlanItem) ic = g_list_model_get_item (plan, 5);

    a = qing_plan_item_get_id (ia);
    b = qing_plan_item_get_id (ib);
    c = qing_plan_item_get_id (ic);
    a_minute = qing_plan_item_get_start_minute (ia);
    b_minute = qing_plan_item_get_start_minute (ib);
    a_day = *qing_plan_item_get_day (ia);
    b_day = *qing_plan_item_get_day (ib);
  }

  /* Swap: choose one talk, then the other. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.swap", "x", a));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.swap", "x", b));
  qing_plan_model_refresh (plan);
  item = plan_item (plan, a);
  g_assert_nonnull (item);
  g_assert_cmpint (g_date_compare (qing_plan_item_get_day (item), &b_day), ==, 0);
  g_assert_cmpuint (qing_plan_item_get_start_minute (item), ==, b_minute);
  item = plan_item (plan, b);
  g_assert_cmpint (g_date_compare (qing_plan_item_get_day (item), &a_day), ==, 0);
  g_assert_cmpuint (qing_plan_item_get_start_minute (item), ==, a_minute);

  /* Skip. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.skip", "x", c));
  qing_plan_model_refresh (plan);
  g_assert_cmpint (qing_plan_item_get_status (plan_item (plan, c)), ==, QING_PLAN_SKIPPED);

  /* Move: the dialog offers the school days and slots left that have room
   * (mentorfix: full ones are left out): the talk's own Tuesday slot and
   * Wednesday, where the skipped talk freed a seat. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.move", "x", a));
  move = qing_plan_page_get_dialog (plan_page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (move));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (move), "move"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (
                        g_object_get_data (G_OBJECT (move), "qing-dropdown"))), ==, 2);
  gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (move), "qing-dropdown"), 1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (move), "move");
  spin_a_little ();
  qing_plan_model_refresh (plan);
  item = plan_item (plan, a);
  g_assert_cmpint (qing_plan_item_get_status (item), ==, QING_PLAN_MOVED);
  g_assert_cmpint (g_date_get_weekday (qing_plan_item_get_day (item)), ==, G_DATE_WEDNESDAY);

  /* Export: every open talk, names only, no notes. */
  ics_path = g_build_filename (f->dir, "plan.ics", NULL);
  ics_file = g_file_new_for_path (ics_path);
  g_assert_true (qing_plan_page_export (plan_page, ics_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ics_path, &ics, NULL, NULL));
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (ics, qing_plan_item_get_student_name (plan_item (plan, a))));
  g_assert_null (strstr (ics, qing_plan_item_get_student_name (plan_item (plan, c))));
  g_remove (ics_path);
}

/* An action row under @widget whose subtitle contains @text, or NULL. */
static GtkWidget *
find_row_with_subtitle (GtkWidget *widget, const char *text)
{
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL
      && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_with_subtitle (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* mentorfix: talks that did not happen move to the next free slots by
 * themselves when the day changes; with no free slot left they read
 * "Missed", not "Planned". */
static void
test_missed_talks_move (Fixture *f, gconstpointer data)
{
  const char *missed = g_dpgettext2 (GETTEXT_PACKAGE, "plan entry", "Missed");
  QingPlanPage *plan_page;
  GListModel *plan;
  gint64 monday[2];

  REQUIRE_DISPLAY ();
  import_fixture (f, "class-45.csv", 45);
  plan_page = plan_cycle (f);
  plan = qing_plan_page_get_plan (plan_page);
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 10);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (QingPlanItem) item = g_list_model_get_item (plan, i);
      g_autoptr (QingPlanItem) friday = g_list_model_get_item (plan, 8 + i);

      monday[i] = qing_plan_item_get_id (item);
      /* Friday's two talks are skipped: two free seats. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.skip", "x",
                                                 qing_plan_item_get_id (friday)));
    }

  /* Tuesday 08:00: the page's midnight alarm moved Monday's two talks. */
  qing_clock_advance (f->clock, 24 * 60 * 60);
  spin_a_little ();
  /* The page reloaded: a new model of the same cycle. */
  plan = qing_plan_page_get_plan (plan_page);
  qing_plan_model_refresh (plan);
  for (guint i = 0; i < 2; i++)
    {
      QingPlanItem *item = plan_item (plan, monday[i]);

      g_assert_nonnull (item);
      g_assert_cmpint (qing_plan_item_get_status (item), ==, QING_PLAN_MOVED);
      g_assert_cmpint (g_date_get_weekday (qing_plan_item_get_day (item)), ==, G_DATE_FRIDAY);
    }
  g_assert_nonnull (strstr (qing_plan_page_get_result_text (plan_page), "2"));
  g_assert_null (find_row_with_subtitle (GTK_WIDGET (plan_page), missed));

  /* Wednesday 08:00: Tuesday's talks have no free seat left: "Missed". */
  qing_clock_advance (f->clock, 24 * 60 * 60);
  spin_a_little ();
  g_assert_nonnull (find_row_with_subtitle (GTK_WIDGET (plan_page), missed));
}

/* The student page: propose key care (the counselor confirms later), log a
 * talk with parents; the class's peer session and its status line. */
static void
test_student_care_peer (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRosterEntry) row = NULL;
  g_autoptr (GPtrArray) proposals = NULL;
  g_autoptr (GPtrArray) talks = NULL;
  g_autoptr (GArray) sessions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *peer_before = NULL;
  AdwMessageDialog *form;
  QingViewer viewer;
  gint64 student_id;

  REQUIRE_DISPLAY ();
  import_fixture (f, "class-45.csv", 45);
  row = g_list_model_get_item (qing_mentor_view_get_visible_rows (f->view), 0);
  student_id = qing_roster_entry_get_student_id (row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.open-student", "x", student_id));
  g_assert_cmpstr (qing_mentor_view_get_page (f->view), ==, "student");

  /* Propose key care: a reason is required; the level stays until confirmed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.propose-care", "(xi)",
                                             student_id, (gint32) QING_CARE_KEY_CARE));
  form = ADW_MESSAGE_DIALOG (qing_mentor_view_get_dialog (f->view));
  g_assert_false (adw_message_dialog_get_response_enabled (form, "save"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "qing-reason"), "最近常独处，成绩下滑");
  g_assert_true (adw_message_dialog_get_response_enabled (form, "save"));
  adw_message_dialog_response (form, "save");
  spin_a_little ();
  proposals = qing_store_list_care_level_proposals (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposals->len, ==, 1);
  g_assert_cmpint (((QingCareLevelChange *) g_ptr_array_index (proposals, 0))->level, ==, QING_CARE_KEY_CARE);
  g_assert_cmpint (qing_roster_entry_get_care_level (qing_roster_status_find (
                     QING_ROSTER_STATUS (gtk_filter_list_model_get_model (
                       GTK_FILTER_LIST_MODEL (qing_mentor_view_get_visible_rows (f->view)))),
                     student_id)), ==, QING_CARE_NORMAL);

  /* A phone call with the parents, 20 minutes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.guardian-talk", "x", student_id));
  form = ADW_MESSAGE_DIALOG (qing_mentor_view_get_dialog (f->view));
  gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (form), "qing-mode"), QING_TALK_MODE_PHONE);
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (form), "qing-minutes"), 20);
  adw_message_dialog_response (form, "save");
  spin_a_little ();
  viewer.person_id = qing_mentor_view_get_mentor_id (f->view);
  viewer.role = QING_ROLE_MENTOR;
  talks = qing_store_list_talks (f->store, &viewer, student_id, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (talks->len, ==, 1);
  g_assert_true (qing_talk_get_with_guardian (g_ptr_array_index (talks, 0)));
  g_assert_cmpint (qing_talk_get_mode (g_ptr_array_index (talks, 0)), ==, QING_TALK_MODE_PHONE);
  g_assert_cmpint (qing_talk_get_duration (g_ptr_array_index (talks, 0)), ==, 20 * 60);
  g_assert_cmpint (qing_talk_get_visibility (g_ptr_array_index (talks, 0)), ==, QING_VISIBILITY_PRIVATE);

  /* The peer session, this afternoon: led by the peer supporter, 38 took
   * part.  (The store counts a session at noon of its day.) */
  qing_clock_advance (f->clock, 6 * 60 * 60);
  qing_mentor_view_refresh (f->view);
  peer_before = g_strdup (qing_mentor_view_get_peer_text (f->view));
  g_assert_cmpstr (peer_before, !=, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.peer-session", NULL));
  form = ADW_MESSAGE_DIALOG (qing_mentor_view_get_dialog (f->view));
  g_assert_false (adw_message_dialog_get_response_enabled (form, "save"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (form), "qing-led-by"), "李雨桐");
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (form), "qing-count"), 38);
  adw_message_dialog_response (form, "save");
  spin_a_little ();
  sessions = qing_store_list_peer_sessions (f->store, qing_mentor_view_get_group_id (f->view), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpuint (g_array_index (sessions, QingPeerSession, 0).participants, ==, 38);
  g_assert_cmpstr (qing_mentor_view_get_peer_text (f->view), !=, peer_before);
}

/* 危机 shows the crisis steps at once; Save needs who was told. */
static void
test_crisis_flag (Fixture *f, gconstpointer data)
{
  QingFlagDialog *dialog;
  g_autoptr (QingRosterEntry) row = NULL;
  g_autoptr (GPtrArray) flags = NULL;
  g_autoptr (GError) error = NULL;
  QingViewer viewer;

  REQUIRE_DISPLAY ();
  import_fixture (f, "class-45.csv", 45);
  row = g_list_model_get_item (qing_mentor_view_get_visible_rows (f->view), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "mentor.raise-flag", "x",
                                             qing_roster_entry_get_student_id (row)));
  dialog = QING_FLAG_DIALOG (qing_mentor_view_get_dialog (f->view));
  g_assert_true (QING_IS_FLAG_DIALOG (dialog));
  g_assert_false (qing_flag_dialog_get_can_save (dialog));

  qing_flag_dialog_set_observed (dialog, "课间独自哭泣，说不想活了");
  g_assert_true (qing_flag_dialog_get_can_save (dialog));
  g_assert_false (qing_flag_dialog_get_steps_shown (dialog));

  qing_flag_dialog_set_severity (dialog, QING_SEVERITY_CRISIS);
  g_assert_true (qing_flag_dialog_get_steps_shown (dialog));
  g_assert_false (qing_flag_dialog_get_can_save (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_false (qing_flag_dialog_save (dialog, &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_CRISIS_UNTOLD);
  g_clear_error (&error);

  qing_flag_dialog_set_who_was_told (dialog, "心理老师王老师、班主任");
  g_assert_true (qing_flag_dialog_get_can_save (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  spin_a_little ();

  viewer.person_id = qing_mentor_view_get_mentor_id (f->view);
  viewer.role = QING_ROLE_MENTOR;
  flags = qing_store_list_open_flags (f->store, &viewer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 1);
  g_assert_cmpint (qing_flag_get_severity (g_ptr_array_index (flags, 0)), ==, QING_SEVERITY_CRISIS);
  g_assert_cmpstr (qing_flag_get_who_was_told (g_ptr_array_index (flags, 0)), ==, "心理老师王老师、班主任");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add ("/mentor-view/import-and-search", Fixture, NULL, fixture_set_up,
              test_import_and_search, fixture_tear_down);
  g_test_add ("/mentor-view/plan-and-talk", Fixture, NULL, fixture_set_up,
              test_plan_and_talk, fixture_tear_down);
  g_test_add ("/mentor-view/edit-and-move-student", Fixture, NULL, fixture_set_up,
              test_edit_and_move_student, fixture_tear_down);
  g_test_add ("/mentor-view/move-to-new-group", Fixture, NULL, fixture_set_up,
              test_move_to_new_group, fixture_tear_down);
  g_test_add ("/mentor-view/missed-talks-move", Fixture, NULL, fixture_set_up,
              test_missed_talks_move, fixture_tear_down);
  g_test_add ("/mentor-view/plan-edit-export", Fixture, NULL, fixture_set_up,
              test_plan_edit_export, fixture_tear_down);
  g_test_add ("/mentor-view/student-care-peer", Fixture, NULL, fixture_set_up,
              test_student_care_peer, fixture_tear_down);
  g_test_add ("/mentor-view/crisis-flag", Fixture, NULL, fixture_set_up,
              test_crisis_flag, fixture_tear_down);
  return g_test_run ();
}
