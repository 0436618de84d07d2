/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The default crisis steps shown when a 危机 flag is raised.
 */
#include "qing-crisis.h"

#include <glib/gi18n-lib.h>

/* The default crisis steps, translated into the current language.
 * Returns: (transfer none): a static string. */
const char *
qing_crisis_steps_default (void)
{
  return _("1. Stay with the student; do not leave them alone.\n"
            "2. Tell the counselor and the head teacher at once.\n"
            "3. Tell the guardians.\n"
            "4. If there is immediate danger, call 120 or 110.");
}
