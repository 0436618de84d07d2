/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingImportDialog: previews a CSV roster (qing-roster-import.h) and
 * imports it into the mentor's group.
 */
#include <glib/gi18n.h>

#include "qing-import-dialog.h"
#include "qing-repository.h"
#include "qing-roster-import.h"

struct _QingImportDialog
{
  AdwWindow         parent_instance;

  GtkWidget        *import_button;
  GtkLabel         *summary_label;
  GtkWidget        *problem_scroller;
  GtkListBox       *problem_list;
  GtkListView      *row_list;

  QingStore        *store;
  QingRosterImport *import;
  gint64            mentor_id;
  gint64            group_id;
};

G_DEFINE_FINAL_TYPE (QingImportDialog, qing_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
add_problem_row (QingImportDialog *self, const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_append (self->problem_list, label);
}

static char *
describe_row (const QingRosterRow *row)
{
  /* Translators: shown for a row of a class list without a name */
  GString *text = g_string_new (row->name != NULL ? row->name : _("(no name)"));

  if (row->student_number != NULL)
    g_string_append_printf (text, " · %s", row->student_number);
  if (row->class_name != NULL)
    g_string_append_printf (text, " · %s", row->class_name);
  if (row->group_name != NULL)
    g_string_append_printf (text, " · %s", row->group_name);
  return g_string_free (text, FALSE);
}

static void
setup_row_label (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_row_label (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static void
show_rows (QingImportDialog *self)
{
  g_autoptr (GtkStringList) rows = gtk_string_list_new (NULL);
  guint n = qing_roster_import_get_n_rows (self->import);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = describe_row (qing_roster_import_get_row (self->import, i));

      gtk_string_list_append (rows, text);
    }
  gtk_list_view_set_model (self->row_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));
}

static void
show_preview (QingImportDialog *self)
{
  guint n_rows = qing_roster_import_get_n_rows (self->import);
  guint n_problems = qing_roster_import_get_n_problems (self->import);
  g_autofree char *found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student found in the file.",
                                                         "%u students found in the file.", n_rows), n_rows);
  g_autofree char *summary = NULL;

  if (n_problems > 0)
    /* Translators: two sentences in a row (zh_CN: "%s%s", without a space) */
    summary = g_strdup_printf (_("%s %s"), found,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Fix the problem below in the file, then open it again. Nothing has been saved.",
                                            "Fix the problems below in the file, then open it again. Nothing has been saved.",
                                            n_problems));
  else
    summary = g_strdup_printf (_("%s %s"), found, _("Nothing has been saved yet: check the list, then press Import."));
  gtk_label_set_text (self->summary_label, summary);

  for (guint i = 0; i < n_problems; i++)
    add_problem_row (self, qing_roster_import_get_problem (self->import, i)->message);
  gtk_widget_set_visible (self->problem_scroller, n_problems > 0);
  show_rows (self);
}

static void
update_import_enabled (QingImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit",
                                 qing_import_dialog_can_import (self));
}

static gint64
ensure_group (QingImportDialog *self, GError **error)
{
  const QingRosterRow *first = qing_roster_import_get_row (self->import, 0);
  g_autoptr (QingGroup) group = NULL;

  if (self->group_id != 0)
    return self->group_id;
  group = qing_group_new (QING_GROUP_CLASS,
                          first != NULL && first->class_name != NULL ? first->class_name : _("My Class"),
                          self->mentor_id);
  if (!qing_store_add_group (self->store, group, error))
    return 0;
  self->group_id = qing_group_get_id (group);
  return self->group_id;
}

static void
commit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingImportDialog *self = QING_IMPORT_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  gint64 group_id;

  if (!qing_import_dialog_can_import (self))
    return;
  group_id = ensure_group (self, &error);
  if (group_id == 0 || !qing_roster_import_commit (self->store, self->import, group_id, &error))
    {
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, group_id, qing_roster_import_get_n_rows (self->import));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
qing_import_dialog_dispose (GObject *object)
{
  QingImportDialog *self = QING_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (qing_import_dialog_parent_class)->dispose (object);
}

static void
qing_import_dialog_class_init (QingImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_import_dialog_dispose;
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/mentor/qing-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QingImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, QingImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QingImportDialog, problem_scroller);
  gtk_widget_class_bind_template_child (widget_class, QingImportDialog, problem_list);
  gtk_widget_class_bind_template_child (widget_class, QingImportDialog, row_list);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qing_import_dialog_init (QingImportDialog *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_label), NULL);
  gtk_list_view_set_factory (self->row_list, factory);
}

/* Reads @file and shows its preview.  Returns: (transfer none). */
QingImportDialog *
qing_import_dialog_new (QingStore *store, GFile *file, gint64 mentor_id, gint64 group_id)
{
  QingImportDialog *self;
  g_autoptr (GHashTable) known = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (QING_TYPE_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->mentor_id = mentor_id;
  self->group_id = group_id;
  path = g_file_get_path (file);
  known = qing_roster_import_dup_known_numbers (store, &error);
  if (known != NULL)
    self->import = qing_roster_import_new_from_file (path, known, &error);
  if (self->import == NULL)
    gtk_label_set_text (self->summary_label, error->message);
  else
    show_preview (self);
  update_import_enabled (self);
  return self;
}

/* The sentence on top.  (transfer none) */
const char *
qing_import_dialog_get_summary (QingImportDialog *self)
{
  g_return_val_if_fail (QING_IS_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

/* Students found in the file. */
guint
qing_import_dialog_get_n_rows (QingImportDialog *self)
{
  g_return_val_if_fail (QING_IS_IMPORT_DIALOG (self), 0);
  return self->import != NULL ? qing_roster_import_get_n_rows (self->import) : 0;
}

/* Problems found in the file. */
guint
qing_import_dialog_get_n_problems (QingImportDialog *self)
{
  g_return_val_if_fail (QING_IS_IMPORT_DIALOG (self), 0);
  return self->import != NULL ? qing_roster_import_get_n_problems (self->import) : 0;
}

/* Whether Import can be pressed: a file without problems and with rows. */
gboolean
qing_import_dialog_can_import (QingImportDialog *self)
{
  g_return_val_if_fail (QING_IS_IMPORT_DIALOG (self), FALSE);
  return self->import != NULL && qing_roster_import_get_n_problems (self->import) == 0
         && qing_roster_import_get_n_rows (self->import) > 0;
}
