/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingMoodTrend: the mood chart with its window switch (30 days, 90 days,
 * one year) and the summary sentence under it.
 *
 * Properties:
 *   days  guint  30, 90 or 365 (read/write; the toggles follow)
 */
#pragma once

#include <gtk/gtk.h>

#include "qing-mood-chart.h"

G_BEGIN_DECLS

#define QING_TYPE_MOOD_TREND (qing_mood_trend_get_type ())
G_DECLARE_FINAL_TYPE (QingMoodTrend, qing_mood_trend, QING, MOOD_TREND, GtkWidget)

GtkWidget     *qing_mood_trend_new (void);
QingMoodChart *qing_mood_trend_get_chart (QingMoodTrend *self);
void           qing_mood_trend_set_entries (QingMoodTrend       *self,
                                            const QingMoodPoint *points,
                                            gsize                n_points,
                                            GTimeZone           *tz,
                                            const GDate         *last_day);
guint          qing_mood_trend_get_days (QingMoodTrend *self);
void           qing_mood_trend_set_days (QingMoodTrend *self,
                                         guint          days);

G_END_DECLS
