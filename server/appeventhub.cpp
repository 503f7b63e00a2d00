#include "appeventhub.h"

#include "eventrelay.h"

#include "protocol/json.h"

#include <QJsonDocument>

#include <QWebSocket>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace suanli::server {

struct AppEventHub::AppSession
{
    std::unique_ptr<QWebSocket> socket;
    qint64 accountId = 0;
    qint64 tokenId = 0;       ///< the key it was opened with
    bool answeredPing = true; ///< a pong came back since the last ping
};

AppEventHub::AppEventHub(EventRelay &relay, QObject *parent)
    : QObject(parent)
    , m_relay(relay)
{}

void AppEventHub::accept(std::unique_ptr<QWebSocket> socket, qint64 accountId, qint64 tokenId)
{
    auto *session = new AppSession{std::move(socket), accountId, tokenId};
    if (!m_apps.contains(accountId))
        m_relay.announceListener(accountId);
    m_apps.insert(accountId, session);
    QWebSocket *ws = session->socket.get();
    connect(ws, &QWebSocket::pong, this, [session] { session->answeredPing = true; });
    connect(ws, &QWebSocket::disconnected, this, [this, session] {
        m_apps.remove(session->accountId, session);
        session->socket.release()->deleteLater();
        delete session;
    });
    emit appConnected(accountId);
}

void AppEventHub::publishToAccount(qint64 accountId, const QJsonObject &event)
{
    if (!accountId)
        return;
    const QByteArray bytes = QJsonDocument(event).toJson(QJsonDocument::Compact);
    if (m_relay.sendEvent(accountId, bytes))
        return; // every process, this one included, hears it and tells its own sockets
    deliverLocally(accountId, bytes);
}

void AppEventHub::publishTelemetry(qint64 accountId, const protocol::TelemetrySample &sample)
{
    if (!accountId)
        return;
    const bool local = m_apps.contains(accountId);
    const bool remote = m_relay.hasRemoteListener(accountId);
    if (!local && !remote)
        return; // nobody is watching: the samples are stored, the history endpoint has them
    const QByteArray bytes =
        QJsonDocument(protocol::toJson(protocol::AppEvent{protocol::TelemetryEvent{sample}}))
            .toJson(QJsonDocument::Compact);
    if (local)
        deliverLocally(accountId, bytes);
    if (remote)
        m_relay.queueTelemetry(accountId, bytes);
}

void AppEventHub::deliverLocally(qint64 accountId, const QByteArray &event)
{
    const auto sessions = m_apps.values(accountId);
    if (sessions.isEmpty())
        return;
    const QString text = QString::fromUtf8(event);
    for (AppSession *session : sessions)
        session->socket->sendTextMessage(text);
}

QList<qint64> AppEventHub::tokenIds() const
{
    QList<qint64> ids;
    for (const AppSession *session : m_apps)
        ids.append(session->tokenId);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

int AppEventHub::closeTokens(const QList<qint64> &tokenIds)
{
    int closed = 0;
    // close() can report the disconnect at once, which takes the session out of m_apps: walk
    // a copy, as ping() does.
    const auto sessions = m_apps.values();
    for (AppSession *session : sessions) {
        if (!tokenIds.contains(session->tokenId))
            continue;
        // 4401 mirrors the HTTP 401 the key now gets; the socket leaves m_apps once closed.
        session->socket->close(static_cast<QWebSocketProtocol::CloseCode>(4401),
                               u"token revoked"_s);
        ++closed;
    }
    return closed;
}

void AppEventHub::ping()
{
    // An app whose laptop went to sleep leaves a socket that never closes by itself: one that
    // did not answer the previous ping is dropped (the app reconnects when it wakes up).
    const auto sessions = m_apps.values();
    for (AppSession *session : sessions) {
        if (!session->answeredPing) {
            session->socket->abort();
            continue;
        }
        session->answeredPing = false;
        session->socket->ping();
    }
}

} // namespace suanli::server
