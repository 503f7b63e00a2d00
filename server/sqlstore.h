#pragma once

#include "database.h"
#include "store.h"

#include <QSet>

#include <functional>
#include <memory>

namespace suanli::server {

/// The Store over Qt SQL. The statements are portable between SQLite and PostgreSQL; the few
/// differences live in Database (placeholders, transactions, id columns) and in the two
/// subclasses below. Not thread-safe: one per thread, like its connection.
class SqlStore : public Store
{
public:
    SqlStore(std::unique_ptr<Database> db, MarketPolicy policy);
    ~SqlStore() override;

    /// Opens `url` ("sqlite:PATH" or "postgresql://…"), applies migrations, returns the store
    /// of the matching back end.
    static Result<std::unique_ptr<SqlStore>> open(const QString &url, const MarketPolicy &policy,
                                                  const QString &connectionName);

    Database &database() { return *m_db; }
    const MarketPolicy &policy() const override { return m_policy; }

    Result<qint64> createAccount(const QString &name, const QStringList &roles) override;
    Result<Account> account(qint64 id) override;
    Result<qint64> findAccount(const QString &idOrName) override;
    Result<void> addToken(const QByteArray &sha256, qint64 accountId, qint64 hostId) override;
    Result<qint64> signUp(const QString &name, const QStringList &roles,
                          const QString &passwordHash, const QString &invite,
                          qint64 nowMs) override;
    Result<void> createInvite(const QString &code, qint64 nowMs) override;
    Result<QPair<qint64, QString>> passwordByName(const QString &name) override;
    Result<QString> passwordHash(qint64 accountId) override;
    Result<QList<qint64>> setPassword(qint64 accountId, const QString &passwordHash,
                                      qint64 keepTokenId, qint64 nowMs) override;
    Result<qint64> addAccountToken(const QByteArray &sha256, qint64 accountId, const QString &label,
                                   const QString &prefix, qint64 expiresMs, qint64 nowMs) override;
    Result<QList<TokenRow>> accountTokens(qint64 accountId, qint64 nowMs) override;
    Result<void> revokeToken(qint64 accountId, qint64 tokenId, qint64 nowMs) override;
    Result<QList<qint64>> deadTokens(const QList<qint64> &tokenIds, qint64 nowMs) override;
    Result<Principal> principalAt(const QByteArray &sha256, qint64 nowMs) override;
    Result<QPair<int, qint64>> attempts(const QString &scope, qint64 sinceMs) override;
    Result<void> addAttempts(const QStringList &scopes, qint64 nowMs,
                             qint64 forgetBeforeMs) override;
    Result<void> clearAttempts(const QString &scope) override;
    Result<Micro> credit(qint64 accountId, Micro amount, const QString &kind, const QString &key,
                         const QString &description) override;
    Result<void> createVoucher(const QString &code, Micro amount) override;
    Result<Micro> redeemVoucher(qint64 accountId, const QString &code) override;
    Result<Micro> topUp(qint64 accountId, Micro amount, const QString &key) override;
    Result<QPair<qint64, QList<qint64>>> topUpsAfter(qint64 afterId) override;
    Result<qint64> lastTopUpEntry() override;
    Result<QList<LedgerEntry>> ledger(qint64 accountId, qint64 afterId, qint64 sinceMs,
                                      int limit) override;
    Result<QList<EarningsDay>> earningsByDay(qint64 accountId) override;
    Result<QList<EarningsHost>> earningsByHost(qint64 accountId) override;
    Result<std::optional<StoredResponse>> storedResponse(qint64 accountId,
                                                         const QString &key) override;

