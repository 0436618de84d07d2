/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingMoodChart: the mood trend drawn with GtkSnapshot and cairo — the daily
 * mean as a line, the day's range (min–max) as whiskers (30 days) or a band
 * (longer windows), a seven-level y axis with faces at the extremes, dates
 * along the x axis, gaps where nothing was recorded.  Theme colors, so it
 * reads in dark mode.  Screen readers get a summary (the accessible
 * description) computed in core by qing_mood_series_describe().
 *
 * Give it entries with qing_mood_chart_set_entries(); it keeps a copy.
 *
 * Properties:
 *   days     guint  the window: 30, 90 or 365 days ending on the last day
 *   series   QingMoodSeries  the series drawn (read-only)
 *   summary  gchararray  the screen-reader summary (read-only)
 */
#pragma once

#include <gtk/gtk.h>

#include "qing-mood-series.h"

G_BEGIN_DECLS

#define QING_TYPE_MOOD_CHART (qing_mood_chart_get_type ())
G_DECLARE_FINAL_TYPE (QingMoodChart, qing_mood_chart, QING, MOOD_CHART, GtkWidget)

GtkWidget      *qing_mood_chart_new (void);

void            qing_mood_chart_set_entries (QingMoodChart       *self,
                                             const QingMoodPoint *points,
                                             gsize                n_points,
                                             GTimeZone           *tz,
                                             const GDate         *last_day);
guint           qing_mood_chart_get_days (QingMoodChart *self);
void            qing_mood_chart_set_days (QingMoodChart *self,
                                          guint          days);
QingMoodSeries *qing_mood_chart_get_series (QingMoodChart *self);
const char     *qing_mood_chart_get_summary (QingMoodChart *self);

G_END_DECLS
