/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school calendar of one school year, as the demo and the generator
 * write it into the database (terms, calendar_exceptions, key_periods)
 * and into a QingSchoolCalendar.  Dates are the same every year; they are
 * invented examples, not an official calendar.
 */
#include "qing-generator.h"

#include <glib/gi18n-lib.h>

#include "qing-store-calendar.h"

/* The school year (named by the year it starts in, in September) of @day:
 * August to July. */
int
qing_generator_school_year_of (const GDate *day)
{
  int year = g_date_get_year (day);
  return g_date_get_month (day) >= G_DATE_AUGUST ? year : year - 1;
}

static void
set_day (GDate *date, int year, int month, int day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* The first Saturday or Sunday from @date going by @step days. */
static void
nearest_weekend (GDate *date, int step)
{
  while (g_date_get_weekday (date) < G_DATE_SATURDAY)
    {
      if (step > 0)
        g_date_add_days (date, step);
      else
        g_date_subtract_days (date, -step);
    }
}

/* Each row goes to the store (qing-store-calendar.h) and, when @cal is not
 * NULL, to @cal as well. */
static gboolean
add_term (QingStore *store, QingSchoolCalendar *cal, const GDate *first, const GDate *last,
          const char *name, GError **error)
{
  if (cal != NULL && !qing_school_calendar_add_term (cal, first, last, error))
    return FALSE;
  return qing_store_add_term (store, name, first, last, error) > 0;
}

static gboolean
add_holiday (QingStore *store, QingSchoolCalendar *cal, const GDate *first, const GDate *last,
             const char *name, GError **error)
{
  if (cal != NULL && !qing_school_calendar_add_holiday (cal, first, last, error))
    return FALSE;
  return qing_store_add_calendar_exception (store, QING_CALENDAR_HOLIDAY, name, first, last,
                                            error) > 0;
}

static gboolean
add_makeup_day (QingStore *store, QingSchoolCalendar *cal, const GDate *day, GError **error)
{
  if (cal != NULL && !qing_school_calendar_add_makeup_day (cal, day, error))
    return FALSE;
  return qing_store_add_calendar_exception (store, QING_CALENDAR_MAKEUP, _("Make-up school day"),
                                            day, day, error) > 0;
}

/* In exam seasons (@exams) mentors see students who need care every two
 * weeks instead of monthly. */
static gboolean
add_key_period (QingStore *store, QingSchoolCalendar *cal, QingKeyPeriodKind kind,
                const GDate *first, const GDate *last, const char *name, gboolean exams,
                GError **error)
{
  guint index;
  gint64 id;

  if (cal != NULL
      && (!qing_school_calendar_add_key_period (cal, kind, first, last, &index, error)
          || (exams && !qing_school_calendar_set_key_period_interval (
                         cal, index, QING_CADENCE_MENTOR_AT_RISK,
                         QING_CADENCE_PERIOD_TWO_WEEKS, error))))
    return FALSE;
  id = qing_store_add_key_period (store, kind, name, first, last, error);
  return id > 0
         && (!exams || qing_store_set_key_period_interval (store, id, QING_CADENCE_MENTOR_AT_RISK,
                                                           QING_CADENCE_PERIOD_TWO_WEEKS, error));
}

static gboolean
add_autumn_term (QingStore *store, QingSchoolCalendar *cal, int y, GError **error)
{
  g_autofree char *name = g_strdup_printf (_("Autumn term %d"), y);
  GDate a, b;

  set_day (&a, y, 9, 1);
  set_day (&b, y + 1, 1, 22);
  if (!add_term (store, cal, &a, &b, name, error))
    return FALSE;
  set_day (&a, y, 10, 1);
  set_day (&b, y, 10, 7);
  if (!add_holiday (store, cal, &a, &b, _("National Day holiday"), error))
    return FALSE;
  /* 调休: the weekend days before and after the holiday are school days */
  set_day (&a, y, 9, 28);
  nearest_weekend (&a, -1);
  set_day (&b, y, 10, 11);
  nearest_weekend (&b, 1);
  if (!add_makeup_day (store, cal, &a, error) || !add_makeup_day (store, cal, &b, error))
    return FALSE;
  set_day (&a, y, 9, 1);
  set_day (&b, y, 9, 14);
  if (!add_key_period (store, cal, QING_KEY_PERIOD_SCHOOL_START, &a, &b, _("School start"),
                       FALSE, error))
    return FALSE;
  set_day (&a, y + 1, 1, 11);
  set_day (&b, y + 1, 1, 22);
  return add_key_period (store, cal, QING_KEY_PERIOD_EXAM, &a, &b, _("Exam season"), TRUE,
                         error);
}

static gboolean
add_spring_term (QingStore *store, QingSchoolCalendar *cal, int y, GError **error)
{
  g_autofree char *name = g_strdup_printf (_("Spring term %d"), y);
  GDate a, b;

  set_day (&a, y, 2, 23);
  set_day (&b, y, 7, 10);
  if (!add_term (store, cal, &a, &b, name, error))
    return FALSE;
  set_day (&a, y, 5, 1);
  set_day (&b, y, 5, 5);
  if (!add_holiday (store, cal, &a, &b, _("Labour Day holiday"), error))
    return FALSE;
  set_day (&a, y, 3, 1);
  set_day (&b, y, 4, 30);
  if (!add_key_period (store, cal, QING_KEY_PERIOD_SPRING, &a, &b, _("Spring"), FALSE, error))
    return FALSE;
  set_day (&a, y, 6, 22);
  set_day (&b, y, 7, 3);
  return add_key_period (store, cal, QING_KEY_PERIOD_EXAM, &a, &b, _("Exam season"), TRUE,
                         error);
}

/* Writes the school calendar of the school year that starts in September
 * of @first_year: the autumn term (1 Sep – 22 Jan) with the National Day
 * holiday (1–7 Oct), a make-up school day on the weekend just before and
 * on the weekend just after it (调休), the school start (入学季) and the
 * exam season (考试季, 11–22 Jan) as key periods; the spring term (23 Feb –
 * 10 Jul) with the Labour Day holiday, spring and its exam season.  In
 * exam seasons mentors see students who need care every two weeks.  Adds
 * the same to @calendar when it is not NULL, and 2 to @n_terms if given. */
gboolean
qing_generator_add_school_year (QingStore          *store,
                                QingSchoolCalendar *calendar,
                                int                 first_year,
                                guint              *n_terms,
                                GError            **error)
{
  g_return_val_if_fail (QING_IS_STORE (store), FALSE);

  if (!add_autumn_term (store, calendar, first_year, error)
      || !add_spring_term (store, calendar, first_year + 1, error))
    return FALSE;
  if (n_terms != NULL)
    *n_terms += 2;
  return TRUE;
}
