/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counselors' management records: appointments (预约) and the duty
 * roster (值班); declared in qing-counselor-lists.h.  Appointments are
 * confidential to counselors (visibility COUNSELOR, author the counselor).
 */
#include <stdio.h>

#include "qing-counselor-lists.h"

#include "qing-repository-private.h"
#include "qing-store-calendar.h"

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

struct _QingAppointment
{
  GObject parent_instance;
  gint64  id;
  gint64  student_id;
  char   *student_name;
  gint64  counselor_id;
  gint64  start_utc;
  gint    duration_s;
  char   *place;
  int     status;
  gint64  talk_id;
};
G_DEFINE_FINAL_TYPE (QingAppointment, qing_appointment, G_TYPE_OBJECT)

struct _QingDutyDay
{
  GObject parent_instance;
  GDate   day;
  gint64  person_id;
  char   *person_name;
  char   *place;
};
G_DEFINE_FINAL_TYPE (QingDutyDay, qing_duty_day, G_TYPE_OBJECT)

static void
qing_appointment_finalize (GObject *object)
{
  QingAppointment *self = QING_APPOINTMENT (object);

  g_free (self->student_name);
  g_free (self->place);
  G_OBJECT_CLASS (qing_appointment_parent_class)->finalize (object);
}

static void
qing_appointment_class_init (QingAppointmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qing_appointment_finalize;
}

static void
qing_appointment_init (QingAppointment *self)
{
}

static void
qing_duty_day_finalize (GObject *object)
{
  QingDutyDay *self = QING_DUTY_DAY (object);

  g_free (self->person_name);
  g_free (self->place);
  G_OBJECT_CLASS (qing_duty_day_parent_class)->finalize (object);
}

static void
qing_duty_day_class_init (QingDutyDayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qing_duty_day_finalize;
}

static void
qing_duty_day_init (QingDutyDay *self)
{
  g_date_clear (&self->day, 1);
}

/* Getters: see the header. */
gint64
qing_appointment_get_id (QingAppointment *self)
{
  return self->id;
}

gint64
qing_appointment_get_student_id (QingAppointment *self)
{
  return self->student_id;
}

const char *
qing_appointment_get_student_name (QingAppointment *self)
{
  return self->student_name;
}

gint64
qing_appointment_get_counselor_id (QingAppointment *self)
{
  return self->counselor_id;
}

gint64
qing_appointment_get_start_utc (QingAppointment *self)
{
  return self->start_utc;
}

gint
qing_appointment_get_duration (QingAppointment *self)
{
  return self->duration_s;
}

const char *
qing_appointment_get_place (QingAppointment *self)
{
  return self->place;
}

QingAppointmentStatus
qing_appointment_get_status (QingAppointment *self)
{
  return self->status;
}

gint64
qing_appointment_get_talk_id (QingAppointment *self)
{
  return self->talk_id;
}


const GDate *
qing_duty_day_get_day (QingDutyDay *self)
{
  return &self->day;
}

gint64
qing_duty_day_get_person_id (QingDutyDay *self)
{
  return self->person_id;
}

const char *
qing_duty_day_get_person_name (QingDutyDay *self)
{
  return self->person_name;
}

const char *
qing_duty_day_get_place (QingDutyDay *self)
{
  return self->place;
}


/* Returns the translated name of an appointment status (static). */
const char *
qing_appointment_status_to_string (QingAppointmentStatus status)
{
  switch (status)
    {
    case QING_APPOINTMENT_REQUESTED: return C_("appointment", "Requested");
    case QING_APPOINTMENT_CONFIRMED: return C_("appointment", "Confirmed");
    case QING_APPOINTMENT_DONE: return C_("appointment", "Done");
    case QING_APPOINTMENT_CANCELLED: return C_("appointment", "Cancelled");
    case QING_APPOINTMENT_MISSED: return C_("appointment", "Missed");
    default: return C_("appointment", "Unknown");
    }
}

/* --- Appointments ------------------------------------------------------ */

