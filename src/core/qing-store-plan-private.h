/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What qing-store-plan.c, qing-store-plan-edit.c and qing-plan-model.c
 * share.  Core only.
 */
#pragma once

#include "qing-repository-private.h"
#include "qing-store-plan.h"

G_BEGIN_DECLS

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* Open entries: planned or moved, not done or skipped. */
#define QING_PLAN_OPEN_SQL "(0, 3)"

#define QING_PLAN_ENTRY_COLUMNS \
  "id, uuid, student_id, day, slot_id, start_minute, position, status, talk_id, mentor_id"

/* Sets a QING_PLAN_ERROR and returns FALSE. */
gboolean qing_plan_fail           (GError       **error,
                                   QingPlanError  code,
                                   const char    *message);
/* Reads a row starting with QING_PLAN_ENTRY_COLUMNS into @entry. */
void     qing_plan_entry_from_row (QingStoreStmt *stmt,
                                   QingPlanEntry *entry);
/* The local day (and minute after midnight, if wanted) of @utc. */
void     qing_plan_local_day      (QingStore *self,
                                   gint64     utc,
                                   GDate     *out_day,
                                   guint     *out_minute);

G_END_DECLS
