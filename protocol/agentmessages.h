#pragma once

#include "result.h"
#include "types.h"

#include <QJsonObject>
#include <QList>
#include <variant>

/// Messages on the agent channel (GET /api/v1/agent, docs/protocol.md) and the app events socket.
/// Every message is one JSON object with a "type" field.
namespace suanli::protocol {

// ---- agent → market -------------------------------------------------------------------

/// The agent's state of one instance it holds, sent in hello for reconciliation.
struct AgentInstanceStatus
{
    qint64 instance_id = 0;
    InstanceState state = InstanceState::Pending;
    qint64 last_seq = 0; ///< highest instance_state seq the agent has produced for it
    bool operator==(const AgentInstanceStatus &) const = default;
};

struct HelloMessage
{
    QString agent_version;
    MachineSpec spec;
    QString address;  ///< address renters' SSH clients connect to
    int port_min = 0; ///< advertised port range for instance sshd
    int port_max = 0;
    QList<Image> images; ///< images this host accepts
    QList<AgentInstanceStatus> instances;
    /// How renters reach this host: "direct", "relay" or "auto" (the market probes the
    /// advertised address); empty from an agent that predates the relay: direct.
    QString network;
    QString relay_public_key; ///< the agent's own ed25519 key for the relay ("ssh-ed25519 …")
    int probe_port = 0;       ///< auto: where the agent answers the market's reachability probe
    bool operator==(const HelloMessage &) const = default;
};

struct AckMessage
{
    QString command_id;
    bool operator==(const AckMessage &) const = default;
};

/// A state report. `seq` increases per instance on the agent; the market applies a report
/// only when its seq is above the last one applied, so duplicates and reordering are harmless.
struct InstanceStateMessage
{
    qint64 instance_id = 0;
    qint64 seq = 0;
    InstanceState state = InstanceState::Pending;
    QString reason;
    QString command_id; ///< the command this report completes, if any
    std::optional<SshEndpoint> ssh;
    std::optional<JupyterEndpoint> jupyter;
    /// The agent's time of the transition (ms since the epoch), journaled with it, so a report
    /// sent after a reconnect still carries it; absent from agents that predate it. The market
    /// ends a running period there, within what it saw itself (docs/protocol.md).
    std::optional<qint64> at;
    bool operator==(const InstanceStateMessage &) const = default;
};

struct GpuSample
{
    int index = 0;
    double utilization_pct = 0;
    qint64 memory_used_mb = 0;
    double temperature_c = 0;
    double power_w = 0;
    bool operator==(const GpuSample &) const = default;
};

/// One second of one instance.
struct TelemetrySample
{
    qint64 instance_id = 0;
    QDateTime at;
    QList<GpuSample> gpus;
    double cpu_pct = 0;
    qint64 memory_used_mb = 0;
    int ssh_sessions = 0;
    bool operator==(const TelemetrySample &) const = default;
};

struct TelemetryMessage
{
    QList<TelemetrySample> samples;
    bool operator==(const TelemetryMessage &) const = default;
};

/// Heartbeat: the instances the agent currently runs. Keeps the host from being declared lost.
struct UsageMessage
{
    qint64 seq = 0;
    QList<qint64> running_instance_ids;
    bool operator==(const UsageMessage &) const = default;
};

struct LogMessage
{
    qint64 instance_id = 0;
    QStringList lines;
    bool operator==(const LogMessage &) const = default;
};

/// Contributor mode: the agent withdraws its offer while the owner uses the machine
/// (`available: false`, e.g. reason "owner_active") and offers it again when idle.
struct AvailabilityMessage
{
    bool available = true;
    QString reason;
    bool operator==(const AvailabilityMessage &) const = default;
};

/// Contributor mode: an interruptible rental will be stopped at `stop_at` because the owner
/// came back; the market tells the renter (InstanceNoticeEvent).
struct NoticeMessage
{
    qint64 instance_id = 0;
    QDateTime stop_at;
    QString reason;
    bool operator==(const NoticeMessage &) const = default;
};

/// What became of a save_image or delete_image command (docs/protocol.md, `image_state`):
/// "ready" with the image's size (and `pushed` when it went to the market's registry),
/// "failed" with a reason, "deleted".
struct ImageStateMessage
{
    qint64 image_id = 0;
    QString state;
    QString ref;
    qint64 size_bytes = 0;
    bool pushed = false;
    QString reason;
    QString command_id;
    bool operator==(const ImageStateMessage &) const = default;
};

/// What the agent measured (docs/protocol.md "measurement"): download and upload to the market
/// in Mbit/s, disk writes in MB/s; a test that failed or did not run is absent (null), never 0.
/// The market stamps the time it arrives.
struct MeasurementMessage
{
    std::optional<qint64> net_down_mbps;
    std::optional<qint64> net_up_mbps;
    std::optional<qint64> disk_write_mbps;
    bool operator==(const MeasurementMessage &) const = default;
};

/// The target agent's side of a clone's copy (docs/protocol.md, "Copying between hosts"), about
/// the new instance: "key" with the one-time public key it made for the copy, then "copying"
/// and "verifying" with the progress, then "done" (verified against the source's SHA-256
/// manifest) or "failed" with `error`.
struct CopyProgressMessage
{
    qint64 instance_id = 0;
    QString state;
    QString public_key;
    qint64 bytes_done = 0;
    qint64 bytes_total = 0;
    qint64 files_done = 0;
    qint64 files_total = 0;
    QString error;
    bool operator==(const CopyProgressMessage &) const = default;
};

using AgentMessage = std::variant<HelloMessage, AckMessage, InstanceStateMessage, TelemetryMessage,
                                  UsageMessage, LogMessage, AvailabilityMessage, NoticeMessage,
                                  ImageStateMessage, MeasurementMessage, CopyProgressMessage>;

// ---- market → agent -------------------------------------------------------------------

enum class CommandAction
{
    Create,
    Start,
    Stop,
    Destroy,
    SaveImage,   ///< commit the instance's system disk as `image.ref` (and push it)
    DeleteImage, ///< remove `image.ref` from the host's Podman storage
    /// Clone and move (docs/protocol.md, "Copying between hosts"): to the source's host,
    /// add / remove `public_key` in the source instance's authorized keys; to the target's
    /// host, pull the source's /workspace from `copy_from` into the new instance.
    AuthorizeKey,
    RevokeKey,
    Copy
};
QString toString(CommandAction action);
std::optional<CommandAction> commandActionFromString(const QString &text);

/// Where the agent pushes saved images (the market's `--registry`) and how it logs in.
struct RegistryAccess
{
    QString url; ///< https://host:port
    QString username;
    QString password;
    bool operator==(const RegistryAccess &) const = default;
};

struct InstanceSpec
{
    QString image;
    int gpu_count = 0;
    qint64 disk_gb = 0;
    QString ssh_public_key;
    QMap<QString, QString> env;
    QString onstart;
    bool jupyter = false;
    QString label;
    /// A saved image in the market's registry: where the agent logs in to pull it (never
    /// journaled; docs/protocol.md, "Saved images").
    std::optional<RegistryAccess> registry;
    /// A clone: the instance whose /workspace will be copied in; the agent makes the copy's
    /// one-time key pair and reports its public key (CopyProgressMessage "key").
    std::optional<qint64> copy_from;
    bool operator==(const InstanceSpec &) const = default;
};

/// The image of a save_image or delete_image command.
struct ImageCommand
{
    qint64 id = 0;
    QString ref; ///< localhost/suanli-images/img-<id>:latest, or in the registry
    std::optional<RegistryAccess> registry; ///< save: push it there; null: keep it local
    bool operator==(const ImageCommand &) const = default;
};

/// Where a copy pulls from: the source instance and how to reach its sshd (its `jump` set
/// where the source host is relayed).
struct CopySource
{
    qint64 instance_id = 0;
    SshEndpoint ssh;
    bool operator==(const CopySource &) const = default;
};

/// A command for the agent. `id` is unique; the agent executes each id at most once.
struct CommandMessage
{
    QString id;
    CommandAction action = CommandAction::Create;
    qint64 instance_id = 0;
    std::optional<InstanceSpec> spec; ///< with create
    QString reason;                   ///< why (e.g. "balance_exhausted"), for stop/destroy
    std::optional<ImageCommand> image; ///< with save_image and delete_image
    std::optional<CopySource> copy_from; ///< with copy
    QString public_key;                  ///< with authorize_key / revoke_key
    qint64 copy_instance_id = 0;         ///< authorize_key / revoke_key: the clone the key is for
    bool operator==(const CommandMessage &) const = default;
};

struct WelcomeMessage
{
    qint64 host_id = 0;
    QString market_version;
    /// The market's verdict on how renters reach this host: "direct" or "relay" (for
    /// network "auto", after probing the advertised address). Empty from an older market.
    QString network;
    bool operator==(const WelcomeMessage &) const = default;
};

/// One relay port the agent may listen on (a reverse forward on the relay's loopback) and the
/// instance whose sshd it leads to.
struct RelayListen
{
    qint64 instance = 0;
    int port = 0;
    bool operator==(const RelayListen &) const = default;
};

/// Where a relayed host keeps its reverse forwards: the relay sshd, the user the agent logs in
/// as, the relay's host key, and every port it may listen on now. Sent after welcome and again
/// whenever the list changes; a port missing from the latest list is withdrawn.
struct RelayMessage
{
    QString host;
    int port = 0;
    QString user;
    QString host_key;
    QList<RelayListen> listen;
    bool operator==(const RelayMessage &) const = default;
};

using MarketMessage = std::variant<WelcomeMessage, CommandMessage, RelayMessage>;

// ---- market → app (GET /api/v1/events) --------------------------------------------------

struct InstanceEvent
{
    Instance instance;
    bool operator==(const InstanceEvent &) const = default;
};

struct TelemetryEvent
{
    TelemetrySample sample;
    bool operator==(const TelemetryEvent &) const = default;
};

/// Why a balance event warns: the balance lasts less than a threshold at the current burn
/// rate ("runway_24h", "runway_1h"), or fell below the renter's own amount ("below_threshold").
struct BalanceWarning
{
    QString threshold;
    Micro burn_micro_per_hour = 0;
    qint64 runway_s = 0; ///< how long the balance lasts at that rate; 0 when nothing burns
    bool operator==(const BalanceWarning &) const = default;
};

struct BalanceEvent
{
    Micro balance_micro = 0;
    QString currency;
    std::optional<BalanceWarning> warning; ///< absent on plain balance updates
    bool operator==(const BalanceEvent &) const = default;
};

/// The host's owner came back: the instance stops at `stop_at` (data kept, billing ends then).
struct InstanceNoticeEvent
{
    qint64 instance_id = 0;
    QDateTime stop_at;
    QString reason;
    bool operator==(const InstanceNoticeEvent &) const = default;
};

/// A prepaid plan ends soon (docs/market.md, "Prepaid plans"): a day before the end of a week
/// or month plan, an hour before the end of a day plan.
struct PlanNoticeEvent
{
    qint64 instance_id = 0;
    QString plan;
    QDateTime plan_ends_at;
    bool renew = false;
    Micro renewal_micro = 0; ///< what the next period costs
    bool will_renew = false; ///< renew asked and the balance covers it right now
    bool operator==(const PlanNoticeEvent &) const = default;
};

using AppEvent =
    std::variant<InstanceEvent, TelemetryEvent, BalanceEvent, InstanceNoticeEvent, PlanNoticeEvent>;

} // namespace suanli::protocol
