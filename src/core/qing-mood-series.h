/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The daily series behind the mood trend chart: from mood entries (UTC
 * instants and a valence −3..+3) and a time zone, one row per local calendar
 * day of a range, with the number of entries, their mean, minimum and
 * maximum, and a plain-words summary for screen readers.  No GTK.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One mood entry, as the chart needs it. */
typedef struct
{
  gint64 at_utc;  /* Unix seconds */
  int    valence; /* −3..+3 */
} QingMoodPoint;

/* One local day of the series; n == 0 means no entry that day (a gap). */
typedef struct
{
  GDate  day;
  guint  n;
  double mean;
  int    min;
  int    max;
} QingMoodDay;

#define QING_TYPE_MOOD_SERIES (qing_mood_series_get_type ())
G_DECLARE_FINAL_TYPE (QingMoodSeries, qing_mood_series, QING, MOOD_SERIES, GObject)

QingMoodSeries    *qing_mood_series_new (const QingMoodPoint *points,
                                         gsize                n_points,
                                         GTimeZone           *tz,
                                         const GDate         *first_day,
                                         const GDate         *last_day);
QingMoodSeries    *qing_mood_series_new_ending (const QingMoodPoint *points,
                                                gsize                n_points,
                                                GTimeZone           *tz,
                                                const GDate         *last_day,
                                                guint                n_days);

guint              qing_mood_series_get_n_days (QingMoodSeries *self);
const QingMoodDay *qing_mood_series_get_day (QingMoodSeries *self,
                                             guint           index);
guint              qing_mood_series_get_n_recorded_days (QingMoodSeries *self);
gboolean           qing_mood_series_get_average (QingMoodSeries *self,
                                                 double         *average);
const QingMoodDay *qing_mood_series_get_lowest_day (QingMoodSeries *self);
char              *qing_mood_series_describe (QingMoodSeries *self);
char              *qing_mood_series_describe_day (QingMoodSeries *self,
                                                  guint           index);

char              *qing_mood_format_date (const GDate *day,
                                          const char  *format);
char              *qing_mood_format_day_short (const GDate *day);

G_END_DECLS
