#include "notifier.h"

#include "app/moneyformat.h"

using namespace Qt::StringLiterals;

namespace suanli::dashboard {

using protocol::InstanceState;

Notifier::Notifier(QObject *parent)
    : QObject(parent)
{
}

bool Notifier::isGuardReason(const QString &reason)
{
    return reason == "max_spend_reached"_L1 || reason == "max_duration_reached"_L1
        || reason == "idle_stop"_L1 || reason == "balance_exhausted"_L1;
}

QString Notifier::nameOf(const protocol::Instance &instance)
{
    return instance.label.isEmpty() ? tr("Instance %1").arg(instance.id) : instance.label;
}

void Notifier::fire(Notification n)
{
    if (m_fired.contains(n.key))
        return;
    m_fired.insert(n.key);
    emit notify(n);
}

void Notifier::observeInstances(const QList<protocol::Instance> &instances)
{
    for (const auto &i : instances)
        observeInstance(i);
}

void Notifier::observeInstance(const protocol::Instance &instance)
{
    const auto previous = m_seen.constFind(instance.id);
    const bool known = previous != m_seen.cend();
    Seen seen{instance.state, known && previous->guardNotified};
    const QString name = nameOf(instance);

    if (instance.state == InstanceState::Running) {
        seen.guardNotified = false; // a new running period can be stopped again
        if (known && previous->state != InstanceState::Running) {
            fire({Notification::Kind::InstanceReady, instance.id,
                  u"ready:%1:%2"_s.arg(instance.id).arg(instance.running_since.toMSecsSinceEpoch()),
                  tr("%1 is ready").arg(name),
                  instance.gpu_count > 0
                      ? tr("%1 × %2 is running; connect over SSH.")
                            .arg(instance.gpu_count)
                            .arg(instance.gpu_model)
                      : tr("It is running without a GPU (CPU only); connect over SSH.")});
        }
    } else if ((instance.state == InstanceState::Stopping || instance.state == InstanceState::Stopped)
               && isGuardReason(instance.state_reason) && known && !seen.guardNotified
               && (previous->state == InstanceState::Running
                   || previous->state == InstanceState::Starting
                   || previous->state == InstanceState::Stopping)) {
        seen.guardNotified = true;
        QString why;
        if (instance.state_reason == "max_spend_reached"_L1)
            why = tr("it reached its spending limit of %1.")
                      .arg(app::formatMoney(instance.max_spend_micro, m_currency, QLocale()));
        else if (instance.state_reason == "max_duration_reached"_L1)
            why = tr("it reached its time limit of %1.")
                      .arg(app::formatDuration(instance.max_duration_s));
        else if (instance.state_reason == "idle_stop"_L1)
            why = tr("its GPUs were idle for %1 with no SSH session.")
                      .arg(app::formatDuration(instance.idle_stop_s));
        else
            why = tr("the balance ran out.");
        fire({Notification::Kind::GuardStopped, instance.id,
              u"guard:%1:%2:%3"_s.arg(instance.id).arg(instance.state_reason)
                  .arg(instance.running_since.isValid() ? instance.running_since.toMSecsSinceEpoch()
                                                        : instance.stopped_at.toMSecsSinceEpoch()),
              tr("%1 was stopped").arg(name),
              tr("The market stopped %1 because %2 Its data is kept.").arg(name, why)});
    }
    m_seen.insert(instance.id, seen);
    m_names.insert(instance.id, name);

    if (instance.state == InstanceState::Stopped && instance.release_at.isValid())
        m_stopped.insert(instance.id, instance);
    else
        m_stopped.remove(instance.id);
    if (instance.state == InstanceState::Destroyed)
        m_seen.remove(instance.id);
    checkRelease(instance);
}

void Notifier::checkRelease(const protocol::Instance &instance)
{
    if (instance.state != InstanceState::Stopped || !instance.release_at.isValid())
        return;
    const qint64 left = now().secsTo(instance.release_at);
    if (left <= 0 || left > kReleaseNoticeS)
        return;
    fire({Notification::Kind::ReleaseSoon, instance.id,
          u"release:%1:%2"_s.arg(instance.id).arg(instance.release_at.toMSecsSinceEpoch()),
          tr("%1 will be released").arg(nameOf(instance)),
          tr("%1 has been stopped for a while: its data is destroyed in %2 unless you start it.")
              .arg(nameOf(instance), app::formatDuration(left))});
}

void Notifier::tick()
{
    for (const auto &instance : std::as_const(m_stopped))
        checkRelease(instance);
}

void Notifier::observeBalance(const protocol::BalanceEvent &event)
{
    if (!event.currency.isEmpty())
        m_currency = event.currency;
    // A top-up re-arms the warnings, as the market re-arms its own.
    for (auto it = m_balanceWarned.begin(); it != m_balanceWarned.end();) {
        if (event.balance_micro > it.value()) {
            m_fired.remove(u"balance:"_s + it.key());
            it = m_balanceWarned.erase(it);
        } else {
            ++it;
        }
    }
    if (!event.warning)
        return;
    const auto &w = *event.warning;
    const QString balance = app::formatMoney(event.balance_micro, m_currency, QLocale());
    QString body;
    if (w.threshold == "below_threshold"_L1)
        body = tr("Your balance is down to %1, below the amount you set.").arg(balance);
    else if (w.runway_s > 0)
        body = tr("Your balance of %1 lasts about %2 at %3 per hour.")
                   .arg(balance, app::formatDuration(w.runway_s),
                        app::formatMoney(w.burn_micro_per_hour, m_currency, QLocale()));
    else
        body = tr("Your balance is down to %1.").arg(balance);
    const QString key = u"balance:"_s + w.threshold;
    if (!m_fired.contains(key))
        m_balanceWarned.insert(w.threshold, event.balance_micro);
    fire({Notification::Kind::BalanceLow, 0, key, tr("Balance running low"),
          body + u' ' + tr("Top up to keep your instances running.")});
}

void Notifier::observeNotice(const protocol::InstanceNoticeEvent &notice)
{
    const QString name = m_names.value(notice.instance_id, tr("Instance %1").arg(notice.instance_id));
    const qint64 left = qMax<qint64>(0, now().secsTo(notice.stop_at));
    const QString when = notice.stop_at.isValid()
        ? QLocale().toString(notice.stop_at.toLocalTime().time(), QLocale::ShortFormat)
        : QString();
    QString body;
    if (notice.reason == "host_owner_returned"_L1 || notice.reason.isEmpty())
        body = tr("The owner of the machine that runs %1 needs it back. %1 stops in %2 (at %3); "
                  "its data is kept and billing ends at the stop.")
                   .arg(name, app::formatDuration(left), when);
    else
        body = tr("%1 stops in %2 (at %3): %4. Its data is kept and billing ends at the stop.")
                   .arg(name, app::formatDuration(left), when, notice.reason);
    fire({Notification::Kind::HostNotice, notice.instance_id,
          u"notice:%1:%2"_s.arg(notice.instance_id).arg(notice.stop_at.toMSecsSinceEpoch()),
          tr("%1 stops soon").arg(name), body + u' ' + tr("Save your work now.")});
}

QStringList Notifier::firedKeys() const
{
    QStringList keys;
    for (const QString &key : m_fired) {
        if (key.startsWith("release:"_L1))
            keys.append(key);
    }
    keys.sort();
    return keys;
}

void Notifier::restoreFiredKeys(const QStringList &keys)
{
    for (const QString &key : keys)
        m_fired.insert(key);
}

} // namespace suanli::dashboard
