/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingRecordList: a GListModel of domain objects that follows the store.
 *
 * Lists show what one query returns (a guardian's children, a group's
 * students, a student's talks in a month …).  When the store announces a
 * committed change ("row-changed"), the list does not reset: a change to
 * a row of its own table re-reads only that row and emits one precise
 * items-changed (or a removal and an insertion when the row moved); a
 * change to a related table (a membership, a link) re-reads the query and
 * emits removals, then insertions and replacements, each at its exact
 * position, keeping the longest run of items that did not move.
 *
 * Objects that did not change stay the same instances, so rows bound to
 * them in a GtkListView are not rebuilt.
 */
#include "qing-repository-private.h"
#include "qing-object-private.h"

struct _QingRecordList
{
  GObject                   parent_instance;

  QingStore                *store;
  const QingRecordListSpec *spec;
  QingRecordScope           scope;

  GPtrArray                *items; /* GObject*, full references */
  GArray                   *ids;   /* gint64, the items' ids */
  gulong                    changed_handler;
  gboolean                  busy;           /* emitting items-changed */
  gboolean                  refresh_queued; /* a change came in meanwhile */
};

static void qing_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (QingRecordList, qing_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      qing_record_list_model_init))

static GType
qing_record_list_get_item_type (GListModel *model)
{
  return QING_RECORD_LIST (model)->spec->item_type ();
}

static guint
qing_record_list_get_n_items (GListModel *model)
{
  return QING_RECORD_LIST (model)->items->len;
}

static gpointer
qing_record_list_get_item (GListModel *model, guint position)
{
  QingRecordList *self = QING_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
qing_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = qing_record_list_get_item_type;
  iface->get_n_items = qing_record_list_get_n_items;
  iface->get_item = qing_record_list_get_item;
}

static gboolean objects_equal (GObject *a, GObject *b);

static gboolean
same_values (QingRecordList *self, GObject *a, GObject *b)
{
  return self->spec->equal != NULL ? self->spec->equal (a, b) : objects_equal (a, b);
}

static gint64
object_id (GObject *object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);
  return id;
}

/* Whether two objects have the same value in every readable property. */
static gboolean
objects_equal (GObject *a, GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto (GValue) va = G_VALUE_INIT;
      g_auto (GValue) vb = G_VALUE_INIT;
      gboolean equal;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (pspecs[i]->value_type == G_TYPE_STRV)
        equal = qing_strv_equal0 (g_value_get_boxed (&va), g_value_get_boxed (&vb));
      else if (pspecs[i]->value_type == G_TYPE_DATE_TIME)
        equal = (g_value_get_boxed (&va) == NULL) == (g_value_get_boxed (&vb) == NULL)
                && (g_value_get_boxed (&va) == NULL
                    || g_date_time_equal (g_value_get_boxed (&va), g_value_get_boxed (&vb)));
      else
        equal = g_param_values_cmp (pspecs[i], &va, &vb) == 0;
      if (!equal)
        return FALSE;
    }
  return TRUE;
}

