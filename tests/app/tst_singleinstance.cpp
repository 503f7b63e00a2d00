// app::SingleInstance without a display (docs/decisions.md, "Single instance"): the first
// listens, a second hands over its arguments and is told so, a socket left by a crash, or
// the socket and lock of a killed first instance, do not keep a new first instance from
// starting, and the name follows the user and
// the desktop.

#include "app/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using suanli::app::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void secondHandsOverItsArguments()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.socket"_s);
        SingleInstance first(path);
        QSignalSpy firstPrimary(&first, &SingleInstance::primary);
        QSignalSpy asked(&first, &SingleInstance::activationRequested);
        first.start({u"--tray"_s});
        QVERIFY(firstPrimary.wait(5000));
        QVERIFY(first.isPrimary());
        QVERIFY(QFile::exists(path));

        SingleInstance second(path);
        QSignalSpy forwarded(&second, &SingleInstance::forwarded);
        QSignalSpy secondPrimary(&second, &SingleInstance::primary);
        second.start({u"--local"_s, u"--market"_s, u"http://a b/"_s});
        QVERIFY(forwarded.wait(5000));
        QCOMPARE(secondPrimary.count(), 0);
        QVERIFY(!second.isPrimary());
        QTRY_COMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toStringList(),
                 (QStringList{u"--local"_s, u"--market"_s, u"http://a b/"_s}));
    }

    void staleSocketDoesNotBlock()
    {
        // What a crashed first instance leaves: a socket file nobody listens on.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.socket"_s);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        std::memcpy(address.sun_path, native.constData(), native.size());
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        ::close(fd);
        QVERIFY(QFile::exists(path));
        QLocalSocket probe;
        probe.connectToServer(path);
        QVERIFY(!probe.waitForConnected(1000)); // refused: stale

        SingleInstance instance(path);
        QSignalSpy primary(&instance, &SingleInstance::primary);
        instance.start({});
        QVERIFY(primary.wait(5000));
        QVERIFY(instance.isPrimary());
        QLocalSocket client;
        client.connectToServer(path);
        QVERIFY(client.waitForConnected(2000)); // listening there now
    }

    void crashedFirstInstanceDoesNotBlock()
    {
        // A first instance in a process of its own (this binary, see main), killed: its socket
        // and its lock stay behind.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.socket"_s);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SUANLI_TEST_FIRST_INSTANCE"_s, path);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath());
        QVERIFY(child.waitForReadyRead(10000));
        QCOMPARE(child.readLine(), QByteArray("listening\n"));
        child.kill();
        QVERIFY(child.waitForFinished());
        QVERIFY(QFile::exists(path));
        QVERIFY(QFile::exists(path + u".lock"_s));

        SingleInstance instance(path);
        QSignalSpy primary(&instance, &SingleInstance::primary);
        QSignalSpy failed(&instance, &SingleInstance::failed);
        instance.start({});
        QVERIFY(primary.wait(5000));
        QCOMPARE(failed.count(), 0);
        QVERIFY(instance.isPrimary());
    }

    void aSilentLockHolderIsAnError()
    {
        // A live process holds the lock but never listens: the second launch gives up with
        // a reason rather than starting a second engine.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.socket"_s);
        QLockFile held(path + u".lock"_s);
        QVERIFY(held.tryLock(0));
        SingleInstance instance(path);
        QSignalSpy failed(&instance, &SingleInstance::failed);
        QSignalSpy primary(&instance, &SingleInstance::primary);
        instance.start({});
        QVERIFY(failed.wait(15000));
        QCOMPARE(primary.count(), 0);
        QVERIFY(failed.at(0).at(0).value<suanli::Error>().message.contains(path));
    }

    void lockFreedWhileWaitingMakesItFirst()
    {
        // The first quits while a second is retrying: the second becomes the first.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.socket"_s);
        auto held = std::make_unique<QLockFile>(path + u".lock"_s);
        QVERIFY(held->tryLock(0));
        SingleInstance instance(path);
        QSignalSpy primary(&instance, &SingleInstance::primary);
        instance.start({});
        QTest::qWait(300);
        held.reset();
        QVERIFY(primary.wait(5000));
        QVERIFY(instance.isPrimary());
    }

    void quittingRemovesTheSocket()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.socket"_s);
        {
            SingleInstance first(path);
            QSignalSpy primary(&first, &SingleInstance::primary);
            first.start({});
            QVERIFY(primary.wait(5000));
        }
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + u".lock"_s));
    }

    void nameFollowsUserAndDesktop()
    {
        QTemporaryDir runtime;
        qputenv("XDG_RUNTIME_DIR", runtime.path().toLocal8Bit());
        qputenv("WAYLAND_DISPLAY", "wayland-1");
        qputenv("DISPLAY", ":7");
        const QString uid = QString::number(::getuid());
        QCOMPARE(SingleInstance::defaultSocketPath(),
                 runtime.filePath(u"suanli-%1-wayland-1.socket"_s.arg(uid)));
        qunsetenv("WAYLAND_DISPLAY");
        QCOMPARE(SingleInstance::defaultSocketPath(),
                 runtime.filePath(u"suanli-%1-_7.socket"_s.arg(uid)));
        qunsetenv("DISPLAY");
        qunsetenv("XDG_RUNTIME_DIR");
        QCOMPARE(SingleInstance::defaultSocketPath(),
                 QDir(QDir::tempPath()).filePath(u"suanli-%1-nodisplay.socket"_s.arg(uid)));
    }
};

// With SUANLI_TEST_FIRST_INSTANCE=PATH: a first instance at PATH that says "listening" and
// runs until killed (crashedFirstInstanceDoesNotBlock).
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("SUANLI_TEST_FIRST_INSTANCE")) {
        SingleInstance first(qEnvironmentVariable("SUANLI_TEST_FIRST_INSTANCE"));
        QObject::connect(&first, &SingleInstance::primary, &app, [] {
            std::fputs("listening\n", stdout);
            std::fflush(stdout);
        });
        first.start({});
        return app.exec();
    }
    TestSingleInstance test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_singleinstance.moc"
