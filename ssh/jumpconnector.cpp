#include "jumpconnector.h"

#include "hostkey.h"
#include "libssh2support.h"
#include "socketio.h"
#include "sshkey.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QHostInfo>

#include <libssh2.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace suanli::ssh {

namespace {

// Every message is made by a member of State, the context lupdate gives them.
QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::ssh::JumpConnector::State", text);
}

using Clock = std::chrono::steady_clock;

/// One read from either side; libssh2 hands out at most what its queue holds.
constexpr size_t kChunk = 256 * 1024;
/// The pair's kernel buffers: large, so that a burst never waits for the other thread.
constexpr int kPairBuffer = 4 * 1024 * 1024;
/// libssh2's output is gathered here and written in large pieces (as Transport does); channel
/// writes pause while this much is waiting for the relay's socket.
constexpr qsizetype kOutboundHighWater = 4 * 1024 * 1024;
constexpr qsizetype kFlushThreshold = 1024 * 1024;

void setBuffers(int fd)
{
    const int size = kPairBuffer;
    if (::setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof size) != 0)
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
}

} // namespace

struct JumpConnector::State
{
    Endpoint target;
    Identity identity;
    SessionOptions options;
    HostKey relayKey;
    QByteArray privateKey;
    QByteArray publicKey;

    int pairFd = -1; ///< the thread's end of the pair
    int wakeFd = -1; ///< eventfd: the owner asks the thread to stop
    std::thread thread;

    mutable std::mutex mutex;
    std::optional<JumpFailure> failure;

    // Used by the thread only.
    int relayFd = -1;
    LIBSSH2_SESSION *session = nullptr;
    LIBSSH2_CHANNEL *channel = nullptr;
    Clock::time_point lastInbound;
    QByteArray outbound;
    qsizetype outboundOffset = 0;
    int socketError = 0;

    QString relayName() const
    {
        return QStringLiteral("%1:%2").arg(target.jump->host).arg(target.jump->port);
    }
    qsizetype backlog() const { return outbound.size() - outboundOffset; }

    /// JumpConnector::start(); self is this, kept alive by the thread.
    Result<int> open(const std::shared_ptr<State> &self);
    void run();
    bool setUp();
    void pump();
    void cleanUp();
    void fail(const QString &code, const QString &message, bool fatal);
    void lost(const QString &why);
    void flush();
    /// Polls the relay socket (for the directions libssh2 waits on) until deadline; false when
    /// it passed (recorded as a timeout) or the owner stopped us.
    bool waitDuringSetUp(Clock::time_point deadline);

    static ssize_t sendCallback(libssh2_socket_t, const void *buffer, size_t length, int,
                                void **abstract);
    static ssize_t receiveCallback(libssh2_socket_t fd, void *buffer, size_t length, int flags,
                                   void **abstract);
};

JumpConnector::JumpConnector(Endpoint target, Identity identity, SessionOptions options)
    : m_state(std::make_shared<State>())
{
    m_state->target = std::move(target);
    m_state->identity = std::move(identity);
    m_state->options = options;
}

JumpConnector::~JumpConnector()
{
    if (m_state->thread.joinable()) {
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t written = ::write(m_state->wakeFd, &one, sizeof one);
        m_state->thread.join();
    }
    if (m_state->wakeFd >= 0)
        ::close(m_state->wakeFd);
}

Result<int> JumpConnector::start()
{
    return m_state->open(m_state);
}

