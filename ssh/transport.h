#pragma once

#include "hostkey.h"
#include "protocol/result.h"
#include "sshtypes.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <libssh2.h>

#include <memory>

class QHostAddress;
class QHostInfo;
class QSocketNotifier;

namespace suanli::ssh {

class JumpConnector;

/// One SSH connection: TCP connect, handshake, host-key pinning, public-key authentication and
/// keepalives over a non-blocking libssh2 session, driven by socket notifiers. It belongs to
/// the thread it lives in and is never touched from another (libssh2 sessions are not
/// thread-safe). A Transport is used once: after failed() it is thrown away and a new one
/// made for the next attempt. With endpoint.jump set, the TCP connection is replaced by a
/// JumpConnector's socket (the relay hop, docs/ssh.md "Through a relay"); a failure of that
/// hop is reported as the relay's error.
///
/// libssh2 reads and writes through callbacks into this object's own buffers. Sends never
/// report EAGAIN to libssh2: a half-sent packet in libssh2 must be finished by repeating the
/// very same call, which several channels sharing one session cannot promise. Buffering here
/// makes every libssh2 call that sends complete at once; callers keep the buffer bounded by
/// checking outboundBacklog() before writing channel data, and call flush() when done.
class Transport : public QObject
{
    Q_OBJECT
public:
    Transport(Endpoint endpoint, Identity identity, SessionOptions options,
              QObject *parent = nullptr);
    ~Transport() override;

    void start();
    /// Says goodbye to the server when connected, then frees the session. Channels still open
    /// are freed with it; callers drop their pointers first.
    void close();

    bool isReady() const { return m_phase == Phase::Ready; }
    LIBSSH2_SESSION *session() const { return m_session; }
    /// Bytes libssh2 has sent that the kernel has not taken yet.
    qsizetype outboundBacklog() const { return m_outbound.size() - m_outboundOffset; }
    static constexpr qsizetype kOutboundHighWater = 4 * 1024 * 1024;
    /// Writes what libssh2 has queued; callers flush after a round of channel work.
    void flush();

signals:
    void ready();
    /// The connection is gone or could not be made. fatal: retrying cannot help (host key
    /// mismatch, key refused).
    void failed(const suanli::Error &error, bool fatal);
    /// Data arrived or the outbound buffer drained: channels may make progress.
    void activity();

private:
    enum class Phase
    {
        Idle,
        Resolving,
        Connecting,
        Handshake,
        Authenticating,
        Ready,
        Dead
    };

    void onResolved(const QHostInfo &info);
    void connectTo(const QHostAddress &address);
    void useSocket(int fd);
    void onReadable();
    void onWritable();
    void advance();
    void verifyHostKey();
    void sendKeepalive();
    void fail(Error error, bool fatal);
    void teardown();
    void flushOutbound();
    static constexpr qsizetype kFlushThreshold = 1024 * 1024;
    void updateNotifiers();

    static ssize_t sendCallback(libssh2_socket_t, const void *buffer, size_t length, int,
                                void **abstract);
    static ssize_t receiveCallback(libssh2_socket_t, void *buffer, size_t length, int,
                                   void **abstract);
    ssize_t bufferSend(const char *data, size_t length);
    ssize_t bufferReceive(char *data, size_t length);

    Endpoint m_endpoint;
    Identity m_identity;
    std::unique_ptr<JumpConnector> m_jump;
    SessionOptions m_options;
    HostKey m_pinned;
    QByteArray m_privateKey;
    QByteArray m_publicKey;

    Phase m_phase = Phase::Idle;
    int m_fd = -1;
    LIBSSH2_SESSION *m_session = nullptr;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer m_connectTimer;
    QTimer m_keepaliveTimer;
    QElapsedTimer m_sinceInbound;

    QByteArray m_inbound;
    qsizetype m_inboundOffset = 0;
    QByteArray m_outbound;
    qsizetype m_outboundOffset = 0;
    bool m_peerClosed = false;
    int m_socketError = 0;
    bool m_dead = false; ///< teardown: callbacks fail at once so libssh2 never waits on the wire
    bool m_advancing = false;
};

} // namespace suanli::ssh
