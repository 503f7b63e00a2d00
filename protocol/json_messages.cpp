#include "json.h"
#include "json_p.h"

using namespace Qt::Literals::StringLiterals;

// Agent messages (DESIGN §6) and app events (DESIGN §4): one encoder and decoder per type, and
// the variant-level API of json.h. The conventions on numbers, nulls and times are json.cpp's.

namespace suanli::protocol {

using namespace detail;

namespace {

/// Reads the "type" discriminator of a message.
Result<QString> messageType(const QJsonObject &json)
{
    Reader r(json, QString());
    QString type;
    r.string("type"_L1, type, Need::Required);
    return finish(r, std::move(type));
}

Error unknownType(const QString &type)
{
    return Error{u"unknown_type"_s, u"unknown message type '%1'"_s.arg(type.left(64)), u"type"_s,
                 -1};
}

// ---- agent messages, one encoder and decoder per type ------------------------------------

QJsonObject encode(const HelloMessage &m)
{
    QJsonArray images;
    for (const Image &image : m.images)
        images.append(toJson(image));
    QJsonArray instances;
    for (const AgentInstanceStatus &status : m.instances)
        instances.append(agentInstanceStatusToJson(status));
    return {{u"type"_s, u"hello"_s},     {u"agent_version"_s, m.agent_version},
            {u"spec"_s, toJson(m.spec)}, {u"address"_s, m.address},
            {u"port_min"_s, m.port_min}, {u"port_max"_s, m.port_max},
            {u"images"_s, images},       {u"instances"_s, instances}};
}

Result<HelloMessage> decodeHello(const QJsonObject &json)
{
    Reader r(json, QString());
    HelloMessage m;
    r.string("agent_version"_L1, m.agent_version);
    r.object("spec"_L1, m.spec, decodeMachineSpec);
    r.string("address"_L1, m.address);
    r.integer("port_min"_L1, m.port_min);
    r.integer("port_max"_L1, m.port_max);
    r.objectList("images"_L1, m.images, decodeImage);
    r.objectList("instances"_L1, m.instances, decodeAgentInstanceStatus);
    return finish(r, std::move(m));
}

QJsonObject encode(const AckMessage &m)
{
    return {{u"type"_s, u"ack"_s}, {u"command_id"_s, m.command_id}};
}

Result<AckMessage> decodeAck(const QJsonObject &json)
{
    Reader r(json, QString());
    AckMessage m;
    r.string("command_id"_L1, m.command_id, Need::Required);
    return finish(r, std::move(m));
}

QJsonObject encode(const InstanceStateMessage &m)
{
    return {{u"type"_s, u"instance_state"_s},
            {u"instance_id"_s, m.instance_id},
            {u"seq"_s, m.seq},
            {u"state"_s, toString(m.state)},
            {u"reason"_s, m.reason},
            {u"command_id"_s, m.command_id},
            {u"ssh"_s, nullable(m.ssh, sshToJson)},
            {u"jupyter"_s, nullable(m.jupyter, jupyterToJson)}};
}

Result<InstanceStateMessage> decodeInstanceState(const QJsonObject &json)
{
    Reader r(json, QString());
    InstanceStateMessage m;
    r.integer("instance_id"_L1, m.instance_id, Need::Required);
    r.integer("seq"_L1, m.seq, Need::Required);
    // A report without a state would silently read as "pending": required.
    r.state("state"_L1, m.state, Need::Required);
    r.string("reason"_L1, m.reason);
    r.string("command_id"_L1, m.command_id);
    r.nullableObject("ssh"_L1, m.ssh, decodeSsh);
    r.nullableObject("jupyter"_L1, m.jupyter, decodeJupyter);
    return finish(r, std::move(m));
}

QJsonObject encode(const TelemetryMessage &m)
{
    QJsonArray samples;
    for (const TelemetrySample &sample : m.samples)
        samples.append(toJson(sample));
    return {{u"type"_s, u"telemetry"_s}, {u"samples"_s, samples}};
}

Result<TelemetryMessage> decodeTelemetry(const QJsonObject &json)
{
    Reader r(json, QString());
    TelemetryMessage m;
    r.objectList("samples"_L1, m.samples, decodeSampleStrict);
    return finish(r, std::move(m));
}

QJsonObject encode(const AvailabilityMessage &m)
{
    return {{u"type"_s, u"availability"_s}, {u"available"_s, m.available}, {u"reason"_s, m.reason}};
}

Result<AvailabilityMessage> decodeAvailability(const QJsonObject &json)
{
    Reader r(json, QString());
    AvailabilityMessage m;
    r.boolean("available"_L1, m.available, Need::Required);
    r.string("reason"_L1, m.reason);
    return finish(r, std::move(m));
}

// The agent's notice and the event the renter gets carry the same fields under two types.
template <typename Notice> QJsonObject noticeToJson(const Notice &n, const QString &type)
{
    return {{u"type"_s, type},
            {u"instance_id"_s, n.instance_id},
            {u"stop_at"_s, timeValue(n.stop_at)},
            {u"reason"_s, n.reason}};
}

template <typename Notice> Result<Notice> decodeNoticeFields(const QJsonObject &json)
{
    Reader r(json, QString());
    Notice n;
    r.integer("instance_id"_L1, n.instance_id, Need::Required);
    r.time("stop_at"_L1, n.stop_at);
    r.string("reason"_L1, n.reason);
    return finish(r, std::move(n));
}

QJsonObject encode(const NoticeMessage &m)
{
    return noticeToJson(m, u"notice"_s);
}

QJsonObject encode(const InstanceNoticeEvent &e)
{
    return noticeToJson(e, u"instance_notice"_s);
}

QJsonObject encode(const UsageMessage &m)
{
    QJsonArray ids;
    for (qint64 id : m.running_instance_ids)
        ids.append(id);
    return {{u"type"_s, u"usage"_s}, {u"seq"_s, m.seq}, {u"running_instance_ids"_s, ids}};
}

Result<UsageMessage> decodeUsage(const QJsonObject &json)
{
    Reader r(json, QString());
    UsageMessage m;
    r.integer("seq"_L1, m.seq, Need::Required);
    r.integerList("running_instance_ids"_L1, m.running_instance_ids);
    return finish(r, std::move(m));
}

QJsonObject encode(const LogMessage &m)
{
    return {{u"type"_s, u"log"_s},
            {u"instance_id"_s, m.instance_id},
            {u"lines"_s, QJsonArray::fromStringList(m.lines)}};
}

Result<LogMessage> decodeLog(const QJsonObject &json)
{
    Reader r(json, QString());
    LogMessage m;
    r.integer("instance_id"_L1, m.instance_id, Need::Required);
    r.stringList("lines"_L1, m.lines);
    return finish(r, std::move(m));
}

QJsonObject encode(const WelcomeMessage &m)
{
    return {{u"type"_s, u"welcome"_s},
            {u"host_id"_s, m.host_id},
            {u"market_version"_s, m.market_version}};
}

Result<WelcomeMessage> decodeWelcome(const QJsonObject &json)
{
    Reader r(json, QString());
    WelcomeMessage m;
    r.integer("host_id"_L1, m.host_id, Need::Required);
    r.string("market_version"_L1, m.market_version);
    return finish(r, std::move(m));
}

QJsonObject encode(const CommandMessage &m)
{
    return {{u"type"_s, u"command"_s},
            {u"id"_s, m.id},
            {u"action"_s, toString(m.action)},
            {u"instance_id"_s, m.instance_id},
            {u"spec"_s, nullable(m.spec, instanceSpecToJson)},
            {u"reason"_s, m.reason}};
}

Result<CommandMessage> decodeCommand(const QJsonObject &json)
{
    Reader r(json, QString());
    CommandMessage m;
    r.string("id"_L1, m.id, Need::Required);
    r.action("action"_L1, m.action, Need::Required);
    r.integer("instance_id"_L1, m.instance_id, Need::Required);
    // Not required even for create: the decoder checks the wire format, the agent checks that
    // a create carries its spec.
    r.nullableObject("spec"_L1, m.spec, decodeInstanceSpec);
    r.string("reason"_L1, m.reason);
    return finish(r, std::move(m));
}

QJsonObject encode(const InstanceEvent &e)
{
    return {{u"type"_s, u"instance"_s}, {u"instance"_s, toJson(e.instance)}};
}

Result<InstanceEvent> decodeInstanceEvent(const QJsonObject &json)
{
    Reader r(json, QString());
    InstanceEvent e;
    r.object("instance"_L1, e.instance, decodeInstance, Need::Required);
    return finish(r, std::move(e));
}

QJsonObject encode(const TelemetryEvent &e)
{
    return {{u"type"_s, u"telemetry"_s}, {u"sample"_s, toJson(e.sample)}};
}

Result<TelemetryEvent> decodeTelemetryEvent(const QJsonObject &json)
{
    Reader r(json, QString());
    TelemetryEvent e;
    r.object("sample"_L1, e.sample, decodeSampleLenient, Need::Required);
    return finish(r, std::move(e));
}

QJsonObject balanceWarningToJson(const BalanceWarning &w)
{
    return {{u"threshold"_s, w.threshold},
            {u"burn_micro_per_hour"_s, w.burn_micro_per_hour},
            {u"runway_s"_s, w.runway_s}};
}

Result<BalanceWarning> decodeBalanceWarning(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    BalanceWarning w;
    r.string("threshold"_L1, w.threshold, Need::Required);
    r.integer("burn_micro_per_hour"_L1, w.burn_micro_per_hour);
    r.integer("runway_s"_L1, w.runway_s);
    return finish(r, std::move(w));
}

QJsonObject encode(const BalanceEvent &e)
{
    QJsonObject json{{u"type"_s, u"balance"_s},
                     {u"balance_micro"_s, e.balance_micro},
                     {u"currency"_s, e.currency}};
    if (e.warning)
        json.insert(u"warning"_s, balanceWarningToJson(*e.warning));
    return json;
}

Result<BalanceEvent> decodeBalanceEvent(const QJsonObject &json)
{
    Reader r(json, QString());
    BalanceEvent e;
    r.integer("balance_micro"_L1, e.balance_micro, Need::Required);
    r.string("currency"_L1, e.currency);
    r.nullableObject("warning"_L1, e.warning, decodeBalanceWarning);
    return finish(r, std::move(e));
}

/// Decodes with `decode` and widens the result to the message variant.
template <typename Variant, typename T> Result<Variant> widen(Result<T> decoded)
{
    if (!decoded)
        return decoded.error();
    return Variant(std::move(decoded).value());
}

} // namespace

QJsonObject toJson(const AgentMessage &message)
{
    return std::visit([](const auto &m) { return encode(m); }, message);
}

Result<AgentMessage> agentMessageFromJson(const QJsonObject &json)
{
    const Result<QString> type = messageType(json);
    if (!type)
        return type.error();
    if (*type == "hello"_L1)
        return widen<AgentMessage>(decodeHello(json));
    if (*type == "ack"_L1)
        return widen<AgentMessage>(decodeAck(json));
    if (*type == "instance_state"_L1)
        return widen<AgentMessage>(decodeInstanceState(json));
    if (*type == "telemetry"_L1)
        return widen<AgentMessage>(decodeTelemetry(json));
    if (*type == "usage"_L1)
        return widen<AgentMessage>(decodeUsage(json));
    if (*type == "log"_L1)
        return widen<AgentMessage>(decodeLog(json));
    if (*type == "availability"_L1)
        return widen<AgentMessage>(decodeAvailability(json));
    if (*type == "notice"_L1)
        return widen<AgentMessage>(decodeNoticeFields<NoticeMessage>(json));
    return unknownType(*type);
}

QJsonObject toJson(const MarketMessage &message)
{
    return std::visit([](const auto &m) { return encode(m); }, message);
}

Result<MarketMessage> marketMessageFromJson(const QJsonObject &json)
{
    const Result<QString> type = messageType(json);
    if (!type)
        return type.error();
    if (*type == "welcome"_L1)
        return widen<MarketMessage>(decodeWelcome(json));
    if (*type == "command"_L1)
        return widen<MarketMessage>(decodeCommand(json));
    return unknownType(*type);
}

QJsonObject toJson(const AppEvent &event)
{
    return std::visit([](const auto &e) { return encode(e); }, event);
}

Result<AppEvent> appEventFromJson(const QJsonObject &json)
{
    const Result<QString> type = messageType(json);
    if (!type)
        return type.error();
    if (*type == "instance"_L1)
        return widen<AppEvent>(decodeInstanceEvent(json));
    if (*type == "telemetry"_L1)
        return widen<AppEvent>(decodeTelemetryEvent(json));
    if (*type == "balance"_L1)
        return widen<AppEvent>(decodeBalanceEvent(json));
    if (*type == "instance_notice"_L1)
        return widen<AppEvent>(decodeNoticeFields<InstanceNoticeEvent>(json));
    return unknownType(*type);
}

} // namespace suanli::protocol
