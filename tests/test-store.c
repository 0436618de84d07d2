/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store: opening, migrations, refusing bad files (left untouched),
 * foreign keys, append-only case events, transactions and row-changed
 * signals.  Backups and restore are in test-store-backup.c.
 */
#include <string.h>
#include <glib/gstdio.h>

#include "qing-store-private.h"
#include "test-store-util.h"

static void
test_open_new (void)
{
  g_autofree char *dir = store_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "deep", "er", "qingting.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (QingStore) store = NULL;

  store = qing_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (qing_store_get_path (store), ==, path);
  g_assert_nonnull (qing_store_get_clock (store));
  g_assert_cmpuint (qing_store_get_schema_version (store), ==, store_test_latest_version ());
  g_assert_cmpint (store_test_query_int (store, "PRAGMA user_version"), ==,
                   store_test_latest_version ());
  g_assert_cmpint (store_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (store_test_query_int (store, "PRAGMA busy_timeout"), >, 0);
  g_assert_cmpstr (store_test_query_text (store, "PRAGMA journal_mode"), ==, "wal");
  g_assert_cmpint (store_test_query_int (store, "PRAGMA mmap_size"), ==, 268435456);

  g_clear_object (&store);
  store_test_rm_rf (dir);
}

/* Every table has id, uuid, created_utc, updated_utc; uuids are made by
 * default and look like version 4 UUIDs; updated_utc moves on UPDATE. */
static void
test_every_row_has_identity (void)
{
  g_autofree char *dir = store_test_tmpdir ();
  g_autoptr (QingStore) store = store_test_open_in (dir);
  guint n_tables = 0;
  /* The statement belongs to the store: let it go before the store does. */
  g_autoptr (QingStoreStmt) tables = NULL;

  tables = qing_store_prepare (store,
                               "SELECT name FROM sqlite_schema WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *columns = store_test_columns (store, table);

      n_tables++;
      for (guint i = 0; i < G_N_ELEMENTS (store_test_row_columns); i++)
        if (strstr (columns, store_test_row_columns[i]) == NULL)
          g_error ("table %s lacks column %s (has %s)", table, store_test_row_columns[i], columns);
    }
  g_assert_cmpuint (n_tables, >=, 25);

  store_test_exec (store, "INSERT INTO persons (kind, name, created_utc, updated_utc) "
                          "VALUES (1, '张小明', 100, 100)");
  {
    const char *uuid = store_test_query_text (store, "SELECT uuid FROM persons");
    g_assert_true (g_uuid_string_is_valid (uuid));
    g_assert_cmpint (uuid[14], ==, '4');
  }
  store_test_exec (store, "UPDATE persons SET name = '张小明明'");
  g_assert_cmpint (store_test_query_int (store, "SELECT updated_utc FROM persons"), >, 100);
  store_test_exec (store, "UPDATE persons SET name = '张小明', updated_utc = 200");
  g_assert_cmpint (store_test_query_int (store, "SELECT updated_utc FROM persons"), ==, 200);

  g_clear_pointer (&tables, qing_store_stmt_release);
  g_clear_object (&store);
  store_test_rm_rf (dir);
}

/* The table list at the top of qing-schema.c names every table. */
static void
test_schema_documented (void)
{
  g_autofree char *dir = store_test_tmpdir ();
  g_autoptr (QingStore) store = store_test_open_in (dir);
  g_autofree char *source = g_build_filename (QING_TEST_FIXTURES, "..", "..", "src", "core",
                                              "qing-schema.c", NULL);
  g_autofree char *text = NULL;
  guint n_tables = 0;
  g_autoptr (QingStoreStmt) tables = NULL;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  tables = qing_store_prepare (store,
                               "SELECT name FROM sqlite_schema WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%'", NULL);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *line = g_strconcat ("\n * ", table, " ", NULL);

      if (strstr (text, line) == NULL)
        g_error ("table %s is not described at the top of qing-schema.c", table);
      n_tables++;
    }
  g_assert_cmpuint (n_tables, >, 0);
  g_clear_pointer (&tables, qing_store_stmt_release);
  g_clear_object (&store);
  store_test_rm_rf (dir);
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *dir = store_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "qingting.db", NULL);
  g_autoptr (GError) error = NULL;
  QingStore *store;
  char *value;

  store = qing_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (qing_store_get_setting (store, "reminder"));
  g_assert_true (qing_store_set_setting (store, "reminder", "20:00", &error));
  g_assert_true (qing_store_set_setting (store, "reminder", "20:30", &error));
  g_assert_true (qing_store_set_setting (store, "gone", "x", &error));
  g_assert_true (qing_store_set_setting (store, "gone", NULL, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  store = qing_store_open (path, NULL, &error);
  g_assert_no_error (error);
  value = qing_store_get_setting (store, "reminder");
  g_assert_cmpstr (value, ==, "20:30");
  g_free (value);
  g_assert_null (qing_store_get_setting (store, "gone"));
  g_object_unref (store);
  store_test_rm_rf (dir);
}

/* After kill -9 the database and its write-ahead log are left as they
 * were: copies of both, taken while a store is open, open with every
 * committed row (and the inspection copes with the log). */
static void
test_reopen_after_crash (void)
{
  g_autofree char *dir = store_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "qingting.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *crash_dir = store_test_tmpdir ();
  g_autofree char *crash = g_build_filename (crash_dir, "qingting.db", NULL);
  g_autofree char *crash_wal = g_strconcat (crash, "-wal", NULL);
  QingStore *store;

  store = store_test_open_path (path);
  store_test_fill (store);
  store_test_exec (store, "UPDATE running_timers SET paused_utc = 1764418000");
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  store_test_copy (path, crash);
  store_test_copy (wal, crash_wal);
  g_object_unref (store);

  store = store_test_open_path (crash);
  g_assert_cmpint (store_test_query_int (store, "SELECT count(*) FROM persons"), ==, 5);
  g_assert_cmpint (store_test_query_int (store, "SELECT paused_utc FROM running_timers"), ==,
                   1764418000);
  g_object_unref (store);
  store_test_rm_rf (dir);
  store_test_rm_rf (crash_dir);
}

/* Version 0: an empty file (e.g. made by `touch`) becomes a database. */
static void
test_migrate_empty_file (void)
{
  g_autofree char *dir = store_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "qingting.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (QingStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = qing_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qing_store_get_schema_version (store), ==, store_test_latest_version ());
  g_assert_cmpint (store_test_query_int (store, "SELECT count(*) FROM persons"), ==, 0);
  g_clear_object (&store);
  store_test_rm_rf (dir);
}

/* What version 2 added is there, however the database got to version 2. */
static void
assert_version_2 (QingStore *store)
{
  g_autofree char *care = store_test_columns (store, "care_levels");
  g_autofree char *timers = store_test_columns (store, "running_timers");

  g_assert_nonnull (strstr (care, " decision_note "));
  g_assert_nonnull (strstr (timers, " goal_notified_utc "));
  g_assert_cmpint (store_test_query_int (store, "SELECT count(*) FROM pragma_index_info"
                                                " ('talks_by_student_role')"), ==, 6);
  g_assert_cmpint (store_test_query_int (store, "SELECT count(*) FROM settings"
                                                " WHERE key GLOB 'timer-goal:*'"), ==, 0);
}

/* What version 3 added: the weekday a make-up day follows. */
static void
assert_version_3 (QingStore *store)
{
  g_autofree char *exceptions = store_test_columns (store, "calendar_exceptions");

  g_assert_nonnull (strstr (exceptions, " follows_weekday "));
}

/* Every fixture tests/fixtures/store/v<N>.db (a database saved at schema
 * version N, see tests/fixtures/store/README) is upgraded to the current
 * version and keeps its rows.  When migration N+1 arrives, the fixtures
 * stay and are upgraded by this test; save a v<N+1>.db then with
 * --write-fixture. */
static void
test_migrate_fixtures (void)
{
  g_autofree char *fixtures = g_build_filename (QING_TEST_FIXTURES, "store", NULL);
  g_autoptr (GDir) fixture_dir = g_dir_open (fixtures, 0, NULL);
  const char *name;
  guint n_fixtures = 0;
  gboolean have_latest = FALSE;

  g_assert_nonnull (fixture_dir);
  while ((name = g_dir_read_name (fixture_dir)) != NULL)
    {
      g_autofree char *dir = NULL;
      g_autofree char *path = NULL;
      g_autofree char *source = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (QingStore) store = NULL;
      guint version;

      if (!g_str_has_prefix (name, "v") || !g_str_has_suffix (name, ".db"))
        continue;
      version = (guint) g_ascii_strtoull (name + 1, NULL, 10);
      g_test_message ("fixture %s (version %u)", name, version);
      dir = store_test_tmpdir ();
      path = g_build_filename (dir, "qingting.db", NULL);
      source = g_build_filename (fixtures, name, NULL);
      store_test_copy (source, path);

      g_assert_cmpint (store_test_file_version (path), ==, version);
      store = qing_store_open (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (qing_store_get_schema_version (store), ==, store_test_latest_version ());
      store_test_assert_fixture_data (store);
      assert_version_2 (store);
      assert_version_3 (store);
      g_assert_cmpstr (store_test_query_text (store, "PRAGMA integrity_check"), ==, "ok");
      g_assert_cmpint (store_test_query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"),
                       ==, 0);
      n_fixtures++;
      have_latest |= (version == store_test_latest_version ());
      g_clear_object (&store);
      store_test_rm_rf (dir);
    }
  g_assert_cmpuint (n_fixtures, >=, 1);
  g_assert_true (have_latest);
}

/* v1 → v2 on the v1 fixture: the migration runs (version 1 before, 2
 * after), v1's rows keep their values, the new columns start empty, and a
 * running timer's 15:00 notification kept in the settings (as v1 did)
 * moves to its row. */
static void
test_migrate_v1_to_v2 (void)
{
  g_autofree char *source = g_build_filename (QING_TEST_FIXTURES, "store", "v1.db", NULL);
  g_autofree char *dir = store_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "qingting.db", NULL);
  g_autoptr (QingStore) store = NULL;
  sqlite3 *db = NULL;

  store_test_copy (source, path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO settings (key, value, updated_utc)"
                                     " SELECT 'timer-goal:' || uuid, '1', 1764418500"
                                     " FROM running_timers;"
                                     "INSERT INTO settings (key, value)"
                                     " VALUES ('timer-goal:gone-timer', '1');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (store_test_file_version (path), ==, 1);

  store = store_test_open_path (path);
  g_assert_cmpuint (qing_store_get_schema_version (store), ==, store_test_latest_version ());
  g_assert_cmpint (store_test_file_version (path), ==, store_test_latest_version ());
  store_test_assert_fixture_data (store);
  assert_version_2 (store);
  g_assert_cmpint (store_test_query_int (store, "SELECT goal_notified_utc FROM running_timers"),
                   ==, 1764418500);
  g_assert_cmpstr (store_test_query_text (store, "SELECT reason FROM care_levels"
                                                 " WHERE status = 1"), ==, "最近情绪低落");
  g_assert_cmpint (store_test_query_int (store, "SELECT count(*) FROM care_levels"
                                                " WHERE decision_note IS NOT NULL"), ==, 0);
  g_assert_cmpstr (store_test_query_text (store, "SELECT note FROM talks WHERE id = 1"), ==,
                   "聊了今天的事");
  g_assert_cmpint (store_test_query_int (store, "SELECT care_level FROM persons WHERE id = 1"),
                   ==, 1);
  g_assert_cmpstr (store_test_query_text (store, "PRAGMA integrity_check"), ==, "ok");
  g_clear_object (&store);
  store_test_rm_rf (dir);
}

/* A migration that fails halfway leaves nothing of itself behind. */
static void
test_failing_migration_rolls_back (void)
{
  g_autofree char *dir = store_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "qingting.db", NULL);
  g_autoptr (GError) error = NULL;
  QingStore *store;
  guint latest = store_test_latest_version ();

  store = store_test_open_path (path);
  store_test_exec (store, "INSERT INTO persons (kind, name) VALUES (1, '李雨桐')");
  g_object_unref (store);

  qing_store_testing_set_extra_migration (
    "CREATE TABLE doomed (a INTEGER);"
    "INSERT INTO doomed VALUES (1);"
    "UPDATE persons SET name = '改掉';"
    "INSERT INTO no_such_table VALUES (1);", FALSE);
  store = qing_store_open (path, NULL, &error);
  qing_store_testing_set_extra_migration (NULL, FALSE);
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (store);
  g_clear_error (&error);

  store = store_test_open_path (path);
  g_assert_cmpint (store_test_query_int (store, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (store_test_query_int (store, "SELECT count(*) FROM sqlite_schema "
                                                "WHERE name = 'doomed'"), ==, 0);
  g_assert_cmpstr (store_test_query_text (store, "SELECT name FROM persons"), ==, "李雨桐");
  g_object_unref (store);

  /* A good one is applied with its version bump... */
  qing_store_testing_set_extra_migration ("ALTER TABLE persons ADD COLUMN nickname TEXT;", FALSE);
  store = qing_store_open (path, NULL, &error);
  qing_store_testing_set_extra_migration (NULL, FALSE);
  g_assert_no_error (error);
  g_assert_cmpuint (qing_store_get_schema_version (store), ==, latest + 1);
  g_object_unref (store);

  /* ...and this build, which does not know it, then refuses the file. */
  store = qing_store_open (path, NULL, &error);
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  store_test_rm_rf (dir);
}

/* Rebuilding the persons table the SQLite way keeps every talk; and a
 * rebuild that would leave talks without their student is undone. */
#define REBUILD_PERSONS(extra) \
  "CREATE TABLE new_persons (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE," \
  " created_utc INTEGER, updated_utc INTEGER, kind INTEGER, name TEXT, pinyin_key TEXT," \
  " gender INTEGER, birthday TEXT, student_number TEXT, phone TEXT, note TEXT," \
  " care_level INTEGER, archived INTEGER, nickname TEXT);" \
  "INSERT INTO new_persons SELECT *, NULL FROM persons;" \
  extra \
  "DROP TABLE persons;" \
  "ALTER TABLE new_persons RENAME TO persons;"

static void
test_rebuild_migration (void)
{
  g_autofree char *dir = store_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "qingting.db", NULL);
  g_autoptr (GError) error = NULL;
  QingStore *store;
  guint latest = store_test_latest_version ();

  store = store_test_open_path (path);
  store_test_fill (store);
  g_object_unref (store);

  qing_store_testing_set_extra_migration (REBUILD_PERSONS ("DELETE FROM new_persons WHERE id = 1;"),
                                          TRUE);
  store = qing_store_open (path, NULL, &error);
  qing_store_testing_set_extra_migration (NULL, FALSE);
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "foreign key"));
  g_assert_null (store);
  g_clear_error (&error);

  qing_store_testing_set_extra_migration (REBUILD_PERSONS (""), TRUE);
  store = qing_store_open (path, NULL, &error);
  qing_store_testing_set_extra_migration (NULL, FALSE);
  g_assert_no_error (error);
  g_assert_cmpuint (qing_store_get_schema_version (store), ==, latest + 1);
  g_assert_cmpint (store_test_query_int (store, "SELECT count(*) FROM talks"), ==, 3);
  g_assert_cmpint (store_test_query_int (store, "SELECT count(*) FROM persons"), ==, 5);
  g_assert_cmpint (store_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_object_unref (store);
  store_test_rm_rf (dir);
}

typedef struct
{
  const char    *name;
  void         (*damage) (const char *path);
  QingStoreError expected;
} RefusalCase;

static void
test_refuse_bad_files (gconstpointer data)
{
  const RefusalCase *c = data;
  g_autofree char *dir = store_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "qingting.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (QingStore) store = NULL;

  c->damage (path);
  before = store_test_checksum (path);
  store = qing_store_open (path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, QING_STORE_ERROR, (gint) c->expected);
  g_test_message ("%s: %s", c->name, error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "not been changed"));
  after = store_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  store_test_rm_rf (dir);
}

