#include "gpuprobe.h"

#include <QFile>
#include <QSet>
#include <QStorageInfo>
#include <QThread>

#include <dlfcn.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {

// The few NVML declarations the agent uses (nvml.h is not needed to build: NVML is loaded at
// run time). Layouts as in nvml.h of CUDA 11/12.
using nvmlReturn_t = int;
using nvmlDevice_t = void *;
struct nvmlMemory_t
{
    unsigned long long total, free, used;
};
struct nvmlUtilization_t
{
    unsigned int gpu, memory;
};
struct nvmlProcessInfo_t
{
    unsigned int pid;
    unsigned long long usedGpuMemory;
    unsigned int gpuInstanceId, computeInstanceId;
};
constexpr nvmlReturn_t NVML_SUCCESS = 0;
constexpr nvmlReturn_t NVML_ERROR_INSUFFICIENT_SIZE = 7;
constexpr int NVML_TEMPERATURE_GPU = 0;

} // namespace

struct NvmlGpuProbe::Api
{
    nvmlReturn_t (*init)() = nullptr;
    nvmlReturn_t (*shutdown)() = nullptr;
    const char *(*errorString)(nvmlReturn_t) = nullptr;
    nvmlReturn_t (*deviceCount)(unsigned *) = nullptr;
    nvmlReturn_t (*handleByIndex)(unsigned, nvmlDevice_t *) = nullptr;
    nvmlReturn_t (*name)(nvmlDevice_t, char *, unsigned) = nullptr;
    nvmlReturn_t (*uuid)(nvmlDevice_t, char *, unsigned) = nullptr;
    nvmlReturn_t (*memory)(nvmlDevice_t, nvmlMemory_t *) = nullptr;
    nvmlReturn_t (*utilization)(nvmlDevice_t, nvmlUtilization_t *) = nullptr;
    nvmlReturn_t (*temperature)(nvmlDevice_t, int, unsigned *) = nullptr;
    nvmlReturn_t (*power)(nvmlDevice_t, unsigned *) = nullptr;
    nvmlReturn_t (*processes)(nvmlDevice_t, unsigned *, nvmlProcessInfo_t *) = nullptr;
    nvmlReturn_t (*graphicsProcesses)(nvmlDevice_t, unsigned *, nvmlProcessInfo_t *) = nullptr;
    nvmlReturn_t (*driverVersion)(char *, unsigned) = nullptr;
    nvmlReturn_t (*cudaVersion)(int *) = nullptr;
};

NvmlGpuProbe::NvmlGpuProbe()
    : m_api(std::make_unique<Api>())
{}

NvmlGpuProbe::~NvmlGpuProbe()
{
    if (m_initialised && m_api->shutdown)
        m_api->shutdown();
    if (m_library)
        dlclose(m_library);
}

