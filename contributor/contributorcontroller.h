#pragma once

#include "earnings.h"
#include "host/lendingpolicy.h"
#include "protocol/clock.h"
#include "protocol/types.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrlQuery>

#include <functional>

namespace suanli::host {
class HostEngine;
}
namespace suanli::client {
class MarketClient;
}

namespace suanli::contributor {

/// What this machine's listing asks (docs/market.md, "Prepaid plans"): per GPU-hour (the whole
/// machine without GPUs) and, for the prepaid plans, per GPU and day, week, month; an empty
/// plan price is a plan not offered.
struct ListingPrices
{
    Micro hour = 0;
    std::optional<Micro> day;
    std::optional<Micro> week;
    std::optional<Micro> month;
    /// Per hour for a renter's instance started without a GPU (docs/market.md, "Starting
    /// without a GPU"); empty: not offered.
    std::optional<Micro> noGpu;
    bool operator==(const ListingPrices &) const = default;

    static ListingPrices of(const protocol::HostListing &listing);
    /// Writes these prices into `listing` (an empty plan price withdraws the plan).
    void applyTo(protocol::HostListing &listing) const;
};

/// Contributor mode without pixels: the lending policy's state, what this machine earns
/// (today, this month, per hour while rented), the pricing suggestion, and the alarms. The
/// tray and the Lend view show it; the policy and market are passed in.
class ContributorController : public QObject
{
    Q_OBJECT
public:
    enum class Alarm
    {
        ListedNotEarning,          ///< listed for notEarningHours with no rental and no earnings
        GpuNotVisibleInContainers, ///< the machine has GPUs that instances cannot see
    };
    Q_ENUM(Alarm)

    /// `clock` null: wall time; tests pass a manual one. It must outlive the controller.
    ContributorController(host::LendingPolicy *policy, client::MarketClient *market,
                          QObject *parent = nullptr, const Clock *clock = nullptr);

    host::LendingPolicy *policy() const { return m_policy; }
    host::LendingPolicy::State state() const { return m_policy->state(); }
    host::LendingPolicy::Reason reason() const { return m_policy->reason(); }

    /// Follows the engine's running instances (GPUs rented, for the per-hour figure).
    void attachEngine(host::HostEngine *engine);
    /// The listing as the market has it (GET /api/v1/hosts) and the fee when known.
    void setListing(Micro priceGpuHourMicro, std::optional<qint64> feePpm = std::nullopt);
    /// The listing price alone; the fee stays as the market said it.
    void setListingPrice(Micro priceGpuHourMicro);
    Micro listingPrice() const { return m_price; }
    /// The listing's prices, hourly and plans (the wizard starts from them).
    void setListingPrices(const ListingPrices &prices);
    ListingPrices listingPrices() const;
    /// GPUs in running rentals (0 for a CPU-only machine rented whole).
    void setRentedGpus(int gpus);
    /// The engine lends this machine without the policy (local mode before lending was set up,
    /// docs/contributor.md "Which engine the policy drives"): "Off" would be untrue then.
    void setUnmanaged(bool unmanaged)
    {
        if (unmanaged == m_unmanaged)
            return;
        m_unmanaged = unmanaged;
        emit stateChanged(state(), reason());
    }
    bool unmanaged() const { return m_unmanaged; }
    /// While Rented: price × GPUs, net of the platform fee when it is known; 0 otherwise.
    Micro earningPerHourMicro() const;
    bool feeKnown() const { return m_feePpm.has_value(); }
    std::optional<qint64> feePpm() const { return m_feePpm; }
    int offeredGpus() const { return m_offeredGpus; }

    /// Earnings: fetched now, then every refreshIntervalMs while lending.
    void refreshEarnings();
    void setRefreshInterval(int ms) { m_refresh.setInterval(ms); }
    const Earnings &earnings() const { return m_earnings; }
    Micro earnedToday() const;
    Micro earnedThisMonth() const;
    /// This month's `earning` ledger entries (refreshed with the earnings), oldest first.
    const QList<protocol::LedgerEntry> &ledger() const { return m_ledger; }
    /// UTC today, as the market counts days.
    QDate today() const { return now().toUTC().date(); }

    void requestPricing(const QString &gpuModel);
    std::optional<PricingSuggestion> pricing() const { return m_pricing; }
    /// GPUs this machine offers (0: CPU-only, rented whole); attachEngine keeps it current.
    void setOfferedGpus(int gpus)
    {
        m_offeredGpus = gpus;
        emit rateChanged();
    }
    /// Expected per day for the offered GPUs at the listing price and the suggestion's
    /// rented share.
    EarningsEstimate estimate(double lendHoursPerDay, double powerW, Micro pricePerKwhMicro) const;

    void setNotEarningHours(int hours);
    /// From the self-test's GPU checks (or the engine): GPUs on the machine, GPUs that pass.
    void setGpuVisibility(int machineGpus, int containerGpus, const QString &detail = {});
    QList<Alarm> alarms() const { return m_alarms; }
    QString gpuVisibilityDetail() const { return m_gpuDetail; }
    /// Recomputes the alarms (also on every state change and earnings refresh).
    void checkAlarms();

signals:
    void stateChanged(suanli::host::LendingPolicy::State state,
                      suanli::host::LendingPolicy::Reason reason);
    void earningsChanged();
    void earningsFailed(const suanli::Error &error);
    void ledgerChanged();
    void pricingChanged(const suanli::contributor::PricingSuggestion &pricing);
    void pricingFailed(const suanli::Error &error);
    void alarmsChanged(const QList<suanli::contributor::ContributorController::Alarm> &alarms);
    /// The per-hour figure changed (rented GPUs, listing price).
    void rateChanged();

private:
    void refreshLedger();
    /// The market's reads with the lender's account token (GET /api/v1/earnings, /pricing,
    /// /ledger), answered as JSON objects; `not_signed_in` before a market and token are set.
    bool marketConfigured() const;
    void getJson(const QString &path, const QUrlQuery &query,
                 std::function<void(Result<QJsonObject>)> done);
    void onPolicyState(host::LendingPolicy::State state, host::LendingPolicy::Reason reason);
    QDateTime now() const { return m_clock->nowUtc(); }

    host::LendingPolicy *m_policy;
    client::MarketClient *m_market;
    const Clock *m_clock;
    QTimer m_refresh;
    QTimer m_alarmTimer;
    Earnings m_earnings;
    bool m_haveEarnings = false;
    QList<protocol::LedgerEntry> m_ledger;
    std::optional<PricingSuggestion> m_pricing;
    Micro m_price = 0;
    ListingPrices m_plans; ///< the plan prices (its `hour` unused: m_price)
    std::optional<qint64> m_feePpm;
    int m_rentedGpus = 0;
    bool m_unmanaged = false;
    int m_offeredGpus = 0;
    int m_notEarningHours = 24;
    QDateTime m_listedIdleSince; ///< listed, not rented, no new earnings since then
    int m_machineGpus = 0;
    int m_containerGpus = 0;
    QString m_gpuDetail;
    QList<Alarm> m_alarms;
};

} // namespace suanli::contributor
