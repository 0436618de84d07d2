/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the mentor view's actions do: import, add/edit/move a student, the
 * talk (start, timer, finish sheet), talks with parents, care level
 * proposals, flags and peer sessions.  The small forms are message dialogs
 * with a form as their extra child.
 */
#include <glib/gi18n.h>

#include "qing-flag-dialog.h"
#include "qing-import-dialog.h"
#include "qing-mentor-util.h"
#include "qing-mentor-view-private.h"
#include "qing-store-composite.h"
#include "qing-store-peer.h"
#include "qing-store-plan.h"
#include "shared/qing-chip-group.h"

/* A message dialog with @heading, Cancel and a suggested @ok response
 * ("save"), transient for the view's window; remembered as the view's
 * dialog. */
static AdwMessageDialog *
new_form (QingMentorView *self, const char *heading, const char *body, const char *ok)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", ok, NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  qing_mentor_view_set_dialog (self, GTK_WINDOW (dialog));
  return dialog;
}

static GtkWidget *
new_form_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  return box;
}

static GtkWidget *
add_entry (GtkWidget *box, const char *placeholder, const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

static GtkWidget *
add_spin_row (GtkWidget *box, const char *label_text, double lower, double upper, double value)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), spin);
  gtk_box_append (GTK_BOX (box), row);
  return spin;
}

static char *
dup_entry_text (GObject *dialog, const char *key)
{
  GtkEditable *entry = g_object_get_data (dialog, key);

  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static QingRosterEntry *
find_row (QingMentorView *self, gint64 student_id)
{
  return self->roster != NULL ? qing_roster_status_find (self->roster, student_id) : NULL;
}

/* ---- Import ---- */

static void
on_imported (QingImportDialog *dialog, gint64 group_id, guint n_students, QingMentorView *self)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student imported",
                                                        "%u students imported", n_students), n_students);

  qing_mentor_view_load_groups (self, group_id);
  qing_mentor_view_show_page (self, "roster");
  qing_mentor_view_toast (self, text);
}

