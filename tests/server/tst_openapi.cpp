// server/openapi.yaml against a real market on loopback: every documented operation is served,
// and every route the market serves is documented.

#include "protocol/clock.h"
#include "server/authenticator.h"
#include "server/market.h"
#include "server/sqlstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace suanli;
using namespace suanli::server;
using namespace Qt::StringLiterals;

namespace {

/// One operation: an upper-case HTTP method and a path template ("/api/v1/instances/{id}").
struct Operation
{
    QString method;
    QString path;
    bool operator==(const Operation &) const = default;
};

QString describe(const Operation &op)
{
    return op.method + u' ' + op.path;
}

/// The routes Market::route (server/market.cpp) serves, plus the two WebSocket paths that
/// Market::handleRequest hands to the upgrade. Keep in step with the server.
const QList<Operation> kServerRoutes = {
    {u"GET"_s, u"/healthz"_s},
    {u"GET"_s, u"/metrics"_s},
    {u"GET"_s, u"/api/v1/me"_s},
    {u"PATCH"_s, u"/api/v1/me"_s},
    {u"GET"_s, u"/api/v1/market"_s},
    {u"POST"_s, u"/api/v1/accounts"_s},
    {u"POST"_s, u"/api/v1/sessions"_s},
    {u"POST"_s, u"/api/v1/me/password"_s},
    {u"GET"_s, u"/api/v1/tokens"_s},
    {u"POST"_s, u"/api/v1/tokens"_s},
    {u"DELETE"_s, u"/api/v1/tokens/{id}"_s},
    {u"POST"_s, u"/api/v1/vouchers/redeem"_s},
    {u"GET"_s, u"/api/v1/offers"_s},
    {u"GET"_s, u"/api/v1/images"_s},
    {u"DELETE"_s, u"/api/v1/images/{id}"_s},
    {u"POST"_s, u"/api/v1/instances/{id}/images"_s},
    {u"GET"_s, u"/api/v1/pricing"_s},
    {u"GET"_s, u"/api/v1/ledger"_s},
    {u"GET"_s, u"/api/v1/ledger.csv"_s},
    {u"GET"_s, u"/api/v1/earnings"_s},
    {u"GET"_s, u"/api/v1/instances"_s},
    {u"POST"_s, u"/api/v1/instances"_s},
    {u"GET"_s, u"/api/v1/instances/{id}"_s},
    {u"DELETE"_s, u"/api/v1/instances/{id}"_s},
    {u"PATCH"_s, u"/api/v1/instances/{id}"_s},
    {u"GET"_s, u"/api/v1/instances/{id}/events"_s},
    {u"POST"_s, u"/api/v1/instances/{id}/stop"_s},
    {u"POST"_s, u"/api/v1/instances/{id}/start"_s},
    {u"POST"_s, u"/api/v1/instances/{id}/clone"_s},
    {u"GET"_s, u"/api/v1/instances/{id}/logs"_s},
    {u"GET"_s, u"/api/v1/instances/{id}/telemetry"_s},
    {u"GET"_s, u"/api/v1/hosts"_s},
    {u"POST"_s, u"/api/v1/hosts"_s},
    {u"PATCH"_s, u"/api/v1/hosts/{id}"_s},
    {u"GET"_s, u"/api/v1/events"_s},
    {u"GET"_s, u"/api/v1/agent"_s},
    {u"GET"_s, u"/api/v1/speedtest"_s},
    {u"POST"_s, u"/api/v1/speedtest"_s},
    // ---- money in and out (issue 18) ----
    {u"GET"_s, u"/api/v1/topups"_s},
    {u"POST"_s, u"/api/v1/topups"_s},
    {u"POST"_s, u"/api/v1/payments/webhook"_s},
    {u"GET"_s, u"/api/v1/payouts/summary"_s},
    {u"GET"_s, u"/api/v1/payouts"_s},
    {u"POST"_s, u"/api/v1/payouts"_s},
    {u"GET"_s, u"/api/v1/admin/topups"_s},
    {u"POST"_s, u"/api/v1/admin/topups/{id}/confirm"_s},
    {u"GET"_s, u"/api/v1/admin/payouts"_s},
    {u"GET"_s, u"/api/v1/admin/payouts.csv"_s},
    {u"POST"_s, u"/api/v1/admin/payouts/{id}/approve"_s},
    {u"POST"_s, u"/api/v1/admin/payouts/{id}/reject"_s},
    {u"POST"_s, u"/api/v1/admin/payouts/{id}/mark-paid"_s},
    // ---- end money ----
};

bool isWebSocketPath(const QString &path)
{
    return path == "/api/v1/events"_L1 || path == "/api/v1/agent"_L1;
}

/// Reads the operations under `paths:` of an OpenAPI file laid out regularly: a path at two
/// spaces of indent ("  /api/v1/me:"), its operations at four ("    get:"). Anything else at
/// four spaces (a path-level `parameters:`) is not an operation and is skipped.
QList<Operation> readOperations(const QByteArray &yaml, QString *error)
{
    static const QRegularExpression pathLine(u"^  (/[^:\\s]*):\\s*(#.*)?$"_s);
    static const QRegularExpression methodLine(
        u"^    (get|put|post|delete|patch|head|options|trace):\\s*(#.*)?$"_s);
    QList<Operation> operations;
    bool inPaths = false;
    QString currentPath;
    int lineNumber = 0;
    for (const QByteArray &raw : yaml.split('\n')) {
        ++lineNumber;
        QString line = QString::fromUtf8(raw);
        line.remove(u'\r');
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        if (!line.startsWith(u' ')) {
            // A top-level key: the paths section starts or ends here.
            inPaths = line.startsWith("paths:"_L1);
            currentPath.clear();
            continue;
        }
        if (!inPaths)
            continue;
        if (const auto m = pathLine.match(line); m.hasMatch()) {
            currentPath = m.captured(1);
            continue;
        }
        if (line.startsWith("  "_L1) && !line.startsWith("   "_L1)) {
            *error = u"line %1: a key at two spaces under paths: that is not a path"_s.arg(lineNumber);
            return {};
        }
        if (const auto m = methodLine.match(line); m.hasMatch()) {
            if (currentPath.isEmpty()) {
                *error = u"line %1: an operation outside a path"_s.arg(lineNumber);
                return {};
            }
            operations.append({m.captured(1).toUpper(), currentPath});
        }
    }
    return operations;
}

/// What the market answered to one request.
struct Answer
{
    int status = 0;
    QString code;    ///< error.code, if the body is an error envelope
    QString message; ///< error.message
};

} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void yamlListsOperations();
    void documentedOperationsAreServed_data();
    void documentedOperationsAreServed();
    void serverRoutesAreDocumented();
    void otherMethodsOnDocumentedPathsAre405_data();
    void otherMethodsOnDocumentedPathsAre405();
    void unknownEndpointIsTold();

