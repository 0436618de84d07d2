/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingPlanPage: the mentor's plan for this cycle — the weekly time slots
 * (weekday, start, length, how many talks fit), "Plan this cycle", the plan
 * day by day with move / swap / skip on each talk, an honest "N students
 * will not fit" when the slots are too few, and "Export to Calendar (.ics)".
 *
 * Actions (group "plan"): add-slot, remove-slot x (slot id), plan-cycle,
 * export, skip x, swap x, move x (plan entry ids).
 */
#pragma once

#include <adwaita.h>

#include "qing-store.h"

G_BEGIN_DECLS

#define QING_TYPE_PLAN_PAGE (qing_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (QingPlanPage, qing_plan_page, QING, PLAN_PAGE, GtkWidget)

/* Points the page at @store and the mentor @mentor_id (the view does this
 * once); @group_id: the group planned (0 = all the mentor's groups). */
void        qing_plan_page_setup      (QingPlanPage *self,
                                       QingStore    *store,
                                       gint64        mentor_id,
                                       gint64        group_id);
/* Adds a weekly slot ("Monday 12:30, 30 minutes, 2 talks"). */
gboolean    qing_plan_page_add_slot   (QingPlanPage *self,
                                       guint         weekday,
                                       guint         start_minute,
                                       guint         length_minutes,
                                       guint         capacity,
                                       const char   *label,
                                       GError      **error);
/* "Plan this cycle"; the sentence of what it did is then
 * qing_plan_page_get_result_text(). */
gboolean    qing_plan_page_plan_cycle (QingPlanPage *self,
                                       GError      **error);
/* "12 talks planned." / "… 3 students will not fit …".  (transfer none) */
const char *qing_plan_page_get_result_text (QingPlanPage *self);
/* The plan of this cycle (QingPlanItem items).  (transfer none) */
GListModel *qing_plan_page_get_plan   (QingPlanPage *self);
/* Writes the open talks of this cycle to @file as iCalendar. */
gboolean    qing_plan_page_export     (QingPlanPage *self,
                                       GFile        *file,
                                       GError      **error);
/* The "Move This Talk" dialog while it is open.  (transfer none) */
GtkWindow  *qing_plan_page_get_dialog (QingPlanPage *self);
/* Re-reads slots, cycle and plan. */
void        qing_plan_page_reload     (QingPlanPage *self);

G_END_DECLS