/* Opens the import preview of @file. */
void
qing_mentor_view_import_file (QingMentorView *self, GFile *file)
{
  GtkRoot *root;
  QingImportDialog *dialog;

  g_return_if_fail (QING_IS_MENTOR_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  dialog = qing_import_dialog_new (self->store, file, self->mentor_id, self->group_id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  qing_mentor_view_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, QingMentorView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      qing_mentor_view_import_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
import_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingMentorView *self = QING_MENTOR_VIEW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Class List"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Class lists (CSV)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

/* ---- Add, edit and move a student ---- */

/* Saves a new student into the group shown, or into a new class "My Class"
 * of the mentor when there is none yet: all or nothing. */
static gboolean
add_student (QingMentorView *self, QingPerson *person, GError **error)
{
  gboolean new_group = self->group_id == 0;
  g_autoptr (QingGroup) group = NULL;

  group = new_group ? qing_group_new (QING_GROUP_CLASS, _("My Class"), self->mentor_id)
                    : qing_store_get_group (self->store, self->group_id, error);
  if (group == NULL || !qing_store_add_student_to_group (self->store, person, group, error))
    return FALSE;
  if (new_group)
    qing_mentor_view_load_groups (self, qing_group_get_id (group));
  return TRUE;
}

static gboolean
save_student (QingMentorView *self, GObject *dialog, GError **error)
{
  gint64 student_id = GPOINTER_TO_SIZE (g_object_get_data (dialog, "qing-student"));
  g_autofree char *name = dup_entry_text (dialog, "qing-name");
  g_autofree char *number = dup_entry_text (dialog, "qing-number");
  g_autoptr (QingPerson) person = NULL;

  if (*name == '\0')
    {
      g_set_error_literal (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID,
                           _("A student needs a name."));
      return FALSE;
    }
  if (student_id != 0)
    {
      person = qing_store_get_person (self->store, student_id, error);
      if (person == NULL)
        return FALSE;
      qing_person_set_name (person, name);
      qing_person_set_student_number (person, *number != '\0' ? number : NULL);
      return qing_store_update_person (self->store, person, error);
    }
  person = qing_person_new (QING_PERSON_STUDENT, name);
  qing_person_set_student_number (person, *number != '\0' ? number : NULL);
  return add_student (self, person, error);
}

static void
on_student_response (AdwMessageDialog *dialog, const char *response, QingMentorView *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (!save_student (self, G_OBJECT (dialog), &error))
    {
      qing_mentor_view_show_error (self, error);
      return;
    }
  /* The roster follows the store: it refreshes itself in an idle. */
  qing_mentor_view_show_page (self, g_strcmp0 (qing_mentor_view_get_page (self), "student") == 0
                                      ? "student" : "roster");
}

static void
open_student_form (QingMentorView *self, QingPerson *person)
{
  AdwMessageDialog *dialog = new_form (self, person != NULL ? _("Edit Student") : _("Add Student"),
                                       NULL, person != NULL ? _("_Save") : _("_Add"));
  GtkWidget *box = new_form_box ();

  g_object_set_data (G_OBJECT (dialog), "qing-name",
                     add_entry (box, _("Name"), person != NULL ? qing_person_get_name (person) : NULL));
  g_object_set_data (G_OBJECT (dialog), "qing-number",
                     add_entry (box, _("Student number (optional)"),
                                person != NULL ? qing_person_get_student_number (person) : NULL));
  g_object_set_data (G_OBJECT (dialog), "qing-student",
                     GSIZE_TO_POINTER (person != NULL ? qing_person_get_id (person) : 0));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_student_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_student_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_student_form (QING_MENTOR_VIEW (widget), NULL);
}

static void
edit_student_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingMentorView *self = QING_MENTOR_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (QingPerson) person = qing_store_get_person (self->store, g_variant_get_int64 (parameter), &error);

  if (person == NULL)
    qing_mentor_view_show_error (self, error);
  else
    open_student_form (self, person);
}

/* Saves a new group named @name, of the kind of the group shown (a move
 * takes the student out of the group of the new group's kind only), and
 * moves @student_id into it: both or neither. */
static gboolean
move_to_new_group (QingMentorView *self, gint64 student_id, const char *name, GError **error)
{
  QingGroupKind kind = QING_GROUP_CLASS;
  g_autoptr (QingGroup) current = NULL;
  g_autoptr (QingGroup) group = NULL;

  if (self->group_id != 0)
    {
      current = qing_store_get_group (self->store, self->group_id, error);
      if (current == NULL)
        return FALSE;
      kind = qing_group_get_kind (current);
    }
  group = qing_group_new (kind, name, self->mentor_id);
  return qing_store_move_to_new_group (self->store, student_id, group, error);
}

static void
on_move_response (AdwMessageDialog *dialog, const char *response, QingMentorView *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "qing-group-ids");
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "qing-groups");
  gint64 student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "qing-student"));
  g_autofree char *new_name = dup_entry_text (G_OBJECT (dialog), "qing-new-group");
  g_autoptr (GError) error = NULL;
  gboolean moved = FALSE;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (*new_name != '\0')
    /* One transaction: a failed move leaves no empty group behind. */
    moved = move_to_new_group (self, student_id, new_name, &error);
  else if (gtk_drop_down_get_selected (dropdown) < ids->len)
    moved = qing_store_move_to_group (self->store, student_id,
                                      g_array_index (ids, gint64,
                                                     gtk_drop_down_get_selected (dropdown)),
                                      &error);
  if (!moved)
    {
      if (error != NULL)
        qing_mentor_view_show_error (self, error);
      return;
    }
  qing_mentor_view_load_groups (self, self->group_id);
  qing_mentor_view_show_page (self, "roster");
  qing_mentor_view_toast (self, _("Student moved"));
}

