/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "qing-csv.h"
#include "qing-export.h"
#include "qing-repository.h"
#include "qing-roster-import.h"
#include "qing-store-private.h"

static char *
fixture (const char *name)
{
  return g_build_filename (QING_TEST_FIXTURES, "roster", name, NULL);
}

static GPtrArray *
parse_string (const char *text, QingCsvInfo *info)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *records = qing_csv_parse (text, strlen (text), info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static void
assert_record (GPtrArray *records, guint index, guint line, const char *const *fields)
{
  const QingCsvRecord *record;

  g_assert_cmpuint (index, <, records->len);
  record = g_ptr_array_index (records, index);
  g_assert_cmpuint (record->line, ==, line);
  g_assert_cmpuint (record->n_fields, ==, g_strv_length ((char **) fields));
  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_cmpstr (record->fields[i], ==, fields[i]);
}

static void
test_csv_rfc4180 (void)
{
  g_autoptr (GPtrArray) records = NULL;
  QingCsvInfo info;

  records = parse_string ("a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
                          "\"two\r\nlines\",,x\r\n"
                          "\r\n"
                          "last,row,no-newline",
                          &info);
  g_assert_cmpint (info.separator, ==, ',');
  g_assert_cmpint (info.encoding, ==, QING_CSV_ENCODING_UTF8);
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, (const char *[]) { "a", "b,c", "say \"hi\"", NULL });
  assert_record (records, 1, 2, (const char *[]) { "two\nlines", "", "x", NULL });
  assert_record (records, 2, 4, (const char *[]) { "", NULL });
  g_assert_true (qing_csv_record_is_blank (g_ptr_array_index (records, 2)));
  assert_record (records, 3, 5, (const char *[]) { "last", "row", "no-newline", NULL });
}

static void
test_csv_separators (void)
{
  static const struct
  {
    const char *text;
    char        separator;
    guint       n_fields;
  } cases[] = {
    { "姓名;学号;班级\n张三;1;2\n", ';', 3 },
    { "姓名\t学号\n张三\t1\n", '\t', 2 },
    { "姓名,学号\n张三,1\n", ',', 2 },
    { "\"a;b\",c\nd,e\n", ',', 2 }, /* a semicolon inside quotes does not count */
    { "姓名\n张三\n", ',', 1 },
    { "a,b\rc,d\r", ',', 2 },   /* old Mac line ends */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) records = NULL;
      QingCsvInfo info;

      records = parse_string (cases[i].text, &info);
      g_assert_cmpint (info.separator, ==, cases[i].separator);
      g_assert_cmpuint (records->len, ==, 2);
      for (guint r = 0; r < records->len; r++)
        g_assert_cmpuint (((QingCsvRecord *) g_ptr_array_index (records, r))->n_fields, ==,
                          cases[i].n_fields);
    }
}

static void
test_csv_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *missing = fixture ("no-such-file.csv");
  static const char unterminated[] = "a,b\nc,\"open\nd,e\n";
  static const char garbage[] = "\xff\xff\xfe\x80,\xff\n";

  records = qing_csv_parse (unterminated, strlen (unterminated), NULL, &error);
  g_assert_null (records);
  g_assert_error (error, QING_CSV_ERROR, QING_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  records = qing_csv_parse (garbage, strlen (garbage), NULL, &error);
  g_assert_null (records);
  g_assert_error (error, QING_CSV_ERROR, QING_CSV_ERROR_ENCODING);
  g_clear_error (&error);

  records = qing_csv_read_file (missing, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, QING_CSV_ERROR, QING_CSV_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "no-such-file.csv"));
}

/* One expected problem: line, column (0 = whole row), a piece of the text. */
typedef struct
{
  guint       line;
  guint       column;
  const char *text;
} ExpectedProblem;

typedef struct
{
  const char           *file;
  QingCsvEncoding       encoding;
  guint                 n_rows;
  guint                 header_line;
  const ExpectedProblem problems[10];
} FixtureCase;

