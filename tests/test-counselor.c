/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counselor's core: cases whose timeline is append-only, confirming a
 * proposed care level moves the student into the counselor's lists,
 * appointments and duty, and confidentiality: a mentor or a parent viewer
 * never gets a case, a case note, an appointment or a confidential talk
 * through any of these functions.
 */
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "qing-counselor-lists.h"
#include "qing-store-calendar.h"
#include "qing-store-cases.h"
#include "qing-store-private.h"

typedef struct
{
  char      *dir;
  QingClock *clock;
  QingStore *store;
  gint64     counselor;
  gint64     mentor;
  gint64     guardian;
  gint64     xiaoming; /* 张小明: the guardian's child, in the mentor's class */
  gint64     yutong;   /* 李雨桐 */
  gint64     zihan;    /* 王子涵 */
} Fixture;

static GDateTime *
local_time (int y, int mo, int d, int h, int mi)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

static gint64
local_utc (int y, int mo, int d, int h, int mi)
{
  g_autoptr (GDateTime) dt = local_time (y, mo, d, h, mi);

  return g_date_time_to_unix (dt);
}

static gint64
add_person (Fixture *fx, QingPersonKind kind, const char *name)
{
  g_autoptr (QingPerson) person = qing_person_new (kind, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_person (fx->store, person, &error));
  g_assert_no_error (error);
  return qing_person_get_id (person);
}

static void
add_counselor_role (Fixture *fx, gint64 person)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_exec (fx->store, "INSERT INTO person_roles (person_id, role)"
                                             " SELECT MAX (id), 3 FROM persons WHERE kind = 3",
                                  &error));
  g_assert_no_error (error);
  g_assert_cmpint (person, >, 0);
}

static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  g_autoptr (GDateTime) now = local_time (2026, 11, 25, 10, 0); /* a Wednesday */
  g_autoptr (GError) error = NULL;
  g_autoptr (QingGroup) group = NULL;
  g_autofree char *path = NULL;
  GDate a, b;

  fx->dir = g_dir_make_tmp ("qing-counselor-XXXXXX", &error);
  g_assert_no_error (error);
  fx->clock = qing_clock_new_manual (now);
  path = g_build_filename (fx->dir, "qingting.db", NULL);
  fx->store = qing_store_open (path, fx->clock, &error);
  g_assert_no_error (error);

  g_date_set_dmy (&a, 31, G_DATE_AUGUST, 2026);
  g_date_set_dmy (&b, 22, G_DATE_JANUARY, 2027);
  g_assert_cmpint (qing_store_add_term (fx->store, "2026 autumn", &a, &b, &error), >, 0);

  fx->mentor = add_person (fx, QING_PERSON_STAFF, "赵文博");
  fx->counselor = add_person (fx, QING_PERSON_STAFF, "何静怡");
  add_counselor_role (fx, fx->counselor);
  fx->guardian = add_person (fx, QING_PERSON_GUARDIAN, "张建华");
  fx->xiaoming = add_person (fx, QING_PERSON_STUDENT, "张小明");
  fx->yutong = add_person (fx, QING_PERSON_STUDENT, "李雨桐");
  fx->zihan = add_person (fx, QING_PERSON_STUDENT, "王子涵");
  g_assert_true (qing_store_link_guardian (fx->store, fx->guardian, fx->xiaoming, "父亲", &error));
  group = qing_group_new (QING_GROUP_CLASS, "七年级3班", fx->mentor);
  g_assert_true (qing_store_add_group (fx->store, group, &error));
  g_assert_true (qing_store_add_to_group (fx->store, qing_group_get_id (group), fx->xiaoming,
                                          &error));
  g_assert_true (qing_store_add_to_group (fx->store, qing_group_get_id (group), fx->yutong,
                                          &error));
  g_assert_no_error (error);
}

static void
rm_rf (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  g_assert_finalize_object (fx->store);
  g_clear_object (&fx->clock);
  rm_rf (fx->dir);
  g_free (fx->dir);
}

