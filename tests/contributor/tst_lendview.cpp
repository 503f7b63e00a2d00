// The Lend view on the offscreen platform: edits reach the policy (and are reported for
// saving), a bad schedule is refused with its reason, the buttons act, the expected earnings
// follow the electricity inputs; and the settings wrapper round-trips.

#include "app/contributor/contributorsettings.h"
#include "ui/tray/lendview.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using host::LendingPolicy;

namespace {
struct FakeIdle final : host::IdleSource
{
    host::IdleReading read() override { return host::IdleReading::known(0); }
    QString name() const override { return u"fake"_s; }
};
} // namespace

class TestLendView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void editsReachThePolicy()
    {
        LendingPolicy policy(std::make_unique<FakeIdle>(), nullptr, nullptr);
        QNetworkAccessManager network;
        contributor::ContributorMarket market(&network);
        contributor::ContributorController controller(&policy, &market);
        ui::LendView view(&controller);
        view.setMoneyFormat([](Micro m) { return u"¥%1"_s.arg(double(m) / 1e6, 0, 'f', 2); });
        view.show();
        QSignalSpy edited(&view, &ui::LendView::settingsEdited);

        view.idleMinutesBox()->setValue(25);
        QCOMPARE(policy.settings().idleMinutes, 25);
        QCOMPARE(edited.count(), 1);
        QVERIFY(view.statusLabel()->text().contains(u"25 minute(s)"_s));

        view.scheduleEdit()->setText(u"mon-fri 22:00-08:00, someday 9-5"_s);
        emit view.scheduleEdit()->editingFinished();
        QVERIFY(view.scheduleError()->isVisibleTo(&view));
        QVERIFY(view.scheduleError()->text().contains(u"someday"_s));
        QVERIFY(policy.settings().windows.isEmpty()); // the last good schedule stays
        view.setScheduleText(u"mon-fri 22:00-08:00, sat 00:00-24:00"_s);
        QVERIFY(!view.scheduleError()->isVisibleTo(&view));
        QCOMPARE(policy.settings().windows.size(), 2);
        QCOMPARE(edited.last().at(1).toString(), u"mon-fri 22:00-08:00, sat 00:00-24:00"_s);

        // 12 h lent, no rented share known yet: nothing expected, and it says so in money.
        controller.setListing(1'000'000);
        view.setElectricity(600'000, 300, 12);
        QCOMPARE(view.estimateLabel()->text(),
                 u"¥0.00 net (renters pay ¥0.00, platform fee ¥0.00, electricity ¥0.00)"_s);

        QVERIFY(!view.forceStopButton()->isEnabled());
        QTest::mouseClick(view.lendNowButton(), Qt::LeftButton);
        QCOMPARE(policy.state(), LendingPolicy::State::Listed);
        policy.setRunningInstances({3});
        QVERIFY(view.forceStopButton()->isEnabled());
        QSignalSpy stops(&policy, &LendingPolicy::stopRequested);
        QTest::mouseClick(view.forceStopButton(), Qt::LeftButton);
        QCOMPARE(stops.count(), 1);
        QCOMPARE(stops.at(0).at(1).toString(), u"host_owner_forced_stop"_s);
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(u"suanli.ini"_s);
        {
            contributor::ContributorSettings fresh(ini);
            QVERIFY(!fresh.lending().enabled); // installing never lends by itself
            host::LendingSettings s;
            s.enabled = true;
            s.idleMinutes = 15;
            s.interruptible = false;
            s.maxTemperatureC = 83;
            s.windows = {*host::parseScheduleWindow(u"daily 22:00-07:00"_s)};
            fresh.setLending(s, {u"daily 22:00-07:00"_s, u"garbage"_s});
            fresh.setPricePerKwhMicro(550'000);
            fresh.setPowerW(320);
            fresh.sync();
        }
        contributor::ContributorSettings again(ini);
        const host::LendingSettings s = again.lending();
        QVERIFY(s.enabled);
        QCOMPARE(s.idleMinutes, 15);
        QVERIFY(!s.interruptible);
        QCOMPARE(s.maxTemperatureC, 83.0);
        QCOMPARE(s.windows.size(), 1); // the line that no longer parses is dropped
        QCOMPARE(again.windowTexts().size(), 2);
        QCOMPARE(again.pricePerKwhMicro(), 550'000);
        QCOMPARE(again.powerW(), 320.0);
    }
};

QTEST_MAIN(TestLendView)
#include "tst_lendview.moc"
