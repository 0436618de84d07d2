/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor's planner: spreads the students still waiting for their talk
 * over the mentor's weekly time slots on the school days left in a cycle.
 * Pure: plain structs in, plain structs out; no SQLite, no GTK.  The store
 * side (qing-store-plan.h) reads the inputs and saves the result.
 *
 * Rules (the UI and the tests rely on them):
 * - Days: from today to the cycle's last day, both included, school days
 *   only (QingSchoolCalendar: holidays are skipped, make-up days counted).
 * - Make-up school days (调休, a Saturday or Sunday that is a school day)
 *   use the slots of their own weekday when the mentor has set any for it;
 *   otherwise the slots of the weekday whose timetable the day runs, as
 *   the calendar says (qing_school_calendar_get_timetable_weekday(): the
 *   weekday stored with the make-up day, Monday when none was).
 *   QingPlanInput.makeup_weekday, when set, overrides it for every
 *   make-up day (tests; the store leaves it 0).
 * - A slot of capacity N has N seats, seat k starting at
 *   start_minute + k * (length_minutes / N).  Today, only seats starting
 *   after now_minute are used; seats of past days never are.
 * - Order: students with a care level first (clear signs before key care),
 *   then those waiting longest (days_waiting, never talked = longest), then
 *   by sort key (pinyin), then by id.  The most urgent get the earliest
 *   seats.  The students are spread evenly over the days left (each day
 *   takes its share of the remaining students), never beyond a slot's
 *   capacity; those that do not fit are listed in QingPlanResult.unplaced.
 * - Existing entries: DONE and SKIPPED are kept as they are (a DONE entry
 *   keeps its seat; a SKIPPED student is not planned again this cycle).  A
 *   PLANNED or MOVED entry today or later is kept (its student is not
 *   planned twice).  A PLANNED/MOVED entry whose day has passed without a
 *   talk moves to the next free seat from now on, with status MOVED (or
 *   goes to unplaced when none is left).  Entries keep their id and uuid.
 */
#pragma once

#include <glib.h>

#include "qing-school-calendar.h"
#include "qing-types.h"

G_BEGIN_DECLS

/* A plan entry's status; the store keeps these values. */
typedef enum
{
  QING_PLAN_PLANNED = 0, /* waiting to happen */
  QING_PLAN_DONE    = 1, /* the talk happened (talk_id set when known) */
  QING_PLAN_SKIPPED = 2, /* the mentor skipped it for this cycle */
  QING_PLAN_MOVED   = 3, /* planned, moved from an earlier day or seat */
} QingPlanStatus;

/* One of the mentor's weekly time slots ("lunch break fits 2 talks"). */
typedef struct
{
  gint64 id;             /* mentor_slots row; any unique non-zero value in pure use */
  guint  weekday;        /* 1 Monday … 7 Sunday (GDateWeekday) */
  guint  start_minute;   /* minutes after local midnight, 0…1439 */
  guint  length_minutes; /* > 0 */
  guint  capacity;       /* talks that fit in it, ≥ 1 */
  char  *label;          /* "Lunch break"; may be NULL; owned */
} QingMentorSlot;

/* Frees the members of @slot (not @slot itself): a GArray clear func. */
void qing_mentor_slot_clear (QingMentorSlot *slot);

/* A student still waiting for this cycle's talk. */
typedef struct
{
  gint64        student_id;
  QingCareLevel care;
  gint          days_waiting; /* days since the last talk; G_MAXINT if never */
  const char   *sort_key;     /* pinyin sort key; may be NULL; not owned */
} QingPlanStudent;

/* One planned talk.  Plain value: copy it freely. */
typedef struct
{
  gint64         id;           /* plan_entries row; 0 before it is saved */
  char           uuid[37];     /* "" before it is saved; the iCalendar UID */
  gint64         student_id;
  GDate          day;
  gint64         slot_id;      /* 0 when the slot was removed */
  guint          start_minute; /* the seat's start */
  guint          position;     /* seat index within the slot, from 0 */
  QingPlanStatus status;
  gint64         talk_id;      /* 0 unless DONE with a known talk */
} QingPlanEntry;

/* Everything the planner needs.  Nothing is owned by the struct. */
typedef struct
{
  QingSchoolCalendar    *calendar;
  GDate                  today;
  guint                  now_minute;     /* local minutes after midnight today */
  GDate                  last_day;       /* the cycle's last day */
  guint                  makeup_weekday; /* 1…7 forces it; 0: each day's own (calendar) */
  const QingMentorSlot  *slots;
  gsize                  n_slots;
  const QingPlanStudent *students;       /* still waiting, in any order */
  gsize                  n_students;
  const QingPlanEntry   *existing;       /* this cycle's stored entries */
  gsize                  n_existing;
} QingPlanInput;

typedef struct
{
  GArray *entries;   /* QingPlanEntry: kept + moved + new, sorted by day, minute */
  GArray *unplaced;  /* gint64 student ids that do not fit, most urgent first */
  guint   n_new;     /* entries added by this run */
  guint   n_moved;   /* missed entries moved to a later seat */
  guint   n_seats;   /* free seats there were for this run */
} QingPlanResult;

/* Plans the cycle.  Returns: (transfer full): the result, free with
 * qing_plan_result_free(). */
QingPlanResult *qing_planner_plan (const QingPlanInput *input);
void            qing_plan_result_free (QingPlanResult *result);

/* The sentence for unplaced students: "8 students will not fit in this
 * cycle's free slots" (plural forms), or NULL when every student fits.
 * Returns: (transfer full) (nullable). */
char           *qing_plan_result_describe_unplaced (const QingPlanResult *result);

/* Compares two planning students by the planner's urgency order (for
 * g_array_sort / qsort); exposed for the roster's "by urgency" sort. */
gint            qing_plan_student_compare (const QingPlanStudent *a,
                                           const QingPlanStudent *b);

/* Seat @position of @slot: its start minute. */
guint           qing_mentor_slot_seat_start (const QingMentorSlot *slot,
                                             guint                 position);

/* Which slots apply on @day (weekday rule and make-up rule above):
 * indexes into @slots are appended to @out_indexes (guint), sorted by start
 * minute.  Does not check that @day is a school day. */
void            qing_planner_slots_for_day (const QingMentorSlot *slots,
                                            gsize                 n_slots,
                                            QingSchoolCalendar   *calendar,
                                            const GDate          *day,
                                            guint                 makeup_weekday,
                                            GArray               *out_indexes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QingPlanResult, qing_plan_result_free)

G_END_DECLS
