// The market's epoll event dispatcher: timers, sockets, posted events from other threads,
// nested loops. The market tests also run on it (tst_market_*_epoll).

#include "support/testmain.h"

#include <QEventLoop>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using suanli::server::EpollDispatcher;

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void isInstalled()
    {
        if (qgetenv("SUANLI_EVENT_DISPATCHER") == "qt")
            QSKIP("running on Qt's dispatcher for comparison");
        QVERIFY(qobject_cast<EpollDispatcher *>(QAbstractEventDispatcher::instance()));
    }

    void singleShotsFireInDueOrder()
    {
        QStringList order;
        QTimer::singleShot(60, this, [&] { order << u"c"_s; });
        QTimer::singleShot(20, this, [&] { order << u"a"_s; });
        QTimer::singleShot(40, this, [&] { order << u"b"_s; });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 5000);
        QCOMPARE(order, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    }

    void repeatingTimerKeepsFiringAndStops()
    {
        QTimer timer;
        timer.setInterval(5);
        int ticks = 0;
        connect(&timer, &QTimer::timeout, this, [&] {
            if (++ticks == 10)
                timer.stop();
        });
        timer.start();
        QVERIFY(timer.remainingTime() >= 0 && timer.remainingTime() <= 5);
        QTRY_COMPARE_WITH_TIMEOUT(ticks, 10, 5000);
        QSignalSpy more(&timer, &QTimer::timeout);
        QVERIFY(!more.wait(50));
        QCOMPARE(ticks, 10); // stopped from its own handler
        QCOMPARE(timer.remainingTime(), -1);
    }

    void zeroTimerDoesNotStarveSockets()
    {
        QTimer busy;
        busy.setInterval(0);
        int spins = 0;
        connect(&busy, &QTimer::timeout, this, [&] { ++spins; });
        busy.start();
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(5000) || client.state() == QAbstractSocket::ConnectedState);
        QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
        QVERIFY(spins > 0);
    }

    void timerIsNotReenteredFromANestedLoop()
    {
        QTimer timer;
        timer.setInterval(2);
        int depth = 0, maxDepth = 0, ticks = 0;
        connect(&timer, &QTimer::timeout, this, [&] {
            ++depth;
            maxDepth = std::max(maxDepth, depth);
            if (++ticks == 1) {
                QEventLoop nested;
                QTimer::singleShot(30, &nested, &QEventLoop::quit);
                nested.exec(); // other events go on; this timer must wait for its handler
            }
            --depth;
        });
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 5, 5000);
        timer.stop();
        QCOMPARE(maxDepth, 1);
    }

    void killingTimersOfAnObject()
    {
        auto owner = std::make_unique<QObject>();
        int fired = 0;
        QTimer *a = new QTimer(owner.get());
        QTimer *b = new QTimer(owner.get());
        for (QTimer *t : {a, b}) {
            connect(t, &QTimer::timeout, this, [&] { ++fired; });
            t->start(20);
        }
        owner.reset(); // the timers die with their parent before firing
        QVERIFY(!QTest::qWaitFor([&fired] { return fired > 0; }, 60));
        QCOMPARE(fired, 0);
    }

    void echoOverManySockets()
    {
        constexpr int kClients = 200;
        constexpr int kBytes = 64 * 1024;
        QTcpServer server;
        server.setListenBacklogSize(1024);
        server.setMaxPendingConnections(kClients);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *peer = server.nextPendingConnection()) {
                connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
                connect(peer, &QTcpSocket::disconnected, peer, &QObject::deleteLater);
            }
        });
        const QByteArray payload(kBytes, 'x');
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        int done = 0;
        for (int i = 0; i < kClients; ++i) {
            auto client = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = client.get();
            connect(raw, &QTcpSocket::connected, raw, [raw, &payload] { raw->write(payload); });
            connect(raw, &QTcpSocket::readyRead, raw, [raw, &done] {
                if (raw->bytesAvailable() >= kBytes && raw->property("done").isNull()) {
                    raw->setProperty("done", true);
                    ++done;
                }
            });
            raw->connectToHost(QHostAddress::LocalHost, server.serverPort());
            clients.push_back(std::move(client));
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, kClients, 20000);
        // Closing from the server side is seen by the client (hang-up wakes the reader).
        QTcpSocket *first = clients.front().get();
        QSignalSpy closed(first, &QTcpSocket::disconnected);
        const auto peers = server.findChildren<QTcpSocket *>();
        for (QTcpSocket *peer : peers)
            peer->disconnectFromHost();
        QVERIFY(closed.count() || closed.wait(5000));
    }

    void postedEventsFromAnotherThreadWakeTheLoop()
    {
        constexpr int kPosts = 2000;
        int received = 0;
        QThread *poster = QThread::create([this, &received] {
            for (int i = 0; i < kPosts; ++i) {
                QMetaObject::invokeMethod(this, [&received] { ++received; }, Qt::QueuedConnection);
                if (i % 100 == 0)
                    QThread::usleep(200); // let the loop go to sleep now and then
            }
        });
        poster->start();
        QTRY_COMPARE_WITH_TIMEOUT(received, kPosts, 10000);
        QVERIFY(poster->wait(5000));
        delete poster;
    }

    void loopQuitFromAnotherThreadAndDeleteLater()
    {
        QEventLoop loop;
        QPointer<QObject> doomed = new QObject;
        doomed->deleteLater();
        std::unique_ptr<QThread> quitter(QThread::create([&loop] {
            QThread::msleep(30);
            QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
        }));
        quitter->start();
        QTimer guard;
        guard.setSingleShot(true);
        bool timedOut = false;
        connect(&guard, &QTimer::timeout, &loop, [&] {
            timedOut = true;
            loop.quit();
        });
        guard.start(5000);
        loop.exec(); // blocks with no timer due before the guard: only the wake-up ends it
        QVERIFY(!timedOut);
        QVERIFY(quitter->wait(5000));
        QTRY_VERIFY(doomed.isNull());
    }
};

// On the epoll dispatcher (SUANLI_EVENT_DISPATCHER=qt runs the same checks on Qt's own, to
// tell a dispatcher bug from a test bug).
int main(int argc, char *argv[])
{
    if (qgetenv("SUANLI_EVENT_DISPATCHER") != "qt") {
        auto *dispatcher = new EpollDispatcher;
        if (!dispatcher->isValid())
            qFatal("epoll is not available");
        QCoreApplication::setEventDispatcher(dispatcher);
    }
    QCoreApplication app(argc, argv);
    TestEpollDispatcher tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_epolldispatcher.moc"
