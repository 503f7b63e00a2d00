#include "sshdfixture.h"
#include "tcptools.h"

#include "app/access/accesslinks.h"
#include "app/access/instanceaccess.h"
#include "app/access/terminallauncher.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace suanli;
using namespace suanli::access;
using namespace suanli::ssh::test;

namespace {

/// python3's http.server on loopback, standing in for Jupyter (the real one of the base image is
/// tested against the instance container); stopped when it goes out of scope.
struct HttpStandIn
{
    QTemporaryDir root;
    quint16 port = freeLoopbackPort();
    QProcess process;

    bool start()
    {
        process.setWorkingDirectory(root.path());
        process.start(QStringLiteral("python3"),
                      {QStringLiteral("-m"), QStringLiteral("http.server"),
                       QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                       QString::number(port)});
        return process.waitForStarted() &&
               QTest::qWaitFor([this] { return !QTcpSocket().bind(QHostAddress::LocalHost, port); },
                               10000);
    }
    ~HttpStandIn()
    {
        process.terminate();
        process.waitForFinished();
    }
};

} // namespace

/// The access controllers of app/access: terminal launcher order, links, and forwards of an
/// instance through a real sshd.
class TestAccess : public QObject
{
    Q_OBJECT
private:
    static TerminalLauncher::FindProgram only(const QStringList &installed)
    {
        return [installed](const QString &name) {
            return installed.contains(name) ? QStringLiteral("/usr/bin/") + name : QString();
        };
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void linuxTerminalsAreTriedInOrder_data()
    {
        QTest::addColumn<QStringList>("installed");
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        const QStringList all = {QStringLiteral("xterm"), QStringLiteral("xfce4-terminal"),
                                 QStringLiteral("konsole"), QStringLiteral("gnome-terminal"),
                                 QStringLiteral("x-terminal-emulator")};
        QTest::newRow("debian alternative first")
            << all << QStringLiteral("/usr/bin/x-terminal-emulator")
            << QStringList{QStringLiteral("-e"), QStringLiteral("ssh"), QStringLiteral("suanli-a")};
        QTest::newRow("gnome") << all.mid(0, 4) << QStringLiteral("/usr/bin/gnome-terminal")
                               << QStringList{QStringLiteral("--"), QStringLiteral("ssh"),
                                              QStringLiteral("suanli-a")};
        QTest::newRow("konsole") << all.mid(0, 3) << QStringLiteral("/usr/bin/konsole")
                                 << QStringList{QStringLiteral("-e"), QStringLiteral("ssh"),
                                                QStringLiteral("suanli-a")};
        QTest::newRow("xfce") << all.mid(0, 2) << QStringLiteral("/usr/bin/xfce4-terminal")
                              << QStringList{QStringLiteral("-x"), QStringLiteral("ssh"),
                                             QStringLiteral("suanli-a")};
        QTest::newRow("xterm last")
            << all.mid(0, 1) << QStringLiteral("/usr/bin/xterm")
            << QStringList{QStringLiteral("-e"), QStringLiteral("ssh"), QStringLiteral("suanli-a")};
    }
    void linuxTerminalsAreTriedInOrder()
    {
        QFETCH(QStringList, installed);
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        auto command =
            TerminalLauncher(Platform::Linux, only(installed)).command(QStringLiteral("suanli-a"));
        QVERIFY(command.ok());
        QCOMPARE(command->program, program);
        QCOMPARE(command->arguments, arguments);
    }

    void noTerminalIsAnError()
    {
        auto command =
            TerminalLauncher(Platform::Linux, only({})).command(QStringLiteral("suanli-a"));
        QCOMPARE(command.error().code, QStringLiteral("no_terminal"));
        QVERIFY(command.error().message.contains(QStringLiteral("SSH command")));
    }

    void macOpensACommandFile()
    {
        auto command = TerminalLauncher(Platform::MacOS, only({}), QStringLiteral("/tmp/t"))
                           .command(QStringLiteral("suanli-a"));
        QVERIFY(command.ok());
        QCOMPARE(command->program, QStringLiteral("/usr/bin/open"));
        QCOMPARE(command->scriptPath, QStringLiteral("/tmp/t/suanli-a.command"));
        QCOMPARE(command->arguments, QStringList{command->scriptPath});
        QCOMPARE(command->scriptText, QByteArray("#!/bin/sh\nexec ssh suanli-a\n"));
    }

    void windowsPrefersWindowsTerminal()
    {
        auto wt =
            TerminalLauncher(Platform::Windows,
                             only({QStringLiteral("wt.exe"), QStringLiteral("powershell.exe")}))
                .command(QStringLiteral("suanli-a"));
        QCOMPARE(wt->program, QStringLiteral("/usr/bin/wt.exe"));
        QCOMPARE(wt->arguments, (QStringList{QStringLiteral("ssh"), QStringLiteral("suanli-a")}));
        auto ps = TerminalLauncher(Platform::Windows, only({QStringLiteral("powershell.exe")}))
                      .command(QStringLiteral("suanli-a"));
        QCOMPARE(ps->program, QStringLiteral("/usr/bin/powershell.exe"));
        QCOMPARE(ps->arguments, (QStringList{QStringLiteral("-NoExit"), QStringLiteral("-Command"),
                                             QStringLiteral("ssh suanli-a")}));
    }

    void links()
    {
        QCOMPARE(vscodeUrl(QStringLiteral("suanli-box")).toString(),
                 QStringLiteral("vscode://vscode-remote/ssh-remote+suanli-box/workspace"));
        QCOMPARE(sshCommand(QStringLiteral("suanli-box")), QStringLiteral("ssh suanli-box"));
        QCOMPARE(jupyterUrl(49152, QStringLiteral("a+b/c")).toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:49152/?token=a%2Bb%2Fc"));
    }

    // Plain-HTTP forward test: python3's http.server stands in for Jupyter here, to prove the
    // Jupyter opener's forward and URL on loopback; the real Jupyter of the base image is
    // tested against the instance container.
    void jupyterOpenerForwardsPlainHttp()
    {
        SshdFixture sshd;
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));
        HttpStandIn http;
        QVERIFY(http.start());
        const quint16 httpPort = http.port;

        protocol::Instance instance;
        instance.id = 7;
        instance.label = QStringLiteral("notebook");
        instance.state = protocol::InstanceState::Running;
        instance.ssh = protocol::SshEndpoint{QStringLiteral("127.0.0.1"), sshd.port(), sshd.user(),
                                             sshd.hostKeyLine(), std::nullopt};
        instance.jupyter = protocol::JupyterEndpoint{httpPort, QStringLiteral("s3cret")};
        QTemporaryDir app;
        QUrl opened;
        InstanceAccess access(instance, sshd.clientKeyPath(),
                              ssh::SshConfig({app.path() + QStringLiteral("/.ssh"),
                                              app.path() + QStringLiteral("/ssh")}),
                              [&opened](const QUrl &url) {
                                  opened = url;
                                  return true;
                              });
        QCOMPARE(access.hostAlias(), QStringLiteral("suanli-notebook"));
        QCOMPARE(access.vscodeUrl().toString(),
                 QStringLiteral("vscode://vscode-remote/ssh-remote+suanli-notebook/workspace"));

        auto url = access.openJupyter();
        QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().message));
        QCOMPARE(opened, *url);
        QVERIFY(url->toString().contains(QStringLiteral("token=s3cret")));
        QCOMPARE(access.openJupyter().value(), *url); // one forward, reused

        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(*url));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        QCOMPARE(access.forwards().size(), 1);
        QTRY_VERIFY(access.forwards().constFirst().bytesFromRemote > 0);

        // Stopping the instance closes the tunnel and frees the port.
        const quint16 localPort = quint16(url->port());
        QSignalSpy removed(&access, &InstanceAccess::forwardRemoved);
        instance.state = protocol::InstanceState::Stopped;
        access.setInstance(instance);
        QCOMPARE(removed.size(), 1);
        QVERIFY(access.forwards().isEmpty());
        QTcpServer again;
        QVERIFY(again.listen(QHostAddress::LocalHost, localPort));
        QCOMPARE(access.addForward(6006).error().code, QStringLiteral("not_running"));
    }

    // The same through a relay (docs/ssh.md, "Through a relay"): a second real sshd that only
    // lets the key open the instance's port, as the market's relay does. The Jupyter tunnel,
    // a port forward and the ~/.ssh/config file all go through it.
    void jupyterAndTunnelsThroughARelay()
    {
        SshdFixture sshd;
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));
        SshdFixture relay;
        relay.setAuthorizedKeys(
            QStringLiteral("restrict,port-forwarding,permitopen=\"127.0.0.1:%1\" %2\n")
                .arg(sshd.port())
                .arg(sshd.clientPublicKeyLine()));
        relay.addConfig(QStringLiteral("PermitTTY no\nForceCommand /bin/true\n"));
        QVERIFY2(relay.start(&error), qPrintable(error));
        HttpStandIn http;
        QVERIFY(http.start());
        const quint16 httpPort = http.port;

        protocol::Instance instance;
        instance.id = 8;
        instance.label = QStringLiteral("relayed");
        instance.state = protocol::InstanceState::Running;
        instance.ssh = protocol::SshEndpoint{
            QStringLiteral("127.0.0.1"), sshd.port(), sshd.user(), sshd.hostKeyLine(),
            protocol::SshJump{QStringLiteral("127.0.0.1"), relay.port(), relay.user(),
                              relay.hostKeyLine()}};
        instance.jupyter = protocol::JupyterEndpoint{httpPort, QStringLiteral("s3cret")};
        QTemporaryDir app;
        const ssh::SshConfig config(
            {app.path() + QStringLiteral("/.ssh"), app.path() + QStringLiteral("/ssh")});
        InstanceAccess access(instance, sshd.clientKeyPath(), config,
                              [](const QUrl &) { return true; });

        auto url = access.openJupyter();
        QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().message));
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(*url));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        QCOMPARE(access.sessionState(), ssh::SessionState::Connected);
        QVERIFY(relay.log().contains(QStringLiteral("Accepted publickey for ") + relay.user()));

        // A port forward of the user's own, bytes compared both ways.
        EchoServer echo;
        auto forward = access.addForward(echo.port());
        QVERIFY2(forward.ok(), forward.ok() ? "" : qPrintable(forward.error().message));
        QCOMPARE(exchange(forward->localPort, "through the relay"),
                 QByteArray("through the relay"));

        // The ~/.ssh/config file says the same: a ProxyJump to the relay's own Host block.
        QVERIFY(access.writeSshConfig().ok());
        QFile file(config.hostFilePath(access.hostAlias()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("    ProxyJump suanli-relayed-relay\n"), text.constData());
        QVERIFY(text.contains("Host suanli-relayed-relay\n"));
        QVERIFY(text.contains(QStringLiteral("    Port %1\n").arg(relay.port()).toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
