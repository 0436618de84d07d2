/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingTalk: one listening session (谈心) between a listener and a student.
 *
 * The start is kept as UTC Unix seconds; "start" gives it as a GDateTime
 * and qing_talk_dup_start_local() in a given time zone.  "effective" is
 * TRUE from QING_EFFECTIVE_TALK_SECONDS (15 minutes) on: shorter talks are
 * recorded and shown but satisfy no rule.
 */
#include "qing-talk.h"
#include "qing-object-private.h"

struct _QingTalk
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  gint64   student_id;
  gint64   listener_id;
  int      listener_role;
  gint64   start_utc;
  int      duration_s;
  char    *place;
  int      mode;
  char   **topics;
  char    *note;
  int      visibility;
  gboolean with_guardian;
  gint64   guardian_id;
};

G_DEFINE_FINAL_TYPE (QingTalk, qing_talk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STUDENT_ID,
  PROP_LISTENER_ID,
  PROP_LISTENER_ROLE,
  PROP_START_UTC,
  PROP_START,
  PROP_DURATION,
  PROP_EFFECTIVE,
  PROP_PLACE,
  PROP_MODE,
  PROP_TOPICS,
  PROP_NOTE,
  PROP_VISIBILITY,
  PROP_WITH_GUARDIAN,
  PROP_GUARDIAN_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qing_talk_finalize (GObject *object)
{
  QingTalk *self = QING_TALK (object);

  g_free (self->uuid);
  g_free (self->place);
  g_strfreev (self->topics);
  g_free (self->note);

  G_OBJECT_CLASS (qing_talk_parent_class)->finalize (object);
}

static void
qing_talk_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingTalk *self = QING_TALK (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_STUDENT_ID: g_value_set_int64 (value, self->student_id); break;
    case PROP_LISTENER_ID: g_value_set_int64 (value, self->listener_id); break;
    case PROP_LISTENER_ROLE: g_value_set_int (value, self->listener_role); break;
    case PROP_START_UTC: g_value_set_int64 (value, self->start_utc); break;
    case PROP_START: g_value_take_boxed (value, qing_talk_dup_start (self)); break;
    case PROP_DURATION: g_value_set_int (value, self->duration_s); break;
    case PROP_EFFECTIVE: g_value_set_boolean (value, qing_talk_get_effective (self)); break;
    case PROP_PLACE: g_value_set_string (value, self->place); break;
    case PROP_MODE: g_value_set_int (value, self->mode); break;
    case PROP_TOPICS: g_value_set_boxed (value, self->topics); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_VISIBILITY: g_value_set_int (value, self->visibility); break;
    case PROP_WITH_GUARDIAN: g_value_set_boolean (value, self->with_guardian); break;
    case PROP_GUARDIAN_ID: g_value_set_int64 (value, self->guardian_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_talk_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  QingTalk *self = QING_TALK (object);

  switch (prop_id)
    {
    case PROP_ID:
      qing_object_set_int64 (object, &self->id, g_value_get_int64 (value), pspec);
      break;
    case PROP_UUID:
      qing_object_set_string (object, &self->uuid, g_value_get_string (value), pspec);
      break;
    case PROP_STUDENT_ID:
      qing_talk_set_student_id (self, g_value_get_int64 (value));
      break;
    case PROP_LISTENER_ID:
      qing_talk_set_listener_id (self, g_value_get_int64 (value));
      break;
    case PROP_LISTENER_ROLE:
      qing_talk_set_listener_role (self, g_value_get_int (value));
      break;
    case PROP_START_UTC:
      qing_talk_set_start_utc (self, g_value_get_int64 (value));
      break;
    case PROP_START:
      if (g_value_get_boxed (value) != NULL)
        qing_talk_set_start_utc (self, g_date_time_to_unix (g_value_get_boxed (value)));
      break;
    case PROP_DURATION:
      qing_talk_set_duration (self, g_value_get_int (value));
      break;
    case PROP_PLACE:
      qing_talk_set_place (self, g_value_get_string (value));
      break;
    case PROP_MODE:
      qing_talk_set_mode (self, g_value_get_int (value));
      break;
    case PROP_TOPICS:
      qing_talk_set_topics (self, g_value_get_boxed (value));
      break;
    case PROP_NOTE:
      qing_talk_set_note (self, g_value_get_string (value));
      break;
    case PROP_VISIBILITY:
      qing_talk_set_visibility (self, g_value_get_int (value));
      break;
    case PROP_WITH_GUARDIAN:
      qing_talk_set_with_guardian (self, g_value_get_boolean (value));
      break;
    case PROP_GUARDIAN_ID:
      qing_talk_set_guardian_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_talk_class_init (QingTalkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qing_talk_finalize;
  object_class->get_property = qing_talk_get_property;
  object_class->set_property = qing_talk_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, QING_PARAM_RW);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, QING_PARAM_RW);
  properties[PROP_STUDENT_ID] = g_param_spec_int64 ("student-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                    QING_PARAM_RW);
  properties[PROP_LISTENER_ID] = g_param_spec_int64 ("listener-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     QING_PARAM_RW);
  /* A QingRole. */
  properties[PROP_LISTENER_ROLE] = g_param_spec_int ("listener-role", NULL, NULL,
                                                     QING_ROLE_PARENT, QING_ROLE_PEER,
                                                     QING_ROLE_PARENT, QING_PARAM_RW);
  /* Start as UTC Unix seconds. */
  properties[PROP_START_UTC] = g_param_spec_int64 ("start-utc", NULL, NULL, G_MININT64,
                                                   G_MAXINT64, 0, QING_PARAM_RW);
  /* The same start as a GDateTime in UTC. */
  properties[PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME,
                                               QING_PARAM_RW);
  /* Length in seconds. */
  properties[PROP_DURATION] = g_param_spec_int ("duration", NULL, NULL, 0, G_MAXINT, 0,
                                                QING_PARAM_RW);
  /* Whether the talk lasted at least QING_EFFECTIVE_TALK_SECONDS. */
  properties[PROP_EFFECTIVE] = g_param_spec_boolean ("effective", NULL, NULL, FALSE,
                                                     QING_PARAM_RO);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, QING_PARAM_RW);
  /* A QingTalkMode. */
  properties[PROP_MODE] = g_param_spec_int ("mode", NULL, NULL, QING_TALK_MODE_IN_PERSON,
                                            QING_TALK_MODE_ONLINE, QING_TALK_MODE_IN_PERSON,
                                            QING_PARAM_RW);
  properties[PROP_TOPICS] = g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV,
                                                QING_PARAM_RW);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, QING_PARAM_RW);
  /* A QingVisibility: who may see the talk and its note. */
  properties[PROP_VISIBILITY] = g_param_spec_int ("visibility", NULL, NULL,
                                                  QING_VISIBILITY_PRIVATE, QING_VISIBILITY_FAMILY,
                                                  QING_VISIBILITY_PRIVATE, QING_PARAM_RW);
  /* TRUE for a talk with the student's guardian rather than the student. */
  properties[PROP_WITH_GUARDIAN] = g_param_spec_boolean ("with-guardian", NULL, NULL, FALSE,
                                                         QING_PARAM_RW);
  /* Which guardian, for a talk with a guardian; 0 if not known. */
  properties[PROP_GUARDIAN_ID] = g_param_spec_int64 ("guardian-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     QING_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_talk_init (QingTalk *self)
{
  self->listener_role = QING_ROLE_PARENT;
  self->visibility = QING_VISIBILITY_PRIVATE;
}

/* Returns a new, unsaved talk (full reference). */
QingTalk *
qing_talk_new (gint64 student_id, gint64 listener_id, QingRole listener_role, gint64 start_utc,
               gint duration_s)
{
  return g_object_new (QING_TYPE_TALK,
                       "student-id", student_id,
                       "listener-id", listener_id,
                       "listener-role", listener_role,
                       "start-utc", start_utc,
                       "duration", duration_s,
                       NULL);
}

/* Returns a new talk with the same values, id and uuid (full reference):
 * what Undo keeps to re-insert a removed talk. */
QingTalk *
qing_talk_copy (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), NULL);
  return g_object_new (QING_TYPE_TALK,
                       "id", self->id, "uuid", self->uuid,
                       "student-id", self->student_id, "listener-id", self->listener_id,
                       "listener-role", self->listener_role, "start-utc", self->start_utc,
                       "duration", self->duration_s, "place", self->place, "mode", self->mode,
                       "topics", self->topics, "note", self->note,
                       "visibility", self->visibility, "with-guardian", self->with_guardian,
                       "guardian-id", self->guardian_id,
                       NULL);
}

/* The store's row id, 0 while unsaved. */
gint64
qing_talk_get_id (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), 0);
  return self->id;
}

