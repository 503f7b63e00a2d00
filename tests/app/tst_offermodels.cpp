#include "app/instancelistmodel.h"
#include "app/ledgermodel.h"
#include "app/offerfilterproxy.h"
#include "app/offertablemodel.h"
#include "tests/support/manualclock.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::app;
using protocol::Offer;

namespace {

Offer offer(qint64 id, const QString &model, int gpus, Micro price, const QString &region = u"cn-east"_s)
{
    Offer o;
    o.id = id;
    o.host_id = id;
    o.host_name = u"host-%1"_s.arg(id);
    o.gpu_model = model;
    o.gpu_memory_mb = model == "A100 80GB"_L1 ? 81920 : 24576;
    o.gpus_total = gpus;
    o.gpus_free = gpus;
    o.cpu_cores = 16;
    o.ram_mb = 65536;
    o.disk_free_gb = 500;
    o.price_gpu_hour_micro = price;
    o.price_storage_gb_month_micro = 300'000;
    o.reliability = 0.99;
    o.region = region;
    o.verified = id % 2 == 0;
    o.interruptible = id % 3 == 0;
    if (gpus > 0)
        o.perf_tflops = 165.0 * gpus;
    return o;
}

std::vector<Offer> sample()
{
    return {offer(1, u"RTX 4090"_s, 1, 1'000'000), offer(2, u"RTX 4090"_s, 4, 1'200'000),
            offer(3, u"A100 80GB"_s, 8, 6'680'000, u"cn-north"_s), offer(4, u"RTX 3090"_s, 2, 1'320'000),
            offer(5, QString(), 0, 300'000)};
}

QList<qint64> ids(const OfferFilterProxy &proxy)
{
    QList<qint64> out;
    for (int r = 0; r < proxy.rowCount(); ++r)
        out.append(proxy.offerAt(r).id);
    return out;
}

} // namespace

class TestOfferModels : public QObject
{
    Q_OBJECT
private slots:
    void modelDisplaysAndRaw()
    {
        OfferTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLocale(QLocale(u"zh_CN"_s));
        model.setOffers(sample());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(OfferTableModel::ColumnCount));
        QCOMPARE(model.index(3, OfferTableModel::Price).data().toString(), u"¥1.32"_s);
        QCOMPARE(model.index(3, OfferTableModel::Price).data(OfferTableModel::RawDataRole).toLongLong(), 1'320'000);
        QCOMPARE(model.index(1, OfferTableModel::Gpus).data().toString(), u"4 / 4"_s);
        QCOMPARE(model.index(4, OfferTableModel::Tflops).data().toString(), QString());
        // 660 TFLOPS for ¥4.8/h.
        QCOMPARE(model.index(1, OfferTableModel::TflopsPerPrice).data(OfferTableModel::RawDataRole).toDouble(), 137.5);
        model.setLocale(QLocale(u"en_US"_s));
        QCOMPARE(model.index(3, OfferTableModel::Price).data().toString(), u"CN¥1.32"_s);
    }

    void unmeasuredNetworkIsNotMeasuredNeverZero()
    {
        OfferTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLocale(QLocale(u"en_US"_s));
        std::vector<Offer> offers = sample();
        // 1: never measured (though it states 1000/100: the column is not the host's word);
        // 2: measured, its upload test failed; 3: measured both ways.
        offers[0].inet_down_mbps = 1000;
        offers[0].inet_up_mbps = 100;
        offers[1].measured_at = QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC);
        offers[1].net_down_mbps = 940;
        offers[2].measured_at = offers[1].measured_at;
        offers[2].net_down_mbps = 1200;
        offers[2].net_up_mbps = 310;
        offers[2].disk_write_mbps = 2100;
        model.setOffers(offers);
        auto cell = [&](int row, int role = Qt::DisplayRole) {
            return model.index(row, OfferTableModel::Network).data(role);
        };
        QCOMPARE(cell(0).toString(), u"not measured"_s);
        QVERIFY(!cell(0, OfferTableModel::RawDataRole).isValid());
        QCOMPARE(cell(1).toString(), u"↓ 940 / ↑ unknown Mbit/s"_s);
        QCOMPARE(cell(2).toString(), u"↓ 1,200 / ↑ 310 Mbit/s"_s);
        QCOMPARE(cell(2, OfferTableModel::RawDataRole).toLongLong(), 1200);
        QVERIFY(cell(0, Qt::ToolTipRole).toString().contains(u"not measured"_s));
        QVERIFY(cell(2, Qt::ToolTipRole).toString().startsWith(u"Measured"_s));
        // Sorted by it, the unmeasured come last either way.
        OfferFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(OfferTableModel::Network, Qt::DescendingOrder);
        QCOMPARE(ids(proxy).mid(0, 2), (QList<qint64>{3, 2}));
        proxy.sort(OfferTableModel::Network, Qt::AscendingOrder);
        QCOMPARE(ids(proxy).mid(0, 2), (QList<qint64>{2, 3}));
    }

