/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-parent-data.h"
#include "qing-timer-page.h"

struct _QingTimerPage
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkWidget        *back_button;
  GtkLabel         *name_label;
  GtkLabel         *time_label;
  QingRing         *ring;
  GtkLabel         *status_label;
  GtkWidget        *pause_button;
  GtkWidget        *resume_button;
  GtkWidget        *finish_button;

  QingTimerService *service;
  char             *action_prefix;
  QingRunningTimer *timer;
  QingPerson       *child;
  guint             tick_id;
  gulong            clock_changed_id;
};

G_DEFINE_FINAL_TYPE (QingTimerPage, qing_timer_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMER_SERVICE,
  PROP_ACTION_PREFIX,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  DISCARDED,
  FAILED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
update_status (QingTimerPage *self, gint64 elapsed)
{
  g_autofree char *text = NULL;
  gboolean paused = qing_running_timer_get_paused (self->timer);

  if (paused)
    text = g_strdup (_("Paused. Resume when you go on talking."));
  else if (elapsed >= QING_PARENT_GOAL_SECONDS)
    text = g_strdup (_("Fifteen minutes reached. Keep listening as long as you like."));
  else
    {
      guint left = (QING_PARENT_GOAL_SECONDS - elapsed + 59) / 60;

      /* Translators: under the listening timer before 15:00 */
      text = g_strdup_printf (ngettext ("%u minute to go. Listen without judging.",
                                        "%u minutes to go. Listen without judging.", left),
                              left);
    }
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (self->pause_button, !paused);
  gtk_widget_set_visible (self->resume_button, paused);
}

/* Re-reads the elapsed time from the timer service and shows it. */
void
qing_timer_page_refresh (QingTimerPage *self)
{
  g_autofree char *time = NULL;
  gint64 elapsed;

  g_return_if_fail (QING_IS_TIMER_PAGE (self));
  if (self->timer == NULL)
    return;
  elapsed = qing_timer_service_get_elapsed (self->service, self->timer);
  time = qing_parent_format_elapsed (elapsed);
  gtk_label_set_text (self->time_label, time);
  qing_ring_set_value_seconds (self->ring, (guint) MIN (elapsed, G_MAXUINT));
  update_status (self, elapsed);
}

static gboolean
on_tick (gpointer data)
{
  qing_timer_page_refresh (QING_TIMER_PAGE (data));
  return G_SOURCE_CONTINUE;
}

static void
on_clock_changed (QingTimerPage *self)
{
  qing_timer_page_refresh (self);
}

/* The display ticks only while the page is on screen. */
static void
qing_timer_page_map (GtkWidget *widget)
{
  QingTimerPage *self = QING_TIMER_PAGE (widget);

  GTK_WIDGET_CLASS (qing_timer_page_parent_class)->map (widget);
  qing_timer_page_refresh (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, on_tick, self);
}

static void
qing_timer_page_unmap (GtkWidget *widget)
{
  QingTimerPage *self = QING_TIMER_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  GTK_WIDGET_CLASS (qing_timer_page_parent_class)->unmap (widget);
}

static void
report (QingTimerPage *self, const GError *error)
{
  g_signal_emit (self, signals[FAILED], 0, error->message);
}

static void
pause_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingTimerPage *self = QING_TIMER_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->timer == NULL)
    return;
  if (g_str_equal (action_name, "timer.pause"))
    qing_timer_service_pause (self->service, self->timer, &error);
  else
    qing_timer_service_resume (self->service, self->timer, &error);
  if (error != NULL)
    report (self, error);
  qing_timer_page_refresh (self);
}

static void
discard_now_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingTimerPage *self = QING_TIMER_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->timer == NULL)
    return;
  if (!qing_timer_service_discard (self->service, self->timer, &error))
    {
      report (self, error);
      return;
    }
  qing_timer_page_set_timer (self, NULL, NULL);
  g_signal_emit (self, signals[DISCARDED], 0);
}

static void
on_discard_response (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  if (g_strcmp0 (response, "discard") == 0)
    gtk_widget_activate_action (GTK_WIDGET (data), "timer.discard-now", NULL);
}