/* The stable UUID (owned by the talk), NULL while unsaved. */
const char *
qing_talk_get_uuid (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), NULL);
  return self->uuid;
}

/* The student's person id. */
gint64
qing_talk_get_student_id (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), 0);
  return self->student_id;
}

/* Sets the student's person id. */
void
qing_talk_set_student_id (QingTalk *self, gint64 student_id)
{
  g_return_if_fail (QING_IS_TALK (self));
  qing_object_set_int64 (G_OBJECT (self), &self->student_id, student_id,
                         properties[PROP_STUDENT_ID]);
}

/* The listener's person id. */
gint64
qing_talk_get_listener_id (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), 0);
  return self->listener_id;
}

/* Sets the listener's person id. */
void
qing_talk_set_listener_id (QingTalk *self, gint64 listener_id)
{
  g_return_if_fail (QING_IS_TALK (self));
  qing_object_set_int64 (G_OBJECT (self), &self->listener_id, listener_id,
                         properties[PROP_LISTENER_ID]);
}

/* The role the listener acted in. */
QingRole
qing_talk_get_listener_role (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), QING_ROLE_PARENT);
  return self->listener_role;
}

/* Sets the role the listener acted in. */
void
qing_talk_set_listener_role (QingTalk *self, QingRole role)
{
  g_return_if_fail (QING_IS_TALK (self));
  qing_object_set_int (G_OBJECT (self), &self->listener_role, role,
                       properties[PROP_LISTENER_ROLE]);
}

