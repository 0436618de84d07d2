/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <math.h>

#include "qing-mood-series.h"
#include "qing-mood-vocab.h"

struct _QingMoodSeries
{
  GObject      parent_instance;

  GDate        first_day;
  guint        n_days;
  QingMoodDay *days;
};

G_DEFINE_FINAL_TYPE (QingMoodSeries, qing_mood_series, G_TYPE_OBJECT)

static void
qing_mood_series_finalize (GObject *object)
{
  QingMoodSeries *self = QING_MOOD_SERIES (object);

  g_free (self->days);
  G_OBJECT_CLASS (qing_mood_series_parent_class)->finalize (object);
}

static void
qing_mood_series_class_init (QingMoodSeriesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qing_mood_series_finalize;
}

static void
qing_mood_series_init (QingMoodSeries *self)
{
  g_date_clear (&self->first_day, 1);
}

/* The local calendar day of a UTC instant, as a Julian day number; 0 when
 * the instant cannot be represented. */
static guint32
local_julian (gint64 at_utc, GTimeZone *tz)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (at_utc);
  g_autoptr (GDateTime) local = NULL;
  GDate date;
  int y, m, d;

  if (utc == NULL)
    return 0;
  local = g_date_time_to_timezone (utc, tz);
  if (local == NULL)
    return 0;
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static void
add_point (QingMoodDay *row, int valence)
{
  /* mean holds the running sum until finish_days() divides it */
  if (row->n == 0 || valence < row->min)
    row->min = valence;
  if (row->n == 0 || valence > row->max)
    row->max = valence;
  row->mean += valence;
  row->n++;
}

static void
finish_days (QingMoodSeries *self)
{
  for (guint i = 0; i < self->n_days; i++)
    if (self->days[i].n > 0)
      self->days[i].mean /= self->days[i].n;
}

/**
 * qing_mood_series_new:
 * @points: (array length=n_points): mood entries, in any order
 * @tz: the time zone whose calendar days count
 * @first_day: first local day of the range
 * @last_day: last local day of the range (inclusive, not before @first_day)
 *
 * Groups @points by the local day in @tz on which they were recorded;
 * entries outside the range and valences outside −3..+3 are ignored.
 *
 * Returns: (transfer full): a new series with one row per day of the range.
 */
QingMoodSeries *
qing_mood_series_new (const QingMoodPoint *points,
                      gsize                n_points,
                      GTimeZone           *tz,
                      const GDate         *first_day,
                      const GDate         *last_day)
{
  QingMoodSeries *self;
  guint32 first, last;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (first_day && g_date_valid (first_day), NULL);
  g_return_val_if_fail (last_day && g_date_valid (last_day), NULL);
  g_return_val_if_fail (g_date_compare (first_day, last_day) <= 0, NULL);

  self = g_object_new (QING_TYPE_MOOD_SERIES, NULL);
  first = g_date_get_julian (first_day);
  last = g_date_get_julian (last_day);
  self->first_day = *first_day;
  self->n_days = last - first + 1;
  self->days = g_new0 (QingMoodDay, self->n_days);
  for (guint i = 0; i < self->n_days; i++)
    {
      g_date_clear (&self->days[i].day, 1);
      g_date_set_julian (&self->days[i].day, first + i);
    }

  for (gsize i = 0; i < n_points; i++)
    {
      guint32 julian;

      if (points[i].valence < QING_MOOD_VALENCE_MIN || points[i].valence > QING_MOOD_VALENCE_MAX)
        continue;
      julian = local_julian (points[i].at_utc, tz);
      if (julian < first || julian > last)
        continue;
      add_point (&self->days[julian - first], points[i].valence);
    }
  finish_days (self);
  return self;
}

/**
 * qing_mood_series_new_ending:
 * @last_day: the last day of the window, usually today
 * @n_days: the window's length (30, 90, 365…), at least 1
 *
 * Like qing_mood_series_new() for the @n_days days ending with @last_day.
 *
 * Returns: (transfer full): a new series.
 */
QingMoodSeries *
qing_mood_series_new_ending (const QingMoodPoint *points,
                             gsize                n_points,
                             GTimeZone           *tz,
                             const GDate         *last_day,
                             guint                n_days)
{
  GDate first;

  g_return_val_if_fail (last_day && g_date_valid (last_day), NULL);
  g_return_val_if_fail (n_days >= 1 && n_days < g_date_get_julian (last_day), NULL);

  first = *last_day;
  g_date_subtract_days (&first, n_days - 1);
  return qing_mood_series_new (points, n_points, tz, &first, last_day);
}

/* Returns the number of days in the series (recorded or not). */
guint
qing_mood_series_get_n_days (QingMoodSeries *self)
{
  g_return_val_if_fail (QING_IS_MOOD_SERIES (self), 0);
  return self->n_days;
}

/* Returns the row of day @index (0 is the first day); owned by @self. */
const QingMoodDay *
qing_mood_series_get_day (QingMoodSeries *self,
                          guint           index)
{
  g_return_val_if_fail (QING_IS_MOOD_SERIES (self), NULL);
  g_return_val_if_fail (index < self->n_days, NULL);
  return &self->days[index];
}

