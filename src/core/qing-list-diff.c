/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Precise items-changed from one sorted list of rows to the next.
 */
#include "qing-list-diff.h"

/* Above this many moved rows, and more than half the list, one whole-list
 * change: one signal instead of thousands. */
#define MAX_PRECISE_MOVES 16

typedef struct
{
  GListModel *model;
  GPtrArray *rows;   /* the model's array, changed step by step */
  GPtrArray *target; /* the new rows in their order */
  gint64 *keys;      /* key of each target row */
  GHashTable *index; /* key → 1 + position in target */
  QingListDiffKeyFunc key;
  QingListDiffSameFunc same;
} Diff;

static gint
lookup_index (Diff *d, gint64 key)
{
  return (gint)GPOINTER_TO_UINT (g_hash_table_lookup (d->index, &key)) - 1;
}

static guint
find_row (Diff *d, gint64 key)
{
  guint i = 0;

  while (i < d->rows->len && d->key (g_ptr_array_index (d->rows, i)) != key)
    i++;
  return i;
}

/* Marks in @keep a longest strictly increasing subsequence of @pos. */
static guint
mark_longest_increasing (const gint *pos, guint n, gboolean *keep)
{
  g_autofree guint *tails = g_new (guint, n + 1);
  g_autofree gint *prev = g_new (gint, n + 1);
  guint len = 0;

  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (pos[tails[mid]] < pos[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? (gint)tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == len)
        len++;
    }
  for (gint i = len > 0 ? (gint)tails[len - 1] : -1; i >= 0; i = prev[i])
    keep[i] = TRUE;
  return len;
}

/* By target position: @present (already a row) and @settled (kept in
 * place).  Returns how many rows must move. */
static guint
plan_moves (Diff *d, gboolean *present, gboolean *settled)
{
  g_autofree gint *pos = g_new (gint, d->rows->len + 1);
  g_autofree gboolean *keep = g_new0 (gboolean, d->rows->len + 1);
  guint n = 0;
  guint kept;

  for (guint i = 0; i < d->rows->len; i++)
    {
      gint k = lookup_index (d, d->key (g_ptr_array_index (d->rows, i)));

      if (k >= 0)
        pos[n++] = k;
    }
  kept = mark_longest_increasing (pos, n, keep);
  for (guint i = 0; i < n; i++)
    {
      present[pos[i]] = TRUE;
      settled[pos[i]] = keep[i];
    }
  return n - kept;
}

/* Removes the rows not in the target, a run at a time from the end. */
static void
remove_gone (Diff *d)
{
  guint i = d->rows->len;

  while (i > 0)
    {
      guint end = i;

      while (i > 0 && lookup_index (d, d->key (g_ptr_array_index (d->rows, i - 1))) < 0)
        i--;
      if (i == end)
        {
          i--;
          continue;
        }
      g_ptr_array_remove_range (d->rows, i, end - i);
      g_list_model_items_changed (d->model, i, end - i, 0);
    }
}

/* Moves the item at @k of the target right after its nearest settled
 * predecessor: inserts the new row first, then removes the old one, so the
 * item can always be found while the views follow. */
static void
move_row (Diff *d, const gboolean *settled, guint k)
{
  guint old = find_row (d, d->keys[k]);
  guint at = 0;
  gpointer row;

  for (guint j = k; j > 0; j--)
    if (settled[j - 1])
      {
        at = find_row (d, d->keys[j - 1]) + 1;
        break;
      }
  if (at == old)
    return; /* in place already; update_rows() announces new contents */
  row = g_ptr_array_index (d->target, k);
  if (d->same (g_ptr_array_index (d->rows, old), row))
    row = g_ptr_array_index (d->rows, old);
  g_ptr_array_insert (d->rows, at, g_object_ref (row));
  g_list_model_items_changed (d->model, at, 0, 1);
  if (at <= old)
    old++;
  g_ptr_array_remove_index (d->rows, old);
  g_list_model_items_changed (d->model, old, 1, 0);
}

/* With the rows in target order: inserts the added items (a run at a time)
 * and replaces the rows whose contents changed. */
static void
update_rows (Diff *d)
{
  guint i = 0;

  while (i < d->target->len)
    {
      gpointer want = g_ptr_array_index (d->target, i);
      guint run = 0;

      if (i < d->rows->len && d->key (g_ptr_array_index (d->rows, i)) == d->keys[i])
        {
          if (!d->same (g_ptr_array_index (d->rows, i), want))
            {
              g_object_unref (g_ptr_array_index (d->rows, i));
              g_ptr_array_index (d->rows, i) = g_object_ref (want);
              g_list_model_items_changed (d->model, i, 1, 1);
            }
          i++;
          continue;
        }
      while (i + run < d->target->len
             && (i >= d->rows->len || d->keys[i + run] != d->key (g_ptr_array_index (d->rows, i))))
        run++;
      for (guint j = 0; j < run; j++)
        g_ptr_array_insert (d->rows, i + j, g_object_ref (g_ptr_array_index (d->target, i + j)));
      g_list_model_items_changed (d->model, i, 0, run);
      i += run;
    }
}

/* See the header.  @target: (transfer full). */
void
qing_list_diff_apply (GListModel *model, GPtrArray **rows, GPtrArray *target,
                      QingListDiffKeyFunc key, QingListDiffSameFunc same)
{
  g_autoptr (GPtrArray) owned = target;
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *keys = g_new (gint64, target->len + 1);
  g_autofree gboolean *present = g_new0 (gboolean, target->len + 1);
  g_autofree gboolean *settled = g_new0 (gboolean, target->len + 1);
  Diff d = { model, *rows, target, keys, index, key, same };
  guint moves;

  for (guint i = 0; i < target->len; i++)
    {
      keys[i] = key (g_ptr_array_index (target, i));
      g_hash_table_insert (index, &keys[i], GUINT_TO_POINTER (i + 1));
    }
  moves = plan_moves (&d, present, settled);
  if (moves > MAX_PRECISE_MOVES && moves > target->len / 2)
    {
      g_autoptr (GPtrArray) old = g_steal_pointer (rows);

      *rows = g_ptr_array_ref (target);
      g_list_model_items_changed (model, 0, old->len, target->len);
      return;
    }
  remove_gone (&d);
  for (guint k = 0; k < target->len; k++)
    if (present[k] && !settled[k])
      {
        move_row (&d, settled, k);
        settled[k] = TRUE;
      }
  update_rows (&d);
  g_warn_if_fail ((*rows)->len == target->len);
}
