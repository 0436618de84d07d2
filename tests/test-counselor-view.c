/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counselor view in a real window, on a temporary database and a
 * manual clock: a crisis flag comes first and opening a case from it
 * appends a "raised" event; confirming a proposal moves the student into
 * the key-care list; a talk through the shared timer is confidential by
 * default; appointments and the duty roster.
 *
 * Run with "--shot OUT.png WIDTH HEIGHT" (not a test) it shows the real
 * application window with the demo data and a few counselor records, in
 * the counselor role, and saves the screen with ImageMagick's `import`.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "counselor/qing-counselor-row.h"
#include "counselor/qing-counselor-view.h"
#include "qing-application.h"
#include "qing-counselor-lists.h"
#include "qing-store-calendar.h"
#include "qing-store-cases.h"
#include "qing-window.h"
#include "test-services-util.h"

static gboolean have_display;
static gboolean monitoring;

#define REQUIRE_DISPLAY()                                   \
  G_STMT_START                                              \
  {                                                         \
    if (!have_display)                                      \
      {                                                     \
        g_test_skip ("No display");                         \
        return;                                             \
      }                                                     \
  }                                                         \
  G_STMT_END

typedef struct
{
  char              *dir;
  QingClock         *clock;
  QingStore         *store;
  GtkWindow         *window;
  QingCounselorView *view;
  QingNotifier      *notifier; /* only when a test passes its own timer service */
  gint64             mentor;
  gint64             xiaoming; /* 张小明 */
  gint64             yutong;   /* 李雨桐 */
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
spin_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  spin ();
  return TRUE;
}

static gint64
add_person (QingStore *store, QingPersonKind kind, const char *name)
{
  g_autoptr (QingPerson) person = qing_person_new (kind, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_person (store, person, &error));
  return qing_person_get_id (person);
}

static gint64
raise_flag (QingStore *store, gint64 student, gint64 by, QingSeverity severity,
            const char *observed, const char *told)
{
  g_autoptr (QingFlag) flag = qing_flag_new (student, by, severity, observed);
  g_autoptr (GError) error = NULL;

  qing_flag_set_raised_role (flag, QING_ROLE_MENTOR);
  qing_flag_set_who_was_told (flag, told);
  g_assert_true (qing_store_raise_flag (store, flag, &error));
  g_assert_no_error (error);
  return qing_flag_get_id (flag);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr (GDateTime) now = g_date_time_new (tz, 2026, 11, 25, 10, 0, 0);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  GDate a, b;

  if (!have_display)
    return;
  f->dir = g_dir_make_tmp ("qing-counselor-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "qingting.db", NULL);
  f->clock = qing_clock_new_manual (now);
  f->store = qing_store_open (path, f->clock, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&a, 31, G_DATE_AUGUST, 2026);
  g_date_set_dmy (&b, 22, G_DATE_JANUARY, 2027);
  g_assert_cmpint (qing_store_add_term (f->store, "2026 autumn", &a, &b, &error), >, 0);
  f->mentor = add_person (f->store, QING_PERSON_STAFF, "赵文博");
  f->xiaoming = add_person (f->store, QING_PERSON_STUDENT, "张小明");
  f->yutong = add_person (f->store, QING_PERSON_STUDENT, "李雨桐");
}

static void
show_view_with (Fixture *f, QingTimerService *service)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 360, 720);
  f->view = QING_COUNSELOR_VIEW (qing_counselor_view_new (f->store, f->clock, service));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  g_assert_true (spin_until_mapped (GTK_WIDGET (f->view)));
}

static void
show_view (Fixture *f)
{
  show_view_with (f, NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (!have_display)
    return;
  if (f->view != NULL)
    {
      GtkWindow *dialog = qing_counselor_view_get_dialog (f->view);

      if (dialog != NULL)
        gtk_window_destroy (dialog);
      g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
    }
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  spin ();
  /* Nothing keeps the view alive once its window is gone. */
  g_assert_null (f->view);
  g_clear_object (&f->notifier);
  g_assert_finalize_object (f->store);
  g_clear_object (&f->clock);
  {
    g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (f->dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (f->dir);
    g_free (f->dir);
  }
}

static void
activate (Fixture *f, const char *action, gint64 id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action,
                                             id != 0 ? "x" : NULL, id));
  spin ();
}

