#include "dropproxy.h"

#include <QHostAddress>

namespace suanli::bench {

DropProxy::DropProxy(QList<quint16> upstreamPorts, QObject *parent)
    : QObject(parent)
    , m_upstreams(std::move(upstreamPorts))
{
    connect(&m_server, &QTcpServer::newConnection, this, &DropProxy::onNewConnection);
}

quint16 DropProxy::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return m_server.serverPort();
}

void DropProxy::cut(int ms)
{
    m_cutUntil.start();
    m_cutMs = ms;
    const QList<QTcpSocket *> sockets = m_sockets;
    m_sockets.clear();
    for (QTcpSocket *socket : sockets) {
        ++m_connectionsCut;
        socket->abort();
        socket->deleteLater();
    }
}

void DropProxy::onNewConnection()
{
    while (QTcpSocket *down = m_server.nextPendingConnection()) {
        if (isCut() || m_upstreams.isEmpty()) {
            down->abort();
            down->deleteLater();
            continue;
        }
        auto *up = new QTcpSocket(this);
        down->setParent(this);
        m_sockets << down << up;
        const quint16 port = m_upstreams[m_next++ % m_upstreams.size()];
        // Either side closing closes the other; data read before the upstream is connected
        // waits in the downstream socket's buffer.
        auto closeBoth = [this, down, up] {
            if (!m_sockets.contains(down))
                return;
            m_sockets.removeAll(down);
            m_sockets.removeAll(up);
            down->disconnect(this);
            up->disconnect(this);
            down->abort();
            up->abort();
            down->deleteLater();
            up->deleteLater();
        };
        connect(up, &QTcpSocket::connected, this, [down, up] { up->write(down->readAll()); });
        connect(down, &QTcpSocket::readyRead, this, [down, up] {
            if (up->state() == QAbstractSocket::ConnectedState)
                up->write(down->readAll());
        });
        connect(up, &QTcpSocket::readyRead, this, [down, up] { down->write(up->readAll()); });
        connect(down, &QTcpSocket::disconnected, this, closeBoth);
        connect(up, &QTcpSocket::disconnected, this, closeBoth);
        connect(up, &QTcpSocket::errorOccurred, this, closeBoth);
        connect(down, &QTcpSocket::errorOccurred, this, closeBoth);
        up->connectToHost(QHostAddress::LocalHost, port);
    }
}

} // namespace suanli::bench
