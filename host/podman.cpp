#include "podman.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace suanli::host {

QString ProcessResult::reason() const
{
    if (!startError.isEmpty())
        return startError;
    const QList<QByteArray> lines = err.trimmed().split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        QString line = QString::fromUtf8(it->trimmed());
        if (line.isEmpty())
            continue;
        if (line.startsWith("Error: "_L1))
            line = line.mid(7);
        return line;
    }
    return u"exit status %1"_s.arg(exitCode);
}

Podman::Podman(QObject *parent)
    : QObject(parent)
    , m_env(QProcessEnvironment::systemEnvironment())
{}

void Podman::setSettings(const RuntimeSettings &settings)
{
    m_settings = settings;
    m_env = QProcessEnvironment::systemEnvironment();
    if (!settings.containersConf.isEmpty())
        m_env.insert(u"CONTAINERS_CONF"_s, settings.containersConf);
}

QStringList Podman::commandLine(const QStringList &args) const
{
    QStringList all;
    if (!m_settings.runtime.isEmpty())
        all << u"--runtime"_s << m_settings.runtime;
    if (!m_settings.cgroupManager.isEmpty())
        all << u"--cgroup-manager"_s << m_settings.cgroupManager;
    return all + args;
}

void Podman::run(const QStringList &args, QObject *context, Callback done, const QByteArray &input)
{
    auto *process = new QProcess(this);
    process->setProcessEnvironment(m_env);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    ++m_running;
    auto finish = [this, process, guard, hasContext, done = std::move(done)](ProcessResult result) {
        --m_running;
        process->deleteLater();
        if (hasContext && !guard)
            return;
        if (done)
            done(result);
    };
    connect(process, &QProcess::finished, this,
            [process, finish](int exitCode, QProcess::ExitStatus status) {
                ProcessResult r;
                r.exitCode = status == QProcess::NormalExit ? exitCode : -1;
                r.out = process->readAllStandardOutput();
                r.err = process->readAllStandardError();
                if (status != QProcess::NormalExit)
                    r.startError = u"podman crashed"_s;
                finish(r);
            });
    connect(
        process, &QProcess::errorOccurred, this, [process, finish](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return; // the others end in finished()
            ProcessResult r;
            r.startError = u"cannot run %1: %2"_s.arg(process->program(), process->errorString());
            finish(r);
        });
    process->start(m_settings.podman, commandLine(args));
    if (!input.isEmpty())
        process->write(input);
    process->closeWriteChannel();
}

// ---- RuntimeDetector ------------------------------------------------------------------

RuntimeDetector::RuntimeDetector(QString podmanPath, QString stateDir, QString forcedRuntime,
                                 QObject *parent)
    : QObject(parent)
    , m_podmanPath(std::move(podmanPath))
    , m_stateDir(std::move(stateDir))
    , m_forcedRuntime(std::move(forcedRuntime))
{
    RuntimeSettings plain;
    plain.podman = m_podmanPath;
    m_podman.setSettings(plain);
}

quint64 RuntimeDetector::effectiveCapabilities()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("CapEff:"))
            return line.mid(7).trimmed().toULongLong(nullptr, 16);
    }
    return 0;
}

bool RuntimeDetector::hybridCgroups()
{
    // Hybrid: v1 controllers with a cgroup2 hierarchy beside them (the "0::" line, systemd's
    // "unified" mount). crun refuses such a layout unless every controller is v2.
    QFile f(u"/proc/self/cgroup"_s);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = f.readAll();
    return QFileInfo(u"/sys/fs/cgroup/memory"_s).isDir() &&
           (text.startsWith("0::") || text.contains("\n0::"));
}

bool RuntimeDetector::rootMountShared()
{
    QFile f(u"/proc/self/mountinfo"_s);
    if (!f.open(QIODevice::ReadOnly))
        return true; // unknown: nothing to warn of
    return rootMountShared(f.readAll());
}

bool RuntimeDetector::rootMountShared(const QByteArray &mountinfo)
{
    bool shared = true;
    for (const QByteArray &line : mountinfo.split('\n')) {
        // id parent major:minor root mountpoint options [optional fields…] - type source …
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 7 || fields.at(4) != "/")
            continue;
        shared = false; // the last mount on / is the one in effect
        for (qsizetype i = 6; i < fields.size() && fields.at(i) != "-"; ++i)
            shared = shared || fields.at(i).startsWith("shared:");
    }
    return shared;
}

