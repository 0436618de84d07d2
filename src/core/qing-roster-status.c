/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor's roster: the group's students with their cadence states,
 * from two queries (students; their mentor talks in the cadence window).
 */
#include "qing-roster-status.h"

#include "qing-list-diff.h"
#include "qing-pinyin.h"
#include "qing-repository-private.h"
#include "qing-store-calendar.h"

#include <string.h>

#define COL_TEXT(stmt, i) ((const char *)sqlite3_column_text ((stmt), (i)))

/* The rules evaluated for each student, in this order. */
enum
{
  RULE_CYCLE,
  RULE_AT_RISK,
  RULE_GUARDIAN,
  N_RULES
};

/* ---- QingRosterEntry ---- */

struct _QingRosterEntry
{
  GObject parent_instance;
  gint64 student_id;
  char *name;
  char *initials;
  char *letters;
  char *sort_key;
  QingCareLevel care;
  QingRosterState state;
  char *status_text;
  gint days_since_last_talk;
  QingCadenceStatus statuses[N_RULES];
};

G_DEFINE_FINAL_TYPE (QingRosterEntry, qing_roster_entry, G_TYPE_OBJECT)

enum
{
  ROW_PROP_0,
  ROW_PROP_STUDENT_ID,
  ROW_PROP_NAME,
  ROW_PROP_INITIALS,
  ROW_PROP_SORT_KEY,
  ROW_PROP_CARE_LEVEL,
  ROW_PROP_STATE,
  ROW_PROP_STATUS_TEXT,
  ROW_PROP_DONE_DAY,
  ROW_PROP_SCHOOL_DAYS_LEFT,
  ROW_PROP_MISSED_LAST_CYCLE,
  ROW_PROP_DAYS_SINCE_LAST_TALK,
  ROW_PROP_AT_RISK_STATE,
  ROW_PROP_GUARDIAN_STATE,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
qing_roster_entry_finalize (GObject *object)
{
  QingRosterEntry *self = QING_ROSTER_ENTRY (object);

  g_free (self->name);
  g_free (self->initials);
  g_free (self->letters);
  g_free (self->sort_key);
  g_free (self->status_text);
  G_OBJECT_CLASS (qing_roster_entry_parent_class)->finalize (object);
}

static void
qing_roster_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  QingRosterEntry *self = QING_ROSTER_ENTRY (object);

