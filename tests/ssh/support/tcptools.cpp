#include "tcptools.h"

#include <QDeadlineTimer>
#include <QTest>

namespace suanli::ssh::test {

QByteArray exchange(quint16 port, const QByteArray &payload, int timeoutMs)
{
    QTcpSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                     [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write(payload);
    const QDeadlineTimer deadline(timeoutMs);
    while (received.size() < payload.size() && !deadline.hasExpired() &&
           socket.state() != QAbstractSocket::UnconnectedState) {
        QTest::qWait(5);
    }
    return received;
}

EchoServer::EchoServer(QObject *parent)
    : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::readyRead, socket,
                    [socket] { socket->write(socket->readAll()); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

TcpRelay::TcpRelay(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            ++m_accepted;
            auto *server = new QTcpSocket(this);
            client->setParent(this);
            server->connectToHost(QHostAddress::LocalHost, m_targetPort);
            const auto pipe = [this](QTcpSocket *from, QTcpSocket *to) {
                connect(from, &QTcpSocket::readyRead, this, [this, from, to] {
                    if (to->state() != QAbstractSocket::ConnectedState)
                        return; // kept in from's buffer until the other side is connected
                    const QByteArray data = from->readAll();
                    if (!m_blackhole)
                        to->write(data);
                });
                connect(from, &QTcpSocket::disconnected, this, [to] { to->disconnectFromHost(); });
            };
            pipe(client, server);
            connect(server, &QTcpSocket::connected, this, [this, client, server, pipe] {
                pipe(server, client);
                if (client->bytesAvailable() && !m_blackhole)
                    server->write(client->readAll());
            });
            m_pairs.append(Pair{client, server});
        }
    });
}

void TcpRelay::drop()
{
    for (const Pair &pair : std::as_const(m_pairs)) {
        if (pair.client)
            pair.client->abort();
        if (pair.server)
            pair.server->abort();
    }
    m_pairs.clear();
}

} // namespace suanli::ssh::test
