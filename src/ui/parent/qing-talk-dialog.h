/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingTalkDialog: the details of one talk (谈心), in three uses —
 *  - the finish sheet of a running timer: the duration listened, topics
 *    (chips: 学习, 朋友, 家庭, 兴趣, 心情, 老师, 手机, 身体), place and a short
 *    note; saving stops the timer and writes the talk in one step;
 *  - a talk added by hand (on a walk, in the car): start date and time and
 *    the duration in minutes as well;
 *  - editing a saved talk.
 * It saves itself and emits "saved"; a failure is shown in the dialog.
 *
 * Signals:
 *   saved (QingTalk *talk)  the talk was saved; the dialog closes
 * Actions:
 *   dialog.save
 */
#pragma once

#include <adwaita.h>

#include "qing-timer-service.h"
#include "shared/qing-chip-group.h"

G_BEGIN_DECLS

#define QING_TYPE_TALK_DIALOG (qing_talk_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QingTalkDialog, qing_talk_dialog, QING, TALK_DIALOG, AdwWindow)

QingTalkDialog *qing_talk_dialog_new_finish (QingTimerService *service,
                                             QingRunningTimer *timer,
                                             QingPerson       *child);
QingTalkDialog *qing_talk_dialog_new_add    (QingStore        *store,
                                             QingClock        *clock,
                                             gint64            guardian_id,
                                             QingPerson       *child);
QingTalkDialog *qing_talk_dialog_new_edit   (QingStore        *store,
                                             QingClock        *clock,
                                             QingTalk         *talk,
                                             QingPerson       *child);

QingChipGroup  *qing_talk_dialog_get_topics (QingTalkDialog *self);
void            qing_talk_dialog_set_start  (QingTalkDialog *self,
                                             GDateTime      *start_local);
void            qing_talk_dialog_set_minutes (QingTalkDialog *self,
                                              guint           minutes);
void            qing_talk_dialog_set_note   (QingTalkDialog *self,
                                             const char     *note);
const char     *qing_talk_dialog_get_error_text (QingTalkDialog *self);

G_END_DECLS
