/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingReminders: the parent's evening reminder.
 *
 * Every day at "reminder-time" (local time of the clock's zone, default
 * 20:00), ONE notification (tag "parent-reminder") lists the guardian's
 * children whose fifteen minutes of listening are not done today (the
 * parent talks of the day add up, as in the PARENT_DAILY rule).  It is sent
 * at most once a day: the day is remembered in the store's settings, so a
 * restart the same evening does not send it again; a program started after
 * the reminder time on a day it was not sent sends it at once.  As soon as
 * a child reaches 15 minutes the notification is updated (fewer names) and
 * withdrawn when the last one is done.  Only given names are shown; never
 * a mood or a note.
 */
#pragma once

#include <gio/gio.h>

#include "qing-clock.h"
#include "qing-notifier.h"
#include "qing-store.h"

G_BEGIN_DECLS

/* The notification's tag (see QingNotifier). */
#define QING_REMINDERS_TAG "parent-reminder"

#define QING_TYPE_REMINDERS (qing_reminders_get_type ())
G_DECLARE_FINAL_TYPE (QingReminders, qing_reminders, QING, REMINDERS, GObject)

/* Creates the reminders of guardian @guardian_id (construct-only
 * properties "store", "clock" (NULL: the store's), "notifier" (NULL: none
 * shown), "guardian-id" (0: the local parent, qing_store_get_local_person
 * (store, QING_ROLE_PARENT), looked up at each reminder, so the app can
 * create this before the parent role is set up)) and arms the next one.  Bind
 * "reminder-time" to the GSettings key of the same name.  Returns a full
 * reference. */
QingReminders *qing_reminders_new (QingStore    *store,
                                   QingClock    *clock,
                                   QingNotifier *notifier,
                                   gint64        guardian_id);

/* The local time of the daily reminder, "HH:MM" (owned by @self). */
const char    *qing_reminders_get_reminder_time (QingReminders *self);

/* Sets the reminder time ("HH:MM", 00:00–23:59; anything else is refused
 * with a warning and 20:00 kept) and re-arms the alarm. */
void           qing_reminders_set_reminder_time (QingReminders *self,
                                                 const char    *reminder_time);

gint64         qing_reminders_get_guardian_id (QingReminders *self);

/* Returns the children of the guardian whose fifteen minutes are not done
 * today (a new array of QingPerson, in the store's order), or NULL with
 * @error set. */
GPtrArray     *qing_reminders_list_pending (QingReminders *self,
                                            GError       **error);

/* When the next reminder is due (UTC Unix seconds). */
gint64         qing_reminders_get_next_utc (QingReminders *self);

G_END_DECLS
