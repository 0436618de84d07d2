/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema of the whole program as an ordered list of migrations.
 * Private to the store.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* PRAGMA application_id of a Qingting database ("QTng"). */
#define QING_SCHEMA_APPLICATION_ID 0x51546e67

/* Migration i (counted from 0) takes the database from user_version i to
 * i + 1, in one transaction with the version bump.  Never edit a migration
 * that has shipped: add a new one, and a fixture (tests/fixtures/store).
 *
 * @rebuilds_tables: the migration rebuilds a table the SQLite way (CREATE
 * new_x, INSERT … SELECT, DROP x, ALTER TABLE new_x RENAME TO x, then
 * recreate x's indexes and triggers), so it runs with foreign keys off
 * (DROP would otherwise delete every row referring to x) and
 * PRAGMA foreign_key_check must pass before it commits. */
typedef struct
{
  const char *sql;
  gboolean    rebuilds_tables;
} QingMigration;

const QingMigration *qing_schema_get_migrations (guint *n_migrations);

G_END_DECLS
