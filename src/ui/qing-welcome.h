/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qing-types.h"

G_BEGIN_DECLS

#define QING_TYPE_WELCOME (qing_welcome_get_type ())
G_DECLARE_FINAL_TYPE (QingWelcome, qing_welcome, QING, WELCOME, AdwBin)

QingWelcome *qing_welcome_new             (GSettings *settings);

void         qing_welcome_set_role_chosen (QingWelcome *self,
                                           QingRole     role,
                                           gboolean     chosen);
gboolean     qing_welcome_get_role_chosen (QingWelcome *self,
                                           QingRole     role);
gboolean     qing_welcome_get_can_continue (QingWelcome *self);

G_END_DECLS
