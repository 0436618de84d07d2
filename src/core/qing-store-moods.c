/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mood journal (情绪日记): entries saved, edited, removed, and listed
 * for one student as the viewer may see them.
 *
 * Energy is stored on the schema's −3 … +3 scale: low −1, medium 0,
 * high +1, NULL when not given; any negative value reads back as low and
 * any positive one as high.
 */
#include "qing-repository-private.h"

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

static QingEnergy
energy_from_column (QingStoreStmt *stmt, int column)
{
  int value;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return QING_ENERGY_UNSET;
  value = sqlite3_column_int (stmt, column);
  return value < 0 ? QING_ENERGY_LOW : value > 0 ? QING_ENERGY_HIGH : QING_ENERGY_MEDIUM;
}

static void
bind_energy (QingStoreStmt *stmt, int index, QingEnergy energy)
{
  if (energy == QING_ENERGY_UNSET)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, (int) energy - QING_ENERGY_MEDIUM);
}

/* Returns a new entry from a row starting with QING_MOOD_COLUMNS. */
QingMoodEntry *
qing_repository_mood_from_row (QingStore *store, QingStoreStmt *stmt)
{
  g_auto (GStrv) words = NULL;
  g_auto (GStrv) areas = NULL;

  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    words = qing_store_strv_from_json (store, COL_TEXT (stmt, 8));
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    areas = qing_store_strv_from_json (store, COL_TEXT (stmt, 9));
  return g_object_new (QING_TYPE_MOOD_ENTRY,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", COL_TEXT (stmt, 1),
                       "student-id", sqlite3_column_int64 (stmt, 2),
                       "recorded-by", sqlite3_column_int64 (stmt, 3),
                       "recorder-role", sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                        ? QING_ROLE_PARENT : sqlite3_column_int (stmt, 4),
                       "at-utc", sqlite3_column_int64 (stmt, 5),
                       "valence", sqlite3_column_int (stmt, 6),
                       "energy", energy_from_column (stmt, 7),
                       "emotion-words", words,
                       "life-areas", areas,
                       "note", COL_TEXT (stmt, 10),
                       "visibility", sqlite3_column_int (stmt, 11),
                       "talk-id", sqlite3_column_int64 (stmt, 12),
                       NULL);
}

static gboolean
check_mood (QingMoodEntry *entry, GError **error)
{
  if (qing_mood_entry_get_student_id (entry) <= 0)
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Choose whose mood this is."));
  return TRUE;
}

/* Binds the entry's values to ?3 … ?14 (?1 id, ?2 uuid). */
static void
bind_mood (QingStore *self, QingStoreStmt *stmt, QingMoodEntry *entry)
{
  g_autofree char *words = qing_store_strv_to_json (qing_mood_entry_get_emotion_words (entry));
  g_autofree char *areas = qing_store_strv_to_json (qing_mood_entry_get_life_areas (entry));

  sqlite3_bind_int64 (stmt, 3, qing_mood_entry_get_student_id (entry));
  qing_repository_bind_id (stmt, 4, qing_mood_entry_get_recorded_by (entry));
  sqlite3_bind_int (stmt, 5, qing_mood_entry_get_recorder_role (entry));
  sqlite3_bind_int64 (stmt, 6, qing_mood_entry_get_at_utc (entry));
  sqlite3_bind_int (stmt, 7, qing_mood_entry_get_valence (entry));
  bind_energy (stmt, 8, qing_mood_entry_get_energy (entry));
  if (words != NULL)
    sqlite3_bind_text (stmt, 9, words, -1, SQLITE_TRANSIENT);
  if (areas != NULL)
    sqlite3_bind_text (stmt, 10, areas, -1, SQLITE_TRANSIENT);
  qing_repository_bind_text (stmt, 11, qing_mood_entry_get_note (entry));
  sqlite3_bind_int (stmt, 12, qing_mood_entry_get_visibility (entry));
  qing_repository_bind_id (stmt, 13, qing_mood_entry_get_talk_id (entry));
  sqlite3_bind_int64 (stmt, 14, qing_store_now (self));
}

