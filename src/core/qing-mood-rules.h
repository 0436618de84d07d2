/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mood-change detection (情绪变化): from a child's mood journal, is there a
 * drop the parent should know about, and why, in plain words?  Pure
 * functions; the reasons never quote what was written, so they are safe
 * for notifications and lock screens.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One mood journal entry as the rules see it. */
typedef struct
{
  gint64              at_utc;  /* Unix seconds */
  int                 valence; /* −3 (very unpleasant) … +3 (very pleasant) */
  const char         *note;    /* may be NULL */
  const char * const *words;   /* NULL-terminated emotion words; may be NULL */
} QingMoodSample;

typedef enum
{
  QING_MOOD_DROP_NONE           = 0,
  QING_MOOD_DROP_BELOW_BASELINE = 1 << 0, /* last 7 days ≥ 1 level below the 4 weeks before */
  QING_MOOD_DROP_LOW_DAYS       = 1 << 1, /* 3 days in a row in the bottom two levels */
  QING_MOOD_DROP_RED_FLAG       = 1 << 2, /* a worrying word in the last 7 days */
} QingMoodDropReasons;

typedef struct
{
  QingMoodDropReasons reasons;
  guint               n_days;          /* local days with at least one entry, up to now */
  gboolean            has_means;       /* enough data in both windows to compare means */
  double              recent_mean;     /* mean of the day means, last 7 days */
  double              baseline_mean;   /* mean of the day means, the 28 days before */
  guint               low_run;         /* longest run of low days reaching the last 7 days */
  GDate               low_run_last;    /* last day of that run */
  GDate               red_flag_day;    /* latest day with a worrying word */
  char               *explanation;     /* translated, one sentence per reason and line; NULL if none */
} QingMoodAssessment;

QingMoodAssessment  *qing_mood_assess (const QingMoodSample *samples,
                                       gsize                 n_samples,
                                       GTimeZone            *tz,
                                       gint64                now_utc);
void                 qing_mood_assessment_free (QingMoodAssessment *assessment);

gboolean             qing_mood_text_has_red_flag (const char *text);
const char * const  *qing_mood_get_red_flag_words (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QingMoodAssessment, qing_mood_assessment_free)

G_END_DECLS
