/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-crisis.h"
#include "qing-mentor-util.h"
#include "qing-mentor-view-private.h"
#include "qing-roster-item.h"
#include "qing-store-composite.h"
#include "qing-store-peer.h"
#include "qing-store-plan.h"
#include "qing-window.h"
#include "shared/qing-shared-style.h"

#define CSS_RESOURCE "/io/github/qingting/Qingting/ui/mentor/qing-mentor.css"

G_DEFINE_FINAL_TYPE (QingMentorView, qing_mentor_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_TIMER_SERVICE,
  PROP_SETTINGS,
  PROP_MENTOR_ID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Who looks at records in this view. */
QingViewer
qing_mentor_view_viewer (QingMentorView *self)
{
  QingViewer viewer = { self->mentor_id, QING_ROLE_MENTOR };
  return viewer;
}

/* Shows @error as a toast. */
void
qing_mentor_view_show_error (QingMentorView *self, const GError *error)
{
  qing_mentor_view_toast (self, error->message);
}

/* Shows @text as a toast. */
void
qing_mentor_view_toast (QingMentorView *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Remembers the dialog open now (weakly). */
void
qing_mentor_view_set_dialog (QingMentorView *self, GtkWindow *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
}

/* The school's crisis steps: the Preferences text, or the default.
 * Returns: (transfer full). */
char *
qing_mentor_view_dup_crisis_steps (QingMentorView *self)
{
  if (self->settings != NULL)
    {
      g_autofree char *custom = g_strstrip (g_settings_get_string (self->settings, "crisis-steps"));

      if (*custom != '\0')
        return g_steal_pointer (&custom);
    }
  return g_strdup (qing_crisis_steps_default ());
}

static void
ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr (GtkCssProvider) provider = NULL;

  qing_shared_style_ensure (widget);
  if (display == NULL || g_object_get_data (G_OBJECT (display), "qing-mentor-css"))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, CSS_RESOURCE);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "qing-mentor-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static gint64
ensure_mentor (QingStore *store, GError **error)
{
  /* Translators: the name given to the app's user as a mentor until they change it */
  return qing_store_ensure_local_person (store, QING_ROLE_MENTOR, QING_PERSON_STAFF, _("Me"),
                                         error);
}

/* ---- Roster ---- */

static void
setup_roster_item (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  gtk_list_item_set_child (item, qing_roster_item_new ());
}

static void
bind_roster_item (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  qing_roster_item_set_row (QING_ROSTER_ITEM (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
unbind_roster_item (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  qing_roster_item_set_row (QING_ROSTER_ITEM (gtk_list_item_get_child (item)), NULL);
}

static gboolean
match_row (gpointer item, gpointer user_data)
{
  QingMentorView *self = user_data;

  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  return qing_roster_entry_matches (QING_ROSTER_ENTRY (item), self->search);
}

static void
on_search_changed (QingMentorView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_free (self->search);
  self->search = g_steal_pointer (&text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_no_match (QingMentorView *self)
{
  gboolean searching = self->search != NULL && *self->search != '\0';

  gtk_widget_set_visible (self->no_match_label,
                          searching && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0);
}

/* Re-reads the cycle sentence and the peer session line. */
void
qing_mentor_view_update_header (QingMentorView *self)
{
  g_autofree char *peer = NULL;
  QingCadenceStatus status;

  gtk_label_set_text (self->cycle_label, self->roster != NULL ? qing_roster_status_get_header (self->roster) : "");
  /* calendar editor: outside every term, offer to set up the school calendar */
  gtk_widget_set_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), QING_TYPE_MENTOR_VIEW,
                                                                     "calendar_button")),
                          self->roster != NULL && qing_roster_status_get_cycle (self->roster)->number == 0);
  if (self->group_id != 0
      && qing_store_get_peer_status (self->store, self->group_id, qing_clock_get_now_unix (self->clock),
                                     &status, NULL))
    peer = qing_peer_status_describe (&status);
  gtk_label_set_text (self->peer_label, peer != NULL ? peer : "");
}

static void
update_page (QingMentorView *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean empty = self->roster == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->roster)) == 0;

  if (empty && g_strcmp0 (page, "roster") == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (!empty && g_strcmp0 (page, "empty") == 0)
    gtk_stack_set_visible_child_name (self->stack, "roster");
}

static void
on_roster_items_changed (QingMentorView *self)
{
  qing_mentor_view_update_header (self);
  update_page (self);
  update_no_match (self);
  /* The rows are new objects after a refresh: show the student again. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "student") == 0)
    {
      QingRosterEntry *row = qing_roster_status_find (self->roster,
                                                      qing_student_page_get_student_id (self->student_page));

      if (row != NULL)
        qing_student_page_show (self->student_page, row);
      else
        gtk_stack_set_visible_child_name (self->stack, "roster");
    }
}

static void
load_roster (QingMentorView *self)
{
  g_autoptr (GError) error = NULL;
  QingViewer viewer = qing_mentor_view_viewer (self);

  if (self->roster != NULL)
    g_signal_handlers_disconnect_by_data (self->roster, self);
  g_clear_object (&self->roster);
  if (self->group_id != 0)
    {
      self->roster = qing_roster_status_compute (self->store, self->group_id, &viewer,
                                                 qing_clock_get_now_unix (self->clock), &error);
      if (self->roster == NULL)
        qing_mentor_view_show_error (self, error);
    }
  if (self->roster != NULL)
    {
      qing_roster_status_set_sort (self->roster, gtk_drop_down_get_selected (self->sort_dropdown) == 1
                                                   ? QING_ROSTER_SORT_NAME : QING_ROSTER_SORT_URGENCY);
      g_signal_connect_swapped (self->roster, "items-changed", G_CALLBACK (on_roster_items_changed), self);
    }
  gtk_filter_list_model_set_model (self->filtered, self->roster != NULL ? G_LIST_MODEL (self->roster) : NULL);
  qing_plan_page_setup (self->plan_page, self->store, self->mentor_id, self->group_id);
  on_roster_items_changed (self);
}

static void
on_sort_changed (QingMentorView *self)
{
  if (self->roster != NULL)
    qing_roster_status_set_sort (self->roster, gtk_drop_down_get_selected (self->sort_dropdown) == 1
                                                 ? QING_ROSTER_SORT_NAME : QING_ROSTER_SORT_URGENCY);
}

static void
on_roster_activate (QingMentorView *self, guint position)
{
  g_autoptr (QingRosterEntry) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (row != NULL)
    qing_mentor_view_open_student (self, qing_roster_entry_get_student_id (row));
}

/* ---- Groups ---- */

/* Fills the group chooser with the mentor's groups and shows @select_id
 * (or the first group when 0 or not found). */
void
qing_mentor_view_load_groups (QingMentorView *self, gint64 select_id)
{
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GError) error = NULL;
  guint selected = 0;

  groups = qing_store_list_groups (self->store, self->mentor_id, &error);
  if (groups == NULL)
    {
      qing_mentor_view_show_error (self, error);
      return;
    }
  self->loading_groups = TRUE;
  g_array_set_size (self->group_ids, 0);
  gtk_string_list_splice (self->group_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->group_names)),
                          NULL);
  for (guint i = 0; i < groups->len; i++)
    {
      QingGroup *group = g_ptr_array_index (groups, i);
      gint64 id = qing_group_get_id (group);

      g_array_append_val (self->group_ids, id);
      gtk_string_list_append (self->group_names, qing_group_get_name (group));
      if (id == select_id)
        selected = i;
    }
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  /* One group: its name; several: a chooser. */
  gtk_widget_set_visible (GTK_WIDGET (self->group_dropdown), groups->len > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->group_label), groups->len == 1);
  gtk_label_set_text (self->group_label,
                      groups->len == 1 ? qing_group_get_name (g_ptr_array_index (groups, 0)) : "");
  self->loading_groups = FALSE;
  self->group_id = groups->len > 0 ? g_array_index (self->group_ids, gint64, selected) : 0;
  load_roster (self);
}

