#include "agentchannel.h"

#include "protocol/version.h"

#include "appeventhub.h"
#include "eventrelay.h"
#include "idletracker.h"
#include "instanceindex.h"
#include "networkprobe.h"
#include "relaykey.h"
#include "telemetrypipeline.h"

#include "protocol/json.h"

#include <QJsonDocument>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace suanli::server {

struct AgentChannel::AgentSession
{
    std::unique_ptr<QWebSocket> socket;
    qint64 hostId = 0;
    bool helloSeen = false;
    /// network "auto": the probe under way; what the agent sends meanwhile waits in `deferred`.
    std::unique_ptr<NetworkProbe> probe;
    QStringList deferred;
    QString lastRelay; ///< the relay message this session last got (compact JSON)
    /// The last moment the market knew the host still ran what it had reported running: its
    /// last live heartbeat, on this connection or before it. A report's `at` cannot end a
    /// running period earlier (docs/market.md, "Billing as implemented").
    qint64 confirmedMs = 0;
};

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString errorMessage(const Error &error)
{
    return compact({{u"type"_s, u"error"_s},
                    {u"error"_s, QJsonObject{{u"code"_s, error.code},
                                             {u"message"_s, error.message},
                                             {u"field"_s, error.field}}}});
}

} // namespace

AgentChannel::AgentChannel(Store &store, const Clock &clock, EventRelay &relay, AppEventHub &apps,
                           TelemetryPipeline &telemetry, IdleTracker &idle,
                           InstanceIndex &instances, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_relay(relay)
    , m_apps(apps)
    , m_telemetry(telemetry)
    , m_idle(idle)
    , m_instances(instances)
{}

void AgentChannel::accept(std::unique_ptr<QWebSocket> socket, qint64 hostId)
{
    if (AgentSession *old = m_agents.take(hostId)) {
        // The agent reconnected: the newer connection wins. The old session is freed by its
        // own disconnected handler (which may run inside close()).
        old->socket->close(QWebSocketProtocol::CloseCodeNormal, u"replaced"_s);
    }
    // Only heartbeats count: an agent sends them only while connected, after its outbox, so one
    // says its instances ran then. A hello or a report may come from an outage's outbox, long
    // after it happened. The last one is this process's, or as written by another (or by this
    // one before a restart).
    qint64 prior = m_lastHeartbeat.value(hostId, 0);
    if (auto written = m_store.hostConfirmedAt(hostId))
        prior = std::max(prior, *written);
    auto *session = new AgentSession{std::move(socket), hostId, false, {}, {}, {}, prior};
    m_agents.insert(hostId, session);
    m_telemetry.noteHeartbeat(hostId, m_clock.nowMs());
    QWebSocket *ws = session->socket.get();
    connect(ws, &QWebSocket::textMessageReceived, this,
            [this, session](const QString &text) { onMessage(session, text); });
    connect(ws, &QWebSocket::disconnected, this, [this, session] {
        if (m_agents.value(session->hostId) == session) {
            m_agents.remove(session->hostId);
            // Its last heartbeat is what billing falls back on: store it now.
            m_telemetry.flushHeartbeat(session->hostId);
        }
        session->socket.release()->deleteLater();
        delete session;
    });
}

void AgentChannel::onMessage(AgentSession *session, const QString &text)
{
    const qint64 now = m_clock.nowMs();
    const qint64 hostId = session->hostId;
    m_telemetry.noteHeartbeat(hostId, now);
    auto json = protocol::parseJsonObject(text.toUtf8());
    if (!json) {
        session->socket->sendTextMessage(errorMessage(json.error()));
        return;
    }
    auto message = protocol::agentMessageFromJson(*json);
    if (!message) {
        session->socket->sendTextMessage(errorMessage(message.error()));
        return;
    }
    if (auto *hello = std::get_if<protocol::HelloMessage>(&*message)) {
        onHello(session, *hello);
        return;
    }
    if (session->probe) {
        session->deferred.append(text); // read once the hello is answered
        return;
    }
    if (!session->helloSeen) {
        session->socket->sendTextMessage(
            errorMessage(makeError(u"hello_required"_s, u"send hello before anything else"_s)));
        return;
    }
    if (auto *ack = std::get_if<protocol::AckMessage>(&*message)) {
        (void)m_store.ackCommand(hostId, ack->command_id, now);
    } else if (auto *state = std::get_if<protocol::InstanceStateMessage>(&*message)) {
        m_idle.forget(state->instance_id); // a new state: the idle guard starts over
        auto changes = m_store.applyInstanceState(hostId, *state, now, session->confirmedMs);
        if (!changes) {
            session->socket->sendTextMessage(errorMessage(changes.error()));
            return;
        }
        sendRelayUpdate(session); // a stopped, destroyed or failed instance's port is withdrawn
        emit changed(*changes);
    } else if (auto *telemetry = std::get_if<protocol::TelemetryMessage>(&*message)) {
        for (const auto &sample : telemetry->samples) {
            const std::optional<qint64> host = m_instances.hostOf(sample.instance_id);
            if (!host)
                continue;
            if (*host != hostId)
                continue; // a host reports only on its own instances
            m_telemetry.addSample(sample);
            m_idle.track(sample);
            m_apps.publishTelemetry(m_instances.accountOf(sample.instance_id), sample);
        }
    } else if (auto *availability = std::get_if<protocol::AvailabilityMessage>(&*message)) {
        auto r = m_store.setHostAvailability(hostId, availability->available, availability->reason);
        if (!r)
            session->socket->sendTextMessage(errorMessage(r.error()));
    } else if (auto *notice = std::get_if<protocol::NoticeMessage>(&*message)) {
        // Only about the host's own instances; the renter hears it before the stop.
        auto instance = m_store.instance(notice->instance_id);
        if (!instance || instance->host_id != hostId) {
            session->socket->sendTextMessage(errorMessage(makeError(
                u"forbidden"_s, u"instance %1 is not on this host"_s.arg(notice->instance_id))));
            return;
        }
        m_apps.publishToAccount(m_instances.accountOf(notice->instance_id),
                                protocol::toJson(protocol::AppEvent{protocol::InstanceNoticeEvent{
                                    notice->instance_id, notice->stop_at, notice->reason}}));
    } else if (std::get_if<protocol::UsageMessage>(&*message)) {
        // The heartbeat itself is the news: noted above. The agent sends it only while
        // connected, never from its outbox, so it says the host runs its instances now.
        session->confirmedMs = now;
        m_lastHeartbeat.insert(hostId, now);
        m_telemetry.noteConfirmation(hostId, now);
    } else if (auto *image = std::get_if<protocol::ImageStateMessage>(&*message)) {
        auto changes = m_store.applyImageState(hostId, *image, now);
        if (!changes) {
            session->socket->sendTextMessage(errorMessage(changes.error()));
            return;
        }
        if (!image->command_id.isEmpty())
            (void)m_store.ackCommand(hostId, image->command_id, now);
        emit changed(*changes);
    } else if (auto *copy = std::get_if<protocol::CopyProgressMessage>(&*message)) {
        // A clone's copy (docs/protocol.md, "Copying between hosts"); about its own instances.
        auto changes = m_store.applyCopyProgress(hostId, *copy, now);
        if (!changes) {
            session->socket->sendTextMessage(errorMessage(changes.error()));
            return;
        }
        emit changed(*changes);
    } else if (auto *measured = std::get_if<protocol::MeasurementMessage>(&*message)) {
        // The agent's speed test (docs/market.md, "Measured speeds"), stamped with the market's
        // time; the verification rule is applied to it at once.
        auto r = m_store.recordMeasurement(hostId, *measured, now);
        if (!r)
            session->socket->sendTextMessage(errorMessage(r.error()));
    } else if (auto *logs = std::get_if<protocol::LogMessage>(&*message)) {
        auto r = m_store.appendLogs(hostId, *logs, now);
        if (!r)
            session->socket->sendTextMessage(errorMessage(r.error()));
    }
}

void AgentChannel::onHello(AgentSession *session, const protocol::HelloMessage &hello)
{
    // docs/protocol.md, "Network": direct, relay, or auto (probe the advertised address).
    const QString requested = hello.network.isEmpty() ? u"direct"_s : hello.network;
    if (requested != "direct"_L1 && requested != "relay"_L1 && requested != "auto"_L1) {
        session->socket->sendTextMessage(errorMessage(
            makeError(u"invalid_value"_s, u"network is direct, relay or auto"_s, u"network"_s)));
        return;
    }
    QString relayKey;
    if (!hello.relay_public_key.isEmpty()) {
        auto key = ed25519KeyLine(hello.relay_public_key);
        if (!key) {
            session->socket->sendTextMessage(errorMessage(makeError(
                u"invalid_value"_s, u"relay_public_key must be an ssh-ed25519 public key line"_s,
                u"relay_public_key"_s)));
            return;
        }
        relayKey = *key;
        auto inUse = m_store.relayKeyInUse(session->hostId, relayKey);
        if (!inUse) {
            session->socket->sendTextMessage(errorMessage(inUse.error()));
            return;
        }
        if (*inUse) {
            session->socket->sendTextMessage(errorMessage(
                makeError(u"relay_key_in_use"_s, u"this relay_public_key belongs to another host"_s,
                          u"relay_public_key"_s)));
            return;
        }
    }
    if (requested == "relay"_L1 && relayKey.isEmpty() && !m_store.policy().relays.isEmpty()) {
        session->socket->sendTextMessage(
            errorMessage(makeError(u"invalid_value"_s, u"network relay needs a relay_public_key"_s,
                                   u"relay_public_key"_s)));
        return;
    }
    const bool relays = !m_store.policy().relays.isEmpty();
    if (requested == "direct"_L1 || !relays || relayKey.isEmpty()) {
        completeHello(session, hello, requested, u"direct"_s, relayKey,
                      requested == "relay"_L1 && !relays);
        return;
    }
    if (requested == "relay"_L1) {
        completeHello(session, hello, requested, u"relay"_s, relayKey, false);
        return;
    }
    // auto: reachable from outside → direct, else relay. Never a blocking wait: the verdict
    // comes back on the event loop, within NetworkProbe::kTimeoutMs.
    session->helloSeen = false;
    session->probe = std::make_unique<NetworkProbe>(hello.address, quint16(hello.probe_port));
    connect(session->probe.get(), &NetworkProbe::finished, this,
            [this, session, hello, requested, relayKey](bool reachable) {
                session->probe.release()->deleteLater();
                completeHello(session, hello, requested, reachable ? u"direct"_s : u"relay"_s,
                              relayKey, false);
                const QStringList deferred = std::exchange(session->deferred, {});
                for (const QString &text : deferred)
                    onMessage(session, text);
            });
    session->probe->start();
}

void AgentChannel::completeHello(AgentSession *session, const protocol::HelloMessage &hello,
                                 const QString &requested, const QString &verdict,
                                 const QString &relayKey, bool noRelay)
{
    const qint64 hostId = session->hostId;
    auto r = m_store.hostHello(hostId, hello, m_clock.nowMs());
    if (!r) {
        session->socket->sendTextMessage(errorMessage(r.error()));
        return;
    }
    if (auto n = m_store.setHostNetwork(hostId, requested, verdict, relayKey); !n) {
        session->socket->sendTextMessage(errorMessage(n.error()));
        return;
    }
    auto relay = m_store.relayMessage(hostId);
    if (!relay) {
        session->socket->sendTextMessage(errorMessage(relay.error()));
        return;
    }
    session->helloSeen = true;
    session->lastRelay.clear(); // a new hello hears its relay again
    protocol::WelcomeMessage welcome{hostId, QString::fromLatin1(protocol::kVersion), *relay ? u"relay"_s : u"direct"_s};
    session->socket->sendTextMessage(compact(protocol::toJson(protocol::MarketMessage{welcome})));
    if (noRelay)
        session->socket->sendTextMessage(errorMessage(
            makeError(u"no_relay"_s,
                      u"network relay was asked, but this market has no relay configured; "
                      "renters reach the host directly"_s,
                      u"network"_s)));
    sendPendingCommands(hostId, false); // the relay message first, then the commands
}

void AgentChannel::sendRelayUpdate(AgentSession *session)
{
    auto relay = m_store.relayMessage(session->hostId);
    if (!relay || !*relay)
        return;
    const QString text = compact(protocol::toJson(protocol::MarketMessage{**relay}));
    if (text == session->lastRelay)
        return;
    session->lastRelay = text;
    session->socket->sendTextMessage(text);
}

void AgentChannel::sendPendingCommands(qint64 hostId, bool onlyDue)
{
    AgentSession *session = m_agents.value(hostId);
    if (!session || !session->helloSeen)
        return;
    // A create or start queued for a relayed host came with a relay port: the agent hears of
    // it before the command.
    sendRelayUpdate(session);
    auto pending = m_store.pendingCommands(hostId);
    if (!pending)
        return;
    const qint64 now = m_clock.nowMs();
    for (const auto &command : *pending) {
        if (onlyDue && command.lastSentAtMs && now - command.lastSentAtMs < kCommandRetryMs)
            continue;
        session->socket->sendTextMessage(QString::fromUtf8(command.payload));
        (void)m_store.markCommandSent(command.id, now);
    }
}

void AgentChannel::retryCommands()
{
    // One query for all hosts, then only those with a command due and an agent connected here.
    auto hosts = m_store.hostsWithDueCommands(m_clock.nowMs() - kCommandRetryMs);
    if (!hosts)
        return;
    for (qint64 hostId : *hosts) {
        if (m_agents.contains(hostId))
            sendPendingCommands(hostId, true);
    }
}

void AgentChannel::drop(qint64 hostId, const QString &reason)
{
    // Only a session past its hello: one still on its way there brings the host online itself.
    if (AgentSession *session = m_agents.value(hostId); session && session->helloSeen)
        session->socket->close(QWebSocketProtocol::CloseCodeGoingAway, reason);
}

void AgentChannel::kick(qint64 hostId)
{
    if (m_agents.contains(hostId))
        sendPendingCommands(hostId, false);
    else
        m_relay.sendCommandsQueued(hostId);
}

} // namespace suanli::server
