/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingGroup: a class or a mentor group, with its mentor (班主任 for a class).
 * "n-students" is filled in by the store when the group is loaded.
 */
#include "qing-group.h"
#include "qing-object-private.h"

struct _QingGroup
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  int      kind;
  char    *name;
  gint64   mentor_id;
  int      n_students;
};

G_DEFINE_FINAL_TYPE (QingGroup, qing_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KIND,
  PROP_NAME,
  PROP_MENTOR_ID,
  PROP_N_STUDENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qing_group_finalize (GObject *object)
{
  QingGroup *self = QING_GROUP (object);

  g_free (self->uuid);
  g_free (self->name);

  G_OBJECT_CLASS (qing_group_parent_class)->finalize (object);
}

static void
qing_group_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingGroup *self = QING_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_MENTOR_ID: g_value_set_int64 (value, self->mentor_id); break;
    case PROP_N_STUDENTS: g_value_set_int (value, self->n_students); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_group_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  QingGroup *self = QING_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      qing_object_set_int64 (object, &self->id, g_value_get_int64 (value), pspec);
      break;
    case PROP_UUID:
      qing_object_set_string (object, &self->uuid, g_value_get_string (value), pspec);
      break;
    case PROP_KIND:
      qing_object_set_int (object, &self->kind, g_value_get_int (value), pspec);
      break;
    case PROP_NAME:
      qing_object_set_string (object, &self->name, g_value_get_string (value), pspec);
      break;
    case PROP_MENTOR_ID:
      qing_object_set_int64 (object, &self->mentor_id, g_value_get_int64 (value), pspec);
      break;
    case PROP_N_STUDENTS:
      qing_object_set_int (object, &self->n_students, g_value_get_int (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_group_class_init (QingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qing_group_finalize;
  object_class->get_property = qing_group_get_property;
  object_class->set_property = qing_group_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, QING_PARAM_RW);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, QING_PARAM_RW);
  /* A QingGroupKind. */
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, QING_GROUP_CLASS,
                                            QING_GROUP_MENTOR, QING_GROUP_CLASS, QING_PARAM_RW);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, QING_PARAM_RW);
  /* The mentor's person id, 0 if none yet. */
  properties[PROP_MENTOR_ID] = g_param_spec_int64 ("mentor-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                   QING_PARAM_RW);
  properties[PROP_N_STUDENTS] = g_param_spec_int ("n-students", NULL, NULL, 0, G_MAXINT, 0,
                                                  QING_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_group_init (QingGroup *self)
{
  self->kind = QING_GROUP_CLASS;
}

/* Returns a new, unsaved group (full reference); @mentor_id may be 0. */
QingGroup *
qing_group_new (QingGroupKind kind, const char *name, gint64 mentor_id)
{
  return g_object_new (QING_TYPE_GROUP, "kind", kind, "name", name, "mentor-id", mentor_id, NULL);
}

/* The store's row id, 0 while unsaved. */
gint64
qing_group_get_id (QingGroup *self)
{
  g_return_val_if_fail (QING_IS_GROUP (self), 0);
  return self->id;
}

/* The stable UUID (owned by the group), NULL while unsaved. */
const char *
qing_group_get_uuid (QingGroup *self)
{
  g_return_val_if_fail (QING_IS_GROUP (self), NULL);
  return self->uuid;
}

/* Whether this is a class or a mentor group. */
QingGroupKind
qing_group_get_kind (QingGroup *self)
{
  g_return_val_if_fail (QING_IS_GROUP (self), QING_GROUP_CLASS);
  return self->kind;
}

/* The name, e.g. "初二(3)班" (owned by the group). */
const char *
qing_group_get_name (QingGroup *self)
{
  g_return_val_if_fail (QING_IS_GROUP (self), NULL);
  return self->name;
}

/* Sets the name. */
void
qing_group_set_name (QingGroup *self, const char *name)
{
  g_return_if_fail (QING_IS_GROUP (self));
  qing_object_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
}

/* The mentor's person id, 0 if none. */
gint64
qing_group_get_mentor_id (QingGroup *self)
{
  g_return_val_if_fail (QING_IS_GROUP (self), 0);
  return self->mentor_id;
}

/* Sets the mentor (0 for none). */
void
qing_group_set_mentor_id (QingGroup *self, gint64 mentor_id)
{
  g_return_if_fail (QING_IS_GROUP (self));
  qing_object_set_int64 (G_OBJECT (self), &self->mentor_id, mentor_id,
                         properties[PROP_MENTOR_ID]);
}

/* How many students the group had when it was loaded. */
guint
qing_group_get_n_students (QingGroup *self)
{
  g_return_val_if_fail (QING_IS_GROUP (self), 0);
  return self->n_students;
}
