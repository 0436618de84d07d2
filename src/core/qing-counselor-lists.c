/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counselor's lists and management records; see qing-counselor-lists.h.
 */
#include "qing-counselor-lists.h"

#include "qing-repository-private.h"
#include "qing-store-calendar.h"

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* Snapshot objects: filled by this file only, read through getters. */

struct _QingCareStatusRow
{
  GObject parent_instance;
  gint64  student_id;
  char   *name;
  char   *class_name;
  char   *sort_key;
  int     care_level;
  int     state;
  guint   count;
  guint   required;
  guint   target;
  char   *status_text;
  gint64  since_utc; /* when the level came in force */
};
G_DEFINE_FINAL_TYPE (QingCareStatusRow, qing_care_status_row, G_TYPE_OBJECT)

struct _QingCareProposal
{
  GObject parent_instance;
  gint64  id;
  gint64  student_id;
  char   *student_name;
  int     level;
  char   *reason;
  char   *proposed_by;
  gint64  set_at_utc;
};
G_DEFINE_FINAL_TYPE (QingCareProposal, qing_care_proposal, G_TYPE_OBJECT)

static void
qing_care_status_row_finalize (GObject *object)
{
  QingCareStatusRow *self = QING_CARE_STATUS_ROW (object);

  g_free (self->name);
  g_free (self->class_name);
  g_free (self->sort_key);
  g_free (self->status_text);
  G_OBJECT_CLASS (qing_care_status_row_parent_class)->finalize (object);
}

static void
qing_care_status_row_class_init (QingCareStatusRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qing_care_status_row_finalize;
}

static void
qing_care_status_row_init (QingCareStatusRow *self)
{
}

static void
qing_care_proposal_finalize (GObject *object)
{
  QingCareProposal *self = QING_CARE_PROPOSAL (object);

  g_free (self->student_name);
  g_free (self->reason);
  g_free (self->proposed_by);
  G_OBJECT_CLASS (qing_care_proposal_parent_class)->finalize (object);
}

static void
qing_care_proposal_class_init (QingCareProposalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qing_care_proposal_finalize;
}

static void
qing_care_proposal_init (QingCareProposal *self)
{
}

/* Getters: see the header. */
gint64
qing_care_status_row_get_student_id (QingCareStatusRow *self)
{
  return self->student_id;
}

const char *
qing_care_status_row_get_name (QingCareStatusRow *self)
{
  return self->name;
}

const char *
qing_care_status_row_get_class_name (QingCareStatusRow *self)
{
  return self->class_name;
}

QingCareLevel
qing_care_status_row_get_care_level (QingCareStatusRow *self)
{
  return self->care_level;
}

QingCadenceState
qing_care_status_row_get_state (QingCareStatusRow *self)
{
  return self->state;
}

guint
qing_care_status_row_get_count (QingCareStatusRow *self)
{
  return self->count;
}

guint
qing_care_status_row_get_required (QingCareStatusRow *self)
{
  return self->required;
}

guint
qing_care_status_row_get_target (QingCareStatusRow *self)
{
  return self->target;
}

const char *
qing_care_status_row_get_status_text (QingCareStatusRow *self)
{
  return self->status_text;
}


gint64
qing_care_proposal_get_id (QingCareProposal *self)
{
  return self->id;
}

gint64
qing_care_proposal_get_student_id (QingCareProposal *self)
{
  return self->student_id;
}

const char *
qing_care_proposal_get_student_name (QingCareProposal *self)
{
  return self->student_name;
}

QingCareLevel
qing_care_proposal_get_level (QingCareProposal *self)
{
  return self->level;
}

const char *
qing_care_proposal_get_reason (QingCareProposal *self)
{
  return self->reason;
}

const char *
qing_care_proposal_get_proposed_by (QingCareProposal *self)
{
  return self->proposed_by;
}

gint64
qing_care_proposal_get_set_at_utc (QingCareProposal *self)
{
  return self->set_at_utc;
}


static gboolean
is_counselor (const QingViewer *viewer)
{
  return viewer != NULL && viewer->role == QING_ROLE_COUNSELOR && viewer->person_id > 0;
}

/* --- Who the counselor is --------------------------------------------- */

