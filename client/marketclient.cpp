#include "marketclient.h"

#include "protocol/backoff.h"
#include "protocol/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace suanli::client {

namespace {
constexpr int kMaxRetryDelayMs = 30'000;
}

namespace {

template <typename T>
Result<QList<T>> decodeArray(const QJsonArray &array, Result<T> (*decode)(const QJsonObject &),
                             const QString &field)
{
    QList<T> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto item = decode(array.at(i).toObject());
        if (!item) {
            Error e = item.error();
            e.field = u"%1[%2].%3"_s.arg(field).arg(i).arg(e.field);
            return e;
        }
        out.append(std::move(item).value());
    }
    return out;
}

Result<QJsonObject> object(const QByteArray &body)
{
    return protocol::parseJsonObject(body);
}

} // namespace

Error MarketClient::errorFromReply(int status, const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(u"error"_s).toObject();
    Error e;
    e.code = error.value(u"code"_s).toString();
    e.message = error.value(u"message"_s).toString();
    e.field = error.value(u"field"_s).toString();
    e.position = error.value(u"position"_s).toInt(-1);
    if (e.code.isEmpty()) {
        e.code = u"http_%1"_s.arg(status);
        e.message = tr("The market answered HTTP %1.").arg(status);
    }
    return e;
}

MarketClient::MarketClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void MarketClient::setMarket(const QUrl &baseUrl, const QByteArray &token)
{
    m_baseUrl = baseUrl;
    m_token = token;
}

void MarketClient::setReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    emit reachableChanged(reachable);
}

void MarketClient::send(Call call)
{
    QUrl url = m_baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + call.path);
    if (!call.query.isEmpty())
        url.setQuery(call.query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    // Sign-up, sign-in and the market's facts are asked before there is a token.
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setRawHeader("Accept", "application/json");
    if (!call.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    for (const auto &header : std::as_const(call.headers))
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = m_network->sendCustomRequest(request, call.method, call.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, call = std::move(call)]() mutable {
        onFinished(reply, std::move(call));
    });
}

void MarketClient::onFinished(QNetworkReply *reply, Call call)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const auto netError = reply->error();
    const bool transport = status == 0;
    const bool retryable = transport || status == 429 || status >= 500;
    if (retryable && call.repeatable && call.attempt < m_retries) {
        // Backoff grows per attempt (0.5 s, 1 s, … jittered) so a market that restarts gets time.
        const int delay = int(protocol::backoffMs(call.attempt, m_retryDelayMs, kMaxRetryDelayMs));
        ++call.attempt;
        QTimer::singleShot(delay, this, [this, call = std::move(call)]() mutable {
            if (call.context)
                send(std::move(call));
        });
        return;
    }
    if (!call.context)
        return;
    if (transport) {
        setReachable(false);
        const bool timedOut = netError == QNetworkReply::OperationCanceledError ||
                              netError == QNetworkReply::TimeoutError;
        call.done(timedOut
                      ? makeError(u"timeout"_s, tr("The market did not answer in time."))
                      : makeError(u"network_error"_s,
                                  tr("Cannot reach the market: %1").arg(reply->errorString())));
        return;
    }
    setReachable(true);
    if (status >= 200 && status < 300)
        call.done(body);
    else
        call.done(errorFromReply(status, body));
}

void MarketClient::request(const QByteArray &method, const QString &path, const QUrlQuery &query,
                           const QByteArray &body, QObject *context, Callback<QByteArray> done)
{
    Call call;
    call.method = method;
    call.path = path;
    call.query = query;
    call.body = body;
    call.context = context;
    call.done = std::move(done);
    send(std::move(call));
}

template <typename T>
void MarketClient::getJson(const QString &path, const QUrlQuery &query, QObject *context,
                           std::function<Result<T>(const QByteArray &)> decode, Callback<T> done)
{
    request("GET", path, query, {}, context,
            [decode = std::move(decode), done = std::move(done)](Result<QByteArray> r) {
                if (!r)
                    done(r.error());
                else
                    done(decode(*r));
            });
}

void MarketClient::me(QObject *context, Callback<Account> done)
{
    getJson<Account>(
        u"/api/v1/me"_s, {}, context,
        [](const QByteArray &body) -> Result<Account> {
            auto json = object(body);
            if (!json)
                return json.error();
            return protocol::accountFromJson(*json);
        },
        std::move(done));
}

