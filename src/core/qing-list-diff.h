/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Precise items-changed for a list model backed by a GPtrArray of GObjects:
 * from the current rows to a new sorted list of the same items (matched by
 * an integer key), one small change at a time, each consistent with the
 * array at the moment it is emitted, so a GtkListView keeps its scroll
 * position and selection.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The identity of a row (a student id): equal keys are the same item. */
typedef gint64 (*QingListDiffKeyFunc) (gpointer row);
/* TRUE when two rows of the same item show the same contents. */
typedef gboolean (*QingListDiffSameFunc) (gpointer a, gpointer b);

/* Turns *@rows, the backing array of @model (free func g_object_unref),
 * into the order and contents of @target (transfer full) and emits
 * items-changed on @model: removed items (a run at a time), each moved
 * row (outside a longest increasing subsequence of the old positions:
 * inserted at its new place, then removed from the old one), then added
 * items and rows whose contents changed ((i, 1, 1)).  Rows with unchanged
 * contents keep their objects.  When more than 16 rows and more than half
 * of the list would move, one whole-list change instead. */
void qing_list_diff_apply (GListModel          *model,
                           GPtrArray          **rows,
                           GPtrArray           *target,
                           QingListDiffKeyFunc  key,
                           QingListDiffSameFunc same);

G_END_DECLS
