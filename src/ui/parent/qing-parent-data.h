/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parent view reads and writes besides the widgets: the local
 * guardian, a child's minutes today and streak, the talk topics and the
 * way elapsed time is written.  Used only by the widgets of src/ui/parent/.
 */
#pragma once

#include "qing-repository.h"
#include "qing-timer-service.h"

G_BEGIN_DECLS

/* The daily goal of the parent rule, in seconds (15 minutes). */
#define QING_PARENT_GOAL_SECONDS QING_EFFECTIVE_TALK_SECONDS

gint64      qing_parent_ensure_guardian     (QingStore   *store,
                                             GError     **error);
QingViewer  qing_parent_viewer              (gint64       guardian_id);

guint       qing_parent_seconds_on_day      (QingStore   *store,
                                             gint64       child_id,
                                             const GDate *day);
void        qing_parent_today               (QingClock   *clock,
                                             GDate       *today);
void        qing_parent_streak              (QingStore         *store,
                                             QingClock         *clock,
                                             gint64             child_id,
                                             QingCadenceStreak *streak);
guint32     qing_parent_days_met            (QingStore   *store,
                                             QingClock   *clock,
                                             gint64       child_id,
                                             const GDate *first_day,
                                             guint        n_days);

char       *qing_parent_format_elapsed      (gint64       seconds);
char       *qing_parent_format_streak       (guint        days);
char       *qing_parent_first_name          (QingPerson  *child);

const char * const *qing_parent_topic_ids    (void);
const char * const *qing_parent_topic_labels (void);
const char *qing_parent_topic_label         (const char  *id);

G_END_DECLS
