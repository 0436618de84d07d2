/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cadence engine.  Definitions (the UI and the tests rely on them):
 *
 * - A talk counts for a rule when its listener acted in the rule's role,
 *   it was with the student (or, for the guardian rule, with a guardian),
 *   it started at or before "now", and it lasted at least min_seconds
 *   (QING_EFFECTIVE_TALK_SECONDS).  Shorter talks are counted apart
 *   (short_count) and never satisfy a rule on their own.
 * - The day of a talk is the local calendar day (in the given time zone) in
 *   which it started: a talk from 23:50 to 00:10 belongs to the first day.
 * - Every rule of the default table, PARENT_DAILY included, needs single
 *   talks of 15 minutes: short talks never add up to an effective one
 *   (DOMAIN.md), they are only reported in short_count and total_seconds.
 *   A configured rule may set sums_talks, so that the period's talks add
 *   up to min_seconds; count is then the number of whole min_seconds.
 * - STUDENT_DAILY ("every student, every day, 15 minutes of effective
 *   communication") has no listener role (QING_CADENCE_ANY_ROLE): a talk
 *   of any role with the student counts.
 * - Periods: DAY = the local day; WEEK/TWO_WEEKS = the term's fixed cycles
 *   (QingSchoolCalendar); MONTH = the calendar month.  A key period that
 *   overrides a rule's interval runs its own cycles, cut to the key period;
 *   the ordinary periods just before and after it are cut at its edges, so
 *   no talk counts for two periods.
 * - School rules (all but PARENT_DAILY and STUDENT_DAILY) are NOT_APPLICABLE
 *   when today is outside every term or the current period has no school
 *   day; a rule is also NOT_APPLICABLE to a student without the care level
 *   it is for.
 * - DONE: count ≥ required in the current period.  done_at/done_by name the
 *   talk that made it so (the spans must be sorted by start).
 * - OVERDUE: not done in the current period AND the previous period (the
 *   one containing the day before the current one began) was applicable
 *   and ended unmet.  overdue_days = days since that previous period ended
 *   (1 on the first day of the current period).  A new term starts fresh.
 * - DUE: not done, not overdue.  days_left and school_days_left count from
 *   today to the period's last day, today included.
 * - missed_last_period: the previous period was applicable and unmet,
 *   whatever the state of the current one (the mentor roster shows it).
 */
#include "qing-cadence.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* GDate Julian day of 1 January 1970. */
#define UNIX_EPOCH_JULIAN 719163

static const QingCadenceRuleInfo default_rules[] = {
  { QING_CADENCE_PARENT_DAILY, QING_ROLE_PARENT, FALSE, QING_CADENCE_PERIOD_DAY,
    1, 1, QING_EFFECTIVE_TALK_SECONDS, FALSE, FALSE },
  { QING_CADENCE_MENTOR_BIWEEKLY, QING_ROLE_MENTOR, FALSE, QING_CADENCE_PERIOD_TWO_WEEKS,
    1, 1, QING_EFFECTIVE_TALK_SECONDS, FALSE, TRUE },
  { QING_CADENCE_MENTOR_AT_RISK, QING_ROLE_MENTOR, FALSE, QING_CADENCE_PERIOD_MONTH,
    1, 1, QING_EFFECTIVE_TALK_SECONDS, FALSE, TRUE },
  { QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY, QING_ROLE_COUNSELOR, FALSE,
    QING_CADENCE_PERIOD_MONTH, 1, 2, QING_EFFECTIVE_TALK_SECONDS, FALSE, TRUE },
  { QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY, QING_ROLE_COUNSELOR, FALSE,
    QING_CADENCE_PERIOD_WEEK, 1, 1, QING_EFFECTIVE_TALK_SECONDS, FALSE, TRUE },
  { QING_CADENCE_PEER_BIWEEKLY, QING_ROLE_PEER, FALSE, QING_CADENCE_PERIOD_TWO_WEEKS,
    1, 1, QING_EFFECTIVE_TALK_SECONDS, FALSE, TRUE },
  { QING_CADENCE_MENTOR_AT_RISK_GUARDIAN, QING_ROLE_MENTOR, TRUE, QING_CADENCE_PERIOD_MONTH,
    1, 1, QING_EFFECTIVE_TALK_SECONDS, FALSE, TRUE },
  { QING_CADENCE_STUDENT_DAILY, QING_CADENCE_ANY_ROLE, FALSE, QING_CADENCE_PERIOD_DAY,
    1, 1, QING_EFFECTIVE_TALK_SECONDS, FALSE, FALSE },
};

/* What each rule is called and what it asks, for lists and tooltips. */
static const struct
{
  QingCadenceRule rule;
  const char     *label;
  const char     *description;
} rule_texts[] = {
  { QING_CADENCE_PARENT_DAILY, N_("Parents, every day"),
    N_("A parent or guardian listens to their child for one talk of at least 15 minutes "
       "every day.") },
  { QING_CADENCE_MENTOR_BIWEEKLY, N_("Mentor, every two weeks"),
    N_("The mentor has a talk of at least 15 minutes with every student of the class or "
       "group every two weeks.") },
  { QING_CADENCE_MENTOR_AT_RISK, N_("Mentor, students who need care"),
    N_("The mentor talks regularly with students who need care, monthly unless the school "
       "sets otherwise.") },
  { QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY, N_("Counselor, key-care students"),
    N_("The counselor has one or two talks of at least 15 minutes with each key-care "
       "student every month.") },
  { QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY, N_("Counselor, students with clear signs"),
    N_("The counselor talks every week with each student who shows clear signs of "
       "psychological problems.") },
  { QING_CADENCE_PEER_BIWEEKLY, N_("Peer supporters, every two weeks"),
    N_("Each class holds a peer talk session led by its peer supporter every two weeks.") },
  { QING_CADENCE_MENTOR_AT_RISK_GUARDIAN, N_("Mentor, parents of students who need care"),
    N_("The mentor talks regularly with the parents of students who need care.") },
  { QING_CADENCE_STUDENT_DAILY, N_("Every student, every day"),
    N_("Every student has 15 minutes of effective communication every day: one talk of at "
       "least 15 minutes with anyone — a parent, a mentor, the counselor or a classmate.") },
};

typedef struct
{
  gboolean          valid;    /* applicable: in a term with school days (school rules) */
  QingCadencePeriod period;
  guint32           first;    /* Julian days, both included */
  guint32           last;
  guint             number;
  gint64            from_utc; /* [from_utc, to_utc) */
  gint64            to_utc;
} Period;

struct _QingCadenceFrame
{
  QingCadenceRuleInfo info;
  GTimeZone          *tz;
  gint64              now_utc;
  guint32             today;
  Period              current;
  Period              previous;
  guint               school_days_left;
};

/* The table row of @rule, or NULL for an unknown rule.  Static data. */
const QingCadenceRuleInfo *
qing_cadence_rule_get_default (QingCadenceRule rule)
{
  for (gsize i = 0; i < G_N_ELEMENTS (default_rules); i++)
    if (default_rules[i].rule == rule)
      return &default_rules[i];
  return NULL;
}

/* Returns the translated short name of @rule, e.g. "Parents, every day"
 * (static string), or NULL for an unknown rule. */
const char *
qing_cadence_rule_get_label (QingCadenceRule rule)
{
  for (gsize i = 0; i < G_N_ELEMENTS (rule_texts); i++)
    if (rule_texts[i].rule == rule)
      return g_dgettext (GETTEXT_PACKAGE, rule_texts[i].label);
  return NULL;
}

/* Returns the translated sentence saying what @rule asks (static string),
 * or NULL for an unknown rule. */
const char *
qing_cadence_rule_get_description (QingCadenceRule rule)
{
  for (gsize i = 0; i < G_N_ELEMENTS (rule_texts); i++)
    if (rule_texts[i].rule == rule)
      return g_dgettext (GETTEXT_PACKAGE, rule_texts[i].description);
  return NULL;
}

/* Whether @info is a rule for a student of care level @care: the at-risk
 * rules for any care level above normal, key-care monthly for 重点关爱,
 * clear-signs weekly for 有明显心理问题倾向, the others (STUDENT_DAILY,
 * PARENT_DAILY, MENTOR_BIWEEKLY, PEER_BIWEEKLY) for every student. */
gboolean
qing_cadence_rule_applies (const QingCadenceRuleInfo *info,
                           QingCareLevel              care)
{
  g_return_val_if_fail (info != NULL, FALSE);

  switch (info->rule)
    {
    case QING_CADENCE_MENTOR_AT_RISK:
    case QING_CADENCE_MENTOR_AT_RISK_GUARDIAN:
      return care != QING_CARE_NORMAL;
    case QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY:
      return care == QING_CARE_KEY_CARE;
    case QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY:
      return care == QING_CARE_CLEAR_SIGNS;
    case QING_CADENCE_STUDENT_DAILY:
      return TRUE;
    default:
      return TRUE;
    }
}

static guint32
local_day_of (GTimeZone *tz, gint64 utc)
{
  gint interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);
  gint64 local = utc + g_time_zone_get_offset (tz, interval);

  /* floor division: days before 1970 are negative */
  gint64 days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  return (guint32) (UNIX_EPOCH_JULIAN + days);
}

