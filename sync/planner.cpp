#include "planner.h"

#include "pathrules.h"

#include <QCoreApplication>

namespace suanli::sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::Planner", text);
}

} // namespace

PlanResult makePlan(const PlanInput &input)
{
    PlanResult result;
    SyncPlan &plan = result.plan;
    QHash<QByteArray, const Entry *> receiver;
    receiver.reserve(input.receiver->entries.size());
    for (const Entry &entry : input.receiver->entries) {
        receiver.insert(entry.path, &entry);
        if (entry.type != EntryType::Directory)
            result.receiverFiles.insert(entry.path);
    }
    QSet<QByteArray> sourcePaths;
    QHash<QString, QByteArray> folded; // case-insensitive receivers: one name per folded path
    const bool caseInsensitive = input.receiverNames != NameRules::Posix;
    QSet<QByteArray> refusedDirs;

    for (const Entry &entry : input.source->entries) {
        sourcePaths.insert(entry.path);
        // Below a folder already refused: skip silently, the folder's issue says it all.
        const qsizetype slash = entry.path.lastIndexOf('/');
        if (slash > 0) {
            bool under = false;
            for (qsizetype s = slash; s > 0; s = entry.path.lastIndexOf('/', s - 1)) {
                if (refusedDirs.contains(entry.path.left(s))) {
                    under = true;
                    break;
                }
            }
            if (under)
                continue;
        }
        const auto refuse = [&](Error error) {
            plan.skipped.append({entry.path, std::move(error)});
            if (entry.type == EntryType::Directory)
                refusedDirs.insert(entry.path);
        };
        if (auto invalid = checkName(entry.path.mid(slash + 1), input.receiverNames)) {
            refuse(*invalid);
            continue;
        }
        if (caseInsensitive) {
            const QString key = QString::fromUtf8(entry.path).toCaseFolded();
            if (folded.contains(key)) {
                refuse(makeError(QStringLiteral("name_collision"),
                                 tr("\"%1\" and \"%2\" differ only in case, which this computer's "
                                    "file system cannot keep apart; only the first is synced.")
                                     .arg(QString::fromUtf8(folded.value(key)),
                                          QString::fromUtf8(entry.path))));
                continue;
            }
            folded.insert(key, entry.path);
        }
        const Entry *existing = receiver.value(entry.path);
        switch (entry.type) {
        case EntryType::Directory:
            if (existing && existing->type != EntryType::Directory) {
                refuse(makeError(QStringLiteral("type_conflict"),
                                 tr("\"%1\" is a folder here but not on the other side; move one "
                                    "of them away to sync it.")
                                     .arg(QString::fromUtf8(entry.path))));
            } else {
                plan.directories.append(entry);
            }
            break;
        case EntryType::Symlink:
            if (!isSymlinkInsideTree(entry.path, entry.linkTarget)) {
                refuse(makeError(QStringLiteral("unsafe_symlink"),
                                 tr("The link \"%1\" points to \"%2\", outside the synced folder; "
                                    "links are never followed out of the tree, so it was left out.")
                                     .arg(QString::fromUtf8(entry.path),
                                          QString::fromUtf8(entry.linkTarget))));
            } else if (existing && existing->type == EntryType::Directory) {
                refuse(makeError(QStringLiteral("type_conflict"),
                                 tr("\"%1\" is a link here but a folder on the other side.")
                                     .arg(QString::fromUtf8(entry.path))));
            } else if (!existing || existing->type != EntryType::Symlink ||
                       existing->linkTarget != entry.linkTarget) {
                plan.symlinks.append(entry);
            }
            break;
        case EntryType::File: {
            ++plan.sourceFiles;
            if (existing && existing->type == EntryType::Directory) {
                refuse(makeError(QStringLiteral("type_conflict"),
                                 tr("\"%1\" is a file here but a folder on the other side; move "
                                    "one of them away to sync it.")
                                     .arg(QString::fromUtf8(entry.path))));
                break;
            }
            const bool sameLook = existing && existing->type == EntryType::File &&
                                  existing->size == entry.size &&
                                  seconds(existing->mtimeNs) == seconds(entry.mtimeNs);
            if (!sameLook) {
                plan.transfers.append(entry);
                plan.bytesToTransfer += entry.size;
                break;
            }
            const Entry &local = input.direction == Direction::Upload ? entry : *existing;
            const Entry &remote = input.direction == Direction::Upload ? *existing : entry;
            const auto journal = input.journal->constFind(entry.path);
            const bool known = journal != input.journal->constEnd() &&
                               journal->size == entry.size &&
                               journal->localMtimeNs == local.mtimeNs &&
                               journal->remoteMtime == seconds(remote.mtimeNs) &&
                               !journal->sha256.isEmpty();
            if (!known) {
                result.hashChecks.append(entry);
                break;
            }
            ++plan.unchangedFiles;
            plan.unchangedBytes += entry.size;
            if (existing->mode != entry.mode)
                plan.metadataOnly.append(entry);
            break;
        }
        }
    }
    if (input.deleteExtraneous) {
        for (const Entry &entry : input.receiver->entries) {
            if (!sourcePaths.contains(entry.path))
                plan.deletions.append(entry.path);
        }
        // Deepest first, so folders are empty when their turn comes.
        std::sort(plan.deletions.begin(), plan.deletions.end(),
                  [](const QByteArray &a, const QByteArray &b) {
                      const auto da = a.count('/'), db = b.count('/');
                      return da != db ? da > db : a > b;
                  });
    }
    return result;
}

} // namespace suanli::sync
