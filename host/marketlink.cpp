#include "marketlink.h"

#include "protocol/backoff.h"
#include "protocol/json.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {
constexpr int kPingEveryMs = 15'000;
constexpr int kDeadAfterMs = 45'000;
} // namespace

MarketLink::MarketLink(const QUrl &market, QByteArray hostToken, int reconnectMinMs,
                       int reconnectMaxMs, QObject *parent)
    : QObject(parent)
    , m_url(agentUrl(market))
    , m_token(std::move(hostToken))
    , m_minMs(reconnectMinMs)
    , m_maxMs(reconnectMaxMs)
{
    m_socket.setMaxAllowedIncomingMessageSize(4 * 1024 * 1024);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &MarketLink::connectNow);
    m_ping.setInterval(kPingEveryMs);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        if (QDateTime::currentMSecsSinceEpoch() - m_lastPongMs > kDeadAfterMs) {
            m_socket.abort(); // a silent link: disconnected() follows and we reconnect
            return;
        }
        m_socket.ping();
    });
    connect(&m_socket, &QWebSocket::pong, this,
            [this] { m_lastPongMs = QDateTime::currentMSecsSinceEpoch(); });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_lastPongMs = QDateTime::currentMSecsSinceEpoch();
        m_ping.start();
        protocol::HelloMessage hello = m_hello ? m_hello() : protocol::HelloMessage{};
        m_socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(protocol::toJson(protocol::AgentMessage{hello}))
                                  .toJson(QJsonDocument::Compact)));
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &MarketLink::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_ping.stop();
        const bool wasReady = m_ready;
        m_ready = false;
        QString reason = m_socket.closeReason();
        if (reason.isEmpty())
            reason = m_socket.errorString();
        if (m_socket.closeCode() == 4401 || m_socket.closeCode() == 4403)
            emit marketError(makeError(u"unauthorized"_s,
                                       u"the market refused the host token (%1)"_s.arg(reason)));
        if (wasReady || m_attempt == 0)
            emit disconnected(reason);
        scheduleReconnect();
    });
}

MarketLink::~MarketLink()
{
    m_running = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

QUrl MarketLink::agentUrl(const QUrl &market)
{
    QUrl url = market;
    url.setScheme(market.scheme() == "https"_L1 || market.scheme() == "wss"_L1 ? u"wss"_s
                                                                               : u"ws"_s);
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/api/v1/agent"_s);
    return url;
}

void MarketLink::setHelloFactory(std::function<protocol::HelloMessage()> factory)
{
    m_hello = std::move(factory);
}

void MarketLink::start()
{
    if (m_running)
        return;
    m_running = true;
    m_attempt = 0;
    connectNow();
}

void MarketLink::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_ping.stop();
    m_ready = false;
    m_socket.close(QWebSocketProtocol::CloseCodeGoingAway, u"agent stopping"_s);
}

void MarketLink::connectNow()
{
    if (!m_running)
        return;
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    m_socket.open(request);
}

void MarketLink::scheduleReconnect()
{
    if (!m_running)
        return;
    const int delay = int(protocol::backoffMs(m_attempt++, m_minMs, m_maxMs));
    m_reconnect.start(delay);
}

bool MarketLink::send(const QJsonObject &message)
{
    if (!m_ready)
        return false;
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    return true;
}

void MarketLink::onText(const QString &text)
{
    auto json = protocol::parseJsonObject(text.toUtf8());
    if (!json)
        return;
    if (json->value(u"type"_s).toString() == "error"_L1) {
        const QJsonObject e = json->value(u"error"_s).toObject();
        emit marketError(makeError(e.value(u"code"_s).toString(), e.value(u"message"_s).toString(),
                                   e.value(u"field"_s).toString()));
        return;
    }
    auto message = protocol::marketMessageFromJson(*json);
    if (!message) {
        emit marketError(message.error());
        return;
    }
    if (const auto *welcome = std::get_if<protocol::WelcomeMessage>(&*message)) {
        m_ready = true;
        m_attempt = 0;
        emit welcomed(welcome->host_id,
                      welcome->network.isEmpty() ? u"direct"_s : welcome->network);
    } else if (const auto *command = std::get_if<protocol::CommandMessage>(&*message)) {
        emit commandReceived(*command);
    } else if (const auto *relay = std::get_if<protocol::RelayMessage>(&*message)) {
        emit relayReceived(*relay);
    }
}

} // namespace suanli::host
