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
void guardRequestSize(QTcpSocket *socket, qint64 maxBody);

/// A QTcpServer whose connections are guarded (guardRequestSize) before anyone reads them.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(qint64 maxBody, QObject *parent) : QTcpServer(parent), m_maxBody(maxBody) {}
    QTcpSocket *nextPendingConnection() override;

private:
    qint64 m_maxBody;
};

/// The same for HTTPS.
class GuardedSslServer : public QSslServer
{
    Q_OBJECT
public:
    GuardedSslServer(qint64 maxBody, QObject *parent) : QSslServer(parent), m_maxBody(maxBody) {}
    QTcpSocket *nextPendingConnection() override;

private:
    qint64 m_maxBody;
};

} // namespace suanli::server
