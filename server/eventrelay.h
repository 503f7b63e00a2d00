#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QVariant>

namespace suanli::server {

class Database;

/// How market processes on one PostgreSQL tell each other what their own sockets cannot:
/// LISTEN/NOTIFY on five channels (docs/market.md, "PostgreSQL and several processes").
///
/// Instance and balance events are rare and must arrive in order: they go through NOTIFY
/// suanli_events, which every process (this one included) hears and hands to its own sockets.
/// Telemetry is a thousand times more frequent and only matters to an app that is open: it is
/// serialised only when some process has an app of that account connected, and sent to the
/// other processes batched per account once per flush on suanli_telemetry (by the telemetry
/// thread, on its own connection). Which accounts have an app where is learned on
/// suanli_listeners ("+ID" when a process gains one, "?" when a process starts and asks); each
/// process re-announces its accounts every 30 s and forgets remote ones not heard of for
/// 75 s, so a crashed process is forgotten. suanli_commands wakes the process an agent is
/// connected to; suanli_offers makes cached searches stale.
///
/// On SQLite there is one process: the relay is off (shared() false) and sends nothing.
class EventRelay : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kAnnounceEveryMs = 30'000;
    static constexpr qint64 kListenerTtlMs = 75'000;
    static constexpr qsizetype kNotifyPayloadMax = 7000; // PostgreSQL refuses 8,000 bytes

    /// `db`: the market's connection when it is PostgreSQL, else nullptr.
    explicit EventRelay(Database *db, QObject *parent = nullptr);

    bool shared() const { return m_db != nullptr; }
    /// Listens on the market's connection and asks the other processes for their listeners.
    void listen();

    /// An event for an account's apps, to every process; false when it was not sent (no
    /// relay, or the database failed): then the caller delivers it locally. One too long for a
    /// NOTIFY is stored as a row of relay_events and its id notified ('@ID'); rows are
    /// deleted kLargeEventKeepMs after they were written.
    bool sendEvent(qint64 accountId, const QByteArray &event);
    static constexpr qint64 kLargeEventKeepMs = 60'000;
    /// How many events this process sent through relay_events (tests, metrics).
    qint64 largeEventsSent() const { return m_largeEventsSent; }
    /// Wakes the process an agent of this host is connected to.
    void sendCommandsQueued(qint64 hostId);
    /// This process gained an app of the account.
    void announceListener(qint64 accountId);
    /// Re-announces this process's accounts (at most every kAnnounceEveryMs unless forced)
    /// and forgets remote listeners nobody re-announced.
    void announceListeners(const QList<qint64> &accounts, bool force);
    /// Whether an app of the account is connected to another process.
    bool hasRemoteListener(qint64 accountId) const;
    /// Batches a telemetry event for the other processes.
    void queueTelemetry(qint64 accountId, const QByteArray &event);
    /// The batched telemetry, as suanli_telemetry payloads ("ACCOUNT\nEVENT\nEVENT…").
    QList<QByteArray> takeTelemetry();

    /// A notification heard on one of the market's connections (QSqlDriver's).
    void onNotification(const QString &name, bool fromSelf, const QVariant &payload);

signals:
    /// An event for an account's apps connected here.
    void eventArrived(qint64 accountId, const QByteArray &event);
    /// Commands were queued for a host (its agent may be connected here).
    void commandsQueued(qint64 hostId);
    /// Another process wrote an offer.
    void offersChanged();
    /// A process started and asks which accounts have an app where.
    void listenersAsked();

private:
    void flushTelemetry(qint64 accountId);

    Database *m_db;
    QElapsedTimer m_uptime;                      ///< monotonic, for announcements
    QHash<qint64, qint64> m_remoteListeners;     ///< account → until (m_uptime ms)
    QHash<qint64, QByteArray> m_remoteTelemetry; ///< account → batched events to relay
    QList<QByteArray> m_telemetryOut;            ///< full payloads for the next batch
    qint64 m_lastAnnounceMs = 0;
    qint64 m_largeEventsSent = 0;
};

} // namespace suanli::server
