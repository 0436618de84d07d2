/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingCasePage: see qing-case-page.h.
 */
#include <glib/gi18n.h>

#include "qing-case-page.h"
#include "qing-counselor-row.h"

struct _QingCasePage
{
  GtkWidget      parent_instance;

  QingStore     *store;
  gint64         counselor_id;
  gint64         case_id;
  GListStore    *events;

  GtkLabel      *title_label;
  GtkLabel      *status_label;
  GtkListBox    *timeline;
  GtkLabel      *error_label;
  GtkWidget     *actions_box;
  GtkWidget     *closed_label;
  AdwEntryRow   *note_row;
  AdwEntryRow   *referral_row;
  GtkWidget     *status_button;
};

G_DEFINE_FINAL_TYPE (QingCasePage, qing_case_page, GTK_TYPE_WIDGET)

static QingViewer
viewer_of (QingCasePage *self)
{
  QingViewer viewer = { self->counselor_id, QING_ROLE_COUNSELOR };
  return viewer;
}

static char *
format_local (QingCasePage *self, gint64 utc)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local = NULL;

  if (dt == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (dt, qing_clock_get_timezone (qing_store_get_clock (self->store)));
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
show_error (QingCasePage *self, const GError *error)
{
  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
reload (QingCasePage *self)
{
  QingViewer viewer = viewer_of (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (QingCase) kase = NULL;
  g_autoptr (GPtrArray) events = NULL;
  gboolean closed;

  g_list_store_remove_all (self->events);
  if (self->case_id <= 0)
    return;
  kase = qing_store_get_case (self->store, &viewer, self->case_id, &error);
  if (kase != NULL)
    events = qing_store_list_case_events (self->store, &viewer, self->case_id, &error);
  if (events == NULL)
    {
      show_error (self, error);
      return;
    }
  g_list_store_splice (self->events, 0, 0, events->pdata, events->len);
  gtk_label_set_label (self->title_label, qing_case_get_student_name (kase));
  gtk_label_set_label (self->status_label, qing_case_status_to_string (qing_case_get_status (kase)));
  closed = qing_case_get_status (kase) == QING_CASE_CLOSED;
  gtk_widget_set_visible (self->actions_box, !closed);
  gtk_widget_set_visible (self->closed_label, closed);
  /* The status button offers the other of open / monitoring. */
  gtk_button_set_label (GTK_BUTTON (self->status_button),
                        qing_case_get_status (kase) == QING_CASE_MONITORING ? _("Reopen")
                                                                            : _("Monitor"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->status_button), "i",
                                    qing_case_get_status (kase) == QING_CASE_MONITORING
                                    ? QING_CASE_OPEN : QING_CASE_MONITORING);
}

static void
append (QingCasePage *self, QingCaseEventKind kind, QingCaseStatus status, const char *referred,
        const char *note)
{
  g_autoptr (GError) error = NULL;

  if (qing_store_append_case_event (self->store, self->case_id, kind, self->counselor_id, status,
                                    referred, note, &error) == 0)
    {
      show_error (self, error);
      return;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  if (kind == QING_CASE_EVENT_REFERRED)
    gtk_editable_set_text (GTK_EDITABLE (self->referral_row), "");
  reload (self);
}

static const char *
note_text (QingCasePage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->note_row));
}

static void
add_note_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCasePage *self = QING_CASE_PAGE (widget);

  append (self, QING_CASE_EVENT_NOTED, 0, NULL, note_text (self));
}

static void
set_status_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCasePage *self = QING_CASE_PAGE (widget);

  append (self, QING_CASE_EVENT_STATUS_CHANGED, g_variant_get_int32 (param), NULL,
          note_text (self));
}

static void
refer_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCasePage *self = QING_CASE_PAGE (widget);

  append (self, QING_CASE_EVENT_REFERRED, 0,
          gtk_editable_get_text (GTK_EDITABLE (self->referral_row)), note_text (self));
}

static void
on_close_response (AdwMessageDialog *dialog, const char *response, QingCasePage *self)
{
  if (g_strcmp0 (response, "close") == 0)
    append (self, QING_CASE_EVENT_CLOSED, 0, NULL, note_text (self));
}

