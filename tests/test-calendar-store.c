/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar editor's core: listing terms, holidays, make-up days and key
 * periods with their ids (round trip, order by first day), changing and
 * removing rows, the errors a user sees, and the suggested term.
 */
#include <locale.h>

#include "qing-store-calendar.h"
#include "test-mentor-util.h"

static GDate
day (GDateYear y, GDateMonth m, GDateDay d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static void
assert_day (const GDate *date, GDateYear y, GDateMonth m, GDateDay d)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_year (date), ==, y);
  g_assert_cmpuint (g_date_get_month (date), ==, m);
  g_assert_cmpuint (g_date_get_day (date), ==, d);
}

typedef struct
{
  guint n;
  char last_table[32];
  QingStoreChange last_kind;
} Changes;

static void
on_row_changed (QingStore *store, const char *table, gint64 id, QingStoreChange kind,
                Changes *changes)
{
  changes->n++;
  g_strlcpy (changes->last_table, table, sizeof changes->last_table);
  changes->last_kind = kind;
}

static void
test_round_trip (void)
{
  MentorFixture fx;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) terms = NULL;
  g_autoptr (GPtrArray) exceptions = NULL;
  g_autoptr (GPtrArray) periods = NULL;
  GDate a = day (2027, 2, 22), b = day (2027, 7, 9);
  GDate c = day (2026, 8, 31), d = day (2027, 1, 22);
  GDate h1 = day (2026, 10, 1), h2 = day (2026, 10, 7), m1 = day (2026, 9, 27);
  GDate k1 = day (2027, 6, 1), k2 = day (2027, 6, 30);
  gint64 spring, autumn, holiday, makeup, exams;
  QingCalendarRow *row;

  mentor_fixture_open (&fx, "2026-11-23 08:00");
  /* Added out of order: the lists come back by first day. */
  spring = qing_store_add_term (fx.store, "2027年春季学期", &a, &b, &error);
  g_assert_no_error (error);
  autumn = qing_store_add_term (fx.store, "2026年秋季学期", &c, &d, &error);
  g_assert_no_error (error);
  holiday = qing_store_add_calendar_exception (fx.store, QING_CALENDAR_HOLIDAY, "国庆节", &h1, &h2,
                                               &error);
  g_assert_no_error (error);
  makeup = qing_store_add_calendar_exception (fx.store, QING_CALENDAR_MAKEUP, "国庆调休", &m1, &m1,
                                              &error);
  g_assert_no_error (error);
  exams = qing_store_add_key_period (fx.store, QING_KEY_PERIOD_EXAM, "期末考试", &k1, &k2, &error);
  g_assert_no_error (error);
  g_assert_true (qing_store_set_key_period_interval (fx.store, exams, QING_CADENCE_MENTOR_AT_RISK,
                                                     QING_CADENCE_PERIOD_WEEK, &error));
  g_assert_no_error (error);

  terms = qing_store_list_terms (fx.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (terms->len, ==, 2);
  row = g_ptr_array_index (terms, 0);
  g_assert_cmpint (row->id, ==, autumn);
  g_assert_cmpint (row->kind, ==, 0);
  g_assert_cmpstr (row->name, ==, "2026年秋季学期");
  assert_day (&row->first, 2026, 8, 31);
  assert_day (&row->last, 2027, 1, 22);
  g_assert_cmpint (((QingCalendarRow *)g_ptr_array_index (terms, 1))->id, ==, spring);

  exceptions = qing_store_list_calendar_exceptions (fx.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exceptions->len, ==, 2);
  row = g_ptr_array_index (exceptions, 0);
  g_assert_cmpint (row->id, ==, makeup);
  g_assert_cmpint (row->kind, ==, QING_CALENDAR_MAKEUP);
  assert_day (&row->first, 2026, 9, 27);
  row = g_ptr_array_index (exceptions, 1);
  g_assert_cmpint (row->id, ==, holiday);
  g_assert_cmpint (row->kind, ==, QING_CALENDAR_HOLIDAY);
  g_assert_cmpstr (row->name, ==, "国庆节");
  assert_day (&row->last, 2026, 10, 7);

  periods = qing_store_list_key_periods (fx.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, 1);
  row = g_ptr_array_index (periods, 0);
  g_assert_cmpint (row->id, ==, exams);
  g_assert_cmpint (row->kind, ==, QING_KEY_PERIOD_EXAM);
  g_assert_cmpint (row->intervals[QING_CADENCE_MENTOR_AT_RISK], ==, QING_CADENCE_PERIOD_WEEK);
  g_assert_cmpint (row->intervals[QING_CADENCE_MENTOR_BIWEEKLY], ==, QING_CADENCE_PERIOD_NONE);

  /* A copy is deep. */
  {
    g_autoptr (QingCalendarRow) copy = qing_calendar_row_copy (row);

    g_assert_cmpstr (copy->name, ==, row->name);
    g_assert_true (copy->name != row->name);
  }
  mentor_fixture_close (&fx);
}

