/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mentor's roster: states in the cycle, days since the last talk,
 * confidentiality of other mentors' private talks, care-level cadences,
 * urgency and pinyin order, search, and the update after a talk.
 */
#include <locale.h>
#include <string.h>

#include "qing-list-diff.h"
#include "qing-roster-status.h"
#include "qing-store-peer.h"
#include "test-mentor-util.h"

typedef struct
{
  MentorFixture fx;
  gint64 mentor, other_mentor, counselor, group;
  gint64 xiaoming, yutong, zihan, siyuan, yinuo;
} Roster;

/* Monday 30 Nov 2026, cycle 7 (23 Nov–6 Dec) of the term. */
static void
roster_setup (Roster *r)
{
  g_autoptr (GError) error = NULL;
  gint64 other_group;

  mentor_fixture_open (&r->fx, "2026-11-30 10:00");
  mentor_fixture_add_calendar (&r->fx);
  r->mentor = mentor_add_staff (r->fx.store, "王老师");
  r->other_mentor = mentor_add_staff (r->fx.store, "刘老师");
  r->counselor = mentor_add_staff (r->fx.store, "周老师");
  r->group = mentor_add_group (r->fx.store, "初一（3）班", r->mentor);
  other_group = mentor_add_group (r->fx.store, "初一（4）班", r->other_mentor);
  r->xiaoming = mentor_add_student (r->fx.store, "张小明", r->group);
  r->yutong = mentor_add_student (r->fx.store, "李雨桐", r->group);
  r->zihan = mentor_add_student (r->fx.store, "王子涵", r->group);
  r->siyuan = mentor_add_student (r->fx.store, "陈思远", r->group);
  r->yinuo = mentor_add_student (r->fx.store, "赵一诺", r->group);
  /* Not in the group: never on the roster. */
  mentor_add_student (r->fx.store, "孙小雨", other_group);

  /* Done this cycle. */
  mentor_add_talk (r->fx.store, r->xiaoming, r->mentor, "2026-11-24 12:30", 20,
                   QING_VISIBILITY_PRIVATE);
  /* Talked in the last cycle: waiting. */
  mentor_add_talk (r->fx.store, r->yutong, r->mentor, "2026-11-12 16:00", 15,
                   QING_VISIBILITY_PRIVATE);
  /* Another mentor's talk shared with the school counts. */
  mentor_add_talk (r->fx.store, r->siyuan, r->other_mentor, "2026-11-13 12:30", 15,
                   QING_VISIBILITY_SCHOOL);
  /* A talk too short never counts. */
  mentor_add_talk (r->fx.store, r->siyuan, r->mentor, "2026-11-26 12:30", 10,
                   QING_VISIBILITY_PRIVATE);
  /* Another mentor's private talk is not the viewer's to see. */
  mentor_add_talk (r->fx.store, r->yinuo, r->other_mentor, "2026-11-26 12:30", 30,
                   QING_VISIBILITY_PRIVATE);
  /* A talk two years ago: days since the last talk, outside the window. */
  mentor_add_talk (r->fx.store, r->yinuo, r->mentor, "2024-11-30 09:00", 15,
                   QING_VISIBILITY_PRIVATE);

  g_assert_true (qing_store_set_care_level (r->fx.store, r->zihan, QING_CARE_KEY_CARE, r->counselor,
                                            QING_ROLE_COUNSELOR, "Screening follow-up", &error));
  g_assert_no_error (error);
}

static void
roster_teardown (Roster *r)
{
  mentor_fixture_close (&r->fx);
}

static QingRosterStatus *
compute (Roster *r)
{
  QingViewer viewer = { r->mentor, QING_ROLE_MENTOR };
  g_autoptr (GError) error = NULL;
  QingRosterStatus *roster;

  roster = qing_roster_status_compute (r->fx.store, r->group, &viewer,
                                       qing_clock_get_now_unix (r->fx.clock), &error);
  g_assert_no_error (error);
  g_assert_nonnull (roster);
  return roster;
}

static QingRosterEntry *
row_of (QingRosterStatus *roster, gint64 student_id)
{
  QingRosterEntry *row = qing_roster_status_find (roster, student_id);

  g_assert_nonnull (row);
  return row;
}