void MarketClient::offers(const QString &queryText, const QString &order, int limit, int offset,
                          QObject *context, Callback<OfferPage> done)
{
    QUrlQuery query;
    if (!queryText.isEmpty())
        query.addQueryItem(u"q"_s, QString::fromLatin1(QUrl::toPercentEncoding(queryText)));
    if (!order.isEmpty())
        query.addQueryItem(u"order"_s, order);
    query.addQueryItem(u"limit"_s, QString::number(limit));
    query.addQueryItem(u"offset"_s, QString::number(offset));
    getJson<OfferPage>(
        u"/api/v1/offers"_s, query, context,
        [](const QByteArray &body) -> Result<OfferPage> {
            auto json = object(body);
            if (!json)
                return json.error();
            auto offers = decodeArray<Offer>(json->value(u"offers"_s).toArray(),
                                             &protocol::offerFromJson, u"offers"_s);
            if (!offers)
                return offers.error();
            return OfferPage{std::move(offers).value(), json->value(u"total"_s).toInteger()};
        },
        std::move(done));
}

void MarketClient::images(QObject *context, Callback<QList<Image>> done)
{
    getJson<QList<Image>>(
        u"/api/v1/images"_s, {}, context,
        [](const QByteArray &body) -> Result<QList<Image>> {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
            if (!doc.isArray())
                return makeError(u"malformed_json"_s, u"images: expected an array"_s);
            QJsonArray hosts;
            for (const QJsonValue &v : doc.array()) {
                if (v.toObject().value(u"owner"_s).toString().isEmpty())
                    hosts.append(v);
            }
            return decodeArray<Image>(hosts, &protocol::imageFromJson, u"images"_s);
        },
        std::move(done));
}

void MarketClient::ownImages(QObject *context, Callback<QList<protocol::OwnImage>> done)
{
    getJson<QList<protocol::OwnImage>>(
        u"/api/v1/images"_s, {}, context,
        [](const QByteArray &body) -> Result<QList<protocol::OwnImage>> {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (!doc.isArray())
                return makeError(u"malformed_json"_s, u"images: expected an array"_s);
            QJsonArray own;
            for (const QJsonValue &v : doc.array()) {
                if (v.toObject().value(u"owner"_s).toString() == "me"_L1)
                    own.append(v);
            }
            return decodeArray<protocol::OwnImage>(own, &protocol::ownImageFromJson, u"images"_s);
        },
        std::move(done));
}

void MarketClient::saveImage(qint64 instanceId, const QString &name, QObject *context,
                             Callback<protocol::OwnImage> done)
{
    Call call;
    call.method = "POST";
    call.path = u"/api/v1/instances/%1/images"_s.arg(instanceId);
    call.body = QJsonDocument(protocol::toJson(protocol::SaveImageRequest{name}))
                    .toJson(QJsonDocument::Compact);
    call.repeatable = false;
    call.context = context;
    call.done = [done = std::move(done), name](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        // 202 {id, ref, state, size_bytes}: the rest is the renter's own words.
        const QJsonObject o = QJsonDocument::fromJson(*r).object();
        protocol::OwnImage image;
        image.id = o.value(u"id"_s).toInteger();
        image.ref = o.value(u"ref"_s).toString();
        image.state = o.value(u"state"_s).toString();
        image.size_bytes = o.value(u"size_bytes"_s).toInteger();
        image.name = name;
        image.title = name;
        if (image.id <= 0 || image.ref.isEmpty())
            return done(makeError(u"malformed_json"_s, u"the saved image has no id or ref"_s));
        done(image);
    };
    send(std::move(call));
}

void MarketClient::deleteImage(qint64 imageId, QObject *context, Callback<void> done)
{
    Call call;
    call.method = "DELETE";
    call.path = u"/api/v1/images/%1"_s.arg(imageId);
    call.repeatable = false;
    call.context = context;
    call.done = [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        done({});
    };
    send(std::move(call));
}

void MarketClient::createInstance(const CreateInstanceRequest &request,
                                  const QString &idempotencyKey, QObject *context,
                                  Callback<Instance> done)
{
    Call call;
    call.method = "POST";
    call.path = u"/api/v1/instances"_s;
    call.body = QJsonDocument(protocol::toJson(request)).toJson(QJsonDocument::Compact);
    call.repeatable = !idempotencyKey.isEmpty();
    if (call.repeatable)
        call.headers.append({"Idempotency-Key", idempotencyKey.toUtf8()});
    call.context = context;
    call.done = [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        auto json = object(*r);
        if (!json)
            return done(json.error());
        done(protocol::instanceFromJson(*json));
    };
    send(std::move(call));
}

