/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timer survives kill -9: a helper process (timer-kill-helper) starts a
 * timer with the system clock and is killed with SIGKILL; the store, opened
 * again with a clock ten minutes later, has the timer running with ten
 * minutes elapsed (±1 s), not stale, and finishing it saves a 10-minute talk.
 *
 * Then the same with the real program, as issue 4 asks: `qingting
 * --database X` is started on a private session bus, a timer is started in
 * it through its exported app.start-timer action (the child's Start
 * button), the program is killed with SIGKILL, started again about two
 * seconds later, and must take the timer up (a heartbeat later than the
 * kill) within 20 s; then it quits with app.quit and the store has the
 * timer running with the wall time since the start (±2 s).  No heartbeat
 * is a failure; only a missing display skips (and fails under
 * QING_TEST_REQUIRE_DISPLAY=1).
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

/* A store with the local parent (王丽华) and a child (李雨桐), no timer:
 * the program starts the timer itself. */
static void
prepare_store (const char *path, gint64 *guardian_id, gint64 *child_id)
{
  g_autoptr (QingClock) clock = qing_clock_new_system ();
  g_autoptr (QingStore) store = NULL;
  g_autoptr (QingPerson) guardian = qing_person_new (QING_PERSON_GUARDIAN, "王丽华");
  g_autoptr (QingPerson) child = qing_person_new (QING_PERSON_STUDENT, "李雨桐");
  g_autoptr (GError) error = NULL;

  store = qing_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_assert_true (qing_store_add_person (store, guardian, &error));
  g_assert_true (qing_store_set_local_person (store, QING_ROLE_PARENT,
                                              qing_person_get_id (guardian), &error));
  g_assert_true (qing_store_add_child (store, qing_person_get_id (guardian), child, "母亲",
                                       &error));
  g_assert_no_error (error);
  *guardian_id = qing_person_get_id (guardian);
  *child_id = qing_person_get_id (child);
}

/* The running timer's started_utc and last_seen_utc read straight from the
 * file (the program has it open: SQLite's WAL lets a second connection
 * read).  Returns FALSE when no timer runs. */
static gboolean
read_timer (const char *path, gint64 *started, gint64 *last_seen)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_busy_timeout (db, 2000) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "SELECT started_utc, last_seen_utc FROM running_timers", -1,
                             &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *started = sqlite3_column_int64 (stmt, 0);
      *last_seen = sqlite3_column_int64 (stmt, 1);
      found = TRUE;
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return found;
}

#ifdef __linux__
#include <sys/prctl.h>
/* A program the test started dies with the test, even if an assertion
 * aborts the test before it could kill it. */
static void
die_with_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}
#endif

typedef struct
{
  char            *dir;
  char            *path;
  char            *config;
  GTestDBus       *bus;
  GDBusConnection *connection;
  char            *display;     /* DISPLAY / WAYLAND_DISPLAY / XDG_RUNTIME_DIR of the */
  char            *wayland;     /* session; GTestDBus unsets them for the test process */
  char            *runtime_dir;
} Program;

/* Starts `qingting --database @program->path` on the private bus, with
 * its settings (keyfile) in @program->config. */
static GSubprocess *
launch_program (Program *program)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GError) error = NULL;
  GSubprocess *app;

  /* stdout is the test's TAP stream; the program's warnings go to stderr. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", program->config, TRUE);
  if (program->display != NULL)
    g_subprocess_launcher_setenv (launcher, "DISPLAY", program->display, TRUE);
  if (program->wayland != NULL)
    g_subprocess_launcher_setenv (launcher, "WAYLAND_DISPLAY", program->wayland, TRUE);
  if (program->runtime_dir != NULL)
    g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", program->runtime_dir, TRUE);
#ifdef __linux__
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
#endif
  app = g_subprocess_launcher_spawn (launcher, &error, QINGTING_BINARY, "--database",
                                     program->path, NULL);
  g_assert_no_error (error);
  return app;
}

static gboolean
name_has_owner (Program *program, const char *name)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (program->connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* Waits (100 ms steps, 20 s at most) until the program's name on the bus
 * is @owned; fails if @app exits meanwhile. */
