#include "loadclient.h"

#include <QElapsedTimer>

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace suanli::bench {

namespace {

constexpr size_t kChunk = 1024 * 1024;

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool sendAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

bool receiveAll(int fd, char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::recv(fd, data, size, 0);
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

bool sendHeader(int fd, char mode, quint64 size)
{
    char header[9];
    header[0] = mode;
    std::memcpy(header + 1, &size, sizeof size);
    return sendAll(fd, header, sizeof header);
}

} // namespace

TargetServer::TargetServer()
{
    m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), length);
    ::listen(m_listener, 64);
    ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_acceptor = std::thread([this] {
        for (int fd; (fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC)) >= 0;)
            std::thread([this, fd] { serve(fd); }).detach();
    });
}

TargetServer::~TargetServer()
{
    ::shutdown(m_listener, SHUT_RDWR);
    ::close(m_listener);
    m_acceptor.join();
}

void TargetServer::serve(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char mode = 0;
    if (!receiveAll(fd, &mode, 1)) {
        ::close(fd);
        return;
    }
    std::vector<char> buffer(kChunk, 'x');
    if (mode == 'E') {
        for (ssize_t n; (n = ::recv(fd, buffer.data(), buffer.size(), 0)) > 0;) {
            if (!sendAll(fd, buffer.data(), size_t(n)))
                break;
        }
    } else {
        quint64 size = 0;
        if (receiveAll(fd, reinterpret_cast<char *>(&size), sizeof size)) {
            if (mode == 'U') {
                while (size > 0) {
                    const ssize_t n =
                        ::recv(fd, buffer.data(), std::min<quint64>(size, buffer.size()), 0);
                    if (n <= 0)
                        break;
                    size -= quint64(n);
                }
                sendAll(fd, "k", 1);
            } else if (mode == 'D') {
                while (size > 0) {
                    const size_t n = std::min<quint64>(size, buffer.size());
                    if (!sendAll(fd, buffer.data(), n))
                        break;
                    size -= n;
                }
            }
        }
    }
    ::close(fd);
}

double uploadSeconds(quint16 port, quint64 bytes)
{
    const int fd = connectTo(port);
    if (fd < 0)
        return -1;
    std::vector<char> buffer(kChunk, 'u');
    QElapsedTimer timer;
    timer.start();
    bool ok = sendHeader(fd, 'U', bytes);
    for (quint64 left = bytes; ok && left > 0;) {
        const size_t n = std::min<quint64>(left, buffer.size());
        ok = sendAll(fd, buffer.data(), n);
        left -= n;
    }
    char ack = 0;
    ok = ok && receiveAll(fd, &ack, 1);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    ::close(fd);
    return ok ? seconds : -1;
}

double downloadSeconds(quint16 port, quint64 bytes)
{
    const int fd = connectTo(port);
    if (fd < 0)
        return -1;
    std::vector<char> buffer(kChunk);
    QElapsedTimer timer;
    timer.start();
    bool ok = sendHeader(fd, 'D', bytes);
    quint64 left = bytes;
    while (ok && left > 0) {
        const ssize_t n = ::recv(fd, buffer.data(), std::min<quint64>(left, buffer.size()), 0);
        ok = n > 0;
        left -= quint64(std::max<ssize_t>(n, 0));
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    ::close(fd);
    return ok ? seconds : -1;
}

QList<double> roundTrips(quint16 port, int count, int size)
{
    QList<double> times;
    const int fd = connectTo(port);
    if (fd < 0 || !sendAll(fd, "E", 1))
        return times;
    std::vector<char> request(size_t(size), 'r');
    std::vector<char> reply(static_cast<size_t>(size));
    QElapsedTimer timer;
    for (int i = 0; i < count; ++i) {
        timer.start();
        if (!sendAll(fd, request.data(), request.size()) ||
            !receiveAll(fd, reply.data(), reply.size()))
            break;
        times.append(double(timer.nsecsElapsed()) / 1e3);
    }
    ::close(fd);
    return times;
}

bool echoWorks(quint16 port)
{
    return roundTrips(port, 1, 16).size() == 1;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(p / 100.0 * double(values.size() - 1) + 0.5);
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

} // namespace suanli::bench
