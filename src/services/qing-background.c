/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The autostart entry follows the XDG Autostart specification: a desktop
 * entry in $XDG_CONFIG_HOME/autostart named like the app's own.  It is
 * written atomically (g_file_set_contents) so a crash never leaves half a
 * file that a session manager would choke on.
 */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "qing-background.h"

G_DEFINE_QUARK (qing-background-error-quark, qing_background_error)

/* Inside a Flatpak sandbox XDG_CONFIG_HOME is the app's own folder
 * (~/.var/app/<id>/config), which the session never reads, and the host
 * has no "qingting" command: the entry goes into the host's autostart
 * folder (granted by the manifest's --filesystem=xdg-config/autostart) and
 * starts the app through "flatpak run". */
static gboolean
in_flatpak (void)
{
  const char *id = g_getenv ("FLATPAK_ID");

  return id != NULL && id[0] != '\0';
}

char *
qing_background_get_autostart_path (void)
{
  const char *host_config = g_getenv ("HOST_XDG_CONFIG_HOME");

  if (!in_flatpak ())
    return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
  if (host_config != NULL && g_path_is_absolute (host_config))
    return g_build_filename (host_config, "autostart", APP_ID ".desktop", NULL);
  return g_build_filename (g_get_home_dir (), ".config", "autostart", APP_ID ".desktop", NULL);
}

static char *
autostart_contents (void)
{
  g_autoptr (GKeyFile) entry = g_key_file_new ();
  const char *group = G_KEY_FILE_DESKTOP_GROUP;

  g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_NAME, "Qingting");
  /* The translated name for the session's list of startup programs. */
  g_key_file_set_locale_string (entry, group, G_KEY_FILE_DESKTOP_KEY_NAME, "zh_CN",
                                "倾听一刻钟");
  g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Evening reminders for the fifteen minutes of listening");
  g_key_file_set_locale_string (entry, group, G_KEY_FILE_DESKTOP_KEY_COMMENT, "zh_CN",
                                "晚间提醒每天的倾听一刻钟");
  g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_EXEC,
                         in_flatpak ()
                         ? "flatpak run --command=qingting " APP_ID " --" QING_BACKGROUND_OPTION
                         : "qingting --" QING_BACKGROUND_OPTION);
  g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (entry, group, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (entry, group, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, group, "X-GNOME-Autostart-enabled", TRUE);
  return g_key_file_to_data (entry, NULL, NULL);
}

gboolean
qing_background_set_autostart (gboolean enabled, GError **error)
{
  g_autofree char *path = qing_background_get_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, QING_BACKGROUND_ERROR, QING_BACKGROUND_ERROR_FAILED,
                       /* Translators: a file name, then the system's reason. */
                       _("Could not remove the start-up entry %s: %s"), path,
                       g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, QING_BACKGROUND_ERROR, QING_BACKGROUND_ERROR_FAILED,
                   /* Translators: a folder name, then the system's reason. */
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  contents = autostart_contents ();
  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &local_error))
    {
      g_set_error (error, QING_BACKGROUND_ERROR, QING_BACKGROUND_ERROR_FAILED,
                   _("Could not write the start-up entry: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
qing_background_get_autostart (void)
{
  g_autofree char *path = qing_background_get_autostart_path ();
  g_autoptr (GKeyFile) entry = g_key_file_new ();
  g_autofree char *exec = NULL;

  if (!g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                                NULL);
  return exec != NULL && strstr (exec, "--" QING_BACKGROUND_OPTION) != NULL
         && !g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP,
                                     G_KEY_FILE_DESKTOP_KEY_HIDDEN, NULL);
}
