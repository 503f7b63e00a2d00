// dashboard-bench: figures for docs/benchmarks.md, "Dashboard (bench/dashboard)".
//
// 1. Chart updates: a TelemetrySeries of 8 GPUs × 24 h at 1 Hz (86,400 rows, all raw: the
//    worst case; the app itself folds rows older than 1 h into minutes), decimated to each
//    chart's width for the 5 min, 1 h and 24 h windows, handed to the chart (replace) and
//    painted. Median, p95 and max per chart update, decimation and drawing apart.
// 2. CPU: an InstanceDashboard on that history, shown, fed live at 1 Hz through the real
//    EventStream from a local WebSocket server speaking the market's telemetry event; process
//    CPU time over wall time, per window.
//
//   dashboard-bench [--runs N] [--cpu-seconds S] [--width W] [--height H]
#include "app/dashboard/telemetryfeed.h"
#include "client/eventstream.h"
#include "protocol/json.h"
#include "ui/charts/instancedashboard.h"
#include "ui/charts/timechart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <ctime>
#include <vector>

using namespace suanli;
using namespace suanli::dashboard;
using ui::charts::InstanceDashboard;

namespace {

constexpr int kGpus = 8;
constexpr qint64 kInstance = 1;

protocol::TelemetrySample sampleAt(qint64 ms, qint64 i)
{
    protocol::TelemetrySample s;
    s.instance_id = kInstance;
    s.at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    s.cpu_pct = 150 + double((i * 37) % 100);
    s.memory_used_mb = 30'000 + (i * 13) % 2000;
    for (int g = 0; g < kGpus; ++g) {
        const double phase = double((i + g * 911) % 600) / 600.0;
        s.gpus.append({g, 60 + 40 * phase - (i % 97 == 0 ? 50 : 0), 40'000 + (i * (g + 1)) % 20'000,
                       55 + 20 * phase, 250 + 150 * phase});
    }
    return s;
}

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct Stats
{
    std::vector<double> ms;
    QString line() const
    {
        std::vector<double> v = ms;
        std::sort(v.begin(), v.end());
        auto at = [&](double q) { return v[std::min(v.size() - 1, size_t(q * double(v.size())))]; };
        return QStringLiteral("median %1 ms, p95 %2 ms, max %3 ms")
            .arg(at(0.5), 0, 'f', 2).arg(at(0.95), 0, 'f', 2).arg(v.back(), 0, 'f', 2);
    }
};

// The market's /api/v1/events, as far as telemetry goes: one sample per second.
class FakeEvents : public QObject
{
public:
    explicit FakeEvents(QObject *parent = nullptr)
        : QObject(parent)
        , m_server(QStringLiteral("bench"), QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *s = m_server.nextPendingConnection())
                m_clients.append(s);
        });
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const QJsonObject event{{QStringLiteral("type"), QStringLiteral("telemetry")},
                                    {QStringLiteral("sample"), protocol::toJson(sampleAt(now, ++m_i))}};
            const QString text = QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact));
            for (QWebSocket *c : std::as_const(m_clients))
                c->sendTextMessage(text);
        });
        m_timer.start(1000);
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QWebSocketServer m_server;
    QList<QWebSocket *> m_clients;
    QTimer m_timer;
    qint64 m_i = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("runs"), QStringLiteral("updates per window"), QStringLiteral("n"), QStringLiteral("30")},
                       {QStringLiteral("cpu-seconds"), QStringLiteral("seconds per window for CPU"), QStringLiteral("s"), QStringLiteral("30")},
                       {QStringLiteral("width"), QStringLiteral("dashboard width"), QStringLiteral("px"), QStringLiteral("1600")},
                       {QStringLiteral("height"), QStringLiteral("dashboard height"), QStringLiteral("px"), QStringLiteral("1000")},
                       {QStringLiteral("no-antialias"), QStringLiteral("draw lines without antialiasing")}});
    parser.addHelpOption();
    parser.process(app);
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    const int cpuSecondsPerWindow = parser.value(QStringLiteral("cpu-seconds")).toInt();
    QTextStream out(stdout);

    // 24 h of history up to now, every row raw.
    TelemetryFeed feed(nullptr, nullptr);
    feed.watch(kInstance);
    TelemetrySeries *series = feed.series(kInstance);
    series->setRawHorizon(0);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer load;
    load.start();
    for (qint64 i = 0; i < 24 * 3600; ++i)
        series->addSample(sampleAt(now - TelemetrySeries::kDayMs + i * 1000, i));
    out << "history: " << series->rawCount() << " rows × " << (2 + 4 * kGpus)
        << " channels, loaded in " << load.elapsed() << " ms\n";

    InstanceDashboard view(&feed);
    protocol::Instance instance;
    instance.id = kInstance;
    instance.label = QStringLiteral("bench");
    instance.gpu_count = kGpus;
    instance.gpu_model = QStringLiteral("A100 80GB");
    view.resize(parser.value(QStringLiteral("width")).toInt(), parser.value(QStringLiteral("height")).toInt());
    view.setInstance(instance);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        out << "warning: the window was not exposed\n";
    QTest::qWait(200);

    // 1. Per chart: decimate, replace, paint.
    struct Chart { const char *name; ui::charts::TimeChart *chart; QList<Channel> channels; };
    QList<Chart> charts;
    for (auto [name, chart, metric] : {std::tuple{"utilisation", view.utilizationChart(), Metric::GpuUtilization},
                                       std::tuple{"vram", view.gpuMemoryChart(), Metric::GpuMemory},
                                       std::tuple{"temperature", view.temperatureChart(), Metric::GpuTemperature},
                                       std::tuple{"power", view.powerChart(), Metric::GpuPower}}) {
        QList<Channel> channels;
        for (int g = 0; g < kGpus; ++g)
            channels.append({metric, g});
        charts.append({name, chart, channels});
    }
    charts.append({"cpu", view.cpuChart(), {{Metric::Cpu, -1}}});
    charts.append({"memory", view.memoryChart(), {{Metric::Memory, -1}}});
    for (const Chart &c : std::as_const(charts))
        c.chart->setAntialiased(!parser.isSet(QStringLiteral("no-antialias")));
    for (const auto window : {InstanceDashboard::Window::FiveMinutes, InstanceDashboard::Window::OneHour,
                              InstanceDashboard::Window::Day}) {
        view.setWindow(window);
        Stats decimate, draw, total;
        qsizetype points = 0;
        for (int r = 0; r < runs; ++r) {
            for (const Chart &c : std::as_const(charts)) {
                const qint64 to = QDateTime::currentMSecsSinceEpoch();
                const qint64 from = to - InstanceDashboard::windowMs(window);
                QElapsedTimer t;
                t.start();
                const auto lines = series->decimate(c.channels, from, to, c.chart->plotWidth());
                const double dMs = double(t.nsecsElapsed()) / 1e6;
                QList<QList<QPointF>> pts;
                double max = 0;
                for (const auto &l : lines) {
                    pts.append(l.points);
                    max = std::max(max, l.max);
                    points += l.points.size();
                }
                const auto y = niceAxis(max, 100);
                t.restart();
                c.chart->setLines(pts, from, to, y.min, y.max);
                c.chart->repaint(); // paints now, synchronously, into the backing store
                const double pMs = double(t.nsecsElapsed()) / 1e6;
                decimate.ms.push_back(dMs);
                draw.ms.push_back(pMs);
                total.ms.push_back(dMs + pMs);
            }
        }
        out << "window " << InstanceDashboard::windowMs(window) / 1000 << " s, plot width "
            << charts.first().chart->plotWidth() << " px, "
            << points / (runs * charts.size()) << " points per chart on average\n"
            << "  decimation:         " << decimate.line() << "\n"
            << "  replace + paint:    " << draw.line() << "\n"
            << "  chart update total: " << total.line() << "\n";
        out.flush();
    }

    // 2. CPU with the dashboard open and live samples at 1 Hz over a real WebSocket.
    FakeEvents server;
    client::EventStream events;
    QObject::connect(&events, &client::EventStream::telemetry, &feed, &TelemetryFeed::addLive);
    events.open(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())), "sk_bench");
    QTest::qWait(1500);
    for (const auto window : {InstanceDashboard::Window::FiveMinutes, InstanceDashboard::Window::OneHour,
                              InstanceDashboard::Window::Day}) {
        view.setWindow(window);
        QTest::qWait(1000);
        const double cpu0 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        QTest::qWait(cpuSecondsPerWindow * 1000);
        const double cpu = cpuSeconds() - cpu0;
        const double seconds = double(wall.elapsed()) / 1000.0;
        out << "CPU, window " << InstanceDashboard::windowMs(window) / 1000 << " s, live 1 Hz: "
            << QString::number(100.0 * cpu / seconds, 'f', 2) << " % of one core over "
            << QString::number(seconds, 'f', 0) << " s (" << series->rawCount() << " rows)\n";
        out.flush();
    }
    return 0;
}
