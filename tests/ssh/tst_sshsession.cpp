#include "sshdfixture.h"
#include "tcptools.h"

#include "ssh/session.h"
#include "ssh/sshkey.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace suanli::ssh;
using namespace suanli::ssh::test;
using namespace std::chrono_literals;

/// Sessions against a real sshd on loopback: login, pinning, reconnects after a dropped or a
/// silent link (through a relay that fails on demand).
class TestSshSession : public QObject
{
    Q_OBJECT
private:
    SshdFixture m_sshd;
    QTemporaryDir m_dir;

    Endpoint endpoint(quint16 port = 0) const
    {
        return {QStringLiteral("127.0.0.1"), port ? port : m_sshd.port(), m_sshd.user(),
                m_sshd.hostKeyLine()};
    }
    Identity identity() const { return {m_sshd.clientKeyPath(), {}}; }
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

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
    }

    void authenticatesWithGeneratedKey()
    {
        Session session(endpoint(), identity(), fastOptions());
        QSignalSpy states(&session, &Session::stateChanged);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 10000);
        QCOMPARE(states.first().first().value<SessionState>(), SessionState::Connecting);
        QVERIFY(session.lastError().code.isEmpty());
        QTRY_VERIFY(
            m_sshd.log().contains(QStringLiteral("Accepted publickey for ") + m_sshd.user()));
    }

    void authenticatesWithPassphraseKey()
    {
        // The fixture's client key, re-written under a passphrase: same key, now encrypted.
        const QString locked = m_dir.filePath(QStringLiteral("locked_ed25519"));
        QFile::remove(locked);
        QVERIFY(QFile::copy(m_sshd.clientKeyPath(), locked));
        QVERIFY(changeKeyPassphrase(locked, {}, "correct horse").ok());

        Session session(endpoint(), {locked, "correct horse"}, fastOptions());
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 10000);

        Session without(endpoint(), {locked, {}}, fastOptions());
        without.open();
        QTRY_COMPARE_WITH_TIMEOUT(without.state(), SessionState::Failed, 10000);
        QCOMPARE(without.lastError().code, QStringLiteral("ssh_key_passphrase"));

        Session wrong(endpoint(), {locked, "wrong"}, fastOptions());
        wrong.open();
        QTRY_COMPARE_WITH_TIMEOUT(wrong.state(), SessionState::Failed, 10000);
        QCOMPARE(wrong.lastError().code, QStringLiteral("ssh_key_passphrase"));
    }

    void rejectsPinnedKeyMismatch()
    {
        Endpoint wrong = endpoint();
        wrong.hostKey = generateEd25519Key({})->publicKeyLine;
        Session session(wrong, identity(), fastOptions());
        QSignalSpy errors(&session, &Session::errorOccurred);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Failed, 10000);
        QCOMPARE(session.lastError().code, QStringLiteral("host_key_mismatch"));
        QVERIFY(session.lastError().message.contains(QStringLiteral("Security warning")));
        QVERIFY(session.lastError().message.contains(QStringLiteral("SHA256:")));
        // Fatal: no retry follows.
        QVERIFY(!errors.wait(500));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(session.state(), SessionState::Failed);
    }

    void rejectsInvalidPinnedKey()
    {
        Endpoint invalid = endpoint();
        invalid.hostKey = QStringLiteral("ssh-ed25519");
        Session session(invalid, identity(), fastOptions());
        session.open();
        QTRY_COMPARE(session.state(), SessionState::Failed);
        QCOMPARE(session.lastError().code, QStringLiteral("host_key_invalid"));
    }

    void refusesUnknownClientKey()
    {
        const QString path = m_dir.path() + QStringLiteral("/stranger");
        QVERIFY(saveKeyPair(*generateEd25519Key({}), path).ok());
        Session session(endpoint(), {path, {}}, fastOptions());
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Failed, 10000);
        QCOMPARE(session.lastError().code, QStringLiteral("auth_failed"));
    }

    void retriesWhileNothingListens()
    {
        Session session(endpoint(freeLoopbackPort()), identity(), fastOptions());
        QSignalSpy errors(&session, &Session::errorOccurred);
        session.open();
        QTRY_VERIFY(errors.size() >= 2); // tried, waited, tried again
        QCOMPARE(errors.first().first().value<suanli::Error>().code,
                 QStringLiteral("connect_failed"));
        QVERIFY(session.state() != SessionState::Failed);
    }

    void reconnectsAfterDroppedConnection()
    {
        EchoServer echo;
        TcpRelay relay(m_sshd.port());
        Session session(endpoint(relay.port()), identity(), fastOptions());
        auto forward = session.addForward({0, QStringLiteral("127.0.0.1"), echo.port()});
        QVERIFY(forward.ok());
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 10000);
        QCOMPARE(exchange(forward->localPort, "before"), QByteArray("before"));

        QSignalSpy states(&session, &Session::stateChanged);
        relay.drop();
        QTRY_VERIFY_WITH_TIMEOUT(
            states.contains({QVariant::fromValue(SessionState::WaitingToReconnect)}), 10000);
        QCOMPARE(session.lastError().code, QStringLiteral("connection_lost"));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 10000);
        QCOMPARE(relay.accepted(), 2);
        // Same local port, new SSH session underneath.
        QCOMPARE(exchange(forward->localPort, "after"), QByteArray("after"));
    }

    void dropsRemovesAndClosesWithConnectionsOpen()
    {
        // Regression: finishing open tunnels while walking the tunnel list crashed when the
        // link dropped, a forward was removed or the session closed with connections open.
        EchoServer echo;
        TcpRelay relay(m_sshd.port());
        auto session =
            std::make_unique<Session>(endpoint(relay.port()), identity(), fastOptions());
        auto forward = session->addForward({0, QStringLiteral("127.0.0.1"), echo.port()});
        auto other = session->addForward({0, QStringLiteral("127.0.0.1"), echo.port()});
        QVERIFY(forward.ok() && other.ok());
        session->open();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), SessionState::Connected, 10000);
        const auto openConnections = [&](quint16 port) {
            std::vector<std::unique_ptr<QTcpSocket>> sockets;
            for (int i = 0; i < 5; ++i) {
                sockets.push_back(std::make_unique<QTcpSocket>());
                sockets.back()->connectToHost(QHostAddress::LocalHost, port);
                sockets.back()->write("x");
            }
            return sockets;
        };
        auto first = openConnections(forward->localPort);
        auto second = openConnections(other->localPort);
        QTRY_COMPARE(session->forward(forward->id).bytesFromRemote, 5);
        QTRY_COMPARE(session->forward(other->id).bytesFromRemote, 5);

        relay.drop();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), SessionState::WaitingToReconnect, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), SessionState::Connected, 10000);
        QTRY_COMPARE(session->forward(forward->id).activeConnections, 0);

        first = openConnections(forward->localPort);
        second = openConnections(other->localPort);
        QTRY_COMPARE(session->forward(forward->id).activeConnections, 5);
        QTRY_COMPARE(session->forward(other->id).activeConnections, 5);
        session->removeForward(forward->id);
        QTRY_VERIFY(std::all_of(first.begin(), first.end(), [](const auto &s) {
            return s->state() == QAbstractSocket::UnconnectedState;
        }));
        session.reset(); // with the other forward's connections open
        QTRY_VERIFY(std::all_of(second.begin(), second.end(), [](const auto &s) {
            return s->state() == QAbstractSocket::UnconnectedState;
        }));
    }

    void reconnectsAfterSilentLink()
    {
        EchoServer echo;
        TcpRelay relay(m_sshd.port());
        Session session(endpoint(relay.port()), identity(), fastOptions());
        auto forward = session.addForward({0, QStringLiteral("127.0.0.1"), echo.port()});
        QVERIFY(forward.ok());
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 10000);

        // Like a laptop asleep: the TCP connection stays, nothing gets through. Keepalives
        // every 2 s, dead after 4 s of silence.
        relay.setBlackhole(true);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::WaitingToReconnect, 15000);
        QCOMPARE(session.lastError().code, QStringLiteral("connection_lost"));
        relay.setBlackhole(false);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 15000);
        QCOMPARE(exchange(forward->localPort, "awake"), QByteArray("awake"));
    }

    void destroyingTheSessionFreesItsPorts()
    {
        EchoServer echo;
        quint16 port = 0;
        {
            Session session(endpoint(), identity(), fastOptions());
            auto forward = session.addForward({0, QStringLiteral("127.0.0.1"), echo.port()});
            QVERIFY(forward.ok());
            port = forward->localPort;
            session.open();
            QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 10000);
            QCOMPARE(exchange(port, "x"), QByteArray("x"));
        }
        QTcpServer again;
        QVERIFY(again.listen(QHostAddress::LocalHost, port));
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_sshsession.moc"
