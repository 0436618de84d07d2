/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * qing-bench: times what the views do on a large school (qing-generate),
 * one line per figure, the median of --runs runs (20) in milliseconds.
 *
 *   qing-bench DB [--compare OTHER.db]
 *
 * With --compare it also times the due list on OTHER.db (e.g. one year of
 * history against five) and prints the ratio DB / OTHER.
 *
 * "Now" is the end of the generated history, in its time zone (the
 * generator leaves both in the settings).  Saving a talk writes 20 talks and
 * removes them again.  A developer tool: messages are not translated.
 *
 * Each line gives the median wall time and the median processor time (on
 * a busy machine the wall time also counts waiting for the processor).
 * The due list is timed twice: reading every talk of the widest window
 * with qing_store_list_talk_spans(), and reading each role's talks only
 * as far back as its rules look (qing_bench_list_rule_spans()); --compare
 * then times the second on both databases in turns and prints the ratio.
 *
 * Environment: QING_BENCH_DETAIL=1 prints where the due list spends its
 * time; QING_BENCH_MMAP=1 turns on memory-mapped reads (an experiment for
 * the store: the program does not do it yet).
 */
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "qing-counselor-lists.h"
#include "qing-generator.h"
#include "qing-repository.h"
#include "qing-roster-status.h"
#include "qing-store-bench-queries.h"
#include "qing-store-calendar.h"
#include "qing-store-private.h"

typedef struct
{
  QingStore          *store;
  QingSchoolCalendar *calendar;
  GTimeZone          *tz;
  gint64              now;
  gint64              mentor;    /* the local mentor */
  gint64              group;     /* their class */
  gint64              guardian;  /* the local parent */
  gint64              child;     /* their first child */
  guint               n_result;  /* what the last run found, to print */
  guint               n_students;
} Bench;

typedef gboolean (*BenchFunc) (Bench *bench, GError **error);

static int runs = 20;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}


static double
median (double *values)
{
  qsort (values, runs, sizeof (double), compare_doubles);
  return runs % 2 ? values[runs / 2] : (values[runs / 2 - 1] + values[runs / 2]) / 2;
}

/* Runs @func @runs times and returns the median wall time in
 * milliseconds, and in @cpu the median processor time (what the wall time
 * would be on an idle machine, when nothing waits for the disk). */
static double
median_ms (Bench *bench, BenchFunc func, double *cpu, GError **error)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree double *cpu_times = g_new (double, runs);

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      if (!func (bench, error))
        return -1;
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu_times[i] = cpu_ms () - cpu_start;
    }
  *cpu = median (cpu_times);
  return median (times);
}

/* The due status of every student under the rules in @rules. */
static gboolean
evaluate (Bench *bench, GArray *subjects, const QingCadenceRule *rules, gsize n_rules,
          GError **error)
{
  g_autofree QingCadenceRuleInfo *infos = g_new (QingCadenceRuleInfo, n_rules);
  g_autofree gint64 *ids = g_new (gint64, MAX (subjects->len, 1));
  g_autoptr (GArray) spans = NULL;
  g_autofree QingCadenceStatus *statuses = NULL;
  gint64 from;

  for (gsize r = 0; r < n_rules; r++)
    infos[r] = *qing_cadence_rule_get_default (rules[r]);
  from = qing_cadence_get_window_start (bench->calendar, bench->tz, bench->now, infos, n_rules);
  for (guint i = 0; i < subjects->len; i++)
    ids[i] = g_array_index (subjects, QingCadenceSubject, i).student_id;
  spans = qing_store_list_talk_spans (bench->store, subjects->len > 1000 ? NULL : ids,
                                      subjects->len, from, bench->now + 1, error);
  if (spans == NULL)
    return FALSE;
  statuses = qing_cadence_evaluate_many (bench->calendar, bench->tz, bench->now, infos, n_rules,
                                         (QingCadenceSubject *) subjects->data, subjects->len,
                                         (QingTalkSpan *) spans->data, spans->len);
  bench->n_result = spans->len;
  return statuses != NULL;
}

static const QingCadenceRule all_rules[] = {
  QING_CADENCE_PARENT_DAILY, QING_CADENCE_MENTOR_BIWEEKLY, QING_CADENCE_MENTOR_AT_RISK,
  QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY, QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY,
  QING_CADENCE_MENTOR_AT_RISK_GUARDIAN, QING_CADENCE_STUDENT_DAILY,
};

