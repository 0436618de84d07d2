/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words of the mood journal (情绪日记): the seven valence levels, the
 * energy levels, the emotion words and the life areas.  Pure data, no GTK.
 *
 * Emotion words and life areas are identified by stable ASCII ids ("happy",
 * "study"): the store keeps the ids, the UI shows the translated label.  The
 * lists are Chinese-first: their order follows how a Chinese family talks
 * about feelings, and their English msgids exist only so that they translate.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define QING_MOOD_VALENCE_MIN (-3)
#define QING_MOOD_VALENCE_MAX 3

/* Optional energy of a mood entry; NONE means "not given".  Same values as
 * QingEnergy of qing-mood-entry.h (checked at compile time). */
typedef enum
{
  QING_MOOD_ENERGY_NONE   = 0,
  QING_MOOD_ENERGY_LOW    = 1,
  QING_MOOD_ENERGY_MEDIUM = 2,
  QING_MOOD_ENERGY_HIGH   = 3,
} QingMoodEnergy;

/* Which valence group an emotion word belongs to. */
typedef enum
{
  QING_MOOD_GROUP_PLEASANT   = 1,
  QING_MOOD_GROUP_NEUTRAL    = 0,
  QING_MOOD_GROUP_UNPLEASANT = -1,
} QingMoodGroup;

typedef struct
{
  const char   *id;    /* stable id kept in the store */
  const char   *label; /* untranslated English msgid; pass through _() */
  QingMoodGroup group;
} QingMoodWord;

const char         *qing_mood_vocab_valence_label (int valence);
const char         *qing_mood_vocab_valence_adjective (int valence);
const char         *qing_mood_vocab_valence_emoji (int valence);
const char         *qing_mood_vocab_energy_label (QingMoodEnergy energy);

const QingMoodWord *qing_mood_vocab_get_words (gsize *n_words);
const QingMoodWord *qing_mood_vocab_get_areas (gsize *n_areas);
const char         *qing_mood_vocab_word_label (const char *id);
const char         *qing_mood_vocab_area_label (const char *id);
const char         *qing_mood_vocab_group_label (QingMoodGroup group);

G_END_DECLS
