/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Peer-support sessions (心理委员) and the class's PEER_BIWEEKLY status.
 * A session is a class event, not a talk with one student: the cadence
 * engine sees each as a span of the class (student_id = group id) at the
 * start of its local day (so one recorded this morning counts at once),
 * led in the peer role.
 */
#include "qing-store-peer.h"

#include "qing-repository-private.h"
#include "qing-store-calendar.h"

#define COL_TEXT(stmt, i) ((const char *)sqlite3_column_text ((stmt), (i)))

void
qing_peer_session_clear (QingPeerSession *session)
{
  g_clear_pointer (&session->led_by_name, g_free);
  g_clear_pointer (&session->topic, g_free);
  g_clear_pointer (&session->note, g_free);
}

/* Records a session and sets session->id. */
gboolean
qing_store_add_peer_session (QingStore *self, QingPeerSession *session, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  char day[11];

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  if (session->group_id <= 0 || !g_date_valid (&session->day))
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Choose the class and the day of the peer session."));
  if (session->led_by <= 0 && qing_repository_is_blank (session->led_by_name))
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Say who led the peer session."));
  stmt = qing_store_prepare (self,
                             "INSERT INTO peer_sessions (group_id, day, led_by,"
                             " led_by_name, participants, duration_s, topic, note)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                             error);
  if (stmt == NULL)
    return FALSE;
  qing_calendar_day_format (&session->day, day);
  sqlite3_bind_int64 (stmt, 1, session->group_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  qing_repository_bind_id (stmt, 3, session->led_by);
  qing_repository_bind_text (stmt, 4, session->led_by_name);
  sqlite3_bind_int (stmt, 5, session->participants);
  if (session->duration_s >= 0)
    sqlite3_bind_int (stmt, 6, session->duration_s);
  qing_repository_bind_text (stmt, 7, session->topic);
  qing_repository_bind_text (stmt, 8, session->note);
  if (!qing_store_step_done (self, stmt, _("Saving the peer session"), error))
    return FALSE;
  session->id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  qing_store_emit_changed (self, "peer_sessions", session->id, QING_STORE_CHANGE_ADDED);
  return TRUE;
}

gboolean
qing_store_remove_peer_session (QingStore *self, gint64 session_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  stmt = qing_store_prepare (self, "DELETE FROM peer_sessions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (!qing_store_step_done (self, stmt, _("Removing the peer session"), error))
    return FALSE;
  qing_store_emit_changed (self, "peer_sessions", session_id, QING_STORE_CHANGE_REMOVED);
  return TRUE;
}

/* A class's sessions, newest first.
 * Returns: (transfer full) (element-type QingPeerSession). */
GArray *
qing_store_list_peer_sessions (QingStore *self, gint64 group_id, guint limit, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GArray) sessions = NULL;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  stmt = qing_store_prepare (self,
                             "SELECT id, group_id, day, led_by, led_by_name,"
                             " participants, coalesce (duration_s, -1), topic, note"
                             " FROM peer_sessions WHERE group_id = ?1"
                             " ORDER BY day DESC, id DESC LIMIT ?2",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64)limit);
  sessions = g_array_new (FALSE, TRUE, sizeof (QingPeerSession));
  g_array_set_clear_func (sessions, (GDestroyNotify)qing_peer_session_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingPeerSession s = { 0 };

      s.id = sqlite3_column_int64 (stmt, 0);
      s.group_id = sqlite3_column_int64 (stmt, 1);
      qing_calendar_day_parse (COL_TEXT (stmt, 2), &s.day);
      s.led_by = sqlite3_column_int64 (stmt, 3);
      s.led_by_name = g_strdup (COL_TEXT (stmt, 4));
      s.participants = sqlite3_column_int (stmt, 5);
      s.duration_s = sqlite3_column_int (stmt, 6);
      s.topic = g_strdup (COL_TEXT (stmt, 7));
      s.note = g_strdup (COL_TEXT (stmt, 8));
      g_array_append_val (sessions, s);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (self, error, _("Reading the peer sessions"));
      return NULL;
    }
  return g_steal_pointer (&sessions);
}

/* The class's PEER_BIWEEKLY status at @now_utc. */
gboolean
qing_store_get_peer_status (QingStore *self, gint64 group_id, gint64 now_utc,
                            QingCadenceStatus *out_status, GError **error)
{
  g_autoptr (QingSchoolCalendar) cal = NULL;
  g_autoptr (GArray) sessions = NULL;
  g_autoptr (GArray) spans = g_array_new (FALSE, TRUE, sizeof (QingTalkSpan));
  const QingCadenceRuleInfo *rule = qing_cadence_rule_get_default (QING_CADENCE_PEER_BIWEEKLY);
  GTimeZone *tz;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_status != NULL, FALSE);

  cal = qing_store_load_school_calendar (self, error);
  if (cal == NULL)
    return FALSE;
  /* A class has a session every two weeks: reading them all is cheap. */
  sessions = qing_store_list_peer_sessions (self, group_id, 0, error);
  if (sessions == NULL)
    return FALSE;
  tz = qing_clock_get_timezone (qing_store_get_clock (self));
  for (guint i = sessions->len; i > 0; i--)
    {
      const QingPeerSession *s = &g_array_index (sessions, QingPeerSession, i - 1);
      g_autoptr (GDateTime) start
          = g_date_time_new (tz, g_date_get_year (&s->day), g_date_get_month (&s->day),
                             g_date_get_day (&s->day), 0, 0, 0);
      QingTalkSpan span = { 0 };

      span.start_utc = g_date_time_to_unix (start);
      span.duration_s = s->duration_s < 0 ? QING_EFFECTIVE_TALK_SECONDS : s->duration_s;
      span.student_id = group_id;
      span.listener_id = s->led_by;
      span.listener_role = QING_ROLE_PEER;
      g_array_append_val (spans, span);
    }
  qing_cadence_evaluate (cal, tz, now_utc, rule, group_id, QING_CARE_NORMAL,
                         (const QingTalkSpan *)(gpointer)spans->data, spans->len, out_status);
  return TRUE;
}

/* "Peer session: done on Nov 25", "Peer session: 3 school days left" …
 * Returns: (transfer full). */
char *
qing_peer_status_describe (const QingCadenceStatus *status)
{
  g_autofree char *state = NULL;

  g_return_val_if_fail (status != NULL, NULL);

  state = qing_cadence_describe_status (status);
  /* Translators: the class's peer-support session (心理委员) status line;
   * %s is e.g. "Done on Nov 25" or "3 school days left" */
  return g_strdup_printf (_("Peer session: %s"), state);
}