static void
test_remove_and_update (void)
{
  MentorFixture fx;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) terms = NULL;
  g_autoptr (GPtrArray) exceptions = NULL;
  GDate a = day (2026, 8, 31), b = day (2027, 1, 22), c = day (2027, 2, 22), d = day (2027, 7, 9);
  GDate h = day (2026, 10, 1), e = day (2027, 1, 15), summer = day (2027, 8, 1);
  Changes changes = { 0 };
  gint64 autumn, spring, holiday;
  QingCalendarRow *row;

  mentor_fixture_open (&fx, "2026-11-23 08:00");
  autumn = qing_store_add_term (fx.store, NULL, &a, &b, &error);
  g_assert_no_error (error);
  spring = qing_store_add_term (fx.store, "春季学期", &c, &d, &error);
  g_assert_no_error (error);
  holiday
      = qing_store_add_calendar_exception (fx.store, QING_CALENDAR_HOLIDAY, NULL, &h, &h, &error);
  g_assert_no_error (error);
  g_signal_connect (fx.store, "row-changed", G_CALLBACK (on_row_changed), &changes);

  /* A term may be changed, but not onto another term. */
  g_assert_true (qing_store_update_term (fx.store, autumn, "秋季学期", &a, &e, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_cmpstr (changes.last_table, ==, "terms");
  g_assert_cmpint (changes.last_kind, ==, QING_STORE_CHANGE_UPDATED);
  g_assert_false (qing_store_update_term (fx.store, autumn, NULL, &a, &c, &error));
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_OVERLAP);
  g_clear_error (&error);
  g_assert_false (qing_store_update_term (fx.store, 99999, NULL, &summer, &summer, &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  terms = qing_store_list_terms (fx.store, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (terms, 0);
  g_assert_cmpstr (row->name, ==, "秋季学期");
  assert_day (&row->last, 2027, 1, 15);
  g_clear_pointer (&terms, g_ptr_array_unref);

  g_assert_true (qing_store_remove_calendar_row (fx.store, "terms", spring, &error));
  g_assert_no_error (error);
  g_assert_true (qing_store_remove_calendar_row (fx.store, "calendar_exceptions", holiday, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes.last_kind, ==, QING_STORE_CHANGE_REMOVED);
  terms = qing_store_list_terms (fx.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (terms->len, ==, 1);
  g_assert_cmpint (((QingCalendarRow *)g_ptr_array_index (terms, 0))->id, ==, autumn);
  exceptions = qing_store_list_calendar_exceptions (fx.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exceptions->len, ==, 0);

  g_signal_handlers_disconnect_by_data (fx.store, &changes);
  mentor_fixture_close (&fx);
}

/* What the user reads in the toast: a sentence, not a code. */
static void
assert_sentence (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_true (g_str_has_suffix (error->message, "."));
}

static void
test_errors (void)
{
  MentorFixture fx;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) terms = NULL;
  GDate a = day (2026, 9, 1), b = day (2026, 8, 1), monday = day (2026, 11, 23);
  GDate bad;

  mentor_fixture_open (&fx, "2026-11-23 08:00");
  g_assert_cmpint (qing_store_add_term (fx.store, "秋季学期", &a, &b, &error), ==, 0);
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_INVALID_RANGE);
  assert_sentence (error);
  g_clear_error (&error);

  g_assert_cmpint (qing_store_add_calendar_exception (fx.store, QING_CALENDAR_MAKEUP, "调休",
                                                      &monday, &monday, &error),
                   ==, 0);
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_NOT_WEEKEND);
  assert_sentence (error);
  g_clear_error (&error);

  g_assert_cmpint (qing_store_add_key_period (fx.store, QING_KEY_PERIOD_EXAM, NULL, &a, &b, &error),
                   ==, 0);
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_INVALID_RANGE);
  assert_sentence (error);
  g_clear_error (&error);

  g_date_clear (&bad, 1);
  g_assert_cmpint (qing_store_add_term (fx.store, NULL, &bad, &a, &error), ==, 0);
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_INVALID_RANGE);
  g_clear_error (&error);

  /* Nothing was saved. */
  terms = qing_store_list_terms (fx.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (terms->len, ==, 0);
  mentor_fixture_close (&fx);
}

/* A make-up Sunday that follows Friday's timetable: stored, listed, and
 * answered by the loaded calendar; make-up days added the old way follow
 * Monday; a weekday cannot be a make-up day. */
static void
test_makeup_follows (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (QingSchoolCalendar) cal = NULL;
  MentorFixture fx;
  GDate a = day (2026, 8, 31), b = day (2027, 1, 22);
  GDate sunday = day (2026, 10, 11), saturday = day (2026, 9, 27);
  GDate monday = day (2026, 10, 12), wednesday = day (2026, 10, 14);
  gint64 follows_friday, old_way;
  QingCalendarRow *row;

  mentor_fixture_open (&fx, "2026-11-23 08:00");
  g_assert_cmpint (qing_store_add_term (fx.store, "秋季学期", &a, &b, &error), >, 0);
  follows_friday = qing_store_add_makeup_day (fx.store, "国庆调休", &sunday, G_DATE_FRIDAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (follows_friday, >, 0);
  old_way = qing_store_add_calendar_exception (fx.store, QING_CALENDAR_MAKEUP, NULL, &saturday,
                                               &saturday, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_store_add_makeup_day (fx.store, NULL, &monday, G_DATE_FRIDAY, &error), ==,
                   0);
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_NOT_WEEKEND);
  g_clear_error (&error);

  rows = qing_store_list_calendar_exceptions (fx.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->id, ==, old_way);
  g_assert_cmpuint (row->follows_weekday, ==, G_DATE_MONDAY);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->id, ==, follows_friday);
  g_assert_cmpint (row->kind, ==, QING_CALENDAR_MAKEUP);
  g_assert_cmpstr (row->name, ==, "国庆调休");
  assert_day (&row->first, 2026, 10, 11);
  assert_day (&row->last, 2026, 10, 11);
  g_assert_cmpuint (row->follows_weekday, ==, G_DATE_FRIDAY);

  cal = qing_store_load_school_calendar (fx.store, &error);
  g_assert_no_error (error);
  g_assert_true (qing_school_calendar_is_school_day (cal, &sunday));
  g_assert_true (qing_school_calendar_is_makeup_day (cal, &sunday));
  g_assert_false (qing_school_calendar_is_makeup_day (cal, &wednesday));
  g_assert_cmpint (qing_school_calendar_get_timetable_weekday (cal, &sunday), ==, G_DATE_FRIDAY);
  g_assert_cmpint (qing_school_calendar_get_timetable_weekday (cal, &saturday), ==,
                   G_DATE_MONDAY);
  g_assert_cmpint (qing_school_calendar_get_timetable_weekday (cal, &wednesday), ==,
                   G_DATE_WEDNESDAY);
  mentor_fixture_close (&fx);
}

