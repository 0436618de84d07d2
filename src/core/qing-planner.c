/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor's planner; the rules are in qing-planner.h.
 */
#include "qing-planner.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* One seat: a place for one talk in a slot on a day. */
typedef struct
{
  guint32 julian;
  guint slot_index;
  guint position;
  guint start_minute;
  gboolean taken;
} Seat;

typedef struct
{
  const QingPlanInput *input;
  GArray *seats;       /* Seat, by day then start minute */
  GArray *entries;     /* QingPlanEntry (the result) */
  GHashTable *planned; /* student ids that have a seat or are skipped */
  guint32 today;
} Planner;

void
qing_mentor_slot_clear (QingMentorSlot *slot)
{
  g_clear_pointer (&slot->label, g_free);
}

void
qing_plan_result_free (QingPlanResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->entries, g_array_unref);
  g_clear_pointer (&result->unplaced, g_array_unref);
  g_free (result);
}

/* Seat @position of @slot: its start minute. */
guint
qing_mentor_slot_seat_start (const QingMentorSlot *slot, guint position)
{
  guint capacity;

  g_return_val_if_fail (slot != NULL, 0);

  capacity = MAX (slot->capacity, 1);
  return MIN (slot->start_minute + position * (slot->length_minutes / capacity), 1439);
}

/* Urgency order: care level, days waiting, sort key, id. */
gint
qing_plan_student_compare (const QingPlanStudent *a, const QingPlanStudent *b)
{
  int cmp;

  if (a->care != b->care)
    return a->care > b->care ? -1 : 1;
  if (a->days_waiting != b->days_waiting)
    return a->days_waiting > b->days_waiting ? -1 : 1;
  cmp = g_strcmp0 (a->sort_key, b->sort_key);
  if (cmp != 0)
    return cmp;
  return (a->student_id > b->student_id) - (a->student_id < b->student_id);
}

static gint
compare_students (gconstpointer a, gconstpointer b)
{
  return qing_plan_student_compare (a, b);
}

static gboolean
weekday_has_slots (const QingMentorSlot *slots, gsize n_slots, guint weekday)
{
  for (gsize i = 0; i < n_slots; i++)
    if (slots[i].weekday == weekday)
      return TRUE;
  return FALSE;
}

typedef struct
{
  const QingMentorSlot *slots;
} SlotSortData;

static gint
compare_slot_indexes (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const QingMentorSlot *slots = ((SlotSortData *)user_data)->slots;
  const QingMentorSlot *sa = &slots[*(const guint *)a];
  const QingMentorSlot *sb = &slots[*(const guint *)b];

  if (sa->start_minute != sb->start_minute)
    return sa->start_minute < sb->start_minute ? -1 : 1;
  return (sa->id > sb->id) - (sa->id < sb->id);
}

/* Which slots apply on @day: the day's own weekday, or for a make-up day
 * without slots of its own, those of the weekday whose timetable it runs
 * (the calendar's; @makeup_weekday 1…7 overrides it for every make-up day). */
void
qing_planner_slots_for_day (const QingMentorSlot *slots, gsize n_slots,
                            QingSchoolCalendar *calendar, const GDate *day, guint makeup_weekday,
                            GArray *out_indexes)
{
  SlotSortData data = { slots };
  guint weekday;
  guint first = out_indexes->len;

  g_return_if_fail (day != NULL && g_date_valid (day));

  weekday = g_date_get_weekday (day);
  if (weekday >= G_DATE_SATURDAY && calendar != NULL
      && qing_school_calendar_is_school_day (calendar, day)
      && !weekday_has_slots (slots, n_slots, weekday))
    weekday = (makeup_weekday >= 1 && makeup_weekday <= 7)
                ? makeup_weekday
                : qing_school_calendar_get_timetable_weekday (calendar, day);

  for (guint i = 0; i < n_slots; i++)
    if (slots[i].weekday == weekday)
      g_array_append_val (out_indexes, i);

  if (out_indexes->len - first > 1)
    g_qsort_with_data (((guint *)(gpointer)out_indexes->data) + first, out_indexes->len - first,
                       sizeof (guint), compare_slot_indexes, &data);
}

