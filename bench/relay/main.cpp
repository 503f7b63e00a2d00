// relay-bench: the NAT relay on loopback (docs/relay.md), one run, one machine.
//
// A relay sshd (stock OpenSSH, with the config `suanli-market relay-config` prints), a target
// sshd standing in for an instance's (the tests/ssh fixture), an agent side holding reverse
// forwards on the relay (ssh::ReverseForwarder, as suanli-host does; `ssh -R` as OpenSSH's
// reference), and a target server behind the target sshd. Measured, paths interleaved:
//
//  - throughput each way and small-request latency (p50/p99) through: the direct path (our
//    ssh::Session straight to the target sshd, a local forward), the app's relayed path (the
//    same Session with the relay as its jump), and OpenSSH's `ssh -J relay -L … target` through
//    the same relay and reverse forward (OpenSSH's default cipher, and ours);
//  - the relay holding many relayed instances (--hold AGENTSxFORWARDS,…): the RSS of all its
//    sshd processes and their CPU over an idle window, and the agent side's.
//
//   relay-bench [--mib 1024] [--rounds 3] [--requests 20000] [--hold 1x200,10x20,200x1]
//               [--window 60] [--only paths|hold] [--market PATH]

#include "loadclient.h"
#include "relaysshd.h"
#include "sshdfixture.h"

#include "bench/procstat.h"
#include "ssh/reverseforwarder.h"
#include "ssh/session.h"
#include "ssh/sshkey.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <functional>
#include <thread>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::bench;

namespace {

const QString kCipher = u"aes128-ctr"_s;
const QString kMac = u"hmac-sha2-256"_s;

/// user + system seconds of one thread of this process (/proc/self/task/TID/stat).
double threadCpu(const QString &statPath)
{
    QFile file(statPath);
    if (statPath.isEmpty() || !file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) /
           double(sysconf(_SC_CLK_TCK));
}

QSet<QString> threadsNamed(const QByteArray &name)
{
    QSet<QString> stats;
    const QDir tasks(u"/proc/self/task"_s);
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + u"/comm"_s));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name)
            stats.insert(tasks.filePath(tid + u"/stat"_s));
    }
    return stats;
}

/// CPU seconds of a set of processes (each with its reaped children).
double cpuOf(const QList<qint64> &pids)
{
    double seconds = 0;
    for (const qint64 pid : pids)
        seconds += procStat(pid).cpuSeconds;
    return seconds;
}

struct Memory
{
    qint64 rssKb = 0;
    qint64 pssKb = 0; ///< proportional: shared pages split between the processes sharing them
    int processes = 0;
};

Memory memoryOf(const QList<qint64> &pids)
{
    Memory m;
    for (const qint64 pid : pids) {
        m.rssKb += procStat(pid).rssKb;
        QFile rollup(u"/proc/%1/smaps_rollup"_s.arg(pid));
        if (rollup.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : rollup.readAll().split('\n')) {
                if (line.startsWith("Pss:"))
                    m.pssKb += line.mid(4).trimmed().split(' ').first().toLongLong();
            }
        }
        ++m.processes;
    }
    return m;
}

/// An SSH banner comes back from 127.0.0.1:port (a relay port: through the reverse forward
/// to the target sshd).
bool bannerAt(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(2000) && socket.waitForReadyRead(5000) &&
           socket.peek(4) == "SSH-";
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    return true;
}

QString permitLine(const char *option, const QList<quint16> &ports, const QString &publicKey)
{
    QStringList options{u"restrict"_s, u"port-forwarding"_s};
    for (const quint16 port : ports)
        options.append(u"%1=\"127.0.0.1:%2\""_s.arg(QLatin1String(option)).arg(port));
    return options.join(u',') + u' ' + publicKey.section(u' ', 0, 1);
}

/// Relay ports nobody listens on now, distinct.
QList<quint16> freePorts(int count)
{
    QSet<quint16> taken;
    QList<quint16> ports;
    while (ports.size() < count) {
        const quint16 port = ssh::test::freeLoopbackPort();
        if (port != 0 && !taken.contains(port)) {
            taken.insert(port);
            ports.append(port);
        }
    }
    return ports;
}

/// The OpenSSH client side: one ssh_config with the relay, the target through it and the
/// agent's login, and a known_hosts pinning the relay's and the target's keys.
struct OpenSshFiles
{
    QString config;
    QString knownHosts;
};