static void
test_states (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  QingRosterEntry *row;
  const GDate *done;

  roster_setup (&r);
  roster = compute (&r);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (roster)), ==, 5);
  g_assert_cmpstr (qing_roster_status_get_header (roster), ==,
                   "Cycle 7 · Nov 23–Dec 6 · 1 of 5 done");
  g_assert_cmpuint (qing_roster_status_get_cycle (roster)->number, ==, 7);
  g_assert_cmpuint (qing_roster_status_get_summary (roster)->n_overdue, ==, 2);

  row = row_of (roster, r.xiaoming);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_DONE);
  done = qing_roster_entry_get_done_day (row);
  g_assert_nonnull (done);
  g_assert_cmpuint (g_date_get_day (done), ==, 24);
  g_assert_cmpstr (qing_roster_entry_get_status_text (row), ==, "Done on Nov 24");
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, 6);

  row = row_of (roster, r.yutong);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_WAITING);
  g_assert_null (qing_roster_entry_get_done_day (row));
  g_assert_false (qing_roster_entry_get_missed_last_cycle (row));
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, 18);
  /* Mon 30 Nov–Sun 6 Dec: five school days. */
  g_assert_cmpuint (qing_roster_entry_get_school_days_left (row), ==, 5);
  g_assert_cmpstr (qing_roster_entry_get_status_text (row), ==, "5 school days left");

  row = row_of (roster, r.siyuan);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_WAITING);
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, 17);

  row = row_of (roster, r.yinuo);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_OVERDUE);
  g_assert_true (qing_roster_entry_get_missed_last_cycle (row));
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, 730);

  row = row_of (roster, r.zihan);
  g_assert_cmpint (qing_roster_entry_get_state (row), ==, QING_ROSTER_OVERDUE);
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row), ==, -1);
  g_assert_cmpint (qing_roster_entry_get_care_level (row), ==, QING_CARE_KEY_CARE);
  g_assert_cmpint (qing_roster_entry_get_at_risk_state (row), !=, QING_CADENCE_NOT_APPLICABLE);
  g_assert_cmpint (qing_roster_entry_get_guardian_state (row), !=, QING_CADENCE_NOT_APPLICABLE);
  g_assert_cmpint (qing_roster_entry_get_at_risk_state (row_of (roster, r.xiaoming)), ==,
                   QING_CADENCE_NOT_APPLICABLE);

  g_clear_object (&roster);
  roster_teardown (&r);
}

static gint64
nth_id (QingRosterStatus *roster, guint n)
{
  g_autoptr (QingRosterEntry) row = g_list_model_get_item (G_LIST_MODEL (roster), n);

  return qing_roster_entry_get_student_id (row);
}

static void
test_sort (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;

  roster_setup (&r);
  roster = compute (&r);

  /* Urgency: overdue (care level first, then longest without a talk),
   * waiting (longest first), done. */
  g_assert_cmpint (qing_roster_status_get_sort (roster), ==, QING_ROSTER_SORT_URGENCY);
  g_assert_cmpint (nth_id (roster, 0), ==, r.zihan);
  g_assert_cmpint (nth_id (roster, 1), ==, r.yinuo);
  g_assert_cmpint (nth_id (roster, 2), ==, r.yutong);
  g_assert_cmpint (nth_id (roster, 3), ==, r.siyuan);
  g_assert_cmpint (nth_id (roster, 4), ==, r.xiaoming);

  /* Pinyin: chen, li, wang, zhang, zhao. */
  qing_roster_status_set_sort (roster, QING_ROSTER_SORT_NAME);
  g_assert_cmpint (nth_id (roster, 0), ==, r.siyuan);
  g_assert_cmpint (nth_id (roster, 1), ==, r.yutong);
  g_assert_cmpint (nth_id (roster, 2), ==, r.zihan);
  g_assert_cmpint (nth_id (roster, 3), ==, r.xiaoming);
  g_assert_cmpint (nth_id (roster, 4), ==, r.yinuo);

  g_clear_object (&roster);
  roster_teardown (&r);
}

static void
test_search (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  QingRosterEntry *row;

  roster_setup (&r);
  roster = compute (&r);
  row = row_of (roster, r.xiaoming);

  g_assert_cmpstr (qing_roster_entry_get_initials (row), ==, "zxm");
  g_assert_true (qing_roster_entry_matches (row, "zxm"));
  g_assert_true (qing_roster_entry_matches (row, "小明"));
  g_assert_true (qing_roster_entry_matches (row, ""));
  g_assert_false (qing_roster_entry_matches (row, "lyt"));
  g_assert_true (qing_roster_entry_matches (row_of (roster, r.yutong), "lyt"));

  g_clear_object (&roster);
  roster_teardown (&r);
}

