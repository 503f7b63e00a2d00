// FileTransfer's streamed path for batches of small files (see filetransfer.h).
#include "filetransfer.h"

#include "hasher.h"
#include "localio.h"
#include "pathrules.h"
#include "planner.h"
#include "protocol/tarstream.h"

#include <QCoreApplication>

namespace suanli::sync {

using namespace localio;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::FileTransfer", text);
}

/// The stream goes to the channel in pieces of at least this size (libssh2 1.10 wants large
/// writes); before the command is ready, up to kAhead is built and held.
constexpr qsizetype kFlush = 1024 * 1024;
constexpr qsizetype kAhead = 16 * 1024 * 1024;

/// What the extracting command printed last: "<tar's status> <SHA-256 of the stream>".
struct Outcome
{
    int tarStatus = -1;
    QByteArray streamHash;
};

Outcome parseOutcome(const QByteArray &out)
{
    Outcome outcome;
    const QList<QByteArray> words = out.trimmed().split(' ');
    if (words.size() >= 2) {
        bool ok = false;
        outcome.tarStatus = words.at(0).toInt(&ok);
        if (!ok)
            outcome.tarStatus = -1;
        outcome.streamHash = QByteArray::fromHex(words.at(1).left(64));
    }
    return outcome;
}

/// tar's complaint about one member, if it made one ("tar: <name>: Cannot open: ...").
QByteArray complaintAbout(const QByteArray &errors, const QByteArray &member)
{
    const QByteArray needle = "tar: " + member + ": ";
    for (const QByteArray &line : errors.split('\n')) {
        if (line.startsWith(needle))
            return line.mid(needle.size());
    }
    return {};
}

} // namespace

