/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingNotifier keeps one NotifyNotification per tag, so that libnotify
 * sends the server the id of the notification already shown and the server
 * replaces it: a repeated reminder never stacks.  See the header for the
 * rule about what may be written in a notification.
 */
#include <glib/gi18n.h>

#include "qing-notifier.h"

struct _QingNotifier
{
  GObject     parent_instance;

  GHashTable *shown; /* tag (owned) → NotifyNotification (owned) */
};

G_DEFINE_FINAL_TYPE (QingNotifier, qing_notifier, G_TYPE_OBJECT)

G_DEFINE_QUARK (qing-notifier-error-quark, qing_notifier_error)

/* The category for reminders; servers may group or style by it. */
#define DEFAULT_CATEGORY "x-qingting.reminder"

static void
on_default_action (NotifyNotification *notification, char *action, gpointer user_data)
{
  GApplication *app = g_application_get_default ();

  /* Clicking the notification opens the app; what it is about is shown
   * there, never in the notification itself. */
  if (app != NULL)
    g_application_activate (app);
}

typedef struct
{
  QingNotifier *self; /* weak */
  char         *tag;
} ClosedData;

static void
closed_data_free (gpointer data, GClosure *closure)
{
  ClosedData *closed = data;

  g_clear_weak_pointer (&closed->self);
  g_free (closed->tag);
  g_free (closed);
}

static void
on_notification_closed (NotifyNotification *notification, gpointer user_data)
{
  ClosedData *closed = user_data;

  /* Closed by the user or the server: the next show of this tag starts a
   * new notification rather than reviving an id the server has dropped. */
  if (closed->self != NULL
      && g_hash_table_lookup (closed->self->shown, closed->tag) == notification)
    g_hash_table_remove (closed->self->shown, closed->tag);
}

static NotifyNotification *
create_notification (QingNotifier *self, const char *tag, const char *title, const char *body)
{
  NotifyNotification *notification = notify_notification_new (title, body, APP_ID);
  ClosedData *closed = g_new0 (ClosedData, 1);

  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  notify_notification_add_action (notification, "default", _("Open"),
                                  on_default_action, NULL, NULL);
  g_set_weak_pointer (&closed->self, self);
  closed->tag = g_strdup (tag);
  g_signal_connect_data (notification, "closed", G_CALLBACK (on_notification_closed),
                         closed, closed_data_free, 0);
  g_hash_table_insert (self->shown, g_strdup (tag), notification);
  return notification;
}

static void
qing_notifier_finalize (GObject *object)
{
  QingNotifier *self = QING_NOTIFIER (object);

  g_clear_pointer (&self->shown, g_hash_table_unref);
  G_OBJECT_CLASS (qing_notifier_parent_class)->finalize (object);
}

static void
qing_notifier_class_init (QingNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qing_notifier_finalize;
}

static void
qing_notifier_init (QingNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* Returns a new notifier (full reference).  The first one initialises
 * libnotify with the program's name. */
QingNotifier *
qing_notifier_new (void)
{
  if (!notify_is_initted ())
    notify_init ("Qingting");
  return g_object_new (QING_TYPE_NOTIFIER, NULL);
}

/* Shows a reminder-category notification of normal urgency under @tag,
 * replacing the one shown under @tag before.  @title and @body must never
 * carry a child's mood, a note or confidential content (see the header). */
gboolean
qing_notifier_show (QingNotifier *self,
                    const char   *tag,
                    const char   *title,
                    const char   *body,
                    GError      **error)
{
  return qing_notifier_show_full (self, tag, title, body, DEFAULT_CATEGORY,
                                  NOTIFY_URGENCY_NORMAL, error);
}

/* Like qing_notifier_show(), with the category hint (e.g.
 * "x-qingting.timer"; NULL for none) and the urgency given. */
gboolean
qing_notifier_show_full (QingNotifier *self,
                         const char   *tag,
                         const char   *title,
                         const char   *body,
                         const char   *category,
                         NotifyUrgency urgency,
                         GError      **error)
{
  NotifyNotification *notification;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (QING_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (tag != NULL && title != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  notification = g_hash_table_lookup (self->shown, tag);
  if (notification != NULL)
    notify_notification_update (notification, title, body, APP_ID);
  else
    notification = create_notification (self, tag, title, body);
  if (category != NULL)
    notify_notification_set_category (notification, category);
  notify_notification_set_urgency (notification, urgency);

  if (!notify_notification_show (notification, &local_error))
    {
      gboolean unreachable = g_error_matches (local_error, G_DBUS_ERROR,
                                              G_DBUS_ERROR_SERVICE_UNKNOWN)
                             || g_error_matches (local_error, G_DBUS_ERROR,
                                                 G_DBUS_ERROR_NAME_HAS_NO_OWNER);
      g_set_error (error, QING_NOTIFIER_ERROR,
                   unreachable ? QING_NOTIFIER_ERROR_UNAVAILABLE : QING_NOTIFIER_ERROR_FAILED,
                   _("The notification could not be shown: %s"), local_error->message);
      g_hash_table_remove (self->shown, tag);
      return FALSE;
    }
  return TRUE;
}

/* Closes the notification shown under @tag, if any (e.g. once the reminded
 * talk is done). */
void
qing_notifier_withdraw (QingNotifier *self, const char *tag)
{
  NotifyNotification *notification;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (QING_IS_NOTIFIER (self));
  g_return_if_fail (tag != NULL);

  notification = g_hash_table_lookup (self->shown, tag);
  if (notification == NULL)
    return;
  if (!notify_notification_close (notification, &error))
    g_debug ("Could not withdraw the notification %s: %s", tag, error->message);
  g_hash_table_remove (self->shown, tag);
}

/* Returns whether a notification is shown under @tag (as far as the
 * notifier knows: not withdrawn, not closed by the user). */
gboolean
qing_notifier_is_shown (QingNotifier *self, const char *tag)
{
  g_return_val_if_fail (QING_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);
  return g_hash_table_contains (self->shown, tag);
}

/* Returns the id the notification server gave the notification under
 * @tag, or 0 when none is shown.  For tests and debugging. */
gint
qing_notifier_get_server_id (QingNotifier *self, const char *tag)
{
  NotifyNotification *notification;
  gint id = 0;

  g_return_val_if_fail (QING_IS_NOTIFIER (self), 0);
  g_return_val_if_fail (tag != NULL, 0);

  notification = g_hash_table_lookup (self->shown, tag);
  if (notification != NULL)
    g_object_get (notification, "id", &id, NULL);
  return id;
}
