#include "market.h"

#include "billingworker.h"
#include "requestguard.h"
#include "telemetryworker.h"

#include "protocol/json.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace suanli::server {

// Set-up, timers, HTTP routing and authentication. Handlers: market_http.cpp.
// WebSockets and events: market_sockets.cpp.

HttpReply jsonReply(int status, const QJsonObject &body);
HttpReply errorReply(int status, const QString &code, const QString &message);

Market::Market(std::unique_ptr<SqlStore> store, const Clock &clock, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_store(std::move(store))
    , m_clock(clock)
    , m_searchCache(32 * 1024) // total cost in KiB of response bodies
{
    m_uptime.start();
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &Market::acceptWebSocket);

    // The billing thread: its own connection to the same database (SQLite in WAL lets it
    // write while this thread reads; PostgreSQL locks rows), its own timers on m_clock.
    qRegisterMetaType<QList<Change>>();
    m_billing = new BillingWorker(m_store->database().url(), m_store->policy(),
                                  u"billing-%1"_s.arg(quintptr(this), 0, 16), m_clock);
    m_billing->moveToThread(&m_billingThread);
    m_billingThread.setObjectName(u"billing"_s);
    connect(&m_billingThread, &QThread::finished, m_billing, &QObject::deleteLater);
    connect(m_billing, &BillingWorker::billed, this,
            [this](const QList<Change> &changes) { publish(changes); });
    connect(m_billing, &BillingWorker::offersChanged, this,
            [this] { m_store->noteOffersChanged(); });
    connect(m_billing, &BillingWorker::runFinished, this,
            [this](bool ok, double busySeconds, double wallSeconds) {
                m_metrics.observeBillingRun(busySeconds, wallSeconds);
                emit billingRunFinished(ok);
            });
    m_billingThread.start();
    QMetaObject::invokeMethod(m_billing, &BillingWorker::open, Qt::QueuedConnection);

    // The telemetry thread: a third connection for the per-second writes (samples, heartbeats,
    // relays), so that neither a slow commit nor a billing batch holding SQLite's write lock
    // keeps this thread from answering.
    m_telemetry = new TelemetryWorker(m_store->database().url(), m_store->policy(),
                                      u"telemetry-%1"_s.arg(quintptr(this), 0, 16));
    m_telemetry->moveToThread(&m_telemetryThread);
    m_telemetryThread.setObjectName(u"telemetry"_s);
    connect(&m_telemetryThread, &QThread::finished, m_telemetry, &QObject::deleteLater);
    connect(m_telemetry, &TelemetryWorker::written, this,
            [this](quint64 seq, bool ok, double) { onTelemetryWritten(seq, ok, true); });
    connect(m_telemetry, &TelemetryWorker::notified, this, &Market::onDatabaseNotification);
    m_telemetryThread.start();
    QMetaObject::invokeMethod(m_telemetry, &TelemetryWorker::open, Qt::QueuedConnection);

    m_hostsTimer.setInterval(5000);
    connect(&m_hostsTimer, &QTimer::timeout, this, &Market::checkHosts);
    m_flushTimer.setInterval(1000);
    connect(&m_flushTimer, &QTimer::timeout, this, &Market::startTelemetryFlush);
    m_retryTimer.setInterval(2000);
    connect(&m_retryTimer, &QTimer::timeout, this, &Market::retryCommands);
    m_pingTimer.setInterval(kPingAppsEveryMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &Market::pingApps);

    if (m_store->database().dialect() == Dialect::Postgres) {
        // Events and agent commands caused through another market process arrive here; relayed
        // telemetry arrives on the telemetry thread's connection, which sends this process's.
        QSqlDriver *driver = m_store->database().handle().driver();
        for (const QString &channel : {u"suanli_events"_s, u"suanli_commands"_s, u"suanli_offers"_s,
                                       u"suanli_listeners"_s})
            driver->subscribeToNotification(channel);
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource source,
                       const QVariant &payload) {
                    onDatabaseNotification(name, source == QSqlDriver::SelfSource, payload);
                });
        // Ask the other processes which accounts have an app connected to them.
        (void)m_store->database().exec(u"SELECT pg_notify('suanli_listeners', '?')"_s);
    }
}

