/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingClock is the one source of "now" for rules, timers and reminders.
 *
 * The system clock reads the wall clock in the local time zone.  The manual
 * clock holds a time that only moves when told to (qing_clock_set_now(),
 * qing_clock_advance()), in the time zone of the GDateTime it was given, so
 * tests can run a 15-minute timer or an evening reminder without waiting.
 *
 * Alarms ("call me at 20:00") work with both: on the system clock they are
 * checked again at least every minute, so a suspended laptop or a changed
 * wall clock cannot make one fire late by hours; on the manual clock they
 * fire in time order while the clock is advanced past them.
 */
#include "qing-clock.h"

/* How long the system clock sleeps at most before looking at the wall again. */
#define MAX_SLEEP_SECONDS 60

typedef struct
{
  guint              id;
  gint64             when;
  QingClockAlarmFunc func;
  gpointer           user_data;
  GDestroyNotify     destroy;
} Alarm;

struct _QingClock
{
  GObject    parent_instance;

  gboolean   manual;
  gint64     manual_now_usec;
  GTimeZone *tz;

  GList     *alarms;     /* Alarm*, sorted by when */
  guint      next_alarm_id;
  guint      wakeup_source;
};

G_DEFINE_FINAL_TYPE (QingClock, qing_clock, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void schedule_wakeup (QingClock *self);

static void
alarm_free (Alarm *alarm)
{
  if (alarm->destroy)
    alarm->destroy (alarm->user_data);
  g_free (alarm);
}

static gint
compare_alarms (gconstpointer a, gconstpointer b)
{
  const Alarm *x = a, *y = b;
  if (x->when != y->when)
    return x->when < y->when ? -1 : 1;
  return x->id < y->id ? -1 : (x->id > y->id);
}

static void
fire_due_alarms (QingClock *self)
{
  gint64 now = qing_clock_get_now_unix (self);

  /* An alarm callback may add or remove alarms, so take one at a time. */
  while (self->alarms != NULL)
    {
      Alarm *alarm = self->alarms->data;
      if (alarm->when > now)
        break;
      self->alarms = g_list_delete_link (self->alarms, self->alarms);
      alarm->func (self, alarm->user_data);
      alarm_free (alarm);
    }
}

static gboolean
on_wakeup (gpointer user_data)
{
  QingClock *self = user_data;

  self->wakeup_source = 0;
  g_object_ref (self);
  fire_due_alarms (self);
  schedule_wakeup (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_wakeup (QingClock *self)
{
  gint64 delta;

  g_clear_handle_id (&self->wakeup_source, g_source_remove);
  if (self->manual || self->alarms == NULL)
    return;

  delta = ((Alarm *) self->alarms->data)->when - qing_clock_get_now_unix (self);
  delta = CLAMP (delta, 0, MAX_SLEEP_SECONDS);
  if (delta == 0)
    self->wakeup_source = g_idle_add (on_wakeup, self);
  else
    self->wakeup_source = g_timeout_add_seconds ((guint) delta, on_wakeup, self);
}

static void
qing_clock_finalize (GObject *object)
{
  QingClock *self = QING_CLOCK (object);

  g_clear_handle_id (&self->wakeup_source, g_source_remove);
  g_list_free_full (self->alarms, (GDestroyNotify) alarm_free);
  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (qing_clock_parent_class)->finalize (object);
}

static void
qing_clock_class_init (QingClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qing_clock_finalize;

  /**
   * QingClock::changed:
   *
   * Emitted when a manual clock was moved, after due alarms have fired.
   * Views that show elapsed time refresh on it, so a test sees the same
   * screen a user would after that much real time.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
qing_clock_init (QingClock *self)
{
  self->next_alarm_id = 1;
}

/**
 * qing_clock_new_system:
 *
 * Returns: (transfer full): a clock that reads the wall clock, local time zone.
 */
QingClock *
qing_clock_new_system (void)
{
  QingClock *self = g_object_new (QING_TYPE_CLOCK, NULL);

  self->tz = g_time_zone_new_local ();
  return self;
}

/**
 * qing_clock_new_manual:
 * @now: the starting time; its time zone becomes the clock's
 *
 * Returns: (transfer full): a clock that only moves when told to.
 */
QingClock *
qing_clock_new_manual (GDateTime *now)
{
  QingClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (QING_TYPE_CLOCK, NULL);
  self->manual = TRUE;
  self->manual_now_usec = g_date_time_to_unix (now) * G_USEC_PER_SEC
                          + g_date_time_get_microsecond (now);
  self->tz = g_time_zone_new_identifier (g_time_zone_get_identifier (g_date_time_get_timezone (now)));
  if (self->tz == NULL)
    self->tz = g_time_zone_new_utc ();
  return self;
}

gboolean
qing_clock_is_manual (QingClock *self)
{
  g_return_val_if_fail (QING_IS_CLOCK (self), FALSE);
  return self->manual;
}

/**
 * qing_clock_get_now_unix:
 *
 * Returns: the current time in seconds since the Unix epoch (UTC).
 */
gint64
qing_clock_get_now_unix (QingClock *self)
{
  g_return_val_if_fail (QING_IS_CLOCK (self), 0);

  if (self->manual)
    return self->manual_now_usec / G_USEC_PER_SEC;
  return g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * qing_clock_get_now:
 *
 * Returns: (transfer full): the current time in the clock's time zone.
 */
GDateTime *
qing_clock_get_now (QingClock *self)
{
  g_autoptr (GDateTime) utc = NULL;
  gint64 usec;

  g_return_val_if_fail (QING_IS_CLOCK (self), NULL);

  usec = self->manual ? self->manual_now_usec : g_get_real_time ();
  /* Whole seconds: everything the program shows or stores is in seconds. */
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  return g_date_time_to_timezone (utc, self->tz);
}

/**
 * qing_clock_get_timezone:
 *
 * Returns: (transfer none): the time zone local days are counted in.
 */
GTimeZone *
qing_clock_get_timezone (QingClock *self)
{
  g_return_val_if_fail (QING_IS_CLOCK (self), NULL);
  return self->tz;
}

/**
 * qing_clock_set_now:
 *
 * Moves a manual clock to @now (forwards or backwards), fires the alarms
 * that are now due, in time order, then emits #QingClock::changed.
 */
void
qing_clock_set_now (QingClock *self, GDateTime *now)
{
  g_return_if_fail (QING_IS_CLOCK (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (now != NULL);

  qing_clock_advance (self, g_date_time_to_unix (now) - self->manual_now_usec / G_USEC_PER_SEC);
}

/**
 * qing_clock_advance:
 * @seconds: how far to move a manual clock (may be negative)
 *
 * Alarms due on the way fire in order, each seeing the clock at its own
 * time, as they would have in real life.
 */
void
qing_clock_advance (QingClock *self, GTimeSpan seconds)
{
  gint64 target;

  g_return_if_fail (QING_IS_CLOCK (self));
  g_return_if_fail (self->manual);

  target = self->manual_now_usec + seconds * G_USEC_PER_SEC;
  g_object_ref (self);
  while (self->alarms != NULL)
    {
      Alarm *first = self->alarms->data;
      if (first->when * G_USEC_PER_SEC > target)
        break;
      if (first->when * G_USEC_PER_SEC > self->manual_now_usec)
        self->manual_now_usec = first->when * G_USEC_PER_SEC;
      fire_due_alarms (self);
    }
  self->manual_now_usec = target;
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_unref (self);
}

/**
 * qing_clock_add_alarm:
 * @when_unix: when to call @func, seconds since the epoch
 *
 * Calls @func once at @when_unix (at once from the main loop if that time has
 * passed).  Returns: an id for qing_clock_remove_alarm(), never 0.
 */
guint
qing_clock_add_alarm (QingClock         *self,
                      gint64             when_unix,
                      QingClockAlarmFunc func,
                      gpointer           user_data,
                      GDestroyNotify     destroy)
{
  Alarm *alarm;

  g_return_val_if_fail (QING_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  alarm = g_new0 (Alarm, 1);
  alarm->id = self->next_alarm_id++;
  alarm->when = when_unix;
  alarm->func = func;
  alarm->user_data = user_data;
  alarm->destroy = destroy;
  self->alarms = g_list_insert_sorted (self->alarms, alarm, compare_alarms);
  schedule_wakeup (self);
  return alarm->id;
}

void
qing_clock_remove_alarm (QingClock *self, guint alarm_id)
{
  g_return_if_fail (QING_IS_CLOCK (self));

  for (GList *l = self->alarms; l != NULL; l = l->next)
    {
      Alarm *alarm = l->data;
      if (alarm->id == alarm_id)
        {
          self->alarms = g_list_delete_link (self->alarms, l);
          alarm_free (alarm);
          schedule_wakeup (self);
          return;
        }
    }
}
