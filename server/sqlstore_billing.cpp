#include "sqlstore_rows.h"

#include "protocol/json.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;
using suanli::protocol::CommandAction;
using suanli::protocol::InstanceState;

namespace suanli::server {

// Billing: accruals of GPU time and storage, the periodic run over all instances, and the
// settlement of a lost host (docs/market.md, "Billing as implemented").

// ---- billing --------------------------------------------------------------------------

Result<void> SqlStore::postAccrual(InstanceRow &row, const QString &kind, Micro target,
                                   Micro previous, const QString &renterDescription,
                                   const QString &lenderDescription, qint64 untilMs,
                                   QList<Change> &changes)
{
    const Micro delta = target - previous;
    if (delta == 0)
        return {};
    // delta < 0 only when billing ends earlier than already charged (a lost host: billing
    // ends at its last message). The ledger is append-only, so the excess goes back as a
    // correction entry on each side, under keys of its own.
    const QString correction = u"correction"_s;
    const qint64 n = row.accrualN + 1;
    auto platform = lockedPlatformAccount(); // lock order: instance row, platform, the others
    if (!platform)
        return platform.error();
    const QString key = u"lease:%1:accrual:%2"_s.arg(row.inst.id).arg(n);
    auto renter = appendLedger(row.accountId, delta > 0 ? kind : correction, -delta, key,
                               row.inst.id, renterDescription, untilMs);
    if (!renter)
        return renter.error();
    // The fee is taken on the period's running total too, so it never drifts either.
    const Micro fee = platformFee(target, m_policy.platformFeePpm)
        - platformFee(previous, m_policy.platformFeePpm);
    auto lender = appendLedger(row.hostOwner, delta > 0 ? u"earning"_s : correction, delta - fee,
                               key + u":earning"_s, row.inst.id, lenderDescription, untilMs);
    if (!lender)
        return lender.error();
    auto feeEntry = appendLedger(*platform, delta > 0 ? u"fee"_s : correction, fee,
                                 key + u":fee"_s, row.inst.id, u"platform fee"_s, untilMs);
    if (!feeEntry)
        return feeEntry.error();
    row.accrualN = n;
    row.inst.spend_micro += delta;
    changes.append({Change::Kind::Balance, row.accountId, row.inst.id, 0});
    changes.append({Change::Kind::Balance, row.hostOwner, row.inst.id, 0});
    return {};
}

Result<void> SqlStore::settleRunning(InstanceRow &row, qint64 untilMs, QList<Change> &changes)
{
    // The cost guard's max_duration_s bounds what is billed, wherever the stop is noticed (the
    // next billing run) and however long the agent then takes to stop it (docs/market.md,
    // "Billing as implemented").
    if (row.inst.max_duration_s > 0 && row.periodStartMs)
        untilMs = std::min(untilMs,
                           row.periodStartMs + row.inst.max_duration_s * 1000 - row.runningTotalMs);
    if (!row.periodStartMs || untilMs <= row.periodStartMs)
        return {};
    // Whole seconds of the running period, charged as floor(p * t / 3600) minus what this
    // period has been charged already.
    // Prepaid plan time is never billed per second: the meter counts from the plan's end
    // (docs/market.md, "Prepaid plans"); without a plan that is the period's start.
    const qint64 seconds = std::max<qint64>(0, untilMs - billedFromMs(row)) / 1000;
    const Micro target = chargeForSeconds(hourlyRate(row.inst), seconds);
    const QString what = row.inst.no_gpu                ? u"no GPU"_s
                         : row.inst.gpu_model.isEmpty() ? u"machine"_s
                                                        : row.inst.gpu_model;
    auto posted = postAccrual(row, u"gpu"_s, target, row.periodCharged,
                              u"%1 × %2 s"_s.arg(what).arg(seconds),
                              u"instance %1"_s.arg(row.inst.id), untilMs, changes);
    if (!posted)
        return posted;
    row.periodCharged = target;
    return {};
}

Result<void> SqlStore::settleStorage(InstanceRow &row, qint64 untilMs, QList<Change> &changes)
{
    if (!row.storageStartMs || untilMs <= row.storageStartMs)
        return {};
    const qint64 seconds = (untilMs - row.storageStartMs) / 1000;
    const Micro target =
        storageChargeForSeconds(row.inst.price_storage_gb_month_micro, row.inst.disk_gb, seconds);
    if (target <= row.storageCharged)
        return {};
    auto posted = postAccrual(row, u"storage"_s, target, row.storageCharged,
                              u"%1 GB stored × %2 s"_s.arg(row.inst.disk_gb).arg(seconds),
                              u"storage of instance %1"_s.arg(row.inst.id), untilMs, changes);
    if (!posted)
        return posted;
    row.storageCharged = target;
    return {};
}

Result<QList<Change>> SqlStore::declareHostLost(qint64 hostId)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto lastSeen = m_db->scalar(u"SELECT last_seen FROM hosts WHERE id = ? AND online = ?"_s,
                                 {hostId, true});
    if (!lastSeen)
        return lastSeen.error();
    QList<Change> changes;
    if (lastSeen->isNull())
        return changes; // another process was first
    const qint64 until = lastSeen->toLongLong();
    // All of them locked at once, before any account: billing skips locked instances and
    // must never find one of them unlocked while this holds the platform account.
    auto affected = m_db->column(u"SELECT id FROM instances WHERE host_id = ? AND state IN "
                                 "('running','starting','provisioning','stopping','pending')"_s
                                     + m_db->forUpdate(),
                                 {hostId});
    if (!affected)
        return affected.error();
    for (qint64 id : std::as_const(*affected)) {
        auto row = loadInstance(id);
        if (!row)
            return row.error();
        // Billing ends at the last message the host sent, not at the moment we noticed. A
        // `stopping` instance is billed until its host confirms the stop, so it has an open
        // period too: the stop the host never confirmed ends at its last message as well.
        if (row->periodStartMs) {
            if (auto s = settleRunning(*row, std::max(until, row->periodStartMs), changes); !s)
                return s.error();
            // The last message at or before the period start (last_seen is written in batches,
            // so it can even be older than the `running` report): settleRunning has nothing to
            // add, and nothing of this period is owed, so what the billing timer charged in it
            // goes back (docs/market.md, "Host lost").
            if (until <= row->periodStartMs && row->periodCharged > 0) {
                const QString what =
                    row->inst.gpu_model.isEmpty() ? u"machine"_s : row->inst.gpu_model;
                auto posted = postAccrual(*row, u"gpu"_s, 0, row->periodCharged,
                                          u"%1 × 0 s"_s.arg(what),
                                          u"instance %1"_s.arg(row->inst.id), row->periodStartMs,
                                          changes);
                if (!posted)
                    return posted.error();
                row->periodCharged = 0;
            }
            row->runningTotalMs += std::max<qint64>(0, until - row->periodStartMs);
        }
        // A plan's clock stops at the host's last message; it is extended by the time the host
        // was gone when it comes back (docs/market.md, "Prepaid plans").
        if (auto p = pausePlan(*row, until); !p)
            return p.error();
        row->periodStartMs = 0;
        row->periodCharged = 0;
        row->runningSinceMs = 0;
        row->inst.state = InstanceState::Interrupted;
        row->inst.state_reason = u"host_lost"_s;
        // Counted from the interruption (the host's last message), like the history's line.
        row->releaseAtMs = m_policy.interruptedReleaseAfterS > 0
                               ? until + m_policy.interruptedReleaseAfterS * 1000
                               : 0;
        if (auto s = saveInstance(*row); !s)
            return s.error();
        if (auto e = recordEvent(id, u"interrupted"_s, u"host_lost"_s, until); !e)
            return e.error();
        changes.append({Change::Kind::Instance, row->accountId, id, 0});
    }
    auto off = m_db->exec(u"UPDATE hosts SET online = ?, lost_count = lost_count + 1, "
                          "reliability = CAST(seen_count AS DOUBLE PRECISION) / "
                          "(seen_count + lost_count + 1) WHERE id = ?"_s,
                          {false, hostId});
    if (!off)
        return off.error();
    if (auto o = refreshOffer(hostId); !o)
        return o.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return changes;
}

