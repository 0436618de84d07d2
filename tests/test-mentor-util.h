/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the mentor core tests: a store in a temporary folder with a
 * manual clock in Asia/Shanghai, a school calendar (term from Mon 31 Aug
 * 2026: cycle 7 is 23 Nov–6 Dec; holiday Wed 25 Nov; make-up day Sat
 * 28 Nov), and synthetic people, groups and talks.
 */
#pragma once

#include "qing-repository.h"
#include "qing-store.h"

G_BEGIN_DECLS

typedef struct
{
  char      *dir;
  QingClock *clock;
  QingStore *store;
} MentorFixture;

/* @local: "2026-11-23 08:00" in Asia/Shanghai. */
void       mentor_fixture_open (MentorFixture *fx, const char *local);
void       mentor_fixture_close (MentorFixture *fx);
void       mentor_fixture_add_calendar (MentorFixture *fx);
/* Sets the clock to @local (alarms fire on the way). */
void       mentor_fixture_set_now (MentorFixture *fx, const char *local);
gint64     mentor_fixture_utc (const char *local);

gint64     mentor_add_staff (QingStore *store, const char *name);
gint64     mentor_add_group (QingStore *store, const char *name, gint64 mentor_id);
gint64     mentor_add_student (QingStore *store, const char *name, gint64 group_id);
gint64     mentor_add_talk (QingStore     *store,
                            gint64         student_id,
                            gint64         listener_id,
                            const char    *local_start,
                            guint          minutes,
                            QingVisibility visibility);

G_END_DECLS
