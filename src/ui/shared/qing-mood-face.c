/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "qing-mood-face.h"
#include "qing-shared-style.h"

struct _QingMoodFace
{
  GtkWidget parent_instance;

  int       valence;
  int       size;
};

G_DEFINE_FINAL_TYPE (QingMoodFace, qing_mood_face, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALENCE,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The face's tint: amber for unpleasant, green for pleasant, stronger
 * towards the extremes; neutral is the text color, faintly. */
static void
face_fill (GtkWidget *widget, int valence, GdkRGBA *fill)
{
  if (valence < 0)
    qing_shared_style_lookup_color (widget, "warning_color", "#c64600", fill);
  else if (valence > 0)
    qing_shared_style_lookup_color (widget, "success_color", "#26a269", fill);
  else
    qing_shared_style_get_foreground (widget, 1.0, fill);
  fill->alpha = valence == 0 ? 0.12 : 0.14 + 0.1 * abs (valence);
}

static void
draw_mouth (cairo_t *cr, double r, int valence)
{
  double y = valence >= 0 ? 0.28 * r : 0.42 * r;
  double bend = valence / 3.0 * 0.42 * r;
  double half = 0.44 * r;

  cairo_move_to (cr, -half, y - bend / 2);
  cairo_curve_to (cr, -half / 2, y + bend, half / 2, y + bend, half, y - bend / 2);
  if (valence == 3)
    {
      /* a laughing, open mouth */
      cairo_close_path (cr);
      cairo_fill_preserve (cr);
    }
  cairo_stroke (cr);
}

/**
 * qing_mood_face_draw:
 * @widget: the widget whose theme colors to use
 * @cr: where to draw
 * @cx, @cy: the face's center
 * @radius: the face's radius
 * @valence: −3..+3
 *
 * Draws a face for a mood level.
 */
void
qing_mood_face_draw (GtkWidget *widget,
                     cairo_t   *cr,
                     double     cx,
                     double     cy,
                     double     radius,
                     int        valence)
{
  GdkRGBA ink, fill;
  double r = radius - MAX (1.0, radius * 0.08);

  g_return_if_fail (valence >= -3 && valence <= 3);

  qing_shared_style_get_foreground (widget, 0.85, &ink);
  face_fill (widget, valence, &fill);
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_set_line_width (cr, MAX (1.0, radius * 0.1));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &ink);
  cairo_stroke (cr);

  /* eyes */
  cairo_arc (cr, -0.34 * r, -0.22 * r, 0.1 * r, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, 0.34 * r, -0.22 * r, 0.1 * r, 0, 2 * G_PI);
  cairo_fill (cr);
  if (valence <= -2)
    {
      /* worried brows */
      double lift = valence == -3 ? 0.14 * r : 0.08 * r;
      cairo_move_to (cr, -0.5 * r, -0.42 * r);
      cairo_line_to (cr, -0.2 * r, -0.42 * r - lift);
      cairo_move_to (cr, 0.5 * r, -0.42 * r);
      cairo_line_to (cr, 0.2 * r, -0.42 * r - lift);
      cairo_stroke (cr);
    }
  draw_mouth (cr, r, valence);
  cairo_restore (cr);
}

static void
qing_mood_face_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  QingMoodFace *self = QING_MOOD_FACE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (self->size, MIN (width, height));
  cairo_t *cr;

  if (size <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  qing_mood_face_draw (widget, cr, width / 2.0, height / 2.0, size / 2.0, self->valence);
  cairo_destroy (cr);
}

static void
qing_mood_face_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = *natural = QING_MOOD_FACE (widget)->size;
}

static void
qing_mood_face_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (qing_mood_face_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
qing_mood_face_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QingMoodFace *self = QING_MOOD_FACE (object);

  switch (prop_id)
    {
    case PROP_VALENCE:
      g_value_set_int (value, self->valence);
      break;
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_mood_face_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QingMoodFace *self = QING_MOOD_FACE (object);

  switch (prop_id)
    {
    case PROP_VALENCE:
      qing_mood_face_set_valence (self, g_value_get_int (value));
      break;
    case PROP_SIZE:
      qing_mood_face_set_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_mood_face_class_init (QingMoodFaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = qing_mood_face_get_property;
  object_class->set_property = qing_mood_face_set_property;
  widget_class->snapshot = qing_mood_face_snapshot;
  widget_class->measure = qing_mood_face_measure;
  widget_class->css_changed = qing_mood_face_css_changed;

  properties[PROP_VALENCE] =
    g_param_spec_int ("valence", NULL, NULL, -3, 3, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL, 8, 256, 36,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "qing-mood-face");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
qing_mood_face_init (QingMoodFace *self)
{
  self->size = 36;
}

/* Creates a face for @valence (−3..+3); returns a floating reference. */
GtkWidget *
qing_mood_face_new (int valence)
{
  return g_object_new (QING_TYPE_MOOD_FACE, "valence", valence, NULL);
}

/* Returns the face's mood level. */
int
qing_mood_face_get_valence (QingMoodFace *self)
{
  g_return_val_if_fail (QING_IS_MOOD_FACE (self), 0);
  return self->valence;
}

/* Sets the face's mood level, −3..+3. */
void
qing_mood_face_set_valence (QingMoodFace *self,
                            int           valence)
{
  g_return_if_fail (QING_IS_MOOD_FACE (self));
  g_return_if_fail (valence >= -3 && valence <= 3);
  if (self->valence == valence)
    return;
  self->valence = valence;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALENCE]);
}

/* Returns the face's diameter in pixels. */
int
qing_mood_face_get_size (QingMoodFace *self)
{
  g_return_val_if_fail (QING_IS_MOOD_FACE (self), 0);
  return self->size;
}

/* Sets the face's diameter in pixels. */
void
qing_mood_face_set_size (QingMoodFace *self,
                         int           size)
{
  g_return_if_fail (QING_IS_MOOD_FACE (self));
  if (self->size == size)
    return;
  self->size = size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}