static void
set_julian (GDate *date, guint32 julian)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, julian);
}

static gint64
local_midnight_utc (GTimeZone *tz, guint32 julian)
{
  g_autoptr (GDateTime) dt = NULL;
  GDate day;

  set_julian (&day, julian);
  /* a midnight skipped by daylight saving time moves to the first real minute */
  dt = g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day),
                        g_date_get_day (&day), 0, 0, 0);
  g_assert (dt != NULL);
  return g_date_time_to_unix (dt);
}

/* Cycles for a rule outside terms (only rules that are not school-only get
 * here): weeks from a Monday, counted from day 1 (a Monday). */
static void
free_cycle (guint32 day, guint length, Period *p)
{
  guint32 index = (day - 1) / length;
  p->first = 1 + index * length;
  p->last = p->first + length - 1;
  p->number = 0;
}

static void
month_of (guint32 day, Period *p)
{
  GDate date;

  set_julian (&date, day);
  p->first = day - (g_date_get_day (&date) - 1);
  p->last = p->first + g_date_get_days_in_month (g_date_get_month (&date),
                                                 g_date_get_year (&date)) - 1;
}

static guint
month_number (guint32 term_first, guint32 day)
{
  GDate a, b;

  set_julian (&a, term_first);
  set_julian (&b, day);
  return (g_date_get_year (&b) - g_date_get_year (&a)) * 12
         + g_date_get_month (&b) - g_date_get_month (&a) + 1;
}

