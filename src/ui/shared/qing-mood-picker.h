/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingMoodPicker: a mood entry in a few taps — seven faces from very
 * unpleasant to very pleasant (arrow keys move between them), an optional
 * energy level, emotion words grouped by valence, life areas and a note.
 * It only holds values; the caller saves them (QingMoodEntry) and calls
 * qing_mood_picker_reset().
 *
 * Properties (all read/write, each notifies; "changed" follows any change):
 *   valence      int       −3..+3; meaningful when valence-set is TRUE
 *   valence-set  gboolean  a face is chosen (FALSE after reset)
 *   energy       int       a QingMoodEnergy, 0 = not given
 *   words        GStrv     emotion word ids (qing-mood-vocab.h)
 *   areas        GStrv     life area ids (qing-mood-vocab.h)
 *   note         gchararray
 */
#pragma once

#include <gtk/gtk.h>

#include "qing-mood-vocab.h"

G_BEGIN_DECLS

#define QING_TYPE_MOOD_PICKER (qing_mood_picker_get_type ())
G_DECLARE_FINAL_TYPE (QingMoodPicker, qing_mood_picker, QING, MOOD_PICKER, GtkWidget)

GtkWidget          *qing_mood_picker_new (void);

gboolean            qing_mood_picker_get_valence_set (QingMoodPicker *self);
int                 qing_mood_picker_get_valence (QingMoodPicker *self);
void                qing_mood_picker_set_valence (QingMoodPicker *self,
                                                  int             valence);
QingMoodEnergy      qing_mood_picker_get_energy (QingMoodPicker *self);
void                qing_mood_picker_set_energy (QingMoodPicker *self,
                                                 QingMoodEnergy  energy);
const char * const *qing_mood_picker_get_words (QingMoodPicker *self);
void                qing_mood_picker_set_words (QingMoodPicker     *self,
                                                const char * const *words);
const char * const *qing_mood_picker_get_areas (QingMoodPicker *self);
void                qing_mood_picker_set_areas (QingMoodPicker     *self,
                                                const char * const *areas);
const char         *qing_mood_picker_get_note (QingMoodPicker *self);
void                qing_mood_picker_set_note (QingMoodPicker *self,
                                               const char     *note);
void                qing_mood_picker_reset (QingMoodPicker *self);
GtkWidget          *qing_mood_picker_get_face_button (QingMoodPicker *self,
                                                      int             valence);

G_END_DECLS
