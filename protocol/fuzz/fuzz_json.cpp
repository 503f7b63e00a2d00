// libFuzzer target: parseJsonObject on arbitrary bytes, then every decoder on the object.
// Whatever a decoder accepts must survive encode → decode unchanged (trap otherwise), and
// every error must carry a known code and a message.
#include "protocol/json.h"
#include "protocol/moneymessages.h"

#include <cstddef>
#include <cstdint>

using namespace suanli;
using namespace suanli::protocol;
using namespace Qt::Literals::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void checkError(const Error &error)
{
    static const QStringList codes{u"malformed_json"_s, u"invalid_type"_s, u"missing_field"_s,
                                   u"unknown_type"_s,
                                   // moneymessages.h (issue 18): the strict webhook body, amounts
                                   u"unknown_field"_s, u"invalid_value"_s};
    check(codes.contains(error.code));
    check(!error.message.isEmpty());
}

/// Decodes `json`; on success encodes the value and decodes again, which must give it back.
template <typename Decode> void roundTrip(const QJsonObject &json, Decode decode)
{
    const auto first = decode(json);
    if (!first) {
        checkError(first.error());
        return;
    }
    const auto second = decode(toJson(*first));
    check(second.ok());
    check(*second == *first);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return -1;
    const Result<QJsonObject> parsed =
        parseJsonObject(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!parsed) {
        checkError(parsed.error());
        return 0;
    }
    const QJsonObject &json = *parsed;
    roundTrip(json, offerFromJson);
    roundTrip(json, instanceFromJson);
    roundTrip(json, createInstanceRequestFromJson);
    roundTrip(json, accountFromJson);
    roundTrip(json, instanceGuardsPatchFromJson);
    roundTrip(json, [](const QJsonObject &j) { return hostListingFromJson(j); });
    roundTrip(json, [](const QJsonObject &j) {
        return hostListingFromJson(j, HostListing{true, 1, 2, true, 3, 4, {}, 6, 7});
    });
    roundTrip(json, machineSpecFromJson);
    roundTrip(json, hostFromJson);
    roundTrip(json, ledgerEntryFromJson);
    roundTrip(json, imageFromJson);
    roundTrip(json, telemetrySampleFromJson);
    roundTrip(json, signUpRequestFromJson);
    roundTrip(json, signInRequestFromJson);
    roundTrip(json, passwordChangeRequestFromJson);
    roundTrip(json, tokenCreateRequestFromJson);
    roundTrip(json, startInstanceRequestFromJson);
    roundTrip(json, issuedTokenFromJson);
    roundTrip(json, apiTokenFromJson);
    roundTrip(json, marketInfoFromJson);
    roundTrip(json, agentMessageFromJson);
    roundTrip(json, marketMessageFromJson);
    roundTrip(json, appEventFromJson);
    // ---- money in and out (protocol/moneymessages.h, issue 18) ----
    roundTrip(json, topUpOrderFromJson);
    roundTrip(json, payoutFromJson);
    roundTrip(json, payoutSummaryFromJson);
    roundTrip(json, paymentWebhookFromJson);
    roundTrip(json, topUpRequestFromJson);
    roundTrip(json, payoutRequestFromJson);
    return 0;
}
