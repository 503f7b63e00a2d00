#pragma once

#include "sqlstore.h"

#include <QObject>

#include <memory>

namespace suanli::server {

/// What the event loop hands over about once a second: buffered samples, the heartbeats due,
/// the live telemetry batched for other market processes.
struct TelemetryBatch
{
    quint64 seq = 0;
    QList<protocol::TelemetrySample> samples;
    QHash<qint64, qint64> heartbeats; ///< host id → market time of its latest message (ms)
    /// Host id → market time of its latest live `usage` heartbeat (hosts.confirmed_at).
    QHash<qint64, qint64> confirmations;
    QList<QByteArray> relay; ///< payloads for NOTIFY suanli_telemetry

    bool isEmpty() const
    {
        return samples.isEmpty() && heartbeats.isEmpty() && confirmations.isEmpty() &&
               relay.isEmpty();
    }
};

/// What became of a batch.
struct TelemetryWritten
{
    quint64 seq = 0;
    bool ok = false;    ///< the transaction committed, with everything in it
    double seconds = 0; ///< time in the transaction (lock waits included)
};

/// The market's per-second writes, on a thread of their own: telemetry samples, heartbeats
/// (hosts.last_seen) and the relay of live telemetry to other processes. On the event loop a
/// thousand agents' samples, one fsync'd transaction a second, held every request back while
/// they were written (docs/market.md, "Billing thread"). Its own connection, which also
/// listens on suanli_telemetry so that the relays it sends itself are recognised as its own.
/// Live in a QThread; every public function but the constructor runs there.
class TelemetryWorker : public QObject
{
    Q_OBJECT
public:
    TelemetryWorker(QString databaseUrl, MarketPolicy policy, QString connectionName);
    ~TelemetryWorker() override;

    /// Opens the connection; on PostgreSQL, listens on suanli_telemetry (see notified()).
    void open();
    /// Writes a batch in one transaction: samples, then heartbeats (so hosts rows are locked
    /// only for the end of it), then the relays, delivered by PostgreSQL at the commit.
    /// Heartbeats that could not be written go again with the next batch.
    TelemetryWritten write(const TelemetryBatch &batch);
    /// write(), then written().
    void writeAndReport(const TelemetryBatch &batch);

signals:
    /// On this thread, before a batch is written.
    void aboutToWrite(quint64 seq);
    void written(quint64 seq, bool ok, double seconds);
    /// A notification on this connection, as QSqlDriver gave it. Queued to the market.
    void notified(const QString &name, bool fromSelf, const QVariant &payload);

private:
    QString m_url;
    MarketPolicy m_policy;
    QString m_connectionName;
    std::unique_ptr<SqlStore> m_store;
    QHash<qint64, qint64> m_unwritten; ///< heartbeats whose write failed, for the next batch
    QHash<qint64, qint64> m_unconfirmed; ///< confirmations whose write failed, the same way
};

} // namespace suanli::server
