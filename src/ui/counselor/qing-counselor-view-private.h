/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What qing-counselor-view.c and qing-counselor-view-actions.c share.
 */
#pragma once

#include "qing-counselor-lists.h"
#include "qing-counselor-view.h"
#include "parent/qing-timer-page.h"

G_BEGIN_DECLS

struct _QingCounselorView
{
  GtkWidget           parent_instance;

  QingStore          *store;
  QingClock          *clock;
  QingTimerService   *service;
  gint64              me;
  GHashTable         *names;  /* person id → name, cleared on refresh */

  GListModel         *all_flags;
  GtkFilterListModel *flags;
  GListStore         *proposals;
  GListStore         *key_care;
  GListStore         *clear_signs;
  GListStore         *cases;
  GListStore         *duty;
  GListStore         *appointments;

  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  AdwViewStack       *sections;
  GtkListBox         *flags_view;
  GtkListBox         *proposals_view;
  GtkListBox         *key_care_view;
  GtkListBox         *clear_signs_view;
  GtkListBox         *cases_view;
  GtkListBox         *duty_view;
  GtkListBox         *appointments_view;
  GtkLabel           *key_care_caption;
  GtkLabel           *clear_signs_caption;
  GtkLabel           *duty_today_label;
  GtkCheckButton     *show_closed;

  QingCasePage       *case_page;
  QingTimerPage      *timer_page;
  GtkWindow          *dialog;
  guint               refresh_id;
};

/* qing-counselor-view-actions.c */
void        qing_counselor_view_install_actions (GtkWidgetClass *widget_class);
void        qing_counselor_view_toast_error     (QingCounselorView *self,
                                                 const GError      *error);
void        qing_counselor_view_show_case       (QingCounselorView *self,
                                                 gint64             case_id);
void        qing_counselor_view_set_dialog      (QingCounselorView *self,
                                                 GtkWindow         *dialog);

/* qing-counselor-view-rows.c: a list box row for an item of each list */
GtkWidget  *qing_counselor_view_create_flag        (gpointer item, gpointer view);
GtkWidget  *qing_counselor_view_create_proposal    (gpointer item, gpointer view);
GtkWidget  *qing_counselor_view_create_care        (gpointer item, gpointer view);
GtkWidget  *qing_counselor_view_create_case        (gpointer item, gpointer view);
GtkWidget  *qing_counselor_view_create_duty        (gpointer item, gpointer view);
GtkWidget  *qing_counselor_view_create_appointment (gpointer item, gpointer view);

/* qing-counselor-view.c */
char       *qing_counselor_view_format_local    (QingCounselorView *self,
                                                 gint64             utc,
                                                 const char        *format);
void        qing_counselor_view_today           (QingCounselorView *self,
                                                 GDate             *day);
const char *qing_counselor_view_lookup_name     (QingCounselorView *self,
                                                 gint64             person_id);
QingViewer  qing_counselor_view_viewer          (QingCounselorView *self);

G_END_DECLS
