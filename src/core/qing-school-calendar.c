/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingSchoolCalendar: which local days are school days, which term a day
 * belongs to, and the fixed cycles the mentor and counselor rules run on.
 *
 * Days are GDate Julian day numbers internally (day 1 = Monday 1 January of
 * year 1), so the weekday is plain arithmetic.  A school day is a day inside
 * a term that is either Monday–Friday and not in a holiday, or a make-up
 * school day (调休: a Saturday or Sunday declared a school day), which wins
 * over a holiday that covers it.
 *
 * Cycles of 7 or 14 days are fixed per term: the first starts on the Monday
 * on or before the term's first day and they are numbered from 1.  A cycle
 * is never cut at the term's end; only school days count as days to plan.
 *
 * Build a calendar first, then share it (ref); it is not locked.
 */
#include "qing-school-calendar.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  guint32 first;
  guint32 last;
} DayRange;

/* A make-up school day and the weekday whose timetable it runs. */
typedef struct
{
  guint32 day;
  guint   follows_weekday; /* 1 Monday … 7 Sunday */
} MakeupDay;

typedef struct
{
  QingKeyPeriodKind kind;
  DayRange          range;
  guint8            interval[QING_CADENCE_N_RULES]; /* QingCadencePeriod */
} KeyPeriod;

struct _QingSchoolCalendar
{
  GArray *terms;       /* DayRange, sorted by first, never overlapping */
  GArray *holidays;    /* DayRange */
  GArray *makeup_days; /* MakeupDay */
  GArray *key_periods; /* KeyPeriod, in the order added (index is stable) */
};

G_DEFINE_BOXED_TYPE (QingSchoolCalendar, qing_school_calendar,
                     qing_school_calendar_ref, qing_school_calendar_unref)

G_DEFINE_QUARK (qing-school-calendar-error-quark, qing_school_calendar_error)

/* 1 = Monday … 7 = Sunday, as GDateWeekday. */
static inline guint
weekday_of (guint32 julian)
{
  return (julian - 1) % 7 + 1;
}

static gboolean
get_range (const GDate *first,
           const GDate *last,
           DayRange    *out,
           GError     **error)
{
  if (first == NULL || last == NULL || !g_date_valid (first) || !g_date_valid (last))
    {
      g_set_error_literal (error, QING_SCHOOL_CALENDAR_ERROR,
                           QING_SCHOOL_CALENDAR_ERROR_INVALID_RANGE,
                           _("The date is not valid."));
      return FALSE;
    }
  out->first = g_date_get_julian (first);
  out->last = g_date_get_julian (last);
  if (out->last < out->first)
    {
      g_set_error_literal (error, QING_SCHOOL_CALENDAR_ERROR,
                           QING_SCHOOL_CALENDAR_ERROR_INVALID_RANGE,
                           _("The last day comes before the first day."));
      return FALSE;
    }
  return TRUE;
}

static const DayRange *
find_range (GArray *ranges, guint32 day)
{
  for (guint i = 0; i < ranges->len; i++)
    {
      const DayRange *r = &g_array_index (ranges, DayRange, i);
      if (r->first <= day && day <= r->last)
        return r;
    }
  return NULL;
}

/**
 * qing_school_calendar_new:
 *
 * Creates an empty calendar (no terms: no day is a school day yet).
 *
 * Returns: (transfer full): a new calendar; release with qing_school_calendar_unref().
 */
QingSchoolCalendar *
qing_school_calendar_new (void)
{
  QingSchoolCalendar *self = g_atomic_rc_box_new0 (QingSchoolCalendar);

  self->terms = g_array_new (FALSE, FALSE, sizeof (DayRange));
  self->holidays = g_array_new (FALSE, FALSE, sizeof (DayRange));
  self->makeup_days = g_array_new (FALSE, FALSE, sizeof (MakeupDay));
  self->key_periods = g_array_new (FALSE, FALSE, sizeof (KeyPeriod));
  return self;
}

/* Takes one more reference; returns @self. */
QingSchoolCalendar *
qing_school_calendar_ref (QingSchoolCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
calendar_clear (gpointer data)
{
  QingSchoolCalendar *self = data;

  g_array_unref (self->terms);
  g_array_unref (self->holidays);
  g_array_unref (self->makeup_days);
  g_array_unref (self->key_periods);
}

/* Drops one reference; the last one frees the calendar. */
void
qing_school_calendar_unref (QingSchoolCalendar *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, calendar_clear);
}