static gint64
first_counselor (QingStore *store, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  stmt = qing_store_prepare (store, "SELECT p.id FROM persons p JOIN person_roles r"
                                    " ON r.person_id = p.id AND r.role = 3"
                                    " WHERE p.kind = 3 AND p.archived = 0"
                                    " ORDER BY p.id LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  qing_store_set_error_from_db (store, error, _("Reading the counselors"));
  return -1;
}

static gboolean
add_counselor_role (QingStore *store, gint64 person_id, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (store, "INSERT OR IGNORE INTO person_roles (person_id, role)"
                                    " VALUES (?1, 3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return qing_store_step_done (store, stmt, _("Saving a role"), error);
}

static gboolean
ensure_in_transaction (QingStore *store, gpointer user_data, GError **error)
{
  gint64 *id = user_data;
  g_autoptr (QingPerson) me = NULL;

  *id = first_counselor (store, error);
  if (*id < 0)
    return FALSE;
  if (*id == 0)
    {
      /* Translators: the name given to the app's user as a counselor until
       * they change it */
      me = qing_person_new (QING_PERSON_STAFF, _("Me"));
      if (!qing_store_add_person (store, me, error))
        return FALSE;
      *id = qing_person_get_id (me);
      if (!add_counselor_role (store, *id, error))
        return FALSE;
    }
  return qing_store_set_local_person (store, QING_ROLE_COUNSELOR, *id, error);
}

/* Returns the local counselor's id, made on first use (see the header). */
gint64
qing_counselor_ensure_self (QingStore *store, GError **error)
{
  gint64 id;

  g_return_val_if_fail (QING_IS_STORE (store), 0);

  id = qing_store_get_local_person (store, QING_ROLE_COUNSELOR, error);
  if (id > 0)
    return id;
  if (id < 0)
    return 0;
  if (!qing_store_transaction (store, ensure_in_transaction, &id, error))
    return 0;
  return id;
}

/* Returns the counselors in pinyin order (a new array of QingPerson). */
GPtrArray *
qing_counselor_list_counselors (QingStore *store, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);

  stmt = qing_store_prepare (store, "SELECT " QING_PERSON_COLUMNS " FROM persons p"
                                    " WHERE p.kind = 3 AND p.archived = 0 AND EXISTS"
                                    " (SELECT 1 FROM person_roles r WHERE r.person_id = p.id"
                                    "  AND r.role = 3)" QING_PERSON_ORDER, error);
  if (stmt == NULL)
    return NULL;
  return qing_repository_collect (store, stmt, (QingRowFunc) qing_repository_person_from_row,
                                  _("Reading the counselors"), error);
}

/* --- Cadence lists ----------------------------------------------------- */

static GPtrArray *
load_cared_students (QingStore *store, QingCareLevel level, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = qing_store_prepare (store, "SELECT p.id, p.name, p.pinyin_key,"
                                    " (SELECT g.name FROM group_members m JOIN student_groups g"
                                    "   ON g.id = m.group_id"
                                    "   WHERE m.student_id = p.id AND m.group_kind = 1),"
                                    " (SELECT MAX (c.confirmed_at_utc) FROM care_levels c"
                                    "   WHERE c.student_id = p.id AND c.status = 1)"
                                    " FROM persons p WHERE p.kind = 1 AND p.archived = 0"
                                    " AND p.care_level = ?1" QING_PERSON_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, level);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingCareStatusRow *row = g_object_new (QING_TYPE_CARE_STATUS_ROW, NULL);

      row->student_id = sqlite3_column_int64 (stmt, 0);
      row->name = g_strdup (COL_TEXT (stmt, 1));
      row->sort_key = g_strdup (COL_TEXT (stmt, 2));
      row->class_name = g_strdup (COL_TEXT (stmt, 3));
      row->since_utc = sqlite3_column_int64 (stmt, 4);
      row->care_level = level;
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (store, error, _("Reading the students"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static int
state_rank (int state)
{
  switch (state)
    {
    case QING_CADENCE_OVERDUE: return 0;
    case QING_CADENCE_DUE: return 1;
    case QING_CADENCE_DONE: return 2;
    default: return 3;
    }
}

static int
compare_ids (gconstpointer pa, gconstpointer pb)
{
  gint64 a = (*(QingCareStatusRow **) pa)->student_id;
  gint64 b = (*(QingCareStatusRow **) pb)->student_id;

  return (a > b) - (a < b);
}

static int
compare_status_rows (gconstpointer pa, gconstpointer pb)
{
  QingCareStatusRow *a = *(QingCareStatusRow **) pa;
  QingCareStatusRow *b = *(QingCareStatusRow **) pb;
  int cmp;

  if (state_rank (a->state) != state_rank (b->state))
    return state_rank (a->state) - state_rank (b->state);
  if (a->count != b->count)
    return a->count < b->count ? -1 : 1;
  cmp = g_strcmp0 (a->sort_key, b->sort_key);
  return cmp != 0 ? cmp : (a->student_id > b->student_id) - (a->student_id < b->student_id);
}

/* The engine counts a missed previous period as overdue; a student whose
 * level came in force during this period had no previous one to miss. */
static gboolean
is_new_this_period (QingCareStatusRow *row, const QingCadenceStatus *st, GTimeZone *tz)
{
  g_autoptr (GDateTime) first = NULL;

  if (!g_date_valid (&st->period_first) || row->since_utc <= 0)
    return FALSE;
  first = g_date_time_new (tz, g_date_get_year (&st->period_first),
                           g_date_get_month (&st->period_first),
                           g_date_get_day (&st->period_first), 0, 0, 0);
  return first != NULL && row->since_utc >= g_date_time_to_unix (first);
}

static void
apply_statuses (GPtrArray *rows, const QingCadenceStatus *statuses, GTimeZone *tz)
{
  for (guint i = 0; i < rows->len; i++)
    {
      QingCareStatusRow *row = g_ptr_array_index (rows, i);
      QingCadenceStatus st = statuses[i];

      if (st.state == QING_CADENCE_OVERDUE && is_new_this_period (row, &st, tz))
        {
          st.state = QING_CADENCE_DUE;
          st.overdue_days = 0;
          st.missed_last_period = FALSE;
        }
      row->state = st.state;
      row->count = st.count;
      row->required = st.required;
      row->target = st.target;
      row->status_text = qing_cadence_describe_status (&st);
    }
}

/* Returns the students at care @level with the counselors' rule (see
 * the header); a new array of QingCareStatusRow. */
GPtrArray *
qing_counselor_list_care_status (QingStore    *store,
                                 QingCareLevel level,
                                 gint64        now_utc,
                                 GError      **error)
{
  g_autoptr (QingSchoolCalendar) cal = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) spans = NULL;
  g_autoptr (GArray) subjects = g_array_new (FALSE, FALSE, sizeof (QingCadenceSubject));
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree QingCadenceStatus *statuses = NULL;
  const QingCadenceRuleInfo *rule;
  GTimeZone *tz;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (level == QING_CARE_KEY_CARE || level == QING_CARE_CLEAR_SIGNS, NULL);

  rule = qing_cadence_rule_get_default (level == QING_CARE_KEY_CARE
                                        ? QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY
                                        : QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY);
  tz = qing_clock_get_timezone (qing_store_get_clock (store));
  if ((cal = qing_store_load_school_calendar (store, error)) == NULL
      || (rows = load_cared_students (store, level, error)) == NULL)
    return NULL;
  if (rows->len == 0)
    return g_steal_pointer (&rows);
  /* The engine takes its subjects in id order. */
  g_ptr_array_sort (rows, compare_ids);
  for (guint i = 0; i < rows->len; i++)
    {
      QingCareStatusRow *row = g_ptr_array_index (rows, i);
      QingCadenceSubject subject = { row->student_id, level };

      g_array_append_val (subjects, subject);
      g_array_append_val (ids, row->student_id);
    }
  /* Only the window the rule looks at: cost follows the students. */
  spans = qing_store_list_talk_spans_by_role (store, (gint64 *) (gpointer) ids->data, ids->len,
                                              QING_ROLE_COUNSELOR,
                                              qing_cadence_get_window_start (cal, tz, now_utc,
                                                                             rule, 1),
                                              now_utc + 1, error);
  if (spans == NULL)
    return NULL;
  statuses = qing_cadence_evaluate_many (cal, tz, now_utc, rule, 1,
                                         (QingCadenceSubject *) (gpointer) subjects->data,
                                         subjects->len,
                                         (QingTalkSpan *) (gpointer) spans->data, spans->len);
  apply_statuses (rows, statuses, tz);
  g_ptr_array_sort (rows, compare_status_rows);
  return g_steal_pointer (&rows);
}

/* --- Care level proposals ---------------------------------------------- */

/* Returns the proposals waiting for a counselor (see the header). */
GPtrArray *
qing_counselor_list_proposals (QingStore *store, const QingViewer *viewer, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);

  if (!is_counselor (viewer))
    return g_steal_pointer (&items);
  stmt = qing_store_prepare (store, "SELECT c.id, c.student_id, s.name, c.level, c.reason,"
                                    " b.name, c.set_at_utc FROM care_levels c"
                                    " JOIN persons s ON s.id = c.student_id"
                                    " LEFT JOIN persons b ON b.id = c.set_by"
                                    " WHERE c.status = 0 ORDER BY c.set_at_utc, c.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QingCareProposal *p = g_object_new (QING_TYPE_CARE_PROPOSAL, NULL);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->student_id = sqlite3_column_int64 (stmt, 1);
      p->student_name = g_strdup (COL_TEXT (stmt, 2));
      p->level = sqlite3_column_int (stmt, 3);
      p->reason = g_strdup (COL_TEXT (stmt, 4));
      p->proposed_by = g_strdup (COL_TEXT (stmt, 5));
      p->set_at_utc = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (items, p);
    }
  if (rc != SQLITE_DONE)
    {
      qing_store_set_error_from_db (store, error, _("Reading care levels"));
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* Confirms or declines a proposal (a decline needs @reason, kept as the
 * change's decision_note; a confirmation may have one). */
gboolean
qing_counselor_decide_proposal (QingStore  *store,
                                gint64      change_id,
                                gint64      counselor_id,
                                gboolean    confirm,
                                const char *reason,
                                GError    **error)
{
  g_return_val_if_fail (QING_IS_STORE (store), FALSE);

  if (!confirm && qing_repository_is_blank (reason))
    return qing_repository_fail (error, QING_REPOSITORY_ERROR_INVALID,
                                 _("Say why you decline the proposal."));
  return qing_store_decide_care_level (store, change_id, counselor_id, confirm, reason, error);
}
