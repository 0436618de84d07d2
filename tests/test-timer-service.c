/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingTimerService with a manual clock: 15:00 reached exactly once (with a
 * notification that reaches the server and names only the child), pauses
 * excluded, finish atomic, discard, restarts, the heartbeat and stale
 * timers.  Run under tests/headless-session.sh for the notification checks.
 */
#include <locale.h>

#include "qing-store-private.h"
#include "qing-timer-service.h"
#include "test-services-util.h"

typedef struct
{
  ServicesFixture   fx;
  QingNotifier     *notifier;
  QingTimerService *service;
  guint             n_goals;
  gint64            goal_timer_id;
  guint             n_stale_changed;
} Fixture;

static void
on_goal_reached (QingTimerService *service, QingRunningTimer *timer, gpointer user_data)
{
  Fixture *f = user_data;

  f->n_goals++;
  f->goal_timer_id = qing_running_timer_get_id (timer);
}

static void
on_stale_changed (QingTimerService *service, gpointer user_data)
{
  ((Fixture *) user_data)->n_stale_changed++;
}

static void
start_service (Fixture *f)
{
  f->service = qing_timer_service_new (f->fx.store, f->fx.clock, f->notifier);
  g_signal_connect (f->service, "goal-reached", G_CALLBACK (on_goal_reached), f);
  g_signal_connect (f->service, "stale-changed", G_CALLBACK (on_stale_changed), f);
}

/* A restart: the service and the store go, the same file is opened again. */
static void
restart (Fixture *f)
{
  g_assert_finalize_object (f->service);
  services_fixture_reopen (&f->fx);
  start_service (f);
}

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) now = services_shanghai (2026, 11, 29, 19, 30, 0);

  services_fixture_open (&f->fx, now);
  f->notifier = qing_notifier_new ();
  /* Leave behind what earlier tests' notifications did. */
  if (services_monitor_running ())
    g_ptr_array_unref (services_monitor_drain (f->notifier));
  start_service (f);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->service);
  g_clear_object (&f->notifier);
  services_fixture_close (&f->fx);
}

static QingRunningTimer *
start_timer (Fixture *f, gint64 child_id)
{
  g_autoptr (GError) error = NULL;
  QingRunningTimer *timer;

  timer = qing_timer_service_start (f->service, child_id, f->fx.guardian_id, QING_ROLE_PARENT,
                                    &error);
  g_assert_no_error (error);
  g_assert_nonnull (timer);
  return timer;
}

