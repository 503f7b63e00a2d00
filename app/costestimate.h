#pragma once

#include "protocol/types.h"

namespace suanli::app {

/// What a rental costs under the market's rules (docs/market.md): the GPU price per second while
/// running, storage per second while stopped (running instances pay the GPU price only).
struct CostEstimate
{
    Micro gpu = 0;            ///< running time
    Micro storage = 0;        ///< stopped time
    Micro total = 0;
    Micro perHour = 0;        ///< running, all GPUs
    Micro storagePerDay = 0;  ///< stopped
};

/// `gpus` of `offer` (ignored for a CPU-only offer, which is priced per machine).
CostEstimate estimateCost(const protocol::Offer &offer, int gpus, qint64 diskGb,
                          qint64 runningSeconds, qint64 stoppedSeconds = 0);

/// Storage cost per day of a stopped instance.
Micro storagePerDay(Micro pricePerGbMonth, qint64 diskGb);

} // namespace suanli::app
