/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan in the store: the school calendar round trip, slots, "Plan this
 * cycle", today's agenda, a talk completing its entry, re-planning a missed
 * talk, move/swap/skip, and the iCalendar export.
 */
#include <locale.h>
#include <string.h>

#include "qing-store-calendar.h"
#include "qing-store-plan.h"
#include "test-mentor-util.h"

typedef struct
{
  MentorFixture fx;
  gint64 mentor;
  gint64 group;
  gint64 students[16];
  guint n_students;
} Plan;

static const char *const names[] = {
  "张小明", "李雨桐", "王子涵", "陈思远", "赵一诺", "刘欣然", "杨浩宇",
  "黄梓萱", "周宇航", "吴佳怡", "徐子墨", "孙雨泽", "马若曦", "朱一鸣",
};

/* Lunch 12:30–13:00 fits two talks, Monday to Friday. */
static void
plan_setup (Plan *p, const char *now, guint n_students)
{
  g_autoptr (GError) error = NULL;

  mentor_fixture_open (&p->fx, now);
  mentor_fixture_add_calendar (&p->fx);
  p->mentor = mentor_add_staff (p->fx.store, "王老师");
  p->group = mentor_add_group (p->fx.store, "初二（1）班", p->mentor);
  p->n_students = n_students;
  for (guint i = 0; i < n_students; i++)
    p->students[i] = mentor_add_student (p->fx.store, names[i], p->group);
  for (guint wd = 1; wd <= 5; wd++)
    {
      QingMentorSlot slot = { 0, wd, 750, 30, 2, (char *)"Lunch break" };

      g_assert_true (qing_store_add_mentor_slot (p->fx.store, p->mentor, &slot, &error));
      g_assert_no_error (error);
      g_assert_cmpint (slot.id, >, 0);
    }
}