static void
fill_span (QingSchoolCalendar *cal, guint32 day, QingCadencePeriod kind, Period *p)
{
  GDate date, term_first;
  QingCycle cycle;
  gboolean in_term;

  set_julian (&date, day);
  g_date_clear (&term_first, 1);
  in_term = qing_school_calendar_get_term (cal, &date, &term_first, NULL);
  p->period = kind;
  p->number = 0;
  switch (kind)
    {
    case QING_CADENCE_PERIOD_WEEK:
    case QING_CADENCE_PERIOD_TWO_WEEKS:
      {
        guint length = kind == QING_CADENCE_PERIOD_WEEK ? 7 : 14;
        if (qing_school_calendar_get_cycle (cal, &date, length, &cycle))
          {
            p->first = g_date_get_julian (&cycle.first);
            p->last = g_date_get_julian (&cycle.last);
            p->number = cycle.number;
          }
        else
          free_cycle (day, length, p);
      }
      break;
    case QING_CADENCE_PERIOD_MONTH:
      month_of (day, p);
      if (in_term)
        p->number = month_number (g_date_get_julian (&term_first), day);
      break;
    case QING_CADENCE_PERIOD_DAY:
    case QING_CADENCE_PERIOD_NONE:
    default:
      p->first = p->last = day;
      break;
    }
}

/* Cuts an ordinary period at the edges of key periods that override the
 * rule, so that it never overlaps one. */
static void
cut_at_key_periods (QingSchoolCalendar *cal, QingCadenceRule rule, guint32 day, Period *p)
{
  guint n = qing_school_calendar_get_n_key_periods (cal);

  for (guint i = 0; i < n; i++)
    {
      GDate first, last;
      guint32 kf, kl;

      if (qing_school_calendar_get_key_period_interval (cal, i, rule) == QING_CADENCE_PERIOD_NONE)
        continue;
      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
      qing_school_calendar_get_nth_key_period (cal, i, NULL, &first, &last);
      kf = g_date_get_julian (&first);
      kl = g_date_get_julian (&last);
      if (kl < day && kl >= p->first)
        p->first = kl + 1;
      if (kf > day && kf <= p->last)
        p->last = kf - 1;
    }
}

