/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingRosterItem: one row of the mentor's roster — the student's name, a
 * care level badge, the cycle status ("Done on Nov 25", "3 school days
 * left", "Overdue by 4 days", "missed last cycle"), days since the last
 * talk, and a button that starts the listening timer (mentor.start).
 * Recycled by the roster's list view: set_row() replaces everything shown.
 */
#pragma once

#include <gtk/gtk.h>

#include "qing-roster-status.h"

G_BEGIN_DECLS

#define QING_TYPE_ROSTER_ITEM (qing_roster_item_get_type ())
G_DECLARE_FINAL_TYPE (QingRosterItem, qing_roster_item, QING, ROSTER_ITEM, GtkWidget)

/* Creates an empty row.  Returns: a floating widget. */
GtkWidget  *qing_roster_item_new         (void);
/* Shows @row (may be NULL: shows nothing). */
void        qing_roster_item_set_row     (QingRosterItem  *self,
                                          QingRosterEntry *row);
/* The status line shown.  (transfer none) */
const char *qing_roster_item_get_status_text (QingRosterItem *self);

G_END_DECLS
