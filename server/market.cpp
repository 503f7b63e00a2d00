#include "market.h"

#include "agentchannel.h"
#include "appeventhub.h"
#include "billingservice.h"
#include "changepublisher.h"
#include "eventrelay.h"

#include "requestguard.h"
#include "restapi.h"
#include "telemetrypipeline.h"
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

#include "protocol/json.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QSet>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace suanli::server {

Market::Market(std::unique_ptr<SqlStore> store, const Clock &clock, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_store(std::move(store))
    , m_clock(clock)
    , m_auth(*m_store, clock)
    , m_instances(*m_store)
    , m_idle(*m_store, clock)
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &Market::acceptWebSocket);
    const bool shared = m_store->database().dialect() == Dialect::Postgres;
    m_relay = std::make_unique<EventRelay>(shared ? &m_store->database() : nullptr);
    m_apps = std::make_unique<AppEventHub>(*m_relay);

    // The billing thread: billing runs and the telemetry roll-up (docs/market.md, "Billing
    // thread"); what they change comes back here to be told to apps and agents.
    const QString url = m_store->database().url();
    const QString tag = QString::number(quintptr(this), 16);
    m_billing =
        std::make_unique<BillingService>(url, m_store->policy(), u"billing-"_s + tag, m_clock);
    connect(m_billing.get(), &BillingService::billed, this,
            [this](const QList<Change> &changes) { m_publisher->publish(changes); });
    connect(m_billing.get(), &BillingService::offersChanged, this,
            [this] { m_store->noteOffersChanged(); });
    connect(m_billing.get(), &BillingService::runFinished, this,
            [this](bool ok, double busySeconds, double wallSeconds) {
                m_metrics.observeBillingRun(busySeconds, wallSeconds);
                emit billingRunFinished(ok);
            });
    connect(m_billing.get(), &BillingService::batchStarting, this, &Market::billingBatchStarting,
            Qt::DirectConnection);

    // The telemetry thread: the per-second writes (samples, heartbeats, relays).
    m_telemetry = std::make_unique<TelemetryPipeline>(url, m_store->policy(), u"telemetry-"_s + tag,
                                                      m_clock, *m_relay);
    connect(m_telemetry.get(), &TelemetryPipeline::flushed, this, &Market::telemetryFlushed);
    connect(m_telemetry.get(), &TelemetryPipeline::aboutToWrite, this,
            &Market::telemetryBatchStarting, Qt::DirectConnection);

    m_agents = std::make_unique<AgentChannel>(*m_store, m_clock, *m_relay, *m_apps, *m_telemetry,
                                              m_idle, m_instances);
    m_publisher = std::make_unique<ChangePublisher>(*m_store, m_instances, *m_apps, *m_agents);
    m_api =
        std::make_unique<RestApi>(RestApi::Parts{*m_store, m_clock, m_auth, m_metrics, *m_publisher,
                                                 m_instances, m_idle, *m_agents, *m_apps});
    connect(m_agents.get(), &AgentChannel::changed, this,
            [this](const QList<Change> &changes) { m_publisher->publish(changes); });
    // A first balance event so the app starts with the truth.
    connect(m_apps.get(), &AppEventHub::appConnected, this, [this](qint64 accountId) {
        m_publisher->publish({{Change::Kind::Balance, accountId, 0, 0}});
    });
    connect(m_relay.get(), &EventRelay::eventArrived, m_apps.get(), &AppEventHub::deliverLocally);
    connect(m_relay.get(), &EventRelay::commandsQueued, m_agents.get(),
            [this](qint64 hostId) { m_agents->sendPendingCommands(hostId, false); });
    connect(m_relay.get(), &EventRelay::offersChanged, this,
            [this] { m_store->noteOffersChanged(); });
    connect(m_relay.get(), &EventRelay::listenersAsked, this,
            [this] { m_relay->announceListeners(m_apps->accounts(), true); });

    m_startedMs = m_clock.nowMs();
    m_slowPool.setMaxThreadCount(2);
    m_hostsTimer.setInterval(5000);
    connect(&m_hostsTimer, &QTimer::timeout, this, &Market::checkHosts);
    m_flushTimer.setInterval(1000);
    connect(&m_flushTimer, &QTimer::timeout, this, &Market::startTelemetryFlush);
    connect(&m_flushTimer, &QTimer::timeout, this, &Market::checkTopUps);
    connect(&m_flushTimer, &QTimer::timeout, this, &Market::checkTokens);
    if (auto last = m_store->lastTopUpEntry())
        m_lastTopUpEntry = *last; // only what comes after the start is news
    // ---- money in and out (issue 18) ----
    connect(&m_flushTimer, &QTimer::timeout, this, &Market::checkMoney);
    if (auto last = m_store->lastMoneyEntry())
        m_lastMoneyEntry = *last;
    // ---- end money ----
    m_retryTimer.setInterval(2000);
    connect(&m_retryTimer, &QTimer::timeout, this, &Market::retryCommands);
    m_pingTimer.setInterval(AppEventHub::kPingEveryMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &Market::pingApps);

    m_relay->listen();
}

