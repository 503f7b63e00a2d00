#include "agentshard.h"

#include "simagent.h"

namespace suanli::bench {

AgentShard::AgentShard(int heartbeatSeconds, int phase, quint32 seed)
    : m_heartbeatSeconds(heartbeatSeconds)
    , m_phase(phase)
    , m_rng(seed)
    , m_heartbeat(this)
    , m_telemetry(this)
{
    m_heartbeat.setInterval(kHeartbeatTickMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &AgentShard::heartbeatTick);
    // A coarse timer on purpose: a precise one makes the glib dispatcher poll with a zero
    // timeout for the last sub-millisecond of every period, i.e. spin over all the sockets
    // of the thread. Pacing against m_telemetryClock keeps the rate exact anyway.
    m_telemetry.setInterval(kTelemetryTickMs);
    m_telemetry.setTimerType(Qt::CoarseTimer);
    connect(&m_telemetry, &QTimer::timeout, this, &AgentShard::telemetryTick);
}

void AgentShard::adopt(SimAgent *agent)
{
    agent->setParent(this);
    m_agents.push_back(agent);
    agent->open();
}

void AgentShard::startHeartbeats()
{
    m_heartbeatTicks = 0;
    m_heartbeatClock.start();
    m_heartbeat.start();
}

void AgentShard::heartbeatTick()
{
    // Every agent sends usage once per heartbeat period, spread over the ticks of the period
    // so the market sees a steady stream rather than a burst. Paced against the clock: a
    // late timer catches up instead of lowering the rate.
    const qint64 slotCount = qint64(m_heartbeatSeconds) * 1000 / kHeartbeatTickMs;
    const qint64 due = m_heartbeatClock.elapsed() / kHeartbeatTickMs;
    for (; m_heartbeatTicks < due; ++m_heartbeatTicks) {
        const size_t slot = size_t(m_heartbeatTicks % slotCount);
        for (size_t i = slot; i < m_agents.size(); i += size_t(slotCount)) {
            if (m_agents[i]->isWelcomed()) {
                m_agents[i]->sendUsage();
                m_usageSent.fetch_add(1, std::memory_order_relaxed);
            }
        }
    }
}

void AgentShard::startTelemetry()
{
    std::vector<SimAgent *> senders;
    for (SimAgent *agent : m_agents) {
        if (agent->isInstanceRunning())
            senders.push_back(agent);
    }
    // Spaced evenly over the second, so that any whole number of seconds holds exactly one
    // message per agent and second.
    m_telemetrySlots.assign(kTicksPerSecond, {});
    for (size_t i = 0; i < senders.size(); ++i) {
        const size_t tick =
            (i * kTicksPerSecond / senders.size() + size_t(m_phase)) % kTicksPerSecond;
        m_telemetrySlots[tick].push_back(senders[i]);
    }
    m_telemetryTicks = 0;
    m_telemetryClock.start();
    m_telemetry.start();
}

void AgentShard::stopTelemetry()
{
    m_telemetry.stop();
}

void AgentShard::telemetryTick()
{
    // Each agent in its own tick of the second; the shards' ticks are out of phase, so the
    // market sees an even stream, as from unsynchronised machines.
    const qint64 due = m_telemetryClock.elapsed() / kTelemetryTickMs;
    for (; m_telemetryTicks < due; ++m_telemetryTicks) {
        for (SimAgent *agent : m_telemetrySlots[size_t(m_telemetryTicks % kTicksPerSecond)]) {
            if (agent->sendTelemetry(m_rng))
                m_telemetrySent.fetch_add(1, std::memory_order_relaxed);
        }
    }
}

} // namespace suanli::bench
