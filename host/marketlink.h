#pragma once

#include "protocol/agentmessages.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace suanli::host {

/// The agent's one outbound connection: a WebSocket to /api/v1/agent with the host token,
/// hello on every connect, reconnect with jittered exponential backoff, a ping to notice a
/// dead link. It carries messages; what they mean is HostEngine's business.
class MarketLink : public QObject
{
    Q_OBJECT
public:
    /// `market`: the market's base URL (http[s]://host:port); ws[s]:// is derived from it.
    MarketLink(const QUrl &market, QByteArray hostToken, int reconnectMinMs, int reconnectMaxMs,
               QObject *parent = nullptr);
    ~MarketLink() override;

    /// Builds the hello sent after each connect.
    void setHelloFactory(std::function<protocol::HelloMessage()> factory);
    void start();
    void stop();
    /// Connected and welcomed: reports can go out.
    bool isReady() const { return m_ready; }
    /// Sends when ready; false otherwise (the caller buffers).
    bool send(const QJsonObject &message);

    static QUrl agentUrl(const QUrl &market);
    // Reconnect delays: protocol/backoff.h.

signals:
    /// `network`: the market's verdict ("direct" or "relay"); an older market says nothing,
    /// which means direct.
    void welcomed(qint64 hostId, const QString &network);
    /// Where this host's reverse forwards go and which relay ports it may listen on now.
    void relayReceived(const suanli::protocol::RelayMessage &relay);
    void commandReceived(const suanli::protocol::CommandMessage &command);
    void disconnected(const QString &reason);
    /// The market answered with an error message (bad report, unknown instance, …).
    void marketError(const suanli::Error &error);

private:
    void connectNow();
    void scheduleReconnect();
    void onText(const QString &text);

    QUrl m_url;
    QByteArray m_token;
    int m_minMs;
    int m_maxMs;
    int m_attempt = 0;
    bool m_running = false;
    bool m_ready = false;
    QWebSocket m_socket;
    QTimer m_reconnect;
    QTimer m_ping;
    qint64 m_lastPongMs = 0;
    std::function<protocol::HelloMessage()> m_hello;
};

} // namespace suanli::host
