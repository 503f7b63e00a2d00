#include "hosttestbed.h"

#include <QTest>

class TestHostisolation : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(TestHostisolation)
#include "tst_host_isolation.moc"
