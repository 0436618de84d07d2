/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cases (个案) and their timeline: a counselor opens a case about a student
 * (from a flag raised by a mentor or a parent, or directly), then records
 * what happens as events appended to it: noted, status changed, referred
 * (转介, to which institution), closed.  Events are APPEND-ONLY: the schema
 * aborts any UPDATE or DELETE of case_events, and this API offers no way to
 * edit one.  A case's status follows its events (triggers of the schema).
 *
 * Confidentiality: cases and their events are counselor records
 * (心理档案).  Every reading function takes a QingViewer and gives a viewer
 * who is not in the counselor role nothing at all (an empty list, or NULL
 * with QING_STORE_ERROR_NOT_FOUND), as if no case existed.
 */
#pragma once

#include <gio/gio.h>

#include "qing-repository.h"

G_BEGIN_DECLS

/* Where a case stands (cases.status). */
typedef enum
{
  QING_CASE_OPEN       = 0,
  QING_CASE_MONITORING = 1,
  QING_CASE_REFERRED   = 2, /* 转介 */
  QING_CASE_CLOSED     = 3,
} QingCaseStatus;

/* What an event of the timeline records (case_events.kind). */
typedef enum
{
  QING_CASE_EVENT_RAISED         = 1,
  QING_CASE_EVENT_NOTED          = 2,
  QING_CASE_EVENT_STATUS_CHANGED = 3,
  QING_CASE_EVENT_REFERRED       = 4,
  QING_CASE_EVENT_CLOSED         = 5,
} QingCaseEventKind;

#define QING_TYPE_CASE (qing_case_get_type ())
G_DECLARE_FINAL_TYPE (QingCase, qing_case, QING, CASE, GObject)

#define QING_TYPE_CASE_EVENT (qing_case_event_get_type ())
G_DECLARE_FINAL_TYPE (QingCaseEvent, qing_case_event, QING, CASE_EVENT, GObject)

/* A case as read from the store (a snapshot; strings owned by it). */
gint64          qing_case_get_id            (QingCase *self);
gint64          qing_case_get_student_id    (QingCase *self);
const char     *qing_case_get_student_name  (QingCase *self);
gint64          qing_case_get_counselor_id  (QingCase *self);
gint64          qing_case_get_opened_at_utc (QingCase *self);
const char     *qing_case_get_title         (QingCase *self);
QingCaseStatus  qing_case_get_status        (QingCase *self);
/* When the latest event happened (UTC; the opening when none). */
gint64          qing_case_get_last_event_utc (QingCase *self);

/* One event of a timeline (a snapshot; strings owned by it). */
gint64             qing_case_event_get_id           (QingCaseEvent *self);
gint64             qing_case_event_get_case_id      (QingCaseEvent *self);
QingCaseEventKind  qing_case_event_get_kind         (QingCaseEvent *self);
gint64             qing_case_event_get_at_utc       (QingCaseEvent *self);
gint64             qing_case_event_get_by_person_id (QingCaseEvent *self);
const char        *qing_case_event_get_by_name      (QingCaseEvent *self);
/* The new status (STATUS_CHANGED; -1 for other kinds). */
int                qing_case_event_get_status       (QingCaseEvent *self);
const char        *qing_case_event_get_referred_to  (QingCaseEvent *self);
const char        *qing_case_event_get_note         (QingCaseEvent *self);

/* Translated names for the UI (static strings). */
const char *qing_case_status_to_string     (QingCaseStatus    status);
const char *qing_case_event_kind_to_string (QingCaseEventKind kind);

/* Opens a case about @student_id, kept by @counselor_id, and appends its
 * first event, "raised": from @flag_id (> 0: the flag's observation
 * becomes the event's note, the flag is linked to the case and marked
 * "in a case") or with @note.  All in one transaction.  Returns the new
 * case's id, or 0 with @error set. */
gint64      qing_store_open_case          (QingStore   *self,
                                           gint64       student_id,
                                           gint64       counselor_id,
                                           gint64       flag_id,
                                           const char  *title,
                                           const char  *note,
                                           GError     **error);

/* Appends one event to case @case_id, written by @by_person_id now:
 * NOTED needs @note; STATUS_CHANGED needs @status (OPEN or MONITORING:
 * use REFERRED and CLOSED for the others); REFERRED needs @referred_to
 * (the institution); CLOSED may have a @note.  RAISED only comes with
 * qing_store_open_case().  A closed case takes no more events.  Returns
 * the event's id, or 0 with @error set. */
gint64      qing_store_append_case_event  (QingStore         *self,
                                           gint64             case_id,
                                           QingCaseEventKind  kind,
                                           gint64             by_person_id,
                                           QingCaseStatus     status,
                                           const char        *referred_to,
                                           const char        *note,
                                           GError           **error);

/* Takes flag @flag_id into case @case_id (a case of the same student, not
 * closed): appends a "noted" event by @by_person_id with the flag's
 * observation, links the flag and marks it "in a case", in one
 * transaction.  Returns the event's id, or 0 with @error set. */
gint64      qing_store_add_flag_to_case   (QingStore  *self,
                                           gint64      case_id,
                                           gint64      flag_id,
                                           gint64      by_person_id,
                                           GError    **error);

/* Returns case @case_id (full reference), or NULL with @error set
 * (QING_STORE_ERROR_NOT_FOUND also when @viewer is not a counselor). */
QingCase   *qing_store_get_case           (QingStore        *self,
                                           const QingViewer *viewer,
                                           gint64            case_id,
                                           GError          **error);

/* Returns the cases @viewer may see (none unless a counselor): open ones
 * first, then by the latest event, newest first; closed ones only with
 * @with_closed.  A new array of QingCase, or NULL with @error set. */
GPtrArray  *qing_store_list_cases         (QingStore        *self,
                                           const QingViewer *viewer,
                                           gboolean          with_closed,
                                           GError          **error);

/* Returns the timeline of case @case_id, oldest first, as @viewer may see
 * it (empty unless a counselor).  A new array of QingCaseEvent, or NULL
 * with @error set. */
GPtrArray  *qing_store_list_case_events   (QingStore        *self,
                                           const QingViewer *viewer,
                                           gint64            case_id,
                                           GError          **error);

/* Returns the id of @student_id's case that is not closed (the newest if
 * several), 0 if none, or -1 with @error set. */
gint64      qing_store_find_open_case     (QingStore  *self,
                                           gint64      student_id,
                                           GError    **error);

G_END_DECLS
