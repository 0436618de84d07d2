/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <string.h>

#include "qing-mentor-util.h"
#include "qing-plan-page.h"
#include "qing-store-calendar.h"
#include "qing-store-plan.h"

struct _QingPlanPage
{
  GtkWidget         parent_instance;

  GtkLabel         *cycle_label;
  GtkLabel         *result_label;
  GtkLabel         *swap_label;
  GtkListBox       *plan_list;
  GtkListBox       *slot_list;
  AdwComboRow      *weekday_row;
  GtkSpinButton    *hour_spin;
  GtkSpinButton    *minute_spin;
  GtkSpinButton    *length_spin;
  GtkSpinButton    *capacity_spin;
  AdwEntryRow      *label_row;
  GtkWidget        *calendar_button; /* calendar editor: shown outside every term */

  QingStore        *store;
  gint64            mentor_id;
  gint64            group_id;
  QingCycle         cycle;       /* number 0: outside every term */
  GListModel       *plan;
  GArray           *slots;       /* QingMentorSlot */
  gint64            swap_from;   /* entry chosen first for a swap, or 0 */
  GtkNativeDialog  *chooser;
  GtkWindow        *dialog;      /* weak: the move dialog while open */
  guint             midnight_alarm; /* mentorfix: moves missed talks each new day */
};

G_DEFINE_FINAL_TYPE (QingPlanPage, qing_plan_page, GTK_TYPE_WIDGET)

static const char *weekday_names[] = {
  NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
  N_("Saturday"), N_("Sunday"),
};

static void
show_error (QingPlanPage *self, const GError *error)
{
  qing_mentor_toast (GTK_WIDGET (self), error->message);
}

static const char *
status_label (QingPlanStatus status)
{
  switch (status)
    {
    case QING_PLAN_DONE:
      return _("Done");
    case QING_PLAN_SKIPPED:
      return _("Skipped");
    case QING_PLAN_MOVED:
      return _("Moved");
    case QING_PLAN_PLANNED:
    default:
      return _("Planned");
    }
}

/* mentorfix: the clock's today. */
static void
get_today (QingPlanPage *self, GDate *out_today)
{
  g_autoptr (GDateTime) now = qing_clock_get_now (qing_store_get_clock (self->store));

  g_date_clear (out_today, 1);
  g_date_set_dmy (out_today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* An open talk whose day has passed had no free slot left to move to. */
static const char *
item_status_label (QingPlanPage *self, QingPlanItem *item)
{
  QingPlanStatus status = qing_plan_item_get_status (item);
  GDate today;

  if (status != QING_PLAN_PLANNED && status != QING_PLAN_MOVED)
    return status_label (status);
  get_today (self, &today);
  if (g_date_compare (qing_plan_item_get_day (item), &today) < 0)
    /* Translators: a planned talk whose day has passed without it */
    return C_("plan entry", "Missed");
  return status_label (status);
}

static GtkWidget *
make_entry_menu (QingPlanItem *item)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  GtkWidget *button;
  gint64 id = qing_plan_item_get_id (item);
  const struct { const char *label; const char *action; } entries[] = {
    { N_("Move…"), "plan.move" },
    { N_("Swap…"), "plan.swap" },
    { N_("Skip This Cycle"), "plan.skip" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr (GMenuItem) mi = g_menu_item_new (_(entries[i].label), NULL);
      g_menu_item_set_action_and_target_value (mi, entries[i].action, g_variant_new_int64 (id));
      g_menu_append_item (menu, mi);
    }
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Change This Talk"));
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
create_plan_row (gpointer item_ptr, gpointer user_data)
{
  QingPlanItem *item = QING_PLAN_ITEM (item_ptr);
  QingPlanStatus status = qing_plan_item_get_status (item);
  const char *slot = qing_plan_item_get_slot_label (item);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (slot != NULL && *slot != '\0')
    subtitle = g_strdup_printf ("%s · %s · %s", qing_plan_item_get_time_label (item), slot,
                                item_status_label (user_data, item));
  else
    subtitle = g_strdup_printf ("%s · %s", qing_plan_item_get_time_label (item),
                                item_status_label (user_data, item));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), qing_plan_item_get_student_name (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (status == QING_PLAN_PLANNED || status == QING_PLAN_MOVED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_entry_menu (item));
  else
    gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data_full (G_OBJECT (row), "qing-plan-item", g_object_ref (item), g_object_unref);
  return row;
}

/* A day header above the first talk of each day. */
static void
update_plan_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  QingPlanItem *item = g_object_get_data (G_OBJECT (row), "qing-plan-item");
  QingPlanItem *prev = before != NULL ? g_object_get_data (G_OBJECT (before), "qing-plan-item") : NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (item == NULL
      || (prev != NULL && g_date_compare (qing_plan_item_get_day (item), qing_plan_item_get_day (prev)) == 0))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  text = qing_mentor_format_day (qing_plan_item_get_day (item));
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_box_row_set_header (row, label);
}

static void
reload_slots (QingPlanPage *self)
{
  g_autoptr (GError) error = NULL;
  GtkListBoxRow *old;

  /* gtk_list_box_remove_all() is GTK 4.12. */
  while ((old = gtk_list_box_get_row_at_index (self->slot_list, 0)) != NULL)
    gtk_list_box_remove (self->slot_list, GTK_WIDGET (old));
  g_clear_pointer (&self->slots, g_array_unref);
  self->slots = qing_store_list_mentor_slots (self->store, self->mentor_id, &error);
  if (self->slots == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < self->slots->len; i++)
    {
      const QingMentorSlot *slot = &g_array_index (self->slots, QingMentorSlot, i);
      g_autofree char *start = qing_mentor_format_minute (slot->start_minute);
      g_autofree char *end = qing_mentor_format_minute (slot->start_minute + slot->length_minutes);
      g_autofree char *title = g_strdup_printf ("%s · %s–%s", _(weekday_names[CLAMP (slot->weekday, 1, 7)]),
                                                start, end);
      g_autofree char *fits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fits %u talk",
                                                            "Fits %u talks", slot->capacity),
                                               slot->capacity);
      g_autofree char *subtitle = slot->label != NULL && *slot->label != '\0'
                                  ? g_strdup_printf ("%s · %s", slot->label, fits) : g_strdup (fits);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Time Slot"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "plan.remove-slot");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int64 (slot->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->slot_list, row);
    }
}