/* School rules apply on days in a term, to periods with school days. */
static void
check_valid (QingSchoolCalendar *cal, const QingCadenceRuleInfo *info, guint32 day, Period *p)
{
  GDate date, first, last;

  p->valid = TRUE;
  if (!info->school_only)
    return;
  set_julian (&date, day);
  set_julian (&first, p->first);
  set_julian (&last, p->last);
  p->valid = p->first <= p->last
             && qing_school_calendar_get_term (cal, &date, NULL, NULL)
             && qing_school_calendar_count_school_days (cal, &first, &last) > 0;
}

static void
find_period (QingSchoolCalendar        *cal,
             GTimeZone                 *tz,
             const QingCadenceRuleInfo *info,
             guint32                    day,
             Period                    *p)
{
  QingCadencePeriod kind = info->period;
  GDate date, kp_first, kp_last;
  gboolean overridden;

  set_julian (&date, day);
  g_date_clear (&kp_first, 1);
  g_date_clear (&kp_last, 1);
  overridden = qing_school_calendar_get_interval_override (cal, &date, info->rule, &kind,
                                                           &kp_first, &kp_last);
  fill_span (cal, day, kind, p);
  if (overridden)
    {
      p->first = MAX (p->first, g_date_get_julian (&kp_first));
      p->last = MIN (p->last, g_date_get_julian (&kp_last));
    }
  else
    cut_at_key_periods (cal, info->rule, day, p);

  check_valid (cal, info, day, p);
  p->from_utc = local_midnight_utc (tz, p->first);
  p->to_utc = local_midnight_utc (tz, p->last + 1);
}

/**
 * qing_cadence_frame_new:
 * @calendar: the school calendar
 * @tz: the time zone that defines local days
 * @now_utc: the moment, in Unix seconds
 * @info: the rule (copied)
 *
 * Works out the current and previous periods of @info at @now_utc.
 *
 * Returns: (transfer full): a frame to evaluate students with; free with
 *   qing_cadence_frame_free().
 */
QingCadenceFrame *
qing_cadence_frame_new (QingSchoolCalendar        *calendar,
                        GTimeZone                 *tz,
                        gint64                     now_utc,
                        const QingCadenceRuleInfo *info)
{
  QingCadenceFrame *frame;
  GDate today, last;

  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (info != NULL, NULL);

  frame = g_new0 (QingCadenceFrame, 1);
  frame->info = *info;
  frame->tz = g_time_zone_ref (tz);
  frame->now_utc = now_utc;
  frame->today = local_day_of (tz, now_utc);
  find_period (calendar, tz, info, frame->today, &frame->current);
  find_period (calendar, tz, info, frame->current.first - 1, &frame->previous);
  /* the previous period ends where the current one begins */
  frame->previous.last = MIN (frame->previous.last, frame->current.first - 1);
  frame->previous.to_utc = MIN (frame->previous.to_utc, frame->current.from_utc);
  check_valid (calendar, info, frame->current.first - 1, &frame->previous);
  set_julian (&today, frame->today);
  set_julian (&last, frame->current.last);
  frame->school_days_left = qing_school_calendar_count_school_days (calendar, &today, &last);
  return frame;
}

/* The first moment whose talks can change this frame's status: the start
 * of the previous period.  Talks before it need not be read. */
gint64
qing_cadence_frame_get_window_start (const QingCadenceFrame *frame)
{
  g_return_val_if_fail (frame != NULL, 0);
  return MIN (frame->previous.from_utc, frame->current.from_utc);
}

/* The first moment whose talks can change the status of any of @rules at
 * @now_utc: the store reads talks from here on (one indexed range query),
 * so the cost does not grow with the years of history.  last_talk_utc of
 * a status then only sees talks of this window. */
gint64
qing_cadence_get_window_start (QingSchoolCalendar        *calendar,
                               GTimeZone                 *tz,
                               gint64                     now_utc,
                               const QingCadenceRuleInfo *rules,
                               gsize                      n_rules)
{
  gint64 start = now_utc;

  g_return_val_if_fail (calendar != NULL && tz != NULL, now_utc);
  g_return_val_if_fail (rules != NULL || n_rules == 0, now_utc);

  for (gsize r = 0; r < n_rules; r++)
    {
      g_autoptr (QingCadenceFrame) frame = qing_cadence_frame_new (calendar, tz, now_utc, &rules[r]);
      start = MIN (start, qing_cadence_frame_get_window_start (frame));
    }
  return start;
}