static void
move_student_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingMentorView *self = QING_MENTOR_VIEW (widget);
  g_autoptr (GPtrArray) groups = qing_store_list_groups (self->store, 0, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AdwMessageDialog *dialog;
  GtkWidget *box = new_form_box ();
  GtkWidget *dropdown;

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      gint64 id = qing_group_get_id (g_ptr_array_index (groups, i));

      if (id == self->group_id)
        continue;
      g_array_append_val (ids, id);
      gtk_string_list_append (names, qing_group_get_name (g_ptr_array_index (groups, i)));
    }
  dialog = new_form (self, _("Move to Another Group"),
                     _("Choose a group, or type the name of a new one."), _("_Move"));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_visible (dropdown, ids->len > 0);
  gtk_box_append (GTK_BOX (box), dropdown);
  g_object_set_data (G_OBJECT (dialog), "qing-new-group", add_entry (box, _("New group name"), NULL));
  g_object_set_data (G_OBJECT (dialog), "qing-groups", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "qing-group-ids", ids, (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (dialog), "qing-student", GSIZE_TO_POINTER (g_variant_get_int64 (parameter)));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows the student page of @student_id. */
void
qing_mentor_view_open_student (QingMentorView *self, gint64 student_id)
{
  QingRosterEntry *row = find_row (self, student_id);

  if (row == NULL)
    return;
  qing_student_page_show (self->student_page, row);
  qing_mentor_view_show_page (self, "student");
}

static void
open_student_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  qing_mentor_view_open_student (QING_MENTOR_VIEW (widget), g_variant_get_int64 (parameter));
}

/* ---- The talk ---- */

static void
start_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingMentorView *self = QING_MENTOR_VIEW (widget);
  gint64 student_id = g_variant_get_int64 (parameter);
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (QingPerson) student = NULL;
  g_autoptr (GError) error = NULL;

  timer = qing_timer_service_start (self->service, student_id, self->mentor_id, QING_ROLE_MENTOR, &error);
  if (timer == NULL && g_error_matches (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_TIMER_RUNNING))
    {
      g_clear_error (&error);
      timer = qing_timer_service_lookup (self->service, student_id, self->mentor_id, &error);
    }
  if (timer != NULL)
    student = qing_store_get_person (self->store, student_id, &error);
  if (timer == NULL || student == NULL)
    {
      if (error != NULL)
        qing_mentor_view_show_error (self, error);
      return;
    }
  qing_timer_page_set_timer (self->timer_page, timer, student);
  qing_mentor_view_show_page (self, "timer");
}

static GtkWidget *
add_visibility_choice (GtkWidget *box, GObject *dialog)
{
  GtkWidget *private_check = gtk_check_button_new_with_label (_("Private to me"));
  GtkWidget *shared_check = gtk_check_button_new_with_label (_("Shared with the counselor"));

  gtk_check_button_set_group (GTK_CHECK_BUTTON (shared_check), GTK_CHECK_BUTTON (private_check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (private_check), TRUE);
  gtk_box_append (GTK_BOX (box), private_check);
  gtk_box_append (GTK_BOX (box), shared_check);
  g_object_set_data (dialog, "qing-shared", shared_check);
  return shared_check;
}

static QingVisibility
chosen_visibility (GObject *dialog)
{
  return gtk_check_button_get_active (g_object_get_data (dialog, "qing-shared"))
         ? QING_VISIBILITY_COUNSELOR : QING_VISIBILITY_PRIVATE;
}

static void
talk_saved (QingMentorView *self, QingTalk *talk)
{
  g_autoptr (GError) error = NULL;

  if (!qing_store_complete_plan_for_talk (self->store, self->mentor_id, qing_talk_get_student_id (talk),
                                          qing_talk_get_id (talk), &error))
    qing_mentor_view_show_error (self, error);
  qing_mentor_view_toast (self, qing_talk_get_effective (talk) ? _("Talk saved")
                                                                : _("Talk saved. It was shorter than 15 minutes."));
}

static void
on_finish_response (AdwMessageDialog *dialog, const char *response, QingMentorView *self)
{
  QingRunningTimer *timer = g_object_get_data (G_OBJECT (dialog), "qing-timer");
  QingChipGroup *topics = g_object_get_data (G_OBJECT (dialog), "qing-topics");
  gint64 ended = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "qing-ended"));
  g_autofree char *note = dup_entry_text (G_OBJECT (dialog), "qing-note");
  g_autoptr (QingTalk) details = NULL;
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  details = qing_talk_new (qing_running_timer_get_student_id (timer), self->mentor_id, QING_ROLE_MENTOR, 0, 0);
  qing_talk_set_topics (details, qing_chip_group_get_selected (topics));
  qing_talk_set_note (details, *note != '\0' ? note : NULL);
  qing_talk_set_mode (details, QING_TALK_MODE_IN_PERSON);
  qing_talk_set_visibility (details, chosen_visibility (G_OBJECT (dialog)));
  talk = qing_timer_service_finish_at (self->service, timer, ended, details, &error);
  if (talk == NULL)
    {
      qing_mentor_view_show_error (self, error);
      return;
    }
  qing_timer_page_set_timer (self->timer_page, NULL, NULL);
  qing_mentor_view_show_page (self, "roster");
  talk_saved (self, talk);
}

