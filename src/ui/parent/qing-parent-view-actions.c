/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actions of the parent view ("parent.*"): children, the timer, talks,
 * moods and the mentor flag.  Each one that can fail tells the user in a
 * toast or in its dialog.
 */
#include <glib/gi18n.h>

#include "qing-child-dialog.h"
#include "qing-mood-dialog.h"
#include "qing-parent-data.h"
#include "qing-parent-view-private.h"
#include "qing-talk-dialog.h"

static void
toast_error (QingParentView *self, const GError *error)
{
  qing_parent_view_toast (self, error->message);
}

static QingPerson *
child_of (QingParentView *self, GVariant *parameter)
{
  QingPerson *child = qing_parent_view_find_child (self, g_variant_get_int64 (parameter));

  if (child == NULL)
    qing_parent_view_toast (self, _("This child is no longer in the list."));
  return child;
}

static void
add_child_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);

  qing_parent_view_set_dialog (self, GTK_WINDOW (qing_child_dialog_new (self->store,
                                                                        self->guardian_id,
                                                                        NULL)));
}

static void
edit_child_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  g_autoptr (QingPerson) child = child_of (self, parameter);

  if (child != NULL)
    qing_parent_view_set_dialog (self, GTK_WINDOW (qing_child_dialog_new (self->store,
                                                                          self->guardian_id,
                                                                          child)));
}

static void
remove_child_now (QingParentView *self, gint64 child_id)
{
  g_autoptr (QingPerson) child = qing_parent_view_find_child (self, child_id);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  QingPersonRecords removed;
  QingPerson *shown;

  if (child == NULL)
    return;
  if (!qing_store_remove_person (self->store, child_id, &removed, &error))
    {
      toast_error (self, error);
      return;
    }
  shown = qing_child_page_get_child (self->child_page);
  if (shown != NULL && qing_person_get_id (shown) == child_id)
    {
      qing_child_page_set_child (self->child_page, NULL);
      qing_parent_view_show_page (self, "today");
    }
  /* Translators: %s is the child's name */
  title = g_strdup_printf (_("%s was removed"), qing_person_get_name (child));
  qing_parent_view_toast (self, title);
}

static void
on_remove_child_response (AdwMessageDialog *dialog, const char *response, QingParentView *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    remove_child_now (self, qing_person_get_id (g_object_get_data (G_OBJECT (dialog), "child")));
}

/* "This also deletes 12 talks and 30 mood entries of 小明." */
static char *
describe_removal (QingPerson *child, const QingPersonRecords *records)
{
  g_autofree char *name = qing_parent_first_name (child);
  g_autofree char *talks = NULL;
  g_autofree char *moods = NULL;

  if (records->n_talks == 0 && records->n_moods == 0)
    /* Translators: %s is the child's name */
    return g_strdup_printf (_("There are no talks or mood entries of %s yet."), name);
  talks = g_strdup_printf (ngettext ("%u talk", "%u talks", records->n_talks), records->n_talks);
  moods = g_strdup_printf (ngettext ("%u mood entry", "%u mood entries", records->n_moods),
                           records->n_moods);
  /* Translators: %1$s is "12 talks", %2$s "30 mood entries", %3$s the child's name */
  return g_strdup_printf (_("This also deletes %1$s and %2$s of %3$s. It cannot be undone."),
                          talks, moods, name);
}

static void
remove_child_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  g_autoptr (QingPerson) child = child_of (self, parameter);
  g_autoptr (GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  QingPersonRecords records;
  GtkWidget *dialog;

  if (child == NULL)
    return;
  if (!qing_store_count_person_records (self->store, qing_person_get_id (child), &records, &error))
    {
      toast_error (self, error);
      return;
    }
  /* Translators: %s is the child's name */
  heading = g_strdup_printf (_("Remove %s?"), qing_person_get_name (child));
  body = describe_removal (child, &records);
  dialog = adw_message_dialog_new (NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "child", g_object_ref (child), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_child_response), self, 0);
  qing_parent_view_set_dialog (self, GTK_WINDOW (dialog));
}

