/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running in the background for reminders: the autostart entry that starts
 * the app hidden at login ($XDG_CONFIG_HOME/autostart/<APP_ID>.desktop with
 * Exec=qingting --background; inside Flatpak the host's autostart folder
 * with Exec=flatpak run --command=qingting <APP_ID> --background).
 *
 * What QingApplication does with it (see the timer helper's report):
 *  - "--background" on the command line: start without a window and
 *    g_application_hold() so reminders and the timer service keep running;
 *  - while the GSettings key "background" is on, closing the last window
 *    keeps the app alive (held); "Quit" releases the hold;
 *  - when the key changes, call qing_background_set_autostart() with it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define QING_BACKGROUND_ERROR (qing_background_error_quark ())

typedef enum
{
  QING_BACKGROUND_ERROR_FAILED, /* the autostart entry could not be written or removed */
} QingBackgroundError;

GQuark    qing_background_error_quark (void);

/* The command-line option that starts the app hidden. */
#define QING_BACKGROUND_OPTION "background"

/* Returns the path of the autostart entry (free with g_free()), whether
 * or not it exists. */
char     *qing_background_get_autostart_path (void);

/* Writes (@enabled) or removes the autostart entry.  Returns FALSE with
 * @error set (a sentence for the user) if that failed. */
gboolean  qing_background_set_autostart (gboolean  enabled,
                                         GError  **error);

/* Whether the autostart entry exists and starts this app hidden. */
gboolean  qing_background_get_autostart (void);

G_END_DECLS
