/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parent view in a real window, on a temporary database and a manual
 * clock: add a child, start the timer, pass 15:00 and see the notification
 * reach the notification server (dunst in tests/headless-session.sh, seen
 * by the D-Bus monitor of test-services-util.c),
 * finish, find the talk in the store and the ring full, record the mood
 * and find the day in the chart, delete a talk and undo; removing a child
 * says what it deletes; a mood drop shows the alert and "Tell the mentor"
 * saves a flag; a timer left running while the app was closed, or found
 * stale after a suspend with the app open, is asked about.  No sleeps: the main context is spun with a deadline.
 * Skips without a display unless QING_TEST_REQUIRE_DISPLAY=1.
 */
#include <glib/gstdio.h>
#include <locale.h>

#include "parent/qing-child-dialog.h"
#include "parent/qing-mood-dialog.h"
#include "parent/qing-parent-view.h"
#include "parent/qing-talk-dialog.h"
#include "test-services-util.h"

static gboolean have_display;
static gboolean monitoring; /* a notification server is there, and watched */

#define REQUIRE_DISPLAY()                                                         \
  G_STMT_START                                                                    \
  {                                                                               \
    if (!have_display)                                                            \
      {                                                                           \
        g_test_skip ("No display; set QING_TEST_REQUIRE_DISPLAY=1 to fail instead"); \
        return;                                                                   \
      }                                                                           \
  }                                                                               \
  G_STMT_END

typedef struct
{
  char             *dir;
  QingClock        *clock;
  QingStore        *store;
  QingNotifier     *notifier;
  QingTimerService *service;
  GtkWindow        *window;
  QingParentView   *view;
} Fixture;

/* ---- helpers ---- */

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  return TRUE;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (!have_display)
    return;
  f->dir = g_dir_make_tmp ("qing-parent-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "qingting.db", NULL);
  start = g_date_time_new (tz, 2026, 11, 20, 19, 30, 0);
  f->clock = qing_clock_new_manual (start);
  f->store = qing_store_open (path, f->clock, &error);
  g_assert_no_error (error);
  f->notifier = qing_notifier_new ();
  f->service = qing_timer_service_new (f->store, f->clock, f->notifier);
}

static void
show_view (Fixture *f)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 760);
  f->view = QING_PARENT_VIEW (qing_parent_view_new (f->store, f->clock, f->service));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  g_assert_true (spin_until (is_mapped, f->view));
}

static void
close_dialogs (Fixture *f)
{
  GtkWindow *dialog;

  while ((dialog = qing_parent_view_get_dialog (f->view)) != NULL)
    gtk_window_destroy (dialog);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (!have_display)
    return;
  if (f->view != NULL)
    {
      close_dialogs (f);
      g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
    }
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  spin ();
  /* Nothing keeps the view alive once its window is gone. */
  g_assert_null (f->view);
  g_clear_object (&f->service);
  g_clear_object (&f->notifier);
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  if (f->dir != NULL)
    {
      g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (f->dir, name, NULL);
          g_unlink (file);
        }
      g_rmdir (f->dir);
      g_free (f->dir);
    }
}

static void
activate (Fixture *f, const char *action, gint64 id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action,
                                             id != 0 ? "x" : NULL, id));
  spin ();
}

static gint64
add_child_through_dialog (Fixture *f, const char *name)
{
  GtkWindow *dialog;
  g_autoptr (GPtrArray) children = NULL;

  activate (f, "parent.add-child", 0);
  dialog = qing_parent_view_get_dialog (f->view);
  g_assert_true (QING_IS_CHILD_DIALOG (dialog));
  gtk_editable_set_text (qing_child_dialog_get_name_row (QING_CHILD_DIALOG (dialog)), name);
  gtk_editable_set_text (qing_child_dialog_get_class_row (QING_CHILD_DIALOG (dialog)), "三年级二班");
  qing_child_dialog_set_birthday (QING_CHILD_DIALOG (dialog), "2017-05-03");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  spin ();
  g_assert_null (qing_parent_view_get_dialog (f->view));

  children = qing_store_list_children (f->store, qing_parent_view_get_guardian_id (f->view), NULL);
  g_assert_nonnull (children);
  for (guint i = 0; i < children->len; i++)
    if (g_strcmp0 (qing_person_get_name (g_ptr_array_index (children, i)), name) == 0)
      return qing_person_get_id (g_ptr_array_index (children, i));
  g_assert_not_reached ();
}