static void
on_items_changed (GListModel *model, guint pos, guint removed, guint added, guint *count)
{
  (*count)++;
}

/* A talk saved later the same day: the roster follows by itself (in an
 * idle after "row-changed") and the header counts it. */
static void
test_update_after_talk (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  guint changes = 0;

  roster_setup (&r);
  roster = compute (&r);
  g_signal_connect (roster, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpint (qing_roster_entry_get_state (row_of (roster, r.yutong)), ==, QING_ROSTER_WAITING);

  mentor_fixture_set_now (&r.fx, "2026-11-30 12:50");
  mentor_add_talk (r.fx.store, r.yutong, r.mentor, "2026-11-30 12:30", 16, QING_VISIBILITY_PRIVATE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* The row moves from waiting to done: removed and inserted elsewhere. */
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpint (qing_roster_entry_get_state (row_of (roster, r.yutong)), ==, QING_ROSTER_DONE);
  g_assert_cmpint (qing_roster_entry_get_days_since_last_talk (row_of (roster, r.yutong)), ==, 0);
  g_assert_cmpstr (qing_roster_status_get_header (roster), ==,
                   "Cycle 7 · Nov 23–Dec 6 · 2 of 5 done");

  g_clear_object (&roster);
  roster_teardown (&r);
}

typedef struct
{
  guint n;
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed_at (GListModel *model, guint pos, guint removed, guint added, Change *change)
{
  change->n++;
  change->position = pos;
  change->removed = removed;
  change->added = added;
}

/* In pinyin order the rows keep their places: only the changed row is
 * announced, so a list view keeps its scroll position. */
static void
test_precise_update (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  g_autoptr (GError) error = NULL;
  Change change = { 0 };

  roster_setup (&r);
  roster = compute (&r);
  qing_roster_status_set_sort (roster, QING_ROSTER_SORT_NAME);
  g_signal_connect (roster, "items-changed", G_CALLBACK (on_items_changed_at), &change);

  mentor_fixture_set_now (&r.fx, "2026-11-30 12:50");
  mentor_add_talk (r.fx.store, r.yutong, r.mentor, "2026-11-30 12:30", 16, QING_VISIBILITY_PRIVATE);
  g_assert_true (qing_roster_status_refresh (roster, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (change.n, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpint (nth_id (roster, 1), ==, r.yutong);

  /* Nothing changed: nothing announced. */
  g_assert_true (qing_roster_status_refresh (roster, &error));
  g_assert_cmpuint (change.n, ==, 1);

  g_clear_object (&roster);
  roster_teardown (&r);
}

/* A copy of the roster kept up to date only from its items-changed. */
typedef struct
{
  GPtrArray *rows;
  guint n_signals;
  guint max_removed;
  guint max_added;
} Shadow;

static void
assert_shadow_equals (Shadow *shadow, GListModel *model)
{
  g_assert_cmpuint (shadow->rows->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < shadow->rows->len; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      g_assert_true (g_ptr_array_index (shadow->rows, i) == (gpointer)item);
    }
}

/* Applies one change; the model must already look like that at each step. */
static void
on_shadow_changed (GListModel *model, guint pos, guint removed, guint added, Shadow *shadow)
{
  g_assert_cmpuint (pos + removed, <=, shadow->rows->len);
  g_ptr_array_remove_range (shadow->rows, pos, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow->rows, pos + i, g_list_model_get_item (model, pos + i));
  assert_shadow_equals (shadow, model);
  shadow->n_signals++;
  shadow->max_removed = MAX (shadow->max_removed, removed);
  shadow->max_added = MAX (shadow->max_added, added);
}

static void
shadow_start (Shadow *shadow, GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  memset (shadow, 0, sizeof *shadow);
  shadow->rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (shadow->rows, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_shadow_changed), shadow);
}

static void
shadow_reset (Shadow *shadow)
{
  shadow->n_signals = shadow->max_removed = shadow->max_added = 0;
}

static void
refresh (QingRosterStatus *roster)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_roster_status_refresh (roster, &error));
  g_assert_no_error (error);
}

/* In urgency order a talk moves one row, a new student is inserted and a
 * student who left the group is removed: each announced alone, never the
 * whole list, and the list follows at every step. */
static void
test_precise_moves (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  g_autoptr (GError) error = NULL;
  Shadow shadow;
  gint64 jiayi;

  roster_setup (&r);
  roster = compute (&r);
  shadow_start (&shadow, G_LIST_MODEL (roster));
  g_assert_cmpint (nth_id (roster, 2), ==, r.yutong);

  /* (a) 李雨桐 moves from waiting to done: one remove, one insert. */
  mentor_fixture_set_now (&r.fx, "2026-11-30 12:50");
  mentor_add_talk (r.fx.store, r.yutong, r.mentor, "2026-11-30 12:30", 16, QING_VISIBILITY_PRIVATE);
  refresh (roster);
  assert_shadow_equals (&shadow, G_LIST_MODEL (roster));
  g_assert_cmpint (nth_id (roster, 4), ==, r.yutong);
  g_assert_cmpuint (shadow.n_signals, ==, 2);
  g_assert_cmpuint (shadow.max_removed, ==, 1);
  g_assert_cmpuint (shadow.max_added, ==, 1);
  g_assert_cmpint (qing_roster_entry_get_state (QING_ROSTER_ENTRY (shadow.rows->pdata[4])), ==,
                   QING_ROSTER_DONE);

  /* (b) A new student: one insert. */
  shadow_reset (&shadow);
  jiayi = mentor_add_student (r.fx.store, "周嘉怡", r.group);
  refresh (roster);
  assert_shadow_equals (&shadow, G_LIST_MODEL (roster));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (roster)), ==, 6);
  g_assert_nonnull (qing_roster_status_find (roster, jiayi));
  g_assert_cmpuint (shadow.n_signals, ==, 1);
  g_assert_cmpuint (shadow.max_removed, ==, 0);
  g_assert_cmpuint (shadow.max_added, ==, 1);

  /* (c) A student leaves the group: one removal. */
  shadow_reset (&shadow);
  g_assert_true (qing_store_remove_from_group (r.fx.store, r.group, r.siyuan, &error));
  g_assert_no_error (error);
  refresh (roster);
  assert_shadow_equals (&shadow, G_LIST_MODEL (roster));
  g_assert_null (qing_roster_status_find (roster, r.siyuan));
  g_assert_cmpuint (shadow.n_signals, ==, 1);
  g_assert_cmpuint (shadow.max_removed, ==, 1);
  g_assert_cmpuint (shadow.max_added, ==, 0);

  /* Another sort order: the list still follows step by step. */
  shadow_reset (&shadow);
  qing_roster_status_set_sort (roster, QING_ROSTER_SORT_NAME);
  assert_shadow_equals (&shadow, G_LIST_MODEL (roster));
  g_assert_cmpint (nth_id (roster, 0), ==, r.yutong);
  g_assert_cmpuint (shadow.max_removed, <=, 1);

  g_signal_handlers_disconnect_by_data (roster, &shadow);
  g_ptr_array_unref (shadow.rows);
  g_clear_object (&roster);
  roster_teardown (&r);
}

/* A bare list model over a GPtrArray of GObjects tagged "key" and "rev". */
#define TEST_TYPE_ROWS (test_rows_get_type ())
G_DECLARE_FINAL_TYPE (TestRows, test_rows, TEST, ROWS, GObject)

struct _TestRows
{
  GObject parent_instance;
  GPtrArray *rows;
};

static GType
test_rows_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
test_rows_get_n_items (GListModel *model)
{
  return TEST_ROWS (model)->rows->len;
}

static gpointer
test_rows_get_item (GListModel *model, guint position)
{
  GPtrArray *rows = TEST_ROWS (model)->rows;

  return position < rows->len ? g_object_ref (g_ptr_array_index (rows, position)) : NULL;
}

static void
test_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = test_rows_get_item_type;
  iface->get_n_items = test_rows_get_n_items;
  iface->get_item = test_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestRows, test_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, test_rows_model_init))

