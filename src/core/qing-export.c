/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV export of talks and moods for spreadsheets.
 *
 * Files are UTF-8 with a BOM and CRLF line ends, which is what Excel in
 * Chinese needs to open them without garbling the characters.  A text cell
 * that starts with = + - @, a tab or a carriage return gets a leading
 * apostrophe, so a note such as "=HYPERLINK(…)" stays text and cannot run as
 * a formula in the spreadsheet (CSV injection).  Numbers the program writes
 * itself are added with qing_export_table_add_int() and left alone.
 *
 * What is exported goes through the repository with a QingViewer, so it
 * holds exactly what that person may see on screen: a confidential
 * counselor record never reaches another role's file.  Headers follow the
 * UI language.
 */
#include "qing-export.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "qing-mood-entry.h"
#include "qing-mood-vocab.h"
#include "qing-talk.h"

struct _QingExportTable
{
  GString *text;
  guint    n_rows;
  gboolean row_open; /* a cell was added to the current row */
};

G_DEFINE_QUARK (qing-export-error-quark, qing_export_error)

static gboolean
needs_neutralising (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

static gboolean
needs_quotes (const char *text)
{
  gsize len = strlen (text);

  return strpbrk (text, ",\"\r\n") != NULL || (len > 0 && (text[0] == ' ' || text[len - 1] == ' '));
}

static void
append_cell (GString *out, const char *text, gboolean neutralise)
{
  gboolean quote = needs_quotes (text);

  if (quote)
    g_string_append_c (out, '"');
  if (neutralise && needs_neutralising (text))
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/**
 * qing_export_cell:
 * @text: (nullable): the text of one cell
 *
 * Returns @text as one CSV cell: neutralised against formulas (a leading
 * apostrophe before = + - @, tab or CR) and quoted when needed.  The caller
 * owns the returned string.
 */
char *
qing_export_cell (const char *text)
{
  GString *out = g_string_new (NULL);

  append_cell (out, text != NULL ? text : "", TRUE);
  return g_string_free (out, FALSE);
}

/* A new, empty table; free it with qing_export_table_free(). */
QingExportTable *
qing_export_table_new (void)
{
  QingExportTable *self = g_new0 (QingExportTable, 1);

  self->text = g_string_new ("\xEF\xBB\xBF"); /* BOM */
  return self;
}

/* Frees @self. */
void
qing_export_table_free (QingExportTable *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_free (self);
}

static void
start_cell (QingExportTable *self)
{
  if (self->row_open)
    g_string_append_c (self->text, ',');
  self->row_open = TRUE;
}

/* Adds a text cell (NULL for an empty one), neutralised and quoted. */
void
qing_export_table_add_text (QingExportTable *self,
                            const char      *text)
{
  g_return_if_fail (self != NULL);

  start_cell (self);
  append_cell (self->text, text != NULL ? text : "", TRUE);
}

/* Adds a number the program computed; negative numbers stay numbers. */
void
qing_export_table_add_int (QingExportTable *self,
                           gint64           value)
{
  g_return_if_fail (self != NULL);

  start_cell (self);
  g_string_append_printf (self->text, "%" G_GINT64_FORMAT, value);
}

/* Ends the current row with CRLF. */
void
qing_export_table_end_row (QingExportTable *self)
{
  g_return_if_fail (self != NULL);

  g_string_append (self->text, "\r\n");
  self->n_rows++;
  self->row_open = FALSE;
}

/* How many rows were ended, the header included. */
guint
qing_export_table_get_n_rows (QingExportTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

/* The file's bytes (BOM, UTF-8, CRLF); the caller owns the GBytes. */
GBytes *
qing_export_table_to_bytes (QingExportTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_bytes_new (self->text->str, self->text->len);
}

/**
 * qing_export_table_save:
 * @self: a table
 * @path: where to write it
 * @error: a %QING_EXPORT_ERROR
 *
 * Writes the table to @path atomically, readable only by the user: the
 * file holds data about minors.
 */
gboolean
qing_export_table_save (QingExportTable *self,
                        const char      *path,
                        GError         **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_set_contents_full (path, self->text->str, self->text->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, QING_EXPORT_ERROR, QING_EXPORT_ERROR_WRITE,
                   _("Could not save the file “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
add_header (QingExportTable *self, const char *const *headers)
{
  for (guint i = 0; headers[i] != NULL; i++)
    qing_export_table_add_text (self, headers[i]);
  qing_export_table_end_row (self);
}

static const char *
role_label (QingRole role)
{
  switch (role)
    {
    case QING_ROLE_PARENT:
      return C_("role", "Parent");
    case QING_ROLE_MENTOR:
      return C_("role", "Mentor");
    case QING_ROLE_COUNSELOR:
      return C_("role", "Counselor");
    case QING_ROLE_PEER:
      return C_("role", "Peer supporter");
    default:
      return "";
    }
}

static const char *
mode_label (QingTalkMode mode)
{
  switch (mode)
    {
    case QING_TALK_MODE_IN_PERSON:
      return C_("talk mode", "In person");
    case QING_TALK_MODE_PHONE:
      return C_("talk mode", "Phone");
    case QING_TALK_MODE_ONLINE:
      return C_("talk mode", "Online");
    default:
      return "";
    }
}

/* Names and numbers of the people in an export, looked up once each. */
typedef struct
{
  QingStore  *store;
  GHashTable *people; /* id → QingPerson* (NULL value: not found) */
} PeopleCache;

static QingPerson *
lookup_person (PeopleCache *cache, gint64 id)
{
  QingPerson *person;

  if (id <= 0)
    return NULL;
  if (!g_hash_table_lookup_extended (cache->people, &id, NULL, (gpointer *) &person))
    {
      gint64 *key = g_memdup2 (&id, sizeof id);

      /* A removed person is shown as an empty cell, not as an error. */
      person = qing_store_get_person (cache->store, id, NULL);
      g_hash_table_insert (cache->people, key, person);
    }
  return person;
}

static void
unref_person (gpointer person)
{
  if (person != NULL)
    g_object_unref (person);
}

static void
people_cache_init (PeopleCache *cache, QingStore *store)
{
  cache->store = store;
  cache->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, unref_person);
}

static void
people_cache_clear (PeopleCache *cache)
{
  g_clear_pointer (&cache->people, g_hash_table_unref);
}

static void
add_student_cells (QingExportTable *self, PeopleCache *cache, gint64 student_id)
{
  QingPerson *student = lookup_person (cache, student_id);

  qing_export_table_add_text (self, student ? qing_person_get_name (student) : NULL);
  qing_export_table_add_text (self, student ? qing_person_get_student_number (student) : NULL);
}

/* Date and time cells in the store's time zone: "2026-11-29", "20:15". */
static void
add_when_cells (QingExportTable *self, QingStore *store, gint64 utc)
{
  GTimeZone *tz = qing_clock_get_timezone (qing_store_get_clock (store));
  g_autoptr (GDateTime) utc_time = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc_time, tz);
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  qing_export_table_add_text (self, date);
  qing_export_table_add_text (self, time);
}

/* Joins translated labels of ids: "学习、睡眠". */
static char *
join_labels (const char *const *ids, const char *(*label) (const char *id))
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between items of a list in one spreadsheet cell. */
        g_string_append (out, C_("export", ", "));
      g_string_append (out, label != NULL ? label (ids[i]) : ids[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_talk_row (QingExportTable *self, QingStore *store, PeopleCache *cache, QingTalk *talk)
{
  QingPerson *listener = lookup_person (cache, qing_talk_get_listener_id (talk));
  g_autofree char *topics = join_labels (qing_talk_get_topics (talk), NULL);

  add_student_cells (self, cache, qing_talk_get_student_id (talk));
  add_when_cells (self, store, qing_talk_get_start_utc (talk));
  qing_export_table_add_int (self, qing_talk_get_duration (talk) / 60);
  qing_export_table_add_text (self, qing_talk_get_effective (talk) ? C_("export", "Yes")
                                                                   : C_("export", "No"));
  qing_export_table_add_text (self, listener ? qing_person_get_name (listener) : NULL);
  qing_export_table_add_text (self, role_label (qing_talk_get_listener_role (talk)));
  qing_export_table_add_text (self, mode_label (qing_talk_get_mode (talk)));
  qing_export_table_add_text (self, qing_talk_get_place (talk));
  qing_export_table_add_text (self, topics);
  qing_export_table_add_text (self, qing_talk_get_note (talk));
  qing_export_table_end_row (self);
}

/**
 * qing_export_talks_table:
 * @store: the store
 * @viewer: who exports, in which role: only talks they may see are written
 * @student_ids: the students
 * @n_students: how many
 * @from_utc: start of the range (Unix seconds, included)
 * @to_utc: end of the range (Unix seconds, excluded)
 * @error: a %QING_STORE_ERROR
 *
 * Builds the talks of the students in the range as a table, one row per
 * talk, students in the order given and talks in time order.  The caller
 * owns the returned table.
 */
QingExportTable *
qing_export_talks_table (QingStore        *store,
                         const QingViewer *viewer,
                         const gint64     *student_ids,
                         guint             n_students,
                         gint64            from_utc,
                         gint64            to_utc,
                         GError          **error)
{
  const char *const headers[] = {
    C_("export header", "Student"), C_("export header", "Student number"),
    C_("export header", "Date"), C_("export header", "Start"),
    C_("export header", "Minutes"), C_("export header", "Effective talk"),
    C_("export header", "Listener"), C_("export header", "Role"),
    C_("export header", "How"), C_("export header", "Place"),
    C_("export header", "Topics"), C_("export header", "Note"), NULL,
  };
  g_autoptr (QingExportTable) self = qing_export_table_new ();
  PeopleCache cache;
  gboolean ok = TRUE;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);
  g_return_val_if_fail (student_ids != NULL || n_students == 0, NULL);

  add_header (self, headers);
  people_cache_init (&cache, store);
  for (guint i = 0; ok && i < n_students; i++)
    {
      g_autoptr (GPtrArray) talks = NULL;

      talks = qing_store_list_talks (store, viewer, student_ids[i], from_utc, to_utc, error);
      ok = talks != NULL;
      for (guint k = 0; ok && k < talks->len; k++)
        add_talk_row (self, store, &cache, g_ptr_array_index (talks, k));
    }
  people_cache_clear (&cache);
  return ok ? g_steal_pointer (&self) : NULL;
}

static void
add_mood_row (QingExportTable *self, QingStore *store, PeopleCache *cache, QingMoodEntry *entry)
{
  QingPerson *recorder = lookup_person (cache, qing_mood_entry_get_recorded_by (entry));
  g_autofree char *words = join_labels (qing_mood_entry_get_emotion_words (entry),
                                        qing_mood_vocab_word_label);
  g_autofree char *areas = join_labels (qing_mood_entry_get_life_areas (entry),
                                        qing_mood_vocab_area_label);
  QingEnergy energy = qing_mood_entry_get_energy (entry);
  int valence = qing_mood_entry_get_valence (entry);

  add_student_cells (self, cache, qing_mood_entry_get_student_id (entry));
  add_when_cells (self, store, qing_mood_entry_get_at_utc (entry));
  qing_export_table_add_int (self, valence);
  qing_export_table_add_text (self, qing_mood_vocab_valence_label (valence));
  qing_export_table_add_text (self, energy != QING_ENERGY_UNSET
                                      ? qing_mood_vocab_energy_label ((QingMoodEnergy) energy)
                                      : NULL);
  qing_export_table_add_text (self, words);
  qing_export_table_add_text (self, areas);
  qing_export_table_add_text (self, recorder ? qing_person_get_name (recorder) : NULL);
  qing_export_table_add_text (self, qing_mood_entry_get_note (entry));
  qing_export_table_end_row (self);
}

/**
 * qing_export_moods_table:
 * @store: the store
 * @viewer: who exports, in which role: only entries they may see are written
 * @student_ids: the students
 * @n_students: how many
 * @from_utc: start of the range (Unix seconds, included)
 * @to_utc: end of the range (Unix seconds, excluded)
 * @error: a %QING_STORE_ERROR
 *
 * Builds the mood journal entries of the students in the range as a table
 * (mood from -3 to +3 as a number and as words).  The caller owns the
 * returned table.
 */
QingExportTable *
qing_export_moods_table (QingStore        *store,
                         const QingViewer *viewer,
                         const gint64     *student_ids,
                         guint             n_students,
                         gint64            from_utc,
                         gint64            to_utc,
                         GError          **error)
{
  const char *const headers[] = {
    C_("export header", "Student"), C_("export header", "Student number"),
    C_("export header", "Date"), C_("export header", "Time"),
    C_("export header", "Mood (-3 to +3)"), C_("export header", "Mood"),
    C_("export header", "Energy"), C_("export header", "Emotion words"),
    C_("export header", "Life areas"), C_("export header", "Recorded by"),
    C_("export header", "Note"), NULL,
  };
  g_autoptr (QingExportTable) self = qing_export_table_new ();
  PeopleCache cache;
  gboolean ok = TRUE;

  g_return_val_if_fail (QING_IS_STORE (store), NULL);
  g_return_val_if_fail (viewer != NULL, NULL);
  g_return_val_if_fail (student_ids != NULL || n_students == 0, NULL);

  add_header (self, headers);
  people_cache_init (&cache, store);
  for (guint i = 0; ok && i < n_students; i++)
    {
      g_autoptr (GPtrArray) moods = NULL;

      moods = qing_store_list_moods (store, viewer, student_ids[i], from_utc, to_utc, error);
      ok = moods != NULL;
      for (guint k = 0; ok && k < moods->len; k++)
        add_mood_row (self, store, &cache, g_ptr_array_index (moods, k));
    }
  people_cache_clear (&cache);
  return ok ? g_steal_pointer (&self) : NULL;
}

/* Writes qing_export_talks_table() to @path (see qing_export_table_save()). */
gboolean
qing_export_talks (QingStore        *store,
                   const QingViewer *viewer,
                   const gint64     *student_ids,
                   guint             n_students,
                   gint64            from_utc,
                   gint64            to_utc,
                   const char       *path,
                   GError          **error)
{
  g_autoptr (QingExportTable) table = NULL;

  table = qing_export_talks_table (store, viewer, student_ids, n_students, from_utc, to_utc, error);
  return table != NULL && qing_export_table_save (table, path, error);
}

/* Writes qing_export_moods_table() to @path (see qing_export_table_save()). */
gboolean
qing_export_moods (QingStore        *store,
                   const QingViewer *viewer,
                   const gint64     *student_ids,
                   guint             n_students,
                   gint64            from_utc,
                   gint64            to_utc,
                   const char       *path,
                   GError          **error)
{
  g_autoptr (QingExportTable) table = NULL;

  table = qing_export_moods_table (store, viewer, student_ids, n_students, from_utc, to_utc, error);
  return table != NULL && qing_export_table_save (table, path, error);
}
