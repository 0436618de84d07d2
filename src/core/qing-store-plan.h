/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor's plan in the store: weekly slots (mentor_slots) and planned
 * talks (plan_entries), "Plan this cycle", the editing operations, the
 * iCalendar export, and live models of the plan and of today's agenda.
 *
 * Errors: QING_STORE_ERROR from the database; QING_PLAN_ERROR for what the
 * plan's rules refuse (a full slot, a day that is not a school day …),
 * with a sentence a user can read.
 */
#pragma once

#include <gio/gio.h>

#include "qing-planner.h"
#include "qing-repository.h"
#include "qing-store.h"

G_BEGIN_DECLS

#define QING_PLAN_ERROR (qing_plan_error_quark ())

typedef enum
{
  QING_PLAN_ERROR_INVALID,    /* bad slot values, unknown entry … */
  QING_PLAN_ERROR_FULL,       /* that slot is already at its capacity that day */
  QING_PLAN_ERROR_NO_SCHOOL,  /* that day is not a school day */
  QING_PLAN_ERROR_NO_CYCLE,   /* today is outside every term: no cycle to plan */
} QingPlanError;

GQuark qing_plan_error_quark (void);

/* ---- Slots ---- */

/* The mentor's slots, by weekday then start minute.
 * Returns: (transfer full) (element-type QingMentorSlot): with its clear
 * func set, or NULL with @error set. */
GArray  *qing_store_list_mentor_slots (QingStore  *self,
                                       gint64      mentor_id,
                                       GError    **error);
/* Adds a slot; on success slot->id is set. */
gboolean qing_store_add_mentor_slot   (QingStore      *self,
                                       gint64          mentor_id,
                                       QingMentorSlot *slot,
                                       GError        **error);
/* Updates a slot (by slot->id). */
gboolean qing_store_update_mentor_slot (QingStore            *self,
                                        const QingMentorSlot *slot,
                                        GError              **error);
/* Removes a slot; its plan entries keep their day and minute (slot_id NULL). */
gboolean qing_store_remove_mentor_slot (QingStore  *self,
                                        gint64      slot_id,
                                        GError    **error);

/* ---- Plan entries ---- */

/* The mentor's entries from @first to @last (both included), by day and
 * minute.  Returns: (transfer full) (element-type QingPlanEntry), or NULL
 * with @error set. */
GArray  *qing_store_list_plan_entries (QingStore   *self,
                                       gint64       mentor_id,
                                       const GDate *first,
                                       const GDate *last,
                                       GError     **error);
/* Saves a planner result in ONE transaction: entries with id 0 are
 * inserted (their id and uuid are filled in), the others updated.
 * @cycle_first: the cycle's first day, stored with each entry. */
gboolean qing_store_save_plan (QingStore     *self,
                               gint64         mentor_id,
                               const GDate   *cycle_first,
                               GArray        *entries,
                               GError       **error);

/* What "Plan this cycle" did. */
typedef struct
{
  QingCycle       cycle;    /* the MENTOR_BIWEEKLY cycle planned */
  QingPlanResult *result;   /* the planner's answer, ids filled in */
} QingCyclePlan;

void qing_cycle_plan_free (QingCyclePlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QingCyclePlan, qing_cycle_plan_free)

/* "Plan this cycle" for @mentor_id: reads the slots, the calendar, the
 * students of @group_id still waiting (MENTOR_BIWEEKLY not done; all the
 * mentor's groups when @group_id is 0) and this cycle's entries; first
 * marks planned entries DONE whose student has had a mentor talk of 15
 * minutes in the cycle; runs the planner; saves in one transaction.  Time
 * is the store's clock.
 * Returns: (transfer full): the plan, or NULL with @error set
 * (QING_PLAN_ERROR_NO_CYCLE outside every term). */
QingCyclePlan *qing_store_plan_cycle (QingStore  *self,
                                      gint64      mentor_id,
                                      gint64      group_id,
                                      GError    **error);

/* A talk that did not happen moves to the next free slot: the mentor's
 * open entries (PLANNED/MOVED) of the cycle containing @now that are dated
 * before @now's day are moved to the next free seats from @now on (status
 * MOVED), in ONE transaction; an entry whose student has had a mentor talk
 * of 15 minutes in the cycle meanwhile becomes DONE instead.  Entries with
 * no free seat left stay where they are (the UI labels them "Missed").
 * Outside every term it does nothing.  @out_moved (nullable): how many
 * moved; @out_missed (nullable): how many are still missed.
 * Returns: TRUE, or FALSE with @error set. */
gboolean qing_store_move_missed_plan_entries (QingStore  *self,
                                              gint64      mentor_id,
                                              gint64      now,
                                              guint      *out_moved,
                                              guint      *out_missed,
                                              GError    **error);

