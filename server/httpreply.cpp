#include "httpreply.h"

#include "protocol/json.h"

#include <QHash>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace suanli::server {

namespace {

/// The HTTP status for an error code coming out of the store or a decoder.
int statusFor(const QString &code)
{
    static const QHash<QString, int> map = {
        {u"not_found"_s, 404},
        {u"offer_not_found"_s, 404},
        {u"voucher_not_found"_s, 404},
        {u"forbidden"_s, 403},
        {u"unauthorized"_s, 401},
        {u"gpus_unavailable"_s, 409},
        {u"conflict"_s, 409},
        {u"invalid_state"_s, 409},
        {u"voucher_redeemed"_s, 409},
        {u"disk_unavailable"_s, 409},
        {u"account_exists"_s, 409},
        {u"insufficient_balance"_s, 402},
        {u"malformed_json"_s, 400},
        {u"invalid_query"_s, 400},
        {u"invalid_order"_s, 400},
        {u"invalid_parameter"_s, 400},
        {u"invalid_type"_s, 422},
        {u"missing_field"_s, 422},
        {u"invalid_value"_s, 422},
        {u"invalid_name"_s, 422},
        // accounts and keys (docs/market.md, "Accounts and keys")
        {u"invalid_credentials"_s, 401},
        {u"too_many_attempts"_s, 429},
        {u"signup_closed"_s, 403},
        {u"invite_required"_s, 403},
        {u"invalid_invite"_s, 403},
        {u"weak_password"_s, 422},
        {u"plan_not_offered"_s, 409},
        {u"no_gpu_not_offered"_s, 409},
        // saved images (docs/market.md, "Saved images")
        {u"image_not_found"_s, 404},
        {u"image_not_ready"_s, 409},
        {u"image_on_other_host"_s, 409},
    };
    return map.value(code, 500);
}

} // namespace

HttpReply jsonReply(int status, const QJsonObject &body)
{
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json"};
}

HttpReply errorReply(int status, const QString &code, const QString &message)
{
    return jsonReply(status,
                     {{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}});
}

HttpReply fromError(const Error &error)
{
    const int status = statusFor(error.code);
    QJsonObject body{
        {u"code"_s, error.code},
        {u"message"_s, status == 500 ? u"internal error; try again"_s : error.message}};
    if (!error.field.isEmpty())
        body.insert(u"field"_s, error.field);
    if (error.position >= 0)
        body.insert(u"position"_s, error.position);
    if (status == 500)
        qWarning("internal error: %s", qPrintable(error.message));
    return jsonReply(status, {{u"error"_s, body}});
}

Result<QJsonObject> bodyObject(const QHttpServerRequest &request)
{
    return protocol::parseJsonObject(request.body());
}

Result<int> intParameter(const QUrlQuery &query, const QString &name, int fallback, int min,
                         int max)
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const int value = query.queryItemValue(name).toInt(&ok);
    if (!ok || value < min || value > max)
        return makeError(u"invalid_parameter"_s,
                         u"%1 must be an integer from %2 to %3"_s.arg(name).arg(min).arg(max),
                         name);
    return value;
}

QDateTime parseUtcTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t;
}

HttpReply noSuchInstance()
{
    return errorReply(404, u"not_found"_s, u"no such instance"_s);
}

} // namespace suanli::server
