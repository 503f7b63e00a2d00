// End to end (docs/contributor.md): a local market, the tray's agent (HostEngine in-process with
// the lending policy bound to it) on Podman, and a renter on an interruptible offer. The owner
// comes back: the renter's instance gets a notice, is stopped after the grace with reason
// host_owner_returned (data kept), and billing ends at the stop.

#include "host/hosttestbed.h"
#include "host/lendingbinding.h"
#include "protocol/money.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {
struct OwnerIdle final : host::IdleSource
{
    qint64 ms = 3'600'000;
    host::IdleReading read() override { return host::IdleReading::known(ms); }
    QString name() const override { return u"simulated owner"_s; }
};
} // namespace

class TestLendingE2E : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void ownerReturnStopsInterruptibleRental()
    {
        HostTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error()));
        // The lender offers this machine as interruptible (what the Lend view's choice PATCHes).
        auto host = bed.market().store().host(bed.hostId());
        QVERIFY(host);
        protocol::HostListing listing = host->listing;
        listing.interruptible = true;
        QVERIFY(bed.market().store().updateListing(bed.hostId(), listing));
        host::HostEngine *engine = bed.startEngine();
        QVERIFY(engine);

        auto idle = std::make_unique<OwnerIdle>();
        OwnerIdle *owner = idle.get();
        host::LendingPolicy policy(std::move(idle),
                                   std::make_unique<host::EngineGpuActivity>(engine), nullptr);
        host::LendingSettings settings;
        settings.interruptible = true;
        settings.graceS = 2;
        policy.setSettings(settings);
        host::LendingBinding binding(engine, &policy);
        policy.start(200);
        QVERIFY(bed.waitOfferListed());
        QTRY_COMPARE(policy.state(), host::LendingPolicy::State::Listed);
        QVERIFY(engine->isAvailable());

        QVERIFY(bed.market()
                    .get(u"/api/v1/offers"_s, bed.renterToken())
                    .json.value(u"offers"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"interruptible"_s)
                    .toBool());
        const qint64 id = bed.createInstance();
        QVERIFY(id > 0);
        const QJsonObject running = bed.waitState(id, u"running"_s);
        QCOMPARE(running.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(bed.ssh(running, u"echo kept > /workspace/kept.txt"_s), 0);
        QTRY_COMPARE(policy.state(), host::LendingPolicy::State::Rented);

        bed.market().clock().advanceSeconds(60);
        bed.market().market().runBilling();
        QCOMPARE(bed.instance(id).value(u"spend_micro"_s).toInteger(),
                 chargeForSeconds(1'000'000, 60));

        QSignalSpy noticed(&policy, &host::LendingPolicy::rentalNoticed);
        owner->ms = 0; // the owner touches the mouse
        QTRY_COMPARE(noticed.count(), 1);
        QVERIFY(!engine->isAvailable()); // listing withdrawn at once, with the reason
        QTRY_VERIFY(bed.market().store().host(bed.hostId())->paused);
        QCOMPARE(bed.market().store().host(bed.hostId())->paused_reason, u"owner_active"_s);
        QCOMPARE(noticed.at(0).at(0).toLongLong(), id);
        const QJsonObject stopped = bed.waitState(id, u"stopped"_s, 30000);
        QCOMPARE(stopped.value(u"state"_s).toString(), u"stopped"_s);
        QCOMPARE(stopped.value(u"state_reason"_s).toString(), u"host_owner_returned"_s);
        QTRY_COMPARE(policy.state(), host::LendingPolicy::State::WaitingForIdle);

        // Billing ends at the stop: an hour later only storage (1 GB) has been added.
        bed.market().clock().advanceSeconds(3600);
        bed.market().market().runBilling();
        QCOMPARE(bed.instance(id).value(u"spend_micro"_s).toInteger(),
                 chargeForSeconds(1'000'000, 60) + storageChargeForSeconds(300'000, 1, 3600));

        // Data kept: the renter starts it again (the owner left) and finds the file.
        owner->ms = 3'600'000;
        QTRY_COMPARE(policy.state(), host::LendingPolicy::State::Listed);
        QTRY_VERIFY(!bed.market().store().host(bed.hostId())->paused);
        QCOMPARE(bed.market()
                     .post(u"/api/v1/instances/%1/start"_s.arg(id), bed.renterToken(), {})
                     .status,
                 202);
        const QJsonObject again = bed.waitState(id, u"running"_s);
        QByteArray out;
        QCOMPARE(bed.ssh(again, u"cat /workspace/kept.txt"_s, &out), 0);
        QCOMPARE(out.trimmed(), "kept"_ba);
        QCOMPARE(bed.market()
                     .request("DELETE", u"/api/v1/instances/%1"_s.arg(id), bed.renterToken())
                     .status,
                 202);
        bed.waitState(id, u"destroyed"_s);
    }
};

QTEST_GUILESS_MAIN(TestLendingE2E)
#include "tst_lending_e2e.moc"
