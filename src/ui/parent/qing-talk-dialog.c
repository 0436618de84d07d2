/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-parent-data.h"
#include "qing-talk-dialog.h"

typedef enum
{
  MODE_FINISH,
  MODE_ADD,
  MODE_EDIT,
} Mode;

struct _QingTalkDialog
{
  AdwWindow         parent_instance;

  AdwWindowTitle   *window_title;
  GtkWidget        *save_button;
  GtkWidget        *duration_group;
  GtkLabel         *duration_label;
  GtkWidget        *when_group;
  GtkMenuButton    *date_button;
  GtkCalendar      *calendar;
  GtkSpinButton    *hour_spin;
  GtkSpinButton    *minute_spin;
  GtkSpinButton    *minutes_spin;
  QingChipGroup    *topics;
  AdwEntryRow      *place_row;
  AdwEntryRow      *note_row;
  GtkLabel         *error_label;

  Mode              mode;
  QingStore        *store;
  QingClock        *clock;
  QingTimerService *service;
  QingRunningTimer *timer;
  QingTalk         *talk;   /* the talk edited */
  QingPerson       *child;
  gint64            guardian_id;
  gint64            ended_utc; /* finish: when Finish was pressed; 0 = now */
};

G_DEFINE_FINAL_TYPE (QingTalkDialog, qing_talk_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static gboolean
on_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
show_date (QingTalkDialog *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->calendar);
  /* Translators: the day of a talk, in strftime format (zh_CN: %-m月%-d日 %A) */
  g_autofree char *text = g_date_time_format (date, _("%A, %B %-d"));

  gtk_menu_button_set_label (self->date_button, text);
}

static void
on_calendar_day_selected (QingTalkDialog *self)
{
  show_date (self);
  gtk_menu_button_popdown (self->date_button);
}

static void
show_error (QingTalkDialog *self, const GError *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* The start the user entered, in the clock's zone, as Unix seconds. */
static gint64
entered_start (QingTalkDialog *self)
{
  g_autoptr (GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr (GDateTime) start = NULL;

  start = g_date_time_new (qing_clock_get_timezone (self->clock),
                           g_date_time_get_year (day), g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day),
                           gtk_spin_button_get_value_as_int (self->hour_spin),
                           gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  return g_date_time_to_unix (start);
}

static void
read_details (QingTalkDialog *self, QingTalk *talk)
{
  g_autofree char *place = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_row))));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  qing_talk_set_topics (talk, qing_chip_group_get_selected (self->topics));
  qing_talk_set_place (talk, *place != '\0' ? place : NULL);
  qing_talk_set_note (talk, *note != '\0' ? note : NULL);
  qing_talk_set_mode (talk, QING_TALK_MODE_IN_PERSON);
  /* A parent's note is theirs alone until school sharing exists. */
  qing_talk_set_visibility (talk, QING_VISIBILITY_PRIVATE);
}

static QingTalk *
save_talk (QingTalkDialog *self, GError **error)
{
  g_autoptr (QingTalk) talk = NULL;
  gint64 start;
  gint duration;

  if (self->mode == MODE_FINISH)
    {
      g_autoptr (QingTalk) details = qing_talk_new (qing_running_timer_get_student_id (self->timer),
                                                    qing_running_timer_get_listener_id (self->timer),
                                                    QING_ROLE_PARENT, 0, 0);
      read_details (self, details);
      return qing_timer_service_finish_at (self->service, self->timer, self->ended_utc,
                                           details, error);
    }

  start = entered_start (self);
  duration = gtk_spin_button_get_value_as_int (self->minutes_spin) * 60;
  if (start > qing_clock_get_now_unix (self->clock))
    {
      g_set_error_literal (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID,
                           _("This talk starts in the future. Choose a time that has passed."));
      return NULL;
    }
  if (self->mode == MODE_EDIT)
    talk = qing_talk_copy (self->talk);
  else
    talk = qing_talk_new (qing_person_get_id (self->child), self->guardian_id,
                          QING_ROLE_PARENT, start, duration);
  qing_talk_set_start_utc (talk, start);
  qing_talk_set_duration (talk, duration);
  read_details (self, talk);
  if (self->mode == MODE_EDIT ? !qing_store_update_talk (self->store, talk, error)
                              : !qing_store_add_talk (self->store, talk, error))
    return NULL;
  return g_steal_pointer (&talk);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingTalkDialog *self = QING_TALK_DIALOG (widget);
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;

  talk = save_talk (self, &error);
  if (talk == NULL)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, talk);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
qing_talk_dialog_dispose (GObject *object)
{
  QingTalkDialog *self = QING_TALK_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->service);
  g_clear_object (&self->timer);
  g_clear_object (&self->talk);
  g_clear_object (&self->child);
  G_OBJECT_CLASS (qing_talk_dialog_parent_class)->dispose (object);
}

static void
qing_talk_dialog_class_init (QingTalkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_talk_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, QING_TYPE_TALK);

  g_type_ensure (QING_TYPE_CHIP_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/parent/qing-talk-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, duration_group);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, duration_label);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, when_group);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, topics);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, QingTalkDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qing_talk_dialog_init (QingTalkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  qing_chip_group_set_items (self->topics, qing_parent_topic_ids (), qing_parent_topic_labels ());
}