static const RefusalCase refusal_cases[] = {
  { "garbage", store_test_write_garbage, QING_STORE_ERROR_NOT_A_DATABASE },
  { "text", store_test_write_text, QING_STORE_ERROR_NOT_A_DATABASE },
  { "foreign", store_test_write_foreign_db, QING_STORE_ERROR_NOT_A_DATABASE },
  { "other-app", store_test_write_other_app_db, QING_STORE_ERROR_NOT_A_DATABASE },
  { "truncated-mid-page", store_test_write_truncated_mid_page, QING_STORE_ERROR_CORRUPT },
  { "truncated-at-page", store_test_write_truncated_at_page, QING_STORE_ERROR_CORRUPT },
  { "garbled", store_test_write_garbled, QING_STORE_ERROR_CORRUPT },
  { "garbled-tail", store_test_write_garbled_tail, QING_STORE_ERROR_CORRUPT },
  { "too-new", store_test_write_too_new, QING_STORE_ERROR_TOO_NEW },
};

int
main (int argc, char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--write-fixture"))
    return store_test_write_fixture (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open-new", test_open_new);
  g_test_add_func ("/store/every-row-has-identity", test_every_row_has_identity);
  g_test_add_func ("/store/schema/documented", test_schema_documented);
  g_test_add_func ("/store/reopen", test_reopen_keeps_data);
  g_test_add_func ("/store/reopen-after-crash", test_reopen_after_crash);
  g_test_add_func ("/store/migrate/empty-file", test_migrate_empty_file);
  g_test_add_func ("/store/migrate/fixtures", test_migrate_fixtures);
  g_test_add_func ("/store/migrate/v1-to-v2", test_migrate_v1_to_v2);
  g_test_add_func ("/store/migrate/failure-rolls-back", test_failing_migration_rolls_back);
  g_test_add_func ("/store/migrate/rebuild-table", test_rebuild_migration);
  for (guint i = 0; i < G_N_ELEMENTS (refusal_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/store/refuse/", refusal_cases[i].name, NULL);
      g_test_add_data_func (test_path, &refusal_cases[i], test_refuse_bad_files);
    }
  store_test_add_integrity_tests ();

  return g_test_run ();
}
