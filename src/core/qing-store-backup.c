/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Daily backups next to the database and restoring one of them.
 *
 * A backup is written with SQLite's online backup API, on a connection of
 * its own (so it can run in a thread), into "<db>.backup-YYYY-MM-DD.part-…",
 * checked, switched to a single-file
 * journal mode and only then renamed into place, so a half-written backup
 * never replaces a good one; the newest QING_STORE_BACKUPS_KEPT are kept.
 *
 * Restoring copies the backup into "<db>.restore-part", runs PRAGMA
 * integrity_check on that copy, keeps the current database (and its
 * write-ahead log) as "<db>.before-restore", moves the live -wal aside and
 * removes the -shm (a stale log must never be replayed onto the restored
 * file), renames the copy over the database and only then drops the log;
 * if the rename fails the log is put back, so the database is unchanged.
 */
#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "qing-schema.h"
#include "qing-store-inspect.h"
#include "qing-store-private.h"

#define BACKUP_INFIX ".backup-"
#define DAY_LENGTH 10 /* YYYY-MM-DD */

static gboolean
is_day (const char *text)
{
  if (strlen (text) != DAY_LENGTH)
    return FALSE;
  for (guint i = 0; i < DAY_LENGTH; i++)
    {
      gboolean dash = (i == 4 || i == 7);
      if (dash ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

static gint
compare_newest_first (gconstpointer a, gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns the paths of the daily backups of the database at @db_path,
 * newest first (an empty array if none); free with g_ptr_array_unref(). */
GPtrArray *
qing_store_list_backups (const char *db_path)
{
  g_autofree char *folder = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *base = NULL;
  g_autoptr (GDir) dir = NULL;
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (db_path != NULL, backups);

  folder = g_path_get_dirname (db_path);
  base = g_path_get_basename (db_path);
  prefix = g_strconcat (base, BACKUP_INFIX, NULL);
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && is_day (name + strlen (prefix)))
        g_ptr_array_add (backups, g_build_filename (folder, name, NULL));
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

static gboolean
set_io_error (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_IO,
               /* Translators: %s is a file name, then the system's reason. */
               _("The file “%s” could not be written: %s."),
               path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
set_sqlite_error (GError **error, sqlite3 *db, const char *path)
{
  g_set_error (error, QING_STORE_ERROR,
               qing_store_error_from_sqlite (sqlite3_extended_errcode (db)),
               _("The file “%s” could not be written: %s."),
               path, sqlite3_errmsg (db));
  return FALSE;
}

/* Returns NULL if PRAGMA @check says "ok", else what it says instead. */
static char *
run_check (sqlite3 *db, const char *check_sql)
{
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;

  if (sqlite3_prepare_v2 (db, check_sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (text, "ok") != 0)
        problem = g_strdup (text != NULL ? text : "?");
    }
  else
    problem = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return problem;
}

/* Copies database @src into a new file @dest_path, leaves it in a
 * rollback-journal mode (one self-contained file) and runs @check_sql on
 * it.  On failure @dest_path is removed.  @problem receives the check's
 * complaint when the copy was made but is not sound. */
static gboolean
copy_database (sqlite3 *src, const char *dest_path, const char *check_sql,
               char **problem, GError **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;

  g_unlink (dest_path);
  if (sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      set_sqlite_error (error, dest, dest_path);
      goto out;
    }
  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, dest, dest_path);
      goto out;
    }
  if (sqlite3_backup_step (backup, -1) != SQLITE_DONE)
    {
      sqlite3_backup_finish (backup);
      set_sqlite_error (error, dest, dest_path);
      goto out;
    }
  if (sqlite3_backup_finish (backup) != SQLITE_OK
      || sqlite3_exec (dest, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, dest, dest_path);
      goto out;
    }
  *problem = run_check (dest, check_sql);
  ok = (*problem == NULL);

out:
  sqlite3_close_v2 (dest);
  if (!ok)
    g_unlink (dest_path);
  return ok;
}

/* Removes the half-written copies ("<db>.backup-DAY.part-…") that a backup
 * interrupted on an earlier day (a crash, a power cut) left behind: each is
 * a copy of the children's records that no list shows.  Today's may belong
 * to a backup still running, so they are left alone. */
static void
remove_stale_parts (const char *db_path, const char *target)
{
  g_autofree char *folder = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strconcat (base, BACKUP_INFIX, NULL);
  g_autofree char *today = g_path_get_basename (target);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *day = NULL;

      if (!g_str_has_prefix (name, prefix) || g_str_has_prefix (name, today))
        continue;
      day = g_strndup (name + strlen (prefix), DAY_LENGTH);
      if (is_day (day) && g_str_has_prefix (name + strlen (prefix) + DAY_LENGTH, ".part-"))
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_unlink (path);
        }
    }
}

static void
prune_backups (const char *db_path, const char *target)
{
  g_autoptr (GPtrArray) backups = qing_store_list_backups (db_path);

  for (guint i = QING_STORE_BACKUPS_KEPT; i < backups->len; i++)
    if (g_unlink (g_ptr_array_index (backups, i)) != 0)
      g_warning ("Could not remove old backup %s: %s",
                 (const char *) g_ptr_array_index (backups, i), g_strerror (errno));
  remove_stale_parts (db_path, target);
}

/* Returns the path of today's backup (local day of the store's clock), or
 * NULL if it exists already. */
static char *
due_backup_path (QingStore *self)
{
  g_autoptr (GDateTime) now = qing_clock_get_now (qing_store_get_clock (self));
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *target = g_strconcat (qing_store_get_path (self), BACKUP_INFIX, day, NULL);

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    return NULL;
  return g_steal_pointer (&target);
}

/* Copies the database into @target through a connection of its own, so
 * it may run in a thread while the store goes on writing. */
static gboolean
make_backup (const char *db_path, const char *target, GError **error)
{
  g_autofree char *nonce = g_uuid_string_random ();
  g_autofree char *part = g_strconcat (target, ".part-", nonce, NULL);
  g_autofree char *problem = NULL;
  sqlite3 *src = NULL;
  gboolean copied;

  if (sqlite3_open_v2 (db_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_IO,
                   _("The database “%s” could not be read: %s."),
                   db_path, sqlite3_errmsg (src));
      sqlite3_close_v2 (src);
      return FALSE;
    }
  sqlite3_busy_timeout (src, QING_STORE_BUSY_TIMEOUT_MS);
  copied = copy_database (src, part, "PRAGMA quick_check (1)", &problem, error);
  sqlite3_close_v2 (src);
  if (!copied)
    {
      if (problem != NULL)
        g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_CORRUPT,
                     _("The database “%s” is damaged (%s), so no backup was made "
                       "today and the earlier backups were kept. Restore one of them."),
                     db_path, problem);
      return FALSE;
    }
  if (g_rename (part, target) != 0)
    {
      int saved_errno = errno;
      g_unlink (part);
      return set_io_error (error, target, saved_errno);
    }
  prune_backups (db_path, target);
  return TRUE;
}

