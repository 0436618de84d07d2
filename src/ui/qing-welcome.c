/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingWelcome: the first-run page.  It says what the program is for and
 * lets the user choose the roles they hold; Continue writes the choice to
 * the "roles" key, and the window, which watches that key, moves on.
 */
#include <glib/gi18n.h>

#include "qing-preferences.h"
#include "qing-welcome.h"

struct _QingWelcome
{
  AdwBin          parent_instance;

  GSettings      *settings;

  GtkCheckButton *parent_check;
  GtkCheckButton *mentor_check;
  GtkCheckButton *counselor_check;
};

G_DEFINE_FINAL_TYPE (QingWelcome, qing_welcome, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CAN_CONTINUE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static GtkCheckButton *
check_for_role (QingWelcome *self, QingRole role)
{
  switch (role)
    {
    case QING_ROLE_PARENT:
      return self->parent_check;
    case QING_ROLE_MENTOR:
      return self->mentor_check;
    case QING_ROLE_COUNSELOR:
      return self->counselor_check;
    case QING_ROLE_PEER:
    default:
      return NULL;
    }
}

static void
on_check_active_changed (QingWelcome *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.continue",
                                 qing_welcome_get_can_continue (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CONTINUE]);
}

static void
continue_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  QingWelcome *self = QING_WELCOME (widget);
  static const QingRole roles[] = { QING_ROLE_PARENT, QING_ROLE_MENTOR, QING_ROLE_COUNSELOR };
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) chosen = NULL;

  if (!qing_welcome_get_can_continue (self))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (qing_welcome_get_role_chosen (self, roles[i]))
      g_strv_builder_add (builder, qing_role_to_setting (roles[i]));
  chosen = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "roles", (const char * const *) chosen);
}

static void
qing_welcome_constructed (GObject *object)
{
  QingWelcome *self = QING_WELCOME (object);

  G_OBJECT_CLASS (qing_welcome_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));
  /* Preselect what is already held (the welcome can come back when every
   * role was removed), so the user only adds to it. */
  gtk_check_button_set_active (self->parent_check,
                               qing_settings_has_role (self->settings, QING_ROLE_PARENT));
  gtk_check_button_set_active (self->mentor_check,
                               qing_settings_has_role (self->settings, QING_ROLE_MENTOR));
  gtk_check_button_set_active (self->counselor_check,
                               qing_settings_has_role (self->settings, QING_ROLE_COUNSELOR));
  on_check_active_changed (self);
}

static void
qing_welcome_dispose (GObject *object)
{
  QingWelcome *self = QING_WELCOME (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_WELCOME);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (qing_welcome_parent_class)->dispose (object);
}

static void
qing_welcome_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingWelcome *self = QING_WELCOME (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_CAN_CONTINUE:
      g_value_set_boolean (value, qing_welcome_get_can_continue (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_welcome_set_property (GObject *object, guint prop_id, const GValue *value,
                           GParamSpec *pspec)
{
  QingWelcome *self = QING_WELCOME (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_welcome_class_init (QingWelcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = qing_welcome_constructed;
  object_class->dispose = qing_welcome_dispose;
  object_class->get_property = qing_welcome_get_property;
  object_class->set_property = qing_welcome_set_property;

  /* Where the chosen roles are written ("roles" key). */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /* TRUE while at least one role is chosen. */
  properties[PROP_CAN_CONTINUE] =
    g_param_spec_boolean ("can-continue", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/qing-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, QingWelcome, parent_check);
  gtk_widget_class_bind_template_child (widget_class, QingWelcome, mentor_check);
  gtk_widget_class_bind_template_child (widget_class, QingWelcome, counselor_check);
  gtk_widget_class_bind_template_callback (widget_class, on_check_active_changed);

  gtk_widget_class_install_action (widget_class, "welcome.continue", NULL, continue_activated);
}

static void
qing_welcome_init (QingWelcome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns a new, floating welcome page that writes the chosen roles to
 * @settings (schema io.github.qingting.Qingting). */
QingWelcome *
qing_welcome_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  return g_object_new (QING_TYPE_WELCOME, "settings", settings, NULL);
}

/* Ticks or unticks @role, as a click on its row would. */
void
qing_welcome_set_role_chosen (QingWelcome *self, QingRole role, gboolean chosen)
{
  GtkCheckButton *check;

  g_return_if_fail (QING_IS_WELCOME (self));
  check = check_for_role (self, role);
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (check, chosen);
}

/* Returns whether @role is ticked. */
gboolean
qing_welcome_get_role_chosen (QingWelcome *self, QingRole role)
{
  GtkCheckButton *check;

  g_return_val_if_fail (QING_IS_WELCOME (self), FALSE);
  check = check_for_role (self, role);
  return check != NULL && gtk_check_button_get_active (check);
}

/* Returns whether Continue is possible: at least one role is ticked. */
gboolean
qing_welcome_get_can_continue (QingWelcome *self)
{
  g_return_val_if_fail (QING_IS_WELCOME (self), FALSE);
  return gtk_check_button_get_active (self->parent_check)
         || gtk_check_button_get_active (self->mentor_check)
         || gtk_check_button_get_active (self->counselor_check);
}
