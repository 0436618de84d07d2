/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingStore owns the one sqlite3 connection of the program: WAL, foreign
 * keys on, a busy timeout, statements prepared once and cached, a
 * transaction helper with nested SAVEPOINTs, and a "row-changed" signal
 * emitted after commit.
 *
 * Opening never harms an existing file: it is first inspected on a
 * read-only connection (header, application id, schema version, and a
 * quick_check for databases up to QING_STORE_QUICK_CHECK_MAX_BYTES), and
 * refused with a sentence that names it if it is not a Qingting database,
 * is damaged, or was written by a newer version.  Only then is it opened
 * for writing and migrated, each migration in its own transaction with the
 * version bump.
 *
 * Backups and restore live in qing-store-backup.c.
 */
#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "qing-schema.h"
#include "qing-store-private.h"
#include "qing-store-inspect.h"

typedef struct
{
  GQuark          table;
  gint64          row_id;
  QingStoreChange kind;
} PendingChange;

struct _QingStore
{
  GObject     parent_instance;

  char       *path;
  QingClock  *clock;
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt*, owned */
  guint       depth;       /* transaction nesting: 0 none, 1 BEGIN, >1 SAVEPOINT */
  GArray     *pending;     /* PendingChange queued until the outermost COMMIT */
  GArray     *marks;       /* guint: pending->len when each level began */
  guint       schema_version;
};

static void qing_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QingStore, qing_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      qing_store_initable_iface_init))

G_DEFINE_ENUM_TYPE (QingStoreChange, qing_store_change,
                    G_DEFINE_ENUM_VALUE (QING_STORE_CHANGE_ADDED, "added"),
                    G_DEFINE_ENUM_VALUE (QING_STORE_CHANGE_UPDATED, "updated"),
                    G_DEFINE_ENUM_VALUE (QING_STORE_CHANGE_REMOVED, "removed"))

G_DEFINE_QUARK (qing-store-error-quark, qing_store_error)

enum { PROP_0, PROP_PATH, PROP_CLOCK, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { ROW_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static QingMigration extra_migration;

/* Sets the test hook; see qing-store-private.h. */
void
qing_store_testing_set_extra_migration (const char *sql, gboolean rebuilds_tables)
{
  g_free ((char *) extra_migration.sql);
  extra_migration.sql = g_strdup (sql);
  extra_migration.rebuilds_tables = rebuilds_tables;
}

/* The schema version this build knows how to write. */
guint
qing_store_known_version (void)
{
  guint n;

  qing_schema_get_migrations (&n);
  return n + (extra_migration.sql != NULL ? 1 : 0);
}

static gboolean
exec_sql (sqlite3 *db, const char *sql, GError **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &msg);

  if (rc == SQLITE_OK)
    return TRUE;
  g_set_error (error, QING_STORE_ERROR, qing_store_error_from_sqlite (rc),
               "%s", msg != NULL ? msg : sqlite3_errstr (rc));
  sqlite3_free (msg);
  return FALSE;
}

static gboolean
read_int (sqlite3 *db, const char *sql, gint64 *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  g_set_error (error, QING_STORE_ERROR, qing_store_error_from_sqlite (rc),
               "%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return FALSE;
}

/* Fails if the foreign keys no longer hold (after a table rebuild). */
static gboolean
check_foreign_keys (sqlite3 *db, GError **error)
{
  gint64 n_broken = 0;

  if (!read_int (db, "SELECT count(*) FROM pragma_foreign_key_check", &n_broken, error))
    return FALSE;
  if (n_broken == 0)
    return TRUE;
  g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_CONSTRAINT,
               "%" G_GINT64_FORMAT " rows break a foreign key", n_broken);
  return FALSE;
}

static gboolean
run_migration (QingStore *self, guint to_version, const QingMigration *migration,
               GError **error)
{
  /* The version is our own integer, not user text. */
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u;", to_version);

  return exec_sql (self->db, "BEGIN IMMEDIATE;", error)
         && exec_sql (self->db, migration->sql, error)
         && (!migration->rebuilds_tables || check_foreign_keys (self->db, error))
         && exec_sql (self->db, bump, error)
         && exec_sql (self->db, "COMMIT;", error);
}

/* Applies one migration and the version bump in one transaction, rolled
 * back whole on failure.  A migration that rebuilds tables (SQLite's
 * "12 steps": create new, copy, drop old, rename) runs with foreign keys
 * off, or dropping the old table would delete the rows that refer to it;
 * the keys are checked before its commit instead. */
static gboolean
apply_migration (QingStore *self, guint to_version, const QingMigration *migration,
                 GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  /* Legacy renaming: triggers of other tables naming the rebuilt one stay
   * as they are, instead of failing while the old table is gone. */
  if (migration->rebuilds_tables)
    exec_sql (self->db, "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;", NULL);
  ok = run_migration (self, to_version, migration, &local_error);
  if (!ok && !sqlite3_get_autocommit (self->db))
    exec_sql (self->db, "ROLLBACK;", NULL);
  if (migration->rebuilds_tables)
    exec_sql (self->db, "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON;", NULL);
  if (ok)
    return TRUE;

  g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_FAILED,
               /* Translators: the first %s is a file name, %u a version
                * number, the last %s SQLite's own explanation. */
               _("The database “%s” could not be upgraded to version %u (%s). "
                 "The unfinished upgrade was undone; please report this problem."),
               self->path, to_version, local_error->message);
  return FALSE;
}

