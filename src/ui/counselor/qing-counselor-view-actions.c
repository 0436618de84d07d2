/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the counselor view's buttons do (the "counselor" action group),
 * and its small dialogs.  Every failure is shown as a toast sentence.
 * Toasts stay inside the window; nothing here sends a notification, so
 * no name or case content ever leaves the counselor's screen.
 */
#include <glib/gi18n.h>
#include <stdio.h>

#include "qing-counselor-view-private.h"
#include "qing-store-calendar.h"
#include "qing-store-cases.h"

#define SELF(w) QING_COUNSELOR_VIEW (w)

/* Shows @error as a toast. */
void
qing_counselor_view_toast_error (QingCounselorView *self, const GError *error)
{
  if (error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
toast (QingCounselorView *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Remembers the open dialog (weakly); NULL closes the one open. */
void
qing_counselor_view_set_dialog (QingCounselorView *self, GtkWindow *dialog)
{
  if (self->dialog != NULL)
    {
      GtkWindow *old = self->dialog;

      g_object_remove_weak_pointer (G_OBJECT (old), (gpointer *) &self->dialog);
      self->dialog = NULL;
      if (dialog == NULL)
        gtk_window_destroy (old);
    }
  self->dialog = dialog;
  if (dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
}

/* Shows case @case_id on the case page. */
void
qing_counselor_view_show_case (QingCounselorView *self, gint64 case_id)
{
  qing_case_page_set_case (self->case_page, case_id);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->case_page));
}

static AdwMessageDialog *
new_dialog (QingCounselorView *self, const char *heading, const char *body, GtkWidget *extra,
            const char *response, const char *response_label, GCallback on_response)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  if (extra != NULL)
    adw_message_dialog_set_extra_child (dialog, extra);
  g_signal_connect_object (dialog, "response", on_response, self, 0);
  qing_counselor_view_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static GtkWidget *
new_entry (const char *placeholder, const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return entry;
}

static GtkWidget *
new_box (void)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
}

static const char *
entry_text (AdwMessageDialog *dialog, const char *key)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), key)));
}

static GtkWidget *
new_student_dropdown (QingCounselorView *self)
{
  GListModel *students = qing_store_list_students_model (self->store);
  GtkExpression *name = gtk_property_expression_new (QING_TYPE_PERSON, NULL, "name");
  GtkWidget *dropdown = gtk_drop_down_new (students, name);

  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  return dropdown;
}

static gint64
selected_student (AdwMessageDialog *dialog)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "student");
  QingPerson *person = gtk_drop_down_get_selected_item (dropdown);

  return person != NULL ? qing_person_get_id (person) : 0;
}

/* --- Navigation ---------------------------------------------------------- */

static void
back_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  gtk_stack_set_visible_child_name (SELF (widget)->stack, "main");
  qing_counselor_view_refresh (SELF (widget));
}

static void
show_section_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  gtk_stack_set_visible_child_name (SELF (widget)->stack, "main");
  adw_view_stack_set_visible_child_name (SELF (widget)->sections,
                                         g_variant_get_string (param, NULL));
}

/* --- Flags and cases ----------------------------------------------------- */

static gint64
flag_student (QingCounselorView *self, gint64 flag_id)
{
  guint n = g_list_model_get_n_items (self->all_flags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (QingFlag) flag = g_list_model_get_item (self->all_flags, i);

      if (qing_flag_get_id (flag) == flag_id)
        return qing_flag_get_student_id (flag);
    }
  return 0;
}

/* A flag about a student who already has an open case joins that case;
 * otherwise it opens a new one. */
static void
open_case_from_flag_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCounselorView *self = SELF (widget);
  gint64 flag_id = g_variant_get_int64 (param);
  gint64 student = flag_student (self, flag_id);
  g_autoptr (GError) error = NULL;
  gint64 case_id;

  case_id = qing_store_find_open_case (self->store, student, &error);
  if (case_id > 0)
    {
      if (qing_store_add_flag_to_case (self->store, case_id, flag_id, self->me, &error) == 0)
        case_id = 0;
    }
  else if (case_id == 0)
    case_id = qing_store_open_case (self->store, student, self->me, flag_id, NULL, NULL, &error);
  if (case_id <= 0)
    {
      qing_counselor_view_toast_error (self, error);
      return;
    }
  qing_counselor_view_show_case (self, case_id);
}

static void
mark_flag_seen_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  g_autoptr (GError) error = NULL;

  if (!qing_store_set_flag_status (SELF (widget)->store, g_variant_get_int64 (param),
                                   QING_FLAG_SEEN, &error))
    qing_counselor_view_toast_error (SELF (widget), error);
}

static void
open_case_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  qing_counselor_view_show_case (SELF (widget), g_variant_get_int64 (param));
}

