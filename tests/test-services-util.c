/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-services-util.h"

#define MARKER_TAG   "test-marker"
#define MARKER_TITLE "test marker"

static GDBusConnection *monitor;
static GAsyncQueue *seen_calls; /* SeenCall* */

void
seen_call_free (SeenCall *call)
{
  g_free (call->summary);
  g_free (call->body);
  g_free (call);
}

GDateTime *
services_shanghai (int y, int m, int d, int h, int min, int s)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  return g_date_time_new (tz, y, m, d, h, min, s);
}

gint64
services_shanghai_unix (int y, int m, int d, int h, int min, int s)
{
  g_autoptr (GDateTime) dt = services_shanghai (y, m, d, h, min, s);

  return g_date_time_to_unix (dt);
}

static gint64
add_child (ServicesFixture *fx, const char *name)
{
  g_autoptr (QingPerson) child = qing_person_new (QING_PERSON_STUDENT, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_child (fx->store, fx->guardian_id, child, "母亲", &error));
  g_assert_no_error (error);
  return qing_person_get_id (child);
}

/* A new store in a new folder, with a guardian and two children. */
void
services_fixture_open (ServicesFixture *fx, GDateTime *now)
{
  g_autoptr (QingPerson) guardian = qing_person_new (QING_PERSON_GUARDIAN, "王丽华");
  g_autoptr (GError) error = NULL;

  memset (fx, 0, sizeof *fx);
  fx->dir = g_dir_make_tmp ("qing-services-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "qingting.db", NULL);
  fx->clock = qing_clock_new_manual (now);
  fx->store = qing_store_open (fx->path, fx->clock, &error);
  g_assert_no_error (error);
  g_assert_true (qing_store_add_person (fx->store, guardian, &error));
  g_assert_no_error (error);
  fx->guardian_id = qing_person_get_id (guardian);
  fx->xiaoming_id = add_child (fx, "张小明");
  fx->xiaohong_id = add_child (fx, "李小红");
}

/* Closes the store and opens the same file again (a restart), same clock. */
void
services_fixture_reopen (ServicesFixture *fx)
{
  g_autoptr (GError) error = NULL;

  g_assert_finalize_object (fx->store);
  fx->store = qing_store_open (fx->path, fx->clock, &error);
  g_assert_no_error (error);
}

void
services_fixture_close (ServicesFixture *fx)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&fx->store);
  g_clear_object (&fx->clock);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fx->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}

/* Adds a parent talk of the guardian with @child_id; returns its id. */
gint64
services_add_talk (ServicesFixture *fx, gint64 child_id, gint64 start_utc, gint duration_s)
{
  g_autoptr (QingTalk) talk = qing_talk_new (child_id, fx->guardian_id, QING_ROLE_PARENT,
                                             start_utc, duration_s);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_talk (fx->store, talk, &error));
  g_assert_no_error (error);
  return qing_talk_get_id (talk);
}

static GDBusMessage *
on_monitored_message (GDBusConnection *connection, GDBusMessage *message,
                      gboolean incoming, gpointer user_data)
{
  const char *member = g_dbus_message_get_member (message);
  GVariant *body = g_dbus_message_get_body (message);
  SeenCall *call;

  /* GDBus's worker thread: hand the calls over to the test. */
  if (!incoming || g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_METHOD_CALL
      || body == NULL)
    return message;
  if (g_strcmp0 (member, "Notify") == 0
      && g_str_equal (g_variant_get_type_string (body), "(susssasa{sv}i)"))
    {
      call = g_new0 (SeenCall, 1);
      g_variant_get_child (body, 1, "u", &call->id);
      g_variant_get_child (body, 3, "s", &call->summary);
      g_variant_get_child (body, 4, "s", &call->body);
    }
  else if (g_strcmp0 (member, "CloseNotification") == 0
           && g_str_equal (g_variant_get_type_string (body), "(u)"))
    {
      call = g_new0 (SeenCall, 1);
      call->close = TRUE;
      g_variant_get (body, "(u)", &call->id);
    }
  else
    return message;
  g_async_queue_push (seen_calls, call);
  g_object_unref (message);
  return NULL;
}

static gboolean
server_available (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.Notifications"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

gboolean
services_monitor_start (void)
{
  const char *rules[] = {
    "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
    "type='method_call',interface='org.freedesktop.Notifications',member='CloseNotification'",
    NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autofree char *address = NULL;

  if (!server_available ())
    {
      if (g_strcmp0 (g_getenv ("QING_TEST_REQUIRE_DISPLAY"), "1") == 0)
        g_error ("No notification server on the session bus, but QING_TEST_REQUIRE_DISPLAY=1");
      return FALSE;
    }
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  seen_calls = g_async_queue_new_full ((GDestroyNotify) seen_call_free);
  monitor = g_dbus_connection_new_for_address_sync (
    address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_add_filter (monitor, on_monitored_message, NULL, NULL);
  reply = g_dbus_connection_call_sync (monitor, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus.Monitoring", "BecomeMonitor",
                                       g_variant_new ("(^asu)", rules, 0), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  return TRUE;
}

gboolean
services_monitor_running (void)
{
  return monitor != NULL;
}

void
services_monitor_stop (void)
{
  g_clear_object (&monitor);
  g_clear_pointer (&seen_calls, g_async_queue_unref);
}

GPtrArray *
services_monitor_drain (QingNotifier *notifier)
{
  g_autoptr (GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) seen_call_free);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (monitor);
  g_assert_true (qing_notifier_show (notifier, MARKER_TAG, MARKER_TITLE, "", &error));
  g_assert_no_error (error);
  for (;;)
    {
      SeenCall *call = g_async_queue_timeout_pop (seen_calls, 10 * G_USEC_PER_SEC);

      g_assert_nonnull (call);
      if (!call->close && g_strcmp0 (call->summary, MARKER_TITLE) == 0)
        {
          seen_call_free (call);
          break;
        }
      g_ptr_array_add (calls, call);
    }
  qing_notifier_withdraw (notifier, MARKER_TAG);
  /* …and the marker's own CloseNotification. */
  for (;;)
    {
      g_autoptr (SeenCall) call = g_async_queue_timeout_pop (seen_calls, 10 * G_USEC_PER_SEC);

      g_assert_nonnull (call);
      if (call->close)
        break;
      g_ptr_array_add (calls, g_steal_pointer (&call));
    }
  return g_steal_pointer (&calls);
}
