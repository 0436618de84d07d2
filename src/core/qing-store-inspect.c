/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inspecting a database file without changing it: the 100-byte SQLite
 * header read with plain stdio, then a read-only connection for the
 * application id, schema version and an integrity check.  Every refusal
 * names the file and says what to do; the file stays byte-for-byte as it
 * was.
 */
#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "qing-schema.h"
#include "qing-store.h"
#include "qing-store-inspect.h"

#define HEADER_SIZE 100

static const char sqlite_magic[16] = "SQLite format 3";

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
refuse_not_a_database (const char *path, GError **error)
{
  g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_A_DATABASE,
               _("The file “%s” is not a Qingting database. Choose another file, "
                 "or move this one away to start a new database; the file has not "
                 "been changed."),
               path);
  return FALSE;
}

static gboolean
refuse_corrupt (const char *path, const char *why, GError **error)
{
  g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_CORRUPT,
               /* Translators: the second %s is a technical detail. */
               _("The database “%s” is damaged (%s). Restore one of its daily "
                 "backups, or move it away to start afresh; the file has not been "
                 "changed."),
               path, why);
  return FALSE;
}

static gboolean
refuse_too_new (const char *path, GError **error)
{
  g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_TOO_NEW,
               _("The database “%s” was written by a newer version of Qingting. "
                 "Update Qingting to open it; the file has not been changed."),
               path);
  return FALSE;
}

/* Checks the header: magic, page size, and that the file is as long as
 * the header says (a truncated copy is not).  Returns FALSE with @error. */
static gboolean
check_header (const char *path, goffset size, gboolean has_wal, GError **error)
{
  guchar header[HEADER_SIZE];
  guint32 page_size, change_counter, valid_for, n_pages;
  FILE *file;
  size_t n_read;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_IO,
                   _("The database “%s” could not be read: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read < sizeof sqlite_magic || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    return refuse_not_a_database (path, error);
  if (n_read < HEADER_SIZE)
    return refuse_corrupt (path, "short header", error);

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return refuse_corrupt (path, "bad page size", error);
  if (size % page_size != 0)
    return refuse_corrupt (path, "truncated", error);

  change_counter = read_be32 (header + 24);
  n_pages = read_be32 (header + 28);
  valid_for = read_be32 (header + 92);
  /* With a write-ahead log the log may still hold pages the file lacks. */
  if (!has_wal && n_pages > 0 && change_counter == valid_for
      && (guint64) size < (guint64) n_pages * page_size)
    return refuse_corrupt (path, "truncated", error);
  return TRUE;
}

static gboolean
query_int (sqlite3 *db, const char *sql, gint64 *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Returns NULL if quick_check says "ok", else its first complaint. */
static char *
run_quick_check (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
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

static gboolean
check_contents (sqlite3 *db, const char *path, guint known_version, gboolean full_check,
                GError **error)
{
  gint64 app_id = 0, version = 0, n_objects = 0;
  g_autofree char *problem = NULL;

  if (!query_int (db, "PRAGMA application_id", &app_id)
      || !query_int (db, "PRAGMA user_version", &version)
      || !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects))
    {
      int rc = sqlite3_extended_errcode (db) & 0xff;
      if (rc == SQLITE_NOTADB)
        return refuse_not_a_database (path, error);
      return refuse_corrupt (path, sqlite3_errmsg (db), error);
    }

  /* Someone else's database, or one that is not ours yet has tables. */
  if (app_id != 0 && app_id != QING_SCHEMA_APPLICATION_ID)
    return refuse_not_a_database (path, error);
  if (app_id == 0 && (version != 0 || n_objects > 0))
    return refuse_not_a_database (path, error);
  if (version > known_version)
    return refuse_too_new (path, error);

  if (full_check && (problem = run_quick_check (db)) != NULL)
    return refuse_corrupt (path, problem, error);
  return TRUE;
}

/* Inspects the database at @path without writing to it.  A missing or
 * empty file passes (it becomes a new database).  Refuses, with a
 * translated sentence naming the file, one that is not a Qingting
 * database, is damaged, or has a schema newer than @known_version.
 * @full_check forces PRAGMA quick_check whatever the size. */
gboolean
qing_store_inspect_file (const char *path, guint known_version, gboolean full_check,
                         GError **error)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  GStatBuf st, wal_st;
  gboolean has_wal;
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      if (saved_errno == ENOENT)
        return TRUE;
      g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_IO,
                   _("The database “%s” could not be read: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    return refuse_not_a_database (path, error);
  if (st.st_size == 0)
    return TRUE;

  has_wal = g_stat (wal_path, &wal_st) == 0 && wal_st.st_size > 0;
  if (!check_header (path, st.st_size, has_wal, error))
    return FALSE;

  /* Without a write-ahead log the file holds everything: read it as
   * immutable, so that not even a -wal or -shm file appears next to it. */
  if (!has_wal)
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  else
    rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, QING_STORE_ERROR, QING_STORE_ERROR_IO,
                   _("The database “%s” could not be read: %s."),
                   path, sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, QING_STORE_BUSY_TIMEOUT_MS);
  ok = check_contents (db, path, known_version,
                       full_check || st.st_size <= QING_STORE_QUICK_CHECK_MAX_BYTES,
                       error);
  sqlite3_close_v2 (db);
  return ok;
}
