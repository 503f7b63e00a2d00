#include "costestimate.h"

namespace suanli::app {

CostEstimate estimateCost(const protocol::Offer &offer, int gpus, qint64 diskGb,
                          qint64 runningSeconds, qint64 stoppedSeconds)
{
    CostEstimate e;
    const int units = offer.gpus_total == 0 ? 1 : qMax(0, gpus);
    const Micro hourly = offer.price_gpu_hour_micro * units;
    e.perHour = hourly;
    e.gpu = chargeForSeconds(hourly, runningSeconds);
    e.storage = storageChargeForSeconds(offer.price_storage_gb_month_micro, diskGb, stoppedSeconds);
    e.storagePerDay = storagePerDay(offer.price_storage_gb_month_micro, diskGb);
    e.total = e.gpu + e.storage;
    return e;
}

Micro storagePerDay(Micro pricePerGbMonth, qint64 diskGb)
{
    return storageChargeForSeconds(pricePerGbMonth, diskGb, 86400);
}

} // namespace suanli::app
