/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-month-calendar.h"
#include "qing-shared-style.h"

#define N_CELLS 42

struct _QingMonthCalendar
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkGrid         *grid;
  GtkLabel        *title;
  GtkLabel        *legend;

  GtkToggleButton *cells[N_CELLS];
  GtkLabel        *numbers[N_CELLS];
  GtkLabel        *minutes[N_CELLS];

  int              year;
  int              month;
  guint            goal_minutes;
  GDate            today;
  GDate            selected;  /* invalid when nothing is selected */
  GHashTable      *months;    /* year * 12 + month - 1 → GArray of guint */
  GHashTable      *reached;   /* the same key → reached days, bit d - 1 for day d */
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (QingMonthCalendar, qing_month_calendar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_MONTH,
  PROP_GOAL_MINUTES,
  N_PROPS
};

enum {
  DAY_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gpointer
month_key (int year, int month)
{
  return GINT_TO_POINTER (year * 12 + month - 1);
}

static guint
minutes_of_day (QingMonthCalendar *self, guint day)
{
  GArray *days = g_hash_table_lookup (self->months, month_key (self->year, self->month));

  if (days == NULL || day == 0 || day > days->len)
    return 0;
  return g_array_index (days, guint, day - 1);
}

/* Whether the shown month's reached days were given (else they are the
 * days with minutes ≥ goal); sets @mask to them. */
static gboolean
lookup_reached (QingMonthCalendar *self, guint32 *mask)
{
  gpointer value = NULL;

  if (!g_hash_table_lookup_extended (self->reached, month_key (self->year, self->month), NULL,
                                     &value))
    return FALSE;
  *mask = GPOINTER_TO_UINT (value);
  return TRUE;
}

static gboolean
day_reached (QingMonthCalendar *self, guint day, guint minutes)
{
  guint32 mask = 0;

  if (lookup_reached (self, &mask))
    return day >= 1 && day <= 31 && (mask & (1u << (day - 1))) != 0;
  return minutes >= self->goal_minutes;
}

/* The cell's sentence for screen readers: "November 3: 20 minutes, goal reached". */
static char *
describe_day (QingMonthCalendar *self, const GDate *date, guint minutes, gboolean reached)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (self->year, self->month,
                                                  g_date_get_day (date), 0, 0, 0);
  /* Translators: a day in the listening calendar, a g_date_time_format()
   * format; for zh_CN use "%-m月%-d日".
   * xgettext:no-c-format */
  g_autofree char *day = g_date_time_format (dt, _("%B %-d"));
  g_autofree char *amount = g_strdup_printf (ngettext ("%u minute listened",
                                                       "%u minutes listened", minutes), minutes);

  if (reached)
    /* Translators: "November 3: 20 minutes listened, goal reached" */
    return g_strdup_printf (_("%s: %s, goal reached"), day, amount);
  /* Translators: "November 3: 5 minutes listened" */
  return g_strdup_printf (C_("calendar day", "%s: %s"), day, amount);
}

static void
set_class (GtkWidget *widget, const char *css_class, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
update_cell (QingMonthCalendar *self, guint i, guint day)
{
  GtkWidget *cell = GTK_WIDGET (self->cells[i]);
  guint minutes = minutes_of_day (self, day);
  gboolean reached = day_reached (self, day, minutes);
  g_autofree char *number = g_strdup_printf ("%u", day);
  g_autofree char *amount = minutes > 0 ? g_strdup_printf ("%u", minutes) : g_strdup ("");
  g_autofree char *description = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, self->month, self->year);
  gtk_label_set_text (self->numbers[i], number);
  gtk_label_set_text (self->minutes[i], amount);
  set_class (cell, "reached", reached);
  set_class (cell, "today", g_date_valid (&self->today) && g_date_compare (&date, &self->today) == 0);
  set_class (cell, "future", g_date_valid (&self->today) && g_date_compare (&date, &self->today) > 0);
  gtk_toggle_button_set_active (self->cells[i], g_date_valid (&self->selected)
                                && g_date_compare (&date, &self->selected) == 0);
  description = describe_day (self, &date, minutes, reached);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  gtk_widget_set_tooltip_text (cell, description);
  g_object_set_data (G_OBJECT (cell), "qing-day", GUINT_TO_POINTER (day));
  gtk_widget_set_visible (cell, TRUE);
}

