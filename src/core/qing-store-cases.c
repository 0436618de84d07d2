/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cases (个案) with their append-only timeline; see qing-store-cases.h.
 * Nothing here updates or deletes a case event: the only write is an
 * INSERT, and the schema's triggers refuse anything else.
 */
#include "qing-store-cases.h"

#include "qing-repository-private.h"

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

struct _QingCase
{
  GObject parent_instance;

  gint64  id;
  gint64  student_id;
  char   *student_name;
  gint64  counselor_id;
  gint64  opened_at_utc;
  char   *title;
  int     status;
  gint64  last_event_utc;
};

G_DEFINE_FINAL_TYPE (QingCase, qing_case, G_TYPE_OBJECT)

struct _QingCaseEvent
{
  GObject parent_instance;

  gint64  id;
  gint64  case_id;
  int     kind;
  gint64  at_utc;
  gint64  by_person_id;
  char   *by_name;
  int     status;
  char   *referred_to;
  char   *note;
};

G_DEFINE_FINAL_TYPE (QingCaseEvent, qing_case_event, G_TYPE_OBJECT)

static void
qing_case_finalize (GObject *object)
{
  QingCase *self = QING_CASE (object);

  g_free (self->student_name);
  g_free (self->title);
  G_OBJECT_CLASS (qing_case_parent_class)->finalize (object);
}

static void
qing_case_class_init (QingCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qing_case_finalize;
}

static void
qing_case_init (QingCase *self)
{
}

static void
qing_case_event_finalize (GObject *object)
{
  QingCaseEvent *self = QING_CASE_EVENT (object);

  g_free (self->by_name);
  g_free (self->referred_to);
  g_free (self->note);
  G_OBJECT_CLASS (qing_case_event_parent_class)->finalize (object);
}

static void
qing_case_event_class_init (QingCaseEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qing_case_event_finalize;
}

static void
qing_case_event_init (QingCaseEvent *self)
{
}

/* Getters: see the header. */
gint64
qing_case_get_id (QingCase *self)
{
  return self->id;
}

gint64
qing_case_get_student_id (QingCase *self)
{
  return self->student_id;
}

const char *
qing_case_get_student_name (QingCase *self)
{
  return self->student_name;
}

gint64
qing_case_get_counselor_id (QingCase *self)
{
  return self->counselor_id;
}

gint64
qing_case_get_opened_at_utc (QingCase *self)
{
  return self->opened_at_utc;
}

const char *
qing_case_get_title (QingCase *self)
{
  return self->title;
}

QingCaseStatus
qing_case_get_status (QingCase *self)
{
  return self->status;
}

gint64
qing_case_get_last_event_utc (QingCase *self)
{
  return self->last_event_utc;
}


gint64
qing_case_event_get_id (QingCaseEvent *self)
{
  return self->id;
}

gint64
qing_case_event_get_case_id (QingCaseEvent *self)
{
  return self->case_id;
}

QingCaseEventKind
qing_case_event_get_kind (QingCaseEvent *self)
{
  return self->kind;
}

gint64
qing_case_event_get_at_utc (QingCaseEvent *self)
{
  return self->at_utc;
}

gint64
qing_case_event_get_by_person_id (QingCaseEvent *self)
{
  return self->by_person_id;
}

const char *
qing_case_event_get_by_name (QingCaseEvent *self)
{
  return self->by_name;
}

int
qing_case_event_get_status (QingCaseEvent *self)
{
  return self->status;
}

const char *
qing_case_event_get_referred_to (QingCaseEvent *self)
{
  return self->referred_to;
}

const char *
qing_case_event_get_note (QingCaseEvent *self)
{
  return self->note;
}


/* Returns the translated name of a case status (static string). */
const char *
qing_case_status_to_string (QingCaseStatus status)
{
  switch (status)
    {
    case QING_CASE_OPEN: return C_("case status", "Open");
    case QING_CASE_MONITORING: return C_("case status", "Monitoring");
    case QING_CASE_REFERRED: return C_("case status", "Referred");
    case QING_CASE_CLOSED: return C_("case status", "Closed");
    default: return C_("case status", "Unknown");
    }
}

/* Returns the translated name of an event kind (static string). */
const char *
qing_case_event_kind_to_string (QingCaseEventKind kind)
{
  switch (kind)
    {
    case QING_CASE_EVENT_RAISED: return C_("case event", "Raised");
    case QING_CASE_EVENT_NOTED: return C_("case event", "Note");
    case QING_CASE_EVENT_STATUS_CHANGED: return C_("case event", "Status changed");
    case QING_CASE_EVENT_REFERRED: return C_("case event", "Referred");
    case QING_CASE_EVENT_CLOSED: return C_("case event", "Closed");
    default: return C_("case event", "Unknown");
    }
}

