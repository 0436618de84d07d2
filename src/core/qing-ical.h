/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar (RFC 5545) export of the mentor's plan.  Pure text building:
 * VCALENDAR with one VEVENT per planned talk, UID = the plan entry's uuid,
 * DTSTAMP/DTSTART/DTEND in UTC ("…Z"), SUMMARY "Talk: 张小明" (translated),
 * TEXT values escaped (\\ ; , and newlines), lines ended by CRLF and folded
 * at 75 octets without splitting a UTF-8 sequence.  Never any note, topic or
 * care level: a calendar file travels to phones and shared calendars.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One event of the export. */
typedef struct
{
  const char *uuid;           /* the plan entry's uuid: the UID */
  const char *student_name;   /* goes into SUMMARY only */
  GDate       day;            /* local day */
  guint       start_minute;   /* local minutes after midnight */
  guint       length_minutes;
} QingIcalEvent;

/* Builds the whole calendar.  @tz: the local zone the days and minutes are
 * in (NULL = local); @dtstamp_utc: Unix seconds for DTSTAMP.
 * Returns: (transfer full): the text, CRLF line ends. */
char *qing_ical_build (const QingIcalEvent *events,
                       gsize                n_events,
                       GTimeZone           *tz,
                       gint64               dtstamp_utc);

/* Escapes a TEXT value (RFC 5545 3.3.11). Returns: (transfer full). */
char *qing_ical_escape_text (const char *text);

/* Appends one content line to @out, folded at 75 octets (CRLF + space)
 * without splitting a UTF-8 character, ended by CRLF. */
void  qing_ical_append_line (GString    *out,
                             const char *line);

/* Formats Unix seconds as a UTC DATE-TIME "20261130T043000Z".
 * Returns: (transfer full). */
char *qing_ical_format_utc (gint64 utc);

G_END_DECLS