static gboolean
bench_due_all (Bench *bench, GError **error)
{
  g_autoptr (GArray) subjects = qing_bench_list_subjects (bench->store, 0, QING_CARE_NORMAL,
                                                          error);
  return subjects != NULL
         && evaluate (bench, subjects, all_rules, G_N_ELEMENTS (all_rules), error);
}

/* The same with each role's talks read only as far back as its rules look. */
static gboolean
bench_due_all_by_role (Bench *bench, GError **error)
{
  double t0 = cpu_ms (), t1, t2, t3;
  g_autoptr (GArray) subjects = qing_bench_list_subjects (bench->store, 0, QING_CARE_NORMAL,
                                                          error);
  QingCadenceRuleInfo infos[G_N_ELEMENTS (all_rules)];
  g_autoptr (GArray) spans = NULL;
  g_autofree QingCadenceStatus *statuses = NULL;

  if (subjects == NULL)
    return FALSE;
  for (gsize r = 0; r < G_N_ELEMENTS (all_rules); r++)
    infos[r] = *qing_cadence_rule_get_default (all_rules[r]);
  t1 = cpu_ms ();
  spans = qing_bench_list_rule_spans (bench->store, bench->calendar, bench->tz, bench->now,
                                      infos, G_N_ELEMENTS (infos), error);
  if (spans == NULL)
    return FALSE;
  t2 = cpu_ms ();
  statuses = qing_cadence_evaluate_many (bench->calendar, bench->tz, bench->now, infos,
                                         G_N_ELEMENTS (infos),
                                         (QingCadenceSubject *) subjects->data, subjects->len,
                                         (QingTalkSpan *) spans->data, spans->len);
  bench->n_result = spans->len;
  bench->n_students = subjects->len;
  t3 = cpu_ms ();
  if (g_getenv ("QING_BENCH_DETAIL") != NULL)
    g_print ("  cpu: students %.2f ms, spans %.2f ms, evaluating %.2f ms\n", t1 - t0, t2 - t1,
             t3 - t2);
  return statuses != NULL;
}

/* What the mentor view computes for its roster (qing-roster-status.h). */
static gboolean
bench_mentor_roster (Bench *bench, GError **error)
{
  QingViewer viewer = { bench->mentor, QING_ROLE_MENTOR };
  g_autoptr (QingRosterStatus) roster = qing_roster_status_compute (bench->store, bench->group,
                                                                    &viewer, bench->now, error);

  if (roster == NULL)
    return FALSE;
  bench->n_result = g_list_model_get_n_items (G_LIST_MODEL (roster));
  return TRUE;
}

/* What the counselor view reads for its two lists (qing-counselor-lists.h). */
static gboolean
bench_counselor_lists (Bench *bench, GError **error)
{
  g_autoptr (GPtrArray) key_care = qing_counselor_list_care_status (bench->store,
                                                                    QING_CARE_KEY_CARE,
                                                                    bench->now, error);
  g_autoptr (GPtrArray) clear_signs = NULL;

  if (key_care == NULL)
    return FALSE;
  clear_signs = qing_counselor_list_care_status (bench->store, QING_CARE_CLEAR_SIGNS, bench->now,
                                                 error);
  if (clear_signs == NULL)
    return FALSE;
  bench->n_result = key_care->len + clear_signs->len;
  return TRUE;
}

static gboolean
bench_child_history (Bench *bench, GError **error)
{
  QingViewer viewer = { bench->guardian, QING_ROLE_PARENT };
  gint64 from = bench->now - 365 * G_GINT64_CONSTANT (86400);
  g_autoptr (GPtrArray) talks = qing_store_list_talks (bench->store, &viewer, bench->child, from,
                                                       bench->now + 1, error);
  g_autoptr (GPtrArray) moods = NULL;

  if (talks == NULL)
    return FALSE;
  moods = qing_store_list_moods (bench->store, &viewer, bench->child, from, bench->now + 1,
                                 error);
  if (moods == NULL)
    return FALSE;
  bench->n_result = talks->len + moods->len;
  return TRUE;
}

