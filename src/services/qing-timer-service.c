/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingTimerService keeps, for each running timer of the store, only what a
 * running program needs on top of the row: the 15:00 alarm, whether it was
 * found stale at start-up, and the tag of its notification.  It follows the
 * store's "row-changed::running_timers", so a timer started, paused or
 * finished by anyone is handled the same way.
 *
 * That the 15:00 notification was shown is kept in the timer's row
 * (running_timers.goal_notified_utc), so a restart does not show it again.
 */
#include <glib/gi18n.h>

#include "qing-timer-service.h"

#define GOAL_TAG_PREFIX     "timer-15min:"

typedef struct
{
  QingTimerService *self;        /* not a reference: the service owns this */
  gint64            id;
  gint64            student_id;
  gint64            listener_id;
  char             *uuid;
  char             *tag;         /* the notification's tag */
  guint             goal_alarm;
  gboolean          stale;
  gboolean          seen;        /* still in the store (used while syncing) */
} Tracked;

struct _QingTimerService
{
  GObject       parent_instance;

  QingStore    *store;
  QingClock    *clock;
  QingNotifier *notifier;
  GListModel   *timers;
  GHashTable   *tracked;         /* &Tracked.id → Tracked (owned) */
  guint         heartbeat_alarm;
  guint         heartbeat_seconds;
  gulong        row_changed_id;
};

G_DEFINE_FINAL_TYPE (QingTimerService, qing_timer_service, G_TYPE_OBJECT)

G_DEFINE_QUARK (qing-timer-service-error-quark, qing_timer_service_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_NOTIFIER,
  PROP_HEARTBEAT_SECONDS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  GOAL_REACHED,
  STALE_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void arm_goal (QingTimerService *self, Tracked *tracked, QingRunningTimer *timer);
static void arm_heartbeat (QingTimerService *self);
static gboolean check_absence (QingTimerService *self, Tracked *tracked,
                               QingRunningTimer *timer);

static void
tracked_free (gpointer data)
{
  Tracked *tracked = data;

  if (tracked->goal_alarm != 0)
    qing_clock_remove_alarm (tracked->self->clock, tracked->goal_alarm);
  g_free (tracked->uuid);
  g_free (tracked->tag);
  g_free (tracked);
}

static Tracked *
lookup_tracked (QingTimerService *self, QingRunningTimer *timer)
{
  gint64 id = qing_running_timer_get_id (timer);

  return g_hash_table_lookup (self->tracked, &id);
}

/* Reads the current row of @tracked's timer (full reference), or NULL. */
static QingRunningTimer *
read_tracked (QingTimerService *self, Tracked *tracked)
{
  g_autoptr (GError) error = NULL;
  QingRunningTimer *timer;

  timer = qing_store_get_running_timer (self->store, tracked->student_id,
                                        tracked->listener_id, &error);
  if (error != NULL)
    g_warning ("Reading a listening timer: %s", error->message);
  if (timer != NULL && qing_running_timer_get_id (timer) != tracked->id)
    g_clear_object (&timer);
  return timer;
}

static gboolean
goal_was_notified (QingTimerService *self, Tracked *tracked)
{
  g_autoptr (GError) error = NULL;
  gint64 when = qing_store_get_timer_goal_notified (self->store, tracked->id, &error);

  if (error != NULL)
    g_warning ("Reading a listening timer: %s", error->message);
  return when != 0;
}

/* Notes that the 15:00 notification was shown; returns whether it had
 * not been before (by this or another service on the same database). */
static gboolean
remember_goal_notified (QingTimerService *self, QingRunningTimer *timer)
{
  g_autoptr (GError) error = NULL;
  gboolean first_time = FALSE;

  if (!qing_store_mark_timer_goal_notified (self->store, timer, &first_time, &error))
    g_warning ("Saving the state of a listening timer: %s", error->message);
  return first_time;
}

/* Returns what a notification may call the child: the given name (小明 for
 * 张小明, 子涵 for 欧阳子涵, Emma for "Emma Smith"). Free with g_free(). */
char *
qing_timer_service_dup_given_name (const char *name)
{
  static const char *compound[] = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", NULL
  };
  g_autofree char *joined = NULL;
  const char *space;
  glong length;

  g_return_val_if_fail (name != NULL, NULL);

  /* A Chinese name typed with spaces ("张 小明", "张　小明") is one name:
   * splitting it at the space would leave only the surname. */
  if (g_utf8_get_char (name) >= 0x2E80)
    {
      GString *out = g_string_new (NULL);

      for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (out, g_utf8_get_char (p));
      joined = g_string_free (out, FALSE);
      name = joined;
    }
  space = strchr (name, ' ');
  if (space != NULL && space != name)
    return g_strndup (name, space - name);
  length = g_utf8_strlen (name, -1);
  /* Two-character Chinese names are said in full; so are Latin ones. */
  if (length < 3 || g_utf8_get_char (name) < 0x2E80)
    return g_strdup (name);
  /* A compound surname: 欧阳子涵 → 子涵, but 司马光 is said in full. */
  for (guint i = 0; compound[i] != NULL; i++)
    if (g_str_has_prefix (name, compound[i]))
      return g_strdup (length > 3 ? name + strlen (compound[i]) : name);
  return g_strdup (g_utf8_next_char (name));
}

