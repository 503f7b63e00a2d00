#include "session.h"

#include "sessionworker.h"
#include "socketio.h"

#include <QThread>

namespace suanli::ssh {

Session::Session(Endpoint endpoint, Identity identity, SessionOptions options, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new SessionWorker(std::move(endpoint), std::move(identity), options))
{
    m_thread->setObjectName(QStringLiteral("ssh-session"));
    m_worker->moveToThread(m_thread);
    // Runs in the session thread once its loop has stopped: the worker closes the libssh2
    // session and the sockets where they were made.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SessionWorker::stateChanged, this, &Session::onWorkerState);
    connect(m_worker, &SessionWorker::forwardChanged, this, &Session::onWorkerForward);
    m_thread->start();
}

Session::~Session()
{
    // Only at teardown: wait for the session thread so no socket or port outlives this object.
    m_thread->quit();
    m_thread->wait();
}

void Session::open()
{
    QMetaObject::invokeMethod(m_worker, &SessionWorker::open, Qt::QueuedConnection);
}

void Session::setIdentity(const Identity &identity)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, identity] { worker->setIdentity(identity); },
        Qt::QueuedConnection);
}

Result<ForwardStats> Session::addForward(const ForwardSpec &spec)
{
    auto fd = socketio::listenOnLoopback(spec.localPort);
    if (!fd)
        return fd.error();
    ForwardStats stats;
    stats.id = ++m_nextForwardId;
    stats.localPort = socketio::localPort(*fd);
    stats.remoteHost = spec.remoteHost;
    stats.remotePort = spec.remotePort;
    m_forwards.insert(stats.id, stats);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, id = stats.id, listenFd = *fd, spec] {
            worker->addForward(id, listenFd, spec);
        },
        Qt::QueuedConnection);
    return stats;
}

void Session::removeForward(int id)
{
    if (!m_forwards.remove(id))
        return;
    // The port is released in the session thread; callers that must re-bind it at once wait
    // for the next event-loop turn (tests use QTRY_*).
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id] { worker->removeForward(id); }, Qt::QueuedConnection);
}

void Session::onWorkerState(SessionState state, const Error &error)
{
    m_state = state;
    m_lastError = error;
    if (!error.code.isEmpty())
        emit errorOccurred(error);
    emit stateChanged(state);
}

void Session::onWorkerForward(const ForwardStats &stats)
{
    // A late report of a forward removed meanwhile must not bring it back.
    if (m_forwards.contains(stats.id)) {
        m_forwards.insert(stats.id, stats);
        emit forwardChanged(stats);
    }
}

} // namespace suanli::ssh
