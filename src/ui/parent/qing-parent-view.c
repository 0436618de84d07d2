/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parent view: construction, the Today cards, navigation between
 * Today, a child's page and the timer, and what keeps them current.  The
 * actions are in qing-parent-view-actions.c.
 */
#include <glib/gi18n.h>

#include "qing-parent-data.h"
#include "qing-parent-view-private.h"
#include "qing-window.h"

#define CSS_RESOURCE "/io/github/qingting/Qingting/ui/parent/qing-parent.css"

G_DEFINE_FINAL_TYPE (QingParentView, qing_parent_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_TIMER_SERVICE,
  PROP_GUARDIAN_ID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr (GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "qing-parent-css"))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, CSS_RESOURCE);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "qing-parent-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/* The timer running for @child_id, listened by the local guardian (new
 * reference), or NULL. */
static QingRunningTimer *
find_timer (QingParentView *self, gint64 child_id)
{
  GListModel *timers = qing_timer_service_get_timers (self->service);

  for (guint i = 0; i < g_list_model_get_n_items (timers); i++)
    {
      g_autoptr (QingRunningTimer) timer = g_list_model_get_item (timers, i);

      if (qing_running_timer_get_student_id (timer) == child_id
          && qing_running_timer_get_listener_id (timer) == self->guardian_id)
        return g_steal_pointer (&timer);
    }
  return NULL;
}

static gboolean
is_stale (QingParentView *self, QingRunningTimer *timer)
{
  g_autoptr (GPtrArray) stale = qing_timer_service_list_stale (self->service);

  for (guint i = 0; i < stale->len; i++)
    if (qing_running_timer_get_id (g_ptr_array_index (stale, i)) == qing_running_timer_get_id (timer))
      return TRUE;
  return FALSE;
}

static void
update_card (QingParentView *self, QingChildCard *card, gboolean reread)
{
  gint64 id = qing_person_get_id (qing_child_card_get_child (card));
  g_autoptr (QingRunningTimer) timer = find_timer (self, id);

  /* A timer left running while Qingting was closed counts only once the
   * parent said how long the talk went on. */
  if (timer != NULL && is_stale (self, timer))
    g_clear_object (&timer);

  if (reread)
    {
      QingCadenceStreak streak;

      qing_parent_streak (self->store, self->clock, id, &streak);
      /* the ring adds today's minutes up; done needs one talk of 15 minutes */
      qing_child_card_set_day (card, qing_parent_seconds_on_day (self->store, id, &self->today),
                               streak.today_done, streak.current);
    }
  if (timer != NULL)
    qing_child_card_set_running (card, qing_timer_service_get_elapsed (self->service, timer),
                                 qing_running_timer_get_paused (timer));
  else
    qing_child_card_set_running (card, -1, FALSE);
}

static void
update_cards (QingParentView *self, gboolean reread)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (QING_IS_CHILD_CARD (card))
        update_card (self, QING_CHILD_CARD (card), reread);
    }
}

static void
update_date (QingParentView *self)
{
  g_autoptr (GDateTime) now = qing_clock_get_now (self->clock);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (now, qing_clock_get_timezone (self->clock));
  /* Translators: today's date above the cards, in strftime format (zh_CN: %-m月%-d日 %A) */
  g_autofree char *text = g_date_time_format (local, _("%A, %B %-d"));

  gtk_label_set_text (self->date_label, text);
}

/* Reads the cards, the child page and the timer page again. */
void
qing_parent_view_refresh (QingParentView *self)
{
  g_return_if_fail (QING_IS_PARENT_VIEW (self));
  qing_parent_today (self->clock, &self->today);
  update_date (self);
  update_cards (self, TRUE);
  if (qing_child_page_get_child (self->child_page) != NULL)
    {
      gint64 id = qing_person_get_id (qing_child_page_get_child (self->child_page));
      g_autoptr (QingPerson) child = qing_parent_view_find_child (self, id);

      /* The same child again (maybe renamed) refreshes the page. */
      if (child != NULL)
        qing_child_page_set_child (self->child_page, child);
    }
  qing_timer_page_refresh (self->timer_page);
}

static GtkWidget *
create_card (gpointer item, gpointer data)
{
  QingParentView *self = data;
  GtkWidget *card = qing_child_card_new (QING_PERSON (item));

  update_card (self, QING_CHILD_CARD (card), TRUE);
  return card;
}

static void
on_children_changed (QingParentView *self)
{
  gboolean empty = g_list_model_get_n_items (self->children) == 0;

  gtk_stack_set_visible_child_name (self->today_stack, empty ? "empty" : "cards");
}

