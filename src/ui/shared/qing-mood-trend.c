/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "qing-mood-trend.h"
#include "qing-shared-style.h"

struct _QingMoodTrend
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkToggleButton *days_30;
  GtkToggleButton *days_90;
  GtkToggleButton *days_365;
  QingMoodChart   *chart;
};

G_DEFINE_FINAL_TYPE (QingMoodTrend, qing_mood_trend, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_days_toggled (GtkToggleButton *button,
                 QingMoodTrend   *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->days_30)
    qing_mood_trend_set_days (self, 30);
  else if (button == self->days_90)
    qing_mood_trend_set_days (self, 90);
  else
    qing_mood_trend_set_days (self, 365);
}

static void
on_chart_days_changed (QingMoodChart *chart,
                       GParamSpec    *pspec,
                       QingMoodTrend *self)
{
  guint days = qing_mood_chart_get_days (chart);

  /* the group turns the other toggles off */
  if (days == 30)
    gtk_toggle_button_set_active (self->days_30, TRUE);
  else if (days == 90)
    gtk_toggle_button_set_active (self->days_90, TRUE);
  else if (days == 365)
    gtk_toggle_button_set_active (self->days_365, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS]);
}

static void
qing_mood_trend_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QING_TYPE_MOOD_TREND);
  G_OBJECT_CLASS (qing_mood_trend_parent_class)->dispose (object);
}

static void
qing_mood_trend_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DAYS:
      g_value_set_uint (value, qing_mood_trend_get_days (QING_MOOD_TREND (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_mood_trend_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DAYS:
      qing_mood_trend_set_days (QING_MOOD_TREND (object), g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_mood_trend_class_init (QingMoodTrendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_mood_trend_dispose;
  object_class->get_property = qing_mood_trend_get_property;
  object_class->set_property = qing_mood_trend_set_property;

  properties[PROP_DAYS] =
    g_param_spec_uint ("days", NULL, NULL, 7, 3660, 30,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QING_TYPE_MOOD_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/shared/qing-mood-trend.ui");
  gtk_widget_class_bind_template_child (widget_class, QingMoodTrend, box);
  gtk_widget_class_bind_template_child (widget_class, QingMoodTrend, days_30);
  gtk_widget_class_bind_template_child (widget_class, QingMoodTrend, days_90);
  gtk_widget_class_bind_template_child (widget_class, QingMoodTrend, days_365);
  gtk_widget_class_bind_template_child (widget_class, QingMoodTrend, chart);
  gtk_widget_class_bind_template_callback (widget_class, on_days_toggled);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qing-mood-trend");
}

static void
qing_mood_trend_init (QingMoodTrend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  qing_shared_style_ensure (GTK_WIDGET (self));
  g_signal_connect_object (self->chart, "notify::days", G_CALLBACK (on_chart_days_changed), self, 0);
}

/* Creates a trend of the last 30 days, without data; returns a floating
 * reference. */
GtkWidget *
qing_mood_trend_new (void)
{
  return g_object_new (QING_TYPE_MOOD_TREND, NULL);
}

/* Returns the chart inside, owned by the trend. */
QingMoodChart *
qing_mood_trend_get_chart (QingMoodTrend *self)
{
  g_return_val_if_fail (QING_IS_MOOD_TREND (self), NULL);
  return self->chart;
}

/* Gives the chart its entries: see qing_mood_chart_set_entries(). */
void
qing_mood_trend_set_entries (QingMoodTrend       *self,
                             const QingMoodPoint *points,
                             gsize                n_points,
                             GTimeZone           *tz,
                             const GDate         *last_day)
{
  g_return_if_fail (QING_IS_MOOD_TREND (self));
  qing_mood_chart_set_entries (self->chart, points, n_points, tz, last_day);
}

/* Returns the window's length in days. */
guint
qing_mood_trend_get_days (QingMoodTrend *self)
{
  g_return_val_if_fail (QING_IS_MOOD_TREND (self), 0);
  return qing_mood_chart_get_days (self->chart);
}

/* Sets the window's length (30, 90 or 365 have a toggle). */
void
qing_mood_trend_set_days (QingMoodTrend *self,
                          guint          days)
{
  g_return_if_fail (QING_IS_MOOD_TREND (self));
  /* on_chart_days_changed() follows with the toggles and the notify */
  qing_mood_chart_set_days (self->chart, days);
}
