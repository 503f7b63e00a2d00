#include "json.h"
#include "json_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

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
// Host.spec, InstanceStateMessage.ssh/.jupyter, CommandMessage.spec, BalanceEvent.warning),
// Offer.perf_tflops and the times (null = invalid QDateTime). Null anywhere else is a wrong
// type, the fields of the guards PATCH included (Empty::Unset). The encoders write every field,
// with null for an absent optional value, except the ones marked Empty::Omitted or
// Empty::Unset in wirefields_p.h (BalanceEvent.warning, the PATCH), which are left out.
// The plan prices of Offer and HostListing are nullable too (null = plan not offered); a
// listing PATCH decoded over the host's listing keeps a price it leaves out (Empty::Kept).
//
// Times are written as ISO 8601 UTC with milliseconds and "Z". On input any ISO 8601 offset
// is accepted and converted to UTC; a time without an offset is taken as UTC (never as the
// machine's local time); a time outside years 1..9999 after conversion is "invalid_type",
// because it could not be written back.

namespace suanli::protocol {

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

// Every type's codec is generated from its field list in wirefields_p.h.

QJsonObject toJson(const Offer &offer)
{
    return encodeObject(offer);
}

QJsonObject toJson(const Instance &instance)
{
    return encodeObject(instance);
}

QJsonObject toJson(const CreateInstanceRequest &request)
{
    return encodeObject(request);
}

QJsonObject toJson(const Account &account)
{
    return encodeObject(account);
}

QJsonObject toJson(const InstanceGuardsPatch &patch)
{
    return encodeObject(patch);
}

QJsonObject toJson(const HostListing &listing)
{
    return encodeObject(listing);
}

QJsonObject toJson(const MachineSpec &spec)
{
    return encodeObject(spec);
}

QJsonObject toJson(const Host &host)
{
    return encodeObject(host);
}

QJsonObject toJson(const LedgerEntry &entry)
{
    return encodeObject(entry);
}

QJsonObject toJson(const Image &image)
{
    return encodeObject(image);
}

QJsonObject toJson(const TelemetrySample &sample)
{
    return encodeObject(sample);
}

Result<Offer> offerFromJson(const QJsonObject &json)
{
    return decodeObject<Offer>(json);
}

Result<Instance> instanceFromJson(const QJsonObject &json)
{
    return decodeObject<Instance>(json);
}

Result<CreateInstanceRequest> createInstanceRequestFromJson(const QJsonObject &json)
{
    return decodeObject<CreateInstanceRequest>(json);
}

Result<Account> accountFromJson(const QJsonObject &json)
{
    return decodeObject<Account>(json);
}

Result<InstanceGuardsPatch> instanceGuardsPatchFromJson(const QJsonObject &json)
{
    return decodeObject<InstanceGuardsPatch>(json);
}

Result<HostListing> hostListingFromJson(const QJsonObject &json, const HostListing &base)
{
    return decodeObject<HostListing>(json, QString(), Source::Other, base);
}

Result<MachineSpec> machineSpecFromJson(const QJsonObject &json)
{
    return decodeObject<MachineSpec>(json);
}

Result<Host> hostFromJson(const QJsonObject &json)
{
    return decodeObject<Host>(json);
}

Result<LedgerEntry> ledgerEntryFromJson(const QJsonObject &json)
{
    return decodeObject<LedgerEntry>(json);
}

Result<Image> imageFromJson(const QJsonObject &json)
{
    return decodeObject<Image>(json);
}

QJsonObject toJson(const OwnImage &image)
{
    return encodeObject(image);
}

Result<OwnImage> ownImageFromJson(const QJsonObject &json)
{
    return decodeObject<OwnImage>(json);
}

QJsonObject toJson(const SaveImageRequest &value)
{
    return encodeObject(value);
}

Result<SaveImageRequest> saveImageRequestFromJson(const QJsonObject &json)
{
    return decodeObject<SaveImageRequest>(json);
}

/// A sample on its own (market → app) is read leniently like every response-side type.
Result<TelemetrySample> telemetrySampleFromJson(const QJsonObject &json)
{
    return decodeObject<TelemetrySample>(json);
}

// ---- accounts and keys ----

QJsonObject toJson(const SignUpRequest &value)
{
    return encodeObject(value);
}

Result<SignUpRequest> signUpRequestFromJson(const QJsonObject &json)
{
    return decodeObject<SignUpRequest>(json);
}

QJsonObject toJson(const SignInRequest &value)
{
    return encodeObject(value);
}

Result<SignInRequest> signInRequestFromJson(const QJsonObject &json)
{
    return decodeObject<SignInRequest>(json);
}

QJsonObject toJson(const PasswordChangeRequest &value)
{
    return encodeObject(value);
}

Result<PasswordChangeRequest> passwordChangeRequestFromJson(const QJsonObject &json)
{
    return decodeObject<PasswordChangeRequest>(json);
}

QJsonObject toJson(const CloneInstanceRequest &value)
{
    return encodeObject(value);
}

Result<CloneInstanceRequest> cloneInstanceRequestFromJson(const QJsonObject &json)
{
    return decodeObject<CloneInstanceRequest>(json);
}

QJsonObject toJson(const StartInstanceRequest &value)
{
    return encodeObject(value);
}

Result<StartInstanceRequest> startInstanceRequestFromJson(const QJsonObject &json)
{
    return decodeObject<StartInstanceRequest>(json);
}

QJsonObject toJson(const TokenCreateRequest &value)
{
    return encodeObject(value);
}

Result<TokenCreateRequest> tokenCreateRequestFromJson(const QJsonObject &json)
{
    return decodeObject<TokenCreateRequest>(json);
}

QJsonObject toJson(const IssuedToken &value)
{
    return encodeObject(value);
}

Result<IssuedToken> issuedTokenFromJson(const QJsonObject &json)
{
    return decodeObject<IssuedToken>(json);
}

QJsonObject toJson(const ApiToken &value)
{
    return encodeObject(value);
}

Result<ApiToken> apiTokenFromJson(const QJsonObject &json)
{
    return decodeObject<ApiToken>(json);
}

QJsonObject toJson(const MarketInfo &value)
{
    return encodeObject(value);
}

Result<MarketInfo> marketInfoFromJson(const QJsonObject &json)
{
    return decodeObject<MarketInfo>(json);
}

} // namespace suanli::protocol