static void
close_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  QingCasePage *self = QING_CASE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Close This Case?"),
                                                       _("A closed case stays in the records "
                                                         "as it is and takes no more steps. "
                                                         "If the student needs help again, "
                                                         "open a new case.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "close", _("Close _Case"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
event_style (QingCaseEventKind kind)
{
  switch (kind)
    {
    case QING_CASE_EVENT_RAISED: return "serious";
    case QING_CASE_EVENT_REFERRED: return "crisis";
    case QING_CASE_EVENT_CLOSED: return "done";
    default: return NULL;
    }
}

static GtkWidget *
create_event (gpointer item, gpointer user_data)
{
  QingCasePage *self = user_data;
  QingCaseEvent *event = item;
  QingCounselorRow *row = QING_COUNSELOR_ROW (qing_counselor_row_new ());
  GtkWidget *list_row;
  g_autofree char *when = format_local (self, qing_case_event_get_at_utc (event));
  g_autofree char *caption = NULL;

  if (qing_case_event_get_kind (event) == QING_CASE_EVENT_STATUS_CHANGED)
    caption = g_strdup_printf (_("Status: %s"),
                               qing_case_status_to_string (qing_case_event_get_status (event)));
  else if (qing_case_event_get_kind (event) == QING_CASE_EVENT_REFERRED)
    caption = g_strdup_printf (_("Referred to %s"), qing_case_event_get_referred_to (event));
  qing_counselor_row_set_texts (row, qing_case_event_kind_to_string (qing_case_event_get_kind (event)),
                                event_style (qing_case_event_get_kind (event)),
                                qing_case_event_get_by_name (event), when,
                                qing_case_event_get_note (event), caption);
  list_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), GTK_WIDGET (row));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  return list_row;
}

static void
qing_case_page_dispose (GObject *object)
{
  QingCasePage *self = QING_CASE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_CASE_PAGE);
  /* The template's outer box is not bound by name: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->events);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (qing_case_page_parent_class)->dispose (object);
}

static void
qing_case_page_class_init (QingCasePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = qing_case_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/counselor/qing-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QingCasePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, QingCasePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, QingCasePage, timeline);
  gtk_widget_class_bind_template_child (widget_class, QingCasePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, QingCasePage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, QingCasePage, closed_label);
  gtk_widget_class_bind_template_child (widget_class, QingCasePage, note_row);
  gtk_widget_class_bind_template_child (widget_class, QingCasePage, referral_row);
  gtk_widget_class_bind_template_child (widget_class, QingCasePage, status_button);
  gtk_widget_class_install_action (widget_class, "case.add-note", NULL, add_note_activated);
  gtk_widget_class_install_action (widget_class, "case.set-status", "i", set_status_activated);
  gtk_widget_class_install_action (widget_class, "case.refer", NULL, refer_activated);
  gtk_widget_class_install_action (widget_class, "case.close", NULL, close_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qing_case_page_init (QingCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->events = g_list_store_new (QING_TYPE_CASE_EVENT);
  gtk_list_box_bind_model (self->timeline, G_LIST_MODEL (self->events), create_event, self, NULL);
}

/* Returns a new page (floating) writing as @counselor_id into @store. */
GtkWidget *
qing_case_page_new (QingStore *store, gint64 counselor_id)
{
  QingCasePage *self;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  self = g_object_new (QING_TYPE_CASE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->counselor_id = counselor_id;
  return GTK_WIDGET (self);
}

/* Shows case @case_id (0: nothing), with empty entries. */
void
qing_case_page_set_case (QingCasePage *self, gint64 case_id)
{
  g_return_if_fail (QING_IS_CASE_PAGE (self));

  self->case_id = case_id;
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->referral_row), "");
  reload (self);
}

/* Returns the case shown, 0 if none. */
gint64
qing_case_page_get_case_id (QingCasePage *self)
{
  g_return_val_if_fail (QING_IS_CASE_PAGE (self), 0);
  return self->case_id;
}

/* Returns the timeline (transfer none). */
GListModel *
qing_case_page_get_events (QingCasePage *self)
{
  g_return_val_if_fail (QING_IS_CASE_PAGE (self), NULL);
  return G_LIST_MODEL (self->events);
}

/* Fills in the note entry (for tests). */
void
qing_case_page_set_note_text (QingCasePage *self, const char *text)
{
  g_return_if_fail (QING_IS_CASE_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), text);
}

/* Fills in the referral entry (for tests). */
void
qing_case_page_set_referral_text (QingCasePage *self, const char *text)
{
  g_return_if_fail (QING_IS_CASE_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->referral_row), text);
}

/* Returns the error sentence shown, or NULL. */
const char *
qing_case_page_get_error_text (QingCasePage *self)
{
  g_return_val_if_fail (QING_IS_CASE_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_label (self->error_label) : NULL;
}
