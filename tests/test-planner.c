/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor's planner, table-driven: a calendar with a holiday (Wed 25 Nov
 * 2026) and a make-up school day (Sat 28 Nov), a full week, more students
 * than seats, care level first, seats already past today, re-planning.
 */
#include <locale.h>
#include <string.h>

#include "qing-crisis.h"
#include "qing-planner.h"

static QingSchoolCalendar *
make_calendar (void)
{
  QingSchoolCalendar *cal = qing_school_calendar_new ();
  GDate a, b;

  g_date_set_dmy (&a, 1, G_DATE_SEPTEMBER, 2026);
  g_date_set_dmy (&b, 20, G_DATE_JANUARY, 2027);
  g_assert_true (qing_school_calendar_add_term (cal, &a, &b, NULL));
  g_date_set_dmy (&a, 25, G_DATE_NOVEMBER, 2026);
  g_assert_true (qing_school_calendar_add_holiday (cal, &a, &a, NULL));
  g_date_set_dmy (&a, 28, G_DATE_NOVEMBER, 2026);
  g_assert_true (qing_school_calendar_add_makeup_day (cal, &a, NULL));
  /* Sunday 22 November is a make-up day that runs Friday's timetable. */
  g_date_set_dmy (&a, 22, G_DATE_NOVEMBER, 2026);
  g_assert_true (qing_school_calendar_add_makeup_day_following (cal, &a, G_DATE_FRIDAY, NULL));
  return cal;
}

/* Lunch 12:30 for 30 minutes fits 2 talks, Monday to Friday; after school
 * on Tuesday 16:30 for an hour fits 3. */
static const QingMentorSlot slots[] = {
  { 1, 1, 750, 30, 2, (char *)"Lunch" }, { 2, 2, 750, 30, 2, (char *)"Lunch" },
  { 3, 3, 750, 30, 2, (char *)"Lunch" }, { 4, 4, 750, 30, 2, (char *)"Lunch" },
  { 5, 5, 750, 30, 2, (char *)"Lunch" }, { 6, 2, 990, 60, 3, (char *)"After school" },
};

static void
init_input (QingPlanInput *in, QingSchoolCalendar *cal, guint today, guint now_minute,
            guint last_day, QingPlanStudent *students, gsize n_students)
{
  memset (in, 0, sizeof *in);
  in->calendar = cal;
  g_date_set_dmy (&in->today, today, G_DATE_NOVEMBER, 2026);
  in->now_minute = now_minute;
  g_date_set_dmy (&in->last_day, last_day, G_DATE_NOVEMBER, 2026);
  in->slots = slots;
  in->n_slots = G_N_ELEMENTS (slots);
  in->students = students;
  in->n_students = n_students;
}

static QingPlanStudent *
make_students (guint n)
{
  QingPlanStudent *students = g_new0 (QingPlanStudent, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      students[i].student_id = 100 + i;
      students[i].care = QING_CARE_NORMAL;
      students[i].days_waiting = 10;
    }
  return students;
}

/* "2,5,0,2,2": entries per day from @first_day of November to @last_day. */
static char *
count_per_day (const QingPlanResult *result, guint first_day, guint last_day)
{
  GString *out = g_string_new (NULL);

  for (guint d = first_day; d <= last_day; d++)
    {
      guint n = 0;

      for (guint i = 0; i < result->entries->len; i++)
        {
          const QingPlanEntry *e = &g_array_index (result->entries, QingPlanEntry, i);

          if (g_date_get_day (&e->day) == d && g_date_get_month (&e->day) == G_DATE_NOVEMBER)
            n++;
        }
      g_string_append_printf (out, "%s%u", d == first_day ? "" : ",", n);
    }
  return g_string_free (out, FALSE);
}

