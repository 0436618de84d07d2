/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingDigest: the mentor's morning digest (see qing-digest.h).
 *
 * Arming: today's digest time if it is still to come; if the program
 * starts later the same morning (before noon) and today's digest was not
 * sent or checked, at once; otherwise tomorrow's.  A day without school
 * (weekend, holiday, outside every term) is checked and skipped; a day
 * with nothing planned and nobody overdue sends nothing.
 */
#include "qing-digest.h"

#include <glib/gi18n-lib.h>

#include "qing-school-calendar.h"
#include "qing-store-calendar.h"
#include "qing-store-digest.h"

#define DIGEST_TAG "mentor-digest"
#define DIGEST_PURPOSE "mentor-digest"
#define DEFAULT_TIME "07:30"

struct _QingDigest
{
  GObject parent_instance;
  QingStore *store;
  QingClock *clock;
  QingNotifier *notifier;
  gint64 mentor_id;
  char *digest_time;
  guint hour;
  guint minute;
  guint alarm_id;
  gint64 next_utc;
  char *checked_day;
};

G_DEFINE_FINAL_TYPE (QingDigest, qing_digest, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_NOTIFIER,
  PROP_MENTOR_ID,
  PROP_DIGEST_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
arm (QingDigest *self);

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

static GDateTime *
local_now (QingDigest *self)
{
  return qing_clock_get_now (self->clock);
}

/* The digest time on the local day of @day_time. */
static gint64
digest_on (QingDigest *self, GDateTime *day_time)
{
  g_autoptr (GDateTime) at
      = g_date_time_new (g_date_time_get_timezone (day_time), g_date_time_get_year (day_time),
                         g_date_time_get_month (day_time), g_date_time_get_day_of_month (day_time),
                         self->hour, self->minute, 0);

  return g_date_time_to_unix (at);
}

static char *
today_key (QingDigest *self)
{
  g_autoptr (GDateTime) local = local_now (self);

  return g_date_time_format (local, "%Y-%m-%d");
}

static gboolean
was_sent_today (QingDigest *self, const char *day)
{
  g_autoptr (GError) error = NULL;
  gboolean sent = FALSE;

  if (!qing_store_notification_was_sent (self->store, DIGEST_PURPOSE, day, &sent, &error))
    g_warning ("Reading the notifications sent: %s", error->message);
  return sent;
}

static void
on_alarm (QingClock *clock, gpointer user_data)
{
  QingDigest *self = user_data;
  g_autoptr (GError) error = NULL;

  self->alarm_id = 0;
  if (!qing_digest_send_if_due (self, &error) && error != NULL)
    g_message ("Morning digest: %s", error->message);
  arm (self);
}

static void
arm (QingDigest *self)
{
  g_autoptr (GDateTime) local = local_now (self);
  g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");
  gint64 now = g_date_time_to_unix (local);
  gint64 when = digest_on (self, local);

  if (self->alarm_id != 0)
    qing_clock_remove_alarm (self->clock, self->alarm_id);
  self->alarm_id = 0;

  if (now >= when)
    {
      if (g_date_time_get_hour (local) < 12 && g_strcmp0 (self->checked_day, today) != 0
          && !was_sent_today (self, today))
        when = now;
      else
        {
          /* Noon tomorrow is surely tomorrow, whatever the DST change. */
          g_autoptr (GDateTime) noon = g_date_time_new (
              g_date_time_get_timezone (local), g_date_time_get_year (local),
              g_date_time_get_month (local), g_date_time_get_day_of_month (local), 12, 0, 0);
          g_autoptr (GDateTime) tomorrow = g_date_time_add_days (noon, 1);

          when = digest_on (self, tomorrow);
        }
    }
  self->next_utc = when;
  self->alarm_id = qing_clock_add_alarm (self->clock, when, on_alarm, self, NULL);
}

static void
qing_digest_constructed (GObject *object)
{
  QingDigest *self = QING_DIGEST (object);

  G_OBJECT_CLASS (qing_digest_parent_class)->constructed (object);
  g_assert (self->store != NULL);
  if (self->clock == NULL)
    self->clock = g_object_ref (qing_store_get_clock (self->store));
  arm (self);
}

static void
qing_digest_dispose (GObject *object)
{
  QingDigest *self = QING_DIGEST (object);

  if (self->alarm_id != 0 && self->clock != NULL)
    qing_clock_remove_alarm (self->clock, self->alarm_id);
  self->alarm_id = 0;
  g_clear_object (&self->notifier);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (qing_digest_parent_class)->dispose (object);
}

static void
qing_digest_finalize (GObject *object)
{
  QingDigest *self = QING_DIGEST (object);

  g_free (self->digest_time);
  g_free (self->checked_day);
  G_OBJECT_CLASS (qing_digest_parent_class)->finalize (object);
}

static void
qing_digest_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingDigest *self = QING_DIGEST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_NOTIFIER:
      g_value_set_object (value, self->notifier);
      break;
    case PROP_MENTOR_ID:
      g_value_set_int64 (value, self->mentor_id);
      break;
    case PROP_DIGEST_TIME:
      g_value_set_string (value, self->digest_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_digest_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  QingDigest *self = QING_DIGEST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_NOTIFIER:
      self->notifier = g_value_dup_object (value);
      break;
    case PROP_MENTOR_ID:
      self->mentor_id = g_value_get_int64 (value);
      break;
    case PROP_DIGEST_TIME:
      if (!qing_digest_set_digest_time (self, g_value_get_string (value)))
        g_warning ("Ignoring the digest time “%s”: use HH:MM", g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_digest_class_init (QingDigestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = qing_digest_constructed;
  object_class->dispose = qing_digest_dispose;
  object_class->finalize = qing_digest_finalize;
  object_class->get_property = qing_digest_get_property;
  object_class->set_property = qing_digest_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE, construct);
  properties[PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, QING_TYPE_CLOCK, construct);
  properties[PROP_NOTIFIER]
      = g_param_spec_object ("notifier", NULL, NULL, QING_TYPE_NOTIFIER, construct);
  properties[PROP_MENTOR_ID]
      = g_param_spec_int64 ("mentor-id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_DIGEST_TIME]
      = g_param_spec_string ("digest-time", NULL, NULL, DEFAULT_TIME,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_digest_init (QingDigest *self)
{
  self->digest_time = g_strdup (DEFAULT_TIME);
  self->hour = 7;
  self->minute = 30;
}

/* Creates the digest and arms it.  Returns: (transfer full). */
QingDigest *
qing_digest_new (QingStore *store, QingClock *clock, QingNotifier *notifier, gint64 mentor_id)
{
  g_return_val_if_fail (QING_IS_STORE (store), NULL);

  return g_object_new (QING_TYPE_DIGEST, "store", store, "clock", clock, "notifier", notifier,
                       "mentor-id", mentor_id, NULL);
}

/* Returns: (transfer none): "HH:MM". */
const char *
qing_digest_get_digest_time (QingDigest *self)
{
  g_return_val_if_fail (QING_IS_DIGEST (self), NULL);
  return self->digest_time;
}

/* Sets "HH:MM" and re-arms; FALSE (no change) for anything else. */
gboolean
qing_digest_set_digest_time (QingDigest *self, const char *hh_mm)
{
  guint hour, minute;

  g_return_val_if_fail (QING_IS_DIGEST (self), FALSE);

  if (!parse_time (hh_mm, &hour, &minute))
    return FALSE;
  if (hour == self->hour && minute == self->minute)
    return TRUE;
  self->hour = hour;
  self->minute = minute;
  g_free (self->digest_time);
  self->digest_time = g_strdup_printf ("%02u:%02u", hour, minute);
  /* Before construction ends there is no clock yet: constructed() arms. */
  if (self->clock != NULL && self->store != NULL)
    arm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIGEST_TIME]);
  return TRUE;
}

gint64
qing_digest_get_next_utc (QingDigest *self)
{
  g_return_val_if_fail (QING_IS_DIGEST (self), 0);
  return self->next_utc;
}

static char *
describe (guint planned, guint overdue)
{
  g_autofree char *talks = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u planned talk", "%u planned talks", planned), planned);
  g_autofree char *late = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u student overdue", "%u students overdue", overdue), overdue);

  /* Translators: the morning digest, e.g. "Today: 4 planned talks, 2
   * students overdue"; the two parts are translated above */
  return g_strdup_printf (_("Today: %s, %s"), talks, late);
}

/* "Today: 4 planned talks, 2 students overdue".
 * Returns: (transfer full), or NULL with @error set. */
char *
qing_digest_build_body (QingDigest *self, GError **error)
{
  guint planned = 0, overdue = 0;

  g_return_val_if_fail (QING_IS_DIGEST (self), NULL);

  if (!qing_store_count_mentor_day (self->store, self->mentor_id,
                                    qing_clock_get_now_unix (self->clock), &planned, &overdue,
                                    error))
    return NULL;
  return describe (planned, overdue);
}

static gboolean
is_school_day_today (QingDigest *self, GError **error, gboolean *out_school)
{
  g_autoptr (QingSchoolCalendar) cal = qing_store_load_school_calendar (self->store, error);
  g_autoptr (GDateTime) local = local_now (self);
  GDate today;

  if (cal == NULL)
    return FALSE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  *out_school = qing_school_calendar_is_school_day (cal, &today);
  return TRUE;
}

/* Sends today's digest if it is due (see qing-digest.h).
 * Returns: TRUE if a notification was shown. */
gboolean
qing_digest_send_if_due (QingDigest *self, GError **error)
{
  g_autofree char *today = NULL;
  g_autofree char *body = NULL;
  guint planned = 0, overdue = 0;
  gboolean school = FALSE;

  g_return_val_if_fail (QING_IS_DIGEST (self), FALSE);

  today = today_key (self);
  g_free (self->checked_day);
  self->checked_day = g_strdup (today);
  if (was_sent_today (self, today) || self->mentor_id <= 0)
    return FALSE;
  if (!is_school_day_today (self, error, &school) || !school)
    return FALSE;
  if (!qing_store_count_mentor_day (self->store, self->mentor_id,
                                    qing_clock_get_now_unix (self->clock), &planned, &overdue,
                                    error))
    return FALSE;
  if (planned == 0 && overdue == 0)
    return FALSE;
  if (self->notifier == NULL)
    return FALSE;

  body = describe (planned, overdue);
  if (!qing_notifier_show (self->notifier, DIGEST_TAG, _("Your talks today"), body, error))
    return FALSE;
  return qing_store_record_notification (self->store, DIGEST_PURPOSE, today,
                                         qing_clock_get_now_unix (self->clock), error);
}
