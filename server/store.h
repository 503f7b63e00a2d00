#pragma once

#include "protocol/agentmessages.h"
#include "protocol/moneymessages.h"
#include "protocol/query.h"
#include "protocol/result.h"
#include "protocol/types.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>

namespace suanli::server {

using protocol::Account;
using protocol::Host;
using protocol::Instance;
using protocol::LedgerEntry;
using protocol::Offer;

/// Who a bearer token belongs to.
struct Principal
{
    enum class Kind { Account, Host };
    Kind kind = Kind::Account;
    qint64 accountId = 0;
    qint64 hostId = 0; ///< for host tokens
    qint64 tokenId = 0; ///< which key (DELETE /api/v1/tokens/{id} of its own closes its sockets)
    QStringList roles;
    bool hasRole(const QString &role) const { return roles.contains(role); }
};

struct OfferPage
{
    QList<Offer> offers;
    qint64 total = 0;
};

/// A command queued for an agent, not yet acknowledged.
struct PendingCommand
{
    QString id;
    qint64 hostId = 0;
    QByteArray payload; ///< the JSON of the CommandMessage
    qint64 lastSentAtMs = 0;
    int attempts = 0;
};

/// A relay sshd the market names (`serve --relay PUBLIC_HOST:PORT=HOST_KEY.pub`, docs/market.md).
struct RelayConfig
{
    QString host;    ///< public host name or address clients and agents connect to
    int port = 0;    ///< public port of the relay sshd
    QString hostKey; ///< "ssh-ed25519 AAAA…", the relay sshd's host key
    bool operator==(const RelayConfig &) const = default;
};

/// Market-wide settings from the command line.
struct MarketPolicy
{
    QString currency = QStringLiteral("CNY");
    qint64 platformFeePpm = 100'000; ///< 0.10
    qint64 retentionDays = 15;
    qint64 hostLostAfterS = 90;
    /// How long an interrupted instance keeps its GPUs before it is released; 0: until its
    /// host returns or its renter destroys it.
    qint64 interruptedReleaseAfterS = 24 * 3600;
    QList<RelayConfig> relays; ///< none: every host is reached directly
    int relayPortMin = 20000;  ///< the relay ports handed out (`serve --relay-ports MIN-MAX`)
    int relayPortMax = 29999;
    /// Who may make an account through the API (`--signup open|invite|closed`).
    QString signup = QStringLiteral("closed");
    /// Client addresses whose X-Forwarded-For is believed (`--trusted-proxy`, repeatable): the
    /// reverse proxies in front of the market. Others' header is ignored.
    QStringList trustedProxies;
    // ---- money in and out (issue 18, docs/market.md "Top-ups and payouts") ----
    qint64 payoutHoldDays = 7;       ///< earnings become withdrawable this long after
    qint64 topUpExpiryS = 24 * 3600; ///< a pending top-up order expires after this
    QByteArray paymentWebhookSecret; ///< --payment-webhook-secret-file; empty: no webhook
    qint64 webhookToleranceS = 300;  ///< how far a webhook's `t` may be from the clock
    // ---- end money ----
    /// Where agents push saved images (`--registry URL`, docs/market.md "Saved images"); empty:
    /// images stay on the host that saved them. With `--registry-credentials FILE` (one line
    /// `user:password`) the agents log in with these.
    QString registry;
    QString registryUsername;
    QString registryPassword;
};

/// Something that changed and that connected apps or agents should hear about.
struct Change
{
    /// PlanEnding: the instance's prepaid plan ends soon (docs/market.md, "Prepaid plans").
    enum class Kind
    {
        Instance,
        Balance,
        Command,
        BalanceWarning,
        PlanEnding
    };
    Kind kind = Kind::Instance;
    qint64 accountId = 0;   ///< whose app should hear (Instance, Balance, BalanceWarning)
    qint64 instanceId = 0;
    qint64 hostId = 0;      ///< which agent should hear (Command)
    /// BalanceWarning only: which threshold, the burn rate and the runway at that rate.
    QString threshold = {};
    Micro burnMicroPerHour = 0;
    qint64 runwayS = 0;
    /// PlanEnding only: what the next period costs.
    Micro renewalMicro = 0;
};

/// What lenders of one GPU model ask and how much of it is rented (GET /api/v1/pricing).
struct PriceSuggestion
{
    QString gpuModel;
    qint64 listed = 0;          ///< listed hosts with this model
    Micro medianPriceMicro = 0; ///< per GPU-hour (whole machine without GPUs); 0: none listed
    double rentedShare = 0;     ///< of the GPUs (machines) of online listed hosts, rented now
};

/// One line of an instance's history (GET /api/v1/instances/{id}/events).
struct InstanceHistoryEntry
{
    qint64 atMs = 0;
    QString state;
    QString reason;
};

/// What the idle guard needs to know about an instance, cached by the market.
struct IdleGuard
{
    qint64 stopAfterS = 0;  ///< 0: off
    double belowPct = 5.0;
    int gpuCount = 0;
    bool running = false;
};

/// Whether an image ref names a renter's saved image (`…/suanli-images/img-<id>:…`), which only
/// its owner may launch (Store::imageForLaunch).
bool isSavedImageRef(const QString &ref);

/// The market's persistent state and every transaction on it. One interface, implemented over
/// Qt SQL for SQLite and PostgreSQL (sqlstore.h). Each method is one database transaction:
/// either everything it says happens, or nothing does. Money moves only through the
/// append-only ledger, each entry under a unique idempotency key.
class Store
{
public:
    virtual ~Store() = default;

