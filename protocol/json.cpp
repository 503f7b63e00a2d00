#include "json.h"
#include "json_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

// Numbers. Qt 6 keeps a JSON integer that fits in qint64 as an exact integer on both parse and
// write, so ids and money round-trip exactly in C++ over the whole qint64 range. Other JSON
// consumers (JavaScript, jq) hold numbers as IEEE doubles and are exact only up to 2^53
// (9,007,199,254,740,992 µ ≈ 9 billion currency units): amounts and ids beyond that are not
// portable, and a number written with a fraction or an exponent is parsed as a double by Qt
// too. Integer fields accept a number only when it is integral and within qint64 (int fields:
// within int); 1.5 or 1e19 for an integer field is "invalid_type".
//
// Nulls. Only nullable fields accept null: the optional objects (Instance.ssh, .jupyter,
// Host.spec, InstanceStateMessage.ssh/.jupyter, CommandMessage.spec), Offer.perf_tflops and
// the times (null = invalid QDateTime). Null anywhere else is a wrong type. The encoders write
// every field, with null for an absent optional value.
//
// Times are written as ISO 8601 UTC with milliseconds and "Z". On input any ISO 8601 offset
// is accepted and converted to UTC; a time without an offset is taken as UTC (never as the
// machine's local time); a time outside years 1..9999 after conversion is "invalid_type",
// because it could not be written back.