private:
    QNetworkReply *send(const QString &method, const QString &path, const QByteArray &token);
    Answer answerOf(QNetworkReply *reply);
    QUrl url(const QString &scheme, const QString &path) const;

    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<Market> m_market;
    QNetworkAccessManager m_manager;
    quint16 m_port = 0;
    QByteArray m_accountToken;
    QByteArray m_hostToken;
    QList<Operation> m_documented;
    QString m_yamlError;
};

void TestOpenApi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);

    const QString sourceDir = qEnvironmentVariable("SUANLI_SOURCE_DIR");
    QVERIFY2(!sourceDir.isEmpty(), "SUANLI_SOURCE_DIR is not set (ctest sets it)");
    QFile yaml(sourceDir + u"/server/openapi.yaml"_s);
    QVERIFY2(yaml.open(QIODevice::ReadOnly), qPrintable(yaml.fileName()));
    m_documented = readOperations(yaml.readAll(), &m_yamlError);

    QVERIFY(m_dir.isValid());
    MarketPolicy policy;
    policy.signup = u"open"_s; // POST /api/v1/accounts is served, not refused as closed
    auto store =
        SqlStore::open(u"sqlite:"_s + m_dir.filePath(u"market.db"_s), policy, u"tst-openapi"_s);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_market = std::make_unique<Market>(std::move(store).value(), m_clock);
    auto port = m_market->start(QHostAddress::LocalHost, 0);
    QVERIFY2(port, port ? "" : qPrintable(port.error().message));
    m_port = *port;

    // As `suanli-market admin create-account` and `issue-token` do. The host whose token opens
    // the agent channel belongs to another lender, so that host 1 is not the caller's and
    // PATCH /api/v1/hosts/1 answers "no such host", like every {id} route here.
    Store &s = m_market->store();
    auto lender = s.createAccount(u"bob"_s, {u"lender"_s});
    QVERIFY(lender);
    auto host = s.createHost(*lender, u"rig"_s, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(host);
    m_hostToken = generateToken("sh_");
    QVERIFY(s.addToken(QCryptographicHash::hash(m_hostToken, QCryptographicHash::Sha256),
                       *lender, host->id));
    // admin too: the operator's routes (issue 18) answer 403 to anyone else.
    auto account = s.createAccount(u"alice"_s, {u"renter"_s, u"lender"_s, u"admin"_s});
    QVERIFY(account);
    m_accountToken = generateToken("sk_");
    QVERIFY(s.addToken(QCryptographicHash::hash(m_accountToken, QCryptographicHash::Sha256),
                       *account, 0));

    m_manager.setProxy(QNetworkProxy::NoProxy);
}

