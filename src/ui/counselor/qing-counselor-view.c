/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingCounselorView: see qing-counselor-view.h.  This file builds the
 * page and its lists; qing-counselor-view-actions.c holds what the
 * buttons do.
 */
#include <glib/gi18n.h>

#include "qing-counselor-row.h"
#include "qing-counselor-view-private.h"
#include "qing-store-calendar.h"
#include "qing-store-cases.h"
#include "qing-window.h"

#define CSS_RESOURCE "/io/github/qingting/Qingting/ui/counselor/qing-counselor.css"
#define APPOINTMENT_DAYS 14

G_DEFINE_FINAL_TYPE (QingCounselorView, qing_counselor_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_TIMER_SERVICE,
  PROP_COUNSELOR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr (GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "qing-counselor-css"))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, CSS_RESOURCE);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "qing-counselor-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/* Returns who looks at records in this view. */
QingViewer
qing_counselor_view_viewer (QingCounselorView *self)
{
  QingViewer viewer = { self->me, QING_ROLE_COUNSELOR };
  return viewer;
}

/* Returns the name of a person (owned by the view), or "". */
const char *
qing_counselor_view_lookup_name (QingCounselorView *self, gint64 person_id)
{
  const char *name;
  g_autoptr (QingPerson) person = NULL;

  if (person_id <= 0)
    return "";
  name = g_hash_table_lookup (self->names, &person_id);
  if (name != NULL)
    return name;
  person = qing_store_get_person (self->store, person_id, NULL);
  if (person == NULL)
    return "";
  g_hash_table_insert (self->names, g_memdup2 (&person_id, sizeof person_id),
                       g_strdup (qing_person_get_name (person)));
  return g_hash_table_lookup (self->names, &person_id);
}

/* Formats a UTC time in the clock's time zone (a new string). */
char *
qing_counselor_view_format_local (QingCounselorView *self, gint64 utc, const char *format)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local = NULL;

  if (dt == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (dt, qing_clock_get_timezone (self->clock));
  return g_date_time_format (local, format);
}

/* Sets @day to the clock's local day. */
void
qing_counselor_view_today (QingCounselorView *self, GDate *day)
{
  g_autoptr (GDateTime) now = qing_clock_get_now (self->clock);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (now, qing_clock_get_timezone (self->clock));

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static gint64
local_midnight (QingCounselorView *self, const GDate *day)
{
  g_autoptr (GDateTime) dt = g_date_time_new (qing_clock_get_timezone (self->clock),
                                              g_date_get_year (day), g_date_get_month (day),
                                              g_date_get_day (day), 0, 0, 0);
  return g_date_time_to_unix (dt);
}

static void
update_empty (GtkListBox *view)
{
  GListModel *model = g_object_get_data (G_OBJECT (view), "qing-model");
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK);
  gboolean empty = model == NULL || g_list_model_get_n_items (model) == 0;

  gtk_stack_set_visible_child_name (GTK_STACK (stack), empty ? "empty" : "list");
}

static void
fill (GListStore *store, GPtrArray *items)
{
  if (items == NULL)
    return;
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata,
                       items->len);
}

static void
describe_cadence (GtkLabel *label, GListStore *rows, const char *period)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (rows)), done = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (QingCareStatusRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);
      done += qing_care_status_row_get_state (row) == QING_CADENCE_DONE;
    }
  /* Translators: "3 of 5 talked with this month" / "… this week" */
  text = g_strdup_printf (_("%u of %u talked with %s (a talk counts from 15 minutes)."), done, n,
                          period);
  gtk_label_set_label (label, text);
}

static void
refresh_overview (QingCounselorView *self, GError **error)
{
  QingViewer viewer = qing_counselor_view_viewer (self);
  gint64 now = qing_clock_get_now_unix (self->clock);
  g_autoptr (GPtrArray) proposals = qing_counselor_list_proposals (self->store, &viewer, error);
  g_autoptr (GPtrArray) key_care = qing_counselor_list_care_status (self->store,
                                                                    QING_CARE_KEY_CARE, now,
                                                                    error);
  g_autoptr (GPtrArray) signs = qing_counselor_list_care_status (self->store,
                                                                 QING_CARE_CLEAR_SIGNS, now,
                                                                 error);

  fill (self->proposals, proposals);
  fill (self->key_care, key_care);
  fill (self->clear_signs, signs);
  describe_cadence (self->key_care_caption, self->key_care, _("this month"));
  describe_cadence (self->clear_signs_caption, self->clear_signs, _("this week"));
}