static const FixtureCase fixture_cases[] = {
  { "utf8.csv", QING_CSV_ENCODING_UTF8, 5, 1, { { 0 } } },
  { "utf8-bom.csv", QING_CSV_ENCODING_UTF8_BOM, 4, 1, { { 0 } } },
  { "gb18030.csv", QING_CSV_ENCODING_GB18030, 4, 1, { { 0 } } },
  { "english.csv", QING_CSV_ENCODING_UTF8, 3, 1, { { 0 } } },
  { "quoted.csv", QING_CSV_ENCODING_UTF8, 3, 1, { { 0 } } },
  { "utf16.txt", QING_CSV_ENCODING_UTF16LE, 2, 1, { { 0 } } },
  { "class-45.csv", QING_CSV_ENCODING_UTF8_BOM, 45, 1, { { 0 } } },
  { "bad-rows.csv", QING_CSV_ENCODING_UTF8, 9, 3, {
      { 5, 1, "Line 5: the name is missing." },
      { 6, 5, "Line 6: phone number “1390000040” is not an 11-digit mobile number." },
      { 7, 4, "Line 7: birthday “2014-02-30” is not a date" },
      { 8, 3, "Line 8: gender “未知”" },
      { 9, 0, "Line 9 has 3 fields, but the header has 5." },
      { 10, 2, "Line 10: student number “2.02302E+09” was turned into a rounded number" },
      { 11, 0, "Line 11 has 6 fields, but the header has 5." },
      { 13, 5, "Line 13: phone number “010-12345678”" },
      { 0 } } },
  { "duplicates.csv", QING_CSV_ENCODING_UTF8, 6, 1, {
      { 4, 2, "Line 4: student number “D001” repeats line 2." },
      { 6, 2, "Line 6: a student with number “D005” is already in the app." },
      { 7, 2, "Line 7: student number “D002” repeats line 3." },
      { 0 } } },
};