static void
open_for_student (QingCounselorView *self, gint64 student, const char *note)
{
  g_autoptr (GError) error = NULL;
  gint64 case_id = qing_store_find_open_case (self->store, student, &error);

  if (case_id == 0)
    case_id = qing_store_open_case (self->store, student, self->me, 0, NULL,
                                    note != NULL && *note != '\0' ? note
                                    : _("Opened by the counselor"), &error);
  if (case_id <= 0)
    {
      qing_counselor_view_toast_error (self, error);
      return;
    }
  qing_counselor_view_show_case (self, case_id);
}

static void
open_student_case_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  open_for_student (SELF (widget), g_variant_get_int64 (param), NULL);
}

static void
on_new_case_response (AdwMessageDialog *dialog, const char *response, QingCounselorView *self)
{
  if (g_strcmp0 (response, "open") == 0)
    open_for_student (self, selected_student (dialog), entry_text (dialog, "note"));
}

static void
new_case_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCounselorView *self = SELF (widget);
  GtkWidget *box = new_box ();
  GtkWidget *student = new_student_dropdown (self);
  GtkWidget *note = new_entry (_("What brings the student (confidential)"), NULL);
  AdwMessageDialog *dialog;

  gtk_box_append (GTK_BOX (box), student);
  gtk_box_append (GTK_BOX (box), note);
  dialog = new_dialog (self, _("Open a Case"),
                       _("If the student already has an open case, it is shown instead."),
                       box, "open", _("_Open Case"), G_CALLBACK (on_new_case_response));
  g_object_set_data (G_OBJECT (dialog), "student", student);
  g_object_set_data (G_OBJECT (dialog), "note", note);
}

/* --- Care level proposals ------------------------------------------------ */

static void
confirm_proposal_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCounselorView *self = SELF (widget);
  g_autoptr (GError) error = NULL;

  if (!qing_counselor_decide_proposal (self->store, g_variant_get_int64 (param), self->me, TRUE,
                                       NULL, &error))
    {
      qing_counselor_view_toast_error (self, error);
      return;
    }
  toast (self, _("Care level confirmed"));
  qing_counselor_view_refresh (self);
}

static void
on_decline_response (AdwMessageDialog *dialog, const char *response, QingCounselorView *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "id"));

  if (g_strcmp0 (response, "decline") != 0)
    return;
  if (!qing_counselor_decide_proposal (self->store, id, self->me, FALSE,
                                       entry_text (dialog, "reason"), &error))
    qing_counselor_view_toast_error (self, error);
  else
    qing_counselor_view_refresh (self);
}

static void
decline_proposal_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  GtkWidget *reason = new_entry (_("Reason"), NULL);
  AdwMessageDialog *dialog;

  dialog = new_dialog (SELF (widget), _("Decline the Proposal?"),
                       _("Say why, so that the mentor knows. The student keeps their level."),
                       reason, "decline", _("_Decline"), G_CALLBACK (on_decline_response));
  g_object_set_data (G_OBJECT (dialog), "reason", reason);
  g_object_set_data (G_OBJECT (dialog), "id", GSIZE_TO_POINTER (g_variant_get_int64 (param)));
}

/* --- Talks: the shared timer --------------------------------------------- */

static void
start_talk_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCounselorView *self = SELF (widget);
  gint64 student = g_variant_get_int64 (param);
  g_autoptr (GError) error = NULL;
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (QingPerson) person = qing_store_get_person (self->store, student, &error);

  if (person == NULL)
    {
      qing_counselor_view_toast_error (self, error);
      return;
    }
  timer = qing_timer_service_lookup (self->service, student, self->me, &error);
  if (timer == NULL && error == NULL)
    timer = qing_timer_service_start (self->service, student, self->me, QING_ROLE_COUNSELOR,
                                      &error);
  if (timer == NULL)
    {
      qing_counselor_view_toast_error (self, error);
      return;
    }
  qing_timer_page_set_timer (self->timer_page, timer, person);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->timer_page));
}

static void
on_finish_response (AdwMessageDialog *dialog, const char *response, QingCounselorView *self)
{
  GtkCheckButton *shared = g_object_get_data (G_OBJECT (dialog), "shared");
  QingRunningTimer *timer = g_object_get_data (G_OBJECT (dialog), "timer");
  g_autoptr (GError) error = NULL;
  g_autoptr (QingTalk) talk = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  /* Confidential unless the counselor chooses to share it. */
  talk = qing_timer_service_finish (self->service, timer, NULL, NULL, QING_TALK_MODE_IN_PERSON,
                                    entry_text (dialog, "note"),
                                    gtk_check_button_get_active (shared)
                                    ? QING_VISIBILITY_SCHOOL : QING_VISIBILITY_COUNSELOR,
                                    &error);
  if (talk == NULL)
    {
      qing_counselor_view_toast_error (self, error);
      return;
    }
  qing_timer_page_set_timer (self->timer_page, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "main");
  toast (self, gtk_check_button_get_active (shared) ? _("Talk saved")
                                                    : _("Talk saved, confidential to counselors"));
  qing_counselor_view_refresh (self);
}

