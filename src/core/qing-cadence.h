/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cadence engine: for a moment, a rule of DOMAIN.md and one student's
 * talks, is the rule done, due or overdue?  Pure functions over plain
 * structs; the store feeds them what it reads with one indexed query.
 * See qing-cadence.c for the exact definitions of done, due and overdue.
 */
#pragma once

#include <glib.h>

#include "qing-school-calendar.h"
#include "qing-types.h"

G_BEGIN_DECLS

/* One talk as the engine sees it.  For QING_CADENCE_PEER_BIWEEKLY the
 * "student" is the class: student_id holds the class id. */
typedef struct
{
  gint64   start_utc;     /* Unix seconds */
  gint32   duration_s;
  gint64   student_id;
  gint64   listener_id;
  QingRole listener_role;
  gboolean with_guardian; /* the listener talked with the student's guardian */
} QingTalkSpan;

/* listener_role of a rule that counts talks by anyone (STUDENT_DAILY). */
#define QING_CADENCE_ANY_ROLE ((QingRole) 0)

/* One row of the rule table.  Copy a default and change it to configure
 * a school (e.g. mentor at-risk talks every two weeks instead of monthly). */
typedef struct
{
  QingCadenceRule   rule;
  QingRole          listener_role;  /* only talks by this role count; ANY_ROLE: all */
  gboolean          with_guardian;  /* count talks with guardians, not with the student */
  QingCadencePeriod period;
  guint             required;       /* qualifying talks per period to be done */
  guint             target;         /* what the program hopes for (≥ required) */
  gint32            min_seconds;    /* a talk qualifies from this long on */
  gboolean          sums_talks;     /* the period's talks may add up to min_seconds
                                     * (FALSE in every default rule) */
  gboolean          school_only;    /* not applicable outside terms or without school days */
} QingCadenceRuleInfo;

typedef enum
{
  QING_CADENCE_NOT_APPLICABLE = 0,
  QING_CADENCE_DONE           = 1,
  QING_CADENCE_DUE            = 2,
  QING_CADENCE_OVERDUE        = 3,
} QingCadenceState;

/* The answer for one student and one rule at one moment. */
typedef struct
{
  QingCadenceRule   rule;
  gint64            student_id;
  QingCadenceState  state;
  QingCadencePeriod period;            /* the interval in force (a key period may shorten it) */
  GDate             period_first;      /* current period, both days included */
  GDate             period_last;
  guint             cycle_number;      /* 1-based within the term; 0 if no term */
  guint             count;             /* qualifying talks in the period so far */
  guint             required;
  guint             target;
  gboolean          target_reached;    /* count ≥ target */
  guint             short_count;       /* talks by the role too short to count */
  gint64            total_seconds;     /* all talks by the role in the period */
  gint64            done_at_utc;       /* start of the talk that made it done; 0 if not */
  gint64            done_by;           /* that talk's listener; 0 if not done */
  GDate             done_day;          /* local day of done_at_utc; cleared if not done */
  gint64            last_talk_utc;     /* latest qualifying talk before now; 0 if none */
  guint             days_left;         /* calendar days from today to period end, today included */
  guint             school_days_left;  /* school days in the same range */
  guint             overdue_days;      /* 0 unless OVERDUE */
  gboolean          missed_last_period;
} QingCadenceStatus;

/* How a group of students stands under one rule. */
typedef struct
{
  guint n_applicable;
  guint n_done;
  guint n_due;
  guint n_overdue;
  guint n_missed_last_period;
  guint n_target_reached;
} QingCadenceSummary;

/* Daily streaks: consecutive local days meeting a daily rule. */
typedef struct
{
  guint current;
  guint longest;
  gboolean today_done;
} QingCadenceStreak;

/* Everything about one rule at one moment that does not depend on the
 * student: build once, evaluate thousands of students with it. */
typedef struct _QingCadenceFrame QingCadenceFrame;

const QingCadenceRuleInfo *qing_cadence_rule_get_default (QingCadenceRule rule);
const char                *qing_cadence_rule_get_label (QingCadenceRule rule);
const char                *qing_cadence_rule_get_description (QingCadenceRule rule);
gboolean                   qing_cadence_rule_applies (const QingCadenceRuleInfo *info,
                                                      QingCareLevel              care);

QingCadenceFrame *qing_cadence_frame_new (QingSchoolCalendar        *calendar,
                                          GTimeZone                 *tz,
                                          gint64                     now_utc,
                                          const QingCadenceRuleInfo *info);
void              qing_cadence_frame_free (QingCadenceFrame *frame);
gint64            qing_cadence_frame_get_window_start (const QingCadenceFrame *frame);
gint64            qing_cadence_get_window_start (QingSchoolCalendar        *calendar,
                                                 GTimeZone                 *tz,
                                                 gint64                     now_utc,
                                                 const QingCadenceRuleInfo *rules,
                                                 gsize                      n_rules);
void              qing_cadence_frame_evaluate (const QingCadenceFrame *frame,
                                               gint64                  student_id,
                                               QingCareLevel           care,
                                               const QingTalkSpan     *spans,
                                               gsize                   n_spans,
                                               QingCadenceStatus      *out_status);

void qing_cadence_evaluate (QingSchoolCalendar        *calendar,
                            GTimeZone                 *tz,
                            gint64                     now_utc,
                            const QingCadenceRuleInfo *info,
                            gint64                     student_id,
                            QingCareLevel              care,
                            const QingTalkSpan        *spans,
                            gsize                      n_spans,
                            QingCadenceStatus         *out_status);

/* A student for the batch evaluation. */
typedef struct
{
  gint64        student_id;
  QingCareLevel care;
} QingCadenceSubject;

QingCadenceStatus *qing_cadence_evaluate_many (QingSchoolCalendar        *calendar,
                                               GTimeZone                 *tz,
                                               gint64                     now_utc,
                                               const QingCadenceRuleInfo *rules,
                                               gsize                      n_rules,
                                               const QingCadenceSubject  *subjects,
                                               gsize                      n_subjects,
                                               const QingTalkSpan        *spans,
                                               gsize                      n_spans);

void qing_cadence_summarize (const QingCadenceStatus *statuses,
                             gsize                    n_statuses,
                             gsize                    stride,
                             QingCadenceSummary      *out_summary);

void qing_cadence_compute_streak (const QingCadenceRuleInfo *info,
                                  GTimeZone                 *tz,
                                  gint64                     now_utc,
                                  const QingTalkSpan        *spans,
                                  gsize                      n_spans,
                                  QingCadenceStreak         *out_streak);
void qing_cadence_mark_days (const QingCadenceRuleInfo *info,
                             GTimeZone                 *tz,
                             const GDate               *first_day,
                             guint                      n_days,
                             const QingTalkSpan        *spans,
                             gsize                      n_spans,
                             gboolean                  *out_met);

char *qing_cadence_format_day (const GDate *day);
char *qing_cadence_describe_status (const QingCadenceStatus *status);
char *qing_cadence_describe_cycle (const QingCadenceStatus  *status,
                                   const QingCadenceSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QingCadenceFrame, qing_cadence_frame_free)

G_END_DECLS