    Result<Host> createHost(qint64 ownerId, const QString &name, qint64 nowMs) override;
    Result<Host> host(qint64 hostId) override;
    Result<QList<Host>> hosts(qint64 ownerId) override;
    Result<Host> updateListing(qint64 hostId, const protocol::HostListing &listing) override;
    /// The operator's verdict on a host (`admin verify-host` / `unverify-host`; docs/market.md,
    /// "Verified hosts"): the host and its offer say `verified` from now on, whatever the rule
    /// says; nullopt (`admin auto-verify-host`) hands the host back to the rule, judged at
    /// `nowMs`.
    Result<Host> setHostVerified(qint64 hostId, std::optional<bool> verified, qint64 nowMs);
    Result<void> recordMeasurement(qint64 hostId, const protocol::MeasurementMessage &m,
                                   qint64 nowMs) override;
    Result<QList<qint64>> reverifyHosts(qint64 nowMs) override;
    Result<void> hostHello(qint64 hostId, const protocol::HelloMessage &hello,
                           qint64 nowMs) override;
    Result<void> touchHosts(const QHash<qint64, qint64> &lastSeenMs) override;
    Result<void> confirmHosts(const QHash<qint64, qint64> &confirmedMs) override;
    Result<qint64> hostConfirmedAt(qint64 hostId) override;
    Result<QHash<qint64, qint64>> silentHosts(qint64 cutoffMs) override;
    Result<QList<qint64>> lostHostsSpeaking(qint64 sinceMs) override;
    Result<void> setHostAvailability(qint64 hostId, bool available, const QString &reason) override;
    Result<PriceSuggestion> priceSuggestion(const QString &gpuModel) override;
    Result<QList<Change>> declareHostLost(qint64 hostId) override;
    Result<QList<Change>> releaseInterrupted(qint64 nowMs) override;
    Result<OfferPage> searchOffers(const protocol::query::Query &query,
                                   const QList<protocol::query::OrderKey> &order, int limit,
                                   int offset) override;
    Result<QList<protocol::Image>> images() override;

    Result<Instance> createInstance(qint64 accountId,
                                    const protocol::CreateInstanceRequest &request,
                                    const QString &idempotencyKey,
                                    const std::function<QByteArray(const Instance &)> &responseBody,
                                    qint64 nowMs) override;
    Result<Instance> instance(qint64 instanceId) override;
    Result<QList<Instance>> instances(qint64 accountId) override;
    Result<qint64> instanceOwner(qint64 instanceId) override;
    Result<Instance> requestStop(qint64 instanceId, const QString &reason, qint64 nowMs) override;
    Result<Instance> requestStart(qint64 instanceId, qint64 nowMs,
                                  std::optional<int> gpuCount = std::nullopt) override;
    Result<Instance> requestDestroy(qint64 instanceId, const QString &reason,
                                    qint64 nowMs) override;

    Result<void> registerRelays() override;
    Result<bool> relayKeyInUse(qint64 hostId, const QString &relayPublicKey) override;
    Result<void> setHostNetwork(qint64 hostId, const QString &requested, const QString &verdict,
                                const QString &relayPublicKey) override;
    Result<std::optional<protocol::RelayMessage>> relayMessage(qint64 hostId) override;
    Result<QList<Change>> applyInstanceState(qint64 hostId,
                                             const protocol::InstanceStateMessage &report,
                                             qint64 nowMs, qint64 confirmedMs) override;
    Result<void> appendLogs(qint64 hostId, const protocol::LogMessage &logs,
                            qint64 nowMs) override;
    Result<Instance> cloneInstance(qint64 accountId, qint64 sourceId,
                                   const protocol::CloneInstanceRequest &request, qint64 nowMs,
                                   QList<Change> &changes) override;
    Result<QList<Change>> applyCopyProgress(qint64 hostId,
                                            const protocol::CopyProgressMessage &report,
                                            qint64 nowMs) override;
    Result<QStringList> logs(qint64 instanceId, int tail) override;

    Result<QList<PendingCommand>> pendingCommands(qint64 hostId) override;
    Result<void> markCommandSent(const QString &commandId, qint64 nowMs) override;
    Result<QList<qint64>> hostsWithDueCommands(qint64 sentBeforeMs) override;

    quint64 offersVersion() const override { return m_offersVersion; }
    void noteOffersChanged() override { ++m_offersVersion; }
    Result<void> ackCommand(qint64 hostId, const QString &commandId, qint64 nowMs) override;

