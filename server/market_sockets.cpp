#include "market.h"

#include "protocol/json.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace suanli::server {

// The two WebSockets: the agent channel (DESIGN §6) and app events (DESIGN §4), and how
// events reach them across market processes (PostgreSQL LISTEN/NOTIFY).

struct Market::AgentSession
{
    std::unique_ptr<QWebSocket> socket;
    qint64 hostId = 0;
    bool helloSeen = false;
};

struct Market::AppSession
{
    std::unique_ptr<QWebSocket> socket;
    qint64 accountId = 0;
    bool answeredPing = true; ///< a pong came back since the last ping
};

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject errorMessage(const Error &error)
{
    return {{u"type"_s, u"error"_s},
            {u"error"_s, QJsonObject{{u"code"_s, error.code}, {u"message"_s, error.message},
                                     {u"field"_s, error.field}}}};
}

} // namespace

void Market::acceptWebSocket()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        if (!socket)
            continue;
        socket->setMaxAllowedIncomingMessageSize(kMaxBodyBytes);
        socket->setMaxAllowedIncomingFrameSize(kMaxBodyBytes);
        const QString path = socket->requestUrl().path();
        auto principal = authenticate(socket->request().rawHeader("Authorization"));
        const bool agentPath = path == "/api/v1/agent"_L1;
        if (!principal
            || (agentPath != (principal->kind == Principal::Kind::Host))) {
            // 4401/4403: private-use close codes that mirror the HTTP statuses.
            socket->close(static_cast<QWebSocketProtocol::CloseCode>(principal ? 4403 : 4401),
                          principal ? u"forbidden"_s : u"unauthorized"_s);
            QWebSocket *raw = socket.release();
            connect(raw, &QWebSocket::disconnected, raw, &QObject::deleteLater);
            continue;
        }
        if (agentPath) {
            const qint64 hostId = principal->hostId;
            if (AgentSession *old = m_agents.take(hostId)) {
                // The agent reconnected: the newer connection wins. The old session is freed
                // by its own disconnected handler (which may run inside close()).
                old->socket->close(QWebSocketProtocol::CloseCodeNormal, u"replaced"_s);
            }
            auto *session = new AgentSession{std::move(socket), hostId, false};
            m_agents.insert(hostId, session);
            m_lastSeen.insert(hostId, m_clock.nowMs());
            QWebSocket *ws = session->socket.get();
            connect(ws, &QWebSocket::textMessageReceived, this,
                    [this, session](const QString &text) { onAgentMessage(session, text); });
            connect(ws, &QWebSocket::disconnected, this, [this, session] {
                if (m_agents.value(session->hostId) == session) {
                    m_agents.remove(session->hostId);
                    // Its last heartbeat is what billing falls back on: store it now.
                    flushLastSeen(session->hostId);
                }
                session->socket.release()->deleteLater();
                delete session;
            });
        } else {
            auto *session = new AppSession{std::move(socket), principal->accountId};
            if (!m_apps.contains(session->accountId))
                announceListener(session->accountId);
            m_apps.insert(session->accountId, session);
            QWebSocket *ws = session->socket.get();
            connect(ws, &QWebSocket::pong, this, [session] { session->answeredPing = true; });
            connect(ws, &QWebSocket::disconnected, this, [this, session] {
                m_apps.remove(session->accountId, session);
                session->socket.release()->deleteLater();
                delete session;
            });
            // A first balance event so the app starts with the truth.
            publish({{Change::Kind::Balance, session->accountId, 0, 0}});
        }
    }
}