Result<int> JumpConnector::State::open(const std::shared_ptr<State> &self)
{
    State &s = *this;
    if (!s.target.jump)
        return makeError(QStringLiteral("ssh_error"), tr("No relay is set for this connection."));
    ensureLibssh2Initialised();
    auto pinned = HostKey::fromOpenSshLine(s.target.jump->hostKey);
    if (!pinned)
        return pinned.error();
    s.relayKey = *pinned;
    auto key = loadKeyPair(s.identity.privateKeyPath, s.identity.passphrase);
    if (!key)
        return key.error();
    s.privateKey = key->privateKey;
    s.publicKey = key->publicKeyLine.toUtf8();

    int pair[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair) != 0)
        return makeError(
            QStringLiteral("ssh_error"),
            tr("Could not make a socket pair: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    s.wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (s.wakeFd < 0) {
        ::close(pair[0]);
        ::close(pair[1]);
        return makeError(QStringLiteral("ssh_error"),
                         tr("Could not make an event descriptor: %1")
                             .arg(QString::fromLocal8Bit(strerror(errno))));
    }
    setBuffers(pair[0]);
    setBuffers(pair[1]);
    s.pairFd = pair[1];
    // The thread keeps the state alive on its own: the owner may go first only after join().
    s.thread = std::thread([state = self] { state->run(); });
    return pair[0];
}

std::optional<JumpFailure> JumpConnector::failure() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->failure;
}

void JumpConnector::State::fail(const QString &code, const QString &message, bool fatal)
{
    {
        std::lock_guard lock(mutex);
        if (!failure)
            failure = JumpFailure{makeError(code, message), fatal};
    }
    // After the failure is recorded: the owner reads it when its stream ends.
    ::shutdown(pairFd, SHUT_RDWR);
}

void JumpConnector::State::lost(const QString &why)
{
    fail(QStringLiteral("connection_lost"),
         tr("The connection to the relay %1 was lost: %2").arg(relayName(), why), false);
}

void JumpConnector::State::run()
{
    if (setUp())
        pump();
    cleanUp();
}

bool JumpConnector::State::waitDuringSetUp(Clock::time_point deadline)
{
    flush();
    short events = 0;
    const int directions = libssh2_session_block_directions(session);
    if (directions & LIBSSH2_SESSION_BLOCK_INBOUND)
        events |= POLLIN;
    if ((directions & LIBSSH2_SESSION_BLOCK_OUTBOUND) || backlog() > 0)
        events |= POLLOUT;
    if (events == 0)
        events = POLLIN;
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            fail(QStringLiteral("connect_timeout"),
                 tr("The relay %1 did not complete an SSH login within %2 s.")
                     .arg(relayName())
                     .arg(options.connectTimeout.count() / 1000.0),
                 false);
            return false;
        }
        // The pair is watched for a hang-up only: the owner closing its end stops us.
        pollfd fds[3] = {{relayFd, events, 0}, {wakeFd, POLLIN, 0}, {pairFd, 0, 0}};
        const int ready = ::poll(fds, 3, int(left.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (fds[1].revents != 0 || (fds[2].revents & (POLLHUP | POLLERR)))
            return false;
        if (ready != 0) {
            flush();
            return true;
        }
    }
}