static void
test_suggest_term (void)
{
  static const struct
  {
    GDateYear y;
    GDateMonth m;
    GDateDay d;
    GDateYear first_y;
    GDateMonth first_m;
    GDateDay first_d;
    GDateYear last_y;
    GDateMonth last_m;
    GDateDay last_d;
  } cases[] = {
    { 2026, 11, 29, 2026, 9, 1, 2027, 1, 20 }, /* autumn */
    { 2026, 8, 15, 2026, 9, 1, 2027, 1, 20 },  /* first day counted as autumn */
    { 2026, 8, 14, 2026, 2, 15, 2026, 7, 10 }, /* summer holidays: spring term */
    { 2027, 1, 5, 2026, 9, 1, 2027, 1, 20 },   /* January: the term of last year */
    { 2027, 2, 14, 2026, 9, 1, 2027, 1, 20 },  /* last autumn day */
    { 2027, 2, 15, 2027, 2, 15, 2027, 7, 10 }, /* spring */
    { 2028, 2, 29, 2028, 2, 15, 2028, 7, 10 }, /* leap day */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today = day (cases[i].y, cases[i].m, cases[i].d);
      GDate first, last;
      g_autofree char *name = qing_calendar_suggest_term (&today, &first, &last);

      g_assert_nonnull (name);
      assert_day (&first, cases[i].first_y, cases[i].first_m, cases[i].first_d);
      assert_day (&last, cases[i].last_y, cases[i].last_m, cases[i].last_d);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar-store/round-trip", test_round_trip);
  g_test_add_func ("/calendar-store/remove-and-update", test_remove_and_update);
  g_test_add_func ("/calendar-store/errors", test_errors);
  g_test_add_func ("/calendar-store/suggest-term", test_suggest_term);
  g_test_add_func ("/calendar-store/makeup-follows", test_makeup_follows);
  return g_test_run ();
}
