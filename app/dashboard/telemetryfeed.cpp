#include "telemetryfeed.h"

#include "client/eventstream.h"

#include <QDateTime>

namespace suanli::dashboard {

TelemetryFeed::TelemetryFeed(DashboardClient *client, client::EventStream *events, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    if (events) {
        connect(events, &client::EventStream::telemetry, this, &TelemetryFeed::addLive);
        connect(events, &client::EventStream::resynced, this, &TelemetryFeed::reloadHistory);
    }
}

void TelemetryFeed::watch(qint64 instanceId)
{
    if (watching(instanceId))
        return;
    m_series[instanceId];
    loadHistory(instanceId);
}

void TelemetryFeed::unwatch(qint64 instanceId)
{
    m_series.erase(instanceId);
}

const TelemetrySeries *TelemetryFeed::series(qint64 instanceId) const
{
    const auto it = m_series.find(instanceId);
    return it == m_series.end() ? nullptr : &it->second;
}

TelemetrySeries *TelemetryFeed::series(qint64 instanceId)
{
    const auto it = m_series.find(instanceId);
    return it == m_series.end() ? nullptr : &it->second;
}

void TelemetryFeed::addLive(const protocol::TelemetrySample &sample)
{
    TelemetrySeries *s = series(sample.instance_id);
    if (!s)
        return;
    s->addSample(sample, *m_clock);
    // 24 h back from each instance's newest sample, not from this machine's clock: a skewed
    // clock must not throw away what the market sent.
    const qint64 newest = s->lastMs();
    if (newest - m_lastPruneMs > 60'000) {
        m_lastPruneMs = newest;
        for (auto &[id, each] : m_series)
            each.prune(each.lastMs());
    }
    emit updated(sample.instance_id);
}

void TelemetryFeed::applyHistory(qint64 instanceId, const TelemetryHistory &history)
{
    TelemetrySeries *s = series(instanceId);
    if (!s)
        return;
    for (const auto &bucket : history.buckets)
        s->addBucket(bucket);
    for (const auto &sample : history.samples)
        s->addSample(sample);
    emit updated(instanceId);
}

void TelemetryFeed::reloadHistory()
{
    for (const auto &[id, s] : m_series)
        loadHistory(id);
}

void TelemetryFeed::loadHistory(qint64 instanceId)
{
    if (!m_client)
        return;
    m_client->telemetry(instanceId, {}, this, [this, instanceId](Result<TelemetryHistory> r) {
        if (!r)
            return emit historyFailed(instanceId, r.error());
        applyHistory(instanceId, *r);
    });
}

} // namespace suanli::dashboard
