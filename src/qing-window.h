/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qing-application.h"
#include "qing-clock.h"
#include "qing-store.h"
#include "qing-timer-service.h"
#include "qing-types.h"

G_BEGIN_DECLS

#define QING_TYPE_WINDOW (qing_window_get_type ())
G_DECLARE_FINAL_TYPE (QingWindow, qing_window, QING, WINDOW, AdwApplicationWindow)

/* Builds a role's page for a window: a new floating widget. */
typedef GtkWidget *(*QingRolePageFactory) (QingWindow *window);

QingWindow *qing_window_new                (QingApplication *application);

QingStore  *qing_window_get_store          (QingWindow *self);
QingClock  *qing_window_get_clock          (QingWindow *self);
GSettings  *qing_window_get_settings       (QingWindow *self);
QingTimerService *qing_window_get_timer_service (QingWindow *self);

void        qing_window_set_role_page      (QingWindow *self,
                                            QingRole    role,
                                            GtkWidget  *page);
GtkWidget  *qing_window_get_role_page      (QingWindow *self,
                                            QingRole    role);
void        qing_window_register_role_page (QingRole            role,
                                            QingRolePageFactory factory);

void        qing_window_show_role          (QingWindow *self,
                                            QingRole    role);
void        qing_window_show_store_error   (QingWindow   *self,
                                            const GError *error);
void        qing_window_add_toast          (QingWindow *self,
                                            const char *title);

const char *qing_window_get_visible_page   (QingWindow *self);
AdwViewStack *qing_window_get_view_stack   (QingWindow *self);
GtkWidget  *qing_window_get_welcome        (QingWindow *self);

const char *qing_role_to_page_name         (QingRole role);

G_END_DECLS
