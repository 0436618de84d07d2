/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A class (班级) or a mentor group (小组) of a subject teacher. */
typedef enum
{
  QING_GROUP_CLASS  = 1,
  QING_GROUP_MENTOR = 2,
} QingGroupKind;

#define QING_TYPE_GROUP (qing_group_get_type ())
G_DECLARE_FINAL_TYPE (QingGroup, qing_group, QING, GROUP, GObject)

QingGroup     *qing_group_new            (QingGroupKind  kind,
                                          const char    *name,
                                          gint64         mentor_id);

gint64         qing_group_get_id         (QingGroup *self);
const char    *qing_group_get_uuid       (QingGroup *self);
QingGroupKind  qing_group_get_kind       (QingGroup *self);
const char    *qing_group_get_name       (QingGroup *self);
void           qing_group_set_name       (QingGroup  *self,
                                          const char *name);
gint64         qing_group_get_mentor_id  (QingGroup *self);
void           qing_group_set_mentor_id  (QingGroup *self,
                                          gint64     mentor_id);
guint          qing_group_get_n_students (QingGroup *self);

G_END_DECLS
