// The renter's side of tests/net/relay-e2e, run inside the renter's network namespace: the
// real market and relay sshd on the public side, the real agent with a real Podman instance
// behind a NAT (docs/relay.md). Through the relay: the app's BlockingSession (exec), an SFTP
// dataset sync with the sync engine, InstanceAccess's Jupyter tunnel and a port forward, the
// real OpenSSH client and rsync through the ~/.ssh/config file the app writes. Then the faults
// (relay sshd killed and restarted mid-session, the lender's link cut and restored, the agent
// restarted), each ending with a new session within seconds and exact billing; then the abuse
// cases, each refused with nothing else changed. Started only by relay-e2e (the environment
// names the market, the relay and `ctl`); on its own it fails.

#include "app/access/instanceaccess.h"
#include "protocol/json.h"
#include "ssh/blockingsession.h"
#include "ssh/sshconfig.h"
#include "support/marketharness.h"
#include "sync/syncjob.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace Qt::StringLiterals;
using namespace suanli;

namespace {

constexpr auto kImage = "localhost/suanli/base:bookworm";
/// 3600 per hour for the whole machine: one billed second is exactly 1,000,000 µ.
constexpr qint64 kMicroPerSecond = 1'000'000;
/// How long a new session may take after a fault is repaired.
constexpr int kRecoverMs = 30000;

QByteArray env(const char *name)
{
    return qgetenv(name);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// "TYPE KEY" of an OpenSSH public key line.
QString keyOf(const QString &line)
{
    return line.split(u' ', Qt::SkipEmptyParts).mid(0, 2).join(u' ');
}

qint64 msOf(const QJsonValue &at)
{
    return QDateTime::fromString(at.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

struct Run
{
    int code = -1; ///< -1: did not finish (killed after the timeout) or crashed
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 30000)
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(5000))
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    } else if (p.exitStatus() == QProcess::NormalExit) {
        r.code = p.exitCode();
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

struct HttpResult
{
    int status = 0;
    QUrl url; ///< after redirects
    QByteArray body;
};

HttpResult httpGet(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    HttpResult r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->url(),
                 reply->readAll()};
    reply->deleteLater();
    return r;
}

} // namespace

class TestNetRelay : public QObject
{
    Q_OBJECT

    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
    };

    QString m_market;
    QString m_relayHost;
    quint16 m_relayPort = 0;
    QStringList m_ctl;
    QString m_netDir;
    QByteArray m_renterA;
    QByteArray m_renterB;
    QByteArray m_lender;
    QByteArray m_platform;
    QString m_relayKey; ///< "ssh-ed25519 AAAA…" of the relay sshd
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;

    qint64 m_instance = 0; ///< renter A's, on the NAT'd host, once it runs relayed
    protocol::Instance m_running;
    std::unique_ptr<access::InstanceAccess> m_access;
    std::unique_ptr<ssh::SshConfig> m_config;
    quint16 m_servicePort = 8000; ///< a web server in the instance, for the port forward
    bool m_synced = false;        ///< the dataset is on the instance, the web server started

    // The abuse cases' second, scripted host "rig-b" (relayed, key m_hostKeyB) and renter B's
    // instance on it.
    std::unique_ptr<testing::ScriptedAgent> m_agentB;
    qint64 m_hostB = 0;
    qint64 m_instanceB = 0;
    int m_portB = 0;

    QString key(const QString &name) const { return m_dir.filePath(name); }
    QString publicLine(const QString &name) const
    {
        return QString::fromUtf8(readFile(key(name) + u".pub"_s)).trimmed();
    }
    ssh::Identity identityA() const { return {key(u"renter_a"_s), {}}; }
    ssh::Endpoint endpoint() const { return ssh::endpointFromProtocol(*m_running.ssh); }

