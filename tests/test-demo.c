/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo data (qing_demo_fill) and the large-school generator, on small
 * temporary databases: the shape of the demo family and class, refusal of
 * a database that holds records, the generator's counts, determinism, and
 * the per-role span query of the benchmark against the repository's.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "qing-counselor-lists.h"
#include "qing-demo.h"
#include "qing-generator.h"
#include "qing-repository.h"
#include "qing-store-bench-queries.h"
#include "qing-store-calendar.h"
#include "qing-store-private.h"

typedef struct
{
  char      *dir;
  QingClock *clock;
  QingStore *store;
} Fixture;

/* Sunday 29 November 2026, 21:30 in China. */
static GDateTime *
demo_now (void)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  if (tz == NULL)
    tz = g_time_zone_new_offset (8 * 3600);
  return g_date_time_new (tz, 2026, 11, 29, 21, 30, 0);
}

static QingStore *
open_store (Fixture *fixture, const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GError) error = NULL;
  QingStore *store = qing_store_open (path, fixture->clock, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDateTime) now = demo_now ();
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("qing-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->clock = qing_clock_new_manual (now);
  fixture->store = open_store (fixture, "demo.db");
}

static void
remove_all (const char *path)
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
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);
  remove_all (fixture->dir);
  g_free (fixture->dir);
}

static gint64
query_int (QingStore *store, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static QingPerson *
find_student (QingStore *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) students = qing_store_list_students (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < students->len; i++)
    if (g_str_equal (qing_person_get_name (g_ptr_array_index (students, i)), name))
      return g_object_ref (g_ptr_array_index (students, i));
  g_assert_not_reached ();
}