bool JumpConnector::State::setUp()
{
    const JumpHost &jump = *target.jump;
    const auto deadline = Clock::now() + options.connectTimeout;
    QHostAddress address;
    if (!address.setAddress(jump.host)) {
        const QHostInfo info = QHostInfo::fromName(jump.host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            fail(QStringLiteral("dns_failed"),
                 tr("Could not find the relay %1: %2").arg(jump.host, info.errorString()), false);
            return false;
        }
        address = info.addresses().constFirst();
    }
    auto fd = socketio::startConnect(address, jump.port);
    if (!fd) {
        fail(QStringLiteral("connect_failed"),
             tr("Could not connect to the relay %1: %2").arg(relayName(), fd.error().message),
             false);
        return false;
    }
    relayFd = *fd;
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        pollfd fds[3] = {{relayFd, POLLOUT, 0}, {wakeFd, POLLIN, 0}, {pairFd, 0, 0}};
        const int ready = left.count() > 0 ? ::poll(fds, 3, int(left.count())) : 0;
        if (ready < 0 && errno == EINTR)
            continue;
        if (fds[1].revents != 0 || (fds[2].revents & (POLLHUP | POLLERR)))
            return false;
        if (ready == 0) {
            fail(QStringLiteral("connect_timeout"),
                 tr("The relay %1 did not answer within %2 s.")
                     .arg(relayName())
                     .arg(options.connectTimeout.count() / 1000.0),
                 false);
            return false;
        }
        break;
    }
    if (const int error = socketio::connectResult(relayFd); error != 0) {
        fail(QStringLiteral("connect_failed"),
             tr("Could not connect to the relay %1: %2")
                 .arg(relayName(), QString::fromLocal8Bit(strerror(error))),
             false);
        return false;
    }

    session = libssh2_session_init_ex(nullptr, nullptr, nullptr, this);
    if (!session) {
        fail(QStringLiteral("ssh_error"), tr("libssh2 could not start a session."), false);
        return false;
    }
    libssh2_session_set_blocking(session, 0);
    libssh2_session_callback_set(session, LIBSSH2_CALLBACK_SEND,
                                 reinterpret_cast<void *>(&State::sendCallback));
    libssh2_session_callback_set(session, LIBSSH2_CALLBACK_RECV,
                                 reinterpret_cast<void *>(&State::receiveCallback));
    setMethodPreferences(session, relayKey.type().constData(), options.ciphers, options.macs);
    libssh2_keepalive_config(session, 1, unsigned(options.keepaliveInterval.count()));
    lastInbound = Clock::now();

    for (;;) {
        const int rc = libssh2_session_handshake(session, libssh2_socket_t(relayFd));
        if (rc == 0)
            break;
        if (rc != LIBSSH2_ERROR_EAGAIN) {
            fail(QStringLiteral("handshake_failed"),
                 tr("The SSH handshake with the relay %1 failed: %2")
                     .arg(relayName(), libssh2LastError(session)),
                 false);
            return false;
        }
        if (!waitDuringSetUp(deadline))
            return false;
    }

    size_t length = 0;
    int type = 0;
    const char *raw = libssh2_session_hostkey(session, &length, &type);
    const auto presented = HostKey::fromBlob(QByteArray(raw, raw ? qsizetype(length) : 0));
    if (!presented || !(*presented == relayKey)) {
        fail(QStringLiteral("host_key_mismatch"),
             tr("Security warning: the relay at %1 identified itself with host key %2, but the "
                "market recorded %3 for it. The connection was refused because someone may be "
                "intercepting it. Nothing was sent. Try again later; if this persists, contact "
                "the market's support.")
                 .arg(relayName(), presented ? presented->fingerprint() : tr("(none)"),
                      relayKey.fingerprint()),
             true);
        return false;
    }

    const QByteArray user = jump.user.toUtf8();
    for (;;) {
        const int rc = libssh2_userauth_publickey_frommemory(
            session, user.constData(), size_t(user.size()), publicKey.constData(),
            size_t(publicKey.size()), privateKey.constData(), size_t(privateKey.size()),
            identity.passphrase.isEmpty() ? nullptr : identity.passphrase.constData());
        if (rc == 0)
            break;
        if (rc == LIBSSH2_ERROR_AUTHENTICATION_FAILED || rc == LIBSSH2_ERROR_PUBLICKEY_UNVERIFIED ||
            rc == LIBSSH2_ERROR_FILE) {
            fail(QStringLiteral("auth_failed"),
                 tr("The relay %1 refused our SSH key for user %2: the market has not granted "
                    "this key a way to the instance (is the instance running, and was it "
                    "launched with this app's key?).")
                     .arg(relayName(), jump.user),
                 true);
            return false;
        }
        if (rc != LIBSSH2_ERROR_EAGAIN) {
            fail(QStringLiteral("auth_failed"),
                 tr("Logging in to the relay %1 failed: %2")
                     .arg(relayName(), libssh2LastError(session)),
                 false);
            return false;
        }
        if (!waitDuringSetUp(deadline))
            return false;
    }

    const QByteArray host = target.host.toUtf8();
    for (;;) {
        channel = libssh2_channel_direct_tcpip_ex(session, host.constData(), int(target.port),
                                                  "127.0.0.1", 22);
        if (channel)
            break;
        if (libssh2_session_last_errno(session) != LIBSSH2_ERROR_EAGAIN) {
            const QString why = libssh2LastError(session);
            // "administratively prohibited": the relay's permitopen does not cover this port;
            // the same key gets the same answer until the market grants it.
            const bool prohibited = why.contains(QStringLiteral("prohibited"));
            fail(QStringLiteral("relay_open_failed"),
                 prohibited ? tr("The relay %1 could not open %2:%3: it does not let this key "
                                 "reach that port (%4).")
                                  .arg(relayName(), target.host)
                                  .arg(target.port)
                                  .arg(why)
                            : tr("The relay %1 could not open %2:%3: %4")
                                  .arg(relayName(), target.host)
                                  .arg(target.port)
                                  .arg(why),
                 prohibited);
            return false;
        }
        if (!waitDuringSetUp(deadline))
            return false;
    }
    return true;
}

