#include "transport.h"

#include "jumpconnector.h"
#include "libssh2support.h"
#include "socketio.h"
#include "sshkey.h"

#include <QFile>
#include <QHostAddress>
#include <QHostInfo>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

namespace suanli::ssh {

namespace {

constexpr qsizetype kInboundCap = 4 * 1024 * 1024;
constexpr qsizetype kReadChunk = 256 * 1024;

} // namespace

Transport::Transport(Endpoint endpoint, Identity identity, SessionOptions options, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_identity(std::move(identity))
    , m_options(options)
    , m_connectTimer(this)
    , m_keepaliveTimer(this)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(makeError(QStringLiteral("connect_timeout"),
                       tr("%1:%2 did not complete an SSH login within %3 s.")
                           .arg(m_endpoint.host)
                           .arg(m_endpoint.port)
                           .arg(m_options.connectTimeout.count() / 1000.0)),
             false);
    });
    // Half the interval: libssh2 counts in whole seconds and skips a keepalive asked for a
    // moment too early.
    m_keepaliveTimer.setInterval(std::chrono::milliseconds(m_options.keepaliveInterval) / 2);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &Transport::sendKeepalive);
}

Transport::~Transport()
{
    teardown();
}

void Transport::start()
{
    ensureLibssh2Initialised();
    auto pinned = HostKey::fromOpenSshLine(m_endpoint.hostKey);
    if (!pinned)
        return fail(pinned.error(), true);
    m_pinned = *pinned;
    auto key = loadKeyPair(m_identity.privateKeyPath, m_identity.passphrase);
    if (!key)
        return fail(key.error(), true);
    if (key->encrypted && m_identity.passphrase.isEmpty()) {
        return fail(makeError(QStringLiteral("ssh_key_passphrase"),
                              tr("The SSH key %1 is protected by a passphrase, and none was "
                                 "given.")
                                  .arg(m_identity.privateKeyPath)),
                    true);
    }
    m_privateKey = key->privateKey;
    m_publicKey = key->publicKeyLine.toUtf8();

    m_connectTimer.start(m_options.connectTimeout);
    if (m_endpoint.jump) {
        m_jump = std::make_unique<JumpConnector>(m_endpoint, m_identity, m_options);
        auto fd = m_jump->start();
        if (!fd)
            return fail(fd.error(), true);
        useSocket(*fd);
        return;
    }
    QHostAddress address;
    if (address.setAddress(m_endpoint.host)) {
        connectTo(address);
        return;
    }
    m_phase = Phase::Resolving;
    QHostInfo::lookupHost(m_endpoint.host, this, &Transport::onResolved);
}

void Transport::onResolved(const QHostInfo &info)
{
    if (m_phase != Phase::Resolving)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        return fail(makeError(QStringLiteral("dns_failed"),
                              tr("Could not find %1: %2").arg(m_endpoint.host, info.errorString())),
                    false);
    }
    connectTo(info.addresses().constFirst());
}

void Transport::connectTo(const QHostAddress &address)
{
    auto fd = socketio::startConnect(address, m_endpoint.port);
    if (!fd) {
        return fail(makeError(QStringLiteral("connect_failed"), tr("Could not connect to %1:%2: %3")
                                                                    .arg(m_endpoint.host)
                                                                    .arg(m_endpoint.port)
                                                                    .arg(fd.error().message)),
                    false);
    }
    useSocket(*fd);
}

void Transport::useSocket(int fd)
{
    m_fd = fd;
    m_phase = Phase::Connecting;
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_readNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &Transport::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &Transport::onWritable);
}