static void
wait_for_name (Program *program, GSubprocess *app, gboolean owned)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (name_has_owner (program, APP_ID) != owned)
    {
      if (owned && app != NULL && g_subprocess_get_identifier (app) == NULL)
        g_error ("qingting exited before taking its bus name");
      if (g_get_monotonic_time () > deadline)
        g_error ("qingting %s the bus name %s within 20 s", owned ? "did not take" : "kept",
                 APP_ID);
      g_usleep (G_USEC_PER_SEC / 10);
    }
}

/* Activates the program's application action @name, as a launcher or a
 * notification button does (org.gtk.Actions on the application's path). */
static void
activate_action (Program *program, const char *name, GVariant *parameter)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  GVariantBuilder params;

  g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&params, "v", parameter);
  reply = g_dbus_connection_call_sync (program->connection, APP_ID,
                                       "/io/github/qingting/Qingting", "org.gtk.Actions",
                                       "Activate",
                                       g_variant_new ("(sava{sv})", name, &params, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
}

static void
kill_9 (GSubprocess *app)
{
  g_autoptr (GError) error = NULL;

  g_subprocess_force_exit (app);
  g_subprocess_wait (app, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_term_sig (app), ==, SIGKILL);
}

static void
on_exited (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* Quits the program with app.quit and waits (20 s at most) for a clean exit. */
static void
quit_program (Program *program, GSubprocess *app)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean exited = FALSE;

  g_subprocess_wait_async (app, NULL, on_exited, &exited);
  activate_action (program, "quit", NULL);
  while (!exited)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("qingting did not quit within 20 s of app.quit");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);
}

