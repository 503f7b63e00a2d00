#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>
#include <vector>

namespace suanli::ssh::test {

/// Sends payload to 127.0.0.1:port and returns what comes back once as many bytes as were sent
/// arrived, or what arrived by the deadline. Spins the event loop meanwhile (test code).
QByteArray exchange(quint16 port, const QByteArray &payload, int timeoutMs = 10000);

/// Many connections at once to an echo on 127.0.0.1:port (through a forward, in tests): each
/// sends its own random bytes; the connections stay open until the burst is destroyed.
class EchoBurst
{
public:
    EchoBurst(quint16 port, int connections, qsizetype bytesEach);
    /// Spins the event loop until every connection got back as many bytes as it sent, or the
    /// timeout; true when each got back exactly what it sent (else *why says which did not).
    bool waitEchoed(int timeoutMs, QString *why);

private:
    struct Client
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray sent;
        QByteArray received;
    };
    std::vector<Client> m_clients;
};

/// Echoes every byte back on 127.0.0.1; the far end of forwards in tests.
class EchoServer : public QObject
{
    Q_OBJECT
public:
    explicit EchoServer(QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }

private:
    QTcpServer m_server;
    int m_connections = 0;
};

/// A TCP relay between a client and a server that can fail like a network: drop() resets every
/// relayed connection (a dropped TCP connection); setBlackhole(true) keeps them open but lets
/// nothing through (a laptop asleep, a dead Wi-Fi).
class TcpRelay : public QObject
{
    Q_OBJECT
public:
    TcpRelay(quint16 targetPort, QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    void drop();
    void setBlackhole(bool on) { m_blackhole = on; }
    int accepted() const { return m_accepted; }

private:
    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> server;
    };
    QTcpServer m_server;
    quint16 m_targetPort;
    QList<Pair> m_pairs;
    bool m_blackhole = false;
    int m_accepted = 0;
};

} // namespace suanli::ssh::test
