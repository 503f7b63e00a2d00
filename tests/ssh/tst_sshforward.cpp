#include "sshdfixture.h"
#include "tcptools.h"

#include "ssh/session.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace suanli::ssh;
using namespace suanli::ssh::test;
using namespace std::chrono_literals;

/// Local port forwards through a real sshd: many parallel connections, busy and released
/// ports, refused targets, half-close, connections made before the session is up.
class TestSshForward : public QObject
{
    Q_OBJECT
private:
    SshdFixture m_sshd;
    EchoServer m_echo;
    std::unique_ptr<Session> m_session;

    Endpoint endpoint() const
    {
        return {QStringLiteral("127.0.0.1"), m_sshd.port(), m_sshd.user(), m_sshd.hostKeyLine()};
    }
    ForwardSpec toEcho(quint16 localPort = 0) const
    {
        return {localPort, QStringLiteral("127.0.0.1"), m_echo.port()};
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
        m_session = std::make_unique<Session>(endpoint(), Identity{m_sshd.clientKeyPath(), {}});
        m_session->open();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), SessionState::Connected, 10000);
    }

    void cleanupTestCase() { m_session.reset(); }

    void hundredParallelConnectionsBothWays()
    {
        auto forward = m_session->addForward(toEcho());
        QVERIFY(forward.ok());
        constexpr int kConnections = 100;
        constexpr qsizetype kBytes = 256 * 1024;

        auto clients = std::make_unique<EchoBurst>(forward->localPort, kConnections, kBytes);
        QString why;
        QVERIFY2(clients->waitEchoed(60000, &why), qPrintable(why));

        QTRY_COMPARE(m_session->forward(forward->id).bytesFromRemote, kConnections * kBytes);
        ForwardStats stats = m_session->forward(forward->id);
        QCOMPARE(stats.totalConnections, kConnections);
        QCOMPARE(stats.activeConnections, kConnections);
        QCOMPARE(stats.bytesToRemote, kConnections * kBytes);
        QCOMPARE(stats.failedConnections, 0);

        clients.reset(); // closes the sockets
        QTRY_COMPARE(m_session->forward(forward->id).activeConnections, 0);
        m_session->removeForward(forward->id);
    }

    void busyPortIsReportedBeforeConnecting()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        auto forward = m_session->addForward(toEcho(squatter.serverPort()));
        QVERIFY(!forward.ok());
        QCOMPARE(forward.error().code, QStringLiteral("port_in_use"));
        QVERIFY(forward.error().message.contains(QString::number(squatter.serverPort())));
        QCOMPARE(m_session->forwards().size(), 0);
    }

    void portIsReleasedOnRemove()
    {
        const quint16 port = freeLoopbackPort();
        auto forward = m_session->addForward(toEcho(port));
        QVERIFY(forward.ok());
        QCOMPARE(forward->localPort, port);
        QCOMPARE(exchange(port, "hello"), QByteArray("hello"));
        m_session->removeForward(forward->id);
        QTcpServer again;
        QTRY_VERIFY(again.isListening() || again.listen(QHostAddress::LocalHost, port));
    }

    void refusedTargetClosesTheClient()
    {
        auto forward = m_session->addForward({0, QStringLiteral("127.0.0.1"), freeLoopbackPort()});
        QVERIFY(forward.ok());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, forward->localPort);
        socket.write("anyone?");
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
        QTRY_COMPARE(m_session->forward(forward->id).failedConnections, 1);
        QTRY_COMPARE(m_session->forward(forward->id).activeConnections, 0);
        m_session->removeForward(forward->id);
    }

    void halfCloseTravelsBothWays()
    {
        // A client that sends a request, shuts down its sending side and reads the answer to
        // the end (HTTP/1.0 clients, `nc -N`); a server that answers after reading to EOF.
        // Plain blocking sockets in threads: QTcpSocket cannot half-close.
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), length), 0);
        QCOMPARE(::listen(listener, 1), 0);
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
        const quint16 serverPort = ntohs(address.sin_port);

        const auto readToEof = [](int fd) {
            QByteArray data;
            char buffer[64];
            for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
                data.append(buffer, n);
            return data;
        };
        QByteArray request;
        std::thread server([&] {
            const int fd = ::accept(listener, nullptr, nullptr);
            request = readToEof(fd);
            ::send(fd, "answer", 6, MSG_NOSIGNAL);
            ::close(fd);
        });

        auto forward = m_session->addForward({0, QStringLiteral("127.0.0.1"), serverPort});
        QVERIFY(forward.ok());
        std::atomic<bool> done = false;
        QByteArray answer;
        std::thread client([&] {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in to{};
            to.sin_family = AF_INET;
            to.sin_port = htons(forward->localPort);
            to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) == 0) {
                ::send(fd, "request", 7, MSG_NOSIGNAL);
                ::shutdown(fd, SHUT_WR);
                answer = readToEof(fd);
            }
            ::close(fd);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 10000);
        client.join();
        server.join();
        ::close(listener);
        QCOMPARE(request, QByteArray("request"));
        QCOMPARE(answer, QByteArray("answer"));
        QTRY_COMPARE(m_session->forward(forward->id).activeConnections, 0);
        m_session->removeForward(forward->id);
    }

    void connectionsWaitForTheSession()
    {
        Session later(endpoint(), Identity{m_sshd.clientKeyPath(), {}});
        auto forward = later.addForward(toEcho());
        QVERIFY(forward.ok());
        QTcpSocket socket;
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
        socket.connectToHost(QHostAddress::LocalHost, forward->localPort);
        socket.write("early");
        QVERIFY(!readyRead.wait(200)); // nothing comes back before the session is open
        QVERIFY(received.isEmpty());
        later.open();
        QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("early"), 10000);
    }
};

QTEST_GUILESS_MAIN(TestSshForward)
#include "tst_sshforward.moc"
