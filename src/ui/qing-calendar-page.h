/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingCalendarPage: the school calendar (校历) page of Preferences — terms,
 * holidays and make-up school days (调休), key periods (关键时段) — with an
 * Add dialog per group, removal with Undo, and on a fresh install a
 * one-click "Add the current term".
 *
 * Actions (group "calendar"): add-term, add-suggested-term, edit-term x,
 * add-exception, add-key-period, remove (sx) (table, row id), undo-remove.
 */
#pragma once

#include <adwaita.h>

#include "qing-store.h"

G_BEGIN_DECLS

#define QING_TYPE_CALENDAR_PAGE (qing_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (QingCalendarPage, qing_calendar_page, QING, CALENDAR_PAGE, AdwPreferencesPage)

/* Returns a new page (floating) that edits the calendar kept in @store. */
QingCalendarPage *qing_calendar_page_new            (QingStore *store);
/* Re-reads the three groups from the store (the page also follows the
 * store's "row-changed" by itself). */
void              qing_calendar_page_reload         (QingCalendarPage *self);
/* The Add or Edit dialog while it is open, or NULL.  Its fields are reachable
 * as object data "qing-name" (AdwEntryRow), "qing-kind" (AdwComboRow, NULL
 * for a term), "qing-first" and "qing-last" (GtkCalendar), "qing-closer"
 * (GtkSwitch, key periods only).  (transfer none) */
AdwMessageDialog *qing_calendar_page_get_dialog     (QingCalendarPage *self);
/* The sentence of the last toast the page showed, or NULL.  (transfer none) */
const char       *qing_calendar_page_get_last_toast (QingCalendarPage *self);

G_END_DECLS
