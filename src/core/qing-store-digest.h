/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the mentor's morning digest (services/qing-digest.h) reads and
 * writes in the store: the day's counts, and the notifications_sent rows
 * that keep a notification from being sent twice.
 */
#pragma once

#include "qing-store.h"

G_BEGIN_DECLS

/* Counts for the mentor's local day of @now_utc: open plan entries that day
 * (planned or moved) and the students of all the mentor's groups whose
 * cycle talk is overdue (each student once).  Counts only: no names. */
gboolean qing_store_count_mentor_day (QingStore  *self,
                                      gint64      mentor_id,
                                      gint64      now_utc,
                                      guint      *out_planned,
                                      guint      *out_overdue,
                                      GError    **error);

/* Whether a notification for @purpose and @dedup_key was already sent. */
gboolean qing_store_notification_was_sent (QingStore  *self,
                                           const char *purpose,
                                           const char *dedup_key,
                                           gboolean   *out_sent,
                                           GError    **error);
/* Remembers that it was sent at @sent_utc (nothing if already known). */
gboolean qing_store_record_notification (QingStore  *self,
                                         const char *purpose,
                                         const char *dedup_key,
                                         gint64      sent_utc,
                                         GError    **error);

G_END_DECLS