static void
update_title (QingMonthCalendar *self)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (self->year, self->month, 1, 0, 0, 0);
  /* Translators: the calendar's title, a g_date_time_format() format; for
   * zh_CN use "%Y年%-m月".
   * xgettext:no-c-format */
  g_autofree char *title = g_date_time_format (dt, _("%B %Y"));
  g_autofree char *legend = NULL;
  guint32 mask;

  gtk_label_set_text (self->title, title);
  if (lookup_reached (self, &mask))
    legend = g_strdup_printf (ngettext ("Small numbers are minutes listened; "
                                        "green days had one talk of %u minute or more.",
                                        "Small numbers are minutes listened; "
                                        "green days had one talk of %u minutes or more.",
                                        self->goal_minutes),
                              self->goal_minutes);
  else
    legend = g_strdup_printf (ngettext ("Small numbers are minutes listened; "
                                        "green days reached %u minute.",
                                        "Small numbers are minutes listened; "
                                        "green days reached %u minutes.", self->goal_minutes),
                              self->goal_minutes);
  gtk_label_set_text (self->legend, legend);
}

static void
update_cells (QingMonthCalendar *self)
{
  GDate first;
  guint offset, n_days;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, self->month, self->year);
  offset = g_date_get_weekday (&first) - G_DATE_MONDAY;
  n_days = g_date_get_days_in_month (self->month, self->year);

  self->updating = TRUE;
  for (guint i = 0; i < N_CELLS; i++)
    {
      if (i < offset || i >= offset + n_days)
        {
          gtk_toggle_button_set_active (self->cells[i], FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->cells[i]), FALSE);
          continue;
        }
      update_cell (self, i, i - offset + 1);
    }
  self->updating = FALSE;
  update_title (self);
}

static void
on_cell_clicked (GtkButton         *button,
                 QingMonthCalendar *self)
{
  GDate day;

  if (self->updating)
    return;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "qing-day")),
                  self->month, self->year);
  qing_month_calendar_select_day (self, &day);
  g_signal_emit (self, signals[DAY_SELECTED], 0, &day);
}

static void
build_grid (QingMonthCalendar *self)
{
  const char *weekdays[] = {
    C_("weekday, short", "Mon"), C_("weekday, short", "Tue"), C_("weekday, short", "Wed"),
    C_("weekday, short", "Thu"), C_("weekday, short", "Fri"), C_("weekday, short", "Sat"),
    C_("weekday, short", "Sun"),
  };

  for (guint d = 0; d < 7; d++)
    {
      GtkWidget *label = gtk_label_new (weekdays[d]);
      gtk_widget_add_css_class (label, "qing-calendar-weekday");
      gtk_grid_attach (self->grid, label, d, 0, 1, 1);
    }
  for (guint i = 0; i < N_CELLS; i++)
    {
      GtkWidget *cell = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *number = gtk_label_new (NULL);
      GtkWidget *minutes = gtk_label_new (NULL);

      gtk_widget_set_halign (number, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (number, "qing-day-number");
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_add_css_class (minutes, "qing-day-minutes");
      gtk_widget_add_css_class (minutes, "numeric");
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), minutes);
      gtk_button_set_child (GTK_BUTTON (cell), box);
      gtk_widget_add_css_class (cell, "flat");
      gtk_widget_add_css_class (cell, "qing-calendar-day");
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (cell), self->cells[0]);
      g_signal_connect (cell, "clicked", G_CALLBACK (on_cell_clicked), self);
      gtk_grid_attach (self->grid, cell, i % 7, 1 + i / 7, 1, 1);
      self->cells[i] = GTK_TOGGLE_BUTTON (cell);
      self->numbers[i] = GTK_LABEL (number);
      self->minutes[i] = GTK_LABEL (minutes);
    }
}

static void
step_month (QingMonthCalendar *self, int delta)
{
  int index = self->year * 12 + self->month - 1 + delta;

  qing_month_calendar_set_month (self, index / 12, index % 12 + 1);
}

static void
previous_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_month (QING_MONTH_CALENDAR (widget), -1);
}

static void
next_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_month (QING_MONTH_CALENDAR (widget), +1);
}

static void
qing_month_calendar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QING_TYPE_MONTH_CALENDAR);
  G_OBJECT_CLASS (qing_month_calendar_parent_class)->dispose (object);
}

