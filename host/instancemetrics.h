#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

namespace suanli::host {

/// One instance's numbers read straight from its cgroup and /proc, once a second, with no
/// podman process involved (a `podman stats` per second would cost more CPU than the agent
/// may use).
class InstanceMetrics
{
public:
    /// `cgroupPath` as podman inspect gives it; `cgroupRoot` is /sys/fs/cgroup except in tests.
    explicit InstanceMetrics(QString cgroupPath,
                             QString cgroupRoot = QStringLiteral("/sys/fs/cgroup"));
    /// Rootless podman on cgroup v1 gives a container no cgroup of its own (podman inspect
    /// names its parent's): its numbers are then those of the process tree under `pid`, the
    /// container's first process, read from /proc.
    static InstanceMetrics forProcessTree(qint64 pid);

    struct Reading
    {
        bool alive = false; ///< the cgroup still has processes
        double cpuPct = 0;  ///< of one core, since the previous reading
        qint64 memoryUsedMb = 0;
        int sshSessions = 0;
        QSet<qint64> pids;
    };
    Reading read(qint64 monotonicMs);

private:
    QString controllerFile(const QString &controller, const QString &v1File,
                           const QString &v2File) const;
    static void countSshSessions(Reading &r);
    /// The pids of the tree under m_pid with their CPU time (ns) and resident memory (bytes).
    void readTree(Reading &r, qint64 &cpuNs) const;
    QString m_path;
    QString m_root;
    bool m_v2 = false;
    qint64 m_pid = 0; ///< process-tree mode when > 0
    qint64 m_lastCpuNs = -1;
    qint64 m_lastAtMs = 0;
};

/// Follows a container's k8s-file log (the CRI format: "TIME STREAM P|F text") from a byte
/// offset, joining partial lines.
class LogTail
{
public:
    explicit LogTail(QString path, qint64 offset = 0)
        : m_path(std::move(path))
        , m_offset(offset)
    {}
    /// New complete lines since the last call (at most `maxLines`, the rest next time).
    QStringList poll(int maxLines = 200);
    qint64 offset() const { return m_offset; }
    /// Parses one log line into its text; false for lines that are not CRI formatted.
    static bool parseLine(const QByteArray &line, QByteArray *text, bool *partial);

private:
    QString m_path;
    qint64 m_offset = 0;
    QByteArray m_partial;
};

} // namespace suanli::host
