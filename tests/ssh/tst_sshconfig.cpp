#include "sshdfixture.h"

#include "ssh/sshconfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace suanli::ssh;
using namespace suanli::ssh::test;

/// The ~/.ssh/config files, in a temporary HOME, checked with OpenSSH itself (`ssh -G` and a
/// real login). OpenSSH reads ~ from the passwd database, not from $HOME, so the tests name the
/// temporary config with -F; the Include inside it is absolute and works either way.
class TestSshConfig : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_home;
    QByteArray m_realHome;

    SshConfigPaths paths() const
    {
        return {m_home->path() + QStringLiteral("/.ssh"),
                m_home->path() + QStringLiteral("/app config/ssh")};
    }
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static void write(const QString &path, const QByteArray &data)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    }
    static int mode(const QString &path)
    {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    }
    static int runSsh(const QStringList &arguments, QByteArray *output,
                      const QString &program = QStringLiteral("ssh"))
    {
        QProcess ssh;
        ssh.setProcessChannelMode(QProcess::MergedChannels);
        ssh.start(program, arguments);
        if (!ssh.waitForFinished(30000))
            return -1;
        *output = ssh.readAll();
        return ssh.exitCode();
    }
    SshHostEntry entry(const QString &hostKey, quint16 port = 2222,
                       const QString &user = QStringLiteral("root"),
                       const QString &identity = QStringLiteral("/keys/id ed25519")) const
    {
        return {SshConfig::hostAlias(QStringLiteral("My Box")),
                QStringLiteral("127.0.0.1"),
                port,
                user,
                identity,
                hostKey};
    }
    static QString someHostKey()
    {
        return QStringLiteral(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl");
    }

private slots:
    void initTestCase()
    {
        // Never the real ~/.ssh: everything below runs in a temporary HOME.
        m_realHome = qgetenv("HOME");
    }
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        qputenv("HOME", m_home->path().toUtf8());
        QCOMPARE(QDir::homePath(), m_home->path());
    }
    void cleanup() { qputenv("HOME", m_realHome); }

    void aliasIsSafe_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("alias");
        QTest::newRow("plain") << QStringLiteral("train-01") << QStringLiteral("suanli-train-01");
        QTest::newRow("upper and spaces")
            << QStringLiteral("My Box") << QStringLiteral("suanli-my-box");
        QTest::newRow("shell characters")
            << QStringLiteral("a;rm -rf /") << QStringLiteral("suanli-a-rm-rf");
        QTest::newRow("cjk only") << QStringLiteral("训练") << QStringLiteral("suanli-instance");
    }
    void aliasIsSafe()
    {
        QFETCH(QString, label);
        QFETCH(QString, alias);
        QCOMPARE(SshConfig::hostAlias(label), alias);
    }

    void includeIsAddedOnceAtTheTopWithABackup()
    {
        SshConfig config(paths());
        const QByteArray original = "Host work\n    User me\n";
        write(config.userConfigPath(), original);
        QFile::setPermissions(config.userConfigPath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);

        QVERIFY(config.ensureInclude().ok());
        QVERIFY(config.ensureInclude().ok());
        QVERIFY(config.writeHost(entry(someHostKey())).ok());

        const QByteArray text = read(config.userConfigPath());
        QVERIFY(text.startsWith(QByteArray(config.includeLine().toUtf8() + '\n')));
        QCOMPARE(text.count("Include "), 1);
        QVERIFY(text.endsWith(original));
        QCOMPARE(read(config.backupPath()), original);
        QCOMPARE(mode(config.backupPath()), 0600);
        QCOMPARE(mode(config.userConfigPath()), 0640); // the user's mode is kept
    }

    void missingConfigIsCreatedPrivately()
    {
        SshConfig config(paths());
        QVERIFY(config.ensureInclude().ok());
        QCOMPARE(mode(paths().userSshDir), 0700);
        QCOMPARE(mode(config.userConfigPath()), 0600);
        QVERIFY(!QFile::exists(config.backupPath())); // nothing to back up
    }

    void symlinkedConfigIsWrittenThrough()
    {
        SshConfig config(paths());
        const QString target = m_home->path() + QStringLiteral("/dotfiles/ssh_config");
        write(target, "Host x\n");
        QDir().mkpath(paths().userSshDir);
        QVERIFY(QFile::link(target, config.userConfigPath()));
        QVERIFY(config.ensureInclude().ok());
        QVERIFY(QFileInfo(config.userConfigPath()).isSymLink());
        QVERIFY(read(target).startsWith("Include "));
    }

    void hostFileAndPinAreWrittenAndRemoved()
    {
        SshConfig config(paths());
        const SshHostEntry host = entry(someHostKey());
        QVERIFY(config.writeHost(host).ok());
        const QByteArray text = read(config.hostFilePath(host.alias));
        QVERIFY(text.contains("Host suanli-my-box\n"));
        QVERIFY(text.contains("    HostName 127.0.0.1\n"));
        QVERIFY(text.contains("    Port 2222\n"));
        QVERIFY(text.contains("    User root\n"));
        QVERIFY(text.contains("    IdentityFile \"/keys/id ed25519\"\n"));
        QVERIFY(text.contains("    IdentitiesOnly yes\n"));
        QVERIFY(text.contains(
            QByteArray("    UserKnownHostsFile \"" + config.knownHostsPath().toUtf8() + "\"\n")));
        QVERIFY(text.contains("    StrictHostKeyChecking yes\n"));
        QCOMPARE(mode(config.hostFilePath(host.alias)), 0600);
        QCOMPARE(read(config.knownHostsPath()), "suanli-my-box " + someHostKey().toUtf8() + '\n');

        // A second instance, then the first is destroyed: only its own lines go.
        SshHostEntry other = host;
        other.alias = SshConfig::hostAlias(QStringLiteral("other"));
        QVERIFY(config.writeHost(other).ok());
        QVERIFY(config.removeHost(host.alias).ok());
        QVERIFY(!QFile::exists(config.hostFilePath(host.alias)));
        QCOMPARE(read(config.knownHostsPath()), "suanli-other " + someHostKey().toUtf8() + '\n');
    }

    void warnsAboutEarlierOverrides()
    {
        SshConfig config(paths());
        const QString alias = SshConfig::hostAlias(QStringLiteral("box"));
        // The user moved our Include below their own blocks.
        write(config.userConfigPath(),
              "User everyone\n"
              "Host github.com\n    User git\n"
              "Host *\n    IdentityFile ~/.ssh/other\n    ServerAliveInterval 30\n" +
                  config.includeLine().toUtf8() +
                  "\n"
                  "Host *\n    User late\n");
        const auto warnings = config.overrideWarnings(alias);
        QCOMPARE(warnings.size(), 2);
        QCOMPARE(warnings.at(0).line, 1); // global User
        QCOMPARE(warnings.at(1).line, 5); // IdentityFile in Host *
        QVERIFY(warnings.at(1).message.contains(QStringLiteral("Host *")));
        // Our Include first: nothing can override.
        write(config.userConfigPath(), config.includeLine().toUtf8() + "\nHost *\n    User late\n");
        QVERIFY(config.overrideWarnings(alias).isEmpty());
        // A negated pattern does not match.
        write(config.userConfigPath(),
              "Host * !suanli-*\n    User x\n" + config.includeLine().toUtf8() + "\n");
        QVERIFY(config.overrideWarnings(alias).isEmpty());
    }

    void opensshAcceptsTheConfig()
    {
        SshConfig config(paths());
        write(config.userConfigPath(), "Host *\n    User somebody-else\n    Port 2200\n");
        QVERIFY(config.writeHost(entry(someHostKey())).ok());
        QByteArray output;
        QCOMPARE(runSsh({QStringLiteral("-G"), QStringLiteral("-F"), config.userConfigPath(),
                         QStringLiteral("suanli-my-box")},
                        &output),
                 0);
        QVERIFY2(output.contains("\nhostname 127.0.0.1\n"), output.constData());
        QVERIFY(output.contains("\nport 2222\n"));
        QVERIFY(output.contains("\nuser root\n"));
        QVERIFY(output.contains("\nidentityfile /keys/id ed25519\n"));
        QVERIFY(output.contains("\nidentitiesonly yes\n"));
        QVERIFY(output.contains("\nstricthostkeychecking true\n"));
        QVERIFY(output.contains("\nhostkeyalias suanli-my-box\n"));
        QVERIFY(output.contains(
            QByteArray("\nuserknownhostsfile " + config.knownHostsPath().toUtf8())));
    }

    void opensshLogsInWithTheConfig()
    {
        SshdFixture sshd;
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));
        SshConfig config(paths());
        QVERIFY(config
                    .writeHost(
                        entry(sshd.hostKeyLine(), sshd.port(), sshd.user(), sshd.clientKeyPath()))
                    .ok());
        QByteArray output;
        const QStringList common = {QStringLiteral("-F"), config.userConfigPath(),
                                    QStringLiteral("-o"), QStringLiteral("BatchMode=yes")};
        QCOMPARE(
            runSsh(common + QStringList{QStringLiteral("suanli-my-box"), QStringLiteral("true")},
                   &output),
            0);

        // The pin is enforced by OpenSSH too: another key for the same alias is refused.
        QVERIFY(
            config.writeHost(entry(someHostKey(), sshd.port(), sshd.user(), sshd.clientKeyPath()))
                .ok());
        QCOMPARE(
            runSsh(common + QStringList{QStringLiteral("suanli-my-box"), QStringLiteral("true")},
                   &output),
            255);
        QVERIFY2(output.contains("HOST IDENTIFICATION HAS CHANGED") ||
                     output.contains("Host key verification failed"),
                 output.constData());
    }

    void opensshGoesThroughTheRelay()
    {
        // Two real sshds: the instance, and a relay configured as the market's relay is
        // (docs/relay.md): restrict, port-forwarding, one permitopen, no TTY, no commands.
        SshdFixture target;
        QString error;
        QVERIFY2(target.start(&error), qPrintable(error));
        SshdFixture relay;
        relay.setAuthorizedKeys(
            QStringLiteral("restrict,port-forwarding,permitopen=\"127.0.0.1:%1\" %2\n")
                .arg(target.port())
                .arg(target.clientPublicKeyLine()));
        relay.addConfig(QStringLiteral("PermitTTY no\nForceCommand /bin/true\n"));
        QVERIFY2(relay.start(&error), qPrintable(error));

        SshConfig config(paths());
        SshHostEntry host =
            entry(target.hostKeyLine(), target.port(), target.user(), target.clientKeyPath());
        host.jump =
            JumpHost{QStringLiteral("127.0.0.1"), relay.port(), relay.user(), relay.hostKeyLine()};
        QVERIFY(config.writeHost(host).ok());
        QByteArray output;
        QCOMPARE(runSsh({QStringLiteral("-G"), QStringLiteral("-F"), config.userConfigPath(),
                         QStringLiteral("suanli-my-box")},
                        &output),
                 0);
        QVERIFY2(output.contains("\nproxyjump suanli-my-box-relay\n"), output.constData());
        // Both pins sit in the app's known_hosts under their own aliases.
        const QByteArray knownHosts = read(config.knownHostsPath());
        QVERIFY(knownHosts.contains(
            QByteArray("suanli-my-box " + target.hostKeyLine().toUtf8() + "\n")));
        QVERIFY(knownHosts.contains(
            QByteArray("suanli-my-box-relay " + relay.hostKeyLine().toUtf8() + "\n")));

        const QStringList common = {QStringLiteral("-F"), config.userConfigPath(),
                                    QStringLiteral("-o"), QStringLiteral("BatchMode=yes")};
        QCOMPARE(
            runSsh(common + QStringList{QStringLiteral("suanli-my-box"), QStringLiteral("echo ok")},
                   &output),
            0);
        QCOMPARE(output, QByteArray("ok\n"));
        QVERIFY(relay.log().contains(QStringLiteral("Accepted publickey for ") + relay.user()));

        // rsync over the same entry, both ways, compared byte for byte.
        QByteArray payload(3 * 1024 * 1024 + 7, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char((i * 7919) >> 3);
        const QString local = m_home->filePath(QStringLiteral("payload.bin"));
        write(local, payload);
        const QString remoteDir = m_home->filePath(QStringLiteral("remote"));
        QVERIFY(QDir().mkpath(remoteDir));
        const QString rsh =
            QStringLiteral("ssh -F '%1' -o BatchMode=yes").arg(config.userConfigPath());
        QCOMPARE(runSsh({QStringLiteral("-a"), QStringLiteral("-e"), rsh, local,
                         QStringLiteral("suanli-my-box:") + remoteDir + u'/'},
                        &output, QStringLiteral("rsync")),
                 0);
        QCOMPARE(read(remoteDir + QStringLiteral("/payload.bin")), payload);
        const QString back = m_home->filePath(QStringLiteral("back.bin"));
        QCOMPARE(
            runSsh({QStringLiteral("-a"), QStringLiteral("-e"), rsh,
                    QStringLiteral("suanli-my-box:") + remoteDir + QStringLiteral("/payload.bin"),
                    back},
                   &output, QStringLiteral("rsync")),
            0);
        QCOMPARE(read(back), payload);
        // scp (SFTP underneath in OpenSSH 9) reads the same entry.
        QCOMPARE(runSsh({QStringLiteral("-F"), config.userConfigPath(), QStringLiteral("-o"),
                         QStringLiteral("BatchMode=yes"), local,
                         QStringLiteral("suanli-my-box:") + remoteDir + QStringLiteral("/scp.bin")},
                        &output, QStringLiteral("scp")),
                 0);
        QCOMPARE(read(remoteDir + QStringLiteral("/scp.bin")), payload);

        // The relay's pin is enforced: another relay key in known_hosts and ssh refuses.
        host.jump->hostKey = someHostKey();
        QVERIFY(config.writeHost(host).ok());
        QCOMPARE(
            runSsh(common + QStringList{QStringLiteral("suanli-my-box"), QStringLiteral("echo ok")},
                   &output),
            255);
        QVERIFY2(output.contains("HOST IDENTIFICATION HAS CHANGED") ||
                     output.contains("Host key verification failed"),
                 output.constData());
        QVERIFY(!output.contains("ok\n"));

        // Removing the instance removes both pins.
        QVERIFY(config.removeHost(host.alias).ok());
        QVERIFY(!read(config.knownHostsPath()).contains("suanli-my-box"));
    }
};

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