    /// The market-wide settings the store was opened with.
    virtual const MarketPolicy &policy() const = 0;
    /// Changes whenever an offer may have changed: through this store, or (noteOffersChanged)
    /// through another market process. Cached searches are valid while it stays the same.
    virtual quint64 offersVersion() const = 0;
    virtual void noteOffersChanged() = 0;

    // ---- accounts, tokens, money ------------------------------------------------------
    virtual Result<qint64> createAccount(const QString &name, const QStringList &roles) = 0;
    virtual Result<Account> account(qint64 id) = 0;
    /// By numeric id or by name.
    virtual Result<qint64> findAccount(const QString &idOrName) = 0;
    /// Stores the SHA-256 of a token. hostId = 0 for account tokens.
    virtual Result<void> addToken(const QByteArray &sha256, qint64 accountId, qint64 hostId) = 0;
    /// Credit (or, negative, debit) under a key; a key seen before changes nothing and
    /// returns the balance as it is. Returns the balance after.
    virtual Result<Micro> credit(qint64 accountId, Micro amount, const QString &kind,
                                 const QString &key, const QString &description) = 0;
    /// An admin top-up under the operator's key, scoped to the account (ledger key
    /// `topup:<account id>:<key>`, docs/market.md "The ledger and its idempotency keys"): the
    /// same key on two accounts credits each, twice on one account credits once.
    virtual Result<Micro> topUp(qint64 accountId, Micro amount, const QString &key) = 0;
    /// The accounts of top-up entries with id > afterId, and the newest such id (afterId
    /// when there is none): how every market process learns of an admin command's top-up.
    virtual Result<QPair<qint64, QList<qint64>>> topUpsAfter(qint64 afterId) = 0;
    /// The id of the newest top-up entry (0 when there is none): where a process starts.
    virtual Result<qint64> lastTopUpEntry() = 0;
    virtual Result<void> createVoucher(const QString &code, Micro amount) = 0;
    /// Error "voucher_not_found" or "voucher_redeemed". Returns the new balance.
    virtual Result<Micro> redeemVoucher(qint64 accountId, const QString &code) = 0;
    /// Entries with id > afterId and at >= sinceMs, oldest first, at most `limit`.
    virtual Result<QList<LedgerEntry>> ledger(qint64 accountId, qint64 afterId, qint64 sinceMs,
                                              int limit) = 0;
    struct EarningsDay { QString day; Micro earned = 0; };
    struct EarningsHost { qint64 hostId = 0; QString name; Micro earned = 0; };
    virtual Result<QList<EarningsDay>> earningsByDay(qint64 accountId) = 0;
    virtual Result<QList<EarningsHost>> earningsByHost(qint64 accountId) = 0;