Result<void> NvmlGpuProbe::init()
{
    if (m_initialised)
        return {};
    if (!m_library)
        m_library = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!m_library)
        return makeError(u"no_nvidia_driver"_s,
                         u"libnvidia-ml.so.1 not found: no NVIDIA driver, the machine is offered "
                         "CPU-only"_s);
    const auto sym = [this](const char *a, const char *b = nullptr) {
        void *p = dlsym(m_library, a);
        return p || !b ? p : dlsym(m_library, b);
    };
    Api &api = *m_api;
    api.init = reinterpret_cast<decltype(api.init)>(sym("nvmlInit_v2", "nvmlInit"));
    api.shutdown = reinterpret_cast<decltype(api.shutdown)>(sym("nvmlShutdown"));
    api.errorString = reinterpret_cast<decltype(api.errorString)>(sym("nvmlErrorString"));
    api.deviceCount = reinterpret_cast<decltype(api.deviceCount)>(
        sym("nvmlDeviceGetCount_v2", "nvmlDeviceGetCount"));
    api.handleByIndex = reinterpret_cast<decltype(api.handleByIndex)>(
        sym("nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex"));
    api.name = reinterpret_cast<decltype(api.name)>(sym("nvmlDeviceGetName"));
    api.uuid = reinterpret_cast<decltype(api.uuid)>(sym("nvmlDeviceGetUUID"));
    api.memory = reinterpret_cast<decltype(api.memory)>(sym("nvmlDeviceGetMemoryInfo"));
    api.utilization =
        reinterpret_cast<decltype(api.utilization)>(sym("nvmlDeviceGetUtilizationRates"));
    api.temperature = reinterpret_cast<decltype(api.temperature)>(sym("nvmlDeviceGetTemperature"));
    api.power = reinterpret_cast<decltype(api.power)>(sym("nvmlDeviceGetPowerUsage"));
    api.processes = reinterpret_cast<decltype(api.processes)>(
        sym("nvmlDeviceGetComputeRunningProcesses_v3", "nvmlDeviceGetComputeRunningProcesses_v2"));
    // Games and video players are graphics (or mixed) contexts, not compute ones: without
    // these the owner's game would not count as "another process uses the GPU".
    api.graphicsProcesses = reinterpret_cast<decltype(api.graphicsProcesses)>(
        sym("nvmlDeviceGetGraphicsRunningProcesses_v3", "nvmlDeviceGetGraphicsRunningProcesses_v2"));
    api.driverVersion =
        reinterpret_cast<decltype(api.driverVersion)>(sym("nvmlSystemGetDriverVersion"));
    api.cudaVersion = reinterpret_cast<decltype(api.cudaVersion)>(
        sym("nvmlSystemGetCudaDriverVersion_v2", "nvmlSystemGetCudaDriverVersion"));
    if (!api.init || !api.deviceCount || !api.handleByIndex || !api.name || !api.uuid ||
        !api.memory || !api.utilization || !api.temperature || !api.power)
        return makeError(u"nvml_too_old"_s,
                         u"libnvidia-ml.so.1 lacks the functions the agent needs; "
                         "update the NVIDIA driver"_s);
    if (nvmlReturn_t r = api.init(); r != NVML_SUCCESS)
        return makeError(u"nvml_init_failed"_s,
                         u"NVML did not initialise: %1"_s.arg(
                             QString::fromUtf8(api.errorString ? api.errorString(r) : "error")));
    m_initialised = true;
    char text[96] = {};
    if (api.driverVersion && api.driverVersion(text, sizeof text) == NVML_SUCCESS)
        m_driver = QString::fromUtf8(text);
    int cuda = 0;
    if (api.cudaVersion && api.cudaVersion(&cuda) == NVML_SUCCESS && cuda > 0)
        m_cuda = u"%1.%2"_s.arg(cuda / 1000).arg((cuda % 1000) / 10);
    unsigned count = 0;
    if (api.deviceCount(&count) != NVML_SUCCESS)
        count = 0;
    for (unsigned i = 0; i < count; ++i) {
        nvmlDevice_t handle = nullptr;
        if (api.handleByIndex(i, &handle) != NVML_SUCCESS)
            continue;
        protocol::GpuInfo info;
        info.index = int(m_devices.size());
        char buffer[96] = {};
        if (api.name(handle, buffer, sizeof buffer) == NVML_SUCCESS)
            info.model = QString::fromUtf8(buffer).remove(u"NVIDIA "_s).trimmed();
        if (api.uuid(handle, buffer, sizeof buffer) == NVML_SUCCESS)
            info.uuid = QString::fromUtf8(buffer);
        nvmlMemory_t mem{};
        if (api.memory(handle, &mem) == NVML_SUCCESS)
            info.memory_mb = qint64(mem.total / (1024 * 1024));
        m_handles.append(handle);
        m_devices.append(info);
    }
    return {};
}

