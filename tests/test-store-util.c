/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <glib/gstdio.h>

#include "qing-store-inspect.h"
#include "test-store-util.h"

/* Returns a new empty temporary folder; free with g_free(). */
char *
store_test_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("qing-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and everything below it. */
void
store_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          store_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Returns the SHA-256 of the file's bytes; free with g_free(). */
char *
store_test_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
store_test_copy (const char *from, const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

guint
store_test_latest_version (void)
{
  return qing_store_known_version ();
}

/* Reads PRAGMA user_version of a file with a plain read-only connection. */
gint64
store_test_file_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return version;
}

QingStore *
store_test_open_path (const char *path)
{
  g_autoptr (GError) error = NULL;
  QingStore *store = qing_store_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

QingStore *
store_test_open_in (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "qingting.db", NULL);
  return store_test_open_path (path);
}

void
store_test_exec (QingStore *store, const char *sql)
{
  g_autoptr (GError) error = NULL;

  qing_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

gint64
store_test_query_int (QingStore *store, const char *sql)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GError) error = NULL;

  stmt = qing_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Returns the first column of the first row as text, valid until the
 * next call. */
const char *
store_test_query_text (QingStore *store, const char *sql)
{
  static char *last;
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GError) error = NULL;

  stmt = qing_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_free (last);
  last = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return last;
}

/* Returns " col1 col2 … " for @table; free with g_free(). */
char *
store_test_columns (QingStore *store, const char *table)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  GString *columns = g_string_new (" ");

  stmt = qing_store_prepare (store, "SELECT name FROM pragma_table_info (?1)", NULL);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (columns, "%s ", sqlite3_column_text (stmt, 0));
  return g_string_free (columns, FALSE);
}