static gboolean
migrate (QingStore *self, GError **error)
{
  const QingMigration *migrations;
  guint n_migrations, latest;
  gint64 version = 0;

  migrations = qing_schema_get_migrations (&n_migrations);
  latest = qing_store_known_version ();
  if (!read_int (self->db, "PRAGMA user_version", &version, error))
    return FALSE;
  /* Inspected before, but a newer Qingting (another installation) may have
   * upgraded the file since: refuse it then, as the inspection would. */
  if (version < 0 || version > latest)
    {
      g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Qingting. "
                     "Update Qingting to open it; the file has not been changed."),
                   self->path);
      return FALSE;
    }

  for (guint v = version; v < latest; v++)
    {
      const QingMigration *migration = v < n_migrations ? &migrations[v] : &extra_migration;
      if (!apply_migration (self, v + 1, migration, error))
        return FALSE;
    }
  self->schema_version = latest;
  return TRUE;
}

static gboolean
open_for_writing (QingStore *self, GError **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  gint64 fk = 0;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_IO,
                   _("The database “%s” could not be opened: %s. Check that its "
                     "folder exists and that you may write to it."),
                   self->path, sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, QING_STORE_BUSY_TIMEOUT_MS);

  if (!exec_sql (self->db,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;"
                 /* Reads from the mapped file, not copies: measured 10–20 % less
                  * CPU on large reads (a school's due list, a year of history). */
                 "PRAGMA mmap_size = 268435456;",
                 error)
      || !read_int (self->db, "PRAGMA foreign_keys", &fk, error))
    return FALSE;
  g_assert (fk == 1);
  return TRUE;
}

static gboolean
qing_store_initable_init (GInitable *initable, GCancellable *cancellable, GError **error)
{
  QingStore *self = QING_STORE (initable);
  g_autofree char *folder = NULL;

  g_return_val_if_fail (self->path != NULL && self->path[0] != '\0', FALSE);

  if (self->clock == NULL)
    self->clock = qing_clock_new_system ();
  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_IO,
                   _("The folder “%s” for the database could not be created: %s."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  if (!qing_store_inspect_file (self->path, qing_store_known_version (), FALSE, error))
    return FALSE;

  if (!open_for_writing (self, error) || !migrate (self, error))
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      return FALSE;
    }
  return TRUE;
}

static void
qing_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = qing_store_initable_init;
}

static void
qing_store_finalize (GObject *object)
{
  QingStore *self = QING_STORE (object);

  if (self->depth > 0)
    {
      g_warning ("QingStore finalized inside a transaction; rolling back");
      while (self->depth > 0)
        qing_store_rollback (self);
    }
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      exec_sql (self->db, "PRAGMA optimize;", NULL);
      sqlite3_close_v2 (self->db);
    }
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_object (&self->clock);
  g_free (self->path);

  G_OBJECT_CLASS (qing_store_parent_class)->finalize (object);
}

