/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small things the mentor view's widgets share: labels for care levels,
 * severities and talk modes, day and time formats, the talk topics, and a
 * way to show a sentence in the view's toast overlay.  Used only by the
 * widgets of src/ui/mentor/.
 */
#pragma once

#include <adwaita.h>

#include "qing-types.h"

G_BEGIN_DECLS

/* The short translated name of a care level ("Key care"), or NULL for
 * the normal level.  (transfer none) */
const char *qing_mentor_care_label        (QingCareLevel level);
/* "Last talk 12 days ago" / "Last talk today" / "No talk yet".
 * Returns: (transfer full). */
char       *qing_mentor_format_days_since (gint          days);
/* "Mon, Nov 30" in the current language.  Returns: (transfer full). */
char       *qing_mentor_format_day        (const GDate  *day);
/* "12:30".  Returns: (transfer full). */
char       *qing_mentor_format_minute     (guint         minute);
/* The name of a talk mode ("Phone").  (transfer none) */
const char *qing_mentor_mode_label        (QingTalkMode  mode);
/* The topics a mentor's talk can be about: ids and translated labels,
 * NULL-terminated.  (transfer none) */
const char * const *qing_mentor_topic_ids    (void);
const char * const *qing_mentor_topic_labels (void);
/* Shows @text as a toast in the nearest AdwToastOverlay above @widget
 * (or warns when there is none). */
void        qing_mentor_toast             (GtkWidget    *widget,
                                           const char   *text);

G_END_DECLS
