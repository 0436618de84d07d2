/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The listening timer (倾听计时) kept in the database: one row per student
 * and listener holding only wall-clock times (started, paused since, total
 * of earlier pauses, last seen), so a crash, kill -9 or reboot loses
 * nothing and the elapsed time is computed, never counted.  Finishing
 * writes the talk and deletes the timer in one transaction.
 */
#include "qing-repository-private.h"

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* Returns a new timer from a row starting with QING_TIMER_COLUMNS. */
QingRunningTimer *
qing_repository_timer_from_row (QingStore *store, QingStoreStmt *stmt)
{
  return g_object_new (QING_TYPE_RUNNING_TIMER,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", COL_TEXT (stmt, 1),
                       "student-id", sqlite3_column_int64 (stmt, 2),
                       "listener-id", sqlite3_column_int64 (stmt, 3),
                       "role", sqlite3_column_int (stmt, 4),
                       "started-utc", sqlite3_column_int64 (stmt, 5),
                       "paused-utc", sqlite3_column_int64 (stmt, 6),
                       "paused-total", sqlite3_column_int64 (stmt, 7),
                       "last-seen-utc", sqlite3_column_int64 (stmt, 8),
                       "with-guardian", sqlite3_column_int (stmt, 9) != 0,
                       "guardian-id", sqlite3_column_int64 (stmt, 10),
                       NULL);
}

static gboolean
set_timer_gone (GError **error)
{
  g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                       _("This listening timer is no longer running."));
  return FALSE;
}

static QingRunningTimer *
read_timer (QingStore *self, gint64 timer_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  stmt = qing_store_prepare (self, "SELECT " QING_TIMER_COLUMNS " FROM running_timers r"
                                   " WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, timer_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return qing_repository_timer_from_row (self, stmt);
  if (rc == SQLITE_DONE)
    set_timer_gone (error);
  else
    qing_store_set_error_from_db (self, error, _("Reading the listening timer"));
  return NULL;
}

/* Copies the stored times of the timer's row into @timer. */
static gboolean
reload_timer (QingStore *self, QingRunningTimer *timer, GError **error)
{
  g_autoptr (QingRunningTimer) fresh = read_timer (self, qing_running_timer_get_id (timer), error);

  if (fresh == NULL)
    return FALSE;
  g_object_set (timer,
                "paused-utc", qing_running_timer_get_paused_utc (fresh),
                "paused-total", qing_running_timer_get_paused_total (fresh),
                "last-seen-utc", qing_running_timer_get_last_seen_utc (fresh),
                NULL);
  return TRUE;
}

/* Starts a timer for @listener_id listening to @student_id in @role, now
 * by the store's clock.  Returns it (full reference), or NULL with
 * QING_REPOSITORY_ERROR_TIMER_RUNNING if one already runs for them. */
QingRunningTimer *
qing_store_start_timer (QingStore *self, gint64 student_id, gint64 listener_id, QingRole role,
                        GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *uuid = qing_store_new_uuid ();
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  if (student_id <= 0 || listener_id <= 0)
    {
      qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                            _("Choose who is listening to whom before starting the timer."));
      return NULL;
    }
  stmt = qing_store_prepare (self, "INSERT INTO running_timers (uuid, student_id, listener_id,"
                                   " listener_role, started_utc, paused_total_s, last_seen_utc,"
                                   " created_utc, updated_utc)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, 0, ?5, ?5, ?5)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, student_id);
  sqlite3_bind_int64 (stmt, 3, listener_id);
  sqlite3_bind_int (stmt, 4, role);
  sqlite3_bind_int64 (stmt, 5, qing_store_now (self));
  db = qing_store_get_db (self);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
        qing_repository_fail (error, QING_REPOSITORY_ERROR_TIMER_RUNNING,
                              _("A listening timer is already running for this student."));
      else
        qing_repository_set_write_error (self, _("Starting the listening timer"), error);
      return NULL;
    }
  id = sqlite3_last_insert_rowid (db);
  qing_store_emit_changed (self, "running_timers", id, QING_STORE_CHANGE_ADDED);
  return read_timer (self, id, error);
}

/* Runs one of the timer's UPDATEs with ?1 = id and ?2 = now, then reloads
 * @timer.  An UPDATE that changes nothing (already paused …) is fine. */
