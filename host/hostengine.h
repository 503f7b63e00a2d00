#pragma once

#include "containerruntime.h"
#include "firewall.h"
#include "gpuprobe.h"
#include "hostconfig.h"
#include "instancemetrics.h"
#include "journal.h"
#include "marketlink.h"
#include "podman.h"
#include "protocol/version.h"
#include "speedtest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace suanli::ssh {
class ReverseForwarder;
}

namespace suanli::host {

/// The host agent engine (docs/host.md): one market link, the instances on Podman, the journal,
/// telemetry, usage and logs. Headless `suanli-host run` and the desktop app's contributor and
/// local modes embed the same class: it has no globals, never exits the process and reports
/// through signals.
class HostEngine : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Stopped,    ///< not started, or stop() called
        Starting,   ///< opening the journal, detecting the container runtime
        Connecting, ///< waiting for the market (instances keep running)
        Online,     ///< welcomed by the market
        Failed,     ///< could not start: see failed()
    };
    Q_ENUM(Status)

    struct Options
    {
        QUrl market;          ///< base URL, http[s]://host:port
        QByteArray hostToken; ///< sh_…
        HostConfig config;
        QString agentVersion = QString::fromLatin1(protocol::kVersion);
    };

    /// `probe` may be null (no GPU support compiled in / wanted); the engine owns it.
    HostEngine(Options options, std::unique_ptr<GpuProbe> probe, QObject *parent = nullptr);
    ~HostEngine() override;

    void start();
    /// Disconnects and stops the timers; containers keep running (the next start adopts them).
    void stop();

    Status status() const { return m_status; }
    qint64 hostId() const { return m_hostId; }
    QList<InstanceRecord> instances() const;
    const RuntimeSettings &runtimeSettings() const { return m_podman.settings(); }
    protocol::MachineSpec machine() const;
    /// What one instance gets per GPU (one share without GPUs; docs/host.md, "Shares"): the
    /// limits it runs under and what the hello's spec tells the market.
    struct Share
    {
        qint64 cpuCores = 1;
        qint64 ramMb = 64;
    };
    Share share() const;
    Share shareOf(const protocol::MachineSpec &spec) const;
    /// Commands and container work still under way (0 when idle).
    int busyInstances() const;

    // Contributor mode (hostengine_lending.cpp; LendingBinding drives these from the policy).
    /// Whether this machine takes new rentals. Unavailable: the market is told at once (and
    /// again after each welcome) with an `availability` message, and a `create` that still
    /// arrives fails with `host_unavailable`. Never called: the agent says nothing about it.
    void setAvailable(bool available, const QString &reason = {});
    bool isAvailable() const { return m_available; }
    /// Tells the market (`notice` message) that a running instance will be stopped at stopAt.
    void noticeInstance(qint64 id, const QDateTime &stopAt, const QString &reason);
    /// Stops a running instance on the owner's behalf, data kept; `stopped` carries `reason`.
    void stopInstance(qint64 id, const QString &reason);
    /// The last GPU readings and the pids inside this agent's containers (telemetry tick).
    QList<GpuReading> lastGpuReadings() const { return m_lastGpu; }
    QSet<qint64> containerPids() const { return m_containerPids; }

    // The NAT relay (hostengine_relay.cpp, docs/host.md "Network").
    /// The market's verdict from the last welcome: "direct" or "relay"; empty before one.
    QString network() const { return m_network; }
    /// True once the instances' network and the table inet suanli are in place (rootful only,
    /// docs/host.md "Isolation").
    bool isolated() const { return m_isolated; }
    /// The relay key's public line ("ssh-ed25519 AAAA…"); empty in direct mode.
    QString relayPublicKey() const { return m_relayPublicKey; }
    /// auto mode: the port of the reachability probe listener; 0 otherwise.
    quint16 probePort() const { return m_probeListener ? m_probeListener->serverPort() : 0; }
    /// The reverse forwarder while relayed (null otherwise), for status and tests.
    const ssh::ReverseForwarder *relayForwarder() const { return m_forwarder.get(); }