/* Adds an appointment (requested, confidential).  Returns its id or 0. */
gint64
qing_store_add_appointment (QingStore  *store,
                            gint64      student_id,
                            gint64      counselor_id,
                            gint64      requested_by,
                            gint64      start_utc,
                            gint        duration_s,
                            const char *place,
                            GError    **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (QING_IS_STORE (store), 0);

  if (student_id <= 0 || start_utc <= 0 || duration_s <= 0)
    {
      qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                            _("Choose the student, the day and the time of the appointment."));
      return 0;
    }
  stmt = qing_store_prepare (store, "INSERT INTO appointments (student_id, counselor_id,"
                                    " requested_by, start_utc, duration_s, place, status,"
                                    " visibility, created_utc, updated_utc)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 1, ?7, ?7)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, student_id);
  qing_repository_bind_id (stmt, 2, counselor_id);
  qing_repository_bind_id (stmt, 3, requested_by);
  sqlite3_bind_int64 (stmt, 4, start_utc);
  sqlite3_bind_int (stmt, 5, duration_s);
  qing_repository_bind_text (stmt, 6, place);
  sqlite3_bind_int64 (stmt, 7, qing_store_now (store));
  if (!qing_store_step_done (store, stmt, _("Saving the appointment"), error))
    return 0;
  id = sqlite3_last_insert_rowid (qing_store_get_db (store));
  qing_store_emit_changed (store, "appointments", id, QING_STORE_CHANGE_ADDED);
  return id;
}