static void
test_import_fixtures (void)
{
  g_autoptr (GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (known, (gpointer) "D005");
  for (gsize i = 0; i < G_N_ELEMENTS (fixture_cases); i++)
    {
      const FixtureCase *c = &fixture_cases[i];
      g_autofree char *path = fixture (c->file);
      g_autoptr (GError) error = NULL;
      g_autoptr (QingRosterImport) import = NULL;
      guint n_expected = 0;

      g_test_message ("fixture %s", c->file);
      import = qing_roster_import_new_from_file (path, known, &error);
      g_assert_no_error (error);
      g_assert_cmpint (qing_roster_import_get_encoding (import), ==, c->encoding);
      g_assert_cmpuint (qing_roster_import_get_n_rows (import), ==, c->n_rows);
      g_assert_cmpuint (qing_roster_import_get_header_line (import), ==, c->header_line);
      while (c->problems[n_expected].line != 0)
        n_expected++;
      for (guint p = 0; p < qing_roster_import_get_n_problems (import); p++)
        g_test_message ("  problem: %s", qing_roster_import_get_problem (import, p)->message);
      g_assert_cmpuint (qing_roster_import_get_n_problems (import), ==, n_expected);
      for (guint p = 0; p < n_expected; p++)
        {
          const QingRosterProblem *problem = qing_roster_import_get_problem (import, p);

          g_assert_cmpuint (problem->line, ==, c->problems[p].line);
          g_assert_cmpuint (problem->column, ==, c->problems[p].column);
          g_assert_nonnull (strstr (problem->message, c->problems[p].text));
        }
    }
}

static QingRosterImport *
import_fixture (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr (GError) error = NULL;
  QingRosterImport *import = qing_roster_import_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  return import;
}

static void
test_import_values (void)
{
  g_autoptr (QingRosterImport) utf8 = import_fixture ("utf8.csv");
  g_autoptr (QingRosterImport) gb = import_fixture ("gb18030.csv");
  g_autoptr (QingRosterImport) quoted = import_fixture ("quoted.csv");
  g_autoptr (QingRosterImport) english = import_fixture ("english.csv");
  const QingRosterRow *row;

  /* Every date style becomes ISO, every phone style 11 digits. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *phone = g_strdup_printf ("1390000000%u", i + 1);

      row = qing_roster_import_get_row (utf8, i);
      g_assert_cmpstr (row->birthday, ==, "2014-03-05");
      g_assert_cmpstr (row->guardian_phone, ==, phone);
      g_assert_cmpuint (row->line, ==, i + 2);
    }
  row = qing_roster_import_get_row (utf8, 4);
  g_assert_cmpstr (row->name, ==, "欧阳娜娜");
  g_assert_cmpstr (row->birthday, ==, "2013-12-31");
  g_assert_cmpint (row->gender, ==, QING_GENDER_FEMALE);
  g_assert_cmpstr (row->group_name, ==, "第三组");
  g_assert_null (row->note);
  row = qing_roster_import_get_row (utf8, 1);
  g_assert_cmpstr (row->note, ==, "喜欢画画");
  g_assert_cmpstr (row->guardian_name, ==, "李芳");
  g_assert_cmpstr (row->class_name, ==, "七年级3班");

  row = qing_roster_import_get_row (gb, 0);
  g_assert_cmpstr (row->name, ==, "陈𠮷");
  g_assert_cmpint (row->gender, ==, QING_GENDER_MALE);
  g_assert_cmpstr (row->guardian_phone, ==, "13900000201");
  g_assert_false (qing_roster_import_has_column (gb, QING_ROSTER_COLUMN_BIRTHDAY));
  g_assert_true (qing_roster_import_has_column (gb, QING_ROSTER_COLUMN_GUARDIAN_PHONE));

  row = qing_roster_import_get_row (quoted, 1);
  g_assert_cmpstr (row->note, ==, "第一行\n第二行");
  row = qing_roster_import_get_row (quoted, 2);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpstr (row->name, ==, "王\"五\"");
  g_assert_cmpstr (qing_roster_import_get_row (quoted, 0)->note, ==, "爱好: 篮球, 足球");

  row = qing_roster_import_get_row (english, 1);
  g_assert_cmpstr (row->name, ==, "Ben Zhou");
  g_assert_cmpstr (row->student_number, ==, "E2023002");
  g_assert_cmpint (row->gender, ==, QING_GENDER_MALE);
  g_assert_cmpstr (row->group_name, ==, "A");
}

static void
test_import_header_variants (void)
{
  static const char text[] =
    "\xEF\xBB\xBF 学生姓名（必填）, Student_ID ,*家长手机号,出生年月日,Gender\n"
    "王子涵,X1,13900000001,2014年3月5日,m\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (QingRosterImport) import = NULL;
  const QingRosterRow *row;

  import = qing_roster_import_new_from_data (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qing_roster_import_get_n_problems (import), ==, 0);
  row = qing_roster_import_get_row (import, 0);
  g_assert_cmpstr (row->name, ==, "王子涵");
  g_assert_cmpstr (row->student_number, ==, "X1");
  g_assert_cmpstr (row->guardian_phone, ==, "13900000001");
  g_assert_cmpstr (row->birthday, ==, "2014-03-05");
  g_assert_cmpint (row->gender, ==, QING_GENDER_MALE);
}

static void
test_import_value_formats (void)
{
  static const struct
  {
    const char *birthday;
    const char *phone;
    const char *iso;      /* NULL: a problem is expected */
    const char *digits;   /* NULL: a problem is expected */
  } cases[] = {
    { "2014-03-05", "13900000001", "2014-03-05", "13900000001" },
    { "2014/3/5 0:00", "139 0000 0001", "2014-03-05", "13900000001" },
    { "2014.12.31", "139-0000-0001", "2014-12-31", "13900000001" },
    { "2016年2月29日", "+86 13900000001", "2016-02-29", "13900000001" },
    { "20140305", "8613900000001", "2014-03-05", "13900000001" },
    { "2015-02-29", "12900000001", NULL, NULL },  /* no 29 Feb; 12x is no mobile */
    { "2014-13-01", "1390000000", NULL, NULL },
    { "3/5/2014", "139000000012", NULL, NULL },
    { "2014-3", "139 0000 000a", NULL, NULL },
    { "明天", "(010) 12345678", NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("姓名,生日,电话\n张三,%s,%s\n",
                                               cases[i].birthday, cases[i].phone);
      g_autoptr (GError) error = NULL;
      g_autoptr (QingRosterImport) import = NULL;
      const QingRosterRow *row;
      guint expected = (cases[i].iso == NULL) + (cases[i].digits == NULL);

      import = qing_roster_import_new_from_data (text, strlen (text), NULL, &error);
      g_assert_no_error (error);
      row = qing_roster_import_get_row (import, 0);
      g_assert_cmpstr (row->birthday, ==, cases[i].iso);
      g_assert_cmpstr (row->guardian_phone, ==, cases[i].digits);
      g_assert_cmpuint (qing_roster_import_get_n_problems (import), ==, expected);
    }
}

static void
test_import_file_errors (void)
{
  static const char no_name[] = "学号,班级\n1,2\n";
  static const char header_only[] = "姓名,学号\n,\n";
  static const char empty[] = "\xEF\xBB\xBF\r\n,,\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (QingRosterImport) import = NULL;

  import = qing_roster_import_new_from_data (no_name, strlen (no_name), NULL, &error);
  g_assert_null (import);
  g_assert_error (error, QING_ROSTER_IMPORT_ERROR, QING_ROSTER_IMPORT_ERROR_NO_NAME_COLUMN);
  g_clear_error (&error);

  import = qing_roster_import_new_from_data (header_only, strlen (header_only), NULL, &error);
  g_assert_null (import);
  g_assert_error (error, QING_ROSTER_IMPORT_ERROR, QING_ROSTER_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  import = qing_roster_import_new_from_data (empty, strlen (empty), NULL, &error);
  g_assert_null (import);
  g_assert_error (error, QING_ROSTER_IMPORT_ERROR, QING_ROSTER_IMPORT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "The file is empty.");
}

/* A fresh store in a temporary folder, removed by store_free(). */
typedef struct
{
  char      *dir;
  QingClock *clock;
  QingStore *store;
} TestStore;

static void
store_init (TestStore *ts)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr (GDateTime) now = g_date_time_new (tz, 2026, 11, 29, 20, 0, 0);
  g_autofree char *path = NULL;

  ts->dir = g_dir_make_tmp ("qing-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (ts->dir, "test.db", NULL);
  ts->clock = qing_clock_new_manual (now);
  ts->store = qing_store_open (path, ts->clock, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

static void
store_free (TestStore *ts)
{
  g_clear_object (&ts->store);
  g_clear_object (&ts->clock);
  remove_tree (ts->dir);
  g_free (ts->dir);
}

static gint64
count (QingStore *store, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_import_commit (void)
{
  TestStore ts;
  g_autoptr (GError) error = NULL;
  g_autoptr (QingRosterImport) import = import_fixture ("utf8.csv");
  g_autoptr (QingRosterImport) again = NULL;
  g_autoptr (GHashTable) known = NULL;
  g_autofree char *path = fixture ("utf8.csv");

  store_init (&ts);
  g_assert_true (qing_roster_import_commit (ts.store, import, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM persons WHERE kind = 1"), ==, 5);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM persons WHERE kind = 2"), ==, 5);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM guardian_links"), ==, 5);
  /* One class and three groups, created once each. */
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM student_groups WHERE kind = 1"), ==, 1);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM student_groups WHERE kind = 2"), ==, 3);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM group_members"), ==, 10);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM persons WHERE kind = 1 AND "
                                    "student_number = '2023005' AND birthday = '2013-12-31' "
                                    "AND gender = 2 AND name = '欧阳娜娜'"), ==, 1);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM persons WHERE kind = 2 AND "
                                    "name = '赵丽' AND phone = '13900000004'"), ==, 1);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM persons WHERE note = '喜欢画画'"), ==, 1);

  /* The same file again: every number is known, nothing is written. */
  known = qing_roster_import_dup_known_numbers (ts.store, &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (known, "2023003"));
  again = qing_roster_import_new_from_file (path, known, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qing_roster_import_get_n_problems (again), ==, 5);
  g_assert_false (qing_roster_import_commit (ts.store, again, 0, &error));
  g_assert_error (error, QING_ROSTER_IMPORT_ERROR, QING_ROSTER_IMPORT_ERROR_HAS_PROBLEMS);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM persons WHERE kind = 1"), ==, 5);

  store_free (&ts);
}

