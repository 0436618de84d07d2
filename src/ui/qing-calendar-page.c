/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingCalendarPage: the school calendar page of Preferences.  Each group
 * shows its rows (name, kind, days read naturally: "2026年9月1日–1月20日")
 * with a remove button; removing offers Undo in a toast, as the family page
 * does for talks.  The Add dialog (and Edit for terms) lives in
 * qing-calendar-page-dialog.c.
 */
#include <glib/gi18n.h>

#include "qing-calendar-page-private.h"
#include "qing-mood-series.h"

G_DEFINE_FINAL_TYPE (QingCalendarPage, qing_calendar_page, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

const char *const qing_calendar_tables[N_CALENDAR_SECTIONS] = {
  "terms",
  "calendar_exceptions",
  "key_periods",
};

/* ---- Days ---- */

/* Today by the store's clock. */
void
qing_calendar_page_get_today (QingCalendarPage *self, GDate *out_day)
{
  g_autoptr (GDateTime) now = qing_clock_get_now (qing_store_get_clock (self->store));

  g_date_clear (out_day, 1);
  g_date_set_dmy (out_day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* A day with its year: "Sep 1, 2026", "2026年9月1日".  (transfer full) */
char *
qing_calendar_format_day_long (const GDate *day)
{
  /* Translators: a date with its year, a g_date_time_format() format; for
   * zh_CN use "%Y年%-m月%-d日".
   * xgettext:no-c-format */
  return qing_mood_format_date (day, _("%b %-d, %Y"));
}

/* "2026年9月1日–2027年1月20日", "2026年10月1日–10月7日" or one day.
 * (transfer full) */
char *
qing_calendar_format_range (const GDate *first, const GDate *last)
{
  g_autofree char *a = qing_calendar_format_day_long (first);
  g_autofree char *b = NULL;

  if (g_date_compare (first, last) == 0)
    return g_steal_pointer (&a);
  if (g_date_get_year (first) == g_date_get_year (last))
    b = qing_mood_format_day_short (last);
  else
    b = qing_calendar_format_day_long (last);
  /* Translators: a range of days, "Sep 1, 2026 – Jan 20, 2027" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

/* What a row is called when it has no name of its own. */
static const char *
kind_label (guint section, int kind)
{
  if (section == CALENDAR_SECTION_TERMS)
    return _("Term");
  if (section == CALENDAR_SECTION_EXCEPTIONS)
    return kind == QING_CALENDAR_MAKEUP ? _("Make-up school day") : _("Holiday");
  return qing_key_period_kind_get_label (kind);
}

/* "Follows Friday's timetable" for a make-up day (调休上课日).  Static. */
static const char *
follows_label (guint weekday)
{
  switch (weekday)
    {
    case G_DATE_TUESDAY:
      return _("Follows Tuesday's timetable");
    case G_DATE_WEDNESDAY:
      return _("Follows Wednesday's timetable");
    case G_DATE_THURSDAY:
      return _("Follows Thursday's timetable");
    case G_DATE_FRIDAY:
      return _("Follows Friday's timetable");
    case G_DATE_SATURDAY:
      return _("Follows Saturday's timetable");
    case G_DATE_SUNDAY:
      return _("Follows Sunday's timetable");
    case G_DATE_MONDAY:
    default:
      return _("Follows Monday's timetable");
    }
}

/* "Closer attention: students who need care every week", or NULL when the
 * key period changes no rule.  (transfer full) */
static char *
describe_intervals (const QingCalendarRow *row)
{
  if (row->intervals[QING_CADENCE_MENTOR_AT_RISK] == QING_CADENCE_PERIOD_NONE)
    return NULL;
  switch (row->intervals[QING_CADENCE_MENTOR_AT_RISK])
    {
    case QING_CADENCE_PERIOD_DAY:
      return g_strdup (_("Closer attention: students who need care every day"));
    case QING_CADENCE_PERIOD_WEEK:
      return g_strdup (_("Closer attention: students who need care every week"));
    case QING_CADENCE_PERIOD_TWO_WEEKS:
      return g_strdup (_("Closer attention: students who need care every two weeks"));
    case QING_CADENCE_PERIOD_MONTH:
    case QING_CADENCE_PERIOD_NONE:
    default:
      return NULL;
    }
}

/* ---- Toasts ---- */

/* Shows @toast (transfer full) in the preferences window's toast overlay. */
static void
add_toast (QingCalendarPage *self, AdwToast *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

/* Shows a failure as a toast with the error's sentence. */
void
qing_calendar_page_show_error (QingCalendarPage *self, const GError *error)
{
  add_toast (self, adw_toast_new (error->message));
}

/* ---- Rows ---- */

static GtkWidget *
create_row (QingCalendarPage *self, guint section, const QingCalendarRow *row)
{
  const char *label = kind_label (section, row->kind);
  g_autofree char *range = qing_calendar_format_range (&row->first, &row->last);
  g_autofree char *subtitle = NULL;
  GtkWidget *widget = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget),
                                 row->name != NULL ? row->name : label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  /* Terms are named by their kind; the others say it before the days,
   * unless the name already says it. */
  if (section == CALENDAR_SECTION_TERMS || row->name == NULL || g_strcmp0 (row->name, label) == 0)
    subtitle = g_steal_pointer (&range);
  else
    /* Translators: "Holiday · Oct 1, 2026 – Oct 7" */
    subtitle = g_strdup_printf (_("%s · %s"), label, range);
  if (section == CALENDAR_SECTION_EXCEPTIONS && row->kind == QING_CALENDAR_MAKEUP)
    {
      /* Translators: "Make-up school day · Oct 11, 2026 · Follows Friday's timetable" */
      g_autofree char *with_follows
          = g_strdup_printf (_("%s · %s"), subtitle, follows_label (row->follows_weekday));

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_follows);
    }
  if (section == CALENDAR_SECTION_KEY_PERIODS)
    {
      g_autofree char *closer = describe_intervals (row);

      if (closer != NULL)
        {
          g_autofree char *both = g_strconcat (subtitle, "\n", closer, NULL);

          g_free (subtitle);
          subtitle = g_steal_pointer (&both);
        }
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  if (section == CALENDAR_SECTION_TERMS)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), "calendar.edit-term");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (widget),
                                              g_variant_new_int64 (row->id));
    }
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  {
    /* Translators: the remove button's name for screen readers */
    g_autofree char *accessible
        = g_strdup_printf (_("Remove “%s”"), row->name != NULL ? row->name : label);

    gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible, -1);
  }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "calendar.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(sx)", qing_calendar_tables[section],
                                    row->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), remove);
  return widget;
}

