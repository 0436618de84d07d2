/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingChildCard: one child on the parent's Today page — the name, a ring
 * with today's minutes against 15, the current streak ("连续 5 天") and a
 * prominent "Start listening" button, or, while a timer runs for the
 * child, the running time and "Open timer".  Its buttons activate the
 * parent view's actions (parent.start, parent.open-timer, parent.open-child)
 * with the child's id.  The view feeds it today's saved seconds, whether
 * the day is done and the streak (qing_child_card_set_day()) and the
 * running timer, if any (qing_child_card_set_running()); the ring shows
 * the minutes added up, but is reached (green) only with one talk of 15
 * minutes; short talks adding up to 15 show a hint under it instead.
 *
 * Properties:
 *   child  QingPerson  the child shown (construct-only)
 */
#pragma once

#include <adwaita.h>

#include "qing-person.h"
#include "shared/qing-ring.h"

G_BEGIN_DECLS

#define QING_TYPE_CHILD_CARD (qing_child_card_get_type ())
G_DECLARE_FINAL_TYPE (QingChildCard, qing_child_card, QING, CHILD_CARD, GtkWidget)

GtkWidget  *qing_child_card_new              (QingPerson *child);
QingPerson *qing_child_card_get_child        (QingChildCard *self);
void        qing_child_card_set_day          (QingChildCard *self,
                                              guint          saved_seconds,
                                              gboolean       done_today,
                                              guint          streak_days);
void        qing_child_card_set_running      (QingChildCard *self,
                                              gint64         running_elapsed,
                                              gboolean       paused);
QingRing   *qing_child_card_get_ring         (QingChildCard *self);
GtkWidget  *qing_child_card_get_start_button (QingChildCard *self);
const char *qing_child_card_get_running_text (QingChildCard *self);
const char *qing_child_card_get_hint_text    (QingChildCard *self);

G_END_DECLS
