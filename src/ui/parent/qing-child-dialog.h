/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingChildDialog: adds a child to the local guardian, or edits one — the
 * name, an optional class and an optional birthday (picked on a calendar).
 * It saves through the store itself and emits "saved"; a failure is shown
 * in the dialog as a sentence.
 *
 * Properties (construct-only):
 *   store        QingStore
 *   guardian-id  gint64      the local guardian
 *   child        QingPerson  the child to edit, or NULL to add one
 * Signals:
 *   saved (QingPerson *child)  the child was saved; the dialog closes
 * Actions:
 *   dialog.save
 */
#pragma once

#include <adwaita.h>

#include "qing-repository.h"

G_BEGIN_DECLS

#define QING_TYPE_CHILD_DIALOG (qing_child_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QingChildDialog, qing_child_dialog, QING, CHILD_DIALOG, AdwWindow)

QingChildDialog *qing_child_dialog_new            (QingStore  *store,
                                                   gint64      guardian_id,
                                                   QingPerson *child);
GtkEditable     *qing_child_dialog_get_name_row   (QingChildDialog *self);
GtkEditable     *qing_child_dialog_get_class_row  (QingChildDialog *self);
void             qing_child_dialog_set_birthday   (QingChildDialog *self,
                                                   const char      *iso_date);
const char      *qing_child_dialog_get_error_text (QingChildDialog *self);

G_END_DECLS
