/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the timer and reminder tests: a temporary store with a manual
 * clock in Asia/Shanghai, a guardian and invented children, and a D-Bus
 * monitor that sees the Notify and CloseNotification calls reaching the
 * notification server (dunst in tests/headless-session.sh).
 */
#pragma once

#include <glib/gstdio.h>

#include "qing-notifier.h"
#include "qing-repository.h"

G_BEGIN_DECLS

typedef struct
{
  char      *dir;
  char      *path;
  QingClock *clock;
  QingStore *store;
  gint64     guardian_id;
  gint64     xiaoming_id;   /* 张小明 */
  gint64     xiaohong_id;   /* 李小红 */
} ServicesFixture;

/* A notification call the monitor saw. */
typedef struct
{
  gboolean close;          /* CloseNotification rather than Notify */
  guint    id;             /* replaces_id of Notify, id of CloseNotification */
  char    *summary;
  char    *body;
} SeenCall;

void       seen_call_free (SeenCall *call);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeenCall, seen_call_free)

GDateTime *services_shanghai (int y, int m, int d, int h, int min, int s);
gint64     services_shanghai_unix (int y, int m, int d, int h, int min, int s);

void       services_fixture_open (ServicesFixture *fx, GDateTime *now);
void       services_fixture_reopen (ServicesFixture *fx);
void       services_fixture_close (ServicesFixture *fx);

gint64     services_add_talk (ServicesFixture *fx, gint64 child_id, gint64 start_utc,
                              gint duration_s);

/* Starts the monitor if a notification server is there (or aborts if
 * QING_TEST_REQUIRE_DISPLAY=1); returns whether it runs. */
gboolean   services_monitor_start (void);
gboolean   services_monitor_running (void);
void       services_monitor_stop (void);
/* Sends a marker notification and returns every call seen before it (a
 * new array of SeenCall): D-Bus keeps the order of one connection's
 * messages, so nothing sent earlier can still be on its way. */
GPtrArray *services_monitor_drain (QingNotifier *notifier);

G_END_DECLS
