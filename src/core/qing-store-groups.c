/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Classes and mentor groups, who is in them, and the live list of a
 * group's students.  A student is in at most one class and at most one
 * mentor group (the schema enforces it); moving keeps that true.
 */
#include "qing-repository-private.h"

#include <string.h>

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

#define GROUP_COLUMNS \
  "g.id, g.uuid, g.kind, g.name, g.mentor_id," \
  " (SELECT count(*) FROM group_members c WHERE c.group_id = g.id)"

static QingGroup *
group_from_row (QingStore *self G_GNUC_UNUSED, QingStoreStmt *stmt)
{
  return g_object_new (QING_TYPE_GROUP,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", COL_TEXT (stmt, 1),
                       "kind", sqlite3_column_int (stmt, 2),
                       "name", COL_TEXT (stmt, 3),
                       "mentor-id", sqlite3_column_int64 (stmt, 4),
                       "n-students", sqlite3_column_int (stmt, 5),
                       NULL);
}

static gboolean
check_group (QingGroup *group, GError **error)
{
  if (qing_repository_is_blank (qing_group_get_name (group)))
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Enter a name for the class or group."));
  return TRUE;
}

/* Saves a new class or mentor group and fills in its "id" and "uuid". */
gboolean
qing_store_add_group (QingStore *self, QingGroup *group, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_GROUP (group), FALSE);

  if (!check_group (group, error))
    return FALSE;
  stmt = qing_store_prepare (self, "INSERT INTO student_groups (uuid, kind, name, mentor_id,"
                                   " created_utc, updated_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                             error);
  if (stmt == NULL)
    return FALSE;
  uuid = qing_group_get_uuid (group) != NULL ? g_strdup (qing_group_get_uuid (group))
                                             : qing_store_new_uuid ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, qing_group_get_kind (group));
  sqlite3_bind_text (stmt, 3, qing_group_get_name (group), -1, SQLITE_TRANSIENT);
  qing_repository_bind_id (stmt, 4, qing_group_get_mentor_id (group));
  sqlite3_bind_int64 (stmt, 5, qing_store_now (self));
  if (!qing_repository_step_write (self, stmt, _("Saving the class or group"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  g_object_set (group, "id", id, "uuid", uuid, NULL);
  qing_store_emit_changed (self, "student_groups", id, QING_STORE_CHANGE_ADDED);
  return TRUE;
}

/* Saves a group's name and mentor. */
gboolean
qing_store_update_group (QingStore *self, QingGroup *group, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_GROUP (group), FALSE);

  if (!check_group (group, error))
    return FALSE;
  stmt = qing_store_prepare (self, "UPDATE student_groups SET name = ?2, mentor_id = ?3,"
                                   " updated_utc = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, qing_group_get_id (group));
  sqlite3_bind_text (stmt, 2, qing_group_get_name (group), -1, SQLITE_TRANSIENT);
  qing_repository_bind_id (stmt, 3, qing_group_get_mentor_id (group));
  sqlite3_bind_int64 (stmt, 4, qing_store_now (self));
  if (!qing_repository_step_write (self, stmt, _("Saving the class or group"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This class or group is no longer in the database."));
      return FALSE;
    }
  qing_store_emit_changed (self, "student_groups", qing_group_get_id (group),
                           QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Removes a group and its memberships (the students stay). */
gboolean
qing_store_remove_group (QingStore *self, gint64 group_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  stmt = qing_store_prepare (self, "DELETE FROM student_groups WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  if (!qing_repository_step_write (self, stmt, _("Removing the class or group"), error))
    return FALSE;
  qing_store_emit_changed (self, "student_groups", group_id, QING_STORE_CHANGE_REMOVED);
  return TRUE;
}

/* Returns the group (full reference), or NULL with QING_STORE_ERROR_NOT_FOUND. */
QingGroup *
qing_store_get_group (QingStore *self, gint64 group_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  stmt = qing_store_prepare (self, "SELECT " GROUP_COLUMNS " FROM student_groups g"
                                   " WHERE g.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  return (gpointer) qing_repository_fetch_one (self, stmt, (QingRowFunc) group_from_row,
                                              _("This class or group is no longer in the database."),
                                              _("Reading a class or group"), error);
}

#define GROUPS_SQL \
  "SELECT " GROUP_COLUMNS " FROM student_groups g" \
  " WHERE (?1 = 0 OR g.mentor_id = ?1) AND g.archived = 0"

/* Returns the groups of @mentor_id (0: every group), classes first, then
 * by name (a new array of QingGroup). */
GPtrArray *
qing_store_list_groups (QingStore *self, gint64 mentor_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  stmt = qing_store_prepare (self, GROUPS_SQL " ORDER BY g.kind, g.name, g.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, mentor_id);
  return qing_repository_collect (self, stmt, (QingRowFunc) group_from_row,
                                  _("Reading the classes and groups"), error);
}

/* The kind of group @group_id (0 if there is none), or -1 on error. */
static int
group_kind (QingStore *self, gint64 group_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, "SELECT kind FROM student_groups WHERE id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, group_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                       _("This class or group is no longer in the database."));
  return -1;
}

static gboolean
check_student (QingStore *self, gint64 student_id, GError **error)
{
  g_autoptr (QingPerson) person = qing_store_get_person (self, student_id, error);

  if (person == NULL)
    return FALSE;
  if (qing_person_get_kind (person) != QING_PERSON_STUDENT)
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Only students can be in a class or group."));
  return TRUE;
}

/* Adds a student to a group.  A student already in another group of the
 * same kind is refused: use qing_store_move_to_group(). */
gboolean
qing_store_add_to_group (QingStore *self, gint64 group_id, gint64 student_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  if (group_kind (self, group_id, error) < 0 || !check_student (self, student_id, error))
    return FALSE;
  stmt = qing_store_prepare (self, "INSERT INTO group_members (group_id, group_kind, student_id,"
                                   " joined_utc, created_utc, updated_utc)"
                                   " SELECT g.id, g.kind, ?2, ?3, ?3, ?3 FROM student_groups g"
                                   " WHERE g.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, student_id);
  sqlite3_bind_int64 (stmt, 3, qing_store_now (self));
  db = qing_store_get_db (self);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE
          && strstr (sqlite3_errmsg (db), "group_kind") != NULL)
        return qing_repository_fail (error, QING_REPOSITORY_ERROR_DUPLICATE,
                                     _("This student is already in another class or group "
                                       "of this kind. Move them instead."));
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
        return TRUE; /* already a member: nothing to do */
      return qing_repository_set_write_error (self, _("Adding a student to a group"), error);
    }
  qing_store_emit_changed (self, "group_members", sqlite3_last_insert_rowid (db),
                           QING_STORE_CHANGE_ADDED);
  return TRUE;
}

/* Takes a student out of a group (nothing else is removed). */
gboolean
qing_store_remove_from_group (QingStore *self, gint64 group_id, gint64 student_id,
                              GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  stmt = qing_store_prepare (self, "DELETE FROM group_members WHERE group_id = ?1"
                                   " AND student_id = ?2 RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, student_id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        sqlite3_step (stmt);
        sqlite3_reset (stmt);
        qing_store_emit_changed (self, "group_members", id, QING_STORE_CHANGE_REMOVED);
        return TRUE;
      }
    case SQLITE_DONE:
      return TRUE;
    default:
      return qing_store_set_error_from_db (self, error, _("Taking a student out of a group"));
    }
}

typedef struct
{
  gint64 student_id;
  gint64 to_group_id;
} MoveStudent;

static gboolean
move_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  MoveStudent *data = user_data;
  g_autoptr (QingStoreStmt) stmt = NULL;
  int kind = group_kind (self, data->to_group_id, error);
  gint64 id;

  if (kind < 0 || !check_student (self, data->student_id, error))
    return FALSE;
  stmt = qing_store_prepare (self, "UPDATE group_members SET group_id = ?1, joined_utc = ?4,"
                                   " updated_utc = ?4"
                                   " WHERE student_id = ?2 AND group_kind = ?3 RETURNING id",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->to_group_id);
  sqlite3_bind_int64 (stmt, 2, data->student_id);
  sqlite3_bind_int (stmt, 3, kind);
  sqlite3_bind_int64 (stmt, 4, qing_store_now (self));
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      qing_store_emit_changed (self, "group_members", id, QING_STORE_CHANGE_UPDATED);
      return TRUE;
    case SQLITE_DONE:
      /* Not in a group of that kind yet. */
      return qing_store_add_to_group (self, data->to_group_id, data->student_id, error);
    default:
      return qing_store_set_error_from_db (self, error, _("Moving a student"));
    }
}

/* Moves a student into @to_group_id, out of the group of the same kind
 * they were in (if any), in one transaction. */
gboolean
qing_store_move_to_group (QingStore *self, gint64 student_id, gint64 to_group_id,
                          GError **error)
{
  MoveStudent data = { student_id, to_group_id };

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  return qing_store_transaction (self, move_in_transaction, &data, error);
}

#define GROUP_STUDENTS_SQL \
  "SELECT " QING_PERSON_COLUMNS " FROM persons p" \
  " JOIN group_members gm ON gm.student_id = p.id WHERE gm.group_id = ?1"

/* Returns a group's students in pinyin order (a new array of QingPerson). */
GPtrArray *
qing_store_list_group_students (QingStore *self, gint64 group_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  stmt = qing_store_prepare (self, GROUP_STUDENTS_SQL QING_PERSON_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  return qing_repository_collect (self, stmt, (QingRowFunc) qing_repository_person_from_row,
                                  _("Reading the students of a group"), error);
}

static GPtrArray *
group_students_query_all (QingStore *self, const QingRecordScope *scope, GError **error)
{
  return qing_store_list_group_students (self, scope->key, error);
}

static GObject *
group_students_query_one (QingStore *self, const QingRecordScope *scope, gint64 id,
                          GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, GROUP_STUDENTS_SQL " AND p.id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scope->key);
  sqlite3_bind_int64 (stmt, 2, id);
  return qing_repository_fetch_one (self, stmt, (QingRowFunc) qing_repository_person_from_row, NULL,
                                    _("Reading a person"), error);
}

static const QingRecordListRelated group_related[] = {
  { "group_members", QING_GROUP_MEMBERS_ITEM_SQL },
  { "student_groups", NULL },
  { NULL }
};

static const QingRecordListSpec group_students_spec = {
  .item_type = qing_person_get_type,
  .table = "persons",
  .related = group_related,
  .query_all = group_students_query_all,
  .query_one = group_students_query_one,
  .compare = qing_repository_compare_persons,
  .equal = qing_repository_persons_equal,
};

/* Returns a live list of a group's students (QingPerson, pinyin order);
 * full reference. */
GListModel *
qing_store_list_group_students_model (QingStore *self, gint64 group_id)
{
  QingRecordScope scope = { .key = group_id };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  return qing_record_list_new (self, &group_students_spec, &scope);
}

static GPtrArray *
groups_query_all (QingStore *self, const QingRecordScope *scope, GError **error)
{
  return qing_store_list_groups (self, scope->key, error);
}

static GObject *
groups_query_one (QingStore *self, const QingRecordScope *scope, gint64 id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, GROUPS_SQL " AND g.id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scope->key);
  sqlite3_bind_int64 (stmt, 2, id);
  return qing_repository_fetch_one (self, stmt, (QingRowFunc) group_from_row, NULL,
                                    _("Reading a class or group"), error);
}

static int
compare_groups (GObject *a, GObject *b)
{
  QingGroup *x = QING_GROUP (a), *y = QING_GROUP (b);
  gint64 ix = qing_group_get_id (x), iy = qing_group_get_id (y);
  int c = (int) qing_group_get_kind (x) - (int) qing_group_get_kind (y);

  if (c == 0)
    c = qing_repository_compare_text (qing_group_get_name (x), qing_group_get_name (y));
  if (c == 0)
    c = (ix > iy) - (ix < iy);
  return c;
}

/* A membership changes the group's number of students. */
static const QingRecordListRelated groups_related[] = {
  { "group_members", "SELECT group_id FROM group_members WHERE id = ?1" },
  { NULL }
};

static const QingRecordListSpec groups_spec = {
  .item_type = qing_group_get_type,
  .table = "student_groups",
  .related = groups_related,
  .query_all = groups_query_all,
  .query_one = groups_query_one,
  .compare = compare_groups,
};

/* Returns a live list (full reference) of the groups of @mentor_id (0:
 * every group), classes first, then by name. */
GListModel *
qing_store_list_groups_model (QingStore *self, gint64 mentor_id)
{
  QingRecordScope scope = { .key = mentor_id };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  return qing_record_list_new (self, &groups_spec, &scope);
}
