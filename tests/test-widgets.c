/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared widgets in real windows: values, accessible names, chips,
 * keyboard steps across the mood faces, the calendar's day-selected, and
 * rendering (the ring draws more color at 15:00 than at 5:00).
 */
#include <adwaita.h>
#include <locale.h>

#include "shared/qing-chip-group.h"
#include "shared/qing-month-calendar.h"
#include "shared/qing-mood-face.h"
#include "shared/qing-mood-picker.h"
#include "shared/qing-mood-trend.h"
#include "shared/qing-ring.h"
#include "shared/qing-streak-badge.h"

static gboolean
on_deadline (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Puts @child in a presented window and spins the main loop until it has
 * been laid out (frames, not timers: the deadline only guards a hang). */
static GtkWindow *
show_in_window (GtkWidget *child, int width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gboolean expired = FALSE;
  guint deadline;

  gtk_window_set_default_size (window, width, -1);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  deadline = g_timeout_add_seconds (10, on_deadline, &expired);
  while (!expired && (!gtk_widget_get_mapped (child) || gtk_widget_get_width (child) == 0))
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (deadline);
  g_assert_false (expired);
  return window;
}

static gboolean
count_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  guint *ticks = data;

  return ++(*ticks) < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Lets two frames pass so that a change has been laid out. */
static void
wait_for_frames (GtkWidget *widget)
{
  guint ticks = 0;
  gboolean expired = FALSE;
  guint deadline = g_timeout_add_seconds (10, on_deadline, &expired);

  gtk_widget_add_tick_callback (widget, count_tick, &ticks, NULL);
  while (!expired && ticks < 2)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (deadline);
  g_assert_false (expired);
}

/* Renders @widget with its own snapshot into an image surface. */
static cairo_surface_t *
render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;

  wait_for_frames (widget);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);
  return surface;
}

/* Counts opaque-ish pixels whose color is clearly not a gray. */
static guint
count_colored_pixels (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        const guchar *p = data + y * stride + x * 4; /* premultiplied BGRA */
        int hi = MAX (p[0], MAX (p[1], p[2]));
        int lo = MIN (p[0], MIN (p[1], p[2]));

        if (p[3] > 128 && hi - lo > 60)
          n++;
      }
  return n;
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_ring_values (void)
{
  GtkWidget *ring = qing_ring_new ();
  GtkWindow *window = show_in_window (ring, 300);
  guint reached_notes = 0;

  g_signal_connect (ring, "notify::reached", G_CALLBACK (count_notify), &reached_notes);
  g_assert_cmpuint (qing_ring_get_goal_seconds (QING_RING (ring)), ==, 900);
  g_assert_cmpstr (qing_ring_get_text (QING_RING (ring)), ==, "0 / 15\nmin");

  g_object_set (ring, "value-seconds", 12 * 60 + 59, NULL);
  g_assert_cmpstr (qing_ring_get_text (QING_RING (ring)), ==, "12 / 15\nmin");
  g_assert_cmpstr (qing_ring_get_accessible_text (QING_RING (ring)), ==,
                   "12 of 15 minutes listened today");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (ring), GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ring), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "12 of 15 minutes listened today");
  g_assert_false (qing_ring_get_reached (QING_RING (ring)));
  g_assert_false (gtk_widget_has_css_class (ring, "reached"));

  qing_ring_set_value_seconds (QING_RING (ring), 900);
  qing_ring_set_value_seconds (QING_RING (ring), 1000);
  g_assert_true (qing_ring_get_reached (QING_RING (ring)));
  g_assert_true (gtk_widget_has_css_class (ring, "reached"));
  g_assert_cmpuint (reached_notes, ==, 1);
  g_assert_cmpstr (qing_ring_get_text (QING_RING (ring)), ==, "16 / 15\nmin");

  g_assert_cmpint (gtk_widget_get_height (ring), >=, 96);
  gtk_window_destroy (window);
}

/* Short talks adding up to 15 minutes: the ring is full, not reached;
 * reached-set lets the caller say so, and clearing it follows the value. */
