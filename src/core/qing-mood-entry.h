/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "qing-types.h"

G_BEGIN_DECLS

/* Valence runs on 7 levels, from very unpleasant to very pleasant. */
#define QING_VALENCE_MIN (-3)
#define QING_VALENCE_MAX 3

/* Energy is optional: 0 means "not given". */
typedef enum
{
  QING_ENERGY_UNSET  = 0,
  QING_ENERGY_LOW    = 1,
  QING_ENERGY_MEDIUM = 2,
  QING_ENERGY_HIGH   = 3,
} QingEnergy;

#define QING_TYPE_MOOD_ENTRY (qing_mood_entry_get_type ())
G_DECLARE_FINAL_TYPE (QingMoodEntry, qing_mood_entry, QING, MOOD_ENTRY, GObject)

QingMoodEntry      *qing_mood_entry_new              (gint64 student_id,
                                                      gint64 recorded_by,
                                                      gint64 at_utc,
                                                      int    valence);
QingMoodEntry      *qing_mood_entry_copy             (QingMoodEntry *self);

gint64              qing_mood_entry_get_id           (QingMoodEntry *self);
const char         *qing_mood_entry_get_uuid         (QingMoodEntry *self);
gint64              qing_mood_entry_get_student_id   (QingMoodEntry *self);
void                qing_mood_entry_set_student_id   (QingMoodEntry *self,
                                                      gint64         student_id);
gint64              qing_mood_entry_get_recorded_by  (QingMoodEntry *self);
void                qing_mood_entry_set_recorded_by  (QingMoodEntry *self,
                                                      gint64         person_id);
QingRole            qing_mood_entry_get_recorder_role (QingMoodEntry *self);
void                qing_mood_entry_set_recorder_role (QingMoodEntry *self,
                                                       QingRole       role);
gint64              qing_mood_entry_get_at_utc       (QingMoodEntry *self);
void                qing_mood_entry_set_at_utc       (QingMoodEntry *self,
                                                      gint64         at_utc);
GDateTime          *qing_mood_entry_dup_at_local     (QingMoodEntry *self,
                                                      GTimeZone     *tz);
int                 qing_mood_entry_get_valence      (QingMoodEntry *self);
void                qing_mood_entry_set_valence      (QingMoodEntry *self,
                                                      int            valence);
QingEnergy          qing_mood_entry_get_energy       (QingMoodEntry *self);
void                qing_mood_entry_set_energy       (QingMoodEntry *self,
                                                      QingEnergy     energy);
const char * const *qing_mood_entry_get_emotion_words (QingMoodEntry *self);
void                qing_mood_entry_set_emotion_words (QingMoodEntry      *self,
                                                       const char * const *words);
const char * const *qing_mood_entry_get_life_areas   (QingMoodEntry *self);
void                qing_mood_entry_set_life_areas   (QingMoodEntry      *self,
                                                      const char * const *areas);
const char         *qing_mood_entry_get_note         (QingMoodEntry *self);
void                qing_mood_entry_set_note         (QingMoodEntry *self,
                                                      const char    *note);
QingVisibility      qing_mood_entry_get_visibility   (QingMoodEntry *self);
void                qing_mood_entry_set_visibility   (QingMoodEntry  *self,
                                                      QingVisibility  visibility);
gint64              qing_mood_entry_get_talk_id      (QingMoodEntry *self);
void                qing_mood_entry_set_talk_id      (QingMoodEntry *self,
                                                      gint64         talk_id);

G_END_DECLS
