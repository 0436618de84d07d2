/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-shared-style.h"
#include "qing-streak-badge.h"

struct _QingStreakBadge
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *current_label;
  GtkLabel  *longest_label;

  guint      current;
  guint      longest;
  char      *accessible_text;
};

G_DEFINE_FINAL_TYPE (QingStreakBadge, qing_streak_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_LONGEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_days (guint days)
{
  return g_strdup_printf (ngettext ("%u day", "%u days", days), days);
}

static void
update_labels (QingStreakBadge *self)
{
  g_autofree char *current = format_days (self->current);
  g_autofree char *longest = format_days (self->longest);

  gtk_label_set_text (self->current_label, current);
  gtk_label_set_text (self->longest_label, longest);
  g_free (self->accessible_text);
  /* Translators: "Current streak 5 days, longest streak 12 days" */
  self->accessible_text = g_strdup_printf (_("Current streak %s, longest streak %s"),
                                           current, longest);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->accessible_text, -1);
}

static void
qing_streak_badge_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QING_TYPE_STREAK_BADGE);
  G_OBJECT_CLASS (qing_streak_badge_parent_class)->dispose (object);
}

static void
qing_streak_badge_finalize (GObject *object)
{
  g_free (QING_STREAK_BADGE (object)->accessible_text);
  G_OBJECT_CLASS (qing_streak_badge_parent_class)->finalize (object);
}

static void
qing_streak_badge_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QingStreakBadge *self = QING_STREAK_BADGE (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_uint (value, self->current);
      break;
    case PROP_LONGEST:
      g_value_set_uint (value, self->longest);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_streak_badge_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QingStreakBadge *self = QING_STREAK_BADGE (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      qing_streak_badge_set_current (self, g_value_get_uint (value));
      break;
    case PROP_LONGEST:
      qing_streak_badge_set_longest (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_streak_badge_class_init (QingStreakBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = qing_streak_badge_dispose;
  object_class->finalize = qing_streak_badge_finalize;
  object_class->get_property = qing_streak_badge_get_property;
  object_class->set_property = qing_streak_badge_set_property;

  properties[PROP_CURRENT] = g_param_spec_uint ("current", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LONGEST] = g_param_spec_uint ("longest", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/shared/qing-streak-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, QingStreakBadge, box);
  gtk_widget_class_bind_template_child (widget_class, QingStreakBadge, current_label);
  gtk_widget_class_bind_template_child (widget_class, QingStreakBadge, longest_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qing-streak-badge");
}

static void
qing_streak_badge_init (QingStreakBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  qing_shared_style_ensure (GTK_WIDGET (self));
  update_labels (self);
}

/* Creates a badge at 0 / 0 days; returns a floating reference. */
GtkWidget *
qing_streak_badge_new (void)
{
  return g_object_new (QING_TYPE_STREAK_BADGE, NULL);
}

/* Returns the days of the current streak. */
guint
qing_streak_badge_get_current (QingStreakBadge *self)
{
  g_return_val_if_fail (QING_IS_STREAK_BADGE (self), 0);
  return self->current;
}

/* Sets the days of the current streak. */
void
qing_streak_badge_set_current (QingStreakBadge *self,
                               guint            days)
{
  g_return_if_fail (QING_IS_STREAK_BADGE (self));
  if (self->current == days)
    return;
  self->current = days;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/* Returns the days of the longest streak. */
guint
qing_streak_badge_get_longest (QingStreakBadge *self)
{
  g_return_val_if_fail (QING_IS_STREAK_BADGE (self), 0);
  return self->longest;
}

/* Sets the days of the longest streak. */
void
qing_streak_badge_set_longest (QingStreakBadge *self,
                               guint            days)
{
  g_return_if_fail (QING_IS_STREAK_BADGE (self));
  if (self->longest == days)
    return;
  self->longest = days;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LONGEST]);
}

/* Returns the sentence given to screen readers, owned by the badge. */
const char *
qing_streak_badge_get_accessible_text (QingStreakBadge *self)
{
  g_return_val_if_fail (QING_IS_STREAK_BADGE (self), NULL);
  return self->accessible_text;
}