static void
test_ring_reached_set (void)
{
  GtkWidget *ring = qing_ring_new ();
  GtkWindow *window = show_in_window (ring, 300);
  guint reached_notes = 0, set_notes = 0;

  g_signal_connect (ring, "notify::reached", G_CALLBACK (count_notify), &reached_notes);
  g_signal_connect (ring, "notify::reached-set", G_CALLBACK (count_notify), &set_notes);
  g_assert_false (qing_ring_get_reached_set (QING_RING (ring)));
  qing_ring_set_value_seconds (QING_RING (ring), 17 * 60);
  g_assert_true (qing_ring_get_reached (QING_RING (ring)));
  g_assert_cmpuint (reached_notes, ==, 1);

  /* 3 × 5 + 2 minutes: full, but no talk of 15 minutes */
  qing_ring_set_reached (QING_RING (ring), FALSE);
  g_assert_true (qing_ring_get_reached_set (QING_RING (ring)));
  g_assert_false (qing_ring_get_reached (QING_RING (ring)));
  g_assert_false (gtk_widget_has_css_class (ring, "reached"));
  g_assert_cmpstr (qing_ring_get_text (QING_RING (ring)), ==, "17 / 15\nmin");
  g_assert_cmpuint (reached_notes, ==, 2);
  g_assert_cmpuint (set_notes, ==, 1);
  /* the value no longer decides */
  qing_ring_set_value_seconds (QING_RING (ring), 40 * 60);
  g_assert_false (qing_ring_get_reached (QING_RING (ring)));
  g_assert_cmpuint (reached_notes, ==, 2);

  g_object_set (ring, "reached", TRUE, NULL);
  g_assert_true (gtk_widget_has_css_class (ring, "reached"));
  g_assert_cmpuint (reached_notes, ==, 3);
  qing_ring_set_reached (QING_RING (ring), FALSE);
  g_object_set (ring, "reached-set", FALSE, NULL);
  g_assert_true (qing_ring_get_reached (QING_RING (ring)));
  g_assert_cmpuint (reached_notes, ==, 5);
  g_assert_cmpuint (set_notes, ==, 2);
  gtk_window_destroy (window);
}

static void
test_ring_pixels (void)
{
  GtkWidget *ring = qing_ring_new ();
  GtkWindow *window = show_in_window (ring, 200);
  cairo_surface_t *at_5, *at_15;
  guint colored_5, colored_15;

  qing_ring_set_value_seconds (QING_RING (ring), 5 * 60);
  at_5 = render (ring);
  qing_ring_set_value_seconds (QING_RING (ring), 15 * 60);
  at_15 = render (ring);
  colored_5 = count_colored_pixels (at_5);
  colored_15 = count_colored_pixels (at_15);
  g_test_message ("colored pixels: %u at 5:00, %u at 15:00", colored_5, colored_15);
  g_assert_cmpuint (colored_5, >, 0);
  /* a third of the ring against all of it */
  g_assert_cmpuint (colored_15, >, 2 * colored_5);
  cairo_surface_destroy (at_5);
  cairo_surface_destroy (at_15);
  gtk_window_destroy (window);
}

static void
test_chip_group (void)
{
  const char *ids[] = { "study", "sleep", "phone", NULL };
  const char *labels[] = { "Study", "Sleep", "Phone", NULL };
  const char *want_sleep[] = { "sleep", NULL };
  const char *want_both[] = { "study", "phone", NULL };
  const char *set[] = { "phone", "nonsense", "study", NULL };
  GtkWidget *chips = qing_chip_group_new ();
  GtkWindow *window = show_in_window (chips, 360);
  GtkToggleButton *sleep;
  guint notes = 0;
  g_auto (GStrv) from_property = NULL;

  qing_chip_group_set_items (QING_CHIP_GROUP (chips), ids, labels);
  g_signal_connect (chips, "notify::selected", G_CALLBACK (count_notify), &notes);
  g_assert_cmpuint (qing_chip_group_get_n_items (QING_CHIP_GROUP (chips)), ==, 3);
  sleep = qing_chip_group_get_chip (QING_CHIP_GROUP (chips), "sleep");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (sleep)), ==, "Sleep");

  g_signal_emit_by_name (sleep, "clicked");
  g_assert_true (gtk_toggle_button_get_active (sleep));
  g_assert_true (g_strv_equal (qing_chip_group_get_selected (QING_CHIP_GROUP (chips)), want_sleep));
  g_assert_cmpuint (notes, ==, 1);

  qing_chip_group_set_selected (QING_CHIP_GROUP (chips), set);
  g_object_get (chips, "selected", &from_property, NULL);
  g_assert_true (g_strv_equal ((const char * const *) from_property, want_both));
  g_assert_cmpuint (notes, ==, 2);
  g_assert_false (gtk_toggle_button_get_active (sleep));

  g_signal_emit_by_name (qing_chip_group_get_chip (QING_CHIP_GROUP (chips), "phone"), "clicked");
  g_assert_cmpstrv (qing_chip_group_get_selected (QING_CHIP_GROUP (chips)),
                    ((const char *[]) { "study", NULL }));
  gtk_window_destroy (window);
}

