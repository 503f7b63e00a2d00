// Contributor mode's lending policy with injected idle, GPU and clock sources: every state
// transition, owner return with grace for interruptible rentals, on-demand rentals kept, the
// owner's buttons, and the X11 idle source's honest failure without a display.

#include "contributor/systemidlesource.h"
#include "host/lendingbinding.h"
#include "host/lendingpolicy.h"
#include "support/manualclock.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli::host;

namespace {

struct FakeIdle final : IdleSource
{
    IdleReading reading = IdleReading::known(0);
    IdleReading read() override { return reading; }
    QString name() const override { return u"fake"_s; }
};

struct FakeGpu final : GpuActivitySource
{
    GpuActivity activity;
    GpuActivity sample() override { return activity; }
};

constexpr qint64 kMinute = 60'000;

} // namespace

class TestLendingPolicy : public QObject
{
    Q_OBJECT

    FakeIdle *idle = nullptr;
    FakeGpu *gpu = nullptr;
    suanli::test::ManualClock clock;
    std::unique_ptr<LendingPolicy> policy;

    using State = LendingPolicy::State;
    using Reason = LendingPolicy::Reason;

    void make(LendingSettings settings = {})
    {
        auto i = std::make_unique<FakeIdle>();
        auto g = std::make_unique<FakeGpu>();
        idle = i.get();
        gpu = g.get();
        // Monday 23 November 2026, 15:00 local time.
        clock.setLocal(QDateTime(QDate(2026, 11, 23), QTime(15, 0)));
        policy = std::make_unique<LendingPolicy>(std::move(i), std::move(g), &clock);
        policy->setSettings(settings);
    }
    void advance(qint64 seconds)
    {
        clock.advanceSeconds(seconds);
        policy->evaluate();
    }
    void userIdleFor(qint64 ms)
    {
        idle->reading = IdleReading::known(ms);
        policy->evaluate();
    }
    void expect(State s, Reason r)
    {
        QCOMPARE(policy->state(), s);
        QCOMPARE(policy->reason(), r);
    }

private slots:
    void offWhenDisabled()
    {
        LendingSettings s;
        s.enabled = false;
        make(s);
        idle->reading = IdleReading::known(60 * kMinute);
        policy->evaluate();
        expect(State::Off, Reason::Disabled);
        QVERIFY(!policy->isListed());
    }

    void waitsForIdleThenListsThenRented()
    {
        make();
        QSignalSpy listing(policy.get(), &LendingPolicy::listingChanged);
        QSignalSpy states(policy.get(), &LendingPolicy::stateChanged);
        expect(State::WaitingForIdle, Reason::UserActive);
        userIdleFor(10 * kMinute - 1);
        expect(State::WaitingForIdle, Reason::UserActive);
        QCOMPARE(listing.count(), 0);
        userIdleFor(10 * kMinute);
        expect(State::Listed, Reason::None);
        QCOMPARE(listing.count(), 1);
        QCOMPARE(listing.at(0).at(0).toBool(), true);
        policy->setRunningInstances({7});
        expect(State::Rented, Reason::None);
        QVERIFY(policy->isListed());
        policy->setRunningInstances({});
        expect(State::Listed, Reason::None);
        QCOMPARE(states.count(), 3);
    }

    void ownerReturnStopsInterruptibleAfterGrace()
    {
        LendingSettings s;
        s.graceS = 60;
        make(s);
        userIdleFor(15 * kMinute);
        policy->setRunningInstances({7, 8});
        QSignalSpy listing(policy.get(), &LendingPolicy::listingChanged);
        QSignalSpy notices(policy.get(), &LendingPolicy::rentalNoticed);
        QSignalSpy stops(policy.get(), &LendingPolicy::stopRequested);
        const QDateTime back = clock.nowLocal();
        userIdleFor(200);             // the owner moved the mouse
        QCOMPARE(listing.count(), 1); // withdrawn at once
        QCOMPARE(listing.at(0).at(0).toBool(), false);
        expect(State::Rented, Reason::UserActive); // still serving during the grace
        QCOMPARE(notices.count(), 2);
        QCOMPARE(notices.at(0).at(0).toLongLong(), 7);
        QCOMPARE(notices.at(0).at(1).toDateTime(), back.addSecs(60));
        QCOMPARE(notices.at(0).at(2).toString(), u"host_owner_returned"_s);
        advance(59);
        QCOMPARE(stops.count(), 0);
        advance(1);
        QCOMPARE(stops.count(), 2);
        QCOMPARE(stops.at(0).at(1).toString(), u"host_owner_returned"_s);
        advance(10); // stops are asked once
        QCOMPARE(stops.count(), 2);
        QCOMPARE(notices.count(), 2);
        policy->setRunningInstances({});
        expect(State::WaitingForIdle, Reason::UserActive);
    }

