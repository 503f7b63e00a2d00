#include "app/dashboard/notifier.h"
#include "tests/support/manualclock.h"

#include <QSignalSpy>
#include <QTest>

using namespace suanli;
using namespace suanli::dashboard;
using protocol::InstanceState;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

protocol::Instance instance(InstanceState state, const QString &reason = {})
{
    protocol::Instance i;
    i.id = 7;
    i.label = QStringLiteral("train");
    i.state = state;
    i.state_reason = reason;
    i.gpu_count = 1;
    i.gpu_model = QStringLiteral("RTX 4090");
    i.max_spend_micro = 5'000'000;
    if (state == InstanceState::Running)
        i.running_since = kNow.addSecs(-60);
    if (state == InstanceState::Stopped) {
        i.stopped_at = kNow.addDays(-14);
        i.release_at = kNow.addDays(1).addSecs(-10); // 23 h 59 min 50 s from now
    }
    return i;
}

Notification::Kind kindAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<Notification>().kind;
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT
private slots:
    void readyOnceWhenItStartsRunning()
    {
        Notifier n;
        test::ManualClock clock(kNow.toMSecsSinceEpoch());
        n.setClock(clock);
        QSignalSpy spy(&n, &Notifier::notify);
        n.observeInstance(instance(InstanceState::Provisioning));
        QCOMPARE(spy.size(), 0);
        n.observeInstance(instance(InstanceState::Running));
        n.observeInstance(instance(InstanceState::Running));
        n.observeInstances({instance(InstanceState::Running)}); // a reload
        QCOMPARE(spy.size(), 1);
        QCOMPARE(kindAt(spy, 0), Notification::Kind::InstanceReady);
        QVERIFY(spy.at(0).at(0).value<Notification>().title.contains(QStringLiteral("train")));
    }

    void notAtFirstSightOfARunningInstance()
    {
        Notifier n;
        QSignalSpy spy(&n, &Notifier::notify);
        n.observeInstance(instance(InstanceState::Running));
        QCOMPARE(spy.size(), 0);
    }

    void guardStopOnce()
    {
        Notifier n;
        test::ManualClock clock(kNow.toMSecsSinceEpoch());
        n.setClock(clock);
        QSignalSpy spy(&n, &Notifier::notify);
        n.observeInstance(instance(InstanceState::Running));
        n.observeInstance(instance(InstanceState::Stopping, QStringLiteral("max_spend_reached")));
        auto stopped = instance(InstanceState::Stopped, QStringLiteral("max_spend_reached"));
        stopped.release_at = kNow.addDays(15);
        n.observeInstance(stopped);
        n.observeInstance(stopped);
        QCOMPARE(spy.size(), 1);
        const auto note = spy.at(0).at(0).value<Notification>();
        QCOMPARE(note.kind, Notification::Kind::GuardStopped);
        QVERIFY2(note.body.contains(QStringLiteral("5.00")), qPrintable(note.body));
        // A user stop is no guard stop.
        Notifier other;
        QSignalSpy otherSpy(&other, &Notifier::notify);
        other.observeInstance(instance(InstanceState::Running));
        other.observeInstance(instance(InstanceState::Stopping, QStringLiteral("user_requested")));
        QCOMPARE(otherSpy.size(), 0);
    }

    void balanceWarningOncePerThreshold()
    {
        Notifier n;
        QSignalSpy spy(&n, &Notifier::notify);
        protocol::BalanceEvent plain{10'000'000, QStringLiteral("CNY"), std::nullopt};
        n.observeBalance(plain);
        QCOMPARE(spy.size(), 0);
        protocol::BalanceEvent warn{9'000'000, QStringLiteral("CNY"),
                                    protocol::BalanceWarning{QStringLiteral("runway_24h"),
                                                             500'000, 64'800}};
        n.observeBalance(warn);
        n.observeBalance(warn); // a reconnect repeats it
        QCOMPARE(spy.size(), 1);
        QCOMPARE(kindAt(spy, 0), Notification::Kind::BalanceLow);
        QVERIFY(spy.at(0).at(0).value<Notification>().body.contains(QStringLiteral("18 h")));
        n.observeBalance({50'000'000, QStringLiteral("CNY"), std::nullopt}); // a top-up
        n.observeBalance(warn);
        QCOMPARE(spy.size(), 2);
    }

    void releaseWarningADayAheadOnce()
    {
        test::ManualClock clock(
            kNow.addDays(-1).toMSecsSinceEpoch()); // two days before the release
        Notifier n;
        n.setClock(clock);
        QSignalSpy spy(&n, &Notifier::notify);
        n.observeInstance(instance(InstanceState::Stopped, QStringLiteral("user_requested")));
        QCOMPARE(spy.size(), 0);
        clock.setMs(kNow.toMSecsSinceEpoch());
        n.tick();
        n.tick();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(kindAt(spy, 0), Notification::Kind::ReleaseSoon);
        // After a restart with the saved keys: not again.
        Notifier restarted;
        restarted.setClock(clock);
        restarted.restoreFiredKeys(n.firedKeys());
        QSignalSpy again(&restarted, &Notifier::notify);
        restarted.observeInstance(instance(InstanceState::Stopped, QStringLiteral("user_requested")));
        QCOMPARE(again.size(), 0);
    }

    void ownerReturnNoticeOncePerStopTime()
    {
        Notifier n;
        test::ManualClock clock(kNow.toMSecsSinceEpoch());
        n.setClock(clock);
        QSignalSpy spy(&n, &Notifier::notify);
        n.observeInstance(instance(InstanceState::Running));
        const protocol::InstanceNoticeEvent notice{7, kNow.addSecs(120),
                                                   QStringLiteral("host_owner_returned")};
        n.observeNotice(notice);
        n.observeNotice(notice); // a reconnect repeats it
        QCOMPARE(spy.size(), 1);
        const auto shown = spy.at(0).at(0).value<Notification>();
        QCOMPARE(shown.kind, Notification::Kind::HostNotice);
        QCOMPARE(shown.instanceId, 7);
        QVERIFY(shown.title.contains(QStringLiteral("train")));
        QVERIFY2(shown.body.contains(QStringLiteral("2 min")), qPrintable(shown.body));
        // A later notice (the owner left and came back again) is news.
        n.observeNotice({7, kNow.addSecs(3600), QStringLiteral("host_owner_returned")});
        QCOMPARE(spy.size(), 2);
        // An instance never seen is named by its id.
        n.observeNotice({9, kNow.addSecs(60), QStringLiteral("host_owner_returned")});
        QVERIFY(spy.at(2).at(0).value<Notification>().title.contains(QStringLiteral("9")));
    }
};

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
