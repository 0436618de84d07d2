/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qing-clock.h"
#include "qing-digest.h"
#include "qing-notifier.h"
#include "qing-store.h"
#include "qing-timer-service.h"

G_BEGIN_DECLS

#define QING_TYPE_APPLICATION (qing_application_get_type ())
G_DECLARE_FINAL_TYPE (QingApplication, qing_application, QING, APPLICATION, AdwApplication)

QingApplication *qing_application_new          (void);
QingApplication *qing_application_new_for_test (QingClock  *clock,
                                                const char *database_path);

QingClock        *qing_application_get_clock          (QingApplication *self);
QingStore        *qing_application_get_store          (QingApplication *self);
const GError     *qing_application_get_store_error    (QingApplication *self);
const char       *qing_application_get_database_path  (QingApplication *self);
GSettings        *qing_application_get_settings       (QingApplication *self);
QingNotifier     *qing_application_get_notifier       (QingApplication *self);
QingTimerService *qing_application_get_timer_service  (QingApplication *self);
/* The mentor's morning digest, made once this user is a mentor with a
 * local mentor record (NULL before).  (transfer none) */
QingDigest       *qing_application_get_digest         (QingApplication *self);

G_END_DECLS
