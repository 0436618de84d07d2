/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "qing-csv.h"
#include "qing-person.h"
#include "qing-store.h"

G_BEGIN_DECLS

#define QING_ROSTER_IMPORT_ERROR (qing_roster_import_error_quark ())

typedef enum
{
  QING_ROSTER_IMPORT_ERROR_NO_NAME_COLUMN, /* no header row with a name column */
  QING_ROSTER_IMPORT_ERROR_EMPTY,          /* no student rows at all */
  QING_ROSTER_IMPORT_ERROR_HAS_PROBLEMS,   /* commit refused: some rows are bad */
} QingRosterImportError;

/* The columns a roster may have; only the name is required. */
typedef enum
{
  QING_ROSTER_COLUMN_NAME,
  QING_ROSTER_COLUMN_STUDENT_NUMBER,
  QING_ROSTER_COLUMN_CLASS,
  QING_ROSTER_COLUMN_GENDER,
  QING_ROSTER_COLUMN_BIRTHDAY,
  QING_ROSTER_COLUMN_GUARDIAN_NAME,
  QING_ROSTER_COLUMN_GUARDIAN_PHONE,
  QING_ROSTER_COLUMN_GROUP,
  QING_ROSTER_COLUMN_NOTE,
  QING_ROSTER_N_COLUMNS
} QingRosterColumn;

/* One student row of the file, cleaned up.  Absent or empty values are
 * NULL. */
typedef struct
{
  guint       line;           /* physical line (from 1) the row starts on */
  char       *name;
  char       *student_number;
  char       *class_name;
  QingGender  gender;
  char       *birthday;       /* "YYYY-MM-DD" */
  char       *guardian_name;
  char       *guardian_phone; /* 11 digits, without spaces or dashes */
  char       *group_name;
  char       *note;
} QingRosterRow;

/* Something wrong in the file, as a sentence for the preview. */
typedef struct
{
  guint  line;    /* physical line (from 1) */
  guint  column;  /* column of the file (from 1), or 0 for the whole row */
  char  *message; /* translated, starts with the line: "第 12 行：…" */
} QingRosterProblem;

#define QING_TYPE_ROSTER_IMPORT (qing_roster_import_get_type ())
G_DECLARE_FINAL_TYPE (QingRosterImport, qing_roster_import, QING, ROSTER_IMPORT, GObject)

GQuark                   qing_roster_import_error_quark (void);

QingRosterImport        *qing_roster_import_new_from_file (const char  *path,
                                                           GHashTable  *known_numbers,
                                                           GError     **error);
QingRosterImport        *qing_roster_import_new_from_data (const char  *data,
                                                           gsize        length,
                                                           GHashTable  *known_numbers,
                                                           GError     **error);

guint                    qing_roster_import_get_n_rows (QingRosterImport *self);
const QingRosterRow     *qing_roster_import_get_row (QingRosterImport *self,
                                                     guint             index);
guint                    qing_roster_import_get_n_problems (QingRosterImport *self);
const QingRosterProblem *qing_roster_import_get_problem (QingRosterImport *self,
                                                         guint             index);
gboolean                 qing_roster_import_has_column (QingRosterImport *self,
                                                        QingRosterColumn  column);
guint                    qing_roster_import_get_header_line (QingRosterImport *self);
QingCsvEncoding          qing_roster_import_get_encoding (QingRosterImport *self);

GHashTable              *qing_roster_import_dup_known_numbers (QingStore *store,
                                                               GError   **error);
gboolean                 qing_roster_import_commit (QingStore        *store,
                                                    QingRosterImport *self,
                                                    gint64            into_group_id,
                                                    GError          **error);

G_END_DECLS