namespace suanli::protocol {

namespace detail {

// ---- nested types -----------------------------------------------------------------------

QJsonObject sshToJson(const SshEndpoint &ssh)
{
    return {{u"host"_s, ssh.host},
            {u"port"_s, ssh.port},
            {u"user"_s, ssh.user},
            {u"host_key"_s, ssh.host_key}};
}

Result<SshEndpoint> decodeSsh(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    SshEndpoint ssh;
    r.string("host"_L1, ssh.host);
    r.integer("port"_L1, ssh.port);
    r.string("user"_L1, ssh.user);
    r.string("host_key"_L1, ssh.host_key);
    return finish(r, std::move(ssh));
}

QJsonObject jupyterToJson(const JupyterEndpoint &jupyter)
{
    return {{u"port"_s, jupyter.port}, {u"token"_s, jupyter.token}};
}

Result<JupyterEndpoint> decodeJupyter(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    JupyterEndpoint jupyter;
    r.integer("port"_L1, jupyter.port);
    r.string("token"_L1, jupyter.token);
    return finish(r, std::move(jupyter));
}

QJsonObject gpuInfoToJson(const GpuInfo &gpu)
{
    return {{u"index"_s, gpu.index},
            {u"uuid"_s, gpu.uuid},
            {u"model"_s, gpu.model},
            {u"memory_mb"_s, gpu.memory_mb}};
}

Result<GpuInfo> decodeGpuInfo(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    GpuInfo gpu;
    r.integer("index"_L1, gpu.index);
    r.string("uuid"_L1, gpu.uuid);
    r.string("model"_L1, gpu.model);
    r.integer("memory_mb"_L1, gpu.memory_mb);
    return finish(r, std::move(gpu));
}

QJsonObject envToJson(const QMap<QString, QString> &env)
{
    QJsonObject json;
    for (auto it = env.constBegin(); it != env.constEnd(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject gpuSampleToJson(const GpuSample &gpu)
{
    return {{u"index"_s, gpu.index},
            {u"utilization_pct"_s, gpu.utilization_pct},
            {u"memory_used_mb"_s, gpu.memory_used_mb},
            {u"temperature_c"_s, gpu.temperature_c},
            {u"power_w"_s, gpu.power_w}};
}

Result<GpuSample> decodeGpuSample(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    GpuSample gpu;
    r.integer("index"_L1, gpu.index);
    r.real("utilization_pct"_L1, gpu.utilization_pct);
    r.integer("memory_used_mb"_L1, gpu.memory_used_mb);
    r.real("temperature_c"_L1, gpu.temperature_c);
    r.real("power_w"_L1, gpu.power_w);
    return finish(r, std::move(gpu));
}

/// `idsRequired`: inside an agent message the instance id is required; a sample on its own
/// (market → app) is read leniently like every response-side type.
Result<TelemetrySample> decodeTelemetrySample(const QJsonObject &json, const QString &path,
                                              Need idsRequired)
{
    Reader r(json, path);
    TelemetrySample sample;
    r.integer("instance_id"_L1, sample.instance_id, idsRequired);
    r.time("at"_L1, sample.at);
    r.objectList("gpus"_L1, sample.gpus, decodeGpuSample);
    r.real("cpu_pct"_L1, sample.cpu_pct);
    r.integer("memory_used_mb"_L1, sample.memory_used_mb);
    r.integer("ssh_sessions"_L1, sample.ssh_sessions);
    return finish(r, std::move(sample));
}

Result<HostListing> decodeHostListing(const QJsonObject &json, const QString &path,
                                      const HostListing &base)
{
    Reader r(json, path);
    HostListing listing = base;
    r.boolean("listed"_L1, listing.listed);
    r.integer("price_gpu_hour_micro"_L1, listing.price_gpu_hour_micro);
    r.integer("price_storage_gb_month_micro"_L1, listing.price_storage_gb_month_micro);
    r.boolean("interruptible"_L1, listing.interruptible);
    r.integer("min_duration_s"_L1, listing.min_duration_s);
    return finish(r, std::move(listing));
}

// Adapters with the (object, path) signature that Reader::object and friends expect.

Result<HostListing> decodeListingOnDefault(const QJsonObject &json, const QString &path)
{
    return decodeHostListing(json, path, HostListing{});
}

Result<TelemetrySample> decodeSampleLenient(const QJsonObject &json, const QString &path)
{
    return decodeTelemetrySample(json, path, Need::Optional);
}

Result<TelemetrySample> decodeSampleStrict(const QJsonObject &json, const QString &path)
{
    return decodeTelemetrySample(json, path, Need::Required);
}

QJsonObject instanceSpecToJson(const InstanceSpec &spec)
{
    return {{u"image"_s, spec.image},        {u"gpu_count"_s, spec.gpu_count},
            {u"disk_gb"_s, spec.disk_gb},    {u"ssh_public_key"_s, spec.ssh_public_key},
            {u"env"_s, envToJson(spec.env)}, {u"onstart"_s, spec.onstart},
            {u"jupyter"_s, spec.jupyter},    {u"label"_s, spec.label}};
}

Result<InstanceSpec> decodeInstanceSpec(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    InstanceSpec spec;
    r.string("image"_L1, spec.image);
    r.integer("gpu_count"_L1, spec.gpu_count);
    r.integer("disk_gb"_L1, spec.disk_gb);
    r.string("ssh_public_key"_L1, spec.ssh_public_key);
    r.stringMap("env"_L1, spec.env);
    r.string("onstart"_L1, spec.onstart);
    r.boolean("jupyter"_L1, spec.jupyter);
    r.string("label"_L1, spec.label);
    return finish(r, std::move(spec));
}

QJsonObject agentInstanceStatusToJson(const AgentInstanceStatus &status)
{
    return {{u"instance_id"_s, status.instance_id},
            {u"state"_s, toString(status.state)},
            {u"last_seq"_s, status.last_seq}};
}

Result<AgentInstanceStatus> decodeAgentInstanceStatus(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    AgentInstanceStatus status;
    r.integer("instance_id"_L1, status.instance_id, Need::Required);
    r.state("state"_L1, status.state, Need::Required);
    r.integer("last_seq"_L1, status.last_seq);
    return finish(r, std::move(status));
}

Result<Offer> decodeOffer(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    Offer offer;
    r.integer("id"_L1, offer.id);
    r.integer("host_id"_L1, offer.host_id);
    r.string("host_name"_L1, offer.host_name);
    r.string("gpu_model"_L1, offer.gpu_model);
    r.integer("gpu_memory_mb"_L1, offer.gpu_memory_mb);
    r.integer("gpus_total"_L1, offer.gpus_total);
    r.integer("gpus_free"_L1, offer.gpus_free);
    r.integer("cpu_cores"_L1, offer.cpu_cores);
    r.integer("ram_mb"_L1, offer.ram_mb);
    r.integer("disk_free_gb"_L1, offer.disk_free_gb);
    r.integer("price_gpu_hour_micro"_L1, offer.price_gpu_hour_micro);
    r.integer("price_storage_gb_month_micro"_L1, offer.price_storage_gb_month_micro);
    r.integer("inet_down_mbps"_L1, offer.inet_down_mbps);
    r.integer("inet_up_mbps"_L1, offer.inet_up_mbps);
    r.real("reliability"_L1, offer.reliability);
    r.string("region"_L1, offer.region);
    r.boolean("verified"_L1, offer.verified);
    r.boolean("interruptible"_L1, offer.interruptible);
    r.integer("min_duration_s"_L1, offer.min_duration_s);
    r.string("cuda_version"_L1, offer.cuda_version);
    r.string("driver_version"_L1, offer.driver_version);
    r.real("perf_tflops"_L1, offer.perf_tflops);
    return finish(r, std::move(offer));
}

Result<Instance> decodeInstance(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    Instance instance;
    r.integer("id"_L1, instance.id);
    r.string("label"_L1, instance.label);
    r.state("state"_L1, instance.state);
    r.string("state_reason"_L1, instance.state_reason);
    r.integer("host_id"_L1, instance.host_id);
    r.integer("offer_id"_L1, instance.offer_id);
    r.string("gpu_model"_L1, instance.gpu_model);
    r.integer("gpu_count"_L1, instance.gpu_count);
    r.integer("price_gpu_hour_micro"_L1, instance.price_gpu_hour_micro);
    r.integer("price_storage_gb_month_micro"_L1, instance.price_storage_gb_month_micro);
    r.string("image"_L1, instance.image);
    r.integer("disk_gb"_L1, instance.disk_gb);
    r.time("created_at"_L1, instance.created_at);
    r.time("running_since"_L1, instance.running_since);
    r.time("stopped_at"_L1, instance.stopped_at);
    r.time("release_at"_L1, instance.release_at);
    r.integer("spend_micro"_L1, instance.spend_micro);
    r.nullableObject("ssh"_L1, instance.ssh, decodeSsh);
    r.nullableObject("jupyter"_L1, instance.jupyter, decodeJupyter);
    r.integer("max_spend_micro"_L1, instance.max_spend_micro);
    r.integer("max_duration_s"_L1, instance.max_duration_s);
    r.integer("idle_stop_s"_L1, instance.idle_stop_s);
    r.real("idle_below_pct"_L1, instance.idle_below_pct);
    return finish(r, std::move(instance));
}

Result<MachineSpec> decodeMachineSpec(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    MachineSpec spec;
    r.integer("cpu_cores"_L1, spec.cpu_cores);
    r.integer("ram_mb"_L1, spec.ram_mb);
    r.integer("disk_free_gb"_L1, spec.disk_free_gb);
    r.objectList("gpus"_L1, spec.gpus, decodeGpuInfo);
    r.string("cuda_version"_L1, spec.cuda_version);
    r.string("driver_version"_L1, spec.driver_version);
    r.integer("inet_down_mbps"_L1, spec.inet_down_mbps);
    r.integer("inet_up_mbps"_L1, spec.inet_up_mbps);
    r.string("region"_L1, spec.region);
    return finish(r, std::move(spec));
}

Result<Image> decodeImage(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    Image image;
    r.string("ref"_L1, image.ref);
    r.string("title"_L1, image.title);
    r.boolean("has_jupyter"_L1, image.has_jupyter);
    return finish(r, std::move(image));
}

} // namespace detail

using namespace detail;

// ---- public API ---------------------------------------------------------------------------

Result<QJsonObject> parseJsonObject(const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt rejects a top-level scalar ("3", "null") as malformed, though it is valid JSON;
        // inside an array it parses, and then the right answer is "not an object".
        QJsonParseError wrappedError;
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + bytes + ']', &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError && wrapped.array().size() == 1)
            return Error{u"invalid_type"_s, u"expected a JSON object"_s, QString(), -1};
        return Error{u"malformed_json"_s,
                     u"malformed JSON at offset %1: %2"_s.arg(parseError.offset)
                         .arg(parseError.errorString()),
                     QString(), parseError.offset};
    }
    if (!document.isObject())
        return Error{u"invalid_type"_s, u"expected a JSON object"_s, QString(), -1};
    return document.object();
}

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    // ISO 8601 has four-digit years; outside them Qt writes nothing useful.
    if (utc.date().year() < 1 || utc.date().year() > 9999)
        return {};
    return utc.toString(Qt::ISODateWithMs);
}

QJsonObject toJson(const Offer &o)
{
    return {{u"id"_s, o.id},
            {u"host_id"_s, o.host_id},
            {u"host_name"_s, o.host_name},
            {u"gpu_model"_s, o.gpu_model},
            {u"gpu_memory_mb"_s, o.gpu_memory_mb},
            {u"gpus_total"_s, o.gpus_total},
            {u"gpus_free"_s, o.gpus_free},
            {u"cpu_cores"_s, o.cpu_cores},
            {u"ram_mb"_s, o.ram_mb},
            {u"disk_free_gb"_s, o.disk_free_gb},
            {u"price_gpu_hour_micro"_s, o.price_gpu_hour_micro},
            {u"price_storage_gb_month_micro"_s, o.price_storage_gb_month_micro},
            {u"inet_down_mbps"_s, o.inet_down_mbps},
            {u"inet_up_mbps"_s, o.inet_up_mbps},
            {u"reliability"_s, o.reliability},
            {u"region"_s, o.region},
            {u"verified"_s, o.verified},
            {u"interruptible"_s, o.interruptible},
            {u"min_duration_s"_s, o.min_duration_s},
            {u"cuda_version"_s, o.cuda_version},
            {u"driver_version"_s, o.driver_version},
            {u"perf_tflops"_s,
             o.perf_tflops ? QJsonValue(*o.perf_tflops) : QJsonValue(QJsonValue::Null)}};
}

QJsonObject toJson(const Instance &i)
{
    return {{u"id"_s, i.id},
            {u"label"_s, i.label},
            {u"state"_s, toString(i.state)},
            {u"state_reason"_s, i.state_reason},
            {u"host_id"_s, i.host_id},
            {u"offer_id"_s, i.offer_id},
            {u"gpu_model"_s, i.gpu_model},
            {u"gpu_count"_s, i.gpu_count},
            {u"price_gpu_hour_micro"_s, i.price_gpu_hour_micro},
            {u"price_storage_gb_month_micro"_s, i.price_storage_gb_month_micro},
            {u"image"_s, i.image},
            {u"disk_gb"_s, i.disk_gb},
            {u"created_at"_s, timeValue(i.created_at)},
            {u"running_since"_s, timeValue(i.running_since)},
            {u"stopped_at"_s, timeValue(i.stopped_at)},
            {u"release_at"_s, timeValue(i.release_at)},
            {u"spend_micro"_s, i.spend_micro},
            {u"ssh"_s, nullable(i.ssh, sshToJson)},
            {u"jupyter"_s, nullable(i.jupyter, jupyterToJson)},
            {u"max_spend_micro"_s, i.max_spend_micro},
            {u"max_duration_s"_s, i.max_duration_s},
            {u"idle_stop_s"_s, i.idle_stop_s},
            {u"idle_below_pct"_s, i.idle_below_pct}};
}

QJsonObject toJson(const CreateInstanceRequest &c)
{
    return {{u"offer_id"_s, c.offer_id},
            {u"gpu_count"_s, c.gpu_count},
            {u"image"_s, c.image},
            {u"disk_gb"_s, c.disk_gb},
            {u"ssh_public_key"_s, c.ssh_public_key},
            {u"label"_s, c.label},
            {u"env"_s, envToJson(c.env)},
            {u"onstart"_s, c.onstart},
            {u"jupyter"_s, c.jupyter},
            {u"max_spend_micro"_s, c.max_spend_micro},
            {u"max_duration_s"_s, c.max_duration_s},
            {u"idle_stop_s"_s, c.idle_stop_s},
            {u"idle_below_pct"_s, c.idle_below_pct}};
}

QJsonObject toJson(const Account &a)
{
    return {{u"id"_s, a.id},
            {u"name"_s, a.name},
            {u"roles"_s, QJsonArray::fromStringList(a.roles)},
            {u"balance_micro"_s, a.balance_micro},
            {u"currency"_s, a.currency},
            {u"low_balance_micro"_s, a.low_balance_micro}};
}

QJsonObject toJson(const InstanceGuardsPatch &p)
{
    QJsonObject json;
    if (p.max_spend_micro)
        json.insert(u"max_spend_micro"_s, *p.max_spend_micro);
    if (p.max_duration_s)
        json.insert(u"max_duration_s"_s, *p.max_duration_s);
    if (p.idle_stop_s)
        json.insert(u"idle_stop_s"_s, *p.idle_stop_s);
    if (p.idle_below_pct)
        json.insert(u"idle_below_pct"_s, *p.idle_below_pct);
    return json;
}

QJsonObject toJson(const HostListing &l)
{
    return {{u"listed"_s, l.listed},
            {u"price_gpu_hour_micro"_s, l.price_gpu_hour_micro},
            {u"price_storage_gb_month_micro"_s, l.price_storage_gb_month_micro},
            {u"interruptible"_s, l.interruptible},
            {u"min_duration_s"_s, l.min_duration_s}};
}

QJsonObject toJson(const MachineSpec &s)
{
    QJsonArray gpus;
    for (const GpuInfo &gpu : s.gpus)
        gpus.append(gpuInfoToJson(gpu));
    return {{u"cpu_cores"_s, s.cpu_cores},
            {u"ram_mb"_s, s.ram_mb},
            {u"disk_free_gb"_s, s.disk_free_gb},
            {u"gpus"_s, gpus},
            {u"cuda_version"_s, s.cuda_version},
            {u"driver_version"_s, s.driver_version},
            {u"inet_down_mbps"_s, s.inet_down_mbps},
            {u"inet_up_mbps"_s, s.inet_up_mbps},
            {u"region"_s, s.region}};
}

QJsonObject toJson(const Host &h)
{
    return {{u"id"_s, h.id},
            {u"owner_id"_s, h.owner_id},
            {u"name"_s, h.name},
            {u"online"_s, h.online},
            {u"last_seen"_s, timeValue(h.last_seen)},
            {u"listing"_s, toJson(h.listing)},
            {u"spec"_s, h.spec ? QJsonValue(toJson(*h.spec)) : QJsonValue(QJsonValue::Null)},
            {u"reliability"_s, h.reliability},
            {u"verified"_s, h.verified},
            {u"paused"_s, h.paused},
            {u"paused_reason"_s, h.paused_reason}};
}

QJsonObject toJson(const LedgerEntry &e)
{
    return {{u"id"_s, e.id},
            {u"account_id"_s, e.account_id},
            {u"at"_s, timeValue(e.at)},
            {u"kind"_s, e.kind},
            {u"amount_micro"_s, e.amount_micro},
            {u"balance_after_micro"_s, e.balance_after_micro},
            {u"instance_id"_s, e.instance_id},
            {u"idempotency_key"_s, e.idempotency_key},
            {u"description"_s, e.description}};
}

QJsonObject toJson(const Image &image)
{
    return {
        {u"ref"_s, image.ref}, {u"title"_s, image.title}, {u"has_jupyter"_s, image.has_jupyter}};
}

QJsonObject toJson(const TelemetrySample &s)
{
    QJsonArray gpus;
    for (const GpuSample &gpu : s.gpus)
        gpus.append(gpuSampleToJson(gpu));
    return {{u"instance_id"_s, s.instance_id},
            {u"at"_s, timeValue(s.at)},
            {u"gpus"_s, gpus},
            {u"cpu_pct"_s, s.cpu_pct},
            {u"memory_used_mb"_s, s.memory_used_mb},
            {u"ssh_sessions"_s, s.ssh_sessions}};
}

Result<Offer> offerFromJson(const QJsonObject &json)
{
    return decodeOffer(json, QString());
}

Result<Instance> instanceFromJson(const QJsonObject &json)
{
    return decodeInstance(json, QString());
}

Result<CreateInstanceRequest> createInstanceRequestFromJson(const QJsonObject &json)
{
    Reader r(json, QString());
    CreateInstanceRequest c;
    r.integer("offer_id"_L1, c.offer_id, Need::Required);
    r.integer("gpu_count"_L1, c.gpu_count, Need::Required);
    r.string("image"_L1, c.image, Need::Required);
    r.integer("disk_gb"_L1, c.disk_gb, Need::Required);
    r.string("ssh_public_key"_L1, c.ssh_public_key, Need::Required);
    r.string("label"_L1, c.label);
    r.stringMap("env"_L1, c.env);
    r.string("onstart"_L1, c.onstart);
    r.boolean("jupyter"_L1, c.jupyter);
    r.integer("max_spend_micro"_L1, c.max_spend_micro);
    r.integer("max_duration_s"_L1, c.max_duration_s);
    r.integer("idle_stop_s"_L1, c.idle_stop_s);
    r.real("idle_below_pct"_L1, c.idle_below_pct);
    return finish(r, std::move(c));
}

Result<Account> accountFromJson(const QJsonObject &json)
{
    Reader r(json, QString());
    Account a;
    r.integer("id"_L1, a.id);
    r.string("name"_L1, a.name);
    r.stringList("roles"_L1, a.roles);
    r.integer("balance_micro"_L1, a.balance_micro);
    r.string("currency"_L1, a.currency);
    r.integer("low_balance_micro"_L1, a.low_balance_micro);
    return finish(r, std::move(a));
}

Result<InstanceGuardsPatch> instanceGuardsPatchFromJson(const QJsonObject &json)
{
    Reader r(json, QString());
    InstanceGuardsPatch p;
    auto integer = [&](QLatin1StringView name, std::optional<qint64> &out) {
        if (!json.contains(name))
            return;
        qint64 value = 0;
        r.integer(name, value, Need::Required);
        out = value;
    };
    integer("max_spend_micro"_L1, p.max_spend_micro);
    integer("max_duration_s"_L1, p.max_duration_s);
    integer("idle_stop_s"_L1, p.idle_stop_s);
    if (json.contains("idle_below_pct"_L1)) {
        double pct = 0;
        r.real("idle_below_pct"_L1, pct, Need::Required);
        p.idle_below_pct = pct;
    }
    return finish(r, std::move(p));
}

Result<HostListing> hostListingFromJson(const QJsonObject &json, const HostListing &base)
{
    return decodeHostListing(json, QString(), base);
}

Result<MachineSpec> machineSpecFromJson(const QJsonObject &json)
{
    return decodeMachineSpec(json, QString());
}

Result<Host> hostFromJson(const QJsonObject &json)
{
    Reader r(json, QString());
    Host h;
    r.integer("id"_L1, h.id);
    r.integer("owner_id"_L1, h.owner_id);
    r.string("name"_L1, h.name);
    r.boolean("online"_L1, h.online);
    r.time("last_seen"_L1, h.last_seen);
    r.object("listing"_L1, h.listing, decodeListingOnDefault);
    r.nullableObject("spec"_L1, h.spec, decodeMachineSpec);
    r.real("reliability"_L1, h.reliability);
    r.boolean("verified"_L1, h.verified);
    r.boolean("paused"_L1, h.paused);
    r.string("paused_reason"_L1, h.paused_reason);
    return finish(r, std::move(h));
}

Result<LedgerEntry> ledgerEntryFromJson(const QJsonObject &json)
{
    Reader r(json, QString());
    LedgerEntry e;
    r.integer("id"_L1, e.id);
    r.integer("account_id"_L1, e.account_id);
    r.time("at"_L1, e.at);
    r.string("kind"_L1, e.kind);
    r.integer("amount_micro"_L1, e.amount_micro);
    r.integer("balance_after_micro"_L1, e.balance_after_micro);
    r.integer("instance_id"_L1, e.instance_id);
    r.string("idempotency_key"_L1, e.idempotency_key);
    r.string("description"_L1, e.description);
    return finish(r, std::move(e));
}

Result<Image> imageFromJson(const QJsonObject &json)
{
    return decodeImage(json, QString());
}

Result<TelemetrySample> telemetrySampleFromJson(const QJsonObject &json)
{
    return decodeTelemetrySample(json, QString(), Need::Optional);
}

} // namespace suanli::protocol
