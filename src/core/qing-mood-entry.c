/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingMoodEntry: one entry of a child's mood journal (情绪日记): how
 * pleasant the moment felt on 7 levels (−3 … +3), an optional energy,
 * emotion words, life areas (学习, 同学, 家庭 …) and a note.
 */
#include "qing-mood-entry.h"
#include "qing-object-private.h"

struct _QingMoodEntry
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  gint64   student_id;
  gint64   recorded_by;
  int      recorder_role;
  gint64   at_utc;
  int      valence;
  int      energy;
  char   **emotion_words;
  char   **life_areas;
  char    *note;
  int      visibility;
  gint64   talk_id;
};

G_DEFINE_FINAL_TYPE (QingMoodEntry, qing_mood_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STUDENT_ID,
  PROP_RECORDED_BY,
  PROP_RECORDER_ROLE,
  PROP_AT_UTC,
  PROP_VALENCE,
  PROP_ENERGY,
  PROP_EMOTION_WORDS,
  PROP_LIFE_AREAS,
  PROP_NOTE,
  PROP_VISIBILITY,
  PROP_TALK_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qing_mood_entry_finalize (GObject *object)
{
  QingMoodEntry *self = QING_MOOD_ENTRY (object);

  g_free (self->uuid);
  g_strfreev (self->emotion_words);
  g_strfreev (self->life_areas);
  g_free (self->note);

  G_OBJECT_CLASS (qing_mood_entry_parent_class)->finalize (object);
}

static void
qing_mood_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingMoodEntry *self = QING_MOOD_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_STUDENT_ID: g_value_set_int64 (value, self->student_id); break;
    case PROP_RECORDED_BY: g_value_set_int64 (value, self->recorded_by); break;
    case PROP_RECORDER_ROLE: g_value_set_int (value, self->recorder_role); break;
    case PROP_AT_UTC: g_value_set_int64 (value, self->at_utc); break;
    case PROP_VALENCE: g_value_set_int (value, self->valence); break;
    case PROP_ENERGY: g_value_set_int (value, self->energy); break;
    case PROP_EMOTION_WORDS: g_value_set_boxed (value, self->emotion_words); break;
    case PROP_LIFE_AREAS: g_value_set_boxed (value, self->life_areas); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_VISIBILITY: g_value_set_int (value, self->visibility); break;
    case PROP_TALK_ID: g_value_set_int64 (value, self->talk_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_mood_entry_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QingMoodEntry *self = QING_MOOD_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      qing_object_set_int64 (object, &self->id, g_value_get_int64 (value), pspec);
      break;
    case PROP_UUID:
      qing_object_set_string (object, &self->uuid, g_value_get_string (value), pspec);
      break;
    case PROP_STUDENT_ID:
      qing_object_set_int64 (object, &self->student_id, g_value_get_int64 (value), pspec);
      break;
    case PROP_RECORDED_BY:
      qing_object_set_int64 (object, &self->recorded_by, g_value_get_int64 (value), pspec);
      break;
    case PROP_RECORDER_ROLE:
      qing_object_set_int (object, &self->recorder_role, g_value_get_int (value), pspec);
      break;
    case PROP_AT_UTC:
      qing_object_set_int64 (object, &self->at_utc, g_value_get_int64 (value), pspec);
      break;
    case PROP_VALENCE:
      qing_object_set_int (object, &self->valence, g_value_get_int (value), pspec);
      break;
    case PROP_ENERGY:
      qing_object_set_int (object, &self->energy, g_value_get_int (value), pspec);
      break;
    case PROP_EMOTION_WORDS:
      qing_object_set_strv (object, &self->emotion_words, g_value_get_boxed (value), pspec);
      break;
    case PROP_LIFE_AREAS:
      qing_object_set_strv (object, &self->life_areas, g_value_get_boxed (value), pspec);
      break;
    case PROP_NOTE:
      qing_object_set_string (object, &self->note, g_value_get_string (value), pspec);
      break;
    case PROP_VISIBILITY:
      qing_object_set_int (object, &self->visibility, g_value_get_int (value), pspec);
      break;
    case PROP_TALK_ID:
      qing_object_set_int64 (object, &self->talk_id, g_value_get_int64 (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_mood_entry_class_init (QingMoodEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qing_mood_entry_finalize;
  object_class->get_property = qing_mood_entry_get_property;
  object_class->set_property = qing_mood_entry_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, QING_PARAM_RW);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, QING_PARAM_RW);
  properties[PROP_STUDENT_ID] = g_param_spec_int64 ("student-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                    QING_PARAM_RW);
  /* The person who wrote the entry (a parent, or the student's mentor). */
  properties[PROP_RECORDED_BY] = g_param_spec_int64 ("recorded-by", NULL, NULL, 0, G_MAXINT64,
                                                     0, QING_PARAM_RW);
  /* The QingRole the recorder wrote it in. */
  properties[PROP_RECORDER_ROLE] = g_param_spec_int ("recorder-role", NULL, NULL,
                                                     QING_ROLE_PARENT, QING_ROLE_PEER,
                                                     QING_ROLE_PARENT, QING_PARAM_RW);
  /* When, as UTC Unix seconds. */
  properties[PROP_AT_UTC] = g_param_spec_int64 ("at-utc", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                                QING_PARAM_RW);
  /* −3 (very unpleasant) … +3 (very pleasant). */
  properties[PROP_VALENCE] = g_param_spec_int ("valence", NULL, NULL, QING_VALENCE_MIN,
                                               QING_VALENCE_MAX, 0, QING_PARAM_RW);
  /* A QingEnergy; QING_ENERGY_UNSET when not given. */
  properties[PROP_ENERGY] = g_param_spec_int ("energy", NULL, NULL, QING_ENERGY_UNSET,
                                              QING_ENERGY_HIGH, QING_ENERGY_UNSET, QING_PARAM_RW);
  properties[PROP_EMOTION_WORDS] = g_param_spec_boxed ("emotion-words", NULL, NULL, G_TYPE_STRV,
                                                       QING_PARAM_RW);
  properties[PROP_LIFE_AREAS] = g_param_spec_boxed ("life-areas", NULL, NULL, G_TYPE_STRV,
                                                    QING_PARAM_RW);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, QING_PARAM_RW);
  /* A QingVisibility. */
  properties[PROP_VISIBILITY] = g_param_spec_int ("visibility", NULL, NULL,
                                                  QING_VISIBILITY_PRIVATE, QING_VISIBILITY_FAMILY,
                                                  QING_VISIBILITY_PRIVATE, QING_PARAM_RW);
  /* The talk the entry was written after, 0 if none. */
  properties[PROP_TALK_ID] = g_param_spec_int64 ("talk-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                 QING_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_mood_entry_init (QingMoodEntry *self)
{
  self->recorder_role = QING_ROLE_PARENT;
  self->visibility = QING_VISIBILITY_PRIVATE;
}

/* Returns a new, unsaved entry (full reference). */
QingMoodEntry *
qing_mood_entry_new (gint64 student_id, gint64 recorded_by, gint64 at_utc, int valence)
{
  return g_object_new (QING_TYPE_MOOD_ENTRY,
                       "student-id", student_id,
                       "recorded-by", recorded_by,
                       "at-utc", at_utc,
                       "valence", CLAMP (valence, QING_VALENCE_MIN, QING_VALENCE_MAX),
                       NULL);
}

/* Returns a new entry with the same values, id and uuid (full reference). */
QingMoodEntry *
qing_mood_entry_copy (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), NULL);
  return g_object_new (QING_TYPE_MOOD_ENTRY,
                       "id", self->id, "uuid", self->uuid, "student-id", self->student_id,
                       "recorded-by", self->recorded_by, "recorder-role", self->recorder_role,
                       "at-utc", self->at_utc, "valence", self->valence, "energy", self->energy,
                       "emotion-words", self->emotion_words, "life-areas", self->life_areas,
                       "note", self->note, "visibility", self->visibility,
                       "talk-id", self->talk_id,
                       NULL);
}

/* The store's row id, 0 while unsaved. */
gint64
qing_mood_entry_get_id (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), 0);
  return self->id;
}