static GPtrArray *
list_talks (Fixture *f, gint64 child_id)
{
  QingViewer viewer = { qing_parent_view_get_guardian_id (f->view), QING_ROLE_PARENT };
  g_autoptr (GError) error = NULL;
  GPtrArray *talks = qing_store_list_talks (f->store, &viewer, child_id, 0, G_MAXINT64, &error);

  g_assert_no_error (error);
  return talks;
}

/* ---- tests ---- */

/* The Notify calls of the parent's 15:00 notification seen since the
 * last drain (a new array of SeenCall). */
static GPtrArray *
goal_notifications (Fixture *f)
{
  g_autoptr (GPtrArray) calls = services_monitor_drain (f->notifier);
  GPtrArray *goal = g_ptr_array_new_with_free_func ((GDestroyNotify) seen_call_free);

  for (guint i = 0; i < calls->len; i++)
    {
      SeenCall *call = g_ptr_array_index (calls, i);

      if (!call->close && g_strcmp0 (call->summary, "15 minutes reached") == 0)
        g_ptr_array_add (goal, g_ptr_array_steal_index (calls, i--));
    }
  return goal;
}

/* Presses "Start listening" on @card, passes 14:59 then 15:01 on the
 * manual clock; the 15:00 notification names the child and reaches the
 * server. */
static void
start_and_pass_goal (Fixture *f, QingChildCard *card)
{
  QingTimerPage *timer_page = qing_parent_view_get_timer_page (f->view);
  g_autoptr (GPtrArray) calls = NULL;
  g_autofree char *tag = NULL;

  g_signal_emit_by_name (qing_child_card_get_start_button (card), "clicked");
  spin ();
  g_assert_cmpstr (qing_parent_view_get_page (f->view), ==, "timer");
  g_assert_nonnull (qing_timer_page_get_timer (timer_page));

  qing_clock_advance (f->clock, 14 * 60 + 59);
  spin ();
  g_assert_cmpstr (qing_timer_page_get_elapsed_text (timer_page), ==, "14:59");
  g_assert_false (qing_ring_get_reached (qing_timer_page_get_ring (timer_page)));
  if (monitoring)
    {
      calls = goal_notifications (f);
      g_assert_cmpuint (calls->len, ==, 0);
      g_clear_pointer (&calls, g_ptr_array_unref);
    }

  qing_clock_advance (f->clock, 2);
  spin ();
  g_assert_cmpstr (qing_timer_page_get_elapsed_text (timer_page), ==, "15:01");
  g_assert_true (qing_ring_get_reached (qing_timer_page_get_ring (timer_page)));
  g_assert_nonnull (qing_child_card_get_running_text (card));
  if (!monitoring)
    return;
  calls = goal_notifications (f);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_nonnull (strstr (((SeenCall *) g_ptr_array_index (calls, 0))->body, "小明"));
  /* The server answered with an id: the notification reached it. */
  tag = g_strdup_printf ("timer-15min:%s", qing_person_get_uuid (qing_child_card_get_child (card)));
  g_assert_cmpint (qing_notifier_get_server_id (f->notifier, tag), >, 0);
}

/* Finishes the running timer with two topics; returns the saved talk. */
static QingTalk *
finish_with_topics (Fixture *f, gint64 child_id, const char * const *ids)
{
  g_autoptr (GPtrArray) talks = NULL;
  GtkWindow *dialog;

  activate (f, "parent.finish-timer", child_id);
  dialog = qing_parent_view_get_dialog (f->view);
  g_assert_true (QING_IS_TALK_DIALOG (dialog));
  qing_chip_group_set_selected (qing_talk_dialog_get_topics (QING_TALK_DIALOG (dialog)), ids);
  qing_talk_dialog_set_note (QING_TALK_DIALOG (dialog), "聊了运动会");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  spin ();

  talks = list_talks (f, child_id);
  g_assert_cmpuint (talks->len, ==, 1);
  g_assert_cmpint (qing_talk_get_duration (g_ptr_array_index (talks, 0)), ==, 15 * 60 + 1);
  g_assert_true (g_strv_equal (qing_talk_get_topics (g_ptr_array_index (talks, 0)), ids));
  g_assert_cmpstr (qing_parent_view_get_page (f->view), ==, "today");
  return g_object_ref (g_ptr_array_index (talks, 0));
}

