#include "reverseforwarder.h"

#include "libssh2support.h"
#include "socketio.h"
#include "transport.h"

#include "protocol/backoff.h"

#include <QHostAddress>
#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <deque>
#include <map>
#include <optional>

#include <libssh2.h>

namespace suanli::ssh {

namespace {

/// Same piece size as ForwardEngine: libssh2 1.10 pays per call.
constexpr qsizetype kChunk = 1024 * 1024;
/// Forwarded channels libssh2 queues per listener before we accept them.
constexpr int kAcceptQueue = 64;
/// A refused listen is asked again this many times in all, kRetryMs × attempt apart: when a
/// forward moves to a new session the old session's sshd may not have closed the port yet.
constexpr int kListenAttempts = 4;
constexpr int kListenRetryMs = 250;
constexpr int kWatchdogMs = 500;
constexpr int kStuckTicks = 4;

bool wouldBlock(ssize_t n)
{
    return n == -EAGAIN || n == -EWOULDBLOCK;
}

} // namespace

struct ReverseForwarder::Listener
{
    enum class Phase
    {
        Queued,     ///< to be requested
        Requesting, ///< the tcpip-forward request is under way
        Listening,
        Waiting, ///< refused; asked again shortly
        Refused, ///< refused for good on this session
    };
    Phase phase = Phase::Queued;
    LIBSSH2_LISTENER *listener = nullptr;
    int attempts = 0;
};

struct ReverseForwarder::Splice
{
    quint16 relayPort = 0;
    LIBSSH2_CHANNEL *channel = nullptr;
    int fd = -1;
    bool connected = false;
    std::unique_ptr<QSocketNotifier> readNotifier;
    std::unique_ptr<QSocketNotifier> writeNotifier;
    QByteArray toRelay;  ///< from the target, not yet taken by the channel
    QByteArray toTarget; ///< from the channel, not yet taken by the target socket
    bool targetEof = false;
    bool eofSent = false;
    bool channelEof = false;
    bool targetShut = false;
    bool finished = false;
};

struct ReverseForwarder::Link
{
    enum class Role
    {
        Connecting,
        Serving,
        Draining, ///< replaced by a newer session: no listeners, kept for its open channels
    };
    int id = 0;
    Role role = Role::Connecting;
    Transport *transport = nullptr;
    /// The ports wanted when this session logged in: the ones its key may listen on.
    QSet<quint16> covered;
    std::map<quint16, Listener> listeners;
    std::optional<quint16> requesting;
    std::vector<LIBSSH2_LISTENER *> cancelling;
    std::deque<std::unique_ptr<Splice>> splices;
    std::deque<LIBSSH2_CHANNEL *> closing;
    bool pumping = false;
    bool pumpAgain = false;
    qsizetype stuckBacklog = 0; ///< outbound bytes seen at the last watchdog tick
    int stuckTicks = 0;
    bool dead = false;     ///< closed; waiting for reap()
    bool graceful = false; ///< say goodbye to the relay when reaped
};

ReverseForwarder::ReverseForwarder(Endpoint relay, Identity identity, SessionOptions options,
                                   QObject *parent)
    : QObject(parent)
    , m_relay(std::move(relay))
    , m_identity(std::move(identity))
    , m_options(options)
    , m_retryTimer(this)
    , m_watchdog(this)
    , m_scratch(kChunk, Qt::Uninitialized)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ReverseForwarder::startLink);
    m_watchdog.setInterval(kWatchdogMs);
    connect(&m_watchdog, &QTimer::timeout, this, &ReverseForwarder::watchdog);
    m_watchdog.start();
}