/* The suggestion shown while there is no term at all. */
static void
update_suggestion (QingCalendarPage *self)
{
  gboolean empty = self->rows[CALENDAR_SECTION_TERMS]->len == 0;
  g_autofree char *name = NULL;
  g_autofree char *range = NULL;
  g_autofree char *subtitle = NULL;
  GDate today, first, last;

  gtk_widget_set_visible (GTK_WIDGET (self->suggest_row), empty);
  if (!empty)
    return;
  qing_calendar_page_get_today (self, &today);
  name = qing_calendar_suggest_term (&today, &first, &last);
  range = qing_calendar_format_range (&first, &last);
  subtitle = g_strconcat (name, "\n", range, NULL);
  adw_action_row_set_subtitle (self->suggest_row, subtitle);
}

static void
reload_section (QingCalendarPage *self, guint section)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  for (guint i = 0; i < self->widgets[section]->len; i++)
    adw_preferences_group_remove (self->groups[section],
                                  g_ptr_array_index (self->widgets[section], i));
  g_ptr_array_set_size (self->widgets[section], 0);

  if (section == CALENDAR_SECTION_TERMS)
    rows = qing_store_list_terms (self->store, &error);
  else if (section == CALENDAR_SECTION_EXCEPTIONS)
    rows = qing_store_list_calendar_exceptions (self->store, &error);
  else
    rows = qing_store_list_key_periods (self->store, &error);
  if (rows == NULL)
    {
      qing_calendar_page_show_error (self, error);
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify)qing_calendar_row_free);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *widget = create_row (self, section, g_ptr_array_index (rows, i));

      adw_preferences_group_add (self->groups[section], widget);
      g_ptr_array_add (self->widgets[section], widget);
    }
  g_clear_pointer (&self->rows[section], g_ptr_array_unref);
  self->rows[section] = g_steal_pointer (&rows);
}