static void
remove_at (QingRecordList *self, guint position)
{
  g_ptr_array_remove_index (self->items, position);
  g_array_remove_index (self->ids, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
insert_at (QingRecordList *self, guint position, GObject *object)
{
  gint64 id = object_id (object);

  g_ptr_array_insert (self->items, position, g_object_ref (object));
  g_array_insert_val (self->ids, position, id);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
replace_at (QingRecordList *self, guint position, GObject *object)
{
  GObject *old = g_ptr_array_index (self->items, position);

  g_ptr_array_index (self->items, position) = g_object_ref (object);
  g_object_unref (old);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static int
find_id (QingRecordList *self, gint64 id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return -1;
}

/* Where @object goes in the sorted list (binary search). */
static guint
sorted_position (QingRecordList *self, GObject *object)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (self->spec->compare (g_ptr_array_index (self->items, mid), object) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
fits_at (QingRecordList *self, guint position, GObject *object)
{
  if (position > 0
      && self->spec->compare (g_ptr_array_index (self->items, position - 1), object) >= 0)
    return FALSE;
  if (position + 1 < self->items->len
      && self->spec->compare (object, g_ptr_array_index (self->items, position + 1)) >= 0)
    return FALSE;
  return TRUE;
}

/* A row of the list's own table changed: move just that item. */
static void
update_one (QingRecordList *self, gint64 id, QingStoreChange kind)
{
  g_autoptr (GObject) object = NULL;
  g_autoptr (GError) error = NULL;
  int position = find_id (self, id);

  if (kind != QING_STORE_CHANGE_REMOVED)
    {
      object = self->spec->query_one (self->store, &self->scope, id, &error);
      if (error != NULL)
        {
          g_warning ("Updating a list of %s: %s", self->spec->table, error->message);
          return;
        }
    }

  if (position < 0)
    {
      if (object != NULL)
        insert_at (self, sorted_position (self, object), object);
      return;
    }
  if (object == NULL)
    {
      remove_at (self, position);
      return;
    }
  if (fits_at (self, position, object))
    {
      if (!same_values (self, g_ptr_array_index (self->items, position), object))
        replace_at (self, position, object);
      return;
    }
  remove_at (self, position);
  insert_at (self, sorted_position (self, object), object);
}

/* Marks in @keep the longest increasing subsequence of @seq. */
static void
mark_longest_increasing (const guint *seq, guint n, gboolean *keep)
{
  g_autofree guint *tails = g_new0 (guint, n + 1); /* index of the tail of each length */
  g_autofree int *prev = g_new (int, n);
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = length;
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (seq[tails[mid]] < seq[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? (int) tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == length)
        length++;
    }
  for (int i = length > 0 ? (int) tails[length - 1] : -1; i >= 0; i = prev[i])
    keep[i] = TRUE;
}

/* Turns the list into @fresh with precise items-changed emissions. */
static void
apply_diff (QingRecordList *self, GPtrArray *fresh)
{
  g_autoptr (GHashTable) fresh_pos = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  g_autofree guint *seq = NULL;
  g_autofree gboolean *keep = NULL;
  g_autoptr (GArray) fresh_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), fresh->len);
  guint n, i;

  for (i = 0; i < fresh->len; i++)
    {
      gint64 id = object_id (g_ptr_array_index (fresh, i));
      g_array_append_val (fresh_ids, id);
      g_hash_table_insert (fresh_pos, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i));
    }

  /* Items that left the list. */
  for (i = self->ids->len; i-- > 0;)
    if (!g_hash_table_contains (fresh_pos, &g_array_index (self->ids, gint64, i)))
      remove_at (self, i);

  /* Items that moved: keep the longest run in order, remove the others
   * (they come back below at their new place). */
  n = self->ids->len;
  seq = g_new (guint, MAX (n, 1));
  keep = g_new0 (gboolean, MAX (n, 1));
  for (i = 0; i < n; i++)
    seq[i] = GPOINTER_TO_UINT (g_hash_table_lookup (fresh_pos,
                                                    &g_array_index (self->ids, gint64, i)));
  mark_longest_increasing (seq, n, keep);
  for (i = n; i-- > 0;)
    if (!keep[i])
      remove_at (self, i);

  /* What is left is in order: insert the new ones, replace the changed. */
  for (guint j = 0, k = 0; j < fresh->len; j++, k++)
    {
      GObject *object = g_ptr_array_index (fresh, j);

      if (k < self->ids->len
          && g_array_index (self->ids, gint64, k) == g_array_index (fresh_ids, gint64, j))
        {
          if (!same_values (self, g_ptr_array_index (self->items, k), object))
            replace_at (self, k, object);
        }
      else
        insert_at (self, k, object);
    }
}

static void
refresh_all (QingRecordList *self)
{
  g_autoptr (GPtrArray) fresh = NULL;
  g_autoptr (GError) error = NULL;

  fresh = self->spec->query_all (self->store, &self->scope, &error);
  if (fresh == NULL)
    {
      g_warning ("Reading a list of %s: %s", self->spec->table, error->message);
      return;
    }
  apply_diff (self, fresh);
}

/* The id of the item a row of a related table is about, 0 if unknown. */
static gint64
related_item (QingRecordList *self, const QingRecordListRelated *related, gint64 row_id)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autoptr (GError) error = NULL;

  stmt = qing_store_prepare (self->store, related->item_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Updating a list of %s: %s", self->spec->table, error->message);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, row_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static void
follow_change (QingRecordList *self, const char *table, gint64 row_id, QingStoreChange kind)
{
  const QingRecordListRelated *related;

  if (g_strcmp0 (table, self->spec->table) == 0)
    {
      update_one (self, row_id, kind);
      return;
    }
  for (related = self->spec->related; related != NULL && related->table != NULL; related++)
    {
      gint64 item_id;

      if (g_strcmp0 (table, related->table) != 0)
        continue;
      item_id = (related->item_sql != NULL && kind != QING_STORE_CHANGE_REMOVED)
                ? related_item (self, related, row_id) : 0;
      if (item_id > 0)
        update_one (self, item_id, QING_STORE_CHANGE_UPDATED);
      else
        refresh_all (self);
      return;
    }
}

static void
on_store_row_changed (QingStore      *store,
                      const char     *table,
                      gint64          row_id,
                      QingStoreChange kind,
                      QingRecordList *self)
{
  /* A handler of our items-changed may write to the store: never change
   * the list under our own feet, read it all again once we are done. */
  if (self->busy)
    {
      self->refresh_queued = TRUE;
      return;
    }
  g_object_ref (self);
  self->busy = TRUE;
  follow_change (self, table, row_id, kind);
  while (self->refresh_queued)
    {
      self->refresh_queued = FALSE;
      refresh_all (self);
    }
  self->busy = FALSE;
  g_object_unref (self);
}

static void
qing_record_list_dispose (GObject *object)
{
  QingRecordList *self = QING_RECORD_LIST (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (qing_record_list_parent_class)->dispose (object);
}

static void
qing_record_list_finalize (GObject *object)
{
  QingRecordList *self = QING_RECORD_LIST (object);

  g_ptr_array_unref (self->items);
  g_array_unref (self->ids);

  G_OBJECT_CLASS (qing_record_list_parent_class)->finalize (object);
}

static void
qing_record_list_class_init (QingRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qing_record_list_dispose;
  object_class->finalize = qing_record_list_finalize;
}

static void
qing_record_list_init (QingRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* Returns a new list (full reference) of what @spec reads for @scope,
 * following the store's changes.  @spec must be static. */
GListModel *
qing_record_list_new (QingStore *store, const QingRecordListSpec *spec,
                      const QingRecordScope *scope)
{
  QingRecordList *self;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (spec != NULL && scope != NULL, NULL);

  self = g_object_new (QING_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->spec = spec;
  self->scope = *scope;

  items = spec->query_all (store, scope, &error);
  if (items == NULL)
    g_warning ("Reading a list of %s: %s", spec->table, error->message);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      gint64 id = object_id (g_ptr_array_index (items, i));
      g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));
      g_array_append_val (self->ids, id);
    }

  self->changed_handler = g_signal_connect (store, "row-changed",
                                            G_CALLBACK (on_store_row_changed), self);
  return G_LIST_MODEL (self);
}
