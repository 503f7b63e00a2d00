#include "market.h"

#include "protocol/json.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace suanli::server {

// The REST handlers of DESIGN §4.

HttpReply jsonReply(int status, const QJsonObject &body)
{
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json"};
}

HttpReply errorReply(int status, const QString &code, const QString &message)
{
    return jsonReply(status, {{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}});
}

namespace {

/// The HTTP status for an error code coming out of the store or a decoder.
int statusFor(const QString &code)
{
    static const QHash<QString, int> map = {
        {u"not_found"_s, 404},        {u"offer_not_found"_s, 404},  {u"voucher_not_found"_s, 404},
        {u"forbidden"_s, 403},        {u"unauthorized"_s, 401},     {u"gpus_unavailable"_s, 409},
        {u"conflict"_s, 409},         {u"invalid_state"_s, 409},    {u"voucher_redeemed"_s, 409},
        {u"disk_unavailable"_s, 409}, {u"account_exists"_s, 409},   {u"insufficient_balance"_s, 402},
        {u"malformed_json"_s, 400},   {u"invalid_query"_s, 400},    {u"invalid_order"_s, 400},
        {u"invalid_parameter"_s, 400}, {u"invalid_type"_s, 422},    {u"missing_field"_s, 422},
        {u"invalid_value"_s, 422},    {u"invalid_name"_s, 422},
    };
    return map.value(code, 500);
}

HttpReply fromError(const Error &error)
{
    const int status = statusFor(error.code);
    QJsonObject body{{u"code"_s, error.code},
                     {u"message"_s, status == 500 ? u"internal error; try again"_s : error.message}};
    if (!error.field.isEmpty())
        body.insert(u"field"_s, error.field);
    if (error.position >= 0)
        body.insert(u"position"_s, error.position);
    if (status == 500)
        qWarning("internal error: %s", qPrintable(error.message));
    return jsonReply(status, {{u"error"_s, body}});
}

/// Parses a request body that must be a JSON object.
Result<QJsonObject> bodyObject(const QHttpServerRequest &request)
{
    return protocol::parseJsonObject(request.body());
}

/// A random token: prefix + 32 random bytes in base64url.
QByteArray newToken(const char *prefix)
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    return QByteArray(prefix)
        + bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
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
                         u"%1 must be an integer from %2 to %3"_s.arg(name).arg(min).arg(max), name);
    return value;
}

QString csvField(QString text)
{
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n')) {
        text.replace(u"\""_s, u"\"\""_s);
        return u'"' + text + u'"';
    }
    return text;
}

/// An ISO 8601 time; one without an offset is UTC (the market's clock), never local time.
QDateTime parseUtcTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t;
}

} // namespace

QByteArray generateToken(const char *prefix)
{
    return newToken(prefix);
}

HttpReply Market::me(const Principal &who)
{
    auto account = m_store->account(who.accountId);
    if (!account)
        return fromError(account.error());
    return jsonReply(200, protocol::toJson(*account));
}

HttpReply Market::patchMe(const Principal &who, const QHttpServerRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto patch = protocol::accountFromJson(*body); // only low_balance_micro is changeable
    if (!patch)
        return fromError(patch.error());
    if (!body->contains("low_balance_micro"_L1))
        return me(who);
    auto account = m_store->setLowBalance(who.accountId, patch->low_balance_micro);
    if (!account)
        return fromError(account.error());
    return jsonReply(200, protocol::toJson(*account));
}

HttpReply Market::redeem(const Principal &who, const QHttpServerRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    const QJsonValue code = body->value(u"code"_s);
    if (code.isUndefined())
        return fromError(makeError(u"missing_field"_s, u"code is required"_s, u"code"_s));
    if (!code.isString())
        return fromError(makeError(u"invalid_type"_s, u"code must be a string"_s, u"code"_s));
    auto balance = m_store->redeemVoucher(who.accountId, code.toString().trimmed());
    if (!balance)
        return fromError(balance.error());
    publish({{Change::Kind::Balance, who.accountId, 0, 0}});
    return jsonReply(200, {{u"balance_micro"_s, *balance},
                           {u"currency"_s, m_store->policy().currency}});
}

