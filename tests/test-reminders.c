/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingReminders with a manual clock in Asia/Shanghai: at 20:00 one
 * notification names only the child whose fifteen minutes are not done;
 * it is withdrawn once she is done; a restart the same evening sends
 * nothing; the next day it comes again.  Run under
 * tests/headless-session.sh so the calls reaching the server are checked.
 */
#include <locale.h>

#include "qing-reminders.h"
#include "test-services-util.h"

typedef struct
{
  ServicesFixture fx;
  QingNotifier   *notifier;
  QingReminders  *reminders;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) now = services_shanghai (2026, 11, 29, 18, 0, 0);

  services_fixture_open (&f->fx, now);
  f->notifier = qing_notifier_new ();
  if (services_monitor_running ())
    g_ptr_array_unref (services_monitor_drain (f->notifier));
  f->reminders = qing_reminders_new (f->fx.store, f->fx.clock, f->notifier, f->fx.guardian_id);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->reminders);
  g_clear_object (&f->notifier);
  services_fixture_close (&f->fx);
}

/* Children are listed as the store orders them (李小红 before 张小明, by
 * pinyin). */

/* Moves the clock to @hour:@min on the fixture's day + @days, Shanghai. */
static void
advance_to (Fixture *f, int days, int hour, int min)
{
  gint64 target = services_shanghai_unix (2026, 11, 29 + days, hour, min, 0);

  qing_clock_advance (f->fx.clock, target - qing_clock_get_now_unix (f->fx.clock));
}

/* The calls the server got since the last drain (NULL without a server). */
static GPtrArray *
drain (Fixture *f)
{
  if (!services_monitor_running ())
    return NULL;
  return services_monitor_drain (f->notifier);
}

static void
assert_one_notify (GPtrArray *calls, const char *names_expected, const char *name_absent)
{
  SeenCall *call;

  if (calls == NULL)
    return;
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_false (call->close);
  g_assert_cmpstr (call->summary, ==, "Today's fifteen minutes");
  g_assert_cmpstr (call->body, ==, names_expected);
  if (name_absent != NULL)
    g_assert_null (strstr (call->body, name_absent));
}

static void
test_evening (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) calls = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (qing_reminders_get_reminder_time (f->reminders), ==, "20:00");
  /* 20:00 in Shanghai is 12:00 UTC. */
  g_assert_cmpint (qing_reminders_get_next_utc (f->reminders), ==,
                   services_shanghai_unix (2026, 11, 29, 20, 0, 0));

  /* 小明 had 20 minutes at 18:30; 小红 only 10 minutes. */
  services_add_talk (&f->fx, f->fx.xiaoming_id,
                     services_shanghai_unix (2026, 11, 29, 18, 30, 0), 20 * 60);
  services_add_talk (&f->fx, f->fx.xiaohong_id,
                     services_shanghai_unix (2026, 11, 29, 18, 30, 0), 10 * 60);
  pending = qing_reminders_list_pending (f->reminders, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (qing_person_get_id (g_ptr_array_index (pending, 0)), ==, f->fx.xiaohong_id);

  qing_clock_advance (f->fx.clock, 2 * 60 * 60 - 1);
  g_assert_false (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  qing_clock_advance (f->fx.clock, 1);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  qing_clock_advance (f->fx.clock, 60 * 60);
  calls = drain (f);
  assert_one_notify (calls, "Still waiting for today's fifteen minutes: 小红", "小明");
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* 小红's second talk adds up to 15 minutes, but short talks do not make
   * an effective one: she is still waiting, and nothing is sent again. */
  services_add_talk (&f->fx, f->fx.xiaohong_id,
                     services_shanghai_unix (2026, 11, 29, 20, 30, 0), 5 * 60);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  calls = drain (f);
  if (calls != NULL)
    g_assert_cmpuint (calls->len, ==, 0);
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* One talk of 15 minutes: the reminder is withdrawn. */
  services_add_talk (&f->fx, f->fx.xiaohong_id,
                     services_shanghai_unix (2026, 11, 29, 20, 40, 0), 15 * 60);
  g_assert_false (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  calls = drain (f);
  if (calls != NULL)
    {
      g_assert_cmpuint (calls->len, ==, 1);
      g_assert_true (((SeenCall *) g_ptr_array_index (calls, 0))->close);
    }
}

static void
test_updates_then_withdraws (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) calls = NULL;

  advance_to (f, 0, 20, 0);
  calls = drain (f);
  assert_one_notify (calls, "Still waiting for today's fifteen minutes: 小红, 小明", NULL);
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* One done: the same notification now names only the other. */
  services_add_talk (&f->fx, f->fx.xiaoming_id,
                     services_shanghai_unix (2026, 11, 29, 20, 5, 0), 16 * 60);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  calls = drain (f);
  if (calls != NULL)
    {
      SeenCall *call;

      assert_one_notify (calls, "Still waiting for today's fifteen minutes: 小红", "小明");
      call = g_ptr_array_index (calls, 0);
      g_assert_cmpuint (call->id, ==,
                        qing_notifier_get_server_id (f->notifier, QING_REMINDERS_TAG));
      g_assert_cmpuint (call->id, >, 0);
    }
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* A talk by someone else (a mentor) does not count for the parents' rule. */
  {
    g_autoptr (QingTalk) talk = qing_talk_new (f->fx.xiaohong_id, f->fx.guardian_id,
                                               QING_ROLE_MENTOR,
                                               services_shanghai_unix (2026, 11, 29, 20, 10, 0),
                                               30 * 60);
    g_assert_true (qing_store_add_talk (f->fx.store, talk, NULL));
  }
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));

  services_add_talk (&f->fx, f->fx.xiaohong_id,
                     services_shanghai_unix (2026, 11, 29, 20, 30, 0), 15 * 60);
  g_assert_false (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
}

