#pragma once

#include <QJsonObject>
#include <QtGlobal>

#include <vector>

namespace suanli::bench {

/// Latency distribution of a set of requests, in milliseconds (nearest-rank percentiles).
struct LatencySummary
{
    qint64 count = 0;
    double meanMs = 0;
    double p50Ms = 0;
    double p90Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;

    QJsonObject toJson() const;
};

/// Summarises latencies given in nanoseconds; sorts its argument.
LatencySummary summarise(std::vector<qint64> &nanos);

/// CPU use over a measured interval, each figure as % of one core: the market process, this
/// process (the load generator), and the whole machine (all cores together, so up to
/// 100 × cores), which shows how much else was running.
struct CpuFigures
{
    double wallSeconds = 0;
    double marketPct = 0;
    double marketSystemPct = 0; ///< the kernel's share of marketPct (socket I/O, poll, fsync)
    double benchPct = 0;
    double databasePct = -1; ///< a separate database server (PostgreSQL); -1: none
    double machinePct = 0;
    double stealPct = 0; ///< CPU the hypervisor took from this virtual machine

    QJsonObject toJson() const;
};

/// Reads /proc before and after an interval. Linux only, like the benchmark's run script.
class CpuMeter
{
public:
    /// `databasePid`: a database server's parent process (PostgreSQL's postmaster), whose
    /// children do the queries; 0 when the database is inside the market (SQLite).
    explicit CpuMeter(qint64 marketPid, qint64 databasePid = 0);
    void start();
    CpuFigures stop() const;

private:
    struct Sample
    {
        qint64 wallNs = 0;
        double marketS = 0;
        double marketSystemS = 0;
        double benchS = 0;
        double databaseS = 0;
        double machineBusyS = 0;
        double machineStealS = 0;
    };
    Sample sample() const;

    qint64 m_marketPid = 0;
    qint64 m_databasePid = 0;
    Sample m_start;
};

/// User + system CPU seconds of a process from /proc/PID/stat (utime + stime), or only the
/// system part; -1 when unreadable.
double processCpuSeconds(qint64 pid, bool systemOnly = false);

/// CPU seconds of a process tree one level deep: the parent with the children it has reaped,
/// plus its live children. A server that forks a process per connection (PostgreSQL) is
/// measured whole this way, a backend that exits mid-window included.
double processTreeCpuSeconds(qint64 parentPid);

} // namespace suanli::bench