static void
finish_timer_activated (QingMentorView *self, gint64 student_id)
{
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (QingPerson) student = qing_store_get_person (self->store, student_id, NULL);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box = new_form_box ();
  GtkWidget *topics = qing_chip_group_new ();

  timer = qing_timer_service_lookup (self->service, student_id, self->mentor_id, NULL);
  if (timer == NULL || student == NULL)
    return;
  /* Translators: "张小明 · 16:02 listened" */
  body = g_strdup_printf (_("%s · %s listened"), qing_person_get_name (student),
                          qing_timer_page_get_elapsed_text (self->timer_page));
  dialog = new_form (self, _("Finish the Talk"), body, _("_Save Talk"));
  qing_chip_group_set_items (QING_CHIP_GROUP (topics), qing_mentor_topic_ids (), qing_mentor_topic_labels ());
  gtk_box_append (GTK_BOX (box), topics);
  g_object_set_data (G_OBJECT (dialog), "qing-note", add_entry (box, _("A short note (optional)"), NULL));
  add_visibility_choice (box, G_OBJECT (dialog));
  g_object_set_data (G_OBJECT (dialog), "qing-topics", topics);
  g_object_set_data_full (G_OBJECT (dialog), "qing-timer", g_object_ref (timer), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "qing-ended", GSIZE_TO_POINTER (qing_clock_get_now_unix (self->clock)));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_finish_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finish_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  finish_timer_activated (QING_MENTOR_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
on_timer_discarded (QingMentorView *self)
{
  qing_mentor_view_show_page (self, "roster");
  qing_mentor_view_toast (self, _("Talk discarded"));
}

static void
on_timer_failed (QingMentorView *self, const char *message)
{
  qing_mentor_view_toast (self, message);
}

/* Follows the shared timer page: a discarded talk goes back to the roster,
 * a failure is said in a toast.  (Its buttons activate mentor.back and
 * mentor.finish-timer: the page's "action-prefix" is "mentor".) */
void
qing_mentor_view_connect_timer_page (QingMentorView *self)
{
  g_signal_connect_object (self->timer_page, "discarded", G_CALLBACK (on_timer_discarded), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer_page, "failed", G_CALLBACK (on_timer_failed), self,
                           G_CONNECT_SWAPPED);
}

/* ---- Talks with parents ---- */

static void
on_guardian_response (AdwMessageDialog *dialog, const char *response, QingMentorView *self)
{
  gint64 student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "qing-student"));
  GtkDropDown *mode = g_object_get_data (G_OBJECT (dialog), "qing-mode");
  GtkSpinButton *minutes = g_object_get_data (G_OBJECT (dialog), "qing-minutes");
  g_autofree char *note = dup_entry_text (G_OBJECT (dialog), "qing-note");
  gint duration;
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  duration = gtk_spin_button_get_value_as_int (minutes) * 60;
  talk = qing_talk_new (student_id, self->mentor_id, QING_ROLE_MENTOR,
                        qing_clock_get_now_unix (self->clock) - duration, duration);
  qing_talk_set_with_guardian (talk, TRUE);
  qing_talk_set_mode (talk, (QingTalkMode) gtk_drop_down_get_selected (mode));
  qing_talk_set_note (talk, *note != '\0' ? note : NULL);
  qing_talk_set_visibility (talk, chosen_visibility (G_OBJECT (dialog)));
  if (!qing_store_add_talk (self->store, talk, &error))
    {
      qing_mentor_view_show_error (self, error);
      return;
    }
  /* The student page shows the new status when the roster has refreshed. */
  qing_mentor_view_toast (self, _("Talk with parents saved"));
}

