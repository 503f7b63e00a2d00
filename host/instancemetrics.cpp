#include "instancemetrics.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {

QByteArray readSmall(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return f.read(64 * 1024);
}

} // namespace

InstanceMetrics::InstanceMetrics(QString cgroupPath, QString cgroupRoot)
    : m_path(std::move(cgroupPath))
    , m_root(std::move(cgroupRoot))
{
    m_v2 = QFileInfo::exists(m_root + u"/cgroup.controllers"_s);
}

QString InstanceMetrics::controllerFile(const QString &controller, const QString &v1File,
                                        const QString &v2File) const
{
    if (m_v2)
        return m_root + m_path + u'/' + v2File;
    return m_root + u'/' + controller + m_path + u'/' + v1File;
}

InstanceMetrics InstanceMetrics::forProcessTree(qint64 pid)
{
    InstanceMetrics m({}, u"/proc"_s);
    m.m_pid = pid;
    return m;
}

void InstanceMetrics::readTree(Reading &r, qint64 &cpuNs) const
{
    struct Proc
    {
        qint64 ppid = 0;
        qint64 ticks = 0;
    };
    QHash<qint64, Proc> procs;
    QMultiHash<qint64, qint64> children;
    const QStringList entries = QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        // "pid (comm) state ppid … utime stime …": comm may hold spaces, so split after ')'.
        const QByteArray stat = readSmall(m_root + u'/' + entry + u"/stat"_s);
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> f = stat.mid(close + 2).split(' ');
        if (f.size() < 13)
            continue;
        Proc p{f[1].toLongLong(), f[11].toLongLong() + f[12].toLongLong()};
        procs.insert(pid, p);
        children.insert(p.ppid, pid);
    }
    if (!procs.contains(m_pid))
        return;
    static const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    static const long pageSize = ::sysconf(_SC_PAGESIZE);
    qint64 ticks = 0;
    qint64 rssPages = 0;
    QList<qint64> queue{m_pid};
    while (!queue.isEmpty()) {
        const qint64 pid = queue.takeLast();
        if (r.pids.contains(pid))
            continue;
        r.pids.insert(pid);
        ticks += procs.value(pid).ticks;
        const QByteArray statm = readSmall(u"%1/%2/statm"_s.arg(m_root).arg(pid));
        rssPages += statm.split(' ').value(1).toLongLong();
        queue.append(children.values(pid));
    }
    cpuNs = ticks * (1'000'000'000 / std::max(1L, ticksPerSecond));
    r.memoryUsedMb = rssPages * pageSize / (1024 * 1024);
}

InstanceMetrics::Reading InstanceMetrics::read(qint64 monotonicMs)
{
    Reading r;
    if (m_pid > 0) {
        qint64 cpuNs = -1;
        readTree(r, cpuNs);
        r.alive = !r.pids.isEmpty();
        if (!r.alive)
            return r;
        // A process that ended takes its CPU time with it: never report a negative share.
        if (m_lastCpuNs >= 0 && monotonicMs > m_lastAtMs)
            r.cpuPct = std::max(0.0, double(cpuNs - m_lastCpuNs) / 1e6 /
                                         double(monotonicMs - m_lastAtMs) * 100.0);
        m_lastCpuNs = cpuNs;
        m_lastAtMs = monotonicMs;
        countSshSessions(r);
        return r;
    }
    const QByteArray procs =
        readSmall(controllerFile(u"pids"_s, u"cgroup.procs"_s, u"cgroup.procs"_s));
    for (const QByteArray &line : procs.split('\n')) {
        if (const qint64 pid = line.trimmed().toLongLong(); pid > 0)
            r.pids.insert(pid);
    }
    r.alive = !r.pids.isEmpty();
    if (!r.alive)
        return r;

    qint64 cpuNs = -1;
    if (m_v2) {
        const QByteArray stat = readSmall(controllerFile({}, {}, u"cpu.stat"_s));
        for (const QByteArray &line : stat.split('\n')) {
            if (line.startsWith("usage_usec "))
                cpuNs = line.mid(11).trimmed().toLongLong() * 1000;
        }
        r.memoryUsedMb =
            readSmall(controllerFile({}, {}, u"memory.current"_s)).trimmed().toLongLong() /
            (1024 * 1024);
    } else {
        const QByteArray usage = readSmall(controllerFile(u"cpuacct"_s, u"cpuacct.usage"_s, {}));
        if (!usage.isEmpty())
            cpuNs = usage.trimmed().toLongLong();
        r.memoryUsedMb = readSmall(controllerFile(u"memory"_s, u"memory.usage_in_bytes"_s, {}))
                             .trimmed()
                             .toLongLong() /
                         (1024 * 1024);
    }
    if (cpuNs >= 0 && m_lastCpuNs >= 0 && monotonicMs > m_lastAtMs)
        r.cpuPct = double(cpuNs - m_lastCpuNs) / 1e6 / double(monotonicMs - m_lastAtMs) * 100.0;
    if (cpuNs >= 0) {
        m_lastCpuNs = cpuNs;
        m_lastAtMs = monotonicMs;
    }

    countSshSessions(r);
    return r;
}

void InstanceMetrics::countSshSessions(Reading &r)
{
    // An open SSH session is an sshd process titled "sshd: USER@pts/N" or "sshd: USER@notty".
    for (qint64 pid : std::as_const(r.pids)) {
        const QString proc = u"/proc/%1/"_s.arg(pid);
        if (!readSmall(proc + u"comm"_s).startsWith("sshd"))
            continue;
        const QByteArray cmdline = readSmall(proc + u"cmdline"_s);
        if (cmdline.startsWith("sshd: ") && cmdline.contains('@'))
            ++r.sshSessions;
    }
}

bool LogTail::parseLine(const QByteArray &line, QByteArray *text, bool *partial)
{
    const qsizetype s1 = line.indexOf(' ');
    const qsizetype s2 = s1 < 0 ? -1 : line.indexOf(' ', s1 + 1);
    if (s2 < 0)
        return false;
    const qsizetype s3 = line.indexOf(' ', s2 + 1);
    const QByteArray tag = s3 < 0 ? line.mid(s2 + 1) : line.mid(s2 + 1, s3 - s2 - 1);
    if (tag != "F" && tag != "P")
        return false;
    *partial = tag == "P";
    *text = s3 < 0 ? QByteArray() : line.mid(s3 + 1);
    return true;
}

QStringList LogTail::poll(int maxLines)
{
    QStringList lines;
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    if (f.size() < m_offset) // rotated (max-size): start again at the top
        m_offset = 0;
    if (f.size() == m_offset || !f.seek(m_offset))
        return lines;
    while (lines.size() < maxLines) {
        const QByteArray raw = f.readLine(256 * 1024);
        if (raw.isEmpty() || !raw.endsWith('\n'))
            break; // nothing more, or a line conmon is still writing
        m_offset += raw.size();
        QByteArray text;
        bool partial = false;
        if (!parseLine(raw.chopped(1), &text, &partial))
            continue;
        m_partial += text;
        if (partial)
            continue;
        lines.append(QString::fromUtf8(m_partial));
        m_partial.clear();
    }
    return lines;
}

} // namespace suanli::host
