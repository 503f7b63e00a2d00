#pragma once

#include <QStringView>
#include <QtGlobal>

#include <optional>

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

/// Bytes in the GB of storage prices: decimal, 10^9 (disk_gb is in the same GB).
constexpr qint64 kBytesPerStorageGb = 1'000'000'000;

/// Storage charge of a saved image of `bytes` for seconds [0, t):
/// floor(price_gb_month * bytes * t / (10^9 * month)), exact (128-bit intermediate).
constexpr Micro imageStorageChargeForSeconds(Micro pricePerGbMonth, qint64 bytes, qint64 seconds)
{
    if (pricePerGbMonth <= 0 || bytes <= 0 || seconds <= 0)
        return 0;
    const Int128 product = static_cast<Int128>(pricePerGbMonth) * bytes * seconds;
    return static_cast<Micro>(product /
                              (static_cast<Int128>(kBytesPerStorageGb) * kSecondsPerStorageMonth));
}

/// The platform's share of a charge, with `feePpm` parts per million (0.10 = 100,000 ppm).
/// The lender earns charge - fee, so renter charges = lender earnings + fees exactly.
constexpr Micro platformFee(Micro charge, qint64 feePpm)
{
    const Int128 product = static_cast<Int128>(charge) * feePpm;
    return static_cast<Micro>(product / 1'000'000);
}

/// Reads an amount typed by a person or an admin, "12.5" → 12,500,000 µ, exactly (digits are
/// read as integers, never through double): 1 to 12 digits, then optionally a decimal
/// separator and at most 6 more digits ("12." is 12); whitespace around it is ignored. nullopt
/// for anything else: a sign, an exponent, a seventh decimal, a currency symbol, grouping.
///
/// `,` is a decimal comma, the same as `.`: "12,50" is 12.50, as a reader in a locale that
/// writes a decimal comma (de, fr, ru…) types it; zh and en readers type `.`. It is never a
/// digit-grouping separator ("1,000" is one unit, "1,000,000" is refused): an amount is typed
/// as the app shows it in an editable field, the plain number. The one parser of the desktop's
/// money fields (app::parseMoney) and of the market's admin commands (amounts, the fee).
std::optional<Micro> parseMoney(QStringView text);

} // namespace suanli
