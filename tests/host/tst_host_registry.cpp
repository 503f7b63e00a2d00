// Saved images through the market's registry (docs/host.md, "Saved images"): a real Debian
// `docker-registry` on loopback with TLS (a CA and a server certificate the test makes with
// openssl) and htpasswd auth (bcrypt, `htpasswd -B`), a real Podman instance and a scripted
// market peer. save_image with the registry's login → pushed, in the registry's catalogue; a
// wrong password → failed with registry_login_failed, nothing pushed; the registry refuses a
// client without a login; with the local copy gone, a create with spec.registry pulls the
// image and the new instance has the saved files (any host can launch it).

#include "host/hostengine.h"
#include "protocol/json.h"
#include "ssh/sshkey.h"
#include "support/podmancli.h"
#include "support/scriptedmarket.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;

namespace {

constexpr auto kImage = "localhost/suanli/base:bookworm";
constexpr qint64 kFirst = 31;
constexpr qint64 kSecond = 32;
const QString kUser = u"suanli"_s;
const QString kPassword = u"correct horse battery"_s;

/// Runs a program to its end (test setup only, not the agent).
int run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestHostRegistry : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QProcess m_registry;
    int m_registryPort = 0;
    testing::ScriptedMarket m_market;
    std::unique_ptr<host::HostEngine> m_engine;
    protocol::InstanceSpec m_spec;
    int m_commands = 0;
    QHash<qint64, protocol::SshEndpoint> m_ssh;

    QString stateDir() const { return m_dir.filePath(u"state"_s); }
    QString renterKey() const { return m_dir.filePath(u"renter"_s); }
    QString certDir() const { return m_dir.filePath(u"certs"_s); }
    QString server() const { return u"127.0.0.1:%1"_s.arg(m_registryPort); }
    QString ref() const { return server() + u"/suanli-images/img-1:latest"_s; }
    protocol::RegistryAccess access(const QString &password = kPassword) const
    {
        return {u"https://"_s + server(), kUser, password};
    }

    protocol::InstanceStateMessage command(protocol::CommandAction action, qint64 instance,
                                           std::optional<protocol::InstanceSpec> spec = {})
    {
        const QString id = u"cmd-%1"_s.arg(++m_commands);
        m_market.send(
            protocol::CommandMessage{id, action, instance, std::move(spec), {}, {}, {}, {}, 0});
        const auto done = [&] {
            return std::find_if(m_market.states.crbegin(), m_market.states.crend(),
                                [&](const protocol::InstanceStateMessage &s) {
                                    return s.command_id == id &&
                                           s.state != protocol::InstanceState::Provisioning;
                                });
        };
        if (!QTest::qWaitFor([&] { return done() != m_market.states.crend(); }, 180000))
            return {};
        return *done();
    }

    protocol::ImageStateMessage save(qint64 imageId, const protocol::RegistryAccess &registry)
    {
        const QString id = u"cmd-%1"_s.arg(++m_commands);
        protocol::CommandMessage c{
            id, protocol::CommandAction::SaveImage, kFirst, {}, {}, {}, {}, {}, 0};
        c.image = protocol::ImageCommand{imageId, ref(), registry};
        m_market.send(c);
        const auto done = [&] {
            return std::find_if(
                m_market.images.crbegin(), m_market.images.crend(),
                [&](const protocol::ImageStateMessage &s) { return s.command_id == id; });
        };
        if (!QTest::qWaitFor([&] { return done() != m_market.images.crend(); }, 300000))
            return {};
        return *done();
    }

    /// curl against the registry with the test's CA; `login` empty: anonymous.
    int curl(const QString &path, const QString &login, QByteArray *out)
    {
        QStringList args{u"-sS"_s,
                         u"-o"_s,
                         u"-"_s,
                         u"-w"_s,
                         u"\n%{http_code}"_s,
                         u"--cacert"_s,
                         certDir() + u"/ca.crt"_s,
                         u"https://%1%2"_s.arg(server(), path)};
        if (!login.isEmpty())
            args << u"-u"_s << login;
        return run(u"curl"_s, args, out);
    }

