#pragma once

#include "protocol/json.h"

#include <QJsonDocument>
#include <QWebSocket>
#include <QWebSocketServer>

#include <optional>

namespace suanli::testing {

/// The market's side of the agent channel, scripted by a host test: it answers the agent's
/// hello with a welcome carrying `verdict`, keeps every instance_state and image_state report, and
/// sends what the test tells it to. On loopback, one agent at a time.
class ScriptedMarket : public QObject
{
public:
    ScriptedMarket()
        : m_server(QStringLiteral("scripted-market"), QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                m_agent = socket;
                connect(socket, &QWebSocket::textMessageReceived, this, &ScriptedMarket::onText);
            }
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    bool connected() const { return m_agent; }
    void send(const protocol::MarketMessage &message)
    {
        m_agent->sendTextMessage(
            QString::fromUtf8(QJsonDocument(protocol::toJson(message)).toJson()));
    }

    QString verdict = QStringLiteral("direct"); ///< the welcome's network verdict
    std::optional<protocol::HelloMessage> hello;
    QList<protocol::InstanceStateMessage> states;
    QList<protocol::ImageStateMessage> images; ///< image_state reports (saved images)

private:
    void onText(const QString &text)
    {
        auto json = protocol::parseJsonObject(text.toUtf8());
        if (!json)
            return;
        auto message = protocol::agentMessageFromJson(*json);
        if (!message)
            return;
        if (const auto *h = std::get_if<protocol::HelloMessage>(&*message)) {
            hello = *h;
            send(protocol::WelcomeMessage{1, QStringLiteral("test"), verdict});
        } else if (const auto *s = std::get_if<protocol::InstanceStateMessage>(&*message)) {
            states.append(*s);
        } else if (const auto *i = std::get_if<protocol::ImageStateMessage>(&*message)) {
            images.append(*i);
        }
    }

    QWebSocketServer m_server;
    QWebSocket *m_agent = nullptr;
};

} // namespace suanli::testing