void Market::onAgentMessage(AgentSession *session, const QString &text)
{
    const qint64 now = m_clock.nowMs();
    const qint64 hostId = session->hostId;
    m_lastSeen.insert(hostId, now);
    auto json = protocol::parseJsonObject(text.toUtf8());
    if (!json) {
        session->socket->sendTextMessage(compact(errorMessage(json.error())));
        return;
    }
    auto message = protocol::agentMessageFromJson(*json);
    if (!message) {
        session->socket->sendTextMessage(compact(errorMessage(message.error())));
        return;
    }
    if (auto *hello = std::get_if<protocol::HelloMessage>(&*message)) {
        auto r = m_store->hostHello(hostId, *hello, now);
        if (!r) {
            session->socket->sendTextMessage(compact(errorMessage(r.error())));
            return;
        }
        session->helloSeen = true;
        protocol::WelcomeMessage welcome{hostId, u"0.1.0"_s};
        session->socket->sendTextMessage(compact(protocol::toJson(protocol::MarketMessage{welcome})));
        sendPendingCommands(hostId, false);
        return;
    }
    if (!session->helloSeen) {
        session->socket->sendTextMessage(compact(errorMessage(
            makeError(u"hello_required"_s, u"send hello before anything else"_s))));
        return;
    }
    if (auto *ack = std::get_if<protocol::AckMessage>(&*message)) {
        (void)m_store->ackCommand(hostId, ack->command_id, now);
    } else if (auto *state = std::get_if<protocol::InstanceStateMessage>(&*message)) {
        m_idle.remove(state->instance_id); // a new state: the idle guard starts over
        auto changes = m_store->applyInstanceState(hostId, *state, now);
        if (!changes) {
            session->socket->sendTextMessage(compact(errorMessage(changes.error())));
            return;
        }
        publish(*changes);
    } else if (auto *telemetry = std::get_if<protocol::TelemetryMessage>(&*message)) {
        for (const auto &sample : telemetry->samples) {
            auto host = m_instanceHost.constFind(sample.instance_id);
            if (host == m_instanceHost.constEnd()) {
                auto instance = m_store->instance(sample.instance_id);
                if (!instance)
                    continue;
                host = m_instanceHost.insert(sample.instance_id, instance->host_id);
            }
            if (host.value() != hostId)
                continue; // a host reports only on its own instances
            m_telemetryBuffer.append(sample);
            trackIdle(sample);
            publishTelemetry(accountOfInstance(sample.instance_id), sample);
        }
    } else if (auto *availability = std::get_if<protocol::AvailabilityMessage>(&*message)) {
        auto r = m_store->setHostAvailability(hostId, availability->available,
                                              availability->reason);
        if (!r)
            session->socket->sendTextMessage(compact(errorMessage(r.error())));
    } else if (auto *notice = std::get_if<protocol::NoticeMessage>(&*message)) {
        // Only about the host's own instances; the renter hears it before the stop.
        auto instance = m_store->instance(notice->instance_id);
        if (!instance || instance->host_id != hostId) {
            session->socket->sendTextMessage(compact(errorMessage(makeError(
                u"forbidden"_s, u"instance %1 is not on this host"_s.arg(notice->instance_id)))));
            return;
        }
        publishToAccount(accountOfInstance(notice->instance_id),
                         protocol::toJson(protocol::AppEvent{protocol::InstanceNoticeEvent{
                             notice->instance_id, notice->stop_at, notice->reason}}));
    } else if (std::get_if<protocol::UsageMessage>(&*message)) {
        // The heartbeat itself is the news: m_lastSeen was updated above.
    } else if (auto *logs = std::get_if<protocol::LogMessage>(&*message)) {
        auto r = m_store->appendLogs(hostId, *logs, now);
        if (!r)
            session->socket->sendTextMessage(compact(errorMessage(r.error())));
    }
}

void Market::sendToApp(AppSession *session, const QString &text)
{
    session->socket->sendTextMessage(text);
}

void Market::pingApps()
{
    // An app whose laptop went to sleep leaves a socket that never closes by itself: one that
    // did not answer the previous ping is dropped (the app reconnects when it wakes up).
    const auto sessions = m_apps.values();
    for (AppSession *session : sessions) {
        if (!session->answeredPing) {
            session->socket->abort();
            continue;
        }
        session->answeredPing = false;
        session->socket->ping();
    }
}

void Market::sendPendingCommands(qint64 hostId, bool onlyDue)
{
    AgentSession *session = m_agents.value(hostId);
    if (!session || !session->helloSeen)
        return;
    auto pending = m_store->pendingCommands(hostId);
    if (!pending)
        return;
    const qint64 now = m_clock.nowMs();
    for (const auto &command : *pending) {
        if (onlyDue && command.lastSentAtMs && now - command.lastSentAtMs < kCommandRetryMs)
            continue;
        session->socket->sendTextMessage(QString::fromUtf8(command.payload));
        (void)m_store->markCommandSent(command.id, now);
    }
}

void Market::trackIdle(const protocol::TelemetrySample &sample)
{
    // The idle guard: every GPU (a CPU-only instance: its CPU, in % of one core) below the
    // instance's idle_below_pct and no SSH session. Only changes are written; the billing run
    // stops an instance idle for idle_stop_s.
    IdleTrack &track = m_idle[sample.instance_id];
    const qint64 uptime = m_uptime.elapsed();
    if (!track.loadedAtMs || uptime - track.loadedAtMs > kIdleGuardCacheMs) {
        auto guard = m_store->idleGuard(sample.instance_id);
        if (!guard) {
            m_idle.remove(sample.instance_id);
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
    if (m_store->setIdleSince(sample.instance_id, idle ? m_clock.nowMs() : 0)) {
        track.known = true;
        track.idle = idle;
    }
}

qint64 Market::accountOfInstance(qint64 instanceId)
{
    auto it = m_instanceAccount.constFind(instanceId);
    if (it != m_instanceAccount.constEnd())
        return it.value();
    auto owner = m_store->instanceOwner(instanceId);
    if (!owner)
        return 0;
    m_instanceAccount.insert(instanceId, *owner);
    return *owner;
}

void Market::kickAgent(qint64 hostId)
{
    if (m_agents.contains(hostId)) {
        sendPendingCommands(hostId, false);
    } else if (m_store->database().dialect() == Dialect::Postgres) {
        (void)m_store->database().exec(u"SELECT pg_notify('suanli_commands', ?)"_s,
                                       {QString::number(hostId)});
    }
}

} // namespace suanli::server
