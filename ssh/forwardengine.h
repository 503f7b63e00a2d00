#pragma once

#include "sshtypes.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include <libssh2.h>

class QSocketNotifier;

namespace suanli::ssh {

class Transport;

/// Local port forwards over one SSH session: listening sockets on 127.0.0.1 and, for each
/// accepted connection, a direct-tcpip channel with data pumped both ways. Lives in the
/// session's thread. Listeners outlive reconnects (the local port stays ours); connections do
/// not — a TCP stream cannot survive a new SSH session.
class ForwardEngine : public QObject
{
    Q_OBJECT
public:
    explicit ForwardEngine(QObject *parent = nullptr);
    ~ForwardEngine() override;

    /// Takes over listenFd, already bound and listening (bound by the caller, so a busy port
    /// is reported before anything connects).
    void addForward(int id, int listenFd, const ForwardSpec &spec);
    void removeForward(int id);
    void removeAll();

    /// The session to open channels on, or nullptr while there is none. Dropping the session
    /// closes every forwarded connection; connections accepted meanwhile wait for the next.
    void setTransport(Transport *transport);
    /// Moves every connection as far as the socket buffers and channel windows allow.
    void pump();

signals:
    void statsChanged(const suanli::ssh::ForwardStats &stats);

private:
    struct Forward;
    struct Tunnel;

    void onAcceptable(int id);
    void openPendingChannels();
    /// false when the tunnel is finished and can go.
    bool pumpTunnel(Tunnel &tunnel);
    bool pumpUp(Tunnel &tunnel);
    bool pumpDown(Tunnel &tunnel);
    void finishTunnel(Tunnel *tunnel);
    std::vector<Tunnel *> tunnelsWhere(const std::function<bool(const Tunnel &)> &predicate) const;
    void releaseChannel(LIBSSH2_CHANNEL *channel);
    void closeFinishedChannels();
    void sweep();
    void markDirty(Forward &forward);
    void emitDirty();

    Transport *m_transport = nullptr;
    QHash<int, std::shared_ptr<Forward>> m_forwards;
    std::deque<std::unique_ptr<Tunnel>> m_tunnels;
    /// Tunnels waiting for a channel. libssh2 keeps the state of a channel being opened in
    /// the session, so opens go one at a time: the head is retried until it completes.
    std::deque<Tunnel *> m_opening;
    bool m_openInProgress = false;
    std::deque<LIBSSH2_CHANNEL *> m_closing;
    QByteArray m_scratch;
    QTimer m_statsTimer;
    bool m_pumping = false;
    bool m_pumpAgain = false;
};

} // namespace suanli::ssh