QList<GpuReading> NvmlGpuProbe::sample()
{
    QList<GpuReading> readings;
    if (!m_initialised)
        return readings;
    const Api &api = *m_api;
    for (qsizetype i = 0; i < m_handles.size(); ++i) {
        nvmlDevice_t h = m_handles[i];
        GpuReading r;
        r.index = m_devices[i].index;
        r.uuid = m_devices[i].uuid;
        nvmlUtilization_t u{};
        if (api.utilization(h, &u) == NVML_SUCCESS)
            r.utilization_pct = u.gpu;
        nvmlMemory_t mem{};
        if (api.memory(h, &mem) == NVML_SUCCESS)
            r.memory_used_mb = qint64(mem.used / (1024 * 1024));
        unsigned value = 0;
        if (api.temperature(h, NVML_TEMPERATURE_GPU, &value) == NVML_SUCCESS)
            r.temperature_c = value;
        if (api.power(h, &value) == NVML_SUCCESS)
            r.power_w = value / 1000.0;
        const auto read = [h](auto fn) {
            QList<GpuProcess> list;
            if (!fn)
                return list;
            nvmlProcessInfo_t infos[64];
            unsigned count = 64;
            nvmlReturn_t rc = fn(h, &count, infos);
            if (rc == NVML_SUCCESS || rc == NVML_ERROR_INSUFFICIENT_SIZE) {
                for (unsigned p = 0; p < std::min(count, 64u); ++p) {
                    // NVML_VALUE_NOT_AVAILABLE (~0ULL) where the driver cannot tell (WDDM).
                    const unsigned long long used = infos[p].usedGpuMemory;
                    list.append({qint64(infos[p].pid),
                                 used == ~0ULL ? 0 : qint64(used / (1024 * 1024))});
                }
            }
            return list;
        };
        r.processes = GpuUsage::mergeProcesses(read(api.processes), read(api.graphicsProcesses));
        readings.append(r);
    }
    return readings;
}

QList<GpuProcess> GpuUsage::foreignProcesses(const GpuReading &reading,
                                             const QSet<qint64> &suanliPids)
{
    QList<GpuProcess> foreign;
    for (const GpuProcess &p : reading.processes) {
        if (!suanliPids.contains(p.pid))
            foreign.append(p);
    }
    return foreign;
}

QList<GpuProcess> GpuUsage::mergeProcesses(QList<GpuProcess> compute,
                                           const QList<GpuProcess> &graphics)
{
    for (const GpuProcess &g : graphics) {
        const auto same = std::find_if(compute.begin(), compute.end(),
                                       [&g](const GpuProcess &c) { return c.pid == g.pid; });
        if (same == compute.end())
            compute.append(g);
        else
            same->memory_used_mb = std::max(same->memory_used_mb, g.memory_used_mb);
    }
    return compute;
}

protocol::GpuSample GpuUsage::toSample(const GpuReading &reading)
{
    return {reading.index, reading.utilization_pct, reading.memory_used_mb, reading.temperature_c,
            reading.power_w};
}

protocol::MachineSpec machineSpec(const GpuProbe *probe, const QString &stateDir)
{
    protocol::MachineSpec spec;
    spec.cpu_cores = QThread::idealThreadCount();
    QFile meminfo(u"/proc/meminfo"_s);
    if (meminfo.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = meminfo.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("MemTotal:"))
                spec.ram_mb = line.mid(9).trimmed().split(' ').value(0).toLongLong() / 1024;
        }
    }
    // Instances' volumes and layers live in podman's storage; the state folder is on the
    // same disk in the usual layouts (/var/lib or ~/.local/share).
    const QStorageInfo storage(stateDir);
    spec.disk_free_gb = storage.isValid() ? storage.bytesAvailable() / (1024LL * 1024 * 1024) : 0;
    if (probe) {
        spec.gpus = probe->devices();
        spec.driver_version = probe->driverVersion();
        spec.cuda_version = probe->cudaVersion();
    }
    return spec;
}

} // namespace suanli::host