signals:
    void statusChanged(suanli::host::HostEngine::Status status);
    void instanceChanged(const suanli::host::InstanceRecord &record);
    void failed(const suanli::Error &error);
    /// A line for the operator's log (state changes, reconnects, errors of single instances).
    void message(const QString &text);

private:
    struct Live
    {
        InstanceRecord record;
        bool busy = false;
        std::deque<std::function<void(std::function<void()>)>> ops;
        std::unique_ptr<InstanceMetrics> metrics;
        std::unique_ptr<LogTail> logs;
    };

    void setStatus(Status status);
    void detectRuntime();
    void onRuntimeDetected(const RuntimeSettings &settings);
    void prepareIsolation(std::function<void(const Result<void> &)> done);
    void startWithRuntime(const RuntimeSettings &settings);
    /// Deletes the table inet suanli when this agent made it and no instance is left.
    void releaseIsolation();
    void onWelcomed(qint64 hostId, const QString &network);
    void onDisconnected(const QString &reason);
    void sendOrBuffer(const QString &kind, const QJsonObject &message);
    void flushOutbox();
    void sendUsage();
    void sendAvailability();
    void tick();
    /// Rootless (no loop-mounted volumes): stops running instances whose /workspace holds
    /// more than their disk_gb.
    void checkDiskQuotas();
    protocol::HelloMessage hello() const;
    /// Logs what earlier registrations left in the state folder (journals, containers,
    /// volumes), touching none of it.
    void reportStale();

    // hostengine_speedtest.cpp (docs/host.md, "Measured speeds")
    void setUpSpeedTests();
    void runSpeedTest();
    void onMeasured(const protocol::MeasurementMessage &measurement, const QStringList &errors);
    /// Sends the last measurement when the market is there; kept for the next welcome if not.
    void sendMeasurement();

    // hostengine_relay.cpp
    /// The relay key and, in auto mode, the probe listener; false (failed emitted) when the
    /// relay key cannot be made.
    bool prepareNetwork();
    void applyVerdict(const QString &network);
    void onRelay(const protocol::RelayMessage &relay);
    /// The forwards for the instances held now (after each relay message and state change).
    void updateRelayForwards();
    void stopRelay();

    // hostengine_copy.cpp (clone and move)
    QString copyKeyPath(qint64 id) const;
    void sendCopyReport(const protocol::CopyProgressMessage &report, bool buffered);
    /// A clone's create: makes the copy's one-time key pair and reports its public key.
    void offerCopyKey(qint64 id);
    /// authorize_key, revoke_key (the source's side) and copy (the target's).
    void onCopyCommand(const protocol::CommandMessage &command);
    /// Pulls `source`'s /workspace into the volume of `container` (the new instance, running).
    void startCopy(qint64 id, const protocol::SshEndpoint &source, const QString &container);
    /// The new instance is being destroyed: its copy stops, its key goes.
    void cancelCopy(qint64 id);

    // hostengine_instances.cpp
    void onCommand(const protocol::CommandMessage &command);
    void enqueue(qint64 instanceId, std::function<void(std::function<void()>)> op);
    void enqueueCommand(qint64 instanceId, const QString &commandId,
                        std::function<void(std::function<void()>)> op);
    void pump(qint64 instanceId);
    void doCreate(qint64 id, const protocol::CommandMessage &command, std::function<void()> done);
    void provision(qint64 id, std::function<void()> done);
    /// `gpuCount`: the GPUs this start asks for (the command's spec.gpu_count); another number
    /// than the instance has makes its container again with that many (docs/host.md, "A
    /// changed GPU set"). None: start as it is.
    void doStart(qint64 id, const QString &commandId, std::optional<int> gpuCount,
                 std::function<void()> done);
    /// `podman start` and the banner wait → running; a failure → stopped, data kept.
    void startContainer(qint64 id, const QString &commandId, std::function<void()> done);
    void recreateAndStart(qint64 id, const QString &commandId, int gpuCount,
                          std::function<void()> done);
    void doStop(qint64 id, const QString &commandId, const QString &reason,
                std::function<void()> done);
    void doDestroy(qint64 id, const QString &commandId, std::function<void()> done);
    // hostengine_images.cpp (docs/host.md, "Saved images")
    void doSaveImage(qint64 id, const protocol::CommandMessage &command,
                     std::function<void()> done);
    void doDeleteImage(const protocol::CommandMessage &command);
    void reportImage(const protocol::ImageStateMessage &report);
    void adopt();
    void adoptWith(const QList<ContainerInfo> &containers);
    void watch(qint64 id);
    void onContainerGone(qint64 id);
    Result<void> transition(qint64 id, protocol::InstanceState state, const QString &reason,
                            const QString &commandId);
    void report(const InstanceRecord &record);
    void allocateAndProvision(qint64 id, const QString &commandId, const QSet<int> &published,
                              const std::function<void(const QString &)> &fail,
                              std::function<void()> done);
    /// A port of the range that is free now and not in `published`.
    std::optional<int> allocatePort(const QSet<int> &published) const;
    /// GPUs in use by instances other than `except`: running or on their way there, a stopped
    /// one only while a command of its own runs (the market rents a stopped hourly instance's
    /// GPUs out again, docs/market.md).
    QSet<QString> heldGpus(qint64 except = 0) const;
    /// `count` GPUs not held, those no stopped instance had first; those of instance `except`
    /// count as free (it is choosing anew).
    std::optional<QStringList> allocateGpus(int count, qint64 except = 0) const;

    Options m_options;
    std::unique_ptr<GpuProbe> m_probe;
    bool m_gpusUsable = false;
    Podman m_podman;
    std::unique_ptr<RuntimeDetector> m_detector;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<ContainerRuntime> m_runtime;
    std::unique_ptr<Firewall> m_firewall;
    bool m_isolated = false;
    std::unique_ptr<MarketLink> m_link;
    std::map<qint64, Live> m_live;
    /// Copies under way, by the new instance: WorkspaceCopy objects, children of the engine
    /// (a QObject here, so that a build without sync/ needs no definition).
    std::map<qint64, QObject *> m_copies;
    QElapsedTimer m_copyReported;
    QSet<QString> m_queuedCommands; ///< command ids queued or running in this process
    /// Instances the journal held at start: the only ones adoption reconciles (a create that
    /// arrives while `podman ps` runs is not a create interrupted by a restart).
    QSet<qint64> m_adoptable;
    QTimer m_telemetryTimer;
    QTimer m_usageTimer;
    QTimer m_diskTimer;
    std::unique_ptr<SpeedTest> m_speedTest;
    QTimer m_speedTestTimer;
    bool m_speedTested = false; ///< a test ran (or runs) in this process
    /// A measurement made while the market was away: sent on the next welcome, so that the
    /// time the market stamps on it is close to when it was made.
    std::optional<protocol::MeasurementMessage> m_unsentMeasurement;
    QSet<qint64> m_diskChecks; ///< instances whose volume usage is being measured
    QElapsedTimer m_monotonic;
    qint64 m_disconnectedSinceMs = 0;
    Status m_status = Status::Stopped;
    qint64 m_hostId = 0;
    bool m_available = true;
    bool m_availabilitySet = false;
    QString m_unavailableReason;
    QList<GpuReading> m_lastGpu;
    QSet<qint64> m_containerPids;
    QSet<QString> m_staleGpus; ///< GPUs of earlier registrations' instances that may still run

    QString m_network;
    QString m_relayPublicKey;
    std::unique_ptr<QTcpServer> m_probeListener;
    std::optional<protocol::RelayMessage> m_relay;
    std::unique_ptr<ssh::ReverseForwarder> m_forwarder;
};

} // namespace suanli::host
