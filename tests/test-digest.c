/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor's morning digest with a manual clock in Asia/Shanghai: at
 * 07:30 on a school day ONE notification with counts only ("Today: 2
 * planned talks, 2 students overdue"), never twice the same day (also after
 * a restart), re-armed for the next day, skipped on a holiday.  Run under
 * tests/headless-session.sh so the calls reaching the server are checked.
 */
#include <locale.h>
#include <string.h>

#include "qing-digest.h"
#include "qing-store-calendar.h"
#include "qing-store-digest.h"
#include "qing-store-plan.h"
#include "test-mentor-util.h"
#include "test-services-util.h"

static const char *const names[] = { "张小明", "李雨桐", "王子涵", "陈思远", "赵一诺", "刘欣然" };

typedef struct
{
  MentorFixture fx;
  QingNotifier *notifier;
  gint64 mentor;
} Digest;

/* Monday 30 Nov 2026, 06:00.  Six students planned over the week (two
 * today); four talked last cycle, two did not (overdue). */
static void
digest_setup (Digest *d)
{
  g_autoptr (QingCyclePlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  gint64 group;

  mentor_fixture_open (&d->fx, "2026-11-30 06:00");
  mentor_fixture_add_calendar (&d->fx);
  d->mentor = mentor_add_staff (d->fx.store, "王老师");
  group = mentor_add_group (d->fx.store, "初三（2）班", d->mentor);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 id = mentor_add_student (d->fx.store, names[i], group);

      if (i >= 2)
        mentor_add_talk (d->fx.store, id, d->mentor, "2026-11-16 12:30", 15,
                         QING_VISIBILITY_PRIVATE);
    }
  for (guint wd = 1; wd <= 5; wd++)
    {
      QingMentorSlot slot = { 0, wd, 750, 30, 2, NULL };

      g_assert_true (qing_store_add_mentor_slot (d->fx.store, d->mentor, &slot, &error));
    }
  plan = qing_store_plan_cycle (d->fx.store, d->mentor, group, &error);
  g_assert_no_error (error);
  d->notifier = qing_notifier_new ();
  if (services_monitor_running ())
    g_ptr_array_unref (services_monitor_drain (d->notifier));
}

static void
digest_teardown (Digest *d)
{
  g_clear_object (&d->notifier);
  mentor_fixture_close (&d->fx);
}

/* Notify calls with our title since the last drain. */
static guint
count_digests (Digest *d, const char *body_expected)
{
  g_autoptr (GPtrArray) calls = services_monitor_drain (d->notifier);
  guint n = 0;

  for (guint i = 0; i < calls->len; i++)
    {
      SeenCall *call = g_ptr_array_index (calls, i);

      if (call->close || g_strcmp0 (call->summary, "Your talks today") != 0)
        continue;
      n++;
      if (body_expected != NULL)
        g_assert_cmpstr (call->body, ==, body_expected);
    }
  return n;
}

static void
assert_no_names (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_null (strstr (text, names[i]));
}

/* Counts only, whatever the notification server. */
static void
test_body (void)
{
  Digest d;
  g_autoptr (QingDigest) digest = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  digest_setup (&d);
  digest = qing_digest_new (d.fx.store, d.fx.clock, NULL, d.mentor);
  g_assert_cmpstr (qing_digest_get_digest_time (digest), ==, "07:30");
  g_assert_cmpint (qing_digest_get_next_utc (digest), ==, mentor_fixture_utc ("2026-11-30 07:30"));

  body = qing_digest_build_body (digest, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, "Today: 2 planned talks, 2 students overdue");
  assert_no_names (body);

  g_assert_false (qing_digest_set_digest_time (digest, "25:00"));
  g_assert_false (qing_digest_set_digest_time (digest, "7h30"));
  g_assert_cmpstr (qing_digest_get_digest_time (digest), ==, "07:30");
  g_assert_true (qing_digest_set_digest_time (digest, "6:45"));
  g_assert_cmpstr (qing_digest_get_digest_time (digest), ==, "06:45");
  g_assert_cmpint (qing_digest_get_next_utc (digest), ==, mentor_fixture_utc ("2026-11-30 06:45"));

  g_assert_finalize_object (g_steal_pointer (&digest));
  digest_teardown (&d);
}

/* Started at 09:00 on a day without a digest: at once; after noon or
 * once sent: tomorrow. */
