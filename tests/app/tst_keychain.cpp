// The real OS keychain through QtKeychain: run by ctest under dbus-run-session with an
// unlocked gnome-keyring (with-keyring). Without them it fails: it never skips.
// The SSH key's passphrase kept there opens real sessions against a real sshd (tests/ssh's
// fixture): the app's tunnels (AccessController) and a blocking session as sync uses.

#include "app/accesscontroller.h"
#include "app/instancelistmodel.h"
#include "app/keychainsecretstore.h"
#include "app/sshkeys.h"
#include "sshdfixture.h"
#include "ssh/blockingsession.h"
#include "ssh/sshkey.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::app;

namespace {

template<typename T>
std::optional<Result<T>> waitFor(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> result;
    call([&result](Result<T> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return std::nullopt;
    return result;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// What comes back through 127.0.0.1:port: the forward's target is the sshd itself, which
/// greets with "SSH-2.0-…" — only once the tunnel's session logged in and opened a channel.
QByteArray greetingThrough(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    QByteArray data;
    (void)QTest::qWaitFor([&] {
        data += socket.readAll();
        return data.contains('\n');
    }, 20000);
    return data;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private slots:
    void roundTripInTheKeyring()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run under dbus-run-session (ctest does)");
        KeychainSecretStore store(u"suanli-test"_s);
        QSignalSpy changed(&store, &SecretStore::kindChanged);
        const QString key = u"token/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QObject context;

        std::optional<Result<void>> wrote;
        store.write(key, u"sk_keyring_secret"_s, &context, [&](Result<void> r) { wrote = r; });
        QTRY_VERIFY_WITH_TIMEOUT(wrote.has_value(), 20000);
        QVERIFY2(wrote->ok(), wrote->ok() ? "" : qPrintable(wrote->error().message));
        QCOMPARE(store.kind(), SecretStore::Kind::Keychain);
        QCOMPARE(changed.size(), 0);

        // A second store (a later run of the app) reads it from the keyring, not from memory.
        KeychainSecretStore later(u"suanli-test"_s);
        std::optional<Result<QString>> read;
        later.read(key, &context, [&](Result<QString> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
        QVERIFY2(read->ok(), read->ok() ? "" : qPrintable(read->error().message));
        QCOMPARE(read->value(), u"sk_keyring_secret"_s);
        QCOMPARE(later.kind(), SecretStore::Kind::Keychain);

        std::optional<Result<void>> removed;
        later.remove(key, &context, [&](Result<void> r) { removed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
        QVERIFY(removed->ok());
        read.reset();
        later.read(key, &context, [&](Result<QString> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
        QCOMPARE(read->error().code, u"not_found"_s);
    }

    void keyPassphraseInTheKeyringOpensSessions()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run under dbus-run-session (ctest does)");
        ssh::test::SshdFixture sshd;
        QString why;
        QVERIFY2(sshd.start(&why), qPrintable(why));
        QTemporaryDir data;
        QVERIFY(data.isValid());
        // A market of its own per run, so the keyring entry is this test's.
        const QUrl market(u"https://market-%1.test"_s.arg(
            QUuid::createUuid().toString(QUuid::Id128).left(12)));
        const QString secretKey = SshKeys::passphraseKey(market);
        QObject context;

        // The app's key for the market is the key the sshd trusts.
        SshKeys keys(data.path());
        const QString keyPath = keys.keyPath(market);
        QVERIFY(QDir().mkpath(QFileInfo(keyPath).path()));
        QVERIFY(QFile::copy(sshd.clientKeyPath(), keyPath));
        QVERIFY(QFile::copy(sshd.clientKeyPath() + u".pub"_s, keyPath + u".pub"_s));
        QFile::setPermissions(keyPath, QFile::ReadOwner | QFile::WriteOwner);
        const QString publicLine = ssh::loadKeyPair(keyPath)->publicKeyLine;

        // Settings → "Set passphrase": the file is encrypted in place, the passphrase goes to
        // the keyring.
        KeychainSecretStore store(u"suanli-test"_s);
        keys.setSecretStore(&store);
        auto changed = waitFor<void>([&](auto done) {
            keys.changePassphrase(market, {}, u"correct horse"_s, &context, done);
        });
        QVERIFY(changed.has_value());
        QVERIFY2(changed->ok(), changed->ok() ? "" : qPrintable(changed->error().message));
        QCOMPARE(store.kind(), SecretStore::Kind::Keychain);
        auto encrypted = ssh::loadKeyPair(keyPath);
        QVERIFY(encrypted.ok());
        QVERIFY(encrypted->encrypted);
        QCOMPARE(encrypted->publicKeyLine, publicLine.section(u' ', 0, 1)); // same key
        QVERIFY(!(QFile::permissions(keyPath)
                  & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
        QCOMPARE(ssh::loadKeyPair(keyPath, "wrong").error().code, u"ssh_key_passphrase"_s);
        QVERIFY(ssh::loadKeyPair(keyPath, "correct horse").ok());

        // A later run of the app: a new store reads the passphrase from the keyring.
        KeychainSecretStore later(u"suanli-test"_s);
        SshKeys laterKeys(data.path());
        laterKeys.setSecretStore(&later);
        auto inKeyring = waitFor<QString>([&](auto done) { later.read(secretKey, &context, done); });
        QVERIFY(inKeyring.has_value() && inKeyring->ok());
        QCOMPARE(inKeyring->value(), u"correct horse"_s);
        QCOMPARE(later.kind(), SecretStore::Kind::Keychain);

        // The app's tunnels: a forward through a session whose key is unlocked from there.
        protocol::Instance instance;
        instance.id = 41;
        instance.label = u"keyring"_s;
        instance.state = protocol::InstanceState::Running;
        instance.ssh = protocol::SshEndpoint{u"127.0.0.1"_s, sshd.port(), sshd.user(),
                                             sshd.hostKeyLine(), std::nullopt};
        InstanceListModel model;
        AccessController controller(&model);
        controller.setConfigPaths({data.path() + u"/.ssh"_s, data.path() + u"/ssh"_s});
        controller.setSshKey(&laterKeys, market);
        model.setInstances({instance});
        QSignalSpy needed(&controller, &AccessController::passphraseNeeded);
        QTRY_VERIFY_WITH_TIMEOUT(controller.access(instance.id) != nullptr, 10000);
        auto forward = controller.access(instance.id)->addForward(sshd.port());
        QVERIFY(forward.ok());
        QVERIFY2(greetingThrough(forward->localPort).startsWith("SSH-2.0-"), qPrintable(sshd.log()));
        QCOMPARE(controller.access(instance.id)->sessionState(), ssh::SessionState::Connected);
        QCOMPARE(needed.size(), 0);

        // Sync's blocking sessions take the same identity.
        auto identity = waitFor<ssh::Identity>([&](auto done) {
            laterKeys.identity(market, &context, done);
        });
        QVERIFY(identity.has_value() && identity->ok());
        QCOMPARE(identity->value().passphrase, QByteArray("correct horse"));
        const ssh::Endpoint endpoint{u"127.0.0.1"_s, sshd.port(), sshd.user(), sshd.hostKeyLine()};
        {
            ssh::BlockingSession blocking;
            auto connected = blocking.connect(endpoint, identity->value());
            QVERIFY2(connected.ok(), connected.ok() ? "" : qPrintable(connected.error().message));
            QCOMPARE(blocking.exec("echo unlocked")->out, QByteArray("unlocked\n"));
            ssh::BlockingSession wrong;
            QCOMPARE(wrong.connect(endpoint, {keyPath, "nope"}).error().code,
                     u"ssh_key_passphrase"_s);
            QCOMPARE(wrong.connect(endpoint, {keyPath, {}}).error().code, u"ssh_key_passphrase"_s);
        }

        // A wrong passphrase in the keyring: the tunnel stops with the clear error that asks
        // for it; the key file is untouched.
        const QByteArray keyFile = readFile(keyPath);
        auto wrote = waitFor<void>([&](auto done) {
            later.write(secretKey, u"not it"_s, &context, done);
        });
        QVERIFY(wrote.has_value() && wrote->ok());
        access::InstanceAccess *a = controller.access(instance.id);
        const auto restart = [&] { // stopping closes the session; the next forward opens one
            instance.state = protocol::InstanceState::Stopped;
            model.setInstances({instance});
            QTRY_VERIFY(a->forwards().isEmpty());
            instance.state = protocol::InstanceState::Running;
            model.setInstances({instance});
            QCoreApplication::processEvents(); // the controller's queued sync passes it on
            QCOMPARE(controller.access(instance.id), a);
            QCOMPARE(a->sessionState(), ssh::SessionState::Idle);
        };
        restart();
        if (QTest::currentTestFailed())
            return;
        forward = a->addForward(sshd.port());
        QVERIFY2(forward.ok(), forward.ok() ? "" : qPrintable(forward.error().message));
        QTRY_COMPARE_WITH_TIMEOUT(needed.size(), 1, 20000);
        QCOMPARE(needed.first().at(0).toLongLong(), instance.id);
        const auto wrongError = needed.first().at(1).value<Error>();
        QCOMPARE(wrongError.code, u"ssh_key_passphrase"_s);
        QVERIFY2(wrongError.message.contains(u"wrong"_s), qPrintable(wrongError.message));
        QCOMPARE(a->sessionState(), ssh::SessionState::Failed);
        QVERIFY(a->needsPassphrase());
        QCOMPARE(readFile(keyPath), keyFile);

        // The dialog's answer: a wrong one is refused and not stored; the right one is stored
        // and the tunnel reconnects with its port kept.
        auto supplied = waitFor<void>([&](auto done) {
            controller.supplyPassphrase(u"still not it"_s, &context, done);
        });
        QVERIFY(supplied.has_value());
        QCOMPARE(supplied->error().code, u"ssh_key_passphrase"_s);
        inKeyring = waitFor<QString>([&](auto done) { later.read(secretKey, &context, done); });
        QCOMPARE(inKeyring->value(), u"not it"_s);
        supplied = waitFor<void>([&](auto done) {
            controller.supplyPassphrase(u"correct horse"_s, &context, done);
        });
        QVERIFY(supplied.has_value());
        QVERIFY2(supplied->ok(), supplied->ok() ? "" : qPrintable(supplied->error().message));
        QVERIFY(greetingThrough(forward->localPort).startsWith("SSH-2.0-"));
        QCOMPARE(a->sessionState(), ssh::SessionState::Connected);
        QVERIFY(!a->needsPassphrase());
        inKeyring = waitFor<QString>([&](auto done) { store.read(secretKey, &context, done); });
        QCOMPARE(inKeyring->value(), u"correct horse"_s);
        QCOMPARE(readFile(keyPath), keyFile);

        // None in the keyring: asked for, with a message saying so.
        auto removed = waitFor<void>([&](auto done) { later.remove(secretKey, &context, done); });
        QVERIFY(removed.has_value() && removed->ok());
        restart();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(a->addForward(sshd.port()).ok());
        QTRY_COMPARE_WITH_TIMEOUT(needed.size(), 2, 20000);
        QCOMPARE(needed.last().at(1).value<Error>().code, u"ssh_key_passphrase"_s);
        QVERIFY2(needed.last().at(1).value<Error>().message.contains(u"does not have it"_s),
                 qPrintable(needed.last().at(1).value<Error>().message));
        QVERIFY(a->needsPassphrase());
        QCOMPARE(a->sessionState(), ssh::SessionState::Idle); // never connected without it

        // Removing the passphrase (Settings) with a wrong current one changes nothing; with
        // the right one the key is plain again and the keyring entry goes.
        changed = waitFor<void>([&](auto done) {
            keys.changePassphrase(market, u"bad"_s, {}, &context, done);
        });
        QCOMPARE(changed->error().code, u"ssh_key_passphrase"_s);
        QCOMPARE(readFile(keyPath), keyFile);
        changed = waitFor<void>([&](auto done) {
            keys.changePassphrase(market, u"correct horse"_s, {}, &context, done);
        });
        QVERIFY2(changed->ok(), changed->ok() ? "" : qPrintable(changed->error().message));
        QVERIFY(!ssh::loadKeyPair(keyPath)->encrypted);
        QCOMPARE(ssh::loadKeyPair(keyPath)->publicKeyLine, publicLine);
        inKeyring = waitFor<QString>([&](auto done) { later.read(secretKey, &context, done); });
        QCOMPARE(inKeyring->error().code, u"not_found"_s);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