static void
count_changed (QingMoodPicker *picker, guint *count)
{
  (*count)++;
}

static void
test_mood_picker_keyboard (void)
{
  GtkWidget *picker = qing_mood_picker_new ();
  GtkWindow *window = show_in_window (picker, 360);
  guint changes = 0;

  g_signal_connect (picker, "changed", G_CALLBACK (count_changed), &changes);
  /* seven faces fit a phone */
  g_assert_cmpint (gtk_widget_get_width (picker), <=, 360);
  g_assert_false (qing_mood_picker_get_valence_set (QING_MOOD_PICKER (picker)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (qing_mood_picker_get_face_button (QING_MOOD_PICKER (picker), 1)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Slightly pleasant");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (qing_mood_picker_get_face_button (QING_MOOD_PICKER (picker), -3)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Very unpleasant");

  /* the first arrow press lands on neutral, then one level per press */
  g_assert_true (gtk_widget_activate_action (picker, "mood-picker.next-level", NULL));
  g_assert_true (qing_mood_picker_get_valence_set (QING_MOOD_PICKER (picker)));
  g_assert_cmpint (qing_mood_picker_get_valence (QING_MOOD_PICKER (picker)), ==, 0);
  gtk_widget_activate_action (picker, "mood-picker.next-level", NULL);
  g_assert_cmpint (qing_mood_picker_get_valence (QING_MOOD_PICKER (picker)), ==, 1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window))
                 == qing_mood_picker_get_face_button (QING_MOOD_PICKER (picker), 1));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (qing_mood_picker_get_face_button (QING_MOOD_PICKER (picker), 1))));
  for (int i = 0; i < 3; i++)
    gtk_widget_activate_action (picker, "mood-picker.previous-level", NULL);
  g_assert_cmpint (qing_mood_picker_get_valence (QING_MOOD_PICKER (picker)), ==, -2);
  for (int i = 0; i < 9; i++)
    gtk_widget_activate_action (picker, "mood-picker.next-level", NULL);
  g_assert_cmpint (qing_mood_picker_get_valence (QING_MOOD_PICKER (picker)), ==, 3);
  /* 0, 1; 0, −1, −2; −1 … 3 in five steps, then clamped: no change */
  g_assert_cmpuint (changes, ==, 10);
  gtk_window_destroy (window);
}

/* The arrow keys are bound on the row of faces (bubble phase, so a focused
 * face passes them on): GTK 4.8 cannot synthesize key events in a test, so
 * check the bindings themselves. */
static void
test_mood_picker_arrow_bindings (void)
{
  GtkWidget *picker = qing_mood_picker_new ();
  GtkWidget *faces = gtk_widget_get_parent (qing_mood_picker_get_face_button (QING_MOOD_PICKER (picker), 0));
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (faces);
  gboolean left = FALSE, right = FALSE;

  g_object_ref_sink (picker);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          left |= g_str_equal (trigger, "Left") && g_str_equal (action, "action(mood-picker.previous-level)");
          right |= g_str_equal (trigger, "Right") && g_str_equal (action, "action(mood-picker.next-level)");
        }
    }
  g_assert_true (left);
  g_assert_true (right);
  g_clear_object (&controllers);
  g_assert_finalize_object (picker);
}