static void
open_child_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  g_autoptr (QingPerson) child = child_of (self, parameter);

  if (child == NULL)
    return;
  qing_child_page_set_child (self->child_page, child);
  qing_parent_view_show_page (self, "child");
}

static void
start_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  g_autoptr (QingPerson) child = child_of (self, parameter);
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (GError) error = NULL;

  if (child == NULL)
    return;
  timer = qing_timer_service_lookup (self->service, qing_person_get_id (child),
                                     self->guardian_id, &error);
  if (timer == NULL && error == NULL)
    timer = qing_timer_service_start (self->service, qing_person_get_id (child),
                                      self->guardian_id, QING_ROLE_PARENT, &error);
  if (timer == NULL)
    {
      toast_error (self, error);
      return;
    }
  qing_parent_view_open_timer (self, timer, child);
}

static void
open_timer_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  g_autoptr (QingPerson) child = child_of (self, parameter);
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (GError) error = NULL;

  if (child == NULL)
    return;
  /* Only open: a timer that ended meanwhile is not started again. */
  timer = qing_timer_service_lookup (self->service, qing_person_get_id (child),
                                     self->guardian_id, &error);
  if (timer == NULL)
    {
      qing_parent_view_toast (self, error != NULL ? error->message
                                                  : _("This listening timer is no longer running."));
      return;
    }
  qing_parent_view_open_timer (self, timer, child);
}

static void
offer_mood (QingParentView *self, QingPerson *child, gint64 talk_id)
{
  QingMoodDialog *dialog = qing_mood_dialog_new (self->store, self->clock, self->guardian_id,
                                                 child, talk_id);

  qing_parent_view_set_dialog (self, GTK_WINDOW (dialog));
}

static void
on_finish_saved (QingTalkDialog *dialog, QingTalk *talk, QingParentView *self)
{
  g_autoptr (QingPerson) child = qing_parent_view_find_child (self, qing_talk_get_student_id (talk));
  guint minutes = (qing_talk_get_duration (talk) + 30) / 60;
  g_autofree char *title = NULL;

  qing_timer_page_set_timer (self->timer_page, NULL, NULL);
  qing_parent_view_show_page (self, self->timer_return != NULL ? self->timer_return : "today");
  /* Translators: a toast after finishing the timer */
  title = g_strdup_printf (ngettext ("Talk saved: %u minute", "Talk saved: %u minutes", minutes),
                           minutes);
  qing_parent_view_toast (self, title);
  if (child != NULL)
    offer_mood (self, child, qing_talk_get_id (talk));
}

static void
finish_timer_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  QingRunningTimer *timer = qing_timer_page_get_timer (self->timer_page);
  QingPerson *child = qing_timer_page_get_child (self->timer_page);
  QingTalkDialog *dialog;

  if (timer == NULL || child == NULL)
    return;
  dialog = qing_talk_dialog_new_finish (self->service, timer, child);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_finish_saved), self, 0);
  qing_parent_view_set_dialog (self, GTK_WINDOW (dialog));
}

static void
record_mood_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  g_autoptr (QingPerson) child = child_of (self, parameter);

  if (child != NULL)
    offer_mood (self, child, 0);
}

static void
on_talk_saved (QingTalkDialog *dialog, QingTalk *talk, QingParentView *self)
{
  qing_parent_view_toast (self, _("Talk saved"));
}

static void
add_talk_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  g_autoptr (QingPerson) child = child_of (self, parameter);
  QingTalkDialog *dialog;

  if (child == NULL)
    return;
  dialog = qing_talk_dialog_new_add (self->store, self->clock, self->guardian_id, child);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_talk_saved), self, 0);
  qing_parent_view_set_dialog (self, GTK_WINDOW (dialog));
}