    Result<Instance> updateGuards(qint64 accountId, qint64 instanceId,
                                  const protocol::InstanceGuardsPatch &patch) override;
    Result<Account> setLowBalance(qint64 accountId, Micro threshold) override;
    Result<IdleGuard> idleGuard(qint64 instanceId) override;
    Result<void> setIdleSince(qint64 instanceId, qint64 sinceMs) override;
    Result<QList<InstanceHistoryEntry>> instanceHistory(qint64 instanceId) override;
    /// The whole billing run at once, on the calling thread (tests, tools).
    Result<QList<Change>> accrueAll(qint64 nowMs) override;

    /// A billing run in steps, so that a worker can leave the write lock to others between
    /// batches: beginBilling, billNextBatch until done(), finishBilling.
    struct BillingRun
    {
        qint64 nowMs = 0;
        QList<qint64> ids;      ///< instances to bill, by id
        qsizetype next = 0;     ///< index of the next one
        QSet<qint64> exhausted; ///< accounts charged in this run
        bool done() const { return next >= ids.size(); }
    };
    static constexpr qsizetype kBillingBatch = 100;
    Result<BillingRun> beginBilling(qint64 nowMs);
    /// Bills the next batch (at most kBillingBatch instances, and when budgetMs > 0 no more
    /// than fit in it) in one transaction.
    Result<QList<Change>> billNextBatch(BillingRun &run, qint64 budgetMs);
    /// Low-balance warnings and stops at balance ≤ 0 for the accounts the run charged.
    Result<QList<Change>> finishBilling(BillingRun &run);

    Result<void> insertTelemetry(const QList<protocol::TelemetrySample> &samples) override;
    Result<void> compactTelemetry(qint64 nowMs) override { return rollUpTelemetry(nowMs, {}); }
    /// The roll-up in short transactions; betweenChunks runs between two of them (the billing
    /// worker pauses there, so the event loop's writers get SQLite's write lock).
    Result<void> rollUpTelemetry(qint64 nowMs, const std::function<void()> &betweenChunks);
    Result<QList<QJsonObject>> telemetryHistory(qint64 instanceId, qint64 sinceMs) override;

    Result<QHash<QString, qint64>> instanceCountsByState() override;
    Result<QHash<QString, Micro>> ledgerTotalsByKind() override;

    // ---- money in and out (sqlstore_money.cpp, issue 18) ----
    Result<protocol::TopUpOrder>
    createTopUpOrder(qint64 accountId, Micro amount, const QString &idempotencyKey,
                     const std::function<QByteArray(const protocol::TopUpOrder &)> &responseBody,
                     qint64 nowMs) override;
    Result<QList<protocol::TopUpOrder>> topUpOrders(qint64 accountId, const QString &state,
                                                    qint64 nowMs) override;
    Result<qint64> topUpOrderOwner(qint64 orderId) override;
    Result<TopUpConfirmation> confirmTopUpOrder(qint64 orderId, qint64 nowMs) override;
    Result<TopUpConfirmation> applyPaymentWebhook(const QString &signature,
                                                  const protocol::PaymentWebhook &body,
                                                  qint64 nowMs) override;
    Result<protocol::PayoutSummary> payoutSummary(qint64 accountId, qint64 nowMs) override;
    Result<protocol::Payout>
    requestPayout(qint64 accountId, const protocol::PayoutRequest &request,
                  const QString &idempotencyKey,
                  const std::function<QByteArray(const protocol::Payout &)> &responseBody,
                  qint64 nowMs) override;
    Result<QList<protocol::Payout>> payouts(qint64 accountId, const QString &state) override;
    Result<protocol::Payout> approvePayout(qint64 payoutId, qint64 nowMs) override;
    Result<protocol::Payout> rejectPayout(qint64 payoutId, const QString &reason,
                                          qint64 nowMs) override;
    Result<protocol::Payout> markPayoutPaid(qint64 payoutId, const QString &reference,
                                            qint64 nowMs) override;
    Result<QPair<qint64, QList<MoneyEntry>>> moneyEntriesAfter(qint64 afterId) override;
    Result<qint64> lastMoneyEntry() override;
    // ---- end money ----

