/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Daily backups (one per local day, the newest 7 kept) and restoring one
 * only after it passed an integrity check, never leaving a half-written or
 * stale-logged live database.
 */
#include <string.h>
#include <glib/gstdio.h>

#include "test-store-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  QingClock *clock;
  QingStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr (GDateTime) start = g_date_time_new (tz, 2026, 11, 29, 20, 0, 0);
  g_autoptr (GError) error = NULL;

  f->dir = store_test_tmpdir ();
  f->path = g_build_filename (f->dir, "qingting.db", NULL);
  f->clock = qing_clock_new_manual (start);
  f->store = qing_store_open (f->path, f->clock, &error);
  g_assert_no_error (error);
  store_test_fill (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  store_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
backup_name (GPtrArray *backups, guint i)
{
  return g_path_get_basename (g_ptr_array_index (backups, i));
}

static const char *
raw_journal_mode (const char *path)
{
  static char mode[16];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_strlcpy (mode, (const char *) sqlite3_column_text (stmt, 0), sizeof mode);
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return mode;
}

static void
test_daily_backup_keeps_seven (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *first = NULL;
  g_autofree char *first_sum = NULL;
  g_autofree char *decoy = g_build_filename (f->dir, "qingting.db.backup-latest", NULL);
  g_autofree char *newest = NULL;
  g_autofree char *oldest = NULL;

  g_autofree char *stale_part = g_build_filename (f->dir, "qingting.db.backup-2026-11-20.part-x",
                                                  NULL);
  g_autofree char *running_part = g_build_filename (f->dir, "qingting.db.backup-2026-11-29.part-y",
                                                    NULL);

  g_assert_true (g_file_set_contents (decoy, "x", 1, NULL));
  /* review: what an interrupted backup left on an earlier day goes; a copy
   * of today's (maybe still being written elsewhere) stays. */
  g_assert_true (g_file_set_contents (stale_part, "x", 1, NULL));
  g_assert_true (g_file_set_contents (running_part, "x", 1, NULL));
  g_assert_true (qing_store_backup_if_due (f->store, &error));
  g_assert_false (g_file_test (stale_part, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running_part, G_FILE_TEST_EXISTS));
  g_unlink (running_part);
  g_assert_no_error (error);
  first = g_build_filename (f->dir, "qingting.db.backup-2026-11-29", NULL);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (raw_journal_mode (first), ==, "delete");
  first_sum = store_test_checksum (first);

  /* Same local day: nothing new, the backup is not rewritten. */
  store_test_exec (f->store, "INSERT INTO persons (kind, name) VALUES (1, '郑琳')");
  qing_clock_advance (f->clock, 3 * G_TIME_SPAN_HOUR / G_USEC_PER_SEC); /* 23:00 */
  g_assert_true (qing_store_backup_if_due (f->store, &error));
  {
    g_autofree char *again = store_test_checksum (first);
    g_assert_cmpstr (again, ==, first_sum);
  }

  for (guint day = 0; day < 9; day++)
    {
      qing_clock_advance (f->clock, 24 * 60 * 60);
      g_assert_true (qing_store_backup_if_due (f->store, &error));
      g_assert_no_error (error);
    }
  backups = qing_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, QING_STORE_BACKUPS_KEPT);
  newest = backup_name (backups, 0);
  oldest = backup_name (backups, backups->len - 1);
  g_assert_cmpstr (newest, ==, "qingting.db.backup-2026-12-08");
  g_assert_cmpstr (oldest, ==, "qingting.db.backup-2026-12-02");
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (decoy, G_FILE_TEST_EXISTS));

  /* A backup is a whole database of its own. */
  {
    g_autofree char *copy_dir = store_test_tmpdir ();
    g_autofree char *copy = g_build_filename (copy_dir, "copy.db", NULL);
    g_autoptr (QingStore) restored = NULL;

    store_test_copy (g_ptr_array_index (backups, 0), copy);
    restored = store_test_open_path (copy);
    g_assert_cmpint (store_test_query_int (restored, "SELECT count(*) FROM persons"), ==, 6);
    g_clear_object (&restored);
    store_test_rm_rf (copy_dir);
  }
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *stale_wal = g_build_filename (f->dir, "stale-wal", NULL);
  g_autofree char *kept = g_strconcat (f->path, ".before-restore", NULL);
  QingStore *store;

  g_assert_true (qing_store_backup_if_due (f->store, &error));
  g_clear_object (&f->store);

  /* Later writes, and a write-ahead log left behind as by a crash. */
  store = store_test_open_path (f->path);
  store_test_exec (store, "INSERT INTO persons (kind, name) VALUES (1, '郑琳')");
  store_test_copy (wal, stale_wal);
  g_object_unref (store);
  store_test_copy (stale_wal, wal);

  backups = qing_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (qing_store_restore (f->path, g_ptr_array_index (backups, 0), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  store = store_test_open_path (f->path);
  g_assert_cmpint (store_test_query_int (store, "SELECT count(*) FROM persons"), ==, 5);
  g_assert_cmpstr (store_test_query_text (store, "PRAGMA integrity_check"), ==, "ok");
  g_object_unref (store);
}

static void
test_restore_refuses_bad_backup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *part = g_strconcat (f->path, ".restore-part", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nothing-here", NULL);
  g_autofree char *before = NULL;
  const char *backup;

  for (guint i = 0; i < 300; i++)
    store_test_exec (f->store, "INSERT INTO talks (student_id, listener_role, start_utc, duration_s,"
                               " note) VALUES (2, 1, 1764417600, 900, hex (randomblob (100)))");
  g_assert_true (qing_store_backup_if_due (f->store, &error));
  g_clear_object (&f->store);
  backups = qing_store_list_backups (f->path);
  backup = g_ptr_array_index (backups, 0);
  store_test_garble_file (backup);
  before = store_test_checksum (f->path);

  g_assert_false (qing_store_restore (f->path, backup, &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, backup));
  g_assert_nonnull (strstr (error->message, "not been changed"));
  g_clear_error (&error);

  g_assert_false (qing_store_restore (f->path, missing, &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  store_test_write_text (missing);
  g_assert_false (qing_store_restore (f->path, missing, &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_CORRUPT);

  {
    g_autofree char *after = store_test_checksum (f->path);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} AsyncResult;

static void
on_backup_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncResult *r = user_data;

  r->ok = qing_store_backup_if_due_finish (QING_STORE (source), result, &r->error);
  r->done = TRUE;
}

/* The backup in a thread: the store stays usable, the copy is made. */
static void
test_backup_async (Fixture *f, gconstpointer data)
{
  AsyncResult r = { FALSE, FALSE, NULL };
  g_autoptr (GPtrArray) backups = NULL;

  qing_store_backup_if_due_async (f->store, NULL, on_backup_done, &r);
  store_test_exec (f->store, "INSERT INTO persons (kind, name) VALUES (1, '郑琳')");
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  backups = qing_store_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (store_test_file_version (g_ptr_array_index (backups, 0)), ==,
                   store_test_latest_version ());
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/backup/daily-keeps-seven", test_daily_backup_keeps_seven);
  ADD ("/store/backup/async", test_backup_async);
  ADD ("/store/backup/restore", test_restore);
  ADD ("/store/backup/restore-refuses-bad-backup", test_restore_refuses_bad_backup);
#undef ADD

  return g_test_run ();
}
