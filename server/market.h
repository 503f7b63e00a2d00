#pragma once

#include "authenticator.h"
#include "httpreply.h"
#include "idletracker.h"
#include "instanceindex.h"
#include "metrics.h"
#include "protocol/clock.h"
#include "sqlstore.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <optional>

namespace suanli::server {

class AgentChannel;
class AppEventHub;
class BillingService;
class ChangePublisher;
class EventRelay;
class RestApi;
class TelemetryPipeline;

/// The market service: REST API, app events and agent channel over one port, billing timers.
/// Everything it knows lives in the Store; what it keeps in memory (sockets, caches, buffered
/// telemetry) is rebuilt from the database, so several processes can share one PostgreSQL.
///
/// Market owns and wires the parts (docs/architecture.md): RestApi (routing and the handlers
/// of each resource), AgentChannel (agent sockets, commands until acknowledged), AppEventHub
/// (apps' events sockets), EventRelay (LISTEN/NOTIFY between processes), ChangePublisher
/// (what a change means to apps and agents), TelemetryPipeline (the per-second writes, on the
/// telemetry thread), BillingService (billing runs and the roll-up, on the billing thread).
/// They all see the Store interface; only Market holds the SqlStore, to open the threads'
/// connections to the same database and to hand the relay its PostgreSQL connection.
class Market : public QAbstractHttpServer
{
    Q_OBJECT
public:
    Market(std::unique_ptr<SqlStore> store, const Clock &clock, QObject *parent = nullptr);
    ~Market() override;

    /// Registers the policy's relays and starts listening. With a TLS configuration, serves
    /// HTTPS/WSS.
    Result<quint16> start(const QHostAddress &address, quint16 port,
                          const std::optional<QSslConfiguration> &tls = std::nullopt);

    Store &store() { return *m_store; }
    /// The app sockets of this process and the relay to the others (tests and tools).
    AppEventHub &apps() { return *m_apps; }
    EventRelay &relay() { return *m_relay; }
    Metrics &metrics() { return m_metrics; }

    /// The timers' work, one step at a time (tests and tools drive a market on a manual clock
    /// with them). runBilling() is the whole run at once on the calling thread, with the
    /// market's own connection, as the billing thread's run would do it.
    void runBilling();
    /// Starts a billing run on the billing thread, as its timer does every 5 s (none if one is
    /// under way); billingRunFinished() follows once its events are out.
    void startBillingRun();
    /// Declares silent hosts lost and, once a minute, applies the verification rule
    /// (docs/market.md, "Verified hosts"), as the 5 s timer does.
    void checkHosts();
    static constexpr qint64 kReverifyEveryMs = 60'000;
    /// Tells this process's apps of top-ups made by admin commands (other processes) since
    /// the last check, as the 1 s timer does (docs/market.md, "Admin commands").
    void checkTopUps();
    /// Closes this process's event sockets whose key was revoked (here, by another process or
    /// an admin command) or has expired, as the 1 s timer does (docs/market.md, "Accounts and
    /// keys").
    void checkTokens();
    /// Tells this process's apps of top-up orders paid and payout steps since the last check,
    /// wherever they were made, as the 1 s timer does (issue 18, docs/market.md "Top-ups and
    /// payouts").
    void checkMoney();
    /// Hands what is buffered (samples, heartbeats due, relays) to the telemetry thread and
    /// waits until it and every batch handed over before are written (a blocking wait, like
    /// runBilling()); the timer uses startTelemetryFlush().
    void flushTelemetry();
    /// Hands what is buffered to the telemetry thread, as the 1 s timer does; while a batch is
    /// being written, the next one waits for it (and grows). telemetryFlushed() follows.
    void startTelemetryFlush();
    void compactTelemetry();
    void retryCommands();
    /// Pings every app's events socket; drops those that did not answer the previous ping.
    void pingApps();

    static constexpr int kBillingEveryMs = 5000;
    static constexpr int kCompactEveryMs = 60'000;

signals:
    /// A run of the billing thread ended and what it changed has been published.
    void billingRunFinished(bool ok);
    /// A batch of the telemetry thread was written (or failed) and its heartbeats settled here.
    void telemetryFlushed(bool ok);
    /// Emitted on the billing thread before each batch of a run, with the first instance id
    /// the batch bills; a Qt::DirectConnection runs there, before the batch's transaction.
    void billingBatchStarting(qint64 firstInstanceId);
    /// Emitted on the telemetry thread before each batch is written, with its sequence number;
    /// a Qt::DirectConnection runs there, before the write.
    void telemetryBatchStarting(quint64 seq);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void acceptWebSocket();
    /// A reply with slow work (HttpReply::slowWork): the work on m_slowPool, the reply written
    /// when it is done.
    void finishLater(HttpReply reply, const QString &path, QTcpSocket *socket, QElapsedTimer timer);
    static void writeRaw(QTcpSocket *socket, const HttpReply &reply);
    /// Sends the account's balance, as the database has it, to its sockets on this process
    /// (admin top-ups and payout steps made elsewhere).
    void tellBalanceLocally(qint64 accountId);

    std::unique_ptr<SqlStore> m_store;
    const Clock &m_clock;
    Metrics m_metrics;
    Authenticator m_auth;
    InstanceIndex m_instances;
    IdleTracker m_idle;
    std::unique_ptr<EventRelay> m_relay;
    std::unique_ptr<AppEventHub> m_apps;
    std::unique_ptr<BillingService> m_billing;
    std::unique_ptr<TelemetryPipeline> m_telemetry;
    std::unique_ptr<AgentChannel> m_agents;
    std::unique_ptr<ChangePublisher> m_publisher;
    std::unique_ptr<RestApi> m_api;
    QTimer m_hostsTimer;
    QTimer m_flushTimer;
    qint64 m_lastTopUpEntry = 0; ///< the newest top-up ledger entry this process has told of
    qint64 m_lastMoneyEntry = 0; ///< the same for top-up orders and payout steps (issue 18)
    /// When this process started (market clock): no host is lost here before it has had
    /// --host-lost-after to find the process again (docs/market.md, "Host lost").
    qint64 m_lastReverifyMs = 0;
    qint64 m_startedMs = 0;
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    /// The password KDF's threads (two: the memory of two scrypts at a time).
    QThreadPool m_slowPool;
    int m_slowWorkPending = 0;
};

} // namespace suanli::server
