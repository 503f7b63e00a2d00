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
};

/// max_spend_reached, max_duration_reached, idle_stop, balance_exhausted.
bool isGuardReason(const QString &reason);
/// The cost guards of an instance are valid: limits not negative, a percentage 0 to 100.
Result<void> checkGuards(Micro maxSpend, qint64 maxDurationS, qint64 idleStopS, double idleBelowPct);

inline QDateTime msToTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

/// Hourly rate of an instance: per-GPU price × GPUs, or the whole-machine price without GPUs.
inline Micro hourlyRate(const Instance &inst)
{
    return inst.price_gpu_hour_micro * std::max(1, inst.gpu_count);
}

} // namespace suanli::server
