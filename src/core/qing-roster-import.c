/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingRosterImport reads a class list exported from a spreadsheet (see
 * qing-csv.c for the encodings) into student rows and a list of problems,
 * each with its line number, so the preview can show everything that is
 * wrong before anything is saved.  qing_roster_import_commit() then writes
 * the rows in one transaction, and only when there is no problem at all.
 *
 * The header row may be in Chinese or English with the usual variants
 * (姓名/名字/学生姓名/name …); it need not be the first row, because school
 * lists often start with a title such as "2023 级 3 班名单".
 */
#include "qing-roster-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "qing-repository.h"
#include "qing-store-private.h"

/* Rows looked at for the header before giving up. */
#define HEADER_SEARCH_ROWS 10

struct _QingRosterImport
{
  GObject         parent_instance;

  GPtrArray      *rows;      /* QingRosterRow* */
  GArray         *problems;  /* QingRosterProblem */
  int             columns[QING_ROSTER_N_COLUMNS]; /* file column (from 0) or -1 */
  guint           n_header_fields;
  guint           header_line;
  QingCsvEncoding encoding;
};

G_DEFINE_FINAL_TYPE (QingRosterImport, qing_roster_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (qing-roster-import-error-quark, qing_roster_import_error)

/* Header names, "|"-separated, compared after normalize_header(). */
static const struct
{
  QingRosterColumn column;
  const char      *headers;
} header_names[] = {
  { QING_ROSTER_COLUMN_NAME,
    "姓名|名字|学生姓名|学生|name|studentname|fullname" },
  { QING_ROSTER_COLUMN_STUDENT_NUMBER,
    "学号|学籍号|全国学籍号|学生学号|学生编号|编号|"
    "studentnumber|studentid|studentno|id|number|no" },
  { QING_ROSTER_COLUMN_CLASS,
    "班级|班|班别|所在班级|班级名称|class|classname|form|homeroom" },
  { QING_ROSTER_COLUMN_GENDER,
    "性别|gender|sex" },
  { QING_ROSTER_COLUMN_BIRTHDAY,
    "出生日期|生日|出生年月日|出生年月|birthday|dateofbirth|birthdate|dob" },
  { QING_ROSTER_COLUMN_GUARDIAN_NAME,
    "家长姓名|家长|监护人|监护人姓名|父母姓名|guardian|guardianname|parent|parentname" },
  { QING_ROSTER_COLUMN_GUARDIAN_PHONE,
    "家长电话|家长手机|家长手机号|监护人电话|联系电话|联系方式|手机|手机号|手机号码|电话|电话号码|"
    "phone|phonenumber|mobile|mobilephone|telephone|tel|guardianphone|parentphone" },
  { QING_ROSTER_COLUMN_GROUP,
    "小组|组|分组|组别|group|groupname" },
  { QING_ROSTER_COLUMN_NOTE,
    "备注|说明|note|notes|remark|remarks|comment" },
};

static void
roster_row_free (QingRosterRow *row)
{
  g_free (row->name);
  g_free (row->student_number);
  g_free (row->class_name);
  g_free (row->birthday);
  g_free (row->guardian_name);
  g_free (row->guardian_phone);
  g_free (row->group_name);
  g_free (row->note);
  g_free (row);
}

static void
roster_problem_clear (QingRosterProblem *problem)
{
  g_free (problem->message);
}

static void
qing_roster_import_finalize (GObject *object)
{
  QingRosterImport *self = QING_ROSTER_IMPORT (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_array_unref);

  G_OBJECT_CLASS (qing_roster_import_parent_class)->finalize (object);
}

static void
qing_roster_import_class_init (QingRosterImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qing_roster_import_finalize;
}

static void
qing_roster_import_init (QingRosterImport *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) roster_row_free);
  self->problems = g_array_new (FALSE, TRUE, sizeof (QingRosterProblem));
  g_array_set_clear_func (self->problems, (GDestroyNotify) roster_problem_clear);
  for (guint i = 0; i < QING_ROSTER_N_COLUMNS; i++)
    self->columns[i] = -1;
}

