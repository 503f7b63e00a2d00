#include "marketharness.h"

#include "server/authenticator.h"
#include "server/sqlstore.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace suanli::testing {

static int s_connections = 0; // connection names must be unique while harnesses overlap

QString MarketHarness::backend()
{
    const QString b = qEnvironmentVariable("SUANLI_TEST_BACKEND", u"sqlite"_s);
    return b;
}

MarketHarness::MarketHarness(server::MarketPolicy policy)
    : m_policy(std::move(policy))
{
    if (backend() == "postgres"_L1) {
        QFile file(qEnvironmentVariable("SUANLI_PG_URL_FILE"));
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = u"PostgreSQL fixture not running: no url file at '%1'"_s.arg(file.fileName());
            return;
        }
        m_dbUrl = QString::fromUtf8(file.readAll()).trimmed();
        // A clean schema for every harness.
        auto db = server::Database::open(m_dbUrl, u"harness-reset"_s);
        if (!db) {
            m_error = db.error().message;
            return;
        }
        auto r = (*db)->execDirect(u"DROP SCHEMA public CASCADE"_s);
        auto r2 = (*db)->execDirect(u"CREATE SCHEMA public"_s);
        if (!r || !r2) {
            m_error = u"cannot reset the PostgreSQL schema"_s;
            return;
        }
    } else {
        m_dbUrl = u"sqlite:"_s + m_dir.filePath(u"market.db"_s);
    }
    startMarket();
}

MarketHarness::~MarketHarness() = default;

void MarketHarness::startMarket(quint16 port)
{
    auto store = server::SqlStore::open(m_dbUrl, m_policy, u"harness-%1"_s.arg(++s_connections));
    if (!store) {
        m_error = store.error().message;
        return;
    }
    m_market = std::make_unique<server::Market>(std::move(store).value(), m_clock);
    auto bound = m_market->start(QHostAddress::LocalHost, port);
    if (!bound) {
        m_error = bound.error().message;
        m_market.reset();
        return;
    }
    m_baseUrl = u"http://127.0.0.1:%1"_s.arg(*bound);
}

std::unique_ptr<server::Market> MarketHarness::startSecondMarket(QString *baseUrl)
{
    auto store = server::SqlStore::open(m_dbUrl, m_policy, u"harness-%1"_s.arg(++s_connections));
    if (!store)
        return {};
    auto market = std::make_unique<server::Market>(std::move(store).value(), m_clock);
    auto port = market->start(QHostAddress::LocalHost, 0);
    if (!port)
        return {};
    *baseUrl = u"http://127.0.0.1:%1"_s.arg(*port);
    return market;
}

void MarketHarness::restart()
{
    m_market.reset();
    startMarket();
}

bool MarketHarness::restartOnSamePort()
{
    m_market.reset();
    startMarket(quint16(QUrl(m_baseUrl).port()));
    return m_market != nullptr;
}

MarketHarness::Account MarketHarness::createAccount(const QString &name, const QStringList &roles,
                                                    Micro topup)
{
    Account a;
    auto id = store().createAccount(name, roles);
    if (!id)
        return a;
    a.id = *id;
    a.token = server::generateToken("sk_");
    if (auto key = store().addAccountToken(
            QCryptographicHash::hash(a.token, QCryptographicHash::Sha256), a.id, u"test"_s,
            server::tokenPrefix(a.token), 0, m_clock.nowMs()))
        a.tokenId = *key;
    if (topup > 0)
        (void)store().credit(a.id, topup, u"topup"_s, u"topup:test-"_s + name, u"test"_s);
    return a;
}

MarketHarness::Reply MarketHarness::request(const QByteArray &method, const QString &path,
                                            const QByteArray &token, const QByteArray &body,
                                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    reply->deleteLater();
    return r;
}

/// Takes the first message of `type` (and `match`) from `received`, waiting for the socket's
/// next messages until one comes or `timeoutMs` have passed (then an empty object).
static QJsonObject takeMessage(QList<QJsonObject> &received, QWebSocket &socket,
                               const QString &type, int timeoutMs,
                               const std::function<bool(const QJsonObject &)> &match)
{
    auto find = [&]() -> QJsonObject {
        for (int i = 0; i < received.size(); ++i) {
            if (received[i].value(u"type"_s).toString() == type && (!match || match(received[i])))
                return received.takeAt(i);
        }
        return {};
    };
    const QDeadlineTimer deadline(timeoutMs);
    // Connected after the socket's own handler, which appends to `received` first.
    QSignalSpy arrived(&socket, &QWebSocket::textMessageReceived);
    while (true) {
        if (QJsonObject found = find(); !found.isEmpty())
            return found;
        if (deadline.hasExpired() ||
            !arrived.wait(int(std::max<qint64>(1, deadline.remainingTime()))))
            return find();
    }
}

