/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-mood-entry.h"
#include "qing-mood-vocab.h"

/* The picker's energy goes straight into QingMoodEntry. */
G_STATIC_ASSERT ((int) QING_MOOD_ENERGY_NONE == (int) QING_ENERGY_UNSET);
G_STATIC_ASSERT ((int) QING_MOOD_ENERGY_LOW == (int) QING_ENERGY_LOW);
G_STATIC_ASSERT ((int) QING_MOOD_ENERGY_MEDIUM == (int) QING_ENERGY_MEDIUM);
G_STATIC_ASSERT ((int) QING_MOOD_ENERGY_HIGH == (int) QING_ENERGY_HIGH);

#define WORD_CONTEXT "emotion word"
#define AREA_CONTEXT "life area"

/* Indexed by valence + 3. */
static const char *const valence_labels[] = {
  N_("Very unpleasant"),
  N_("Unpleasant"),
  N_("Slightly unpleasant"),
  N_("Neutral"),
  N_("Slightly pleasant"),
  N_("Pleasant"),
  N_("Very pleasant"),
};

/* The same levels inside a sentence ("average slightly pleasant"). */
static const char *const valence_adjectives[] = {
  NC_("mood in a sentence", "very unpleasant"),
  NC_("mood in a sentence", "unpleasant"),
  NC_("mood in a sentence", "slightly unpleasant"),
  NC_("mood in a sentence", "neutral"),
  NC_("mood in a sentence", "slightly pleasant"),
  NC_("mood in a sentence", "pleasant"),
  NC_("mood in a sentence", "very pleasant"),
};

static const char *const valence_emoji[] = {
  "😣", "😟", "🙁", "😐", "🙂", "😊", "😄",
};

static const QingMoodWord words[] = {
  { "happy",        NC_("emotion word", "Happy"),        QING_MOOD_GROUP_PLEASANT },   /* 开心 */
  { "excited",      NC_("emotion word", "Excited"),      QING_MOOD_GROUP_PLEASANT },   /* 兴奋 */
  { "proud",        NC_("emotion word", "Proud"),        QING_MOOD_GROUP_PLEASANT },   /* 自豪 */
  { "grateful",     NC_("emotion word", "Grateful"),     QING_MOOD_GROUP_PLEASANT },   /* 感激 */
  { "calm",         NC_("emotion word", "Calm"),         QING_MOOD_GROUP_NEUTRAL },    /* 平静 */
  { "bored",        NC_("emotion word", "Bored"),        QING_MOOD_GROUP_NEUTRAL },    /* 无聊 */
  { "tired",        NC_("emotion word", "Tired"),        QING_MOOD_GROUP_NEUTRAL },    /* 疲惫 */
  { "anxious",      NC_("emotion word", "Anxious"),      QING_MOOD_GROUP_UNPLEASANT }, /* 焦虑 */
  { "nervous",      NC_("emotion word", "Nervous"),      QING_MOOD_GROUP_UNPLEASANT }, /* 紧张 */
  { "wronged",      NC_("emotion word", "Wronged"),      QING_MOOD_GROUP_UNPLEASANT }, /* 委屈 */
  { "angry",        NC_("emotion word", "Angry"),        QING_MOOD_GROUP_UNPLEASANT }, /* 生气 */
  { "sad",          NC_("emotion word", "Sad"),          QING_MOOD_GROUP_UNPLEASANT }, /* 难过 */
  { "lonely",       NC_("emotion word", "Lonely"),       QING_MOOD_GROUP_UNPLEASANT }, /* 孤独 */
  { "scared",       NC_("emotion word", "Scared"),       QING_MOOD_GROUP_UNPLEASANT }, /* 害怕 */
  { "irritable",    NC_("emotion word", "Irritable"),    QING_MOOD_GROUP_UNPLEASANT }, /* 烦躁 */
  { "disappointed", NC_("emotion word", "Disappointed"), QING_MOOD_GROUP_UNPLEASANT }, /* 失落 */
};