/* Frees @frame. */
void
qing_cadence_frame_free (QingCadenceFrame *frame)
{
  if (frame == NULL)
    return;
  g_time_zone_unref (frame->tz);
  g_free (frame);
}

typedef struct
{
  guint  count;
  guint  short_count;
  gint64 total;
  gint64 done_at;
  gint64 done_by;
} Tally;

static gboolean
tally_met (const QingCadenceRuleInfo *info, const Tally *t)
{
  if (info->sums_talks)
    return t->count + t->short_count > 0
           && t->total >= (gint64) info->min_seconds * info->required;
  return t->count >= info->required;
}

static void
tally_add (const QingCadenceRuleInfo *info, Tally *t, const QingTalkSpan *span)
{
  gboolean was_met = tally_met (info, t);

  t->total += MAX (span->duration_s, 0);
  if (span->duration_s >= info->min_seconds)
    t->count++;
  else
    t->short_count++;
  if (!was_met && tally_met (info, t))
    {
      t->done_at = span->start_utc;
      t->done_by = span->listener_id;
    }
}

/* Whether @span was a talk by the rule's role (any role for
 * QING_CADENCE_ANY_ROLE) with the right person (student or guardian). */
static gboolean
span_matches (const QingCadenceRuleInfo *info, const QingTalkSpan *span)
{
  return (info->listener_role == QING_CADENCE_ANY_ROLE
          || span->listener_role == info->listener_role)
         && !span->with_guardian == !info->with_guardian;
}

static gboolean
span_counts_for (const QingCadenceFrame *frame, const QingTalkSpan *span)
{
  return span_matches (&frame->info, span) && span->start_utc <= frame->now_utc;
}

static void
fill_period_fields (const QingCadenceFrame *frame, QingCadenceStatus *out)
{
  const Period *cur = &frame->current;

  out->rule = frame->info.rule;
  out->period = cur->period;
  set_julian (&out->period_first, cur->first);
  set_julian (&out->period_last, cur->last);
  g_date_clear (&out->done_day, 1);
  out->cycle_number = cur->number;
  out->required = frame->info.required;
  out->target = frame->info.target;
  out->days_left = cur->last >= frame->today ? cur->last - frame->today + 1 : 0;
  out->school_days_left = frame->school_days_left;
}

/* Tallies the talks of the current and previous periods; returns the start
 * of the latest qualifying talk (0 if none). */
static gint64
tally_spans (const QingCadenceFrame *frame,
             const QingTalkSpan     *spans,
             gsize                   n_spans,
             Tally                  *cur,
             Tally                  *prev)
{
  const QingCadenceRuleInfo *info = &frame->info;
  gint64 last_talk = 0;

  for (gsize i = 0; i < n_spans; i++)
    {
      const QingTalkSpan *span = &spans[i];

      if (!span_counts_for (frame, span))
        continue;
      if (span->duration_s >= info->min_seconds)
        last_talk = MAX (last_talk, span->start_utc);
      if (span->start_utc >= frame->current.from_utc && span->start_utc < frame->current.to_utc)
        tally_add (info, cur, span);
      else if (span->start_utc >= frame->previous.from_utc
               && span->start_utc < frame->previous.to_utc)
        tally_add (info, prev, span);
    }
  return last_talk;
}

/* Evaluates one student (@student_id, care level @care) against the frame's
 * rule.  @spans are the student's talks sorted by start_utc (others' talks
 * are not filtered out: pass only this student's).  Fills @out_status. */
