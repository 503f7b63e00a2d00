#pragma once

#include <QDateTime>
#include <QtGlobal>

namespace suanli {

/// The one clock of the whole system: the market bills on it, the host agent's lending
/// policy reads local time from it, and the app counts down releases and draws charts with
/// it. Product code takes a `const Clock &` (or a pointer) and never reads wall time itself,
/// so tests pass a manual clock (tests/support/manualclock.h) and move time by hand.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch, UTC. Must be thread-safe: the market's billing and
    /// telemetry workers read it from their own threads.
    virtual qint64 nowMs() const = 0;
    /// The same instant in UTC.
    QDateTime nowUtc() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
    /// The same instant in local time: schedule windows and "until tomorrow" are local.
    QDateTime nowLocal() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::LocalTime); }
};

/// Wall time.
class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace suanli
