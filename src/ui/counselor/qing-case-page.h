/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingCasePage: one case (个案) in the counselor view — the student, where
 * the case stands, its timeline (raised, noted, status changed, referred
 * 转介, closed), and the counselor's next step: add a note, set the status
 * to open or monitoring, refer to an institution, close.  Each step is an
 * event APPENDED to the timeline; nothing is edited or deleted, and the
 * page says so.  A failure is shown on the page as a sentence.
 *
 * Actions (group "case"): add-note, set-status (int32 QingCaseStatus),
 * refer, close.  Back activates counselor.back.
 */
#pragma once

#include <adwaita.h>

#include "qing-store-cases.h"

G_BEGIN_DECLS

#define QING_TYPE_CASE_PAGE (qing_case_page_get_type ())
G_DECLARE_FINAL_TYPE (QingCasePage, qing_case_page, QING, CASE_PAGE, GtkWidget)

/* Returns a new page (floating) writing as @counselor_id into @store. */
GtkWidget  *qing_case_page_new            (QingStore *store,
                                           gint64     counselor_id);
/* Shows case @case_id (0: nothing). */
void        qing_case_page_set_case       (QingCasePage *self,
                                           gint64        case_id);
gint64      qing_case_page_get_case_id    (QingCasePage *self);
/* The timeline shown, oldest first (QingCaseEvent items; transfer none). */
GListModel *qing_case_page_get_events     (QingCasePage *self);
/* For tests: fill in the note and the referral entries. */
void        qing_case_page_set_note_text  (QingCasePage *self,
                                           const char   *text);
void        qing_case_page_set_referral_text (QingCasePage *self,
                                              const char   *text);
/* The error sentence shown, or NULL. */
const char *qing_case_page_get_error_text (QingCasePage *self);

G_END_DECLS
