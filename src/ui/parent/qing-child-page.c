/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-child-page.h"
#include "qing-mood-rules.h"
#include "qing-mood-vocab.h"
#include "qing-parent-data.h"
#include "shared/qing-streak-badge.h"

#define MOOD_DAYS 365
#define RECENT_MOODS 5

struct _QingChildPage
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *title_label;
  GtkWidget         *edit_button;
  GtkWidget         *remove_button;
  GtkWidget         *alert_box;
  GtkLabel          *alert_title;
  GtkLabel          *alert_reason;
  GtkWidget         *talk_tonight_button;
  GtkWidget         *tell_mentor_button;
  GtkWidget         *mentor_told_label;
  GtkWidget         *start_button;
  GtkWidget         *add_talk_button;
  GtkWidget         *record_mood_button;
  QingStreakBadge   *streak_badge;
  QingMonthCalendar *calendar;
  AdwPreferencesGroup *day_group;
  QingMoodTrend     *trend;
  AdwPreferencesGroup *moods_group;

  QingStore         *store;
  QingClock         *clock;
  gint64             guardian_id;
  QingPerson        *child;
  GPtrArray         *day_rows;  /* rows in day_group */
  GPtrArray         *mood_rows; /* rows in moods_group */
  guint              n_day_talks;
  GDate              day;      /* the day whose talks are listed */
};

G_DEFINE_FINAL_TYPE (QingChildPage, qing_child_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  PROP_GUARDIAN_ID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static gint64
child_id (QingChildPage *self)
{
  return self->child != NULL ? qing_person_get_id (self->child) : 0;
}

static void
refresh_month (QingChildPage *self)
{
  int year = qing_month_calendar_get_year (self->calendar);
  int month = qing_month_calendar_get_month (self->calendar);
  g_autoptr (GError) error = NULL;
  guint minutes[31] = { 0 };
  guint n_days;
  GDate first;

  if (self->child == NULL || year <= 0 || month < 1)
    return;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  n_days = g_date_get_days_in_month (month, year);
  if (!qing_store_get_talk_minutes_per_day (self->store, child_id (self), QING_ROLE_PARENT,
                                            &first, n_days, minutes, &error))
    g_warning ("Reading the month's talks: %s", error->message);
  qing_month_calendar_set_minutes (self->calendar, year, month, minutes, n_days);
  /* green days: one talk of 15 minutes, not short ones adding up */
  qing_month_calendar_set_reached_days (self->calendar, year, month,
                                        qing_parent_days_met (self->store, self->clock,
                                                              child_id (self), &first, n_days));
}

static char *
describe_talk (QingTalk *talk, GTimeZone *tz)
{
  g_autoptr (GDateTime) start = qing_talk_dup_start_local (talk, tz);
  g_autofree char *time = g_date_time_format (start, "%H:%M");
  guint minutes = (qing_talk_get_duration (talk) + 30) / 60;

  /* Translators: a talk in a day's list: start time and minutes, "19:30 · 20 min" */
  return g_strdup_printf (ngettext ("%s · %u min", "%s · %u min", minutes), time, minutes);
}

static char *
describe_details (QingTalk *talk)
{
  const char * const *topics = qing_talk_get_topics (talk);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between topics of a talk */
        g_string_append (text, _(", "));
      g_string_append (text, qing_parent_topic_label (topics[i]));
    }
  if (qing_talk_get_note (talk) != NULL && *qing_talk_get_note (talk) != '\0')
    {
      if (text->len > 0)
        g_string_append (text, " — ");
      g_string_append (text, qing_talk_get_note (talk));
    }
  return g_markup_escape_text (text->str, -1);
}

