#include "chaosrun.h"

#include "protocol/json.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace suanli::bench {

using protocol::InstanceState;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parseObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QString answerClass(int status)
{
    if (status == 0)
        return u"transport"_s;
    return u"%1xx"_s.arg(status / 100);
}

} // namespace

ChaosRun::ChaosRun(Options options, QObject *parent)
    : QObject(parent)
    , m_o(std::move(options))
    , m_rng(quint32(m_o.seed ^ (m_o.seed >> 32)))
{
    connect(&m_renterTimer, &QTimer::timeout, this, &ChaosRun::renterStep);
    connect(&m_networkTimer, &QTimer::timeout, this, &ChaosRun::networkStep);
    connect(&m_telemetryTimer, &QTimer::timeout, this, [this] {
        for (ChaosAgent *agent : m_agents)
            agent->sendTelemetry();
    });
    connect(&m_usageTimer, &QTimer::timeout, this, [this] {
        for (ChaosAgent *agent : m_agents)
            agent->sendUsage();
    });
    connect(&m_pollTimer, &QTimer::timeout, this, &ChaosRun::pollQuiet);
}

void ChaosRun::log(const QString &line) const
{
    std::fprintf(stdout, "[%7.1f s] %s\n", m_clock.isValid() ? m_clock.elapsed() / 1000.0 : 0.0,
                 qPrintable(line));
    std::fflush(stdout);
}

HttpConnection *ChaosRun::renter()
{
    return m_renters[size_t(m_rng.bounded(int(m_renters.size())))];
}

