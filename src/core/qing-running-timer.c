/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingRunningTimer: a listening timer (倾听计时) as kept in the store.
 *
 * Only wall-clock times are kept — when it started, when it was paused,
 * and how long all earlier pauses lasted — so the elapsed time is right
 * after the app was closed, killed or the machine rebooted.  Start, pause,
 * resume and finish are repository functions (qing-repository.h), which
 * write the row and reload the object.
 */
#include "qing-running-timer.h"
#include "qing-object-private.h"

struct _QingRunningTimer
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  gint64   student_id;
  gint64   listener_id;
  int      role;
  gint64   started_utc;
  gint64   paused_utc;   /* 0 while running */
  gint64   paused_total; /* seconds of earlier, finished pauses */
  gint64   last_seen_utc;
  gboolean with_guardian;
  gint64   guardian_id;
};

G_DEFINE_FINAL_TYPE (QingRunningTimer, qing_running_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STUDENT_ID,
  PROP_LISTENER_ID,
  PROP_ROLE,
  PROP_STARTED_UTC,
  PROP_PAUSED_UTC,
  PROP_PAUSED_TOTAL,
  PROP_PAUSED,
  PROP_LAST_SEEN_UTC,
  PROP_WITH_GUARDIAN,
  PROP_GUARDIAN_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qing_running_timer_finalize (GObject *object)
{
  QingRunningTimer *self = QING_RUNNING_TIMER (object);

  g_free (self->uuid);

  G_OBJECT_CLASS (qing_running_timer_parent_class)->finalize (object);
}

static void
qing_running_timer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QingRunningTimer *self = QING_RUNNING_TIMER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_STUDENT_ID: g_value_set_int64 (value, self->student_id); break;
    case PROP_LISTENER_ID: g_value_set_int64 (value, self->listener_id); break;
    case PROP_ROLE: g_value_set_int (value, self->role); break;
    case PROP_STARTED_UTC: g_value_set_int64 (value, self->started_utc); break;
    case PROP_PAUSED_UTC: g_value_set_int64 (value, self->paused_utc); break;
    case PROP_PAUSED_TOTAL: g_value_set_int64 (value, self->paused_total); break;
    case PROP_PAUSED: g_value_set_boolean (value, self->paused_utc != 0); break;
    case PROP_LAST_SEEN_UTC: g_value_set_int64 (value, self->last_seen_utc); break;
    case PROP_WITH_GUARDIAN: g_value_set_boolean (value, self->with_guardian); break;
    case PROP_GUARDIAN_ID: g_value_set_int64 (value, self->guardian_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_running_timer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QingRunningTimer *self = QING_RUNNING_TIMER (object);
  gboolean was_paused = self->paused_utc != 0;

  switch (prop_id)
    {
    case PROP_ID:
      qing_object_set_int64 (object, &self->id, g_value_get_int64 (value), pspec);
      break;
    case PROP_UUID:
      qing_object_set_string (object, &self->uuid, g_value_get_string (value), pspec);
      break;
    case PROP_STUDENT_ID:
      qing_object_set_int64 (object, &self->student_id, g_value_get_int64 (value), pspec);
      break;
    case PROP_LISTENER_ID:
      qing_object_set_int64 (object, &self->listener_id, g_value_get_int64 (value), pspec);
      break;
    case PROP_ROLE:
      qing_object_set_int (object, &self->role, g_value_get_int (value), pspec);
      break;
    case PROP_STARTED_UTC:
      qing_object_set_int64 (object, &self->started_utc, g_value_get_int64 (value), pspec);
      break;
    case PROP_PAUSED_UTC:
      qing_object_set_int64 (object, &self->paused_utc, g_value_get_int64 (value), pspec);
      if (was_paused != (self->paused_utc != 0))
        g_object_notify_by_pspec (object, properties[PROP_PAUSED]);
      break;
    case PROP_PAUSED_TOTAL:
      qing_object_set_int64 (object, &self->paused_total, g_value_get_int64 (value), pspec);
      break;
    case PROP_LAST_SEEN_UTC:
      qing_object_set_int64 (object, &self->last_seen_utc, g_value_get_int64 (value), pspec);
      break;
    case PROP_WITH_GUARDIAN:
      qing_object_set_boolean (object, &self->with_guardian, g_value_get_boolean (value), pspec);
      break;
    case PROP_GUARDIAN_ID:
      qing_object_set_int64 (object, &self->guardian_id, g_value_get_int64 (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_running_timer_class_init (QingRunningTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qing_running_timer_finalize;
  object_class->get_property = qing_running_timer_get_property;
  object_class->set_property = qing_running_timer_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, QING_PARAM_RW);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, QING_PARAM_RW);
  properties[PROP_STUDENT_ID] = g_param_spec_int64 ("student-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                    QING_PARAM_RW);
  properties[PROP_LISTENER_ID] = g_param_spec_int64 ("listener-id", NULL, NULL, 0, G_MAXINT64,
                                                     0, QING_PARAM_RW);
  /* The QingRole the listener listens in. */
  properties[PROP_ROLE] = g_param_spec_int ("role", NULL, NULL, QING_ROLE_PARENT, QING_ROLE_PEER,
                                            QING_ROLE_PARENT, QING_PARAM_RW);
  properties[PROP_STARTED_UTC] = g_param_spec_int64 ("started-utc", NULL, NULL, G_MININT64,
                                                     G_MAXINT64, 0, QING_PARAM_RW);
  /* When the current pause began, 0 while running. */
  properties[PROP_PAUSED_UTC] = g_param_spec_int64 ("paused-utc", NULL, NULL, G_MININT64,
                                                    G_MAXINT64, 0, QING_PARAM_RW);
  /* Seconds of earlier pauses, already over. */
  properties[PROP_PAUSED_TOTAL] = g_param_spec_int64 ("paused-total", NULL, NULL, 0, G_MAXINT64,
                                                      0, QING_PARAM_RW);
  properties[PROP_PAUSED] = g_param_spec_boolean ("paused", NULL, NULL, FALSE, QING_PARAM_RO);
  /* When the app last saw the timer running (to ask after a long absence). */
  properties[PROP_LAST_SEEN_UTC] = g_param_spec_int64 ("last-seen-utc", NULL, NULL, G_MININT64,
                                                       G_MAXINT64, 0, QING_PARAM_RW);
  properties[PROP_WITH_GUARDIAN] = g_param_spec_boolean ("with-guardian", NULL, NULL, FALSE,
                                                         QING_PARAM_RW);
  properties[PROP_GUARDIAN_ID] = g_param_spec_int64 ("guardian-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     QING_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_running_timer_init (QingRunningTimer *self)
{
  self->role = QING_ROLE_PARENT;
}

/* The store's row id. */
gint64
qing_running_timer_get_id (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), 0);
  return self->id;
}

/* The UUID (owned by the timer); the finished talk keeps it. */
const char *
qing_running_timer_get_uuid (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), NULL);
  return self->uuid;
}

/* The student being listened to. */
gint64
qing_running_timer_get_student_id (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), 0);
  return self->student_id;
}

