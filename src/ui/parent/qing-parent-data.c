/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <string.h>

#include "qing-parent-data.h"

/* Returns the id of the local guardian (the person this installation
 * speaks for in the parent role), creating that person on first use; 0
 * with @error set on failure. */
gint64
qing_parent_ensure_guardian (QingStore *store, GError **error)
{
  g_autoptr (QingPerson) me = NULL;
  gint64 id;

  id = qing_store_get_local_person (store, QING_ROLE_PARENT, error);
  if (id != 0)
    return MAX (id, 0);

  /* Translators: the name given to the app's user as a guardian until they
   * change it */
  me = qing_person_new (QING_PERSON_GUARDIAN, _("Me"));
  if (!qing_store_add_person (store, me, error))
    return 0;
  if (!qing_store_set_local_person (store, QING_ROLE_PARENT, qing_person_get_id (me), error))
    return 0;
  return qing_person_get_id (me);
}

/* Returns who looks at records in the parent view. */
QingViewer
qing_parent_viewer (gint64 guardian_id)
{
  QingViewer viewer = { guardian_id, QING_ROLE_PARENT };
  return viewer;
}

/* Sets @today to the clock's local calendar day. */
void
qing_parent_today (QingClock *clock, GDate *today)
{
  g_autoptr (GDateTime) now = qing_clock_get_now (clock);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (now, qing_clock_get_timezone (clock));

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

/* Returns the seconds parents listened to @child_id on the local @day
 * (saved talks only; 0 if they cannot be read). */
guint
qing_parent_seconds_on_day (QingStore *store, gint64 child_id, const GDate *day)
{
  g_autoptr (GError) error = NULL;
  guint seconds = 0;

  if (!qing_store_get_talk_seconds_per_day (store, child_id, QING_ROLE_PARENT, day, 1,
                                            &seconds, &error))
    g_warning ("Reading today's talks: %s", error->message);
  return seconds;
}

/* Computes @child_id's current and longest run of days that reached the
 * parent goal, at the clock's now. */
void
qing_parent_streak (QingStore         *store,
                    QingClock         *clock,
                    gint64             child_id,
                    QingCadenceStreak *streak)
{
  const QingCadenceRuleInfo *info = qing_cadence_rule_get_default (QING_CADENCE_PARENT_DAILY);
  gint64 now = qing_clock_get_now_unix (clock);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) spans = NULL;

  memset (streak, 0, sizeof *streak);
  /* One day more than now: a talk that started today belongs to today. */
  spans = qing_store_list_talk_spans (store, &child_id, 1, 0, now + 1, &error);
  if (spans == NULL)
    {
      g_warning ("Reading the streak: %s", error->message);
      return;
    }
  qing_cadence_compute_streak (info, qing_clock_get_timezone (clock), now,
                               (const QingTalkSpan *) (gpointer) spans->data, spans->len,
                               streak);
}

static gint64
find_or_add_class (QingStore *store, const char *class_name, GError **error)
{
  g_autoptr (GPtrArray) groups = qing_store_list_groups (store, 0, error);
  g_autoptr (QingGroup) group = NULL;

  if (groups == NULL)
    return 0;
  for (guint i = 0; i < groups->len; i++)
    {
      QingGroup *g = g_ptr_array_index (groups, i);

      if (qing_group_get_kind (g) == QING_GROUP_CLASS
          && g_strcmp0 (qing_group_get_name (g), class_name) == 0)
        return qing_group_get_id (g);
    }
  group = qing_group_new (QING_GROUP_CLASS, class_name, 0);
  if (!qing_store_add_group (store, group, error))
    return 0;
  return qing_group_get_id (group);
}

/* Puts @child_id into the class named @class_name (made if there is none
 * of that name); an empty name leaves the child's class as it is. */
gboolean
qing_parent_set_class (QingStore  *store,
                       gint64      child_id,
                       const char *class_name,
                       GError    **error)
{
  gint64 group_id;

  if (class_name == NULL || *class_name == '\0')
    return TRUE;
  group_id = find_or_add_class (store, class_name, error);
  if (group_id == 0)
    return FALSE;
  return qing_store_move_to_group (store, child_id, group_id, error);
}

/* Returns @seconds as "12:34", or "1:02:03" from an hour on (new string). */
char *
qing_parent_format_elapsed (gint64 seconds)
{
  seconds = MAX (seconds, 0);
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* Returns the streak line of a card, e.g. "5 days in a row" (new string). */
char *
qing_parent_format_streak (guint days)
{
  if (days == 0)
    return g_strdup (_("No streak yet"));
  /* Translators: consecutive days that reached 15 minutes (连续 5 天) */
  return g_strdup_printf (ngettext ("%u day in a row", "%u days in a row", days), days);
}

/* Returns how the view calls @child in sentences: the given name, as the
 * timer notification does (张小明 → 小明) (new string). */
char *
qing_parent_first_name (QingPerson *child)
{
  return qing_timer_service_dup_given_name (qing_person_get_name (child));
}

/* The topics of a talk, Chinese-first (学习, 朋友, 家庭, 兴趣, 心情, 老师,
 * 手机, 身体): stable ids kept in the store and their untranslated labels. */
static const char *topic_ids[] = {
  "study", "friends", "family", "hobbies", "feelings", "teachers", "phone", "health", NULL
};
#define TOPIC_CONTEXT "talk topic"
static const char *topic_msgids[] = {
  NC_("talk topic", "Study"), NC_("talk topic", "Friends"), NC_("talk topic", "Family"),
  NC_("talk topic", "Hobbies"), NC_("talk topic", "Feelings"), NC_("talk topic", "Teachers"),
  NC_("talk topic", "Phone"), NC_("talk topic", "Health"), NULL
};

/* Returns the topic ids (static, NULL-terminated). */
const char * const *
qing_parent_topic_ids (void)
{
  return topic_ids;
}

/* Returns the translated topic labels, in the order of the ids (static). */
const char * const *
qing_parent_topic_labels (void)
{
  static const char *labels[G_N_ELEMENTS (topic_msgids)];

  for (guint i = 0; topic_msgids[i] != NULL; i++)
    labels[i] = g_dpgettext2 (GETTEXT_PACKAGE, TOPIC_CONTEXT, topic_msgids[i]);
  return labels;
}

/* Returns the translated label of a topic id, or @id itself for a topic
 * this version does not know (static or @id). */
const char *
qing_parent_topic_label (const char *id)
{
  for (guint i = 0; topic_ids[i] != NULL; i++)
    if (g_strcmp0 (topic_ids[i], id) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, TOPIC_CONTEXT, topic_msgids[i]);
  return id;
}
