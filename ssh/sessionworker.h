#pragma once

#include "forwardengine.h"
#include "protocol/result.h"
#include "sshtypes.h"

#include <QObject>
#include <QTimer>

namespace suanli::ssh {

class Transport;

/// The part of a Session that lives in the session's own thread: the current Transport, the
/// forwards, and the reconnect policy (exponential backoff with jitter; fatal errors stop it).
class SessionWorker : public QObject
{
    Q_OBJECT
public:
    SessionWorker(Endpoint endpoint, Identity identity, SessionOptions options);
    ~SessionWorker() override;

    void open();
    void setIdentity(const suanli::ssh::Identity &identity) { m_identity = identity; }
    void addForward(int id, int listenFd, const suanli::ssh::ForwardSpec &spec);
    void removeForward(int id);

signals:
    void stateChanged(suanli::ssh::SessionState state, const suanli::Error &error);
    void forwardChanged(const suanli::ssh::ForwardStats &stats);

private:
    void connectNow();
    void onReady();
    void onFailed(const suanli::Error &error, bool fatal);
    void dropTransport();
    void setState(SessionState state, const Error &error = {});

    Endpoint m_endpoint;
    Identity m_identity;
    SessionOptions m_options;
    ForwardEngine m_engine;
    Transport *m_transport = nullptr;
    QTimer m_retryTimer;
    int m_attempt = 0;
    SessionState m_state = SessionState::Idle;
};

} // namespace suanli::ssh
