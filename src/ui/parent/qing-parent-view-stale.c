/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Timers left running while Qingting was closed for more than an hour:
 * the parent view asks whether the talk went on until now or ended
 * earlier (at a time the parent picks), instead of crediting or losing
 * the time silently.  The question comes when the view is shown and when
 * the timer service finds a timer stale while the app runs (a suspend of
 * more than an hour), once per stale timer and one question at a time.
 */
#include <glib/gi18n.h>

#include "qing-parent-data.h"
#include "qing-parent-view-private.h"

typedef struct
{
  QingParentView   *view;
  QingRunningTimer *timer;
  GtkSpinButton    *hour;
  GtkSpinButton    *minute;
} StaleQuestion;

static void
stale_question_free (StaleQuestion *question)
{
  g_object_unref (question->view);
  g_object_unref (question->timer);
  g_free (question);
}

/* The latest moment not after now at the picked local time of day. */
static gint64
picked_time (StaleQuestion *question)
{
  QingClock *clock = question->view->clock;
  g_autoptr (GDateTime) now = qing_clock_get_now (clock);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (now, qing_clock_get_timezone (clock));
  g_autoptr (GDateTime) picked = NULL;
  gint64 when;

  picked = g_date_time_new (qing_clock_get_timezone (clock), g_date_time_get_year (local),
                            g_date_time_get_month (local), g_date_time_get_day_of_month (local),
                            gtk_spin_button_get_value_as_int (question->hour),
                            gtk_spin_button_get_value_as_int (question->minute), 0);
  when = g_date_time_to_unix (picked);
  if (when > g_date_time_to_unix (now))
    when -= 24 * 3600;
  return when;
}

static void
on_stale_response (AdwMessageDialog *dialog, const char *response, StaleQuestion *question)
{
  QingParentView *self = question->view;
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (GError) error = NULL;
  gint64 ended = g_strcmp0 (response, "earlier") == 0 ? picked_time (question) : 0;

  /* This question is answered: the next one may open. */
  if (self->stale_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->stale_dialog), (gpointer *) &self->stale_dialog);
  self->stale_dialog = NULL;
  if (!qing_timer_service_resolve_stale (self->service, question->timer, ended, &talk, &error))
    qing_parent_view_toast (self, error->message);
  else if (talk != NULL)
    {
      guint minutes = (qing_talk_get_duration (talk) + 30) / 60;
      g_autofree char *title = g_strdup_printf (ngettext ("Talk saved: %u minute",
                                                          "Talk saved: %u minutes", minutes),
                                                minutes);
      qing_parent_view_toast (self, title);
    }
  qing_parent_view_refresh (self);
  /* One question at a time: ask about the next stale timer, if any. */
  qing_parent_view_ask_stale (self);
}

static GtkWidget *
make_spin (int upper, int value, const char *tooltip)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);

  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_tooltip_text (spin, tooltip);
  return spin;
}

static GtkWidget *
make_time_picker (StaleQuestion *question, GDateTime *last_seen_local)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *hour = make_spin (23, g_date_time_get_hour (last_seen_local), _("Hour"));
  GtkWidget *minute = make_spin (59, g_date_time_get_minute (last_seen_local), _("Minute"));

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("If it ended earlier, it ended at")));
  gtk_box_append (GTK_BOX (box), hour);
  gtk_box_append (GTK_BOX (box), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (box), minute);
  question->hour = GTK_SPIN_BUTTON (hour);
  question->minute = GTK_SPIN_BUTTON (minute);
  return box;
}

static char *
describe_absence (QingParentView *self, QingRunningTimer *timer, QingPerson *child)
{
  gint64 away = qing_clock_get_now_unix (self->clock) - qing_running_timer_get_last_seen_utc (timer);
  guint hours = (guint) MAX (away / 3600, 1);
  g_autofree char *name = qing_parent_first_name (child);

  /* Translators: %1$s is the child's name, %2$u the hours Qingting was closed */
  return g_strdup_printf (ngettext ("The timer for %1$s was still running when Qingting closed "
                                    "%2$u hour ago. Did the talk go on until now?",
                                    "The timer for %1$s was still running when Qingting closed "
                                    "%2$u hours ago. Did the talk go on until now?", hours),
                          name, hours);
}

