/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-mentor-util.h"
#include "qing-student-page.h"

/* How far back the page lists talks with parents. */
#define GUARDIAN_TALK_DAYS 120
#define GUARDIAN_TALKS_SHOWN 5

struct _QingStudentPage
{
  GtkWidget     parent_instance;

  GtkLabel     *name_label;
  GtkWidget    *start_button;
  AdwActionRow *cycle_row;
  AdwActionRow *care_row;
  AdwActionRow *at_risk_row;
  AdwActionRow *guardian_row;
  GtkWidget    *flag_row;
  GtkWidget    *key_care_row;
  GtkWidget    *clear_signs_row;
  GtkWidget    *guardian_button;
  GtkListBox   *guardian_list;
  GtkWidget    *edit_row;
  GtkWidget    *move_row;

  QingStore    *store;
  gint64        mentor_id;
  gint64        student_id;
  char         *care_text;
};

G_DEFINE_FINAL_TYPE (QingStudentPage, qing_student_page, GTK_TYPE_WIDGET)

/* "Key care. You proposed clear signs on Nov 25: waiting for the counselor." */
static char *
describe_care (QingStudentPage *self, QingCareLevel level)
{
  g_autoptr (GPtrArray) history = qing_store_list_care_level_history (self->store, self->student_id, NULL);
  const char *label = qing_mentor_care_label (level);
  GString *text = g_string_new (label != NULL ? label : _("No special care"));

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      QingCareLevelChange *change = g_ptr_array_index (history, i);
      g_autoptr (GDateTime) when = NULL;
      g_autofree char *day = NULL;

      if (change->status != QING_CARE_CHANGE_PROPOSED)
        continue;
      when = g_date_time_new_from_unix_local (change->set_at_utc);
      /* Translators: a day, strftime format (zh_CN: %-m月%-d日) */
      day = g_date_time_format (when, _("%b %-d"));
      g_string_append (text, "\n");
      g_string_append_printf (text, _("Proposed on %s: %s — waiting for the counselor to confirm."),
                              day, qing_mentor_care_label (change->level) != NULL
                                     ? qing_mentor_care_label (change->level) : _("No special care"));
      break;
    }
  return g_string_free (text, FALSE);
}

static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
show_guardian_talks (QingStudentPage *self)
{
  QingViewer viewer = { self->mentor_id, QING_ROLE_MENTOR };
  gint64 now = qing_clock_get_now_unix (qing_store_get_clock (self->store));
  g_autoptr (GPtrArray) talks = NULL;
  guint shown = 0;

  remove_rows (self->guardian_list);
  talks = qing_store_list_talks (self->store, &viewer, self->student_id,
                                 now - (gint64) GUARDIAN_TALK_DAYS * 86400, now + 1, NULL);
  for (guint i = talks != NULL ? talks->len : 0; i > 0 && shown < GUARDIAN_TALKS_SHOWN; i--)
    {
      QingTalk *talk = g_ptr_array_index (talks, i - 1);
      g_autoptr (GDateTime) start = NULL;
      g_autofree char *day = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (!qing_talk_get_with_guardian (talk) || qing_talk_get_listener_role (talk) != QING_ROLE_MENTOR)
        continue;
      start = qing_talk_dup_start_local (talk, qing_clock_get_timezone (qing_store_get_clock (self->store)));
      day = g_date_time_format (start, _("%b %-d"));
      /* Translators: a talk with parents: "Nov 25 · Phone · 20 min" */
      title = g_strdup_printf (_("%s · %s · %d min"), day,
                               qing_mentor_mode_label (qing_talk_get_mode (talk)),
                               qing_talk_get_duration (talk) / 60);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (qing_talk_get_note (talk) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), qing_talk_get_note (talk));
      gtk_list_box_append (self->guardian_list, row);
      shown++;
    }
}

