/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar (RFC 5545) text for the mentor's plan.  Times are written in
 * UTC ("…Z"), so no VTIMEZONE is needed and every calendar program places
 * the talk at the right local time.
 */
#include "qing-ical.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define FOLD_OCTETS 75

/* Escapes a TEXT value: backslash, semicolon, comma and newlines.
 * Returns: (transfer full). */
char *
qing_ical_escape_text (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 8);
  for (const char *c = text; *c != '\0'; c++)
    {
      switch (*c)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          if (c[1] != '\n')
            g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *c);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* Appends @line folded at 75 octets: a continuation line starts with one
 * space, which counts toward its 75; a UTF-8 sequence is never split. */
void
qing_ical_append_line (GString *out, const char *line)
{
  const char *p = line;
  gsize budget = FOLD_OCTETS;

  g_return_if_fail (out != NULL && line != NULL);

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gsize len = next - p;

      if (len > budget)
        {
          g_string_append (out, "\r\n ");
          budget = FOLD_OCTETS - 1;
        }
      g_string_append_len (out, p, len);
      budget -= len;
      p = next;
    }
  g_string_append (out, "\r\n");
}

/* Formats @utc as "20261130T043000Z".  Returns: (transfer full). */
char *
qing_ical_format_utc (gint64 utc)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (utc);

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

static gint64
local_to_utc (GTimeZone *tz, const GDate *day, guint minute)
{
  g_autoptr (GDateTime) dt = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                              g_date_get_day (day), minute / 60, minute % 60, 0);

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

static void
append_event (GString *out, const QingIcalEvent *event, GTimeZone *tz, const char *dtstamp)
{
  gint64 start = local_to_utc (tz, &event->day, event->start_minute);
  g_autofree char *dtstart = qing_ical_format_utc (start);
  g_autofree char *dtend = qing_ical_format_utc (start + (gint64)event->length_minutes * 60);
  /* Translators: the title of a calendar event; %s is a student's name */
  g_autofree char *summary = g_strdup_printf (_("Talk: %s"), event->student_name);
  g_autofree char *escaped = qing_ical_escape_text (summary);
  g_autofree char *uid = qing_ical_escape_text (event->uuid);
  g_autofree char *line = NULL;

  qing_ical_append_line (out, "BEGIN:VEVENT");
  line = g_strconcat ("UID:", uid, NULL);
  qing_ical_append_line (out, line);
  g_free (line);
  line = g_strconcat ("DTSTAMP:", dtstamp, NULL);
  qing_ical_append_line (out, line);
  g_free (line);
  line = g_strconcat ("DTSTART:", dtstart, NULL);
  qing_ical_append_line (out, line);
  g_free (line);
  line = g_strconcat ("DTEND:", dtend, NULL);
  qing_ical_append_line (out, line);
  g_free (line);
  line = g_strconcat ("SUMMARY:", escaped, NULL);
  qing_ical_append_line (out, line);
  /* Only the mentor sees it; calendars should not share it as busy-free detail. */
  qing_ical_append_line (out, "CLASS:PRIVATE");
  qing_ical_append_line (out, "END:VEVENT");
}

/* Builds the VCALENDAR text (see qing-ical.h).
 * Returns: (transfer full). */
char *
qing_ical_build (const QingIcalEvent *events, gsize n_events, GTimeZone *tz, gint64 dtstamp_utc)
{
  g_autoptr (GTimeZone) local = NULL;
  g_autofree char *dtstamp = qing_ical_format_utc (dtstamp_utc);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (events != NULL || n_events == 0, NULL);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();

  qing_ical_append_line (out, "BEGIN:VCALENDAR");
  qing_ical_append_line (out, "VERSION:2.0");
  qing_ical_append_line (out, "PRODID:-//Qingting//Mentor plan//EN");
  qing_ical_append_line (out, "CALSCALE:GREGORIAN");
  qing_ical_append_line (out, "METHOD:PUBLISH");
  for (gsize i = 0; i < n_events; i++)
    append_event (out, &events[i], tz, dtstamp);
  qing_ical_append_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}
