#pragma once

#include "protocol/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <functional>

class QHttpServerRequest;
class QUrlQuery;

namespace suanli::server {

/// A response before it is written: status, JSON (or other) body, content type.
struct HttpReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    /// Work too slow for the market's event loop (a password's scrypt, docs/market.md
    /// "Accounts and keys"): when set, `slowWork` runs on the market's KDF threads and touches
    /// nothing but what it captured; `finish` then runs on the market's thread with its result
    /// and gives the reply that is sent.
    std::function<QVariant()> slowWork = {};
    std::function<HttpReply(const QVariant &)> finish = {};
};

HttpReply jsonReply(int status, const QJsonObject &body);
HttpReply errorReply(int status, const QString &code, const QString &message);
/// An error coming out of the store or a decoder, with the HTTP status of its code
/// (server/openapi.yaml lists them); an unknown code is a 500 whose message is not shown.
HttpReply fromError(const Error &error);
/// Parses a request body that must be a JSON object.
Result<QJsonObject> bodyObject(const QHttpServerRequest &request);
/// An integer query parameter from min to max; `fallback` when it is absent.
Result<int> intParameter(const QUrlQuery &query, const QString &name, int fallback, int min,
                         int max);
/// An ISO 8601 time; one without an offset is UTC (the market's clock), never local time.
QDateTime parseUtcTime(const QString &text);
/// The answer for an instance that is not the caller's: "not found", never "forbidden", so
/// that ids do not leak.
HttpReply noSuchInstance();

} // namespace suanli::server