static gboolean
update_timer (QingStore *self, QingRunningTimer *timer, const char *sql, gboolean announce,
              GError **error)
{
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (self, sql, error);
  gboolean changed;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, qing_running_timer_get_id (timer));
  sqlite3_bind_int64 (stmt, 2, qing_store_now (self));
  if (!qing_repository_step_write (self, stmt, _("Saving the listening timer"), error))
    return FALSE;
  changed = sqlite3_changes (qing_store_get_db (self)) > 0;
  if (!reload_timer (self, timer, error))
    return FALSE;
  if (changed && announce)
    qing_store_emit_changed (self, "running_timers", qing_running_timer_get_id (timer),
                             QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Pauses a running timer now (a paused one stays as it is). */
gboolean
qing_store_pause_timer (QingStore *self, QingRunningTimer *timer, GError **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), FALSE);

  /* max(): a wall clock set back must not break the CHECK of the schema. */
  return update_timer (self, timer,
                       "UPDATE running_timers SET paused_utc = max (?2, started_utc),"
                       " last_seen_utc = ?2, updated_utc = ?2"
                       " WHERE id = ?1 AND paused_utc IS NULL", TRUE, error);
}

/* Resumes a paused timer now, adding the pause to its paused total. */
gboolean
qing_store_resume_timer (QingStore *self, QingRunningTimer *timer, GError **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), FALSE);

  return update_timer (self, timer,
                       "UPDATE running_timers"
                       " SET paused_total_s = paused_total_s + max (0, ?2 - paused_utc),"
                       " paused_utc = NULL, last_seen_utc = ?2, updated_utc = ?2"
                       " WHERE id = ?1 AND paused_utc IS NOT NULL", TRUE, error);
}

/* Notes that the app saw the timer running now (the heartbeat that tells,
 * after a long absence, that the talk should be confirmed).  Not announced
 * by "row-changed": nothing a list shows changes. */
gboolean
qing_store_touch_timer (QingStore *self, QingRunningTimer *timer, GError **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), FALSE);

  return update_timer (self, timer,
                       "UPDATE running_timers SET last_seen_utc = ?2 WHERE id = ?1", FALSE, error);
}

/* Notes, now, that the 15:00 notification of @timer was shown, unless it
 * already was: *@first_time (may be NULL) tells whether this call noted
 * it, so of two windows on one database only one shows it.  Not announced
 * by "row-changed": nothing a list shows changes. */
gboolean
qing_store_mark_timer_goal_notified (QingStore        *self,
                                     QingRunningTimer *timer,
                                     gboolean         *first_time,
                                     GError          **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), FALSE);

  if (first_time != NULL)
    *first_time = FALSE;
  stmt = qing_store_prepare (self, "UPDATE running_timers SET goal_notified_utc = ?2"
                                   " WHERE id = ?1 AND goal_notified_utc IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, qing_running_timer_get_id (timer));
  sqlite3_bind_int64 (stmt, 2, qing_store_now (self));
  if (!qing_repository_step_write (self, stmt, _("Saving the listening timer"), error))
    return FALSE;
  if (first_time != NULL)
    *first_time = sqlite3_changes (qing_store_get_db (self)) > 0;
  return TRUE;
}

/* Returns when (Unix seconds) the 15:00 notification of the timer
 * @timer_id was shown, or 0 if it was not (or there is no such timer;
 * @error is set only if reading failed). */
gint64
qing_store_get_timer_goal_notified (QingStore *self, gint64 timer_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 when = 0;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), 0);

  stmt = qing_store_prepare (self, "SELECT goal_notified_utc FROM running_timers WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, timer_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    when = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    qing_store_set_error_from_db (self, error, _("Reading the listening timer"));
  return when;
}

typedef struct
{
  QingRunningTimer *timer;
  gint64            end_utc;
  QingTalk         *details;
  QingTalk         *talk;
} FinishTimer;

static QingTalk *
talk_for_timer (QingRunningTimer *timer, gint64 end_utc, QingTalk *details)
{
  QingTalk *talk = qing_talk_new (qing_running_timer_get_student_id (timer),
                                  qing_running_timer_get_listener_id (timer),
                                  qing_running_timer_get_role (timer),
                                  qing_running_timer_get_started_utc (timer),
                                  (gint) qing_running_timer_get_elapsed (timer, end_utc));

  g_object_set (talk,
                "uuid", qing_running_timer_get_uuid (timer),
                "with-guardian", qing_running_timer_get_with_guardian (timer),
                "guardian-id", qing_running_timer_get_guardian_id (timer),
                NULL);
  if (details != NULL)
    g_object_set (talk,
                  "place", qing_talk_get_place (details),
                  "mode", qing_talk_get_mode (details),
                  "topics", qing_talk_get_topics (details),
                  "note", qing_talk_get_note (details),
                  "visibility", qing_talk_get_visibility (details),
                  NULL);
  return talk;
}

static gboolean
finish_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  FinishTimer *data = user_data;
  g_autoptr (QingRunningTimer) fresh = NULL;
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 id = qing_running_timer_get_id (data->timer);

  fresh = read_timer (self, id, error);
  if (fresh == NULL)
    return FALSE;
  if (data->end_utc < qing_running_timer_get_started_utc (fresh))
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("The talk cannot end before it started."));
  data->talk = talk_for_timer (fresh, data->end_utc, data->details);
  if (!qing_store_add_talk (self, data->talk, error))
    return FALSE;

  stmt = qing_store_prepare (self, "DELETE FROM running_timers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!qing_repository_step_write (self, stmt, _("Stopping the listening timer"), error))
    return FALSE;
  qing_store_emit_changed (self, "running_timers", id, QING_STORE_CHANGE_REMOVED);
  return TRUE;
}

