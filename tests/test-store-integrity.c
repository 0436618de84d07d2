/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the schema and the connection guarantee: foreign keys, cascades,
 * checks, append-only case events, the care level kept by triggers,
 * statement caching, transactions with savepoints, and row-changed
 * signals emitted only after commit.
 */
#include <string.h>

#include "test-store-util.h"

typedef struct
{
  char      *dir;
  QingStore *store;
  GArray    *changes; /* Change */
} Fixture;

typedef struct
{
  char           *table;
  gint64          row_id;
  QingStoreChange kind;
} Change;

static void
on_row_changed (QingStore *store, const char *table, gint64 row_id, QingStoreChange kind,
                gpointer user_data)
{
  Fixture *f = user_data;
  Change change = { g_strdup (table), row_id, kind };

  g_assert_false (qing_store_in_transaction (store));
  g_array_append_val (f->changes, change);
}

static void
clear_change (gpointer data)
{
  Change *change = data;
  g_free (change->table);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = store_test_tmpdir ();
  f->store = store_test_open_in (f->dir);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (f->changes, clear_change);
  g_signal_connect (f->store, "row-changed", G_CALLBACK (on_row_changed), f);
  store_test_fill (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  g_array_unref (f->changes);
  store_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* Runs @sql expecting the schema to refuse it as a constraint. */
static void
assert_refused (QingStore *store, const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (qing_store_exec (store, sql, &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_CONSTRAINT);
}

static void
test_foreign_keys (Fixture *f, gconstpointer data)
{
  assert_refused (f->store, "INSERT INTO talks (student_id, listener_role, start_utc, duration_s)"
                            " VALUES (999, 1, 0, 900)");
  assert_refused (f->store, "INSERT INTO group_members (group_id, group_kind, student_id)"
                            " VALUES (1, 2, 2)"); /* kind does not match the group */
  assert_refused (f->store, "INSERT INTO group_members (group_id, group_kind, student_id)"
                            " VALUES (2, 2, 1)"); /* already in a mentor group */

  /* Deleting a child deletes their talks, moods, cases and events… */
  g_assert_cmpint (store_test_query_int (f->store, "SELECT count(*) FROM talks WHERE student_id = 1"),
                   ==, 3);
  store_test_exec (f->store, "DELETE FROM persons WHERE id = 1");
  g_assert_cmpint (store_test_query_int (f->store, "SELECT count(*) FROM talks"), ==, 0);
  g_assert_cmpint (store_test_query_int (f->store, "SELECT count(*) FROM moods"), ==, 0);
  g_assert_cmpint (store_test_query_int (f->store, "SELECT count(*) FROM case_events"), ==, 0);
  g_assert_cmpint (store_test_query_int (f->store, "SELECT count(*) FROM guardian_links"), ==, 0);
  /* …deleting an adult keeps what they recorded, without the author. */
  store_test_exec (f->store, "DELETE FROM persons WHERE id = 5");
  g_assert_cmpint (store_test_query_int (f->store, "SELECT count(*) FROM running_timers"), ==, 0);
  g_assert_cmpint (store_test_query_int (f->store, "SELECT count(*) FROM student_groups "
                                                   "WHERE mentor_id IS NULL"), ==, 2);
  g_assert_cmpint (store_test_query_int (f->store, "SELECT count(*) FROM pragma_foreign_key_check"),
                   ==, 0);
}

static void
test_checks (Fixture *f, gconstpointer data)
{
  assert_refused (f->store, "INSERT INTO moods (student_id, at_utc, valence) VALUES (1, 0, 4)");
  assert_refused (f->store, "INSERT INTO moods (student_id, at_utc, valence) VALUES (1, 0, -4)");
  assert_refused (f->store, "INSERT INTO moods (student_id, at_utc, valence, emotion_words)"
                            " VALUES (1, 0, 0, 'not json')");
  assert_refused (f->store, "INSERT INTO flags (student_id, raised_at_utc, severity, observed)"
                            " VALUES (1, 0, 3, '说不想活了')");
  assert_refused (f->store, "INSERT INTO flags (student_id, raised_at_utc, severity, observed,"
                            " who_was_told) VALUES (1, 0, 3, '说不想活了', '  ')");
  store_test_exec (f->store, "INSERT INTO flags (student_id, raised_at_utc, severity, observed,"
                             " who_was_told) VALUES (1, 0, 3, '说不想活了', '已告知家长和校长')");
  assert_refused (f->store, "INSERT INTO persons (kind, name, birthday) VALUES (1, '王子涵', '5.3.2014')");
  assert_refused (f->store, "INSERT INTO persons (kind, name, student_number)"
                            " VALUES (1, '王子涵', '2023001')");
  assert_refused (f->store, "INSERT INTO persons (kind, name, student_number) VALUES (1, '王子涵', '')");
  store_test_exec (f->store, "INSERT INTO persons (kind, name) VALUES (1, '王子涵'), (1, '孙悦')");
  assert_refused (f->store, "INSERT INTO talks (student_id, listener_role, start_utc, duration_s)"
                            " VALUES (1, 9, 0, 900)");
  assert_refused (f->store, "INSERT INTO running_timers (student_id, listener_id, listener_role,"
                            " started_utc, last_seen_utc) VALUES (2, 5, 2, 0, 0)");
}

static void
test_case_events_append_only (Fixture *f, gconstpointer data)
{
  assert_refused (f->store, "UPDATE case_events SET note = '改写'");
  assert_refused (f->store, "DELETE FROM case_events");
  assert_refused (f->store, "DELETE FROM cases");
  g_assert_cmpint (store_test_query_int (f->store, "SELECT count(*) FROM case_events"), ==, 2);

  /* Status follows the events. */
  g_assert_cmpint (store_test_query_int (f->store, "SELECT status FROM cases"), ==, 1);
  store_test_exec (f->store, "INSERT INTO case_events (case_id, kind, at_utc, referred_to)"
                             " VALUES (1, 4, 1764500000, '市精神卫生中心')");
  g_assert_cmpint (store_test_query_int (f->store, "SELECT status FROM cases"), ==, 2);
  store_test_exec (f->store, "INSERT INTO case_events (case_id, kind, at_utc)"
                             " VALUES (1, 5, 1764600000)");
  g_assert_cmpint (store_test_query_int (f->store, "SELECT status FROM cases"), ==, 3);
}

static void
test_care_level_current (Fixture *f, gconstpointer data)
{
  /* 张小明 confirmed key-care; 李雨桐 only proposed. */
  g_assert_cmpint (store_test_query_int (f->store, "SELECT care_level FROM persons WHERE id = 1"),
                   ==, 1);
  g_assert_cmpint (store_test_query_int (f->store, "SELECT care_level FROM persons WHERE id = 2"),
                   ==, 0);
  store_test_exec (f->store, "UPDATE care_levels SET status = 1, confirmed_by = 4,"
                             " confirmed_at_utc = 1764490000 WHERE student_id = 2");
  g_assert_cmpint (store_test_query_int (f->store, "SELECT care_level FROM persons WHERE id = 2"),
                   ==, 1);
  store_test_exec (f->store, "INSERT INTO care_levels (student_id, level, status, set_at_utc,"
                             " confirmed_at_utc) VALUES (1, 2, 1, 1764500000, 1764500000)");
  g_assert_cmpint (store_test_query_int (f->store, "SELECT care_level FROM persons WHERE id = 1"),
                   ==, 2);
  store_test_exec (f->store, "INSERT INTO care_levels (student_id, level, status, set_at_utc,"
                             " confirmed_at_utc) VALUES (1, 0, 1, 1764600000, 1764600000)");
  g_assert_cmpint (store_test_query_int (f->store, "SELECT count(*) FROM persons "
                                                   "WHERE care_level > 0"), ==, 1);
}

static void
test_statement_cache (Fixture *f, gconstpointer data)
{
  const char *sql = "SELECT name FROM persons WHERE id = ?1";
  g_autofree char *copy = g_strdup (sql);
  QingStoreStmt *a, *b;
  g_autoptr (GError) error = NULL;

  a = qing_store_prepare (f->store, sql, &error);
  sqlite3_bind_int64 (a, 1, 1);
  g_assert_cmpint (sqlite3_step (a), ==, SQLITE_ROW);
  b = qing_store_prepare (f->store, copy, &error);
  g_assert_true (a == b);
  /* Reset, bindings cleared: a NULL id finds nothing. */
  g_assert_cmpint (sqlite3_step (b), ==, SQLITE_DONE);
  qing_store_stmt_release (b);

  g_assert_null (qing_store_prepare (f->store, "SELEC nonsense", &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_FAILED);
}

static gboolean
insert_person (QingStore *store, const char *name, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (store, "INSERT INTO persons (kind, name) VALUES (1, ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!qing_store_step_done (store, stmt, "Adding a student", error))
    return FALSE;
  qing_store_emit_changed (store, "persons", sqlite3_last_insert_rowid (qing_store_get_db (store)),
                           QING_STORE_CHANGE_ADDED);
  return TRUE;
}

static gboolean
add_then_fail (QingStore *store, gpointer data, GError **error)
{
  if (!insert_person (store, data, error))
    return FALSE;
  /* A second row breaking a rule: the whole transaction must go. */
  return insert_person (store, "", error);
}

static gboolean
add_one (QingStore *store, gpointer data, GError **error)
{
  return insert_person (store, data, error);
}

static gboolean
add_outer_with_failing_inner (QingStore *store, gpointer data, GError **error)
{
  g_autoptr (GError) inner_error = NULL;

  if (!insert_person (store, "孙悦", error))
    return FALSE;
  g_assert_false (qing_store_transaction (store, add_then_fail, "周晓", &inner_error));
  g_assert_error (inner_error, QING_STORE_ERROR, QING_STORE_ERROR_CONSTRAINT);
  /* The failed inner level is gone; the outer one goes on. */
  return qing_store_transaction (store, add_one, "吴迪", error);
}

static guint
count_named (Fixture *f, const char *name)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (f->store, "SELECT count(*) FROM persons WHERE name = ?1", NULL);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return (guint) sqlite3_column_int (stmt, 0);
}

static void
test_transaction_rolls_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (qing_store_transaction (f->store, add_then_fail, "郑琳", &error));
  g_assert_error (error, QING_STORE_ERROR, QING_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Adding a student"));
  g_assert_cmpuint (count_named (f, "郑琳"), ==, 0);
  g_assert_false (qing_store_in_transaction (f->store));
  g_assert_cmpuint (f->changes->len, ==, 0);
}

static void
test_transaction_nested (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_transaction (f->store, add_outer_with_failing_inner, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_named (f, "孙悦"), ==, 1);
  g_assert_cmpuint (count_named (f, "周晓"), ==, 0);
  g_assert_cmpuint (count_named (f, "吴迪"), ==, 1);
  /* Only the committed rows were announced, after the commit, in order. */
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_cmpstr (g_array_index (f->changes, Change, 0).table, ==, "persons");
  g_assert_cmpint (g_array_index (f->changes, Change, 0).kind, ==, QING_STORE_CHANGE_ADDED);
  g_assert_cmpint (g_array_index (f->changes, Change, 1).row_id, >,
                   g_array_index (f->changes, Change, 0).row_id);
}

static void
on_talk_changed (QingStore *store, const char *table, gint64 row_id, QingStoreChange kind,
                 gpointer user_data)
{
  guint *n = user_data;
  g_assert_cmpstr (table, ==, "talks");
  (*n)++;
}

static void
test_row_changed_after_commit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint n_talks = 0;

  g_signal_connect (f->store, "row-changed::talks", G_CALLBACK (on_talk_changed), &n_talks);

  g_assert_true (qing_store_begin (f->store, &error));
  qing_store_emit_changed (f->store, "talks", 1, QING_STORE_CHANGE_UPDATED);
  qing_store_emit_changed (f->store, "moods", 1, QING_STORE_CHANGE_REMOVED);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_true (qing_store_commit (f->store, &error));
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_cmpuint (n_talks, ==, 1);

  g_assert_true (qing_store_begin (f->store, &error));
  qing_store_emit_changed (f->store, "talks", 2, QING_STORE_CHANGE_REMOVED);
  qing_store_rollback (f->store);
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_cmpuint (n_talks, ==, 1);

  /* Outside a transaction: at once. */
  g_assert_true (qing_store_set_setting (f->store, "reminder", "20:00", &error));
  g_assert_cmpuint (f->changes->len, ==, 3);
  g_assert_cmpstr (g_array_index (f->changes, Change, 2).table, ==, "settings");
  g_assert_no_error (error);
}

static void
test_json_lists (Fixture *f, gconstpointer data)
{
  const char * const words[] = { "担心", "say \"hi\"", "back\\slash", "tab\there", NULL };
  g_autofree char *json = qing_store_strv_to_json (words);
  g_auto (GStrv) back = qing_store_strv_from_json (f->store, json);
  g_auto (GStrv) none = qing_store_strv_from_json (f->store, NULL);
  g_auto (GStrv) bad = qing_store_strv_from_json (f->store, "[1, \"学习\", null");
  g_auto (GStrv) mixed = qing_store_strv_from_json (f->store, "[1, \"学习\", null]");

  g_assert_true (g_strv_equal (words, (const char * const *) back));
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (bad), ==, 0);
  g_assert_cmpuint (g_strv_length (mixed), ==, 1);
  g_assert_cmpstr (mixed[0], ==, "学习");
  g_assert_null (qing_store_strv_to_json (NULL));
  /* What the helper writes passes the schema's json_valid() check. */
  {
    g_autoptr (QingStoreStmt) stmt = qing_store_prepare (f->store, "SELECT json_valid (?1)", NULL);
    sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  }
}

static void
test_default_path (void)
{
  g_autofree char *from_env = NULL;
  g_autofree char *from_xdg = NULL;

  g_setenv ("QING_DATABASE", "/tmp/elsewhere.db", TRUE);
  from_env = qing_store_default_path ();
  g_assert_cmpstr (from_env, ==, "/tmp/elsewhere.db");
  g_unsetenv ("QING_DATABASE");
  from_xdg = qing_store_default_path ();
  g_assert_true (g_str_has_prefix (from_xdg, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (from_xdg, "/qingting/qingting.db"));
}

/* Registers the tests of this file. */
void
store_test_add_integrity_tests (void)
{
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/schema/foreign-keys", test_foreign_keys);
  ADD ("/store/schema/checks", test_checks);
  ADD ("/store/schema/case-events-append-only", test_case_events_append_only);
  ADD ("/store/schema/care-level-current", test_care_level_current);
  ADD ("/store/statement-cache", test_statement_cache);
  ADD ("/store/transaction/rollback", test_transaction_rolls_back);
  ADD ("/store/transaction/nested", test_transaction_nested);
  ADD ("/store/row-changed-after-commit", test_row_changed_after_commit);
  ADD ("/store/json-lists", test_json_lists);
#undef ADD
  g_test_add_func ("/store/default-path", test_default_path);
}
