#include "sqlstore_rows.h"

#include "protocol/json.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;
using suanli::protocol::CommandAction;
using suanli::protocol::InstanceState;

namespace suanli::server {

// The agent's side of instances: state reports, logs, and the command queue (docs/protocol.md).

namespace {

/// Whether an agent's report may move an instance from `from` to `to`. The agent is the truth
/// about its containers, so besides the state graph (docs/protocol.md) it may skip steps the
/// market never saw (a container that came up before "provisioning" was sent, one that exited
/// by itself, one that vanished).
bool agentMayMove(InstanceState from, InstanceState to)
{
    using S = InstanceState;
    if (protocol::isAllowedTransition(from, to))
        return true;
    if (from == S::Destroyed || from == S::Failed)
        return to == S::Destroyed && from == S::Failed;
    switch (to) {
    case S::Running:
        return from == S::Pending;
    case S::Stopped:
        return from == S::Running || from == S::Starting || from == S::Provisioning;
    case S::Destroyed:
        return true;
    default:
        return false;
    }
}

} // namespace

Result<QList<Change>> SqlStore::applyInstanceState(qint64 hostId,
                                                   const protocol::InstanceStateMessage &report,
                                                   qint64 nowMs, qint64 confirmedMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto loaded = loadInstance(report.instance_id);
    if (!loaded)
        return loaded.error();
    InstanceRow &row = *loaded;
    if (row.inst.host_id != hostId)
        return makeError(u"forbidden"_s, u"instance %1 is not on this host"_s.arg(report.instance_id));
    QList<Change> changes;
    // `interrupted` is the market's own verdict (the host fell silent), never an agent's
    // report: the last report applied, which the agent repeats after `welcome` with the same
    // seq, is still its word on the container, and moves the instance on (docs/protocol.md,
    // `hello`). Any other report at or below the last seq is a duplicate, a replay or stale.
    const bool reconciles =
        report.seq == row.lastSeq && row.inst.state == InstanceState::Interrupted;
    if ((report.seq <= row.lastSeq && !reconciles) || row.inst.state == InstanceState::Destroyed)
        return changes;
    row.lastSeq = report.seq;
    const InstanceState from = row.inst.state;
    const InstanceState to = report.state;
    if (from != to && !agentMayMove(from, to)) {
        // Record the seq so the same stale report is not re-examined, change nothing else.
        if (auto s = saveInstance(row); !s)
            return s.error();
        if (auto c = tx.commit(); !c)
            return c.error();
        return makeError(u"invalid_transition"_s, u"instance %1 cannot go from %2 to %3"_s
                                                      .arg(report.instance_id)
                                                      .arg(toString(from), toString(to)));
    }
    if (report.ssh) {
        row.inst.ssh = report.ssh;
        row.agentSsh = report.ssh;
    }
    if (report.jupyter)
        row.inst.jupyter = report.jupyter;

    // Where a running period this report closes ends: at the agent's time of the transition
    // when it sent one, never before the last moment the market itself knew the instance ran
    // (the period's start, or the host's last word: `confirmedMs`), never after now. An agent
    // cannot backdate away time the market saw it run, nor bill into the future
    // (docs/market.md, "Billing as implemented"). Without `at`: now, as before.
    qint64 endMs = nowMs;
    if (report.at && row.periodStartMs) {
        const qint64 earliest = std::min(std::max(row.periodStartMs, confirmedMs), nowMs);
        endMs = std::clamp(*report.at, earliest, nowMs);
    }
    qint64 stoppedMs = nowMs; // where the stopped meters (storage, retention) start
    // A plan's clock: starts at the first `running`, is extended by a lost host's absence,
    // refunds what is unused when the instance is gone (sqlstore_plans.cpp).
    if (from != to) {
        if (auto p = planOnReport(row, from, to, nowMs, changes); !p)
            return p.error();
    }

    const bool wasRunning = from == InstanceState::Running;
    if (to == InstanceState::Running && !wasRunning) {
        // Storage meter (if any) stops, the GPU meter starts on the market's clock.
        if (auto s = settleStorage(row, nowMs, changes); !s)
            return s.error();
        row.storageStartMs = 0;
        row.storageCharged = 0;
        row.stoppedAtMs = 0;
        row.releaseAtMs = 0;
        row.periodStartMs = nowMs;
        row.periodCharged = 0;
        row.runningSinceMs = nowMs;
        // A new running period starts busy: idleness of an earlier one never counts.
        if (auto i = setIdleSince(row.inst.id, 0); !i)
            return i.error();
        if (row.gpusHeld == 0 && row.inst.gpu_count > 0) {
            // Back from an interruption where the GPUs had been released.
            noteOffersWritten();
            auto r = m_db->exec(u"UPDATE offers SET gpus_free = gpus_free - ? WHERE id = ?"_s,
                                {row.inst.gpu_count, row.inst.offer_id});
            if (!r)
                return r.error();
            row.gpusHeld = row.inst.gpu_count;
        }
    } else if ((to != InstanceState::Running && wasRunning && to != InstanceState::Stopping)
               || (to == InstanceState::Stopped && from == InstanceState::Stopping
                   && row.periodStartMs)) {
        // The billing timer may have charged past endMs meanwhile (a stop reported after an
        // outage): settling to an earlier moment posts the excess back as corrections.
        if (auto s = settleRunning(row, endMs, changes); !s)
            return s.error();
        row.runningTotalMs += endMs - row.periodStartMs;
        row.periodStartMs = 0;
        row.periodCharged = 0;
        row.runningSinceMs = 0;
        stoppedMs = endMs;
    }

    if (to == InstanceState::Stopped || to == InstanceState::Destroyed
        || to == InstanceState::Failed) {
        if (auto s = settleRunning(row, nowMs, changes); !s)
            return s.error();
        row.periodStartMs = 0;
        row.runningSinceMs = 0;
        // A stopped plan instance keeps its GPUs: they are paid for (docs/market.md, "Prepaid
        // plans").
        if (to != InstanceState::Stopped || !onPlan(row)) {
            if (auto g = releaseGpus(row); !g)
                return g.error();
        }
    }
    if (to == InstanceState::Stopped) {
        row.stoppedAtMs = stoppedMs;
        row.releaseAtMs = stoppedMs + m_policy.retentionDays * 24 * 3600 * 1000;
        row.storageStartMs = stoppedMs;
        row.storageCharged = 0;
        if (onPlan(row) && row.planEndsMs > stoppedMs) {
            // Storage is part of the plan; retention counts from the plan's end.
            row.storageStartMs = row.planEndsMs;
            row.releaseAtMs = row.planEndsMs + m_policy.retentionDays * 24 * 3600 * 1000;
        }
    }
    if (to == InstanceState::Destroyed || to == InstanceState::Failed) {
        if (to == InstanceState::Destroyed && from == InstanceState::Stopped) {
            if (auto s = settleStorage(row, nowMs, changes); !s)
                return s.error();
        }
        row.storageStartMs = 0;
        row.releaseAtMs = 0;
    }
    row.inst.state = to;
    if (!report.reason.isEmpty() || to == InstanceState::Running)
        row.inst.state_reason = report.reason;
    if (auto s = saveInstance(row); !s)
        return s.error();
    if (from != to && report.reason == "host_owner_forced_stop"_L1) {
        // The owner stopped an on-demand rental: it counts against the host like a loss.
        // (An interruptible rental stopped for the owner, "host_owner_returned", does not.)
        auto r = m_db->exec(u"UPDATE hosts SET lost_count = lost_count + 1, "
                            "reliability = CAST(seen_count AS DOUBLE PRECISION) / "
                            "(seen_count + lost_count + 1) WHERE id = ?"_s,
                            {hostId});
        if (!r)
            return r.error();
        if (auto o = refreshOffer(hostId); !o)
            return o.error();
    }
    if (row.inst.gpu_count == 0
        && (to == InstanceState::Stopped || to == InstanceState::Destroyed
            || to == InstanceState::Failed)) {
        // A whole-machine rental gives the machine back. After saveInstance: the offer is
        // recomputed from the instances table, where this one must no longer hold it.
        if (auto o = refreshOffer(hostId); !o)
            return o.error();
    }
    if (from != to) {
        if (auto e = recordEvent(row.inst.id, toString(to), report.reason, nowMs); !e)
            return e.error();
    }
    // Clone and move (sqlstore_clone.cpp): a source that runs now gets its waiting copies
    // sent; an instance that fails ends the copies it takes part in.
    if (from != to && to == InstanceState::Running) {
        if (auto w = startWaitingCopies(row.inst.id, nowMs, changes); !w)
            return w.error();
    } else if (from != to && to == InstanceState::Failed) {
        const QString why = report.reason.isEmpty() ? u"failed"_s : report.reason;
        if (auto e = endCopiesOf(row.inst.id, u"failed"_s, u"the new instance failed: "_s + why,
                                 u"the source instance failed: "_s + why, nowMs, changes);
            !e)
            return e.error();
    }
    if (!report.command_id.isEmpty())
        (void)m_db->exec(u"UPDATE commands SET acked_at = ? WHERE id = ? AND host_id = ? "
                         "AND acked_at = 0"_s,
                         {nowMs, report.command_id, hostId});
    if (auto c = tx.commit(); !c)
        return c.error();
    changes.prepend({Change::Kind::Instance, row.accountId, row.inst.id, 0});
    return changes;
}

// ---- logs and commands ----------------------------------------------------------------

Result<void> SqlStore::appendLogs(qint64 hostId, const protocol::LogMessage &logs, qint64 nowMs)
{
    auto owner = m_db->scalar(u"SELECT host_id FROM instances WHERE id = ?"_s, {logs.instance_id});
    if (!owner)
        return owner.error();
    if (owner->isNull() || owner->toLongLong() != hostId)
        return makeError(u"forbidden"_s, u"instance %1 is not on this host"_s.arg(logs.instance_id));
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    for (const QString &line : logs.lines) {
        auto r = m_db->exec(u"INSERT INTO instance_logs (instance_id, at, line) VALUES (?, ?, ?)"_s,
                            {logs.instance_id, nowMs, line.left(4096)});
        if (!r)
            return r.error();
    }
    // Keep the last 5,000 lines per instance.
    auto trim = m_db->exec(u"DELETE FROM instance_logs WHERE instance_id = ? AND id <= "
                           "(SELECT COALESCE(MAX(id), 0) - 5000 FROM instance_logs "
                           "WHERE instance_id = ?)"_s,
                           {logs.instance_id, logs.instance_id});
    if (!trim)
        return trim.error();
    return tx.commit();
}

Result<QStringList> SqlStore::logs(qint64 instanceId, int tail)
{
    auto q = m_db->exec(u"SELECT line FROM instance_logs WHERE instance_id = ? "
                        "ORDER BY id DESC LIMIT ?"_s,
                        {instanceId, tail});
    if (!q)
        return q.error();
    QStringList lines;
    while (q->next())
        lines.prepend(q->value(0).toString());
    return lines;
}

Result<QList<PendingCommand>> SqlStore::pendingCommands(qint64 hostId)
{
    auto q = m_db->exec(u"SELECT id, payload, last_sent_at, attempts FROM commands "
                        "WHERE host_id = ? AND acked_at = 0 ORDER BY created_at, id"_s,
                        {hostId});
    if (!q)
        return q.error();
    QList<PendingCommand> list;
    while (q->next())
        list.append({q->value(0).toString(), hostId, q->value(1).toString().toUtf8(),
                     q->value(2).toLongLong(), q->value(3).toInt()});
    return list;
}

Result<QList<qint64>> SqlStore::hostsWithDueCommands(qint64 sentBeforeMs)
{
    return m_db->column(u"SELECT DISTINCT host_id FROM commands "
                        "WHERE acked_at = 0 AND last_sent_at < ?"_s,
                        {sentBeforeMs});
}

Result<void> SqlStore::markCommandSent(const QString &commandId, qint64 nowMs)
{
    auto r = m_db->exec(u"UPDATE commands SET last_sent_at = ?, attempts = attempts + 1 "
                        "WHERE id = ?"_s,
                        {nowMs, commandId});
    if (!r)
        return r.error();
    return {};
}

Result<void> SqlStore::ackCommand(qint64 hostId, const QString &commandId, qint64 nowMs)
{
    auto r = m_db->exec(
        u"UPDATE commands SET acked_at = ? WHERE id = ? AND host_id = ? AND acked_at = 0"_s,
        {nowMs, commandId, hostId});
    if (!r)
        return r.error();
    return {};
}

} // namespace suanli::server
