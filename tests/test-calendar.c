/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "qing-school-calendar.h"

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static void
assert_day (const GDate *date, int y, int m, int d)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, y);
  g_assert_cmpint (g_date_get_month (date), ==, m);
  g_assert_cmpint (g_date_get_day (date), ==, d);
}

/* Autumn term 2026 starts on a Wednesday; National Day week is a holiday,
 * with the Sundays/Saturdays around it made up (调休). */
static QingSchoolCalendar *
autumn_calendar (void)
{
  QingSchoolCalendar *cal = qing_school_calendar_new ();
  GDate a, b;

  a = day (2026, 9, 2), b = day (2027, 1, 22);
  g_assert_true (qing_school_calendar_add_term (cal, &a, &b, NULL));
  a = day (2027, 2, 22), b = day (2027, 7, 2);
  g_assert_true (qing_school_calendar_add_term (cal, &a, &b, NULL));
  a = day (2026, 10, 1), b = day (2026, 10, 7);
  g_assert_true (qing_school_calendar_add_holiday (cal, &a, &b, NULL));
  a = day (2026, 9, 27);
  g_assert_true (qing_school_calendar_add_makeup_day (cal, &a, NULL));
  a = day (2026, 10, 10);
  g_assert_true (qing_school_calendar_add_makeup_day (cal, &a, NULL));
  return cal;
}

static void
test_school_days (void)
{
  g_autoptr (QingSchoolCalendar) cal = autumn_calendar ();
  static const struct
  {
    int y, m, d;
    gboolean school;
  } cases[] = {
    { 2026, 9, 1, FALSE },  /* the day before term */
    { 2026, 9, 2, TRUE },   /* first day, a Wednesday */
    { 2026, 9, 5, FALSE },  /* Saturday */
    { 2026, 9, 27, TRUE },  /* make-up Sunday */
    { 2026, 10, 1, FALSE }, /* National Day */
    { 2026, 10, 7, FALSE }, /* last holiday, a Wednesday */
    { 2026, 10, 8, TRUE },
    { 2026, 10, 10, TRUE }, /* make-up Saturday */
    { 2026, 10, 11, FALSE },
    { 2027, 1, 22, TRUE },  /* last day of term */
    { 2027, 2, 1, FALSE },  /* winter break, a Monday */
    { 2027, 2, 22, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d = day (cases[i].y, cases[i].m, cases[i].d);
      g_test_message ("%d-%d-%d", cases[i].y, cases[i].m, cases[i].d);
      g_assert_cmpint (qing_school_calendar_is_school_day (cal, &d), ==, cases[i].school);
    }
}

static void
test_count_school_days (void)
{
  g_autoptr (QingSchoolCalendar) cal = autumn_calendar ();
  static const struct
  {
    int fm, fd, tm, td;
    guint expected;
  } cases[] = {
    { 9, 28, 10, 11, 6 },  /* 28, 29, 30 Sep; 8, 9, 10 (make-up) Oct */
    { 9, 30, 10, 11, 4 },
    { 10, 1, 10, 7, 0 },   /* the whole holiday */
    { 9, 21, 9, 27, 6 },   /* a week with its make-up Sunday */
    { 9, 2, 9, 2, 1 },
    { 9, 3, 9, 2, 0 },     /* empty range */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from = day (2026, cases[i].fm, cases[i].fd);
      GDate to = day (2026, cases[i].tm, cases[i].td);
      g_assert_cmpuint (qing_school_calendar_count_school_days (cal, &from, &to), ==,
                        cases[i].expected);
    }
}

static void
test_terms (void)
{
  g_autoptr (QingSchoolCalendar) cal = autumn_calendar ();
  GDate first, last, d;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  d = day (2026, 12, 25);
  g_assert_true (qing_school_calendar_get_term (cal, &d, &first, &last));
  assert_day (&first, 2026, 9, 2);
  assert_day (&last, 2027, 1, 22);
  d = day (2027, 3, 1);
  g_assert_true (qing_school_calendar_get_term (cal, &d, &first, NULL));
  assert_day (&first, 2027, 2, 22);
  d = day (2027, 2, 10);
  g_assert_false (qing_school_calendar_get_term (cal, &d, NULL, NULL));
}

static void
test_cycles (void)
{
  g_autoptr (QingSchoolCalendar) cal = autumn_calendar ();
  static const struct
  {
    int y, m, d;
    guint length;
    guint number;
    int fy, fm, fd, ly, lm, ld;
  } cases[] = {
    /* term starts Wed 2 Sep: cycles start on Mon 31 Aug */
    { 2026, 9, 2, 14, 1, 2026, 8, 31, 2026, 9, 13 },
    { 2026, 9, 13, 14, 1, 2026, 8, 31, 2026, 9, 13 },  /* last day of cycle 1 */
    { 2026, 9, 14, 14, 2, 2026, 9, 14, 2026, 9, 27 },  /* first day of cycle 2 */
    { 2026, 11, 25, 14, 7, 2026, 11, 23, 2026, 12, 6 },
    { 2026, 12, 6, 14, 7, 2026, 11, 23, 2026, 12, 6 },
    { 2026, 12, 7, 14, 8, 2026, 12, 7, 2026, 12, 20 },
    { 2026, 9, 6, 7, 1, 2026, 8, 31, 2026, 9, 6 },
    { 2026, 9, 7, 7, 2, 2026, 9, 7, 2026, 9, 13 },
    /* second term starts on a Monday: it is its own anchor */
    { 2027, 2, 22, 14, 1, 2027, 2, 22, 2027, 3, 7 },
    { 2027, 3, 8, 14, 2, 2027, 3, 8, 2027, 3, 21 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d = day (cases[i].y, cases[i].m, cases[i].d);
      QingCycle cycle;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_true (qing_school_calendar_get_cycle (cal, &d, cases[i].length, &cycle));
      g_assert_cmpuint (cycle.number, ==, cases[i].number);
      assert_day (&cycle.first, cases[i].fy, cases[i].fm, cases[i].fd);
      assert_day (&cycle.last, cases[i].ly, cases[i].lm, cases[i].ld);
    }

  {
    GDate outside = day (2027, 2, 1);
    QingCycle cycle;
    g_assert_false (qing_school_calendar_get_cycle (cal, &outside, 14, &cycle));
  }
}

static void
test_errors (void)
{
  g_autoptr (QingSchoolCalendar) cal = autumn_calendar ();
  g_autoptr (GError) error = NULL;
  GDate a, b;

  a = day (2027, 1, 10), b = day (2027, 2, 28);
  g_assert_false (qing_school_calendar_add_term (cal, &a, &b, &error));
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_OVERLAP);
  g_clear_error (&error);

  a = day (2027, 9, 10), b = day (2027, 9, 1);
  g_assert_false (qing_school_calendar_add_holiday (cal, &a, &b, &error));
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_INVALID_RANGE);
  g_clear_error (&error);

  a = day (2026, 10, 9); /* a Friday */
  g_assert_false (qing_school_calendar_add_makeup_day (cal, &a, &error));
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_NOT_WEEKEND);
  g_clear_error (&error);

  g_assert_false (qing_school_calendar_set_key_period_interval (cal, 7, QING_CADENCE_MENTOR_AT_RISK,
                                                                QING_CADENCE_PERIOD_WEEK, &error));
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_NOT_FOUND);
}