static guint
n_items (Fixture *f, const char *list)
{
  return g_list_model_get_n_items (qing_counselor_view_get_list (f->view, list));
}

/* The row under @widget whose title is @title, or NULL. */
static QingCounselorRow *
find_row (GtkWidget *widget, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      QingCounselorRow *row;

      if (QING_IS_COUNSELOR_ROW (child)
          && g_strcmp0 (qing_counselor_row_get_title (QING_COUNSELOR_ROW (child)), title) == 0)
        return QING_COUNSELOR_ROW (child);
      if ((row = find_row (child, title)) != NULL)
        return row;
    }
  return NULL;
}

static void
test_crisis_first_and_case (Fixture *f, gconstpointer data)
{
  g_autoptr (QingFlag) first = NULL;
  QingCasePage *page;
  GListModel *events;
  gint64 concern, crisis;

  REQUIRE_DISPLAY ();
  concern = raise_flag (f->store, f->yutong, f->mentor, QING_SEVERITY_CONCERN,
                        "最近上课常走神", NULL);
  qing_clock_advance (f->clock, 600);
  crisis = raise_flag (f->store, f->xiaoming, f->mentor, QING_SEVERITY_CRISIS,
                       "课间独自哭泣，说不想活了", "值班心理老师，家长");
  show_view (f);

  /* The crisis flag comes first, though raised later, and says who was told. */
  g_assert_cmpuint (n_items (f, "flags"), ==, 2);
  first = g_list_model_get_item (qing_counselor_view_get_list (f->view, "flags"), 0);
  g_assert_cmpint (qing_flag_get_id (first), ==, crisis);
  g_assert_nonnull (find_row (GTK_WIDGET (f->view), "张小明"));
  g_assert_cmpstr (qing_counselor_row_get_button_label (find_row (GTK_WIDGET (f->view), "张小明"),
                                                        0), ==, "Open Case");

  /* Opening a case from it appends a "raised" event with what was observed. */
  activate (f, "counselor.open-case-from-flag", crisis);
  g_assert_cmpstr (qing_counselor_view_get_page (f->view), ==, "case");
  page = qing_counselor_view_get_case_page (f->view);
  events = qing_case_page_get_events (page);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  {
    g_autoptr (QingCaseEvent) raised = g_list_model_get_item (events, 0);

    g_assert_cmpint (qing_case_event_get_kind (raised), ==, QING_CASE_EVENT_RAISED);
    g_assert_cmpstr (qing_case_event_get_note (raised), ==, "课间独自哭泣，说不想活了");
  }

  /* A note and a referral append two more; nothing is replaced. */
  qing_case_page_set_note_text (page, "首次面谈");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "case.add-note", NULL));
  qing_case_page_set_referral_text (page, "市精神卫生中心");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "case.refer", NULL));
  spin ();
  g_assert_null (qing_case_page_get_error_text (page));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);
  /* An empty note is refused with a sentence. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "case.add-note", NULL));
  g_assert_nonnull (qing_case_page_get_error_text (page));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);

  /* Back on the overview, only the concern still needs attention; the case is listed. */
  activate (f, "counselor.back", 0);
  g_assert_cmpuint (n_items (f, "flags"), ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (qing_counselor_view_get_list (f->view, "flags"), 0);
  g_assert_cmpint (qing_flag_get_id (first), ==, concern);
  g_assert_cmpuint (n_items (f, "cases"), ==, 1);
}

static void
test_confirm_proposal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (QingCareStatusRow) row = NULL;
  g_autoptr (QingCareProposal) proposal = NULL;

  REQUIRE_DISPLAY ();
  qing_store_propose_care_level (f->store, f->yutong, QING_CARE_KEY_CARE, f->mentor,
                                 QING_ROLE_MENTOR, "父母离异后成绩下滑", &error);
  g_assert_no_error (error);
  show_view (f);
  g_assert_cmpuint (n_items (f, "proposals"), ==, 1);
  g_assert_cmpuint (n_items (f, "key-care"), ==, 0);

  proposal = g_list_model_get_item (qing_counselor_view_get_list (f->view, "proposals"), 0);
  activate (f, "counselor.confirm-proposal", qing_care_proposal_get_id (proposal));
  g_assert_cmpuint (n_items (f, "proposals"), ==, 0);
  g_assert_cmpuint (n_items (f, "key-care"), ==, 1);
  row = g_list_model_get_item (qing_counselor_view_get_list (f->view, "key-care"), 0);
  g_assert_cmpint (qing_care_status_row_get_student_id (row), ==, f->yutong);
  g_assert_cmpint (qing_care_status_row_get_state (row), ==, QING_CADENCE_DUE);
}