static void
discard_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingTimerPage *self = QING_TIMER_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *time = NULL;
  GtkWidget *dialog;

  if (self->timer == NULL)
    return;
  name = qing_parent_first_name (self->child);
  time = qing_parent_format_elapsed (qing_timer_service_get_elapsed (self->service, self->timer));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Discard This Talk?"), NULL);
  /* Translators: %1$s is the listening time ("12:34"), %2$s the child's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The %1$s of listening to %2$s will not be saved."),
                                  time, name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Listening"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
qing_timer_page_constructed (GObject *object)
{
  QingTimerPage *self = QING_TIMER_PAGE (object);
  g_autofree char *back = NULL;

  G_OBJECT_CLASS (qing_timer_page_parent_class)->constructed (object);
  back = g_strdup_printf ("%s.back", self->action_prefix);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), back);
  self->clock_changed_id =
    g_signal_connect_object (qing_timer_service_get_clock (self->service), "changed",
                             G_CALLBACK (on_clock_changed), self, G_CONNECT_SWAPPED);
}

static void
qing_timer_page_dispose (GObject *object)
{
  QingTimerPage *self = QING_TIMER_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_TIMER_PAGE);
  g_clear_object (&self->timer);
  g_clear_object (&self->child);
  g_clear_object (&self->service);
  G_OBJECT_CLASS (qing_timer_page_parent_class)->dispose (object);
}

static void
qing_timer_page_finalize (GObject *object)
{
  g_free (QING_TIMER_PAGE (object)->action_prefix);
  G_OBJECT_CLASS (qing_timer_page_parent_class)->finalize (object);
}

static void
qing_timer_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TIMER_SERVICE:
      g_value_set_object (value, QING_TIMER_PAGE (object)->service);
      break;
    case PROP_ACTION_PREFIX:
      g_value_set_string (value, QING_TIMER_PAGE (object)->action_prefix);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_timer_page_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TIMER_SERVICE:
      QING_TIMER_PAGE (object)->service = g_value_dup_object (value);
      break;
    case PROP_ACTION_PREFIX:
      QING_TIMER_PAGE (object)->action_prefix = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_timer_page_class_init (QingTimerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = qing_timer_page_constructed;
  object_class->dispose = qing_timer_page_dispose;
  object_class->finalize = qing_timer_page_finalize;
  object_class->get_property = qing_timer_page_get_property;
  object_class->set_property = qing_timer_page_set_property;
  widget_class->map = qing_timer_page_map;
  widget_class->unmap = qing_timer_page_unmap;

  properties[PROP_TIMER_SERVICE] =
    g_param_spec_object ("timer-service", NULL, NULL, QING_TYPE_TIMER_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The action group of "back" and "finish-timer" in the page's ancestors. */
  properties[PROP_ACTION_PREFIX] =
    g_param_spec_string ("action-prefix", NULL, NULL, "parent",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DISCARDED] = g_signal_new ("discarded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A sentence for the user: an action of the page failed. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (QING_TYPE_RING);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/parent/qing-timer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QingTimerPage, box);
  gtk_widget_class_bind_template_child (widget_class, QingTimerPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, QingTimerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, QingTimerPage, time_label);
  gtk_widget_class_bind_template_child (widget_class, QingTimerPage, ring);
  gtk_widget_class_bind_template_child (widget_class, QingTimerPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, QingTimerPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, QingTimerPage, resume_button);
  gtk_widget_class_bind_template_child (widget_class, QingTimerPage, finish_button);
  gtk_widget_class_install_action (widget_class, "timer.pause", NULL, pause_activated);
  gtk_widget_class_install_action (widget_class, "timer.resume", NULL, pause_activated);
  gtk_widget_class_install_action (widget_class, "timer.discard", NULL, discard_activated);
  gtk_widget_class_install_action (widget_class, "timer.discard-now", NULL,
                                   discard_now_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qing_timer_page_init (QingTimerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Creates the page for @service's timers (a floating widget). */
GtkWidget *
qing_timer_page_new (QingTimerService *service)
{
  g_return_val_if_fail (QING_IS_TIMER_SERVICE (service), NULL);
  return g_object_new (QING_TYPE_TIMER_PAGE, "timer-service", service, NULL);
}

/* Shows @timer, which runs for @child (both may be NULL: nothing shown). */
void
qing_timer_page_set_timer (QingTimerPage *self, QingRunningTimer *timer, QingPerson *child)
{
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (QING_IS_TIMER_PAGE (self));
  g_set_object (&self->timer, timer);
  g_set_object (&self->child, child);
  if (child != NULL)
    {
      GVariant *target = g_variant_ref_sink (g_variant_new_int64 (qing_person_get_id (child)));
      g_autofree char *finish = g_strdup_printf ("%s.finish-timer", self->action_prefix);

      name = qing_parent_first_name (child);
      /* Translators: the title of the running timer; %s is the child's name */
      title = g_strdup_printf (_("Listening to %s"), name);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->finish_button), target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->finish_button), finish);
      g_variant_unref (target);
    }
  gtk_label_set_text (self->name_label, title != NULL ? title : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.discard", timer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.pause", timer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.resume", timer != NULL);
  qing_timer_page_refresh (self);
}

/* Returns the timer shown, or NULL (owned by the page). */
QingRunningTimer *
qing_timer_page_get_timer (QingTimerPage *self)
{
  g_return_val_if_fail (QING_IS_TIMER_PAGE (self), NULL);
  return self->timer;
}

/* Returns the child the timer runs for, or NULL (owned by the page). */
QingPerson *
qing_timer_page_get_child (QingTimerPage *self)
{
  g_return_val_if_fail (QING_IS_TIMER_PAGE (self), NULL);
  return self->child;
}

/* Returns the elapsed time shown, e.g. "12:34" (owned by the page). */
const char *
qing_timer_page_get_elapsed_text (QingTimerPage *self)
{
  g_return_val_if_fail (QING_IS_TIMER_PAGE (self), NULL);
  return gtk_label_get_text (self->time_label);
}

/* Returns the page's ring (owned by the page). */
QingRing *
qing_timer_page_get_ring (QingTimerPage *self)
{
  g_return_val_if_fail (QING_IS_TIMER_PAGE (self), NULL);
  return self->ring;
}