static void
program_setup (Program *program)
{
  g_autofree char *keyfile = NULL;
  g_autoptr (GError) error = NULL;

  program->dir = g_dir_make_tmp ("qing-timer-kill-app-XXXXXX", &error);
  g_assert_no_error (error);
  program->path = g_build_filename (program->dir, "qingting.db", NULL);
  /* Settings that persist for the program: the parent role is held. */
  program->config = g_build_filename (program->dir, "config", NULL);
  keyfile = g_build_filename (program->config, "glib-2.0", "settings", "keyfile", NULL);
  g_assert_cmpint (g_mkdir_with_parents (keyfile, 0700), ==, 0);
  g_rmdir (keyfile);
  g_assert_true (g_file_set_contents (keyfile, "[io/github/qingting/Qingting]\n"
                                      "roles=['parent']\n", -1, &error));

  /* A bus of the test's own: the program is single-instance, and must
   * neither hand over to a copy the user runs nor be one it hands over to. */
  program->display = g_strdup (g_getenv ("DISPLAY"));
  program->wayland = g_strdup (g_getenv ("WAYLAND_DISPLAY"));
  program->runtime_dir = g_strdup (g_getenv ("XDG_RUNTIME_DIR"));
  program->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (program->bus);
  program->connection =
    g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (program->bus),
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                            | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
restore_env (const char *name, const char *value)
{
  if (value != NULL)
    g_setenv (name, value, TRUE);
}

static void
program_teardown (Program *program)
{
  g_autofree char *config_dir = g_build_filename (program->config, "glib-2.0", NULL);
  g_autofree char *settings_dir = g_build_filename (config_dir, "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);

  g_dbus_connection_close_sync (program->connection, NULL, NULL);
  g_clear_object (&program->connection);
  g_test_dbus_down (program->bus);
  g_clear_object (&program->bus);
  restore_env ("DISPLAY", program->display);
  restore_env ("WAYLAND_DISPLAY", program->wayland);
  restore_env ("XDG_RUNTIME_DIR", program->runtime_dir);
  g_remove (keyfile);
  g_rmdir (settings_dir);
  g_rmdir (config_dir);
  g_rmdir (program->config);
  remove_database (program->dir, program->path);
  g_free (program->dir);
  g_free (program->path);
  g_free (program->config);
  g_free (program->display);
  g_free (program->wayland);
  g_free (program->runtime_dir);
}

/* Waits (100 ms steps, 20 s at most) until the timer's last_seen_utc is
 * later than @after: the program has taken the timer up (a stale one gets
 * no heartbeat).  No heartbeat is a failure, not a skip. */
static gint64
wait_for_heartbeat (Program *program, GSubprocess *app, gint64 after)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gint64 started = 0, last_seen = 0;

  for (;;)
    {
      g_assert_true (read_timer (program->path, &started, &last_seen));
      if (last_seen > after)
        return last_seen;
      g_assert_nonnull (g_subprocess_get_identifier (app)); /* still running */
      if (g_get_monotonic_time () > deadline)
        g_error ("The restarted qingting wrote no heartbeat on the timer within 20 s "
                 "(last_seen_utc %" G_GINT64_FORMAT ", killed at %" G_GINT64_FORMAT ")",
                 last_seen, after);
      g_usleep (G_USEC_PER_SEC / 10);
    }
}

/* The whole story with the real program: `qingting --database X` starts,
 * the timer is started in it (app.start-timer, the child's Start button,
 * over D-Bus), the program is killed with SIGKILL, started again two
 * seconds later, takes the timer up (its heartbeat is later than the
 * kill) and quits normally; the store then has the timer running, not
 * stale, with the wall time since the start as elapsed time (±2 s). */
static void
test_kill_9_real_program (void)
{
  Program program = { NULL };
  g_autoptr (GSubprocess) first = NULL;
  g_autoptr (GSubprocess) second = NULL;
  g_autoptr (QingClock) clock = NULL;
  g_autoptr (QingStore) store = NULL;
  g_autoptr (QingTimerService) service = NULL;
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (GPtrArray) stale = NULL;
  g_autoptr (GError) error = NULL;
  gint64 guardian_id, child_id, before, after, started, last_seen, killed_at, wait_until;
  gint64 elapsed, wall;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      if (g_strcmp0 (g_getenv ("QING_TEST_REQUIRE_DISPLAY"), "1") == 0)
        g_error ("No display, but QING_TEST_REQUIRE_DISPLAY=1");
      g_test_skip ("No display for the real program");
      return;
    }
  program_setup (&program);
  prepare_store (program.path, &guardian_id, &child_id);

  /* Start the program and the timer in it. */
  first = launch_program (&program);
  wait_for_name (&program, first, TRUE);
  g_assert_false (read_timer (program.path, &started, &last_seen));
  before = g_get_real_time () / G_USEC_PER_SEC;
  activate_action (&program, "start-timer", g_variant_new_int64 (child_id));
  after = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_true (read_timer (program.path, &started, &last_seen));
  g_assert_cmpint (started, >=, before);
  g_assert_cmpint (started, <=, after);

  /* kill -9: no clean-up, the WAL and its index stay as they are. */
  kill_9 (first);
  killed_at = g_get_real_time () / G_USEC_PER_SEC;
  wait_for_name (&program, NULL, FALSE);
  /* About two seconds away (the bus name is free again first). */
  wait_until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < wait_until)
    g_usleep (G_USEC_PER_SEC / 10);

  /* Started again, it takes the timer up and writes its heartbeat. */
  second = launch_program (&program);
  wait_for_name (&program, second, TRUE);
  last_seen = wait_for_heartbeat (&program, second, killed_at);
  quit_program (&program, second);

  clock = qing_clock_new_system ();
  store = qing_store_open (program.path, clock, &error);
  g_assert_no_error (error);
  service = qing_timer_service_new (store, clock, NULL);
  timer = qing_timer_service_lookup (service, child_id, guardian_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timer);
  g_assert_cmpint (qing_running_timer_get_started_utc (timer), ==, started);
  g_assert_false (qing_running_timer_get_paused (timer));
  g_assert_cmpint (qing_running_timer_get_last_seen_utc (timer), >=, last_seen);
  stale = qing_timer_service_list_stale (service);
  g_assert_cmpuint (stale->len, ==, 0);
  elapsed = qing_timer_service_get_elapsed (service, timer);
  wall = g_get_real_time () / G_USEC_PER_SEC - before;
  g_test_message ("elapsed %" G_GINT64_FORMAT " s, wall time since the start %"
                  G_GINT64_FORMAT " s", elapsed, wall);
  g_assert_cmpint (elapsed, >=, wall - 2);
  g_assert_cmpint (elapsed, <=, wall + 2);
  g_assert_cmpint (elapsed, >=, 2);

  g_clear_object (&service);
  g_clear_object (&store);
  program_teardown (&program);
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