static void
test_confidential_talk (Fixture *f, gconstpointer data)
{
  QingViewer mentor = { f->mentor, QING_ROLE_MENTOR };
  QingViewer me;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) talks = NULL;
  g_autoptr (QingCareStatusRow) row = NULL;
  GtkWindow *dialog;

  REQUIRE_DISPLAY ();
  g_assert_true (qing_store_set_care_level (f->store, f->xiaoming, QING_CARE_CLEAR_SIGNS, 0,
                                            QING_ROLE_COUNSELOR, "危机后跟进", &error));
  show_view (f);
  me.person_id = qing_counselor_view_get_counselor_id (f->view);
  me.role = QING_ROLE_COUNSELOR;
  g_assert_cmpuint (n_items (f, "clear-signs"), ==, 1);

  activate (f, "counselor.start-talk", f->xiaoming);
  g_assert_cmpstr (qing_counselor_view_get_page (f->view), ==, "timer");
  qing_clock_advance (f->clock, 16 * 60);
  activate (f, "counselor.finish-timer", f->xiaoming);
  dialog = qing_counselor_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  {
    GtkWidget *box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkWidget *entry = gtk_widget_get_first_child (box);

    gtk_editable_set_text (GTK_EDITABLE (entry), "家里的事，不要告诉别人");
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  spin ();
  qing_counselor_view_refresh (f->view);
  g_assert_cmpstr (qing_counselor_view_get_page (f->view), ==, "main");

  /* Saved, counted for the weekly rule, and confidential. */
  row = g_list_model_get_item (qing_counselor_view_get_list (f->view, "clear-signs"), 0);
  g_assert_cmpint (qing_care_status_row_get_state (row), ==, QING_CADENCE_DONE);
  talks = qing_store_list_talks (f->store, &me, f->xiaoming, 0, G_MAXINT64, &error);
  g_assert_cmpuint (talks->len, ==, 1);
  g_assert_cmpint (qing_talk_get_visibility (g_ptr_array_index (talks, 0)), ==,
                   QING_VISIBILITY_COUNSELOR);
  g_assert_cmpstr (qing_talk_get_note (g_ptr_array_index (talks, 0)), ==,
                   "家里的事，不要告诉别人");
  g_clear_pointer (&talks, g_ptr_array_unref);
  talks = qing_store_list_talks (f->store, &mentor, f->xiaoming, 0, G_MAXINT64, &error);
  g_assert_cmpuint (talks->len, ==, 0);
}

static void
test_appointments_and_duty (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (QingAppointment) appointment = NULL;
  g_autoptr (QingDutyDay) wednesday = NULL;
  GtkWindow *dialog;
  gint64 id;

  REQUIRE_DISPLAY ();
  show_view (f);
  id = qing_store_add_appointment (f->store, f->yutong, qing_counselor_view_get_counselor_id (f->view),
                                   f->mentor, qing_clock_get_now_unix (f->clock) + 3600, 1800,
                                   "心理辅导室", &error);
  g_assert_no_error (error);
  qing_counselor_view_refresh (f->view);
  g_assert_cmpuint (n_items (f, "appointments"), ==, 1);
  activate (f, "counselor.confirm-appointment", id);
  activate (f, "counselor.complete-appointment", id);
  qing_counselor_view_refresh (f->view);
  appointment = g_list_model_get_item (qing_counselor_view_get_list (f->view, "appointments"), 0);
  g_assert_cmpint (qing_appointment_get_status (appointment), ==, QING_APPOINTMENT_DONE);
  g_assert_cmpint (qing_appointment_get_talk_id (appointment), >, 0);

  /* The week's roster from Monday; Wednesday (today) gets the counselor. */
  g_assert_cmpuint (n_items (f, "duty"), ==, 7);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "counselor.edit-duty", "s",
                                             "2026-11-25"));
  dialog = qing_counselor_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  spin ();
  qing_counselor_view_refresh (f->view);
  wednesday = g_list_model_get_item (qing_counselor_view_get_list (f->view, "duty"), 2);
  g_assert_cmpint (qing_duty_day_get_person_id (wednesday), ==,
                   qing_counselor_view_get_counselor_id (f->view));
}

