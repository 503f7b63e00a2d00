#pragma once

#include "protocol/result.h"
#include "sshtypes.h"

#include <QHash>
#include <QObject>

class QThread;

namespace suanli::ssh {

class SessionWorker;

/// An SSH session to one instance, with its local port forwards. The libssh2 session runs in a
/// thread of its own that owns it (libssh2 is not thread-safe); this object is the handle the
/// rest of the app holds, in any thread, and hears about the session through signals.
///
/// The session keeps itself alive: keepalives detect a dead link (network drop, laptop sleep),
/// and a lost connection is retried with backoff until close() or destruction. A host key that
/// differs from the pinned one, or a refused key, stops it for good (state Failed).
/// Destroying the Session closes everything, forwards included; none outlives it.
class Session : public QObject
{
    Q_OBJECT
public:
    Session(Endpoint endpoint, Identity identity, SessionOptions options = {},
            QObject *parent = nullptr);
    ~Session() override;

    /// Starts connecting (asynchronously); stateChanged() tells how it goes. After a fatal
    /// error (Failed) it tries again from the start.
    void open();
    /// The key (and passphrase) for the next connection attempt, e.g. once the user typed the
    /// passphrase that was missing or wrong; then open() again.
    void setIdentity(const Identity &identity);

    SessionState state() const { return m_state; }
    /// The error behind the current state (Failed, WaitingToReconnect); empty code otherwise.
    const Error &lastError() const { return m_lastError; }

    /// Listens on 127.0.0.1:spec.localPort right away — a busy port is an error here, before
    /// anything connects — and forwards each connection through the session once it is up.
    Result<ForwardStats> addForward(const ForwardSpec &spec);
    /// Closes the forward's connections and frees its local port at once.
    void removeForward(int id);
    QList<ForwardStats> forwards() const { return m_forwards.values(); }
    ForwardStats forward(int id) const { return m_forwards.value(id); }

signals:
    void stateChanged(suanli::ssh::SessionState state);
    /// Every failure, retried or not (state() tells which).
    void errorOccurred(const suanli::Error &error);
    /// Connection counts and bytes, at most five times a second per forward.
    void forwardChanged(const suanli::ssh::ForwardStats &stats);

private:
    void onWorkerState(SessionState state, const Error &error);
    void onWorkerForward(const ForwardStats &stats);

    QThread *m_thread = nullptr;
    SessionWorker *m_worker = nullptr;
    SessionState m_state = SessionState::Idle;
    Error m_lastError;
    QHash<int, ForwardStats> m_forwards;
    int m_nextForwardId = 0;
};

} // namespace suanli::ssh
