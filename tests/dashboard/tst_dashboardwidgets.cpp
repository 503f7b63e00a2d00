#include "app/dashboard/dashboardclient.h"
#include "app/dashboard/spendtracker.h"
#include "app/dashboard/telemetryfeed.h"
#include "client/marketclient.h"
#include "tests/support/manualclock.h"
#include "ui/charts/barchart.h"
#include "ui/charts/guarddialog.h"
#include "ui/charts/instancedashboard.h"
#include "ui/charts/spendwidget.h"
#include "ui/charts/timechart.h"
#include "ui/desktopintegration.h"

#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace suanli;
using namespace suanli::ui::charts;

namespace {

constexpr qint64 kNow = 1'767'225'600'000 + 12 * 3600'000LL;

protocol::Instance gpuInstance()
{
    protocol::Instance i;
    i.id = 3;
    i.label = QStringLiteral("train");
    i.state = protocol::InstanceState::Running;
    i.gpu_count = 2;
    i.gpu_model = QStringLiteral("RTX 4090");
    i.price_gpu_hour_micro = 1'000'000;
    i.spend_micro = 2'500'000;
    i.idle_below_pct = 5;
    return i;
}

} // namespace

class TestDashboardWidgets : public QObject
{
    Q_OBJECT
private slots:
    void instanceDashboardDrawsDecimatedWindows()
    {
        dashboard::TelemetryFeed feed(nullptr, nullptr);
        InstanceDashboard view(&feed);
        test::ManualClock clock(kNow);
        view.setClock(clock);
        view.resize(1200, 800);
        view.setInstance(gpuInstance());
        // Two hours of 1 Hz history for two GPUs; GPU 1 peaks at 100 % once.
        dashboard::TelemetryHistory history;
        for (int i = 0; i < 7200; ++i) {
            protocol::TelemetrySample s;
            s.instance_id = 3;
            s.at = QDateTime::fromMSecsSinceEpoch(kNow - 7200'000 + i * 1000LL);
            s.cpu_pct = 180;
            s.memory_used_mb = 3 * 1024;
            s.gpus = {{0, 40, 10 * 1024, 65, 250},
                      {1, i == 7000 ? 100.0 : 30.0, 20 * 1024, 70, 300}};
            history.samples.append(s);
        }
        feed.applyHistory(3, history);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.refresh();

        TimeChart *util = view.utilizationChart();
        QCOMPARE(util->lineNames(),
                 (QStringList{QStringLiteral("GPU 0"), QStringLiteral("GPU 1")}));
        QCOMPARE(util->xRange(), QPointF(double(kNow - 5 * 60'000), double(kNow)));
        QCOMPARE(util->yRange(), QPointF(0, 100));
        QVERIFY(util->points(0).size() <= 2 * util->plotWidth());
        QCOMPARE(view.gpuMemoryChart()->yRange(), QPointF(0, 25)); // 20 GiB → 25
        QCOMPARE(view.gpuMemoryChart()->yTitle(), QStringLiteral("GiB"));
        QCOMPARE(view.cpuChart()->yRange(), QPointF(0, 200));
        QVERIFY(view.summary().contains(QStringLiteral("CPU 180 %")));

        view.setWindow(InstanceDashboard::Window::OneHour);
        QCOMPARE(util->xRange(), QPointF(double(kNow - 3600'000), double(kNow)));
        const auto gpu1 = util->points(1);
        QVERIFY(
            std::any_of(gpu1.begin(), gpu1.end(), [](const QPointF &p) { return p.y() == 100; }));
        QVERIFY(gpu1.size() <= 2 * util->plotWidth());
        const QString readout = util->readoutAt(kNow - 60'000);
        QVERIFY2(readout.contains(QStringLiteral("GPU 1: 30 %")), qPrintable(readout));
        view.setWindow(InstanceDashboard::Window::Day);
        QCOMPARE(util->xRange().x(), double(kNow - 24 * 3600'000LL));
    }

    void cpuOnlyInstanceHidesGpuCharts()
    {
        dashboard::TelemetryFeed feed(nullptr, nullptr);
        InstanceDashboard view(&feed);
        test::ManualClock clock(kNow);
        view.setClock(clock);
        auto instance = gpuInstance();
        instance.gpu_count = 0;
        view.setInstance(instance);
        protocol::TelemetrySample s;
        s.instance_id = 3;
        s.at = QDateTime::fromMSecsSinceEpoch(kNow - 1000);
        s.cpu_pct = 95;
        feed.addLive(s);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.refresh();
        QVERIFY(!view.utilizationChart()->isVisible());
        QVERIFY(view.cpuChart()->isVisible());
        QCOMPARE(view.cpuChart()->points(0).size(), 1);
    }

    void spendWidgetShowsBurnRunwayAndDays()
    {
        dashboard::SpendTracker tracker(nullptr, nullptr);
        const QDateTime now(QDate(2026, 3, 3), QTime(12, 0));
        protocol::LedgerEntry charge;
        charge.id = 1;
        charge.at = now.addSecs(-3600);
        charge.kind = QStringLiteral("gpu");
        charge.amount_micro = -2'000'000;
        charge.instance_id = 3;
        tracker.addEntries({charge});
        tracker.setInstances({gpuInstance()});
        tracker.setBalance(10'000'000, QStringLiteral("CNY"));
        SpendWidget widget(&tracker);
        test::ManualClock clock(now.toMSecsSinceEpoch());
        widget.setClock(clock);
        widget.resize(900, 400);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.refresh();
        QVERIFY2(widget.burnText().contains(QStringLiteral("2.00")), qPrintable(widget.burnText()));
        QVERIFY2(widget.runwayText().contains(QStringLiteral("5 h")),
                 qPrintable(widget.runwayText()));
        QCOMPARE(widget.dailyChart()->values().size(), 31);
        QCOMPARE(widget.dailyChart()->values()[2], 2.0);
        QCOMPARE(widget.dailyChart()->yMax(), 2.5); // 2.00 with 5 % headroom
        const auto line = widget.cumulativeChart()->points(0);
        QCOMPARE(line.last().y(), 2.0);
    }

    void guardDialogSendsWhatChanged()
    {
        QNetworkAccessManager network;
        client::MarketClient market(&network);
        market.setMarket(QUrl(QStringLiteral("http://127.0.0.1:9")), "sk_test");
        market.setRetryDelay(10); // the retries' backoff, not the point here
        dashboard::DashboardClient client(&market);
        auto instance = gpuInstance();
        instance.max_spend_micro = 50'000'000;
        GuardDialog dialog(instance, QStringLiteral("CNY"), &client);
        QCOMPARE(dialog.maxSpendEdit()->text(), QStringLiteral("50.00"));
        QCOMPARE(*dialog.patch(), protocol::InstanceGuardsPatch{}); // nothing changed yet
        dialog.maxSpendEdit()->setText(QStringLiteral("12.5"));
        dialog.maxHoursSpin()->setValue(2);
        dialog.idleMinutesSpin()->setValue(30);
        dialog.idleThresholdSpin()->setValue(10);
        const auto patch = *dialog.patch();
        QCOMPARE(patch.max_spend_micro, std::optional<Micro>(12'500'000));
        QCOMPARE(patch.max_duration_s, std::optional<qint64>(7200));
        QCOMPARE(patch.idle_stop_s, std::optional<qint64>(1800));
        QCOMPARE(patch.idle_below_pct, std::optional<double>(10));
        dialog.maxSpendEdit()->setText(QStringLiteral("twelve"));
        QVERIFY(!dialog.patch());
        QVERIFY(!dialog.errorText().isEmpty());
        dialog.maxSpendEdit()->setText(QString()); // no limit
        QCOMPARE(dialog.patch()->max_spend_micro, std::optional<Micro>(0));
        // Nothing listens on port 9: the error stays in the dialog.
        dialog.save();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 10000);
        // MarketClient's message, after its retries.
        QVERIFY2(dialog.errorText().contains(QStringLiteral("Cannot reach the market")),
                 qPrintable(dialog.errorText()));
        QVERIFY(dialog.result() != QDialog::Accepted);
    }

    void notificationsSayHowTheyWereShown()
    {
        ui::DesktopIntegration notifications;
        QSignalSpy shown(&notifications, &ui::DesktopIntegration::shown);
        dashboard::Notification n{dashboard::Notification::Kind::InstanceReady, 3,
                                  QStringLiteral("ready:3:1"), QStringLiteral("train is ready"),
                                  QStringLiteral("1 × RTX 4090 is running")};
        notifications.notify(n);
        QCOMPARE(shown.size(), 1);
        // No tray was given: D-Bus when a session bus exists, else nothing.
        QVERIFY(shown.at(0).at(1).value<ui::DesktopIntegration::Channel>() !=
                ui::DesktopIntegration::Channel::Tray);
    }
};

QTEST_MAIN(TestDashboardWidgets)
#include "tst_dashboardwidgets.moc"
