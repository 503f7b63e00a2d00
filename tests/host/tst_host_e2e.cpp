// End to end over loopback with real Podman and OpenSSH (docs/host.md): market + in-process
// agent; create through the API → running; log in with the renter's key against the pinned
// host key; data in /workspace survives stop/start; destroy removes container and volume.

#include "hosttestbed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestHostE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void lifecycleOverSsh()
    {
        HostTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error()));
        auto *engine = bed.startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(engine->status(), host::HostEngine::Status::Online, 20000);
        QVERIFY(bed.waitOfferListed());
        // No NVIDIA driver here: the offer is CPU-only, never an invented GPU.
        auto offers = bed.market().get(u"/api/v1/offers"_s, bed.renterToken());
        QCOMPARE(offers.json[u"offers"_s][0][u"gpus_total"_s].toInt(), 0);
        // The engine measured its link and disk at its first welcome (docs/host.md, "Measured
        // speeds"; host.ini's default 16 MiB) and the offer says so.
        QJsonObject measured;
        QVERIFY(HostTestBed::poll(
            [&] {
                auto r = bed.market().get(u"/api/v1/offers"_s, bed.renterToken());
                measured = r.json[u"offers"_s][0].toObject();
                return !measured[u"measured_at"_s].isNull();
            },
            60'000));
        QVERIFY2(measured[u"net_down_mbps"_s].toInteger() >= 1,
                 QJsonDocument(measured).toJson().constData());
        QVERIFY(measured[u"net_up_mbps"_s].toInteger() >= 1);
        QVERIFY(measured[u"disk_write_mbps"_s].toInteger() >= 1);

        const qint64 id =
            bed.createInstance({{u"env"_s, QJsonObject{{u"SUANLI_TEST"_s, u"hello world"_s}}},
                                {u"onstart"_s, u"echo onstart-ran > /workspace/onstart.txt"_s},
                                {u"jupyter"_s, true}});
        QVERIFY(id > 0);
        QJsonObject running = bed.waitState(id, u"running"_s);
        QCOMPARE(running.value(u"state"_s).toString(), u"running"_s);
        const QJsonObject ssh = running.value(u"ssh"_s).toObject();
        QVERIFY(ssh.value(u"host_key"_s).toString().startsWith("ssh-ed25519 AAAA"_L1));
        QCOMPARE(ssh.value(u"user"_s).toString(), u"root"_s);
        QCOMPARE(running[u"jupyter"_s][u"port"_s].toInt(), 8888);
        QVERIFY(running[u"jupyter"_s][u"token"_s].toString().size() >= 32);

        QByteArray out;
        QCOMPARE(
            bed.ssh(running,
                    u"echo \"$SUANLI_TEST\" > /workspace/data.txt && cat /workspace/data.txt"_s,
                    &out),
            0);
        QVERIFY2(out.contains("hello world"), out.constData());
        QTRY_VERIFY_WITH_TIMEOUT(bed.ssh(running, u"cat /workspace/onstart.txt"_s, &out) == 0 &&
                                     out.contains("onstart-ran"),
                                 10000);

        // A wrong pinned key must be refused (StrictHostKeyChecking=yes really checks).
        QJsonObject forged = running;
        QJsonObject forgedSsh = ssh;
        forgedSsh[u"host_key"_s] =
            u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEwvVUbnpNMaW9dZNdO6ZBc0OLtiwOsEGHdxlp7bwPNd"_s;
        forged[u"ssh"_s] = forgedSsh;
        QVERIFY(bed.ssh(forged, u"true"_s) != 0);

        // Telemetry reaches the market: the instance's history has samples.
        QTRY_VERIFY_WITH_TIMEOUT(
            !bed.market()
                 .get(u"/api/v1/instances/%1/telemetry"_s.arg(id), bed.renterToken())
                 .json.value(u"samples"_s)
                 .toArray()
                 .isEmpty(),
            10000);
        // Logs reach the market.
        QTRY_VERIFY_WITH_TIMEOUT(
            bed.market()
                .get(u"/api/v1/instances/%1/logs?tail=50"_s.arg(id), bed.renterToken())
                .body.contains("starting sshd"),
            10000);

        QCOMPARE(bed.market()
                         .post(u"/api/v1/instances/%1/stop"_s.arg(id), bed.renterToken(), {})
                         .status /
                     100,
                 2);
        QCOMPARE(bed.waitState(id, u"stopped"_s).value(u"state"_s).toString(), u"stopped"_s);
        const auto startReply =
            bed.market().post(u"/api/v1/instances/%1/start"_s.arg(id), bed.renterToken(), {});
        QVERIFY2(startReply.status / 100 == 2, startReply.body.constData());
        running = bed.waitState(id, u"running"_s);
        QCOMPARE(running.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(bed.ssh(running, u"cat /workspace/data.txt"_s, &out), 0);
        QVERIFY2(out.contains("hello world"), out.constData());

        const QString name = bed.containerName(id);
        QCOMPARE(bed.podman({u"container"_s, u"exists"_s, name}), 0);
        QCOMPARE(bed.podman({u"volume"_s, u"exists"_s, name}), 0);
        QCOMPARE(bed.market()
                         .request("DELETE", u"/api/v1/instances/%1"_s.arg(id), bed.renterToken())
                         .status /
                     100,
                 2);
        QCOMPARE(bed.waitState(id, u"destroyed"_s).value(u"state"_s).toString(), u"destroyed"_s);
        QCOMPARE(bed.podman({u"container"_s, u"exists"_s, name}), 1);
        QCOMPARE(bed.podman({u"volume"_s, u"exists"_s, name}), 1);
    }

    void imageWithoutSshdFails()
    {
        // A real image without sshd: the base image's files minus /usr/sbin/sshd.
        const QString ref = u"localhost/suanli/test-nosshd:latest"_s;
        HostTestBed bed(u"[images]\nsize=2\n1\\ref=localhost/suanli/base:bookworm\n"
                        "2\\ref=%1\n"_s.arg(ref));
        QVERIFY2(bed.ok(), qPrintable(bed.error()));
        auto *engine = bed.startEngine();
        QVERIFY(engine);
        QVERIFY(bed.waitOfferListed()); // the agent has written its containers.conf by now
        if (bed.podman({u"image"_s, u"exists"_s, ref}) != 0) {
            bed.podman({u"rm"_s, u"-f"_s, u"suanli-test-nosshd"_s});
            QCOMPARE(bed.podman({u"run"_s, u"--name"_s, u"suanli-test-nosshd"_s, u"--network"_s,
                                 u"none"_s, QString::fromLatin1(HostTestBed::kImage), u"rm"_s,
                                 u"-f"_s, u"/usr/sbin/sshd"_s}),
                     0);
            QCOMPARE(bed.podman({u"commit"_s, u"--quiet"_s, u"suanli-test-nosshd"_s, ref}), 0);
            bed.podman({u"rm"_s, u"-f"_s, u"suanli-test-nosshd"_s});
        }
        QVERIFY(bed.waitOfferListed());
        const qint64 id = bed.createInstance({}, ref);
        QVERIFY(id > 0);
        const QJsonObject failed = bed.waitState(id, u"failed"_s);
        QCOMPARE(failed.value(u"state"_s).toString(), u"failed"_s);
        QCOMPARE(failed.value(u"state_reason"_s).toString(), u"image_has_no_sshd"_s);
        // Nothing half-made stays behind.
        QCOMPARE(bed.podman({u"container"_s, u"exists"_s, bed.containerName(id)}), 1);
        QCOMPARE(bed.podman({u"volume"_s, u"exists"_s, bed.containerName(id)}), 1);
    }

    void imageNotAllowedFailsWithReason()
    {
        HostTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error()));
        QVERIFY(bed.startEngine());
        QVERIFY(bed.waitOfferListed());
        const qint64 id = bed.createInstance({}, u"docker.io/library/alpine:latest"_s);
        QVERIFY(id > 0);
        const QJsonObject failed = bed.waitState(id, u"failed"_s);
        QVERIFY2(failed.value(u"state_reason"_s).toString().startsWith("image_not_allowed"_L1),
                 qPrintable(failed.value(u"state_reason"_s).toString()));
    }
};

QTEST_GUILESS_MAIN(TestHostE2e)
#include "tst_host_e2e.moc"
