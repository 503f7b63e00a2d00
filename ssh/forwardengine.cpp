#include "forwardengine.h"

#include "socketio.h"
#include "transport.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

namespace suanli::ssh {

namespace {

/// Reads and writes go in large pieces: libssh2 1.10 pays per call (it drains the transport
/// before each channel write), so small pieces cost throughput.
constexpr qsizetype kChunk = 1024 * 1024;

bool wouldBlock(ssize_t n)
{
    return n == -EAGAIN || n == -EWOULDBLOCK;
}

} // namespace

struct ForwardEngine::Forward
{
    int listenFd = -1;
    std::unique_ptr<QSocketNotifier> acceptNotifier;
    ForwardSpec spec;
    ForwardStats stats;
    bool dirty = false;
};

struct ForwardEngine::Tunnel
{
    std::shared_ptr<Forward> forward;
    int fd = -1;
    quint16 peerPort = 0;
    std::unique_ptr<QSocketNotifier> readNotifier;
    std::unique_ptr<QSocketNotifier> writeNotifier;
    LIBSSH2_CHANNEL *channel = nullptr;
    QByteArray up;   ///< from the local client, not yet taken by the channel
    QByteArray down; ///< from the channel, not yet taken by the local socket
    bool localEof = false;
    bool eofSent = false;
    bool remoteEof = false;
    bool localShut = false;
    bool finished = false; ///< local side gone; kept only while its channel open completes
};

ForwardEngine::ForwardEngine(QObject *parent)
    : QObject(parent)
    , m_scratch(kChunk, Qt::Uninitialized)
    , m_statsTimer(this) // a child, so that moveToThread() takes it along
{
    m_statsTimer.setInterval(200);
    connect(&m_statsTimer, &QTimer::timeout, this, &ForwardEngine::emitDirty);
    m_statsTimer.start();
}

ForwardEngine::~ForwardEngine()
{
    setTransport(nullptr);
    removeAll();
}

void ForwardEngine::addForward(int id, int listenFd, const ForwardSpec &spec)
{
    auto forward = std::make_shared<Forward>();
    forward->listenFd = listenFd;
    forward->spec = spec;
    forward->stats.id = id;
    forward->stats.localPort = socketio::localPort(listenFd);
    forward->stats.remoteHost = spec.remoteHost;
    forward->stats.remotePort = spec.remotePort;
    forward->acceptNotifier = std::make_unique<QSocketNotifier>(listenFd, QSocketNotifier::Read);
    connect(forward->acceptNotifier.get(), &QSocketNotifier::activated, this,
            [this, id] { onAcceptable(id); });
    m_forwards.insert(id, forward);
    emit statsChanged(forward->stats);
}

void ForwardEngine::removeForward(int id)
{
    const auto forward = m_forwards.take(id);
    if (!forward)
        return;
    forward->acceptNotifier.reset();
    socketio::closeSocket(forward->listenFd); // the port is free again from here on
    for (Tunnel *tunnel : tunnelsWhere([&](const Tunnel &t) { return t.forward == forward; }))
        finishTunnel(tunnel);
    pump();
}

void ForwardEngine::removeAll()
{
    const auto ids = m_forwards.keys();
    for (int id : ids)
        removeForward(id);
}

void ForwardEngine::setTransport(Transport *transport)
{
    if (m_transport && m_transport != transport) {
        // The session is gone and its channels are freed with it, so only forget them here.
        // Connections that never got a channel wait for the next session.
        m_openInProgress = false;
        for (Tunnel *tunnel : tunnelsWhere([](const Tunnel &t) { return t.channel != nullptr; })) {
            tunnel->channel = nullptr;
            finishTunnel(tunnel);
        }
        m_closing.clear();
        m_transport = nullptr;
        if (!m_pumping)
            sweep();
    }
    m_transport = transport;
    pump();
}

void ForwardEngine::onAcceptable(int id)
{
    const auto forward = m_forwards.value(id);
    if (!forward)
        return;
    quint16 peerPort = 0;
    for (int fd; (fd = socketio::acceptConnection(forward->listenFd, &peerPort)) >= 0;) {
        auto tunnel = std::make_unique<Tunnel>();
        tunnel->forward = forward;
        tunnel->fd = fd;
        tunnel->peerPort = peerPort;
        Tunnel *raw = tunnel.get();
        // Nothing is read from the client until its channel is open: the kernel holds it.
        tunnel->readNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
        tunnel->readNotifier->setEnabled(false);
        tunnel->writeNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
        tunnel->writeNotifier->setEnabled(false);
        connect(tunnel->readNotifier.get(), &QSocketNotifier::activated, this, [this, raw] {
            raw->readNotifier->setEnabled(false);
            pump();
        });
        connect(tunnel->writeNotifier.get(), &QSocketNotifier::activated, this, [this, raw] {
            raw->writeNotifier->setEnabled(false);
            pump();
        });
        m_tunnels.push_back(std::move(tunnel));
        m_opening.push_back(raw);
        ++forward->stats.activeConnections;
        ++forward->stats.totalConnections;
        markDirty(*forward);
    }
    pump();
}

void ForwardEngine::pump()
{
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    do {
        m_pumpAgain = false;
        if (m_transport && m_transport->isReady()) {
            openPendingChannels();
            for (auto &tunnel : m_tunnels) {
                if (!tunnel->finished && tunnel->channel && !pumpTunnel(*tunnel))
                    finishTunnel(tunnel.get());
            }
            closeFinishedChannels();
            m_transport->flush();
        }
        sweep();
    } while (m_pumpAgain);
    m_pumping = false;
}

void ForwardEngine::openPendingChannels()
{
    LIBSSH2_SESSION *session = m_transport->session();
    while (!m_opening.empty()) {
        Tunnel *tunnel = m_opening.front();
        if (tunnel->finished && !m_openInProgress) {
            m_opening.pop_front();
            continue;
        }
        const QByteArray host = tunnel->forward->spec.remoteHost.toUtf8();
        LIBSSH2_CHANNEL *channel = libssh2_channel_direct_tcpip_ex(session, host.constData(),
                                                                   tunnel->forward->spec.remotePort,
                                                                   "127.0.0.1", tunnel->peerPort);
        if (!channel && libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN) {
            m_openInProgress = true;
            return;
        }
        m_openInProgress = false;
        m_opening.pop_front();
        if (!channel) {
            ++tunnel->forward->stats.failedConnections;
            finishTunnel(tunnel);
            continue;
        }
        if (tunnel->finished) { // the client left while the channel was being opened
            releaseChannel(channel);
            continue;
        }
        tunnel->channel = channel;
    }
}

bool ForwardEngine::pumpTunnel(Tunnel &tunnel)
{
    if (!pumpUp(tunnel) || !pumpDown(tunnel))
        return false;
    return !(tunnel.eofSent && tunnel.localShut);
}

bool ForwardEngine::pumpUp(Tunnel &tunnel)
{
    Forward &forward = *tunnel.forward;
    for (;;) {
        // Leftovers first, then fresh data from the client straight from the scratch buffer.
        const char *data = tunnel.up.constData();
        qsizetype size = tunnel.up.size();
        bool fresh = false;
        if (size == 0) {
            if (tunnel.localEof)
                break;
            const ssize_t n =
                socketio::receive(tunnel.fd, m_scratch.data(), size_t(m_scratch.size()));
            if (wouldBlock(n)) {
                tunnel.readNotifier->setEnabled(true);
                break;
            }
            if (n < 0)
                return false; // reset by the client
            if (n == 0) {
                tunnel.localEof = true;
                break;
            }
            data = m_scratch.constData();
            size = n;
            fresh = true;
        }
        qsizetype written = 0;
        while (written < size && m_transport->outboundBacklog() < Transport::kOutboundHighWater) {
            const ssize_t w =
                libssh2_channel_write(tunnel.channel, data + written, size_t(size - written));
            if (w == LIBSSH2_ERROR_EAGAIN || w == 0)
                break; // the server's window is full; its window adjust wakes us
            if (w < 0)
                return false;
            written += w;
        }
        forward.stats.bytesToRemote += written;
        if (written > 0)
            markDirty(forward);
        if (fresh)
            tunnel.up = QByteArray(data + written, size - written);
        else
            tunnel.up.remove(0, written);
        if (!tunnel.up.isEmpty())
            break; // blocked: wait for window or for the outbound buffer to drain
    }
    if (tunnel.localEof && tunnel.up.isEmpty() && !tunnel.eofSent) {
        const int rc = libssh2_channel_send_eof(tunnel.channel);
        if (rc == 0)
            tunnel.eofSent = true;
        else if (rc != LIBSSH2_ERROR_EAGAIN)
            return false;
    }
    return true;
}

bool ForwardEngine::pumpDown(Tunnel &tunnel)
{
    Forward &forward = *tunnel.forward;
    for (;;) {
        if (!tunnel.down.isEmpty()) {
            const ssize_t n =
                socketio::sendSome(tunnel.fd, tunnel.down.constData(), size_t(tunnel.down.size()));
            if (n < 0 && !wouldBlock(n))
                return false;
            tunnel.down.remove(0, qMax<ssize_t>(n, 0));
            if (!tunnel.down.isEmpty()) {
                tunnel.writeNotifier->setEnabled(true);
                return true; // the client is slow: leave the rest in the channel window
            }
        }
        if (tunnel.remoteEof)
            break;
        const ssize_t r =
            libssh2_channel_read(tunnel.channel, m_scratch.data(), size_t(m_scratch.size()));
        if (r > 0) {
            forward.stats.bytesFromRemote += r;
            markDirty(forward);
            const ssize_t n = socketio::sendSome(tunnel.fd, m_scratch.constData(), size_t(r));
            if (n < 0 && !wouldBlock(n))
                return false;
            const qsizetype sent = qMax<ssize_t>(n, 0);
            if (sent < r)
                tunnel.down = QByteArray(m_scratch.constData() + sent, r - sent);
            continue;
        }
        if (r < 0 && r != LIBSSH2_ERROR_EAGAIN)
            return false;
        if (libssh2_channel_eof(tunnel.channel))
            tunnel.remoteEof = true;
        break;
    }
    if (tunnel.remoteEof && tunnel.down.isEmpty() && !tunnel.localShut) {
        socketio::shutdownWrite(tunnel.fd);
        tunnel.localShut = true;
    }
    return true;
}

std::vector<ForwardEngine::Tunnel *>
ForwardEngine::tunnelsWhere(const std::function<bool(const Tunnel &)> &predicate) const
{
    // finishTunnel() may sweep m_tunnels, so callers never loop over it directly; the tunnels
    // listed here are not finished, and a sweep only takes finished ones.
    std::vector<Tunnel *> found;
    for (const auto &tunnel : m_tunnels) {
        if (!tunnel->finished && predicate(*tunnel))
            found.push_back(tunnel.get());
    }
    return found;
}

void ForwardEngine::finishTunnel(Tunnel *tunnel)
{
    if (tunnel->finished)
        return;
    tunnel->finished = true;
    tunnel->readNotifier.reset();
    tunnel->writeNotifier.reset();
    socketio::closeSocket(tunnel->fd);
    tunnel->fd = -1;
    if (tunnel->channel) {
        releaseChannel(tunnel->channel);
        tunnel->channel = nullptr;
    }
    --tunnel->forward->stats.activeConnections;
    markDirty(*tunnel->forward);
    if (!m_pumping)
        sweep();
}

void ForwardEngine::sweep()
{
    // A finished tunnel whose channel libssh2 is still opening stays until the open completes.
    std::erase_if(m_opening, [this](Tunnel *t) {
        return t->finished && !(m_openInProgress && t == m_opening.front());
    });
    std::erase_if(m_tunnels, [this](const auto &t) {
        return t->finished && !t->channel &&
               std::find(m_opening.begin(), m_opening.end(), t.get()) == m_opening.end();
    });
}

void ForwardEngine::releaseChannel(LIBSSH2_CHANNEL *channel)
{
    if (m_transport && m_transport->isReady())
        m_closing.push_back(channel);
}

void ForwardEngine::closeFinishedChannels()
{
    // libssh2_channel_free() sends CLOSE and waits for the server's; it says EAGAIN meanwhile.
    std::erase_if(m_closing, [](LIBSSH2_CHANNEL *channel) {
        return libssh2_channel_free(channel) != LIBSSH2_ERROR_EAGAIN;
    });
}

void ForwardEngine::markDirty(Forward &forward)
{
    forward.dirty = true;
}

void ForwardEngine::emitDirty()
{
    for (const auto &forward : std::as_const(m_forwards)) {
        if (forward->dirty) {
            forward->dirty = false;
            emit statsChanged(forward->stats);
        }
    }
}

} // namespace suanli::ssh