static gboolean
contains (const char *text, const char *part)
{
  return text != NULL && strstr (text, part) != NULL;
}

/* A counselor's talk reaches 15:00 during an open case: the desktop
 * notification carries no case content, no flag, and not the full name. */
static void
test_no_case_content_in_notifications (Fixture *f, gconstpointer data)
{
  static const char *const secrets[] = { "不想活", "家庭冲突", "危机", "个案", "张小明", NULL };
  g_autoptr (QingTimerService) service = NULL;
  g_autoptr (GPtrArray) calls = NULL;
  g_autoptr (GError) error = NULL;
  QingCasePage *page;
  guint n_notify = 0;
  gint64 crisis;

  REQUIRE_DISPLAY ();
  if (!monitoring)
    {
      g_test_skip ("No notification server to watch");
      return;
    }
  f->notifier = qing_notifier_new ();
  service = qing_timer_service_new (f->store, f->clock, f->notifier);
  crisis = raise_flag (f->store, f->xiaoming, f->mentor, QING_SEVERITY_CRISIS,
                       "课间独自哭泣，说不想活了", "值班心理老师，家长");
  g_assert_true (qing_store_set_care_level (f->store, f->xiaoming, QING_CARE_KEY_CARE, 0,
                                            QING_ROLE_COUNSELOR, "危机后跟进", &error));
  show_view_with (f, service);
  activate (f, "counselor.open-case-from-flag", crisis);
  page = qing_counselor_view_get_case_page (f->view);
  qing_case_page_set_note_text (page, "家庭冲突，父亲酗酒");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "case.add-note", NULL));
  activate (f, "counselor.back", 0);
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = services_monitor_drain (f->notifier);
  g_clear_pointer (&calls, g_ptr_array_unref);

  activate (f, "counselor.start-talk", f->xiaoming);
  qing_clock_advance (f->clock, 15 * 60 + 1);
  spin ();
  calls = services_monitor_drain (f->notifier);
  for (guint i = 0; i < calls->len; i++)
    {
      SeenCall *call = g_ptr_array_index (calls, i);

      if (call->close)
        continue;
      n_notify++;
      for (guint j = 0; secrets[j] != NULL; j++)
        {
          g_assert_false (contains (call->summary, secrets[j]));
          g_assert_false (contains (call->body, secrets[j]));
        }
    }
  /* The 15:00 notification itself was sent (the test saw something). */
  g_assert_cmpuint (n_notify, >=, 1);
}

/* ---- Screenshots (not a test) ---- */

static gint64
student_named (QingStore *store, const char *name)
{
  g_autoptr (GPtrArray) students = qing_store_list_students (store, NULL);

  for (guint i = 0; students != NULL && i < students->len; i++)
    if (g_strcmp0 (qing_person_get_name (g_ptr_array_index (students, i)), name) == 0)
      return qing_person_get_id (g_ptr_array_index (students, i));
  return 0;
}

static void
add_shot_records (QingStore *store, QingClock *clock, gint64 me)
{
  gint64 mentor = add_person (store, QING_PERSON_STAFF, "赵文博");
  gint64 now = qing_clock_get_now_unix (clock);
  gint64 a = student_named (store, "陈思远"), b = student_named (store, "刘欣怡");
  gint64 c = student_named (store, "杨浩然");
  GDate day;

  gint64 old = raise_flag (store, c, mentor, QING_SEVERITY_SERIOUS, "期中考试后情绪低落，失眠。",
                          NULL);
  gint64 case_id = qing_store_open_case (store, c, me, old, NULL, NULL, NULL);

  qing_store_append_case_event (store, case_id, QING_CASE_EVENT_NOTED, me, 0, NULL,
                                "首次面谈：考试压力大，与父母沟通少。约定每周谈一次。", NULL);
  qing_store_append_case_event (store, case_id, QING_CASE_EVENT_STATUS_CHANGED, me,
                                QING_CASE_MONITORING, NULL, NULL, NULL);
  raise_flag (store, b, mentor, QING_SEVERITY_SERIOUS, "连续三天没交作业，午饭一个人吃。", NULL);
  raise_flag (store, a, mentor, QING_SEVERITY_CRISIS, "课间独自哭泣，说“活着没意思”。",
              "值班心理老师何静怡；家长（电话）");
  qing_store_add_appointment (store, c, me, mentor, now + 3 * 3600, 1800, "心理辅导室", NULL);
  qing_store_add_appointment (store, b, me, 0, now + 26 * 3600, 1800, "心理辅导室", NULL);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 23, G_DATE_NOVEMBER, 2026);
  for (guint i = 0; i < 5; i++, g_date_add_days (&day, 1))
    qing_store_set_duty (store, &day, me, "心理辅导室", NULL);
}