static GtkWidget *
make_icon_button (const char *icon, const char *tooltip, const char *action, gint64 id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static GtkWidget *
make_talk_row (QingChildPage *self, QingTalk *talk)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = describe_talk (talk, qing_clock_get_timezone (self->clock));
  g_autofree char *details = describe_details (talk);
  gint64 id = qing_talk_get_id (talk);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  if (qing_talk_get_effective (talk))
    {
      GtkWidget *done = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (done, "success");
      gtk_widget_set_tooltip_text (done, _("Effective talk: fifteen minutes or more"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), done);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_icon_button ("document-edit-symbolic", _("Edit Talk"),
                                               "parent.edit-talk", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_icon_button ("user-trash-symbolic", _("Delete Talk"),
                                               "parent.remove-talk", id));
  return row;
}

static void
clear_day_rows (QingChildPage *self)
{
  for (guint i = 0; i < self->day_rows->len; i++)
    adw_preferences_group_remove (self->day_group, g_ptr_array_index (self->day_rows, i));
  g_ptr_array_set_size (self->day_rows, 0);
}

static void
add_day_row (QingChildPage *self, GtkWidget *row)
{
  adw_preferences_group_add (self->day_group, row);
  g_ptr_array_add (self->day_rows, row);
}

static GPtrArray *
list_day_talks (QingChildPage *self)
{
  GTimeZone *tz = qing_clock_get_timezone (self->clock);
  QingViewer viewer = qing_parent_viewer (self->guardian_id);
  g_autoptr (GDateTime) from = g_date_time_new (tz, g_date_get_year (&self->day),
                                                g_date_get_month (&self->day),
                                                g_date_get_day (&self->day), 0, 0, 0);
  g_autoptr (GDateTime) to = g_date_time_add_days (from, 1);
  g_autoptr (GError) error = NULL;
  GPtrArray *talks;

  talks = qing_store_list_talks (self->store, &viewer, child_id (self),
                                 g_date_time_to_unix (from), g_date_time_to_unix (to), &error);
  if (talks == NULL)
    g_warning ("Reading the day's talks: %s", error->message);
  return talks;
}

static void
refresh_day (QingChildPage *self)
{
  g_autoptr (GPtrArray) talks = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *title = NULL;

  clear_day_rows (self);
  self->n_day_talks = 0;
  if (self->child == NULL || !g_date_valid (&self->day))
    return;
  day_text = qing_cadence_format_day (&self->day);
  /* Translators: above the talks of a day; %s is a date ("11月23日") */
  title = g_strdup_printf (_("Talks on %s"), day_text);
  adw_preferences_group_set_title (self->day_group, title);
  talks = list_day_talks (self);
  for (guint i = 0; talks != NULL && i < talks->len; i++)
    add_day_row (self, make_talk_row (self, g_ptr_array_index (talks, i)));
  self->n_day_talks = self->day_rows->len;
  if (self->n_day_talks == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No talks on this day"));
      add_day_row (self, row);
    }
}

static void
refresh_streak (QingChildPage *self)
{
  QingCadenceStreak streak;

  qing_parent_streak (self->store, self->clock, child_id (self), &streak);
  qing_streak_badge_set_current (self->streak_badge, streak.current);
  qing_streak_badge_set_longest (self->streak_badge, streak.longest);
}

/* Whether this guardian raised an open flag about the child lately (the
 * mentor was told; the flag waits for school sharing). */
static gboolean
mentor_told_lately (QingChildPage *self)
{
  QingViewer viewer = qing_parent_viewer (self->guardian_id);
  gint64 since = qing_clock_get_now_unix (self->clock) - 14 * 24 * 3600;
  g_autoptr (GPtrArray) flags = qing_store_list_open_flags (self->store, &viewer, NULL);

  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      QingFlag *flag = g_ptr_array_index (flags, i);

      if (qing_flag_get_student_id (flag) == child_id (self)
          && qing_flag_get_raised_by (flag) == self->guardian_id
          && qing_flag_get_raised_at_utc (flag) >= since)
        return TRUE;
    }
  return FALSE;
}

