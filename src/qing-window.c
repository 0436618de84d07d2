/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingWindow: the main window.  On first run it shows the welcome page;
 * once roles are chosen it shows one page per role held in an
 * AdwViewStack, with the switcher in the header bar (wide) or at the
 * bottom (narrow).  The role pages are made by the role views, which plug
 * in through qing_window_set_role_page() or qing_window_register_role_page();
 * until then a role's page says what that role does in the program.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "qing-preferences.h"
#include "qing-resources.h"
#include "qing-welcome.h"
#include "qing-window.h"

typedef struct
{
  QingRole    role;
  const char *page_name;
  const char *title;        /* translatable */
  const char *icon_name;
  const char *placeholder_title;
  const char *placeholder_description;
} RoleInfo;

static const RoleInfo role_infos[] = {
  { QING_ROLE_PARENT, "family", N_("Family"), "qing-family-symbolic",
    N_("Listening at Home"),
    N_("Time the daily fifteen-minute talk with each child, see which days reached it, "
       "and keep each child’s mood journal.") },
  { QING_ROLE_MENTOR, "mentor", N_("Mentor"), "qing-mentor-symbolic",
    N_("Talks with Your Group"),
    N_("Every student of your class or group gets a fifteen-minute talk every two weeks: "
       "see who is still waiting, plan the talks over the school days left, and raise "
       "a concern with the counselor.") },
  { QING_ROLE_COUNSELOR, "counselor", N_("Counselor"), "qing-counselor-symbolic",
    N_("Care and Counseling"),
    N_("Follow key-care students and flagged cases, record screenings, appointments and "
       "duty, and keep psychological records that no other role can see.") },
};

#define N_ROLE_SLOTS (QING_ROLE_PEER + 1)
static QingRolePageFactory role_factories[N_ROLE_SLOTS];

struct _QingWindow
{
  AdwApplicationWindow parent_instance;

  QingStore           *store;
  QingClock           *clock;
  GSettings           *settings;
  QingTimerService    *timer_service;

  GtkWidget           *role_pages[N_ROLE_SLOTS]; /* owned; made by the role views */
  GtkWidget           *in_stack[N_ROLE_SLOTS];   /* what the view stack shows now */
  gboolean             rebuilding;
  gboolean             store_failed;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  GtkBox              *welcome_box;
  GtkWidget           *welcome;
  AdwViewStack        *view_stack;
  AdwStatusPage       *error_page;
  GtkLabel            *error_path_label;
};

G_DEFINE_FINAL_TYPE (QingWindow, qing_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_SETTINGS,
  PROP_TIMER_SERVICE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const RoleInfo *
find_role_info (QingRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_infos); i++)
    if (role_infos[i].role == role)
      return &role_infos[i];
  return NULL;
}

static GtkWidget *
make_placeholder (const RoleInfo *info)
{
  return g_object_new (ADW_TYPE_STATUS_PAGE,
                       "icon-name", info->icon_name,
                       "title", _(info->placeholder_title),
                       "description", _(info->placeholder_description),
                       NULL);
}

/* The page for a role: the role view when there is one, else a placeholder. */
static GtkWidget *
page_for_role (QingWindow *self, const RoleInfo *info)
{
  /* A factory may decline (NULL), e.g. when there is no store.  What it
   * needs (store, clock, settings, timer service) are construct-only
   * properties of the window, so it may run during construction. */
  if (self->role_pages[info->role] == NULL && role_factories[info->role] != NULL)
    {
      GtkWidget *page = role_factories[info->role] (self);
      if (page != NULL)
        self->role_pages[info->role] = g_object_ref_sink (page);
    }
  if (self->role_pages[info->role] != NULL)
    return self->role_pages[info->role];
  return make_placeholder (info);
}

static void
clear_view_stack (QingWindow *self)
{
  for (guint i = 0; i < N_ROLE_SLOTS; i++)
    if (self->in_stack[i] != NULL)
      {
        adw_view_stack_remove (self->view_stack, self->in_stack[i]);
        self->in_stack[i] = NULL;
      }
}