void JumpConnector::State::pump()
{
    std::vector<char> toChannel(kChunk);
    std::vector<char> toPair(kChunk);
    size_t toChannelOffset = 0, toChannelLength = 0;
    size_t toPairOffset = 0, toPairLength = 0;
    bool pairEnded = false;
    bool channelEnded = false;
    const auto silenceLimit = options.keepaliveInterval * options.keepaliveMaxMissed;

    for (;;) {
        bool progress = false;
        // The owner's bytes (its SSH session to the target) into the channel.
        if (toChannelOffset == toChannelLength && !pairEnded) {
            const ssize_t n = socketio::receive(pairFd, toChannel.data(), kChunk);
            if (n > 0) {
                toChannelOffset = 0;
                toChannelLength = size_t(n);
                progress = true;
            } else if (n == 0 || (n != -EAGAIN && n != -EWOULDBLOCK)) {
                pairEnded = true;
                progress = true;
            }
        }
        while (toChannelOffset < toChannelLength && backlog() < kOutboundHighWater) {
            const ssize_t n = libssh2_channel_write(channel, toChannel.data() + toChannelOffset,
                                                    toChannelLength - toChannelOffset);
            if (n > 0) {
                toChannelOffset += size_t(n);
                progress = true;
                continue;
            }
            if (n == LIBSSH2_ERROR_EAGAIN)
                break; // the window is full; its adjust arrives inbound
            return lost(libssh2LastError(session));
        }
        if (pairEnded && toChannelOffset == toChannelLength) {
            // The owner is done with its session: pass the end on and leave.
            libssh2_channel_send_eof(channel);
            libssh2_channel_close(channel);
            flush();
            return;
        }

        // The target's bytes back to the owner.
        if (toPairOffset == toPairLength && !channelEnded) {
            const ssize_t n = libssh2_channel_read(channel, toPair.data(), kChunk);
            if (n > 0) {
                toPairOffset = 0;
                toPairLength = size_t(n);
                progress = true;
            } else if (n == 0 || n == LIBSSH2_ERROR_EAGAIN) {
                if (libssh2_channel_eof(channel)) {
                    channelEnded = true;
                    ::shutdown(pairFd, SHUT_WR);
                    progress = true;
                }
            } else {
                return lost(libssh2LastError(session));
            }
        }
        while (toPairOffset < toPairLength) {
            const ssize_t n = socketio::sendSome(pairFd, toPair.data() + toPairOffset,
                                                 toPairLength - toPairOffset);
            if (n > 0) {
                toPairOffset += size_t(n);
                progress = true;
                continue;
            }
            if (n == -EAGAIN || n == -EWOULDBLOCK)
                break;
            return; // the owner closed its end
        }

        int nextKeepalive = 0;
        libssh2_keepalive_send(session, &nextKeepalive);
        flush();
        if (socketError != 0)
            return lost(QString::fromLocal8Bit(strerror(socketError)));
        // Silence counts only while we are reading: a stalled owner leaves the relay unread.
        if (toPairOffset == toPairLength && Clock::now() - lastInbound > silenceLimit) {
            return lost(
                tr("nothing arrived for %1 s")
                    .arg(std::chrono::duration_cast<std::chrono::seconds>(silenceLimit).count()));
        }
        if (progress)
            continue;

        const bool wantRelayIn =
            (toPairOffset == toPairLength && !channelEnded) ||
            (toChannelOffset < toChannelLength && backlog() < kOutboundHighWater);
        short relayEvents = wantRelayIn ? POLLIN : 0;
        if (backlog() > 0)
            relayEvents |= POLLOUT;
        short pairEvents = 0;
        if (toChannelOffset == toChannelLength && !pairEnded)
            pairEvents |= POLLIN;
        if (toPairOffset < toPairLength)
            pairEvents |= POLLOUT;
        pollfd fds[3] = {{relayFd, relayEvents, 0}, {pairFd, pairEvents, 0}, {wakeFd, POLLIN, 0}};
        const int timeout = 1000 * qBound(1, nextKeepalive, 5);
        const int ready = ::poll(fds, 3, timeout);
        if (ready < 0 && errno != EINTR)
            return lost(QString::fromLocal8Bit(strerror(errno)));
        if (fds[2].revents != 0)
            return;
        if (fds[0].revents & (POLLERR | POLLHUP)) {
            const int error = socketio::connectResult(relayFd);
            return lost(error != 0 ? QString::fromLocal8Bit(strerror(error))
                                   : tr("the relay closed the connection"));
        }
        if ((fds[1].revents & (POLLERR | POLLHUP)) && !(fds[1].revents & POLLIN) &&
            toPairOffset < toPairLength)
            return; // the owner is gone and cannot take what is left
    }
}

