#include "benchmark.h"

#include "agentshard.h"
#include "httpconnection.h"
#include "simagent.h"

#include "protocol/json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace suanli::bench {

// The phases of Benchmark, in the order they run. Each one is bounded in count (hosts,
// instances) and in time (a deadline per phase, fixed durations for the measured windows).

namespace {

QJsonObject parseObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QString describe(const HttpConnection::Reply &reply)
{
    if (!reply.transportError.isEmpty())
        return reply.transportError;
    return u"HTTP %1 %2"_s.arg(reply.status).arg(QString::fromUtf8(reply.body.left(300)));
}

double round1(double value)
{
    return std::round(value * 10.0) / 10.0;
}

/// Milliseconds of market CPU per event, from a CPU share (% of one core) over a window.
double cpuMsPer(double cpuPct, double seconds, qint64 events)
{
    if (events <= 0)
        return 0;
    return std::round(cpuPct / 100.0 * seconds * 1000.0 / double(events) * 1000.0) / 1000.0;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

// ---- 0: the market answers and the tokens work ------------------------------------------

void Benchmark::checkMarket()
{
    armDeadline(u"the market check"_s, 60);
    m_renter->send("GET", "/api/v1/me", {}, [this](const HttpConnection::Reply &reply) {
        if (reply.status != 200)
            return fail(u"GET /api/v1/me with the renter token: "_s + describe(reply));
        const QJsonObject me = parseObject(reply.body);
        log(u"market at %1:%2, renter '%3' balance %4 %5"_s.arg(m_o.host)
                .arg(m_o.port)
                .arg(me.value(u"name"_s).toString())
                .arg(me.value(u"balance_micro"_s).toInteger() / 1'000'000)
                .arg(me.value(u"currency"_s).toString()));
        registerHosts();
    });
}

// ---- 1: registration ---------------------------------------------------------------------

void Benchmark::registerHosts()
{
    log(u"phase 1: registering %1 hosts, each with its own agent connection, %2 at a time"_s
            .arg(m_o.hosts)
            .arg(m_o.registerLanes));
    armDeadline(u"registration"_s, m_o.phaseTimeoutSeconds);
    m_cpu.start();
    m_agents.reserve(size_t(m_o.hosts));
    m_registerNs.reserve(size_t(m_o.hosts));
    // Heartbeats run from the start: registration takes longer than --host-lost-after.
    for (AgentShard *shard : m_shards)
        QMetaObject::invokeMethod(shard, [shard] { shard->startHeartbeats(); });
    for (size_t lane = 0; lane < m_lenderLanes.size(); ++lane)
        registerNext(lane);
}

void Benchmark::registerNext(size_t lane)
{
    if (m_failed)
        return;
    if (m_nextHost >= m_o.hosts) {
        if (++m_lanesDone == m_lenderLanes.size())
            registrationDone();
        return;
    }
    const int index = m_nextHost++;
    if (index > 0 && index % 1000 == 0)
        log(u"  %1 hosts registered, %2 s"_s.arg(m_registered)
                .arg(round1(m_phaseClock.elapsed() / 1000.0)));
    Machine machine = makeMachine(index, m_rng);
    const qint64 startNs = m_phaseClock.nsecsElapsed();
    HttpConnection *http = m_lenderLanes[lane];

    // One host: POST /hosts → agent connects and says hello → welcome → PATCH listing.
    // `settled` makes sure the lane moves on exactly once whatever happens.
    auto settled = std::make_shared<bool>(false);
    auto giveUp = [this, lane, settled](const QString &why) {
        if (*settled)
            return;
        *settled = true;
        ++m_registerFailed;
        if (m_failureSamples.size() < 5) {
            m_failureSamples.append(why);
            log(u"  registration failed: "_s + why);
        }
        registerNext(lane);
    };
    const QByteArray body = compact({{u"name"_s, machine.name}});
    http->send(
        "POST", "/api/v1/hosts", body,
        [=, this, machine = std::move(machine)](const HttpConnection::Reply &reply) {
            if (reply.status != 201)
                return giveUp(u"POST /api/v1/hosts: "_s + describe(reply));
            const QJsonObject created = parseObject(reply.body);
            const qint64 hostId = created.value(u"host"_s).toObject().value(u"id"_s).toInteger();
            const QByteArray token = created.value(u"token"_s).toString().toLatin1();
            const size_t slot = m_agents.size();
            m_agents.push_back({index, hostId, machine.gpuCount(), false, false, 0});
            // Created here, then handed to its shard's thread; its signals come back queued.
            auto *agent = new SimAgent(index, m_agentUrl, token, machine);
            connect(agent, &SimAgent::lost, this, [this, slot, giveUp](const QString &why) {
                giveUp(u"agent channel: "_s + why);
                onAgentLost(slot, why);
            });
            connect(agent, &SimAgent::marketError, this, &Benchmark::onAgentError);
            connect(agent, &SimAgent::instanceRunning, this, [this, slot](qint64 instanceId) {
                m_agents[slot].running = true;
                m_agents[slot].instanceId = instanceId;
                auto it = m_createStartNs.find(qsizetype(slot));
                if (it == m_createStartNs.end())
                    return;
                m_createNs.push_back(m_phaseClock.nsecsElapsed() - it.value());
                m_createStartNs.erase(it);
                ++m_instancesRunning;
                instanceSettled();
            });
            const QByteArray listing = compact(protocol::toJson(machine.listing));
            connect(agent, &SimAgent::welcomed, this, [=, this] {
                m_agents[slot].welcomed = true;
                http->send("PATCH", "/api/v1/hosts/" + QByteArray::number(hostId), listing,
                           [=, this](const HttpConnection::Reply &patched) {
                               if (patched.status != 200)
                                   return giveUp(u"PATCH /api/v1/hosts/%1: "_s.arg(hostId) +
                                                 describe(patched));
                               if (*settled)
                                   return;
                               *settled = true;
                               ++m_registered;
                               m_registerNs.push_back(m_phaseClock.nsecsElapsed() - startNs);
                               registerNext(lane);
                           });
            });
            AgentShard *shard = m_shards[slot % m_shards.size()];
            agent->moveToThread(shard->thread());
            QMetaObject::invokeMethod(shard, [shard, agent] { shard->adopt(agent); });
        });
}

void Benchmark::registrationDone()
{
    const CpuFigures cpu = m_cpu.stop();
    const double seconds = m_phaseClock.elapsed() / 1000.0;
    disarmDeadline();
    const LatencySummary perHost = summarise(m_registerNs);
    log(u"phase 1: %1 hosts registered and listed in %2 s (%3/s), %4 failed; per host p50 %5 ms, "
        "p99 %6 ms; market CPU %7 %"_s.arg(m_registered)
            .arg(round1(seconds))
            .arg(round1(m_registered / seconds))
            .arg(m_registerFailed)
            .arg(perHost.p50Ms)
            .arg(perHost.p99Ms)
            .arg(round1(cpu.marketPct)));
    QJsonObject phase{{u"hosts"_s, m_o.hosts},
                      {u"registered"_s, m_registered},
                      {u"failed"_s, m_registerFailed},
                      {u"seconds"_s, round1(seconds)},
                      {u"hosts_per_s"_s, round1(m_registered / seconds)},
                      {u"per_host"_s, perHost.toJson()},
                      {u"cpu"_s, cpu.toJson()},
                      {u"failure_samples"_s, QJsonArray::fromStringList(m_failureSamples)}};

    // The market's own view: every registered host must now be an available offer.
    armDeadline(u"the offer count check"_s, 60);
    m_renter->send(
        "GET", "/api/v1/offers?limit=1", {},
        [this, phase](const HttpConnection::Reply &all) mutable {
            if (all.status != 200)
                return fail(u"GET /api/v1/offers: "_s + describe(all));
            const qint64 total = parseObject(all.body).value(u"total"_s).toInteger();
            phase.insert(u"offers_listed"_s, total);
            m_renter->send(
                "GET", "/api/v1/offers?limit=1&q=gpus_total%3E%3D1", {},
                [this, phase, total](const HttpConnection::Reply &gpu) mutable {
                    const qint64 gpuOffers = parseObject(gpu.body).value(u"total"_s).toInteger();
                    phase.insert(u"gpu_offers"_s, gpuOffers);
                    m_results.insert(u"registration"_s, phase);
                    log(u"  market lists %1 offers (%2 with GPUs, %3 CPU-only)"_s.arg(total)
                            .arg(gpuOffers)
                            .arg(total - gpuOffers));
                    disarmDeadline();
                    if (total != m_registered)
                        log(u"  WARNING: %1 hosts registered but %2 offers listed"_s
                                .arg(m_registered)
                                .arg(total));
                    searchPhase();
                });
        });
}

// ---- 2: offer search ----------------------------------------------------------------------

void Benchmark::searchPhase()
{
    log(u"phase 2: offer search, %1 connections, %2 s warm-up then %3 s measured"_s
            .arg(m_o.connections)
            .arg(m_o.warmupSeconds)
            .arg(m_o.searchSeconds));
    armDeadline(u"the search phase"_s, m_o.warmupSeconds + m_o.searchSeconds + 120);
    runSearch(m_o.warmupSeconds * 1000, [this](const SearchResult &warmup) {
        if (warmup.errors)
            log(u"  warm-up: %1 errors of %2, e.g. %3"_s.arg(warmup.errors)
                    .arg(warmup.requests)
                    .arg(warmup.errorSamples.value(0)));
        hook(u"search-begin"_s);
        m_cpu.start();
        runSearch(m_o.searchSeconds * 1000, [this](const SearchResult &result) {
            const CpuFigures cpu = m_cpu.stop();
            hook(u"search-end"_s);
            disarmDeadline();
            QJsonObject phase = result.toJson();
            phase.insert(u"cpu"_s, cpu.toJson());
            // CPU time per request is what the market would need per search with the machine
            // to itself: less sensitive to other load than requests/s.
            phase.insert(u"market_cpu_ms_per_request"_s,
                         cpuMsPer(cpu.marketPct, cpu.wallSeconds, result.requests));
            if (cpu.databasePct >= 0)
                phase.insert(
                    u"market_and_database_cpu_ms_per_request"_s,
                    cpuMsPer(cpu.marketPct + cpu.databasePct, cpu.wallSeconds, result.requests));
            m_results.insert(u"search"_s, phase);
            log(u"phase 2: %1 searches/s, p50 %2 ms, p99 %3 ms, %4 errors of %5; market CPU %6 %, "
                "bench CPU %7 %, machine %8 %"_s.arg(qRound(result.rps))
                    .arg(result.latency.p50Ms)
                    .arg(result.latency.p99Ms)
                    .arg(result.errors)
                    .arg(result.requests)
                    .arg(round1(cpu.marketPct))
                    .arg(round1(cpu.benchPct))
                    .arg(round1(cpu.machinePct)));
            for (const QString &sample : result.errorSamples)
                log(u"  error: "_s + sample);
            createInstances();
        });
    });
}

// ---- 3: instances, telemetry --------------------------------------------------------------

void Benchmark::createInstances()
{
    // Spread the instances over the GPU machines of every model.
    std::vector<size_t> gpuAgents;
    for (size_t slot = 0; slot < m_agents.size(); ++slot) {
        if (m_agents[slot].welcomed && m_agents[slot].gpus > 0)
            gpuAgents.push_back(slot);
    }
    const size_t wanted = std::min(size_t(m_o.instances), gpuAgents.size());
    for (size_t i = 0; i < wanted; ++i)
        m_instanceTargets.push_back(gpuAgents[i * gpuAgents.size() / wanted]);
    log(u"phase 3: the renter creates %1 instances, %2 at a time; their agents take them to "
        "running"_s.arg(wanted)
            .arg(m_o.createLanes));
    armDeadline(u"instance creation"_s, m_o.phaseTimeoutSeconds);
    m_cpu.start();
    if (m_instanceTargets.empty())
        return fail(u"no GPU offers to create instances on"_s);
    for (size_t lane = 0; lane < m_renterLanes.size(); ++lane)
        createNext(lane);
}

void Benchmark::createNext(size_t lane)
{
    if (m_failed || m_nextInstance >= int(m_instanceTargets.size()))
        return;
    const size_t slot = m_instanceTargets[size_t(m_nextInstance++)];
    const AgentInfo &agent = m_agents[slot];
    const int gpus = 1 + int(m_rng.bounded(agent.gpus));
    const QJsonObject request{
        {u"offer_id"_s, agent.hostId}, // one offer per host, with the host's id
        {u"gpu_count"_s, gpus},
        {u"image"_s, u"localhost/suanli/base:bookworm"_s},
        {u"disk_gb"_s, 10},
        {u"ssh_public_key"_s,
         u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH0benchmarkRenterKey00000000000000000000 bench"_s},
        {u"label"_s, u"bench-%1"_s.arg(agent.index)}};
    m_createStartNs.insert(qsizetype(slot), m_phaseClock.nsecsElapsed());
    m_renterLanes[lane]->send("POST", "/api/v1/instances", compact(request),
                              [this, lane, slot](const HttpConnection::Reply &reply) {
                                  if (reply.status != 201) {
                                      if (m_createStartNs.remove(qsizetype(slot))) {
                                          ++m_instancesFailed;
                                          if (m_instancesFailed <= 5)
                                              log(u"  create failed: "_s + describe(reply));
                                          instanceSettled();
                                      }
                                  }
                                  createNext(lane);
                              });
}

void Benchmark::instanceSettled()
{
    if (m_instancesRunning + m_instancesFailed < int(m_instanceTargets.size()))
        return;
    const CpuFigures cpu = m_cpu.stop();
    const double seconds = m_phaseClock.elapsed() / 1000.0;
    disarmDeadline();
    const LatencySummary latency = summarise(m_createNs);
    m_results.insert(u"instances"_s, QJsonObject{{u"requested"_s, qint64(m_instanceTargets.size())},
                                                 {u"running"_s, m_instancesRunning},
                                                 {u"failed"_s, m_instancesFailed},
                                                 {u"seconds"_s, round1(seconds)},
                                                 {u"create_to_running"_s, latency.toJson()},
                                                 {u"cpu"_s, cpu.toJson()}});
    log(u"phase 3: %1 instances running, %2 failed, in %3 s; create → running p50 %4 ms, p99 %5 ms"_s
            .arg(m_instancesRunning)
            .arg(m_instancesFailed)
            .arg(round1(seconds))
            .arg(latency.p50Ms)
            .arg(latency.p99Ms));
    if (m_instancesRunning == 0)
        return fail(u"no instance reached running"_s);
    idlePhase();
}

void Benchmark::idlePhase()
{
    log(u"  %1 s idle: heartbeats and billing only"_s.arg(m_o.idleSeconds));
    hook(u"idle-begin"_s);
    m_cpu.start();
    after(m_o.idleSeconds * 1000, &Benchmark::verifyInstances);
}

void Benchmark::verifyInstances()
{
    const CpuFigures cpu = m_cpu.stop();
    hook(u"idle-end"_s);
    m_results.insert(u"idle"_s, QJsonObject{{u"cpu"_s, cpu.toJson()}});
    log(u"  idle: market CPU %1 %"_s.arg(round1(cpu.marketPct)));
    armDeadline(u"the instance check"_s, 60);
    m_renter->send("GET", "/api/v1/instances", {}, [this](const HttpConnection::Reply &reply) {
        if (reply.status != 200)
            return fail(u"GET /api/v1/instances: "_s + describe(reply));
        int running = 0;
        const QJsonArray list = parseObject(reply.body).value(u"instances"_s).toArray();
        for (const QJsonValue &v : list) {
            if (v.toObject().value(u"state"_s).toString() == "running"_L1)
                ++running;
        }
        disarmDeadline();
        QJsonObject instances = m_results.value(u"instances"_s).toObject();
        instances.insert(u"running_per_market"_s, running);
        m_results.insert(u"instances"_s, instances);
        log(u"  the market shows %1 of the renter's instances running"_s.arg(running));
        telemetryPhase();
    });
}

void Benchmark::telemetryPhase()
{
    hook(u"telemetry-begin"_s);
    startTelemetry();
    log(u"  %1 s telemetry only: %2 agents, one message per second each"_s.arg(m_o.telemetrySeconds)
            .arg(m_telemetryAgents));
    m_telemetryBase = telemetrySent();
    m_probeMs.clear();
    m_probeTimer->start();
    m_cpu.start();
    after(m_o.telemetrySeconds * 1000, &Benchmark::checkTelemetryStored);
}

void Benchmark::checkTelemetryStored()
{
    const CpuFigures cpu = m_cpu.stop();
    const qint64 sent = telemetrySent() - m_telemetryBase;
    m_probeTimer->stop();
    hook(u"telemetry-end"_s);
    QList<double> probes = m_probeMs;
    std::sort(probes.begin(), probes.end());
    const auto probeAt = [&probes](double q) {
        return probes.isEmpty() ? -1.0 : probes[qsizetype(std::ceil(q * probes.size())) - 1];
    };
    const double rate = sent / cpu.wallSeconds;
    const QJsonObject idleCpu = m_results.value(u"idle"_s).toObject().value(u"cpu"_s).toObject();
    const double idle = idleCpu.value(u"market_cpu_pct"_s).toDouble();
    QJsonObject phase{{u"agents"_s, m_telemetryAgents},
                      {u"messages"_s, sent},
                      {u"messages_per_s"_s, round1(rate)},
                      {u"cpu"_s, cpu.toJson()},
                      {u"market_cpu_pct_over_idle"_s, round1(cpu.marketPct - idle)},
                      {u"market_cpu_ms_per_message_over_idle"_s,
                       cpuMsPer(cpu.marketPct - idle, cpu.wallSeconds, sent)},
                      {u"probe_count"_s, probes.size()},
                      {u"probe_p50_ms"_s, round1(probeAt(0.5))},
                      {u"probe_p99_ms"_s, round1(probeAt(0.99))}};
    if (cpu.databasePct >= 0) {
        const double idleDb = idleCpu.value(u"database_cpu_pct"_s).toDouble();
        phase.insert(u"database_cpu_pct_over_idle"_s, round1(cpu.databasePct - idleDb));
        phase.insert(u"market_and_database_cpu_pct_over_idle"_s,
                     round1(cpu.marketPct - idle + cpu.databasePct - idleDb));
    }
    log(u"  telemetry: %1 messages/s; market CPU %2 % (%3 % over idle); /healthz probe p50 %4 ms, "
        "p99 %5 ms"_s.arg(round1(rate))
            .arg(round1(cpu.marketPct))
            .arg(round1(cpu.marketPct - idle))
            .arg(round1(probeAt(0.5)))
            .arg(round1(probeAt(0.99))));

    // The samples must have reached the store, not only the socket: read one series back.
    armDeadline(u"the telemetry check"_s, 60);
    qint64 probe = 0;
    for (const AgentInfo &agent : m_agents) {
        if (agent.running) {
            probe = agent.instanceId;
            break;
        }
    }
    if (!probe)
        return fail(u"no agent sends telemetry"_s);
    m_renter->send(
        "GET", "/api/v1/instances/" + QByteArray::number(probe) + "/telemetry", {},
        [this, phase](const HttpConnection::Reply &reply) mutable {
            disarmDeadline();
            const qint64 stored = parseObject(reply.body).value(u"samples"_s).toArray().size();
            phase.insert(u"stored_samples_one_instance"_s, stored);
            phase.insert(u"stored_check_status"_s, reply.status);
            m_results.insert(u"telemetry"_s, phase);
            log(u"  one instance's history holds %1 samples after %2 s of telemetry (HTTP %3)"_s
                    .arg(stored)
                    .arg(m_o.telemetrySeconds)
                    .arg(reply.status));
            readBillingMetrics();
        });
}

void Benchmark::readBillingMetrics()
{
    // How long the market's last billing run took (its billing thread's own figures): the
    // time in its transactions, and start to end with the pauses between batches.
    armDeadline(u"reading /metrics"_s, 60);
    m_renter->send("GET", "/metrics", {}, [this](const HttpConnection::Reply &reply) {
        disarmDeadline();
        QJsonObject billing;
        const QList<QByteArray> lines = reply.body.split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() != 2 || line.startsWith('#'))
                continue;
            if (parts[0] == "suanli_billing_last_run_seconds")
                billing.insert(u"last_run_ms"_s, round1(parts[1].toDouble() * 1000));
            else if (parts[0] == "suanli_billing_last_run_wall_seconds")
                billing.insert(u"last_run_wall_ms"_s, round1(parts[1].toDouble() * 1000));
            else if (parts[0] == "suanli_billing_runs_total")
                billing.insert(u"runs"_s, parts[1].toLongLong());
        }
        m_results.insert(u"billing"_s, billing);
        log(u"  last billing run: %1 ms in transactions, %2 ms start to end (%3 runs)"_s
                .arg(billing.value(u"last_run_ms"_s).toDouble())
                .arg(billing.value(u"last_run_wall_ms"_s).toDouble())
                .arg(billing.value(u"runs"_s).toInteger()));
        telemetrySearchPhase();
    });
}

void Benchmark::telemetrySearchPhase()
{
    log(u"  %1 s telemetry and searches together"_s.arg(m_o.telemetrySeconds));
    armDeadline(u"the telemetry + search phase"_s, m_o.telemetrySeconds + 120);
    const qint64 sentBefore = telemetrySent();
    hook(u"mixed-begin"_s);
    m_cpu.start();
    runSearch(m_o.telemetrySeconds * 1000, [this, sentBefore](const SearchResult &result) {
        const CpuFigures cpu = m_cpu.stop();
        hook(u"mixed-end"_s);
        const qint64 sent = stopTelemetry() - sentBefore;
        disarmDeadline();
        QJsonObject phase{{u"search"_s, result.toJson()},
                          {u"market_cpu_ms_per_request"_s,
                           cpuMsPer(cpu.marketPct, cpu.wallSeconds, result.requests + sent)},
                          {u"telemetry_messages"_s, sent},
                          {u"telemetry_per_s"_s, round1(sent / cpu.wallSeconds)},
                          {u"cpu"_s, cpu.toJson()}};
        m_results.insert(u"telemetry_search"_s, phase);
        log(u"  telemetry + search: %1 searches/s, p50 %2 ms, p99 %3 ms, %4 errors; %5 "
            u"telemetry/s; "
            "market CPU %6 %"_s.arg(qRound(result.rps))
                .arg(result.latency.p50Ms)
                .arg(result.latency.p99Ms)
                .arg(result.errors)
                .arg(round1(sent / cpu.wallSeconds))
                .arg(round1(cpu.marketPct)));
        for (const QString &sample : result.errorSamples)
            log(u"  error: "_s + sample);
        finish();
    });
}

} // namespace suanli::bench