    // ---- sign-up, sign-in and keys (sqlstore_accounts.cpp, docs/market.md "Accounts and keys")
    /// One named key of an account, as GET /api/v1/tokens lists it (times: market ms, 0 none).
    struct TokenRow
    {
        qint64 id = 0;
        QString label;
        QString prefix;
        qint64 createdMs = 0;
        qint64 lastUsedMs = 0;
        qint64 expiresMs = 0;
    };
    /// An account made by its owner: name, roles, the password's hash; with an invite code it
    /// is consumed in the same transaction (error "invalid_invite" when unknown or used).
    /// Error "account_exists".
    virtual Result<qint64> signUp(const QString &name, const QStringList &roles,
                                  const QString &passwordHash, const QString &invite,
                                  qint64 nowMs) = 0;
    virtual Result<void> createInvite(const QString &code, qint64 nowMs) = 0;
    /// The account's id and password hash by name (hash empty: no password set); not_found.
    virtual Result<QPair<qint64, QString>> passwordByName(const QString &name) = 0;
    virtual Result<QString> passwordHash(qint64 accountId) = 0;
    /// Sets the password's hash and revokes every other key of the account (its host agents'
    /// keys stay). Returns the revoked key ids.
    virtual Result<QList<qint64>> setPassword(qint64 accountId, const QString &passwordHash,
                                              qint64 keepTokenId, qint64 nowMs) = 0;
    /// A named account key (hash of the token, its first characters); expiresMs 0: never.
    /// Returns its id.
    virtual Result<qint64> addAccountToken(const QByteArray &sha256, qint64 accountId,
                                           const QString &label, const QString &prefix,
                                           qint64 expiresMs, qint64 nowMs) = 0;
    /// The account's live keys (not revoked, not expired), newest first; host keys excluded.
    virtual Result<QList<TokenRow>> accountTokens(qint64 accountId, qint64 nowMs) = 0;
    /// Revokes one of the account's keys; not_found unless it is one of its live account keys.
    virtual Result<void> revokeToken(qint64 accountId, qint64 tokenId, qint64 nowMs) = 0;
    /// Which of these keys are revoked or expired by now (the sockets of such keys close).
    virtual Result<QList<qint64>> deadTokens(const QList<qint64> &tokenIds, qint64 nowMs) = 0;
    /// The principal of a live key at nowMs (not revoked, not expired); records its last use
    /// when the one recorded is older than kLastUsedEveryMs (one write a minute per key, not
    /// one per request).
    virtual Result<Principal> principalAt(const QByteArray &sha256, qint64 nowMs) = 0;
    static constexpr qint64 kLastUsedEveryMs = 60'000;
    /// Failed attempts per scope ("name:…", "addr:…", "signup:…") since sinceMs, with the
    /// oldest one's time (0 when none).
    virtual Result<QPair<int, qint64>> attempts(const QString &scope, qint64 sinceMs) = 0;
    /// Records an attempt in each scope and forgets those older than forgetBeforeMs.
    virtual Result<void> addAttempts(const QStringList &scopes, qint64 nowMs,
                                     qint64 forgetBeforeMs) = 0;
    virtual Result<void> clearAttempts(const QString &scope) = 0;

    // ---- idempotent requests ----------------------------------------------------------
    struct StoredResponse { int status = 0; QByteArray body; };
    virtual Result<std::optional<StoredResponse>> storedResponse(qint64 accountId,
                                                                 const QString &key) = 0;

