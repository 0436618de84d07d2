/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes that the views make in several steps (a person and their class, a
 * student and their group, "Me" and its role), each done in one
 * transaction: all steps are saved or none is.  On failure the objects
 * passed in that were new look unsaved again (their "id" is 0), so the
 * caller may simply try again without making a second copy.
 */
#pragma once

#include "qing-repository.h"

G_BEGIN_DECLS

gint64   qing_store_ensure_local_person   (QingStore      *self,
                                           QingRole        role,
                                           QingPersonKind  kind,
                                           const char     *name,
                                           GError        **error);
gboolean qing_store_save_child_with_class (QingStore      *self,
                                           gint64          guardian_id,
                                           QingPerson     *child,
                                           const char     *class_name,
                                           GError        **error);
gboolean qing_store_add_student_to_group  (QingStore      *self,
                                           QingPerson     *student,
                                           QingGroup      *group,
                                           GError        **error);
gboolean qing_store_move_to_new_group     (QingStore      *self,
                                           gint64          student_id,
                                           QingGroup      *group,
                                           GError        **error);

G_END_DECLS
