/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV reader for the files spreadsheets in Chinese schools write: RFC 4180
 * (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF),
 * with a comma, or a tab or semicolon found in the first row; in UTF-8 (with
 * or without BOM), UTF-16 with BOM (Excel's "Unicode text") or, when the
 * bytes are not UTF-8, GB18030 (what Excel in Chinese Windows writes as
 * "CSV").  Every record knows the physical line it starts on, so problems
 * can be reported as "line 12" of the file the user opens in an editor.
 */
#include "qing-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (qing-csv-error-quark, qing_csv_error)

/**
 * qing_csv_record_free:
 * @record: (nullable): a record
 *
 * Frees a record and its fields.
 */
void
qing_csv_record_free (QingCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->fields);
  g_free (record);
}

/**
 * qing_csv_record_is_blank:
 * @record: a record
 *
 * Whether every field of @record is empty or only white space, as for an
 * empty line or the ",,,," rows spreadsheets leave at the end.
 */
gboolean
qing_csv_record_is_blank (const QingCsvRecord *record)
{
  g_return_val_if_fail (record != NULL, TRUE);

  for (guint i = 0; i < record->n_fields; i++)
    for (const char *p = record->fields[i]; *p != '\0'; p = g_utf8_next_char (p))
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
  return TRUE;
}

/* Whether the bytes look like UTF-16 without a BOM: ASCII text in UTF-16
 * has a zero in every other byte.  Returns the encoding name or NULL. */
static const char *
guess_bomless_utf16 (const guchar *data, gsize length)
{
  gsize zeros_even = 0, zeros_odd = 0, n = MIN (length, 512) & ~(gsize) 1;

  for (gsize i = 0; i < n; i++)
    if (data[i] == 0)
      {
        if (i % 2 == 0)
          zeros_even++;
        else
          zeros_odd++;
      }
  if (n >= 4 && zeros_odd > n / 4 && zeros_even == 0)
    return "UTF-16LE";
  if (n >= 4 && zeros_even > n / 4 && zeros_odd == 0)
    return "UTF-16BE";
  return NULL;
}

static char *
convert_to_utf8 (const char *data, gsize length, const char *from)
{
  g_autofree char *text = NULL;
  gsize written = 0;

  text = g_convert (data, length, "UTF-8", from, NULL, &written, NULL);
  if (text == NULL || memchr (text, '\0', written) != NULL)
    return NULL;
  return g_steal_pointer (&text);
}

/**
 * qing_csv_decode:
 * @data: the bytes of a file
 * @length: how many
 * @encoding: (out) (optional): the encoding found
 * @error: set with %QING_CSV_ERROR_ENCODING when the text cannot be read
 *
 * Turns the bytes of a text file into UTF-8 without BOM.  The caller owns
 * the returned string.
 */
char *
qing_csv_decode (const char      *data,
                 gsize            length,
                 QingCsvEncoding *encoding,
                 GError         **error)
{
  const guchar *bytes = (const guchar *) data;
  QingCsvEncoding found;
  char *text = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      found = QING_CSV_ENCODING_UTF8_BOM;
      if (g_utf8_validate_len (data + 3, length - 3, NULL))
        text = g_strndup (data + 3, length - 3);
    }
  else if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    {
      found = QING_CSV_ENCODING_UTF16LE;
      text = convert_to_utf8 (data + 2, length - 2, "UTF-16LE");
    }
  else if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      found = QING_CSV_ENCODING_UTF16BE;
      text = convert_to_utf8 (data + 2, length - 2, "UTF-16BE");
    }
  else if (guess_bomless_utf16 (bytes, length) != NULL)
    {
      const char *from = guess_bomless_utf16 (bytes, length);

      found = g_str_equal (from, "UTF-16LE") ? QING_CSV_ENCODING_UTF16LE
                                             : QING_CSV_ENCODING_UTF16BE;
      text = convert_to_utf8 (data, length, from);
    }
  else if (g_utf8_validate_len (data, length, NULL))
    {
      found = QING_CSV_ENCODING_UTF8;
      text = g_strndup (data, length);
    }
  else
    {
      found = QING_CSV_ENCODING_GB18030;
      text = convert_to_utf8 (data, length, "GB18030");
    }

  if (text == NULL)
    {
      g_set_error_literal (error, QING_CSV_ERROR, QING_CSV_ERROR_ENCODING,
                           _("The file is not text in a known encoding (UTF-8, UTF-16 or "
                             "GB18030). Save it from the spreadsheet as “CSV UTF-8” and try "
                             "again."));
      return NULL;
    }
  if (encoding != NULL)
    *encoding = found;
  return text;
}

/* The separator of the first row: whichever of comma, tab and semicolon
 * it has most of outside quotes; a comma when it has none. */
