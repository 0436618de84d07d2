/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the counselor view (心理老师) reads and writes besides cases: the
 * cadence lists of key-care students (重点关爱对象, 1–2 talks a month) and of
 * students with clear signs (有明显心理问题倾向, a talk a week), care level
 * proposals to confirm or decline, appointments (预约) and the duty roster
 * (值班; in qing-counselor-records.c).  Core only: plain snapshot objects,
 * no GTK.
 *
 * Confidentiality: the cadence lists count the counselors' talks but never
 * carry a note; appointments are counselor records (visibility COUNSELOR:
 * not even the mentor who asked for one sees it unless it is made visible
 * to the school); proposals are given to counselors only.
 */
#pragma once

#include <gio/gio.h>

#include "qing-repository.h"

G_BEGIN_DECLS

/* appointments.status */
typedef enum
{
  QING_APPOINTMENT_REQUESTED = 0,
  QING_APPOINTMENT_CONFIRMED = 1,
  QING_APPOINTMENT_DONE      = 2,
  QING_APPOINTMENT_CANCELLED = 3,
  QING_APPOINTMENT_MISSED    = 4,
} QingAppointmentStatus;

#define QING_TYPE_CARE_STATUS_ROW (qing_care_status_row_get_type ())
G_DECLARE_FINAL_TYPE (QingCareStatusRow, qing_care_status_row, QING, CARE_STATUS_ROW, GObject)

#define QING_TYPE_CARE_PROPOSAL (qing_care_proposal_get_type ())
G_DECLARE_FINAL_TYPE (QingCareProposal, qing_care_proposal, QING, CARE_PROPOSAL, GObject)

#define QING_TYPE_APPOINTMENT (qing_appointment_get_type ())
G_DECLARE_FINAL_TYPE (QingAppointment, qing_appointment, QING, APPOINTMENT, GObject)

#define QING_TYPE_DUTY_DAY (qing_duty_day_get_type ())
G_DECLARE_FINAL_TYPE (QingDutyDay, qing_duty_day, QING, DUTY_DAY, GObject)

/* A student of a cadence list and where the rule stands this period. */
gint64           qing_care_status_row_get_student_id  (QingCareStatusRow *self);
const char      *qing_care_status_row_get_name        (QingCareStatusRow *self);
const char      *qing_care_status_row_get_class_name  (QingCareStatusRow *self);
QingCareLevel    qing_care_status_row_get_care_level  (QingCareStatusRow *self);
QingCadenceState qing_care_status_row_get_state       (QingCareStatusRow *self);
guint            qing_care_status_row_get_count       (QingCareStatusRow *self);
guint            qing_care_status_row_get_required    (QingCareStatusRow *self);
guint            qing_care_status_row_get_target      (QingCareStatusRow *self);
/* "Done on Nov 25", "3 school days left", "Overdue by 2 days". */
const char      *qing_care_status_row_get_status_text (QingCareStatusRow *self);

/* A proposed care level waiting for a counselor. */
gint64           qing_care_proposal_get_id            (QingCareProposal *self);
gint64           qing_care_proposal_get_student_id    (QingCareProposal *self);
const char      *qing_care_proposal_get_student_name  (QingCareProposal *self);
QingCareLevel    qing_care_proposal_get_level         (QingCareProposal *self);
const char      *qing_care_proposal_get_reason        (QingCareProposal *self);
const char      *qing_care_proposal_get_proposed_by   (QingCareProposal *self); /* a name or NULL */
gint64           qing_care_proposal_get_set_at_utc    (QingCareProposal *self);

/* An appointment. */
gint64                qing_appointment_get_id           (QingAppointment *self);
gint64                qing_appointment_get_student_id   (QingAppointment *self);
const char           *qing_appointment_get_student_name (QingAppointment *self);
gint64                qing_appointment_get_counselor_id (QingAppointment *self);
gint64                qing_appointment_get_start_utc    (QingAppointment *self);
gint                  qing_appointment_get_duration     (QingAppointment *self);
const char           *qing_appointment_get_place        (QingAppointment *self);
QingAppointmentStatus qing_appointment_get_status       (QingAppointment *self);
gint64                qing_appointment_get_talk_id      (QingAppointment *self);