static gboolean
bench_child_minutes (Bench *bench, GError **error)
{
  guint seconds[365];
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_local (bench->now);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (now, bench->tz);
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  g_date_subtract_days (&first, 364);
  return qing_store_get_talk_seconds_per_day (bench->store, bench->child, QING_ROLE_PARENT,
                                              &first, 365, seconds, error);
}

static GPtrArray *saved_talks;

static gboolean
bench_save_talk (Bench *bench, GError **error)
{
  g_autoptr (QingTalk) talk = qing_talk_new (bench->child, bench->guardian, QING_ROLE_PARENT,
                                             bench->now - 1800, 16 * 60);

  qing_talk_set_visibility (talk, QING_VISIBILITY_FAMILY);
  if (!qing_store_add_talk (bench->store, talk, error))
    return FALSE;
  g_ptr_array_add (saved_talks, g_steal_pointer (&talk));
  return TRUE;
}

static gboolean
open_and_close (const char *path, GError **error)
{
  g_autoptr (QingClock) clock = qing_clock_new_system ();
  g_autoptr (QingStore) store = qing_store_open (path, clock, error);
  return store != NULL;
}

static gint64
local_person (QingStore *store, QingRole role)
{
  return MAX (qing_store_get_local_person (store, role, NULL), 0);
}

static gboolean
bench_open (Bench *bench, const char *path, GError **error)
{
  g_autoptr (QingClock) system = qing_clock_new_system ();
  g_autoptr (QingStore) probe = qing_store_open (path, system, error);
  g_autofree char *now_text = NULL;
  g_autofree char *tz_name = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (QingClock) clock = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) children = NULL;

  if (probe == NULL)
    return FALSE;
  now_text = qing_store_get_setting (probe, QING_GENERATOR_NOW_SETTING);
  bench->now = now_text != NULL ? g_ascii_strtoll (now_text, NULL, 10)
                                : g_get_real_time () / G_USEC_PER_SEC;
  tz_name = qing_store_get_setting (probe, QING_GENERATOR_TZ_SETTING);
  g_clear_object (&probe);
  bench->tz = g_time_zone_new_identifier (tz_name ? tz_name : "Asia/Shanghai");
  if (bench->tz == NULL)
    bench->tz = g_time_zone_new_offset (8 * 3600);
  {
    g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (bench->now);
    now = g_date_time_to_timezone (utc, bench->tz);
  }
  clock = qing_clock_new_manual (now);
  bench->store = qing_store_open (path, clock, error);
  if (bench->store == NULL)
    return FALSE;
  /* experiment: what memory-mapped reads would give (see the report) */
  if (g_getenv ("QING_BENCH_MMAP") != NULL
      && !qing_store_exec (bench->store, "PRAGMA mmap_size = 4294967296;", error))
    return FALSE;
  bench->calendar = qing_store_load_school_calendar (bench->store, error);
  if (bench->calendar == NULL)
    return FALSE;
  bench->mentor = local_person (bench->store, QING_ROLE_MENTOR);
  bench->guardian = local_person (bench->store, QING_ROLE_PARENT);
  groups = qing_store_list_groups (bench->store, bench->mentor, error);
  children = groups ? qing_store_list_children (bench->store, bench->guardian, error) : NULL;
  if (children == NULL)
    return FALSE;
  if (groups->len > 0)
    bench->group = qing_group_get_id (g_ptr_array_index (groups, 0));
  if (children->len > 0)
    bench->child = qing_person_get_id (g_ptr_array_index (children, 0));
  return TRUE;
}

static void
bench_clear (Bench *bench)
{
  g_clear_object (&bench->store);
  g_clear_pointer (&bench->calendar, qing_school_calendar_unref);
  g_clear_pointer (&bench->tz, g_time_zone_unref);
}

static const char *current_path;

static gboolean
bench_open_close (Bench *bench, GError **error)
{
  return open_and_close (current_path, error);
}

/* Prints one line: the medians and whether they meet @target (0: none). */
static gboolean
print_figure (Bench *bench, const char *what, BenchFunc func, double target, GError **error)
{
  double cpu = 0, ms = median_ms (bench, func, &cpu, error);

  if (ms < 0)
    return FALSE;
  if (target <= 0)
    g_print ("%-52s %8.2f ms  cpu %7.2f ms  (for comparison)\n", what, ms, cpu);
  else
    g_print ("%-52s %8.2f ms  cpu %7.2f ms  (target < %.0f ms%s)\n", what, ms, cpu, target,
             ms < target ? "" : cpu < target ? ", missed on the wall clock only" : ", MISSED");
  return TRUE;
}

