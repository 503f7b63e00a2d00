#pragma once

#include <QtGlobal>

#include <optional>

namespace suanli::server {

/// The market's own verdict on a host (docs/market.md, "Verified hosts"): a host is verified
/// when what it was measured at agrees with what it states and it has been online and
/// reliable for a while. An operator's verdict (`admin verify-host` / `unverify-host`)
/// outranks it; this is only the rule.
struct VerificationFacts
{
    qint64 createdAtMs = 0;
    bool online = false;
    double reliability = 0.0;  ///< seen / (seen + lost), as on the offer
    qint64 statedDownMbps = 0; ///< host.ini's inet_down_mbps; 0: not stated
    qint64 statedUpMbps = 0;
    std::optional<qint64> netDownMbps; ///< measured
    std::optional<qint64> netUpMbps;
    std::optional<qint64> diskWriteMbps;
    std::optional<qint64> measuredAtMs;
};

struct VerificationRule
{
    /// The last measurement is at most this old: a host that stopped measuring loses it.
    static constexpr qint64 kMeasuredWithinMs = 48LL * 3600 * 1000;
    /// Registered at least this long ago: a day of track record before the badge.
    static constexpr qint64 kRegisteredForMs = 24LL * 3600 * 1000;
    static constexpr double kMinReliability = 0.95;
    /// A stated speed is honest when the measurement reaches this share of it (the test runs
    /// to the market, not to the nearest exchange, so some shortfall is the path's).
    static constexpr double kStatedTolerance = 0.8;

    static bool holds(const VerificationFacts &facts, qint64 nowMs);
};

} // namespace suanli::server
