#pragma once

#include "telemetryseries.h"

#include "protocol/result.h"
#include "protocol/types.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace suanli::client {
class MarketClient;
}
namespace suanli::app {
using client::MarketClient;
}

namespace suanli::dashboard {

/// GET /api/v1/instances/{id}/telemetry: buckets first, then raw samples, oldest first.
struct TelemetryHistory
{
    QList<TelemetryBucket> buckets;
    QList<protocol::TelemetrySample> samples;
};
Result<TelemetryHistory> parseTelemetryHistory(const QByteArray &body);

/// One line of GET /api/v1/instances/{id}/events.
struct InstanceHistoryEvent
{
    QDateTime at;
    QString state;
    QString reason; ///< e.g. "idle_stop", "max_spend_reached"; empty when none
};
Result<QList<InstanceHistoryEvent>> parseInstanceEvents(const QByteArray &body);

/// The market calls the dashboard needs that client::MarketClient does not type: telemetry
/// history, an instance's state history, the cost guards and the account's low-balance
/// threshold. Only the requests and their decoding live here; the transport is
/// MarketClient::request, so the market URL and token, the timeout, retries (the PATCHes are
/// idempotent: absent fields stay), error messages and reachability are the MarketClient's.
/// Callbacks run only while `context` lives.
class DashboardClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    explicit DashboardClient(client::MarketClient *market, QObject *parent = nullptr);

    /// `since` invalid: the market's default (24 h).
    void telemetry(qint64 instanceId, const QDateTime &since, QObject *context,
                   Callback<TelemetryHistory> done);
    void instanceEvents(qint64 instanceId, QObject *context,
                        Callback<QList<InstanceHistoryEvent>> done);
    void patchGuards(qint64 instanceId, const protocol::InstanceGuardsPatch &patch,
                     QObject *context, Callback<protocol::Instance> done);
    void setLowBalance(Micro threshold, QObject *context, Callback<protocol::Account> done);

private:
    client::MarketClient *m_market;
};

} // namespace suanli::dashboard
