/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor's plan in the store: slots, plan entries, "Plan this cycle",
 * editing, and the iCalendar export.  The live models are in
 * qing-plan-model.c.
 */
#include "qing-store-plan-private.h"

#include <string.h>

#include "qing-roster-status.h"
#include "qing-store-calendar.h"

G_DEFINE_QUARK (qing - plan - error - quark, qing_plan_error)

gboolean
qing_plan_fail (GError **error, QingPlanError code, const char *message)
{
  g_set_error_literal (error, QING_PLAN_ERROR, code, message);
  return FALSE;
}

/* ---- Slots ---- */

/* The mentor's slots by weekday and start.
 * Returns: (transfer full) (element-type QingMentorSlot). */
GArray *
qing_store_list_mentor_slots (QingStore *self, gint64 mentor_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GArray) slots = NULL;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  stmt = qing_store_prepare (self,
                             "SELECT id, weekday, start_minute, length_minutes, capacity,"
                             " label FROM mentor_slots WHERE mentor_id = ?1"
                             " ORDER BY weekday, start_minute, id",
                             error);
  if (stmt == NULL)
    return NULL;
  slots = g_array_new (FALSE, TRUE, sizeof (QingMentorSlot));
  g_array_set_clear_func (slots, (GDestroyNotify)qing_mentor_slot_clear);
  sqlite3_bind_int64 (stmt, 1, mentor_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingMentorSlot slot = { 0 };

      slot.id = sqlite3_column_int64 (stmt, 0);
      slot.weekday = sqlite3_column_int (stmt, 1);
      slot.start_minute = sqlite3_column_int (stmt, 2);
      slot.length_minutes = sqlite3_column_int (stmt, 3);
      slot.capacity = sqlite3_column_int (stmt, 4);
      slot.label = g_strdup (COL_TEXT (stmt, 5));
      g_array_append_val (slots, slot);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (self, error, _("Reading the time slots"));
      return NULL;
    }
  return g_steal_pointer (&slots);
}

static gboolean
check_slot (const QingMentorSlot *slot, GError **error)
{
  if (slot->weekday < 1 || slot->weekday > 7 || slot->start_minute > 1439
      || slot->length_minutes == 0 || slot->capacity == 0)
    return qing_plan_fail (error, QING_PLAN_ERROR_INVALID,
                           _("A time slot needs a weekday, a start time, a length and room for at "
                              "least one talk."));
  return TRUE;
}

static void
bind_slot (QingStoreStmt *stmt, const QingMentorSlot *slot)
{
  sqlite3_bind_int (stmt, 2, slot->weekday);
  sqlite3_bind_int (stmt, 3, slot->start_minute);
  sqlite3_bind_int (stmt, 4, slot->length_minutes);
  sqlite3_bind_int (stmt, 5, slot->capacity);
  qing_repository_bind_text (stmt, 6, slot->label);
}

/* Adds a slot and sets slot->id. */
gboolean
qing_store_add_mentor_slot (QingStore *self, gint64 mentor_id, QingMentorSlot *slot, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);

  if (!check_slot (slot, error))
    return FALSE;
  stmt = qing_store_prepare (self,
                             "INSERT INTO mentor_slots (mentor_id, weekday, start_minute,"
                             " length_minutes, capacity, label)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mentor_id);
  bind_slot (stmt, slot);
  if (!qing_store_step_done (self, stmt, _("Saving the time slot"), error))
    return FALSE;
  slot->id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  qing_store_emit_changed (self, "mentor_slots", slot->id, QING_STORE_CHANGE_ADDED);
  return TRUE;
}

