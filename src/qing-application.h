/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define QING_TYPE_APPLICATION (qing_application_get_type ())
G_DECLARE_FINAL_TYPE (QingApplication, qing_application, QING, APPLICATION, AdwApplication)

QingApplication *qing_application_new (void);

G_END_DECLS
