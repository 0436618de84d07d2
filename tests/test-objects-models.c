/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live lists: each store change must reach a list as the exact
 * items-changed (position, removed, added) — never a reset — and leave the
 * list equal to what a fresh query returns.
 */
#include <locale.h>

#include "test-objects-util.h"
#include "qing-store-private.h"

typedef struct
{
  guint position, removed, added;
} Change;

static void
record_change (GListModel *model, guint position, guint removed, guint added, GArray *changes)
{
  Change change = { position, removed, added };
  g_array_append_val (changes, change);
}

static GArray *
watch (GListModel *model)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_signal_connect (model, "items-changed", G_CALLBACK (record_change), changes);
  return changes;
}

/* Asserts the recorded changes are exactly @expected (triples, then -1),
 * and forgets them. */
static void
assert_changes (GArray *changes, const int *expected)
{
  guint n = 0;

  while (expected[3 * n] >= 0)
    n++;
  for (guint i = 0; i < changes->len; i++)
    g_test_message ("change %u: (%u, %u, %u)", i, g_array_index (changes, Change, i).position,
                    g_array_index (changes, Change, i).removed,
                    g_array_index (changes, Change, i).added);
  g_assert_cmpuint (changes->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      Change *c = &g_array_index (changes, Change, i);
      g_assert_cmpuint (c->position, ==, (guint) expected[3 * i]);
      g_assert_cmpuint (c->removed, ==, (guint) expected[3 * i + 1]);
      g_assert_cmpuint (c->added, ==, (guint) expected[3 * i + 2]);
    }
  g_array_set_size (changes, 0);
}

static const char *
name_at (GListModel *model, guint position)
{
  g_autoptr (QingPerson) person = g_list_model_get_item (model, position);
  /* The model keeps its own reference, so the string outlives ours. */
  return qing_person_get_name (person);
}

