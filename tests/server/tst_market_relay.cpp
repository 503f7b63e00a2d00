// The market's side of the NAT relay (docs/market.md, "Relay"; docs/protocol.md, "Relay"): the
// network verdict, relay messages and relay ports on the real agent channel, Instance.ssh with
// its jump, relay-authorize run as the built binary against the market's database, and a real
// OpenSSH sshd started from relay-config's output with the real OpenSSH client on both sides.
// Runs against SQLite and, as tst_market_relay_postgres, against a throwaway PostgreSQL.

#include "support/marketharness.h"
#include "support/testmain.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

/// An ed25519 key pair made by the real ssh-keygen.
struct KeyPair
{
    QString privatePath;
    QString publicLine; ///< "ssh-ed25519 BASE64" (no comment)
};

KeyPair makeKey(const QString &dir, const QString &name)
{
    const QString path = dir + u'/' + name;
    QFile::remove(path);
    QFile::remove(path + u".pub"_s);
    const int rc = QProcess::execute(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s,
                                                       u""_s, u"-C"_s, name, u"-f"_s, path});
    if (rc != 0)
        return {};
    QFile pub(path + u".pub"_s);
    if (!pub.open(QIODevice::ReadOnly))
        return {};
    const QStringList words = QString::fromUtf8(pub.readAll()).trimmed().split(u' ');
    return {path, words.value(0) + u' ' + words.value(1)};
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

/// A lender's host, its token and its scripted agent (hello sent by the test).
struct RelayHost
{
    qint64 id = 0;
    QByteArray token;
    std::unique_ptr<ScriptedAgent> agent;
};

/// The probe listener of an agent in auto mode (docs/relay.md): every connection gets the line.
struct AnsweringProbe
{
    QTcpServer server;
    int probed = 0;

    bool listen()
    {
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                ++probed;
                s->write("suanli-host-probe\n");
                s->disconnectFromHost();
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return true;
    }
    int port() const { return server.serverPort(); }
};

QString agentUrl(const QString &baseUrl)
{
    return QString(baseUrl).replace(u"http://"_s, u"ws://"_s) + u"/api/v1/agent"_s;
}

} // namespace

