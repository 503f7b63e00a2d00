#include "sshdfixture.h"
#include "tcptools.h"

#include "ssh/blockingsession.h"
#include "ssh/session.h"
#include "ssh/sshkey.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <libssh2_sftp.h>

using namespace suanli::ssh;
using namespace suanli::ssh::test;
using namespace std::chrono_literals;

namespace {

/// The error of a failed Result, for QVERIFY2 (which evaluates its message either way).
template <typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

} // namespace

/// Sessions through a relay (docs/ssh.md, "Through a relay") with two real sshds on loopback:
/// the relay, configured as the market's relay is (restrict, port-forwarding, one permitopen,
/// no TTY, a command that does nothing), and the target, standing for the instance's sshd.
/// Both log in with the same client key.
class TestSshJump : public QObject
{
    Q_OBJECT
private:
    SshdFixture m_target;
    SshdFixture m_relay;
    EchoServer m_echo;
    QTemporaryDir m_dir;

    static SessionOptions fastOptions()
    {
        SessionOptions options;
        options.connectTimeout = 5s;
        options.keepaliveInterval = 2s;
        options.keepaliveMaxMissed = 2;
        options.reconnectDelayMin = 100ms;
        options.reconnectDelayMax = 1s;
        return options;
    }
    JumpHost jump() const
    {
        return {QStringLiteral("127.0.0.1"), m_relay.port(), m_relay.user(), m_relay.hostKeyLine()};
    }
    Endpoint endpoint() const
    {
        Endpoint e{QStringLiteral("127.0.0.1"), m_target.port(), m_target.user(),
                   m_target.hostKeyLine()};
        e.jump = jump();
        return e;
    }
    Identity identity() const { return {m_target.clientKeyPath(), {}}; }
    static QString otherHostKey()
    {
        auto key = generateEd25519Key(QStringLiteral("someone-else"));
        return key ? key->publicKeyLine.section(u' ', 0, 1) : QString();
    }

    /// The session reaches `state` and its error has `code` (Failed or WaitingToReconnect).
    static bool failsWith(Session &session, SessionState state, const QString &code)
    {
        if (!QTest::qWaitFor([&] { return session.state() == state; }, 15000)) {
            qWarning() << "state" << int(session.state()) << session.lastError().message;
            return false;
        }
        if (session.lastError().code != code) {
            qWarning() << "code" << session.lastError().code << session.lastError().message;
            return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_target.start(&error), qPrintable(error));
        m_relay.setAuthorizedKeys(
            QStringLiteral("restrict,port-forwarding,permitopen=\"127.0.0.1:%1\" %2\n")
                .arg(m_target.port())
                .arg(m_target.clientPublicKeyLine()));
        m_relay.addConfig(QStringLiteral("PermitTTY no\nForceCommand /bin/true\n"));
        QVERIFY2(m_relay.start(&error), qPrintable(error));
    }