Market::~Market()
{
    // What is buffered, every heartbeat included, is written before the telemetry thread ends;
    // then the billing thread ends between two batches or in one (its transaction committed
    // or rolled back either way).
    m_telemetry.reset();
    m_billing.reset();
}

Result<quint16> Market::start(const QHostAddress &address, quint16 port,
                              const std::optional<QSslConfiguration> &tls)
{
    // The relays of `serve --relay` (docs/market.md, "Relay"): known before the first hello.
    if (auto r = m_store->registerRelays(); !r)
        return r.error();
    QTcpServer *server = nullptr;
    const LargeBody largeBody{RestApi::kLargeBodyRequest, SpeedTestHandlers::kMaxBytes};
    if (tls) {
        auto *ssl = new GuardedSslServer(RestApi::kMaxBodyBytes, largeBody, this);
        ssl->setSslConfiguration(*tls);
        server = ssl;
    } else {
        server = new GuardedTcpServer(RestApi::kMaxBodyBytes, largeBody, this);
    }
    if (!server->listen(address, port)) {
        const QString why = server->errorString();
        delete server;
        return makeError(
            u"listen_failed"_s,
            u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(why));
    }
    bind(server);
    m_billing->startTimers(kBillingEveryMs, kCompactEveryMs);
    m_hostsTimer.start();
    m_flushTimer.start();
    m_retryTimer.start();
    m_pingTimer.start();
    return server->serverPort();
}

bool Market::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0 &&
        (path == "/api/v1/events"_L1 || path == "/api/v1/agent"_L1)) {
        // Qt HttpServer 6.4 upgrades after this returns true without a response written;
        // authentication happens on the socket (acceptWebSocket).
        return true;
    }
    QElapsedTimer timer;
    timer.start();
    HttpReply reply = m_api->route(request);
    if (reply.slowWork) {
        finishLater(std::move(reply), path, socket, timer);
        return true;
    }
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(reply.body,
                    {{"Content-Type", reply.contentType}, {"Cache-Control", "no-store"}},
                    static_cast<QHttpServerResponder::StatusCode>(reply.status));
    // Labelled by route template: the label values are a fixed set whatever the path says.
    m_metrics.observeRequest(RestApi::routeLabel(path), reply.status, timer.nsecsElapsed() / 1e9);
    return true;
}

void Market::finishLater(HttpReply reply, const QString &path, QTcpSocket *socket,
                         QElapsedTimer timer)
{
    // Bounded: a flood of sign-ins queues at most this many scrypts (32 MiB each while one
    // runs); the rest are told to come back.
    constexpr int kMaxPendingSlowWork = 64;
    if (m_slowWorkPending >= kMaxPendingSlowWork)
        reply = errorReply(503, u"busy"_s, u"too many sign-ins at once; try again shortly"_s);
    if (!reply.slowWork) {
        writeRaw(socket, reply);
        m_metrics.observeRequest(RestApi::routeLabel(path), reply.status,
                                 timer.nsecsElapsed() / 1e9);
        return;
    }
    ++m_slowWorkPending;
    QPointer<QTcpSocket> guard(socket);
    auto *watcher = new QFutureWatcher<QVariant>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, guard, path, timer, finish = std::move(reply.finish)] {
                --m_slowWorkPending;
                const HttpReply done = finish(watcher->result());
                watcher->deleteLater();
                if (guard) // the client may have gone while its password was hashed
                    writeRaw(guard, done);
                m_metrics.observeRequest(RestApi::routeLabel(path), done.status,
                                         timer.nsecsElapsed() / 1e9);
            });
    watcher->setFuture(QtConcurrent::run(&m_slowPool, std::move(reply.slowWork)));
}

