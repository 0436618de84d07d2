/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The daily mood series behind the trend chart: local days in a time zone,
 * gaps, several entries a day, and the screen-reader summary.
 */
#include <locale.h>

#include "qing-mood-series.h"
#include "qing-mood-vocab.h"

typedef struct
{
  const char *at;      /* ISO 8601 with offset */
  int         valence;
} Entry;

typedef struct
{
  guint  index;
  guint  n;
  double mean;
  int    min;
  int    max;
} Expect;

typedef struct
{
  const char *name;
  const char *tz;
  int         first[3]; /* y, m, d */
  int         last[3];
  Entry       entries[8];
  Expect      expect[8];
} SeriesCase;

#define END { NULL, 0 }
#define DONE { G_MAXUINT, 0, 0, 0, 0 }

static const SeriesCase cases[] = {
  { "across-midnight", "Asia/Shanghai", { 2026, 11, 3 }, { 2026, 11, 4 },
    { { "2026-11-03T23:59:59+08:00", 2 }, { "2026-11-04T00:00:00+08:00", -1 },
      { "2026-11-03T15:59:59Z", 1 }, /* = 23:59:59 in Shanghai */ END },
    { { 0, 2, 1.5, 1, 2 }, { 1, 1, -1, -1, -1 }, DONE } },
  { "dst-spring-forward", "Europe/Berlin", { 2026, 3, 29 }, { 2026, 3, 30 },
    /* 00:30 CEST on the 30th is 22:30 UTC on the 29th: a fixed +01:00 would
     * put it on the wrong day */
    { { "2026-03-29T22:30:00Z", -2 }, { "2026-03-29T01:30:00+01:00", 3 }, END },
    { { 0, 1, 3, 3, 3 }, { 1, 1, -2, -2, -2 }, DONE } },
  { "dst-fall-back", "Europe/Berlin", { 2026, 10, 25 }, { 2026, 10, 26 },
    /* 23:30 CET on the 25th is 22:30 UTC: a stale +02:00 would say the 26th */
    { { "2026-10-25T22:30:00Z", 1 }, { "2026-10-25T02:30:00+02:00", -1 },
      { "2026-10-25T02:30:00+01:00", -3 }, END },
    { { 0, 3, -1, -3, 1 }, { 1, 0, 0, 0, 0 }, DONE } },
  { "empty-days", "Asia/Shanghai", { 2026, 11, 1 }, { 2026, 11, 5 },
    { { "2026-11-02T08:00:00+08:00", 0 }, { "2026-11-05T21:00:00+08:00", -3 }, END },
    { { 0, 0, 0, 0, 0 }, { 1, 1, 0, 0, 0 }, { 2, 0, 0, 0, 0 }, { 3, 0, 0, 0, 0 },
      { 4, 1, -3, -3, -3 }, DONE } },
  { "several-per-day", "Asia/Shanghai", { 2026, 11, 10 }, { 2026, 11, 10 },
    { { "2026-11-10T07:00:00+08:00", -3 }, { "2026-11-10T12:00:00+08:00", 1 },
      { "2026-11-10T22:00:00+08:00", 2 }, { "2026-11-10T20:00:00+08:00", 3 }, END },
    { { 0, 4, 0.75, -3, 3 }, DONE } },
  { "outside-range-and-invalid", "Asia/Shanghai", { 2026, 11, 10 }, { 2026, 11, 11 },
    { { "2026-11-09T23:59:00+08:00", 3 }, { "2026-11-12T00:00:00+08:00", 3 },
      { "2026-11-10T12:00:00+08:00", 4 }, { "2026-11-11T12:00:00+08:00", -4 },
      { "2026-11-11T13:00:00+08:00", -1 }, END },
    { { 0, 0, 0, 0, 0 }, { 1, 1, -1, -1, -1 }, DONE } },
};

static GArray *
make_points (const Entry *entries)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (QingMoodPoint));

  for (guint i = 0; entries[i].at != NULL; i++)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (entries[i].at, NULL);
      QingMoodPoint p = { 0, entries[i].valence };

      g_assert_nonnull (dt);
      p.at_utc = g_date_time_to_unix (dt);
      g_array_append_val (points, p);
    }
  return points;
}