/* Adds a term from @first to @last (inclusive).  Fails when the range is
 * invalid or overlaps a term already added. */
gboolean
qing_school_calendar_add_term (QingSchoolCalendar *self,
                               const GDate        *first,
                               const GDate        *last,
                               GError            **error)
{
  DayRange range;
  guint pos = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!get_range (first, last, &range, error))
    return FALSE;
  for (guint i = 0; i < self->terms->len; i++)
    {
      const DayRange *t = &g_array_index (self->terms, DayRange, i);
      if (range.first <= t->last && t->first <= range.last)
        {
          g_set_error_literal (error, QING_SCHOOL_CALENDAR_ERROR,
                               QING_SCHOOL_CALENDAR_ERROR_OVERLAP,
                               _("This term overlaps another term."));
          return FALSE;
        }
      if (t->first < range.first)
        pos = i + 1;
    }
  g_array_insert_val (self->terms, pos, range);
  return TRUE;
}

/* Adds a holiday (no school) from @first to @last inclusive. */
gboolean
qing_school_calendar_add_holiday (QingSchoolCalendar *self,
                                  const GDate        *first,
                                  const GDate        *last,
                                  GError            **error)
{
  DayRange range;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!get_range (first, last, &range, error))
    return FALSE;
  g_array_append_val (self->holidays, range);
  return TRUE;
}

/* Declares the Saturday or Sunday @day a school day (调休) that runs
 * Monday's timetable.  Fails for a Monday–Friday, which is a school day
 * anyway unless it is a holiday. */
gboolean
qing_school_calendar_add_makeup_day (QingSchoolCalendar *self,
                                     const GDate        *day,
                                     GError            **error)
{
  return qing_school_calendar_add_makeup_day_following (self, day, G_DATE_MONDAY, error);
}

/* Declares the Saturday or Sunday @day a school day (调休) that runs the
 * timetable of @follows_weekday (1 Monday … 7 Sunday; anything else means
 * Monday).  Fails for a Monday–Friday @day. */
gboolean
qing_school_calendar_add_makeup_day_following (QingSchoolCalendar *self,
                                               const GDate        *day,
                                               guint               follows_weekday,
                                               GError            **error)
{
  DayRange range;
  MakeupDay makeup;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!get_range (day, day, &range, error))
    return FALSE;
  if (weekday_of (range.first) < G_DATE_SATURDAY)
    {
      g_set_error_literal (error, QING_SCHOOL_CALENDAR_ERROR,
                           QING_SCHOOL_CALENDAR_ERROR_NOT_WEEKEND,
                           _("A make-up school day must be a Saturday or a Sunday."));
      return FALSE;
    }
  makeup.day = range.first;
  makeup.follows_weekday = (follows_weekday >= G_DATE_MONDAY && follows_weekday <= G_DATE_SUNDAY)
                             ? follows_weekday
                             : G_DATE_MONDAY;
  g_array_append_val (self->makeup_days, makeup);
  return TRUE;
}

static const MakeupDay *
find_makeup_day (QingSchoolCalendar *self, guint32 day)
{
  for (guint i = 0; i < self->makeup_days->len; i++)
    if (g_array_index (self->makeup_days, MakeupDay, i).day == day)
      return &g_array_index (self->makeup_days, MakeupDay, i);
  return NULL;
}

/* Whether @day is a make-up school day (调休) inside a term. */
gboolean
qing_school_calendar_is_makeup_day (QingSchoolCalendar *self,
                                    const GDate        *day)
{
  guint32 julian;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  julian = g_date_get_julian (day);
  return find_range (self->terms, julian) != NULL && find_makeup_day (self, julian) != NULL;
}

/* The weekday (1 Monday … 7 Sunday) whose timetable @day runs: the one it
 * follows on a make-up school day in a term, otherwise its own. */
GDateWeekday
qing_school_calendar_get_timetable_weekday (QingSchoolCalendar *self,
                                            const GDate        *day)
{
  const MakeupDay *makeup;
  guint32 julian;

  g_return_val_if_fail (self != NULL, G_DATE_BAD_WEEKDAY);
  g_return_val_if_fail (day != NULL && g_date_valid (day), G_DATE_BAD_WEEKDAY);

  julian = g_date_get_julian (day);
  makeup = find_range (self->terms, julian) != NULL ? find_makeup_day (self, julian) : NULL;
  return makeup != NULL ? (GDateWeekday)makeup->follows_weekday : (GDateWeekday)weekday_of (julian);
}