static void
test_import_commit_all_or_nothing (void)
{
  /* The second row clashes with a number already stored (not passed in as
   * known): the store refuses it and the first row is rolled back too. */
  static const char clash[] = "姓名,学号,班级\n新同学,N001,新班\n另一个,2023001,新班\n";
  TestStore ts;
  g_autoptr (GError) error = NULL;
  g_autoptr (QingRosterImport) first = import_fixture ("utf8.csv");
  g_autoptr (QingRosterImport) second = NULL;

  store_init (&ts);
  g_assert_true (qing_roster_import_commit (ts.store, first, 0, &error));
  g_assert_no_error (error);
  second = qing_roster_import_new_from_data (clash, strlen (clash), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qing_roster_import_get_n_problems (second), ==, 0);
  g_assert_false (qing_roster_import_commit (ts.store, second, 0, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM persons WHERE student_number = 'N001'"),
                   ==, 0);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM student_groups WHERE name = '新班'"),
                   ==, 0);
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM persons WHERE kind = 1"), ==, 5);
  store_free (&ts);
}

static void
test_import_commit_into_group (void)
{
  TestStore ts;
  g_autoptr (GError) error = NULL;
  g_autoptr (QingRosterImport) import = import_fixture ("class-45.csv");
  g_autoptr (QingGroup) group = qing_group_new (QING_GROUP_MENTOR, "语文小组", 0);
  g_autoptr (GPtrArray) students = NULL;

  store_init (&ts);
  g_assert_true (qing_store_add_group (ts.store, group, &error));
  g_assert_no_error (error);
  g_assert_true (qing_roster_import_commit (ts.store, import, qing_group_get_id (group), &error));
  g_assert_no_error (error);
  students = qing_store_list_group_students (ts.store, qing_group_get_id (group), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (students->len, ==, 45);
  /* The class column made one class with the same 45. */
  g_assert_cmpint (count (ts.store, "SELECT count(*) FROM group_members WHERE group_kind = 1"),
                   ==, 45);
  store_free (&ts);
}

static void
test_export_cells (void)
{
  static const struct
  {
    const char *text;
    const char *cell;
  } cases[] = {
    { "张三", "张三" },
    { "", "" },
    { "=1+1", "'=1+1" },
    { "+8613900000001", "'+8613900000001" },
    { "-3", "'-3" },
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "\t=1", "'\t=1" },
    { "\r=1", "\"'\r=1\"" },
    { "=HYPERLINK(\"http://example.com\",\"看这里\")",
      "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"看这里\"\")\"" },
    { "a,b", "\"a,b\"" },
    { "第一行\n第二行", "\"第一行\n第二行\"" },
    { "说\"你好\"", "\"说\"\"你好\"\"\"" },
    { " 前后空格 ", "\" 前后空格 \"" },
    { "1=1", "1=1" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = qing_export_cell (cases[i].text);
      g_assert_cmpstr (cell, ==, cases[i].cell);
    }
}

static void
test_export_table (void)
{
  g_autoptr (QingExportTable) table = qing_export_table_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qing-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *text = NULL;
  const char *data;
  gsize size, saved_size;
  QingCsvInfo info;
  GStatBuf st;

  qing_export_table_add_text (table, "姓名");
  qing_export_table_add_text (table, "情绪");
  qing_export_table_end_row (table);
  qing_export_table_add_text (table, "=cmd|' /C calc'!A0");
  qing_export_table_add_int (table, -3);
  qing_export_table_end_row (table);
  g_assert_cmpuint (qing_export_table_get_n_rows (table), ==, 2);

  bytes = qing_export_table_to_bytes (table);
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  g_assert_cmpstr (text, ==, "\xEF\xBB\xBF" "姓名,情绪\r\n'=cmd|' /C calc'!A0,-3\r\n");

  /* It reads back as the same cells, with the formula defused. */
  records = qing_csv_parse (data, size, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.encoding, ==, QING_CSV_ENCODING_UTF8_BOM);
  assert_record (records, 1, 2, (const char *[]) { "'=cmd|' /C calc'!A0", "-3", NULL });

  g_assert_true (qing_export_table_save (table, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, &saved_size, NULL));
  g_assert_cmpmem (saved, saved_size, data, size);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_remove (path);
  g_rmdir (dir);
}

static gint64
add_person (QingStore *store, QingPersonKind kind, const char *name, const char *number)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (QingPerson) person = qing_person_new (kind, name);

  qing_person_set_student_number (person, number);
  g_assert_true (qing_store_add_person (store, person, &error));
  g_assert_no_error (error);
  return qing_person_get_id (person);
}

