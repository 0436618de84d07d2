/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editing a stored plan (move, swap, skip, done) and exporting it as an
 * iCalendar file.
 */
#include "qing-store-plan-private.h"

#include <string.h>

#include "qing-ical.h"
#include "qing-store-calendar.h"

static gboolean
load_entry (QingStore *self, gint64 entry_id, QingPlanEntry *entry, gint64 *mentor_id,
            GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self,
                             "SELECT " QING_PLAN_ENTRY_COLUMNS " FROM plan_entries"
                             " WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This planned talk is no longer in the database."));
      return FALSE;
    }
  qing_plan_entry_from_row (stmt, entry);
  *mentor_id = sqlite3_column_int64 (stmt, 9);
  return TRUE;
}

static gboolean
update_seat (QingStore *self, const QingPlanEntry *entry, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  char day[11];

  stmt = qing_store_prepare (self,
                             "UPDATE plan_entries SET day = ?2, slot_id = ?3,"
                             " start_minute = ?4, position = ?5, status = ?6"
                             " WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  qing_calendar_day_format (&entry->day, day);
  sqlite3_bind_int64 (stmt, 1, entry->id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  qing_repository_bind_id (stmt, 3, entry->slot_id);
  sqlite3_bind_int (stmt, 4, entry->start_minute);
  sqlite3_bind_int (stmt, 5, entry->position);
  sqlite3_bind_int (stmt, 6, entry->status);
  if (!qing_store_step_done (self, stmt, _("Saving the plan"), error))
    return FALSE;
  qing_store_emit_changed (self, "plan_entries", entry->id, QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Finds @slot_id among the mentor's slots for @day; FALSE with an error
 * when the day has no school or the slot is not on that day. */
static gboolean
find_slot_on_day (QingStore *self, gint64 mentor_id, gint64 slot_id, const GDate *day,
                  QingMentorSlot *out_slot, GError **error)
{
  g_autoptr (QingSchoolCalendar) cal = qing_store_load_school_calendar (self, error);
  g_autoptr (GArray) slots = NULL;
  g_autoptr (GArray) indexes = g_array_new (FALSE, FALSE, sizeof (guint));

  if (cal == NULL)
    return FALSE;
  if (!qing_school_calendar_is_school_day (cal, day))
    return qing_plan_fail (error, QING_PLAN_ERROR_NO_SCHOOL,
                           _("There is no school on that day. Choose another day."));
  slots = qing_store_list_mentor_slots (self, mentor_id, error);
  if (slots == NULL)
    return FALSE;
  qing_planner_slots_for_day ((const QingMentorSlot *)(gpointer)slots->data, slots->len, cal, day,
                              0, indexes);
  for (guint i = 0; i < indexes->len; i++)
    {
      const QingMentorSlot *slot
          = &g_array_index (slots, QingMentorSlot, g_array_index (indexes, guint, i));

      if (slot->id == slot_id)
        {
          *out_slot = *slot;
          out_slot->label = NULL;
          return TRUE;
        }
    }
  return qing_plan_fail (error, QING_PLAN_ERROR_INVALID,
                         _("That time slot is not on that day. Choose one of the day’s slots."));
}

/* The first seat of @slot on @day not held by another open or done entry. */
static gboolean
find_free_position (QingStore *self, gint64 mentor_id, const QingMentorSlot *slot, const GDate *day,
                    gint64 except_id, guint *out_position, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree gboolean *taken = g_new0 (gboolean, slot->capacity);
  char text[11];
  int rc;

  stmt = qing_store_prepare (self,
                             "SELECT position FROM plan_entries WHERE mentor_id = ?1"
                             " AND day = ?2 AND slot_id = ?3 AND id <> ?4"
                             " AND status IN (0, 1, 3)",
                             error);
  if (stmt == NULL)
    return FALSE;
  qing_calendar_day_format (day, text);
  sqlite3_bind_int64 (stmt, 1, mentor_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, slot->id);
  sqlite3_bind_int64 (stmt, 4, except_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pos = sqlite3_column_int64 (stmt, 0);

      if (pos >= 0 && pos < slot->capacity)
        taken[pos] = TRUE;
    }
  if (rc != SQLITE_DONE)
    return qing_store_set_error_from_db (self, error, _("Reading the plan"));
  for (guint i = 0; i < slot->capacity; i++)
    if (!taken[i])
      {
        *out_position = i;
        return TRUE;
      }
  return qing_plan_fail (error, QING_PLAN_ERROR_FULL,
                         _("That time slot is already full on that day."));
}

/* Whether the slot has a free seat on @day for @entry_id (same count as
 * find_free_position()). */
gboolean
qing_store_plan_slot_has_room (QingStore *self, gint64 mentor_id, gint64 slot_id, guint capacity,
                               const GDate *day, gint64 entry_id, GError **error)
{
  QingMentorSlot slot = { slot_id, 1, 0, 1, MAX (capacity, 1), NULL };
  g_autoptr (GError) local_error = NULL;
  guint position;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  if (find_free_position (self, mentor_id, &slot, day, entry_id, &position, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, QING_PLAN_ERROR, QING_PLAN_ERROR_FULL))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Moves an entry to the first free seat of @slot_id on @day (MOVED). */
gboolean
qing_store_move_plan_entry (QingStore *self, gint64 entry_id, const GDate *day, gint64 slot_id,
                            GError **error)
{
  QingPlanEntry entry;
  QingMentorSlot slot;
  gint64 mentor_id;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  if (!load_entry (self, entry_id, &entry, &mentor_id, error))
    return FALSE;
  if (entry.status == QING_PLAN_DONE)
    return qing_plan_fail (error, QING_PLAN_ERROR_INVALID,
                           _("This talk has already happened; it cannot be moved."));
  if (!find_slot_on_day (self, mentor_id, slot_id, day, &slot, error)
      || !find_free_position (self, mentor_id, &slot, day, entry_id, &entry.position, error))
    return FALSE;
  entry.day = *day;
  entry.slot_id = slot_id;
  entry.start_minute = qing_mentor_slot_seat_start (&slot, entry.position);
  entry.status = QING_PLAN_MOVED;
  return update_seat (self, &entry, error);
}

typedef struct
{
  gint64 a;
  gint64 b;
} Swap;

static gboolean
swap_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  Swap *swap = user_data;
  QingPlanEntry a, b, tmp;
  gint64 mentor_a, mentor_b;

  if (!load_entry (self, swap->a, &a, &mentor_a, error)
      || !load_entry (self, swap->b, &b, &mentor_b, error))
    return FALSE;
  if (mentor_a != mentor_b || a.status == QING_PLAN_DONE || b.status == QING_PLAN_DONE)
    return qing_plan_fail (error, QING_PLAN_ERROR_INVALID,
                           _("Only two planned talks of the same plan can swap places."));
  tmp = a;
  a.day = b.day;
  a.slot_id = b.slot_id;
  a.start_minute = b.start_minute;
  a.position = b.position;
  b.day = tmp.day;
  b.slot_id = tmp.slot_id;
  b.start_minute = tmp.start_minute;
  b.position = tmp.position;
  if (a.status == QING_PLAN_PLANNED)
    a.status = QING_PLAN_MOVED;
  if (b.status == QING_PLAN_PLANNED)
    b.status = QING_PLAN_MOVED;
  return update_seat (self, &a, error) && update_seat (self, &b, error);
}

/* Swaps the seats of two entries in one transaction. */
gboolean
qing_store_swap_plan_entries (QingStore *self, gint64 entry_a, gint64 entry_b, GError **error)
{
  Swap swap = { entry_a, entry_b };

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  if (entry_a == entry_b)
    return TRUE;
  return qing_store_transaction (self, swap_in_transaction, &swap, error);
}

static gboolean
set_status (QingStore *self, gint64 entry_id, QingPlanStatus status, gint64 talk_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self,
                             "UPDATE plan_entries SET status = ?2, talk_id = ?3"
                             " WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_int (stmt, 2, status);
  qing_repository_bind_id (stmt, 3, talk_id);
  if (!qing_store_step_done (self, stmt, _("Saving the plan"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This planned talk is no longer in the database."));
      return FALSE;
    }
  qing_store_emit_changed (self, "plan_entries", entry_id, QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Marks an entry SKIPPED. */
gboolean
qing_store_skip_plan_entry (QingStore *self, gint64 entry_id, GError **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  return set_status (self, entry_id, QING_PLAN_SKIPPED, 0, error);
}

/* Marks an entry DONE with @talk_id (0 if none). */
gboolean
qing_store_complete_plan_entry (QingStore *self, gint64 entry_id, gint64 talk_id, GError **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  return set_status (self, entry_id, QING_PLAN_DONE, talk_id, error);
}

/* Marks the open entry for the talk's student in the talk's cycle DONE;
 * a talk shorter than 15 minutes, or with a guardian, completes nothing. */
gboolean
qing_store_complete_plan_for_talk (QingStore *self, gint64 mentor_id, gint64 student_id,
                                   gint64 talk_id, GError **error)
{
  g_autoptr (QingStoreStmt) talk = NULL;
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (QingSchoolCalendar) cal = NULL;
  QingCycle cycle;
  char first[11], last[11];
  GDate day;
  gint64 entry_id;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  talk = qing_store_prepare (self,
                             "SELECT start_utc FROM talks WHERE id = ?1"
                             " AND duration_s >= ?2 AND with_guardian = 0",
                             error);
  if (talk == NULL)
    return FALSE;
  sqlite3_bind_int64 (talk, 1, talk_id);
  sqlite3_bind_int (talk, 2, QING_EFFECTIVE_TALK_SECONDS);
  if (sqlite3_step (talk) != SQLITE_ROW)
    return TRUE;
  qing_plan_local_day (self, sqlite3_column_int64 (talk, 0), &day, NULL);

  cal = qing_store_load_school_calendar (self, error);
  if (cal == NULL)
    return FALSE;
  if (!qing_school_calendar_get_cycle (cal, &day, 14, &cycle))
    {
      cycle.first = cycle.last = day;
      g_date_subtract_days (&cycle.first, 13);
      g_date_add_days (&cycle.last, 13);
    }
  qing_calendar_day_format (&cycle.first, first);
  qing_calendar_day_format (&cycle.last, last);
  stmt = qing_store_prepare (self,
                             "SELECT id FROM plan_entries WHERE mentor_id = ?1"
                             " AND student_id = ?2 AND status IN " QING_PLAN_OPEN_SQL
                             " AND day BETWEEN ?3 AND ?4 ORDER BY day, start_minute"
                             " LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mentor_id);
  sqlite3_bind_int64 (stmt, 2, student_id);
  sqlite3_bind_text (stmt, 3, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, last, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return qing_store_set_error_from_db (self, error, _("Reading the plan"));
  entry_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, qing_store_stmt_release);
  return set_status (self, entry_id, QING_PLAN_DONE, talk_id, error);
}

/* Writes the mentor's open entries from @first to @last as iCalendar. */
gboolean
qing_store_export_plan_ical (QingStore *self, gint64 mentor_id, const GDate *first,
                             const GDate *last, GFile *file, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GArray) events = g_array_new (FALSE, TRUE, sizeof (QingIcalEvent));
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  char a[11], b[11];
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stmt = qing_store_prepare (self,
                             "SELECT e.uuid, p.name, e.day, e.start_minute,"
                             " coalesce (s.length_minutes / s.capacity, 15)"
                             " FROM plan_entries e JOIN persons p ON p.id = e.student_id"
                             " LEFT JOIN mentor_slots s ON s.id = e.slot_id"
                             " WHERE e.mentor_id = ?1 AND e.day BETWEEN ?2 AND ?3"
                             " AND e.status IN " QING_PLAN_OPEN_SQL
                             " ORDER BY e.day, e.start_minute, e.position",
                             error);
  if (stmt == NULL)
    return FALSE;
  qing_calendar_day_format (first, a);
  qing_calendar_day_format (last, b);
  sqlite3_bind_int64 (stmt, 1, mentor_id);
  sqlite3_bind_text (stmt, 2, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, b, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingIcalEvent event = { 0 };
      char *uuid = g_strdup (COL_TEXT (stmt, 0));
      char *name = g_strdup (COL_TEXT (stmt, 1));

      g_ptr_array_add (strings, uuid);
      g_ptr_array_add (strings, name);
      event.uuid = uuid;
      event.student_name = name;
      qing_calendar_day_parse (COL_TEXT (stmt, 2), &event.day);
      event.start_minute = sqlite3_column_int (stmt, 3);
      event.length_minutes = MAX (sqlite3_column_int (stmt, 4), 1);
      g_array_append_val (events, event);
    }
  if (rc != SQLITE_DONE)
    return qing_store_set_error_from_db (self, error, _("Reading the plan"));
  text = qing_ical_build ((const QingIcalEvent *)(gpointer)events->data, events->len,
                          qing_clock_get_timezone (qing_store_get_clock (self)),
                          qing_store_now (self));
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