/* Saves a new mood entry and fills in its "id" and "uuid" (an entry from
 * qing_store_remove_mood() keeps its uuid, and its id when free). */
gboolean
qing_store_add_mood (QingStore *self, QingMoodEntry *entry, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (entry), FALSE);

  if (!check_mood (entry, error))
    return FALSE;
  stmt = qing_store_prepare (self,
                             "INSERT INTO moods (id, uuid, student_id, recorded_by, recorded_role,"
                             " at_utc, valence, energy, emotion_words, life_areas, note,"
                             " visibility, talk_id, created_utc, updated_utc)"
                             " VALUES (CASE WHEN ?1 IS NULL OR EXISTS (SELECT 1 FROM moods"
                             "   WHERE id = ?1) THEN NULL ELSE ?1 END,"
                             " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
                             error);
  if (stmt == NULL)
    return FALSE;
  uuid = qing_mood_entry_get_uuid (entry) != NULL ? g_strdup (qing_mood_entry_get_uuid (entry))
                                                  : qing_store_new_uuid ();
  qing_repository_bind_id (stmt, 1, qing_mood_entry_get_id (entry));
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  bind_mood (self, stmt, entry);
  if (!qing_repository_step_write (self, stmt, _("Saving the mood entry"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  g_object_set (entry, "id", id, "uuid", uuid, NULL);
  qing_store_emit_changed (self, "moods", id, QING_STORE_CHANGE_ADDED);
  return TRUE;
}

/* Saves the changed values of a saved mood entry. */
gboolean
qing_store_update_mood (QingStore *self, QingMoodEntry *entry, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (entry), FALSE);
  g_return_val_if_fail (qing_mood_entry_get_id (entry) > 0, FALSE);

  if (!check_mood (entry, error))
    return FALSE;
  stmt = qing_store_prepare (self,
                             "UPDATE moods SET student_id = ?3, recorded_by = ?4,"
                             " recorded_role = ?5, at_utc = ?6, valence = ?7, energy = ?8,"
                             " emotion_words = ?9, life_areas = ?10, note = ?11,"
                             " visibility = ?12, talk_id = ?13, updated_utc = ?14 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, qing_mood_entry_get_id (entry));
  bind_mood (self, stmt, entry);
  if (!qing_repository_step_write (self, stmt, _("Saving the mood entry"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This mood entry is no longer in the database."));
      return FALSE;
    }
  qing_store_emit_changed (self, "moods", qing_mood_entry_get_id (entry),
                           QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

typedef struct
{
  gint64         mood_id;
  QingMoodEntry *removed;
} RemoveMood;

static gboolean
remove_mood_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  RemoveMood *data = user_data;
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  stmt = qing_store_prepare (self, "SELECT " QING_MOOD_COLUMNS " FROM moods m WHERE m.id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->mood_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This mood entry is no longer in the database."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return qing_store_set_error_from_db (self, error, _("Removing the mood entry"));
  data->removed = qing_repository_mood_from_row (self, stmt);
  g_clear_pointer (&stmt, qing_store_stmt_release);

  stmt = qing_store_prepare (self, "DELETE FROM moods WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->mood_id);
  if (!qing_repository_step_write (self, stmt, _("Removing the mood entry"), error))
    return FALSE;
  qing_store_emit_changed (self, "moods", data->mood_id, QING_STORE_CHANGE_REMOVED);
  return TRUE;
}

/* Removes a mood entry.  Returns it as it was (full reference) so Undo can
 * give it to qing_store_add_mood(); NULL with @error set. */
QingMoodEntry *
qing_store_remove_mood (QingStore *self, gint64 mood_id, GError **error)
{
  RemoveMood data = { mood_id, NULL };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  if (!qing_store_transaction (self, remove_mood_in_transaction, &data, error))
    {
      g_clear_object (&data.removed);
      return NULL;
    }
  return data.removed;
}

#define STUDENT_MOODS_SQL \
  "SELECT " QING_MOOD_COLUMNS " FROM moods m" \
  " WHERE " QING_VISIBLE_SQL ("m", "recorded_by", "recorded_role") \
  " AND m.student_id = ?1 AND m.at_utc >= ?2 AND m.at_utc < ?3"

/* Returns a mood entry @viewer may see (full reference); NULL with
 * QING_STORE_ERROR_NOT_FOUND if there is none or they may not see it. */
QingMoodEntry *
qing_store_get_mood (QingStore *self, const QingViewer *viewer, gint64 mood_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);

  stmt = qing_store_prepare (self, "SELECT " QING_MOOD_COLUMNS " FROM moods m WHERE "
                                   QING_VISIBLE_SQL ("m", "recorded_by", "recorded_role")
                                   " AND m.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, mood_id);
  qing_repository_bind_viewer (stmt, viewer);
  return (gpointer) qing_repository_fetch_one (self, stmt, (QingRowFunc) qing_repository_mood_from_row,
                                              _("This mood entry is no longer in the database."),
                                              _("Reading the mood journal"), error);
}

/* Returns the entries about @student_id noted in [@from_utc, @to_utc) that
 * @viewer may see, oldest first (a new array of QingMoodEntry). */
GPtrArray *
qing_store_list_moods (QingStore        *self,
                       const QingViewer *viewer,
                       gint64            student_id,
                       gint64            from_utc,
                       gint64            to_utc,
                       GError          **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);

  stmt = qing_store_prepare (self, STUDENT_MOODS_SQL " ORDER BY m.at_utc, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, student_id);
  sqlite3_bind_int64 (stmt, 2, from_utc);
  sqlite3_bind_int64 (stmt, 3, to_utc);
  qing_repository_bind_viewer (stmt, viewer);
  return qing_repository_collect (self, stmt, (QingRowFunc) qing_repository_mood_from_row,
                                  _("Reading the mood journal"), error);
}

static GPtrArray *
moods_query_all (QingStore *self, const QingRecordScope *scope, GError **error)
{
  return qing_store_list_moods (self, &scope->viewer, scope->key, scope->from_utc, scope->to_utc,
                                error);
}

static GObject *
moods_query_one (QingStore *self, const QingRecordScope *scope, gint64 id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, STUDENT_MOODS_SQL " AND m.id = ?4", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scope->key);
  sqlite3_bind_int64 (stmt, 2, scope->from_utc);
  sqlite3_bind_int64 (stmt, 3, scope->to_utc);
  sqlite3_bind_int64 (stmt, 4, id);
  qing_repository_bind_viewer (stmt, &scope->viewer);
  return qing_repository_fetch_one (self, stmt, (QingRowFunc) qing_repository_mood_from_row, NULL,
                                    _("Reading the mood journal"), error);
}

static int
compare_moods (GObject *a, GObject *b)
{
  QingMoodEntry *x = QING_MOOD_ENTRY (a), *y = QING_MOOD_ENTRY (b);
  gint64 tx = qing_mood_entry_get_at_utc (x), ty = qing_mood_entry_get_at_utc (y);
  gint64 ix = qing_mood_entry_get_id (x), iy = qing_mood_entry_get_id (y);

  if (tx != ty)
    return tx < ty ? -1 : 1;
  return (ix > iy) - (ix < iy);
}

static const QingRecordListSpec moods_spec = {
  .item_type = qing_mood_entry_get_type,
  .table = "moods",
  .related = NULL,
  .query_all = moods_query_all,
  .query_one = moods_query_one,
  .compare = compare_moods,
};

/* Returns a live list (full reference) of the mood entries about
 * @student_id noted in [@from_utc, @to_utc) that @viewer may see. */
GListModel *
qing_store_list_moods_model (QingStore        *self,
                             const QingViewer *viewer,
                             gint64            student_id,
                             gint64            from_utc,
                             gint64            to_utc)
{
  QingRecordScope scope = { student_id, from_utc, to_utc, { 0 } };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);
  scope.viewer = *viewer;
  return qing_record_list_new (self, &moods_spec, &scope);
}
