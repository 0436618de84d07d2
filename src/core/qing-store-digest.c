/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The morning digest's data: counts of the mentor's day, and the
 * notifications_sent dedup rows.
 */
#include "qing-store-digest.h"

#include "qing-repository-private.h"
#include "qing-roster-status.h"
#include "qing-store-calendar.h"

static gboolean
count_planned (QingStore *self, gint64 mentor_id, gint64 now_utc, guint *out_planned,
               GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (now_utc);
  g_autoptr (GDateTime) local
      = g_date_time_to_timezone (utc, qing_clock_get_timezone (qing_store_get_clock (self)));
  g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

  stmt = qing_store_prepare (self,
                             "SELECT count(*) FROM plan_entries WHERE mentor_id = ?1"
                             " AND day = ?2 AND status IN (0, 3)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mentor_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return qing_store_set_error_from_db (self, error, _("Reading the plan"));
  *out_planned = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Counts the mentor's day (see qing-store-digest.h). */
gboolean
qing_store_count_mentor_day (QingStore *self, gint64 mentor_id, gint64 now_utc, guint *out_planned,
                             guint *out_overdue, GError **error)
{
  QingViewer viewer = { mentor_id, QING_ROLE_MENTOR };
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GHashTable) overdue
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) rosters = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_planned != NULL && out_overdue != NULL, FALSE);

  if (!count_planned (self, mentor_id, now_utc, out_planned, error))
    return FALSE;
  groups = qing_store_list_groups (self, mentor_id, error);
  if (groups == NULL)
    return FALSE;
  for (guint g = 0; g < groups->len; g++)
    {
      QingRosterStatus *roster = qing_roster_status_compute (
          self, qing_group_get_id (g_ptr_array_index (groups, g)), &viewer, now_utc, error);
      guint n;

      if (roster == NULL)
        return FALSE;
      g_ptr_array_add (rosters, roster);
      n = g_list_model_get_n_items (G_LIST_MODEL (roster));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (QingRosterEntry) row = g_list_model_get_item (G_LIST_MODEL (roster), i);
          gint64 id = qing_roster_entry_get_student_id (row);

          /* A student in two of the mentor's groups counts once. */
          if (qing_roster_entry_get_state (row) == QING_ROSTER_OVERDUE)
            g_hash_table_add (overdue, g_memdup2 (&id, sizeof id));
        }
    }
  *out_overdue = g_hash_table_size (overdue);
  return TRUE;
}

/* Whether a notification for @purpose and @dedup_key was already sent. */
gboolean
qing_store_notification_was_sent (QingStore *self, const char *purpose, const char *dedup_key,
                                  gboolean *out_sent, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (purpose != NULL && dedup_key != NULL && out_sent != NULL, FALSE);

  stmt = qing_store_prepare (self,
                             "SELECT 1 FROM notifications_sent WHERE purpose = ?1"
                             " AND dedup_key = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, purpose, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, dedup_key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return qing_store_set_error_from_db (self, error, _("Reading the notifications sent"));
  *out_sent = rc == SQLITE_ROW;
  return TRUE;
}

/* Remembers that the notification was sent (nothing if already known). */
gboolean
qing_store_record_notification (QingStore *self, const char *purpose, const char *dedup_key,
                                gint64 sent_utc, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (purpose != NULL && dedup_key != NULL, FALSE);

  stmt = qing_store_prepare (self,
                             "INSERT OR IGNORE INTO notifications_sent"
                             " (purpose, dedup_key, sent_utc) VALUES (?1, ?2, ?3)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, purpose, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, dedup_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, sent_utc);
  if (!qing_store_step_done (self, stmt, _("Saving the notifications sent"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) > 0)
    qing_store_emit_changed (self, "notifications_sent",
                             sqlite3_last_insert_rowid (qing_store_get_db (self)),
                             QING_STORE_CHANGE_ADDED);
  return TRUE;
}