void ReverseForwarder::watchdog()
{
    // Transport::flush() records a failed send (the relay's process killed: EPIPE) and stops
    // its notifiers, but reports the failure only from its next read or keepalive, which may
    // never come: 45 s later at best. Bytes that have not moved for a few ticks mean the same
    // dead link; a merely slow one still moves some.
    std::vector<int> stuck;
    for (const auto &link : m_links) {
        if (link->dead || !link->transport || !link->transport->isReady())
            continue;
        const qsizetype backlog = link->transport->outboundBacklog();
        link->stuckTicks = backlog > 0 && backlog == link->stuckBacklog ? link->stuckTicks + 1 : 0;
        link->stuckBacklog = backlog;
        if (link->stuckTicks >= kStuckTicks)
            stuck.push_back(link->id);
    }
    for (int id : stuck) {
        if (Link *link = linkById(id))
            onLinkFailed(link,
                         makeError(QStringLiteral("connection_lost"),
                                   tr("The relay %1:%2 took no data for %3 s.")
                                       .arg(m_relay.host)
                                       .arg(m_relay.port)
                                       .arg(kStuckTicks * kWatchdogMs / 1000.0)),
                         false);
    }
}

ReverseForwarder::~ReverseForwarder()
{
    m_retryTimer.stop();
    for (auto &link : m_links) {
        if (!link->dead)
            dropLink(link.get());
        if (link->transport) {
            if (link->graceful && link->transport->isReady())
                link->transport->close();
            delete link->transport;
            link->transport = nullptr;
        }
    }
    m_links.clear();
}

int ReverseForwarder::openChannels() const
{
    int n = 0;
    for (const auto &link : m_links) {
        if (!link->dead)
            n += int(std::count_if(link->splices.cbegin(), link->splices.cend(),
                                   [](const auto &s) { return !s->finished; }));
    }
    return n;
}

ReverseForwarder::Link *ReverseForwarder::serving() const
{
    for (const auto &link : m_links) {
        if (!link->dead && link->role == Link::Role::Serving)
            return link.get();
    }
    return nullptr;
}

ReverseForwarder::Link *ReverseForwarder::connecting() const
{
    for (const auto &link : m_links) {
        if (!link->dead && link->role == Link::Role::Connecting)
            return link.get();
    }
    return nullptr;
}

ReverseForwarder::Link *ReverseForwarder::linkById(int id) const
{
    for (const auto &link : m_links) {
        if (!link->dead && link->id == id)
            return link.get();
    }
    return nullptr;
}

void ReverseForwarder::setForwards(QList<ReverseForwardSpec> forwards)
{
    m_wanted.clear();
    for (const ReverseForwardSpec &spec : forwards) {
        if (spec.relayPort != 0)
            m_wanted.insert(spec.relayPort, spec);
    }
    if (m_state == SessionState::Failed)
        return; // fatal (the relay's host key): only stop() or a new forwarder tries again
    const QList<quint16> keys = m_wanted.keys();
    const QSet<quint16> wanted(keys.cbegin(), keys.cend());
    if (wanted.isEmpty()) {
        m_retryTimer.stop();
        if (Link *c = connecting())
            dropLink(c);
        if (Link *s = serving())
            retire(s);
        setState(SessionState::Idle);
        updateActive();
        return;
    }
    Link *c = connecting();
    if (c && !c->covered.contains(wanted)) {
        dropLink(c); // it logs in without the new ports: start over
        c = nullptr;
    }
    if (Link *s = serving()) {
        std::vector<quint16> lost;
        for (const auto &[port, listener] : s->listeners) {
            if (!wanted.contains(port))
                lost.push_back(port);
        }
        for (quint16 port : lost)
            cancelListener(*s, port);
        if (!s->covered.contains(wanted)) {
            if (!c && !m_retryTimer.isActive())
                startLink(); // make-before-break (D4 in docs/decisions.md)
        } else {
            for (quint16 port : wanted) {
                if (!s->listeners.count(port))
                    s->listeners[port] = Listener{};
            }
        }
        pump(s);
    } else if (!c && !m_retryTimer.isActive()) {
        m_attempt = 0;
        startLink();
    }
    updateActive();
}

void ReverseForwarder::stop()
{
    m_retryTimer.stop();
    m_wanted.clear();
    for (auto &link : m_links) {
        if (!link->dead) {
            link->graceful = link->role != Link::Role::Connecting;
            dropLink(link.get());
        }
    }
    m_lastError = {};
    setState(SessionState::Idle);
    updateActive();
}

