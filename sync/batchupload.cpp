// FileTransfer's pipelined path for batches of small files (see filetransfer.h).
#include "filetransfer.h"

#include "hasher.h"
#include "localio.h"
#include "pathrules.h"
#include "planner.h"

#include <QCoreApplication>

#include <fcntl.h>

#include <vector>

namespace suanli::sync {

using namespace localio;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::FileTransfer", text);
}

/// Requests in flight, and file bytes read but not yet acknowledged: enough to keep the
/// link busy for the whole batch, little enough for the replies to fit the channel window.
constexpr int kMaxRequests = 512;
constexpr qint64 kMaxHeld = 16 * 1024 * 1024;
constexpr int kChangeRetries = 3;

} // namespace

Result<std::optional<FileTransfer::Snapshot>> FileTransfer::readWhole(const QByteArray &path)
{
    for (int attempt = 0; attempt < kChangeRetries; ++attempt) {
        const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            return localError(QStringLiteral("local_read_failed"), tr("Could not read %1: %2"), path, errno);
        Snapshot snapshot;
        ::fstat(fd, &snapshot.st);
        // One byte more than the size shows a file that grew meanwhile.
        snapshot.data.resize(qsizetype(snapshot.st.st_size) + 1);
        const qint64 n = readFully(fd, snapshot.data.data(), snapshot.data.size());
        const int readErrno = errno;
        struct stat after{};
        ::fstat(fd, &after);
        ::close(fd);
        if (n < 0)
            return localError(QStringLiteral("local_read_failed"), tr("Could not read %1: %2"), path, readErrno);
        struct stat now{};
        const bool stable = n == qint64(snapshot.st.st_size) && ::stat(path.constData(), &now) == 0 &&
                            after.st_size == snapshot.st.st_size &&
                            mtimeOf(after) == mtimeOf(snapshot.st) && now.st_ino == snapshot.st.st_ino &&
                            mtimeOf(now) == mtimeOf(snapshot.st);
        if (stable) {
            snapshot.data.resize(qsizetype(n));
            return std::optional<Snapshot>(std::move(snapshot));
        }
    }
    return std::optional<Snapshot>();
}

std::optional<FileTransfer::SmallFile> FileTransfer::readSmallFile(const Entry &entry,
                                                                  QList<Issue> *issues)
{
    auto read = readWhole(joinPath(m_context.localRoot, entry.path));
    if (!read) {
        issues->append({entry.path, read.error()});
        return std::nullopt;
    }
    if (!read->has_value()) {
        issues->append({entry.path, fileChangingError(entry.path)});
        return std::nullopt;
    }
    SmallFile file;
    file.data = std::move((*read)->data);
    const struct stat &st = (*read)->st;
    if (qint64(file.data.size()) != entry.size)
        m_context.control->bytesTotal.fetch_add(qint64(file.data.size()) - entry.size);
    Sha256 hash;
    hash.update(file.data);
    file.moved.entry = entry;
    file.moved.entry.size = file.data.size();
    file.moved.entry.mtimeNs = mtimeOf(st);
    file.moved.entry.mode = quint32(st.st_mode & 07777);
    file.moved.hash = hash.final();
    return file;
}

Error FileTransfer::fileChangingError(const QByteArray &path)
{
    return makeError(QStringLiteral("file_changing"),
                     tr("%1 kept changing while it was sent (%2 tries); it was not put in place. "
                        "It will be sent by the next sync once it is quiet.")
                         .arg(QString::fromUtf8(path))
                         .arg(kChangeRetries));
}