/* The start as UTC Unix seconds. */
gint64
qing_talk_get_start_utc (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), 0);
  return self->start_utc;
}

/* Sets the start (UTC Unix seconds); notifies "start-utc" and "start". */
void
qing_talk_set_start_utc (QingTalk *self, gint64 start_utc)
{
  g_return_if_fail (QING_IS_TALK (self));
  if (qing_object_set_int64 (G_OBJECT (self), &self->start_utc, start_utc,
                             properties[PROP_START_UTC]))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

/* Returns the start as a new GDateTime in UTC (free with g_date_time_unref). */
GDateTime *
qing_talk_dup_start (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), NULL);
  return g_date_time_new_from_unix_utc (self->start_utc);
}

/* Returns the start as a new GDateTime in @tz (free with g_date_time_unref);
 * its date is the talk's day. */
GDateTime *
qing_talk_dup_start_local (QingTalk *self, GTimeZone *tz)
{
  g_autoptr (GDateTime) utc = NULL;

  g_return_val_if_fail (QING_IS_TALK (self), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  utc = g_date_time_new_from_unix_utc (self->start_utc);
  return g_date_time_to_timezone (utc, tz);
}

/* The length in seconds. */
gint
qing_talk_get_duration (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), 0);
  return self->duration_s;
}

