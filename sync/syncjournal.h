#pragma once

#include "synctypes.h"

#include <QHash>
#include <QString>

namespace suanli::sync {

/// What the journal remembers of one file at one destination after a verified transfer.
struct JournalEntry
{
    qint64 size = 0;
    qint64 localMtimeNs = 0;
    qint64 remoteMtime = 0; ///< seconds, as SFTP reports it
    QByteArray sha256;
};

/// One finished run, for the Datasets view's history.
struct HistoryEntry
{
    qint64 id = 0;
    QString destination;
    Direction direction = Direction::Upload;
    QDateTime startedAt;
    qint64 elapsedMs = 0;
    qint64 files = 0;
    qint64 bytes = 0;
    bool ok = false;
    QString errorCode;
    QString errorMessage;
};

/// The sync journal: an SQLite file in the app's data folder with size, mtimes and SHA-256 per
/// file per destination, so an unchanged tree re-syncs by listing alone, and a history of
/// runs. One connection per object; use it from one thread.
class SyncJournal
{
public:
    SyncJournal();
    ~SyncJournal();
    SyncJournal(const SyncJournal &) = delete;
    SyncJournal &operator=(const SyncJournal &) = delete;

    Result<void> open(const QString &path);
    bool isOpen() const { return !m_connection.isEmpty(); }

    /// Key of a destination: direction, both roots and the instance address.
    static QString destinationKey(const SyncOptions &options);

    QHash<QByteArray, JournalEntry> load(const QString &destination);
    /// Writes many entries in one transaction.
    void store(const QString &destination, const QList<QPair<QByteArray, JournalEntry>> &entries);
    void remove(const QString &destination, const QList<QByteArray> &paths);

    void addHistory(const QString &destination, Direction direction, const SyncReport &report);
    QList<HistoryEntry> history(int limit = 100);

private:
    QString m_connection;
};

} // namespace suanli::sync
