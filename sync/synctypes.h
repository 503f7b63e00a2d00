#pragma once

#include "protocol/result.h"
#include "ssh/sshtypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <chrono>

namespace suanli::sync {

enum class Direction
{
    Upload,   ///< local folder → instance path
    Download, ///< instance path → local folder
};

/// Which file-name rules the receiving side has. Names valid on Linux (anything but '/' and
/// NUL) may be impossible on Windows ("aux.txt", "a:b", "x.") or differ only in case.
enum class NameRules
{
    Posix,
    Windows,
    MacOs,
};

NameRules hostNameRules();

/// What one sync does. The engine fills in nothing here; the caller (app/datasets, a test, the
/// benchmark) decides.
struct SyncOptions
{
    Direction direction = Direction::Upload;
    QString localRoot;      ///< absolute local folder
    QByteArray remoteRoot;  ///< path on the instance, UTF-8; relative to the login's home if not absolute
    ssh::Endpoint endpoint;
    ssh::Identity identity;
    QString journalPath;    ///< SQLite file (the app's data folder); empty: no journal
    bool deleteExtraneous = false; ///< mirror: delete what the source no longer has
    bool dryRun = false;    ///< plan only, move nothing
    /// Parallel SSH sessions (one thread each). Small files are bound by SFTP round trips, so
    /// more sessions help; 8 stays under sshd's default MaxStartups (10 unauthenticated).
    int sessions = 8;
    NameRules receiverNames = NameRules::Posix; ///< upload: always Posix (instances run Linux)
    /// Files at least this large go alone, resume from a partial and may be split across
    /// sessions; smaller ones travel in batches.
    qint64 largeFileThreshold = 4 * 1024 * 1024;
    /// Upload: each batch of small files goes as one tar stream into `tar -x` on the instance
    /// where it has GNU tar; false (or an instance without it) sends them one by one over
    /// pipelined SFTP. See docs/sync.md, "Small files".
    bool streamSmallFiles = true;
    std::chrono::milliseconds ioTimeout{30000};
};

enum class EntryType
{
    File,
    Directory,
    Symlink,
};

/// One entry of a tree, local or remote, by its path relative to the root ('/'-separated,
/// UTF-8, never "", "." or "..").
struct Entry
{
    QByteArray path;
    EntryType type = EntryType::File;
    qint64 size = 0;
    qint64 mtimeNs = 0; ///< nanoseconds since the epoch (remote: whole seconds × 1e9)
    quint32 mode = 0;   ///< permission bits (07777)
    QByteArray linkTarget;
};

/// Something the sync could not do, or chose not to. Nothing is lost: the source is untouched
/// and a partial is kept.
struct Issue
{
    QByteArray path;
    Error error;
};

/// What a run would move (dry run) or is moving.
struct SyncPlan
{
    QList<Entry> transfers;      ///< files to copy, the file's source entry
    QList<Entry> directories;    ///< directories to create
    QList<Entry> symlinks;       ///< links to create or replace
    QList<Entry> metadataOnly;   ///< same content, mode or mtime to fix
    QList<QByteArray> deletions; ///< receiver paths to delete (deleteExtraneous)
    QList<Issue> skipped;        ///< refused up front (bad names, unsafe links, …)
    qint64 bytesToTransfer = 0;
    qint64 unchangedFiles = 0;
    qint64 unchangedBytes = 0;
    qint64 sourceFiles = 0;
};

struct SyncProgress
{
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    qint64 filesDone = 0;
    qint64 filesTotal = 0;
    double bytesPerSecond = 0; ///< smoothed over the last seconds
    qint64 etaSeconds = -1;    ///< -1: unknown
    bool paused = false;
};

struct SyncReport
{
    bool ok = false;
    bool cancelled = false;
    Error error;           ///< what stopped the run, when it stopped
    QList<Issue> issues;   ///< per-file problems; the run went on without them
    qint64 filesTransferred = 0;
    qint64 bytesTransferred = 0; ///< payload bytes actually sent or received (resumes skip)
    qint64 bytesResumed = 0;     ///< bytes a partial already held
    qint64 filesVerified = 0;
    qint64 filesDeleted = 0;
    qint64 filesUnchanged = 0;
    qint64 elapsedMs = 0;
    QDateTime startedAt;
};

} // namespace suanli::sync

Q_DECLARE_METATYPE(suanli::sync::SyncPlan)
Q_DECLARE_METATYPE(suanli::sync::SyncProgress)
Q_DECLARE_METATYPE(suanli::sync::SyncReport)