/* One day of the duty roster (person 0 when nobody is on duty). */
const GDate     *qing_duty_day_get_day         (QingDutyDay *self);
gint64           qing_duty_day_get_person_id   (QingDutyDay *self);
const char      *qing_duty_day_get_person_name (QingDutyDay *self);
const char      *qing_duty_day_get_place       (QingDutyDay *self);

/* Translated name of an appointment status (static string). */
const char *qing_appointment_status_to_string (QingAppointmentStatus status);

/* Returns the staff person the installation speaks for as counselor:
 * the local counselor; else the first staff member holding the counselor
 * role (made the local one); else a new staff member "Me" with that role.
 * Returns the id, or 0 with @error set. */
gint64      qing_counselor_ensure_self      (QingStore  *store,
                                             GError    **error);

/* Returns the staff members holding the counselor role, in pinyin order
 * (a new array of QingPerson), or NULL with @error set. */
GPtrArray  *qing_counselor_list_counselors  (QingStore  *store,
                                             GError    **error);

/* Returns the students at care @level (KEY_CARE: the monthly rule;
 * CLEAR_SIGNS: the weekly rule) with where the counselors' rule stands at
 * @now_utc: overdue first, then due, then done; pinyin order within.
 * A new array of QingCareStatusRow, or NULL with @error set. */
GPtrArray  *qing_counselor_list_care_status (QingStore     *store,
                                             QingCareLevel  level,
                                             gint64         now_utc,
                                             GError       **error);

/* Returns the care level proposals no counselor has decided, oldest
 * first, when @viewer is a counselor (else an empty array).  A new array
 * of QingCareProposal, or NULL with @error set. */
GPtrArray  *qing_counselor_list_proposals   (QingStore        *store,
                                             const QingViewer *viewer,
                                             GError          **error);

/* Confirms (the level is in force from now) or declines a proposal; a
 * decline needs @reason, kept as the proposal's decision_note (a
 * confirmation may have one too).  One transaction. */
gboolean    qing_counselor_decide_proposal  (QingStore   *store,
                                             gint64       change_id,
                                             gint64       counselor_id,
                                             gboolean     confirm,
                                             const char  *reason,
                                             GError     **error);

/* Adds an appointment (status requested, visibility COUNSELOR).  Returns
 * its id, or 0 with @error set. */
gint64      qing_store_add_appointment      (QingStore   *store,
                                             gint64       student_id,
                                             gint64       counselor_id,
                                             gint64       requested_by,
                                             gint64       start_utc,
                                             gint         duration_s,
                                             const char  *place,
                                             GError     **error);

/* Confirms, cancels or marks missed (not DONE: see complete below). */
gboolean    qing_store_set_appointment_status (QingStore             *store,
                                               gint64                 appointment_id,
                                               QingAppointmentStatus  status,
                                               GError               **error);

/* Marks an appointment done and records its talk (listener @counselor_id
 * in the counselor role, the appointment's start, duration and place,
 * visibility COUNSELOR), in one transaction.  Returns the talk (full
 * reference), or NULL with @error set. */
QingTalk   *qing_store_complete_appointment (QingStore   *store,
                                             gint64       appointment_id,
                                             gint64       counselor_id,
                                             GError     **error);

/* Returns the appointments @viewer may see that start in [@from_utc,
 * @to_utc), soonest first.  A new array of QingAppointment, or NULL with
 * @error set. */
GPtrArray  *qing_store_list_appointments    (QingStore        *store,
                                             const QingViewer *viewer,
                                             gint64            from_utc,
                                             gint64            to_utc,
                                             GError          **error);

/* Puts @person_id on duty for the whole local @day at @place (may be
 * NULL); @person_id 0 clears the day. */
gboolean    qing_store_set_duty             (QingStore    *store,
                                             const GDate  *day,
                                             gint64        person_id,
                                             const char   *place,
                                             GError      **error);

/* Returns @n_days days of the duty roster from @first, one QingDutyDay per
 * day (a new array), or NULL with @error set. */
GPtrArray  *qing_store_list_duty            (QingStore    *store,
                                             const GDate  *first,
                                             guint         n_days,
                                             GError      **error);

G_END_DECLS