static guint
count_talks (Fixture *f, gint64 child_id)
{
  QingViewer viewer = { f->fx.guardian_id, QING_ROLE_PARENT };
  g_autoptr (GPtrArray) talks = NULL;
  g_autoptr (GError) error = NULL;

  talks = qing_store_list_talks (f->fx.store, &viewer, child_id, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  return talks->len;
}

static void
test_goal_once (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (GPtrArray) calls = NULL;
  g_autofree char *tag = NULL;
  g_autoptr (QingPerson) child = qing_store_get_person (f->fx.store, f->fx.xiaoming_id, NULL);
  SeenCall *call;

  tag = g_strconcat ("timer-15min:", qing_person_get_uuid (child), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (qing_timer_service_get_timers (f->service)), ==, 1);

  qing_clock_advance (f->fx.clock, 14 * 60 + 59);
  g_assert_cmpuint (f->n_goals, ==, 0);
  g_assert_false (qing_notifier_is_shown (f->notifier, tag));
  g_assert_false (qing_timer_service_get_goal_reached (f->service, timer));

  qing_clock_advance (f->fx.clock, 1);
  g_assert_cmpuint (f->n_goals, ==, 1);
  g_assert_cmpint (f->goal_timer_id, ==, qing_running_timer_get_id (timer));
  g_assert_true (qing_timer_service_get_goal_reached (f->service, timer));
  g_assert_cmpint (qing_timer_service_get_elapsed (f->service, timer), ==, 15 * 60);

  /* It keeps counting, and says it only once. */
  qing_clock_advance (f->fx.clock, 20 * 60);
  g_assert_cmpuint (f->n_goals, ==, 1);
  g_assert_cmpint (qing_timer_service_get_elapsed (f->service, timer), ==, 35 * 60);

  if (!services_monitor_running ())
    {
      g_test_message ("No notification server: the server side is not checked");
      return;
    }
  g_assert_true (qing_notifier_is_shown (f->notifier, tag));
  calls = services_monitor_drain (f->notifier);
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_false (call->close);
  g_assert_cmpstr (call->summary, ==, "15 minutes reached");
  /* The given name only: not the surname, nothing else about the child. */
  g_assert_nonnull (strstr (call->body, "小明"));
  g_assert_null (strstr (call->body, "张小明"));
}

static void
test_pause_excluded (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (GError) error = NULL;

  qing_clock_advance (f->fx.clock, 5 * 60);
  g_assert_true (qing_timer_service_pause (f->service, timer, &error));
  g_assert_no_error (error);
  g_assert_true (qing_running_timer_get_paused (timer));
  qing_clock_advance (f->fx.clock, 5 * 60);
  g_assert_cmpint (qing_timer_service_get_elapsed (f->service, timer), ==, 5 * 60);
  g_assert_true (qing_timer_service_resume (f->service, timer, &error));
  g_assert_no_error (error);
  qing_clock_advance (f->fx.clock, 5 * 60);
  g_assert_cmpint (qing_timer_service_get_elapsed (f->service, timer), ==, 10 * 60);

  /* 15:00 of listening is 20 minutes of wall time here, not 15. */
  g_assert_cmpuint (f->n_goals, ==, 0);
  qing_clock_advance (f->fx.clock, 5 * 60 - 1);
  g_assert_cmpuint (f->n_goals, ==, 0);
  qing_clock_advance (f->fx.clock, 1);
  g_assert_cmpuint (f->n_goals, ==, 1);

  /* Paused across the alarm's time: no alarm while paused. */
  g_assert_true (qing_timer_service_pause (f->service, timer, &error));
  qing_clock_advance (f->fx.clock, 60 * 60);
  g_assert_cmpint (qing_timer_service_get_elapsed (f->service, timer), ==, 15 * 60);
  g_assert_cmpuint (f->n_goals, ==, 1);
}

static void
test_one_per_child (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (QingRunningTimer) other = start_timer (f, f->fx.xiaohong_id);
  g_autoptr (QingRunningTimer) again = NULL;
  g_autoptr (QingRunningTimer) found = NULL;
  g_autoptr (GError) error = NULL;

  again = qing_timer_service_start (f->service, f->fx.xiaoming_id, f->fx.guardian_id,
                                    QING_ROLE_PARENT, &error);
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_TIMER_RUNNING);
  g_assert_null (again);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (qing_timer_service_get_timers (f->service)), ==, 2);

  found = qing_timer_service_lookup (f->service, f->fx.xiaohong_id, f->fx.guardian_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_running_timer_get_id (found), ==, qing_running_timer_get_id (other));
}