static void
test_children_model (Fixture *fx, gconstpointer data)
{
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "林妈妈");
  g_autoptr (QingPerson) zhang = qing_person_new (QING_PERSON_STUDENT, "张小明");
  g_autoptr (QingPerson) li = qing_person_new (QING_PERSON_STUDENT, "李雨桐");
  g_autoptr (QingPerson) wang = qing_person_new (QING_PERSON_STUDENT, "王子涵");
  g_autoptr (QingPerson) chen = qing_person_new (QING_PERSON_STUDENT, "陈思远");
  g_autoptr (GListModel) model = NULL;
  g_autoptr (GArray) changes = NULL;
  g_autoptr (GError) error = NULL;
  gint64 stranger;

  g_assert_true (qing_store_add_child (fx->store, parent, zhang, NULL, &error));
  g_assert_true (qing_store_add_child (fx->store, parent, li, NULL, &error));
  g_assert_true (qing_store_add_child (fx->store, parent, wang, NULL, &error));
  g_assert_no_error (error);

  model = qing_store_list_children_model (fx->store, parent);
  g_assert_true (g_list_model_get_item_type (model) == QING_TYPE_PERSON);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  /* pinyin order: li, wang, zhang */
  g_assert_cmpstr (name_at (model, 0), ==, "李雨桐");
  g_assert_cmpstr (name_at (model, 1), ==, "王子涵");
  g_assert_cmpstr (name_at (model, 2), ==, "张小明");
  changes = watch (model);

  /* A new child goes in at its place: chen before li. */
  g_assert_true (qing_store_add_child (fx->store, parent, chen, NULL, &error));
  assert_changes (changes, (int[]) { 0, 0, 1, -1 });
  g_assert_cmpstr (name_at (model, 0), ==, "陈思远");

  /* Someone else's child does not touch the list. */
  stranger = add_person (fx, QING_PERSON_STUDENT, "安小雨");
  assert_changes (changes, (int[]) { -1 });

  /* An edit that keeps the order replaces the item in place … */
  qing_person_set_phone (wang, "139 1234 5678");
  g_assert_true (qing_store_update_person (fx->store, wang, &error));
  assert_changes (changes, (int[]) { 2, 1, 1, -1 });
  /* … and a rename that moves it is a removal and an insertion. */
  qing_person_set_name (zhang, "安小明");
  g_assert_true (qing_store_update_person (fx->store, zhang, &error));
  assert_changes (changes, (int[]) { 3, 1, 0, 0, 0, 1, -1 });
  g_assert_cmpstr (name_at (model, 0), ==, "安小明");

  /* Linking an existing child and unlinking one. */
  g_assert_true (qing_store_link_guardian (fx->store, parent, stranger, NULL, &error));
  assert_changes (changes, (int[]) { 1, 0, 1, -1 });   /* an xiao yu after an xiao ming */
  g_assert_true (qing_store_unlink_guardian (fx->store, parent, stranger, &error));
  assert_changes (changes, (int[]) { 1, 1, 0, -1 });

  /* Removing a child. */
  g_assert_true (qing_store_remove_person (fx->store, qing_person_get_id (li), NULL, &error));
  g_assert_no_error (error);
  assert_changes (changes, (int[]) { 2, 1, 0, -1 });
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static void
test_group_model_moves (Fixture *fx, gconstpointer data)
{
  g_autoptr (QingGroup) a = qing_group_new (QING_GROUP_CLASS, "初三(1)班", 0);
  g_autoptr (QingGroup) b = qing_group_new (QING_GROUP_CLASS, "初三(2)班", 0);
  const char *names[] = { "白雪", "曹阳", "邓超然", "方圆", "高飞" };
  gint64 ids[G_N_ELEMENTS (names)];
  g_autoptr (GListModel) in_a = NULL;
  g_autoptr (GListModel) in_b = NULL;
  g_autoptr (GArray) changes_a = NULL;
  g_autoptr (GArray) changes_b = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (QingPerson) moved = NULL;

  g_assert_true (qing_store_add_group (fx->store, a, &error));
  g_assert_true (qing_store_add_group (fx->store, b, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ids[i] = add_person (fx, QING_PERSON_STUDENT, names[i]);
      g_assert_true (qing_store_add_to_group (fx->store, qing_group_get_id (i < 3 ? a : b), ids[i],
                                              &error));
    }
  in_a = qing_store_list_group_students_model (fx->store, qing_group_get_id (a));
  in_b = qing_store_list_group_students_model (fx->store, qing_group_get_id (b));
  g_assert_cmpuint (g_list_model_get_n_items (in_a), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (in_b), ==, 2);
  changes_a = watch (in_a);
  changes_b = watch (in_b);

  /* 曹阳 (cao, second in A) moves to B, where she sorts first. */
  g_assert_true (qing_store_move_to_group (fx->store, ids[1], qing_group_get_id (b), &error));
  g_assert_no_error (error);
  assert_changes (changes_a, (int[]) { 1, 1, 0, -1 });
  assert_changes (changes_b, (int[]) { 0, 0, 1, -1 });
  moved = g_list_model_get_item (in_b, 0);
  g_assert_cmpstr (qing_person_get_name (moved), ==, "曹阳");
  g_assert_cmpstr (qing_person_get_class_name (moved), ==, "初三(2)班");

  /* The list of classes follows the number of students. */
  {
    g_autoptr (GListModel) groups = qing_store_list_groups_model (fx->store, 0);
    g_autoptr (GArray) group_changes = watch (groups);
    g_autoptr (QingGroup) first = NULL;

    g_assert_true (qing_store_remove_from_group (fx->store, qing_group_get_id (a), ids[0],
                                                 &error));
    assert_changes (group_changes, (int[]) { 0, 1, 1, -1 });
    first = g_list_model_get_item (groups, 0);
    g_assert_cmpuint (qing_group_get_n_students (first), ==, 1);
    assert_changes (changes_a, (int[]) { 0, 1, 0, -1 });
  }

  /* Renaming class B changes every item's class name in place. */
  qing_group_set_name (b, "初三(5)班");
  g_assert_true (qing_store_update_group (fx->store, b, &error));
  assert_changes (changes_a, (int[]) { -1 });
  assert_changes (changes_b, (int[]) { 0, 1, 1, 1, 1, 1, 2, 1, 1, -1 });
}

static void
test_talks_model (Fixture *fx, gconstpointer data)
{
  gint64 child = add_person (fx, QING_PERSON_STUDENT, "蔡文静");
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "蔡国庆");
  gint64 counselor = add_person (fx, QING_PERSON_STAFF, "潘老师");
  QingViewer me = { parent, QING_ROLE_PARENT };
  gint64 from = shanghai_unix (2026, 11, 1, 0, 0, 0), to = shanghai_unix (2026, 12, 1, 0, 0, 0);
  g_autoptr (GListModel) model = NULL;
  g_autoptr (GArray) changes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (QingTalk) removed = NULL;
  g_autoptr (QingTalk) edited = NULL;
  gint64 first, third;

  first = add_talk (fx, child, parent, QING_ROLE_PARENT, from + 86400, 900, QING_VISIBILITY_PRIVATE,
                    NULL);
  third = add_talk (fx, child, parent, QING_ROLE_PARENT, from + 3 * 86400, 900,
                    QING_VISIBILITY_PRIVATE, NULL);
  model = qing_store_list_talks_model (fx->store, &me, child, from, to);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  changes = watch (model);

  /* In the middle of the range and of the list. */
  add_talk (fx, child, parent, QING_ROLE_PARENT, from + 2 * 86400, 600, QING_VISIBILITY_PRIVATE,
            NULL);
  assert_changes (changes, (int[]) { 1, 0, 1, -1 });
  /* Outside the range, and one the parent may not see: nothing. */
  add_talk (fx, child, parent, QING_ROLE_PARENT, to, 900, QING_VISIBILITY_PRIVATE, NULL);
  add_talk (fx, child, counselor, QING_ROLE_COUNSELOR, from + 5 * 86400, 1800,
            QING_VISIBILITY_COUNSELOR, "保密");
  assert_changes (changes, (int[]) { -1 });

  /* Longer: replaced in place.  Moved to the end of the month: moves. */
  edited = qing_store_get_talk (fx->store, &me, first, &error);
  qing_talk_set_duration (edited, 1200);
  g_assert_true (qing_store_update_talk (fx->store, edited, &error));
  assert_changes (changes, (int[]) { 0, 1, 1, -1 });
  qing_talk_set_start_utc (edited, from + 20 * 86400);
  g_assert_true (qing_store_update_talk (fx->store, edited, &error));
  assert_changes (changes, (int[]) { 0, 1, 0, 2, 0, 1, -1 });
  /* Moved out of the month: removed. */
  qing_talk_set_start_utc (edited, to + 86400);
  g_assert_true (qing_store_update_talk (fx->store, edited, &error));
  assert_changes (changes, (int[]) { 2, 1, 0, -1 });

  /* Removed, then Undo puts it back where it was. */
  removed = qing_store_remove_talk (fx->store, third, &error);
  assert_changes (changes, (int[]) { 1, 1, 0, -1 });
  g_assert_true (qing_store_add_talk (fx->store, removed, &error));
  g_assert_no_error (error);
  assert_changes (changes, (int[]) { 1, 0, 1, -1 });
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

static void
test_timers_and_moods_models (Fixture *fx, gconstpointer data)
{
  gint64 a = add_person (fx, QING_PERSON_STUDENT, "钟灵");
  gint64 b = add_person (fx, QING_PERSON_STUDENT, "钟秀");
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "钟妈妈");
  QingViewer me = { parent, QING_ROLE_PARENT };
  g_autoptr (GListModel) timers = qing_store_list_running_timers_model (fx->store, parent);
  g_autoptr (GListModel) moods = qing_store_list_moods_model (fx->store, &me, a, 0, G_MAXINT64);
  g_autoptr (GArray) timer_changes = watch (timers);
  g_autoptr (GArray) mood_changes = watch (moods);
  g_autoptr (QingRunningTimer) ta = NULL;
  g_autoptr (QingRunningTimer) tb = NULL;
  g_autoptr (QingTalk) talk = NULL;
  g_autoptr (QingMoodEntry) late = qing_mood_entry_new (a, parent, 2000, 2);
  g_autoptr (QingMoodEntry) early = qing_mood_entry_new (a, parent, 1000, -1);
  g_autoptr (QingMoodEntry) other = qing_mood_entry_new (b, parent, 1500, 0);
  g_autoptr (GError) error = NULL;

  ta = qing_store_start_timer (fx->store, a, parent, QING_ROLE_PARENT, &error);
  qing_clock_advance (fx->clock, 60);
  tb = qing_store_start_timer (fx->store, b, parent, QING_ROLE_PARENT, &error);
  g_assert_no_error (error);
  assert_changes (timer_changes, (int[]) { 0, 0, 1, 1, 0, 1, -1 });
  g_assert_true (qing_store_pause_timer (fx->store, tb, &error));
  assert_changes (timer_changes, (int[]) { 1, 1, 1, -1 });
  g_assert_true (qing_store_touch_timer (fx->store, ta, &error));
  assert_changes (timer_changes, (int[]) { -1 });
  qing_clock_advance (fx->clock, 15 * 60);
  talk = qing_store_finish_timer (fx->store, ta, 0, NULL, &error);
  g_assert_no_error (error);
  assert_changes (timer_changes, (int[]) { 0, 1, 0, -1 });
  g_assert_true (qing_store_discard_timer (fx->store, tb, &error));
  assert_changes (timer_changes, (int[]) { 0, 1, 0, -1 });

  g_assert_true (qing_store_add_mood (fx->store, late, &error));
  g_assert_true (qing_store_add_mood (fx->store, early, &error));
  g_assert_true (qing_store_add_mood (fx->store, other, &error));
  assert_changes (mood_changes, (int[]) { 0, 0, 1, 0, 0, 1, -1 });
  qing_mood_entry_set_at_utc (early, 3000);
  g_assert_true (qing_store_update_mood (fx->store, early, &error));
  assert_changes (mood_changes, (int[]) { 0, 1, 0, 1, 0, 1, -1 });
}