static void
edit_talk_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  QingViewer viewer = qing_parent_viewer (self->guardian_id);
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (QingPerson) child = NULL;
  g_autoptr (GError) error = NULL;
  QingTalkDialog *dialog;

  talk = qing_store_get_talk (self->store, &viewer, g_variant_get_int64 (parameter), &error);
  if (talk == NULL)
    {
      toast_error (self, error);
      return;
    }
  child = qing_parent_view_find_child (self, qing_talk_get_student_id (talk));
  if (child == NULL)
    return;
  dialog = qing_talk_dialog_new_edit (self->store, self->clock, talk, child);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_talk_saved), self, 0);
  qing_parent_view_set_dialog (self, GTK_WINDOW (dialog));
}

static void
remove_talk_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  g_autoptr (GError) error = NULL;
  QingTalk *removed;
  AdwToast *toast;

  removed = qing_store_remove_talk (self->store, g_variant_get_int64 (parameter), &error);
  if (removed == NULL)
    {
      toast_error (self, error);
      return;
    }
  g_clear_object (&self->removed_talk);
  self->removed_talk = removed;
  toast = adw_toast_new (_("Talk deleted"));
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "parent.undo-remove-talk");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_remove_talk_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  g_autoptr (QingTalk) talk = g_steal_pointer (&self->removed_talk);
  g_autoptr (GError) error = NULL;

  if (talk != NULL && !qing_store_add_talk (self->store, talk, &error))
    toast_error (self, error);
}

static void
tell_mentor_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  g_autoptr (QingPerson) child = child_of (self, parameter);
  g_autoptr (QingFlag) flag = NULL;
  g_autoptr (GError) error = NULL;
  const char *reason;

  if (child == NULL)
    return;
  reason = qing_child_page_get_alert_text (self->child_page);
  /* The flag says what the rules saw, never what the journal says. */
  flag = qing_flag_new (qing_person_get_id (child), self->guardian_id, QING_SEVERITY_CONCERN,
                        reason != NULL ? reason : _("The parent sees a change in mood."));
  qing_flag_set_raised_role (flag, QING_ROLE_PARENT);
  if (!qing_store_raise_flag (self->store, flag, &error))
    {
      toast_error (self, error);
      return;
    }
  qing_child_page_set_mentor_told (self->child_page, TRUE);
  qing_parent_view_toast (self, _("Saved. It will reach the mentor when school sharing is set up."));
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingParentView *self = QING_PARENT_VIEW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "timer") == 0 && self->timer_return != NULL)
    qing_parent_view_show_page (self, self->timer_return);
  else
    qing_parent_view_show_page (self, "today");
}

/* Internal: installs the "parent.*" actions on the view's class. */
void
qing_parent_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "parent.add-child", NULL, add_child_activated);
  gtk_widget_class_install_action (widget_class, "parent.edit-child", "x", edit_child_activated);
  gtk_widget_class_install_action (widget_class, "parent.remove-child", "x",
                                   remove_child_activated);
  gtk_widget_class_install_action (widget_class, "parent.open-child", "x", open_child_activated);
  gtk_widget_class_install_action (widget_class, "parent.start", "x", start_activated);
  gtk_widget_class_install_action (widget_class, "parent.open-timer", "x", open_timer_activated);
  gtk_widget_class_install_action (widget_class, "parent.finish-timer", "x",
                                   finish_timer_activated);
  gtk_widget_class_install_action (widget_class, "parent.record-mood", "x",
                                   record_mood_activated);
  gtk_widget_class_install_action (widget_class, "parent.add-talk", "x", add_talk_activated);
  gtk_widget_class_install_action (widget_class, "parent.edit-talk", "x", edit_talk_activated);
  gtk_widget_class_install_action (widget_class, "parent.remove-talk", "x",
                                   remove_talk_activated);
  gtk_widget_class_install_action (widget_class, "parent.undo-remove-talk", NULL,
                                   undo_remove_talk_activated);
  gtk_widget_class_install_action (widget_class, "parent.tell-mentor", "x",
                                   tell_mentor_activated);
  gtk_widget_class_install_action (widget_class, "parent.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "parent.back", NULL);
}
