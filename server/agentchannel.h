#pragma once

#include "protocol/clock.h"
#include "store.h"

#include <QHash>
#include <QObject>

#include <memory>

class QWebSocket;

namespace suanli::server {

class AppEventHub;
class EventRelay;
class IdleTracker;
class InstanceIndex;
class TelemetryPipeline;

/// The agent channel (/api/v1/agent, docs/protocol.md): one socket per host, its messages
/// (hello, state reports, telemetry, availability, notices, logs) applied to the store, and the
/// commands queued for it sent until acknowledged (again after kCommandRetryMs; the agent
/// dedupes by id). A reconnecting agent's newer connection wins. The hello decides how renters
/// reach the host (direct or through a relay, probing the address for network "auto"); a
/// relayed host's agent gets the relay message after the welcome and whenever its list of relay
/// ports changes (docs/protocol.md, "Relay").
class AgentChannel : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kCommandRetryMs = 10'000;

    AgentChannel(Store &store, const Clock &clock, EventRelay &relay, AppEventHub &apps,
                 TelemetryPipeline &telemetry, IdleTracker &idle, InstanceIndex &instances,
                 QObject *parent = nullptr);

    /// An authenticated agent socket of a host.
    void accept(std::unique_ptr<QWebSocket> socket, qint64 hostId);
    /// Sends the host's unacknowledged commands (onlyDue: those not sent for kCommandRetryMs)
    /// when its agent is connected here and said hello.
    void sendPendingCommands(qint64 hostId, bool onlyDue);
    /// Sends again what is due to every agent connected here.
    void retryCommands();
    /// Commands were queued for the host: to its agent here, or to the process it is on.
    void kick(qint64 hostId);

    bool isConnected(qint64 hostId) const { return m_agents.contains(hostId); }
    /// Closes the host's connection here, if one past its hello: the agent reconnects and
    /// says hello again.
    void drop(qint64 hostId, const QString &reason);
    qsizetype count() const { return m_agents.size(); }

signals:
    /// An agent's report changed something apps or agents should hear of.
    void changed(const QList<suanli::server::Change> &changes);

private:
    struct AgentSession;
    void onMessage(AgentSession *session, const QString &text);
    void onHello(AgentSession *session, const protocol::HelloMessage &hello);
    /// After the verdict: stores the hello, answers welcome (+ relay), sends what is pending.
    void completeHello(AgentSession *session, const protocol::HelloMessage &hello,
                       const QString &requested, const QString &verdict, const QString &relayKey,
                       bool noRelay);
    /// Sends the host's relay message when it differs from what this session last got.
    void sendRelayUpdate(AgentSession *session);

    Store &m_store;
    const Clock &m_clock;
    EventRelay &m_relay;
    AppEventHub &m_apps;
    TelemetryPipeline &m_telemetry;
    IdleTracker &m_idle;
    InstanceIndex &m_instances;
    QHash<qint64, AgentSession *> m_agents; ///< by host id, this process only
    /// Host id → market time of the last live heartbeat (`usage`) this process read from it.
    QHash<qint64, qint64> m_lastHeartbeat;
};

} // namespace suanli::server
