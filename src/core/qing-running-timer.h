/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "qing-types.h"

G_BEGIN_DECLS

#define QING_TYPE_RUNNING_TIMER (qing_running_timer_get_type ())
G_DECLARE_FINAL_TYPE (QingRunningTimer, qing_running_timer, QING, RUNNING_TIMER, GObject)

gint64    qing_running_timer_get_id           (QingRunningTimer *self);
const char *qing_running_timer_get_uuid       (QingRunningTimer *self);
gint64    qing_running_timer_get_student_id   (QingRunningTimer *self);
gint64    qing_running_timer_get_listener_id  (QingRunningTimer *self);
QingRole  qing_running_timer_get_role         (QingRunningTimer *self);
gint64    qing_running_timer_get_started_utc  (QingRunningTimer *self);
gint64    qing_running_timer_get_paused_utc   (QingRunningTimer *self);
gint64    qing_running_timer_get_paused_total (QingRunningTimer *self);
gboolean  qing_running_timer_get_paused       (QingRunningTimer *self);
gint64    qing_running_timer_get_elapsed      (QingRunningTimer *self,
                                               gint64            now_unix);
gint64    qing_running_timer_get_last_seen_utc (QingRunningTimer *self);
gboolean  qing_running_timer_get_with_guardian (QingRunningTimer *self);
gint64    qing_running_timer_get_guardian_id   (QingRunningTimer *self);

G_END_DECLS