    // ---- hosts and offers -------------------------------------------------------------
    /// A new host, registered at `nowMs` (the verification rule counts from it).
    virtual Result<Host> createHost(qint64 ownerId, const QString &name, qint64 nowMs) = 0;
    virtual Result<Host> host(qint64 hostId) = 0;
    virtual Result<QList<Host>> hosts(qint64 ownerId) = 0;
    virtual Result<Host> updateListing(qint64 hostId, const protocol::HostListing &listing) = 0;
    /// Records the agent's hello, marks the host online and refreshes its offer.
    virtual Result<void> hostHello(qint64 hostId, const protocol::HelloMessage &hello,
                                   qint64 nowMs) = 0;
    /// Batched liveness: host id → last message time.
    virtual Result<void> touchHosts(const QHash<qint64, qint64> &lastSeenMs) = 0;
    /// Batched heartbeats: host id → market time of its last live `usage` message, the moment
    /// up to which the market knows the host ran its instances (never moved back).
    virtual Result<void> confirmHosts(const QHash<qint64, qint64> &confirmedMs) = 0;
    /// The host's last confirmation as written (0: none).
    virtual Result<qint64> hostConfirmedAt(qint64 hostId) = 0;
    /// Online hosts whose last message is older than `cutoffMs`, with that message's time
    /// (last_seen as written).
    virtual Result<QHash<qint64, qint64>> silentHosts(qint64 cutoffMs) = 0;
    /// Hosts declared lost that spoke after `sinceMs`: their agent is still connected
    /// somewhere (the market stalled, or its last_seen lagged), on a connection that never
    /// said hello again.
    virtual Result<QList<qint64>> lostHostsSpeaking(qint64 sinceMs) = 0;
    /// Contributor mode: the agent withdraws (or offers again) its host while the owner is
    /// active; a paused host's offer is not available.
    virtual Result<void> setHostAvailability(qint64 hostId, bool available,
                                             const QString &reason) = 0;
    /// The agent's speed test (docs/market.md, "Measured speeds"): replaces the host's
    /// measurements (a value absent in `m` becomes NULL), stamps them `nowMs`, applies the
    /// verification rule and rewrites the offer. "invalid_value" for a value out of range.
    virtual Result<void> recordMeasurement(qint64 hostId, const protocol::MeasurementMessage &m,
                                           qint64 nowMs) = 0;
    /// Applies the verification rule (docs/market.md, "Verified hosts") at `nowMs` to every
    /// host without an operator's verdict; returns the hosts whose `verified` changed.
    virtual Result<QList<qint64>> reverifyHosts(qint64 nowMs) = 0;
    virtual Result<PriceSuggestion> priceSuggestion(const QString &gpuModel) = 0;
    /// Marks the host offline, interrupts its running instances with billing ending at its
    /// last message. Returns the changes.
    virtual Result<QList<Change>> declareHostLost(qint64 hostId) = 0;
    /// Interrupted instances whose `release_at` has come (`--interrupted-release-after`):
    /// their GPUs go back to the offer, they become `destroyed` (`interruption_expired`) and
    /// their agent is told to destroy them when it returns. Returns the changes.
    virtual Result<QList<Change>> releaseInterrupted(qint64 nowMs) = 0;
    virtual Result<OfferPage> searchOffers(const protocol::query::Query &query,
                                           const QList<protocol::query::OrderKey> &order,
                                           int limit, int offset) = 0;
    virtual Result<QList<protocol::Image>> images() = 0;