void Transport::onWritable()
{
    if (m_phase == Phase::Connecting) {
        if (const int error = socketio::connectResult(m_fd); error != 0) {
            return fail(makeError(QStringLiteral("connect_failed"),
                                  tr("Could not connect to %1:%2: %3")
                                      .arg(m_endpoint.host)
                                      .arg(m_endpoint.port)
                                      .arg(QString::fromLocal8Bit(strerror(error)))),
                        false);
        }
        m_session = libssh2_session_init_ex(nullptr, nullptr, nullptr, this);
        if (!m_session)
            return fail(
                makeError(QStringLiteral("ssh_error"), tr("libssh2 could not start a session.")),
                false);
        libssh2_session_set_blocking(m_session, 0);
        libssh2_session_callback_set(m_session, LIBSSH2_CALLBACK_SEND,
                                     reinterpret_cast<void *>(&Transport::sendCallback));
        libssh2_session_callback_set(m_session, LIBSSH2_CALLBACK_RECV,
                                     reinterpret_cast<void *>(&Transport::receiveCallback));
        setMethodPreferences(m_session, m_pinned.type().constData(), m_options.ciphers,
                             m_options.macs);
        libssh2_keepalive_config(m_session, 1, unsigned(m_options.keepaliveInterval.count()));
        m_phase = Phase::Handshake;
        m_sinceInbound.start();
        m_readNotifier->setEnabled(true);
        m_writeNotifier->setEnabled(false);
        advance();
        return;
    }
    flushOutbound();
    if (m_socketError != 0)
        return advance();
    updateNotifiers();
    if (outboundBacklog() < kOutboundHighWater / 4)
        advance();
}

void Transport::onReadable()
{
    // Drain the socket into our buffer even when no channel wants data right now: leaving it
    // readable would wake this thread again and again.
    while (m_inbound.size() - m_inboundOffset < kInboundCap) {
        if (m_inboundOffset > 0 && m_inboundOffset == m_inbound.size()) {
            m_inbound.resize(0);
            m_inboundOffset = 0;
        }
        const qsizetype old = m_inbound.size();
        m_inbound.resize(old + kReadChunk);
        const ssize_t n = socketio::receive(m_fd, m_inbound.data() + old, size_t(kReadChunk));
        m_inbound.resize(old + qMax<ssize_t>(n, 0));
        if (n > 0) {
            m_sinceInbound.restart();
            continue;
        }
        if (n == 0)
            m_peerClosed = true;
        else if (n != -EAGAIN && n != -EWOULDBLOCK)
            m_socketError = int(-n);
        break;
    }
    updateNotifiers();
    advance();
}

void Transport::updateNotifiers()
{
    if (m_fd < 0 || m_phase == Phase::Connecting || m_phase == Phase::Dead)
        return;
    m_readNotifier->setEnabled(!m_peerClosed && m_socketError == 0 &&
                               m_inbound.size() - m_inboundOffset < kInboundCap);
    m_writeNotifier->setEnabled(outboundBacklog() > 0 && m_socketError == 0);
}

