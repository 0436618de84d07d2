/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People (students, guardians, staff), guardian–child links and the care
 * level history, and the live lists of a guardian's children and of all
 * students.  Names are ordered by the pinyin sort key (qing-pinyin.h),
 * kept in persons.pinyin_key, so 阿明 陈七 李四 … whatever the UI language.
 */
#include "qing-repository-private.h"
#include "qing-pinyin.h"

#include <string.h>

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* Returns a new person from a row starting with QING_PERSON_COLUMNS. */
QingPerson *
qing_repository_person_from_row (QingStore *store, QingStoreStmt *stmt)
{
  return g_object_new (QING_TYPE_PERSON,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", COL_TEXT (stmt, 1),
                       "kind", sqlite3_column_int (stmt, 2),
                       "name", COL_TEXT (stmt, 3),
                       "pinyin-key", COL_TEXT (stmt, 4),
                       "gender", sqlite3_column_int (stmt, 5),
                       "birthday", COL_TEXT (stmt, 6),
                       "student-number", COL_TEXT (stmt, 7),
                       "phone", COL_TEXT (stmt, 8),
                       "care-level", sqlite3_column_int (stmt, 9),
                       "class-name", COL_TEXT (stmt, 10),
                       "note", COL_TEXT (stmt, 11),
                       NULL);
}

/* Steps @stmt to the end, collecting one person per row. */
static GPtrArray *
collect_persons (QingStore *self, QingStoreStmt *stmt, GError **error)
{
  return qing_repository_collect (self, stmt, (QingRowFunc) qing_repository_person_from_row,
                                  _("Reading the list of people"), error);
}

static gboolean
check_person (QingPerson *person, GError **error)
{
  const char *name = qing_person_get_name (person);
  GDate *birthday = NULL;

  if (qing_repository_is_blank (name))
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID, _("Enter a name."));
  if (qing_person_get_birthday (person) != NULL)
    {
      birthday = qing_person_dup_birthday_date (person);
      if (birthday == NULL)
        return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                     _("The birthday is not a date. Write it as 2014-03-05."));
      g_date_free (birthday);
    }
  return TRUE;
}

/* Turns a UNIQUE failure on the student number into a sentence. */
static gboolean
set_person_write_error (QingStore *self, QingPerson *person, GError **error)
{
  sqlite3 *db = qing_store_get_db (self);

  if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE
      && strstr (sqlite3_errmsg (db), "student_number") != NULL)
    {
      g_set_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_DUPLICATE,
                   _("The student number “%s” already belongs to someone else."),
                   qing_person_get_student_number (person));
      return FALSE;
    }
  return qing_repository_set_write_error (self, _("Saving the person"), error);
}

static void
bind_person (QingStoreStmt *stmt, QingPerson *person, const char *pinyin_key)
{
  sqlite3_bind_int (stmt, 2, qing_person_get_kind (person));
  sqlite3_bind_text (stmt, 3, qing_person_get_name (person), -1, SQLITE_TRANSIENT);
  qing_repository_bind_text (stmt, 4, pinyin_key);
  sqlite3_bind_int (stmt, 5, qing_person_get_gender (person));
  qing_repository_bind_text (stmt, 6, qing_person_get_birthday (person));
  qing_repository_bind_text (stmt, 7, qing_person_get_student_number (person));
  qing_repository_bind_text (stmt, 8, qing_person_get_phone (person));
  qing_repository_bind_text (stmt, 10, qing_person_get_note (person));
}

/* Saves a new person and fills in its "id", "uuid" and "pinyin-key"
 * (a "uuid" already set is kept). */
gboolean
qing_store_add_person (QingStore *self, QingPerson *person, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_PERSON (person), FALSE);

  if (!check_person (person, error))
    return FALSE;
  stmt = qing_store_prepare (self,
                             "INSERT INTO persons (uuid, kind, name, pinyin_key, gender, birthday,"
                             " student_number, phone, note, created_utc, updated_utc)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10, ?9, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  uuid = qing_person_get_uuid (person) != NULL ? g_strdup (qing_person_get_uuid (person))
                                               : qing_store_new_uuid ();
  key = qing_pinyin_sort_key (qing_person_get_name (person));
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  bind_person (stmt, person, key);
  sqlite3_bind_int64 (stmt, 9, qing_store_now (self));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_person_write_error (self, person, error);

  id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  g_object_set (person, "id", id, "uuid", uuid, "pinyin-key", key, NULL);
  qing_store_emit_changed (self, "persons", id, QING_STORE_CHANGE_ADDED);
  return TRUE;
}

/* Saves the edited fields of a saved person (name, kind, gender, birthday,
 * student number, phone, note) and refreshes its "pinyin-key". */