/* Returns how many days of the series have at least one entry. */
guint
qing_mood_series_get_n_recorded_days (QingMoodSeries *self)
{
  guint n = 0;

  g_return_val_if_fail (QING_IS_MOOD_SERIES (self), 0);
  for (guint i = 0; i < self->n_days; i++)
    n += self->days[i].n > 0;
  return n;
}

/* Sets @average to the mean of the recorded days' means (each day weighs
 * the same however many entries it has); FALSE when no day is recorded. */
gboolean
qing_mood_series_get_average (QingMoodSeries *self,
                              double         *average)
{
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (QING_IS_MOOD_SERIES (self), FALSE);
  for (guint i = 0; i < self->n_days; i++)
    if (self->days[i].n > 0)
      {
        sum += self->days[i].mean;
        n++;
      }
  if (n == 0)
    return FALSE;
  if (average)
    *average = sum / n;
  return TRUE;
}

/* Returns the recorded day with the lowest mean (the latest of equal ones),
 * owned by @self; NULL when no day is recorded. */
const QingMoodDay *
qing_mood_series_get_lowest_day (QingMoodSeries *self)
{
  const QingMoodDay *lowest = NULL;

  g_return_val_if_fail (QING_IS_MOOD_SERIES (self), NULL);
  for (guint i = 0; i < self->n_days; i++)
    if (self->days[i].n > 0 && (lowest == NULL || self->days[i].mean <= lowest->mean))
      lowest = &self->days[i];
  return lowest;
}

/* Returns @day formatted with a g_date_time_format() @format, as a newly
 * allocated string. */
char *
qing_mood_format_date (const GDate *day,
                       const char  *format)
{
  g_autoptr (GDateTime) dt = NULL;

  g_return_val_if_fail (day && g_date_valid (day), NULL);
  g_return_val_if_fail (format != NULL, NULL);
  dt = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                            g_date_get_day (day), 0, 0, 0);
  return g_date_time_format (dt, format);
}

/* Returns a day as a short localised date ("Nov 12", "11月12日"), newly
 * allocated. */
char *
qing_mood_format_day_short (const GDate *day)
{
  /* Translators: a short date as in "lowest on Nov 12", a g_date_time_format()
   * format; for zh_CN use "%-m月%-d日".
   * xgettext:no-c-format */
  return qing_mood_format_date (day, _("%b %-d"));
}

/* Returns the summary sentence for screen readers, e.g. "Last 30 days: 18
 * days recorded, average slightly pleasant, lowest on Nov 12.", newly
 * allocated. */
char *
qing_mood_series_describe (QingMoodSeries *self)
{
  g_autofree char *window = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *lowest_date = NULL;
  const QingMoodDay *lowest;
  double average;
  guint n_recorded;

  g_return_val_if_fail (QING_IS_MOOD_SERIES (self), NULL);

  window = g_strdup_printf (ngettext ("Last %u day", "Last %u days", self->n_days), self->n_days);
  n_recorded = qing_mood_series_get_n_recorded_days (self);
  if (n_recorded == 0)
    /* Translators: %s is "Last 30 days" */
    return g_strdup_printf (_("%s: no mood recorded."), window);

  recorded = g_strdup_printf (ngettext ("%u day recorded", "%u days recorded", n_recorded),
                              n_recorded);
  qing_mood_series_get_average (self, &average);
  lowest = qing_mood_series_get_lowest_day (self);
  lowest_date = qing_mood_format_day_short (&lowest->day);
  /* Translators: "Last 30 days: 18 days recorded, average slightly pleasant,
   * lowest on Nov 12." */
  return g_strdup_printf (_("%s: %s, average %s, lowest on %s."), window, recorded,
                          qing_mood_vocab_valence_adjective ((int) lround (average)),
                          lowest_date);
}

/* Returns one day in words, for the chart's tooltip: "Nov 12: Unpleasant
 * (3 entries)" and, when the day's entries differ, "from Very unpleasant to
 * Neutral" on a second line; newly allocated. */
char *
qing_mood_series_describe_day (QingMoodSeries *self,
                               guint           index)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *range = NULL;
  const QingMoodDay *day;

  g_return_val_if_fail (QING_IS_MOOD_SERIES (self), NULL);
  g_return_val_if_fail (index < self->n_days, NULL);

  day = &self->days[index];
  date = qing_mood_format_day_short (&day->day);
  if (day->n == 0)
    /* Translators: a day in the mood chart, "Nov 12: no mood recorded" */
    return g_strdup_printf (_("%s: no mood recorded"), date);
  text = g_strdup_printf (ngettext ("%s: %s (%u entry)", "%s: %s (%u entries)", day->n), date,
                          qing_mood_vocab_valence_label ((int) lround (day->mean)), day->n);
  if (day->min == day->max)
    return g_steal_pointer (&text);
  /* Translators: the range of a day's moods, "from Unpleasant to Pleasant" */
  range = g_strdup_printf (_("from %s to %s"), qing_mood_vocab_valence_label (day->min),
                           qing_mood_vocab_valence_label (day->max));
  return g_strconcat (text, "\n", range, NULL);
}
