/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the repository files (qing-store-people.c, qing-store-talks.c, …)
 * share: the column lists each object is read from, the visibility
 * filter, and the live list machinery (QingRecordList).
 */
#pragma once

#include <glib/gi18n-lib.h>

#include "qing-repository.h"
#include "qing-store-private.h"

G_BEGIN_DECLS

/* The viewer is bound to ?20 (person id) and ?21 (role). */
void qing_repository_bind_viewer (QingStoreStmt    *stmt,
                                  const QingViewer *viewer);

/* TRUE when the viewer may see a record of @alias whose author column is
 * @author, written in the role of column @role (see qing-repository.h for
 * the rules).  The author sees it only in the role it was written in: one
 * person who is a counselor and a parent never finds the counselor's
 * confidential records in the family view.  Needs
 * qing_repository_bind_viewer(). */
#define QING_VISIBLE_SQL(alias, author, role) \
  QING_VISIBLE_AS_SQL (alias, author, alias "." role)
/* The same for a table whose records are all written in one role:
 * @role_sql is an SQL expression (e.g. "3" for a counselor's). */
#define QING_VISIBLE_AS_SQL(alias, author, role_sql) \
  "((" alias "." author " = ?20 AND " role_sql " = ?21)" \
  " OR (?21 = 3 AND " alias ".visibility >= 1)" \
  " OR (?21 = 2 AND " alias ".visibility >= 2 AND EXISTS (SELECT 1 FROM group_members vm" \
  "     JOIN student_groups vg ON vg.id = vm.group_id" \
  "     WHERE vm.student_id = " alias ".student_id AND vg.mentor_id = ?20))" \
  " OR (?21 = 1 AND " alias ".visibility >= 3 AND EXISTS (SELECT 1 FROM guardian_links vl" \
  "     WHERE vl.child_id = " alias ".student_id AND vl.guardian_id = ?20)))"

/* Sets a QING_REPOSITORY_ERROR and returns FALSE. */
gboolean qing_repository_fail (GError    **error,
                               QingRepositoryError code,
                               const char *message);

/* Steps a write (INSERT/UPDATE/DELETE) and resets it; on failure sets
 * @error to a sentence (a record that refers to someone no longer in the
 * database is QING_STORE_ERROR_NOT_FOUND), prefixed with @what otherwise. */
gboolean qing_repository_step_write (QingStore     *store,
                                     QingStoreStmt *stmt,
                                     const char    *what,
                                     GError       **error);

gboolean qing_repository_set_write_error (QingStore  *store,
                                          const char *what,
                                          GError    **error);

/* Reads the row @stmt is on as an object (a full reference); cast the
 * *_from_row functions below to it. */
typedef GObject *(*QingRowFunc) (QingStore     *store,
                                 QingStoreStmt *stmt);

/* Steps @stmt to the end and returns @from_row of each row (a new array
 * that owns the objects), or NULL with @error set from the database,
 * prefixed with @what (an already translated sentence). */
GPtrArray *qing_repository_collect (QingStore     *store,
                                    QingStoreStmt *stmt,
                                    QingRowFunc    from_row,
                                    const char    *what,
                                    GError       **error);
/* Steps @stmt once: the row's object (full reference), or NULL when there is
 * no row — with QING_STORE_ERROR_NOT_FOUND and @not_found as the message
 * when @not_found is not NULL, without an error otherwise — or NULL with
 * @what as the failing step's description. */
GObject   *qing_repository_fetch_one (QingStore     *store,
                                      QingStoreStmt *stmt,
                                      QingRowFunc    from_row,
                                      const char    *not_found,
                                      const char    *what,
                                      GError       **error);

/* TRUE for NULL or a string of only white space. */
gboolean qing_repository_is_blank (const char *text);

/* Binds text, or NULL for NULL or an all-blank string. */
void qing_repository_bind_text (QingStoreStmt *stmt,
                                int            index,
                                const char    *text);
/* Binds an id, or NULL for 0. */
void qing_repository_bind_id (QingStoreStmt *stmt,
                              int            index,
                              gint64         id);

/* Rows as objects.  Each takes a statement positioned on a row whose
 * columns start with the matching *_COLUMNS list. */
#define QING_PERSON_COLUMNS \
  "p.id, p.uuid, p.kind, p.name, p.pinyin_key, p.gender, p.birthday, p.student_number," \
  " p.phone, p.care_level," \
  " (SELECT cg.name FROM group_members cm JOIN student_groups cg ON cg.id = cm.group_id" \
  "   WHERE cm.student_id = p.id AND cm.group_kind = 1), p.note"
