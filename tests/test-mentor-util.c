/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-mentor-util.h"

#include <glib/gstdio.h>

#include "qing-store-calendar.h"

#define TZ "Asia/Shanghai"

static GDateTime *
parse_local (const char *local)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (TZ);
  int y, mo, d, h, mi;

  g_assert_cmpint (sscanf (local, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

gint64
mentor_fixture_utc (const char *local)
{
  g_autoptr (GDateTime) dt = parse_local (local);

  return g_date_time_to_unix (dt);
}

void
mentor_fixture_open (MentorFixture *fx, const char *local)
{
  g_autoptr (GDateTime) now = parse_local (local);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fx->dir = g_dir_make_tmp ("qing-mentor-XXXXXX", &error);
  g_assert_no_error (error);
  fx->clock = qing_clock_new_manual (now);
  path = g_build_filename (fx->dir, "qingting.db", NULL);
  fx->store = qing_store_open (path, fx->clock, &error);
  g_assert_no_error (error);
}

static void
rm_rf (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
mentor_fixture_close (MentorFixture *fx)
{
  g_assert_finalize_object (fx->store);
  g_clear_object (&fx->clock);
  rm_rf (fx->dir);
  g_clear_pointer (&fx->dir, g_free);
}

void
mentor_fixture_set_now (MentorFixture *fx, const char *local)
{
  gint64 target = mentor_fixture_utc (local);

  qing_clock_advance (fx->clock, target - qing_clock_get_now_unix (fx->clock));
}

void
mentor_fixture_add_calendar (MentorFixture *fx)
{
  g_autoptr (GError) error = NULL;
  GDate a, b;

  g_date_set_dmy (&a, 31, G_DATE_AUGUST, 2026);
  g_date_set_dmy (&b, 22, G_DATE_JANUARY, 2027);
  g_assert_cmpint (qing_store_add_term (fx->store, "2026 autumn", &a, &b, &error), >, 0);
  g_assert_no_error (error);
  g_date_set_dmy (&a, 25, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (qing_store_add_calendar_exception (fx->store, QING_CALENDAR_HOLIDAY,
                                                      "Sports day", &a, &a, &error),
                   >, 0);
  g_assert_no_error (error);
  g_date_set_dmy (&a, 28, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (qing_store_add_calendar_exception (fx->store, QING_CALENDAR_MAKEUP,
                                                      "Make-up day", &a, &a, &error),
                   >, 0);
  g_assert_no_error (error);
}

gint64
mentor_add_staff (QingStore *store, const char *name)
{
  g_autoptr (QingPerson) person = qing_person_new (QING_PERSON_STAFF, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_person (store, person, &error));
  g_assert_no_error (error);
  return qing_person_get_id (person);
}

gint64
mentor_add_group (QingStore *store, const char *name, gint64 mentor_id)
{
  g_autoptr (QingGroup) group = qing_group_new (QING_GROUP_CLASS, name, mentor_id);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_group (store, group, &error));
  g_assert_no_error (error);
  return qing_group_get_id (group);
}

gint64
mentor_add_student (QingStore *store, const char *name, gint64 group_id)
{
  g_autoptr (QingPerson) person = qing_person_new (QING_PERSON_STUDENT, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_person (store, person, &error));
  g_assert_no_error (error);
  if (group_id > 0)
    {
      g_assert_true (
          qing_store_add_to_group (store, group_id, qing_person_get_id (person), &error));
      g_assert_no_error (error);
    }
  return qing_person_get_id (person);
}

gint64
mentor_add_talk (QingStore *store, gint64 student_id, gint64 listener_id, const char *local_start,
                 guint minutes, QingVisibility visibility)
{
  g_autoptr (QingTalk) talk = qing_talk_new (student_id, listener_id, QING_ROLE_MENTOR,
                                             mentor_fixture_utc (local_start), (gint)minutes * 60);
  g_autoptr (GError) error = NULL;

  g_object_set (talk, "visibility", visibility, NULL);
  g_assert_true (qing_store_add_talk (store, talk, &error));
  g_assert_no_error (error);
  return qing_talk_get_id (talk);
}
