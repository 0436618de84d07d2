/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-flag-dialog.h"
#include "qing-repository.h"

struct _QingFlagDialog
{
  AdwMessageDialog  parent_instance;

  GtkTextView      *observed_view;
  GtkToggleButton  *concern_button;
  GtkToggleButton  *serious_button;
  GtkToggleButton  *crisis_button;
  GtkRevealer      *crisis_revealer;
  GtkLabel         *steps_label;
  GtkEntry         *told_entry;

  QingStore        *store;
  gint64            mentor_id;
  gint64            student_id;
};

G_DEFINE_FINAL_TYPE (QingFlagDialog, qing_flag_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_stripped_observed (QingFlagDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->observed_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static char *
dup_stripped_told (QingFlagDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->told_entry))));
}

static void
update (QingFlagDialog *self)
{
  gboolean crisis = gtk_toggle_button_get_active (self->crisis_button);

  gtk_revealer_set_reveal_child (self->crisis_revealer, crisis);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save",
                                           qing_flag_dialog_get_can_save (self));
}

/* Whether "Save" can be pressed: something observed, and for 危机 who was told. */
gboolean
qing_flag_dialog_get_can_save (QingFlagDialog *self)
{
  g_autofree char *observed = NULL;
  g_autofree char *told = NULL;

  g_return_val_if_fail (QING_IS_FLAG_DIALOG (self), FALSE);
  observed = dup_stripped_observed (self);
  told = dup_stripped_told (self);
  if (*observed == '\0')
    return FALSE;
  return qing_flag_dialog_get_severity (self) != QING_SEVERITY_CRISIS || *told != '\0';
}

/* The severity chosen. */
QingSeverity
qing_flag_dialog_get_severity (QingFlagDialog *self)
{
  g_return_val_if_fail (QING_IS_FLAG_DIALOG (self), QING_SEVERITY_CONCERN);
  if (gtk_toggle_button_get_active (self->crisis_button))
    return QING_SEVERITY_CRISIS;
  if (gtk_toggle_button_get_active (self->serious_button))
    return QING_SEVERITY_SERIOUS;
  return QING_SEVERITY_CONCERN;
}

/* Chooses a severity (as if pressed). */
void
qing_flag_dialog_set_severity (QingFlagDialog *self, QingSeverity severity)
{
  g_return_if_fail (QING_IS_FLAG_DIALOG (self));
  gtk_toggle_button_set_active (severity == QING_SEVERITY_CRISIS ? self->crisis_button
                                : severity == QING_SEVERITY_SERIOUS ? self->serious_button
                                : self->concern_button, TRUE);
}

/* Sets what was observed (as if typed). */
void
qing_flag_dialog_set_observed (QingFlagDialog *self, const char *text)
{
  g_return_if_fail (QING_IS_FLAG_DIALOG (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->observed_view), text != NULL ? text : "", -1);
}

/* Sets who was told (as if typed). */
void
qing_flag_dialog_set_who_was_told (QingFlagDialog *self, const char *text)
{
  g_return_if_fail (QING_IS_FLAG_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->told_entry), text != NULL ? text : "");
}

/* Whether the crisis steps are shown. */
gboolean
qing_flag_dialog_get_steps_shown (QingFlagDialog *self)
{
  g_return_val_if_fail (QING_IS_FLAG_DIALOG (self), FALSE);
  return gtk_revealer_get_reveal_child (self->crisis_revealer);
}

/* Raises the flag.  Returns: TRUE, or FALSE with @error set. */
gboolean
qing_flag_dialog_save (QingFlagDialog *self, GError **error)
{
  g_autofree char *observed = NULL;
  g_autofree char *told = NULL;
  g_autoptr (QingFlag) flag = NULL;

  g_return_val_if_fail (QING_IS_FLAG_DIALOG (self), FALSE);
  observed = dup_stripped_observed (self);
  told = dup_stripped_told (self);
  if (!qing_flag_dialog_get_can_save (self))
    {
      g_set_error_literal (error, QING_REPOSITORY_ERROR,
                           qing_flag_dialog_get_severity (self) == QING_SEVERITY_CRISIS && *observed != '\0'
                             ? QING_REPOSITORY_ERROR_CRISIS_UNTOLD : QING_REPOSITORY_ERROR_INVALID,
                           *observed == '\0' ? _("Say what you observed.")
                                             : _("A crisis flag needs to say who was told."));
      return FALSE;
    }
  flag = qing_flag_new (self->student_id, self->mentor_id, qing_flag_dialog_get_severity (self), observed);
  qing_flag_set_raised_role (flag, QING_ROLE_MENTOR);
  if (*told != '\0')
    qing_flag_set_who_was_told (flag, told);
  return qing_store_raise_flag (self->store, flag, error);
}

static void
qing_flag_dialog_dispose (GObject *object)
{
  QingFlagDialog *self = QING_FLAG_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (qing_flag_dialog_parent_class)->dispose (object);
}

static void
qing_flag_dialog_class_init (QingFlagDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_flag_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/mentor/qing-flag-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QingFlagDialog, observed_view);
  gtk_widget_class_bind_template_child (widget_class, QingFlagDialog, concern_button);
  gtk_widget_class_bind_template_child (widget_class, QingFlagDialog, serious_button);
  gtk_widget_class_bind_template_child (widget_class, QingFlagDialog, crisis_button);
  gtk_widget_class_bind_template_child (widget_class, QingFlagDialog, crisis_revealer);
  gtk_widget_class_bind_template_child (widget_class, QingFlagDialog, steps_label);
  gtk_widget_class_bind_template_child (widget_class, QingFlagDialog, told_entry);
}

static void
qing_flag_dialog_init (QingFlagDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->crisis_button, "toggled", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->serious_button, "toggled", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->told_entry, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->observed_view), "changed",
                            G_CALLBACK (update), self);
  update (self);
}

/* A flag about @student_id.  Returns: (transfer none) a new toplevel. */
QingFlagDialog *
qing_flag_dialog_new (GtkWindow *parent, QingStore *store, gint64 mentor_id, gint64 student_id,
                      const char *student_name, const char *crisis_steps)
{
  QingFlagDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  self = g_object_new (QING_TYPE_FLAG_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->mentor_id = mentor_id;
  self->student_id = student_id;
  /* Translators: %s is a student's name */
  body = g_strdup_printf (_("The counselor sees this flag about %s."), student_name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  gtk_label_set_text (self->steps_label, crisis_steps);
  return self;
}
