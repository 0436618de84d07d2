/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingStudentPage: one student as their mentor sees them — this cycle's
 * status, the care level (and a proposal waiting for the counselor), the
 * at-risk cadences with the student and with the parents, the recent talks
 * with parents, and what the mentor can do: start a talk, log a talk with
 * parents, raise a flag, propose key care or clear signs, edit, move to
 * another group (all through the view's "mentor." actions).
 */
#pragma once

#include <adwaita.h>

#include "qing-roster-status.h"

G_BEGIN_DECLS

#define QING_TYPE_STUDENT_PAGE (qing_student_page_get_type ())
G_DECLARE_FINAL_TYPE (QingStudentPage, qing_student_page, QING, STUDENT_PAGE, GtkWidget)

/* Points the page at @store, seen by the mentor @mentor_id. */
void        qing_student_page_setup          (QingStudentPage *self,
                                              QingStore       *store,
                                              gint64           mentor_id);
/* Shows the student of @row (a roster row: status and care level). */
void        qing_student_page_show           (QingStudentPage *self,
                                              QingRosterEntry *row);
/* The student shown, or 0. */
gint64      qing_student_page_get_student_id (QingStudentPage *self);
/* The care level line ("Care level: Key care" …).  (transfer none) */
const char *qing_student_page_get_care_text  (QingStudentPage *self);

G_END_DECLS