Result<std::optional<QList<FileTransfer::Moved>>>
FileTransfer::uploadStream(const QList<Entry> &batch, QList<Issue> *issues)
{
    SyncControl &control = *m_context.control;
    std::optional<ssh::PendingExec> prestarted = m_fs.takeExtract();
    Result<ssh::PendingExec> started =
        prestarted ? Result<ssh::PendingExec>(std::move(*prestarted))
                   : m_fs.session().startExec(RemoteFs::extractCommand(m_context.remoteRoot));
    if (!started) {
        if (isFatal(started.error()))
            return started.error();
        return std::optional<QList<Moved>>(); // the server runs no commands: SFTP it is
    }
    ssh::PendingExec &exec = *started;
    // The root exists now (or the staging folder is to be made): tar may start. A fresh
    // channel's window has room for it; a failure here (the command already ended) shows
    // below as no "ready".
    const bool staged = !m_context.stagingRoot.isEmpty();
    const QByteArray go = staged ? QByteArrayLiteral("staged\n") : QByteArrayLiteral("go\n");
    (void)exec.write(go.constData(), go.size());
    // Staged, files keep their final names inside the staging folder; else each goes to its
    // partial next to its final name.
    const auto memberFor = [&](const QByteArray &path) { return staged ? path : partialPathFor(path); };
    const QByteArray memberRoot = staged ? m_context.stagingRoot : m_context.remoteRoot;
    // The renames after it need the SFTP channel: opened while the instance starts the command.
    (void)m_fs.pipe();

    // Until the command says "ready" only the channel window is written, so a command that
    // ended at once (no GNU tar, no hash tool) can never leave us blocked on a full window.
    // Meanwhile the stream is built ahead (up to kAhead): the instance's shell start-up
    // overlaps our reading and hashing.
    bool ready = false;
    bool refused = false;
    const auto heard = [&](const std::optional<QByteArray> &line, bool atEnd) {
        if (!line && !atEnd)
            return;
        ready = !atEnd && line && *line == "ready";
        refused = !ready;
    };
    const auto awaitAnswer = [&]() -> Result<void> {
        bool atEnd = false;
        auto line = exec.readLine(&atEnd);
        if (!line)
            return line.error();
        heard(*line, atEnd);
        return {};
    };
    Sha256 streamHash;
    qint64 streamed = 0;  // bytes of the stream built so far, sent or not
    QByteArray pending;   // built, not yet sent
    qsizetype hashed = 0; // of pending, already in streamHash
    pending.reserve(kAhead + kFlush);
    const auto send = [&](bool mayWait) -> Result<void> {
        streamHash.update(pending.constData() + hashed, pending.size() - hashed);
        hashed = pending.size();
        qsizetype offset = 0;
        while (offset < pending.size() && !refused) {
            qsizetype n = pending.size() - offset;
            if (!ready) {
                bool atEnd = false;
                auto line = exec.tryReadLine(&atEnd);
                if (!line)
                    return line.error();
                heard(*line, atEnd);
                if (ready || refused)
                    continue;
                const qint64 window = exec.writableNow();
                if (window <= 0) {
                    if (!mayWait)
                        break;
                    if (auto waited = awaitAnswer(); !waited)
                        return waited.error();
                    continue;
                }
                n = qsizetype(qMin<qint64>(n, window));
            }
            if (auto written = exec.write(pending.constData() + offset, n); !written)
                return written.error();
            offset += n;
        }
        if (offset == pending.size())
            pending.clear();
        else
            pending.remove(0, offset);
        hashed -= offset;
        return {};
    };

    QList<Moved> moved;
    if (staged) {
        // Parents before children, so tar makes each folder with its own mode and time.
        for (const Entry &dir : m_context.stagedDirectories)
            protocol::tarstream::appendDirectory(pending, dir.path, dir.mode, seconds(dir.mtimeNs));
        streamed += pending.size();
    }
    for (const Entry &entry : batch) {
        if (!control.waitWhilePaused() || control.shouldStop())
            return std::optional<QList<Moved>>(QList<Moved>()); // dropping exec ends the command
        std::optional<SmallFile> read = readSmallFile(entry, issues);
        if (!read)
            continue;
        const QByteArray &data = read->data;
        const Entry &sent = read->moved.entry;
        const qsizetype before = pending.size();
        protocol::tarstream::appendFile(pending, memberFor(entry.path), data.constData(),
                                        data.size(), sent.mode, seconds(sent.mtimeNs));
        streamed += pending.size() - before;
        moved.append(std::move(read->moved));
        control.bytesDone.fetch_add(data.size());
        control.bytesTransferred.fetch_add(data.size());
        if (pending.size() >= kFlush) {
            if (auto sentNow = send(pending.size() >= kAhead); !sentNow)
                return sentNow.error();
            if (refused)
                break;
        }
    }
    if (!refused) {
        protocol::tarstream::appendEnd(pending, streamed - pending.size());
        while ((!pending.isEmpty() || !ready) && !refused) {
            if (auto sentNow = send(true); !sentNow)
                return sentNow.error();
            if (!ready && !refused) {
                // All of it fitted in the window: the answer is still needed.
                if (auto waited = awaitAnswer(); !waited)
                    return waited.error();
            }
        }
    }
    auto result = exec.finish();
    if (!result)
        return result.error();
    if (refused) {
        // Nothing was unpacked: the caller sends the batch again over SFTP.
        for (const Moved &file : std::as_const(moved)) {
            control.bytesDone.fetch_sub(file.entry.size);
            control.bytesTransferred.fetch_sub(file.entry.size);
        }
        return std::optional<QList<Moved>>();
    }

    const Outcome outcome = parseOutcome(result->out);
    if (outcome.tarStatus == 0 && outcome.streamHash == streamHash.final())
        return std::optional<QList<Moved>>(std::move(moved));

    // Something went wrong on the way in: what did arrive is checked file by file.
    if (result->err.contains("No space left on device")) {
        auto free = m_fs.freeSpace(m_context.remoteRoot);
        return makeError(QStringLiteral("remote_disk_full"),
                         tr("The instance's disk is full (%1 MB free). Nothing incomplete was "
                            "put in place; free space or grow the disk, then sync again.")
                             .arg(free ? *free / 1000000 : 0));
    }
    QList<QByteArray> members;
    for (const Moved &file : std::as_const(moved))
        members.append(joinPath(memberRoot, memberFor(file.entry.path)));
    auto hashes = m_fs.sha256(members);
    if (!hashes)
        return hashes.error();
    QList<Moved> verified;
    for (qsizetype i = 0; i < moved.size(); ++i) {
        const Moved &file = moved.at(i);
        if (hashes->at(i) == file.hash) {
            verified.append(file);
            continue;
        }
        // Removed, so that nothing unverified is put in place (staged: with its folder).
        (void)m_fs.removeFile(members.at(i));
        const QByteArray complaint = complaintAbout(result->err, memberFor(file.entry.path));
        issues->append(
            {file.entry.path, complaint.isEmpty()
                                  ? verifyFailedError(file.entry.path)
                                  : makeError(complaint.contains("Permission denied")
                                                  ? QStringLiteral("remote_permission_denied")
                                                  : QStringLiteral("remote_failed"),
                                              tr("The instance could not write %1: %2")
                                                  .arg(QString::fromUtf8(file.entry.path),
                                                       QString::fromUtf8(complaint)))});
    }
    return std::optional<QList<Moved>>(std::move(verified));
}

} // namespace suanli::sync
