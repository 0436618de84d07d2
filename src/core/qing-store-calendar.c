/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school calendar in the store.  Key period intervals are kept as a
 * JSON object, rule number → interval in days ({"3": 14}: mentors see
 * students who need care every two weeks during that period).
 */
#include "qing-store-calendar.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "qing-store-private.h"

#define COL_TEXT(stmt, i) ((const char *)sqlite3_column_text ((stmt), (i)))

/* Parses "YYYY-MM-DD"; FALSE for anything else. */
gboolean
qing_calendar_day_parse (const char *text, GDate *out_day)
{
  unsigned y, m, d;
  char tail;

  g_return_val_if_fail (out_day != NULL, FALSE);

  g_date_clear (out_day, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out_day, d, m, y);
  return TRUE;
}

/* Writes @day as "YYYY-MM-DD" into @out. */
void
qing_calendar_day_format (const GDate *day, char out[11])
{
  g_return_if_fail (day != NULL && g_date_valid (day));

  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
              g_date_get_day (day));
}

static QingCadencePeriod
period_of_days (gint64 days)
{
  if (days <= 0)
    return QING_CADENCE_PERIOD_NONE;
  if (days <= 1)
    return QING_CADENCE_PERIOD_DAY;
  if (days <= 7)
    return QING_CADENCE_PERIOD_WEEK;
  if (days <= 14)
    return QING_CADENCE_PERIOD_TWO_WEEKS;
  return QING_CADENCE_PERIOD_MONTH;
}

static gint64
days_of_period (QingCadencePeriod period)
{
  switch (period)
    {
    case QING_CADENCE_PERIOD_DAY:
      return 1;
    case QING_CADENCE_PERIOD_WEEK:
      return 7;
    case QING_CADENCE_PERIOD_TWO_WEEKS:
      return 14;
    case QING_CADENCE_PERIOD_MONTH:
      return 30;
    case QING_CADENCE_PERIOD_NONE:
    default:
      return 0;
    }
}

static gboolean
add_range (QingSchoolCalendar *cal, int kind, const GDate *first, const GDate *last,
           guint follows_weekday, GError **error)
{
  GDate day = *first;
  gboolean ok = TRUE;

  if (kind == 0)
    return qing_school_calendar_add_term (cal, first, last, error);
  if (kind == QING_CALENDAR_HOLIDAY)
    return qing_school_calendar_add_holiday (cal, first, last, error);
  for (; ok && g_date_compare (&day, last) <= 0; g_date_add_days (&day, 1))
    ok = qing_school_calendar_add_makeup_day_following (cal, &day, follows_weekday, error);
  return ok;
}

