/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingFlagDialog: raising a flag to the counselor — what was observed and
 * how serious it is (关注 / 重点 / 危机).  Choosing 危机 shows the school's
 * crisis steps at once, and "Save" stays disabled until "who was told" is
 * filled in.  The dialog does not save by itself: on the "save" response
 * its owner calls qing_flag_dialog_save().
 */
#pragma once

#include <adwaita.h>

#include "qing-store.h"
#include "qing-types.h"

G_BEGIN_DECLS

#define QING_TYPE_FLAG_DIALOG (qing_flag_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QingFlagDialog, qing_flag_dialog, QING, FLAG_DIALOG, AdwMessageDialog)

/* A flag about @student_id raised by the mentor @mentor_id; @crisis_steps
 * is the text shown for 危机.  Returns: (transfer none) a new toplevel. */
QingFlagDialog *qing_flag_dialog_new (GtkWindow  *parent,
                                      QingStore  *store,
                                      gint64      mentor_id,
                                      gint64      student_id,
                                      const char *student_name,
                                      const char *crisis_steps);

void         qing_flag_dialog_set_severity     (QingFlagDialog *self,
                                                QingSeverity    severity);
QingSeverity qing_flag_dialog_get_severity     (QingFlagDialog *self);
void         qing_flag_dialog_set_observed     (QingFlagDialog *self,
                                                const char     *text);
void         qing_flag_dialog_set_who_was_told (QingFlagDialog *self,
                                                const char     *text);
/* Whether the crisis steps are shown now. */
gboolean     qing_flag_dialog_get_steps_shown  (QingFlagDialog *self);
/* Whether "Save" is enabled. */
gboolean     qing_flag_dialog_get_can_save     (QingFlagDialog *self);
/* Raises the flag (with role MENTOR).  Returns: TRUE, or FALSE with
 * @error set. */
gboolean     qing_flag_dialog_save             (QingFlagDialog *self,
                                                GError        **error);

G_END_DECLS