static void add_problem (QingRosterImport *self,
                         guint             line,
                         int               column,
                         const char       *format,
                         ...) G_GNUC_PRINTF (4, 5);

/* @column counts from 0; -1 for the whole row. */
static void
add_problem (QingRosterImport *self, guint line, int column, const char *format, ...)
{
  QingRosterProblem problem = { line, column + 1, NULL };
  va_list args;

  va_start (args, format);
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->problems, problem);
}

/* A copy of @text without white space (also U+3000) at either end, or
 * NULL when nothing is left. */
static char *
dup_trimmed (const char *text)
{
  const char *start = text, *end;

  if (text == NULL)
    return NULL;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return end > start ? g_strndup (start, end - start) : NULL;
}

/* "学生姓名（必填）" → "学生姓名", " Student_ID " → "studentid". */
static char *
normalize_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *plain = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == 0xFF08 /* （ */ || c == '[' || c == 0x3010 /* 【 */)
        break;
      if (g_unichar_isspace (c) || c == 0xFEFF || (c < 0x80 && strchr ("*_-.:#", (int) c) != NULL)
          || c == 0xFF1A /* ： */ || c == 0xFF0A /* ＊ */)
        continue;
      g_string_append_unichar (plain, c);
    }
  return g_string_free (plain, FALSE);
}

static int
column_for_header (const char *header)
{
  g_autofree char *plain = normalize_header (header);

  for (gsize i = 0; i < G_N_ELEMENTS (header_names); i++)
    {
      g_auto (GStrv) names = g_strsplit (header_names[i].headers, "|", -1);

      if (g_strv_contains ((const char *const *) names, plain))
        return header_names[i].column;
    }
  return -1;
}

/* Takes @record as the header if it names a name column. */
static gboolean
try_header (QingRosterImport *self, const QingCsvRecord *record)
{
  int columns[QING_ROSTER_N_COLUMNS];

  for (guint i = 0; i < QING_ROSTER_N_COLUMNS; i++)
    columns[i] = -1;
  for (guint i = 0; i < record->n_fields; i++)
    {
      int column = column_for_header (record->fields[i]);

      /* The first of two columns with the same meaning wins. */
      if (column >= 0 && columns[column] < 0)
        columns[column] = i;
    }
  if (columns[QING_ROSTER_COLUMN_NAME] < 0)
    return FALSE;

  memcpy (self->columns, columns, sizeof columns);
  self->n_header_fields = record->n_fields;
  self->header_line = record->line;
  return TRUE;
}

static const char *
field_of (QingRosterImport *self, const QingCsvRecord *record, QingRosterColumn column)
{
  int i = self->columns[column];

  return i >= 0 && (guint) i < record->n_fields ? record->fields[i] : NULL;
}

/* Whether @c may follow the @n-th number of a date (counted from 1). */
static gboolean
is_date_separator (gunichar c, guint n)
{
  if (c == '-' || c == '/' || c == '.')
    return n < 3;
  return (n == 1 && c == 0x5E74 /* 年 */) || (n == 2 && c == 0x6708 /* 月 */)
         || (n == 3 && c == 0x65E5 /* 日 */);
}

/* "2014-03-05", "2014/3/5", "2014.3.5", "2014年3月5日", "20140305" and
 * "2014/3/5 0:00" (Excel adds a time) → "2014-03-05"; NULL if not a date. */
static char *
parse_birthday (const char *text)
{
  guint numbers[3] = { 0 }, digits[3] = { 0 }, n = 0;
  gboolean in_number = FALSE;

  if (strlen (text) == 8 && strspn (text, "0123456789") == 8)
    {
      guint value = (guint) g_ascii_strtoull (text, NULL, 10);

      numbers[0] = value / 10000;
      numbers[1] = value / 100 % 100;
      numbers[2] = value % 100;
      digits[0] = 4, digits[1] = digits[2] = 2, n = 3;
    }
  else
    for (const char *p = text; *p != '\0' && *p != ' '; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (g_ascii_isdigit (c))
          {
            if (!in_number && n == 3)
              return NULL;
            if (!in_number)
              n++;
            in_number = TRUE;
            if (++digits[n - 1] > 4)
              return NULL;
            numbers[n - 1] = numbers[n - 1] * 10 + (c - '0');
          }
        else if (in_number && is_date_separator (c, n))
          in_number = FALSE;
        else
          return NULL;
      }

  if (n != 3 || digits[0] != 4 || digits[1] > 2 || digits[2] > 2
      || numbers[0] < 1900 || numbers[0] > 2100
      || !g_date_valid_dmy (numbers[2], numbers[1], numbers[0]))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", numbers[0], numbers[1], numbers[2]);
}