/* Stops the timer and saves the talk it timed, in one transaction: the
 * talk starts when the timer started and lasts the elapsed time at
 * @end_utc (0: now; earlier when the user says the talk ended before).
 * Place, mode, topics, note and visibility come from @details (may be
 * NULL).  Returns the saved talk (full reference) or NULL with @error
 * set, in which case nothing changed and the timer still runs. */
QingTalk *
qing_store_finish_timer (QingStore        *self,
                         QingRunningTimer *timer,
                         gint64            end_utc,
                         QingTalk         *details,
                         GError          **error)
{
  FinishTimer data = { timer, end_utc, details, NULL };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), NULL);
  g_return_val_if_fail (details == NULL || QING_IS_TALK (details), NULL);

  if (data.end_utc <= 0)
    data.end_utc = qing_store_now (self);
  if (!qing_store_transaction (self, finish_in_transaction, &data, error))
    {
      g_clear_object (&data.talk);
      return NULL;
    }
  return data.talk;
}

/* Stops the timer without saving a talk (the UI asks first). */
gboolean
qing_store_discard_timer (QingStore *self, QingRunningTimer *timer, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), FALSE);

  id = qing_running_timer_get_id (timer);
  stmt = qing_store_prepare (self, "DELETE FROM running_timers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!qing_repository_step_write (self, stmt, _("Stopping the listening timer"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) > 0)
    qing_store_emit_changed (self, "running_timers", id, QING_STORE_CHANGE_REMOVED);
  return TRUE;
}

/* Returns the timer running for @student_id and @listener_id (full
 * reference), or NULL — without an error — when there is none. */
QingRunningTimer *
qing_store_get_running_timer (QingStore *self, gint64 student_id, gint64 listener_id,
                              GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  stmt = qing_store_prepare (self, "SELECT " QING_TIMER_COLUMNS " FROM running_timers r"
                                   " WHERE r.student_id = ?1 AND r.listener_id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, student_id);
  sqlite3_bind_int64 (stmt, 2, listener_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return qing_repository_timer_from_row (self, stmt);
  if (rc != SQLITE_DONE)
    qing_store_set_error_from_db (self, error, _("Reading the listening timer"));
  return NULL;
}

#define TIMERS_SQL \
  "SELECT " QING_TIMER_COLUMNS " FROM running_timers r WHERE (?1 = 0 OR r.listener_id = ?1)"

/* Returns the running timers of @listener_id (0: everyone's), oldest
 * first (a new array of QingRunningTimer). */
GPtrArray *
qing_store_list_running_timers (QingStore *self, gint64 listener_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  stmt = qing_store_prepare (self, TIMERS_SQL " ORDER BY r.started_utc, r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, listener_id);
  return qing_repository_collect (self, stmt, (QingRowFunc) qing_repository_timer_from_row,
                                  _("Reading the listening timers"), error);
}

static GPtrArray *
timers_query_all (QingStore *self, const QingRecordScope *scope, GError **error)
{
  return qing_store_list_running_timers (self, scope->key, error);
}

static GObject *
timers_query_one (QingStore *self, const QingRecordScope *scope, gint64 id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, TIMERS_SQL " AND r.id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scope->key);
  sqlite3_bind_int64 (stmt, 2, id);
  return qing_repository_fetch_one (self, stmt, (QingRowFunc) qing_repository_timer_from_row, NULL,
                                    _("Reading the listening timer"), error);
}

static int
compare_timers (GObject *a, GObject *b)
{
  QingRunningTimer *x = QING_RUNNING_TIMER (a), *y = QING_RUNNING_TIMER (b);
  gint64 sx = qing_running_timer_get_started_utc (x), sy = qing_running_timer_get_started_utc (y);
  gint64 ix = qing_running_timer_get_id (x), iy = qing_running_timer_get_id (y);

  if (sx != sy)
    return sx < sy ? -1 : 1;
  return (ix > iy) - (ix < iy);
}

static const QingRecordListSpec timers_spec = {
  .item_type = qing_running_timer_get_type,
  .table = "running_timers",
  .related = NULL,
  .query_all = timers_query_all,
  .query_one = timers_query_one,
  .compare = compare_timers,
};

/* Returns a live list (full reference) of the running timers of
 * @listener_id (0: everyone's), oldest first. */
GListModel *
qing_store_list_running_timers_model (QingStore *self, gint64 listener_id)
{
  QingRecordScope scope = { .key = listener_id };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  return qing_record_list_new (self, &timers_spec, &scope);
}