static void
test_rows_finalize (GObject *object)
{
  g_ptr_array_unref (TEST_ROWS (object)->rows);
  G_OBJECT_CLASS (test_rows_parent_class)->finalize (object);
}

static void
test_rows_class_init (TestRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_rows_finalize;
}

static void
test_rows_init (TestRows *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

static gint64
tagged_key (gpointer row)
{
  return GPOINTER_TO_INT (g_object_get_data (row, "key"));
}

static gboolean
tagged_same (gpointer a, gpointer b)
{
  return g_object_get_data (a, "rev") == g_object_get_data (b, "rev");
}

static GObject *
tagged_new (gint key, gint rev)
{
  GObject *row = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (row, "key", GINT_TO_POINTER (key));
  g_object_set_data (row, "rev", GINT_TO_POINTER (rev));
  return row;
}

/* A random next list: keys dropped, added, shuffled a little or a lot,
 * some contents changed. */
static GPtrArray *
random_target (GPtrArray *rows, GRand *rand, gint *next_key, gboolean shuffle_all)
{
  GPtrArray *target = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    if (g_rand_int_range (rand, 0, 10) > 0)
      g_ptr_array_add (target, tagged_new (tagged_key (g_ptr_array_index (rows, i)),
                                           g_rand_int_range (rand, 0, 6) == 0 ? *next_key + 1000
                                                                             : 0));
  for (gint n = g_rand_int_range (rand, 0, 4); n > 0; n--)
    g_ptr_array_insert (target, g_rand_int_range (rand, 0, target->len + 1),
                        tagged_new ((*next_key)++, 0));
  for (gint n = shuffle_all ? 40 : g_rand_int_range (rand, 0, 4); n > 0 && target->len > 1; n--)
    {
      guint from = g_rand_int_range (rand, 0, target->len);
      gpointer row = g_ptr_array_steal_index (target, from);

      g_ptr_array_insert (target, g_rand_int_range (rand, 0, target->len + 1), row);
    }
  return target;
}

/* Random changes: the shadow follows at each step and ends equal, rows
 * whose contents did not change keep their objects. */
static void
test_list_diff_random (void)
{
  g_autoptr (TestRows) model = g_object_new (TEST_TYPE_ROWS, NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261130);
  Shadow shadow;
  gint next_key = 0;

  for (; next_key < 30; next_key++)
    g_ptr_array_add (model->rows, tagged_new (next_key, 0));
  shadow_start (&shadow, G_LIST_MODEL (model));
  for (guint round = 0; round < 300; round++)
    {
      GPtrArray *target = random_target (model->rows, rand, &next_key, round % 50 == 49);
      g_autoptr (GPtrArray) expected = g_ptr_array_ref (target);
      gpointer first = model->rows->len > 0 ? g_ptr_array_index (model->rows, 0) : NULL;
      gboolean first_kept = FALSE;

      for (guint i = 0; first != NULL && i < target->len; i++)
        first_kept |= tagged_key (g_ptr_array_index (target, i)) == tagged_key (first)
                      && tagged_same (g_ptr_array_index (target, i), first);
      if (first_kept)
        g_object_ref (first);
      qing_list_diff_apply (G_LIST_MODEL (model), &model->rows, target, tagged_key, tagged_same);
      assert_shadow_equals (&shadow, G_LIST_MODEL (model));
      g_assert_cmpuint (model->rows->len, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          gpointer row = g_ptr_array_index (model->rows, i);

          g_assert_cmpint (tagged_key (row), ==, tagged_key (g_ptr_array_index (expected, i)));
          g_assert_true (tagged_same (row, g_ptr_array_index (expected, i)));
          if (first_kept && tagged_key (row) == tagged_key (first))
            g_assert_true (row == first);
        }
      if (first_kept)
        g_object_unref (first);
    }

  g_signal_handlers_disconnect_by_data (model, &shadow);
  g_ptr_array_unref (shadow.rows);
}

/* A counselor sees talks shared with counselors; a mentor does not. */
static void
test_viewer (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;
  QingViewer counselor = { 0, QING_ROLE_COUNSELOR };
  g_autoptr (GError) error = NULL;

  roster_setup (&r);
  counselor.person_id = r.counselor;
  mentor_add_talk (r.fx.store, r.zihan, r.other_mentor, "2026-11-27 12:30", 15,
                   QING_VISIBILITY_COUNSELOR);
  roster = compute (&r);
  g_assert_cmpint (qing_roster_entry_get_state (row_of (roster, r.zihan)), ==, QING_ROSTER_OVERDUE);
  g_clear_object (&roster);

  roster = qing_roster_status_compute (r.fx.store, r.group, &counselor,
                                       qing_clock_get_now_unix (r.fx.clock), &error);
  g_assert_no_error (error);
  g_assert_cmpint (qing_roster_entry_get_state (row_of (roster, r.zihan)), ==, QING_ROSTER_DONE);

  g_clear_object (&roster);
  roster_teardown (&r);
}

static void
test_outside_term (void)
{
  Roster r;
  g_autoptr (QingRosterStatus) roster = NULL;

  roster_setup (&r);
  mentor_fixture_set_now (&r.fx, "2027-02-10 10:00");
  roster = compute (&r);

  g_assert_cmpstr (qing_roster_status_get_header (roster), ==,
                   "No talk cycle now: outside the school term");
  g_assert_cmpuint (qing_roster_status_get_cycle (roster)->number, ==, 0);
  g_assert_cmpint (qing_roster_entry_get_state (row_of (roster, r.yutong)), ==,
                   QING_ROSTER_NOT_APPLICABLE);

  g_clear_object (&roster);
  roster_teardown (&r);
}

/* The class's peer session (心理委员) has its own status line. */
static void
test_peer_sessions (void)
{
  Roster r;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) sessions = NULL;
  g_autofree char *line = NULL;
  QingPeerSession bad = { 0 };
  QingPeerSession s = { 0 };
  QingPeerSession older = { 0 };
  QingCadenceStatus status;
  gint64 now;

  roster_setup (&r);
  now = qing_clock_get_now_unix (r.fx.clock);
  g_assert_true (qing_store_get_peer_status (r.fx.store, r.group, now, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status.state, ==, QING_CADENCE_OVERDUE);

  bad.group_id = r.group;
  g_date_set_dmy (&bad.day, 24, G_DATE_NOVEMBER, 2026);
  bad.duration_s = -1;
  g_assert_false (qing_store_add_peer_session (r.fx.store, &bad, &error));
  g_assert_error (error, QING_REPOSITORY_ERROR, QING_REPOSITORY_ERROR_INVALID);
  g_clear_error (&error);

  s.group_id = r.group;
  g_date_set_dmy (&s.day, 24, G_DATE_NOVEMBER, 2026);
  s.led_by = r.yutong;
  s.participants = 38;
  s.duration_s = -1;
  s.topic = (char *)"考试焦虑";
  g_assert_true (qing_store_add_peer_session (r.fx.store, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.id, >, 0);
  older.group_id = r.group;
  g_date_set_dmy (&older.day, 10, G_DATE_NOVEMBER, 2026);
  older.led_by_name = (char *)"李雨桐";
  older.participants = 40;
  older.duration_s = 20 * 60;
  g_assert_true (qing_store_add_peer_session (r.fx.store, &older, &error));
  g_assert_no_error (error);

  sessions = qing_store_list_peer_sessions (r.fx.store, r.group, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpint (g_array_index (sessions, QingPeerSession, 0).id, ==, s.id);
  g_assert_cmpuint (g_array_index (sessions, QingPeerSession, 0).participants, ==, 38);
  g_assert_cmpstr (g_array_index (sessions, QingPeerSession, 1).led_by_name, ==, "李雨桐");

  g_assert_true (qing_store_get_peer_status (r.fx.store, r.group, now, &status, &error));
  g_assert_cmpint (status.state, ==, QING_CADENCE_DONE);
  g_assert_false (status.missed_last_period);
  line = qing_peer_status_describe (&status);
  g_assert_cmpstr (line, ==, "Peer session: Done on Nov 24");

  /* A session recorded this morning (10:00) counts at once. */
  mentor_fixture_set_now (&r.fx, "2026-12-07 10:00");
  now = qing_clock_get_now_unix (r.fx.clock);
  g_assert_true (qing_store_get_peer_status (r.fx.store, r.group, now, &status, &error));
  g_assert_cmpint (status.state, ==, QING_CADENCE_DUE);
  s.id = 0;
  g_date_set_dmy (&s.day, 7, G_DATE_DECEMBER, 2026);
  g_assert_true (qing_store_add_peer_session (r.fx.store, &s, &error));
  g_assert_true (qing_store_get_peer_status (r.fx.store, r.group, now, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status.state, ==, QING_CADENCE_DONE);

  roster_teardown (&r);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster/states", test_states);
  g_test_add_func ("/roster/sort", test_sort);
  g_test_add_func ("/roster/search", test_search);
  g_test_add_func ("/roster/update-after-talk", test_update_after_talk);
  g_test_add_func ("/roster/precise-update", test_precise_update);
  g_test_add_func ("/roster/precise-moves", test_precise_moves);
  g_test_add_func ("/roster/list-diff-random", test_list_diff_random);
  g_test_add_func ("/roster/viewer", test_viewer);
  g_test_add_func ("/roster/outside-term", test_outside_term);
  g_test_add_func ("/roster/peer-sessions", test_peer_sessions);

  return g_test_run ();
}