static void
restore_visible_role (QingWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "visible-role");

  if (name[0] != '\0' && adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Rebuilds the role pages from the "roles" key, in the order of the table. */
static void
update_pages (QingWindow *self)
{
  guint n_shown = 0;

  self->rebuilding = TRUE;
  clear_view_stack (self);
  for (guint i = 0; i < G_N_ELEMENTS (role_infos); i++)
    {
      const RoleInfo *info = &role_infos[i];
      AdwViewStackPage *page;

      if (!qing_settings_has_role (self->settings, info->role))
        continue;
      self->in_stack[info->role] = page_for_role (self, info);
      page = adw_view_stack_add_titled (self->view_stack, self->in_stack[info->role],
                                        info->page_name, _(info->title));
      adw_view_stack_page_set_icon_name (page, info->icon_name);
      n_shown++;
    }
  restore_visible_role (self);
  self->rebuilding = FALSE;

  if (self->store_failed)
    return;
  gtk_stack_set_visible_child_name (self->main_stack, n_shown > 0 ? "roles" : "welcome");
}

static void
on_settings_roles_changed (GSettings *settings, const char *key, gpointer user_data)
{
  update_pages (QING_WINDOW (user_data));
}

static void
on_view_stack_visible_child_name_changed (QingWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (!self->rebuilding && name != NULL)
    g_settings_set_string (self->settings, "visible-role", name);
}

static void
close_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
qing_window_constructed (GObject *object)
{
  QingWindow *self = QING_WINDOW (object);

  G_OBJECT_CLASS (qing_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  if (self->clock == NULL)
    self->clock = qing_clock_new_system ();

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  self->welcome = GTK_WIDGET (qing_welcome_new (self->settings));
  gtk_box_append (self->welcome_box, self->welcome);

  g_signal_connect_object (self->settings, "changed::roles",
                           G_CALLBACK (on_settings_roles_changed), self, 0);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_stack_visible_child_name_changed), self,
                           G_CONNECT_SWAPPED);
  update_pages (self);
}

static void
qing_window_dispose (GObject *object)
{
  QingWindow *self = QING_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_WINDOW);
  for (guint i = 0; i < N_ROLE_SLOTS; i++)
    {
      self->in_stack[i] = NULL;
      g_clear_object (&self->role_pages[i]);
    }
  g_clear_object (&self->timer_service);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (qing_window_parent_class)->dispose (object);
}

static void
qing_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingWindow *self = QING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_TIMER_SERVICE:
      g_value_set_object (value, self->timer_service);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  QingWindow *self = QING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_TIMER_SERVICE:
      self->timer_service = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_window_class_init (QingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = qing_window_constructed;
  object_class->dispose = qing_window_dispose;
  object_class->get_property = qing_window_get_property;
  object_class->set_property = qing_window_set_property;

  /* The open QingStore, or NULL when it could not be opened. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /* Where "now" comes from; the system clock when not given. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, QING_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /* The program's settings; g_settings_new (APP_ID) when not given. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /* The application's listening timer service, shared by the role views
   * (and the reminders); NULL when there is no store. */
  properties[PROP_TIMER_SERVICE] =
    g_param_spec_object ("timer-service", NULL, NULL, QING_TYPE_TIMER_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library: naming them here keeps the
   * linker from dropping them (their constructor registers them). */
  (void) qing_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/qing-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QingWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QingWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, QingWindow, welcome_box);
  gtk_widget_class_bind_template_child (widget_class, QingWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, QingWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, QingWindow, error_path_label);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_activated);

  g_type_ensure (QING_TYPE_WELCOME);
}

