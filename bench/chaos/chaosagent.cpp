#include "chaosagent.h"

#include "protocol/json.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace suanli::bench {

using protocol::InstanceState;

ChaosAgent::ChaosAgent(int index, QUrl agentUrl, QByteArray hostToken, Machine machine,
                       quint64 seed, QObject *parent)
    : QObject(parent)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this)
    , m_index(index)
    , m_url(std::move(agentUrl))
    , m_token(std::move(hostToken))
    , m_machine(std::move(machine))
    , m_rng(quint32(seed ^ (seed >> 32)))
{
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        // Hello says what this agent holds, so the market reconciles (docs/protocol.md).
        protocol::HelloMessage hello = m_machine.hello;
        for (auto it = m_states.cbegin(); it != m_states.cend(); ++it) {
            if (it.value() == InstanceState::Destroyed)
                continue;
            hello.instances.append({it.key(), it.value(), m_lastSeq.value(it.key())});
        }
        sendNow(hello);
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ChaosAgent::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, &ChaosAgent::onLost);
    // Qt 6.4 names the signal error(); errorOccurred() arrives in 6.5.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) { onLost(); });
}

ChaosAgent::~ChaosAgent()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void ChaosAgent::open()
{
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    m_socket.open(request);
}

void ChaosAgent::onLost()
{
    m_welcomedNow = false;
    m_held.reset(); // a held report dies with the channel, as a real one in a send buffer does
    if (m_reconnectQueued)
        return;
    m_reconnectQueued = true;
    // The real agent backs off from 1 s; a little jitter keeps the agents from reconnecting
    // in one burst after a market restart.
    QTimer::singleShot(500 + int(m_rng.bounded(1000)), this, [this] {
        m_reconnectQueued = false;
        ++m_faults.reconnects;
        m_socket.abort();
        open();
    });
}

void ChaosAgent::sendNow(const protocol::AgentMessage &message)
{
    if (!m_socket.isValid())
        return;
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(protocol::toJson(message)).toJson(QJsonDocument::Compact)));
}

void ChaosAgent::send(const protocol::AgentMessage &message)
{
    const bool isReport = std::holds_alternative<protocol::InstanceStateMessage>(message);
    if (m_faulty && isReport && !m_held && m_rng.bounded(8) == 0) {
        // Reordered: this report goes after the next message (or after 300 ms).
        ++m_faults.reordered;
        m_held = message;
        QTimer::singleShot(300, this, [this] {
            if (m_held) {
                sendNow(*m_held);
                m_held.reset();
            }
        });
        return;
    }
    sendNow(message);
    if (m_faulty && isReport && m_rng.bounded(6) == 0) {
        ++m_faults.duplicated;
        sendNow(message);
    }
    if (m_held) {
        const protocol::AgentMessage held = *m_held;
        m_held.reset();
        sendNow(held);
    }
}

void ChaosAgent::onText(const QString &text)
{
    const auto json = protocol::parseJsonObject(text.toUtf8());
    if (!json || json->value(u"type"_s).toString() == "error"_L1)
        return;
    const auto message = protocol::marketMessageFromJson(*json);
    if (!message)
        return;
    if (const auto *welcome = std::get_if<protocol::WelcomeMessage>(&*message)) {
        m_hostId = welcome->host_id;
        m_welcomedNow = true;
        // As the real agent does after every welcome (docs/protocol.md, `hello`): the last
        // report of each instance again, in case it was lost with the old connection.
        for (const protocol::InstanceStateMessage &last : std::as_const(m_lastReport))
            sendNow(last);
        emit welcomed();
    } else if (const auto *command = std::get_if<protocol::CommandMessage>(&*message)) {
        onCommand(*command);
    }
}