/* Re-reads the three groups. */
void
qing_calendar_page_reload (QingCalendarPage *self)
{
  g_return_if_fail (QING_IS_CALENDAR_PAGE (self));
  for (guint section = 0; section < N_CALENDAR_SECTIONS; section++)
    reload_section (self, section);
  update_suggestion (self);
}

static void
on_store_row_changed (QingStore *store, const char *table, gint64 row_id, QingStoreChange kind,
                      QingCalendarPage *self)
{
  for (guint section = 0; section < N_CALENDAR_SECTIONS; section++)
    if (g_strcmp0 (table, qing_calendar_tables[section]) == 0)
      {
        reload_section (self, section);
        update_suggestion (self);
      }
}

/* The row @id of @section as last read, or NULL.  (transfer none) */
const QingCalendarRow *
qing_calendar_page_find_row (QingCalendarPage *self, guint section, gint64 id)
{
  for (guint i = 0; self->rows[section] != NULL && i < self->rows[section]->len; i++)
    {
      const QingCalendarRow *row = g_ptr_array_index (self->rows[section], i);

      if (row->id == id)
        return row;
    }
  return NULL;
}

/* ---- Remove and Undo ---- */

/* Adds @row to @section again (Undo); the key period's intervals too. */
static gboolean
add_again (QingCalendarPage *self, guint section, const QingCalendarRow *row, GError **error)
{
  gint64 id;

  if (section == CALENDAR_SECTION_TERMS)
    return qing_store_add_term (self->store, row->name, &row->first, &row->last, error) != 0;
  if (section == CALENDAR_SECTION_EXCEPTIONS && row->kind == QING_CALENDAR_MAKEUP)
    return qing_store_add_makeup_day (self->store, row->name, &row->first,
                                      CLAMP (row->follows_weekday, G_DATE_MONDAY, G_DATE_SUNDAY),
                                      error)
           != 0;
  if (section == CALENDAR_SECTION_EXCEPTIONS)
    return qing_store_add_calendar_exception (self->store, row->kind, row->name, &row->first,
                                              &row->last, error)
           != 0;
  id = qing_store_add_key_period (self->store, row->kind, row->name, &row->first, &row->last,
                                  error);
  for (guint rule = 1; id != 0 && rule < QING_CADENCE_N_RULES; rule++)
    if (row->intervals[rule] != QING_CADENCE_PERIOD_NONE
        && !qing_store_set_key_period_interval (self->store, id, rule, row->intervals[rule], error))
      return FALSE;
  return id != 0;
}

/* Undo of the last removal (the toast's button). */
static void
undo_remove_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (widget);
  g_autoptr (QingCalendarRow) row = g_steal_pointer (&self->removed);
  g_autoptr (GError) error = NULL;

  if (row != NULL && !add_again (self, self->removed_section, row, &error))
    qing_calendar_page_show_error (self, error);
}

static void
on_undo_clicked (QingCalendarPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.undo-remove", NULL);
}

static void
remove_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  const QingCalendarRow *row = NULL;
  const char *table;
  guint section = 0;
  gint64 id;
  AdwToast *toast;

  g_variant_get (parameter, "(&sx)", &table, &id);
  while (section < N_CALENDAR_SECTIONS && g_strcmp0 (table, qing_calendar_tables[section]) != 0)
    section++;
  g_return_if_fail (section < N_CALENDAR_SECTIONS);
  row = qing_calendar_page_find_row (self, section, id);
  g_return_if_fail (row != NULL);

  g_clear_pointer (&self->removed, qing_calendar_row_free);
  self->removed = qing_calendar_row_copy (row);
  self->removed_section = section;
  if (!qing_store_remove_calendar_row (self->store, table, id, &error))
    {
      g_clear_pointer (&self->removed, qing_calendar_row_free);
      qing_calendar_page_show_error (self, error);
      return;
    }
  /* Translators: a toast after removing a term, holiday or key period */
  title = g_strdup_printf (_("“%s” removed"), self->removed->name != NULL
                                                   ? self->removed->name
                                                   : kind_label (section, self->removed->kind));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  /* The toast sits in the window, outside the page's action group. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self,
                           G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

/* "Add" on the suggestion: the current term, as suggested, in one click. */
static void
add_suggested_term_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  GDate today, first, last;

  qing_calendar_page_get_today (self, &today);
  name = qing_calendar_suggest_term (&today, &first, &last);
  if (qing_store_add_term (self->store, name, &first, &last, &error) == 0)
    qing_calendar_page_show_error (self, error);
}