static gint64
local_person (QingStore *store, QingRole role)
{
  g_autoptr (GError) error = NULL;
  gint64 id = qing_store_get_local_person (store, role, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_demo_family (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 me, now = qing_clock_get_now_unix (fixture->clock);
  g_autoptr (GPtrArray) children = NULL;
  g_autoptr (QingPerson) zihan = NULL;
  g_autoptr (GPtrArray) talks = NULL;
  g_autoptr (GPtrArray) moods = NULL;
  QingViewer viewer;
  guint n_short = 0;

  g_assert_true (qing_demo_fill (fixture->store, &error));
  g_assert_no_error (error);

  me = local_person (fixture->store, QING_ROLE_PARENT);
  g_assert_cmpint (me, ==, local_person (fixture->store, QING_ROLE_MENTOR));
  children = qing_store_list_children (fixture->store, me, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 2);

  /* six weeks of talks with the elder child, some of them too short */
  zihan = find_student (fixture->store, "王子涵");
  viewer = (QingViewer) { me, QING_ROLE_PARENT };
  talks = qing_store_list_talks (fixture->store, &viewer, qing_person_get_id (zihan),
                                 now - 42 * 86400, now + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (talks->len, >=, 25);
  g_assert_cmpuint (talks->len, <, 42);
  for (guint i = 0; i < talks->len; i++)
    n_short += !qing_talk_get_effective (g_ptr_array_index (talks, i));
  g_assert_cmpuint (n_short, >, 0);
  g_assert_cmpint (qing_talk_get_start_utc (g_ptr_array_index (talks, talks->len - 1)), >,
                   now - 3 * 86400);

  /* moods, with a dip in the last week */
  moods = qing_store_list_moods (fixture->store, &viewer, qing_person_get_id (zihan),
                                 now - 42 * 86400, now + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moods->len, >=, 25);
  g_assert_cmpint (qing_mood_entry_get_valence (g_ptr_array_index (moods, moods->len - 1)), <, 0);
  g_assert_cmpint (qing_mood_entry_get_valence (g_ptr_array_index (moods, 0)), >, 0);
}

static void
assert_fortnight_partly_done (Fixture *fixture, gint64 group)
{
  const QingCadenceRuleInfo *rule = qing_cadence_rule_get_default (QING_CADENCE_MENTOR_BIWEEKLY);
  g_autoptr (GError) error = NULL;
  QingSchoolCalendar *cal = qing_store_load_school_calendar (fixture->store, &error);
  g_autoptr (GArray) subjects = qing_bench_list_subjects (fixture->store, group, 0, &error);
  gint64 ids[12], now = qing_clock_get_now_unix (fixture->clock);
  g_autoptr (GArray) spans = NULL;
  g_autofree QingCadenceStatus *statuses = NULL;
  QingCadenceSummary summary;

  g_assert_no_error (error);
  g_assert_cmpuint (subjects->len, ==, 12);
  for (guint i = 0; i < 12; i++)
    ids[i] = g_array_index (subjects, QingCadenceSubject, i).student_id;
  spans = qing_store_list_talk_spans (fixture->store, ids, 12, now - 60 * 86400, now + 1, &error);
  g_assert_no_error (error);
  statuses = qing_cadence_evaluate_many (cal, qing_clock_get_timezone (fixture->clock), now, rule,
                                         1, (QingCadenceSubject *) subjects->data, 12,
                                         (QingTalkSpan *) spans->data, spans->len);
  qing_cadence_summarize (statuses, 12, 1, &summary);
  g_assert_cmpuint (summary.n_applicable, ==, 12);
  g_assert_cmpuint (summary.n_done, >, 3);
  g_assert_cmpuint (summary.n_done, <, 12);
  qing_school_calendar_unref (cal);
}

/* Two appointments in the coming days, and the counselor on duty on Monday. */
static void
assert_counseling (Fixture *fixture, const QingViewer *counselor)
{
  gint64 now = qing_clock_get_now_unix (fixture->clock);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) appointments = qing_store_list_appointments (fixture->store, counselor,
                                                                     now, now + 7 * 86400,
                                                                     &error);
  g_autoptr (GPtrArray) duty = NULL;
  GDate monday;

  g_assert_no_error (error);
  g_assert_cmpuint (appointments->len, ==, 2);
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 30, 11, 2026);
  duty = qing_store_list_duty (fixture->store, &monday, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_duty_day_get_person_id (g_ptr_array_index (duty, 0)), ==,
                   counselor->person_id);
}

static void
test_demo_class (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) students = NULL;
  g_autoptr (GPtrArray) flags = NULL;
  g_autoptr (QingPerson) kexin = NULL;
  g_autoptr (GPtrArray) mentor_sees = NULL;
  g_autoptr (GPtrArray) counselor_sees = NULL;
  gint64 me, counselor, now = qing_clock_get_now_unix (fixture->clock);
  QingViewer as_mentor, as_counselor;

  g_assert_true (qing_demo_fill (fixture->store, &error));
  me = local_person (fixture->store, QING_ROLE_MENTOR);
  groups = qing_store_list_groups (fixture->store, me, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  students = qing_store_list_group_students (fixture->store,
                                             qing_group_get_id (g_ptr_array_index (groups, 0)),
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (students->len, ==, 12);

  /* this fortnight the mentor has talked with some of the class, not all */
  assert_fortnight_partly_done (fixture, qing_group_get_id (g_ptr_array_index (groups, 0)));

  /* one key-care student, one with clear signs, a pending proposal */
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM persons WHERE care_level = 1"),
                   ==, 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM persons WHERE care_level = 2"),
                   ==, 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM care_levels WHERE status = 0"),
                   ==, 1);

  /* one open flag for the counselor */
  counselor = query_int (fixture->store, "SELECT person_id FROM person_roles WHERE role = 3");
  as_counselor = (QingViewer) { counselor, QING_ROLE_COUNSELOR };
  flags = qing_store_list_open_flags (fixture->store, &as_counselor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 1);

  assert_counseling (fixture, &as_counselor);

  /* the counselor's talks stay with the counselor */
  kexin = find_student (fixture->store, "马可馨");
  as_mentor = (QingViewer) { me, QING_ROLE_MENTOR };
  mentor_sees = qing_store_list_talks (fixture->store, &as_mentor, qing_person_get_id (kexin),
                                       now - 42 * 86400, now + 1, &error);
  counselor_sees = qing_store_list_talks (fixture->store, &as_counselor,
                                          qing_person_get_id (kexin), now - 42 * 86400, now + 1,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counselor_sees->len, >=, 3);
  for (guint i = 0; i < mentor_sees->len; i++)
    g_assert_cmpint (qing_talk_get_listener_role (g_ptr_array_index (mentor_sees, i)), !=,
                     QING_ROLE_COUNSELOR);
}

static void
assert_day (QingSchoolCalendar *cal, int month, int day, gboolean school)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2026);
  g_assert_cmpint (qing_school_calendar_is_school_day (cal, &date), ==, school);
}

