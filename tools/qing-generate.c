/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * qing-generate: writes an invented large school into a new database, for
 * the benchmark and for trying the views at scale.
 *
 *   qing-generate --students 3000 --mentors 60 --counselors 2 --years 5 OUT.db
 *
 * A developer tool (not installed): its messages are not translated.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "qing-generator.h"
#include "qing-store-private.h"

typedef struct
{
  gint64 started;
  guint  last_percent;
} Progress;

static void
on_day_generated (const GDate               *day,
                  guint                      day_index,
                  guint                      n_days,
                  const QingGeneratorCounts *counts,
                  gpointer                   user_data)
{
  Progress *progress = user_data;
  guint percent = (day_index + 1) * 100 / n_days;

  if (percent / 5 == progress->last_percent / 5 && day_index + 1 < n_days)
    return;
  progress->last_percent = percent;
  g_print ("%3u%%  %04d-%02d-%02d  %10" G_GUINT64_FORMAT " talks  %10" G_GUINT64_FORMAT
           " moods  %6.1f s\n", percent, g_date_get_year (day), g_date_get_month (day),
           g_date_get_day (day), counts->n_talks, counts->n_moods,
           (g_get_monotonic_time () - progress->started) / 1e6);
}

static GDateTime *
end_moment (GTimeZone *tz, const char *end_day, GError **error)
{
  g_autoptr (GDateTime) today = g_date_time_new_now (tz);
  int y = g_date_time_get_year (today), m = g_date_time_get_month (today);
  int d = g_date_time_get_day_of_month (today);

  if (end_day != NULL && (sscanf (end_day, "%d-%d-%d", &y, &m, &d) != 3
                          || !g_date_valid_dmy (d, m, y)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--end wants a day as YYYY-MM-DD, not “%s”", end_day);
      return NULL;
    }
  /* the history ends on that evening, after the day's talks */
  return g_date_time_new (tz, y, m, d, 22, 0, 0);
}

static gboolean
generate (const char *path, const QingGeneratorOptions *options, GTimeZone *tz,
          const char *end_day, GError **error)
{
  g_autoptr (GDateTime) now = end_moment (tz, end_day, error);
  g_autoptr (QingClock) clock = NULL;
  g_autoptr (QingStore) store = NULL;
  QingGeneratorCounts counts = { 0 };
  Progress progress = { g_get_monotonic_time (), 0 };
  GStatBuf st;
  gboolean empty = FALSE;

  if (now == NULL)
    return FALSE;
  clock = qing_clock_new_manual (now);
  store = qing_store_open (path, clock, error);
  if (store == NULL || !qing_generator_is_empty (store, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error (error, QING_GENERATOR_ERROR, QING_GENERATOR_ERROR_NOT_EMPTY,
                   "“%s” already holds records; give a new file. Nothing was changed.", path);
      return FALSE;
    }
  /* for generation only: nothing is lost that could not be generated again */
  if (!qing_store_exec (store, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                               " PRAGMA cache_size = -1048576;", error))
    return FALSE;
  if (!qing_generator_run (store, options, on_day_generated, &progress, &counts, error))
    return FALSE;
  g_print ("Optimizing …\n");
  if (!qing_store_exec (store, "ANALYZE; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
                        error))
    return FALSE;
  g_clear_object (&store);

  g_print ("Generated in %.1f s: %" G_GUINT64_FORMAT " students in %" G_GUINT64_FORMAT
           " classes (%" G_GUINT64_FORMAT " need care), %" G_GUINT64_FORMAT " guardians, %"
           G_GUINT64_FORMAT " staff, %" G_GUINT64_FORMAT " terms, %" G_GUINT64_FORMAT " talks, %"
           G_GUINT64_FORMAT " mood entries, %" G_GUINT64_FORMAT " flags\n",
           (g_get_monotonic_time () - progress.started) / 1e6, counts.n_students,
           counts.n_classes, counts.n_care, counts.n_guardians, counts.n_staff, counts.n_terms,
           counts.n_talks, counts.n_moods, counts.n_flags);
  if (g_stat (path, &st) == 0)
    g_print ("Database size: %.1f MB\n", st.st_size / 1048576.0);
  return TRUE;
}

int
main (int argc, char **argv)
{
  int students = 3000, mentors = 60, counselors = 2, years = 5, days = 0, seed = 1;
  int class_size = 50;
  g_autofree char *end_day = NULL;
  g_autofree char *tz_name = NULL;
  const GOptionEntry entries[] = {
    { "students", 0, 0, G_OPTION_ARG_INT, &students, "Number of students (3000)", "N" },
    { "mentors", 0, 0, G_OPTION_ARG_INT, &mentors, "Number of mentors (60)", "N" },
    { "counselors", 0, 0, G_OPTION_ARG_INT, &counselors, "Number of counselors (2)", "N" },
    { "class-size", 0, 0, G_OPTION_ARG_INT, &class_size, "Students per class (50)", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of history (5)", "N" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Days of history (instead of --years)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (1)", "N" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_day, "Last day of history (today)", "YYYY-MM-DD" },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &tz_name, "Time zone (Asia/Shanghai)", "TZ" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("OUT.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) tz = NULL;
  QingGeneratorOptions options = { 0 };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Writes an invented large school into a new database.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2
      || students <= 0 || mentors < 0 || counselors < 0 || years <= 0 || days < 0
      || class_size <= 0)
    {
      g_printerr ("%s\n", error ? error->message : "Give one OUT.db and positive numbers.");
      return 2;
    }
  tz = g_time_zone_new_identifier (tz_name ? tz_name : "Asia/Shanghai");
  if (tz == NULL)
    tz = g_time_zone_new_offset (8 * 3600);
  options = (QingGeneratorOptions) { students, mentors, counselors,
                                     days > 0 ? days : years * 365 + years / 4, class_size,
                                     seed };
  if (!generate (argv[1], &options, tz, end_day, &error))
    {
      g_printerr ("qing-generate: %s\n", error->message);
      return 1;
    }
  return 0;
}