/* Adds a key period of @kind from @first to @last inclusive, without any
 * interval override yet.  Its index (for
 * qing_school_calendar_set_key_period_interval()) goes to @out_index. */
gboolean
qing_school_calendar_add_key_period (QingSchoolCalendar *self,
                                     QingKeyPeriodKind   kind,
                                     const GDate        *first,
                                     const GDate        *last,
                                     guint              *out_index,
                                     GError            **error)
{
  KeyPeriod period = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!get_range (first, last, &period.range, error))
    return FALSE;
  period.kind = kind;
  g_array_append_val (self->key_periods, period);
  if (out_index != NULL)
    *out_index = self->key_periods->len - 1;
  return TRUE;
}

/* During key period @index, @rule runs on @period instead of its usual
 * interval (e.g. mentor at-risk talks weekly in exam season).
 * QING_CADENCE_PERIOD_NONE removes the override. */
gboolean
qing_school_calendar_set_key_period_interval (QingSchoolCalendar *self,
                                              guint               index,
                                              QingCadenceRule     rule,
                                              QingCadencePeriod   period,
                                              GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rule > 0 && rule < QING_CADENCE_N_RULES, FALSE);
  g_return_val_if_fail (period <= QING_CADENCE_PERIOD_MONTH, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (index >= self->key_periods->len)
    {
      g_set_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_NOT_FOUND,
                   "No key period %u", index);
      return FALSE;
    }
  g_array_index (self->key_periods, KeyPeriod, index).interval[rule] = period;
  return TRUE;
}

static gboolean
is_school_julian (QingSchoolCalendar *self, guint32 day)
{
  if (find_range (self->terms, day) == NULL)
    return FALSE;
  if (find_makeup_day (self, day) != NULL)
    return TRUE;
  if (weekday_of (day) >= G_DATE_SATURDAY)
    return FALSE;
  return find_range (self->holidays, day) == NULL;
}

/* Whether @day is a school day: in a term and a weekday that is not a
 * holiday, or a make-up school day in a term. */
gboolean
qing_school_calendar_is_school_day (QingSchoolCalendar *self,
                                    const GDate        *day)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  return is_school_julian (self, g_date_get_julian (day));
}

/* Finds the term containing @day; its first and last days go to @out_first
 * and @out_last (either may be NULL).  FALSE outside every term. */
gboolean
qing_school_calendar_get_term (QingSchoolCalendar *self,
                               const GDate        *day,
                               GDate              *out_first,
                               GDate              *out_last)
{
  const DayRange *term;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  term = find_range (self->terms, g_date_get_julian (day));
  if (term == NULL)
    return FALSE;
  if (out_first != NULL)
    g_date_set_julian (out_first, term->first);
  if (out_last != NULL)
    g_date_set_julian (out_last, term->last);
  return TRUE;
}

/* Counts the school days from @from to @to, both included (0 if @to is
 * before @from). */
guint
qing_school_calendar_count_school_days (QingSchoolCalendar *self,
                                        const GDate        *from,
                                        const GDate        *to)
{
  guint32 first, last;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  first = g_date_get_julian (from);
  last = g_date_get_julian (to);
  for (guint32 d = first; d <= last; d++)
    n += is_school_julian (self, d);
  return n;
}

/* Finds the cycle of @length_days (7 or 14) that contains @day in its term;
 * FALSE outside every term.  See the file comment for the alignment. */
gboolean
qing_school_calendar_get_cycle (QingSchoolCalendar *self,
                                const GDate        *day,
                                guint               length_days,
                                QingCycle          *out_cycle)
{
  const DayRange *term;
  guint32 julian, anchor, index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (length_days > 0, FALSE);
  g_return_val_if_fail (out_cycle != NULL, FALSE);

  julian = g_date_get_julian (day);
  term = find_range (self->terms, julian);
  if (term == NULL)
    return FALSE;
  anchor = term->first - (weekday_of (term->first) - 1);
  index = (julian - anchor) / length_days;
  out_cycle->number = index + 1;
  g_date_clear (&out_cycle->first, 1);
  g_date_clear (&out_cycle->last, 1);
  g_date_set_julian (&out_cycle->first, anchor + index * length_days);
  g_date_set_julian (&out_cycle->last, anchor + (index + 1) * length_days - 1);
  return TRUE;
}

/* Finds a key period containing @day (the first one added, if several);
 * any out argument may be NULL.  FALSE when @day is in none. */