/* Editing: move an entry to another day and slot (checks the day is a
 * school day and the slot has a free seat; takes the first free seat;
 * status becomes MOVED, so moving a SKIPPED entry plans it again; a DONE
 * entry cannot move). */
gboolean qing_store_move_plan_entry  (QingStore   *self,
                                      gint64       entry_id,
                                      const GDate *day,
                                      gint64       slot_id,
                                      GError     **error);
/* Whether @slot_id has a free seat on @day for entry @entry_id (0: for a
 * new talk), by the same count qing_store_move_plan_entry() uses (seats
 * held by other open or done entries).  FALSE with @error set on a
 * database error; FALSE without error when the slot is full. */
gboolean qing_store_plan_slot_has_room (QingStore   *self,
                                        gint64       mentor_id,
                                        gint64       slot_id,
                                        guint        capacity,
                                        const GDate *day,
                                        gint64       entry_id,
                                        GError     **error);
/* Swaps the day, slot, seat and minute of two entries (one transaction). */
gboolean qing_store_swap_plan_entries (QingStore  *self,
                                       gint64      entry_a,
                                       gint64      entry_b,
                                       GError    **error);
/* Marks an entry SKIPPED: the student is not planned again this cycle. */
gboolean qing_store_skip_plan_entry  (QingStore  *self,
                                      gint64      entry_id,
                                      GError    **error);
/* Marks an entry DONE, with the talk that did it (0 if none recorded). */
gboolean qing_store_complete_plan_entry (QingStore  *self,
                                         gint64      entry_id,
                                         gint64      talk_id,
                                         GError    **error);
/* Marks the mentor's open entry (PLANNED/MOVED) for @student_id in the
 * cycle containing the talk's day DONE with @talk_id.  Call it after saving
 * a mentor's talk; does nothing (TRUE) when there is no such entry. */
gboolean qing_store_complete_plan_for_talk (QingStore  *self,
                                            gint64      mentor_id,
                                            gint64      student_id,
                                            gint64      talk_id,
                                            GError    **error);

/* Writes the iCalendar text of the mentor's PLANNED/MOVED entries from
 * @first to @last (student names in SUMMARY only) to @file.
 * Returns: TRUE, or FALSE with @error set. */
gboolean qing_store_export_plan_ical (QingStore   *self,
                                      gint64       mentor_id,
                                      const GDate *first,
                                      const GDate *last,
                                      GFile       *file,
                                      GError     **error);

/* ---- Live models ---- */

/* One planned talk as the plan view and the agenda show it. */
#define QING_TYPE_PLAN_ITEM (qing_plan_item_get_type ())
G_DECLARE_FINAL_TYPE (QingPlanItem, qing_plan_item, QING, PLAN_ITEM, GObject)

/* Properties (read-only, same names): "id", "uuid", "student-id",
 * "student-name", "care-level", "day" (string YYYY-MM-DD), "start-minute",
 * "length-minutes", "slot-id", "slot-label", "status", "talk-id",
 * "time-label" ("12:30"). */
gint64          qing_plan_item_get_id             (QingPlanItem *self);
const char     *qing_plan_item_get_uuid           (QingPlanItem *self);
gint64          qing_plan_item_get_student_id     (QingPlanItem *self);
const char     *qing_plan_item_get_student_name   (QingPlanItem *self);
QingCareLevel   qing_plan_item_get_care_level     (QingPlanItem *self);
const GDate    *qing_plan_item_get_day            (QingPlanItem *self);
guint           qing_plan_item_get_start_minute   (QingPlanItem *self);
guint           qing_plan_item_get_length_minutes (QingPlanItem *self);
gint64          qing_plan_item_get_slot_id        (QingPlanItem *self);
const char     *qing_plan_item_get_slot_label     (QingPlanItem *self);
QingPlanStatus  qing_plan_item_get_status         (QingPlanItem *self);
gint64          qing_plan_item_get_talk_id        (QingPlanItem *self);
const char     *qing_plan_item_get_time_label     (QingPlanItem *self);

/* The mentor's entries from @first to @last (all statuses), by day and
 * minute, with the students' names; follows the store ("row-changed" of
 * plan_entries, persons, mentor_slots) and emits items-changed.
 * Returns: (transfer full) (element-type QingPlanItem). */
GListModel *qing_store_plan_model        (QingStore   *self,
                                          gint64       mentor_id,
                                          const GDate *first,
                                          const GDate *last);
/* Today's agenda: the same for the clock's today, moving to the next day
 * at local midnight (clock alarm).
 * Returns: (transfer full) (element-type QingPlanItem). */
GListModel *qing_store_today_agenda_model (QingStore *self,
                                           gint64     mentor_id);
/* Re-reads a model made by the two functions above at once (instead of
 * waiting for the idle update after a change). */
void        qing_plan_model_refresh       (GListModel *model);

G_END_DECLS