void TestOpenApi::cleanupTestCase()
{
    m_market.reset();
}

QUrl TestOpenApi::url(const QString &scheme, const QString &path) const
{
    QUrl u;
    u.setScheme(scheme);
    u.setHost(u"127.0.0.1"_s);
    u.setPort(m_port);
    u.setPath(path);
    return u;
}

QNetworkReply *TestOpenApi::send(const QString &method, const QString &path,
                                 const QByteArray &token)
{
    QNetworkRequest request(url(u"http"_s, path));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QByteArray body;
    if (method == "POST"_L1 || method == "PATCH"_L1 || method == "PUT"_L1) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        body = "{}";
    }
    return m_manager.sendCustomRequest(request, method.toLatin1(), body);
}

Answer TestOpenApi::answerOf(QNetworkReply *reply)
{
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject error =
        QJsonDocument::fromJson(reply->readAll()).object().value(u"error"_s).toObject();
    answer.code = error.value(u"code"_s).toString();
    answer.message = error.value(u"message"_s).toString();
    return answer;
}

void TestOpenApi::yamlListsOperations()
{
    QVERIFY2(m_yamlError.isEmpty(), qPrintable(m_yamlError));
    QVERIFY(!m_documented.isEmpty());
    for (const Operation &op : std::as_const(m_documented))
        QVERIFY2(m_documented.count(op) == 1, qPrintable(describe(op) + u" is listed twice"_s));
}

void TestOpenApi::documentedOperationsAreServed_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    for (const Operation &op : std::as_const(m_documented))
        QTest::newRow(qPrintable(describe(op))) << op.method << op.path;
}