static void
finish_timer_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCounselorView *self = SELF (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (QingRunningTimer) timer = qing_timer_service_lookup (self->service,
                                                                  g_variant_get_int64 (param),
                                                                  self->me, &error);
  GtkWidget *box = new_box ();
  GtkWidget *note = new_entry (_("Note (confidential)"), NULL);
  GtkWidget *shared = gtk_check_button_new_with_label (_("Share with the student’s mentors"));
  AdwMessageDialog *dialog;

  if (timer == NULL)
    {
      g_object_ref_sink (box);
      g_object_unref (box);
      qing_counselor_view_toast_error (self, error);
      return;
    }
  gtk_box_append (GTK_BOX (box), note);
  gtk_box_append (GTK_BOX (box), shared);
  dialog = new_dialog (self, _("Finish the Talk"),
                       _("Only counselors will see this talk and its note, unless you share "
                         "it."), box, "save", _("_Save"), G_CALLBACK (on_finish_response));
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_object_set_data (G_OBJECT (dialog), "shared", shared);
  g_object_set_data_full (G_OBJECT (dialog), "timer", g_steal_pointer (&timer), g_object_unref);
}

/* --- Duty roster --------------------------------------------------------- */

static void
on_duty_response (AdwMessageDialog *dialog, const char *response, QingCounselorView *self)
{
  GtkDropDown *who = g_object_get_data (G_OBJECT (dialog), "who");
  GPtrArray *counselors = g_object_get_data (G_OBJECT (dialog), "counselors");
  const GDate *day = g_object_get_data (G_OBJECT (dialog), "day");
  guint selected = gtk_drop_down_get_selected (who);
  g_autoptr (GError) error = NULL;
  gint64 person = 0;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (selected > 0 && selected <= counselors->len)
    person = qing_person_get_id (g_ptr_array_index (counselors, selected - 1));
  if (!qing_store_set_duty (self->store, day, person, entry_text (dialog, "place"), &error))
    qing_counselor_view_toast_error (self, error);
}

static void
edit_duty_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCounselorView *self = SELF (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) counselors = qing_counselor_list_counselors (self->store, &error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GDate *day = g_new0 (GDate, 1);
  GtkWidget *box, *who, *place;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (counselors == NULL || !qing_calendar_day_parse (g_variant_get_string (param, NULL), day))
    {
      g_free (day);
      qing_counselor_view_toast_error (self, error);
      return;
    }
  gtk_string_list_append (names, _("Nobody"));
  for (guint i = 0; i < counselors->len; i++)
    gtk_string_list_append (names, qing_person_get_name (g_ptr_array_index (counselors, i)));
  box = new_box ();
  who = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (who), counselors->len > 0 ? 1 : 0);
  place = new_entry (_("Place"), _("Counseling room"));
  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), place);
  /* Translators: %s is a day such as 2026-11-26 */
  heading = g_strdup_printf (_("On Duty on %s"), g_variant_get_string (param, NULL));
  dialog = new_dialog (self, heading, NULL, box, "save", _("_Save"),
                       G_CALLBACK (on_duty_response));
  g_object_set_data (G_OBJECT (dialog), "who", who);
  g_object_set_data (G_OBJECT (dialog), "place", place);
  g_object_set_data_full (G_OBJECT (dialog), "day", day, g_free);
  g_object_set_data_full (G_OBJECT (dialog), "counselors", g_steal_pointer (&counselors),
                          (GDestroyNotify) g_ptr_array_unref);
}

/* --- Appointments -------------------------------------------------------- */

static void
appointment_status (GtkWidget *widget, GVariant *param, QingAppointmentStatus status)
{
  g_autoptr (GError) error = NULL;

  if (!qing_store_set_appointment_status (SELF (widget)->store, g_variant_get_int64 (param),
                                          status, &error))
    qing_counselor_view_toast_error (SELF (widget), error);
}

static void
confirm_appointment_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  appointment_status (widget, param, QING_APPOINTMENT_CONFIRMED);
}

static void
cancel_appointment_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  appointment_status (widget, param, QING_APPOINTMENT_CANCELLED);
}