void Market::writeRaw(QTcpSocket *socket, const HttpReply &reply)
{
    // Written on the socket itself: a responder lives only as long as handleRequest's call,
    // and this reply comes later (Qt HttpServer 6.4 writes nothing for a request by itself).
    static const QHash<int, QByteArray> reasons = {{200, "OK"},
                                                   {201, "Created"},
                                                   {204, "No Content"},
                                                   {400, "Bad Request"},
                                                   {401, "Unauthorized"},
                                                   {403, "Forbidden"},
                                                   {404, "Not Found"},
                                                   {409, "Conflict"},
                                                   {413, "Payload Too Large"},
                                                   {422, "Unprocessable Entity"},
                                                   {429, "Too Many Requests"},
                                                   {500, "Internal Server Error"},
                                                   {503, "Service Unavailable"}};
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' +
        reasons.value(reply.status, "Status") + "\r\nContent-Type: " + reply.contentType +
        "\r\nCache-Control: no-store\r\nContent-Length: " + QByteArray::number(reply.body.size()) +
        "\r\n\r\n" + reply.body;
    socket->write(out);
}

void Market::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpReply reply = errorReply(404, u"not_found"_s, u"no such endpoint"_s);
    makeResponder(request, socket)
        .write(reply.body, {{"Content-Type", reply.contentType}},
               QHttpServerResponder::StatusCode::NotFound);
}

void Market::acceptWebSocket()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        if (!socket)
            continue;
        socket->setMaxAllowedIncomingMessageSize(RestApi::kMaxBodyBytes);
        socket->setMaxAllowedIncomingFrameSize(RestApi::kMaxBodyBytes);
        const QString path = socket->requestUrl().path();
        auto principal = m_auth.authenticate(socket->request().rawHeader("Authorization"));
        const bool agentPath = path == "/api/v1/agent"_L1;
        if (!principal || (agentPath != (principal->kind == Principal::Kind::Host))) {
            // 4401/4403: private-use close codes that mirror the HTTP statuses.
            socket->close(static_cast<QWebSocketProtocol::CloseCode>(principal ? 4403 : 4401),
                          principal ? u"forbidden"_s : u"unauthorized"_s);
            QWebSocket *raw = socket.release();
            connect(raw, &QWebSocket::disconnected, raw, &QObject::deleteLater);
            continue;
        }
        if (agentPath)
            m_agents->accept(std::move(socket), principal->hostId);
        else
            m_apps->accept(std::move(socket), principal->accountId, principal->tokenId);
    }
}

// ---- timers ---------------------------------------------------------------------------

void Market::runBilling()
{
    QElapsedTimer took;
    took.start();
    auto changes = m_store->accrueAll(m_clock.nowMs());
    m_metrics.observeBillingRun(took.nsecsElapsed() / 1e9, took.nsecsElapsed() / 1e9);
    if (!changes) {
        qWarning("billing: %s", qPrintable(changes.error().message));
        return;
    }
    m_publisher->publish(*changes);
}

void Market::startBillingRun()
{
    m_billing->startRun();
}

void Market::checkHosts()
{
    const qint64 now = m_clock.nowMs();
    // The verification rule turns on the clock too (a measurement ages, a host's first day
    // ends): judged once a minute, not on every 5 s check.
    if (now - m_lastReverifyMs >= kReverifyEveryMs) {
        m_lastReverifyMs = now;
        (void)m_store->reverifyHosts(now);
    }
    // After an outage of the market itself every host's last message is old, yet the agents
    // ran on and are only finding their way back (with backoff): judged by the silence the
    // market caused, every rental would be interrupted and none of the outage billed. A
    // process gives them --host-lost-after from its own start.
    const qint64 lostAfterMs = m_store->policy().hostLostAfterS * 1000;
    if (now - m_startedMs >= lostAfterMs) {
        auto silent = m_store->silentHosts(now - lostAfterMs);
        if (!silent)
            return;
        // A host connected to another process: the database's last_seen is what that process
        // wrote, at most every kHeartbeatWriteEveryMs (on its 1 s flush), so it may be that much
        // older than the host's last message. Judged from the database alone, it is lost only
        // past that lag too (with --host-lost-after shorter than the lag, hosts connected to
        // another process were declared lost over and over: the chaos run on two processes).
        constexpr qint64 kWriteLagMs = TelemetryPipeline::kHeartbeatWriteEveryMs + 1000;
        m_relay->announceListeners(m_apps->accounts(), false);
        for (auto it = silent->cbegin(); it != silent->cend(); ++it) {
            const qint64 hostId = it.key();
            if (m_telemetry->heartbeatInFlight(hostId))
                continue; // its heartbeat is being written by the telemetry thread
            if (m_agents->isConnected(hostId) && m_telemetry->heartbeatBuffered(hostId))
                continue; // connected here, its heartbeat is only waiting for the next flush
            if (!m_agents->isConnected(hostId) && it.value() >= now - lostAfterMs - kWriteLagMs)
                continue; // maybe connected elsewhere, its last_seen not written yet
            auto changes = m_store->declareHostLost(hostId);
            if (changes)
                m_publisher->publish(*changes);
        }
        // A host declared lost whose agent still speaks on its old connection (this process
        // stalled, or last_seen lagged) would stay offline with its instances `interrupted`
        // until that connection broke. Closed here, the agent reconnects at once, and its
        // hello and repeated reports bring host and instances back (docs/protocol.md, hello).
        if (auto speaking = m_store->lostHostsSpeaking(now - lostAfterMs); speaking) {
            for (qint64 hostId : *speaking) {
                if (m_agents->isConnected(hostId))
                    m_agents->drop(hostId, u"host_lost: say hello again"_s);
            }
        }
    }
    // Interrupted instances past --interrupted-release-after (one query when none is due).
    if (auto released = m_store->releaseInterrupted(now); released && !released->isEmpty())
        m_publisher->publish(*released);
}

