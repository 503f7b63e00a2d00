#include "app/dashboard/spendseries.h"

#include <QTest>

using namespace suanli;
using namespace suanli::dashboard;

namespace {

protocol::LedgerEntry entry(qint64 id, const QDateTime &at, const char *kind, Micro amount,
                            qint64 instance)
{
    protocol::LedgerEntry e;
    e.id = id;
    e.at = at;
    e.kind = QString::fromLatin1(kind);
    e.amount_micro = amount;
    e.instance_id = instance;
    return e;
}

const QTimeZone kUtc(QByteArrayLiteral("UTC"));
const QDateTime kDay1 = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);

} // namespace

class TestSpendSeries : public QObject
{
    Q_OBJECT
private slots:
    void cumulativeAndDaily()
    {
        SpendSeries s;
        s.addEntries({entry(1, kDay1.addSecs(-3600), "topup", 100'000'000, 0),
                      entry(2, kDay1, "gpu", -1'000'000, 7),
                      entry(3, kDay1.addSecs(5), "gpu", -2'000'000, 8),
                      entry(4, kDay1.addSecs(10), "guard", 0, 7),
                      entry(5, kDay1.addDays(1), "storage", -500'000, 7)});
        s.addEntries({entry(5, kDay1.addDays(1), "storage", -500'000, 7)}); // repeated page
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.instanceIds(), (QList<qint64>{7, 8}));
        QCOMPARE(s.totalAt(0, kDay1.addDays(2).toMSecsSinceEpoch()), 3'500'000);
        QCOMPARE(s.totalAt(7, kDay1.addDays(2).toMSecsSinceEpoch()), 1'500'000);
        const qint64 from = kDay1.addSecs(-60).toMSecsSinceEpoch();
        const qint64 to = kDay1.addDays(2).toMSecsSinceEpoch();
        const auto account = s.cumulative(0, from, to, 100);
        // Start, the two charges of the first day fall into one column, the storage, the end.
        QCOMPARE(account, (QList<SpendPoint>{{from, 0},
                                             {kDay1.addSecs(5).toMSecsSinceEpoch(), 3'000'000},
                                             {kDay1.addDays(1).toMSecsSinceEpoch(), 3'500'000},
                                             {to, 3'500'000}}));
        const auto days = s.dailyForMonth(QDate(2026, 3, 15), kUtc);
        QCOMPARE(days.size(), 31);
        QCOMPARE(days[0], 3'000'000);
        QCOMPARE(days[1], 500'000);
        QCOMPARE(days[2], 0);
        QCOMPARE(*s.firstChargeAt(8, 0), kDay1.addSecs(5).toMSecsSinceEpoch());
    }

    void burnRateAndRunway()
    {
        using protocol::InstanceState;
        protocol::Instance running;
        running.state = InstanceState::Running;
        running.gpu_count = 2;
        running.price_gpu_hour_micro = 1'320'000;
        protocol::Instance stopped;
        stopped.state = InstanceState::Stopped;
        stopped.disk_gb = 100;
        stopped.price_storage_gb_month_micro = 720'000; // ¥0.72 per GB-month: ¥0.10 per hour
        protocol::Instance gone;
        gone.state = InstanceState::Destroyed;
        gone.price_gpu_hour_micro = 9'000'000;
        const Micro burn = burnPerHour({running, stopped, gone});
        QCOMPARE(burn, 2'640'000 + 100'000);
        QCOMPARE(runwaySeconds(2'740'000, burn), std::optional<qint64>(3600));
        QCOMPARE(runwaySeconds(-5, burn), std::optional<qint64>(0));
        QCOMPARE(runwaySeconds(1'000'000, 0), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestSpendSeries)
#include "tst_spendseries.moc"
