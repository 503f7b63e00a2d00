// The agent's pure parts: INI config and schedule windows, the runtime decision from recorded
// `podman info` output, jittered backoff, host key (ssh/'s key writer, as the agent calls it) and
// the archive it hands in (protocol/'s tar writer, through ContainerRuntime), the CRI log parser.

#include "host/containerruntime.h"
#include "host/hostconfig.h"
#include "host/instancemetrics.h"
#include "host/marketlink.h"
#include "host/podman.h"
#include "protocol/backoff.h"
#include "ssh/sshkey.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::host;

class TestHostConfig : public QObject
{
    Q_OBJECT

    QString writeIni(const QByteArray &text)
    {
        const QString path = m_dir.filePath(u"h%1.ini"_s.arg(++m_n));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return path;
    }
    QTemporaryDir m_dir;
    int m_n = 0;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void readsEveryKey()
    {
        auto c = HostConfig::load(writeIni(
            "[host]\naddress=203.0.113.7\nbind_address=0.0.0.0\nport_min=20000\nport_max=20100\n"
            "state_dir=st\nregion=cn-east\n"
            "[instances]\ndisk_quota_gb=80\ncpus=3.5\nmemory_mb=8192\npids_limit=2048\n"
            "[prices]\ngpu_hour_micro=1320000\nstorage_gb_month_micro=200000\ninterruptible=true\n"
            "[images]\nsize=1\n1\\ref=localhost/x:1\n1\\title=X\n1\\jupyter=true\n"
            "[schedule]\nwindows=mon-fri 22:00-08:00, sat 00:00-24:00\n"
            "[agent]\nmarket_grace_s=120\ndisk_check_interval_s=15\nca_file=certs/ca.crt\n"
            "[network]\nmode=Relay\n"
            "[speedtest]\nbytes=1048576\ninterval_h=12\n"
            "[market]\nurl=https://market.example.org\ntoken_file=tok/host.token\n"));
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
        QCOMPARE(c->networkMode, u"relay"_s);
        QCOMPARE(c->marketUrl, u"https://market.example.org"_s);
        QVERIFY(c->tokenFile.endsWith(u"/tok/host.token"_s));
        QVERIFY(QFileInfo(c->tokenFile).isAbsolute());
        QVERIFY(c->relayKeyPath().endsWith(u"/st/relay_ed25519"_s));
        QCOMPARE(c->address, u"203.0.113.7"_s);
        QCOMPARE(c->portMin, 20000);
        QCOMPARE(c->portMax, 20100);
        QCOMPARE(c->diskQuotaGb, 80);
        QCOMPARE(c->marketGraceS, 120);
        QCOMPARE(c->diskCheckIntervalS, 15);
        QCOMPARE(c->speedTestBytes, 1'048'576);
        QCOMPARE(c->speedTestIntervalH, 12);
        QCOMPARE(c->cpus, 3.5);
        QCOMPARE(c->memoryMb, 8192);
        QCOMPARE(c->priceGpuHourMicro, 1'320'000);
        QVERIFY(c->interruptible);
        QCOMPARE(c->images.size(), 1);
        QVERIFY(c->images[0].has_jupyter);
        QVERIFY(c->isImageAllowed(u"localhost/x:1"_s));
        QVERIFY(!c->isImageAllowed(u"localhost/suanli/base:bookworm"_s));
        QVERIFY(c->stateDir.endsWith(u"/st"_s));
        QCOMPARE(c->caFile, m_dir.filePath(u"certs/ca.crt"_s)); // relative to the ini
        QCOMPARE(c->windows.size(), 2);
        // Monday 23:00 and Tuesday 07:59 are inside the overnight window, Tuesday 12:00 is not.
        QVERIFY(c->lendsAt(QDateTime(QDate(2026, 11, 23), QTime(23, 0))));
        QVERIFY(c->lendsAt(QDateTime(QDate(2026, 11, 24), QTime(7, 59))));
        QVERIFY(!c->lendsAt(QDateTime(QDate(2026, 11, 24), QTime(12, 0))));
        QVERIFY(c->lendsAt(QDateTime(QDate(2026, 11, 28), QTime(12, 0))));  // Saturday
        QVERIFY(!c->lendsAt(QDateTime(QDate(2026, 11, 29), QTime(12, 0)))); // Sunday
    }