void ChaosAgent::onCommand(const protocol::CommandMessage &command)
{
    // Commands are idempotent by id: a re-sent one is acknowledged again, not re-run.
    sendNow(protocol::AckMessage{command.id});
    if (m_doneCommands.contains(command.id))
        return;
    m_doneCommands.insert(command.id);
    const qint64 id = command.instance_id;
    using protocol::CommandAction;
    const auto state = m_states.constFind(id);
    if (command.action != CommandAction::Create && command.action != CommandAction::Destroy &&
        state != m_states.cend() &&
        (*state == InstanceState::Failed || *state == InstanceState::Destroyed)) {
        // As the real agent does (HostEngine::doStop; doStart reports it failed): a stop or a
        // start of an instance that already ended changes nothing; its last report goes again.
        if (m_lastReport.contains(id))
            sendNow(m_lastReport.value(id));
        return;
    }
    switch (command.action) {
    case CommandAction::Create:
        report(id, InstanceState::Provisioning, QString());
        if (m_faulty && m_rng.bounded(10) == 0) {
            // The host's disk is full: the instance's volume cannot be made and the create
            // fails, with the kernel's words for it as the reason.
            ++m_faults.diskFull;
            report(id, InstanceState::Failed, command.id, u"no space left on device"_s);
            break;
        }
        report(id, InstanceState::Running, command.id);
        break;
    case CommandAction::Start:
        report(id, InstanceState::Starting, QString());
        report(id, InstanceState::Running, command.id);
        break;
    case CommandAction::Stop:
        report(id, InstanceState::Stopping, QString());
        report(id, InstanceState::Stopped, command.id);
        break;
    case CommandAction::Destroy:
        report(id, InstanceState::Destroying, QString());
        report(id, InstanceState::Destroyed, command.id);
        break;
    case CommandAction::SaveImage:
    case CommandAction::DeleteImage:
        break; // saved images are not part of this simulation
    case CommandAction::AuthorizeKey:
    case CommandAction::RevokeKey:
    case CommandAction::Copy:
        break; // the chaos run clones nothing
    }
}

void ChaosAgent::report(qint64 instanceId, InstanceState state, const QString &commandId,
                        const QString &reason)
{
    m_states.insert(instanceId, state);
    protocol::InstanceStateMessage m;
    m.instance_id = instanceId;
    m.seq = ++m_seq;
    m_lastSeq.insert(instanceId, m.seq);
    m.state = state;
    m.command_id = commandId;
    m.reason = reason;
    if (state == InstanceState::Running) {
        m.ssh = protocol::SshEndpoint{
            m_machine.hello.address, m_machine.hello.port_min + int(instanceId % 1000), u"root"_s,
            u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBenchmarkHostKeyOfSimulatedInstance0000 "
            "chaos"_s,
            std::nullopt};
    }
    m_lastReport.insert(instanceId, m);
    send(m);
}

void ChaosAgent::sendTelemetry()
{
    if (!m_welcomedNow)
        return;
    if (m_faulty && m_rng.bounded(40) == 0) {
        // A clock step of up to ±2 h on the agent: only its own timestamps move, the market
        // bills on its own clock (docs/market.md, "Billing as implemented").
        ++m_faults.clockSteps;
        m_clockOffsetMs += (qint64(m_rng.bounded(14400)) - 7200) * 1000;
    }
    protocol::TelemetryMessage message;
    const QDateTime now = QDateTime::currentDateTimeUtc().addMSecs(m_clockOffsetMs);
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it) {
        if (it.value() != InstanceState::Running)
            continue;
        protocol::TelemetrySample sample;
        sample.instance_id = it.key();
        sample.at = now;
        sample.cpu_pct = 50;
        sample.gpus = {protocol::GpuSample{0, 90.0, 1000, 60.0, 200.0}};
        message.samples.append(sample);
    }
    if (!message.samples.isEmpty())
        send(message);
}

void ChaosAgent::sendUsage()
{
    if (!m_welcomedNow)
        return;
    protocol::UsageMessage m;
    m.seq = ++m_usageSeq;
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it)
        if (it.value() == InstanceState::Running)
            m.running_instance_ids.append(it.key());
    send(m);
}

} // namespace suanli::bench
