#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>

namespace suanli::protocol {
struct SshEndpoint;
}

namespace suanli::ssh {

/// A relay the session goes through first (server/openapi.yaml, Instance.ssh.jump; docs/ssh.md,
/// "Through a relay"): an SSH server that opens a direct-tcpip channel to the endpoint for us.
struct JumpHost
{
    QString host;
    quint16 port = 22;
    QString user;
    QString hostKey; ///< the relay's pinned "ssh-ed25519 AAAA…" line, delivered by the market
};

/// Where an instance's sshd is and how it proves who it is (server/openapi.yaml, Instance.ssh).
struct Endpoint
{
    QString host;
    quint16 port = 22;
    QString user;
    QString
        hostKey; ///< pinned "ssh-ed25519 AAAA…" line from the market; never trusted on first use
    /// Set: host and port are the target as the relay sees it (127.0.0.1:PORT), reached through
    /// a direct-tcpip channel of a session to the relay; both host keys are pinned.
    std::optional<JumpHost> jump = std::nullopt;
};

/// The market's Instance.ssh as a session endpoint, its jump included (docs/ssh.md, "Through a
/// relay"): every place the app connects to an instance goes through this.
Endpoint endpointFromProtocol(const protocol::SshEndpoint &ssh);

/// The client key, in OpenSSH format (see sshkey.h).
struct Identity
{
    QString privateKeyPath;
    QByteArray passphrase; ///< empty for an unencrypted key
};

struct SessionOptions
{
    std::chrono::milliseconds connectTimeout{15000};
    /// How often a keepalive is sent; libssh2 counts whole seconds and turns 1 into 2.
    std::chrono::seconds keepaliveInterval{15};
    /// The link is declared dead after this many intervals without a single byte from the server
    /// (a keepalive asks for a reply, so a live server always answers within one interval).
    int keepaliveMaxMissed = 3;
    std::chrono::milliseconds reconnectDelayMin{500};
    std::chrono::milliseconds reconnectDelayMax{30000};
    bool reconnect = true;
    /// Cipher and MAC preference lists (libssh2 names, comma-separated) replacing ours; empty
    /// keeps the defaults of libssh2support.cpp. For benchmarks and odd servers.
    QByteArray ciphers;
    QByteArray macs;
};

enum class SessionState
{
    Idle,               ///< not opened yet, or closed
    Connecting,         ///< TCP, handshake, host-key check, authentication
    Connected,          ///< authenticated; forwards carry traffic
    WaitingToReconnect, ///< the link dropped or could not be made; a retry is scheduled
    Failed,             ///< a fatal error (host key, authentication): no retry
};

/// A local forward: 127.0.0.1:localPort on this machine → remoteHost:remotePort seen from the
/// instance's sshd (a direct-tcpip channel per accepted connection).
struct ForwardSpec
{
    quint16 localPort = 0; ///< 0: any free port
    QString remoteHost = QStringLiteral("127.0.0.1");
    quint16 remotePort = 0;
};

struct ForwardStats
{
    int id = 0;
    quint16 localPort = 0;
    QString remoteHost;
    quint16 remotePort = 0;
    int activeConnections = 0;
    qint64 totalConnections = 0;
    qint64 failedConnections = 0; ///< channels the server refused (nothing listening there, …)
    qint64 bytesToRemote = 0;
    qint64 bytesFromRemote = 0;
};

} // namespace suanli::ssh

Q_DECLARE_METATYPE(suanli::ssh::SessionState)
Q_DECLARE_METATYPE(suanli::ssh::ForwardStats)
