#pragma once

#include "app/defaultclock.h"
#include "protocol/agentmessages.h"
#include "protocol/types.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

namespace suanli::dashboard {

struct Notification
{
    enum class Kind
    {
        InstanceReady,
        GuardStopped,
        BalanceLow,
        ReleaseSoon,
        HostNotice,
        Payout
    };
    Kind kind = Kind::InstanceReady;
    qint64 instanceId = 0; ///< 0 for the balance
    QString key;           ///< what makes it unique; each key is shown once
    QString title;
    QString body;
    bool operator==(const Notification &) const = default;
};

/// Decides when the renter hears about something, and says it once:
/// - an instance became running (seen change to running, not an instance already running when
///   the app opened);
/// - the market's guard stopped an instance (`max_spend_reached`, `max_duration_reached`,
///   `idle_stop`, `balance_exhausted`), once per stop;
/// - a balance event carried a low-balance warning, once per threshold until a top-up;
/// - a stopped instance is released (its data destroyed) within 24 h, once per release time;
/// - the host's owner came back and an interruptible instance stops soon (a notice).
/// It only decides and words the message; how it is shown is the UI's business (`notify`).
/// The keys of release warnings can be saved and restored so a restart does not repeat them.
class Notifier : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kReleaseNoticeS = 24 * 3600;

    explicit Notifier(QObject *parent = nullptr);

    void setClock(const Clock &clock) { m_clock = &clock; }
    void setCurrency(const QString &currency) { m_currency = currency; }

    /// An instance as the list or an event shows it.
    void observeInstance(const protocol::Instance &instance);
    void observeInstances(const QList<protocol::Instance> &instances);
    void observeBalance(const protocol::BalanceEvent &event);
    /// The host's owner came back: an interruptible instance stops at `stop_at`. Named from
    /// the instances seen so far; once per instance and stop time.
    void observeNotice(const protocol::InstanceNoticeEvent &notice);
    /// Checks release times against the clock (call every minute or so).
    void tick();

    QStringList firedKeys() const;
    void restoreFiredKeys(const QStringList &keys);

    static bool isGuardReason(const QString &reason);

signals:
    void notify(const suanli::dashboard::Notification &notification);

private:
    void fire(Notification n);
    void checkRelease(const protocol::Instance &instance);
    QDateTime now() const { return m_clock->nowUtc(); }
    static QString nameOf(const protocol::Instance &instance);

    struct Seen
    {
        protocol::InstanceState state;
        bool guardNotified = false;
    };
    QHash<qint64, Seen> m_seen;
    QHash<qint64, QString> m_names; ///< labels of the instances seen, for notices
    QHash<qint64, protocol::Instance> m_stopped; ///< for release countdowns
    QSet<QString> m_fired;
    QHash<QString, Micro> m_balanceWarned; ///< threshold → balance when warned
    QString m_currency = QStringLiteral("CNY");
    const Clock *m_clock = &app::defaultClock();
};

} // namespace suanli::dashboard
