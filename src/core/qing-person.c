/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingPerson: a student, a guardian or a member of staff.
 *
 * "id", "uuid", "class-name", "care-level" and "pinyin-key" are filled in
 * by the store (qing-repository.h); the others are what a user edits.
 */
#include "qing-person.h"
#include "qing-object-private.h"

#include <stdio.h>

struct _QingPerson
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *name;
  int      kind;
  int      gender;
  char    *birthday;
  char    *student_number;
  char    *phone;
  char    *class_name;
  int      care_level;
  char    *pinyin_key;
  char    *note;
};

G_DEFINE_FINAL_TYPE (QingPerson, qing_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_KIND,
  PROP_GENDER,
  PROP_BIRTHDAY,
  PROP_STUDENT_NUMBER,
  PROP_PHONE,
  PROP_CLASS_NAME,
  PROP_CARE_LEVEL,
  PROP_PINYIN_KEY,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qing_person_finalize (GObject *object)
{
  QingPerson *self = QING_PERSON (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->birthday);
  g_free (self->student_number);
  g_free (self->phone);
  g_free (self->class_name);
  g_free (self->pinyin_key);
  g_free (self->note);

  G_OBJECT_CLASS (qing_person_parent_class)->finalize (object);
}

static void
qing_person_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingPerson *self = QING_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_GENDER: g_value_set_int (value, self->gender); break;
    case PROP_BIRTHDAY: g_value_set_string (value, self->birthday); break;
    case PROP_STUDENT_NUMBER: g_value_set_string (value, self->student_number); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_CLASS_NAME: g_value_set_string (value, self->class_name); break;
    case PROP_CARE_LEVEL: g_value_set_int (value, self->care_level); break;
    case PROP_PINYIN_KEY: g_value_set_string (value, self->pinyin_key); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_person_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  QingPerson *self = QING_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      qing_object_set_int64 (object, &self->id, g_value_get_int64 (value), pspec);
      break;
    case PROP_UUID:
      qing_object_set_string (object, &self->uuid, g_value_get_string (value), pspec);
      break;
    case PROP_NAME:
      qing_object_set_string (object, &self->name, g_value_get_string (value), pspec);
      break;
    case PROP_KIND:
      qing_object_set_int (object, &self->kind, g_value_get_int (value), pspec);
      break;
    case PROP_GENDER:
      qing_object_set_int (object, &self->gender, g_value_get_int (value), pspec);
      break;
    case PROP_BIRTHDAY:
      qing_object_set_string (object, &self->birthday, g_value_get_string (value), pspec);
      break;
    case PROP_STUDENT_NUMBER:
      qing_object_set_string (object, &self->student_number, g_value_get_string (value), pspec);
      break;
    case PROP_PHONE:
      qing_object_set_string (object, &self->phone, g_value_get_string (value), pspec);
      break;
    case PROP_CLASS_NAME:
      qing_object_set_string (object, &self->class_name, g_value_get_string (value), pspec);
      break;
    case PROP_CARE_LEVEL:
      qing_object_set_int (object, &self->care_level, g_value_get_int (value), pspec);
      break;
    case PROP_PINYIN_KEY:
      qing_object_set_string (object, &self->pinyin_key, g_value_get_string (value), pspec);
      break;
    case PROP_NOTE:
      qing_object_set_string (object, &self->note, g_value_get_string (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_person_class_init (QingPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qing_person_finalize;
  object_class->get_property = qing_person_get_property;
  object_class->set_property = qing_person_set_property;

  /* Row id in the store; 0 until the person is saved. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, QING_PARAM_RW);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, QING_PARAM_RW);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, QING_PARAM_RW);
  /* A QingPersonKind. */
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, QING_PERSON_STUDENT,
                                            QING_PERSON_STAFF, QING_PERSON_STUDENT, QING_PARAM_RW);
  /* A QingGender. */
  properties[PROP_GENDER] = g_param_spec_int ("gender", NULL, NULL, QING_GENDER_UNKNOWN,
                                              QING_GENDER_FEMALE, QING_GENDER_UNKNOWN,
                                              QING_PARAM_RW);
  /* "YYYY-MM-DD", or NULL when not known. */
  properties[PROP_BIRTHDAY] = g_param_spec_string ("birthday", NULL, NULL, NULL, QING_PARAM_RW);
  properties[PROP_STUDENT_NUMBER] = g_param_spec_string ("student-number", NULL, NULL, NULL,
                                                         QING_PARAM_RW);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, QING_PARAM_RW);
  /* Name of the student's class, filled in by the store. */
  properties[PROP_CLASS_NAME] = g_param_spec_string ("class-name", NULL, NULL, NULL,
                                                     QING_PARAM_RW);
  /* The current QingCareLevel, filled in by the store. */
  properties[PROP_CARE_LEVEL] = g_param_spec_int ("care-level", NULL, NULL, QING_CARE_NORMAL,
                                                  QING_CARE_CLEAR_SIGNS, QING_CARE_NORMAL,
                                                  QING_PARAM_RW);
  /* Sort key that orders names in pinyin order, filled in by the store. */
  properties[PROP_PINYIN_KEY] = g_param_spec_string ("pinyin-key", NULL, NULL, NULL,
                                                     QING_PARAM_RW);
  /* A short remark from the roster (备注), e.g. "走读生"; not for confidential notes. */
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, QING_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_person_init (QingPerson *self)
{
  self->kind = QING_PERSON_STUDENT;
}

/* Returns a new, unsaved person (full reference, id 0). */
QingPerson *
qing_person_new (QingPersonKind kind, const char *name)
{
  return g_object_new (QING_TYPE_PERSON, "kind", kind, "name", name, NULL);
}

/* The store's row id, 0 while unsaved. */
gint64
qing_person_get_id (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), 0);
  return self->id;
}

