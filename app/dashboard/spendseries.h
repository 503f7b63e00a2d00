#pragma once

#include "protocol/money.h"
#include "protocol/types.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace suanli::dashboard {

struct SpendPoint
{
    qint64 atMs = 0;
    Micro total = 0; ///< cumulative spend up to and including this moment
    bool operator==(const SpendPoint &) const = default;
};

/// The renter's spend from the ledger: cumulative per instance and for the account, and per
/// day. Spend is what GPU time and storage cost (`gpu` and `storage` entries; a credit of those
/// kinds, a correction, lowers it). Top-ups, vouchers, earnings and the zero `guard` lines are
/// not spend.
class SpendSeries
{
public:
    static bool isSpend(const protocol::LedgerEntry &entry);

    /// Adds entries (the ledger is append-only; an id already held is skipped).
    void addEntries(const QList<protocol::LedgerEntry> &entries);
    void clear() { m_entries.clear(); }
    qint64 lastId() const { return m_entries.empty() ? 0 : m_entries.back().id; }
    qsizetype size() const { return qsizetype(m_entries.size()); }
    /// Instances with any spend, in order of their first charge.
    QList<qint64> instanceIds() const;

    /// Time of the first charge of an instance (0: the account) at or after `fromMs`.
    std::optional<qint64> firstChargeAt(qint64 instanceId, qint64 fromMs) const;
    /// Total spend of an instance (0: the account) up to `atMs`.
    Micro totalAt(qint64 instanceId, qint64 atMs) const;
    /// Cumulative spend of an instance (0: the account) over [fromMs, toMs], at most about
    /// 2 points per pixel: the series only grows, so the last value in a column draws it.
    /// Starts with the total at fromMs and ends at toMs.
    QList<SpendPoint> cumulative(qint64 instanceId, qint64 fromMs, qint64 toMs,
                                 int pixels) const;
    /// Spend per calendar day of `month` (any date in it) in `zone`: element 0 is day 1.
    QList<Micro> dailyForMonth(QDate month, const QTimeZone &zone = QTimeZone::systemTimeZone()) const;

private:
    struct Row
    {
        qint64 id;
        qint64 atMs;
        qint64 instanceId;
        Micro amount; ///< spend, positive for a charge
    };
    std::vector<Row> m_entries; ///< spend rows only, by id (the ledger's time order)
};

/// What the account burns per hour now, as the market reckons it for its warnings: the GPU
/// price of running (and stopping) instances, storage of stopped ones.
Micro burnPerHour(const QList<protocol::Instance> &instances);
/// How long `balance` lasts at `burnPerHour`; nullopt when nothing burns.
std::optional<qint64> runwaySeconds(Micro balance, Micro burnPerHour);

} // namespace suanli::dashboard
