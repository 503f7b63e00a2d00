#include "filetransfer.h"

#include "chunkreader.h"
#include "hasher.h"
#include "localio.h"
#include "pathrules.h"
#include "planner.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace suanli::sync {

using namespace localio;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::FileTransfer", text);
}

// Large buffers are what make libssh2 1.10 pipeline: sftp_write splits a buffer into many
// 30 kB SFTP writes in flight at once, sftp_read asks for a whole buffer ahead.
constexpr qsizetype kChunk = 4 * 1024 * 1024;
/// A large upload tells the instance's hashing command to go on every this many bytes.
constexpr qint64 kFollowStep = 64 * 1024 * 1024;
constexpr int kChangeRetries = 3;

} // namespace

bool FileTransfer::isFatal(const Error &error) const
{
    return error.code == QStringLiteral("connection_lost") ||
           error.code == QStringLiteral("remote_disk_full") ||
           error.code == QStringLiteral("local_disk_full");
}

Error FileTransfer::verifyFailedError(const QByteArray &path)
{
    return makeError(QStringLiteral("verify_failed"),
                     tr("%1 arrived with a different SHA-256 than was sent; it "
                        "was not put in place. Sync again to retry.")
                         .arg(QString::fromUtf8(path)));
}

void FileTransfer::run(const QList<Entry> &batch, QList<CompletedFile> *completed,
                       QList<Issue> *issues)
{
    SyncControl &control = *m_context.control;
    if (m_buffer.isEmpty())
        m_buffer.resize(kChunk);
    const bool upload = m_context.direction == Direction::Upload;
    const bool smallFiles = upload && m_context.pipelined &&
                            std::all_of(batch.cbegin(), batch.cend(), [&](const Entry &e) {
                                return e.size < m_context.largeFileThreshold;
                            });
    if (smallFiles && m_context.streamSmallFiles && m_context.remoteHasSha256 && !batch.isEmpty() &&
        !(m_context.streamRefused && m_context.streamRefused->load())) {
        auto streamed = uploadStream(batch, issues);
        if (!streamed) {
            control.fail(streamed.error());
            return;
        }
        if (streamed->has_value()) {
            if (control.shouldStop())
                return;
            auto opened = m_fs.pipe();
            if (!opened && isFatal(opened.error())) {
                control.fail(opened.error());
                return;
            }
            place(**streamed, opened ? *opened : nullptr, !m_context.stagingRoot.isEmpty(), completed, issues);
            return;
        }
        if (m_context.streamRefused)
            m_context.streamRefused->store(true); // the other batches go by SFTP at once
        if (!m_context.stagingRoot.isEmpty()) {
            // The runner left the folders to the stream: make them for the files one by one.
            if (auto made = m_fs.makePath(m_context.remoteRoot); !made) {
                control.fail(made.error());
                return;
            }
            QList<QByteArray> folders;
            for (const Entry &dir : m_context.stagedDirectories)
                folders.append(dir.path);
            if (auto made = m_fs.makeFolders(m_context.remoteRoot, folders, issues); !made) {
                control.fail(made.error());
                return;
            }
        }
    }
    // The verification's command starts now and waits for the names: its start on the
    // instance (a fork of sshd, the user's shell and its start-up files) overlaps with the
    // transfer instead of following it.
    std::optional<ssh::PendingExec> hashing;
    // (A large upload hashes on the instance while it is sent: upload().)
    if (m_context.remoteHasSha256 && !batch.isEmpty() && (!upload || smallFiles)) {
        auto started = m_fs.startSha256();
        if (!started && isFatal(started.error())) {
            control.fail(started.error());
            return;
        }
        if (started)
            hashing = std::move(*started); // else sha256() runs it at the end
    }
    SftpPipe *sftp = nullptr;
    if (smallFiles) {
        auto opened = m_fs.pipe();
        if (!opened && isFatal(opened.error())) {
            control.fail(opened.error());
            return;
        }
        sftp = opened ? *opened : nullptr; // no subsystem channel: libssh2's SFTP, one by one
    }
    QList<Moved> moved;
    if (sftp) {
        auto sent = uploadBatch(*sftp, batch, issues);
        if (!sent) {
            control.fail(sent.error());
            return;
        }
        moved = std::move(*sent);
    } else {
        for (const Entry &entry : batch) {
            if (!control.waitWhilePaused())
                return;
            auto result = upload ? this->upload(entry, issues) : download(entry, issues);
            if (!result) {
                if (isFatal(result.error()) || control.shouldStop()) {
                    control.fail(result.error());
                    return;
                }
                issues->append({entry.path, result.error()});
                continue;
            }
            if (result->has_value())
                moved.append(std::move(**result));
        }
    }
    if (moved.isEmpty() || control.shouldStop())
        return;

    // A hash taken on the way that matches is the verification; any other file (or one that
    // did not match: a dd without skip_bytes gives a wrong one) is hashed on the receiver now.
    QList<Moved> unchecked;
    QList<Moved> verified;
    for (const Moved &file : std::as_const(moved)) {
        if (!file.receiverHash.isEmpty() && file.receiverHash == file.hash)
            verified.append(file);
        else
            unchecked.append(file);
    }
    auto hashes = unchecked.isEmpty() ? Result<QList<QByteArray>>(QList<QByteArray>())
                                      : receiverHashes(unchecked, hashing ? &*hashing : nullptr);
    if (!hashes) {
        control.fail(hashes.error());
        return;
    }
    for (qsizetype i = 0; i < unchecked.size(); ++i) {
        const Moved &file = unchecked.at(i);
        const QByteArray partial = partialPathFor(file.entry.path);
        if (hashes->at(i) != file.hash) {
            // A partial that does not match what was sent is useless for a resume.
            if (upload)
                (void)m_fs.removeFile(joinPath(m_context.remoteRoot, partial));
            else
                ::unlink(joinPath(m_context.localRoot, partial).constData());
            issues->append({file.entry.path, verifyFailedError(file.entry.path)});
            continue;
        }
        verified.append(file);
    }
    place(verified, sftp, false, completed, issues);
}

