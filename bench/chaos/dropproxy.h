#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

namespace suanli::bench {

/// A TCP proxy on loopback between simulated agents and the market processes
/// (docs/benchmarks.md, "Chaos"). Connections are spread over the upstream ports in turn;
/// `cut(ms)` aborts every connection through it and refuses new ones for that long, which is
/// what a network outage looks like to both ends.
class DropProxy : public QObject
{
    Q_OBJECT
public:
    explicit DropProxy(QList<quint16> upstreamPorts, QObject *parent = nullptr);

    /// Listens on 127.0.0.1 on a free port; 0 when it cannot.
    quint16 listen();
    void cut(int ms);
    bool isCut() const { return m_cutUntil.isValid() && m_cutUntil.elapsed() < m_cutMs; }
    int connectionsCut() const { return m_connectionsCut; }

private:
    void onNewConnection();

    QTcpServer m_server;
    QList<quint16> m_upstreams;
    int m_next = 0;
    QList<QTcpSocket *> m_sockets;
    QElapsedTimer m_cutUntil;
    qint64 m_cutMs = 0;
    int m_connectionsCut = 0;
};

} // namespace suanli::bench
