#include "syncjournal.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace suanli::sync {

namespace {

QAtomicInteger<int> g_connectionCounter;

} // namespace

SyncJournal::SyncJournal() = default;

SyncJournal::~SyncJournal()
{
    if (m_connection.isEmpty())
        return;
    QSqlDatabase::database(m_connection, false).close();
    const QString name = m_connection;
    m_connection.clear();
    QSqlDatabase::removeDatabase(name);
}

Result<void> SyncJournal::open(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString name = QStringLiteral("suanli-sync-journal-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            const QString message = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return makeError(QStringLiteral("journal_failed"),
                             QStringLiteral("Could not open the sync journal %1: %2").arg(path, message));
        }
        QSqlQuery query(db);
        // WAL: the UI may read the history while a sync writes; NORMAL is enough for a cache
        // whose loss only costs a re-hash.
        query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        query.exec(QStringLiteral("PRAGMA busy_timeout=5000"));
        query.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS files (destination TEXT NOT NULL, path BLOB NOT NULL, "
            "size INTEGER NOT NULL, local_mtime_ns INTEGER NOT NULL, remote_mtime INTEGER NOT NULL, "
            "sha256 BLOB NOT NULL, PRIMARY KEY (destination, path))"));
        query.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, destination "
            "TEXT NOT NULL, direction TEXT NOT NULL, started_at INTEGER NOT NULL, elapsed_ms "
            "INTEGER NOT NULL, files INTEGER NOT NULL, bytes INTEGER NOT NULL, ok INTEGER NOT NULL, "
            "error_code TEXT, error_message TEXT)"));
    }
    m_connection = name;
    return {};
}

QString SyncJournal::destinationKey(const SyncOptions &options)
{
    return QStringLiteral("%1 %2@%3:%4:%5 %6")
        .arg(options.direction == Direction::Upload ? QStringLiteral("up") : QStringLiteral("down"),
             options.endpoint.user, options.endpoint.host)
        .arg(options.endpoint.port)
        .arg(QString::fromUtf8(options.remoteRoot), QDir::cleanPath(options.localRoot));
}

QHash<QByteArray, JournalEntry> SyncJournal::load(const QString &destination)
{
    QHash<QByteArray, JournalEntry> entries;
    if (m_connection.isEmpty())
        return entries;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT path, size, local_mtime_ns, remote_mtime, sha256 FROM files "
                                 "WHERE destination = ?"));
    query.addBindValue(destination);
    query.exec();
    while (query.next()) {
        entries.insert(query.value(0).toByteArray(),
                       JournalEntry{query.value(1).toLongLong(), query.value(2).toLongLong(),
                                    query.value(3).toLongLong(), query.value(4).toByteArray()});
    }
    return entries;
}

void SyncJournal::store(const QString &destination,
                        const QList<QPair<QByteArray, JournalEntry>> &entries)
{
    if (m_connection.isEmpty() || entries.isEmpty())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO files (destination, path, size, "
                                 "local_mtime_ns, remote_mtime, sha256) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const auto &[path, entry] : entries) {
        query.addBindValue(destination);
        query.addBindValue(path);
        query.addBindValue(entry.size);
        query.addBindValue(entry.localMtimeNs);
        query.addBindValue(entry.remoteMtime);
        query.addBindValue(entry.sha256);
        query.exec();
    }
    db.commit();
}

void SyncJournal::remove(const QString &destination, const QList<QByteArray> &paths)
{
    if (m_connection.isEmpty() || paths.isEmpty())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM files WHERE destination = ? AND path = ?"));
    for (const QByteArray &path : paths) {
        query.addBindValue(destination);
        query.addBindValue(path);
        query.exec();
    }
    db.commit();
}

void SyncJournal::addHistory(const QString &destination, Direction direction,
                             const SyncReport &report)
{
    if (m_connection.isEmpty())
        return;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("INSERT INTO runs (destination, direction, started_at, elapsed_ms, "
                                 "files, bytes, ok, error_code, error_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(destination);
    query.addBindValue(direction == Direction::Upload ? QStringLiteral("up") : QStringLiteral("down"));
    query.addBindValue(report.startedAt.toMSecsSinceEpoch());
    query.addBindValue(report.elapsedMs);
    query.addBindValue(report.filesTransferred);
    query.addBindValue(report.bytesTransferred);
    query.addBindValue(report.ok ? 1 : 0);
    query.addBindValue(report.error.code);
    query.addBindValue(report.error.message);
    query.exec();
}

QList<HistoryEntry> SyncJournal::history(int limit)
{
    QList<HistoryEntry> runs;
    if (m_connection.isEmpty())
        return runs;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT id, destination, direction, started_at, elapsed_ms, files, "
                                 "bytes, ok, error_code, error_message FROM runs ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit);
    query.exec();
    while (query.next()) {
        HistoryEntry run;
        run.id = query.value(0).toLongLong();
        run.destination = query.value(1).toString();
        run.direction = query.value(2).toString() == QStringLiteral("down") ? Direction::Download
                                                                            : Direction::Upload;
        run.startedAt = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong());
        run.elapsedMs = query.value(4).toLongLong();
        run.files = query.value(5).toLongLong();
        run.bytes = query.value(6).toLongLong();
        run.ok = query.value(7).toInt() != 0;
        run.errorCode = query.value(8).toString();
        run.errorMessage = query.value(9).toString();
        runs.append(run);
    }
    return runs;
}

} // namespace suanli::sync
