#include "selftest.h"

#include "firewall.h"

#include "journal.h"
#include "ssh/sshkey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {
// Where Podman reads CDI specs (containers.conf of podman 4.3 has no setting for others).
const QStringList kCdiDirs = {u"/etc/cdi"_s, u"/var/run/cdi"_s};
const QString kCdiFix = u"run `sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml`"_s;
const QString kToolkitFix =
    u"install nvidia-container-toolkit 1.17.8 or newer "
    "(https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/)"_s;
} // namespace

SelfTest::SelfTest(HostConfig config, std::unique_ptr<GpuProbe> probe, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_probe(std::move(probe))
{}

QList<int> SelfTest::toolkitVersion(const QString &text)
{
    static const QRegularExpression re(u"version (\\d+)\\.(\\d+)\\.(\\d+)"_s);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {};
    return {m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()};
}

bool SelfTest::toolkitIsSafe(const QList<int> &v)
{
    return v.size() == 3 && QList<int>{v[0], v[1], v[2]} >= QList<int>{1, 17, 8};
}

bool SelfTest::cdiSpecListsGpu(const QByteArray &spec, const QString &uuid)
{
    // Both the YAML and the JSON form name each device "name: <uuid>" / "\"name\": \"<uuid>\"".
    return spec.contains("nvidia.com/gpu") && spec.contains(uuid.toUtf8());
}

void SelfTest::verifyPassthrough(QObject *context, const QList<protocol::GpuInfo> &gpus,
                                 std::function<void(const Result<void> &)> done)
{
    // Every spec Podman reads counts, as it does when it resolves --device nvidia.com/gpu=UUID:
    // nvidia-ctk's nvidia.yaml, or another file that lists the GPU under that kind.
    QList<QByteArray> specs;
    for (const QString &dir : kCdiDirs) {
        const QFileInfoList files =
            QDir(dir).entryInfoList({u"*.yaml"_s, u"*.json"_s}, QDir::Files, QDir::Name);
        for (const QFileInfo &file : files) {
            QFile f(file.filePath());
            if (f.open(QIODevice::ReadOnly))
                specs.append(f.readAll());
        }
    }
    specs.removeIf([](const QByteArray &spec) { return !spec.contains("nvidia.com/gpu"); });
    if (specs.isEmpty()) {
        done(makeError(u"cdi_spec_missing"_s, u"no CDI spec for NVIDIA GPUs in %1; %2"_s.arg(
                                                  kCdiDirs.join(u" or "_s), kCdiFix)));
        return;
    }
    for (const protocol::GpuInfo &g : gpus) {
        if (std::none_of(specs.cbegin(), specs.cend(),
                         [&](const QByteArray &spec) { return cdiSpecListsGpu(spec, g.uuid); })) {
            done(makeError(u"cdi_spec_stale"_s,
                           u"the CDI spec does not list GPU %1; %2"_s.arg(g.uuid, kCdiFix)));
            return;
        }
    }
    auto *process = new QProcess(context);
    QObject::connect(process, &QProcess::finished, context, [process, done](int code) {
        process->deleteLater();
        const QList<int> v = toolkitVersion(QString::fromUtf8(process->readAllStandardOutput()));
        if (code != 0 || v.isEmpty())
            done(makeError(u"toolkit_missing"_s, u"nvidia-ctk --version failed; "_s + kToolkitFix));
        else if (!toolkitIsSafe(v))
            done(makeError(u"toolkit_vulnerable"_s,
                           u"nvidia-container-toolkit %1.%2.%3 is older than 1.17.8 "
                           "(CVE-2025-23266: a container can take over the host); "_s.arg(v[0])
                                   .arg(v[1])
                                   .arg(v[2]) +
                               kToolkitFix));
        else
            done({});
    });
    QObject::connect(
        process, &QProcess::errorOccurred, context, [process, done](QProcess::ProcessError e) {
            if (e != QProcess::FailedToStart)
                return;
            process->deleteLater();
            done(makeError(u"toolkit_missing"_s, u"nvidia-ctk not found; "_s + kToolkitFix));
        });
    process->start(u"nvidia-ctk"_s, {u"--version"_s});
}

void SelfTest::report(Outcome outcome, const QString &name, const QString &detail)
{
    if (outcome == Outcome::Failure)
        m_ok = false;
    emit check(outcome, name, detail);
}

void SelfTest::start()
{
    checkLocal();
    m_detector =
        std::make_unique<RuntimeDetector>(m_config.podman, m_config.stateDir, m_config.runtime);
    connect(m_detector.get(), &RuntimeDetector::failed, this, [this](const Error &e) {
        report(Outcome::Failure, u"podman"_s, e.message);
        checkGpus([this] { emit finished(m_ok); });
    });
    connect(m_detector.get(), &RuntimeDetector::detected, this, [this](const RuntimeSettings &s) {
        m_podman.setSettings(s);
        const QString how =
            s.runtime.isEmpty()
                ? u"podman's default runtime"_s
                : u"--runtime %1 --cgroup-manager %2"_s.arg(
                      s.runtime, s.cgroupManager.isEmpty() ? u"default"_s : s.cgroupManager);
        report(Outcome::Ok, u"podman"_s,
               u"%1, cgroup %2%3; %4"_s.arg(
                   how, s.cgroupVersion, s.rootless ? u", rootless"_s : QString(),
                   s.notes.isEmpty() ? u"no workarounds needed"_s : s.notes.join(u"; "_s)));
        checkIsolation(s.rootless);
        if (s.privateRootMount)
            report(Outcome::Failure, u"mounts"_s,
                   u"/ is a private mount (a container or a chroot): podman's cleanup of a "
                   "stopped instance unmounts nothing here, so it cannot start again; fix: "
                   "mount --make-rshared / (systemd does so at boot)"_s);
        if (s.rootless && s.cgroupVersion == "v1"_L1)
            report(Outcome::Failure, u"limits"_s,
                   u"rootless podman on cgroup v1 cannot limit pids, memory or CPU; boot with "
                   "systemd.unified_cgroup_hierarchy=1 or run the agent as root"_s);
        if (s.rootless)
            report(Outcome::Warning, u"disk quota"_s,
                   u"rootless: /workspace is a plain volume, the quota is not enforced by the "
                   "filesystem; the agent measures each volume every %1 s and stops an instance "
                   "that holds more than its disk_gb (disk_quota_exceeded); run as root for a "
                   "hard quota"_s.arg(m_config.diskCheckIntervalS));
        else if (QStandardPaths::findExecutable(u"mkfs.ext4"_s,
                                                {u"/usr/sbin"_s, u"/sbin"_s, u"/usr/bin"_s})
                     .isEmpty() ||
                 !QFileInfo::exists(u"/dev/loop-control"_s))
            report(Outcome::Failure, u"disk quota"_s,
                   u"per-instance quotas need mkfs.ext4 (e2fsprogs) and loop devices "
                   "(/dev/loop-control); instances cannot be created without them"_s);
        else
            report(Outcome::Ok, u"disk quota"_s,
                   u"each /workspace is an ext4 image of the instance's disk_gb, loop-mounted "
                   "(sparse, in %1): writes past it fail with ENOSPC"_s.arg(
                       QDir(m_config.stateDir).filePath(u"volumes"_s)));
        checkContainer([this] { checkGpus([this] { emit finished(m_ok); }); });
    });
    m_detector->start();
}

void SelfTest::checkLocal()
{
    const QString dir = m_config.stateDir;
    if (QDir().mkpath(dir) && QFileInfo(dir).isWritable())
        report(Outcome::Ok, u"state folder"_s, dir);
    else
        report(Outcome::Failure, u"state folder"_s,
               u"%1 is not writable; set host/state_dir"_s.arg(dir));

    checkRegistrations();

    QFile range(u"/proc/sys/net/ipv4/ip_local_port_range"_s);
    if (range.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = range.readAll().simplified().split(' ');
        const int lo = parts.value(0).toInt();
        const int hi = parts.value(1).toInt();
        if (lo && m_config.portMin <= hi && m_config.portMax >= lo)
            report(Outcome::Warning, u"ports"_s,
                   u"the range %1-%2 overlaps the kernel's ephemeral ports %3-%4: outgoing "
                   "connections may hold ports the agent wants; pick a range below %3"_s
                       .arg(m_config.portMin)
                       .arg(m_config.portMax)
                       .arg(lo)
                       .arg(hi));
    }
    QTcpServer probe;
    const QString bind = m_config.bindAddress.isEmpty() ? m_config.address : m_config.bindAddress;
    if (probe.listen(QHostAddress(bind), 0))
        report(Outcome::Ok, u"address"_s,
               u"sshd ports are published on %1, ports %2-%3"_s.arg(bind)
                   .arg(m_config.portMin)
                   .arg(m_config.portMax));
    else
        report(Outcome::Failure, u"address"_s,
               u"cannot listen on %1: %2; set host/address (or host/bind_address) to an address "
               "of this machine"_s.arg(bind, probe.errorString()));
    checkNetwork();
}

void SelfTest::checkRegistrations()
{
    // What earlier registrations (other host tokens) left: the agent leaves it alone, so it
    // stays until `suanli-host cleanup --stale` (docs/host.md "State folder and registrations").
    QString identity;
    if (QFile token(m_config.tokenFile);
        !m_config.tokenFile.isEmpty() && token.open(QIODevice::ReadOnly)) {
        const QByteArray t = token.readAll().trimmed();
        if (t.startsWith("sh_"))
            identity = Journal::identityOf(t);
    }
    const QList<JournalFile> stale = Journal::stale(m_config.stateDir, identity);
    if (identity.isEmpty() && stale.size() <= 1)
        return; // one journal or none: nothing to tell apart
    QStringList what;
    for (const JournalFile &f : stale) {
        QStringList containers;
        for (const InstanceRecord &r : f.instances) {
            if (r.state != protocol::InstanceState::Destroyed)
                containers.append(r.container);
        }
        what.append(u"%1 (market %2, host %3, %4; containers: %5)"_s.arg(
            f.identity.isEmpty() ? u"unclaimed"_s : f.identity,
            f.market.isEmpty() ? u"unknown"_s : f.market, QString::number(f.hostId),
            QFileInfo(f.path).fileName(),
            containers.isEmpty() ? u"none"_s : containers.join(u", "_s)));
    }
    if (stale.isEmpty())
        return;
    if (identity.isEmpty())
        report(Outcome::Warning, u"registrations"_s,
               u"the state folder holds the journals of %1 registrations: %2; set [market] "
               "token_file so the current one is known, then `suanli-host cleanup --stale` "
               "removes the others"_s.arg(stale.size())
                   .arg(what.join(u"; "_s)));
    else
        report(Outcome::Warning, u"registrations"_s,
               u"earlier registrations left %1 journal(s) in the state folder, left alone by the "
               "agent: %2; `suanli-host cleanup --stale` removes them"_s.arg(stale.size())
                   .arg(what.join(u"; "_s)));
}

void SelfTest::checkIsolation(bool rootless)
{
    // docs/host.md "Isolation": only a rootful agent can fence instances off the local network.
    const Outcome missing = m_config.requireIsolation ? Outcome::Failure : Outcome::Warning;
    if (rootless) {
        report(missing, u"isolation"_s,
               u"rootless Podman cannot keep instances off this machine's local network (router, "
               "NAS, other machines, cloud metadata); fix: run the system agent "
               "(suanli-host.service)"_s);
        return;
    }
    const QString nft = QStandardPaths::findExecutable(
        u"nft"_s, {u"/usr/sbin"_s, u"/sbin"_s, u"/usr/bin"_s, u"/bin"_s});
    if (nft.isEmpty()) {
        report(missing, u"isolation"_s,
               u"nft not found: the agent cannot install the table inet suanli; fix: apt install "
               "nftables"_s);
        return;
    }
    if (Firewall(nft).presentNow())
        report(Outcome::Ok, u"isolation"_s,
               u"instances on the Podman network suanli, table inet suanli in place"_s);
    else
        report(Outcome::Ok, u"isolation"_s,
               u"rootful: the agent puts instances on the Podman network suanli and installs "
               "the table inet suanli when it starts (not running now)"_s);
}

void SelfTest::checkNetwork()
{
    const QString mode = m_config.networkMode;
    if (mode == "direct"_L1) {
        report(
            Outcome::Ok, u"network"_s,
            u"mode direct: renters connect to %1 on the published ports"_s.arg(m_config.address));
        return;
    }
    const QString key = m_config.relayKeyPath();
    const QString how = mode == "relay"_L1
                            ? u"mode relay: instance ports on 127.0.0.1 only, reached through "
                              "the market's relay"_s
                            : u"mode auto: the market probes %1 and relays this host when it "
                              "does not answer"_s.arg(m_config.address);
    auto pair = ssh::loadKeyPair(key);
    if (pair)
        report(Outcome::Ok, u"network"_s,
               u"%1; relay key %2 (%3)"_s.arg(how, key, pair->publicKeyLine.section(u' ', 0, 1)));
    else if (!QFile::exists(key))
        report(mode == "relay"_L1 ? Outcome::Warning : Outcome::Ok, u"network"_s,
               u"%1; no relay key yet: `suanli-host run` makes %2 on first start"_s.arg(how, key));
    else
        report(Outcome::Failure, u"network"_s,
               u"%1; the relay key %2 is unreadable: %3"_s.arg(how, key, pair.error().message));
}

void SelfTest::checkContainer(std::function<void()> next)
{
    if (m_config.images.isEmpty()) {
        report(Outcome::Failure, u"images"_s, u"no images configured in [images]"_s);
        next();
        return;
    }
    const QString image = m_config.images.first().ref;
    m_podman.run({u"image"_s, u"exists"_s, image}, this, [this, image, next](const ProcessResult &e) {
        if (!e.ok()) {
            report(
                Outcome::Failure, u"image"_s,
                u"%1 is not in podman's storage; run scripts/build-base-image (or podman pull it)"_s
                    .arg(image));
            next();
            return;
        }
        report(Outcome::Ok, u"image"_s, image);
        // A real container with the limits instances get proves runtime, cgroups and ulimits.
        m_podman.run({u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, u"--cap-drop=all"_s,
                      u"--security-opt"_s, u"no-new-privileges"_s, u"--pids-limit"_s, u"64"_s,
                      u"--memory"_s, u"64m"_s, u"--entrypoint"_s, u"/bin/sh"_s, image, u"-c"_s,
                      u"test -x /usr/sbin/sshd"_s},
                     this, [this, next](const ProcessResult &r) {
                         const RuntimeSettings &s = m_podman.settings();
                         if (r.ok() && s.rootless && s.cgroupVersion == "v1"_L1)
                             report(Outcome::Ok, u"container"_s,
                                    u"a container ran (its pids and memory limits were ignored, "
                                    "see limits), sshd present"_s);
                         else if (r.ok())
                             report(Outcome::Ok, u"container"_s,
                                    u"a container with pids and memory limits ran, sshd present"_s);
                         else
                             report(Outcome::Failure, u"container"_s,
                                    u"a trivial container failed: %1"_s.arg(r.reason()));
                         next();
                     });
    });
}

void SelfTest::checkGpus(std::function<void()> next)
{
    if (!m_probe) {
        next();
        return;
    }
    auto r = m_probe->init();
    if (!r) {
        report(Outcome::Ok, u"gpus"_s, r.error().message + u" (gpus_total: 0)"_s);
        next();
        return;
    }
    const QList<protocol::GpuInfo> gpus = m_probe->devices();
    if (gpus.isEmpty()) {
        report(Outcome::Ok, u"gpus"_s,
               u"NVIDIA driver %1 but no GPU: CPU-only"_s.arg(m_probe->driverVersion()));
        next();
        return;
    }
    verifyPassthrough(this, gpus, [this, gpus, next](const Result<void> &ok) {
        if (!ok) {
            report(
                Outcome::Failure, u"gpus"_s,
                u"%1 GPU(s) found but not listed: %2"_s.arg(gpus.size()).arg(ok.error().message));
        } else {
            for (const protocol::GpuInfo &g : gpus)
                report(Outcome::Ok, u"gpu %1"_s.arg(g.index),
                       u"%1, %2 MiB, %3, driver %4, CUDA %5"_s.arg(g.model)
                           .arg(g.memory_mb)
                           .arg(g.uuid, m_probe->driverVersion(), m_probe->cudaVersion()));
        }
        next();
    });
}

} // namespace suanli::host
