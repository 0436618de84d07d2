/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The multi-step writes of the views (qing-store-composite.h) are all or
 * nothing: a failure injected into the last step (a trigger that aborts
 * the write) leaves no row behind, announces no change, and leaves the
 * objects looking unsaved, so trying again saves exactly one copy.
 */
#include "qing-store-composite.h"
#include "test-store-util.h"

typedef struct
{
  char      *dir;
  QingStore *store;
  guint      changes;
} Fixture;

static void
on_row_changed (QingStore *store, const char *table, gint64 id, QingStoreChange kind,
                Fixture *fx)
{
  fx->changes++;
}

static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  fx->dir = store_test_tmpdir ();
  fx->store = store_test_open_in (fx->dir);
  g_signal_connect (fx->store, "row-changed", G_CALLBACK (on_row_changed), fx);
}

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  g_assert_finalize_object (fx->store);
  store_test_rm_rf (fx->dir);
  g_free (fx->dir);
}

/* Makes every insert into and update of @table fail until heal_table(). */
static void
break_table (Fixture *fx, const char *table)
{
  g_autofree char *sql = g_strdup_printf (
    "CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON main.%s"
    " BEGIN SELECT RAISE (ABORT, 'injected failure'); END;"
    "CREATE TEMP TRIGGER fail_update BEFORE UPDATE ON main.%s"
    " BEGIN SELECT RAISE (ABORT, 'injected failure'); END;", table, table);

  store_test_exec (fx->store, sql);
  fx->changes = 0;
}

static void
heal_table (Fixture *fx)
{
  store_test_exec (fx->store, "DROP TRIGGER temp.fail_insert; DROP TRIGGER temp.fail_update;");
}

static gint64
count (Fixture *fx, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return store_test_query_int (fx->store, sql);
}

static gint64
add_person (Fixture *fx, QingPersonKind kind, const char *name)
{
  g_autoptr (QingPerson) person = qing_person_new (kind, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_person (fx->store, person, &error));
  g_assert_no_error (error);
  return qing_person_get_id (person);
}

static QingGroup *
add_group (Fixture *fx, QingGroupKind kind, const char *name)
{
  QingGroup *group = qing_group_new (kind, name, 0);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_group (fx->store, group, &error));
  g_assert_no_error (error);
  return group;
}

