#pragma once

#include <QList>
#include <QtGlobal>

#include <thread>

// Blocking-socket load for the tunnel benchmark: a target server and the clients that measure
// through a forward. Plain threads and syscalls, so the measuring side adds as little as it can.
namespace suanli::bench {

/// Serves on 127.0.0.1: the first byte of a connection picks the mode — 'U' + u64 size: read
/// that many bytes, answer one byte; 'D' + u64 size: send that many bytes; 'E': echo.
class TargetServer
{
public:
    TargetServer();
    ~TargetServer();
    quint16 port() const { return m_port; }

private:
    void serve(int fd);
    int m_listener = -1;
    quint16 m_port = 0;
    std::thread m_acceptor;
};

/// Seconds to push `bytes` through 127.0.0.1:port to the target (upload) or from it (download).
double uploadSeconds(quint16 port, quint64 bytes);
double downloadSeconds(quint16 port, quint64 bytes);
/// Round-trip times in microseconds of `count` echo requests of `size` bytes on one connection.
QList<double> roundTrips(quint16 port, int count, int size);
/// True when a short echo works through port (the tunnel is up).
bool echoWorks(quint16 port);

double percentile(QList<double> values, double p);

} // namespace suanli::bench