HttpReply Market::offers(const QHttpServerRequest &request)
{
    const QUrlQuery params(request.url());
    const QString q = params.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    const QString orderText = params.queryItemValue(u"order"_s, QUrl::FullyDecoded);
    const QString limitText = params.queryItemValue(u"limit"_s, QUrl::FullyDecoded);
    const QString offsetText = params.queryItemValue(u"offset"_s, QUrl::FullyDecoded);
    // A catalog is read far more often than it changes: the same search is answered from
    // memory while no offer changed (here, or in another process: suanli_offers) and for at
    // most kSearchCacheMs, a bound on how stale a change missed by both can be.
    const QString key = q + QChar(0x1f) + orderText + QChar(0x1f) + limitText + QChar(0x1f)
        + offsetText;
    const quint64 version = m_store->offersVersion();
    const qint64 now = m_uptime.elapsed();
    if (const CachedSearch *hit = m_searchCache.object(key)) {
        if (hit->offersVersion == version && now - hit->storedAtMs < kSearchCacheMs) {
            m_metrics.countSearchCacheHit();
            return {200, hit->body, "application/json"};
        }
    }
    auto query = protocol::query::parse(q);
    if (!query)
        return fromError(query.error());
    auto order = protocol::query::parseOrder(orderText);
    if (!order)
        return fromError(order.error());
    auto limit = intParameter(params, u"limit"_s, 50, 1, 1000);
    if (!limit)
        return fromError(limit.error());
    auto offset = intParameter(params, u"offset"_s, 0, 0, 10'000'000);
    if (!offset)
        return fromError(offset.error());
    auto page = m_store->searchOffers(*query, *order, *limit, *offset);
    if (!page)
        return fromError(page.error());
    QJsonArray list;
    for (const auto &offer : page->offers)
        list.append(protocol::toJson(offer));
    HttpReply reply = jsonReply(200, {{u"offers"_s, list}, {u"total"_s, page->total}});
    m_searchCache.insert(key, new CachedSearch{reply.body, version, now},
                         std::max<qsizetype>(1, reply.body.size() / 1024));
    return reply;
}

HttpReply Market::pricing(const QHttpServerRequest &request)
{
    const QString model = QUrlQuery(request.url()).queryItemValue(u"gpu_model"_s,
                                                                  QUrl::FullyDecoded);
    if (model.size() > 200)
        return fromError(makeError(u"invalid_parameter"_s, u"gpu_model is too long"_s,
                                   u"gpu_model"_s));
    auto p = m_store->priceSuggestion(model);
    if (!p)
        return fromError(p.error());
    return jsonReply(200, {{u"gpu_model"_s, p->gpuModel},
                           {u"listed"_s, p->listed},
                           {u"median_price_gpu_hour_micro"_s, p->medianPriceMicro},
                           {u"rented_share"_s, p->rentedShare},
                           {u"currency"_s, m_store->policy().currency},
                           // The lender's share is charge × (1 − fee) (DESIGN §3); the app's
                           // estimate and per-hour figure are net of it.
                           {u"platform_fee"_s, double(m_store->policy().platformFeePpm) / 1e6}});
}

HttpReply Market::images()
{
    auto images = m_store->images();
    if (!images)
        return fromError(images.error());
    QJsonArray list;
    for (const auto &image : *images)
        list.append(protocol::toJson(image));
    return {200, QJsonDocument(list).toJson(QJsonDocument::Compact), "application/json"};
}

