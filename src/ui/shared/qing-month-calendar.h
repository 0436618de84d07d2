/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingMonthCalendar: one month of listening — a Monday-first grid whose day
 * cells show the minutes listened and turn green when the day reached the
 * goal (15 minutes); today is outlined; previous/next month buttons and a
 * localised title ("2026年11月").  Fits 360 px.
 *
 * Data: qing_month_calendar_set_minutes() for each month the caller has,
 * and qing_month_calendar_set_reached_days() when a day's goal is not just
 * "minutes ≥ goal" (one talk of 15 minutes for the parent rule); when the
 * user changes month, "year"/"month" notify so the caller can give that
 * month's minutes.
 *
 * Properties:
 *   year, month    int    the month shown (month 1..12; read/write)
 *   goal-minutes   guint  a day counts as reached from this many, default 15,
 *                         unless the month's reached days were given
 * Signals:
 *   day-selected (GDate *day)  the user picked a day
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QING_TYPE_MONTH_CALENDAR (qing_month_calendar_get_type ())
G_DECLARE_FINAL_TYPE (QingMonthCalendar, qing_month_calendar, QING, MONTH_CALENDAR, GtkWidget)

GtkWidget   *qing_month_calendar_new (void);

void         qing_month_calendar_set_minutes (QingMonthCalendar *self,
                                              int                year,
                                              int                month,
                                              const guint       *minutes_per_day,
                                              guint              n_days);
void         qing_month_calendar_set_reached_days (QingMonthCalendar *self,
                                                   int                year,
                                                   int                month,
                                                   guint32            reached_mask);
void         qing_month_calendar_set_month (QingMonthCalendar *self,
                                            int                year,
                                            int                month);
int          qing_month_calendar_get_year (QingMonthCalendar *self);
int          qing_month_calendar_get_month (QingMonthCalendar *self);
void         qing_month_calendar_set_today (QingMonthCalendar *self,
                                            const GDate       *today);
guint        qing_month_calendar_get_goal_minutes (QingMonthCalendar *self);
void         qing_month_calendar_set_goal_minutes (QingMonthCalendar *self,
                                                   guint              minutes);
void         qing_month_calendar_select_day (QingMonthCalendar *self,
                                             const GDate       *day);
const GDate *qing_month_calendar_get_selected (QingMonthCalendar *self);
const char  *qing_month_calendar_get_title (QingMonthCalendar *self);
GtkWidget   *qing_month_calendar_get_day_button (QingMonthCalendar *self,
                                                 guint              day);

G_END_DECLS