static void
refresh_duty (QingCounselorView *self, GError **error)
{
  QingViewer viewer = qing_counselor_view_viewer (self);
  g_autoptr (GPtrArray) duty = NULL;
  g_autoptr (GPtrArray) appointments = NULL;
  g_autoptr (GPtrArray) today_duty = NULL;
  GDate day, monday;
  gint64 from;

  qing_counselor_view_today (self, &day);
  monday = day;
  g_date_subtract_days (&monday, g_date_get_weekday (&day) - G_DATE_MONDAY);
  duty = qing_store_list_duty (self->store, &monday, 7, error);
  fill (self->duty, duty);
  today_duty = qing_store_list_duty (self->store, &day, 1, error);
  if (today_duty != NULL)
    {
      QingDutyDay *d = g_ptr_array_index (today_duty, 0);
      g_autofree char *text = NULL;

      if (qing_duty_day_get_person_id (d) == 0)
        text = g_strdup (_("Nobody is on duty today"));
      else if (qing_duty_day_get_place (d) != NULL)
        text = g_strdup_printf ("%s · %s", qing_duty_day_get_person_name (d),
                                qing_duty_day_get_place (d));
      else
        text = g_strdup (qing_duty_day_get_person_name (d));
      gtk_label_set_label (self->duty_today_label, text);
    }
  from = local_midnight (self, &day);
  appointments = qing_store_list_appointments (self->store, &viewer, from,
                                               from + APPOINTMENT_DAYS * 86400, error);
  fill (self->appointments, appointments);
}

/* Re-reads every list now. */
void
qing_counselor_view_refresh (QingCounselorView *self)
{
  QingViewer viewer;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = NULL;

  g_return_if_fail (QING_IS_COUNSELOR_VIEW (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_hash_table_remove_all (self->names);
  viewer = qing_counselor_view_viewer (self);
  refresh_overview (self, error == NULL ? &error : NULL);
  cases = qing_store_list_cases (self->store, &viewer,
                                 gtk_check_button_get_active (self->show_closed),
                                 error == NULL ? &error : NULL);
  fill (self->cases, cases);
  refresh_duty (self, error == NULL ? &error : NULL);
  if (error != NULL)
    qing_counselor_view_toast_error (self, error);
  if (gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->case_page))
    qing_case_page_set_case (self->case_page, qing_case_page_get_case_id (self->case_page));
}

static gboolean
refresh_in_idle (gpointer user_data)
{
  QingCounselorView *self = user_data;

  self->refresh_id = 0;
  qing_counselor_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (QingCounselorView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_in_idle, self);
}

static void
on_store_row_changed (QingCounselorView *self, const char *table, gint64 row_id,
                      QingStoreChange kind, QingStore *store)
{
  static const char *const tables[] = {
    "care_levels", "persons", "talks", "cases", "case_events", "appointments", "duty_roster",
    "terms", "calendar_exceptions", "key_periods", "group_members", NULL,
  };

  if (g_strv_contains (tables, table))
    queue_refresh (self);
}

/* A case was chosen: open it. */
static void
on_case_row_activated (QingCounselorView *self, GtkListBoxRow *row, GtkListBox *box)
{
  g_autoptr (QingCase) c = g_list_model_get_item (G_LIST_MODEL (self->cases),
                                                  gtk_list_box_row_get_index (row));

  if (c != NULL)
    qing_counselor_view_show_case (self, qing_case_get_id (c));
}

/* A day of the roster was chosen: edit it. */
static void
on_duty_row_activated (QingCounselorView *self, GtkListBoxRow *row, GtkListBox *box)
{
  g_autoptr (QingDutyDay) d = g_list_model_get_item (G_LIST_MODEL (self->duty),
                                                     gtk_list_box_row_get_index (row));
  char text[11];

  if (d == NULL)
    return;
  qing_calendar_day_format (qing_duty_day_get_day (d), text);
  gtk_widget_activate_action (GTK_WIDGET (self), "counselor.edit-duty", "s", text);
}

static void
attach (QingCounselorView *self, GtkListBox *view, GListModel *model,
        GtkListBoxCreateWidgetFunc create)
{
  g_object_set_data (G_OBJECT (view), "qing-model", model);
  gtk_list_box_bind_model (view, model, create, self, NULL);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (update_empty), view,
                           G_CONNECT_SWAPPED);
  update_empty (view);
}

static gboolean
flag_needs_attention (gpointer item, gpointer user_data)
{
  return qing_flag_get_status (QING_FLAG (item)) < QING_FLAG_IN_CASE;
}

