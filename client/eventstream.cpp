#include "eventstream.h"

#include "protocol/backoff.h"
#include "protocol/json.h"

#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace suanli::client {

EventStream::EventStream(QObject *parent)
    : QObject(parent)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EventStream::connectNow);
    connect(&m_socket, &QWebSocket::connected, this, &EventStream::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &EventStream::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &EventStream::onMessage);
}

EventStream::~EventStream()
{
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void EventStream::open(const QUrl &baseUrl, const QByteArray &token)
{
    QUrl url = baseUrl;
    url.setScheme(baseUrl.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    url.setPath(u"/api/v1/events"_s);
    m_url = url;
    m_token = token;
    m_wanted = true;
    m_failures = 0;
    m_retry.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
    connectNow();
}

void EventStream::close()
{
    m_wanted = false;
    m_retry.stop();
    m_socket.abort();
    setState(State::Disconnected);
}

int EventStream::reconnectInMs() const
{
    return m_retry.isActive() ? m_retry.remainingTime() : 0;
}

void EventStream::connectNow()
{
    if (!m_wanted)
        return;
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    setState(State::Connecting);
    m_socket.open(request);
}

void EventStream::onConnected()
{
    m_failures = 0;
    setState(State::Connected);
    if (m_everConnected)
        emit resynced();
    m_everConnected = true;
}

void EventStream::onDisconnected()
{
    if (!m_wanted) {
        setState(State::Disconnected);
        return;
    }
    if (m_socket.closeCode() == 4401) {
        m_wanted = false;
        setState(State::Unauthorized);
        return;
    }
    // Jittered, so that many apps losing the same market do not all come back at once.
    m_retry.start(int(protocol::backoffMs(m_failures++, m_firstDelayMs, m_maxDelayMs)));
    setState(State::WaitingToReconnect);
}

void EventStream::onMessage(const QString &text)
{
    auto json = protocol::parseJsonObject(text.toUtf8());
    if (!json)
        return;
    // ---- money in and out (issue 18): events of their own, not AppEvent alternatives ----
    const QString type = json->value(QStringLiteral("type")).toString();
    if (type == QLatin1String("topup")) {
        if (auto order =
                protocol::topUpOrderFromJson(json->value(QStringLiteral("topup")).toObject()))
            emit topUpChanged(*order);
        return;
    }
    if (type == QLatin1String("payout")) {
        if (auto payout =
                protocol::payoutFromJson(json->value(QStringLiteral("payout")).toObject()))
            emit payoutChanged(*payout);
        return;
    }
    // ---- end money ----
    auto event = protocol::appEventFromJson(*json);
    if (!event)
        return; // a newer market's event type: ignored, as unknown fields are
    if (const auto *instance = std::get_if<protocol::InstanceEvent>(&*event))
        emit instanceChanged(instance->instance);
    else if (const auto *sample = std::get_if<protocol::TelemetryEvent>(&*event))
        emit telemetry(sample->sample);
    else if (const auto *balance = std::get_if<protocol::BalanceEvent>(&*event)) {
        emit balanceChanged(balance->balance_micro, balance->currency);
        emit balanceEvent(*balance);
    } else if (const auto *notice = std::get_if<protocol::InstanceNoticeEvent>(&*event)) {
        emit instanceNotice(*notice);
    } else if (const auto *plan = std::get_if<protocol::PlanNoticeEvent>(&*event)) {
        emit planNotice(*plan);
    }
}

void EventStream::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace suanli::client
