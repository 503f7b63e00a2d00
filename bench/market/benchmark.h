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
        QString label;
        QString outPath;
        int hosts = 10'000;
        int registerLanes = 64;     ///< registrations in flight at once
        int connections = 64;       ///< search connections
        int warmupSeconds = 2;
        int searchSeconds = 20;
        int instances = 1'000;
        int createLanes = 16;       ///< instance creations in flight at once
        int idleSeconds = 10;
        int telemetrySeconds = 20;
        int heartbeatSeconds = 30;  ///< usage heartbeat period of every agent
        int phaseTimeoutSeconds = 900;
        quint32 seed = 20250101;
        /// Run as `hook EVENT MARKET_PID` at the edges of the measured windows (EVENT is
        /// search-begin, search-end, telemetry-begin, telemetry-end), e.g. to switch callgrind's
        /// instrumentation on and off. Empty: none.
        QString hook;
    };

    explicit Benchmark(Options options, QObject *parent = nullptr);
    ~Benchmark() override;

    void start();

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
    void onAgentLost(SimAgent *agent, const QString &why);
    void onAgentError(const QString &code, const QString &message);
    void heartbeatTick();
    void startTelemetry();
    void telemetryTick();
    qint64 stopTelemetry();
    QJsonObject environment() const;

    Options m_o;
    QUrl m_agentUrl;
    QRandomGenerator m_rng;
    CpuMeter m_cpu;
    QJsonObject m_results;
    bool m_failed = false;

    HttpConnection *m_renter = nullptr;
    std::vector<HttpConnection *> m_lenderLanes;
    std::vector<HttpConnection *> m_renterLanes;
    std::vector<SimAgent *> m_agents;

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

    // Heartbeats and telemetry, paced against a clock so a late timer catches up.
    QTimer m_heartbeat;
    QElapsedTimer m_heartbeatClock;
    qint64 m_heartbeatTicks = 0;
    qint64 m_usageSent = 0;
    QTimer m_telemetry;
    QElapsedTimer m_telemetryClock;
    qint64 m_telemetrySlots = 0;
    qint64 m_telemetrySent = 0;
    std::vector<SimAgent *> m_telemetryAgents;

    // Phase 3
    std::vector<SimAgent *> m_instanceTargets;
    int m_nextInstance = 0;
    int m_instancesRunning = 0;
    int m_instancesFailed = 0;
    QHash<SimAgent *, qint64> m_createStartNs;
    std::vector<qint64> m_createNs;

    int m_agentsLost = 0;
    int m_agentErrors = 0;
    QStringList m_agentErrorSamples;
};

} // namespace suanli::bench