/* No second notification after a restart the same evening; the next day
 * it comes again. */
static void
test_restart_and_next_day (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) calls = NULL;
  guint first_id;

  services_add_talk (&f->fx, f->fx.xiaoming_id,
                     services_shanghai_unix (2026, 11, 29, 18, 30, 0), 20 * 60);
  advance_to (f, 0, 20, 0);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  calls = drain (f);
  assert_one_notify (calls, "Still waiting for today's fifteen minutes: 小红", "小明");
  g_clear_pointer (&calls, g_ptr_array_unref);
  first_id = qing_notifier_get_server_id (f->notifier, QING_REMINDERS_TAG);

  /* Restart at 21:00: new store connection, new notifier, new reminders. */
  advance_to (f, 0, 21, 0);
  g_assert_finalize_object (f->reminders);
  g_clear_object (&f->notifier);
  services_fixture_reopen (&f->fx);
  f->notifier = qing_notifier_new ();
  if (services_monitor_running ())
    g_ptr_array_unref (services_monitor_drain (f->notifier));
  f->reminders = qing_reminders_new (f->fx.store, f->fx.clock, f->notifier, f->fx.guardian_id);
  g_assert_cmpint (qing_reminders_get_next_utc (f->reminders), ==,
                   services_shanghai_unix (2026, 11, 30, 20, 0, 0));
  advance_to (f, 0, 21, 30);
  g_assert_false (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  calls = drain (f);
  if (calls != NULL)
    g_assert_cmpuint (calls->len, ==, 0);
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* 小红 is done: the earlier process's notification is closed by its id. */
  services_add_talk (&f->fx, f->fx.xiaohong_id,
                     services_shanghai_unix (2026, 11, 29, 21, 0, 0), 15 * 60);
  calls = drain (f);
  if (calls != NULL)
    {
      g_assert_cmpuint (calls->len, ==, 1);
      g_assert_true (((SeenCall *) g_ptr_array_index (calls, 0))->close);
      g_assert_cmpuint (((SeenCall *) g_ptr_array_index (calls, 0))->id, ==, first_id);
    }
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* The next day, neither child has talked yet: both are named. */
  advance_to (f, 1, 19, 59);
  g_assert_false (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  advance_to (f, 1, 20, 0);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  calls = drain (f);
  assert_one_notify (calls, "Still waiting for today's fifteen minutes: 小红, 小明", NULL);
  g_assert_cmpint (qing_reminders_get_next_utc (f->reminders), ==,
                   services_shanghai_unix (2026, 12, 1, 20, 0, 0));
}

/* The clock's zone decides: in Berlin, 20:00 is 18:00 UTC in summer time
 * and 19:00 UTC the day after the change back (25 October 2026). */
static void
test_time_zone_dst (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) morning = g_date_time_new (berlin, 2026, 10, 24, 10, 0, 0);
  g_autoptr (GDateTime) first = g_date_time_new_utc (2026, 10, 24, 18, 0, 0);
  g_autoptr (GDateTime) second = g_date_time_new_utc (2026, 10, 25, 19, 0, 0);
  g_autoptr (QingReminders) reminders = NULL;
  ServicesFixture fx;

  services_fixture_open (&fx, morning);
  reminders = qing_reminders_new (fx.store, fx.clock, NULL, fx.guardian_id);
  g_assert_cmpint (qing_reminders_get_next_utc (reminders), ==, g_date_time_to_unix (first));
  qing_clock_advance (fx.clock, g_date_time_to_unix (first) - qing_clock_get_now_unix (fx.clock));
  g_assert_cmpint (qing_reminders_get_next_utc (reminders), ==, g_date_time_to_unix (second));
  g_clear_object (&reminders);
  services_fixture_close (&fx);
}

