#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace suanli::server {

namespace {

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

constexpr int kMaxEvents = 256;

} // namespace

EpollDispatcher::EpollDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll >= 0 && m_wakeFd >= 0) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.fd = m_wakeFd;
        if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) != 0) {
            ::close(m_wakeFd);
            m_wakeFd = -1;
        }
    }
}

EpollDispatcher::~EpollDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

// ---- sockets ----------------------------------------------------------------------------

void EpollDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch &watch = m_watches[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    updateWatch(fd);
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    Watch &watch = it->second;
    if (watch.read == notifier)
        watch.read = nullptr;
    if (watch.write == notifier)
        watch.write = nullptr;
    if (watch.exception == notifier)
        watch.exception = nullptr;
    updateWatch(fd);
}

void EpollDispatcher::updateWatch(int fd)
{
    auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    Watch &watch = it->second;
    const quint32 wanted = (watch.read ? quint32(EPOLLIN) : 0u)
        | (watch.write ? quint32(EPOLLOUT) : 0u) | (watch.exception ? quint32(EPOLLPRI) : 0u);
    if (wanted == 0) {
        // Already gone from the kernel's set when the descriptor was closed: ENOENT is fine.
        if (watch.registered)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        m_watches.erase(it);
        return;
    }
    if (wanted == watch.registered)
        return;
    epoll_event event{};
    event.events = wanted;
    event.data.fd = fd;
    int op = watch.registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (epoll_ctl(m_epoll, op, fd, &event) != 0) {
        // The descriptor was closed and reused behind our back (MOD: ENOENT), or is still
        // known to the kernel from before (ADD: EEXIST): the other operation is right.
        if ((op == EPOLL_CTL_MOD && errno == ENOENT) || (op == EPOLL_CTL_ADD && errno == EEXIST)) {
            op = op == EPOLL_CTL_MOD ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
            if (epoll_ctl(m_epoll, op, fd, &event) != 0) {
                qWarning("EpollDispatcher: cannot watch descriptor %d (errno %d)", fd, errno);
                return;
            }
        } else {
            qWarning("EpollDispatcher: cannot watch descriptor %d (errno %d)", fd, errno);
            return;
        }
    }
    watch.registered = wanted;
}

void EpollDispatcher::dispatchSocket(int fd, quint32 events)
{
    // Look the descriptor up before each delivery: a handler may unregister or delete the
    // other notifiers of the same descriptor.
    auto deliver = [this, fd](QSocketNotifier *Watch::*which) {
        auto it = m_watches.find(fd);
        if (it == m_watches.end() || !(it->second.*which))
            return;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(it->second.*which, &event);
    };
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
        deliver(&Watch::read);
    if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
        deliver(&Watch::write);
    if (events & EPOLLPRI)
        deliver(&Watch::exception);
}

// ---- timers -----------------------------------------------------------------------------

void EpollDispatcher::setDue(int timerId, Timer &timer, qint64 dueMs)
{
    m_queue.erase({timer.dueMs, timerId});
    timer.dueMs = dueMs;
    m_queue.insert({dueMs, timerId});
}

void EpollDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                    QObject *object)
{
    Timer &timer = m_timers[timerId];
    timer.intervalMs = std::max<qint64>(0, interval);
    timer.type = timerType;
    timer.object = object;
    timer.firing = false;
    setDue(timerId, timer, nowMs() + timer.intervalMs);
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_queue.erase({it->second.dueMs, timerId});
    m_timers.erase(it);
    return true;
}

bool EpollDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object == object) {
            m_queue.erase({it->second.dueMs, it->first});
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    for (const auto &[id, timer] : m_timers) {
        if (timer.object == object)
            list.append(TimerInfo(id, int(timer.intervalMs), timer.type));
    }
    return list;
}

int EpollDispatcher::remainingTime(int timerId)
{
    auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    return int(std::max<qint64>(0, it->second.dueMs - nowMs()));
}

qint64 EpollDispatcher::msUntilNextTimer() const
{
    for (const auto &[due, id] : m_queue) {
        if (!m_timers.at(id).firing)
            return std::max<qint64>(0, due - nowMs());
    }
    return -1;
}

int EpollDispatcher::activateTimers()
{
    const qint64 now = nowMs();
    // Timers due now, earliest first; handlers may add, remove or restart any of them.
    QList<int> due;
    for (const auto &[dueMs, id] : m_queue) {
        if (dueMs > now)
            break;
        due.append(id);
    }
    int fired = 0;
    for (int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end() || it->second.firing || it->second.dueMs > now)
            continue;
        Timer &timer = it->second;
        // As Qt's Unix dispatcher: keep the rhythm, but never schedule into the past.
        qint64 next = timer.dueMs + timer.intervalMs;
        if (next <= now)
            next = now + timer.intervalMs;
        setDue(id, timer, next);
        timer.firing = true;
        QObject *object = timer.object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        if (auto again = m_timers.find(id); again != m_timers.end())
            again->second.firing = false;
    }
    return fired;
}

// ---- the loop ---------------------------------------------------------------------------

void EpollDispatcher::wakeUp()
{
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        return; // already signalled and not yet consumed
    const quint64 one = 1;
    while (::write(m_wakeFd, &one, sizeof one) < 0 && errno == EINTR) {
    }
}

void EpollDispatcher::interrupt()
{
    m_interrupted.store(true, std::memory_order_release);
    wakeUp();
}

bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false, std::memory_order_release);
    emit awake();
    QCoreApplication::sendPostedEvents();

    int timeout = 0;
    if ((flags & QEventLoop::WaitForMoreEvents) && !m_interrupted.load(std::memory_order_acquire)) {
        const qint64 next = msUntilNextTimer();
        timeout = next < 0 ? -1 : int(std::min<qint64>(next, 24 * 3600 * 1000));
    }
    if (timeout != 0)
        emit aboutToBlock();

    epoll_event events[kMaxEvents];
    int ready = epoll_wait(m_epoll, events, kMaxEvents, timeout);
    if (ready < 0)
        ready = 0; // EINTR: a signal, nothing else happened
    if (timeout != 0)
        emit awake();

    int activity = 0;
    for (int i = 0; i < ready; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_wakeFd) {
            quint64 count = 0;
            while (::read(m_wakeFd, &count, sizeof count) < 0 && errno == EINTR) {
            }
            m_wakeUpPending.store(false, std::memory_order_release);
            continue; // the posted events are sent on the next pass, first thing
        }
        if (flags & QEventLoop::ExcludeSocketNotifiers)
            continue; // level-triggered: reported again when sockets are wanted
        dispatchSocket(fd, events[i].events);
        ++activity;
    }
    if (!(flags & QEventLoop::X11ExcludeTimers))
        activity += activateTimers();
    return activity > 0;
}

} // namespace suanli::server
