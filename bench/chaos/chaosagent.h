#pragma once

#include "../market/machines.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <optional>

namespace suanli::bench {

/// What the chaos run made a simulated agent do wrong on purpose (docs/benchmarks.md, "Chaos").
struct AgentFaults
{
    int duplicated = 0; ///< instance_state reports sent twice
    int reordered = 0;  ///< instance_state reports held back and sent after the next one
    int clockSteps = 0; ///< steps of the agent's clock (its telemetry times)
    int reconnects = 0; ///< channels opened again after a loss
    int diskFull = 0;   ///< creates failed as on a host whose disk is full
};

/// A simulated host agent for the chaos run: the agent protocol (docs/protocol.md) for any
/// number of instances, with its own seeded generator deciding when to duplicate or reorder
/// its reports and when to step its clock. It reconnects after every loss and says in hello
/// what it holds, as the real agent does.
class ChaosAgent : public QObject
{
    Q_OBJECT
public:
    ChaosAgent(int index, QUrl agentUrl, QByteArray hostToken, Machine machine, quint64 seed,
               QObject *parent = nullptr);
    ~ChaosAgent() override;

    void open();
    /// Faults on (duplicates, reordering, clock steps) or off for the quiet end of the run.
    void setFaulty(bool faulty) { m_faulty = faulty; }
    int index() const { return m_index; }
    qint64 hostId() const { return m_hostId; }
    bool isConnected() const { return m_welcomedNow; }
    const AgentFaults &faults() const { return m_faults; }
    /// The agent's own view of its instances (destroyed ones included).
    const QHash<qint64, protocol::InstanceState> &instances() const { return m_states; }

    void sendTelemetry();
    void sendUsage();

signals:
    void welcomed();

private:
    void onText(const QString &text);
    void onCommand(const protocol::CommandMessage &command);
    void report(qint64 instanceId, protocol::InstanceState state, const QString &commandId,
                const QString &reason = QString());
    void send(const protocol::AgentMessage &message);
    void sendNow(const protocol::AgentMessage &message);
    void onLost();

    QWebSocket m_socket;
    int m_index = 0;
    QUrl m_url;
    QByteArray m_token;
    Machine m_machine;
    QRandomGenerator m_rng;
    bool m_faulty = true;
    bool m_welcomedNow = false;
    bool m_reconnectQueued = false;
    qint64 m_hostId = 0;
    qint64 m_seq = 0;
    qint64 m_usageSeq = 0;
    qint64 m_clockOffsetMs = 0;
    QHash<qint64, protocol::InstanceState> m_states;
    QHash<qint64, qint64> m_lastSeq;
    QHash<qint64, protocol::InstanceStateMessage> m_lastReport;
    QSet<QString> m_doneCommands;
    std::optional<protocol::AgentMessage> m_held;
    AgentFaults m_faults;
};

} // namespace suanli::bench