/* At midnight "today's" reminder is withdrawn: it is no longer true. */
static void
test_withdrawn_at_midnight (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) calls = NULL;

  advance_to (f, 0, 20, 0);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  advance_to (f, 0, 23, 59);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  advance_to (f, 1, 0, 0);
  g_assert_false (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  calls = drain (f);
  if (calls != NULL)
    {
      g_assert_cmpuint (calls->len, ==, 2);
      g_assert_true (((SeenCall *) g_ptr_array_index (calls, 1))->close);
    }
}

/* Started after the reminder time on a day nothing was sent: send at once
 * (a hidden start at login, late); nothing when every child is done. */
static void
test_late_start (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) calls = NULL;

  g_clear_object (&f->reminders);
  advance_to (f, 0, 21, 15);
  f->reminders = qing_reminders_new (f->fx.store, f->fx.clock, f->notifier, f->fx.guardian_id);
  qing_clock_advance (f->fx.clock, 0);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  calls = drain (f);
  assert_one_notify (calls, "Still waiting for today's fifteen minutes: 小红, 小明", NULL);
}

static void
test_all_done_no_reminder (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) calls = NULL;

  services_add_talk (&f->fx, f->fx.xiaoming_id,
                     services_shanghai_unix (2026, 11, 29, 18, 30, 0), 15 * 60);
  services_add_talk (&f->fx, f->fx.xiaohong_id,
                     services_shanghai_unix (2026, 11, 29, 19, 0, 0), 15 * 60);
  advance_to (f, 0, 22, 0);
  g_assert_false (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  calls = drain (f);
  if (calls != NULL)
    g_assert_cmpuint (calls->len, ==, 0);
  /* Still armed for tomorrow. */
  g_assert_cmpint (qing_reminders_get_next_utc (f->reminders), ==,
                   services_shanghai_unix (2026, 11, 30, 20, 0, 0));
}

/* Three talks of 5 minutes are shown but are not the day's fifteen
 * minutes: the child still gets the reminder; 14:59 + 14:59 neither. */
static void
test_short_talks_do_not_count (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) calls = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < 3; i++)
    services_add_talk (&f->fx, f->fx.xiaoming_id,
                       services_shanghai_unix (2026, 11, 29, 18, 10 * i, 0), 5 * 60);
  services_add_talk (&f->fx, f->fx.xiaohong_id,
                     services_shanghai_unix (2026, 11, 29, 18, 0, 0), 15 * 60 - 1);
  services_add_talk (&f->fx, f->fx.xiaohong_id,
                     services_shanghai_unix (2026, 11, 29, 19, 0, 0), 15 * 60 - 1);
  /* yesterday's long talk is not today's */
  services_add_talk (&f->fx, f->fx.xiaoming_id,
                     services_shanghai_unix (2026, 11, 28, 23, 50, 0), 30 * 60);
  pending = qing_reminders_list_pending (f->reminders, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 2);

  advance_to (f, 0, 20, 0);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  calls = drain (f);
  assert_one_notify (calls, "Still waiting for today's fifteen minutes: 小红, 小明", NULL);
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* 小明 listened for one unbroken quarter hour: only 小红 is left */
  services_add_talk (&f->fx, f->fx.xiaoming_id,
                     services_shanghai_unix (2026, 11, 29, 20, 5, 0), 15 * 60);
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = qing_reminders_list_pending (f->reminders, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (qing_person_get_id (g_ptr_array_index (pending, 0)), ==, f->fx.xiaohong_id);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
}

