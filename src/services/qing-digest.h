/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingDigest: the mentor's morning digest.  At "digest-time" (local, default
 * 07:30) on each school day, ONE notification: "Today: 4 planned talks, 2
 * students overdue" — counts only, never a student's name or a note.  Sent
 * at most once a day (notifications_sent, purpose "mentor-digest", key the
 * day), skipped on days without school (weekends, holidays, outside every
 * term) and on days with nothing planned and nobody overdue, re-armed for
 * the next day.  A program started later the same morning (before noon)
 * sends the day's digest at once if it was not sent yet.
 */
#pragma once

#include <gio/gio.h>

#include "qing-clock.h"
#include "qing-notifier.h"
#include "qing-store.h"

G_BEGIN_DECLS

#define QING_TYPE_DIGEST (qing_digest_get_type ())
G_DECLARE_FINAL_TYPE (QingDigest, qing_digest, QING, DIGEST, GObject)

/* Creates the digest and arms its alarm on @clock.  All four are
 * construct-only properties ("store", "clock" (NULL: the store's),
 * "notifier" (NULL: nothing is shown), "mentor-id");
 * "digest-time" ("HH:MM") can change later (re-arms).
 * Returns: (transfer full). */
QingDigest *qing_digest_new (QingStore    *store,
                             QingClock    *clock,
                             QingNotifier *notifier,
                             gint64        mentor_id);

const char *qing_digest_get_digest_time (QingDigest *self);
/* Sets "HH:MM" (00:00–23:59); FALSE and no change for anything else. */
gboolean    qing_digest_set_digest_time (QingDigest *self,
                                         const char *hh_mm);
/* Unix time the next digest is armed for (0 if none). */
gint64      qing_digest_get_next_utc    (QingDigest *self);

/* The digest's text for the clock's today: "Today: 4 planned talks, 2
 * students overdue".
 * Returns: (transfer full), or NULL with @error set. */
char       *qing_digest_build_body      (QingDigest  *self,
                                         GError     **error);
/* Sends today's digest now if it was not sent today and today is a school
 * day (what the alarm does).  Returns: TRUE if a notification was shown. */
gboolean    qing_digest_send_if_due     (QingDigest  *self,
                                         GError     **error);

G_END_DECLS
