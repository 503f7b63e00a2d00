// DashboardClient against a real market on loopback: its four calls go through
// MarketClient::request and decode the market's answers; errors are the market's.
#include "app/asyncresult.h"
#include "app/dashboard/dashboardclient.h"
#include "client/marketclient.h"
#include "protocol/json.h"
#include "support/marketscenario.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestDashboardClient : public QObject
{
    Q_OBJECT
private slots:
    void callsDecodeTheMarketsAnswers()
    {
        MarketHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        Scenario s;
        QVERIFY(s.setUp(h, 1, 1'000'000));
        const qint64 id = s.launch(h);
        QVERIFY(id);
        QNetworkAccessManager network;
        client::MarketClient market(&network);
        market.setMarket(QUrl(h.baseUrl()), s.renter.token);
        dashboard::DashboardClient client(&market);

        Async<QList<dashboard::InstanceHistoryEvent>> events;
        client.instanceEvents(id, events.context(), events.callback());
        auto history = events.wait();
        QVERIFY2(history.ok(), why(history).constData());
        QVERIFY(!history->isEmpty());
        QCOMPARE(history->last().state, u"running"_s);
        QVERIFY(history->last().at.isValid());

        protocol::InstanceGuardsPatch patch;
        patch.max_spend_micro = 5'000'000;
        Async<protocol::Instance> guarded;
        client.patchGuards(id, patch, guarded.context(), guarded.callback());
        auto instance = guarded.wait();
        QVERIFY2(instance.ok(), why(instance).constData());
        QCOMPARE(instance->id, id);
        QCOMPARE(instance->max_spend_micro, 5'000'000);

        Async<protocol::Account> account;
        client.setLowBalance(2'000'000, account.context(), account.callback());
        auto me = account.wait();
        QVERIFY2(me.ok(), why(me).constData());
        QCOMPARE(me->low_balance_micro, 2'000'000);

        // One sample, kept as history once the market has it.
        protocol::TelemetrySample sample;
        sample.instance_id = id;
        sample.at = h.clock().nowUtc();
        sample.gpus = {{0, 97.0, 20000, 71.0, 330.0}};
        sample.cpu_pct = 150;
        sample.memory_used_mb = 8000;
        s.agent->send({{u"type"_s, u"telemetry"_s},
                       {u"samples"_s, QJsonArray{protocol::toJson(sample)}}});
        Async<dashboard::TelemetryHistory> telemetry;
        const auto samplesSince = [&](const QDateTime &from) -> qsizetype {
            h.market().flushTelemetry();
            client.telemetry(id, from, telemetry.context(), telemetry.callback());
            auto r = telemetry.wait();
            return r ? r->samples.size() : -1;
        };
        QTRY_COMPARE(samplesSince(QDateTime()), 1); // the market's default: the last 24 h
        QCOMPARE(samplesSince(sample.at.addSecs(-60)), 1);
        QCOMPARE(samplesSince(sample.at.addSecs(60)), 0); // the query reached the market
        client.telemetry(id, QDateTime(), telemetry.context(), telemetry.callback());
        auto kept = telemetry.wait();
        QVERIFY2(kept.ok(), why(kept).constData());
        QCOMPARE(kept->samples.first().gpus.first().utilization_pct, 97.0);

        // Another renter's or no instance: the market's code and message.
        client.instanceEvents(424242, events.context(), events.callback());
        auto missing = events.wait();
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, u"not_found"_s);
        QCOMPARE(missing.error().message, u"no such instance"_s);
    }
};

QTEST_GUILESS_MAIN(TestDashboardClient)
#include "tst_dashboardclient.moc"
