#pragma once

#include <QAbstractEventDispatcher>

#include <atomic>
#include <map>
#include <set>
#include <unordered_map>

namespace suanli::server {

/// An event dispatcher on Linux epoll, for the market's thread.
///
/// Qt's dispatchers (glib and the plain Unix one) hand every registered socket to poll() on
/// each wake-up, so a market holding 10,000 agent connections spends most of a core in the
/// kernel walking sockets that have nothing to say. With epoll a wake-up costs what is ready,
/// not what is open. It serves a QCoreApplication (no GUI events); install it with
/// QCoreApplication::setEventDispatcher() before the application object is made.
///
/// Semantics follow Qt's Unix dispatcher: posted events first, then sockets (a hang-up or error
/// wakes both read and write notifiers), then due timers; a timer is never re-entered while
/// its own handler runs; every timer kind is served at millisecond precision.
class EpollDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollDispatcher(QObject *parent = nullptr);
    ~EpollDispatcher() override;

    /// False when the kernel refused epoll or eventfd; do not install it then.
    bool isValid() const { return m_epoll >= 0 && m_wakeFd >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 registered = 0; ///< the epoll mask the kernel has
    };
    struct Timer
    {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 dueMs = 0;
        bool firing = false;
    };

    void updateWatch(int fd);
    void dispatchSocket(int fd, quint32 events);
    int activateTimers();
    void setDue(int timerId, Timer &timer, qint64 dueMs);
    qint64 msUntilNextTimer() const;

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_wakeUpPending{false};
    std::atomic<bool> m_interrupted{false};
    std::unordered_map<int, Watch> m_watches;   ///< by file descriptor
    std::map<int, Timer> m_timers;              ///< by timer id
    std::set<std::pair<qint64, int>> m_queue;   ///< (due, timer id), earliest first
};

} // namespace suanli::server
