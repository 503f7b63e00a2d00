#include "benchmark.h"

#include "agentshard.h"
#include "httpconnection.h"
#include "simagent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSysInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace suanli::bench {

// Set-up, logging, the agent shards (which pace heartbeats and telemetry), results. The
// phases themselves are in benchmark_phases.cpp.

Benchmark::Benchmark(Options options, QObject *parent)
    : QObject(parent)
    , m_o(std::move(options))
    , m_rng(m_o.seed)
    , m_cpu(m_o.marketPid, m_o.databasePid)
    , m_deadline(this)
{
    m_agentUrl.setScheme(u"ws"_s);
    m_agentUrl.setHost(m_o.host);
    m_agentUrl.setPort(m_o.port);
    m_agentUrl.setPath(u"/api/v1/agent"_s);

    m_renter = new HttpConnection(m_o.host, m_o.port, m_o.renterToken, this);
    m_probe = new HttpConnection(m_o.host, m_o.port, {}, this);
    m_probeTimer = new QTimer(this);
    m_probeTimer->setInterval(100);
    connect(m_probeTimer, &QTimer::timeout, this, [this] {
        if (m_probe->pending())
            return; // the previous probe is still out: its latency will say so
        m_probe->send("GET", "/healthz", {}, [this](const HttpConnection::Reply &reply) {
            m_probeMs.append(reply.status == 200 ? reply.latencyNs / 1e6 : 10'000.0);
        });
    });
    m_renter->setTimeoutMs(60'000);
    for (int i = 0; i < m_o.registerLanes; ++i)
        m_lenderLanes.push_back(new HttpConnection(m_o.host, m_o.port, m_o.lenderToken, this));
    for (int i = 0; i < m_o.createLanes; ++i)
        m_renterLanes.push_back(new HttpConnection(m_o.host, m_o.port, m_o.renterToken, this));

    m_search = new SearchLoad(m_o.host, m_o.port, m_o.renterToken, m_o.connections, m_o.seed);
    m_search->moveToThread(&m_searchThread);
    connect(&m_searchThread, &QThread::finished, m_search, &QObject::deleteLater);
    connect(m_search, &SearchLoad::finished, this, [this](const SearchResult &result) {
        auto done = std::exchange(m_searchDone, {});
        if (done && !m_failed && !m_finished)
            done(result);
    });
    m_searchThread.setObjectName(u"search-load"_s);
    m_searchThread.start();

    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this,
            [this] { fail(u"%1 did not finish within its time limit"_s.arg(m_deadlinePhase)); });

    for (int i = 0; i < m_o.agentThreads; ++i) {
        auto *thread = new QThread(this);
        thread->setObjectName(u"agents-%1"_s.arg(i));
        auto *shard =
            new AgentShard(m_o.heartbeatSeconds, i * AgentShard::kTicksPerSecond / m_o.agentThreads,
                           m_o.seed + 1000 + quint32(i));
        shard->moveToThread(thread);
        connect(thread, &QThread::finished, shard, &QObject::deleteLater);
        thread->start();
        m_shardThreads.push_back(thread);
        m_shards.push_back(shard);
    }
}

Benchmark::~Benchmark()
{
    m_searchThread.quit();
    m_searchThread.wait();
    for (QThread *thread : m_shardThreads) {
        thread->quit();
        thread->wait();
    }
}

void Benchmark::start()
{
    m_results.insert(u"label"_s, m_o.label);
    m_results.insert(u"started_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    m_results.insert(u"environment"_s, environment());
    checkMarket();
}

void Benchmark::log(const QString &line) const
{
    std::printf("[%s %s] %s\n", qPrintable(QTime::currentTime().toString(u"HH:mm:ss"_s)),
                qPrintable(m_o.label), qPrintable(line));
    std::fflush(stdout);
}

void Benchmark::hook(const QString &event)
{
    if (m_o.hook.isEmpty())
        return;
    // Blocking on purpose, and outside the measured windows' clocks: the profiler must have
    // switched before the window starts. A benchmark-only tool, never product code.
    const int code = QProcess::execute(m_o.hook, {event, QString::number(m_o.marketPid)});
    if (code != 0)
        log(u"hook %1 %2 exited with %3"_s.arg(m_o.hook, event).arg(code));
}

void Benchmark::abort(const QString &why)
{
    fail(why);
}

void Benchmark::fail(const QString &why)
{
    if (m_failed || m_finished)
        return;
    m_failed = true;
    log(u"FAILED: "_s + why);
    m_results.insert(u"failed"_s, why);
    finish();
}

void Benchmark::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    disarmDeadline();
    stopTelemetry();
    qint64 usageSent = 0;
    for (const AgentShard *shard : m_shards)
        usageSent += shard->usageSent();
    m_results.insert(u"agents"_s, QJsonObject{{u"created"_s, qint64(m_agents.size())},
                                              {u"threads"_s, m_o.agentThreads},
                                              {u"lost"_s, m_agentsLost},
                                              {u"usage_sent"_s, usageSent},
                                              {u"market_errors"_s, m_agentErrors},
                                              {u"error_samples"_s,
                                               QJsonArray::fromStringList(m_agentErrorSamples)}});
    m_results.insert(u"finished_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!m_o.outPath.isEmpty()) {
        QFile file(m_o.outPath);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(QJsonDocument(m_results).toJson(QJsonDocument::Indented));
        else
            log(u"cannot write %1"_s.arg(m_o.outPath));
    }
    emit finished(m_failed ? 1 : 0);
}

void Benchmark::armDeadline(const QString &phase, int seconds)
{
    m_deadlinePhase = phase;
    m_deadline.start(seconds * 1000);
    m_phaseClock.start();
}

void Benchmark::disarmDeadline()
{
    m_deadline.stop();
}

void Benchmark::after(int ms, void (Benchmark::*next)())
{
    QTimer::singleShot(ms, this, [this, next] {
        if (!m_failed)
            (this->*next)();
    });
}

void Benchmark::runSearch(int ms, std::function<void(const SearchResult &)> done)
{
    m_searchDone = std::move(done);
    QMetaObject::invokeMethod(m_search, [search = m_search, ms] { search->run(ms); });
}

void Benchmark::onAgentLost(size_t slot, const QString &why)
{
    ++m_agentsLost;
    m_agents[slot].running = false;
    if (m_agentsLost <= 5)
        log(u"agent %1 (host %2) lost: %3"_s.arg(m_agents[slot].index)
                .arg(m_agents[slot].hostId)
                .arg(why));
}

void Benchmark::onAgentError(const QString &code, const QString &message)
{
    ++m_agentErrors;
    if (m_agentErrorSamples.size() < 5) {
        m_agentErrorSamples.append(code + u": "_s + message);
        log(u"market error on the agent channel: %1: %2"_s.arg(code, message));
    }
}

void Benchmark::startTelemetry()
{
    m_telemetryAgents = 0;
    for (const AgentInfo &agent : m_agents)
        m_telemetryAgents += agent.running ? 1 : 0;
    for (AgentShard *shard : m_shards)
        QMetaObject::invokeMethod(shard, [shard] { shard->startTelemetry(); });
}

qint64 Benchmark::telemetrySent() const
{
    qint64 sent = 0;
    for (const AgentShard *shard : m_shards)
        sent += shard->telemetrySent();
    return sent;
}

qint64 Benchmark::stopTelemetry()
{
    for (AgentShard *shard : m_shards)
        QMetaObject::invokeMethod(shard, [shard] { shard->stopTelemetry(); });
    return telemetrySent();
}

QJsonObject Benchmark::environment() const
{
    QJsonObject env{{u"kernel"_s, QSysInfo::kernelVersion()},
                    {u"os"_s, QSysInfo::prettyProductName()},
                    {u"cores"_s, QThread::idealThreadCount()},
                    {u"hosts"_s, m_o.hosts},
                    {u"search_connections"_s, m_o.connections},
                    {u"search_seconds"_s, m_o.searchSeconds},
                    {u"warmup_seconds"_s, m_o.warmupSeconds},
                    {u"instances"_s, m_o.instances},
                    {u"idle_seconds"_s, m_o.idleSeconds},
                    {u"telemetry_seconds"_s, m_o.telemetrySeconds},
                    {u"heartbeat_seconds"_s, m_o.heartbeatSeconds},
                    {u"agent_threads"_s, m_o.agentThreads},
                    {u"qt"_s, QString::fromLatin1(qVersion())}};
    QFile meminfo(u"/proc/meminfo"_s);
    if (meminfo.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> first = meminfo.readLine().simplified().split(' ');
        if (first.size() >= 2)
            env.insert(u"memory_gib"_s, qRound(first[1].toDouble() / 1024.0 / 1024.0 * 10) / 10.0);
    }
    QFile cpuinfo(u"/proc/cpuinfo"_s);
    // /proc files report size 0, so read them whole rather than testing atEnd().
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name")) {
                env.insert(u"cpu"_s, QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed()));
                break;
            }
        }
    }
    QFile loadavg(u"/proc/loadavg"_s);
    if (loadavg.open(QIODevice::ReadOnly))
        env.insert(u"loadavg_at_start"_s, QString::fromLatin1(loadavg.readAll().trimmed()));
    return env;
}

} // namespace suanli::bench