Market::~Market()
{
    // What is buffered, every heartbeat included, is written before the telemetry thread
    // ends: the quit is queued behind the last batch. (A killed process loses the last
    // second of telemetry and up to 10 s of heartbeats, see docs/market.md.)
    TelemetryBatch last = takeTelemetryBatch();
    for (auto it = m_lastSeen.constBegin(); it != m_lastSeen.constEnd(); ++it)
        last.heartbeats.insert(it.key(), it.value());
    postTelemetry(std::move(last));
    QMetaObject::invokeMethod(
        m_telemetry, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    m_telemetryThread.wait();
    m_telemetry = nullptr;
    // Between two batches or in one: either way its transaction is committed or rolled back
    // before the thread ends, and the worker (with its connection) is deleted on its thread.
    m_billingThread.quit();
    m_billingThread.wait();
}

Result<quint16> Market::start(const QHostAddress &address, quint16 port,
                              const std::optional<QSslConfiguration> &tls)
{
    QTcpServer *server = nullptr;
    if (tls) {
        auto *ssl = new GuardedSslServer(kMaxBodyBytes, this);
        ssl->setSslConfiguration(*tls);
        server = ssl;
    } else {
        server = new GuardedTcpServer(kMaxBodyBytes, this);
    }
    if (!server->listen(address, port)) {
        const QString why = server->errorString();
        delete server;
        return makeError(u"listen_failed"_s,
                         u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(why));
    }
    bind(server);
    QMetaObject::invokeMethod(
        m_billing, [worker = m_billing] { worker->startTimers(kBillingEveryMs, kCompactEveryMs); },
        Qt::QueuedConnection);
    m_hostsTimer.start();
    m_flushTimer.start();
    m_retryTimer.start();
    m_pingTimer.start();
    return server->serverPort();
}

Result<Principal> Market::authenticate(const QByteArray &authorization)
{
    if (!authorization.startsWith("Bearer "))
        return makeError(u"unauthorized"_s, u"send Authorization: Bearer <token>"_s);
    const QByteArray token = authorization.mid(7).trimmed();
    if (token.size() < 40 || !(token.startsWith("sk_") || token.startsWith("sh_")))
        return makeError(u"unauthorized"_s, u"the token is not valid"_s);
    auto principal = m_store->principalForToken(
        QCryptographicHash::hash(token, QCryptographicHash::Sha256));
    if (!principal)
        return makeError(u"unauthorized"_s, u"the token is not valid"_s);
    // The prefix is part of the contract: an sk_ token never acts as a host and vice versa.
    const bool hostToken = token.startsWith("sh_");
    if (hostToken != (principal->kind == Principal::Kind::Host))
        return makeError(u"unauthorized"_s, u"the token is not valid"_s);
    return principal;
}

bool Market::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0
        && (path == "/api/v1/events"_L1 || path == "/api/v1/agent"_L1)) {
        // Qt HttpServer 6.4 upgrades after this returns true without a response written;
        // authentication happens on the socket (acceptWebSocket).
        return true;
    }
    QElapsedTimer timer;
    timer.start();
    HttpReply reply = route(request);
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(reply.body,
                    {{"Content-Type", reply.contentType}, {"Cache-Control", "no-store"}},
                    static_cast<QHttpServerResponder::StatusCode>(reply.status));
    // Few label values: ids collapsed, anything unrouted counted as one.
    QString routeName = u"unmatched"_s;
    if (reply.status != 404 || !reply.body.contains("no such endpoint")) {
        static const QRegularExpression digits(u"/\\d+"_s);
        routeName = path;
        routeName.replace(digits, u"/{id}"_s);
    }
    m_metrics.observeRequest(routeName, reply.status, timer.nsecsElapsed() / 1e9);
    return true;
}

void Market::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpReply reply = errorReply(404, u"not_found"_s, u"no such endpoint"_s);
    makeResponder(request, socket)
        .write(reply.body, {{"Content-Type", reply.contentType}},
               QHttpServerResponder::StatusCode::NotFound);
}

