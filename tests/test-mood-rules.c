/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "qing-mood-rules.h"

#define SH "Asia/Shanghai"

/* An entry: days before "now" (29 Nov 2026 21:00, Shanghai), valence, note. */
typedef struct
{
  int         days_ago;
  int         valence;
  const char *note;
} Entry;

static gint64
now_unix (void)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  g_autoptr (GDateTime) now = g_date_time_new (tz, 2026, 11, 29, 21, 0, 0);
  return g_date_time_to_unix (now);
}

static QingMoodAssessment *
assess (const Entry *entries, guint n)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  g_autofree QingMoodSample *samples = g_new0 (QingMoodSample, MAX (n, 1));
  gint64 now = now_unix ();

  for (guint i = 0; i < n; i++)
    {
      /* entries at 20:00 local, days_ago days before today */
      samples[i].at_utc = now - 3600 - (gint64) entries[i].days_ago * 86400;
      samples[i].valence = entries[i].valence;
      samples[i].note = entries[i].note;
    }
  return qing_mood_assess (samples, n, tz, now);
}

/* A steady month: mostly +1, some 0 and +2, one bad day. */
static guint
stable_history (Entry *out, int from_days_ago, int to_days_ago)
{
  static const int pattern[] = { 1, 0, 1, 2, 1, 1, 0, 1, -1, 1, 2, 1, 0 };
  guint n = 0;

  for (int d = from_days_ago; d >= to_days_ago; d--)
    out[n++] = (Entry) { d, pattern[d % G_N_ELEMENTS (pattern)], NULL };
  return n;
}

static void
test_two_days_no_alert (void)
{
  /* two very bad days, but nothing to compare with yet */
  Entry e[] = { { 1, -3, NULL }, { 0, -3, NULL }, { 0, -2, "今天很难过" } };
  g_autoptr (QingMoodAssessment) a = assess (e, G_N_ELEMENTS (e));

  g_assert_cmpuint (a->n_days, ==, 2);
  g_assert_cmpint (a->reasons, ==, QING_MOOD_DROP_NONE);
  g_assert_null (a->explanation);
}

static void
test_stable_no_alert (void)
{
  Entry e[64];
  guint n = stable_history (e, 40, 0);
  g_autoptr (QingMoodAssessment) a = NULL;

  /* a hard evening and a grumpy note are not a trend */
  e[n++] = (Entry) { 2, -3, "考试没考好，有点烦" };
  a = assess (e, n);
  g_assert_cmpint (a->reasons, ==, QING_MOOD_DROP_NONE);
  g_assert_true (a->has_means);
  g_assert_cmpfloat (a->baseline_mean - a->recent_mean, <, 1.0);
  g_assert_null (a->explanation);
}

static void
test_seven_day_drop (void)
{
  Entry e[64];
  guint n = stable_history (e, 34, 7); /* baseline ≈ +0.8 */
  g_autoptr (QingMoodAssessment) a = NULL;

  /* last week around −0.5: more than a level lower, never three low days in a row */
  e[n++] = (Entry) { 6, 0, NULL };
  e[n++] = (Entry) { 5, -1, NULL };
  e[n++] = (Entry) { 4, -2, NULL };
  e[n++] = (Entry) { 3, 0, NULL };
  e[n++] = (Entry) { 2, -1, NULL };
  e[n++] = (Entry) { 1, 1, NULL };
  e[n++] = (Entry) { 0, -1, NULL };
  a = assess (e, n);
  g_assert_cmpint (a->reasons, ==, QING_MOOD_DROP_BELOW_BASELINE);
  g_assert_cmpfloat (a->baseline_mean - a->recent_mean, >=, 1.0);
  g_assert_nonnull (strstr (a->explanation, "lower than usual"));
}

static void
test_three_low_days (void)
{
  Entry e[64];
  guint n = stable_history (e, 34, 4);
  g_autoptr (QingMoodAssessment) a = NULL;

  /* three days at the bottom, one of them with two entries (−3 and −1: mean −2) */
  e[n++] = (Entry) { 3, -2, NULL };
  e[n++] = (Entry) { 2, -3, NULL };
  e[n++] = (Entry) { 1, -3, NULL };
  e[n++] = (Entry) { 1, -1, NULL };
  a = assess (e, n);
  g_assert_true (a->reasons & QING_MOOD_DROP_LOW_DAYS);
  g_assert_cmpuint (a->low_run, ==, 3);
  g_assert_cmpint (g_date_get_day (&a->low_run_last), ==, 28);
  g_assert_nonnull (strstr (a->explanation, "3 days in a row, up to Nov 28"));
}