static gboolean
load_ranges (QingStore *store, QingSchoolCalendar *cal, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  stmt = qing_store_prepare (store,
                             "SELECT 0, first_day, last_day, NULL FROM terms"
                             " UNION ALL SELECT kind, first_day, last_day, follows_weekday"
                             " FROM calendar_exceptions ORDER BY 1, 2",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate first, last;

      if (!qing_calendar_day_parse (COL_TEXT (stmt, 1), &first)
          || !qing_calendar_day_parse (COL_TEXT (stmt, 2), &last))
        continue;
      if (!add_range (cal, sqlite3_column_int (stmt, 0), &first, &last,
                      (guint)sqlite3_column_int (stmt, 3), error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return qing_store_set_error_from_db (store, error, _("Reading the school calendar"));
  return TRUE;
}

static gboolean
load_key_periods (QingStore *store, QingSchoolCalendar *cal, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 last_id = 0;
  gboolean skipped = FALSE;
  guint index = 0;
  int rc;

  stmt = qing_store_prepare (store,
                             "SELECT k.id, k.kind, k.first_day, k.last_day, j.key, j.value"
                             " FROM key_periods k LEFT JOIN json_each (k.intervals) j"
                             " ORDER BY k.first_day, k.id",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int kind = sqlite3_column_int (stmt, 1);
      const char *key = COL_TEXT (stmt, 4);
      gint64 rule = key != NULL ? g_ascii_strtoll (key, NULL, 10) : 0;

      if (id != last_id)
        {
          GDate first, last;

          last_id = id;
          /* Kinds this version does not know (6 "other") have no effect. */
          skipped = kind < QING_KEY_PERIOD_SPRING || kind > QING_KEY_PERIOD_EMERGENCY
                    || !qing_calendar_day_parse (COL_TEXT (stmt, 2), &first)
                    || !qing_calendar_day_parse (COL_TEXT (stmt, 3), &last);
          if (!skipped
              && !qing_school_calendar_add_key_period (cal, kind, &first, &last, &index, error))
            return FALSE;
        }
      if (!skipped && rule > 0 && rule < QING_CADENCE_N_RULES
          && !qing_school_calendar_set_key_period_interval (
              cal, index, rule, period_of_days (sqlite3_column_int64 (stmt, 5)), error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return qing_store_set_error_from_db (store, error, _("Reading the school calendar"));
  return TRUE;
}

/* Loads the whole school calendar.
 * Returns: (transfer full): a new calendar, or NULL with @error set. */
QingSchoolCalendar *
qing_store_load_school_calendar (QingStore *self, GError **error)
{
  g_autoptr (QingSchoolCalendar) cal = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  cal = qing_school_calendar_new ();
  if (!load_ranges (self, cal, error) || !load_key_periods (self, cal, error))
    return NULL;
  return g_steal_pointer (&cal);
}

static gint64
insert_row (QingStore *self, const char *sql, const char *table, int kind, const char *name,
            const GDate *first, const GDate *last, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (self, sql, error);
  char a[11], b[11];
  gint64 id;

  if (stmt == NULL)
    return 0;
  qing_calendar_day_format (first, a);
  qing_calendar_day_format (last, b);
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (name != NULL && *name != '\0')
    sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  if (kind > 0)
    sqlite3_bind_int (stmt, 4, kind);
  if (!qing_store_step_done (self, stmt, _("Saving the school calendar"), error))
    return 0;
  id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  qing_store_emit_changed (self, table, id, QING_STORE_CHANGE_ADDED);
  return id;
}

/* Checks a new range against the stored calendar (overlapping terms, a
 * make-up day on a weekday, a reversed range). */
static gboolean
check_range (QingStore *self, int kind, const GDate *first, const GDate *last,
             guint follows_weekday, GError **error)
{
  g_autoptr (QingSchoolCalendar) cal = NULL;

  if (first == NULL || last == NULL || !g_date_valid (first) || !g_date_valid (last))
    {
      g_set_error_literal (error, QING_SCHOOL_CALENDAR_ERROR,
                           QING_SCHOOL_CALENDAR_ERROR_INVALID_RANGE,
                           _("Choose a valid first and last day."));
      return FALSE;
    }
  cal = qing_store_load_school_calendar (self, error);
  return cal != NULL && add_range (cal, kind, first, last, follows_weekday, error);
}

/* Adds a term.  Returns: the new row id, or 0 with @error set. */
gint64
qing_store_add_term (QingStore *self, const char *name, const GDate *first, const GDate *last,
                     GError **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), 0);

  if (!check_range (self, 0, first, last, 0, error))
    return 0;
  return insert_row (self, "INSERT INTO terms (first_day, last_day, name) VALUES (?1, ?2, ?3)",
                     "terms", 0, name, first, last, error);
}

/* Adds a holiday or a make-up day.  Returns: the row id, or 0 with @error. */
gint64
qing_store_add_calendar_exception (QingStore *self, QingCalendarExceptionKind kind,
                                   const char *name, const GDate *first, const GDate *last,
                                   GError **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), 0);
  g_return_val_if_fail (kind == QING_CALENDAR_HOLIDAY || kind == QING_CALENDAR_MAKEUP, 0);

  if (!check_range (self, kind, first, last, 0, error))
    return 0;
  return insert_row (self,
                     "INSERT INTO calendar_exceptions (first_day, last_day, name, kind)"
                     " VALUES (?1, ?2, ?3, ?4)",
                     "calendar_exceptions", kind, name, first, last, error);
}

/* Adds the make-up school day @day that runs the timetable of
 * @follows_weekday.  Returns: the row id, or 0 with @error set. */
gint64
qing_store_add_makeup_day (QingStore *self, const char *name, const GDate *day,
                           GDateWeekday follows_weekday, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  char text[11];
  gint64 id;

  g_return_val_if_fail (QING_IS_STORE (self), 0);
  g_return_val_if_fail (follows_weekday >= G_DATE_MONDAY && follows_weekday <= G_DATE_SUNDAY, 0);

  if (!check_range (self, QING_CALENDAR_MAKEUP, day, day, follows_weekday, error))
    return 0;
  stmt = qing_store_prepare (self,
                             "INSERT INTO calendar_exceptions"
                             " (first_day, last_day, name, kind, follows_weekday)"
                             " VALUES (?1, ?1, ?2, 2, ?3)",
                             error);
  if (stmt == NULL)
    return 0;
  qing_calendar_day_format (day, text);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (name != NULL && *name != '\0')
    sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, follows_weekday);
  if (!qing_store_step_done (self, stmt, _("Saving the school calendar"), error))
    return 0;
  id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  qing_store_emit_changed (self, "calendar_exceptions", id, QING_STORE_CHANGE_ADDED);
  return id;
}

/* Adds a key period.  Returns: the row id, or 0 with @error set. */
gint64
qing_store_add_key_period (QingStore *self, QingKeyPeriodKind kind, const char *name,
                           const GDate *first, const GDate *last, GError **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), 0);
  g_return_val_if_fail (kind >= QING_KEY_PERIOD_SPRING && kind <= QING_KEY_PERIOD_EMERGENCY, 0);

  if (first == NULL || last == NULL || !g_date_valid (first) || !g_date_valid (last)
      || g_date_compare (first, last) > 0)
    {
      g_set_error_literal (error, QING_SCHOOL_CALENDAR_ERROR,
                           QING_SCHOOL_CALENDAR_ERROR_INVALID_RANGE,
                           _("Choose a valid first and last day."));
      return 0;
    }
  return insert_row (self,
                     "INSERT INTO key_periods (first_day, last_day, name, kind)"
                     " VALUES (?1, ?2, ?3, ?4)",
                     "key_periods", kind, name, first, last, error);
}

