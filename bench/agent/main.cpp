// agent-bench: the host agent under load, measured from the outside.
//
// The agent is the real suanli-host binary (a child process, real Podman, real sshd). The
// market side is a scripted peer on loopback that speaks the agent channel (docs/protocol.md): it
// answers hello with welcome, sends create/destroy commands and reads the reports. Latency is
// from the moment a create command is sent to the moment the instance's sshd answers with its
// banner on the reported port. CPU is the agent process plus the podman processes it ran
// (utime + stime + cutime + cstime from /proc), over a fixed window with N instances running.
//
//   agent-bench [--launches 10] [--instances 4] [--window 60] [--image REF] [--agent PATH]

#include "bench/procstat.h"
#include "protocol/agentmessages.h"
#include "protocol/json.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace suanli;

using suanli::bench::ProcStat;
using suanli::bench::procStat;

namespace {

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool sshAnswers(int port)
{
    QTcpSocket s;
    s.connectToHost(u"127.0.0.1"_s, quint16(port));
    if (!s.waitForConnected(500) || !s.waitForReadyRead(500))
        return false;
    return s.peek(4) == "SSH-";
}

class ScriptedMarket : public QObject
{
public:
    QWebSocketServer server{u"agent-bench"_s, QWebSocketServer::NonSecureMode};
    QWebSocket *agent = nullptr;
    bool welcomed = false;
    QHash<qint64, protocol::InstanceStateMessage> states;
    int telemetryBatches = 0;
    int commandSeq = 0;

    ScriptedMarket()
    {
        server.listen(QHostAddress::LocalHost, 0);
        connect(&server, &QWebSocketServer::newConnection, this, [this] {
            agent = server.nextPendingConnection();
            connect(agent, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
                auto json = protocol::parseJsonObject(text.toUtf8());
                if (!json)
                    return;
                const QString type = json->value(u"type"_s).toString();
                if (type == "hello"_L1) {
                    send(protocol::toJson(
                        protocol::MarketMessage{protocol::WelcomeMessage{1, u"bench"_s, u"direct"_s}}));
                    welcomed = true;
                } else if (type == "instance_state"_L1) {
                    auto m = protocol::agentMessageFromJson(*json);
                    if (m)
                        if (auto *s = std::get_if<protocol::InstanceStateMessage>(&*m))
                            states[s->instance_id] = *s;
                } else if (type == "telemetry"_L1) {
                    ++telemetryBatches;
                }
            });
        });
    }
    void send(const QJsonObject &o)
    {
        agent->sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    void command(protocol::CommandAction action, qint64 id, const QString &image,
                 const QString &key)
    {
        protocol::CommandMessage c;
        c.id = u"bench-%1"_s.arg(++commandSeq);
        c.action = action;
        c.instance_id = id;
        if (action == protocol::CommandAction::Create)
            c.spec = protocol::InstanceSpec{
                image, 0, 1, key, {}, {}, false, u"bench%1"_s.arg(id), {}, std::nullopt};
        send(protocol::toJson(protocol::MarketMessage{c}));
    }
    protocol::InstanceState state(qint64 id) const { return states.value(id).state; }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption launchesOpt(u"launches"_s, u"sequential launches timed"_s, u"N"_s,
                                         u"10"_s);
    const QCommandLineOption instancesOpt(u"instances"_s, u"instances running for the CPU window"_s,
                                          u"N"_s, u"4"_s);
    const QCommandLineOption windowOpt(u"window"_s, u"CPU window in seconds"_s, u"S"_s, u"60"_s);
    const QCommandLineOption imageOpt(u"image"_s, u"image"_s, u"REF"_s,
                                      u"localhost/suanli/base:bookworm"_s);
    const QCommandLineOption agentOpt(u"agent"_s, u"suanli-host binary"_s, u"PATH"_s,
                                      QStringLiteral(SUANLI_HOST_BINARY));
    p.addOptions({launchesOpt, instancesOpt, windowOpt, imageOpt, agentOpt});
    p.process(app);
    const int launches = p.value(launchesOpt).toInt();
    const int instances = p.value(instancesOpt).toInt();
    const int window = p.value(windowOpt).toInt();
    const QString image = p.value(imageOpt);

    QTemporaryDir dir;
    ScriptedMarket market;
    {
        QFile token(dir.filePath(u"host.token"_s));
        token.open(QIODevice::WriteOnly);
        token.write("sh_bench");
        QFile ini(dir.filePath(u"host.ini"_s));
        ini.open(QIODevice::WriteOnly);
        ini.write("[host]\nstate_dir=state\naddress=127.0.0.1\nport_min=26000\nport_max=26099\n"
                  "[instances]\nmemory_mb=512\npids_limit=256\ncpus=1\nstop_timeout_s=2\n");
    }
    const QString key =
        u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFsuanliTestKeyOnlyForTestsAAAAAAAAAAAAAAAA bench"_s;
    QProcess agent;
    agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    agent.start(p.value(agentOpt),
                {u"run"_s, u"--market"_s, u"http://127.0.0.1:%1"_s.arg(market.server.serverPort()),
                 u"--token-file"_s, dir.filePath(u"host.token"_s), u"--config"_s,
                 dir.filePath(u"host.ini"_s)});
    if (!agent.waitForStarted()) {
        fprintf(stderr, "agent-bench: cannot start %s\n", qPrintable(p.value(agentOpt)));
        return 1;
    }
    waitUntil([&] { return market.welcomed; }, 20000);
    if (!market.welcomed) {
        fprintf(stderr, "agent-bench: the agent never said hello\n");
        return 1;
    }
    const ProcStat atIdle = procStat(agent.processId());

    // Phase 1: create → SSH-ready, sequential launches with the image present.
    QList<double> latencies;
    qint64 nextId = 1;
    for (int i = 0; i < launches; ++i) {
        const qint64 id = nextId++;
        QElapsedTimer t;
        t.start();
        market.command(protocol::CommandAction::Create, id, image, key);
        bool ready = false;
        waitUntil(
            [&] {
                const auto s = market.states.value(id);
                if (s.state == protocol::InstanceState::Failed)
                    return true;
                ready = s.ssh && sshAnswers(s.ssh->port);
                return ready;
            },
            60000);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!ready) {
            fprintf(stderr, "agent-bench: launch %d failed: %s\n", i + 1,
                    qPrintable(market.states.value(id).reason));
            return 1;
        }
        latencies.append(ms);
        printf("launch %2d: create -> ssh ready %.0f ms\n", i + 1, ms);
        fflush(stdout);
        market.command(protocol::CommandAction::Destroy, id, {}, {});
        waitUntil([&] { return market.state(id) == protocol::InstanceState::Destroyed; }, 30000);
    }
    std::sort(latencies.begin(), latencies.end());
    const auto pct = [&](double q) {
        return latencies.value(
            std::min<qsizetype>(latencies.size() - 1, qsizetype(q * latencies.size())));
    };

