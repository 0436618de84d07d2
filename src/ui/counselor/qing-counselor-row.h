/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingCounselorRow: one row of the counselor view's lists (a flag, a care
 * level proposal, a student of a cadence list, a case, an event of a case
 * timeline, a day of the duty roster, an appointment): a coloured badge, a
 * title with a short aside, a wrapped line and a caption, and up to three
 * buttons that activate actions of the view.  Rows are recycled by the
 * list views: every setter replaces what the row showed.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QING_TYPE_COUNSELOR_ROW (qing_counselor_row_get_type ())
G_DECLARE_FINAL_TYPE (QingCounselorRow, qing_counselor_row, QING, COUNSELOR_ROW, GtkWidget)

/* Returns a new, empty row (floating). */
GtkWidget  *qing_counselor_row_new        (void);

/* Sets the texts (NULL hides a part) and the badge's style class (one of
 * "crisis", "serious", "concern", "done", "due", "overdue", or NULL). */
void        qing_counselor_row_set_texts  (QingCounselorRow *self,
                                           const char       *badge,
                                           const char       *badge_style,
                                           const char       *title,
                                           const char       *aside,
                                           const char       *body,
                                           const char       *caption);

/* Sets button @index (0 primary, 1, 2) to @label activating @action with
 * @target (floating refs are sunk); a NULL @label hides it. */
void        qing_counselor_row_set_button (QingCounselorRow *self,
                                           guint             index,
                                           const char       *label,
                                           const char       *action,
                                           GVariant         *target);

/* For tests: the label of button @index, NULL when hidden; the title. */
const char *qing_counselor_row_get_button_label (QingCounselorRow *self,
                                                 guint             index);
GtkButton  *qing_counselor_row_get_button (QingCounselorRow *self,
                                           guint             index);
const char *qing_counselor_row_get_title  (QingCounselorRow *self);

G_END_DECLS