static void
test_mood_picker_values (void)
{
  GtkWidget *picker = qing_mood_picker_new ();
  GtkWindow *window = show_in_window (picker, 360);
  const char *words[] = { "sad", "happy", "not-a-word", NULL };
  const char *areas[] = { "sleep", NULL };
  guint changes = 0;
  g_auto (GStrv) words_prop = NULL;
  int energy = -1;

  g_signal_connect (picker, "changed", G_CALLBACK (count_changed), &changes);
  qing_mood_picker_set_words (QING_MOOD_PICKER (picker), words);
  /* list order, pleasant first; unknown ids dropped */
  g_assert_cmpstrv (qing_mood_picker_get_words (QING_MOOD_PICKER (picker)),
                    ((const char *[]) { "happy", "sad", NULL }));
  g_object_get (picker, "words", &words_prop, NULL);
  g_assert_cmpuint (g_strv_length (words_prop), ==, 2);

  qing_mood_picker_set_areas (QING_MOOD_PICKER (picker), areas);
  g_assert_cmpstrv (qing_mood_picker_get_areas (QING_MOOD_PICKER (picker)), areas);
  qing_mood_picker_set_energy (QING_MOOD_PICKER (picker), QING_MOOD_ENERGY_HIGH);
  qing_mood_picker_set_energy (QING_MOOD_PICKER (picker), QING_MOOD_ENERGY_LOW);
  g_object_get (picker, "energy", &energy, NULL);
  g_assert_cmpint (energy, ==, QING_MOOD_ENERGY_LOW);
  qing_mood_picker_set_note (QING_MOOD_PICKER (picker), "数学考试前有点紧张");
  qing_mood_picker_set_valence (QING_MOOD_PICKER (picker), -1);
  g_assert_cmpuint (changes, >=, 5);

  changes = 0;
  qing_mood_picker_reset (QING_MOOD_PICKER (picker));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (qing_mood_picker_get_valence_set (QING_MOOD_PICKER (picker)));
  g_assert_cmpuint (g_strv_length ((char **) qing_mood_picker_get_words (QING_MOOD_PICKER (picker))), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) qing_mood_picker_get_areas (QING_MOOD_PICKER (picker))), ==, 0);
  g_assert_cmpint (qing_mood_picker_get_energy (QING_MOOD_PICKER (picker)), ==, QING_MOOD_ENERGY_NONE);
  g_assert_cmpstr (qing_mood_picker_get_note (QING_MOOD_PICKER (picker)), ==, "");
  for (int v = -3; v <= 3; v++)
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (qing_mood_picker_get_face_button (QING_MOOD_PICKER (picker), v))));
  gtk_window_destroy (window);
}

static void
on_day_selected (QingMonthCalendar *calendar, const GDate *day, GDate *out)
{
  *out = *day;
}

