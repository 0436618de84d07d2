/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the shared widgets with sample data in one window, for screenshots:
 *   widget-gallery [--dark] [--width N] [--height N] [--days 30|90|365]
 *                  [--section today|trend|picker|calendar]
 * Run from the build tree with QING_LOCALEDIR=<build>/po to see translations.
 * The data is invented; no real person.
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "shared/qing-chip-group.h"
#include "shared/qing-month-calendar.h"
#include "shared/qing-mood-picker.h"
#include "shared/qing-mood-trend.h"
#include "shared/qing-ring.h"
#include "shared/qing-streak-badge.h"

static gboolean opt_dark;
static int opt_width = 1000;
static int opt_height = 760;
static char *opt_section;
static int opt_days = 30;

static const GOptionEntry entries[] = {
  { "dark", 0, 0, G_OPTION_ARG_NONE, &opt_dark, "Dark style", NULL },
  { "width", 0, 0, G_OPTION_ARG_INT, &opt_width, "Window width", "N" },
  { "height", 0, 0, G_OPTION_ARG_INT, &opt_height, "Window height", "N" },
  { "section", 0, 0, G_OPTION_ARG_STRING, &opt_section, "Only one section", "NAME" },
  { "days", 0, 0, G_OPTION_ARG_INT, &opt_days, "Mood chart window (30, 90, 365)", "N" },
  { NULL },
};

static GDate
gallery_today (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 29, 11, 2026);
  return today;
}

/* Each widget on a card; no titles, so that only the widgets' own strings
 * (translated in src/) show in the screenshots. */
static GtkWidget *
section (GtkWidget *child)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (card), child);
  return card;
}

static GtkWidget *
padded (GtkWidget *child)
{
  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 12);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  return child;
}

static GtkWidget *
ring_with_name (const char *name, guint seconds)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *ring = qing_ring_new ();

  qing_ring_set_value_seconds (QING_RING (ring), seconds);
  gtk_box_append (GTK_BOX (box), ring);
  gtk_box_append (GTK_BOX (box), gtk_label_new (name));
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static GtkWidget *
make_today (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *rings = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *badge = qing_streak_badge_new ();

  gtk_box_set_homogeneous (GTK_BOX (rings), TRUE);
  gtk_box_append (GTK_BOX (rings), ring_with_name ("张小明", 5 * 60));
  gtk_box_append (GTK_BOX (rings), ring_with_name ("李雨桐", 12 * 60 + 30));
  gtk_box_append (GTK_BOX (rings), ring_with_name ("王子涵", 21 * 60));
  gtk_box_append (GTK_BOX (box), rings);
  qing_streak_badge_set_current (QING_STREAK_BADGE (badge), 5);
  qing_streak_badge_set_longest (QING_STREAK_BADGE (badge), 12);
  gtk_box_append (GTK_BOX (box), badge);
  return section (padded (box));
}

/* A year of invented entries: a slow wave, gaps, and a dip in the last
 * two weeks, so every part of the chart shows. */
static GArray *
sample_points (GTimeZone *tz)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (QingMoodPoint));
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  GDate today = gallery_today ();

  for (int back = 364; back >= 0; back--)
    {
      GDate day = today;
      double base = 0.7 + 1.3 * sin (back / 19.0) - (back < 14 ? 1.8 : 0);
      int n = g_rand_int_range (rand, 0, 4);

      g_date_subtract_days (&day, back);
      if (g_rand_double (rand) < 0.25)
        continue;
      for (int k = 0; k < MAX (n, 1); k++)
        {
          g_autoptr (GDateTime) dt = g_date_time_new (tz, g_date_get_year (&day),
                                                      g_date_get_month (&day),
                                                      g_date_get_day (&day), 8 + 5 * k, 0, 0);
          QingMoodPoint p = { g_date_time_to_unix (dt), 0 };

          p.valence = CLAMP ((int) lround (base + g_rand_double_range (rand, -1.4, 1.4)), -3, 3);
          g_array_append_val (points, p);
        }
    }
  return points;
}

static GtkWidget *
make_trend (void)
{
  GtkWidget *trend = qing_mood_trend_new ();
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr (GArray) points = sample_points (tz);
  GDate today = gallery_today ();

  qing_mood_trend_set_entries (QING_MOOD_TREND (trend), (QingMoodPoint *) points->data,
                               points->len, tz, &today);
  qing_mood_trend_set_days (QING_MOOD_TREND (trend), opt_days);
  gtk_widget_set_size_request (trend, -1, 300);
  return section (padded (trend));
}

static GtkWidget *
make_picker (void)
{
  GtkWidget *picker = qing_mood_picker_new ();
  const char *words[] = { "calm", "tired", "nervous", NULL };
  const char *areas[] = { "study", "sleep", NULL };

  qing_mood_picker_set_valence (QING_MOOD_PICKER (picker), 1);
  qing_mood_picker_set_energy (QING_MOOD_PICKER (picker), QING_MOOD_ENERGY_LOW);
  qing_mood_picker_set_words (QING_MOOD_PICKER (picker), words);
  qing_mood_picker_set_areas (QING_MOOD_PICKER (picker), areas);
  return section (padded (picker));
}

static GtkWidget *
make_calendar (void)
{
  GtkWidget *calendar = qing_month_calendar_new ();
  GDate today = gallery_today ();
  guint minutes[29];

  for (guint d = 0; d < G_N_ELEMENTS (minutes); d++)
    minutes[d] = (d * 7 + 3) % 11 == 0 ? 0 : (d * 13 + 5) % 40;
  qing_month_calendar_set_today (QING_MONTH_CALENDAR (calendar), &today);
  qing_month_calendar_set_month (QING_MONTH_CALENDAR (calendar), 2026, 11);
  qing_month_calendar_set_minutes (QING_MONTH_CALENDAR (calendar), 2026, 11, minutes,
                                   G_N_ELEMENTS (minutes));
  qing_month_calendar_select_day (QING_MONTH_CALENDAR (calendar), &today);
  return section (padded (calendar));
}

static gboolean
wanted (const char *name)
{
  return opt_section == NULL || g_str_equal (opt_section, name);
}

static void
on_close (GtkWindow *window, GMainLoop *loop)
{
  g_main_loop_quit (loop);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new ("- Qingting widget gallery");
  g_autoptr (GError) error = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  const char *localedir = g_getenv ("QING_LOCALEDIR");
  GtkWidget *window, *scroller, *clamp, *box;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      opt_dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Qingting widget gallery");
  gtk_window_set_default_size (GTK_WINDOW (window), opt_width, opt_height);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  padded (box);
  if (wanted ("today"))
    gtk_box_append (GTK_BOX (box), make_today ());
  if (wanted ("trend"))
    gtk_box_append (GTK_BOX (box), make_trend ());
  if (wanted ("calendar"))
    gtk_box_append (GTK_BOX (box), make_calendar ());
  if (wanted ("picker"))
    gtk_box_append (GTK_BOX (box), make_picker ());
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_window_set_child (GTK_WINDOW (window), scroller);

  loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (window, "close-request", G_CALLBACK (on_close), loop);
  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (loop);
  return 0;
}