static void
ask_one (QingParentView *self, QingRunningTimer *timer, QingPerson *child)
{
  StaleQuestion *question = g_new0 (StaleQuestion, 1);
  g_autoptr (GDateTime) last_seen = g_date_time_new_from_unix_utc (qing_running_timer_get_last_seen_utc (timer));
  g_autoptr (GDateTime) local = g_date_time_to_timezone (last_seen, qing_clock_get_timezone (self->clock));
  g_autofree char *body = describe_absence (self, timer, child);
  GtkWidget *dialog;
  gint64 id;

  question->view = g_object_ref (self);
  question->timer = g_object_ref (timer);
  dialog = adw_message_dialog_new (NULL, _("Did the Talk Go On?"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      make_time_picker (question, local));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "earlier", _("It _Ended Earlier"),
                                    "now", _("_Yes, Until Now"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "now",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "earlier");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "earlier");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_stale_response), question,
                         (GClosureNotify) (void (*) (void)) stale_question_free, 0);
  self->stale_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->stale_dialog);
  id = qing_running_timer_get_id (timer);
  g_hash_table_add (self->stale_asked, g_memdup2 (&id, sizeof id));
  qing_parent_view_set_dialog (self, GTK_WINDOW (dialog));
}

/* Forgets the timers asked about that are no longer stale (answered,
 * finished elsewhere), so that one that becomes stale again is asked
 * about again. */
static void
forget_answered (QingParentView *self, GPtrArray *stale)
{
  GHashTableIter iter;
  gint64 *id;

  g_hash_table_iter_init (&iter, self->stale_asked);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      gboolean still = FALSE;

      for (guint i = 0; i < stale->len && !still; i++)
        still = qing_running_timer_get_id (g_ptr_array_index (stale, i)) == *id;
      if (!still)
        g_hash_table_iter_remove (&iter);
    }
}

/* Internal: asks about the first stale timer of the local guardian not
 * asked about yet, if any, while the view is shown and no stale question
 * is open; answering it asks about the next. */
void
qing_parent_view_ask_stale (QingParentView *self)
{
  g_autoptr (GPtrArray) stale = NULL;

  if (self->service == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return; /* mapping the view again asks */
  stale = qing_timer_service_list_stale (self->service);
  if (self->stale_asked == NULL)
    self->stale_asked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  forget_answered (self, stale);
  if (self->stale_dialog != NULL)
    return; /* one question at a time */
  for (guint i = 0; i < stale->len; i++)
    {
      QingRunningTimer *timer = g_ptr_array_index (stale, i);
      gint64 id = qing_running_timer_get_id (timer);
      g_autoptr (QingPerson) child = NULL;

      if (qing_running_timer_get_listener_id (timer) != self->guardian_id
          || g_hash_table_contains (self->stale_asked, &id))
        continue;
      child = qing_parent_view_find_child (self, qing_running_timer_get_student_id (timer));
      if (child == NULL)
        continue;
      ask_one (self, timer, child);
      return;
    }
}

static gboolean
ask_stale_idle (gpointer data)
{
  QingParentView *self = data;

  self->stale_idle = 0;
  qing_parent_view_ask_stale (self);
  return G_SOURCE_REMOVE;
}

/* Internal: asks about stale timers from an idle (after the view is
 * shown, or when the timer service found one); several calls before it
 * runs ask once. */
void
qing_parent_view_queue_ask_stale (QingParentView *self)
{
  if (self->stale_idle != 0)
    return;
  self->stale_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ask_stale_idle,
                                      g_object_ref (self), g_object_unref);
}
