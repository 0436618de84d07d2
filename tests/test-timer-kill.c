/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timer survives kill -9: a helper process (timer-kill-helper) starts a
 * timer with the system clock and is killed with SIGKILL; the store, opened
 * again with a clock ten minutes later, has the timer running with ten
 * minutes elapsed (±1 s), not stale, and finishing it saves a 10-minute talk.
 *
 * Then the same with the real program: a timer started five minutes ago,
 * `qingting --database X` started (parent role, keyfile settings) and, once
 * its timer service has written the heartbeat, killed with SIGKILL.  If the
 * program does not run the timer service (no heartbeat within 20 s), that
 * case is skipped with a message.
 */
#include <locale.h>
#include <signal.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include <sqlite3.h>

#include "qing-timer-service.h"

static void
test_kill_9 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *line = NULL;
  g_autoptr (GSubprocess) helper = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autoptr (QingClock) clock = NULL;
  g_autoptr (QingStore) store = NULL;
  g_autoptr (QingTimerService) service = NULL;
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (GPtrArray) stale = NULL;
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;
  gint64 before, after, guardian_id, child_id, elapsed;

  dir = g_dir_make_tmp ("qing-timer-kill-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "qingting.db", NULL);

  before = g_get_real_time () / G_USEC_PER_SEC;
  helper = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, TIMER_KILL_HELPER, path,
                             NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (helper));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  after = g_get_real_time () / G_USEC_PER_SEC + 1;
  g_assert_cmpint (sscanf (line, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &guardian_id,
                           &child_id), ==, 2);

  /* kill -9: no clean-up, the WAL and its index stay as they are. */
  g_subprocess_force_exit (helper);
  g_subprocess_wait (helper, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (helper));
  g_assert_cmpint (g_subprocess_get_term_sig (helper), ==, SIGKILL);

  /* Ten minutes later. */
  later = g_date_time_new_from_unix_utc (after + 10 * 60);
  clock = qing_clock_new_manual (later);
  store = qing_store_open (path, clock, &error);
  g_assert_no_error (error);
  service = qing_timer_service_new (store, clock, NULL);
  timer = qing_timer_service_lookup (service, child_id, guardian_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timer);
  g_assert_cmpint (qing_running_timer_get_started_utc (timer), >=, before);
  g_assert_cmpint (qing_running_timer_get_started_utc (timer), <=, after);
  elapsed = qing_timer_service_get_elapsed (service, timer);
  g_assert_cmpint (elapsed, >=, 10 * 60 - 1);
  g_assert_cmpint (elapsed, <=, 10 * 60 + (after - before) + 1);
  g_assert_false (qing_running_timer_get_paused (timer));
  stale = qing_timer_service_list_stale (service);
  g_assert_cmpuint (stale->len, ==, 0);

  talk = qing_timer_service_finish (service, timer, NULL, NULL, QING_TALK_MODE_IN_PERSON, NULL,
                                    QING_VISIBILITY_PRIVATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_talk_get_duration (talk), ==, elapsed);

  g_clear_object (&service);
  g_clear_object (&store);
  {
    const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
}

