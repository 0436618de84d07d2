/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <math.h>

#include "qing-ring.h"
#include "qing-shared-style.h"

#define MIN_SIZE 96
#define NATURAL_SIZE 128
#define MAX_SIZE 160

struct _QingRing
{
  GtkWidget  parent_instance;

  GtkLabel  *label;

  guint      value_seconds;
  guint      goal_seconds;
  gboolean   reached;      /* used when reached_set */
  gboolean   reached_set;
  char      *accessible_text;
};

G_DEFINE_FINAL_TYPE (QingRing, qing_ring, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE_SECONDS,
  PROP_GOAL_SECONDS,
  PROP_TEXT,
  PROP_REACHED,
  PROP_REACHED_SET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_texts (QingRing *self)
{
  guint minutes = self->value_seconds / 60;
  guint goal = self->goal_seconds / 60;
  g_autofree char *text = NULL;

  /* Translators: inside the progress ring: minutes listened / daily goal,
   * then the unit on its own line ("12 / 15\nmin") */
  text = g_strdup_printf (_("%u / %u\nmin"), minutes, goal);
  if (g_strcmp0 (text, gtk_label_get_text (self->label)) != 0)
    {
      gtk_label_set_text (self->label, text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }

  g_free (self->accessible_text);
  self->accessible_text = g_strdup_printf (ngettext ("%u of %u minute listened today",
                                                     "%u of %u minutes listened today", goal),
                                           minutes, goal);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_text,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) goal,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) MIN (minutes, goal),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->accessible_text,
                                  -1);
  if (qing_ring_get_reached (self))
    gtk_widget_add_css_class (GTK_WIDGET (self), "reached");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "reached");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
draw_ring (QingRing *self, cairo_t *cr, double size)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double line = round (size * 0.1);
  double radius = (size - line) / 2;
  double fraction = MIN (1.0, (double) self->value_seconds / self->goal_seconds);
  GdkRGBA track, fill;

  qing_shared_style_get_foreground (widget, 0.12, &track);
  if (qing_ring_get_reached (self))
    qing_shared_style_lookup_color (widget, "success_color", "#26a269", &fill);
  else
    qing_shared_style_lookup_color (widget, "accent_bg_color", "#3584e4", &fill);

  cairo_set_line_width (cr, line);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, &track);
  cairo_arc (cr, size / 2, size / 2, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (fraction <= 0)
    return;
  gdk_cairo_set_source_rgba (cr, &fill);
  if (fraction >= 1)
    cairo_arc (cr, size / 2, size / 2, radius, 0, 2 * G_PI);
  else
    cairo_arc (cr, size / 2, size / 2, radius, -G_PI / 2, -G_PI / 2 + fraction * 2 * G_PI);
  cairo_stroke (cr);
}

static void
qing_ring_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  QingRing *self = QING_RING (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (MAX_SIZE, MIN (width, height));
  graphene_rect_t bounds;
  cairo_t *cr;

  if (size <= 0)
    return;
  graphene_rect_init (&bounds, floor ((width - size) / 2), floor ((height - size) / 2), size, size);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, bounds.origin.x, bounds.origin.y);
  draw_ring (self, cr, size);
  cairo_destroy (cr);

  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->label), snapshot);
}

static void
qing_ring_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  QingRing *self = QING_RING (widget);
  int child_min = 0, child_nat = 0;

  gtk_widget_measure (GTK_WIDGET (self->label), orientation, -1, &child_min, &child_nat, NULL, NULL);
  *minimum = MAX (MIN_SIZE, child_min);
  *natural = MAX (NATURAL_SIZE, child_nat);
}

static void
qing_ring_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  QingRing *self = QING_RING (widget);

  gtk_widget_allocate (GTK_WIDGET (self->label), width, height, -1, NULL);
}

static void
qing_ring_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (qing_ring_parent_class)->css_changed (widget, change);
  /* the theme colors may have changed (dark mode, high contrast) */
  gtk_widget_queue_draw (widget);
}

static void
qing_ring_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QING_TYPE_RING);
  G_OBJECT_CLASS (qing_ring_parent_class)->dispose (object);
}

static void
qing_ring_finalize (GObject *object)
{
  g_free (QING_RING (object)->accessible_text);
  G_OBJECT_CLASS (qing_ring_parent_class)->finalize (object);
}

