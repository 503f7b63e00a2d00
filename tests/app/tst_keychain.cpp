// The real OS keychain through QtKeychain: run by ctest under dbus-run-session with an
// unlocked gnome-keyring (with-keyring). Without them it fails: it never skips.

#include "app/keychainsecretstore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::app;

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
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
