#pragma once

#include <QtGlobal>

namespace suanli {

/// Money is always an integer number of micro-units of the market's currency
/// (1 CNY = 1,000,000 µ). Nothing is converted to floating point before the final format call.
using Micro = qint64;

/// 128-bit intermediate for products that may pass 2^63. `__extension__` keeps -Wpedantic
/// (and so -Werror) quiet about the GCC/Clang extension type.
__extension__ typedef __int128 Int128;

constexpr Micro kMicroPerUnit = 1'000'000;
constexpr qint64 kSecondsPerHour = 3600;
/// A billing month for storage prices: 30 days, as the cloud consoles bill it.
constexpr qint64 kSecondsPerStorageMonth = 30LL * 24 * 3600;

/// Charge for seconds [0, t) of a running period at `pricePerHour`: floor(p * t / 3600).
/// Each accrual charges charge(t_now) - charge(t_before), so rounding never drifts.
/// 128-bit intermediate so that years at absurd prices cannot overflow.
constexpr Micro chargeForSeconds(Micro pricePerHour, qint64 seconds)
{
    if (pricePerHour <= 0 || seconds <= 0)
        return 0;
    const Int128 product = static_cast<Int128>(pricePerHour) * seconds;
    return static_cast<Micro>(product / kSecondsPerHour);
}

/// Storage charge for seconds [0, t) of a stopped period: floor(price_gb_month * gb * t / month).
constexpr Micro storageChargeForSeconds(Micro pricePerGbMonth, qint64 diskGb, qint64 seconds)
{
    if (pricePerGbMonth <= 0 || diskGb <= 0 || seconds <= 0)
        return 0;
    const Int128 product = static_cast<Int128>(pricePerGbMonth) * diskGb * seconds;
    return static_cast<Micro>(product / kSecondsPerStorageMonth);
}

/// The platform's share of a charge, with `feePpm` parts per million (0.10 = 100,000 ppm).
/// The lender earns charge - fee, so renter charges = lender earnings + fees exactly.
constexpr Micro platformFee(Micro charge, qint64 feePpm)
{
    const Int128 product = static_cast<Int128>(charge) * feePpm;
    return static_cast<Micro>(product / 1'000'000);
}

} // namespace suanli
