// The authorisation matrix: every operation in server/openapi.yaml, called over real HTTP on a
// real market by every kind of caller that is not the owner of what the path names, answers
// what the table below says, and changes nothing of the owner's. A route in openapi.yaml
// without a row (or a row without a route) fails the test, so a new route needs a row.

#include "support/ledgercheck.h"
#include "support/marketscenario.h"
#include "support/testmain.h"

#include "protocol/json.h"
#include "server/authenticator.h"

#include <QCryptographicHash>

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace suanli;
using namespace suanli::testing;
using namespace Qt::StringLiterals;

namespace {

/// The callers that are not renter A (who owns the instance every {id} route names).
enum Caller
{
    Anonymous,
    Forged,
    OtherRenter,
    HostToken,
    Lender,
    Admin,
    CallerCount
};

const char *const kCallerNames[CallerCount] = {"no token",   "forged token", "another renter",
                                               "host token", "lender",       "admin"};

/// One operation and the status each caller gets. `A` marks an answer that only the caller's
/// own things are touched (a list of its own, its own account), never renter A's.
struct Row
{
    const char *method;
    const char *path;
    int expected[CallerCount];
};

// clang-format off
// Statuses: 401 no or forged token; 403 a role that may not (a host token anywhere but the
// speed test and the agent channel, a renter creating hosts, a lender creating instances); another's instance or
// host is 404 "no such" (never 403, which would confirm that it exists), and a list is the
// caller's own (empty); 2xx only on the caller's own things. The two WebSocket paths, asked
// with a plain GET (no upgrade), answer 404 "no such endpoint" to an account and 403 to a
// host token (tested with a real upgrade in webSocketsOpenOnlyForTheirCallers).
const Row kMatrix[] = {
    //                                                  none forged renterB host lender admin
    {"GET",    "/healthz",                            { 200, 200, 200, 200, 200, 200 }},
    {"GET",    "/metrics",                            { 200, 200, 200, 200, 200, 200 }},
    {"GET",    "/api/v1/market",                      { 200, 200, 200, 200, 200, 200 }},
    // The harness's market has `--signup closed` (the default): nobody signs up.
    {"POST",   "/api/v1/accounts",                    { 403, 403, 403, 403, 403, 403 }},
    // Renter A's name with a wrong password, six times in a row: the sixth failed sign-in of
    // one name within 15 minutes is refused before any password is checked.
    {"POST",   "/api/v1/sessions",                    { 401, 401, 401, 401, 401, 429 }},
    // Each caller's own account, never renter A's: made by the operator without a password,
    // each sets its first one (no old one needed).
    {"POST",   "/api/v1/me/password",                 { 401, 401, 200, 403, 200, 200 }},
    {"GET",    "/api/v1/tokens",                      { 401, 401, 200, 403, 200, 200 }},
    {"POST",   "/api/v1/tokens",                      { 401, 401, 201, 403, 201, 201 }},
    {"DELETE", "/api/v1/tokens/{id}",                 { 401, 401, 404, 403, 404, 404 }},
    {"GET",    "/api/v1/me",                          { 401, 401, 200, 403, 200, 200 }},
    {"PATCH",  "/api/v1/me",                          { 401, 401, 200, 403, 200, 200 }},
    {"POST",   "/api/v1/vouchers/redeem",             { 401, 401, 404, 403, 404, 404 }},
    {"GET",    "/api/v1/offers",                      { 401, 401, 200, 403, 200, 200 }},
    {"GET",    "/api/v1/images",                      { 401, 401, 200, 403, 200, 200 }},
    // Saved images: {id} is renter A's ready image; another's save of A's instance is 404.
    {"DELETE", "/api/v1/images/{id}",                 { 401, 401, 404, 403, 404, 404 }},
    {"POST",   "/api/v1/instances/{id}/images",       { 401, 401, 404, 403, 404, 404 }},
    {"GET",    "/api/v1/pricing",                     { 401, 401, 200, 403, 200, 200 }},
    {"GET",    "/api/v1/instances",                   { 401, 401, 200, 403, 200, 200 }},
    {"POST",   "/api/v1/instances",                   { 401, 401, 201, 403, 403, 201 }},
    {"GET",    "/api/v1/instances/{id}",              { 401, 401, 404, 403, 404, 404 }},
    {"PATCH",  "/api/v1/instances/{id}",              { 401, 401, 404, 403, 404, 404 }},
    {"DELETE", "/api/v1/instances/{id}",              { 401, 401, 404, 403, 404, 404 }},
    {"POST",   "/api/v1/instances/{id}/stop",         { 401, 401, 404, 403, 404, 404 }},
    {"POST",   "/api/v1/instances/{id}/start",        { 401, 401, 404, 403, 404, 404 }},
    // Cloning renter A's instance: another renter, the lender and the admin own none of it.
    {"POST",   "/api/v1/instances/{id}/clone",        { 401, 401, 404, 403, 404, 404 }},
    {"GET",    "/api/v1/instances/{id}/events",       { 401, 401, 404, 403, 404, 404 }},
    {"GET",    "/api/v1/instances/{id}/logs",         { 401, 401, 404, 403, 404, 404 }},
    {"GET",    "/api/v1/instances/{id}/telemetry",    { 401, 401, 404, 403, 404, 404 }},
    {"GET",    "/api/v1/ledger",                      { 401, 401, 200, 403, 200, 200 }},
    {"GET",    "/api/v1/ledger.csv",                  { 401, 401, 200, 403, 200, 200 }},
    {"GET",    "/api/v1/hosts",                       { 401, 401, 200, 403, 200, 200 }},
    {"POST",   "/api/v1/hosts",                       { 401, 401, 403, 403, 201, 201 }},
    {"PATCH",  "/api/v1/hosts/{id}",                  { 401, 401, 404, 403, 404, 404 }},
    {"GET",    "/api/v1/earnings",                    { 401, 401, 200, 403, 200, 200 }},
    {"GET",    "/api/v1/events",                      { 401, 401, 404, 403, 404, 404 }},
    {"GET",    "/api/v1/agent",                       { 401, 401, 404, 403, 404, 404 }},
    // The agents' speed test (docs/market.md, "Measured speeds"): host tokens only; the GET
    // names no size here (422 for the host), the POST's body is "{}" (2 bytes: 200).
    {"GET",    "/api/v1/speedtest",                   { 401, 401, 403, 422, 403, 403 }},
    {"POST",   "/api/v1/speedtest",                   { 401, 401, 403, 200, 403, 403 }},
    // ---- money in and out (issue 18) ----
    // A top-up order and the payouts are the caller's own; the webhook takes no token, only
    // a signature (none here: 400 whoever calls); the operator's routes are 403 to anyone
    // but an admin, who gets 404 for the unknown id they name (kNoSuchMoneyId), so nothing
    // of renter A's is touched. A lender with no earnings may ask for nothing (409).
    {"GET",    "/api/v1/topups",                      { 401, 401, 200, 403, 200, 200 }},
    {"POST",   "/api/v1/topups",                      { 401, 401, 201, 403, 201, 201 }},
    {"POST",   "/api/v1/payments/webhook",            { 400, 400, 400, 400, 400, 400 }},
    {"GET",    "/api/v1/payouts/summary",             { 401, 401, 200, 403, 200, 200 }},
    {"GET",    "/api/v1/payouts",                     { 401, 401, 200, 403, 200, 200 }},
    {"POST",   "/api/v1/payouts",                     { 401, 401, 403, 403, 409, 409 }},
    {"GET",    "/api/v1/admin/topups",                { 401, 401, 403, 403, 403, 200 }},
    {"POST",   "/api/v1/admin/topups/{id}/confirm",   { 401, 401, 403, 403, 403, 404 }},
    {"GET",    "/api/v1/admin/payouts",               { 401, 401, 403, 403, 403, 200 }},
    {"GET",    "/api/v1/admin/payouts.csv",           { 401, 401, 403, 403, 403, 200 }},
    {"POST",   "/api/v1/admin/payouts/{id}/approve",  { 401, 401, 403, 403, 403, 404 }},
    {"POST",   "/api/v1/admin/payouts/{id}/reject",   { 401, 401, 403, 403, 403, 404 }},
    {"POST",   "/api/v1/admin/payouts/{id}/mark-paid",{ 401, 401, 403, 403, 403, 404 }},
    // ---- end money ----
};
/// The id the operator's money routes name in the matrix: none such (issue 18).
constexpr qint64 kNoSuchMoneyId = 999'999;
// clang-format on

/// The operations under `paths:` of openapi.yaml ("GET /api/v1/me"), read line by line: a path
/// at two spaces of indent, its operations at four (the layout tst_openapi checks).
QStringList documentedOperations(QString *error)
{
    QFile file(qEnvironmentVariable("SUANLI_SOURCE_DIR") + u"/server/openapi.yaml"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + file.fileName();
        return {};
    }
    static const QRegularExpression pathLine(u"^  (/[^:\\s]*):\\s*(#.*)?$"_s);
    static const QRegularExpression methodLine(
        u"^    (get|put|post|delete|patch|head|options|trace):\\s*(#.*)?$"_s);
    QStringList operations;
    bool inPaths = false;
    QString path;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).remove(u'\r');
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        if (!line.startsWith(u' ')) {
            inPaths = line.startsWith("paths:"_L1);
            continue;
        }
        if (!inPaths)
            continue;
        if (const auto m = pathLine.match(line); m.hasMatch())
            path = m.captured(1);
        else if (const auto op = methodLine.match(line); op.hasMatch() && !path.isEmpty())
            operations.append(op.captured(1).toUpper() + u' ' + path);
    }
    return operations;
}

