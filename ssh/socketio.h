#pragma once

#include "protocol/result.h"

#include <QHostAddress>

#include <sys/types.h>

// The few socket calls the transport needs, non-blocking. libssh2 wants a native socket, and
// tunnels need half-close (shutdown(SHUT_WR)), which QTcpSocket cannot do. POSIX only for now;
// a Windows build adds a winsock variant of this one file.
namespace suanli::ssh::socketio {

/// A non-blocking TCP listener on 127.0.0.1:port (0: any free port). A port taken by another
/// program gives the error "port_in_use".
Result<int> listenOnLoopback(quint16 port);
quint16 localPort(int fd);

/// Starts a non-blocking connect with TCP_NODELAY set (before the SSH handshake: without it,
/// Nagle and delayed ACKs stall libssh2's small packets). Completion shows as writability.
Result<int> startConnect(const QHostAddress &address, quint16 port);
/// 0 once the connect finished well, else the errno it failed with.
int connectResult(int fd);

/// Accepts one pending connection, non-blocking with TCP_NODELAY; -1 when none is pending.
int acceptConnection(int listenFd, quint16 *peerPort);

/// recv()/send() that never raise SIGPIPE; they return -errno on failure.
ssize_t receive(int fd, char *buffer, size_t length);
ssize_t sendSome(int fd, const char *buffer, size_t length);
void shutdownWrite(int fd);
void closeSocket(int fd);

} // namespace suanli::ssh::socketio