static void
plan_teardown (Plan *p)
{
  mentor_fixture_close (&p->fx);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_calendar_round_trip (void)
{
  MentorFixture fx;
  g_autoptr (QingSchoolCalendar) cal = NULL;
  g_autoptr (GError) error = NULL;
  QingKeyPeriodKind kind;
  GDate day, first, last;
  gint64 exam;

  mentor_fixture_open (&fx, "2026-11-30 08:00");
  mentor_fixture_add_calendar (&fx);
  g_date_set_dmy (&first, 4, G_DATE_JANUARY, 2027);
  g_date_set_dmy (&last, 15, G_DATE_JANUARY, 2027);
  exam = qing_store_add_key_period (fx.store, QING_KEY_PERIOD_EXAM, "期末考试", &first, &last,
                                    &error);
  g_assert_no_error (error);
  g_assert_true (qing_store_set_key_period_interval (fx.store, exam, QING_CADENCE_MENTOR_AT_RISK,
                                                     QING_CADENCE_PERIOD_TWO_WEEKS, &error));
  g_assert_no_error (error);

  /* A make-up day must be a weekend day; terms may not overlap. */
  g_date_set_dmy (&day, 26, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (
      qing_store_add_calendar_exception (fx.store, QING_CALENDAR_MAKEUP, NULL, &day, &day, &error),
      ==, 0);
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_NOT_WEEKEND);
  g_clear_error (&error);
  g_assert_cmpint (qing_store_add_term (fx.store, NULL, &day, &last, &error), ==, 0);
  g_assert_error (error, QING_SCHOOL_CALENDAR_ERROR, QING_SCHOOL_CALENDAR_ERROR_OVERLAP);
  g_clear_error (&error);

  cal = qing_store_load_school_calendar (fx.store, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&day, 25, G_DATE_NOVEMBER, 2026);
  g_assert_false (qing_school_calendar_is_school_day (cal, &day));
  g_date_set_dmy (&day, 28, G_DATE_NOVEMBER, 2026);
  g_assert_true (qing_school_calendar_is_school_day (cal, &day));
  g_date_set_dmy (&day, 29, G_DATE_NOVEMBER, 2026);
  g_assert_false (qing_school_calendar_is_school_day (cal, &day));
  g_date_set_dmy (&day, 6, G_DATE_JANUARY, 2027);
  g_assert_true (qing_school_calendar_get_key_period (cal, &day, &kind, NULL, NULL));
  g_assert_cmpint (kind, ==, QING_KEY_PERIOD_EXAM);
  g_assert_cmpint (
      qing_school_calendar_get_key_period_interval (cal, 0, QING_CADENCE_MENTOR_AT_RISK), ==,
      QING_CADENCE_PERIOD_TWO_WEEKS);

  g_clear_pointer (&cal, qing_school_calendar_unref);
  mentor_fixture_close (&fx);
}

static void
test_slots (void)
{
  Plan p;
  g_autoptr (GArray) slots = NULL;
  g_autoptr (GError) error = NULL;
  QingMentorSlot bad = { 0, 8, 750, 30, 2, NULL };
  QingMentorSlot *first;

  plan_setup (&p, "2026-11-30 08:00", 0);
  g_assert_false (qing_store_add_mentor_slot (p.fx.store, p.mentor, &bad, &error));
  g_assert_error (error, QING_PLAN_ERROR, QING_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  slots = qing_store_list_mentor_slots (p.fx.store, p.mentor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 5);
  first = &g_array_index (slots, QingMentorSlot, 0);
  g_assert_cmpuint (first->weekday, ==, 1);
  g_assert_cmpstr (first->label, ==, "Lunch break");

  first->capacity = 3;
  g_assert_true (qing_store_update_mentor_slot (p.fx.store, first, &error));
  g_assert_no_error (error);
  g_assert_true (qing_store_remove_mentor_slot (
      p.fx.store, g_array_index (slots, QingMentorSlot, 4).id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&slots, g_array_unref);
  slots = qing_store_list_mentor_slots (p.fx.store, p.mentor, &error);
  g_assert_cmpuint (slots->len, ==, 4);
  g_assert_cmpuint (g_array_index (slots, QingMentorSlot, 0).capacity, ==, 3);

  plan_teardown (&p);
}

/* Monday 30 Nov, 08:00: 14 students, one already done; five school days
 * left with two seats each: ten planned, three do not fit. */
static void
test_plan_cycle (void)
{
  Plan p;
  g_autoptr (QingCyclePlan) plan = NULL;
  g_autoptr (GArray) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sentence = NULL;

  plan_setup (&p, "2026-11-30 08:00", 14);
  mentor_add_talk (p.fx.store, p.students[0], p.mentor, "2026-11-24 12:30", 15,
                   QING_VISIBILITY_PRIVATE);

  plan = qing_store_plan_cycle (p.fx.store, p.mentor, p.group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->cycle.number, ==, 7);
  g_assert_cmpuint (g_date_get_day (&plan->cycle.first), ==, 23);
  g_assert_cmpuint (plan->result->n_new, ==, 10);
  g_assert_cmpuint (plan->result->unplaced->len, ==, 3);
  sentence = qing_plan_result_describe_unplaced (plan->result);
  g_assert_cmpstr (sentence, ==, "3 students will not fit in this cycle's free slots");

  stored = qing_store_list_plan_entries (p.fx.store, p.mentor, &plan->cycle.first,
                                         &plan->cycle.last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 10);
  for (guint i = 0; i < stored->len; i++)
    {
      const QingPlanEntry *e = &g_array_index (stored, QingPlanEntry, i);

      g_assert_cmpuint (strlen (e->uuid), ==, 36);
      g_assert_cmpint (e->student_id, !=, p.students[0]);
      g_assert_cmpuint (g_date_get_weekday (&e->day), <=, G_DATE_FRIDAY);
    }
  /* Planning again adds nobody twice. */
  g_clear_pointer (&plan, qing_cycle_plan_free);
  plan = qing_store_plan_cycle (p.fx.store, p.mentor, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->result->n_new, ==, 0);
  g_assert_cmpuint (plan->result->entries->len, ==, 10);

  plan_teardown (&p);
}

/* Saturday 5 Dec, 08:00: the cycle's last day, Sunday 6 Dec, is a make-up
 * day that follows Friday's timetable, so its talks go to Friday's slot. */
static void
test_plan_makeup_follows (void)
{
  Plan p;
  g_autoptr (QingCyclePlan) plan = NULL;
  g_autoptr (GArray) slots = NULL;
  g_autoptr (GError) error = NULL;
  GDate sunday;
  gint64 friday_slot = 0;

  plan_setup (&p, "2026-12-05 08:00", 3);
  g_date_clear (&sunday, 1);
  g_date_set_dmy (&sunday, 6, G_DATE_DECEMBER, 2026);
  g_assert_cmpint (qing_store_add_makeup_day (p.fx.store, "调休", &sunday, G_DATE_FRIDAY, &error),
                   >, 0);
  g_assert_no_error (error);
  slots = qing_store_list_mentor_slots (p.fx.store, p.mentor, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < slots->len; i++)
    if (g_array_index (slots, QingMentorSlot, i).weekday == G_DATE_FRIDAY)
      friday_slot = g_array_index (slots, QingMentorSlot, i).id;
  g_assert_cmpint (friday_slot, >, 0);

  plan = qing_store_plan_cycle (p.fx.store, p.mentor, p.group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->result->n_new, ==, 2);
  for (guint i = 0; i < plan->result->entries->len; i++)
    {
      const QingPlanEntry *e = &g_array_index (plan->result->entries, QingPlanEntry, i);

      g_assert_cmpint (g_date_compare (&e->day, &sunday), ==, 0);
      g_assert_cmpint (e->slot_id, ==, friday_slot);
    }
  plan_teardown (&p);
}

/* changes[0] counts the signals; [1..3] hold the last position, removed, added. */
static void
on_items_changed (GListModel *model, guint pos, guint removed, guint added, guint *changes)
{
  changes[0]++;
  changes[1] = pos;
  changes[2] = removed;
  changes[3] = added;
}

static void
test_agenda_and_talk (void)
{
  guint changes[4] = { 0 };
  Plan p;
  g_autoptr (QingCyclePlan) plan = NULL;
  g_autoptr (GListModel) agenda = NULL;
  g_autoptr (QingPlanItem) item = NULL;
  g_autoptr (GError) error = NULL;
  gint64 talk;

  plan_setup (&p, "2026-11-30 08:00", 6);
  plan = qing_store_plan_cycle (p.fx.store, p.mentor, p.group, &error);
  g_assert_no_error (error);
  agenda = qing_store_today_agenda_model (p.fx.store, p.mentor);
  /* Six students over five days: two today. */
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 2);
  g_signal_connect (agenda, "items-changed", G_CALLBACK (on_items_changed), changes);
  item = g_list_model_get_item (agenda, 0);
  g_assert_cmpstr (qing_plan_item_get_time_label (item), ==, "12:30");
  g_assert_cmpuint (qing_plan_item_get_length_minutes (item), ==, 15);
  g_assert_cmpstr (qing_plan_item_get_slot_label (item), ==, "Lunch break");
  g_assert_nonnull (qing_plan_item_get_student_name (item));

  mentor_fixture_set_now (&p.fx, "2026-11-30 12:50");
  talk = mentor_add_talk (p.fx.store, qing_plan_item_get_student_id (item), p.mentor,
                          "2026-11-30 12:31", 16, QING_VISIBILITY_PRIVATE);
  g_assert_true (qing_store_complete_plan_for_talk (
      p.fx.store, p.mentor, qing_plan_item_get_student_id (item), talk, &error));
  g_assert_no_error (error);
  spin ();
  /* Only the first row changed, in place. */
  g_assert_cmpuint (changes[0], ==, 1);
  g_assert_cmpuint (changes[1], ==, 0);
  g_assert_cmpuint (changes[2], ==, 1);
  g_assert_cmpuint (changes[3], ==, 1);
  g_clear_object (&item);
  item = g_list_model_get_item (agenda, 0);
  g_assert_cmpint (qing_plan_item_get_status (item), ==, QING_PLAN_DONE);
  g_assert_cmpint (qing_plan_item_get_talk_id (item), ==, talk);

  /* At midnight the agenda moves to Tuesday: one talk. */
  mentor_fixture_set_now (&p.fx, "2026-12-01 07:00");
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);

  g_clear_object (&item);
  g_assert_finalize_object (g_steal_pointer (&agenda));
  plan_teardown (&p);
}

static const QingPlanEntry *
entry_of (GArray *entries, gint64 student_id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, QingPlanEntry, i).student_id == student_id)
      return &g_array_index (entries, QingPlanEntry, i);
  return NULL;
}