HttpReply Market::createInstance(const Principal &who, const QHttpServerRequest &request)
{
    if (!who.hasRole(u"renter"_s) && !who.hasRole(u"admin"_s))
        return errorReply(403, u"forbidden"_s, u"this account has no renter role"_s);
    const QString key = QString::fromUtf8(request.value("idempotency-key")).trimmed();
    if (key.size() > 200)
        return fromError(makeError(u"invalid_parameter"_s,
                                   u"Idempotency-Key has at most 200 characters"_s));
    if (!key.isEmpty()) {
        auto stored = m_store->storedResponse(who.accountId, key);
        if (!stored)
            return fromError(stored.error());
        if (*stored)
            return {(*stored)->status, (*stored)->body, "application/json"};
    }
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto create = protocol::createInstanceRequestFromJson(*body);
    if (!create)
        return fromError(create.error());
    auto encode = [](const Instance &instance) {
        return QJsonDocument(protocol::toJson(instance)).toJson(QJsonDocument::Compact);
    };
    auto instance = m_store->createInstance(who.accountId, *create, key, encode, m_clock.nowMs());
    if (!instance) {
        if (instance.error().code == "conflict"_L1 && !key.isEmpty()) {
            // A concurrent request with the same key won the race: answer as it did.
            auto stored = m_store->storedResponse(who.accountId, key);
            if (stored && *stored)
                return {(*stored)->status, (*stored)->body, "application/json"};
        }
        return fromError(instance.error());
    }
    m_instanceAccount.insert(instance->id, who.accountId);
    m_instanceHost.insert(instance->id, instance->host_id);
    publish({{Change::Kind::Instance, who.accountId, instance->id, 0},
             {Change::Kind::Command, 0, instance->id, instance->host_id}});
    return {201, encode(*instance), "application/json"};
}

HttpReply Market::listInstances(const Principal &who)
{
    auto list = m_store->instances(who.accountId);
    if (!list)
        return fromError(list.error());
    QJsonArray array;
    for (const auto &instance : *list)
        array.append(protocol::toJson(instance));
    return jsonReply(200, {{u"instances"_s, array}});
}

HttpReply Market::instanceAction(const Principal &who, qint64 id, const QString &action)
{
    // Another renter's instance is "not found", never "forbidden": ids do not leak.
    auto owner = m_store->instanceOwner(id);
    if (!owner || *owner != who.accountId)
        return errorReply(404, u"not_found"_s, u"no such instance"_s);
    Result<Instance> result = makeError(u"not_found"_s, u"no such instance"_s);
    const qint64 now = m_clock.nowMs();
    if (action == "get"_L1)
        result = m_store->instance(id);
    else if (action == "stop"_L1)
        result = m_store->requestStop(id, u"user_requested"_s, now);
    else if (action == "start"_L1)
        result = m_store->requestStart(id, now);
    else if (action == "destroy"_L1)
        result = m_store->requestDestroy(id, u"user_requested"_s, now);
    if (!result)
        return fromError(result.error());
    if (action != "get"_L1)
        publish({{Change::Kind::Instance, who.accountId, id, 0},
                 {Change::Kind::Balance, who.accountId, id, 0},
                 {Change::Kind::Command, 0, id, result->host_id}});
    return jsonReply(action == "get"_L1 ? 200 : 202, protocol::toJson(*result));
}

HttpReply Market::instanceLogs(const Principal &who, qint64 id, const QHttpServerRequest &request)
{
    auto owner = m_store->instanceOwner(id);
    if (!owner || *owner != who.accountId)
        return errorReply(404, u"not_found"_s, u"no such instance"_s);
    auto tail = intParameter(QUrlQuery(request.url()), u"tail"_s, 200, 1, 5000);
    if (!tail)
        return fromError(tail.error());
    auto lines = m_store->logs(id, *tail);
    if (!lines)
        return fromError(lines.error());
    return jsonReply(200, {{u"lines"_s, QJsonArray::fromStringList(*lines)}});
}

HttpReply Market::patchInstance(const Principal &who, qint64 id, const QHttpServerRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto patch = protocol::instanceGuardsPatchFromJson(*body);
    if (!patch)
        return fromError(patch.error());
    auto instance = m_store->updateGuards(who.accountId, id, *patch);
    if (!instance)
        return fromError(instance.error());
    m_idle.remove(id); // the idle guard is measured against the new setting from now on
    // The billing run applies the new limits within one period; the app hears the change now.
    publish({{Change::Kind::Instance, who.accountId, id, 0}});
    return jsonReply(200, protocol::toJson(*instance));
}

