/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingNotifier: the program's desktop notifications (libnotify).
 *
 * One notification per purpose, named by a tag ("parent-reminder",
 * "timer-15min:<student uuid>", "mentor-digest" …): showing a tag again
 * REPLACES its notification instead of stacking a new one, and withdrawing
 * a tag closes it.
 *
 * PRIVACY: notifications appear on lock screens and shared screens.  Never
 * put a child's mood, a note, a flag's text or anything a counselor keeps
 * in confidence into a title or a body.  Say that something needs
 * attention and let the user open the app to read it.
 */
#pragma once

#include <gio/gio.h>
#include <libnotify/notify.h>

G_BEGIN_DECLS

#define QING_NOTIFIER_ERROR (qing_notifier_error_quark ())

typedef enum
{
  QING_NOTIFIER_ERROR_UNAVAILABLE, /* no notification service could be reached */
  QING_NOTIFIER_ERROR_FAILED,      /* the service refused or failed */
} QingNotifierError;

#define QING_TYPE_NOTIFIER (qing_notifier_get_type ())
G_DECLARE_FINAL_TYPE (QingNotifier, qing_notifier, QING, NOTIFIER, GObject)

GQuark        qing_notifier_error_quark (void);

QingNotifier *qing_notifier_new       (void);
gboolean      qing_notifier_show      (QingNotifier *self,
                                       const char   *tag,
                                       const char   *title,
                                       const char   *body,
                                       GError      **error);
gboolean      qing_notifier_show_full (QingNotifier *self,
                                       const char   *tag,
                                       const char   *title,
                                       const char   *body,
                                       const char   *category,
                                       NotifyUrgency urgency,
                                       GError      **error);
void          qing_notifier_withdraw  (QingNotifier *self,
                                       const char   *tag);
gboolean      qing_notifier_is_shown  (QingNotifier *self,
                                       const char   *tag);
gint          qing_notifier_get_server_id (QingNotifier *self,
                                           const char   *tag);

G_END_DECLS
