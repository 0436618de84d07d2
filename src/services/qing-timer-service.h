/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingTimerService: the listening timer (倾听计时) while the app runs.
 *
 * The timer lives in the DATABASE (running_timers), not in memory: start,
 * pause and resume store wall-clock times, and the elapsed time is always
 * computed from them (now − started − paused), never by counting ticks, so
 * closing the app, a crash, kill -9 or a reboot loses nothing.  One timer
 * may run per student and listener.
 *
 * The service adds what needs a running program:
 *  - "goal-reached" at 15:00 of listening, exactly once per timer (also
 *    across restarts), with a desktop notification through QingNotifier
 *    (tag "timer-15min:<student uuid>"; the child's given name only, never
 *    a mood or a note, and no name at all for a counselor's timer); the
 *    timer keeps counting.  A 15:00 passed while the app was away less than
 *    an hour is announced at start-up; one passed during a stale absence is
 *    not (the user is asked about that time instead);
 *  - a heartbeat: while the app runs, each running timer's last_seen_utc is
 *    written at most once a minute;
 *  - stale timers: a running (not paused) timer whose app was away for more
 *    than QING_TIMER_STALE_SECONDS is listed by
 *    qing_timer_service_list_stale(): found at start-up, or by the heartbeat
 *    (or the 15:00 alarm) when it wakes that long after the last heartbeat,
 *    as after a suspend with the app open ("stale-changed" is emitted).
 *    The UI asks "did the talk go on until now, or end earlier?" and
 *    answers with qing_timer_service_resolve_stale(), so no time is
 *    credited or lost silently.  A stale timer gets no heartbeat (its
 *    last_seen_utc stays) and no 15:00 notification until it is resolved.
 *
 * Property "heartbeat-seconds" (guint, default QING_TIMER_HEARTBEAT_SECONDS;
 * a change applies from the next heartbeat on): tests set a long one to
 * stand for a machine asleep between two heartbeats.
 *
 * Signals:
 *   "goal-reached" (QingTimerService *self, QingRunningTimer *timer):
 *       the timer has just reached 15:00 of listening (once per timer).
 *   "stale-changed" (QingTimerService *self): the list of stale timers
 *       changed (one was resolved, finished or discarded, or the heartbeat
 *       found one away too long).
 * Timer objects are snapshots: compare timers by qing_running_timer_get_id().
 *
 * For a display that refreshes every second, read
 * qing_timer_service_get_elapsed() from a g_timeout and on QingClock::changed;
 * the service itself never ticks.
 */
#pragma once

#include <gio/gio.h>

#include "qing-clock.h"
#include "qing-notifier.h"
#include "qing-repository.h"
#include "qing-store.h"

G_BEGIN_DECLS

/* Listening time at which a timer's talk becomes effective (15:00). */
#define QING_TIMER_GOAL_SECONDS      QING_EFFECTIVE_TALK_SECONDS
/* Absence after which a running timer must be confirmed (one hour). */
#define QING_TIMER_STALE_SECONDS     (60 * 60)
/* How often the heartbeat writes last_seen_utc (once a minute). */
#define QING_TIMER_HEARTBEAT_SECONDS 60

#define QING_TIMER_SERVICE_ERROR (qing_timer_service_error_quark ())

typedef enum
{
  QING_TIMER_SERVICE_ERROR_NOT_STALE, /* resolve_stale() on a timer that is not stale */
  QING_TIMER_SERVICE_ERROR_INVALID,   /* e.g. an end time before the start or in the future */
} QingTimerServiceError;

#define QING_TYPE_TIMER_SERVICE (qing_timer_service_get_type ())
G_DECLARE_FINAL_TYPE (QingTimerService, qing_timer_service, QING, TIMER_SERVICE, GObject)

GQuark            qing_timer_service_error_quark (void);

/* Creates the service (construct-only properties "store", "clock",
 * "notifier"; @notifier may be NULL: no desktop notifications).  It loads
 * the running timers, finds the stale ones, re-arms the 15:00 alarms and
 * starts the heartbeat.  Returns a full reference. */
QingTimerService *qing_timer_service_new (QingStore    *store,
                                          QingClock    *clock,
                                          QingNotifier *notifier);

/* The construct-only properties (transfer none). */
QingStore        *qing_timer_service_get_store    (QingTimerService *self);
QingClock        *qing_timer_service_get_clock    (QingTimerService *self);
QingNotifier     *qing_timer_service_get_notifier (QingTimerService *self);

/* A live list of every running timer (QingRunningTimer items, oldest
 * first), following the store: for the window to show which runs.
 * Transfer none: the service keeps it. */
GListModel       *qing_timer_service_get_timers (QingTimerService *self);

/* Starts a timer for @listener_id listening to @student_id in @role, now.
 * Returns it (full reference) or NULL with @error set
 * (QING_REPOSITORY_ERROR_TIMER_RUNNING when one already runs for them). */
QingRunningTimer *qing_timer_service_start (QingTimerService *self,
                                            gint64            student_id,
                                            gint64            listener_id,
                                            QingRole          role,
                                            GError          **error);

/* Returns the timer running for @student_id and @listener_id (full
 * reference), or NULL (no error) when none runs. */
QingRunningTimer *qing_timer_service_lookup (QingTimerService *self,
                                             gint64            student_id,
                                             gint64            listener_id,
                                             GError          **error);

/* Pause and resume, stored at once; the 15:00 alarm moves with the pause.
 * @timer is reloaded from the store. */
gboolean          qing_timer_service_pause  (QingTimerService *self,
                                             QingRunningTimer *timer,
                                             GError          **error);
gboolean          qing_timer_service_resume (QingTimerService *self,
                                             QingRunningTimer *timer,
                                             GError          **error);

/* Seconds listened so far, from the stored wall-clock times and the
 * clock's now (pauses excluded). */
gint64            qing_timer_service_get_elapsed (QingTimerService *self,
                                                  QingRunningTimer *timer);

/* Whether @timer has reached 15:00 of listening. */
gboolean          qing_timer_service_get_goal_reached (QingTimerService *self,
                                                       QingRunningTimer *timer);

/* Stops @timer now and saves its talk, in one transaction (the talk is
 * written and the timer row removed, or nothing changes).  @topics (may be
 * NULL), @place and @note (may be NULL or ""), @mode and @visibility are
 * the finish sheet's details.  Withdraws the timer's 15:00 notification.
 * Returns the saved talk (full reference) or NULL with @error set, in
 * which case the timer still runs. */
QingTalk         *qing_timer_service_finish (QingTimerService   *self,
                                             QingRunningTimer   *timer,
                                             const char * const *topics,
                                             const char         *place,
                                             QingTalkMode        mode,
                                             const char         *note,
                                             QingVisibility      visibility,
                                             GError            **error);

/* Like qing_timer_service_finish(), with the talk ending at @ended_utc
 * (0: now) and the details taken from @details (may be NULL; only place,
 * mode, topics, note and visibility are read). */
QingTalk         *qing_timer_service_finish_at (QingTimerService *self,
                                                QingRunningTimer *timer,
                                                gint64            ended_utc,
                                                QingTalk         *details,
                                                GError          **error);

/* Stops @timer without saving a talk (the UI asks first). */
gboolean          qing_timer_service_discard (QingTimerService *self,
                                              QingRunningTimer *timer,
                                              GError          **error);

/* The timers found stale at start-up and not yet resolved (a new array of
 * QingRunningTimer, full references; empty when none).  Their
 * last_seen_utc says when the app last saw them. */
GPtrArray        *qing_timer_service_list_stale (QingTimerService *self);

/* Answers the question about a stale @timer.  @ended_utc > 0: the talk
 * ended then (between the start and now): the talk is saved with the time
 * listened until then, the timer removed, and the talk returned in
 * @out_talk (full reference; may be NULL).  @ended_utc == 0: the talk went
 * on until now: the timer keeps running and counts the whole time; the
 * heartbeat takes it up again (*@out_talk is set to NULL).  Returns FALSE
 * with @error set if @timer is not stale or @ended_utc is out of range. */
gboolean          qing_timer_service_resolve_stale (QingTimerService *self,
                                                    QingRunningTimer *timer,
                                                    gint64            ended_utc,
                                                    QingTalk        **out_talk,
                                                    GError          **error);

/* Returns what a notification may call a child: the given name (小明 for
 * 张小明, 子涵 for 欧阳子涵, 王五 and 司马光 in full, Emma for
 * "Emma Smith").  Free with g_free(). */
char             *qing_timer_service_dup_given_name (const char *name);

G_END_DECLS
