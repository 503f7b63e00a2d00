#pragma once

#include "machines.h"

#include <QObject>
#include <QSet>
#include <QUrl>
#include <QWebSocket>

namespace suanli::bench {

/// A simulated host agent on the real agent channel (docs/protocol.md): connects to
/// /api/v1/agent with its host token, says hello with its machine spec, answers commands the
/// way the real agent does (ack, then instance_state reports with increasing seq) without
/// running containers, and sends telemetry and usage heartbeats when told to.
class SimAgent : public QObject
{
    Q_OBJECT
public:
    SimAgent(int index, QUrl agentUrl, QByteArray hostToken, Machine machine,
             QObject *parent = nullptr);
    ~SimAgent() override;

    void open();
    int index() const { return m_index; }
    const Machine &machine() const { return m_machine; }
    bool isWelcomed() const { return m_welcomed; }
    qint64 hostId() const { return m_hostId; }
    /// The instance the market asked this agent to create (0: none yet).
    qint64 instanceId() const { return m_instanceId; }
    bool isInstanceRunning() const { return m_running; }
    int errorsReceived() const { return m_errors; }

    /// One 1 Hz telemetry message for the running instance (nothing without one).
    bool sendTelemetry(QRandomGenerator &rng);
    /// The usage heartbeat that keeps the host from being declared lost.
    void sendUsage();

signals:
    void welcomed();
    void instanceRunning(qint64 instanceId);
    /// The channel failed or closed; `why` says how.
    void lost(const QString &why);
    /// The market answered a message with an error (each one is a failed message).
    void marketError(const QString &code, const QString &message);

private:
    void onText(const QString &text);
    void onCommand(const protocol::CommandMessage &command);
    void report(qint64 instanceId, protocol::InstanceState state, const QString &commandId);
    void send(const protocol::AgentMessage &message);
    void loseOnce(const QString &why);

    QWebSocket m_socket;
    int m_index = 0;
    QUrl m_url;
    QByteArray m_token;
    Machine m_machine;
    bool m_welcomed = false;
    bool m_lost = false;
    qint64 m_hostId = 0;
    qint64 m_instanceId = 0;
    int m_instanceGpus = 0;
    bool m_running = false;
    qint64 m_seq = 0;
    qint64 m_usageSeq = 0;
    int m_errors = 0;
    QSet<QString> m_doneCommands;
    protocol::TelemetrySample m_lastSample;
};

} // namespace suanli::bench
