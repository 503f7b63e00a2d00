#include "traytext.h"

#include <QLocale>

namespace suanli::ui {

using State = host::LendingPolicy::State;
using Reason = host::LendingPolicy::Reason;
using Alarm = contributor::ContributorController::Alarm;

QString TrayText::stateName(State state)
{
    switch (state) {
    case State::Off:
        return tr("Off");
    case State::WaitingForIdle:
        return tr("Waiting for idle");
    case State::Listed:
        return tr("Listed");
    case State::Rented:
        return tr("Rented");
    case State::Paused:
        return tr("Paused");
    case State::Error:
        return tr("Error");
    }
    return {};
}

QString TrayText::reasonText(const host::LendingPolicy &policy)
{
    const QLocale locale;
    switch (policy.reason()) {
    case Reason::None:
        return policy.state() == State::WaitingForIdle
                   ? tr("checking whether you are using this computer")
                   : QString();
    case Reason::Disabled:
        return tr("lending is switched off");
    case Reason::OutsideSchedule:
        return tr("outside your lending hours");
    case Reason::UserActive:
        return tr("you are using this computer; lending starts after %n minute(s) idle", nullptr,
                  policy.settings().idleMinutes);
    case Reason::GpuInUse:
        return tr("you are using the GPU");
    case Reason::Fullscreen:
        return tr("a fullscreen app is running");
    case Reason::TooHot:
        return tr("the GPU is above %1 °C").arg(locale.toString(policy.settings().maxTemperatureC));
    case Reason::PowerCap:
        return tr("the GPUs draw more than %1 W").arg(locale.toString(policy.settings().maxPowerW));
    case Reason::ManualPause:
        return tr("paused until %1")
            .arg(locale.toString(policy.pausedUntil(), QLocale::ShortFormat));
    case Reason::IdleUnknown:
        return tr("cannot tell whether you are using this computer (%1); lend on a schedule "
                  "instead, or choose Lend now")
            .arg(policy.idleDetail());
    case Reason::EngineError:
        return tr("the host agent stopped with an error");
    }
    return {};
}

QString TrayText::statusLine(const contributor::ContributorController &controller)
{
    const host::LendingPolicy &policy = *controller.policy();
    if (policy.state() == State::Off && controller.unmanaged()) {
        // Local mode before lending is set up: the engine lists this machine on the app's own
        // market whatever the policy says, as the status bar tells.
        return tr("Listed on this computer's own market (local mode), not lent to anyone "
                  "else. Switch lending on to lend it by your rules.");
    }
    const QString why = reasonText(policy);
    return why.isEmpty() ? stateName(policy.state())
                         : tr("%1: %2").arg(stateName(policy.state()), why);
}

QString TrayText::tooltip(const contributor::ContributorController &controller,
                          const MoneyFormat &money)
{
    const host::LendingPolicy &policy = *controller.policy();
    QString line;
    switch (policy.state()) {
    case State::Off:
        line = controller.unmanaged() ? tr("Suanli: listed on this computer's own market")
                                      : tr("Suanli: not lending");
        break;
    case State::WaitingForIdle:
        line = tr("Suanli: waiting for idle");
        break;
    case State::Listed:
        line = tr("Suanli: listed, waiting for a renter");
        break;
    case State::Rented: {
        const Micro rate = controller.earningPerHourMicro();
        line = controller.feeKnown()
                   ? tr("Suanli: rented, earning %1 per hour").arg(money(rate))
                   : tr("Suanli: rented, earning %1 per hour before the platform fee")
                         .arg(money(rate));
        break;
    }
    case State::Paused:
        line = tr("Suanli: paused");
        break;
    case State::Error:
        line = tr("Suanli: error");
        break;
    }
    const QString why = reasonText(policy);
    if (!why.isEmpty() && policy.state() != State::Off)
        line += u'\n' + why;
    for (Alarm a : controller.alarms())
        line += u'\n' + alarmText(a);
    return line;
}

QString TrayText::alarmText(Alarm alarm)
{
    switch (alarm) {
    case Alarm::ListedNotEarning:
        return tr("Listed but not earning: check your price against the suggestion");
    case Alarm::GpuNotVisibleInContainers:
        return tr("A GPU is not visible inside containers: run the self-test in the Lend view");
    }
    return {};
}

QString TrayText::plainMoney(Micro amount, const QString &currency)
{
    return QLocale().toString(double(amount) / double(kMicroPerUnit), 'f', 2) + u' ' + currency;
}

TrayText::MoneyFormat TrayText::moneyFormat(MoneyFormat format,
                                            const contributor::ContributorController *controller)
{
    if (format)
        return format;
    return [controller](Micro amount) {
        return plainMoney(amount, controller->earnings().currency);
    };
}

} // namespace suanli::ui
