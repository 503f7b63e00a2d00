// Clone and move between two real hosts (DESIGN §9.4; docs/host.md "Clone and move"): two
// in-process agents on one market, real Podman instances. The target agent pulls the source's
// /workspace over SSH with its one-time key and verifies it against the source's SHA-256
// manifest; a move destroys the source only after that. Faults: the source host gone mid-copy,
// the target's ext4 quota full, the renter's cancel — each leaves the source as it was and the
// new instance says why.

#include "hosttestbed.h"
#include "support/testmain.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

/// Every file's digest, size and mode, every folder and link: the tree, byte for byte.
const QString kTreeCommand =
    u"cd /workspace && find . -path ./lost+found -prune -o -type f -printf '%p %s %m\\n' "
    "-exec sha256sum {} + -o -type d -printf 'd %p %m\\n' -o -type l -printf 'l %p %l\\n' "
    "| sort"_s;

} // namespace

class TestHostClone : public QObject
{
    Q_OBJECT

private:
    /// Both agents online and listed; the source instance running with `diskGb`.
    bool bringUp(HostTestBed &bed, qint64 *source, qint64 diskGb = 1)
    {
        if (!bed.ok() || !bed.startEngine() || !bed.startSecondHost())
            return false;
        if (!bed.waitOfferListed())
            return false;
        const bool second = HostTestBed::poll(
            [&] {
                auto offers = bed.market().get(u"/api/v1/offers"_s, bed.renterToken());
                for (const QJsonValue &o : offers.json[u"offers"_s].toArray()) {
                    if (o[u"host_id"_s].toInteger() == bed.secondHostId())
                        return true;
                }
                return false;
            },
            20000);
        if (!second)
            return false;
        *source = bed.createInstance({{u"disk_gb"_s, diskGb}});
        return *source > 0 &&
               bed.waitState(*source, u"running"_s).value(u"state"_s).toString() == u"running"_s;
    }

    MarketHarness::Reply clone(HostTestBed &bed, qint64 source, bool move, qint64 diskGb = 0)
    {
        QJsonObject body{
            {u"offer_id"_s, bed.secondHostId()}, {u"gpu_count"_s, 0}, {u"move"_s, move}};
        if (diskGb)
            body.insert(u"disk_gb"_s, diskGb);
        return bed.market().request("POST", u"/api/v1/instances/%1/clone"_s.arg(source),
                                    bed.renterToken(), QJsonDocument(body).toJson());
    }

    /// Polls the new instance until its copy ended; `sourceStates` gets the source's state at
    /// every poll before that.
    QJsonObject waitCopyEnd(HostTestBed &bed, qint64 target, qint64 source,
                            QStringList *sourceStates = nullptr, int timeoutMs = 240000)
    {
        QJsonObject last;
        HostTestBed::poll(
            [&] {
                // The source first: a state read before the target's copy is seen unfinished
                // was the source's state while the copy ran (read after, it may already be the
                // move's destroy that follows the verified end).
                const QString sourceState =
                    sourceStates ? bed.instance(source)[u"state"_s].toString() : QString();
                last = bed.instance(target);
                const QString state = last[u"copy"_s][u"state"_s].toString();
                const bool ended =
                    state == u"done"_s || state == u"failed"_s || state == u"cancelled"_s;
                if (!ended && sourceStates)
                    sourceStates->append(sourceState);
                return ended;
            },
            timeoutMs);
        return last;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (::geteuid() != 0)
            QFAIL("two rootful agents with loop-mounted ext4 volumes: run it as root");
    }

    void moveCopiesTheTreeByteForByte()
    {
        HostTestBed bed;
        qint64 source = 0;
        QVERIFY2(bringUp(bed, &source), qPrintable(bed.error()));
        const QJsonObject running = bed.instance(source);
        QByteArray out;
        QCOMPARE(bed.ssh(running,
                         u"set -e; cd /workspace; mkdir -p a/b 'with space' empty; "
                         "head -c 20000000 /dev/urandom > big.bin; "
                         "for i in $(seq 1 120); do echo file $i > a/b/f$i.txt; done; "
                         "printf 'x' > 'with space/ü n.txt'; chmod 0750 a; chmod 0600 big.bin; "
                         "ln -s big.bin link; : > zero"_s,
                         &out, 120000),
                 0);
        QByteArray before;
        QCOMPARE(bed.ssh(running, kTreeCommand, &before, 60000), 0);
        QVERIFY(before.contains("big.bin"));

        auto r = clone(bed, source, true);
        QVERIFY2(r.status == 201, r.body.constData());
        const qint64 target = r.json[u"id"_s].toInteger();
        QCOMPARE(r.json[u"copy"_s][u"state"_s].toString(), u"waiting"_s);
        QStringList sourceStates;
        const QJsonObject ended = waitCopyEnd(bed, target, source, &sourceStates);
        QVERIFY2(ended[u"copy"_s][u"state"_s].toString() == u"done"_s,
                 QJsonDocument(ended).toJson().constData());
        QCOMPARE(ended[u"copy"_s][u"files_done"_s].toInteger(), 123); // the link is no file
        QCOMPARE(ended[u"copy"_s][u"files_done"_s].toInteger(),
                 ended[u"copy"_s][u"files_total"_s].toInteger());
        QVERIFY(ended[u"copy"_s][u"bytes_total"_s].toInteger() >= 20000000);
        // The source ran all through the copy; destroyed only after the verified end.
        QVERIFY(!sourceStates.isEmpty());
        for (const QString &state : std::as_const(sourceStates))
            QCOMPARE(state, u"running"_s);
        QCOMPARE(bed.waitState(source, u"destroyed"_s)[u"state"_s].toString(), u"destroyed"_s);

        // The same tree, byte for byte, in the new instance.
        const QJsonObject moved = bed.waitState(target, u"running"_s);
        QByteArray after;
        QCOMPARE(bed.ssh(moved, kTreeCommand, &after, 60000), 0);
        QCOMPARE(after, before);
        // The one-time key is gone from the new instance's host folder too.
        QVERIFY(!QFile::exists(QDir(bed.dir()).filePath(u"state/copy-%1_ed25519"_s.arg(target))));
        QCOMPARE(bed.market()
                     .request("DELETE", u"/api/v1/instances/%1"_s.arg(target), bed.renterToken())
                     .status,
                 202);
        bed.waitState(target, u"destroyed"_s);
    }