static void
test_month_calendar (void)
{
  GtkWidget *calendar = qing_month_calendar_new ();
  GtkWindow *window = show_in_window (calendar, 360);
  guint minutes[] = { 0, 5, 20, 15, 14 };
  GtkWidget *day2, *day3, *day12;
  GDate today, picked;
  guint month_notes = 0;

  g_date_clear (&today, 1);
  g_date_clear (&picked, 1);
  g_date_set_dmy (&today, 4, 11, 2026);
  qing_month_calendar_set_month (QING_MONTH_CALENDAR (calendar), 2026, 11);
  qing_month_calendar_set_today (QING_MONTH_CALENDAR (calendar), &today);
  qing_month_calendar_set_minutes (QING_MONTH_CALENDAR (calendar), 2026, 11, minutes, 5);
  g_assert_cmpstr (qing_month_calendar_get_title (QING_MONTH_CALENDAR (calendar)), ==,
                   "November 2026");
  /* Monday-first grid fits a phone */
  g_assert_cmpint (gtk_widget_get_width (calendar), <=, 360);

  day3 = qing_month_calendar_get_day_button (QING_MONTH_CALENDAR (calendar), 3);
  g_assert_true (gtk_widget_has_css_class (day3, "reached"));
  g_assert_false (gtk_widget_has_css_class (qing_month_calendar_get_day_button (QING_MONTH_CALENDAR (calendar), 5), "reached"));
  g_assert_true (gtk_widget_has_css_class (qing_month_calendar_get_day_button (QING_MONTH_CALENDAR (calendar), 4), "today"));
  g_assert_true (gtk_widget_has_css_class (qing_month_calendar_get_day_button (QING_MONTH_CALENDAR (calendar), 5), "future"));
  g_assert_false (gtk_widget_has_css_class (day3, "future"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (day3), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "November 3: 20 minutes listened, goal reached");
  g_assert_null (qing_month_calendar_get_day_button (QING_MONTH_CALENDAR (calendar), 31));

  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected), &picked);
  day12 = qing_month_calendar_get_day_button (QING_MONTH_CALENDAR (calendar), 12);
  g_signal_emit_by_name (day12, "clicked");
  g_assert_true (g_date_valid (&picked));
  g_assert_cmpint (g_date_get_year (&picked), ==, 2026);
  g_assert_cmpint (g_date_get_month (&picked), ==, 11);
  g_assert_cmpint (g_date_get_day (&picked), ==, 12);
  g_assert_cmpint (g_date_compare (qing_month_calendar_get_selected (QING_MONTH_CALENDAR (calendar)), &picked), ==, 0);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (day12)));

  g_signal_connect (calendar, "notify::month", G_CALLBACK (count_notify), &month_notes);
  gtk_widget_activate_action (calendar, "month-calendar.next", NULL);
  gtk_widget_activate_action (calendar, "month-calendar.next", NULL);
  g_assert_cmpint (qing_month_calendar_get_year (QING_MONTH_CALENDAR (calendar)), ==, 2027);
  g_assert_cmpint (qing_month_calendar_get_month (QING_MONTH_CALENDAR (calendar)), ==, 1);
  g_assert_cmpuint (month_notes, ==, 2);
  gtk_widget_activate_action (calendar, "month-calendar.previous", NULL);
  g_assert_cmpstr (qing_month_calendar_get_title (QING_MONTH_CALENDAR (calendar)), ==,
                   "December 2026");
  /* December has no minutes given: nothing reached */
  g_assert_false (gtk_widget_has_css_class (qing_month_calendar_get_day_button (QING_MONTH_CALENDAR (calendar), 3), "reached"));

  /* Reached days given apart: day 2 (three short talks, 20 minutes) is not
   * green, day 3 (one talk of 15 minutes, 16 in all) is. */
  minutes[1] = 20, minutes[2] = 16;
  qing_month_calendar_set_minutes (QING_MONTH_CALENDAR (calendar), 2026, 12, minutes, 5);
  qing_month_calendar_set_reached_days (QING_MONTH_CALENDAR (calendar), 2026, 12, 1u << 2);
  day2 = qing_month_calendar_get_day_button (QING_MONTH_CALENDAR (calendar), 2);
  day3 = qing_month_calendar_get_day_button (QING_MONTH_CALENDAR (calendar), 3);
  g_assert_false (gtk_widget_has_css_class (day2, "reached"));
  g_assert_true (gtk_widget_has_css_class (day3, "reached"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (day2), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "December 2: 20 minutes listened");
  gtk_window_destroy (window);
}

static gint64
shanghai_noon (int month, int day)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr (GDateTime) dt = g_date_time_new (tz, 2026, month, day, 12, 0, 0);
  return g_date_time_to_unix (dt);
}