static void
test_key_periods (void)
{
  g_autoptr (QingSchoolCalendar) cal = autumn_calendar ();
  QingCadencePeriod period = QING_CADENCE_PERIOD_NONE;
  QingKeyPeriodKind kind = 0;
  GDate a, b, first, last, d;
  guint exam, emergency;

  a = day (2027, 1, 4), b = day (2027, 1, 22);
  g_assert_true (qing_school_calendar_add_key_period (cal, QING_KEY_PERIOD_EXAM, &a, &b, &exam, NULL));
  g_assert_true (qing_school_calendar_set_key_period_interval (cal, exam, QING_CADENCE_MENTOR_AT_RISK,
                                                               QING_CADENCE_PERIOD_TWO_WEEKS, NULL));
  a = day (2027, 1, 11), b = day (2027, 1, 15);
  g_assert_true (qing_school_calendar_add_key_period (cal, QING_KEY_PERIOD_EMERGENCY, &a, &b,
                                                     &emergency, NULL));
  g_assert_true (qing_school_calendar_set_key_period_interval (cal, emergency,
                                                               QING_CADENCE_MENTOR_AT_RISK,
                                                               QING_CADENCE_PERIOD_WEEK, NULL));
  g_assert_cmpuint (qing_school_calendar_get_n_key_periods (cal), ==, 2);
  g_assert_cmpint (qing_school_calendar_get_key_period_interval (cal, exam,
                                                                 QING_CADENCE_MENTOR_BIWEEKLY),
                   ==, QING_CADENCE_PERIOD_NONE);

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  d = day (2027, 1, 6);
  g_assert_true (qing_school_calendar_get_key_period (cal, &d, &kind, &first, &last));
  g_assert_cmpint (kind, ==, QING_KEY_PERIOD_EXAM);
  g_assert_true (qing_school_calendar_get_interval_override (cal, &d, QING_CADENCE_MENTOR_AT_RISK,
                                                             &period, NULL, NULL));
  g_assert_cmpint (period, ==, QING_CADENCE_PERIOD_TWO_WEEKS);
  g_assert_false (qing_school_calendar_get_interval_override (cal, &d, QING_CADENCE_PEER_BIWEEKLY,
                                                              &period, NULL, NULL));
  /* where both overlap the shortest interval wins */
  d = day (2027, 1, 12);
  g_assert_true (qing_school_calendar_get_interval_override (cal, &d, QING_CADENCE_MENTOR_AT_RISK,
                                                             &period, &first, &last));
  g_assert_cmpint (period, ==, QING_CADENCE_PERIOD_WEEK);
  assert_day (&first, 2027, 1, 11);
  assert_day (&last, 2027, 1, 15);
  d = day (2026, 12, 20);
  g_assert_false (qing_school_calendar_get_key_period (cal, &d, NULL, NULL, NULL));
  g_assert_cmpstr (qing_key_period_kind_get_label (QING_KEY_PERIOD_EXAM), ==, "Exam season");
}

static void
test_boxed_refcount (void)
{
  QingSchoolCalendar *cal = autumn_calendar ();
  QingSchoolCalendar *copy = g_boxed_copy (QING_TYPE_SCHOOL_CALENDAR, cal);
  GDate d = day (2026, 9, 2);

  g_assert_true (copy == cal);
  qing_school_calendar_unref (cal);
  /* still alive through the copy's reference */
  g_assert_true (qing_school_calendar_is_school_day (copy, &d));
  g_boxed_free (QING_TYPE_SCHOOL_CALENDAR, copy);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/school-days", test_school_days);
  g_test_add_func ("/calendar/count-school-days", test_count_school_days);
  g_test_add_func ("/calendar/terms", test_terms);
  g_test_add_func ("/calendar/cycles", test_cycles);
  g_test_add_func ("/calendar/errors", test_errors);
  g_test_add_func ("/calendar/key-periods", test_key_periods);
  g_test_add_func ("/calendar/boxed-refcount", test_boxed_refcount);
  return g_test_run ();
}
