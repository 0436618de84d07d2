/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor's roster: states in the cycle, days since the last talk,
 * confidentiality of other mentors' private talks, care-level cadences,
 * urgency and pinyin order, search, and the update after a talk.
 */
#include <locale.h>

#include "qing-roster-status.h"
#include "qing-store-peer.h"
#include "test-mentor-util.h"

typedef struct
{
  MentorFixture fx;
  gint64 mentor, other_mentor, counselor, group;
  gint64 xiaoming, yutong, zihan, siyuan, yinuo;
} Roster;

/* Monday 30 Nov 2026, cycle 7 (23 Nov–6 Dec) of the term. */
static void
roster_setup (Roster *r)
{
  g_autoptr (GError) error = NULL;
  gint64 other_group;

  mentor_fixture_open (&r->fx, "2026-11-30 10:00");
  mentor_fixture_add_calendar (&r->fx);
  r->mentor = mentor_add_staff (r->fx.store, "王老师");
  r->other_mentor = mentor_add_staff (r->fx.store, "刘老师");
  r->counselor = mentor_add_staff (r->fx.store, "周老师");
  r->group = mentor_add_group (r->fx.store, "初一（3）班", r->mentor);
  other_group = mentor_add_group (r->fx.store, "初一（4）班", r->other_mentor);
  r->xiaoming = mentor_add_student (r->fx.store, "张小明", r->group);
  r->yutong = mentor_add_student (r->fx.store, "李雨桐", r->group);
  r->zihan = mentor_add_student (r->fx.store, "王子涵", r->group);
  r->siyuan = mentor_add_student (r->fx.store, "陈思远", r->group);
  r->yinuo = mentor_add_student (r->fx.store, "赵一诺", r->group);
  /* Not in the group: never on the roster. */
  mentor_add_student (r->fx.store, "孙小雨", other_group);

  /* Done this cycle. */
  mentor_add_talk (r->fx.store, r->xiaoming, r->mentor, "2026-11-24 12:30", 20,
                   QING_VISIBILITY_PRIVATE);
  /* Talked in the last cycle: waiting. */
  mentor_add_talk (r->fx.store, r->yutong, r->mentor, "2026-11-12 16:00", 15,
                   QING_VISIBILITY_PRIVATE);
  /* Another mentor's talk shared with the school counts. */
  mentor_add_talk (r->fx.store, r->siyuan, r->other_mentor, "2026-11-13 12:30", 15,
                   QING_VISIBILITY_SCHOOL);
  /* A talk too short never counts. */
  mentor_add_talk (r->fx.store, r->siyuan, r->mentor, "2026-11-26 12:30", 10,
                   QING_VISIBILITY_PRIVATE);
  /* Another mentor's private talk is not the viewer's to see. */
  mentor_add_talk (r->fx.store, r->yinuo, r->other_mentor, "2026-11-26 12:30", 30,
                   QING_VISIBILITY_PRIVATE);
  /* A talk two years ago: days since the last talk, outside the window. */
  mentor_add_talk (r->fx.store, r->yinuo, r->mentor, "2024-11-30 09:00", 15,
                   QING_VISIBILITY_PRIVATE);

  g_assert_true (qing_store_set_care_level (r->fx.store, r->zihan, QING_CARE_KEY_CARE, r->counselor,
                                            QING_ROLE_COUNSELOR, "Screening follow-up", &error));
  g_assert_no_error (error);
}

static void
roster_teardown (Roster *r)
{
  mentor_fixture_close (&r->fx);
}

static QingRosterStatus *
compute (Roster *r)
{
  QingViewer viewer = { r->mentor, QING_ROLE_MENTOR };
  g_autoptr (GError) error = NULL;
  QingRosterStatus *roster;

  roster = qing_roster_status_compute (r->fx.store, r->group, &viewer,
                                       qing_clock_get_now_unix (r->fx.clock), &error);
  g_assert_no_error (error);
  g_assert_nonnull (roster);
  return roster;
}

static QingRosterEntry *
row_of (QingRosterStatus *roster, gint64 student_id)
{
  QingRosterEntry *row = qing_roster_status_find (roster, student_id);

  g_assert_nonnull (row);
  return row;
}

