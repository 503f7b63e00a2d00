// The agents' speed test and what comes of it (docs/market.md, "Measured speeds", "Verified
// hosts"), against a real market on loopback with a manual clock: the endpoints' token, size
// and rate limits, a measurement's way into the offer (null until measured, never 0), and the
// verification rule as the clock moves, with the operator's verdict over it.

#include "support/ledgercheck.h"
#include "support/marketscenario.h"
#include "support/testmain.h"

#include "server/sqlstore.h"

#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kMiB = 1024 * 1024;

} // namespace

class TestMarketSpeedTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MarketHarness> m_h;

    QJsonObject offer(const Scenario &s)
    {
        auto r = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        for (const QJsonValue &o : r.json.value(u"offers"_s).toArray()) {
            if (o[u"id"_s].toInteger() == s.hostId)
                return o.toObject();
        }
        return {};
    }

    /// Sends a measurement from the scenario's agent and waits until the market read it; the
    /// error the market answered with, if any.
    QString measure(Scenario &s, const QJsonValue &down, const QJsonValue &up,
                    const QJsonValue &disk)
    {
        s.agent->send({{u"type"_s, u"measurement"_s},
                       {u"net_down_mbps"_s, down},
                       {u"net_up_mbps"_s, up},
                       {u"disk_write_mbps"_s, disk}});
        if (!s.agent->sync())
            return u"no sync"_s;
        for (const QJsonObject &m : std::as_const(s.agent->received)) {
            if (m[u"type"_s] == u"error"_s)
                return m[u"error"_s][u"code"_s].toString() + u": "_s +
                       m[u"error"_s][u"message"_s].toString();
        }
        return {};
    }

    server::SqlStore &sql() { return static_cast<server::SqlStore &>(m_h->store()); }

