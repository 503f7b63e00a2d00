// The agent's measurements (docs/host.md, "Measured speeds") against a real market on loopback
// (tests/support/marketharness): the download and upload through GET/POST /api/v1/speedtest
// with the host's own token, the disk test's fsync'ed file (gone afterwards), and what a failed
// test gives: null with its reason, never 0. No speed is asserted: only that each test ran and
// gave a value, or said why not.

#include "host/speedtest.h"
#include "protocol/json.h"
#include "support/marketscenario.h"
#include "support/testmain.h"

#include <QDir>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestHostSpeedTest : public QObject
{
    Q_OBJECT

private:
    struct Outcome
    {
        protocol::MeasurementMessage measurement;
        QStringList errors;
    };

    static std::optional<Outcome> run(host::SpeedTest &test)
    {
        std::optional<Outcome> outcome;
        QObject context;
        QObject::connect(&test, &host::SpeedTest::finished, &context,
                         [&](const protocol::MeasurementMessage &m, const QStringList &errors) {
                             outcome = Outcome{m, errors};
                         });
        int results = 0;
        QObject::connect(&test, &host::SpeedTest::finished, &context, [&results] { ++results; });
        test.start();
        if (!test.isRunning())
            return std::nullopt;
        test.start(); // ignored while running: one result
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 60'000))
            return std::nullopt;
        QTest::qWait(50);
        if (test.isRunning() || results != 1)
            return std::nullopt;
        return outcome;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void measuresBothWaysAndTheDisk()
    {
        MarketHarness market;
        QVERIFY2(market.ok(), qPrintable(market.error()));
        Scenario s;
        QVERIFY(s.setUp(market, 1, 1'000'000));
        QTemporaryDir disk;
        QVERIFY(disk.isValid());
        host::SpeedTest test(QUrl(market.baseUrl()), s.hostToken, 4 * 1024 * 1024 + 3, disk.path());
        const auto outcome = run(test);
        QVERIFY(outcome);
        QVERIFY2(outcome->errors.isEmpty(), qPrintable(outcome->errors.join(u"; "_s)));
        QVERIFY(outcome->measurement.net_down_mbps && *outcome->measurement.net_down_mbps >= 1);
        QVERIFY(outcome->measurement.net_up_mbps && *outcome->measurement.net_up_mbps >= 1);
        QVERIFY(outcome->measurement.disk_write_mbps && *outcome->measurement.disk_write_mbps >= 1);
        // The test file is gone.
        QVERIFY(QDir(disk.path())
                    .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                    .isEmpty());

        // What the market makes of it: the scripted agent (the same registration) reports it
        // as the engine does, and the offer says so.
        s.agent->send(protocol::toJson(protocol::AgentMessage{outcome->measurement}));
        QVERIFY(s.agent->sync());
        auto offers = market.get(u"/api/v1/offers"_s, s.renter.token);
        const QJsonObject o = offers.json[u"offers"_s].toArray().first().toObject();
        QCOMPARE(o[u"net_down_mbps"_s].toInteger(), *outcome->measurement.net_down_mbps);
        QCOMPARE(o[u"net_up_mbps"_s].toInteger(), *outcome->measurement.net_up_mbps);
        QCOMPARE(o[u"disk_write_mbps"_s].toInteger(), *outcome->measurement.disk_write_mbps);
        QVERIFY(!o[u"measured_at"_s].isNull());
    }

    void aFailedTestIsNullWithItsReason()
    {
        MarketHarness market;
        QVERIFY2(market.ok(), qPrintable(market.error()));
        Scenario s;
        QVERIFY(s.setUp(market, 1, 1'000'000));
        // An account's token is refused (403) both ways; a file where the folder should be
        // fails the disk test.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString notAFolder = dir.filePath(u"file"_s);
        QFile file(notAFolder);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        host::SpeedTest test(QUrl(market.baseUrl()), s.lender.token, 1024, notAFolder);
        const auto outcome = run(test);
        QVERIFY(outcome);
        QVERIFY(!outcome->measurement.net_down_mbps);
        QVERIFY(!outcome->measurement.net_up_mbps);
        QVERIFY(!outcome->measurement.disk_write_mbps);
        QCOMPARE(outcome->errors.size(), 3);
        QVERIFY2(outcome->errors[0].startsWith(u"download test: HTTP 403"_s),
                 qPrintable(outcome->errors[0]));
        QVERIFY2(outcome->errors[1].startsWith(u"upload test: HTTP 403"_s),
                 qPrintable(outcome->errors[1]));
        QVERIFY2(outcome->errors[2].startsWith(u"disk test: "_s), qPrintable(outcome->errors[2]));

        // A market that is not there: the network tests fail, the disk test still runs.
        QTemporaryDir disk;
        host::SpeedTest away(QUrl(u"http://127.0.0.1:1"_s), s.hostToken, 1024, disk.path());
        const auto gone = run(away);
        QVERIFY(gone);
        QVERIFY(!gone->measurement.net_down_mbps && !gone->measurement.net_up_mbps);
        QVERIFY(gone->measurement.disk_write_mbps);
        QCOMPARE(gone->errors.size(), 2);
    }

    void ratesAreRoundedAndNeverZero()
    {
        // 1 MB in 1 s: 8 Mbit/s, 1 MB/s; one byte in an hour is still "moved", so at least 1.
        QCOMPARE(host::SpeedTest::megabitsPerSecond(1'000'000, 1'000'000'000), 8);
        QCOMPARE(host::SpeedTest::megabytesPerSecond(1'000'000, 1'000'000'000), 1);
        QCOMPARE(host::SpeedTest::megabitsPerSecond(1, 3'600'000'000'000), 1);
        QCOMPARE(host::SpeedTest::megabytesPerSecond(250'000'000, 100'000'000), 2500);
    }
};

SUANLI_TEST_MAIN(TestHostSpeedTest)
#include "tst_host_speedtest.moc"
