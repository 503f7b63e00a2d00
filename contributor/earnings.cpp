#include "earnings.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace suanli::contributor {

namespace {
Error badField(const QString &field, const QString &what)
{
    return makeError(u"invalid_response"_s, u"%1: %2"_s.arg(field, what), field);
}
} // namespace

Result<Earnings> Earnings::fromJson(const QJsonObject &json)
{
    Earnings e;
    if (!json.value(u"days"_s).isArray())
        return badField(u"days"_s, u"expected an array"_s);
    for (const QJsonValue &v : json.value(u"days"_s).toArray()) {
        const QJsonObject o = v.toObject();
        const QDate day = QDate::fromString(o.value(u"day"_s).toString(), Qt::ISODate);
        if (!day.isValid() || !o.value(u"earned_micro"_s).isDouble())
            return badField(u"days"_s, u"each day needs day and earned_micro"_s);
        e.days.append({day, o.value(u"earned_micro"_s).toInteger()});
    }
    e.total = json.value(u"total_micro"_s).toInteger();
    e.currency = json.value(u"currency"_s).toString();
    return e;
}

Micro Earnings::on(const QDate &today) const
{
    Micro sum = 0;
    for (const Day &d : days)
        sum += d.day == today ? d.earned : 0;
    return sum;
}

Micro Earnings::monthOf(const QDate &today) const
{
    Micro sum = 0;
    for (const Day &d : days) {
        if (d.day.year() == today.year() && d.day.month() == today.month() && d.day <= today)
            sum += d.earned;
    }
    return sum;
}

Result<PricingSuggestion> PricingSuggestion::fromJson(const QString &gpuModel,
                                                      const QJsonObject &json)
{
    PricingSuggestion p;
    p.gpuModel = gpuModel;
    const QJsonValue median = json.value(u"median_price_gpu_hour_micro"_s);
    if (!median.isDouble() && !median.isNull())
        return badField(u"median_price_gpu_hour_micro"_s, u"expected an integer or null"_s);
    p.medianPriceGpuHourMicro = median.toInteger();
    p.listed = json.value(u"listed"_s).toInt();
    p.rentedShare = std::clamp(json.value(u"rented_share"_s).toDouble(), 0.0, 1.0);
    if (json.value(u"platform_fee"_s).isDouble())
        p.platformFeePpm = qRound64(json.value(u"platform_fee"_s).toDouble() * 1'000'000);
    return p;
}

EarningsEstimate EarningsEstimate::compute(Micro price, int gpus, double lendHoursPerDay,
                                           double rentedShare, qint64 feePpm, double powerW,
                                           Micro pricePerKwhMicro)
{
    EarningsEstimate e;
    const qint64 rentedSeconds =
        qRound64(std::clamp(lendHoursPerDay, 0.0, 24.0) * std::clamp(rentedShare, 0.0, 1.0) * 3600);
    e.grossPerDay = chargeForSeconds(price * std::max(gpus, 1), rentedSeconds);
    e.feePerDay = platformFee(e.grossPerDay, feePpm);
    // Wh = W × s / 3600; cost = Wh / 1000 × price per kWh.
    e.electricityPerDay = qRound64(std::max(powerW, 0.0) * double(rentedSeconds) / 3600.0 *
                                   double(pricePerKwhMicro) / 1000.0);
    e.netPerDay = e.grossPerDay - e.feePerDay - e.electricityPerDay;
    return e;
}

} // namespace suanli::contributor
