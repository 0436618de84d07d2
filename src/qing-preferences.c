/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingPreferencesWindow: the roles held, the background switch, reminder
 * and digest times, and the school's crisis steps; plus small helpers for
 * reading the program's settings the same way everywhere.
 */
#include <glib/gi18n.h>
#include <stdio.h>

#include "qing-preferences.h"
#include "qing-calendar-page.h" /* calendar editor */

struct _QingPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings     *settings;
  QingStore     *store; /* calendar editor: NULL = no school calendar page */
  gboolean       syncing;

  GtkSwitch     *parent_switch;
  GtkSwitch     *mentor_switch;
  GtkSwitch     *counselor_switch;
  GtkSwitch     *background_switch;
  GtkSpinButton *reminder_hour_spin;
  GtkSpinButton *reminder_minute_spin;
  GtkSpinButton *digest_hour_spin;
  GtkSpinButton *digest_minute_spin;
  GtkTextView   *crisis_view;
};

G_DEFINE_FINAL_TYPE (QingPreferencesWindow, qing_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE, /* calendar editor */
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const QingRole held_roles[] = { QING_ROLE_PARENT, QING_ROLE_MENTOR, QING_ROLE_COUNSELOR };

static GtkSwitch *
switch_for_role (QingPreferencesWindow *self, QingRole role)
{
  switch (role)
    {
    case QING_ROLE_PARENT:
      return self->parent_switch;
    case QING_ROLE_MENTOR:
      return self->mentor_switch;
    case QING_ROLE_COUNSELOR:
      return self->counselor_switch;
    case QING_ROLE_PEER:
    default:
      g_assert_not_reached ();
    }
}

/* Switches follow the key; the last role held cannot be switched off, or
 * the window would fall back to the welcome page. */
static void
sync_role_switches (QingPreferencesWindow *self)
{
  guint n_held = 0;

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (held_roles); i++)
    {
      gboolean held = qing_settings_has_role (self->settings, held_roles[i]);
      gtk_switch_set_active (switch_for_role (self, held_roles[i]), held);
      n_held += held;
    }
  for (guint i = 0; i < G_N_ELEMENTS (held_roles); i++)
    {
      GtkWidget *sw = GTK_WIDGET (switch_for_role (self, held_roles[i]));
      gtk_widget_set_sensitive (sw, !(n_held == 1 && gtk_switch_get_active (GTK_SWITCH (sw))));
    }
  self->syncing = FALSE;
}

static void
on_role_switch_active_changed (QingPreferencesWindow *self)
{
  if (self->syncing)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (held_roles); i++)
    qing_settings_set_role (self->settings, held_roles[i],
                            gtk_switch_get_active (switch_for_role (self, held_roles[i])));
}

static void
on_settings_roles_changed (GSettings *settings, const char *key, gpointer user_data)
{
  sync_role_switches (QING_PREFERENCES_WINDOW (user_data));
}

