#include "sqlstore_rows.h"

using namespace Qt::StringLiterals;
using suanli::protocol::InstanceState;

namespace suanli::server {

// The cost guard (docs/market.md, "Billing as implemented"): limits the renter sets per instance
// (max spend, max duration, idle stop), low-balance warnings per account, and the record of what
// the guard did. The market enforces all of it in its billing run, so it holds while the app is
// closed.

namespace {

struct RunwayThreshold
{
    int bit;
    qint64 seconds;
    const char *name;
};

// Warned once per crossing; re-armed when the runway is back above 1.5× the threshold.
constexpr RunwayThreshold kRunwayThresholds[] = {{1, 86'400, "runway_24h"}, {2, 3'600, "runway_1h"}};
constexpr int kOwnThresholdBit = 4;

} // namespace

bool isGuardReason(const QString &reason)
{
    return reason == "max_spend_reached"_L1 || reason == "max_duration_reached"_L1
        || reason == "idle_stop"_L1 || reason == "balance_exhausted"_L1;
}

Result<void> checkGuards(Micro maxSpend, qint64 maxDurationS, qint64 idleStopS, double idleBelowPct)
{
    if (maxSpend < 0 || maxDurationS < 0 || idleStopS < 0)
        return makeError(u"invalid_value"_s, u"limits cannot be negative"_s);
    if (!(idleBelowPct >= 0 && idleBelowPct <= 100))
        return makeError(u"invalid_value"_s, u"idle_below_pct is a percentage, 0 to 100"_s,
                         u"idle_below_pct"_s);
    return {};
}

Result<Instance> SqlStore::updateGuards(qint64 accountId, qint64 instanceId,
                                        const protocol::InstanceGuardsPatch &patch)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto row = loadInstance(instanceId);
    if (!row)
        return row.error();
    if (row->accountId != accountId)
        return makeError(u"not_found"_s, u"no instance %1"_s.arg(instanceId));
    Instance &i = row->inst;
    i.max_spend_micro = patch.max_spend_micro.value_or(i.max_spend_micro);
    i.max_duration_s = patch.max_duration_s.value_or(i.max_duration_s);
    i.idle_stop_s = patch.idle_stop_s.value_or(i.idle_stop_s);
    i.idle_below_pct = patch.idle_below_pct.value_or(i.idle_below_pct);
    if (auto g = checkGuards(i.max_spend_micro, i.max_duration_s, i.idle_stop_s, i.idle_below_pct);
        !g)
        return g.error();
    // Prepaid plans (sqlstore_plans.cpp): renewal can be switched while the plan runs.
    if (patch.renew) {
        if (!onPlan(*row))
            return makeError(u"invalid_value"_s,
                             u"renew applies to an instance on a day, week or month plan"_s,
                             u"renew"_s);
        i.renew = *patch.renew;
        if (auto s = savePlan(*row); !s)
            return s.error();
    }
    // idle_since starts over: the market measures idleness against the new setting.
    auto r = m_db->exec(u"UPDATE instances SET max_spend_micro = ?, max_duration_s = ?, "
                        "idle_stop_s = ?, idle_below_pct = ?, idle_since = 0 WHERE id = ?"_s,
                        {i.max_spend_micro, i.max_duration_s, i.idle_stop_s, i.idle_below_pct,
                         instanceId});
    if (!r)
        return r.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return i;
}

Result<Account> SqlStore::setLowBalance(qint64 accountId, Micro threshold)
{
    if (threshold < 0)
        return makeError(u"invalid_value"_s, u"low_balance_micro cannot be negative"_s,
                         u"low_balance_micro"_s);
    // A new threshold is a new promise: warn again if the balance is already below it.
    auto r = m_db->exec(u"UPDATE accounts SET low_balance_micro = ?, "
                        "low_balance_warned = low_balance_warned & ? WHERE id = ?"_s,
                        {threshold, ~kOwnThresholdBit, accountId});
    if (!r)
        return r.error();
    return account(accountId);
}