/* A small school with a row in every table (synthetic names only). */
static const char fill_sql[] =
  "INSERT INTO persons (id, kind, name, pinyin_key, gender, birthday, student_number) VALUES"
  "  (1, 1, '张小明', 'zhang xiao ming', 1, '2014-03-05', '2023001'),"
  "  (2, 1, '李雨桐', 'li yu tong', 2, '2014-07-21', '2023002'),"
  "  (3, 2, '王子涵', 'wang zi han', 2, NULL, NULL),"
  "  (4, 3, '陈思远', 'chen si yuan', 1, NULL, NULL),"
  "  (5, 3, '赵雅琴', 'zhao ya qin', 2, NULL, NULL);"
  "INSERT INTO student_groups (id, kind, name, grade, mentor_id) VALUES"
  "  (1, 1, '三年级二班', '三年级', 5), (2, 2, '赵老师小组', NULL, 5);"
  "INSERT INTO person_roles (person_id, role, title, group_id) VALUES"
  "  (4, 3, '专职', NULL), (5, 2, '班主任', 1), (2, 4, '心理委员', 1), (3, 1, NULL, NULL);"
  "INSERT INTO local_roles (role, person_id) VALUES (1, 3), (2, 5);"
  "INSERT INTO group_members (group_id, group_kind, student_id) VALUES"
  "  (1, 1, 1), (1, 1, 2), (2, 2, 1);"
  "INSERT INTO guardian_links (guardian_id, child_id, relation) VALUES (3, 1, '母亲');"
  "INSERT INTO care_levels (student_id, level, status, set_by, set_by_role, set_at_utc,"
  "    reason, confirmed_by, confirmed_at_utc, decision_note) VALUES"
  "  (1, 1, 1, 5, 2, 1764400000, '最近情绪低落', 4, 1764403600, '面谈后确认'),"
  "  (2, 1, 0, 5, 2, 1764400000, '作业压力大', NULL, NULL, NULL);"
  "INSERT INTO talks (id, student_id, listener_id, listener_role, start_utc, duration_s,"
  "    place, mode, topics, note, visibility, with_guardian, guardian_id) VALUES"
  "  (1, 1, 3, 1, 1764417600, 960, '家里', 0, '[\"学校\",\"朋友\"]', '聊了今天的事', 3, 0, NULL),"
  "  (2, 1, 5, 2, 1764400000, 900, '教室', 0, NULL, NULL, 2, 0, NULL),"
  "  (3, 1, 5, 2, 1764410000, 600, NULL, 1, NULL, '与家长通话', 2, 1, 3);"
  "INSERT INTO running_timers (student_id, listener_id, listener_role, started_utc,"
  "    paused_utc, paused_total_s, last_seen_utc, goal_notified_utc) VALUES"
  "  (2, 5, 2, 1764417600, NULL, 60, 1764418000, 1764418560);"
  "INSERT INTO moods (student_id, recorded_by, recorded_role, at_utc, valence, energy,"
  "    emotion_words, life_areas, note, visibility, talk_id) VALUES"
  "  (1, 3, 1, 1764418600, -1, 0, '[\"担心\"]', '[\"学习\"]', '考试前有点紧张', 3, 1),"
  "  (1, 3, 1, 1764505000, 2, NULL, NULL, NULL, NULL, 3, NULL);"
  "INSERT INTO cases (id, student_id, counselor_id, opened_at_utc, title) VALUES"
  "  (1, 1, 4, 1764403600, '考试焦虑');"
  "INSERT INTO case_events (case_id, kind, at_utc, by_person_id, by_name, status, note) VALUES"
  "  (1, 1, 1764403600, 4, '陈思远', NULL, '班主任提请关注'),"
  "  (1, 3, 1764490000, 4, '陈思远', 1, NULL);"
  "INSERT INTO flags (student_id, raised_by, raised_role, raised_at_utc, severity, observed,"
  "    who_was_told, status, case_id) VALUES"
  "  (1, 5, 2, 1764400000, 2, '上课常走神，情绪低落', NULL, 2, 1);"
  "INSERT INTO key_periods (id, kind, first_day, last_day, name, intervals) VALUES"
  "  (1, 3, '2026-12-28', '2027-01-15', '期末考试季', '{\"mentor-at-risk\":7}');"
  "INSERT INTO screenings (id, instrument, title, held_on, key_period_id, run_by) VALUES"
  "  (1, 'MHT', '秋季心理普测', '2026-10-15', NULL, 4);"
  "INSERT INTO screening_results (screening_id, student_id, answers, scores, total_score,"
  "    risk_level) VALUES (1, 1, '[1,0,2,1]', '{\"学习焦虑\":8}', 42.0, 1);"
  "INSERT INTO appointments (student_id, counselor_id, requested_by, start_utc, status,"
  "    place) VALUES (1, 4, 5, 1764579600, 1, '心理咨询室');"
  "INSERT INTO duty_roster (day, shift, person_id, place) VALUES ('2026-11-30', 0, 4, '心理咨询室');"
  "INSERT INTO terms (name, first_day, last_day) VALUES ('2026年秋季学期', '2026-09-01', '2027-01-22');"
  "INSERT INTO calendar_exceptions (kind, first_day, last_day, name, follows_weekday) VALUES"
  "  (1, '2026-10-01', '2026-10-07', '国庆节', NULL),"
  "  (2, '2026-10-10', '2026-10-10', '调休上课', 5);"
  "INSERT INTO mentor_slots (id, mentor_id, weekday, start_minute, length_minutes, capacity,"
  "    label) VALUES (1, 5, 1, 750, 30, 2, '午休');"
  "INSERT INTO plan_entries (mentor_id, student_id, day, slot_id, start_minute, position,"
  "    cycle_first_day, status) VALUES (5, 2, '2026-11-30', 1, 750, 0, '2026-11-23', 0);"
  "INSERT INTO peer_sessions (group_id, day, led_by, participants, duration_s, topic) VALUES"
  "  (1, '2026-11-27', 2, 12, 1200, '考试前的放松');"
  "INSERT INTO activities (kind, day, title, group_id, led_by, participants) VALUES"
  "  (1, '2026-05-25', '5·25 心理健康日：认识自我', NULL, 4, 300),"
  "  (2, '2026-11-20', '三年级二班家长会', 1, 5, 38);"
  "INSERT INTO notifications_sent (purpose, dedup_key, sent_utc) VALUES"
  "  ('evening-reminder', '2026-11-29', 1764417600);";

/* Fills @store with a small school: a row in every table. */
void
store_test_fill (QingStore *store)
{
  store_test_exec (store, fill_sql);
}

/* Counts the rows of every table as "table=n;…"; free with g_free(). */
static char *
count_rows (QingStore *store)
{
  g_autoptr (QingStoreStmt) tables = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *counts = g_string_new (NULL);

  tables = qing_store_prepare (store,
                               "SELECT name FROM sqlite_schema WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%' AND name <> 'settings' "
                               "ORDER BY name", NULL);
  while (sqlite3_step (tables) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (tables, 0)));
  for (guint i = 0; i < names->len; i++)
    {
      /* Table names from the schema itself, in a test: no user text. */
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"",
                                              (char *) names->pdata[i]);
      g_string_append_printf (counts, "%s=%" G_GINT64_FORMAT ";", (char *) names->pdata[i],
                              store_test_query_int (store, sql));
    }
  return g_string_free (counts, FALSE);
}

