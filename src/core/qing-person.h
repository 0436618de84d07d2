/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "qing-types.h"

G_BEGIN_DECLS

/* What a person is in the program (the store keeps these values). */
typedef enum
{
  QING_PERSON_STUDENT  = 1,
  QING_PERSON_GUARDIAN = 2, /* 家长 / 监护人 */
  QING_PERSON_STAFF    = 3, /* 班主任, 任课教师, 心理老师 */
} QingPersonKind;

typedef enum
{
  QING_GENDER_UNKNOWN = 0,
  QING_GENDER_MALE    = 1,
  QING_GENDER_FEMALE  = 2,
} QingGender;

#define QING_TYPE_PERSON (qing_person_get_type ())
G_DECLARE_FINAL_TYPE (QingPerson, qing_person, QING, PERSON, GObject)

QingPerson     *qing_person_new                (QingPersonKind kind,
                                                const char    *name);

gint64          qing_person_get_id             (QingPerson *self);
const char     *qing_person_get_uuid           (QingPerson *self);
const char     *qing_person_get_name           (QingPerson *self);
void            qing_person_set_name           (QingPerson *self,
                                                const char *name);
QingPersonKind  qing_person_get_kind           (QingPerson *self);
void            qing_person_set_kind           (QingPerson     *self,
                                                QingPersonKind  kind);
QingGender      qing_person_get_gender         (QingPerson *self);
void            qing_person_set_gender         (QingPerson *self,
                                                QingGender  gender);
const char     *qing_person_get_birthday       (QingPerson *self);
void            qing_person_set_birthday       (QingPerson *self,
                                                const char *birthday);
GDate          *qing_person_dup_birthday_date  (QingPerson *self);
const char     *qing_person_get_student_number (QingPerson *self);
void            qing_person_set_student_number (QingPerson *self,
                                                const char *student_number);
const char     *qing_person_get_phone          (QingPerson *self);
void            qing_person_set_phone          (QingPerson *self,
                                                const char *phone);
const char     *qing_person_get_class_name     (QingPerson *self);
QingCareLevel   qing_person_get_care_level     (QingPerson *self);
const char     *qing_person_get_pinyin_key     (QingPerson *self);
const char     *qing_person_get_note           (QingPerson *self);
void            qing_person_set_note           (QingPerson *self,
                                                const char *note);

G_END_DECLS