void FileTransfer::place(const QList<Moved> &verified, SftpPipe *sftp, bool staged,
                         QList<CompletedFile> *completed, QList<Issue> *issues)
{
    SyncControl &control = *m_context.control;
    const bool upload = m_context.direction == Direction::Upload;
    QList<Moved> placed;
    if (staged) {
        // A staged first upload: everything unverified was removed from the staging folder,
        // which goes into place in one piece.
        if (auto renamed = m_fs.renameOver(m_context.stagingRoot, m_context.remoteRoot, false); !renamed) {
            control.fail(renamed.error());
            return;
        }
        placed = verified;
    } else if (upload && sftp && sftp->hasExtension("posix-rename@openssh.com")) {
        auto renamed = renameBatch(*sftp, verified, issues);
        if (!renamed) {
            control.fail(renamed.error());
            return;
        }
        placed = std::move(*renamed);
    } else {
        for (const Moved &file : std::as_const(verified)) {
            const QByteArray partial = partialPathFor(file.entry.path);
            if (upload) {
                auto renamed = m_fs.renameOver(joinPath(m_context.remoteRoot, partial),
                                               joinPath(m_context.remoteRoot, file.entry.path),
                                               m_context.receiverFiles->contains(file.entry.path));
                if (!renamed) {
                    if (isFatal(renamed.error())) {
                        control.fail(renamed.error());
                        return;
                    }
                    issues->append({file.entry.path, renamed.error()});
                    continue;
                }
            } else {
                const QByteArray target = joinPath(m_context.localRoot, file.entry.path);
                if (::rename(joinPath(m_context.localRoot, partial).constData(), target.constData()) != 0) {
                    issues->append({file.entry.path,
                                    localError(QStringLiteral("local_write_failed"),
                                               tr("Could not put %1 in place: %2"), target, errno)});
                    continue;
                }
            }
            placed.append(file);
        }
    }
    for (const Moved &file : std::as_const(placed)) {
        control.filesDone.fetch_add(1);
        const qint64 remoteSeconds = seconds(file.entry.mtimeNs);
        completed->append({file.entry.path,
                           JournalEntry{file.entry.size,
                                        upload ? file.entry.mtimeNs : remoteSeconds * 1000000000,
                                        remoteSeconds, file.hash}});
    }
}