static void
qing_ring_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  QingRing *self = QING_RING (object);

  switch (prop_id)
    {
    case PROP_VALUE_SECONDS:
      g_value_set_uint (value, self->value_seconds);
      break;
    case PROP_GOAL_SECONDS:
      g_value_set_uint (value, self->goal_seconds);
      break;
    case PROP_TEXT:
      g_value_set_string (value, qing_ring_get_text (self));
      break;
    case PROP_REACHED:
      g_value_set_boolean (value, qing_ring_get_reached (self));
      break;
    case PROP_REACHED_SET:
      g_value_set_boolean (value, self->reached_set);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_ring_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  QingRing *self = QING_RING (object);

  switch (prop_id)
    {
    case PROP_VALUE_SECONDS:
      qing_ring_set_value_seconds (self, g_value_get_uint (value));
      break;
    case PROP_GOAL_SECONDS:
      qing_ring_set_goal_seconds (self, g_value_get_uint (value));
      break;
    case PROP_REACHED:
      qing_ring_set_reached (self, g_value_get_boolean (value));
      break;
    case PROP_REACHED_SET:
      qing_ring_set_reached_set (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_ring_class_init (QingRingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_ring_dispose;
  object_class->finalize = qing_ring_finalize;
  object_class->get_property = qing_ring_get_property;
  object_class->set_property = qing_ring_set_property;
  widget_class->snapshot = qing_ring_snapshot;
  widget_class->measure = qing_ring_measure;
  widget_class->size_allocate = qing_ring_size_allocate;
  widget_class->css_changed = qing_ring_css_changed;

  properties[PROP_VALUE_SECONDS] =
    g_param_spec_uint ("value-seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GOAL_SECONDS] =
    g_param_spec_uint ("goal-seconds", NULL, NULL, 60, G_MAXUINT, 900,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REACHED] =
    g_param_spec_boolean ("reached", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REACHED_SET] =
    g_param_spec_boolean ("reached-set", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/shared/qing-ring.ui");
  gtk_widget_class_bind_template_child (widget_class, QingRing, label);
  gtk_widget_class_set_css_name (widget_class, "qing-ring");
}

static void
qing_ring_init (QingRing *self)
{
  self->goal_seconds = 900;
  gtk_widget_init_template (GTK_WIDGET (self));
  qing_shared_style_ensure (GTK_WIDGET (self));
  update_texts (self);
}

/* Creates a ring at 0 of 15 minutes; returns a floating reference. */
GtkWidget *
qing_ring_new (void)
{
  return g_object_new (QING_TYPE_RING, NULL);
}

/* Returns the seconds listened. */
guint
qing_ring_get_value_seconds (QingRing *self)
{
  g_return_val_if_fail (QING_IS_RING (self), 0);
  return self->value_seconds;
}

/* Sets the seconds listened; the ring fills and turns green at the goal. */
void
qing_ring_set_value_seconds (QingRing *self,
                             guint     seconds)
{
  gboolean was_reached;

  g_return_if_fail (QING_IS_RING (self));
  if (self->value_seconds == seconds)
    return;
  was_reached = qing_ring_get_reached (self);
  self->value_seconds = seconds;
  update_texts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_SECONDS]);
  if (was_reached != qing_ring_get_reached (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHED]);
}

/* Returns the daily goal in seconds (900 unless changed). */
guint
qing_ring_get_goal_seconds (QingRing *self)
{
  g_return_val_if_fail (QING_IS_RING (self), 0);
  return self->goal_seconds;
}

/* Sets the daily goal in seconds (at least one minute). */
void
qing_ring_set_goal_seconds (QingRing *self,
                            guint     seconds)
{
  gboolean was_reached;

  g_return_if_fail (QING_IS_RING (self));
  g_return_if_fail (seconds >= 60);
  if (self->goal_seconds == seconds)
    return;
  was_reached = qing_ring_get_reached (self);
  self->goal_seconds = seconds;
  update_texts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL_SECONDS]);
  if (was_reached != qing_ring_get_reached (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHED]);
}

/* Returns the text shown in the middle, owned by the ring. */
const char *
qing_ring_get_text (QingRing *self)
{
  g_return_val_if_fail (QING_IS_RING (self), NULL);
  return gtk_label_get_text (self->label);
}

/* Returns whether the goal is reached: the value given with
 * qing_ring_set_reached() if reached-set, else value ≥ goal. */
gboolean
qing_ring_get_reached (QingRing *self)
{
  g_return_val_if_fail (QING_IS_RING (self), FALSE);
  if (self->reached_set)
    return self->reached;
  return self->value_seconds >= self->goal_seconds;
}

/* After a change that may touch the reached state: redraws, and notifies
 * "reached" if it differs from @was_reached. */
static void
update_reached (QingRing *self, gboolean was_reached)
{
  update_texts (self);
  if (was_reached != qing_ring_get_reached (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHED]);
}

/* Says whether the goal is reached, whatever the value: for a day whose
 * rule is not "minutes ≥ goal" (the parent rule needs one talk of 15
 * minutes, so short talks can fill the ring without reaching it).  Sets
 * reached-set to TRUE. */
void
qing_ring_set_reached (QingRing *self,
                       gboolean  reached)
{
  gboolean was_reached;

  g_return_if_fail (QING_IS_RING (self));
  reached = !!reached;
  if (self->reached_set && self->reached == reached)
    return;
  was_reached = qing_ring_get_reached (self);
  self->reached = reached;
  if (!self->reached_set)
    {
      self->reached_set = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHED_SET]);
    }
  update_reached (self, was_reached);
}

/* Returns whether the reached state is the one given with
 * qing_ring_set_reached() (TRUE) or follows value ≥ goal (FALSE). */
gboolean
qing_ring_get_reached_set (QingRing *self)
{
  g_return_val_if_fail (QING_IS_RING (self), FALSE);
  return self->reached_set;
}

/* With FALSE, the reached state follows value ≥ goal again (the default). */
void
qing_ring_set_reached_set (QingRing *self,
                           gboolean  reached_set)
{
  gboolean was_reached;

  g_return_if_fail (QING_IS_RING (self));
  reached_set = !!reached_set;
  if (self->reached_set == reached_set)
    return;
  was_reached = qing_ring_get_reached (self);
  self->reached_set = reached_set;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHED_SET]);
  update_reached (self, was_reached);
}

/* Returns the sentence given to screen readers, owned by the ring. */
const char *
qing_ring_get_accessible_text (QingRing *self)
{
  g_return_val_if_fail (QING_IS_RING (self), NULL);
  return self->accessible_text;
}
