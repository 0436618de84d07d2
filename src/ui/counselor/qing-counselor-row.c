/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingCounselorRow: see qing-counselor-row.h.
 */
#include "qing-counselor-row.h"

#define N_BUTTONS 3

struct _QingCounselorRow
{
  GtkWidget  parent_instance;

  GtkLabel  *badge;
  GtkLabel  *title;
  GtkLabel  *aside;
  GtkLabel  *body;
  GtkLabel  *caption;
  GtkWidget *buttons;
  GtkButton *button[N_BUTTONS];
  char      *badge_style;
};

G_DEFINE_FINAL_TYPE (QingCounselorRow, qing_counselor_row, GTK_TYPE_WIDGET)

static void
qing_counselor_row_dispose (GObject *object)
{
  QingCounselorRow *self = QING_COUNSELOR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_COUNSELOR_ROW);
  /* The template's outer box is not bound by name: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->badge_style, g_free);
  G_OBJECT_CLASS (qing_counselor_row_parent_class)->dispose (object);
}

static void
qing_counselor_row_class_init (QingCounselorRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = qing_counselor_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/counselor/qing-counselor-row.ui");
  gtk_widget_class_bind_template_child (widget_class, QingCounselorRow, badge);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorRow, title);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorRow, aside);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorRow, body);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorRow, caption);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorRow, buttons);
  gtk_widget_class_bind_template_child_full (widget_class, "button0", FALSE,
                                             G_STRUCT_OFFSET (QingCounselorRow, button[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "button1", FALSE,
                                             G_STRUCT_OFFSET (QingCounselorRow, button[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "button2", FALSE,
                                             G_STRUCT_OFFSET (QingCounselorRow, button[2]));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qing-counselor-row");
}

static void
qing_counselor_row_init (QingCounselorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns a new, empty row (floating). */
GtkWidget *
qing_counselor_row_new (void)
{
  return g_object_new (QING_TYPE_COUNSELOR_ROW, NULL);
}

static void
set_label (GtkLabel *label, const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* Sets the texts and the badge's style (see the header). */
void
qing_counselor_row_set_texts (QingCounselorRow *self,
                              const char       *badge,
                              const char       *badge_style,
                              const char       *title,
                              const char       *aside,
                              const char       *body,
                              const char       *caption)
{
  g_return_if_fail (QING_IS_COUNSELOR_ROW (self));

  set_label (self->badge, badge);
  if (self->badge_style != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge), self->badge_style);
  g_free (self->badge_style);
  self->badge_style = g_strdup (badge_style);
  if (badge_style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge), badge_style);
  set_label (self->title, title);
  set_label (self->aside, aside);
  set_label (self->body, body);
  set_label (self->caption, caption);
}

static void
update_buttons_visible (QingCounselorRow *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < N_BUTTONS; i++)
    any |= gtk_widget_get_visible (GTK_WIDGET (self->button[i]));
  gtk_widget_set_visible (self->buttons, any);
}

/* Sets (or hides, with a NULL @label) one of the row's buttons. */
void
qing_counselor_row_set_button (QingCounselorRow *self,
                               guint             index,
                               const char       *label,
                               const char       *action,
                               GVariant         *target)
{
  g_autoptr (GVariant) owned = target != NULL ? g_variant_ref_sink (target) : NULL;

  g_return_if_fail (QING_IS_COUNSELOR_ROW (self));
  g_return_if_fail (index < N_BUTTONS);

  gtk_widget_set_visible (GTK_WIDGET (self->button[index]), label != NULL);
  if (label != NULL)
    {
      gtk_button_set_label (self->button[index], label);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->button[index]), owned);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button[index]), action);
    }
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button[index]), NULL);
  update_buttons_visible (self);
}

/* Returns the label of a visible button, or NULL. */
const char *
qing_counselor_row_get_button_label (QingCounselorRow *self, guint index)
{
  g_return_val_if_fail (QING_IS_COUNSELOR_ROW (self) && index < N_BUTTONS, NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->button[index])))
    return NULL;
  return gtk_button_get_label (self->button[index]);
}

/* Returns button @index (owned by the row). */
GtkButton *
qing_counselor_row_get_button (QingCounselorRow *self, guint index)
{
  g_return_val_if_fail (QING_IS_COUNSELOR_ROW (self) && index < N_BUTTONS, NULL);
  return self->button[index];
}

/* Returns the title shown (owned by the row). */
const char *
qing_counselor_row_get_title (QingCounselorRow *self)
{
  g_return_val_if_fail (QING_IS_COUNSELOR_ROW (self), NULL);
  return gtk_label_get_label (self->title);
}
