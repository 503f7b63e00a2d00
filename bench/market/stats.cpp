#include "stats.h"

#include <QDeadlineTimer>
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

/// Busy jiffies of all cores together from the first line of /proc/stat.
double machineBusySeconds()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    // cpu user nice system idle iowait irq softirq steal …: busy = all but idle and iowait.
    double busy = 0;
    for (int i = 1; i < fields.size() && i <= 8; ++i) {
        if (i != 4 && i != 5)
            busy += fields[i].toDouble();
    }
    return busy / ticksPerSecond();
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
    s.meanMs = double(std::accumulate(nanos.begin(), nanos.end(), qint64(0))) / 1e6
        / double(nanos.size());
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
    return {{u"wall_s"_s, round2(wallSeconds)},
            {u"market_cpu_pct"_s, round2(marketPct)},
            {u"market_system_cpu_pct"_s, round2(marketSystemPct)},
            {u"bench_cpu_pct"_s, round2(benchPct)},
            {u"machine_cpu_pct"_s, round2(machinePct)}};
}

double processCpuSeconds(qint64 pid, bool systemOnly)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = file.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
    if (fields.size() < 13)
        return -1;
    const double system = fields[12].toDouble();
    return (systemOnly ? system : fields[11].toDouble() + system) / ticksPerSecond();
}

CpuMeter::CpuMeter(qint64 marketPid)
    : m_marketPid(marketPid)
{
}

CpuMeter::Sample CpuMeter::sample() const
{
    Sample s;
    s.wallNs = QDeadlineTimer::current().deadlineNSecs();
    s.marketS = processCpuSeconds(m_marketPid);
    s.marketSystemS = processCpuSeconds(m_marketPid, true);
    s.benchS = processCpuSeconds(qint64(getpid()));
    s.machineBusyS = machineBusySeconds();
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
    f.machinePct = pct(m_start.machineBusyS, end.machineBusyS);
    return f;
}

} // namespace suanli::bench
