/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school calendar's rows for the calendar editor in Preferences:
 * listing terms, holidays and make-up days (调休), and key periods (关键时段)
 * with their ids, changing a term, and the term to suggest on a fresh
 * install.  Writes announce themselves through the store's "row-changed".
 */
#include "qing-store-calendar.h"

#include <glib/gi18n-lib.h>

#include "qing-store-private.h"

#define COL_TEXT(stmt, i) ((const char *)sqlite3_column_text ((stmt), (i)))

/* Returns a copy of @row (free it with qing_calendar_row_free()). */
QingCalendarRow *
qing_calendar_row_copy (const QingCalendarRow *row)
{
  QingCalendarRow *copy;

  g_return_val_if_fail (row != NULL, NULL);
  copy = g_memdup2 (row, sizeof *row);
  copy->name = g_strdup (row->name);
  return copy;
}

/* Frees @row and its name. */
void
qing_calendar_row_free (QingCalendarRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

G_DEFINE_BOXED_TYPE (QingCalendarRow, qing_calendar_row, qing_calendar_row_copy,
                     qing_calendar_row_free)

/* The same mapping as the calendar loader: stored days → period. */
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

/* Reads the rows of @sql: columns id, kind, first_day, last_day, name and,
 * for key periods, the json_each key and value of the intervals (one
 * result row per interval, rows of one id adjacent), for calendar
 * exceptions follows_weekday. */
static GPtrArray *
list_rows (QingStore *self, const char *sql, gboolean with_intervals, gboolean with_follows,
           GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  QingCalendarRow *row = NULL;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  stmt = qing_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)qing_calendar_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (row == NULL || row->id != id)
        {
          row = g_new0 (QingCalendarRow, 1);
          row->id = id;
          row->kind = sqlite3_column_int (stmt, 1);
          row->name = g_strdup (COL_TEXT (stmt, 4));
          if (!qing_calendar_day_parse (COL_TEXT (stmt, 2), &row->first)
              || !qing_calendar_day_parse (COL_TEXT (stmt, 3), &row->last))
            {
              /* The schema's CHECK keeps days valid; skip anything else. */
              g_clear_pointer (&row, qing_calendar_row_free);
              continue;
            }
          if (with_follows && row->kind == QING_CALENDAR_MAKEUP)
            {
              int follows = sqlite3_column_int (stmt, 5);

              /* NULL (rows from before v3) means Monday. */
              row->follows_weekday = (follows >= 1 && follows <= 7) ? (guint)follows : 1;
            }
          g_ptr_array_add (rows, row);
        }
      if (with_intervals && COL_TEXT (stmt, 5) != NULL)
        {
          gint64 rule = g_ascii_strtoll (COL_TEXT (stmt, 5), NULL, 10);

          if (rule > 0 && rule < QING_CADENCE_N_RULES)
            row->intervals[rule] = period_of_days (sqlite3_column_int64 (stmt, 6));
        }
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (self, error, _("Reading the school calendar"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The terms, by first day.
 * Returns: (transfer full) (element-type QingCalendarRow): the rows, or NULL
 * with @error set. */
GPtrArray *
qing_store_list_terms (QingStore *self, GError **error)
{
  return list_rows (self,
                    "SELECT id, 0, first_day, last_day, name FROM terms"
                    " ORDER BY first_day, id",
                    FALSE, FALSE, error);
}

/* The holidays and make-up school days, by first day.
 * Returns: (transfer full) (element-type QingCalendarRow): the rows, or NULL
 * with @error set. */
GPtrArray *
qing_store_list_calendar_exceptions (QingStore *self, GError **error)
{
  return list_rows (self,
                    "SELECT id, kind, first_day, last_day, name, follows_weekday"
                    " FROM calendar_exceptions ORDER BY first_day, id",
                    FALSE, TRUE, error);
}

/* The key periods with their interval overrides, by first day.
 * Returns: (transfer full) (element-type QingCalendarRow): the rows, or NULL
 * with @error set. */
GPtrArray *
qing_store_list_key_periods (QingStore *self, GError **error)
{
  return list_rows (self,
                    "SELECT k.id, k.kind, k.first_day, k.last_day, k.name, j.key, j.value"
                    " FROM key_periods k LEFT JOIN json_each (k.intervals) j"
                    " ORDER BY k.first_day, k.id",
                    TRUE, FALSE, error);
}

/* Checks @first..@last against every term but @term_id. */
static gboolean
check_term (QingStore *self, gint64 term_id, const GDate *first, const GDate *last, GError **error)
{
  g_autoptr (QingSchoolCalendar) cal = qing_school_calendar_new ();
  g_autoptr (GPtrArray) terms = NULL;

  if (first == NULL || last == NULL || !g_date_valid (first) || !g_date_valid (last))
    {
      g_set_error_literal (error, QING_SCHOOL_CALENDAR_ERROR,
                           QING_SCHOOL_CALENDAR_ERROR_INVALID_RANGE,
                           _("Choose a valid first and last day."));
      return FALSE;
    }
  terms = qing_store_list_terms (self, error);
  if (terms == NULL)
    return FALSE;
  for (guint i = 0; i < terms->len; i++)
    {
      QingCalendarRow *row = g_ptr_array_index (terms, i);

      if (row->id != term_id
          && !qing_school_calendar_add_term (cal, &row->first, &row->last, error))
        return FALSE;
    }
  return qing_school_calendar_add_term (cal, first, last, error);
}

/* Changes a term's name and days. */
gboolean
qing_store_update_term (QingStore *self, gint64 term_id, const char *name, const GDate *first,
                        const GDate *last, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  char a[11], b[11];

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  if (!check_term (self, term_id, first, last, error))
    return FALSE;
  stmt = qing_store_prepare (self,
                             "UPDATE terms SET name = ?2, first_day = ?3, last_day = ?4"
                             " WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  qing_calendar_day_format (first, a);
  qing_calendar_day_format (last, b);
  sqlite3_bind_int64 (stmt, 1, term_id);
  if (name != NULL && *name != '\0')
    sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, b, -1, SQLITE_TRANSIENT);
  if (!qing_store_step_done (self, stmt, _("Saving the school calendar"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This term is no longer in the database."));
      return FALSE;
    }
  qing_store_emit_changed (self, "terms", term_id, QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* The term to suggest on @today (see the header).
 * Returns: (transfer full): the term's translated name. */
char *
qing_calendar_suggest_term (const GDate *today, GDate *out_first, GDate *out_last)
{
  GDateYear year;
  GDateMonth month;
  GDateDay day;
  gboolean autumn;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (out_first != NULL && out_last != NULL, NULL);

  year = g_date_get_year (today);
  month = g_date_get_month (today);
  day = g_date_get_day (today);
  /* 15 Aug – 14 Feb belongs to the autumn term; January and early
   * February to the one that started the year before. */
  autumn = month >= 9 || month == 1 || (month == 8 && day >= 15) || (month == 2 && day < 15);
  if (autumn && month <= 2)
    year--;
  g_date_clear (out_first, 1);
  g_date_clear (out_last, 1);
  if (autumn)
    {
      g_date_set_dmy (out_first, 1, G_DATE_SEPTEMBER, year);
      g_date_set_dmy (out_last, 20, G_DATE_JANUARY, year + 1);
      /* Translators: the name suggested for a new term; %u is its year */
      return g_strdup_printf (_("Autumn term %u"), (guint)year);
    }
  g_date_set_dmy (out_first, 15, G_DATE_FEBRUARY, year);
  g_date_set_dmy (out_last, 10, G_DATE_JULY, year);
  /* Translators: the name suggested for a new term; %u is its year */
  return g_strdup_printf (_("Spring term %u"), (guint)year);
}