    void ownerLeavingAgainCancelsNotice()
    {
        LendingSettings s;
        s.graceS = 600;
        s.idleMinutes = 5;
        make(s);
        userIdleFor(5 * kMinute);
        policy->setRunningInstances({7});
        QSignalSpy stops(policy.get(), &LendingPolicy::stopRequested);
        userIdleFor(0);
        QCOMPARE(policy->pendingStops().size(), 1);
        clock.advanceSeconds(300);
        userIdleFor(5 * kMinute);
        expect(State::Rented, Reason::None);
        QVERIFY(policy->isListed());
        QVERIFY(policy->pendingStops().isEmpty());
        advance(600);
        QCOMPARE(stops.count(), 0);
    }

    void onDemandContinuesUnlessForced()
    {
        LendingSettings s;
        s.interruptible = false;
        make(s);
        userIdleFor(15 * kMinute);
        policy->setRunningInstances({9});
        QSignalSpy notices(policy.get(), &LendingPolicy::rentalNoticed);
        QSignalSpy stops(policy.get(), &LendingPolicy::stopRequested);
        userIdleFor(0);
        advance(3600);
        QCOMPARE(notices.count(), 0);
        QCOMPARE(stops.count(), 0);
        QVERIFY(!policy->isListed());
        expect(State::Rented, Reason::UserActive);
        policy->forceStopAll();
        QCOMPARE(stops.count(), 1);
        QCOMPARE(stops.at(0).at(0).toLongLong(), 9);
        QCOMPARE(stops.at(0).at(1).toString(), u"host_owner_forced_stop"_s);
        policy->forceStopAll();
        QCOMPARE(stops.count(), 1);
    }

    void gpuUseAndFullscreenPause()
    {
        make();
        userIdleFor(15 * kMinute);
        policy->setRunningInstances({7});
        QSignalSpy notices(policy.get(), &LendingPolicy::rentalNoticed);
        gpu->activity.foreignPids = {4242};
        policy->evaluate();
        QVERIFY(!policy->isListed());
        expect(State::Rented, Reason::GpuInUse);
        QCOMPARE(notices.count(), 1); // a game on the GPU is the owner coming back
        policy->setRunningInstances({});
        expect(State::Paused, Reason::GpuInUse);
        gpu->activity.foreignPids.clear();
        gpu->activity.fullscreen = true;
        policy->evaluate();
        expect(State::Paused, Reason::Fullscreen);
        LendingSettings s = policy->settings();
        s.pauseOnGpuUse = false;
        policy->setSettings(s);
        expect(State::Listed, Reason::None);
    }

    void capsWithdrawListingOnly()
    {
        LendingSettings s;
        s.maxTemperatureC = 80;
        s.maxPowerW = 300;
        make(s);
        userIdleFor(15 * kMinute);
        policy->setRunningInstances({7});
        QSignalSpy notices(policy.get(), &LendingPolicy::rentalNoticed);
        gpu->activity.maxTemperatureC = 85;
        policy->evaluate();
        QVERIFY(!policy->isListed());
        expect(State::Rented, Reason::TooHot);
        policy->setRunningInstances({});
        expect(State::Paused, Reason::TooHot);
        gpu->activity.maxTemperatureC = 70;
        gpu->activity.totalPowerW = 320;
        policy->evaluate();
        expect(State::Paused, Reason::PowerCap);
        gpu->activity.totalPowerW = 250;
        policy->evaluate();
        expect(State::Listed, Reason::None);
        QCOMPARE(notices.count(), 0);
    }

    void scheduleWindows()
    {
        LendingSettings s;
        s.windows = {*parseScheduleWindow(u"mon-fri 22:00-08:00"_s)};
        s.requireIdle = false;
        make(s);
        expect(State::WaitingForIdle, Reason::OutsideSchedule); // Monday 15:00
        clock.setLocal(QDateTime(QDate(2026, 11, 23), QTime(22, 0)));
        policy->evaluate();
        expect(State::Listed, Reason::None);
        clock.setLocal(QDateTime(QDate(2026, 11, 24), QTime(7, 59)));
        policy->evaluate();
        expect(State::Listed, Reason::None);
        policy->setRunningInstances({3});
        QSignalSpy notices(policy.get(), &LendingPolicy::rentalNoticed);
        advance(60); // 08:00: the window closes, the owner's time begins
        expect(State::Rented, Reason::OutsideSchedule);
        QCOMPARE(notices.count(), 1);
    }