static void
set_date (GDate *date, const int ymd[3])
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, ymd[2], ymd[1], ymd[0]);
}

static void
test_series_table (gconstpointer data)
{
  const SeriesCase *c = data;
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (c->tz);
  g_autoptr (GArray) points = make_points (c->entries);
  g_autoptr (QingMoodSeries) series = NULL;
  GDate first, last;

  g_assert_nonnull (tz);
  set_date (&first, c->first);
  set_date (&last, c->last);
  series = qing_mood_series_new ((QingMoodPoint *) points->data, points->len, tz, &first, &last);
  g_assert_cmpuint (qing_mood_series_get_n_days (series), ==,
                    g_date_days_between (&first, &last) + 1);

  for (guint i = 0; c->expect[i].index != G_MAXUINT; i++)
    {
      const Expect *e = &c->expect[i];
      const QingMoodDay *day = qing_mood_series_get_day (series, e->index);
      GDate want = first;

      g_date_add_days (&want, e->index);
      g_assert_cmpint (g_date_compare (&day->day, &want), ==, 0);
      g_assert_cmpuint (day->n, ==, e->n);
      if (e->n == 0)
        continue;
      g_assert_cmpfloat_with_epsilon (day->mean, e->mean, 1e-9);
      g_assert_cmpint (day->min, ==, e->min);
      g_assert_cmpint (day->max, ==, e->max);
    }
}

static QingMoodSeries *
thirty_days (const QingMoodPoint *points, gsize n)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 29, 11, 2026);
  return qing_mood_series_new_ending (points, n, tz, &today, 30);
}

static gint64
shanghai_noon (int month, int day)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr (GDateTime) dt = g_date_time_new (tz, 2026, month, day, 12, 0, 0);
  return g_date_time_to_unix (dt);
}

static void
test_window_ending (void)
{
  QingMoodPoint points[] = {
    { shanghai_noon (10, 30), 3 }, /* one day too early */
    { shanghai_noon (10, 31), 1 },
    { shanghai_noon (11, 29), -1 },
  };
  g_autoptr (QingMoodSeries) series = thirty_days (points, G_N_ELEMENTS (points));
  const QingMoodDay *first = qing_mood_series_get_day (series, 0);
  const QingMoodDay *last = qing_mood_series_get_day (series, 29);

  g_assert_cmpuint (qing_mood_series_get_n_days (series), ==, 30);
  g_assert_cmpint (g_date_get_month (&first->day), ==, 10);
  g_assert_cmpint (g_date_get_day (&first->day), ==, 31);
  g_assert_cmpuint (first->n, ==, 1);
  g_assert_cmpint (g_date_get_day (&last->day), ==, 29);
  g_assert_cmpuint (last->n, ==, 1);
  g_assert_cmpuint (qing_mood_series_get_n_recorded_days (series), ==, 2);
}

static void
test_summary (void)
{
  /* Three days: means 2, 1.5 and −1 → average 0.83, "slightly pleasant" */
  QingMoodPoint points[] = {
    { shanghai_noon (11, 3), 2 },
    { shanghai_noon (11, 12), -1 },
    { shanghai_noon (11, 20), 1 },
    { shanghai_noon (11, 20) + 3600, 2 },
  };
  g_autoptr (QingMoodSeries) series = thirty_days (points, G_N_ELEMENTS (points));
  g_autofree char *summary = qing_mood_series_describe (series);
  const QingMoodDay *lowest = qing_mood_series_get_lowest_day (series);
  double average = 0;

  g_assert_true (qing_mood_series_get_average (series, &average));
  g_assert_cmpfloat_with_epsilon (average, (2 + 1.5 - 1) / 3.0, 1e-9);
  g_assert_nonnull (lowest);
  g_assert_cmpint (g_date_get_day (&lowest->day), ==, 12);
  g_assert_cmpstr (summary, ==,
                   "Last 30 days: 3 days recorded, average slightly pleasant, lowest on Nov 12.");
}