static void
set_title (QingTalkDialog *self, const char *title)
{
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
fill_from_talk (QingTalkDialog *self, QingTalk *talk)
{
  g_autoptr (GDateTime) start = qing_talk_dup_start_local (talk, qing_clock_get_timezone (self->clock));

  qing_talk_dialog_set_start (self, start);
  qing_talk_dialog_set_minutes (self, (qing_talk_get_duration (talk) + 30) / 60);
  qing_chip_group_set_selected (self->topics, qing_talk_get_topics (talk));
  gtk_editable_set_text (GTK_EDITABLE (self->place_row),
                         qing_talk_get_place (talk) != NULL ? qing_talk_get_place (talk) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         qing_talk_get_note (talk) != NULL ? qing_talk_get_note (talk) : "");
}

/* Creates the finish sheet of @timer, running for @child.  The talk ends
 * now (when the sheet opens), unless the timer is paused.  Returns a new
 * toplevel; present it, it destroys itself. */
QingTalkDialog *
qing_talk_dialog_new_finish (QingTimerService *service, QingRunningTimer *timer, QingPerson *child)
{
  QingTalkDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (QING_IS_TIMER_SERVICE (service), NULL);
  g_return_val_if_fail (QING_IS_RUNNING_TIMER (timer), NULL);
  g_return_val_if_fail (QING_IS_PERSON (child), NULL);

  self = g_object_new (QING_TYPE_TALK_DIALOG, NULL);
  self->mode = MODE_FINISH;
  self->service = g_object_ref (service);
  self->store = g_object_ref (qing_timer_service_get_store (service));
  self->clock = g_object_ref (qing_timer_service_get_clock (service));
  self->timer = g_object_ref (timer);
  self->child = g_object_ref (child);
  if (!qing_running_timer_get_paused (timer))
    self->ended_utc = qing_clock_get_now_unix (self->clock);
  name = qing_parent_first_name (child);
  /* Translators: the title of the finish sheet; %s is the child's name */
  title = g_strdup_printf (_("Talk with %s"), name);
  set_title (self, title);
  time = qing_parent_format_elapsed (qing_timer_service_get_elapsed (service, timer));
  gtk_label_set_text (self->duration_label, time);
  gtk_widget_set_visible (self->when_group, FALSE);
  return self;
}

/* Creates the dialog that adds a talk by hand to @child, listened by
 * @guardian_id; it starts at now minus 15 minutes.  Returns a new toplevel. */
QingTalkDialog *
qing_talk_dialog_new_add (QingStore *store, QingClock *clock, gint64 guardian_id, QingPerson *child)
{
  QingTalkDialog *self;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) start = NULL;

  g_return_val_if_fail (QING_IS_STORE (store) && QING_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (QING_IS_PERSON (child), NULL);

  self = g_object_new (QING_TYPE_TALK_DIALOG, NULL);
  self->mode = MODE_ADD;
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->child = g_object_ref (child);
  self->guardian_id = guardian_id;
  set_title (self, _("Add a Talk"));
  gtk_widget_set_visible (self->duration_group, FALSE);
  now = qing_clock_get_now (clock);
  start = g_date_time_add_minutes (now, -15);
  qing_talk_dialog_set_start (self, start);
  return self;
}

/* Creates the dialog that edits @talk with @child.  Returns a new toplevel. */
QingTalkDialog *
qing_talk_dialog_new_edit (QingStore *store, QingClock *clock, QingTalk *talk, QingPerson *child)
{
  QingTalkDialog *self;

  g_return_val_if_fail (QING_IS_STORE (store) && QING_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (QING_IS_TALK (talk) && QING_IS_PERSON (child), NULL);

  self = g_object_new (QING_TYPE_TALK_DIALOG, NULL);
  self->mode = MODE_EDIT;
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->talk = g_object_ref (talk);
  self->child = g_object_ref (child);
  set_title (self, _("Edit Talk"));
  gtk_widget_set_visible (self->duration_group, FALSE);
  fill_from_talk (self, talk);
  return self;
}

/* Returns the topic chips (owned by the dialog). */
QingChipGroup *
qing_talk_dialog_get_topics (QingTalkDialog *self)
{
  g_return_val_if_fail (QING_IS_TALK_DIALOG (self), NULL);
  return self->topics;
}

/* Sets the start day and time (a local time of the clock's zone). */
void
qing_talk_dialog_set_start (QingTalkDialog *self, GDateTime *start_local)
{
  g_autoptr (GDateTime) local = NULL;

  g_return_if_fail (QING_IS_TALK_DIALOG (self));
  local = g_date_time_to_timezone (start_local, qing_clock_get_timezone (self->clock));
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  show_date (self);
}

/* Sets the duration of a talk added by hand, in minutes. */
void
qing_talk_dialog_set_minutes (QingTalkDialog *self, guint minutes)
{
  g_return_if_fail (QING_IS_TALK_DIALOG (self));
  gtk_spin_button_set_value (self->minutes_spin, MAX (minutes, 1));
}

/* Sets the short note. */
void
qing_talk_dialog_set_note (QingTalkDialog *self, const char *note)
{
  g_return_if_fail (QING_IS_TALK_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}

/* Returns the error shown in the dialog, or NULL (owned by the dialog). */
const char *
qing_talk_dialog_get_error_text (QingTalkDialog *self)
{
  g_return_val_if_fail (QING_IS_TALK_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