    // Phase 2: N running instances, 1 Hz telemetry, CPU over the window.
    QList<qint64> running;
    for (int i = 0; i < instances; ++i) {
        const qint64 id = nextId++;
        market.command(protocol::CommandAction::Create, id, image, key);
        running.append(id);
    }
    waitUntil(
        [&] {
            return std::all_of(running.cbegin(), running.cend(), [&](qint64 id) {
                return market.state(id) == protocol::InstanceState::Running;
            });
        },
        120000);
    waitUntil([] { return false; }, 3000); // let the first samples settle
    const int batchesBefore = market.telemetryBatches;
    const ProcStat before = procStat(agent.processId());
    QElapsedTimer w;
    w.start();
    waitUntil([] { return false; }, window * 1000);
    const ProcStat after = procStat(agent.processId());
    const double seconds = double(w.nsecsElapsed()) / 1e9;
    const double cpuPct = (after.cpuSeconds - before.cpuSeconds) / seconds * 100.0;
    const int batches = market.telemetryBatches - batchesBefore;

    printf("\nagent-bench: %d launches, image %s\n", launches, qPrintable(image));
    printf("create -> ssh ready: p50 %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms\n", pct(0.5),
           pct(0.9), latencies.first(), latencies.last());
    printf("agent CPU with %d running instances: %.2f %% of one core over %.0f s "
           "(%d telemetry batches, %.2f/s)\n",
           instances, cpuPct, seconds, batches, batches / seconds);
    printf("agent memory: RSS %lld KiB idle, %lld KiB with %d instances, peak %lld KiB\n",
           atIdle.rssKb, after.rssKb, instances, after.hwmKb);

    for (qint64 id : running)
        market.command(protocol::CommandAction::Destroy, id, {}, {});
    waitUntil(
        [&] {
            return std::all_of(running.cbegin(), running.cend(), [&](qint64 id) {
                return market.state(id) == protocol::InstanceState::Destroyed;
            });
        },
        60000);
    agent.terminate();
    agent.waitForFinished(5000);
    return 0;
}