static void
on_store_row_changed (QingParentView *self, const char *table, gint64 row_id,
                      QingStoreChange kind)
{
  if (g_str_equal (table, "talks") || g_str_equal (table, "moods")
      || g_str_equal (table, "persons"))
    qing_parent_view_refresh (self);
}

static void arm_midnight (QingParentView *self);

static void
on_midnight (QingClock *clock, gpointer data)
{
  QingParentView *self = data;

  self->midnight_alarm = 0; /* fired: the clock frees it */
  qing_parent_view_refresh (self);
  arm_midnight (self);
}

/* A new day starts a new ring, even with the window left open overnight. */
static void
arm_midnight (QingParentView *self)
{
  GTimeZone *tz = qing_clock_get_timezone (self->clock);
  g_autoptr (GDateTime) now = qing_clock_get_now (self->clock);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (now, tz);
  g_autoptr (GDateTime) midnight = g_date_time_new (tz, g_date_time_get_year (local),
                                                    g_date_time_get_month (local),
                                                    g_date_time_get_day_of_month (local),
                                                    0, 0, 0);
  g_autoptr (GDateTime) next = g_date_time_add_days (midnight, 1);

  if (self->midnight_alarm != 0)
    qing_clock_remove_alarm (self->clock, self->midnight_alarm);
  self->midnight_alarm = qing_clock_add_alarm (self->clock, g_date_time_to_unix (next) + 1,
                                               on_midnight, self, NULL);
}

static gboolean
on_tick (gpointer data)
{
  QingParentView *self = data;
  GDate today;

  qing_parent_today (self->clock, &today);
  update_cards (self, g_date_compare (&today, &self->today) != 0);
  self->today = today;
  return G_SOURCE_CONTINUE;
}

/* The cards tick every second while a timer runs and the view is shown. */
static void
update_tick (QingParentView *self)
{
  gboolean running = g_list_model_get_n_items (qing_timer_service_get_timers (self->service)) > 0;

  if (running && gtk_widget_get_mapped (GTK_WIDGET (self)) && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, on_tick, self);
  else if ((!running || !gtk_widget_get_mapped (GTK_WIDGET (self))) && self->tick_id != 0)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* The timer shown on the timer page ended elsewhere (another window, a
 * stale answer): leave the page instead of showing a timer that is gone. */
static void
follow_timer_page (QingParentView *self)
{
  QingRunningTimer *shown = qing_timer_page_get_timer (self->timer_page);
  g_autoptr (QingRunningTimer) timer = NULL;

  if (shown == NULL)
    return;
  timer = find_timer (self, qing_running_timer_get_student_id (shown));
  if (timer != NULL && qing_running_timer_get_id (timer) == qing_running_timer_get_id (shown))
    return;
  qing_timer_page_set_timer (self->timer_page, NULL, NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "timer") == 0)
    qing_parent_view_show_page (self, self->timer_return != NULL ? self->timer_return : "today");
}

static void
on_timers_changed (QingParentView *self)
{
  update_cards (self, FALSE);
  update_tick (self);
  follow_timer_page (self);
}

static void
on_clock_changed (QingParentView *self)
{
  qing_parent_view_refresh (self);
}

static void
on_timer_page_discarded (QingParentView *self)
{
  qing_parent_view_show_page (self, self->timer_return != NULL ? self->timer_return : "today");
  qing_parent_view_toast (self, _("The talk was discarded"));
}

static void
on_timer_page_failed (QingParentView *self, const char *message)
{
  qing_parent_view_toast (self, message);
}

/* A timer became stale while the app ran (or one was answered): the
 * cards change, and a new stale timer is asked about. */
static void
on_stale_changed (QingParentView *self)
{
  on_timers_changed (self);
  qing_parent_view_queue_ask_stale (self);
}

static void
qing_parent_view_map (GtkWidget *widget)
{
  QingParentView *self = QING_PARENT_VIEW (widget);

  GTK_WIDGET_CLASS (qing_parent_view_parent_class)->map (widget);
  ensure_style (widget);
  qing_parent_view_refresh (self);
  update_tick (self);
  /* Shown (again): ask about timers that became stale, once each. */
  qing_parent_view_queue_ask_stale (self);
}

