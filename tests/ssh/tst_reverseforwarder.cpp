#include "sshdfixture.h"
#include "tcptools.h"

#include "ssh/reverseforwarder.h"
#include "ssh/session.h"
#include "ssh/sshkey.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <unistd.h>

using namespace suanli;
using namespace suanli::ssh;
using namespace suanli::ssh::test;
using namespace std::chrono_literals;

/// ssh::ReverseForwarder against a real OpenSSH sshd as the relay (docs/relay.md): the agent
/// key may listen only on the ports its authorized_keys line names (permitlisten, read at each
/// login), a renter key may open them (permitopen) with a direct-tcpip channel of its own
/// libssh2 session; the far end is a local TCP echo service.
class TestReverseForwarder : public QObject
{
    Q_OBJECT
private:
    SshdFixture m_relay;
    QTemporaryDir m_keys;
    QString m_agentPublic;
    EchoServer m_echo;
    quint16 m_p1 = 0, m_p2 = 0, m_p3 = 0;

    QString agentKey() const { return m_keys.filePath(QStringLiteral("relay_ed25519")); }
    Endpoint relay() const
    {
        return {QStringLiteral("127.0.0.1"), m_relay.port(), m_relay.user(), m_relay.hostKeyLine()};
    }
    SessionOptions fastRetries() const
    {
        SessionOptions o;
        o.reconnectDelayMin = 100ms;
        o.reconnectDelayMax = 1000ms;
        o.keepaliveInterval = 2s;
        return o;
    }
    ReverseForwardSpec toEcho(quint16 relayPort) const
    {
        return {relayPort, QStringLiteral("127.0.0.1"), m_echo.port()};
    }

