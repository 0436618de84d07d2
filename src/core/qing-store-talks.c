/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Talks (谈心): saving, editing, removing (with what Undo needs), lists
 * for one student filtered by who is looking, listening time per local
 * day, and the spans the cadence engine reads for many students at once.
 *
 * The day of a talk is the local calendar day, in the clock's time zone,
 * in which it STARTED: a talk from 23:50 to 00:10 counts 20 minutes for
 * the first day.
 */
#include "qing-repository-private.h"

#include <string.h>

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* Longest talk accepted, so a timer left running for a week is caught. */
#define MAX_TALK_SECONDS (24 * 60 * 60)

/* Returns a new talk from a row starting with QING_TALK_COLUMNS. */
QingTalk *
qing_repository_talk_from_row (QingStore *store, QingStoreStmt *stmt)
{
  g_auto (GStrv) topics = NULL;

  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    topics = qing_store_strv_from_json (store, COL_TEXT (stmt, 9));
  return g_object_new (QING_TYPE_TALK,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", COL_TEXT (stmt, 1),
                       "student-id", sqlite3_column_int64 (stmt, 2),
                       "listener-id", sqlite3_column_int64 (stmt, 3),
                       "listener-role", sqlite3_column_int (stmt, 4),
                       "start-utc", sqlite3_column_int64 (stmt, 5),
                       "duration", sqlite3_column_int (stmt, 6),
                       "place", COL_TEXT (stmt, 7),
                       "mode", sqlite3_column_int (stmt, 8),
                       "topics", topics,
                       "note", COL_TEXT (stmt, 10),
                       "visibility", sqlite3_column_int (stmt, 11),
                       "with-guardian", sqlite3_column_int (stmt, 12) != 0,
                       "guardian-id", sqlite3_column_int64 (stmt, 13),
                       NULL);
}

static gboolean
check_talk (QingTalk *talk, GError **error)
{
  if (qing_talk_get_student_id (talk) <= 0)
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Choose the student the talk was with."));
  if (qing_talk_get_duration (talk) > MAX_TALK_SECONDS)
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("A talk cannot last longer than a day. Check its length."));
  return TRUE;
}

/* Binds the talk's values to ?2 … ?14 (?1 is the id). */
static void
bind_talk (QingStore *self, QingStoreStmt *stmt, QingTalk *talk)
{
  g_autofree char *topics = qing_store_strv_to_json (qing_talk_get_topics (talk));

  sqlite3_bind_int64 (stmt, 3, qing_talk_get_student_id (talk));
  qing_repository_bind_id (stmt, 4, qing_talk_get_listener_id (talk));
  sqlite3_bind_int (stmt, 5, qing_talk_get_listener_role (talk));
  sqlite3_bind_int64 (stmt, 6, qing_talk_get_start_utc (talk));
  sqlite3_bind_int (stmt, 7, qing_talk_get_duration (talk));
  qing_repository_bind_text (stmt, 8, qing_talk_get_place (talk));
  sqlite3_bind_int (stmt, 9, qing_talk_get_mode (talk));
  if (topics != NULL)
    sqlite3_bind_text (stmt, 10, topics, -1, SQLITE_TRANSIENT);
  qing_repository_bind_text (stmt, 11, qing_talk_get_note (talk));
  sqlite3_bind_int (stmt, 12, qing_talk_get_visibility (talk));
  sqlite3_bind_int (stmt, 13, qing_talk_get_with_guardian (talk));
  qing_repository_bind_id (stmt, 14, qing_talk_get_guardian_id (talk));
  sqlite3_bind_int64 (stmt, 15, qing_store_now (self));
}

/* Saves a new talk and fills in its "id" and "uuid".  A talk that already
 * has a uuid and id (one returned by qing_store_remove_talk(), for Undo)
 * is saved again under the same uuid, and the same id when it is free. */
