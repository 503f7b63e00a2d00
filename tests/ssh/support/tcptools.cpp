#include "tcptools.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

namespace suanli::ssh::test {

QByteArray exchange(quint16 port, const QByteArray &payload, int timeoutMs)
{
    QTcpSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                     [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write(payload);
    // The caller judges what came back; running out of time is not an error here.
    (void)QTest::qWaitFor(
        [&] {
            return received.size() >= payload.size() ||
                   socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    return received;
}

EchoBurst::EchoBurst(quint16 port, int connections, qsizetype bytesEach)
    : m_clients(size_t(connections))
{
    for (Client &client : m_clients) {
        client.sent.resize(bytesEach);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(client.sent.data()),
                                              bytesEach / 4);
        client.socket = std::make_unique<QTcpSocket>();
        QTcpSocket *socket = client.socket.get();
        QObject::connect(socket, &QTcpSocket::readyRead, socket,
                         [&client] { client.received += client.socket->readAll(); });
        socket->connectToHost(QHostAddress::LocalHost, port);
        socket->write(client.sent);
    }
}

bool EchoBurst::waitEchoed(int timeoutMs, QString *why)
{
    const auto allBack = [this] {
        return std::all_of(m_clients.cbegin(), m_clients.cend(),
                           [](const Client &c) { return c.received.size() >= c.sent.size(); });
    };
    (void)QTest::qWaitFor(allBack, timeoutMs); // what came back is checked below
    for (size_t i = 0; i < m_clients.size(); ++i) {
        const Client &client = m_clients[i];
        if (client.received != client.sent) {
            *why = QStringLiteral("connection %1 of %2 got back %3 of %4 bytes%5")
                       .arg(i + 1)
                       .arg(m_clients.size())
                       .arg(client.received.size())
                       .arg(client.sent.size())
                       .arg(client.received.size() == client.sent.size() ? QStringLiteral(", different ones")
                                                                         : QString());
            return false;
        }
    }
    return true;
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