static void
test_states (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  QingRosterEntry *row;
  const GDate *done;

  roster_setup (&r);
  roster = compute (&r);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (roster)), ==, 5);
  g_assert_cmpstr (qing_roster_status_get_header (roster), ==,
                   "Cycle 7 · Nov 23–Dec 6 · 1 of 5 done");
  g_assert_cmpuint (qing_roster_status_get_cycle (roster)->number, ==, 7);
  g_assert_cmpuint (qing_roster_status_get_summary (roster)->n_overdue, ==, 2);

  row = row_of (roster, r.xiaoming);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_DONE);
  done = qing_roster_entry_get_done_day (row);
  g_assert_nonnull (done);
  g_assert_cmpuint (g_date_get_day (done), ==, 24);
  g_assert_cmpstr (qing_roster_entry_get_status_text (row), ==, "Done on Nov 24");
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, 6);

  row = row_of (roster, r.yutong);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_WAITING);
  g_assert_null (qing_roster_entry_get_done_day (row));
  g_assert_false (qing_roster_entry_get_missed_last_cycle (row));
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, 18);
  /* Mon 30 Nov–Sun 6 Dec: five school days. */
  g_assert_cmpuint (qing_roster_entry_get_school_days_left (row), ==, 5);
  g_assert_cmpstr (qing_roster_entry_get_status_text (row), ==, "5 school days left");

  row = row_of (roster, r.siyuan);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_WAITING);
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, 17);

  row = row_of (roster, r.yinuo);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_OVERDUE);
  g_assert_true (qing_roster_entry_get_missed_last_cycle (row));
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, 730);

  row = row_of (roster, r.zihan);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_OVERDUE);
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, -1);
  g_assert_cmpint (qing_roster_entry_get_care_level (row), ==, QING_CARE_KEY_CARE);
  g_assert_cmpint (qing_roster_entry_get_at_risk_state (row), !=, QING_CADENCE_NOT_APPLICABLE);
  g_assert_cmpint (qing_roster_entry_get_guardian_state (row), !=, QING_CADENCE_NOT_APPLICABLE);
  g_assert_cmpint (qing_roster_entry_get_at_risk_state (row_of (roster, r.xiaoming)), ==,
                   QING_CADENCE_NOT_APPLICABLE);

  g_clear_object (&roster);
  roster_teardown (&r);
}

static gint64
nth_id (QingRosterStatus *roster, guint n)
{
  g_autoptr (QingRosterEntry) row = g_list_model_get_item (G_LIST_MODEL (roster), n);

  return qing_roster_entry_get_student_id (row);
}

static void
test_sort (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;

  roster_setup (&r);
  roster = compute (&r);

  /* Urgency: overdue (care level first, then longest without a talk),
   * waiting (longest first), done. */
  g_assert_cmpint (qing_roster_status_get_sort (roster), ==, QING_ROSTER_SORT_URGENCY);
  g_assert_cmpint (nth_id (roster, 0), ==, r.zihan);
  g_assert_cmpint (nth_id (roster, 1), ==, r.yinuo);
  g_assert_cmpint (nth_id (roster, 2), ==, r.yutong);
  g_assert_cmpint (nth_id (roster, 3), ==, r.siyuan);
  g_assert_cmpint (nth_id (roster, 4), ==, r.xiaoming);

  /* Pinyin: chen, li, wang, zhang, zhao. */
  qing_roster_status_set_sort (roster, QING_ROSTER_SORT_NAME);
  g_assert_cmpint (nth_id (roster, 0), ==, r.siyuan);
  g_assert_cmpint (nth_id (roster, 1), ==, r.yutong);
  g_assert_cmpint (nth_id (roster, 2), ==, r.zihan);
  g_assert_cmpint (nth_id (roster, 3), ==, r.xiaoming);
  g_assert_cmpint (nth_id (roster, 4), ==, r.yinuo);

  g_clear_object (&roster);
  roster_teardown (&r);
}