static void
remove_database (const char *dir, const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

/* A store with the local parent, a child and a timer started at @started. */
static void
prepare_store (const char *path, gint64 started, gint64 *guardian_id, gint64 *child_id)
{
  g_autoptr (GDateTime) then = g_date_time_new_from_unix_utc (started);
  g_autoptr (QingClock) clock = qing_clock_new_manual (then);
  g_autoptr (QingStore) store = NULL;
  g_autoptr (QingPerson) guardian = qing_person_new (QING_PERSON_GUARDIAN, "王丽华");
  g_autoptr (QingPerson) child = qing_person_new (QING_PERSON_STUDENT, "李雨桐");
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (GError) error = NULL;

  store = qing_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_assert_true (qing_store_add_person (store, guardian, &error));
  g_assert_true (qing_store_set_local_person (store, QING_ROLE_PARENT,
                                              qing_person_get_id (guardian), &error));
  g_assert_true (qing_store_add_child (store, qing_person_get_id (guardian), child, "父亲",
                                       &error));
  g_assert_no_error (error);
  timer = qing_store_start_timer (store, qing_person_get_id (child),
                                  qing_person_get_id (guardian), QING_ROLE_PARENT, &error);
  g_assert_no_error (error);
  *guardian_id = qing_person_get_id (guardian);
  *child_id = qing_person_get_id (child);
}

/* The timer's last_seen_utc read straight from the file (the app has it
 * open: SQLite's WAL lets a second connection read). */
static gint64
read_last_seen (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 last_seen = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_busy_timeout (db, 2000) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "SELECT last_seen_utc FROM running_timers", -1, &stmt,
                             NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    last_seen = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return last_seen;
}

/* Starts `qingting --database @path` with its settings in @config, waits
 * (with a deadline) for its heartbeat on the timer, kills it with SIGKILL
 * and returns the last_seen_utc it wrote (≤ @started if none). */
static gint64
run_and_kill_program (const char *path, const char *config, gint64 started)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) app = NULL;
  g_autoptr (GError) error = NULL;
  gint64 deadline, seen = -1;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, QINGTING_BINARY, "--database", path, NULL);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      seen = read_last_seen (path);
      if (seen > started)
        break;
      g_usleep (G_USEC_PER_SEC / 10);
    }
  g_subprocess_force_exit (app);
  g_subprocess_wait (app, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_term_sig (app), ==, SIGKILL);
  return seen;
}

static void
test_kill_9_real_program (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *config = NULL;
  g_autofree char *keyfile = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autoptr (QingClock) clock = NULL;
  g_autoptr (QingStore) store = NULL;
  g_autoptr (QingTimerService) service = NULL;
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (GPtrArray) stale = NULL;
  g_autoptr (GError) error = NULL;
  gint64 started, guardian_id, child_id, later_unix;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      if (g_strcmp0 (g_getenv ("QING_TEST_REQUIRE_DISPLAY"), "1") == 0)
        g_error ("No display, but QING_TEST_REQUIRE_DISPLAY=1");
      g_test_skip ("No display for the real program");
      return;
    }
  dir = g_dir_make_tmp ("qing-timer-kill-app-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "qingting.db", NULL);
  started = g_get_real_time () / G_USEC_PER_SEC - 5 * 60;
  prepare_store (path, started, &guardian_id, &child_id);

  /* Settings that persist for the program: the parent role is held. */
  config = g_build_filename (dir, "config", NULL);
  keyfile = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);
  g_assert_cmpint (g_mkdir_with_parents (keyfile, 0700), ==, 0);
  g_rmdir (keyfile);
  g_assert_true (g_file_set_contents (keyfile, "[io/github/qingting/Qingting]\n"
                                      "roles=['parent']\n", -1, &error));
  if (run_and_kill_program (path, config, started) <= started)
    {
      remove_database (dir, path);
      g_test_skip ("qingting does not run the timer service yet (no heartbeat)");
      return;
    }

  later_unix = g_get_real_time () / G_USEC_PER_SEC + 10 * 60;
  later = g_date_time_new_from_unix_utc (later_unix);
  clock = qing_clock_new_manual (later);
  store = qing_store_open (path, clock, &error);
  g_assert_no_error (error);
  service = qing_timer_service_new (store, clock, NULL);
  timer = qing_timer_service_lookup (service, child_id, guardian_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timer);
  g_assert_cmpint (qing_running_timer_get_started_utc (timer), ==, started);
  g_assert_false (qing_running_timer_get_paused (timer));
  g_assert_cmpint (qing_timer_service_get_elapsed (service, timer), ==, later_unix - started);
  stale = qing_timer_service_list_stale (service);
  g_assert_cmpuint (stale->len, ==, 0);

  g_clear_object (&service);
  g_clear_object (&store);
  g_remove (keyfile);
  remove_database (dir, path);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add_func ("/timer-kill/kill-9", test_kill_9);
  g_test_add_func ("/timer-kill/kill-9-real-program", test_kill_9_real_program);
  return g_test_run ();
}