void Transport::advance()
{
    if (m_advancing || m_phase == Phase::Dead)
        return;
    m_advancing = true;
    if (m_phase == Phase::Handshake) {
        const int rc = libssh2_session_handshake(m_session, libssh2_socket_t(m_fd));
        if (rc == 0) {
            m_phase = Phase::Authenticating;
            verifyHostKey();
        } else if (rc != LIBSSH2_ERROR_EAGAIN) {
            m_advancing = false;
            return fail(makeError(QStringLiteral("handshake_failed"),
                                  tr("The SSH handshake with %1:%2 failed: %3")
                                      .arg(m_endpoint.host)
                                      .arg(m_endpoint.port)
                                      .arg(libssh2LastError(m_session))),
                        false);
        }
    }
    if (m_phase == Phase::Authenticating) {
        const QByteArray user = m_endpoint.user.toUtf8();
        const int rc = libssh2_userauth_publickey_frommemory(
            m_session, user.constData(), size_t(user.size()), m_publicKey.constData(),
            size_t(m_publicKey.size()), m_privateKey.constData(), size_t(m_privateKey.size()),
            m_identity.passphrase.isEmpty() ? nullptr : m_identity.passphrase.constData());
        if (rc == 0) {
            m_phase = Phase::Ready;
            m_connectTimer.stop();
            m_keepaliveTimer.start();
            m_advancing = false;
            emit ready();
            return;
        }
        if (rc == LIBSSH2_ERROR_AUTHENTICATION_FAILED || rc == LIBSSH2_ERROR_PUBLICKEY_UNVERIFIED ||
            rc == LIBSSH2_ERROR_FILE) {
            m_advancing = false;
            return fail(
                makeError(QStringLiteral("auth_failed"),
                          tr("The instance refused our SSH key for user %1. If the instance "
                             "was just created, its key may not be in place yet; otherwise "
                             "recreate the instance with this app's key.")
                              .arg(m_endpoint.user)),
                true);
        }
        if (rc != LIBSSH2_ERROR_EAGAIN) {
            m_advancing = false;
            return fail(makeError(QStringLiteral("auth_failed"),
                                  tr("SSH login failed: %1").arg(libssh2LastError(m_session))),
                        false);
        }
    }
    m_advancing = false;
    if (m_phase == Phase::Dead)
        return;
    if (m_socketError != 0 || (m_peerClosed && m_inboundOffset == m_inbound.size())) {
        if (m_phase == Phase::Ready)
            emit activity(); // let channels take what is left before the link goes
        return fail(
            makeError(
                QStringLiteral("connection_lost"),
                m_socketError != 0
                    ? tr("The connection to %1:%2 was lost: %3")
                          .arg(m_endpoint.host)
                          .arg(m_endpoint.port)
                          .arg(QString::fromLocal8Bit(strerror(m_socketError)))
                    : tr("%1:%2 closed the connection.").arg(m_endpoint.host).arg(m_endpoint.port)),
            false);
    }
    if (m_phase == Phase::Ready)
        emit activity();
    flush();
}

void Transport::verifyHostKey()
{
    size_t length = 0;
    int type = 0;
    const char *raw = libssh2_session_hostkey(m_session, &length, &type);
    const auto presented = HostKey::fromBlob(QByteArray(raw, raw ? qsizetype(length) : 0));
    if (presented && *presented == m_pinned)
        return;
    m_advancing = false;
    fail(makeError(
             QStringLiteral("host_key_mismatch"),
             tr("Security warning: the server at %1:%2 identified itself with host key %3, "
                "but the market recorded %4 for this instance. The connection was refused "
                "because someone may be intercepting it. Nothing was sent. Try again later; "
                "if this persists, stop using the instance and contact the market's support.")
                 .arg(m_endpoint.host)
                 .arg(m_endpoint.port)
                 .arg(presented ? presented->fingerprint() : tr("(none)"), m_pinned.fingerprint())),
         true);
}

void Transport::sendKeepalive()
{
    if (m_phase != Phase::Ready)
        return;
    const auto silence = std::chrono::milliseconds(m_sinceInbound.elapsed());
    if (silence > m_options.keepaliveInterval * m_options.keepaliveMaxMissed) {
        return fail(makeError(QStringLiteral("connection_lost"),
                              tr("%1:%2 stopped answering (nothing for %3 s).")
                                  .arg(m_endpoint.host)
                                  .arg(m_endpoint.port)
                                  .arg(silence.count() / 1000)),
                    false);
    }
    int next = 0;
    libssh2_keepalive_send(m_session, &next);
    flush();
}

void Transport::flush()
{
    if (m_phase == Phase::Dead || m_fd < 0)
        return;
    flushOutbound();
    updateNotifiers();
}

void Transport::fail(Error error, bool fatal)
{
    if (m_phase == Phase::Dead)
        return;
    // The relay hop records its failure before it closes our socket: when it has one, that is
    // what went wrong, not the end of stream it caused here.
    if (m_jump) {
        if (auto relay = m_jump->failure()) {
            error = relay->error;
            fatal = relay->fatal;
        }
    }
    m_phase = Phase::Dead;
    m_dead = true;
    m_connectTimer.stop();
    m_keepaliveTimer.stop();
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    emit failed(error, fatal);
}

