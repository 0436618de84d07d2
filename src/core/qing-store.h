/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingStore: the one connection to the program's SQLite database.
 *
 * Widgets never see the database; they get domain objects and list models
 * from the repository functions of the core (see qing-store-private.h for
 * what the core files use to write them).
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "qing-clock.h"

G_BEGIN_DECLS

#define QING_STORE_ERROR (qing_store_error_quark ())

typedef enum
{
  QING_STORE_ERROR_NOT_A_DATABASE, /* not SQLite, or not a Qingting database */
  QING_STORE_ERROR_CORRUPT,        /* damaged: truncated, garbled, fails a check */
  QING_STORE_ERROR_TOO_NEW,        /* written by a newer version of Qingting */
  QING_STORE_ERROR_IO,             /* cannot read, write or create the file */
  QING_STORE_ERROR_CONSTRAINT,     /* a row breaks a rule of the schema */
  QING_STORE_ERROR_NOT_FOUND,      /* no such row */
  QING_STORE_ERROR_FAILED,         /* anything else */
} QingStoreError;

/* What happened to a row, in the "row-changed" signal. */
typedef enum
{
  QING_STORE_CHANGE_ADDED,
  QING_STORE_CHANGE_UPDATED,
  QING_STORE_CHANGE_REMOVED,
} QingStoreChange;

#define QING_TYPE_STORE_CHANGE (qing_store_change_get_type ())
GType qing_store_change_get_type (void);

#define QING_TYPE_STORE (qing_store_get_type ())
G_DECLARE_FINAL_TYPE (QingStore, qing_store, QING, STORE, GObject)

GQuark      qing_store_error_quark (void);

char       *qing_store_default_path (void);
QingStore  *qing_store_open (const char  *path,
                             QingClock   *clock,
                             GError     **error);
const char *qing_store_get_path (QingStore *self);
QingClock  *qing_store_get_clock (QingStore *self);
guint       qing_store_get_schema_version (QingStore *self);
char       *qing_store_new_uuid (void);

char       *qing_store_get_setting (QingStore  *self,
                                    const char *key);
gboolean    qing_store_set_setting (QingStore  *self,
                                    const char *key,
                                    const char *value,
                                    GError    **error);

gboolean    qing_store_backup_if_due (QingStore *self,
                                      GError   **error);
void        qing_store_backup_if_due_async (QingStore          *self,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean    qing_store_backup_if_due_finish (QingStore    *self,
                                             GAsyncResult *result,
                                             GError      **error);
GPtrArray  *qing_store_list_backups (const char *db_path);
gboolean    qing_store_restore (const char  *db_path,
                                const char  *backup_path,
                                GError     **error);

/* How many daily backups qing_store_backup_if_due() keeps. */
#define QING_STORE_BACKUPS_KEPT 7

G_END_DECLS
