#include "syncrunner.h"

#include "filetransfer.h"
#include "hasher.h"
#include "pathrules.h"
#include "planner.h"
#include "remotefs.h"
#include "syncjournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <cerrno>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace suanli::sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::SyncRunner", text);
}

// Without a tar stream (downloads, an instance without GNU tar) small files travel pipelined
// (sftppipe.h) and a batch ends with one hashing exec on the instance: a fork of sshd, the
// user's shell with its start-up files (`conda init` or `pyenv init` in ~/.bashrc: 100–500 ms
// of CPU each time) and the tool. Each session is an
// sshd of its own too. So a run opens only the sessions its work needs — one per
// kFilesPerSession small files or kBatchBytes of them, at most SyncOptions::sessions — and
// gives each one batch. A batch never holds more than kBatchBytes: its files are renamed
// into place only after its verification, so that is what a dropped link can cost.
constexpr qsizetype kFilesPerSession = 5000;
constexpr qint64 kBatchBytes = 64 * 1024 * 1024;
// An upload's batch is one tar stream where the instance can take it (streamupload.cpp):
// no round trips per file, so a stream's cost is CPU (ours, sshd's, tar's) and the link, not
// the number of files, and one more session adds an sshd and a shell more than speed. So a
// session takes up to kStreamBatchBytes of small files, however many: 100 MB of 10 kB files
// go in one stream (faster than two on loopback), 1 GB in eight, each with its own
// channel window (sshd's 2 MiB) for long links.
constexpr qint64 kStreamBatchBytes = 128 * 1024 * 1024;
constexpr int kHashBatch = 256;

/// Whether the local tree has a small file the journal does not know as sent with its size
/// and mtime: a guess, before the instance is listed, that a tar stream will be needed.
bool hasUnsentSmallFiles(const TreeListing &local, const QHash<QByteArray, JournalEntry> &known,
                         qint64 largeFileThreshold)
{
    return std::any_of(local.entries.cbegin(), local.entries.cend(), [&](const Entry &entry) {
        if (entry.type != EntryType::File || entry.size >= largeFileThreshold)
            return false;
        const auto journaled = known.constFind(entry.path);
        return journaled == known.cend() || journaled->size != entry.size ||
               journaled->localMtimeNs != entry.mtimeNs;
    });
}

/// The queue the transfer threads take work from, and what they hand back.
struct WorkQueue
{
    QMutex mutex;
    QWaitCondition changed;
    QList<QList<Entry>> items;
    qsizetype next = 0;
    QList<CompletedFile> completed;
    QList<Issue> issues;
    int running = 0;

    std::optional<QList<Entry>> take()
    {
        QMutexLocker lock(&mutex);
        if (next >= items.size())
            return std::nullopt;
        return items.at(next++);
    }
};

// Like ssh::Session, a failure that retrying can cure (refused, reset during the handshake on a
// busy server) is retried with backoff; a host key mismatch or a refused key is not.
Result<void> connectWithRetry(ssh::BlockingSession &session, const SyncOptions &options,
                              const SyncControl &control)
{
    Result<void> connected;
    for (int attempt = 0; attempt < 4 && !control.shouldStop(); ++attempt) {
        if (attempt > 0)
            QThread::msleep(250u << attempt);
        connected = session.connect(options.endpoint, options.identity, {}, options.ioTimeout);
        if (connected || connected.error().code == QStringLiteral("host_key_mismatch") ||
            connected.error().code == QStringLiteral("auth_failed") ||
            connected.error().code == QStringLiteral("ssh_key_error"))
            break;
    }
    return connected;
}

} // namespace

SyncRunner::SyncRunner(SyncOptions options, SyncControl &control)
    : m_options(std::move(options))
    , m_control(control)
{
}

