#include "client/eventstream.h"

#include "support/marketharness.h"
#include "support/marketscenario.h"

#include "protocol/json.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::protocol;
using namespace suanli::client;
using namespace suanli::testing;

class TestEventStream : public QObject
{
    Q_OBJECT
private slots:
    void instanceAndBalanceEventsFromTheMarket()
    {
        MarketHarness h;
        QVERIFY(h.ok());
        Scenario s;
        QVERIFY(s.setUp(h, 2, 1'000'000));
        EventStream events;
        QSignalSpy balance(&events, &EventStream::balanceChanged);
        QSignalSpy instances(&events, &EventStream::instanceChanged);
        events.open(QUrl(h.baseUrl()), s.renter.token);
        QTRY_COMPARE(events.state(), EventStream::State::Connected);
        QTRY_VERIFY(balance.size() >= 1); // the market's first event tells the balance
        QCOMPARE(balance.first().first().toLongLong(), 100 * kMicroPerUnit);

        const qint64 id = s.launch(h);
        QVERIFY(id > 0);
        QTRY_VERIFY(!instances.isEmpty());
        bool sawRunning = false;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            for (const auto &args : instances) {
                const auto in = args.first().value<protocol::Instance>();
                if (in.id == id && in.state == protocol::InstanceState::Running)
                    sawRunning = true;
            }
            return sawRunning;
        }()), 5000);
    }

    void reconnectsWithBackoffAndResyncs()
    {
        // A port where nothing listens yet.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();

        EventStream events;
        events.setBackoff(50, 400);
        QSignalSpy resynced(&events, &EventStream::resynced);
        QSignalSpy states(&events, &EventStream::stateChanged);
        events.open(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), "sk_test");
        QTRY_COMPARE(events.state(), EventStream::State::WaitingToReconnect);
        QVERIFY(events.reconnectInMs() > 0);

        QWebSocketServer server(u"fake"_s, QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, port));
        QList<QWebSocket *> accepted;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            accepted.append(server.nextPendingConnection());
        });
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), EventStream::State::Connected, 5000);
        QCOMPARE(resynced.size(), 0);
        QCOMPARE(accepted.size(), 1);

        accepted.first()->close(); // the market went away
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 2, 5000);
        QTRY_COMPARE(events.state(), EventStream::State::Connected);
        QCOMPARE(resynced.size(), 1); // listeners reload what they show

        // A refused token is final: no more attempts.
        accepted.last()->close(static_cast<QWebSocketProtocol::CloseCode>(4401), u"unauthorized"_s);
        QTRY_COMPARE(events.state(), EventStream::State::Unauthorized);
        QVERIFY(!QTest::qWaitFor([&] { return accepted.size() > 2; }, 600));
        QCOMPARE(accepted.size(), 2);
        qDeleteAll(accepted);
    }

    void warningsAndNoticesReachTheirSignals()
    {
        // The market's low-balance warning and the owner-return notice come through whole.
        QWebSocketServer server(u"fake"_s, QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QWebSocket *peer = nullptr;
        connect(&server, &QWebSocketServer::newConnection, this,
                [&] { peer = server.nextPendingConnection(); });
        EventStream events;
        QSignalSpy balances(&events, &EventStream::balanceEvent);
        QSignalSpy plain(&events, &EventStream::balanceChanged);
        QSignalSpy notices(&events, &EventStream::instanceNotice);
        QSignalSpy plans(&events, &EventStream::planNotice);
        events.open(QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort())), "sk_test");
        QTRY_VERIFY(peer != nullptr);
        QTRY_COMPARE(events.state(), EventStream::State::Connected);

        const protocol::BalanceEvent warned{12'000'000, u"CNY"_s,
                                            protocol::BalanceWarning{u"runway_1h"_s, 15'000'000, 2880}};
        const protocol::InstanceNoticeEvent notice{
            7, QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC), u"host_owner_returned"_s};
        auto send = [&](const protocol::AppEvent &event) {
            peer->sendTextMessage(QString::fromUtf8(
                QJsonDocument(protocol::toJson(event)).toJson(QJsonDocument::Compact)));
        };
        const protocol::PlanNoticeEvent planEnding{
            8,    u"week"_s,   QDateTime::fromSecsSinceEpoch(1'800'086'400, Qt::UTC),
            true, 100'000'000, false};
        send(warned);
        send(notice);
        send(planEnding);
        send(protocol::BalanceEvent{11'000'000, u"CNY"_s, std::nullopt});
        QTRY_COMPARE(balances.size(), 2);
        QTRY_COMPARE(notices.size(), 1);
        QCOMPARE(plain.size(), 2);
        QCOMPARE(balances.at(0).first().value<protocol::BalanceEvent>(), warned);
        QVERIFY(!balances.at(1).first().value<protocol::BalanceEvent>().warning);
        QCOMPARE(notices.first().first().value<protocol::InstanceNoticeEvent>(), notice);
        QTRY_COMPARE(plans.size(), 1);
        QCOMPARE(plans.first().first().value<protocol::PlanNoticeEvent>(), planEnding);
        delete peer;
    }
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
