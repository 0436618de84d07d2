/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "qing-clock.h"

static GDateTime *
shanghai (int y, int m, int d, int h, int min, int s)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  return g_date_time_new (tz, y, m, d, h, min, s);
}

static void
record_alarm (QingClock *clock, gpointer user_data)
{
  GArray *fired = user_data;
  gint64 now = qing_clock_get_now_unix (clock);
  g_array_append_val (fired, now);
}

static void
test_manual_now (void)
{
  g_autoptr (GDateTime) start = shanghai (2026, 11, 29, 20, 0, 0);
  g_autoptr (QingClock) clock = qing_clock_new_manual (start);
  g_autoptr (GDateTime) now = NULL;

  g_assert_true (qing_clock_is_manual (clock));
  g_assert_cmpint (qing_clock_get_now_unix (clock), ==, g_date_time_to_unix (start));
  qing_clock_advance (clock, 15 * 60);
  now = qing_clock_get_now (clock);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 20);
  g_assert_cmpint (g_date_time_get_minute (now), ==, 15);
  g_assert_cmpstr (g_time_zone_get_identifier (qing_clock_get_timezone (clock)), ==, "Asia/Shanghai");
}

static void
test_alarms_fire_in_order (void)
{
  g_autoptr (GDateTime) start = shanghai (2026, 11, 29, 19, 0, 0);
  g_autoptr (QingClock) clock = qing_clock_new_manual (start);
  g_autoptr (GArray) fired = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 t0 = qing_clock_get_now_unix (clock);
  guint removed;

  qing_clock_add_alarm (clock, t0 + 3600, record_alarm, fired, NULL);
  qing_clock_add_alarm (clock, t0 + 900, record_alarm, fired, NULL);
  removed = qing_clock_add_alarm (clock, t0 + 1800, record_alarm, fired, NULL);
  qing_clock_remove_alarm (clock, removed);

  qing_clock_advance (clock, 899);
  g_assert_cmpuint (fired->len, ==, 0);
  qing_clock_advance (clock, 2 * 3600);
  g_assert_cmpuint (fired->len, ==, 2);
  /* each alarm saw the clock at its own time, not at the end of the jump */
  g_assert_cmpint (g_array_index (fired, gint64, 0), ==, t0 + 900);
  g_assert_cmpint (g_array_index (fired, gint64, 1), ==, t0 + 3600);
  g_assert_cmpint (qing_clock_get_now_unix (clock), ==, t0 + 899 + 7200);
}

static void
test_set_now_emits_changed (void)
{
  g_autoptr (GDateTime) start = shanghai (2026, 2, 28, 23, 59, 0);
  g_autoptr (GDateTime) later = shanghai (2026, 3, 1, 0, 1, 0);
  g_autoptr (QingClock) clock = qing_clock_new_manual (start);
  guint changed = 0;

  g_signal_connect_swapped (clock, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  qing_clock_set_now (clock, later);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (qing_clock_get_now_unix (clock), ==, g_date_time_to_unix (later));
}

static void
test_system_clock (void)
{
  g_autoptr (QingClock) clock = qing_clock_new_system ();
  gint64 wall = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_false (qing_clock_is_manual (clock));
  g_assert_cmpint (ABS (qing_clock_get_now_unix (clock) - wall), <=, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clock/manual-now", test_manual_now);
  g_test_add_func ("/clock/alarms-fire-in-order", test_alarms_fire_in_order);
  g_test_add_func ("/clock/set-now-emits-changed", test_set_now_emits_changed);
  g_test_add_func ("/clock/system", test_system_clock);
  return g_test_run ();
}
