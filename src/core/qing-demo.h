/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Demo data: a believable small school and family, invented, to try the
 * program with (qingting --demo).
 */
#pragma once

#include "qing-store.h"

G_BEGIN_DECLS

#define QING_DEMO_ERROR (qing_demo_error_quark ())

typedef enum
{
  QING_DEMO_ERROR_NOT_EMPTY, /* the database already holds records */
} QingDemoError;

GQuark   qing_demo_error_quark (void);

gboolean qing_demo_fill (QingStore  *store,
                         GError    **error);

G_END_DECLS
