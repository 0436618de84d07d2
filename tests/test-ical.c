/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar export against RFC 5545: escaping of TEXT, CRLF line ends,
 * folding at 75 octets without splitting a UTF-8 sequence, UTC times, one
 * VEVENT per planned talk with the entry's uuid as UID, nothing private.
 */
#include <locale.h>
#include <string.h>

#include "qing-ical.h"

static void
test_escape (void)
{
  static const struct
  {
    const char *in, *out;
  } cases[] = {
    { "plain", "plain" },
    { "a,b", "a\\,b" },
    { "a;b", "a\\;b" },
    { "a\\b", "a\\\\b" },
    { "line\nnext", "line\\nnext" },
    { "crlf\r\nnext", "crlf\\nnext" },
    { "张小明, 李雨桐; 王子涵", "张小明\\, 李雨桐\\; 王子涵" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = qing_ical_escape_text (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Every physical line: ≤ 75 octets before CRLF, valid UTF-8, no bare LF
 * or CR; continuation lines start with one space.  Returns the unfolded
 * text. */
static char *
check_lines (const char *text)
{
  g_auto (GStrv) lines = NULL;
  GString *unfolded = g_string_new (NULL);
  gsize n;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, "");
  for (gsize i = 0; i + 1 < n; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      if (lines[i][0] == ' ')
        g_string_append (unfolded, lines[i] + 1);
      else
        {
          if (i > 0)
            g_string_append_c (unfolded, '\n');
          g_string_append (unfolded, lines[i]);
        }
    }
  return g_string_free (unfolded, FALSE);
}

static void
test_fold_ascii (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *line = g_strnfill (160, 'x');
  g_autofree char *unfolded = NULL;

  qing_ical_append_line (out, line);
  /* 75, then 1 + 74, then 1 + 11. */
  g_assert_cmpuint (out->len, ==, 160 + 2 * 3 + 2);
  g_assert_cmpint (strstr (out->str, "\r\n") - out->str, ==, 75);
  unfolded = check_lines (out->str);
  g_assert_cmpstr (unfolded, ==, line);
}

static void
test_fold_utf8 (void)
{
  g_autoptr (GString) line = g_string_new ("SUMMARY:");
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *unfolded = NULL;

  /* 8 + 40 × 3 octets: a fold at exactly 75 would cut a character. */
  for (int i = 0; i < 40; i++)
    g_string_append (line, "谈");
  qing_ical_append_line (out, line->str);
  unfolded = check_lines (out->str);
  g_assert_cmpstr (unfolded, ==, line->str);
  /* The first line holds 8 + 22 × 3 = 74 octets: one more would be 77. */
  g_assert_cmpint (strstr (out->str, "\r\n") - out->str, ==, 74);
}

static void
test_format_utc (void)
{
  g_autofree char *epoch = qing_ical_format_utc (0);
  g_autofree char *t = qing_ical_format_utc (1796013000);

  g_assert_cmpstr (epoch, ==, "19700101T000000Z");
  g_assert_cmpstr (t, ==, "20261130T043000Z");
}

static void
test_build (void)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  QingIcalEvent events[2] = {
    { "6f1d0c3e-8d4b-4a52-9a1e-0c2f6b7d8e91", "张小明", { 0 }, 12 * 60 + 30, 15 },
    { "0b9c7e2a-1f3d-4c8e-b5a6-7d9e0f1a2b3c", "李雨桐, Jr.; \\x", { 0 }, 16 * 60 + 30, 20 },
  };
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;

  g_date_clear (&events[0].day, 1);
  g_date_set_dmy (&events[0].day, 30, G_DATE_NOVEMBER, 2026);
  g_date_clear (&events[1].day, 1);
  g_date_set_dmy (&events[1].day, 1, G_DATE_DECEMBER, 2026);
  text = qing_ical_build (events, 2, tz, 1796000000 + 400);
  unfolded = check_lines (text);

  g_assert_true (g_str_has_prefix (unfolded, "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:"));
  g_assert_true (g_str_has_suffix (unfolded, "END:VEVENT\nEND:VCALENDAR"));
  g_assert_nonnull (strstr (unfolded, "BEGIN:VEVENT\n"
                                      "UID:6f1d0c3e-8d4b-4a52-9a1e-0c2f6b7d8e91\n"
                                      "DTSTAMP:20261130T010000Z\n"
                                      "DTSTART:20261130T043000Z\n"
                                      "DTEND:20261130T044500Z\n"
                                      "SUMMARY:Talk: 张小明\n"));
  g_assert_nonnull (strstr (unfolded, "DTSTART:20261201T083000Z\n"
                                      "DTEND:20261201T085000Z\n"
                                      "SUMMARY:Talk: 李雨桐\\, Jr.\\; \\\\x\n"));
  g_assert_null (strstr (unfolded, "DESCRIPTION"));
}

static void
test_empty (void)
{
  g_autofree char *text = qing_ical_build (NULL, 0, NULL, 0);

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_null (strstr (text, "VEVENT"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/escape", test_escape);
  g_test_add_func ("/ical/fold-ascii", test_fold_ascii);
  g_test_add_func ("/ical/fold-utf8", test_fold_utf8);
  g_test_add_func ("/ical/format-utc", test_format_utc);
  g_test_add_func ("/ical/build", test_build);
  g_test_add_func ("/ical/empty", test_empty);

  return g_test_run ();
}