static int
take_shot (const char *out, int width, int height, const char *section)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr (GDateTime) now = g_date_time_new (tz, 2026, 11, 25, 9, 40, 0);
  g_autoptr (QingClock) clock = qing_clock_new_manual (now);
  g_autofree char *dir = g_dir_make_tmp ("qing-shots-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *command = NULL;
  const char *roles[] = { "counselor", NULL };
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  QingApplication *app;
  GtkWindow *window;
  QingCounselorView *view;
  gint64 end;

  g_settings_set_strv (settings, "roles", roles);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  app = qing_application_new_for_test (clock, db);
  g_object_set (app, "demo", TRUE, "role-views", TRUE, NULL);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  view = QING_COUNSELOR_VIEW (qing_window_get_role_page (QING_WINDOW (window),
                                                         QING_ROLE_COUNSELOR));
  add_shot_records (QING_STORE (qing_application_get_store (app)), clock,
                    qing_counselor_view_get_counselor_id (view));
  qing_counselor_view_refresh (view);
  if (g_strcmp0 (section, "case") == 0)
    gtk_widget_activate_action (GTK_WIDGET (view), "counselor.open-student-case", "x",
                                student_named (QING_STORE (qing_application_get_store (app)),
                                               "杨浩然"));
  else if (g_strcmp0 (section, "timer") == 0 || g_strcmp0 (section, "finish") == 0)
    {
      gint64 student = student_named (QING_STORE (qing_application_get_store (app)), "周博文");

      gtk_widget_activate_action (GTK_WIDGET (view), "counselor.start-talk", "x", student);
      qing_clock_advance (clock, 16 * 60 + 5);
      if (g_strcmp0 (section, "finish") == 0)
        gtk_widget_activate_action (GTK_WIDGET (view), "counselor.finish-timer", "x", student);
    }
  else if (section != NULL)
    gtk_widget_activate_action (GTK_WIDGET (view), "counselor.show-section", "s", section);
  for (end = g_get_monotonic_time () + 6 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  command = g_strdup_printf ("import -window root %s", out);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    return 1;
  gtk_window_destroy (window);
  spin ();
  g_unlink (db);
  return 0;
}

int
main (int argc, char *argv[])
{
  if (argc >= 5 && g_str_equal (argv[1], "--shot"))
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QING_LOCALEDIR") ? g_getenv ("QING_LOCALEDIR")
                                                                    : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      gtk_init ();
      adw_init ();
      return take_shot (argv[2], atoi (argv[3]), atoi (argv[4]), argc > 5 ? argv[5] : NULL);
    }

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  /* The sentences checked are the English source strings. */
  g_setenv ("LANGUAGE", "en", TRUE);
  have_display = gtk_init_check ();
  if (!have_display && g_strcmp0 (g_getenv ("QING_TEST_REQUIRE_DISPLAY"), "1") == 0)
    g_error ("No display, but QING_TEST_REQUIRE_DISPLAY=1");
  if (have_display)
    {
      adw_init ();
      monitoring = services_monitor_start ();
    }

#define ADD(path, func) \
  g_test_add ("/counselor-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("crisis-first-and-case", test_crisis_first_and_case);
  ADD ("confirm-proposal", test_confirm_proposal);
  ADD ("confidential-talk", test_confidential_talk);
  ADD ("appointments-duty", test_appointments_and_duty);
  ADD ("no-case-content-in-notifications", test_no_case_content_in_notifications);
#undef ADD
  {
    int status = g_test_run ();

    if (monitoring)
      services_monitor_stop ();
    return status;
  }
}