void MarketClient::instances(QObject *context, Callback<QList<Instance>> done)
{
    getJson<QList<Instance>>(
        u"/api/v1/instances"_s, {}, context,
        [](const QByteArray &body) -> Result<QList<Instance>> {
            auto json = object(body);
            if (!json)
                return json.error();
            return decodeArray<Instance>(json->value(u"instances"_s).toArray(),
                                         &protocol::instanceFromJson, u"instances"_s);
        },
        std::move(done));
}

void MarketClient::instance(qint64 id, QObject *context, Callback<Instance> done)
{
    getJson<Instance>(
        u"/api/v1/instances/%1"_s.arg(id), {}, context,
        [](const QByteArray &body) -> Result<Instance> {
            auto json = object(body);
            if (!json)
                return json.error();
            return protocol::instanceFromJson(*json);
        },
        std::move(done));
}

namespace {
void decodeInstanceInto(const Result<QByteArray> &r, const MarketClient::Callback<Instance> &done)
{
    if (!r)
        return done(r.error());
    auto json = protocol::parseJsonObject(*r);
    if (!json)
        return done(json.error());
    done(protocol::instanceFromJson(*json));
}
} // namespace

void MarketClient::sendInstanceCall(const QByteArray &method, const QString &path, QObject *context,
                                    Callback<Instance> done, const QByteArray &body)
{
    // Stop, start and destroy are idempotent on the market (a repeat finds the instance
    // already stopping, or answers invalid_state), so they may be retried.
    Call call;
    call.method = method;
    call.path = path;
    call.body = body;
    call.context = context;
    call.done = [done = std::move(done)](Result<QByteArray> r) {
        decodeInstanceInto(r, done);
    };
    send(std::move(call));
}

void MarketClient::stopInstance(qint64 id, QObject *context, Callback<Instance> done)
{
    sendInstanceCall("POST", u"/api/v1/instances/%1/stop"_s.arg(id), context, std::move(done));
}

void MarketClient::startInstance(qint64 id, QObject *context, Callback<Instance> done)
{
    sendInstanceCall("POST", u"/api/v1/instances/%1/start"_s.arg(id), context, std::move(done));
}

void MarketClient::startInstanceWithoutGpu(qint64 id, QObject *context, Callback<Instance> done)
{
    // Repeatable like a start: a repeat finds it starting and answers invalid_state.
    sendInstanceCall("POST", u"/api/v1/instances/%1/start"_s.arg(id), context, std::move(done),
                     QJsonDocument(protocol::toJson(protocol::StartInstanceRequest{0}))
                         .toJson(QJsonDocument::Compact));
}

void MarketClient::cloneInstance(qint64 id, const protocol::CloneInstanceRequest &request,
                                 QObject *context, Callback<Instance> done)
{
    Call call;
    call.method = "POST";
    call.path = u"/api/v1/instances/%1/clone"_s.arg(id);
    call.body = QJsonDocument(protocol::toJson(request)).toJson(QJsonDocument::Compact);
    call.repeatable = false;
    call.context = context;
    call.done = [done = std::move(done)](Result<QByteArray> r) {
        decodeInstanceInto(r, done);
    };
    send(std::move(call));
}

void MarketClient::destroyInstance(qint64 id, QObject *context, Callback<Instance> done)
{
    sendInstanceCall("DELETE", u"/api/v1/instances/%1"_s.arg(id), context, std::move(done));
}

void MarketClient::logs(qint64 id, int tail, QObject *context, Callback<QStringList> done)
{
    QUrlQuery query;
    query.addQueryItem(u"tail"_s, QString::number(tail));
    getJson<QStringList>(
        u"/api/v1/instances/%1/logs"_s.arg(id), query, context,
        [](const QByteArray &body) -> Result<QStringList> {
            auto json = object(body);
            if (!json)
                return json.error();
            QStringList lines;
            for (const auto &line : json->value(u"lines"_s).toArray())
                lines.append(line.toString());
            return lines;
        },
        std::move(done));
}

void MarketClient::ledger(qint64 afterId, int limit, QObject *context,
                          Callback<QList<LedgerEntry>> done)
{
    QUrlQuery query;
    if (afterId > 0)
        query.addQueryItem(u"since"_s, QString::number(afterId));
    query.addQueryItem(u"limit"_s, QString::number(limit));
    getJson<QList<LedgerEntry>>(
        u"/api/v1/ledger"_s, query, context,
        [](const QByteArray &body) -> Result<QList<LedgerEntry>> {
            auto json = object(body);
            if (!json)
                return json.error();
            return decodeArray<LedgerEntry>(json->value(u"entries"_s).toArray(),
                                            &protocol::ledgerEntryFromJson, u"entries"_s);
        },
        std::move(done));
}