static void
show_assessment (QingChildPage *self, const QingMoodSample *samples, gsize n_samples)
{
  g_autoptr (QingMoodAssessment) assessment = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  assessment = qing_mood_assess (samples, n_samples, qing_clock_get_timezone (self->clock),
                                 qing_clock_get_now_unix (self->clock));
  gtk_widget_set_visible (self->alert_box, assessment->reasons != QING_MOOD_DROP_NONE);
  if (assessment->reasons == QING_MOOD_DROP_NONE)
    return;
  name = qing_parent_first_name (self->child);
  /* Translators: the heading of the alert on a child's page; %s is the name */
  title = g_strdup_printf (_("The mood of %s has dropped"), name);
  gtk_label_set_text (self->alert_title, title);
  gtk_label_set_text (self->alert_reason, assessment->explanation);
  qing_child_page_set_mentor_told (self, mentor_told_lately (self));
}

static char *
describe_mood (QingMoodEntry *entry, GTimeZone *tz)
{
  g_autoptr (GDateTime) at = qing_mood_entry_dup_at_local (entry, tz);
  /* Translators: when a mood entry was written, in strftime format */
  g_autofree char *when = g_date_time_format (at, _("%b %-d, %H:%M"));

  /* Translators: a mood entry: when, then the level ("11月29日 20:10 · 有点愉快") */
  return g_strdup_printf (_("%s · %s"), when,
                          qing_mood_vocab_valence_label (qing_mood_entry_get_valence (entry)));
}

static char *
describe_mood_words (QingMoodEntry *entry)
{
  const char * const *words = qing_mood_entry_get_emotion_words (entry);
  const char *note = qing_mood_entry_get_note (entry);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      const char *label = qing_mood_vocab_word_label (words[i]);

      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, label != NULL ? label : words[i]);
    }
  if (note != NULL && *note != '\0')
    {
      if (text->len > 0)
        g_string_append (text, " — ");
      g_string_append (text, note);
    }
  return g_markup_escape_text (text->str, -1);
}

/* The last few entries of the journal, newest first. */
static void
show_recent_moods (QingChildPage *self, GPtrArray *moods)
{
  GTimeZone *tz = qing_clock_get_timezone (self->clock);

  for (guint i = 0; i < self->mood_rows->len; i++)
    adw_preferences_group_remove (self->moods_group, g_ptr_array_index (self->mood_rows, i));
  g_ptr_array_set_size (self->mood_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->moods_group), moods->len > 0);
  for (guint i = moods->len; i > 0 && self->mood_rows->len < RECENT_MOODS; i--)
    {
      QingMoodEntry *entry = g_ptr_array_index (moods, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = describe_mood (entry, tz);
      g_autofree char *words = describe_mood_words (entry);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), words);
      adw_preferences_group_add (self->moods_group, row);
      g_ptr_array_add (self->mood_rows, row);
    }
}

static void
refresh_moods (QingChildPage *self)
{
  QingViewer viewer = qing_parent_viewer (self->guardian_id);
  gint64 now = qing_clock_get_now_unix (self->clock);
  g_autoptr (GPtrArray) moods = NULL;
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (QingMoodPoint));
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (QingMoodSample));
  g_autoptr (GError) error = NULL;
  GDate today;

  moods = qing_store_list_moods (self->store, &viewer, child_id (self),
                                 now - (gint64) (MOOD_DAYS + 1) * 24 * 3600, now + 1, &error);
  if (moods == NULL)
    {
      g_warning ("Reading the mood journal: %s", error->message);
      return;
    }
  for (guint i = 0; i < moods->len; i++)
    {
      QingMoodEntry *entry = g_ptr_array_index (moods, i);
      QingMoodPoint point = { qing_mood_entry_get_at_utc (entry),
                              qing_mood_entry_get_valence (entry) };
      QingMoodSample sample = { point.at_utc, point.valence, qing_mood_entry_get_note (entry),
                                qing_mood_entry_get_emotion_words (entry) };

      g_array_append_val (points, point);
      g_array_append_val (samples, sample);
    }
  qing_parent_today (self->clock, &today);
  qing_mood_trend_set_entries (self->trend, (const QingMoodPoint *) (gpointer) points->data,
                               points->len, qing_clock_get_timezone (self->clock), &today);
  show_assessment (self, (const QingMoodSample *) (gpointer) samples->data, samples->len);
  show_recent_moods (self, moods);
}

