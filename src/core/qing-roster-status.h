/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor's roster: every student of a group with their state in the
 * current MENTOR_BIWEEKLY cycle, days since the last talk, care level and
 * the at-risk cadences (mentor talks with the student and with the
 * guardians, MENTOR_AT_RISK / MENTOR_AT_RISK_GUARDIAN).
 *
 * Cost: one query for the group's students and one windowed query for their
 * mentor talks since the cadence window start (qing_cadence_get_window_start),
 * so it grows with the students, not with the years of history.
 *
 * Confidentiality: only talks in the mentor role count, and of those only
 * what the viewer may see: the viewer's own talks, and other mentors' talks
 * shared with the school (visibility ≥ SCHOOL; ≥ COUNSELOR for a counselor).
 */
#pragma once

#include <gio/gio.h>

#include "qing-cadence.h"
#include "qing-repository.h"
#include "qing-store.h"

G_BEGIN_DECLS

/* A student's state in the current cycle. */
typedef enum
{
  QING_ROSTER_NOT_APPLICABLE = 0, /* outside every term */
  QING_ROSTER_DONE           = 1,
  QING_ROSTER_WAITING        = 2,
  QING_ROSTER_OVERDUE        = 3,
} QingRosterState;

typedef enum
{
  QING_ROSTER_SORT_URGENCY = 0, /* overdue, care level, waiting longest, then done; pinyin */
  QING_ROSTER_SORT_NAME    = 1, /* pinyin order */
} QingRosterSort;

#define QING_TYPE_ROSTER_ENTRY (qing_roster_entry_get_type ())
G_DECLARE_FINAL_TYPE (QingRosterEntry, qing_roster_entry, QING, ROSTER_ENTRY, GObject)

/* Properties (read-only, same names): "student-id", "name", "initials",
 * "sort-key", "care-level", "state", "status-text", "done-day" (string
 * YYYY-MM-DD or NULL), "school-days-left", "missed-last-cycle",
 * "days-since-last-talk" (-1 never), "at-risk-state", "guardian-state". */
gint64           qing_roster_entry_get_student_id        (QingRosterEntry *self);
const char      *qing_roster_entry_get_name              (QingRosterEntry *self);
const char      *qing_roster_entry_get_initials          (QingRosterEntry *self); /* "zs" */
const char      *qing_roster_entry_get_sort_key          (QingRosterEntry *self);
QingCareLevel    qing_roster_entry_get_care_level        (QingRosterEntry *self);
QingRosterState  qing_roster_entry_get_state             (QingRosterEntry *self);
/* "Done on Nov 25", "3 school days left", "Overdue by 4 days". */
const char      *qing_roster_entry_get_status_text       (QingRosterEntry *self);
/* The local day of the talk that made it done; NULL unless DONE. */
const GDate     *qing_roster_entry_get_done_day          (QingRosterEntry *self);
guint            qing_roster_entry_get_school_days_left  (QingRosterEntry *self);
gboolean         qing_roster_entry_get_missed_last_cycle (QingRosterEntry *self);
/* Whole local days since the last mentor talk of 15 minutes; -1 if none. */
gint             qing_roster_entry_get_days_since_last_talk (QingRosterEntry *self);
/* Cadence states for students with a care level (NOT_APPLICABLE without). */
QingCadenceState qing_roster_entry_get_at_risk_state     (QingRosterEntry *self);
QingCadenceState qing_roster_entry_get_guardian_state    (QingRosterEntry *self);
/* The full statuses, for detail views. (transfer none) */
const QingCadenceStatus *qing_roster_entry_get_cycle_status    (QingRosterEntry *self);
const QingCadenceStatus *qing_roster_entry_get_at_risk_status  (QingRosterEntry *self);
const QingCadenceStatus *qing_roster_entry_get_guardian_status (QingRosterEntry *self);
/* Name or pinyin initials/letters search ("zs", "zhang", "张"). */
gboolean         qing_roster_entry_matches               (QingRosterEntry *self,
                                                          const char      *query);

/* The roster: a GListModel of QingRosterEntry. */
#define QING_TYPE_ROSTER_STATUS (qing_roster_status_get_type ())
G_DECLARE_FINAL_TYPE (QingRosterStatus, qing_roster_status, QING, ROSTER_STATUS, GObject)

/* Computes the roster of @group_id as @viewer sees it at @now_utc.
 * Returns: (transfer full): the roster, or NULL with @error set. */
QingRosterStatus *qing_roster_status_compute (QingStore        *store,
                                              gint64            group_id,
                                              const QingViewer *viewer,
                                              gint64            now_utc,
                                              GError          **error);

/* "Cycle 3 · Nov 23–Dec 6 · 31 of 45 done", or "Outside term" when no
 * cycle applies.  (transfer none) */
const char      *qing_roster_status_get_header  (QingRosterStatus *self);
/* The current cycle (number 0 when outside every term). */
const QingCycle *qing_roster_status_get_cycle   (QingRosterStatus *self);
/* Counts for the cycle (done, due, overdue, missed last cycle …). */
const QingCadenceSummary *qing_roster_status_get_summary (QingRosterStatus *self);
QingRosterSort   qing_roster_status_get_sort    (QingRosterStatus *self);
void             qing_roster_status_set_sort    (QingRosterStatus *self,
                                                 QingRosterSort    sort);
/* Recomputes at the store clock's now (after a talk was saved …) and
 * emits precise items-changed (qing_list_diff_apply()): removed and added
 * students, each moved row (inserted at its new place, then removed from
 * the old one) and (i, 1, 1) for a row whose contents changed in place.
 * Also done by itself in an idle after a "row-changed" of talks, persons,
 * group_members or care_levels. */
gboolean         qing_roster_status_refresh     (QingRosterStatus *self,
                                                 GError          **error);
/* The row of @student_id, or NULL. (transfer none) */
QingRosterEntry *qing_roster_status_find       (QingRosterStatus *self,
                                                 gint64            student_id);

G_END_DECLS