Result<QList<FileTransfer::Moved>> FileTransfer::uploadBatch(SftpPipe &sftp, const QList<Entry> &batch,
                                                             QList<Issue> *issues)
{
    SyncControl &control = *m_context.control;
    struct File
    {
        Moved moved;
        QByteArray partial;
        std::optional<Error> error;
        bool writeFailed = false;
    };
    // Handlers hold indexes into files; it never grows past the reserve, so nothing moves.
    std::vector<File> files;
    files.reserve(size_t(batch.size()));
    qint64 held = 0;
    for (const Entry &entry : batch) {
        if (!control.waitWhilePaused())
            break;
        std::optional<SmallFile> read = readSmallFile(entry, issues);
        if (!read)
            continue;
        const QByteArray data = std::move(read->data);
        const Entry sent = read->moved.entry;
        const size_t index = files.size();
        files.push_back({std::move(read->moved),
                         joinPath(m_context.remoteRoot, partialPathFor(entry.path)), std::nullopt, false});
        held += data.size();

        QByteArray open;
        SftpPipe::putString(open, files[index].partial);
        SftpPipe::putU32(open, sftp::OpenWrite | sftp::OpenCreate | sftp::OpenTruncate);
        SftpPipe::putU32(open, sftp::AttrPermissions);
        SftpPipe::putU32(open, 0600);
        const quint32 mode = sent.mode;
        const quint32 mtime = quint32(seconds(sent.mtimeNs));
        sftp.request(sftp::Open, open, [&, index, data, mode, mtime](const SftpReply &reply) {
            const QByteArray handle = reply.handle();
            if (handle.isEmpty()) {
                files[index].error = RemoteFs::statusError(reply.status(), tr("Creating"), files[index].partial);
                held -= data.size();
                return;
            }
            const qsizetype chunk = sftp.maxData();
            for (qsizetype offset = 0; offset < data.size(); offset += chunk) {
                const qsizetype n = qMin(chunk, data.size() - offset);
                QByteArray write;
                write.reserve(handle.size() + n + 16);
                SftpPipe::putString(write, handle);
                SftpPipe::putU64(write, quint64(offset));
                SftpPipe::putString(write, data.constData() + offset, n);
                sftp.request(sftp::Write, write, [&, index, n](const SftpReply &written) {
                    if (written.status() != sftp::StatusOk) {
                        if (!files[index].error) {
                            files[index].error = RemoteFs::statusError(written.status(), tr("Writing"), files[index].partial);
                            files[index].writeFailed = true;
                        }
                        return;
                    }
                    control.bytesDone.fetch_add(n);
                    control.bytesTransferred.fetch_add(n);
                });
            }
            // Mode and mtime on the open handle, like the one-by-one path.
            QByteArray setstat;
            SftpPipe::putString(setstat, handle);
            SftpPipe::putU32(setstat, sftp::AttrPermissions | sftp::AttrTimes);
            SftpPipe::putU32(setstat, mode);
            SftpPipe::putU32(setstat, mtime);
            SftpPipe::putU32(setstat, mtime);
            sftp.request(sftp::Fsetstat, setstat, [&, index](const SftpReply &set) {
                if (set.status() != sftp::StatusOk && !files[index].error)
                    files[index].error = RemoteFs::statusError(set.status(), tr("Setting attributes"), files[index].partial);
            });
            QByteArray close;
            SftpPipe::putString(close, handle);
            // CLOSE may report a failed write that was still in flight.
            sftp.request(sftp::Close, close, [&, index, size = data.size()](const SftpReply &closed) {
                if (closed.status() != sftp::StatusOk && !files[index].error) {
                    files[index].error = RemoteFs::statusError(closed.status(), tr("Writing"), files[index].partial);
                    files[index].writeFailed = true;
                }
                held -= size;
            });
        });
        while (sftp.outstanding() > kMaxRequests || held > kMaxHeld) {
            if (auto replies = sftp.waitUntil(sftp.outstanding() - 1); !replies)
                return replies.error();
        }
        if (control.shouldStop())
            break;
    }
    if (auto replies = sftp.waitUntil(0); !replies)
        return replies.error();

    QList<Moved> moved;
    bool diskChecked = false;
    for (File &file : files) {
        if (!file.error) {
            moved.append(std::move(file.moved));
            continue;
        }
        if (file.writeFailed && !diskChecked && file.error->code == QStringLiteral("remote_failed")) {
            // OpenSSH reports ENOSPC as a generic failure: ask the file system.
            diskChecked = true;
            auto free = m_fs.freeSpace(m_context.remoteRoot);
            if (free && *free < qMax<qint64>(file.moved.entry.size, 64 * 1024)) {
                return makeError(QStringLiteral("remote_disk_full"),
                                 tr("The instance's disk is full (%1 MB free) while writing %2. "
                                    "What was sent is kept and the next sync resumes; free space "
                                    "or grow the disk.")
                                     .arg(*free / 1000000)
                                     .arg(QString::fromUtf8(file.moved.entry.path)));
            }
        }
        if (file.error->code == QStringLiteral("remote_disk_full"))
            return *file.error;
        issues->append({file.moved.entry.path, *file.error});
    }
    return moved;
}

Result<QList<FileTransfer::Moved>> FileTransfer::renameBatch(SftpPipe &sftp, const QList<Moved> &verified,
                                                             QList<Issue> *issues)
{
    std::vector<std::optional<Error>> errors(size_t(verified.size()));
    for (qsizetype i = 0; i < verified.size(); ++i) {
        const QByteArray &path = verified.at(i).entry.path;
        const QByteArray to = joinPath(m_context.remoteRoot, path);
        QByteArray payload;
        SftpPipe::putString(payload, QByteArrayLiteral("posix-rename@openssh.com"));
        SftpPipe::putString(payload, joinPath(m_context.remoteRoot, partialPathFor(path)));
        SftpPipe::putString(payload, to);
        // rename(2) on the instance: the target is replaced atomically, never missing.
        sftp.request(sftp::Extended, payload, [&errors, i, to](const SftpReply &reply) {
            if (reply.status() != sftp::StatusOk)
                errors[size_t(i)] = RemoteFs::statusError(reply.status(), tr("Renaming into place"), to);
        });
        if (auto replies = sftp.waitUntil(kMaxRequests); !replies)
            return replies.error();
    }
    if (auto replies = sftp.waitUntil(0); !replies)
        return replies.error();
    QList<Moved> placed;
    for (qsizetype i = 0; i < verified.size(); ++i) {
        if (errors[size_t(i)])
            issues->append({verified.at(i).entry.path, *errors[size_t(i)]});
        else
            placed.append(verified.at(i));
    }
    return placed;
}

} // namespace suanli::sync