static void
show_goal_notification (QingTimerService *self, Tracked *tracked, QingRunningTimer *timer)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (QingPerson) child = NULL;
  g_autofree char *given = NULL;
  g_autofree char *body = NULL;

  if (self->notifier == NULL)
    return;

  /* Even that a counselor talks with a student is confidential: no name. */
  if (qing_running_timer_get_role (timer) != QING_ROLE_COUNSELOR)
    child = qing_store_get_person (self->store, tracked->student_id, NULL);
  if (child != NULL)
    {
      given = qing_timer_service_dup_given_name (qing_person_get_name (child));
      /* Translators: %s is a child's given name, e.g. 小明. */
      body = g_strdup_printf (_("Fifteen minutes with %s — keep listening as long as you like."),
                              given);
    }
  else
    body = g_strdup (_("Fifteen minutes of listening — keep listening as long as you like."));

  if (!qing_notifier_show_full (self->notifier, tracked->tag, _("15 minutes reached"), body,
                                "x-qingting.timer", NOTIFY_URGENCY_NORMAL, &error))
    g_message ("%s", error->message);
}

static void
on_goal_alarm (QingClock *clock, gpointer user_data)
{
  Tracked *tracked = user_data;
  QingTimerService *self = tracked->self;
  g_autoptr (QingRunningTimer) timer = NULL;

  tracked->goal_alarm = 0; /* fired: the clock frees it */
  timer = read_tracked (self, tracked);
  if (timer == NULL)
    return;
  /* Woken after a long sleep of the machine: ask about the time instead. */
  if (check_absence (self, tracked, timer))
    {
      g_signal_emit (self, signals[STALE_CHANGED], 0);
      return;
    }
  if (qing_running_timer_get_elapsed (timer, qing_clock_get_now_unix (clock))
      < QING_TIMER_GOAL_SECONDS)
    {
      arm_goal (self, tracked, timer); /* the wall clock was set back */
      return;
    }

  /* Another service on the same store (another window) may have said it. */
  if (remember_goal_notified (self, timer))
    show_goal_notification (self, tracked, timer);
  /* Last: a handler may finish the timer, which frees @tracked. */
  g_signal_emit (self, signals[GOAL_REACHED], 0, timer);
}

/* (Re)arms the 15:00 alarm of a running, not stale timer that has not yet
 * reached it; a paused timer has none (resume re-arms it). */
static void
arm_goal (QingTimerService *self, Tracked *tracked, QingRunningTimer *timer)
{
  gint64 when;

  if (tracked->goal_alarm != 0)
    qing_clock_remove_alarm (self->clock, tracked->goal_alarm);
  tracked->goal_alarm = 0;
  if (tracked->stale || qing_running_timer_get_paused (timer) || goal_was_notified (self, tracked))
    return;

  when = qing_running_timer_get_started_utc (timer)
         + qing_running_timer_get_paused_total (timer) + QING_TIMER_GOAL_SECONDS;
  tracked->goal_alarm = qing_clock_add_alarm (self->clock, when, on_goal_alarm, tracked, NULL);
}

