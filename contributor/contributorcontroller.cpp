#include "contributorcontroller.h"

#include "client/marketclient.h"
#include "host/hostengine.h"
#include "protocol/json.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace suanli::contributor {

using host::LendingPolicy;

namespace {
const Clock &wallClock()
{
    static const SystemClock clock;
    return clock;
}
} // namespace

ContributorController::ContributorController(LendingPolicy *policy, client::MarketClient *market,
                                             QObject *parent, const Clock *clock)
    : QObject(parent)
    , m_policy(policy)
    , m_market(market)
    , m_clock(clock ? clock : &wallClock())
{
    connect(policy, &LendingPolicy::stateChanged, this, &ContributorController::onPolicyState);
    m_refresh.setInterval(5 * 60 * 1000);
    connect(&m_refresh, &QTimer::timeout, this, &ContributorController::refreshEarnings);
    m_alarmTimer.setInterval(60 * 1000);
    connect(&m_alarmTimer, &QTimer::timeout, this, &ContributorController::checkAlarms);
    onPolicyState(policy->state(), policy->reason());
}

void ContributorController::attachEngine(host::HostEngine *engine)
{
    const auto update = [this, engine] {
        int gpus = 0;
        for (const host::InstanceRecord &r : engine->instances()) {
            if (r.state == protocol::InstanceState::Running)
                gpus += int(r.gpus.size());
        }
        setRentedGpus(gpus);
    };
    connect(engine, &host::HostEngine::instanceChanged, this, update);
    connect(engine, &host::HostEngine::statusChanged, this,
            [this, engine] { setOfferedGpus(int(engine->machine().gpus.size())); });
    update();
}

void ContributorController::setListing(Micro priceGpuHourMicro, std::optional<qint64> feePpm)
{
    m_price = priceGpuHourMicro;
    m_feePpm = feePpm;
    emit rateChanged();
}

void ContributorController::setListingPrice(Micro priceGpuHourMicro)
{
    m_price = priceGpuHourMicro;
    emit rateChanged();
}

ListingPrices ListingPrices::of(const protocol::HostListing &listing)
{
    return {listing.price_gpu_hour_micro, listing.price_gpu_day_micro, listing.price_gpu_week_micro,
            listing.price_gpu_month_micro, listing.price_nogpu_hour_micro};
}

void ListingPrices::applyTo(protocol::HostListing &listing) const
{
    listing.price_gpu_hour_micro = hour;
    listing.price_gpu_day_micro = day;
    listing.price_gpu_week_micro = week;
    listing.price_gpu_month_micro = month;
    listing.price_nogpu_hour_micro = noGpu;
}

void ContributorController::setListingPrices(const ListingPrices &prices)
{
    m_plans = prices;
    setListingPrice(prices.hour);
}

ListingPrices ContributorController::listingPrices() const
{
    ListingPrices prices = m_plans;
    prices.hour = m_price;
    return prices;
}

void ContributorController::setRentedGpus(int gpus)
{
    if (gpus == m_rentedGpus)
        return;
    m_rentedGpus = gpus;
    emit rateChanged();
}

Micro ContributorController::earningPerHourMicro() const
{
    if (m_policy->state() != LendingPolicy::State::Rented)
        return 0;
    // A machine without GPUs is rented whole at the GPU-hour price (docs/market.md, billing).
    const Micro gross = m_price * std::max(m_rentedGpus, 1);
    return gross - platformFee(gross, m_feePpm.value_or(0));
}

void ContributorController::onPolicyState(LendingPolicy::State state, LendingPolicy::Reason reason)
{
    const bool lending =
        state == LendingPolicy::State::Listed || state == LendingPolicy::State::Rented;
    if (state == LendingPolicy::State::Listed) {
        if (!m_listedIdleSince.isValid())
            m_listedIdleSince = now();
    } else {
        m_listedIdleSince = {};
    }
    if (lending && !m_refresh.isActive() && marketConfigured())
        m_refresh.start();
    else if (!lending)
        m_refresh.stop();
    if (lending && !m_alarmTimer.isActive())
        m_alarmTimer.start();
    checkAlarms();
    emit stateChanged(state, reason);
    emit rateChanged();
}

