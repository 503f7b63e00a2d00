#include "json.h"
#include "json_p.h"

// Agent messages and app events (docs/protocol.md): the variant-level API of json.h. Each
// alternative's "type" and fields are in wirefields_p.h; the conventions on numbers, nulls and
// times are json.cpp's. A message from the agent reads its fields with Source::Agent
// (Need::FromAgent: a telemetry sample must name its instance).

namespace suanli::protocol {

using namespace detail;

QJsonObject toJson(const AgentMessage &message)
{
    return encodeMessage(message);
}

Result<AgentMessage> agentMessageFromJson(const QJsonObject &json)
{
    return decodeMessage<AgentMessage>(json, Source::Agent);
}

QJsonObject toJson(const MarketMessage &message)
{
    return encodeMessage(message);
}

Result<MarketMessage> marketMessageFromJson(const QJsonObject &json)
{
    return decodeMessage<MarketMessage>(json, Source::Other);
}

QJsonObject toJson(const AppEvent &event)
{
    return encodeMessage(event);
}

Result<AppEvent> appEventFromJson(const QJsonObject &json)
{
    return decodeMessage<AppEvent>(json, Source::Other);
}

} // namespace suanli::protocol
