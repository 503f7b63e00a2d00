#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

#include <algorithm>

namespace suanli::protocol {

/// The one retry delay of the whole system (the market client's retries, the agent's and the
/// events socket's reconnects, SSH sessions): exponential, capped, with "equal jitter" — the
/// n-th retry (0-based) waits between half and all of min(first · 2ⁿ, cap). The fixed half
/// keeps backing off; the random half spreads a fleet of clients that lost the same market.
/// `random` picks the point in the random half (tests pass fixed values).
inline qint64 backoffMs(int attempt, qint64 firstMs, qint64 capMs, quint32 random)
{
    const qint64 exponential = firstMs << std::clamp(attempt, 0, 20);
    const qint64 ceiling = std::max<qint64>(0, std::min(exponential, capMs));
    return ceiling / 2 + (ceiling / 2 + 1) * (random % 1000) / 1000;
}

/// The same with a random point.
inline qint64 backoffMs(int attempt, qint64 firstMs, qint64 capMs)
{
    return backoffMs(attempt, firstMs, capMs, QRandomGenerator::global()->generate());
}

} // namespace suanli::protocol