/* The mood dialog offered after the talk saves an entry linked to it. */
static void
record_mood_after_talk (Fixture *f, gint64 child_id, gint64 talk_id)
{
  QingViewer viewer = { qing_parent_view_get_guardian_id (f->view), QING_ROLE_PARENT };
  g_autoptr (GPtrArray) moods = NULL;
  GtkWindow *dialog = qing_parent_view_get_dialog (f->view);

  g_assert_true (QING_IS_MOOD_DIALOG (dialog));
  /* Nothing is saved before a face is chosen. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (qing_parent_view_get_dialog (f->view) == dialog);
  qing_mood_picker_set_valence (qing_mood_dialog_get_picker (QING_MOOD_DIALOG (dialog)), 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  spin ();
  g_assert_null (qing_parent_view_get_dialog (f->view));
  moods = qing_store_list_moods (f->store, &viewer, child_id, 0, G_MAXINT64, NULL);
  g_assert_cmpuint (moods->len, ==, 1);
  g_assert_cmpint (qing_mood_entry_get_valence (g_ptr_array_index (moods, 0)), ==, 2);
  g_assert_cmpint (qing_mood_entry_get_talk_id (g_ptr_array_index (moods, 0)), ==, talk_id);
}

/* The child page lists today's talk and the mood chart has today. */
static void
check_child_page (Fixture *f, gint64 child_id)
{
  QingChildPage *page;
  QingMoodSeries *series;
  const QingMoodDay *last;

  activate (f, "parent.open-child", child_id);
  g_assert_cmpstr (qing_parent_view_get_page (f->view), ==, "child");
  page = qing_parent_view_get_child_page (f->view);
  g_assert_cmpuint (qing_child_page_get_n_day_talks (page), ==, 1);
  g_assert_cmpuint (qing_child_page_get_n_recent_moods (page), ==, 1);
  series = qing_mood_chart_get_series (qing_mood_trend_get_chart (qing_child_page_get_trend (page)));
  g_assert_nonnull (series);
  last = qing_mood_series_get_day (series, qing_mood_series_get_n_days (series) - 1);
  g_assert_cmpuint (last->n, ==, 1);
  g_assert_cmpfloat (last->mean, ==, 2.0);
  g_assert_cmpint (g_date_get_day (&last->day), ==, 20);
}

/* Deleting the talk empties the day and the ring; Undo brings it back. */
static void
delete_and_undo (Fixture *f, gint64 child_id, QingTalk *talk, QingChildCard *card)
{
  QingChildPage *page = qing_parent_view_get_child_page (f->view);
  g_autoptr (GPtrArray) talks = NULL;
  g_autoptr (GPtrArray) restored = NULL;

  activate (f, "parent.remove-talk", qing_talk_get_id (talk));
  talks = list_talks (f, child_id);
  g_assert_cmpuint (talks->len, ==, 0);
  g_assert_cmpuint (qing_child_page_get_n_day_talks (page), ==, 0);
  g_assert_cmpuint (qing_ring_get_value_seconds (qing_child_card_get_ring (card)), ==, 0);

  activate (f, "parent.undo-remove-talk", 0);
  restored = list_talks (f, child_id);
  g_assert_cmpuint (restored->len, ==, 1);
  g_assert_cmpstr (qing_talk_get_uuid (g_ptr_array_index (restored, 0)), ==,
                   qing_talk_get_uuid (talk));
  g_assert_cmpint (qing_talk_get_duration (g_ptr_array_index (restored, 0)), ==, 15 * 60 + 1);
  g_assert_cmpuint (qing_child_page_get_n_day_talks (page), ==, 1);
  g_assert_cmpuint (qing_ring_get_value_seconds (qing_child_card_get_ring (card)), >=, 15 * 60);
}

/* Start → 15:00 notification → finish → talk saved, ring full → mood →
 * chart has the day → delete the talk → Undo restores it. */
static void
test_timer_flow (Fixture *f, gconstpointer data)
{
  const char *ids[] = { "study", "friends", NULL };
  g_autoptr (QingTalk) talk = NULL;
  QingChildCard *card;
  gint64 child_id;

  REQUIRE_DISPLAY ();
  show_view (f);
  g_assert_cmpstr (qing_parent_view_get_page (f->view), ==, "empty");

  child_id = add_child_through_dialog (f, "张小明");
  g_assert_cmpstr (qing_parent_view_get_page (f->view), ==, "today");
  card = qing_parent_view_get_card (f->view, child_id);
  g_assert_nonnull (card);
  g_assert_cmpuint (qing_ring_get_value_seconds (qing_child_card_get_ring (card)), ==, 0);
  g_assert_null (qing_child_card_get_running_text (card));

  start_and_pass_goal (f, card);
  talk = finish_with_topics (f, child_id, ids);
  g_assert_null (qing_child_card_get_running_text (card));
  g_assert_cmpuint (qing_ring_get_value_seconds (qing_child_card_get_ring (card)), >=, 15 * 60);
  g_assert_true (qing_ring_get_reached (qing_child_card_get_ring (card)));

  record_mood_after_talk (f, child_id, qing_talk_get_id (talk));
  check_child_page (f, child_id);
  delete_and_undo (f, child_id, talk, card);
}

static void
add_talk_at (Fixture *f, gint64 child_id, gint64 start, gint duration)
{
  g_autoptr (QingTalk) talk = qing_talk_new (child_id, qing_parent_view_get_guardian_id (f->view),
                                             QING_ROLE_PARENT, start, duration);
  g_autoptr (GError) error = NULL;

  qing_store_add_talk (f->store, talk, &error);
  g_assert_no_error (error);
}

static void
add_mood_at (Fixture *f, gint64 child_id, gint64 at, int valence)
{
  g_autoptr (QingMoodEntry) entry = qing_mood_entry_new (child_id,
                                                         qing_parent_view_get_guardian_id (f->view),
                                                         at, valence);
  g_autoptr (GError) error = NULL;

  qing_mood_entry_set_recorder_role (entry, QING_ROLE_PARENT);
  qing_store_add_mood (f->store, entry, &error);
  g_assert_no_error (error);
}

static gboolean
day_marked (Fixture *f, guint day)
{
  QingChildPage *page = qing_parent_view_get_child_page (f->view);
  QingMonthCalendar *calendar = qing_child_page_get_calendar (page);

  return gtk_widget_has_css_class (qing_month_calendar_get_day_button (calendar, day), "reached");
}

/* Short talks adding up to 15 minutes fill the ring but do not make the
 * day: not reached, an honest hint, no streak, no green day in the
 * history; one talk of 15 minutes does. */
static void
test_short_talks (Fixture *f, gconstpointer data)
{
  QingStreakBadge *badge;
  QingChildCard *card;
  QingRing *ring;
  gint64 now, child_id;

  REQUIRE_DISPLAY ();
  show_view (f);
  child_id = add_child_through_dialog (f, "李雨桐");
  card = qing_parent_view_get_card (f->view, child_id);
  ring = qing_child_card_get_ring (card);
  now = qing_clock_get_now_unix (f->clock);
  /* yesterday (19 Nov): 14:59 + 14:59; today: three talks of 6 minutes */
  add_talk_at (f, child_id, now - 86400 - 3600, 15 * 60 - 1);
  add_talk_at (f, child_id, now - 86400 - 1800, 15 * 60 - 1);
  for (int i = 1; i <= 3; i++)
    add_talk_at (f, child_id, now - i * 1200, 6 * 60);
  spin ();
  g_assert_cmpuint (qing_ring_get_value_seconds (ring), ==, 18 * 60);
  g_assert_true (qing_ring_get_reached_set (ring));
  g_assert_false (qing_ring_get_reached (ring));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ring), "reached"));
  g_assert_cmpstr (qing_child_card_get_hint_text (card), ==,
                   "Short talks add up to 18 min; one unbroken 15-minute talk counts");

  activate (f, "parent.open-child", child_id);
  badge = qing_child_page_get_streak_badge (qing_parent_view_get_child_page (f->view));
  g_assert_cmpuint (qing_streak_badge_get_current (badge), ==, 0);
  g_assert_cmpuint (qing_streak_badge_get_longest (badge), ==, 0);
  g_assert_false (day_marked (f, 19));
  g_assert_false (day_marked (f, 20));
  activate (f, "parent.back", 0);

  /* one unbroken quarter hour today */
  add_talk_at (f, child_id, now - 4 * 1200, 15 * 60);
  spin ();
  g_assert_cmpuint (qing_ring_get_value_seconds (ring), ==, 33 * 60);
  g_assert_true (qing_ring_get_reached (ring));
  g_assert_null (qing_child_card_get_hint_text (card));
  activate (f, "parent.open-child", child_id);
  g_assert_cmpuint (qing_streak_badge_get_current (badge), ==, 1);
  g_assert_false (day_marked (f, 19));
  g_assert_true (day_marked (f, 20));
}