SyncReport SyncRunner::run(const std::function<void(const SyncPlan &)> &onPlan)
{
    SyncReport report;
    report.startedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer clock;
    clock.start();
    const bool upload = m_options.direction == Direction::Upload;
    SyncJournal journal;
    const QString destination = SyncJournal::destinationKey(m_options);
    const auto finish = [&](std::optional<Error> error) {
        report.elapsedMs = clock.elapsed();
        report.cancelled = m_control.isCancelled();
        if (!error && m_control.failed() && !report.cancelled)
            error = m_control.error();
        // A cancel shuts the sockets, so the transfers fail as "lost"; say what happened.
        if (report.cancelled)
            error = makeError(QStringLiteral("cancelled"),
                              tr("The sync was cancelled. Partly sent files are kept and the "
                                 "next sync resumes them."));
        report.ok = !error.has_value();
        if (error)
            report.error = *error;
        report.bytesTransferred = m_control.bytesTransferred.load();
        report.bytesResumed = m_control.bytesResumed.load();
        if (!m_options.dryRun)
            journal.addHistory(destination, m_options.direction, report);
        return report;
    };

    if (!m_options.journalPath.isEmpty()) {
        if (auto opened = journal.open(m_options.journalPath); !opened)
            return finish(opened.error());
    }
    auto remoteRoot = normaliseRemoteRoot(m_options.remoteRoot);
    if (!remoteRoot)
        return finish(remoteRoot.error());
    const QByteArray localRoot = localfs::encode(QDir::cleanPath(m_options.localRoot));
    if (!QDir::isAbsolutePath(m_options.localRoot))
        return finish(makeError(QStringLiteral("invalid_path"),
                                tr("The local folder must be an absolute path.")));

    auto primary = std::make_unique<ssh::BlockingSession>();
    m_control.registerSession(primary.get());
    const auto unregisterPrimary = qScopeGuard([&] { m_control.unregisterSession(primary.get()); });
    if (auto connected = connectWithRetry(*primary, m_options, m_control); !connected)
        return finish(connected.error());
    RemoteFs fs(*primary);
    if (auto opened = fs.open(); !opened)
        return finish(opened.error());

    // Listing both sides.
    IgnoreRules rules = IgnoreRules::withDefaults();
    QList<Issue> listIssues;
    TreeListing localListing;
    TreeListing remoteListing;
    bool remoteExists = false;
    if (!upload) {
        // Download: the local root's .suanliignore applies to what comes down.
        QFile ignoreFile(QDir(m_options.localRoot).filePath(QStringLiteral(".suanliignore")));
        if (ignoreFile.open(QIODevice::ReadOnly))
            listIssues.append(rules.addFile({}, ignoreFile.readAll()));
        if (auto made = localfs::makeDirectories(QByteArray("/"), localRoot.mid(1)); !made)
            return finish(made.error());
    }
    const QHash<QByteArray, JournalEntry> known = journal.load(destination);
    // Small files will most likely go as a tar stream when this destination was never synced,
    // or when the local tree has some the journal does not know as sent: the command that
    // unpacks it starts then, its shell start-up on the instance (a fork of sshd, the user's
    // shell and its start-up files) overlapping the listing.
    const bool streams = upload && m_options.streamSmallFiles; // small files as tar streams
    const bool mayStream = streams && !m_options.dryRun;
    if (mayStream && known.isEmpty())
        fs.prestartExtract(*remoteRoot);
    {
        auto local = scanLocalTree(m_options.localRoot, rules, &listIssues);
        if (!local)
            return finish(local.error());
        localListing = std::move(*local);
        if (mayStream && !known.isEmpty() &&
            hasUnsentSmallFiles(localListing, known, m_options.largeFileThreshold))
            fs.prestartExtract(*remoteRoot);
        auto remote = fs.listTree(*remoteRoot, rules,
                                  upload ? NameRules::Posix : m_options.receiverNames, &listIssues,
                                  &remoteExists);
        if (!remote)
            return finish(remote.error());
        remoteListing = std::move(*remote);
    }
    if (!upload && !remoteExists)
        return finish(makeError(QStringLiteral("remote_folder_missing"),
                                tr("%1 does not exist on the instance.")
                                    .arg(QString::fromUtf8(*remoteRoot))));
    const TreeListing &source = upload ? localListing : remoteListing;
    const TreeListing &receiver = upload ? remoteListing : localListing;
    PlanInput input{&source, &receiver, &known, m_options.direction,
                    upload ? NameRules::Posix : m_options.receiverNames,
                    m_options.deleteExtraneous};
    PlanResult planned = makePlan(input);
    SyncPlan &plan = planned.plan;
    plan.skipped = listIssues + plan.skipped;

    // The probe is an exec of its own: a fork of sshd and the user's shell with its start-up
    // files, much of an unchanged tree's re-sync on a busy machine. Only a run that hashes on
    // the instance before it sends asks first (files without a journal record, partials to
    // resume, downloads); the verification after a transfer picks the tool in its own command
    // (RemoteFs::startSha256), started while the files travel.
    const bool needsHash = !planned.hashChecks.isEmpty() ||
                           (!planned.plan.transfers.isEmpty() && !m_options.dryRun);
    const bool resumes = std::any_of(plan.transfers.cbegin(), plan.transfers.cend(), [&](const Entry &e) {
        return e.size >= m_options.largeFileThreshold && receiver.partials.contains(e.path);
    });
    bool remoteHasSha256 = needsHash;
    if (needsHash && (!upload || !planned.hashChecks.isEmpty() || resumes))
        remoteHasSha256 = fs.probeHashCommand();
    else
        fs.setHashCommand({}, true);
    // Same size and mtime but no journal record (first sync onto existing data, or a lost
    // journal): compare hashes instead of sending.
    QList<QPair<QByteArray, JournalEntry>> journalUpdates;
    for (qsizetype from = 0; from < planned.hashChecks.size() && !m_control.shouldStop(); from += kHashBatch) {
        const QList<Entry> chunk = planned.hashChecks.mid(from, kHashBatch);
        QList<QByteArray> remotePaths;
        for (const Entry &entry : chunk)
            remotePaths.append(joinPath(*remoteRoot, entry.path));
        QList<QByteArray> theirs;
        if (remoteHasSha256) {
            auto hashes = fs.sha256(remotePaths);
            if (!hashes)
                return finish(hashes.error());
            theirs = *hashes;
        }
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            const Entry &entry = chunk.at(i);
            const QByteArray ours = hashLocalFile(localfs::decode(joinPath(localRoot, entry.path)));
            if (!ours.isEmpty() && i < theirs.size() && ours == theirs.at(i)) {
                const Entry &localEntry = upload ? entry : *std::find_if(receiver.entries.cbegin(), receiver.entries.cend(), [&](const Entry &e) { return e.path == entry.path; });
                ++plan.unchangedFiles;
                plan.unchangedBytes += entry.size;
                journalUpdates.append({entry.path, JournalEntry{entry.size, localEntry.mtimeNs,
                                                                seconds(entry.mtimeNs), ours}});
            } else {
                plan.transfers.append(entry);
                plan.bytesToTransfer += entry.size;
            }
        }
    }
    report.filesUnchanged = plan.unchangedFiles;
    report.issues = plan.skipped;
    if (onPlan)
        onPlan(plan);
    if (m_options.dryRun || m_control.shouldStop())
        return finish(std::nullopt);
    journal.store(destination, journalUpdates);

    m_control.bytesTotal = plan.bytesToTransfer;
    m_control.filesTotal = plan.transfers.size();

    // Folders first (parents before children), on the receiver.
    QSet<QByteArray> receiverDirs;
    for (const Entry &entry : receiver.entries) {
        if (entry.type == EntryType::Directory)
            receiverDirs.insert(entry.path);
    }
    qsizetype smallFiles = 0;
    qint64 smallBytes = 0;
    for (const Entry &entry : std::as_const(plan.transfers)) {
        if (entry.size < m_options.largeFileThreshold) {
            ++smallFiles;
            smallBytes += entry.size;
        }
    }
    // A first upload into a folder that does not exist yet, of small files that make one stream:
    // the stream unpacks the whole tree under a staging folder beside the root (folders
    // included, final names) and one rename puts it in place after the check, instead of a
    // mkdir per folder and a rename per file (docs/sync.md, "Small files: one tar stream").
    const bool staged = streams && !remoteExists && smallFiles > 0 &&
                        smallFiles == plan.transfers.size() && smallBytes <= kStreamBatchBytes;
    if (staged) {
        const qsizetype slash = remoteRoot->lastIndexOf('/');
        const QByteArray parent = slash > 0 ? remoteRoot->left(slash) : QByteArray();
        if (!parent.isEmpty()) {
            if (auto made = fs.makePath(parent); !made)
                return finish(made.error());
        }
    } else if (upload) {
        if (!remoteExists) {
            if (auto made = fs.makePath(*remoteRoot); !made)
                return finish(made.error());
        }
        QList<QByteArray> missing;
        for (const Entry &dir : std::as_const(plan.directories)) {
            if (!receiverDirs.contains(dir.path))
                missing.append(dir.path);
        }
        if (auto made = fs.makeFolders(*remoteRoot, missing, &report.issues); !made)
            return finish(made.error());
    } else {
        for (const Entry &dir : std::as_const(plan.directories)) {
            if (receiverDirs.contains(dir.path))
                continue;
            if (auto made = localfs::makeDirectories(localRoot, dir.path); !made)
                report.issues.append({dir.path, made.error()});
        }
    }

    // Work: large files alone (biggest first, so they start early), small ones in batches.
    WorkQueue queue;
    QList<Entry> transfers = plan.transfers;
    std::sort(transfers.begin(), transfers.end(),
              [](const Entry &a, const Entry &b) { return a.size > b.size; });
    const qint64 batchLimit = streams ? kStreamBatchBytes : kBatchBytes;
    const qsizetype byFiles = streams ? 1 : (smallFiles + kFilesPerSession - 1) / kFilesPerSession;
    const qsizetype wanted = qMax(byFiles, qsizetype((smallBytes + batchLimit - 1) / batchLimit));
    const qsizetype batches = qBound(qsizetype(1), wanted, qsizetype(qMax(1, m_options.sessions)));
    const qsizetype batchFiles = qMax(qsizetype(1), (smallFiles + batches - 1) / batches);
    QList<Entry> batch;
    qint64 batchBytes = 0;
    for (const Entry &entry : std::as_const(transfers)) {
        if (entry.size >= m_options.largeFileThreshold) {
            queue.items.append({entry});
            continue;
        }
        batch.append(entry);
        batchBytes += entry.size;
        if (batch.size() >= batchFiles || batchBytes >= batchLimit) {
            queue.items.append(batch);
            batch.clear();
            batchBytes = 0;
        }
    }
    if (!batch.isEmpty())
        queue.items.append(batch);
    if (fs.hasExtract()) {
        // The first session's command for a stream is already started: its thread (the first
        // to take work) gets a batch of small files rather than the biggest file.
        const auto small = std::find_if(queue.items.begin(), queue.items.end(), [&](const QList<Entry> &item) {
            return item.first().size < m_options.largeFileThreshold;
        });
        if (small != queue.items.end())
            std::rotate(queue.items.begin(), small, small + 1);
    }

    TransferContext context;
    context.direction = m_options.direction;
    context.localRoot = localRoot;
    context.remoteRoot = *remoteRoot;
    context.largeFileThreshold = m_options.largeFileThreshold;
    context.remoteHasSha256 = remoteHasSha256;
    context.hashCommand = fs.hashCommand();
    context.hashWithXargs = fs.hashWithXargs();
    context.receiverPartials = &receiver.partials;
    context.receiverFiles = &planned.receiverFiles;
    context.control = &m_control;
    context.streamSmallFiles = m_options.streamSmallFiles;
    if (staged) {
        context.stagingRoot = partialPathFor(*remoteRoot);
        context.stagedDirectories = plan.directories;
    }
    std::atomic<bool> streamRefused{false};
    context.streamRefused = &streamRefused;

    const int threads = int(qMin<qsizetype>(qMax(1, m_options.sessions), queue.items.size()));
    const auto work = [&](ssh::BlockingSession *session) {
        std::unique_ptr<ssh::BlockingSession> own;
        if (!session) {
            own = std::make_unique<ssh::BlockingSession>();
            session = own.get();
            m_control.registerSession(session);
            if (auto connected = connectWithRetry(*session, m_options, m_control); !connected) {
                m_control.fail(connected.error());
            }
        }
        {
            // The primary session's thread reuses the runner's channels (each channel is a
            // fork of sshd on the instance; the runner waits meanwhile). Others get their own,
            // freed before their session goes.
            std::optional<RemoteFs> ownFs;
            if (session != primary.get()) {
                ownFs.emplace(*session);
                ownFs->setHashCommand(context.hashCommand, context.hashWithXargs);
            }
            RemoteFs &threadFs = ownFs ? *ownFs : fs;
            FileTransfer transfer(context, threadFs);
            if (!m_control.shouldStop()) {
                if (auto opened = threadFs.open(); !opened)
                    m_control.fail(opened.error());
            }
            while (!m_control.shouldStop()) {
                auto item = queue.take();
                if (!item)
                    break;
                QList<CompletedFile> completed;
                QList<Issue> issues;
                transfer.run(*item, &completed, &issues);
                QMutexLocker lock(&queue.mutex);
                queue.completed += completed;
                queue.issues += issues;
                queue.changed.wakeAll();
            }
        }
        if (own) {
            m_control.unregisterSession(own.get());
            own.reset();
        }
        QMutexLocker lock(&queue.mutex);
        --queue.running;
        queue.changed.wakeAll();
    };
    std::vector<std::thread> workers;
    queue.running = threads;
    for (int i = 0; i < threads; ++i)
        workers.emplace_back(work, i == 0 ? primary.get() : nullptr);
    // The runner journals what the transfer threads finish, so an interrupted run keeps it.
    const auto drain = [&] {
        QList<CompletedFile> completed;
        QList<Issue> issues;
        {
            QMutexLocker lock(&queue.mutex);
            completed.swap(queue.completed);
            issues.swap(queue.issues);
        }
        QList<QPair<QByteArray, JournalEntry>> entries;
        entries.reserve(completed.size());
        for (const CompletedFile &file : std::as_const(completed))
            entries.append({file.path, file.journal});
        journal.store(destination, entries);
        report.filesTransferred += completed.size();
        report.filesVerified += completed.size();
        report.issues += issues;
    };
    {
        QMutexLocker lock(&queue.mutex);
        while (queue.running > 0) {
            queue.changed.wait(&queue.mutex, 500);
            lock.unlock();
            drain();
            lock.relock();
        }
    }
    for (std::thread &worker : workers)
        worker.join();
    drain();
    if (m_control.shouldStop())
        return finish(std::nullopt);

    // Links, metadata fixes and deletions, then folder modes and times (writing into a folder
    // changes its mtime, so they go last, deepest first). Primary session, this thread again.
    for (const Entry &link : std::as_const(plan.symlinks)) {
        if (upload) {
            const QByteArray path = joinPath(*remoteRoot, link.path);
            if (planned.receiverFiles.contains(link.path))
                (void)fs.removeFile(path);
            if (auto made = fs.makeSymlink(path, link.linkTarget); !made)
                report.issues.append({link.path, made.error()});
        } else {
            const QByteArray path = joinPath(localRoot, link.path);
            if (!localfs::parentIsInsideTree(localRoot, link.path))
                continue;
            ::unlink(path.constData());
            if (::symlink(link.linkTarget.constData(), path.constData()) != 0)
                report.issues.append({link.path, makeError(QStringLiteral("local_write_failed"),
                                                           tr("Could not create the link %1.")
                                                               .arg(QString::fromUtf8(link.path)))});
        }
    }
    QList<RemoteFs::Attributes> remoteAttributes;
    for (const Entry &entry : std::as_const(plan.metadataOnly)) {
        if (upload)
            remoteAttributes.append({joinPath(*remoteRoot, entry.path), seconds(entry.mtimeNs), entry.mode});
        else
            (void)localfs::setTimesAndMode(joinPath(localRoot, entry.path),
                                           seconds(entry.mtimeNs) * 1000000000, entry.mode, false);
    }
    (void)fs.setAttributesMany(remoteAttributes);
    QHash<QByteArray, EntryType> receiverTypes;
    for (const Entry &entry : receiver.entries)
        receiverTypes.insert(entry.path, entry.type);
    QList<QByteArray> deleted;
    for (const QByteArray &path : std::as_const(plan.deletions)) {
        const bool isDir = receiverTypes.value(path) == EntryType::Directory;
        Result<void> removed;
        if (upload) {
            const QByteArray full = joinPath(*remoteRoot, path);
            removed = isDir ? fs.removeDirectory(full) : fs.removeFile(full);
        } else {
            const QByteArray full = joinPath(localRoot, path);
            if ((isDir ? ::rmdir(full.constData()) : ::unlink(full.constData())) != 0)
                removed = makeError(QStringLiteral("local_write_failed"),
                                    tr("Could not delete %1.").arg(QString::fromUtf8(path)));
        }
        if (removed) {
            deleted.append(path);
            ++report.filesDeleted;
        } else {
            report.issues.append({path, removed.error()});
        }
    }
    journal.remove(destination, deleted);
    QList<Entry> dirs = plan.directories;
    std::sort(dirs.begin(), dirs.end(), [](const Entry &a, const Entry &b) {
        return a.path.count('/') > b.path.count('/');
    });
    remoteAttributes.clear();
    for (const Entry &dir : std::as_const(dirs)) {
        if (upload)
            remoteAttributes.append({joinPath(*remoteRoot, dir.path), seconds(dir.mtimeNs), dir.mode});
        else
            (void)localfs::setTimesAndMode(joinPath(localRoot, dir.path),
                                           seconds(dir.mtimeNs) * 1000000000, dir.mode, false);
    }
    (void)fs.setAttributesMany(remoteAttributes);
    if (m_control.shouldStop())
        return finish(std::nullopt);
    return finish(std::nullopt);
}

} // namespace suanli::sync