static void
test_low_days_broken_by_gap (void)
{
  Entry e[64];
  guint n = stable_history (e, 34, 8);
  g_autoptr (QingMoodAssessment) a = NULL;

  /* low on days 5, 4 and 2, nothing on day 3: not "in a row" */
  e[n++] = (Entry) { 5, -3, NULL };
  e[n++] = (Entry) { 4, -2, NULL };
  e[n++] = (Entry) { 2, -3, NULL };
  e[n++] = (Entry) { 0, 1, NULL };
  a = assess (e, n);
  g_assert_false (a->reasons & QING_MOOD_DROP_LOW_DAYS);
  g_assert_cmpuint (a->low_run, ==, 2);
}

static void
test_red_flag (void)
{
  static const char *note = "我觉得活着没意思，不想上学";
  Entry e[64];
  guint n = stable_history (e, 20, 1);
  g_autoptr (QingMoodAssessment) a = NULL;

  e[n++] = (Entry) { 0, 0, note };
  a = assess (e, n);
  g_assert_cmpint (a->reasons, ==, QING_MOOD_DROP_RED_FLAG);
  g_assert_cmpint (g_date_get_day (&a->red_flag_day), ==, 29);
  g_assert_cmpstr (a->explanation, ==, "A worrying word was written in the mood journal on Nov 29.");
  /* never quote the note: it may reach a lock screen */
  g_assert_null (strstr (a->explanation, "没意思"));
}

static void
test_red_flag_first_day (void)
{
  /* a red flag does not wait for three days of data */
  Entry e[] = { { 0, -1, NULL } };
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  const char *words[] = { "难过", "想 死", NULL };
  QingMoodSample sample = { now_unix () - 60, -3, NULL, words };
  g_autoptr (QingMoodAssessment) a = qing_mood_assess (&sample, 1, tz, now_unix ());
  g_autoptr (QingMoodAssessment) b = assess (e, 1);

  g_assert_cmpuint (a->n_days, ==, 1);
  g_assert_cmpint (a->reasons, ==, QING_MOOD_DROP_RED_FLAG);
  g_assert_cmpint (b->reasons, ==, QING_MOOD_DROP_NONE);
}

static void
test_red_flag_words (void)
{
  static const struct
  {
    const char *text;
    gboolean    flag;
  } cases[] = {
    { "很绝望", TRUE },
    { "不想活了", TRUE },
    { "有时候想 死", TRUE },        /* spaces do not hide it */
    { "I want to DIE", TRUE },
    { "ｓｕｉｃｉｄｅ", TRUE },     /* full-width letters */
    { "feeling hopeless", TRUE },
    { "有点累，想睡觉", FALSE },
    { "考试没考好", FALSE },
    { "died laughing at the film", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (qing_mood_text_has_red_flag (cases[i].text), ==, cases[i].flag);
  g_assert_true (g_strv_contains (qing_mood_get_red_flag_words (), "自残"));
}

static void
test_old_red_flag_ignored (void)
{
  Entry e[64];
  guint n = stable_history (e, 30, 0);
  g_autoptr (QingMoodAssessment) a = NULL;

  /* written three weeks ago: it was reported then, it is not news now */
  e[n++] = (Entry) { 21, -2, "绝望" };
  a = assess (e, n);
  g_assert_false (a->reasons & QING_MOOD_DROP_RED_FLAG);
}

static void
test_future_entries_ignored (void)
{
  Entry e[64];
  guint n = stable_history (e, 30, 0);
  g_autoptr (QingMoodAssessment) a = NULL;

  e[n++] = (Entry) { -1, -3, "想死" }; /* tomorrow: a clock error, not an entry */
  a = assess (e, n);
  g_assert_cmpint (a->reasons, ==, QING_MOOD_DROP_NONE);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mood-rules/two-days-no-alert", test_two_days_no_alert);
  g_test_add_func ("/mood-rules/stable-no-alert", test_stable_no_alert);
  g_test_add_func ("/mood-rules/seven-day-drop", test_seven_day_drop);
  g_test_add_func ("/mood-rules/three-low-days", test_three_low_days);
  g_test_add_func ("/mood-rules/low-days-broken-by-gap", test_low_days_broken_by_gap);
  g_test_add_func ("/mood-rules/red-flag", test_red_flag);
  g_test_add_func ("/mood-rules/red-flag-first-day", test_red_flag_first_day);
  g_test_add_func ("/mood-rules/red-flag-words", test_red_flag_words);
  g_test_add_func ("/mood-rules/old-red-flag-ignored", test_old_red_flag_ignored);
  g_test_add_func ("/mood-rules/future-entries-ignored", test_future_entries_ignored);
  return g_test_run ();
}