/* Removing a child says what goes with them, then removes them. */
static void
test_remove_child (Fixture *f, gconstpointer data)
{
  gint64 now, child_id;
  GtkWindow *dialog;
  const char *body;

  REQUIRE_DISPLAY ();
  show_view (f);
  child_id = add_child_through_dialog (f, "李雨桐");
  now = qing_clock_get_now_unix (f->clock);
  add_talk_at (f, child_id, now - 3600, 900);
  add_talk_at (f, child_id, now - 86400, 600);
  for (int i = 0; i < 3; i++)
    add_mood_at (f, child_id, now - i * 86400, 1);

  activate (f, "parent.remove-child", child_id);
  dialog = qing_parent_view_get_dialog (f->view);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "2 talks and 3 mood entries of 雨桐"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  spin ();
  g_assert_null (qing_parent_view_get_card (f->view, child_id));
  g_assert_cmpstr (qing_parent_view_get_page (f->view), ==, "empty");
  g_assert_null (qing_store_get_person (f->store, child_id, NULL));
}

/* Adds a talk by hand through the dialog, starting @hours_ago hours ago;
 * returns the dialog's error, or NULL when it was saved. */
static char *
add_talk_by_hand (Fixture *f, gint64 child_id, int hours_ago, guint minutes)
{
  g_autoptr (GDateTime) now = qing_clock_get_now (f->clock);
  g_autoptr (GDateTime) start = g_date_time_add_hours (now, -hours_ago);
  GtkWindow *dialog;

  activate (f, "parent.add-talk", child_id);
  dialog = qing_parent_view_get_dialog (f->view);
  g_assert_true (QING_IS_TALK_DIALOG (dialog));
  qing_talk_dialog_set_start (QING_TALK_DIALOG (dialog), start);
  qing_talk_dialog_set_minutes (QING_TALK_DIALOG (dialog), minutes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  spin ();
  if (qing_parent_view_get_dialog (f->view) == NULL)
    return NULL;
  return g_strdup (qing_talk_dialog_get_error_text (QING_TALK_DIALOG (dialog)));
}

/* Edits the talk that lasted @from minutes to last @to minutes. */
static void
edit_talk_minutes (Fixture *f, gint64 child_id, guint from, guint to)
{
  g_autoptr (GPtrArray) talks = list_talks (f, child_id);
  gint64 talk_id = 0;
  GtkWindow *dialog;

  for (guint i = 0; i < talks->len; i++)
    if (qing_talk_get_duration (g_ptr_array_index (talks, i)) == (gint) from * 60)
      talk_id = qing_talk_get_id (g_ptr_array_index (talks, i));
  g_assert_cmpint (talk_id, >, 0);
  activate (f, "parent.edit-talk", talk_id);
  dialog = qing_parent_view_get_dialog (f->view);
  g_assert_true (QING_IS_TALK_DIALOG (dialog));
  qing_talk_dialog_set_minutes (QING_TALK_DIALOG (dialog), to);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  spin ();
  g_assert_null (qing_parent_view_get_dialog (f->view));
}

/* Picking days in the history calendar lists each day's talks. */
static void
check_history_days (Fixture *f, gint64 child_id)
{
  QingChildPage *page = qing_parent_view_get_child_page (f->view);
  QingMonthCalendar *calendar = qing_child_page_get_calendar (page);

  activate (f, "parent.open-child", child_id);
  g_assert_cmpuint (qing_child_page_get_n_day_talks (page), ==, 1);
  g_signal_emit_by_name (qing_month_calendar_get_day_button (calendar, 19), "clicked");
  spin ();
  g_assert_cmpuint (qing_child_page_get_n_day_talks (page), ==, 1);
  g_assert_cmpint (g_date_get_day (qing_month_calendar_get_selected (calendar)), ==, 19);
  g_signal_emit_by_name (qing_month_calendar_get_day_button (calendar, 18), "clicked");
  spin ();
  g_assert_cmpuint (qing_child_page_get_n_day_talks (page), ==, 0);
}

/* Renames the child; the store, the card and the child page follow, and
 * the birthday and class given when adding are kept. */
static void
rename_child (Fixture *f, gint64 child_id, const char *old_name, const char *new_name)
{
  g_autoptr (QingPerson) edited = NULL;
  QingChildDialog *dialog;
  QingChildCard *card;

  activate (f, "parent.edit-child", child_id);
  dialog = QING_CHILD_DIALOG (qing_parent_view_get_dialog (f->view));
  g_assert_true (QING_IS_CHILD_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (qing_child_dialog_get_name_row (dialog)), ==, old_name);
  gtk_editable_set_text (qing_child_dialog_get_name_row (dialog), new_name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  spin ();
  edited = qing_store_get_person (f->store, child_id, NULL);
  g_assert_cmpstr (qing_person_get_name (edited), ==, new_name);
  g_assert_cmpstr (qing_person_get_birthday (edited), ==, "2017-05-03");
  g_assert_cmpstr (qing_person_get_class_name (edited), ==, "三年级二班");
  card = qing_parent_view_get_card (f->view, child_id);
  g_assert_nonnull (card);
  g_assert_cmpstr (qing_person_get_name (qing_child_card_get_child (card)), ==, new_name);
  g_assert_cmpstr (qing_person_get_name (qing_child_page_get_child (
                     qing_parent_view_get_child_page (f->view))), ==, new_name);
}

static guint
ring_seconds (Fixture *f, gint64 child_id)
{
  QingChildCard *card = qing_parent_view_get_card (f->view, child_id);

  g_assert_nonnull (card);
  return qing_ring_get_value_seconds (qing_child_card_get_ring (card));
}

/* Talks added by hand and edited count; the history lists them; a renamed
 * child keeps the rest; the next day starts a new ring; a talk in the
 * future is refused with a sentence. */
static void
test_manual_talk (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) talks = NULL;
  g_autofree char *error = NULL;
  gint64 child_id;

  REQUIRE_DISPLAY ();
  show_view (f);
  child_id = add_child_through_dialog (f, "王子涵");
  add_talk_at (f, child_id, qing_clock_get_now_unix (f->clock) - 86400, 20 * 60);
  g_assert_null (add_talk_by_hand (f, child_id, 2, 25));
  talks = list_talks (f, child_id);
  g_assert_cmpuint (talks->len, ==, 2);
  g_assert_cmpuint (ring_seconds (f, child_id), ==, 25 * 60);

  edit_talk_minutes (f, child_id, 25, 30);
  g_assert_cmpuint (ring_seconds (f, child_id), ==, 30 * 60);

  check_history_days (f, child_id);
  rename_child (f, child_id, "王子涵", "王梓涵");
  activate (f, "parent.back", 0);

  /* 00:30 the next day. */
  qing_clock_advance (f->clock, 5 * 3600);
  spin ();
  g_assert_cmpuint (ring_seconds (f, child_id), ==, 0);

  error = add_talk_by_hand (f, child_id, -3, 20);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "future"));
}

