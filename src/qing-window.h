/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qing-application.h"

G_BEGIN_DECLS

#define QING_TYPE_WINDOW (qing_window_get_type ())
G_DECLARE_FINAL_TYPE (QingWindow, qing_window, QING, WINDOW, AdwApplicationWindow)

QingWindow *qing_window_new (QingApplication *application);

G_END_DECLS