    void badValuesNameTheirKey_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("field");
        QTest::newRow("port") << "[host]\nport_min=abc\n"_ba << u"host/port_min"_s;
        QTest::newRow("range") << "[host]\nport_min=3000\nport_max=2000\n"_ba << u"host/port_min"_s;
        QTest::newRow("memory") << "[instances]\nmemory_mb=-1\n"_ba << u"instances/memory_mb"_s;
        QTest::newRow("cpus") << "[instances]\ncpus=lots\n"_ba << u"instances/cpus"_s;
        QTest::newRow("runtime") << "[host]\nruntime=kata\n"_ba << u"host/runtime"_s;
        QTest::newRow("window") << "[schedule]\nwindows=someday 9-5\n"_ba << u"schedule/windows"_s;
        QTest::newRow("bool") << "[prices]\ninterruptible=maybe\n"_ba << u"prices/interruptible"_s;
        QTest::newRow("network") << "[network]\nmode=nat\n"_ba << u"network/mode"_s;
        QTest::newRow("allow") << "[network]\nallow=192.168.1.300\n"_ba << u"network/allow"_s;
        QTest::newRow("allow port") << "[network]\nallow=10.0.0.1:70000\n"_ba << u"network/allow"_s;
        QTest::newRow("subnet") << "[network]\nsubnet=fd00::/64\n"_ba << u"network/subnet"_s;
        QTest::newRow("require") << "[network]\nrequire_isolation=sometimes\n"_ba
                                 << u"network/require_isolation"_s;
        QTest::newRow("disk check")
            << "[agent]\ndisk_check_interval_s=0\n"_ba << u"agent/disk_check_interval_s"_s;
        // The market takes at most 64 MiB a test.
        QTest::newRow("speed test bytes")
            << "[speedtest]\nbytes=67108865\n"_ba << u"speedtest/bytes"_s;
        QTest::newRow("speed test interval")
            << "[speedtest]\ninterval_h=0\n"_ba << u"speedtest/interval_h"_s;
    }
    void badValuesNameTheirKey()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, field);
        auto c = HostConfig::load(writeIni(ini));
        QVERIFY(!c);
        QCOMPARE(c.error().code, u"invalid_config"_s);
        QCOMPARE(c.error().field, field);
    }

    void isolationKeys()
    {
        auto c =
            HostConfig::load(writeIni("[network]\nsubnet=10.250.0.0/24\nrequire_isolation=true\n"
                                      "allow = 192.168.1.10:8080, 10.20.1.7/16, [fd00::5]:443\n"));
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QCOMPARE(c->networkSubnet, u"10.250.0.0/24"_s);
        QVERIFY(c->requireIsolation);
        const QList<AllowRule> want = {{u"192.168.1.10/32"_s, false, 8080},
                                       {u"10.20.0.0/16"_s, false, 0},
                                       {u"fd00::5/128"_s, true, 443}};
        QCOMPARE(c->allow, want);
        auto d = HostConfig::load(writeIni(""));
        QVERIFY(d);
        QVERIFY(!d->requireIsolation);
        QVERIFY(d->allow.isEmpty());
        QCOMPARE(d->networkSubnet, u"10.89.77.0/24"_s);
        // The script: every blocked range dropped, the allow entry accepted before the drops.
        FirewallPolicy p{u"cni-podman9"_s, {u"192.168.1.1"_s}, c->allow};
        const QString script = QString::fromUtf8(Firewall::script(p));
        QVERIFY(script.contains(u"iifname \"cni-podman9\" ip daddr 192.168.1.10/32 meta l4proto "
                                "{ tcp, udp } th dport 8080 accept"_s));
        QVERIFY(script.indexOf(u"8080 accept"_s) < script.indexOf(u"private ipv4"_s));
        for (const QString &range : Firewall::blockedIpv4() + Firewall::blockedIpv6())
            QVERIFY2(script.contains(range), qPrintable(range));
        QVERIFY(
            script.contains(u"ip daddr { 192.168.1.1 } meta l4proto { tcp, udp } th dport 53"_s));
        QCOMPARE(Firewall::resolvers("nameserver 127.0.0.53\nnameserver 192.168.1.1\n# x\n"
                                     "nameserver ::1\nnameserver 2001:db8::1\n"),
                 (QStringList{u"192.168.1.1"_s, u"2001:db8::1"_s}));
    }

    void networkModeDefaultsToAuto()
    {
        auto c = HostConfig::load(writeIni("[host]\naddress=127.0.0.1\n"));
        QVERIFY(c);
        QCOMPARE(c->networkMode, u"auto"_s);
        QCOMPARE(HostConfig::defaults().networkMode, u"auto"_s);
    }

    void missingFileIsAnError()
    {
        auto c = HostConfig::load(m_dir.filePath(u"nope.ini"_s));
        QVERIFY(!c);
        QCOMPARE(c.error().code, u"config_not_found"_s);
    }

    void runtimeDecisionFromRecordedPodmanInfo()
    {
        // Recorded from this project's CI VM: cgroup v1 hybrid, crun default, no CAP_SYS_RESOURCE.
        const QJsonObject info =
            QJsonDocument::fromJson(
                R"({"host":{"cgroupVersion":"v1","cgroupManager":"cgroupfs","ociRuntime":{"name":"crun"},
               "security":{"rootless":false}}})")
                .object();
        RuntimeSettings s = RuntimeDetector::decide(info, 0x000001fffeffffffULL, true, u"auto"_s);
        QCOMPARE(s.runtime, u"runc"_s);
        QCOMPARE(s.cgroupManager, u"cgroupfs"_s);
        QVERIFY(s.dropUlimits);
        const QByteArray conf = RuntimeDetector::containersConf(s);
        QVERIFY(conf.contains("default_ulimits = []"));
        QVERIFY(conf.contains("runtime = \"runc\""));
        // A normal cgroup v2 root machine needs nothing.
        const QJsonObject v2 =
            QJsonDocument::fromJson(
                R"({"host":{"cgroupVersion":"v2","cgroupManager":"systemd","ociRuntime":{"name":"crun"},
               "security":{"rootless":false}}})")
                .object();
        s = RuntimeDetector::decide(v2, 0x000001ffffffffffULL, false, u"auto"_s);
        QVERIFY(s.runtime.isEmpty());
        QVERIFY(s.cgroupManager.isEmpty());
        QVERIFY(!s.dropUlimits);
    }

    void rootMountPropagationFromMountinfo()
    {
        // systemd's /: shared; a container's: private (no optional field); a later mount on /
        // (chroot-like) is the one in effect.
        QVERIFY(RuntimeDetector::rootMountShared(
            "22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw\n"
            "23 22 0:5 / /dev rw shared:2 - devtmpfs devtmpfs rw\n"));
        QVERIFY(!RuntimeDetector::rootMountShared(
            "26 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard\n"
            "27 26 0:5 / /dev rw shared:2 - devtmpfs devtmpfs rw\n"));
        QVERIFY(!RuntimeDetector::rootMountShared(
            "22 1 254:0 / / rw shared:1 - ext4 /dev/vda rw\n"
            "90 22 254:0 /srv/root / rw master:1 - ext4 /dev/vda rw\n"));
        QVERIFY(RuntimeDetector::rootMountShared(
            "22 1 254:0 / / rw shared:7 master:1 - ext4 /dev/vda rw\n"));
        // This process's own namespace is read without failing.
        (void)RuntimeDetector::rootMountShared();
    }

    void backoffIsJitteredAndCapped()
    {
        QCOMPARE(protocol::backoffMs(0, 1000, 60000, 0), 500);
        QVERIFY(protocol::backoffMs(0, 1000, 60000, 999) <= 1000);
        QVERIFY(protocol::backoffMs(3, 1000, 60000, 500) >= 4000);
        QVERIFY(protocol::backoffMs(30, 1000, 60000, 999) <= 60000);
        QVERIFY(protocol::backoffMs(30, 1000, 60000, 0) >= 30000);
        QCOMPARE(MarketLink::agentUrl(QUrl(u"https://m.example:8443"_s)).toString(),
                 u"wss://m.example:8443/api/v1/agent"_s);
    }

    void hostKeyIsReadByOpenSsh()
    {
        auto key = ssh::generateEd25519Key(u"test"_s);
        QVERIFY(key);
        QVERIFY(key->publicKeyLine.startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"_L1));
        const QString path = m_dir.filePath(u"hostkey"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(key->privateKey);
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.close();
        QProcess keygen; // ssh-keygen -y derives the public key from the private file
        keygen.start(u"ssh-keygen"_s, {u"-y"_s, u"-f"_s, path});
        QVERIFY(keygen.waitForFinished(5000));
        QCOMPARE(keygen.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(keygen.readAllStandardOutput()).trimmed().section(u' ', 0, 1),
                 key->publicKeyLine.section(u' ', 0, 1));
    }

    void tarIsReadByTar()
    {
        const QByteArray archive = ContainerRuntime::handInArchive(
            {{u"etc/suanli"_s, {}, 0700, true}, {u"etc/suanli/a.txt"_s, "hello\n", 0600}},
            QDateTime::currentSecsSinceEpoch());
        QProcess p;
        p.start(u"tar"_s, {u"-tvf"_s, u"-"_s});
        p.write(archive);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray listing = p.readAllStandardOutput();
        QVERIFY(listing.contains("drwx------"));
        QVERIFY(listing.contains("-rw------- root/root"));
        QVERIFY(listing.contains(" 6 "));
        QVERIFY(listing.contains("etc/suanli/a.txt"));
    }

    /// The archive the agent hands in keeps a name past ustar's 100 bytes whole (a GNU
    /// long-name record), folders and UTF-8 included, as tar unpacks it.
    void handInArchiveKeepsLongNamesWhole()
    {
        const QString folder = u"etc/suanli/"_s + QString(120, u'd');
        const QString file = folder + u"/"_s + QString(110, u'f') + u"-数据.txt"_s;
        QVERIFY(file.toUtf8().size() > 100);
        const QByteArray archive = ContainerRuntime::handInArchive(
            {{folder, {}, 0700, true}, {file, "whole\n", 0600}}, 1700000000);
        QTemporaryDir out;
        QProcess p;
        p.start(u"tar"_s, {u"-x"_s, u"--no-same-owner"_s, u"-f"_s, u"-"_s, u"-C"_s, out.path()});
        p.write(archive);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(5000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(QFileInfo(out.filePath(folder)).isDir());
        QFile unpacked(out.filePath(file));
        QVERIFY(unpacked.open(QIODevice::ReadOnly));
        QCOMPARE(unpacked.readAll(), QByteArray("whole\n"));
        QCOMPARE(QDir(out.filePath(folder)).entryList(QDir::Files),
                 QStringList{file.section(u'/', -1)});
    }

    void sshdConfigRejectsUnsafeEnv()
    {
        QVERIFY(ContainerRuntime::sshdConfig({{u"A_B"_s, u"x y"_s}}));
        QVERIFY(
            ContainerRuntime::sshdConfig({{u"A_B"_s, u"x y"_s}})->contains("SetEnv \"A_B=x y\""));
        QCOMPARE(ContainerRuntime::sshdConfig({{u"1A"_s, u"x"_s}}).error().code, u"invalid_env"_s);
        QCOMPARE(ContainerRuntime::sshdConfig({{u"A"_s, u"x\"\nHostKey /x"_s}}).error().code,
                 u"invalid_env"_s);
    }

    void processTreeMetricsReadThisProcess()
    {
        // Rootless on cgroup v1: the numbers of the tree under a pid, from /proc. This test's
        // own process and a child it starts stand in for a container's.
        QProcess child;
        child.start(u"sleep"_s, {u"30"_s});
        QVERIFY(child.waitForStarted());
        InstanceMetrics m = InstanceMetrics::forProcessTree(QCoreApplication::applicationPid());
        const InstanceMetrics::Reading first = m.read(0);
        QVERIFY(first.alive);
        QVERIFY(first.pids.contains(QCoreApplication::applicationPid()));
        QVERIFY(first.pids.contains(child.processId()));
        QVERIFY(first.memoryUsedMb > 0);
        volatile double x = 0; // some CPU time for the second reading
        for (int i = 0; i < 20'000'000; ++i)
            x = x + i;
        const InstanceMetrics::Reading second = m.read(1000);
        QVERIFY(second.cpuPct > 0);
        child.kill();
        child.waitForFinished();
        QVERIFY(!m.read(2000).pids.contains(child.processId()));
        QVERIFY(!InstanceMetrics::forProcessTree(0x3fffffff).read(0).alive);
    }

    void criLogLinesAreJoined()
    {
        const QString path = m_dir.filePath(u"ctr.log"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("2026-11-22T10:00:00.000000000+00:00 stdout F one\n"
                "2026-11-22T10:00:00.100000000+00:00 stderr P tw\n"
                "2026-11-22T10:00:00.200000000+00:00 stderr F o\n"
                "2026-11-22T10:00:00.300000000+00:00 stdout F three");
        f.close();
        LogTail tail(path);
        QCOMPARE(tail.poll(), (QStringList{u"one"_s, u"two"_s}));
        QVERIFY(f.open(QIODevice::Append));
        f.write("\n");
        f.close();
        QCOMPARE(tail.poll(), QStringList{u"three"_s});
        QCOMPARE(tail.poll(), QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestHostConfig)
#include "tst_hostconfig.moc"