/* No slot is ever booked beyond its capacity on a day, and no seat twice. */
static void
assert_no_overbooking (const QingPlanResult *result)
{
  for (guint i = 0; i < result->entries->len; i++)
    {
      const QingPlanEntry *a = &g_array_index (result->entries, QingPlanEntry, i);
      guint n = 0;

      for (guint k = 0; k < result->entries->len; k++)
        {
          const QingPlanEntry *b = &g_array_index (result->entries, QingPlanEntry, k);

          if (b->status == QING_PLAN_SKIPPED || a->status == QING_PLAN_SKIPPED)
            continue;
          if (g_date_compare (&a->day, &b->day) == 0 && a->slot_id == b->slot_id)
            {
              n++;
              if (k != i)
                g_assert_cmpuint (a->position, !=, b->position);
            }
        }
      g_assert_cmpuint (n, <=, slots[a->slot_id - 1].capacity);
    }
}

typedef struct
{
  const char *name;
  guint n_students;
  guint today; /* day of November 2026 */
  guint now_minute;
  guint last_day;
  const char *per_day; /* from today to last_day */
  guint n_unplaced;
  gint64 only_slot_id; /* when not 0, every entry is in this slot */
} PlanCase;

static const PlanCase plan_cases[] = {
  /* Mon 2 + Tue 5 + Wed holiday + Thu 2 + Fri 2 = 11 seats. */
  { "full-week", 11, 23, 8 * 60, 27, "2,5,0,2,2", 0 },
  { "more-students-than-seats", 14, 23, 8 * 60, 27, "2,5,0,2,2", 3 },
  /* Sat 28 is a make-up day: it runs Monday's slots. */
  { "make-up-day-counted", 13, 23, 8 * 60, 28, "2,5,0,2,2,2", 0 },
  /* Spread evenly: one a day, never on the holiday. */
  { "spread-evenly", 4, 23, 8 * 60, 27, "1,1,0,1,1", 0 },
  /* 12:45: both lunch seats today (12:30, 12:45) have begun. */
  { "past-seats-today", 3, 23, 12 * 60 + 45, 27, "0,1,0,1,1", 0 },
  /* 12:40: the 12:45 seat is still free. */
  { "one-seat-left-today", 4, 23, 12 * 60 + 40, 27, "1,1,0,1,1", 0 },
  /* The last day of the cycle is a Sunday: nothing on it. */
  { "sunday-not-used", 2, 29, 8 * 60, 29, "0", 2 },
  { "no-students", 0, 23, 8 * 60, 27, "0,0,0,0,0", 0 },
  /* Sun 22 is a make-up day following Friday: Friday's lunch (slot 5). */
  { "make-up-sunday-follows-friday", 3, 22, 8 * 60, 22, "2", 1, 5 },
};

static void
test_plan_table (gconstpointer data)
{
  const PlanCase *c = data;
  g_autoptr (QingSchoolCalendar) cal = make_calendar ();
  g_autofree QingPlanStudent *students = make_students (c->n_students);
  g_autoptr (QingPlanResult) result = NULL;
  g_autofree char *per_day = NULL;
  QingPlanInput in;

  init_input (&in, cal, c->today, c->now_minute, c->last_day, students, c->n_students);
  result = qing_planner_plan (&in);

  per_day = count_per_day (result, c->today, c->last_day);
  g_assert_cmpstr (per_day, ==, c->per_day);
  g_assert_cmpuint (result->unplaced->len, ==, c->n_unplaced);
  g_assert_cmpuint (result->n_new + result->unplaced->len, ==, c->n_students);
  assert_no_overbooking (result);

  for (guint i = 0; i < result->entries->len; i++)
    {
      const QingPlanEntry *e = &g_array_index (result->entries, QingPlanEntry, i);

      g_assert_true (qing_school_calendar_is_school_day (cal, &e->day));
      if (g_date_get_day (&e->day) == c->today)
        g_assert_cmpuint (e->start_minute, >, c->now_minute);
      g_assert_cmpint (e->status, ==, QING_PLAN_PLANNED);
      if (c->only_slot_id != 0)
        g_assert_cmpint (e->slot_id, ==, c->only_slot_id);
    }
}

