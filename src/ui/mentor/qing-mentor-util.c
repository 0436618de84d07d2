/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "qing-mentor-util.h"

/* The care level's short name, translated; NULL for the normal level. */
const char *
qing_mentor_care_label (QingCareLevel level)
{
  switch (level)
    {
    case QING_CARE_KEY_CARE:
      return _("Key care");
    case QING_CARE_CLEAR_SIGNS:
      return _("Clear signs");
    case QING_CARE_NORMAL:
    default:
      return NULL;
    }
}

/* Days since the last talk as a sentence.  Returns: (transfer full). */
char *
qing_mentor_format_days_since (gint days)
{
  if (days < 0)
    return g_strdup (_("No talk yet"));
  if (days == 0)
    return g_strdup (_("Last talk today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last talk %d day ago",
                                       "Last talk %d days ago", days), days);
}

/* "Mon, Nov 30".  Returns: (transfer full). */
char *
qing_mentor_format_day (const GDate *day)
{
  g_autoptr (GDateTime) dt = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  dt = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                              g_date_get_day (day), 12, 0, 0);
  /* Translators: a day of the mentor's plan, strftime format (zh_CN: %-m月%-d日 %a) */
  return g_date_time_format (dt, _("%a, %b %-d"));
}

/* "12:30".  Returns: (transfer full). */
char *
qing_mentor_format_minute (guint minute)
{
  return g_strdup_printf ("%02u:%02u", (minute / 60) % 24, minute % 60);
}

/* The name of a talk mode.  (transfer none) */
const char *
qing_mentor_mode_label (QingTalkMode mode)
{
  switch (mode)
    {
    case QING_TALK_MODE_PHONE:
      return _("Phone");
    case QING_TALK_MODE_ONLINE:
      return _("Online");
    case QING_TALK_MODE_IN_PERSON:
    default:
      return _("In person");
    }
}

static const char * const topic_ids[] = {
  "study", "friends", "family", "mood", "teachers", "phone", "health", "future", NULL
};

static const char *topic_labels_src[] = {
  N_("Study"), N_("Friends"), N_("Family"), N_("Mood"), N_("Teachers"), N_("Mobile phone"),
  N_("Health"), N_("Future"), NULL
};

/* Topic ids, NULL-terminated.  (transfer none) */
const char * const *
qing_mentor_topic_ids (void)
{
  return topic_ids;
}

/* Topic labels in the current language, NULL-terminated.  (transfer none) */
const char * const *
qing_mentor_topic_labels (void)
{
  static const char *labels[G_N_ELEMENTS (topic_labels_src)];

  for (guint i = 0; topic_labels_src[i] != NULL; i++)
    labels[i] = _(topic_labels_src[i]);
  return labels;
}

/* Shows @text in the toast overlay above @widget. */
void
qing_mentor_toast (GtkWidget *widget, const char *text)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_message ("%s", text);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}