static gboolean
check_changed (QingStore *self, const char *message, GError **error)
{
  if (sqlite3_changes (qing_store_get_db (self)) > 0)
    return TRUE;
  g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

/* Updates a slot by its id. */
gboolean
qing_store_update_mentor_slot (QingStore *self, const QingMentorSlot *slot, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);

  if (!check_slot (slot, error))
    return FALSE;
  stmt = qing_store_prepare (self,
                             "UPDATE mentor_slots SET weekday = ?2, start_minute = ?3,"
                             " length_minutes = ?4, capacity = ?5, label = ?6"
                             " WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slot->id);
  bind_slot (stmt, slot);
  if (!qing_store_step_done (self, stmt, _("Saving the time slot"), error)
      || !check_changed (self, _("This time slot is no longer in the database."), error))
    return FALSE;
  qing_store_emit_changed (self, "mentor_slots", slot->id, QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Removes a slot; its entries keep their day and minute. */
gboolean
qing_store_remove_mentor_slot (QingStore *self, gint64 slot_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  stmt = qing_store_prepare (self, "DELETE FROM mentor_slots WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slot_id);
  if (!qing_store_step_done (self, stmt, _("Removing the time slot"), error)
      || !check_changed (self, _("This time slot is no longer in the database."), error))
    return FALSE;
  qing_store_emit_changed (self, "mentor_slots", slot_id, QING_STORE_CHANGE_REMOVED);
  return TRUE;
}

/* ---- Plan entries ---- */

/* Reads a row starting with QING_PLAN_ENTRY_COLUMNS. */
void
qing_plan_entry_from_row (QingStoreStmt *stmt, QingPlanEntry *entry)
{
  memset (entry, 0, sizeof *entry);
  entry->id = sqlite3_column_int64 (stmt, 0);
  g_strlcpy (entry->uuid, COL_TEXT (stmt, 1) ? COL_TEXT (stmt, 1) : "", sizeof entry->uuid);
  entry->student_id = sqlite3_column_int64 (stmt, 2);
  qing_calendar_day_parse (COL_TEXT (stmt, 3), &entry->day);
  entry->slot_id = sqlite3_column_int64 (stmt, 4);
  entry->start_minute = sqlite3_column_int (stmt, 5);
  entry->position = sqlite3_column_int (stmt, 6);
  entry->status = sqlite3_column_int (stmt, 7);
  entry->talk_id = sqlite3_column_int64 (stmt, 8);
}

/* The mentor's entries from @first to @last by day and minute.
 * Returns: (transfer full) (element-type QingPlanEntry). */
GArray *
qing_store_list_plan_entries (QingStore *self, gint64 mentor_id, const GDate *first,
                              const GDate *last, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GArray) entries = NULL;
  char a[11], b[11];
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  stmt = qing_store_prepare (self,
                             "SELECT " QING_PLAN_ENTRY_COLUMNS " FROM plan_entries"
                             " WHERE mentor_id = ?1 AND day BETWEEN ?2 AND ?3"
                             " ORDER BY day, start_minute, position, id",
                             error);
  if (stmt == NULL)
    return NULL;
  qing_calendar_day_format (first, a);
  qing_calendar_day_format (last, b);
  sqlite3_bind_int64 (stmt, 1, mentor_id);
  sqlite3_bind_text (stmt, 2, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, b, -1, SQLITE_TRANSIENT);
  entries = g_array_new (FALSE, TRUE, sizeof (QingPlanEntry));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingPlanEntry entry;

      qing_plan_entry_from_row (stmt, &entry);
      g_array_append_val (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (self, error, _("Reading the plan"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

typedef struct
{
  gint64 mentor_id;
  const GDate *cycle_first;
  GArray *entries;
} SavePlan;

static gboolean
save_entry (QingStore *self, SavePlan *data, QingPlanEntry *entry, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  char day[11], cycle[11];

  if (entry->id == 0)
    stmt = qing_store_prepare (self,
                               "INSERT INTO plan_entries (mentor_id, student_id, day,"
                               " slot_id, start_minute, position, status, talk_id,"
                               " cycle_first_day, uuid)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                               error);
  else
    stmt = qing_store_prepare (self,
                               "UPDATE plan_entries SET student_id = ?2, day = ?3,"
                               " slot_id = ?4, start_minute = ?5, position = ?6,"
                               " status = ?7, talk_id = ?8, cycle_first_day = ?9"
                               " WHERE id = ?10 AND mentor_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  qing_calendar_day_format (&entry->day, day);
  qing_calendar_day_format (data->cycle_first, cycle);
  sqlite3_bind_int64 (stmt, 1, data->mentor_id);
  sqlite3_bind_int64 (stmt, 2, entry->student_id);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  qing_repository_bind_id (stmt, 4, entry->slot_id);
  sqlite3_bind_int (stmt, 5, entry->start_minute);
  sqlite3_bind_int (stmt, 6, entry->position);
  sqlite3_bind_int (stmt, 7, entry->status);
  qing_repository_bind_id (stmt, 8, entry->talk_id);
  sqlite3_bind_text (stmt, 9, cycle, -1, SQLITE_TRANSIENT);
  if (entry->id == 0)
    {
      uuid = qing_store_new_uuid ();
      sqlite3_bind_text (stmt, 10, uuid, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_int64 (stmt, 10, entry->id);
  if (!qing_store_step_done (self, stmt, _("Saving the plan"), error))
    return FALSE;
  if (entry->id != 0)
    {
      qing_store_emit_changed (self, "plan_entries", entry->id, QING_STORE_CHANGE_UPDATED);
      return TRUE;
    }
  entry->id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  g_strlcpy (entry->uuid, uuid, sizeof entry->uuid);
  qing_store_emit_changed (self, "plan_entries", entry->id, QING_STORE_CHANGE_ADDED);
  return TRUE;
}

static gboolean
save_plan_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  SavePlan *data = user_data;

  for (guint i = 0; i < data->entries->len; i++)
    if (!save_entry (self, data, &g_array_index (data->entries, QingPlanEntry, i), error))
      return FALSE;
  return TRUE;
}

/* Saves @entries in one transaction, filling in new ids and uuids. */
gboolean
qing_store_save_plan (QingStore *self, gint64 mentor_id, const GDate *cycle_first, GArray *entries,
                      GError **error)
{
  SavePlan data = { mentor_id, cycle_first, entries };

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (cycle_first != NULL && g_date_valid (cycle_first), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  return qing_store_transaction (self, save_plan_in_transaction, &data, error);
}

/* ---- Plan this cycle ---- */

void
qing_cycle_plan_free (QingCyclePlan *plan)
{
  if (plan == NULL)
    return;
  qing_plan_result_free (plan->result);
  g_free (plan);
}

/* The local day (and minute after midnight) of @utc on the store's clock. */
void
qing_plan_local_day (QingStore *self, gint64 utc, GDate *out_day, guint *out_minute)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local
      = g_date_time_to_timezone (dt, qing_clock_get_timezone (qing_store_get_clock (self)));

  g_date_clear (out_day, 1);
  g_date_set_dmy (out_day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  if (out_minute != NULL)
    *out_minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

/* The mentor's latest effective talk with @student_id in [from, to]; 0 if none. */
static gint64
find_talk (QingStore *self, gint64 mentor_id, gint64 student_id, gint64 from_utc, gint64 to_utc)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self,
                             "SELECT id FROM talks WHERE student_id = ?2"
                             " AND listener_id = ?1 AND listener_role = 2"
                             " AND with_guardian = 0 AND duration_s >= ?5"
                             " AND start_utc BETWEEN ?3 AND ?4"
                             " ORDER BY start_utc DESC LIMIT 1",
                             NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, mentor_id);
  sqlite3_bind_int64 (stmt, 2, student_id);
  sqlite3_bind_int64 (stmt, 3, from_utc);
  sqlite3_bind_int64 (stmt, 4, to_utc);
  sqlite3_bind_int (stmt, 5, QING_EFFECTIVE_TALK_SECONDS);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

typedef struct
{
  GPtrArray *rosters; /* QingRosterStatus, kept alive for the sort keys */
  GArray *students;   /* QingPlanStudent waiting */
  GHashTable *done;   /* student ids done this cycle */
} Waiting;

static void
waiting_clear (Waiting *w)
{
  g_clear_pointer (&w->rosters, g_ptr_array_unref);
  g_clear_pointer (&w->students, g_array_unref);
  g_clear_pointer (&w->done, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Waiting, waiting_clear)

/* The students of @group_id (all the mentor's groups for 0) still waiting
 * for this cycle's talk, and those done. */
static gboolean
collect_waiting (QingStore *self, gint64 mentor_id, gint64 group_id, gint64 now, Waiting *w,
                 GError **error)
{
  QingViewer viewer = { mentor_id, QING_ROLE_MENTOR };
  g_autoptr (GArray) group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  w->rosters = g_ptr_array_new_with_free_func (g_object_unref);
  w->students = g_array_new (FALSE, FALSE, sizeof (QingPlanStudent));
  w->done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (group_id > 0)
    g_array_append_val (group_ids, group_id);
  else
    {
      g_autoptr (GPtrArray) groups = qing_store_list_groups (self, mentor_id, error);

      if (groups == NULL)
        return FALSE;
      for (guint i = 0; i < groups->len; i++)
        {
          gint64 id = qing_group_get_id (g_ptr_array_index (groups, i));

          g_array_append_val (group_ids, id);
        }
    }

  for (guint g = 0; g < group_ids->len; g++)
    {
      QingRosterStatus *roster = qing_roster_status_compute (
          self, g_array_index (group_ids, gint64, g), &viewer, now, error);
      guint n;

      if (roster == NULL)
        return FALSE;
      g_ptr_array_add (w->rosters, roster);
      n = g_list_model_get_n_items (G_LIST_MODEL (roster));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (QingRosterEntry) row = g_list_model_get_item (G_LIST_MODEL (roster), i);
          QingRosterState state = qing_roster_entry_get_state (row);
          gint days = qing_roster_entry_get_days_since_last_talk (row);
          QingPlanStudent student = {
            qing_roster_entry_get_student_id (row),
            qing_roster_entry_get_care_level (row),
            days < 0 ? G_MAXINT : days,
            qing_roster_entry_get_sort_key (row),
          };

          if (state == QING_ROSTER_DONE)
            g_hash_table_add (w->done, g_memdup2 (&student.student_id, sizeof (gint64)));
          else if (state == QING_ROSTER_WAITING || state == QING_ROSTER_OVERDUE)
            g_array_append_val (w->students, student);
        }
    }
  return TRUE;
}

/* Open entries of students who had their talk meanwhile become DONE. */
static void
mark_done_entries (QingStore *self, gint64 mentor_id, GArray *entries, GHashTable *done,
                   const QingCycle *cycle)
{
  GTimeZone *tz = qing_clock_get_timezone (qing_store_get_clock (self));
  g_autoptr (GDateTime) first
      = g_date_time_new (tz, g_date_get_year (&cycle->first), g_date_get_month (&cycle->first),
                         g_date_get_day (&cycle->first), 0, 0, 0);
  gint64 from = g_date_time_to_unix (first);
  gint64 to = qing_store_now (self);

  for (guint i = 0; i < entries->len; i++)
    {
      QingPlanEntry *e = &g_array_index (entries, QingPlanEntry, i);

      if ((e->status == QING_PLAN_PLANNED || e->status == QING_PLAN_MOVED)
          && g_hash_table_contains (done, &e->student_id))
        {
          e->status = QING_PLAN_DONE;
          e->talk_id = find_talk (self, mentor_id, e->student_id, from, to);
        }
    }
}

/* The MENTOR_BIWEEKLY period at @now, as the roster sees it. */
static gboolean
current_cycle (QingStore *self, QingSchoolCalendar *cal, gint64 now, QingCycle *out_cycle,
               GError **error)
{
  QingCadenceStatus period;

  qing_cadence_evaluate (cal, qing_clock_get_timezone (qing_store_get_clock (self)), now,
                         qing_cadence_rule_get_default (QING_CADENCE_MENTOR_BIWEEKLY), 0,
                         QING_CARE_NORMAL, NULL, 0, &period);
  if (period.state == QING_CADENCE_NOT_APPLICABLE)
    return qing_plan_fail (
        error, QING_PLAN_ERROR_NO_CYCLE,
        _("There is no talk cycle to plan today: it is outside the school term. "
           "Check the terms in Preferences."));
  out_cycle->number = period.cycle_number;
  out_cycle->first = period.period_first;
  out_cycle->last = period.period_last;
  return TRUE;
}

/* "Plan this cycle" (see qing-store-plan.h).
 * Returns: (transfer full): the plan, or NULL with @error set. */
QingCyclePlan *
qing_store_plan_cycle (QingStore *self, gint64 mentor_id, gint64 group_id, GError **error)
{
  g_autoptr (QingSchoolCalendar) cal = NULL;
  g_autoptr (GArray) slots = NULL;
  g_autoptr (GArray) existing = NULL;
  g_autoptr (QingCyclePlan) plan = g_new0 (QingCyclePlan, 1);
  g_auto (Waiting) waiting = { 0 };
  gint64 now = qing_store_now (self);
  QingPlanInput in = { 0 };

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  cal = qing_store_load_school_calendar (self, error);
  if (cal == NULL || !current_cycle (self, cal, now, &plan->cycle, error))
    return NULL;
  slots = qing_store_list_mentor_slots (self, mentor_id, error);
  if (slots == NULL || !collect_waiting (self, mentor_id, group_id, now, &waiting, error))
    return NULL;
  existing = qing_store_list_plan_entries (self, mentor_id, &plan->cycle.first, &plan->cycle.last,
                                           error);
  if (existing == NULL)
    return NULL;
  mark_done_entries (self, mentor_id, existing, waiting.done, &plan->cycle);

  in.calendar = cal;
  qing_plan_local_day (self, now, &in.today, &in.now_minute);
  in.last_day = plan->cycle.last;
  in.slots = (const QingMentorSlot *)(gpointer)slots->data;
  in.n_slots = slots->len;
  in.students = (const QingPlanStudent *)(gpointer)waiting.students->data;
  in.n_students = waiting.students->len;
  in.existing = (const QingPlanEntry *)(gpointer)existing->data;
  in.n_existing = existing->len;
  plan->result = qing_planner_plan (&in);

  if (!qing_store_save_plan (self, mentor_id, &plan->cycle.first, plan->result->entries, error))
    return NULL;
  return g_steal_pointer (&plan);
}

/* ---- Missed talks ---- */

typedef struct
{
  gint64 mentor_id;
  gint64 now;
  guint moved;
  guint missed;
} MoveMissed;

/* Open entries before @today whose student has had the talk meanwhile
 * become DONE; returns how many open entries before @today are left. */
static guint
settle_past_entries (QingStore *self, MoveMissed *data, GArray *entries, const GDate *today,
                     const QingCycle *cycle)
{
  GTimeZone *tz = qing_clock_get_timezone (qing_store_get_clock (self));
  g_autoptr (GDateTime) first
      = g_date_time_new (tz, g_date_get_year (&cycle->first), g_date_get_month (&cycle->first),
                         g_date_get_day (&cycle->first), 0, 0, 0);
  guint n_past = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      QingPlanEntry *e = &g_array_index (entries, QingPlanEntry, i);
      gint64 talk_id;

      if ((e->status != QING_PLAN_PLANNED && e->status != QING_PLAN_MOVED)
          || g_date_compare (&e->day, today) >= 0)
        continue;
      talk_id = find_talk (self, data->mentor_id, e->student_id, g_date_time_to_unix (first),
                           data->now);
      if (talk_id != 0)
        {
          e->status = QING_PLAN_DONE;
          e->talk_id = talk_id;
        }
      else
        n_past++;
    }
  return n_past;
}

/* The entries of @after that differ from @before (same ids). */
static GArray *
changed_entries (GArray *before, GArray *after)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *changed = g_array_new (FALSE, FALSE, sizeof (QingPlanEntry));

  for (guint i = 0; i < before->len; i++)
    {
      QingPlanEntry *e = &g_array_index (before, QingPlanEntry, i);

      g_hash_table_insert (by_id, &e->id, e);
    }
  for (guint i = 0; i < after->len; i++)
    {
      const QingPlanEntry *e = &g_array_index (after, QingPlanEntry, i);
      const QingPlanEntry *old = g_hash_table_lookup (by_id, &e->id);

      if (old == NULL || old->status != e->status || g_date_compare (&old->day, &e->day) != 0
          || old->slot_id != e->slot_id || old->position != e->position)
        g_array_append_val (changed, *e);
    }
  return changed;
}

static gboolean
move_missed_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  MoveMissed *data = user_data;
  g_autoptr (QingSchoolCalendar) cal = NULL;
  g_autoptr (GArray) before = NULL;
  g_autoptr (GArray) existing = NULL;
  g_autoptr (GArray) slots = NULL;
  g_autoptr (GArray) changed = NULL;
  g_autoptr (QingPlanResult) result = NULL;
  QingPlanInput in = { 0 };
  QingCycle cycle;
  SavePlan save;

  cal = qing_store_load_school_calendar (self, error);
  if (cal == NULL)
    return FALSE;
  if (!current_cycle (self, cal, data->now, &cycle, NULL))
    return TRUE; /* outside every term: nothing to move */
  before = qing_store_list_plan_entries (self, data->mentor_id, &cycle.first, &cycle.last, error);
  if (before == NULL)
    return FALSE;
  existing = g_array_copy (before);
  qing_plan_local_day (self, data->now, &in.today, &in.now_minute);
  if (settle_past_entries (self, data, existing, &in.today, &cycle) > 0)
    {
      slots = qing_store_list_mentor_slots (self, data->mentor_id, error);
      if (slots == NULL)
        return FALSE;
      in.calendar = cal;
      in.last_day = cycle.last;
      in.slots = (const QingMentorSlot *)(gpointer)slots->data;
      in.n_slots = slots->len;
      in.existing = (const QingPlanEntry *)(gpointer)existing->data;
      in.n_existing = existing->len;
      result = qing_planner_plan (&in);
      data->moved = result->n_moved;
      data->missed = result->unplaced->len;
      g_array_set_size (existing, 0);
      g_array_append_vals (existing, result->entries->data, result->entries->len);
    }
  changed = changed_entries (before, existing);
  save = (SavePlan){ data->mentor_id, &cycle.first, changed };
  return save_plan_in_transaction (self, &save, error);
}

/* Moves the open entries dated before @now's day to the next free seats
 * (see qing-store-plan.h), in one transaction. */
gboolean
qing_store_move_missed_plan_entries (QingStore *self, gint64 mentor_id, gint64 now,
                                     guint *out_moved, guint *out_missed, GError **error)
{
  MoveMissed data = { mentor_id, now, 0, 0 };

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  if (!qing_store_transaction (self, move_missed_in_transaction, &data, error))
    return FALSE;
  if (out_moved != NULL)
    *out_moved = data.moved;
  if (out_missed != NULL)
    *out_missed = data.missed;
  return TRUE;
}