static void
test_ensure_local_person (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  /* The second step (local_roles) fails: no orphan "Me" is left. */
  break_table (fx, "local_roles");
  id = qing_store_ensure_local_person (fx->store, QING_ROLE_MENTOR, QING_PERSON_STAFF, "我",
                                       &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_nonnull (error);
  g_assert_cmpint (count (fx, "persons"), ==, 0);
  g_assert_cmpint (count (fx, "local_roles"), ==, 0);
  g_assert_cmpuint (fx->changes, ==, 0);
  g_clear_error (&error);

  /* Trying again makes exactly one, and later calls find it. */
  heal_table (fx);
  id = qing_store_ensure_local_person (fx->store, QING_ROLE_MENTOR, QING_PERSON_STAFF, "我",
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (qing_store_get_local_person (fx->store, QING_ROLE_MENTOR, NULL), ==, id);
  g_assert_cmpint (qing_store_ensure_local_person (fx->store, QING_ROLE_MENTOR, QING_PERSON_STAFF,
                                                   "我", &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "persons"), ==, 1);
}

static void
test_child_with_class (Fixture *fx, gconstpointer data)
{
  gint64 guardian = add_person (fx, QING_PERSON_GUARDIAN, "张建华");
  g_autoptr (QingPerson) child = qing_person_new (QING_PERSON_STUDENT, "张小明");
  g_autoptr (GError) error = NULL;

  /* The class step fails after the child and its link were written. */
  break_table (fx, "group_members");
  g_assert_false (qing_store_save_child_with_class (fx->store, guardian, child, "七年级3班",
                                                    &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (qing_person_get_id (child), ==, 0);
  g_assert_cmpint (count (fx, "persons"), ==, 1); /* the guardian only */
  g_assert_cmpint (count (fx, "guardian_links"), ==, 0);
  g_assert_cmpint (count (fx, "student_groups"), ==, 0);
  g_assert_cmpuint (fx->changes, ==, 0);

  /* Save again (the dialog's second press): one child, one class. */
  heal_table (fx);
  g_assert_true (qing_store_save_child_with_class (fx->store, guardian, child, "七年级3班",
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (qing_person_get_id (child), >, 0);
  g_assert_cmpint (count (fx, "persons"), ==, 2);
  g_assert_cmpint (count (fx, "guardian_links"), ==, 1);
  g_assert_cmpint (count (fx, "student_groups"), ==, 1);
  g_assert_cmpint (count (fx, "group_members"), ==, 1);

  /* Editing: a failed move to a new class keeps the old name and class. */
  qing_person_set_name (child, "张晓明");
  break_table (fx, "group_members");
  g_assert_false (qing_store_save_child_with_class (fx->store, guardian, child, "八年级1班",
                                                    &error));
  g_assert_nonnull (error);
  g_assert_cmpint (qing_person_get_id (child), >, 0);
  g_assert_cmpstr (store_test_query_text (fx->store, "SELECT name FROM persons WHERE kind = 1"),
                   ==, "张小明");
  g_assert_cmpint (count (fx, "student_groups"), ==, 1);
  heal_table (fx);
}

static void
test_add_student_to_group (Fixture *fx, gconstpointer data)
{
  g_autoptr (QingPerson) student = qing_person_new (QING_PERSON_STUDENT, "李雨桐");
  g_autoptr (QingGroup) group = qing_group_new (QING_GROUP_CLASS, "七年级3班", 0);
  g_autoptr (QingGroup) saved = add_group (fx, QING_GROUP_MENTOR, "阳光小组");
  g_autoptr (GError) error = NULL;

  /* A new group: the membership fails, neither group nor student stays. */
  break_table (fx, "group_members");
  g_assert_false (qing_store_add_student_to_group (fx->store, student, group, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (qing_person_get_id (student), ==, 0);
  g_assert_cmpint (qing_group_get_id (group), ==, 0);
  g_assert_cmpint (count (fx, "persons"), ==, 0);
  g_assert_cmpint (count (fx, "student_groups"), ==, 1);
  g_assert_cmpuint (fx->changes, ==, 0);

  /* A saved group: no student left outside every group. */
  g_assert_false (qing_store_add_student_to_group (fx->store, student, saved, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (qing_group_get_id (saved), >, 0);
  g_assert_cmpint (count (fx, "persons"), ==, 0);

  heal_table (fx);
  g_assert_true (qing_store_add_student_to_group (fx->store, student, group, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "persons"), ==, 1);
  g_assert_cmpint (count (fx, "student_groups"), ==, 2);
  g_assert_cmpint (store_test_query_int (fx->store, "SELECT group_id FROM group_members"), ==,
                   qing_group_get_id (group));
}

static void
test_move_to_new_group (Fixture *fx, gconstpointer data)
{
  gint64 student = add_person (fx, QING_PERSON_STUDENT, "王子涵");
  g_autoptr (QingGroup) from = add_group (fx, QING_GROUP_MENTOR, "阳光小组");
  g_autoptr (QingGroup) to = qing_group_new (QING_GROUP_MENTOR, "向日葵小组", 0);
  g_autoptr (GError) error = NULL;

  g_assert_true (qing_store_add_to_group (fx->store, qing_group_get_id (from), student, &error));
  g_assert_no_error (error);

  /* The move fails: no empty new group is left behind. */
  break_table (fx, "group_members");
  g_assert_false (qing_store_move_to_new_group (fx->store, student, to, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (qing_group_get_id (to), ==, 0);
  g_assert_cmpint (count (fx, "student_groups"), ==, 1);
  g_assert_cmpint (store_test_query_int (fx->store, "SELECT group_id FROM group_members"), ==,
                   qing_group_get_id (from));
  g_assert_cmpuint (fx->changes, ==, 0);

  heal_table (fx);
  g_assert_true (qing_store_move_to_new_group (fx->store, student, to, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx, "student_groups"), ==, 2);
  g_assert_cmpint (count (fx, "group_members"), ==, 1);
  g_assert_cmpint (store_test_query_int (fx->store, "SELECT group_id FROM group_members"), ==,
                   qing_group_get_id (to));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store-composite/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("ensure-local-person", test_ensure_local_person);
  ADD ("child-with-class", test_child_with_class);
  ADD ("add-student-to-group", test_add_student_to_group);
  ADD ("move-to-new-group", test_move_to_new_group);
#undef ADD

  return g_test_run ();
}
