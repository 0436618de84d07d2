/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingApplication: one instance per user session.  It owns the clock, the
 * settings and the store, parses the command line, and holds the actions
 * and accelerators of the whole program (all accelerators are set here).
 */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "qing-application.h"
#include "qing-background.h"
#include "qing-demo.h"
#include "qing-digest.h"
#include "qing-notifier.h"
#include "qing-preferences.h"
#include "qing-reminders.h"
#include "qing-repository.h"
#include "qing-store.h"
#include "qing-timer-service.h"
#include "qing-window.h"
#include "counselor/qing-counselor-view.h"
#include "mentor/qing-mentor-view.h"
#include "parent/qing-parent-view.h"

struct _QingApplication
{
  AdwApplication parent_instance;

  QingClock        *clock;
  GSettings        *settings;
  QingStore        *store;
  GError           *store_error;
  QingNotifier     *notifier;
  QingTimerService *timer_service; /* shared by the views, through the window */
  QingReminders    *reminders;
  QingDigest       *digest;        /* when this user is a mentor */
  char      *database_path;
  gboolean   demo;
  gboolean   start_hidden;  /* --background: no window at the first activation */
  gboolean   role_views;    /* FALSE: placeholders only (tests of the shell) */
  gboolean   held_for_background;
  char      *pending_toast; /* said in the window once there is one */
  guint      backup_alarm;  /* the next day's backup, while the store is open */
};

G_DEFINE_FINAL_TYPE (QingApplication, qing_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_DATABASE_PATH,
  PROP_DEMO,
  PROP_ROLE_VIEWS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the records in the database file PATH"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty database with invented families, classes and talks"), NULL },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window, for reminders (used at login)"), NULL },
  { NULL }
};

/* The main window most recently used, or NULL; dialogs (About,
 * Preferences) may be in the application's window list too. */
static QingWindow *
find_main_window (QingApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (QING_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static GtkWindow *
ensure_window (QingApplication *self)
{
  QingWindow *window = find_main_window (self);

  if (window == NULL)
    window = qing_window_new (self);
  return GTK_WINDOW (window);
}

/* The mentor's morning digest, once this user is a mentor: at start-up, or
 * later when the mentor view makes the local mentor ("local_roles") or the
 * mentor role is chosen ("roles"). */
static void
ensure_digest (QingApplication *self)
{
  g_autoptr (GError) error = NULL;
  QingNotifier *notifier =
    g_settings_get_boolean (self->settings, "notifications") ? self->notifier : NULL;
  gint64 mentor;

  if (self->digest != NULL || self->store == NULL
      || !qing_settings_has_role (self->settings, QING_ROLE_MENTOR))
    return;
  mentor = qing_store_get_local_person (self->store, QING_ROLE_MENTOR, &error);
  if (mentor > 0)
    {
      self->digest = qing_digest_new (self->store, self->clock, notifier, mentor);
      g_settings_bind (self->settings, "digest-time", self->digest, "digest-time",
                       G_SETTINGS_BIND_GET);
    }
  else if (error != NULL)
    g_warning ("Morning digest: %s", error->message);
}

/* The listening timer and the parents' evening reminder run as long as the
 * application does, window or not; the views share the timer service. */
static void
start_services (QingApplication *self)
{
  QingNotifier *reminder_notifier =
    g_settings_get_boolean (self->settings, "notifications") ? self->notifier : NULL;

  self->timer_service = qing_timer_service_new (self->store, self->clock, self->notifier);
  self->reminders = qing_reminders_new (self->store, self->clock, reminder_notifier, 0);
  g_settings_bind (self->settings, "reminder-time", self->reminders, "reminder-time",
                   G_SETTINGS_BIND_GET);

  ensure_digest (self);
  g_signal_connect_object (self->store, "row-changed::local_roles", G_CALLBACK (ensure_digest),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::roles", G_CALLBACK (ensure_digest), self,
                           G_CONNECT_SWAPPED);
}

static void
stop_services (QingApplication *self)
{
  if (self->backup_alarm != 0)
    qing_clock_remove_alarm (self->clock, self->backup_alarm);
  self->backup_alarm = 0;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, ensure_digest, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, ensure_digest, self);
  g_clear_object (&self->digest);
  g_clear_object (&self->reminders);
  g_clear_object (&self->timer_service);
}

static void
on_quit (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  QingApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Quit means quit, even when the background setting holds the app. */
  if (self->held_for_background)
    {
      self->held_for_background = FALSE;
      g_application_release (G_APPLICATION (self));
    }
  /* Destroying each window lets it save its state first. */
  windows = g_list_copy (windows);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);
  stop_services (self);
  g_application_quit (G_APPLICATION (self));
}