/* Monday's second talk did not happen: on Tuesday it moves to the next free
 * seat; the done one stays. */
static void
test_replan_missed (void)
{
  Plan p;
  g_autoptr (QingCyclePlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  const QingPlanEntry *first, *second, *moved;
  gint64 done_student, missed_student;

  plan_setup (&p, "2026-11-30 08:00", 6);
  plan = qing_store_plan_cycle (p.fx.store, p.mentor, p.group, &error);
  g_assert_no_error (error);
  first = &g_array_index (plan->result->entries, QingPlanEntry, 0);
  second = &g_array_index (plan->result->entries, QingPlanEntry, 1);
  g_assert_cmpuint (g_date_get_day (&second->day), ==, 30);
  done_student = first->student_id;
  missed_student = second->student_id;
  mentor_add_talk (p.fx.store, done_student, p.mentor, "2026-11-30 12:30", 15,
                   QING_VISIBILITY_PRIVATE);

  mentor_fixture_set_now (&p.fx, "2026-12-01 08:00");
  g_clear_pointer (&plan, qing_cycle_plan_free);
  plan = qing_store_plan_cycle (p.fx.store, p.mentor, p.group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->result->n_moved, ==, 1);
  g_assert_cmpint (entry_of (plan->result->entries, done_student)->status, ==, QING_PLAN_DONE);
  moved = entry_of (plan->result->entries, missed_student);
  g_assert_cmpint (moved->status, ==, QING_PLAN_MOVED);
  g_assert_cmpuint (g_date_get_day (&moved->day), ==, 1);
  g_assert_cmpuint (moved->start_minute, >=, 750);

  plan_teardown (&p);
}

static const QingPlanEntry *
entry_on (GArray *entries, guint day_of_month, guint nth)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const QingPlanEntry *e = &g_array_index (entries, QingPlanEntry, i);

      if (g_date_get_day (&e->day) == day_of_month && nth-- == 0)
        return e;
    }
  g_assert_not_reached ();
}

