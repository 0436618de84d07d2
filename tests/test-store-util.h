/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the store tests: temporary folders, checksums, raw
 * SQL on a store, damaged files, and the migration fixtures.
 */
#pragma once

#include "qing-store-private.h"

G_BEGIN_DECLS

static const char * const store_test_row_columns[] = { "id", "uuid", "created_utc", "updated_utc" };

char      *store_test_tmpdir (void);
void       store_test_rm_rf (const char *path);
char      *store_test_checksum (const char *path);
void       store_test_copy (const char *from, const char *to);
guint      store_test_latest_version (void);
gint64     store_test_file_version (const char *path);

QingStore *store_test_open_path (const char *path);
QingStore *store_test_open_in (const char *dir);
void       store_test_exec (QingStore *store, const char *sql);
gint64     store_test_query_int (QingStore *store, const char *sql);
const char *store_test_query_text (QingStore *store, const char *sql);
char      *store_test_columns (QingStore *store, const char *table);
void       store_test_fill (QingStore *store);

void       store_test_write_garbage (const char *path);
void       store_test_write_text (const char *path);
void       store_test_write_foreign_db (const char *path);
void       store_test_write_other_app_db (const char *path);
void       store_test_write_truncated_mid_page (const char *path);
void       store_test_write_truncated_at_page (const char *path);
void       store_test_write_garbled (const char *path);
void       store_test_write_garbled_tail (const char *path);
void       store_test_write_too_new (const char *path);
void       store_test_garble_file (const char *path);

int        store_test_write_fixture (const char *path);
void       store_test_assert_fixture_data (QingStore *store);

void       store_test_add_integrity_tests (void);

G_END_DECLS
