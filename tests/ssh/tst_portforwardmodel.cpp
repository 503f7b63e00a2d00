#include "sshdfixture.h"
#include "tcptools.h"

#include "app/access/instanceaccess.h"
#include "app/access/portforwardmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace suanli;
using namespace suanli::access;
using namespace suanli::ssh::test;

/// The Ports panel's model over a real InstanceAccess and sshd: rows follow adds, removes,
/// live stats and the instance stopping; QAbstractItemModelTester watches every change.
class TestPortForwardModel : public QObject
{
    Q_OBJECT
private:
    SshdFixture m_sshd;
    QTemporaryDir m_app;

    protocol::Instance instance(protocol::InstanceState state) const
    {
        protocol::Instance i;
        i.id = 3;
        i.label = QStringLiteral("ports");
        i.state = state;
        i.ssh = protocol::SshEndpoint{QStringLiteral("127.0.0.1"), m_sshd.port(), m_sshd.user(),
                                      m_sshd.hostKeyLine(), std::nullopt};
        return i;
    }
    std::unique_ptr<InstanceAccess> makeAccess() const
    {
        return std::make_unique<InstanceAccess>(
            instance(protocol::InstanceState::Running), m_sshd.clientKeyPath(),
            ssh::SshConfig({m_app.path() + QStringLiteral("/.ssh"),
                            m_app.path() + QStringLiteral("/ssh")}),
            nullptr);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
    }

    void followsForwardsAndTheirStats()
    {
        EchoServer echo;
        auto access = makeAccess();
        PortForwardModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccess(access.get());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(PortForwardModel::ColumnCount));
        QCOMPARE(model.headerData(PortForwardModel::LocalPort, Qt::Horizontal).toString(),
                 QStringLiteral("Local port"));

        auto row = model.addForward(echo.port());
        QVERIFY(row.ok());
        QCOMPARE(*row, 0);
        const ssh::ForwardStats first = model.forward(0);
        QVERIFY(first.localPort > 0);
        QCOMPARE(model.index(0, PortForwardModel::LocalPort).data().toString(),
                 QString::number(first.localPort));
        QCOMPARE(model.index(0, PortForwardModel::RemotePort).data().toString(),
                 QString::number(echo.port()));
        QCOMPARE(model.index(0, PortForwardModel::LocalPort)
                     .data(PortForwardModel::RawDataRole)
                     .toUrl(),
                 QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(first.localPort)));

        // Traffic shows up as connection counts and bytes (at most five updates a second).
        QTRY_COMPARE_WITH_TIMEOUT(access->sessionState(), ssh::SessionState::Connected, 10000);
        QCOMPARE(exchange(first.localPort, QByteArray(5000, 'x')), QByteArray(5000, 'x'));
        QTRY_COMPARE(model.index(0, PortForwardModel::BytesReceived)
                         .data(PortForwardModel::RawDataRole)
                         .toLongLong(),
                     5000);
        QCOMPARE(model.index(0, PortForwardModel::BytesSent)
                     .data(PortForwardModel::RawDataRole)
                     .toLongLong(),
                 5000);
        QVERIFY(!model.index(0, PortForwardModel::BytesSent).data().toString().isEmpty());
        QTRY_VERIFY(model.index(0, PortForwardModel::Connections)
                        .data()
                        .toString()
                        .contains(QStringLiteral("1 total")));

        // A second forward, a busy port refused before anything is added.
        QVERIFY(model.addForward(6006).ok());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, PortForwardModel::Service).data().toString(),
                 QStringLiteral("TensorBoard"));
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        auto busy = model.addForward(8888, squatter.serverPort());
        QCOMPARE(busy.error().code, QStringLiteral("port_in_use"));
        QCOMPARE(model.rowCount(), 2);

        // Removing a row closes the forward and frees its port.
        QVERIFY(model.removeRows(0, 1));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.forward(0).remotePort, quint16(6006));
        QCOMPARE(access->forwards().size(), 1);
        QTRY_VERIFY(QTcpServer().listen(QHostAddress::LocalHost, first.localPort));
        QVERIFY(!model.removeRows(1, 1));

        // The instance stops: every forward goes, and the rows with them.
        access->setInstance(instance(protocol::InstanceState::Stopped));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.addForward(6006).error().code, QStringLiteral("not_running"));
    }

    void showsExistingForwardsAndForgetsADeletedAccess()
    {
        EchoServer echo;
        auto access = makeAccess();
        QVERIFY(access->addForward(echo.port()).ok());
        QVERIFY(access->addForward(8888).ok());
        PortForwardModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccess(access.get());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, PortForwardModel::Service).data().toString(),
                 QStringLiteral("Jupyter"));
        access.reset();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.addForward(6006).error().code, QStringLiteral("not_running"));
    }
};

QTEST_GUILESS_MAIN(TestPortForwardModel)
#include "tst_portforwardmodel.moc"
