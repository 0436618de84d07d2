/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar page's Add dialog (and Edit, for a term): an AdwMessageDialog
 * whose extra child holds a name entry, a kind drop-down for holidays and
 * key periods, and two day buttons with a GtkCalendar popover each.  A
 * make-up school day is one day, so its dialog hides the last day and
 * shows instead the weekday whose timetable it follows (Monday, or the
 * weekday of the one-weekday holiday it obviously makes up for).
 */
#include <glib/gi18n.h>

#include "qing-calendar-page-private.h"

typedef struct
{
  QingCalendarPage *page;
  guint section;
  gint64 term_id; /* Edit: the term changed; 0 when adding */
  AdwEntryRow *name;
  AdwComboRow *kind; /* NULL for a term */
  GtkCalendar *first;
  GtkCalendar *last;
  GtkWidget *last_row;
  GtkSwitch *closer; /* key periods: mentors see at-risk students weekly */
  AdwComboRow *follows;     /* holidays and make-up days: Monday … Friday */
  gboolean follows_chosen;  /* the user picked a weekday: no more guessing */
  gboolean follows_setting; /* the dialog itself is changing @follows */
} DialogData;

/* The weekdays a make-up day can follow, in the drop-down's order. */
static const char *const follows_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
};

static void
date_from_calendar (GtkCalendar *calendar, GDate *out_day)
{
  g_autoptr (GDateTime) dt = gtk_calendar_get_date (calendar);

  g_date_clear (out_day, 1);
  g_date_set_dmy (out_day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static void
select_day (GtkCalendar *calendar, const GDate *day)
{
  g_autoptr (GDateTime) dt = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                    g_date_get_day (day), 12, 0, 0);

  gtk_calendar_select_day (calendar, dt);
}

/* The button shows the chosen day; choosing closes the popover. */
static void
on_day_selected (GtkCalendar *calendar, GtkMenuButton *button)
{
  g_autofree char *text = NULL;
  GDate day;

  date_from_calendar (calendar, &day);
  text = qing_calendar_format_day_long (&day);
  gtk_menu_button_set_label (button, text);
  gtk_menu_button_popdown (button);
}

static GtkWidget *
create_day_row (const char *title, const GDate *day, GtkCalendar **out_calendar)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_selected), button, 0);
  select_day (GTK_CALENDAR (calendar), day);
  on_day_selected (GTK_CALENDAR (calendar), GTK_MENU_BUTTON (button));
  *out_calendar = GTK_CALENDAR (calendar);
  return row;
}

/* The kind chosen in the drop-down, as the store keeps it. */
static int
chosen_kind (DialogData *data)
{
  guint selected = data->kind != NULL ? adw_combo_row_get_selected (data->kind) : 0;

  if (data->section == CALENDAR_SECTION_EXCEPTIONS)
    return selected == 1 ? QING_CALENDAR_MAKEUP : QING_CALENDAR_HOLIDAY;
  return (int)selected + QING_KEY_PERIOD_SPRING;
}

/* The weekday (Monday … Friday) of the holiday @day obviously makes up
 * for: a stored holiday within a week of @day that closes school on one
 * weekday only (a Monday off, made up on the Saturday before).  Monday
 * when there is none or several (a whole week off). */
static GDateWeekday
guess_follows (DialogData *data, const GDate *day)
{
  GPtrArray *rows = data->page->rows[CALENDAR_SECTION_EXCEPTIONS];
  GDateWeekday found = G_DATE_BAD_WEEKDAY;
  guint32 julian = g_date_get_julian (day);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const QingCalendarRow *row = g_ptr_array_index (rows, i);
      guint32 first = g_date_get_julian (&row->first), last = g_date_get_julian (&row->last);
      GDateWeekday only = G_DATE_BAD_WEEKDAY;
      guint n_weekdays = 0;

      if (row->kind != QING_CALENDAR_HOLIDAY || last + 7 < julian || julian + 7 < first
          || last - first > 31)
        continue;
      for (guint32 j = first; j <= last; j++)
        {
          GDate d;

          g_date_clear (&d, 1);
          g_date_set_julian (&d, j);
          if (g_date_get_weekday (&d) < G_DATE_SATURDAY)
            {
              only = g_date_get_weekday (&d);
              n_weekdays++;
            }
        }
      if (n_weekdays != 1 || (found != G_DATE_BAD_WEEKDAY && found != only))
        return G_DATE_MONDAY;
      found = only;
    }
  return found != G_DATE_BAD_WEEKDAY ? found : G_DATE_MONDAY;
}

