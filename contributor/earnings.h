#pragma once

#include "protocol/money.h"
#include "protocol/result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace suanli::contributor {

/// GET /api/v1/earnings: the lender's earnings per UTC day (net of the platform fee).
struct Earnings
{
    struct Day
    {
        QDate day;
        Micro earned = 0;
        bool operator==(const Day &) const = default;
    };
    QList<Day> days;
    Micro total = 0;
    QString currency;

    static Result<Earnings> fromJson(const QJsonObject &json);
    /// Earned on `today` (a UTC date, as the market counts days).
    Micro on(const QDate &today) const;
    /// Earned in the month of `today`, up to and including it.
    Micro monthOf(const QDate &today) const;
};

/// GET /api/v1/pricing?gpu_model= (a market endpoint the lead adds; docs/contributor.md).
struct PricingSuggestion
{
    QString gpuModel;
    Micro medianPriceGpuHourMicro = 0;
    int listed = 0;                       ///< offers of this model listed now
    double rentedShare = 0;               ///< 0..1: how often such offers are rented
    std::optional<qint64> platformFeePpm; ///< when the market says it

    static Result<PricingSuggestion> fromJson(const QString &gpuModel, const QJsonObject &json);
};

/// Expected earnings per day, net of the platform fee and of electricity.
struct EarningsEstimate
{
    Micro grossPerDay = 0;       ///< renters' charges
    Micro feePerDay = 0;         ///< the platform's share
    Micro electricityPerDay = 0; ///< measured power × rented hours × price per kWh
    Micro netPerDay = 0;

    /// `price`: per GPU-hour (whole-machine price without GPUs, gpus = 0 counts as 1);
    /// `rentedShare` 0..1 of `lendHoursPerDay`; `powerW` measured under load;
    /// `pricePerKwhMicro` the owner's tariff.
    static EarningsEstimate compute(Micro price, int gpus, double lendHoursPerDay,
                                    double rentedShare, qint64 feePpm, double powerW,
                                    Micro pricePerKwhMicro);
};

} // namespace suanli::contributor
