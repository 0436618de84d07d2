/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingPlanItem (one planned talk with its student's name) and the live
 * models of the plan and of today's agenda.  A model re-reads its range in
 * an idle after a "row-changed" of plan_entries, persons or mentor_slots;
 * today's agenda also moves to the next day at local midnight.
 */
#include "qing-store-plan-private.h"

#include "qing-store-calendar.h"

/* ---- QingPlanItem ---- */

struct _QingPlanItem
{
  GObject parent_instance;
  gint64 id;
  char *uuid;
  gint64 student_id;
  char *student_name;
  QingCareLevel care;
  GDate day;
  guint start_minute;
  guint length_minutes;
  gint64 slot_id;
  char *slot_label;
  QingPlanStatus status;
  gint64 talk_id;
  char time_label[6];
};

G_DEFINE_FINAL_TYPE (QingPlanItem, qing_plan_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_STUDENT_ID,
  PROP_STUDENT_NAME,
  PROP_CARE_LEVEL,
  PROP_DAY,
  PROP_START_MINUTE,
  PROP_LENGTH_MINUTES,
  PROP_SLOT_ID,
  PROP_SLOT_LABEL,
  PROP_STATUS,
  PROP_TALK_ID,
  PROP_TIME_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qing_plan_item_finalize (GObject *object)
{
  QingPlanItem *self = QING_PLAN_ITEM (object);

  g_free (self->uuid);
  g_free (self->student_name);
  g_free (self->slot_label);
  G_OBJECT_CLASS (qing_plan_item_parent_class)->finalize (object);
}

static void
qing_plan_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingPlanItem *self = QING_PLAN_ITEM (object);
  char day[11];

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_STUDENT_ID:
      g_value_set_int64 (value, self->student_id);
      break;
    case PROP_STUDENT_NAME:
      g_value_set_string (value, self->student_name);
      break;
    case PROP_CARE_LEVEL:
      g_value_set_int (value, self->care);
      break;
    case PROP_DAY:
      qing_calendar_day_format (&self->day, day);
      g_value_set_string (value, day);
      break;
    case PROP_START_MINUTE:
      g_value_set_uint (value, self->start_minute);
      break;
    case PROP_LENGTH_MINUTES:
      g_value_set_uint (value, self->length_minutes);
      break;
    case PROP_SLOT_ID:
      g_value_set_int64 (value, self->slot_id);
      break;
    case PROP_SLOT_LABEL:
      g_value_set_string (value, self->slot_label);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_TALK_ID:
      g_value_set_int64 (value, self->talk_id);
      break;
    case PROP_TIME_LABEL:
      g_value_set_string (value, self->time_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_plan_item_class_init (QingPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = qing_plan_item_finalize;
  object_class->get_property = qing_plan_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_STUDENT_ID]
      = g_param_spec_int64 ("student-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STUDENT_NAME] = g_param_spec_string ("student-name", NULL, NULL, NULL, flags);
  properties[PROP_CARE_LEVEL]
      = g_param_spec_int ("care-level", NULL, NULL, 0, QING_CARE_CLEAR_SIGNS, 0, flags);
  properties[PROP_DAY] = g_param_spec_string ("day", NULL, NULL, NULL, flags);
  properties[PROP_START_MINUTE] = g_param_spec_uint ("start-minute", NULL, NULL, 0, 1439, 0, flags);
  properties[PROP_LENGTH_MINUTES]
      = g_param_spec_uint ("length-minutes", NULL, NULL, 0, G_MAXUINT, 15, flags);
  properties[PROP_SLOT_ID] = g_param_spec_int64 ("slot-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SLOT_LABEL] = g_param_spec_string ("slot-label", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, QING_PLAN_MOVED, 0, flags);
  properties[PROP_TALK_ID] = g_param_spec_int64 ("talk-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TIME_LABEL] = g_param_spec_string ("time-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_plan_item_init (QingPlanItem *self)
{
  g_date_clear (&self->day, 1);
}

gint64
qing_plan_item_get_id (QingPlanItem *self)
{
  return self->id;
}
const char *
qing_plan_item_get_uuid (QingPlanItem *self)
{
  return self->uuid;
}
gint64
qing_plan_item_get_student_id (QingPlanItem *self)
{
  return self->student_id;
}
const char *
qing_plan_item_get_student_name (QingPlanItem *self)
{
  return self->student_name;
}
QingCareLevel
qing_plan_item_get_care_level (QingPlanItem *self)
{
  return self->care;
}
const GDate *
qing_plan_item_get_day (QingPlanItem *self)
{
  return &self->day;
}
guint
qing_plan_item_get_start_minute (QingPlanItem *self)
{
  return self->start_minute;
}
guint
qing_plan_item_get_length_minutes (QingPlanItem *self)
{
  return self->length_minutes;
}
gint64
qing_plan_item_get_slot_id (QingPlanItem *self)
{
  return self->slot_id;
}
const char *
qing_plan_item_get_slot_label (QingPlanItem *self)
{
  return self->slot_label;
}
QingPlanStatus
qing_plan_item_get_status (QingPlanItem *self)
{
  return self->status;
}
gint64
qing_plan_item_get_talk_id (QingPlanItem *self)
{
  return self->talk_id;
}
const char *
qing_plan_item_get_time_label (QingPlanItem *self)
{
  return self->time_label;
}

/* ---- The models ---- */

#define QING_TYPE_PLAN_MODEL (qing_plan_model_get_type ())
G_DECLARE_FINAL_TYPE (QingPlanModel, qing_plan_model, QING, PLAN_MODEL, GObject)

struct _QingPlanModel
{
  GObject parent_instance;
  QingStore *store;
  gint64 mentor_id;
  GDate first;
  GDate last;
  gboolean follows_today;
  GPtrArray *items;
  gulong changed_handler;
  guint idle_id;
  guint alarm_id;
};

static void
qing_plan_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QingPlanModel, qing_plan_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      qing_plan_model_list_model_init))

static GType
plan_model_get_item_type (GListModel *model)
{
  return QING_TYPE_PLAN_ITEM;
}

static guint
plan_model_get_n_items (GListModel *model)
{
  return QING_PLAN_MODEL (model)->items->len;
}

static gpointer
plan_model_get_item (GListModel *model, guint position)
{
  QingPlanModel *self = QING_PLAN_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
qing_plan_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = plan_model_get_item_type;
  iface->get_n_items = plan_model_get_n_items;
  iface->get_item = plan_model_get_item;
}

static void
qing_plan_model_dispose (GObject *object)
{
  QingPlanModel *self = QING_PLAN_MODEL (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->alarm_id != 0 && self->store != NULL)
    qing_clock_remove_alarm (qing_store_get_clock (self->store), self->alarm_id);
  self->alarm_id = 0;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (qing_plan_model_parent_class)->dispose (object);
}

static void
qing_plan_model_finalize (GObject *object)
{
  g_ptr_array_unref (QING_PLAN_MODEL (object)->items);
  G_OBJECT_CLASS (qing_plan_model_parent_class)->finalize (object);
}

static void
qing_plan_model_class_init (QingPlanModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qing_plan_model_dispose;
  object_class->finalize = qing_plan_model_finalize;
}

static void
qing_plan_model_init (QingPlanModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
}

#define ITEM_SQL                                                                                   \
  "SELECT e.id, e.uuid, e.student_id, p.name, p.care_level, e.day, e.start_minute,"                \
  " coalesce (s.length_minutes / s.capacity, 15), e.slot_id, s.label, e.status, e.talk_id"         \
  " FROM plan_entries e JOIN persons p ON p.id = e.student_id"                                     \
  " LEFT JOIN mentor_slots s ON s.id = e.slot_id"                                                  \
  " WHERE e.mentor_id = ?1 AND e.day BETWEEN ?2 AND ?3"                                            \
  " ORDER BY e.day, e.start_minute, e.position, e.id"

static QingPlanItem *
item_from_row (QingStoreStmt *stmt)
{
  QingPlanItem *item = g_object_new (QING_TYPE_PLAN_ITEM, NULL);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->uuid = g_strdup (COL_TEXT (stmt, 1));
  item->student_id = sqlite3_column_int64 (stmt, 2);
  item->student_name = g_strdup (COL_TEXT (stmt, 3));
  item->care = sqlite3_column_int (stmt, 4);
  qing_calendar_day_parse (COL_TEXT (stmt, 5), &item->day);
  item->start_minute = sqlite3_column_int (stmt, 6);
  item->length_minutes = MAX (sqlite3_column_int (stmt, 7), 1);
  item->slot_id = sqlite3_column_int64 (stmt, 8);
  item->slot_label = g_strdup (COL_TEXT (stmt, 9));
  item->status = sqlite3_column_int (stmt, 10);
  item->talk_id = sqlite3_column_int64 (stmt, 11);
  g_snprintf (item->time_label, sizeof item->time_label, "%02u:%02u", item->start_minute / 60,
              item->start_minute % 60);
  return item;
}

static gboolean
same_item (QingPlanItem *a, QingPlanItem *b)
{
  return a->id == b->id && a->student_id == b->student_id && a->care == b->care
         && g_date_compare (&a->day, &b->day) == 0 && a->start_minute == b->start_minute
         && a->length_minutes == b->length_minutes && a->slot_id == b->slot_id
         && a->status == b->status && a->talk_id == b->talk_id
         && g_strcmp0 (a->student_name, b->student_name) == 0
         && g_strcmp0 (a->slot_label, b->slot_label) == 0;
}

/* Takes @items (transfer full).  When the same entries stay in the same
 * order only the changed ones are announced, so a list keeps its scroll
 * position and selection (a talk marked done, a name edited). */
static void
replace_items (QingPlanModel *self, GPtrArray *items)
{
  g_autoptr (GPtrArray) old = self->items;
  gboolean same_order = old->len == items->len;

  for (guint i = 0; same_order && i < items->len; i++)
    same_order = QING_PLAN_ITEM (g_ptr_array_index (old, i))->id
                 == QING_PLAN_ITEM (g_ptr_array_index (items, i))->id;
  self->items = items;
  if (!same_order)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, items->len);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    if (!same_item (g_ptr_array_index (old, i), g_ptr_array_index (items, i)))
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
}

static gboolean
reload (QingPlanModel *self, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  char a[11], b[11];
  int rc;

  stmt = qing_store_prepare (self->store, ITEM_SQL, error);
  if (stmt == NULL)
    return FALSE;
  qing_calendar_day_format (&self->first, a);
  qing_calendar_day_format (&self->last, b);
  sqlite3_bind_int64 (stmt, 1, self->mentor_id);
  sqlite3_bind_text (stmt, 2, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, b, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (rc != SQLITE_DONE)
    return qing_store_set_error_from_db (self->store, error, _("Reading the plan"));

  replace_items (self, g_steal_pointer (&items));
  return TRUE;
}

static void
reload_or_warn (QingPlanModel *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (!reload (self, &error))
    g_warning ("Could not read the plan: %s", error->message);
}

static gboolean
reload_in_idle (gpointer user_data)
{
  QingPlanModel *self = user_data;

  self->idle_id = 0;
  reload_or_warn (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_row_changed (QingStore *store, const char *table, gint64 row_id, QingStoreChange kind,
                      QingPlanModel *self)
{
  static const char *const tables[] = { "plan_entries", "persons", "mentor_slots", NULL };

  if (self->idle_id == 0 && g_strv_contains (tables, table))
    self->idle_id = g_idle_add (reload_in_idle, self);
}

static void
arm_midnight (QingPlanModel *self);

static void
on_midnight (QingClock *clock, gpointer user_data)
{
  QingPlanModel *self = user_data;

  self->alarm_id = 0;
  arm_midnight (self);
  reload_or_warn (self);
}

/* Sets the range to the clock's today and arms an alarm for the next
 * local midnight. */
static void
arm_midnight (QingPlanModel *self)
{
  QingClock *clock = qing_store_get_clock (self->store);
  g_autoptr (GDateTime) now = qing_clock_get_now (clock);
  g_autoptr (GDateTime) midnight = NULL;
  g_autoptr (GDateTime) tomorrow = NULL;

  g_date_set_dmy (&self->first, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  self->last = self->first;
  midnight
      = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                         g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  tomorrow = g_date_time_add_days (midnight, 1);
  self->alarm_id
      = qing_clock_add_alarm (clock, g_date_time_to_unix (tomorrow), on_midnight, self, NULL);
}

static QingPlanModel *
plan_model_new (QingStore *store, gint64 mentor_id)
{
  QingPlanModel *self = g_object_new (QING_TYPE_PLAN_MODEL, NULL);

  self->store = g_object_ref (store);
  self->mentor_id = mentor_id;
  self->changed_handler
      = g_signal_connect (store, "row-changed", G_CALLBACK (on_store_row_changed), self);
  return self;
}

/* The mentor's entries from @first to @last as a live model.
 * Returns: (transfer full) (element-type QingPlanItem). */
GListModel *
qing_store_plan_model (QingStore *self, gint64 mentor_id, const GDate *first, const GDate *last)
{
  QingPlanModel *model;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);

  model = plan_model_new (self, mentor_id);
  model->first = *first;
  model->last = *last;
  reload_or_warn (model);
  return G_LIST_MODEL (model);
}

/* Today's agenda, following the clock's day.
 * Returns: (transfer full) (element-type QingPlanItem). */
GListModel *
qing_store_today_agenda_model (QingStore *self, gint64 mentor_id)
{
  QingPlanModel *model;

  g_return_val_if_fail (QING_IS_STORE (self), NULL);

  model = plan_model_new (self, mentor_id);
  model->follows_today = TRUE;
  arm_midnight (model);
  reload_or_warn (model);
  return G_LIST_MODEL (model);
}

/* Re-reads a plan model at once. */
void
qing_plan_model_refresh (GListModel *model)
{
  g_return_if_fail (QING_IS_PLAN_MODEL (model));

  reload_or_warn (QING_PLAN_MODEL (model));
}