static void
test_demo_calendar (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  QingSchoolCalendar *cal;
  QingKeyPeriodKind kind;
  GDate day;

  g_assert_true (qing_demo_fill (fixture->store, &error));
  cal = qing_store_load_school_calendar (fixture->store, &error);
  g_assert_no_error (error);
  assert_day (cal, 9, 1, TRUE);      /* the term starts on a Tuesday */
  assert_day (cal, 10, 2, FALSE);    /* National Day holiday */
  assert_day (cal, 9, 27, TRUE);     /* make-up day, a Sunday */
  assert_day (cal, 10, 11, TRUE);    /* make-up day, a Sunday */
  assert_day (cal, 11, 29, FALSE);   /* an ordinary Sunday */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, 1, 2027);
  g_assert_true (qing_school_calendar_get_key_period (cal, &day, &kind, NULL, NULL));
  g_assert_cmpint (kind, ==, QING_KEY_PERIOD_EXAM);
  qing_school_calendar_unref (cal);
}

static void
test_demo_refuses_records (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (QingPerson) someone = qing_person_new (QING_PERSON_STUDENT, "李雨桐");
  g_autoptr (QingStore) other = NULL;
  gint64 n_talks;

  g_assert_true (qing_demo_fill (fixture->store, &error));
  n_talks = query_int (fixture->store, "SELECT count(*) FROM talks");
  g_assert_false (qing_demo_fill (fixture->store, &error));
  g_assert_error (error, QING_DEMO_ERROR, QING_DEMO_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "demo.db"));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM talks"), ==, n_talks);
  g_clear_error (&error);

  /* a single person is enough to refuse */
  other = open_store (fixture, "one-person.db");
  g_assert_true (qing_store_add_person (other, someone, &error));
  g_assert_false (qing_demo_fill (other, &error));
  g_assert_error (error, QING_DEMO_ERROR, QING_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM talks"), ==, 0);
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM terms"), ==, 0);
}

static const QingGeneratorOptions tiny = { 20, 2, 1, 30, 10, 3 };

static void
test_generator_tiny (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  QingGeneratorCounts counts = { 0 }, again = { 0 };
  g_autoptr (QingStore) second = open_store (fixture, "second.db");
  g_autoptr (GPtrArray) students = NULL;

  g_assert_true (qing_generator_run (fixture->store, &tiny, NULL, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_students, ==, 20);
  g_assert_cmpuint (counts.n_classes, ==, 2);
  g_assert_cmpuint (counts.n_staff, ==, 3);
  g_assert_cmpuint (counts.n_guardians, >=, 20);
  /* most evenings a parent talk: 20 students × 30 days × 70–100 % */
  g_assert_cmpuint (counts.n_talks, >=, 20 * 30 * 6 / 10);
  g_assert_cmpuint (counts.n_talks, <=, 20 * 30 * 2);
  g_assert_cmpuint (counts.n_moods, >, 20 * 30 / 4);

  students = qing_store_list_students (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (students->len, ==, 20);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM talks"), ==, counts.n_talks);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM moods"), ==, counts.n_moods);
  g_assert_cmpint (query_int (fixture->store, "SELECT max(start_utc + duration_s) FROM talks"),
                   <=, qing_clock_get_now_unix (fixture->clock));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM talks WHERE start_utc < "
                              "strftime('%s', '2026-10-30')"), ==, 0);

  /* the same seed makes the same school */
  g_assert_true (qing_generator_run (second, &tiny, NULL, NULL, &again, &error));
  g_assert_cmpmem (&counts, sizeof counts, &again, sizeof again);

  /* and a database with records is refused */
  g_assert_false (qing_generator_run (second, &tiny, NULL, NULL, NULL, &error));
  g_assert_error (error, QING_GENERATOR_ERROR, QING_GENERATOR_ERROR_NOT_EMPTY);
}

/* The benchmark's per-role span query gives every student the same status
 * as reading all talks of the widest window. */