void Transport::close()
{
    if (m_phase == Phase::Ready) {
        libssh2_session_disconnect(m_session, "closed by the user");
        flushOutbound();
    }
    m_phase = Phase::Dead;
    teardown();
}

void Transport::teardown()
{
    m_dead = true;
    m_connectTimer.stop();
    m_keepaliveTimer.stop();
    if (m_session) {
        libssh2_session_free(m_session);
        m_session = nullptr;
    }
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    socketio::closeSocket(m_fd);
    m_fd = -1;
    m_jump.reset(); // our end is closed: its thread ends at once
}

void Transport::flushOutbound()
{
    while (outboundBacklog() > 0) {
        const ssize_t n = socketio::sendSome(m_fd, m_outbound.constData() + m_outboundOffset,
                                             size_t(outboundBacklog()));
        if (n > 0) {
            m_outboundOffset += n;
            continue;
        }
        if (n != -EAGAIN && n != -EWOULDBLOCK)
            m_socketError = int(-n);
        break;
    }
    if (m_outboundOffset == m_outbound.size()) {
        m_outbound.resize(0); // keeps the capacity
        m_outboundOffset = 0;
    } else if (m_outboundOffset > m_outbound.size() / 2) {
        m_outbound.remove(0, m_outboundOffset);
        m_outboundOffset = 0;
    }
}

ssize_t Transport::sendCallback(libssh2_socket_t, const void *buffer, size_t length, int,
                                void **abstract)
{
    return static_cast<Transport *>(*abstract)->bufferSend(static_cast<const char *>(buffer),
                                                           length);
}

ssize_t Transport::receiveCallback(libssh2_socket_t, void *buffer, size_t length, int,
                                   void **abstract)
{
    return static_cast<Transport *>(*abstract)->bufferReceive(static_cast<char *>(buffer), length);
}

ssize_t Transport::bufferSend(const char *data, size_t length)
{
    if (m_dead || m_socketError != 0)
        return -EPIPE;
    // Packets are collected and written in large pieces — at the end of each pump, or once a
    // megabyte has gathered — rather than one send() per 32 KiB packet: on a busy machine the
    // syscalls, and the wake-ups they cause in the peer, cost more than the copy.
    m_outbound.append(data, qsizetype(length));
    if (outboundBacklog() >= kFlushThreshold)
        flushOutbound();
    if (m_writeNotifier && outboundBacklog() > 0)
        m_writeNotifier->setEnabled(true);
    return ssize_t(length);
}

ssize_t Transport::bufferReceive(char *data, size_t length)
{
    if (m_dead)
        return -ECONNRESET;
    const qsizetype buffered = m_inbound.size() - m_inboundOffset;
    if (buffered > 0) {
        const qsizetype n = qMin(buffered, qsizetype(length));
        std::memcpy(data, m_inbound.constData() + m_inboundOffset, size_t(n));
        m_inboundOffset += n;
        if (m_readNotifier && !m_readNotifier->isEnabled() && m_phase != Phase::Dead &&
            !m_peerClosed && m_socketError == 0) {
            m_readNotifier->setEnabled(true); // onReadable() had paused at the cap
        }
        if (m_inboundOffset == m_inbound.size()) {
            m_inbound.resize(0); // keeps the capacity
            m_inboundOffset = 0;
        } else if (m_inboundOffset > m_inbound.size() / 2) {
            m_inbound.remove(0, m_inboundOffset);
            m_inboundOffset = 0;
        }
        return n;
    }
    if (m_peerClosed)
        return 0;
    if (m_socketError != 0)
        return -m_socketError;
    // No recv() here: onReadable() drains the socket whenever it is readable, so an empty
    // buffer means nothing has arrived, and a syscall per libssh2 call would only say EAGAIN.
    return -EAGAIN;
}

} // namespace suanli::ssh