void TestOpenApi::documentedOperationsAreServed()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QString concrete = path;
    concrete.replace(u"{id}"_s, u"1"_s);

    if (isWebSocketPath(path)) {
        QCOMPARE(method, u"GET"_s);
        const bool agent = path == "/api/v1/agent"_L1;
        QWebSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        QNetworkRequest request(url(u"ws"_s, concrete));
        request.setRawHeader("Authorization",
                             "Bearer " + (agent ? m_hostToken : m_accountToken));
        socket.open(request);
        QVERIFY(connected.wait(10'000));
        if (agent) {
            // Anything before hello is answered with an error message on the agent channel.
            socket.sendTextMessage(u"{\"type\":\"usage\",\"seq\":1}"_s);
        }
        // The events socket greets with the balance (it may come in the same read as the
        // handshake); the agent channel says hello_required.
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 10'000);
        const QJsonObject first =
            QJsonDocument::fromJson(messages.first().first().toString().toUtf8()).object();
        if (agent) {
            QCOMPARE(first.value(u"type"_s).toString(), u"error"_s);
            QCOMPARE(first.value(u"error"_s).toObject().value(u"code"_s).toString(),
                     u"hello_required"_s);
        } else {
            QCOMPARE(first.value(u"type"_s).toString(), u"balance"_s);
        }
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.close();
        QVERIFY(disconnected.count() == 1 || disconnected.wait(10'000));
        return;
    }

    const bool api = path.startsWith("/api/v1/"_L1);
    // The speed test is the agents' (a host token); every other route is an account's.
    const QByteArray token = path == "/api/v1/speedtest"_L1 ? m_hostToken : m_accountToken;
    QNetworkReply *reply = send(method, concrete, api ? token : QByteArray());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10'000));
    const Answer answer = answerOf(reply);
    reply->deleteLater();

    const QString seen = u"%1 %2 → %3 %4 \"%5\""_s.arg(method, concrete)
                             .arg(answer.status)
                             .arg(answer.code, answer.message);
    QVERIFY2(answer.status >= 200, qPrintable(seen));
    QVERIFY2(answer.status != 405, qPrintable(seen));
    QVERIFY2(!(answer.status == 404 && answer.message == "no such endpoint"_L1), qPrintable(seen));
    // The token worked, so the request reached the handler.
    QVERIFY2(answer.status != 401 && answer.status != 403, qPrintable(seen));
    QVERIFY2(answer.status < 500, qPrintable(seen));
}

void TestOpenApi::serverRoutesAreDocumented()
{
    for (const Operation &route : kServerRoutes)
        QVERIFY2(m_documented.contains(route),
                 qPrintable(describe(route) + u" is served but not in server/openapi.yaml"_s));
    for (const Operation &op : std::as_const(m_documented))
        QVERIFY2(kServerRoutes.contains(op),
                 qPrintable(describe(op) + u" is documented but not in the list of server routes"_s));
}

void TestOpenApi::otherMethodsOnDocumentedPathsAre405_data()
{
    // The YAML's info says: a known /api/v1 path with an undocumented method is 405.
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    const QStringList methods = {u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s};
    QStringList paths;
    for (const Operation &op : std::as_const(m_documented)) {
        if (op.path.startsWith("/api/v1/"_L1) && !isWebSocketPath(op.path)
            && !paths.contains(op.path))
            paths.append(op.path);
    }
    for (const QString &path : std::as_const(paths)) {
        for (const QString &method : methods) {
            if (!m_documented.contains(Operation{method, path}))
                QTest::newRow(qPrintable(method + u' ' + path)) << method << path;
        }
    }
}

void TestOpenApi::otherMethodsOnDocumentedPathsAre405()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QString concrete = path;
    concrete.replace(u"{id}"_s, u"1"_s);
    QNetworkReply *reply = send(method, concrete, m_accountToken);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10'000));
    const Answer answer = answerOf(reply);
    reply->deleteLater();
    QCOMPARE(answer.status, 405);
    QCOMPARE(answer.code, u"method_not_allowed"_s);
}

void TestOpenApi::unknownEndpointIsTold()
{
    // The check above is only worth something if an unknown route really looks like this.
    QNetworkReply *reply = send(u"GET"_s, u"/api/v1/no-such-thing"_s, m_accountToken);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10'000));
    const Answer answer = answerOf(reply);
    reply->deleteLater();
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.code, u"not_found"_s);
    QCOMPARE(answer.message, u"no such endpoint"_s);
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