static void
qing_parent_view_unmap (GtkWidget *widget)
{
  QingParentView *self = QING_PARENT_VIEW (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  GTK_WIDGET_CLASS (qing_parent_view_parent_class)->unmap (widget);
}

static void
add_pages (QingParentView *self)
{
  GtkWidget *page;

  page = qing_child_page_new (self->store, self->clock, self->guardian_id);
  self->child_page = QING_CHILD_PAGE (page);
  gtk_stack_add_named (self->stack, page, "child");

  page = qing_timer_page_new (self->service);
  self->timer_page = QING_TIMER_PAGE (page);
  gtk_stack_add_named (self->stack, page, "timer");
  g_signal_connect_object (page, "discarded", G_CALLBACK (on_timer_page_discarded), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "failed", G_CALLBACK (on_timer_page_failed), self,
                           G_CONNECT_SWAPPED);
}

static void
qing_parent_view_constructed (GObject *object)
{
  QingParentView *self = QING_PARENT_VIEW (object);
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (qing_parent_view_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  if (self->clock == NULL)
    self->clock = g_object_ref (qing_store_get_clock (self->store));
  if (self->service == NULL)
    self->service = qing_timer_service_new (self->store, self->clock, NULL);
  self->guardian_id = qing_parent_ensure_guardian (self->store, &error);
  if (error != NULL)
    g_warning ("Could not set up the guardian: %s", error->message);
  qing_parent_today (self->clock, &self->today);

  add_pages (self);
  self->children = qing_store_list_children_model (self->store, self->guardian_id);
  gtk_flow_box_bind_model (self->cards_box, self->children, create_card, self, NULL);
  g_signal_connect_object (self->children, "items-changed", G_CALLBACK (on_children_changed),
                           self, G_CONNECT_SWAPPED);
  on_children_changed (self);

  g_signal_connect_object (self->store, "row-changed", G_CALLBACK (on_store_row_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (qing_timer_service_get_timers (self->service), "items-changed",
                           G_CALLBACK (on_timers_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service, "stale-changed", G_CALLBACK (on_stale_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clock, "changed", G_CALLBACK (on_clock_changed), self,
                           G_CONNECT_SWAPPED);
  update_date (self);
  arm_midnight (self);
}

static void
qing_parent_view_dispose (GObject *object)
{
  QingParentView *self = QING_PARENT_VIEW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->stale_idle, g_source_remove);
  if (self->midnight_alarm != 0)
    {
      qing_clock_remove_alarm (self->clock, self->midnight_alarm);
      self->midnight_alarm = 0;
    }
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      gtk_window_destroy (self->dialog);
      self->dialog = NULL;
    }
  if (self->stale_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->stale_dialog),
                                    (gpointer *) &self->stale_dialog);
      gtk_window_destroy (self->stale_dialog);
      self->stale_dialog = NULL;
    }
  g_clear_pointer (&self->stale_asked, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_PARENT_VIEW);
  g_clear_object (&self->children);
  g_clear_object (&self->removed_talk);
  g_clear_object (&self->service);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
  g_clear_pointer (&self->timer_return, g_free);
  G_OBJECT_CLASS (qing_parent_view_parent_class)->dispose (object);
}

static void
qing_parent_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingParentView *self = QING_PARENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_CLOCK: g_value_set_object (value, self->clock); break;
    case PROP_TIMER_SERVICE: g_value_set_object (value, self->service); break;
    case PROP_GUARDIAN_ID: g_value_set_int64 (value, self->guardian_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_parent_view_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  QingParentView *self = QING_PARENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_CLOCK: self->clock = g_value_dup_object (value); break;
    case PROP_TIMER_SERVICE: self->service = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_parent_view_class_init (QingParentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = qing_parent_view_constructed;
  object_class->dispose = qing_parent_view_dispose;
  object_class->get_property = qing_parent_view_get_property;
  object_class->set_property = qing_parent_view_set_property;
  widget_class->map = qing_parent_view_map;
  widget_class->unmap = qing_parent_view_unmap;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE, flags);
  properties[PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, QING_TYPE_CLOCK, flags);
  properties[PROP_TIMER_SERVICE] = g_param_spec_object ("timer-service", NULL, NULL,
                                                        QING_TYPE_TIMER_SERVICE, flags);
  properties[PROP_GUARDIAN_ID] = g_param_spec_int64 ("guardian-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/parent/qing-parent-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QingParentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QingParentView, stack);
  gtk_widget_class_bind_template_child (widget_class, QingParentView, today_stack);
  gtk_widget_class_bind_template_child (widget_class, QingParentView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, QingParentView, date_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  qing_parent_view_install_actions (widget_class);
}

static void
qing_parent_view_init (QingParentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->today, 1);
}

/* Creates the family page on @store, with @clock and @service (which may
 * be NULL: the view makes its own).  Returns a floating widget. */
GtkWidget *
qing_parent_view_new (QingStore *store, QingClock *clock, QingTimerService *service)
{
  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (clock == NULL || QING_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (service == NULL || QING_IS_TIMER_SERVICE (service), NULL);
  return g_object_new (QING_TYPE_PARENT_VIEW, "store", store, "clock", clock,
                       "timer-service", service, NULL);
}

/* The window's page for the parent role; it shares the application's
 * timer service, which the window holds. */
static GtkWidget *
make_for_window (QingWindow *window)
{
  QingStore *store = qing_window_get_store (window);

  if (store == NULL)
    return NULL;
  return qing_parent_view_new (store, qing_window_get_clock (window),
                               qing_window_get_timer_service (window));
}

/* Registers the view as the parent role's page of every window made
 * afterwards (call once at start-up). */
void
qing_parent_view_register (void)
{
  qing_window_register_role_page (QING_ROLE_PARENT, make_for_window);
}

/* Returns the id of the local guardian. */
gint64
qing_parent_view_get_guardian_id (QingParentView *self)
{
  g_return_val_if_fail (QING_IS_PARENT_VIEW (self), 0);
  return self->guardian_id;
}

/* Returns the timer service (owned by the view). */
QingTimerService *
qing_parent_view_get_timer_service (QingParentView *self)
{
  g_return_val_if_fail (QING_IS_PARENT_VIEW (self), NULL);
  return self->service;
}

/* Returns the page shown: "empty" or "today" (the cards), "child" or
 * "timer" (static string). */
const char *
qing_parent_view_get_page (QingParentView *self)
{
  const char *name;

  g_return_val_if_fail (QING_IS_PARENT_VIEW (self), NULL);
  name = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (name, "today") == 0
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->today_stack), "empty") == 0)
    return "empty";
  return name;
}

/* Returns the Today card of @child_id, or NULL (owned by the view). */
QingChildCard *
qing_parent_view_get_card (QingParentView *self, gint64 child_id)
{
  g_return_val_if_fail (QING_IS_PARENT_VIEW (self), NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (QING_IS_CHILD_CARD (card)
          && qing_person_get_id (qing_child_card_get_child (QING_CHILD_CARD (card))) == child_id)
        return QING_CHILD_CARD (card);
    }
  return NULL;
}

/* Returns the child page (owned by the view). */
QingChildPage *
qing_parent_view_get_child_page (QingParentView *self)
{
  g_return_val_if_fail (QING_IS_PARENT_VIEW (self), NULL);
  return self->child_page;
}

/* Returns the timer page (owned by the view). */
QingTimerPage *
qing_parent_view_get_timer_page (QingParentView *self)
{
  g_return_val_if_fail (QING_IS_PARENT_VIEW (self), NULL);
  return self->timer_page;
}

/* Returns the dialog the view has open now, or NULL (owned by GTK). */
GtkWindow *
qing_parent_view_get_dialog (QingParentView *self)
{
  g_return_val_if_fail (QING_IS_PARENT_VIEW (self), NULL);
  return self->dialog;
}

/* Internal: shows page @name of the view ("today", "child", "timer"). */
void
qing_parent_view_show_page (QingParentView *self, const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_tick (self);
}

/* Internal: shows @title in a toast. */
void
qing_parent_view_toast (QingParentView *self, const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Internal: presents @dialog over the view's window and remembers it. */
void
qing_parent_view_set_dialog (QingParentView *self, GtkWindow *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  if (dialog == NULL)
    return;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

/* Internal: returns the guardian's child @child_id (new reference) or NULL. */
QingPerson *
qing_parent_view_find_child (QingParentView *self, gint64 child_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->children); i++)
    {
      g_autoptr (QingPerson) child = g_list_model_get_item (self->children, i);

      if (qing_person_get_id (child) == child_id)
        return g_steal_pointer (&child);
    }
  return NULL;
}

/* Internal: shows @timer of @child on the timer page. */
void
qing_parent_view_open_timer (QingParentView *self, QingRunningTimer *timer, QingPerson *child)
{
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (current, "timer") != 0)
    {
      g_free (self->timer_return);
      self->timer_return = g_strdup (current);
    }
  qing_timer_page_set_timer (self->timer_page, timer, child);
  qing_parent_view_show_page (self, "timer");
}
