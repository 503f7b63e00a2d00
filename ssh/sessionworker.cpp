#include "sessionworker.h"

#include "transport.h"

#include "protocol/backoff.h"

#include <algorithm>

namespace suanli::ssh {

SessionWorker::SessionWorker(Endpoint endpoint, Identity identity, SessionOptions options)
    : m_endpoint(std::move(endpoint))
    , m_identity(std::move(identity))
    , m_options(options)
    , m_engine(this)
    , m_retryTimer(this) // a child, so that moveToThread() takes it along
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SessionWorker::connectNow);
    connect(&m_engine, &ForwardEngine::statsChanged, this, &SessionWorker::forwardChanged);
}

SessionWorker::~SessionWorker()
{
    m_retryTimer.stop();
    m_engine.setTransport(nullptr);
    m_engine.removeAll();
    if (m_transport) {
        m_transport->close();
        delete m_transport;
    }
}

void SessionWorker::open()
{
    if (m_transport || m_state == SessionState::Connected)
        return;
    m_attempt = 0;
    connectNow();
}

void SessionWorker::addForward(int id, int listenFd, const ForwardSpec &spec)
{
    m_engine.addForward(id, listenFd, spec);
}

void SessionWorker::removeForward(int id)
{
    m_engine.removeForward(id);
}

void SessionWorker::connectNow()
{
    dropTransport();
    setState(SessionState::Connecting);
    m_transport = new Transport(m_endpoint, m_identity, m_options, this);
    connect(m_transport, &Transport::ready, this, &SessionWorker::onReady);
    connect(m_transport, &Transport::failed, this, &SessionWorker::onFailed);
    connect(m_transport, &Transport::activity, &m_engine, &ForwardEngine::pump);
    m_transport->start();
}

void SessionWorker::onReady()
{
    m_attempt = 0;
    setState(SessionState::Connected);
    m_engine.setTransport(m_transport);
}

void SessionWorker::onFailed(const Error &error, bool fatal)
{
    dropTransport();
    if (fatal || !m_options.reconnect) {
        setState(SessionState::Failed, error);
        return;
    }
    // Jittered, so the sessions of many tunnels do not all knock at the same moment. The first
    // wait is between reconnectDelayMin and twice that: the minimum stays a minimum.
    m_retryTimer.start(std::chrono::milliseconds(
        protocol::backoffMs(m_attempt++, 2 * m_options.reconnectDelayMin.count(),
                            m_options.reconnectDelayMax.count())));
    setState(SessionState::WaitingToReconnect, error);
}

void SessionWorker::dropTransport()
{
    if (!m_transport)
        return;
    m_engine.setTransport(nullptr);
    m_transport->disconnect(this);
    m_transport->disconnect(&m_engine);
    m_transport->close();
    // It may be inside its own signal right now.
    m_transport->deleteLater();
    m_transport = nullptr;
}

void SessionWorker::setState(SessionState state, const Error &error)
{
    if (state == m_state && error.code.isEmpty())
        return;
    m_state = state;
    emit stateChanged(state, error);
}

} // namespace suanli::ssh
