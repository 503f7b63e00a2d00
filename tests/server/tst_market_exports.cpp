// What the market exports for others to read: /metrics (Prometheus text format 0.0.4, read
// back here by a strict parser) and the ledger CSV (read back by a strict RFC 4180 reader).
// A real market on loopback (tests/support/marketharness), SQLite and, as
// tst_market_exports_postgres, a throwaway PostgreSQL.

#include "support/marketscenario.h"
#include "support/testmain.h"

#include "server/metrics.h"
#include "server/restapi.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

// ---- Prometheus text format ------------------------------------------------------------

struct PromSample
{
    QByteArray name;
    QMap<QByteArray, QString> labels;
    double value = 0;
};

struct Exposition
{
    QList<PromSample> samples;
    QHash<QByteArray, QByteArray> types; ///< family name -> counter, gauge, histogram, …
    QString error;                       ///< empty when the whole text is valid
};

bool isNameStart(char c, bool colon)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':');
}
bool isNameChar(char c, bool colon)
{
    return isNameStart(c, colon) || (c >= '0' && c <= '9');
}

/// The family a sample belongs to: a histogram's _bucket, _sum and _count are its own.
QByteArray familyOf(const QByteArray &name, const QHash<QByteArray, QByteArray> &types)
{
    if (types.contains(name))
        return name;
    for (const char *suffix : {"_bucket", "_sum", "_count"}) {
        if (name.endsWith(suffix)) {
            const QByteArray base = name.chopped(qsizetype(qstrlen(suffix)));
            if (types.value(base) == "histogram" || types.value(base) == "summary")
                return base;
        }
    }
    return {};
}

/// Every line is a `# HELP name text`, a `# TYPE name type` or a sample
/// `name{label="value",…} number` with only the escapes `\\`, `\"` and `\n` in values; every
/// sample's family has one TYPE line before it; no series appears twice.
Exposition parseExposition(const QByteArray &text)
{
    Exposition out;
    if (!text.endsWith('\n')) {
        out.error = u"the text does not end with a line feed"_s;
        return out;
    }
    QSet<QByteArray> seen;
    const QList<QByteArray> lines = text.chopped(1).split('\n');
    for (int n = 0; n < lines.size(); ++n) {
        const QByteArray &line = lines[n];
        auto fail = [&](const QString &why) {
            out.error = u"line %1: %2: %3"_s.arg(n + 1).arg(why, QString::fromUtf8(line));
            return out;
        };
        if (line.startsWith('#')) {
            const QList<QByteArray> words = line.split(' ');
            if (words.size() >= 3 && words[1] == "TYPE") {
                static const QSet<QByteArray> kinds = {"counter", "gauge", "histogram", "summary",
                                                       "untyped"};
                if (words.size() != 4 || !kinds.contains(words[3]))
                    return fail(u"bad TYPE line"_s);
                if (out.types.contains(words[2]))
                    return fail(u"a second TYPE for the family"_s);
                out.types.insert(words[2], words[3]);
            } else if (words.size() < 3 || words[1] != "HELP") {
                return fail(u"a comment that is neither HELP nor TYPE"_s);
            }
            continue;
        }
        PromSample s;
        qsizetype i = 0;
        if (line.isEmpty() || !isNameStart(line[0], true))
            return fail(u"no metric name"_s);
        while (i < line.size() && isNameChar(line[i], true))
            s.name += line[i++];
        if (i < line.size() && line[i] == '{') {
            ++i;
            while (true) {
                if (i < line.size() && line[i] == '}') {
                    ++i;
                    break;
                }
                QByteArray label;
                if (i >= line.size() || !isNameStart(line[i], false))
                    return fail(u"no label name"_s);
                while (i < line.size() && isNameChar(line[i], false))
                    label += line[i++];
                if (line.mid(i, 2) != "=\"")
                    return fail(u"no =\" after a label name"_s);
                i += 2;
                QByteArray value;
                while (true) {
                    if (i >= line.size())
                        return fail(u"an unterminated label value"_s);
                    const char c = line[i++];
                    if (c == '"')
                        break;
                    if (c != '\\') {
                        value += c;
                        continue;
                    }
                    if (i >= line.size())
                        return fail(u"a backslash at the end"_s);
                    const char e = line[i++];
                    if (e == '\\' || e == '"')
                        value += e;
                    else if (e == 'n')
                        value += '\n';
                    else
                        return fail(u"an invalid escape"_s);
                }
                if (s.labels.contains(label))
                    return fail(u"a label twice"_s);
                s.labels.insert(label, QString::fromUtf8(value));
                if (i < line.size() && line[i] == ',') {
                    ++i;
                    continue;
                }
                if (i < line.size() && line[i] == '}') {
                    ++i;
                    break;
                }
                return fail(u"neither , nor } after a label"_s);
            }
        }
        if (i >= line.size() || line[i] != ' ')
            return fail(u"no space before the value"_s);
        const QByteArray number = line.mid(i + 1);
        bool ok = false;
        s.value = number.toDouble(&ok);
        if (!ok && number != "+Inf" && number != "-Inf" && number != "NaN")
            return fail(u"the value is not a number"_s);
        const QByteArray family = familyOf(s.name, out.types);
        if (family.isEmpty())
            return fail(u"no TYPE line before the sample"_s);
        QByteArray key = s.name;
        for (auto it = s.labels.constBegin(); it != s.labels.constEnd(); ++it)
            key += '\x1f' + it.key() + '=' + it.value().toUtf8();
        if (seen.contains(key))
            return fail(u"the same series twice"_s);
        seen.insert(key);
        out.samples.append(s);
    }
    return out;
}