Result<QList<Change>> SqlStore::releaseInterrupted(qint64 nowMs)
{
    // docs/market.md, "Host lost": an interrupted instance pays nothing, and after
    // --interrupted-release-after its GPUs go back to the offer and the instance is gone.
    QList<Change> changes;
    if (m_policy.interruptedReleaseAfterS <= 0)
        return changes;
    // A read every 5 s; writes only for what is due. (release_at 0: interrupted by a market
    // that did not set it yet, counted from now.)
    // A `stopping` instance with a release_at was stopped by its renter while interrupted
    // (requestStart clears it, running clears it): its host has not confirmed the stop either.
    auto due = m_db->column(u"SELECT id FROM instances WHERE (state = 'interrupted' AND "
                            "release_at <= ?) OR (state = 'stopping' AND release_at > 0 AND "
                            "release_at <= ?) ORDER BY id"_s,
                            {nowMs, nowMs});
    if (!due)
        return due.error();
    const QString reason = u"interruption_expired"_s;
    for (qint64 id : std::as_const(*due)) {
        Transaction tx(*m_db);
        if (!tx.started())
            return tx.started().error();
        auto row = loadInstance(id);
        if (!row)
            return row.error();
        // Re-read under the lock: its host may have come back, or another process was first.
        const bool stopping = row->inst.state == InstanceState::Stopping && row->releaseAtMs > 0;
        if ((row->inst.state != InstanceState::Interrupted && !stopping) ||
            row->releaseAtMs > nowMs)
            continue;
        if (!row->releaseAtMs) {
            row->releaseAtMs = nowMs + m_policy.interruptedReleaseAfterS * 1000;
            if (auto s = saveInstance(*row); !s)
                return s.error();
            if (auto c = tx.commit(); !c)
                return c.error();
            changes.append({Change::Kind::Instance, row->accountId, id, 0});
            continue;
        }
        // The unused prepaid time is refunded, the time the host was gone not counted as used.
        if (auto p = refundPlan(*row, nowMs, changes); !p)
            return p.error();
        if (auto g = releaseGpus(*row); !g)
            return g.error();
        row->inst.state = InstanceState::Destroyed;
        row->inst.state_reason = reason;
        row->releaseAtMs = 0;
        row->storageStartMs = 0;
        row->periodStartMs = 0;
        row->runningSinceMs = 0;
        if (auto s = saveInstance(*row); !s)
            return s.error();
        // After saveInstance: the offer is recomputed from the instances table (a whole
        // machine's rental gives the machine back).
        if (auto o = refreshOffer(row->inst.host_id); !o)
            return o.error();
        if (auto e = recordEvent(id, u"destroyed"_s, reason, nowMs); !e)
            return e.error();
        // The container and its data are still on the host: its agent removes them when it
        // returns (a report it sends about the instance before that changes nothing).
        if (auto c = queueCommand(row->inst.host_id, id, CommandAction::Destroy, reason, nowMs); !c)
            return c.error();
        if (auto c = tx.commit(); !c)
            return c.error();
        changes.append({Change::Kind::Instance, row->accountId, id, 0});
        changes.append({Change::Kind::Command, 0, id, row->inst.host_id});
    }
    return changes;
}