class TestMarketRelay : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MarketHarness> m_h;
    KeyPair m_relayKey; ///< the relay sshd's host key
    quint16 m_relayPort = 0;
    MarketHarness::Account m_lender;
    MarketHarness::Account m_renter;
    MarketHarness::Account m_renterB;
    KeyPair m_renterKey;
    KeyPair m_renterBKey;
    std::vector<std::unique_ptr<QProcess>> m_processes; ///< killed in cleanup()

    bool startMarket(bool withRelay)
    {
        server::MarketPolicy policy;
        if (withRelay)
            policy.relays.append({u"127.0.0.1"_s, m_relayPort, m_relayKey.publicLine});
        policy.relayPortMin = 21000;
        policy.relayPortMax = 21009;
        m_h = std::make_unique<MarketHarness>(policy);
        if (!m_h->ok()) {
            qWarning("market: %s", qPrintable(m_h->error()));
            return false;
        }
        m_lender = m_h->createAccount(u"lender"_s, {u"lender"_s});
        m_renter = m_h->createAccount(u"renter"_s, {u"renter"_s}, 100 * kMicroPerUnit);
        m_renterB = m_h->createAccount(u"renterb"_s, {u"renter"_s}, 100 * kMicroPerUnit);
        return m_lender.id && m_renter.id && m_renterB.id;
    }

    /// A listed host whose agent said hello with `network`; `welcome` gets the market's answer.
    RelayHost addHost(const QString &name, const QString &network, const QString &relayKey,
                      int probePort, QJsonObject *welcome, int gpus = 1)
    {
        RelayHost host;
        auto created = m_h->post(u"/api/v1/hosts"_s, m_lender.token, {{u"name"_s, name}});
        if (created.status != 201)
            return host;
        host.id = created.json[u"host"_s][u"id"_s].toInteger();
        host.token = created.json[u"token"_s].toString().toLatin1();
        auto listed = m_h->request(
            "PATCH", u"/api/v1/hosts/%1"_s.arg(host.id), m_lender.token,
            QJsonDocument(QJsonObject{{u"listed"_s, true}, {u"price_gpu_hour_micro"_s, 1'000'000}})
                .toJson());
        if (listed.status != 200)
            return host;
        host.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), host.token);
        QNetworkRequest request{QUrl(agentUrl(m_h->baseUrl()))};
        request.setRawHeader("Authorization", "Bearer " + host.token);
        QSignalSpy connected(&host.agent->socket(), &QWebSocket::connected);
        host.agent->socket().open(request);
        if (!connected.wait(5000))
            return host;
        host.agent->send(helloMessage(network, relayKey, probePort, gpus));
        *welcome = host.agent->take(u"welcome"_s, 8000);
        return host;
    }

    /// The host's `network` as the lender's host list shows it (null: QJsonValue::Null).
    QJsonValue hostNetwork(qint64 hostId)
    {
        auto list = m_h->get(u"/api/v1/hosts"_s, m_lender.token);
        const QJsonArray hosts = list.json[u"hosts"_s].toArray();
        for (const auto &h : hosts) {
            if (h[u"id"_s].toInteger() == hostId)
                return h[u"network"_s];
        }
        return QJsonValue(QJsonValue::Undefined);
    }

    /// The host's agent connects again (a restart) and says hello with `network`.
    /// `running`: the instances it holds, named in its hello as a real agent's journal would.
    bool rehello(RelayHost &host, const QString &network, const QString &relayKey, int probePort,
                 QJsonObject *welcome, const QList<qint64> &running = {})
    {
        QJsonArray held;
        QHash<qint64, qint64> seqs;
        for (qint64 id : running) {
            seqs[id] = host.agent->nextSeq(id) - 1;
            held.append(QJsonObject{
                {u"instance_id"_s, id}, {u"state"_s, u"running"_s}, {u"last_seq"_s, seqs[id]}});
        }
        host.agent.reset();
        host.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), host.token);
        for (auto it = seqs.cbegin(); it != seqs.cend(); ++it)
            host.agent->setSeq(it.key(), it.value());
        QNetworkRequest request{QUrl(agentUrl(m_h->baseUrl()))};
        request.setRawHeader("Authorization", "Bearer " + host.token);
        QSignalSpy connected(&host.agent->socket(), &QWebSocket::connected);
        host.agent->socket().open(request);
        if (!connected.wait(5000))
            return false;
        QJsonObject hello = helloMessage(network, relayKey, probePort);
        hello[u"instances"_s] = held;
        host.agent->send(hello);
        *welcome = host.agent->take(u"welcome"_s, 8000);
        return !welcome->isEmpty();
    }

    static QJsonObject helloMessage(const QString &network, const QString &relayKey, int probePort,
                                    int gpus = 1)
    {
        QJsonArray devices;
        for (int i = 0; i < gpus; ++i)
            devices.append(QJsonObject{{u"index"_s, i},
                                       {u"uuid"_s, u"GPU-%1"_s.arg(i)},
                                       {u"model"_s, u"RTX 3090"_s},
                                       {u"memory_mb"_s, 24576}});
        return {
            {u"type"_s, u"hello"_s},
            {u"agent_version"_s, u"test"_s},
            {u"spec"_s, QJsonObject{{u"cpu_cores"_s, 8},
                                    {u"ram_mb"_s, 32768},
                                    {u"disk_free_gb"_s, 500},
                                    {u"gpus"_s, devices}}},
            {u"address"_s, u"127.0.0.1"_s},
            {u"port_min"_s, 40000},
            {u"port_max"_s, 40100},
            {u"images"_s, QJsonArray{QJsonObject{{u"ref"_s, u"localhost/suanli/base:bookworm"_s},
                                                 {u"title"_s, u"Debian"_s}}}},
            {u"instances"_s, QJsonArray{}},
            {u"network"_s, network},
            {u"relay_public_key"_s, relayKey},
            {u"probe_port"_s, probePort}};
    }

    /// Creates an instance on the host for `renter` with `key`; the agent takes the create
    /// command (checking that the relay message with its port came first when `relayed`) and
    /// walks it to running. Returns the instance id, 0 on failure.
    qint64 launch(RelayHost &host, const MarketHarness::Account &renter, const QString &key,
                  bool relayed, int *port)
    {
        auto r = m_h->post(u"/api/v1/instances"_s, renter.token,
                           {{u"offer_id"_s, host.id},
                            {u"gpu_count"_s, 1},
                            {u"image"_s, u"localhost/suanli/base:bookworm"_s},
                            {u"disk_gb"_s, 10},
                            {u"ssh_public_key"_s, QString(key + u" renter"_s)}});
        if (r.status != 201) {
            qWarning("create: %d %s", r.status, r.body.constData());
            return 0;
        }
        const qint64 id = r.json[u"id"_s].toInteger();
        const QJsonObject command = host.agent->take(u"command"_s);
        if (command[u"action"_s].toString() != "create"_L1) {
            qWarning("no create command");
            return 0;
        }
        if (relayed) {
            // The relay message with the new port came before the command.
            const QJsonObject relay = host.agent->take(u"relay"_s, 100);
            if (relay.isEmpty()) {
                qWarning("no relay message before the create command");
                return 0;
            }
            *port = portOf(relay, id);
            if (*port == 0) {
                qWarning("relay message without the instance: %s",
                         QJsonDocument(relay).toJson(QJsonDocument::Compact).constData());
                return 0;
            }
        }
        host.agent->report(id, u"provisioning"_s);
        host.agent->report(id, u"running"_s, {}, command[u"id"_s].toString());
        if (!waitForState(id, u"running"_s))
            return 0;
        return id;
    }

    static int portOf(const QJsonObject &relay, qint64 instanceId)
    {
        for (const auto &entry : relay[u"listen"_s].toArray()) {
            if (entry[u"instance"_s].toInteger() == instanceId)
                return entry[u"port"_s].toInt();
        }
        return 0;
    }

    bool waitForState(qint64 id, const QString &state)
    {
        return QTest::qWaitFor(
            [&] {
                auto instance = m_h->store().instance(id);
                return instance && protocol::toString(instance->state) == state;
            },
            5000);
    }

    /// Renter stops the instance; the agent takes the command and reports stopped.
    bool stop(RelayHost &host, const MarketHarness::Account &renter, qint64 id)
    {
        auto r = m_h->post(u"/api/v1/instances/%1/stop"_s.arg(id), renter.token, {});
        if (r.status != 200 && r.status != 202) {
            qWarning("stop: %d %s", r.status, r.body.constData());
            return false;
        }
        const QJsonObject command = host.agent->take(u"command"_s);
        if (command[u"action"_s].toString() != "stop"_L1)
            return false;
        host.agent->report(id, u"stopped"_s, {}, command[u"id"_s].toString());
        return waitForState(id, u"stopped"_s);
    }

    QString marketBinary() const { return QStringLiteral(SUANLI_MARKET_BIN); }

    /// relay-authorize as sshd runs it: `USER TYPE KEY`; returns stdout (exit code checked).
    QString authorize(const QString &user, const QString &keyLine, const QStringList &extra = {})
    {
        QProcess p;
        const QStringList words = keyLine.split(u' ');
        p.start(marketBinary(), QStringList{u"relay-authorize"_s, u"--db"_s, m_h->databaseUrl()} +
                                    extra + QStringList{user, words.value(0), words.value(1)});
        if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            qWarning("relay-authorize failed: %s", p.readAllStandardError().constData());
            return u"<failed>"_s;
        }
        const QByteArray err = p.readAllStandardError();
        if (!err.isEmpty())
            qWarning("relay-authorize stderr: %s", err.constData());
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    QProcess *spawn(const QString &program, const QStringList &args)
    {
        m_processes.push_back(std::make_unique<QProcess>());
        QProcess *p = m_processes.back().get();
        p->setProgram(program);
        p->setArguments(args);
        p->start();
        return p;
    }

    static bool finished(QProcess *p, int timeoutMs)
    {
        return p->state() == QProcess::NotRunning ||
               QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, timeoutMs);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_relayKey = makeKey(m_dir->path(), u"relay_host_ed25519"_s);
        m_renterKey = makeKey(m_dir->path(), u"renter_ed25519"_s);
        m_renterBKey = makeKey(m_dir->path(), u"renterb_ed25519"_s);
        QVERIFY(!m_relayKey.publicLine.isEmpty() && !m_renterKey.publicLine.isEmpty() &&
                !m_renterBKey.publicLine.isEmpty());
        m_relayPort = freePort();
    }

    void cleanup()
    {
        for (auto &p : m_processes) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(5000);
            }
        }
        m_processes.clear();
        m_h.reset();
        m_dir.reset();
    }

    void relayedHostGetsPortsJumpAndWithdrawals()
    {
        QVERIFY(startMarket(true));
        const KeyPair hostKey = makeKey(m_dir->path(), u"host_a_relay"_s);
        QJsonObject welcome;
        RelayHost a =
            addHost(u"rig-a"_s, u"relay"_s, hostKey.publicLine + u" comment"_s, 0, &welcome);
        QVERIFY(a.agent);
        QCOMPARE(welcome[u"network"_s].toString(), u"relay"_s);
        QCOMPARE(welcome[u"host_id"_s].toInteger(), a.id);
        // Right after the welcome: where to keep reverse forwards, nothing to listen on yet.
        const QJsonObject first = a.agent->take(u"relay"_s);
        QCOMPARE(first[u"host"_s].toString(), u"127.0.0.1"_s);
        QCOMPARE(first[u"port"_s].toInt(), int(m_relayPort));
        QCOMPARE(first[u"user"_s].toString(), u"suanli-host"_s);
        QCOMPARE(first[u"host_key"_s].toString(), m_relayKey.publicLine);
        QCOMPARE(first[u"listen"_s].toArray().size(), 0);

        int port = 0;
        const qint64 id = launch(a, m_renter, m_renterKey.publicLine, true, &port);
        QVERIFY(id);
        QCOMPARE(port, 21000);

        // D7: the instance is reached through the relay.
        EventListener events(m_h->baseUrl(), m_renter.token);
        QVERIFY(events.waitConnected());
        auto got = m_h->get(u"/api/v1/instances/%1"_s.arg(id), m_renter.token);
        QCOMPARE(got.status, 200);
        const QJsonObject ssh = got.json[u"ssh"_s].toObject();
        QCOMPARE(ssh[u"host"_s].toString(), u"127.0.0.1"_s);
        QCOMPARE(ssh[u"port"_s].toInt(), port);
        QCOMPARE(ssh[u"user"_s].toString(), u"root"_s);
        QCOMPARE(ssh[u"host_key"_s].toString(), testPublicKey());
        const QJsonObject jump = ssh[u"jump"_s].toObject();
        QCOMPARE(jump[u"host"_s].toString(), u"127.0.0.1"_s);
        QCOMPARE(jump[u"port"_s].toInt(), int(m_relayPort));
        QCOMPARE(jump[u"user"_s].toString(), u"suanli"_s);
        QCOMPARE(jump[u"host_key"_s].toString(), m_relayKey.publicLine);
        // The list and the events socket render it the same way.
        auto list = m_h->get(u"/api/v1/instances"_s, m_renter.token);
        QCOMPARE(list.json[u"instances"_s].toArray().first()[u"ssh"_s].toObject(), ssh);

        // relay-authorize: the host's key may listen on exactly its port, the renter's key
        // open exactly its instance's port; nobody else anything.
        QCOMPARE(authorize(u"suanli-host"_s, hostKey.publicLine),
                 u"restrict,port-forwarding,permitlisten=\"127.0.0.1:%1\" %2\n"_s.arg(port).arg(
                     hostKey.publicLine));
        QCOMPARE(authorize(u"suanli"_s, m_renterKey.publicLine),
                 u"restrict,port-forwarding,permitopen=\"127.0.0.1:%1\" %2\n"_s.arg(port).arg(
                     m_renterKey.publicLine));
        QCOMPARE(authorize(u"suanli"_s, m_renterBKey.publicLine), QString());
        QCOMPARE(authorize(u"suanli"_s, hostKey.publicLine), QString()); // wrong user for it
        QCOMPARE(authorize(u"suanli-host"_s, m_renterKey.publicLine), QString());
        QCOMPARE(authorize(u"root"_s, hostKey.publicLine), QString());
        QCOMPARE(authorize(u"root"_s, m_renterKey.publicLine), QString());
        const KeyPair unknown = makeKey(m_dir->path(), u"unknown"_s);
        QCOMPARE(authorize(u"suanli"_s, unknown.publicLine), QString());
        QCOMPARE(authorize(u"suanli-host"_s, unknown.publicLine), QString());
        // Limited to one relay: this one answers, an unknown relay does not.
        QCOMPARE(authorize(u"suanli"_s, m_renterKey.publicLine,
                           {u"--relay"_s, u"127.0.0.1:%1"_s.arg(m_relayPort)})
                     .isEmpty(),
                 false);
        QCOMPARE(
            authorize(u"suanli"_s, m_renterKey.publicLine, {u"--relay"_s, u"relay.invalid:22"_s}),
            QString());

        // A second relayed host gets the next port; neither host's key reaches the other's.
        const KeyPair hostKeyB = makeKey(m_dir->path(), u"host_b_relay"_s);
        RelayHost b = addHost(u"rig-b"_s, u"relay"_s, hostKeyB.publicLine, 0, &welcome);
        QVERIFY(b.agent);
        QCOMPARE(welcome[u"network"_s].toString(), u"relay"_s);
        QVERIFY(!b.agent->take(u"relay"_s).isEmpty());
        int portB = 0;
        const qint64 idB = launch(b, m_renterB, m_renterBKey.publicLine, true, &portB);
        QVERIFY(idB);
        QCOMPARE(portB, 21001);
        QCOMPARE(authorize(u"suanli-host"_s, hostKeyB.publicLine),
                 u"restrict,port-forwarding,permitlisten=\"127.0.0.1:%1\" %2\n"_s.arg(portB).arg(
                     hostKeyB.publicLine));
        QCOMPARE(authorize(u"suanli"_s, m_renterBKey.publicLine),
                 u"restrict,port-forwarding,permitopen=\"127.0.0.1:%1\" %2\n"_s.arg(portB).arg(
                     m_renterBKey.publicLine));
        QVERIFY(authorize(u"suanli-host"_s, hostKey.publicLine).contains(u":%1\""_s.arg(port)));
        QVERIFY(!authorize(u"suanli-host"_s, hostKey.publicLine).contains(u":%1\""_s.arg(portB)));

        // Another host may not take a relay key in use.
        RelayHost thief = addHost(u"rig-c"_s, u"relay"_s, hostKey.publicLine, 0, &welcome);
        QVERIFY(thief.agent);
        QVERIFY(welcome.isEmpty());
        const QJsonObject refused = thief.agent->take(u"error"_s);
        QCOMPARE(refused[u"error"_s][u"code"_s].toString(), u"relay_key_in_use"_s);
        // Nor a key that is no ed25519 key.
        thief.agent->send(helloMessage(u"relay"_s, u"ssh-ed25519 AAAAnotakey"_s, 0));
        QCOMPARE(thief.agent->take(u"error"_s)[u"error"_s][u"code"_s].toString(),
                 u"invalid_value"_s);

        // Stop: the port is withdrawn from the relay message and from relay-authorize.
        QVERIFY(stop(a, m_renter, id));
        const QJsonObject afterStop = a.agent->take(u"relay"_s);
        QVERIFY(!afterStop.isEmpty());
        QCOMPARE(afterStop[u"listen"_s].toArray().size(), 0);
        QCOMPARE(authorize(u"suanli-host"_s, hostKey.publicLine), QString());
        QCOMPARE(authorize(u"suanli"_s, m_renterKey.publicLine), QString());
        auto stopped = m_h->get(u"/api/v1/instances/%1"_s.arg(id), m_renter.token);
        QVERIFY(stopped.json[u"ssh"_s].toObject()[u"jump"_s].isNull());
        // B's grants are untouched.
        QVERIFY(!authorize(u"suanli"_s, m_renterBKey.publicLine).isEmpty());

        // Start again: a port again (the lowest free one), then destroy: withdrawn.
        auto started = m_h->post(u"/api/v1/instances/%1/start"_s.arg(id), m_renter.token, {});
        QVERIFY2(started.status == 200 || started.status == 202, started.body.constData());
        const QJsonObject startCommand = a.agent->take(u"command"_s);
        QCOMPARE(startCommand[u"action"_s].toString(), u"start"_s);
        const QJsonObject again = a.agent->take(u"relay"_s, 100);
        QCOMPARE(portOf(again, id), 21000);
        a.agent->report(id, u"running"_s, {}, startCommand[u"id"_s].toString());
        QVERIFY(waitForState(id, u"running"_s));
        QVERIFY(!authorize(u"suanli"_s, m_renterKey.publicLine).isEmpty());
        // The events socket tells the renter of the relayed endpoint too.
        const QJsonObject event = events.take(u"instance"_s, 5000, [&](const QJsonObject &e) {
            return e[u"instance"_s][u"id"_s].toInteger() == id &&
                   e[u"instance"_s][u"state"_s].toString() == "running"_L1;
        });
        QCOMPARE(event[u"instance"_s][u"ssh"_s][u"jump"_s][u"user"_s].toString(), u"suanli"_s);
        QCOMPARE(event[u"instance"_s][u"ssh"_s][u"port"_s].toInt(), 21000);

        auto destroyed = m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), m_renter.token);
        QVERIFY2(destroyed.status == 200 || destroyed.status == 202, destroyed.body.constData());
        const QJsonObject destroyCommand = a.agent->take(u"command"_s);
        QCOMPARE(destroyCommand[u"action"_s].toString(), u"destroy"_s);
        a.agent->report(id, u"destroyed"_s, {}, destroyCommand[u"id"_s].toString());
        QVERIFY(waitForState(id, u"destroyed"_s));
        QCOMPARE(a.agent->take(u"relay"_s)[u"listen"_s].toArray().size(), 0);
        QCOMPARE(authorize(u"suanli"_s, m_renterKey.publicLine), QString());
        QCOMPARE(authorize(u"suanli-host"_s, hostKey.publicLine), QString());
    }

    void autoWithAnsweringProbeIsDirect()
    {
        QVERIFY(startMarket(true));
        AnsweringProbe probe;
        QVERIFY(probe.listen());
        const KeyPair key = makeKey(m_dir->path(), u"host_auto"_s);
        QJsonObject welcome;
        RelayHost h = addHost(u"rig-auto"_s, u"auto"_s, key.publicLine, probe.port(), &welcome);
        QVERIFY(h.agent);
        QCOMPARE(welcome[u"network"_s].toString(), u"direct"_s);
        QCOMPARE(probe.probed, 1);
        QVERIFY(h.agent->take(u"relay"_s, 300).isEmpty());
        int port = 0;
        const qint64 id = launch(h, m_renter, m_renterKey.publicLine, false, &port);
        QVERIFY(id);
        auto got = m_h->get(u"/api/v1/instances/%1"_s.arg(id), m_renter.token);
        QCOMPARE(got.json[u"ssh"_s][u"port"_s].toInt(), 40001); // as the agent reported it
        QVERIFY(got.json[u"ssh"_s][u"jump"_s].isNull());
        QCOMPARE(authorize(u"suanli"_s, m_renterKey.publicLine), QString());
    }

    void autoWithNothingListeningIsRelayed()
    {
        QVERIFY(startMarket(true));
        const KeyPair key = makeKey(m_dir->path(), u"host_auto"_s);
        QJsonObject welcome;
        QElapsedTimer took;
        took.start();
        // Messages sent while the probe runs are read after the welcome.
        RelayHost h = addHost(u"rig-nat"_s, u"auto"_s, key.publicLine, freePort(), &welcome);
        QVERIFY(h.agent);
        QCOMPARE(welcome[u"network"_s].toString(), u"relay"_s);
        QVERIFY(took.elapsed() < 4000);
        QVERIFY(!h.agent->take(u"relay"_s).isEmpty());

        // A probe port where something answers, but not the line: relayed too, within 3 s.
        QTcpServer mute;
        QVERIFY(mute.listen(QHostAddress::LocalHost, 0));
        const KeyPair key2 = makeKey(m_dir->path(), u"host_mute"_s);
        took.restart();
        RelayHost h2 =
            addHost(u"rig-mute"_s, u"auto"_s, key2.publicLine, mute.serverPort(), &welcome);
        QVERIFY(h2.agent);
        QCOMPARE(welcome[u"network"_s].toString(), u"relay"_s);
        QVERIFY2(took.elapsed() >= 2500 && took.elapsed() < 6000,
                 qPrintable(QString::number(took.elapsed())));
    }

    void verdictStaysRelayWhileARelayedInstanceRuns()
    {
        QVERIFY(startMarket(true));
        // No verdict before the agent's first hello.
        auto silent = m_h->post(u"/api/v1/hosts"_s, m_lender.token, {{u"name"_s, u"rig-new"_s}});
        QCOMPARE(silent.status, 201);
        QCOMPARE(hostNetwork(silent.json[u"host"_s][u"id"_s].toInteger()),
                 QJsonValue(QJsonValue::Null));
        const KeyPair key = makeKey(m_dir->path(), u"host_moves"_s);
        QJsonObject welcome;
        RelayHost h = addHost(u"rig-moves"_s, u"auto"_s, key.publicLine, freePort(), &welcome);
        QVERIFY(h.agent);
        QCOMPARE(welcome[u"network"_s].toString(), u"relay"_s);
        QCOMPARE(hostNetwork(h.id), QJsonValue(u"relay"_s));
        QVERIFY(!h.agent->take(u"relay"_s).isEmpty());
        int port = 0;
        const qint64 id = launch(h, m_renter, m_renterKey.publicLine, true, &port);
        QVERIFY(id);

        // The host becomes reachable (say, a port forward on the router) and its agent
        // restarts: the probe answers, but the running instance publishes on the host's
        // loopback only, so the host stays relayed and the instance keeps its port.
        AnsweringProbe probe;
        QVERIFY(probe.listen());
        QVERIFY(rehello(h, u"auto"_s, key.publicLine, probe.port(), &welcome, {id}));
        QCOMPARE(probe.probed, 1);
        QCOMPARE(welcome[u"network"_s].toString(), u"relay"_s);
        const QJsonObject relay = h.agent->take(u"relay"_s);
        QCOMPARE(portOf(relay, id), port);
        auto got = m_h->get(u"/api/v1/instances/%1"_s.arg(id), m_renter.token);
        QCOMPARE(got.json[u"ssh"_s][u"port"_s].toInt(), port);
        QVERIFY(got.json[u"ssh"_s][u"jump"_s].isObject());
        QCOMPARE(hostNetwork(h.id), QJsonValue(u"relay"_s));
        QVERIFY(authorize(u"suanli"_s, m_renterKey.publicLine)
                    .contains(u"permitopen=\"127.0.0.1:%1\""_s.arg(port)));

        // Once it has stopped (its port withdrawn), the next hello goes direct.
        QVERIFY(stop(h, m_renter, id));
        QCOMPARE(authorize(u"suanli"_s, m_renterKey.publicLine), QString());
        QVERIFY(rehello(h, u"auto"_s, key.publicLine, probe.port(), &welcome));
        QCOMPARE(welcome[u"network"_s].toString(), u"direct"_s);
        QCOMPARE(hostNetwork(h.id), QJsonValue(u"direct"_s));
        QVERIFY(h.agent->take(u"relay"_s, 300).isEmpty());
    }

    void relayPortsAreUniqueAcrossMarketProcesses()
    {
        if (MarketHarness::backend() != "postgres"_L1)
            QSKIP("several market processes share a database only on PostgreSQL");
        QVERIFY(startMarket(true));
        const KeyPair hostKey = makeKey(m_dir->path(), u"host_race"_s);
        QJsonObject welcome;
        RelayHost h = addHost(u"rig-race"_s, u"relay"_s, hostKey.publicLine, 0, &welcome, 11);
        QVERIFY(h.agent);
        QCOMPARE(welcome[u"network"_s].toString(), u"relay"_s);

        // A second market process of the real binary on the same database and relay.
        const quint16 secondPort = freePort();
        QProcess *second = spawn(
            marketBinary(), {u"serve"_s, u"--db"_s, m_h->databaseUrl(), u"--listen"_s,
                             u"127.0.0.1:%1"_s.arg(secondPort), u"--relay"_s,
                             u"127.0.0.1:%1=%2.pub"_s.arg(m_relayPort).arg(m_relayKey.privatePath),
                             u"--relay-ports"_s, u"21000-21009"_s});
        const QString secondUrl = u"http://127.0.0.1:%1"_s.arg(secondPort);
        QNetworkAccessManager network;
        const auto healthy = [&] {
            QNetworkReply *r = network.get(QNetworkRequest(QUrl(secondUrl + u"/healthz"_s)));
            (void)QTest::qWaitFor([r] { return r->isFinished(); }, 2000);
            const bool ok = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
            r->deleteLater();
            return ok;
        };
        QVERIFY2(QTest::qWaitFor([&] { return second->state() == QProcess::Running && healthy(); },
                                 20000),
                 second->readAllStandardError().constData());

        // Ten creates at once, half through each process, for the ten ports of the range: each
        // queued create takes a port in its own transaction, and the processes race for the
        // lowest free one.
        const auto create = [&](const QString &base) {
            QNetworkRequest request(QUrl(base + u"/api/v1/instances"_s));
            request.setRawHeader("Authorization", "Bearer " + m_renter.token);
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            return network.post(
                request,
                QJsonDocument(
                    QJsonObject{{u"offer_id"_s, h.id},
                                {u"gpu_count"_s, 1},
                                {u"image"_s, u"localhost/suanli/base:bookworm"_s},
                                {u"disk_gb"_s, 10},
                                {u"ssh_public_key"_s, QString(m_renterKey.publicLine + u" r"_s)}})
                    .toJson());
        };
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 10; ++i)
            replies.append(create(i % 2 ? secondUrl : m_h->baseUrl()));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(replies.begin(), replies.end(),
                                   [](QNetworkReply *r) { return r->isFinished(); });
            },
            30000));
        QList<qint64> ids;
        for (QNetworkReply *r : std::as_const(replies)) {
            const QByteArray body = r->readAll();
            QVERIFY2(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201,
                     body.constData());
            ids.append(QJsonDocument::fromJson(body).object()[u"id"_s].toInteger());
            r->deleteLater();
        }
        // What the relay lets the renter open: ten distinct ports, the whole range.
        const QString line = authorize(u"suanli"_s, m_renterKey.publicLine);
        QSet<int> ports;
        const QRegularExpression permit(uR"re(permitopen="127\.0\.0\.1:(\d+)")re"_s);
        for (auto it = permit.globalMatch(line); it.hasNext();)
            ports.insert(it.next().captured(1).toInt());
        QCOMPARE(ports.size(), 10);
        for (int p = 21000; p <= 21009; ++p)
            QVERIFY(ports.contains(p));
        // Each instance has its own, and the agent's relay message lists them all.
        auto relay = m_h->store().relayMessage(h.id);
        QVERIFY(relay && *relay);
        QSet<int> listed;
        QSet<qint64> instances;
        for (const protocol::RelayListen &l : (*relay)->listen) {
            listed.insert(l.port);
            instances.insert(l.instance);
        }
        QCOMPARE(listed, ports);
        QCOMPARE(instances, QSet<qint64>(ids.begin(), ids.end()));

        // The eleventh finds the range used up: refused, and nothing of it is left.
        QNetworkReply *extra = create(secondUrl);
        QVERIFY(QTest::qWaitFor([extra] { return extra->isFinished(); }, 10000));
        const QByteArray body = extra->readAll();
        QVERIFY2(extra->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201,
                 body.constData());
        QVERIFY2(body.contains("relay_ports_exhausted"), body.constData());
        extra->deleteLater();
        auto list = m_h->get(u"/api/v1/instances"_s, m_renter.token);
        const QJsonArray all = list.json[u"instances"_s].toArray();
        QCOMPARE(all.size(), 10);
        second->terminate();
        QVERIFY(finished(second, 10000));
    }

    void relayWithoutRelayConfiguredIsDirect()
    {
        QVERIFY(startMarket(false));
        const KeyPair key = makeKey(m_dir->path(), u"host_norelay"_s);
        QJsonObject welcome;
        RelayHost h = addHost(u"rig-x"_s, u"relay"_s, key.publicLine, 0, &welcome);
        QVERIFY(h.agent);
        QCOMPARE(welcome[u"network"_s].toString(), u"direct"_s);
        const QJsonObject error = h.agent->take(u"error"_s);
        QCOMPARE(error[u"error"_s][u"code"_s].toString(), u"no_relay"_s);
        QVERIFY(h.agent->take(u"relay"_s, 300).isEmpty());
        int port = 0;
        const qint64 id = launch(h, m_renter, m_renterKey.publicLine, false, &port);
        QVERIFY(id);
        auto got = m_h->get(u"/api/v1/instances/%1"_s.arg(id), m_renter.token);
        QVERIFY(got.json[u"ssh"_s][u"jump"_s].isNull());
        QCOMPARE(authorize(u"suanli"_s, m_renterKey.publicLine), QString());
    }

    void badRelayOptionsAreRefusedClearly()
    {
        auto run = [&](const QStringList &args, QByteArray *err) {
            QProcess p;
            p.start(marketBinary(), args);
            if (!p.waitForFinished(10000))
                return -1;
            *err = p.readAllStandardError();
            return p.exitCode();
        };
        const QString db = u"sqlite:"_s + m_dir->filePath(u"cli.db"_s);
        QByteArray err;
        QCOMPARE(run({u"serve"_s, u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s, u"--relay"_s,
                      u"relay.example"_s},
                     &err),
                 1);
        QVERIFY2(err.contains("PUBLIC_HOST:PORT=HOST_KEY.pub"), err.constData());
        QCOMPARE(run({u"serve"_s, u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s, u"--relay"_s,
                      u"relay.example:2222=/nonexistent/key.pub"_s},
                     &err),
                 1);
        QVERIFY2(err.contains("cannot read"), err.constData());
        const QString bogus = m_dir->filePath(u"bogus.pub"_s);
        {
            QFile f(bogus);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("ssh-ed25519 AAAAnotakey relay\n");
        }
        QCOMPARE(run({u"serve"_s, u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s, u"--relay"_s,
                      u"relay.example:2222="_s + bogus},
                     &err),
                 1);
        QVERIFY2(err.contains("no ssh-ed25519 public host key"), err.constData());
        QCOMPARE(run({u"serve"_s, u"--db"_s, db, u"--relay-ports"_s, u"5000-4000"_s}, &err), 1);
        QVERIFY2(err.contains("--relay-ports"), err.constData());
        // relay-authorize never fails sshd's way: exit 0, nothing on stdout.
        QProcess authorize;
        authorize.start(marketBinary(), {u"relay-authorize"_s, u"--db"_s, db, u"suanli"_s});
        QVERIFY(authorize.waitForFinished(10000));
        QCOMPARE(authorize.exitCode(), 0);
        QVERIFY(authorize.readAllStandardOutput().isEmpty());
        // Both relay commands are in --help.
        QProcess help;
        help.start(marketBinary(), {u"--help"_s});
        QVERIFY(help.waitForFinished(10000));
        const QByteArray text = help.readAllStandardOutput();
        QVERIFY(text.contains("relay-config") && text.contains("relay-authorize") &&
                text.contains("--relay-ports"));
    }

    void relayConfigRunsARealSshd()
    {
        if (geteuid() != 0)
            QSKIP("starts a relay sshd and creates its users: needs root (CI runs as root)");
        QVERIFY(QFileInfo::exists(u"/usr/sbin/sshd"_s));
        for (const char *user : {"suanli-host", "suanli"}) {
            const QString name = QString::fromLatin1(user);
            QProcess id;
            id.start(u"id"_s, {u"-u"_s, name});
            QVERIFY(id.waitForFinished(5000));
            if (id.exitCode() != 0)
                QCOMPARE(
                    QProcess::execute(u"useradd"_s, {u"--system"_s, u"--no-create-home"_s,
                                                     u"--shell"_s, u"/usr/sbin/nologin"_s, name}),
                    0);
        }
        QDir().mkpath(u"/run/sshd"_s);
        QVERIFY(startMarket(true));

        // sshd runs AuthorizedKeysCommand only from a root-owned path no one else may write: a
        // build below such a directory (a checkout in /tmp) runs a copy kept in /run instead.
        const auto safeForSshd = [](const QString &path) {
            for (QString dir = QFileInfo(path).absolutePath();;
                 dir = QFileInfo(dir).absolutePath()) {
                struct stat st
                {
                };
                if (::stat(QFile::encodeName(dir).constData(), &st) != 0 || st.st_uid != 0 ||
                    (st.st_mode & (S_IWGRP | S_IWOTH)))
                    return false;
                if (dir == u"/"_s)
                    return true;
            }
        };
        QString program = marketBinary();
        struct RemoveDir
        {
            QString path;
            ~RemoveDir()
            {
                if (!path.isEmpty())
                    QDir(path).removeRecursively();
            }
        } copyDir;
        if (!safeForSshd(program)) {
            copyDir.path = u"/run/suanli-relay-test-%1"_s.arg(::getpid());
            QVERIFY(QDir().mkpath(copyDir.path));
            QVERIFY(QFile::setPermissions(copyDir.path, QFile::ReadOwner | QFile::WriteOwner |
                                                            QFile::ExeOwner | QFile::ReadGroup |
                                                            QFile::ExeGroup | QFile::ReadOther |
                                                            QFile::ExeOther));
            const QString copy = copyDir.path + u"/suanli-market"_s;
            QVERIFY(QFile::copy(program, copy));
            program = copy;
            QVERIFY(safeForSshd(program));
        }

        // relay-config's output, accepted by sshd -t.
        QProcess config;
        config.start(program, {u"relay-config"_s, u"--db"_s, m_h->databaseUrl(), u"--listen"_s,
                               u"127.0.0.1:%1"_s.arg(m_relayPort), u"--host-key"_s,
                               m_relayKey.privatePath, u"--pid-file"_s,
                               m_dir->filePath(u"relay.pid"_s), u"--command-user"_s, u"root"_s});
        QVERIFY(config.waitForFinished(10000));
        QCOMPARE(config.exitCode(), 0);
        const QByteArray text = config.readAllStandardOutput();
        for (const char *needle :
             {"AuthorizedKeysFile none", "PermitTTY no", "ForceCommand /bin/true",
              "GatewayPorts no", "AllowUsers suanli suanli-host", "AuthenticationMethods publickey",
              "Match User suanli-host\n    AllowTcpForwarding remote",
              "Match User suanli\n    AllowTcpForwarding local", "relay-authorize --db "})
            QVERIFY2(text.contains(needle), needle);
        QVERIFY(!text.contains("Subsystem"));
        const QString configPath = m_dir->filePath(u"relay_sshd_config"_s);
        {
            QFile f(configPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        QProcess check;
        check.start(u"/usr/sbin/sshd"_s, {u"-t"_s, u"-f"_s, configPath});
        QVERIFY(check.waitForFinished(10000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());

        // Two relayed hosts with a running instance each, renters A and B.
        const KeyPair hostKeyA = makeKey(m_dir->path(), u"agent_a"_s);
        const KeyPair hostKeyB = makeKey(m_dir->path(), u"agent_b"_s);
        QJsonObject welcome;
        RelayHost a = addHost(u"rig-a"_s, u"relay"_s, hostKeyA.publicLine, 0, &welcome);
        QCOMPARE(welcome[u"network"_s].toString(), u"relay"_s);
        QVERIFY(!a.agent->take(u"relay"_s).isEmpty());
        RelayHost b = addHost(u"rig-b"_s, u"relay"_s, hostKeyB.publicLine, 0, &welcome);
        QCOMPARE(welcome[u"network"_s].toString(), u"relay"_s);
        QVERIFY(!b.agent->take(u"relay"_s).isEmpty());
        int portA = 0;
        int portB = 0;
        const qint64 idA = launch(a, m_renter, m_renterKey.publicLine, true, &portA);
        const qint64 idB = launch(b, m_renterB, m_renterBKey.publicLine, true, &portB);
        QVERIFY(idA && idB && portA && portB && portA != portB);

        // The instance's "sshd": a service that greets whoever the relay brings.
        QTcpServer service;
        QVERIFY(service.listen(QHostAddress::LocalHost, 0));
        connect(&service, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = service.nextPendingConnection()) {
                s->write("hello-from-instance\n");
                s->disconnectFromHost();
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });

        QProcess *sshd = spawn(u"/usr/sbin/sshd"_s, {u"-f"_s, configPath, u"-D"_s, u"-e"_s});
        QVERIFY(sshd->waitForStarted(5000));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         QTcpSocket probe;
                         probe.connectToHost(QHostAddress::LocalHost, m_relayPort);
                         return probe.waitForConnected(200);
                     },
                     10000),
                 sshd->readAllStandardError().constData());
        const QString knownHosts = m_dir->filePath(u"known_hosts"_s);
        {
            QFile f(knownHosts);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(u"[127.0.0.1]:%1 %2\n"_s.arg(m_relayPort).arg(m_relayKey.publicLine).toUtf8());
        }
        auto sshArgs = [&](const KeyPair &key, const QStringList &rest) {
            return QStringList{u"-F"_s, u"/dev/null"_s,
                               u"-i"_s, key.privatePath,
                               u"-o"_s, u"IdentitiesOnly=yes"_s,
                               u"-o"_s, u"IdentityAgent=none"_s,
                               u"-o"_s, u"BatchMode=yes"_s,
                               u"-o"_s, u"StrictHostKeyChecking=yes"_s,
                               u"-o"_s, u"UserKnownHostsFile="_s + knownHosts,
                               u"-o"_s, u"ConnectTimeout=5"_s,
                               u"-p"_s, QString::number(m_relayPort)} +
                   rest;
        };
        auto forward = [](int relayPort, quint16 target) {
            return u"127.0.0.1:%1:127.0.0.1:%2"_s.arg(relayPort).arg(target);
        };

        // Host A may not listen on B's port (B not there yet): the forward is refused.
        QProcess *steal =
            spawn(u"ssh"_s, sshArgs(hostKeyA, {u"-N"_s, u"-o"_s, u"ExitOnForwardFailure=yes"_s,
                                               u"-R"_s, forward(portB, service.serverPort()),
                                               u"suanli-host@127.0.0.1"_s}));
        QVERIFY(finished(steal, 15000));
        QVERIFY(steal->exitCode() != 0);
        // Nothing listens on B's port.
        {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, quint16(portB));
            QVERIFY(!s.waitForConnected(1000));
        }
        // A host key asking for a shell gets none.
        QProcess *hostShell =
            spawn(u"ssh"_s, sshArgs(hostKeyA, {u"suanli-host@127.0.0.1"_s, u"id"_s}));
        QVERIFY(finished(hostShell, 15000));
        QVERIFY(!hostShell->readAllStandardOutput().contains("uid="));

        // Host A listens on its own port, host B on its.
        QProcess *agentA =
            spawn(u"ssh"_s, sshArgs(hostKeyA, {u"-N"_s, u"-o"_s, u"ExitOnForwardFailure=yes"_s,
                                               u"-R"_s, forward(portA, service.serverPort()),
                                               u"suanli-host@127.0.0.1"_s}));
        QProcess *agentB =
            spawn(u"ssh"_s, sshArgs(hostKeyB, {u"-N"_s, u"-o"_s, u"ExitOnForwardFailure=yes"_s,
                                               u"-R"_s, forward(portB, service.serverPort()),
                                               u"suanli-host@127.0.0.1"_s}));
        auto listening = [](int port) {
            return QTest::qWaitFor(
                [port] {
                    QTcpSocket s;
                    s.connectToHost(QHostAddress::LocalHost, quint16(port));
                    return s.waitForConnected(200);
                },
                15000);
        };
        QVERIFY2(listening(portA), agentA->readAllStandardError().constData());
        QVERIFY2(listening(portB), agentB->readAllStandardError().constData());
        QCOMPARE(agentA->state(), QProcess::Running);

        // Renter A reaches its instance through the relay (direct-tcpip, as ProxyJump does).
        QProcess *renterA = spawn(
            u"ssh"_s,
            sshArgs(m_renterKey, {u"-W"_s, u"127.0.0.1:%1"_s.arg(portA), u"suanli@127.0.0.1"_s}));
        QVERIFY(finished(renterA, 15000));
        QVERIFY2(renterA->readAllStandardOutput().contains("hello-from-instance"),
                 renterA->readAllStandardError().constData());
        // Renter B may not open A's port.
        QProcess *renterB = spawn(
            u"ssh"_s,
            sshArgs(m_renterBKey, {u"-W"_s, u"127.0.0.1:%1"_s.arg(portA), u"suanli@127.0.0.1"_s}));
        QVERIFY(finished(renterB, 15000));
        QVERIFY(!renterB->readAllStandardOutput().contains("hello-from-instance"));
        QVERIFY(renterB->exitCode() != 0);
        // An unknown key gets nothing at all.
        const KeyPair stranger = makeKey(m_dir->path(), u"stranger"_s);
        QProcess *unknown = spawn(
            u"ssh"_s,
            sshArgs(stranger, {u"-W"_s, u"127.0.0.1:%1"_s.arg(portA), u"suanli@127.0.0.1"_s}));
        QVERIFY(finished(unknown, 15000));
        QVERIFY(!unknown->readAllStandardOutput().contains("hello-from-instance"));
        QVERIFY(unknown->readAllStandardError().contains("Permission denied"));
        // No commands (ForceCommand), no PTY.
        QProcess *command = spawn(u"ssh"_s, sshArgs(m_renterKey, {u"suanli@127.0.0.1"_s, u"id"_s}));
        QVERIFY(finished(command, 15000));
        QVERIFY(!command->readAllStandardOutput().contains("uid="));
        QProcess *pty = spawn(u"ssh"_s, sshArgs(m_renterKey, {u"-tt"_s, u"suanli@127.0.0.1"_s}));
        pty->closeWriteChannel();
        QVERIFY(finished(pty, 15000));
        QVERIFY(pty->readAllStandardError().contains("PTY allocation request failed"));

        // Stopped: the renter's key opens nothing any more, the host's key listens nowhere.
        QVERIFY(stop(a, m_renter, idA));
        QProcess *late = spawn(
            u"ssh"_s,
            sshArgs(m_renterKey, {u"-W"_s, u"127.0.0.1:%1"_s.arg(portA), u"suanli@127.0.0.1"_s}));
        QVERIFY(finished(late, 15000));
        QVERIFY(!late->readAllStandardOutput().contains("hello-from-instance"));
        QVERIFY(late->readAllStandardError().contains("Permission denied"));
        QProcess *relisten =
            spawn(u"ssh"_s, sshArgs(hostKeyA, {u"-N"_s, u"-o"_s, u"ExitOnForwardFailure=yes"_s,
                                               u"-R"_s, forward(portA + 5, service.serverPort()),
                                               u"suanli-host@127.0.0.1"_s}));
        QVERIFY(finished(relisten, 15000));
        QVERIFY(relisten->exitCode() != 0);
    }
};

SUANLI_TEST_MAIN(TestMarketRelay)
#include "tst_market_relay.moc"