static void
on_group_selected (QingMentorView *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->loading_groups || selected >= self->group_ids->len)
    return;
  if (g_array_index (self->group_ids, gint64, selected) == self->group_id)
    return;
  self->group_id = g_array_index (self->group_ids, gint64, selected);
  load_roster (self);
}

/* ---- Agenda ---- */

static GtkWidget *
create_agenda_row (gpointer item_ptr, gpointer user_data)
{
  QingPlanItem *item = QING_PLAN_ITEM (item_ptr);
  QingPlanStatus status = qing_plan_item_get_status (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *start;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), qing_plan_item_get_student_name (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), qing_plan_item_get_time_label (item));
  if (status == QING_PLAN_DONE || status == QING_PLAN_SKIPPED)
    {
      GtkWidget *label = gtk_label_new (status == QING_PLAN_DONE ? _("Done") : _("Skipped"));

      gtk_widget_add_css_class (label, status == QING_PLAN_DONE ? "success" : "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      return row;
    }
  start = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  gtk_widget_set_valign (start, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (start, _("Start a Talk"));
  gtk_widget_add_css_class (start, "flat");
  gtk_widget_add_css_class (start, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "mentor.start");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (start),
                                          g_variant_new_int64 (qing_plan_item_get_student_id (item)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), start);
  return row;
}

