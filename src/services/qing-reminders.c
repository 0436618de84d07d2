/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingReminders: one clock alarm for the next reminder, re-armed after each
 * one; the day a reminder was sent is kept in the store's settings
 * ("parent-reminder-sent:<guardian id>" = "YYYY-MM-DD <server id>", the
 * local day and, while it is on screen, the notification server's id), and
 * the store's "row-changed" tells when a child's talks changed.
 *
 * After a restart the notification of the previous process may still be on
 * screen: its server id, kept with the day, lets it be closed (D-Bus
 * CloseNotification) once every child is done, or at midnight; it is not
 * updated with fewer names, which would show a second notification.
 */
#include <glib/gi18n.h>

#include "qing-reminders.h"
#include "qing-repository.h"
#include "qing-timer-service.h"

#define DEFAULT_REMINDER_TIME "20:00"
#define SENT_SETTING_PREFIX   "parent-reminder-sent:"

struct _QingReminders
{
  GObject       parent_instance;

  QingStore    *store;
  QingClock    *clock;
  QingNotifier *notifier;
  gint64        guardian_id;
  char         *reminder_time;
  guint         hour;
  guint         minute;

  guint         alarm_id;
  gint64        next_utc;
  char         *checked_day;  /* the day this process last checked, "YYYY-MM-DD" */
  char         *shown_day;    /* the day of the notification on screen, or NULL */
  char         *shown_body;
  guint         adopted_id;   /* server id of a previous process's notification */
  guint         midnight_alarm;
  gulong        row_changed_id;
};

G_DEFINE_FINAL_TYPE (QingReminders, qing_reminders, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_NOTIFIER,
  PROP_GUARDIAN_ID,
  PROP_REMINDER_TIME,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void arm (QingReminders *self);

static GDateTime *
local_now (QingReminders *self)
{
  g_autoptr (GDateTime) now = qing_clock_get_now (self->clock);

  return g_date_time_to_timezone (now, qing_clock_get_timezone (self->clock));
}

static char *
format_day (GDateTime *local)
{
  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
today_string (QingReminders *self)
{
  g_autoptr (GDateTime) local = local_now (self);

  return format_day (local);
}

/* The guardian reminded: the one given, or else the local parent ("me"
 * in the parent role, which the parent view sets up); 0 if none yet. */
static gint64
current_guardian (QingReminders *self)
{
  gint64 id;

  if (self->guardian_id > 0)
    return self->guardian_id;
  id = qing_store_get_local_person (self->store, QING_ROLE_PARENT, NULL);
  return MAX (id, 0);
}

static char *
sent_setting_key (QingReminders *self)
{
  return g_strdup_printf (SENT_SETTING_PREFIX "%" G_GINT64_FORMAT, current_guardian (self));
}

/* Reads the day a reminder was last sent and, if it is still on screen,
 * its server id (0 otherwise).  Returns the day (free with g_free()) or NULL. */
static char *
read_sent (QingReminders *self, guint *server_id)
{
  g_autofree char *key = sent_setting_key (self);
  g_autofree char *sent = qing_store_get_setting (self->store, key);
  char *space;

  *server_id = 0;
  if (sent == NULL)
    return NULL;
  space = strchr (sent, ' ');
  if (space != NULL)
    {
      *space = '\0';
      *server_id = (guint) g_ascii_strtoull (space + 1, NULL, 10);
    }
  return g_steal_pointer (&sent);
}

static gboolean
was_sent_on (QingReminders *self, const char *day)
{
  guint server_id;
  g_autofree char *sent = read_sent (self, &server_id);

  return g_strcmp0 (sent, day) == 0;
}

static void
remember_sent (QingReminders *self, const char *day, guint server_id)
{
  g_autofree char *key = sent_setting_key (self);
  g_autofree char *value = NULL;
  g_autoptr (GError) error = NULL;

  value = server_id != 0 ? g_strdup_printf ("%s %u", day, server_id) : g_strdup (day);
  if (!qing_store_set_setting (self->store, key, value, &error))
    g_warning ("Saving the reminder's day: %s", error->message);
}

/* The reminder time on the local day of @local (UTC Unix seconds). */
static gint64
reminder_on (QingReminders *self, GDateTime *local)
{
  g_autoptr (GDateTime) at = g_date_time_new (qing_clock_get_timezone (self->clock),
                                              g_date_time_get_year (local),
                                              g_date_time_get_month (local),
                                              g_date_time_get_day_of_month (local),
                                              self->hour, self->minute, 0);
  return g_date_time_to_unix (at);
}

/* Whether @child_id's talks among @spans (parents' talks of several
 * children) met PARENT_DAILY on @today: one talk of 15 minutes; short
 * talks adding up to 15 minutes do not. */
static gboolean
child_done_on (QingReminders *self, gint64 child_id, const GDate *today, GArray *spans)
{
  g_autoptr (GArray) own = g_array_new (FALSE, FALSE, sizeof (QingTalkSpan));
  gboolean met = FALSE;

  for (guint i = 0; i < spans->len; i++)
    if (g_array_index (spans, QingTalkSpan, i).student_id == child_id)
      g_array_append_val (own, g_array_index (spans, QingTalkSpan, i));
  qing_cadence_mark_days (qing_cadence_rule_get_default (QING_CADENCE_PARENT_DAILY),
                          qing_clock_get_timezone (self->clock), today, 1,
                          (const QingTalkSpan *) (gpointer) own->data, own->len, &met);
  return met;
}

/* The parents' talks of @children on the local day of @local, one query. */
static GArray *
list_spans_of_day (QingReminders *self, GPtrArray *children, GDateTime *local, GError **error)
{
  g_autofree gint64 *ids = g_new (gint64, MAX (children->len, 1));
  g_autoptr (GDateTime) midnight = NULL;
  g_autoptr (GDateTime) next = NULL;

  for (guint i = 0; i < children->len; i++)
    ids[i] = qing_person_get_id (g_ptr_array_index (children, i));
  midnight = g_date_time_new (qing_clock_get_timezone (self->clock), g_date_time_get_year (local),
                              g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local), 0, 0, 0);
  next = g_date_time_add_days (midnight, 1);
  /* a talk belongs to the day it started on: [midnight, next midnight) */
  return qing_store_list_talk_spans_by_role (self->store, ids, children->len, QING_ROLE_PARENT,
                                             g_date_time_to_unix (midnight),
                                             g_date_time_to_unix (next), error);
}

GPtrArray *
qing_reminders_list_pending (QingReminders *self, GError **error)
{
  g_autoptr (GPtrArray) children = NULL;
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GArray) spans = NULL;
  GDate today;

  g_return_val_if_fail (QING_IS_REMINDERS (self), NULL);

  if (current_guardian (self) == 0)
    return g_steal_pointer (&pending);
  children = qing_store_list_children (self->store, current_guardian (self), error);
  if (children == NULL)
    return NULL;
  if (children->len == 0)
    return g_steal_pointer (&pending);
  local = local_now (self);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  spans = list_spans_of_day (self, children, local, error);
  if (spans == NULL)
    return NULL;
  for (guint i = 0; i < children->len; i++)
    {
      QingPerson *child = g_ptr_array_index (children, i);

      /* PARENT_DAILY: one talk of fifteen minutes, not short ones added up. */
      if (!child_done_on (self, qing_person_get_id (child), &today, spans))
        g_ptr_array_add (pending, g_object_ref (child));
    }
  return g_steal_pointer (&pending);
}

/* The notification's text for @pending (given names only). */
static char *
describe_pending (GPtrArray *pending)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < pending->len; i++)
    {
      g_autofree char *given = NULL;

      given = qing_timer_service_dup_given_name (
        qing_person_get_name (g_ptr_array_index (pending, i)));
      if (i > 0)
        /* Translators: separates children's names in a list ("小明、小红"). */
        g_string_append (names, C_("list of names", ", "));
      g_string_append (names, given);
    }
  /* Translators: %s lists children's given names, e.g. "小明, 小红". */
  return g_strdup_printf (_("Still waiting for today's fifteen minutes: %s"), names->str);
}

