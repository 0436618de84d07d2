/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school's crisis steps (危机): what a mentor does at once when raising a
 * 危机 flag.  The school edits the text in Preferences; this is the default.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The default crisis steps, translated into the current language.
 * Returns: (transfer none): a static string. */
const char *qing_crisis_steps_default (void);

G_END_DECLS
