/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Domain objects and repository functions: round trips, the 15-minute
 * line, minutes per local day, the timer kept in the database, care
 * levels, groups, flags, visibility and removing a person.
 */
#include <locale.h>
#include <string.h>

#include "test-objects-util.h"

static void
test_person_round_trip (Fixture *fx, gconstpointer data)
{
  g_autoptr (QingPerson) person = qing_person_new (QING_PERSON_STUDENT, "张小明");
  g_autoptr (QingPerson) again = NULL;
  g_autoptr (QingPerson) twin = qing_person_new (QING_PERSON_STUDENT, "李雨桐");
  g_autoptr (QingPerson) blank = qing_person_new (QING_PERSON_STUDENT, "  ");
  g_autoptr (GDate) birthday = NULL;
  g_autoptr (GError) error = NULL;

  qing_person_set_gender (person, QING_GENDER_MALE);
  qing_person_set_birthday (person, "2014-03-05");
  qing_person_set_student_number (person, "2023015");
  g_assert_true (qing_store_add_person (fx->store, person, &error));
  g_assert_no_error (error);
  g_assert_nonnull (qing_person_get_uuid (person));
  g_assert_nonnull (qing_person_get_pinyin_key (person));

  again = qing_store_get_person (fx->store, qing_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qing_person_get_name (again), ==, "张小明");
  g_assert_cmpstr (qing_person_get_uuid (again), ==, qing_person_get_uuid (person));
  g_assert_cmpint (qing_person_get_gender (again), ==, QING_GENDER_MALE);
  g_assert_cmpstr (qing_person_get_student_number (again), ==, "2023015");
  birthday = qing_person_dup_birthday_date (again);
  g_assert_cmpint (g_date_get_month (birthday), ==, 3);

  qing_person_set_name (again, "张晓明");
  qing_person_set_phone (again, "138 0000 0000");
  qing_person_set_note (again, "走读生");
  g_assert_true (qing_store_update_person (fx->store, again, &error));
  g_assert_no_error (error);
  g_clear_object (&person);
  person = qing_store_get_person (fx->store, qing_person_get_id (again), &error);
  g_assert_cmpstr (qing_person_get_name (person), ==, "张晓明");
  g_assert_cmpstr (qing_person_get_phone (person), ==, "138 0000 0000");
  g_assert_cmpstr (qing_person_get_note (person), ==, "走读生");

  /* The same student number twice is refused with a sentence. */
  qing_person_set_student_number (twin, "2023015");
  g_assert_false (qing_store_add_person (fx->store, twin, &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "2023015"));
  g_clear_error (&error);

  g_assert_false (qing_store_add_person (fx->store, blank, &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_local_person (Fixture *fx, gconstpointer data)
{
  gint64 me = add_person (fx, QING_PERSON_GUARDIAN, "严妈妈");
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (qing_store_get_local_person (fx->store, QING_ROLE_PARENT, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (qing_store_set_local_person (fx->store, QING_ROLE_PARENT, me, &error));
  g_assert_no_error (error);
  g_assert_cmpint (qing_store_get_local_person (fx->store, QING_ROLE_PARENT, &error), ==, me);
  g_assert_cmpint (qing_store_get_local_person (fx->store, QING_ROLE_MENTOR, &error), ==, 0);

  g_assert_false (qing_store_set_local_person (fx->store, QING_ROLE_MENTOR, me + 100, &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (qing_store_set_local_person (fx->store, QING_ROLE_PARENT, 0, &error));
  g_assert_cmpint (qing_store_get_local_person (fx->store, QING_ROLE_PARENT, &error), ==, 0);
}

static void
test_talk_effective_line (void)
{
  g_autoptr (QingTalk) talk = qing_talk_new (1, 2, QING_ROLE_PARENT, 0, 14 * 60 + 59);
  guint notified = 0;

  g_assert_false (qing_talk_get_effective (talk));
  g_signal_connect (talk, "notify::effective", G_CALLBACK (count_notify), &notified);
  qing_talk_set_duration (talk, 15 * 60);
  g_assert_true (qing_talk_get_effective (talk));
  g_assert_cmpuint (notified, ==, 1);
  qing_talk_set_duration (talk, 20 * 60);   /* still effective: no notification */
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_talk_round_trip_and_undo (Fixture *fx, gconstpointer data)
{
  const char *topics[] = { "学习", "朋友", NULL };
  gint64 child = add_person (fx, QING_PERSON_STUDENT, "王子涵");
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "王建国");
  QingViewer me = { parent, QING_ROLE_PARENT };
  gint64 start = shanghai_unix (2026, 11, 29, 19, 0, 0);
  g_autoptr (QingTalk) talk = qing_talk_new (child, parent, QING_ROLE_PARENT, start, 900);
  g_autoptr (QingTalk) read = NULL;
  g_autoptr (QingTalk) removed = NULL;
  g_autoptr (GPtrArray) talks = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  qing_talk_set_topics (talk, topics);
  qing_talk_set_place (talk, "散步");
  qing_talk_set_note (talk, "聊了数学考试");
  g_assert_true (qing_store_add_talk (fx->store, talk, &error));
  g_assert_no_error (error);
  id = qing_talk_get_id (talk);
  uuid = g_strdup (qing_talk_get_uuid (talk));

  read = qing_store_get_talk (fx->store, &me, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *) qing_talk_get_topics (read), topics));
  g_assert_cmpstr (qing_talk_get_place (read), ==, "散步");
  g_assert_true (qing_talk_get_effective (read));

  qing_talk_set_duration (read, 25 * 60);
  g_assert_true (qing_store_update_talk (fx->store, read, &error));
  g_assert_no_error (error);

  /* Remove, then Undo: the same talk comes back under the same uuid and id. */
  removed = qing_store_remove_talk (fx->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_talk_get_duration (removed), ==, 25 * 60);
  talks = qing_store_list_talks (fx->store, &me, child, 0, G_MAXINT64, &error);
  g_assert_cmpuint (talks->len, ==, 0);
  g_ptr_array_unref (talks);

  g_assert_true (qing_store_add_talk (fx->store, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (qing_talk_get_uuid (removed), ==, uuid);
  g_assert_cmpint (qing_talk_get_id (removed), ==, id);
  talks = qing_store_list_talks (fx->store, &me, child, 0, G_MAXINT64, &error);
  g_assert_cmpuint (talks->len, ==, 1);
  g_assert_cmpstr (qing_talk_get_note (g_ptr_array_index (talks, 0)), ==, "聊了数学考试");

  /* A talk with someone no longer in the database: a sentence, not SQL. */
  {
    g_autoptr (QingTalk) orphan = qing_talk_new (child + 1000, parent, QING_ROLE_PARENT, start, 60);
    g_assert_false (qing_store_add_talk (fx->store, orphan, &error));
    g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND);
    g_assert_null (strstr (error->message, "FOREIGN KEY"));
  }
}

static void
test_minutes_per_day_across_midnight (Fixture *fx, gconstpointer data)
{
  gint64 child = add_person (fx, QING_PERSON_STUDENT, "李雨桐");
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "李华");
  gint64 mentor = add_person (fx, QING_PERSON_STAFF, "赵老师");
  g_autoptr (GDate) first = g_date_new_dmy (28, G_DATE_NOVEMBER, 2026);
  g_autoptr (GError) error = NULL;
  guint minutes[3], seconds[3];

  /* 23:50 → 00:10: twenty minutes, all on the 28th, where it started. */
  add_talk (fx, child, parent, QING_ROLE_PARENT, shanghai_unix (2026, 11, 28, 23, 50, 0), 20 * 60,
            QING_VISIBILITY_PRIVATE, NULL);
  /* 00:00 exactly on the 29th, 14:59 long. */
  add_talk (fx, child, parent, QING_ROLE_PARENT, shanghai_unix (2026, 11, 29, 0, 0, 0), 899,
            QING_VISIBILITY_PRIVATE, NULL);
  /* A mentor's talk on the 30th; and one before the range (27th 23:59). */
  add_talk (fx, child, mentor, QING_ROLE_MENTOR, shanghai_unix (2026, 11, 30, 12, 0, 0), 900,
            QING_VISIBILITY_SCHOOL, NULL);
  add_talk (fx, child, parent, QING_ROLE_PARENT, shanghai_unix (2026, 11, 27, 23, 59, 0), 600,
            QING_VISIBILITY_PRIVATE, NULL);

  g_assert_true (qing_store_get_talk_seconds_per_day (fx->store, child, 0, first, 3, seconds,
                                                      &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seconds[0], ==, 20 * 60);
  g_assert_cmpuint (seconds[1], ==, 899);
  g_assert_cmpuint (seconds[2], ==, 900);

  g_assert_true (qing_store_get_talk_minutes_per_day (fx->store, child, QING_ROLE_PARENT, first, 3,
                                                      minutes, &error));
  g_assert_cmpuint (minutes[0], ==, 20);
  g_assert_cmpuint (minutes[1], ==, 14);   /* 14:59 is not 15 */
  g_assert_cmpuint (minutes[2], ==, 0);    /* the mentor's talk is not the parent's */
}

/* Days of 23 and 25 hours: each talk still lands on the local day it
 * started, in the clock's zone. */
static void
test_minutes_per_day_dst (Fixture *fx, gconstpointer data)
{
  g_autoptr (GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (GDateTime) start = g_date_time_new (ny, 2026, 3, 7, 12, 0, 0);
  g_autoptr (QingClock) clock = qing_clock_new_manual (start);
  g_autoptr (QingStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "new-york.db", NULL);
  struct { int m, d, h, min; gint duration; } talks[] = {
    { 3, 7, 23, 55, 600 },   /* Saturday night, before the change */
    { 3, 8, 0, 5, 60 },      /* Sunday just after midnight (23-hour day) */
    { 3, 8, 23, 59, 120 },   /* the end of the 23-hour day */
    { 10, 31, 23, 30, 300 }, /* before the 25-hour day */
    { 11, 1, 1, 30, 420 },   /* 1:30 happens twice that day: the first one */
    { 11, 1, 23, 59, 180 },  /* the end of the 25-hour day */
  };
  struct { int m, d; guint seconds; } days[] = {
    { 3, 7, 600 }, { 3, 8, 180 }, { 3, 9, 0 }, { 10, 31, 300 }, { 11, 1, 600 }, { 11, 2, 0 },
  };
  gint64 child;

  store = qing_store_open (path, clock, &error);
  g_assert_no_error (error);
  {
    g_autoptr (QingPerson) person = qing_person_new (QING_PERSON_STUDENT, "Emma");
    g_assert_true (qing_store_add_person (store, person, &error));
    child = qing_person_get_id (person);
  }
  for (guint i = 0; i < G_N_ELEMENTS (talks); i++)
    {
      g_autoptr (GDateTime) at = g_date_time_new (ny, 2026, talks[i].m, talks[i].d, talks[i].h,
                                                  talks[i].min, 0);
      g_autoptr (QingTalk) talk = qing_talk_new (child, 0, QING_ROLE_PARENT,
                                                 g_date_time_to_unix (at), talks[i].duration);
      g_assert_true (qing_store_add_talk (store, talk, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (GDate) day = g_date_new_dmy (days[i].d, days[i].m, 2026);
      guint seconds[1];

      g_assert_true (qing_store_get_talk_seconds_per_day (store, child, 0, day, 1, seconds,
                                                          &error));
      g_test_message ("%d-%d", days[i].m, days[i].d);
      g_assert_cmpuint (seconds[0], ==, days[i].seconds);
    }
  g_clear_object (&store);
  remove_database (path);
}

static void
test_timer_survives_kill (Fixture *fx, gconstpointer data)
{
  gint64 child = add_person (fx, QING_PERSON_STUDENT, "陈思远");
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "陈立");
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (QingRunningTimer) resumed = NULL;
  g_autoptr (QingStore) second = NULL;
  g_autoptr (QingClock) later = NULL;
  g_autoptr (GDateTime) then = NULL;
  g_autoptr (GError) error = NULL;
  gint64 t0 = qing_clock_get_now_unix (fx->clock);

  timer = qing_store_start_timer (fx->store, child, parent, QING_ROLE_PARENT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_running_timer_get_started_utc (timer), ==, t0);

  qing_clock_advance (fx->clock, 5 * 60);
  g_assert_true (qing_store_pause_timer (fx->store, timer, &error));
  g_assert_true (qing_running_timer_get_paused (timer));
  qing_clock_advance (fx->clock, 3 * 60);
  g_assert_cmpint (qing_running_timer_get_elapsed (timer, qing_clock_get_now_unix (fx->clock)),
                   ==, 5 * 60);
  g_assert_true (qing_store_resume_timer (fx->store, timer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (qing_running_timer_get_paused_total (timer), ==, 3 * 60);

  /* The process dies here: nothing is closed.  A new store object on the
   * same file, with a clock 20 minutes after the start, finds the timer
   * with 20 − 3 = 17 minutes elapsed. */
  then = g_date_time_new_from_unix_utc (t0 + 20 * 60);
  later = qing_clock_new_manual (then);
  second = qing_store_open (fx->path, later, &error);
  g_assert_no_error (error);
  resumed = qing_store_get_running_timer (second, child, parent, &error);
  g_assert_no_error (error);
  g_assert_nonnull (resumed);
  g_assert_false (qing_running_timer_get_paused (resumed));
  g_assert_cmpint (qing_running_timer_get_elapsed (resumed, qing_clock_get_now_unix (later)), ==,
                   17 * 60);

  /* One timer per student and listener. */
  g_assert_null (qing_store_start_timer (second, child, parent, QING_ROLE_PARENT, &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_TIMER_RUNNING);
}

static guint
count_rows (Fixture *fx, const char *sql)
{
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (fx->store, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_timer_finish_is_atomic (Fixture *fx, gconstpointer data)
{
  gint64 child = add_person (fx, QING_PERSON_STUDENT, "孙悦");
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "孙强");
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (QingTalk) details = qing_talk_new (0, 0, QING_ROLE_PARENT, 0, 0);
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;
  gint64 t0 = qing_clock_get_now_unix (fx->clock);

  timer = qing_store_start_timer (fx->store, child, parent, QING_ROLE_PARENT, &error);
  g_assert_no_error (error);
  qing_clock_advance (fx->clock, 16 * 60);
  qing_talk_set_note (details, "睡前聊天");

  /* A failure while saving the talk leaves the timer running and no talk. */
  g_assert_true (qing_store_exec (fx->store, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON talks"
                                             " BEGIN SELECT RAISE (ABORT, 'disk full'); END;",
                                  NULL));
  g_assert_null (qing_store_finish_timer (fx->store, timer, 0, details, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (fx, "SELECT count(*) FROM running_timers"), ==, 1);
  g_assert_cmpuint (count_rows (fx, "SELECT count(*) FROM talks"), ==, 0);
  g_assert_true (qing_store_exec (fx->store, "DROP TRIGGER temp.refuse;", NULL));

  talk = qing_store_finish_timer (fx->store, timer, 0, details, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_talk_get_start_utc (talk), ==, t0);
  g_assert_cmpint (qing_talk_get_duration (talk), ==, 16 * 60);
  g_assert_true (qing_talk_get_effective (talk));
  g_assert_cmpstr (qing_talk_get_note (talk), ==, "睡前聊天");
  g_assert_cmpuint (count_rows (fx, "SELECT count(*) FROM running_timers"), ==, 0);
  g_assert_cmpuint (count_rows (fx, "SELECT count(*) FROM talks"), ==, 1);

  /* Ending earlier than now: the user says it ended after 10 minutes. */
  g_clear_object (&timer);
  g_clear_object (&talk);
  timer = qing_store_start_timer (fx->store, child, parent, QING_ROLE_PARENT, &error);
  qing_clock_advance (fx->clock, 2 * 3600);
  talk = qing_store_finish_timer (fx->store, timer,
                                  qing_running_timer_get_started_utc (timer) + 600, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_talk_get_duration (talk), ==, 600);
}

static void
test_care_level_proposal (Fixture *fx, gconstpointer data)
{
  gint64 student = add_person (fx, QING_PERSON_STUDENT, "周雨欣");
  gint64 mentor = add_person (fx, QING_PERSON_STAFF, "吴老师");
  gint64 counselor = add_person (fx, QING_PERSON_STAFF, "郑老师");
  g_autoptr (QingPerson) person = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GError) error = NULL;
  gint64 proposal;

  g_assert_cmpint (qing_store_propose_care_level (fx->store, student, QING_CARE_KEY_CARE, mentor,
                                                  QING_ROLE_MENTOR, "", &error), ==, 0);
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID);
  g_clear_error (&error);

  proposal = qing_store_propose_care_level (fx->store, student, QING_CARE_KEY_CARE, mentor,
                                            QING_ROLE_MENTOR, "父母离异后情绪低落", &error);
  g_assert_no_error (error);
  person = qing_store_get_person (fx->store, student, &error);
  g_assert_cmpint (qing_person_get_care_level (person), ==, QING_CARE_NORMAL);
  pending = qing_store_list_care_level_proposals (fx->store, &error);
  g_assert_cmpuint (pending->len, ==, 1);

  g_assert_true (qing_store_decide_care_level (fx->store, proposal, counselor, TRUE,
                                               "面谈后确认", &error));
  g_assert_no_error (error);
  g_clear_object (&person);
  person = qing_store_get_person (fx->store, student, &error);
  g_assert_cmpint (qing_person_get_care_level (person), ==, QING_CARE_KEY_CARE);

  g_assert_false (qing_store_decide_care_level (fx->store, proposal, counselor, FALSE, NULL,
                                                &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_NOT_PENDING);
  g_clear_error (&error);

  qing_clock_advance (fx->clock, 86400);
  g_assert_true (qing_store_set_care_level (fx->store, student, QING_CARE_CLEAR_SIGNS, counselor,
                                            QING_ROLE_COUNSELOR, "普测结果异常", &error));
  history = qing_store_list_care_level_history (fx->store, student, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((QingCareLevelChange *) history->pdata[0])->level, ==, QING_CARE_CLEAR_SIGNS);
  g_assert_cmpint (((QingCareLevelChange *) history->pdata[1])->confirmed_by, ==, counselor);
  g_assert_cmpstr (((QingCareLevelChange *) history->pdata[1])->decision_note, ==, "面谈后确认");
  g_assert_cmpstr (((QingCareLevelChange *) history->pdata[1])->reason, ==, "父母离异后情绪低落");
  g_assert_null (((QingCareLevelChange *) history->pdata[0])->decision_note);
  g_clear_object (&person);
  person = qing_store_get_person (fx->store, student, &error);
  g_assert_cmpint (qing_person_get_care_level (person), ==, QING_CARE_CLEAR_SIGNS);
}

static void
test_groups_and_moves (Fixture *fx, gconstpointer data)
{
  gint64 mentor = add_person (fx, QING_PERSON_STAFF, "钱老师");
  gint64 student = add_person (fx, QING_PERSON_STUDENT, "冯可欣");
  g_autoptr (QingGroup) a = qing_group_new (QING_GROUP_CLASS, "初二(3)班", mentor);
  g_autoptr (QingGroup) b = qing_group_new (QING_GROUP_CLASS, "初二(4)班", 0);
  g_autoptr (QingGroup) group = qing_group_new (QING_GROUP_MENTOR, "数学小组", mentor);
  g_autoptr (QingPerson) person = NULL;
  g_autoptr (GPtrArray) in_a = NULL;
  g_autoptr (GPtrArray) mine = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_group (fx->store, a, &error));
  g_assert_true (qing_store_add_group (fx->store, b, &error));
  g_assert_true (qing_store_add_group (fx->store, group, &error));
  g_assert_no_error (error);

  g_assert_true (qing_store_add_to_group (fx->store, qing_group_get_id (a), student, &error));
  g_assert_true (qing_store_add_to_group (fx->store, qing_group_get_id (group), student, &error));
  g_assert_no_error (error);
  person = qing_store_get_person (fx->store, student, &error);
  g_assert_cmpstr (qing_person_get_class_name (person), ==, "初二(3)班");

  /* One class at a time: adding to a second class is refused … */
  g_assert_false (qing_store_add_to_group (fx->store, qing_group_get_id (b), student, &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* … moving is the way, and the mentor group stays. */
  g_assert_true (qing_store_move_to_group (fx->store, student, qing_group_get_id (b), &error));
  g_assert_no_error (error);
  in_a = qing_store_list_group_students (fx->store, qing_group_get_id (a), &error);
  g_assert_cmpuint (in_a->len, ==, 0);
  g_clear_object (&person);
  person = qing_store_get_person (fx->store, student, &error);
  g_assert_cmpstr (qing_person_get_class_name (person), ==, "初二(4)班");

  mine = qing_store_list_groups (fx->store, mentor, &error);
  g_assert_cmpuint (mine->len, ==, 2);
  g_assert_cmpuint (qing_group_get_n_students (g_ptr_array_index (mine, 1)), ==, 1);
}

static gboolean
talks_contain_note (GPtrArray *talks, const char *note)
{
  for (guint i = 0; i < talks->len; i++)
    if (g_strcmp0 (qing_talk_get_note (g_ptr_array_index (talks, i)), note) == 0)
      return TRUE;
  return FALSE;
}

/* Moods and flags the dual-role person @dual wrote as a counselor are not
 * shown to them in the parent role (the family view). */
static void
test_visibility_dual_role (Fixture *fx, gint64 child, gint64 dual, gint64 t)
{
  QingViewer as_counselor = { dual, QING_ROLE_COUNSELOR };
  QingViewer as_parent = { dual, QING_ROLE_PARENT };
  g_autoptr (QingMoodEntry) mood = qing_mood_entry_new (child, dual, t + 600, -2);
  g_autoptr (QingFlag) flag = qing_flag_new (child, dual, QING_SEVERITY_CONCERN, "咨询中提到失眠");
  g_autoptr (GPtrArray) moods = NULL;
  g_autoptr (GPtrArray) flags = NULL;
  g_autoptr (GError) error = NULL;

  qing_mood_entry_set_recorder_role (mood, QING_ROLE_COUNSELOR);
  qing_mood_entry_set_visibility (mood, QING_VISIBILITY_COUNSELOR);
  qing_flag_set_raised_role (flag, QING_ROLE_COUNSELOR);
  g_assert_true (qing_store_add_mood (fx->store, mood, &error));
  g_assert_true (qing_store_raise_flag (fx->store, flag, &error));
  g_assert_no_error (error);

  moods = qing_store_list_moods (fx->store, &as_counselor, child, 0, G_MAXINT64, &error);
  g_assert_cmpuint (moods->len, ==, 1);
  g_clear_pointer (&moods, g_ptr_array_unref);
  moods = qing_store_list_moods (fx->store, &as_parent, child, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moods->len, ==, 0);
  g_assert_null (qing_store_get_mood (fx->store, &as_parent, qing_mood_entry_get_id (mood),
                                      &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  flags = qing_store_list_open_flags (fx->store, &as_counselor, &error);
  g_assert_cmpuint (flags->len, ==, 1);
  g_clear_pointer (&flags, g_ptr_array_unref);
  flags = qing_store_list_open_flags (fx->store, &as_parent, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 0);
}

static void
test_visibility (Fixture *fx, gconstpointer data)
{
  gint64 child = add_person (fx, QING_PERSON_STUDENT, "褚一鸣");
  gint64 mother = add_person (fx, QING_PERSON_GUARDIAN, "褚妈妈");
  gint64 father = add_person (fx, QING_PERSON_GUARDIAN, "褚爸爸");
  gint64 mentor = add_person (fx, QING_PERSON_STAFF, "卫老师");
  gint64 other_mentor = add_person (fx, QING_PERSON_STAFF, "蒋老师");
  gint64 counselor = add_person (fx, QING_PERSON_STAFF, "沈老师");
  /* One person, the school's counselor and the child's aunt (a guardian). */
  gint64 dual = add_person (fx, QING_PERSON_STAFF, "顾老师");
  g_autoptr (QingGroup) class = qing_group_new (QING_GROUP_CLASS, "初一(1)班", mentor);
  QingViewer as_mother = { mother, QING_ROLE_PARENT }, as_father = { father, QING_ROLE_PARENT };
  QingViewer as_mentor = { mentor, QING_ROLE_MENTOR };
  QingViewer as_other = { other_mentor, QING_ROLE_MENTOR };
  QingViewer as_counselor = { counselor, QING_ROLE_COUNSELOR };
  QingViewer as_dual_counselor = { dual, QING_ROLE_COUNSELOR };
  QingViewer as_dual_parent = { dual, QING_ROLE_PARENT };
  g_autoptr (GError) error = NULL;
  gint64 t = shanghai_unix (2026, 11, 20, 12, 0, 0);
  gint64 secret;

  g_assert_true (qing_store_add_group (fx->store, class, &error));
  g_assert_true (qing_store_add_to_group (fx->store, qing_group_get_id (class), child, &error));
  g_assert_true (qing_store_link_guardian (fx->store, mother, child, "母亲", &error));
  g_assert_true (qing_store_link_guardian (fx->store, father, child, "父亲", &error));
  g_assert_true (qing_store_link_guardian (fx->store, dual, child, "姑姑", &error));

  secret = add_talk (fx, child, counselor, QING_ROLE_COUNSELOR, t, 1800,
                     QING_VISIBILITY_COUNSELOR, "保密：自伤念头");
  add_talk (fx, child, mentor, QING_ROLE_MENTOR, t + 100, 900, QING_VISIBILITY_SCHOOL, "学校可见");
  add_talk (fx, child, mentor, QING_ROLE_MENTOR, t + 200, 900, QING_VISIBILITY_FAMILY, "家长可见");
  add_talk (fx, child, mother, QING_ROLE_PARENT, t + 300, 900, QING_VISIBILITY_PRIVATE, "妈妈私人");
  add_talk (fx, child, dual, QING_ROLE_COUNSELOR, t + 400, 1800, QING_VISIBILITY_COUNSELOR,
            "顾老师咨询记录");
  add_talk (fx, child, dual, QING_ROLE_PARENT, t + 500, 900, QING_VISIBILITY_PRIVATE, "姑姑私人");

  struct { QingViewer *viewer; const char *note; gboolean visible; } cases[] = {
    { &as_counselor, "保密：自伤念头", TRUE },
    { &as_mentor, "保密：自伤念头", FALSE },
    { &as_other, "保密：自伤念头", FALSE },
    { &as_mother, "保密：自伤念头", FALSE },
    { &as_mentor, "学校可见", TRUE },
    { &as_other, "学校可见", FALSE },   /* not this student's mentor */
    { &as_mother, "学校可见", FALSE },
    { &as_father, "家长可见", TRUE },
    { &as_counselor, "家长可见", TRUE },
    { &as_mother, "妈妈私人", TRUE },
    { &as_father, "妈妈私人", FALSE },
    { &as_counselor, "妈妈私人", FALSE },
    /* The author sees a record only in the role it was written in. */
    { &as_dual_counselor, "顾老师咨询记录", TRUE },
    { &as_counselor, "顾老师咨询记录", TRUE },
    { &as_dual_parent, "顾老师咨询记录", FALSE },
    { &as_mother, "顾老师咨询记录", FALSE },
    { &as_dual_parent, "姑姑私人", TRUE },
    { &as_dual_counselor, "姑姑私人", FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) talks = qing_store_list_talks (fx->store, cases[i].viewer, child, 0,
                                                           G_MAXINT64, &error);
      g_assert_no_error (error);
      g_test_message ("case %u: %s", i, cases[i].note);
      g_assert_cmpint (talks_contain_note (talks, cases[i].note), ==, cases[i].visible);
    }

  /* Reading one talk directly is filtered the same way. */
  g_assert_null (qing_store_get_talk (fx->store, &as_mentor, secret, &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  test_visibility_dual_role (fx, child, dual, t);
}

static void
test_mood_round_trip_and_visibility (Fixture *fx, gconstpointer data)
{
  const char *words[] = { "焦虑", "疲惫", NULL };
  const char *areas[] = { "学习", "睡眠", NULL };
  gint64 child = add_person (fx, QING_PERSON_STUDENT, "韩梓萱");
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "韩磊");
  gint64 mentor = add_person (fx, QING_PERSON_STAFF, "杨老师");
  QingViewer as_parent = { parent, QING_ROLE_PARENT }, as_mentor = { mentor, QING_ROLE_MENTOR };
  g_autoptr (QingMoodEntry) entry = qing_mood_entry_new (child, parent,
                                                         shanghai_unix (2026, 11, 29, 20, 0, 0), -2);
  g_autoptr (QingMoodEntry) removed = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) hidden = NULL;
  g_autoptr (GError) error = NULL;
  QingMoodEntry *read;

  qing_mood_entry_set_energy (entry, QING_ENERGY_LOW);
  qing_mood_entry_set_emotion_words (entry, words);
  qing_mood_entry_set_life_areas (entry, areas);
  qing_mood_entry_set_note (entry, "考试前睡不好");
  g_assert_true (qing_store_add_mood (fx->store, entry, &error));
  g_assert_no_error (error);

  list = qing_store_list_moods (fx->store, &as_parent, child, 0, G_MAXINT64, &error);
  g_assert_cmpuint (list->len, ==, 1);
  read = g_ptr_array_index (list, 0);
  g_assert_cmpint (qing_mood_entry_get_valence (read), ==, -2);
  g_assert_cmpint (qing_mood_entry_get_energy (read), ==, QING_ENERGY_LOW);
  g_assert_true (g_strv_equal (qing_mood_entry_get_emotion_words (read), words));
  g_assert_true (g_strv_equal (qing_mood_entry_get_life_areas (read), areas));
  g_assert_cmpstr (qing_mood_entry_get_note (read), ==, "考试前睡不好");

  /* A parent's private journal is not the mentor's to read. */
  hidden = qing_store_list_moods (fx->store, &as_mentor, child, 0, G_MAXINT64, &error);
  g_assert_cmpuint (hidden->len, ==, 0);
  g_assert_null (qing_store_get_mood (fx->store, &as_mentor, qing_mood_entry_get_id (read),
                                      &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr (QingMoodEntry) mine = qing_store_get_mood (fx->store, &as_parent,
                                                          qing_mood_entry_get_id (read), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (qing_mood_entry_get_note (mine), ==, "考试前睡不好");
  }

  qing_mood_entry_set_valence (read, 1);
  qing_mood_entry_set_energy (read, QING_ENERGY_UNSET);
  g_assert_true (qing_store_update_mood (fx->store, read, &error));
  removed = qing_store_remove_mood (fx->store, qing_mood_entry_get_id (read), &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_mood_entry_get_valence (removed), ==, 1);
  g_assert_cmpint (qing_mood_entry_get_energy (removed), ==, QING_ENERGY_UNSET);
}

static void
test_crisis_flag_needs_who_was_told (Fixture *fx, gconstpointer data)
{
  gint64 student = add_person (fx, QING_PERSON_STUDENT, "秦浩然");
  gint64 mentor = add_person (fx, QING_PERSON_STAFF, "尤老师");
  gint64 other = add_person (fx, QING_PERSON_STAFF, "许老师");
  gint64 counselor = add_person (fx, QING_PERSON_STAFF, "何老师");
  QingViewer as_counselor = { counselor, QING_ROLE_COUNSELOR };
  QingViewer as_other = { other, QING_ROLE_MENTOR };
  g_autoptr (QingFlag) flag = qing_flag_new (student, mentor, QING_SEVERITY_CRISIS,
                                             "在作文里写了不想活了");
  g_autoptr (QingFlag) concern = qing_flag_new (student, mentor, QING_SEVERITY_CONCERN,
                                                "最近常常一个人吃饭");
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (qing_store_raise_flag (fx->store, flag, &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_CRISIS_UNTOLD);
  g_assert_cmpint (qing_flag_get_id (flag), ==, 0);
  g_clear_error (&error);
  qing_flag_set_who_was_told (flag, "   ");
  g_assert_false (qing_store_raise_flag (fx->store, flag, &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_CRISIS_UNTOLD);
  g_clear_error (&error);

  qing_flag_set_who_was_told (flag, "值班心理老师何老师，已通知家长");
  g_assert_true (qing_store_raise_flag (fx->store, flag, &error));
  g_assert_true (qing_store_raise_flag (fx->store, concern, &error));
  g_assert_no_error (error);

  open = qing_store_list_open_flags (fx->store, &as_counselor, &error);
  g_assert_cmpuint (open->len, ==, 2);
  g_assert_cmpint (qing_flag_get_severity (g_ptr_array_index (open, 0)), ==, QING_SEVERITY_CRISIS);
  none = qing_store_list_open_flags (fx->store, &as_other, &error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_remove_person_cascades (Fixture *fx, gconstpointer data)
{
  gint64 child = add_person (fx, QING_PERSON_STUDENT, "吕梓涵");
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "吕伟");
  g_autoptr (QingPerson) sibling = qing_person_new (QING_PERSON_STUDENT, "吕梓轩");
  QingViewer me = { parent, QING_ROLE_PARENT };
  QingPersonRecords before = { 0 }, removed = { 0 };
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (GPtrArray) children = NULL;
  g_autoptr (GPtrArray) talks = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_link_guardian (fx->store, parent, child, NULL, &error));
  g_assert_true (qing_store_add_child (fx->store, parent, sibling, "父亲", &error));
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    add_talk (fx, child, parent, QING_ROLE_PARENT, shanghai_unix (2026, 11, 20 + i, 20, 0, 0), 900,
              QING_VISIBILITY_PRIVATE, NULL);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (QingMoodEntry) mood = qing_mood_entry_new (child, parent, 1000 + i, 0);
      g_assert_true (qing_store_add_mood (fx->store, mood, &error));
    }
  timer = qing_store_start_timer (fx->store, child, parent, QING_ROLE_PARENT, &error);
  g_assert_no_error (error);

  /* A counselor's case and its append-only events go with the student too. */
  g_assert_true (qing_store_exec (fx->store,
                                  "INSERT INTO cases (student_id, opened_at_utc) SELECT id, 0"
                                  " FROM persons WHERE name = '吕梓涵';"
                                  "INSERT INTO case_events (case_id, kind, at_utc)"
                                  " SELECT id, 1, 0 FROM cases;", &error));
  g_assert_no_error (error);

  g_assert_true (qing_store_count_person_records (fx->store, child, &before, &error));
  g_assert_cmpuint (before.n_talks, ==, 3);
  g_assert_cmpuint (before.n_moods, ==, 2);
  g_assert_cmpuint (before.n_timers, ==, 1);

  g_assert_true (qing_store_remove_person (fx->store, child, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&before, sizeof before, &removed, sizeof removed);
  talks = qing_store_list_talks (fx->store, &me, child, 0, G_MAXINT64, &error);
  g_assert_cmpuint (talks->len, ==, 0);
  g_assert_cmpuint (count_rows (fx, "SELECT count(*) FROM moods"), ==, 0);
  g_assert_cmpuint (count_rows (fx, "SELECT count(*) FROM running_timers"), ==, 0);
  g_assert_cmpuint (count_rows (fx, "SELECT count(*) FROM case_events"), ==, 0);
  children = qing_store_list_children (fx->store, parent, &error);
  g_assert_cmpuint (children->len, ==, 1);
  g_assert_cmpstr (qing_person_get_name (g_ptr_array_index (children, 0)), ==, "吕梓轩");

  g_assert_false (qing_store_remove_person (fx->store, child, NULL, &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND);
}

static void
test_talk_spans (Fixture *fx, gconstpointer data)
{
  gint64 a = add_person (fx, QING_PERSON_STUDENT, "甲同学");
  gint64 b = add_person (fx, QING_PERSON_STUDENT, "乙同学");
  gint64 c = add_person (fx, QING_PERSON_STUDENT, "丙同学");
  gint64 mentor = add_person (fx, QING_PERSON_STAFF, "孔老师");
  gint64 counselor = add_person (fx, QING_PERSON_STAFF, "曹老师");
  gint64 ids[] = { b, a };
  gint64 from = shanghai_unix (2026, 11, 23, 0, 0, 0), to = shanghai_unix (2026, 12, 7, 0, 0, 0);
  g_autoptr (GArray) spans = NULL;
  g_autoptr (GError) error = NULL;
  QingTalkSpan *s;

  add_talk (fx, b, mentor, QING_ROLE_MENTOR, from + 3600, 900, QING_VISIBILITY_SCHOOL, NULL);
  add_talk (fx, a, mentor, QING_ROLE_MENTOR, from + 7200, 600, QING_VISIBILITY_SCHOOL, NULL);
  add_talk (fx, a, mentor, QING_ROLE_MENTOR, from + 3600, 1000, QING_VISIBILITY_SCHOOL, NULL);
  add_talk (fx, a, mentor, QING_ROLE_MENTOR, from - 1, 900, QING_VISIBILITY_SCHOOL, NULL);
  add_talk (fx, a, mentor, QING_ROLE_MENTOR, to, 900, QING_VISIBILITY_SCHOOL, NULL);
  add_talk (fx, c, mentor, QING_ROLE_MENTOR, from + 60, 900, QING_VISIBILITY_SCHOOL, NULL);
  {
    g_autoptr (QingTalk) with_parent = qing_talk_new (a, counselor, QING_ROLE_COUNSELOR,
                                                      from + 86400, 1200);
    qing_talk_set_with_guardian (with_parent, TRUE);
    g_assert_true (qing_store_add_talk (fx->store, with_parent, &error));
  }

  spans = qing_store_list_talk_spans (fx->store, ids, G_N_ELEMENTS (ids), from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 4);
  s = &g_array_index (spans, QingTalkSpan, 0);
  g_assert_cmpint (s->student_id, ==, a);
  g_assert_cmpint (s->start_utc, ==, from + 3600);
  g_assert_cmpint (s->duration_s, ==, 1000);
  g_assert_cmpint (s->listener_role, ==, QING_ROLE_MENTOR);
  g_assert_cmpint (g_array_index (spans, QingTalkSpan, 1).start_utc, ==, from + 7200);
  g_assert_true (g_array_index (spans, QingTalkSpan, 2).with_guardian);
  g_assert_cmpint (g_array_index (spans, QingTalkSpan, 3).student_id, ==, b);
  g_clear_pointer (&spans, g_array_unref);

  spans = qing_store_list_talk_spans (fx->store, NULL, 0, from, to, &error);
  g_assert_cmpuint (spans->len, ==, 5);
  g_clear_pointer (&spans, g_array_unref);

  /* One rule at a time: only the counselor's talk. */
  spans = qing_store_list_talk_spans_by_role (fx->store, ids, G_N_ELEMENTS (ids),
                                              QING_ROLE_COUNSELOR, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpint (g_array_index (spans, QingTalkSpan, 0).listener_id, ==, counselor);
  g_assert_true (g_array_index (spans, QingTalkSpan, 0).with_guardian);
  g_clear_pointer (&spans, g_array_unref);
  spans = qing_store_list_talk_spans_by_role (fx->store, NULL, 0, QING_ROLE_MENTOR, from, to,
                                              &error);
  g_assert_cmpuint (spans->len, ==, 4);
}

static void
test_last_talk_times (Fixture *fx, gconstpointer data)
{
  gint64 a = add_person (fx, QING_PERSON_STUDENT, "甲同学");
  gint64 b = add_person (fx, QING_PERSON_STUDENT, "乙同学");
  gint64 c = add_person (fx, QING_PERSON_STUDENT, "丙同学");
  gint64 mentor = add_person (fx, QING_PERSON_STAFF, "孔老师");
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "甲妈妈");
  gint64 who[] = { a, b, c };
  gint64 last[3];
  g_autoptr (GError) error = NULL;

  add_talk (fx, a, mentor, QING_ROLE_MENTOR, 1000, 900, QING_VISIBILITY_SCHOOL, NULL);
  add_talk (fx, a, mentor, QING_ROLE_MENTOR, 5000, 899, QING_VISIBILITY_SCHOOL, NULL);
  add_talk (fx, a, parent, QING_ROLE_PARENT, 9000, 1800, QING_VISIBILITY_PRIVATE, NULL);
  add_talk (fx, b, mentor, QING_ROLE_MENTOR, 3000, 1200, QING_VISIBILITY_SCHOOL, NULL);
  add_talk (fx, c, parent, QING_ROLE_PARENT, 4000, 1200, QING_VISIBILITY_PRIVATE, NULL);

  /* The latest effective talk by a mentor: 14:59 does not count. */
  g_assert_true (qing_store_get_last_talk_times (fx->store, who, 3, QING_ROLE_MENTOR,
                                                 QING_EFFECTIVE_TALK_SECONDS, 0, last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last[0], ==, 1000);
  g_assert_cmpint (last[1], ==, 3000);
  g_assert_cmpint (last[2], ==, 0);   /* never */
  /* Any role, any length. */
  g_assert_true (qing_store_get_last_talk_times (fx->store, who, 3, 0, 0, 0, last, &error));
  g_assert_cmpint (last[0], ==, 9000);
  g_assert_cmpint (last[2], ==, 4000);
  /* Not looking further back than 3500: b's talk at 3000 is too old. */
  g_assert_true (qing_store_get_last_talk_times (fx->store, who, 3, QING_ROLE_MENTOR, 0, 3500, last,
                                                 &error));
  g_assert_cmpint (last[0], ==, 5000);
  g_assert_cmpint (last[1], ==, 0);
}

/* The query plan of the statement the store really prepared for @marker. */
static char *
plan_of (Fixture *fx, const char *marker, const char *also, const char *without)
{
  sqlite3 *db = qing_store_get_db (fx->store);
  g_autoptr (GString) details = g_string_new (NULL);
  g_autofree char *explain = NULL;
  sqlite3_stmt *stmt = NULL, *plan = NULL;

  while ((stmt = sqlite3_next_stmt (db, stmt)) != NULL)
    if (strstr (sqlite3_sql (stmt), marker) != NULL
        && (also == NULL || strstr (sqlite3_sql (stmt), also) != NULL)
        && (without == NULL || strstr (sqlite3_sql (stmt), without) == NULL))
      break;
  g_assert_nonnull (stmt);
  explain = g_strconcat ("EXPLAIN QUERY PLAN ", sqlite3_sql (stmt), NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &plan, NULL), ==, SQLITE_OK);
  while (sqlite3_step (plan) == SQLITE_ROW)
    g_string_append_printf (details, "%s\n", (const char *) sqlite3_column_text (plan, 3));
  sqlite3_finalize (plan);
  g_test_message ("plan: %s", details->str);
  return g_string_free (g_steal_pointer (&details), FALSE);
}

/* One indexed query: the plan searches an index by student and start and
 * never scans the table, so years of history do not slow it down. */
static void
test_talk_spans_plan (Fixture *fx, gconstpointer data)
{
  gint64 ids[] = { 1, 2 };
  g_autoptr (GArray) any = NULL;
  g_autoptr (GArray) one = NULL;
  g_autofree char *plan_any = NULL;
  g_autofree char *plan_one = NULL;
  g_autoptr (GError) error = NULL;

  any = qing_store_list_talk_spans (fx->store, ids, 2, 0, 100, &error);
  one = qing_store_list_talk_spans_by_role (fx->store, ids, 2, QING_ROLE_MENTOR, 0, 100, &error);
  g_assert_no_error (error);

  plan_any = plan_of (fx, "json_each", "start_utc >= ?2", "listener_role =");
  g_assert_nonnull (strstr (plan_any, "COVERING INDEX talks_by_student"));
  g_assert_nonnull (strstr (plan_any, "start_utc>?"));
  g_assert_null (strstr (plan_any, "SCAN talks"));
  plan_one = plan_of (fx, "json_each", "listener_role = ?4", NULL);
  g_assert_nonnull (strstr (plan_one,
                           "COVERING INDEX talks_by_student (student_id=? AND start_utc>?"));
  g_assert_null (strstr (plan_one, "SCAN talks"));

  /* The latest talk of each student: a search back through that
   * student's own talks, never the role's talks of the whole school. */
  {
    gint64 last[2];
    g_autofree char *plan_last = NULL;

    g_assert_true (qing_store_get_last_talk_times (fx->store, ids, 2, QING_ROLE_MENTOR, 900, 0,
                                                   last, &error));
    plan_last = plan_of (fx, "ORDER BY t.start_utc DESC", "listener_role", NULL);
    g_assert_nonnull (strstr (plan_last, "COVERING INDEX talks_by_student"));
    g_assert_nonnull (strstr (plan_last, "(student_id=?"));
    g_assert_null (strstr (plan_last, "talks_by_role_time"));
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/objects/person/round-trip", test_person_round_trip);
  FIXTURE_TEST ("/objects/person/local", test_local_person);
  g_test_add_func ("/objects/talk/effective-line", test_talk_effective_line);
  FIXTURE_TEST ("/objects/talk/round-trip-and-undo", test_talk_round_trip_and_undo);
  FIXTURE_TEST ("/objects/talk/minutes-per-day", test_minutes_per_day_across_midnight);
  FIXTURE_TEST ("/objects/talk/minutes-per-day-dst", test_minutes_per_day_dst);
  FIXTURE_TEST ("/objects/talk/spans", test_talk_spans);
  FIXTURE_TEST ("/objects/talk/spans-plan", test_talk_spans_plan);
  FIXTURE_TEST ("/objects/talk/last-talk-times", test_last_talk_times);
  FIXTURE_TEST ("/objects/timer/survives-kill", test_timer_survives_kill);
  FIXTURE_TEST ("/objects/timer/finish-is-atomic", test_timer_finish_is_atomic);
  FIXTURE_TEST ("/objects/care-level/proposal", test_care_level_proposal);
  FIXTURE_TEST ("/objects/groups/moves", test_groups_and_moves);
  FIXTURE_TEST ("/objects/visibility/talks", test_visibility);
  FIXTURE_TEST ("/objects/mood/round-trip", test_mood_round_trip_and_visibility);
  FIXTURE_TEST ("/objects/flag/crisis", test_crisis_flag_needs_who_was_told);
  FIXTURE_TEST ("/objects/person/remove-cascades", test_remove_person_cascades);

  return g_test_run ();
}
