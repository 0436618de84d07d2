/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The autostart entry of "Keep running in the background": written with
 * Exec=qingting --background, valid for desktop-file-validate, removed
 * again, and a failure reported as an error.  The XDG folders are
 * isolated per test (G_TEST_OPTION_ISOLATE_DIRS).
 */
#include <locale.h>

#include <glib/gstdio.h>

#include "qing-background.h"

static void
test_write_and_remove (void)
{
  g_autofree char *path = qing_background_get_autostart_path ();
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "autostart",
                                                APP_ID ".desktop", NULL);
  g_autoptr (GKeyFile) entry = g_key_file_new ();
  g_autofree char *exec = NULL;
  g_autoptr (GError) error = NULL;
  const char *validate;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (qing_background_get_autostart ());

  g_assert_true (qing_background_set_autostart (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (qing_background_get_autostart ());
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                                &error);
  g_assert_cmpstr (exec, ==, "qingting --background");

  validate = g_find_program_in_path ("desktop-file-validate");
  if (validate != NULL)
    {
      g_autofree char *out = NULL;
      int status = -1;
      const char *argv[] = { validate, path, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_free ((char *) validate);
    }

  /* Writing it twice is fine; removing it twice too. */
  g_assert_true (qing_background_set_autostart (TRUE, &error));
  g_assert_true (qing_background_set_autostart (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (qing_background_get_autostart ());
  g_assert_true (qing_background_set_autostart (FALSE, &error));
  g_assert_no_error (error);
}

/* review: inside Flatpak the entry must reach the HOST's autostart folder
 * (the sandbox's XDG_CONFIG_HOME is private) and start the app with
 * "flatpak run". */
static void
test_flatpak (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = g_build_filename (g_get_home_dir (), ".config", "autostart",
                                                APP_ID ".desktop", NULL);
  g_autoptr (GKeyFile) entry = g_key_file_new ();
  g_autofree char *exec = NULL;
  g_autoptr (GError) error = NULL;

  g_setenv ("FLATPAK_ID", APP_ID, TRUE);
  g_unsetenv ("HOST_XDG_CONFIG_HOME");
  path = qing_background_get_autostart_path ();
  g_assert_cmpstr (path, ==, expected);
  g_assert_true (qing_background_set_autostart (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                                &error);
  g_assert_cmpstr (exec, ==, "flatpak run --command=qingting " APP_ID " --background");
  g_assert_true (qing_background_get_autostart ());
  g_assert_true (qing_background_set_autostart (FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unsetenv ("FLATPAK_ID");
}

static void
test_failure_reported (void)
{
  g_autofree char *path = qing_background_get_autostart_path ();
  g_autofree char *inside = g_build_filename (path, "x", NULL);
  g_autoptr (GError) error = NULL;

  /* Something that is not a file stands where the entry goes. */
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "", 0, NULL));
  g_assert_false (qing_background_set_autostart (FALSE, &error));
  g_assert_error (error, QING_BACKGROUND_ERROR, QING_BACKGROUND_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (qing_background_set_autostart (TRUE, &error));
  g_assert_error (error, QING_BACKGROUND_ERROR, QING_BACKGROUND_ERROR_FAILED);
  g_assert_false (qing_background_get_autostart ());
  g_remove (inside);
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  setlocale (LC_ALL, "");
  /* The host's rules unless a test says otherwise (also in a Flatpak build). */
  g_unsetenv ("FLATPAK_ID");
  g_test_add_func ("/background/write-and-remove", test_write_and_remove);
  g_test_add_func ("/background/failure-reported", test_failure_reported);
  g_test_add_func ("/background/flatpak", test_flatpak);
  return g_test_run ();
}