static gboolean
on_time_spin_output (GtkSpinButton *spin, gpointer user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
sync_time_spins (QingPreferencesWindow *self)
{
  int hour, minute;

  self->syncing = TRUE;
  if (qing_settings_get_time (self->settings, "reminder-time", &hour, &minute))
    {
      gtk_spin_button_set_value (self->reminder_hour_spin, hour);
      gtk_spin_button_set_value (self->reminder_minute_spin, minute);
    }
  if (qing_settings_get_time (self->settings, "digest-time", &hour, &minute))
    {
      gtk_spin_button_set_value (self->digest_hour_spin, hour);
      gtk_spin_button_set_value (self->digest_minute_spin, minute);
    }
  self->syncing = FALSE;
}

static void
write_time (GSettings *settings, const char *key, GtkSpinButton *hour, GtkSpinButton *minute)
{
  g_autofree char *text = g_strdup_printf ("%02d:%02d",
                                           gtk_spin_button_get_value_as_int (hour),
                                           gtk_spin_button_get_value_as_int (minute));
  g_autofree char *old = g_settings_get_string (settings, key);

  if (g_strcmp0 (old, text) != 0)
    g_settings_set_string (settings, key, text);
}

static void
on_time_spin_value_changed (QingPreferencesWindow *self, GtkSpinButton *spin)
{
  if (self->syncing)
    return;
  if (spin == self->reminder_hour_spin || spin == self->reminder_minute_spin)
    write_time (self->settings, "reminder-time", self->reminder_hour_spin,
                self->reminder_minute_spin);
  else
    write_time (self->settings, "digest-time", self->digest_hour_spin, self->digest_minute_spin);
}

static void
on_settings_time_changed (GSettings *settings, const char *key, gpointer user_data)
{
  sync_time_spins (QING_PREFERENCES_WINDOW (user_data));
}

static void
on_crisis_buffer_changed (QingPreferencesWindow *self, GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* The default text is kept as "", so it follows the user's language. */
  g_settings_set_string (self->settings, "crisis-steps",
                         g_strcmp0 (text, qing_crisis_steps_default ()) == 0 ? "" : text);
}

static void
sync_crisis_text (QingPreferencesWindow *self)
{
  g_autofree char *text = qing_settings_dup_crisis_steps (self->settings);

  self->syncing = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->crisis_view), text, -1);
  self->syncing = FALSE;
}

static void
on_restore_crisis_clicked (QingPreferencesWindow *self)
{
  g_settings_reset (self->settings, "crisis-steps");
  sync_crisis_text (self);
}

static void
qing_preferences_window_constructed (GObject *object)
{
  QingPreferencesWindow *self = QING_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (qing_preferences_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "background", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::roles",
                           G_CALLBACK (on_settings_roles_changed), self, 0);
  g_signal_connect_object (self->settings, "changed::reminder-time",
                           G_CALLBACK (on_settings_time_changed), self, 0);
  g_signal_connect_object (self->settings, "changed::digest-time",
                           G_CALLBACK (on_settings_time_changed), self, 0);
  sync_role_switches (self);
  sync_time_spins (self);
  sync_crisis_text (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->crisis_view), "changed",
                           G_CALLBACK (on_crisis_buffer_changed), self, G_CONNECT_SWAPPED);
  /* calendar editor: the school calendar needs the store */
  if (self->store != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (qing_calendar_page_new (self->store)));
}

static void
qing_preferences_window_dispose (GObject *object)
{
  QingPreferencesWindow *self = QING_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (qing_preferences_window_parent_class)->dispose (object);
}

