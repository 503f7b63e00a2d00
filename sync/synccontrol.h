#pragma once

#include "synctypes.h"

#include <QMutex>
#include <QWaitCondition>

#include "ssh/blockingsession.h"

#include <atomic>

namespace suanli::sync {

/// State shared between a SyncJob (any thread), its runner and the transfer threads: pause,
/// cancel, the first fatal error, and progress counters read by the job's timer.
class SyncControl
{
public:
    std::atomic<qint64> bytesDone{0};
    std::atomic<qint64> bytesTotal{0};
    std::atomic<qint64> filesDone{0};
    std::atomic<qint64> filesTotal{0};
    std::atomic<qint64> bytesTransferred{0};
    std::atomic<qint64> bytesResumed{0};

    bool isCancelled() const { return m_cancelled.load(); }
    bool isPaused() const { return m_paused.load(); }
    bool shouldStop() const { return m_cancelled.load() || m_failed.load(); }

    void pause() { m_paused = true; }
    void resume()
    {
        QMutexLocker lock(&m_mutex);
        m_paused = false;
        m_wake.wakeAll();
    }
    void cancel()
    {
        QMutexLocker lock(&m_mutex);
        m_cancelled = true;
        m_wake.wakeAll();
        for (ssh::BlockingSession *session : std::as_const(m_sessions))
            session->abort();
    }
    /// Blocks the calling transfer thread while paused. False when the run must stop.
    bool waitWhilePaused()
    {
        if (m_paused.load()) {
            QMutexLocker lock(&m_mutex);
            while (m_paused.load() && !m_cancelled.load() && !m_failed.load())
                m_wake.wait(&m_mutex);
        }
        return !shouldStop();
    }
    /// The first fatal error stops every transfer thread (a lost link, a full disk).
    void fail(const Error &error)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_failed.exchange(true))
            m_error = error;
        m_wake.wakeAll();
    }
    Error error() const
    {
        QMutexLocker lock(&m_mutex);
        return m_error;
    }
    bool failed() const { return m_failed.load(); }

    /// Sessions to abort on cancel (their blocked calls return at once).
    void registerSession(ssh::BlockingSession *session)
    {
        QMutexLocker lock(&m_mutex);
        m_sessions.append(session);
        if (m_cancelled.load())
            session->abort();
    }
    void unregisterSession(ssh::BlockingSession *session)
    {
        QMutexLocker lock(&m_mutex);
        m_sessions.removeAll(session);
    }

private:
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_failed{false};
    Error m_error;
    QList<ssh::BlockingSession *> m_sessions;
};

} // namespace suanli::sync
