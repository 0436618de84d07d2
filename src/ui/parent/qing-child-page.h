/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingChildPage: one child in the parent view — an alert when the mood
 * journal shows a drop (the reason in plain words, "Talk tonight" and
 * "Tell the mentor"), today's actions (start listening, add a talk by hand,
 * record mood), the history (current and longest streak, a month calendar
 * with minutes per day, the talks of the selected day with edit and
 * delete), the mood trend chart (30/90/365 days) and the last entries of
 * the mood journal.
 *
 * Its buttons activate the parent view's actions with the child's or the
 * talk's id (parent.start, parent.add-talk, parent.record-mood,
 * parent.edit-child, parent.remove-child, parent.edit-talk,
 * parent.remove-talk, parent.tell-mentor, parent.back).
 *
 * Properties (construct-only): store, clock, guardian-id.
 */
#pragma once

#include <adwaita.h>

#include "qing-repository.h"
#include "shared/qing-month-calendar.h"
#include "shared/qing-mood-trend.h"
#include "shared/qing-streak-badge.h"

G_BEGIN_DECLS

#define QING_TYPE_CHILD_PAGE (qing_child_page_get_type ())
G_DECLARE_FINAL_TYPE (QingChildPage, qing_child_page, QING, CHILD_PAGE, GtkWidget)

GtkWidget         *qing_child_page_new            (QingStore *store,
                                                   QingClock *clock,
                                                   gint64     guardian_id);
void               qing_child_page_set_child      (QingChildPage *self,
                                                   QingPerson    *child);
QingPerson        *qing_child_page_get_child      (QingChildPage *self);
void               qing_child_page_refresh        (QingChildPage *self);
void               qing_child_page_select_day     (QingChildPage *self,
                                                   const GDate   *day);
guint              qing_child_page_get_n_day_talks (QingChildPage *self);
guint              qing_child_page_get_n_recent_moods (QingChildPage *self);
QingMonthCalendar *qing_child_page_get_calendar   (QingChildPage *self);
QingMoodTrend     *qing_child_page_get_trend      (QingChildPage *self);
QingStreakBadge   *qing_child_page_get_streak_badge (QingChildPage *self);
const char        *qing_child_page_get_alert_text (QingChildPage *self);
void               qing_child_page_set_mentor_told (QingChildPage *self,
                                                    gboolean       told);
gboolean           qing_child_page_get_mentor_told (QingChildPage *self);

G_END_DECLS
