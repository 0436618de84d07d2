/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers shared by the domain objects (QingPerson, QingTalk, …):
 * property setters that notify only when the value really changed.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

static inline gboolean
qing_object_set_string (GObject *object, char **field, const char *value, GParamSpec *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

static inline gboolean
qing_object_set_int64 (GObject *object, gint64 *field, gint64 value, GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

static inline gboolean
qing_object_set_int (GObject *object, int *field, int value, GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

static inline gboolean
qing_object_set_boolean (GObject *object, gboolean *field, gboolean value, GParamSpec *pspec)
{
  value = !!value;
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

static inline gboolean
qing_strv_equal0 (const char *const *a, const char *const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

/* An empty list is stored as NULL, so "no topics" has one representation. */
static inline gboolean
qing_object_set_strv (GObject *object, char ***field, const char *const *value, GParamSpec *pspec)
{
  if (qing_strv_equal0 ((const char *const *) *field, value))
    return FALSE;
  g_strfreev (*field);
  *field = (value != NULL && value[0] != NULL) ? g_strdupv ((char **) value) : NULL;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

#define QING_PARAM_RW (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)
#define QING_PARAM_RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

G_END_DECLS