/* "138 0013 8000", "138-0013-8000", "+86 13800138000" → "13800138000";
 * NULL when it is not an 11-digit mainland mobile number. */
static char *
parse_phone (const char *text)
{
  g_autoptr (GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && p == text)
        continue;
      else if (*p != ' ' && *p != '-')
        return NULL;
    }
  if (digits->len == 13 && g_str_has_prefix (digits->str, "86"))
    g_string_erase (digits, 0, 2);
  if (digits->len != 11 || digits->str[0] != '1' || digits->str[1] < '3')
    return NULL;
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static gboolean
parse_gender (const char *text, QingGender *gender)
{
  static const char *const male[] = { "男", "男生", "男性", "m", "male", "boy" };
  static const char *const female[] = { "女", "女生", "女性", "f", "female", "girl" };
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (male); i++)
    if (g_str_equal (folded, male[i]))
      return (*gender = QING_GENDER_MALE, TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (female); i++)
    if (g_str_equal (folded, female[i]))
      return (*gender = QING_GENDER_FEMALE, TRUE);
  return FALSE;
}

/* Spreadsheets turn long numbers into "2.02301E+09" unless the column is
 * text; the digits are lost, so such a number must not be imported. */
static gboolean
looks_like_scientific (const char *number)
{
  const char *e = strpbrk (number, "eE");

  return e != NULL && (e[1] == '+' || e[1] == '-') && g_ascii_isdigit (number[0])
         && strspn (number, "0123456789.") == (gsize) (e - number);
}

static void
check_student_number (QingRosterImport *self,
                      QingRosterRow    *row,
                      GHashTable       *seen,
                      GHashTable       *known_numbers)
{
  int column = self->columns[QING_ROSTER_COLUMN_STUDENT_NUMBER];
  const char *number = row->student_number;
  guint first_line;

  if (number == NULL)
    return;
  if (looks_like_scientific (number))
    {
      /* Translators: a spreadsheet turned 2023015001 into 2.02302E+09. */
      add_problem (self, row->line, column,
                   _("Line %u: student number “%s” was turned into a rounded number by the "
                     "spreadsheet; format that column as text and export again."),
                   row->line, number);
      return;
    }
  first_line = GPOINTER_TO_UINT (g_hash_table_lookup (seen, number));
  if (first_line != 0)
    add_problem (self, row->line, column,
                 _("Line %u: student number “%s” repeats line %u."),
                 row->line, number, first_line);
  else
    g_hash_table_insert (seen, (gpointer) number, GUINT_TO_POINTER (row->line));
  if (known_numbers != NULL && g_hash_table_contains (known_numbers, number))
    add_problem (self, row->line, column,
                 _("Line %u: a student with number “%s” is already in the app."),
                 row->line, number);
}