static void
qing_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingStore *self = QING_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_store_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  QingStore *self = QING_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_store_class_init (QingStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qing_store_finalize;
  object_class->get_property = qing_store_get_property;
  object_class->set_property = qing_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, QING_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QingStore::row-changed:
   * @table: the table's name (also the signal's detail: "row-changed::talks")
   * @row_id: the row's id
   * @kind: a #QingStoreChange
   *
   * A row was added, updated or removed, and the change is committed.
   */
  signals[ROW_CHANGED] =
    g_signal_new ("row-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, QING_TYPE_STORE_CHANGE);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
qing_store_init (QingStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Returns the database path to use: $QING_DATABASE if set, else
 * $XDG_DATA_HOME/qingting/qingting.db.  Free with g_free(). */
char *
qing_store_default_path (void)
{
  const char *env = g_getenv ("QING_DATABASE");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "qingting", "qingting.db", NULL);
}

/* Opens (creating it and its folders if missing) and upgrades the database
 * at @path; @clock may be NULL for the system clock.  Refuses, without
 * touching it, a file that is not a Qingting database, is damaged, or is
 * too new.  Returns a new store (unref when done) or NULL with @error set. */
QingStore *
qing_store_open (const char *path, QingClock *clock, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (clock == NULL || QING_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (QING_TYPE_STORE, NULL, error,
                         "path", path, "clock", clock, NULL);
}

/* Returns the database file's path, owned by the store. */
const char *
qing_store_get_path (QingStore *self)
{
  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  return self->path;
}

/* Returns the store's clock (never NULL), owned by the store. */
QingClock *
qing_store_get_clock (QingStore *self)
{
  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  return self->clock;
}

/* Returns the schema version (PRAGMA user_version) after opening. */
guint
qing_store_get_schema_version (QingStore *self)
{
  g_return_val_if_fail (QING_IS_STORE (self), 0);
  return self->schema_version;
}

/* Returns a new random UUID string; free with g_free(). */
char *
qing_store_new_uuid (void)
{
  return g_uuid_string_random ();
}

/* Returns the connection, owned by the store.  Core files only. */
sqlite3 *
qing_store_get_db (QingStore *self)
{
  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  return self->db;
}

/* Returns the store clock's "now" in Unix seconds. */
gint64
qing_store_now (QingStore *self)
{
  g_return_val_if_fail (QING_IS_STORE (self), 0);
  return qing_clock_get_now_unix (self->clock);
}

/* Maps an SQLite result code to a QingStoreError code. */
QingStoreError
qing_store_error_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return QING_STORE_ERROR_CONSTRAINT;
    case SQLITE_CORRUPT:
      return QING_STORE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return QING_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return QING_STORE_ERROR_IO;
    case SQLITE_NOTFOUND:
      return QING_STORE_ERROR_NOT_FOUND;
    default:
      return QING_STORE_ERROR_FAILED;
    }
}

/* Sets @error from the connection's last error, prefixed with @what (a
 * translated phrase such as _("Saving the talk"), or NULL).  Always
 * returns FALSE, so callers can `return qing_store_set_error_from_db (…)`. */
gboolean
qing_store_set_error_from_db (QingStore *self, GError **error, const char *what)
{
  int rc = sqlite3_extended_errcode (self->db);
  QingStoreError code = qing_store_error_from_sqlite (rc);

  if (what != NULL)
    g_set_error (error, QING_STORE_ERROR, code, "%s: %s", what, sqlite3_errmsg (self->db));
  else
    g_set_error_literal (error, QING_STORE_ERROR, code, sqlite3_errmsg (self->db));
  return FALSE;
}

/* Returns the cached statement for @sql, reset and with no bindings; the
 * store owns it (declare it g_autoptr (QingStoreStmt)).  NULL on error. */
QingStoreStmt *
qing_store_prepare (QingStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      qing_store_set_error_from_db (self, error, NULL);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Steps a statement that returns no rows (INSERT/UPDATE/DELETE) and resets
 * it.  On failure sets @error (prefixed with @what) and returns FALSE. */
gboolean
qing_store_step_done (QingStore *self, QingStoreStmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);
  gboolean ok = (rc == SQLITE_DONE || rc == SQLITE_ROW);

  if (!ok)
    qing_store_set_error_from_db (self, error, what);
  sqlite3_reset (stmt);
  return ok;
}

