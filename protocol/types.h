#pragma once

#include "money.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

/// Wire types shared by the app, the market and the host agent (server/openapi.yaml for REST,
/// docs/protocol.md for the agent channel and the app events).
/// Field names in JSON are exactly the member names in snake_case, as server/openapi.yaml spells
/// them.
namespace suanli::protocol {

/// A rentable slice of a host, as listed in the catalog.
struct Offer
{
    qint64 id = 0;
    qint64 host_id = 0;
    QString host_name;
    QString gpu_model;        ///< "RTX 4090"; empty for a CPU-only host
    qint64 gpu_memory_mb = 0; ///< per GPU
    int gpus_total = 0;       ///< 0: CPU-only machine, price is for the whole machine
    int gpus_free = 0;
    int cpu_cores = 0;
    qint64 ram_mb = 0;
    qint64 disk_free_gb = 0;
    Micro price_gpu_hour_micro = 0;
    Micro price_storage_gb_month_micro = 0;
    int inet_down_mbps = 0;
    int inet_up_mbps = 0;
    double reliability = 0.0; ///< 0..1
    QString region;
    bool verified = false;
    bool interruptible = false;
    qint64 min_duration_s = 0;
    QString cuda_version; ///< empty when unknown / no GPU
    QString driver_version;
    std::optional<double> perf_tflops; ///< absent for unknown GPU models: no guesses
    // Prepaid plans (docs/market.md, "Prepaid plans"): per GPU (a machine without GPUs: the
    // whole machine) for a day, a week (7 days) or a month (30 days); null = not offered.
    std::optional<Micro> price_gpu_day_micro;
    std::optional<Micro> price_gpu_week_micro;
    std::optional<Micro> price_gpu_month_micro;
    /// Start without a GPU (docs/market.md, "Starting without a GPU"): per hour for a stopped
    /// GPU instance started with none; null = the host does not offer it.
    std::optional<Micro> price_nogpu_hour_micro;
    /// What each rented GPU brings (DESIGN §9.4): its share of the machine's cores and memory,
    /// applied as the instance's limits; null on a machine without GPUs, whose cpu_cores and
    /// ram_mb are then the instance's allowance, and when the agent did not say.
    std::optional<qint64> cpu_cores_per_gpu;
    std::optional<qint64> ram_mb_per_gpu;
    /// What the agent measured (docs/market.md, "Measured speeds"): download and upload to the
    /// market in Mbit/s, disk writes in MB/s (10^6 bytes), and when; null (an invalid time)
    /// until the host's first measurement, never 0. inet_down_mbps/inet_up_mbps stay what the
    /// host states.
    std::optional<qint64> net_down_mbps;
    std::optional<qint64> net_up_mbps;
    std::optional<qint64> disk_write_mbps;
    QDateTime measured_at;

