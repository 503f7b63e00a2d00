#pragma once

#include <QString>

#include <optional>

namespace suanli::server {

/// Peak dense FP16/BF16 tensor throughput of one GPU in TFLOPS (FP32 accumulate where the
/// consumer cards halve it), from the vendors' datasheets; see gpucatalog.cpp for sources.
/// An unknown model gives no value rather than a guess.
std::optional<double> perfTflopsPerGpu(const QString &gpuModel);

} // namespace suanli::server