void ReverseForwarder::startLink()
{
    if (m_wanted.isEmpty() || m_state == SessionState::Failed || connecting())
        return;
    auto owned = std::make_unique<Link>();
    Link *link = owned.get();
    link->id = m_nextLinkId++;
    const QList<quint16> keys = m_wanted.keys();
    link->covered = QSet<quint16>(keys.cbegin(), keys.cend());
    link->transport = new Transport(m_relay, m_identity, m_options, this);
    const int id = link->id;
    connect(link->transport, &Transport::ready, this, [this, id] {
        if (Link *l = linkById(id))
            onLinkReady(l);
    });
    connect(link->transport, &Transport::failed, this, [this, id](const Error &error, bool fatal) {
        if (Link *l = linkById(id))
            onLinkFailed(l, error, fatal);
    });
    connect(link->transport, &Transport::activity, this, [this, id] {
        if (Link *l = linkById(id))
            pump(l);
    });
    m_links.push_back(std::move(owned));
    if (!serving())
        setState(SessionState::Connecting);
    link->transport->start(); // may fail at once (an unreadable key): onLinkFailed runs first
}

void ReverseForwarder::scheduleReconnect()
{
    // Jittered, so a fleet of agents that lost the same relay does not knock all at once.
    m_retryTimer.start(std::chrono::milliseconds(
        protocol::backoffMs(m_attempt++, 2 * m_options.reconnectDelayMin.count(),
                            m_options.reconnectDelayMax.count())));
}

void ReverseForwarder::onLinkReady(Link *link)
{
    m_attempt = 0;
    if (Link *old = serving(); old && old != link)
        retire(old); // cancels there first, so the ports are free for the new session
    link->role = Link::Role::Serving;
    for (const quint16 port : m_wanted.keys())
        link->listeners[port] = Listener{};
    setState(SessionState::Connected);
    pump(link);
    updateActive();
}

void ReverseForwarder::onLinkFailed(Link *link, const Error &error, bool fatal)
{
    const Link::Role role = link->role;
    dropLink(link);
    emit errorOccurred(error);
    // A refused key is not final here: the relay asks the market, which may learn the key (or
    // the host's ports) a moment later. A different host key is.
    if (fatal && error.code != QLatin1String("auth_failed")) {
        m_retryTimer.stop();
        for (auto &other : m_links) {
            if (!other->dead)
                dropLink(other.get());
        }
        setState(SessionState::Failed, error);
        updateActive();
        return;
    }
    if (role != Link::Role::Draining && !m_wanted.isEmpty() && !connecting() &&
        !m_retryTimer.isActive())
        scheduleReconnect();
    if (!serving())
        setState(m_wanted.isEmpty() ? SessionState::Idle : SessionState::WaitingToReconnect, error);
    updateActive();
}

void ReverseForwarder::retire(Link *link)
{
    link->role = Link::Role::Draining;
    std::vector<quint16> ports;
    for (const auto &[port, listener] : link->listeners)
        ports.push_back(port);
    for (quint16 port : ports)
        cancelListener(*link, port);
    pump(link);
}

void ReverseForwarder::dropLink(Link *link)
{
    if (link->dead)
        return;
    link->dead = true;
    // The session frees its channels and listeners: forget them without asking libssh2.
    for (auto &splice : link->splices) {
        splice->channel = nullptr;
        finishSplice(*link, *splice);
    }
    link->closing.clear();
    link->cancelling.clear();
    link->listeners.clear();
    link->requesting.reset();
    if (link->transport)
        link->transport->disconnect(this);
    if (!m_reapQueued) {
        // Not now: this may run inside one of the transport's own signals.
        m_reapQueued = true;
        QTimer::singleShot(0, this, &ReverseForwarder::reap);
    }
}

