#include "sqlstore_rows.h"

using namespace Qt::StringLiterals;
using suanli::protocol::InstanceState;

namespace suanli::server {

// Prepaid plans (包日 / 包周 / 包月) and the minimum rental: the up-front charge, renewal or
// the end of the plan, the notice before it ends, the refund of an early release, the
// extension for a lost host's absence (docs/market.md, "Prepaid plans", "Minimum rental").

namespace {

/// Ledger kinds and keys of the plan's k-th period (docs/market.md, "The ledger and its
/// idempotency keys").
QString planKey(qint64 instanceId, qint64 k)
{
    return u"lease:%1:plan:%2"_s.arg(instanceId).arg(k);
}

qint64 planPeriodMs(const QString &plan)
{
    return protocol::planPeriodS(plan).value_or(0) * 1000;
}

/// How long before its end the renter hears that a plan ends: a day for weeks and months, an
/// hour for a day plan (whose "day before" is its start).
qint64 noticeLeadMs(const QString &plan)
{
    return plan == "day"_L1 ? 3600'000 : 86'400'000;
}

/// floor(a × b / c) without overflow.
Micro mulDiv(Micro a, Micro b, Micro c)
{
    return c == 0 ? 0 : Micro(static_cast<Int128>(a) * b / c);
}

QString planWord(const QString &plan)
{
    return plan == "day"_L1 ? u"1-day"_s : plan == "week"_L1 ? u"7-day"_s : u"30-day"_s;
}

} // namespace

Result<void> SqlStore::savePlan(const InstanceRow &row)
{
    auto r = m_db->exec(u"UPDATE instances SET plan = ?, renew = ?, plan_price_micro = ?, "
                        "plan_ends_at = ?, plan_paused_at = ?, plan_n = ?, plan_charged = ?, "
                        "plan_fee = ?, plan_notified_n = ?, min_duration_s = ?, spend_micro = ? "
                        "WHERE id = ?"_s,
                        {row.inst.plan, row.inst.renew, row.planPriceMicro, row.planEndsMs,
                         row.planPausedMs, row.planN, row.planCharged, row.planFee,
                         row.planNotifiedN, row.minDurationS, row.inst.spend_micro, row.inst.id});
    if (!r)
        return r.error();
    return {};
}

Result<void> SqlStore::postPlanEntries(InstanceRow &row, const QString &key, Micro renter,
                                       Micro lender, Micro fee, bool refund,
                                       const QString &description, qint64 atMs,
                                       QList<Change> &changes)
{
    auto platform = lockedPlatformAccount(); // the lock order of postAccrual
    if (!platform)
        return platform.error();
    const QString renterKind = refund ? u"refund"_s : u"plan"_s;
    if (auto e =
            appendLedger(row.accountId, renterKind, renter, key, row.inst.id, description, atMs);
        !e)
        return e.error();
    if (auto e = appendLedger(row.hostOwner, refund ? u"refund"_s : u"earning"_s, lender,
                              key + u":earning"_s, row.inst.id,
                              u"%1 of instance %2"_s.arg(description).arg(row.inst.id), atMs);
        !e)
        return e.error();
    if (auto e = appendLedger(*platform, refund ? u"refund"_s : u"fee"_s, fee, key + u":fee"_s,
                              row.inst.id, u"platform fee"_s, atMs);
        !e)
        return e.error();
    changes.append({Change::Kind::Balance, row.accountId, row.inst.id, 0});
    changes.append({Change::Kind::Balance, row.hostOwner, row.inst.id, 0});
    return {};
}

Result<void> SqlStore::buyPlanPeriod(InstanceRow &row, qint64 atMs, QList<Change> &changes)
{
    const qint64 k = row.planN + 1;
    const Micro charge = row.planPriceMicro * std::max(1, row.inst.gpu_count);
    const Micro fee = platformFee(charge, m_policy.platformFeePpm);
    const QString what = row.inst.gpu_model.isEmpty() ? u"machine"_s : row.inst.gpu_model;
    const QString description = u"%1 plan, %2 × %3"_s.arg(planWord(row.inst.plan), what)
                                    .arg(std::max(1, row.inst.gpu_count));
    if (auto p = postPlanEntries(row, planKey(row.inst.id, k), -charge, charge - fee, fee, false,
                                 description, atMs, changes);
        !p)
        return p;
    row.planN = k;
    row.planCharged = charge;
    row.planFee = fee;
    row.inst.spend_micro += charge;
    return {};
}

Result<void> SqlStore::setUpPlan(InstanceRow &row, const protocol::CreateInstanceRequest &request,
                                 const Offer &offer, qint64 nowMs)
{
    row.minDurationS = offer.min_duration_s;
    if (request.plan == "hourly"_L1) {
        if (auto s = savePlan(row); !s)
            return s;
        return {};
    }
    const auto price = protocol::planPrice(offer, request.plan);
    if (!price)
        return makeError(u"plan_not_offered"_s,
                         u"this host does not offer a %1 plan"_s.arg(request.plan), u"plan"_s);
    row.inst.plan = request.plan;
    row.inst.renew = request.renew;
    row.planPriceMicro = *price;
    auto acct = account(row.accountId);
    if (!acct)
        return acct.error();
    const Micro charge = *price * std::max(1, row.inst.gpu_count);
    if (acct->balance_micro < charge)
        return makeError(
            u"insufficient_balance"_s,
            u"the %1 plan costs %2 µ up front; your balance is %3 µ"_s.arg(request.plan)
                .arg(charge)
                .arg(acct->balance_micro));
    QList<Change> ignored; // the create's handler publishes the balance
    if (auto b = buyPlanPeriod(row, nowMs, ignored); !b)
        return b;
    return savePlan(row);
}

Result<void> SqlStore::planOnReport(InstanceRow &row, InstanceState from, InstanceState to,
                                    qint64 nowMs, QList<Change> &changes)
{
    Q_UNUSED(from);
    if (!onPlan(row) && !row.planPausedMs)
        return {};
    if (to == InstanceState::Destroyed || to == InstanceState::Failed)
        return refundPlan(row, nowMs, changes);
    bool changed = false;
    if (row.planPausedMs) {
        // Back from a lost host: the plan is extended by the time it was gone.
        row.planEndsMs += nowMs - row.planPausedMs;
        row.planPausedMs = 0;
        changed = true;
    }
    if (to == InstanceState::Running && onPlan(row) && !row.planEndsMs) {
        // The prepaid time starts when the instance first runs: provisioning is not the
        // renter's time.
        row.planEndsMs = nowMs + planPeriodMs(row.inst.plan);
        changed = true;
    }
    row.inst.plan_ends_at = msToTime(row.planEndsMs);
    return changed ? savePlan(row) : Result<void>{};
}

Result<void> SqlStore::pausePlan(InstanceRow &row, qint64 untilMs)
{
    if (!onPlan(row) || !row.planEndsMs || row.planPausedMs || untilMs >= row.planEndsMs)
        return {};
    row.planPausedMs = untilMs;
    return savePlan(row);
}

Result<void> SqlStore::refundPlan(InstanceRow &row, qint64 atMs, QList<Change> &changes)
{
    if (!onPlan(row) || row.planCharged <= 0)
        return {};
    // Used time: from the period's start (its end minus the period, the host's absences added
    // to the end) to the release, or to the host's last message while it is lost. Before the
    // first `running` nothing is used.
    const qint64 periodMs = planPeriodMs(row.inst.plan);
    const qint64 endMs = row.planPausedMs ? row.planPausedMs : atMs;
    qint64 usedMs = 0;
    if (row.planEndsMs)
        usedMs = std::clamp<qint64>(endMs - (row.planEndsMs - periodMs), 0, periodMs);
    // The used time costs what it would have cost by the hour, never more than the plan.
    const Micro used =
        std::min(row.planCharged, chargeForSeconds(hourlyRate(row.inst), usedMs / 1000));
    const Micro refund = row.planCharged - used;
    if (refund > 0) {
        const Micro feeBack = mulDiv(row.planFee, refund, row.planCharged);
        const QString description =
            u"%1 plan released after %2 s"_s.arg(planWord(row.inst.plan)).arg(usedMs / 1000);
        if (auto p =
                postPlanEntries(row, planKey(row.inst.id, row.planN) + u":refund"_s, refund,
                                -(refund - feeBack), -feeBack, true, description, atMs, changes);
            !p)
            return p;
        row.inst.spend_micro -= refund;
    }
    row.planCharged = 0;
    row.planFee = 0;
    row.planPausedMs = 0;
    row.inst.renew = false;
    if (row.planEndsMs > endMs)
        row.planEndsMs = endMs; // the prepaid time ended with the release
    row.inst.plan_ends_at = msToTime(row.planEndsMs);
    return savePlan(row);
}

Result<void> SqlStore::advancePlan(InstanceRow &row, qint64 nowMs, QList<Change> &changes)
{
    if (!onPlan(row) || !row.planEndsMs || row.planPausedMs)
        return {};
    bool changed = false;
    const qint64 periodMs = planPeriodMs(row.inst.plan);
    while (onPlan(row) && nowMs >= row.planEndsMs) {
        const Micro charge = row.planPriceMicro * std::max(1, row.inst.gpu_count);
        auto acct = account(row.accountId);
        if (!acct)
            return acct.error();
        const qint64 endedMs = row.planEndsMs;
        changed = true;
        if (row.inst.renew && acct->balance_micro >= charge && periodMs > 0) {
            // The next period follows the last one without a gap, however late this run.
            if (auto b = buyPlanPeriod(row, endedMs, changes); !b)
                return b;
            row.planEndsMs = endedMs + periodMs;
            if (auto e = recordEvent(row.inst.id, protocol::toString(row.inst.state),
                                     u"plan_renewed"_s, endedMs);
                !e)
                return e;
        } else {
            // Pay-as-you-go from the plan's end: GPU time per second if it runs, storage and
            // retention if it is stopped, and a stopped one gives its GPUs back.
            const QString reason = row.inst.renew ? u"plan_renewal_failed"_s : u"plan_ended"_s;
            row.inst.plan = u"hourly"_s;
            row.inst.renew = false;
            row.planCharged = 0;
            row.planFee = 0;
            if (row.inst.state == InstanceState::Stopped &&
                (row.gpusHeld > 0 || row.inst.gpu_count == 0)) {
                if (auto g = releaseGpus(row); !g)
                    return g;
                // Before the offer is recomputed from the instances table.
                if (auto s = saveInstance(row); !s)
                    return s;
                if (auto s = savePlan(row); !s)
                    return s;
                if (auto o = refreshOffer(row.inst.host_id); !o)
                    return o;
            }
            if (auto e =
                    recordEvent(row.inst.id, protocol::toString(row.inst.state), reason, endedMs);
                !e)
                return e;
        }
        if (row.inst.state == InstanceState::Stopped) {
            // A stopped plan instance pays no storage and keeps its data while prepaid.
            if (row.storageCharged == 0)
                row.storageStartMs = std::max(row.storageStartMs, row.planEndsMs);
            row.releaseAtMs = std::max(row.stoppedAtMs, row.planEndsMs) +
                              m_policy.retentionDays * 24 * 3600 * 1000;
            row.inst.release_at = msToTime(row.releaseAtMs);
        }
        changes.append({Change::Kind::Instance, row.accountId, row.inst.id, 0});
    }
    if (onPlan(row) && row.planNotifiedN < row.planN &&
        row.planEndsMs - nowMs <= noticeLeadMs(row.inst.plan)) {
        row.planNotifiedN = row.planN;
        changed = true;
        Change notice{Change::Kind::PlanEnding, row.accountId, row.inst.id, 0};
        notice.renewalMicro = row.planPriceMicro * std::max(1, row.inst.gpu_count);
        changes.append(notice);
    }
    row.inst.plan_ends_at = msToTime(row.planEndsMs);
    return changed ? savePlan(row) : Result<void>{};
}

Result<void> SqlStore::chargeMinimumRental(InstanceRow &row, const QString &reason, qint64 nowMs,
                                           QList<Change> &changes)
{
    // Only the renter's own destroy of an hourly rental that never had a plan: a plan's period
    // is its commitment, and a host that failed or vanished is not the renter's doing.
    if (reason != "user_requested"_L1 || row.minDurationS <= 0 || row.planN > 0 ||
        row.inst.state == InstanceState::Interrupted || row.inst.state == InstanceState::Failed)
        return {};
    qint64 ranMs = row.runningTotalMs;
    if (row.periodStartMs)
        ranMs += std::max<qint64>(0, nowMs - row.periodStartMs);
    const qint64 missingS = row.minDurationS - ranMs / 1000;
    if (missingS <= 0)
        return {};
    const Micro charge = chargeForSeconds(hourlyRate(row.inst), missingS);
    if (charge <= 0)
        return {};
    return postAccrual(row, u"gpu"_s, charge, 0, u"minimum rental: %1 s more"_s.arg(missingS),
                       u"minimum rental of instance %1"_s.arg(row.inst.id), nowMs, changes);
}

// ---- listings ------------------------------------------------------------------------------

Result<void> checkPlanPrices(const protocol::HostListing &listing)
{
    const struct
    {
        const std::optional<Micro> &price;
        qint64 hours;
        const char *field;
    } plans[] = {{listing.price_gpu_day_micro, 24, "price_gpu_day_micro"},
                 {listing.price_gpu_week_micro, 7 * 24, "price_gpu_week_micro"},
                 {listing.price_gpu_month_micro, 30 * 24, "price_gpu_month_micro"}};
    for (const auto &p : plans) {
        if (!p.price)
            continue;
        const QString field = QString::fromLatin1(p.field);
        if (listing.interruptible)
            return makeError(u"invalid_value"_s,
                             u"an interruptible host cannot offer prepaid plans"_s, field);
        if (*p.price <= 0)
            return makeError(u"invalid_value"_s,
                             u"%1 must be positive, or null for no plan"_s.arg(field), field);
        // A plan is a discount for the commitment: never dearer than the same time by the hour.
        if (*p.price > listing.price_gpu_hour_micro * p.hours)
            return makeError(u"invalid_value"_s,
                             u"%1 is above %2 hours at the hourly price"_s.arg(field).arg(p.hours),
                             field);
    }
    return {};
}

} // namespace suanli::server
