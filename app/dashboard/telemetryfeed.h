#pragma once

#include "dashboardclient.h"
#include "telemetryseries.h"

#include <QObject>

#include <functional>
#include <map>

namespace suanli::client {
class EventStream;
}
namespace suanli::app {
using client::EventStream;
}

namespace suanli::dashboard {

/// The telemetry of the instances a dashboard shows: the market's 24 h history when one is
/// first watched (and again after the events socket reconnects, as samples may have been
/// missed), then the live 1 Hz samples from the events socket, merged by time.
class TelemetryFeed : public QObject
{
    Q_OBJECT
public:
    /// `client` may be null (tests and benches feed history themselves); so may `events`.
    TelemetryFeed(DashboardClient *client, client::EventStream *events, QObject *parent = nullptr);

    /// The time of a live sample that comes without one.
    void setClock(const Clock &clock) { m_clock = &clock; }

    /// Starts keeping this instance's telemetry and loads its history.
    void watch(qint64 instanceId);
    void unwatch(qint64 instanceId);
    bool watching(qint64 instanceId) const { return m_series.count(instanceId) > 0; }
    /// Null when the instance is not watched.
    const TelemetrySeries *series(qint64 instanceId) const;
    TelemetrySeries *series(qint64 instanceId);

    /// A live sample (EventStream::telemetry). Samples of unwatched instances are dropped.
    void addLive(const protocol::TelemetrySample &sample);
    void applyHistory(qint64 instanceId, const TelemetryHistory &history);
    /// Loads the history of every watched instance again.
    void reloadHistory();

signals:
    void updated(qint64 instanceId);
    void historyFailed(qint64 instanceId, const suanli::Error &error);

private:
    void loadHistory(qint64 instanceId);

    DashboardClient *m_client;
    std::map<qint64, TelemetrySeries> m_series;
    qint64 m_lastPruneMs = 0;
    const Clock *m_clock = &app::defaultClock();
};

} // namespace suanli::dashboard