static void
reload_cycle (QingPlanPage *self)
{
  g_autoptr (QingSchoolCalendar) calendar = NULL;
  g_autoptr (GDateTime) now = qing_clock_get_now (qing_store_get_clock (self->store));
  g_autoptr (GError) error = NULL;
  GDate today;

  memset (&self->cycle, 0, sizeof self->cycle);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  calendar = qing_store_load_school_calendar (self->store, &error);
  if (calendar == NULL)
    show_error (self, error);
  gtk_widget_set_visible (self->calendar_button, FALSE);
  if (calendar == NULL || !qing_school_calendar_get_cycle (calendar, &today, 14, &self->cycle))
    {
      self->cycle.number = 0;
      gtk_widget_set_visible (self->calendar_button, calendar != NULL);
      gtk_label_set_text (self->cycle_label,
                          _("Today is outside every school term, so there is no cycle to plan. "
                            "The school calendar is set in Preferences."));
      return;
    }
  {
    g_autofree char *first = qing_mentor_format_day (&self->cycle.first);
    g_autofree char *last = qing_mentor_format_day (&self->cycle.last);
    /* Translators: "Cycle 3: Mon, Nov 23 to Sun, Dec 6" */
    g_autofree char *text = g_strdup_printf (_("Cycle %u: %s to %s"), self->cycle.number, first, last);

    gtk_label_set_text (self->cycle_label, text);
  }
}

static void set_result (QingPlanPage *self, const char *text);

/* mentorfix: a talk that did not happen moves to the next free slot, at
 * once when the page loads and again each new day. */
static void
move_missed_talks (QingPlanPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint moved = 0, missed = 0;

  if (!qing_store_move_missed_plan_entries (self->store, self->mentor_id,
                                            qing_clock_get_now_unix (qing_store_get_clock (self->store)),
                                            &moved, &missed, &error))
    {
      show_error (self, error);
      return;
    }
  if (moved > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u missed talk moved to the next free slot",
                                         "%u missed talks moved to the next free slots", moved),
                            moved);
  else if (missed > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u missed talk has no free slot left in this cycle",
                                         "%u missed talks have no free slot left in this cycle",
                                         missed),
                            missed);
  if (text == NULL)
    return;
  set_result (self, text);
  if (moved > 0)
    qing_mentor_toast (GTK_WIDGET (self), text);
}

static void arm_midnight (QingPlanPage *self);