static void
load_agenda (QingMentorView *self)
{
  g_clear_object (&self->agenda);
  self->agenda = qing_store_today_agenda_model (self->store, self->mentor_id);
  gtk_list_box_bind_model (self->agenda_list, self->agenda, create_agenda_row, self, NULL);
}

/* ---- A talk running ---- */

/* Offers to go back to the mentor's running timer, if one runs. */
static void
update_running (QingMentorView *self)
{
  GListModel *timers = qing_timer_service_get_timers (self->service);
  g_autoptr (QingRunningTimer) mine = NULL;
  g_autoptr (QingPerson) student = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; mine == NULL && i < g_list_model_get_n_items (timers); i++)
    {
      g_autoptr (QingRunningTimer) timer = g_list_model_get_item (timers, i);

      if (qing_running_timer_get_listener_id (timer) == self->mentor_id
          && qing_running_timer_get_role (timer) == QING_ROLE_MENTOR)
        mine = g_steal_pointer (&timer);
    }
  if (mine != NULL)
    student = qing_store_get_person (self->store, qing_running_timer_get_student_id (mine), NULL);
  gtk_widget_set_visible (self->running_button, student != NULL);
  if (student == NULL)
    return;
  /* Translators: a button on the roster while a talk's timer runs */
  label = g_strdup_printf (_("Back to the Talk with %s"), qing_person_get_name (student));
  gtk_button_set_label (GTK_BUTTON (self->running_button), label);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->running_button),
                                          g_variant_new_int64 (qing_person_get_id (student)));
}

/* ---- Pages ---- */

/* Shows page @name ("roster" falls back to "empty" without students). */
void
qing_mentor_view_show_page (QingMentorView *self, const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_page (self);
}

/* Recomputes the roster, the agenda and the status lines now. */
void
qing_mentor_view_refresh (QingMentorView *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (QING_IS_MENTOR_VIEW (self));
  if (self->roster != NULL && !qing_roster_status_refresh (self->roster, &error))
    qing_mentor_view_show_error (self, error);
  if (self->agenda != NULL)
    qing_plan_model_refresh (self->agenda);
  on_roster_items_changed (self);
}

/* ---- GObject ---- */

static void
qing_mentor_view_constructed (GObject *object)
{
  QingMentorView *self = QING_MENTOR_VIEW (object);
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (qing_mentor_view_parent_class)->constructed (object);
  g_assert (QING_IS_STORE (self->store));
  if (self->clock == NULL)
    self->clock = g_object_ref (qing_store_get_clock (self->store));
  if (self->service == NULL)
    self->service = qing_timer_service_new (self->store, self->clock, NULL);
  /* The parent view's timer page; its Back and Finish buttons activate
   * this view's mentor.back and mentor.finish-timer. */
  self->timer_page = g_object_new (QING_TYPE_TIMER_PAGE, "timer-service", self->service,
                                   "action-prefix", "mentor", NULL);
  adw_bin_set_child (ADW_BIN (self->timer_box), GTK_WIDGET (self->timer_page));
  qing_mentor_view_connect_timer_page (self);

  self->mentor_id = ensure_mentor (self->store, &error);
  if (self->mentor_id == 0)
    {
      qing_mentor_view_show_error (self, error);
      return;
    }
  qing_student_page_setup (self->student_page, self->store, self->mentor_id);
  g_signal_connect_object (qing_timer_service_get_timers (self->service), "items-changed",
                           G_CALLBACK (update_running), self, G_CONNECT_SWAPPED);
  update_running (self);
  load_agenda (self);
  qing_mentor_view_load_groups (self, 0);
  if (self->roster != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->roster)) > 0)
    gtk_stack_set_visible_child_name (self->stack, "roster");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
qing_mentor_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingMentorView *self = QING_MENTOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_TIMER_SERVICE:
      g_value_set_object (value, self->service);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_MENTOR_ID:
      g_value_set_int64 (value, self->mentor_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_mentor_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  QingMentorView *self = QING_MENTOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_TIMER_SERVICE:
      self->service = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
qing_mentor_view_dispose (GObject *object)
{
  QingMentorView *self = QING_MENTOR_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->roster != NULL)
    g_signal_handlers_disconnect_by_data (self->roster, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), QING_TYPE_MENTOR_VIEW);
  unparent_children (GTK_WIDGET (object));
  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->roster);
  g_clear_object (&self->agenda);
  g_clear_object (&self->service);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  G_OBJECT_CLASS (qing_mentor_view_parent_class)->dispose (object);
}