    void forwardThroughTheJumpBothWays()
    {
        Session session(endpoint(), identity(), fastOptions());
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 15000);
        QVERIFY(m_relay.log().contains(QStringLiteral("Accepted publickey for ") + m_relay.user()));
        auto forward = session.addForward({0, QStringLiteral("127.0.0.1"), m_echo.port()});
        QVERIFY(forward.ok());
        // Bytes both ways: each connection gets back exactly the random bytes it sent.
        auto burst = std::make_unique<EchoBurst>(forward->localPort, 8, 2 * 1024 * 1024);
        QString why;
        QVERIFY2(burst->waitEchoed(60000, &why), qPrintable(why));
        burst.reset();
        QTRY_COMPARE_WITH_TIMEOUT(session.forward(forward->id).activeConnections, 0, 10000);
        QVERIFY(session.forward(forward->id).bytesFromRemote >= 16 * 1024 * 1024);
        // The target saw a connection from the relay (loopback), not one of ours.
        QVERIFY(
            m_target.log().contains(QStringLiteral("Accepted publickey for ") + m_target.user()));
    }

    void blockingExecAndSftpThroughTheJump()
    {
        BlockingSession session;
        auto connected = session.connect(endpoint(), identity(), fastOptions());
        QVERIFY2(connected.ok(), why(connected));
        auto run = session.exec("printf 'out:%s' \"$(cat)\"; printf err >&2; exit 3", "input");
        QVERIFY2(run.ok(), why(run));
        QCOMPARE(run->out, QByteArray("out:input"));
        QCOMPARE(run->err, QByteArray("err"));
        QCOMPARE(run->exitStatus, 3);

        auto sftp = session.sftp();
        QVERIFY2(sftp.ok(), why(sftp));
        QByteArray payload(8 * 1024 * 1024 + 123, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(payload.data()),
                                              payload.size() / 4);
        const QByteArray remote = m_dir.filePath(QStringLiteral("uploaded.bin")).toUtf8();
        LIBSSH2_SFTP_HANDLE *out =
            libssh2_sftp_open(*sftp, remote.constData(),
                              LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT | LIBSSH2_FXF_TRUNC, 0600);
        QVERIFY(out);
        for (qsizetype done = 0; done < payload.size();) {
            const ssize_t n =
                libssh2_sftp_write(out, payload.constData() + done,
                                   size_t(qMin<qsizetype>(payload.size() - done, 1024 * 1024)));
            QVERIFY2(n > 0, "sftp write failed");
            done += n;
        }
        libssh2_sftp_close(out);
        LIBSSH2_SFTP_HANDLE *in = libssh2_sftp_open(*sftp, remote.constData(), LIBSSH2_FXF_READ, 0);
        QVERIFY(in);
        QByteArray back;
        QByteArray buffer(1024 * 1024, Qt::Uninitialized);
        for (;;) {
            const ssize_t n = libssh2_sftp_read(in, buffer.data(), size_t(buffer.size()));
            QVERIFY2(n >= 0, "sftp read failed");
            if (n == 0)
                break;
            back.append(buffer.constData(), n);
        }
        libssh2_sftp_close(in);
        QCOMPARE(QCryptographicHash::hash(back, QCryptographicHash::Sha256).toHex(),
                 QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
        QFile local(QString::fromUtf8(remote));
        QVERIFY(local.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(local.readAll(), QCryptographicHash::Sha256).toHex(),
                 QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
    }

    void wrongRelayKeyIsFatal()
    {
        Endpoint e = endpoint();
        e.jump->hostKey = otherHostKey();
        Session session(e, identity(), fastOptions());
        session.open();
        QVERIFY(failsWith(session, SessionState::Failed, QStringLiteral("host_key_mismatch")));
        QVERIFY2(session.lastError().message.contains(
                     QStringLiteral("relay at 127.0.0.1:%1").arg(m_relay.port())),
                 qPrintable(session.lastError().message));

        BlockingSession blocking;
        auto connected = blocking.connect(e, identity(), fastOptions());
        QVERIFY(!connected.ok());
        QCOMPARE(connected.error().code, QStringLiteral("host_key_mismatch"));
        QVERIFY(connected.error().message.contains(QStringLiteral("relay")));
    }

    void wrongTargetKeyIsFatal()
    {
        Endpoint e = endpoint();
        e.hostKey = otherHostKey();
        Session session(e, identity(), fastOptions());
        session.open();
        QVERIFY(failsWith(session, SessionState::Failed, QStringLiteral("host_key_mismatch")));
        // The relay hop worked: the error is the target's.
        QVERIFY2(!session.lastError().message.contains(QStringLiteral("relay")),
                 qPrintable(session.lastError().message));
        QVERIFY(session.lastError().message.contains(
            QStringLiteral("127.0.0.1:%1").arg(m_target.port())));

        BlockingSession blocking;
        auto connected = blocking.connect(e, identity(), fastOptions());
        QVERIFY(!connected.ok());
        QCOMPARE(connected.error().code, QStringLiteral("host_key_mismatch"));
    }

    void relayRefusingTheKeyIsFatal()
    {
        // A key the target would not know either; the relay is asked first and says no.
        auto key = generateEd25519Key(QStringLiteral("stranger"));
        QVERIFY(key.ok());
        const QString path = m_dir.filePath(QStringLiteral("stranger_ed25519"));
        QVERIFY(saveKeyPair(*key, path).ok());
        Session session(endpoint(), {path, {}}, fastOptions());
        session.open();
        QVERIFY(failsWith(session, SessionState::Failed, QStringLiteral("auth_failed")));
        QVERIFY2(session.lastError().message.contains(
                     QStringLiteral("relay 127.0.0.1:%1 refused our SSH key").arg(m_relay.port())),
                 qPrintable(session.lastError().message));
    }

    void portOutsidePermitOpenIsRefused()
    {
        // The echo server's port is reachable on loopback, but the relay's permitopen names
        // the target's port only.
        const int echoConnections = m_echo.connections();
        Endpoint e = endpoint();
        e.port = m_echo.port();
        Session session(e, identity(), fastOptions());
        session.open();
        QVERIFY(failsWith(session, SessionState::Failed, QStringLiteral("relay_open_failed")));
        QVERIFY2(session.lastError().message.contains(
                     QStringLiteral("relay 127.0.0.1:%1 could not open 127.0.0.1:%2")
                         .arg(m_relay.port())
                         .arg(m_echo.port())),
                 qPrintable(session.lastError().message));
        QCOMPARE(m_echo.connections(), echoConnections);

        BlockingSession blocking;
        auto connected = blocking.connect(e, identity(), fastOptions());
        QVERIFY(!connected.ok());
        QCOMPARE(connected.error().code, QStringLiteral("relay_open_failed"));
    }

    void relayKilledMidSessionThenBack()
    {
        Session session(endpoint(), identity(), fastOptions());
        QSignalSpy errors(&session, &Session::errorOccurred);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 15000);
        auto forward = session.addForward({0, QStringLiteral("127.0.0.1"), m_echo.port()});
        QVERIFY(forward.ok());
        QCOMPARE(exchange(forward->localPort, "before"), QByteArray("before"));

        m_relay.kill();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::WaitingToReconnect, 15000);
        QVERIFY(!errors.isEmpty());
        const auto lost = errors.first().first().value<suanli::Error>();
        QCOMPARE(lost.code, QStringLiteral("connection_lost"));
        QVERIFY2(lost.message.contains(QStringLiteral("relay 127.0.0.1:%1").arg(m_relay.port())),
                 qPrintable(lost.message));

        QString error;
        QVERIFY2(m_relay.restart(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 20000);
        QCOMPARE(exchange(forward->localPort, "after"), QByteArray("after"));
    }

    void blockingSessionReportsTheLostRelay()
    {
        BlockingSession session;
        auto connected = session.connect(endpoint(), identity(), fastOptions(), 5s);
        QVERIFY2(connected.ok(), why(connected));
        m_relay.kill();
        auto run = session.exec("echo hi");
        QVERIFY(!run.ok());
        QCOMPARE(run.error().code, QStringLiteral("connection_lost"));
        QVERIFY2(run.error().message.contains(QStringLiteral("relay")), why(run));
        QString error;
        QVERIFY2(m_relay.restart(&error), qPrintable(error));
        auto again = session.connect(endpoint(), identity(), fastOptions());
        QVERIFY2(again.ok(), why(again));
        auto echoed = session.exec("echo hi");
        QVERIFY(echoed.ok());
        QCOMPARE(echoed->out, QByteArray("hi\n"));
    }
};

QTEST_GUILESS_MAIN(TestSshJump)
#include "tst_sshjump.moc"