/* A drop in the journal shows the alert; "Tell the mentor" saves a flag. */
static void
test_mood_drop_alert (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) flags = NULL;
  QingChildPage *page;
  QingViewer viewer;
  gint64 now, child_id;

  REQUIRE_DISPLAY ();
  show_view (f);
  child_id = add_child_through_dialog (f, "陈思远");
  now = qing_clock_get_now_unix (f->clock);
  for (int day = 35; day >= 4; day--)
    add_mood_at (f, child_id, now - day * 86400, 2);
  for (int day = 3; day >= 0; day--)
    add_mood_at (f, child_id, now - day * 86400 - 60, -3);

  activate (f, "parent.open-child", child_id);
  page = qing_parent_view_get_child_page (f->view);
  g_assert_nonnull (qing_child_page_get_alert_text (page));

  g_assert_false (qing_child_page_get_mentor_told (page));
  activate (f, "parent.tell-mentor", child_id);
  g_assert_true (qing_child_page_get_mentor_told (page));
  viewer = (QingViewer) { qing_parent_view_get_guardian_id (f->view), QING_ROLE_PARENT };
  flags = qing_store_list_open_flags (f->store, &viewer, NULL);
  g_assert_nonnull (flags);
  g_assert_cmpuint (flags->len, ==, 1);
  g_assert_cmpint (qing_flag_get_student_id (g_ptr_array_index (flags, 0)), ==, child_id);
  g_assert_cmpint (qing_flag_get_raised_role (g_ptr_array_index (flags, 0)), ==, QING_ROLE_PARENT);

  /* Coming back to the page later, it still says the mentor was told. */
  activate (f, "parent.back", 0);
  qing_child_page_set_child (page, NULL);
  activate (f, "parent.open-child", child_id);
  g_assert_nonnull (qing_child_page_get_alert_text (page));
  g_assert_true (qing_child_page_get_mentor_told (page));
}