static void
touch_timer (QingTimerService *self, QingRunningTimer *timer)
{
  g_autoptr (GError) error = NULL;

  if (!qing_store_touch_timer (self->store, timer, &error))
    g_warning ("Saving the listening timer's heartbeat: %s", error->message);
}

/* Whether the app was away from @timer (running, not paused) for longer
 * than QING_TIMER_STALE_SECONDS: now − last_seen_utc. */
static gboolean
was_away (QingTimerService *self, QingRunningTimer *timer)
{
  return !qing_running_timer_get_paused (timer)
         && qing_clock_get_now_unix (self->clock) - qing_running_timer_get_last_seen_utc (timer)
            > QING_TIMER_STALE_SECONDS;
}

static Tracked *
track_timer (QingTimerService *self, QingRunningTimer *timer, gboolean at_startup)
{
  Tracked *tracked = g_new0 (Tracked, 1);
  g_autoptr (QingPerson) student = NULL;

  tracked->self = self;
  tracked->id = qing_running_timer_get_id (timer);
  tracked->student_id = qing_running_timer_get_student_id (timer);
  tracked->listener_id = qing_running_timer_get_listener_id (timer);
  tracked->uuid = g_strdup (qing_running_timer_get_uuid (timer));
  student = qing_store_get_person (self->store, tracked->student_id, NULL);
  tracked->tag = g_strconcat (GOAL_TAG_PREFIX,
                              student != NULL ? qing_person_get_uuid (student) : tracked->uuid,
                              NULL);
  /* Paused timers do not count while away, so nothing is to be asked. */
  tracked->stale = at_startup && was_away (self, timer);
  g_hash_table_insert (self->tracked, &tracked->id, tracked);
  if (at_startup && !tracked->stale)
    touch_timer (self, timer);
  return tracked;
}

/* While the app runs: a machine suspended (or a process stopped) for hours
 * with the app open wakes up with a heartbeat far behind.  Such a timer
 * becomes stale, as after a restart: its last_seen_utc is left as it is,
 * its 15:00 alarm is dropped, and the user is asked.  Returns whether
 * @tracked has just become stale (the caller emits "stale-changed"). */
static gboolean
check_absence (QingTimerService *self, Tracked *tracked, QingRunningTimer *timer)
{
  if (tracked->stale || !was_away (self, timer))
    return FALSE;
  tracked->stale = TRUE;
  if (tracked->goal_alarm != 0)
    qing_clock_remove_alarm (self->clock, tracked->goal_alarm);
  tracked->goal_alarm = 0;
  return TRUE;
}

static void
forget_timer (QingTimerService *self, Tracked *tracked)
{
  if (self->notifier != NULL)
    qing_notifier_withdraw (self->notifier, tracked->tag);
  g_hash_table_remove (self->tracked, &tracked->id);
}

/* Brings the tracked timers in line with the store's running timers. */
static void
sync_timers (QingTimerService *self, gboolean at_startup)
{
  g_autoptr (GPtrArray) timers = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) gone = g_ptr_array_new ();
  gboolean stale_changed = FALSE;
  GHashTableIter iter;
  Tracked *tracked;

  timers = qing_store_list_running_timers (self->store, 0, &error);
  if (timers == NULL)
    {
      g_warning ("Reading the listening timers: %s", error->message);
      return;
    }
  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tracked))
    tracked->seen = FALSE;

  for (guint i = 0; i < timers->len; i++)
    {
      QingRunningTimer *timer = g_ptr_array_index (timers, i);

      tracked = lookup_tracked (self, timer);
      if (tracked == NULL)
        tracked = track_timer (self, timer, at_startup);
      tracked->seen = TRUE;
      arm_goal (self, tracked, timer);
    }

  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tracked))
    if (!tracked->seen)
      g_ptr_array_add (gone, tracked);
  for (guint i = 0; i < gone->len; i++)
    {
      tracked = g_ptr_array_index (gone, i);
      stale_changed |= tracked->stale;
      forget_timer (self, tracked);
    }
  arm_heartbeat (self);
  if (stale_changed)
    g_signal_emit (self, signals[STALE_CHANGED], 0);
}

