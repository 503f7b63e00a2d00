#pragma once

// CPU time and memory of a process from /proc (Linux), for the benchmarks that measure a
// process's cost over a window (bench/agent, bench/tray), and of the whole machine (bench/sync).

#include <QFile>
#include <QString>

#include <unistd.h>

namespace suanli::bench {

struct ProcStat
{
    double cpuSeconds = 0; ///< utime + stime + cutime + cstime
    qint64 rssKb = 0;
    qint64 hwmKb = 0; ///< peak RSS
};

inline ProcStat procStat(qint64 pid)
{
    ProcStat s;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        // Fields after the command name (which may hold spaces) start at the last ')':
        // fields 14..17 (utime stime cutime cstime) are 11..14 from there.
        const QList<QByteArray> f = text.mid(text.lastIndexOf(')') + 2).split(' ');
        const double hz = double(sysconf(_SC_CLK_TCK));
        s.cpuSeconds = (f.value(11).toLongLong() + f.value(12).toLongLong() +
                        f.value(13).toLongLong() + f.value(14).toLongLong()) /
                       hz;
    }
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            const auto value = [&line] { return line.mid(6).trimmed().split(' ').first().toLongLong(); };
            if (line.startsWith("VmRSS:"))
                s.rssKb = value();
            else if (line.startsWith("VmHWM:"))
                s.hwmKb = value();
        }
    }
    return s;
}

/// CPU time the whole machine spent busy since boot (all cores: user, nice, system, irq,
/// softirq): the difference over a run is what the run cost every process together, sshd and
/// the instance's tools included. With stolen = true: the time the hypervisor gave to other
/// guests instead (a noisy neighbour, which slows a run without showing as its CPU).
inline double machineBusySeconds(bool stolen = false)
{
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> f = stat.readLine().simplified().split(' ');
    // cpu user nice system idle iowait irq softirq steal
    qint64 ticks = 0;
    if (stolen) {
        ticks = f.value(8).toLongLong();
    } else {
        for (const int i : {1, 2, 3, 6, 7})
            ticks += f.value(i).toLongLong();
    }
    return double(ticks) / double(sysconf(_SC_CLK_TCK));
}

} // namespace suanli::bench
