#pragma once

#include "protocol/clock.h"
#include "store.h"

#include <QElapsedTimer>
#include <QHash>

namespace suanli::server {

/// The idle guard's measurement: every GPU (a CPU-only instance: its CPU, in % of one core)
/// below the instance's idle_below_pct and no SSH session. Only changes are written
/// (Store::setIdleSince); the billing run stops an instance idle for idle_stop_s.
class IdleTracker
{
public:
    /// How long an instance's idle-stop setting is trusted before it is read again (a change
    /// through this process takes effect at once; through another, within this).
    static constexpr qint64 kGuardCacheMs = 30'000;

    IdleTracker(Store &store, const Clock &clock);

    void track(const protocol::TelemetrySample &sample);
    /// A new state or new guard settings: the instance's measurement starts over.
    void forget(qint64 instanceId) { m_tracks.remove(instanceId); }

private:
    struct Track
    {
        IdleGuard guard;
        qint64 loadedAtMs = 0; ///< m_uptime; the guard is re-read after kGuardCacheMs
        bool known = false;    ///< idle below is what the database says
        bool idle = false;
    };
    Store &m_store;
    const Clock &m_clock;
    QElapsedTimer m_uptime;
    QHash<qint64, Track> m_tracks; ///< instance → idle guard and state
};

} // namespace suanli::server