/* Reads everything the page shows again from the store. */
void
qing_child_page_refresh (QingChildPage *self)
{
  g_return_if_fail (QING_IS_CHILD_PAGE (self));
  if (self->child == NULL)
    return;
  refresh_streak (self);
  refresh_month (self);
  refresh_day (self);
  refresh_moods (self);
}

static void
on_calendar_day_selected (QingChildPage *self, const GDate *day)
{
  self->day = *day;
  refresh_day (self);
}

static void
on_calendar_month_changed (QingChildPage *self)
{
  refresh_month (self);
}

static void
qing_child_page_dispose (GObject *object)
{
  QingChildPage *self = QING_CHILD_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_CHILD_PAGE);
  g_clear_pointer (&self->day_rows, g_ptr_array_unref);
  g_clear_pointer (&self->mood_rows, g_ptr_array_unref);
  g_clear_object (&self->child);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (qing_child_page_parent_class)->dispose (object);
}

static void
qing_child_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingChildPage *self = QING_CHILD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_CLOCK: g_value_set_object (value, self->clock); break;
    case PROP_GUARDIAN_ID: g_value_set_int64 (value, self->guardian_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_child_page_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  QingChildPage *self = QING_CHILD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_CLOCK: self->clock = g_value_dup_object (value); break;
    case PROP_GUARDIAN_ID: self->guardian_id = g_value_get_int64 (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_child_page_class_init (QingChildPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = qing_child_page_dispose;
  object_class->get_property = qing_child_page_get_property;
  object_class->set_property = qing_child_page_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE, flags);
  properties[PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, QING_TYPE_CLOCK, flags);
  properties[PROP_GUARDIAN_ID] = g_param_spec_int64 ("guardian-id", NULL, NULL,
                                                     0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QING_TYPE_STREAK_BADGE);
  g_type_ensure (QING_TYPE_MONTH_CALENDAR);
  g_type_ensure (QING_TYPE_MOOD_TREND);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/parent/qing-child-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, box);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, alert_box);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, alert_title);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, alert_reason);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, talk_tonight_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, tell_mentor_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, mentor_told_label);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, add_talk_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, record_mood_button);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, streak_badge);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, day_group);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, trend);
  gtk_widget_class_bind_template_child (widget_class, QingChildPage, moods_group);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_month_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qing_child_page_init (QingChildPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->day_rows = g_ptr_array_new ();
  self->mood_rows = g_ptr_array_new ();
  g_date_clear (&self->day, 1);
}

/* Creates the page (a floating widget); show a child with
 * qing_child_page_set_child(). */
GtkWidget *
qing_child_page_new (QingStore *store, QingClock *clock, gint64 guardian_id)
{
  g_return_val_if_fail (QING_IS_STORE (store) && QING_IS_CLOCK (clock), NULL);
  return g_object_new (QING_TYPE_CHILD_PAGE, "store", store, "clock", clock,
                       "guardian-id", guardian_id, NULL);
}

