/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingMentorView: the "mentor" role page (结对导师).  A mentor sees who of
 * their class or group is still waiting for this cycle's fifteen-minute
 * talk, plans the talks over the school days left, runs the shared
 * listening timer, and looks after the students who need more: care level
 * proposals, talks with parents, flags raised to the counselor, and the
 * class's peer-support sessions.
 *
 * The mentor is the local user's staff person for QING_ROLE_MENTOR; the
 * view creates that person on first use.
 *
 * Properties (construct-only):
 *   store          QingStore
 *   clock          QingClock        (the store's clock if NULL)
 *   timer-service  QingTimerService (made from store and clock if NULL)
 *   settings       GSettings        (the app's settings, or NULL)
 * Read-only:
 *   mentor-id      gint64
 *
 * Actions (group "mentor"; "x" = a student's id unless said otherwise):
 *   import, add-student, edit-student x, move-student x, open-student x,
 *   start x, finish-timer x, back, show-plan, peer-session,
 *   propose-care (x, i) — student and QingCareLevel, guardian-talk x,
 *   raise-flag x
 */
#pragma once

#include <adwaita.h>

#include "qing-timer-service.h"

G_BEGIN_DECLS

#define QING_TYPE_MENTOR_VIEW (qing_mentor_view_get_type ())
G_DECLARE_FINAL_TYPE (QingMentorView, qing_mentor_view, QING, MENTOR_VIEW, GtkWidget)

/* Creates the mentor page.  Returns: a floating widget. */
GtkWidget        *qing_mentor_view_new               (QingStore        *store,
                                                      QingClock        *clock,
                                                      QingTimerService *service);
/* Registers the view as the mentor role's page of every window made
 * afterwards (call once at start-up). */
void              qing_mentor_view_register          (void);

/* The local mentor's person id. */
gint64            qing_mentor_view_get_mentor_id     (QingMentorView *self);
/* The group shown (0 when the mentor has none yet). */
gint64            qing_mentor_view_get_group_id      (QingMentorView *self);
/* The timer service.  (transfer none) */
QingTimerService *qing_mentor_view_get_timer_service (QingMentorView *self);
/* The page shown: "empty", "roster", "plan", "student" or "timer".
 * (transfer none) */
const char       *qing_mentor_view_get_page          (QingMentorView *self);
/* The roster after filtering by the search (QingRosterEntry items).
 * (transfer none) */
GListModel       *qing_mentor_view_get_visible_rows  (QingMentorView *self);
/* The cycle sentence in the header.  (transfer none) */
const char       *qing_mentor_view_get_header_text   (QingMentorView *self);
/* The peer session status line ("Peer session: done on Nov 25").
 * (transfer none) */
const char       *qing_mentor_view_get_peer_text     (QingMentorView *self);
/* Sets the search text (as if typed). */
void              qing_mentor_view_set_search        (QingMentorView *self,
                                                      const char     *text);
/* Opens the import preview of the CSV file at @path (the file chooser
 * does the same). */
void              qing_mentor_view_import_file       (QingMentorView *self,
                                                      GFile          *file);
/* The dialog the view opened last, while it is open.  (transfer none) */
GtkWindow        *qing_mentor_view_get_dialog        (QingMentorView *self);
/* The plan page.  (transfer none) */
GtkWidget        *qing_mentor_view_get_plan_page     (QingMentorView *self);
/* Recomputes the roster, the agenda and the status lines now. */
void              qing_mentor_view_refresh           (QingMentorView *self);

G_END_DECLS
