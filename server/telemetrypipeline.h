#pragma once

#include "protocol/clock.h"
#include "store.h"

#include <QHash>
#include <QObject>
#include <QThread>

namespace suanli::server {

class EventRelay;
class TelemetryWorker;
struct TelemetryBatch;

/// The market's per-second writes, buffered on the event loop and written on the telemetry
/// thread (TelemetryWorker, with its own connection): telemetry samples, each host's latest
/// heartbeat (at most every kHeartbeatWriteEveryMs per host, and at once when its agent
/// disconnects) and the live telemetry relayed to other processes. One batch is written at a
/// time; a slow write makes the next batch bigger, not the queue longer. Until a host's
/// heartbeat is written, the host-lost check leaves the host alone (heartbeatPending()).
class TelemetryPipeline : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kHeartbeatWriteEveryMs = 10'000;

    TelemetryPipeline(const QString &databaseUrl, const MarketPolicy &policy,
                      const QString &connectionName, const Clock &clock, EventRelay &relay,
                      QObject *parent = nullptr);
    /// Writes what is buffered, every heartbeat included, before the thread ends.
    ~TelemetryPipeline() override;

    void addSample(const protocol::TelemetrySample &sample) { m_samples.append(sample); }
    /// A message from the host's agent at `atMs` (market time).
    void noteHeartbeat(qint64 hostId, qint64 atMs) { m_lastSeen.insert(hostId, atMs); }
    /// A live `usage` heartbeat from the host's agent at `atMs`: the host runs its instances
    /// (hosts.confirmed_at; written with the next batch, and at once on a disconnect).
    void noteConfirmation(qint64 hostId, qint64 atMs) { m_confirmed.insert(hostId, atMs); }
    /// Hands the host's last heartbeat over at once (its agent disconnected).
    void flushHeartbeat(qint64 hostId);
    /// Whether the host's latest heartbeat is still on its way to the database: being written
    /// (in flight) or, when `buffered` counts, waiting for the next flush.
    bool heartbeatInFlight(qint64 hostId) const;
    bool heartbeatBuffered(qint64 hostId) const { return m_lastSeen.contains(hostId); }

    /// Hands what is buffered to the telemetry thread (the 1 s timer); flushed() follows.
    void startFlush();
    /// Hands what is buffered over and waits until it and every batch before are written: a
    /// blocking wait, for tests and tools that drive the market step by step.
    void flushAndWait();

signals:
    /// A batch was written (or failed) and its heartbeats settled here.
    void flushed(bool ok);
    /// Emitted on the telemetry thread before each batch is written, with its sequence number
    /// (a Qt::DirectConnection runs there, before the write).
    void aboutToWrite(quint64 seq);

private:
    TelemetryBatch takeBatch();
    void handOver(TelemetryBatch &batch);
    void post(TelemetryBatch batch);
    void onWritten(quint64 seq, bool ok, bool async);

    const Clock &m_clock;
    EventRelay &m_relay;
    QThread m_thread;
    TelemetryWorker *m_worker = nullptr; ///< lives in m_thread, deleted when it ends
    QList<protocol::TelemetrySample> m_samples;
    QHash<qint64, qint64> m_lastSeen;        ///< host id → ms, not yet written
    QHash<qint64, qint64> m_confirmed;       ///< host id → ms of a heartbeat, not yet written
    QHash<qint64, qint64> m_lastSeenWritten; ///< host id → when it was last written
    /// Host id → the batch that carries its heartbeat to the telemetry thread.
    QHash<qint64, quint64> m_heartbeatsInFlight;
    quint64 m_writtenSeq = 0;   ///< every batch up to this one is written (or failed)
    quint64 m_seq = 0;          ///< seq of the last batch handed over
    int m_batchesOut = 0;       ///< handed over, not yet reported back
    bool m_flushWanted = false; ///< a timer tick found a batch still being written
};

} // namespace suanli::server
