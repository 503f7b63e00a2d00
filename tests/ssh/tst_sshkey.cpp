#include "ssh/hostkey.h"
#include "ssh/sshkey.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace suanli::ssh;

class TestSshKey : public QObject
{
    Q_OBJECT
private:
    static int mode(const QString &path)
    {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    }

    static QString run(const QString &program, const QStringList &arguments,
                       int *exitCode = nullptr)
    {
        QProcess process;
        process.start(program, arguments);
        process.waitForFinished(30000);
        if (exitCode)
            *exitCode = process.exitCode();
        return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())
            .trimmed();
    }

private slots:
    void generatedKeyIsReadByOpenSsh()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/keys/id_ed25519");
        auto key = generateEd25519Key(QStringLiteral("suanli@test"));
        QVERIFY(key.ok());
        QVERIFY(
            key->publicKeyLine.startsWith(QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI")));
        QVERIFY(key->publicKeyLine.endsWith(QStringLiteral(" suanli@test")));
        QVERIFY(saveKeyPair(*key, path).ok());

        QCOMPARE(mode(path), 0600);
        QCOMPARE(mode(path + QStringLiteral(".pub")), 0644);
        QCOMPARE(mode(dir.path() + QStringLiteral("/keys")), 0700);

        int exitCode = -1;
        const QString derived = run(QStringLiteral("ssh-keygen"),
                                    {QStringLiteral("-y"), QStringLiteral("-f"), path}, &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(derived, key->publicKeyLine); // same key, same comment
        const QString pub = run(
            QStringLiteral("ssh-keygen"),
            {QStringLiteral("-l"), QStringLiteral("-f"), path + QStringLiteral(".pub")}, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY2(pub.contains(QStringLiteral("(ED25519)")), qPrintable(pub));
    }

    void keysDiffer()
    {
        auto a = generateEd25519Key({});
        auto b = generateEd25519Key({});
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->publicKeyLine != b->publicKeyLine);
        QCOMPARE(a->publicKeyLine.count(u' '), 1); // no comment, no trailing space
    }

    void loadsKeysFromSshKeygen()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/id");
        int exitCode = -1;
        run(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
             QStringLiteral("-N"), QString(), QStringLiteral("-C"),
             QStringLiteral("made-by-openssh"), QStringLiteral("-f"), path},
            &exitCode);
        QCOMPARE(exitCode, 0);
        auto key = loadKeyPair(path);
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message));
        QFile pub(path + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QCOMPARE(key->publicKeyLine, QString::fromUtf8(pub.readAll()).trimmed());
    }

    void loadOrCreateKeepsTheKey()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/id");
        auto first = loadOrCreateKeyPair(path, QStringLiteral("c"));
        auto second = loadOrCreateKeyPair(path, QStringLiteral("c"));
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(second->publicKeyLine, first->publicKeyLine);
        QCOMPARE(second->privateKey, first->privateKey);
    }

    void rejectsGarbage()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/bad");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n");
        file.close();
        QCOMPARE(loadKeyPair(path).error().code, QStringLiteral("ssh_key_error"));
        QCOMPARE(loadKeyPair(dir.path() + QStringLiteral("/missing")).error().code,
                 QStringLiteral("ssh_key_error"));
    }

    void passphraseKeyIsReadByOpenSsh()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/locked");
        auto key = generateEd25519Key(QStringLiteral("locked@test"), "pass phrase");
        QVERIFY(key.ok());
        QVERIFY(key->encrypted);
        QVERIFY(key->privateKey.contains("BEGIN OPENSSH PRIVATE KEY"));
        QVERIFY(saveKeyPair(*key, path).ok());
        int exitCode = -1;
        QCOMPARE(run(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-y"), QStringLiteral("-P"), QStringLiteral("pass phrase"),
                      QStringLiteral("-f"), path},
                     &exitCode),
                 key->publicKeyLine);
        QCOMPARE(exitCode, 0);
        run(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-y"), QStringLiteral("-P"), QStringLiteral("wrong"),
             QStringLiteral("-f"), path},
            &exitCode);
        QVERIFY(exitCode != 0);
        // OpenSSH sees the cipher and kdf it writes itself (ssh-keygen -p would keep them).
        run(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-y"), QStringLiteral("-P"), QString(), QStringLiteral("-f"), path},
            &exitCode);
        QVERIFY(exitCode != 0);

        auto locked = loadKeyPair(path);
        QVERIFY(locked.ok());
        QVERIFY(locked->encrypted);
        QCOMPARE(locked->publicKeyLine, key->publicKeyLine.section(u' ', 0, 1)); // no comment
        auto open = loadKeyPair(path, "pass phrase");
        QVERIFY(open.ok());
        QCOMPARE(open->publicKeyLine, key->publicKeyLine);
        QCOMPARE(loadKeyPair(path, "wrong").error().code, QStringLiteral("ssh_key_passphrase"));
    }

    void loadsEncryptedKeysFromSshKeygen()
    {
        // ssh-keygen's own encryption (aes256-ctr, bcrypt, 16 rounds) proves our bcrypt_pbkdf.
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/id");
        int exitCode = -1;
        run(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
             QStringLiteral("-N"), QStringLiteral("s3cret \u00e9"), QStringLiteral("-C"),
             QStringLiteral("by-openssh"), QStringLiteral("-f"), path},
            &exitCode);
        QCOMPARE(exitCode, 0);
        QFile pub(path + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QString line = QString::fromUtf8(pub.readAll()).trimmed();
        auto key = loadKeyPair(path, QStringLiteral("s3cret \u00e9").toUtf8());
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message));
        QVERIFY(key->encrypted);
        QCOMPARE(key->publicKeyLine, line);
        QCOMPARE(loadKeyPair(path, "s3cret").error().code, QStringLiteral("ssh_key_passphrase"));
    }

    void changesThePassphrase()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/id");
        auto plain = loadOrCreateKeyPair(path, QStringLiteral("c"));
        QVERIFY(plain.ok() && !plain->encrypted);
        auto locked = changeKeyPassphrase(path, {}, "first");
        QVERIFY(locked.ok());
        QVERIFY(locked->encrypted);
        QCOMPARE(locked->publicKeyLine, plain->publicKeyLine); // the same key
        QCOMPARE(mode(path), 0600);
        QCOMPARE(changeKeyPassphrase(path, {}, "x").error().code,
                 QStringLiteral("ssh_key_passphrase"));
        QCOMPARE(changeKeyPassphrase(path, "wrong", "x").error().code,
                 QStringLiteral("ssh_key_passphrase"));
        QVERIFY(changeKeyPassphrase(path, "first", "second").ok());
        int exitCode = -1;
        QCOMPARE(run(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-y"), QStringLiteral("-P"), QStringLiteral("second"),
                      QStringLiteral("-f"), path},
                     &exitCode),
                 plain->publicKeyLine);
        auto unlocked = changeKeyPassphrase(path, "second", {});
        QVERIFY(unlocked.ok());
        QVERIFY(!unlocked->encrypted);
        QCOMPARE(run(QStringLiteral("ssh-keygen"), {QStringLiteral("-y"), QStringLiteral("-f"), path},
                     &exitCode),
                 plain->publicKeyLine);
        QCOMPARE(exitCode, 0);
    }

    void hostKeyFingerprintMatchesOpenSsh()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/host");
        auto key = generateEd25519Key(QStringLiteral("host"));
        QVERIFY(key.ok() && saveKeyPair(*key, path).ok());
        auto hostKey = HostKey::fromOpenSshLine(key->publicKeyLine);
        QVERIFY(hostKey.ok());
        QCOMPARE(hostKey->type(), QByteArrayLiteral("ssh-ed25519"));
        QCOMPARE(hostKey->toOpenSshLine(), key->publicKeyLine.section(u' ', 0, 1));
        const QString listed =
            run(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-l"), QStringLiteral("-f"), path + QStringLiteral(".pub")});
        QCOMPARE(listed.section(u' ', 1, 1), hostKey->fingerprint());
    }

    void hostKeyRejectsMalformedLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("empty") << QString();
        QTest::newRow("type only") << QStringLiteral("ssh-ed25519");
        QTest::newRow("bad base64") << QStringLiteral("ssh-ed25519 ***");
        QTest::newRow("short blob") << QStringLiteral("ssh-ed25519 AAAA");
        // A real ed25519 blob announced as another type.
        QTest::newRow("type mismatch") << QStringLiteral(
            "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl");
    }

    void hostKeyRejectsMalformedLines()
    {
        QFETCH(QString, line);
        auto key = HostKey::fromOpenSshLine(line);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, QStringLiteral("host_key_invalid"));
    }
};

QTEST_GUILESS_MAIN(TestSshKey)
#include "tst_sshkey.moc"
