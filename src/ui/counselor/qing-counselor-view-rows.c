/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of the counselor view's lists (flags, proposals, cadence
 * lists, cases, duty roster, appointments), made for GtkListBox models.
 */
#include <glib/gi18n.h>

#include "qing-counselor-row.h"
#include "qing-counselor-view-private.h"
#include "qing-store-calendar.h"
#include "qing-store-cases.h"

/* A new row for @item; the fill functions below set what it shows. */
static QingCounselorRow *
new_row (void)
{
  return QING_COUNSELOR_ROW (qing_counselor_row_new ());
}

/* The list box row around @row: only rows that open something react to
 * a click as a whole. */
static GtkWidget *
wrap (QingCounselorRow *row, gboolean activatable)
{
  GtkWidget *list_row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), GTK_WIDGET (row));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), activatable);
  return list_row;
}

static const char *
severity_name (QingSeverity severity, const char **style)
{
  switch (severity)
    {
    case QING_SEVERITY_CRISIS: *style = "crisis"; return _("Crisis");
    case QING_SEVERITY_SERIOUS: *style = "serious"; return _("Serious");
    case QING_SEVERITY_CONCERN:
    default: *style = "concern"; return _("Concern");
    }
}

static const char *
role_name (QingRole role)
{
  switch (role)
    {
    case QING_ROLE_PARENT: return _("parent");
    case QING_ROLE_COUNSELOR: return _("counselor");
    case QING_ROLE_PEER: return _("peer supporter");
    case QING_ROLE_MENTOR:
    default: return _("mentor");
    }
}

GtkWidget *
qing_counselor_view_create_flag (gpointer item, gpointer user_data)
{
  QingCounselorView *self = user_data;
  QingFlag *flag = item;
  QingCounselorRow *row = new_row ();
  const char *style = NULL;
  const char *badge = severity_name (qing_flag_get_severity (flag), &style);
  g_autofree char *when = qing_counselor_view_format_local (self, qing_flag_get_raised_at_utc (flag), "%m-%d %H:%M");
  g_autofree char *by = NULL;
  g_autofree char *caption = NULL;

  /* Translators: "Raised by 赵文博 (mentor)" */
  by = g_strdup_printf (_("Raised by %s (%s)"),
                        qing_counselor_view_lookup_name (self, qing_flag_get_raised_by (flag)),
                        role_name (qing_flag_get_raised_role (flag)));
  if (qing_flag_get_who_was_told (flag) != NULL)
    /* Translators: "Raised by … · Told at once: …" */
    caption = g_strdup_printf (_("%s · Told at once: %s"), by, qing_flag_get_who_was_told (flag));
  qing_counselor_row_set_texts (row, badge, style,
                                qing_counselor_view_lookup_name (self,
                                                                 qing_flag_get_student_id (flag)),
                                when, qing_flag_get_observed (flag),
                                caption != NULL ? caption : by);
  qing_counselor_row_set_button (row, 0, _("Open Case"), "counselor.open-case-from-flag",
                                 g_variant_new_int64 (qing_flag_get_id (flag)));
  if (qing_flag_get_status (flag) == QING_FLAG_OPEN)
    qing_counselor_row_set_button (row, 1, _("Mark Seen"), "counselor.mark-flag-seen",
                                   g_variant_new_int64 (qing_flag_get_id (flag)));
  return wrap (row, FALSE);
}

static const char *
care_name (QingCareLevel level)
{
  return level == QING_CARE_KEY_CARE ? _("Key care")
         : level == QING_CARE_CLEAR_SIGNS ? _("Clear signs") : _("Normal");
}

GtkWidget *
qing_counselor_view_create_proposal (gpointer item, gpointer user_data)
{
  QingCounselorView *self = user_data;
  QingCareProposal *p = item;
  QingCounselorRow *row = new_row ();
  g_autofree char *when = qing_counselor_view_format_local (self, qing_care_proposal_get_set_at_utc (p), "%m-%d");
  g_autofree char *by = g_strdup_printf (_("Proposed by %s"),
                                         qing_care_proposal_get_proposed_by (p) != NULL
                                         ? qing_care_proposal_get_proposed_by (p) : "—");

  qing_counselor_row_set_texts (row, care_name (qing_care_proposal_get_level (p)), "serious",
                                qing_care_proposal_get_student_name (p), when,
                                qing_care_proposal_get_reason (p), by);
  qing_counselor_row_set_button (row, 0, _("Confirm"), "counselor.confirm-proposal",
                                 g_variant_new_int64 (qing_care_proposal_get_id (p)));
  qing_counselor_row_set_button (row, 1, _("Decline…"), "counselor.decline-proposal",
                                 g_variant_new_int64 (qing_care_proposal_get_id (p)));
  return wrap (row, FALSE);
}

static const char *
cadence_badge (QingCadenceState state, const char **style)
{
  switch (state)
    {
    case QING_CADENCE_DONE: *style = "done"; return _("Done");
    case QING_CADENCE_OVERDUE: *style = "overdue"; return _("Overdue");
    case QING_CADENCE_DUE: *style = "due"; return _("Due");
    case QING_CADENCE_NOT_APPLICABLE:
    default: *style = NULL; return _("Not needed now");
    }
}