Result<IdleGuard> SqlStore::idleGuard(qint64 instanceId)
{
    // Started without a GPU: judged by its CPU, as a machine without GPUs is.
    auto q = m_db->exec(u"SELECT idle_stop_s, idle_below_pct, "
                        "CASE WHEN no_gpu THEN 0 ELSE gpu_count END, state FROM instances "
                        "WHERE id = ?"_s,
                        {instanceId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(u"not_found"_s, u"no instance %1"_s.arg(instanceId));
    IdleGuard g;
    g.stopAfterS = q->value(0).toLongLong();
    g.belowPct = q->value(1).toDouble();
    g.gpuCount = q->value(2).toInt();
    g.running = q->value(3).toString() == "running"_L1;
    q->finish();
    return g;
}

Result<void> SqlStore::setIdleSince(qint64 instanceId, qint64 sinceMs)
{
    auto r = m_db->exec(u"UPDATE instances SET idle_since = ? WHERE id = ?"_s,
                        {sinceMs, instanceId});
    if (!r)
        return r.error();
    return {};
}

Result<QList<InstanceHistoryEntry>> SqlStore::instanceHistory(qint64 instanceId)
{
    auto q = m_db->exec(u"SELECT at, state, reason FROM instance_events WHERE instance_id = ? "
                        "ORDER BY id"_s,
                        {instanceId});
    if (!q)
        return q.error();
    QList<InstanceHistoryEntry> list;
    while (q->next())
        list.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString()});
    return list;
}

Result<void> SqlStore::recordGuardAction(InstanceRow &row, const QString &reason, qint64 nowMs)
{
    // One line per stop: two market processes stopping the same running period compute the
    // same key, and the second one's line is dropped with its savepoint.
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    const QString key = u"lease:%1:guard:%2:%3"_s.arg(row.inst.id).arg(reason).arg(
        row.periodStartMs ? row.periodStartMs : nowMs);
    auto entry = appendLedger(row.accountId, u"guard"_s, 0, key, row.inst.id,
                              u"Stopped by the cost guard: %1"_s.arg(reason), nowMs);
    if (!entry) {
        if (entry.error().code == "conflict"_L1)
            return {}; // the savepoint rolls back; the other process recorded it
        return entry.error();
    }
    return tx.commit();
}

Result<void> SqlStore::checkLowBalance(qint64 accountId, QList<Change> &changes)
{
    // A transaction with the account locked: two runs at once (the worker's and a direct one,
    // or two processes) must not both see a threshold as new and both warn.
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto a = m_db->exec(u"SELECT balance_micro, low_balance_micro, low_balance_warned "
                        "FROM accounts WHERE id = ?"_s + m_db->forUpdate(),
                        {accountId});
    if (!a)
        return a.error();
    if (!a->next())
        return {};
    const Micro balance = a->value(0).toLongLong();
    const Micro own = a->value(1).toLongLong();
    const int warned = a->value(2).toInt();
    a->finish();

    // What the account burns per hour now: GPU time of running instances, storage of stopped.
    // An instance on a prepaid plan burns nothing while the plan runs: its period is paid and
    // it pays no storage while stopped (docs/market.md, "Prepaid plans"); when the plan ends
    // without a renewal it turns hourly and counts again.
    auto q = m_db->exec(u"SELECT state, gpu_count, price_gpu_hour_micro, disk_gb, "
                        "price_storage_gb_month_micro, no_gpu, price_nogpu_hour_micro "
                        "FROM instances WHERE account_id = ? AND "
                        "state IN ('running','stopping','stopped') AND plan = 'hourly'"_s,
                        {accountId});
    if (!q)
        return q.error();
    Micro burn = 0;
    while (q->next()) {
        if (q->value(0).toString() == "stopped"_L1) {
            burn += storageChargeForSeconds(q->value(4).toLongLong(), q->value(3).toLongLong(),
                                            3600);
        } else if (q->value(5).toBool()) {
            burn += q->value(6).toLongLong(); // started without a GPU
        } else {
            burn += q->value(2).toLongLong() * std::max(1, q->value(1).toInt());
        }
    }
    const qint64 runway = burn > 0 ? qint64(std::max<Micro>(0, balance) * 3600 / burn) : 0;

    int now = warned;
    const RunwayThreshold *crossed = nullptr;
    for (const RunwayThreshold &t : kRunwayThresholds) {
        if (burn > 0 && runway < t.seconds) {
            if (!(warned & t.bit))
                crossed = &t; // the most severe new crossing is the one said
            now |= t.bit;
        } else if (burn == 0 || runway >= t.seconds * 3 / 2) {
            now &= ~t.bit;
        }
    }
    bool belowOwn = false;
    if (own > 0 && balance < own) {
        belowOwn = !(warned & kOwnThresholdBit);
        now |= kOwnThresholdBit;
    } else {
        now &= ~kOwnThresholdBit;
    }
    if (now != warned) {
        auto u = m_db->exec(u"UPDATE accounts SET low_balance_warned = ? WHERE id = ?"_s,
                            {now, accountId});
        if (!u)
            return u.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    if (crossed || belowOwn) {
        Change c{Change::Kind::BalanceWarning, accountId, 0, 0};
        c.threshold = crossed ? QString::fromLatin1(crossed->name) : u"below_threshold"_s;
        c.burnMicroPerHour = burn;
        c.runwayS = runway;
        changes.append(c);
    }
    return {};
}

} // namespace suanli::server