/* Closes a notification this process did not show, by its server id. */
static void
close_adopted (guint server_id)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  if (bus != NULL)
    g_dbus_connection_call (bus, "org.freedesktop.Notifications",
                            "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                            "CloseNotification", g_variant_new ("(u)", server_id), NULL,
                            G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
}

static void
withdraw (QingReminders *self)
{
  g_autofree char *day = g_strdup (self->shown_day);

  if (self->shown_day == NULL)
    return;
  if (self->notifier != NULL && qing_notifier_is_shown (self->notifier, QING_REMINDERS_TAG))
    qing_notifier_withdraw (self->notifier, QING_REMINDERS_TAG);
  else if (self->adopted_id != 0)
    close_adopted (self->adopted_id);
  self->adopted_id = 0;
  g_clear_pointer (&self->shown_day, g_free);
  g_clear_pointer (&self->shown_body, g_free);
  if (self->midnight_alarm != 0)
    qing_clock_remove_alarm (self->clock, self->midnight_alarm);
  self->midnight_alarm = 0;
  /* Still sent that day, but no longer on screen. */
  if (was_sent_on (self, day))
    remember_sent (self, day, 0);
}

static void
on_midnight (QingClock *clock, gpointer user_data)
{
  QingReminders *self = user_data;

  /* "Today's" list is no longer true tomorrow. */
  self->midnight_alarm = 0;
  withdraw (self);
}