void ReverseForwarder::reap()
{
    m_reapQueued = false;
    std::erase_if(m_links, [](const std::unique_ptr<Link> &link) {
        if (!link->dead)
            return false;
        if (link->transport) {
            if (link->graceful && link->transport->isReady())
                link->transport->close();
            link->transport->deleteLater();
            link->transport = nullptr;
        }
        return true;
    });
}

void ReverseForwarder::pump(Link *link)
{
    if (!link || link->dead)
        return;
    if (link->pumping) {
        link->pumpAgain = true;
        return;
    }
    if (!link->transport || !link->transport->isReady())
        return;
    link->pumping = true;
    do {
        link->pumpAgain = false;
        std::erase_if(link->cancelling, [](LIBSSH2_LISTENER *l) {
            return libssh2_channel_forward_cancel(l) != LIBSSH2_ERROR_EAGAIN;
        });
        requestListens(*link);
        acceptChannels(*link);
        for (std::size_t i = 0; i < link->splices.size(); ++i) {
            Splice &splice = *link->splices[i];
            if (!splice.finished && splice.connected && splice.channel &&
                !pumpSplice(*link, splice))
                finishSplice(*link, splice);
        }
        closeFinishedChannels(*link);
        std::erase_if(link->splices, [](const auto &s) { return s->finished; });
        link->transport->flush();
    } while (link->pumpAgain && !link->dead);
    link->pumping = false;
    if (link->role == Link::Role::Draining && link->splices.empty() && link->closing.empty() &&
        link->cancelling.empty() && !link->requesting) {
        link->graceful = true;
        dropLink(link); // its last channel ended: at rest, one session
    }
}

void ReverseForwarder::requestListens(Link &link)
{
    if (link.role != Link::Role::Serving && !link.requesting)
        return;
    LIBSSH2_SESSION *session = link.transport->session();
    for (;;) {
        quint16 port = 0;
        if (link.requesting) {
            port = *link.requesting;
        } else {
            if (link.role != Link::Role::Serving)
                return;
            const auto next =
                std::find_if(link.listeners.begin(), link.listeners.end(), [](const auto &entry) {
                    return entry.second.phase == Listener::Phase::Queued;
                });
            if (next == link.listeners.end())
                return;
            port = next->first;
            next->second.phase = Listener::Phase::Requesting;
            link.requesting = port;
        }
        // libssh2 keeps the state of a request under way in the session: one at a time, and
        // the same call repeated until it completes.
        int bound = 0;
        LIBSSH2_LISTENER *listener =
            libssh2_channel_forward_listen_ex(session, "127.0.0.1", port, &bound, kAcceptQueue);
        if (!listener && libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN)
            return;
        link.requesting.reset();
        const auto it = link.listeners.find(port);
        if (listener) {
            if (it == link.listeners.end() || link.role != Link::Role::Serving) {
                if (libssh2_channel_forward_cancel(listener) == LIBSSH2_ERROR_EAGAIN)
                    link.cancelling.push_back(listener); // no longer wanted meanwhile
                continue;
            }
            it->second.phase = Listener::Phase::Listening;
            it->second.listener = listener;
            updateActive();
            continue;
        }
        if (it == link.listeners.end())
            continue;
        const Error error = makeError(QStringLiteral("relay_listen_refused"),
                                      tr("The relay %1:%2 refused to listen on its port %3: %4")
                                          .arg(m_relay.host)
                                          .arg(m_relay.port)
                                          .arg(port)
                                          .arg(libssh2LastError(session)));
        Listener &l = it->second;
        if (++l.attempts < kListenAttempts) {
            l.phase = Listener::Phase::Waiting;
            QTimer::singleShot(kListenRetryMs * l.attempts, this, [this, id = link.id, port] {
                Link *again = linkById(id);
                if (!again)
                    return;
                const auto w = again->listeners.find(port);
                if (w != again->listeners.end() && w->second.phase == Listener::Phase::Waiting) {
                    w->second.phase = Listener::Phase::Queued;
                    pump(again);
                }
            });
        } else {
            l.phase = Listener::Phase::Refused;
            emit forwardRefused(port, error);
        }
    }
}