void
qing_cadence_frame_evaluate (const QingCadenceFrame *frame,
                             gint64                  student_id,
                             QingCareLevel           care,
                             const QingTalkSpan     *spans,
                             gsize                   n_spans,
                             QingCadenceStatus      *out_status)
{
  const QingCadenceRuleInfo *info;
  Tally cur = { 0 }, prev = { 0 };
  gint64 last_talk;
  gboolean prev_met;

  g_return_if_fail (frame != NULL);
  g_return_if_fail (spans != NULL || n_spans == 0);
  g_return_if_fail (out_status != NULL);

  info = &frame->info;
  memset (out_status, 0, sizeof *out_status);
  out_status->student_id = student_id;
  fill_period_fields (frame, out_status);
  if (!frame->current.valid || !qing_cadence_rule_applies (info, care))
    {
      out_status->state = QING_CADENCE_NOT_APPLICABLE;
      return;
    }

  last_talk = tally_spans (frame, spans, n_spans, &cur, &prev);
  out_status->count = cur.count;
  if (info->sums_talks && info->min_seconds > 0)
    out_status->count = cur.total / info->min_seconds;
  out_status->short_count = cur.short_count;
  out_status->total_seconds = cur.total;
  out_status->last_talk_utc = last_talk;
  out_status->target_reached = out_status->count >= info->target && tally_met (info, &cur);

  prev_met = tally_met (info, &prev);
  out_status->missed_last_period = frame->previous.valid && !prev_met;

  if (tally_met (info, &cur))
    {
      out_status->state = QING_CADENCE_DONE;
      out_status->done_at_utc = cur.done_at;
      out_status->done_by = cur.done_by;
      set_julian (&out_status->done_day, local_day_of (frame->tz, cur.done_at));
    }
  else if (out_status->missed_last_period)
    {
      out_status->state = QING_CADENCE_OVERDUE;
      out_status->overdue_days = frame->today - frame->previous.last;
    }
  else
    out_status->state = QING_CADENCE_DUE;
}

/* Evaluates one student against one rule at @now_utc; a shortcut for a
 * frame used once.  @spans: the student's talks sorted by start. */
void
qing_cadence_evaluate (QingSchoolCalendar        *calendar,
                       GTimeZone                 *tz,
                       gint64                     now_utc,
                       const QingCadenceRuleInfo *info,
                       gint64                     student_id,
                       QingCareLevel              care,
                       const QingTalkSpan        *spans,
                       gsize                      n_spans,
                       QingCadenceStatus         *out_status)
{
  g_autoptr (QingCadenceFrame) frame = NULL;

  g_return_if_fail (calendar != NULL && tz != NULL && info != NULL && out_status != NULL);

  frame = qing_cadence_frame_new (calendar, tz, now_utc, info);
  qing_cadence_frame_evaluate (frame, student_id, care, spans, n_spans, out_status);
}

/**
 * qing_cadence_evaluate_many:
 * @subjects: students sorted by student_id, ascending
 * @spans: talks sorted by student_id, then start_utc
 *
 * Evaluates every subject under every rule of @rules in one linear pass.
 *
 * Returns: (transfer full): @n_subjects × @n_rules statuses, row by row
 *   (status of subject i under rule r at [i * n_rules + r]); g_free() it.
 */
QingCadenceStatus *
qing_cadence_evaluate_many (QingSchoolCalendar        *calendar,
                            GTimeZone                 *tz,
                            gint64                     now_utc,
                            const QingCadenceRuleInfo *rules,
                            gsize                      n_rules,
                            const QingCadenceSubject  *subjects,
                            gsize                      n_subjects,
                            const QingTalkSpan        *spans,
                            gsize                      n_spans)
{
  g_autofree QingCadenceFrame **frames = NULL;
  QingCadenceStatus *out;
  gsize j = 0;

  g_return_val_if_fail (calendar != NULL && tz != NULL, NULL);
  g_return_val_if_fail (rules != NULL || n_rules == 0, NULL);
  g_return_val_if_fail (subjects != NULL || n_subjects == 0, NULL);
  g_return_val_if_fail (spans != NULL || n_spans == 0, NULL);

  frames = g_new (QingCadenceFrame *, MAX (n_rules, 1));
  for (gsize r = 0; r < n_rules; r++)
    frames[r] = qing_cadence_frame_new (calendar, tz, now_utc, &rules[r]);

  out = g_new0 (QingCadenceStatus, MAX (n_subjects * n_rules, 1));
  for (gsize i = 0; i < n_subjects; i++)
    {
      gint64 id = subjects[i].student_id;
      gsize begin;

      g_return_val_if_fail (i == 0 || subjects[i - 1].student_id < id, out);
      while (j < n_spans && spans[j].student_id < id)
        j++;
      begin = j;
      while (j < n_spans && spans[j].student_id == id)
        j++;
      for (gsize r = 0; r < n_rules; r++)
        qing_cadence_frame_evaluate (frames[r], id, subjects[i].care, spans + begin, j - begin,
                                     &out[i * n_rules + r]);
    }

  for (gsize r = 0; r < n_rules; r++)
    qing_cadence_frame_free (frames[r]);
  return out;
}

