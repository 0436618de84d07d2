/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school calendar: terms, holidays, make-up school days (调休) and key
 * periods (关键时段), and the fixed talk cycles aligned to each term.
 * Plain data with reference counting; no SQLite, no GTK.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QING_SCHOOL_CALENDAR_ERROR (qing_school_calendar_error_quark ())

typedef enum
{
  QING_SCHOOL_CALENDAR_ERROR_INVALID_RANGE, /* last day before first, or bad date */
  QING_SCHOOL_CALENDAR_ERROR_OVERLAP,       /* a term overlapping another term */
  QING_SCHOOL_CALENDAR_ERROR_NOT_WEEKEND,   /* a make-up day that is Monday–Friday */
  QING_SCHOOL_CALENDAR_ERROR_NOT_FOUND,     /* no key period with that index */
} QingSchoolCalendarError;

/* Kinds of key periods (关键时段).  The store keeps these values: never
 * renumber, add new ones at the end. */
typedef enum
{
  QING_KEY_PERIOD_SPRING       = 1, /* 春季 */
  QING_KEY_PERIOD_SCHOOL_START = 2, /* 入学季 */
  QING_KEY_PERIOD_EXAM         = 3, /* 考试季 */
  QING_KEY_PERIOD_GRADUATION   = 4, /* 毕业季 */
  QING_KEY_PERIOD_EMERGENCY    = 5, /* 突发事件, e.g. an epidemic */
} QingKeyPeriodKind;

/* The cadence rules of DOMAIN.md.  Defined here because a key period can
 * override the interval of a rule; qing-cadence.h has the rule table.
 * Stored values: never renumber, add new ones at the end. */
typedef enum
{
  QING_CADENCE_PARENT_DAILY                 = 1,
  QING_CADENCE_MENTOR_BIWEEKLY              = 2,
  QING_CADENCE_MENTOR_AT_RISK               = 3,
  QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY   = 4,
  QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY = 5,
  QING_CADENCE_PEER_BIWEEKLY                = 6,
  QING_CADENCE_MENTOR_AT_RISK_GUARDIAN      = 7,
  QING_CADENCE_STUDENT_DAILY                = 8, /* every student, anyone, every day */
} QingCadenceRule;

#define QING_CADENCE_N_RULES 9 /* one more than the highest QingCadenceRule */

/* How long one period of a rule is.  0 means "no override". */
typedef enum
{
  QING_CADENCE_PERIOD_NONE      = 0,
  QING_CADENCE_PERIOD_DAY       = 1, /* the local calendar day */
  QING_CADENCE_PERIOD_WEEK      = 2, /* 7-day cycle aligned to the term */
  QING_CADENCE_PERIOD_TWO_WEEKS = 3, /* 14-day cycle aligned to the term */
  QING_CADENCE_PERIOD_MONTH     = 4, /* the calendar month */
} QingCadencePeriod;

/* One fixed cycle of a term: numbered from 1, first and last day inclusive. */
typedef struct
{
  guint number;
  GDate first;
  GDate last;
} QingCycle;

typedef struct _QingSchoolCalendar QingSchoolCalendar;

#define QING_TYPE_SCHOOL_CALENDAR (qing_school_calendar_get_type ())

GQuark              qing_school_calendar_error_quark (void);
GType               qing_school_calendar_get_type (void) G_GNUC_CONST;

QingSchoolCalendar *qing_school_calendar_new (void);
QingSchoolCalendar *qing_school_calendar_ref (QingSchoolCalendar *self);
void                qing_school_calendar_unref (QingSchoolCalendar *self);

gboolean qing_school_calendar_add_term (QingSchoolCalendar *self,
                                        const GDate        *first,
                                        const GDate        *last,
                                        GError            **error);
gboolean qing_school_calendar_add_holiday (QingSchoolCalendar *self,
                                           const GDate        *first,
                                           const GDate        *last,
                                           GError            **error);
gboolean qing_school_calendar_add_makeup_day (QingSchoolCalendar *self,
                                              const GDate        *day,
                                              GError            **error);
/* Like qing_school_calendar_add_makeup_day(), for a make-up day that runs
 * the timetable of @follows_weekday (1 Monday … 7 Sunday; 0 = Monday). */
gboolean qing_school_calendar_add_makeup_day_following (QingSchoolCalendar *self,
                                                        const GDate        *day,
                                                        guint               follows_weekday,
                                                        GError            **error);
gboolean qing_school_calendar_add_key_period (QingSchoolCalendar *self,
                                              QingKeyPeriodKind   kind,
                                              const GDate        *first,
                                              const GDate        *last,
                                              guint              *out_index,
                                              GError            **error);
gboolean qing_school_calendar_set_key_period_interval (QingSchoolCalendar *self,
                                                       guint               index,
                                                       QingCadenceRule     rule,
                                                       QingCadencePeriod   period,
                                                       GError            **error);

gboolean qing_school_calendar_is_school_day (QingSchoolCalendar *self,
                                             const GDate        *day);
gboolean qing_school_calendar_is_makeup_day (QingSchoolCalendar *self,
                                             const GDate        *day);
/* The weekday whose timetable @day runs: its own, or on a make-up school
 * day the weekday it follows (Monday unless stored otherwise). */
GDateWeekday qing_school_calendar_get_timetable_weekday (QingSchoolCalendar *self,
                                                         const GDate        *day);
gboolean qing_school_calendar_get_term (QingSchoolCalendar *self,
                                        const GDate        *day,
                                        GDate              *out_first,
                                        GDate              *out_last);
guint    qing_school_calendar_count_school_days (QingSchoolCalendar *self,
                                                 const GDate        *from,
                                                 const GDate        *to);
gboolean qing_school_calendar_get_cycle (QingSchoolCalendar *self,
                                         const GDate        *day,
                                         guint               length_days,
                                         QingCycle          *out_cycle);
gboolean qing_school_calendar_get_key_period (QingSchoolCalendar *self,
                                              const GDate        *day,
                                              QingKeyPeriodKind  *out_kind,
                                              GDate              *out_first,
                                              GDate              *out_last);
gboolean qing_school_calendar_get_interval_override (QingSchoolCalendar *self,
                                                     const GDate        *day,
                                                     QingCadenceRule     rule,
                                                     QingCadencePeriod  *out_period,
                                                     GDate              *out_first,
                                                     GDate              *out_last);

guint             qing_school_calendar_get_n_key_periods (QingSchoolCalendar *self);
gboolean          qing_school_calendar_get_nth_key_period (QingSchoolCalendar *self,
                                                           guint               index,
                                                           QingKeyPeriodKind  *out_kind,
                                                           GDate              *out_first,
                                                           GDate              *out_last);
QingCadencePeriod qing_school_calendar_get_key_period_interval (QingSchoolCalendar *self,
                                                                guint               index,
                                                                QingCadenceRule     rule);

const char *qing_key_period_kind_get_label (QingKeyPeriodKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QingSchoolCalendar, qing_school_calendar_unref)

G_END_DECLS