static const QingMoodWord areas[] = {
  { "study",      NC_("life area", "Study"),      QING_MOOD_GROUP_NEUTRAL }, /* 学习 */
  { "classmates", NC_("life area", "Classmates"), QING_MOOD_GROUP_NEUTRAL }, /* 同学 */
  { "family",     NC_("life area", "Family"),     QING_MOOD_GROUP_NEUTRAL }, /* 家庭 */
  { "teachers",   NC_("life area", "Teachers"),   QING_MOOD_GROUP_NEUTRAL }, /* 老师 */
  { "sleep",      NC_("life area", "Sleep"),      QING_MOOD_GROUP_NEUTRAL }, /* 睡眠 */
  { "phone",      NC_("life area", "Phone"),      QING_MOOD_GROUP_NEUTRAL }, /* 手机 */
  { "health",     NC_("life area", "Health"),     QING_MOOD_GROUP_NEUTRAL }, /* 身体 */
  { "hobbies",    NC_("life area", "Hobbies"),    QING_MOOD_GROUP_NEUTRAL }, /* 兴趣 */
};

static gboolean
valence_is_valid (int valence)
{
  return valence >= QING_MOOD_VALENCE_MIN && valence <= QING_MOOD_VALENCE_MAX;
}

/* Returns the translated name of a valence level ("Slightly pleasant"),
 * owned by the catalog; NULL outside −3..+3. */
const char *
qing_mood_vocab_valence_label (int valence)
{
  g_return_val_if_fail (valence_is_valid (valence), NULL);
  return _(valence_labels[valence + 3]);
}

/* Returns the translated level as used inside a sentence ("slightly
 * pleasant"), owned by the catalog. */
const char *
qing_mood_vocab_valence_adjective (int valence)
{
  g_return_val_if_fail (valence_is_valid (valence), NULL);
  return g_dpgettext2 (NULL, "mood in a sentence", valence_adjectives[valence + 3]);
}

/* Returns the face shown for a valence level (static UTF-8). */
const char *
qing_mood_vocab_valence_emoji (int valence)
{
  g_return_val_if_fail (valence_is_valid (valence), NULL);
  return valence_emoji[valence + 3];
}

/* Returns the translated name of an energy level, owned by the catalog;
 * NULL for QING_MOOD_ENERGY_NONE. */
const char *
qing_mood_vocab_energy_label (QingMoodEnergy energy)
{
  switch (energy)
    {
    case QING_MOOD_ENERGY_LOW:
      return C_("energy", "Low");
    case QING_MOOD_ENERGY_MEDIUM:
      return C_("energy", "Medium");
    case QING_MOOD_ENERGY_HIGH:
      return C_("energy", "High");
    case QING_MOOD_ENERGY_NONE:
    default:
      return NULL;
    }
}

/* Returns the static table of emotion words, pleasant ones first, and sets
 * @n_words.  Labels are untranslated: use qing_mood_vocab_word_label(). */
const QingMoodWord *
qing_mood_vocab_get_words (gsize *n_words)
{
  g_return_val_if_fail (n_words != NULL, NULL);
  *n_words = G_N_ELEMENTS (words);
  return words;
}

/* Returns the static table of life areas and sets @n_areas. */
const QingMoodWord *
qing_mood_vocab_get_areas (gsize *n_areas)
{
  g_return_val_if_fail (n_areas != NULL, NULL);
  *n_areas = G_N_ELEMENTS (areas);
  return areas;
}

static const QingMoodWord *
find_word (const QingMoodWord *table, gsize n, const char *id)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (table[i].id, id) == 0)
      return &table[i];
  return NULL;
}

/* Returns the translated label of an emotion word id, owned by the catalog;
 * an unknown id (a word from a newer version) is returned as it is. */
const char *
qing_mood_vocab_word_label (const char *id)
{
  const QingMoodWord *word = find_word (words, G_N_ELEMENTS (words), id);

  g_return_val_if_fail (id != NULL, NULL);
  return word ? g_dpgettext2 (NULL, WORD_CONTEXT, word->label) : id;
}

/* Returns the translated label of a life area id, owned by the catalog;
 * an unknown id is returned as it is. */
const char *
qing_mood_vocab_area_label (const char *id)
{
  const QingMoodWord *area = find_word (areas, G_N_ELEMENTS (areas), id);

  g_return_val_if_fail (id != NULL, NULL);
  return area ? g_dpgettext2 (NULL, AREA_CONTEXT, area->label) : id;
}

/* Returns the translated heading of a group of emotion words. */
const char *
qing_mood_vocab_group_label (QingMoodGroup group)
{
  switch (group)
    {
    case QING_MOOD_GROUP_PLEASANT:
      return C_("emotion group", "Pleasant");
    case QING_MOOD_GROUP_UNPLEASANT:
      return C_("emotion group", "Unpleasant");
    case QING_MOOD_GROUP_NEUTRAL:
    default:
      return C_("emotion group", "In between");
    }
}