static void
on_midnight (QingClock *clock, gpointer user_data)
{
  QingPlanPage *self = user_data;

  self->midnight_alarm = 0;
  arm_midnight (self);
  qing_plan_page_reload (self);
}

static void
arm_midnight (QingPlanPage *self)
{
  QingClock *clock = qing_store_get_clock (self->store);
  g_autoptr (GDateTime) now = qing_clock_get_now (clock);
  g_autoptr (GDateTime) midnight
      = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                         g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (midnight, 1);

  if (self->midnight_alarm != 0)
    qing_clock_remove_alarm (clock, self->midnight_alarm);
  self->midnight_alarm = qing_clock_add_alarm (clock, g_date_time_to_unix (tomorrow), on_midnight,
                                               self, NULL);
}

/* Re-reads slots, cycle and plan. */
void
qing_plan_page_reload (QingPlanPage *self)
{
  g_return_if_fail (QING_IS_PLAN_PAGE (self));
  if (self->store == NULL)
    return;
  reload_slots (self);
  reload_cycle (self);
  move_missed_talks (self);
  g_clear_object (&self->plan);
  if (self->cycle.number > 0)
    self->plan = qing_store_plan_model (self->store, self->mentor_id, &self->cycle.first, &self->cycle.last);
  else
    self->plan = G_LIST_MODEL (g_list_store_new (QING_TYPE_PLAN_ITEM));
  gtk_list_box_bind_model (self->plan_list, self->plan, create_plan_row, self, NULL);
}

/* Adds a weekly slot. */
gboolean
qing_plan_page_add_slot (QingPlanPage *self, guint weekday, guint start_minute,
                         guint length_minutes, guint capacity, const char *label,
                         GError **error)
{
  QingMentorSlot slot = { 0, weekday, start_minute, length_minutes, capacity, NULL };
  gboolean ok;

  g_return_val_if_fail (QING_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  slot.label = label != NULL && *label != '\0' ? g_strdup (label) : NULL;
  ok = qing_store_add_mentor_slot (self->store, self->mentor_id, &slot, error);
  qing_mentor_slot_clear (&slot);
  if (ok)
    reload_slots (self);
  return ok;
}

static void
set_result (QingPlanPage *self, const char *text)
{
  gtk_label_set_text (self->result_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), text != NULL && *text != '\0');
}

/* Appends a sentence to @text, after a space where the language puts one. */
static void
append_sentence (GString *text, const char *sentence)
{
  g_autofree char *joined = NULL;

  if (text->len == 0)
    {
      g_string_append (text, sentence);
      return;
    }
  /* Translators: two sentences in a row (zh_CN: "%s%s", without a space) */
  joined = g_strdup_printf (_("%s %s"), text->str, sentence);
  g_string_assign (text, joined);
}

static char *
describe_plan (const QingPlanResult *result)
{
  GString *text = g_string_new (NULL);

  if (result->n_new == 0 && result->n_moved == 0)
    append_sentence (text, _("No new talks to plan."));
  else
    {
      g_autofree char *planned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u talk planned.",
                                                               "%u talks planned.", result->n_new),
                                                  result->n_new);
      append_sentence (text, planned);
    }
  if (result->n_moved > 0)
    {
      g_autofree char *moved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u missed talk moved to a later slot.",
                                                             "%u missed talks moved to later slots.",
                                                             result->n_moved),
                                                result->n_moved);
      append_sentence (text, moved);
    }
  if (result->unplaced != NULL && result->unplaced->len > 0)
    {
      g_autofree char *unplaced = qing_plan_result_describe_unplaced (result);

      append_sentence (text, unplaced);
    }
  return g_string_free (text, FALSE);
}