// ---- money in and out (issue 18) ----
void Market::checkMoney()
{
    // Like checkTopUps: every process reads the ledger's new top-up and payout entries and
    // tells its own sockets, whoever made the change (an API call on any process, or an admin
    // command). A payout's hold and a rejection's return also change the balance.
    auto news = m_store->moneyEntriesAfter(m_lastMoneyEntry);
    if (!news)
        return;
    m_lastMoneyEntry = news->first;
    QSet<qint64> balances;
    for (const Store::MoneyEntry &entry : std::as_const(news->second)) {
        if (!m_apps->accounts().contains(entry.accountId))
            continue;
        const QStringList key = entry.key.split(u':');
        QJsonObject event;
        if (entry.kind == "topup"_L1 && key.size() == 3 && key[2].startsWith("SL-"_L1)) {
            auto orders = m_store->topUpOrders(entry.accountId, u"paid"_s, m_clock.nowMs());
            if (!orders)
                continue;
            for (const auto &order : *orders) {
                if (order.reference == key[2])
                    event = {{u"type"_s, u"topup"_s}, {u"topup"_s, protocol::toJson(order)}};
            }
        } else if (entry.kind.startsWith("payout"_L1) && key.size() == 3) {
            auto payouts = m_store->payouts(entry.accountId, {});
            if (!payouts)
                continue;
            for (const auto &payout : *payouts) {
                if (payout.id == key[1].toLongLong())
                    event = {{u"type"_s, u"payout"_s}, {u"payout"_s, protocol::toJson(payout)}};
            }
            if (entry.kind == "payout"_L1 || entry.kind == "payout_returned"_L1)
                balances.insert(entry.accountId);
        }
        if (!event.isEmpty())
            m_apps->deliverLocally(entry.accountId,
                                   QJsonDocument(event).toJson(QJsonDocument::Compact));
    }
    for (qint64 accountId : std::as_const(balances))
        tellBalanceLocally(accountId);
}
// ---- end money ----

void Market::checkTopUps()
{
    // Every process reads the ledger itself and tells only its own sockets, on both back
    // ends: an admin command is a process of its own with no sockets and no relay.
    auto topUps = m_store->topUpsAfter(m_lastTopUpEntry);
    if (!topUps)
        return;
    m_lastTopUpEntry = topUps->first;
    for (qint64 accountId : topUps->second) {
        if (m_apps->accounts().contains(accountId))
            tellBalanceLocally(accountId);
    }
}

void Market::tellBalanceLocally(qint64 accountId)
{
    auto account = m_store->account(accountId);
    if (!account)
        return;
    const QJsonObject event = protocol::toJson(protocol::AppEvent{
        protocol::BalanceEvent{account->balance_micro, account->currency, std::nullopt}});
    m_apps->deliverLocally(accountId, QJsonDocument(event).toJson(QJsonDocument::Compact));
}

void Market::checkTokens()
{
    // A key revoked by another process, by an admin command, or expired: one query over the
    // keys of this process's open sockets (none when no app is connected).
    const QList<qint64> open = m_apps->tokenIds();
    if (open.isEmpty())
        return;
    auto dead = m_store->deadTokens(open, m_clock.nowMs());
    if (dead && !dead->isEmpty())
        m_apps->closeTokens(*dead);
}

void Market::flushTelemetry()
{
    m_telemetry->flushAndWait();
}

void Market::startTelemetryFlush()
{
    m_telemetry->startFlush();
}

void Market::compactTelemetry()
{
    (void)m_store->compactTelemetry(m_clock.nowMs());
}

void Market::retryCommands()
{
    m_agents->retryCommands();
}

void Market::pingApps()
{
    m_apps->ping();
}

} // namespace suanli::server
