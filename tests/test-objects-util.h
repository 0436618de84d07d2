/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared fixture of the objects tests: a store in a fresh temporary folder
 * with a manual clock in Asia/Shanghai, and a few people.  Names are
 * invented.
 */
#pragma once

#include <glib/gstdio.h>

#include "qing-repository.h"
#include "qing-store-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  QingClock *clock;
  QingStore *store;
} Fixture;

static inline GDateTime *
shanghai (int y, int m, int d, int h, int min, int s)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  return g_date_time_new (tz, y, m, d, h, min, s);
}

static inline gint64
shanghai_unix (int y, int m, int d, int h, int min, int s)
{
  g_autoptr (GDateTime) dt = shanghai (y, m, d, h, min, s);
  return g_date_time_to_unix (dt);
}

static inline void
fixture_set_up (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) start = shanghai (2026, 11, 29, 19, 30, 0);

  fx->dir = g_dir_make_tmp ("qing-objects-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "qingting.db", NULL);
  fx->clock = qing_clock_new_manual (start);
  fx->store = qing_store_open (fx->path, fx->clock, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->store);
}

/* Deletes a database file and its companions. */
static inline void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

static inline void
fixture_tear_down (Fixture *fx, gconstpointer data)
{
  g_clear_object (&fx->store);
  g_clear_object (&fx->clock);
  remove_database (fx->path);
  g_assert_cmpint (g_rmdir (fx->dir), ==, 0);
  g_free (fx->path);
  g_free (fx->dir);
}

/* Adds a person and returns their id. */
static inline gint64
add_person (Fixture *fx, QingPersonKind kind, const char *name)
{
  g_autoptr (QingPerson) person = qing_person_new (kind, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_person (fx->store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (qing_person_get_id (person), >, 0);
  return qing_person_get_id (person);
}

/* Adds a talk and returns its id. */
static inline gint64
add_talk (Fixture *fx, gint64 student, gint64 listener, QingRole role, gint64 start, gint duration,
          QingVisibility visibility, const char *note)
{
  g_autoptr (QingTalk) talk = qing_talk_new (student, listener, role, start, duration);
  g_autoptr (GError) error = NULL;

  qing_talk_set_visibility (talk, visibility);
  qing_talk_set_note (talk, note);
  g_assert_true (qing_store_add_talk (fx->store, talk, &error));
  g_assert_no_error (error);
  return qing_talk_get_id (talk);
}

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
