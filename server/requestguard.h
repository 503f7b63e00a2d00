#pragma once

#include <QSslServer>
#include <QTcpServer>

namespace suanli::server {

/// Watches one HTTP connection before the HTTP server reads from it, so that an oversized
/// request is refused before its body is buffered: QHttpServer 6.4 hands a request to the
/// handler only once the whole body is in memory.
///
/// A request whose Content-Length exceeds `maxBody` is answered 413 at once, as soon as its
/// header is in; a request without one (chunked) is cut off once more than `maxBody` plus
/// 64 KiB arrived without an answer. Either way the connection is closed and what the client
/// still sends is discarded unread. WebSocket upgrades are left alone: their frames and
/// messages are limited by QWebSocket itself.
///
/// `large` names the one request allowed a larger body ("POST /api/v1/speedtest", the agents'
/// upload test) and its limit; its query does not count.
struct LargeBody
{
    QByteArray request; ///< "METHOD /path"; empty: none
    qint64 maxBody = 0;
};
void guardRequestSize(QTcpSocket *socket, qint64 maxBody, const LargeBody &large = {});

/// A QTcpServer whose connections are guarded (guardRequestSize) before anyone reads them.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(qint64 maxBody, LargeBody large, QObject *parent)
        : QTcpServer(parent)
        , m_maxBody(maxBody)
        , m_large(std::move(large))
    {}
    QTcpSocket *nextPendingConnection() override;

private:
    qint64 m_maxBody;
    LargeBody m_large;
};

/// The same for HTTPS.
class GuardedSslServer : public QSslServer
{
    Q_OBJECT
public:
    GuardedSslServer(qint64 maxBody, LargeBody large, QObject *parent)
        : QSslServer(parent)
        , m_maxBody(maxBody)
        , m_large(std::move(large))
    {}
    QTcpSocket *nextPendingConnection() override;

private:
    qint64 m_maxBody;
    LargeBody m_large;
};

} // namespace suanli::server