/* Sets the length in seconds; notifies "effective" when that changes. */
void
qing_talk_set_duration (QingTalk *self, gint duration_s)
{
  gboolean was_effective;

  g_return_if_fail (QING_IS_TALK (self));
  was_effective = qing_talk_get_effective (self);
  if (qing_object_set_int (G_OBJECT (self), &self->duration_s, MAX (duration_s, 0),
                           properties[PROP_DURATION])
      && was_effective != qing_talk_get_effective (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECTIVE]);
}

/* Whether the talk counts as effective (有效沟通): at least 15 minutes. */
gboolean
qing_talk_get_effective (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), FALSE);
  return self->duration_s >= QING_EFFECTIVE_TALK_SECONDS;
}

/* Where the talk happened (owned by the talk), or NULL. */
const char *
qing_talk_get_place (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), NULL);
  return self->place;
}

/* Sets where the talk happened. */
void
qing_talk_set_place (QingTalk *self, const char *place)
{
  g_return_if_fail (QING_IS_TALK (self));
  qing_object_set_string (G_OBJECT (self), &self->place, place, properties[PROP_PLACE]);
}

/* How the talk happened. */
QingTalkMode
qing_talk_get_mode (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), QING_TALK_MODE_IN_PERSON);
  return self->mode;
}

/* Sets how the talk happened. */
void
qing_talk_set_mode (QingTalk *self, QingTalkMode mode)
{
  g_return_if_fail (QING_IS_TALK (self));
  qing_object_set_int (G_OBJECT (self), &self->mode, mode, properties[PROP_MODE]);
}

/* The topics (owned by the talk), or NULL when none. */
const char * const *
qing_talk_get_topics (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), NULL);
  return (const char * const *) self->topics;
}

/* Sets the topics (copied; NULL or empty for none). */
void
qing_talk_set_topics (QingTalk *self, const char * const *topics)
{
  g_return_if_fail (QING_IS_TALK (self));
  qing_object_set_strv (G_OBJECT (self), &self->topics, topics, properties[PROP_TOPICS]);
}

/* The note (owned by the talk), or NULL. */
const char *
qing_talk_get_note (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), NULL);
  return self->note;
}

/* Sets the note. */
void
qing_talk_set_note (QingTalk *self, const char *note)
{
  g_return_if_fail (QING_IS_TALK (self));
  qing_object_set_string (G_OBJECT (self), &self->note, note, properties[PROP_NOTE]);
}

/* Who may see the talk. */
QingVisibility
qing_talk_get_visibility (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), QING_VISIBILITY_PRIVATE);
  return self->visibility;
}

/* Sets who may see the talk. */
void
qing_talk_set_visibility (QingTalk *self, QingVisibility visibility)
{
  g_return_if_fail (QING_IS_TALK (self));
  qing_object_set_int (G_OBJECT (self), &self->visibility, visibility,
                       properties[PROP_VISIBILITY]);
}

/* TRUE when the talk was with the student's guardian. */
gboolean
qing_talk_get_with_guardian (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), FALSE);
  return self->with_guardian;
}

/* Marks the talk as one with the student's guardian. */
void
qing_talk_set_with_guardian (QingTalk *self, gboolean with_guardian)
{
  g_return_if_fail (QING_IS_TALK (self));
  qing_object_set_boolean (G_OBJECT (self), &self->with_guardian, with_guardian,
                           properties[PROP_WITH_GUARDIAN]);
}

/* The guardian of a talk with a guardian, 0 if none or not known. */
gint64
qing_talk_get_guardian_id (QingTalk *self)
{
  g_return_val_if_fail (QING_IS_TALK (self), 0);
  return self->guardian_id;
}

/* Sets the guardian of a talk with a guardian (0 for none). */
void
qing_talk_set_guardian_id (QingTalk *self, gint64 guardian_id)
{
  g_return_if_fail (QING_IS_TALK (self));
  qing_object_set_int64 (G_OBJECT (self), &self->guardian_id, guardian_id,
                         properties[PROP_GUARDIAN_ID]);
}
