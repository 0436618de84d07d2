/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingRing: today's listening progress as a ring, "12 / 15 min" in the
 * middle.  Accent color while not reached, success green once reached;
 * both read from the theme, so dark mode works.  96–160 px.
 *
 * Properties:
 *   value-seconds  guint  seconds listened (read/write)
 *   goal-seconds   guint  the daily goal, default 900 (read/write, ≥ 60)
 *   text           gchararray  the label in the middle (read-only)
 *   reached        gboolean  value ≥ goal unless reached-set; setting it
 *                  sets reached-set (read/write)
 *   reached-set    gboolean  reached is the value given, not value ≥ goal
 *                  (read/write, default FALSE; as GtkWidget's hexpand-set)
 * The accessible label says "12 of 15 minutes listened today".
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QING_TYPE_RING (qing_ring_get_type ())
G_DECLARE_FINAL_TYPE (QingRing, qing_ring, QING, RING, GtkWidget)

GtkWidget  *qing_ring_new (void);

guint       qing_ring_get_value_seconds (QingRing *self);
void        qing_ring_set_value_seconds (QingRing *self,
                                         guint     seconds);
guint       qing_ring_get_goal_seconds (QingRing *self);
void        qing_ring_set_goal_seconds (QingRing *self,
                                        guint     seconds);
const char *qing_ring_get_text (QingRing *self);
gboolean    qing_ring_get_reached (QingRing *self);
void        qing_ring_set_reached (QingRing *self,
                                   gboolean  reached);
gboolean    qing_ring_get_reached_set (QingRing *self);
void        qing_ring_set_reached_set (QingRing *self,
                                       gboolean  reached_set);
const char *qing_ring_get_accessible_text (QingRing *self);

G_END_DECLS
