/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "qing-types.h"

G_BEGIN_DECLS

#define QING_TYPE_TALK (qing_talk_get_type ())
G_DECLARE_FINAL_TYPE (QingTalk, qing_talk, QING, TALK, GObject)

QingTalk       *qing_talk_new                  (gint64    student_id,
                                                gint64    listener_id,
                                                QingRole  listener_role,
                                                gint64    start_utc,
                                                gint      duration_s);
QingTalk       *qing_talk_copy                 (QingTalk *self);

gint64          qing_talk_get_id               (QingTalk *self);
const char     *qing_talk_get_uuid             (QingTalk *self);
gint64          qing_talk_get_student_id       (QingTalk *self);
void            qing_talk_set_student_id       (QingTalk *self,
                                                gint64    student_id);
gint64          qing_talk_get_listener_id      (QingTalk *self);
void            qing_talk_set_listener_id      (QingTalk *self,
                                                gint64    listener_id);
QingRole        qing_talk_get_listener_role    (QingTalk *self);
void            qing_talk_set_listener_role    (QingTalk *self,
                                                QingRole  role);
gint64          qing_talk_get_start_utc        (QingTalk *self);
void            qing_talk_set_start_utc        (QingTalk *self,
                                                gint64    start_utc);
GDateTime      *qing_talk_dup_start            (QingTalk *self);
GDateTime      *qing_talk_dup_start_local      (QingTalk  *self,
                                                GTimeZone *tz);
gint            qing_talk_get_duration         (QingTalk *self);
void            qing_talk_set_duration         (QingTalk *self,
                                                gint      duration_s);
gboolean        qing_talk_get_effective        (QingTalk *self);
const char     *qing_talk_get_place            (QingTalk *self);
void            qing_talk_set_place            (QingTalk   *self,
                                                const char *place);
QingTalkMode    qing_talk_get_mode             (QingTalk *self);
void            qing_talk_set_mode             (QingTalk     *self,
                                                QingTalkMode  mode);
const char * const *qing_talk_get_topics       (QingTalk *self);
void            qing_talk_set_topics           (QingTalk           *self,
                                                const char * const *topics);
const char     *qing_talk_get_note             (QingTalk *self);
void            qing_talk_set_note             (QingTalk   *self,
                                                const char *note);
QingVisibility  qing_talk_get_visibility       (QingTalk *self);
void            qing_talk_set_visibility       (QingTalk       *self,
                                                QingVisibility  visibility);
gboolean        qing_talk_get_with_guardian    (QingTalk *self);
void            qing_talk_set_with_guardian    (QingTalk *self,
                                                gboolean  with_guardian);
gint64          qing_talk_get_guardian_id      (QingTalk *self);
void            qing_talk_set_guardian_id      (QingTalk *self,
                                                gint64    guardian_id);

G_END_DECLS
