#include "protocol/money.h"

#include <QTest>

using namespace suanli;

class TestMoney : public QObject
{
    Q_OBJECT
private slots:
    void chargeMatchesDesignExamples()
    {
        // ¥1.32/h for one hour is exactly 1,320,000 µ; for one second floor(1320000/3600) = 366.
        QCOMPARE(chargeForSeconds(1'320'000, 3600), 1'320'000);
        QCOMPARE(chargeForSeconds(1'320'000, 1), 366);
        QCOMPARE(chargeForSeconds(1'320'000, 0), 0);
    }

    void accrualDifferencesNeverDrift()
    {
        // Charging the difference each second adds up to the one-shot charge.
        const Micro price = 6'680'000;
        Micro charged = 0;
        for (qint64 t = 1; t <= 7200; ++t)
            charged += chargeForSeconds(price, t) - chargeForSeconds(price, t - 1);
        QCOMPARE(charged, chargeForSeconds(price, 7200));
        QCOMPARE(charged, 13'360'000);
    }

    void storageForOneDay()
    {
        // 50 GB at ¥0.30 per GB-month for one day of a 30-day month: 15 CNY * 1/30 = 0.5 CNY.
        QCOMPARE(storageChargeForSeconds(300'000, 50, 24 * 3600), 500'000);
    }

    void feeSplitIsExact()
    {
        const Micro charge = 1'320'001;
        const Micro fee = platformFee(charge, 100'000);
        QCOMPARE(fee, 132'000);
        QCOMPARE(charge - fee + fee, charge);
    }

    void noOverflowForLongPeriods()
    {
        // Ten years at ¥1,000,000/h still fits without overflow.
        const qint64 tenYears = 10LL * 365 * 24 * 3600;
        QCOMPARE(chargeForSeconds(1'000'000LL * kMicroPerUnit, tenYears),
                 1'000'000LL * kMicroPerUnit * 10 * 365 * 24);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