/* Guardian 0: the local parent, looked up when the reminder is due (the
 * app creates the reminders before anyone set up the parent role). */
static void
test_local_parent (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->reminders);
  f->reminders = qing_reminders_new (f->fx.store, f->fx.clock, f->notifier, 0);
  pending = qing_reminders_list_pending (f->reminders, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 0);
  g_clear_pointer (&pending, g_ptr_array_unref);

  g_assert_true (qing_store_set_local_person (f->fx.store, QING_ROLE_PARENT, f->fx.guardian_id,
                                              &error));
  g_assert_no_error (error);
  pending = qing_reminders_list_pending (f->reminders, &error);
  g_assert_cmpuint (pending->len, ==, 2);
  advance_to (f, 0, 20, 0);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
}

/* The time comes from the property (bound to GSettings in the app). */
static void
test_reminder_time (Fixture *f, gconstpointer data)
{
  g_object_set (f->reminders, "reminder-time", "21:30", NULL);
  g_assert_cmpstr (qing_reminders_get_reminder_time (f->reminders), ==, "21:30");
  g_assert_cmpint (qing_reminders_get_next_utc (f->reminders), ==,
                   services_shanghai_unix (2026, 11, 29, 21, 30, 0));
  advance_to (f, 0, 21, 29);
  g_assert_false (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));
  advance_to (f, 0, 21, 30);
  g_assert_true (qing_notifier_is_shown (f->notifier, QING_REMINDERS_TAG));

}

/* Garbage is refused with a warning and the default kept. */
static void
test_bad_reminder_time (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GDateTime) now = services_shanghai (2026, 11, 29, 18, 0, 0);
      g_autoptr (QingReminders) reminders = NULL;
      ServicesFixture fx;

      services_fixture_open (&fx, now);
      reminders = qing_reminders_new (fx.store, fx.clock, NULL, fx.guardian_id);
      g_object_set (reminders, "reminder-time", "21:30", NULL);
      /* The warning is what is tested: let it through. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      qing_reminders_set_reminder_time (reminders, "25:99");
      g_assert_cmpstr (qing_reminders_get_reminder_time (reminders), ==, "20:00");
      g_clear_object (&reminders);
      services_fixture_close (&fx);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Not a reminder time (HH:MM): 25:99*");
}

static void
skip_without_server (void)
{
  g_test_skip ("No session bus with a notification server: run under tests/headless-session.sh");
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "C", TRUE);
  /* Whether a reminder is on screen is what these tests check. */
  if (!services_monitor_start ())
    {
      g_test_add_func ("/reminders/bad-reminder-time", test_bad_reminder_time);
      g_test_add_func ("/reminders/time-zone-dst", test_time_zone_dst);
      g_test_add_func ("/reminders/needs-notification-server", skip_without_server);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add ("/reminders/" path, Fixture, NULL, set_up, func, tear_down)
  ADD ("evening", test_evening);
  ADD ("updates-then-withdraws", test_updates_then_withdraws);
  ADD ("restart-and-next-day", test_restart_and_next_day);
  ADD ("late-start", test_late_start);
  ADD ("all-done-no-reminder", test_all_done_no_reminder);
  ADD ("short-talks-do-not-count", test_short_talks_do_not_count);
  ADD ("reminder-time", test_reminder_time);
  ADD ("local-parent", test_local_parent);
  ADD ("withdrawn-at-midnight", test_withdrawn_at_midnight);
#undef ADD
  g_test_add_func ("/reminders/bad-reminder-time", test_bad_reminder_time);
  g_test_add_func ("/reminders/time-zone-dst", test_time_zone_dst);

  status = g_test_run ();
  services_monitor_stop ();
  return status;
}