static void
test_generator_rule_spans (Fixture *fixture, gconstpointer data)
{
  static const QingCadenceRule rules[] = {
    QING_CADENCE_PARENT_DAILY, QING_CADENCE_MENTOR_BIWEEKLY, QING_CADENCE_MENTOR_AT_RISK,
    QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY, QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY,
    QING_CADENCE_MENTOR_AT_RISK_GUARDIAN,
  };
  QingGeneratorOptions options = { 300, 6, 2, 80, 50, 11 };
  QingCadenceRuleInfo infos[G_N_ELEMENTS (rules)];
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) subjects = NULL, all = NULL, by_role = NULL;
  g_autofree QingCadenceStatus *a = NULL, *b = NULL;
  QingSchoolCalendar *cal;
  GTimeZone *tz = qing_clock_get_timezone (fixture->clock);
  gint64 now = qing_clock_get_now_unix (fixture->clock);
  guint n_care = 0;

  g_assert_true (qing_generator_run (fixture->store, &options, NULL, NULL, NULL, &error));
  cal = qing_store_load_school_calendar (fixture->store, &error);
  g_assert_no_error (error);
  for (gsize r = 0; r < G_N_ELEMENTS (rules); r++)
    infos[r] = *qing_cadence_rule_get_default (rules[r]);
  subjects = qing_bench_list_subjects (fixture->store, 0, QING_CARE_NORMAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subjects->len, ==, 300);
  all = qing_store_list_talk_spans (fixture->store, NULL, 0,
                                    qing_cadence_get_window_start (cal, tz, now, infos,
                                                                   G_N_ELEMENTS (infos)),
                                    now + 1, &error);
  by_role = qing_bench_list_rule_spans (fixture->store, cal, tz, now, infos,
                                        G_N_ELEMENTS (infos), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_role->len, <, all->len / 2);
  for (guint i = 1; i < by_role->len; i++)
    {
      const QingTalkSpan *x = &g_array_index (by_role, QingTalkSpan, i - 1);
      const QingTalkSpan *y = &g_array_index (by_role, QingTalkSpan, i);

      g_assert_true (x->student_id < y->student_id
                     || (x->student_id == y->student_id && x->start_utc <= y->start_utc));
    }

  a = qing_cadence_evaluate_many (cal, tz, now, infos, G_N_ELEMENTS (infos),
                                  (QingCadenceSubject *) subjects->data, subjects->len,
                                  (QingTalkSpan *) all->data, all->len);
  b = qing_cadence_evaluate_many (cal, tz, now, infos, G_N_ELEMENTS (infos),
                                  (QingCadenceSubject *) subjects->data, subjects->len,
                                  (QingTalkSpan *) by_role->data, by_role->len);
  for (gsize i = 0; i < subjects->len * G_N_ELEMENTS (infos); i++)
    {
      g_assert_cmpint (a[i].state, ==, b[i].state);
      g_assert_cmpuint (a[i].count, ==, b[i].count);
      g_assert_cmpint (a[i].done_at_utc, ==, b[i].done_at_utc);
      g_assert_cmpuint (a[i].missed_last_period, ==, b[i].missed_last_period);
      n_care += a[i].state != QING_CADENCE_NOT_APPLICABLE
                && a[i].rule == QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY;
    }
  g_assert_cmpuint (n_care, >, 0);
  qing_school_calendar_unref (cal);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/family", Fixture, NULL, fixture_set_up, test_demo_family,
              fixture_tear_down);
  g_test_add ("/demo/class", Fixture, NULL, fixture_set_up, test_demo_class, fixture_tear_down);
  g_test_add ("/demo/calendar", Fixture, NULL, fixture_set_up, test_demo_calendar,
              fixture_tear_down);
  g_test_add ("/demo/refuses-records", Fixture, NULL, fixture_set_up, test_demo_refuses_records,
              fixture_tear_down);
  g_test_add ("/generator/tiny", Fixture, NULL, fixture_set_up, test_generator_tiny,
              fixture_tear_down);
  g_test_add ("/generator/rule-spans", Fixture, NULL, fixture_set_up, test_generator_rule_spans,
              fixture_tear_down);
  return g_test_run ();
}
