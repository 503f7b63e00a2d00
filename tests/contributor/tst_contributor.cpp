// Contributor mode's controller: earnings today/this month from GET /api/v1/earnings on a real
// market, the pricing suggestion, expected earnings net of fee and electricity, the alarms,
// the per-hour figure, and the autostart entries of all three platforms.

#include "client/marketclient.h"
#include "contributor/autostart.h"
#include "contributor/contributorcontroller.h"
#include "support/manualclock.h"
#include "support/marketharness.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::contributor;
using host::LendingPolicy;

namespace {

struct FixedIdle final : host::IdleSource
{
    host::IdleReading read() override { return host::IdleReading::known(3'600'000); }
    QString name() const override { return u"fixed"_s; }
};

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class TestContributor : public QObject
{
    Q_OBJECT

    test::ManualClock m_now{
        QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch()};
    const Clock *clock() const { return &m_now; }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void earningsTodayAndMonth()
    {
        auto e = Earnings::fromJson(json(R"({"days":[
            {"day":"2026-10-31","earned_micro":700000},
            {"day":"2026-11-01","earned_micro":1000000},
            {"day":"2026-11-21","earned_micro":2500000},
            {"day":"2026-11-22","earned_micro":1250000}],
            "hosts":[],"total_micro":5450000,"currency":"CNY"})"));
        QVERIFY(e);
        QCOMPARE(e->on(QDate(2026, 11, 22)), 1'250'000);
        QCOMPARE(e->monthOf(QDate(2026, 11, 22)), 4'750'000);
        QCOMPARE(e->monthOf(QDate(2026, 10, 31)), 700'000);
        QCOMPARE(e->currency, u"CNY"_s);
        QVERIFY(!Earnings::fromJson(json(R"({"days":[{"day":"x"}]})")));
        QVERIFY(!Earnings::fromJson(json(R"({})")));
    }

    void pricingAndEstimate()
    {
        auto p = PricingSuggestion::fromJson(
            u"RTX 4090"_s,
            json(R"({"median_price_gpu_hour_micro":1000000,"listed":12,"rented_share":0.5,
                     "platform_fee":0.1})"));
        QVERIFY(p);
        QCOMPARE(p->medianPriceGpuHourMicro, 1'000'000);
        QCOMPARE(p->listed, 12);
        QCOMPARE(p->rentedShare, 0.5);
        QCOMPARE(p->platformFeePpm, std::optional<qint64>(100'000));
        // 10 h lent, rented half of it: 5 h × ¥1 = ¥5; fee ¥0.50; 300 W × 5 h = 1.5 kWh × ¥0.60.
        const auto e = EarningsEstimate::compute(1'000'000, 1, 10, 0.5, 100'000, 300, 600'000);
        QCOMPARE(e.grossPerDay, 5'000'000);
        QCOMPARE(e.feePerDay, 500'000);
        QCOMPARE(e.electricityPerDay, 900'000);
        QCOMPARE(e.netPerDay, 3'600'000);
        // A machine without GPUs is rented whole: gpus 0 counts once.
        QCOMPARE(EarningsEstimate::compute(1'000'000, 0, 24, 1, 0, 0, 0).netPerDay, 24'000'000);
    }

    void earningsAndPricingFromTheMarket()
    {
        testing::MarketHarness market;
        QVERIFY2(market.ok(), qPrintable(market.error()));
        const auto lender = market.createAccount(u"lender"_s, {u"lender"_s});
        QNetworkAccessManager network;
        client::MarketClient client(&network);
        client.setMarket(QUrl(market.baseUrl()), lender.token);
        LendingPolicy policy(std::make_unique<FixedIdle>(), nullptr, nullptr);
        ContributorController controller(&policy, &client, nullptr, clock());
        QSignalSpy earned(&controller, &ContributorController::earningsChanged);
        controller.refreshEarnings();
        QVERIFY(earned.wait(10000));
        QCOMPARE(controller.earnedToday(), 0);
        QCOMPARE(controller.earnedThisMonth(), 0);
        QCOMPARE(controller.earnings().currency, u"CNY"_s);

        // The pricing suggestion: no RTX 4090 listed on this market yet.
        QSignalSpy priced(&controller, &ContributorController::pricingChanged);
        controller.requestPricing(u"RTX 4090"_s);
        QVERIFY(priced.wait(10000));
        QCOMPARE(controller.pricing()->gpuModel, u"RTX 4090"_s);
        QCOMPARE(controller.pricing()->listed, 0);
        QCOMPARE(controller.pricing()->medianPriceGpuHourMicro, 0);

        client::MarketClient signedOut(&network);
        ContributorController nobody(&policy, &signedOut, nullptr, clock());
        QSignalSpy notSignedIn(&nobody, &ContributorController::earningsFailed);
        nobody.refreshEarnings();
        QCOMPARE(notSignedIn.count(), 1);
    }

    void alarmsAndRate()
    {
        QNetworkAccessManager network;
        client::MarketClient client(&network);
        LendingPolicy policy(std::make_unique<FixedIdle>(), nullptr, nullptr);
        ContributorController controller(&policy, &client, nullptr, clock());
        controller.setNotEarningHours(24);
        QSignalSpy alarms(&controller, &ContributorController::alarmsChanged);
        policy.evaluate();
        QCOMPARE(policy.state(), LendingPolicy::State::Listed);
        m_now.advanceSeconds(24 * 3600 - 1);
        controller.checkAlarms();
        QVERIFY(controller.alarms().isEmpty());
        m_now.advanceSeconds(1);
        controller.checkAlarms();
        QCOMPARE(controller.alarms(), QList<ContributorController::Alarm>{
                                          ContributorController::Alarm::ListedNotEarning});
        QCOMPARE(alarms.count(), 1);

        // A rental clears it and shows what it earns per hour.
        controller.setListing(2'000'000, 100'000);
        QCOMPARE(controller.earningPerHourMicro(), 0);
        policy.setRunningInstances({1});
        controller.setRentedGpus(2);
        QVERIFY(controller.alarms().isEmpty());
        QCOMPARE(controller.earningPerHourMicro(), 3'600'000);
        QVERIFY(controller.feeKnown());

        controller.setGpuVisibility(2, 1, u"GPU 1 is not in the CDI spec"_s);
        QCOMPARE(controller.alarms(), QList<ContributorController::Alarm>{
                                          ContributorController::Alarm::GpuNotVisibleInContainers});
        controller.setGpuVisibility(2, 2);
        QVERIFY(controller.alarms().isEmpty());
    }

    void autostartEntries()
    {
        const QString exe = u"/opt/Suanli App/bin/suanli"_s;
        const QByteArray desktop = Autostart::desktopEntry(exe);
        QVERIFY(desktop.startsWith("[Desktop Entry]\n"));
        QVERIFY2(desktop.contains("Exec=\"/opt/Suanli App/bin/suanli\" --tray\n"), desktop);
        const QByteArray plist = Autostart::launchAgentPlist(u"/Applications/A&B.app/suanli"_s);
        QVERIFY(plist.contains("<string>/Applications/A&amp;B.app/suanli</string>"));
        QVERIFY(plist.contains("<string>--tray</string>"));
        QVERIFY(plist.contains("<key>RunAtLoad</key>\n    <true/>"));
        QVERIFY(Autostart::windowsRunCommand(u"C:/Program Files/Suanli/suanli.exe"_s)
                    .endsWith(u"suanli.exe\" --tray"_s));

        Autostart xdg(exe, Autostart::Kind::XdgDesktopEntry);
        QVERIFY(xdg.location().endsWith(u"/autostart/suanli.desktop"_s));
        QVERIFY(xdg.disable());
        QVERIFY(!xdg.isEnabled());
        QVERIFY(xdg.enable());
        QVERIFY(xdg.isEnabled());
        QFile file(xdg.location());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QFile packaged(Autostart::installedTemplate());
        if (!packaged.fileName().isEmpty() && packaged.open(QIODevice::ReadOnly))
            QCOMPARE(file.readAll(), Autostart::desktopEntryFromTemplate(packaged.readAll(), exe));
        else
            QCOMPARE(file.readAll(), desktop);
        file.close();
        if (!QStandardPaths::findExecutable(u"desktop-file-validate"_s).isEmpty()) {
            QProcess validate;
            validate.start(u"desktop-file-validate"_s, {xdg.location()});
            QVERIFY(validate.waitForFinished());
            QVERIFY2(validate.exitCode() == 0, validate.readAll().constData());
        }
        QVERIFY(xdg.disable());
        QVERIFY(!xdg.isEnabled());
    }

    void autostartFromThePackagedTemplate()
    {
        // The template the suanli package installs (installer/linux/desktop), found through
        // XDG_DATA_DIRS as in /usr/share.
        QTemporaryDir data;
        QVERIFY(data.isValid());
        QVERIFY(QDir().mkpath(data.filePath(u"suanli/autostart"_s)));
        QVERIFY(QFile::copy(qEnvironmentVariable("SUANLI_SOURCE_DIR") +
                                u"/installer/linux/desktop/org.suanli.Suanli-autostart.desktop"_s,
                            data.filePath(u"suanli/autostart/org.suanli.Suanli.desktop"_s)));
        const QByteArray oldDirs = qgetenv("XDG_DATA_DIRS");
        qputenv("XDG_DATA_DIRS", data.path().toUtf8());
        const QString found = Autostart::installedTemplate();
        qputenv("XDG_DATA_DIRS", oldDirs);
        QCOMPARE(found, data.filePath(u"suanli/autostart/org.suanli.Suanli.desktop"_s));
        QFile file(found);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray entry =
            Autostart::desktopEntryFromTemplate(file.readAll(), u"/opt/Suanli App/bin/suanli"_s);
        QVERIFY2(entry.contains("\nExec=\"/opt/Suanli App/bin/suanli\" --tray\n"), entry);
        QVERIFY2(entry.contains("\nIcon=org.suanli.Suanli\n"), entry);
        QVERIFY(!entry.contains("Exec=suanli"));
    }
};

QTEST_GUILESS_MAIN(TestContributor)
#include "tst_contributor.moc"
