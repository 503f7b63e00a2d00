#pragma once

#include "telemetryseries.h"

#include "protocol/result.h"
#include "protocol/types.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

namespace suanli::app {
class MarketClient;
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

/// The market calls the dashboard needs that app::MarketClient does not make (yet): telemetry
/// history, an instance's state history, the cost guards and the account's low-balance
/// threshold. It reads the market URL and token from the MarketClient on every call, so a
/// sign-in elsewhere carries over. Callbacks run only while `context` lives. Reads are retried
/// once on a transport error; the PATCHes are idempotent (absent fields stay), so they too.
class DashboardClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    DashboardClient(QNetworkAccessManager *network, const app::MarketClient *market,
                    QObject *parent = nullptr);

    /// `since` invalid: the market's default (24 h).
    void telemetry(qint64 instanceId, const QDateTime &since, QObject *context,
                   Callback<TelemetryHistory> done);
    void instanceEvents(qint64 instanceId, QObject *context,
                        Callback<QList<InstanceHistoryEvent>> done);
    void patchGuards(qint64 instanceId, const protocol::InstanceGuardsPatch &patch,
                     QObject *context, Callback<protocol::Instance> done);
    void setLowBalance(Micro threshold, QObject *context, Callback<protocol::Account> done);
    void setTimeout(int ms) { m_timeoutMs = ms; }

private:
    void send(const QByteArray &method, const QString &path, const QString &query,
              const QByteArray &body, QObject *context,
              std::function<void(Result<QByteArray>)> done, int attempt = 0);

    QNetworkAccessManager *m_network;
    const app::MarketClient *m_market;
    int m_timeoutMs = 15000;
};

} // namespace suanli::dashboard
