#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

namespace suanli::server {

/// The reachability probe of a host with network "auto" (docs/protocol.md, "Network"): a TCP
/// connection to the advertised address and probe port that must bring the line
/// "suanli-host-probe\n" within kTimeoutMs. Event-loop based; finished() is emitted once.
class NetworkProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 3000;
    static constexpr char kLine[] = "suanli-host-probe\n";

    NetworkProbe(QString address, quint16 port, QObject *parent = nullptr);

    void start();

signals:
    /// reachable: the line was read. Emitted once, after start().
    void finished(bool reachable);

private:
    void finish(bool reachable);

    QString m_address;
    quint16 m_port;
    QTcpSocket m_socket;
    QTimer m_timer;
    QByteArray m_read;
    bool m_done = false;
};

} // namespace suanli::server
