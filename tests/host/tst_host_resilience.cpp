#include "hosttestbed.h"

#include <QTest>

class TestHostresilience : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(TestHostresilience)
#include "tst_host_resilience.moc"