static void
on_store_row_changed (QingStore      *store,
                      const char     *table,
                      gint64          row_id,
                      QingStoreChange kind,
                      gpointer        user_data)
{
  sync_timers (QING_TIMER_SERVICE (user_data), FALSE);
}

static void
on_heartbeat (QingClock *clock, gpointer user_data)
{
  QingTimerService *self = user_data;
  gboolean stale_changed = FALSE;
  GHashTableIter iter;
  Tracked *tracked;

  self->heartbeat_alarm = 0;
  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tracked))
    {
      g_autoptr (QingRunningTimer) timer = NULL;

      if (tracked->stale || (timer = read_tracked (self, tracked)) == NULL)
        continue;
      /* Away too long since the last heartbeat (the machine slept): ask. */
      if (check_absence (self, tracked, timer))
        stale_changed = TRUE;
      else
        touch_timer (self, timer);
    }
  arm_heartbeat (self);
  if (stale_changed)
    g_signal_emit (self, signals[STALE_CHANGED], 0);
}

/* The heartbeat runs once a minute while there are timers, and sleeps
 * (no wake-ups) while there are none. */
static void
arm_heartbeat (QingTimerService *self)
{
  if (g_hash_table_size (self->tracked) == 0)
    {
      if (self->heartbeat_alarm != 0)
        qing_clock_remove_alarm (self->clock, self->heartbeat_alarm);
      self->heartbeat_alarm = 0;
    }
  else if (self->heartbeat_alarm == 0)
    self->heartbeat_alarm = qing_clock_add_alarm (self->clock,
                                                  qing_clock_get_now_unix (self->clock)
                                                  + self->heartbeat_seconds,
                                                  on_heartbeat, self, NULL);
}

static void
qing_timer_service_constructed (GObject *object)
{
  QingTimerService *self = QING_TIMER_SERVICE (object);

  G_OBJECT_CLASS (qing_timer_service_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  if (self->clock == NULL)
    self->clock = g_object_ref (qing_store_get_clock (self->store));

  self->timers = qing_store_list_running_timers_model (self->store, 0);
  sync_timers (self, TRUE);
  self->row_changed_id = g_signal_connect (self->store, "row-changed::running_timers",
                                           G_CALLBACK (on_store_row_changed), self);
}

static void
qing_timer_service_dispose (GObject *object)
{
  QingTimerService *self = QING_TIMER_SERVICE (object);

  g_clear_signal_handler (&self->row_changed_id, self->store);
  if (self->heartbeat_alarm != 0)
    qing_clock_remove_alarm (self->clock, self->heartbeat_alarm);
  self->heartbeat_alarm = 0;
  if (self->tracked != NULL)
    g_hash_table_remove_all (self->tracked);
  g_clear_object (&self->timers);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (qing_timer_service_parent_class)->dispose (object);
}

static void
qing_timer_service_finalize (GObject *object)
{
  QingTimerService *self = QING_TIMER_SERVICE (object);

  g_clear_pointer (&self->tracked, g_hash_table_unref);

  G_OBJECT_CLASS (qing_timer_service_parent_class)->finalize (object);
}

static void
qing_timer_service_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingTimerService *self = QING_TIMER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_CLOCK: g_value_set_object (value, self->clock); break;
    case PROP_NOTIFIER: g_value_set_object (value, self->notifier); break;
    case PROP_HEARTBEAT_SECONDS: g_value_set_uint (value, self->heartbeat_seconds); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_timer_service_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QingTimerService *self = QING_TIMER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_CLOCK: self->clock = g_value_dup_object (value); break;
    case PROP_NOTIFIER: self->notifier = g_value_dup_object (value); break;
    case PROP_HEARTBEAT_SECONDS:
      if (self->heartbeat_seconds != g_value_get_uint (value))
        {
          self->heartbeat_seconds = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_timer_service_class_init (QingTimerServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                      | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = qing_timer_service_constructed;
  object_class->dispose = qing_timer_service_dispose;
  object_class->finalize = qing_timer_service_finalize;
  object_class->get_property = qing_timer_service_get_property;
  object_class->set_property = qing_timer_service_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE, flags);
  /* NULL: the store's clock. */
  properties[PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, QING_TYPE_CLOCK, flags);
  /* NULL: no desktop notifications. */
  properties[PROP_NOTIFIER] = g_param_spec_object ("notifier", NULL, NULL, QING_TYPE_NOTIFIER,
                                                   flags);
  /* Seconds between two heartbeats, from the next one on.  Tests set a
   * long one to stand for a machine that slept between two heartbeats
   * with the app open. */
  properties[PROP_HEARTBEAT_SECONDS] =
    g_param_spec_uint ("heartbeat-seconds", NULL, NULL, 1, G_MAXUINT32,
                       QING_TIMER_HEARTBEAT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QingTimerService::goal-reached:
   * @timer: the timer (a fresh snapshot)
   *
   * The timer has just reached 15:00 of listening; once per timer.
   */
  signals[GOAL_REACHED] = g_signal_new ("goal-reached", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, QING_TYPE_RUNNING_TIMER);
  /**
   * QingTimerService::stale-changed:
   *
   * The timers returned by qing_timer_service_list_stale() changed: one
   * was resolved, finished or discarded, or the heartbeat found the app
   * away for longer than QING_TIMER_STALE_SECONDS (a suspended machine).
   */
  signals[STALE_CHANGED] = g_signal_new ("stale-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

static void
qing_timer_service_init (QingTimerService *self)
{
  self->tracked = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, tracked_free);
  self->heartbeat_seconds = QING_TIMER_HEARTBEAT_SECONDS;
}

QingTimerService *
qing_timer_service_new (QingStore *store, QingClock *clock, QingNotifier *notifier)
{
  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (clock == NULL || QING_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (notifier == NULL || QING_IS_NOTIFIER (notifier), NULL);

  return g_object_new (QING_TYPE_TIMER_SERVICE,
                       "store", store,
                       "clock", clock,
                       "notifier", notifier,
                       NULL);
}

QingStore *
qing_timer_service_get_store (QingTimerService *self)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), NULL);
  return self->store;
}

QingClock *
qing_timer_service_get_clock (QingTimerService *self)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), NULL);
  return self->clock;
}

