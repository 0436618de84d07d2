/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingMoodFace: a face for one of the seven mood levels (−3..+3), drawn
 * with cairo in the theme's colors, so it needs no emoji font.  Used by the
 * mood picker; qing_mood_face_draw() is used by the mood chart's axis.
 *
 * Properties:
 *   valence  int  −3..+3 (read/write)
 *   size     int  the face's diameter in pixels, default 36 (read/write)
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QING_TYPE_MOOD_FACE (qing_mood_face_get_type ())
G_DECLARE_FINAL_TYPE (QingMoodFace, qing_mood_face, QING, MOOD_FACE, GtkWidget)

GtkWidget *qing_mood_face_new (int valence);
int        qing_mood_face_get_valence (QingMoodFace *self);
void       qing_mood_face_set_valence (QingMoodFace *self,
                                       int           valence);
int        qing_mood_face_get_size (QingMoodFace *self);
void       qing_mood_face_set_size (QingMoodFace *self,
                                    int           size);

void       qing_mood_face_draw (GtkWidget *widget,
                                cairo_t   *cr,
                                double     cx,
                                double     cy,
                                double     radius,
                                int        valence);

G_END_DECLS