QString rowName(const Row &row)
{
    return QString::fromLatin1(row.method) + u' ' + QString::fromLatin1(row.path);
}

} // namespace

class TestMarketAuthz : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_h = std::make_unique<MarketHarness>();
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
    }
    void cleanup() { m_h.reset(); }

    void everyDocumentedRouteHasARow()
    {
        QString error;
        const QStringList documented = documentedOperations(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(documented.size() >= 20);
        QStringList rows;
        for (const Row &row : kMatrix)
            rows.append(rowName(row));
        for (const QString &op : documented)
            QVERIFY2(rows.contains(op),
                     qPrintable(op + u" is in openapi.yaml but has no row in kMatrix"_s));
        for (const QString &row : rows) {
            QVERIFY2(documented.contains(row),
                     qPrintable(row + u" has a row but is not in openapi.yaml"_s));
            QCOMPARE(rows.count(row), 1);
        }
    }

    void everyCallerGetsTheTablesAnswer()
    {
        // Renter A owns a running instance on the scenario's host (a lender's, agent connected).
        Scenario s;
        QVERIFY(s.setUp(*m_h, 3, 1'000'000));
        const qint64 instanceId = s.launch(*m_h);
        QVERIFY(instanceId);
        // And a saved image of it, ready (docs/market.md, "Saved images").
        auto saved = m_h->post(u"/api/v1/instances/%1/images"_s.arg(instanceId), s.renter.token,
                               {{u"name"_s, u"a-image"_s}});
        QCOMPARE(saved.status, 202);
        const qint64 imageId = saved.json[u"id"_s].toInteger();
        const QJsonObject save = s.agent->take(u"command"_s);
        s.agent->send({{u"type"_s, u"image_state"_s},
                       {u"image_id"_s, imageId},
                       {u"state"_s, u"ready"_s},
                       {u"size_bytes"_s, 1'000'000'000},
                       {u"command_id"_s, save[u"id"_s]}});
        QVERIFY(s.agent->sync());
        const QJsonArray imagesBefore =
            QJsonDocument::fromJson(m_h->get(u"/api/v1/images"_s, s.renter.token).body).array();

        MarketHarness::Account callers[CallerCount];
        QByteArray tokens[CallerCount];
        tokens[Anonymous] = {};
        tokens[Forged] = "sk_" + QByteArray(43, 'x');
        callers[OtherRenter] = m_h->createAccount(u"renterb"_s, {u"renter"_s}, 100 * kMicroPerUnit);
        tokens[OtherRenter] = callers[OtherRenter].token;
        tokens[HostToken] = s.hostToken;
        // A lender who does not own the host (the owner is s.lender).
        callers[Lender] = m_h->createAccount(u"lenderb"_s, {u"lender"_s});
        tokens[Lender] = callers[Lender].token;
        callers[Admin] = m_h->createAccount(u"root"_s, {u"admin"_s}, 100 * kMicroPerUnit);
        tokens[Admin] = callers[Admin].token;

        const auto before = m_h->store().instance(instanceId);
        QVERIFY(before);
        const Micro balanceBefore = s.balance(*m_h, s.renter.id);
        const auto hostBefore = m_h->get(u"/api/v1/hosts"_s, s.lender.token);
        QCOMPARE(hostBefore.status, 200);

        QStringList wrong;
        for (const Row &row : kMatrix) {
            QString path = QString::fromLatin1(row.path);
            if (path.startsWith("/api/v1/instances/{id}"_L1))
                path.replace(u"{id}"_s, QString::number(instanceId));
            else if (path.startsWith("/api/v1/tokens/{id}"_L1))
                path.replace(u"{id}"_s, QString::number(s.renter.tokenId));
            else if (path.startsWith("/api/v1/images/{id}"_L1))
                path.replace(u"{id}"_s, QString::number(imageId));
            else if (path.startsWith("/api/v1/admin/"_L1)) // issue 18
                path.replace(u"{id}"_s, QString::number(kNoSuchMoneyId));
            else
                path.replace(u"{id}"_s, QString::number(s.hostId));
            const QByteArray body = bodyFor(row, s.hostId, m_h->store().account(s.renter.id)->name);
            for (int c = 0; c < CallerCount; ++c) {
                const auto reply = m_h->request(row.method, path, tokens[c], body);
                if (reply.status != row.expected[c]) {
                    wrong.append(u"%1 as %2: %3, table says %4 (%5)"_s
                                     .arg(rowName(row), QString::fromLatin1(kCallerNames[c]))
                                     .arg(reply.status)
                                     .arg(row.expected[c])
                                     .arg(QString::fromUtf8(reply.body.left(160))));
                    qWarning("%s", qPrintable(wrong.last()));
                }
            }
        }
        QVERIFY2(wrong.isEmpty(),
                 qPrintable(u"%1 answers differ from the table"_s.arg(wrong.size())));

        // Nothing of renter A's (nor of the host's owner's) changed for any refused caller.
        QVERIFY(s.agent->sync());
        const auto after = m_h->store().instance(instanceId);
        QVERIFY(after);
        QCOMPARE(protocol::toJson(*after), protocol::toJson(*before));
        QCOMPARE(s.balance(*m_h, s.renter.id), balanceBefore);
        const auto hostAfter = m_h->get(u"/api/v1/hosts"_s, s.lender.token);
        QCOMPARE(hostAfter.json, hostBefore.json);
        // Renter A's key still works, and its password was not set by anyone.
        QCOMPARE(m_h->get(u"/api/v1/me"_s, s.renter.token).status, 200);
        QCOMPARE(*m_h->store().passwordHash(s.renter.id), QString());
        // Renter A's image is as it was, and nobody saved another of A's instance.
        QCOMPARE(
            QJsonDocument::fromJson(m_h->get(u"/api/v1/images"_s, s.renter.token).body).array(),
            imagesBefore);
        // The agent heard no command for renter A's instance but A's own create and save.
        for (const QJsonObject &message : s.agent->received) {
            if (message.value(u"type"_s).toString() == u"command"_s &&
                message.value(u"instance_id"_s).toInteger() == instanceId &&
                message.value(u"id"_s) != save.value(u"id"_s))
                QVERIFY2(message.value(u"action"_s).toString() == u"create"_s,
                         qPrintable(QString::fromUtf8(QJsonDocument(message).toJson())));
        }
        // And the ledger still balances (issue 18's invariant check).
        const QStringList problems = checkLedger(m_h->databaseUrl());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void revokedAndExpiredKeysAreForged()
    {
        // A revoked key and an expired one are answered as a forged key is, on every route
        // (the routes without a token answer them as they answer anyone), and cannot open the
        // events socket.
        Scenario s;
        QVERIFY(s.setUp(*m_h, 3, 1'000'000));
        const qint64 instanceId = s.launch(*m_h);
        QVERIFY(instanceId);
        const auto other = m_h->createAccount(u"renterb"_s, {u"renter"_s}, 10 * kMicroPerUnit);
        const qint64 now = m_h->clock().nowMs(); // the market's clock
        const QByteArray revoked = server::generateToken("sk_");
        auto revokedId = m_h->store().addAccountToken(
            QCryptographicHash::hash(revoked, QCryptographicHash::Sha256), other.id, u"old"_s,
            server::tokenPrefix(revoked), 0, now);
        QVERIFY(revokedId);
        QCOMPARE(m_h->request("DELETE", u"/api/v1/tokens/%1"_s.arg(*revokedId), other.token).status,
                 204);
        const QByteArray expired = server::generateToken("sk_");
        QVERIFY(m_h->store().addAccountToken(
            QCryptographicHash::hash(expired, QCryptographicHash::Sha256), other.id, u"short"_s,
            server::tokenPrefix(expired), now - 1, now - 60'000));
        QStringList wrong;
        for (const Row &row : kMatrix) {
            QString path = QString::fromLatin1(row.path);
            path.replace(
                u"{id}"_s,
                QString::number(path.startsWith("/api/v1/instances"_L1) ? instanceId : s.hostId));
            if (QByteArrayView(row.path) == "/api/v1/sessions")
                continue; // counted per name: the table's own row shows it
            for (const auto &[name, token] :
                 {std::pair{"revoked", revoked}, {"expired", expired}}) {
                const auto reply =
                    m_h->request(row.method, path, token, bodyFor(row, s.hostId, u"x"_s));
                if (reply.status != row.expected[Forged])
                    wrong.append(u"%1 with a %2 key: %3, a forged key gets %4"_s
                                     .arg(rowName(row), QString::fromLatin1(name))
                                     .arg(reply.status)
                                     .arg(row.expected[Forged]));
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
        QCOMPARE(m_h->get(u"/api/v1/me"_s, other.token).status, 200);
    }

    void webSocketsOpenOnlyForTheirCallers()
    {
        const auto lender = m_h->createAccount(u"lender"_s, {u"lender"_s});
        const auto renter = m_h->createAccount(u"renter"_s, {u"renter"_s});
        const auto admin = m_h->createAccount(u"root"_s, {u"admin"_s});
        const auto created = m_h->post(u"/api/v1/hosts"_s, lender.token, {{u"name"_s, u"rig"_s}});
        QCOMPARE(created.status, 201);
        const QByteArray hostToken = created.json.value(u"token"_s).toString().toLatin1();
        const QByteArray tokens[CallerCount] = {
            {}, "sk_" + QByteArray(43, 'x'), renter.token, hostToken, lender.token, admin.token};
        // The upgrade always completes; a caller the path is not for is then closed with
        // 4401 (no or a bad token) or 4403 (the wrong kind of token), mirroring the HTTP
        // statuses (server/market.cpp). 0: the socket stays open. The app's events are for
        // accounts, the agent channel for host tokens only.
        const int events[CallerCount] = {4401, 4401, 0, 4403, 0, 0};
        const int agent[CallerCount] = {4401, 4401, 4403, 0, 4403, 4403};
        QStringList wrong;
        for (int c = 0; c < CallerCount; ++c) {
            for (const auto &[path, expected] : {std::pair{u"/api/v1/events"_s, events[c]},
                                                 std::pair{u"/api/v1/agent"_s, agent[c]}}) {
                QWebSocket socket;
                QNetworkRequest request{
                    QUrl(QString(m_h->baseUrl()).replace(u"http://"_s, u"ws://"_s) + path)};
                if (!tokens[c].isEmpty())
                    request.setRawHeader("Authorization", "Bearer " + tokens[c]);
                QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
                socket.open(request);
                // A refused socket is closed at once; an accepted one is still open a moment later.
                (void)QTest::qWaitFor([&] { return !disconnected.isEmpty(); },
                                      expected ? 5000 : 500);
                const int got = disconnected.isEmpty() ? 0 : int(socket.closeCode());
                if (got != expected) {
                    wrong.append(u"%1 as %2: close code %3, expected %4"_s
                                     .arg(path, QString::fromLatin1(kCallerNames[c]))
                                     .arg(got)
                                     .arg(expected));
                    qWarning("%s", qPrintable(wrong.last()));
                }
                socket.close();
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(u"%1 upgrades differ"_s.arg(wrong.size())));
    }

private:
    /// A well-formed body for the mutating routes, so that a refusal is about who calls.
    static QByteArray bodyFor(const Row &row, qint64 hostId, const QString &ownerName = {})
    {
        const QString op = rowName(row);
        QJsonObject body;
        if (op == "POST /api/v1/accounts"_L1)
            body = {{u"name"_s, u"newcomer"_s}, {u"password"_s, u"a long password"_s}};
        else if (op == "POST /api/v1/sessions"_L1)
            body = {{u"name"_s, ownerName}, {u"password"_s, u"not the password"_s}};
        else if (op == "POST /api/v1/me/password"_L1)
            body = {{u"old_password"_s, u"not the password"_s},
                    {u"new_password"_s, u"another long password"_s}};
        else if (op == "POST /api/v1/tokens"_L1)
            body = {{u"label"_s, u"authz"_s}};
        else if (op == "PATCH /api/v1/me"_L1)
            body = {{u"low_balance_micro"_s, 1'000'000}};
        else if (op == "POST /api/v1/vouchers/redeem"_L1)
            body = {{u"code"_s, u"NO-SUCH-VOUCHER"_s}};
        else if (op == "POST /api/v1/instances"_L1)
            body = {{u"offer_id"_s, hostId},
                    {u"gpu_count"_s, 1},
                    {u"image"_s, u"localhost/suanli/base:bookworm"_s},
                    {u"disk_gb"_s, 10},
                    {u"ssh_public_key"_s, testPublicKey()}};
        else if (op == "POST /api/v1/instances/{id}/images"_L1)
            body = {{u"name"_s, u"stolen"_s}};
        else if (op == "PATCH /api/v1/instances/{id}"_L1)
            body = {{u"max_spend_micro"_s, 1}, {u"renew"_s, true}}; // renew: prepaid plans
        else if (op == "POST /api/v1/hosts"_L1)
            body = {{u"name"_s, u"rig-b"_s}};
        else if (op == "PATCH /api/v1/hosts/{id}"_L1)
            body = {{u"listed"_s, false},
                    {u"price_gpu_hour_micro"_s, 1},
                    {u"price_gpu_day_micro"_s, 1}}; // a prepaid plan's price
        // ---- money in and out (issue 18) ----
        else if (op == "POST /api/v1/topups"_L1)
            body = {{u"amount_micro"_s, 1'000'000}};
        else if (op == "POST /api/v1/payouts"_L1)
            body = {{u"amount_micro"_s, 1}, {u"destination"_s, u"bank:1"_s}};
        else if (op == "POST /api/v1/payments/webhook"_L1)
            body = {{u"reference"_s, u"SL-AAAA-BBBB-CCCC"_s}, {u"amount_micro"_s, 1},
                    {u"provider_id"_s, u"p"_s}};
        else if (op == "POST /api/v1/admin/payouts/{id}/reject"_L1)
            body = {{u"reason"_s, u"test"_s}};
        else if (op == "POST /api/v1/admin/payouts/{id}/mark-paid"_L1)
            body = {{u"reference"_s, u"T-1"_s}};
        // ---- end money ----
        else if (QByteArrayView(row.method) == "GET")
            return {};
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    std::unique_ptr<MarketHarness> m_h;
};

SUANLI_TEST_MAIN(TestMarketAuthz)
#include "tst_market_authz.moc"
