#pragma once

#include "protocol/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

namespace suanli::host {

/// What a finished podman command left behind.
struct ProcessResult
{
    int exitCode = -1; ///< -1: it never ran or crashed
    QByteArray out;
    QByteArray err;
    QString startError; ///< why it could not run at all (podman missing, …)
    bool ok() const { return exitCode == 0 && startError.isEmpty(); }
    /// The last non-empty stderr line, "Error: " stripped: podman's own one-line reason.
    QString reason() const;
};

/// How podman must be invoked on this machine (see RuntimeDetector).
struct RuntimeSettings
{
    QString podman = QStringLiteral("podman");
    QString runtime;        ///< "" = podman's default, else e.g. "runc"
    QString cgroupManager;  ///< "" = podman's default, else "cgroupfs"
    QString containersConf; ///< project-owned containers.conf, passed as CONTAINERS_CONF
    bool rootless = false;
    bool dropUlimits = false; ///< no CAP_SYS_RESOURCE: podman's default nofile limit cannot be set
    QString cgroupVersion;    ///< "v1" or "v2" as podman info says
    /// Rootful with / a private mount (a container, a chroot): podman's cleanup of a --userns
    /// container unmounts in conmon's own mount namespace only, so every stopped instance
    /// leaves its volume and /dev/shm mounted here and cannot start again.
    bool privateRootMount = false;
    QStringList notes;        ///< why the settings are what they are, for self-test and logs
};

/// Runs podman commands asynchronously (one QProcess each, never waited on) with the global
/// flags and environment of the detected runtime. Results come back on the event loop.
class Podman : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ProcessResult &)>;

    explicit Podman(QObject *parent = nullptr);

    void setSettings(const RuntimeSettings &settings);
    const RuntimeSettings &settings() const { return m_settings; }

    /// `podman <global flags> args…`; writes `input` to its stdin; calls `done` unless
    /// `context` was destroyed first. Never blocks.
    void run(const QStringList &args, QObject *context, Callback done,
             const QByteArray &input = {});

    /// The full argument list run() would use (global flags first), for logs and docs.
    QStringList commandLine(const QStringList &args) const;

    int running() const { return m_running; }

private:
    RuntimeSettings m_settings;
    QProcessEnvironment m_env;
    int m_running = 0;
};

/// Decides how to run podman here: asks `podman info --format json`, checks the cgroup layout
/// and this process's capabilities, writes the project-owned containers.conf and reports the
/// settings. Where crun cannot run containers (cgroup v1 hybrid, as on VMs without
/// CAP_SYS_RESOURCE) it picks `--runtime runc --cgroup-manager cgroupfs` and
/// `default_ulimits = []`, without touching the system's files.
class RuntimeDetector : public QObject
{
    Q_OBJECT
public:
    /// `stateDir`: where containers.conf is written. `forcedRuntime`: from the config ("" = auto).
    RuntimeDetector(QString podmanPath, QString stateDir, QString forcedRuntime,
                    QObject *parent = nullptr);
    void start();

    /// Pure decision from podman info's JSON and the capability mask (unit-testable).
    static RuntimeSettings decide(const QJsonObject &info, quint64 effectiveCaps,
                                  bool hybridCgroups, const QString &forcedRuntime);
    /// CapEff of this process from /proc/self/status (0 where unreadable).
    static quint64 effectiveCapabilities();
    static bool hybridCgroups();
    /// Whether / is a shared mount in this process's namespace (/proc/self/mountinfo).
    static bool rootMountShared();
    /// The same, of the text of a mountinfo file.
    static bool rootMountShared(const QByteArray &mountinfo);
    static QByteArray containersConf(const RuntimeSettings &settings);

signals:
    void detected(const suanli::host::RuntimeSettings &settings);
    void failed(const suanli::Error &error);

private:
    QString m_podmanPath;
    QString m_stateDir;
    QString m_forcedRuntime;
    Podman m_podman;
};

} // namespace suanli::host
