#include "uploadestimate.h"

#include <cmath>

namespace suanli::datasets {

qint64 estimateUploadSeconds(qint64 bytes, double inetUpMbps)
{
    if (!(inetUpMbps > 0))
        return -1;
    constexpr double kEfficiency = 0.85;
    constexpr qint64 kConnectSeconds = 2;
    const double bitsPerSecond = inetUpMbps * 1e6 * kEfficiency;
    return kConnectSeconds + qint64(std::ceil(double(bytes) * 8.0 / bitsPerSecond));
}

} // namespace suanli::datasets
