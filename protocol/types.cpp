#include "types.h"

#include "agentmessages.h"

#include <array>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace suanli::protocol {

namespace {

// The wire spelling of each state, indexed by the enum value.
constexpr std::array<std::pair<InstanceState, QLatin1StringView>, 10> kStateNames{{
    {InstanceState::Pending, "pending"_L1},
    {InstanceState::Provisioning, "provisioning"_L1},
    {InstanceState::Running, "running"_L1},
    {InstanceState::Stopping, "stopping"_L1},
    {InstanceState::Stopped, "stopped"_L1},
    {InstanceState::Starting, "starting"_L1},
    {InstanceState::Destroying, "destroying"_L1},
    {InstanceState::Destroyed, "destroyed"_L1},
    {InstanceState::Failed, "failed"_L1},
    {InstanceState::Interrupted, "interrupted"_L1},
}};

constexpr std::array<std::pair<CommandAction, QLatin1StringView>, 9> kActionNames{{
    {CommandAction::Create, "create"_L1},
    {CommandAction::Start, "start"_L1},
    {CommandAction::Stop, "stop"_L1},
    {CommandAction::Destroy, "destroy"_L1},
    {CommandAction::SaveImage, "save_image"_L1},
    {CommandAction::DeleteImage, "delete_image"_L1},
    {CommandAction::AuthorizeKey, "authorize_key"_L1},
    {CommandAction::RevokeKey, "revoke_key"_L1},
    {CommandAction::Copy, "copy"_L1},
}};

} // namespace

QString toString(InstanceState state)
{
    for (const auto &[value, name] : kStateNames) {
        if (value == state)
            return QString(name);
    }
    return {};
}

std::optional<InstanceState> instanceStateFromString(const QString &text)
{
    for (const auto &[value, name] : kStateNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

bool isAllowedTransition(InstanceState from, InstanceState to)
{
    using S = InstanceState;
    if (from == to)
        return false;
    // Destroyed is terminal; everything else may be destroyed (data gone), and everything
    // that is not terminal (destroyed, failed) may fail — a failed destroy included, so that
    // it can be retried from failed.
    if (from == S::Destroyed)
        return false;
    if (to == S::Destroying)
        return true;
    if (to == S::Failed)
        return from != S::Failed;
    switch (from) {
    case S::Pending:
        return to == S::Provisioning;
    case S::Provisioning:
        return to == S::Running || to == S::Interrupted;
    case S::Running:
        return to == S::Stopping || to == S::Interrupted;
    case S::Stopping:
        return to == S::Stopped || to == S::Interrupted;
    case S::Stopped:
        return to == S::Starting;
    case S::Starting:
        return to == S::Running || to == S::Interrupted;
    case S::Destroying:
        return to == S::Destroyed;
    case S::Interrupted:
        // Restart; reconciliation when the agent reports it stopped; or the agent came back
        // and reports the container still running.
        return to == S::Starting || to == S::Stopped || to == S::Running;
    case S::Failed:
        // Only destroying (handled above) leaves failed.
        return false;
    case S::Destroyed:
        return false;
    }
    return false;
}

bool isBilledRunning(InstanceState state)
{
    return state == InstanceState::Running;
}

QString toString(CommandAction action)
{
    for (const auto &[value, name] : kActionNames) {
        if (value == action)
            return QString(name);
    }
    return {};
}

std::optional<CommandAction> commandActionFromString(const QString &text)
{
    for (const auto &[value, name] : kActionNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

// ---- prepaid plans ----------------------------------------------------------------------------

std::optional<qint64> planPeriodS(const QString &plan)
{
    if (plan == "hourly"_L1)
        return 0;
    if (plan == "day"_L1)
        return 86'400;
    if (plan == "week"_L1)
        return 7 * 86'400;
    if (plan == "month"_L1)
        return 30 * 86'400;
    return std::nullopt;
}

Micro hourlyRate(const Instance &instance)
{
    if (instance.no_gpu)
        return instance.price_nogpu_hour_micro.value_or(0);
    return instance.price_gpu_hour_micro * std::max(1, instance.gpu_count);
}

std::optional<Micro> planPrice(const Offer &offer, const QString &plan)
{
    if (plan == "day"_L1)
        return offer.price_gpu_day_micro;
    if (plan == "week"_L1)
        return offer.price_gpu_week_micro;
    if (plan == "month"_L1)
        return offer.price_gpu_month_micro;
    return std::nullopt;
}

} // namespace suanli::protocol
