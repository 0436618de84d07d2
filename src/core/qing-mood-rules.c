/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mood-change detection.  Definitions:
 *
 * - Days are local calendar days in the given time zone; several entries on
 *   one day count as the day's mean.  Entries after "now" are ignored.
 * - The last 7 days are today and the 6 days before; the baseline is the 28
 *   days before those.
 * - BELOW_BASELINE: the mean of the day means of the last 7 days is at least
 *   one level below that of the baseline.  Needs at least 2 recorded days in
 *   the last 7 and 3 in the baseline, so one bad evening is not a trend.
 * - LOW_DAYS: 3 or more consecutive days whose day mean is −2 or lower (the
 *   bottom two levels), the run reaching into the last 7 days.  A day without
 *   an entry breaks the run.
 * - Both need 3 distinct recorded days in all: nothing before that.
 * - RED_FLAG: an entry of the last 7 days whose note or emotion words
 *   contain a word of the list below (case, width and spaces ignored).  It
 *   does NOT wait for 3 days of data: a child who writes 想死 on the first
 *   day must not be missed.  It may fire on a negated phrase ("不想死");
 *   a false alarm costs a conversation, a miss could cost much more.
 *   The sentence gives the date only, never the words written.
 */
#include "qing-mood-rules.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* GDate Julian day of 1 January 1970. */
#define UNIX_EPOCH_JULIAN 719163
#define RECENT_DAYS       7
#define BASELINE_DAYS     28
#define WINDOW_DAYS       (RECENT_DAYS + BASELINE_DAYS)
#define LOW_LEVEL         (-2.0)
#define LOW_RUN_DAYS      3
#define MIN_DAYS          3

/* Chinese words are matched with spaces removed, English ones as phrases. */
static const char *const red_flag_words[] = {
  "绝望", "不想活", "想死", "活着没意思", "活着没有意思", "活不下去", "自杀", "自残",
  "没有希望", "轻生", "割腕", "不如死了",
  "suicide", "suicidal", "kill myself", "want to die", "wanna die", "self-harm",
  "self harm", "hurt myself", "cut myself", "hopeless", "no hope", "end my life",
  "better off dead",
  NULL
};

typedef struct
{
  double sum;
  guint  n;
  gboolean red_flag;
} DaySlot;

static guint32
local_day_of (GTimeZone *tz, gint64 utc)
{
  gint interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);
  gint64 local = utc + g_time_zone_get_offset (tz, interval);
  gint64 days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);

  return (guint32) (UNIX_EPOCH_JULIAN + days);
}

/* The red-flag words (static, NULL-terminated). */
const char *const *
qing_mood_get_red_flag_words (void)
{
  return red_flag_words;
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Whether @text contains a red-flag word (see the file comment). */
gboolean
qing_mood_text_has_red_flag (const char *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *compact = NULL;

  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  /* NFKC turns full-width letters into ASCII ones */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normal, -1);
  compact = strip_spaces (folded);
  for (guint i = 0; red_flag_words[i] != NULL; i++)
    {
      const char *word = red_flag_words[i];
      gboolean ascii = g_str_is_ascii (word);

      if (strstr (ascii ? folded : compact, word) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
sample_has_red_flag (const QingMoodSample *sample)
{
  if (qing_mood_text_has_red_flag (sample->note))
    return TRUE;
  for (guint i = 0; sample->words != NULL && sample->words[i] != NULL; i++)
    if (qing_mood_text_has_red_flag (sample->words[i]))
      return TRUE;
  return FALSE;
}

static guint
count_distinct_days (const QingMoodSample *samples,
                     gsize                 n_samples,
                     GTimeZone            *tz,
                     gint64                now_utc)
{
  g_autoptr (GHashTable) days = g_hash_table_new (NULL, NULL);

  for (gsize i = 0; i < n_samples; i++)
    if (samples[i].at_utc <= now_utc)
      g_hash_table_add (days, GUINT_TO_POINTER (local_day_of (tz, samples[i].at_utc)));
  return g_hash_table_size (days);
}

/* Mean of the day means of slots [from, to); FALSE if fewer than @min_days. */
static gboolean
mean_of_days (const DaySlot *slots, guint from, guint to, guint min_days, double *out)
{
  double sum = 0;
  guint n = 0;

  for (guint i = from; i < to; i++)
    if (slots[i].n > 0)
      {
        sum += slots[i].sum / slots[i].n;
        n++;
      }
  if (n < min_days)
    return FALSE;
  *out = sum / n;
  return TRUE;
}

/* Finds the longest run of low days that reaches the recent window. */
static void
find_low_run (const DaySlot *slots, guint32 first_day, QingMoodAssessment *a)
{
  guint run = 0;

  for (guint i = 0; i < WINDOW_DAYS; i++)
    {
      gboolean low = slots[i].n > 0 && slots[i].sum / slots[i].n <= LOW_LEVEL;

      run = low ? run + 1 : 0;
      if (low && i >= BASELINE_DAYS && run >= a->low_run)
        {
          a->low_run = run;
          g_date_set_julian (&a->low_run_last, first_day + i);
        }
    }
}

static char *
format_day (const GDate *day)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 12, 0, 0);

  /* Translators: a short date, e.g. "Nov 23", as in g_date_time_format();
   * in Chinese "%-m月%-d日". */
  return g_date_time_format (dt, _("%b %-d"));
}

static void
explain (QingMoodAssessment *a)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (a->reasons & QING_MOOD_DROP_RED_FLAG)
    {
      g_autofree char *day = format_day (&a->red_flag_day);
      /* Translators: %s is a short date.  Never quote what the child wrote. */
      g_ptr_array_add (lines, g_strdup_printf (_("A worrying word was written in the mood journal on %s."), day));
    }
  if (a->reasons & QING_MOOD_DROP_LOW_DAYS)
    {
      g_autofree char *day = format_day (&a->low_run_last);
      /* Translators: %u is a number of days (3 or more), %s a short date */
      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The mood was very low for %u day in a row, up to %s.",
                                                            "The mood was very low for %u days in a row, up to %s.",
                                                            a->low_run),
                                               a->low_run, day));
    }
  if (a->reasons & QING_MOOD_DROP_BELOW_BASELINE)
    /* Translators: %.1f is how many levels (of 7) lower, e.g. "1.4" */
    g_ptr_array_add (lines, g_strdup_printf (_("Over the last 7 days the mood was lower than usual: "
                                               "on average %.1f levels below the 4 weeks before."),
                                             a->baseline_mean - a->recent_mean));
  if (lines->len == 0)
    return;
  g_ptr_array_add (lines, NULL);
  a->explanation = g_strjoinv ("\n", (char **) lines->pdata);
}