Result<void> SqlStore::accrueOne(qint64 id, qint64 nowMs, QList<Change> &changes,
                                 QSet<qint64> &charged)
{
    Transaction tx(*m_db); // a savepoint inside the batch
    if (!tx.started())
        return tx.started().error();
    // A row a request handler holds is skipped, never waited for: this batch may hold the
    // platform account that handler needs next. The next run bills it, from the period start.
    auto row = loadInstance(id, true);
    if (!row) {
        if (row.error().code == "locked"_L1)
            return {};
        return row.error();
    }
    QList<Change> local;
    const InstanceState state = row->inst.state;
    // A plan's renewal (or its end) and its notice come first: GPU time and storage after the
    // plan's end are billed per second only when it was not renewed.
    if (auto p = advancePlan(*row, nowMs, local); !p) {
        if (p.error().code == "conflict"_L1)
            return {}; // another market process renewed it first
        return p.error();
    }
    if (state == InstanceState::Running || state == InstanceState::Stopping) {
        // A run that read the clock before another run (or a stop report) charged this period
        // further never moves the meter back; only a lost host corrects downwards.
        const bool behind = row->periodStartMs && nowMs > row->periodStartMs &&
                            chargeForSeconds(hourlyRate(row->inst),
                                             std::max<qint64>(0, nowMs - billedFromMs(*row)) /
                                                 1000) < row->periodCharged;
        if (behind)
            return {};
        if (auto s = settleRunning(*row, nowMs, local); !s) {
            if (s.error().code == "conflict"_L1)
                return {}; // another market process charged this second first
            return s.error();
        }
    } else if (state == InstanceState::Stopped) {
        if (auto s = settleStorage(*row, nowMs, local); !s) {
            if (s.error().code == "conflict"_L1)
                return {};
            return s.error();
        }
    }
    if (auto s = saveInstance(*row); !s)
        return s.error();
    // The cost guard the renter set at launch.
    QString guard;
    if (state == InstanceState::Running) {
        const qint64 ranMs = row->runningTotalMs + (nowMs - row->periodStartMs);
        if (row->inst.max_spend_micro > 0 && row->inst.spend_micro >= row->inst.max_spend_micro)
            guard = u"max_spend_reached"_s;
        else if (row->inst.max_duration_s > 0 && ranMs >= row->inst.max_duration_s * 1000)
            guard = u"max_duration_reached"_s;
        else if (row->inst.idle_stop_s > 0 && row->idleSinceMs > 0
                 && nowMs - std::max(row->idleSinceMs, row->periodStartMs)
                     >= row->inst.idle_stop_s * 1000)
            guard = u"idle_stop"_s;
    }
    if (!guard.isEmpty()) {
        auto stopped = requestStopLocked(*row, guard, nowMs, local);
        if (!stopped)
            return stopped.error();
    } else if (state == InstanceState::Stopped && row->releaseAtMs && nowMs >= row->releaseAtMs) {
        if (auto c = tx.commit(); !c)
            return c.error();
        auto destroyed = requestDestroy(id, u"retention_expired"_s, nowMs);
        if (!destroyed)
            return destroyed.error();
        changes.append({Change::Kind::Instance, row->accountId, id, 0});
        changes.append({Change::Kind::Command, 0, id, row->inst.host_id});
        if (!local.isEmpty())
            charged.insert(row->accountId);
        changes += local;
        return {};
    }
    if (auto c = tx.commit(); !c) {
        if (c.error().code == "conflict"_L1)
            return {};
        return c.error();
    }
    if (!local.isEmpty()) {
        changes.append({Change::Kind::Instance, row->accountId, id, 0});
        charged.insert(row->accountId);
    }
    changes += local;
    return {};
}

