/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Peer-support sessions (心理委员, every two weeks per class) in the store,
 * and the class's PEER_BIWEEKLY status for its own status line.
 */
#pragma once

#include "qing-cadence.h"
#include "qing-store.h"

G_BEGIN_DECLS

/* One peer session.  Plain value with owned strings. */
typedef struct
{
  gint64 id;
  gint64 group_id;
  GDate  day;
  gint64 led_by;          /* a person (the 心理委员), or 0 */
  char  *led_by_name;     /* free text when not a person in the store; or NULL */
  guint  participants;
  gint   duration_s;      /* -1 when not recorded: then it counts as effective */
  char  *topic;           /* may be NULL */
  char  *note;            /* may be NULL */
} QingPeerSession;

/* Frees the members of @session (a GArray clear func). */
void     qing_peer_session_clear (QingPeerSession *session);

/* Records a session; on success session->id is set.  Needs a group, a
 * valid day and led_by or led_by_name. */
gboolean qing_store_add_peer_session    (QingStore       *self,
                                         QingPeerSession *session,
                                         GError         **error);
gboolean qing_store_remove_peer_session (QingStore  *self,
                                         gint64      session_id,
                                         GError    **error);
/* A class's sessions, newest first (@limit 0 = all).
 * Returns: (transfer full) (element-type QingPeerSession), clear func set,
 * or NULL with @error set. */
GArray  *qing_store_list_peer_sessions  (QingStore  *self,
                                         gint64      group_id,
                                         guint       limit,
                                         GError    **error);
/* The class's PEER_BIWEEKLY status at @now_utc (student_id = group id).
 * A session without a duration counts as one effective session. */
gboolean qing_store_get_peer_status     (QingStore         *self,
                                         gint64             group_id,
                                         gint64             now_utc,
                                         QingCadenceStatus *out_status,
                                         GError           **error);
/* The status line: "Peer session: Done on Nov 25" / "Peer session: 3
 * school days left" / "Peer session: Overdue by 2 days".
 * Returns: (transfer full). */
char    *qing_peer_status_describe      (const QingCadenceStatus *status);

G_END_DECLS
