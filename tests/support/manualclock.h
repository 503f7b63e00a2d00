#pragma once

#include "protocol/clock.h"

#include <atomic>

namespace suanli::test {

/// A clock that moves only when told to. Atomic: a test moves it on its own thread while the
/// market's billing worker reads it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000) : m_now(startMs) {} // 2026-01-01
    qint64 nowMs() const override { return m_now.load(); }
    void setMs(qint64 ms) { m_now.store(ms); }
    void setLocal(const QDateTime &local) { m_now.store(local.toMSecsSinceEpoch()); }
    void advanceSeconds(qint64 seconds) { m_now += seconds * 1000; }
    void advanceMs(qint64 ms) { m_now += ms; }

private:
    std::atomic<qint64> m_now;
};

} // namespace suanli::test