/* Starts a timer for a new child, "closes" the app and opens it again
 * two hours later; returns the child's id. */
static gint64
leave_timer_running (Fixture *f)
{
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (QingPerson) child = qing_person_new (QING_PERSON_STUDENT, "赵一鸣");
  g_autoptr (GError) error = NULL;
  gint64 guardian_id;

  show_view (f);
  guardian_id = qing_parent_view_get_guardian_id (f->view);
  g_assert_true (qing_store_add_child (f->store, guardian_id, child, NULL, &error));
  timer = qing_timer_service_start (f->service, qing_person_get_id (child), guardian_id,
                                    QING_ROLE_PARENT, &error);
  g_assert_no_error (error);
  gtk_window_destroy (f->window);
  f->window = NULL;
  f->view = NULL;
  g_clear_object (&f->service);
  spin ();

  qing_clock_advance (f->clock, 2 * 3600);
  f->service = qing_timer_service_new (f->store, f->clock, NULL);
  show_view (f);
  spin ();
  return qing_person_get_id (child);
}

/* A timer left running while the app was closed two hours is asked
 * about; "It ended earlier" saves the talk until the time picked. */
static void
test_stale_timer_ended (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) talks = NULL;
  GtkWindow *dialog;
  gint64 child_id;

  REQUIRE_DISPLAY ();
  child_id = leave_timer_running (f);
  dialog = qing_parent_view_get_dialog (f->view);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "The timer for 一鸣 was still running when Qingting closed 2 hours ago"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "earlier");
  spin ();

  /* The picker's default is when the app last saw the timer. */
  talks = list_talks (f, child_id);
  g_assert_cmpuint (talks->len, ==, 1);
  g_assert_cmpint (qing_talk_get_duration (g_ptr_array_index (talks, 0)), <, 120);
  g_assert_cmpuint (g_list_model_get_n_items (qing_timer_service_get_timers (f->service)), ==, 0);
}

