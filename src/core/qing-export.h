/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "qing-repository.h"
#include "qing-store.h"

G_BEGIN_DECLS

#define QING_EXPORT_ERROR (qing_export_error_quark ())

typedef enum
{
  QING_EXPORT_ERROR_WRITE, /* the file cannot be written */
} QingExportError;

/* A table being written as CSV for spreadsheets. */
typedef struct _QingExportTable QingExportTable;

GQuark           qing_export_error_quark (void);

char            *qing_export_cell (const char *text);

QingExportTable *qing_export_table_new (void);
void             qing_export_table_free (QingExportTable *self);
void             qing_export_table_add_text (QingExportTable *self,
                                             const char      *text);
void             qing_export_table_add_int (QingExportTable *self,
                                            gint64           value);
void             qing_export_table_end_row (QingExportTable *self);
guint            qing_export_table_get_n_rows (QingExportTable *self);
GBytes          *qing_export_table_to_bytes (QingExportTable *self);
gboolean         qing_export_table_save (QingExportTable *self,
                                         const char      *path,
                                         GError         **error);

QingExportTable *qing_export_talks_table (QingStore        *store,
                                          const QingViewer *viewer,
                                          const gint64     *student_ids,
                                          guint             n_students,
                                          gint64            from_utc,
                                          gint64            to_utc,
                                          GError          **error);
QingExportTable *qing_export_moods_table (QingStore        *store,
                                          const QingViewer *viewer,
                                          const gint64     *student_ids,
                                          guint             n_students,
                                          gint64            from_utc,
                                          gint64            to_utc,
                                          GError          **error);
gboolean         qing_export_talks (QingStore        *store,
                                    const QingViewer *viewer,
                                    const gint64     *student_ids,
                                    guint             n_students,
                                    gint64            from_utc,
                                    gint64            to_utc,
                                    const char       *path,
                                    GError          **error);
gboolean         qing_export_moods (QingStore        *store,
                                    const QingViewer *viewer,
                                    const gint64     *student_ids,
                                    guint             n_students,
                                    gint64            from_utc,
                                    gint64            to_utc,
                                    const char       *path,
                                    GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QingExportTable, qing_export_table_free)

G_END_DECLS