OpenSshFiles writeOpenSshFiles(const QString &dir, const QString &name, const RelaySshd &relay,
                               const ssh::test::SshdFixture &target, quint16 relayedPort,
                               const QString &identity, bool ourCipher)
{
    OpenSshFiles files{dir + u"/ssh_config_"_s + name, dir + u"/known_hosts_"_s + name};
    QFile known(files.knownHosts);
    if (known.open(QIODevice::WriteOnly))
        known.write(u"[127.0.0.1]:%1 %2\n[127.0.0.1]:%3 %4\n"_s.arg(relay.port())
                        .arg(relay.hostKeyLine())
                        .arg(relayedPort)
                        .arg(target.hostKeyLine())
                        .toUtf8());
    QString text = u"Host relay\n    HostName 127.0.0.1\n    Port %1\n    User suanli\n"
                   "Host agent\n    HostName 127.0.0.1\n    Port %1\n    User suanli-host\n"
                   "    ServerAliveInterval 15\n"
                   "Host target\n    HostName 127.0.0.1\n    Port %2\n    User root\n"
                   "    ProxyJump relay\n"
                   "Host *\n    IdentityFile %3\n    IdentitiesOnly yes\n    BatchMode yes\n"
                   "    StrictHostKeyChecking yes\n    UserKnownHostsFile %4\n"
                   "    ExitOnForwardFailure yes\n"_s.arg(relay.port())
                       .arg(relayedPort)
                       .arg(identity, files.knownHosts);
    if (ourCipher)
        text += u"    Ciphers %1\n    MACs %2\n"_s.arg(kCipher, kMac);
    QFile config(files.config);
    if (config.open(QIODevice::WriteOnly))
        config.write(text.toUtf8());
    return files;
}

std::unique_ptr<QProcess> startSsh(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(u"ssh"_s, arguments);
    process->waitForStarted();
    return process;
}

void stopProcess(QProcess *process)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    process->terminate();
    if (!process->waitForFinished(5000))
        process->kill();
    process->waitForFinished(5000);
}