static void
qing_preferences_window_get_property (GObject *object, guint prop_id, GValue *value,
                                      GParamSpec *pspec)
{
  QingPreferencesWindow *self = QING_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_preferences_window_set_property (GObject *object, guint prop_id, const GValue *value,
                                      GParamSpec *pspec)
{
  QingPreferencesWindow *self = QING_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_preferences_window_class_init (QingPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = qing_preferences_window_constructed;
  object_class->dispose = qing_preferences_window_dispose;
  object_class->get_property = qing_preferences_window_get_property;
  object_class->set_property = qing_preferences_window_set_property;

  /* The program's settings; g_settings_new (APP_ID) when not given. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /* calendar editor: the store whose school calendar the "calendar" page
   * edits; without one there is no such page. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/qing-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, QingPreferencesWindow, parent_switch);
  gtk_widget_class_bind_template_child (widget_class, QingPreferencesWindow, mentor_switch);
  gtk_widget_class_bind_template_child (widget_class, QingPreferencesWindow, counselor_switch);
  gtk_widget_class_bind_template_child (widget_class, QingPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, QingPreferencesWindow, reminder_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, QingPreferencesWindow, reminder_minute_spin);
  gtk_widget_class_bind_template_child (widget_class, QingPreferencesWindow, digest_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, QingPreferencesWindow, digest_minute_spin);
  gtk_widget_class_bind_template_child (widget_class, QingPreferencesWindow, crisis_view);
  gtk_widget_class_bind_template_callback (widget_class, on_role_switch_active_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_time_spin_output);
  gtk_widget_class_bind_template_callback (widget_class, on_time_spin_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_crisis_clicked);
}

static void
qing_preferences_window_init (QingPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns a new preferences window (owned by GTK's window list once shown)
 * that edits @settings (schema io.github.qingting.Qingting). */
QingPreferencesWindow *
qing_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  return g_object_new (QING_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

/* calendar editor: returns a new preferences window (owned by GTK's window
 * list once shown) that also edits the school calendar kept in @store. */
QingPreferencesWindow *
qing_preferences_window_new_with_store (GSettings *settings, QingStore *store)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || QING_IS_STORE (store), NULL);
  return g_object_new (QING_TYPE_PREFERENCES_WINDOW, "settings", settings, "store", store, NULL);
}

/* calendar editor: shows the page named @page_name ("calendar"); a name
 * without a page leaves the window as it is. */
void
qing_preferences_window_show_page (QingPreferencesWindow *self, const char *page_name)
{
  g_return_if_fail (QING_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (page_name != NULL);

  if (g_strcmp0 (page_name, "calendar") == 0 && self->store == NULL)
    return;
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), page_name);
}

/* Returns the value @role has in the "roles" key ("parent", "mentor",
 * "counselor"; static), or NULL for a role that cannot be held there. */
const char *
qing_role_to_setting (QingRole role)
{
  switch (role)
    {
    case QING_ROLE_PARENT:
      return "parent";
    case QING_ROLE_MENTOR:
      return "mentor";
    case QING_ROLE_COUNSELOR:
      return "counselor";
    case QING_ROLE_PEER:
    default:
      return NULL;
    }
}

/* Returns whether the user holds @role according to @settings. */
gboolean
qing_settings_has_role (GSettings *settings, QingRole role)
{
  g_auto (GStrv) roles = NULL;
  const char *name = qing_role_to_setting (role);

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  if (name == NULL)
    return FALSE;
  roles = g_settings_get_strv (settings, "roles");
  return g_strv_contains ((const char * const *) roles, name);
}

/* Adds @role to the "roles" key, or removes it; writes only on a change. */
void
qing_settings_set_role (GSettings *settings, QingRole role, gboolean held)
{
  g_auto (GStrv) roles = NULL;
  g_auto (GStrv) result = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  const char *name = qing_role_to_setting (role);

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (name != NULL);

  if (qing_settings_has_role (settings, role) == !!held)
    return;
  roles = g_settings_get_strv (settings, "roles");
  builder = g_strv_builder_new ();
  for (guint i = 0; roles[i] != NULL; i++)
    if (g_strcmp0 (roles[i], name) != 0)
      g_strv_builder_add (builder, roles[i]);
  if (held)
    g_strv_builder_add (builder, name);
  result = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "roles", (const char * const *) result);
}

/* Reads a "HH:MM" key such as "reminder-time" into @hour and @minute;
 * returns FALSE (and leaves them alone) when the value is not a time. */
gboolean
qing_settings_get_time (GSettings *settings, const char *key, int *hour, int *minute)
{
  g_autofree char *text = NULL;
  int h, m;
  char end;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (key != NULL && hour != NULL && minute != NULL, FALSE);

  text = g_settings_get_string (settings, key);
  if (sscanf (text, "%d:%d%c", &h, &m, &end) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
    return FALSE;
  *hour = h;
  *minute = m;
  return TRUE;
}

/* Returns the built-in crisis steps, translated (static). */
const char *
qing_crisis_steps_default (void)
{
  return _("1. Stay with the student; do not leave them alone.\n"
           "2. Tell the counselor on duty and the school leader in charge at once.\n"
           "3. Tell the student’s guardians, unless that would put the student at risk.\n"
           "4. If a life is in danger, call 120 or 110 and follow the school’s emergency plan.\n"
           "5. Write down what you saw and heard, whom you told, and when.");
}

/* Returns the school's crisis steps (a new string; free it): the text set
 * in Preferences, or the built-in default in the user's language. */
char *
qing_settings_dup_crisis_steps (GSettings *settings)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  text = g_settings_get_string (settings, "crisis-steps");
  if (text[0] == '\0')
    return g_strdup (qing_crisis_steps_default ());
  return g_steal_pointer (&text);
}
