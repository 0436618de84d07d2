/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the repository files: errors, binding, the viewer.
 */
#include "qing-repository-private.h"

#include <string.h>

G_DEFINE_QUARK (qing-repository-error-quark, qing_repository_error)

/* Sets a QING_REPOSITORY_ERROR with @message; always returns FALSE. */
gboolean
qing_repository_fail (GError **error, QingRepositoryError code, const char *message)
{
  g_set_error_literal (error, QING_REPOSITORY_ERROR, code, message);
  return FALSE;
}

/* Steps a write and resets it; see qing-repository-private.h. */
gboolean
qing_repository_step_write (QingStore *store, QingStoreStmt *stmt, const char *what,
                            GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  qing_repository_set_write_error (store, what, error);
  sqlite3_reset (stmt);
  return FALSE;
}

/* Sets @error from the connection's last error after a failed write;
 * always returns FALSE. */
gboolean
qing_repository_set_write_error (QingStore *store, const char *what, GError **error)
{
  if (sqlite3_extended_errcode (qing_store_get_db (store)) == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("Someone this record is about is no longer in the database."));
      return FALSE;
    }
  return qing_store_set_error_from_db (store, error, what);
}

/* Steps @stmt to the end collecting one object per row; see
 * qing-repository-private.h. */
GPtrArray *
qing_repository_collect (QingStore *store, QingStoreStmt *stmt, QingRowFunc from_row,
                         const char *what, GError **error)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (objects, from_row (store, stmt));
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (store, error, what);
      return NULL;
    }
  return g_steal_pointer (&objects);
}

/* See qing-repository-private.h. */
GObject *
qing_repository_fetch_one (QingStore *store, QingStoreStmt *stmt, QingRowFunc from_row,
                           const char *not_found, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return from_row (store, stmt);
  if (rc != SQLITE_DONE)
    qing_store_set_error_from_db (store, error, what);
  else if (not_found != NULL)
    g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND, not_found);
  return NULL;
}

/* TRUE for NULL, "" or only white space (ASCII or the ideographic space). */
gboolean
qing_repository_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Binds @text, or NULL when it is NULL or blank. */
void
qing_repository_bind_text (QingStoreStmt *stmt, int index, const char *text)
{
  if (qing_repository_is_blank (text))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Binds @id, or NULL for 0 ("nobody"). */
void
qing_repository_bind_id (QingStoreStmt *stmt, int index, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds who is looking to ?20 and ?21 (see QING_VISIBLE_SQL). */
void
qing_repository_bind_viewer (QingStoreStmt *stmt, const QingViewer *viewer)
{
  sqlite3_bind_int64 (stmt, 20, viewer->person_id);
  sqlite3_bind_int (stmt, 21, viewer->role);
}

/* Orders two nullable strings as SQLite's BINARY collation does, NULL first. */
int
qing_repository_compare_text (const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return strcmp (a, b);
}

/* Frees a care level change. */
void
qing_care_level_change_free (QingCareLevelChange *change)
{
  if (change == NULL)
    return;
  g_free (change->reason);
  g_free (change->decision_note);
  g_free (change);
}

/* Orders people as QING_PERSON_ORDER does: pinyin key, name, id. */
int
qing_repository_compare_persons (GObject *a, GObject *b)
{
  QingPerson *x = QING_PERSON (a), *y = QING_PERSON (b);
  int c = qing_repository_compare_text (qing_person_get_pinyin_key (x),
                                        qing_person_get_pinyin_key (y));

  if (c == 0)
    c = qing_repository_compare_text (qing_person_get_name (x), qing_person_get_name (y));
  if (c == 0)
    c = (qing_person_get_id (x) > qing_person_get_id (y))
        - (qing_person_get_id (x) < qing_person_get_id (y));
  return c;
}

/* Whether two people have the same values in every property, compared
 * field by field (lists of thousands are compared on each change). */
gboolean
qing_repository_persons_equal (GObject *a, GObject *b)
{
  QingPerson *x = QING_PERSON (a), *y = QING_PERSON (b);

  return qing_person_get_id (x) == qing_person_get_id (y)
         && qing_person_get_kind (x) == qing_person_get_kind (y)
         && qing_person_get_gender (x) == qing_person_get_gender (y)
         && qing_person_get_care_level (x) == qing_person_get_care_level (y)
         && g_strcmp0 (qing_person_get_name (x), qing_person_get_name (y)) == 0
         && g_strcmp0 (qing_person_get_uuid (x), qing_person_get_uuid (y)) == 0
         && g_strcmp0 (qing_person_get_pinyin_key (x), qing_person_get_pinyin_key (y)) == 0
         && g_strcmp0 (qing_person_get_birthday (x), qing_person_get_birthday (y)) == 0
         && g_strcmp0 (qing_person_get_student_number (x),
                       qing_person_get_student_number (y)) == 0
         && g_strcmp0 (qing_person_get_phone (x), qing_person_get_phone (y)) == 0
         && g_strcmp0 (qing_person_get_class_name (x), qing_person_get_class_name (y)) == 0
         && g_strcmp0 (qing_person_get_note (x), qing_person_get_note (y)) == 0;
}
