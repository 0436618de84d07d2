/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingCounselorView: the counselor role page (心理老师).  Three sections:
 *  - Overview: what needs attention — open flags from mentors and parents,
 *    most serious first (危机 first, with who was told), care level
 *    proposals to confirm or decline (with a reason), and the cadence
 *    lists: key-care students this month (1 talk required, 2 the target)
 *    and students with clear signs this week, each with a button that
 *    starts the shared listening timer (the talk is confidential by
 *    default: visibility COUNSELOR);
 *  - Cases (个案): open a case from a flag or for a student; the case page
 *    shows its append-only timeline;
 *  - Appointments (预约) and duty (值班): who is on duty today, the week's
 *    roster, and the appointments of the coming days (confirm, done —
 *    which records the talk — or cancel).
 * The counselor is the local staff person for QING_ROLE_COUNSELOR (made
 * on first use).  Nothing of a case or a note goes into a notification.
 *
 * Properties (construct-only): store, clock, timer-service (made from
 * store and clock if NULL).  Read-only: counselor-id.
 *
 * Actions (group "counselor"; x = an id): back, open-case-from-flag x
 * (flag), mark-flag-seen x, confirm-proposal x, decline-proposal x (asks
 * a reason), start-talk x (student), finish-timer x (student),
 * open-student-case x, open-case x, new-case, edit-duty s (day
 * YYYY-MM-DD), new-appointment, confirm-appointment x,
 * complete-appointment x, cancel-appointment x, show-section s.
 */
#pragma once

#include <adwaita.h>

#include "qing-timer-service.h"
#include "counselor/qing-case-page.h"

G_BEGIN_DECLS

#define QING_TYPE_COUNSELOR_VIEW (qing_counselor_view_get_type ())
G_DECLARE_FINAL_TYPE (QingCounselorView, qing_counselor_view, QING, COUNSELOR_VIEW, GtkWidget)

/* Creates the counselor page (floating); @clock and @service may be NULL. */
GtkWidget    *qing_counselor_view_new            (QingStore        *store,
                                                  QingClock        *clock,
                                                  QingTimerService *service);
/* Registers the view as the counselor role's page of every window made
 * afterwards (call once at start-up). */
void          qing_counselor_view_register       (void);

gint64        qing_counselor_view_get_counselor_id (QingCounselorView *self);
/* Re-reads every list now (otherwise done in an idle after a change). */
void          qing_counselor_view_refresh        (QingCounselorView *self);
/* "main", "case" or "timer" (static string). */
const char   *qing_counselor_view_get_page       (QingCounselorView *self);
QingCasePage *qing_counselor_view_get_case_page  (QingCounselorView *self);
/* The lists as shown (transfer none): "flags" (QingFlag), "proposals"
 * (QingCareProposal), "key-care" and "clear-signs" (QingCareStatusRow),
 * "cases" (QingCase), "duty" (QingDutyDay), "appointments"
 * (QingAppointment). */
GListModel   *qing_counselor_view_get_list       (QingCounselorView *self,
                                                  const char        *name);
/* The dialog open now, or NULL (for tests). */
GtkWindow    *qing_counselor_view_get_dialog     (QingCounselorView *self);

G_END_DECLS