void ReverseForwarder::cancelListener(Link &link, quint16 port)
{
    const auto it = link.listeners.find(port);
    if (it == link.listeners.end())
        return;
    // One still being requested is cancelled when the answer comes (it is no longer listed).
    if (it->second.phase == Listener::Phase::Listening && it->second.listener &&
        libssh2_channel_forward_cancel(it->second.listener) == LIBSSH2_ERROR_EAGAIN)
        link.cancelling.push_back(it->second.listener);
    link.listeners.erase(it);
    updateActive();
}

void ReverseForwarder::acceptChannels(Link &link)
{
    for (auto &[port, listener] : link.listeners) {
        if (listener.phase != Listener::Phase::Listening)
            continue;
        while (LIBSSH2_CHANNEL *channel = libssh2_channel_forward_accept(listener.listener))
            startSplice(link, port, channel);
    }
}

void ReverseForwarder::startSplice(Link &link, quint16 port, void *rawChannel)
{
    auto *channel = static_cast<LIBSSH2_CHANNEL *>(rawChannel);
    auto splice = std::make_unique<Splice>();
    splice->relayPort = port;
    splice->channel = channel;
    const auto spec = m_wanted.constFind(port);
    const QHostAddress address(spec != m_wanted.cend() ? spec->targetHost : QString());
    auto fd = spec != m_wanted.cend() && !address.isNull()
                  ? socketio::startConnect(address, spec->targetPort)
                  : Result<int>(makeError(QStringLiteral("no_target"), QString()));
    if (!fd) {
        link.closing.push_back(channel); // nothing to splice it to: the renter sees EOF
        return;
    }
    splice->fd = *fd;
    Splice *raw = splice.get();
    const int id = link.id;
    // Nothing is read from the channel until the target answers: its window holds the data.
    splice->readNotifier = std::make_unique<QSocketNotifier>(*fd, QSocketNotifier::Read);
    splice->readNotifier->setEnabled(false);
    splice->writeNotifier = std::make_unique<QSocketNotifier>(*fd, QSocketNotifier::Write);
    connect(splice->readNotifier.get(), &QSocketNotifier::activated, this, [this, id, raw] {
        raw->readNotifier->setEnabled(false);
        pump(linkById(id));
    });
    connect(splice->writeNotifier.get(), &QSocketNotifier::activated, this, [this, id, raw] {
        raw->writeNotifier->setEnabled(false);
        Link *l = linkById(id);
        if (!l)
            return;
        if (!raw->connected) {
            if (socketio::connectResult(raw->fd) != 0) {
                finishSplice(*l, *raw); // the instance's sshd is not there (stopped, starting)
            } else {
                raw->connected = true;
                raw->readNotifier->setEnabled(true);
            }
        }
        pump(l);
    });
    link.splices.push_back(std::move(splice));
}

bool ReverseForwarder::pumpSplice(Link &link, Splice &splice)
{
    if (!pumpToRelay(link, splice) || !pumpToTarget(splice))
        return false;
    return !(splice.eofSent && splice.targetShut);
}

bool ReverseForwarder::pumpToRelay(Link &link, Splice &splice)
{
    for (;;) {
        const char *data = splice.toRelay.constData();
        qsizetype size = splice.toRelay.size();
        bool fresh = false;
        if (size == 0) {
            if (splice.targetEof)
                break;
            const ssize_t n =
                socketio::receive(splice.fd, m_scratch.data(), size_t(m_scratch.size()));
            if (wouldBlock(n)) {
                splice.readNotifier->setEnabled(true);
                break;
            }
            if (n < 0)
                return false; // reset by the target
            if (n == 0) {
                splice.targetEof = true;
                break;
            }
            data = m_scratch.constData();
            size = n;
            fresh = true;
        }
        qsizetype written = 0;
        while (written < size &&
               link.transport->outboundBacklog() < Transport::kOutboundHighWater) {
            const ssize_t w =
                libssh2_channel_write(splice.channel, data + written, size_t(size - written));
            if (w == LIBSSH2_ERROR_EAGAIN || w == 0)
                break; // the relay's window is full; its window adjust wakes us
            if (w < 0)
                return false;
            written += w;
        }
        if (fresh)
            splice.toRelay = QByteArray(data + written, size - written);
        else
            splice.toRelay.remove(0, written);
        if (!splice.toRelay.isEmpty())
            break;
    }
    if (splice.targetEof && splice.toRelay.isEmpty() && !splice.eofSent) {
        const int rc = libssh2_channel_send_eof(splice.channel);
        if (rc == 0)
            splice.eofSent = true;
        else if (rc != LIBSSH2_ERROR_EAGAIN)
            return false;
    }
    return true;
}

