/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care levels (重点关爱对象, 有明显心理问题倾向) with their history: who set
 * or proposed a level, when and why, and who confirmed it.  Mentors
 * propose, counselors confirm or decline; a counselor may also set a
 * level directly.  persons.care_level follows the latest confirmed row
 * (triggers of the schema), so a student's QingPerson "care-level" is the
 * level in force.
 */
#include "qing-repository-private.h"

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

static gboolean
check_level (QingCareLevel level, const char *reason, GError **error)
{
  if (level < QING_CARE_NORMAL || level > QING_CARE_CLEAR_SIGNS)
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("This care level does not exist."));
  if (level != QING_CARE_NORMAL && qing_repository_is_blank (reason))
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Say why the student needs this care level."));
  return TRUE;
}

static gint64
insert_change (QingStore     *self,
               gint64         student_id,
               QingCareLevel  level,
               gboolean       confirmed,
               gint64         by,
               QingRole       role,
               const char    *reason,
               GError       **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 id;

  if (!check_level (level, reason, error))
    return 0;
  stmt = qing_store_prepare (self, "INSERT INTO care_levels (student_id, level, status, set_by,"
                                   " set_by_role, set_at_utc, reason, confirmed_by,"
                                   " confirmed_at_utc, created_utc, updated_utc)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                                   " CASE ?3 WHEN 1 THEN ?4 END, CASE ?3 WHEN 1 THEN ?6 END,"
                                   " ?6, ?6)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, student_id);
  sqlite3_bind_int (stmt, 2, level);
  sqlite3_bind_int (stmt, 3, confirmed ? QING_CARE_CHANGE_CONFIRMED : QING_CARE_CHANGE_PROPOSED);
  qing_repository_bind_id (stmt, 4, by);
  if (role != 0)
    sqlite3_bind_int (stmt, 5, role);
  sqlite3_bind_int64 (stmt, 6, qing_store_now (self));
  qing_repository_bind_text (stmt, 7, reason);
  if (!qing_repository_step_write (self, stmt, _("Saving the care level"), error))
    return 0;
  id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  qing_store_emit_changed (self, "care_levels", id, QING_STORE_CHANGE_ADDED);
  if (confirmed)
    qing_store_emit_changed (self, "persons", student_id, QING_STORE_CHANGE_UPDATED);
  return id;
}

/* Sets a student's care level at once (a counselor's decision), with who
 * set it and why; @reason is required for any level above normal. */
gboolean
qing_store_set_care_level (QingStore     *self,
                           gint64         student_id,
                           QingCareLevel  level,
                           gint64         set_by,
                           QingRole       set_by_role,
                           const char    *reason,
                           GError       **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  return insert_change (self, student_id, level, TRUE, set_by, set_by_role, reason, error) > 0;
}

/* Records a mentor's proposal of a care level for a counselor to decide.
 * Returns the proposal's id, or 0 with @error set. */
gint64
qing_store_propose_care_level (QingStore     *self,
                               gint64         student_id,
                               QingCareLevel  level,
                               gint64         proposed_by,
                               QingRole       proposed_by_role,
                               const char    *reason,
                               GError       **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), 0);
  return insert_change (self, student_id, level, FALSE, proposed_by, proposed_by_role, reason,
                        error);
}

typedef struct
{
  gint64      change_id;
  gint64      counselor_id;
  gboolean    confirm;
  const char *note;
} Decide;

static gboolean
decide_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  Decide *data = user_data;
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 student_id;

  stmt = qing_store_prepare (self, "UPDATE care_levels SET status = ?2, confirmed_by = ?3,"
                                   " confirmed_at_utc = ?4, updated_utc = ?4, decision_note = ?5"
                                   " WHERE id = ?1 AND status = 0 RETURNING student_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->change_id);
  sqlite3_bind_int (stmt, 2, data->confirm ? QING_CARE_CHANGE_CONFIRMED
                                           : QING_CARE_CHANGE_DECLINED);
  qing_repository_bind_id (stmt, 3, data->counselor_id);
  sqlite3_bind_int64 (stmt, 4, qing_store_now (self));
  qing_repository_bind_text (stmt, 5, data->note);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      student_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      break;
    case SQLITE_DONE:
      return qing_repository_fail (error, QING_REPOSITORY_ERROR_NOT_PENDING,
                                   _("This care level proposal has already been decided."));
    default:
      return qing_store_set_error_from_db (self, error, _("Deciding on a care level"));
    }
  qing_store_emit_changed (self, "care_levels", data->change_id, QING_STORE_CHANGE_UPDATED);
  if (data->confirm)
    qing_store_emit_changed (self, "persons", student_id, QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* A counselor confirms (@confirm TRUE) or declines a proposed care level,
 * with @note (why; may be NULL) kept in the change's decision_note; a
 * confirmed level is in force from now. */
gboolean
qing_store_decide_care_level (QingStore  *self,
                              gint64      change_id,
                              gint64      counselor_id,
                              gboolean    confirm,
                              const char *note,
                              GError    **error)
{
  Decide data = { change_id, counselor_id, confirm, note };

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  return qing_store_transaction (self, decide_in_transaction, &data, error);
}

static GPtrArray *
collect_changes (QingStore *self, QingStoreStmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (
    (GDestroyNotify) qing_care_level_change_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingCareLevelChange *change = g_new0 (QingCareLevelChange, 1);

      change->id = sqlite3_column_int64 (stmt, 0);
      change->student_id = sqlite3_column_int64 (stmt, 1);
      change->level = sqlite3_column_int (stmt, 2);
      change->status = sqlite3_column_int (stmt, 3);
      change->set_by = sqlite3_column_int64 (stmt, 4);
      change->set_by_role = sqlite3_column_int (stmt, 5);
      change->set_at_utc = sqlite3_column_int64 (stmt, 6);
      change->reason = g_strdup (COL_TEXT (stmt, 7));
      change->confirmed_by = sqlite3_column_int64 (stmt, 8);
      change->confirmed_at_utc = sqlite3_column_int64 (stmt, 9);
      change->decision_note = g_strdup (COL_TEXT (stmt, 10));
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (self, error, _("Reading care levels"));
      return NULL;
    }
  return g_steal_pointer (&changes);
}

#define CHANGE_COLUMNS \
  "id, student_id, level, status, set_by, set_by_role, set_at_utc, reason, confirmed_by," \
  " confirmed_at_utc, decision_note"

/* Returns a student's care level history, newest first (a new array of
 * QingCareLevelChange). */
GPtrArray *
qing_store_list_care_level_history (QingStore *self, gint64 student_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  stmt = qing_store_prepare (self, "SELECT " CHANGE_COLUMNS " FROM care_levels"
                                   " WHERE student_id = ?1 ORDER BY set_at_utc DESC, id DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, student_id);
  return collect_changes (self, stmt, error);
}

/* Returns the proposals no counselor has decided yet, oldest first (a new
 * array of QingCareLevelChange). */
GPtrArray *
qing_store_list_care_level_proposals (QingStore *self, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  stmt = qing_store_prepare (self, "SELECT " CHANGE_COLUMNS " FROM care_levels"
                                   " WHERE status = 0 ORDER BY set_at_utc, id", error);
  return stmt != NULL ? collect_changes (self, stmt, error) : NULL;
}