Result<SqlStore::BillingRun> SqlStore::beginBilling(qint64 nowMs)
{
    BillingRun run;
    run.nowMs = nowMs;
    auto ids = m_db->column(u"SELECT id FROM instances WHERE state IN ('running','stopped',"
                            "'stopping') ORDER BY id"_s);
    if (!ids)
        return ids.error();
    run.ids = *ids;
    return run;
}

Result<QList<Change>> SqlStore::billNextBatch(BillingRun &run, qint64 budgetMs)
{
    // One transaction (one fsync) per batch of instances, a savepoint per instance: a
    // conflict with another market process skips that instance only. The batch ends after
    // kBillingBatch instances or budgetMs, whichever comes first: it holds SQLite's write lock
    // (and on PostgreSQL the platform account's row), which request handlers wait for.
    QElapsedTimer held;
    held.start();
    Transaction batch(*m_db);
    if (!batch.started())
        return batch.started().error();
    // PostgreSQL: the platform account first, so two batches (this process's billing thread
    // and a direct run, or two processes) never hold instance rows the other one wants.
    if (const QString lock = m_db->forUpdate(); !lock.isEmpty()) {
        auto platform = platformAccount();
        if (!platform)
            return platform.error();
        auto locked = m_db->scalar(u"SELECT id FROM accounts WHERE id = ?"_s + lock, {*platform});
        if (!locked)
            return locked.error();
    }
    QList<Change> changes;
    QSet<qint64> exhausted;
    const qsizetype end = std::min(run.ids.size(), run.next + kBillingBatch);
    qsizetype i = run.next;
    while (i < end) {
        if (auto r = accrueOne(run.ids[i], run.nowMs, changes, exhausted); !r)
            return r.error();
        ++i;
        if (budgetMs > 0 && held.elapsed() >= budgetMs)
            break;
    }
    if (auto c = batch.commit(); !c)
        return c.error();
    run.next = i;
    run.exhausted.unite(exhausted);
    return changes;
}

Result<QList<Change>> SqlStore::finishBilling(BillingRun &run)
{
    // Saved images pay storage like stopped instances (sqlstore_images.cpp).
    auto images = accrueImages(run.nowMs);
    if (!images)
        return images.error();
    QList<Change> changes = *images;
    // Warnings before the money runs out, then at balance ≤ 0 the market stops the renter's
    // running instances; data is kept.
    for (qint64 accountId : std::as_const(run.exhausted)) {
        if (auto w = checkLowBalance(accountId, changes); !w)
            return w.error();
    }
    for (qint64 accountId : std::as_const(run.exhausted)) {
        auto a = account(accountId);
        if (!a || a->balance_micro > 0)
            continue;
        // A plan instance is paid for until its plan ends: it is not stopped.
        auto toStop = m_db->column(u"SELECT id FROM instances WHERE account_id = ? AND state IN "
                                   "('running','starting','provisioning','pending') "
                                   "AND plan = 'hourly'"_s,
                                   {accountId});
        if (!toStop)
            return toStop.error();
        for (qint64 id : std::as_const(*toStop)) {
            Transaction tx(*m_db);
            if (!tx.started())
                return tx.started().error();
            auto row = loadInstance(id);
            if (!row)
                return row.error();
            auto r = requestStopLocked(*row, u"balance_exhausted"_s, run.nowMs, changes);
            if (!r) {
                if (r.error().code == "invalid_state"_L1)
                    continue; // stopped meanwhile by its renter or its agent
                return r.error();
            }
            if (auto c = tx.commit(); !c)
                return c.error();
        }
    }
    run.exhausted.clear();
    return changes;
}

Result<QList<Change>> SqlStore::accrueAll(qint64 nowMs)
{
    auto run = beginBilling(nowMs);
    if (!run)
        return run.error();
    QList<Change> changes;
    while (!run->done()) {
        auto batch = billNextBatch(*run, 0);
        if (!batch)
            return batch.error();
        changes += *batch;
    }
    auto last = finishBilling(*run);
    if (!last)
        return last.error();
    changes += *last;
    return changes;
}

} // namespace suanli::server
