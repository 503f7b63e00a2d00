// A stopped instance started with another set of GPUs (docs/host.md, "A changed GPU set"): a
// real Podman instance, a WebSocket peer on loopback playing the market's side of the agent
// channel, and one GPU that exists only as a recorded probe (tests/support/recordedgpuprobe.h)
// and a CDI spec of the test's own whose device passes nothing but an environment variable.
// Start with gpu_count 0 → the container is made again without the GPU, with /workspace, the
// container's own files and the sshd host key on the same port; gpu_count 1 → the GPU is back;
// a start without a spec (an older market) changes nothing; destroy leaves no kept image.

#include "host/containerruntime.h"
#include "host/hostengine.h"
#include "protocol/json.h"
#include "ssh/sshkey.h"
#include "support/podmancli.h"
#include "support/scriptedmarket.h"
#include "support/recordedgpuprobe.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;
using namespace suanli;

namespace {

constexpr auto kImage = "localhost/suanli/base:bookworm";
constexpr qint64 kInstance = 11;
constexpr qint64 kOther = 12; ///< the instance that takes the GPU of the stopped one
const QString kCdiDir = u"/var/run/cdi"_s;


/// The test's CDI spec in Podman's folder: removed when the test object goes, whatever failed.
class CdiSpecFile
{
public:
    ~CdiSpecFile()
    {
        if (!path.isEmpty())
            QFile::remove(path);
    }
    /// Spec files of earlier runs killed before their cleanup (their pid is gone).
    static void removeStale()
    {
        const QStringList names = QDir(kCdiDir).entryList({u"suanli-test-*.yaml"_s}, QDir::Files);
        for (const QString &name : names) {
            const QString pid = name.section(u'-', 2, 2).section(u'.', 0, 0);
            if (!QFileInfo::exists(u"/proc/"_s + pid))
                QFile::remove(QDir(kCdiDir).filePath(name));
        }
    }
    QString path;
};

} // namespace