gboolean
qing_store_update_person (QingStore *self, QingPerson *person, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_PERSON (person), FALSE);
  g_return_val_if_fail (qing_person_get_id (person) > 0, FALSE);

  if (!check_person (person, error))
    return FALSE;
  stmt = qing_store_prepare (self,
                             "UPDATE persons SET kind = ?2, name = ?3, pinyin_key = ?4,"
                             " gender = ?5, birthday = ?6, student_number = ?7, phone = ?8,"
                             " note = ?10, updated_utc = ?9 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  key = qing_pinyin_sort_key (qing_person_get_name (person));
  sqlite3_bind_int64 (stmt, 1, qing_person_get_id (person));
  bind_person (stmt, person, key);
  sqlite3_bind_int64 (stmt, 9, qing_store_now (self));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_person_write_error (self, person, error);
  if (sqlite3_changes (qing_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This person is no longer in the database."));
      return FALSE;
    }
  g_object_set (person, "pinyin-key", key, NULL);
  qing_store_emit_changed (self, "persons", qing_person_get_id (person),
                           QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Returns the person with @person_id (full reference), or NULL with
 * QING_STORE_ERROR_NOT_FOUND. */
QingPerson *
qing_store_get_person (QingStore *self, gint64 person_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  stmt = qing_store_prepare (self, "SELECT " QING_PERSON_COLUMNS " FROM persons p"
                                   " WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return (gpointer) qing_repository_fetch_one (self, stmt, (QingRowFunc) qing_repository_person_from_row,
                                              _("This person is no longer in the database."),
                                              _("Reading a person"), error);
}

/* Fills @records with what removing @person_id would delete with them:
 * the talks, mood entries and flags about them, and running timers. */
gboolean
qing_store_count_person_records (QingStore         *self,
                                 gint64             person_id,
                                 QingPersonRecords *records,
                                 GError           **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  stmt = qing_store_prepare (self,
                             "SELECT (SELECT count(*) FROM talks WHERE student_id = ?1),"
                             " (SELECT count(*) FROM moods WHERE student_id = ?1),"
                             " (SELECT count(*) FROM flags WHERE student_id = ?1),"
                             " (SELECT count(*) FROM running_timers"
                             "   WHERE student_id = ?1 OR listener_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return qing_store_set_error_from_db (self, error, _("Counting a person’s records"));
  records->n_talks = sqlite3_column_int (stmt, 0);
  records->n_moods = sqlite3_column_int (stmt, 1);
  records->n_flags = sqlite3_column_int (stmt, 2);
  records->n_timers = sqlite3_column_int (stmt, 3);
  return TRUE;
}

/* Collects the ids @sql returns for @person_id. */
static GArray *
collect_ids (QingStore *self, const char *sql, gint64 person_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (self, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (self, error, _("Removing a person"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

typedef struct
{
  gint64             person_id;
  QingPersonRecords *removed;
} RemovePerson;

/* The rows that go with a person, announced as removed. */
static const struct { const char *table; const char *sql; } cascaded[] = {
  { "talks", "SELECT id FROM talks WHERE student_id = ?1" },
  { "moods", "SELECT id FROM moods WHERE student_id = ?1" },
  { "flags", "SELECT id FROM flags WHERE student_id = ?1" },
  { "running_timers", "SELECT id FROM running_timers WHERE student_id = ?1 OR listener_id = ?1" },
  { "guardian_links", "SELECT id FROM guardian_links WHERE child_id = ?1 OR guardian_id = ?1" },
  { "group_members", "SELECT id FROM group_members WHERE student_id = ?1" },
};

static gboolean
remove_person_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  RemovePerson *data = user_data;
  g_autoptr (QingStoreStmt) stmt = NULL;

  if (!qing_store_count_person_records (self, data->person_id, data->removed, error))
    return FALSE;
  for (guint t = 0; t < G_N_ELEMENTS (cascaded); t++)
    {
      g_autoptr (GArray) ids = collect_ids (self, cascaded[t].sql, data->person_id, error);
      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        qing_store_emit_changed (self, cascaded[t].table, g_array_index (ids, gint64, i),
                                 QING_STORE_CHANGE_REMOVED);
    }

  stmt = qing_store_prepare (self, "DELETE FROM persons WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->person_id);
  if (!qing_repository_step_write (self, stmt, _("Removing a person"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This person is no longer in the database."));
      return FALSE;
    }
  qing_store_emit_changed (self, "persons", data->person_id, QING_STORE_CHANGE_REMOVED);
  return TRUE;
}

/* Removes a person and, for a student, every talk, mood entry, flag, care
 * level, timer and membership about them, in one transaction.  Records a
 * removed adult wrote about others stay, without an author.  @removed
 * (may be NULL) receives what was deleted; ask first with
 * qing_store_count_person_records(). */
gboolean
qing_store_remove_person (QingStore         *self,
                          gint64             person_id,
                          QingPersonRecords *removed,
                          GError           **error)
{
  QingPersonRecords counts = { 0 };
  RemovePerson data = { person_id, removed != NULL ? removed : &counts };

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  return qing_store_transaction (self, remove_person_in_transaction, &data, error);
}

/* Returns every student not archived, in pinyin order (a new array of
 * QingPerson). */
GPtrArray *
qing_store_list_students (QingStore *self, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  stmt = qing_store_prepare (self, "SELECT " QING_PERSON_COLUMNS " FROM persons p"
                                   " WHERE p.kind = 1 AND p.archived = 0" QING_PERSON_ORDER,
                             error);
  return stmt != NULL ? collect_persons (self, stmt, error) : NULL;
}

/* Returns the id of the person this installation speaks for in @role
 * (local_roles), or 0 when none is set (not an error); -1 on error. */
gint64
qing_store_get_local_person (QingStore *self, QingRole role, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), -1);

  stmt = qing_store_prepare (self, "SELECT person_id FROM local_roles WHERE role = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, role);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  qing_store_set_error_from_db (self, error, _("Reading who uses this computer"));
  return -1;
}

/* Makes @person_id the person this installation speaks for in @role
 * (0 forgets it).  Announced as a change of "local_roles". */
gboolean
qing_store_set_local_person (QingStore *self, QingRole role, gint64 person_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (role >= QING_ROLE_PARENT && role <= QING_ROLE_PEER, FALSE);

  stmt = qing_store_prepare (self, person_id > 0
                             ? "INSERT INTO local_roles (role, person_id, created_utc, updated_utc)"
                               " VALUES (?1, ?2, ?3, ?3) ON CONFLICT (role) DO UPDATE"
                               " SET person_id = excluded.person_id, updated_utc = ?3"
                               " RETURNING id"
                             : "DELETE FROM local_roles WHERE role = ?1 RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, role);
  if (person_id > 0)
    {
      sqlite3_bind_int64 (stmt, 2, person_id);
      sqlite3_bind_int64 (stmt, 3, qing_store_now (self));
    }
  db = qing_store_get_db (self);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        sqlite3_step (stmt);
        sqlite3_reset (stmt);
        qing_store_emit_changed (self, "local_roles", id, person_id > 0
                                 ? QING_STORE_CHANGE_UPDATED : QING_STORE_CHANGE_REMOVED);
        return TRUE;
      }
    case SQLITE_DONE:
      return TRUE;
    default:
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                               _("This person is no longer in the database."));
          return FALSE;
        }
      return qing_repository_set_write_error (self, _("Saving who uses this computer"), error);
    }
}

static gint64
find_link (QingStore *self, gint64 guardian_id, gint64 child_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, "SELECT id FROM guardian_links"
                                   " WHERE guardian_id = ?1 AND child_id = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, guardian_id);
  sqlite3_bind_int64 (stmt, 2, child_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Links a guardian to a child (@relation such as "母亲" may be NULL);
 * linking again only updates the relation. */
gboolean
qing_store_link_guardian (QingStore  *self,
                          gint64      guardian_id,
                          gint64      child_id,
                          const char *relation,
                          GError    **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 id;
  gboolean added;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  id = find_link (self, guardian_id, child_id, error);
  if (id < 0)
    return FALSE;
  added = id == 0;
  stmt = qing_store_prepare (self, id == 0
                             ? "INSERT INTO guardian_links (guardian_id, child_id, relation,"
                               " created_utc, updated_utc) VALUES (?1, ?2, ?3, ?4, ?4)"
                             : "UPDATE guardian_links SET relation = ?3, updated_utc = ?4"
                               " WHERE guardian_id = ?1 AND child_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, guardian_id);
  sqlite3_bind_int64 (stmt, 2, child_id);
  qing_repository_bind_text (stmt, 3, relation);
  sqlite3_bind_int64 (stmt, 4, qing_store_now (self));
  if (!qing_repository_step_write (self, stmt, _("Linking a guardian and a child"), error))
    return FALSE;
  if (id == 0)
    id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  qing_store_emit_changed (self, "guardian_links", id,
                           added ? QING_STORE_CHANGE_ADDED : QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Removes the link between a guardian and a child (nothing else). */
gboolean
qing_store_unlink_guardian (QingStore *self, gint64 guardian_id, gint64 child_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  id = find_link (self, guardian_id, child_id, error);
  if (id <= 0)
    return id == 0;
  stmt = qing_store_prepare (self, "DELETE FROM guardian_links WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!qing_repository_step_write (self, stmt, _("Unlinking a guardian and a child"), error))
    return FALSE;
  qing_store_emit_changed (self, "guardian_links", id, QING_STORE_CHANGE_REMOVED);
  return TRUE;
}

typedef struct
{
  gint64      guardian_id;
  QingPerson *child;
  const char *relation;
} AddChild;

static gboolean
add_child_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  AddChild *data = user_data;

  return qing_store_add_person (self, data->child, error)
         && qing_store_link_guardian (self, data->guardian_id, qing_person_get_id (data->child),
                                      data->relation, error);
}

/* Saves a new child (a QING_PERSON_STUDENT) and links it to @guardian_id,
 * both or neither. */
gboolean
qing_store_add_child (QingStore  *self,
                      gint64      guardian_id,
                      QingPerson *child,
                      const char *relation,
                      GError    **error)
{
  AddChild data = { guardian_id, child, relation };

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_PERSON (child), FALSE);

  qing_person_set_kind (child, QING_PERSON_STUDENT);
  if (!qing_store_transaction (self, add_child_in_transaction, &data, error))
    {
      /* Nothing was saved: the object must not look saved either. */
      g_object_set (child, "id", (gint64) 0, NULL);
      return FALSE;
    }
  return TRUE;
}

#define CHILDREN_SQL \
  "SELECT " QING_PERSON_COLUMNS " FROM persons p" \
  " JOIN guardian_links gl ON gl.child_id = p.id WHERE gl.guardian_id = ?1"

/* Returns a guardian's children in pinyin order (a new array of QingPerson). */
GPtrArray *
qing_store_list_children (QingStore *self, gint64 guardian_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  stmt = qing_store_prepare (self, CHILDREN_SQL QING_PERSON_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, guardian_id);
  return collect_persons (self, stmt, error);
}

/* Returns a child's guardians in pinyin order (a new array of QingPerson). */
GPtrArray *
qing_store_list_guardians (QingStore *self, gint64 child_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  stmt = qing_store_prepare (self, "SELECT " QING_PERSON_COLUMNS " FROM persons p"
                                   " JOIN guardian_links gl ON gl.guardian_id = p.id"
                                   " WHERE gl.child_id = ?1" QING_PERSON_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return collect_persons (self, stmt, error);
}

/* Live lists of people. */

static GObject *
query_one_person (QingStore *self, const char *sql, gint64 key, gint64 id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, id);
  return qing_repository_fetch_one (self, stmt, (QingRowFunc) qing_repository_person_from_row, NULL,
                                    _("Reading a person"), error);
}

static GPtrArray *
children_query_all (QingStore *self, const QingRecordScope *scope, GError **error)
{
  return qing_store_list_children (self, scope->key, error);
}

static GObject *
children_query_one (QingStore *self, const QingRecordScope *scope, gint64 id, GError **error)
{
  return query_one_person (self, CHILDREN_SQL " AND p.id = ?2", scope->key, id, error);
}

static GPtrArray *
students_query_all (QingStore *self, const QingRecordScope *scope, GError **error)
{
  return qing_store_list_students (self, error);
}

static GObject *
students_query_one (QingStore *self, const QingRecordScope *scope, gint64 id, GError **error)
{
  return query_one_person (self, "SELECT " QING_PERSON_COLUMNS " FROM persons p"
                                 " WHERE p.kind = 1 AND p.archived = 0 AND ?1 = ?1"
                                 " AND p.id = ?2", 0, id, error);
}

/* Tables whose changes can add, remove or change a person of a list. */
static const QingRecordListRelated children_related[] = {
  { "guardian_links", QING_GUARDIAN_LINKS_ITEM_SQL },
  { "group_members", QING_GROUP_MEMBERS_ITEM_SQL },
  { "student_groups", NULL },
  { NULL }
};

static const QingRecordListRelated students_related[] = {
  { "group_members", QING_GROUP_MEMBERS_ITEM_SQL },
  { "student_groups", NULL },
  { NULL }
};

static const QingRecordListSpec children_spec = {
  .item_type = qing_person_get_type,
  .table = "persons",
  .related = children_related,
  .query_all = children_query_all,
  .query_one = children_query_one,
  .compare = qing_repository_compare_persons,
  .equal = qing_repository_persons_equal,
};

static const QingRecordListSpec students_spec = {
  .item_type = qing_person_get_type,
  .table = "persons",
  .related = students_related,
  .query_all = students_query_all,
  .query_one = students_query_one,
  .compare = qing_repository_compare_persons,
  .equal = qing_repository_persons_equal,
};

/* Returns a live list of a guardian's children (QingPerson, pinyin order);
 * full reference. */
GListModel *
qing_store_list_children_model (QingStore *self, gint64 guardian_id)
{
  QingRecordScope scope = { .key = guardian_id };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  return qing_record_list_new (self, &children_spec, &scope);
}

/* Returns a live list of every student (QingPerson, pinyin order); full
 * reference. */
GListModel *
qing_store_list_students_model (QingStore *self)
{
  QingRecordScope scope = { 0 };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  return qing_record_list_new (self, &students_spec, &scope);
}