/// Our side of the agent: ReverseForwarders in a thread of their own ("relay-agent"), so its
/// CPU is measured apart from the client sessions of the same process.
class OurAgents
{
public:
    OurAgents()
    {
        m_thread.setObjectName(u"relay-agent"_s);
        m_context.moveToThread(&m_thread);
        m_thread.start();
        while (threadsNamed("relay-agent").isEmpty())
            QThread::msleep(1);
        m_stat = *threadsNamed("relay-agent").cbegin();
    }
    ~OurAgents()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { m_forwarders.clear(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    /// One agent: a key and its forwards to target (relay ports).
    void add(const RelaySshd &relay, const QString &keyPath, const QList<quint16> &ports,
             quint16 targetPort)
    {
        ++m_wanted;
        QMetaObject::invokeMethod(
            &m_context,
            [=, this, relayPort = relay.port(), hostKey = relay.hostKeyLine()] {
                auto forwarder = std::make_unique<ssh::ReverseForwarder>(
                    ssh::Endpoint{u"127.0.0.1"_s, relayPort, u"suanli-host"_s, hostKey},
                    ssh::Identity{keyPath, {}}, ssh::SessionOptions{});
                QObject::connect(forwarder.get(), &ssh::ReverseForwarder::forwardsChanged,
                                 &m_context,
                                 [this, want = ports.size(),
                                  done = false](const QList<quint16> &active) mutable {
                                     if (!done && active.size() == want) {
                                         done = true;
                                         ++m_complete;
                                     }
                                 });
                QList<ssh::ReverseForwardSpec> specs;
                for (const quint16 port : ports)
                    specs.append({port, u"127.0.0.1"_s, targetPort});
                forwarder->setForwards(specs);
                m_forwarders.push_back(std::move(forwarder));
            },
            Qt::BlockingQueuedConnection);
    }
    /// Agents whose every forward was active at least once.
    bool allActive() const { return m_complete.load() >= m_wanted; }
    double cpuSeconds() const { return threadCpu(m_stat); }

private:
    QThread m_thread;
    QObject m_context;
    QString m_stat;
    int m_wanted = 0;
    std::atomic<int> m_complete{0};
    std::vector<std::unique_ptr<ssh::ReverseForwarder>> m_forwarders;
};

struct Path
{
    QString name;
    quint16 port = 0;
    std::function<double()> clientCpu; ///< CPU seconds so far of the client side
    QList<double> upload, download, rtt;
    QList<double> uploadClientCpu, downloadClientCpu; ///< s/GB
    QList<double> relayCpu, agentCpu;                 ///< s/GB, both directions
};

Path makePath(const QString &name, quint16 port, std::function<double()> clientCpu = {})
{
    Path path;
    path.name = name;
    path.port = port;
    path.clientCpu = std::move(clientCpu);
    return path;
}

QString cell(double value, int precision = 0)
{
    return value > 0 ? QString::number(value, 'f', precision) : u"-"_s;
}

QString ratio(double a, double b)
{
    return a > 0 && b > 0 ? QString::number(a / b, 'f', 2) + u"x"_s : u"-"_s;
}

struct Setup
{
    QTemporaryDir dir;
    ssh::test::SshdFixture target; ///< the instance's sshd; its client key is the renter's
    RelaySshd relay;
    QString agentKey;
    QString agentPublic;
};

bool makeKey(const QString &path, QString *publicLine)
{
    auto key = ssh::generateEd25519Key(u"relay-bench-agent"_s);
    if (!key || !ssh::saveKeyPair(*key, path))
        return false;
    *publicLine = key->publicKeyLine;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Part 1: throughput and latency per path.

int measurePaths(Setup &s, quint64 bytes, int rounds, int requests, int requestSize)
{
    TargetServer server;
    const QList<quint16> relayPorts = freePorts(2); // [0] ours, [1] ssh -R
    const quint16 oursPort = relayPorts[0];
    const quint16 opensshAgentPort = relayPorts[1];
    s.relay.setKeys(u"suanli-host"_s, {permitLine("permitlisten", relayPorts, s.agentPublic)});
    s.relay.setKeys(u"suanli"_s,
                    {permitLine("permitopen", relayPorts, s.target.clientPublicKeyLine())});

    // The agent side: ours, and OpenSSH's for the all-OpenSSH reference.
    OurAgents ours;
    ours.add(s.relay, s.agentKey, {oursPort}, s.target.port());
    if (!waitFor([&] { return ours.allActive() && bannerAt(oursPort); }, 30000)) {
        std::fprintf(stderr, "our reverse forward did not come up\n%s\n",
                     qPrintable(s.relay.log().right(3000)));
        return 1;
    }
    const OpenSshFiles agentFiles = writeOpenSshFiles(s.dir.path(), u"agent"_s, s.relay, s.target,
                                                      opensshAgentPort, s.agentKey, false);
    auto opensshAgent = startSsh(
        {u"-F"_s, agentFiles.config, u"-N"_s, u"-R"_s,
         u"127.0.0.1:%1:127.0.0.1:%2"_s.arg(opensshAgentPort).arg(s.target.port()), u"agent"_s});
    if (!waitFor([&] { return bannerAt(opensshAgentPort); }, 30000)) {
        std::fprintf(stderr, "ssh -R did not come up\n%s\n", qPrintable(s.relay.log().right(3000)));
        return 1;
    }

    std::vector<std::unique_ptr<ssh::Session>> sessions;
    std::vector<Path> paths;
    paths.push_back(makePath(u"no SSH (plain TCP)"_s, server.port()));
    const auto addSession = [&](const QString &name, ssh::Endpoint endpoint) -> bool {
        const QSet<QString> before = threadsNamed("ssh-session");
        ssh::SessionOptions options;
        options.ciphers = kCipher.toLatin1();
        options.macs = kMac.toLatin1();
        auto session = std::make_unique<ssh::Session>(
            std::move(endpoint), ssh::Identity{s.target.clientKeyPath(), {}}, options);
        auto forward = session->addForward({0, u"127.0.0.1"_s, server.port()});
        session->open();
        if (!forward ||
            !waitFor([&] { return session->state() == ssh::SessionState::Connected; }, 30000)) {
            std::fprintf(stderr, "%s did not come up: %s\n", qPrintable(name),
                         qPrintable(session->lastError().message));
            return false;
        }
        // The session's threads: its own and, through a jump, the relay hop's (named after
        // the thread that starts it).
        const QSet<QString> mine = threadsNamed("ssh-session") - before;
        const auto cpu = [mine] {
            double seconds = 0;
            for (const QString &stat : mine)
                seconds += threadCpu(stat);
            return seconds;
        };
        paths.push_back(makePath(name, forward->localPort, cpu));
        sessions.push_back(std::move(session));
        return true;
    };
    if (!addSession(u"direct: Session -> target"_s,
                    {u"127.0.0.1"_s, s.target.port(), s.target.user(), s.target.hostKeyLine()}))
        return 1;
    {
        ssh::Endpoint relayed{u"127.0.0.1"_s, oursPort, u"root"_s, s.target.hostKeyLine()};
        relayed.jump =
            ssh::JumpHost{u"127.0.0.1"_s, s.relay.port(), u"suanli"_s, s.relay.hostKeyLine()};
        if (!addSession(u"relayed: Session + jump"_s, relayed))
            return 1;
    }
    // OpenSSH's client through the same relay: to our agent's port and to ssh -R's.
    std::vector<std::unique_ptr<QProcess>> clients;
    const auto addOpenSsh = [&](const QString &name, quint16 relayedPort, bool ourCipher) -> bool {
        const OpenSshFiles files =
            writeOpenSshFiles(s.dir.path(), QString::number(clients.size()), s.relay, s.target,
                              relayedPort, s.target.clientKeyPath(), ourCipher);
        const quint16 local = ssh::test::freeLoopbackPort();
        auto process =
            startSsh({u"-F"_s, files.config, u"-N"_s, u"-L"_s,
                      u"127.0.0.1:%1:127.0.0.1:%2"_s.arg(local).arg(server.port()), u"target"_s});
        if (!waitFor([&] { return echoWorks(local); }, 30000)) {
            std::fprintf(stderr, "%s did not come up\n", qPrintable(name));
            return false;
        }
        const qint64 pid = process->processId();
        paths.push_back(makePath(name, local, [pid] { return cpuOf(processTree(pid)); }));
        clients.push_back(std::move(process));
        return true;
    };
    if ((!addOpenSsh(u"ssh -J, default cipher"_s, oursPort, false) ||
         !addOpenSsh(u"ssh -J, our cipher"_s, oursPort, true)))
        return 1;
    if (!addOpenSsh(u"ssh -J + ssh -R agent"_s, opensshAgentPort, false))
        return 1;
    // Which agent carries a path's bytes: ours for the relayed paths, ssh -R for the last.
    const qint64 agentPid = opensshAgent->processId();
    const auto agentCpu = [&](const Path &path) {
        return path.name.contains(u"ssh -R"_s) ? cpuOf(processTree(agentPid)) : ours.cpuSeconds();
    };
    const auto relayed = [](const Path &path) {
        return path.name.startsWith(u"relayed"_s) || path.name.startsWith(u"ssh -J"_s);
    };

    std::thread measure([&] {
        const double mb = double(bytes) / 1e6;
        const double gb = mb / 1000;
        for (int round = 0; round < rounds; ++round) {
            for (Path &path : paths) {
                const auto sample = [&] {
                    return std::tuple{path.clientCpu ? path.clientCpu() : 0.0,
                                      cpuOf(s.relay.pids()), agentCpu(path)};
                };
                auto [client0, relay0, agent0] = sample();
                path.upload.append(mb / uploadSeconds(path.port, bytes));
                auto [client1, relay1, agent1] = sample();
                path.download.append(mb / downloadSeconds(path.port, bytes));
                auto [client2, relay2, agent2] = sample();
                path.uploadClientCpu.append((client1 - client0) / gb);
                path.downloadClientCpu.append((client2 - client1) / gb);
                if (relayed(path)) {
                    path.relayCpu.append((relay2 - relay0) / (2 * gb));
                    path.agentCpu.append((agent2 - agent0) / (2 * gb));
                }
                std::fprintf(stderr, "round %d %-28s up %7.0f MB/s  down %7.0f MB/s\n", round + 1,
                             qPrintable(path.name), path.upload.last(), path.download.last());
            }
        }
        for (Path &path : paths) {
            roundTrips(path.port, 500, requestSize); // warm-up
            path.rtt = roundTrips(path.port, requests, requestSize);
        }
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    qApp->exec();
    measure.join();

    QTextStream out(stdout);
    out << "\nRelay paths: " << bytes / (1024 * 1024) << " MiB per transfer, median of " << rounds
        << " rounds; " << requests << " echo round trips of " << requestSize << " bytes\n";
    out << "relay sshd config: " << s.relay.configSource() << "\n";
    out << "our sessions (direct, relayed: both hops) and the agent's: " << kCipher << " + " << kMac
        << " (libssh2 1.10 has no GCM/chacha20); ssh -J default: OpenSSH's choice on "
           "both hops; ssh -J our cipher: "
        << kCipher << " + " << kMac << " on both hops; ssh -R agent: OpenSSH's default\n\n";
    const double direct50 = percentile(paths[1].rtt, 50);
    const double direct99 = percentile(paths[1].rtt, 99);
    out << qSetFieldWidth(30) << Qt::left << "path" << qSetFieldWidth(10) << Qt::right << "up MB/s"
        << "down MB/s"
        << "p50 µs"
        << "p99 µs" << qSetFieldWidth(13) << "+p50 vs dir"
        << "+p99 vs dir" << qSetFieldWidth(12) << "client up"
        << "client dn"
        << "relay sshd"
        << "agent" << qSetFieldWidth(0) << "   (CPU s/GB)\n";
    for (const Path &path : paths) {
        const double p50 = percentile(path.rtt, 50);
        const double p99 = percentile(path.rtt, 99);
        const bool isRelayed = relayed(path);
        out << qSetFieldWidth(30) << Qt::left << path.name << qSetFieldWidth(10) << Qt::right
            << cell(percentile(path.upload, 50)) << cell(percentile(path.download, 50))
            << cell(p50, 1) << cell(p99, 1) << qSetFieldWidth(13)
            << (isRelayed ? cell(p50 - direct50, 1) : u"-"_s)
            << (isRelayed ? cell(p99 - direct99, 1) : u"-"_s) << qSetFieldWidth(12)
            << cell(percentile(path.uploadClientCpu, 50), 2)
            << cell(percentile(path.downloadClientCpu, 50), 2)
            << cell(percentile(path.relayCpu, 50), 2) << cell(percentile(path.agentCpu, 50), 2)
            << qSetFieldWidth(0) << "\n";
    }
    const auto find = [&](const QString &prefix) -> const Path * {
        for (const Path &path : paths) {
            if (path.name.startsWith(prefix))
                return &path;
        }
        return nullptr;
    };
    const auto compare = [&](const QString &label, const Path *a, const Path *b,
                             const QString &target) {
        if (!a || !b)
            return;
        out << label << ": upload " << ratio(percentile(a->upload, 50), percentile(b->upload, 50))
            << "  download " << ratio(percentile(a->download, 50), percentile(b->download, 50))
            << target << "\n";
    };
    out << "\n";
    compare(u"relayed Session / ssh -J (default cipher)"_s, find(u"relayed"_s),
            find(u"ssh -J, default"_s), u"   (target >= 0.90x)"_s);
    compare(u"relayed Session / ssh -J (our cipher)    "_s, find(u"relayed"_s),
            find(u"ssh -J, our"_s), {});
    compare(u"relayed Session / direct Session         "_s, find(u"relayed"_s), find(u"direct"_s),
            {});
    compare(u"ssh -J (default) / ssh -J + ssh -R agent "_s, find(u"ssh -J, default"_s),
            find(u"ssh -J + ssh -R"_s), u"   (our agent vs OpenSSH's)"_s);
    if (const Path *path = find(u"relayed"_s)) {
        out << "relayed Session added latency over the direct Session: p50 "
            << QString::number((percentile(path->rtt, 50) - direct50) / 1000.0, 'f', 3)
            << " ms, p99 "
            << QString::number((percentile(path->rtt, 99) - direct99) / 1000.0, 'f', 3)
            << " ms   (target p50 <= 2 ms)\n";
    }
    if (const Path *path = find(u"ssh -J, default"_s)) {
        out << "ssh -J added latency over the direct Session: p50 "
            << QString::number((percentile(path->rtt, 50) - direct50) / 1000.0, 'f', 3)
            << " ms, p99 "
            << QString::number((percentile(path->rtt, 99) - direct99) / 1000.0, 'f', 3) << " ms\n";
    }
    out.flush();
    sessions.clear();
    for (auto &client : clients)
        stopProcess(client.get());
    stopProcess(opensshAgent.get());
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Part 2: the relay holding many relayed instances, idle.

struct HoldShape
{
    int agents = 0;
    int forwards = 0; ///< per agent
};

/// The agent side of --hold with our ReverseForwarder, in a child process of its own so that
/// its RSS and CPU are the agents' alone. Reads a JSON plan, prints "ready" when every agent
/// holds all its forwards, then idles until stdin closes.
int runAgentChild(const QString &planPath)
{
    QFile file(planPath);
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    const QJsonObject plan = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    const ssh::Endpoint relay{u"127.0.0.1"_s, quint16(plan[u"relay_port"_s].toInt()),
                              u"suanli-host"_s, plan[u"relay_host_key"_s].toString()};
    const quint16 target = quint16(plan[u"target_port"_s].toInt());
    std::vector<std::unique_ptr<ssh::ReverseForwarder>> forwarders;
    int complete = 0;
    const QJsonArray agents = plan[u"agents"_s].toArray();
    for (const QJsonValue &agent : agents) {
        QList<ssh::ReverseForwardSpec> specs;
        for (const QJsonValue &port : agent[u"ports"_s].toArray())
            specs.append({quint16(port.toInt()), u"127.0.0.1"_s, target});
        auto forwarder = std::make_unique<ssh::ReverseForwarder>(
            relay, ssh::Identity{agent[u"key"_s].toString(), {}}, ssh::SessionOptions{});
        QObject::connect(
            forwarder.get(), &ssh::ReverseForwarder::forwardsChanged, qApp,
            [&complete, want = specs.size(), done = false](const QList<quint16> &active) mutable {
                if (!done && active.size() == want) {
                    done = true;
                    ++complete;
                }
            });
        forwarder->setForwards(specs);
        forwarders.push_back(std::move(forwarder));
        // Logins a few milliseconds apart, as agents arriving one by one.
        const QDeadlineTimer gap(20);
        while (!gap.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    if (!waitFor([&] { return complete >= int(agents.size()); }, 180000)) {
        std::fprintf(stderr, "agents: %d of %d hold all their forwards\n", complete,
                     int(agents.size()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    // Idle until the parent closes our stdin.
    QSocketNotifier closed(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&closed, &QSocketNotifier::activated, qApp, &QCoreApplication::quit);
    return qApp->exec();
}

struct HoldResult
{
    QString agentKind;
    HoldShape shape;
    Memory relayBase;
    Memory relay;
    double relayCpuPercent = 0;
    Memory agent;
    double agentCpuPercent = 0;
    double setupSeconds = 0;
};

std::optional<HoldResult> hold(Setup &s, const QString &agentKind, HoldShape shape, int window,
                               const QString &self)
{
    // The relay at rest first: connections of earlier measurements gone, the listener alone.
    waitFor([&] { return s.relay.pids().size() <= 1; }, 30000);
    HoldResult result{agentKind, shape, memoryOf(s.relay.pids()), {}, 0, {}, 0, 0};
    const QList<quint16> ports = freePorts(shape.agents * shape.forwards);
    QStringList lines;
    QJsonArray agents;
    std::vector<QString> keys;
    for (int a = 0; a < shape.agents; ++a) {
        const QString key = s.dir.path() + u"/hold_agent_%1"_s.arg(a);
        QString publicLine;
        if (!makeKey(key, &publicLine))
            return std::nullopt;
        const QList<quint16> mine = ports.mid(a * shape.forwards, shape.forwards);
        lines.append(permitLine("permitlisten", mine, publicLine));
        QJsonArray jsonPorts;
        for (const quint16 port : mine)
            jsonPorts.append(port);
        agents.append(QJsonObject{{u"key"_s, key}, {u"ports"_s, jsonPorts}});
        keys.push_back(key);
    }
    s.relay.setKeys(u"suanli-host"_s, lines);

    QElapsedTimer setup;
    setup.start();
    std::vector<std::unique_ptr<QProcess>> processes;
    if (agentKind == "ours"_L1) {
        const QString planPath = s.dir.path() + u"/hold_plan.json"_s;
        QFile plan(planPath);
        if (!plan.open(QIODevice::WriteOnly))
            return std::nullopt;
        plan.write(QJsonDocument(QJsonObject{{u"relay_port"_s, s.relay.port()},
                                             {u"relay_host_key"_s, s.relay.hostKeyLine()},
                                             {u"target_port"_s, s.target.port()},
                                             {u"agents"_s, agents}})
                       .toJson());
        plan.close();
        auto child = std::make_unique<QProcess>();
        child->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child->start(self, {u"--agent-child"_s, planPath});
        if (!child->waitForStarted() ||
            !waitFor([&] { return child->canReadLine() || child->state() != QProcess::Running; },
                     240000) ||
            child->readLine().trimmed() != "ready") {
            std::fprintf(stderr, "the agent child did not get ready\n%s\n",
                         qPrintable(s.relay.log().right(3000)));
            stopProcess(child.get());
            return std::nullopt;
        }
        processes.push_back(std::move(child));
    } else {
        for (int a = 0; a < shape.agents; ++a) {
            const OpenSshFiles files = writeOpenSshFiles(s.dir.path(), u"hold%1"_s.arg(a), s.relay,
                                                         s.target, 22, keys[a], false);
            QStringList arguments{u"-F"_s, files.config, u"-N"_s};
            for (const quint16 port : ports.mid(a * shape.forwards, shape.forwards))
                arguments << u"-R"_s
                          << u"127.0.0.1:%1:127.0.0.1:%2"_s.arg(port).arg(s.target.port());
            arguments << u"agent"_s;
            processes.push_back(startSsh(arguments));
            QThread::msleep(20);
        }
    }
    // Every relay port answers with the target sshd's banner through its reverse forward.
    for (const quint16 port : ports) {
        if (!waitFor([&] { return bannerAt(port); }, 60000)) {
            std::fprintf(stderr, "relay port %u does not answer\n%s\n", unsigned(port),
                         qPrintable(s.relay.log().right(3000)));
            for (auto &process : processes)
                stopProcess(process.get());
            return std::nullopt;
        }
    }
    result.setupSeconds = double(setup.elapsed()) / 1000;
    QThread::sleep(5); // settle: the probes' connections end
    const auto agentPids = [&] {
        QList<qint64> pids;
        for (const auto &process : processes)
            pids += processTree(process->processId());
        return pids;
    };
    const QList<qint64> relayPids = s.relay.pids();
    const QList<qint64> agentSide = agentPids();
    const double relay0 = cpuOf(relayPids);
    const double agent0 = cpuOf(agentSide);
    QElapsedTimer idle;
    idle.start();
    QThread::sleep(unsigned(window));
    const double seconds = double(idle.nsecsElapsed()) / 1e9;
    result.relayCpuPercent = 100 * (cpuOf(s.relay.pids()) - relay0) / seconds;
    result.agentCpuPercent = 100 * (cpuOf(agentSide) - agent0) / seconds;
    result.relay = memoryOf(s.relay.pids());
    result.agent = memoryOf(agentSide);
    for (auto &process : processes) {
        if (agentKind == "ours"_L1)
            process->closeWriteChannel();
        if (!process->waitForFinished(agentKind == "ours"_L1 ? 10000 : 0))
            stopProcess(process.get());
    }
    // The relay's connection processes end with their agents.
    waitFor([&] { return s.relay.pids().size() <= 1; }, 20000);
    s.relay.setKeys(u"suanli-host"_s, {});
    return result;
}

QString mb(qint64 kb)
{
    return QString::number(double(kb) / 1024, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The NAT relay on loopback: paths and held instances."_s);
    parser.addHelpOption();
    const QCommandLineOption mibOption(u"mib"_s, u"Transfer size in MiB (default 1024)."_s, u"n"_s,
                                       u"1024"_s);
    const QCommandLineOption roundsOption(
        u"rounds"_s, u"Transfers per direction and path; the median is shown (default 3)."_s,
        u"n"_s, u"3"_s);
    const QCommandLineOption requestsOption(
        u"requests"_s, u"Echo round trips per path (default 20000)."_s, u"n"_s, u"20000"_s);
    const QCommandLineOption sizeOption(u"size"_s, u"Bytes per echo request (default 64)."_s,
                                        u"n"_s, u"64"_s);
    const QCommandLineOption holdOption(
        u"hold"_s,
        u"Held-instance shapes, AGENTSxFORWARDS comma-separated (default 1x200,10x20,200x1)."_s,
        u"list"_s, u"1x200,10x20,200x1"_s);
    const QCommandLineOption windowOption(
        u"window"_s, u"Idle window per shape in seconds (default 60)."_s, u"s"_s, u"60"_s);
    const QCommandLineOption onlyOption(u"only"_s, u"paths or hold (default: both)."_s, u"part"_s);
    const QCommandLineOption agentsOption(
        u"hold-agents"_s, u"Agent sides for --hold: ours, openssh or both (default both)."_s,
        u"kind"_s, u"both"_s);
    const QCommandLineOption marketOption(
        u"market"_s, u"The suanli-market binary whose relay-config the relay runs."_s, u"path"_s,
#ifdef SUANLI_MARKET_BINARY
        QStringLiteral(SUANLI_MARKET_BINARY)
#else
        QString()
#endif
    );
    const QCommandLineOption childOption(u"agent-child"_s, u"Internal: the --hold agent side."_s,
                                         u"plan"_s);
    parser.addOptions({mibOption, roundsOption, requestsOption, sizeOption, holdOption,
                       windowOption, onlyOption, agentsOption, marketOption, childOption});
    parser.process(app);
    if (parser.isSet(childOption))
        return runAgentChild(parser.value(childOption));
    if (::getuid() != 0) {
        std::fprintf(stderr, "relay-bench runs the relay sshd and its users: run it as root\n");
        return 1;
    }

    Setup s;
    QString error;
    if (!RelaySshd::ensureUsers(&error) || !s.target.start(&error) ||
        !s.relay.start(parser.value(marketOption), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    s.agentKey = s.dir.path() + u"/agent_ed25519"_s;
    if (!makeKey(s.agentKey, &s.agentPublic)) {
        std::fprintf(stderr, "could not make the agent's key\n");
        return 1;
    }
    const QString only = parser.value(onlyOption);
    if (only.isEmpty() || only == "paths"_L1) {
        const int rc =
            measurePaths(s, parser.value(mibOption).toULongLong() * 1024 * 1024,
                         parser.value(roundsOption).toInt(), parser.value(requestsOption).toInt(),
                         parser.value(sizeOption).toInt());
        if (rc != 0)
            return rc;
    }
    if (only.isEmpty() || only == "hold"_L1) {
        QStringList kinds;
        const QString wanted = parser.value(agentsOption);
        if (wanted != "openssh"_L1)
            kinds << u"ours"_s;
        if (wanted != "ours"_L1)
            kinds << u"openssh"_s;
        std::vector<HoldResult> results;
        for (const QString &spec : parser.value(holdOption).split(u',', Qt::SkipEmptyParts)) {
            const HoldShape shape{spec.section(u'x', 0, 0).toInt(),
                                  spec.section(u'x', 1, 1).toInt()};
            if (shape.agents <= 0 || shape.forwards <= 0) {
                std::fprintf(stderr, "--hold takes AGENTSxFORWARDS, e.g. 1x200\n");
                return 1;
            }
            for (const QString &kind : kinds) {
                std::fprintf(stderr, "holding %d x %d forwards with %s agents…\n", shape.agents,
                             shape.forwards, qPrintable(kind));
                auto result = hold(s, kind, shape, parser.value(windowOption).toInt(),
                                   QCoreApplication::applicationFilePath());
                if (!result)
                    return 1;
                results.push_back(*result);
            }
        }
        QTextStream out(stdout);
        out << "\nHeld relayed instances, idle " << parser.value(windowOption)
            << " s each (relay: every sshd process of the relay; RSS summed, PSS shares shared "
               "pages)\nrelay sshd config: "
            << s.relay.configSource() << "\n\n";
        out << qSetFieldWidth(9) << Qt::left << "agent" << qSetFieldWidth(12) << "shape"
            << Qt::right << qSetFieldWidth(11) << "setup s"
            << "relay proc"
            << "relay RSS"
            << "relay PSS"
            << "per inst"
            << "relay CPU"
            << "agent RSS"
            << "agent CPU" << qSetFieldWidth(0)
            << "   (MiB; KiB per instance over the idle relay; % of one core)\n";
        for (const HoldResult &r : results) {
            const int instances = r.shape.agents * r.shape.forwards;
            out << qSetFieldWidth(9) << Qt::left << r.agentKind << qSetFieldWidth(12)
                << u"%1x%2"_s.arg(r.shape.agents).arg(r.shape.forwards) << Qt::right
                << qSetFieldWidth(11) << QString::number(r.setupSeconds, 'f', 1)
                << r.relay.processes << mb(r.relay.rssKb) << mb(r.relay.pssKb)
                << QString::number(double(r.relay.rssKb - r.relayBase.rssKb) / instances, 'f', 1)
                << QString::number(r.relayCpuPercent, 'f', 3) + u"%"_s << mb(r.agent.rssKb)
                << QString::number(r.agentCpuPercent, 'f', 3) + u"%"_s << qSetFieldWidth(0) << "\n";
        }
        if (!results.empty())
            out << "idle relay before each shape: " << results.front().relayBase.processes
                << " process(es), " << mb(results.front().relayBase.rssKb)
                << " MiB RSS; targets: relay <= 100 MB RSS and <= 5 % of a core with 200 "
                   "instances\n";
    }
    return 0;
}