static void
set_targets (QingChildPage *self, gint64 id)
{
  struct { GtkWidget *button; const char *action; } buttons[] = {
    { self->edit_button, "parent.edit-child" },
    { self->remove_button, "parent.remove-child" },
    { self->talk_tonight_button, "parent.start" },
    { self->tell_mentor_button, "parent.tell-mentor" },
    { self->start_button, "parent.start" },
    { self->add_talk_button, "parent.add-talk" },
    { self->record_mood_button, "parent.record-mood" },
  };

  /* The target first: a name without its target would be refused. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (buttons[i].button), "x", id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (buttons[i].button), buttons[i].action);
    }
}

/* Shows @child (NULL: nothing): today's month and today's talks selected. */
void
qing_child_page_set_child (QingChildPage *self, QingPerson *child)
{
  g_return_if_fail (QING_IS_CHILD_PAGE (self));

  if (child != NULL && self->child != NULL
      && qing_person_get_id (child) == qing_person_get_id (self->child))
    {
      g_set_object (&self->child, child);
      gtk_label_set_text (self->title_label, qing_person_get_name (child));
      qing_child_page_refresh (self);
      return;
    }
  g_set_object (&self->child, child);
  gtk_label_set_text (self->title_label, child != NULL ? qing_person_get_name (child) : "");
  if (child == NULL)
    return;
  set_targets (self, qing_person_get_id (child));
  qing_child_page_set_mentor_told (self, FALSE);
  qing_parent_today (self->clock, &self->day);
  qing_month_calendar_set_today (self->calendar, &self->day);
  qing_month_calendar_select_day (self->calendar, &self->day);
  qing_month_calendar_set_month (self->calendar, g_date_get_year (&self->day),
                                 g_date_get_month (&self->day));
  qing_child_page_refresh (self);
}

/* Returns the child shown, or NULL (owned by the page). */
QingPerson *
qing_child_page_get_child (QingChildPage *self)
{
  g_return_val_if_fail (QING_IS_CHILD_PAGE (self), NULL);
  return self->child;
}

/* Lists the talks of @day (and shows its month). */
void
qing_child_page_select_day (QingChildPage *self, const GDate *day)
{
  g_return_if_fail (QING_IS_CHILD_PAGE (self));
  g_return_if_fail (day != NULL && g_date_valid (day));
  qing_month_calendar_select_day (self->calendar, day);
  on_calendar_day_selected (self, day);
}

/* Returns how many talks the selected day lists. */
guint
qing_child_page_get_n_day_talks (QingChildPage *self)
{
  g_return_val_if_fail (QING_IS_CHILD_PAGE (self), 0);
  return self->n_day_talks;
}

/* Returns the history calendar (owned by the page). */
QingMonthCalendar *
qing_child_page_get_calendar (QingChildPage *self)
{
  g_return_val_if_fail (QING_IS_CHILD_PAGE (self), NULL);
  return self->calendar;
}

/* Returns the streak badge: current and longest runs of done days (owned
 * by the page). */
QingStreakBadge *
qing_child_page_get_streak_badge (QingChildPage *self)
{
  g_return_val_if_fail (QING_IS_CHILD_PAGE (self), NULL);
  return self->streak_badge;
}

/* Returns the mood trend (owned by the page). */
QingMoodTrend *
qing_child_page_get_trend (QingChildPage *self)
{
  g_return_val_if_fail (QING_IS_CHILD_PAGE (self), NULL);
  return self->trend;
}

/* Returns the reason of the mood alert, or NULL when none is shown
 * (owned by the page). */
const char *
qing_child_page_get_alert_text (QingChildPage *self)
{
  g_return_val_if_fail (QING_IS_CHILD_PAGE (self), NULL);
  if (!gtk_widget_get_visible (self->alert_box))
    return NULL;
  return gtk_label_get_text (self->alert_reason);
}

/* Shows that the mentor was told (the flag is saved, to be sent once
 * school sharing exists) instead of the "Tell the mentor" button. */
void
qing_child_page_set_mentor_told (QingChildPage *self, gboolean told)
{
  g_return_if_fail (QING_IS_CHILD_PAGE (self));
  gtk_widget_set_visible (gtk_widget_get_parent (self->tell_mentor_button), !told);
  gtk_widget_set_visible (self->mentor_told_label, told);
}

/* Returns whether the page says the mentor was told. */
gboolean
qing_child_page_get_mentor_told (QingChildPage *self)
{
  g_return_val_if_fail (QING_IS_CHILD_PAGE (self), FALSE);
  return gtk_widget_get_visible (self->mentor_told_label);
}

/* Returns how many journal entries the page lists (at most five). */
guint
qing_child_page_get_n_recent_moods (QingChildPage *self)
{
  g_return_val_if_fail (QING_IS_CHILD_PAGE (self), 0);
  return self->mood_rows->len;
}
