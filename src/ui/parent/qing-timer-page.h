/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingTimerPage: the running listening timer (倾听计时) — the child's name,
 * the elapsed time in big tabular figures ("12:34"), the ring filling to
 * 15:00, Pause/Resume, Finish and Discard (which asks first).
 *
 * The elapsed time always comes from the timer service (stored wall-clock
 * times); the page only re-reads it, every second while it is shown and
 * whenever the clock changes.  Finish activates the parent view's
 * parent.finish-timer action with the child's id; the view opens the
 * finish sheet.  Back activates parent.back.
 *
 * Properties:
 *   timer-service  QingTimerService  (construct-only)
 *   action-prefix  gchararray  the group of "back" and "finish-timer"
 *                  (construct-only, default "parent"; e.g. "mentor")
 * Signals:
 *   discarded ()  the timer was discarded; the page shows nothing now
 * Actions:
 *   timer.pause, timer.resume, timer.discard (asks), timer.discard-now
 */
#pragma once

#include <adwaita.h>

#include "qing-timer-service.h"
#include "shared/qing-ring.h"

G_BEGIN_DECLS

#define QING_TYPE_TIMER_PAGE (qing_timer_page_get_type ())
G_DECLARE_FINAL_TYPE (QingTimerPage, qing_timer_page, QING, TIMER_PAGE, GtkWidget)

GtkWidget        *qing_timer_page_new              (QingTimerService *service);
void              qing_timer_page_set_timer        (QingTimerPage    *self,
                                                    QingRunningTimer *timer,
                                                    QingPerson       *child);
QingRunningTimer *qing_timer_page_get_timer        (QingTimerPage *self);
QingPerson       *qing_timer_page_get_child        (QingTimerPage *self);
void              qing_timer_page_refresh          (QingTimerPage *self);
const char       *qing_timer_page_get_elapsed_text (QingTimerPage *self);
QingRing         *qing_timer_page_get_ring         (QingTimerPage *self);

G_END_DECLS
