#pragma once

#include "protocol/result.h"
#include "sshtypes.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <vector>

namespace suanli::ssh {

/// One reverse forward on a relay: the relay's 127.0.0.1:relayPort (a `tcpip-forward` request)
/// → targetHost:targetPort as this machine sees it, one new TCP connection per forwarded
/// channel. targetHost is a numeric address (the agent's instances are on 127.0.0.1).
struct ReverseForwardSpec
{
    quint16 relayPort = 0;
    QString targetHost = QStringLiteral("127.0.0.1");
    quint16 targetPort = 0;
    bool operator==(const ReverseForwardSpec &) const = default;
};

/// The host agent's reverse forwards on the NAT relay (docs/relay.md, docs/host.md): libssh2
/// sessions to a stock OpenSSH sshd, each forwarded channel spliced to a TCP connection to its
/// target. Event-loop based on Transport, in the thread it lives in.
///
/// OpenSSH reads a key's `permitlisten` once, at login, so a port added to the list later
/// cannot be listened on by the session that is open. When the list gains a port, a new
/// session is made first; once it is in, every forward moves to it (cancelled on the old one,
/// then requested on the new one) and the old session stays until its open channels end
/// (make-before-break). When the list only loses ports, those forwards are cancelled on the
/// current session. At rest: one session; with an empty list: none.
///
/// A dropped link or a relay restart is retried with protocol::backoffMs jitter and every
/// forward re-established. The relay's host key is pinned: a different one is fatal (state
/// Failed, no retry). A refused key is retried (the relay asks the market, which may not know
/// the key yet). A port the relay refuses is reported with forwardRefused() and left out.
class ReverseForwarder : public QObject
{
    Q_OBJECT
public:
    ReverseForwarder(Endpoint relay, Identity identity, SessionOptions options = {},
                     QObject *parent = nullptr);
    ~ReverseForwarder() override;

    /// The forwards wanted now (by relayPort; a repeated port takes the last entry).
    void setForwards(QList<ReverseForwardSpec> forwards);
    /// Closes every session and channel; setForwards() starts again.
    void stop();

    SessionState state() const { return m_state; }
    /// The error behind Failed or WaitingToReconnect; empty code otherwise.
    const Error &lastError() const { return m_lastError; }
    /// Relay ports listened on now by the current session, ascending.
    QList<quint16> activeForwards() const { return m_active; }
    /// Sessions open or being opened (2 during make-before-break).
    int sessionCount() const { return int(m_links.size()); }
    /// Forwarded channels open now, over all sessions.
    int openChannels() const;

signals:
    void stateChanged(suanli::ssh::SessionState state);
    void forwardsChanged(const QList<quint16> &active);
    /// The relay refused to listen on relayPort (not permitted for this key, or taken).
    void forwardRefused(quint16 relayPort, const suanli::Error &error);
    /// Every session failure, retried or not.
    void errorOccurred(const suanli::Error &error);

private:
    struct Link;
    struct Listener;
    struct Splice;

    void startLink();
    void scheduleReconnect();
    void onLinkReady(Link *link);
    void onLinkFailed(Link *link, const Error &error, bool fatal);
    void retire(Link *link);
    void dropLink(Link *link);
    void reap();
    Link *serving() const;
    Link *connecting() const;
    Link *linkById(int id) const;

    void pump(Link *link);
    void requestListens(Link &link);
    void cancelListener(Link &link, quint16 port);
    void acceptChannels(Link &link);
    void startSplice(Link &link, quint16 port, void *channel);
    /// false when the splice is finished and can go.
    bool pumpSplice(Link &link, Splice &splice);
    bool pumpToRelay(Link &link, Splice &splice);
    bool pumpToTarget(Splice &splice);
    void finishSplice(Link &link, Splice &splice);
    void closeFinishedChannels(Link &link);
    void updateActive();
    void watchdog();
    void setState(SessionState state, const Error &error = {});

    Endpoint m_relay;
    Identity m_identity;
    SessionOptions m_options;
    QMap<quint16, ReverseForwardSpec> m_wanted;
    std::vector<std::unique_ptr<Link>> m_links;
    QTimer m_retryTimer;
    QTimer m_watchdog;
    int m_attempt = 0;
    int m_nextLinkId = 1;
    bool m_reapQueued = false;
    SessionState m_state = SessionState::Idle;
    Error m_lastError;
    QList<quint16> m_active;
    QByteArray m_scratch;
};

} // namespace suanli::ssh
