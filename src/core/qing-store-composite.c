/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Multi-step writes of the views, each in one transaction; see
 * qing-store-composite.h.
 */
#include "qing-store-composite.h"

#include "qing-store-private.h"

/* ---- "Me" in a role ---- */

typedef struct
{
  QingRole        role;
  QingPersonKind  kind;
  const char     *name;
  gint64          id;
} EnsureLocal;

static gboolean
ensure_local_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  EnsureLocal *data = user_data;
  g_autoptr (QingPerson) me = NULL;

  /* Read again inside the transaction: nobody can have set it meanwhile. */
  data->id = qing_store_get_local_person (self, data->role, error);
  if (data->id != 0)
    return data->id > 0;
  me = qing_person_new (data->kind, data->name);
  if (!qing_store_add_person (self, me, error)
      || !qing_store_set_local_person (self, data->role, qing_person_get_id (me), error))
    return FALSE;
  data->id = qing_person_get_id (me);
  return TRUE;
}

/* Returns the id of the person this installation speaks for in @role; when
 * there is none, saves a new person of @kind named @name and makes it that
 * person, both or neither.  0 with @error set on failure. */
gint64
qing_store_ensure_local_person (QingStore      *self,
                                QingRole        role,
                                QingPersonKind  kind,
                                const char     *name,
                                GError        **error)
{
  EnsureLocal data = { role, kind, name, 0 };

  g_return_val_if_fail (QING_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  data.id = qing_store_get_local_person (self, role, error);
  if (data.id != 0)
    return MAX (data.id, 0);
  if (!qing_store_transaction (self, ensure_local_in_transaction, &data, error))
    return 0;
  return data.id;
}

/* ---- A child and their class ---- */

static gint64
find_or_add_class (QingStore *self, const char *class_name, GError **error)
{
  g_autoptr (GPtrArray) groups = qing_store_list_groups (self, 0, error);
  g_autoptr (QingGroup) group = NULL;

  if (groups == NULL)
    return 0;
  for (guint i = 0; i < groups->len; i++)
    {
      QingGroup *g = g_ptr_array_index (groups, i);

      if (qing_group_get_kind (g) == QING_GROUP_CLASS
          && g_strcmp0 (qing_group_get_name (g), class_name) == 0)
        return qing_group_get_id (g);
    }
  group = qing_group_new (QING_GROUP_CLASS, class_name, 0);
  if (!qing_store_add_group (self, group, error))
    return 0;
  return qing_group_get_id (group);
}

typedef struct
{
  gint64      guardian_id;
  QingPerson *child;
  const char *class_name;
} SaveChild;

static gboolean
save_child_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  SaveChild *data = user_data;
  gint64 group_id;

  if (qing_person_get_id (data->child) == 0)
    {
      if (!qing_store_add_child (self, data->guardian_id, data->child, NULL, error))
        return FALSE;
    }
  else if (!qing_store_update_person (self, data->child, error))
    return FALSE;
  if (data->class_name == NULL || *data->class_name == '\0')
    return TRUE;
  group_id = find_or_add_class (self, data->class_name, error);
  return group_id != 0
         && qing_store_move_to_group (self, qing_person_get_id (data->child), group_id, error);
}

/* Saves @child (added and linked to @guardian_id when it has no id yet,
 * updated otherwise) and puts it into the class named @class_name, made if
 * there is none of that name (an empty or NULL name leaves the class as it
 * is): all or nothing. */
gboolean
qing_store_save_child_with_class (QingStore  *self,
                                  gint64      guardian_id,
                                  QingPerson *child,
                                  const char *class_name,
                                  GError    **error)
{
  SaveChild data = { guardian_id, child, class_name };
  gboolean is_new;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_PERSON (child), FALSE);

  is_new = qing_person_get_id (child) == 0;
  if (qing_store_transaction (self, save_child_in_transaction, &data, error))
    return TRUE;
  /* Nothing was saved: a new child must not look saved either. */
  if (is_new)
    g_object_set (child, "id", (gint64) 0, NULL);
  return FALSE;
}

/* ---- A student and their group ---- */

typedef struct
{
  gint64      student_id;
  QingPerson *student;
  QingGroup  *group;
} GroupWrite;

static gboolean
add_student_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  GroupWrite *data = user_data;

  if (qing_group_get_id (data->group) == 0 && !qing_store_add_group (self, data->group, error))
    return FALSE;
  return qing_store_add_person (self, data->student, error)
         && qing_store_add_to_group (self, qing_group_get_id (data->group),
                                     qing_person_get_id (data->student), error);
}

/* Saves the new @student and adds them to @group, saving @group first when
 * it has no id yet: all or nothing. */
gboolean
qing_store_add_student_to_group (QingStore  *self,
                                 QingPerson *student,
                                 QingGroup  *group,
                                 GError    **error)
{
  GroupWrite data = { 0, student, group };
  gboolean new_group;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_PERSON (student), FALSE);
  g_return_val_if_fail (qing_person_get_id (student) == 0, FALSE);
  g_return_val_if_fail (QING_IS_GROUP (group), FALSE);

  new_group = qing_group_get_id (group) == 0;
  if (qing_store_transaction (self, add_student_in_transaction, &data, error))
    return TRUE;
  g_object_set (student, "id", (gint64) 0, NULL);
  if (new_group)
    g_object_set (group, "id", (gint64) 0, NULL);
  return FALSE;
}

static gboolean
move_to_new_group_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  GroupWrite *data = user_data;

  return qing_store_add_group (self, data->group, error)
         && qing_store_move_to_group (self, data->student_id, qing_group_get_id (data->group),
                                      error);
}

/* Saves the new @group and moves @student_id into it (out of the other
 * group of that kind): both or neither. */
gboolean
qing_store_move_to_new_group (QingStore  *self,
                              gint64      student_id,
                              QingGroup  *group,
                              GError    **error)
{
  GroupWrite data = { student_id, NULL, group };

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_GROUP (group), FALSE);
  g_return_val_if_fail (qing_group_get_id (group) == 0, FALSE);

  if (qing_store_transaction (self, move_to_new_group_in_transaction, &data, error))
    return TRUE;
  g_object_set (group, "id", (gint64) 0, NULL);
  return FALSE;
}