QSet<QString> routeLabels(const Exposition &e)
{
    QSet<QString> routes;
    for (const auto &s : e.samples)
        if (s.labels.contains("route"))
            routes.insert(s.labels.value("route"));
    return routes;
}

/// Every route template of the market's router, and the label of everything else.
const QSet<QString> &knownRouteLabels()
{
    static const QSet<QString> labels = {
        u"/healthz"_s,
        u"/metrics"_s,
        u"/api/v1/me"_s,
        u"/api/v1/vouchers/redeem"_s,
        u"/api/v1/offers"_s,
        u"/api/v1/images"_s,
        u"/api/v1/pricing"_s,
        u"/api/v1/ledger"_s,
        u"/api/v1/ledger.csv"_s,
        u"/api/v1/earnings"_s,
        u"/api/v1/instances"_s,
        u"/api/v1/instances/{id}"_s,
        u"/api/v1/instances/{id}/stop"_s,
        u"/api/v1/instances/{id}/start"_s,
        u"/api/v1/instances/{id}/events"_s,
        u"/api/v1/instances/{id}/logs"_s,
        u"/api/v1/instances/{id}/telemetry"_s,
        u"/api/v1/hosts"_s,
        u"/api/v1/hosts/{id}"_s,
        u"unmatched"_s,
    };
    return labels;
}

// ---- CSV --------------------------------------------------------------------------------

/// RFC 4180, strictly: records end with CRLF; a field is either unquoted (no `"`, `,`, CR or
/// LF in it) or quoted with inner quotes doubled and nothing between its closing quote and
/// the next `,` or CRLF; every record has as many fields as the first.
std::optional<QList<QStringList>> readCsv(const QByteArray &bytes, QString *error)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    qsizetype i = 0;
    auto fail = [&](const QString &why) {
        *error = u"record %1, offset %2: %3"_s.arg(records.size() + 1).arg(i).arg(why);
        return std::nullopt;
    };
    while (i < text.size()) {
        QString field;
        if (text[i] == u'"') {
            ++i;
            while (true) {
                if (i >= text.size())
                    return fail(u"an unterminated quoted field"_s);
                if (text[i] == u'"') {
                    if (i + 1 < text.size() && text[i + 1] == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != u',' && text[i] != u'\r' && text[i] != u'\n') {
                if (text[i] == u'"')
                    return fail(u"a quote in an unquoted field"_s);
                field += text[i++];
            }
        }
        record.append(field);
        if (i < text.size() && text[i] == u',') {
            ++i;
            continue;
        }
        if (text.mid(i, 2) != "\r\n"_L1)
            return fail(u"a field not followed by , or CRLF"_s);
        i += 2;
        if (!records.isEmpty() && record.size() != records.first().size())
            return fail(
                u"%1 fields, the header has %2"_s.arg(record.size()).arg(records.first().size()));
        records.append(record);
        record.clear();
    }
    if (!record.isEmpty())
        return fail(u"the last record has no CRLF"_s);
    return records;
}

/// What a spreadsheet must see of a text field that the market wrote (docs/decisions.md,
/// "CSV exports").
QString neutralised(const QString &text)
{
    static const QString starts = u"=+-@\t\r"_s;
    return !text.isEmpty() && starts.contains(text.front()) ? u"'"_s + text : text;
}

} // namespace

