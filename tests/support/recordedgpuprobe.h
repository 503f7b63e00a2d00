#pragma once

// A GPU probe test double: recorded NVML facts and readings through the interface the agent
// uses (host/gpuprobe.h), for machines without an NVIDIA GPU.

#include "host/gpuprobe.h"

#include <algorithm>

namespace suanli::testing {

/// Replays readings in order (the last one repeats).
class RecordedGpuProbe : public host::GpuProbe
{
public:
    QList<protocol::GpuInfo> recordedDevices;
    QList<QList<host::GpuReading>> recordedSamples;
    QString driver;
    QString cuda;
    int initCalls = 0;
    int next = 0;

    Result<void> init() override
    {
        ++initCalls;
        return {};
    }
    QList<protocol::GpuInfo> devices() const override { return recordedDevices; }
    QString driverVersion() const override { return driver; }
    QString cudaVersion() const override { return cuda; }
    QList<host::GpuReading> sample() override
    {
        return recordedSamples.value(std::min<qsizetype>(next++, recordedSamples.size() - 1));
    }
};

} // namespace suanli::testing
