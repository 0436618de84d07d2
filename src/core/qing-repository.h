/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repository: reading and writing the program's records through a
 * QingStore, as domain objects (QingPerson, QingTalk, QingMoodEntry,
 * QingGroup, QingFlag, QingRunningTimer) and live GListModels.
 *
 * Every function that can fail takes a GError: QING_STORE_ERROR for what
 * the database refused, QING_REPOSITORY_ERROR for a record that breaks a
 * rule of the program; the message is a sentence a user can read.  Every
 * write of more than one row is one transaction.  Each change is announced
 * by the store's "row-changed" signal after it is committed.
 *
 * Confidentiality: functions that return notes take a QingViewer (who is
 * looking, in which role) and never return a record the viewer may not
 * see (see QingVisibility in qing-types.h): a record is visible to its
 * author in the role it was written in; VISIBILITY_COUNSELOR records also to counselors; VISIBILITY_SCHOOL
 * also to the student's mentors (of a class or group the student is in);
 * VISIBILITY_FAMILY also to the student's guardians in the parent role.
 * Records a viewer may not see are left out entirely, not just their note:
 * even that a counselor talked with a student is confidential.
 *
 * Live lists (qing_store_list_*_model) hold the objects of one query in
 * its order (people in pinyin order, talks and moods oldest first) and
 * follow the store: each committed change reaches them as the exact
 * items-changed (one item removed, inserted or replaced, or a removal and
 * an insertion when it moved), never a reset, and objects that did not
 * change stay the same instances.  Give them to a GtkListView as they are:
 *
 *   QingViewer me = { parent_id, QING_ROLE_PARENT };
 *   g_autoptr (GListModel) talks =
 *     qing_store_list_talks_model (store, &me, child_id, month_start, month_end);
 *
 * Times are UTC Unix seconds; the local day of a talk (the day it started)
 * is taken in the time zone of the store's QingClock.
 */
#pragma once

#include <gio/gio.h>

#include "qing-cadence.h"
#include "qing-flag.h"
#include "qing-group.h"
#include "qing-mood-entry.h"
#include "qing-person.h"
#include "qing-running-timer.h"
#include "qing-store.h"
#include "qing-talk.h"
#include "qing-types.h"

G_BEGIN_DECLS

#define QING_REPOSITORY_ERROR (qing_repository_error_quark ())

typedef enum
{
  QING_REPOSITORY_ERROR_INVALID,        /* a required value is missing or out of range */
  QING_REPOSITORY_ERROR_CRISIS_UNTOLD,  /* a crisis flag without who was told */
  QING_REPOSITORY_ERROR_TIMER_RUNNING,  /* a timer already runs for this student and listener */
  QING_REPOSITORY_ERROR_DUPLICATE,      /* e.g. a student number already in use */
  QING_REPOSITORY_ERROR_NOT_PENDING,    /* confirming a care level that is not a proposal */
} QingRepositoryError;

GQuark qing_repository_error_quark (void);

/* Who is looking at records, and in which role. */
typedef struct
{
  gint64   person_id;
  QingRole role;
} QingViewer;

/* What removing a person deletes with them (for the "are you sure" question). */
typedef struct
{
  guint n_talks;
  guint n_moods;
  guint n_flags;
  guint n_timers;
} QingPersonRecords;

/* One row of a student's care level history. */
typedef enum
{
  QING_CARE_CHANGE_PROPOSED  = 0, /* a mentor proposed it; a counselor decides */
  QING_CARE_CHANGE_CONFIRMED = 1,
  QING_CARE_CHANGE_DECLINED  = 2,
} QingCareChangeStatus;

typedef struct
{
  gint64               id;
  gint64               student_id;
  QingCareLevel        level;
  QingCareChangeStatus status;
  gint64               set_by;       /* 0 if that person was removed */
  QingRole             set_by_role;  /* 0 if not known */
  gint64               set_at_utc;
  char                *reason;
  gint64               confirmed_by;
  gint64               confirmed_at_utc;
  char                *decision_note; /* the counselor's reason, or NULL */
} QingCareLevelChange;

void qing_care_level_change_free (QingCareLevelChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QingCareLevelChange, qing_care_level_change_free)

/* People. */
gboolean    qing_store_add_person            (QingStore   *self,
                                              QingPerson  *person,
                                              GError     **error);
gboolean    qing_store_update_person         (QingStore   *self,
                                              QingPerson  *person,
                                              GError     **error);
QingPerson *qing_store_get_person            (QingStore   *self,
                                              gint64       person_id,
                                              GError     **error);
gboolean    qing_store_count_person_records  (QingStore          *self,
                                              gint64              person_id,
                                              QingPersonRecords  *records,
                                              GError            **error);
gboolean    qing_store_remove_person         (QingStore          *self,
                                              gint64              person_id,
                                              QingPersonRecords  *removed,
                                              GError            **error);
