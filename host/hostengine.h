#pragma once

#include "containerruntime.h"
#include "gpuprobe.h"
#include "hostconfig.h"
#include "instancemetrics.h"
#include "journal.h"
#include "marketlink.h"
#include "podman.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace suanli::host {

/// The host agent engine (DESIGN §6): one market link, the instances on Podman, the journal,
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
        QString agentVersion = QStringLiteral("0.1.0");
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
    /// Commands and container work still under way (0 when idle).
    int busyInstances() const;

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
    void onWelcomed(qint64 hostId);
    void onDisconnected(const QString &reason);
    void sendOrBuffer(const QString &kind, const QJsonObject &message);
    void flushOutbox();
    void sendUsage();
    void tick();
    protocol::HelloMessage hello() const;

    // hostengine_instances.cpp
    void onCommand(const protocol::CommandMessage &command);
    void enqueue(qint64 instanceId, std::function<void(std::function<void()>)> op);
    void enqueueCommand(qint64 instanceId, const QString &commandId,
                        std::function<void(std::function<void()>)> op);
    void pump(qint64 instanceId);
    void doCreate(qint64 id, const protocol::CommandMessage &command, std::function<void()> done);
    void provision(qint64 id, std::function<void()> done);
    void doStart(qint64 id, const QString &commandId, std::function<void()> done);
    void doStop(qint64 id, const QString &commandId, const QString &reason,
                std::function<void()> done);
    void doDestroy(qint64 id, const QString &commandId, std::function<void()> done);
    void adopt();
    void adoptWith(const QList<ContainerInfo> &containers);
    void watch(qint64 id);
    void onContainerGone(qint64 id);
    Result<void> transition(qint64 id, protocol::InstanceState state, const QString &reason,
                            const QString &commandId);
    void report(const InstanceRecord &record);
    std::optional<int> allocatePort() const;
    std::optional<QStringList> allocateGpus(int count) const;

    Options m_options;
    std::unique_ptr<GpuProbe> m_probe;
    bool m_gpusUsable = false;
    Podman m_podman;
    std::unique_ptr<RuntimeDetector> m_detector;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<ContainerRuntime> m_runtime;
    std::unique_ptr<MarketLink> m_link;
    std::map<qint64, Live> m_live;
    QSet<QString> m_queuedCommands; ///< command ids queued or running in this process
    QTimer m_telemetryTimer;
    QTimer m_usageTimer;
    QElapsedTimer m_monotonic;
    qint64 m_disconnectedSinceMs = 0;
    Status m_status = Status::Stopped;
    qint64 m_hostId = 0;
};

} // namespace suanli::host