HttpReply Market::instanceHistory(const Principal &who, qint64 id)
{
    auto owner = m_store->instanceOwner(id);
    if (!owner || *owner != who.accountId)
        return errorReply(404, u"not_found"_s, u"no such instance"_s);
    auto history = m_store->instanceHistory(id);
    if (!history)
        return fromError(history.error());
    QJsonArray events;
    for (const InstanceHistoryEntry &e : *history)
        events.append(QJsonObject{{u"at"_s, protocol::formatTime(QDateTime::fromMSecsSinceEpoch(
                                                e.atMs, Qt::UTC))},
                                  {u"state"_s, e.state},
                                  {u"reason"_s, e.reason}});
    return jsonReply(200, {{u"events"_s, events}});
}

HttpReply Market::instanceTelemetry(const Principal &who, qint64 id,
                                    const QHttpServerRequest &request)
{
    auto owner = m_store->instanceOwner(id);
    if (!owner || *owner != who.accountId)
        return errorReply(404, u"not_found"_s, u"no such instance"_s);
    const QUrlQuery params(request.url());
    qint64 since = m_clock.nowMs() - 24 * 3600 * 1000;
    if (params.hasQueryItem(u"since"_s)) {
        const QDateTime t = parseUtcTime(params.queryItemValue(u"since"_s));
        if (!t.isValid())
            return fromError(makeError(u"invalid_parameter"_s,
                                       u"since must be an ISO 8601 time"_s, u"since"_s));
        since = t.toMSecsSinceEpoch();
    }
    auto points = m_store->telemetryHistory(id, since);
    if (!points)
        return fromError(points.error());
    QJsonArray array;
    for (const auto &p : *points)
        array.append(p);
    return jsonReply(200, {{u"samples"_s, array}});
}

HttpReply Market::ledger(const Principal &who, const QHttpServerRequest &request, bool csv)
{
    const QUrlQuery params(request.url());
    // `since` is an entry id (entries after it) or an ISO 8601 time (entries at or after it).
    qint64 afterId = 0;
    qint64 sinceMs = 0;
    if (params.hasQueryItem(u"since"_s)) {
        const QString since = params.queryItemValue(u"since"_s);
        bool numeric = false;
        afterId = since.toLongLong(&numeric);
        if (!numeric) {
            afterId = 0;
            const QDateTime t = parseUtcTime(since);
            if (!t.isValid())
                return fromError(makeError(u"invalid_parameter"_s,
                                           u"since must be an entry id or an ISO 8601 time"_s,
                                           u"since"_s));
            sinceMs = t.toMSecsSinceEpoch();
        }
    }
    auto limit = intParameter(params, u"limit"_s, csv ? 1'000'000 : 100, 1, 1'000'000);
    if (!limit)
        return fromError(limit.error());
    auto entries = m_store->ledger(who.accountId, afterId, sinceMs, *limit);
    if (!entries)
        return fromError(entries.error());
    if (csv) {
        QString text = u"id,at,kind,amount_micro,balance_after_micro,instance_id,"
                       "idempotency_key,description\r\n"_s;
        for (const auto &e : *entries)
            text += u"%1,%2,%3,%4,%5,%6,%7,%8\r\n"_s.arg(e.id)
                        .arg(protocol::formatTime(e.at), csvField(e.kind))
                        .arg(e.amount_micro)
                        .arg(e.balance_after_micro)
                        .arg(e.instance_id)
                        .arg(csvField(e.idempotency_key), csvField(e.description));
        return {200, text.toUtf8(), "text/csv; charset=utf-8"};
    }
    QJsonArray array;
    for (const auto &e : *entries)
        array.append(protocol::toJson(e));
    return jsonReply(200, {{u"entries"_s, array}});
}

