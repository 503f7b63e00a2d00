#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <atomic>
#include <vector>

namespace suanli::bench {

class SimAgent;

/// A share of the simulated agents with the thread that runs them. Qt's event dispatcher
/// polls every socket of a thread on each pass, so 10,000 agent sockets in one thread would
/// make the load generator itself the bottleneck (a poll over 10,000 descriptors for each
/// message sent); split over a few threads each pass stays cheap. The shard paces its
/// agents' usage heartbeats and telemetry. Call its methods in its own thread
/// (QMetaObject::invokeMethod); the counters may be read from any thread.
class AgentShard : public QObject
{
    Q_OBJECT
public:
    /// Telemetry is sent in ticks of this many ms, heartbeats in ticks of kHeartbeatTickMs.
    /// Every tick wakes the thread, and each wake-up polls all its sockets: few ticks, cheap
    /// load generator.
    static constexpr int kTelemetryTickMs = 40;
    static constexpr int kTicksPerSecond = 1000 / kTelemetryTickMs;
    static constexpr int kHeartbeatTickMs = 200;

    /// `phase` (0 to kTicksPerSecond - 1) offsets this shard's telemetry ticks from the other
    /// shards'.
    AgentShard(int heartbeatSeconds, int phase, quint32 seed);

    /// Takes ownership of an agent already moved to this thread and opens its channel.
    void adopt(SimAgent *agent);
    void startHeartbeats();
    /// Every agent of the shard with a running instance sends one telemetry message a
    /// second, the agents spread evenly over the ticks of the second.
    void startTelemetry();
    void stopTelemetry();

    qint64 telemetrySent() const { return m_telemetrySent.load(std::memory_order_relaxed); }
    qint64 usageSent() const { return m_usageSent.load(std::memory_order_relaxed); }

private:
    void heartbeatTick();
    void telemetryTick();

    int m_heartbeatSeconds = 30;
    int m_phase = 0;
    QRandomGenerator m_rng;
    std::vector<SimAgent *> m_agents;
    std::vector<std::vector<SimAgent *>> m_telemetrySlots; ///< one list per tick of a second
    QTimer m_heartbeat;
    QElapsedTimer m_heartbeatClock;
    qint64 m_heartbeatTicks = 0;
    QTimer m_telemetry;
    QElapsedTimer m_telemetryClock;
    qint64 m_telemetryTicks = 0;
    std::atomic<qint64> m_telemetrySent{0};
    std::atomic<qint64> m_usageSent{0};
};

} // namespace suanli::bench