void ContributorController::refreshEarnings()
{
    getJson(u"/api/v1/earnings"_s, {}, [this](Result<QJsonObject> json) {
        auto e = json ? Earnings::fromJson(*json) : Result<Earnings>(json.error());
        if (!e) {
            emit earningsFailed(e.error());
            return;
        }
        // New money is earning: the "listed but not earning" clock starts over.
        if (m_haveEarnings && e->total > m_earnings.total && m_listedIdleSince.isValid())
            m_listedIdleSince = now();
        m_earnings = std::move(e).value();
        m_haveEarnings = true;
        emit earningsChanged();
        checkAlarms();
        refreshLedger();
    });
}

void ContributorController::refreshLedger()
{
    const QDate today = now().toUTC().date();
    const QDateTime since(QDate(today.year(), today.month(), 1), {}, Qt::UTC);
    QUrlQuery query;
    query.addQueryItem(u"since"_s, since.toString(Qt::ISODate));
    query.addQueryItem(u"limit"_s, u"1000"_s);
    getJson(u"/api/v1/ledger"_s, query, [this](Result<QJsonObject> json) {
        if (!json) {
            emit earningsFailed(json.error());
            return;
        }
        QList<protocol::LedgerEntry> entries;
        for (const QJsonValue &v : json->value(u"entries"_s).toArray()) {
            auto e = protocol::ledgerEntryFromJson(v.toObject());
            if (!e) {
                emit earningsFailed(e.error());
                return;
            }
            // A lender's account also holds top-ups and its own rentals' charges.
            if (e->kind == "earning"_L1)
                entries.append(*e);
        }
        m_ledger = std::move(entries);
        emit ledgerChanged();
    });
}

bool ContributorController::marketConfigured() const
{
    return m_market->baseUrl().isValid() && !m_market->token().isEmpty();
}

void ContributorController::getJson(const QString &path, const QUrlQuery &query,
                                    std::function<void(Result<QJsonObject>)> done)
{
    if (!marketConfigured()) {
        done(makeError(u"not_signed_in"_s, u"no market account is set up"_s));
        return;
    }
    m_market->request("GET", path, query, {}, this,
                      [done = std::move(done)](Result<QByteArray> body) {
                          if (!body)
                              return done(body.error());
                          done(protocol::parseJsonObject(*body));
                      });
}

Micro ContributorController::earnedToday() const
{
    return m_earnings.on(now().toUTC().date());
}

Micro ContributorController::earnedThisMonth() const
{
    return m_earnings.monthOf(now().toUTC().date());
}

void ContributorController::requestPricing(const QString &gpuModel)
{
    QUrlQuery query;
    query.addQueryItem(u"gpu_model"_s, gpuModel);
    // 404 `not_found` on a market without pricing suggestions.
    getJson(u"/api/v1/pricing"_s, query, [this, gpuModel](Result<QJsonObject> json) {
        auto p = json ? PricingSuggestion::fromJson(gpuModel, *json)
                      : Result<PricingSuggestion>(json.error());
        if (!p) {
            emit pricingFailed(p.error());
            return;
        }
        m_pricing = *p;
        if (p->platformFeePpm)
            m_feePpm = p->platformFeePpm;
        emit pricingChanged(*p);
    });
}

EarningsEstimate ContributorController::estimate(double lendHoursPerDay, double powerW,
                                                 Micro pricePerKwhMicro) const
{
    const double share = m_pricing ? m_pricing->rentedShare : 0.0;
    return EarningsEstimate::compute(m_price, m_offeredGpus, lendHoursPerDay, share,
                                     m_feePpm.value_or(0), powerW, pricePerKwhMicro);
}

void ContributorController::setNotEarningHours(int hours)
{
    m_notEarningHours = std::max(1, hours);
    checkAlarms();
}

void ContributorController::setGpuVisibility(int machineGpus, int containerGpus,
                                             const QString &detail)
{
    m_machineGpus = machineGpus;
    m_containerGpus = containerGpus;
    m_gpuDetail = detail;
    checkAlarms();
}

void ContributorController::checkAlarms()
{
    QList<Alarm> alarms;
    if (m_listedIdleSince.isValid() &&
        m_listedIdleSince.secsTo(now()) >= qint64(m_notEarningHours) * 3600)
        alarms.append(Alarm::ListedNotEarning);
    if (m_machineGpus > 0 && m_containerGpus < m_machineGpus)
        alarms.append(Alarm::GpuNotVisibleInContainers);
    if (alarms != m_alarms) {
        m_alarms = alarms;
        emit alarmsChanged(alarms);
    }
}

} // namespace suanli::contributor
