/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the core files (repositories, import, demo data) use to talk SQL.
 * Never include this from src/ui or src/services: widgets see models.
 *
 * Statements: qing_store_prepare() returns a statement cached by its SQL
 * text, reset and with bindings cleared, owned by the store (never
 * finalize it).  Declare it as g_autoptr (QingStoreStmt) so it is reset
 * when it goes out of scope, which ends its read and lets WAL checkpoint:
 *
 *   g_autoptr (QingStoreStmt) stmt = qing_store_prepare (store, "SELECT …", error);
 *   if (stmt == NULL) return FALSE;
 *   sqlite3_bind_int64 (stmt, 1, id);
 *   while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) …
 *
 * The same SQL text is one statement: do not run a query again (or call a
 * function that does) while you are still stepping through it.
 *
 * Writes: every write that touches more than one row goes through
 * qing_store_transaction(); a function called inside one may call it again
 * (a SAVEPOINT is used).  Announce each changed row with
 * qing_store_emit_changed(); inside a transaction the signal is queued and
 * emitted after the outermost COMMIT, and dropped on rollback.
 */
#pragma once

#include <sqlite3.h>

#include "qing-store.h"

G_BEGIN_DECLS

typedef sqlite3_stmt QingStoreStmt;

/* Resets (not finalizes) a cached statement at the end of its scope. */
static inline void
qing_store_stmt_release (QingStoreStmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QingStoreStmt, qing_store_stmt_release)

typedef gboolean (*QingStoreTransactionFunc) (QingStore *self,
                                              gpointer   user_data,
                                              GError   **error);

sqlite3       *qing_store_get_db (QingStore *self);
gint64         qing_store_now (QingStore *self);

QingStoreStmt *qing_store_prepare (QingStore  *self,
                                   const char *sql,
                                   GError    **error);
gboolean       qing_store_step_done (QingStore     *self,
                                     QingStoreStmt *stmt,
                                     const char    *what,
                                     GError       **error);
gboolean       qing_store_exec (QingStore  *self,
                                const char *sql,
                                GError    **error);

gboolean       qing_store_begin (QingStore *self,
                                 GError   **error);
gboolean       qing_store_commit (QingStore *self,
                                  GError   **error);
void           qing_store_rollback (QingStore *self);
gboolean       qing_store_in_transaction (QingStore *self);
gboolean       qing_store_transaction (QingStore               *self,
                                       QingStoreTransactionFunc func,
                                       gpointer                 user_data,
                                       GError                 **error);

QingStoreError qing_store_error_from_sqlite (int rc);
gboolean       qing_store_set_error_from_db (QingStore  *self,
                                             GError    **error,
                                             const char *what);

void           qing_store_emit_changed (QingStore      *self,
                                        const char     *table,
                                        gint64          row_id,
                                        QingStoreChange kind);

/* Lists of words (talk topics, emotion words, life areas) are stored as
 * JSON arrays of strings. */
char          *qing_store_strv_to_json (const char * const *strv);
GStrv          qing_store_strv_from_json (QingStore  *self,
                                          const char *json);

/* Test hook: when set, opening knows one more migration after the real
 * ones, made of this SQL (NULL to remove it); see QingMigration. */
void           qing_store_testing_set_extra_migration (const char *sql,
                                                       gboolean    rebuilds_tables);

G_END_DECLS