HttpReply Market::createHost(const Principal &who, const QHttpServerRequest &request)
{
    if (!who.hasRole(u"lender"_s) && !who.hasRole(u"admin"_s))
        return errorReply(403, u"forbidden"_s, u"this account has no lender role"_s);
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    const QJsonValue name = body->value(u"name"_s);
    if (name.isUndefined())
        return fromError(makeError(u"missing_field"_s, u"name is required"_s, u"name"_s));
    if (!name.isString())
        return fromError(makeError(u"invalid_type"_s, u"name must be a string"_s, u"name"_s));
    auto host = m_store->createHost(who.accountId, name.toString());
    if (!host)
        return fromError(host.error());
    const QByteArray token = newToken("sh_");
    auto saved = m_store->addToken(QCryptographicHash::hash(token, QCryptographicHash::Sha256),
                                   who.accountId, host->id);
    if (!saved)
        return fromError(saved.error());
    return jsonReply(201, {{u"host"_s, protocol::toJson(*host)},
                           {u"token"_s, QString::fromLatin1(token)}});
}

HttpReply Market::listHosts(const Principal &who)
{
    auto hosts = m_store->hosts(who.accountId);
    if (!hosts)
        return fromError(hosts.error());
    QJsonArray array;
    for (const auto &h : *hosts)
        array.append(protocol::toJson(h));
    return jsonReply(200, {{u"hosts"_s, array}});
}

HttpReply Market::patchHost(const Principal &who, qint64 id, const QHttpServerRequest &request)
{
    auto host = m_store->host(id);
    if (!host || host->owner_id != who.accountId)
        return errorReply(404, u"not_found"_s, u"no such host"_s);
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto listing = protocol::hostListingFromJson(*body, host->listing);
    if (!listing)
        return fromError(listing.error());
    auto updated = m_store->updateListing(id, *listing);
    if (!updated)
        return fromError(updated.error());
    return jsonReply(200, protocol::toJson(*updated));
}

HttpReply Market::earnings(const Principal &who)
{
    auto days = m_store->earningsByDay(who.accountId);
    if (!days)
        return fromError(days.error());
    auto hosts = m_store->earningsByHost(who.accountId);
    if (!hosts)
        return fromError(hosts.error());
    QJsonArray dayArray, hostArray;
    Micro total = 0;
    for (const auto &d : *days) {
        dayArray.append(QJsonObject{{u"day"_s, d.day}, {u"earned_micro"_s, d.earned}});
        total += d.earned;
    }
    for (const auto &h : *hosts)
        hostArray.append(QJsonObject{
            {u"host_id"_s, h.hostId}, {u"name"_s, h.name}, {u"earned_micro"_s, h.earned}});
    return jsonReply(200, {{u"days"_s, dayArray},
                           {u"hosts"_s, hostArray},
                           {u"total_micro"_s, total},
                           {u"currency"_s, m_store->policy().currency}});
}

HttpReply Market::metricsText()
{
    QByteArray out = m_metrics.render();
    out += "# HELP suanli_instances Instances by state.\n# TYPE suanli_instances gauge\n";
    if (auto counts = m_store->instanceCountsByState()) {
        for (auto it = counts->constBegin(); it != counts->constEnd(); ++it)
            out += "suanli_instances{state=\"" + it.key().toUtf8() + "\"} "
                + QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP suanli_agents_connected Agents connected to this process.\n"
           "# TYPE suanli_agents_connected gauge\nsuanli_agents_connected "
        + QByteArray::number(m_agents.size()) + '\n';
    out += "# HELP suanli_app_sockets Event sockets open on this process.\n"
           "# TYPE suanli_app_sockets gauge\nsuanli_app_sockets "
        + QByteArray::number(m_apps.size()) + '\n';
    out += "# HELP suanli_ledger_total_micro Sum of ledger amounts by kind.\n"
           "# TYPE suanli_ledger_total_micro gauge\n";
    if (auto totals = m_store->ledgerTotalsByKind()) {
        for (auto it = totals->constBegin(); it != totals->constEnd(); ++it)
            out += "suanli_ledger_total_micro{kind=\"" + it.key().toUtf8() + "\"} "
                + QByteArray::number(it.value()) + '\n';
    }
    return {200, out, "text/plain; version=0.0.4"};
}

} // namespace suanli::server