/* "Plan this cycle". */
gboolean
qing_plan_page_plan_cycle (QingPlanPage *self, GError **error)
{
  g_autoptr (QingCyclePlan) plan = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (QING_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  plan = qing_store_plan_cycle (self->store, self->mentor_id, self->group_id, error);
  if (plan == NULL)
    return FALSE;
  text = describe_plan (plan->result);
  set_result (self, text);
  if (self->cycle.number == 0)
    qing_plan_page_reload (self);
  else
    qing_plan_model_refresh (self->plan);
  return TRUE;
}

/* The sentence of the last "Plan this cycle".  (transfer none) */
const char *
qing_plan_page_get_result_text (QingPlanPage *self)
{
  g_return_val_if_fail (QING_IS_PLAN_PAGE (self), NULL);
  return gtk_label_get_text (self->result_label);
}

/* The plan of this cycle.  (transfer none) */
GListModel *
qing_plan_page_get_plan (QingPlanPage *self)
{
  g_return_val_if_fail (QING_IS_PLAN_PAGE (self), NULL);
  return self->plan;
}

/* Writes the open talks of this cycle to @file as iCalendar. */
gboolean
qing_plan_page_export (QingPlanPage *self, GFile *file, GError **error)
{
  g_return_val_if_fail (QING_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  if (self->cycle.number == 0)
    {
      g_set_error_literal (error, QING_PLAN_ERROR, QING_PLAN_ERROR_NO_CYCLE,
                           _("Today is outside every school term: there is no plan to export."));
      return FALSE;
    }
  return qing_store_export_plan_ical (self->store, self->mentor_id, &self->cycle.first,
                                      &self->cycle.last, file, error);
}

static void
add_slot_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingPlanPage *self = QING_PLAN_PAGE (widget);
  g_autoptr (GError) error = NULL;
  guint start = gtk_spin_button_get_value_as_int (self->hour_spin) * 60
                + gtk_spin_button_get_value_as_int (self->minute_spin);
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));

  if (!qing_plan_page_add_slot (self, adw_combo_row_get_selected (self->weekday_row) + 1, start,
                                gtk_spin_button_get_value_as_int (self->length_spin),
                                gtk_spin_button_get_value_as_int (self->capacity_spin), label, &error))
    show_error (self, error);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->label_row), "");
}

static void
remove_slot_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingPlanPage *self = QING_PLAN_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (!qing_store_remove_mentor_slot (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
  reload_slots (self);
}

static void
plan_cycle_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingPlanPage *self = QING_PLAN_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (!qing_plan_page_plan_cycle (self, &error))
    set_result (self, error->message);
}

static void
skip_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingPlanPage *self = QING_PLAN_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (!qing_store_skip_plan_entry (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
  else
    qing_plan_model_refresh (self->plan);
}

static void
swap_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingPlanPage *self = QING_PLAN_PAGE (widget);
  g_autoptr (GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (self->swap_from == 0 || self->swap_from == id)
    {
      self->swap_from = self->swap_from == id ? 0 : id;
      gtk_widget_set_visible (GTK_WIDGET (self->swap_label), self->swap_from != 0);
      return;
    }
  if (!qing_store_swap_plan_entries (self->store, self->swap_from, id, &error))
    show_error (self, error);
  else
    qing_plan_model_refresh (self->plan);
  self->swap_from = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->swap_label), FALSE);
}

/* One place a talk can move to. */
typedef struct
{
  GDate  day;
  gint64 slot_id;
} MoveTarget;

/* Every school day from today to the cycle's end, with each slot of it. */
static GArray *
list_move_targets (QingPlanPage *self, gint64 entry_id, GtkStringList *names)
{
  g_autoptr (QingSchoolCalendar) calendar = qing_store_load_school_calendar (self->store, NULL);
  g_autoptr (GDateTime) now = qing_clock_get_now (qing_store_get_clock (self->store));
  g_autoptr (GArray) indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (MoveTarget));
  GDate day;

  if (calendar == NULL || self->slots == NULL || self->cycle.number == 0)
    return targets;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  for (; g_date_compare (&day, &self->cycle.last) <= 0; g_date_add_days (&day, 1))
    {
      g_autofree char *day_text = NULL;

      if (!qing_school_calendar_is_school_day (calendar, &day))
        continue;
      g_array_set_size (indexes, 0);
      qing_planner_slots_for_day ((const QingMentorSlot *) (gpointer) self->slots->data, self->slots->len,
                                  calendar, &day, 0, indexes);
      day_text = qing_mentor_format_day (&day);
      for (guint i = 0; i < indexes->len; i++)
        {
          const QingMentorSlot *slot = &g_array_index (self->slots, QingMentorSlot,
                                                       g_array_index (indexes, guint, i));
          g_autofree char *time = qing_mentor_format_minute (slot->start_minute);
          g_autofree char *text = g_strdup_printf ("%s · %s", day_text, time);
          MoveTarget target = { day, slot->id };

          /* mentorfix: a slot already at its capacity that day is no target. */
          if (!qing_store_plan_slot_has_room (self->store, self->mentor_id, slot->id,
                                              slot->capacity, &day, entry_id, NULL))
            continue;
          g_array_append_val (targets, target);
          gtk_string_list_append (names, text);
        }
    }
  return targets;
}

