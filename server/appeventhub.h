#pragma once

#include "protocol/agentmessages.h"

#include <QJsonObject>
#include <QMultiHash>
#include <QObject>

#include <memory>

class QWebSocket;

namespace suanli::server {

class EventRelay;

/// The apps' events sockets (/api/v1/events, server/openapi.yaml): who is connected for which
/// account, what each is told, and the pings that drop the sockets of apps gone to sleep.
/// Events for accounts go through the relay when several processes share the database, so
/// an app hears them whichever process it is connected to.
class AppEventHub : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPingEveryMs = 30'000;

    explicit AppEventHub(EventRelay &relay, QObject *parent = nullptr);

    /// An authenticated events socket of an account's app, opened with key `tokenId`;
    /// appConnected() follows.
    void accept(std::unique_ptr<QWebSocket> socket, qint64 accountId, qint64 tokenId);
    /// The keys the open sockets were opened with (each once).
    QList<qint64> tokenIds() const;
    /// Closes (4401) every socket opened with one of these keys: revoked or expired. Returns
    /// how many.
    int closeTokens(const QList<qint64> &tokenIds);
    /// An event for every app of the account, in this process and the others.
    void publishToAccount(qint64 accountId, const QJsonObject &event);
    /// A live sample, serialised only when an app of the account is watching somewhere.
    void publishTelemetry(qint64 accountId, const protocol::TelemetrySample &sample);
    /// An event for the account's apps connected to this process.
    void deliverLocally(qint64 accountId, const QByteArray &event);
    /// Pings every app's events socket; drops those that did not answer the previous ping.
    void ping();

    QList<qint64> accounts() const { return m_apps.uniqueKeys(); }
    qsizetype socketCount() const { return m_apps.size(); }

signals:
    /// An app connected: it should hear its balance at once.
    void appConnected(qint64 accountId);

private:
    struct AppSession;

    EventRelay &m_relay;
    QMultiHash<qint64, AppSession *> m_apps; ///< by account id
};

} // namespace suanli::server