static void
test_search (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  QingRosterEntry *row;

  roster_setup (&r);
  roster = compute (&r);
  row = row_of (roster, r.xiaoming);

  g_assert_cmpstr (qing_roster_entry_get_initials (row), ==, "zxm");
  g_assert_true (qing_roster_entry_matches (row, "zxm"));
  g_assert_true (qing_roster_entry_matches (row, "小明"));
  g_assert_true (qing_roster_entry_matches (row, ""));
  g_assert_false (qing_roster_entry_matches (row, "lyt"));
  g_assert_true (qing_roster_entry_matches (row_of (roster, r.yutong), "lyt"));

  g_clear_object (&roster);
  roster_teardown (&r);
}

static void
on_items_changed (GListModel *model, guint pos, guint removed, guint added, guint *count)
{
  (*count)++;
}

/* A talk saved later the same day: the roster follows by itself (in an
 * idle after "row-changed") and the header counts it. */
static void
test_update_after_talk (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  guint changes = 0;

  roster_setup (&r);
  roster = compute (&r);
  g_signal_connect (roster, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpint (qing_roster_entry_get_state (row_of (roster, r.yutong)), ==, QING_ROSTER_WAITING);

  mentor_fixture_set_now (&r.fx, "2026-11-30 12:50");
  mentor_add_talk (r.fx.store, r.yutong, r.mentor, "2026-11-30 12:30", 16, QING_VISIBILITY_PRIVATE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (qing_roster_entry_get_state (row_of (roster, r.yutong)), ==, QING_ROSTER_DONE);
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row_of (roster, r.yutong)), ==, 0);
  g_assert_cmpstr (qing_roster_status_get_header (roster), ==,
                   "Cycle 7 · Nov 23–Dec 6 · 2 of 5 done");

  g_clear_object (&roster);
  roster_teardown (&r);
}

