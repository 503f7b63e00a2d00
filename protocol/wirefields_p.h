#pragma once

// Private to protocol/json*.cpp: the fields of every wire type, each JSON name written once.
// The encoder and the decoder (json_p.h) are both generated from these lists, so a field cannot
// be written under one name and read under another. A list is a template over the const and
// the mutable struct: `f(name, member)` for each field, in the order the decoder reads them
// (the first error wins), with the field's rule where it differs from the default:
//   Need::Required    the decoder rejects a message without it ("missing_field");
//   Need::FromAgent   required in a message from the agent, optional elsewhere;
//   Empty::…          how an empty std::optional travels (null by default).
// The wire contracts themselves: docs/protocol.md (agent channel, app events) and
// server/openapi.yaml (REST).

#include "agentmessages.h"
#include "types.h"

#include <QString>

#include <concepts>
#include <type_traits>

namespace suanli::protocol::detail {

using namespace Qt::Literals::StringLiterals;

enum class Need
{
    Optional,
    Required,
    /// Required when the agent sends it (a sample must say which instance it is of); optional
    /// where the market relays the same type to the app, read leniently like every response.
    FromAgent,
};

/// How an empty std::optional travels; a tag, so that each field's codec is chosen at compile
/// time.
enum class EmptyKind
{
    Null,    ///< written as null; null or missing reads as empty (the default)
    Omitted, ///< left out; null or missing reads as empty
    Unset,   ///< a PATCH's "leave as is": left out; missing reads as empty, null is a wrong type
    Kept,    ///< a PATCH over a base: written as null; missing keeps the base, null empties it
};
template <EmptyKind K> struct EmptyTag
{
};
namespace Empty {
inline constexpr EmptyTag<EmptyKind::Omitted> Omitted;
inline constexpr EmptyTag<EmptyKind::Unset> Unset;
inline constexpr EmptyTag<EmptyKind::Kept> Kept;
} // namespace Empty

/// `S` is `T` or `const T`: one list serves the encoder (const) and the decoder.
template <typename S, typename T>
concept Of = std::same_as<std::remove_const_t<S>, T>;

/// The "type" discriminator every agent message and app event carries.
inline constexpr QLatin1StringView kTypeField = "type"_L1;

/// A message's "type" value; only messages have one.
template <typename T> struct MessageType;

// ---- nested and REST types (server/openapi.yaml) ---------------------------------------------

template <Of<SshJump> S, typename F> void fields(S &s, F &&f)
{
    f("host"_L1, s.host, Need::Required);
    f("port"_L1, s.port, Need::Required);
    f("user"_L1, s.user, Need::Required);
    f("host_key"_L1, s.host_key, Need::Required);
}

template <Of<SshEndpoint> S, typename F> void fields(S &s, F &&f)
{
    f("host"_L1, s.host);
    f("port"_L1, s.port);
    f("user"_L1, s.user);
    f("host_key"_L1, s.host_key);
    f("jump"_L1, s.jump);
}

template <Of<JupyterEndpoint> S, typename F> void fields(S &s, F &&f)
{
    f("port"_L1, s.port);
    f("token"_L1, s.token);
}

template <Of<GpuInfo> S, typename F> void fields(S &s, F &&f)
{
    f("index"_L1, s.index);
    f("uuid"_L1, s.uuid);
    f("model"_L1, s.model);
    f("memory_mb"_L1, s.memory_mb);
}

template <Of<GpuSample> S, typename F> void fields(S &s, F &&f)
{
    f("index"_L1, s.index);
    f("utilization_pct"_L1, s.utilization_pct);
    f("memory_used_mb"_L1, s.memory_used_mb);
    f("temperature_c"_L1, s.temperature_c);
    f("power_w"_L1, s.power_w);
}

template <Of<TelemetrySample> S, typename F> void fields(S &s, F &&f)
{
    f("instance_id"_L1, s.instance_id, Need::FromAgent);
    f("at"_L1, s.at);
    f("gpus"_L1, s.gpus);
    f("cpu_pct"_L1, s.cpu_pct);
    f("memory_used_mb"_L1, s.memory_used_mb);
    f("ssh_sessions"_L1, s.ssh_sessions);
}

template <Of<HostListing> S, typename F> void fields(S &s, F &&f)
{
    f("listed"_L1, s.listed);
    f("price_gpu_hour_micro"_L1, s.price_gpu_hour_micro);
    f("price_storage_gb_month_micro"_L1, s.price_storage_gb_month_micro);
    f("interruptible"_L1, s.interruptible);
    f("min_duration_s"_L1, s.min_duration_s);
    f("price_gpu_day_micro"_L1, s.price_gpu_day_micro, Empty::Kept);
    f("price_gpu_week_micro"_L1, s.price_gpu_week_micro, Empty::Kept);
    f("price_gpu_month_micro"_L1, s.price_gpu_month_micro, Empty::Kept);
    f("price_nogpu_hour_micro"_L1, s.price_nogpu_hour_micro, Empty::Kept);
}

template <Of<RegistryAccess> S, typename F> void fields(S &s, F &&f)
{
    f("url"_L1, s.url, Need::Required);
    f("username"_L1, s.username);
    f("password"_L1, s.password);
}

template <Of<InstanceSpec> S, typename F> void fields(S &s, F &&f)
{
    f("image"_L1, s.image);
    f("gpu_count"_L1, s.gpu_count);
    f("disk_gb"_L1, s.disk_gb);
    f("ssh_public_key"_L1, s.ssh_public_key);
    f("env"_L1, s.env);
    f("onstart"_L1, s.onstart);
    f("jupyter"_L1, s.jupyter);
    f("label"_L1, s.label);
    f("registry"_L1, s.registry, Empty::Omitted); // a saved image in the market's registry
    f("copy_from"_L1, s.copy_from, Empty::Omitted);
}

template <Of<CopySource> S, typename F> void fields(S &s, F &&f)
{
    f("instance_id"_L1, s.instance_id, Need::Required);
    f("ssh"_L1, s.ssh, Need::Required);
}

template <Of<AgentInstanceStatus> S, typename F> void fields(S &s, F &&f)
{
    f("instance_id"_L1, s.instance_id, Need::Required);
    f("state"_L1, s.state, Need::Required);
    f("last_seq"_L1, s.last_seq);
}

template <Of<Offer> S, typename F> void fields(S &s, F &&f)
{
    f("id"_L1, s.id);
    f("host_id"_L1, s.host_id);
    f("host_name"_L1, s.host_name);
    f("gpu_model"_L1, s.gpu_model);
    f("gpu_memory_mb"_L1, s.gpu_memory_mb);
    f("gpus_total"_L1, s.gpus_total);
    f("gpus_free"_L1, s.gpus_free);
    f("cpu_cores"_L1, s.cpu_cores);
    f("ram_mb"_L1, s.ram_mb);
    f("disk_free_gb"_L1, s.disk_free_gb);
    f("price_gpu_hour_micro"_L1, s.price_gpu_hour_micro);
    f("price_storage_gb_month_micro"_L1, s.price_storage_gb_month_micro);
    f("inet_down_mbps"_L1, s.inet_down_mbps);
    f("inet_up_mbps"_L1, s.inet_up_mbps);
    f("reliability"_L1, s.reliability);
    f("region"_L1, s.region);
    f("verified"_L1, s.verified);
    f("interruptible"_L1, s.interruptible);
    f("min_duration_s"_L1, s.min_duration_s);
    f("cuda_version"_L1, s.cuda_version);
    f("driver_version"_L1, s.driver_version);
    f("perf_tflops"_L1, s.perf_tflops);
    f("price_gpu_day_micro"_L1, s.price_gpu_day_micro);
    f("price_gpu_week_micro"_L1, s.price_gpu_week_micro);
    f("price_gpu_month_micro"_L1, s.price_gpu_month_micro);
    f("price_nogpu_hour_micro"_L1, s.price_nogpu_hour_micro);
    f("cpu_cores_per_gpu"_L1, s.cpu_cores_per_gpu);
    f("ram_mb_per_gpu"_L1, s.ram_mb_per_gpu);
    f("net_down_mbps"_L1, s.net_down_mbps);
    f("net_up_mbps"_L1, s.net_up_mbps);
    f("disk_write_mbps"_L1, s.disk_write_mbps);
    f("measured_at"_L1, s.measured_at);
}

template <Of<CopyStatus> S, typename F> void fields(S &s, F &&f)
{
    f("state"_L1, s.state);
    f("source_id"_L1, s.source_id);
    f("move"_L1, s.move);
    f("bytes_done"_L1, s.bytes_done);
    f("bytes_total"_L1, s.bytes_total);
    f("files_done"_L1, s.files_done);
    f("files_total"_L1, s.files_total);
    f("error"_L1, s.error);
}

template <Of<Instance> S, typename F> void fields(S &s, F &&f)
{
    f("id"_L1, s.id);
    f("label"_L1, s.label);
    f("state"_L1, s.state);
    f("state_reason"_L1, s.state_reason);
    f("host_id"_L1, s.host_id);
    f("offer_id"_L1, s.offer_id);
    f("gpu_model"_L1, s.gpu_model);
    f("gpu_count"_L1, s.gpu_count);
    f("price_gpu_hour_micro"_L1, s.price_gpu_hour_micro);
    f("price_storage_gb_month_micro"_L1, s.price_storage_gb_month_micro);
    f("image"_L1, s.image);
    f("disk_gb"_L1, s.disk_gb);
    f("created_at"_L1, s.created_at);
    f("running_since"_L1, s.running_since);
    f("stopped_at"_L1, s.stopped_at);
    f("release_at"_L1, s.release_at);
    f("spend_micro"_L1, s.spend_micro);
    f("ssh"_L1, s.ssh);
    f("jupyter"_L1, s.jupyter);
    f("max_spend_micro"_L1, s.max_spend_micro);
    f("max_duration_s"_L1, s.max_duration_s);
    f("idle_stop_s"_L1, s.idle_stop_s);
    f("idle_below_pct"_L1, s.idle_below_pct);
    f("plan"_L1, s.plan);
    f("plan_ends_at"_L1, s.plan_ends_at);
    f("renew"_L1, s.renew);
    f("no_gpu"_L1, s.no_gpu);
    f("price_nogpu_hour_micro"_L1, s.price_nogpu_hour_micro);
    f("copy"_L1, s.copy, Empty::Omitted);
}

template <Of<CloneInstanceRequest> S, typename F> void fields(S &s, F &&f)
{
    f("offer_id"_L1, s.offer_id, Need::Required);
    f("gpu_count"_L1, s.gpu_count, Need::Required);
    f("disk_gb"_L1, s.disk_gb, Empty::Omitted);
    f("move"_L1, s.move, Need::Required);
}

template <Of<CreateInstanceRequest> S, typename F> void fields(S &s, F &&f)
{
    f("offer_id"_L1, s.offer_id, Need::Required);
    f("gpu_count"_L1, s.gpu_count, Need::Required);
    f("image"_L1, s.image, Need::Required);
    f("disk_gb"_L1, s.disk_gb, Need::Required);
    f("ssh_public_key"_L1, s.ssh_public_key, Need::Required);
    f("label"_L1, s.label);
    f("env"_L1, s.env);
    f("onstart"_L1, s.onstart);
    f("jupyter"_L1, s.jupyter);
    f("max_spend_micro"_L1, s.max_spend_micro);
    f("max_duration_s"_L1, s.max_duration_s);
    f("idle_stop_s"_L1, s.idle_stop_s);
    f("idle_below_pct"_L1, s.idle_below_pct);
    f("plan"_L1, s.plan);
    f("renew"_L1, s.renew);
}

template <Of<Account> S, typename F> void fields(S &s, F &&f)
{
    f("id"_L1, s.id);
    f("name"_L1, s.name);
    f("roles"_L1, s.roles);
    f("balance_micro"_L1, s.balance_micro);
    f("currency"_L1, s.currency);
    f("low_balance_micro"_L1, s.low_balance_micro);
}

/// PATCH /instances/{id}: a field left out keeps the instance's value.
template <Of<InstanceGuardsPatch> S, typename F> void fields(S &s, F &&f)
{
    f("max_spend_micro"_L1, s.max_spend_micro, Empty::Unset);
    f("max_duration_s"_L1, s.max_duration_s, Empty::Unset);
    f("idle_stop_s"_L1, s.idle_stop_s, Empty::Unset);
    f("idle_below_pct"_L1, s.idle_below_pct, Empty::Unset);
    f("renew"_L1, s.renew, Empty::Unset);
}

template <Of<MachineSpec> S, typename F> void fields(S &s, F &&f)
{
    f("cpu_cores"_L1, s.cpu_cores);
    f("ram_mb"_L1, s.ram_mb);
    f("disk_free_gb"_L1, s.disk_free_gb);
    f("gpus"_L1, s.gpus);
    f("cuda_version"_L1, s.cuda_version);
    f("driver_version"_L1, s.driver_version);
    f("inet_down_mbps"_L1, s.inet_down_mbps);
    f("inet_up_mbps"_L1, s.inet_up_mbps);
    f("region"_L1, s.region);
    f("share_cpu_cores"_L1, s.share_cpu_cores, Empty::Omitted);
    f("share_ram_mb"_L1, s.share_ram_mb, Empty::Omitted);
}

template <Of<Host> S, typename F> void fields(S &s, F &&f)
{
    f("id"_L1, s.id);
    f("owner_id"_L1, s.owner_id);
    f("name"_L1, s.name);
    f("online"_L1, s.online);
    f("last_seen"_L1, s.last_seen);
    f("listing"_L1, s.listing);
    f("spec"_L1, s.spec);
    f("reliability"_L1, s.reliability);
    f("verified"_L1, s.verified);
    f("paused"_L1, s.paused);
    f("paused_reason"_L1, s.paused_reason);
    f("network"_L1, s.network);
}

template <Of<LedgerEntry> S, typename F> void fields(S &s, F &&f)
{
    f("id"_L1, s.id);
    f("account_id"_L1, s.account_id);
    f("at"_L1, s.at);
    f("kind"_L1, s.kind);
    f("amount_micro"_L1, s.amount_micro);
    f("balance_after_micro"_L1, s.balance_after_micro);
    f("instance_id"_L1, s.instance_id);
    f("idempotency_key"_L1, s.idempotency_key);
    f("description"_L1, s.description);
}

template <Of<Image> S, typename F> void fields(S &s, F &&f)
{
    f("ref"_L1, s.ref);
    f("title"_L1, s.title);
    f("has_jupyter"_L1, s.has_jupyter);
}

template <Of<OwnImage> S, typename F> void fields(S &s, F &&f)
{
    f("id"_L1, s.id, Need::Required);
    f("ref"_L1, s.ref, Need::Required);
    f("title"_L1, s.title);
    f("has_jupyter"_L1, s.has_jupyter);
    f("owner"_L1, s.owner);
    f("name"_L1, s.name);
    f("host_id"_L1, s.host_id);
    f("host_name"_L1, s.host_name);
    f("state"_L1, s.state);
    f("reason"_L1, s.reason);
    f("size_bytes"_L1, s.size_bytes);
    f("instance_id"_L1, s.instance_id);
    f("price_storage_gb_month_micro"_L1, s.price_storage_gb_month_micro);
    f("created_at"_L1, s.created_at);
}

template <Of<SaveImageRequest> S, typename F> void fields(S &s, F &&f)
{
    f("name"_L1, s.name, Need::Required);
}

// ---- accounts and keys ----------------------------------------------------------------------

template <Of<SignUpRequest> S, typename F> void fields(S &s, F &&f)
{
    f("name"_L1, s.name, Need::Required);
    f("password"_L1, s.password, Need::Required);
    f("roles"_L1, s.roles);
    f("invite"_L1, s.invite);
}

template <Of<SignInRequest> S, typename F> void fields(S &s, F &&f)
{
    f("name"_L1, s.name, Need::Required);
    f("password"_L1, s.password, Need::Required);
    f("label"_L1, s.label);
}

template <Of<PasswordChangeRequest> S, typename F> void fields(S &s, F &&f)
{
    f("old_password"_L1, s.old_password, Need::Required);
    f("new_password"_L1, s.new_password, Need::Required);
}

template <Of<StartInstanceRequest> S, typename F> void fields(S &s, F &&f)
{
    f("gpu_count"_L1, s.gpu_count);
}

template <Of<TokenCreateRequest> S, typename F> void fields(S &s, F &&f)
{
    f("label"_L1, s.label, Need::Required);
    f("expires_in_s"_L1, s.expires_in_s);
}

template <Of<IssuedToken> S, typename F> void fields(S &s, F &&f)
{
    f("id"_L1, s.id, Need::Required);
    f("token"_L1, s.token, Need::Required);
}

template <Of<ApiToken> S, typename F> void fields(S &s, F &&f)
{
    f("id"_L1, s.id);
    f("label"_L1, s.label);
    f("prefix"_L1, s.prefix);
    f("created_at"_L1, s.created_at);
    f("last_used_at"_L1, s.last_used_at);
    f("expires_at"_L1, s.expires_at);
}

template <Of<MarketInfo> S, typename F> void fields(S &s, F &&f)
{
    f("currency"_L1, s.currency);
    f("platform_fee"_L1, s.platform_fee);
    f("retention_days"_L1, s.retention_days);
    f("signup"_L1, s.signup);
    f("payout_hold_days"_L1, s.payout_hold_days);
    f("version"_L1, s.version);
}

// ---- agent → market (docs/protocol.md) ------------------------------------------------------

template <> struct MessageType<HelloMessage>
{
    static constexpr QLatin1StringView name = "hello"_L1;
};
template <Of<HelloMessage> S, typename F> void fields(S &s, F &&f)
{
    f("agent_version"_L1, s.agent_version);
    f("spec"_L1, s.spec);
    f("address"_L1, s.address);
    f("port_min"_L1, s.port_min);
    f("port_max"_L1, s.port_max);
    f("images"_L1, s.images);
    f("instances"_L1, s.instances);
    f("network"_L1, s.network);
    f("relay_public_key"_L1, s.relay_public_key);
    f("probe_port"_L1, s.probe_port);
}

template <> struct MessageType<AckMessage>
{
    static constexpr QLatin1StringView name = "ack"_L1;
};
template <Of<AckMessage> S, typename F> void fields(S &s, F &&f)
{
    f("command_id"_L1, s.command_id, Need::Required);
}

template <> struct MessageType<InstanceStateMessage>
{
    static constexpr QLatin1StringView name = "instance_state"_L1;
};
template <Of<InstanceStateMessage> S, typename F> void fields(S &s, F &&f)
{
    f("instance_id"_L1, s.instance_id, Need::Required);
    f("seq"_L1, s.seq, Need::Required);
    // A report without a state would silently read as "pending": required.
    f("state"_L1, s.state, Need::Required);
    f("reason"_L1, s.reason);
    f("command_id"_L1, s.command_id);
    f("ssh"_L1, s.ssh);
    f("jupyter"_L1, s.jupyter);
    f("at"_L1, s.at, Empty::Omitted); // absent from agents that predate it
}

template <> struct MessageType<ImageStateMessage>
{
    static constexpr QLatin1StringView name = "image_state"_L1;
};
template <Of<ImageStateMessage> S, typename F> void fields(S &s, F &&f)
{
    f("image_id"_L1, s.image_id, Need::Required);
    f("state"_L1, s.state, Need::Required);
    f("ref"_L1, s.ref);
    f("size_bytes"_L1, s.size_bytes);
    f("pushed"_L1, s.pushed);
    f("reason"_L1, s.reason);
    f("command_id"_L1, s.command_id);
}

template <> struct MessageType<TelemetryMessage>
{
    static constexpr QLatin1StringView name = "telemetry"_L1;
};
template <Of<TelemetryMessage> S, typename F> void fields(S &s, F &&f)
{
    f("samples"_L1, s.samples);
}

template <> struct MessageType<UsageMessage>
{
    static constexpr QLatin1StringView name = "usage"_L1;
};
template <Of<UsageMessage> S, typename F> void fields(S &s, F &&f)
{
    f("seq"_L1, s.seq, Need::Required);
    f("running_instance_ids"_L1, s.running_instance_ids);
}

template <> struct MessageType<LogMessage>
{
    static constexpr QLatin1StringView name = "log"_L1;
};
template <Of<LogMessage> S, typename F> void fields(S &s, F &&f)
{
    f("instance_id"_L1, s.instance_id, Need::Required);
    f("lines"_L1, s.lines);
}

template <> struct MessageType<AvailabilityMessage>
{
    static constexpr QLatin1StringView name = "availability"_L1;
};
template <Of<AvailabilityMessage> S, typename F> void fields(S &s, F &&f)
{
    f("available"_L1, s.available, Need::Required);
    f("reason"_L1, s.reason);
}

template <> struct MessageType<MeasurementMessage>
{
    static constexpr QLatin1StringView name = "measurement"_L1;
};
template <Of<MeasurementMessage> S, typename F> void fields(S &s, F &&f)
{
    f("net_down_mbps"_L1, s.net_down_mbps);
    f("net_up_mbps"_L1, s.net_up_mbps);
    f("disk_write_mbps"_L1, s.disk_write_mbps);
}

template <> struct MessageType<CopyProgressMessage>
{
    static constexpr QLatin1StringView name = "copy_progress"_L1;
};
template <Of<CopyProgressMessage> S, typename F> void fields(S &s, F &&f)
{
    f("instance_id"_L1, s.instance_id, Need::Required);
    f("state"_L1, s.state, Need::Required);
    f("public_key"_L1, s.public_key);
    f("bytes_done"_L1, s.bytes_done);
    f("bytes_total"_L1, s.bytes_total);
    f("files_done"_L1, s.files_done);
    f("files_total"_L1, s.files_total);
    f("error"_L1, s.error);
}

template <> struct MessageType<NoticeMessage>
{
    static constexpr QLatin1StringView name = "notice"_L1;
};
/// The agent's notice and the event the renter gets (InstanceNoticeEvent) carry the same
/// fields under two types.
template <typename S, typename F>
requires Of<S, NoticeMessage> || Of<S, InstanceNoticeEvent>
void fields(S &s, F &&f)
{
    f("instance_id"_L1, s.instance_id, Need::Required);
    f("stop_at"_L1, s.stop_at);
    f("reason"_L1, s.reason);
}

// ---- market → agent (docs/protocol.md) ------------------------------------------------------

template <> struct MessageType<WelcomeMessage>
{
    static constexpr QLatin1StringView name = "welcome"_L1;
};
template <Of<WelcomeMessage> S, typename F> void fields(S &s, F &&f)
{
    f("host_id"_L1, s.host_id, Need::Required);
    f("market_version"_L1, s.market_version);
    f("network"_L1, s.network);
}

template <Of<RelayListen> S, typename F> void fields(S &s, F &&f)
{
    f("instance"_L1, s.instance, Need::Required);
    f("port"_L1, s.port, Need::Required);
}

template <> struct MessageType<RelayMessage>
{
    static constexpr QLatin1StringView name = "relay"_L1;
};
template <Of<RelayMessage> S, typename F> void fields(S &s, F &&f)
{
    f("host"_L1, s.host, Need::Required);
    f("port"_L1, s.port, Need::Required);
    f("user"_L1, s.user, Need::Required);
    f("host_key"_L1, s.host_key, Need::Required);
    f("listen"_L1, s.listen);
}

template <Of<ImageCommand> S, typename F> void fields(S &s, F &&f)
{
    f("id"_L1, s.id, Need::Required);
    f("ref"_L1, s.ref, Need::Required);
    f("registry"_L1, s.registry);
}

template <> struct MessageType<CommandMessage>
{
    static constexpr QLatin1StringView name = "command"_L1;
};
template <Of<CommandMessage> S, typename F> void fields(S &s, F &&f)
{
    f("id"_L1, s.id, Need::Required);
    f("action"_L1, s.action, Need::Required);
    f("instance_id"_L1, s.instance_id, Need::Required);
    // Not required even for create: the decoder checks the wire format, the agent checks that
    // a create carries its spec.
    f("spec"_L1, s.spec);
    f("reason"_L1, s.reason);
    f("image"_L1, s.image, Empty::Omitted); // save_image and delete_image only
    f("copy_from"_L1, s.copy_from, Empty::Omitted);
    f("public_key"_L1, s.public_key);
    f("copy_instance_id"_L1, s.copy_instance_id);
}

// ---- market → app: GET /api/v1/events (docs/protocol.md) ------------------------------------

template <> struct MessageType<InstanceEvent>
{
    static constexpr QLatin1StringView name = "instance"_L1;
};
template <Of<InstanceEvent> S, typename F> void fields(S &s, F &&f)
{
    f("instance"_L1, s.instance, Need::Required);
}

template <> struct MessageType<TelemetryEvent>
{
    static constexpr QLatin1StringView name = "telemetry"_L1;
};
template <Of<TelemetryEvent> S, typename F> void fields(S &s, F &&f)
{
    f("sample"_L1, s.sample, Need::Required);
}

template <Of<BalanceWarning> S, typename F> void fields(S &s, F &&f)
{
    f("threshold"_L1, s.threshold, Need::Required);
    f("burn_micro_per_hour"_L1, s.burn_micro_per_hour);
    f("runway_s"_L1, s.runway_s);
}

template <> struct MessageType<BalanceEvent>
{
    static constexpr QLatin1StringView name = "balance"_L1;
};
template <Of<BalanceEvent> S, typename F> void fields(S &s, F &&f)
{
    f("balance_micro"_L1, s.balance_micro, Need::Required);
    f("currency"_L1, s.currency);
    f("warning"_L1, s.warning, Empty::Omitted); // absent on plain balance updates
}

template <> struct MessageType<InstanceNoticeEvent>
{
    static constexpr QLatin1StringView name = "instance_notice"_L1;
};

template <> struct MessageType<PlanNoticeEvent>
{
    static constexpr QLatin1StringView name = "plan_notice"_L1;
};
template <Of<PlanNoticeEvent> S, typename F> void fields(S &s, F &&f)
{
    f("instance_id"_L1, s.instance_id, Need::Required);
    f("plan"_L1, s.plan);
    f("plan_ends_at"_L1, s.plan_ends_at);
    f("renew"_L1, s.renew);
    f("renewal_micro"_L1, s.renewal_micro);
    f("will_renew"_L1, s.will_renew);
}

} // namespace suanli::protocol::detail