#define QING_PERSON_ORDER " ORDER BY p.pinyin_key, p.name, p.id"
QingPerson       *qing_repository_person_from_row (QingStore     *store,
                                                   QingStoreStmt *stmt);
/* The order of QING_PERSON_ORDER, for lists of people. */
int               qing_repository_compare_persons (GObject *a,
                                                   GObject *b);
/* Whether two people read from the store show the same values. */
gboolean          qing_repository_persons_equal   (GObject *a,
                                                   GObject *b);
#define QING_GROUP_MEMBERS_ITEM_SQL "SELECT student_id FROM group_members WHERE id = ?1"
#define QING_GUARDIAN_LINKS_ITEM_SQL "SELECT child_id FROM guardian_links WHERE id = ?1"

#define QING_TALK_COLUMNS \
  "t.id, t.uuid, t.student_id, t.listener_id, t.listener_role, t.start_utc, t.duration_s," \
  " t.place, t.mode, t.topics, t.note, t.visibility, t.with_guardian, t.guardian_id"
QingTalk         *qing_repository_talk_from_row   (QingStore     *store,
                                                   QingStoreStmt *stmt);

#define QING_MOOD_COLUMNS \
  "m.id, m.uuid, m.student_id, m.recorded_by, m.recorded_role, m.at_utc, m.valence, m.energy," \
  " m.emotion_words, m.life_areas, m.note, m.visibility, m.talk_id"
QingMoodEntry    *qing_repository_mood_from_row   (QingStore     *store,
                                                   QingStoreStmt *stmt);

#define QING_TIMER_COLUMNS \
  "r.id, r.uuid, r.student_id, r.listener_id, r.listener_role, r.started_utc, r.paused_utc," \
  " r.paused_total_s, r.last_seen_utc, r.with_guardian, r.guardian_id"
QingRunningTimer *qing_repository_timer_from_row  (QingStore     *store,
                                                   QingStoreStmt *stmt);

#define QING_FLAG_COLUMNS \
  "f.id, f.uuid, f.student_id, f.raised_by, f.raised_role, f.raised_at_utc, f.severity," \
  " f.observed, f.who_was_told, f.status"
QingFlag         *qing_repository_flag_from_row   (QingStore     *store,
                                                   QingStoreStmt *stmt);

/* Live lists.  A QingRecordList holds the objects of one query, in its
 * order, and follows the store's "row-changed" signal: a change to a row
 * of @table re-reads that one row and moves, replaces, inserts or removes
 * just that item; a change to one of @related (links, memberships)
 * re-reads the whole query and emits the smallest set of changes. */
typedef struct
{
  gint64     key;       /* guardian, group, student or listener id */
  gint64     from_utc;  /* for lists of a time range */
  gint64     to_utc;
  QingViewer viewer;
} QingRecordScope;

/* A table whose rows link items to the list (a membership, a guardian
 * link).  @item_sql, if not NULL, returns the id of the item a row of it
 * is about (?1 is the row's id), so an added or updated row moves just
 * that item; otherwise, and for removed rows, the list is read again. */
typedef struct
{
  const char *table;
  const char *item_sql;
} QingRecordListRelated;

typedef struct
{
  GType             (*item_type) (void); /* e.g. qing_person_get_type */
  const char         *table;
  const QingRecordListRelated *related;  /* ends with { NULL } */
  /* All items of the scope, in order (a new array of full references). */
  GPtrArray        *(*query_all) (QingStore             *store,
                                  const QingRecordScope *scope,
                                  GError               **error);
  /* Row @id if it belongs to the scope, else NULL (error only on failure). */
  GObject          *(*query_one) (QingStore             *store,
                                  const QingRecordScope *scope,
                                  gint64                 id,
                                  GError               **error);
  /* The query's order: negative, 0 or positive; 0 only for the same row. */
  int               (*compare)   (GObject *a,
                                  GObject *b);
  /* Whether two objects of the same row show the same; NULL compares
   * every property. */
  gboolean          (*equal)     (GObject *a,
                                  GObject *b);
} QingRecordListSpec;

#define QING_TYPE_RECORD_LIST (qing_record_list_get_type ())
G_DECLARE_FINAL_TYPE (QingRecordList, qing_record_list, QING, RECORD_LIST, GObject)

GListModel *qing_record_list_new (QingStore                *store,
                                  const QingRecordListSpec *spec,
                                  const QingRecordScope    *scope);

/* Compares two nullable strings as SQLite's BINARY collation does. */
int qing_repository_compare_text (const char *a,
                                  const char *b);

G_END_DECLS