static gint64
raise_crisis (Fixture *fx, gint64 student)
{
  g_autoptr (QingFlag) flag = qing_flag_new (student, fx->mentor, QING_SEVERITY_CRISIS,
                                             "课间独自哭泣，说不想活了");
  g_autoptr (GError) error = NULL;

  qing_flag_set_raised_role (flag, QING_ROLE_MENTOR);
  qing_flag_set_who_was_told (flag, "值班心理老师何静怡，家长张建华");
  g_assert_true (qing_store_raise_flag (fx->store, flag, &error));
  g_assert_no_error (error);
  return qing_flag_get_id (flag);
}

static void
test_case_timeline_append_only (Fixture *fx, gconstpointer data)
{
  QingViewer me = { fx->counselor, QING_ROLE_COUNSELOR };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) flags = NULL;
  g_autoptr (QingCase) kase = NULL;
  gint64 flag = raise_crisis (fx, fx->xiaoming);
  gint64 case_id;

  case_id = qing_store_open_case (fx->store, fx->xiaoming, fx->counselor, flag, NULL, NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  g_assert_cmpint (qing_store_find_open_case (fx->store, fx->xiaoming, NULL), ==, case_id);

  /* The flag is now in the case: no longer waiting for attention. */
  flags = qing_store_list_open_flags (fx->store, &me, &error);
  g_assert_cmpuint (flags->len, ==, 1);
  g_assert_cmpint (qing_flag_get_status (g_ptr_array_index (flags, 0)), ==, QING_FLAG_IN_CASE);

  qing_clock_advance (fx->clock, 3600);
  g_assert_cmpint (qing_store_append_case_event (fx->store, case_id, QING_CASE_EVENT_NOTED,
                                                 fx->counselor, 0, NULL, "首次面谈，情绪稳定",
                                                 &error), >, 0);
  g_assert_cmpint (qing_store_append_case_event (fx->store, case_id,
                                                 QING_CASE_EVENT_STATUS_CHANGED, fx->counselor,
                                                 QING_CASE_MONITORING, NULL, NULL, &error), >, 0);
  kase = qing_store_get_case (fx->store, &me, case_id, &error);
  g_assert_cmpint (qing_case_get_status (kase), ==, QING_CASE_MONITORING);
  g_clear_object (&kase);

  /* Refusals: an empty note, a referral without an institution, a second "raised". */
  g_assert_cmpint (qing_store_append_case_event (fx->store, case_id, QING_CASE_EVENT_NOTED,
                                                 fx->counselor, 0, NULL, "  ", &error), ==, 0);
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (qing_store_append_case_event (fx->store, case_id, QING_CASE_EVENT_REFERRED,
                                                 fx->counselor, 0, "", NULL, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (qing_store_append_case_event (fx->store, case_id, QING_CASE_EVENT_RAISED,
                                                 fx->counselor, 0, NULL, "x", &error), ==, 0);
  g_clear_error (&error);

  g_assert_cmpint (qing_store_append_case_event (fx->store, case_id, QING_CASE_EVENT_REFERRED,
                                                 fx->counselor, 0, "市精神卫生中心", NULL,
                                                 &error), >, 0);
  kase = qing_store_get_case (fx->store, &me, case_id, &error);
  g_assert_cmpint (qing_case_get_status (kase), ==, QING_CASE_REFERRED);
  g_clear_object (&kase);
  g_assert_cmpint (qing_store_append_case_event (fx->store, case_id, QING_CASE_EVENT_CLOSED,
                                                 fx->counselor, 0, NULL, "转介后稳定", &error),
                   >, 0);
  g_assert_no_error (error);

  events = qing_store_list_case_events (fx->store, &me, case_id, &error);
  g_assert_cmpuint (events->len, ==, 5);
  g_assert_cmpint (qing_case_event_get_kind (g_ptr_array_index (events, 0)), ==,
                   QING_CASE_EVENT_RAISED);
  g_assert_cmpstr (qing_case_event_get_note (g_ptr_array_index (events, 0)), ==,
                   "课间独自哭泣，说不想活了");
  g_assert_cmpstr (qing_case_event_get_by_name (g_ptr_array_index (events, 0)), ==, "何静怡");
  g_assert_cmpint (qing_case_event_get_status (g_ptr_array_index (events, 2)), ==,
                   QING_CASE_MONITORING);
  g_assert_cmpstr (qing_case_event_get_referred_to (g_ptr_array_index (events, 3)), ==,
                   "市精神卫生中心");
  g_assert_cmpint (qing_case_event_get_kind (g_ptr_array_index (events, 4)), ==,
                   QING_CASE_EVENT_CLOSED);

  /* Closed: no more events; the closed case leaves the open list. */
  g_assert_cmpint (qing_store_append_case_event (fx->store, case_id, QING_CASE_EVENT_NOTED,
                                                 fx->counselor, 0, NULL, "追加", &error), ==, 0);
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (qing_store_find_open_case (fx->store, fx->xiaoming, NULL), ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = qing_store_list_cases (fx->store, &me, FALSE, &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = qing_store_list_cases (fx->store, &me, TRUE, &error);
  g_assert_cmpuint (events->len, ==, 1);

  /* Nothing edits or deletes an event, not even SQL behind the API's back. */
  g_assert_false (qing_store_exec (fx->store, "UPDATE case_events SET note = 'x'", &error));
  g_clear_error (&error);
  g_assert_false (qing_store_exec (fx->store, "DELETE FROM case_events", &error));
  g_clear_error (&error);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = qing_store_list_case_events (fx->store, &me, case_id, &error);
  g_assert_cmpuint (events->len, ==, 5);
}

static void
test_open_case_without_flag (Fixture *fx, gconstpointer data)
{
  QingViewer me = { fx->counselor, QING_ROLE_COUNSELOR };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  gint64 flag = raise_crisis (fx, fx->xiaoming);
  gint64 id;

  /* A flag about another student is refused, and nothing is kept. */
  g_assert_cmpint (qing_store_open_case (fx->store, fx->yutong, fx->counselor, flag, NULL, NULL,
                                         &error), ==, 0);
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID);
  g_clear_error (&error);
  cases = qing_store_list_cases (fx->store, &me, TRUE, &error);
  g_assert_cmpuint (cases->len, ==, 0);

  id = qing_store_open_case (fx->store, fx->zihan, fx->counselor, 0, "学业压力", "自己来咨询",
                             &error);
  g_assert_no_error (error);
  events = qing_store_list_case_events (fx->store, &me, id, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (qing_case_event_get_note (g_ptr_array_index (events, 0)), ==, "自己来咨询");

  /* A later flag about the same student joins the case as a note; one
   * about another student is refused. */
  g_assert_cmpint (qing_store_add_flag_to_case (fx->store, id, flag, fx->counselor, &error), ==, 0);
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID);
  g_clear_error (&error);
  flag = raise_crisis (fx, fx->zihan);
  g_assert_cmpint (qing_store_add_flag_to_case (fx->store, id, flag, fx->counselor, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = qing_store_list_case_events (fx->store, &me, id, &error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (qing_case_event_get_kind (g_ptr_array_index (events, 1)), ==,
                   QING_CASE_EVENT_NOTED);
  g_assert_cmpstr (qing_case_event_get_note (g_ptr_array_index (events, 1)), ==,
                   "课间独自哭泣，说不想活了");
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = qing_store_list_cases (fx->store, &me, TRUE, &error);
  g_assert_cmpuint (cases->len, ==, 1);
}

static guint
count_rows (GPtrArray *rows, gint64 student)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += qing_care_status_row_get_student_id (g_ptr_array_index (rows, i)) == student;
  return n;
}

static void
add_counselor_talk (Fixture *fx, gint64 student, gint64 start, gint minutes, const char *note)
{
  g_autoptr (QingTalk) talk = qing_talk_new (student, fx->counselor, QING_ROLE_COUNSELOR, start,
                                             minutes * 60);
  g_autoptr (GError) error = NULL;

  qing_talk_set_note (talk, note);
  qing_talk_set_visibility (talk, QING_VISIBILITY_COUNSELOR);
  g_assert_true (qing_store_add_talk (fx->store, talk, &error));
  g_assert_no_error (error);
}

static void
test_confirm_proposal (Fixture *fx, gconstpointer data)
{
  QingViewer me = { fx->counselor, QING_ROLE_COUNSELOR };
  QingViewer mentor = { fx->mentor, QING_ROLE_MENTOR };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) proposals = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (QingPerson) yutong = NULL;
  g_autoptr (GPtrArray) history = NULL;
  gint64 keep, decline, now = qing_clock_get_now_unix (fx->clock);
  QingCareStatusRow *row;

  keep = qing_store_propose_care_level (fx->store, fx->yutong, QING_CARE_KEY_CARE, fx->mentor,
                                        QING_ROLE_MENTOR, "父母离异后成绩下滑", &error);
  decline = qing_store_propose_care_level (fx->store, fx->zihan, QING_CARE_CLEAR_SIGNS,
                                           fx->mentor, QING_ROLE_MENTOR, "上课走神", &error);
  g_assert_no_error (error);

  proposals = qing_counselor_list_proposals (fx->store, &mentor, &error);
  g_assert_cmpuint (proposals->len, ==, 0);
  g_clear_pointer (&proposals, g_ptr_array_unref);
  proposals = qing_counselor_list_proposals (fx->store, &me, &error);
  g_assert_cmpuint (proposals->len, ==, 2);
  g_assert_cmpstr (qing_care_proposal_get_student_name (g_ptr_array_index (proposals, 0)), ==,
                   "李雨桐");
  g_assert_cmpstr (qing_care_proposal_get_proposed_by (g_ptr_array_index (proposals, 0)), ==,
                   "赵文博");

  rows = qing_counselor_list_care_status (fx->store, QING_CARE_KEY_CARE, now, &error);
  g_assert_cmpuint (count_rows (rows, fx->yutong), ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (qing_counselor_decide_proposal (fx->store, keep, fx->counselor, TRUE, NULL,
                                                 &error));
  g_assert_no_error (error);
  yutong = qing_store_get_person (fx->store, fx->yutong, &error);
  g_assert_cmpint (qing_person_get_care_level (yutong), ==, QING_CARE_KEY_CARE);

  rows = qing_counselor_list_care_status (fx->store, QING_CARE_KEY_CARE, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (qing_care_status_row_get_student_id (row), ==, fx->yutong);
  g_assert_cmpint (qing_care_status_row_get_state (row), ==, QING_CADENCE_DUE);
  g_assert_cmpuint (qing_care_status_row_get_count (row), ==, 0);
  g_assert_cmpuint (qing_care_status_row_get_target (row), ==, 2);
  g_assert_cmpstr (qing_care_status_row_get_class_name (row), ==, "七年级3班");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A 20-minute counselor talk makes this month's rule done (1 of 2). */
  add_counselor_talk (fx, fx->yutong, now - 3600, 20, "谈到家里的变化");
  rows = qing_counselor_list_care_status (fx->store, QING_CARE_KEY_CARE, now, &error);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (qing_care_status_row_get_state (row), ==, QING_CADENCE_DONE);
  g_assert_cmpuint (qing_care_status_row_get_count (row), ==, 1);

  /* Declining needs a reason, which is kept; the level does not change. */
  g_assert_false (qing_counselor_decide_proposal (fx->store, decline, fx->counselor, FALSE, " ",
                                                  &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (qing_counselor_decide_proposal (fx->store, decline, fx->counselor, FALSE,
                                                 "面谈后未见明显问题", &error));
  g_assert_no_error (error);
  history = qing_store_list_care_level_history (fx->store, fx->zihan, &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpint (((QingCareLevelChange *) g_ptr_array_index (history, 0))->status, ==,
                   QING_CARE_CHANGE_DECLINED);
  /* The mentor's reason stays as written; the counselor's is its own. */
  g_assert_cmpstr (((QingCareLevelChange *) g_ptr_array_index (history, 0))->reason, ==,
                   "上课走神");
  g_assert_cmpstr (((QingCareLevelChange *) g_ptr_array_index (history, 0))->decision_note, ==,
                   "面谈后未见明显问题");
  g_clear_pointer (&proposals, g_ptr_array_unref);
  proposals = qing_counselor_list_proposals (fx->store, &me, &error);
  g_assert_cmpuint (proposals->len, ==, 0);
  /* Deciding twice is refused. */
  g_assert_false (qing_counselor_decide_proposal (fx->store, keep, fx->counselor, TRUE, NULL,
                                                  &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_NOT_PENDING);
}

static void
test_clear_signs_weekly (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_true (qing_store_set_care_level (fx->store, fx->zihan, QING_CARE_CLEAR_SIGNS,
                                            fx->counselor, QING_ROLE_COUNSELOR, "普测高风险",
                                            &error));
  g_assert_true (qing_store_set_care_level (fx->store, fx->xiaoming, QING_CARE_CLEAR_SIGNS,
                                            fx->counselor, QING_ROLE_COUNSELOR, "危机后跟进",
                                            &error));
  add_counselor_talk (fx, fx->xiaoming, local_utc (2026, 11, 24, 15, 0), 30, "跟进");
  /* Next Wednesday: the past week's talk for 张小明 is done; 王子涵 missed it. */
  rows = qing_counselor_list_care_status (fx->store, QING_CARE_CLEAR_SIGNS,
                                          local_utc (2026, 11, 25, 18, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  /* Not done first. */
  g_assert_cmpint (qing_care_status_row_get_student_id (g_ptr_array_index (rows, 0)), ==,
                   fx->zihan);
  g_assert_cmpint (qing_care_status_row_get_state (g_ptr_array_index (rows, 1)), ==,
                   QING_CADENCE_DONE);
  g_assert_nonnull (qing_care_status_row_get_status_text (g_ptr_array_index (rows, 0)));
  /* A key-care list does not hold them. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = qing_counselor_list_care_status (fx->store, QING_CARE_KEY_CARE,
                                          local_utc (2026, 11, 25, 18, 0), &error);
  g_assert_cmpuint (rows->len, ==, 0);
}

static gboolean
talks_have_note (GPtrArray *talks, const char *note)
{
  for (guint i = 0; i < talks->len; i++)
    if (g_strcmp0 (qing_talk_get_note (g_ptr_array_index (talks, i)), note) == 0)
      return TRUE;
  return FALSE;
}

static void
test_confidential (Fixture *fx, gconstpointer data)
{
  QingViewer me = { fx->counselor, QING_ROLE_COUNSELOR };
  QingViewer viewers[] = {
    { fx->mentor, QING_ROLE_MENTOR },   /* the student's class mentor */
    { fx->guardian, QING_ROLE_PARENT }, /* the student's father */
    { fx->mentor, QING_ROLE_PEER },     /* anyone in another role */
  };
  g_autoptr (GError) error = NULL;
  gint64 flag = raise_crisis (fx, fx->xiaoming);
  gint64 now = qing_clock_get_now_unix (fx->clock);
  gint64 case_id, appointment;
  g_autoptr (GPtrArray) mine = NULL;
  g_autoptr (QingTalk) talk = NULL;

  case_id = qing_store_open_case (fx->store, fx->xiaoming, fx->counselor, flag, NULL, NULL,
                                  &error);
  qing_store_append_case_event (fx->store, case_id, QING_CASE_EVENT_NOTED, fx->counselor, 0,
                                NULL, "个案记录：家庭冲突", &error);
  add_counselor_talk (fx, fx->xiaoming, now - 7200, 30, "保密谈话内容");
  appointment = qing_store_add_appointment (fx->store, fx->xiaoming, fx->counselor, fx->mentor,
                                            now + 86400, 1800, "心理辅导室", &error);
  talk = qing_store_complete_appointment (fx->store, appointment, fx->counselor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_talk_get_visibility (talk), ==, QING_VISIBILITY_COUNSELOR);
  g_assert_true (qing_store_set_care_level (fx->store, fx->xiaoming, QING_CARE_KEY_CARE,
                                            fx->counselor, QING_ROLE_COUNSELOR, "危机后", &error));
  qing_store_propose_care_level (fx->store, fx->yutong, QING_CARE_KEY_CARE, fx->mentor,
                                 QING_ROLE_MENTOR, "x", &error);
  g_assert_no_error (error);

  /* The counselor sees it all. */
  mine = qing_store_list_talks (fx->store, &me, fx->xiaoming, 0, G_MAXINT64, &error);
  g_assert_true (talks_have_note (mine, "保密谈话内容"));
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = qing_store_list_case_events (fx->store, &me, case_id, &error);
  g_assert_cmpuint (mine->len, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (viewers); i++)
    {
      const QingViewer *v = &viewers[i];
      g_autoptr (GPtrArray) cases = qing_store_list_cases (fx->store, v, TRUE, &error);
      g_autoptr (GPtrArray) events = qing_store_list_case_events (fx->store, v, case_id, &error);
      g_autoptr (GPtrArray) appts = qing_store_list_appointments (fx->store, v, 0, G_MAXINT64,
                                                                  &error);
      g_autoptr (GPtrArray) proposals = qing_counselor_list_proposals (fx->store, v, &error);
      g_autoptr (GPtrArray) talks = qing_store_list_talks (fx->store, v, fx->xiaoming, 0,
                                                           G_MAXINT64, &error);
      g_autoptr (QingCase) kase = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (cases->len, ==, 0);
      g_assert_cmpuint (events->len, ==, 0);
      g_assert_cmpuint (appts->len, ==, 0);
      g_assert_cmpuint (proposals->len, ==, 0);
      g_assert_cmpuint (talks->len, ==, 0);
      kase = qing_store_get_case (fx->store, v, case_id, &error);
      g_assert_null (kase);
      g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
}

static void
test_appointments_and_duty (Fixture *fx, gconstpointer data)
{
  QingViewer me = { fx->counselor, QING_ROLE_COUNSELOR };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) duty = NULL;
  g_autoptr (QingTalk) talk = NULL;
  gint64 a, b, start = local_utc (2026, 11, 26, 12, 30);
  GDate monday, thursday;

  a = qing_store_add_appointment (fx->store, fx->zihan, fx->counselor, 0, start, 1200,
                                  "心理辅导室", &error);
  b = qing_store_add_appointment (fx->store, fx->yutong, fx->counselor, 0, start - 3600, 900,
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_store_add_appointment (fx->store, 0, fx->counselor, 0, start, 900, NULL,
                                               &error), ==, 0);
  g_clear_error (&error);

  g_assert_true (qing_store_set_appointment_status (fx->store, a, QING_APPOINTMENT_CONFIRMED,
                                                    &error));
  g_assert_true (qing_store_set_appointment_status (fx->store, b, QING_APPOINTMENT_CANCELLED,
                                                    &error));
  g_assert_false (qing_store_set_appointment_status (fx->store, a, QING_APPOINTMENT_DONE,
                                                     &error));
  g_clear_error (&error);
  list = qing_store_list_appointments (fx->store, &me, local_utc (2026, 11, 26, 0, 0),
                                       local_utc (2026, 11, 27, 0, 0), &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (qing_appointment_get_id (g_ptr_array_index (list, 0)), ==, b);
  g_assert_cmpint (qing_appointment_get_status (g_ptr_array_index (list, 0)), ==,
                   QING_APPOINTMENT_CANCELLED);
  g_assert_cmpstr (qing_appointment_get_student_name (g_ptr_array_index (list, 1)), ==, "王子涵");

  /* Done records the talk, once. */
  talk = qing_store_complete_appointment (fx->store, a, fx->counselor, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_talk_get_start_utc (talk), ==, start);
  g_assert_cmpint (qing_talk_get_duration (talk), ==, 1200);
  g_assert_cmpint (qing_talk_get_listener_role (talk), ==, QING_ROLE_COUNSELOR);
  g_assert_cmpstr (qing_talk_get_place (talk), ==, "心理辅导室");
  g_assert_null (qing_store_complete_appointment (fx->store, a, fx->counselor, &error));
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = qing_store_list_appointments (fx->store, &me, start, start + 1, &error);
  g_assert_cmpint (qing_appointment_get_talk_id (g_ptr_array_index (list, 0)), ==,
                   qing_talk_get_id (talk));

  /* The duty roster: a week from Monday; Thursday set, changed, cleared. */
  g_date_set_dmy (&monday, 23, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&thursday, 26, G_DATE_NOVEMBER, 2026);
  g_assert_true (qing_store_set_duty (fx->store, &thursday, fx->mentor, "A楼", &error));
  g_assert_true (qing_store_set_duty (fx->store, &thursday, fx->counselor, "心理辅导室", &error));
  g_assert_true (qing_store_set_duty (fx->store, &monday, fx->counselor, NULL, &error));
  duty = qing_store_list_duty (fx->store, &monday, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (duty->len, ==, 7);
  g_assert_cmpint (qing_duty_day_get_person_id (g_ptr_array_index (duty, 3)), ==, fx->counselor);
  g_assert_cmpstr (qing_duty_day_get_place (g_ptr_array_index (duty, 3)), ==, "心理辅导室");
  g_assert_cmpint (qing_duty_day_get_person_id (g_ptr_array_index (duty, 1)), ==, 0);
  g_assert_cmpint (g_date_get_day (qing_duty_day_get_day (g_ptr_array_index (duty, 6))), ==, 29);
  g_assert_true (qing_store_set_duty (fx->store, &thursday, 0, NULL, &error));
  g_clear_pointer (&duty, g_ptr_array_unref);
  duty = qing_store_list_duty (fx->store, &monday, 7, &error);
  g_assert_cmpint (qing_duty_day_get_person_id (g_ptr_array_index (duty, 3)), ==, 0);
  g_assert_cmpstr (qing_duty_day_get_person_name (g_ptr_array_index (duty, 0)), ==, "何静怡");
}

static void
test_ensure_self (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) counselors = NULL;

  /* The school's counselor becomes "me"; asking again gives the same. */
  g_assert_cmpint (qing_counselor_ensure_self (fx->store, &error), ==, fx->counselor);
  g_assert_cmpint (qing_store_get_local_person (fx->store, QING_ROLE_COUNSELOR, &error), ==,
                   fx->counselor);
  g_assert_cmpint (qing_counselor_ensure_self (fx->store, &error), ==, fx->counselor);
  counselors = qing_counselor_list_counselors (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counselors->len, ==, 1);
  g_assert_cmpstr (qing_person_get_name (g_ptr_array_index (counselors, 0)), ==, "何静怡");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/counselor/case/append-only", test_case_timeline_append_only);
  ADD ("/counselor/case/without-flag", test_open_case_without_flag);
  ADD ("/counselor/care/confirm-proposal", test_confirm_proposal);
  ADD ("/counselor/care/clear-signs-weekly", test_clear_signs_weekly);
  ADD ("/counselor/confidential", test_confidential);
  ADD ("/counselor/appointments-duty", test_appointments_and_duty);
  ADD ("/counselor/ensure-self", test_ensure_self);
#undef ADD
  return g_test_run ();
}