static void
add_pages (QingCounselorView *self)
{
  GtkWidget *page = qing_case_page_new (self->store, self->me);

  self->case_page = QING_CASE_PAGE (page);
  gtk_stack_add_named (self->stack, page, "case");
  page = g_object_new (QING_TYPE_TIMER_PAGE, "timer-service", self->service,
                       "action-prefix", "counselor", NULL);
  self->timer_page = QING_TIMER_PAGE (page);
  gtk_stack_add_named (self->stack, page, "timer");
}

static void
attach_lists (QingCounselorView *self)
{
  QingViewer viewer = qing_counselor_view_viewer (self);
  GtkFilter *filter = GTK_FILTER (gtk_custom_filter_new (flag_needs_attention, NULL, NULL));

  self->all_flags = qing_store_list_open_flags_model (self->store, &viewer);
  self->flags = gtk_filter_list_model_new (g_object_ref (self->all_flags), filter);
  self->proposals = g_list_store_new (QING_TYPE_CARE_PROPOSAL);
  self->key_care = g_list_store_new (QING_TYPE_CARE_STATUS_ROW);
  self->clear_signs = g_list_store_new (QING_TYPE_CARE_STATUS_ROW);
  self->cases = g_list_store_new (QING_TYPE_CASE);
  self->duty = g_list_store_new (QING_TYPE_DUTY_DAY);
  self->appointments = g_list_store_new (QING_TYPE_APPOINTMENT);
  attach (self, self->flags_view, G_LIST_MODEL (self->flags), qing_counselor_view_create_flag);
  attach (self, self->proposals_view, G_LIST_MODEL (self->proposals), qing_counselor_view_create_proposal);
  attach (self, self->key_care_view, G_LIST_MODEL (self->key_care), qing_counselor_view_create_care);
  attach (self, self->clear_signs_view, G_LIST_MODEL (self->clear_signs), qing_counselor_view_create_care);
  attach (self, self->cases_view, G_LIST_MODEL (self->cases), qing_counselor_view_create_case);
  g_signal_connect_object (self->cases_view, "row-activated", G_CALLBACK (on_case_row_activated),
                           self, G_CONNECT_SWAPPED);
  attach (self, self->duty_view, G_LIST_MODEL (self->duty), qing_counselor_view_create_duty);
  g_signal_connect_object (self->duty_view, "row-activated", G_CALLBACK (on_duty_row_activated),
                           self, G_CONNECT_SWAPPED);
  attach (self, self->appointments_view, G_LIST_MODEL (self->appointments),
          qing_counselor_view_create_appointment);
}

static void
qing_counselor_view_constructed (GObject *object)
{
  QingCounselorView *self = QING_COUNSELOR_VIEW (object);
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (qing_counselor_view_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  if (self->clock == NULL)
    self->clock = g_object_ref (qing_store_get_clock (self->store));
  if (self->service == NULL)
    self->service = qing_timer_service_new (self->store, self->clock, NULL);
  self->me = qing_counselor_ensure_self (self->store, &error);
  if (error != NULL)
    g_warning ("Could not set up the counselor: %s", error->message);

  add_pages (self);
  attach_lists (self);
  g_signal_connect_object (self->store, "row-changed", G_CALLBACK (on_store_row_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clock, "changed", G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (qing_timer_service_get_timers (self->service), "items-changed",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->show_closed, "toggled", G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  qing_counselor_view_refresh (self);
}

static void
qing_counselor_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (qing_counselor_view_parent_class)->root (widget);
  ensure_style (widget);
}

static void
qing_counselor_view_dispose (GObject *object)
{
  QingCounselorView *self = QING_COUNSELOR_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  qing_counselor_view_set_dialog (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_COUNSELOR_VIEW);
  g_clear_object (&self->all_flags);
  g_clear_object (&self->flags);
  g_clear_object (&self->proposals);
  g_clear_object (&self->key_care);
  g_clear_object (&self->clear_signs);
  g_clear_object (&self->cases);
  g_clear_object (&self->duty);
  g_clear_object (&self->appointments);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_object (&self->service);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (qing_counselor_view_parent_class)->dispose (object);
}

static void
qing_counselor_view_get_property (GObject *object, guint prop_id, GValue *value,
                                  GParamSpec *pspec)
{
  QingCounselorView *self = QING_COUNSELOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_CLOCK: g_value_set_object (value, self->clock); break;
    case PROP_TIMER_SERVICE: g_value_set_object (value, self->service); break;
    case PROP_COUNSELOR_ID: g_value_set_int64 (value, self->me); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_counselor_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                  GParamSpec *pspec)
{
  QingCounselorView *self = QING_COUNSELOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_CLOCK: self->clock = g_value_dup_object (value); break;
    case PROP_TIMER_SERVICE: self->service = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_counselor_view_class_init (QingCounselorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = qing_counselor_view_constructed;
  object_class->dispose = qing_counselor_view_dispose;
  object_class->get_property = qing_counselor_view_get_property;
  object_class->set_property = qing_counselor_view_set_property;
  widget_class->root = qing_counselor_view_root;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE, flags);
  properties[PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, QING_TYPE_CLOCK, flags);
  properties[PROP_TIMER_SERVICE] = g_param_spec_object ("timer-service", NULL, NULL,
                                                        QING_TYPE_TIMER_SERVICE, flags);
  properties[PROP_COUNSELOR_ID] = g_param_spec_int64 ("counselor-id", NULL, NULL, 0, G_MAXINT64,
                                                      0, G_PARAM_READABLE
                                                      | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/counselor/qing-counselor-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, stack);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, sections);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, flags_view);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, proposals_view);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, key_care_view);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, clear_signs_view);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, cases_view);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, duty_view);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, appointments_view);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, key_care_caption);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, clear_signs_caption);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, duty_today_label);
  gtk_widget_class_bind_template_child (widget_class, QingCounselorView, show_closed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  qing_counselor_view_install_actions (widget_class);
}