    // ---- instances --------------------------------------------------------------------
    /// Reserves GPUs atomically (exactly one of several racing creates for the last GPU wins;
    /// the others get "gpus_unavailable"), inserts the instance and the agent's create command,
    /// and stores the 201 response under the idempotency key, all in one transaction.
    virtual Result<Instance> createInstance(qint64 accountId,
                                            const protocol::CreateInstanceRequest &request,
                                            const QString &idempotencyKey,
                                            const std::function<QByteArray(const Instance &)> &
                                                responseBody,
                                            qint64 nowMs) = 0;
    virtual Result<Instance> instance(qint64 instanceId) = 0;
    virtual Result<QList<Instance>> instances(qint64 accountId) = 0;
    virtual Result<qint64> instanceOwner(qint64 instanceId) = 0;
    /// Renter asks: stop / start / destroy. Queues the agent command. Errors:
    /// "invalid_state", "gpus_unavailable". A start with gpuCount 0 starts a stopped GPU
    /// instance without a GPU (docs/market.md, "Starting without a GPU"; "no_gpu_not_offered",
    /// "invalid_value"); none or its own count starts it with its GPUs.
    virtual Result<Instance> requestStop(qint64 instanceId, const QString &reason, qint64 nowMs) = 0;
    virtual Result<Instance> requestStart(qint64 instanceId, qint64 nowMs,
                                          std::optional<int> gpuCount = std::nullopt) = 0;
    virtual Result<Instance> requestDestroy(qint64 instanceId, const QString &reason,
                                            qint64 nowMs) = 0;
    /// Applies an agent's state report (ignored when its seq is not newer). Starts or ends
    /// billing periods on the market clock. Error "forbidden" if the instance is another host's.
    /// A report's `at` ends a running period at the agent's time of the transition, kept
    /// within [the later of the period's start and `confirmedMs`, `nowMs`]: `confirmedMs` is
    /// the last moment this market had word from the host that it still ran its instances
    /// (docs/market.md, "Billing as implemented").
    virtual Result<QList<Change>> applyInstanceState(qint64 hostId,
                                                     const protocol::InstanceStateMessage &report,
                                                     qint64 nowMs, qint64 confirmedMs) = 0;
    virtual Result<void> appendLogs(qint64 hostId, const protocol::LogMessage &logs,
                                    qint64 nowMs) = 0;

    // ---- clone and move (sqlstore_clone.cpp, docs/market.md "Clone and move") -------------
    /// A new instance on `request.offer_id` (the source's image, key, environment and guards,
    /// hourly) whose create command asks its agent for a copy of the source's /workspace. A
    /// stopped source is started without a GPU for the copy (with its own GPUs where it has
    /// none) and stopped again after it. Errors as createInstance's, and "invalid_state" (the
    /// source neither running nor stopped, being copied into, or already being moved),
    /// "no_gpu_not_offered" (stopped, and its host offers no start without a GPU). `changes`
    /// gets what the apps and agents must hear.
    virtual Result<Instance> cloneInstance(qint64 accountId, qint64 sourceId,
                                           const protocol::CloneInstanceRequest &request,
                                           qint64 nowMs, QList<Change> &changes) = 0;
    /// The target agent's copy report. "key": the source's agent is asked to authorize the
    /// one-time key and the target's to copy (once the source runs); "done": the key revoked,
    /// a move's source destroyed, a source started for the copy stopped again; "failed": the
    /// key revoked, the source left as it is. Error "forbidden" if the instance is another
    /// host's or no clone; reports after the copy ended change nothing.
    virtual Result<QList<Change>>
    applyCopyProgress(qint64 hostId, const protocol::CopyProgressMessage &report, qint64 nowMs) = 0;
    virtual Result<QStringList> logs(qint64 instanceId, int tail) = 0;

    // ---- agent commands ---------------------------------------------------------------
    virtual Result<QList<PendingCommand>> pendingCommands(qint64 hostId) = 0;
    virtual Result<void> markCommandSent(const QString &commandId, qint64 nowMs) = 0;
    /// Hosts with an unacknowledged command never sent or last sent before `sentBeforeMs`.
    virtual Result<QList<qint64>> hostsWithDueCommands(qint64 sentBeforeMs) = 0;
    virtual Result<void> ackCommand(qint64 hostId, const QString &commandId, qint64 nowMs) = 0;

    // ---- the NAT relay (sqlstore_relay.cpp, docs/market.md "Relay") ----------------------
    /// Records the policy's relays (keyed by public host and port; a new host key replaces the
    /// old one). Hosts are assigned only relays registered by this store.
    virtual Result<void> registerRelays() = 0;
    /// Whether another host already uses this relay key ("ssh-ed25519 BASE64").
    virtual Result<bool> relayKeyInUse(qint64 hostId, const QString &relayPublicKey) = 0;
    /// Stores what the agent asked for (hello.network), the market's verdict ("direct" or
    /// "relay") and its relay key. A relayed host keeps its relay while that is registered,
    /// else gets the one with the fewest relayed hosts; its live instances without a relay port
    /// get one. A direct host's relay ports are withdrawn. Error "relay_key_in_use".
    virtual Result<void> setHostNetwork(qint64 hostId, const QString &requested,
                                        const QString &verdict, const QString &relayPublicKey) = 0;
    /// The relay message for a relayed host (its relay and every live port); nullopt for a
    /// direct host.
    virtual Result<std::optional<protocol::RelayMessage>> relayMessage(qint64 hostId) = 0;

