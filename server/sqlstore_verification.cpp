#include "sqlstore.h"

#include "hostverification.h"
#include "protocol/json.h"

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

Result<bool> SqlStore::applyVerificationRule(qint64 hostId, qint64 nowMs)
{
    auto q = m_db->exec(u"SELECT created_at, online, reliability, spec, net_down_mbps, "
                        "net_up_mbps, disk_write_mbps, measured_at, verified, "
                        "verified_by_operator FROM hosts WHERE id = ?"_s,
                        {hostId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(u"not_found"_s, u"no host %1"_s.arg(hostId));
    if (!q->value(9).isNull()) {
        q->finish();
        return false; // the operator's verdict stands
    }
    VerificationFacts facts;
    facts.createdAtMs = q->value(0).toLongLong();
    facts.online = q->value(1).toBool();
    facts.reliability = q->value(2).toDouble();
    const QString specText = q->value(3).toString();
    facts.netDownMbps = optionalValue(q->value(4));
    facts.netUpMbps = optionalValue(q->value(5));
    facts.diskWriteMbps = optionalValue(q->value(6));
    facts.measuredAtMs = optionalValue(q->value(7));
    const bool was = q->value(8).toBool();
    q->finish();
    if (!specText.isEmpty()) {
        if (auto json = protocol::parseJsonObject(specText.toUtf8())) {
            if (auto spec = protocol::machineSpecFromJson(*json)) {
                facts.statedDownMbps = spec->inet_down_mbps;
                facts.statedUpMbps = spec->inet_up_mbps;
            }
        }
    }
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
    auto ids =
        m_db->column(u"SELECT id FROM hosts WHERE verified_by_operator IS NULL ORDER BY id"_s);
    if (!ids)
        return ids.error();
    QList<qint64> changed;
    for (qint64 id : std::as_const(*ids)) {
        Transaction tx(*m_db);
        if (!tx.started())
            return tx.started().error();
        auto v = applyVerificationRule(id, nowMs);
        if (!v)
            return v.error();
        if (!*v)
            continue; // nothing written; the transaction rolls back empty
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