static void
test_summary_lowest_is_latest_tie (void)
{
  QingMoodPoint points[] = {
    { shanghai_noon (11, 5), -1 },
    { shanghai_noon (11, 25), -2 },
    { shanghai_noon (11, 26), -3 },
    { shanghai_noon (11, 27), -3 },
  };
  g_autoptr (QingMoodSeries) series = thirty_days (points, G_N_ELEMENTS (points));
  g_autofree char *summary = qing_mood_series_describe (series);

  g_assert_cmpstr (summary, ==,
                   "Last 30 days: 4 days recorded, average unpleasant, lowest on Nov 27.");
}

static void
test_summary_empty (void)
{
  g_autoptr (QingMoodSeries) series = thirty_days (NULL, 0);
  g_autofree char *summary = qing_mood_series_describe (series);

  g_assert_false (qing_mood_series_get_average (series, NULL));
  g_assert_null (qing_mood_series_get_lowest_day (series));
  g_assert_cmpstr (summary, ==, "Last 30 days: no mood recorded.");
}

static void
test_describe_day (void)
{
  QingMoodPoint points[] = {
    { shanghai_noon (11, 12), -1 },
    { shanghai_noon (11, 12) + 60, -3 },
    { shanghai_noon (11, 12) + 120, 0 },
    { shanghai_noon (11, 13), 2 },
  };
  g_autoptr (QingMoodSeries) series = thirty_days (points, G_N_ELEMENTS (points));
  g_autofree char *several = qing_mood_series_describe_day (series, 12); /* Nov 12 */
  g_autofree char *one = qing_mood_series_describe_day (series, 13);
  g_autofree char *none = qing_mood_series_describe_day (series, 14);

  g_assert_cmpstr (several, ==, "Nov 12: Slightly unpleasant (3 entries)\n"
                                "from Very unpleasant to Neutral");
  g_assert_cmpstr (one, ==, "Nov 13: Pleasant (1 entry)");
  g_assert_cmpstr (none, ==, "Nov 14: no mood recorded");
}

static void
test_vocab (void)
{
  gsize n_words = 0, n_areas = 0;
  const QingMoodWord *words = qing_mood_vocab_get_words (&n_words);
  const QingMoodWord *areas = qing_mood_vocab_get_areas (&n_areas);

  g_assert_cmpuint (n_words, ==, 16);
  g_assert_cmpuint (n_areas, ==, 8);
  g_assert_cmpstr (words[0].id, ==, "happy");
  g_assert_cmpstr (qing_mood_vocab_word_label ("sad"), ==, "Sad");
  g_assert_cmpstr (qing_mood_vocab_area_label ("phone"), ==, "Phone");
  g_assert_cmpstr (qing_mood_vocab_area_label ("future-area"), ==, "future-area");
  g_assert_cmpstr (qing_mood_vocab_valence_label (-3), ==, "Very unpleasant");
  g_assert_cmpstr (qing_mood_vocab_valence_label (3), ==, "Very pleasant");
  g_assert_cmpstr (qing_mood_vocab_valence_emoji (0), ==, "😐");
  g_assert_null (qing_mood_vocab_energy_label (QING_MOOD_ENERGY_NONE));
  g_assert_cmpstr (qing_mood_vocab_energy_label (QING_MOOD_ENERGY_HIGH), ==, "High");
  /* every id is unique across both lists' own tables */
  for (gsize i = 0; i < n_words; i++)
    for (gsize j = i + 1; j < n_words; j++)
      g_assert_cmpstr (words[i].id, !=, words[j].id);
  (void) areas;
}

int
main (int argc, char *argv[])
{
  /* untranslated English: the summary strings are compared literally */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mood-series/day/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_series_table);
    }
  g_test_add_func ("/mood-series/window-ending", test_window_ending);
  g_test_add_func ("/mood-series/summary", test_summary);
  g_test_add_func ("/mood-series/summary-lowest-tie", test_summary_lowest_is_latest_tie);
  g_test_add_func ("/mood-series/summary-empty", test_summary_empty);
  g_test_add_func ("/mood-series/describe-day", test_describe_day);
  g_test_add_func ("/mood-series/vocab", test_vocab);
  return g_test_run ();
}