static void
add_talk (QingStore *store, gint64 student, gint64 listener, QingRole role, gint64 start,
          int minutes, QingVisibility visibility, const char *note)
{
  static const char *const topics[] = { "学习", "朋友", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (QingTalk) talk = qing_talk_new (student, listener, role, start, minutes * 60);

  qing_talk_set_visibility (talk, visibility);
  qing_talk_set_note (talk, note);
  qing_talk_set_topics (talk, topics);
  qing_talk_set_mode (talk, QING_TALK_MODE_PHONE);
  g_assert_true (qing_store_add_talk (store, talk, &error));
  g_assert_no_error (error);
}

static char *
table_text (QingExportTable *table)
{
  g_autoptr (GBytes) bytes = qing_export_table_to_bytes (table);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static void
test_export_store (void)
{
  TestStore ts;
  g_autoptr (GError) error = NULL;
  g_autoptr (QingGroup) group = NULL;
  g_autoptr (QingExportTable) mentor_talks = NULL;
  g_autoptr (QingExportTable) counselor_talks = NULL;
  g_autoptr (QingExportTable) moods = NULL;
  g_autoptr (QingMoodEntry) mood = NULL;
  g_autofree char *mentor_text = NULL;
  g_autofree char *counselor_text = NULL;
  g_autofree char *mood_text = NULL;
  g_autofree char *path = NULL;
  gint64 student, mentor, counselor, t0;
  QingViewer as_mentor, as_counselor;

  store_init (&ts);
  t0 = qing_clock_get_now_unix (ts.clock); /* 2026-11-29 20:00 in Shanghai */
  student = add_person (ts.store, QING_PERSON_STUDENT, "张小明", "S001");
  mentor = add_person (ts.store, QING_PERSON_STAFF, "李雨桐", NULL);
  counselor = add_person (ts.store, QING_PERSON_STAFF, "王子涵", NULL);
  group = qing_group_new (QING_GROUP_CLASS, "七年级3班", mentor);
  g_assert_true (qing_store_add_group (ts.store, group, &error));
  g_assert_true (qing_store_add_to_group (ts.store, qing_group_get_id (group), student, &error));
  g_assert_no_error (error);

  add_talk (ts.store, student, mentor, QING_ROLE_MENTOR, t0 - 3600, 20, QING_VISIBILITY_SCHOOL,
            "=HYPERLINK(\"http://example.com\",\"x\")");
  add_talk (ts.store, student, counselor, QING_ROLE_COUNSELOR, t0 - 7200, 10,
            QING_VISIBILITY_COUNSELOR, "保密：只给心理老师看");
  add_talk (ts.store, student, mentor, QING_ROLE_MENTOR, t0 - 40 * 86400, 15,
            QING_VISIBILITY_SCHOOL, "范围之外");

  as_mentor = (QingViewer) { mentor, QING_ROLE_MENTOR };
  as_counselor = (QingViewer) { counselor, QING_ROLE_COUNSELOR };
  mentor_talks = qing_export_talks_table (ts.store, &as_mentor, &student, 1, t0 - 30 * 86400, t0,
                                          &error);
  g_assert_no_error (error);
  counselor_talks = qing_export_talks_table (ts.store, &as_counselor, &student, 1,
                                             t0 - 30 * 86400, t0, &error);
  g_assert_no_error (error);

  /* The mentor's file has the mentor's talk, defused, and never the
   * counselor's confidential one. */
  g_assert_cmpuint (qing_export_table_get_n_rows (mentor_talks), ==, 2);
  mentor_text = table_text (mentor_talks);
  g_assert_nonnull (strstr (mentor_text,
                            "\r\n张小明,S001,2026-11-29,19:00,20,Yes,李雨桐,Mentor,Phone,,"));
  g_assert_nonnull (strstr (mentor_text, "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""));
  g_assert_null (strstr (mentor_text, "保密"));
  g_assert_null (strstr (mentor_text, "范围之外"));
  counselor_text = table_text (counselor_talks);
  g_assert_nonnull (strstr (counselor_text, "保密：只给心理老师看"));
  g_assert_nonnull (strstr (counselor_text, ",10,No,王子涵,Counselor,"));

  mood = qing_mood_entry_new (student, mentor, t0 - 600, -2);
  qing_mood_entry_set_recorder_role (mood, QING_ROLE_MENTOR);
  qing_mood_entry_set_visibility (mood, QING_VISIBILITY_SCHOOL);
  qing_mood_entry_set_note (mood, "-有点累");
  g_assert_true (qing_store_add_mood (ts.store, mood, &error));
  g_assert_no_error (error);
  moods = qing_export_moods_table (ts.store, &as_mentor, &student, 1, t0 - 86400, t0 + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qing_export_table_get_n_rows (moods), ==, 2);
  mood_text = table_text (moods);
  /* The mood number stays a number; the note starting with "-" is text. */
  g_assert_nonnull (strstr (mood_text, "\r\n张小明,S001,2026-11-29,19:50,-2,"));
  g_assert_nonnull (strstr (mood_text, ",李雨桐,'-有点累\r\n"));

  path = g_build_filename (ts.dir, "talks.csv", NULL);
  g_assert_true (qing_export_talks (ts.store, &as_mentor, &student, 1, t0 - 30 * 86400, t0, path,
                                    &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  store_free (&ts);
}

int
main (int argc, char *argv[])
{
  /* Problem sentences are checked in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/rfc4180", test_csv_rfc4180);
  g_test_add_func ("/csv/separators", test_csv_separators);
  g_test_add_func ("/csv/errors", test_csv_errors);
  g_test_add_func ("/roster-import/fixtures", test_import_fixtures);
  g_test_add_func ("/roster-import/values", test_import_values);
  g_test_add_func ("/roster-import/file-errors", test_import_file_errors);
  g_test_add_func ("/roster-import/header-variants", test_import_header_variants);
  g_test_add_func ("/roster-import/value-formats", test_import_value_formats);
  g_test_add_func ("/roster-import/commit", test_import_commit);
  g_test_add_func ("/roster-import/commit-all-or-nothing", test_import_commit_all_or_nothing);
  g_test_add_func ("/roster-import/commit-into-group", test_import_commit_into_group);
  g_test_add_func ("/export/cells", test_export_cells);
  g_test_add_func ("/export/table", test_export_table);
  g_test_add_func ("/export/store", test_export_store);

  return g_test_run ();
}