static void
qing_mentor_view_class_init (QingMentorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = qing_mentor_view_constructed;
  object_class->get_property = qing_mentor_view_get_property;
  object_class->set_property = qing_mentor_view_set_property;
  object_class->dispose = qing_mentor_view_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, QING_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMER_SERVICE] =
    g_param_spec_object ("timer-service", NULL, NULL, QING_TYPE_TIMER_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MENTOR_ID] =
    g_param_spec_int64 ("mentor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QING_TYPE_PLAN_PAGE);
  g_type_ensure (QING_TYPE_STUDENT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/mentor/qing-mentor-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, stack);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, cycle_label);
  /* calendar editor: no struct member; reached by gtk_widget_get_template_child() */
  gtk_widget_class_bind_template_child_full (widget_class, "calendar_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, peer_label);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, running_button);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, group_label);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, group_names);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, agenda_box);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, roster_list);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, plan_page);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, student_page);
  gtk_widget_class_bind_template_child (widget_class, QingMentorView, timer_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_group_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_roster_activate);
  qing_mentor_view_install_actions (widget_class);
}

static void
qing_mentor_view_init (QingMentorView *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (GTK_WIDGET (self));
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_roster_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_roster_item), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_roster_item), NULL);
  gtk_list_view_set_factory (self->roster_list, factory);

  self->filter = gtk_custom_filter_new (match_row, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_list_view_set_model (self->roster_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_no_match), self);
}

/* Creates the mentor page.  Returns: a floating widget. */
GtkWidget *
qing_mentor_view_new (QingStore *store, QingClock *clock, QingTimerService *service)
{
  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (clock == NULL || QING_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (service == NULL || QING_IS_TIMER_SERVICE (service), NULL);
  return g_object_new (QING_TYPE_MENTOR_VIEW, "store", store, "clock", clock,
                       "timer-service", service, NULL);
}

/* The window's page for the mentor role; it shares the application's
 * timer service, which the window holds. */
static GtkWidget *
make_for_window (QingWindow *window)
{
  QingStore *store = qing_window_get_store (window);

  if (store == NULL)
    return NULL;
  return g_object_new (QING_TYPE_MENTOR_VIEW, "store", store, "clock", qing_window_get_clock (window),
                       "timer-service", qing_window_get_timer_service (window),
                       "settings", qing_window_get_settings (window), NULL);
}

/* Registers the view as the mentor role's page (call once at start-up). */
void
qing_mentor_view_register (void)
{
  qing_window_register_role_page (QING_ROLE_MENTOR, make_for_window);
}

/* The local mentor's person id. */
gint64
qing_mentor_view_get_mentor_id (QingMentorView *self)
{
  g_return_val_if_fail (QING_IS_MENTOR_VIEW (self), 0);
  return self->mentor_id;
}

/* The group shown, or 0. */
gint64
qing_mentor_view_get_group_id (QingMentorView *self)
{
  g_return_val_if_fail (QING_IS_MENTOR_VIEW (self), 0);
  return self->group_id;
}

/* The timer service.  (transfer none) */
QingTimerService *
qing_mentor_view_get_timer_service (QingMentorView *self)
{
  g_return_val_if_fail (QING_IS_MENTOR_VIEW (self), NULL);
  return self->service;
}

/* The page shown.  (transfer none) */
const char *
qing_mentor_view_get_page (QingMentorView *self)
{
  g_return_val_if_fail (QING_IS_MENTOR_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* The roster after the search.  (transfer none) */
GListModel *
qing_mentor_view_get_visible_rows (QingMentorView *self)
{
  g_return_val_if_fail (QING_IS_MENTOR_VIEW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/* The cycle sentence.  (transfer none) */
const char *
qing_mentor_view_get_header_text (QingMentorView *self)
{
  g_return_val_if_fail (QING_IS_MENTOR_VIEW (self), NULL);
  return gtk_label_get_text (self->cycle_label);
}

/* Sets the search text. */
void
qing_mentor_view_set_search (QingMentorView *self, const char *text)
{
  g_return_if_fail (QING_IS_MENTOR_VIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* GtkSearchEntry delays "search-changed"; apply the text at once. */
  on_search_changed (self);
}

/* The dialog opened last, while open.  (transfer none) */
GtkWindow *
qing_mentor_view_get_dialog (QingMentorView *self)
{
  g_return_val_if_fail (QING_IS_MENTOR_VIEW (self), NULL);
  return self->dialog;
}

/* The plan page.  (transfer none) */
GtkWidget *
qing_mentor_view_get_plan_page (QingMentorView *self)
{
  g_return_val_if_fail (QING_IS_MENTOR_VIEW (self), NULL);
  return GTK_WIDGET (self->plan_page);
}

/* The peer session status line.  (transfer none) */
const char *
qing_mentor_view_get_peer_text (QingMentorView *self)
{
  g_return_val_if_fail (QING_IS_MENTOR_VIEW (self), NULL);
  return gtk_label_get_text (self->peer_label);
}