    // ---- saved images (sqlstore_images.cpp) ----
    Result<protocol::OwnImage> saveImage(qint64 accountId, qint64 instanceId, const QString &name,
                                         qint64 nowMs) override;
    Result<QList<protocol::OwnImage>> ownImages(qint64 accountId) override;
    Result<qint64> deleteImage(qint64 accountId, qint64 imageId, qint64 nowMs) override;
    Result<QList<Change>> applyImageState(qint64 hostId, const protocol::ImageStateMessage &report,
                                          qint64 nowMs) override;
    Result<std::optional<protocol::OwnImage>> imageForLaunch(qint64 accountId, const QString &ref,
                                                             qint64 hostId) override;
    Result<QList<Change>> accrueImages(qint64 nowMs) override;

    struct InstanceRow;
    struct ImageRow;

protected:
    /// In a transaction the row is locked until commit (PostgreSQL: FOR UPDATE). With
    /// skipLocked, a row another connection holds is not waited for: error code "locked".
    Result<InstanceRow> loadInstance(qint64 instanceId, bool skipLocked = false);
    Result<Micro> appendLedger(qint64 accountId, const QString &kind, Micro amount,
                               const QString &key, qint64 instanceId, const QString &description,
                               qint64 nowMs);
    Result<qint64> platformAccount();
    /// The platform account, its row locked first (PostgreSQL): the lock order every posting
    /// of charge, earning and fee keeps — instance row, platform account, then the others.
    Result<qint64> lockedPlatformAccount();
    // ---- money (sqlstore_money.cpp) ----
    /// The account that holds requested payouts until they are paid (role `payouts`).
    Result<qint64> payoutsAccount();
    Result<std::optional<protocol::Payout>> loadPayout(qint64 payoutId, bool lock);
    Result<std::optional<protocol::TopUpOrder>>
    loadTopUpOrder(const QString &where, const QVariant &value, qint64 *accountId);
    Result<Micro> withdrawable(qint64 accountId, qint64 nowMs, protocol::PayoutSummary *summary);
    Result<TopUpConfirmation> creditTopUpOrder(const protocol::TopUpOrder &order, qint64 accountId,
                                               const QString &by, const QString &providerId,
                                               qint64 nowMs);
    /// Moves the payout from one state to another in its row (nothing when it is not there).
    Result<void> setPayoutState(qint64 payoutId, const QString &state, const QString &column,
                                qint64 nowMs);
    qint64 m_payoutsAccount = 0;
    // ---- end money ----
    /// A relay port for an instance of a relayed host that has none (D2 in docs/market.md):
    /// the lowest free one of the policy's range; nothing for a direct host.
    Result<void> assignRelayPort(qint64 hostId, qint64 instanceId, qint64 nowMs);
    /// Withdraws the instance's relay port, if any.
    Result<void> withdrawRelayPort(qint64 instanceId);
    Result<void> queueCommand(qint64 hostId, qint64 instanceId, protocol::CommandAction action,
                              const QString &reason, qint64 nowMs,
                              const std::optional<protocol::ImageCommand> &image = std::nullopt);
    // ---- saved images (sqlstore_images.cpp) ----
    Result<std::optional<ImageRow>> loadImage(const QString &where, const QVariant &value,
                                              bool lock);
    /// Posts what the image owes up to untilMs (renter, lender or platform, fee).
    Result<void> settleImage(ImageRow &row, qint64 untilMs, QList<Change> &changes);
    Result<void> saveImageRow(const ImageRow &row);
    /// Posts one accrual (renter, lender, platform fee) moving a meter from `previous` to
    /// `target`; a negative difference posts corrections.
    Result<void> postAccrual(InstanceRow &row, const QString &kind, Micro target, Micro previous,
                             const QString &renterDescription, const QString &lenderDescription,
                             qint64 untilMs, QList<Change> &changes);
    /// Reserves GPUs (or the whole machine) on an offer; false when someone else was first.
    Result<bool> reserve(qint64 offerId, int gpuCount);
    Result<void> settleRunning(InstanceRow &row, qint64 untilMs, QList<Change> &changes);
    Result<void> settleStorage(InstanceRow &row, qint64 untilMs, QList<Change> &changes);
    /// Low-balance warnings for an account just charged (runway thresholds, own threshold).
    Result<void> checkLowBalance(qint64 accountId, QList<Change> &changes);
    /// A ledger line (amount 0) recording that a guard stopped an instance, and why.
    Result<void> recordGuardAction(InstanceRow &row, const QString &reason, qint64 nowMs);
    /// One instance's accrual, guards and retention inside accrueAll's batch.
    Result<void> accrueOne(qint64 id, qint64 nowMs, QList<Change> &changes, QSet<qint64> &charged);
    Result<void> releaseGpus(InstanceRow &row);
    Result<void> saveInstance(const InstanceRow &row);
    Result<void> recordEvent(qint64 instanceId, const QString &state, const QString &reason,
                             qint64 nowMs);
    Result<void> refreshOffer(qint64 hostId);
    /// The verification rule for one host at `nowMs` (sqlstore_verification.cpp): writes
    /// hosts.verified when it changes; true when it did (the offer then needs a refresh).
    Result<bool> applyVerificationRule(qint64 hostId, qint64 nowMs);
    Result<Host> readHost(qint64 hostId);
    Result<Instance> requestStopLocked(InstanceRow &row, const QString &reason, qint64 nowMs,
                                       QList<Change> &changes);
    // clone and move (sqlstore_clone.cpp)
    /// Inserts a prepared command (the copy's authorize_key, revoke_key and copy).
    Result<void> insertCommand(qint64 hostId, protocol::CommandMessage command, qint64 nowMs);
    /// Ends the copies `instanceId` takes part in that have not ended: as their target with
    /// `targetState` ("cancelled", "failed") and `targetWhy`, as their source "failed" with
    /// `sourceWhy`; revokes their keys, and stops a source the market started for the copy.
    Result<void> endCopiesOf(qint64 instanceId, const QString &targetState,
                             const QString &targetWhy, const QString &sourceWhy, qint64 nowMs,
                             QList<Change> &changes);
    /// Sends the copy command of clones of `sourceId` whose key is known, once it runs.
    Result<void> startWaitingCopies(qint64 sourceId, qint64 nowMs, QList<Change> &changes);