/* Make-up days show the weekday they follow instead of a last day; the
 * guess follows the first day until the user picks a weekday. */
static void
on_kind_selected (DialogData *data)
{
  gboolean one_day
      = data->section == CALENDAR_SECTION_EXCEPTIONS && chosen_kind (data) == QING_CALENDAR_MAKEUP;

  gtk_widget_set_visible (data->last_row, !one_day);
  if (data->follows == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (data->follows), one_day);
  if (one_day && !data->follows_chosen)
    {
      GDate day;

      date_from_calendar (data->first, &day);
      data->follows_setting = TRUE;
      adw_combo_row_set_selected (data->follows, guess_follows (data, &day) - G_DATE_MONDAY);
      data->follows_setting = FALSE;
    }
}

static void
on_follows_selected (DialogData *data)
{
  if (!data->follows_setting)
    data->follows_chosen = TRUE;
}

static GtkWidget *
create_follows_row (DialogData *data)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < G_N_ELEMENTS (follows_names); i++)
    gtk_string_list_append (names, _(follows_names[i]));
  /* Translators: the weekday whose timetable a make-up school day runs */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Follows the timetable of"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  gtk_widget_set_visible (row, FALSE);
  data->follows = ADW_COMBO_ROW (row);
  return row;
}

static gboolean
save (DialogData *data, GError **error)
{
  QingStore *store = data->page->store;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->name))));
  const char *stored_name = name[0] != '\0' ? name : NULL;
  int kind = chosen_kind (data);
  GDate first, last;

  date_from_calendar (data->first, &first);
  date_from_calendar (data->last, &last);
  switch (data->section)
    {
    case CALENDAR_SECTION_TERMS:
      if (data->term_id != 0)
        return qing_store_update_term (store, data->term_id, stored_name, &first, &last, error);
      return qing_store_add_term (store, stored_name, &first, &last, error) != 0;
    case CALENDAR_SECTION_EXCEPTIONS:
      if (kind == QING_CALENDAR_MAKEUP)
        return qing_store_add_makeup_day (store, stored_name, &first,
                                          G_DATE_MONDAY + adw_combo_row_get_selected (data->follows),
                                          error)
               != 0;
      return qing_store_add_calendar_exception (store, kind, stored_name, &first, &last, error)
             != 0;
    default:
      {
        gint64 id = qing_store_add_key_period (store, kind, stored_name, &first, &last, error);

        if (id != 0 && gtk_switch_get_active (data->closer))
          return qing_store_set_key_period_interval (store, id, QING_CADENCE_MENTOR_AT_RISK,
                                                     QING_CADENCE_PERIOD_WEEK, error);
        return id != 0;
      }
    }
}

static void
on_dialog_response (AdwMessageDialog *dialog, const char *response, DialogData *data)
{
  g_autoptr (GError) error = NULL;

  /* The dialog closes itself after answering. */
  if (data->page->dialog == dialog)
    g_clear_weak_pointer (&data->page->dialog);
  if (g_strcmp0 (response, "save") == 0 && !save (data, &error))
    qing_calendar_page_show_error (data->page, error);
}

static GtkWidget *
create_kind_row (DialogData *data)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  if (data->section == CALENDAR_SECTION_EXCEPTIONS)
    {
      gtk_string_list_append (kinds, _("Holiday"));
      gtk_string_list_append (kinds, _("Make-up school day"));
    }
  else
    for (int kind = QING_KEY_PERIOD_SPRING; kind <= QING_KEY_PERIOD_EMERGENCY; kind++)
      gtk_string_list_append (kinds, qing_key_period_kind_get_label (kind));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (kinds));
  data->kind = ADW_COMBO_ROW (row);
  return row;
}

/* Key periods: closer attention is on by default, as the plan asks for
 * heightened care in these times. */