static void
check_fields (QingRosterImport *self, QingRosterRow *row, const QingCsvRecord *record)
{
  g_autofree char *gender = dup_trimmed (field_of (self, record, QING_ROSTER_COLUMN_GENDER));
  g_autofree char *birthday = dup_trimmed (field_of (self, record, QING_ROSTER_COLUMN_BIRTHDAY));
  g_autofree char *phone = dup_trimmed (field_of (self, record, QING_ROSTER_COLUMN_GUARDIAN_PHONE));

  if (row->name == NULL)
    add_problem (self, row->line, self->columns[QING_ROSTER_COLUMN_NAME],
                 _("Line %u: the name is missing."), row->line);
  if (gender != NULL && !parse_gender (gender, &row->gender))
    add_problem (self, row->line, self->columns[QING_ROSTER_COLUMN_GENDER],
                 _("Line %u: gender “%s” is not one of 男, 女, M or F."), row->line, gender);
  if (birthday != NULL && (row->birthday = parse_birthday (birthday)) == NULL)
    add_problem (self, row->line, self->columns[QING_ROSTER_COLUMN_BIRTHDAY],
                 _("Line %u: birthday “%s” is not a date such as 2014-03-05."),
                 row->line, birthday);
  if (phone != NULL && (row->guardian_phone = parse_phone (phone)) == NULL)
    add_problem (self, row->line, self->columns[QING_ROSTER_COLUMN_GUARDIAN_PHONE],
                 _("Line %u: phone number “%s” is not an 11-digit mobile number."),
                 row->line, phone);
}

static void
add_row (QingRosterImport    *self,
         const QingCsvRecord *record,
         GHashTable          *seen,
         GHashTable          *known_numbers)
{
  QingRosterRow *row = g_new0 (QingRosterRow, 1);
  gboolean extra = FALSE;

  row->line = record->line;
  row->name = dup_trimmed (field_of (self, record, QING_ROSTER_COLUMN_NAME));
  row->student_number = dup_trimmed (field_of (self, record, QING_ROSTER_COLUMN_STUDENT_NUMBER));
  row->class_name = dup_trimmed (field_of (self, record, QING_ROSTER_COLUMN_CLASS));
  row->guardian_name = dup_trimmed (field_of (self, record, QING_ROSTER_COLUMN_GUARDIAN_NAME));
  row->group_name = dup_trimmed (field_of (self, record, QING_ROSTER_COLUMN_GROUP));
  row->note = dup_trimmed (field_of (self, record, QING_ROSTER_COLUMN_NOTE));
  g_ptr_array_add (self->rows, row);

  /* Empty cells past the header's width are harmless (spreadsheets write
   * them); text there means the columns have shifted. */
  for (guint i = self->n_header_fields; i < record->n_fields; i++)
    if (record->fields[i][0] != '\0')
      extra = TRUE;
  if (record->n_fields < self->n_header_fields || extra)
    add_problem (self, row->line, -1,
                 _("Line %u has %u fields, but the header has %u."),
                 row->line, record->n_fields, self->n_header_fields);

  check_fields (self, row, record);
  check_student_number (self, row, seen, known_numbers);
}

