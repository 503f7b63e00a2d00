#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <atomic>

namespace suanli::server {

/// The market's clock. Billing runs on it, so tests inject a manual one.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch, UTC. Thread-safe: the billing worker reads it too.
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

/// A clock that moves only when told to. For tests and simulations. Atomic: a test moves it
/// on its own thread while the market's billing worker reads it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000) : m_now(startMs) {} // 2026-01-01
    qint64 nowMs() const override { return m_now.load(); }
    void setMs(qint64 ms) { m_now.store(ms); }
    void advanceSeconds(qint64 seconds) { m_now += seconds * 1000; }
    void advanceMs(qint64 ms) { m_now += ms; }

private:
    std::atomic<qint64> m_now;
};

} // namespace suanli::server