gboolean
qing_store_add_talk (QingStore *self, QingTalk *talk, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_TALK (talk), FALSE);

  if (!check_talk (talk, error))
    return FALSE;
  stmt = qing_store_prepare (self,
                             "INSERT INTO talks (id, uuid, student_id, listener_id, listener_role,"
                             " start_utc, duration_s, place, mode, topics, note, visibility,"
                             " with_guardian, guardian_id, created_utc, updated_utc)"
                             " VALUES (CASE WHEN ?1 IS NULL OR EXISTS (SELECT 1 FROM talks"
                             "   WHERE id = ?1) THEN NULL ELSE ?1 END,"
                             " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
                             error);
  if (stmt == NULL)
    return FALSE;
  uuid = qing_talk_get_uuid (talk) != NULL ? g_strdup (qing_talk_get_uuid (talk))
                                           : qing_store_new_uuid ();
  qing_repository_bind_id (stmt, 1, qing_talk_get_id (talk));
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  bind_talk (self, stmt, talk);
  if (!qing_repository_step_write (self, stmt, _("Saving the talk"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  g_object_set (talk, "id", id, "uuid", uuid, NULL);
  qing_store_emit_changed (self, "talks", id, QING_STORE_CHANGE_ADDED);
  return TRUE;
}

/* Saves the changed values of a saved talk. */
gboolean
qing_store_update_talk (QingStore *self, QingTalk *talk, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_TALK (talk), FALSE);
  g_return_val_if_fail (qing_talk_get_id (talk) > 0, FALSE);

  if (!check_talk (talk, error))
    return FALSE;
  stmt = qing_store_prepare (self,
                             "UPDATE talks SET student_id = ?3, listener_id = ?4,"
                             " listener_role = ?5, start_utc = ?6, duration_s = ?7, place = ?8,"
                             " mode = ?9, topics = ?10, note = ?11, visibility = ?12,"
                             " with_guardian = ?13, guardian_id = ?14, updated_utc = ?15"
                             " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, qing_talk_get_id (talk));
  bind_talk (self, stmt, talk);
  if (!qing_repository_step_write (self, stmt, _("Saving the talk"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This talk is no longer in the database."));
      return FALSE;
    }
  qing_store_emit_changed (self, "talks", qing_talk_get_id (talk), QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Reads one talk whatever its visibility (for its author's own actions). */
static QingTalk *
read_talk (QingStore *self, gint64 talk_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, "SELECT " QING_TALK_COLUMNS " FROM talks t WHERE t.id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, talk_id);
  return (gpointer) qing_repository_fetch_one (self, stmt, (QingRowFunc) qing_repository_talk_from_row,
                                              _("This talk is no longer in the database."),
                                              _("Reading a talk"), error);
}

typedef struct
{
  gint64    talk_id;
  QingTalk *removed;
} RemoveTalk;

static gboolean
remove_talk_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  RemoveTalk *data = user_data;
  g_autoptr (QingStoreStmt) stmt = NULL;

  data->removed = read_talk (self, data->talk_id, error);
  if (data->removed == NULL)
    return FALSE;
  stmt = qing_store_prepare (self, "DELETE FROM talks WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->talk_id);
  if (!qing_repository_step_write (self, stmt, _("Removing the talk"), error))
    return FALSE;
  qing_store_emit_changed (self, "talks", data->talk_id, QING_STORE_CHANGE_REMOVED);
  return TRUE;
}

/* Removes a talk.  Returns it as it was (full reference, same id and uuid)
 * so Undo can give it to qing_store_add_talk(); NULL with @error set. */
QingTalk *
qing_store_remove_talk (QingStore *self, gint64 talk_id, GError **error)
{
  RemoveTalk data = { talk_id, NULL };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  if (!qing_store_transaction (self, remove_talk_in_transaction, &data, error))
    {
      g_clear_object (&data.removed);
      return NULL;
    }
  return data.removed;
}

#define VISIBLE_TALK_SQL \
  "SELECT " QING_TALK_COLUMNS " FROM talks t" \
  " WHERE " QING_VISIBLE_SQL ("t", "listener_id", "listener_role")

/* Returns a talk @viewer may see (full reference); NULL with
 * QING_STORE_ERROR_NOT_FOUND if there is none or they may not see it. */
QingTalk *
qing_store_get_talk (QingStore *self, const QingViewer *viewer, gint64 talk_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);

  stmt = qing_store_prepare (self, VISIBLE_TALK_SQL " AND t.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, talk_id);
  qing_repository_bind_viewer (stmt, viewer);
  return (gpointer) qing_repository_fetch_one (self, stmt, (QingRowFunc) qing_repository_talk_from_row,
                                              _("This talk is no longer in the database."),
                                              _("Reading a talk"), error);
}

#define STUDENT_TALKS_SQL \
  VISIBLE_TALK_SQL " AND t.student_id = ?1 AND t.start_utc >= ?2 AND t.start_utc < ?3"

/* Returns the talks with @student_id that started in [@from_utc, @to_utc)
 * and that @viewer may see, oldest first (a new array of QingTalk). */
GPtrArray *
qing_store_list_talks (QingStore        *self,
                       const QingViewer *viewer,
                       gint64            student_id,
                       gint64            from_utc,
                       gint64            to_utc,
                       GError          **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);

  stmt = qing_store_prepare (self, STUDENT_TALKS_SQL " ORDER BY t.start_utc, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, student_id);
  sqlite3_bind_int64 (stmt, 2, from_utc);
  sqlite3_bind_int64 (stmt, 3, to_utc);
  qing_repository_bind_viewer (stmt, viewer);
  return qing_repository_collect (self, stmt, (QingRowFunc) qing_repository_talk_from_row,
                                  _("Reading talks"), error);
}

static gint64
local_midnight (const GDate *day, GTimeZone *tz)
{
  g_autoptr (GDateTime) dt = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                              g_date_get_day (day), 0, 0, 0);
  return g_date_time_to_unix (dt);
}

/* Fills @seconds[0 … @n_days − 1] with the seconds of talks with
 * @student_id by listeners in @listener_role (0: any role) on each local
 * day from @first_day, in the clock's time zone.  A talk counts for the
 * day it started.  Talks with a guardian (about the student, not with
 * them) are left out. */
gboolean
qing_store_get_talk_seconds_per_day (QingStore    *self,
                                     gint64        student_id,
                                     QingRole      listener_role,
                                     const GDate  *first_day,
                                     guint         n_days,
                                     guint        *seconds,
                                     GError      **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  GTimeZone *tz;
  GDate last_day;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), FALSE);
  g_return_val_if_fail (seconds != NULL || n_days == 0, FALSE);

  if (n_days == 0)
    return TRUE;
  memset (seconds, 0, n_days * sizeof *seconds);
  tz = qing_clock_get_timezone (qing_store_get_clock (self));
  last_day = *first_day;
  g_date_add_days (&last_day, n_days);

  stmt = qing_store_prepare (self, "SELECT start_utc, duration_s FROM talks"
                                   " WHERE student_id = ?1 AND start_utc >= ?2 AND start_utc < ?3"
                                   " AND (?4 = 0 OR listener_role = ?4) AND with_guardian = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, student_id);
  sqlite3_bind_int64 (stmt, 2, local_midnight (first_day, tz));
  sqlite3_bind_int64 (stmt, 3, local_midnight (&last_day, tz));
  sqlite3_bind_int (stmt, 4, listener_role);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
      g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, tz);
      GDate day;
      gint index;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      index = g_date_days_between (first_day, &day);
      if (index >= 0 && (guint) index < n_days)
        seconds[index] += sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return qing_store_set_error_from_db (self, error, _("Reading listening time"));
  return TRUE;
}

/* As qing_store_get_talk_seconds_per_day(), in whole minutes (rounded
 * down, so a day shows 15 only once the 15 minutes are complete). */
gboolean
qing_store_get_talk_minutes_per_day (QingStore    *self,
                                     gint64        student_id,
                                     QingRole      listener_role,
                                     const GDate  *first_day,
                                     guint         n_days,
                                     guint        *minutes,
                                     GError      **error)
{
  if (!qing_store_get_talk_seconds_per_day (self, student_id, listener_role, first_day, n_days,
                                            minutes, error))
    return FALSE;
  for (guint i = 0; i < n_days; i++)
    minutes[i] /= 60;
  return TRUE;
}

#define SPAN_SQL(students, role) \
  "SELECT student_id, start_utc, duration_s, listener_id, listener_role, with_guardian" \
  " FROM talks WHERE student_id IN (" students ") AND start_utc >= ?2 AND start_utc < ?3" \
  role " ORDER BY student_id, start_utc"
#define EACH_ID "SELECT value FROM json_each (?1)"
#define EVERY_STUDENT "SELECT id FROM persons WHERE kind = 1 AND ?1 IS NULL"
#define ONE_ROLE " AND listener_role = ?4"
/* "+": for given students, search each student's talks in the window and
 * skip other roles inside the index, rather than walk the role's talks of
 * the whole school (talks_by_role_time), which SQLite may pick when it has
 * no statistics yet. */
#define ONE_ROLE_OF_THEM " AND +listener_role = ?4"

/* Returns the talks by listeners in @listener_role (0: any role) that
 * started in [@from_utc, @to_utc) with any of @student_ids (NULL: every
 * student), as a new GArray of QingTalkSpan sorted by student, then
 * start: what the cadence engine needs, read in one query over the
 * covering (student_id, start_utc, …) index, so the cost follows the
 * students and the window, not the years of history.  Asking for one
 * role skips the other roles' talks inside the index. */
GArray *
qing_store_list_talk_spans_by_role (QingStore    *self,
                                    const gint64 *student_ids,
                                    guint         n_students,
                                    QingRole      listener_role,
                                    gint64        from_utc,
                                    gint64        to_utc,
                                    GError      **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (QingTalkSpan));
  g_autoptr (GString) ids = g_string_sized_new (8 * (n_students + 1));
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  /* The ids travel as one bound JSON array, never as SQL text. */
  g_string_append_c (ids, '[');
  for (guint i = 0; student_ids != NULL && i < n_students; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", student_ids[i]);
  g_string_append_c (ids, ']');

  /* A query per case, so that SQLite can seek (student, role) in an index. */
  if (student_ids != NULL)
    stmt = qing_store_prepare (self, listener_role != 0 ? SPAN_SQL (EACH_ID, ONE_ROLE_OF_THEM)
                                                        : SPAN_SQL (EACH_ID, ""), error);
  else
    stmt = qing_store_prepare (self, listener_role != 0 ? SPAN_SQL (EVERY_STUDENT, ONE_ROLE)
                                                        : SPAN_SQL (EVERY_STUDENT, ""), error);
  if (stmt == NULL)
    return NULL;
  if (student_ids != NULL)
    sqlite3_bind_text (stmt, 1, ids->str, ids->len, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, from_utc);
  sqlite3_bind_int64 (stmt, 3, to_utc);
  if (listener_role != 0)
    sqlite3_bind_int (stmt, 4, listener_role);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingTalkSpan span = {
        .student_id = sqlite3_column_int64 (stmt, 0),
        .start_utc = sqlite3_column_int64 (stmt, 1),
        .duration_s = sqlite3_column_int (stmt, 2),
        .listener_id = sqlite3_column_int64 (stmt, 3),
        .listener_role = sqlite3_column_int (stmt, 4),
        .with_guardian = sqlite3_column_int (stmt, 5) != 0,
      };
      g_array_append_val (spans, span);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (self, error, _("Reading talks"));
      return NULL;
    }
  return g_steal_pointer (&spans);
}

/* As qing_store_list_talk_spans_by_role() for talks by any role. */
GArray *
qing_store_list_talk_spans (QingStore    *self,
                            const gint64 *student_ids,
                            guint         n_students,
                            gint64        from_utc,
                            gint64        to_utc,
                            GError      **error)
{
  return qing_store_list_talk_spans_by_role (self, student_ids, n_students, 0, from_utc, to_utc,
                                             error);
}

#define LAST_TALK_SQL(role) \
  "SELECT j.key, (SELECT t.start_utc FROM talks t WHERE t.student_id = j.value" role \
  "   AND t.duration_s >= ?3 AND t.start_utc >= ?4" \
  "   ORDER BY t.start_utc DESC LIMIT 1) FROM json_each (?1) j"

/* Fills @last_start_utc[i] with the start of the latest talk with
 * @student_ids[i] by a listener in @listener_role (0: any role) lasting at
 * least @min_duration_s (e.g. QING_EFFECTIVE_TALK_SECONDS) that started at
 * or after @since_utc, or 0 if there was none: "days since the last talk"
 * for a roster.  Each student's talks are searched back from the newest
 * down to @since_utc at most, so a bound such as a year keeps the cost
 * the same however many years the database holds. */
gboolean
qing_store_get_last_talk_times (QingStore    *self,
                                const gint64 *student_ids,
                                guint         n_students,
                                QingRole      listener_role,
                                gint          min_duration_s,
                                gint64        since_utc,
                                gint64       *last_start_utc,
                                GError      **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GString) ids = g_string_sized_new (8 * (n_students + 1));
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (student_ids != NULL || n_students == 0, FALSE);
  g_return_val_if_fail (last_start_utc != NULL || n_students == 0, FALSE);

  g_string_append_c (ids, '[');
  for (guint i = 0; i < n_students; i++)
    {
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", student_ids[i]);
      last_start_utc[i] = 0;
    }
  g_string_append_c (ids, ']');

  /* talks_by_student_role (student, role, start; schema version 2): one
   * seek per student finds it. */
  if (listener_role == 0)
    stmt = qing_store_prepare (self, LAST_TALK_SQL (""), error);
  else
    stmt = qing_store_prepare (self, LAST_TALK_SQL (" AND t.listener_role = ?2"), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids->str, ids->len, SQLITE_TRANSIENT);
  if (listener_role != 0)
    sqlite3_bind_int (stmt, 2, listener_role);
  sqlite3_bind_int (stmt, 3, min_duration_s);
  sqlite3_bind_int64 (stmt, 4, since_utc);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 index = sqlite3_column_int64 (stmt, 0);
      if (index >= 0 && index < n_students)
        last_start_utc[index] = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return qing_store_set_error_from_db (self, error, _("Reading talks"));
  return TRUE;
}

/* The live list of a student's talks. */

static GPtrArray *
talks_query_all (QingStore *self, const QingRecordScope *scope, GError **error)
{
  return qing_store_list_talks (self, &scope->viewer, scope->key, scope->from_utc, scope->to_utc,
                                error);
}

static GObject *
talks_query_one (QingStore *self, const QingRecordScope *scope, gint64 id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, STUDENT_TALKS_SQL " AND t.id = ?4", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scope->key);
  sqlite3_bind_int64 (stmt, 2, scope->from_utc);
  sqlite3_bind_int64 (stmt, 3, scope->to_utc);
  sqlite3_bind_int64 (stmt, 4, id);
  qing_repository_bind_viewer (stmt, &scope->viewer);
  return qing_repository_fetch_one (self, stmt, (QingRowFunc) qing_repository_talk_from_row, NULL,
                                    _("Reading a talk"), error);
}

static int
compare_talks (GObject *a, GObject *b)
{
  QingTalk *x = QING_TALK (a), *y = QING_TALK (b);
  gint64 sx = qing_talk_get_start_utc (x), sy = qing_talk_get_start_utc (y);
  gint64 ix = qing_talk_get_id (x), iy = qing_talk_get_id (y);

  if (sx != sy)
    return sx < sy ? -1 : 1;
  return (ix > iy) - (ix < iy);
}

static const QingRecordListSpec talks_spec = {
  .item_type = qing_talk_get_type,
  .table = "talks",
  .related = NULL,
  .query_all = talks_query_all,
  .query_one = talks_query_one,
  .compare = compare_talks,
};

/* Returns a live list (full reference) of the talks with @student_id that
 * started in [@from_utc, @to_utc) and that @viewer may see, oldest first. */
GListModel *
qing_store_list_talks_model (QingStore        *self,
                             const QingViewer *viewer,
                             gint64            student_id,
                             gint64            from_utc,
                             gint64            to_utc)
{
  QingRecordScope scope = { student_id, from_utc, to_utc, { 0 } };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);
  scope.viewer = *viewer;
  return qing_record_list_new (self, &talks_spec, &scope);
}
