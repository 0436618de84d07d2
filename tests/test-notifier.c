/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingNotifier against a real notification server (dunst in
 * tests/headless-session.sh): the Chinese text reaches the server, and a
 * second show under the same tag replaces the first (same id) instead of
 * stacking.  A D-Bus monitor connection watches the Notify calls.
 * Skips without a session bus and a server unless QING_TEST_REQUIRE_DISPLAY=1.
 */
#include <locale.h>

#include "qing-notifier.h"

#define TITLE  "倾听一刻钟"
#define BODY_1 "今天还有 2 个孩子没有完成 15 分钟谈心。"
#define BODY_2 "今天还有 1 个孩子没有完成 15 分钟谈心。"

static GDBusConnection *monitor;
static GAsyncQueue *notify_calls; /* GDBusMessage* of Notify calls */

static GDBusMessage *
on_monitored_message (GDBusConnection *connection, GDBusMessage *message,
                      gboolean incoming, gpointer user_data)
{
  /* Runs in GDBus's worker thread: hand the watched calls over to the
   * test (and keep them from being dispatched); let the rest through. */
  if (incoming && g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL
      && g_strcmp0 (g_dbus_message_get_member (message), "Notify") == 0)
    {
      g_async_queue_push (notify_calls, message);
      return NULL;
    }
  return message;
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

static void
start_monitor (void)
{
  const char *rules[] = {
    "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
    NULL
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  notify_calls = g_async_queue_new_full (g_object_unref);
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
}

/* Waits (with a deadline) for the next Notify call the monitor saw. */
static GVariant *
next_notify_call (void)
{
  g_autoptr (GDBusMessage) message = g_async_queue_timeout_pop (notify_calls,
                                                                10 * G_USEC_PER_SEC);

  g_assert_nonnull (message);
  g_assert_cmpstr (g_variant_get_type_string (g_dbus_message_get_body (message)), ==,
                   "(susssasa{sv}i)");
  return g_variant_ref (g_dbus_message_get_body (message));
}

static void
check_call (GVariant *call, guint expected_replaces_id, const char *expected_body)
{
  g_autoptr (GVariant) hints = NULL;
  const char *summary, *body, *desktop_entry = NULL;
  guint replaces_id;

  g_variant_get_child (call, 1, "u", &replaces_id);
  g_variant_get_child (call, 3, "&s", &summary);
  g_variant_get_child (call, 4, "&s", &body);
  hints = g_variant_get_child_value (call, 6);
  g_variant_lookup (hints, "desktop-entry", "&s", &desktop_entry);

  g_assert_cmpuint (replaces_id, ==, expected_replaces_id);
  g_assert_cmpstr (summary, ==, TITLE);
  g_assert_cmpstr (body, ==, expected_body);
  g_assert_cmpstr (desktop_entry, ==, APP_ID);
}

/* dunst keeps closed notifications in its history: read it to see what
 * the server itself holds.  Returns NULL when the server is not dunst. */
static GVariant *
dunst_history (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) info = NULL;
  g_autoptr (GVariant) reply = NULL;
  const char *name = NULL;

  info = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                      "/org/freedesktop/Notifications",
                                      "org.freedesktop.Notifications", "GetServerInformation",
                                      NULL, G_VARIANT_TYPE ("(ssss)"), G_DBUS_CALL_FLAGS_NONE,
                                      -1, NULL, NULL);
  if (info == NULL)
    return NULL;
  g_variant_get_child (info, 0, "&s", &name);
  if (g_strcmp0 (name, "dunst") != 0)
    return NULL;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications",
                                       "org.dunstproject.cmd0", "NotificationListHistory",
                                       NULL, G_VARIANT_TYPE ("(aa{sv})"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  return reply ? g_variant_get_child_value (reply, 0) : NULL;
}

/* Returns how many notifications with @id dunst holds; sets @body to the
 * last one's body (owned by @history). */
static guint
count_in_history (GVariant *history, gint id, const char **body)
{
  GVariantIter iter;
  GVariant *entry;
  guint count = 0;

  g_variant_iter_init (&iter, history);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      gint32 entry_id = -1;
      const char *entry_body = NULL;

      g_variant_lookup (entry, "id", "i", &entry_id);
      if (entry_id == id && g_variant_lookup (entry, "body", "&s", &entry_body))
        {
          *body = entry_body;
          count++;
        }
      g_variant_unref (entry);
    }
  return count;
}

static void
test_show_replaces_same_tag (void)
{
  g_autoptr (QingNotifier) notifier = NULL;
  g_autoptr (GVariant) first = NULL;
  g_autoptr (GVariant) second = NULL;
  g_autoptr (GVariant) other = NULL;
  g_autoptr (GVariant) history = NULL;
  g_autoptr (GError) error = NULL;
  const char *body = NULL;
  gint id1, id2, id3;

  if (monitor == NULL)
    {
      g_test_skip ("No session bus with a notification server");
      return;
    }
  notifier = qing_notifier_new ();

  g_assert_true (qing_notifier_show (notifier, "parent-reminder", TITLE, BODY_1, &error));
  g_assert_no_error (error);
  id1 = qing_notifier_get_server_id (notifier, "parent-reminder");
  g_assert_cmpint (id1, >, 0);
  first = next_notify_call ();
  check_call (first, 0, BODY_1);

  /* The same tag again: the server is asked to replace, and keeps the id. */
  g_assert_true (qing_notifier_show (notifier, "parent-reminder", TITLE, BODY_2, &error));
  g_assert_no_error (error);
  id2 = qing_notifier_get_server_id (notifier, "parent-reminder");
  g_assert_cmpint (id2, ==, id1);
  second = next_notify_call ();
  check_call (second, id1, BODY_2);

  /* Another tag is another notification. */
  g_assert_true (qing_notifier_show (notifier, "mentor-digest", TITLE, BODY_1, &error));
  g_assert_no_error (error);
  id3 = qing_notifier_get_server_id (notifier, "mentor-digest");
  g_assert_cmpint (id3, >, 0);
  g_assert_cmpint (id3, !=, id1);
  other = next_notify_call ();
  check_call (other, 0, BODY_1);

  qing_notifier_withdraw (notifier, "parent-reminder");
  g_assert_false (qing_notifier_is_shown (notifier, "parent-reminder"));
  g_assert_true (qing_notifier_is_shown (notifier, "mentor-digest"));
  g_assert_cmpint (qing_notifier_get_server_id (notifier, "parent-reminder"), ==, 0);
  qing_notifier_withdraw (notifier, "mentor-digest");

  /* What the server holds: one notification per tag, with the Chinese text
   * of the last show (dunst keeps withdrawn ones in its history). */
  history = dunst_history ();
  if (history == NULL)
    {
      g_test_message ("The notification server is not dunst; its history is not checked");
      return;
    }
  g_assert_cmpuint (count_in_history (history, id1, &body), ==, 1);
  g_assert_cmpstr (body, ==, BODY_2);
  g_assert_cmpuint (count_in_history (history, id3, &body), ==, 1);
  g_assert_cmpstr (body, ==, BODY_1);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  if (server_available ())
    start_monitor ();
  else if (g_strcmp0 (g_getenv ("QING_TEST_REQUIRE_DISPLAY"), "1") == 0)
    g_error ("No notification server on the session bus, but QING_TEST_REQUIRE_DISPLAY=1");

  g_test_add_func ("/notifier/show-replaces-same-tag", test_show_replaces_same_tag);
  status = g_test_run ();

  g_clear_object (&monitor);
  g_clear_pointer (&notify_calls, g_async_queue_unref);
  return status;
}