/* Counts how a group stands: @n_statuses statuses taken every @stride
 * elements from @statuses (stride = n_rules picks one rule's column of
 * qing_cadence_evaluate_many()).  Not-applicable ones are left out. */
void
qing_cadence_summarize (const QingCadenceStatus *statuses,
                        gsize                    n_statuses,
                        gsize                    stride,
                        QingCadenceSummary      *out_summary)
{
  g_return_if_fail (statuses != NULL || n_statuses == 0);
  g_return_if_fail (stride > 0);
  g_return_if_fail (out_summary != NULL);

  memset (out_summary, 0, sizeof *out_summary);
  for (gsize i = 0; i < n_statuses; i++)
    {
      const QingCadenceStatus *s = &statuses[i * stride];

      if (s->state == QING_CADENCE_NOT_APPLICABLE)
        continue;
      out_summary->n_applicable++;
      out_summary->n_done += s->state == QING_CADENCE_DONE;
      out_summary->n_due += s->state == QING_CADENCE_DUE;
      out_summary->n_overdue += s->state == QING_CADENCE_OVERDUE;
      out_summary->n_missed_last_period += s->missed_last_period;
      out_summary->n_target_reached += s->target_reached;
    }
}

typedef struct
{
  guint32 day;
  gint64  total;
  guint   count;    /* talks long enough on their own */
  guint   n_talks;
} DayTally;

static gint
compare_day_tallies (gconstpointer a, gconstpointer b)
{
  const DayTally *x = a, *y = b;
  return x->day < y->day ? -1 : x->day > y->day;
}

/* Per-day tallies of the talks that count for @info, in day order. */
static GArray *
tally_days (const QingCadenceRuleInfo *info,
            GTimeZone                 *tz,
            gint64                     now_utc,
            const QingTalkSpan        *spans,
            gsize                      n_spans)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (DayTally));

  for (gsize i = 0; i < n_spans; i++)
    {
      const QingTalkSpan *span = &spans[i];
      DayTally t = { 0 };

      if (!span_matches (info, span) || span->start_utc > now_utc)
        continue;
      t.day = local_day_of (tz, span->start_utc);
      t.total = MAX (span->duration_s, 0);
      t.count = span->duration_s >= info->min_seconds;
      t.n_talks = 1;
      g_array_append_val (days, t);
    }
  g_array_sort (days, compare_day_tallies);

  /* merge entries of the same day in place */
  if (days->len > 0)
    {
      guint w = 0;
      for (guint r = 1; r < days->len; r++)
        {
          DayTally *a = &g_array_index (days, DayTally, w);
          DayTally *b = &g_array_index (days, DayTally, r);
          if (a->day == b->day)
            {
              a->total += b->total;
              a->count += b->count;
              a->n_talks += b->n_talks;
            }
          else
            g_array_index (days, DayTally, ++w) = *b;
        }
      g_array_set_size (days, w + 1);
    }
  return days;
}

static gboolean
day_met (const QingCadenceRuleInfo *info, const DayTally *t)
{
  Tally tally = { .count = t->count, .short_count = t->n_talks - t->count, .total = t->total };
  return tally_met (info, &tally);
}

/* Computes the current and longest streak of local days meeting the daily
 * rule @info (e.g. PARENT_DAILY: a day with one talk of 15 minutes) from
 * one student's @spans.  Today not yet done does not break the current
 * streak: it then ends yesterday. */
void
qing_cadence_compute_streak (const QingCadenceRuleInfo *info,
                             GTimeZone                 *tz,
                             gint64                     now_utc,
                             const QingTalkSpan        *spans,
                             gsize                      n_spans,
                             QingCadenceStreak         *out_streak)
{
  g_autoptr (GArray) days = NULL;
  guint32 today, run_end = 0;
  guint run = 0;

  g_return_if_fail (info != NULL && tz != NULL && out_streak != NULL);
  g_return_if_fail (spans != NULL || n_spans == 0);

  memset (out_streak, 0, sizeof *out_streak);
  today = local_day_of (tz, now_utc);
  days = tally_days (info, tz, now_utc, spans, n_spans);
  for (guint i = 0; i < days->len; i++)
    {
      const DayTally *t = &g_array_index (days, DayTally, i);

      if (!day_met (info, t))
        continue;
      run = (run > 0 && run_end + 1 == t->day) ? run + 1 : 1;
      run_end = t->day;
      out_streak->longest = MAX (out_streak->longest, run);
    }
  out_streak->today_done = run > 0 && run_end == today;
  if (run > 0 && (run_end == today || run_end + 1 == today))
    out_streak->current = run;
}

