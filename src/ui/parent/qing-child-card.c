/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-child-card.h"
#include "qing-parent-data.h"

struct _QingChildCard
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkButton  *name_button;
  GtkLabel   *name_label;
  QingRing   *ring;
  GtkLabel   *hint_label;
  GtkLabel   *streak_label;
  GtkStack   *action_stack;
  GtkWidget  *start_button;
  GtkLabel   *running_label;
  GtkWidget  *open_timer_button;

  QingPerson *child;
  guint       saved_seconds;
  gboolean    done_today;      /* a saved talk of 15 minutes today */
  guint       streak_days;
  gint64      running_elapsed; /* < 0: no timer runs */
  gboolean    paused;
};

G_DEFINE_FINAL_TYPE (QingChildCard, qing_child_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
qing_child_card_constructed (GObject *object)
{
  QingChildCard *self = QING_CHILD_CARD (object);
  GVariant *target;

  G_OBJECT_CLASS (qing_child_card_parent_class)->constructed (object);

  g_assert (self->child != NULL);
  gtk_label_set_text (self->name_label, qing_person_get_name (self->child));
  target = g_variant_new_int64 (qing_person_get_id (self->child));
  g_variant_ref_sink (target);
  /* The target first: a name without its target would be refused. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->name_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->name_button), "parent.open-child");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->start_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->start_button), "parent.start");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->open_timer_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_timer_button), "parent.open-timer");
  g_variant_unref (target);
  self->running_elapsed = -1;
  qing_child_card_set_day (self, 0, FALSE, 0);
}

static void
qing_child_card_dispose (GObject *object)
{
  QingChildCard *self = QING_CHILD_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_CHILD_CARD);
  g_clear_object (&self->child);
  G_OBJECT_CLASS (qing_child_card_parent_class)->dispose (object);
}

static void
qing_child_card_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingChildCard *self = QING_CHILD_CARD (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_child_card_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  QingChildCard *self = QING_CHILD_CARD (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      self->child = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_child_card_class_init (QingChildCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = qing_child_card_constructed;
  object_class->dispose = qing_child_card_dispose;
  object_class->get_property = qing_child_card_get_property;
  object_class->set_property = qing_child_card_set_property;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, QING_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QING_TYPE_RING);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/parent/qing-child-card.ui");
  gtk_widget_class_bind_template_child (widget_class, QingChildCard, box);
  gtk_widget_class_bind_template_child (widget_class, QingChildCard, name_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, QingChildCard, ring);
  gtk_widget_class_bind_template_child (widget_class, QingChildCard, hint_label);
  gtk_widget_class_bind_template_child (widget_class, QingChildCard, streak_label);
  gtk_widget_class_bind_template_child (widget_class, QingChildCard, action_stack);
  gtk_widget_class_bind_template_child (widget_class, QingChildCard, start_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildCard, running_label);
  gtk_widget_class_bind_template_child (widget_class, QingChildCard, open_timer_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qing-child-card");
}

static void
qing_child_card_init (QingChildCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Creates a card for @child (a floating widget). */
GtkWidget *
qing_child_card_new (QingPerson *child)
{
  g_return_val_if_fail (QING_IS_PERSON (child), NULL);
  return g_object_new (QING_TYPE_CHILD_CARD, "child", child, NULL);
}

/* Returns the child shown (owned by the card). */
QingPerson *
qing_child_card_get_child (QingChildCard *self)
{
  g_return_val_if_fail (QING_IS_CHILD_CARD (self), NULL);
  return self->child;
}

static void
show_running (QingChildCard *self)
{
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  if (self->running_elapsed < 0)
    {
      gtk_stack_set_visible_child_name (self->action_stack, "idle");
      return;
    }
  time = qing_parent_format_elapsed (self->running_elapsed);
  if (self->paused)
    /* Translators: on a child's card while the timer is paused; %s is "12:34" */
    text = g_strdup_printf (_("Paused at %s"), time);
  else
    /* Translators: on a child's card while the timer runs; %s is "12:34" */
    text = g_strdup_printf (_("Listening · %s"), time);
  gtk_label_set_text (self->running_label, text);
  gtk_stack_set_visible_child_name (self->action_stack, "running");
}

static void
show_ring (QingChildCard *self)
{
  gint64 total = (gint64) self->saved_seconds + MAX (self->running_elapsed, 0);
  /* Done takes one talk of 15 minutes (PARENT_DAILY): a saved one, or the
   * running timer's, which fills its own ring at 15:00 too. */
  gboolean reached = self->done_today || self->running_elapsed >= QING_PARENT_GOAL_SECONDS;
  gboolean hint = !reached && total >= QING_PARENT_GOAL_SECONDS;

  /* The ring shows what is saved today and what the running timer adds. */
  qing_ring_set_value_seconds (self->ring, (guint) MIN (total, G_MAXUINT));
  qing_ring_set_reached (self->ring, reached);
  if (hint)
    {
      guint minutes = (guint) MIN (total / 60, G_MAXUINT);
      g_autofree char *text = NULL;

      /* Translators: under the ring when today's short talks add up to 15
       * minutes or more but none lasted 15 minutes; %u is the minutes */
      text = g_strdup_printf (ngettext ("Short talks add up to %u min; one unbroken 15-minute "
                                        "talk counts",
                                        "Short talks add up to %u min; one unbroken 15-minute "
                                        "talk counts", minutes), minutes);
      gtk_label_set_text (self->hint_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint);
}

/* Shows the seconds saved today (talks already written, added up),
 * whether one of them lasted 15 minutes (@done_today: the day is done)
 * and the current streak of days that were done. */
void
qing_child_card_set_day (QingChildCard *self,
                         guint          saved_seconds,
                         gboolean       done_today,
                         guint          streak_days)
{
  g_autofree char *streak = NULL;

  g_return_if_fail (QING_IS_CHILD_CARD (self));
  self->saved_seconds = saved_seconds;
  self->done_today = done_today;
  self->streak_days = streak_days;
  streak = qing_parent_format_streak (streak_days);
  gtk_label_set_text (self->streak_label, streak);
  show_ring (self);
}

/* Shows the running timer's elapsed seconds (paused or not) with "Open
 * timer", or, with @running_elapsed < 0, the "Start listening" button. */
void
qing_child_card_set_running (QingChildCard *self, gint64 running_elapsed, gboolean paused)
{
  g_return_if_fail (QING_IS_CHILD_CARD (self));
  self->running_elapsed = running_elapsed;
  self->paused = paused;
  show_running (self);
  show_ring (self);
}

/* Returns the card's ring (owned by the card). */
QingRing *
qing_child_card_get_ring (QingChildCard *self)
{
  g_return_val_if_fail (QING_IS_CHILD_CARD (self), NULL);
  return self->ring;
}

/* Returns the hint shown under the ring when short talks add up to 15
 * minutes without one of 15 minutes, or NULL when none is shown (owned
 * by the card). */
const char *
qing_child_card_get_hint_text (QingChildCard *self)
{
  g_return_val_if_fail (QING_IS_CHILD_CARD (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->hint_label)))
    return NULL;
  return gtk_label_get_text (self->hint_label);
}

/* Returns the "Start listening" button (owned by the card). */
GtkWidget *
qing_child_card_get_start_button (QingChildCard *self)
{
  g_return_val_if_fail (QING_IS_CHILD_CARD (self), NULL);
  return self->start_button;
}

/* Returns the running-timer line, or NULL when no timer runs (owned by the card). */
const char *
qing_child_card_get_running_text (QingChildCard *self)
{
  g_return_val_if_fail (QING_IS_CHILD_CARD (self), NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->action_stack), "running") != 0)
    return NULL;
  return gtk_label_get_text (self->running_label);
}
