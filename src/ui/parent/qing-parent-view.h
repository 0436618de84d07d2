/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingParentView: the "family" role page (家庭).  A parent sees at a glance
 * whether each child has had their fifteen minutes today, starts the
 * listening timer, finishes it with a few details, records how the child
 * felt, and looks back at the history and the mood trend of each child.
 *
 * The guardian is the local user; the view creates that person on first
 * use when the store has none.
 *
 * Properties (construct-only):
 *   store          QingStore
 *   clock          QingClock
 *   timer-service  QingTimerService  (made from store and clock if NULL)
 * Read-only:
 *   guardian-id    gint64
 *
 * Actions (group "parent"; "x" = a child's id unless said otherwise):
 *   add-child, edit-child x, remove-child x, open-child x, start x,
 *   open-timer x, finish-timer x, record-mood x, add-talk x,
 *   edit-talk x (talk id), remove-talk x (talk id), undo-remove-talk,
 *   tell-mentor x, back
 */
#pragma once

#include <adwaita.h>

#include "qing-timer-service.h"
#include "parent/qing-child-card.h"
#include "parent/qing-child-page.h"
#include "parent/qing-timer-page.h"

G_BEGIN_DECLS

#define QING_TYPE_PARENT_VIEW (qing_parent_view_get_type ())
G_DECLARE_FINAL_TYPE (QingParentView, qing_parent_view, QING, PARENT_VIEW, GtkWidget)

GtkWidget        *qing_parent_view_new               (QingStore        *store,
                                                      QingClock        *clock,
                                                      QingTimerService *service);
void              qing_parent_view_register          (void);

gint64            qing_parent_view_get_guardian_id   (QingParentView *self);
QingTimerService *qing_parent_view_get_timer_service (QingParentView *self);
const char       *qing_parent_view_get_page          (QingParentView *self);
QingChildCard    *qing_parent_view_get_card          (QingParentView *self,
                                                      gint64          child_id);
QingChildPage    *qing_parent_view_get_child_page    (QingParentView *self);
QingTimerPage    *qing_parent_view_get_timer_page    (QingParentView *self);
GtkWindow        *qing_parent_view_get_dialog        (QingParentView *self);
void              qing_parent_view_refresh           (QingParentView *self);

G_END_DECLS