QingNotifier *
qing_timer_service_get_notifier (QingTimerService *self)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), NULL);
  return self->notifier;
}

GListModel *
qing_timer_service_get_timers (QingTimerService *self)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), NULL);
  return self->timers;
}

QingRunningTimer *
qing_timer_service_start (QingTimerService *self,
                          gint64            student_id,
                          gint64            listener_id,
                          QingRole          role,
                          GError          **error)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), NULL);

  /* The store announces the new row; sync_timers() arms its alarm. */
  return qing_store_start_timer (self->store, student_id, listener_id, role, error);
}

QingRunningTimer *
qing_timer_service_lookup (QingTimerService *self,
                           gint64            student_id,
                           gint64            listener_id,
                           GError          **error)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), NULL);
  return qing_store_get_running_timer (self->store, student_id, listener_id, error);
}

gboolean
qing_timer_service_pause (QingTimerService *self, QingRunningTimer *timer, GError **error)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), FALSE);
  return qing_store_pause_timer (self->store, timer, error);
}

gboolean
qing_timer_service_resume (QingTimerService *self, QingRunningTimer *timer, GError **error)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), FALSE);
  return qing_store_resume_timer (self->store, timer, error);
}

gint64
qing_timer_service_get_elapsed (QingTimerService *self, QingRunningTimer *timer)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), 0);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), 0);
  return qing_running_timer_get_elapsed (timer, qing_clock_get_now_unix (self->clock));
}

gboolean
qing_timer_service_get_goal_reached (QingTimerService *self, QingRunningTimer *timer)
{
  return qing_timer_service_get_elapsed (self, timer) >= QING_TIMER_GOAL_SECONDS;
}