static const QingPlanEntry *
entry_of (const QingPlanResult *result, gint64 student_id)
{
  for (guint i = 0; i < result->entries->len; i++)
    {
      const QingPlanEntry *e = &g_array_index (result->entries, QingPlanEntry, i);

      if (e->student_id == student_id)
        return e;
    }
  return NULL;
}

/* One seat left (Fri 12:45): the student with a care level gets it, then
 * the one waiting longest; the rest do not fit and are reported. */
static void
test_care_level_first (void)
{
  g_autoptr (QingSchoolCalendar) cal = make_calendar ();
  QingPlanStudent students[] = {
    { 1, QING_CARE_NORMAL, 30, "a" },
    { 2, QING_CARE_KEY_CARE, 2, "b" },
    { 3, QING_CARE_NORMAL, G_MAXINT, "c" },
    { 4, QING_CARE_CLEAR_SIGNS, 1, "d" },
  };
  g_autoptr (QingPlanResult) result = NULL;
  g_autofree char *sentence = NULL;
  QingPlanInput in;

  init_input (&in, cal, 27, 12 * 60 + 40, 27, students, G_N_ELEMENTS (students));
  result = qing_planner_plan (&in);

  g_assert_cmpuint (result->entries->len, ==, 1);
  g_assert_cmpint (g_array_index (result->entries, QingPlanEntry, 0).student_id, ==, 4);
  g_assert_cmpuint (result->unplaced->len, ==, 3);
  /* Most urgent first: key care, never talked, then 30 days. */
  g_assert_cmpint (g_array_index (result->unplaced, gint64, 0), ==, 2);
  g_assert_cmpint (g_array_index (result->unplaced, gint64, 1), ==, 3);
  g_assert_cmpint (g_array_index (result->unplaced, gint64, 2), ==, 1);

  sentence = qing_plan_result_describe_unplaced (result);
  g_assert_cmpstr (sentence, ==, "3 students will not fit in this cycle's free slots");
}

/* With room for all, the urgent students get the earliest seats. */
static void
test_urgent_earliest (void)
{
  g_autoptr (QingSchoolCalendar) cal = make_calendar ();
  QingPlanStudent students[] = {
    { 1, QING_CARE_NORMAL, 3, "a" },
    { 2, QING_CARE_NORMAL, 20, "b" },
    { 3, QING_CARE_KEY_CARE, 1, "c" },
  };
  g_autoptr (QingPlanResult) result = NULL;
  QingPlanInput in;

  init_input (&in, cal, 23, 8 * 60, 27, students, G_N_ELEMENTS (students));
  result = qing_planner_plan (&in);

  g_assert_cmpuint (g_date_get_day (&entry_of (result, 3)->day), ==, 23);
  g_assert_cmpuint (g_date_get_day (&entry_of (result, 2)->day), ==, 24);
  g_assert_cmpuint (g_date_get_day (&entry_of (result, 1)->day), ==, 26);
  g_assert_null (qing_plan_result_describe_unplaced (result));
}

static QingPlanEntry
make_entry (gint64 id, gint64 student_id, guint day, gint64 slot_id, guint position,
            QingPlanStatus status)
{
  QingPlanEntry e = { 0 };

  e.id = id;
  g_snprintf (e.uuid, sizeof e.uuid, "00000000-0000-4000-8000-%012" G_GINT64_FORMAT, id);
  e.student_id = student_id;
  g_date_clear (&e.day, 1);
  g_date_set_dmy (&e.day, day, G_DATE_NOVEMBER, 2026);
  e.slot_id = slot_id;
  e.position = position;
  e.start_minute = qing_mentor_slot_seat_start (&slots[slot_id - 1], position);
  e.status = status;
  return e;
}

