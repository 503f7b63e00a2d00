// Isolation, tested rather than assumed (docs/host.md): from inside an instance, logged in over
// SSH as its renter, the host's files, processes and network are invisible; the memory and pids
// limits hold against a memory hog and a fork bomb while the host carries on; only sshd is
// published; the capability set and no_new_privs are what the agent asked for.

#include "hosttestbed.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestHostIsolation : public QObject
{
    Q_OBJECT

    std::unique_ptr<HostTestBed> m_bed;
    QJsonObject m_instance;
    qint64 m_id = 0;

    QByteArray inside(const QString &command, int *code = nullptr)
    {
        QByteArray out;
        const int rc = m_bed->ssh(m_instance, command, &out);
        if (code)
            *code = rc;
        return out;
    }
    QByteArray cgroupFile(const QString &controller, const QString &file)
    {
        QByteArray path;
        m_bed->podman({u"container"_s, u"inspect"_s, u"--format"_s, u"{{.State.CgroupPath}}"_s,
                       m_bed->containerName(m_id)},
                      &path);
        QFile f(
            u"/sys/fs/cgroup/%1%2/%3"_s.arg(controller, QString::fromUtf8(path.trimmed()), file));
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_bed = std::make_unique<HostTestBed>();
        QVERIFY2(m_bed->ok(), qPrintable(m_bed->error()));
        QVERIFY(m_bed->startEngine());
        QVERIFY(m_bed->waitOfferListed());
        m_id = m_bed->createInstance();
        QVERIFY(m_id > 0);
        m_instance = m_bed->waitState(m_id, u"running"_s);
        QCOMPARE(m_instance.value(u"state"_s).toString(), u"running"_s);
    }
    void cleanupTestCase() { m_bed.reset(); }

    void hostFilesAreInvisible()
    {
        const QString secret =
            m_bed->dir() + u"/host-secret-%1"_s.arg(QRandomGenerator::global()->generate());
        QFile f(secret);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("secret");
        f.close();
        int rc = 0;
        inside(u"test -e '%1'"_s.arg(secret), &rc);
        QCOMPARE(rc, 1);
        inside(u"test -e /work || test -e /var/lib/containers || test -e /root/.cache/suanli"_s,
               &rc);
        QCOMPARE(rc, 1);
        // No host path is mounted: every mount is the container's root, /workspace (its volume)
        // or a kernel file system.
        const QByteArray mounts = inside(u"cat /proc/self/mounts"_s);
        QVERIFY(!mounts.contains(" /work "));
        QVERIFY(!mounts.contains(m_bed->dir().toUtf8()));
    }

    void hostProcessesAreInvisible()
    {
        QProcess marker; // a host process with an argument nothing else has
        marker.start(u"sleep"_s, {u"317.25"_s});
        QVERIFY(marker.waitForStarted());
        const QByteArray ps = inside(u"ps -eo pid,args"_s);
        QVERIFY2(!ps.contains("317.25"), ps.constData());
        QVERIFY(ps.split('\n').size() < 20); // sshd, this session, ps: a handful
        QVERIFY(ps.contains("   1 sshd") || ps.contains("1 /usr/sbin/sshd"));
        marker.kill();
        marker.waitForFinished();
    }

    void hostNetworkIsInvisible()
    {
        const QByteArray links = inside(u"ip -o link show | cut -d: -f2"_s);
        QStringList names;
        for (const QByteArray &l : links.split('\n')) {
            if (!l.trimmed().isEmpty())
                names << QString::fromUtf8(l.trimmed()).section(u'@', 0, 0);
        }
        names.sort();
        QCOMPARE(names, (QStringList{u"eth0"_s, u"lo"_s}));
        // The host's bridge and veth ends are not there.
        for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
            if (i.name() != "lo"_L1 && i.name() != "eth0"_L1)
                QVERIFY2(!names.contains(i.name()), qPrintable(i.name()));
        }
    }

    void capabilitiesAndNoNewPrivileges()
    {
        const QByteArray status = inside(u"grep -E '^(CapEff|NoNewPrivs)' /proc/1/status"_s);
        QVERIFY2(status.contains("NoNewPrivs:\t1"), status.constData());
        // CHOWN(0) KILL(5) SETGID(6) SETUID(7) NET_BIND_SERVICE(10) SYS_CHROOT(18)
        QVERIFY2(status.contains("CapEff:\t00000000000404e1"), status.constData());
    }

    void onlySshdIsPublished()
    {
        QByteArray json;
        QCOMPARE(m_bed->podman({u"container"_s, u"inspect"_s, u"--format"_s, u"json"_s,
                                m_bed->containerName(m_id)},
                               &json),
                 0);
        const QJsonObject ports = QJsonDocument::fromJson(json)
                                      .array()
                                      .first()
                                      .toObject()
                                      .value(u"HostConfig"_s)
                                      .toObject()
                                      .value(u"PortBindings"_s)
                                      .toObject();
        QCOMPARE(ports.keys(), QStringList{u"22/tcp"_s});
        const QJsonObject binding = ports.value(u"22/tcp"_s).toArray().first().toObject();
        QCOMPARE(binding.value(u"HostIp"_s).toString(), u"127.0.0.1"_s);
        QCOMPARE(binding.value(u"HostPort"_s).toString().toInt(),
                 m_instance[u"ssh"_s][u"port"_s].toInt());
    }

    void memoryLimitHolds()
    {
        QCOMPARE(cgroupFile(u"memory"_s, u"memory.limit_in_bytes"_s),
                 QByteArray::number(256 * 1024 * 1024));
        int rc = 0;
        // Touch 600 MiB: the kernel kills the hog (137) or Python gets MemoryError (1).
        inside(u"python3 -c 'b = bytearray(600 * 1024 * 1024); print(len(b))'"_s, &rc);
        QVERIFY2(rc == 137 || rc == 1 || rc == 255, qPrintable(QString::number(rc)));
        QVERIFY(cgroupFile(u"memory"_s, u"memory.max_usage_in_bytes"_s).toLongLong() <=
                256 * 1024 * 1024);
        // The instance itself is still there and answers.
        QCOMPARE(m_bed->ssh(m_instance, u"true"_s), 0);
    }

    void pidsLimitHoldsAgainstAForkBomb()
    {
        QCOMPARE(cgroupFile(u"pids"_s, u"pids.max"_s), "128"_ba);
        // The bomb runs for a few seconds and is then killed with everything else in the
        // instance; the ssh session that started it may itself fail to fork.
        int rc = 0;
        inside(u"(timeout -s KILL 4 bash -c ':(){ :|:& };:' >/dev/null 2>&1 &) ; sleep 3; "
               "cat /sys/fs/cgroup/pids/pids.current 2>/dev/null || true"_s,
               &rc);
        const qint64 current = cgroupFile(u"pids"_s, u"pids.current"_s).toLongLong();
        QVERIFY2(current <= 128, qPrintable(QString::number(current)));
        QVERIFY(cgroupFile(u"pids"_s, u"pids.events"_s).contains("max "));
        // The host is unaffected: it still starts processes, and the agent still reports.
        QProcess host;
        host.start(u"true"_s);
        QVERIFY(host.waitForFinished(5000));
        QCOMPARE(host.exitCode(), 0);
        QCOMPARE(m_bed->engine()->status(), host::HostEngine::Status::Online);
        // Stopping ends the bomb with the instance (every process in its pid namespace).
        QCOMPARE(m_bed->market()
                         .post(u"/api/v1/instances/%1/stop"_s.arg(m_id), m_bed->renterToken(), {})
                         .status /
                     100,
                 2);
        QCOMPARE(m_bed->waitState(m_id, u"stopped"_s).value(u"state"_s).toString(), u"stopped"_s);
    }
};

QTEST_GUILESS_MAIN(TestHostIsolation)
#include "tst_host_isolation.moc"
