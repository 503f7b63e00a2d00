#pragma once

#include "localtree.h"
#include "syncjournal.h"
#include "synctypes.h"

#include <QSet>

namespace suanli::sync {

/// The plan of a run, made from both listings and the journal, before any byte moves.
struct PlanInput
{
    const TreeListing *source = nullptr;
    const TreeListing *receiver = nullptr;
    const QHash<QByteArray, JournalEntry> *journal = nullptr;
    Direction direction = Direction::Upload;
    NameRules receiverNames = NameRules::Posix;
    bool deleteExtraneous = false;
};

struct PlanResult
{
    SyncPlan plan;
    /// Same size and mtime on both sides but no journal record: compared by hash before
    /// deciding (the only case where an unchanged-looking file is hashed).
    QList<Entry> hashChecks;
    /// Receiver paths that exist as files or links (a transfer replaces them).
    QSet<QByteArray> receiverFiles;
};

PlanResult makePlan(const PlanInput &input);

inline qint64 seconds(qint64 ns)
{
    return ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000);
}

} // namespace suanli::sync