/* The full re-read (after a membership change) must leave the list as a
 * fresh query would, through single-item changes, never a reset. */
static void
test_guardian_links_resync (Fixture *fx, gconstpointer data)
{
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "邱爸爸");
  const char *names[] = { "邱一", "邱二", "邱三", "邱四", "邱五", "邱六" };
  g_autoptr (GListModel) model = qing_store_list_children_model (fx->store, parent);
  g_autoptr (GArray) changes = watch (model);
  g_autoptr (GPtrArray) fresh = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 id = add_person (fx, QING_PERSON_STUDENT, names[i]);
      g_assert_true (qing_store_link_guardian (fx->store, parent, id, NULL, &error));
    }
  for (guint i = 0; i < changes->len; i++)
    {
      g_assert_cmpuint (g_array_index (changes, Change, i).removed, ==, 0);
      g_assert_cmpuint (g_array_index (changes, Change, i).added, ==, 1);
    }
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (names));
  fresh = qing_store_list_children (fx->store, parent, &error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fresh->len);
  for (guint i = 0; i < fresh->len; i++)
    g_assert_cmpstr (name_at (model, i), ==, qing_person_get_name (fresh->pdata[i]));
}

/* Replays every items-changed on a shadow array, reading the new items
 * from the model at the time of the signal, as a GtkListView does. */
