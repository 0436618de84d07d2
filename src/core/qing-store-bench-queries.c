/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Queries for the benchmark (see qing-store-bench-queries.h).
 */
#include "qing-store-bench-queries.h"

#include <glib/gi18n-lib.h>

#include "qing-store-private.h"

/* Returns the students not archived (of @group_id if it is not 0) whose
 * care level is at least @min_care, as a new GArray of QingCadenceSubject
 * sorted by id, as qing_cadence_evaluate_many() wants them. */
GArray *
qing_bench_list_subjects (QingStore     *store,
                          gint64         group_id,
                          QingCareLevel  min_care,
                          GError       **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GArray) subjects = g_array_new (FALSE, FALSE, sizeof (QingCadenceSubject));
  int rc;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);

  if (group_id != 0)
    stmt = qing_store_prepare (store, "SELECT p.id, p.care_level FROM group_members m"
                                      " JOIN persons p ON p.id = m.student_id"
                                      " WHERE m.group_id = ?1 AND p.care_level >= ?2"
                                      " AND p.archived = 0 ORDER BY p.id", error);
  else if (min_care > QING_CARE_NORMAL)
    stmt = qing_store_prepare (store, "SELECT id, care_level FROM persons"
                                      " WHERE care_level >= ?2 AND care_level > 0 AND kind = 1"
                                      " AND archived = 0 ORDER BY id", error);
  else
    stmt = qing_store_prepare (store, "SELECT id, care_level FROM persons"
                                      " WHERE kind = 1 AND archived = 0 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  if (group_id != 0)
    sqlite3_bind_int64 (stmt, 1, group_id);
  if (group_id != 0 || min_care > QING_CARE_NORMAL)
    sqlite3_bind_int (stmt, 2, min_care);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingCadenceSubject subject = { sqlite3_column_int64 (stmt, 0),
                                     sqlite3_column_int (stmt, 1) };
      g_array_append_val (subjects, subject);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (store, error, _("Reading students"));
      return NULL;
    }
  return g_steal_pointer (&subjects);
}

#define SPAN_COLUMNS \
  "t.student_id, t.start_utc, t.duration_s, t.listener_id, t.listener_role, t.with_guardian"
#define ROLE_SPANS(role, from) \
  "SELECT " SPAN_COLUMNS " FROM talks t INDEXED BY talks_by_role_time"  \
  " WHERE t.listener_role = " role \
  " AND t.start_utc >= " from " AND t.start_utc < ?9"

/* One statement: for each listener role, the talks since the earliest
 * window of that role's rules for every student (?1 … ?4), and for the
 * students who need care the older talks of the roles their own rules
 * need (?5 … ?8, the earliest of them in ?10), up to where the first part
 * begins.  Each part is one range of an index, as long as the windows
 * are, whatever the years of history.  No ORDER BY: see sort_spans(). */
static const char rule_spans_sql[] =
  ROLE_SPANS ("1", "?1") " UNION ALL " ROLE_SPANS ("2", "?2") " UNION ALL "
  ROLE_SPANS ("3", "?3") " UNION ALL " ROLE_SPANS ("4", "?4") " UNION ALL "
  "SELECT " SPAN_COLUMNS " FROM persons p JOIN talks t ON t.student_id = p.id"
  " WHERE p.care_level > 0 AND t.start_utc >= ?10 AND t.start_utc < ?9"
  " AND t.start_utc >= CASE t.listener_role WHEN 1 THEN ?5 WHEN 2 THEN ?6 WHEN 3 THEN ?7"
  "   ELSE ?8 END"
  " AND t.start_utc < CASE t.listener_role WHEN 1 THEN ?1 WHEN 2 THEN ?2 WHEN 3 THEN ?3"
  "   ELSE ?4 END";

/* Sorts @spans by student, then start: what qing_cadence_evaluate_many()
 * wants.  Done here, not by SQLite's sorter (which costs more than the
 * read): a counting sort over the student ids, then an insertion sort of
 * each student's few talks. */
