/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings table (key → text value of the installation) and the JSON
 * arrays in which lists of words are stored.
 */
#include <glib/gi18n-lib.h>

#include "qing-store-private.h"

/* Returns the value of setting @key, or NULL if unset; free with g_free(). */
char *
qing_store_get_setting (QingStore *self, const char *key)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = qing_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("Reading setting %s: %s", key, error->message);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
find_setting (QingStore *self, const char *key, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, "SELECT id FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Sets setting @key to @value (NULL removes it). */
gboolean
qing_store_set_setting (QingStore *self, const char *key, const char *value, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 id;
  QingStoreChange kind;
  const char *sql;

  g_return_val_if_fail (QING_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  id = find_setting (self, key, error);
  if (id < 0)
    return FALSE;
  if (id == 0 && value == NULL)
    return TRUE;

  if (value == NULL)
    {
      sql = "DELETE FROM settings WHERE key = ?1";
      kind = QING_STORE_CHANGE_REMOVED;
    }
  else if (id == 0)
    {
      sql = "INSERT INTO settings (key, value, created_utc, updated_utc) VALUES (?1, ?2, ?3, ?3)";
      kind = QING_STORE_CHANGE_ADDED;
    }
  else
    {
      sql = "UPDATE settings SET value = ?2, updated_utc = ?3 WHERE key = ?1";
      kind = QING_STORE_CHANGE_UPDATED;
    }

  stmt = qing_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    {
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, qing_store_now (self));
    }
  if (!qing_store_step_done (self, stmt, _("Saving a setting"), error))
    return FALSE;
  if (id == 0)
    id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  qing_store_emit_changed (self, "settings", id, kind);
  return TRUE;
}

/* Returns @strv as a JSON array of strings (NULL for NULL or empty);
 * free with g_free(). */
char *
qing_store_strv_to_json (const char * const *strv)
{
  GString *json;

  if (strv == NULL || strv[0] == NULL)
    return NULL;

  json = g_string_new ("[");
  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      for (const char *p = strv[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_printf (json, "\\%c", *p);
          else if ((guchar) *p < 0x20)
            g_string_append_printf (json, "\\u%04x", (guint) (guchar) *p);
          else
            g_string_append_c (json, *p);
        }
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* Returns the strings of a JSON array (non-strings skipped) as a new,
 * never NULL, NULL-terminated array; free with g_strfreev(). */
GStrv
qing_store_strv_from_json (QingStore *self, const char *json)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  if (json != NULL && json[0] != '\0')
    stmt = qing_store_prepare (self,
                               "SELECT value FROM json_each (?1) WHERE type = 'text'",
                               NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
    }
  return g_strv_builder_end (builder);
}