/* Withdraws the notification at the end of its local day. */
static void
arm_midnight (QingReminders *self)
{
  g_autoptr (GDateTime) local = local_now (self);
  g_autoptr (GDateTime) noon = NULL;
  g_autoptr (GDateTime) tomorrow = NULL;
  g_autoptr (GDateTime) midnight = NULL;

  if (self->midnight_alarm != 0)
    return;
  noon = g_date_time_new (g_date_time_get_timezone (local), g_date_time_get_year (local),
                          g_date_time_get_month (local), g_date_time_get_day_of_month (local),
                          12, 0, 0);
  tomorrow = g_date_time_add_days (noon, 1);
  midnight = g_date_time_new (g_date_time_get_timezone (local), g_date_time_get_year (tomorrow),
                              g_date_time_get_month (tomorrow),
                              g_date_time_get_day_of_month (tomorrow), 0, 0, 0);
  self->midnight_alarm = qing_clock_add_alarm (self->clock, g_date_time_to_unix (midnight),
                                               on_midnight, self, NULL);
}

/* Shows (or updates) the reminder for @pending, unless its text is already
 * on screen.  Returns whether it is shown. */
static gboolean
show (QingReminders *self, GPtrArray *pending, const char *day)
{
  g_autofree char *body = describe_pending (pending);
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (self->shown_day, day) == 0 && g_strcmp0 (self->shown_body, body) == 0)
    return TRUE;
  if (self->notifier == NULL)
    return FALSE;
  if (!qing_notifier_show (self->notifier, QING_REMINDERS_TAG, _("Today's fifteen minutes"),
                           body, &error))
    {
      g_message ("%s", error->message);
      return FALSE;
    }
  g_free (self->shown_day);
  self->shown_day = g_strdup (day);
  g_free (self->shown_body);
  self->shown_body = g_steal_pointer (&body);
  remember_sent (self, day, qing_notifier_get_server_id (self->notifier, QING_REMINDERS_TAG));
  arm_midnight (self);
  return TRUE;
}

static void
on_alarm (QingClock *clock, gpointer user_data)
{
  QingReminders *self = user_data;
  g_autoptr (GDateTime) local = local_now (self);
  g_autofree char *today = format_day (local);
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GError) error = NULL;

  self->alarm_id = 0;

  /* Yesterday's list is no longer true. */
  if (self->shown_day != NULL && g_strcmp0 (self->shown_day, today) != 0)
    withdraw (self);

  /* Yesterday's alarm firing late (a laptop resumed in the morning) waits
   * for today's reminder time: arm() below sets it. */
  if (g_date_time_to_unix (local) < reminder_on (self, local))
    {
      arm (self);
      return;
    }
  g_free (self->checked_day);
  self->checked_day = g_strdup (today);
  if (!was_sent_on (self, today))
    {
      pending = qing_reminders_list_pending (self, &error);
      if (pending == NULL)
        g_warning ("Reading today's listening: %s", error->message);
      else if (pending->len > 0)
        show (self, pending, today);
    }
  arm (self);
}