static void
test_finish (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (QingRunningTimer) left = NULL;
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;
  const char *topics[] = { "学习", "朋友", NULL };
  gint64 started = qing_running_timer_get_started_utc (timer);

  qing_clock_advance (f->fx.clock, 17 * 60 + 5);
  g_assert_cmpuint (f->n_goals, ==, 1);
  talk = qing_timer_service_finish (f->service, timer, topics, "客厅", QING_TALK_MODE_IN_PERSON,
                                    "聊了学校的事", QING_VISIBILITY_FAMILY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (talk);
  g_assert_cmpint (qing_talk_get_duration (talk), ==, 17 * 60 + 5);
  g_assert_cmpint (qing_talk_get_start_utc (talk), ==, started);
  g_assert_cmpstr (qing_talk_get_place (talk), ==, "客厅");
  g_assert_cmpstrv (qing_talk_get_topics (talk), topics);
  g_assert_true (qing_talk_get_effective (talk));

  g_assert_cmpuint (count_talks (f, f->fx.xiaoming_id), ==, 1);
  left = qing_timer_service_lookup (f->service, f->fx.xiaoming_id, f->fx.guardian_id, &error);
  g_assert_no_error (error);
  g_assert_null (left);
  g_assert_cmpuint (g_list_model_get_n_items (qing_timer_service_get_timers (f->service)), ==, 0);

  /* The 15:00 notification goes with the timer. */
  if (services_monitor_running ())
    {
      g_autoptr (QingPerson) child = qing_store_get_person (f->fx.store, f->fx.xiaoming_id, NULL);
      g_autofree char *tag = g_strconcat ("timer-15min:", qing_person_get_uuid (child), NULL);
      g_autoptr (GPtrArray) calls = services_monitor_drain (f->notifier);

      g_assert_false (qing_notifier_is_shown (f->notifier, tag));
      g_assert_cmpuint (calls->len, ==, 2);
      g_assert_false (((SeenCall *) g_ptr_array_index (calls, 0))->close);
      g_assert_true (((SeenCall *) g_ptr_array_index (calls, 1))->close);
    }
}

/* Finishing is one transaction: when removing the timer fails, the talk
 * is not written either, and the timer still runs. */
static void
test_finish_atomic (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (QingRunningTimer) still = NULL;
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;

  qing_clock_advance (f->fx.clock, 16 * 60);
  g_assert_true (qing_store_exec (f->fx.store,
                                  "CREATE TEMP TRIGGER refuse BEFORE DELETE ON running_timers"
                                  " BEGIN SELECT RAISE (ABORT, 'refused'); END;", &error));
  g_assert_no_error (error);
  talk = qing_timer_service_finish (f->service, timer, NULL, NULL, QING_TALK_MODE_IN_PERSON,
                                    NULL, QING_VISIBILITY_PRIVATE, &error);
  g_assert_nonnull (error);
  g_assert_null (talk);
  g_clear_error (&error);
  g_assert_cmpuint (count_talks (f, f->fx.xiaoming_id), ==, 0);
  still = qing_timer_service_lookup (f->service, f->fx.xiaoming_id, f->fx.guardian_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (still);
  g_assert_cmpint (qing_timer_service_get_elapsed (f->service, still), ==, 16 * 60);

  /* An end before the start is refused the same way. */
  g_assert_true (qing_store_exec (f->fx.store, "DROP TRIGGER temp.refuse;", &error));
  talk = qing_timer_service_finish_at (f->service, timer,
                                       qing_running_timer_get_started_utc (timer) - 60, NULL,
                                       &error);
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID);
  g_assert_null (talk);
  g_assert_cmpuint (count_talks (f, f->fx.xiaoming_id), ==, 0);
}

static void
test_discard (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (QingRunningTimer) left = NULL;
  g_autoptr (GError) error = NULL;

  qing_clock_advance (f->fx.clock, 3 * 60);
  g_assert_true (qing_timer_service_discard (f->service, timer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_talks (f, f->fx.xiaoming_id), ==, 0);
  left = qing_timer_service_lookup (f->service, f->fx.xiaoming_id, f->fx.guardian_id, &error);
  g_assert_null (left);
  g_assert_cmpuint (g_list_model_get_n_items (qing_timer_service_get_timers (f->service)), ==, 0);

  /* Its alarm went with it. */
  qing_clock_advance (f->fx.clock, 30 * 60);
  g_assert_cmpuint (f->n_goals, ==, 0);
}

/* After a restart the 15:00 alarm is armed again, and a goal already
 * announced is not announced twice. */
static void
test_restart (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) early = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (QingRunningTimer) late = NULL;
  g_autoptr (QingRunningTimer) reloaded = NULL;

  qing_clock_advance (f->fx.clock, 5 * 60);
  late = start_timer (f, f->fx.xiaohong_id);
  qing_clock_advance (f->fx.clock, 11 * 60);
  g_assert_cmpuint (f->n_goals, ==, 1);
  g_assert_cmpint (f->goal_timer_id, ==, qing_running_timer_get_id (early));
  /* Kept in the timer's own row (schema version 2), not in the settings. */
  g_assert_cmpint (qing_store_get_timer_goal_notified (f->fx.store,
                                                       qing_running_timer_get_id (early), NULL),
                   ==, qing_running_timer_get_started_utc (early) + 15 * 60);
  g_assert_cmpint (qing_store_get_timer_goal_notified (f->fx.store,
                                                       qing_running_timer_get_id (late), NULL),
                   ==, 0);

  restart (f);
  f->n_goals = 0;
  qing_clock_advance (f->fx.clock, 0);
  g_assert_cmpuint (f->n_goals, ==, 0);
  qing_clock_advance (f->fx.clock, 4 * 60 - 1);
  g_assert_cmpuint (f->n_goals, ==, 0);
  qing_clock_advance (f->fx.clock, 1);
  g_assert_cmpuint (f->n_goals, ==, 1);
  g_assert_cmpint (f->goal_timer_id, ==, qing_running_timer_get_id (late));

  restart (f);
  qing_clock_advance (f->fx.clock, 60 * 60);
  g_assert_cmpuint (f->n_goals, ==, 1);
  reloaded = qing_timer_service_lookup (f->service, f->fx.xiaoming_id, f->fx.guardian_id, NULL);
  g_assert_cmpint (qing_timer_service_get_elapsed (f->service, reloaded), ==, 80 * 60);
}

static void
test_heartbeat (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (QingRunningTimer) fresh = NULL;
  gint64 now;

  qing_clock_advance (f->fx.clock, 10 * 60 + 30);
  now = qing_clock_get_now_unix (f->fx.clock);
  fresh = qing_timer_service_lookup (f->service, f->fx.xiaoming_id, f->fx.guardian_id, NULL);
  g_assert_cmpint (qing_running_timer_get_last_seen_utc (fresh), <=, now);
  g_assert_cmpint (qing_running_timer_get_last_seen_utc (fresh), >,
                   now - QING_TIMER_HEARTBEAT_SECONDS);
  g_assert_cmpint (qing_timer_service_get_elapsed (f->service, fresh), ==, 10 * 60 + 30);
}

/* Away for two hours: listed as stale, not counted silently; the answer
 * "it ended 20 minutes after the start" saves a 20-minute talk. */
static void
test_stale_ended_earlier (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (GPtrArray) stale = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;
  gint64 started = qing_running_timer_get_started_utc (timer);

  qing_clock_advance (f->fx.clock, 10 * 60);
  stale = qing_timer_service_list_stale (f->service);
  g_assert_cmpuint (stale->len, ==, 0);
  g_clear_pointer (&stale, g_ptr_array_unref);
  /* The app goes away (the clock moves on without it) for two hours. */
  g_assert_finalize_object (f->service);
  f->service = NULL;
  qing_clock_advance (f->fx.clock, 2 * 60 * 60);
  services_fixture_reopen (&f->fx);
  start_service (f);

  stale = qing_timer_service_list_stale (f->service);
  g_assert_cmpuint (stale->len, ==, 1);
  g_assert_cmpint (qing_running_timer_get_id (g_ptr_array_index (stale, 0)), ==,
                   qing_running_timer_get_id (timer));
  /* No 15:00 announcement for a talk nobody confirmed. */
  qing_clock_advance (f->fx.clock, 0);
  g_assert_cmpuint (f->n_goals, ==, 0);

  g_assert_false (qing_timer_service_resolve_stale (f->service, timer, started - 1, NULL, &error));
  g_assert_error (error, QING_TIMER_SERVICE_ERROR, QING_TIMER_SERVICE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (qing_timer_service_resolve_stale (f->service, g_ptr_array_index (stale, 0),
                                                   started + 20 * 60, &talk, &error));
  g_assert_no_error (error);
  g_assert_nonnull (talk);
  g_assert_cmpint (qing_talk_get_duration (talk), ==, 20 * 60);
  g_assert_cmpint (qing_talk_get_start_utc (talk), ==, started);
  g_assert_cmpuint (count_talks (f, f->fx.xiaoming_id), ==, 1);
  g_assert_cmpuint (f->n_stale_changed, ==, 1);
  after = qing_timer_service_list_stale (f->service);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (qing_timer_service_get_timers (f->service)), ==, 0);
}

/* "It went on until now": the timer keeps running with the whole time. */
static void
test_stale_until_now (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (QingRunningTimer) paused = start_timer (f, f->fx.xiaohong_id);
  g_autoptr (GPtrArray) stale = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (QingRunningTimer) fresh = NULL;
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;
  gint64 now;

  g_assert_true (qing_timer_service_pause (f->service, paused, &error));
  g_assert_finalize_object (f->service);
  f->service = NULL;
  qing_clock_advance (f->fx.clock, 90 * 60);
  services_fixture_reopen (&f->fx);
  start_service (f);

  /* A paused timer did not count while away: nothing to ask about it. */
  stale = qing_timer_service_list_stale (f->service);
  g_assert_cmpuint (stale->len, ==, 1);
  g_assert_true (qing_timer_service_resolve_stale (f->service, timer, 0, &talk, &error));
  g_assert_no_error (error);
  g_assert_null (talk);
  after = qing_timer_service_list_stale (f->service);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (f->n_stale_changed, ==, 1);

  fresh = qing_timer_service_lookup (f->service, f->fx.xiaoming_id, f->fx.guardian_id, NULL);
  now = qing_clock_get_now_unix (f->fx.clock);
  g_assert_cmpint (qing_timer_service_get_elapsed (f->service, fresh), ==, 90 * 60);
  g_assert_cmpint (qing_running_timer_get_last_seen_utc (fresh), ==, now);
  /* The user just confirmed a talk past 15:00: no announcement of it. */
  qing_clock_advance (f->fx.clock, 5 * 60);
  g_assert_cmpuint (f->n_goals, ==, 0);

  /* Resolving twice is refused. */
  g_assert_false (qing_timer_service_resolve_stale (f->service, timer, 0, NULL, &error));
  g_assert_error (error, QING_TIMER_SERVICE_ERROR, QING_TIMER_SERVICE_ERROR_NOT_STALE);
}

/* Away less than an hour is not stale. */
static void
test_short_absence (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (GPtrArray) stale = NULL;

  qing_clock_advance (f->fx.clock, 2 * 60);
  g_assert_finalize_object (f->service);
  f->service = NULL;
  qing_clock_advance (f->fx.clock, 50 * 60);
  services_fixture_reopen (&f->fx);
  start_service (f);
  stale = qing_timer_service_list_stale (f->service);
  g_assert_cmpuint (stale->len, ==, 0);
  /* 15:00 passed while away and was not announced: announce it now, once. */
  qing_clock_advance (f->fx.clock, 0);
  g_assert_cmpuint (f->n_goals, ==, 1);
  qing_clock_advance (f->fx.clock, 10 * 60);
  g_assert_cmpuint (f->n_goals, ==, 1);
}

/* A machine suspended for two hours with the app open: the heartbeat wakes
 * two hours after the last one (a heartbeat interval of two hours stands
 * for the sleep, since a manual clock fires every alarm on the way).  The
 * timer becomes stale, as after a restart: the hours are not credited
 * silently, last_seen_utc stays at the last heartbeat, and the answer "it
 * ended 20 minutes after the start" saves a 20-minute talk. */
static void
test_stale_while_open (Fixture *f, gconstpointer data)
{
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (QingRunningTimer) fresh = NULL;
  g_autoptr (GPtrArray) stale = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;
  gint64 started = qing_running_timer_get_started_utc (timer);
  gint64 last_beat;

  /* Awake: a heartbeat a minute, never stale, 15:00 announced once. */
  qing_clock_advance (f->fx.clock, 20 * 60 + 30);
  stale = qing_timer_service_list_stale (f->service);
  g_assert_cmpuint (stale->len, ==, 0);
  g_clear_pointer (&stale, g_ptr_array_unref);
  g_assert_cmpuint (f->n_goals, ==, 1);

  /* The next heartbeat (due within the minute) is the last before the
   * sleep; the one after it comes two hours later. */
  g_object_set (f->service, "heartbeat-seconds", 2 * 60 * 60, NULL);
  qing_clock_advance (f->fx.clock, 60);
  fresh = qing_timer_service_lookup (f->service, f->fx.xiaoming_id, f->fx.guardian_id, NULL);
  last_beat = qing_running_timer_get_last_seen_utc (fresh);
  g_assert_cmpint (last_beat, >, started + 20 * 60);
  g_clear_object (&fresh);
  qing_clock_advance (f->fx.clock,
                      last_beat + 2 * 60 * 60 - 1 - qing_clock_get_now_unix (f->fx.clock));
  stale = qing_timer_service_list_stale (f->service);
  g_assert_cmpuint (stale->len, ==, 0);
  g_clear_pointer (&stale, g_ptr_array_unref);
  g_assert_cmpuint (f->n_stale_changed, ==, 0);

  qing_clock_advance (f->fx.clock, 1);
  stale = qing_timer_service_list_stale (f->service);
  g_assert_cmpuint (stale->len, ==, 1);
  g_assert_cmpint (qing_running_timer_get_id (g_ptr_array_index (stale, 0)), ==,
                   qing_running_timer_get_id (timer));
  g_assert_cmpuint (f->n_stale_changed, ==, 1);
  /* No heartbeat while stale: the time away stays visible. */
  g_object_set (f->service, "heartbeat-seconds", QING_TIMER_HEARTBEAT_SECONDS, NULL);
  qing_clock_advance (f->fx.clock, 3 * 60 * 60);
  fresh = qing_timer_service_lookup (f->service, f->fx.xiaoming_id, f->fx.guardian_id, NULL);
  g_assert_cmpint (qing_running_timer_get_last_seen_utc (fresh), ==, last_beat);
  g_assert_cmpuint (f->n_stale_changed, ==, 1);
  g_assert_cmpuint (count_talks (f, f->fx.xiaoming_id), ==, 0);

  g_assert_true (qing_timer_service_resolve_stale (f->service, fresh, started + 20 * 60, &talk,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (qing_talk_get_duration (talk), ==, 20 * 60);
  g_assert_cmpuint (count_talks (f, f->fx.xiaoming_id), ==, 1);
  after = qing_timer_service_list_stale (f->service);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (f->n_stale_changed, ==, 2);
}

/* Two services on one store (two windows): one notification, not two. */
static void
test_two_services (Fixture *f, gconstpointer data)
{
  g_autoptr (QingNotifier) other_notifier = qing_notifier_new ();
  g_autoptr (QingTimerService) other = qing_timer_service_new (f->fx.store, f->fx.clock,
                                                               other_notifier);
  g_autoptr (QingRunningTimer) timer = start_timer (f, f->fx.xiaoming_id);
  g_autoptr (GPtrArray) calls = NULL;
  g_autoptr (QingPerson) child = qing_store_get_person (f->fx.store, f->fx.xiaoming_id, NULL);
  g_autofree char *tag = g_strconcat ("timer-15min:", qing_person_get_uuid (child), NULL);

  qing_clock_advance (f->fx.clock, 16 * 60);
  g_assert_cmpuint (f->n_goals, ==, 1);
  if (services_monitor_running ())
    {
      /* Exactly one of the two showed it. */
      g_assert_true (qing_notifier_is_shown (f->notifier, tag)
                     != qing_notifier_is_shown (other_notifier, tag));
      calls = services_monitor_drain (f->notifier);
      g_assert_cmpuint (calls->len, ==, 1);
    }
}

static void
test_given_name (void)
{
  const struct { const char *name, *given; } cases[] = {
    { "张小明", "小明" },
    { "李雨桐", "雨桐" },
    { "欧阳子涵", "子涵" },
    { "王五", "王五" },
    { "司马光", "司马光" }, /* a compound surname and one character: in full */
    { "张 小明", "小明" },         /* review: typed with a space */
    { "欧阳　子涵", "子涵" },      /* review: an ideographic space */
    { "Emma Smith", "Emma" },
    { "Leo", "Leo" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *given = qing_timer_service_dup_given_name (cases[i].name);
      g_assert_cmpstr (given, ==, cases[i].given);
    }
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  /* Checked against the English source strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  services_monitor_start ();

#define ADD(path, func) \
  g_test_add ("/timer-service/" path, Fixture, NULL, set_up, func, tear_down)
  ADD ("goal-once", test_goal_once);
  ADD ("pause-excluded", test_pause_excluded);
  ADD ("one-per-child", test_one_per_child);
  ADD ("finish", test_finish);
  ADD ("finish-atomic", test_finish_atomic);
  ADD ("discard", test_discard);
  ADD ("restart", test_restart);
  ADD ("heartbeat", test_heartbeat);
  ADD ("stale-ended-earlier", test_stale_ended_earlier);
  ADD ("stale-until-now", test_stale_until_now);
  ADD ("short-absence", test_short_absence);
  ADD ("stale-while-open", test_stale_while_open);
  ADD ("two-services", test_two_services);
#undef ADD
  g_test_add_func ("/timer-service/given-name", test_given_name);

  status = g_test_run ();
  services_monitor_stop ();
  return status;
}