/* Makes today's backup (local day of the store's clock) unless it exists,
 * then keeps only the newest QING_STORE_BACKUPS_KEPT.  Refuses to back up a
 * database that fails its check, so good backups are not rotated out by
 * bad ones.  Blocks while copying: a school's database takes seconds, so
 * the application uses qing_store_backup_if_due_async(). */
gboolean
qing_store_backup_if_due (QingStore *self, GError **error)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);

  target = due_backup_path (self);
  if (target == NULL)
    return TRUE;
  return make_backup (qing_store_get_path (self), target, error);
}

typedef struct
{
  char *db_path;
  char *target;
} BackupJob;

static void
backup_job_free (gpointer data)
{
  BackupJob *job = data;

  g_free (job->db_path);
  g_free (job->target);
  g_free (job);
}

static void
backup_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  BackupJob *job = data;
  GError *error = NULL;

  if (make_backup (job->db_path, job->target, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Like qing_store_backup_if_due(), copying in a worker thread with its own
 * connection; the store may be used meanwhile.  Finish with
 * qing_store_backup_if_due_finish(). */
void
qing_store_backup_if_due_async (QingStore          *self,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  BackupJob *job;
  char *target;

  g_return_if_fail (QING_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, qing_store_backup_if_due_async);
  target = due_backup_path (self);
  if (target == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  job = g_new0 (BackupJob, 1);
  job->db_path = g_strdup (qing_store_get_path (self));
  job->target = target;
  g_task_set_task_data (task, job, backup_job_free);
  g_task_run_in_thread (task, backup_in_thread);
}

/* Returns whether the backup started by qing_store_backup_if_due_async()
 * was made (or was not due); FALSE with @error otherwise. */
gboolean
qing_store_backup_if_due_finish (QingStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
refuse_backup (const char *backup_path, const char *db_path, const char *why, GError **error)
{
  g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_CORRUPT,
               /* Translators: the first %s is the backup file, the second a
                * technical detail, the third the database file. */
               _("The backup “%s” cannot be restored (%s). The database “%s” has "
                 "not been changed; choose another backup."),
               backup_path, why, db_path);
  return FALSE;
}

static gboolean
copy_file (const char *from, const char *to, GError **error)
{
  g_autoptr (GFile) src = g_file_new_for_path (from);
  g_autoptr (GFile) dest = g_file_new_for_path (to);

  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    {
      g_unlink (to);
      return TRUE;
    }
  return g_file_copy (src, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* Keeps the current database and its log as "<db>.before-restore(-wal)". */
static gboolean
keep_current (const char *db_path, GError **error)
{
  g_autofree char *kept = g_strconcat (db_path, ".before-restore", NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *kept_wal = g_strconcat (kept, "-wal", NULL);
  g_autoptr (GError) local_error = NULL;

  if (copy_file (db_path, kept, &local_error) && copy_file (wal, kept_wal, &local_error))
    return TRUE;
  g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_IO,
               _("The database “%s” was not replaced, because a copy of it could not "
                 "be kept first: %s."),
               db_path, local_error->message);
  return FALSE;
}

static gboolean
check_backup (const char *db_path, const char *backup_path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  GStatBuf st;
  const char *why;

  if (g_stat (backup_path, &st) != 0)
    {
      g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                   _("The backup “%s” was not found. The database “%s” has not been "
                     "changed."),
                   backup_path, db_path);
      return FALSE;
    }
  if (st.st_size == 0)
    return refuse_backup (backup_path, db_path, _("it is empty"), error);
  if (qing_store_inspect_file (backup_path, qing_store_known_version (), TRUE, &local_error))
    return TRUE;

  switch (local_error->code)
    {
    case QING_STORE_ERROR_TOO_NEW:
      why = _("it was written by a newer version of Qingting");
      break;
    case QING_STORE_ERROR_NOT_A_DATABASE:
      why = _("it is not a Qingting database");
      break;
    case QING_STORE_ERROR_CORRUPT:
      why = _("it is damaged");
      break;
    default:
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return refuse_backup (backup_path, db_path, why, error);
}

/* Replaces the database at @db_path with the backup at @backup_path, only
 * after a copy of it has passed PRAGMA integrity_check; the replaced
 * database is kept as "<db>.before-restore".  Every QingStore on @db_path
 * must be closed (unreffed) first.  On failure the database is unchanged. */
gboolean
qing_store_restore (const char *db_path, const char *backup_path, GError **error)
{
  g_autofree char *part = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *wal_aside = NULL;
  g_autofree char *shm = NULL;
  sqlite3 *src = NULL;
  gboolean copied, moved;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!check_backup (db_path, backup_path, error))
    return FALSE;

  part = g_strconcat (db_path, ".restore-part", NULL);
  if (sqlite3_open_v2 (backup_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (src);
      return refuse_backup (backup_path, db_path, _("it cannot be read"), error);
    }
  copied = copy_database (src, part, "PRAGMA integrity_check (1)", &problem, error);
  sqlite3_close_v2 (src);
  if (!copied)
    {
      if (problem == NULL)
        return FALSE;
      g_clear_error (error);
      return refuse_backup (backup_path, db_path, problem, error);
    }

  if (!keep_current (db_path, error))
    {
      g_unlink (part);
      return FALSE;
    }
  /* A stale write-ahead log must never be replayed onto the new file, so
   * it is moved aside first; it goes back if the database cannot be
   * replaced, since it may hold the last committed changes. */
  wal = g_strconcat (db_path, "-wal", NULL);
  wal_aside = g_strconcat (db_path, ".restore-old-wal", NULL);
  shm = g_strconcat (db_path, "-shm", NULL);
  g_unlink (wal_aside);
  moved = g_rename (wal, wal_aside) == 0;
  if ((!moved && errno != ENOENT) || (g_unlink (shm) != 0 && errno != ENOENT)
      || g_rename (part, db_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (part);
      if (moved)
        g_rename (wal_aside, wal);
      return set_io_error (error, db_path, saved_errno);
    }
  if (moved)
    g_unlink (wal_aside);
  return TRUE;
}
