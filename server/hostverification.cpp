#include "hostverification.h"

namespace suanli::server {

bool VerificationRule::holds(const VerificationFacts &f, qint64 nowMs)
{
    if (!f.online || f.reliability < kMinReliability)
        return false;
    if (nowMs - f.createdAtMs < kRegisteredForMs)
        return false;
    // All three measured, recently: a host whose tests fail is not checked, however fast it says
    // it is.
    if (!f.measuredAtMs || !f.netDownMbps || !f.netUpMbps || !f.diskWriteMbps)
        return false;
    if (nowMs - *f.measuredAtMs > kMeasuredWithinMs)
        return false;
    auto agrees = [](qint64 stated, qint64 measured) {
        return stated <= 0 || double(measured) >= kStatedTolerance * double(stated);
    };
    return agrees(f.statedDownMbps, *f.netDownMbps) && agrees(f.statedUpMbps, *f.netUpMbps);
}

} // namespace suanli::server