static void
test_arming (void)
{
  Digest d;
  g_autoptr (QingDigest) digest = NULL;
  g_autoptr (GError) error = NULL;

  digest_setup (&d);
  mentor_fixture_set_now (&d.fx, "2026-11-30 09:00");
  digest = qing_digest_new (d.fx.store, d.fx.clock, NULL, d.mentor);
  g_assert_cmpint (qing_digest_get_next_utc (digest), ==, mentor_fixture_utc ("2026-11-30 09:00"));
  /* A manual clock fires due alarms when it moves; without a notifier
   * nothing is shown, but the day was checked: tomorrow. */
  qing_clock_advance (d.fx.clock, 1);
  g_assert_cmpint (qing_digest_get_next_utc (digest), ==, mentor_fixture_utc ("2026-12-01 07:30"));
  g_assert_finalize_object (g_steal_pointer (&digest));

  g_assert_true (qing_store_record_notification (d.fx.store, "mentor-digest", "2026-11-30",
                                                 qing_clock_get_now_unix (d.fx.clock), &error));
  g_assert_no_error (error);
  digest = qing_digest_new (d.fx.store, d.fx.clock, d.notifier, d.mentor);
  g_assert_cmpint (qing_digest_get_next_utc (digest), ==, mentor_fixture_utc ("2026-12-01 07:30"));
  g_assert_false (qing_digest_send_if_due (digest, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&digest));

  mentor_fixture_set_now (&d.fx, "2026-12-01 13:00");
  digest = qing_digest_new (d.fx.store, d.fx.clock, d.notifier, d.mentor);
  g_assert_cmpint (qing_digest_get_next_utc (digest), ==, mentor_fixture_utc ("2026-12-02 07:30"));

  g_assert_finalize_object (g_steal_pointer (&digest));
  digest_teardown (&d);
}

static void
test_morning (void)
{
  Digest d;
  g_autoptr (QingDigest) digest = NULL;
  g_autoptr (GError) error = NULL;
  gboolean sent = FALSE;
  GDate holiday;

  digest_setup (&d);
  digest = qing_digest_new (d.fx.store, d.fx.clock, d.notifier, d.mentor);

  mentor_fixture_set_now (&d.fx, "2026-11-30 07:29");
  g_assert_cmpuint (count_digests (&d, NULL), ==, 0);
  mentor_fixture_set_now (&d.fx, "2026-11-30 07:30");
  g_assert_true (qing_notifier_is_shown (d.notifier, "mentor-digest"));
  g_assert_cmpuint (count_digests (&d, "Today: 2 planned talks, 2 students overdue"), ==, 1);
  g_assert_true (
      qing_store_notification_was_sent (d.fx.store, "mentor-digest", "2026-11-30", &sent, &error));
  g_assert_true (sent);

  /* Never twice the same day, nor after a restart. */
  g_assert_false (qing_digest_send_if_due (digest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (qing_digest_get_next_utc (digest), ==, mentor_fixture_utc ("2026-12-01 07:30"));
  g_assert_finalize_object (g_steal_pointer (&digest));
  mentor_fixture_set_now (&d.fx, "2026-11-30 08:00");
  digest = qing_digest_new (d.fx.store, d.fx.clock, d.notifier, d.mentor);
  mentor_fixture_set_now (&d.fx, "2026-11-30 11:00");
  g_assert_cmpuint (count_digests (&d, NULL), ==, 0);

  /* Tuesday is made a holiday: skipped, re-armed for Wednesday. */
  g_date_set_dmy (&holiday, 1, G_DATE_DECEMBER, 2026);
  g_assert_cmpint (qing_store_add_calendar_exception (d.fx.store, QING_CALENDAR_HOLIDAY, NULL,
                                                      &holiday, &holiday, &error),
                   >, 0);
  mentor_fixture_set_now (&d.fx, "2026-12-01 09:00");
  g_assert_cmpuint (count_digests (&d, NULL), ==, 0);
  g_assert_cmpint (qing_digest_get_next_utc (digest), ==, mentor_fixture_utc ("2026-12-02 07:30"));

  /* Wednesday: Monday's and Tuesday's talks did not happen; one digest. */
  mentor_fixture_set_now (&d.fx, "2026-12-02 07:30");
  g_assert_cmpuint (count_digests (&d, NULL), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&digest));
  digest_teardown (&d);
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

  g_test_add_func ("/digest/body", test_body);
  g_test_add_func ("/digest/arming", test_arming);
  if (!services_monitor_start ())
    {
      g_test_add_func ("/digest/needs-notification-server", skip_without_server);
      return g_test_run ();
    }
  g_test_add_func ("/digest/morning", test_morning);
  status = g_test_run ();
  services_monitor_stop ();
  return status;
}
