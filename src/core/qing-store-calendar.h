/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school calendar in the store: the terms, calendar_exceptions
 * (holidays, make-up school days 调休) and key_periods tables, read into a
 * QingSchoolCalendar and written back from the Preferences.
 */
#pragma once

#include "qing-school-calendar.h"
#include "qing-store.h"

G_BEGIN_DECLS

/* Kinds of rows of calendar_exceptions. */
typedef enum
{
  QING_CALENDAR_HOLIDAY = 1, /* no school (may span several days) */
  QING_CALENDAR_MAKEUP  = 2, /* 调休: a weekend day that is a school day */
} QingCalendarExceptionKind;

/* Loads the whole school calendar (terms, holidays, make-up days, key
 * periods with their interval overrides).  An empty store gives an empty
 * calendar (no terms: school rules are then not applicable).
 * Returns: (transfer full): a new calendar, or NULL with @error set. */
QingSchoolCalendar *qing_store_load_school_calendar (QingStore  *self,
                                                     GError    **error);

/* Adds a term.  Returns: the new row id, or 0 with @error set. */
gint64   qing_store_add_term          (QingStore   *self,
                                       const char  *name,
                                       const GDate *first,
                                       const GDate *last,
                                       GError     **error);
/* Adds a holiday or a make-up day (for a make-up day, first == last and it
 * must be a Saturday or Sunday).  Returns: the row id, or 0 with @error. */
gint64   qing_store_add_calendar_exception (QingStore                 *self,
                                            QingCalendarExceptionKind  kind,
                                            const char                *name,
                                            const GDate               *first,
                                            const GDate               *last,
                                            GError                   **error);
/* Adds the make-up school day (调休) @day, a Saturday or Sunday, that runs
 * the timetable of @follows_weekday ("this Sunday follows Friday's
 * timetable").  qing_store_add_calendar_exception() stores make-up days
 * that follow Monday.  Returns: the row id, or 0 with @error set. */
gint64   qing_store_add_makeup_day    (QingStore    *self,
                                       const char   *name,
                                       const GDate  *day,
                                       GDateWeekday  follows_weekday,
                                       GError      **error);
/* Adds a key period (关键时段); @kind is a QingKeyPeriodKind.  Returns: the
 * row id, or 0 with @error set. */
gint64   qing_store_add_key_period    (QingStore         *self,
                                       QingKeyPeriodKind  kind,
                                       const char        *name,
                                       const GDate       *first,
                                       const GDate       *last,
                                       GError           **error);
/* Sets how often @rule runs during key period @key_period_id (stored in its
 * intervals JSON); QING_CADENCE_PERIOD_NONE removes the override. */
gboolean qing_store_set_key_period_interval (QingStore         *self,
                                             gint64             key_period_id,
                                             QingCadenceRule    rule,
                                             QingCadencePeriod  period,
                                             GError           **error);
/* Removes a row of terms, calendar_exceptions or key_periods: @table is one
 * of "terms", "calendar_exceptions", "key_periods". */
gboolean qing_store_remove_calendar_row (QingStore   *self,
                                         const char  *table,
                                         gint64       row_id,
                                         GError     **error);

/* Local days as the store keeps them ("2026-11-23"). */
gboolean qing_calendar_day_parse  (const char *text,
                                   GDate      *out_day);
/* Writes @day as "YYYY-MM-DD" into @out (11 bytes with the NUL). */
void     qing_calendar_day_format (const GDate *day,
                                   char         out[11]);

/* ---- calendar editor: listing and editing the rows (qing-store-calendar-list.c) ---- */

/* One row of terms, calendar_exceptions or key_periods, for the
 * Preferences page.  @kind is 0 for a term, a QingCalendarExceptionKind or
 * a QingKeyPeriodKind; @intervals (key periods only) is each rule's
 * override, QING_CADENCE_PERIOD_NONE when there is none; @follows_weekday
 * (make-up days only, else 0) is the weekday whose timetable the day runs,
 * 1 Monday … 7 Sunday. */
typedef struct
{
  gint64            id;
  int               kind;
  char             *name;
  GDate             first;
  GDate             last;
  QingCadencePeriod intervals[QING_CADENCE_N_RULES];
  guint             follows_weekday;
} QingCalendarRow;

#define QING_TYPE_CALENDAR_ROW (qing_calendar_row_get_type ())
GType            qing_calendar_row_get_type (void) G_GNUC_CONST;
QingCalendarRow *qing_calendar_row_copy (const QingCalendarRow *row);
void             qing_calendar_row_free (QingCalendarRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QingCalendarRow, qing_calendar_row_free)

/* The rows of terms / calendar_exceptions (holidays and make-up days) /
 * key_periods, ordered by first day then id.
 * Returns: (transfer full) (element-type QingCalendarRow): a new array that
 * frees its rows, or NULL with @error set. */
GPtrArray *qing_store_list_terms               (QingStore  *self,
                                                GError    **error);
GPtrArray *qing_store_list_calendar_exceptions (QingStore  *self,
                                                GError    **error);
GPtrArray *qing_store_list_key_periods         (QingStore  *self,
                                                GError    **error);
/* Changes a term's name and days; refuses a reversed range or an overlap
 * with another term (QING_SCHOOL_CALENDAR_ERROR). */
gboolean   qing_store_update_term              (QingStore   *self,
                                                gint64       term_id,
                                                const char  *name,
                                                const GDate *first,
                                                const GDate *last,
                                                GError     **error);
/* The term to suggest on @today: the autumn term 1 Sep – 20 Jan when today
 * is 15 Aug – 14 Feb, otherwise the spring term 15 Feb – 10 Jul.
 * Returns: (transfer full): its translated name ("Autumn term 2026"). */
char      *qing_calendar_suggest_term          (const GDate *today,
                                                GDate       *out_first,
                                                GDate       *out_last);

/* ---- end of calendar editor ---- */

G_END_DECLS
