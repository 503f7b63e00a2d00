#include "stats.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QList>

#include <algorithm>
#include <cmath>
#include <numeric>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace suanli::bench {

namespace {

double ticksPerSecond()
{
    static const double ticks = double(sysconf(_SC_CLK_TCK));
    return ticks;
}

struct MachineTimes
{
    double busyS = -1;
    double stealS = -1;
};

/// CPU time of all cores together from the first line of /proc/stat.
MachineTimes machineTimes()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    if (fields.size() < 9)
        return {};
    // cpu user nice system idle iowait irq softirq steal …: busy = all but idle, iowait and
    // steal; steal is time the hypervisor gave this machine's vCPUs to someone else.
    double busy = 0;
    for (int i = 1; i <= 7; ++i) {
        if (i != 4 && i != 5)
            busy += fields[i].toDouble();
    }
    return {busy / ticksPerSecond(), fields[8].toDouble() / ticksPerSecond()};
}

double percentile(const std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto rank = size_t(std::ceil(p * double(sorted.size())));
    const size_t index = std::clamp<size_t>(rank, 1, sorted.size()) - 1;
    return double(sorted[index]) / 1e6;
}

double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

} // namespace

LatencySummary summarise(std::vector<qint64> &nanos)
{
    LatencySummary s;
    s.count = qint64(nanos.size());
    if (nanos.empty())
        return s;
    std::sort(nanos.begin(), nanos.end());
    s.meanMs =
        double(std::accumulate(nanos.begin(), nanos.end(), qint64(0))) / 1e6 / double(nanos.size());
    s.p50Ms = percentile(nanos, 0.50);
    s.p90Ms = percentile(nanos, 0.90);
    s.p99Ms = percentile(nanos, 0.99);
    s.maxMs = double(nanos.back()) / 1e6;
    return s;
}

QJsonObject LatencySummary::toJson() const
{
    return {{u"count"_s, count},          {u"mean_ms"_s, round2(meanMs)},
            {u"p50_ms"_s, round2(p50Ms)}, {u"p90_ms"_s, round2(p90Ms)},
            {u"p99_ms"_s, round2(p99Ms)}, {u"max_ms"_s, round2(maxMs)}};
}

QJsonObject CpuFigures::toJson() const
{
    return {
        {u"wall_s"_s, round2(wallSeconds)},
        {u"market_cpu_pct"_s, round2(marketPct)},
        {u"market_system_cpu_pct"_s, round2(marketSystemPct)},
        {u"bench_cpu_pct"_s, round2(benchPct)},
        {u"database_cpu_pct"_s, databasePct < 0 ? QJsonValue() : QJsonValue(round2(databasePct))},
        {u"machine_cpu_pct"_s, round2(machinePct)},
        {u"machine_steal_pct"_s, round2(stealPct)}};
}

namespace {

/// The fields of /proc/PID/stat after the command name: [0] is the state (field 3), so
/// field N of proc(5) is at index N - 3.
QList<QByteArray> statFields(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = file.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return {};
    return line.mid(close + 2).split(' ');
}

} // namespace

double processTreeCpuSeconds(qint64 parentPid)
{
    const QList<QByteArray> parent = statFields(parentPid);
    if (parent.size() < 15)
        return -1;
    // utime, stime, cutime, cstime: fields 14–17.
    double ticks = parent[11].toDouble() + parent[12].toDouble() + parent[13].toDouble() +
                   parent[14].toDouble();
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : pids) {
        bool numeric = false;
        const qint64 pid = name.toLongLong(&numeric);
        if (!numeric || pid == parentPid)
            continue;
        const QList<QByteArray> f = statFields(pid);
        if (f.size() > 12 && f[1].toLongLong() == parentPid) // field 4: ppid
            ticks += f[11].toDouble() + f[12].toDouble();
    }
    return ticks / ticksPerSecond();
}

double processCpuSeconds(qint64 pid, bool systemOnly)
{
    const QList<QByteArray> fields = statFields(pid);
    if (fields.size() < 13)
        return -1;
    const double system = fields[12].toDouble();
    return (systemOnly ? system : fields[11].toDouble() + system) / ticksPerSecond();
}

CpuMeter::CpuMeter(qint64 marketPid, qint64 databasePid)
    : m_marketPid(marketPid)
    , m_databasePid(databasePid)
{}

CpuMeter::Sample CpuMeter::sample() const
{
    Sample s;
    s.wallNs = QDeadlineTimer::current().deadlineNSecs();
    s.marketS = processCpuSeconds(m_marketPid);
    s.marketSystemS = processCpuSeconds(m_marketPid, true);
    s.benchS = processCpuSeconds(qint64(getpid()));
    s.databaseS = m_databasePid > 0 ? processTreeCpuSeconds(m_databasePid) : -1;
    const MachineTimes machine = machineTimes();
    s.machineBusyS = machine.busyS;
    s.machineStealS = machine.stealS;
    return s;
}

void CpuMeter::start()
{
    m_start = sample();
}

CpuFigures CpuMeter::stop() const
{
    const Sample end = sample();
    CpuFigures f;
    f.wallSeconds = double(end.wallNs - m_start.wallNs) / 1e9;
    if (f.wallSeconds <= 0)
        return f;
    auto pct = [&f](double from, double to) {
        return from < 0 || to < 0 ? -1.0 : (to - from) / f.wallSeconds * 100.0;
    };
    f.marketPct = pct(m_start.marketS, end.marketS);
    f.marketSystemPct = pct(m_start.marketSystemS, end.marketSystemS);
    f.benchPct = pct(m_start.benchS, end.benchS);
    f.databasePct = pct(m_start.databaseS, end.databaseS);
    f.machinePct = pct(m_start.machineBusyS, end.machineBusyS);
    f.stealPct = pct(m_start.machineStealS, end.machineStealS);
    return f;
}

} // namespace suanli::bench
