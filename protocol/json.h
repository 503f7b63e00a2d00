#pragma once

#include "agentmessages.h"
#include "result.h"
#include "types.h"

#include <QByteArray>
#include <QJsonObject>

/// JSON codecs for the wire types. Decoders ignore unknown fields and reject a wrong type or a
/// missing required field with an Error whose `field` names it (code "invalid_type" or
/// "missing_field"); malformed JSON gives code "malformed_json" with the parser's message and
/// its byte offset in `position`; valid JSON that is not an object gives "invalid_type".
/// Times are ISO 8601 UTC with milliseconds ("2026-11-22T10:00:00.000Z"); invalid times encode as null.
namespace suanli::protocol {

Result<QJsonObject> parseJsonObject(const QByteArray &bytes);

QString formatTime(const QDateTime &time);
QJsonObject toJson(const Offer &offer);
QJsonObject toJson(const Instance &instance);
QJsonObject toJson(const CreateInstanceRequest &request);
QJsonObject toJson(const Account &account);
QJsonObject toJson(const InstanceGuardsPatch &patch);
QJsonObject toJson(const HostListing &listing);
QJsonObject toJson(const MachineSpec &spec);
QJsonObject toJson(const Host &host);
QJsonObject toJson(const LedgerEntry &entry);
QJsonObject toJson(const Image &image);
QJsonObject toJson(const TelemetrySample &sample);

Result<Offer> offerFromJson(const QJsonObject &json);
Result<Instance> instanceFromJson(const QJsonObject &json);
Result<CreateInstanceRequest> createInstanceRequestFromJson(const QJsonObject &json);
Result<Account> accountFromJson(const QJsonObject &json);
Result<InstanceGuardsPatch> instanceGuardsPatchFromJson(const QJsonObject &json);
/// Partial listing update (PATCH): only fields present are applied onto `base`.
Result<HostListing> hostListingFromJson(const QJsonObject &json, const HostListing &base = {});
Result<MachineSpec> machineSpecFromJson(const QJsonObject &json);
Result<Host> hostFromJson(const QJsonObject &json);
Result<LedgerEntry> ledgerEntryFromJson(const QJsonObject &json);
Result<Image> imageFromJson(const QJsonObject &json);
QJsonObject toJson(const OwnImage &image);
Result<OwnImage> ownImageFromJson(const QJsonObject &json);
QJsonObject toJson(const SaveImageRequest &value);
Result<SaveImageRequest> saveImageRequestFromJson(const QJsonObject &json);
Result<TelemetrySample> telemetrySampleFromJson(const QJsonObject &json);

// Accounts and keys.
QJsonObject toJson(const SignUpRequest &value);
Result<SignUpRequest> signUpRequestFromJson(const QJsonObject &json);
QJsonObject toJson(const SignInRequest &value);
Result<SignInRequest> signInRequestFromJson(const QJsonObject &json);
QJsonObject toJson(const PasswordChangeRequest &value);
Result<PasswordChangeRequest> passwordChangeRequestFromJson(const QJsonObject &json);
QJsonObject toJson(const CloneInstanceRequest &value);
Result<CloneInstanceRequest> cloneInstanceRequestFromJson(const QJsonObject &json);
QJsonObject toJson(const StartInstanceRequest &value);
Result<StartInstanceRequest> startInstanceRequestFromJson(const QJsonObject &json);
QJsonObject toJson(const TokenCreateRequest &value);
Result<TokenCreateRequest> tokenCreateRequestFromJson(const QJsonObject &json);
QJsonObject toJson(const IssuedToken &value);
Result<IssuedToken> issuedTokenFromJson(const QJsonObject &json);
QJsonObject toJson(const ApiToken &value);
Result<ApiToken> apiTokenFromJson(const QJsonObject &json);
QJsonObject toJson(const MarketInfo &value);
Result<MarketInfo> marketInfoFromJson(const QJsonObject &json);

QJsonObject toJson(const AgentMessage &message);
Result<AgentMessage> agentMessageFromJson(const QJsonObject &json);
QJsonObject toJson(const MarketMessage &message);
Result<MarketMessage> marketMessageFromJson(const QJsonObject &json);
QJsonObject toJson(const AppEvent &event);
Result<AppEvent> appEventFromJson(const QJsonObject &json);

} // namespace suanli::protocol
