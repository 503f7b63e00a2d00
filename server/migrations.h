#pragma once

#include "database.h"

namespace suanli::server {

/// The schema's current version. Migrations are numbered from 1 and kept in the code;
/// each runs once, in its own transaction, and bumps schema_version.
int latestSchemaVersion();

/// Applies every migration newer than the database's version. Safe to run concurrently from
/// several processes on PostgreSQL (an advisory lock serialises them).
Result<int> migrate(Database &db);

} // namespace suanli::server