static gboolean
is_counselor (const QingViewer *viewer)
{
  return viewer != NULL && viewer->role == QING_ROLE_COUNSELOR && viewer->person_id > 0;
}

/* Appends an event; the caller has checked it. */
static gint64
insert_event (QingStore         *self,
              gint64             case_id,
              QingCaseEventKind  kind,
              gint64             by_person_id,
              int                status,
              const char        *referred_to,
              const char        *note,
              GError           **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 id;

  stmt = qing_store_prepare (self, "INSERT INTO case_events (case_id, kind, at_utc,"
                                   " by_person_id, by_name, status, referred_to, note,"
                                   " created_utc, updated_utc)"
                                   " VALUES (?1, ?2, ?3, ?4,"
                                   " (SELECT name FROM persons WHERE id = ?4), ?5, ?6, ?7, ?3, ?3)",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, qing_store_now (self));
  qing_repository_bind_id (stmt, 4, by_person_id);
  if (status >= 0)
    sqlite3_bind_int (stmt, 5, status);
  qing_repository_bind_text (stmt, 6, referred_to);
  qing_repository_bind_text (stmt, 7, note);
  if (!qing_store_step_done (self, stmt, _("Adding to the case"), error))
    return 0;
  id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  qing_store_emit_changed (self, "case_events", id, QING_STORE_CHANGE_ADDED);
  if (kind != QING_CASE_EVENT_NOTED && kind != QING_CASE_EVENT_RAISED)
    qing_store_emit_changed (self, "cases", case_id, QING_STORE_CHANGE_UPDATED);
  return id;
}

typedef struct
{
  gint64      student_id;
  gint64      counselor_id;
  gint64      flag_id;
  const char *title;
  const char *note;
  gint64      case_id; /* out */
} OpenCase;

/* The flag's observation, checking it is about the same student. */
static char *
read_flag_observed (QingStore *self, OpenCase *data, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  char *observed;

  stmt = qing_store_prepare (self, "SELECT observed, student_id FROM flags WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, data->flag_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This flag is no longer in the database."));
      return NULL;
    }
  if (sqlite3_column_int64 (stmt, 1) != data->student_id)
    {
      qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                            _("The flag is about another student."));
      return NULL;
    }
  observed = g_strdup (COL_TEXT (stmt, 0));
  return observed;
}

