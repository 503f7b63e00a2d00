#pragma once

#include "remotefs.h"
#include "synccontrol.h"
#include "syncjournal.h"

#include <QSet>

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
    };

    Result<std::optional<Moved>> upload(const Entry &entry, QList<Issue> *issues);
    /// Many small files at once over the pipelined channel (batchupload.cpp): each read whole
    /// (so a change while reading is seen before anything is sent), then OPEN → WRITE →
    /// FSETSTAT → CLOSE with hundreds of requests in flight. The error is a fatal one.
    Result<QList<Moved>> uploadBatch(SftpPipe &sftp, const QList<Entry> &batch, QList<Issue> *issues);
    /// Renames verified partials into place, pipelined (posix-rename@openssh.com replaces a
    /// target atomically). Returns the files now in place; the error is a fatal one.
    Result<QList<Moved>> renameBatch(SftpPipe &sftp, const QList<Moved> &verified, QList<Issue> *issues);
    Result<std::optional<Moved>> download(const Entry &entry, QList<Issue> *issues);
    Result<QList<QByteArray>> receiverHashes(const QList<Moved> &moved, ssh::PendingExec *started);
    Result<QByteArray> readBackHash(const QByteArray &remotePath);
    bool isFatal(const Error &error) const;

    const TransferContext &m_context;
    RemoteFs &m_fs;
    QByteArray m_buffer;
};

} // namespace suanli::sync