/**
 * qing_mood_assess:
 * @samples: one child's entries, in any order
 * @tz: the time zone that defines local days
 * @now_utc: the moment of the assessment
 *
 * Looks for a mood drop by the rules of the file comment.
 *
 * Returns: (transfer full): the assessment; free with qing_mood_assessment_free().
 */
QingMoodAssessment *
qing_mood_assess (const QingMoodSample *samples,
                  gsize                 n_samples,
                  GTimeZone            *tz,
                  gint64                now_utc)
{
  QingMoodAssessment *a;
  DaySlot slots[WINDOW_DAYS] = { { 0 } };
  guint32 today, first_day;

  g_return_val_if_fail (samples != NULL || n_samples == 0, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  a = g_new0 (QingMoodAssessment, 1);
  g_date_clear (&a->low_run_last, 1);
  g_date_clear (&a->red_flag_day, 1);
  today = local_day_of (tz, now_utc);
  first_day = today - (WINDOW_DAYS - 1);

  for (gsize i = 0; i < n_samples; i++)
    {
      guint32 day;
      DaySlot *slot;

      if (samples[i].at_utc > now_utc)
        continue;
      day = local_day_of (tz, samples[i].at_utc);
      if (day < first_day)
        continue;
      slot = &slots[day - first_day];
      slot->sum += CLAMP (samples[i].valence, -3, 3);
      slot->n++;
      if (day - first_day >= BASELINE_DAYS && sample_has_red_flag (&samples[i]))
        {
          a->reasons |= QING_MOOD_DROP_RED_FLAG;
          if (!g_date_valid (&a->red_flag_day) || g_date_get_julian (&a->red_flag_day) < day)
            g_date_set_julian (&a->red_flag_day, day);
        }
    }

  a->n_days = count_distinct_days (samples, n_samples, tz, now_utc);
  a->has_means = mean_of_days (slots, BASELINE_DAYS, WINDOW_DAYS, 2, &a->recent_mean)
                 && mean_of_days (slots, 0, BASELINE_DAYS, 3, &a->baseline_mean);
  find_low_run (slots, first_day, a);

  if (a->n_days >= MIN_DAYS)
    {
      if (a->has_means && a->baseline_mean - a->recent_mean >= 1.0 - 1e-9)
        a->reasons |= QING_MOOD_DROP_BELOW_BASELINE;
      if (a->low_run >= LOW_RUN_DAYS)
        a->reasons |= QING_MOOD_DROP_LOW_DAYS;
    }
  explain (a);
  return a;
}

/* Frees @assessment and its explanation. */
void
qing_mood_assessment_free (QingMoodAssessment *assessment)
{
  if (assessment == NULL)
    return;
  g_free (assessment->explanation);
  g_free (assessment);
}
