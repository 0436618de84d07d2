/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingFlag: a concern raised to the counselor (提请关注): what was
 * observed, how serious it is (关注 / 重点 / 危机) and, for a crisis, who
 * was told at once.  The store refuses a crisis flag without that.
 */
#include "qing-flag.h"
#include "qing-object-private.h"

struct _QingFlag
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  gint64   student_id;
  gint64   raised_by;
  int      raised_role;
  int      severity;
  char    *observed;
  char    *who_was_told;
  int      status;
  gint64   raised_at_utc;
};

G_DEFINE_FINAL_TYPE (QingFlag, qing_flag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STUDENT_ID,
  PROP_RAISED_BY,
  PROP_RAISED_ROLE,
  PROP_SEVERITY,
  PROP_OBSERVED,
  PROP_WHO_WAS_TOLD,
  PROP_STATUS,
  PROP_RAISED_AT_UTC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qing_flag_finalize (GObject *object)
{
  QingFlag *self = QING_FLAG (object);

  g_free (self->uuid);
  g_free (self->observed);
  g_free (self->who_was_told);

  G_OBJECT_CLASS (qing_flag_parent_class)->finalize (object);
}

static void
qing_flag_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingFlag *self = QING_FLAG (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_STUDENT_ID: g_value_set_int64 (value, self->student_id); break;
    case PROP_RAISED_BY: g_value_set_int64 (value, self->raised_by); break;
    case PROP_RAISED_ROLE: g_value_set_int (value, self->raised_role); break;
    case PROP_SEVERITY: g_value_set_int (value, self->severity); break;
    case PROP_OBSERVED: g_value_set_string (value, self->observed); break;
    case PROP_WHO_WAS_TOLD: g_value_set_string (value, self->who_was_told); break;
    case PROP_STATUS: g_value_set_int (value, self->status); break;
    case PROP_RAISED_AT_UTC: g_value_set_int64 (value, self->raised_at_utc); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_flag_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  QingFlag *self = QING_FLAG (object);

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
    case PROP_RAISED_BY:
      qing_object_set_int64 (object, &self->raised_by, g_value_get_int64 (value), pspec);
      break;
    case PROP_RAISED_ROLE:
      qing_object_set_int (object, &self->raised_role, g_value_get_int (value), pspec);
      break;
    case PROP_SEVERITY:
      qing_object_set_int (object, &self->severity, g_value_get_int (value), pspec);
      break;
    case PROP_OBSERVED:
      qing_object_set_string (object, &self->observed, g_value_get_string (value), pspec);
      break;
    case PROP_WHO_WAS_TOLD:
      qing_object_set_string (object, &self->who_was_told, g_value_get_string (value), pspec);
      break;
    case PROP_STATUS:
      qing_object_set_int (object, &self->status, g_value_get_int (value), pspec);
      break;
    case PROP_RAISED_AT_UTC:
      qing_object_set_int64 (object, &self->raised_at_utc, g_value_get_int64 (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_flag_class_init (QingFlagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qing_flag_finalize;
  object_class->get_property = qing_flag_get_property;
  object_class->set_property = qing_flag_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, QING_PARAM_RW);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, QING_PARAM_RW);
  properties[PROP_STUDENT_ID] = g_param_spec_int64 ("student-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                    QING_PARAM_RW);
  properties[PROP_RAISED_BY] = g_param_spec_int64 ("raised-by", NULL, NULL, 0, G_MAXINT64, 0,
                                                   QING_PARAM_RW);
  /* The QingRole the flag was raised in (usually the mentor). */
  properties[PROP_RAISED_ROLE] = g_param_spec_int ("raised-role", NULL, NULL, QING_ROLE_PARENT,
                                                   QING_ROLE_PEER, QING_ROLE_MENTOR,
                                                   QING_PARAM_RW);
  /* A QingSeverity. */
  properties[PROP_SEVERITY] = g_param_spec_int ("severity", NULL, NULL, QING_SEVERITY_CONCERN,
                                                QING_SEVERITY_CRISIS, QING_SEVERITY_CONCERN,
                                                QING_PARAM_RW);
  properties[PROP_OBSERVED] = g_param_spec_string ("observed", NULL, NULL, NULL, QING_PARAM_RW);
  properties[PROP_WHO_WAS_TOLD] = g_param_spec_string ("who-was-told", NULL, NULL, NULL,
                                                       QING_PARAM_RW);
  /* A QingFlagStatus. */
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, QING_FLAG_OPEN,
                                              QING_FLAG_CLOSED, QING_FLAG_OPEN, QING_PARAM_RW);
  properties[PROP_RAISED_AT_UTC] = g_param_spec_int64 ("raised-at-utc", NULL, NULL, G_MININT64,
                                                       G_MAXINT64, 0, QING_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_flag_init (QingFlag *self)
{
  self->raised_role = QING_ROLE_MENTOR;
  self->severity = QING_SEVERITY_CONCERN;
}

/* Returns a new, unsaved flag (full reference). */
QingFlag *
qing_flag_new (gint64 student_id, gint64 raised_by, QingSeverity severity, const char *observed)
{
  return g_object_new (QING_TYPE_FLAG,
                       "student-id", student_id, "raised-by", raised_by,
                       "severity", severity, "observed", observed,
                       NULL);
}

/* The store's row id, 0 while unsaved. */
gint64
qing_flag_get_id (QingFlag *self)
{
  g_return_val_if_fail (QING_IS_FLAG (self), 0);
  return self->id;
}

/* The stable UUID (owned by the flag), NULL while unsaved. */
const char *
qing_flag_get_uuid (QingFlag *self)
{
  g_return_val_if_fail (QING_IS_FLAG (self), NULL);
  return self->uuid;
}

/* The student the flag is about. */
gint64
qing_flag_get_student_id (QingFlag *self)
{
  g_return_val_if_fail (QING_IS_FLAG (self), 0);
  return self->student_id;
}

/* Who raised the flag. */
gint64
qing_flag_get_raised_by (QingFlag *self)
{
  g_return_val_if_fail (QING_IS_FLAG (self), 0);
  return self->raised_by;
}

/* The role the flag was raised in. */
QingRole
qing_flag_get_raised_role (QingFlag *self)
{
  g_return_val_if_fail (QING_IS_FLAG (self), QING_ROLE_MENTOR);
  return self->raised_role;
}

/* Sets the role the flag is raised in. */
void
qing_flag_set_raised_role (QingFlag *self, QingRole role)
{
  g_return_if_fail (QING_IS_FLAG (self));
  qing_object_set_int (G_OBJECT (self), &self->raised_role, role, properties[PROP_RAISED_ROLE]);
}

/* How serious the flag is. */
QingSeverity
qing_flag_get_severity (QingFlag *self)
{
  g_return_val_if_fail (QING_IS_FLAG (self), QING_SEVERITY_CONCERN);
  return self->severity;
}

/* Sets how serious the flag is. */
void
qing_flag_set_severity (QingFlag *self, QingSeverity severity)
{
  g_return_if_fail (QING_IS_FLAG (self));
  qing_object_set_int (G_OBJECT (self), &self->severity, severity, properties[PROP_SEVERITY]);
}

/* What was observed (owned by the flag). */
const char *
qing_flag_get_observed (QingFlag *self)
{
  g_return_val_if_fail (QING_IS_FLAG (self), NULL);
  return self->observed;
}

/* Sets what was observed. */
void
qing_flag_set_observed (QingFlag *self, const char *observed)
{
  g_return_if_fail (QING_IS_FLAG (self));
  qing_object_set_string (G_OBJECT (self), &self->observed, observed, properties[PROP_OBSERVED]);
}

/* Who was told (owned by the flag), or NULL. */
const char *
qing_flag_get_who_was_told (QingFlag *self)
{
  g_return_val_if_fail (QING_IS_FLAG (self), NULL);
  return self->who_was_told;
}

/* Sets who was told; required for a crisis flag. */
void
qing_flag_set_who_was_told (QingFlag *self, const char *who_was_told)
{
  g_return_if_fail (QING_IS_FLAG (self));
  qing_object_set_string (G_OBJECT (self), &self->who_was_told, who_was_told,
                          properties[PROP_WHO_WAS_TOLD]);
}

/* Where the flag stands. */
QingFlagStatus
qing_flag_get_status (QingFlag *self)
{
  g_return_val_if_fail (QING_IS_FLAG (self), QING_FLAG_OPEN);
  return self->status;
}

/* When the flag was raised (UTC Unix seconds), 0 while unsaved. */
gint64
qing_flag_get_raised_at_utc (QingFlag *self)
{
  g_return_val_if_fail (QING_IS_FLAG (self), 0);
  return self->raised_at_utc;
}
