/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-mood-dialog.h"
#include "qing-parent-data.h"

struct _QingMoodDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkButton      *cancel_button;
  QingMoodPicker *picker;
  GtkLabel       *error_label;

  QingStore      *store;
  QingClock      *clock;
  QingPerson     *child;
  gint64          guardian_id;
  gint64          talk_id;
};

G_DEFINE_FINAL_TYPE (QingMoodDialog, qing_mood_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
on_valence_set (QingMoodDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 qing_mood_picker_get_valence_set (self->picker));
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingMoodDialog *self = QING_MOOD_DIALOG (widget);
  g_autoptr (QingMoodEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  const char *note;

  if (!qing_mood_picker_get_valence_set (self->picker))
    return;
  entry = qing_mood_entry_new (qing_person_get_id (self->child), self->guardian_id,
                               qing_clock_get_now_unix (self->clock),
                               qing_mood_picker_get_valence (self->picker));
  qing_mood_entry_set_recorder_role (entry, QING_ROLE_PARENT);
  qing_mood_entry_set_energy (entry, (QingEnergy) qing_mood_picker_get_energy (self->picker));
  qing_mood_entry_set_emotion_words (entry, qing_mood_picker_get_words (self->picker));
  qing_mood_entry_set_life_areas (entry, qing_mood_picker_get_areas (self->picker));
  note = qing_mood_picker_get_note (self->picker);
  qing_mood_entry_set_note (entry, note != NULL && *note != '\0' ? note : NULL);
  qing_mood_entry_set_visibility (entry, QING_VISIBILITY_PRIVATE);
  if (self->talk_id > 0)
    qing_mood_entry_set_talk_id (entry, self->talk_id);
  if (!qing_store_add_mood (self->store, entry, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, entry);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
qing_mood_dialog_dispose (GObject *object)
{
  QingMoodDialog *self = QING_MOOD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->child);
  G_OBJECT_CLASS (qing_mood_dialog_parent_class)->dispose (object);
}

static void
qing_mood_dialog_class_init (QingMoodDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_mood_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, QING_TYPE_MOOD_ENTRY);

  g_type_ensure (QING_TYPE_MOOD_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/parent/qing-mood-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QingMoodDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, QingMoodDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, QingMoodDialog, picker);
  gtk_widget_class_bind_template_child (widget_class, QingMoodDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_valence_set);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qing_mood_dialog_init (QingMoodDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
}

/* Creates the dialog that records @child's mood, by @guardian_id, now.
 * With @talk_id > 0 it follows that talk: the title asks how the child
 * felt and Cancel reads "Skip".  Returns a new toplevel. */
QingMoodDialog *
qing_mood_dialog_new (QingStore  *store,
                      QingClock  *clock,
                      gint64      guardian_id,
                      QingPerson *child,
                      gint64      talk_id)
{
  QingMoodDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (QING_IS_STORE (store) && QING_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (QING_IS_PERSON (child), NULL);

  self = g_object_new (QING_TYPE_MOOD_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->child = g_object_ref (child);
  self->guardian_id = guardian_id;
  self->talk_id = talk_id;
  name = qing_parent_first_name (child);
  if (talk_id > 0)
    {
      /* Translators: asked after a talk; %s is the child's name */
      title = g_strdup_printf (_("How Did %s Feel?"), name);
      gtk_button_set_label (self->cancel_button, _("Skip"));
    }
  else
    /* Translators: %s is the child's name */
    title = g_strdup_printf (_("Mood of %s"), name);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  return self;
}

/* Returns the mood picker (owned by the dialog). */
QingMoodPicker *
qing_mood_dialog_get_picker (QingMoodDialog *self)
{
  g_return_val_if_fail (QING_IS_MOOD_DIALOG (self), NULL);
  return self->picker;
}

/* Returns the error shown in the dialog, or NULL (owned by the dialog). */
const char *
qing_mood_dialog_get_error_text (QingMoodDialog *self)
{
  g_return_val_if_fail (QING_IS_MOOD_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