static void
guardian_talk_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingMentorView *self = QING_MENTOR_VIEW (widget);
  const char *modes[] = { qing_mentor_mode_label (QING_TALK_MODE_IN_PERSON),
                          qing_mentor_mode_label (QING_TALK_MODE_PHONE),
                          qing_mentor_mode_label (QING_TALK_MODE_ONLINE), NULL };
  AdwMessageDialog *dialog = new_form (self, _("Log a Talk with Parents"),
                                       _("A talk that just ended; it counts for the regular talks with parents."),
                                       _("_Save"));
  GtkWidget *box = new_form_box ();
  GtkWidget *mode = gtk_drop_down_new_from_strings (modes);

  gtk_box_append (GTK_BOX (box), mode);
  g_object_set_data (G_OBJECT (dialog), "qing-mode", mode);
  g_object_set_data (G_OBJECT (dialog), "qing-minutes", add_spin_row (box, _("Minutes"), 1, 240, 15));
  g_object_set_data (G_OBJECT (dialog), "qing-note", add_entry (box, _("A short note (optional)"), NULL));
  add_visibility_choice (box, G_OBJECT (dialog));
  g_object_set_data (G_OBJECT (dialog), "qing-student", GSIZE_TO_POINTER (g_variant_get_int64 (parameter)));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_guardian_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Care level proposals ---- */

static void
on_care_response (AdwMessageDialog *dialog, const char *response, QingMentorView *self)
{
  gint64 student_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "qing-student"));
  QingCareLevel level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "qing-level"));
  g_autofree char *reason = dup_entry_text (G_OBJECT (dialog), "qing-reason");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (qing_store_propose_care_level (self->store, student_id, level, self->mentor_id, QING_ROLE_MENTOR,
                                     reason, &error) == 0)
    {
      qing_mentor_view_show_error (self, error);
      return;
    }
  qing_mentor_view_toast (self, _("Proposal sent: the counselor confirms it later"));
}

static void
on_reason_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
propose_care_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingMentorView *self = QING_MENTOR_VIEW (widget);
  gint64 student_id;
  gint32 level;
  AdwMessageDialog *dialog;
  GtkWidget *box = new_form_box ();
  GtkWidget *reason;

  g_variant_get (parameter, "(xi)", &student_id, &level);
  dialog = new_form (self, level == QING_CARE_CLEAR_SIGNS ? _("Propose Clear Signs") : _("Propose Key Care"),
                     _("The counselor reviews your proposal and confirms it later. Until then the "
                       "student’s care level stays as it is."),
                     _("_Send Proposal"));
  reason = add_entry (box, _("Why? (required)"), NULL);
  g_signal_connect_object (reason, "changed", G_CALLBACK (on_reason_changed), dialog, 0);
  adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  g_object_set_data (G_OBJECT (dialog), "qing-reason", reason);
  g_object_set_data (G_OBJECT (dialog), "qing-student", GSIZE_TO_POINTER (student_id));
  g_object_set_data (G_OBJECT (dialog), "qing-level", GINT_TO_POINTER (level));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_care_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Flags ---- */

static void
on_flag_response (QingFlagDialog *dialog, const char *response, QingMentorView *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (!qing_flag_dialog_save (dialog, &error))
    qing_mentor_view_show_error (self, error);
  else
    qing_mentor_view_toast (self, _("Flag raised: the counselor sees it now"));
}

