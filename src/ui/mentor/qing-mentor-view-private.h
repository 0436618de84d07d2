/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of QingMentorView shared by qing-mentor-view.c (pages, roster,
 * agenda) and qing-mentor-view-actions.c (what the actions do).
 */
#pragma once

#include "qing-repository.h"
#include "qing-roster-status.h"
#include "parent/qing-timer-page.h"
#include "mentor/qing-mentor-view.h"
#include "mentor/qing-plan-page.h"
#include "mentor/qing-student-page.h"

G_BEGIN_DECLS

struct _QingMentorView
{
  GtkWidget           parent_instance;

  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkLabel           *cycle_label;
  GtkLabel           *peer_label;
  GtkWidget          *running_button;
  GtkLabel           *group_label;
  GtkDropDown        *group_dropdown;
  GtkStringList      *group_names;
  GtkWidget          *agenda_box;
  GtkListBox         *agenda_list;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *sort_dropdown;
  GtkListView        *roster_list;
  GtkWidget          *no_match_label;
  QingPlanPage       *plan_page;
  QingStudentPage    *student_page;
  GtkWidget          *timer_box;

  QingStore          *store;
  QingClock          *clock;
  QingTimerService   *service;
  GSettings          *settings;
  gint64              mentor_id;
  gint64              group_id;
  GArray             *group_ids;     /* gint64, in the dropdown's order */
  QingRosterStatus   *roster;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GListModel         *agenda;
  QingTimerPage      *timer_page;
  GtkWindow          *dialog;        /* weak */
  GtkNativeDialog    *chooser;       /* owned while open */
  char               *search;
  gboolean            loading_groups;
};

/* qing-mentor-view.c */
QingViewer  qing_mentor_view_viewer      (QingMentorView *self);
void        qing_mentor_view_show_error  (QingMentorView *self,
                                          const GError   *error);
void        qing_mentor_view_toast       (QingMentorView *self,
                                          const char     *text);
void        qing_mentor_view_set_dialog  (QingMentorView *self,
                                          GtkWindow      *dialog);
void        qing_mentor_view_show_page   (QingMentorView *self,
                                          const char     *name);
void        qing_mentor_view_update_header (QingMentorView *self);
void        qing_mentor_view_load_groups (QingMentorView *self,
                                          gint64          select_id);
char       *qing_mentor_view_dup_crisis_steps (QingMentorView *self);

/* qing-mentor-view-actions.c */
void        qing_mentor_view_install_actions (GtkWidgetClass *widget_class);
void        qing_mentor_view_open_student    (QingMentorView *self,
                                              gint64          student_id);
void        qing_mentor_view_connect_timer_page (QingMentorView *self);

G_END_DECLS