class TestMarketExports : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_h = std::make_unique<MarketHarness>();
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
    }
    void cleanup() { m_h.reset(); }

    void labelValuesAreEscaped()
    {
        // The one label writer, with every character the format escapes and some it does not.
        const QString hostile = u"a\\b\"c\nd}{,=é 算"_s;
        server::Metrics metrics;
        metrics.observeRequest(hostile, 200, 0.002);
        const Exposition parsed = parseExposition(metrics.render());
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(routeLabels(parsed), QSet<QString>{hostile});
    }

    void requestsAreLabelledByRouteTemplate()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        QCOMPARE(m_h->get(u"/api/v1/me"_s, s.renter.token).status, 200);
        QCOMPARE(m_h->get(u"/api/v1/instances/%1"_s.arg(id), s.renter.token).status, 200);
        QCOMPARE(m_h->post(u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token, {}).status, 202);
        QCOMPARE(m_h->get(u"/api/v1/instances/%1/events"_s.arg(id), s.renter.token).status, 200);
        QCOMPARE(m_h->get(u"/api/v1/instances/abc"_s, s.renter.token).status, 404);
        QCOMPARE(m_h->get(u"/api/v1/instances/987654"_s, {}).status, 401);
        QCOMPARE(m_h->get(u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token).status, 405);
        QCOMPARE(m_h->get(u"/api/v1/nothing/here"_s, s.renter.token).status, 404);
        QCOMPARE(m_h->get(u"/elsewhere"_s, {}).status, 404);
        QCOMPARE(m_h->get(u"/healthz"_s, {}).status, 200);

        const auto scrape = m_h->get(u"/metrics"_s, {});
        QCOMPARE(scrape.status, 200);
        const Exposition e = parseExposition(scrape.body);
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        auto count = [&e](const QString &route, const QString &status) {
            for (const auto &s : e.samples)
                if (s.name == "suanli_http_requests_total" && s.labels.value("route") == route &&
                    s.labels.value("status") == status)
                    return qint64(s.value);
            return qint64(0);
        };
        QCOMPARE(count(u"/api/v1/me"_s, u"200"_s), 1);
        QVERIFY(count(u"/api/v1/instances/{id}"_s, u"200"_s) >= 1);
        QCOMPARE(count(u"/api/v1/instances/{id}/stop"_s, u"202"_s), 1);
        QCOMPARE(count(u"/api/v1/instances/{id}/events"_s, u"200"_s), 1);
        QCOMPARE(count(u"/api/v1/instances/{id}"_s, u"404"_s), 1);
        QCOMPARE(count(u"/api/v1/instances/{id}"_s, u"401"_s), 1);
        QCOMPARE(count(u"/api/v1/hosts/{id}"_s, u"405"_s), 1);
        QCOMPARE(count(u"unmatched"_s, u"404"_s), 2);
        QCOMPARE(count(u"/healthz"_s, u"200"_s), 1);
        const QSet<QString> routes = routeLabels(e);
        QVERIFY2(knownRouteLabels().contains(routes),
                 qPrintable(QStringList(routes.begin(), routes.end()).join(u" | "_s)));
        // The router and the label agree on every template.
        for (const QString &route : knownRouteLabels()) {
            if (route == "unmatched"_L1)
                continue;
            const QString path = QString(route).replace(u"{id}"_s, u"42"_s);
            QCOMPARE(server::RestApi::routeLabel(path), route);
        }
    }

    void randomPathsAddABoundedNumberOfSeries()
    {
        auto lender = m_h->createAccount(u"lender"_s, {u"lender"_s});
        QVERIFY(m_h->get(u"/api/v1/me"_s, lender.token).status == 200);
        auto series = [this] {
            const auto scrape = m_h->get(u"/metrics"_s, {});
            const Exposition e = parseExposition(scrape.body);
            return e.error.isEmpty() ? qsizetype(e.samples.size()) : qsizetype(-1);
        };
        QVERIFY(series() > 0); // the series of /metrics itself, from here on
        const qsizetype before = series();
        QVERIFY(before > 0);
        QRandomGenerator random(21);
        auto word = [&random] {
            static const QString alphabet = u"abcdefghijklmnopqrstuvwxyz0123456789-_."_s;
            QString w;
            const int length = 1 + int(random.bounded(12));
            for (int i = 0; i < length; ++i)
                w += alphabet[int(random.bounded(alphabet.size()))];
            return w;
        };
        QSet<QString> paths;
        while (paths.size() < 1000) {
            const int depth = 1 + int(random.bounded(4));
            QString path = u"/api/v1"_s;
            for (int i = 0; i < depth; ++i)
                path += u'/' + word();
            paths.insert(path);
        }
        // Without a token: 401 on every one of them.
        for (const QString &path : std::as_const(paths)) {
            const auto r = m_h->get(path, {});
            QVERIFY2(r.status == 401 || r.status == 404, qPrintable(path));
        }
        // With one: 404s for unknown paths and for ids that are not numbers.
        for (int i = 0; i < 200; ++i) {
            const auto r = m_h->get(u"/api/v1/instances/x"_s + word(), lender.token);
            QCOMPARE(r.status, 404);
        }
        const qsizetype after = series();
        QVERIFY(after > 0);
        // The few new series: route="unmatched" status 401, "/api/v1/instances/{id}" status
        // 404 and their histograms (13 lines each).
        QVERIFY2(after - before <= 32,
                 qPrintable(u"%1 series before, %2 after"_s.arg(before).arg(after)));
    }

    void aQuoteAndALineFeedInThePathLeaveTheScrapeParseable()
    {
        auto renter = m_h->createAccount(u"renter"_s, {u"renter"_s}, 1'000'000);
        QCOMPARE(m_h->get(u"/api/v1/x%22%0Ay"_s, {}).status, 401);
        QCOMPARE(m_h->get(u"/api/v1/x%22%0Ay"_s, renter.token).status, 404);
        QCOMPARE(m_h->get(u"/api/v1/instances/%22%0A%5C"_s, renter.token).status, 404);
        QCOMPARE(m_h->get(u"/%22%0A%5C"_s, {}).status, 404);
        const auto scrape = m_h->get(u"/metrics"_s, {});
        QCOMPARE(scrape.status, 200);
        const Exposition e = parseExposition(scrape.body);
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        const QSet<QString> routes = routeLabels(e);
        QVERIFY2(knownRouteLabels().contains(routes),
                 qPrintable(QStringList(routes.begin(), routes.end()).join(u" | "_s)));
        // The ledger gauge: a gauge's name, with the renter's top-up in it.
        QCOMPARE(e.types.value("suanli_ledger_balance_micro"), QByteArray("gauge"));
        bool topup = false;
        for (const auto &s : e.samples)
            topup |= s.name == "suanli_ledger_balance_micro" &&
                     s.labels.value("kind") == "topup"_L1 && qint64(s.value) == 1'000'000;
        QVERIFY(topup);
        for (auto it = e.types.constBegin(); it != e.types.constEnd(); ++it)
            QVERIFY2(it.value() != "gauge" || !it.key().contains("_total"), it.key().constData());
    }

    void ledgerCsvNeutralisesFormulasFromLenders()
    {
        // GPU models a lender's agent reports, which end up in the renter's ledger descriptions.
        const QStringList models = {
            u"=HYPERLINK(\"http://x\",\"y\")"_s,
            u"+cmd|'/C calc'!A0"_s,
            u"@SUM(1)"_s,
            u"-2+3"_s,
            u"RTX\r4090"_s,
            u"\tRTX 4090, \"Ti\"\r\n"_s,
        };
        auto lender = m_h->createAccount(u"lender"_s, {u"lender"_s});
        auto renter = m_h->createAccount(u"renter"_s, {u"renter"_s}, 100 * kMicroPerUnit);
        std::vector<Scenario> hosts(size_t(models.size()));
        for (qsizetype i = 0; i < models.size(); ++i) {
            Scenario &s = hosts[size_t(i)];
            s.lender = lender;
            s.renter = renter;
            auto created =
                m_h->post(u"/api/v1/hosts"_s, lender.token, {{u"name"_s, u"rig-%1"_s.arg(i)}});
            QCOMPARE(created.status, 201);
            s.hostId = created.json[u"host"_s][u"id"_s].toInteger();
            s.hostToken = created.json[u"token"_s].toString().toLatin1();
            auto listed = m_h->request(
                "PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), lender.token,
                QJsonDocument(QJsonObject{{u"listed"_s, true},
                                          {u"price_gpu_hour_micro"_s, 1'320'000 + i * 7}})
                    .toJson());
            QCOMPARE(listed.status, 200);
            s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
            QVERIFY(s.agent->connectAndHello(1, models[i]));
            QVERIFY(s.launch(*m_h));
        }
        m_h->clock().advanceSeconds(3600);
        m_h->market().runBilling();

        for (const auto &account : {renter, lender}) {
            auto json = m_h->get(u"/api/v1/ledger?limit=1000"_s, account.token);
            QCOMPARE(json.status, 200);
            const QJsonArray entries = json.json[u"entries"_s].toArray();
            auto csv = m_h->get(u"/api/v1/ledger.csv"_s, account.token);
            QCOMPARE(csv.status, 200);
            QString error;
            const auto records = readCsv(csv.body, &error);
            QVERIFY2(records, qPrintable(error));
            QCOMPARE(records->first(), QStringList({u"id"_s, u"at"_s, u"kind"_s, u"amount_micro"_s,
                                                    u"balance_after_micro"_s, u"instance_id"_s,
                                                    u"idempotency_key"_s, u"description"_s}));
            QCOMPARE(records->size() - 1, entries.size());
            for (qsizetype r = 1; r < records->size(); ++r) {
                const QStringList &f = records->at(r);
                const QJsonObject e = entries[r - 1].toObject();
                QCOMPARE(f[0], QString::number(e[u"id"_s].toInteger()));
                QCOMPARE(f[1], neutralised(e[u"at"_s].toString()));
                QCOMPARE(f[2], neutralised(e[u"kind"_s].toString()));
                // Amounts are numbers, negative ones included, exact to the micro-unit.
                bool ok = false;
                QCOMPARE(f[3].toLongLong(&ok), e[u"amount_micro"_s].toInteger());
                QVERIFY(ok);
                QCOMPARE(f[4].toLongLong(&ok), e[u"balance_after_micro"_s].toInteger());
                QVERIFY(ok);
                QCOMPARE(f[5].toLongLong(&ok), e[u"instance_id"_s].toInteger());
                QVERIFY(ok);
                QCOMPARE(f[6], neutralised(e[u"idempotency_key"_s].toString()));
                QCOMPARE(f[7], neutralised(e[u"description"_s].toString()));
            }
            // What a spreadsheet sees: no text cell starts a formula.
            static const QRegularExpression formula(u"^[=+\\-@\\t\\r]"_s);
            for (qsizetype r = 1; r < records->size(); ++r)
                for (int c : {1, 2, 6, 7})
                    QVERIFY2(!formula.match(records->at(r)[c]).hasMatch(),
                             qPrintable(records->at(r)[c]));
        }
        // Each model reached the renter's charges, neutralised where it starts a formula.
        auto csv = m_h->get(u"/api/v1/ledger.csv"_s, renter.token);
        QString error;
        const auto records = readCsv(csv.body, &error);
        QVERIFY2(records, qPrintable(error));
        for (const QString &model : models) {
            const QString expected = neutralised(model + u" × 3600 s"_s);
            const bool found = std::any_of(records->begin(), records->end(),
                                           [&](const QStringList &f) { return f[7] == expected; });
            QVERIFY2(found, qPrintable(expected));
        }
    }

private:
    std::unique_ptr<MarketHarness> m_h;
};

SUANLI_TEST_MAIN(TestMarketExports)
#include "tst_market_exports.moc"
