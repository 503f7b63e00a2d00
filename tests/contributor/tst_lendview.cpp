// The Lend view on the offscreen platform: edits reach the policy (and are reported for
// saving), a bad schedule is refused with its reason, the buttons act, the expected earnings
// follow the electricity inputs; the setup wizard (registration, a real self-test whose
// failures say how to fix them, the price with the market's fee, when to lend); the earnings
// per day, ledger and alarms from a real market; and the settings wrapper round-trips.
// With SUANLI_SCREENSHOT_DIR set it also saves lend.png and lend-wizard.png there.

#include "client/marketclient.h"
#include "contributor/contributorsettings.h"
#include "support/marketharness.h"
#include "ui/charts/barchart.h"
#include "ui/contributor/earningspanel.h"
#include "ui/contributor/lendview.h"
#include "ui/contributor/lendwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace suanli;
using host::LendingPolicy;

namespace {
struct FakeIdle final : host::IdleSource
{
    host::IdleReading read() override { return host::IdleReading::known(0); }
    QString name() const override { return u"fake"_s; }
};

/// One recorded GPU (a test double: this machine has none).
struct OneGpu final : host::GpuProbe
{
    Result<void> init() override { return {}; }
    QList<protocol::GpuInfo> devices() const override
    {
        protocol::GpuInfo g;
        g.model = u"RTX 4090"_s;
        g.uuid = u"GPU-0b5a0c4e-1111-2222-3333-444455556666"_s;
        g.memory_mb = 24564;
        return {g};
    }
    QString driverVersion() const override { return u"550.54.14"_s; }
    QString cudaVersion() const override { return u"12.4"_s; }
    QList<host::GpuReading> sample() override { return {}; }
};

ui::TrayText::MoneyFormat yuan()
{
    return [](Micro m) {
        return u"¥%1"_s.arg(double(m) / 1e6, 0, 'f', 2);
    };
}

void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SUANLI_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(500); // the layout for the size just set, wrapped labels' heights included
    QVERIFY(widget->grab().save(dir + u'/' + name));
}
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
        client::MarketClient market(&network);
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

    void wizardRegistersTestsPricesAndSchedules()
    {
        testing::MarketHarness market;
        QVERIFY2(market.ok(), qPrintable(market.error()));
        const auto lender = market.createAccount(u"lender"_s, {u"lender"_s});
        QNetworkAccessManager network;
        client::MarketClient client(&network);
        client.setMarket(QUrl(market.baseUrl()), lender.token);
        host::LendingSettings off;
        off.enabled = false;
        LendingPolicy policy(std::make_unique<FakeIdle>(), nullptr, nullptr);
        policy.setSettings(off);
        contributor::ContributorController controller(&policy, &client);
        controller.setOfferedGpus(1);
        QSignalSpy priced(&controller, &contributor::ContributorController::pricingChanged);
        controller.requestPricing(u"RTX 4090"_s);
        QVERIFY(priced.wait(10000));
        QVERIFY(controller.feeKnown()); // platform_fee from GET /api/v1/pricing
        QCOMPARE(*controller.feePpm(), market.store().policy().platformFeePpm);

        QTemporaryDir state;
        int registrations = 0;
        ui::LendWizard *wizardPtr = nullptr;
        ui::LendWizard::Machine machine{
            [&] {
                ++registrations;
                wizardPtr->setRegistration(ui::LendWizard::Registration::Registered,
                                           u"Registered as host 7."_s);
            },
            [&]() -> std::unique_ptr<host::SelfTest> {
                // A real self-test on a machine without Podman (a program that does not exist)
                // and with a GPU but no CDI spec: two failures, each with its fix.
                host::HostConfig config = host::HostConfig::defaults();
                config.podman = state.filePath(u"no-such-podman"_s);
                config.stateDir = state.filePath(u"host"_s);
                return std::make_unique<host::SelfTest>(config, std::make_unique<OneGpu>());
            }};
        ui::LendWizard wizard(&controller, machine);
        wizardPtr = &wizard;
        wizard.setMoneyFormat(yuan());
        wizard.show();
        QCOMPARE(wizard.currentId(), int(ui::LendWizard::RegisterPage));
        wizard.next(); // refused: not registered yet
        QCOMPARE(wizard.currentId(), int(ui::LendWizard::RegisterPage));
        QTest::mouseClick(wizard.registerButton(), Qt::LeftButton);
        QCOMPARE(registrations, 1);
        QVERIFY(!wizard.registerButton()->isVisibleTo(&wizard));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ui::LendWizard::SelfTestPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.selfTestFinished(), 60000);
        QTreeWidgetItem *podman = nullptr;
        QTreeWidgetItem *gpus = nullptr;
        for (int i = 0; i < wizard.checks()->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = wizard.checks()->topLevelItem(i);
            if (item->text(0) == "podman"_L1)
                podman = item;
            if (item->text(0) == "gpus"_L1)
                gpus = item;
        }
        QVERIFY(podman && gpus);
        QCOMPARE(podman->childCount(), 1);
        QCOMPARE(podman->child(0)->text(0), u"How to fix"_s);
        QVERIFY(podman->child(0)->text(1).contains(u"apt install podman"_s));
        QVERIFY2(gpus->text(1).startsWith(u"1 GPU(s) found but not listed"_s),
                 qPrintable(gpus->text(1)));
        QVERIFY(gpus->child(0)->text(1).contains(u"nvidia-ctk cdi generate"_s));
        // The self-test feeds the alarm: one GPU on the machine, none visible in containers.
        QVERIFY(controller.alarms().contains(
            contributor::ContributorController::Alarm::GpuNotVisibleInContainers));
        wizard.resize(820, 600);
        screenshot(&wizard, u"lend-wizard.png"_s);

        wizard.next();
        QCOMPARE(wizard.currentId(), int(ui::LendWizard::PricingPage));
        QCOMPARE(wizard.priceBox()->value(),
                 1.0); // nothing listed: the wizard's ¥1/h (docs/contributor.md)
        wizard.priceBox()->setValue(2.0);
        QVERIFY2(wizard.estimateLabel()->text().startsWith(u"¥0.00 net"_s),
                 qPrintable(wizard.estimateLabel()->text())); // nothing like it is rented now
        // Prepaid plans: none offered until a price is typed; one above its hours by the hour
        // (a day at ¥2/h: ¥48) is refused with the reason, as the market would refuse it.
        QCOMPARE(wizard.dayPriceBox()->text(), u"Not offered"_s);
        wizard.dayPriceBox()->setValue(50);
        QVERIFY(wizard.planError()->isVisibleTo(&wizard));
        QVERIFY2(wizard.planError()->text().contains(u"24 hours"_s) &&
                     wizard.planError()->text().contains(u"¥48.00"_s),
                 qPrintable(wizard.planError()->text()));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ui::LendWizard::PricingPage));
        wizard.dayPriceBox()->setValue(40);
        wizard.monthPriceBox()->setValue(1000);
        QVERIFY(!wizard.planError()->isVisibleTo(&wizard));
        // A start without a GPU: at most a tenth of the hourly price (¥0.20 here).
        wizard.noGpuPriceBox()->setValue(0.25);
        QVERIFY(wizard.planError()->isVisibleTo(&wizard));
        QVERIFY2(wizard.planError()->text().contains(u"¥0.20"_s),
                 qPrintable(wizard.planError()->text()));
        wizard.noGpuPriceBox()->setValue(0.2);
        QVERIFY(!wizard.planError()->isVisibleTo(&wizard));
        wizard.resize(820, 720);
        screenshot(&wizard, u"lend-wizard-plans.png"_s);

        wizard.next();
        QCOMPARE(wizard.currentId(), int(ui::LendWizard::WhenPage));
        wizard.scheduleEdit()->setText(u"mon-fri 22:00-08:00, whenever"_s);
        QSignalSpy finished(&wizard, &ui::LendWizard::finishedSetup);
        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(finished.count(), 0); // refused, with the reason
        QVERIFY(wizard.scheduleError()->isVisibleTo(&wizard));
        QVERIFY(wizard.scheduleError()->text().contains(u"whenever"_s));
        wizard.scheduleEdit()->setText(u"mon-fri 22:00-08:00"_s);
        wizard.idleMinutesBox()->setValue(20);
        wizard.onDemandButton()->setChecked(true); // plans are sold only on demand
        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(finished.count(), 1);
        QVERIFY(policy.settings().enabled); // lending is on now
        QCOMPARE(policy.settings().idleMinutes, 20);
        QCOMPARE(policy.settings().windows.size(), 1);
        QVERIFY(!policy.settings().interruptible);
        QCOMPARE(finished.at(0).at(1).toString(), u"mon-fri 22:00-08:00"_s);
        // On demand: the plans go with the hourly price.
        const contributor::ListingPrices expected{2'000'000, 40'000'000, std::nullopt,
                                                  1'000'000'000, 200'000};
        QVERIFY(finished.at(0).at(2).value<contributor::ListingPrices>() == expected);
        QCOMPARE(controller.listingPrice(), 2'000'000);
        QVERIFY(controller.listingPrices() == expected);
        protocol::HostListing listing;
        listing.price_gpu_week_micro = 90'000'000; // listed before: the wizard withdraws it
        expected.applyTo(listing);
        QVERIFY(contributor::ListingPrices::of(listing) == expected);
        QVERIFY(!wizard.isVisible());
    }

    void earningsChartLedgerAndAlarms()
    {
        testing::MarketHarness market;
        QVERIFY2(market.ok(), qPrintable(market.error()));
        const auto lender = market.createAccount(u"lender"_s, {u"lender"_s});
        // Two earnings today (the store stamps credits with the wall clock).
        QVERIFY(market.store().credit(lender.id, 1'200'000, u"earning"_s, u"test:e1"_s,
                                      u"Rental #4"_s));
        QVERIFY(
            market.store().credit(lender.id, 300'000, u"earning"_s, u"test:e2"_s, u"Rental #5"_s));
        QVERIFY(market.store().credit(lender.id, 5'000'000, u"topup"_s, u"test:t1"_s,
                                      u"top-up"_s)); // not an earning: not in the ledger view
        QNetworkAccessManager network;
        client::MarketClient client(&network);
        client.setMarket(QUrl(market.baseUrl()), lender.token);
        LendingPolicy policy(std::make_unique<FakeIdle>(), nullptr, nullptr);
        contributor::ContributorController controller(&policy, &client);
        ui::LendView view(&controller);
        view.setMoneyFormat(yuan());
        ui::EarningsPanel *panel = view.earningsPanel();
        QSignalSpy ledger(&controller, &contributor::ContributorController::ledgerChanged);
        QSignalSpy failed(&controller, &contributor::ContributorController::earningsFailed);
        controller.refreshEarnings();
        QVERIFY2(ledger.wait(10000),
                 failed.isEmpty() ? "no answer"
                                  : qPrintable(failed.first().first().value<Error>().message));
        QTRY_COMPARE(panel->todayLabel()->text(), u"¥1.50"_s); // the earnings' own answer
        QCOMPARE(panel->monthLabel()->text(), u"¥1.50"_s);
        const int today = QDateTime::currentDateTimeUtc().date().day();
        QCOMPARE(panel->chart()->categories().size(), today); // a bar per day of the month
        QCOMPARE(panel->chart()->categories().last(), QString::number(today));
        QList<double> expected(today, 0.0);
        expected.last() = 1.5;
        QCOMPARE(panel->chart()->values(), expected);
        QCOMPARE(panel->ledgerTable()->rowCount(), 2);
        QCOMPARE(panel->ledgerTable()->item(0, 1)->text(), u"Rental #5"_s); // newest first
        QCOMPARE(panel->ledgerTable()->item(0, 2)->text(), u"¥0.30"_s);

        QVERIFY(!panel->alarmsLabel()->isVisibleTo(&view));
        controller.setGpuVisibility(1, 0, u"the CDI spec does not list GPU-1"_s);
        QVERIFY(panel->alarmsLabel()->isVisibleTo(&view));
        QVERIFY(panel->alarmsLabel()->text().contains(u"not visible inside containers"_s));
        QVERIFY(panel->alarmsLabel()->text().contains(u"CDI spec"_s));

        view.setFullscreenNote(u"fullscreen apps cannot be detected on Wayland"_s);
        QVERIFY(view.fullscreenNote()->text().contains(u"Wayland"_s));
        QSignalSpy setup(&view, &ui::LendView::setupRequested);
        QTest::mouseClick(view.setupButton(), Qt::LeftButton);
        QCOMPARE(setup.count(), 1);

        view.setElectricity(600'000, 350, 12);
        policy.evaluate();
        QScrollArea page;
        page.setWidgetResizable(true);
        page.setWidget(&view);
        page.resize(820, 1180);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        screenshot(&page, u"lend.png"_s);
        page.takeWidget();
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
