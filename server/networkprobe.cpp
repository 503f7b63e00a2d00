#include "networkprobe.h"

namespace suanli::server {

NetworkProbe::NetworkProbe(QString address, quint16 port, QObject *parent)
    : QObject(parent)
    , m_address(std::move(address))
    , m_port(port)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kTimeoutMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { finish(false); });
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
        m_read += m_socket.read(qint64(sizeof(kLine)) - 1 - m_read.size());
        const QByteArray line(kLine);
        if (m_read == line)
            finish(true);
        else if (!line.startsWith(m_read))
            finish(false);
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { finish(false); });
}

void NetworkProbe::start()
{
    if (m_address.isEmpty() || m_port == 0) {
        // Nothing to probe: answered on the next turn of the event loop, like any other.
        QTimer::singleShot(0, this, [this] { finish(false); });
        return;
    }
    m_timer.start();
    m_socket.connectToHost(m_address, m_port);
}

void NetworkProbe::finish(bool reachable)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_socket.abort();
    emit finished(reachable);
}

} // namespace suanli::server