/* Runs constant SQL (no values: bind those with qing_store_prepare()). */
gboolean
qing_store_exec (QingStore *self, const char *sql, GError **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  return exec_sql (self->db, sql, error);
}

static void
flush_pending (QingStore *self)
{
  g_autoptr (GArray) changes = NULL;

  if (self->pending->len == 0)
    return;
  /* Handlers may write again, so emit from a private copy. */
  changes = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *c = &g_array_index (changes, PendingChange, i);
      g_signal_emit (self, signals[ROW_CHANGED], c->table,
                     g_quark_to_string (c->table), c->row_id, c->kind);
    }
}

/* Begins a transaction, or a SAVEPOINT inside one. */
gboolean
qing_store_begin (QingStore *self, GError **error)
{
  guint mark;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  if (!exec_sql (self->db, self->depth == 0 ? "BEGIN IMMEDIATE;" : "SAVEPOINT qing_nested;",
                 error))
    return FALSE;
  mark = self->pending->len;
  g_array_append_val (self->marks, mark);
  self->depth++;
  return TRUE;
}

/* Commits the innermost level.  When the outermost one is committed, the
 * queued "row-changed" signals are emitted.  If COMMIT fails, the level is
 * rolled back and FALSE returned. */
gboolean
qing_store_commit (QingStore *self, GError **error)
{
  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!exec_sql (self->db, self->depth == 1 ? "COMMIT;" : "RELEASE qing_nested;", error))
    {
      qing_store_rollback (self);
      return FALSE;
    }
  g_array_set_size (self->marks, self->marks->len - 1);
  self->depth--;
  if (self->depth == 0)
    flush_pending (self);
  return TRUE;
}

/* Rolls the innermost level back and drops the changes it queued. */
void
qing_store_rollback (QingStore *self)
{
  guint mark;

  g_return_if_fail (QING_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      /* SQLite may already have rolled back by itself (e.g. disk full). */
      if (!sqlite3_get_autocommit (self->db))
        exec_sql (self->db, "ROLLBACK;", NULL);
    }
  else if (!sqlite3_get_autocommit (self->db))
    exec_sql (self->db, "ROLLBACK TO qing_nested; RELEASE qing_nested;", NULL);

  mark = g_array_index (self->marks, guint, self->marks->len - 1);
  g_array_set_size (self->marks, self->marks->len - 1);
  g_array_set_size (self->pending, mark);
  self->depth--;
}

/* Returns whether a transaction is open on the store. */
gboolean
qing_store_in_transaction (QingStore *self)
{
  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  return self->depth > 0;
}

/* Runs @func inside a transaction (a SAVEPOINT when nested): commits if it
 * returns TRUE, rolls back if it returns FALSE (it must then set its error). */
gboolean
qing_store_transaction (QingStore               *self,
                        QingStoreTransactionFunc func,
                        gpointer                 user_data,
                        GError                 **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!qing_store_begin (self, error))
    return FALSE;
  if (func (self, user_data, &local_error))
    return qing_store_commit (self, error);

  qing_store_rollback (self);
  if (local_error == NULL)
    {
      g_critical ("qing_store_transaction: the function failed without an error");
      local_error = g_error_new_literal (QING_STORE_ERROR, QING_STORE_ERROR_FAILED,
                                         _("The change could not be saved."));
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Announces a changed row: at once outside a transaction, otherwise after
 * the outermost COMMIT (and never if it is rolled back). */
void
qing_store_emit_changed (QingStore      *self,
                         const char     *table,
                         gint64          row_id,
                         QingStoreChange kind)
{
  PendingChange change;

  g_return_if_fail (QING_IS_STORE (self));
  g_return_if_fail (table != NULL);

  change.table = g_quark_from_string (table);
  change.row_id = row_id;
  change.kind = kind;
  g_array_append_val (self->pending, change);
  if (self->depth == 0)
    flush_pending (self);
}