static gboolean
link_flag (QingStore *self, gint64 flag_id, gint64 case_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (self, "UPDATE flags SET case_id = ?2, status = 2, updated_utc = ?3"
                                   " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, flag_id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  sqlite3_bind_int64 (stmt, 3, qing_store_now (self));
  if (!qing_store_step_done (self, stmt, _("Linking the flag to the case"), error))
    return FALSE;
  qing_store_emit_changed (self, "flags", flag_id, QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

static gboolean
open_case_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  OpenCase *data = user_data;
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *observed = NULL;
  gint64 now = qing_store_now (self);

  if (data->flag_id > 0 && (observed = read_flag_observed (self, data, error)) == NULL)
    return FALSE;
  stmt = qing_store_prepare (self, "INSERT INTO cases (student_id, counselor_id, opened_at_utc,"
                                   " title, status, created_utc, updated_utc)"
                                   " SELECT id, ?2, ?3, ?4, 0, ?3, ?3 FROM persons"
                                   " WHERE id = ?1 AND kind = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->student_id);
  qing_repository_bind_id (stmt, 2, data->counselor_id);
  sqlite3_bind_int64 (stmt, 3, now);
  qing_repository_bind_text (stmt, 4, data->title);
  if (!qing_store_step_done (self, stmt, _("Opening the case"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (self)) == 0)
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Choose the student the case is about."));
  data->case_id = sqlite3_last_insert_rowid (qing_store_get_db (self));
  qing_store_emit_changed (self, "cases", data->case_id, QING_STORE_CHANGE_ADDED);
  if (insert_event (self, data->case_id, QING_CASE_EVENT_RAISED, data->counselor_id, -1, NULL,
                    observed != NULL ? observed : data->note, error) == 0)
    return FALSE;
  return data->flag_id <= 0 || link_flag (self, data->flag_id, data->case_id, error);
}

/* Opens a case and appends its "raised" event (see the header).  Returns
 * the case's id, or 0 with @error set. */
gint64
qing_store_open_case (QingStore  *self,
                      gint64      student_id,
                      gint64      counselor_id,
                      gint64      flag_id,
                      const char *title,
                      const char *note,
                      GError    **error)
{
  OpenCase data = { student_id, counselor_id, flag_id, title, note, 0 };

  g_return_val_if_fail (QING_IS_STORE (self), 0);
  if (student_id <= 0)
    {
      qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                            _("Choose the student the case is about."));
      return 0;
    }
  if (!qing_store_transaction (self, open_case_in_transaction, &data, error))
    return 0;
  return data.case_id;
}

/* The status of case @case_id, or -1 with @error set. */
static int
read_case_status (QingStore *self, gint64 case_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  stmt = qing_store_prepare (self, "SELECT status FROM cases WHERE id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                         _("This case is no longer in the database."));
  else
    qing_store_set_error_from_db (self, error, _("Reading the case"));
  return -1;
}

static gboolean
check_event (QingCaseEventKind kind, QingCaseStatus status, const char *referred_to,
             const char *note, GError **error)
{
  switch (kind)
    {
    case QING_CASE_EVENT_NOTED:
      if (qing_repository_is_blank (note))
        return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                     _("Write the note before adding it."));
      return TRUE;
    case QING_CASE_EVENT_STATUS_CHANGED:
      if (status != QING_CASE_OPEN && status != QING_CASE_MONITORING)
        return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                     _("Use “Refer” or “Close” for those steps."));
      return TRUE;
    case QING_CASE_EVENT_REFERRED:
      if (qing_repository_is_blank (referred_to))
        return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                     _("Say to which institution the student is referred."));
      return TRUE;
    case QING_CASE_EVENT_CLOSED:
      return TRUE;
    case QING_CASE_EVENT_RAISED:
    default:
      return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                   _("A case is raised only once, when it is opened."));
    }
}

/* Appends one event to a case (see the header).  Returns the event's id,
 * or 0 with @error set. */
gint64
qing_store_append_case_event (QingStore         *self,
                              gint64             case_id,
                              QingCaseEventKind  kind,
                              gint64             by_person_id,
                              QingCaseStatus     status,
                              const char        *referred_to,
                              const char        *note,
                              GError           **error)
{
  int current;

  g_return_val_if_fail (QING_IS_STORE (self), 0);

  if (!check_event (kind, status, referred_to, note, error))
    return 0;
  current = read_case_status (self, case_id, error);
  if (current < 0)
    return 0;
  if (current == QING_CASE_CLOSED)
    {
      qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                            _("This case is closed: open a new case for the student instead."));
      return 0;
    }
  return insert_event (self, case_id, kind, by_person_id,
                       kind == QING_CASE_EVENT_STATUS_CHANGED ? (int) status : -1,
                       kind == QING_CASE_EVENT_REFERRED ? referred_to : NULL, note, error);
}

typedef struct
{
  gint64 case_id;
  gint64 flag_id;
  gint64 by;
  gint64 event_id; /* out */
} AddFlag;

static gboolean
add_flag_in_transaction (QingStore *self, gpointer user_data, GError **error)
{
  AddFlag *data = user_data;
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *observed = NULL;
  OpenCase check = { 0 };
  int rc;

  stmt = qing_store_prepare (self, "SELECT student_id, status FROM cases WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->case_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This case is no longer in the database."));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 1) == QING_CASE_CLOSED)
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("This case is closed: open a new case for the student instead."));
  check.student_id = sqlite3_column_int64 (stmt, 0);
  check.flag_id = data->flag_id;
  g_clear_pointer (&stmt, qing_store_stmt_release);
  if ((observed = read_flag_observed (self, &check, error)) == NULL)
    return FALSE;
  data->event_id = insert_event (self, data->case_id, QING_CASE_EVENT_NOTED, data->by, -1, NULL,
                                 observed, error);
  return data->event_id > 0 && link_flag (self, data->flag_id, data->case_id, error);
}

/* Takes a flag into an open case of the same student (see the header). */
gint64
qing_store_add_flag_to_case (QingStore *self,
                             gint64     case_id,
                             gint64     flag_id,
                             gint64     by_person_id,
                             GError   **error)
{
  AddFlag data = { case_id, flag_id, by_person_id, 0 };

  g_return_val_if_fail (QING_IS_STORE (self), 0);

  if (!qing_store_transaction (self, add_flag_in_transaction, &data, error))
    return 0;
  return data.event_id;
}