HttpReply Market::route(const QHttpServerRequest &request)
{
    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    const QString path = request.url().path();

    // The size limit comes first: nothing is parsed or looked up for an oversized body.
    const qint64 declared = request.value("content-length").toLongLong();
    if (declared > kMaxBodyBytes || request.body().size() > kMaxBodyBytes)
        return errorReply(413, u"body_too_large"_s, u"request bodies are limited to 1 MiB"_s);

    if (path == "/healthz"_L1 && method == Method::Get)
        return jsonReply(200, {{u"status"_s, u"ok"_s}});
    if (path == "/metrics"_L1 && method == Method::Get)
        return metricsText();
    if (!path.startsWith("/api/v1/"_L1))
        return errorReply(404, u"not_found"_s, u"no such endpoint"_s);

    auto principal = authenticate(request.value("authorization"));
    if (!principal)
        return errorReply(401, principal.error().code, principal.error().message);
    const Principal &who = *principal;
    if (who.kind != Principal::Kind::Account)
        return errorReply(403, u"forbidden"_s, u"host tokens may only open the agent channel"_s);

    const QStringList parts = path.mid(8).split(u'/');
    const QString head = parts.value(0);
    const int n = int(parts.size());
    auto badMethod = [] {
        return errorReply(405, u"method_not_allowed"_s, u"method not allowed here"_s);
    };
    auto idAt = [&parts](int index) -> qint64 {
        bool ok = false;
        const qint64 id = parts.value(index).toLongLong(&ok);
        return ok && id > 0 ? id : -1;
    };

    if (head == "me"_L1 && n == 1) {
        if (method == Method::Patch)
            return patchMe(who, request);
        return method == Method::Get ? me(who) : badMethod();
    }
    if (head == "vouchers"_L1 && n == 2 && parts[1] == "redeem"_L1)
        return method == Method::Post ? redeem(who, request) : badMethod();
    if (head == "offers"_L1 && n == 1)
        return method == Method::Get ? offers(request) : badMethod();
    if (head == "images"_L1 && n == 1)
        return method == Method::Get ? images() : badMethod();
    if (head == "pricing"_L1 && n == 1)
        return method == Method::Get ? pricing(request) : badMethod();
    if (head == "ledger"_L1 && n == 1)
        return method == Method::Get ? ledger(who, request, false) : badMethod();
    if (head == "ledger.csv"_L1 && n == 1)
        return method == Method::Get ? ledger(who, request, true) : badMethod();
    if (head == "earnings"_L1 && n == 1)
        return method == Method::Get ? earnings(who) : badMethod();
    if (head == "instances"_L1) {
        if (n == 1) {
            if (method == Method::Post)
                return createInstance(who, request);
            return method == Method::Get ? listInstances(who) : badMethod();
        }
        const qint64 id = idAt(1);
        if (id < 0)
            return errorReply(404, u"not_found"_s, u"no such instance"_s);
        if (n == 2) {
            if (method == Method::Get)
                return instanceAction(who, id, u"get"_s);
            if (method == Method::Patch)
                return patchInstance(who, id, request);
            return method == Method::Delete ? instanceAction(who, id, u"destroy"_s) : badMethod();
        }
        if (n == 3 && (parts[2] == "stop"_L1 || parts[2] == "start"_L1))
            return method == Method::Post ? instanceAction(who, id, parts[2]) : badMethod();
        if (n == 3 && parts[2] == "events"_L1)
            return method == Method::Get ? instanceHistory(who, id) : badMethod();
        if (n == 3 && parts[2] == "logs"_L1)
            return method == Method::Get ? instanceLogs(who, id, request) : badMethod();
        if (n == 3 && parts[2] == "telemetry"_L1)
            return method == Method::Get ? instanceTelemetry(who, id, request) : badMethod();
    }
    if (head == "hosts"_L1) {
        if (n == 1) {
            if (method == Method::Post)
                return createHost(who, request);
            return method == Method::Get ? listHosts(who) : badMethod();
        }
        const qint64 id = idAt(1);
        if (n == 2 && id > 0)
            return method == Method::Patch ? patchHost(who, id, request) : badMethod();
    }
    return errorReply(404, u"not_found"_s, u"no such endpoint"_s);
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
    publish(*changes);
}

void Market::startBillingRun()
{
    QMetaObject::invokeMethod(m_billing, &BillingWorker::runBilling, Qt::QueuedConnection);
}

void Market::setBillingHook(std::function<void(qint64)> hook)
{
    QMetaObject::invokeMethod(
        m_billing, [worker = m_billing, hook = std::move(hook)] { worker->setBatchHook(hook); },
        Qt::QueuedConnection);
}

void Market::setTelemetryHook(std::function<void(quint64)> hook)
{
    QMetaObject::invokeMethod(
        m_telemetry,
        [worker = m_telemetry, hook = std::move(hook)] { worker->setWriteHook(hook); },
        Qt::QueuedConnection);
}

void Market::checkHosts()
{
    auto silent = m_store->silentHosts(m_clock.nowMs() - m_store->policy().hostLostAfterS * 1000);
    if (!silent)
        return;
    announceListeners(false);
    for (qint64 hostId : *silent) {
        if (m_heartbeatsInFlight.value(hostId) > m_telemetryWrittenSeq)
            continue; // its heartbeat is being written by the telemetry thread
        if (m_agents.contains(hostId) && m_lastSeen.contains(hostId))
            continue; // connected here, its heartbeat is only waiting for the next flush
        auto changes = m_store->declareHostLost(hostId);
        if (changes)
            publish(*changes);
    }
}