static GArray *
sort_spans (GArray *spans)
{
  gint64 max_id = 0;
  g_autofree guint *first = NULL;
  GArray *sorted;

  for (guint i = 0; i < spans->len; i++)
    max_id = MAX (max_id, g_array_index (spans, QingTalkSpan, i).student_id);
  if (max_id <= 0 || max_id > 100 * (gint64) spans->len + 100000)
    return NULL; /* ids too sparse for counting: let the caller sort */
  first = g_new0 (guint, max_id + 2);
  for (guint i = 0; i < spans->len; i++)
    first[g_array_index (spans, QingTalkSpan, i).student_id + 1]++;
  for (gint64 id = 1; id <= max_id + 1; id++)
    first[id] += first[id - 1];
  /* cleared, so a slot not filled yet never looks like the same student */
  sorted = g_array_sized_new (FALSE, TRUE, sizeof (QingTalkSpan), spans->len);
  g_array_set_size (sorted, spans->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const QingTalkSpan *span = &g_array_index (spans, QingTalkSpan, i);
      QingTalkSpan *to = &g_array_index (sorted, QingTalkSpan, first[span->student_id]++);
      QingTalkSpan *p = to;

      /* keep the student's talks ordered by start as they arrive */
      while (p > (QingTalkSpan *) sorted->data && p[-1].student_id == span->student_id
             && p[-1].start_utc > span->start_utc)
        {
          p[0] = p[-1];
          p--;
        }
      *p = *span;
    }
  return sorted;
}

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const QingTalkSpan *x = a, *y = b;

  if (x->student_id != y->student_id)
    return x->student_id < y->student_id ? -1 : 1;
  return (x->start_utc > y->start_utc) - (x->start_utc < y->start_utc);
}

/* For each role (1 … 4), the earliest talk its rules for everyone need,
 * and the earliest its rules for students who need care need.  A rule for
 * any role (STUDENT_DAILY) needs the talks of every role. */
static void
find_windows (QingSchoolCalendar *calendar, GTimeZone *tz, gint64 now_utc,
              const QingCadenceRuleInfo *rules, gsize n_rules, gint64 everyone[5],
              gint64 care[5])
{
  for (int r = 0; r < 5; r++)
    everyone[r] = care[r] = now_utc + 1;
  for (gsize i = 0; i < n_rules; i++)
    {
      g_autoptr (QingCadenceFrame) frame = qing_cadence_frame_new (calendar, tz, now_utc,
                                                                   &rules[i]);
      gint64 from = qing_cadence_frame_get_window_start (frame);
      gboolean any = rules[i].listener_role == QING_CADENCE_ANY_ROLE;
      guint first = any ? 1 : CLAMP (rules[i].listener_role, 1, 4);
      guint last = any ? 4 : first;

      for (guint role = first; role <= last; role++)
        {
          if (qing_cadence_rule_applies (&rules[i], QING_CARE_NORMAL))
            everyone[role] = MIN (everyone[role], from);
          care[role] = MIN (care[role], from);
        }
    }
}

/* Returns the talk spans that can change the status of any student under
 * @rules at @now_utc, sorted by student and start (a new GArray of
 * QingTalkSpan): each role's talks only as far back as its rules look,
 * and the longer windows of the care rules only for students who need
 * care.  One query. */
GArray *
qing_bench_list_rule_spans (QingStore                 *store,
                            QingSchoolCalendar        *calendar,
                            GTimeZone                 *tz,
                            gint64                     now_utc,
                            const QingCadenceRuleInfo *rules,
                            gsize                      n_rules,
                            GError                   **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GArray) spans = g_array_sized_new (FALSE, FALSE, sizeof (QingTalkSpan), 4096);
  gint64 everyone[5], care[5], earliest;
  GArray *sorted;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);

  find_windows (calendar, tz, now_utc, rules, n_rules, everyone, care);
  stmt = qing_store_prepare (store, rule_spans_sql, error);
  if (stmt == NULL)
    return NULL;
  earliest = now_utc + 1;
  for (int r = 1; r <= 4; r++)
    {
      sqlite3_bind_int64 (stmt, r, everyone[r]);
      sqlite3_bind_int64 (stmt, 4 + r, care[r]);
      earliest = MIN (earliest, care[r]);
    }
  sqlite3_bind_int64 (stmt, 9, now_utc + 1);
  sqlite3_bind_int64 (stmt, 10, earliest);
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
      qing_store_set_error_from_db (store, error, _("Reading talks"));
      return NULL;
    }
  sorted = sort_spans (spans);
  if (sorted != NULL)
    return sorted;
  g_array_sort (spans, compare_spans);
  return g_steal_pointer (&spans);
}