class TestHostGpuSwitch : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    CdiSpecFile m_cdi;
    testing::ScriptedMarket m_market;
    std::unique_ptr<host::HostEngine> m_engine;
    QString m_uuid;
    QString m_container;
    QString m_hostKey;
    int m_port = 0;
    protocol::InstanceSpec m_spec;
    int m_commands = 0;
    QStringList m_keptIds;  ///< every image id the kept name had
    QString m_lastRecreate; ///< the engine's "container made again … in N ms" line

    QString stateDir() const { return m_dir.filePath(u"state"_s); }
    QString renterKey() const { return m_dir.filePath(u"renter"_s); }

    /// Sends a command and waits for the state report that completes it.
    protocol::InstanceStateMessage command(protocol::CommandAction action,
                                           std::optional<protocol::InstanceSpec> spec = {},
                                           qint64 instance = kInstance, int timeoutMs = 180000)
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
        if (!QTest::qWaitFor([&] { return done() != m_market.states.crend(); }, timeoutMs))
            return {};
        return *done();
    }
    host::InstanceRecord record(qint64 id) const
    {
        const QList<host::InstanceRecord> all = m_engine->instances();
        const auto it = std::find_if(all.cbegin(), all.cend(),
                                     [id](const host::InstanceRecord &r) { return r.id == id; });
        return it == all.cend() ? host::InstanceRecord{} : *it;
    }
    protocol::InstanceSpec withGpus(int count) const
    {
        protocol::InstanceSpec spec = m_spec;
        spec.gpu_count = count;
        return spec;
    }

    /// The renter's OpenSSH client, the host key of the first start pinned.
    int ssh(const QString &command, QByteArray *output)
    {
        const QString knownHosts = m_dir.filePath(u"known_hosts"_s);
        QFile kh(knownHosts);
        if (!kh.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return -1;
        kh.write(u"[127.0.0.1]:%1 %2\n"_s.arg(m_port).arg(m_hostKey.section(u' ', 0, 1)).toUtf8());
        kh.close();
        QProcess ssh;
        ssh.setProcessChannelMode(QProcess::MergedChannels);
        ssh.start(u"ssh"_s,
                  {u"-F"_s, u"/dev/null"_s, u"-i"_s, renterKey(), u"-o"_s, u"BatchMode=yes"_s,
                   u"-o"_s, u"IdentitiesOnly=yes"_s, u"-o"_s, u"StrictHostKeyChecking=yes"_s,
                   u"-o"_s, u"UserKnownHostsFile="_s + knownHosts, u"-p"_s, QString::number(m_port),
                   u"root@127.0.0.1"_s, command});
        // The agent runs in this thread: wait with the event loop running.
        if (!QTest::qWaitFor([&] { return ssh.state() == QProcess::NotRunning; }, 30000)) {
            ssh.kill();
            ssh.waitForFinished();
            return -1;
        }
        *output = ssh.readAll();
        return ssh.exitStatus() == QProcess::NormalExit ? ssh.exitCode() : -1;
    }

    /// The container's CPU and memory limits as Podman applied them: "cores MiB".
    QString limits()
    {
        QByteArray out;
        if (podman({u"inspect"_s, u"--format"_s,
                    u"{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}}"_s, m_container},
                   &out) != 0)
            return u"(no container)"_s;
        const QList<QByteArray> parts = out.trimmed().split(' ');
        if (parts.size() != 2)
            return QString::fromUtf8(out);
        return u"%1 %2"_s.arg(parts[0].toLongLong() / 1'000'000'000)
            .arg(parts[1].toLongLong() / (1024 * 1024));
    }

    /// The fake GPU's variable in the process environment the runtime got at the last start
    /// (the OCI config, CDI's edits applied), empty if none. Not `podman exec` (the configured
    /// environment, without CDI's edits) nor /proc/PID/environ (sshd's setproctitle overwrites it).
    QString gpuInContainer()
    {
        QByteArray path;
        if (podman({u"inspect"_s, u"--format"_s, u"{{.OCIConfigPath}}"_s, m_container}, &path) != 0)
            return u"(no container)"_s;
        QFile config(QString::fromUtf8(path.trimmed()));
        if (!config.open(QIODevice::ReadOnly))
            return u"(no OCI config)"_s;
        const QJsonArray env =
            QJsonDocument::fromJson(config.readAll())[u"process"_s][u"env"_s].toArray();
        for (const QJsonValue &entry : env) {
            if (entry.toString().startsWith(u"SUANLI_TEST_GPU="_s))
                return entry.toString().mid(16);
        }
        return {};
    }

    int podman(const QStringList &args, QByteArray *out = nullptr)
    {
        return testing::podman(args, stateDir(), out);
    }

    void noteKeptImage()
    {
        QByteArray id;
        QCOMPARE(podman({u"image"_s, u"inspect"_s, u"--format"_s, u"{{.Id}}"_s,
                         host::ContainerRuntime::keptImage(m_container)},
                        &id),
                 0);
        m_keptIds.append(QString::fromUtf8(id.trimmed()));
    }

    /// Running again: same port, same host key (ssh pins it), both files still there.
    void checkKept(const protocol::InstanceStateMessage &running)
    {
        if (running.state != protocol::InstanceState::Running) {
            QByteArray log;
            podman({u"logs"_s, m_container}, &log);
            qWarning("container log: %s", log.constData());
        }
        QVERIFY2(running.state == protocol::InstanceState::Running, qPrintable(running.reason));
        QVERIFY(running.ssh);
        QCOMPARE(running.ssh->port, m_port);
        QCOMPARE(running.ssh->host_key, m_hostKey);
        QByteArray out;
        QCOMPARE(ssh(u"cat /workspace/data.txt /root/kept.txt && kept-tool"_s, &out), 0);
        QVERIFY2(out.contains("on the disk\nin the system\nstill installed"), out.constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto renter = ssh::generateEd25519Key(u"renter@test"_s);
        QVERIFY(renter.ok());
        QVERIFY(ssh::saveKeyPair(*renter, renterKey()).ok());

        // The GPU: a recorded probe, a CDI spec that lists it (its device edits only the
        // environment: there is no device node to pass) and an nvidia-ctk that answers with a
        // patched version. The agent's gate (CDI spec, toolkit ≥ 1.17.8) runs unchanged.
        m_uuid = u"GPU-5a11e000-0000-4000-8000-%1"_s.arg(QCoreApplication::applicationPid(), 12, 10,
                                                         QChar(u'0'));
        CdiSpecFile::removeStale();
        QVERIFY(QDir().mkpath(kCdiDir));
        m_cdi.path = QDir(kCdiDir).filePath(
            u"suanli-test-%1.yaml"_s.arg(QCoreApplication::applicationPid()));
        QFile spec(m_cdi.path);
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(u"cdiVersion: 0.3.0\nkind: nvidia.com/gpu\ndevices:\n"
                   "  - name: %1\n    containerEdits:\n      env:\n"
                   "        - SUANLI_TEST_GPU=%1\n"_s.arg(m_uuid)
                       .toUtf8());
        spec.close();
        const QString bin = m_dir.filePath(u"bin"_s);
        QVERIFY(QDir().mkpath(bin));
        QFile ctk(bin + u"/nvidia-ctk"_s);
        QVERIFY(ctk.open(QIODevice::WriteOnly));
        ctk.write("#!/bin/sh\necho 'NVIDIA Container Toolkit CLI version 1.17.8'\n");
        ctk.close();
        QVERIFY(ctk.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("PATH", bin.toUtf8() + ':' + qgetenv("PATH"));
        auto probe = std::make_unique<testing::RecordedGpuProbe>();
        probe->driver = u"550.54.15"_s;
        probe->cuda = u"12.4"_s;
        probe->recordedDevices = {{0, m_uuid, u"Test GPU"_s, 1024}};
        probe->recordedSamples = {{{0, m_uuid, 0, 0, 30, 10.0, {}}}};

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
        config.networkMode = u"direct"_s;
        m_engine = std::make_unique<host::HostEngine>(
            host::HostEngine::Options{m_market.url(), "sh_test", config}, std::move(probe));
        connect(m_engine.get(), &host::HostEngine::message, this, [this](const QString &text) {
            if (text.contains(u"container made again"_s))
                m_lastRecreate = text;
            qDebug("agent: %s", qPrintable(text));
        });
        m_engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status(), host::HostEngine::Status::Online, 60000);
        QVERIFY(m_market.hello);
        QCOMPARE(m_market.hello->spec.gpus.size(), 1); // the gate let the GPU through
        // What each GPU brings, as the offer will state it (docs/host.md, "Shares").
        QCOMPARE(m_market.hello->spec.share_cpu_cores, std::optional<qint64>(1));
        QCOMPARE(m_market.hello->spec.share_ram_mb, std::optional<qint64>(256));

        m_spec.image = QString::fromLatin1(kImage);
        m_spec.disk_gb = 1;
        m_spec.gpu_count = 1;
        m_spec.ssh_public_key = renter->publicKeyLine;
    }

    void cleanupTestCase()
    {
        if (m_engine && m_engine->status() == host::HostEngine::Status::Online &&
            !m_container.isEmpty())
            (void)command(protocol::CommandAction::Destroy, {}, kInstance, 60000);
        m_engine.reset();
        testing::removeAgentLeftovers(stateDir());
    }

    void createWithTheGpu()
    {
        const auto running = command(protocol::CommandAction::Create, m_spec);
        QVERIFY2(running.state == protocol::InstanceState::Running, qPrintable(running.reason));
        QVERIFY(running.ssh);
        m_port = running.ssh->port;
        m_hostKey = running.ssh->host_key;
        m_container = record(kInstance).container;
        QCOMPARE(record(kInstance).gpus, QStringList{m_uuid});
        QCOMPARE(gpuInContainer(), m_uuid);
        QCOMPARE(limits(), u"1 256"_s); // one GPU: one share, as the hello said

        QByteArray out;
        QCOMPARE(ssh(u"echo 'on the disk' > /workspace/data.txt && "
                     "echo 'in the system' > /root/kept.txt && "
                     "printf '#!/bin/sh\\necho still installed\\n' > /usr/local/bin/kept-tool && "
                     "chmod 755 /usr/local/bin/kept-tool"_s,
                     &out),
                 0);
        QVERIFY2(out.isEmpty(), out.constData());
    }

    void startWithoutTheGpu()
    {
        QVERIFY(m_port > 0);
        QCOMPARE(protocol::toString(command(protocol::CommandAction::Stop).state), u"stopped"_s);
        QElapsedTimer took;
        took.start();
        const auto running = command(protocol::CommandAction::Start, withGpus(0));
        qInfo("start with gpu_count 0: running after %lld ms (%s)", took.elapsed(),
              qPrintable(m_lastRecreate));
        checkKept(running);
        QVERIFY(record(kInstance).gpus.isEmpty());
        QCOMPARE(gpuInContainer(), QString());
        QCOMPARE(limits(), u"1 256"_s); // without a GPU: one share
        noteKeptImage();
        // The journal has the new set: another agent process would start it the same.
        auto journal = host::Journal::open(stateDir() + u"/journal.db"_s);
        QVERIFY(journal);
        QVERIFY((*journal)->instance(kInstance)->gpus.isEmpty());
    }

    void moreGpusThanTheHostHasKeepsItStopped()
    {
        QCOMPARE(protocol::toString(command(protocol::CommandAction::Stop).state), u"stopped"_s);
        const auto refused = command(protocol::CommandAction::Start, withGpus(2));
        QCOMPARE(protocol::toString(refused.state), u"stopped"_s);
        QVERIFY2(refused.reason.startsWith(u"start_failed: gpus_unavailable: "_s),
                 qPrintable(refused.reason));
        QCOMPARE(podman({u"container"_s, u"exists"_s, m_container}), 0);
    }

    void startWithTheGpuAgain()
    {
        QVERIFY(m_port > 0);
        QElapsedTimer took;
        took.start();
        const auto running = command(protocol::CommandAction::Start, withGpus(1));
        qInfo("start with gpu_count 1: running after %lld ms (%s)", took.elapsed(),
              qPrintable(m_lastRecreate));
        checkKept(running);
        QCOMPARE(record(kInstance).gpus, QStringList{m_uuid});
        QCOMPARE(gpuInContainer(), m_uuid);
        noteKeptImage();
        QVERIFY(m_keptIds.first() != m_keptIds.last()); // committed again, to the same name
    }

    void startWithoutSpecChangesNothing()
    {
        QVERIFY(m_port > 0);
        QCOMPARE(protocol::toString(command(protocol::CommandAction::Stop).state), u"stopped"_s);
        const QString before = m_lastRecreate;
        checkKept(command(protocol::CommandAction::Start));
        QCOMPARE(m_lastRecreate, before); // a plain podman start
        QCOMPARE(gpuInContainer(), m_uuid);
    }

    void anotherInstanceMayTakeTheGpuOfAStoppedOne()
    {
        // The market rents a stopped hourly instance's GPUs out again (docs/market.md).
        QVERIFY(m_port > 0);
        QCOMPARE(protocol::toString(command(protocol::CommandAction::Stop).state), u"stopped"_s);
        const auto other = command(protocol::CommandAction::Create, m_spec, kOther);
        QVERIFY2(other.state == protocol::InstanceState::Running, qPrintable(other.reason));
        QCOMPARE(record(kOther).gpus, QStringList{m_uuid});
        // Its own start finds the GPU taken, asked for by count or, from an older market, not.
        for (const auto &spec :
             {std::optional(withGpus(1)), std::optional<protocol::InstanceSpec>()}) {
            const auto refused = command(protocol::CommandAction::Start, spec);
            QCOMPARE(protocol::toString(refused.state), u"stopped"_s);
            QVERIFY2(refused.reason.startsWith(u"start_failed: gpus_unavailable: "_s),
                     qPrintable(refused.reason));
        }
        QCOMPARE(record(kInstance).gpus, QStringList{m_uuid}); // its container is untouched
        // Without a GPU it runs meanwhile, with everything it had.
        QElapsedTimer took;
        took.start();
        const auto running = command(protocol::CommandAction::Start, withGpus(0));
        qInfo("start with gpu_count 0 beside the other instance: running after %lld ms (%s)",
              took.elapsed(), qPrintable(m_lastRecreate));
        checkKept(running);
        QCOMPARE(gpuInContainer(), QString());
        noteKeptImage();
        QCOMPARE(protocol::toString(command(protocol::CommandAction::Destroy, {}, kOther).state),
                 u"destroyed"_s);
    }

    void destroyRemovesTheKeptImage()
    {
        QVERIFY(!m_keptIds.isEmpty());
        QCOMPARE(protocol::toString(command(protocol::CommandAction::Destroy).state),
                 u"destroyed"_s);
        QVERIFY(podman({u"container"_s, u"exists"_s, m_container}) != 0);
        QVERIFY(podman({u"volume"_s, u"exists"_s, m_container}) != 0);
        QVERIFY(podman({u"image"_s, u"exists"_s, host::ContainerRuntime::keptImage(m_container)}) !=
                0);
        // The image of the first recreate lost its tag to the second; it goes too.
        for (const QString &id : std::as_const(m_keptIds))
            QVERIFY2(podman({u"image"_s, u"exists"_s, id}) != 0, qPrintable(id));
        m_container.clear();
    }
};

QTEST_GUILESS_MAIN(TestHostGpuSwitch)
#include "tst_host_gpuswitch.moc"