    // ---- billing ----------------------------------------------------------------------
    /// Charges every running and stopped instance up to `nowMs` (GPU time, storage),
    /// credits lenders net of the fee, stops instances of accounts at or below zero, and
    /// releases stopped instances past retention. Returns the changes.
    virtual Result<QList<Change>> accrueAll(qint64 nowMs) = 0;

    // ---- cost guard (sqlstore_guards.cpp) ---------------------------------------------
    /// Changes an instance's guards; not_found unless it is the account's.
    virtual Result<Instance> updateGuards(qint64 accountId, qint64 instanceId,
                                          const protocol::InstanceGuardsPatch &patch) = 0;
    virtual Result<Account> setLowBalance(qint64 accountId, Micro threshold) = 0;
    virtual Result<IdleGuard> idleGuard(qint64 instanceId) = 0;
    /// Records when an instance became idle (0: busy again); the billing run stops it once it
    /// stayed idle for its idle_stop_s.
    virtual Result<void> setIdleSince(qint64 instanceId, qint64 sinceMs) = 0;
    virtual Result<QList<InstanceHistoryEntry>> instanceHistory(qint64 instanceId) = 0;

    // ---- telemetry --------------------------------------------------------------------
    virtual Result<void> insertTelemetry(const QList<protocol::TelemetrySample> &samples) = 0;
    /// Rolls 1 Hz samples older than an hour into 1-minute min/max/mean buckets and drops
    /// everything older than 24 h.
    virtual Result<void> compactTelemetry(qint64 nowMs) = 0;
    /// History since `sinceMs`: raw samples and minute buckets as JSON objects, oldest first.
    virtual Result<QList<QJsonObject>> telemetryHistory(qint64 instanceId, qint64 sinceMs) = 0;

    // ---- metrics ----------------------------------------------------------------------
    virtual Result<QHash<QString, qint64>> instanceCountsByState() = 0;
    virtual Result<QHash<QString, Micro>> ledgerTotalsByKind() = 0;

    // ---- saved images (sqlstore_images.cpp, docs/market.md "Saved images") ----------------
    /// Records an image of the renter's instance (running or stopped, else "invalid_state";
    /// not the renter's: "not_found") as `saving` and queues the agent's save_image command.
    virtual Result<protocol::OwnImage> saveImage(qint64 accountId, qint64 instanceId,
                                                 const QString &name, qint64 nowMs) = 0;
    /// The renter's images that are not deleted, newest first.
    virtual Result<QList<protocol::OwnImage>> ownImages(qint64 accountId) = 0;
    /// Ends the image's storage billing at nowMs (posting what is owed up to then), marks it
    /// deleted and queues the agent's delete_image. Returns the host told (0: none).
    /// "not_found" unless it is the account's and not deleted.
    virtual Result<qint64> deleteImage(qint64 accountId, qint64 imageId, qint64 nowMs) = 0;
    /// An agent's image_state: ready (size, storage billing starts), failed, deleted. Error
    /// "forbidden" when the image is not this host's.
    virtual Result<QList<Change>>
    applyImageState(qint64 hostId, const protocol::ImageStateMessage &report, qint64 nowMs) = 0;
    /// Whether `accountId` may launch `ref` on `hostId`: nothing to say for a host image
    /// (nullopt), else the saved image (error "image_not_found" for another's or a deleted
    /// one, "image_not_ready", "image_on_other_host" naming the host that holds it).
    virtual Result<std::optional<protocol::OwnImage>>
    imageForLaunch(qint64 accountId, const QString &ref, qint64 hostId) = 0;
    /// Bills every stored image up to nowMs (storage at its price, lender net of the fee).
    virtual Result<QList<Change>> accrueImages(qint64 nowMs) = 0;