    void idleUnknownIsAnErrorNotAGuess()
    {
        make();
        idle->reading = IdleReading::unavailable(u"no X display"_s);
        policy->evaluate();
        expect(State::Error, Reason::IdleUnknown);
        QVERIFY(!policy->isListed());
        QCOMPARE(policy->idleDetail(), u"no X display"_s);
        QVERIFY(!policy->lastIdleMs());
        idle->reading = IdleReading::pending();
        policy->evaluate();
        expect(State::WaitingForIdle, Reason::None);
        // The owner may lend on schedule only instead.
        LendingSettings s = policy->settings();
        s.requireIdle = false;
        policy->setSettings(s);
        expect(State::Listed, Reason::None);

        LendingPolicy noSource(nullptr, nullptr, &clock);
        noSource.evaluate();
        QCOMPARE(noSource.state(), State::Error);
        QCOMPARE(noSource.reason(), Reason::IdleUnknown);
    }

    void lendNowAndPauseOneHour()
    {
        LendingSettings s;
        s.enabled = false;
        make(s);
        expect(State::Off, Reason::Disabled);
        policy->lendNow(); // while the owner sits at the machine
        expect(State::Listed, Reason::None);
        QVERIFY(policy->lendingForced());
        advance(600);
        expect(State::Listed, Reason::None);
        policy->setRunningInstances({5});
        QSignalSpy stops(policy.get(), &LendingPolicy::stopRequested);
        policy->pauseFor(3600);
        expect(State::Rented, Reason::ManualPause);
        QVERIFY(!policy->isListed());
        QCOMPARE(policy->pausedUntil(), clock.nowLocal().addSecs(3600));
        advance(60);
        QCOMPARE(stops.count(), 1); // grace over: the owner asked for the machine
        policy->setRunningInstances({});
        expect(State::Paused, Reason::ManualPause);
        advance(3540);
        expect(State::WaitingForIdle, Reason::UserActive); // no longer forced
        QVERIFY(!policy->pausedUntil().isValid());
    }

    void pauseUntilTomorrowAndResume()
    {
        make();
        userIdleFor(15 * kMinute);
        policy->pauseUntilTomorrow();
        expect(State::Paused, Reason::ManualPause);
        QCOMPARE(policy->pausedUntil(), QDateTime(QDate(2026, 11, 24), QTime(0, 0)));
        clock.setLocal(QDateTime(QDate(2026, 11, 23), QTime(23, 59, 59)));
        policy->evaluate();
        expect(State::Paused, Reason::ManualPause);
        advance(1);
        expect(State::Listed, Reason::None);
        policy->pauseFor(3600);
        expect(State::Paused, Reason::ManualPause);
        policy->resume();
        expect(State::Listed, Reason::None);
    }

    void engineErrorAndOffWhileRented()
    {
        make();
        userIdleFor(15 * kMinute);
        policy->setEngineError(u"podman not found"_s);
        expect(State::Error, Reason::EngineError);
        QVERIFY(!policy->isListed());
        policy->setEngineError({});
        expect(State::Listed, Reason::None);
        policy->setRunningInstances({4});
        QSignalSpy notices(policy.get(), &LendingPolicy::rentalNoticed);
        LendingSettings s = policy->settings();
        s.enabled = false;
        policy->setSettings(s);
        expect(State::Off, Reason::Disabled);
        QCOMPARE(notices.count(), 1);
    }

    void timerDrivesEvaluation()
    {
        make();
        policy->start(10);
        idle->reading = IdleReading::known(20 * kMinute);
        QTRY_COMPARE(policy->state(), State::Listed);
        policy->stop();
    }

    void reasonCodesAreStable()
    {
        QCOMPARE(LendingBinding::reasonCode(Reason::UserActive), u"owner_active"_s);
        QCOMPARE(LendingBinding::reasonCode(Reason::ManualPause), u"paused_by_owner"_s);
        QVERIFY(LendingBinding::reasonCode(Reason::None).isEmpty());
    }

    void x11SourceWithoutDisplaySaysSo()
    {
#if defined(Q_OS_LINUX)
        auto source = suanli::contributor::createX11IdleSource(":99999");
        QVERIFY(source);
        const IdleReading r = source->read();
        QCOMPARE(r.status, IdleReading::Status::Unavailable);
        QVERIFY2(r.detail.contains(u"99999"_s) || r.detail.contains(u"libX"_s),
                 qPrintable(r.detail));
#endif
        std::vector<std::unique_ptr<IdleSource>> none;
        FirstKnownIdleSource empty(std::move(none));
        QCOMPARE(empty.read().status, IdleReading::Status::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestLendingPolicy)
#include "tst_lendingpolicy.moc"