/* All the seats from today to the last day, school days only. */
static void
build_seats (Planner *p)
{
  const QingPlanInput *in = p->input;
  guint32 last = g_date_get_julian (&in->last_day);
  g_autoptr (GArray) indexes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint32 j = p->today; j <= last; j++)
    {
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, j);
      if (in->calendar != NULL && !qing_school_calendar_is_school_day (in->calendar, &day))
        continue;

      g_array_set_size (indexes, 0);
      qing_planner_slots_for_day (in->slots, in->n_slots, in->calendar, &day, in->makeup_weekday,
                                  indexes);
      for (guint i = 0; i < indexes->len; i++)
        {
          guint si = g_array_index (indexes, guint, i);
          const QingMentorSlot *slot = &in->slots[si];

          for (guint pos = 0; pos < MAX (slot->capacity, 1); pos++)
            {
              Seat seat = { j, si, pos, qing_mentor_slot_seat_start (slot, pos), FALSE };

              if (j == p->today && seat.start_minute <= in->now_minute)
                continue;
              g_array_append_val (p->seats, seat);
            }
        }
    }
}

static Seat *
find_seat (Planner *p, guint32 julian, gint64 slot_id, guint position, gboolean any_free_position)
{
  for (guint i = 0; i < p->seats->len; i++)
    {
      Seat *seat = &g_array_index (p->seats, Seat, i);

      if (seat->julian != julian || p->input->slots[seat->slot_index].id != slot_id)
        continue;
      if (any_free_position ? !seat->taken : seat->position == position)
        return seat;
    }
  return NULL;
}

/* An existing entry keeps its seat: mark it taken (or, if that exact seat
 * is gone, another free seat of the same slot that day, so the slot's
 * capacity still holds). */
static void
take_existing_seat (Planner *p, const QingPlanEntry *entry)
{
  guint32 julian = g_date_get_julian (&entry->day);
  Seat *seat = find_seat (p, julian, entry->slot_id, entry->position, FALSE);

  if (seat == NULL || seat->taken)
    seat = find_seat (p, julian, entry->slot_id, 0, TRUE);
  if (seat != NULL)
    seat->taken = TRUE;
}

static void
place_entry (Planner *p, QingPlanEntry *entry, Seat *seat)
{
  const QingMentorSlot *slot = &p->input->slots[seat->slot_index];

  seat->taken = TRUE;
  g_date_clear (&entry->day, 1);
  g_date_set_julian (&entry->day, seat->julian);
  entry->slot_id = slot->id;
  entry->position = seat->position;
  entry->start_minute = seat->start_minute;
}

static Seat *
first_free_seat (Planner *p, guint32 from_julian)
{
  for (guint i = 0; i < p->seats->len; i++)
    {
      Seat *seat = &g_array_index (p->seats, Seat, i);

      if (!seat->taken && seat->julian >= from_julian)
        return seat;
    }
  return NULL;
}

static gboolean
entry_is_open (const QingPlanEntry *entry)
{
  return entry->status == QING_PLAN_PLANNED || entry->status == QING_PLAN_MOVED;
}

/* Keeps the existing entries; returns the indexes (in p->entries) of the
 * missed ones, in their original order. */
static GArray *
keep_existing (Planner *p)
{
  const QingPlanInput *in = p->input;
  GArray *missed = g_array_new (FALSE, FALSE, sizeof (guint));

  for (gsize i = 0; i < in->n_existing; i++)
    {
      const QingPlanEntry *entry = &in->existing[i];
      gboolean past = g_date_get_julian (&entry->day) < p->today;

      g_array_append_val (p->entries, *entry);
      /* Whatever its status, an entry's student is not planned again. */
      g_hash_table_add (p->planned, (gpointer)&in->existing[i].student_id);
      if (entry->status == QING_PLAN_SKIPPED)
        continue;
      if (entry_is_open (entry) && past)
        {
          guint index = p->entries->len - 1;

          g_array_append_val (missed, index);
        }
      else if (!past)
        take_existing_seat (p, entry);
    }
  return missed;
}

/* Moves missed entries to the next free seats; those without one stay
 * where they are and their students go to @unplaced. */
static void
move_missed (Planner *p, GArray *missed, GArray *unplaced, QingPlanResult *result)
{
  for (guint i = 0; i < missed->len; i++)
    {
      QingPlanEntry *entry
          = &g_array_index (p->entries, QingPlanEntry, g_array_index (missed, guint, i));
      Seat *seat = first_free_seat (p, p->today);

      if (seat == NULL)
        {
          g_array_append_val (unplaced, entry->student_id);
          continue;
        }
      place_entry (p, entry, seat);
      entry->status = QING_PLAN_MOVED;
      result->n_moved++;
    }
}

static guint
count_free_seats (Planner *p, guint32 julian, gboolean after)
{
  guint n = 0;

  for (guint i = 0; i < p->seats->len; i++)
    {
      const Seat *seat = &g_array_index (p->seats, Seat, i);

      if (!seat->taken && (after ? seat->julian > julian : seat->julian == julian))
        n++;
    }
  return n;
}

