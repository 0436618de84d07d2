/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qing-store.h" /* calendar editor */
#include "qing-types.h"

G_BEGIN_DECLS

#define QING_TYPE_PREFERENCES_WINDOW (qing_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (QingPreferencesWindow, qing_preferences_window,
                      QING, PREFERENCES_WINDOW, AdwPreferencesWindow)

QingPreferencesWindow *qing_preferences_window_new (GSettings *settings);
/* calendar editor: with a "School Calendar" page for @store's calendar. */
QingPreferencesWindow *qing_preferences_window_new_with_store (GSettings *settings,
                                                               QingStore *store);
void                   qing_preferences_window_show_page (QingPreferencesWindow *self,
                                                          const char            *page_name);

/* Helpers for the program's settings (schema io.github.qingting.Qingting). */
const char *qing_role_to_setting         (QingRole role);
gboolean    qing_settings_has_role       (GSettings *settings,
                                          QingRole   role);
void        qing_settings_set_role       (GSettings *settings,
                                          QingRole   role,
                                          gboolean   held);
gboolean    qing_settings_get_time       (GSettings  *settings,
                                          const char *key,
                                          int        *hour,
                                          int        *minute);
char       *qing_settings_dup_crisis_steps (GSettings *settings);
const char *qing_crisis_steps_default    (void);

G_END_DECLS