static void
raise_flag_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingMentorView *self = QING_MENTOR_VIEW (widget);
  gint64 student_id = g_variant_get_int64 (parameter);
  QingRosterEntry *row = find_row (self, student_id);
  g_autofree char *steps = qing_mentor_view_dup_crisis_steps (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  QingFlagDialog *dialog;

  dialog = qing_flag_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 self->mentor_id, student_id,
                                 row != NULL ? qing_roster_entry_get_name (row) : "", steps);
  qing_mentor_view_set_dialog (self, GTK_WINDOW (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_flag_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Peer sessions ---- */

static void
on_peer_response (AdwMessageDialog *dialog, const char *response, QingMentorView *self)
{
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (dialog), "qing-day");
  GtkSpinButton *count = g_object_get_data (G_OBJECT (dialog), "qing-count");
  g_autofree char *led_by = dup_entry_text (G_OBJECT (dialog), "qing-led-by");
  g_autoptr (GDateTime) day = gtk_calendar_get_date (calendar);
  QingPeerSession session = { 0 };
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0)
    return;
  session.group_id = self->group_id;
  g_date_clear (&session.day, 1);
  g_date_set_dmy (&session.day, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  session.led_by_name = g_strdup (led_by);
  session.participants = gtk_spin_button_get_value_as_int (count);
  session.duration_s = -1;
  ok = qing_store_add_peer_session (self->store, &session, &error);
  qing_peer_session_clear (&session);
  if (!ok)
    {
      qing_mentor_view_show_error (self, error);
      return;
    }
  qing_mentor_view_update_header (self);
  qing_mentor_view_toast (self, _("Peer session recorded"));
}

static void
on_led_by_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  on_reason_changed (entry, dialog);
}

static void
peer_session_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingMentorView *self = QING_MENTOR_VIEW (widget);
  g_autoptr (GDateTime) now = qing_clock_get_now (self->clock);
  AdwMessageDialog *dialog;
  GtkWidget *box = new_form_box ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *led_by;

  if (self->group_id == 0)
    return;
  dialog = new_form (self, _("Record a Peer Session"),
                     _("The class’s peer-support session, led by its peer supporter, every two weeks."),
                     _("_Save"));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), now);
  gtk_box_append (GTK_BOX (box), calendar);
  led_by = add_entry (box, _("Led by (the peer supporter)"), NULL);
  g_signal_connect_object (led_by, "changed", G_CALLBACK (on_led_by_changed), dialog, 0);
  adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  g_object_set_data (G_OBJECT (dialog), "qing-led-by", led_by);
  g_object_set_data (G_OBJECT (dialog), "qing-day", calendar);
  g_object_set_data (G_OBJECT (dialog), "qing-count", add_spin_row (box, _("How many took part"), 1, 200, 10));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_peer_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Navigation ---- */

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  qing_mentor_view_show_page (QING_MENTOR_VIEW (widget), "roster");
}

static void
show_plan_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingMentorView *self = QING_MENTOR_VIEW (widget);

  qing_plan_page_reload (self->plan_page);
  qing_mentor_view_show_page (self, "plan");
}

/* Installs the "mentor." actions on the view's class. */
void
qing_mentor_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "mentor.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "mentor.add-student", NULL, add_student_activated);
  gtk_widget_class_install_action (widget_class, "mentor.edit-student", "x", edit_student_activated);
  gtk_widget_class_install_action (widget_class, "mentor.move-student", "x", move_student_activated);
  gtk_widget_class_install_action (widget_class, "mentor.open-student", "x", open_student_activated);
  gtk_widget_class_install_action (widget_class, "mentor.start", "x", start_activated);
  gtk_widget_class_install_action (widget_class, "mentor.finish-timer", "x", finish_activated);
  gtk_widget_class_install_action (widget_class, "mentor.guardian-talk", "x", guardian_talk_activated);
  gtk_widget_class_install_action (widget_class, "mentor.propose-care", "(xi)", propose_care_activated);
  gtk_widget_class_install_action (widget_class, "mentor.raise-flag", "x", raise_flag_activated);
  gtk_widget_class_install_action (widget_class, "mentor.peer-session", NULL, peer_session_activated);
  gtk_widget_class_install_action (widget_class, "mentor.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "mentor.show-plan", NULL, show_plan_activated);
}
