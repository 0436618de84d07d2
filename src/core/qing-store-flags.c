/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Flags raised to the counselor (提请关注).  A crisis (危机) flag cannot be
 * saved without saying who was told at once: the mentor must have
 * already acted, and the record must show it.  Flags are visible to
 * whoever raised them and to counselors (VISIBILITY_COUNSELOR), never to
 * guardians or other mentors.
 */
#include "qing-repository-private.h"

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* Returns a new flag from a row starting with QING_FLAG_COLUMNS. */
QingFlag *
qing_repository_flag_from_row (QingStore *store, QingStoreStmt *stmt)
{
  return g_object_new (QING_TYPE_FLAG,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", COL_TEXT (stmt, 1),
                       "student-id", sqlite3_column_int64 (stmt, 2),
                       "raised-by", sqlite3_column_int64 (stmt, 3),
                       "raised-role", sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                      ? QING_ROLE_MENTOR : sqlite3_column_int (stmt, 4),
                       "raised-at-utc", sqlite3_column_int64 (stmt, 5),
                       "severity", sqlite3_column_int (stmt, 6),
                       "observed", COL_TEXT (stmt, 7),
                       "who-was-told", COL_TEXT (stmt, 8),
                       "status", sqlite3_column_int (stmt, 9),
                       NULL);
}

static gboolean
check_flag (QingFlag *flag, GError **error)
{
  if (qing_flag_get_student_id (flag) <= 0)
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Choose the student the flag is about."));
  if (qing_repository_is_blank (qing_flag_get_observed (flag)))
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Write what you observed before raising the flag."));
  if (qing_flag_get_severity (flag) == QING_SEVERITY_CRISIS
      && qing_repository_is_blank (qing_flag_get_who_was_told (flag)))
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_CRISIS_UNTOLD,
                                 _("A crisis flag cannot be saved without saying who was told. "
                                   "Tell the counselor on duty or the school’s crisis contact "
                                   "now, then write down who you told."));
  return TRUE;
}

/* Saves a new flag, raised now by the store's clock, and fills in its
 * "id", "uuid", "raised-at-utc" and "status" (open).  A crisis flag
 * without "who-was-told" is refused with QING_REPOSITORY_ERROR_CRISIS_UNTOLD. */
gboolean
qing_store_raise_flag (QingStore *self, QingFlag *flag, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  gint64 id, now;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_FLAG (flag), FALSE);

  if (!check_flag (flag, error))
    return FALSE;
  stmt = qing_store_prepare (self, "INSERT INTO flags (uuid, student_id, raised_by, raised_role,"
                                   " raised_at_utc, severity, observed, who_was_told, status,"
                                   " visibility, created_utc, updated_utc)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, 1, ?5, ?5)",
                             error);
  if (stmt == NULL)
    return FALSE;
  uuid = qing_flag_get_uuid (flag) != NULL ? g_strdup (qing_flag_get_uuid (flag))
                                           : qing_store_new_uuid ();
  now = qing_store_now (self);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, qing_flag_get_student_id (flag));
  qing_repository_bind_id (stmt, 3, qing_flag_get_raised_by (flag));
  sqlite3_bind_int (stmt, 4, qing_flag_get_raised_role (flag));
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int (stmt, 6, qing_flag_get_severity (flag));
  sqlite3_bind_text (stmt, 7, qing_flag_get_observed (flag), -1, SQLITE_TRANSIENT);
  qing_repository_bind_text (stmt, 8, qing_flag_get_who_was_told (flag));
  if (!qing_repository_step_write (self, stmt, _("Raising the flag"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  g_object_set (flag, "id", id, "uuid", uuid, "raised-at-utc", now,
                "status", QING_FLAG_OPEN, NULL);
  qing_store_emit_changed (self, "flags", id, QING_STORE_CHANGE_ADDED);
  return TRUE;
}

/* Sets where a flag stands (a counselor has seen it, taken it into a
 * case, or closed it). */
gboolean
qing_store_set_flag_status (QingStore *self, gint64 flag_id, QingFlagStatus status,
                            GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (status >= QING_FLAG_OPEN && status <= QING_FLAG_CLOSED, FALSE);

  stmt = qing_store_prepare (self, "UPDATE flags SET status = ?2, updated_utc = ?3"
                                   " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, flag_id);
  sqlite3_bind_int (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, qing_store_now (self));
  if (!qing_repository_step_write (self, stmt, _("Saving the flag"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This flag is no longer in the database."));
      return FALSE;
    }
  qing_store_emit_changed (self, "flags", flag_id, QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

#define OPEN_FLAGS_SQL \
  "SELECT " QING_FLAG_COLUMNS " FROM flags f WHERE f.status < 3" \
  " AND " QING_VISIBLE_SQL ("f", "raised_by", "raised_role")
#define OPEN_FLAGS_ORDER " ORDER BY f.severity DESC, f.raised_at_utc, f.id"

/* Returns the flags not closed that @viewer may see, most serious first,
 * then oldest first (a new array of QingFlag). */
GPtrArray *
qing_store_list_open_flags (QingStore *self, const QingViewer *viewer, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);

  stmt = qing_store_prepare (self, OPEN_FLAGS_SQL OPEN_FLAGS_ORDER, error);
  if (stmt == NULL)
    return NULL;
  qing_repository_bind_viewer (stmt, viewer);
  return qing_repository_collect (self, stmt, (QingRowFunc) qing_repository_flag_from_row,
                                  _("Reading the flags"), error);
}

static GPtrArray *
flags_query_all (QingStore *self, const QingRecordScope *scope, GError **error)
{
  return qing_store_list_open_flags (self, &scope->viewer, error);
}

static GObject *
flags_query_one (QingStore *self, const QingRecordScope *scope, gint64 id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, OPEN_FLAGS_SQL " AND f.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  qing_repository_bind_viewer (stmt, &scope->viewer);
  return qing_repository_fetch_one (self, stmt, (QingRowFunc) qing_repository_flag_from_row, NULL,
                                    _("Reading the flags"), error);
}

static int
compare_flags (GObject *a, GObject *b)
{
  QingFlag *x = QING_FLAG (a), *y = QING_FLAG (b);
  gint64 tx = qing_flag_get_raised_at_utc (x), ty = qing_flag_get_raised_at_utc (y);
  gint64 ix = qing_flag_get_id (x), iy = qing_flag_get_id (y);

  if (qing_flag_get_severity (x) != qing_flag_get_severity (y))
    return qing_flag_get_severity (x) > qing_flag_get_severity (y) ? -1 : 1;
  if (tx != ty)
    return tx < ty ? -1 : 1;
  return (ix > iy) - (ix < iy);
}

static const QingRecordListSpec flags_spec = {
  .item_type = qing_flag_get_type,
  .table = "flags",
  .related = NULL,
  .query_all = flags_query_all,
  .query_one = flags_query_one,
  .compare = compare_flags,
};

/* Returns a live list (full reference) of the open flags @viewer may see,
 * most serious first. */
GListModel *
qing_store_list_open_flags_model (QingStore *self, const QingViewer *viewer)
{
  QingRecordScope scope = { 0 };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);
  scope.viewer = *viewer;
  return qing_record_list_new (self, &flags_spec, &scope);
}