/* The listener. */
gint64
qing_running_timer_get_listener_id (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), 0);
  return self->listener_id;
}

/* The role the listener listens in. */
QingRole
qing_running_timer_get_role (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), QING_ROLE_PARENT);
  return self->role;
}

/* When the timer was started (UTC Unix seconds). */
gint64
qing_running_timer_get_started_utc (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), 0);
  return self->started_utc;
}

/* When the current pause began (UTC Unix seconds), 0 while running. */
gint64
qing_running_timer_get_paused_utc (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), 0);
  return self->paused_utc;
}

/* Seconds of earlier pauses that are over. */
gint64
qing_running_timer_get_paused_total (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), 0);
  return self->paused_total;
}

/* Whether the timer is paused now. */
gboolean
qing_running_timer_get_paused (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), FALSE);
  return self->paused_utc != 0;
}

/* Seconds listened at @now_unix: wall time since the start minus all
 * pauses (a current pause counts up to now).  Never negative, so a wall
 * clock set back cannot show a negative time. */
gint64
qing_running_timer_get_elapsed (QingRunningTimer *self, gint64 now_unix)
{
  gint64 until, elapsed;

  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), 0);
  until = self->paused_utc != 0 ? MIN (self->paused_utc, now_unix) : now_unix;
  elapsed = until - self->started_utc - self->paused_total;
  return MAX (elapsed, 0);
}

/* When the app last saw the timer running (UTC Unix seconds). */
gint64
qing_running_timer_get_last_seen_utc (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), 0);
  return self->last_seen_utc;
}

/* TRUE when the timer times a talk with the student's guardian. */
gboolean
qing_running_timer_get_with_guardian (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), FALSE);
  return self->with_guardian;
}

/* The guardian of a talk with a guardian, 0 if none. */
gint64
qing_running_timer_get_guardian_id (QingRunningTimer *self)
{
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (self), 0);
  return self->guardian_id;
}
