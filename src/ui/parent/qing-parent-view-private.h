/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What qing-parent-view.c and qing-parent-view-actions.c share.
 */
#pragma once

#include "qing-parent-view.h"

G_BEGIN_DECLS

struct _QingParentView
{
  GtkWidget         parent_instance;

  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  GtkStack         *today_stack;
  GtkFlowBox       *cards_box;
  GtkLabel         *date_label;
  QingChildPage    *child_page;
  QingTimerPage    *timer_page;

  QingStore        *store;
  QingClock        *clock;
  QingTimerService *service;
  gint64            guardian_id;
  GListModel       *children;
  GtkWindow        *dialog;        /* weak: the dialog open now */
  QingTalk         *removed_talk;  /* for Undo */
  char             *timer_return;  /* the page "back" returns to from the timer */
  GDate             today;
  guint             tick_id;
  guint             midnight_alarm;
  GtkWindow        *stale_dialog;  /* weak: the stale question open now */
  GHashTable       *stale_asked;   /* ids of the stale timers asked about */
  guint             stale_idle;    /* pending qing_parent_view_ask_stale() */
};

void        qing_parent_view_install_actions (GtkWidgetClass *widget_class);
void        qing_parent_view_show_page       (QingParentView *self,
                                              const char     *name);
void        qing_parent_view_toast           (QingParentView *self,
                                              const char     *title);
void        qing_parent_view_set_dialog      (QingParentView *self,
                                              GtkWindow      *dialog);
QingPerson *qing_parent_view_find_child      (QingParentView *self,
                                              gint64          child_id);
void        qing_parent_view_open_timer      (QingParentView   *self,
                                              QingRunningTimer *timer,
                                              QingPerson       *child);
void        qing_parent_view_ask_stale       (QingParentView *self);
void        qing_parent_view_queue_ask_stale (QingParentView *self);

G_END_DECLS