/* Sets @out_met[i] to whether local day @first_day + i met the daily rule
 * @info (e.g. PARENT_DAILY: one talk of 15 minutes that started that day),
 * for @n_days days, from one student's @spans in any order.  Short talks
 * adding up to 15 minutes do not meet it.  The caller owns @out_met. */
void
qing_cadence_mark_days (const QingCadenceRuleInfo *info,
                        GTimeZone                 *tz,
                        const GDate               *first_day,
                        guint                      n_days,
                        const QingTalkSpan        *spans,
                        gsize                      n_spans,
                        gboolean                  *out_met)
{
  g_autoptr (GArray) days = NULL;
  guint32 first;

  g_return_if_fail (info != NULL && tz != NULL && out_met != NULL);
  g_return_if_fail (first_day != NULL && g_date_valid (first_day));
  g_return_if_fail (spans != NULL || n_spans == 0);

  memset (out_met, 0, n_days * sizeof *out_met);
  first = g_date_get_julian (first_day);
  days = tally_days (info, tz, G_MAXINT64, spans, n_spans);
  for (guint i = 0; i < days->len; i++)
    {
      const DayTally *t = &g_array_index (days, DayTally, i);

      if (t->day >= first && t->day - first < n_days)
        out_met[t->day - first] = day_met (info, t);
    }
}

/* Formats @day as a short date, e.g. "Nov 23" (zh_CN "11月23日").
 * Returns: (transfer full): a newly allocated string. */
char *
qing_cadence_format_day (const GDate *day)
{
  g_autoptr (GDateTime) dt = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  dt = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                            g_date_get_day (day), 12, 0, 0);
  /* Translators: a short date, e.g. "Nov 23", as in g_date_time_format();
   * in Chinese "%-m月%-d日". */
  return g_date_time_format (dt, _("%b %-d"));
}

/* A short sentence for a roster row or the Today view: "Done on Nov 25",
 * "3 school days left", "Overdue by 4 days", …
 * Returns: (transfer full): a newly allocated string. */
char *
qing_cadence_describe_status (const QingCadenceStatus *status)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (status != NULL, NULL);

  switch (status->state)
    {
    case QING_CADENCE_DONE:
      day = qing_cadence_format_day (&status->done_day);
      /* Translators: %s is a short date such as "Nov 25" */
      return g_strdup_printf (_("Done on %s"), day);
    case QING_CADENCE_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %u day",
                                           "Overdue by %u days", status->overdue_days),
                              status->overdue_days);
    case QING_CADENCE_DUE:
      if (status->period == QING_CADENCE_PERIOD_DAY)
        return g_strdup (_("Not done yet today"));
      if (status->school_days_left > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u school day left",
                                             "%u school days left", status->school_days_left),
                                status->school_days_left);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day left", "%u days left",
                                           status->days_left),
                              status->days_left);
    case QING_CADENCE_NOT_APPLICABLE:
    default:
      return g_strdup (_("Not needed now"));
    }
}

/* The header of a group's roster, e.g. "Cycle 3 · Nov 23–Dec 6 · 31 of 45
 * done", from any applicable @status of the group (for its period) and the
 * group's @summary.
 * Returns: (transfer full): a newly allocated string. */
char *
qing_cadence_describe_cycle (const QingCadenceStatus  *status,
                             const QingCadenceSummary *summary)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (status != NULL && summary != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&status->period_first), NULL);

  first = qing_cadence_format_day (&status->period_first);
  last = qing_cadence_format_day (&status->period_last);
  if (status->cycle_number == 0 || status->period == QING_CADENCE_PERIOD_DAY
      || status->period == QING_CADENCE_PERIOD_MONTH)
    /* Translators: "Nov 1–Nov 30 · 5 of 8 done" */
    return g_strdup_printf (_("%s–%s · %u of %u done"), first, last,
                            summary->n_done, summary->n_applicable);
  /* Translators: "Cycle 3 · Nov 23–Dec 6 · 31 of 45 done" */
  return g_strdup_printf (_("Cycle %u · %s–%s · %u of %u done"), status->cycle_number, first,
                          last, summary->n_done, summary->n_applicable);
}
