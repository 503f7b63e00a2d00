#pragma once

#include "accounthandlers.h"
#include "cataloghandlers.h"
#include "hosthandlers.h"
#include "httpreply.h"
#include "imagehandlers.h"
#include "instancehandlers.h"
#include "moneyhandlers.h" // issue 18: top-ups and payouts
#include "sessionhandlers.h"
#include "speedtesthandlers.h"

namespace suanli::server {

class AgentChannel;
class AppEventHub;
class Authenticator;

/// The REST API of server/openapi.yaml: the body limit, /healthz and /metrics, bearer
/// authentication, and the routing of /api/v1/… to the handlers of each resource.
class RestApi
{
public:
    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;
    /// The one larger body: the agents' upload test (SpeedTestHandlers::kMaxBytes).
    static constexpr const char *kLargeBodyRequest = "POST /api/v1/speedtest";

    struct Parts
    {
        Store &store;
        const Clock &clock;
        Authenticator &auth;
        Metrics &metrics;
        ChangePublisher &publisher;
        InstanceIndex &instances;
        IdleTracker &idle;
        const AgentChannel &agents; ///< for the gauges of /metrics
        AppEventHub &apps;
    };
    explicit RestApi(const Parts &parts);

    HttpReply route(const QHttpServerRequest &request);

    /// The route a path is answered by, as a template (`/api/v1/instances/{id}/stop`), or
    /// empty when no route matches. Routing and the metrics labels both go by it.
    static QString routeTemplate(const QString &path);
    /// routeTemplate(), or "unmatched": the label of a request in /metrics, so that what a
    /// client puts in a path never becomes a series of its own.
    static QString routeLabel(const QString &path);

private:
    HttpReply metricsText();

    Store &m_store;
    Authenticator &m_auth;
    Metrics &m_metrics;
    const AgentChannel &m_agents;
    const AppEventHub &m_apps;
    AccountHandlers m_accounts;
    CatalogHandlers m_catalog;
    InstanceHandlers m_instances;
    HostHandlers m_hosts;
    ImageHandlers m_images; // saved images (docs/market.md "Saved images")
    SessionHandlers m_sessions;
    SpeedTestHandlers m_speedTests;
    MoneyHandlers m_money; // issue 18: top-ups and payouts
};

} // namespace suanli::server