static gboolean
remove_saved_talks (Bench *bench, GError **error)
{
  for (guint i = 0; i < saved_talks->len; i++)
    {
      g_autoptr (QingTalk) removed = qing_store_remove_talk (
        bench->store, qing_talk_get_id (g_ptr_array_index (saved_talks, i)), error);
      if (removed == NULL)
        return FALSE;
    }
  g_ptr_array_set_size (saved_talks, 0);
  return TRUE;
}

static gboolean
run_all (Bench *bench, const char *path, GError **error)
{
  g_autofree char *due = NULL;

  current_path = path;
  g_print ("%s\n", path);
  if (!print_figure (bench, "opening the database", bench_open_close, 10, error))
    return FALSE;
  if (!bench_open (bench, path, error) || !bench_due_all (bench, error))
    return FALSE;
  due = g_strdup_printf ("due status, every talk of the widest window (%u spans)",
                         bench->n_result);
  if (!print_figure (bench, due, bench_due_all, 0, error))
    return FALSE;
  g_clear_pointer (&due, g_free);
  if (!bench_due_all_by_role (bench, error))
    return FALSE;
  due = g_strdup_printf ("due status of %u students, windows per role (%u spans)",
                         bench->n_students, bench->n_result);
  if (!print_figure (bench, due, bench_due_all_by_role, 10, error)
      || !print_figure (bench, "one mentor's class roster (qing_roster_status_compute)",
                        bench_mentor_roster, 10, error)
      || !print_figure (bench, "counselor's key-care and clear-signs lists",
                        bench_counselor_lists, 10, error)
      || !print_figure (bench, "one child's 365-day talks and moods", bench_child_history, 10,
                        error)
      || !print_figure (bench, "one child's 365-day minutes per day", bench_child_minutes, 10,
                        error)
      || !print_figure (bench, "saving one talk", bench_save_talk, 5, error))
    return FALSE;
  return remove_saved_talks (bench, error);
}

/* The due lists of @a and @b timed in turns, so that a change in the
 * machine's load touches both alike; prints the ratio of the medians. */
static gboolean
compare_due_lists (Bench *a, Bench *b, GError **error)
{
  g_autofree double *times = g_new (double, 4 * runs);
  double *wall[2] = { times, times + runs };
  double *cpu[2] = { times + 2 * runs, times + 3 * runs };
  Bench *benches[2] = { a, b };

  for (int i = 0; i < runs; i++)
    for (int k = 0; k < 2; k++)
      {
        gint64 start = g_get_monotonic_time ();
        double cpu_start = cpu_ms ();

        if (!bench_due_all_by_role (benches[k], error))
          return FALSE;
        wall[k][i] = (g_get_monotonic_time () - start) / 1000.0;
        cpu[k][i] = cpu_ms () - cpu_start;
      }
  g_print ("due list, timed in turns: %.2f ms / %.2f ms, ratio %.2f;"
           " processor %.2f ms / %.2f ms, ratio %.2f (target ≤ 1.2)\n",
           median (wall[0]), median (wall[1]), median (wall[0]) / median (wall[1]),
           median (cpu[0]), median (cpu[1]), median (cpu[0]) / median (cpu[1]));
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree char *compare = NULL;
  const GOptionEntry entries[] = {
    { "compare", 0, 0, G_OPTION_ARG_FILENAME, &compare,
      "Also time the due list on OTHER.db and print the ratio", "OTHER.db" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure (20)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("DB");
  g_autoptr (GError) error = NULL;
  Bench bench = { 0 }, other = { 0 };


  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Give one database and --runs ≥ 1.");
      return 2;
    }
  saved_talks = g_ptr_array_new_with_free_func (g_object_unref);
  if (!run_all (&bench, argv[1], &error)
      || (compare != NULL && !run_all (&other, compare, &error)))
    {
      g_printerr ("qing-bench: %s\n", error->message);
      return 1;
    }
  if (compare != NULL
      && !compare_due_lists (&bench, &other, &error))
    {
      g_printerr ("qing-bench: %s\n", error->message);
      return 1;
    }
  bench_clear (&bench);
  bench_clear (&other);
  g_ptr_array_unref (saved_talks);
  return 0;
}
