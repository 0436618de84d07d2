/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "qing-mood-chart.h"
#include "qing-mood-face.h"
#include "qing-shared-style.h"

#define AXIS_WIDTH 34
#define PAD_TOP 12
#define PAD_RIGHT 10
#define FACE_RADIUS 10

struct _QingMoodChart
{
  GtkWidget       parent_instance;

  GArray         *points;
  GTimeZone      *tz;
  GDate           last_day;
  guint           days;

  QingMoodSeries *series;
  char           *summary;
};

G_DEFINE_FINAL_TYPE (QingMoodChart, qing_mood_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAYS,
  PROP_SERIES,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The plot area and the scale from days and levels to pixels. */
typedef struct
{
  double x0, x1, y0, y1;
  double step;
  guint  n;
} Frame;

static double
x_of (const Frame *f, guint index)
{
  return f->x0 + (index + 0.5) * f->step;
}

static double
y_of (const Frame *f, double valence)
{
  return f->y0 + (3.0 - valence) / 6.0 * (f->y1 - f->y0);
}

static void
rebuild_series (QingMoodChart *self)
{
  g_autofree char *summary = NULL;

  g_clear_object (&self->series);
  self->series = qing_mood_series_new_ending ((const QingMoodPoint *) self->points->data,
                                              self->points->len, self->tz, &self->last_day,
                                              self->days);
  summary = qing_mood_series_describe (self->series);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES]);
  if (g_strcmp0 (summary, self->summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_steal_pointer (&summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static PangoLayout *
small_layout (QingMoodChart *self, const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
draw_grid (QingMoodChart *self, cairo_t *cr, const Frame *f)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA line;

  cairo_set_line_width (cr, 1);
  for (int v = -3; v <= 3; v++)
    {
      double y = round (y_of (f, v)) + 0.5;

      qing_shared_style_get_foreground (widget, v == 0 ? 0.22 : 0.08, &line);
      gdk_cairo_set_source_rgba (cr, &line);
      cairo_move_to (cr, f->x0, y);
      cairo_line_to (cr, f->x1, y);
      cairo_stroke (cr);
    }
  qing_mood_face_draw (widget, cr, AXIS_WIDTH / 2.0 - 2, y_of (f, 3), FACE_RADIUS, 3);
  qing_mood_face_draw (widget, cr, AXIS_WIDTH / 2.0 - 2, y_of (f, 0), FACE_RADIUS * 0.8, 0);
  qing_mood_face_draw (widget, cr, AXIS_WIDTH / 2.0 - 2, y_of (f, -3), FACE_RADIUS, -3);
}

/* Which days get a date under the axis, and in which format. */
static const char *
tick_format (QingMoodChart *self, const GDate *day)
{
  if (self->days <= 45)
    return g_date_get_weekday (day) == G_DATE_MONDAY ? _("%b %-d") : NULL;
  if (self->days <= 120)
    {
      guint dom = g_date_get_day (day);
      return dom == 1 || dom == 15 ? _("%b %-d") : NULL;
    }
  /* Translators: a month under the mood chart's axis, a g_date_time_format()
   * format; for zh_CN use "%-m月".
   * xgettext:no-c-format */
  return g_date_get_day (day) == 1 ? _("%b") : NULL;
}

static void
draw_dates (QingMoodChart *self, cairo_t *cr, const Frame *f, double width)
{
  GdkRGBA text, tick;
  double last_right = -G_MAXDOUBLE;

  qing_shared_style_get_foreground (GTK_WIDGET (self), 0.65, &text);
  qing_shared_style_get_foreground (GTK_WIDGET (self), 0.3, &tick);
  for (guint i = 0; i < f->n; i++)
    {
      const QingMoodDay *day = qing_mood_series_get_day (self->series, i);
      const char *format = tick_format (self, &day->day);
      g_autofree char *label = NULL;
      g_autoptr (PangoLayout) layout = NULL;
      int lw, lh;
      double x, left;

      if (format == NULL)
        continue;
      x = x_of (f, i);
      gdk_cairo_set_source_rgba (cr, &tick);
      cairo_move_to (cr, round (x) + 0.5, f->y1 + 1);
      cairo_line_to (cr, round (x) + 0.5, f->y1 + 5);
      cairo_stroke (cr);

      label = qing_mood_format_date (&day->day, format);
      layout = small_layout (self, label);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      left = CLAMP (x - lw / 2.0, f->x0 - 4, width - lw);
      if (left < last_right + 8)
        continue;
      last_right = left + lw;
      gdk_cairo_set_source_rgba (cr, &text);
      cairo_move_to (cr, left, f->y1 + 6);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_range (cairo_t *cr, const Frame *f, const QingMoodDay *days, guint s, guint e, gboolean whiskers)
{
  if (whiskers || e - s == 1)
    {
      cairo_set_line_width (cr, CLAMP (f->step * 0.5, 3, 10));
      for (guint j = s; j < e; j++)
        if (days[j].max > days[j].min)
          {
            cairo_move_to (cr, x_of (f, j), y_of (f, days[j].max));
            cairo_line_to (cr, x_of (f, j), y_of (f, days[j].min));
          }
      cairo_stroke (cr);
      return;
    }
  cairo_move_to (cr, x_of (f, s), y_of (f, days[s].max));
  for (guint j = s + 1; j < e; j++)
    cairo_line_to (cr, x_of (f, j), y_of (f, days[j].max));
  for (guint j = e; j-- > s;)
    cairo_line_to (cr, x_of (f, j), y_of (f, days[j].min));
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Over a year the daily line is a zigzag: a bold 7-day mean on top of it
 * shows the trend; it breaks where a whole week has no entry. */
static void
draw_weekly_mean (cairo_t *cr, const Frame *f, const QingMoodDay *days)
{
  gboolean drawing = FALSE;

  cairo_set_line_width (cr, 2.5);
  for (guint i = 0; i < f->n; i++)
    {
      double sum = 0;
      guint n = 0;

      for (guint j = i >= 3 ? i - 3 : 0; j <= i + 3 && j < f->n; j++)
        if (days[j].n > 0)
          {
            sum += days[j].mean;
            n++;
          }
      if (n == 0)
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x_of (f, i), y_of (f, sum / n));
      else
        cairo_move_to (cr, x_of (f, i), y_of (f, sum / n));
      drawing = TRUE;
    }
  cairo_stroke (cr);
}

static void
draw_series (QingMoodChart *self, cairo_t *cr, const Frame *f)
{
  const QingMoodDay *days = qing_mood_series_get_day (self->series, 0);
  gboolean whiskers = f->step >= 7;
  gboolean dense = f->n > 120;
  GdkRGBA band, line, thin, fg;

  qing_shared_style_lookup_color (GTK_WIDGET (self), "accent_bg_color", "#3584e4", &band);
  /* on a dark background the same alpha looks much dimmer */
  qing_shared_style_get_foreground (GTK_WIDGET (self), 1.0, &fg);
  band.alpha = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5 ? 0.5 : 0.3;
  qing_shared_style_lookup_color (GTK_WIDGET (self), "accent_color", "#1c71d8", &line);
  thin = line;
  if (dense)
    thin.alpha = 0.45;
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < f->n;)
    {
      guint s, e;

      if (days[i].n == 0)
        {
          i++;
          continue;
        }
      for (s = i; i < f->n && days[i].n > 0; i++)
        ;
      e = i;
      gdk_cairo_set_source_rgba (cr, &band);
      draw_range (cr, f, days, s, e, whiskers);

      gdk_cairo_set_source_rgba (cr, &thin);
      cairo_set_line_width (cr, dense ? 1.0 : 2.5);
      cairo_move_to (cr, x_of (f, s), y_of (f, days[s].mean));
      for (guint j = s + 1; j < e; j++)
        cairo_line_to (cr, x_of (f, j), y_of (f, days[j].mean));
      cairo_stroke (cr);
      for (guint j = s; j < e; j++)
        if (whiskers || e - s == 1)
          {
            cairo_arc (cr, x_of (f, j), y_of (f, days[j].mean), whiskers ? 3.5 : 2.5, 0, 2 * G_PI);
            cairo_fill (cr);
          }
    }
  if (dense)
    {
      gdk_cairo_set_source_rgba (cr, &line);
      draw_weekly_mean (cr, f, days);
    }
}

static void
draw_empty_note (QingMoodChart *self, cairo_t *cr, const Frame *f)
{
  g_autoptr (PangoLayout) layout = small_layout (self, _("No mood recorded in this period"));
  GdkRGBA text;
  int lw, lh;

  qing_shared_style_get_foreground (GTK_WIDGET (self), 0.6, &text);
  pango_layout_get_pixel_size (layout, &lw, &lh);
  gdk_cairo_set_source_rgba (cr, &text);
  cairo_move_to (cr, (f->x0 + f->x1 - lw) / 2, y_of (f, 1.5) - lh / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* The plot's frame for the widget's current size. */
static void
compute_frame (QingMoodChart *self, Frame *f)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr (PangoLayout) probe = small_layout (self, "0");
  int lh;

  pango_layout_get_pixel_size (probe, NULL, &lh);
  f->x0 = AXIS_WIDTH;
  f->x1 = gtk_widget_get_width (widget) - PAD_RIGHT;
  f->y0 = PAD_TOP;
  f->y1 = gtk_widget_get_height (widget) - lh - 8;
  f->n = qing_mood_series_get_n_days (self->series);
  f->step = (f->x1 - f->x0) / f->n;
}

/* Hovering a day tells its date, mean and range in words. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  QingMoodChart *self = QING_MOOD_CHART (widget);
  g_autofree char *text = NULL;
  Frame f;
  int index;

  compute_frame (self, &f);
  if (keyboard || x < f.x0 || x >= f.x1 || f.step <= 0)
    return FALSE;
  index = (int) ((x - f.x0) / f.step);
  if (index < 0 || (guint) index >= f.n)
    return FALSE;
  text = qing_mood_series_describe_day (self->series, index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
qing_mood_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  QingMoodChart *self = QING_MOOD_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Frame f;
  cairo_t *cr;

  compute_frame (self, &f);
  if (f.x1 <= f.x0 || f.y1 <= f.y0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_grid (self, cr, &f);
  draw_dates (self, cr, &f, width);
  if (qing_mood_series_get_n_recorded_days (self->series) == 0)
    draw_empty_note (self, cr, &f);
  else
    draw_series (self, cr, &f);
  cairo_destroy (cr);
}

static void
qing_mood_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      *minimum = 160;
      *natural = 200;
    }
}

static void
qing_mood_chart_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (qing_mood_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
qing_mood_chart_finalize (GObject *object)
{
  QingMoodChart *self = QING_MOOD_CHART (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_object (&self->series);
  g_free (self->summary);
  G_OBJECT_CLASS (qing_mood_chart_parent_class)->finalize (object);
}

static void
qing_mood_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QingMoodChart *self = QING_MOOD_CHART (object);

  switch (prop_id)
    {
    case PROP_DAYS:
      g_value_set_uint (value, self->days);
      break;
    case PROP_SERIES:
      g_value_set_object (value, self->series);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_mood_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DAYS:
      qing_mood_chart_set_days (QING_MOOD_CHART (object), g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_mood_chart_class_init (QingMoodChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = qing_mood_chart_finalize;
  object_class->get_property = qing_mood_chart_get_property;
  object_class->set_property = qing_mood_chart_set_property;
  widget_class->snapshot = qing_mood_chart_snapshot;
  widget_class->measure = qing_mood_chart_measure;
  widget_class->css_changed = qing_mood_chart_css_changed;

  properties[PROP_DAYS] =
    g_param_spec_uint ("days", NULL, NULL, 7, 3660, 30,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SERIES] =
    g_param_spec_object ("series", NULL, NULL, QING_TYPE_MOOD_SERIES,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "qing-mood-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
qing_mood_chart_init (QingMoodChart *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  self->days = 30;
  self->points = g_array_new (FALSE, FALSE, sizeof (QingMoodPoint));
  self->tz = g_time_zone_new_local ();
  g_date_clear (&self->last_day, 1);
  g_date_set_dmy (&self->last_day, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  qing_shared_style_ensure (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mood trend"), -1);
  rebuild_series (self);
}

/* Creates an empty chart of the last 30 days; returns a floating reference. */
GtkWidget *
qing_mood_chart_new (void)
{
  return g_object_new (QING_TYPE_MOOD_CHART, NULL);
}

/**
 * qing_mood_chart_set_entries:
 * @points: (array length=n_points): the child's mood entries, any order;
 *   copied, so give all entries of the longest window you offer (365 days)
 * @tz: the time zone whose calendar days count
 * @last_day: the window's last day, usually today
 *
 * Replaces the chart's data and redraws it.
 */
void
qing_mood_chart_set_entries (QingMoodChart       *self,
                             const QingMoodPoint *points,
                             gsize                n_points,
                             GTimeZone           *tz,
                             const GDate         *last_day)
{
  g_return_if_fail (QING_IS_MOOD_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);
  g_return_if_fail (tz != NULL);
  g_return_if_fail (last_day && g_date_valid (last_day));

  g_array_set_size (self->points, 0);
  if (n_points > 0)
    g_array_append_vals (self->points, points, n_points);
  g_time_zone_unref (self->tz);
  self->tz = g_time_zone_ref (tz);
  self->last_day = *last_day;
  rebuild_series (self);
}

/* Returns the window's length in days. */
guint
qing_mood_chart_get_days (QingMoodChart *self)
{
  g_return_val_if_fail (QING_IS_MOOD_CHART (self), 0);
  return self->days;
}

/* Sets the window's length in days (30, 90, 365…). */
void
qing_mood_chart_set_days (QingMoodChart *self,
                          guint          days)
{
  g_return_if_fail (QING_IS_MOOD_CHART (self));
  g_return_if_fail (days >= 7);
  if (self->days == days)
    return;
  self->days = days;
  rebuild_series (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS]);
}

/* Returns the series drawn, owned by the chart. */
QingMoodSeries *
qing_mood_chart_get_series (QingMoodChart *self)
{
  g_return_val_if_fail (QING_IS_MOOD_CHART (self), NULL);
  return self->series;
}

/* Returns the screen-reader summary, owned by the chart. */
const char *
qing_mood_chart_get_summary (QingMoodChart *self)
{
  g_return_val_if_fail (QING_IS_MOOD_CHART (self), NULL);
  return self->summary;
}