static void
set_targets (QingStudentPage *self)
{
  GVariant *id = g_variant_new_int64 (self->student_id);
  GtkWidget *simple[] = { self->start_button, self->flag_row, self->guardian_button,
                          self->edit_row, self->move_row };

  g_variant_ref_sink (id);
  for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (simple[i]), id);
  g_variant_unref (id);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->key_care_row),
                                          g_variant_new ("(xi)", self->student_id, QING_CARE_KEY_CARE));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->clear_signs_row),
                                          g_variant_new ("(xi)", self->student_id, QING_CARE_CLEAR_SIGNS));
}

static void
show_cadence (AdwActionRow *row, const QingCadenceStatus *status, QingCadenceState state)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), state != QING_CADENCE_NOT_APPLICABLE && status != NULL);
  if (state == QING_CADENCE_NOT_APPLICABLE || status == NULL)
    return;
  text = qing_cadence_describe_status (status);
  adw_action_row_set_subtitle (row, text);
}

/* Shows the student of @row. */
void
qing_student_page_show (QingStudentPage *self, QingRosterEntry *row)
{
  g_autofree char *since = NULL;
  g_autofree char *cycle = NULL;
  QingCareLevel care;

  g_return_if_fail (QING_IS_STUDENT_PAGE (self));
  g_return_if_fail (QING_IS_ROSTER_ENTRY (row));
  g_return_if_fail (self->store != NULL);

  self->student_id = qing_roster_entry_get_student_id (row);
  care = qing_roster_entry_get_care_level (row);
  gtk_label_set_text (self->name_label, qing_roster_entry_get_name (row));
  since = qing_mentor_format_days_since (qing_roster_entry_get_days_since_last_talk (row));
  cycle = g_strdup_printf ("%s\n%s", qing_roster_entry_get_status_text (row), since);
  adw_action_row_set_subtitle (self->cycle_row, cycle);
  g_free (self->care_text);
  self->care_text = describe_care (self, care);
  adw_action_row_set_subtitle (self->care_row, self->care_text);
  show_cadence (self->at_risk_row, qing_roster_entry_get_at_risk_status (row),
                qing_roster_entry_get_at_risk_state (row));
  show_cadence (self->guardian_row, qing_roster_entry_get_guardian_status (row),
                qing_roster_entry_get_guardian_state (row));
  gtk_widget_set_sensitive (self->key_care_row, care != QING_CARE_KEY_CARE);
  gtk_widget_set_sensitive (self->clear_signs_row, care != QING_CARE_CLEAR_SIGNS);
  set_targets (self);
  show_guardian_talks (self);
}

/* Points the page at @store, seen by the mentor @mentor_id. */
void
qing_student_page_setup (QingStudentPage *self, QingStore *store, gint64 mentor_id)
{
  g_return_if_fail (QING_IS_STUDENT_PAGE (self));
  g_return_if_fail (QING_IS_STORE (store));
  g_set_object (&self->store, store);
  self->mentor_id = mentor_id;
}

/* The student shown, or 0. */
gint64
qing_student_page_get_student_id (QingStudentPage *self)
{
  g_return_val_if_fail (QING_IS_STUDENT_PAGE (self), 0);
  return self->student_id;
}

/* The care level text.  (transfer none) */
const char *
qing_student_page_get_care_text (QingStudentPage *self)
{
  g_return_val_if_fail (QING_IS_STUDENT_PAGE (self), NULL);
  return self->care_text;
}

/* Template children without an id are not cleared by
 * gtk_widget_dispose_template(). */
static void
unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

static void
qing_student_page_dispose (GObject *object)
{
  QingStudentPage *self = QING_STUDENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), QING_TYPE_STUDENT_PAGE);
  unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->store);
  g_clear_pointer (&self->care_text, g_free);
  G_OBJECT_CLASS (qing_student_page_parent_class)->dispose (object);
}

static void
qing_student_page_class_init (QingStudentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_student_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/mentor/qing-student-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, care_row);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, at_risk_row);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, guardian_row);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, flag_row);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, key_care_row);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, clear_signs_row);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, guardian_button);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, guardian_list);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, edit_row);
  gtk_widget_class_bind_template_child (widget_class, QingStudentPage, move_row);
}

static void
qing_student_page_init (QingStudentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