static gint64
slot_of_weekday (Plan *p, guint weekday)
{
  g_autoptr (GArray) slots = qing_store_list_mentor_slots (p->fx.store, p->mentor, NULL);

  for (guint i = 0; i < slots->len; i++)
    if (g_array_index (slots, QingMentorSlot, i).weekday == weekday)
      return g_array_index (slots, QingMentorSlot, i).id;
  g_assert_not_reached ();
}

static GArray *
stored_entries (Plan *p, const QingCycle *cycle)
{
  g_autoptr (GError) error = NULL;
  GArray *entries
      = qing_store_list_plan_entries (p->fx.store, p->mentor, &cycle->first, &cycle->last, &error);

  g_assert_no_error (error);
  return entries;
}

/* mentorfix: without "Plan this cycle" again, a talk that did not happen
 * moves to the next free slot when the day has passed; when no free slot is
 * left in the cycle it stays, still open, for the UI to label "Missed". */
static void
test_move_missed_automatic (void)
{
  Plan p;
  g_autoptr (QingCyclePlan) plan = NULL;
  g_autoptr (GArray) stored = NULL;
  g_autoptr (GError) error = NULL;
  const QingPlanEntry *moved;
  gint64 done_student, missed_student, talk;
  guint n_moved = 99, n_missed = 99;

  plan_setup (&p, "2026-11-30 08:00", 6);
  plan = qing_store_plan_cycle (p.fx.store, p.mentor, p.group, &error);
  g_assert_no_error (error);
  done_student = g_array_index (plan->result->entries, QingPlanEntry, 0).student_id;
  missed_student = g_array_index (plan->result->entries, QingPlanEntry, 1).student_id;
  /* The first Monday talk happened but was not ticked off in the plan. */
  talk = mentor_add_talk (p.fx.store, done_student, p.mentor, "2026-11-30 12:30", 15,
                          QING_VISIBILITY_PRIVATE);

  /* Still Monday: nothing has been missed yet. */
  g_assert_true (qing_store_move_missed_plan_entries (p.fx.store, p.mentor,
                                                      qing_clock_get_now_unix (p.fx.clock),
                                                      &n_moved, &n_missed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_moved, ==, 0);

  /* Tuesday morning. */
  qing_clock_advance (p.fx.clock, 24 * 60 * 60);
  g_assert_true (qing_store_move_missed_plan_entries (p.fx.store, p.mentor,
                                                      qing_clock_get_now_unix (p.fx.clock),
                                                      &n_moved, &n_missed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_moved, ==, 1);
  g_assert_cmpuint (n_missed, ==, 0);
  stored = stored_entries (&p, &plan->cycle);
  g_assert_cmpint (entry_of (stored, done_student)->status, ==, QING_PLAN_DONE);
  g_assert_cmpint (entry_of (stored, done_student)->talk_id, ==, talk);
  moved = entry_of (stored, missed_student);
  g_assert_cmpint (moved->status, ==, QING_PLAN_MOVED);
  g_assert_cmpuint (g_date_get_day (&moved->day), ==, 1);
  /* Done once: a second call moves nothing. */
  g_assert_true (qing_store_move_missed_plan_entries (p.fx.store, p.mentor,
                                                      qing_clock_get_now_unix (p.fx.clock),
                                                      &n_moved, &n_missed, &error));
  g_assert_cmpuint (n_moved, ==, 0);

  /* Friday 13:00, nothing happened since Monday and Friday's lunch is
   * over: no free seat is left this cycle; Tue (2), Wed, Thu stay open. */
  mentor_fixture_set_now (&p.fx, "2026-12-04 13:00");
  g_assert_true (qing_store_move_missed_plan_entries (p.fx.store, p.mentor,
                                                      qing_clock_get_now_unix (p.fx.clock),
                                                      &n_moved, &n_missed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_moved, ==, 0);
  g_assert_cmpuint (n_missed, ==, 4);
  g_clear_pointer (&stored, g_array_unref);
  stored = stored_entries (&p, &plan->cycle);
  g_assert_cmpint (entry_of (stored, missed_student)->status, ==, QING_PLAN_MOVED);
  g_assert_cmpuint (g_date_get_day (&entry_of (stored, missed_student)->day), ==, 1);

  plan_teardown (&p);
}

/* Six students planned Mon 30 Nov: Mon 2, Tue 1, Wed 1, Thu 1, Fri 1. */
static void
test_edit (void)
{
  Plan p;
  g_autoptr (QingCyclePlan) plan = NULL;
  g_autoptr (QingCyclePlan) again = NULL;
  g_autoptr (GArray) before = NULL;
  g_autoptr (GArray) after = NULL;
  g_autoptr (GError) error = NULL;
  QingPlanEntry tue, thu, mon, fri;
  GDate wed, sat;

  plan_setup (&p, "2026-11-30 08:00", 6);
  plan = qing_store_plan_cycle (p.fx.store, p.mentor, p.group, &error);
  g_assert_no_error (error);
  before = stored_entries (&p, &plan->cycle);
  mon = *entry_on (before, 30, 0);
  tue = *entry_on (before, 1, 0);
  thu = *entry_on (before, 3, 0);
  fri = *entry_on (before, 4, 0);
  g_date_set_dmy (&wed, 2, G_DATE_DECEMBER, 2026);
  g_date_set_dmy (&sat, 5, G_DATE_DECEMBER, 2026);

  /* Tuesday's talk to Wednesday's lunch: the second seat, 12:45. */
  g_assert_true (
      qing_store_move_plan_entry (p.fx.store, tue.id, &wed, slot_of_weekday (&p, 3), &error));
  g_assert_no_error (error);
  /* Wednesday's lunch is full now. */
  g_assert_false (
      qing_store_move_plan_entry (p.fx.store, thu.id, &wed, slot_of_weekday (&p, 3), &error));
  g_assert_error (error, QING_PLAN_ERROR, QING_PLAN_ERROR_FULL);
  g_clear_error (&error);
  g_assert_false (
      qing_store_move_plan_entry (p.fx.store, thu.id, &sat, slot_of_weekday (&p, 1), &error));
  g_assert_error (error, QING_PLAN_ERROR, QING_PLAN_ERROR_NO_SCHOOL);
  g_clear_error (&error);
  g_assert_false (
      qing_store_move_plan_entry (p.fx.store, thu.id, &wed, slot_of_weekday (&p, 1), &error));
  g_assert_error (error, QING_PLAN_ERROR, QING_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (qing_store_swap_plan_entries (p.fx.store, mon.id, fri.id, &error));
  g_assert_no_error (error);
  g_assert_true (qing_store_skip_plan_entry (p.fx.store, thu.id, &error));
  g_assert_no_error (error);

  after = stored_entries (&p, &plan->cycle);
  g_assert_cmpuint (g_date_get_day (&entry_of (after, tue.student_id)->day), ==, 2);
  g_assert_cmpuint (entry_of (after, tue.student_id)->start_minute, ==, 765);
  g_assert_cmpint (entry_of (after, tue.student_id)->status, ==, QING_PLAN_MOVED);
  g_assert_cmpuint (g_date_get_day (&entry_of (after, mon.student_id)->day), ==, 4);
  g_assert_cmpuint (g_date_get_day (&entry_of (after, fri.student_id)->day), ==, 30);
  g_assert_cmpint (entry_of (after, thu.student_id)->status, ==, QING_PLAN_SKIPPED);

  /* Re-planning keeps the skip: nobody new. */
  again = qing_store_plan_cycle (p.fx.store, p.mentor, p.group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->result->n_new, ==, 0);
  g_assert_cmpint (entry_of (again->result->entries, thu.student_id)->status, ==,
                   QING_PLAN_SKIPPED);

  plan_teardown (&p);
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *s = strstr (haystack, needle); s != NULL; s = strstr (s + 1, needle))
    n++;
  return n;
}

static void
test_export_ical (void)
{
  Plan p;
  g_autoptr (QingCyclePlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr (QingTalk) talk = NULL;

  plan_setup (&p, "2026-11-30 08:00", 3);
  talk = qing_talk_new (p.students[1], p.mentor, QING_ROLE_MENTOR,
                        mentor_fixture_utc ("2026-11-20 12:30"), 600);
  qing_talk_set_note (talk, "SECRET NOTE");
  g_assert_true (qing_store_add_talk (p.fx.store, talk, &error));
  plan = qing_store_plan_cycle (p.fx.store, p.mentor, p.group, &error);
  g_assert_no_error (error);

  path = g_build_filename (p.fx.dir, "plan.ics", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (qing_store_export_plan_ical (p.fx.store, p.mentor, &plan->cycle.first,
                                              &plan->cycle.last, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpuint (count (text, "BEGIN:VEVENT\r\n"), ==, 3);
  g_assert_cmpuint (count (text, "SUMMARY:Talk: "), ==, 3);
  g_assert_nonnull (strstr (text, "SUMMARY:Talk: 张小明\r\n"));
  /* 12:30 in Shanghai is 04:30 UTC. */
  g_assert_nonnull (strstr (text, "DTSTART:20261130T043000Z\r\n"));
  g_assert_nonnull (strstr (text, "DTEND:20261130T044500Z\r\n"));
  g_assert_null (strstr (text, "SECRET"));
  g_assert_null (strstr (text, "DESCRIPTION"));

  plan_teardown (&p);
}

static void
test_no_cycle (void)
{
  Plan p;
  g_autoptr (QingCyclePlan) plan = NULL;
  g_autoptr (GError) error = NULL;

  plan_setup (&p, "2027-02-10 08:00", 2);
  plan = qing_store_plan_cycle (p.fx.store, p.mentor, p.group, &error);
  g_assert_error (error, QING_PLAN_ERROR, QING_PLAN_ERROR_NO_CYCLE);
  g_assert_null (plan);
  plan_teardown (&p);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-store/calendar-round-trip", test_calendar_round_trip);
  g_test_add_func ("/plan-store/slots", test_slots);
  g_test_add_func ("/plan-store/plan-cycle", test_plan_cycle);
  g_test_add_func ("/plan-store/plan-makeup-follows", test_plan_makeup_follows);
  g_test_add_func ("/plan-store/agenda-and-talk", test_agenda_and_talk);
  g_test_add_func ("/plan-store/replan-missed", test_replan_missed);
  g_test_add_func ("/plan-store/move-missed-automatic", test_move_missed_automatic);
  g_test_add_func ("/plan-store/edit", test_edit);
  g_test_add_func ("/plan-store/export-ical", test_export_ical);
  g_test_add_func ("/plan-store/no-cycle", test_no_cycle);

  return g_test_run ();
}