// ---- ScriptedAgent --------------------------------------------------------------------

ScriptedAgent::ScriptedAgent(const QString &baseUrl, const QByteArray &hostToken)
    : m_url(QString(baseUrl).replace(u"http://"_s, u"ws://"_s) + u"/api/v1/agent"_s)
    , m_token(hostToken)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        received.append(message);
        if (autoAck && message.value(u"type"_s).toString() == "command"_L1)
            send({{u"type"_s, u"ack"_s}, {u"command_id"_s, message.value(u"id"_s)}});
    });
}

bool ScriptedAgent::connectAndHello(int gpus, const QString &model, qint64 memoryMb,
                                    const QJsonArray &images)
{
    QNetworkRequest request{QUrl(m_url)};
    request.setRawHeader("Authorization", "Bearer " + m_token);
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(request);
    if (!connected.wait(5000))
        return false;
    QJsonArray gpuArray;
    for (int i = 0; i < gpus; ++i)
        gpuArray.append(QJsonObject{{u"index"_s, i},
                                    {u"uuid"_s, u"GPU-%1"_s.arg(i)},
                                    {u"model"_s, model},
                                    {u"memory_mb"_s, memoryMb}});
    QJsonObject spec{{u"cpu_cores"_s, 16},           {u"ram_mb"_s, 65536},
                     {u"disk_free_gb"_s, 500},       {u"gpus"_s, gpuArray},
                     {u"cuda_version"_s, u"12.4"_s}, {u"driver_version"_s, u"550.54"_s},
                     {u"inet_down_mbps"_s, 1000},    {u"inet_up_mbps"_s, 500},
                     {u"region"_s, u"cn-east"_s}};
    for (auto it = m_specExtra.begin(); it != m_specExtra.end(); ++it)
        spec.insert(it.key(), it.value());
    send({{u"type"_s, u"hello"_s},
          {u"agent_version"_s, u"test"_s},
          {u"spec"_s, spec},
          {u"address"_s, u"127.0.0.1"_s},
          {u"port_min"_s, 40000},
          {u"port_max"_s, 40100},
          {u"images"_s, !images.isEmpty() ? images
                                          : QJsonArray{QJsonObject{
                                                {u"ref"_s, u"localhost/suanli/base:bookworm"_s},
                                                {u"title"_s, u"Debian bookworm"_s},
                                                {u"has_jupyter"_s, true}}}},
          {u"instances"_s, QJsonArray{}}});
    return !take(u"welcome"_s).isEmpty();
}

void ScriptedAgent::send(const QJsonObject &message)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    m_socket.flush();
}

QJsonObject ScriptedAgent::take(const QString &type, int timeoutMs)
{
    return takeMessage(received, m_socket, type, timeoutMs, {});
}

bool ScriptedAgent::sync(int timeoutMs)
{
    // A message the market cannot decode is answered with an error, in order: once that
    // answer is here, every message sent before it has been read.
    send({{u"type"_s, u"suanli_test_sync"_s}});
    return !takeMessage(received, m_socket, u"error"_s, timeoutMs, [](const QJsonObject &e) {
                return e[u"error"_s][u"message"_s].toString().contains(u"suanli_test_sync"_s);
            }).isEmpty();
}

void ScriptedAgent::report(qint64 instanceId, const QString &state, const QString &reason,
                           const QString &commandId)
{
    QJsonObject message{{u"type"_s, u"instance_state"_s},
                        {u"instance_id"_s, instanceId},
                        {u"seq"_s, nextSeq(instanceId)},
                        {u"state"_s, state},
                        {u"reason"_s, reason},
                        {u"command_id"_s, commandId}};
    if (state == "running"_L1)
        message.insert(u"ssh"_s, QJsonObject{{u"host"_s, u"127.0.0.1"_s},
                                             {u"port"_s, 40001},
                                             {u"user"_s, u"root"_s},
                                             {u"host_key"_s, testPublicKey()}});
    send(message);
}

// ---- EventListener --------------------------------------------------------------------

EventListener::EventListener(const QString &baseUrl, const QByteArray &token)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        received.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    QNetworkRequest request{
        QUrl(QString(baseUrl).replace(u"http://"_s, u"ws://"_s) + u"/api/v1/events"_s)};
    request.setRawHeader("Authorization", "Bearer " + token);
    m_socket.open(request);
}

bool EventListener::waitConnected()
{
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        return true;
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    return connected.wait(5000);
}

QJsonObject EventListener::take(const QString &type, int timeoutMs,
                                const std::function<bool(const QJsonObject &)> &match)
{
    return takeMessage(received, m_socket, type, timeoutMs, match);
}

QString testPublicKey()
{
    return u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFsuanliTestKeyOnlyForTestsAAAAAAAAAAAAAAAA test"_s;
}

} // namespace suanli::testing
