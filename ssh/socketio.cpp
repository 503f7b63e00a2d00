#include "socketio.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace suanli::ssh::socketio {

namespace {

QString tr(const char *text)
{
    // The context lupdate gives tr() calls in free functions of this namespace.
    return QCoreApplication::translate("suanli::ssh::socketio", text);
}

void setNoDelay(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

} // namespace

Result<int> listenOnLoopback(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return makeError(QStringLiteral("port_bind_failed"),
                         tr("Could not open a socket: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    // SO_REUSEADDR lets a forward re-bind its port at once after close (connections in
    // TIME_WAIT), yet on Linux and macOS still fails when another socket is listening there.
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(fd, 128) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EADDRINUSE) {
            return makeError(QStringLiteral("port_in_use"),
                             tr("Local port %1 is already in use by another program. Choose "
                                "another port, or close the program that uses it.")
                                 .arg(port),
                             QStringLiteral("local_port"));
        }
        return makeError(QStringLiteral("port_bind_failed"),
                         tr("Could not listen on 127.0.0.1:%1: %2")
                             .arg(QString::number(port), QString::fromLocal8Bit(strerror(error))),
                         QStringLiteral("local_port"));
    }
    return fd;
}

quint16 localPort(int fd)
{
    sockaddr_in address{};
    socklen_t length = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return 0;
    return ntohs(address.sin_port);
}

Result<int> startConnect(const QHostAddress &address, quint16 port)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = AF_INET;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *v6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        v6->sin6_family = family = AF_INET6;
        v6->sin6_port = htons(port);
        const Q_IPV6ADDR raw = address.toIPv6Address();
        std::memcpy(&v6->sin6_addr, raw.c, sizeof raw.c);
        v6->sin6_scope_id = address.scopeId().toUInt();
        length = sizeof *v6;
    } else {
        auto *v4 = reinterpret_cast<sockaddr_in *>(&storage);
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        v4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof *v4;
    }
    const int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return makeError(QStringLiteral("connect_failed"), QString::fromLocal8Bit(strerror(errno)));
    setNoDelay(fd);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 &&
        errno != EINPROGRESS) {
        const int error = errno;
        ::close(fd);
        return makeError(QStringLiteral("connect_failed"), QString::fromLocal8Bit(strerror(error)));
    }
    return fd;
}

int connectResult(int fd)
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        return errno;
    return error;
}

int acceptConnection(int listenFd, quint16 *peerPort)
{
    sockaddr_in address{};
    socklen_t length = sizeof address;
    const int fd = ::accept4(listenFd, reinterpret_cast<sockaddr *>(&address), &length,
                             SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0)
        return -1;
    setNoDelay(fd);
    if (peerPort)
        *peerPort = ntohs(address.sin_port);
    return fd;
}

ssize_t receive(int fd, char *buffer, size_t length)
{
    const ssize_t n = ::recv(fd, buffer, length, 0);
    return n < 0 ? -errno : n;
}

ssize_t sendSome(int fd, const char *buffer, size_t length)
{
    const ssize_t n = ::send(fd, buffer, length, MSG_NOSIGNAL);
    return n < 0 ? -errno : n;
}

void shutdownWrite(int fd)
{
    ::shutdown(fd, SHUT_WR);
}

void closeSocket(int fd)
{
    if (fd >= 0)
        ::close(fd);
}

} // namespace suanli::ssh::socketio