/* "Yes, until now" keeps the timer running with the whole time. */
static void
test_stale_timer_went_on (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) talks = NULL;
  QingChildCard *card;
  GtkWindow *dialog;
  gint64 child_id;

  REQUIRE_DISPLAY ();
  child_id = leave_timer_running (f);
  /* Until the parent answers, the two hours are not on the ring. */
  card = qing_parent_view_get_card (f->view, child_id);
  g_assert_cmpuint (qing_ring_get_value_seconds (qing_child_card_get_ring (card)), ==, 0);
  dialog = qing_parent_view_get_dialog (f->view);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "now");
  spin ();

  talks = list_talks (f, child_id);
  g_assert_cmpuint (talks->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (qing_timer_service_get_timers (f->service)), ==, 1);
  card = qing_parent_view_get_card (f->view, child_id);
  g_assert_cmpstr (qing_child_card_get_running_text (card), ==, "Listening · 2:00:00");
  g_assert_cmpuint (qing_ring_get_value_seconds (qing_child_card_get_ring (card)), ==, 2 * 3600);
}

/* The stale questions open now. */
static guint
count_stale_questions (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                        "Did the Talk Go On?") == 0)
        n++;
    }
  return n;
}

static gboolean
stale_question_open (gpointer data)
{
  QingParentView *view = data;
  GtkWindow *dialog = qing_parent_view_get_dialog (view);

  return ADW_IS_MESSAGE_DIALOG (dialog)
         && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                       "Did the Talk Go On?") == 0;
}

/* Starts a timer for a new child with the app open, then lets the machine
 * "sleep" two hours between two heartbeats; returns the child's id. */
static gint64
sleep_with_timer_running (Fixture *f)
{
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (QingPerson) child = qing_person_new (QING_PERSON_STUDENT, "孙浩然");
  g_autoptr (GError) error = NULL;
  gint64 guardian_id = qing_parent_view_get_guardian_id (f->view);
  g_autoptr (GPtrArray) calls = NULL;

  g_assert_true (qing_store_add_child (f->store, guardian_id, child, NULL, &error));
  timer = qing_timer_service_start (f->service, qing_person_get_id (child), guardian_id,
                                    QING_ROLE_PARENT, &error);
  g_assert_no_error (error);
  g_object_set (f->service, "heartbeat-seconds", 2 * 3600, NULL);
  qing_clock_advance (f->clock, 60); /* the last heartbeat before the sleep */
  spin ();
  g_assert_null (qing_parent_view_get_dialog (f->view));
  qing_clock_advance (f->clock, 2 * 3600);
  if (monitoring) /* the 15:00 notification, before the sleep */
    calls = services_monitor_drain (f->notifier);
  return qing_person_get_id (child);
}

/* A timer that becomes stale while the view is shown (a suspend with the
 * app open) is asked about at once, in one dialog only. */