static char
detect_separator (const char *text)
{
  guint commas = 0, tabs = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == '\t')
        tabs++;
      else if (*p == ';')
        semicolons++;
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas && semicolons > tabs)
    return ';';
  return ',';
}

typedef struct
{
  GPtrArray *records;
  GPtrArray *fields;
  GString   *field;
  gboolean   field_quoted;
  guint      record_line;
} Parser;

static void
end_field (Parser *parser)
{
  g_ptr_array_add (parser->fields, g_strndup (parser->field->str, parser->field->len));
  g_string_truncate (parser->field, 0);
  parser->field_quoted = FALSE;
}

static void
end_record (Parser *parser, guint next_line)
{
  QingCsvRecord *record = g_new0 (QingCsvRecord, 1);

  end_field (parser);
  record->line = parser->record_line;
  record->n_fields = parser->fields->len;
  g_ptr_array_add (parser->fields, NULL);
  record->fields = (char **) g_ptr_array_steal (parser->fields, NULL);
  g_ptr_array_add (parser->records, record);
  parser->record_line = next_line;
}

/* Length of the line break at @p (CRLF, LF or a lone CR), or 0. */
static guint
line_break_at (const char *p)
{
  if (p[0] == '\r')
    return p[1] == '\n' ? 2 : 1;
  return p[0] == '\n' ? 1 : 0;
}

static gboolean
parse_text (Parser *parser, const char *text, char separator, GError **error)
{
  gboolean in_quotes = FALSE;
  guint line = 1, quote_line = 0;
  const char *p = text;

  while (*p != '\0')
    {
      guint brk = line_break_at (p);

      if (in_quotes && *p == '"' && p[1] == '"')
        {
          g_string_append_c (parser->field, '"');
          p += 2;
        }
      else if (*p == '"' && (in_quotes || (parser->field->len == 0 && !parser->field_quoted)))
        {
          if (!in_quotes)
            quote_line = line;
          in_quotes = !in_quotes;
          parser->field_quoted = TRUE;
          p++;
        }
      else if (brk > 0)
        {
          /* Inside quotes a line break belongs to the field (as "\n"). */
          line++;
          if (in_quotes)
            g_string_append_c (parser->field, '\n');
          else
            end_record (parser, line);
          p += brk;
        }
      else if (*p == separator && !in_quotes)
        {
          end_field (parser);
          p++;
        }
      else
        g_string_append_c (parser->field, *p++);
    }

  if (in_quotes)
    {
      g_set_error (error, QING_CSV_ERROR, QING_CSV_ERROR_UNTERMINATED_QUOTE,
                   _("Line %u: a field starts with a quotation mark that is never closed."),
                   quote_line);
      return FALSE;
    }
  /* The last line may lack its line break. */
  if (parser->fields->len > 0 || parser->field->len > 0 || parser->field_quoted)
    end_record (parser, line);
  return TRUE;
}

/**
 * qing_csv_parse:
 * @data: the bytes of a CSV file, in any encoding qing_csv_decode() reads
 * @length: how many
 * @info: (out) (optional): encoding and separator found
 * @error: a %QING_CSV_ERROR
 *
 * Reads every record of a CSV text.  An empty line gives a record with one
 * empty field (see qing_csv_record_is_blank()).
 *
 * Returns: (transfer full) (element-type QingCsvRecord): the records, or
 *   %NULL with @error set.  The caller owns the array.
 */
GPtrArray *
qing_csv_parse (const char  *data,
                gsize        length,
                QingCsvInfo *info,
                GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  g_autoptr (GString) field = NULL;
  QingCsvEncoding encoding;
  Parser parser;
  char separator;

  text = qing_csv_decode (data, length, &encoding, error);
  if (text == NULL)
    return NULL;

  separator = detect_separator (text);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) qing_csv_record_free);
  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);
  parser = (Parser) { records, fields, field, FALSE, 1 };
  if (!parse_text (&parser, text, separator, error))
    return NULL;

  if (info != NULL)
    *info = (QingCsvInfo) { encoding, separator };
  return g_steal_pointer (&records);
}

/**
 * qing_csv_read_file:
 * @path: a file name in the GLib file name encoding
 * @info: (out) (optional): encoding and separator found
 * @error: a %QING_CSV_ERROR
 *
 * Reads and parses a CSV file, see qing_csv_parse().
 *
 * Returns: (transfer full) (element-type QingCsvRecord): the records, or
 *   %NULL with @error set.  The caller owns the array.
 */
GPtrArray *
qing_csv_read_file (const char  *path,
                    QingCsvInfo *info,
                    GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, QING_CSV_ERROR, QING_CSV_ERROR_READ,
                   _("Could not read the file “%s”: %s"), display, local_error->message);
      return NULL;
    }
  return qing_csv_parse (contents, length, info, error);
}
