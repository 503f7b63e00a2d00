#pragma once

#include <QStringList>

namespace suanli::bench {

/// Prints the results of several runs (JSON files written by `market-bench run --out`) side
/// by side, then the targets and whether each run met them. Returns the exit code.
int printReport(const QStringList &paths);

} // namespace suanli::bench