/* Spreads @queue (QingPlanStudent, urgency order) evenly over the days that
 * have free seats: each day takes its share of the students left, and at
 * least what the later days cannot hold. */
static void
spread_students (Planner *p, GArray *queue, GArray *unplaced, QingPlanResult *result)
{
  guint next = 0;
  guint n_days = 0;
  guint32 last_julian = 0;

  for (guint i = 0; i < p->seats->len; i++)
    {
      const Seat *seat = &g_array_index (p->seats, Seat, i);

      if (!seat->taken && seat->julian != last_julian)
        {
          n_days++;
          last_julian = seat->julian;
        }
    }

  last_julian = 0;
  for (guint i = 0; i < p->seats->len && next < queue->len; i++)
    {
      Seat *seat = &g_array_index (p->seats, Seat, i);
      guint left = queue->len - next;
      guint quota;

      if (seat->taken || seat->julian == last_julian)
        continue;
      last_julian = seat->julian;
      quota = (left + n_days - 1) / MAX (n_days, 1);
      quota = MAX (quota, left - MIN (left, count_free_seats (p, seat->julian, TRUE)));
      n_days--;

      for (guint k = i; k < p->seats->len && quota > 0; k++)
        {
          Seat *s = &g_array_index (p->seats, Seat, k);
          const QingPlanStudent *student = &g_array_index (queue, QingPlanStudent, next);
          QingPlanEntry entry = { 0 };

          if (s->julian != seat->julian)
            break;
          if (s->taken)
            continue;
          entry.student_id = student->student_id;
          entry.status = QING_PLAN_PLANNED;
          place_entry (p, &entry, s);
          g_array_append_val (p->entries, entry);
          result->n_new++;
          next++;
          quota--;
        }
    }

  for (; next < queue->len; next++)
    g_array_append_val (unplaced, g_array_index (queue, QingPlanStudent, next).student_id);
}

static gint
compare_entries (gconstpointer a, gconstpointer b)
{
  const QingPlanEntry *ea = a;
  const QingPlanEntry *eb = b;
  int cmp = g_date_compare (&ea->day, &eb->day);

  if (cmp != 0)
    return cmp;
  if (ea->start_minute != eb->start_minute)
    return ea->start_minute < eb->start_minute ? -1 : 1;
  if (ea->position != eb->position)
    return ea->position < eb->position ? -1 : 1;
  return (ea->student_id > eb->student_id) - (ea->student_id < eb->student_id);
}

/* Plans the cycle (see the rules in qing-planner.h).
 * Returns: (transfer full): the result; free with qing_plan_result_free(). */
QingPlanResult *
qing_planner_plan (const QingPlanInput *input)
{
  Planner p = { input };
  QingPlanResult *result;
  g_autoptr (GArray) missed = NULL;
  g_autoptr (GArray) queue = NULL;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&input->today), NULL);
  g_return_val_if_fail (g_date_valid (&input->last_day), NULL);

  result = g_new0 (QingPlanResult, 1);
  result->entries = g_array_new (FALSE, FALSE, sizeof (QingPlanEntry));
  result->unplaced = g_array_new (FALSE, FALSE, sizeof (gint64));

  p.today = g_date_get_julian (&input->today);
  p.seats = g_array_new (FALSE, FALSE, sizeof (Seat));
  p.entries = result->entries;
  p.planned = g_hash_table_new (g_int64_hash, g_int64_equal);

  build_seats (&p);
  missed = keep_existing (&p);
  result->n_seats = count_free_seats (&p, p.today, FALSE) + count_free_seats (&p, p.today, TRUE);
  move_missed (&p, missed, result->unplaced, result);

  queue = g_array_new (FALSE, FALSE, sizeof (QingPlanStudent));
  for (gsize i = 0; i < input->n_students; i++)
    if (!g_hash_table_contains (p.planned, &input->students[i].student_id))
      {
        g_array_append_val (queue, input->students[i]);
        /* A student listed twice is planned once. */
        g_hash_table_add (p.planned, (gpointer)&input->students[i].student_id);
      }
  g_array_sort (queue, compare_students);
  spread_students (&p, queue, result->unplaced, result);

  g_array_sort (result->entries, compare_entries);
  g_array_unref (p.seats);
  g_hash_table_unref (p.planned);
  return result;
}

/* "8 students will not fit in this cycle's free slots", or NULL when all fit.
 * Returns: (transfer full) (nullable). */
char *
qing_plan_result_describe_unplaced (const QingPlanResult *result)
{
  guint n;

  g_return_val_if_fail (result != NULL, NULL);

  n = result->unplaced->len;
  if (n == 0)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u student will not fit in this cycle's free slots",
                                       "%u students will not fit in this cycle's free slots", n),
                          n);
}
