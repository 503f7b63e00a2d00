#include "simagent.h"

#include "protocol/json.h"

#include <QJsonDocument>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace suanli::bench {

using protocol::InstanceState;

SimAgent::SimAgent(int index, QUrl agentUrl, QByteArray hostToken, Machine machine, QObject *parent)
    : QObject(parent)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this)
    , m_index(index)
    , m_url(std::move(agentUrl))
    , m_token(std::move(hostToken))
    , m_machine(std::move(machine))
{
    connect(&m_socket, &QWebSocket::connected, this, [this] { send(m_machine.hello); });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &SimAgent::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        loseOnce(u"closed by the market: %1 %2"_s.arg(int(m_socket.closeCode()))
                     .arg(m_socket.closeReason()));
    });
    // Qt 6.4 names the signal error(); errorOccurred() arrives in 6.5.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) { loseOnce(m_socket.errorString()); });
}

SimAgent::~SimAgent()
{
    // The socket outlives the other members during destruction and reports its close:
    // nobody may listen by then.
    m_socket.disconnect(this);
    m_socket.abort();
}

void SimAgent::open()
{
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    m_socket.open(request);
}

void SimAgent::loseOnce(const QString &why)
{
    // A failure shows as an error and then a disconnect: report it once.
    if (m_lost)
        return;
    m_lost = true;
    m_running = false;
    emit lost(why);
}

void SimAgent::send(const protocol::AgentMessage &message)
{
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(protocol::toJson(message)).toJson(QJsonDocument::Compact)));
    // Write now rather than on the next write-ready notification: with 10,000 sockets in
    // this thread every event-loop pass polls all of them, so a pass per message would make
    // the load generator, not the market, the bottleneck.
    m_socket.flush();
}

void SimAgent::onText(const QString &text)
{
    const auto json = protocol::parseJsonObject(text.toUtf8());
    if (!json) {
        emit marketError(u"malformed_json"_s, json.error().message);
        return;
    }
    if (json->value(u"type"_s).toString() == "error"_L1) {
        ++m_errors;
        const QJsonObject error = json->value(u"error"_s).toObject();
        emit marketError(error.value(u"code"_s).toString(), error.value(u"message"_s).toString());
        return;
    }
    const auto message = protocol::marketMessageFromJson(*json);
    if (!message) {
        emit marketError(message.error().code, message.error().message);
        return;
    }
    if (const auto *welcome = std::get_if<protocol::WelcomeMessage>(&*message)) {
        m_hostId = welcome->host_id;
        if (!m_welcomed) {
            m_welcomed = true;
            emit welcomed();
        }
    } else if (const auto *command = std::get_if<protocol::CommandMessage>(&*message)) {
        onCommand(*command);
    }
}

void SimAgent::onCommand(const protocol::CommandMessage &command)
{
    // Commands are idempotent by id: a re-sent one is acknowledged again, not re-run.
    send(protocol::AckMessage{command.id});
    if (m_doneCommands.contains(command.id))
        return;
    m_doneCommands.insert(command.id);
    using protocol::CommandAction;
    switch (command.action) {
    case CommandAction::Create:
        m_instanceId = command.instance_id;
        m_instanceGpus = command.spec ? command.spec->gpu_count : 0;
        m_lastSample = {};
        // A real agent pulls the image and starts sshd in between; here it is at once, so
        // what is measured is the market's side of the exchange.
        report(command.instance_id, InstanceState::Provisioning, QString());
        report(command.instance_id, InstanceState::Running, command.id);
        m_running = true;
        emit instanceRunning(command.instance_id);
        break;
    case CommandAction::Start:
        report(command.instance_id, InstanceState::Starting, QString());
        report(command.instance_id, InstanceState::Running, command.id);
        m_running = true;
        break;
    case CommandAction::Stop:
        m_running = false;
        report(command.instance_id, InstanceState::Stopping, QString());
        report(command.instance_id, InstanceState::Stopped, command.id);
        break;
    case CommandAction::Destroy:
        m_running = false;
        report(command.instance_id, InstanceState::Destroying, QString());
        report(command.instance_id, InstanceState::Destroyed, command.id);
        break;
    case CommandAction::SaveImage:
    case CommandAction::DeleteImage:
        break; // saved images are not part of this simulation
    case CommandAction::AuthorizeKey:
    case CommandAction::RevokeKey:
    case CommandAction::Copy:
        break; // the benchmark clones nothing
    }
}

void SimAgent::report(qint64 instanceId, InstanceState state, const QString &commandId)
{
    protocol::InstanceStateMessage m;
    m.instance_id = instanceId;
    m.seq = ++m_seq;
    m.state = state;
    m.command_id = commandId;
    if (state == InstanceState::Running) {
        m.ssh = protocol::SshEndpoint{
            m_machine.hello.address, m_machine.hello.port_min + int(instanceId % 1000), u"root"_s,
            u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBenchmarkHostKeyOfSimulatedInstance0000 "
            "bench"_s,
            std::nullopt};
    }
    send(m);
}

bool SimAgent::sendTelemetry(QRandomGenerator &rng)
{
    if (!m_running || !m_instanceId || !m_socket.isValid())
        return false;
    const auto &spec = m_machine.hello.spec;
    const qint64 memory = spec.gpus.isEmpty() ? 0 : spec.gpus.first().memory_mb;
    const QString model = spec.gpus.isEmpty() ? QString() : spec.gpus.first().model;
    m_lastSample =
        nextSample(m_lastSample, m_instanceId, m_instanceGpus, memory, boardPowerW(model), rng);
    send(protocol::TelemetryMessage{{m_lastSample}});
    return true;
}

void SimAgent::sendUsage()
{
    if (!m_welcomed || !m_socket.isValid())
        return;
    protocol::UsageMessage m;
    m.seq = ++m_usageSeq;
    if (m_running && m_instanceId)
        m.running_instance_ids = {m_instanceId};
    send(m);
}

} // namespace suanli::bench