GPtrArray  *qing_store_list_students         (QingStore  *self,
                                              GError    **error);

/* "Me": the person this installation speaks for in each role. */
gint64      qing_store_get_local_person      (QingStore   *self,
                                              QingRole     role,
                                              GError     **error);
gboolean    qing_store_set_local_person      (QingStore   *self,
                                              QingRole     role,
                                              gint64       person_id,
                                              GError     **error);

/* Guardians and their children. */
gboolean    qing_store_link_guardian         (QingStore   *self,
                                              gint64       guardian_id,
                                              gint64       child_id,
                                              const char  *relation,
                                              GError     **error);
gboolean    qing_store_unlink_guardian       (QingStore   *self,
                                              gint64       guardian_id,
                                              gint64       child_id,
                                              GError     **error);
gboolean    qing_store_add_child             (QingStore   *self,
                                              gint64       guardian_id,
                                              QingPerson  *child,
                                              const char  *relation,
                                              GError     **error);
GPtrArray  *qing_store_list_children         (QingStore   *self,
                                              gint64       guardian_id,
                                              GError     **error);
GPtrArray  *qing_store_list_guardians        (QingStore   *self,
                                              gint64       child_id,
                                              GError     **error);

/* Classes and mentor groups. */
gboolean    qing_store_add_group             (QingStore   *self,
                                              QingGroup   *group,
                                              GError     **error);
gboolean    qing_store_update_group          (QingStore   *self,
                                              QingGroup   *group,
                                              GError     **error);
gboolean    qing_store_remove_group          (QingStore   *self,
                                              gint64       group_id,
                                              GError     **error);
QingGroup  *qing_store_get_group             (QingStore   *self,
                                              gint64       group_id,
                                              GError     **error);
GPtrArray  *qing_store_list_groups           (QingStore   *self,
                                              gint64       mentor_id,
                                              GError     **error);
gboolean    qing_store_add_to_group          (QingStore   *self,
                                              gint64       group_id,
                                              gint64       student_id,
                                              GError     **error);
gboolean    qing_store_remove_from_group     (QingStore   *self,
                                              gint64       group_id,
                                              gint64       student_id,
                                              GError     **error);
gboolean    qing_store_move_to_group         (QingStore   *self,
                                              gint64       student_id,
                                              gint64       to_group_id,
                                              GError     **error);
GPtrArray  *qing_store_list_group_students   (QingStore   *self,
                                              gint64       group_id,
                                              GError     **error);

/* Care level (重点关爱 / 有明显心理问题倾向), with its history. */
gboolean    qing_store_set_care_level        (QingStore     *self,
                                              gint64         student_id,
                                              QingCareLevel  level,
                                              gint64         set_by,
                                              QingRole       set_by_role,
                                              const char    *reason,
                                              GError       **error);
gint64      qing_store_propose_care_level    (QingStore     *self,
                                              gint64         student_id,
                                              QingCareLevel  level,
                                              gint64         proposed_by,
                                              QingRole       proposed_by_role,
                                              const char    *reason,
                                              GError       **error);
gboolean    qing_store_decide_care_level     (QingStore     *self,
                                              gint64         change_id,
                                              gint64         counselor_id,
                                              gboolean       confirm,
                                              const char    *note,
                                              GError       **error);
GPtrArray  *qing_store_list_care_level_history (QingStore  *self,
                                                gint64      student_id,
                                                GError    **error);
GPtrArray  *qing_store_list_care_level_proposals (QingStore  *self,
                                                  GError    **error);

/* Talks. */
gboolean    qing_store_add_talk              (QingStore   *self,
                                              QingTalk    *talk,
                                              GError     **error);
gboolean    qing_store_update_talk           (QingStore   *self,
                                              QingTalk    *talk,
                                              GError     **error);
QingTalk   *qing_store_remove_talk           (QingStore   *self,
                                              gint64       talk_id,
                                              GError     **error);
QingTalk   *qing_store_get_talk              (QingStore        *self,
                                              const QingViewer *viewer,
                                              gint64            talk_id,
                                              GError          **error);
GPtrArray  *qing_store_list_talks            (QingStore        *self,
                                              const QingViewer *viewer,
                                              gint64            student_id,
                                              gint64            from_utc,
                                              gint64            to_utc,
                                              GError          **error);
gboolean    qing_store_get_talk_seconds_per_day (QingStore     *self,
                                                 gint64         student_id,
                                                 QingRole       listener_role,
                                                 const GDate   *first_day,
                                                 guint          n_days,
                                                 guint         *seconds,
                                                 GError       **error);
gboolean    qing_store_get_talk_minutes_per_day (QingStore     *self,
                                                 gint64         student_id,
                                                 QingRole       listener_role,
                                                 const GDate   *first_day,
                                                 guint          n_days,
                                                 guint         *minutes,
                                                 GError       **error);