    // ---- prepaid plans and the minimum rental (sqlstore_plans.cpp) ----------------------
    /// Writes the plan columns (and spend) of an instance row.
    Result<void> savePlan(const InstanceRow &row);
    /// The three entries of a plan charge or refund (renter, lender, platform) under `key`.
    Result<void> postPlanEntries(InstanceRow &row, const QString &key, Micro renter, Micro lender,
                                 Micro fee, bool refund, const QString &description, qint64 atMs,
                                 QList<Change> &changes);
    /// Charges the plan's next period (`lease:<id>:plan:<k>`).
    Result<void> buyPlanPeriod(InstanceRow &row, qint64 atMs, QList<Change> &changes);
    /// At create: checks the plan against the offer and the balance, charges the first period.
    Result<void> setUpPlan(InstanceRow &row, const protocol::CreateInstanceRequest &request,
                           const Offer &offer, qint64 nowMs);
    /// An agent's report: starts the plan's clock at the first `running`, extends it after a
    /// lost host, refunds on destroyed or failed.
    Result<void> planOnReport(InstanceRow &row, protocol::InstanceState from,
                              protocol::InstanceState to, qint64 nowMs, QList<Change> &changes);
    /// Its host is lost: the plan's clock stops at the host's last message.
    Result<void> pausePlan(InstanceRow &row, qint64 untilMs);
    /// Refunds the unused part of the plan's current period (docs/market.md, "Prepaid plans").
    Result<void> refundPlan(InstanceRow &row, qint64 atMs, QList<Change> &changes);
    /// In the billing run: renews or ends a plan whose period is over, sends the notice before.
    Result<void> advancePlan(InstanceRow &row, qint64 nowMs, QList<Change> &changes);
    /// The renter destroys an hourly rental before the offer's min_duration_s of GPU time.
    Result<void> chargeMinimumRental(InstanceRow &row, const QString &reason, qint64 nowMs,
                                     QList<Change> &changes);

    /// Called before every write to the offers table.
    void noteOffersWritten();

    std::unique_ptr<Database> m_db;
    quint64 m_offersVersion = 0;
    MarketPolicy m_policy;
    qint64 m_platformAccount = 0;
    QList<qint64> m_relayIds; ///< the policy's relays, once registered
};

} // namespace suanli::server