#define CASE_COLUMNS \
  "c.id, c.student_id, p.name, c.counselor_id, c.opened_at_utc, c.title, c.status," \
  " COALESCE ((SELECT MAX (e.at_utc) FROM case_events e WHERE e.case_id = c.id)," \
  "   c.opened_at_utc)"

static QingCase *
case_from_row (QingStore *self G_GNUC_UNUSED, QingStoreStmt *stmt)
{
  QingCase *c = g_object_new (QING_TYPE_CASE, NULL);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->student_id = sqlite3_column_int64 (stmt, 1);
  c->student_name = g_strdup (COL_TEXT (stmt, 2));
  c->counselor_id = sqlite3_column_int64 (stmt, 3);
  c->opened_at_utc = sqlite3_column_int64 (stmt, 4);
  c->title = g_strdup (COL_TEXT (stmt, 5));
  c->status = sqlite3_column_int (stmt, 6);
  c->last_event_utc = sqlite3_column_int64 (stmt, 7);
  return c;
}

/* Returns a case (full reference), or NULL with @error set. */
QingCase *
qing_store_get_case (QingStore *self, const QingViewer *viewer, gint64 case_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  if (!is_counselor (viewer))
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This case is no longer in the database."));
      return NULL;
    }
  stmt = qing_store_prepare (self, "SELECT " CASE_COLUMNS " FROM cases c"
                                   " JOIN persons p ON p.id = c.student_id WHERE c.id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return (gpointer) qing_repository_fetch_one (self, stmt, (QingRowFunc) case_from_row,
                                              _("This case is no longer in the database."),
                                              _("Reading the case"), error);
}

/* Returns the cases a counselor sees (see the header); a new array of
 * QingCase, or NULL with @error set. */
GPtrArray *
qing_store_list_cases (QingStore        *self,
                       const QingViewer *viewer,
                       gboolean          with_closed,
                       GError          **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  if (!is_counselor (viewer))
    return g_ptr_array_new_with_free_func (g_object_unref);
  stmt = qing_store_prepare (self, "SELECT " CASE_COLUMNS " FROM cases c"
                                   " JOIN persons p ON p.id = c.student_id"
                                   " WHERE ?1 OR c.status < 3"
                                   " ORDER BY c.status = 3, 8 DESC, c.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, with_closed ? 1 : 0);
  return qing_repository_collect (self, stmt, (QingRowFunc) case_from_row,
                                  _("Reading the cases"), error);
}

/* Returns the timeline of a case, oldest first (a new array of
 * QingCaseEvent; empty unless @viewer is a counselor). */
GPtrArray *
qing_store_list_case_events (QingStore        *self,
                             const QingViewer *viewer,
                             gint64            case_id,
                             GError          **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  if (!is_counselor (viewer))
    return g_steal_pointer (&events);
  stmt = qing_store_prepare (self, "SELECT id, case_id, kind, at_utc, by_person_id, by_name,"
                                   " status, referred_to, note FROM case_events"
                                   " WHERE case_id = ?1 ORDER BY at_utc, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingCaseEvent *e = g_object_new (QING_TYPE_CASE_EVENT, NULL);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->case_id = sqlite3_column_int64 (stmt, 1);
      e->kind = sqlite3_column_int (stmt, 2);
      e->at_utc = sqlite3_column_int64 (stmt, 3);
      e->by_person_id = sqlite3_column_int64 (stmt, 4);
      e->by_name = g_strdup (COL_TEXT (stmt, 5));
      e->status = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1
                                                                : sqlite3_column_int (stmt, 6);
      e->referred_to = g_strdup (COL_TEXT (stmt, 7));
      e->note = g_strdup (COL_TEXT (stmt, 8));
      g_ptr_array_add (events, e);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (self, error, _("Reading the case"));
      return NULL;
    }
  return g_steal_pointer (&events);
}

/* Returns the newest case of @student_id that is not closed, 0 if none,
 * -1 with @error set. */
gint64
qing_store_find_open_case (QingStore *self, gint64 student_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (self), -1);

  stmt = qing_store_prepare (self, "SELECT id FROM cases WHERE student_id = ?1 AND status < 3"
                                   " ORDER BY opened_at_utc DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, student_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  qing_store_set_error_from_db (self, error, _("Reading the cases"));
  return -1;
}