GArray     *qing_store_list_talk_spans       (QingStore     *self,
                                              const gint64  *student_ids,
                                              guint          n_students,
                                              gint64         from_utc,
                                              gint64         to_utc,
                                              GError       **error);
GArray     *qing_store_list_talk_spans_by_role (QingStore     *self,
                                                const gint64  *student_ids,
                                                guint          n_students,
                                                QingRole       listener_role,
                                                gint64         from_utc,
                                                gint64         to_utc,
                                                GError       **error);
gboolean    qing_store_get_last_talk_times   (QingStore     *self,
                                              const gint64  *student_ids,
                                              guint          n_students,
                                              QingRole       listener_role,
                                              gint           min_duration_s,
                                              gint64         since_utc,
                                              gint64        *last_start_utc,
                                              GError       **error);

/* Mood journal. */
gboolean       qing_store_add_mood           (QingStore      *self,
                                              QingMoodEntry  *entry,
                                              GError        **error);
gboolean       qing_store_update_mood        (QingStore      *self,
                                              QingMoodEntry  *entry,
                                              GError        **error);
QingMoodEntry *qing_store_remove_mood        (QingStore      *self,
                                              gint64          mood_id,
                                              GError        **error);
QingMoodEntry *qing_store_get_mood           (QingStore        *self,
                                              const QingViewer *viewer,
                                              gint64            mood_id,
                                              GError          **error);
GPtrArray     *qing_store_list_moods         (QingStore        *self,
                                              const QingViewer *viewer,
                                              gint64            student_id,
                                              gint64            from_utc,
                                              gint64            to_utc,
                                              GError          **error);

/* The listening timer, kept in the database. */
QingRunningTimer *qing_store_start_timer     (QingStore  *self,
                                              gint64      student_id,
                                              gint64      listener_id,
                                              QingRole    role,
                                              GError    **error);
gboolean    qing_store_pause_timer           (QingStore         *self,
                                              QingRunningTimer  *timer,
                                              GError           **error);
gboolean    qing_store_resume_timer          (QingStore         *self,
                                              QingRunningTimer  *timer,
                                              GError           **error);
gboolean    qing_store_touch_timer           (QingStore         *self,
                                              QingRunningTimer  *timer,
                                              GError           **error);
gboolean    qing_store_mark_timer_goal_notified (QingStore        *self,
                                                 QingRunningTimer *timer,
                                                 gboolean         *first_time,
                                                 GError          **error);
gint64      qing_store_get_timer_goal_notified  (QingStore        *self,
                                                 gint64            timer_id,
                                                 GError          **error);
QingTalk   *qing_store_finish_timer          (QingStore         *self,
                                              QingRunningTimer  *timer,
                                              gint64             end_utc,
                                              QingTalk          *details,
                                              GError           **error);
gboolean    qing_store_discard_timer         (QingStore         *self,
                                              QingRunningTimer  *timer,
                                              GError           **error);
QingRunningTimer *qing_store_get_running_timer (QingStore  *self,
                                                gint64      student_id,
                                                gint64      listener_id,
                                                GError    **error);
GPtrArray  *qing_store_list_running_timers   (QingStore  *self,
                                              gint64      listener_id,
                                              GError    **error);

/* Flags raised to the counselor. */
gboolean    qing_store_raise_flag            (QingStore  *self,
                                              QingFlag   *flag,
                                              GError    **error);
gboolean    qing_store_set_flag_status       (QingStore      *self,
                                              gint64          flag_id,
                                              QingFlagStatus  status,
                                              GError        **error);
GPtrArray  *qing_store_list_open_flags       (QingStore        *self,
                                              const QingViewer *viewer,
                                              GError          **error);

/* Live lists: each follows the store and emits precise items-changed. */
GListModel *qing_store_list_children_model       (QingStore *self,
                                                  gint64     guardian_id);
GListModel *qing_store_list_group_students_model (QingStore *self,
                                                  gint64     group_id);
GListModel *qing_store_list_students_model       (QingStore *self);
GListModel *qing_store_list_groups_model         (QingStore *self,
                                                  gint64     mentor_id);
GListModel *qing_store_list_talks_model          (QingStore        *self,
                                                  const QingViewer *viewer,
                                                  gint64            student_id,
                                                  gint64            from_utc,
                                                  gint64            to_utc);
GListModel *qing_store_list_moods_model          (QingStore        *self,
                                                  const QingViewer *viewer,
                                                  gint64            student_id,
                                                  gint64            from_utc,
                                                  gint64            to_utc);
GListModel *qing_store_list_running_timers_model (QingStore *self,
                                                  gint64     listener_id);
GListModel *qing_store_list_open_flags_model     (QingStore        *self,
                                                  const QingViewer *viewer);

G_END_DECLS