Result<std::optional<FileTransfer::Moved>> FileTransfer::upload(const Entry &entry,
                                                                QList<Issue> *issues)
{
    SyncControl &control = *m_context.control;
    const QByteArray local = joinPath(m_context.localRoot, entry.path);
    const QByteArray partial = joinPath(m_context.remoteRoot, partialPathFor(entry.path));
    const bool large = entry.size >= m_context.largeFileThreshold;
    qint64 partialSize = m_context.receiverPartials->value(entry.path, -1);

    for (int attempt = 0; attempt < kChangeRetries; ++attempt) {
        const int fd = ::open(local.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            return localError(QStringLiteral("local_read_failed"), tr("Could not read %1: %2"), local, errno);
        struct stat before{};
        ::fstat(fd, &before);
        Sha256 hash;
        qint64 offset = 0;
        qint64 counted = 0; // progress added in this attempt, taken back on a retry
        const auto closeLocal = qScopeGuard([fd] { ::close(fd); });

        if (large && partialSize > 0 && partialSize <= qint64(before.st_size) &&
            m_context.remoteHasSha256) {
            // Resume only after the partial's whole prefix hashes the same as ours.
            auto remote = m_fs.sha256Prefix(partial, partialSize);
            if (!remote)
                return remote.error();
            Sha256 prefix;
            qint64 left = partialSize;
            while (left > 0) {
                const qint64 n = readFully(fd, m_buffer.data(), qMin<qint64>(left, m_buffer.size()));
                if (n <= 0)
                    break;
                prefix.update(m_buffer.constData(), n);
                left -= n;
            }
            Sha256 probe = prefix;
            if (left == 0 && probe.final() == *remote) {
                hash = prefix;
                offset = partialSize;
                control.bytesResumed.fetch_add(offset);
                control.bytesDone.fetch_add(offset);
                counted += offset;
            } else {
                ::lseek(fd, 0, SEEK_SET);
            }
        }
        partialSize = -1; // a retry starts over

        unsigned long flags = LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT;
        if (offset == 0)
            flags |= LIBSSH2_FXF_TRUNC;
        LIBSSH2_SFTP_HANDLE *handle = libssh2_sftp_open_ex(m_fs.sftp(), partial.constData(),
                                                           unsigned(partial.size()), flags, 0600,
                                                           LIBSSH2_SFTP_OPENFILE);
        if (!handle)
            return m_fs.sftpError(tr("Creating"), partial);
        if (offset > 0)
            libssh2_sftp_seek64(handle, libssh2_uint64_t(offset));
        qint64 position = offset;
        std::optional<Error> failure;
        // The instance hashes the partial as its ranges are acknowledged (libssh2_sftp_write
        // returns what the server confirmed written), from the start, resumed prefix included.
        std::optional<ssh::PendingExec> following;
        qint64 followed = 0;
        if (large && m_context.remoteHasSha256) {
            auto started = m_fs.startFollowingSha256(partial);
            if (!started && isFatal(started.error()))
                return started.error();
            if (started)
                following = std::move(*started); // else the partial is hashed after, as before
        }
        const auto follow = [&](qint64 upTo, qint64 step) {
            if (!following || upTo - followed < step)
                return;
            const QByteArray range = QByteArray::number(followed) + ' ' + QByteArray::number(upTo - followed) + '\n';
            if (!following->write(range.constData(), range.size()))
                following.reset(); // hashed after, as before
            followed = upTo;
        };
        // Read and hashed on another thread, a few chunks ahead.
        ChunkReader reader(fd, kChunk, &hash);
        QByteArray chunk;
        for (;;) {
            if (!control.waitWhilePaused()) {
                failure = control.error();
                break;
            }
            int readError = 0;
            if (!reader.next(&chunk, &readError)) {
                if (readError != 0)
                    failure = localError(QStringLiteral("local_read_failed"), tr("Could not read %1: %2"), local, readError);
                break;
            }
            const qint64 n = chunk.size();
            qint64 written = 0;
            while (written < n) {
                const ssize_t w = libssh2_sftp_write(handle, chunk.constData() + written,
                                                     size_t(n - written));
                if (w < 0) {
                    Error error = m_fs.sftpError(tr("Writing"), partial);
                    if (error.code == QStringLiteral("remote_failed")) {
                        // OpenSSH reports ENOSPC as a generic failure: ask the file system.
                        auto free = m_fs.freeSpace(joinPath(m_context.remoteRoot, QByteArray()));
                        if (free && *free < qint64(before.st_size) - position)
                            error = makeError(QStringLiteral("remote_disk_full"),
                                              tr("The instance's disk is full (%1 MB free) while "
                                                 "writing %2. What was sent is kept and the next "
                                                 "sync resumes; free space or grow the disk.")
                                                  .arg(*free / 1000000)
                                                  .arg(QString::fromUtf8(entry.path)));
                    }
                    failure = error;
                    break;
                }
                written += w;
                position += w;
                control.bytesDone.fetch_add(w);
                control.bytesTransferred.fetch_add(w);
                counted += w;
            }
            if (failure)
                break;
            follow(position, kFollowStep);
        }
        reader.finish();
        if (!failure) {
            LIBSSH2_SFTP_ATTRIBUTES attrs{};
            attrs.flags = LIBSSH2_SFTP_ATTR_ACMODTIME | LIBSSH2_SFTP_ATTR_PERMISSIONS;
            attrs.atime = attrs.mtime = static_cast<unsigned long>(seconds(mtimeOf(before)));
            attrs.permissions = before.st_mode & 07777;
            if (libssh2_sftp_fsetstat(handle, &attrs) != 0)
                failure = m_fs.sftpError(tr("Setting attributes"), partial);
        }
        // close() may report a failed write that was still in flight.
        if (libssh2_sftp_close_handle(handle) != 0 && !failure)
            failure = m_fs.sftpError(tr("Writing"), partial);
        if (failure)
            return *failure;

        struct stat after{};
        struct stat now{};
        ::fstat(fd, &after);
        const bool changed = ::stat(local.constData(), &now) != 0 || position != qint64(before.st_size) ||
                             after.st_size != before.st_size || mtimeOf(after) != mtimeOf(before) ||
                             now.st_ino != before.st_ino || mtimeOf(now) != mtimeOf(before);
        if (!changed) {
            Entry sent = entry;
            sent.size = qint64(before.st_size);
            sent.mtimeNs = mtimeOf(before);
            sent.mode = quint32(before.st_mode & 07777);
            QByteArray receiverHash;
            if (following) {
                follow(position, 1); // the rest, all acknowledged once the handle closed
                auto result = following->finish();
                if (!result && isFatal(result.error()))
                    return result.error();
                if (result && result->exitStatus == 0)
                    receiverHash = QByteArray::fromHex(result->out.left(64));
            }
            return std::optional<Moved>(Moved{sent, hash.final(), receiverHash});
        }
        // Changed while we read it: what went out is a mix of old and new. Send it again.
        control.bytesDone.fetch_sub(counted);
        if (attempt + 1 < kChangeRetries) {
            const qint64 grown = qint64(now.st_size) - entry.size;
            control.bytesTotal.fetch_add(grown > 0 ? grown : 0);
        }
    }
    issues->append({entry.path,
                    makeError(QStringLiteral("file_changing"),
                              tr("%1 kept changing while it was sent (%2 tries); it was not put "
                                 "in place. It will be sent by the next sync once it is quiet.")
                                  .arg(QString::fromUtf8(entry.path))
                                  .arg(kChangeRetries))});
    return std::optional<Moved>();
}

Result<std::optional<FileTransfer::Moved>> FileTransfer::download(const Entry &entry,
                                                                  QList<Issue> *issues)
{
    Q_UNUSED(issues);
    SyncControl &control = *m_context.control;
    const QByteArray remote = joinPath(m_context.remoteRoot, entry.path);
    const QByteArray partial = joinPath(m_context.localRoot, partialPathFor(entry.path));
    if (!localfs::parentIsInsideTree(m_context.localRoot, entry.path)) {
        return makeError(QStringLiteral("unsafe_path"),
                         tr("A folder on the way to %1 is a link or missing here; nothing is "
                            "written through links.")
                             .arg(QString::fromUtf8(entry.path)));
    }
    const bool large = entry.size >= m_context.largeFileThreshold;
    Sha256 hash;
    qint64 offset = 0;
    struct stat existing{};
    if (large && m_context.remoteHasSha256 && ::lstat(partial.constData(), &existing) == 0 &&
        S_ISREG(existing.st_mode) && existing.st_size > 0 && qint64(existing.st_size) <= entry.size) {
        Sha256 prefix;
        const qint64 length = qint64(existing.st_size);
        if (!hashLocalFile(localfs::decode(partial), length, &prefix).isEmpty()) {
            auto theirs = m_fs.sha256Prefix(remote, length);
            if (!theirs)
                return theirs.error();
            Sha256 probe = prefix;
            if (probe.final() == *theirs) {
                hash = prefix;
                offset = length;
                control.bytesResumed.fetch_add(offset);
                control.bytesDone.fetch_add(offset);
            }
        }
    }
    const int fd = ::open(partial.constData(),
                          O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (offset == 0 ? O_TRUNC : 0), 0600);
    if (fd < 0)
        return localError(QStringLiteral("local_write_failed"), tr("Could not write %1: %2"), partial, errno);
    const auto closeLocal = qScopeGuard([fd] { ::close(fd); });
    if (offset > 0) {
        if (::ftruncate(fd, offset) != 0 || ::lseek(fd, offset, SEEK_SET) != offset)
            return localError(QStringLiteral("local_write_failed"), tr("Could not write %1: %2"), partial, errno);
    }
    LIBSSH2_SFTP_HANDLE *handle = libssh2_sftp_open_ex(m_fs.sftp(), remote.constData(),
                                                       unsigned(remote.size()), LIBSSH2_FXF_READ, 0,
                                                       LIBSSH2_SFTP_OPENFILE);
    if (!handle)
        return m_fs.sftpError(tr("Reading"), remote);
    const auto closeRemote = qScopeGuard([handle] { libssh2_sftp_close_handle(handle); });
    if (offset > 0)
        libssh2_sftp_seek64(handle, libssh2_uint64_t(offset));
    qint64 position = offset;
    for (;;) {
        if (!control.waitWhilePaused())
            return control.error();
        const ssize_t n = libssh2_sftp_read(handle, m_buffer.data(), size_t(m_buffer.size()));
        if (n < 0)
            return m_fs.sftpError(tr("Reading"), remote);
        if (n == 0)
            break;
        hash.update(m_buffer.constData(), n);
        if (!writeFully(fd, m_buffer.constData(), n)) {
            const int error = errno;
            return localError(error == ENOSPC || error == EDQUOT ? QStringLiteral("local_disk_full")
                                                                 : QStringLiteral("local_write_failed"),
                              tr("Could not write %1: %2. What arrived is kept for the next sync."),
                              partial, error);
        }
        position += n;
        control.bytesDone.fetch_add(n);
        control.bytesTransferred.fetch_add(n);
    }
    const qint64 remoteSeconds = seconds(entry.mtimeNs);
    if (auto set = localfs::setTimesAndMode(partial, remoteSeconds * 1000000000, entry.mode, false); !set)
        return set.error();
    Entry received = entry;
    received.size = position;
    return std::optional<Moved>(Moved{received, hash.final()});
}

Result<QList<QByteArray>> FileTransfer::receiverHashes(const QList<Moved> &moved,
                                                       ssh::PendingExec *started)
{
    // Upload: hash the partials on the instance before they get their final names. Download:
    // hash the sources on the instance and compare with what arrived.
    QList<QByteArray> paths;
    for (const Moved &file : moved) {
        paths.append(joinPath(m_context.remoteRoot, m_context.direction == Direction::Upload
                                                        ? partialPathFor(file.entry.path)
                                                        : file.entry.path));
    }
    if (m_context.remoteHasSha256) {
        // ARG_MAX is far away at this size; one exec per batch is the point.
        auto hashes = m_fs.sha256(paths, started);
        if (hashes || hashes.error().code != QStringLiteral("no_remote_hash"))
            return hashes;
        // Not probed, and the instance has no tool after all: read the files back.
    }
    QList<QByteArray> hashes;
    for (const QByteArray &path : paths) {
        auto hash = readBackHash(path);
        if (!hash)
            return hash.error();
        hashes.append(*hash);
    }
    return hashes;
}

Result<QByteArray> FileTransfer::readBackHash(const QByteArray &remotePath)
{
    LIBSSH2_SFTP_HANDLE *handle = libssh2_sftp_open_ex(m_fs.sftp(), remotePath.constData(),
                                                       unsigned(remotePath.size()), LIBSSH2_FXF_READ,
                                                       0, LIBSSH2_SFTP_OPENFILE);
    if (!handle)
        return m_fs.sftpError(tr("Reading back"), remotePath);
    Sha256 hash;
    for (;;) {
        const ssize_t n = libssh2_sftp_read(handle, m_buffer.data(), size_t(m_buffer.size()));
        if (n < 0) {
            Error error = m_fs.sftpError(tr("Reading back"), remotePath);
            libssh2_sftp_close_handle(handle);
            return error;
        }
        if (n == 0)
            break;
        hash.update(m_buffer.constData(), n);
    }
    libssh2_sftp_close_handle(handle);
    return hash.final();
}

} // namespace suanli::sync
