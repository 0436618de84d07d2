/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingStreakBadge: the current and the longest run of days that reached
 * the daily goal, side by side ("5 days · current streak").
 *
 * Properties:
 *   current  guint  days in the current streak (read/write)
 *   longest  guint  days in the longest streak (read/write)
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QING_TYPE_STREAK_BADGE (qing_streak_badge_get_type ())
G_DECLARE_FINAL_TYPE (QingStreakBadge, qing_streak_badge, QING, STREAK_BADGE, GtkWidget)

GtkWidget  *qing_streak_badge_new (void);
guint       qing_streak_badge_get_current (QingStreakBadge *self);
void        qing_streak_badge_set_current (QingStreakBadge *self,
                                           guint            days);
guint       qing_streak_badge_get_longest (QingStreakBadge *self);
void        qing_streak_badge_set_longest (QingStreakBadge *self,
                                           guint            days);
const char *qing_streak_badge_get_accessible_text (QingStreakBadge *self);

G_END_DECLS