gboolean
qing_school_calendar_get_key_period (QingSchoolCalendar *self,
                                     const GDate        *day,
                                     QingKeyPeriodKind  *out_kind,
                                     GDate              *out_first,
                                     GDate              *out_last)
{
  guint32 julian;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  julian = g_date_get_julian (day);
  for (guint i = 0; i < self->key_periods->len; i++)
    {
      const KeyPeriod *kp = &g_array_index (self->key_periods, KeyPeriod, i);
      if (kp->range.first <= julian && julian <= kp->range.last)
        {
          if (out_kind != NULL)
            *out_kind = kp->kind;
          if (out_first != NULL)
            g_date_set_julian (out_first, kp->range.first);
          if (out_last != NULL)
            g_date_set_julian (out_last, kp->range.last);
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether a key period containing @day changes the interval of @rule.  If
 * several do, the shortest interval wins.  The period goes to @out_period
 * and that key period's first and last days to @out_first/@out_last (may be
 * NULL). */
gboolean
qing_school_calendar_get_interval_override (QingSchoolCalendar *self,
                                            const GDate        *day,
                                            QingCadenceRule     rule,
                                            QingCadencePeriod  *out_period,
                                            GDate              *out_first,
                                            GDate              *out_last)
{
  const KeyPeriod *best = NULL;
  guint32 julian;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (rule > 0 && rule < QING_CADENCE_N_RULES, FALSE);

  julian = g_date_get_julian (day);
  for (guint i = 0; i < self->key_periods->len; i++)
    {
      const KeyPeriod *kp = &g_array_index (self->key_periods, KeyPeriod, i);
      if (julian < kp->range.first || julian > kp->range.last || kp->interval[rule] == 0)
        continue;
      /* the enum grows with the length of the period */
      if (best == NULL || kp->interval[rule] < best->interval[rule])
        best = kp;
    }
  if (best == NULL)
    return FALSE;
  if (out_period != NULL)
    *out_period = best->interval[rule];
  if (out_first != NULL)
    g_date_set_julian (out_first, best->range.first);
  if (out_last != NULL)
    g_date_set_julian (out_last, best->range.last);
  return TRUE;
}

/* How many key periods were added. */
guint
qing_school_calendar_get_n_key_periods (QingSchoolCalendar *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->key_periods->len;
}

/* Reads key period @index (in the order added); any out argument may be
 * NULL.  FALSE if there is no such key period. */
gboolean
qing_school_calendar_get_nth_key_period (QingSchoolCalendar *self,
                                         guint               index,
                                         QingKeyPeriodKind  *out_kind,
                                         GDate              *out_first,
                                         GDate              *out_last)
{
  const KeyPeriod *kp;

  g_return_val_if_fail (self != NULL, FALSE);

  if (index >= self->key_periods->len)
    return FALSE;
  kp = &g_array_index (self->key_periods, KeyPeriod, index);
  if (out_kind != NULL)
    *out_kind = kp->kind;
  if (out_first != NULL)
    g_date_set_julian (out_first, kp->range.first);
  if (out_last != NULL)
    g_date_set_julian (out_last, kp->range.last);
  return TRUE;
}

/* The interval key period @index sets for @rule, or
 * QING_CADENCE_PERIOD_NONE if it leaves the rule alone. */
QingCadencePeriod
qing_school_calendar_get_key_period_interval (QingSchoolCalendar *self,
                                              guint               index,
                                              QingCadenceRule     rule)
{
  g_return_val_if_fail (self != NULL, QING_CADENCE_PERIOD_NONE);
  g_return_val_if_fail (rule > 0 && rule < QING_CADENCE_N_RULES, QING_CADENCE_PERIOD_NONE);

  if (index >= self->key_periods->len)
    return QING_CADENCE_PERIOD_NONE;
  return g_array_index (self->key_periods, KeyPeriod, index).interval[rule];
}

/* The translated name of a key period kind, e.g. "Exam season" (考试季).
 * Returns a static string. */
const char *
qing_key_period_kind_get_label (QingKeyPeriodKind kind)
{
  switch (kind)
    {
    case QING_KEY_PERIOD_SPRING:
      return _("Spring");
    case QING_KEY_PERIOD_SCHOOL_START:
      return _("School start");
    case QING_KEY_PERIOD_EXAM:
      return _("Exam season");
    case QING_KEY_PERIOD_GRADUATION:
      return _("Graduation season");
    case QING_KEY_PERIOD_EMERGENCY:
      return _("Emergency");
    default:
      return _("Key period");
    }
}
