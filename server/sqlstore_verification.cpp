#include "sqlstore.h"

#include "hostverification.h"
#include "protocol/json.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace suanli::server {

// Measured speeds and the verdict on a host (docs/market.md, "Measured speeds", "Verified
// hosts"): the agent's measurements, the market's rule, and the operator's word over both.

namespace {

/// A measurement that may be absent, as SQL NULL when it is.
QVariant nullableMeasure(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> optionalValue(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

// Far above any link or disk today, far below what overflows a sum: a value past it is a bug
// or a lie, not a measurement.
constexpr qint64 kMaxMeasuredMbps = 10'000'000;

} // namespace

Result<void> SqlStore::recordMeasurement(qint64 hostId, const protocol::MeasurementMessage &m,
                                         qint64 nowMs)
{
    for (auto [name, value] :
         {std::pair{"net_down_mbps", m.net_down_mbps}, std::pair{"net_up_mbps", m.net_up_mbps},
          std::pair{"disk_write_mbps", m.disk_write_mbps}}) {
        if (value && (*value < 1 || *value > kMaxMeasuredMbps))
            return makeError(
                u"invalid_value"_s,
                u"%1 must be from 1 to %2, or null when not measured"_s.arg(QLatin1StringView(name))
                    .arg(kMaxMeasuredMbps),
                QString::fromLatin1(name));
    }
    if (!m.net_down_mbps && !m.net_up_mbps && !m.disk_write_mbps)
        return makeError(u"invalid_value"_s, u"a measurement carries at least one value"_s);
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto r = m_db->exec(u"UPDATE hosts SET net_down_mbps = ?, net_up_mbps = ?, "
                        "disk_write_mbps = ?, measured_at = ? WHERE id = ?"_s,
                        {nullableMeasure(m.net_down_mbps), nullableMeasure(m.net_up_mbps),
                         nullableMeasure(m.disk_write_mbps), nowMs, hostId});
    if (!r)
        return r.error();
    if (r->numRowsAffected() == 0)
        return makeError(u"not_found"_s, u"no host %1"_s.arg(hostId));
    if (auto v = applyVerificationRule(hostId, nowMs); !v)
        return v.error();
    if (auto o = refreshOffer(hostId); !o)
        return o.error();
    return tx.commit();
}

namespace {

const QString kFactsColumns =
    u"id, created_at, online, reliability, spec, net_down_mbps, net_up_mbps, disk_write_mbps, "
    "measured_at, verified FROM hosts WHERE verified_by_operator IS NULL"_s;

/// The rule's facts from a row of kFactsColumns; `verified` gets the verdict as written.
VerificationFacts factsOf(const Rows &q, bool *verified)
{
    VerificationFacts facts;
    facts.createdAtMs = q.value(1).toLongLong();
    facts.online = q.value(2).toBool();
    facts.reliability = q.value(3).toDouble();
    if (const QString spec = q.value(4).toString(); !spec.isEmpty()) {
        if (auto json = protocol::parseJsonObject(spec.toUtf8())) {
            if (auto parsed = protocol::machineSpecFromJson(*json)) {
                facts.statedDownMbps = parsed->inet_down_mbps;
                facts.statedUpMbps = parsed->inet_up_mbps;
            }
        }
    }
    facts.netDownMbps = optionalValue(q.value(5));
    facts.netUpMbps = optionalValue(q.value(6));
    facts.diskWriteMbps = optionalValue(q.value(7));
    facts.measuredAtMs = optionalValue(q.value(8));
    *verified = q.value(9).toBool();
    return facts;
}

} // namespace

Result<bool> SqlStore::applyVerificationRule(qint64 hostId, qint64 nowMs)
{
    // A host with an operator's verdict has no row here: the verdict stands.
    auto q = m_db->exec(u"SELECT "_s + kFactsColumns + u" AND id = ?"_s, {hostId});
    if (!q)
        return q.error();
    if (!q->next())
        return false;
    bool was = false;
    const VerificationFacts facts = factsOf(*q, &was);
    q->finish();
    const bool now = VerificationRule::holds(facts, nowMs);
    if (now == was)
        return false;
    auto r = m_db->exec(u"UPDATE hosts SET verified = ? WHERE id = ?"_s, {now, hostId});
    if (!r)
        return r.error();
    return true;
}

Result<QList<qint64>> SqlStore::reverifyHosts(qint64 nowMs)
{
    // One read of every host the rule judges, then a write only where the verdict changes: run
    // once a minute on the market's thread, it must stay cheap with thousands of hosts.
    auto q = m_db->exec(u"SELECT "_s + kFactsColumns + u" ORDER BY id"_s);
    if (!q)
        return q.error();
    QList<QPair<qint64, bool>> changes;
    while (q->next()) {
        bool was = false;
        const VerificationFacts facts = factsOf(*q, &was);
        const bool now = VerificationRule::holds(facts, nowMs);
        if (now != was)
            changes.append({q->value(0).toLongLong(), now});
    }
    q->finish();
    QList<qint64> changed;
    for (const auto &[id, verdict] : std::as_const(changes)) {
        Transaction tx(*m_db);
        if (!tx.started())
            return tx.started().error();
        // Still without an operator's verdict: one may have come in between.
        auto r = m_db->exec(u"UPDATE hosts SET verified = ? WHERE id = ? "
                            "AND verified_by_operator IS NULL"_s,
                            {verdict, id});
        if (!r)
            return r.error();
        if (r->numRowsAffected() == 0)
            continue;
        if (auto o = refreshOffer(id); !o)
            return o.error();
        if (auto c = tx.commit(); !c)
            return c.error();
        changed.append(id);
    }
    return changed;
}

Result<Host> SqlStore::setHostVerified(qint64 hostId, std::optional<bool> verified, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    const QVariant byOperator =
        verified ? QVariant(*verified) : QVariant(QMetaType::fromType<bool>());
    auto r = m_db->exec(u"UPDATE hosts SET verified_by_operator = ?, verified = ? WHERE id = ?"_s,
                        {byOperator, verified.value_or(false), hostId});
    if (!r)
        return r.error();
    if (r->numRowsAffected() == 0)
        return makeError(u"not_found"_s, u"no host %1"_s.arg(hostId));
    if (!verified) {
        if (auto v = applyVerificationRule(hostId, nowMs); !v)
            return v.error();
    }
    if (auto o = refreshOffer(hostId); !o)
        return o.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return readHost(hostId);
}

} // namespace suanli::server