TelemetryBatch Market::takeTelemetryBatch()
{
    TelemetryBatch batch;
    // Heartbeats: each host's latest, written at most every kLastSeenWriteEveryMs.
    const qint64 now = m_clock.nowMs();
    for (auto it = m_lastSeen.begin(); it != m_lastSeen.end();) {
        const auto written = m_lastSeenWritten.constFind(it.key());
        if (written == m_lastSeenWritten.constEnd() || now - *written >= kLastSeenWriteEveryMs
            || now < *written) {
            batch.heartbeats.insert(it.key(), it.value());
            m_lastSeenWritten.insert(it.key(), now);
            it = m_lastSeen.erase(it);
        } else {
            ++it;
        }
    }
    flushAllRemoteTelemetry();
    batch.relay = std::exchange(m_relayOut, {});
    batch.samples = std::exchange(m_telemetryBuffer, {});
    return batch;
}

void Market::postTelemetry(TelemetryBatch batch)
{
    if (!m_telemetry || batch.isEmpty())
        return;
    handOver(batch);
    QMetaObject::invokeMethod(
        m_telemetry,
        [worker = m_telemetry, batch = std::move(batch)] { worker->writeAndReport(batch); },
        Qt::QueuedConnection);
}

void Market::handOver(TelemetryBatch &batch)
{
    batch.seq = ++m_telemetrySeq;
    for (auto it = batch.heartbeats.constBegin(); it != batch.heartbeats.constEnd(); ++it)
        m_heartbeatsInFlight.insert(it.key(), batch.seq);
    ++m_telemetryBatchesOut;
}

void Market::startTelemetryFlush()
{
    if (m_telemetryBatchesOut > 0) {
        // One batch at a time: a slow write makes the next batch bigger, not the queue longer.
        m_telemetryFlushWanted = true;
        return;
    }
    m_telemetryFlushWanted = false;
    postTelemetry(takeTelemetryBatch());
}

void Market::flushTelemetry()
{
    if (!m_telemetry)
        return;
    TelemetryBatch batch = takeTelemetryBatch();
    if (m_telemetryBatchesOut == 0 && batch.isEmpty())
        return;
    handOver(batch);
    // Queued behind the batches handed over before, so all of them are written on return.
    TelemetryWritten result{batch.seq, false, 0};
    TelemetryWorker *worker = m_telemetry;
    QMetaObject::invokeMethod(
        worker, [worker, &batch, &result] { result = worker->write(batch); },
        Qt::BlockingQueuedConnection);
    onTelemetryWritten(batch.seq, result.ok, false);
}

void Market::onTelemetryWritten(quint64 seq, bool ok, bool async)
{
    // The batches are written in order: all up to seq are done. A blocking flushTelemetry()
    // gets here before the reports of the batches it waited for, which change nothing then.
    --m_telemetryBatchesOut;
    if (seq > m_telemetryWrittenSeq) {
        m_telemetryWrittenSeq = seq;
        m_heartbeatsInFlight.removeIf(
            [seq](const QHash<qint64, quint64>::iterator &it) { return it.value() <= seq; });
    }
    emit telemetryFlushed(ok);
    if (async && m_telemetryFlushWanted && m_telemetryBatchesOut == 0)
        startTelemetryFlush();
}

void Market::flushLastSeen(qint64 hostId)
{
    // Its last heartbeat is what declareHostLost() bills up to: handed over at once, and
    // checkHosts() leaves the host alone until it is committed.
    const auto seen = m_lastSeen.constFind(hostId);
    if (seen == m_lastSeen.constEnd())
        return;
    TelemetryBatch batch;
    batch.heartbeats.insert(hostId, seen.value());
    m_lastSeen.erase(seen);
    m_lastSeenWritten.remove(hostId);
    postTelemetry(std::move(batch));
}

void Market::compactTelemetry()
{
    (void)m_store->compactTelemetry(m_clock.nowMs());
}

void Market::retryCommands()
{
    // One query for all hosts, then only those with a command due and an agent connected here.
    auto hosts = m_store->hostsWithDueCommands(m_clock.nowMs() - kCommandRetryMs);
    if (!hosts)
        return;
    for (qint64 hostId : *hosts) {
        if (m_agents.contains(hostId))
            sendPendingCommands(hostId, true);
    }
}

} // namespace suanli::server