static void
on_about (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  QingApplication *self = user_data;
  const char *developers[] = { _("The Qingting developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-name", _("Qingting"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Qingting developers"),
                        "developers", developers,
                        "copyright", _("© 2026 The Qingting developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/qingting/qingting",
                        "issue-url", "https://github.com/qingting/qingting/issues",
                        /* Translators: your names, one per line; shown in the About window. */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Fifteen minutes of attentive listening for every "
                                      "student, every day: at home and at school."),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_preferences (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  QingApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* calendar editor: with the store, Preferences has the school calendar */
  QingPreferencesWindow *prefs = qing_preferences_window_new_with_store (self->settings,
                                                                         self->store);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  /* calendar editor: app.preferences-page opens one page, e.g. 'calendar' */
  if (param != NULL)
    qing_preferences_window_show_page (prefs, g_variant_get_string (param, NULL));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
on_shortcuts (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  QingApplication *self = user_data;
  GtkWindow *window = ensure_window (self);

  /* GtkApplication builds the window from gtk/help-overlay.ui in our
   * resources and gives every application window this action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

/* timer fix: app.start-timer (x, a child's id) is the parent's "start
 * listening" for that child, exactly as the child's Start button
 * (parent.start): the window shows the family page with the running timer.
 * Exported on the session bus with the other app actions (org.gtk.Actions),
 * e.g. for a notification's button; tests/test-timer-kill.c drives the real
 * program with it.  Does nothing but warn when the parent role is not held. */
static void
on_start_timer (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  QingApplication *self = user_data;
  QingWindow *window = QING_WINDOW (ensure_window (self));
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  qing_window_show_role (window, QING_ROLE_PARENT);
  page = qing_window_get_role_page (window, QING_ROLE_PARENT);
  if (page == NULL || !gtk_widget_activate_action_variant (page, "parent.start", param))
    g_warning ("app.start-timer: there is no family page (the parent role is not held)");
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit },
  { "about", on_about },
  { "preferences", on_preferences },
  { "preferences-page", on_preferences, "s" }, /* calendar editor */
  { "shortcuts", on_shortcuts },
  { "start-timer", on_start_timer, "x" }, /* timer fix */
};

/* The one place where accelerators are set. */
static void
set_accelerators (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "win.close", { "<Control>w", NULL } },
    /* app.shortcuts opens the same window; one accelerator is enough. */
    { "win.show-help-overlay", { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
update_background_hold (QingApplication *self)
{
  gboolean background = g_settings_get_boolean (self->settings, "background");

  if (background == self->held_for_background)
    return;
  self->held_for_background = background;
  if (background)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
on_settings_background_changed (GSettings *settings, const char *key, gpointer user_data)
{
  QingApplication *self = QING_APPLICATION (user_data);

  g_autoptr (GError) error = NULL;
  QingWindow *window = find_main_window (self);

  update_background_hold (self);
  /* Only when the user flips it: the login entry exists exactly while
   * the setting is on. */
  if (!qing_background_set_autostart (g_settings_get_boolean (settings, "background"), &error)
      && window != NULL)
    qing_window_add_toast (window, error->message);
}

static void
on_backup_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (QingApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  QingWindow *window;

  if (!qing_store_backup_if_due_finish (QING_STORE (source), result, &error))
    {
      g_warning ("Daily backup: %s", error->message);
      window = find_main_window (self);
      if (window != NULL)
        qing_window_add_toast (window, error->message);
      else
        {
          /* Running in the background: say it when the window opens. */
          g_free (self->pending_toast);
          self->pending_toast = g_strdup (error->message);
        }
    }
  g_application_release (G_APPLICATION (self));
}

static void arm_backup_alarm (QingApplication *self);

/* Today's backup runs in a thread; the application stays up until it is
 * written, even if the window is closed at once. */
static void
start_daily_backup (QingApplication *self)
{
  g_application_hold (G_APPLICATION (self));
  qing_store_backup_if_due_async (self->store, NULL, on_backup_done,
                                  g_object_ref (self));
  arm_backup_alarm (self);
}

static void
on_backup_alarm (QingClock *clock, gpointer user_data)
{
  QingApplication *self = user_data;

  self->backup_alarm = 0;
  if (self->store != NULL)
    start_daily_backup (self);
}

/* A program left running for days (in the background, for the reminders)
 * makes each new day's backup too, a few minutes after local midnight. */
static void
arm_backup_alarm (QingApplication *self)
{
  g_autoptr (GDateTime) now = qing_clock_get_now (self->clock);
  g_autoptr (GDateTime) noon = NULL;
  g_autoptr (GDateTime) tomorrow = NULL;
  g_autoptr (GDateTime) at = NULL;

  if (self->backup_alarm != 0)
    return;
  /* Noon tomorrow is surely tomorrow, whatever the DST change. */
  noon = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                          g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                          12, 0, 0);
  tomorrow = g_date_time_add_days (noon, 1);
  at = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (tomorrow),
                        g_date_time_get_month (tomorrow),
                        g_date_time_get_day_of_month (tomorrow), 0, 5, 0);
  self->backup_alarm = qing_clock_add_alarm (self->clock, g_date_time_to_unix (at),
                                             on_backup_alarm, self, NULL);
}

static void
open_store (QingApplication *self)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (QingStore) store = NULL;

  path = self->database_path ? g_strdup (self->database_path) : qing_store_default_path ();
  /* Only the folder is made here; the file itself is left to the store,
   * which refuses (and never touches) anything that is not ours. */
  dir = g_path_get_dirname (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (&self->store_error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s” for the records: %s"),
                   dir, g_strerror (saved_errno));
      return;
    }

  store = qing_store_open (path, self->clock, &self->store_error);
  if (store == NULL)
    return;
  g_free (self->database_path);
  self->database_path = g_steal_pointer (&path);
  self->store = g_steal_pointer (&store);
  start_daily_backup (self);
  start_services (self);

  if (self->demo)
    {
      g_autoptr (GError) error = NULL;
      if (qing_demo_fill (self->store, &error))
        {
          g_auto (GStrv) roles = g_settings_get_strv (self->settings, "roles");

          /* The demo speaks for a parent, a mentor and a counselor: on a
           * first run, show all three instead of asking on the welcome page. */
          if (roles == NULL || roles[0] == NULL)
            {
              qing_settings_set_role (self->settings, QING_ROLE_PARENT, TRUE);
              qing_settings_set_role (self->settings, QING_ROLE_MENTOR, TRUE);
              qing_settings_set_role (self->settings, QING_ROLE_COUNSELOR, TRUE);
            }
          self->pending_toast = g_strdup (_("Invented demo families, classes and talks were added."));
        }
      else
        self->pending_toast = g_strdup (error->message);
    }
}

/* The one place where the role views plug into the window: each registers
 * the factory of its page (qing_window_register_role_page()). */
static void
register_role_views (QingApplication *self)
{
  if (!self->role_views)
    {
      qing_window_register_role_page (QING_ROLE_PARENT, NULL);
      qing_window_register_role_page (QING_ROLE_MENTOR, NULL);
      qing_window_register_role_page (QING_ROLE_COUNSELOR, NULL);
      return;
    }
  qing_parent_view_register ();
  qing_mentor_view_register ();
  qing_counselor_view_register ();
}

static void
qing_application_startup (GApplication *app)
{
  QingApplication *self = QING_APPLICATION (app);

  G_APPLICATION_CLASS (qing_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  set_accelerators (GTK_APPLICATION (self));

  if (self->clock == NULL)
    self->clock = qing_clock_new_system ();
  self->settings = g_settings_new (APP_ID);
  self->notifier = qing_notifier_new ();
  g_signal_connect_object (self->settings, "changed::background",
                           G_CALLBACK (on_settings_background_changed), self, 0);
  update_background_hold (self);

  open_store (self);
  register_role_views (self);
}

static void
qing_application_shutdown (GApplication *app)
{
  QingApplication *self = QING_APPLICATION (app);

  stop_services (self);
  g_clear_object (&self->store);
  G_APPLICATION_CLASS (qing_application_parent_class)->shutdown (app);
}

static void
qing_application_activate (GApplication *app)
{
  QingApplication *self = QING_APPLICATION (app);
  GtkWindow *window;

  /* Started at login for reminders: stay in the background (held while
   * the setting is on, see update_background_hold()) until asked again. */
  if (self->start_hidden)
    {
      self->start_hidden = FALSE;
      return;
    }
  window = ensure_window (self);
  gtk_window_present (window);
  if (self->pending_toast != NULL)
    {
      qing_window_add_toast (QING_WINDOW (window), self->pending_toast);
      g_clear_pointer (&self->pending_toast, g_free);
    }
}

static int
qing_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  QingApplication *self = QING_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path[0] != '\0')
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }
  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr (GError) error = NULL;

      /* A copy already running has nothing to do for a login start. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        return 0;
      self->start_hidden = TRUE;
    }
  if (g_variant_dict_contains (options, "demo"))
    self->demo = TRUE;

  return -1; /* go on: register, then activate here or in the first instance */
}

static void
qing_application_finalize (GObject *object)
{
  QingApplication *self = QING_APPLICATION (object);

  stop_services (self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->pending_toast, g_free);

  G_OBJECT_CLASS (qing_application_parent_class)->finalize (object);
}

static void
qing_application_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingApplication *self = QING_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;
    case PROP_ROLE_VIEWS:
      g_value_set_boolean (value, self->role_views);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_application_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  QingApplication *self = QING_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_set_object (&self->clock, g_value_get_object (value));
      break;
    case PROP_DATABASE_PATH:
      g_free (self->database_path);
      self->database_path = g_value_dup_string (value);
      break;
    case PROP_DEMO:
      if (self->demo != g_value_get_boolean (value))
        {
          self->demo = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ROLE_VIEWS:
      if (self->role_views != g_value_get_boolean (value))
        {
          self->role_views = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_application_class_init (QingApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = qing_application_finalize;
  object_class->get_property = qing_application_get_property;
  object_class->set_property = qing_application_set_property;

  app_class->startup = qing_application_startup;
  app_class->shutdown = qing_application_shutdown;
  app_class->activate = qing_application_activate;
  app_class->handle_local_options = qing_application_handle_local_options;

  /* The clock the whole program reads "now" from; tests give a manual one. */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, QING_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /* The database file; NULL means the default place.  --database sets it. */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /* Whether to fill an empty database with demo data at startup (--demo);
   * read once, when the store is opened. */
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the role views replace the placeholder pages; tests of the
   * shell alone turn it off.  Read once, at startup. */
  properties[PROP_ROLE_VIEWS] =
    g_param_spec_boolean ("role-views", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_application_init (QingApplication *self)
{
  self->role_views = TRUE;
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _("Fifteen minutes of attentive listening for every student, every day."));
}

/* Returns a new application (full reference) with the system clock and the
 * database given on the command line or in the default place. */
QingApplication *
qing_application_new (void)
{
  return g_object_new (QING_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/qingting/Qingting",
                       NULL);
}

/* Returns a new application (full reference) for tests: it reads time from
 * @clock (may be NULL for the system clock), keeps its records in
 * @database_path (may be NULL), and has an application id of its own
 * (APP_ID.TestN_PID; GtkApplication keeps a reference to itself, so an
 * old one stays on the bus), so a test can build one after the other in
 * the same process and never meets a running copy of the program. */
QingApplication *
qing_application_new_for_test (QingClock  *clock,
                               const char *database_path)
{
  static guint n_made;
  g_autofree char *app_id = NULL;

  g_return_val_if_fail (clock == NULL || QING_IS_CLOCK (clock), NULL);

  app_id = g_strdup_printf ("%s.Test%u_%u", APP_ID, ++n_made, (guint) getpid ());
  return g_object_new (QING_TYPE_APPLICATION,
                       "application-id", app_id,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/qingting/Qingting",
                       "clock", clock,
                       "database-path", database_path,
                       NULL);
}

/* Returns the application's clock (owned by the application); set at startup. */
QingClock *
qing_application_get_clock (QingApplication *self)
{
  g_return_val_if_fail (QING_IS_APPLICATION (self), NULL);
  return self->clock;
}

/* Returns the open store (owned by the application), or NULL before
 * startup or when opening was refused. */
QingStore *
qing_application_get_store (QingApplication *self)
{
  g_return_val_if_fail (QING_IS_APPLICATION (self), NULL);
  return self->store;
}

/* Returns why the store could not be opened (owned by the application), or NULL. */
const GError *
qing_application_get_store_error (QingApplication *self)
{
  g_return_val_if_fail (QING_IS_APPLICATION (self), NULL);
  return self->store_error;
}

/* Returns the database file in use or asked for (owned by the
 * application), or NULL when it is the default one and not open yet. */
const char *
qing_application_get_database_path (QingApplication *self)
{
  g_return_val_if_fail (QING_IS_APPLICATION (self), NULL);
  return self->database_path;
}

/* Returns the application's settings (owned by the application); set at startup. */
GSettings *
qing_application_get_settings (QingApplication *self)
{
  g_return_val_if_fail (QING_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* Returns the application's notifier (owned by the application); set at
 * startup.  See qing-notifier.h for what may be written in a notification. */
QingNotifier *
qing_application_get_notifier (QingApplication *self)
{
  g_return_val_if_fail (QING_IS_APPLICATION (self), NULL);
  return self->notifier;
}

/* Returns the timer service the views share (owned by the application),
 * or NULL when there is no store. */
QingTimerService *
qing_application_get_timer_service (QingApplication *self)
{
  g_return_val_if_fail (QING_IS_APPLICATION (self), NULL);
  return self->timer_service;
}

/* The mentor's morning digest, or NULL while this user is no mentor.
 * (transfer none) */
QingDigest *
qing_application_get_digest (QingApplication *self)
{
  g_return_val_if_fail (QING_IS_APPLICATION (self), NULL);
  return self->digest;
}
