// The per-instance disk quota (docs/host.md "Disk quota"): as root each instance's
// /workspace is an ext4 image of its disk_gb, loop-mounted by podman. Writing past it fails with
// ENOSPC inside the container; the container, its SSH and the agent carry on; destroy removes
// the image with the volume.

#include "hosttestbed.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestHostQuota : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void writingPastTheQuotaFailsWithEnospc()
    {
        if (::geteuid() != 0)
            QFAIL("this test checks the root path (loop-mounted ext4 volumes); run it as root");
        HostTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error()));
        auto *engine = bed.startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(engine->status(), host::HostEngine::Status::Online, 20000);
        QVERIFY(bed.waitOfferListed());
        const qint64 id = bed.createInstance({{u"disk_gb"_s, 1}});
        QVERIFY(id > 0);
        const QJsonObject running = bed.waitState(id, u"running"_s);
        QCOMPARE(running.value(u"state"_s).toString(), u"running"_s);

        // The volume is an ext4 image of 1 GiB, sparse, owned by the agent's state folder.
        const QString name = bed.containerName(id);
        const QString image = QDir(bed.dir()).filePath(u"state/volumes/%1.ext4"_s.arg(name));
        QVERIFY2(QFileInfo::exists(image), qPrintable(image));
        QCOMPARE(QFileInfo(image).size(), qint64(1) << 30);
        QByteArray inspect;
        QCOMPARE(bed.podman({u"volume"_s, u"inspect"_s, u"--format"_s, u"json"_s, name}, &inspect),
                 0);
        const QJsonObject options =
            QJsonDocument::fromJson(inspect).array().first()[u"Options"_s].toObject();
        QCOMPARE(options.value(u"type"_s).toString(), u"ext4"_s);
        QCOMPARE(options.value(u"device"_s).toString(), image);

        // Inside: /workspace is that filesystem, about 1 GiB.
        QByteArray out;
        QCOMPARE(bed.ssh(running, u"df -B1 --output=size,fstype /workspace | tail -1"_s, &out), 0);
        const QList<QByteArray> df = out.simplified().split(' ');
        QVERIFY2(df.size() == 2, out.constData());
        QVERIFY2(df[0].toLongLong() > 900LL * 1024 * 1024 && df[0].toLongLong() <= 1LL << 30,
                 out.constData());
        QCOMPARE(df[1], "ext4"_ba);

        // Past the quota: ENOSPC, not the host's disk.
        QCOMPARE(bed.ssh(running,
                         u"dd if=/dev/zero of=/workspace/fill bs=4M count=300 2>&1; "
                         "echo dd_status=$?"_s,
                         &out, 120000),
                 0);
        QVERIFY2(out.contains("No space left on device"), out.constData());
        QVERIFY2(!out.contains("dd_status=0"), out.constData());

        // The instance, its SSH and the agent survive; space comes back when the file goes.
        QCOMPARE(bed.containerState(id), u"running"_s);
        QCOMPARE(engine->status(), host::HostEngine::Status::Online);
        QCOMPARE(bed.ssh(running,
                         u"rm /workspace/fill && echo fine > /workspace/after.txt && "
                         "cat /workspace/after.txt"_s,
                         &out),
                 0);
        QCOMPARE(out.trimmed(), "fine"_ba);
        QCOMPARE(bed.instance(id).value(u"state"_s).toString(), u"running"_s);

        // Stop and start keep the data (the image is mounted again).
        QCOMPARE(bed.market()
                         .post(u"/api/v1/instances/%1/stop"_s.arg(id), bed.renterToken(), {})
                         .status /
                     100,
                 2);
        QCOMPARE(bed.waitState(id, u"stopped"_s).value(u"state"_s).toString(), u"stopped"_s);
        QCOMPARE(bed.market()
                         .post(u"/api/v1/instances/%1/start"_s.arg(id), bed.renterToken(), {})
                         .status /
                     100,
                 2);
        const QJsonObject again = bed.waitState(id, u"running"_s);
        QCOMPARE(bed.ssh(again, u"cat /workspace/after.txt"_s, &out), 0);
        QCOMPARE(out.trimmed(), "fine"_ba);

        // Destroy removes container, volume and the image.
        QCOMPARE(bed.market()
                         .request("DELETE", u"/api/v1/instances/%1"_s.arg(id), bed.renterToken())
                         .status /
                     100,
                 2);
        QCOMPARE(bed.waitState(id, u"destroyed"_s).value(u"state"_s).toString(), u"destroyed"_s);
        QVERIFY(bed.podman({u"volume"_s, u"exists"_s, name}) != 0);
        QVERIFY(bed.podman({u"container"_s, u"exists"_s, name}) != 0);
        QVERIFY(!QFileInfo::exists(image));
    }
};

QTEST_GUILESS_MAIN(TestHostQuota)
#include "tst_host_quota.moc"