static void
replay_change (GListModel *model, guint position, guint removed, guint added, GPtrArray *shadow)
{
  g_assert_cmpuint (position + removed, <=, shadow->len);
  /* This list only ever moves one item at a time. */
  g_assert_cmpuint (removed, <=, 1);
  g_assert_cmpuint (added, <=, 1);
  g_ptr_array_remove_range (shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow, position + i, g_list_model_get_item (model, position + i));
}

static void
set_pinyin_key (Fixture *fx, gint64 id, const char *key)
{
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (fx->store,
                                                       "UPDATE persons SET pinyin_key = ?2"
                                                       " WHERE id = ?1", NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

/* Random reorders, arrivals and departures behind the list's back, then
 * one related change: the list must end equal to a fresh query, through
 * single-item changes that a view can follow. */
static void
test_random_resync (Fixture *fx, gconstpointer data)
{
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "随机家长");
  gint64 ids[16];
  g_autoptr (GListModel) model = qing_store_list_children_model (fx->store, parent);
  g_autoptr (GPtrArray) shadow = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("孩子%02u", i);
      ids[i] = add_person (fx, QING_PERSON_STUDENT, name);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (replay_change), shadow);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr (GPtrArray) fresh = NULL;
      guint n_moves = g_test_rand_int_range (0, 5);

      /* Links come and go without their own announcement … */
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        if (g_test_rand_int_range (0, 4) == 0)
          {
            g_autoptr (QingStoreStmt) stmt = qing_store_prepare (
              fx->store, g_test_rand_bit ()
              ? "INSERT OR IGNORE INTO guardian_links (guardian_id, child_id) VALUES (?1, ?2)"
              : "DELETE FROM guardian_links WHERE guardian_id = ?1 AND child_id = ?2", NULL);
            sqlite3_bind_int64 (stmt, 1, parent);
            sqlite3_bind_int64 (stmt, 2, ids[i]);
            g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          }
      /* … names move in the order … */
      for (guint m = 0; m < n_moves; m++)
        {
          g_autofree char *key = g_strdup_printf ("k%03d", g_test_rand_int_range (0, 1000));
          set_pinyin_key (fx, ids[g_test_rand_int_range (0, G_N_ELEMENTS (ids))], key);
        }
      /* … and then one announced change makes the list read everything again. */
      qing_store_emit_changed (fx->store, "guardian_links", 0, QING_STORE_CHANGE_REMOVED);

      fresh = qing_store_list_children (fx->store, parent, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, fresh->len);
      g_assert_cmpuint (shadow->len, ==, fresh->len);
      for (guint i = 0; i < fresh->len; i++)
        {
          g_autoptr (QingPerson) item = g_list_model_get_item (model, i);
          g_assert_cmpint (qing_person_get_id (item), ==, qing_person_get_id (fresh->pdata[i]));
          g_assert_true (shadow->pdata[i] == (gpointer) item);
          g_assert_cmpstr (qing_person_get_pinyin_key (item), ==,
                           qing_person_get_pinyin_key (fresh->pdata[i]));
        }
    }
}