static void
test_stale_while_open (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) talks = NULL;
  GtkWindow *dialog;
  gint64 child_id;

  REQUIRE_DISPLAY ();
  show_view (f);
  child_id = sleep_with_timer_running (f);
  g_assert_true (spin_until (stale_question_open, f->view));
  dialog = qing_parent_view_get_dialog (f->view);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "The timer for 浩然 was still running"));

  /* Hiding and showing the view, or more heartbeats, ask no second time. */
  gtk_widget_set_visible (GTK_WIDGET (f->view), FALSE);
  spin ();
  gtk_widget_set_visible (GTK_WIDGET (f->view), TRUE);
  g_assert_true (spin_until (is_mapped, f->view));
  g_object_set (f->service, "heartbeat-seconds", QING_TIMER_HEARTBEAT_SECONDS, NULL);
  qing_clock_advance (f->clock, 5 * 60);
  spin ();
  g_assert_cmpuint (count_stale_questions (), ==, 1);
  g_assert_true (qing_parent_view_get_dialog (f->view) == dialog);

  /* As a click does: the answer, then the dialog closes; none follows. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "earlier");
  gtk_window_destroy (dialog);
  spin ();
  g_assert_cmpuint (count_stale_questions (), ==, 0);
  talks = list_talks (f, child_id);
  g_assert_cmpuint (talks->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (qing_timer_service_get_timers (f->service)), ==, 0);
}

/* A timer that becomes stale while the view is hidden is asked about when
 * the view is shown again. */
static void
test_stale_while_hidden (Fixture *f, gconstpointer data)
{
  REQUIRE_DISPLAY ();
  show_view (f);
  gtk_widget_set_visible (GTK_WIDGET (f->view), FALSE);
  spin ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  sleep_with_timer_running (f);
  spin ();
  g_assert_null (qing_parent_view_get_dialog (f->view));
  g_assert_cmpuint (count_stale_questions (), ==, 0);

  gtk_widget_set_visible (GTK_WIDGET (f->view), TRUE);
  g_assert_true (spin_until (stale_question_open, f->view));
  g_assert_cmpuint (count_stale_questions (), ==, 1);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Pause excludes time; Discard asks, then saves nothing. */
static void
test_pause_and_discard (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) talks = NULL;
  QingTimerPage *page;
  AdwMessageDialog *dialog;
  gint64 child_id;

  REQUIRE_DISPLAY ();
  show_view (f);
  child_id = add_child_through_dialog (f, "刘欣怡");
  activate (f, "parent.start", child_id);
  page = qing_parent_view_get_timer_page (f->view);
  qing_clock_advance (f->clock, 5 * 60);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "timer.pause", NULL));
  qing_clock_advance (f->clock, 10 * 60);
  spin ();
  g_assert_cmpstr (qing_timer_page_get_elapsed_text (page), ==, "05:00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "timer.resume", NULL));
  qing_clock_advance (f->clock, 60);
  spin ();
  g_assert_cmpstr (qing_timer_page_get_elapsed_text (page), ==, "06:00");
  g_assert_nonnull (qing_child_card_get_running_text (qing_parent_view_get_card (f->view, child_id)));

  /* Discard asks first; keeping on listening changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "timer.discard", NULL));
  spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  spin ();
  g_assert_nonnull (qing_timer_page_get_timer (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "timer.discard", NULL));
  spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  spin ();
  g_assert_null (qing_timer_page_get_timer (page));
  g_assert_cmpstr (qing_parent_view_get_page (f->view), ==, "today");
  g_assert_cmpuint (g_list_model_get_n_items (qing_timer_service_get_timers (f->service)), ==, 0);
  talks = list_talks (f, child_id);
  g_assert_cmpuint (talks->len, ==, 0);
  g_assert_null (qing_child_card_get_running_text (qing_parent_view_get_card (f->view, child_id)));
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  /* The sentences checked are the English source strings. */
  g_setenv ("LANGUAGE", "en", TRUE);

  have_display = gtk_init_check ();
  if (!have_display && g_strcmp0 (g_getenv ("QING_TEST_REQUIRE_DISPLAY"), "1") == 0)
    g_error ("No display, but QING_TEST_REQUIRE_DISPLAY=1");
  if (have_display)
    {
      adw_init ();
      /* Aborts without a notification server if QING_TEST_REQUIRE_DISPLAY=1. */
      monitoring = services_monitor_start ();
    }

#define ADD(path, func) \
  g_test_add ("/parent-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("timer-flow", test_timer_flow);
  ADD ("remove-child", test_remove_child);
  ADD ("short-talks", test_short_talks);
  ADD ("manual-talk", test_manual_talk);
  ADD ("mood-drop-alert", test_mood_drop_alert);
  ADD ("stale-timer-ended", test_stale_timer_ended);
  ADD ("stale-timer-went-on", test_stale_timer_went_on);
  ADD ("stale-while-open", test_stale_while_open);
  ADD ("stale-while-hidden", test_stale_while_hidden);
  ADD ("pause-and-discard", test_pause_and_discard);
#undef ADD

  status = g_test_run ();
  if (monitoring)
    services_monitor_stop ();
  return status;
}