static gboolean
write_status (QingStore *store, gint64 id, QingAppointmentStatus status, gint64 talk_id,
              GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (store, "UPDATE appointments SET status = ?2,"
                                    " talk_id = COALESCE (?3, talk_id), updated_utc = ?4"
                                    " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, status);
  qing_repository_bind_id (stmt, 3, talk_id);
  sqlite3_bind_int64 (stmt, 4, qing_store_now (store));
  if (!qing_store_step_done (store, stmt, _("Saving the appointment"), error))
    return FALSE;
  if (sqlite3_changes (qing_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This appointment is no longer in the database."));
      return FALSE;
    }
  qing_store_emit_changed (store, "appointments", id, QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Confirms, cancels or marks missed an appointment. */
gboolean
qing_store_set_appointment_status (QingStore             *store,
                                   gint64                 appointment_id,
                                   QingAppointmentStatus  status,
                                   GError               **error)
{
  g_return_val_if_fail (QING_IS_STORE (store), FALSE);

  if (status == QING_APPOINTMENT_DONE || status > QING_APPOINTMENT_MISSED)
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Mark an appointment done by recording its talk."));
  return write_status (store, appointment_id, status, 0, error);
}

typedef struct
{
  gint64    id;
  gint64    counselor_id;
  QingTalk *talk; /* out */
} Complete;

static gboolean
complete_in_transaction (QingStore *store, gpointer user_data, GError **error)
{
  Complete *data = user_data;
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (QingTalk) talk = NULL;
  g_autofree char *place = NULL;
  gint64 student_id, start;
  gint duration;

  stmt = qing_store_prepare (store, "SELECT student_id, start_utc, duration_s, place, status"
                                    " FROM appointments WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, QING_STORE_ERROR, QING_STORE_ERROR_NOT_FOUND,
                           _("This appointment is no longer in the database."));
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 4) == QING_APPOINTMENT_DONE)
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("The talk of this appointment is already recorded."));
  student_id = sqlite3_column_int64 (stmt, 0);
  start = sqlite3_column_int64 (stmt, 1);
  duration = sqlite3_column_int (stmt, 2);
  place = g_strdup (COL_TEXT (stmt, 3));
  g_clear_pointer (&stmt, qing_store_stmt_release);

  talk = qing_talk_new (student_id, data->counselor_id, QING_ROLE_COUNSELOR, start, duration);
  qing_talk_set_place (talk, place);
  qing_talk_set_visibility (talk, QING_VISIBILITY_COUNSELOR);
  if (!qing_store_add_talk (store, talk, error)
      || !write_status (store, data->id, QING_APPOINTMENT_DONE, qing_talk_get_id (talk), error))
    return FALSE;
  data->talk = g_steal_pointer (&talk);
  return TRUE;
}

/* Marks an appointment done and records its confidential talk; returns
 * the talk (full reference) or NULL with @error set. */
QingTalk *
qing_store_complete_appointment (QingStore *store,
                                 gint64     appointment_id,
                                 gint64     counselor_id,
                                 GError   **error)
{
  Complete data = { appointment_id, counselor_id, NULL };

  g_return_val_if_fail (QING_IS_STORE (store), NULL);

  if (!qing_store_transaction (store, complete_in_transaction, &data, error))
    {
      g_clear_object (&data.talk);
      return NULL;
    }
  return data.talk;
}

/* Returns the appointments @viewer may see in a time range, soonest
 * first (a new array of QingAppointment). */
GPtrArray *
qing_store_list_appointments (QingStore        *store,
                              const QingViewer *viewer,
                              gint64            from_utc,
                              gint64            to_utc,
                              GError          **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);

  stmt = qing_store_prepare (store, "SELECT a.id, a.student_id, p.name, a.counselor_id,"
                                    " a.start_utc, a.duration_s, a.place, a.status, a.talk_id"
                                    " FROM appointments a JOIN persons p ON p.id = a.student_id"
                                    " WHERE a.start_utc >= ?1 AND a.start_utc < ?2"
                                    " AND " QING_VISIBLE_AS_SQL ("a", "counselor_id", "3")
                                    " ORDER BY a.start_utc, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  qing_repository_bind_viewer (stmt, viewer);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingAppointment *a = g_object_new (QING_TYPE_APPOINTMENT, NULL);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->student_id = sqlite3_column_int64 (stmt, 1);
      a->student_name = g_strdup (COL_TEXT (stmt, 2));
      a->counselor_id = sqlite3_column_int64 (stmt, 3);
      a->start_utc = sqlite3_column_int64 (stmt, 4);
      a->duration_s = sqlite3_column_int (stmt, 5);
      a->place = g_strdup (COL_TEXT (stmt, 6));
      a->status = sqlite3_column_int (stmt, 7);
      a->talk_id = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (items, a);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (store, error, _("Reading the appointments"));
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* --- Duty roster ------------------------------------------------------- */

/* Puts a person on duty for a whole day, or clears the day (person 0). */
gboolean
qing_store_set_duty (QingStore   *store,
                     const GDate *day,
                     gint64       person_id,
                     const char  *place,
                     GError     **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  char text[11];

  g_return_val_if_fail (QING_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  qing_calendar_day_format (day, text);
  if (person_id > 0)
    stmt = qing_store_prepare (store, "INSERT INTO duty_roster (day, shift, person_id, place)"
                                      " VALUES (?1, 0, ?2, ?3) ON CONFLICT (day, shift)"
                                      " DO UPDATE SET person_id = excluded.person_id,"
                                      " place = excluded.place", error);
  else
    stmt = qing_store_prepare (store, "DELETE FROM duty_roster WHERE day = ?1 AND shift = 0",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (person_id > 0)
    {
      sqlite3_bind_int64 (stmt, 2, person_id);
      qing_repository_bind_text (stmt, 3, place);
    }
  if (!qing_store_step_done (store, stmt, _("Saving the duty roster"), error))
    return FALSE;
  qing_store_emit_changed (store, "duty_roster", 0, QING_STORE_CHANGE_UPDATED);
  return TRUE;
}

/* Returns one QingDutyDay per day from @first (a new array). */
GPtrArray *
qing_store_list_duty (QingStore *store, const GDate *first, guint n_days, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) days = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);

  stmt = qing_store_prepare (store, "SELECT d.person_id, p.name, d.place FROM duty_roster d"
                                    " JOIN persons p ON p.id = d.person_id"
                                    " WHERE d.day = ?1 ORDER BY d.shift LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_days; i++)
    {
      QingDutyDay *duty = g_object_new (QING_TYPE_DUTY_DAY, NULL);
      char text[11];
      int rc;

      duty->day = *first;
      g_date_add_days (&duty->day, i);
      qing_calendar_day_format (&duty->day, text);
      g_ptr_array_add (days, duty);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          duty->person_id = sqlite3_column_int64 (stmt, 0);
          duty->person_name = g_strdup (COL_TEXT (stmt, 1));
          duty->place = g_strdup (COL_TEXT (stmt, 2));
        }
      else if (rc != SQLITE_DONE)
        {
          qing_store_set_error_from_db (store, error, _("Reading the duty roster"));
          return NULL;
        }
    }
  return g_steal_pointer (&days);
}