void ChaosRun::start()
{
    m_clock.start();
    m_proxy = new DropProxy(m_o.marketPorts, this);
    m_proxyPort = m_proxy->listen();
    if (!m_proxyPort) {
        log(u"cannot listen for the proxy"_s);
        emit finished(2);
        return;
    }
    for (quint16 port : m_o.marketPorts) {
        auto *http = new HttpConnection(u"127.0.0.1"_s, port, m_o.renterToken, this);
        http->setTimeoutMs(10'000);
        m_renters.push_back(http);
    }
    m_lender = new HttpConnection(u"127.0.0.1"_s, m_o.marketPorts.first(), m_o.lenderToken, this);
    m_lender->setTimeoutMs(10'000);
    for (int i = 0; i < m_o.agents; ++i) {
        Machine machine = makeMachine(i, m_rng);
        machine.name = u"chaos-%1"_s.arg(i);
        machine.listing.min_duration_s = 0; // renters may stop and destroy at any moment
        machine.listing.interruptible = false;
        m_machines.push_back(std::move(machine));
    }
    log(u"registering %1 simulated agents through the proxy on port %2"_s.arg(m_o.agents)
            .arg(m_proxyPort));
    registerNext();
}

void ChaosRun::registerNext()
{
    const size_t index = m_agents.size();
    if (index == m_machines.size()) {
        // Every agent registered: wait until all are welcomed and listed, then start.
        QTimer::singleShot(2000, this, &ChaosRun::beginChaos);
        return;
    }
    const Machine &machine = m_machines[index];
    m_lender->send("POST", "/api/v1/hosts", compact({{u"name"_s, machine.name}}),
                   [this, index](const HttpConnection::Reply &reply) {
                       if (reply.status != 201) {
                           log(u"POST /api/v1/hosts: %1 %2"_s.arg(reply.status)
                                   .arg(QString::fromUtf8(reply.body.left(200))));
                           emit finished(2);
                           return;
                       }
                       const QJsonObject created = parseObject(reply.body);
                       const qint64 hostId =
                           created.value(u"host"_s).toObject().value(u"id"_s).toInteger();
                       const QByteArray token = created.value(u"token"_s).toString().toLatin1();
                       const QUrl url(u"ws://127.0.0.1:%1/api/v1/agent"_s.arg(m_proxyPort));
                       auto *agent = new ChaosAgent(int(index), url, token, m_machines[index],
                                                    m_o.seed * 1000003ULL + index, this);
                       m_agents.push_back(agent);
                       const QByteArray listing =
                           compact(protocol::toJson(m_machines[index].listing));
                       auto listed = std::make_shared<bool>(false);
                       connect(agent, &ChaosAgent::welcomed, this, [=, this] {
                           if (*listed)
                               return;
                           *listed = true;
                           m_lender->send("PATCH", "/api/v1/hosts/" + QByteArray::number(hostId),
                                          listing, [](const HttpConnection::Reply &) {});
                       });
                       agent->open();
                       registerNext();
                   });
}

void ChaosRun::beginChaos()
{
    log(u"chaos for %1 s: renter steps every 250 ms, network cuts, duplicated and reordered "
        "reports, agent clock steps"_s.arg(m_o.durationS));
    m_telemetryTimer.start(1000);
    m_usageTimer.start(2000);
    m_renterTimer.start(250);
    m_networkTimer.start(1000);
    QTimer::singleShot(m_o.durationS * 1000, this, &ChaosRun::beginQuiet);
}

void ChaosRun::networkStep()
{
    // About one cut every 12 s, 1–8 s long: some outlast --host-lost-after (5 s in run).
    if (m_proxy->isCut() || m_rng.bounded(12) != 0)
        return;
    const int ms = 1000 + int(m_rng.bounded(7000));
    ++m_cuts;
    log(u"fault: network cut between agents and market for %1 ms"_s.arg(ms));
    m_proxy->cut(ms);
}

void ChaosRun::renterStep()
{
    const int roll = int(m_rng.bounded(100));
    const auto count = [this](const QString &op) {
        return [this, op](const HttpConnection::Reply &reply) {
            ++m_ops[op + u" "_s + answerClass(reply.status)];
        };
    };
    if (roll < 30 || m_instanceIds.isEmpty()) {
        if (m_instanceIds.size() >= m_o.maxInstances)
            return;
        const size_t slot = size_t(m_rng.bounded(int(m_agents.size())));
        ChaosAgent *agent = m_agents[slot];
        if (!agent->hostId())
            return;
        const QJsonObject request{
            {u"offer_id"_s, agent->hostId()},
            {u"gpu_count"_s, m_machines[slot].gpuCount() > 0 ? 1 : 0},
            {u"image"_s, u"localhost/suanli/base:bookworm"_s},
            {u"disk_gb"_s, 10},
            {u"ssh_public_key"_s,
             u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH0benchmarkRenterKey00000000000000000000 chaos"_s},
            {u"label"_s, u"chaos-%1"_s.arg(m_instanceIds.size())}};
        renter()->send("POST", "/api/v1/instances", compact(request),
                       [this](const HttpConnection::Reply &reply) {
                           ++m_ops[u"launch "_s + answerClass(reply.status)];
                           if (reply.status == 201)
                               m_instanceIds.append(
                                   parseObject(reply.body).value(u"id"_s).toInteger());
                       });
        return;
    }
    const qint64 id = m_instanceIds[m_rng.bounded(int(m_instanceIds.size()))];
    const QByteArray path = "/api/v1/instances/" + QByteArray::number(id);
    if (roll < 60)
        renter()->send("POST", path + "/stop", {}, count(u"stop"_s));
    else if (roll < 88)
        renter()->send("POST", path + "/start", {}, count(u"start"_s));
    else {
        renter()->send("DELETE", path, {}, count(u"destroy"_s));
    }
}

void ChaosRun::beginQuiet()
{
    m_quiet = true;
    m_renterTimer.stop();
    m_networkTimer.stop();
    for (ChaosAgent *agent : m_agents)
        agent->setFaulty(false);
    log(u"faults stop; waiting up to %1 s for the market and the agents to agree"_s.arg(
        m_o.quiesceS));
    m_pollTimer.start(2000);
    QTimer::singleShot(m_o.quiesceS * 1000, this, [this] {
        if (m_pollTimer.isActive())
            finish(false);
    });
}

void ChaosRun::pollQuiet()
{
    m_renters.front()->send(
        "GET", "/api/v1/instances", {}, [this](const HttpConnection::Reply &reply) {
            if (!m_pollTimer.isActive())
                return;
            if (reply.status != 200) {
                m_quietPolls = 0;
                return;
            }
            QHash<qint64, InstanceState> agentView;
            for (ChaosAgent *agent : m_agents) {
                if (!agent->isConnected()) {
                    m_quietPolls = 0;
                    m_lastDisagreement = u"agent %1 not connected"_s.arg(agent->index());
                    return;
                }
                agentView.insert(agent->instances());
            }
            const QJsonArray list = parseObject(reply.body).value(u"instances"_s).toArray();
            for (const QJsonValue &value : list) {
                const QJsonObject instance = value.toObject();
                const qint64 id = instance.value(u"id"_s).toInteger();
                const QString market = instance.value(u"state"_s).toString();
                const QString agent =
                    agentView.contains(id) ? protocol::toString(agentView[id]) : u"destroyed"_s;
                if (market != agent) {
                    m_quietPolls = 0;
                    m_lastDisagreement =
                        u"instance %1: market %2, agent %3"_s.arg(id).arg(market, agent);
                    return;
                }
            }
            if (++m_quietPolls >= 3)
                finish(true);
        });
}

void ChaosRun::finish(bool agreed)
{
    m_pollTimer.stop();
    // Telemetry and heartbeats go on: with --linger-until the agents stay connected until the
    // markets are stopped, and a silent one would be declared lost meanwhile.
    if (!agreed)
        log(u"no agreement: "_s + m_lastDisagreement);
    AgentFaults total;
    QFile out(m_o.statesOut);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        log(u"cannot write "_s + m_o.statesOut);
        emit finished(2);
        return;
    }
    QTextStream stream(&out);
    for (ChaosAgent *agent : m_agents) {
        const AgentFaults &f = agent->faults();
        total.duplicated += f.duplicated;
        total.reordered += f.reordered;
        total.clockSteps += f.clockSteps;
        total.reconnects += f.reconnects;
        total.diskFull += f.diskFull;
        const auto &states = agent->instances();
        for (auto it = states.cbegin(); it != states.cend(); ++it)
            stream << it.key() << ' ' << protocol::toString(it.value()) << '\n';
    }
    stream.flush();
    QStringList ops;
    for (auto it = m_ops.cbegin(); it != m_ops.cend(); ++it)
        ops << u"%1=%2"_s.arg(it.key()).arg(it.value());
    log(u"faults (agents): network_cuts=%1 connections_cut=%2 duplicated_reports=%3 "
        "reordered_reports=%4 clock_steps=%5 reconnects=%6 disk_full=%7"_s.arg(m_cuts)
            .arg(m_proxy->connectionsCut())
            .arg(total.duplicated)
            .arg(total.reordered)
            .arg(total.clockSteps)
            .arg(total.reconnects)
            .arg(total.diskFull));
    log(u"renter: instances=%1 %2"_s.arg(m_instanceIds.size()).arg(ops.join(u' ')));
    log(agreed ? u"quiescent: market and agents agree"_s : u"NOT quiescent"_s);
    emit finished(agreed ? 0 : 1);
}

} // namespace suanli::bench