static void
qing_window_init (QingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns a new window of @application (owned by the application once
 * shown) with the application's store, clock, settings and timer service.
 * When the store was refused, the window shows why instead of the role
 * pages. */
QingWindow *
qing_window_new (QingApplication *application)
{
  QingWindow *self;
  const GError *store_error;

  g_return_val_if_fail (QING_IS_APPLICATION (application), NULL);

  self = g_object_new (QING_TYPE_WINDOW,
                       "application", application,
                       "store", qing_application_get_store (application),
                       "clock", qing_application_get_clock (application),
                       "settings", qing_application_get_settings (application),
                       "timer-service", qing_application_get_timer_service (application),
                       NULL);
  store_error = qing_application_get_store_error (application);
  if (store_error != NULL)
    qing_window_show_store_error (self, store_error);
  return self;
}

/* Returns the window's store, or NULL. Owned by the window. */
QingStore *
qing_window_get_store (QingWindow *self)
{
  g_return_val_if_fail (QING_IS_WINDOW (self), NULL);
  return self->store;
}

/* Returns the window's clock, owned by the window. */
QingClock *
qing_window_get_clock (QingWindow *self)
{
  g_return_val_if_fail (QING_IS_WINDOW (self), NULL);
  return self->clock;
}

/* Returns the window's settings, owned by the window. */
GSettings *
qing_window_get_settings (QingWindow *self)
{
  g_return_val_if_fail (QING_IS_WINDOW (self), NULL);
  return self->settings;
}

/* Returns the timer service the role views share (the application's; owned
 * by the window), or NULL when there is none. */
QingTimerService *
qing_window_get_timer_service (QingWindow *self)
{
  g_return_val_if_fail (QING_IS_WINDOW (self), NULL);
  return self->timer_service;
}

/* Makes @page (the role view; the window takes a reference, sinking a
 * floating one) the page of @role, in place of the placeholder.  The page
 * is kept while the role is not held and shown again when it is. */
void
qing_window_set_role_page (QingWindow *self, QingRole role, GtkWidget *page)
{
  g_return_if_fail (QING_IS_WINDOW (self));
  g_return_if_fail (find_role_info (role) != NULL);
  g_return_if_fail (GTK_IS_WIDGET (page));

  if (self->role_pages[role] == page)
    return;
  if (self->in_stack[role] != NULL)
    {
      adw_view_stack_remove (self->view_stack, self->in_stack[role]);
      self->in_stack[role] = NULL;
    }
  g_clear_object (&self->role_pages[role]);
  self->role_pages[role] = g_object_ref_sink (page);
  update_pages (self);
}

/* Returns the page shown for @role (owned by the window), or NULL when the
 * role is not held. */
GtkWidget *
qing_window_get_role_page (QingWindow *self, QingRole role)
{
  g_return_val_if_fail (QING_IS_WINDOW (self), NULL);
  g_return_val_if_fail (find_role_info (role) != NULL, NULL);
  return self->in_stack[role];
}

/* Registers, for every window made afterwards, the function that builds
 * @role's page (the role view; NULL: none); it is called once per window,
 * when the role is first shown, and may return NULL to keep the placeholder.  Call
 * it at start-up, before windows are made (QingApplication does, in
 * register_role_views()). */
void
qing_window_register_role_page (QingRole role, QingRolePageFactory factory)
{
  g_return_if_fail (find_role_info (role) != NULL);
  role_factories[role] = factory;
}

/* Shows @role's page, when the role is held. */
void
qing_window_show_role (QingWindow *self, QingRole role)
{
  g_return_if_fail (QING_IS_WINDOW (self));
  g_return_if_fail (find_role_info (role) != NULL);

  if (self->in_stack[role] != NULL)
    adw_view_stack_set_visible_child (self->view_stack, self->in_stack[role]);
}

/* Shows, instead of everything else, why the records could not be opened,
 * with a Quit button.  The window then never offers the role pages. */
void
qing_window_show_store_error (QingWindow *self, const GError *error)
{
  GtkApplication *app;
  const char *path = NULL;

  g_return_if_fail (QING_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  self->store_failed = TRUE;
  adw_status_page_set_description (self->error_page, error->message);
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (QING_IS_APPLICATION (app))
    path = qing_application_get_database_path (QING_APPLICATION (app));
  /* Name the file, unless the message already does. */
  if (path != NULL && strstr (error->message, path) != NULL)
    path = NULL;
  if (path != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Database file: %s"), path);
      gtk_label_set_text (self->error_path_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_path_label), path != NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/* Shows @title in a toast at the bottom of the window. */
void
qing_window_add_toast (QingWindow *self, const char *title)
{
  g_return_if_fail (QING_IS_WINDOW (self));
  g_return_if_fail (title != NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Returns "welcome", "roles" or "error": what the window shows. */
const char *
qing_window_get_visible_page (QingWindow *self)
{
  g_return_val_if_fail (QING_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

/* Returns the stack of role pages, owned by the window. */
AdwViewStack *
qing_window_get_view_stack (QingWindow *self)
{
  g_return_val_if_fail (QING_IS_WINDOW (self), NULL);
  return self->view_stack;
}

/* Returns the welcome page (a QingWelcome), owned by the window. */
GtkWidget *
qing_window_get_welcome (QingWindow *self)
{
  g_return_val_if_fail (QING_IS_WINDOW (self), NULL);
  return self->welcome;
}

/* Returns the name of @role's page in the view stack ("family", "mentor",
 * "counselor"), or NULL for a role without a page. */
const char *
qing_role_to_page_name (QingRole role)
{
  const RoleInfo *info = find_role_info (role);
  return info ? info->page_name : NULL;
}
