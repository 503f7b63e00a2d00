#include "spendseries.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace suanli::dashboard {

bool SpendSeries::isSpend(const protocol::LedgerEntry &entry)
{
    return entry.kind == "gpu"_L1 || entry.kind == "storage"_L1;
}

void SpendSeries::addEntries(const QList<protocol::LedgerEntry> &entries)
{
    bool sorted = true;
    for (const auto &e : entries) {
        if (!isSpend(e))
            continue;
        if (!m_entries.empty() && e.id <= m_entries.back().id) {
            const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), e.id,
                                             [](const Row &r, qint64 id) { return r.id < id; });
            if (it != m_entries.end() && it->id == e.id)
                continue;
            sorted = false;
        }
        m_entries.push_back({e.id, e.at.toMSecsSinceEpoch(), e.instance_id, -e.amount_micro});
    }
    if (!sorted)
        std::sort(m_entries.begin(), m_entries.end(),
                  [](const Row &a, const Row &b) { return a.id < b.id; });
}

QList<qint64> SpendSeries::instanceIds() const
{
    QList<qint64> ids;
    for (const Row &r : m_entries) {
        if (r.instanceId != 0 && !ids.contains(r.instanceId))
            ids.append(r.instanceId);
    }
    return ids;
}

std::optional<qint64> SpendSeries::firstChargeAt(qint64 instanceId, qint64 fromMs) const
{
    for (const Row &r : m_entries) {
        if (r.atMs >= fromMs && r.amount != 0 && (instanceId == 0 || r.instanceId == instanceId))
            return r.atMs;
    }
    return std::nullopt;
}

Micro SpendSeries::totalAt(qint64 instanceId, qint64 atMs) const
{
    Micro total = 0;
    for (const Row &r : m_entries) {
        if (r.atMs <= atMs && (instanceId == 0 || r.instanceId == instanceId))
            total += r.amount;
    }
    return total;
}

QList<SpendPoint> SpendSeries::cumulative(qint64 instanceId, qint64 fromMs, qint64 toMs,
                                          int pixels) const
{
    QList<SpendPoint> out;
    if (toMs <= fromMs || pixels <= 0)
        return out;
    const double perPx = double(toMs - fromMs) / pixels;
    Micro total = 0;
    size_t i = 0;
    for (; i < m_entries.size(); ++i) {
        const Row &r = m_entries[i];
        if (r.atMs >= fromMs)
            break;
        if (instanceId == 0 || r.instanceId == instanceId)
            total += r.amount;
    }
    out.append({fromMs, total});
    qint64 column = -1;
    for (; i < m_entries.size(); ++i) {
        const Row &r = m_entries[i];
        if (r.atMs > toMs)
            break;
        if (instanceId != 0 && r.instanceId != instanceId)
            continue;
        total += r.amount;
        const qint64 c = qint64(double(r.atMs - fromMs) / perPx);
        if (c == column && out.size() > 1)
            out.last() = {r.atMs, total}; // same column: the newest value draws it
        else
            out.append({r.atMs, total});
        column = c;
    }
    out.append({toMs, total});
    return out;
}

QList<Micro> SpendSeries::dailyForMonth(QDate month, const QTimeZone &zone) const
{
    const QDate first(month.year(), month.month(), 1);
    QList<Micro> days(first.daysInMonth(), 0);
    const qint64 from = first.startOfDay(zone).toMSecsSinceEpoch();
    const qint64 to = first.addMonths(1).startOfDay(zone).toMSecsSinceEpoch();
    for (const Row &r : m_entries) {
        if (r.atMs < from || r.atMs >= to)
            continue;
        const QDate day = QDateTime::fromMSecsSinceEpoch(r.atMs, zone).date();
        days[day.day() - 1] += r.amount;
    }
    return days;
}

Micro burnPerHour(const QList<protocol::Instance> &instances)
{
    using protocol::InstanceState;
    Micro burn = 0;
    for (const auto &i : instances) {
        if (i.state == InstanceState::Stopped)
            burn += storageChargeForSeconds(i.price_storage_gb_month_micro, i.disk_gb, 3600);
        else if (i.state == InstanceState::Running || i.state == InstanceState::Stopping)
            burn += protocol::hourlyRate(i);
    }
    return burn;
}

std::optional<qint64> runwaySeconds(Micro balance, Micro burn)
{
    if (burn <= 0)
        return std::nullopt;
    return qint64(Int128(std::max<Micro>(0, balance)) * 3600 / burn);
}

} // namespace suanli::dashboard