static void
qing_month_calendar_finalize (GObject *object)
{
  g_hash_table_unref (QING_MONTH_CALENDAR (object)->months);
  g_hash_table_unref (QING_MONTH_CALENDAR (object)->reached);
  G_OBJECT_CLASS (qing_month_calendar_parent_class)->finalize (object);
}

static void
qing_month_calendar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  QingMonthCalendar *self = QING_MONTH_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;
    case PROP_GOAL_MINUTES:
      g_value_set_uint (value, self->goal_minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_month_calendar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  QingMonthCalendar *self = QING_MONTH_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      qing_month_calendar_set_month (self, g_value_get_int (value), self->month);
      break;
    case PROP_MONTH:
      qing_month_calendar_set_month (self, self->year, g_value_get_int (value));
      break;
    case PROP_GOAL_MINUTES:
      qing_month_calendar_set_goal_minutes (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_month_calendar_class_init (QingMonthCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = qing_month_calendar_dispose;
  object_class->finalize = qing_month_calendar_finalize;
  object_class->get_property = qing_month_calendar_get_property;
  object_class->set_property = qing_month_calendar_set_property;

  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 1900, 9999, 2026, flags);
  properties[PROP_MONTH] = g_param_spec_int ("month", NULL, NULL, 1, 12, 1, flags);
  properties[PROP_GOAL_MINUTES] =
    g_param_spec_uint ("goal-minutes", NULL, NULL, 1, 24 * 60, 15, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QingMonthCalendar::day-selected:
   * @day: (transfer none): the local day picked
   */
  signals[DAY_SELECTED] = g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/shared/qing-month-calendar.ui");
  gtk_widget_class_bind_template_child (widget_class, QingMonthCalendar, box);
  gtk_widget_class_bind_template_child (widget_class, QingMonthCalendar, grid);
  gtk_widget_class_bind_template_child (widget_class, QingMonthCalendar, title);
  gtk_widget_class_bind_template_child (widget_class, QingMonthCalendar, legend);
  gtk_widget_class_install_action (widget_class, "month-calendar.previous", NULL, previous_cb);
  gtk_widget_class_install_action (widget_class, "month-calendar.next", NULL, next_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qing-month-calendar");
}

static void
qing_month_calendar_init (QingMonthCalendar *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  self->goal_minutes = 15;
  self->months = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->reached = g_hash_table_new (NULL, NULL);
  g_date_clear (&self->today, 1);
  g_date_clear (&self->selected, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  self->year = g_date_get_year (&self->today);
  self->month = g_date_get_month (&self->today);

  gtk_widget_init_template (GTK_WIDGET (self));
  qing_shared_style_ensure (GTK_WIDGET (self));
  build_grid (self);
  update_cells (self);
}

/* Creates a calendar showing the current month; returns a floating reference. */
GtkWidget *
qing_month_calendar_new (void)
{
  return g_object_new (QING_TYPE_MONTH_CALENDAR, NULL);
}

/**
 * qing_month_calendar_set_minutes:
 * @month: 1..12
 * @minutes_per_day: (array length=n_days): minutes listened on day 1, 2, …
 * @n_days: how many days @minutes_per_day holds (missing days count as 0)
 *
 * Gives the minutes of one month (copied); redraws if it is shown.
 */
void
qing_month_calendar_set_minutes (QingMonthCalendar *self,
                                 int                year,
                                 int                month,
                                 const guint       *minutes_per_day,
                                 guint              n_days)
{
  GArray *days;

  g_return_if_fail (QING_IS_MONTH_CALENDAR (self));
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (minutes_per_day != NULL || n_days == 0);

  days = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_days);
  g_array_append_vals (days, minutes_per_day, MIN (n_days, 31));
  g_hash_table_insert (self->months, month_key (year, month), days);
  if (year == self->year && month == self->month)
    update_cells (self);
}

/**
 * qing_month_calendar_set_reached_days:
 * @month: 1..12
 * @reached_mask: bit d - 1 set when day d reached the goal
 *
 * Says which days of one month reached the goal, for a rule that is not
 * "minutes ≥ goal-minutes" (the parent rule needs one talk of 15 minutes:
 * short talks adding up do not reach it).  Without it, a month's green
 * days are those with minutes ≥ goal-minutes.  Redraws if it is shown.
 */
void
qing_month_calendar_set_reached_days (QingMonthCalendar *self,
                                      int                year,
                                      int                month,
                                      guint32            reached_mask)
{
  g_return_if_fail (QING_IS_MONTH_CALENDAR (self));
  g_return_if_fail (month >= 1 && month <= 12);

  g_hash_table_insert (self->reached, month_key (year, month), GUINT_TO_POINTER (reached_mask));
  if (year == self->year && month == self->month)
    update_cells (self);
}

/* Shows the month @month (1..12) of @year. */
void
qing_month_calendar_set_month (QingMonthCalendar *self,
                               int                year,
                               int                month)
{
  gboolean year_changed, month_changed;

  g_return_if_fail (QING_IS_MONTH_CALENDAR (self));
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (year >= 1900 && year <= 9999);

  year_changed = self->year != year;
  month_changed = self->month != month;
  if (!year_changed && !month_changed)
    return;
  self->year = year;
  self->month = month;
  update_cells (self);
  if (year_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  if (month_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

/* Returns the year shown. */
int
qing_month_calendar_get_year (QingMonthCalendar *self)
{
  g_return_val_if_fail (QING_IS_MONTH_CALENDAR (self), 0);
  return self->year;
}

/* Returns the month shown, 1..12. */
int
qing_month_calendar_get_month (QingMonthCalendar *self)
{
  g_return_val_if_fail (QING_IS_MONTH_CALENDAR (self), 0);
  return self->month;
}

/* Sets which day is outlined as today (from the injected clock). */
void
qing_month_calendar_set_today (QingMonthCalendar *self,
                               const GDate       *today)
{
  g_return_if_fail (QING_IS_MONTH_CALENDAR (self));
  g_return_if_fail (today && g_date_valid (today));
  self->today = *today;
  update_cells (self);
}

/* Returns the goal in minutes (15 unless changed). */
guint
qing_month_calendar_get_goal_minutes (QingMonthCalendar *self)
{
  g_return_val_if_fail (QING_IS_MONTH_CALENDAR (self), 0);
  return self->goal_minutes;
}

/* Sets from how many minutes a day counts as reached. */
void
qing_month_calendar_set_goal_minutes (QingMonthCalendar *self,
                                      guint              minutes)
{
  g_return_if_fail (QING_IS_MONTH_CALENDAR (self));
  g_return_if_fail (minutes >= 1);
  if (self->goal_minutes == minutes)
    return;
  self->goal_minutes = minutes;
  update_cells (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL_MINUTES]);
}

/* Marks @day as selected (showing its month) without emitting
 * "day-selected"; NULL clears the selection. */
void
qing_month_calendar_select_day (QingMonthCalendar *self,
                                const GDate       *day)
{
  g_return_if_fail (QING_IS_MONTH_CALENDAR (self));
  g_return_if_fail (day == NULL || g_date_valid (day));

  if (day == NULL)
    g_date_clear (&self->selected, 1);
  else
    self->selected = *day;
  if (day && (g_date_get_year (day) != (GDateYear) self->year
              || g_date_get_month (day) != (GDateMonth) self->month))
    qing_month_calendar_set_month (self, g_date_get_year (day), g_date_get_month (day));
  else
    update_cells (self);
}

/* Returns the selected day, owned by the calendar, or NULL. */
const GDate *
qing_month_calendar_get_selected (QingMonthCalendar *self)
{
  g_return_val_if_fail (QING_IS_MONTH_CALENDAR (self), NULL);
  return g_date_valid (&self->selected) ? &self->selected : NULL;
}

/* Returns the title shown ("November 2026", "2026年11月"), owned by the
 * calendar. */
const char *
qing_month_calendar_get_title (QingMonthCalendar *self)
{
  g_return_val_if_fail (QING_IS_MONTH_CALENDAR (self), NULL);
  return gtk_label_get_text (self->title);
}

/* Returns the cell of @day (1..31) of the month shown, owned by the
 * calendar, or NULL when the month has no such day. */
GtkWidget *
qing_month_calendar_get_day_button (QingMonthCalendar *self,
                                    guint              day)
{
  g_return_val_if_fail (QING_IS_MONTH_CALENDAR (self), NULL);
  for (guint i = 0; i < N_CELLS; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (self->cells[i]))
        && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->cells[i]), "qing-day")) == day)
      return GTK_WIDGET (self->cells[i]);
  return NULL;
}