/* The stable UUID (owned by the entry), NULL while unsaved. */
const char *
qing_mood_entry_get_uuid (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), NULL);
  return self->uuid;
}

/* The student's person id. */
gint64
qing_mood_entry_get_student_id (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), 0);
  return self->student_id;
}

/* Sets the student's person id. */
void
qing_mood_entry_set_student_id (QingMoodEntry *self, gint64 student_id)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_int64 (G_OBJECT (self), &self->student_id, student_id,
                         properties[PROP_STUDENT_ID]);
}

/* The person id of who wrote the entry. */
gint64
qing_mood_entry_get_recorded_by (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), 0);
  return self->recorded_by;
}

/* Sets who wrote the entry. */
void
qing_mood_entry_set_recorded_by (QingMoodEntry *self, gint64 person_id)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_int64 (G_OBJECT (self), &self->recorded_by, person_id,
                         properties[PROP_RECORDED_BY]);
}

/* The role the entry was written in. */
QingRole
qing_mood_entry_get_recorder_role (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), QING_ROLE_PARENT);
  return self->recorder_role;
}

/* Sets the role the entry was written in. */
void
qing_mood_entry_set_recorder_role (QingMoodEntry *self, QingRole role)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_int (G_OBJECT (self), &self->recorder_role, role,
                       properties[PROP_RECORDER_ROLE]);
}