static void
on_move_response (AdwMessageDialog *dialog, const char *response, QingPlanPage *self)
{
  GArray *targets = g_object_get_data (G_OBJECT (dialog), "qing-targets");
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "qing-dropdown");
  gint64 entry_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "qing-entry"));
  g_autoptr (GError) error = NULL;
  guint index;

  if (g_strcmp0 (response, "move") != 0)
    return;
  index = gtk_drop_down_get_selected (dropdown);
  if (index >= targets->len)
    return;
  if (!qing_store_move_plan_entry (self->store, entry_id, &g_array_index (targets, MoveTarget, index).day,
                                   g_array_index (targets, MoveTarget, index).slot_id, &error))
    show_error (self, error);
  else
    qing_plan_model_refresh (self->plan);
}

static void
move_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingPlanPage *self = QING_PLAN_PAGE (widget);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GArray *targets = list_move_targets (self, g_variant_get_int64 (parameter), names);
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Move This Talk"),
                                   targets->len > 0 ? _("Choose a day and time slot.")
                                                    : _("There is no free time slot left in this cycle."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"),
                                    "move", _("Move"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move", targets->len > 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "qing-targets", targets, (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (dialog), "qing-dropdown", dropdown);
  g_object_set_data (G_OBJECT (dialog), "qing-entry", GSIZE_TO_POINTER (g_variant_get_int64 (parameter)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response), self, 0);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response (GtkNativeDialog *chooser, int response, QingPlanPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!qing_plan_page_export (self, file, &error))
        show_error (self, error);
      else
        qing_mentor_toast (GTK_WIDGET (self), _("Plan exported"));
    }
  g_clear_object (&self->chooser);
}

static void
export_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingPlanPage *self = QING_PLAN_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Plan"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name suggested for the exported plan */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("talk-plan.ics"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (self->chooser);
}

/* Points the page at the store and the mentor. */
void
qing_plan_page_setup (QingPlanPage *self, QingStore *store, gint64 mentor_id, gint64 group_id)
{
  g_return_if_fail (QING_IS_PLAN_PAGE (self));
  g_return_if_fail (QING_IS_STORE (store));
  g_set_object (&self->store, store);
  self->mentor_id = mentor_id;
  self->group_id = group_id;
  arm_midnight (self);
  qing_plan_page_reload (self);
}

/* Template children without an id are not cleared by
 * gtk_widget_dispose_template(). */
static void
unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

static void
qing_plan_page_dispose (GObject *object)
{
  QingPlanPage *self = QING_PLAN_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->dialog);
  if (self->midnight_alarm != 0 && self->store != NULL)
    qing_clock_remove_alarm (qing_store_get_clock (self->store), self->midnight_alarm);
  self->midnight_alarm = 0;
  gtk_widget_dispose_template (GTK_WIDGET (object), QING_TYPE_PLAN_PAGE);
  unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->plan);
  g_clear_pointer (&self->slots, g_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (qing_plan_page_parent_class)->dispose (object);
}

static void
qing_plan_page_class_init (QingPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_plan_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/mentor/qing-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, cycle_label);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, result_label);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, swap_label);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, slot_list);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, length_spin);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, label_row);
  gtk_widget_class_bind_template_child (widget_class, QingPlanPage, calendar_button);

  gtk_widget_class_install_action (widget_class, "plan.add-slot", NULL, add_slot_activated);
  gtk_widget_class_install_action (widget_class, "plan.remove-slot", "x", remove_slot_activated);
  gtk_widget_class_install_action (widget_class, "plan.plan-cycle", NULL, plan_cycle_activated);
  gtk_widget_class_install_action (widget_class, "plan.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "plan.skip", "x", skip_activated);
  gtk_widget_class_install_action (widget_class, "plan.swap", "x", swap_activated);
  gtk_widget_class_install_action (widget_class, "plan.move", "x", move_activated);
}

static void
qing_plan_page_init (QingPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->plan_list, update_plan_header, self, NULL);
}

/* The move dialog while it is open.  (transfer none) */
GtkWindow *
qing_plan_page_get_dialog (QingPlanPage *self)
{
  g_return_val_if_fail (QING_IS_PLAN_PAGE (self), NULL);
  return self->dialog;
}