    void theTargetsQuotaFullFailsAndLeavesTheSource()
    {
        HostTestBed bed;
        qint64 source = 0;
        QVERIFY2(bringUp(bed, &source, 2), qPrintable(bed.error()));
        const QJsonObject running = bed.instance(source);
        QCOMPARE(bed.ssh(running,
                         u"dd if=/dev/urandom of=/workspace/fill bs=1M count=1150 status=none"_s,
                         nullptr, 240000),
                 0);
        auto r = clone(bed, source, true, 1); // 1 GB cannot hold 1.15 GB
        QVERIFY2(r.status == 201, r.body.constData());
        const qint64 target = r.json[u"id"_s].toInteger();
        const QJsonObject ended = waitCopyEnd(bed, target, source);
        QVERIFY2(ended[u"copy"_s][u"state"_s].toString() == u"failed"_s,
                 QJsonDocument(ended).toJson().constData());
        const QString why = ended[u"copy"_s][u"error"_s].toString();
        QVERIFY2(why.contains(u"space"_s, Qt::CaseInsensitive) ||
                     why.contains(u"full"_s, Qt::CaseInsensitive),
                 qPrintable(why));
        // The source is untouched: running, its file whole.
        QCOMPARE(bed.instance(source)[u"state"_s].toString(), u"running"_s);
        QByteArray out;
        QCOMPARE(bed.ssh(running, u"stat -c %s /workspace/fill"_s, &out), 0);
        QCOMPARE(out.trimmed(), "1205862400"_ba);
        // The key is revoked: only the renter's line is left.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QByteArray keys;
                bed.podman({u"exec"_s, bed.containerName(source), u"cat"_s,
                            u"/etc/suanli/authorized_keys"_s},
                           &keys);
                return keys.trimmed().count('\n') == 0 && keys.contains("renter@test");
            }(),
            20000);
    }

    void theRenterCancels()
    {
        HostTestBed bed;
        qint64 source = 0;
        QVERIFY2(bringUp(bed, &source), qPrintable(bed.error()));
        const QJsonObject running = bed.instance(source);
        QCOMPARE(bed.ssh(running,
                         u"dd if=/dev/urandom of=/workspace/big bs=1M count=600 status=none"_s,
                         nullptr, 240000),
                 0);
        auto r = clone(bed, source, true);
        QVERIFY2(r.status == 201, r.body.constData());
        const qint64 target = r.json[u"id"_s].toInteger();
        QVERIFY(HostTestBed::poll(
            [&] { return bed.instance(target)[u"copy"_s][u"bytes_done"_s].toInteger() > 0; },
            120000));
        auto cancelled = bed.market().request("DELETE", u"/api/v1/instances/%1"_s.arg(target),
                                              bed.renterToken());
        QCOMPARE(cancelled.status, 202);
        QCOMPARE(cancelled.json[u"copy"_s][u"state"_s].toString(), u"cancelled"_s);
        bed.waitState(target, u"destroyed"_s);
        QCOMPARE(bed.instance(source)[u"state"_s].toString(), u"running"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QByteArray keys;
                bed.podman({u"exec"_s, bed.containerName(source), u"cat"_s,
                            u"/etc/suanli/authorized_keys"_s},
                           &keys);
                return keys.trimmed().count('\n') == 0 && keys.contains("renter@test");
            }(),
            20000);
    }

    void theSourceHostGoneMidCopy()
    {
        HostTestBed bed;
        qint64 source = 0;
        QVERIFY2(bringUp(bed, &source), qPrintable(bed.error()));
        const QJsonObject running = bed.instance(source);
        QCOMPARE(bed.ssh(running,
                         u"dd if=/dev/urandom of=/workspace/big bs=1M count=600 status=none"_s,
                         nullptr, 240000),
                 0);
        auto r = clone(bed, source, true);
        QVERIFY2(r.status == 201, r.body.constData());
        const qint64 target = r.json[u"id"_s].toInteger();
        QVERIFY(HostTestBed::poll(
            [&] { return bed.instance(target)[u"copy"_s][u"bytes_done"_s].toInteger() > 0; },
            120000));
        // The source's agent dies and its instance with it (the host went down).
        bed.stopEngine();
        QCOMPARE(bed.podman({u"kill"_s, bed.containerName(source)}), 0);
        const QJsonObject ended = waitCopyEnd(bed, target, source);
        QVERIFY2(ended[u"copy"_s][u"state"_s].toString() == u"failed"_s,
                 QJsonDocument(ended).toJson().constData());
        QVERIFY(!ended[u"copy"_s][u"error"_s].toString().isEmpty());
        // Not destroyed: the market never asked, and its volume is there.
        const QString state = bed.instance(source)[u"state"_s].toString();
        QVERIFY2(state != u"destroyed"_s && state != u"destroying"_s, qPrintable(state));
        QCOMPARE(bed.podman({u"volume"_s, u"exists"_s, bed.containerName(source)}), 0);
    }
};

SUANLI_TEST_MAIN(TestHostClone)
#include "tst_host_clone.moc"
