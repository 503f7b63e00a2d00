#pragma once

// Private to the SqlStore sources: an instance row with its billing state, and helpers
// shared by sqlstore_instances.cpp, sqlstore_billing.cpp and sqlstore_agents.cpp.

#include "sqlstore.h"

#include <QDateTime>
#include <QJsonObject>

namespace suanli::server {

struct SqlStore::InstanceRow
{
    Instance inst; ///< as renters see it: ssh through the relay when it has a relay port
    /// The ssh endpoint the agent reported (saved back as is).
    std::optional<protocol::SshEndpoint> agentSsh;
    qint64 accountId = 0;
    QJsonObject spec;  ///< ssh_public_key, env, onstart, jupyter
    qint64 createdAtMs = 0;
    qint64 runningSinceMs = 0;
    qint64 stoppedAtMs = 0;
    qint64 releaseAtMs = 0;
    qint64 lastSeq = 0;
    int gpusHeld = 0;
    qint64 periodStartMs = 0;
    Micro periodCharged = 0;
    qint64 storageStartMs = 0;
    Micro storageCharged = 0;
    qint64 accrualN = 0;
    qint64 runningTotalMs = 0;
    qint64 hostOwner = 0;
    qint64 idleSinceMs = 0; ///< written only by setIdle(), never by saveInstance()
    // Prepaid plan (sqlstore_plans.cpp), written only by savePlan(), never by saveInstance().
    Micro planPriceMicro = 0; ///< per GPU and period, the offer's at launch
    qint64 planEndsMs = 0;    ///< end of the prepaid time; 0 until the plan's first `running`
    qint64 planPausedMs = 0;  ///< the host's last message while it is lost; 0 otherwise
    qint64 planN = 0;         ///< periods bought
    Micro planCharged = 0;    ///< the current period's charge (0: refunded)
    Micro planFee = 0;        ///< and its platform fee
    qint64 planNotifiedN = 0; ///< the period whose end the renter was told about
    qint64 minDurationS = 0;  ///< the offer's min_duration_s at launch
    /// The GPUs the instance rents (the gpu_count column); inst.gpu_count shows 0 while it
    /// runs without them (inst.no_gpu).
    int gpusRented = 0;
};

/// A listing's plan prices are valid: positive, at most the same time by the hour, and none on
/// an interruptible host (sqlstore_plans.cpp).
Result<void> checkPlanPrices(const protocol::HostListing &listing);
/// A listing's no-GPU price is valid: positive and at most a tenth of its GPU-hour price
/// (docs/market.md, "Starting without a GPU").
Result<void> checkNoGpuPrice(const protocol::HostListing &listing);
inline constexpr Micro kNoGpuCeilingDivisor = 10;
/// max_spend_reached, max_duration_reached, idle_stop, balance_exhausted.
bool isGuardReason(const QString &reason);
/// The cost guards of an instance are valid: limits not negative, a percentage 0 to 100.
Result<void> checkGuards(Micro maxSpend, qint64 maxDurationS, qint64 idleStopS, double idleBelowPct);

inline QDateTime msToTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

using protocol::hourlyRate;

/// Where per-second GPU billing of the running period starts: never inside prepaid time
/// (docs/market.md, "Prepaid plans").
inline qint64 billedFromMs(const SqlStore::InstanceRow &row)
{
    return std::max(row.periodStartMs, row.planEndsMs);
}

/// Whether the instance is on a plan bought and not yet over (its GPUs stay reserved when it
/// stops, and nothing per second is billed).
inline bool onPlan(const SqlStore::InstanceRow &row)
{
    return row.inst.plan != QLatin1StringView("hourly");
}

} // namespace suanli::server