/* Writes a fixture of the current schema version at @path (which must not
 * exist): the small school, with the row counts in setting fixture.counts,
 * as one self-contained file.  Used as `test-store --write-fixture PATH`. */
int
store_test_write_fixture (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *counts = NULL;
  QingStore *store;
  sqlite3 *db = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists\n", path);
      return 1;
    }
  store = qing_store_open (path, NULL, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  store_test_fill (store);
  counts = count_rows (store);
  qing_store_set_setting (store, "fixture.counts", counts, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_print ("%s: version %u, %s\n", path, store_test_latest_version (), counts);
  return 0;
}

/* Asserts every table still has the rows counted when the fixture was
 * written (tables added since may have any number). */
void
store_test_assert_fixture_data (QingStore *store)
{
  g_autofree char *expected = qing_store_get_setting (store, "fixture.counts");
  g_autofree char *actual = count_rows (store);
  g_auto (GStrv) entries = NULL;

  g_assert_nonnull (expected);
  entries = g_strsplit (expected, ";", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    if (entries[i][0] != '\0')
      {
        g_autofree char *needle = g_strconcat (";", entries[i], ";", NULL);
        g_autofree char *haystack = g_strconcat (";", actual, NULL);
        if (strstr (haystack, needle) == NULL)
          g_error ("fixture row count %s not found in %s", entries[i], actual);
      }
}

static void
write_bytes (const char *path, const void *data, gsize length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

void
store_test_write_garbage (const char *path)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (29);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  write_bytes (path, bytes, sizeof bytes);
}

void
store_test_write_text (const char *path)
{
  const char *csv = "姓名,学号,班级\n张小明,2023001,三年级二班\n";
  write_bytes (path, csv, strlen (csv));
}

static void
raw_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
store_test_write_foreign_db (const char *path)
{
  raw_sql (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('王子涵');");
}

void
store_test_write_other_app_db (const char *path)
{
  raw_sql (path, "PRAGMA application_id = 12345; CREATE TABLE t (a);");
}

/* A closed Qingting database with some pages, as one file. */
static void
write_filled_db (const char *path)
{
  QingStore *store = store_test_open_path (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store_test_fill (store);
  for (guint i = 0; i < 300; i++)
    store_test_exec (store,
                     "INSERT INTO talks (student_id, listener_role, start_utc, duration_s, note)"
                     " VALUES (2, 1, 1764417600, 900, hex (randomblob (100)))");
  g_object_unref (store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
truncate_to (const char *path, gsize length)
{
  g_autofree char *contents = NULL;
  gsize full = 0;

  g_assert_true (g_file_get_contents (path, &contents, &full, NULL));
  g_assert_cmpuint (length, <, full);
  write_bytes (path, contents, length);
}

void
store_test_write_truncated_mid_page (const char *path)
{
  write_filled_db (path);
  truncate_to (path, 3 * 4096 + 1000);
}

void
store_test_write_truncated_at_page (const char *path)
{
  GStatBuf st;

  write_filled_db (path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  truncate_to (path, (st.st_size / 4096 / 2) * 4096);
}

static void
garble_from (const char *path, gsize from_end)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, from_end + 2 * 4096);
  for (gsize i = from_end > 0 ? length - from_end : 2 * 4096; i < length; i += 7)
    contents[i] = 0x5a;
  write_bytes (path, contents, length);
}

/* Overwrites every page after the first two with a pattern. */
void
store_test_garble_file (const char *path)
{
  garble_from (path, 0);
}

void
store_test_write_garbled (const char *path)
{
  write_filled_db (path);
  store_test_garble_file (path);
}

/* Only the last pages (rows of talks): the schema reads fine, the
 * integrity check must find it. */
void
store_test_write_garbled_tail (const char *path)
{
  write_filled_db (path);
  garble_from (path, 3 * 4096);
}

/* A database as a later Qingting would leave it: WAL mode, a newer
 * user_version. */
void
store_test_write_too_new (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  write_filled_db (path);
  raw_sql (path, "PRAGMA user_version = 99;");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}