static QingRosterImport *
import_records (GPtrArray *records, QingCsvEncoding encoding, GHashTable *known_numbers,
                GError **error)
{
  g_autoptr (QingRosterImport) self = g_object_new (QING_TYPE_ROSTER_IMPORT, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint i, looked = 0;

  self->encoding = encoding;
  for (i = 0; i < records->len && looked < HEADER_SEARCH_ROWS; i++)
    {
      const QingCsvRecord *record = g_ptr_array_index (records, i);

      if (qing_csv_record_is_blank (record))
        continue;
      looked++;
      if (try_header (self, record))
        break;
    }
  if (looked == 0)
    {
      g_set_error_literal (error, QING_ROSTER_IMPORT_ERROR, QING_ROSTER_IMPORT_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }
  if (self->header_line == 0)
    {
      g_set_error_literal (error, QING_ROSTER_IMPORT_ERROR, QING_ROSTER_IMPORT_ERROR_NO_NAME_COLUMN,
                           _("The file has no header row with a name column (such as “姓名” "
                             "or “name”)."));
      return NULL;
    }

  for (i++; i < records->len; i++)
    {
      const QingCsvRecord *record = g_ptr_array_index (records, i);

      if (!qing_csv_record_is_blank (record))
        add_row (self, record, seen, known_numbers);
    }
  if (self->rows->len == 0)
    {
      g_set_error_literal (error, QING_ROSTER_IMPORT_ERROR, QING_ROSTER_IMPORT_ERROR_EMPTY,
                           _("The file has a header row but no students."));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * qing_roster_import_new_from_data:
 * @data: the bytes of a CSV file (UTF-8, UTF-16 with BOM or GB18030)
 * @length: how many
 * @known_numbers: (nullable): student numbers already in the app, as a set
 *   of strings (see qing_roster_import_dup_known_numbers())
 * @error: a %QING_CSV_ERROR or %QING_ROSTER_IMPORT_ERROR when the file
 *   cannot be understood at all
 *
 * Reads a class list.  Bad rows do not make this fail: they are listed as
 * problems (qing_roster_import_get_problem()) for the preview.
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
QingRosterImport *
qing_roster_import_new_from_data (const char  *data,
                                  gsize        length,
                                  GHashTable  *known_numbers,
                                  GError     **error)
{
  g_autoptr (GPtrArray) records = NULL;
  QingCsvInfo info;

  records = qing_csv_parse (data, length, &info, error);
  if (records == NULL)
    return NULL;
  return import_records (records, info.encoding, known_numbers, error);
}

/**
 * qing_roster_import_new_from_file:
 * @path: a CSV file
 * @known_numbers: (nullable): see qing_roster_import_new_from_data()
 * @error: as for qing_roster_import_new_from_data(), or %QING_CSV_ERROR_READ
 *
 * Reads a class list from a file, see qing_roster_import_new_from_data().
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
QingRosterImport *
qing_roster_import_new_from_file (const char  *path,
                                  GHashTable  *known_numbers,
                                  GError     **error)
{
  g_autoptr (GPtrArray) records = NULL;
  QingCsvInfo info;

  g_return_val_if_fail (path != NULL, NULL);

  records = qing_csv_read_file (path, &info, error);
  if (records == NULL)
    return NULL;
  return import_records (records, info.encoding, known_numbers, error);
}

/* How many student rows the file has, good and bad. */
guint
qing_roster_import_get_n_rows (QingRosterImport *self)
{
  g_return_val_if_fail (QING_IS_ROSTER_IMPORT (self), 0);
  return self->rows->len;
}

/* The @index-th student row; owned by @self. */
const QingRosterRow *
qing_roster_import_get_row (QingRosterImport *self,
                            guint             index)
{
  g_return_val_if_fail (QING_IS_ROSTER_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

/* How many problems were found; nothing can be committed unless 0. */
guint
qing_roster_import_get_n_problems (QingRosterImport *self)
{
  g_return_val_if_fail (QING_IS_ROSTER_IMPORT (self), 0);
  return self->problems->len;
}

/* The @index-th problem, in file order; owned by @self. */
const QingRosterProblem *
qing_roster_import_get_problem (QingRosterImport *self,
                                guint             index)
{
  g_return_val_if_fail (QING_IS_ROSTER_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);
  return &g_array_index (self->problems, QingRosterProblem, index);
}

/* Whether the file has @column, so the preview shows only those it has. */
gboolean
qing_roster_import_has_column (QingRosterImport *self,
                               QingRosterColumn  column)
{
  g_return_val_if_fail (QING_IS_ROSTER_IMPORT (self), FALSE);
  g_return_val_if_fail (column < QING_ROSTER_N_COLUMNS, FALSE);
  return self->columns[column] >= 0;
}

/* The line (from 1) of the header row. */
guint
qing_roster_import_get_header_line (QingRosterImport *self)
{
  g_return_val_if_fail (QING_IS_ROSTER_IMPORT (self), 0);
  return self->header_line;
}

/* The encoding the file was read in, to show in the preview. */
QingCsvEncoding
qing_roster_import_get_encoding (QingRosterImport *self)
{
  g_return_val_if_fail (QING_IS_ROSTER_IMPORT (self), QING_CSV_ENCODING_UTF8);
  return self->encoding;
}

/**
 * qing_roster_import_dup_known_numbers:
 * @store: the store
 * @error: a %QING_STORE_ERROR
 *
 * Returns the student numbers already in the store, as a set of strings
 * for qing_roster_import_new_from_file().  The caller owns the table.
 */
GHashTable *
qing_roster_import_dup_known_numbers (QingStore *store,
                                      GError   **error)
{
  g_autoptr (GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);

  stmt = qing_store_prepare (store,
                             "SELECT student_number FROM persons "
                             "WHERE student_number IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (known, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (store, error, _("Reading student numbers"));
      return NULL;
    }
  return g_steal_pointer (&known);
}

typedef struct
{
  QingRosterImport *import;
  QingGroup        *into;      /* nullable */
  GHashTable       *groups;    /* "kind:name" → id */
  GHashTable       *guardians; /* "name\nphone" → id */
} Commit;

/* Sets @id to the stored group of @kind named @name, or to 0. */
static gboolean
lookup_group (QingStore *store, QingGroupKind kind, const char *name, gint64 *id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  stmt = qing_store_prepare (store,
                             "SELECT id FROM student_groups WHERE kind = ? AND name = ? "
                             "AND archived = 0 ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return qing_store_set_error_from_db (store, error, _("Reading classes and groups"));
  return TRUE;
}

/* The id of the group of @kind named @name, created if there is none;
 * 0 with @error set on failure. */
static gint64
find_or_add_group (QingStore *store, Commit *commit, QingGroupKind kind, const char *name,
                   GError **error)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", kind, name);
  gpointer cached;
  gint64 id = 0;

  if (g_hash_table_lookup_extended (commit->groups, key, NULL, &cached))
    return GPOINTER_TO_SIZE (cached);
  if (!lookup_group (store, kind, name, &id, error))
    return 0;
  if (id == 0)
    {
      g_autoptr (QingGroup) group = qing_group_new (kind, name, 0);

      if (!qing_store_add_group (store, group, error))
        return 0;
      id = qing_group_get_id (group);
    }
  g_hash_table_insert (commit->groups, g_steal_pointer (&key), GSIZE_TO_POINTER (id));
  return id;
}

static char *
guardian_key (const char *name, const char *phone)
{
  return g_strdup_printf ("%s\n%s", name, phone != NULL ? phone : "");
}

/* Fills commit->guardians with the guardians already stored, read once:
 * looking each one up by name and phone would scan the table per row. */
static gboolean
load_guardians (QingStore *store, Commit *commit, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  stmt = qing_store_prepare (store, "SELECT id, name, phone FROM persons WHERE kind = 2 "
                                    "ORDER BY id DESC", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (commit->guardians,
                         guardian_key ((const char *) sqlite3_column_text (stmt, 1),
                                       (const char *) sqlite3_column_text (stmt, 2)),
                         GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
  if (rc != SQLITE_DONE)
    return qing_store_set_error_from_db (store, error, _("Reading guardians"));
  return TRUE;
}

/* Adds the row's guardian, or finds the one added for a sibling (same name
 * and phone, in this file or already in the store), and links the child. */
static gboolean
add_guardian (QingStore *store, Commit *commit, const QingRosterRow *row, gint64 child_id,
              GError **error)
{
  /* Translators: the name of a guardian the roster gives only a phone for. */
  g_autofree char *name = row->guardian_name ? g_strdup (row->guardian_name)
                                             : g_strdup_printf (_("Guardian of %s"), row->name);
  g_autofree char *key = guardian_key (name, row->guardian_phone);
  gint64 id = GPOINTER_TO_SIZE (g_hash_table_lookup (commit->guardians, key));

  if (id == 0)
    {
      g_autoptr (QingPerson) guardian = qing_person_new (QING_PERSON_GUARDIAN, name);

      qing_person_set_phone (guardian, row->guardian_phone);
      if (!qing_store_add_person (store, guardian, error))
        return FALSE;
      id = qing_person_get_id (guardian);
      g_hash_table_insert (commit->guardians, g_steal_pointer (&key), GSIZE_TO_POINTER (id));
    }
  return qing_store_link_guardian (store, id, child_id, NULL, error);
}

static gboolean
add_to_named_group (QingStore *store, Commit *commit, QingGroupKind kind, const char *name,
                    gint64 student_id, GError **error)
{
  gint64 group_id;

  /* The group the user imports into takes the place of the file's own. */
  if (name == NULL || (commit->into != NULL && qing_group_get_kind (commit->into) == kind))
    return TRUE;
  group_id = find_or_add_group (store, commit, kind, name, error);
  return group_id != 0 && qing_store_add_to_group (store, group_id, student_id, error);
}

/* QingPerson has no note property; the roster's 备注 goes in directly. */
static gboolean
set_note (QingStore *store, gint64 person_id, const char *note, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  if (note == NULL)
    return TRUE;
  stmt = qing_store_prepare (store, "UPDATE persons SET note = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, note, -1, SQLITE_TRANSIENT);
  return qing_store_step_done (store, stmt, _("Saving a note"), error);
}

static gboolean
commit_row (QingStore *store, Commit *commit, const QingRosterRow *row, GError **error)
{
  g_autoptr (QingPerson) student = qing_person_new (QING_PERSON_STUDENT, row->name);
  gint64 id;

  qing_person_set_gender (student, row->gender);
  qing_person_set_birthday (student, row->birthday);
  qing_person_set_student_number (student, row->student_number);
  if (!qing_store_add_person (store, student, error))
    return FALSE;
  id = qing_person_get_id (student);
  if (!set_note (store, id, row->note, error))
    return FALSE;

  if (commit->into != NULL
      && !qing_store_add_to_group (store, qing_group_get_id (commit->into), id, error))
    return FALSE;
  if (!add_to_named_group (store, commit, QING_GROUP_CLASS, row->class_name, id, error)
      || !add_to_named_group (store, commit, QING_GROUP_MENTOR, row->group_name, id, error))
    return FALSE;
  if ((row->guardian_name != NULL || row->guardian_phone != NULL)
      && !add_guardian (store, commit, row, id, error))
    return FALSE;
  return TRUE;
}

static gboolean
commit_rows (QingStore *store, gpointer user_data, GError **error)
{
  Commit *commit = user_data;

  if (!load_guardians (store, commit, error))
    return FALSE;
  for (guint i = 0; i < commit->import->rows->len; i++)
    {
      const QingRosterRow *row = g_ptr_array_index (commit->import->rows, i);
      g_autoptr (GError) local_error = NULL;

      if (!commit_row (store, commit, row, &local_error))
        {
          /* Say which row the store refused (e.g. a number added meanwhile). */
          g_set_error (error, local_error->domain, local_error->code,
                       _("Line %u: %s"), row->line, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * qing_roster_import_commit:
 * @store: the store
 * @self: an import without problems
 * @into_group_id: a class or mentor group every student joins, or 0
 * @error: a %QING_ROSTER_IMPORT_ERROR, %QING_STORE_ERROR or
 *   %QING_REPOSITORY_ERROR
 *
 * Saves every student of @self in one transaction: all of them or, on any
 * error, none.  Students join @into_group_id and the class and group named
 * in the file (created when missing; a column of the same kind as
 * @into_group_id is ignored); guardians are added once per name and phone
 * and linked to their children.
 *
 * Returns: %TRUE when every row was saved
 */
gboolean
qing_roster_import_commit (QingStore        *store,
                           QingRosterImport *self,
                           gint64            into_group_id,
                           GError          **error)
{
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) guardians = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (QingGroup) into = NULL;
  Commit commit;

  g_return_val_if_fail (QING_IS_STORE (store), FALSE);
  g_return_val_if_fail (QING_IS_ROSTER_IMPORT (self), FALSE);

  if (self->problems->len > 0)
    {
      g_set_error (error, QING_ROSTER_IMPORT_ERROR, QING_ROSTER_IMPORT_ERROR_HAS_PROBLEMS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Nothing was imported: the file has %u problem. Correct it in "
                                "the spreadsheet and import the file again.",
                                "Nothing was imported: the file has %u problems. Correct them in "
                                "the spreadsheet and import the file again.",
                                self->problems->len),
                   self->problems->len);
      return FALSE;
    }
  if (into_group_id != 0 && (into = qing_store_get_group (store, into_group_id, error)) == NULL)
    return FALSE;

  commit = (Commit) { self, into, groups, guardians };
  return qing_store_transaction (store, commit_rows, &commit, error);
}