void MarketClient::ledgerCsv(QObject *context, Callback<QByteArray> done)
{
    request("GET", u"/api/v1/ledger.csv"_s, {}, {}, context, std::move(done));
}

void MarketClient::redeemVoucher(const QString &code, QObject *context, Callback<Balance> done)
{
    Call call;
    call.method = "POST";
    call.path = u"/api/v1/vouchers/redeem"_s;
    call.body = QJsonDocument(QJsonObject{{u"code"_s, code}}).toJson(QJsonDocument::Compact);
    call.context = context;
    // A voucher is redeemed once; a repeat answers voucher_redeemed, so retries are harmless
    // only in that they cannot credit twice. Still, a lost answer is better re-asked by the user.
    call.repeatable = false;
    call.done = [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        auto json = object(*r);
        if (!json)
            return done(json.error());
        done(Balance{json->value(u"balance_micro"_s).toInteger(),
                     json->value(u"currency"_s).toString()});
    };
    send(std::move(call));
}

void MarketClient::createHost(const QString &name, QObject *context, Callback<CreatedHost> done)
{
    Call call;
    call.method = "POST";
    call.path = u"/api/v1/hosts"_s;
    call.body = QJsonDocument(QJsonObject{{u"name"_s, name}}).toJson(QJsonDocument::Compact);
    call.context = context;
    call.repeatable = false;
    call.done = [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        auto json = object(*r);
        if (!json)
            return done(json.error());
        auto host = protocol::hostFromJson(json->value(u"host"_s).toObject());
        if (!host)
            return done(host.error());
        done(CreatedHost{*host, json->value(u"token"_s).toString().toLatin1()});
    };
    send(std::move(call));
}

void MarketClient::listHosts(QObject *context, Callback<QList<protocol::Host>> done)
{
    getJson<QList<protocol::Host>>(
        u"/api/v1/hosts"_s, {}, context,
        [](const QByteArray &body) -> Result<QList<protocol::Host>> {
            auto json = object(body);
            if (!json)
                return json.error();
            return decodeArray<protocol::Host>(json->value(u"hosts"_s).toArray(),
                                               &protocol::hostFromJson, u"hosts"_s);
        },
        std::move(done));
}

void MarketClient::updateListing(qint64 hostId, const protocol::HostListing &listing,
                                 QObject *context, Callback<protocol::Host> done)
{
    Call call;
    call.method = "PATCH";
    call.path = u"/api/v1/hosts/%1"_s.arg(hostId);
    call.body = QJsonDocument(protocol::toJson(listing)).toJson(QJsonDocument::Compact);
    call.context = context;
    call.done = [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        auto json = object(*r);
        if (!json)
            return done(json.error());
        done(protocol::hostFromJson(*json));
    };
    send(std::move(call));
}

template <typename T>
void MarketClient::sendOnce(const QByteArray &method, const QString &path, const QJsonObject &body,
                            QObject *context, std::function<Result<T>(const QByteArray &)> decode,
                            Callback<T> done)
{
    Call call;
    call.method = method;
    call.path = path;
    if (!body.isEmpty())
        call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call.repeatable = false;
    call.context = context;
    call.done = [decode = std::move(decode), done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        done(decode(*r));
    };
    send(std::move(call));
}

namespace {
Result<IssuedToken> decodeIssued(const QByteArray &body)
{
    auto json = protocol::parseJsonObject(body);
    if (!json)
        return json.error();
    return protocol::issuedTokenFromJson(*json);
}
} // namespace

void MarketClient::marketInfo(QObject *context, Callback<MarketInfo> done)
{
    getJson<MarketInfo>(
        u"/api/v1/market"_s, {}, context,
        [](const QByteArray &body) -> Result<MarketInfo> {
            auto json = object(body);
            if (!json)
                return json.error();
            return protocol::marketInfoFromJson(*json);
        },
        std::move(done));
}

void MarketClient::signUp(const protocol::SignUpRequest &request, QObject *context,
                          Callback<IssuedToken> done)
{
    sendOnce<IssuedToken>("POST", u"/api/v1/accounts"_s, protocol::toJson(request), context,
                          &decodeIssued, std::move(done));
}

void MarketClient::signIn(const protocol::SignInRequest &request, QObject *context,
                          Callback<IssuedToken> done)
{
    sendOnce<IssuedToken>("POST", u"/api/v1/sessions"_s, protocol::toJson(request), context,
                          &decodeIssued, std::move(done));
}