void JumpConnector::State::cleanUp()
{
    if (channel) {
        libssh2_channel_free(channel);
        channel = nullptr;
    }
    if (session) {
        if (socketError == 0) {
            libssh2_session_disconnect(session, "done");
            flush();
        }
        socketError = EPIPE; // from here on sends fail at once
        libssh2_session_free(session);
        session = nullptr;
    }
    socketio::closeSocket(relayFd);
    relayFd = -1;
    socketio::closeSocket(pairFd);
    pairFd = -1;
}

void JumpConnector::State::flush()
{
    while (backlog() > 0 && socketError == 0) {
        const ssize_t n =
            socketio::sendSome(relayFd, outbound.constData() + outboundOffset, size_t(backlog()));
        if (n > 0) {
            outboundOffset += n;
            continue;
        }
        if (n != -EAGAIN && n != -EWOULDBLOCK)
            socketError = int(-n);
        break;
    }
    if (outboundOffset == outbound.size()) {
        outbound.resize(0); // keeps the capacity
        outboundOffset = 0;
    } else if (outboundOffset > outbound.size() / 2) {
        outbound.remove(0, outboundOffset);
        outboundOffset = 0;
    }
}

ssize_t JumpConnector::State::sendCallback(libssh2_socket_t, const void *buffer, size_t length, int,
                                           void **abstract)
{
    // Never EAGAIN (see transport.h): a half-sent packet would have to be repeated by the very
    // same call, which a pump alternating reads and writes cannot promise.
    auto *state = static_cast<State *>(*abstract);
    if (state->socketError != 0)
        return -EPIPE;
    state->outbound.append(static_cast<const char *>(buffer), qsizetype(length));
    if (state->backlog() >= kFlushThreshold)
        state->flush();
    return ssize_t(length);
}

ssize_t JumpConnector::State::receiveCallback(libssh2_socket_t fd, void *buffer, size_t length,
                                              int flags, void **abstract)
{
    const ssize_t n = ::recv(fd, buffer, length, flags);
    if (n < 0)
        return -errno;
    if (n > 0)
        static_cast<State *>(*abstract)->lastInbound = Clock::now();
    return n;
}

} // namespace suanli::ssh