static void
test_mood_trend (void)
{
  QingMoodPoint points[] = {
    { shanghai_noon (11, 3), 2 }, { shanghai_noon (11, 12), -1 },
    { shanghai_noon (11, 20), 1 }, { shanghai_noon (11, 20) + 60, 2 },
    { shanghai_noon (11, 21), 3 }, { shanghai_noon (11, 22), 1 },
    { shanghai_noon (9, 1), -3 }, /* only in the 90-day window */
  };
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  GtkWidget *trend = qing_mood_trend_new ();
  GtkWindow *window = show_in_window (trend, 360);
  QingMoodChart *chart = qing_mood_trend_get_chart (QING_MOOD_TREND (trend));
  cairo_surface_t *empty, *full;
  GtkWidget *switch_30;
  guint days_notes = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 29, 11, 2026);
  g_assert_cmpint (gtk_widget_get_width (trend), <=, 360);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Mood trend");
  empty = render (GTK_WIDGET (chart));
  qing_mood_trend_set_entries (QING_MOOD_TREND (trend), points, G_N_ELEMENTS (points), tz, &today);
  g_assert_cmpstr (qing_mood_chart_get_summary (chart), ==,
                   "Last 30 days: 5 days recorded, average slightly pleasant, lowest on Nov 12.");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Last 30 days: 5 days recorded, average slightly pleasant, lowest on Nov 12.");
  full = render (GTK_WIDGET (chart));
  /* the line, the ranges and the dots are drawn in the accent color */
  g_assert_cmpuint (count_colored_pixels (full), >, count_colored_pixels (empty) + 100);

  g_signal_connect (trend, "notify::days", G_CALLBACK (count_notify), &days_notes);
  qing_mood_trend_set_days (QING_MOOD_TREND (trend), 90);
  g_assert_cmpuint (qing_mood_chart_get_days (chart), ==, 90);
  g_assert_cmpuint (qing_mood_series_get_n_days (qing_mood_chart_get_series (chart)), ==, 90);
  g_assert_cmpstr (qing_mood_chart_get_summary (chart), ==,
                   "Last 90 days: 6 days recorded, average slightly pleasant, lowest on Sep 1.");
  qing_mood_chart_set_days (chart, 365);
  g_assert_cmpuint (qing_mood_trend_get_days (QING_MOOD_TREND (trend)), ==, 365);
  g_assert_cmpuint (days_notes, ==, 2);
  /* the toggles drive the chart */
  switch_30 = gtk_widget_get_first_child (gtk_widget_get_prev_sibling (GTK_WIDGET (chart)));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (switch_30));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (switch_30)));
  g_signal_emit_by_name (switch_30, "clicked");
  g_assert_cmpuint (qing_mood_chart_get_days (chart), ==, 30);
  cairo_surface_destroy (empty);
  cairo_surface_destroy (full);
  gtk_window_destroy (window);
}

static void
test_streak_badge (void)
{
  GtkWidget *badge = qing_streak_badge_new ();
  GtkWindow *window = show_in_window (badge, 360);

  g_object_set (badge, "current", 1, "longest", 12, NULL);
  g_assert_cmpstr (qing_streak_badge_get_accessible_text (QING_STREAK_BADGE (badge)), ==,
                   "Current streak 1 day, longest streak 12 days");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Current streak 1 day, longest streak 12 days");
  gtk_window_destroy (window);
}

static void
test_no_leaks (void)
{
  GType types[] = {
    QING_TYPE_RING, QING_TYPE_MOOD_FACE, QING_TYPE_MOOD_CHART, QING_TYPE_MOOD_TREND,
    QING_TYPE_CHIP_GROUP, QING_TYPE_MOOD_PICKER, QING_TYPE_MONTH_CALENDAR,
    QING_TYPE_STREAK_BADGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));
      g_assert_finalize_object (widget);
    }
}

int
main (int argc, char *argv[])
{
  /* English source strings: the tests compare them literally */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  /* accessible properties are kept (and checkable) with the test backend */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("QING_TEST_REQUIRE_DISPLAY"))
        g_error ("no display, but QING_TEST_REQUIRE_DISPLAY is set");
      g_test_skip ("no display");
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/widgets/ring/values", test_ring_values);
  g_test_add_func ("/widgets/ring/pixels", test_ring_pixels);
  g_test_add_func ("/widgets/ring/reached-set", test_ring_reached_set);
  g_test_add_func ("/widgets/chip-group", test_chip_group);
  g_test_add_func ("/widgets/mood-picker/keyboard", test_mood_picker_keyboard);
  g_test_add_func ("/widgets/mood-picker/arrow-bindings", test_mood_picker_arrow_bindings);
  g_test_add_func ("/widgets/mood-picker/values", test_mood_picker_values);
  g_test_add_func ("/widgets/month-calendar", test_month_calendar);
  g_test_add_func ("/widgets/mood-trend", test_mood_trend);
  g_test_add_func ("/widgets/streak-badge", test_streak_badge);
  g_test_add_func ("/widgets/no-leaks", test_no_leaks);
  return g_test_run ();
}
