// dashboard-screenshot: the dashboard of a real instance under load, for docs/screenshots.
// A real market on loopback (its clock kept at wall time so billing charges as it would), the
// host agent engine in-process lending this machine, a Podman instance of the base image with
// CPU stress started over SSH. The app side is the product's: MarketClient, EventStream,
// TelemetryFeed (history, then live), InstanceDashboard and SpendWidget. Run it through
// scripts/screenshot-dashboard (Xvfb, CJK fonts).
//
//   dashboard-screenshot OUT_DIR [SECONDS_UNDER_LOAD]
#include "host/hosttestbed.h"

#include "app/dashboard/dashboardclient.h"
#include "app/dashboard/spendtracker.h"
#include "app/dashboard/telemetryfeed.h"
#include "client/eventstream.h"
#include "client/marketclient.h"
#include "protocol/json.h"
#include "ui/charts/instancedashboard.h"
#include "ui/charts/spendwidget.h"

#include <QApplication>
#include <QDir>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTextStream>
#include <QTimer>

using namespace suanli;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("suanli"));
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        out << "usage: dashboard-screenshot OUT_DIR [SECONDS_UNDER_LOAD]\n";
        return 2;
    }
    const QDir outDir(args[1]);
    const int seconds = args.size() > 2 ? args[2].toInt() : 75;

    testing::HostTestBed bed;
    if (!bed.ok()) {
        out << "test bed: " << bed.error() << "\n";
        return 1;
    }
    // Wall time on the market, so the charts' times and the ledger's agree with the samples.
    QTimer wallClock;
    QObject::connect(&wallClock, &QTimer::timeout, &app, [&bed] {
        bed.market().clock().setMs(QDateTime::currentMSecsSinceEpoch());
    });
    bed.market().clock().setMs(QDateTime::currentMSecsSinceEpoch());
    wallClock.start(200);
    if (!bed.startEngine() || !bed.waitOfferListed()) {
        out << "the host agent did not come up\n";
        return 1;
    }
    const qint64 id = bed.createInstance({{QStringLiteral("label"), QStringLiteral("stress-demo")}});
    const QJsonObject running = bed.waitState(id, QStringLiteral("running"), 180000);
    if (running.value(QStringLiteral("state")).toString() != QStringLiteral("running")) {
        out << "instance " << id << " did not start\n";
        return 1;
    }
    out << "instance " << id << " running\n";
    out.flush();
    // Two busy loops (the container's CPU limit decides how much they get) and ~300 MB held.
    QByteArray sshOut;
    const int rc = bed.ssh(running,
        QStringLiteral("for i in 1 2; do nohup sh -c 'while :; do :; done' >/dev/null 2>&1 & done; "
                       "nohup sh -c 'x=$(head -c 300000000 /dev/zero | tr \"\\\\0\" a); sleep 3600' "
                       ">/dev/null 2>&1 & echo started"),
        &sshOut);
    out << "stress over ssh: rc " << rc << " " << sshOut.trimmed() << "\n";
    out.flush();

    QNetworkAccessManager network;
    client::MarketClient market(&network);
    market.setMarket(QUrl(bed.market().baseUrl()), bed.renterToken());
    client::EventStream events;
    dashboard::DashboardClient client(&market);
    dashboard::TelemetryFeed feed(&client, &events);
    dashboard::SpendTracker spend(&market, &events);
    events.open(QUrl(bed.market().baseUrl()), bed.renterToken());

    // Half the time under load before the dashboard opens: that part comes from the market's
    // history, the rest live from the events socket.
    QTest::qWait(seconds * 1000 / 2);
    auto instance = protocol::instanceFromJson(bed.instance(id));
    if (!instance) {
        out << "instance json: " << instance.error().message << "\n";
        return 1;
    }
    ui::charts::InstanceDashboard view(&feed);
    view.setWindowTitle(QStringLiteral("Suanli — stress-demo"));
    view.resize(1280, 720);
    view.setInstance(*instance);
    view.show();
    spend.reload();
    QTest::qWait(seconds * 1000 - seconds * 1000 / 2);

    const dashboard::TelemetrySeries *series = feed.series(id);
    out << "telemetry rows: " << (series ? series->rawCount() : 0) << " raw, "
        << (series ? series->bucketCount() : 0) << " buckets; " << view.summary() << "\n";
    view.setWindow(ui::charts::InstanceDashboard::Window::FiveMinutes);
    view.refresh();
    QTest::qWait(300);
    const QString shot = outDir.filePath(QStringLiteral("dashboard.png"));
    out << (view.grab().save(shot) ? "saved " : "FAILED to save ") << shot << "\n";

    ui::charts::SpendWidget spendView(&spend);
    spendView.resize(1280, 480);
    spendView.show();
    spend.reload();
    QTest::qWait(2000);
    spendView.refresh();
    QTest::qWait(300);
    const QString spendShot = outDir.filePath(QStringLiteral("dashboard-spend.png"));
    out << (spendView.grab().save(spendShot) ? "saved " : "FAILED to save ") << spendShot << "\n";
    out << "spend rows: " << spend.series().size() << ", " << spendView.burnText() << "; "
        << spendView.runwayText() << "\n";

    bed.market().request("DELETE", QStringLiteral("/api/v1/instances/%1").arg(id), bed.renterToken());
    bed.waitState(id, QStringLiteral("destroyed"), 60000);
    return series && series->rawCount() > seconds / 2 ? 0 : 1;
}