private slots:
    void init()
    {
        m_h = std::make_unique<MarketHarness>();
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
    }
    void cleanup()
    {
        const QStringList problems = checkLedgerThenClose(m_h);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void downloadSendsRandomBytesToHostTokensOnly()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'000'000));
        QCOMPARE(m_h->get(u"/api/v1/speedtest?bytes=1000"_s, {}).status, 401);
        auto account = m_h->get(u"/api/v1/speedtest?bytes=1000"_s, s.lender.token);
        QCOMPARE(account.status, 403);
        QCOMPARE(account.errorCode(), u"forbidden"_s);

        auto first = m_h->get(u"/api/v1/speedtest?bytes=1000003"_s, s.hostToken);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body.size(), 1000003);
        auto second = m_h->get(u"/api/v1/speedtest?bytes=1000003"_s, s.hostToken);
        QCOMPARE(second.body.size(), 1000003);
        QVERIFY(first.body != second.body); // new bytes for every test: nothing to cache
        // Random: no byte value stands out (a run of zeros or a repeated block would).
        QList<int> counts(256, 0);
        for (char c : std::as_const(first.body))
            ++counts[quint8(c)];
        QVERIFY(*std::max_element(counts.cbegin(), counts.cend()) < 1000003 / 256 * 2);
    }

    void downloadRefusesBadSizes_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("missing") << QString();
        QTest::newRow("zero") << u"bytes=0"_s;
        QTest::newRow("negative") << u"bytes=-5"_s;
        QTest::newRow("not a number") << u"bytes=lots"_s;
        QTest::newRow("over 64 MiB") << u"bytes=67108865"_s;
    }
    void downloadRefusesBadSizes()
    {
        QFETCH(QString, query);
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'000'000));
        auto r = m_h->get(u"/api/v1/speedtest?"_s + query, s.hostToken);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), u"invalid_value"_s);
        QVERIFY2(r.json[u"error"_s][u"message"_s].toString().contains(u"bytes"_s), r.body);
    }

    void uploadTakesUpTo64MiBAndNoMore()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'000'000));
        // Above the 1 MiB of every other body: the upload test's own limit.
        const QByteArray body(3 * kMiB + 7, 'x');
        auto r = m_h->request("POST", u"/api/v1/speedtest"_s, s.hostToken, body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json[u"bytes"_s].toInteger(), 3 * kMiB + 7);
        // ...which no other route gets.
        auto other = m_h->request("POST", u"/api/v1/instances"_s, s.renter.token, body);
        QCOMPARE(other.status, 413);
        QCOMPARE(m_h->request("POST", u"/api/v1/speedtest"_s, s.renter.token, "x").status, 403);
        auto empty = m_h->request("POST", u"/api/v1/speedtest"_s, s.hostToken, {});
        QCOMPARE(empty.status, 422);
        QCOMPARE(empty.errorCode(), u"invalid_value"_s);

        // Over 64 MiB: refused as soon as the header is in, before a byte of the body is sent.
        QTcpSocket socket;
        const QUrl base(m_h->baseUrl());
        socket.connectToHost(base.host(), quint16(base.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /api/v1/speedtest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                     s.hostToken + "\r\nContent-Length: " + QByteArray::number(64 * kMiB + 1) +
                     "\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("body_too_large"), 10'000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY2(answer.contains("64 MiB"), answer.constData());
    }

    void testsAreRateLimitedPerHost()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'000'000));
        for (int i = 0; i < 12; ++i) {
            auto r = i % 2 ? m_h->get(u"/api/v1/speedtest?bytes=10"_s, s.hostToken)
                           : m_h->request("POST", u"/api/v1/speedtest"_s, s.hostToken, "0123");
            QCOMPARE(r.status, 200);
        }
        auto limited = m_h->get(u"/api/v1/speedtest?bytes=10"_s, s.hostToken);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), u"too_many_attempts"_s);
        QVERIFY2(limited.json[u"error"_s][u"message"_s].toString().contains(u"60 minutes"_s),
                 limited.body);
        // Refused tests do not count; an hour after the first the window has room again.
        m_h->clock().advanceMs(kHourMs);
        QCOMPARE(m_h->get(u"/api/v1/speedtest?bytes=10"_s, s.hostToken).status, 200);
    }

    void offersSayNullUntilMeasured()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'000'000));
        QJsonObject o = offer(s);
        QVERIFY(!o.isEmpty());
        for (const char *key : {"net_down_mbps", "net_up_mbps", "disk_write_mbps", "measured_at"}) {
            QVERIFY2(o.contains(QLatin1StringView(key)), key);
            QVERIFY2(o.value(QLatin1StringView(key)).isNull(), key);
        }

        // Searchable, and an unmeasured offer matches no term on it.
        auto matching = [&](const QString &q) {
            auto r =
                m_h->get(u"/api/v1/offers?q="_s + QString::fromLatin1(QUrl::toPercentEncoding(q)),
                         s.renter.token);
            return r.json[u"offers"_s].toArray().size();
        };
        QCOMPARE(matching(u"net_down_mbps>=1"_s), 0);
        QCOMPARE(matching(u"net_down_mbps<1000000"_s), 0);

        m_h->clock().advanceSeconds(90);
        QCOMPARE(measure(s, 940, 310, QJsonValue::Null), QString());
        QCOMPARE(matching(u"net_down_mbps>=900 net_up_mbps>=300"_s), 1);
        QCOMPARE(matching(u"net_down_mbps>=1000"_s), 0);
        QCOMPARE(matching(u"disk_write_mbps>=1"_s), 0); // its disk test failed
        o = offer(s);
        QCOMPARE(o[u"net_down_mbps"_s].toInteger(), 940);
        QCOMPARE(o[u"net_up_mbps"_s].toInteger(), 310);
        QVERIFY(o[u"disk_write_mbps"_s].isNull()); // its test failed: unknown, not 0
        QCOMPARE(o[u"measured_at"_s].toString(), m_h->clock().nowUtc().toString(Qt::ISODateWithMs));
        // The stated speeds stay what the host says (the scripted agent's 1000/500).
        QCOMPARE(o[u"inet_down_mbps"_s].toInt(), 1000);
        QCOMPARE(o[u"inet_up_mbps"_s].toInt(), 500);

        // A later measurement replaces the whole of the last one.
        QCOMPARE(measure(s, QJsonValue::Null, 20, 1200), QString());
        o = offer(s);
        QVERIFY(o[u"net_down_mbps"_s].isNull());
        QCOMPARE(o[u"disk_write_mbps"_s].toInteger(), 1200);
    }

    void badMeasurementsAreRefused_data()
    {
        QTest::addColumn<QJsonValue>("down");
        QTest::addColumn<QJsonValue>("disk");
        QTest::addColumn<QString>("error");
        QTest::newRow("zero") << QJsonValue(0) << QJsonValue(500) << u"invalid_value"_s;
        QTest::newRow("negative") << QJsonValue(500) << QJsonValue(-1) << u"invalid_value"_s;
        QTest::newRow("absurd") << QJsonValue(1e8) << QJsonValue(500) << u"invalid_value"_s;
        QTest::newRow("a string") << QJsonValue(u"fast"_s) << QJsonValue(500) << u"invalid_type"_s;
        QTest::newRow("nothing") << QJsonValue() << QJsonValue() << u"invalid_value"_s;
    }
    void badMeasurementsAreRefused()
    {
        QFETCH(QJsonValue, down);
        QFETCH(QJsonValue, disk);
        QFETCH(QString, error);
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'000'000));
        const QString answer = measure(s, down, QJsonValue::Null, disk);
        QVERIFY2(answer.startsWith(error + u':'), qPrintable(answer));
        const QJsonObject o = offer(s);
        QVERIFY(o[u"measured_at"_s].isNull());
        QVERIFY(o[u"net_down_mbps"_s].isNull());
        QVERIFY(o[u"disk_write_mbps"_s].isNull());
    }

    void verifiedFollowsTheRuleAndTheOperator()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'000'000));
        // Say hello again stating 500/100 Mbit/s (the scripted agent's first hello: 1000/500).
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        s.agent->setSpecExtra({{u"inet_down_mbps"_s, 500}, {u"inet_up_mbps"_s, 100}});
        QVERIFY(s.agent->connectAndHello(1));
        QCOMPARE(offer(s)[u"inet_down_mbps"_s].toInt(), 500);

        auto verified = [&] {
            return offer(s)[u"verified"_s].toBool();
        };
        auto reverify = [&] {
            auto r = m_h->store().reverifyHosts(m_h->clock().nowMs());
            QVERIFY(r.ok());
        };
        // Measured as stated, but registered just now: not yet.
        QCOMPARE(measure(s, 480, 95, 900), QString());
        QVERIFY(!verified());
        // A day on, online and reliable: the periodic check verifies it.
        m_h->clock().advanceMs(24 * kHourMs);
        reverify();
        QVERIFY(verified());
        // Measured far below what it states (under 80 %): taken back at once.
        QCOMPARE(measure(s, 300, 95, 900), QString());
        QVERIFY(!verified());
        QCOMPARE(measure(s, 400, 80, 900), QString()); // exactly 80 %: agrees
        QVERIFY(verified());
        // A failed disk test: not checked, not verified.
        QCOMPARE(measure(s, 400, 80, QJsonValue::Null), QString());
        QVERIFY(!verified());
        QCOMPARE(measure(s, 400, 80, 900), QString());
        QVERIFY(verified());
        // No measurement for over 48 h: the badge goes.
        m_h->clock().advanceMs(48 * kHourMs);
        reverify();
        QVERIFY(verified()); // 48 h exactly is still within
        m_h->clock().advanceMs(1000);
        reverify();
        QVERIFY(!verified());
        QCOMPARE(measure(s, 400, 80, 900), QString());
        QVERIFY(verified());

        // The operator's word outranks the rule, both ways, until it is handed back.
        auto unverified = sql().setHostVerified(s.hostId, false, m_h->clock().nowMs());
        QVERIFY(unverified && !unverified->verified);
        QVERIFY(!verified());
        QCOMPARE(measure(s, 500, 100, 900), QString());
        reverify();
        QVERIFY(!verified());
        auto back = sql().setHostVerified(s.hostId, std::nullopt, m_h->clock().nowMs());
        QVERIFY(back && back->verified);
        QVERIFY(verified());
        QCOMPARE(measure(s, 10, 10, 900), QString());
        QVERIFY(!verified());
        auto byHand = sql().setHostVerified(s.hostId, true, m_h->clock().nowMs());
        QVERIFY(byHand && byHand->verified);
        reverify();
        QVERIFY(verified());
    }

    void verifiedNeedsReliabilityAndStatedSpeedsAreOptional()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'000'000));
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        s.agent->setSpecExtra({{u"inet_down_mbps"_s, 0}, {u"inet_up_mbps"_s, 0}});
        QVERIFY(s.agent->connectAndHello(1));
        auto verified = [&] {
            return offer(s)[u"verified"_s].toBool();
        };
        m_h->clock().advanceMs(25 * kHourMs);
        // States no speed: any measurement agrees.
        QCOMPARE(measure(s, 3, 1, 40), QString());
        QVERIFY(verified());
        // Lost once after two hellos: reliability 2/3, under 0.95.
        auto lost = m_h->store().declareHostLost(s.hostId);
        QVERIFY(lost.ok());
        QVERIFY(m_h->store().reverifyHosts(m_h->clock().nowMs()).ok());
        auto host = m_h->store().host(s.hostId);
        QVERIFY(host && !host->verified);
        QVERIFY(host->reliability < 0.95);
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        s.agent->setSpecExtra({{u"inet_down_mbps"_s, 0}, {u"inet_up_mbps"_s, 0}});
        QVERIFY(s.agent->connectAndHello(1)); // online again, still unreliable
        QCOMPARE(measure(s, 3, 1, 40), QString());
        QVERIFY(!verified());
    }
};

SUANLI_TEST_MAIN(TestMarketSpeedTest)
#include "tst_market_speedtest.moc"