  switch (prop_id)
    {
    case ROW_PROP_STUDENT_ID:
      g_value_set_int64 (value, self->student_id);
      break;
    case ROW_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ROW_PROP_INITIALS:
      g_value_set_string (value, self->initials);
      break;
    case ROW_PROP_SORT_KEY:
      g_value_set_string (value, self->sort_key);
      break;
    case ROW_PROP_CARE_LEVEL:
      g_value_set_int (value, self->care);
      break;
    case ROW_PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case ROW_PROP_STATUS_TEXT:
      g_value_set_string (value, self->status_text);
      break;
    case ROW_PROP_DONE_DAY:
      if (self->state == QING_ROSTER_DONE)
        {
          char day[11];

          qing_calendar_day_format (&self->statuses[RULE_CYCLE].done_day, day);
          g_value_set_string (value, day);
        }
      else
        g_value_set_string (value, NULL);
      break;
    case ROW_PROP_SCHOOL_DAYS_LEFT:
      g_value_set_uint (value, self->statuses[RULE_CYCLE].school_days_left);
      break;
    case ROW_PROP_MISSED_LAST_CYCLE:
      g_value_set_boolean (value, self->statuses[RULE_CYCLE].missed_last_period);
      break;
    case ROW_PROP_DAYS_SINCE_LAST_TALK:
      g_value_set_int (value, self->days_since_last_talk);
      break;
    case ROW_PROP_AT_RISK_STATE:
      g_value_set_int (value, self->statuses[RULE_AT_RISK].state);
      break;
    case ROW_PROP_GUARDIAN_STATE:
      g_value_set_int (value, self->statuses[RULE_GUARDIAN].state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_roster_entry_class_init (QingRosterEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = qing_roster_entry_finalize;
  object_class->get_property = qing_roster_entry_get_property;

  row_properties[ROW_PROP_STUDENT_ID]
      = g_param_spec_int64 ("student-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  row_properties[ROW_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_INITIALS] = g_param_spec_string ("initials", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_SORT_KEY] = g_param_spec_string ("sort-key", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_CARE_LEVEL]
      = g_param_spec_int ("care-level", NULL, NULL, 0, QING_CARE_CLEAR_SIGNS, 0, flags);
  row_properties[ROW_PROP_STATE]
      = g_param_spec_int ("state", NULL, NULL, 0, QING_ROSTER_OVERDUE, 0, flags);
  row_properties[ROW_PROP_STATUS_TEXT]
      = g_param_spec_string ("status-text", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DONE_DAY] = g_param_spec_string ("done-day", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_SCHOOL_DAYS_LEFT]
      = g_param_spec_uint ("school-days-left", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_MISSED_LAST_CYCLE]
      = g_param_spec_boolean ("missed-last-cycle", NULL, NULL, FALSE, flags);
  row_properties[ROW_PROP_DAYS_SINCE_LAST_TALK]
      = g_param_spec_int ("days-since-last-talk", NULL, NULL, -1, G_MAXINT, -1, flags);
  row_properties[ROW_PROP_AT_RISK_STATE]
      = g_param_spec_int ("at-risk-state", NULL, NULL, 0, QING_CADENCE_OVERDUE, 0, flags);
  row_properties[ROW_PROP_GUARDIAN_STATE]
      = g_param_spec_int ("guardian-state", NULL, NULL, 0, QING_CADENCE_OVERDUE, 0, flags);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
qing_roster_entry_init (QingRosterEntry *self)
{
  self->days_since_last_talk = -1;
}

gint64
qing_roster_entry_get_student_id (QingRosterEntry *self)
{
  return self->student_id;
}
const char *
qing_roster_entry_get_name (QingRosterEntry *self)
{
  return self->name;
}
const char *
qing_roster_entry_get_initials (QingRosterEntry *self)
{
  return self->initials;
}
const char *
qing_roster_entry_get_sort_key (QingRosterEntry *self)
{
  return self->sort_key;
}
QingCareLevel
qing_roster_entry_get_care_level (QingRosterEntry *self)
{
  return self->care;
}
QingRosterState
qing_roster_entry_get_state (QingRosterEntry *self)
{
  return self->state;
}
const char *
qing_roster_entry_get_status_text (QingRosterEntry *self)
{
  return self->status_text;
}
gint
qing_roster_entry_get_days_since_last_talk (QingRosterEntry *self)
{
  return self->days_since_last_talk;
}

/* The local day of the talk that made the cycle done; NULL unless DONE. */
const GDate *
qing_roster_entry_get_done_day (QingRosterEntry *self)
{
  g_return_val_if_fail (QING_IS_ROSTER_ENTRY (self), NULL);
  return self->state == QING_ROSTER_DONE ? &self->statuses[RULE_CYCLE].done_day : NULL;
}

guint
qing_roster_entry_get_school_days_left (QingRosterEntry *self)
{
  return self->statuses[RULE_CYCLE].school_days_left;
}

gboolean
qing_roster_entry_get_missed_last_cycle (QingRosterEntry *self)
{
  return self->statuses[RULE_CYCLE].missed_last_period;
}

QingCadenceState
qing_roster_entry_get_at_risk_state (QingRosterEntry *self)
{
  return self->statuses[RULE_AT_RISK].state;
}

QingCadenceState
qing_roster_entry_get_guardian_state (QingRosterEntry *self)
{
  return self->statuses[RULE_GUARDIAN].state;
}

const QingCadenceStatus *
qing_roster_entry_get_cycle_status (QingRosterEntry *self)
{
  return &self->statuses[RULE_CYCLE];
}

const QingCadenceStatus *
qing_roster_entry_get_at_risk_status (QingRosterEntry *self)
{
  return &self->statuses[RULE_AT_RISK];
}

const QingCadenceStatus *
qing_roster_entry_get_guardian_status (QingRosterEntry *self)
{
  return &self->statuses[RULE_GUARDIAN];
}

/* TRUE when @query finds this student: part of the name, pinyin initials
 * ("zs") or letters ("zhangsan"); an empty query finds everyone. */
gboolean
qing_roster_entry_matches (QingRosterEntry *self, const char *query)
{
  g_return_val_if_fail (QING_IS_ROSTER_ENTRY (self), FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;
  return qing_pinyin_matches (self->name, query);
}

/* ---- QingRosterStatus ---- */

struct _QingRosterStatus
{
  GObject parent_instance;
  QingStore *store;
  gint64 group_id;
  QingViewer viewer;
  GPtrArray *rows;
  char *header;
  QingCycle cycle;
  QingCadenceSummary summary;
  QingRosterSort sort;
  gulong changed_handler;
  guint idle_id;
};

static void
qing_roster_status_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QingRosterStatus, qing_roster_status, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      qing_roster_status_list_model_init))

static GType
roster_get_item_type (GListModel *model)
{
  return QING_TYPE_ROSTER_ENTRY;
}

static guint
roster_get_n_items (GListModel *model)
{
  return QING_ROSTER_STATUS (model)->rows->len;
}

static gpointer
roster_get_item (GListModel *model, guint position)
{
  QingRosterStatus *self = QING_ROSTER_STATUS (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
qing_roster_status_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = roster_get_item_type;
  iface->get_n_items = roster_get_n_items;
  iface->get_item = roster_get_item;
}

static void
qing_roster_status_dispose (GObject *object)
{
  QingRosterStatus *self = QING_ROSTER_STATUS (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (qing_roster_status_parent_class)->dispose (object);
}

static void
qing_roster_status_finalize (GObject *object)
{
  QingRosterStatus *self = QING_ROSTER_STATUS (object);

  g_ptr_array_unref (self->rows);
  g_free (self->header);
  G_OBJECT_CLASS (qing_roster_status_parent_class)->finalize (object);
}

static void
qing_roster_status_class_init (QingRosterStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qing_roster_status_dispose;
  object_class->finalize = qing_roster_status_finalize;
}

static void
qing_roster_status_init (QingRosterStatus *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/* ---- Computing ---- */

typedef struct
{
  gint64 id;
  char *name;
  char *pinyin_key;
  QingCareLevel care;
  gint64 last_talk_utc;
} Student;

static void
student_clear (Student *student)
{
  g_free (student->name);
  g_free (student->pinyin_key);
}

/* Mentor talks the viewer may see: the viewer's own, and others' by
 * visibility (QING_VISIBLE_SQL, author = the listener).
 *
 * The plan is pinned, whatever the statistics say: the group's members are
 * the outer loop (CROSS JOIN) and each one's talks are an index range on
 * talks_by_student (student_id, start_utc).  Without ANALYZE data SQLite
 * chose talks_by_role_time instead, scanning every mentor talk of the
 * school once per student: 3 to 10 s for a group of 3,000 instead of
 * 30 ms. */
#define STUDENTS_SQL                                                                               \
  "SELECT p.id, p.name, p.pinyin_key, p.care_level,"                                               \
  " (SELECT max (t.start_utc) FROM talks t INDEXED BY talks_by_student"                            \
  "   WHERE t.student_id = p.id AND t.listener_role = 2"                                           \
  "   AND t.with_guardian = 0 AND t.duration_s >= ?3 AND t.start_utc <= ?2"                        \
  "   AND " QING_VISIBLE_SQL ("t", "listener_id", "listener_role") ")"                               \
                          " FROM group_members m CROSS JOIN persons p ON p.id = m.student_id"      \
                          " WHERE m.group_id = ?1 AND p.archived = 0 ORDER BY p.id"

#define SPANS_SQL                                                                                  \
  "SELECT t.student_id, t.start_utc, t.duration_s, t.listener_id, t.listener_role,"                \
  " t.with_guardian FROM group_members m"                                                          \
  " CROSS JOIN talks t INDEXED BY talks_by_student ON t.student_id = m.student_id"                 \
  " WHERE m.group_id = ?1 AND t.listener_role = 2 AND t.start_utc >= ?2 AND t.start_utc <= ?3"     \
  " AND " QING_VISIBLE_SQL ("t", "listener_id", "listener_role")                                    \
  " ORDER BY t.student_id, t.start_utc"

static GArray *
load_students (QingRosterStatus *self, gint64 now_utc, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (self->store, STUDENTS_SQL, error);
  g_autoptr (GArray) students = g_array_new (FALSE, TRUE, sizeof (Student));
  int rc;

  if (stmt == NULL)
    return NULL;
  g_array_set_clear_func (students, (GDestroyNotify)student_clear);
  sqlite3_bind_int64 (stmt, 1, self->group_id);
  sqlite3_bind_int64 (stmt, 2, now_utc);
  sqlite3_bind_int (stmt, 3, QING_EFFECTIVE_TALK_SECONDS);
  qing_repository_bind_viewer (stmt, &self->viewer);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Student s = { 0 };

      s.id = sqlite3_column_int64 (stmt, 0);
      s.name = g_strdup (COL_TEXT (stmt, 1));
      s.pinyin_key = g_strdup (COL_TEXT (stmt, 2));
      s.care = sqlite3_column_int (stmt, 3);
      s.last_talk_utc = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (students, s);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (self->store, error, _("Reading the roster"));
      return NULL;
    }
  return g_steal_pointer (&students);
}

static GArray *
load_spans (QingRosterStatus *self, gint64 from_utc, gint64 now_utc, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (self->store, SPANS_SQL, error);
  g_autoptr (GArray) spans = g_array_new (FALSE, TRUE, sizeof (QingTalkSpan));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->group_id);
  sqlite3_bind_int64 (stmt, 2, from_utc);
  sqlite3_bind_int64 (stmt, 3, now_utc);
  qing_repository_bind_viewer (stmt, &self->viewer);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingTalkSpan span = { 0 };

      span.student_id = sqlite3_column_int64 (stmt, 0);
      span.start_utc = sqlite3_column_int64 (stmt, 1);
      span.duration_s = sqlite3_column_int (stmt, 2);
      span.listener_id = sqlite3_column_int64 (stmt, 3);
      span.listener_role = sqlite3_column_int (stmt, 4);
      span.with_guardian = sqlite3_column_int (stmt, 5) != 0;
      g_array_append_val (spans, span);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (self->store, error, _("Reading the roster"));
      return NULL;
    }
  return g_steal_pointer (&spans);
}

static void
fill_rules (QingCadenceRuleInfo rules[N_RULES])
{
  rules[RULE_CYCLE] = *qing_cadence_rule_get_default (QING_CADENCE_MENTOR_BIWEEKLY);
  rules[RULE_AT_RISK] = *qing_cadence_rule_get_default (QING_CADENCE_MENTOR_AT_RISK);
  rules[RULE_GUARDIAN] = *qing_cadence_rule_get_default (QING_CADENCE_MENTOR_AT_RISK_GUARDIAN);
}

static guint32
local_julian (GTimeZone *tz, gint64 utc)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (dt, tz);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return g_date_get_julian (&day);
}

static QingRosterEntry *
make_row (Student *student, const QingCadenceStatus *statuses, guint32 today, GTimeZone *tz)
{
  QingRosterEntry *row = g_object_new (QING_TYPE_ROSTER_ENTRY, NULL);

  row->student_id = student->id;
  row->name = g_steal_pointer (&student->name);
  /* The same key as qing_pinyin_compare(), computed once per row. */
  row->sort_key = qing_pinyin_sort_key (row->name);
  row->initials = qing_pinyin_initials (row->name);
  row->care = student->care;
  memcpy (row->statuses, statuses, sizeof row->statuses);
  switch (statuses[RULE_CYCLE].state)
    {
    case QING_CADENCE_DONE:
      row->state = QING_ROSTER_DONE;
      break;
    case QING_CADENCE_DUE:
      row->state = QING_ROSTER_WAITING;
      break;
    case QING_CADENCE_OVERDUE:
      row->state = QING_ROSTER_OVERDUE;
      break;
    case QING_CADENCE_NOT_APPLICABLE:
    default:
      row->state = QING_ROSTER_NOT_APPLICABLE;
      break;
    }
  row->status_text = qing_cadence_describe_status (&statuses[RULE_CYCLE]);
  if (student->last_talk_utc > 0)
    row->days_since_last_talk = (gint)today - (gint)local_julian (tz, student->last_talk_utc);
  return row;
}

static int
state_rank (QingRosterState state)
{
  switch (state)
    {
    case QING_ROSTER_OVERDUE:
      return 0;
    case QING_ROSTER_WAITING:
      return 1;
    case QING_ROSTER_DONE:
      return 2;
    case QING_ROSTER_NOT_APPLICABLE:
    default:
      return 3;
    }
}

static int
compare_by_name (QingRosterEntry *a, QingRosterEntry *b)
{
  int cmp = g_strcmp0 (a->sort_key, b->sort_key);

  if (cmp != 0)
    return cmp;
  return (a->student_id > b->student_id) - (a->student_id < b->student_id);
}

static int
compare_by_urgency (gconstpointer pa, gconstpointer pb)
{
  QingRosterEntry *a = *(QingRosterEntry **)pa;
  QingRosterEntry *b = *(QingRosterEntry **)pb;
  gint wa = a->days_since_last_talk < 0 ? G_MAXINT : a->days_since_last_talk;
  gint wb = b->days_since_last_talk < 0 ? G_MAXINT : b->days_since_last_talk;

  if (state_rank (a->state) != state_rank (b->state))
    return state_rank (a->state) - state_rank (b->state);
  if (a->care != b->care)
    return a->care > b->care ? -1 : 1;
  if (wa != wb)
    return wa > wb ? -1 : 1;
  return compare_by_name (a, b);
}

static int
compare_rows_by_name (gconstpointer pa, gconstpointer pb)
{
  return compare_by_name (*(QingRosterEntry **)pa, *(QingRosterEntry **)pb);
}

static void
sort_rows (QingRosterStatus *self, GPtrArray *rows)
{
  g_ptr_array_sort (rows, self->sort == QING_ROSTER_SORT_NAME ? compare_rows_by_name
                                                              : compare_by_urgency);
}

/* The cycle and the header sentence, also for a group without students. */
static void
describe (QingRosterStatus *self, QingSchoolCalendar *cal, GTimeZone *tz, gint64 now_utc,
          const QingCadenceRuleInfo *rule, const QingCadenceStatus *statuses, gsize n_students)
{
  QingCadenceStatus period;

  qing_cadence_evaluate (cal, tz, now_utc, rule, 0, QING_CARE_NORMAL, NULL, 0, &period);
  qing_cadence_summarize (statuses, n_students, N_RULES, &self->summary);
  g_free (self->header);
  memset (&self->cycle, 0, sizeof self->cycle);
  if (period.state == QING_CADENCE_NOT_APPLICABLE)
    {
      self->header = g_strdup (_("No talk cycle now: outside the school term"));
      return;
    }
  self->cycle.number = period.cycle_number;
  self->cycle.first = period.period_first;
  self->cycle.last = period.period_last;
  self->header = qing_cadence_describe_cycle (&period, &self->summary);
}

static gboolean
same_row (QingRosterEntry *a, QingRosterEntry *b)
{
  return a->student_id == b->student_id && a->care == b->care && a->state == b->state
         && a->days_since_last_talk == b->days_since_last_talk && g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->status_text, b->status_text) == 0
         && memcmp (a->statuses, b->statuses, sizeof a->statuses) == 0;
}

static gint64
row_key (gpointer row)
{
  return QING_ROSTER_ENTRY (row)->student_id;
}

static gboolean
same_row_func (gpointer a, gpointer b)
{
  return same_row (a, b);
}

/* Takes @rows (transfer full), sorted, and announces precise changes
 * (qing_list_diff_apply()): a moved row is inserted at its new place and
 * removed from the old one; a row whose contents changed in place is
 * replaced (i, 1, 1), so a list view keeps its scroll position and
 * selection. */
static void
replace_rows (QingRosterStatus *self, GPtrArray *rows)
{
  qing_list_diff_apply (G_LIST_MODEL (self), &self->rows, rows, row_key, same_row_func);
}

static gboolean
compute_at (QingRosterStatus *self, gint64 now_utc, GError **error)
{
  g_autoptr (QingSchoolCalendar) cal = qing_store_load_school_calendar (self->store, error);
  GTimeZone *tz = qing_clock_get_timezone (qing_store_get_clock (self->store));
  QingCadenceRuleInfo rules[N_RULES];
  g_autoptr (GArray) students = NULL;
  g_autoptr (GArray) spans = NULL;
  g_autoptr (GArray) subjects = g_array_new (FALSE, FALSE, sizeof (QingCadenceSubject));
  g_autofree QingCadenceStatus *statuses = NULL;
  GPtrArray *rows;
  guint32 today;

  if (cal == NULL)
    return FALSE;
  fill_rules (rules);
  students = load_students (self, now_utc, error);
  if (students == NULL)
    return FALSE;
  spans = load_spans (self, qing_cadence_get_window_start (cal, tz, now_utc, rules, N_RULES),
                      now_utc, error);
  if (spans == NULL)
    return FALSE;

  for (guint i = 0; i < students->len; i++)
    {
      Student *s = &g_array_index (students, Student, i);
      QingCadenceSubject subject = { s->id, s->care };

      g_array_append_val (subjects, subject);
    }
  statuses = qing_cadence_evaluate_many (
      cal, tz, now_utc, rules, N_RULES, (QingCadenceSubject *)(gpointer)subjects->data,
      subjects->len, (QingTalkSpan *)(gpointer)spans->data, spans->len);
  describe (self, cal, tz, now_utc, &rules[RULE_CYCLE], statuses, students->len);

  today = local_julian (tz, now_utc);
  rows = g_ptr_array_new_full (students->len, g_object_unref);
  for (guint i = 0; i < students->len; i++)
    g_ptr_array_add (
        rows, make_row (&g_array_index (students, Student, i), &statuses[i * N_RULES], today, tz));
  sort_rows (self, rows);
  replace_rows (self, rows);
  return TRUE;
}

static gboolean
refresh_in_idle (gpointer user_data)
{
  QingRosterStatus *self = user_data;
  g_autoptr (GError) error = NULL;

  self->idle_id = 0;
  if (!qing_roster_status_refresh (self, &error))
    g_warning ("Could not refresh the roster: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
on_store_row_changed (QingStore *store, const char *table, gint64 row_id, QingStoreChange kind,
                      QingRosterStatus *self)
{
  static const char *const tables[] = {
    "talks",       "persons", "group_members", "care_levels", "terms", "calendar_exceptions",
    "key_periods", NULL,
  };

  if (self->idle_id == 0 && g_strv_contains (tables, table))
    self->idle_id = g_idle_add (refresh_in_idle, self);
}

/* Computes the roster of @group_id as @viewer sees it at @now_utc.
 * Returns: (transfer full): the roster, or NULL with @error set. */
QingRosterStatus *
qing_roster_status_compute (QingStore *store, gint64 group_id, const QingViewer *viewer,
                            gint64 now_utc, GError **error)
{
  g_autoptr (QingRosterStatus) self = NULL;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);

  self = g_object_new (QING_TYPE_ROSTER_STATUS, NULL);
  self->store = g_object_ref (store);
  self->group_id = group_id;
  self->viewer = *viewer;
  if (!compute_at (self, now_utc, error))
    return NULL;
  self->changed_handler
      = g_signal_connect (store, "row-changed", G_CALLBACK (on_store_row_changed), self);
  return g_steal_pointer (&self);
}

/* Recomputes at the store clock's now and emits items-changed. */
gboolean
qing_roster_status_refresh (QingRosterStatus *self, GError **error)
{
  g_return_val_if_fail (QING_IS_ROSTER_STATUS (self), FALSE);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  return compute_at (self, qing_store_now (self->store), error);
}

const char *
qing_roster_status_get_header (QingRosterStatus *self)
{
  g_return_val_if_fail (QING_IS_ROSTER_STATUS (self), NULL);
  return self->header;
}

const QingCycle *
qing_roster_status_get_cycle (QingRosterStatus *self)
{
  g_return_val_if_fail (QING_IS_ROSTER_STATUS (self), NULL);
  return &self->cycle;
}

const QingCadenceSummary *
qing_roster_status_get_summary (QingRosterStatus *self)
{
  g_return_val_if_fail (QING_IS_ROSTER_STATUS (self), NULL);
  return &self->summary;
}

QingRosterSort
qing_roster_status_get_sort (QingRosterStatus *self)
{
  g_return_val_if_fail (QING_IS_ROSTER_STATUS (self), QING_ROSTER_SORT_URGENCY);
  return self->sort;
}

/* Sorts by urgency or by name (pinyin) and emits items-changed: the moved
 * rows, or the whole list when most rows move. */
void
qing_roster_status_set_sort (QingRosterStatus *self, QingRosterSort sort)
{
  GPtrArray *rows;

  g_return_if_fail (QING_IS_ROSTER_STATUS (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  rows = g_ptr_array_new_full (self->rows->len, g_object_unref);
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (self->rows, i)));
  sort_rows (self, rows);
  replace_rows (self, rows);
}

/* The row of @student_id, or NULL.  Returns: (transfer none) (nullable). */
QingRosterEntry *
qing_roster_status_find (QingRosterStatus *self, gint64 student_id)
{
  g_return_val_if_fail (QING_IS_ROSTER_STATUS (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      QingRosterEntry *row = g_ptr_array_index (self->rows, i);

      if (row->student_id == student_id)
        return row;
    }
  return NULL;
}
