#pragma once

#include "machines.h"
#include "searchload.h"
#include "stats.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <vector>

namespace suanli::bench {

class AgentShard;
class HttpConnection;
class SimAgent;

/// The market benchmark, one back end per run (the run script runs it for each and prints
/// them side by side). Phases, each bounded in count and time:
///  1. registration: N hosts registered over REST, each with its own agent on the agent
///     channel (hello → welcome), then listed; usage heartbeats from then on;
///  2. offer search: closed-loop GET /api/v1/offers mix over keep-alive connections;
///  3. the renter creates instances on K offers, their agents take them to running; then the
///     market's CPU is measured idle (heartbeats, billing), with K agents sending 1 Hz
///     telemetry, and with telemetry and searches together.
/// Everything it learns goes into one JSON object (--out) that `market-bench report` reads.
class Benchmark : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 0;
        QByteArray lenderToken;
        QByteArray renterToken;
        qint64 marketPid = 0;
        qint64 databasePid = 0; ///< PostgreSQL's postmaster, for its CPU; 0: none (SQLite)
        QString label;
        QString outPath;
        int hosts = 10'000;
        int registerLanes = 64; ///< registrations in flight at once
        int connections = 64;   ///< search connections
        int warmupSeconds = 2;
        int searchSeconds = 20;
        int instances = 1'000;
        int createLanes = 16; ///< instance creations in flight at once
        int idleSeconds = 10;
        int telemetrySeconds = 20;
        int heartbeatSeconds = 30; ///< usage heartbeat period of every agent
        int agentThreads = 32;     ///< threads the agents are spread over
        int phaseTimeoutSeconds = 600;
        quint32 seed = 20250101;
        /// Run as `hook EVENT MARKET_PID` at the edges of the measured windows (EVENT is
        /// search-, idle-, telemetry- or mixed- followed by begin or end), e.g. to switch a
        /// profiler on and off. Empty: none.
        QString hook;
    };

    explicit Benchmark(Options options, QObject *parent = nullptr);
    ~Benchmark() override;

    void start();
    /// Ends the run now, writing what was measured so far (e.g. on SIGTERM).
    void abort(const QString &why);

signals:
    void finished(int exitCode);

private:
    // Phases, in order (benchmark_phases.cpp). Each ends by starting the next.
    void checkMarket();
    void registerHosts();
    void registerNext(size_t lane);
    void registrationDone();
    void searchPhase();
    void createInstances();
    void createNext(size_t lane);
    void instanceSettled();
    void idlePhase();
    void verifyInstances();
    void telemetryPhase();
    void checkTelemetryStored();
    void readBillingMetrics();
    void telemetrySearchPhase();

    // Plumbing (benchmark.cpp).
    void log(const QString &line) const;
    void hook(const QString &event);
    void fail(const QString &why);
    void finish();
    void armDeadline(const QString &phase, int seconds);
    void disarmDeadline();
    void after(int ms, void (Benchmark::*next)());
    void runSearch(int ms, std::function<void(const SearchResult &)> done);
    void onAgentLost(size_t slot, const QString &why);
    void onAgentError(const QString &code, const QString &message);
    void startTelemetry();
    qint64 telemetrySent() const;
    qint64 stopTelemetry();
    QJsonObject environment() const;

    Options m_o;
    QUrl m_agentUrl;
    QRandomGenerator m_rng;
    CpuMeter m_cpu;
    QJsonObject m_results;
    bool m_failed = false;
    bool m_finished = false;

    HttpConnection *m_renter = nullptr;
    /// Responsiveness probe during the telemetry window: GET /healthz every 100 ms. If the
    /// market answers it promptly, it was reading each message as it came, and the CPU it
    /// spent is what the messages cost; if not, it was blocked and read them in batches.
    HttpConnection *m_probe = nullptr;
    QTimer *m_probeTimer = nullptr;
    QList<double> m_probeMs;
    std::vector<HttpConnection *> m_lenderLanes;
    std::vector<HttpConnection *> m_renterLanes;

    /// What this thread knows of an agent, kept from its signals; the SimAgent itself lives
    /// in a shard's thread and is never touched from here.
    struct AgentInfo
    {
        int index = 0;     ///< host number, as in its name
        qint64 hostId = 0; ///< also its offer's id
        int gpus = 0;
        bool welcomed = false;
        bool running = false; ///< its instance reported running
        qint64 instanceId = 0;
    };
    std::vector<AgentInfo> m_agents;
    std::vector<QThread *> m_shardThreads;
    std::vector<AgentShard *> m_shards;

    QThread m_searchThread;
    SearchLoad *m_search = nullptr;
    std::function<void(const SearchResult &)> m_searchDone;

    QTimer m_deadline;
    QString m_deadlinePhase;
    QElapsedTimer m_phaseClock;

    // Phase 1
    int m_nextHost = 0;
    int m_registered = 0;
    int m_registerFailed = 0;
    size_t m_lanesDone = 0;
    std::vector<qint64> m_registerNs;
    QStringList m_failureSamples;

    // Phase 3
    std::vector<size_t> m_instanceTargets; ///< slots in m_agents
    int m_nextInstance = 0;
    int m_instancesRunning = 0;
    int m_instancesFailed = 0;
    QHash<qsizetype, qint64> m_createStartNs; ///< by slot
    std::vector<qint64> m_createNs;
    qint64 m_telemetryAgents = 0;
    qint64 m_telemetryBase = 0;

    int m_agentsLost = 0;
    int m_agentErrors = 0;
    QStringList m_agentErrorSamples;
};

} // namespace suanli::bench