static void
qing_counselor_view_init (QingCounselorView *self)
{
  g_type_ensure (QING_TYPE_CASE_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* Creates the counselor page on @store (see the header); floating. */
GtkWidget *
qing_counselor_view_new (QingStore *store, QingClock *clock, QingTimerService *service)
{
  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (clock == NULL || QING_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (service == NULL || QING_IS_TIMER_SERVICE (service), NULL);
  return g_object_new (QING_TYPE_COUNSELOR_VIEW, "store", store, "clock", clock,
                       "timer-service", service, NULL);
}

/* The window's page for the counselor role; it shares the application's
 * timer service, which the window holds. */
static GtkWidget *
make_for_window (QingWindow *window)
{
  QingStore *store = qing_window_get_store (window);

  if (store == NULL)
    return NULL;
  return qing_counselor_view_new (store, qing_window_get_clock (window),
                                  qing_window_get_timer_service (window));
}

/* Registers the view as the counselor role's page (once, at start-up). */
void
qing_counselor_view_register (void)
{
  qing_window_register_role_page (QING_ROLE_COUNSELOR, make_for_window);
}

/* Returns the local counselor's person id. */
gint64
qing_counselor_view_get_counselor_id (QingCounselorView *self)
{
  g_return_val_if_fail (QING_IS_COUNSELOR_VIEW (self), 0);
  return self->me;
}

/* Returns "main", "case" or "timer" (static string). */
const char *
qing_counselor_view_get_page (QingCounselorView *self)
{
  GtkWidget *child;

  g_return_val_if_fail (QING_IS_COUNSELOR_VIEW (self), NULL);
  child = gtk_stack_get_visible_child (self->stack);
  if (child == GTK_WIDGET (self->case_page))
    return "case";
  if (child == GTK_WIDGET (self->timer_page))
    return "timer";
  return "main";
}

/* Returns the case page (owned by the view). */
QingCasePage *
qing_counselor_view_get_case_page (QingCounselorView *self)
{
  g_return_val_if_fail (QING_IS_COUNSELOR_VIEW (self), NULL);
  return self->case_page;
}

/* Returns one of the lists shown (transfer none), or NULL. */
GListModel *
qing_counselor_view_get_list (QingCounselorView *self, const char *name)
{
  g_return_val_if_fail (QING_IS_COUNSELOR_VIEW (self), NULL);

  if (g_strcmp0 (name, "flags") == 0)
    return G_LIST_MODEL (self->flags);
  if (g_strcmp0 (name, "proposals") == 0)
    return G_LIST_MODEL (self->proposals);
  if (g_strcmp0 (name, "key-care") == 0)
    return G_LIST_MODEL (self->key_care);
  if (g_strcmp0 (name, "clear-signs") == 0)
    return G_LIST_MODEL (self->clear_signs);
  if (g_strcmp0 (name, "cases") == 0)
    return G_LIST_MODEL (self->cases);
  if (g_strcmp0 (name, "duty") == 0)
    return G_LIST_MODEL (self->duty);
  if (g_strcmp0 (name, "appointments") == 0)
    return G_LIST_MODEL (self->appointments);
  return NULL;
}

/* Returns the dialog open now, or NULL. */
GtkWindow *
qing_counselor_view_get_dialog (QingCounselorView *self)
{
  g_return_val_if_fail (QING_IS_COUNSELOR_VIEW (self), NULL);
  return self->dialog;
}
