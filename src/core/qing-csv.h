/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QING_CSV_ERROR (qing_csv_error_quark ())

typedef enum
{
  QING_CSV_ERROR_READ,               /* the file cannot be read */
  QING_CSV_ERROR_ENCODING,           /* neither UTF-8, UTF-16 nor GB18030 */
  QING_CSV_ERROR_UNTERMINATED_QUOTE, /* a quoted field is never closed */
} QingCsvError;

/* The encoding a file was read in. */
typedef enum
{
  QING_CSV_ENCODING_UTF8,
  QING_CSV_ENCODING_UTF8_BOM,
  QING_CSV_ENCODING_UTF16LE, /* Excel's "Unicode text" */
  QING_CSV_ENCODING_UTF16BE,
  QING_CSV_ENCODING_GB18030, /* also covers GBK and GB2312 */
} QingCsvEncoding;

/* One record: the fields of one row, which may span several physical lines
 * when a quoted field holds a line break. */
typedef struct
{
  guint  line;     /* physical line (from 1) the record starts on */
  guint  n_fields;
  char **fields;   /* n_fields UTF-8 strings, NULL-terminated */
} QingCsvRecord;

/* What qing_csv_parse() found out about the text besides its records. */
typedef struct
{
  QingCsvEncoding encoding;
  char            separator; /* ',', '\t' or ';' */
} QingCsvInfo;

GQuark      qing_csv_error_quark (void);

void        qing_csv_record_free (QingCsvRecord *record);
gboolean    qing_csv_record_is_blank (const QingCsvRecord *record);

GPtrArray  *qing_csv_parse (const char  *data,
                            gsize        length,
                            QingCsvInfo *info,
                            GError     **error);
GPtrArray  *qing_csv_read_file (const char  *path,
                                QingCsvInfo *info,
                                GError     **error);

char       *qing_csv_decode (const char      *data,
                             gsize            length,
                             QingCsvEncoding *encoding,
                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QingCsvRecord, qing_csv_record_free)

G_END_DECLS
