/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-child-dialog.h"
#include "qing-parent-data.h"
#include "qing-store-composite.h"

struct _QingChildDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *class_row;
  AdwActionRow   *birthday_row;
  GtkMenuButton  *birthday_button;
  GtkCalendar    *calendar;
  GtkLabel       *error_label;

  QingStore      *store;
  gint64          guardian_id;
  QingPerson     *child;
  char           *birthday; /* "YYYY-MM-DD" or NULL */
};

G_DEFINE_FINAL_TYPE (QingChildDialog, qing_child_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_GUARDIAN_ID,
  PROP_CHILD,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
show_birthday (QingChildDialog *self)
{
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;

  if (self->birthday != NULL)
    {
      iso = g_strdup_printf ("%sT12:00:00Z", self->birthday);
      date = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (date != NULL)
    /* Translators: a birthday, in strftime format (zh_CN: %Y年%-m月%-d日) */
    text = g_date_time_format (date, _("%B %-d, %Y"));
  gtk_menu_button_set_label (self->birthday_button, text != NULL ? text : _("Choose…"));
}

static void
on_calendar_day_selected (QingChildDialog *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->calendar);

  g_free (self->birthday);
  self->birthday = g_date_time_format (date, "%Y-%m-%d");
  show_birthday (self);
  gtk_menu_button_popdown (self->birthday_button);
}

static void
on_clear_birthday_clicked (QingChildDialog *self)
{
  g_clear_pointer (&self->birthday, g_free);
  show_birthday (self);
  gtk_menu_button_popdown (self->birthday_button);
}

static void
on_name_row_changed (QingChildDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", *name != '\0');
}

static void
show_error (QingChildDialog *self, const GError *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingChildDialog *self = QING_CHILD_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *class_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->class_row))));
  g_autoptr (QingPerson) child = NULL;
  g_autoptr (GError) error = NULL;

  if (*name == '\0')
    return;
  child = self->child != NULL ? g_object_ref (self->child)
                              : qing_person_new (QING_PERSON_STUDENT, name);
  qing_person_set_name (child, name);
  qing_person_set_birthday (child, self->birthday);
  /* The child and their class in one transaction: a failure saves neither,
   * so pressing Save again cannot add the child twice. */
  if (!qing_store_save_child_with_class (self->store, self->guardian_id, child, class_name,
                                         &error))
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, child);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
qing_child_dialog_constructed (GObject *object)
{
  QingChildDialog *self = QING_CHILD_DIALOG (object);

  G_OBJECT_CLASS (qing_child_dialog_parent_class)->constructed (object);

  if (self->child != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Child"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), qing_person_get_name (self->child));
      if (qing_person_get_class_name (self->child) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->class_row),
                               qing_person_get_class_name (self->child));
      self->birthday = g_strdup (qing_person_get_birthday (self->child));
    }
  else
    adw_window_title_set_title (self->window_title, _("Add Your Child"));
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  on_name_row_changed (self);
  show_birthday (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

static void
qing_child_dialog_dispose (GObject *object)
{
  QingChildDialog *self = QING_CHILD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->child);
  G_OBJECT_CLASS (qing_child_dialog_parent_class)->dispose (object);
}

static void
qing_child_dialog_finalize (GObject *object)
{
  g_free (QING_CHILD_DIALOG (object)->birthday);
  G_OBJECT_CLASS (qing_child_dialog_parent_class)->finalize (object);
}

static void
qing_child_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingChildDialog *self = QING_CHILD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_GUARDIAN_ID: g_value_set_int64 (value, self->guardian_id); break;
    case PROP_CHILD: g_value_set_object (value, self->child); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_child_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  QingChildDialog *self = QING_CHILD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_GUARDIAN_ID: self->guardian_id = g_value_get_int64 (value); break;
    case PROP_CHILD: self->child = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_child_dialog_class_init (QingChildDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = qing_child_dialog_constructed;
  object_class->dispose = qing_child_dialog_dispose;
  object_class->finalize = qing_child_dialog_finalize;
  object_class->get_property = qing_child_dialog_get_property;
  object_class->set_property = qing_child_dialog_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE, flags);
  properties[PROP_GUARDIAN_ID] = g_param_spec_int64 ("guardian-id", NULL, NULL,
                                                     0, G_MAXINT64, 0, flags);
  properties[PROP_CHILD] = g_param_spec_object ("child", NULL, NULL, QING_TYPE_PERSON, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, QING_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/parent/qing-child-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QingChildDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, QingChildDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, QingChildDialog, class_row);
  gtk_widget_class_bind_template_child (widget_class, QingChildDialog, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, QingChildDialog, birthday_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, QingChildDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_birthday_clicked);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qing_child_dialog_init (QingChildDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Creates the dialog that adds a child to @guardian_id (@child NULL) or
 * edits @child.  Returns a new toplevel; present it, it destroys itself. */
QingChildDialog *
qing_child_dialog_new (QingStore *store, gint64 guardian_id, QingPerson *child)
{
  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (child == NULL || QING_IS_PERSON (child), NULL);
  return g_object_new (QING_TYPE_CHILD_DIALOG, "store", store, "guardian-id", guardian_id,
                       "child", child, NULL);
}

/* Returns the name entry (owned by the dialog). */
GtkEditable *
qing_child_dialog_get_name_row (QingChildDialog *self)
{
  g_return_val_if_fail (QING_IS_CHILD_DIALOG (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

/* Returns the class entry (owned by the dialog). */
GtkEditable *
qing_child_dialog_get_class_row (QingChildDialog *self)
{
  g_return_val_if_fail (QING_IS_CHILD_DIALOG (self), NULL);
  return GTK_EDITABLE (self->class_row);
}

/* Sets the birthday as "YYYY-MM-DD", or none with NULL. */
void
qing_child_dialog_set_birthday (QingChildDialog *self, const char *iso_date)
{
  g_return_if_fail (QING_IS_CHILD_DIALOG (self));
  g_free (self->birthday);
  self->birthday = g_strdup (iso_date);
  show_birthday (self);
}

/* Returns the error shown in the dialog, or NULL (owned by the dialog). */
const char *
qing_child_dialog_get_error_text (QingChildDialog *self)
{
  g_return_val_if_fail (QING_IS_CHILD_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
