/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "qing-types.h"

G_BEGIN_DECLS

/* Where a flag raised to the counselor stands. */
typedef enum
{
  QING_FLAG_OPEN    = 0, /* raised, not yet looked at */
  QING_FLAG_SEEN    = 1, /* a counselor has read it */
  QING_FLAG_IN_CASE = 2, /* taken up in a case (个案) */
  QING_FLAG_CLOSED  = 3,
} QingFlagStatus;

#define QING_TYPE_FLAG (qing_flag_get_type ())
G_DECLARE_FINAL_TYPE (QingFlag, qing_flag, QING, FLAG, GObject)

QingFlag       *qing_flag_new               (gint64        student_id,
                                             gint64        raised_by,
                                             QingSeverity  severity,
                                             const char   *observed);

gint64          qing_flag_get_id            (QingFlag *self);
const char     *qing_flag_get_uuid          (QingFlag *self);
gint64          qing_flag_get_student_id    (QingFlag *self);
gint64          qing_flag_get_raised_by     (QingFlag *self);
QingRole        qing_flag_get_raised_role   (QingFlag *self);
void            qing_flag_set_raised_role   (QingFlag *self,
                                             QingRole  role);
QingSeverity    qing_flag_get_severity      (QingFlag *self);
void            qing_flag_set_severity      (QingFlag     *self,
                                             QingSeverity  severity);
const char     *qing_flag_get_observed      (QingFlag *self);
void            qing_flag_set_observed      (QingFlag   *self,
                                             const char *observed);
const char     *qing_flag_get_who_was_told  (QingFlag *self);
void            qing_flag_set_who_was_told  (QingFlag   *self,
                                             const char *who_was_told);
QingFlagStatus  qing_flag_get_status        (QingFlag *self);
gint64          qing_flag_get_raised_at_utc (QingFlag *self);

G_END_DECLS