    /// The relay's authorized_keys: the agent key may listen on `listen`, the renter key (the
    /// fixture's client key) may open all three test ports.
    void authorize(const QList<quint16> &listen)
    {
        QStringList permits;
        for (quint16 p : listen)
            permits << QStringLiteral("permitlisten=\"127.0.0.1:%1\"").arg(p);
        const QString agent = QStringLiteral("restrict,port-forwarding,%1 %2\n")
                                  .arg(permits.join(u','), m_agentPublic);
        const QString renter =
            QStringLiteral("restrict,port-forwarding,permitopen=\"127.0.0.1:%1\","
                           "permitopen=\"127.0.0.1:%2\",permitopen=\"127.0.0.1:%3\" %4\n")
                .arg(m_p1)
                .arg(m_p2)
                .arg(m_p3)
                .arg(m_relay.clientPublicKeyLine());
        QFile file(m_relay.dir() + QStringLiteral("/authorized_keys"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(file.write((agent + renter).toUtf8()) > 0);
    }

    /// The renter's side: a libssh2 session of its own to the relay and a local port that
    /// opens a direct-tcpip channel to the relay's 127.0.0.1:relayPort per connection.
    struct Renter
    {
        std::unique_ptr<Session> session;
        int forwardId = 0;
        quint16 localPort = 0;
    };
    std::unique_ptr<Renter> renter(quint16 relayPort)
    {
        auto r = std::make_unique<Renter>();
        r->session = std::make_unique<Session>(relay(), Identity{m_relay.clientKeyPath(), {}});
        r->session->open();
        if (!QTest::qWaitFor([&] { return r->session->state() == SessionState::Connected; }, 10000))
            return nullptr;
        auto forward = r->session->addForward({0, QStringLiteral("127.0.0.1"), relayPort});
        if (!forward)
            return nullptr;
        r->forwardId = forward->id;
        r->localPort = forward->localPort;
        return r;
    }

private slots:
    void initTestCase()
    {
        m_relay.addConfig(
            QStringLiteral("PermitTTY no\nForceCommand /bin/true\nGatewayPorts no\n"));
        QString error;
        QVERIFY2(m_relay.start(&error), qPrintable(error));
        QVERIFY(m_keys.isValid());
        auto key = generateEd25519Key(QStringLiteral("suanli-host relay"));
        QVERIFY(key.ok());
        QVERIFY(saveKeyPair(*key, agentKey()).ok());
        m_agentPublic = key->publicKeyLine;
        m_p1 = freeLoopbackPort();
        do
            m_p2 = freeLoopbackPort();
        while (m_p2 == m_p1);
        do
            m_p3 = freeLoopbackPort();
        while (m_p3 == m_p1 || m_p3 == m_p2);
    }

    void cleanupTestCase() { m_relay.stop(); }

    void init() { authorize({m_p1, m_p2}); }

    void bytesBothWaysReachTheTarget()
    {
        ReverseForwarder forwarder(relay(), Identity{agentKey(), {}}, fastRetries());
        QSignalSpy states(&forwarder, &ReverseForwarder::stateChanged);
        forwarder.setForwards({toEcho(m_p1)});
        QTRY_COMPARE_WITH_TIMEOUT(forwarder.activeForwards(), QList<quint16>{m_p1}, 10000);
        QCOMPARE(forwarder.state(), SessionState::Connected);
        QCOMPARE(forwarder.sessionCount(), 1);

        auto r = renter(m_p1);
        QVERIFY(r);
        const int echoedBefore = m_echo.connections();
        {
            EchoBurst burst(r->localPort, 8, 512 * 1024);
            QString why;
            QVERIFY2(burst.waitEchoed(30000, &why), qPrintable(why));
            QCOMPARE(forwarder.openChannels(), 8);
        }
        QCOMPARE(m_echo.connections(), echoedBefore + 8);
        // Each end closed: every spliced channel ends.
        QTRY_COMPARE_WITH_TIMEOUT(forwarder.openChannels(), 0, 10000);

        // And through the real OpenSSH client, as a renter's `ssh -W` / ProxyJump does.
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"),
                  {QStringLiteral("-F"), QStringLiteral("/dev/null"), QStringLiteral("-i"),
                   m_relay.clientKeyPath(), QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                   QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=no"),
                   QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=/dev/null"),
                   QStringLiteral("-p"), QString::number(m_relay.port()), QStringLiteral("-W"),
                   QStringLiteral("127.0.0.1:%1").arg(m_p1),
                   m_relay.user() + QStringLiteral("@127.0.0.1")});
        QVERIFY(ssh.waitForStarted());
        const QByteArray line = "through ssh -W\n";
        ssh.write(line);
        QByteArray got;
        QVERIFY(QTest::qWaitFor(
            [&] {
                got += ssh.readAllStandardOutput();
                return got.size() >= line.size();
            },
            10000));
        QCOMPARE(got, line);
        ssh.closeWriteChannel();
        // The forwarder lives in this thread: wait with the event loop running.
        QTRY_COMPARE_WITH_TIMEOUT(ssh.state(), QProcess::NotRunning, 10000);
        QCOMPARE(ssh.exitCode(), 0);

        forwarder.stop();
        QCOMPARE(forwarder.state(), SessionState::Idle);
        QCOMPARE(forwarder.activeForwards(), QList<quint16>{});
        QTRY_COMPARE(forwarder.sessionCount(), 0);
    }

    void portNotPermittedIsRefusedAndReported()
    {
        ReverseForwarder forwarder(relay(), Identity{agentKey(), {}}, fastRetries());
        QSignalSpy refused(&forwarder, &ReverseForwarder::forwardRefused);
        forwarder.setForwards({toEcho(m_p1), toEcho(m_p3)});
        QVERIFY(refused.wait(10000));
        QCOMPARE(refused.first().at(0).value<quint16>(), m_p3);
        QCOMPARE(refused.first().at(1).value<Error>().code, QStringLiteral("relay_listen_refused"));
        QCOMPARE(forwarder.activeForwards(), QList<quint16>{m_p1});
        QCOMPARE(forwarder.state(), SessionState::Connected);
        QVERIFY(!refused.wait(1500)); // reported once, not retried in a loop

        auto r = renter(m_p1);
        QVERIFY(r);
        QCOMPARE(exchange(r->localPort, "permitted"), QByteArray("permitted"));
        auto other = renter(m_p3);
        QVERIFY(other);
        QCOMPARE(exchange(other->localPort, "not permitted", 3000), QByteArray());
        QTRY_COMPARE(other->session->forward(other->forwardId).failedConnections, 1);
    }

    void relayRestartBringsForwardsBack()
    {
        ReverseForwarder forwarder(relay(), Identity{agentKey(), {}}, fastRetries());
        forwarder.setForwards({toEcho(m_p1), toEcho(m_p2)});
        const QList<quint16> both{std::min(m_p1, m_p2), std::max(m_p1, m_p2)};
        QTRY_COMPARE_WITH_TIMEOUT(forwarder.activeForwards(), both, 10000);

        m_relay.kill(); // the relay machine gone: sshd and its sessions SIGKILLed
        QTRY_VERIFY_WITH_TIMEOUT(forwarder.state() == SessionState::WaitingToReconnect ||
                                     forwarder.state() == SessionState::Connecting,
                                 10000);
        QCOMPARE(forwarder.activeForwards(), QList<quint16>{});
        QTest::qWait(1500); // down for a while: a few attempts fail, the backoff grows
        QElapsedTimer sinceRestart;
        QString error;
        QVERIFY2(m_relay.restart(&error), qPrintable(error)); // same port, keys and config
        sinceRestart.start();
        QTRY_COMPARE_WITH_TIMEOUT(forwarder.activeForwards(), both, 15000);
        const qint64 backMs = sinceRestart.elapsed();
        auto r = renter(m_p2);
        QVERIFY(r);
        QCOMPARE(exchange(r->localPort, "after the restart"), QByteArray("after the restart"));
        qInfo("relay restarted: forwards back %lld ms after sshd listened again, bytes through "
              "%lld ms after",
              backMs, sinceRestart.elapsed());
        QVERIFY2(backMs < 5000, "forwards should be back within seconds");
        QCOMPARE(forwarder.sessionCount(), 1);
    }

    void gainedPortMakesANewSessionBeforeBreakingTheOld()
    {
        authorize({m_p1});
        ReverseForwarder forwarder(relay(), Identity{agentKey(), {}}, fastRetries());
        forwarder.setForwards({toEcho(m_p1)});
        QTRY_COMPARE_WITH_TIMEOUT(forwarder.activeForwards(), QList<quint16>{m_p1}, 10000);

        // A connection open through the first session.
        auto r1 = renter(m_p1);
        QVERIFY(r1);
        QTcpSocket held;
        QByteArray heldGot;
        connect(&held, &QTcpSocket::readyRead, &held, [&] { heldGot += held.readAll(); });
        held.connectToHost(QHostAddress::LocalHost, r1->localPort);
        held.write("before");
        QTRY_COMPARE_WITH_TIMEOUT(heldGot, QByteArray("before"), 10000);
        QCOMPARE(forwarder.openChannels(), 1);

        // The market grants P2: the relay lets only a new login listen there.
        authorize({m_p1, m_p2});
        forwarder.setForwards({toEcho(m_p1), toEcho(m_p2)});
        const QList<quint16> both{std::min(m_p1, m_p2), std::max(m_p1, m_p2)};
        QTRY_COMPARE_WITH_TIMEOUT(forwarder.activeForwards(), both, 10000);
        QCOMPARE(forwarder.sessionCount(), 2); // the old one stays for its open channel

        heldGot.clear();
        held.write("still there");
        QTRY_COMPARE_WITH_TIMEOUT(heldGot, QByteArray("still there"), 10000);
        auto r2 = renter(m_p2);
        QVERIFY(r2);
        QCOMPARE(exchange(r2->localPort, "new port"), QByteArray("new port"));
        QCOMPARE(exchange(r1->localPort, "old port, new session"),
                 QByteArray("old port, new session"));

        held.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(forwarder.sessionCount(), 1, 10000); // at rest: one session
        QCOMPARE(forwarder.activeForwards(), both);
        QCOMPARE(exchange(r1->localPort, "at rest"), QByteArray("at rest"));
    }

    void lostPortIsCancelled()
    {
        ReverseForwarder forwarder(relay(), Identity{agentKey(), {}}, fastRetries());
        forwarder.setForwards({toEcho(m_p1), toEcho(m_p2)});
        const QList<quint16> both{std::min(m_p1, m_p2), std::max(m_p1, m_p2)};
        QTRY_COMPARE_WITH_TIMEOUT(forwarder.activeForwards(), both, 10000);
        auto r2 = renter(m_p2);
        QVERIFY(r2);
        QCOMPARE(exchange(r2->localPort, "listed"), QByteArray("listed"));

        forwarder.setForwards({toEcho(m_p1)});
        QCOMPARE(forwarder.activeForwards(), QList<quint16>{m_p1});
        QCOMPARE(forwarder.sessionCount(), 1); // losing a port needs no new session
        QTest::qWait(300);                     // the cancel reaches the relay
        QCOMPARE(exchange(r2->localPort, "withdrawn", 3000), QByteArray());
        QTRY_COMPARE(r2->session->forward(r2->forwardId).failedConnections, 1);
        auto r1 = renter(m_p1);
        QVERIFY(r1);
        QCOMPARE(exchange(r1->localPort, "kept"), QByteArray("kept"));

        // An empty list: no session at all.
        forwarder.setForwards({});
        QCOMPARE(forwarder.state(), SessionState::Idle);
        QTRY_COMPARE_WITH_TIMEOUT(forwarder.sessionCount(), 0, 5000);
    }

    void wrongRelayHostKeyIsFatal()
    {
        auto other = generateEd25519Key(QStringLiteral("not the relay"));
        QVERIFY(other.ok());
        Endpoint wrong = relay();
        wrong.hostKey = other->publicKeyLine;
        ReverseForwarder forwarder(wrong, Identity{agentKey(), {}}, fastRetries());
        QSignalSpy errors(&forwarder, &ReverseForwarder::errorOccurred);
        forwarder.setForwards({toEcho(m_p1)});
        QTRY_COMPARE_WITH_TIMEOUT(forwarder.state(), SessionState::Failed, 10000);
        QCOMPARE(forwarder.lastError().code, QStringLiteral("host_key_mismatch"));
        QVERIFY(!errors.wait(2000)); // no retry loop
        QCOMPARE(errors.size(), 1);
        forwarder.setForwards({toEcho(m_p1), toEcho(m_p2)});
        QVERIFY(!errors.wait(500));
        QCOMPARE(forwarder.state(), SessionState::Failed);
        QTRY_COMPARE(forwarder.sessionCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReverseForwarder)
#include "tst_reverseforwarder.moc"