RuntimeSettings RuntimeDetector::decide(const QJsonObject &info, quint64 effectiveCaps, bool hybrid,
                                        const QString &forcedRuntime)
{
    constexpr quint64 kCapSysResource = quint64(1) << 24;
    const QJsonObject host = info.value(u"host"_s).toObject();
    RuntimeSettings s;
    s.cgroupVersion = host.value(u"cgroupVersion"_s).toString();
    s.rootless = host.value(u"security"_s).toObject().value(u"rootless"_s).toBool();
    const QString defaultRuntime =
        host.value(u"ociRuntime"_s).toObject().value(u"name"_s).toString();
    const QString manager = host.value(u"cgroupManager"_s).toString();

    if (!forcedRuntime.isEmpty() && forcedRuntime != "auto"_L1) {
        s.runtime = forcedRuntime;
        s.notes << u"runtime %1 set in the configuration"_s.arg(forcedRuntime);
    } else if (s.cgroupVersion == "v1"_L1 && hybrid && defaultRuntime == "crun"_L1) {
        s.runtime = u"runc"_s;
        s.notes << u"cgroup v1 in hybrid mode: crun cannot create containers here, using runc"_s;
    }
    if (s.runtime == "runc"_L1 && manager != "cgroupfs"_L1 && !s.rootless) {
        s.cgroupManager = u"cgroupfs"_s;
        s.notes << u"runc on cgroup v1: cgroup manager cgroupfs"_s;
    } else if (s.runtime == "runc"_L1 && manager == "cgroupfs"_L1) {
        s.cgroupManager = u"cgroupfs"_s;
    }
    if (s.rootless || !(effectiveCaps & kCapSysResource)) {
        // podman's default nofile ulimit is above the hard limit a process without
        // CAP_SYS_RESOURCE may set; the runtime then fails with "setrlimit RLIMIT_NOFILE".
        s.dropUlimits = true;
        s.notes
            << u"no CAP_SYS_RESOURCE: containers keep the inherited ulimits (default_ulimits = [])"_s;
    }
    if (s.rootless && s.cgroupVersion == "v1"_L1)
        s.notes << u"rootless on cgroup v1: podman cannot apply pids, memory or CPU limits"_s;
    return s;
}

QByteArray RuntimeDetector::containersConf(const RuntimeSettings &settings)
{
    QByteArray conf = "# Written by suanli-host; passed to podman as CONTAINERS_CONF.\n"
                      "# The system's containers.conf is never edited.\n[containers]\n";
    if (settings.dropUlimits)
        conf += "default_ulimits = []\n";
    conf += "\n[engine]\n";
    if (!settings.runtime.isEmpty())
        conf += "runtime = \"" + settings.runtime.toUtf8() + "\"\n";
    if (!settings.cgroupManager.isEmpty())
        conf += "cgroup_manager = \"" + settings.cgroupManager.toUtf8() + "\"\n";
    return conf;
}

void RuntimeDetector::start()
{
    m_podman.run({u"info"_s, u"--format"_s, u"json"_s}, this, [this](const ProcessResult &r) {
        if (!r.ok()) {
            emit failed(makeError(
                u"podman_unavailable"_s,
                u"podman info failed: %1 (install podman, see docs/host.md)"_s.arg(r.reason())));
            return;
        }
        const QJsonObject info = QJsonDocument::fromJson(r.out).object();
        if (info.isEmpty()) {
            emit failed(makeError(u"podman_unavailable"_s, u"podman info gave no JSON"_s));
            return;
        }
        RuntimeSettings s = decide(info, effectiveCapabilities(), hybridCgroups(), m_forcedRuntime);
        s.podman = m_podmanPath;
        if (!s.rootless && !rootMountShared()) {
            s.privateRootMount = true;
            s.notes << u"/ is a private mount: podman cannot unmount a stopped instance's volume "
                       "and /dev/shm, so it cannot start again; fix: mount --make-rshared / "
                       "(systemd does so at boot)"_s;
        }
        if (!QDir().mkpath(m_stateDir)) {
            emit failed(makeError(u"state_dir_unwritable"_s,
                                  u"cannot create the state folder %1"_s.arg(m_stateDir)));
            return;
        }
        s.containersConf = QDir(m_stateDir).filePath(u"containers.conf"_s);
        QSaveFile file(s.containersConf);
        if (!file.open(QIODevice::WriteOnly) || file.write(containersConf(s)) < 0 ||
            !file.commit()) {
            emit failed(
                makeError(u"state_dir_unwritable"_s,
                          u"cannot write %1: %2"_s.arg(s.containersConf, file.errorString())));
            return;
        }
        emit detected(s);
    });
}

} // namespace suanli::host