    bool operator==(const Offer &) const = default;
};

enum class InstanceState
{
    Pending,
    Provisioning,
    Running,
    Stopping,
    Stopped,
    Starting,
    Destroying,
    Destroyed,
    Failed,
    Interrupted,
};

QString toString(InstanceState state);
std::optional<InstanceState> instanceStateFromString(const QString &text);
/// True where the instance lifecycle (docs/market.md) allows moving from `from` to `to`. A state to
/// itself is not a transition (false); callers treat a repeated report of the current state as a
/// no-op.
bool isAllowedTransition(InstanceState from, InstanceState to);
/// States in which GPUs are held and the GPU price accrues.
bool isBilledRunning(InstanceState state);

/// The relay an instance behind NAT is reached through: a stock OpenSSH sshd the market names.
/// Clients connect to it as `user` (ProxyJump / direct-tcpip) and pin `host_key` as they pin
/// the instance's own key.
struct SshJump
{
    QString host;
    int port = 0;
    QString user;
    QString host_key; ///< "ssh-ed25519 AAAA…", the relay sshd's host key
    bool operator==(const SshJump &) const = default;
};

struct SshEndpoint
{
    QString host; ///< with a jump: the target as the relay sees it (127.0.0.1)
    int port = 0;
    QString user;
    QString host_key;            ///< "ssh-ed25519 AAAA…", made by the agent, pinned by clients
    std::optional<SshJump> jump; ///< absent (null): connect directly
    bool operator==(const SshEndpoint &) const = default;
};

struct JupyterEndpoint
{
    int port = 0;
    QString token;
    bool operator==(const JupyterEndpoint &) const = default;
};

/// Where a copy of another instance's /workspace stands (POST /api/v1/instances/{id}/clone),
/// on the new instance (docs/market.md, "Clone and move"). `state`: "waiting" (for the new
/// instance to run and its agent's one-time key), "copying", "verifying" (the SHA-256 manifest
/// of the source tree), then "done", "failed" (`error` says why) or "cancelled".
struct CopyStatus
{
    QString state;
    qint64 source_id = 0;
    bool move = false; ///< the source is destroyed once the copy is verified
    qint64 bytes_done = 0;
    qint64 bytes_total = 0;
    qint64 files_done = 0;
    qint64 files_total = 0;
    QString error;
    bool operator==(const CopyStatus &) const = default;
};

struct Instance
{
    qint64 id = 0;
    QString label;
    InstanceState state = InstanceState::Pending;
    QString state_reason;
    qint64 host_id = 0;
    qint64 offer_id = 0;
    QString gpu_model;
    int gpu_count = 0;
    Micro price_gpu_hour_micro = 0;
    Micro price_storage_gb_month_micro = 0;
    QString image;
    qint64 disk_gb = 0;
    QDateTime created_at;
    QDateTime running_since; ///< invalid when not running
    QDateTime stopped_at;    ///< invalid unless stopped
    QDateTime release_at;    ///< invalid unless stopped: when the data is destroyed
    Micro spend_micro = 0;
    std::optional<SshEndpoint> ssh;
    std::optional<JupyterEndpoint> jupyter;
    Micro max_spend_micro = 0; ///< 0: no limit
    qint64 max_duration_s = 0; ///< 0: no limit
    /// Idle stop: stopped after this long with every GPU (a CPU-only machine: its CPU) below
    /// idle_below_pct and no SSH session open. 0: off.
    qint64 idle_stop_s = 0;
    double idle_below_pct = 5.0;
    /// Prepaid plan (docs/market.md, "Prepaid plans"): "hourly", "day", "week" or "month".
    QString plan = QStringLiteral("hourly");
    /// When the prepaid time ends (invalid until the plan's first `running`, and for hourly
    /// instances that never had a plan); past: the plan ended and GPU time is billed per second.
    QDateTime plan_ends_at;
    bool renew = false; ///< buy the next period at plan_ends_at when the balance allows
    /// Started without a GPU: gpu_count is then 0, it runs on the host's CPU share and is
    /// billed at price_nogpu_hour_micro (the host's at that start) until a normal start.
    bool no_gpu = false;
    std::optional<Micro> price_nogpu_hour_micro; ///< set while no_gpu
    /// A clone's copy of its source's /workspace; absent on instances that are no clone.
    std::optional<CopyStatus> copy;

    bool operator==(const Instance &) const = default;
};

/// Body of POST /api/v1/instances.
struct CreateInstanceRequest
{
    qint64 offer_id = 0;
    int gpu_count = 0;
    QString image;
    qint64 disk_gb = 0;
    QString ssh_public_key;
    QString label;
    QMap<QString, QString> env;
    QString onstart;
    bool jupyter = false;
    Micro max_spend_micro = 0;
    qint64 max_duration_s = 0;
    qint64 idle_stop_s = 0;
    double idle_below_pct = 5.0;
    QString plan = QStringLiteral("hourly"); ///< "hourly", "day", "week" or "month"
    bool renew = false;

