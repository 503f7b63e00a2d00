// Saved images (docs/host.md, "Saved images"): a real Podman instance and a WebSocket peer on
// loopback playing the market's side of the agent channel. save_image of a running instance →
// image_state ready with the size Podman reports; a new instance made from that image has the
// files of the first one's system disk (and runs its own onstart), but not /workspace, which
// is not in the image at all; a stopped instance saves too; delete_image frees the image (an
// image an instance still uses loses its name, the instance runs on); a save for an instance
// the agent does not hold fails and invents none.

#include "host/hostengine.h"
#include "protocol/json.h"
#include "ssh/sshkey.h"
#include "support/podmancli.h"
#include "support/scriptedmarket.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;

namespace {

constexpr auto kImage = "localhost/suanli/base:bookworm";
constexpr qint64 kFirst = 21;
constexpr qint64 kSecond = 22;

QString savedRef(qint64 imageId)
{
    return u"localhost/suanli-images/img-%1-%2:latest"_s.arg(QCoreApplication::applicationPid())
        .arg(imageId);
}

} // namespace

class TestHostImages : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    testing::ScriptedMarket m_market;
    std::unique_ptr<host::HostEngine> m_engine;
    protocol::InstanceSpec m_spec;
    int m_commands = 0;
    QHash<qint64, protocol::SshEndpoint> m_ssh;
    QStringList m_refs; ///< removed at the end, whatever failed

    QString stateDir() const { return m_dir.filePath(u"state"_s); }
    QString renterKey() const { return m_dir.filePath(u"renter"_s); }

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

    protocol::ImageStateMessage imageCommand(protocol::CommandAction action, qint64 instance,
                                             qint64 imageId, const QString &ref)
    {
        const QString id = u"cmd-%1"_s.arg(++m_commands);
        protocol::CommandMessage c{id, action, instance, {}, {}, {}, {}, {}, 0};
        c.image = protocol::ImageCommand{imageId, ref, {}};
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

    int podman(const QStringList &args, QByteArray *out = nullptr)
    {
        return testing::podman(args, stateDir(), out);
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
        auto renter = ssh::generateEd25519Key(u"renter@test"_s);
        QVERIFY(renter.ok());
        QVERIFY(ssh::saveKeyPair(*renter, renterKey()).ok());
        host::HostConfig config = host::HostConfig::defaults();
        config.stateDir = stateDir();
        config.address = u"127.0.0.1"_s;
        const int base = 23000 + int(QCoreApplication::applicationPid() % 200) * 20;
        config.portMin = base;
        config.portMax = base + 19;
        config.memoryMb = 256;
        config.pidsLimit = 128;
        config.cpus = 1;
        config.stopTimeoutS = 2;
        config.reconnectMinMs = 100;
        config.reconnectMaxMs = 1000;
        config.networkMode = u"direct"_s;
        m_engine = std::make_unique<host::HostEngine>(
            host::HostEngine::Options{m_market.url(), "sh_test", config}, nullptr);
        connect(m_engine.get(), &host::HostEngine::message, this,
                [](const QString &text) { qDebug("agent: %s", qPrintable(text)); });
        m_engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status(), host::HostEngine::Status::Online, 60000);
        m_spec.image = QString::fromLatin1(kImage);
        m_spec.disk_gb = 1;
        m_spec.gpu_count = 0;
        m_spec.ssh_public_key = renter->publicKeyLine;
    }

    void cleanupTestCase()
    {
        for (qint64 id : {kFirst, kSecond})
            (void)command(protocol::CommandAction::Destroy, id);
        m_engine.reset();
        testing::removeAgentLeftovers(stateDir());
        for (const QString &ref : std::as_const(m_refs))
            podman({u"image"_s, u"rm"_s, u"-f"_s, ref});
    }

    void savesARunningInstance()
    {
        protocol::InstanceSpec spec = m_spec;
        spec.onstart = u"echo first > /root/onstart-first"_s;
        create(kFirst, spec);
        QByteArray out;
        QCOMPARE(ssh(kFirst,
                     u"echo 'in the system' > /root/saved.txt && "
                     "printf '#!/bin/sh\\necho installed tool\\n' > /usr/local/bin/saved-tool && "
                     "chmod 755 /usr/local/bin/saved-tool && "
                     "echo 'on the disk' > /workspace/data.txt && sleep 1 && "
                     "test -e /root/onstart-first"_s,
                     &out),
                 0);

        const QString ref = savedRef(1);
        m_refs << ref;
        const auto ready = imageCommand(protocol::CommandAction::SaveImage, kFirst, 1, ref);
        QVERIFY2(ready.state == "ready"_L1, qPrintable(ready.reason));
        QCOMPARE(ready.image_id, 1);
        QCOMPARE(ready.ref, ref);
        QVERIFY(!ready.pushed);
        QByteArray size;
        QCOMPARE(podman({u"image"_s, u"inspect"_s, u"--format"_s, u"{{.Size}}"_s, ref}, &size), 0);
        QCOMPARE(ready.size_bytes, size.trimmed().toLongLong());
        QVERIFY(ready.size_bytes > 1'000'000);
        // The instance runs on as it was.
        QCOMPARE(ssh(kFirst, u"cat /workspace/data.txt"_s, &out), 0);
        QCOMPARE(out, "on the disk\n");
    }

    void theImageHasTheSystemDiskNotWorkspace()
    {
        const QString ref = savedRef(1);
        QByteArray out;
        // Read from the image itself, no volume over /workspace.
        QCOMPARE(
            podman({u"run"_s, u"--rm"_s, u"--network"_s, u"none"_s, u"--entrypoint"_s, u"/bin/sh"_s,
                    ref, u"-c"_s, u"cat /root/saved.txt; ls -A /workspace | wc -l"_s},
                   &out),
            0);
        QCOMPARE(out, "in the system\n0\n");
    }

    void launchesANewInstanceFromIt()
    {
        protocol::InstanceSpec spec = m_spec;
        spec.image = savedRef(1);
        spec.onstart = u"echo second > /root/onstart-second"_s;
        create(kSecond, spec);
        QVERIFY(m_ssh[kSecond].port != m_ssh[kFirst].port);
        QVERIFY(m_ssh[kSecond].host_key != m_ssh[kFirst].host_key); // a key of its own
        QByteArray out;
        QCOMPARE(ssh(kSecond,
                     u"cat /root/saved.txt && saved-tool && "
                     "{ test -e /workspace/data.txt && echo workspace came along || "
                     "echo fresh workspace; } && sleep 1 && "
                     // the image holds the first one's onstart marker: its own runs anyway
                     "cat /root/onstart-second"_s,
                     &out),
                 0);
        // A fresh /workspace of its own (a rootful quota volume holds only lost+found).
        QCOMPARE(out, "in the system\ninstalled tool\nfresh workspace\nsecond\n");
    }

    void savesAStoppedInstance()
    {
        QCOMPARE(protocol::toString(command(protocol::CommandAction::Stop, kFirst).state),
                 u"stopped"_s);
        const QString ref = savedRef(2);
        m_refs << ref;
        const auto ready = imageCommand(protocol::CommandAction::SaveImage, kFirst, 2, ref);
        QVERIFY2(ready.state == "ready"_L1, qPrintable(ready.reason));
        QVERIFY(ready.size_bytes > 1'000'000);
        QCOMPARE(podman({u"image"_s, u"exists"_s, ref}), 0);
    }

    void deleteFreesTheImage()
    {
        // Not used by any container: removed.
        // delete_image has no report (the market marked the image deleted already).
        const auto remove = [this](qint64 imageId, const QString &ref) {
            const QString id = u"cmd-%1"_s.arg(++m_commands);
            protocol::CommandMessage c{
                id, protocol::CommandAction::DeleteImage, 0, {}, {}, {}, {}, {}, 0};
            c.image = protocol::ImageCommand{imageId, ref, {}};
            m_market.send(c);
        };
        const QString stopped = savedRef(2);
        remove(2, stopped);
        QTRY_VERIFY_WITH_TIMEOUT(podman({u"image"_s, u"exists"_s, stopped}) != 0, 60000);
        // Used by instance 22: its name goes, the instance runs on.
        const QString used = savedRef(1);
        remove(1, used);
        QTRY_VERIFY_WITH_TIMEOUT(podman({u"image"_s, u"exists"_s, used}) != 0, 60000);
        QByteArray out;
        QCOMPARE(ssh(kSecond, u"cat /root/saved.txt"_s, &out), 0);
        QCOMPARE(out, "in the system\n");
    }

    void aSaveForAnUnknownInstanceFails()
    {
        const auto failed = imageCommand(protocol::CommandAction::SaveImage, 99, 3, savedRef(3));
        QCOMPARE(failed.state, u"failed"_s);
        QVERIFY2(failed.reason.startsWith(u"container_lost"_s), qPrintable(failed.reason));
        const QList<host::InstanceRecord> all = m_engine->instances();
        QVERIFY(std::none_of(all.cbegin(), all.cend(),
                             [](const host::InstanceRecord &r) { return r.id == 99; }));
    }
};

QTEST_GUILESS_MAIN(TestHostImages)
#include "tst_host_images.moc"
