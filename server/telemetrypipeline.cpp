#include "telemetrypipeline.h"

#include "eventrelay.h"
#include "telemetryworker.h"

using namespace Qt::StringLiterals;

namespace suanli::server {

TelemetryPipeline::TelemetryPipeline(const QString &databaseUrl, const MarketPolicy &policy,
                                     const QString &connectionName, const Clock &clock,
                                     EventRelay &relay, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_relay(relay)
{
    // A connection of its own for the per-second writes, so that neither a slow commit nor a
    // billing batch holding SQLite's write lock keeps the event loop from answering.
    m_worker = new TelemetryWorker(databaseUrl, policy, connectionName);
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(u"telemetry"_s);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TelemetryWorker::written, this,
            [this](quint64 seq, bool ok, double) { onWritten(seq, ok, true); });
    connect(m_worker, &TelemetryWorker::notified, &relay, &EventRelay::onNotification);
    connect(m_worker, &TelemetryWorker::aboutToWrite, this, &TelemetryPipeline::aboutToWrite,
            Qt::DirectConnection);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &TelemetryWorker::open, Qt::QueuedConnection);
}

TelemetryPipeline::~TelemetryPipeline()
{
    // The quit is queued behind the last batch. (A killed process loses the last second of
    // telemetry and up to 10 s of heartbeats, see docs/market.md.)
    TelemetryBatch last = takeBatch();
    for (auto it = m_lastSeen.constBegin(); it != m_lastSeen.constEnd(); ++it)
        last.heartbeats.insert(it.key(), it.value());
    post(std::move(last));
    QMetaObject::invokeMethod(
        m_worker, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    m_thread.wait();
    m_worker = nullptr;
}

TelemetryBatch TelemetryPipeline::takeBatch()
{
    TelemetryBatch batch;
    // Heartbeats: each host's latest, written at most every kHeartbeatWriteEveryMs.
    const qint64 now = m_clock.nowMs();
    for (auto it = m_lastSeen.begin(); it != m_lastSeen.end();) {
        const auto written = m_lastSeenWritten.constFind(it.key());
        if (written == m_lastSeenWritten.constEnd() || now - *written >= kHeartbeatWriteEveryMs ||
            now < *written) {
            batch.heartbeats.insert(it.key(), it.value());
            m_lastSeenWritten.insert(it.key(), now);
            it = m_lastSeen.erase(it);
        } else {
            ++it;
        }
    }
    // Confirmations: every one, a host's at most every usage interval (15 s by default).
    batch.confirmations = std::exchange(m_confirmed, {});
    batch.relay = m_relay.takeTelemetry();
    batch.samples = std::exchange(m_samples, {});
    return batch;
}

void TelemetryPipeline::post(TelemetryBatch batch)
{
    if (!m_worker || batch.isEmpty())
        return;
    handOver(batch);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, batch = std::move(batch)] { worker->writeAndReport(batch); },
        Qt::QueuedConnection);
}

void TelemetryPipeline::handOver(TelemetryBatch &batch)
{
    batch.seq = ++m_seq;
    for (auto it = batch.heartbeats.constBegin(); it != batch.heartbeats.constEnd(); ++it)
        m_heartbeatsInFlight.insert(it.key(), batch.seq);
    ++m_batchesOut;
}

void TelemetryPipeline::startFlush()
{
    if (m_batchesOut > 0) {
        // One batch at a time: a slow write makes the next batch bigger, not the queue longer.
        m_flushWanted = true;
        return;
    }
    m_flushWanted = false;
    post(takeBatch());
}

void TelemetryPipeline::flushAndWait()
{
    if (!m_worker)
        return;
    TelemetryBatch batch = takeBatch();
    if (m_batchesOut == 0 && batch.isEmpty())
        return;
    handOver(batch);
    // Queued behind the batches handed over before, so all of them are written on return.
    TelemetryWritten result{batch.seq, false, 0};
    TelemetryWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, &batch, &result] { result = worker->write(batch); },
        Qt::BlockingQueuedConnection);
    onWritten(batch.seq, result.ok, false);
}

void TelemetryPipeline::onWritten(quint64 seq, bool ok, bool async)
{
    // The batches are written in order: all up to seq are done. A blocking flushAndWait()
    // gets here before the reports of the batches it waited for, which change nothing then.
    --m_batchesOut;
    if (seq > m_writtenSeq) {
        m_writtenSeq = seq;
        m_heartbeatsInFlight.removeIf(
            [seq](const QHash<qint64, quint64>::iterator &it) { return it.value() <= seq; });
    }
    emit flushed(ok);
    if (async && m_flushWanted && m_batchesOut == 0)
        startFlush();
}

void TelemetryPipeline::flushHeartbeat(qint64 hostId)
{
    // Its last heartbeat is what declareHostLost() bills up to: handed over at once, and the
    // host-lost check leaves the host alone until it is committed.
    TelemetryBatch batch;
    if (const auto confirmed = m_confirmed.constFind(hostId); confirmed != m_confirmed.constEnd()) {
        batch.confirmations.insert(hostId, confirmed.value());
        m_confirmed.erase(confirmed);
    }
    const auto seen = m_lastSeen.constFind(hostId);
    if (seen != m_lastSeen.constEnd()) {
        batch.heartbeats.insert(hostId, seen.value());
        m_lastSeen.erase(seen);
        m_lastSeenWritten.remove(hostId);
    }
    post(std::move(batch));
}

bool TelemetryPipeline::heartbeatInFlight(qint64 hostId) const
{
    return m_heartbeatsInFlight.value(hostId) > m_writtenSeq;
}

} // namespace suanli::server