static GtkWidget *
create_closer_row (DialogData *data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Closer attention"));
  adw_action_row_set_subtitle (
      ADW_ACTION_ROW (row), _("Mentors talk with students who need care every week, not monthly"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  data->closer = GTK_SWITCH (toggle);
  return row;
}

/* Builds and shows the dialog for @data with @name and the days given. */
static void
present_dialog (DialogData *data, const char *heading, const char *name, const GDate *first,
                const GDate *last)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (data->page));
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  data->name = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->name), _("Name (optional)"));
  gtk_editable_set_text (GTK_EDITABLE (data->name), name != NULL ? name : "");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->name));
  if (data->section != CALENDAR_SECTION_TERMS)
    gtk_list_box_append (GTK_LIST_BOX (list), create_kind_row (data));
  gtk_list_box_append (GTK_LIST_BOX (list), create_day_row (_("First day"), first, &data->first));
  data->last_row = create_day_row (_("Last day"), last, &data->last);
  gtk_list_box_append (GTK_LIST_BOX (list), data->last_row);
  if (data->section == CALENDAR_SECTION_EXCEPTIONS)
    {
      gtk_list_box_append (GTK_LIST_BOX (list), create_follows_row (data));
      g_signal_connect_swapped (data->follows, "notify::selected",
                                G_CALLBACK (on_follows_selected), data);
      g_signal_connect_swapped (data->first, "day-selected", G_CALLBACK (on_kind_selected), data);
    }
  if (data->section == CALENDAR_SECTION_KEY_PERIODS)
    gtk_list_box_append (GTK_LIST_BOX (list), create_closer_row (data));
  if (data->kind != NULL)
    g_signal_connect_swapped (data->kind, "notify::selected", G_CALLBACK (on_kind_selected), data);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save",
                                    data->term_id != 0 ? _("_Save") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "qing-dialog-data", data, g_free);
  g_object_set_data (G_OBJECT (dialog), "qing-name", data->name);
  g_object_set_data (G_OBJECT (dialog), "qing-kind", data->kind);
  g_object_set_data (G_OBJECT (dialog), "qing-first", data->first);
  g_object_set_data (G_OBJECT (dialog), "qing-last", data->last);
  g_object_set_data (G_OBJECT (dialog), "qing-closer", data->closer);
  g_object_set_data (G_OBJECT (dialog), "qing-follows", data->follows);
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response), data);

  if (data->page->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (data->page->dialog));
  g_set_weak_pointer (&data->page->dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static DialogData *
dialog_data_new (QingCalendarPage *self, guint section)
{
  DialogData *data = g_new0 (DialogData, 1);

  data->page = self;
  data->section = section;
  return data;
}

/* A new term: the current one while there is none, else the next school
 * term that begins after the last one ends. */
static void
add_term_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (widget);
  GPtrArray *terms = self->rows[CALENDAR_SECTION_TERMS];
  const QingCalendarRow *latest = NULL;
  g_autofree char *name = NULL;
  GDate base, first, last;

  qing_calendar_page_get_today (self, &base);
  if (terms != NULL && terms->len > 0)
    latest = g_ptr_array_index (terms, terms->len - 1);
  name = qing_calendar_suggest_term (&base, &first, &last);
  /* Forty days after a term's suggested end lies in the next term. */
  for (guint i = 0; latest != NULL && i < 4 && g_date_compare (&first, &latest->last) <= 0; i++)
    {
      base = last;
      g_date_add_days (&base, 40);
      g_free (name);
      name = qing_calendar_suggest_term (&base, &first, &last);
    }
  present_dialog (dialog_data_new (self, CALENDAR_SECTION_TERMS), _("Add a Term"), name, &first,
                  &last);
}

static void
edit_term_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (widget);
  const QingCalendarRow *row
      = qing_calendar_page_find_row (self, CALENDAR_SECTION_TERMS, g_variant_get_int64 (parameter));
  DialogData *data;

  g_return_if_fail (row != NULL);
  data = dialog_data_new (self, CALENDAR_SECTION_TERMS);
  data->term_id = row->id;
  present_dialog (data, _("Edit Term"), row->name, &row->first, &row->last);
}

static void
add_exception_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (widget);
  GDate today;

  qing_calendar_page_get_today (self, &today);
  present_dialog (dialog_data_new (self, CALENDAR_SECTION_EXCEPTIONS),
                  _("Add a Holiday or Make-up Day"), NULL, &today, &today);
}

static void
add_key_period_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (widget);
  GDate today, last;

  qing_calendar_page_get_today (self, &today);
  last = today;
  g_date_add_days (&last, 13);
  present_dialog (dialog_data_new (self, CALENDAR_SECTION_KEY_PERIODS), _("Add a Key Period"),
                  NULL, &today, &last);
}

/* Installs the dialog's actions on the page's class. */
void
qing_calendar_page_class_init_dialog (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "calendar.add-term", NULL, add_term_activated);
  gtk_widget_class_install_action (widget_class, "calendar.edit-term", "x", edit_term_activated);
  gtk_widget_class_install_action (widget_class, "calendar.add-exception", NULL,
                                   add_exception_activated);
  gtk_widget_class_install_action (widget_class, "calendar.add-key-period", NULL,
                                   add_key_period_activated);
}