    // ---- money in and out: top-up orders and payouts (sqlstore_money.cpp, issue 18) -------
    // docs/market.md "Top-ups and payouts" has the states, ledger kinds and keys of each step.
    /// A pending order with a fresh reference, expiring after policy().topUpExpiryS; with an
    /// idempotency key, the 201 body is stored with it (a retry gets the same order). Error
    /// "too_many_pending_topups".
    virtual Result<protocol::TopUpOrder>
    createTopUpOrder(qint64 accountId, Micro amount, const QString &idempotencyKey,
                     const std::function<QByteArray(const protocol::TopUpOrder &)> &responseBody,
                     qint64 nowMs) = 0;
    /// Orders, newest first: the account's (accountId > 0) or everyone's, optionally of one
    /// state. Pending orders past their expiry become `expired` first.
    virtual Result<QList<protocol::TopUpOrder>> topUpOrders(qint64 accountId, const QString &state,
                                                            qint64 nowMs) = 0;
    virtual Result<qint64> topUpOrderOwner(qint64 orderId) = 0;
    struct TopUpConfirmation
    {
        protocol::TopUpOrder order;
        qint64 accountId = 0;
        bool credited = false; ///< false: it was paid before, nothing changed
    };
    /// The operator confirms an order (pending or expired: the operator saw the money arrive).
    /// A paid order changes nothing. Error "topup_not_found".
    virtual Result<TopUpConfirmation> confirmTopUpOrder(qint64 orderId, qint64 nowMs) = 0;
    /// A verified payment webhook, in one transaction with the record of its signature (a
    /// signature seen before: "webhook_replayed"). Errors "topup_not_found", "amount_mismatch",
    /// "topup_expired", "topup_already_paid" (by another provider payment); on any error
    /// nothing is written, the signature included.
    virtual Result<TopUpConfirmation> applyPaymentWebhook(const QString &signature,
                                                          const protocol::PaymentWebhook &body,
                                                          qint64 nowMs) = 0;
    virtual Result<protocol::PayoutSummary> payoutSummary(qint64 accountId, qint64 nowMs) = 0;
    /// Holds the amount (ledger) and records the request, never beyond what is withdrawable,
    /// also against concurrent requests on other processes (the account row is locked first).
    /// Error "exceeds_withdrawable".
    virtual Result<protocol::Payout> requestPayout(
        qint64 accountId, const protocol::PayoutRequest &request, const QString &idempotencyKey,
        const std::function<QByteArray(const protocol::Payout &)> &responseBody, qint64 nowMs) = 0;
    /// Payouts, newest first: the account's (accountId > 0) or everyone's, optionally of one state.
    virtual Result<QList<protocol::Payout>> payouts(qint64 accountId, const QString &state) = 0;
    /// The operator's steps. Repeating a step that is done changes nothing; a step the state
    /// does not allow is "invalid_state"; no such payout "payout_not_found".
    virtual Result<protocol::Payout> approvePayout(qint64 payoutId, qint64 nowMs) = 0;
    virtual Result<protocol::Payout> rejectPayout(qint64 payoutId, const QString &reason,
                                                  qint64 nowMs) = 0;
    virtual Result<protocol::Payout> markPayoutPaid(qint64 payoutId, const QString &reference,
                                                    qint64 nowMs) = 0;
    /// Ledger entries of top-up orders and payout steps with id > afterId (the owner's side),
    /// and the newest such id: how every process learns of a change made elsewhere.
    struct MoneyEntry
    {
        qint64 ledgerId = 0;
        qint64 accountId = 0;
        QString kind;
        QString key;
    };
    virtual Result<QPair<qint64, QList<MoneyEntry>>> moneyEntriesAfter(qint64 afterId) = 0;
    virtual Result<qint64> lastMoneyEntry() = 0;
    // ---- end money ----
};

} // namespace suanli::server