/* When the mood was noted, as UTC Unix seconds. */
gint64
qing_mood_entry_get_at_utc (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), 0);
  return self->at_utc;
}

/* Sets when the mood was noted (UTC Unix seconds). */
void
qing_mood_entry_set_at_utc (QingMoodEntry *self, gint64 at_utc)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_int64 (G_OBJECT (self), &self->at_utc, at_utc, properties[PROP_AT_UTC]);
}

/* Returns the moment in @tz as a new GDateTime (free with g_date_time_unref). */
GDateTime *
qing_mood_entry_dup_at_local (QingMoodEntry *self, GTimeZone *tz)
{
  g_autoptr (GDateTime) utc = NULL;

  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  utc = g_date_time_new_from_unix_utc (self->at_utc);
  return g_date_time_to_timezone (utc, tz);
}

/* How pleasant the moment felt, −3 … +3. */
int
qing_mood_entry_get_valence (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), 0);
  return self->valence;
}

/* Sets the valence (clamped to −3 … +3). */
void
qing_mood_entry_set_valence (QingMoodEntry *self, int valence)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_int (G_OBJECT (self), &self->valence,
                       CLAMP (valence, QING_VALENCE_MIN, QING_VALENCE_MAX),
                       properties[PROP_VALENCE]);
}

/* The energy, QING_ENERGY_UNSET when not given. */
QingEnergy
qing_mood_entry_get_energy (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), QING_ENERGY_UNSET);
  return self->energy;
}

/* Sets the energy (QING_ENERGY_UNSET to clear it). */
void
qing_mood_entry_set_energy (QingMoodEntry *self, QingEnergy energy)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_int (G_OBJECT (self), &self->energy, energy, properties[PROP_ENERGY]);
}

/* The emotion words (owned by the entry), or NULL. */
const char * const *
qing_mood_entry_get_emotion_words (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), NULL);
  return (const char * const *) self->emotion_words;
}

/* Sets the emotion words (copied). */
void
qing_mood_entry_set_emotion_words (QingMoodEntry *self, const char * const *words)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_strv (G_OBJECT (self), &self->emotion_words, words,
                        properties[PROP_EMOTION_WORDS]);
}

/* The life areas (owned by the entry), or NULL. */
const char * const *
qing_mood_entry_get_life_areas (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), NULL);
  return (const char * const *) self->life_areas;
}

/* Sets the life areas (copied). */
void
qing_mood_entry_set_life_areas (QingMoodEntry *self, const char * const *areas)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_strv (G_OBJECT (self), &self->life_areas, areas, properties[PROP_LIFE_AREAS]);
}

/* The note (owned by the entry), or NULL. */
const char *
qing_mood_entry_get_note (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), NULL);
  return self->note;
}

/* Sets the note. */
void
qing_mood_entry_set_note (QingMoodEntry *self, const char *note)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_string (G_OBJECT (self), &self->note, note, properties[PROP_NOTE]);
}

/* Who may see the entry. */
QingVisibility
qing_mood_entry_get_visibility (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), QING_VISIBILITY_PRIVATE);
  return self->visibility;
}

/* Sets who may see the entry. */
void
qing_mood_entry_set_visibility (QingMoodEntry *self, QingVisibility visibility)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_int (G_OBJECT (self), &self->visibility, visibility,
                       properties[PROP_VISIBILITY]);
}

/* The talk this entry was written after, 0 if none. */
gint64
qing_mood_entry_get_talk_id (QingMoodEntry *self)
{
  g_return_val_if_fail (QING_IS_MOOD_ENTRY (self), 0);
  return self->talk_id;
}

/* Links the entry to the talk it was written after (0 for none). */
void
qing_mood_entry_set_talk_id (QingMoodEntry *self, gint64 talk_id)
{
  g_return_if_fail (QING_IS_MOOD_ENTRY (self));
  qing_object_set_int64 (G_OBJECT (self), &self->talk_id, talk_id, properties[PROP_TALK_ID]);
}