void MarketClient::changePassword(const protocol::PasswordChangeRequest &request, QObject *context,
                                  Callback<qint64> done)
{
    sendOnce<qint64>(
        "POST", u"/api/v1/me/password"_s, protocol::toJson(request), context,
        [](const QByteArray &body) -> Result<qint64> {
            auto json = object(body);
            if (!json)
                return json.error();
            return json->value(u"revoked"_s).toInteger();
        },
        std::move(done));
}

void MarketClient::tokens(QObject *context, Callback<QList<ApiToken>> done)
{
    getJson<QList<ApiToken>>(
        u"/api/v1/tokens"_s, {}, context,
        [](const QByteArray &body) -> Result<QList<ApiToken>> {
            auto json = object(body);
            if (!json)
                return json.error();
            return decodeArray<ApiToken>(json->value(u"tokens"_s).toArray(),
                                         &protocol::apiTokenFromJson, u"tokens"_s);
        },
        std::move(done));
}

void MarketClient::createToken(const protocol::TokenCreateRequest &request, QObject *context,
                               Callback<IssuedToken> done)
{
    sendOnce<IssuedToken>("POST", u"/api/v1/tokens"_s, protocol::toJson(request), context,
                          &decodeIssued, std::move(done));
}

void MarketClient::revokeToken(qint64 id, QObject *context, Callback<void> done)
{
    Call call;
    call.method = "DELETE";
    call.path = u"/api/v1/tokens/%1"_s.arg(id);
    call.repeatable = false;
    call.context = context;
    call.done = [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        done({});
    };
    send(std::move(call));
}

// ---- money in and out (issue 18) ----

template <typename T>
void MarketClient::postKeyed(const QString &path, const QJsonObject &body,
                             const QString &idempotencyKey, QObject *context,
                             Result<T> (*decode)(const QJsonObject &), Callback<T> done)
{
    Call call;
    call.method = "POST";
    call.path = path;
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call.repeatable = !idempotencyKey.isEmpty();
    if (call.repeatable)
        call.headers.append({"Idempotency-Key", idempotencyKey.toUtf8()});
    call.context = context;
    call.done = [decode, done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        auto json = object(*r);
        if (!json)
            return done(json.error());
        done(decode(*json));
    };
    send(std::move(call));
}

void MarketClient::createTopUp(Micro amount, const QString &idempotencyKey, QObject *context,
                               Callback<protocol::TopUpOrder> done)
{
    postKeyed<protocol::TopUpOrder>(
        u"/api/v1/topups"_s, protocol::toJson(protocol::TopUpRequest{amount}), idempotencyKey,
        context, &protocol::topUpOrderFromJson, std::move(done));
}

void MarketClient::topUps(QObject *context, Callback<QList<protocol::TopUpOrder>> done)
{
    getJson<QList<protocol::TopUpOrder>>(
        u"/api/v1/topups"_s, {}, context,
        [](const QByteArray &body) -> Result<QList<protocol::TopUpOrder>> {
            auto json = object(body);
            if (!json)
                return json.error();
            return decodeArray<protocol::TopUpOrder>(json->value(u"topups"_s).toArray(),
                                                     &protocol::topUpOrderFromJson, u"topups"_s);
        },
        std::move(done));
}

void MarketClient::payoutSummary(QObject *context, Callback<protocol::PayoutSummary> done)
{
    getJson<protocol::PayoutSummary>(
        u"/api/v1/payouts/summary"_s, {}, context,
        [](const QByteArray &body) -> Result<protocol::PayoutSummary> {
            auto json = object(body);
            if (!json)
                return json.error();
            return protocol::payoutSummaryFromJson(*json);
        },
        std::move(done));
}

void MarketClient::requestPayout(const protocol::PayoutRequest &request,
                                 const QString &idempotencyKey, QObject *context,
                                 Callback<protocol::Payout> done)
{
    postKeyed<protocol::Payout>(u"/api/v1/payouts"_s, protocol::toJson(request), idempotencyKey,
                                context, &protocol::payoutFromJson, std::move(done));
}

void MarketClient::payouts(QObject *context, Callback<QList<protocol::Payout>> done)
{
    getJson<QList<protocol::Payout>>(
        u"/api/v1/payouts"_s, {}, context,
        [](const QByteArray &body) -> Result<QList<protocol::Payout>> {
            auto json = object(body);
            if (!json)
                return json.error();
            return decodeArray<protocol::Payout>(json->value(u"payouts"_s).toArray(),
                                                 &protocol::payoutFromJson, u"payouts"_s);
        },
        std::move(done));
}
// ---- end money ----

} // namespace suanli::client
