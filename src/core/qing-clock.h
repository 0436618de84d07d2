/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QING_TYPE_CLOCK (qing_clock_get_type ())
G_DECLARE_FINAL_TYPE (QingClock, qing_clock, QING, CLOCK, GObject)

/**
 * QingClockAlarmFunc:
 * @clock: the clock
 * @user_data: data given to qing_clock_add_alarm()
 *
 * Called once, when the clock has reached the alarm's time.
 */
typedef void (*QingClockAlarmFunc) (QingClock *clock, gpointer user_data);

QingClock *qing_clock_new_system (void);
QingClock *qing_clock_new_manual (GDateTime *now);

gboolean   qing_clock_is_manual (QingClock *self);
gint64     qing_clock_get_now_unix (QingClock *self);
GDateTime *qing_clock_get_now (QingClock *self);
GTimeZone *qing_clock_get_timezone (QingClock *self);

void       qing_clock_set_now (QingClock *self, GDateTime *now);
void       qing_clock_advance (QingClock *self, GTimeSpan seconds);

guint      qing_clock_add_alarm (QingClock         *self,
                                 gint64             when_unix,
                                 QingClockAlarmFunc func,
                                 gpointer           user_data,
                                 GDestroyNotify     destroy);
void       qing_clock_remove_alarm (QingClock *self, guint alarm_id);

G_END_DECLS