    Reply call(const QByteArray &method, const QString &path, const QByteArray &token,
               const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(m_market + path));
        request.setRawHeader("Authorization", "Bearer " + token);
        QByteArray data;
        if (!body.isEmpty()) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            data = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, data);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(15000);
        Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll(),
                {}};
        r.json = QJsonDocument::fromJson(r.body).object();
        reply->deleteLater();
        return r;
    }

    QJsonObject instanceJson(qint64 id, const QByteArray &token)
    {
        return call("GET", u"/api/v1/instances/%1"_s.arg(id), token).json;
    }

    bool waitState(qint64 id, const QByteArray &token, const QString &state, int timeoutMs,
                   QJsonObject *last = nullptr)
    {
        QJsonObject seen;
        const bool reached = QTest::qWaitFor(
            [&] {
                seen = instanceJson(id, token);
                if (seen.value(u"state"_s).toString() == state)
                    return true;
                QTest::qWait(200);
                return false;
            },
            timeoutMs);
        if (!reached)
            qWarning("instance %lld: wanted %s, is %s", id, qPrintable(state),
                     QJsonDocument(seen).toJson(QJsonDocument::Compact).constData());
        if (last)
            *last = seen;
        return reached;
    }

    bool ctl(const QStringList &action)
    {
        const Run r = run(m_ctl.first(), m_ctl.mid(1) + action, 60000);
        if (r.code != 0)
            qWarning("ctl %s: %d %s", qPrintable(action.join(u' ')), r.code, r.err.constData());
        return r.code == 0;
    }

    /// A fresh BlockingSession through the relay that runs a command: "" when it worked, else
    /// why not.
    QString freshExec(const QByteArray &command = "echo fresh-$((6 * 7))",
                      const QByteArray &expect = "fresh-42",
                      std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        ssh::SessionOptions options;
        options.connectTimeout = timeout;
        ssh::BlockingSession session;
        const Result<void> connected = session.connect(endpoint(), identityA(), options, timeout);
        if (!connected)
            return u"connect: "_s + connected.error().message;
        auto ran = session.exec(command);
        if (!ran)
            return u"exec: "_s + ran.error().message;
        if (ran->exitStatus != 0 || !ran->out.contains(expect))
            return u"exec gave %1: %2"_s.arg(ran->exitStatus).arg(QString::fromUtf8(ran->out));
        return {};
    }

    /// Polls freshExec until it works; the time it took, or -1.
    qint64 timeToNewSession(int timeoutMs = kRecoverMs)
    {
        QElapsedTimer since;
        since.start();
        QString why;
        while (since.elapsed() < timeoutMs) {
            why = freshExec("echo fresh-$((6 * 7))", "fresh-42", std::chrono::seconds(5));
            if (why.isEmpty())
                return since.elapsed();
            QTest::qWait(250);
        }
        qWarning("no new session within %d ms: %s", timeoutMs, qPrintable(why));
        return -1;
    }

    QJsonArray ledger(const QByteArray &token)
    {
        return call("GET", u"/api/v1/ledger?limit=1000000"_s, token)
            .json.value(u"entries"_s)
            .toArray();
    }

    /// The billing of renter A's instance is exact: one running period, seen by the market
    /// from the `running` event; what the ledger charged for it is floor(seconds) × the rate
    /// up to the last accrual (the end of the period once it ended); every accrual is the
    /// lender's earning plus the platform's fee; every account's balance chain adds up.
    void checkBilling(bool ended)
    {
        const QJsonArray events =
            call("GET", u"/api/v1/instances/%1/events"_s.arg(m_instance), m_renterA)
                .json.value(u"events"_s)
                .toArray();
        qint64 start = 0;
        qint64 end = 0;
        int periods = 0;
        for (const QJsonValue &e : events) {
            const QString state = e[u"state"_s].toString();
            QVERIFY2(state != "interrupted"_L1, "the instance was interrupted");
            if (state == "running"_L1 && !start) {
                start = msOf(e[u"at"_s]);
                ++periods;
            } else if (state == "running"_L1) {
                QVERIFY2(end == 0, "a second running period");
            } else if (start && !end &&
                       (state == "stopped"_L1 || state == "destroying"_L1 ||
                        state == "destroyed"_L1 || state == "failed"_L1)) {
                end = msOf(e[u"at"_s]);
            }
        }
        QCOMPARE(periods, 1);
        QVERIFY(start > 0);
        QCOMPARE(end != 0, ended);

        const QJsonArray renter = ledger(m_renterA);
        qint64 charged = 0;
        qint64 last = 0;
        QHash<QString, qint64> charges; // idempotency key → amount charged (positive)
        for (const QJsonValue &e : renter) {
            if (e[u"instance_id"_s].toInteger() != m_instance)
                continue;
            const QString kind = e[u"kind"_s].toString();
            QVERIFY2(kind == "gpu"_L1 || kind == "guard"_L1, qPrintable(kind));
            if (kind != "gpu"_L1)
                continue;
            charged -= e[u"amount_micro"_s].toInteger();
            charges.insert(e[u"idempotency_key"_s].toString(), -e[u"amount_micro"_s].toInteger());
            last = std::max(last, msOf(e[u"at"_s]));
        }
        QVERIFY2(last > start, "nothing charged yet");
        QCOMPARE(charged, (last - start) / 1000 * kMicroPerSecond);
        if (ended) {
            // Billed to the period's end: the last accrual is there, or less than the second
            // that would have charged more before it (no entry for a fraction of a second).
            QVERIFY(last <= end);
            QCOMPARE(charged, (end - start) / 1000 * kMicroPerSecond);
        }
        QCOMPARE(instanceJson(m_instance, m_renterA).value(u"spend_micro"_s).toInteger(), charged);

        // Each accrual split between the lender and the platform, exactly.
        if (m_platform.isEmpty()) {
            const Run issued = run(m_ctl.first(), m_ctl.mid(1) + QStringList{u"platform-token"_s});
            QVERIFY2(issued.code == 0, issued.err.constData());
            m_platform = issued.out.trimmed();
        }
        QHash<QString, qint64> earnings;
        for (const QJsonValue &e : ledger(m_lender)) {
            if (e[u"instance_id"_s].toInteger() == m_instance)
                earnings.insert(e[u"idempotency_key"_s].toString(),
                                e[u"amount_micro"_s].toInteger());
        }
        QHash<QString, qint64> fees;
        for (const QJsonValue &e : ledger(m_platform)) {
            if (e[u"instance_id"_s].toInteger() == m_instance)
                fees.insert(e[u"idempotency_key"_s].toString(), e[u"amount_micro"_s].toInteger());
        }
        for (auto it = charges.cbegin(); it != charges.cend(); ++it) {
            const qint64 earning = earnings.value(it.key() + u":earning"_s, -1);
            const qint64 fee = fees.value(it.key() + u":fee"_s, -1);
            QVERIFY2(earning >= 0 && fee >= 0, qPrintable(it.key()));
            QCOMPARE(earning + fee, it.value());
        }
        QCOMPARE(earnings.size(), charges.size());
        QCOMPARE(fees.size(), charges.size());

        // Every account's entries chain: balance after = the one before + amount.
        for (const QByteArray &token : {m_renterA, m_renterB, m_lender, m_platform}) {
            qint64 balance = 0;
            for (const QJsonValue &e : ledger(token)) {
                balance += e[u"amount_micro"_s].toInteger();
                QCOMPARE(e[u"balance_after_micro"_s].toInteger(), balance);
            }
        }
    }

    /// The OpenSSH client against the relay alone, as `user` with `key` (no config file),
    /// `extra` the forwarding options; the relay's key pinned.
    Run relaySsh(const QString &user, const QString &keyPath, const QStringList &extra,
                 int timeoutMs = 15000)
    {
        const QString knownHosts = m_dir.filePath(u"relay_known_hosts"_s);
        if (!QFile::exists(knownHosts)) {
            QFile f(knownHosts);
            f.open(QIODevice::WriteOnly);
            f.write(u"[%1]:%2 %3\n"_s.arg(m_relayHost).arg(m_relayPort).arg(m_relayKey).toUtf8());
        }
        return run(u"ssh"_s,
                   QStringList{u"-F"_s, u"/dev/null"_s, u"-i"_s, keyPath, u"-o"_s,
                               u"IdentitiesOnly=yes"_s, u"-o"_s, u"BatchMode=yes"_s, u"-o"_s,
                               u"StrictHostKeyChecking=yes"_s, u"-o"_s,
                               u"UserKnownHostsFile="_s + knownHosts, u"-o"_s,
                               u"ConnectTimeout=10"_s, u"-p"_s, QString::number(m_relayPort),
                               u"-l"_s, user} +
                       extra + QStringList{m_relayHost},
                   timeoutMs);
    }
    /// A renter's `ssh -W 127.0.0.1:PORT` (what ProxyJump does) with `keyPath`.
    Run openRelayPort(const QString &keyPath, int port)
    {
        return relaySsh(u"suanli"_s, keyPath, {u"-W"_s, u"127.0.0.1:%1"_s.arg(port)});
    }
    /// An agent's `ssh -N -R 127.0.0.1:PORT:…` with `keyPath`: exit 255 when refused; still
    /// running after 4 s (-1 here) when the relay granted the listen.
    Run listenRelayPort(const QString &keyPath, int port)
    {
        return relaySsh(u"suanli-host"_s, keyPath,
                        {u"-N"_s, u"-o"_s, u"ExitOnForwardFailure=yes"_s, u"-R"_s,
                         u"127.0.0.1:%1:127.0.0.1:9"_s.arg(port)},
                        4000);
    }

    /// Renter A's access is as it was: a new app session works, the instance still runs.
    void accessUnchanged()
    {
        QCOMPARE(instanceJson(m_instance, m_renterA).value(u"state"_s).toString(), u"running"_s);
        const QString why = freshExec();
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_market = QString::fromUtf8(env("SUANLI_NET_MARKET"));
        const QString relay = QString::fromUtf8(env("SUANLI_NET_RELAY"));
        m_ctl = QString::fromUtf8(env("SUANLI_NET_CTL")).split(u' ', Qt::SkipEmptyParts);
        m_netDir = QString::fromUtf8(env("NET_DIR"));
        QVERIFY2(!m_market.isEmpty() && !relay.isEmpty() && !m_ctl.isEmpty() && !m_netDir.isEmpty(),
                 "run by tests/net/relay-e2e, which sets SUANLI_NET_* and NET_DIR");
        m_relayHost = relay.section(u':', 0, 0);
        m_relayPort = quint16(relay.section(u':', 1).toUInt());
        const auto token = [this](const char *who) {
            return readFile(m_netDir + u"/tokens/"_s + QLatin1StringView(who)).trimmed();
        };
        m_renterA = token("renter-a");
        m_renterB = token("renter-b");
        m_lender = token("lender");
        QVERIFY(!m_renterA.isEmpty() && !m_renterB.isEmpty() && !m_lender.isEmpty());
        m_relayKey = keyOf(QString::fromUtf8(readFile(m_netDir + u"/relay/host_ed25519.pub"_s)));
        QVERIFY(m_relayKey.startsWith(u"ssh-ed25519 "_s));
        for (const QString &name : {u"renter_a"_s, u"renter_b"_s, u"stranger"_s, u"host_b"_s}) {
            QCOMPARE(run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, u""_s, u"-C"_s,
                                           name, u"-f"_s, key(name)})
                         .code,
                     0);
        }
        // The agent behind the NAT said hello: its offer is listed.
        const qint64 host = readFile(m_netDir + u"/host.id"_s).trimmed().toLongLong();
        QVERIFY(host > 0);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const QJsonArray offers = call("GET", u"/api/v1/offers"_s, m_renterA)
                                                       .json.value(u"offers"_s)
                                                       .toArray();
                         for (const QJsonValue &o : offers) {
                             if (o[u"host_id"_s].toInteger() == host)
                                 return true;
                         }
                         QTest::qWait(200);
                         return false;
                     },
                     30000),
                 "the agent behind the NAT never listed its offer");
    }

    // [network] mode auto behind the NAT: the market cannot reach the advertised address, so
    // the instance is relayed (D5, D7), and the agent publishes it on its loopback only (D6).
    void autoModePicksTheRelay()
    {
        const qint64 host = readFile(m_netDir + u"/host.id"_s).trimmed().toLongLong();
        Reply created = call("POST", u"/api/v1/instances"_s, m_renterA,
                             {{u"offer_id"_s, host},
                              {u"gpu_count"_s, 0},
                              {u"image"_s, QString::fromLatin1(kImage)},
                              {u"disk_gb"_s, 1},
                              {u"jupyter"_s, true},
                              {u"label"_s, u"net-a"_s},
                              {u"ssh_public_key"_s, publicLine(u"renter_a"_s)}});
        QVERIFY2(created.status == 201, created.body.constData());
        const qint64 id = created.json[u"id"_s].toInteger();
        QJsonObject running;
        QVERIFY(waitState(id, m_renterA, u"running"_s, 120000, &running));
        auto instance = protocol::instanceFromJson(running);
        QVERIFY2(instance.ok(), instance.ok() ? "" : qPrintable(instance.error().message));
        m_running = *instance;
        QVERIFY(m_running.ssh);
        const protocol::SshEndpoint &ssh = *m_running.ssh;
        QCOMPARE(ssh.host, u"127.0.0.1"_s);
        QVERIFY2(ssh.port >= 20000 && ssh.port <= 20099, qPrintable(QString::number(ssh.port)));
        QCOMPARE(ssh.user, u"root"_s);
        QVERIFY(ssh.host_key.startsWith(u"ssh-ed25519 "_s));
        QVERIFY2(ssh.jump, "auto mode behind a NAT gave no jump: the verdict was not relay");
        QCOMPARE(ssh.jump->host, m_relayHost);
        QCOMPARE(int(ssh.jump->port), int(m_relayPort));
        QCOMPARE(ssh.jump->user, u"suanli"_s);
        QCOMPARE(keyOf(ssh.jump->host_key), m_relayKey);

        // The lender's machine listens for the instance on its loopback only.
        const Run ports = run(m_ctl.first(), m_ctl.mid(1) + QStringList{u"lend-listeners"_s});
        QCOMPARE(ports.code, 0);
        bool published = false;
        for (const QByteArray &line : ports.out.split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 4)
                continue;
            const QByteArray local = fields[3];
            const int port = local.mid(local.lastIndexOf(':') + 1).toInt();
            if (port < 20000 || port > 20019)
                continue;
            published = true;
            QVERIFY2(local.startsWith("127.0.0.1:"), line.constData());
        }
        QVERIFY2(published, ports.out.constData());
        m_instance = id; // the steps below need this relayed instance
    }

    void appExecAndDatasetSync()
    {
        QVERIFY(m_instance);
        const QString why = freshExec("echo in-$((6 * 7)) $(id -un)", "in-42 root");
        QVERIFY2(why.isEmpty(), qPrintable(why));

        // A dataset: a large file (split across sessions), small files, a folder.
        const QString local = m_dir.filePath(u"dataset"_s);
        QVERIFY(QDir().mkpath(local + u"/small"_s));
        QByteArray big(6 * 1024 * 1024 + 13, Qt::Uninitialized);
        QRandomGenerator rng(16);
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char(rng.generate());
        QFile f(local + u"/big.bin"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(big);
        f.close();
        QByteArray expected =
            QCryptographicHash::hash(big, QCryptographicHash::Sha256).toHex() + "  ./big.bin\n";
        for (int i = 0; i < 20; ++i) {
            QFile s(local + u"/small/f%1.txt"_s.arg(i, 2, 10, QChar(u'0')));
            QVERIFY(s.open(QIODevice::WriteOnly));
            const QByteArray text = "file " + QByteArray::number(i) + "\n";
            s.write(text);
            expected += QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex() +
                        "  ./small/f" + QByteArray::number(i).rightJustified(2, '0') + ".txt\n";
        }
        sync::SyncOptions options;
        options.direction = sync::Direction::Upload;
        options.localRoot = local;
        options.remoteRoot = "/workspace/dataset";
        options.endpoint = endpoint();
        options.identity = identityA();
        options.journalPath = m_dir.filePath(u"sync.db"_s);
        options.sessions = 4;
        options.largeFileThreshold = 1024 * 1024;
        sync::SyncJob job(options);
        QSignalSpy finished(&job, &sync::SyncJob::finished);
        job.start();
        QVERIFY(finished.wait(120000));
        const sync::SyncReport report = job.report();
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(report.filesTransferred, 21);

        ssh::BlockingSession session;
        QVERIFY(session.connect(endpoint(), identityA()).ok());
        auto sums =
            session.exec("cd /workspace/dataset && find . -type f | sort | xargs sha256sum");
        QVERIFY(sums.ok());
        QCOMPARE(sums->out, expected);
        // The port forward's far end: a web server in the instance serving the dataset.
        auto started =
            session.exec("cd /workspace/dataset && { nohup python3 -m http.server " +
                         QByteArray::number(m_servicePort) +
                         " --bind 127.0.0.1 </dev/null >/dev/null 2>&1 & } ; echo started");
        QVERIFY(started.ok());
        QCOMPARE(started->exitStatus, 0);
        m_synced = true;
    }

    void appJupyterTunnelAndPortForward()
    {
        QVERIFY(m_instance);
        QVERIFY(m_synced);
        QVERIFY(m_running.jupyter);
        m_config = std::make_unique<ssh::SshConfig>(
            ssh::SshConfigPaths{m_dir.filePath(u"home/.ssh"_s), m_dir.filePath(u"app/ssh"_s)});
        ssh::SessionOptions options;
        options.keepaliveInterval = std::chrono::seconds(2);
        options.keepaliveMaxMissed = 2;
        options.reconnectDelayMin = std::chrono::milliseconds(100);
        options.reconnectDelayMax = std::chrono::milliseconds(1000);
        m_access = std::make_unique<access::InstanceAccess>(
            m_running, key(u"renter_a"_s), *m_config, [](const QUrl &) { return true; }, options);
        auto url = m_access->openJupyter();
        QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().message));
        QNetworkAccessManager network;
        HttpResult page;
        QTRY_VERIFY_WITH_TIMEOUT((page = httpGet(network, *url)).status == 200, 40000);
        QVERIFY2(page.body.contains("Jupyter"), page.body.left(300).constData());
        QVERIFY2(!page.url.path().startsWith(u"/login"_s), qPrintable(page.url.toString()));
        QCOMPARE(m_access->sessionState(), ssh::SessionState::Connected);

        auto forward = m_access->addForward(m_servicePort);
        QVERIFY2(forward.ok(), forward.ok() ? "" : qPrintable(forward.error().message));
        const QUrl file(u"http://127.0.0.1:%1/small/f07.txt"_s.arg(forward->localPort));
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(network, file).body, QByteArray("file 7\n"), 15000);
    }

    // The ~/.ssh/config file the app writes: plain ssh, rsync -e ssh, with both keys pinned.
    void opensshThroughTheWrittenConfig()
    {
        QVERIFY(m_access);
        QVERIFY(m_access->writeSshConfig().ok());
        const QString alias = m_access->hostAlias();
        const QByteArray file = readFile(m_config->hostFilePath(alias));
        QVERIFY2(file.contains(QByteArray("ProxyJump " + alias.toUtf8() + "-relay")),
                 file.constData());
        const QStringList common = {u"-F"_s, m_config->userConfigPath(), u"-o"_s,
                                    u"BatchMode=yes"_s};
        Run shell =
            run(u"ssh"_s, common + QStringList{alias, u"echo shell-$((6 * 7)); hostname"_s});
        QVERIFY2(shell.code == 0, shell.err.constData());
        QVERIFY2(shell.out.startsWith("shell-42\nnet-a"), shell.out.constData());

        const QString rsh = u"ssh -F '%1' -o BatchMode=yes"_s.arg(m_config->userConfigPath());
        Run up = run(u"rsync"_s,
                     {u"-a"_s, u"-e"_s, rsh, m_dir.filePath(u"dataset"_s) + u'/',
                      alias + u":/workspace/rsynced/"_s},
                     120000);
        QVERIFY2(up.code == 0, up.err.constData());
        Run sums = run(u"ssh"_s, common + QStringList{alias, u"cd /workspace && diff -r "
                                                             "dataset rsynced && echo same"_s});
        QVERIFY2(sums.code == 0 && sums.out == "same\n",
                 QByteArray(sums.out + sums.err).constData());
        const QString back = m_dir.filePath(u"back.bin"_s);
        Run down =
            run(u"rsync"_s, {u"-a"_s, u"-e"_s, rsh, alias + u":/workspace/rsynced/big.bin"_s, back},
                120000);
        QVERIFY2(down.code == 0, down.err.constData());
        QCOMPARE(readFile(back), readFile(m_dir.filePath(u"dataset/big.bin"_s)));
        checkBilling(false);
    }

    // Fault: the relay sshd and every session it carries die at once, then it comes back.
    void relayKilledAndRestartedMidSession()
    {
        QVERIFY(m_access);
        ssh::BlockingSession open;
        QVERIFY(open.connect(endpoint(), identityA()).ok());
        QVERIFY(open.exec("true").ok());
        QCOMPARE(m_access->sessionState(), ssh::SessionState::Connected);

        QVERIFY(ctl({u"relay-kill"_s}));
        QVERIFY2(!open.exec("true").ok(), "a session through a dead relay still ran a command");
        QVERIFY(!freshExec("true", "", std::chrono::seconds(3)).isEmpty());
        QVERIFY(ctl({u"relay-start"_s}));
        const qint64 took = timeToNewSession();
        QVERIFY(took >= 0);
        qInfo("relay restart: a new session after %lld ms", took);
        // The app's own event-loop session reconnects; its forward carries bytes again.
        QNetworkAccessManager network;
        quint16 local = 0;
        for (const ssh::ForwardStats &f : m_access->forwards()) {
            if (f.remotePort == m_servicePort)
                local = f.localPort;
        }
        QVERIFY(local);
        const QUrl file(u"http://127.0.0.1:%1/small/f03.txt"_s.arg(local));
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(network, file).body, QByteArray("file 3\n"), kRecoverMs);
        checkBilling(false);
    }

    // Fault: the lender's uplink goes down for a while, then comes back.
    void lenderLinkCutAndRestored()
    {
        QVERIFY(m_instance);
        QVERIFY(ctl({u"link-down"_s}));
        QTest::qWait(1000);
        QVERIFY2(!freshExec("true", "", std::chrono::seconds(3)).isEmpty(),
                 "a session reached the instance with the lender's link down");
        QTest::qWait(6000);
        QVERIFY(ctl({u"link-up"_s}));
        const qint64 took = timeToNewSession();
        QVERIFY(took >= 0);
        qInfo("link restored: a new session after %lld ms", took);
        checkBilling(false);
    }

    // Fault: the agent is killed and started again; the instance goes on running.
    void agentRestarted()
    {
        QVERIFY(m_instance);
        QVERIFY(ctl({u"agent-restart"_s}));
        const qint64 took = timeToNewSession();
        QVERIFY(took >= 0);
        qInfo("agent restart: a new session after %lld ms", took);
        // The agent is back on the market (a usage report or its hello) and billing goes on.
        QTest::qWait(6000);
        checkBilling(false);
    }

    // [network] mode relay: the same instance, relayed again after a restart in that mode.
    void relayModeAfterRestart()
    {
        QVERIFY(m_instance);
        QVERIFY(ctl({u"agent-mode"_s, u"relay"_s}));
        QVERIFY(ctl({u"agent-restart"_s}));
        const qint64 took = timeToNewSession();
        QVERIFY(took >= 0);
        qInfo("agent restart in mode relay: a new session after %lld ms", took);
        const QJsonObject now = instanceJson(m_instance, m_renterA);
        QCOMPARE(now[u"ssh"_s][u"port"_s].toInt(), int(m_running.ssh->port));
        QCOMPARE(now[u"ssh"_s][u"jump"_s][u"host"_s].toString(), m_relayHost);
    }

    // For the abuse cases: a second relayed host (a scripted agent with its own relay key)
    // and renter B's instance on it, so that B's key and that host's key are ones the market
    // knows, each with a port of its own.
    void abuseSetUp()
    {
        QVERIFY(m_instance);
        Reply created = call("POST", u"/api/v1/hosts"_s, m_lender, {{u"name"_s, u"rig-b"_s}});
        QVERIFY2(created.status == 201, created.body.constData());
        m_hostB = created.json[u"host"_s][u"id"_s].toInteger();
        const QByteArray token = created.json[u"token"_s].toString().toLatin1();
        Reply listed = call("PATCH", u"/api/v1/hosts/%1"_s.arg(m_hostB), m_lender,
                            {{u"listed"_s, true}, {u"price_gpu_hour_micro"_s, 1'000'000}});
        QVERIFY2(listed.status == 200, listed.body.constData());
        m_agentB = std::make_unique<testing::ScriptedAgent>(m_market, token);
        QNetworkRequest request{
            QUrl(QString(m_market).replace(u"http://"_s, u"ws://"_s) + u"/api/v1/agent"_s)};
        request.setRawHeader("Authorization", "Bearer " + token);
        QSignalSpy connected(&m_agentB->socket(), &QWebSocket::connected);
        m_agentB->socket().open(request);
        QVERIFY(connected.wait(5000));
        m_agentB->send(
            {{u"type"_s, u"hello"_s},
             {u"agent_version"_s, u"test"_s},
             {u"spec"_s,
              QJsonObject{{u"cpu_cores"_s, 8},
                          {u"ram_mb"_s, 32768},
                          {u"disk_free_gb"_s, 500},
                          {u"gpus"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                                             {u"uuid"_s, u"GPU-0"_s},
                                                             {u"model"_s, u"RTX 3090"_s},
                                                             {u"memory_mb"_s, 24576}}}}}},
             {u"address"_s, u"127.0.0.1"_s},
             {u"port_min"_s, 30000},
             {u"port_max"_s, 30010},
             {u"images"_s, QJsonArray{QJsonObject{{u"ref"_s, QString::fromLatin1(kImage)},
                                                  {u"title"_s, u"Debian"_s}}}},
             {u"instances"_s, QJsonArray{}},
             {u"network"_s, u"relay"_s},
             {u"relay_public_key"_s, keyOf(publicLine(u"host_b"_s))},
             {u"probe_port"_s, 0}});
        QCOMPARE(m_agentB->take(u"welcome"_s, 8000)[u"network"_s].toString(), u"relay"_s);

        Reply launched = call("POST", u"/api/v1/instances"_s, m_renterB,
                              {{u"offer_id"_s, m_hostB},
                               {u"gpu_count"_s, 1},
                               {u"image"_s, QString::fromLatin1(kImage)},
                               {u"disk_gb"_s, 1},
                               {u"label"_s, u"net-b"_s},
                               {u"ssh_public_key"_s, publicLine(u"renter_b"_s)}});
        QVERIFY2(launched.status == 201, launched.body.constData());
        m_instanceB = launched.json[u"id"_s].toInteger();
        const QJsonObject command = m_agentB->take(u"command"_s, 8000);
        QCOMPARE(command[u"action"_s].toString(), u"create"_s);
        m_agentB->report(m_instanceB, u"provisioning"_s);
        m_agentB->report(m_instanceB, u"running"_s, {}, command[u"id"_s].toString());
        QJsonObject running;
        QVERIFY(waitState(m_instanceB, m_renterB, u"running"_s, 10000, &running));
        m_portB = running[u"ssh"_s][u"port"_s].toInt();
        QVERIFY(m_portB >= 20000 && m_portB <= 20099);
        QVERIFY(m_portB != int(m_running.ssh->port));

        // The controls the refusals below are measured against: B's key may open its own
        // port (the relay lets the channel through; nothing listens there, so it fails to
        // connect), host B's key may listen on it.
        const Run own = openRelayPort(key(u"renter_b"_s), m_portB);
        QVERIFY2(own.err.contains("connect failed"), own.err.constData());
        QVERIFY2(!own.err.contains("administratively prohibited"), own.err.constData());
        const Run listen = listenRelayPort(key(u"host_b"_s), m_portB);
        QVERIFY2(listen.code == -1, listen.err.constData()); // still forwarding when stopped
    }

    void abuseUnknownKeyRefused()
    {
        QVERIFY(m_instance);
        const int portA = int(m_running.ssh->port);
        Run open = openRelayPort(key(u"stranger"_s), portA);
        QCOMPARE(open.code, 255);
        QVERIFY2(open.err.contains("Permission denied"), open.err.constData());
        Run listen = listenRelayPort(key(u"stranger"_s), portA + 1);
        QCOMPARE(listen.code, 255);
        QVERIFY2(listen.err.contains("Permission denied"), listen.err.constData());
        accessUnchanged();
    }

    void abuseRenterBOpensAsPort()
    {
        QVERIFY(m_portB);
        Run open = openRelayPort(key(u"renter_b"_s), int(m_running.ssh->port));
        QCOMPARE(open.code, 255);
        QVERIFY2(open.err.contains("administratively prohibited"), open.err.constData());
        accessUnchanged();
    }

    void abuseHostKeyListensOnAnotherHostsPort()
    {
        QVERIFY(m_portB);
        // The NAT'd agent's own relay key (D6) asks for host B's port, which is free.
        const QString agentKey = m_netDir + u"/agent/state/relay_ed25519"_s;
        QVERIFY(QFile::exists(agentKey));
        Run listen = listenRelayPort(agentKey, m_portB);
        QCOMPARE(listen.code, 255);
        QVERIFY2(listen.err.contains("forwarding failed"), listen.err.constData());
        // Host B's key on the NAT'd instance's port: refused as well.
        Run other = listenRelayPort(key(u"host_b"_s), int(m_running.ssh->port));
        QCOMPARE(other.code, 255);
        accessUnchanged();
        // B's port is not held by anyone: B's key still reaches it, with nothing there.
        const Run own = openRelayPort(key(u"renter_b"_s), m_portB);
        QVERIFY2(own.err.contains("connect failed"), own.err.constData());
    }

    void abuseHostKeyAsksForAShell()
    {
        QVERIFY(m_portB);
        const QString marker = m_dir.filePath(u"shell-ran"_s);
        for (const QString &keyName : {u"host_b"_s, u"renter_b"_s}) {
            const QString user = keyName == "host_b"_L1 ? u"suanli-host"_s : u"suanli"_s;
            Run command =
                relaySsh(user, key(keyName), {u"touch %1; echo shell-ran; id"_s.arg(marker)});
            QVERIFY2(!command.out.contains("shell-ran") && !command.out.contains("uid="),
                     command.out.constData());
            Run tty = relaySsh(user, key(keyName), {u"-tt"_s, u"echo shell-ran"_s});
            QVERIFY2(!tty.out.contains("shell-ran"), tty.out.constData());
            Run subsystem = relaySsh(user, key(keyName), {u"-s"_s, u"sftp"_s});
            QVERIFY(!subsystem.out.contains("sftp"));
        }
        QVERIFY2(!QFile::exists(marker), "a relay key ran a command");
        accessUnchanged();
    }

    void abuseStoppedInstancesPort()
    {
        QVERIFY(m_instanceB);
        Reply stop = call("POST", u"/api/v1/instances/%1/stop"_s.arg(m_instanceB), m_renterB);
        QVERIFY2(stop.status == 200 || stop.status == 202, stop.body.constData());
        const QJsonObject command = m_agentB->take(u"command"_s, 8000);
        QCOMPARE(command[u"action"_s].toString(), u"stop"_s);
        m_agentB->report(m_instanceB, u"stopping"_s, {}, command[u"id"_s].toString());
        m_agentB->report(m_instanceB, u"stopped"_s, {}, command[u"id"_s].toString());
        QVERIFY(waitState(m_instanceB, m_renterB, u"stopped"_s, 10000));
        // Withdrawn: the renter's key no longer opens it, the host's key no longer listens.
        Run open = openRelayPort(key(u"renter_b"_s), m_portB);
        QCOMPARE(open.code, 255);
        QVERIFY2(open.err.contains("Permission denied"), open.err.constData());
        Run listen = listenRelayPort(key(u"host_b"_s), m_portB);
        QCOMPARE(listen.code, 255);
        accessUnchanged();
        checkBilling(false);
    }

    // Destroyed: billed to the second of the market's own times, the ledger balanced, the
    // relay port withdrawn.
    void destroyedAndBilledExactly()
    {
        QVERIFY(m_instance);
        m_access.reset();
        Reply gone = call("DELETE", u"/api/v1/instances/%1"_s.arg(m_instance), m_renterA);
        QVERIFY2(gone.status == 200 || gone.status == 202 || gone.status == 204,
                 gone.body.constData());
        QVERIFY(waitState(m_instance, m_renterA, u"destroyed"_s, 60000));
        checkBilling(true);
        Run open = openRelayPort(key(u"renter_a"_s), int(m_running.ssh->port));
        QCOMPARE(open.code, 255);
        QVERIFY2(open.err.contains("Permission denied"), open.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestNetRelay)
#include "tst_net_relay.moc"
