/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-mentor-util.h"
#include "qing-roster-item.h"

struct _QingRosterItem
{
  GtkWidget  parent_instance;

  GtkLabel  *name_label;
  GtkLabel  *care_badge;
  GtkLabel  *status_label;
  GtkLabel  *since_label;
  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (QingRosterItem, qing_roster_item, GTK_TYPE_WIDGET)

static void
set_state_class (QingRosterItem *self, QingRosterEntry *row)
{
  QingRosterState state = row != NULL ? qing_roster_entry_get_state (row) : QING_ROSTER_NOT_APPLICABLE;
  GtkWidget *label = GTK_WIDGET (self->status_label);

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  if (state == QING_ROSTER_DONE)
    gtk_widget_add_css_class (label, "success");
  else if (state == QING_ROSTER_OVERDUE)
    gtk_widget_add_css_class (label, "error");
  else if (state == QING_ROSTER_NOT_APPLICABLE)
    gtk_widget_add_css_class (label, "dim-label");
}

/* Shows @row, or nothing when NULL (a recycled row being unbound). */
void
qing_roster_item_set_row (QingRosterItem *self, QingRosterEntry *row)
{
  g_autofree char *since = NULL;
  g_autofree char *status = NULL;
  const char *care;

  g_return_if_fail (QING_IS_ROSTER_ITEM (self));
  g_return_if_fail (row == NULL || QING_IS_ROSTER_ENTRY (row));

  if (row == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->status_label, "");
      gtk_label_set_text (self->since_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->care_badge), FALSE);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->start_button), g_variant_new_int64 (0));
      return;
    }

  care = qing_mentor_care_label (qing_roster_entry_get_care_level (row));
  if (qing_roster_entry_get_missed_last_cycle (row))
    /* Translators: a roster status followed by a note, e.g. "3 school days left · missed last cycle" */
    status = g_strdup_printf (_("%s · missed last cycle"), qing_roster_entry_get_status_text (row));
  else
    status = g_strdup (qing_roster_entry_get_status_text (row));
  since = qing_mentor_format_days_since (qing_roster_entry_get_days_since_last_talk (row));

  gtk_label_set_text (self->name_label, qing_roster_entry_get_name (row));
  gtk_label_set_text (self->status_label, status);
  gtk_label_set_text (self->since_label, since);
  gtk_label_set_text (self->care_badge, care != NULL ? care : "");
  gtk_widget_set_visible (GTK_WIDGET (self->care_badge), care != NULL);
  set_state_class (self, row);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->start_button),
                                          g_variant_new_int64 (qing_roster_entry_get_student_id (row)));
}

/* The status line shown.  (transfer none) */
const char *
qing_roster_item_get_status_text (QingRosterItem *self)
{
  g_return_val_if_fail (QING_IS_ROSTER_ITEM (self), NULL);
  return gtk_label_get_text (self->status_label);
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
qing_roster_item_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QING_TYPE_ROSTER_ITEM);
  unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (qing_roster_item_parent_class)->dispose (object);
}

static void
qing_roster_item_class_init (QingRosterItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_roster_item_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/mentor/qing-roster-item.ui");
  gtk_widget_class_bind_template_child (widget_class, QingRosterItem, name_label);
  gtk_widget_class_bind_template_child (widget_class, QingRosterItem, care_badge);
  gtk_widget_class_bind_template_child (widget_class, QingRosterItem, status_label);
  gtk_widget_class_bind_template_child (widget_class, QingRosterItem, since_label);
  gtk_widget_class_bind_template_child (widget_class, QingRosterItem, start_button);
}

static void
qing_roster_item_init (QingRosterItem *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Creates an empty row.  Returns: a floating widget. */
GtkWidget *
qing_roster_item_new (void)
{
  return g_object_new (QING_TYPE_ROSTER_ITEM, NULL);
}