    bool operator==(const CreateInstanceRequest &) const = default;
};

/// Body of POST /api/v1/instances/{id}/clone: a new instance on `offer_id` with a copy of this
/// one's /workspace; `move` destroys this one once the copy is verified.
struct CloneInstanceRequest
{
    qint64 offer_id = 0;
    int gpu_count = 0;
    std::optional<qint64> disk_gb; ///< none: the source's
    bool move = false;
    bool operator==(const CloneInstanceRequest &) const = default;
};

/// Body of PATCH /api/v1/instances/{id}: the cost guards to change; absent fields stay.
struct InstanceGuardsPatch
{
    std::optional<Micro> max_spend_micro;
    std::optional<qint64> max_duration_s;
    std::optional<qint64> idle_stop_s;
    std::optional<double> idle_below_pct;
    std::optional<bool> renew; ///< plan instances only

    bool operator==(const InstanceGuardsPatch &) const = default;
};

struct Account
{
    qint64 id = 0;
    QString name;
    QStringList roles; ///< "renter", "lender", "admin"
    Micro balance_micro = 0;
    QString currency;
    /// The renter's own low-balance threshold (PATCH /api/v1/me); 0: only the runway warnings.
    Micro low_balance_micro = 0;
    bool operator==(const Account &) const = default;
};

struct HostListing
{
    bool listed = false;
    Micro price_gpu_hour_micro = 0;
    Micro price_storage_gb_month_micro = 0;
    bool interruptible = false;
    qint64 min_duration_s = 0;
    /// Plan prices per GPU and period; null = not offered. In a PATCH a field left out keeps
    /// its value and null withdraws the plan.
    std::optional<Micro> price_gpu_day_micro;
    std::optional<Micro> price_gpu_week_micro;
    std::optional<Micro> price_gpu_month_micro;
    /// Per hour for an instance started without a GPU; null = not offered. PATCH as plans.
    std::optional<Micro> price_nogpu_hour_micro;
    bool operator==(const HostListing &) const = default;
};

struct GpuInfo
{
    int index = 0;
    QString uuid;
    QString model;
    qint64 memory_mb = 0;
    bool operator==(const GpuInfo &) const = default;
};

/// The machine as the agent describes it in `hello`.
struct MachineSpec
{
    int cpu_cores = 0;
    qint64 ram_mb = 0;
    qint64 disk_free_gb = 0;
    QList<GpuInfo> gpus;
    QString cuda_version;
    QString driver_version;
    int inet_down_mbps = 0;
    int inet_up_mbps = 0;
    QString region;
    /// What one instance gets (docs/host.md, "Shares"): per rented GPU on a machine with GPUs,
    /// the whole allowance on a machine without; the agent applies exactly these limits. Absent
    /// from an older agent: unknown.
    std::optional<qint64> share_cpu_cores;
    std::optional<qint64> share_ram_mb;
    bool operator==(const MachineSpec &) const = default;
};

struct Host
{
    qint64 id = 0;
    qint64 owner_id = 0;
    QString name;
    bool online = false;
    QDateTime last_seen;
    HostListing listing;
    std::optional<MachineSpec> spec; ///< absent until the agent has said hello
    double reliability = 1.0;
    bool verified = false;
    /// Withdrawn by its agent while the owner uses the machine (contributor mode).
    bool paused = false;
    QString paused_reason;
    /// How renters reach it, the market's verdict: "direct" or "relay" (docs/relay.md); null
    /// until its agent has said hello.
    std::optional<QString> network;
    bool operator==(const Host &) const = default;
};

struct LedgerEntry
{
    qint64 id = 0;
    qint64 account_id = 0;
    QDateTime at;
    QString kind; ///< "topup", "voucher", "gpu", "storage", "earning", "fee", "correction",
                  ///< "plan", "refund"
    Micro amount_micro = 0; ///< signed: credits positive, charges negative
    Micro balance_after_micro = 0;
    qint64 instance_id = 0; ///< 0 when not about an instance
    QString idempotency_key;
    QString description;
    bool operator==(const LedgerEntry &) const = default;
};

struct Image
{
    QString ref;
    QString title;
    bool has_jupyter = false;
    bool operator==(const Image &) const = default;
};

/// An image a renter saved from an instance ("Save as image…", docs/market.md "Saved images"),
/// as GET /api/v1/images lists it beside the hosts' images, with `owner: "me"`.
struct OwnImage
{
    qint64 id = 0;
    QString ref;   ///< what POST /api/v1/instances takes as `image`
    QString title; ///< the name the renter gave it
    bool has_jupyter = false;
    QString owner = QStringLiteral("me");
    QString name;
    /// The host whose Podman storage holds it; null once it is in the market's registry (any
    /// host can pull it then).
    std::optional<qint64> host_id;
    QString host_name;
    QString state;                          ///< "saving", "ready", "failed"
    QString reason;                         ///< why it failed
    qint64 size_bytes = 0;                  ///< 0 until ready
    qint64 instance_id = 0;                 ///< the instance it was saved from
    Micro price_storage_gb_month_micro = 0; ///< what it pays per GB (10^9 bytes) and month
    QDateTime created_at;
    bool operator==(const OwnImage &) const = default;
};

/// Body of POST /api/v1/instances/{id}/images.
struct SaveImageRequest
{
    QString name;
    bool operator==(const SaveImageRequest &) const = default;
};

// ---- accounts and keys (server/openapi.yaml, docs/market.md "Accounts and keys") ----------

/// Body of POST /api/v1/accounts (sign-up).
struct SignUpRequest
{
    QString name;
    QString password;
    QStringList roles; ///< "renter" and/or "lender"; empty: renter
    QString invite;    ///< the operator's invite code (`--signup invite`)
    bool operator==(const SignUpRequest &) const = default;
};

/// Body of POST /api/v1/sessions (sign-in): a new named key of the account.
struct SignInRequest
{
    QString name;
    QString password;
    QString label; ///< what the key is for, e.g. this computer's name
    bool operator==(const SignInRequest &) const = default;
};

/// Body of POST /api/v1/me/password.
struct PasswordChangeRequest
{
    QString old_password;
    QString new_password;
    bool operator==(const PasswordChangeRequest &) const = default;
};

/// Body of POST /api/v1/instances/{id}/start (may be empty): gpu_count 0 starts a stopped GPU
/// instance without a GPU; left out, or the instance's own count, starts it with its GPUs.
struct StartInstanceRequest
{
    std::optional<qint64> gpu_count;
    bool operator==(const StartInstanceRequest &) const = default;
};

/// Body of POST /api/v1/tokens.
struct TokenCreateRequest
{
    QString label;
    std::optional<qint64> expires_in_s; ///< none: the key does not expire
    bool operator==(const TokenCreateRequest &) const = default;
};

/// Answer of sign-up, sign-in and POST /api/v1/tokens: the key, shown this once.
struct IssuedToken
{
    qint64 id = 0;
    QString token;
    bool operator==(const IssuedToken &) const = default;
};

/// One key of GET /api/v1/tokens: never the key itself, only its first characters.
struct ApiToken
{
    qint64 id = 0;
    QString label;
    QString prefix;
    QDateTime created_at;
    QDateTime last_used_at; ///< invalid (null): never used
    QDateTime expires_at;   ///< invalid (null): does not expire
    bool operator==(const ApiToken &) const = default;
};

/// GET /api/v1/market (no token): what the app must not hard-code.
struct MarketInfo
{
    QString currency;
    double platform_fee = 0; ///< share of each charge, 0.10 = 10 %
    qint64 retention_days = 0;
    QString signup; ///< "open", "invite" or "closed"
    qint64 payout_hold_days = 0;
    QString version;
    bool operator==(const MarketInfo &) const = default;
};
// ---- prepaid plans (docs/market.md, "Prepaid plans") ---------------------------------------

/// The length of a plan's period in seconds: day 86,400, week 604,800, month 2,592,000 (30
/// days, as the storage month); 0 for "hourly"; nullopt for anything else.
std::optional<qint64> planPeriodS(const QString &plan);
/// The offer's price per GPU for the plan; nullopt when it does not offer it (or "hourly").
std::optional<Micro> planPrice(const Offer &offer, const QString &plan);
/// What a running instance costs per hour of GPU time: per-GPU price × GPUs, the whole-machine
/// price without GPUs, or its no-GPU price while started without a GPU (docs/market.md,
/// "Starting without a GPU"). Prepaid plan time is not billed by it.
Micro hourlyRate(const Instance &instance);

} // namespace suanli::protocol