/* Arms the alarm for the next reminder: today's if it is still to come, or
 * at once if today's time has passed and nothing was sent or checked
 * today, otherwise tomorrow's. */
static void
arm (QingReminders *self)
{
  g_autoptr (GDateTime) local = local_now (self);
  g_autofree char *today = format_day (local);
  gint64 now = g_date_time_to_unix (local);
  gint64 when = reminder_on (self, local);

  if (self->alarm_id != 0)
    qing_clock_remove_alarm (self->clock, self->alarm_id);
  self->alarm_id = 0;

  if (now >= when)
    {
      if (g_strcmp0 (self->checked_day, today) != 0 && !was_sent_on (self, today))
        when = now;
      else
        {
          /* Noon tomorrow is surely tomorrow, whatever the DST change. */
          g_autoptr (GDateTime) noon = g_date_time_new (g_date_time_get_timezone (local),
                                                        g_date_time_get_year (local),
                                                        g_date_time_get_month (local),
                                                        g_date_time_get_day_of_month (local),
                                                        12, 0, 0);
          g_autoptr (GDateTime) tomorrow = g_date_time_add_days (noon, 1);

          when = reminder_on (self, tomorrow);
        }
    }
  self->next_utc = when;
  self->alarm_id = qing_clock_add_alarm (self->clock, when, on_alarm, self, NULL);
}

/* A child's talks changed: update the reminder on screen, or withdraw it
 * once every child is done. */
static void
on_store_row_changed (QingStore      *store,
                      const char     *table,
                      gint64          row_id,
                      QingStoreChange kind,
                      gpointer        user_data)
{
  QingReminders *self = user_data;
  g_autofree char *today = NULL;
  g_autoptr (GPtrArray) pending = NULL;
  g_autoptr (GError) error = NULL;

  if (self->shown_day == NULL
      || (g_strcmp0 (table, "talks") != 0 && g_strcmp0 (table, "guardian_links") != 0
          && g_strcmp0 (table, "persons") != 0 && g_strcmp0 (table, "local_roles") != 0))
    return;

  today = today_string (self);
  if (g_strcmp0 (self->shown_day, today) != 0)
    {
      withdraw (self);
      return;
    }
  pending = qing_reminders_list_pending (self, &error);
  if (pending == NULL)
    g_warning ("Reading today's listening: %s", error->message);
  else if (pending->len == 0)
    withdraw (self);
  else if (self->adopted_id == 0)
    show (self, pending, today);
}

static gboolean
parse_time (const char *text, guint *hour, guint *minute)
{
  guint64 h, m;
  char *end;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  h = g_ascii_strtoull (text, &end, 10);
  if (*end != ':' || !g_ascii_isdigit (end[1]))
    return FALSE;
  m = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != '\0' || h > 23 || m > 59)
    return FALSE;
  *hour = h;
  *minute = m;
  return TRUE;
}

void
qing_reminders_set_reminder_time (QingReminders *self, const char *reminder_time)
{
  guint hour, minute;

  g_return_if_fail (QING_IS_REMINDERS (self));

  if (!parse_time (reminder_time, &hour, &minute))
    {
      g_warning ("Not a reminder time (HH:MM): %s", reminder_time ? reminder_time : "(null)");
      parse_time (DEFAULT_REMINDER_TIME, &hour, &minute);
      reminder_time = DEFAULT_REMINDER_TIME;
    }
  if (g_strcmp0 (self->reminder_time, reminder_time) == 0)
    return;
  g_free (self->reminder_time);
  self->reminder_time = g_strdup_printf ("%02u:%02u", hour, minute);
  self->hour = hour;
  self->minute = minute;
  if (self->store != NULL && self->clock != NULL && self->row_changed_id != 0)
    arm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDER_TIME]);
}

const char *
qing_reminders_get_reminder_time (QingReminders *self)
{
  g_return_val_if_fail (QING_IS_REMINDERS (self), NULL);
  return self->reminder_time;
}

gint64
qing_reminders_get_guardian_id (QingReminders *self)
{
  g_return_val_if_fail (QING_IS_REMINDERS (self), 0);
  return self->guardian_id;
}

gint64
qing_reminders_get_next_utc (QingReminders *self)
{
  g_return_val_if_fail (QING_IS_REMINDERS (self), 0);
  return self->next_utc;
}

