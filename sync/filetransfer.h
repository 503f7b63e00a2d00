#pragma once

#include "remotefs.h"
#include "synccontrol.h"
#include "syncjournal.h"

#include <QSet>

#include <atomic>
#include <sys/stat.h>

namespace suanli::sync {

/// What every transfer thread of one run shares, read-only.
struct TransferContext
{
    Direction direction = Direction::Upload;
    QByteArray localRoot;  ///< encoded local path
    QByteArray remoteRoot; ///< as SFTP takes it
    qint64 largeFileThreshold = 0;
    bool remoteHasSha256 = true;
    QByteArray hashCommand; ///< what RemoteFs::probeHashCommand() found
    bool hashWithXargs = false;
    /// Small files go through the pipelined SFTP channel (sftppipe.h) when the server has one.
    bool pipelined = true;
    /// Upload: batches of small files go as one tar stream (streamupload.cpp); set by the
    /// first batch that finds the instance unable to unpack one (no GNU tar, no hash tool).
    bool streamSmallFiles = true;
    std::atomic<bool> *streamRefused = nullptr;
    /// A first upload into a root that does not exist yet, all of it one stream: unpacked with
    /// final names under this folder beside the root (partialPathFor(remoteRoot)) and renamed
    /// into place in one piece after the check. Empty: files go to their partials as usual.
    QByteArray stagingRoot;
    /// The folders to make then: folder members of the stream (empty ones included), or, if
    /// the instance refuses the stream, made over SFTP before the files go one by one.
    QList<Entry> stagedDirectories;
    const QHash<QByteArray, qint64> *receiverPartials = nullptr;
    const QSet<QByteArray> *receiverFiles = nullptr;
    SyncControl *control = nullptr;
};

struct CompletedFile
{
    QByteArray path;
    JournalEntry journal;
};

/// Moves files for one transfer thread over that thread's session: into a partial
/// (".<name>.suanli-partial", resumed after a prefix check for large files), hashed on the
/// way, verified against the receiver's SHA-256, then renamed into place. Fatal errors (lost
/// link, full disk) go to the SyncControl and stop the run; others become issues.
class FileTransfer
{
public:
    FileTransfer(const TransferContext &context, RemoteFs &fs)
        : m_context(context)
        , m_fs(fs)
    {
    }

    /// Moves a batch (one large file, or many small ones verified together).
    void run(const QList<Entry> &batch, QList<CompletedFile> *completed, QList<Issue> *issues);

private:
    struct Moved
    {
        Entry entry;      ///< with the size and mtime the bytes were read at
        QByteArray hash;  ///< SHA-256 of what was sent or received
        /// The instance's SHA-256 of the partial, when it was taken during the transfer (large
        /// uploads); empty: ask after.
        QByteArray receiverHash = {};
    };

    struct Snapshot
    {
        QByteArray data;
        struct stat st{};
    };
    /// Reads a small file whole. A change while reading (size, mtime, a replaced inode) reads
    /// it again, up to kChangeRetries times; nullopt when it kept changing.
    static Result<std::optional<Snapshot>> readWhole(const QByteArray &path);
    /// A small file of a batch read whole (readWhole()) and hashed, with the size, mtime and
    /// mode it was read at (bytesTotal corrected for a size that changed since the listing).
    /// nullopt when it could not be read or kept changing: an issue says which.
    struct SmallFile
    {
        Moved moved;
        QByteArray data;
    };
    std::optional<SmallFile> readSmallFile(const Entry &entry, QList<Issue> *issues);
    static Error fileChangingError(const QByteArray &path);
    static Error verifyFailedError(const QByteArray &path);

    Result<std::optional<Moved>> upload(const Entry &entry, QList<Issue> *issues);
    /// Many small files as one GNU tar stream into `tar -x` on the instance, which unpacks
    /// them into their partials while the same command hashes the stream as it arrives: one
    /// exec, no per-file requests, no second read. When tar failed or the hashes differ, what
    /// arrived is checked file by file. nullopt: the instance cannot unpack a stream (the
    /// caller sends the batch with uploadBatch()). The error is a fatal one.
    Result<std::optional<QList<Moved>>> uploadStream(const QList<Entry> &batch, QList<Issue> *issues);
    /// Many small files at once over the pipelined channel (batchupload.cpp): each read whole
    /// (so a change while reading is seen before anything is sent), then OPEN → WRITE →
    /// FSETSTAT → CLOSE with hundreds of requests in flight. The error is a fatal one.
    Result<QList<Moved>> uploadBatch(SftpPipe &sftp, const QList<Entry> &batch, QList<Issue> *issues);
    /// Renames verified partials into place, pipelined (posix-rename@openssh.com replaces a
    /// target atomically). Returns the files now in place; the error is a fatal one.
    Result<QList<Moved>> renameBatch(SftpPipe &sftp, const QList<Moved> &verified, QList<Issue> *issues);
    /// Puts verified files in place (staged, i.e. unpacked by a stream into the staging folder:
    /// that folder in one rename; else renameBatch() when sftp offers posix-rename) and hands
    /// them to the journal.
    void place(const QList<Moved> &verified, SftpPipe *sftp, bool staged,
               QList<CompletedFile> *completed, QList<Issue> *issues);
    Result<std::optional<Moved>> download(const Entry &entry, QList<Issue> *issues);
    Result<QList<QByteArray>> receiverHashes(const QList<Moved> &moved, ssh::PendingExec *started);
    Result<QByteArray> readBackHash(const QByteArray &remotePath);
    bool isFatal(const Error &error) const;

    const TransferContext &m_context;
    RemoteFs &m_fs;
    QByteArray m_buffer;
};

} // namespace suanli::sync
