/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What qing-calendar-page.c and qing-calendar-page-dialog.c share.
 */
#pragma once

#include "qing-calendar-page.h"
#include "qing-store-calendar.h"

G_BEGIN_DECLS

typedef enum
{
  CALENDAR_SECTION_TERMS,
  CALENDAR_SECTION_EXCEPTIONS,
  CALENDAR_SECTION_KEY_PERIODS,
  N_CALENDAR_SECTIONS
} CalendarSection;

/* The store table of each section. */
extern const char *const qing_calendar_tables[N_CALENDAR_SECTIONS];

struct _QingCalendarPage
{
  AdwPreferencesPage   parent_instance;

  QingStore           *store;
  AdwPreferencesGroup *groups[N_CALENDAR_SECTIONS];
  AdwActionRow        *suggest_row;
  GPtrArray           *rows[N_CALENDAR_SECTIONS];    /* QingCalendarRow, as last read */
  GPtrArray           *widgets[N_CALENDAR_SECTIONS]; /* their AdwActionRows */
  QingCalendarRow     *removed;                      /* for Undo */
  guint                removed_section;
  AdwMessageDialog    *dialog;                       /* weak */
  char                *last_toast;
};

/* Today by the store's clock. */
void                   qing_calendar_page_get_today (QingCalendarPage *self,
                                                     GDate            *out_day);
/* The row @id of @section as last read, or NULL.  (transfer none) */
const QingCalendarRow *qing_calendar_page_find_row (QingCalendarPage *self,
                                                    guint             section,
                                                    gint64            id);
/* Shows a failure as a toast with the error's sentence. */
void                   qing_calendar_page_show_error (QingCalendarPage *self,
                                                      const GError     *error);
/* "Sep 1, 2026" / "2026年9月1日".  (transfer full) */
char                  *qing_calendar_format_day_long (const GDate *day);
/* "2026年9月1日–2027年1月20日", "2026年10月1日–10月7日".  (transfer full) */
char                  *qing_calendar_format_range (const GDate *first,
                                                   const GDate *last);
/* Installs the add-term, edit-term, add-exception and add-key-period
 * actions (qing-calendar-page-dialog.c). */
void                   qing_calendar_page_class_init_dialog (GtkWidgetClass *widget_class);

G_END_DECLS
