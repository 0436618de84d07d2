/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingMoodDialog: records one entry of a child's mood journal (情绪日记)
 * with the shared QingMoodPicker — several entries a day are fine.  Also
 * offered right after a talk ("How did 小明 feel?"), then linked to it.
 * It saves itself and emits "saved"; a failure is shown in the dialog.
 *
 * Signals:
 *   saved (QingMoodEntry *entry)  the entry was saved; the dialog closes
 * Actions:
 *   dialog.save
 */
#pragma once

#include <adwaita.h>

#include "qing-repository.h"
#include "shared/qing-mood-picker.h"

G_BEGIN_DECLS

#define QING_TYPE_MOOD_DIALOG (qing_mood_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QingMoodDialog, qing_mood_dialog, QING, MOOD_DIALOG, AdwWindow)

QingMoodDialog *qing_mood_dialog_new            (QingStore  *store,
                                                 QingClock  *clock,
                                                 gint64      guardian_id,
                                                 QingPerson *child,
                                                 gint64      talk_id);
QingMoodPicker *qing_mood_dialog_get_picker     (QingMoodDialog *self);
const char     *qing_mood_dialog_get_error_text (QingMoodDialog *self);

G_END_DECLS
