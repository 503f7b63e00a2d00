#pragma once

#include "protocol/agentmessages.h"

#include <QRandomGenerator>

namespace suanli::bench {

/// A simulated lender machine: what its agent says in `hello` and how its owner lists it.
struct Machine
{
    QString name;
    protocol::HelloMessage hello;
    protocol::HostListing listing;

    int gpuCount() const { return int(hello.spec.gpus.size()); }
};

/// A realistic machine (2024–2025 market figures): the GPU mix of Chinese C2C and cloud markets —
/// RTX 4090 and 3090 most common, then L40S, A100 80GB, A800, H100 — 1 to 8 GPUs, about one
/// machine in six CPU-only; prices drawn around what renters pay in 2024–2025. Deterministic
/// for a given generator state.
Machine makeMachine(int index, QRandomGenerator &rng);

/// A telemetry sample for `gpus` GPUs of model `gpuMemoryMb` each, moving from `previous`
/// by a small random walk so the series looks like a training job, not noise.
protocol::TelemetrySample nextSample(const protocol::TelemetrySample &previous, qint64 instanceId,
                                     int gpus, qint64 gpuMemoryMb, double maxPowerW,
                                     QRandomGenerator &rng);

/// Board power limit used for simulated power draw (datasheet TDP/TGP in watts).
double boardPowerW(const QString &gpuModel);

} // namespace suanli::bench