/* Re-planning on Tuesday 24 at 08:00: the done entry stays; the talk planned
 * for Monday that did not happen moves to the next free seat (Tue 12:30);
 * Tuesday's kept entry holds its seat; the skipped student is not planned
 * again; the new student fills a free seat. */
static void
test_replan (void)
{
  g_autoptr (QingSchoolCalendar) cal = make_calendar ();
  QingPlanEntry existing[] = {
    make_entry (1, 1, 23, 1, 0, QING_PLAN_DONE),
    make_entry (2, 2, 23, 1, 1, QING_PLAN_PLANNED),
    make_entry (3, 3, 24, 2, 1, QING_PLAN_PLANNED),
    make_entry (4, 4, 26, 4, 0, QING_PLAN_SKIPPED),
  };
  QingPlanStudent students[] = {
    { 2, QING_CARE_NORMAL, 14, "b" },
    { 3, QING_CARE_NORMAL, 14, "c" },
    { 4, QING_CARE_NORMAL, 14, "d" },
    { 5, QING_CARE_NORMAL, 14, "e" },
  };
  g_autoptr (QingPlanResult) result = NULL;
  const QingPlanEntry *moved, *kept, *fresh;
  QingPlanInput in;

  init_input (&in, cal, 24, 8 * 60, 27, students, G_N_ELEMENTS (students));
  in.existing = existing;
  in.n_existing = G_N_ELEMENTS (existing);
  result = qing_planner_plan (&in);

  g_assert_cmpuint (result->entries->len, ==, 5);
  g_assert_cmpuint (result->n_moved, ==, 1);
  g_assert_cmpuint (result->n_new, ==, 1);
  g_assert_cmpuint (result->unplaced->len, ==, 0);

  g_assert_cmpint (entry_of (result, 1)->status, ==, QING_PLAN_DONE);
  g_assert_cmpuint (g_date_get_day (&entry_of (result, 1)->day), ==, 23);

  moved = entry_of (result, 2);
  g_assert_cmpint (moved->id, ==, 2);
  g_assert_cmpint (moved->status, ==, QING_PLAN_MOVED);
  g_assert_cmpuint (g_date_get_day (&moved->day), ==, 24);
  g_assert_cmpint (moved->slot_id, ==, 2);
  g_assert_cmpuint (moved->position, ==, 0);
  g_assert_cmpuint (moved->start_minute, ==, 750);

  kept = entry_of (result, 3);
  g_assert_cmpint (kept->status, ==, QING_PLAN_PLANNED);
  g_assert_cmpuint (kept->position, ==, 1);

  g_assert_cmpint (entry_of (result, 4)->status, ==, QING_PLAN_SKIPPED);

  fresh = entry_of (result, 5);
  g_assert_nonnull (fresh);
  g_assert_cmpint (fresh->id, ==, 0);
  /* Tuesday's lunch is full now: the after-school slot. */
  g_assert_cmpint (fresh->slot_id, !=, 2);
  assert_no_overbooking (result);
}

/* A missed talk with no seat left goes to unplaced and keeps its old day. */
static void
test_missed_without_room (void)
{
  g_autoptr (QingSchoolCalendar) cal = make_calendar ();
  QingPlanEntry existing[] = { make_entry (7, 9, 26, 4, 0, QING_PLAN_PLANNED) };
  g_autoptr (QingPlanResult) result = NULL;
  QingPlanInput in;

  /* Friday after lunch: nothing left this cycle. */
  init_input (&in, cal, 27, 14 * 60, 27, NULL, 0);
  in.existing = existing;
  in.n_existing = 1;
  result = qing_planner_plan (&in);

  g_assert_cmpuint (result->n_moved, ==, 0);
  g_assert_cmpuint (result->unplaced->len, ==, 1);
  g_assert_cmpint (g_array_index (result->unplaced, gint64, 0), ==, 9);
  g_assert_cmpuint (g_date_get_day (&entry_of (result, 9)->day), ==, 26);
}