typedef struct
{
  guint n;
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed_at (GListModel *model, guint pos, guint removed, guint added, Change *change)
{
  change->n++;
  change->position = pos;
  change->removed = removed;
  change->added = added;
}

/* In pinyin order the rows keep their places: only the changed row is
 * announced, so a list view keeps its scroll position. */
static void
test_precise_update (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  g_autoptr (GError) error = NULL;
  Change change = { 0 };

  roster_setup (&r);
  roster = compute (&r);
  qing_roster_status_set_sort (roster, QING_ROSTER_SORT_NAME);
  g_signal_connect (roster, "items-changed", G_CALLBACK (on_items_changed_at), &change);

  mentor_fixture_set_now (&r.fx, "2026-11-30 12:50");
  mentor_add_talk (r.fx.store, r.yutong, r.mentor, "2026-11-30 12:30", 16, QING_VISIBILITY_PRIVATE);
  g_assert_true (qing_roster_status_refresh (roster, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (change.n, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpint (nth_id (roster, 1), ==, r.yutong);

  /* Nothing changed: nothing announced. */
  g_assert_true (qing_roster_status_refresh (roster, &error));
  g_assert_cmpuint (change.n, ==, 1);

  g_clear_object (&roster);
  roster_teardown (&r);
}

/* A counselor sees talks shared with counselors; a mentor does not. */
static void
test_viewer (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  QingViewer counselor = { 0, QING_ROLE_COUNSELOR };
  g_autoptr (GError) error = NULL;

  roster_setup (&r);
  counselor.person_id = r.counselor;
  mentor_add_talk (r.fx.store, r.zihan, r.other_mentor, "2026-11-27 12:30", 15,
                   QING_VISIBILITY_COUNSELOR);
  roster = compute (&r);
  g_assert_cmpint (qing_roster_entry_get_state (row_of (roster, r.zihan)), ==, QING_ROSTER_OVERDUE);
  g_clear_object (&roster);

  roster = qing_roster_status_compute (r.fx.store, r.group, &counselor,
                                       qing_clock_get_now_unix (r.fx.clock), &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_roster_entry_get_state (row_of (roster, r.zihan)), ==, QING_ROSTER_DONE);

  g_clear_object (&roster);
  roster_teardown (&r);
}

static void
test_outside_term (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;

  roster_setup (&r);
  mentor_fixture_set_now (&r.fx, "2027-02-10 10:00");
  roster = compute (&r);

  g_assert_cmpstr (qing_roster_status_get_header (roster), ==,
                   "No talk cycle now: outside the school term");
  g_assert_cmpuint (qing_roster_status_get_cycle (roster)->number, ==, 0);
  g_assert_cmpint (qing_roster_entry_get_state (row_of (roster, r.yutong)), ==,
                   QING_ROSTER_NOT_APPLICABLE);

  g_clear_object (&roster);
  roster_teardown (&r);
}

/* The class's peer session (心理委员) has its own status line. */
static void
test_peer_sessions (void)
{
  Roster r;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) sessions = NULL;
  g_autofree char *line = NULL;
  QingPeerSession bad = { 0 };
  QingPeerSession s = { 0 };
  QingPeerSession older = { 0 };
  QingCadenceStatus status;
  gint64 now;

  roster_setup (&r);
  now = qing_clock_get_now_unix (r.fx.clock);
  g_assert_true (qing_store_get_peer_status (r.fx.store, r.group, now, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status.state, ==, QING_CADENCE_OVERDUE);

  bad.group_id = r.group;
  g_date_set_dmy (&bad.day, 24, G_DATE_NOVEMBER, 2026);
  bad.duration_s = -1;
  g_assert_false (qing_store_add_peer_session (r.fx.store, &bad, &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID);
  g_clear_error (&error);

  s.group_id = r.group;
  g_date_set_dmy (&s.day, 24, G_DATE_NOVEMBER, 2026);
  s.led_by = r.yutong;
  s.participants = 38;
  s.duration_s = -1;
  s.topic = (char *)"考试焦虑";
  g_assert_true (qing_store_add_peer_session (r.fx.store, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.id, >, 0);
  older.group_id = r.group;
  g_date_set_dmy (&older.day, 10, G_DATE_NOVEMBER, 2026);
  older.led_by_name = (char *)"李雨桐";
  older.participants = 40;
  older.duration_s = 20 * 60;
  g_assert_true (qing_store_add_peer_session (r.fx.store, &older, &error));
  g_assert_no_error (error);

  sessions = qing_store_list_peer_sessions (r.fx.store, r.group, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpint (g_array_index (sessions, QingPeerSession, 0).id, ==, s.id);
  g_assert_cmpuint (g_array_index (sessions, QingPeerSession, 0).participants, ==, 38);
  g_assert_cmpstr (g_array_index (sessions, QingPeerSession, 1).led_by_name, ==, "李雨桐");

  g_assert_true (qing_store_get_peer_status (r.fx.store, r.group, now, &status, &error));
  g_assert_cmpint (status.state, ==, QING_CADENCE_DONE);
  g_assert_false (status.missed_last_period);
  line = qing_peer_status_describe (&status);
  g_assert_cmpstr (line, ==, "Peer session: Done on Nov 24");

  /* A session recorded this morning (10:00) counts at once. */
  mentor_fixture_set_now (&r.fx, "2026-12-07 10:00");
  now = qing_clock_get_now_unix (r.fx.clock);
  g_assert_true (qing_store_get_peer_status (r.fx.store, r.group, now, &status, &error));
  g_assert_cmpint (status.state, ==, QING_CADENCE_DUE);
  s.id = 0;
  g_date_set_dmy (&s.day, 7, G_DATE_DECEMBER, 2026);
  g_assert_true (qing_store_add_peer_session (r.fx.store, &s, &error));
  g_assert_true (qing_store_get_peer_status (r.fx.store, r.group, now, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status.state, ==, QING_CADENCE_DONE);

  roster_teardown (&r);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster/states", test_states);
  g_test_add_func ("/roster/sort", test_sort);
  g_test_add_func ("/roster/search", test_search);
  g_test_add_func ("/roster/update-after-talk", test_update_after_talk);
  g_test_add_func ("/roster/precise-update", test_precise_update);
  g_test_add_func ("/roster/viewer", test_viewer);
  g_test_add_func ("/roster/outside-term", test_outside_term);
  g_test_add_func ("/roster/peer-sessions", test_peer_sessions);

  return g_test_run ();
}