    int ssh(qint64 instance, const QString &command, QByteArray *output)
    {
        const protocol::SshEndpoint e = m_ssh.value(instance);
        const QString knownHosts = m_dir.filePath(u"known_hosts"_s);
        QFile kh(knownHosts);
        if (!kh.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return -1;
        kh.write(u"[127.0.0.1]:%1 %2\n"_s.arg(e.port).arg(e.host_key.section(u' ', 0, 1)).toUtf8());
        kh.close();
        QProcess ssh;
        ssh.setProcessChannelMode(QProcess::MergedChannels);
        ssh.start(u"ssh"_s,
                  {u"-F"_s, u"/dev/null"_s, u"-i"_s, renterKey(), u"-o"_s, u"BatchMode=yes"_s,
                   u"-o"_s, u"IdentitiesOnly=yes"_s, u"-o"_s, u"StrictHostKeyChecking=yes"_s,
                   u"-o"_s, u"UserKnownHostsFile="_s + knownHosts, u"-p"_s, QString::number(e.port),
                   u"root@127.0.0.1"_s, command});
        if (!QTest::qWaitFor([&] { return ssh.state() == QProcess::NotRunning; }, 30000)) {
            ssh.kill();
            ssh.waitForFinished();
            return -1;
        }
        *output = ssh.readAll();
        return ssh.exitStatus() == QProcess::NormalExit ? ssh.exitCode() : -1;
    }

    void create(qint64 instance, const protocol::InstanceSpec &spec)
    {
        const auto running = command(protocol::CommandAction::Create, instance, spec);
        QVERIFY2(running.state == protocol::InstanceState::Running, qPrintable(running.reason));
        QVERIFY(running.ssh);
        m_ssh.insert(instance, *running.ssh);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString registry = QStandardPaths::findExecutable(u"docker-registry"_s);
        QVERIFY2(!registry.isEmpty(), "docker-registry is missing: run scripts/setup");
        QVERIFY2(!QStandardPaths::findExecutable(u"htpasswd"_s).isEmpty(),
                 "htpasswd (apache2-utils) is missing: run scripts/setup");
        // The CA and the registry's certificate for 127.0.0.1, made here.
        QVERIFY(QDir().mkpath(certDir()));
        const QString d = m_dir.path();
        QByteArray out;
        QCOMPARE(run(u"openssl"_s,
                     {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s,
                      u"2"_s, u"-subj"_s, u"/CN=Suanli test registry CA"_s, u"-keyout"_s,
                      d + u"/ca.key"_s, u"-out"_s, certDir() + u"/ca.crt"_s},
                     &out),
                 0);
        QCOMPARE(
            run(u"openssl"_s,
                {u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                 u"-keyout"_s, d + u"/server.key"_s, u"-out"_s, d + u"/server.csr"_s},
                &out),
            0);
        QFile ext(d + u"/san.ext"_s);
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1\n");
        ext.close();
        QCOMPARE(run(u"openssl"_s,
                     {u"x509"_s, u"-req"_s, u"-in"_s, d + u"/server.csr"_s, u"-CA"_s,
                      certDir() + u"/ca.crt"_s, u"-CAkey"_s, d + u"/ca.key"_s, u"-CAcreateserial"_s,
                      u"-days"_s, u"2"_s, u"-extfile"_s, ext.fileName(), u"-out"_s,
                      d + u"/server.crt"_s},
                     &out),
                 0);
        QByteArray hash;
        QCOMPARE(run(u"htpasswd"_s, {u"-Bbn"_s, kUser, kPassword}, &hash), 0);
        QVERIFY(hash.startsWith(QByteArray(kUser.toUtf8() + ":$2y$"))); // bcrypt
        QFile htpasswd(d + u"/htpasswd"_s);
        QVERIFY(htpasswd.open(QIODevice::WriteOnly));
        htpasswd.write(hash.trimmed() + '\n');
        htpasswd.close();
        {
            QTcpServer probe; // a free loopback port
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            m_registryPort = probe.serverPort();
        }
        QFile config(d + u"/config.yml"_s);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(u"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n"
                     "    rootdirectory: %1/data\nhttp:\n  addr: 127.0.0.1:%2\n  tls:\n"
                     "    certificate: %1/server.crt\n    key: %1/server.key\nauth:\n"
                     "  htpasswd:\n    realm: suanli-test\n    path: %1/htpasswd\n"_s.arg(d)
                         .arg(m_registryPort)
                         .toUtf8());
        config.close();
        m_registry.setProcessChannelMode(QProcess::ForwardedChannels);
        m_registry.start(registry, {u"serve"_s, config.fileName()});
        QVERIFY(m_registry.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(
            curl(u"/v2/"_s, kUser + u':' + kPassword, &out) == 0 && out.endsWith("200"), 20000);

        auto renter = ssh::generateEd25519Key(u"renter@test"_s);
        QVERIFY(renter.ok());
        QVERIFY(ssh::saveKeyPair(*renter, renterKey()).ok());
        host::HostConfig config_ = host::HostConfig::defaults();
        config_.stateDir = stateDir();
        config_.address = u"127.0.0.1"_s;
        const int base = 25000 + int(QCoreApplication::applicationPid() % 200) * 20;
        config_.portMin = base;
        config_.portMax = base + 19;
        config_.memoryMb = 256;
        config_.pidsLimit = 128;
        config_.cpus = 1;
        config_.stopTimeoutS = 2;
        config_.networkMode = u"direct"_s;
        config_.registryCertDir = certDir(); // [registry] cert_dir: the test's CA
        m_engine = std::make_unique<host::HostEngine>(
            host::HostEngine::Options{m_market.url(), "sh_test", config_}, nullptr);
        connect(m_engine.get(), &host::HostEngine::message, this,
                [](const QString &text) { qDebug("agent: %s", qPrintable(text)); });
        m_engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status(), host::HostEngine::Status::Online, 60000);
        m_spec.image = QString::fromLatin1(kImage);
        m_spec.disk_gb = 1;
        m_spec.ssh_public_key = renter->publicKeyLine;
    }

    void cleanupTestCase()
    {
        for (qint64 id : {kFirst, kSecond})
            (void)command(protocol::CommandAction::Destroy, id);
        m_engine.reset();
        testing::removeAgentLeftovers(stateDir());
        if (m_registryPort)
            testing::podman({u"image"_s, u"rm"_s, u"-f"_s, ref()}, stateDir());
        m_registry.terminate();
        m_registry.waitForFinished(5000);
    }

    void aWrongPasswordIsRefused()
    {
        create(kFirst, m_spec);
        QByteArray out;
        QCOMPARE(ssh(kFirst, u"echo 'from the registry' > /root/pushed.txt"_s, &out), 0);
        const auto failed = save(1, access(u"wrong password"_s));
        QCOMPARE(failed.state, u"failed"_s);
        QVERIFY2(failed.reason.startsWith(u"registry_login_failed: "_s),
                 qPrintable(failed.reason));
        QCOMPARE(curl(u"/v2/suanli-images/img-1/tags/list"_s, kUser + u':' + kPassword, &out), 0);
        QVERIFY2(!out.endsWith("200"), out.constData()); // nothing pushed
        // No auth file is left behind with a password in it.
        QVERIFY(QDir(stateDir()).entryList({u"registry-auth-*"_s}).isEmpty());
    }

    void pushesWithTheLogin()
    {
        const auto ready = save(1, access());
        QVERIFY2(ready.state == "ready"_L1, qPrintable(ready.reason));
        QVERIFY(ready.pushed);
        QVERIFY(ready.size_bytes > 1'000'000);
        QByteArray out;
        QCOMPARE(curl(u"/v2/suanli-images/img-1/tags/list"_s, kUser + u':' + kPassword, &out), 0);
        QVERIFY2(out.contains("\"latest\"") && out.endsWith("200"), out.constData());
        // The registry wants the login: anonymous is 401.
        QCOMPARE(curl(u"/v2/suanli-images/img-1/tags/list"_s, {}, &out), 0);
        QVERIFY2(out.endsWith("401"), out.constData());
        QVERIFY(QDir(stateDir()).entryList({u"registry-auth-*"_s}).isEmpty());
    }

    void anotherHostPullsIt()
    {
        // As on a host that never had it: the local copy goes, the create pulls it.
        QCOMPARE(testing::podman({u"image"_s, u"rm"_s, ref()}, stateDir()), 0);
        QVERIFY(testing::podman({u"image"_s, u"exists"_s, ref()}, stateDir()) != 0);
        protocol::InstanceSpec spec = m_spec;
        spec.image = ref();
        spec.registry = access();
        create(kSecond, spec);
        QByteArray out;
        QCOMPARE(ssh(kSecond, u"cat /root/pushed.txt"_s, &out), 0);
        QCOMPARE(out, "from the registry\n");
        // The journal never holds the registry's password.
        QFile journal(stateDir() + u"/journal.db"_s);
        QVERIFY(journal.open(QIODevice::ReadOnly));
        QVERIFY(!journal.readAll().contains(kPassword.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestHostRegistry)
#include "tst_host_registry.moc"