QingTalk *
qing_timer_service_finish (QingTimerService   *self,
                           QingRunningTimer   *timer,
                           const char * const *topics,
                           const char         *place,
                           QingTalkMode        mode,
                           const char         *note,
                           QingVisibility      visibility,
                           GError            **error)
{
  g_autoptr (QingTalk) details = NULL;

  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), NULL);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), NULL);

  details = qing_talk_new (qing_running_timer_get_student_id (timer),
                           qing_running_timer_get_listener_id (timer),
                           qing_running_timer_get_role (timer),
                           qing_running_timer_get_started_utc (timer), 0);
  qing_talk_set_topics (details, topics);
  qing_talk_set_place (details, place != NULL && place[0] != '\0' ? place : NULL);
  qing_talk_set_mode (details, mode);
  qing_talk_set_note (details, note != NULL && note[0] != '\0' ? note : NULL);
  qing_talk_set_visibility (details, visibility);
  return qing_timer_service_finish_at (self, timer, 0, details, error);
}

QingTalk *
qing_timer_service_finish_at (QingTimerService *self,
                              QingRunningTimer *timer,
                              gint64            ended_utc,
                              QingTalk         *details,
                              GError          **error)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), NULL);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), NULL);

  if (ended_utc <= 0)
    ended_utc = qing_clock_get_now_unix (self->clock);
  /* One transaction in the store; the removal it announces withdraws the
   * notification and forgets the timer here. */
  return qing_store_finish_timer (self->store, timer, ended_utc, details, error);
}

gboolean
qing_timer_service_discard (QingTimerService *self, QingRunningTimer *timer, GError **error)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), FALSE);
  return qing_store_discard_timer (self->store, timer, error);
}

GPtrArray *
qing_timer_service_list_stale (QingTimerService *self)
{
  g_autoptr (GPtrArray) stale = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  Tracked *tracked;

  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), NULL);

  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tracked))
    {
      QingRunningTimer *timer;

      if (!tracked->stale || (timer = read_tracked (self, tracked)) == NULL)
        continue;
      g_ptr_array_add (stale, timer);
    }
  return g_steal_pointer (&stale);
}

/* The talk went on until now: count it all and take the timer up again.
 * Its 15:00 was reached (or not) while the app was away; the user has just
 * answered about it, so no notification for a goal already past. */
static void
keep_stale_running (QingTimerService *self, Tracked *tracked, QingRunningTimer *timer)
{
  tracked->stale = FALSE;
  touch_timer (self, timer);
  if (qing_timer_service_get_goal_reached (self, timer))
    remember_goal_notified (self, timer);
  arm_goal (self, tracked, timer);
}

gboolean
qing_timer_service_resolve_stale (QingTimerService *self,
                                  QingRunningTimer *timer,
                                  gint64            ended_utc,
                                  QingTalk        **out_talk,
                                  GError          **error)
{
  g_autoptr (QingRunningTimer) fresh = NULL;
  g_autoptr (QingTalk) talk = NULL;
  Tracked *tracked;
  gint64 now;

  g_return_val_if_fail (QING_IS_TIMER_SERVICE (self), FALSE);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), FALSE);

  if (out_talk != NULL)
    *out_talk = NULL;
  tracked = lookup_tracked (self, timer);
  if (tracked == NULL || !tracked->stale || (fresh = read_tracked (self, tracked)) == NULL)
    {
      g_set_error_literal (error, QING_TIMER_SERVICE_ERROR, QING_TIMER_SERVICE_ERROR_NOT_STALE,
                           _("This listening timer does not need to be confirmed."));
      return FALSE;
    }

  now = qing_clock_get_now_unix (self->clock);
  if (ended_utc == 0)
    {
      keep_stale_running (self, tracked, fresh);
      g_signal_emit (self, signals[STALE_CHANGED], 0);
      return TRUE;
    }
  if (ended_utc < qing_running_timer_get_started_utc (fresh) || ended_utc > now)
    {
      g_set_error_literal (error, QING_TIMER_SERVICE_ERROR, QING_TIMER_SERVICE_ERROR_INVALID,
                           _("Choose an end time between the start of the talk and now."));
      return FALSE;
    }

  /* Finishing removes the row; sync_timers() then forgets the timer and
   * emits "stale-changed". */
  talk = qing_store_finish_timer (self->store, fresh, ended_utc, NULL, error);
  if (talk == NULL)
    return FALSE;
  if (out_talk != NULL)
    *out_talk = g_steal_pointer (&talk);
  return TRUE;
}