/* The stable UUID (owned by the person), NULL while unsaved. */
const char *
qing_person_get_uuid (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), NULL);
  return self->uuid;
}

/* The display name (owned by the person). */
const char *
qing_person_get_name (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), NULL);
  return self->name;
}

/* Sets the display name; saved by qing_store_update_person(). */
void
qing_person_set_name (QingPerson *self, const char *name)
{
  g_return_if_fail (QING_IS_PERSON (self));
  qing_object_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
}

/* Whether the person is a student, a guardian or staff. */
QingPersonKind
qing_person_get_kind (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), QING_PERSON_STUDENT);
  return self->kind;
}

/* Sets the kind of person. */
void
qing_person_set_kind (QingPerson *self, QingPersonKind kind)
{
  g_return_if_fail (QING_IS_PERSON (self));
  qing_object_set_int (G_OBJECT (self), &self->kind, kind, properties[PROP_KIND]);
}

/* The gender, QING_GENDER_UNKNOWN when not given. */
QingGender
qing_person_get_gender (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), QING_GENDER_UNKNOWN);
  return self->gender;
}

/* Sets the gender. */
void
qing_person_set_gender (QingPerson *self, QingGender gender)
{
  g_return_if_fail (QING_IS_PERSON (self));
  qing_object_set_int (G_OBJECT (self), &self->gender, gender, properties[PROP_GENDER]);
}

/* The birthday as "YYYY-MM-DD" (owned by the person), or NULL. */
const char *
qing_person_get_birthday (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), NULL);
  return self->birthday;
}

/* Sets the birthday ("YYYY-MM-DD" or NULL). */
void
qing_person_set_birthday (QingPerson *self, const char *birthday)
{
  g_return_if_fail (QING_IS_PERSON (self));
  qing_object_set_string (G_OBJECT (self), &self->birthday, birthday, properties[PROP_BIRTHDAY]);
}

/* The birthday as a new GDate (free with g_date_free), or NULL when unknown
 * or not a valid date. */
GDate *
qing_person_dup_birthday_date (QingPerson *self)
{
  guint y, m, d;

  g_return_val_if_fail (QING_IS_PERSON (self), NULL);
  if (self->birthday == NULL || sscanf (self->birthday, "%u-%u-%u", &y, &m, &d) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

/* The school's student number (owned by the person), or NULL. */
const char *
qing_person_get_student_number (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), NULL);
  return self->student_number;
}

/* Sets the student number. */
void
qing_person_set_student_number (QingPerson *self, const char *student_number)
{
  g_return_if_fail (QING_IS_PERSON (self));
  qing_object_set_string (G_OBJECT (self), &self->student_number, student_number,
                          properties[PROP_STUDENT_NUMBER]);
}

/* The phone number (owned by the person), or NULL. */
const char *
qing_person_get_phone (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), NULL);
  return self->phone;
}

/* Sets the phone number. */
void
qing_person_set_phone (QingPerson *self, const char *phone)
{
  g_return_if_fail (QING_IS_PERSON (self));
  qing_object_set_string (G_OBJECT (self), &self->phone, phone, properties[PROP_PHONE]);
}

/* The name of the student's class (owned by the person), or NULL. */
const char *
qing_person_get_class_name (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), NULL);
  return self->class_name;
}

/* The current care level, as last loaded from the store. */
QingCareLevel
qing_person_get_care_level (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), QING_CARE_NORMAL);
  return self->care_level;
}

/* The pinyin sort key (owned by the person), or NULL. */
const char *
qing_person_get_pinyin_key (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), NULL);
  return self->pinyin_key;
}

/* The roster remark (owned by the person), or NULL. */
const char *
qing_person_get_note (QingPerson *self)
{
  g_return_val_if_fail (QING_IS_PERSON (self), NULL);
  return self->note;
}

/* Sets the roster remark; it is not confidential (see QingTalk for notes). */
void
qing_person_set_note (QingPerson *self, const char *note)
{
  g_return_if_fail (QING_IS_PERSON (self));
  qing_object_set_string (G_OBJECT (self), &self->note, note, properties[PROP_NOTE]);
}