static void
complete_appointment_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCounselorView *self = SELF (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (QingTalk) talk = qing_store_complete_appointment (self->store,
                                                               g_variant_get_int64 (param),
                                                               self->me, &error);

  if (talk == NULL)
    qing_counselor_view_toast_error (self, error);
  else
    toast (self, _("Talk recorded, confidential to counselors"));
}

static gint64
parse_start (QingCounselorView *self, AdwMessageDialog *dialog)
{
  GtkDropDown *days = g_object_get_data (G_OBJECT (dialog), "day");
  g_autoptr (GDateTime) now = qing_clock_get_now (self->clock);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (now, qing_clock_get_timezone (self->clock));
  g_autoptr (GDateTime) day = g_date_time_add_days (local, gtk_drop_down_get_selected (days));
  g_autoptr (GDateTime) start = NULL;
  guint hour, minute;

  if (sscanf (entry_text (dialog, "time"), "%u:%u", &hour, &minute) != 2 || hour > 23
      || minute > 59)
    return 0;
  start = g_date_time_new (qing_clock_get_timezone (self->clock), g_date_time_get_year (day),
                           g_date_time_get_month (day), g_date_time_get_day_of_month (day), hour,
                           minute, 0);
  return start != NULL ? g_date_time_to_unix (start) : 0;
}

static void
on_appointment_response (AdwMessageDialog *dialog, const char *response, QingCounselorView *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  if (qing_store_add_appointment (self->store, selected_student (dialog), self->me, 0,
                                  parse_start (self, dialog), 30 * 60,
                                  entry_text (dialog, "place"), &error) == 0)
    qing_counselor_view_toast_error (self, error);
}

static GtkWidget *
new_day_dropdown (QingCounselorView *self)
{
  g_autoptr (GtkStringList) days = gtk_string_list_new (NULL);
  g_autoptr (GDateTime) now = qing_clock_get_now (self->clock);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (now, qing_clock_get_timezone (self->clock));

  for (guint i = 0; i < 14; i++)
    {
      g_autoptr (GDateTime) day = g_date_time_add_days (local, i);
      /* Translators: a day to choose, e.g. "Wed 2026-11-25"; see g_date_time_format() */
      /* xgettext:no-c-format */
      g_autofree char *text = g_date_time_format (day, _("%a %Y-%m-%d"));

      gtk_string_list_append (days, text);
    }
  return gtk_drop_down_new (G_LIST_MODEL (g_object_ref (days)), NULL);
}

static void
new_appointment_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCounselorView *self = SELF (widget);
  GtkWidget *box = new_box ();
  GtkWidget *student = new_student_dropdown (self);
  GtkWidget *day = new_day_dropdown (self);
  GtkWidget *time = new_entry (_("Time, e.g. 12:30"), "12:30");
  GtkWidget *place = new_entry (_("Place"), _("Counseling room"));
  AdwMessageDialog *dialog;

  gtk_box_append (GTK_BOX (box), student);
  gtk_box_append (GTK_BOX (box), day);
  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), place);
  dialog = new_dialog (self, _("New Appointment"),
                       _("Thirty minutes with the student. Only counselors see appointments."),
                       box, "add", _("_Add"), G_CALLBACK (on_appointment_response));
  g_object_set_data (G_OBJECT (dialog), "student", student);
  g_object_set_data (G_OBJECT (dialog), "day", day);
  g_object_set_data (G_OBJECT (dialog), "time", time);
  g_object_set_data (G_OBJECT (dialog), "place", place);
}

/* Installs the "counselor" actions on the view's class. */
void
qing_counselor_view_install_actions (GtkWidgetClass *widget_class)
{
  static const struct
  {
    const char *name;
    const char *type;
    GtkWidgetActionActivateFunc func;
  } actions[] = {
    { "counselor.back", NULL, back_activated },
    { "counselor.show-section", "s", show_section_activated },
    { "counselor.open-case-from-flag", "x", open_case_from_flag_activated },
    { "counselor.mark-flag-seen", "x", mark_flag_seen_activated },
    { "counselor.open-case", "x", open_case_activated },
    { "counselor.open-student-case", "x", open_student_case_activated },
    { "counselor.new-case", NULL, new_case_activated },
    { "counselor.confirm-proposal", "x", confirm_proposal_activated },
    { "counselor.decline-proposal", "x", decline_proposal_activated },
    { "counselor.start-talk", "x", start_talk_activated },
    { "counselor.finish-timer", "x", finish_timer_activated },
    { "counselor.edit-duty", "s", edit_duty_activated },
    { "counselor.new-appointment", NULL, new_appointment_activated },
    { "counselor.confirm-appointment", "x", confirm_appointment_activated },
    { "counselor.complete-appointment", "x", complete_appointment_activated },
    { "counselor.cancel-appointment", "x", cancel_appointment_activated },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].type,
                                     actions[i].func);
}