    void mergeKeepsRowsInPlace()
    {
        OfferTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOffers(sample());
        QPersistentModelIndex third(model.index(2, 0));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto next = sample();
        next[2].gpus_free = 3;                 // A100 host: 5 GPUs taken
        next.erase(next.begin() + 3);          // RTX 3090 host left
        next.push_back(offer(9, u"L40S"_s, 4, 4'500'000));
        QVERIFY(model.mergeOffers(next));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QVERIFY(third.isValid());
        QCOMPARE(third.row(), 2);
        QCOMPARE(model.offer(2).gpus_free, 3);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowOf(9), 4);
        QCOMPARE(model.rowOf(4), -1);
        QVERIFY(!model.mergeOffers(next)); // the same snapshot changes nothing
        model.mergeOffers({});
        QCOMPARE(model.rowCount(), 0);
    }

    void proxySortsAndFiltersWithQueries()
    {
        OfferTableModel model;
        OfferFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOffers(sample());
        proxy.sort(OfferTableModel::Price, Qt::AscendingOrder);
        QCOMPARE(ids(proxy), (QList<qint64>{5, 1, 2, 4, 3}));
        proxy.sort(OfferTableModel::Price, Qt::DescendingOrder);
        QCOMPARE(ids(proxy), (QList<qint64>{3, 4, 2, 1, 5}));
        proxy.sort(OfferTableModel::Tflops, Qt::AscendingOrder);
        QCOMPARE(ids(proxy).last(), 5); // unknown TFLOPS after every figure…
        proxy.sort(OfferTableModel::TflopsPerPrice, Qt::DescendingOrder);
        QCOMPARE(ids(proxy).last(), 5); // …in either direction
        QCOMPARE(ids(proxy).first(), 1); // 165 TFLOPS for ¥1/h

        proxy.sort(OfferTableModel::Price, Qt::AscendingOrder);
        QVERIFY(proxy.setQueryText(u"gpu=RTX_4090"_s).ok());
        QCOMPARE(ids(proxy), (QList<qint64>{1, 2}));
        QVERIFY(proxy.setQueryText(u"gpus>=2 price<2"_s).ok());
        QCOMPARE(ids(proxy), (QList<qint64>{2, 4}));
        QVERIFY(proxy.setQueryText(u"vram_gb>=80"_s).ok());
        QCOMPARE(ids(proxy), (QList<qint64>{3}));
        QVERIFY(proxy.setQueryText(u"gpu in [RTX_3090,A100_80GB] region=cn-north"_s).ok());
        QCOMPARE(ids(proxy), (QList<qint64>{3}));

        // A syntax error names its position and leaves the last good query in force.
        auto bad = proxy.setQueryText(u"gpus>=2 pric<2"_s);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"invalid_query"_s);
        QCOMPARE(bad.error().position, 8);
        QCOMPARE(ids(proxy), (QList<qint64>{3}));
        QVERIFY(!proxy.setQueryText(u"gpus>=two"_s).ok());
        QVERIFY(proxy.setQueryText(QString()).ok());
        QCOMPARE(proxy.rowCount(), 5);
    }

    void quickFilters()
    {
        OfferTableModel model;
        OfferFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOffers(sample());
        proxy.sort(OfferTableModel::Price, Qt::AscendingOrder);
        QuickFilters f;
        f.gpuModels = {u"RTX 4090"_s, QString()};
        proxy.setQuickFilters(f);
        QCOMPARE(ids(proxy), (QList<qint64>{5, 1, 2}));
        f = {};
        f.minGpus = 2;
        f.maxPrice = 2'000'000;
        proxy.setQuickFilters(f);
        QCOMPARE(ids(proxy), (QList<qint64>{2, 4}));
        f = {};
        f.minVramMb = 80 * 1024;
        proxy.setQuickFilters(f);
        QCOMPARE(ids(proxy), (QList<qint64>{3}));
        f = {};
        f.region = u"cn-north"_s;
        proxy.setQuickFilters(f);
        QCOMPARE(ids(proxy), (QList<qint64>{3}));
        f = {};
        f.verifiedOnly = true;
        proxy.setQuickFilters(f);
        QCOMPARE(ids(proxy), (QList<qint64>{2, 4}));
        f = {};
        f.interruptible = QuickFilters::Interruptible::Exclude;
        proxy.setQuickFilters(f);
        QCOMPARE(ids(proxy), (QList<qint64>{5, 1, 2, 4}));
        // Quick filters and a query together.
        QVERIFY(proxy.setQueryText(u"price>1.1"_s).ok());
        QCOMPARE(ids(proxy), (QList<qint64>{2, 4}));
    }

    void liveUpdatesKeepProxyRowsStill()
    {
        OfferTableModel model;
        OfferFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOffers(sample());
        proxy.sort(OfferTableModel::Price, Qt::AscendingOrder);
        QPersistentModelIndex selected = proxy.index(2, 0); // offer 2
        QCOMPARE(proxy.offerAt(2).id, 2);
        auto next = sample();
        next[1].price_gpu_hour_micro = 9'000'000; // would sort last
        model.mergeOffers(next);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 2); // dynamic sorting is off: it stays under the cursor
        QCOMPARE(proxy.offerAt(2).price_gpu_hour_micro, 9'000'000);
    }

    void instanceListModel()
    {
        InstanceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now = QDateTime::fromString(u"2026-01-01T12:00:00Z"_s, Qt::ISODate);
        test::ManualClock clock(now.toMSecsSinceEpoch());
        model.setClock(clock);
        model.setLocale(QLocale(u"en_US"_s));
        protocol::Instance a;
        a.id = 7;
        a.label = u"train"_s;
        a.state = protocol::InstanceState::Running;
        a.gpu_model = u"RTX 4090"_s;
        a.gpu_count = 2;
        a.price_gpu_hour_micro = 1'000'000;
        a.running_since = now.addSecs(-3725);
        a.spend_micro = 2'069'444;
        model.setInstances({a});
        QCOMPARE(model.index(0, InstanceListModel::RunningTime).data().toString(), u"1 h 02 min"_s);
        QCOMPARE(model.index(0, InstanceListModel::Spend).data().toString(), u"CN¥2.07"_s);
        QCOMPARE(model.index(0, InstanceListModel::Price).data().toString(), u"CN¥2.00/h"_s);
        QCOMPARE(model.index(0, InstanceListModel::ProgressRole == 0 ? 0 : 1).data(InstanceListModel::ProgressRole).toInt(), -1);

        protocol::Instance b = a;
        b.id = 9;
        b.state = protocol::InstanceState::Provisioning;
        model.upsert(b);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(9), 0); // newest first
        QCOMPARE(model.index(0, 0).data(InstanceListModel::ProgressRole).toInt(), 40);

        a.state = protocol::InstanceState::Stopped;
        a.state_reason = u"user_requested"_s;
        a.disk_gb = 100;
        a.price_storage_gb_month_micro = 300'000;
        a.release_at = now.addDays(15);
        model.upsert(a);
        QCOMPARE(model.index(1, InstanceListModel::State).data().toString(), u"Stopped (you asked)"_s);
        QCOMPARE(model.index(1, InstanceListModel::Release).data().toString(),
                 u"data deleted in 15 d 0 h (CN¥1.00/day)"_s);
        // Interrupted: free meanwhile, released at the market's limit unless the host returns.
        a.state = protocol::InstanceState::Interrupted;
        a.state_reason = u"host_lost"_s;
        a.release_at = now.addDays(1);
        model.upsert(a);
        QCOMPARE(model.index(1, InstanceListModel::State).data().toString(),
                 u"Interrupted (the host stopped answering)"_s);
        QCOMPARE(model.index(1, InstanceListModel::Release).data().toString(),
                 u"released in 1 d 0 h unless the host returns"_s);
        QCOMPARE(InstanceListModel::reasonText(u"interruption_expired"_s),
                 u"the host stayed away too long"_s);
        a.state = protocol::InstanceState::Destroyed;
        model.upsert(a);
        QCOMPARE(model.rowCount(), 1);
        model.tick();
    }

    void ledgerModel()
    {
        LedgerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLocale(QLocale(u"zh_CN"_s));
        protocol::LedgerEntry voucher;
        voucher.id = 1;
        voucher.kind = u"voucher"_s;
        voucher.amount_micro = 100'000'000;
        voucher.balance_after_micro = 100'000'000;
        voucher.at = QDateTime::currentDateTimeUtc();
        protocol::LedgerEntry gpu = voucher;
        gpu.id = 2;
        gpu.kind = u"gpu"_s;
        gpu.amount_micro = -1'388;
        gpu.balance_after_micro = 99'998'612;
        gpu.instance_id = 4;
        model.setEntries({voucher, gpu});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, LedgerModel::Amount).data().toString(), u"−¥0.001388"_s);
        QCOMPARE(model.index(1, LedgerModel::Amount).data().toString(), u"+¥100.00"_s);
        QCOMPARE(model.lastId(), 2);
        protocol::LedgerEntry more = gpu;
        more.id = 3;
        model.append({gpu, more});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.entry(0).id, 3);
    }
};

QTEST_GUILESS_MAIN(TestOfferModels)
#include "tst_offermodels.moc"