bool ReverseForwarder::pumpToTarget(Splice &splice)
{
    for (;;) {
        if (!splice.toTarget.isEmpty()) {
            const ssize_t n = socketio::sendSome(splice.fd, splice.toTarget.constData(),
                                                 size_t(splice.toTarget.size()));
            if (n < 0 && !wouldBlock(n))
                return false;
            splice.toTarget.remove(0, qMax<ssize_t>(n, 0));
            if (!splice.toTarget.isEmpty()) {
                splice.writeNotifier->setEnabled(true);
                return true; // a slow target: the rest waits in the channel window
            }
        }
        if (splice.channelEof)
            break;
        const ssize_t r =
            libssh2_channel_read(splice.channel, m_scratch.data(), size_t(m_scratch.size()));
        if (r > 0) {
            const ssize_t n = socketio::sendSome(splice.fd, m_scratch.constData(), size_t(r));
            if (n < 0 && !wouldBlock(n))
                return false;
            const qsizetype sent = qMax<ssize_t>(n, 0);
            if (sent < r)
                splice.toTarget = QByteArray(m_scratch.constData() + sent, r - sent);
            continue;
        }
        if (r < 0 && r != LIBSSH2_ERROR_EAGAIN)
            return false;
        if (libssh2_channel_eof(splice.channel))
            splice.channelEof = true;
        break;
    }
    if (splice.channelEof && splice.toTarget.isEmpty() && !splice.targetShut) {
        socketio::shutdownWrite(splice.fd);
        splice.targetShut = true;
    }
    return true;
}

void ReverseForwarder::finishSplice(Link &link, Splice &splice)
{
    if (splice.finished)
        return;
    splice.finished = true;
    // This may run inside one of the notifiers' own signals: they go later.
    for (auto *notifier : {&splice.readNotifier, &splice.writeNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->disconnect(this);
            notifier->release()->deleteLater();
        }
    }
    socketio::closeSocket(splice.fd);
    splice.fd = -1;
    if (splice.channel) {
        if (link.transport && link.transport->isReady() && !link.dead)
            link.closing.push_back(splice.channel);
        splice.channel = nullptr;
    }
    if (!link.pumping && !link.dead)
        std::erase_if(link.splices, [](const auto &s) { return s->finished; });
}

void ReverseForwarder::closeFinishedChannels(Link &link)
{
    // libssh2_channel_free() sends CLOSE and waits for the relay's; it says EAGAIN meanwhile.
    std::erase_if(link.closing, [](LIBSSH2_CHANNEL *channel) {
        return libssh2_channel_free(channel) != LIBSSH2_ERROR_EAGAIN;
    });
}

void ReverseForwarder::updateActive()
{
    QList<quint16> active;
    if (const Link *s = serving()) {
        for (const auto &[port, listener] : s->listeners) {
            if (listener.phase == Listener::Phase::Listening)
                active.append(port);
        }
    }
    if (active == m_active)
        return;
    m_active = active;
    emit forwardsChanged(m_active);
}

void ReverseForwarder::setState(SessionState state, const Error &error)
{
    if (state == m_state && error.code.isEmpty())
        return;
    m_state = state;
    m_lastError = error;
    emit stateChanged(state);
}

} // namespace suanli::ssh