/* A restart the evening the reminder is on screen: take it over. */
static void
adopt_shown (QingReminders *self)
{
  g_autofree char *today = today_string (self);
  guint server_id;
  g_autofree char *sent = read_sent (self, &server_id);

  if (server_id == 0)
    return;
  if (g_strcmp0 (sent, today) != 0)
    {
      /* Left over from an earlier day. */
      close_adopted (server_id);
      remember_sent (self, sent, 0);
      return;
    }
  self->adopted_id = server_id;
  self->shown_day = g_steal_pointer (&today);
  arm_midnight (self);
}

static void
qing_reminders_constructed (GObject *object)
{
  QingReminders *self = QING_REMINDERS (object);

  G_OBJECT_CLASS (qing_reminders_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  if (self->clock == NULL)
    self->clock = g_object_ref (qing_store_get_clock (self->store));
  if (self->reminder_time == NULL)
    qing_reminders_set_reminder_time (self, DEFAULT_REMINDER_TIME);
  self->row_changed_id = g_signal_connect (self->store, "row-changed",
                                           G_CALLBACK (on_store_row_changed), self);
  adopt_shown (self);
  arm (self);
}

static void
qing_reminders_dispose (GObject *object)
{
  QingReminders *self = QING_REMINDERS (object);

  if (self->alarm_id != 0)
    qing_clock_remove_alarm (self->clock, self->alarm_id);
  self->alarm_id = 0;
  if (self->midnight_alarm != 0)
    qing_clock_remove_alarm (self->clock, self->midnight_alarm);
  self->midnight_alarm = 0;
  g_clear_signal_handler (&self->row_changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->notifier);

  G_OBJECT_CLASS (qing_reminders_parent_class)->dispose (object);
}

static void
qing_reminders_finalize (GObject *object)
{
  QingReminders *self = QING_REMINDERS (object);

  g_free (self->reminder_time);
  g_free (self->checked_day);
  g_free (self->shown_day);
  g_free (self->shown_body);

  G_OBJECT_CLASS (qing_reminders_parent_class)->finalize (object);
}

static void
qing_reminders_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingReminders *self = QING_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_CLOCK: g_value_set_object (value, self->clock); break;
    case PROP_NOTIFIER: g_value_set_object (value, self->notifier); break;
    case PROP_GUARDIAN_ID: g_value_set_int64 (value, self->guardian_id); break;
    case PROP_REMINDER_TIME: g_value_set_string (value, self->reminder_time); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_reminders_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QingReminders *self = QING_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_CLOCK: self->clock = g_value_dup_object (value); break;
    case PROP_NOTIFIER: self->notifier = g_value_dup_object (value); break;
    case PROP_GUARDIAN_ID: self->guardian_id = g_value_get_int64 (value); break;
    case PROP_REMINDER_TIME:
      qing_reminders_set_reminder_time (self, g_value_get_string (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_reminders_class_init (QingRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags once = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                     | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = qing_reminders_constructed;
  object_class->dispose = qing_reminders_dispose;
  object_class->finalize = qing_reminders_finalize;
  object_class->get_property = qing_reminders_get_property;
  object_class->set_property = qing_reminders_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE, once);
  properties[PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, QING_TYPE_CLOCK, once);
  properties[PROP_NOTIFIER] = g_param_spec_object ("notifier", NULL, NULL, QING_TYPE_NOTIFIER,
                                                   once);
  properties[PROP_GUARDIAN_ID] = g_param_spec_int64 ("guardian-id", NULL, NULL,
                                                     0, G_MAXINT64, 0, once);
  properties[PROP_REMINDER_TIME] =
    g_param_spec_string ("reminder-time", NULL, NULL, DEFAULT_REMINDER_TIME,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_reminders_init (QingReminders *self)
{
}

QingReminders *
qing_reminders_new (QingStore *store, QingClock *clock, QingNotifier *notifier, gint64 guardian_id)
{
  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (clock == NULL || QING_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (notifier == NULL || QING_IS_NOTIFIER (notifier), NULL);

  return g_object_new (QING_TYPE_REMINDERS,
                       "store", store,
                       "clock", clock,
                       "notifier", notifier,
                       "guardian-id", guardian_id,
                       NULL);
}
