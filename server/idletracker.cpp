#include "idletracker.h"

namespace suanli::server {

IdleTracker::IdleTracker(Store &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
{
    m_uptime.start();
}

void IdleTracker::track(const protocol::TelemetrySample &sample)
{
    Track &track = m_tracks[sample.instance_id];
    const qint64 uptime = m_uptime.elapsed();
    if (!track.loadedAtMs || uptime - track.loadedAtMs > kGuardCacheMs) {
        auto guard = m_store.idleGuard(sample.instance_id);
        if (!guard) {
            m_tracks.remove(sample.instance_id);
            return;
        }
        track.guard = *guard;
        track.loadedAtMs = std::max<qint64>(1, uptime);
    }
    if (track.guard.stopAfterS <= 0) {
        // No idle stop: nothing to write (updateGuards clears idle_since when it changes).
        track.known = true;
        track.idle = false;
        return;
    }
    bool idle = false;
    if (track.guard.running) {
        idle = sample.ssh_sessions == 0;
        if (track.guard.gpuCount > 0 && !sample.gpus.isEmpty()) {
            for (const auto &gpu : sample.gpus)
                idle = idle && gpu.utilization_pct < track.guard.belowPct;
        } else {
            idle = idle && sample.cpu_pct < track.guard.belowPct;
        }
    }
    if (track.known && track.idle == idle)
        return;
    if (m_store.setIdleSince(sample.instance_id, idle ? m_clock.nowMs() : 0)) {
        track.known = true;
        track.idle = idle;
    }
}

} // namespace suanli::server
