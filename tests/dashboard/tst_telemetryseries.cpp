#include "app/dashboard/dashboardclient.h"
#include "app/dashboard/telemetryfeed.h"
#include "app/dashboard/telemetryseries.h"

#include <QSignalSpy>
#include <QTest>

using namespace suanli;
using namespace suanli::dashboard;

namespace {

constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z

protocol::TelemetrySample sample(qint64 atMs, double cpu, QList<double> gpuUtil = {},
                                 qint64 instance = 1)
{
    protocol::TelemetrySample s;
    s.instance_id = instance;
    s.at = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
    s.cpu_pct = cpu;
    s.memory_used_mb = 1024;
    for (int g = 0; g < gpuUtil.size(); ++g)
        s.gpus.append({g, gpuUtil[g], 2048 * (g + 1), 60.0 + g, 200.0 + g});
    return s;
}

const Channel kCpu{Metric::Cpu, -1};

} // namespace

class TestTelemetrySeries : public QObject
{
    Q_OBJECT
private slots:
    void decimatesToMinMaxPerPixel()
    {
        // 600 s of a sawtooth 0..59 per minute: each of 10 columns holds one whole tooth.
        TelemetrySeries s;
        for (int i = 0; i < 600; ++i)
            s.addSample(sample(kT0 + i * 1000, i % 60));
        const auto lines = s.decimate({kCpu}, kT0, kT0 + 600'000, 10);
        QCOMPARE(lines.size(), 1);
        const QList<QPointF> &p = lines[0].points;
        QCOMPARE(p.size(), 20);
        for (int c = 0; c < 10; ++c) {
            QCOMPARE(p[2 * c], QPointF(double(kT0 + c * 60'000), 0));
            QCOMPARE(p[2 * c + 1], QPointF(double(kT0 + c * 60'000 + 59'000), 59));
        }
        QCOMPARE(lines[0].min, 0.0);
        QCOMPARE(lines[0].max, 59.0);
    }

    void keepsSpikesAndOrder()
    {
        TelemetrySeries s;
        for (int i = 0; i < 600; ++i)
            s.addSample(sample(kT0 + i * 1000, i == 317 ? 1000 : 10 + (i == 330 ? -10 : 0)));
        const auto p = s.decimate({kCpu}, kT0, kT0 + 600'000, 10)[0].points;
        // Column 5 (300–359 s): the spike at 317 s comes before the dip at 330 s.
        QCOMPARE(p[5], QPointF(double(kT0 + 317'000), 1000));
        QCOMPARE(p[6], QPointF(double(kT0 + 330'000), 0));
        // Flat columns are one point each.
        QCOMPARE(p.size(), 9 + 2);
        QCOMPARE(s.decimate({kCpu}, kT0, kT0 + 600'000, 10)[0].max, 1000.0);
    }

    void dayOfSamplesFitsTheWidth()
    {
        TelemetrySeries s;
        s.setRawHorizon(0); // everything raw: the worst case
        for (int i = 0; i < 24 * 3600; ++i)
            s.addSample(sample(kT0 + i * 1000LL, (i * 7919) % 101, {double(i % 100), 50}));
        QCOMPARE(s.rawCount(), 86400);
        const auto lines = s.decimate({{Metric::GpuUtilization, 0}, {Metric::GpuUtilization, 1}},
                                      kT0, kT0 + TelemetrySeries::kDayMs, 500);
        QVERIFY(lines[0].points.size() <= 1000);
        QCOMPARE(lines[0].min, 0.0);
        QCOMPARE(lines[0].max, 99.0);
        QCOMPARE(lines[1].points.size(), 500); // constant: one point per column
        QCOMPARE(lines[1].max, 50.0);
        // Ascending x, inside the window.
        for (qsizetype i = 1; i < lines[0].points.size(); ++i)
            QVERIFY(lines[0].points[i].x() >= lines[0].points[i - 1].x());
        QVERIFY(lines[0].points.first().x() >= double(kT0));
    }

    void axisRanges()
    {
        QCOMPARE(niceAxis(87, 100), (AxisRange{0, 100}));
        QCOMPARE(niceAxis(130, 100), (AxisRange{0, 200}));
        QCOMPARE(niceAxis(3.1), (AxisRange{0, 5}));
        QCOMPARE(niceAxis(2.5), (AxisRange{0, 5}));
        QCOMPARE(niceAxis(20), (AxisRange{0, 25}));
        QCOMPARE(niceAxis(100, 100), (AxisRange{0, 100}));
        QCOMPARE(niceAxis(0), (AxisRange{0, 1}));
        QCOMPARE(niceAxis(0.4, 1), (AxisRange{0, 1}));
        QCOMPARE(niceCeil(11), 20.0);
        QCOMPARE(niceCeil(0.03), 0.05);
    }

    void mergesHistoryAndLive()
    {
        TelemetryFeed feed(nullptr, nullptr);
        feed.watch(1);
        QSignalSpy updated(&feed, &TelemetryFeed::updated);
        const qint64 now = kT0 + 2 * 3600'000;
        // Live samples arrive before the history answer.
        for (int i = 0; i < 10; ++i)
            feed.addLive(sample(now - 10'000 + i * 1000, 50));
        feed.addLive(sample(now, 50, {}, 2)); // an instance nobody watches
        QVERIFY(!feed.series(2));
        // History: the hour before as minute buckets, then raw samples that overlap the live
        // ones (the market's copies, a few ms apart).
        TelemetryHistory history;
        for (int m = 0; m < 60; ++m) {
            TelemetryBucket b;
            b.atMs = now - 2 * 3600'000 + m * 60'000;
            b.count = 60;
            b.cpu = {10, 90, 40};
            history.buckets.append(b);
        }
        for (int i = 0; i < 60; ++i)
            history.samples.append(sample(now - 60'000 + i * 1000 + 3, 20));
        feed.applyHistory(1, history);
        const TelemetrySeries *s = feed.series(1);
        QCOMPARE(s->bucketCount(), 60);
        QCOMPARE(s->rawCount(), 50 + 10); // 60 history samples, 10 of them already held live
        QCOMPARE(updated.size(), 11);
        const auto line = s->decimate({kCpu}, now - 2 * 3600'000, now, 120)[0];
        QCOMPARE(line.max, 90.0);
        QCOMPARE(line.min, 10.0);
        QCOMPARE(*s->latest(kCpu), 50.0);
    }

    void foldsOldSamplesIntoMinutes()
    {
        TelemetrySeries s;
        for (int i = 0; i < 2 * 3600; ++i)
            s.addSample(sample(kT0 + i * 1000LL, i == 100 ? 99 : 1));
        QVERIFY(s.rawCount() <= 3600 + 60);
        QVERIFY(s.bucketCount() >= 59);
        const auto line = s.decimate({kCpu}, kT0, kT0 + 2 * 3600'000, 240)[0];
        QCOMPARE(line.max, 99.0); // the spike survives folding
        s.prune(kT0 + 2 * 3600'000, 3600'000);
        QVERIFY(s.bucketCount() <= 1);
    }

    void parsesTheMarketsHistory()
    {
        const QByteArray body = R"({"samples":[
            {"instance_id":1,"at":"2026-01-01T00:00:00Z","bucket_s":60,"count":60,
             "cpu_pct":{"min":1,"max":9,"mean":5},"memory_used_mb":{"min":10,"max":20,"mean":15},
             "ssh_sessions":{"min":0,"max":1,"mean":0.5},
             "gpus":[{"index":0,"utilization_pct":{"min":0,"max":100,"mean":50},
                      "memory_used_mb":{"min":1,"max":2,"mean":1.5},
                      "temperature_c":{"min":40,"max":80,"mean":60},
                      "power_w":{"min":100,"max":300,"mean":200}}]},
            {"instance_id":1,"at":"2026-01-01T01:00:00.500Z","gpus":[{"index":0,
             "utilization_pct":97,"memory_used_mb":5000,"temperature_c":71,"power_w":320}],
             "cpu_pct":150.5,"memory_used_mb":2048,"ssh_sessions":1}]})";
        const auto history = parseTelemetryHistory(body);
        QVERIFY2(history.ok(), qPrintable(history.ok() ? QString() : history.error().message));
        QCOMPARE(history->buckets.size(), 1);
        QCOMPARE(history->buckets[0].gpus[0].power.max, 300.0);
        QCOMPARE(history->samples.size(), 1);
        QCOMPARE(history->samples[0].gpus[0].utilization_pct, 97.0);
        TelemetrySeries s;
        for (const auto &b : history->buckets)
            s.addBucket(b);
        for (const auto &x : history->samples)
            s.addSample(x);
        QCOMPARE(s.gpuCount(), 1);
        QCOMPARE(*s.latest({Metric::GpuTemperature, 0}), 71.0);
        QVERIFY(!parseTelemetryHistory("{\"samples\":[{\"bucket_s\":60}]}").ok());
    }
};

QTEST_GUILESS_MAIN(TestTelemetrySeries)
#include "tst_telemetryseries.moc"
