#include "hostengine.h"

#include "protocol/json.h"
#include "selftest.h"
#include "ssh/reverseforwarder.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace suanli::host {

using protocol::InstanceState;

namespace {
constexpr int kMaxBufferedTelemetry = 600; // ten minutes of one batch a second
} // namespace

HostEngine::HostEngine(Options options, std::unique_ptr<GpuProbe> probe, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_probe(std::move(probe))
{
    m_monotonic.start();
    m_telemetryTimer.setInterval(m_options.config.telemetryIntervalMs);
    connect(&m_telemetryTimer, &QTimer::timeout, this, &HostEngine::tick);
    m_usageTimer.setInterval(m_options.config.usageIntervalS * 1000);
    connect(&m_usageTimer, &QTimer::timeout, this, &HostEngine::sendUsage);
    m_diskTimer.setInterval(m_options.config.diskCheckIntervalS * 1000);
    connect(&m_diskTimer, &QTimer::timeout, this, &HostEngine::checkDiskQuotas);
}

HostEngine::~HostEngine()
{
    releaseIsolation();
}

void HostEngine::setStatus(Status status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(status);
}

void HostEngine::start()
{
    if (m_status != Status::Stopped && m_status != Status::Failed)
        return;
    setStatus(Status::Starting);
    const HostConfig &c = m_options.config;
    // One journal per registration: a new token never sees the instances of an earlier one
    // (docs/host.md "State folder and registrations").
    auto journal = Journal::openFor(c.stateDir, Journal::identityOf(m_options.hostToken));
    if (!journal) {
        setStatus(Status::Failed);
        emit failed(journal.error());
        return;
    }
    m_journal = std::move(journal).value();
    if (m_journal->claimed())
        emit message(
            u"journal %1 (written before registrations had one) now belongs to "
            "registration %2, this host token"_s.arg(m_journal->path(), m_journal->identity()));
    if (!prepareNetwork())
        return;
    if (m_probe) {
        auto r = m_probe->init();
        if (r && !m_probe->devices().isEmpty()) {
            // GPUs are offered only when they can be passed safely (CDI, patched toolkit).
            SelfTest::verifyPassthrough(this, m_probe->devices(), [this](const Result<void> &ok) {
                m_gpusUsable = ok.ok();
                emit message(ok ? u"GPUs: %1, passed by CDI"_s.arg(m_probe->devices().size())
                                : u"GPUs not offered: "_s + ok.error().message);
                detectRuntime();
            });
            return;
        }
        emit message(r ? u"NVIDIA driver without GPUs: CPU-only"_s : r.error().message);
    }
    detectRuntime();
}

void HostEngine::detectRuntime()
{
    const HostConfig &c = m_options.config;
    m_detector = std::make_unique<RuntimeDetector>(c.podman, c.stateDir, c.runtime);
    connect(m_detector.get(), &RuntimeDetector::detected, this, &HostEngine::onRuntimeDetected);
    connect(m_detector.get(), &RuntimeDetector::failed, this, [this](const Error &e) {
        setStatus(Status::Failed);
        emit failed(e);
    });
    m_detector->start();
}

void HostEngine::onRuntimeDetected(const RuntimeSettings &settings)
{
    m_podman.setSettings(settings);
    for (const QString &note : settings.notes)
        emit message(u"podman: "_s + note);
    const auto proceed = [this, settings] {
        if (m_options.config.requireIsolation && !m_isolated) {
            // docs/host.md "Isolation": require_isolation = true never lists without the rules.
            const Error e = makeError(
                u"isolation_required"_s,
                settings.rootless
                    ? u"[network] require_isolation = true, but rootless Podman cannot keep "
                      "instances off the local network; run the system agent "
                      "(suanli-host.service)"_s
                    : u"[network] require_isolation = true, but the isolation rules could not "
                      "be put in place"_s);
            emit message(e.message);
            setStatus(Status::Failed);
            emit failed(e);
            return;
        }
        startWithRuntime(settings);
    };
    if (settings.rootless) {
        emit message(u"isolation: rootless Podman cannot keep instances off the local network; "
                     "run the system agent (suanli-host.service)"_s);
        proceed();
        return;
    }
    prepareIsolation([this, proceed](const Result<void> &r) {
        m_isolated = r.ok();
        if (!r)
            emit message(u"isolation failed: "_s + r.error().message);
        proceed();
    });
}

void HostEngine::prepareIsolation(std::function<void(const Result<void> &)> done)
{
    const HostConfig &c = m_options.config;
    const QString name = u"suanli"_s;
    auto applyRules = [this, name, done](const QString &bridge) {
        // With br_netfilter, frames between two instances on the bridge pass the inet forward
        // hook, where the private-range drop catches them (docs/decisions.md).
        QFile nf(u"/proc/sys/net/bridge/bridge-nf-call-iptables"_s);
        if (!nf.open(QIODevice::ReadOnly) || nf.readAll().trimmed() != "1") {
            done(makeError(u"isolation_failed"_s,
                           u"br_netfilter is not loaded or bridge-nf-call-iptables is 0: "
                           "instances on the bridge could reach each other (modprobe "
                           "br_netfilter; sysctl net.bridge.bridge-nf-call-iptables=1)"_s));
            return;
        }
        FirewallPolicy policy;
        policy.bridge = bridge;
        QFile resolv(u"/etc/resolv.conf"_s);
        if (resolv.open(QIODevice::ReadOnly))
            policy.resolvers = Firewall::resolvers(resolv.readAll());
        policy.allow = m_options.config.allow;
        if (!m_firewall)
            m_firewall = std::make_unique<Firewall>(u"nft"_s);
        m_firewall->apply(policy, [this, name, bridge, done](const Result<void> &r) {
            if (r)
                emit message(u"isolation: instances on the Podman network %1 (bridge %2), "
                             "table inet suanli in place"_s.arg(name, bridge));
            done(r);
        });
    };
    auto inspect = [this, name, applyRules, done] {
        m_podman.run(
            {u"network"_s, u"inspect"_s, name}, this, [applyRules, done](const ProcessResult &res) {
                const QJsonArray a = QJsonDocument::fromJson(res.out).array();
                const QString bridge =
                    a.first().toObject().value(u"network_interface"_s).toString();
                if (!res.ok() || bridge.isEmpty()) {
                    done(makeError(u"isolation_failed"_s,
                                   u"podman network inspect suanli: %1"_s.arg(res.reason())));
                    return;
                }
                applyRules(bridge);
            });
    };
    m_podman.run(
        {u"network"_s, u"exists"_s, name}, this,
        [this, name, subnet = c.networkSubnet, inspect, done](const ProcessResult &res) {
            if (res.ok()) {
                inspect();
                return;
            }
            emit message(u"isolation: creating the Podman network %1 (%2)"_s.arg(name, subnet));
            m_podman.run(
                {u"network"_s, u"create"_s, u"--driver"_s, u"bridge"_s, u"--subnet"_s, subnet,
                 u"--label"_s, u"suanli.network=1"_s, name},
                this, [inspect, done](const ProcessResult &made) {
                    if (!made.ok()) {
                        done(makeError(u"isolation_failed"_s,
                                       u"podman network create suanli: %1"_s.arg(made.reason())));
                        return;
                    }
                    inspect();
                });
        });
}

void HostEngine::releaseIsolation()
{
    if (!m_firewall || !m_firewall->applied())
        return;
    for (const auto &[id, live] : m_live) {
        if (live.record.state != InstanceState::Destroyed &&
            live.record.state != InstanceState::Failed)
            return; // its container may run again: it stays fenced in
    }
    if (auto r = m_firewall->removeNow(); !r)
        emit message(r.error().message);
    else
        emit message(u"isolation: table inet suanli removed (no instance left)"_s);
}

void HostEngine::startWithRuntime(const RuntimeSettings &settings)
{
    const HostConfig &c = m_options.config;
    // Root: each instance's volume is an ext4 image of its disk_gb, loop-mounted, so the
    // filesystem enforces the quota. Rootless cannot mount: the quota is watched instead.
    const Share share = this->share();
    InstanceLimits limits{double(share.cpuCores),
                          share.ramMb,
                          c.pidsLimit,
                          c.stopTimeoutS,
                          c.diskQuotaGb,
                          settings.rootless ? QString() : QDir(c.stateDir).filePath(u"volumes"_s),
                          m_isolated ? u"suanli"_s : QString(),
                          m_isolated,
                          c.stateDir};
    if (settings.rootless) {
        emit message(u"disk quota: rootless podman cannot mount a per-instance filesystem; "
                     "volume usage is checked every %1 s and an instance past its disk_gb is "
                     "stopped (disk_quota_exceeded)"_s.arg(m_options.config.diskCheckIntervalS));
        m_diskTimer.start();
    }
    // Relay mode publishes on the loopback only, from the first container on (D6 in
    // docs/decisions.md); auto waits for the market's verdict.
    m_runtime = std::make_unique<ContainerRuntime>(
        m_podman, m_journal->agentId(),
        c.networkMode == "relay"_L1 ? u"127.0.0.1"_s
                                    : (c.bindAddress.isEmpty() ? c.address : c.bindAddress),
        limits);
    reportStale();
    m_adoptable.clear();
    for (const InstanceRecord &r : m_journal->instances()) {
        m_live[r.id].record = r;
        m_adoptable.insert(r.id);
    }

    m_link = std::make_unique<MarketLink>(m_options.market, m_options.hostToken, c.reconnectMinMs,
                                          c.reconnectMaxMs);
    m_link->setHelloFactory([this] { return hello(); });
    connect(m_link.get(), &MarketLink::welcomed, this, &HostEngine::onWelcomed);
    connect(m_link.get(), &MarketLink::disconnected, this, &HostEngine::onDisconnected);
    connect(m_link.get(), &MarketLink::commandReceived, this, &HostEngine::onCommand);
    connect(m_link.get(), &MarketLink::relayReceived, this, &HostEngine::onRelay);
    connect(m_link.get(), &MarketLink::marketError, this,
            [this](const Error &e) { emit message(u"market: %1 (%2)"_s.arg(e.message, e.code)); });
    m_disconnectedSinceMs = std::max<qint64>(1, m_monotonic.elapsed()); // 0 means connected
    setStatus(Status::Connecting);
    adopt();
    setUpSpeedTests();
    m_link->start();
    m_telemetryTimer.start();
    m_usageTimer.start();
}

void HostEngine::reportStale()
{
    QHash<QString, QString> registration; // agent id → its registration
    for (const JournalFile &f : Journal::stale(m_options.config.stateDir, m_journal->identity())) {
        if (f.agentId == m_journal->agentId())
            continue;
        const QString who = f.identity.isEmpty() ? u"(unclaimed)"_s : f.identity;
        registration.insert(f.agentId, who);
        emit message(u"stale registration %1 (market %2, host %3, journal %4): %5 instance(s), "
                     "left alone; `suanli-host cleanup --stale` removes it"_s
                         .arg(who, f.market.isEmpty() ? u"unknown"_s : f.market)
                         .arg(f.hostId)
                         .arg(f.path)
                         .arg(f.instances.size()));
        for (const InstanceRecord &r : f.instances) {
            emit message(u"stale instance %1 of registration %2: %3, container %4"_s.arg(r.id).arg(
                who, protocol::toString(r.state), r.container));
            // A stale container may still run on its GPUs: they are not this agent's to give.
            if (r.state != InstanceState::Destroyed && r.state != InstanceState::Failed)
                m_staleGpus.unite(QSet<QString>(r.gpus.cbegin(), r.gpus.cend()));
        }
    }
    if (registration.isEmpty())
        return;
    const QList<QString> ids = registration.keys();
    m_runtime->listLabelled(
        QSet<QString>(ids.cbegin(), ids.cend()),
        [this, registration](const Result<QList<LabelledResource>> &found) {
            if (!found) {
                emit message(u"cannot list stale containers: %1"_s.arg(found.error().message));
                return;
            }
            for (const LabelledResource &r : *found) {
                if (r.volume)
                    emit message(u"stale volume %1 (instance %2) of registration %3, left alone"_s
                                     .arg(r.name)
                                     .arg(r.instanceId)
                                     .arg(registration.value(r.agentId)));
                else
                    emit message(
                        u"stale container %1 (instance %2, %3) of registration %4, left alone"_s
                            .arg(r.name)
                            .arg(r.instanceId)
                            .arg(r.state, registration.value(r.agentId)));
            }
        });
}

void HostEngine::stop()
{
    m_diskTimer.stop();
    m_speedTestTimer.stop();
    m_telemetryTimer.stop();
    m_usageTimer.stop();
    if (m_link)
        m_link->stop();
    stopRelay();
    releaseIsolation();
    setStatus(Status::Stopped);
}

QList<InstanceRecord> HostEngine::instances() const
{
    QList<InstanceRecord> list;
    for (const auto &[id, live] : m_live)
        list.append(live.record);
    return list;
}

int HostEngine::busyInstances() const
{
    int n = 0;
    for (const auto &[id, live] : m_live)
        n += live.busy || !live.ops.empty();
    return n;
}

protocol::MachineSpec HostEngine::machine() const
{
    protocol::MachineSpec spec =
        machineSpec(m_gpusUsable ? m_probe.get() : nullptr, m_options.config.stateDir);
    spec.region = m_options.config.region;
    spec.inet_down_mbps = m_options.config.inetDownMbps;
    spec.inet_up_mbps = m_options.config.inetUpMbps;
    const Share s = shareOf(spec);
    spec.share_cpu_cores = s.cpuCores;
    spec.share_ram_mb = s.ramMb;
    return spec;
}

HostEngine::Share HostEngine::shareOf(const protocol::MachineSpec &spec) const
{
    // host.ini's instances/cpus and memory_mb, per GPU (per instance without GPUs), in whole
    // cores so that the offer and the limit say the same, and never more than the machine
    // divided among its GPUs: the shares of all GPUs rented at once fit the machine.
    const HostConfig &c = m_options.config;
    const qint64 units = std::max<qint64>(1, spec.gpus.size());
    Share s{std::max<qint64>(1, qRound64(c.cpus)), c.memoryMb};
    if (spec.cpu_cores > 0)
        s.cpuCores = std::min(s.cpuCores, std::max<qint64>(1, spec.cpu_cores / units));
    if (spec.ram_mb > 0)
        s.ramMb = std::min(s.ramMb, std::max<qint64>(64, spec.ram_mb / units));
    return s;
}

HostEngine::Share HostEngine::share() const
{
    return shareOf(machineSpec(m_gpusUsable ? m_probe.get() : nullptr, m_options.config.stateDir));
}

protocol::HelloMessage HostEngine::hello() const
{
    const HostConfig &c = m_options.config;
    protocol::HelloMessage h;
    h.agent_version = m_options.agentVersion;
    h.spec = machine();
    h.address = c.address;
    h.port_min = c.portMin;
    h.port_max = c.portMax;
    h.images = c.images;
    h.network = c.networkMode;
    h.relay_public_key = m_relayPublicKey;
    h.probe_port = probePort();
    for (const auto &[id, live] : m_live) {
        if (live.record.state != InstanceState::Destroyed)
            h.instances.append({id, live.record.state, live.record.seq});
    }
    return h;
}

void HostEngine::onWelcomed(qint64 hostId, const QString &network)
{
    m_hostId = hostId;
    (void)m_journal->setOrigin(m_options.market.toString(QUrl::RemoveUserInfo), hostId);
    applyVerdict(network);
    m_disconnectedSinceMs = 0;
    setStatus(Status::Online);
    emit message(u"connected to the market as host %1"_s.arg(hostId));
    flushOutbox();
    // The last report of each instance may have been lost with the old connection; sending it
    // again is harmless (the market ignores a seq it has applied).
    for (const auto &[id, live] : m_live)
        report(live.record);
    sendUsage();
    sendAvailability();
    // The first test once the market is there (after registration, or at each start), then
    // every speedtest/interval_h; one made while the market was away goes out now.
    if (!m_speedTested)
        runSpeedTest();
    sendMeasurement();
}

void HostEngine::onDisconnected(const QString &reason)
{
    if (!m_disconnectedSinceMs)
        m_disconnectedSinceMs = std::max<qint64>(1, m_monotonic.elapsed());
    if (m_status == Status::Online)
        setStatus(Status::Connecting);
    emit message(u"market connection lost (%1); reconnecting"_s.arg(reason));
}

void HostEngine::sendOrBuffer(const QString &kind, const QJsonObject &message)
{
    if (m_link && m_link->isReady() && m_journal->outboxSize() == 0 && m_link->send(message))
        return;
    (void)m_journal->enqueue(kind, QJsonDocument(message).toJson(QJsonDocument::Compact));
    if (kind == "telemetry"_L1)
        (void)m_journal->trimOutbox(kind, kMaxBufferedTelemetry);
    if (m_link && m_link->isReady())
        flushOutbox();
}

void HostEngine::flushOutbox()
{
    while (m_link && m_link->isReady()) {
        const QList<OutboxEntry> entries = m_journal->outbox();
        if (entries.isEmpty())
            return;
        for (const OutboxEntry &e : entries)
            m_link->send(QJsonDocument::fromJson(e.payload).object());
        (void)m_journal->dropOutbox(entries.last().id);
    }
}

void HostEngine::sendUsage()
{
    // A heartbeat says "running now": it is sent live, behind whatever the outbox still holds,
    // or not at all — never kept in the outbox, where a dropped link would leave it to arrive
    // late — so the market may take its arrival as the moment the host still ran its
    // instances (docs/protocol.md, `usage`). The reports of an outage are queued instead.
    if (!m_journal || !m_link || !m_link->isReady())
        return;
    flushOutbox();
    if (!m_link->isReady() || m_journal->outboxSize() > 0)
        return;
    protocol::UsageMessage usage;
    for (const auto &[id, live] : m_live) {
        if (live.record.state == InstanceState::Running)
            usage.running_instance_ids.append(id);
    }
    auto seq = m_journal->nextUsageSeq();
    if (!seq)
        return;
    usage.seq = *seq;
    m_link->send(protocol::toJson(protocol::AgentMessage{usage}));
}

void HostEngine::tick()
{
    const qint64 now = m_monotonic.elapsed();
    const QDateTime at = QDateTime::currentDateTimeUtc();
    QList<GpuReading> gpuReadings;
    if (m_gpusUsable)
        gpuReadings = m_probe->sample();
    m_lastGpu = gpuReadings;
    m_containerPids.clear();
    protocol::TelemetryMessage telemetry;
    QList<qint64> gone;
    for (auto &[id, live] : m_live) {
        if (live.record.state != InstanceState::Running || live.busy || !live.metrics)
            continue;
        const InstanceMetrics::Reading r = live.metrics->read(now);
        if (!r.alive) {
            gone.append(id);
            continue;
        }
        m_containerPids.unite(r.pids);
        protocol::TelemetrySample sample;
        sample.instance_id = id;
        sample.at = at;
        sample.cpu_pct = r.cpuPct;
        sample.memory_used_mb = r.memoryUsedMb;
        sample.ssh_sessions = r.sshSessions;
        for (const GpuReading &g : std::as_const(gpuReadings)) {
            if (live.record.gpus.contains(g.uuid))
                sample.gpus.append(GpuUsage::toSample(g));
        }
        telemetry.samples.append(sample);
        if (live.logs) {
            const QStringList lines = live.logs->poll();
            if (!lines.isEmpty()) {
                sendOrBuffer(u"log"_s, protocol::toJson(protocol::AgentMessage{
                                           protocol::LogMessage{id, lines}}));
                live.record.logOffset = live.logs->offset();
                (void)m_journal->save(live.record);
            }
        }
    }
    if (!telemetry.samples.isEmpty())
        sendOrBuffer(u"telemetry"_s, protocol::toJson(protocol::AgentMessage{telemetry}));
    for (qint64 id : gone)
        onContainerGone(id);

    // Market unreachable past the grace period: nobody can bill or reach these instances'
    // owner; stop them, data kept. The reports wait in the outbox.
    const int grace = m_options.config.marketGraceS;
    if (m_disconnectedSinceMs && now - m_disconnectedSinceMs > qint64(grace) * 1000) {
        for (auto &[id, live] : m_live) {
            if (live.record.state == InstanceState::Running && !live.busy && live.ops.empty()) {
                emit message(
                    u"instance %1: market unreachable for %2 s, stopping it"_s.arg(id).arg(grace));
                const qint64 instanceId = id;
                enqueue(id, [this, instanceId](std::function<void()> done) {
                    doStop(instanceId, {}, u"market_unreachable"_s, std::move(done));
                });
            }
        }
    }
}

void HostEngine::checkDiskQuotas()
{
    for (const auto &[id, live] : m_live) {
        if (live.record.state != InstanceState::Running || live.busy || m_diskChecks.contains(id))
            continue;
        const qint64 instanceId = id;
        const qint64 quotaBytes = (live.record.spec.disk_gb > 0 ? live.record.spec.disk_gb
                                                                : m_options.config.diskQuotaGb) *
                                  1024 * 1024 * 1024;
        m_diskChecks.insert(id);
        m_runtime->volumeUsage(
            live.record.container, [this, instanceId, quotaBytes](const Result<qint64> &used) {
                m_diskChecks.remove(instanceId);
                auto it = m_live.find(instanceId);
                if (!used || it == m_live.end() ||
                    it->second.record.state != InstanceState::Running || *used <= quotaBytes)
                    return;
                emit message(u"instance %1: /workspace holds %2 MiB, over its %3 MiB quota; "
                             "stopping it"_s.arg(instanceId)
                                 .arg(*used / (1024 * 1024))
                                 .arg(quotaBytes / (1024 * 1024)));
                enqueue(instanceId, [this, instanceId](std::function<void()> done) {
                    doStop(instanceId, {}, u"disk_quota_exceeded"_s, std::move(done));
                });
            });
    }
}

} // namespace suanli::host
