/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <string.h>

#include "qing-parent-data.h"
#include "qing-store-composite.h"

/* Returns the id of the local guardian (the person this installation
 * speaks for in the parent role), creating that person on first use; 0
 * with @error set on failure. */
gint64
qing_parent_ensure_guardian (QingStore *store, GError **error)
{
  /* Translators: the name given to the app's user as a guardian until they
   * change it */
  return qing_store_ensure_local_person (store, QING_ROLE_PARENT, QING_PERSON_GUARDIAN, _("Me"),
                                         error);
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

/* Returns the days from @first_day on, @n_days of them (≤ 31), that met
 * the parent rule for @child_id: bit d set when day @first_day + d had a
 * parents' talk of 15 minutes.  Short talks adding up do not count; the
 * history calendar marks these days (0 if the talks cannot be read). */
guint32
qing_parent_days_met (QingStore   *store,
                      QingClock   *clock,
                      gint64       child_id,
                      const GDate *first_day,
                      guint        n_days)
{
  GTimeZone *tz = qing_clock_get_timezone (clock);
  g_autoptr (GDateTime) from = NULL;
  g_autoptr (GDateTime) to = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) spans = NULL;
  gboolean met[31];
  guint32 mask = 0;

  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), 0);
  n_days = MIN (n_days, G_N_ELEMENTS (met));
  from = g_date_time_new (tz, g_date_get_year (first_day), g_date_get_month (first_day),
                          g_date_get_day (first_day), 0, 0, 0);
  to = g_date_time_add_days (from, n_days);
  spans = qing_store_list_talk_spans_by_role (store, &child_id, 1, QING_ROLE_PARENT,
                                              g_date_time_to_unix (from),
                                              g_date_time_to_unix (to), &error);
  if (spans == NULL)
    {
      g_warning ("Reading the month's talks: %s", error->message);
      return 0;
    }
  qing_cadence_mark_days (qing_cadence_rule_get_default (QING_CADENCE_PARENT_DAILY), tz,
                          first_day, n_days, (const QingTalkSpan *) (gpointer) spans->data,
                          spans->len, met);
  for (guint d = 0; d < n_days; d++)
    if (met[d])
      mask |= 1u << d;
  return mask;
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