/* ---- GObject ---- */

static void
qing_calendar_page_constructed (GObject *object)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (object);

  G_OBJECT_CLASS (qing_calendar_page_parent_class)->constructed (object);
  g_assert (QING_IS_STORE (self->store));
  g_signal_connect_object (self->store, "row-changed", G_CALLBACK (on_store_row_changed), self, 0);
  qing_calendar_page_reload (self);
}

static void
qing_calendar_page_dispose (GObject *object)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (object);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), QING_TYPE_CALENDAR_PAGE);
  for (guint section = 0; section < N_CALENDAR_SECTIONS; section++)
    {
      g_clear_pointer (&self->rows[section], g_ptr_array_unref);
      g_clear_pointer (&self->widgets[section], g_ptr_array_unref);
    }
  g_clear_pointer (&self->removed, qing_calendar_row_free);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (qing_calendar_page_parent_class)->dispose (object);
}

static void
qing_calendar_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_calendar_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  QingCalendarPage *self = QING_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_calendar_page_class_init (QingCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = qing_calendar_page_constructed;
  object_class->dispose = qing_calendar_page_dispose;
  object_class->get_property = qing_calendar_page_get_property;
  object_class->set_property = qing_calendar_page_set_property;

  /* The store whose calendar the page edits; required. */
  properties[PROP_STORE]
      = g_param_spec_object ("store", NULL, NULL, QING_TYPE_STORE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                                 | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/qingting/Qingting/ui/qing-calendar-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "terms_group", FALSE,
                                             G_STRUCT_OFFSET (QingCalendarPage, groups[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "exceptions_group", FALSE,
                                             G_STRUCT_OFFSET (QingCalendarPage, groups[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "key_periods_group", FALSE,
                                             G_STRUCT_OFFSET (QingCalendarPage, groups[2]));
  gtk_widget_class_bind_template_child (widget_class, QingCalendarPage, suggest_row);

  gtk_widget_class_install_action (widget_class, "calendar.remove", "(sx)", remove_activated);
  gtk_widget_class_install_action (widget_class, "calendar.undo-remove", NULL,
                                   undo_remove_activated);
  gtk_widget_class_install_action (widget_class, "calendar.add-suggested-term", NULL,
                                   add_suggested_term_activated);
  qing_calendar_page_class_init_dialog (widget_class);
}

static void
qing_calendar_page_init (QingCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint section = 0; section < N_CALENDAR_SECTIONS; section++)
    self->widgets[section] = g_ptr_array_new ();
}

/* Returns a new page (floating) that edits the calendar kept in @store. */
QingCalendarPage *
qing_calendar_page_new (QingStore *store)
{
  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  return g_object_new (QING_TYPE_CALENDAR_PAGE, "store", store, NULL);
}

/* The Add or Edit dialog while it is open, or NULL.  (transfer none) */
AdwMessageDialog *
qing_calendar_page_get_dialog (QingCalendarPage *self)
{
  g_return_val_if_fail (QING_IS_CALENDAR_PAGE (self), NULL);
  return self->dialog;
}

/* The sentence of the last toast, or NULL.  (transfer none) */
const char *
qing_calendar_page_get_last_toast (QingCalendarPage *self)
{
  g_return_val_if_fail (QING_IS_CALENDAR_PAGE (self), NULL);
  return self->last_toast;
}