GtkWidget *
qing_counselor_view_create_care (gpointer item, gpointer user_data)
{
  QingCounselorView *self = user_data;
  QingCareStatusRow *r = item;
  QingCounselorRow *row = new_row ();
  const char *style = NULL;
  const char *badge = cadence_badge (qing_care_status_row_get_state (r), &style);
  gint64 student = qing_care_status_row_get_student_id (r);
  g_autoptr (QingRunningTimer) timer = qing_timer_service_lookup (self->service, student,
                                                                  self->me, NULL);
  g_autofree char *count = NULL;

  if (qing_care_status_row_get_care_level (r) == QING_CARE_KEY_CARE)
    /* Translators: "Talks this month: 1 of 2 (1 required)" */
    count = g_strdup_printf (_("Talks this month: %u of %u (%u required)"),
                             qing_care_status_row_get_count (r),
                             qing_care_status_row_get_target (r),
                             qing_care_status_row_get_required (r));
  else
    count = g_strdup_printf (_("Talks this week: %u of %u"), qing_care_status_row_get_count (r),
                             qing_care_status_row_get_target (r));
  qing_counselor_row_set_texts (row, badge, style, qing_care_status_row_get_name (r),
                                qing_care_status_row_get_class_name (r),
                                qing_care_status_row_get_status_text (r), count);
  qing_counselor_row_set_button (row, 0, timer != NULL ? _("Open Timer") : _("Start Talk"),
                                 "counselor.start-talk", g_variant_new_int64 (student));
  qing_counselor_row_set_button (row, 1, _("Case"), "counselor.open-student-case",
                                 g_variant_new_int64 (student));
  return wrap (row, FALSE);
}

GtkWidget *
qing_counselor_view_create_case (gpointer item, gpointer user_data)
{
  QingCounselorView *self = user_data;
  QingCase *c = item;
  QingCounselorRow *row = new_row ();
  g_autofree char *when = qing_counselor_view_format_local (self, qing_case_get_last_event_utc (c), "%m-%d %H:%M");
  g_autofree char *opened = qing_counselor_view_format_local (self, qing_case_get_opened_at_utc (c), "%Y-%m-%d");
  g_autofree char *caption = g_strdup_printf (_("Opened on %s"), opened);

  qing_counselor_row_set_texts (row, qing_case_status_to_string (qing_case_get_status (c)),
                                qing_case_get_status (c) == QING_CASE_REFERRED ? "serious"
                                : qing_case_get_status (c) == QING_CASE_CLOSED ? "done" : NULL,
                                qing_case_get_student_name (c), when, qing_case_get_title (c),
                                caption);
  qing_counselor_row_set_button (row, 0, _("Open"), "counselor.open-case",
                                 g_variant_new_int64 (qing_case_get_id (c)));
  return wrap (row, TRUE);
}

GtkWidget *
qing_counselor_view_create_duty (gpointer item, gpointer user_data)
{
  QingCounselorView *self = user_data;
  QingDutyDay *d = item;
  QingCounselorRow *row = new_row ();
  const GDate *day = qing_duty_day_get_day (d);
  g_autoptr (GDateTime) dt = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                                                  g_date_get_day (day), 12, 0, 0);
  /* Translators: a day of the duty roster, e.g. "Wed 11-25"; see g_date_time_format() */
  /* xgettext:no-c-format */
  g_autofree char *title = g_date_time_format (dt, _("%a %m-%d"));
  g_autofree char *who = NULL;
  GDate now;

  qing_counselor_view_today (self, &now);
  if (qing_duty_day_get_person_id (d) == 0)
    who = g_strdup (_("Nobody on duty"));
  else if (qing_duty_day_get_place (d) != NULL)
    who = g_strdup_printf ("%s · %s", qing_duty_day_get_person_name (d),
                           qing_duty_day_get_place (d));
  else
    who = g_strdup (qing_duty_day_get_person_name (d));
  qing_counselor_row_set_texts (row, g_date_compare (day, &now) == 0 ? _("Today") : NULL, "done",
                                title, who, NULL, NULL);
  return wrap (row, TRUE);
}



GtkWidget *
qing_counselor_view_create_appointment (gpointer item, gpointer user_data)
{
  QingCounselorView *self = user_data;
  QingAppointment *a = item;
  QingCounselorRow *row = new_row ();
  QingAppointmentStatus status = qing_appointment_get_status (a);
  /* Translators: when an appointment starts, e.g. "Wed 11-25 12:30"; see g_date_time_format() */
  /* xgettext:no-c-format */
  g_autofree char *when = qing_counselor_view_format_local (self, qing_appointment_get_start_utc (a),
                                        _("%a %m-%d %H:%M"));
  g_autoptr (GVariant) id = g_variant_ref_sink (g_variant_new_int64 (qing_appointment_get_id (a)));
  g_autofree char *minutes = g_strdup_printf (_("%d min"), qing_appointment_get_duration (a) / 60);

  qing_counselor_row_set_texts (row, qing_appointment_status_to_string (status),
                                status == QING_APPOINTMENT_DONE ? "done"
                                : status == QING_APPOINTMENT_CONFIRMED ? NULL : "due",
                                qing_appointment_get_student_name (a), when, minutes,
                                qing_appointment_get_place (a));
  if (status == QING_APPOINTMENT_REQUESTED)
    qing_counselor_row_set_button (row, 0, _("Confirm"), "counselor.confirm-appointment", id);
  if (status == QING_APPOINTMENT_REQUESTED || status == QING_APPOINTMENT_CONFIRMED)
    {
      qing_counselor_row_set_button (row, 1, _("Mark Done"), "counselor.complete-appointment",
                                     id);
      qing_counselor_row_set_button (row, 2, _("Cancel"), "counselor.cancel-appointment", id);
    }
  return wrap (row, FALSE);
}

