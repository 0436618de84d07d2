/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Queries the benchmark needs that the repository does not offer (yet):
 * the students of the school, a class or a care level as cadence
 * subjects, and the talk spans of a whole school's due list read with one
 * index range per listener role.
 * Core only; widgets see models.
 */
#pragma once

#include "qing-cadence.h"
#include "qing-store.h"

G_BEGIN_DECLS

GArray             *qing_bench_list_subjects (QingStore     *store,
                                              gint64         group_id,
                                              QingCareLevel  min_care,
                                              GError       **error);

GArray             *qing_bench_list_rule_spans (QingStore                 *store,
                                                QingSchoolCalendar        *calendar,
                                                GTimeZone                 *tz,
                                                gint64                     now_utc,
                                                const QingCadenceRuleInfo *rules,
                                                gsize                      n_rules,
                                                GError                   **error);

G_END_DECLS
