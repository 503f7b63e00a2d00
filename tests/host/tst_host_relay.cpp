// The agent in relay mode (docs/host.md "Network"): a real Podman instance, a real OpenSSH sshd
// as the relay, and a WebSocket peer on loopback playing the market's side of the agent
// channel (hello → welcome with the verdict, create, the relay message). A renter's real
// OpenSSH client reaches the instance's sshd through the relay (ssh -W as ProxyCommand, both
// host keys pinned); the instance's port is published on 127.0.0.1 only; the relay killed and
// started again → reachable again, the instance still running.

#include "host/hostengine.h"
#include "protocol/json.h"
#include "ssh/reverseforwarder.h"
#include "ssh/sshkey.h"
#include "sshdfixture.h"
#include "support/podmancli.h"
#include "support/scriptedmarket.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWebSocket>
#include <QWebSocketServer>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace suanli;

namespace {

constexpr auto kImage = "localhost/suanli/base:bookworm";
constexpr qint64 kInstance = 7;


} // namespace

class TestHostRelay : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ssh::test::SshdFixture m_relay;
    testing::ScriptedMarket m_market;
    std::unique_ptr<host::HostEngine> m_engine;
    QStringList m_log;
    QString m_renterPublic;
    quint16 m_relayPort = 0; ///< the instance's port on the relay's loopback
    protocol::SshEndpoint m_ssh;

    QString stateDir() const { return m_dir.filePath(u"state"_s); }
    QString renterKey() const { return m_dir.filePath(u"renter"_s); }
    QString relayConfig() const { return m_relay.dir() + u"/sshd_config"_s; }

    void authorize(const QString &agentKeyLine)
    {
        QFile file(m_relay.dir() + u"/authorized_keys"_s);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(u"restrict,port-forwarding,permitlisten=\"127.0.0.1:%1\" %2\n"
                   "restrict,port-forwarding,permitopen=\"127.0.0.1:%1\" %3\n"_s.arg(m_relayPort)
                       .arg(agentKeyLine, m_renterPublic)
                       .toUtf8());
    }

    /// The renter's OpenSSH client: the relay as a jump (ssh -W), both host keys pinned.
    int sshThroughRelay(const QString &command, QByteArray *output)
    {
        const QString knownHosts = m_dir.filePath(u"known_hosts"_s);
        QFile kh(knownHosts);
        if (!kh.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return -1;
        kh.write(u"[127.0.0.1]:%1 %2\n[127.0.0.1]:%3 %4\n"_s.arg(m_relay.port())
                     .arg(m_relay.hostKeyLine())
                     .arg(m_relayPort)
                     .arg(m_ssh.host_key.section(u' ', 0, 1))
                     .toUtf8());
        kh.close();
        const QString common =
            u"-F /dev/null -i %1 -o BatchMode=yes -o IdentitiesOnly=yes "
            "-o StrictHostKeyChecking=yes -o UserKnownHostsFile=%2"_s.arg(renterKey(), knownHosts);
        QProcess ssh;
        ssh.setProcessChannelMode(QProcess::MergedChannels);
        ssh.start(u"ssh"_s,
                  QProcess::splitCommand(common) +
                      QStringList{u"-o"_s,
                                  u"ProxyCommand=ssh %1 -p %2 -W %h:%p %3@127.0.0.1"_s.arg(
                                      common, QString::number(m_relay.port()), m_relay.user()),
                                  u"-p"_s, QString::number(m_relayPort), u"root@127.0.0.1"_s,
                                  command});
        // The agent runs in this thread: wait with the event loop running.
        if (!QTest::qWaitFor([&] { return ssh.state() == QProcess::NotRunning; }, 30000)) {
            ssh.kill();
            ssh.waitForFinished();
            return -1;
        }
        *output = ssh.readAll();
        return ssh.exitStatus() == QProcess::NormalExit ? ssh.exitCode() : -1;
    }

    QString containerState()
    {
        QByteArray out;
        testing::podman({u"inspect"_s, u"--format"_s, u"{{.State.Status}}"_s,
                         m_engine->instances().value(0).container},
                        stateDir(), &out);
        return QString::fromUtf8(out.trimmed());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_market.verdict = u"relay"_s; // this host is reached through the relay
        m_relay.addConfig(u"PermitTTY no\nForceCommand /bin/true\nGatewayPorts no\n"_s);
        QString error;
        QVERIFY2(m_relay.start(&error), qPrintable(error));
        auto renter = ssh::generateEd25519Key(u"renter@test"_s);
        QVERIFY(renter.ok());
        QVERIFY(ssh::saveKeyPair(*renter, renterKey()).ok());
        m_renterPublic = renter->publicKeyLine;
        m_relayPort = ssh::test::freeLoopbackPort();

        host::HostConfig config = host::HostConfig::defaults();
        config.stateDir = stateDir();
        config.address = u"127.0.0.1"_s;
        const int base = 21000 + int(QCoreApplication::applicationPid() % 200) * 20;
        config.portMin = base;
        config.portMax = base + 19;
        config.memoryMb = 256;
        config.pidsLimit = 128;
        config.cpus = 1;
        config.stopTimeoutS = 2;
        config.reconnectMinMs = 100;
        config.reconnectMaxMs = 1000;
        config.networkMode = u"relay"_s;
        m_engine = std::make_unique<host::HostEngine>(
            host::HostEngine::Options{m_market.url(), "sh_test", config}, nullptr);
        connect(m_engine.get(), &host::HostEngine::message, this, [this](const QString &text) {
            m_log.append(text);
            qDebug("agent: %s", qPrintable(text));
        });
        m_engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status(), host::HostEngine::Status::Online, 60000);
    }

    void cleanupTestCase()
    {
        if (m_engine && m_engine->status() == host::HostEngine::Status::Online) {
            protocol::CommandMessage destroy{u"cmd-destroy"_s,
                                             protocol::CommandAction::Destroy,
                                             kInstance,
                                             std::nullopt,
                                             {},
                                             {},
                                             {},
                                             {},
                                             0};
            m_market.send(destroy);
            (void)QTest::qWaitFor(
                [&] {
                    return !m_market.states.isEmpty() &&
                           m_market.states.last().state == protocol::InstanceState::Destroyed;
                },
                60000);
        }
        m_engine.reset();
        testing::removeAgentLeftovers(stateDir());
        m_relay.stop();
    }

    void helloCarriesTheRelayKey()
    {
        QVERIFY(m_market.hello);
        QCOMPARE(m_market.hello->network, u"relay"_s);
        QCOMPARE(m_market.hello->probe_port, 0); // relay mode: nothing to probe
        const QString key = m_market.hello->relay_public_key;
        QVERIFY2(key.startsWith(u"ssh-ed25519 "_s), qPrintable(key));
        QFile file(stateDir() + u"/relay_ed25519"_s);
        QVERIFY(file.exists());
        QCOMPARE(file.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        auto pair = ssh::loadKeyPair(file.fileName());
        QVERIFY(pair.ok());
        QCOMPARE(pair->publicKeyLine.section(u' ', 0, 1), key);
        QCOMPARE(m_engine->network(), u"relay"_s);
    }

    void instancePublishedOnLoopbackOnly()
    {
        protocol::InstanceSpec spec;
        spec.image = QString::fromLatin1(kImage);
        spec.disk_gb = 1;
        spec.ssh_public_key = m_renterPublic;
        m_market.send(protocol::CommandMessage{
            u"cmd-create"_s, protocol::CommandAction::Create, kInstance, spec, {}, {}, {}, {}, 0});
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !m_market.states.isEmpty() &&
                       (m_market.states.last().state == protocol::InstanceState::Running ||
                        m_market.states.last().state == protocol::InstanceState::Failed);
            },
            180000));
        const protocol::InstanceStateMessage running = m_market.states.last();
        QVERIFY2(running.state == protocol::InstanceState::Running, qPrintable(running.reason));
        QVERIFY(running.ssh);
        m_ssh = *running.ssh;

        QByteArray published;
        QCOMPARE(testing::podman({u"port"_s, m_engine->instances().value(0).container, u"22/tcp"_s},
                                 stateDir(), &published),
                 0);
        QCOMPARE(QString::fromUtf8(published.trimmed()), u"127.0.0.1:%1"_s.arg(m_ssh.port));
    }

    void relayMessageMakesTheInstanceReachable()
    {
        QVERIFY(m_ssh.port > 0);
        authorize(m_market.hello->relay_public_key);
        const quint16 stray = ssh::test::freeLoopbackPort();
        m_market.send(protocol::RelayMessage{u"127.0.0.1"_s,
                                             m_relay.port(),
                                             m_relay.user(),
                                             m_relay.hostKeyLine(),
                                             {{kInstance, m_relayPort}, {99, stray}}});
        QTRY_VERIFY_WITH_TIMEOUT(m_engine->relayForwarder(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->relayForwarder()->activeForwards(),
                                  QList<quint16>{m_relayPort}, 15000);
        QVERIFY(std::any_of(m_log.cbegin(), m_log.cend(), [](const QString &line) {
            return line.contains(u"instance 99"_s) && line.contains(u"ignored"_s);
        }));

        QByteArray output;
        const int rc = sshThroughRelay(u"echo relayed-$((6*7))"_s, &output);
        QVERIFY2(rc == 0, output.constData());
        QVERIFY2(output.contains("relayed-42"), output.constData());
    }

    void relayRestartLosesNoInstance()
    {
        QVERIFY(m_engine->relayForwarder());
        const qsizetype reportsBefore = m_market.states.size();
        QElapsedTimer sinceKill;
        m_relay.kill(); // the relay machine gone: sshd and its sessions SIGKILLed
        sinceKill.start();
        QTRY_VERIFY2_WITH_TIMEOUT(m_engine->relayForwarder()->activeForwards().isEmpty(),
                                  qPrintable(u"state %1, sessions %2, channels %3"_s
                                                 .arg(int(m_engine->relayForwarder()->state()))
                                                 .arg(m_engine->relayForwarder()->sessionCount())
                                                 .arg(m_engine->relayForwarder()->openChannels())),
                                  30000);
        qInfo("relay killed: the agent saw it %lld ms later", sinceKill.elapsed());
        QTest::qWait(1000);
        QElapsedTimer sinceRestart;
        QString error;
        QVERIFY2(m_relay.restart(&error), qPrintable(error)); // same port, keys and config
        sinceRestart.start();
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->relayForwarder()->activeForwards(),
                                  QList<quint16>{m_relayPort}, 15000);
        QByteArray output;
        const int rc = sshThroughRelay(u"echo back-again"_s, &output);
        QVERIFY2(rc == 0, output.constData());
        QVERIFY(output.contains("back-again"));
        qInfo("relay restarted: reachable again through it %lld ms after sshd listened",
              sinceRestart.elapsed());
        QCOMPARE(containerState(), u"running"_s);
        QVERIFY(m_engine->instances().value(0).state == protocol::InstanceState::Running);
        QCOMPARE(m_market.states.size(), reportsBefore); // no state change reported
    }
};

QTEST_GUILESS_MAIN(TestHostRelay)
#include "tst_host_relay.moc"
