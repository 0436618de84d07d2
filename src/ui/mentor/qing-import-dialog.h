/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingImportDialog: the preview of a class list (CSV) before anything is
 * saved — a clear sentence on top, every problem with its line number, the
 * students found, and an Import button that stays disabled while the file
 * has problems.  Importing is all-or-nothing (qing_roster_import_commit);
 * when the mentor has no group yet, one is made for the class.
 *
 * Signals:
 *   imported (gint64 group_id, guint n_students)  saved; the dialog closes
 * Actions:
 *   import.commit
 */
#pragma once

#include <adwaita.h>

#include "qing-store.h"

G_BEGIN_DECLS

#define QING_TYPE_IMPORT_DIALOG (qing_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QingImportDialog, qing_import_dialog, QING, IMPORT_DIALOG, AdwWindow)

/* Reads @file and shows its preview.  @group_id: the group the students
 * join, or 0 to make a class for @mentor_id.  Returns: (transfer none) a
 * new toplevel window (owned by GTK until closed). */
QingImportDialog *qing_import_dialog_new (QingStore *store,
                                          GFile     *file,
                                          gint64     mentor_id,
                                          gint64     group_id);

/* The sentence on top.  (transfer none) */
const char *qing_import_dialog_get_summary    (QingImportDialog *self);
/* Students found / problems found. */
guint       qing_import_dialog_get_n_rows     (QingImportDialog *self);
guint       qing_import_dialog_get_n_problems (QingImportDialog *self);
/* Whether Import can be pressed. */
gboolean    qing_import_dialog_can_import     (QingImportDialog *self);

G_END_DECLS