/* Sets or removes a rule's interval during a key period. */
gboolean
qing_store_set_key_period_interval (QingStore *self, gint64 key_period_id, QingCadenceRule rule,
                                    QingCadencePeriod period, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  char path[16];

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (rule > 0 && rule < QING_CADENCE_N_RULES, FALSE);

  g_snprintf (path, sizeof path, "$.\"%d\"", (int)rule);
  if (period == QING_CADENCE_PERIOD_NONE)
    stmt = qing_store_prepare (self,
                               "UPDATE key_periods SET intervals ="
                               " json_remove (coalesce (intervals, '{}'), ?2)"
                               " WHERE id = ?1",
                               error);
  else
    stmt = qing_store_prepare (self,
                               "UPDATE key_periods SET intervals ="
                               " json_set (coalesce (intervals, '{}'), ?2, ?3)"
                               " WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key_period_id);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);
  if (period != QING_CADENCE_PERIOD_NONE)
    sqlite3_bind_int64 (stmt, 3, days_of_period (period));
  if (!qing_store_step_done (self, stmt, _("Saving the school calendar"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This key period is no longer in the database."));
      return FALSE;
    }
  qing_store_emit_changed (self, "key_periods", key_period_id, QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Removes a row of one of the three calendar tables. */
gboolean
qing_store_remove_calendar_row (QingStore *self, const char *table, gint64 row_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  const char *sql;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  if (g_strcmp0 (table, "terms") == 0)
    sql = "DELETE FROM terms WHERE id = ?1";
  else if (g_strcmp0 (table, "calendar_exceptions") == 0)
    sql = "DELETE FROM calendar_exceptions WHERE id = ?1";
  else if (g_strcmp0 (table, "key_periods") == 0)
    sql = "DELETE FROM key_periods WHERE id = ?1";
  else
    g_return_val_if_reached (FALSE);

  stmt = qing_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (!qing_store_step_done (self, stmt, _("Saving the school calendar"), error))
    return FALSE;
  qing_store_emit_changed (self, table, row_id, QING_STORE_CHANGE_REMOVED);
  return TRUE;
}
