// tray-bench: how much a contributor tray costs while the machine is not rented.
//
// The parent plays the market (a WebSocket peer on loopback that welcomes the agent and sends
// nothing else) and measures a child process that is what `suanli --tray` embeds: HostEngine
// (NVML probe, Podman runtime detection, market link, 1 Hz telemetry tick, usage heartbeat)
// and ui::ContributorMode as the app's Launcher builds it — LendingPolicy on the real idle
// source and the X11 fullscreen probe (2 s ticks), LendingBinding, ContributorController and
// the TrayIcon shown in a real tray. CPU is utime+stime (+ reaped children) of the child from
// /proc/PID/stat over a window after a warm-up; memory is VmRSS and VmHWM.
// Run it under a tray: tests/contributor/with-tray-xvfb build-tray/bench/tray/tray-bench

#include "bench/procstat.h"
#include "contributor/contributorcontroller.h"
#include "host/hostengine.h"
#include "ui/contributor/contributormode.h"
#include "ui/contributor/trayicon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QWebSocket>
#include <QWebSocketServer>

#include <unistd.h>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace suanli;

using suanli::bench::ProcStat;
using suanli::bench::procStat;

namespace {

void waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

int runChild(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    QCommandLineParser p;
    const QCommandLineOption childOpt(u"child"_s);
    const QCommandLineOption marketOpt(u"market"_s, {}, u"url"_s);
    const QCommandLineOption configOpt(u"config"_s, {}, u"ini"_s);
    const QCommandLineOption lendNowOpt(u"lend-now"_s);
    p.addOptions({childOpt, marketOpt, configOpt, lendNowOpt});
    p.process(app);
    auto config = host::HostConfig::load(p.value(configOpt));
    if (!config) {
        fprintf(stderr, "tray-bench child: %s\n", qPrintable(config.error().message));
        return 1;
    }
    if (!ui::TrayIcon::isAvailable()) {
        fprintf(stderr, "tray-bench child: no system tray (run under with-tray-xvfb)\n");
        return 1;
    }
    host::HostEngine engine({QUrl(p.value(marketOpt)), "sh_bench", *config},
                            std::make_unique<host::NvmlGpuProbe>());
    QNetworkAccessManager network;
    QTemporaryDir settingsDir;
    ui::ContributorMode mode(&network, settingsDir.filePath(QStringLiteral("suanli.ini")));
    host::LendingPolicy &policy = *mode.policy();
    // Lending set up and on, as after the wizard; the tray as the app shows it.
    host::LendingSettings on = policy.settings();
    on.enabled = true;
    policy.setSettings(on);
    mode.attachEngine(&engine);
    if (!mode.createTray()) {
        fprintf(stderr, "tray-bench child: the tray went away\n");
        return 1;
    }
    QObject::connect(
        &policy, &host::LendingPolicy::stateChanged, &app, [&policy](host::LendingPolicy::State s) {
            fprintf(stderr, "tray-bench child: %s (idle source: %s)\n",
                    QMetaEnum::fromType<host::LendingPolicy::State>().valueToKey(int(s)),
                    qPrintable(policy.idleSourceName()));
        });
    if (p.isSet(lendNowOpt))
        policy.lendNow();
    engine.start(); // ContributorMode started the policy's 2 s ticks
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--child") == 0)
            return runChild(argc, argv);
    }
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption warmupOpt(u"warmup"_s, u"seconds before measuring"_s, u"S"_s, u"20"_s);
    const QCommandLineOption windowOpt(u"window"_s, u"measured seconds"_s, u"S"_s, u"120"_s);
    const QCommandLineOption lendNowOpt(
        u"lend-now"_s, u"press Lend now: measure Listed instead of Waiting for idle"_s);
    p.addOptions({warmupOpt, windowOpt, lendNowOpt});
    p.process(app);

    QWebSocketServer server(u"tray-bench"_s, QWebSocketServer::NonSecureMode);
    if (!server.listen(QHostAddress::LocalHost)) {
        fprintf(stderr, "tray-bench: cannot listen\n");
        return 1;
    }
    bool welcomed = false;
    int messages = 0;
    QList<QWebSocket *> sockets;
    QObject::connect(&server, &QWebSocketServer::newConnection, &app, [&] {
        QWebSocket *ws = server.nextPendingConnection();
        sockets.append(ws);
        QObject::connect(ws, &QWebSocket::textMessageReceived, ws, [&, ws](const QString &text) {
            ++messages;
            const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
            if (m.value(u"type"_s).toString() == "hello"_L1) {
                ws->sendTextMessage(
                    QString::fromUtf8(QJsonDocument(QJsonObject{{u"type"_s, u"welcome"_s},
                                                                {u"host_id"_s, 1},
                                                                {u"market_version"_s, u"bench"_s}})
                                          .toJson(QJsonDocument::Compact)));
                welcomed = true;
            }
        });
    });

    QTemporaryDir dir;
    {
        QFile ini(dir.filePath(u"host.ini"_s));
        ini.open(QIODevice::WriteOnly);
        ini.write("[host]\nstate_dir=state\naddress=127.0.0.1\n");
    }
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    QStringList childArgs{u"--child"_s, u"--market"_s,
                          u"http://127.0.0.1:%1"_s.arg(server.serverPort()), u"--config"_s,
                          dir.filePath(u"host.ini"_s)};
    if (p.isSet(lendNowOpt))
        childArgs.append(u"--lend-now"_s);
    child.start(QCoreApplication::applicationFilePath(), childArgs);
    if (!child.waitForStarted()) {
        fprintf(stderr, "tray-bench: cannot start the child\n");
        return 1;
    }
    waitFor([&] { return welcomed || child.state() == QProcess::NotRunning; }, 60000);
    if (!welcomed) {
        fprintf(stderr, "tray-bench: the embedded agent never said hello\n");
        return 1;
    }
    const int warmup = p.value(warmupOpt).toInt();
    const int window = p.value(windowOpt).toInt();
    waitFor([] { return false; }, warmup * 1000);
    const ProcStat before = procStat(child.processId());
    QElapsedTimer wall;
    wall.start();
    const int messagesBefore = messages;
    waitFor([&] { return child.state() == QProcess::NotRunning; }, window * 1000);
    const ProcStat after = procStat(child.processId());
    const double seconds = wall.elapsed() / 1000.0;
    if (child.state() == QProcess::NotRunning) {
        fprintf(stderr, "tray-bench: the child exited early\n");
        return 1;
    }
    const double cpuPct = (after.cpuSeconds - before.cpuSeconds) / seconds * 100.0;
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) < 0)
        load[0] = load[1] = load[2] = -1;
    printf("tray-bench: tray mode, not rented, %.0f s window after %d s warm-up\n", seconds,
           warmup);
    printf("CPU: %.3f %% of one core (%.2f s of CPU), %d agent messages in the window\n", cpuPct,
           after.cpuSeconds - before.cpuSeconds, messages - messagesBefore);
    printf("memory: RSS %lld KiB, peak %lld KiB\n", after.rssKb, after.hwmKb);
    printf("machine load average: %.2f %.2f %.2f\n", load[0], load[1], load[2]);
    const bool ok = cpuPct <= 0.1 && after.hwmKb <= 80 * 1024;
    printf("targets (<= 0.1 %% of a core, <= 80 MB RSS): %s\n", ok ? "met" : "MISSED");
    child.terminate();
    if (!child.waitForFinished(5000))
        child.kill();
    return ok ? 0 : 1;
}
