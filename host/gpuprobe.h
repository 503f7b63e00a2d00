#pragma once

#include "protocol/agentmessages.h"
#include "protocol/result.h"
#include "protocol/types.h"

#include <QList>
#include <QSet>
#include <QString>

namespace suanli::host {

/// A process that holds memory on a GPU.
struct GpuProcess
{
    qint64 pid = 0;
    qint64 memory_used_mb = 0;
    bool operator==(const GpuProcess &) const = default;
};

/// One reading of one GPU.
struct GpuReading
{
    int index = 0;
    QString uuid;
    double utilization_pct = 0;
    qint64 memory_used_mb = 0;
    double temperature_c = 0;
    double power_w = 0;
    QList<GpuProcess> processes;
    bool operator==(const GpuReading &) const = default;
};

/// Where GPU facts come from. The product uses NvmlGpuProbe; unit tests feed recorded
/// samples through a test double of their own.
class GpuProbe
{
public:
    virtual ~GpuProbe() = default;
    /// Loads and initialises once; an error means "no usable NVIDIA driver" (CPU-only).
    virtual Result<void> init() = 0;
    virtual QList<protocol::GpuInfo> devices() const = 0;
    virtual QString driverVersion() const = 0;
    virtual QString cudaVersion() const = 0;
    /// One reading per device, in devices() order.
    virtual QList<GpuReading> sample() = 0;
};

/// NVML through dlopen("libnvidia-ml.so.1"): never linked, so a machine without the NVIDIA
/// driver runs the agent CPU-only. Initialised once, device handles cached.
class NvmlGpuProbe : public GpuProbe
{
public:
    NvmlGpuProbe();
    ~NvmlGpuProbe() override;
    Result<void> init() override;
    QList<protocol::GpuInfo> devices() const override { return m_devices; }
    QString driverVersion() const override { return m_driver; }
    QString cudaVersion() const override { return m_cuda; }
    QList<GpuReading> sample() override;

private:
    struct Api;
    std::unique_ptr<Api> m_api;
    void *m_library = nullptr;
    bool m_initialised = false;
    QList<void *> m_handles;
    QList<protocol::GpuInfo> m_devices;
    QString m_driver;
    QString m_cuda;
};

/// Which GPU processes belong to whom: a pid inside one of Suanli's containers is ours;
/// any other is "not Suanli's" and makes the GPU busy for lending (docs/host.md).
class GpuUsage
{
public:
    /// `suanliPids`: pids running inside the agent's containers.
    static QList<GpuProcess> foreignProcesses(const GpuReading &reading,
                                              const QSet<qint64> &suanliPids);
    /// One list from NVML's compute and graphics process lists: a process in both (a mixed
    /// context) counts once.
    static QList<GpuProcess> mergeProcesses(QList<GpuProcess> compute,
                                            const QList<GpuProcess> &graphics);
    /// Protocol sample of one GPU, with its index as the instance sees it.
    static protocol::GpuSample toSample(const GpuReading &reading);
};

/// The machine's spec for hello: cores, memory, free disk under `stateDir`, GPUs from the
/// probe (none when it failed to initialise; a GPU is never invented).
protocol::MachineSpec machineSpec(const GpuProbe *probe, const QString &stateDir);

} // namespace suanli::host
