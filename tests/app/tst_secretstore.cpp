#include "app/keychainsecretstore.h"
#include "app/secretstore.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::app;

namespace {

Result<QString> readNow(SecretStore &store, const QString &key)
{
    std::optional<Result<QString>> out;
    QObject context;
    store.read(key, &context, [&out](Result<QString> r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        return makeError(u"test_timeout"_s, u"no answer"_s);
    return *out;
}

Result<void> writeNow(SecretStore &store, const QString &key, const QString &value)
{
    std::optional<Result<void>> out;
    QObject context;
    store.write(key, value, &context, [&out](Result<void> r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        return makeError(u"test_timeout"_s, u"no answer"_s);
    return *out;
}

Result<void> removeNow(SecretStore &store, const QString &key)
{
    std::optional<Result<void>> out;
    QObject context;
    store.remove(key, &context, [&out](Result<void> r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        return makeError(u"test_timeout"_s, u"no answer"_s);
    return *out;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private slots:
    void memory()
    {
        MemorySecretStore store;
        QCOMPARE(readNow(store, u"a"_s).error().code, u"not_found"_s);
        QVERIFY(writeNow(store, u"a"_s, u"sk_secret"_s).ok());
        QCOMPARE(readNow(store, u"a"_s).value(), u"sk_secret"_s);
        QVERIFY(removeNow(store, u"a"_s).ok());
        QVERIFY(!readNow(store, u"a"_s).ok());
    }

    void fileIsPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/secrets.json"_s);
        {
            FileSecretStore store(path);
            QVERIFY(writeNow(store, u"token/http://m"_s, u"sk_1"_s).ok());
            QVERIFY(writeNow(store, u"other"_s, u"x"_s).ok());
        }
        QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther
                                                  | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        FileSecretStore again(path);
        QCOMPARE(readNow(again, u"token/http://m"_s).value(), u"sk_1"_s);
        QVERIFY(removeNow(again, u"other"_s).ok());
        QCOMPARE(readNow(again, u"other"_s).error().code, u"not_found"_s);
    }

    void noKeychainFallsBackToMemoryAndSaysSo()
    {
        // No D-Bus session: the Secret Service cannot answer.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        KeychainSecretStore store(u"suanli-test"_s);
        QSignalSpy changed(&store, &SecretStore::kindChanged);
        QVERIFY(writeNow(store, u"k"_s, u"sk_v"_s).ok());
        QCOMPARE(store.kind(), SecretStore::Kind::Memory);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<SecretStore::Kind>(), SecretStore::Kind::Memory);
        QVERIFY(!store.fallbackReason().isEmpty());
        QCOMPARE(readNow(store, u"k"_s).value(), u"sk_v"_s);
    }

    void noKeychainWithChosenFile()
    {
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QTemporaryDir dir;
        KeychainSecretStore store(u"suanli-test"_s, dir.filePath(u"secrets.json"_s));
        QVERIFY(writeNow(store, u"k"_s, u"sk_v"_s).ok());
        QCOMPARE(store.kind(), SecretStore::Kind::File);
        FileSecretStore file(dir.filePath(u"secrets.json"_s));
        QCOMPARE(readNow(file, u"k"_s).value(), u"sk_v"_s);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