/* A view that writes to the store while the list tells it of a change
 * (e.g. it saves something on selection) gets a consistent list. */
static void
write_on_change (GListModel *model, guint position, guint removed, guint added, Fixture *fx)
{
  static gboolean done;
  gint64 parent;

  if (done || added == 0)
    return;
  done = TRUE;
  parent = qing_store_get_local_person (fx->store, QING_ROLE_PARENT, NULL);
  g_assert_true (qing_store_link_guardian (fx->store, parent,
                                           add_person (fx, QING_PERSON_STUDENT, "阿福"), NULL,
                                           NULL));
}

static void
test_reentrant_change (Fixture *fx, gconstpointer data)
{
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "魏妈妈");
  g_autoptr (QingPerson) child = qing_person_new (QING_PERSON_STUDENT, "魏来");
  g_autoptr (GListModel) model = qing_store_list_children_model (fx->store, parent);
  g_autoptr (GPtrArray) shadow = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) fresh = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_set_local_person (fx->store, QING_ROLE_PARENT, parent, &error));
  g_signal_connect (model, "items-changed", G_CALLBACK (replay_change), shadow);
  g_signal_connect (model, "items-changed", G_CALLBACK (write_on_change), fx);
  g_assert_true (qing_store_add_child (fx->store, parent, child, NULL, &error));
  g_assert_no_error (error);

  fresh = qing_store_list_children (fx->store, parent, &error);
  g_assert_cmpuint (fresh->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (shadow->len, ==, 2);
  for (guint i = 0; i < fresh->len; i++)
    {
      g_autoptr (QingPerson) item = g_list_model_get_item (model, i);
      g_assert_cmpint (qing_person_get_id (item), ==, qing_person_get_id (fresh->pdata[i]));
      g_assert_true (shadow->pdata[i] == (gpointer) item);
    }
}

/* A dropped list is freed and stops following the store. */
static void
test_model_lifetime (Fixture *fx, gconstpointer data)
{
  gint64 parent = add_person (fx, QING_PERSON_GUARDIAN, "苗妈妈");
  g_autoptr (QingPerson) child = qing_person_new (QING_PERSON_STUDENT, "苗苗");
  g_autoptr (GError) error = NULL;
  GListModel *model = qing_store_list_children_model (fx->store, parent);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_finalize_object (model);
  g_assert_true (qing_store_add_child (fx->store, parent, child, NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/objects/models/children", test_children_model);
  FIXTURE_TEST ("/objects/models/group-moves", test_group_model_moves);
  FIXTURE_TEST ("/objects/models/talks", test_talks_model);
  FIXTURE_TEST ("/objects/models/timers-and-moods", test_timers_and_moods_models);
  FIXTURE_TEST ("/objects/models/guardian-links-resync", test_guardian_links_resync);
  FIXTURE_TEST ("/objects/models/lifetime", test_model_lifetime);
  FIXTURE_TEST ("/objects/models/random-resync", test_random_resync);
  FIXTURE_TEST ("/objects/models/reentrant", test_reentrant_change);

  return g_test_run ();
}