/* A make-up Saturday uses the mentor's own Saturday slots when there are
 * some, Monday's otherwise, or the weekday the input names. */
static void
test_makeup_day_slots (void)
{
  g_autoptr (QingSchoolCalendar) cal = make_calendar ();
  QingMentorSlot with_saturday[] = {
    { 1, 1, 750, 30, 2, NULL },
    { 9, 6, 600, 15, 1, NULL },
    { 5, 5, 700, 15, 1, NULL },
  };
  g_autoptr (GArray) idx = g_array_new (FALSE, FALSE, sizeof (guint));
  GDate sat, sun;

  g_date_set_dmy (&sat, 28, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&sun, 29, G_DATE_NOVEMBER, 2026);

  qing_planner_slots_for_day (slots, G_N_ELEMENTS (slots), cal, &sat, 0, idx);
  g_assert_cmpuint (idx->len, ==, 1);
  g_assert_cmpint (slots[g_array_index (idx, guint, 0)].weekday, ==, 1);

  g_array_set_size (idx, 0);
  qing_planner_slots_for_day (slots, G_N_ELEMENTS (slots), cal, &sat, 2, idx);
  g_assert_cmpuint (idx->len, ==, 2);
  g_assert_cmpuint (slots[g_array_index (idx, guint, 0)].start_minute, ==, 750);
  g_assert_cmpuint (slots[g_array_index (idx, guint, 1)].start_minute, ==, 990);

  g_array_set_size (idx, 0);
  qing_planner_slots_for_day (with_saturday, 3, cal, &sat, 0, idx);
  g_assert_cmpuint (idx->len, ==, 1);
  g_assert_cmpint (with_saturday[g_array_index (idx, guint, 0)].id, ==, 9);

  /* The make-up Sunday 22 follows Friday: Friday's lunch. */
  g_date_set_dmy (&sun, 22, G_DATE_NOVEMBER, 2026);
  g_array_set_size (idx, 0);
  qing_planner_slots_for_day (slots, G_N_ELEMENTS (slots), cal, &sun, 0, idx);
  g_assert_cmpuint (idx->len, ==, 1);
  g_assert_cmpint (slots[g_array_index (idx, guint, 0)].id, ==, 5);

  /* An ordinary Sunday has no slots. */
  g_date_set_dmy (&sun, 29, G_DATE_NOVEMBER, 2026);
  g_array_set_size (idx, 0);
  qing_planner_slots_for_day (slots, G_N_ELEMENTS (slots), cal, &sun, 0, idx);
  g_assert_cmpuint (idx->len, ==, 0);
}

static void
test_seat_start (void)
{
  g_assert_cmpuint (qing_mentor_slot_seat_start (&slots[5], 0), ==, 990);
  g_assert_cmpuint (qing_mentor_slot_seat_start (&slots[5], 1), ==, 1010);
  g_assert_cmpuint (qing_mentor_slot_seat_start (&slots[5], 2), ==, 1030);
}

static void
test_crisis_default (void)
{
  const char *steps = qing_crisis_steps_default ();

  g_assert_nonnull (strstr (steps, "120"));
  g_assert_nonnull (strstr (steps, "110"));
  g_assert_nonnull (strstr (steps, "counselor"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (plan_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/planner/table/%s", plan_cases[i].name);

      g_test_add_data_func (path, &plan_cases[i], test_plan_table);
    }
  g_test_add_func ("/planner/care-level-first", test_care_level_first);
  g_test_add_func ("/planner/urgent-earliest", test_urgent_earliest);
  g_test_add_func ("/planner/replan", test_replan);
  g_test_add_func ("/planner/missed-without-room", test_missed_without_room);
  g_test_add_func ("/planner/makeup-day-slots", test_makeup_day_slots);
  g_test_add_func ("/planner/seat-start", test_seat_start);
  g_test_add_func ("/planner/crisis-default", test_crisis_default);

  return g_test_run ();
}
